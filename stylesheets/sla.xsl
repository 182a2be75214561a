<?xml version="1.0" encoding="UTF-8"?>
<!--
  sla.xsl: 服务级别协议 / Service Level Agreement (seed steps 4, 5, 12, 13).

  A base SLA is rendered as the EFFECTIVE SLA on the as-of date: its services replaced, added or
  removed by every signed additional SLA whose effective date has come (DESIGN §3), with a section
  that lists every additional SLA (in force, signed but not yet effective, or draft) and what it
  changes.  An additional SLA (amends=) is rendered as itself: the base it amends, its effective
  date and its changes.  Both end with the signature blocks.
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
    <e k="parties" zh="协议双方" en="Parties"/>
    <e k="party-a" zh="甲方（客户）" en="Customer"/>
    <e k="party-b" zh="乙方（服务提供方）" en="Service provider"/>
    <e k="party" zh="协议方" en="Party"/>
    <e k="signer" zh="授权代表" en="Authorised signatory"/>
    <e k="contact-data" zh="联系方式" en="Contact details"/>
    <e k="sales-contract" zh="主合同" en="Main contract"/>
    <e k="signed-on" zh="签订于 " en="signed "/>
    <e k="requirements" zh="服务需求说明书" en="Service requirements"/>
    <e k="in-effect" zh="本文本为截至 # 的有效协议" en="Agreement in effect on #"/>
    <e k="in-effect-with" zh="，已含附加服务级别协议 " en=", including additional SLA "/>
    <e k="in-effect-as" zh="有效版本" en="In effect"/>
    <e k="services-section" zh="服务内容与服务级别" en="Services and service levels"/>
    <e k="services-intro" zh="乙方按下表向甲方提供服务。服务等级决定服务时间；可用性按服务时间计算。" en="The provider delivers the services below. The tier sets the service hours; availability is measured over the service hours."/>
    <e k="basis" zh="依据" en="Basis"/>
    <e k="basis.base" zh="本协议" en="This agreement"/>
    <e k="basis.amended" zh="附加协议 #" en="Additional SLA #"/>
    <e k="since" zh="，自 # 起" en=", from #"/>
    <e k="targets-of" zh="响应与解决时间目标" en="Response and resolution targets"/>
    <e k="removed" zh="已停止的服务" en="Services no longer provided"/>
    <e k="removed-by" zh="依附加协议 #，自 ## 起停止提供" en="no longer provided from ## (additional SLA #)"/>
    <e k="tiers-section" zh="服务等级与服务时间" en="Tiers and service hours"/>
    <e k="clock-rule" zh="响应时间与解决时间按 SLA 时钟计算：只计服务时间之内的时间，服务时间之外（以及仅限工作日的服务等级在法定节假日）暂停计时；调休上班日按工作日计。服务时间以#为准。" en="Response and resolution times run on the SLA clock: only time inside the service hours counts; the clock pauses outside them (and, for tiers on working days only, on public holidays). Service hours follow the working calendar #."/>
    <e k="onsite-yes" zh="含驻场服务" en="on-site service included"/>
    <e k="onsite-no" zh="不含驻场服务" en="no on-site service"/>
    <e k="tier-content" zh="服务内容" en="Description"/>
    <e k="reporting-section" zh="服务报告与服务回顾" en="Reporting and reviews"/>
    <e k="reporting" zh="服务报告：乙方#向甲方提交服务报告，报告期结束后 ## 内提交，内容包括各项服务的实测可用性、事件及其响应与解决时间、客户满意度。" en="Service reports: the provider sends a service report #, within ## after the end of each period, with the measured availability of each service, the incidents with their response and resolution times, and customer satisfaction."/>
    <e k="review" zh="服务回顾：双方至少#召开一次服务回顾会议，回顾服务报告、客户满意度与需求变化，形成回顾记录和服务改进计划。" en="Service reviews: the parties meet at least # to review the reports, satisfaction and changing needs; the review record and the improvement plan are kept."/>
    <e k="charges-section" zh="服务费用" en="Charges"/>
    <e k="charges-intro" zh="服务费用以 # 计。" en="Charges are in #."/>
    <e k="charge" zh="费用" en="Charge"/>
    <e k="period-col" zh="周期" en="Period"/>
    <e k="credits-section" zh="服务抵扣" en="Service credits"/>
    <e k="credits-intro" zh="某项服务在一个报告期内的实测可用性低于下表阈值时，乙方按下表比例抵扣甲方该期服务费用。" en="Where a service's measured availability in a reporting period falls below the threshold below, the provider credits the stated share of that period's charges."/>
    <e k="below" zh="可用性低于" en="Availability below"/>
    <e k="credit" zh="抵扣比例" en="Credit"/>
    <e k="credit-of" zh="当期服务费用的 #" en="# of the period's charges"/>
    <e k="amendments-section" zh="附加服务级别协议" en="Additional service level agreements"/>
    <e k="amendments-intro" zh="下列附加服务级别协议是本协议的组成部分。已签署且生效日期已到的附加协议已体现在本文本中。" en="The additional SLAs below form part of this agreement. Those signed and in effect are applied in this text."/>
    <e k="amendments-none" zh="本协议暂无附加服务级别协议。" en="There is no additional SLA to this agreement."/>
    <e k="effective" zh="生效日期" en="Effective"/>
    <e k="changes" zh="变更内容" en="Changes"/>
    <e k="a.in-force" zh="已生效" en="In effect"/>
    <e k="a.pending" zh="已签署，尚未生效" en="Signed, not yet in effect"/>
    <e k="a.draft" zh="草稿，未签署" en="Draft, not signed"/>
    <e k="a.other" zh="未生效" en="Not in effect"/>
    <e k="ch.replace" zh="调整服务 #：" en="Changes service #: "/>
    <e k="ch.add" zh="新增服务 #：" en="Adds service #: "/>
    <e k="ch.remove" zh="停止服务 #" en="Ends service #"/>
    <e k="ch.term" zh="协议期限改为 #" en="Term becomes #"/>
    <e k="ch.reporting" zh="服务报告周期改为#" en="Reports become #"/>
    <e k="ch.review" zh="服务回顾周期改为#" en="Reviews become #"/>
    <e k="ch.charges" zh="服务费用改为 #" en="Charges become #"/>
    <e k="ch.credit" zh="服务抵扣条款调整" en="Service credits changed"/>
    <e k="base" zh="基础协议" en="Base agreement"/>
    <e k="additional-intro" zh="本附加服务级别协议是 # 的组成部分，自 ## 起生效。除本附加协议所列变更外，基础协议的其他条款继续有效。" en="This additional SLA forms part of #, effective ##. Apart from the changes below, the base agreement continues to apply unchanged."/>
    <e k="changes-section" zh="变更内容" en="Changes"/>
    <e k="signatures-intro" zh="本协议经双方授权代表签署后生效。" en="This agreement comes into effect when signed by the authorised representatives of both parties."/>
    <e k="status.signed.on" zh="已签署（#）" en="Signed (#)"/>
    <e k="signed-date" zh="签署日期：#" en="signed #"/>
  </xsl:variable>
  <xsl:variable name="labels" select="exsl:node-set($labels-table)/*"/>

  <!-- the date the effective SLA is shown for -->
  <xsl:variable name="on">
    <xsl:choose>
      <xsl:when test="$as-of != ''"><xsl:value-of select="$as-of"/></xsl:when>
      <xsl:otherwise>9999-12-31</xsl:otherwise>
    </xsl:choose>
  </xsl:variable>

  <xsl:template match="/s:sla">
    <xsl:variable name="kind">
      <xsl:choose>
        <xsl:when test="@amends"><xsl:value-of select="f:t('kind.sla-additional')"/></xsl:when>
        <xsl:otherwise><xsl:value-of select="f:t('kind.sla')"/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:call-template name="document">
      <xsl:with-param name="title" select="s:title"/>
      <xsl:with-param name="kind" select="string($kind)"/>
      <xsl:with-param name="date" select="f:latest(s:signature/@date)"/>
      <xsl:with-param name="keywords" select="normalize-space(concat(@id, ' ', @amends, ' ', @customer, ' ', s:sales-contract/@number))"/>
      <xsl:with-param name="body">
        <xsl:choose>
          <xsl:when test="@amends"><xsl:apply-templates select="." mode="additional"/></xsl:when>
          <xsl:otherwise><xsl:apply-templates select="." mode="base"/></xsl:otherwise>
        </xsl:choose>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- ================================================================== the base SLA -->

  <xsl:template match="s:sla" mode="base">
    <xsl:variable name="sla" select="."/>
    <xsl:variable name="svcs" select="f:effective-services(., $on)"/>
    <xsl:variable name="applied" select="f:applied(., $on)"/>
    <xsl:variable name="term" select="f:effective-part(., $on, 'term')"/>
    <xsl:variable name="reporting" select="f:effective-part(., $on, 'reporting')"/>
    <xsl:variable name="review" select="f:effective-part(., $on, 'review')"/>
    <xsl:variable name="charges" select="f:effective-part(., $on, 'charges')"/>
    <xsl:variable name="credits" select="f:effective-part(., $on, 'credit')"/>

    <xsl:call-template name="title-block">
      <xsl:with-param name="title" select="s:title"/>
      <xsl:with-param name="subtitle" select="concat(f:t('kind.sla'), f:t('sep'), @id)"/>
      <xsl:with-param name="facts">
        <xsl:call-template name="party-facts"/>
        <xsl:if test="$term">
          <pair key="{f:t('term')}"><xsl:value-of select="f:date-range($term/@start, $term/@end)"/></pair>
          <xsl:if test="$term/@notice">
            <pair key="{f:t('notice')}"><xsl:value-of select="f:dur($term/@notice)"/></pair>
          </xsl:if>
        </xsl:if>
        <xsl:call-template name="status-fact"/>
        <xsl:if test="$as-of != '' and $applied">
          <pair key="{f:t('in-effect-as')}">
            <xsl:value-of select="f:tn('in-effect', f:date($as-of))"/>
            <xsl:value-of select="f:t('in-effect-with')"/>
            <xsl:for-each select="$applied">
              <xsl:sort select="f:num(@effective)" data-type="number"/>
              <xsl:if test="position() &gt; 1"><xsl:value-of select="f:t('list-sep')"/></xsl:if>
              <xsl:value-of select="@id"/>
            </xsl:for-each>
          </pair>
        </xsl:if>
      </xsl:with-param>
      <xsl:with-param name="intro" select="s:description"/>
    </xsl:call-template>

    <xsl:call-template name="parties-section"/>

    <!-- services -->
    <section>
      <h level="1"><xsl:value-of select="f:t('services-section')"/></h>
      <p><xsl:value-of select="f:t('services-intro')"/></p>
      <xsl:call-template name="services-table">
        <xsl:with-param name="svcs" select="$svcs[self::s:service]"/>
      </xsl:call-template>
      <xsl:if test="$svcs[self::s:removed]">
        <p keep-with-next="true"><strong><xsl:value-of select="f:t('removed')"/></strong></p>
        <list>
          <xsl:for-each select="$svcs[self::s:removed]">
            <item>
              <xsl:value-of select="concat(f:service(@service), f:t('colon'))"/>
              <xsl:value-of select="f:t2('removed-by', @src, f:date(@since))"/>
              <xsl:if test="normalize-space(.) != ''"><xsl:value-of select="concat(f:t('comma'), normalize-space(.))"/></xsl:if>
            </item>
          </xsl:for-each>
        </list>
      </xsl:if>
      <xsl:for-each select="$svcs[self::s:service]">
        <xsl:call-template name="service-detail"/>
      </xsl:for-each>
    </section>

    <xsl:call-template name="tiers-section">
      <xsl:with-param name="levels" select="$svcs[self::s:service]/@tier"/>
      <xsl:with-param name="term" select="$term"/>
    </xsl:call-template>

    <xsl:if test="$reporting or $review">
      <section>
        <h level="1"><xsl:value-of select="f:t('reporting-section')"/></h>
        <list>
          <xsl:if test="$reporting">
            <item>
              <xsl:variable name="due">
                <xsl:choose>
                  <xsl:when test="$reporting/@due"><xsl:value-of select="$reporting/@due"/></xsl:when>
                  <xsl:otherwise>P10D</xsl:otherwise>
                </xsl:choose>
              </xsl:variable>
              <xsl:value-of select="f:t2('reporting', f:cadence($reporting/@every), f:dur(string($due)))"/>
            </item>
          </xsl:if>
          <xsl:if test="$review">
            <item><xsl:value-of select="f:tn('review', f:cadence($review/@every))"/></item>
          </xsl:if>
        </list>
      </section>
    </xsl:if>

    <xsl:if test="$charges">
      <xsl:call-template name="charges-section">
        <xsl:with-param name="charges" select="$charges"/>
      </xsl:call-template>
    </xsl:if>

    <xsl:if test="$credits">
      <xsl:call-template name="credits-section">
        <xsl:with-param name="credits" select="$credits"/>
      </xsl:call-template>
    </xsl:if>

    <xsl:call-template name="amendments-section"/>

    <xsl:call-template name="signatures-section"/>
  </xsl:template>

  <!-- the customer, provider and main contract pairs of the title block -->
  <xsl:template name="party-facts">
    <pair key="{f:t('party-a')}"><xsl:value-of select="f:party(string(@customer))"/></pair>
    <pair key="{f:t('party-b')}"><xsl:value-of select="$org/@name"/></pair>
    <xsl:if test="s:sales-contract">
      <pair key="{f:t('sales-contract')}">
        <xsl:value-of select="s:sales-contract/@number"/>
        <xsl:if test="s:sales-contract/@date">
          <xsl:value-of select="f:paren(concat(f:t('signed-on'), f:date(s:sales-contract/@date)))"/>
        </xsl:if>
      </pair>
    </xsl:if>
  </xsl:template>

  <xsl:template name="status-fact">
    <pair key="{f:t('status')}">
      <xsl:choose>
        <xsl:when test="@status = 'signed' and s:signature/@date">
          <xsl:value-of select="f:tn('status.signed.on', f:date(f:latest(s:signature/@date)))"/>
        </xsl:when>
        <xsl:otherwise><xsl:value-of select="f:t(concat('status.', @status))"/></xsl:otherwise>
      </xsl:choose>
    </pair>
  </xsl:template>

  <xsl:template name="parties-section">
    <xsl:variable name="cust" select="$org/s:customer[@id = current()/@customer]"/>
    <xsl:variable name="slm" select="s:signature[@person][not(@party) or @party = $org-id][1]/@person"/>
    <xsl:variable name="mgr" select="$org/s:person[@id = $slm]"/>
    <section>
      <h level="1"><xsl:value-of select="f:t('parties')"/></h>
      <table widths="2.4* 4* 3* 4*" keep-together="true">
        <head>
          <row>
            <cell><xsl:value-of select="f:t('party')"/></cell>
            <cell><xsl:value-of select="f:t('title')"/></cell>
            <cell><xsl:value-of select="f:t('contact')"/></cell>
            <cell><xsl:value-of select="f:t('contact-data')"/></cell>
          </row>
        </head>
        <body>
          <row>
            <cell><xsl:value-of select="f:t('party-a')"/></cell>
            <cell><xsl:value-of select="f:party(string(@customer))"/></cell>
            <cell><xsl:value-of select="$cust/@contact"/></cell>
            <cell>
              <xsl:value-of select="$cust/@email"/>
              <xsl:if test="$cust/@email and $cust/@phone"><br/></xsl:if>
              <xsl:value-of select="$cust/@phone"/>
            </cell>
          </row>
          <row>
            <cell><xsl:value-of select="f:t('party-b')"/></cell>
            <cell><xsl:value-of select="$org/@name"/></cell>
            <cell>
              <xsl:if test="$mgr">
                <xsl:value-of select="concat($mgr/@name, f:paren(f:role(string($slm), 'service-level-manager')))"/>
              </xsl:if>
            </cell>
            <cell>
              <xsl:value-of select="$mgr/@email"/>
              <xsl:if test="$mgr/@email and $mgr/@phone"><br/></xsl:if>
              <xsl:value-of select="$mgr/@phone"/>
            </cell>
          </row>
        </body>
      </table>
    </section>
  </xsl:template>

  <!-- the services of the (effective) SLA in one table -->
  <xsl:template name="services-table">
    <xsl:param name="svcs"/>
    <xsl:param name="basis" select="true()"/>
    <table widths="4* 3* 4* 2*">
      <head>
        <row>
          <cell><xsl:value-of select="f:t('service')"/></cell>
          <cell><xsl:value-of select="f:t('tier')"/></cell>
          <cell><xsl:value-of select="f:t('hours')"/></cell>
          <cell align="right"><xsl:value-of select="f:t('availability-target')"/></cell>
        </row>
      </head>
      <body>
        <xsl:for-each select="$svcs">
          <row>
            <cell>
              <strong><xsl:value-of select="f:service(string(@ref))"/></strong><br/>
              <xsl:value-of select="@ref"/>
              <xsl:if test="$basis and @since != ''">
                <br/><em><xsl:value-of select="concat(f:tn('basis.amended', @src), f:tn('since', f:date(@since)))"/></em>
              </xsl:if>
            </cell>
            <cell><xsl:value-of select="f:tier(string(@tier))"/></cell>
            <cell><xsl:value-of select="f:tier-hours(string(@tier))"/></cell>
            <cell align="right"><xsl:value-of select="f:pct(s:availability/@target)"/></cell>
          </row>
        </xsl:for-each>
      </body>
    </table>
  </xsl:template>

  <!-- one service: its description and its targets -->
  <xsl:template name="service-detail">
    <section keep-together="true">
      <h level="2"><xsl:value-of select="concat(f:service(string(@ref)), f:paren(@ref))"/></h>
      <xsl:if test="s:description"><p><xsl:value-of select="normalize-space(s:description)"/></p></xsl:if>
      <kv key-width="32mm">
        <pair key="{f:t('tier')}"><xsl:value-of select="f:tier(string(@tier))"/></pair>
        <pair key="{f:t('hours')}"><xsl:value-of select="f:tier-hours(string(@tier))"/></pair>
        <pair key="{f:t('availability-target')}"><xsl:value-of select="f:pct(s:availability/@target)"/></pair>
        <xsl:if test="@since != ''">
          <pair key="{f:t('basis')}"><xsl:value-of select="concat(f:tn('basis.amended', @src), f:tn('since', f:date(@since)))"/></pair>
        </xsl:if>
      </kv>
      <xsl:call-template name="targets-table">
        <xsl:with-param name="targets" select="."/>
      </xsl:call-template>
    </section>
  </xsl:template>

  <xsl:template name="tiers-section">
    <xsl:param name="levels"/>
    <xsl:param name="term"/>
    <section>
      <h level="1"><xsl:value-of select="f:t('tiers-section')"/></h>
      <table widths="2* 3* 5*">
        <head>
          <row>
            <cell><xsl:value-of select="f:t('tier')"/></cell>
            <cell><xsl:value-of select="f:t('hours')"/></cell>
            <cell><xsl:value-of select="f:t('tier-content')"/></cell>
          </row>
        </head>
        <body>
          <xsl:for-each select="$catalog/s:tier[@level = $levels]">
            <row>
              <cell><xsl:value-of select="f:tier(string(@level))"/></cell>
              <cell><xsl:value-of select="f:hours(s:hours)"/></cell>
              <cell>
                <xsl:value-of select="normalize-space(s:description)"/>
                <xsl:if test="not(s:description)">
                  <xsl:choose>
                    <xsl:when test="@onsite = 'true'"><xsl:value-of select="f:t('onsite-yes')"/></xsl:when>
                    <xsl:otherwise><xsl:value-of select="f:t('onsite-no')"/></xsl:otherwise>
                  </xsl:choose>
                </xsl:if>
              </cell>
            </row>
          </xsl:for-each>
        </body>
      </table>
      <p>
        <xsl:value-of select="f:tn('clock-rule', f:calendar(@calendar, $term/@start, $term/@end))"/>
      </p>
    </section>
  </xsl:template>

  <xsl:template name="charges-section">
    <xsl:param name="charges"/>
    <section>
      <h level="1"><xsl:value-of select="f:t('charges-section')"/></h>
      <table widths="5* 3* 2*" keep-together="true">
        <head>
          <row>
            <cell><xsl:value-of select="f:t('service')"/></cell>
            <cell align="right"><xsl:value-of select="f:t('charge')"/></cell>
            <cell><xsl:value-of select="f:t('period-col')"/></cell>
          </row>
        </head>
        <body>
          <xsl:for-each select="$charges/s:item">
            <row>
              <cell><xsl:value-of select="concat(f:service(string(@service)), f:paren(@service))"/></cell>
              <cell align="right"><xsl:value-of select="f:money(@amount, $charges/@currency)"/></cell>
              <cell><xsl:call-template name="per-cell"/></cell>
            </row>
          </xsl:for-each>
          <row shade="true">
            <cell><strong><xsl:value-of select="f:t('total')"/></strong></cell>
            <cell align="right"><strong><xsl:value-of select="f:money($charges/@amount, $charges/@currency)"/></strong></cell>
            <cell><xsl:for-each select="$charges"><xsl:call-template name="per-cell"/></xsl:for-each></cell>
          </row>
        </body>
      </table>
    </section>
  </xsl:template>

  <xsl:template name="per-cell">
    <xsl:choose>
      <xsl:when test="@per and $lang = 'en'"><xsl:value-of select="concat('per ', f:per-unit(@per))"/></xsl:when>
      <xsl:when test="@per"><xsl:value-of select="concat('每', f:per-unit(@per))"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="f:t('per.once')"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="credits-section">
    <xsl:param name="credits"/>
    <section>
      <h level="1"><xsl:value-of select="f:t('credits-section')"/></h>
      <p><xsl:value-of select="f:t('credits-intro')"/></p>
      <table widths="5* 2* 3*" keep-together="true">
        <head>
          <row>
            <cell><xsl:value-of select="f:t('service')"/></cell>
            <cell align="right"><xsl:value-of select="f:t('below')"/></cell>
            <cell><xsl:value-of select="f:t('credit')"/></cell>
          </row>
        </head>
        <body>
          <xsl:for-each select="$credits">
            <row>
              <cell><xsl:value-of select="concat(f:service(string(@service)), f:paren(@service))"/></cell>
              <cell align="right"><xsl:value-of select="f:pct(@below)"/></cell>
              <cell><xsl:value-of select="f:tn('credit-of', f:pct(@percent))"/></cell>
            </row>
          </xsl:for-each>
        </body>
      </table>
    </section>
  </xsl:template>

  <!-- every additional SLA of this one, and what it changes -->
  <xsl:template name="amendments-section">
    <xsl:variable name="base" select="."/>
    <xsl:variable name="all" select="slm:referring('sla', 'amends', string(@id))"/>
    <section>
      <h level="1"><xsl:value-of select="f:t('amendments-section')"/></h>
      <xsl:choose>
        <xsl:when test="not($all)"><p><xsl:value-of select="f:t('amendments-none')"/></p></xsl:when>
        <xsl:otherwise>
          <p><xsl:value-of select="f:t('amendments-intro')"/></p>
          <table widths="4* 2.4* 2.6* 5*">
            <head>
              <row>
                <cell><xsl:value-of select="f:t('kind.sla-additional')"/></cell>
                <cell><xsl:value-of select="f:t('effective')"/></cell>
                <cell><xsl:value-of select="f:t('status')"/></cell>
                <cell><xsl:value-of select="f:t('changes')"/></cell>
              </row>
            </head>
            <body>
              <xsl:for-each select="$all">
                <xsl:sort select="f:num(@effective)" data-type="number"/>
                <xsl:sort select="@id"/>
                <row>
                  <cell><strong><xsl:value-of select="@id"/></strong><br/><xsl:value-of select="normalize-space(s:title)"/></cell>
                  <cell><xsl:value-of select="f:date(@effective)"/></cell>
                  <cell>
                    <xsl:choose>
                      <xsl:when test="@status = 'signed' and f:num(@effective) &lt;= f:num($on)"><xsl:value-of select="f:t('a.in-force')"/></xsl:when>
                      <xsl:when test="@status = 'signed'"><xsl:value-of select="f:t('a.pending')"/></xsl:when>
                      <xsl:when test="@status = 'draft'"><xsl:value-of select="f:t('a.draft')"/></xsl:when>
                      <xsl:otherwise><xsl:value-of select="f:t(concat('status.', @status))"/></xsl:otherwise>
                    </xsl:choose>
                    <xsl:if test="s:signature/@date">
                      <br/><xsl:value-of select="f:tn('signed-date', f:date(f:latest(s:signature/@date)))"/>
                    </xsl:if>
                  </cell>
                  <cell><xsl:apply-templates select="." mode="changes"><xsl:with-param name="base" select="$base"/></xsl:apply-templates></cell>
                </row>
              </xsl:for-each>
            </body>
          </table>
        </xsl:otherwise>
      </xsl:choose>
    </section>
  </xsl:template>

  <!-- what an additional SLA changes, as inline lines -->
  <xsl:template match="s:sla" mode="changes">
    <xsl:param name="base"/>
    <xsl:variable name="lines">
      <xsl:for-each select="s:service">
        <line>
          <xsl:choose>
            <xsl:when test="$base/s:service[@ref = current()/@ref]"><xsl:value-of select="f:tn('ch.replace', f:service(string(@ref)))"/></xsl:when>
            <xsl:otherwise><xsl:value-of select="f:tn('ch.add', f:service(string(@ref)))"/></xsl:otherwise>
          </xsl:choose>
          <xsl:value-of select="f:tier(string(@tier))"/>
          <xsl:if test="s:availability"><xsl:value-of select="concat(f:t('comma'), f:t('availability'), ' ', f:pct(s:availability/@target))"/></xsl:if>
          <xsl:variable name="tt" select="f:targets-text(.)"/>
          <xsl:if test="$tt != ''"><xsl:value-of select="concat(f:t('comma'), $tt)"/></xsl:if>
        </line>
      </xsl:for-each>
      <xsl:for-each select="s:remove">
        <line>
          <xsl:value-of select="f:tn('ch.remove', f:service(string(@service)))"/>
          <xsl:if test="normalize-space(.) != ''"><xsl:value-of select="concat(f:t('colon'), normalize-space(.))"/></xsl:if>
        </line>
      </xsl:for-each>
      <xsl:if test="s:term"><line><xsl:value-of select="f:tn('ch.term', f:date-range(s:term/@start, s:term/@end))"/></line></xsl:if>
      <xsl:if test="s:reporting"><line><xsl:value-of select="f:tn('ch.reporting', f:cadence(s:reporting/@every))"/></line></xsl:if>
      <xsl:if test="s:review"><line><xsl:value-of select="f:tn('ch.review', f:cadence(s:review/@every))"/></line></xsl:if>
      <xsl:if test="s:charges"><line><xsl:value-of select="f:tn('ch.charges', f:money-per(s:charges/@amount, s:charges/@currency, s:charges/@per))"/></line></xsl:if>
      <xsl:if test="s:credit"><line><xsl:value-of select="f:t('ch.credit')"/></line></xsl:if>
    </xsl:variable>
    <xsl:for-each select="exsl:node-set($lines)/*">
      <xsl:if test="position() &gt; 1"><br/></xsl:if>
      <xsl:value-of select="."/>
    </xsl:for-each>
  </xsl:template>

  <xsl:template name="signatures-section">
    <section keep-together="true">
      <h level="1"><xsl:value-of select="f:t('signatures')"/></h>
      <p><xsl:value-of select="f:t('signatures-intro')"/></p>
      <xsl:choose>
        <xsl:when test="s:signature">
          <signatures>
            <xsl:variable name="customer" select="string(@customer)"/>
            <xsl:for-each select="s:signature[position() &lt;= 6]">
              <xsl:apply-templates select="." mode="signature">
                <xsl:with-param name="prefix">
                  <xsl:choose>
                    <xsl:when test="@party = $customer"><xsl:value-of select="f:t('sig.a')"/></xsl:when>
                    <xsl:when test="@person"><xsl:value-of select="f:t('sig.b')"/></xsl:when>
                  </xsl:choose>
                </xsl:with-param>
              </xsl:apply-templates>
            </xsl:for-each>
          </signatures>
        </xsl:when>
        <xsl:otherwise>
          <!-- not yet signed: blank lines for both parties -->
          <signatures>
            <signature party="{f:t('sig.a')}{f:party(string(@customer))}" role="{f:t('role.customer')}"/>
            <signature party="{f:t('sig.b')}{$org/@name}" role="{f:t('role.service-level-manager')}"/>
          </signatures>
        </xsl:otherwise>
      </xsl:choose>
    </section>
  </xsl:template>

  <!-- ================================================================== an additional SLA -->

  <xsl:template match="s:sla" mode="additional">
    <xsl:variable name="base" select="f:doc(string(@amends))"/>
    <xsl:variable name="me" select="."/>
    <xsl:call-template name="title-block">
      <xsl:with-param name="title" select="s:title"/>
      <xsl:with-param name="subtitle" select="concat(f:t('kind.sla-additional'), f:t('sep'), @id)"/>
      <xsl:with-param name="toc" select="false()"/>
      <xsl:with-param name="facts">
        <pair key="{f:t('base')}">
          <xsl:value-of select="@amends"/>
          <xsl:if test="$base/s:title"><xsl:value-of select="concat(' ', normalize-space($base/s:title))"/></xsl:if>
        </pair>
        <xsl:call-template name="party-facts"/>
        <pair key="{f:t('effective')}"><xsl:value-of select="f:date(@effective)"/></pair>
        <xsl:call-template name="status-fact"/>
      </xsl:with-param>
      <xsl:with-param name="intro" select="s:description"/>
    </xsl:call-template>
    <p>
      <xsl:value-of select="f:t2('additional-intro', @amends, f:date(@effective))"/>
    </p>

    <section>
      <h level="1"><xsl:value-of select="f:t('changes-section')"/></h>
      <p><xsl:apply-templates select="." mode="changes"><xsl:with-param name="base" select="$base"/></xsl:apply-templates></p>
      <xsl:if test="s:service">
        <xsl:variable name="svcs">
          <xsl:for-each select="s:service">
            <s:service src="{$me/@id}" since="">
              <xsl:copy-of select="@* | node()"/>
            </s:service>
          </xsl:for-each>
        </xsl:variable>
        <xsl:for-each select="exsl:node-set($svcs)/*">
          <xsl:call-template name="service-detail"/>
        </xsl:for-each>
      </xsl:if>
    </section>

    <xsl:if test="s:charges">
      <xsl:call-template name="charges-section"><xsl:with-param name="charges" select="s:charges"/></xsl:call-template>
    </xsl:if>
    <xsl:if test="s:credit">
      <xsl:call-template name="credits-section"><xsl:with-param name="credits" select="s:credit"/></xsl:call-template>
    </xsl:if>

    <xsl:call-template name="signatures-section"/>
  </xsl:template>

</xsl:stylesheet>
