<?xml version="1.0" encoding="UTF-8"?>
<!--
  proposal.xsl: 运维项目建议书 / operations project proposal (seed step 8: the service level manager
  has it written from the contract decomposition and appoints the ops owner 运维服务负责人; updated in
  steps 12, 13).  The plan per SLA service with the staff assigned, the OLAs and supplier contracts
  the plan relies on, the resources (what a termination must release), the budget (what the
  termination's accounting compares with), and sign-off lines for the author and the ops owner.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns="urn:slm:layout:1"
    xmlns:s="urn:slm:1"
    xmlns:slm="urn:slm:xslt:1"
    xmlns:exsl="http://exslt.org/common"
    xmlns:f="urn:slm:stylesheet-functions"
    exclude-result-prefixes="s slm exsl f">

  <xsl:import href="common.xsl"/>

  <xsl:variable name="labels-table">
    <e k="owner" zh="运维服务负责人" en="Service owner"/>
    <e k="author" zh="编制人" en="Written by"/>
    <e k="written" zh="编制日期" en="Date"/>
    <e k="decomposition" zh="合同技术条款分解" en="Contract decomposition"/>
    <e k="budget" zh="预算" en="Budget"/>
    <e k="plans" zh="服务方案" en="Service plans"/>
    <e k="plan" zh="运维服务方案" en="Plan"/>
    <e k="staff" zh="运维服务人员" en="Staff assigned"/>
    <e k="no-plan" zh="（未编写方案）" en="(no plan written)"/>
    <e k="agreements" zh="支持协议" en="Supporting agreements"/>
    <e k="agreements-intro" zh="本方案依赖下列 OLA 与供应商支持合同。" en="The plan relies on the following OLAs and underpinning contracts."/>
    <e k="type" zh="类型" en="Type"/>
    <e k="committed-by" zh="承诺方" en="Committed by"/>
    <e k="resources" zh="资源" en="Resources"/>
    <e k="resources-intro" zh="本项目占用下列资源；协议终止时按释放清单逐项释放。" en="The project uses the resources below; when the agreement ends they are released item by item on the release checklist."/>
    <e k="kind.infrastructure" zh="基础架构" en="Infrastructure"/>
    <e k="kind.staff" zh="人力资源" en="Staff"/>
    <e k="kind.supplier" zh="供应商" en="Supplier"/>
    <e k="from" zh="部门 / 供应商" en="Department / supplier"/>
    <e k="budget-section" zh="预算" en="Budget"/>
    <e k="budget-total" zh="项目预算" en="Project budget"/>
    <e k="sla-charges" zh="协议服务费用" en="SLA charges"/>
    <e k="sign" zh="编制与审核" en="Sign-off"/>
    <e k="written-by" zh="编制（服务级别经理）" en="Written by (service level manager)"/>
    <e k="owned-by" zh="运维服务负责人" en="Service owner"/>
  </xsl:variable>
  <xsl:variable name="labels" select="exsl:node-set($labels-table)/*"/>

  <xsl:variable name="on">
    <xsl:choose>
      <xsl:when test="$as-of != ''"><xsl:value-of select="$as-of"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="/*/@date"/></xsl:otherwise>
    </xsl:choose>
  </xsl:variable>

  <xsl:template match="/s:proposal">
    <xsl:variable name="svcs" select="f:effective-services($base-sla, $on)[self::s:service]"/>
    <xsl:call-template name="document">
      <xsl:with-param name="title" select="s:title"/>
      <xsl:with-param name="kind" select="f:t('kind.proposal')"/>
      <xsl:with-param name="date" select="string(@date)"/>
      <xsl:with-param name="keywords" select="normalize-space(concat(@id, ' ', @sla, ' ', @decomposition))"/>
      <xsl:with-param name="body">
        <xsl:call-template name="title-block">
          <xsl:with-param name="title" select="s:title"/>
          <xsl:with-param name="subtitle" select="concat(f:t('kind.proposal'), f:t('sep'), @id)"/>
          <xsl:with-param name="facts">
            <pair key="{f:t('sla')}"><xsl:value-of select="concat(@sla, ' ', normalize-space($the-sla/s:title))"/></pair>
            <pair key="{f:t('customer')}"><xsl:value-of select="f:party(string($the-sla/@customer))"/></pair>
            <xsl:if test="$the-sla/s:term">
              <pair key="{f:t('term')}"><xsl:value-of select="f:date-range($the-sla/s:term/@start, $the-sla/s:term/@end)"/></pair>
            </xsl:if>
            <pair key="{f:t('owner')}">
              <xsl:choose>
                <xsl:when test="@owner"><xsl:value-of select="f:person-full(string(@owner))"/></xsl:when>
                <xsl:otherwise><xsl:value-of select="f:t('dash')"/></xsl:otherwise>
              </xsl:choose>
            </pair>
            <pair key="{f:t('author')}"><xsl:value-of select="concat(f:person(string(@person)), f:paren(f:role(string(@person), 'service-level-manager')))"/></pair>
            <pair key="{f:t('written')}"><xsl:value-of select="f:date(@date)"/></pair>
            <pair key="{f:t('decomposition')}"><xsl:value-of select="@decomposition"/></pair>
            <xsl:if test="s:budget">
              <pair key="{f:t('budget')}"><xsl:value-of select="f:money-per(s:budget/@amount, s:budget/@currency, s:budget/@per)"/></pair>
            </xsl:if>
          </xsl:with-param>
          <xsl:with-param name="intro" select="s:description"/>
        </xsl:call-template>

        <!-- 1 plans -->
        <section>
          <h level="1"><xsl:value-of select="f:t('plans')"/></h>
          <xsl:for-each select="s:service">
            <xsl:variable name="svc" select="$svcs[@ref = current()/@ref]"/>
            <section keep-together="true">
              <h level="2"><xsl:value-of select="concat(f:service(string(@ref)), f:paren(@ref))"/></h>
              <kv key-width="32mm">
                <xsl:if test="$svc">
                  <pair key="{f:t('tier')}"><xsl:value-of select="f:tier(string($svc/@tier))"/></pair>
                  <pair key="{f:t('hours')}"><xsl:value-of select="f:tier-hours(string($svc/@tier))"/></pair>
                  <xsl:if test="$svc/s:availability">
                    <pair key="{f:t('availability-target')}"><xsl:value-of select="f:pct($svc/s:availability/@target)"/></pair>
                  </xsl:if>
                </xsl:if>
                <pair key="{f:t('staff')}">
                  <xsl:for-each select="s:staff">
                    <xsl:if test="position() &gt; 1"><xsl:value-of select="f:t('list-sep')"/></xsl:if>
                    <xsl:value-of select="f:person-full(string(@person))"/>
                  </xsl:for-each>
                  <xsl:if test="not(s:staff)"><xsl:value-of select="f:t('dash')"/></xsl:if>
                </pair>
              </kv>
              <p>
                <strong><xsl:value-of select="concat(f:t('plan'), f:t('colon'))"/></strong>
                <xsl:choose>
                  <xsl:when test="s:plan"><xsl:value-of select="normalize-space(s:plan)"/></xsl:when>
                  <xsl:otherwise><xsl:value-of select="f:t('no-plan')"/></xsl:otherwise>
                </xsl:choose>
              </p>
            </section>
          </xsl:for-each>
        </section>

        <!-- 2 OLAs and contracts -->
        <xsl:if test="s:ola or s:contract">
          <section>
            <h level="1"><xsl:value-of select="f:t('agreements')"/></h>
            <p><xsl:value-of select="f:t('agreements-intro')"/></p>
            <table widths="2* 4* 5* 3* 2*">
              <head>
                <row>
                  <cell><xsl:value-of select="f:t('type')"/></cell>
                  <cell><xsl:value-of select="f:t('id')"/></cell>
                  <cell><xsl:value-of select="f:t('title')"/></cell>
                  <cell><xsl:value-of select="f:t('committed-by')"/></cell>
                  <cell><xsl:value-of select="f:t('status')"/></cell>
                </row>
              </head>
              <body>
                <xsl:for-each select="s:ola | s:contract">
                  <xsl:variable name="d" select="f:doc(string(@ref))"/>
                  <row>
                    <cell>
                      <xsl:choose>
                        <xsl:when test="self::s:ola">OLA</xsl:when>
                        <xsl:otherwise><xsl:value-of select="f:t('kind.contract')"/></xsl:otherwise>
                      </xsl:choose>
                    </cell>
                    <cell>
                      <xsl:value-of select="@ref"/>
                      <xsl:if test="$d/@number"><br/><xsl:value-of select="$d/@number"/></xsl:if>
                    </cell>
                    <cell>
                      <xsl:choose>
                        <xsl:when test="$d"><xsl:value-of select="f:title-of($d)"/></xsl:when>
                        <xsl:otherwise><xsl:value-of select="f:t('not-found')"/></xsl:otherwise>
                      </xsl:choose>
                    </cell>
                    <cell>
                      <xsl:choose>
                        <xsl:when test="$d/@dept"><xsl:value-of select="f:dept(string($d/@dept))"/></xsl:when>
                        <xsl:when test="$d/@supplier"><xsl:value-of select="f:party(string($d/@supplier))"/></xsl:when>
                      </xsl:choose>
                    </cell>
                    <cell><xsl:if test="$d/@status"><xsl:value-of select="f:t(concat('status.', $d/@status))"/></xsl:if></cell>
                  </row>
                </xsl:for-each>
              </body>
            </table>
          </section>
        </xsl:if>

        <!-- 3 resources -->
        <xsl:if test="s:resource">
          <section>
            <h level="1"><xsl:value-of select="f:t('resources')"/></h>
            <p><xsl:value-of select="f:t('resources-intro')"/></p>
            <table widths="2* 4.6* 5* 2.6* 3*">
              <head>
                <row>
                  <cell><xsl:value-of select="f:t('type')"/></cell>
                  <cell><xsl:value-of select="f:t('id')"/></cell>
                  <cell><xsl:value-of select="f:t('title')"/></cell>
                  <cell><xsl:value-of select="f:t('service')"/></cell>
                  <cell><xsl:value-of select="f:t('from')"/></cell>
                </row>
              </head>
              <body>
                <xsl:for-each select="s:resource">
                  <xsl:sort select="string-length(substring-before('infrastructure staff supplier', @kind))" data-type="number"/>
                  <row>
                    <cell><xsl:value-of select="f:t(concat('kind.', @kind))"/></cell>
                    <cell><xsl:value-of select="@id"/></cell>
                    <cell>
                      <xsl:value-of select="@name"/>
                      <xsl:if test="@person"><br/><xsl:value-of select="f:person(string(@person))"/></xsl:if>
                    </cell>
                    <cell><xsl:if test="@service"><xsl:value-of select="f:service(string(@service))"/></xsl:if></cell>
                    <cell>
                      <xsl:choose>
                        <xsl:when test="@supplier"><xsl:value-of select="f:party(string(@supplier))"/></xsl:when>
                        <xsl:when test="@dept"><xsl:value-of select="f:dept(string(@dept))"/></xsl:when>
                      </xsl:choose>
                    </cell>
                  </row>
                </xsl:for-each>
              </body>
            </table>
          </section>
        </xsl:if>

        <!-- 4 budget -->
        <xsl:if test="s:budget">
          <section>
            <h level="1"><xsl:value-of select="f:t('budget-section')"/></h>
            <kv key-width="32mm">
              <pair key="{f:t('budget-total')}"><xsl:value-of select="f:money-per(s:budget/@amount, s:budget/@currency, s:budget/@per)"/></pair>
              <xsl:if test="$the-sla/s:charges">
                <pair key="{f:t('sla-charges')}"><xsl:value-of select="f:money-per($the-sla/s:charges/@amount, $the-sla/s:charges/@currency, $the-sla/s:charges/@per)"/></pair>
              </xsl:if>
            </kv>
          </section>
        </xsl:if>

        <section keep-together="true">
          <h level="1"><xsl:value-of select="f:t('sign')"/></h>
          <signatures>
            <xsl:call-template name="sign-line">
              <xsl:with-param name="person" select="string(@person)"/>
              <xsl:with-param name="action" select="f:t('act.prepared')"/>
              <xsl:with-param name="role" select="f:role(string(@person), 'service-level-manager')"/>
              <xsl:with-param name="date" select="string(@date)"/>
            </xsl:call-template>
            <xsl:call-template name="sign-line">
              <xsl:with-param name="person" select="string(@owner)"/>
              <xsl:with-param name="action" select="f:t('act.accepted')"/>
              <xsl:with-param name="role" select="f:t('role.ops-owner')"/>
            </xsl:call-template>
          </signatures>
        </section>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

</xsl:stylesheet>
