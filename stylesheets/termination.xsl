<?xml version="1.0" encoding="UTF-8"?>
<!--
  termination.xsl: the RELEASE CHECKLIST 释放清单 of a termination (seed step 14 and the termination
  sub-process 服务级别终止管理流程: 1 通知客户, 2 客户确认, 3 基础架构释放, 4 人力资源释放, 5 供应商释放,
  6 服务核算, 7 服务总结, and the archive 归档).

  The notice and the customer's reply (or the deemed confirmation), then one checklist per kind of
  resource: every item with released / date / person, an empty box (cell box="true") where the item
  is still open, and — from the SLA's proposal — every resource the termination should release that
  has no item yet, as an open row (for suppliers: the proposal's supplier resources and supplier
  contracts).  Then the accounting against the budget, the summary with corrective actions, the
  archive list (documents step 14 archives that are not archived yet are open rows), and signature
  lines.
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
    <e k="initiator" zh="终止提出方" en="Initiated by"/>
    <e k="initiator.customer" zh="客户" en="The customer"/>
    <e k="initiator.provider" zh="服务提供方" en="The provider"/>
    <e k="effective" zh="服务终止日期" en="Last day of service"/>
    <e k="progress" zh="释放进度" en="Release progress"/>
    <e k="progress.n" zh="已释放 # 项，共 ## 项" en="# of ## items released"/>
    <e k="reason" zh="终止原因" en="Reason"/>
    <e k="notice-section" zh="通知与客户确认" en="Notice and confirmation"/>
    <e k="notice" zh="终止通知" en="Notice"/>
    <e k="notice.by" zh="# 由 ## 发出" en="sent on # by ##"/>
    <e k="confirm-within" zh="确认期限" en="Confirmation period"/>
    <e k="confirm-days" zh="# 个工作日内书面确认，逾期未回复视同确认" en="written confirmation within # working days; silence counts as confirmation"/>
    <e k="reply" zh="客户书面回复" en="Customer's written reply"/>
    <e k="reply.on" zh="# 回复" en="replied on #"/>
    <e k="reply.signed" zh="签字人：#" en="signed by #"/>
    <e k="reply.received" zh="接收人：#" en="received by #"/>
    <e k="no-reply" zh="尚未收到书面回复" en="No written reply received yet"/>
    <e k="extension" zh="延期批准" en="Extension approved"/>
    <e k="extension.text" zh="# 批准服务延续至 ##" en="approved by ## on #, service continues until ###"/>
    <e k="release.infrastructure" zh="基础架构释放" en="Infrastructure release"/>
    <e k="release.staff" zh="人力资源释放" en="Staff release"/>
    <e k="release.supplier" zh="供应商释放" en="Supplier release"/>
    <e k="release-intro.infrastructure" zh="服务级别经理组织服务提供部门释放该服务级别占用的基础架构资源。" en="The service level manager has the providing departments release the infrastructure the service used."/>
    <e k="release-intro.staff" zh="服务级别经理组织服务提供部门释放该服务级别占用的人力资源。" en="The service level manager has the providing departments release the staff the service used."/>
    <e k="release-intro.supplier" zh="服务级别经理告知供应商经理释放该服务级别占用的供应商资源；涉及合同变更的，按供应商管理调整合同。" en="The service level manager has the supplier manager release the supplier resources; contracts are changed where needed."/>
    <e k="resource" zh="资源" en="Resource"/>
    <e k="from" zh="部门 / 供应商" en="Department / supplier"/>
    <e k="released" zh="已释放" en="Released"/>
    <e k="released-on" zh="释放日期" en="Date"/>
    <e k="released-by" zh="责任人" en="By"/>
    <e k="yes" zh="是" en="Yes"/>
    <e k="not-listed" zh="建议书所列资源，清单中尚无此项" en="In the proposal, not on the checklist yet"/>
    <e k="nothing" zh="无需释放的资源。" en="Nothing to release."/>
    <e k="accounting" zh="服务核算" en="Service accounting"/>
    <e k="budget" zh="预算" en="Budget"/>
    <e k="actual" zh="实际成本" en="Actual cost"/>
    <e k="difference" zh="差额" en="Difference"/>
    <e k="rate" zh="预算执行率" en="Budget used"/>
    <e k="verdict" zh="结论" en="Result"/>
    <e k="within" zh="未超预算" en="Within budget"/>
    <e k="over" zh="超出预算" en="Over budget"/>
    <e k="accounted" zh="核算人 #，##" en="Accounted by #, ##"/>
    <e k="proposal-budget" zh="运维项目建议书 # 的预算为 ##。" en="The budget of proposal # is ##."/>
    <e k="no-accounting" zh="尚未进行服务核算。" en="Not accounted yet."/>
    <e k="summary" zh="服务总结" en="Summary"/>
    <e k="corrective" zh="不符合和纠正预防措施" en="Nonconformities and corrective actions"/>
    <e k="archive" zh="归档清单" en="Archive"/>
    <e k="archive-intro" zh="服务级别协议、运维项目建议书、OLA 以及支持合同归档。" en="The SLA, the proposal, the OLAs and the contracts are archived."/>
    <e k="archived" zh="已归档" en="Archived"/>
    <e k="archived-on" zh="归档日期" en="Date"/>
    <e k="archived-by" zh="经办人" en="By"/>
    <e k="document" zh="文档" en="Document"/>
    <e k="kind" zh="类型" en="Kind"/>
    <e k="to-archive" zh="待归档" en="To be archived"/>
    <e k="sign" zh="签署" en="Signatures"/>
    <e k="sign-intro" zh="以上各项已核对无误。" en="The items above have been checked."/>
    <e k="contract" zh="支持合同" en="Underpinning contract"/>
  </xsl:variable>
  <xsl:variable name="labels" select="exsl:node-set($labels-table)/*"/>

  <xsl:variable name="proposal" select="slm:referring('proposal', 'sla', string(/*/@sla))[1]"/>

  <!-- every row of the three checklists: <r kind= ref= open= listed=/> -->
  <xsl:variable name="rows-rtf">
    <xsl:for-each select="/*/s:release/s:item">
      <r kind="{../@kind}" ref="{@ref}" open="{not(@released)}" listed="true"/>
    </xsl:for-each>
    <xsl:for-each select="$proposal/s:resource">
      <xsl:if test="not(@id = $root/s:release[@kind = current()/@kind]/s:item/@ref)">
        <r kind="{@kind}" ref="{@id}" open="true" listed="false"/>
      </xsl:if>
    </xsl:for-each>
    <xsl:for-each select="$proposal/s:contract">
      <xsl:if test="not(@ref = $root/s:release[@kind = 'supplier']/s:item/@ref)">
        <r kind="supplier" ref="{@ref}" open="true" listed="false"/>
      </xsl:if>
    </xsl:for-each>
  </xsl:variable>
  <xsl:variable name="rows" select="exsl:node-set($rows-rtf)/*"/>

  <xsl:template match="/s:termination">
    <xsl:variable name="me" select="."/>
    <xsl:variable name="title">
      <xsl:choose>
        <xsl:when test="s:title"><xsl:value-of select="normalize-space(s:title)"/></xsl:when>
        <xsl:otherwise><xsl:value-of select="concat(f:party(string($the-sla/@customer)), ' ', f:t('kind.termination'))"/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:call-template name="document">
      <xsl:with-param name="title" select="string($title)"/>
      <xsl:with-param name="kind" select="f:t('kind.termination')"/>
      <xsl:with-param name="date" select="f:latest(.//@date | .//@released)"/>
      <xsl:with-param name="keywords" select="normalize-space(concat(@id, ' ', @sla, ' ', $proposal/@id))"/>
      <xsl:with-param name="body">
        <xsl:call-template name="title-block">
          <xsl:with-param name="title" select="string($title)"/>
          <xsl:with-param name="subtitle" select="concat(f:t('kind.termination'), f:t('sep'), @id)"/>
          <xsl:with-param name="facts">
            <pair key="{f:t('sla')}"><xsl:value-of select="concat(@sla, ' ', normalize-space($the-sla/s:title))"/></pair>
            <pair key="{f:t('customer')}"><xsl:value-of select="f:party(string($the-sla/@customer))"/></pair>
            <pair key="{f:t('initiator')}"><xsl:value-of select="f:t(concat('initiator.', @initiator))"/></pair>
            <pair key="{f:t('effective')}"><xsl:value-of select="f:date(@effective)"/></pair>
            <pair key="{f:t('status')}"><xsl:value-of select="f:t(concat('status.', @status))"/></pair>
            <pair key="{f:t('progress')}">
              <xsl:choose>
                <xsl:when test="$rows[@open = 'true']"><strong><xsl:value-of select="f:t2('progress.n', count($rows[@open = 'false']), count($rows))"/></strong></xsl:when>
                <xsl:otherwise><xsl:value-of select="f:t2('progress.n', count($rows[@open = 'false']), count($rows))"/></xsl:otherwise>
              </xsl:choose>
            </pair>
          </xsl:with-param>
        </xsl:call-template>

        <section>
          <h level="1"><xsl:value-of select="f:t('reason')"/></h>
          <p><xsl:value-of select="normalize-space(s:reason)"/></p>
        </section>

        <xsl:call-template name="notice-section"/>

        <xsl:call-template name="release">
          <xsl:with-param name="kind" select="'infrastructure'"/>
        </xsl:call-template>
        <xsl:call-template name="release">
          <xsl:with-param name="kind" select="'staff'"/>
        </xsl:call-template>
        <xsl:call-template name="release">
          <xsl:with-param name="kind" select="'supplier'"/>
        </xsl:call-template>

        <xsl:call-template name="accounting"/>

        <xsl:if test="s:summary or s:corrective">
          <section>
            <h level="1"><xsl:value-of select="f:t('summary')"/></h>
            <xsl:for-each select="s:summary"><p><xsl:value-of select="normalize-space(.)"/></p></xsl:for-each>
            <xsl:if test="s:corrective">
              <table widths="8* 2.5* 3*">
                <head>
                  <row>
                    <cell><xsl:value-of select="f:t('corrective')"/></cell>
                    <cell><xsl:value-of select="f:t('owner')"/></cell>
                    <cell><xsl:value-of select="f:t('due')"/></cell>
                  </row>
                </head>
                <body>
                  <xsl:for-each select="s:corrective">
                    <row>
                      <cell><xsl:value-of select="normalize-space(.)"/></cell>
                      <cell><xsl:if test="@owner"><xsl:value-of select="f:person(string(@owner))"/></xsl:if></cell>
                      <cell><xsl:if test="@due"><xsl:value-of select="f:date(@due)"/></xsl:if></cell>
                    </row>
                  </xsl:for-each>
                </body>
              </table>
            </xsl:if>
          </section>
        </xsl:if>

        <xsl:call-template name="archive"/>

        <section keep-together="true">
          <h level="1"><xsl:value-of select="f:t('sign')"/></h>
          <p><xsl:value-of select="f:t('sign-intro')"/></p>
          <signatures>
            <xsl:variable name="slm-person" select="string((s:accounting/@person | $the-sla/s:signature[@person][not(@party) or @party = $org-id]/@person)[1])"/>
            <xsl:call-template name="sign-line">
              <xsl:with-param name="person" select="$slm-person"/>
                <xsl:with-param name="party" select="f:person-dept($slm-person)"/>
              <xsl:with-param name="role" select="f:t('role.service-level-manager')"/>
            </xsl:call-template>
            <xsl:if test="$proposal/@owner">
              <xsl:call-template name="sign-line">
                <xsl:with-param name="person" select="string($proposal/@owner)"/>
                <xsl:with-param name="party" select="f:person-dept(string($proposal/@owner))"/>
                <xsl:with-param name="role" select="f:t('role.ops-owner')"/>
              </xsl:call-template>
            </xsl:if>
            <xsl:variable name="supmgr" select="string((s:release[@kind = 'supplier']/s:item/@person | f:doc(string($proposal/s:contract[1]/@ref))/@manager)[1])"/>
            <xsl:if test="$supmgr != ''">
              <xsl:call-template name="sign-line">
                <xsl:with-param name="person" select="$supmgr"/>
                <xsl:with-param name="party" select="f:person-dept($supmgr)"/>
                <xsl:with-param name="role" select="f:t('role.supplier-manager')"/>
              </xsl:call-template>
            </xsl:if>
            <xsl:call-template name="sign-line">
              <xsl:with-param name="person" select="string(s:notice/@person)"/>
                <xsl:with-param name="party" select="f:person-dept(string(s:notice/@person))"/>
              <xsl:with-param name="role" select="f:t('role.sales')"/>
            </xsl:call-template>
          </signatures>
        </section>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- ============================================================== notice and reply -->

  <xsl:template name="notice-section">
    <section>
      <h level="1"><xsl:value-of select="f:t('notice-section')"/></h>
      <kv key-width="32mm">
        <pair key="{f:t('notice')}">
          <xsl:value-of select="f:t2('notice.by', f:date(s:notice/@date), concat(f:person(string(s:notice/@person)), f:paren(f:role(string(s:notice/@person), 'sales'))))"/>
          <xsl:if test="normalize-space(s:notice) != ''"><br/><xsl:value-of select="normalize-space(s:notice)"/></xsl:if>
        </pair>
        <xsl:if test="s:notice/@confirm-within">
          <pair key="{f:t('confirm-within')}"><xsl:value-of select="f:tn('confirm-days', s:notice/@confirm-within)"/></pair>
        </xsl:if>
        <pair key="{f:t('reply')}">
          <xsl:choose>
            <xsl:when test="s:reply">
              <xsl:value-of select="f:tn('reply.on', f:date(s:reply/@date))"/>
              <xsl:if test="s:reply/@name"><xsl:value-of select="concat(f:t('comma'), f:tn('reply.signed', s:reply/@name))"/></xsl:if>
              <xsl:if test="s:reply/@person"><xsl:value-of select="concat(f:t('comma'), f:tn('reply.received', f:person(string(s:reply/@person))))"/></xsl:if>
              <xsl:if test="normalize-space(s:reply) != ''"><br/><xsl:value-of select="normalize-space(s:reply)"/></xsl:if>
            </xsl:when>
            <xsl:otherwise><strong><xsl:value-of select="f:t('no-reply')"/></strong></xsl:otherwise>
          </xsl:choose>
        </pair>
        <xsl:for-each select="s:extension">
          <pair key="{f:t('extension')}">
            <xsl:choose>
              <xsl:when test="$lang = 'en'"><xsl:value-of select="concat('approved by ', f:person(string(@person)), ' on ', f:date(@date), '; service continues until ', f:date(@until))"/></xsl:when>
              <xsl:otherwise><xsl:value-of select="concat(f:person(string(@person)), f:paren(f:role(string(@person), 'executive')), '于 ', f:date(@date), ' 批准服务延续至 ', f:date(@until))"/></xsl:otherwise>
            </xsl:choose>
          </pair>
        </xsl:for-each>
      </kv>
    </section>
  </xsl:template>

  <!-- ============================================================== checklists -->

  <xsl:template name="release">
    <xsl:param name="kind"/>
    <xsl:variable name="me" select="$root"/>
    <xsl:variable name="mine" select="$rows[@kind = $kind]"/>
    <section>
      <h level="1"><xsl:value-of select="f:t(concat('release.', $kind))"/></h>
      <p><xsl:value-of select="f:t(concat('release-intro.', $kind))"/></p>
      <xsl:choose>
        <xsl:when test="not($mine)"><p><xsl:value-of select="f:t('nothing')"/></p></xsl:when>
        <xsl:otherwise>
          <table widths="7* 2.6* 2.8* 1.6* 3* 1.8*">
            <head>
              <row>
                <cell><xsl:value-of select="f:t('resource')"/></cell>
                <cell><xsl:value-of select="f:t('service')"/></cell>
                <cell><xsl:value-of select="f:t('from')"/></cell>
                <cell align="center"><xsl:value-of select="f:t('released')"/></cell>
                <cell><xsl:value-of select="f:t('released-on')"/></cell>
                <cell><xsl:value-of select="f:t('released-by')"/></cell>
              </row>
            </head>
            <body>
              <xsl:for-each select="$mine">
                <xsl:variable name="ref" select="string(@ref)"/>
                <xsl:variable name="item" select="$me/s:release[@kind = $kind]/s:item[@ref = $ref][1]"/>
                <xsl:variable name="res" select="$proposal/s:resource[@id = $ref]"/>
                <xsl:variable name="con" select="f:doc($ref)[self::s:contract]"/>
                <row>
                  <cell>
                    <xsl:choose>
                      <xsl:when test="$res"><strong><xsl:value-of select="$res/@name"/></strong></xsl:when>
                      <xsl:when test="$con"><strong><xsl:value-of select="concat(f:t('contract'), ' ', f:title-of($con))"/></strong></xsl:when>
                      <xsl:otherwise><strong><xsl:value-of select="$ref"/></strong></xsl:otherwise>
                    </xsl:choose>
                    <br/><xsl:value-of select="$ref"/>
                    <xsl:if test="$res/@person"><xsl:value-of select="concat(f:t('sep'), f:person(string($res/@person)))"/></xsl:if>
                    <xsl:if test="$con/@number"><xsl:value-of select="concat(f:t('sep'), $con/@number)"/></xsl:if>
                    <xsl:if test="normalize-space($item) != ''"><br/><xsl:value-of select="normalize-space($item)"/></xsl:if>
                    <xsl:if test="@listed = 'false'"><br/><em><xsl:value-of select="f:t('not-listed')"/></em></xsl:if>
                  </cell>
                  <cell>
                    <xsl:choose>
                      <xsl:when test="$res/@service"><xsl:value-of select="f:service(string($res/@service))"/></xsl:when>
                      <xsl:when test="$con">
                        <xsl:for-each select="$con/s:supports[@sla = $me/@sla]">
                          <xsl:if test="position() &gt; 1"><br/></xsl:if>
                          <xsl:value-of select="f:service(string(@service))"/>
                        </xsl:for-each>
                      </xsl:when>
                    </xsl:choose>
                  </cell>
                  <cell>
                    <xsl:choose>
                      <xsl:when test="$res/@supplier"><xsl:value-of select="f:party(string($res/@supplier))"/></xsl:when>
                      <xsl:when test="$res/@dept"><xsl:value-of select="f:dept(string($res/@dept))"/></xsl:when>
                      <xsl:when test="$con"><xsl:value-of select="f:party(string($con/@supplier))"/></xsl:when>
                    </xsl:choose>
                  </cell>
                  <xsl:choose>
                    <xsl:when test="@open = 'true'"><cell box="true" align="center"/></xsl:when>
                    <xsl:otherwise><cell align="center"><xsl:value-of select="f:t('yes')"/></cell></xsl:otherwise>
                  </xsl:choose>
                  <cell><xsl:if test="$item/@released"><xsl:value-of select="f:date($item/@released)"/></xsl:if></cell>
                  <cell><xsl:if test="$item/@person"><xsl:value-of select="f:person(string($item/@person))"/></xsl:if></cell>
                </row>
              </xsl:for-each>
            </body>
          </table>
        </xsl:otherwise>
      </xsl:choose>
    </section>
  </xsl:template>

  <!-- ============================================================== accounting -->

  <xsl:template name="accounting">
    <xsl:variable name="a" select="s:accounting"/>
    <section>
      <h level="1"><xsl:value-of select="f:t('accounting')"/></h>
      <xsl:choose>
        <xsl:when test="not($a)"><p><xsl:value-of select="f:t('no-accounting')"/></p></xsl:when>
        <xsl:otherwise>
          <table widths="3* 3* 3* 2* 2*" keep-together="true">
            <head>
              <row>
                <cell align="right"><xsl:value-of select="f:t('budget')"/></cell>
                <cell align="right"><xsl:value-of select="f:t('actual')"/></cell>
                <cell align="right"><xsl:value-of select="f:t('difference')"/></cell>
                <cell align="right"><xsl:value-of select="f:t('rate')"/></cell>
                <cell><xsl:value-of select="f:t('verdict')"/></cell>
              </row>
            </head>
            <body>
              <row>
                <cell align="right"><xsl:value-of select="f:money($a/@budget, $a/@currency)"/></cell>
                <cell align="right"><xsl:value-of select="f:money($a/@actual, $a/@currency)"/></cell>
                <cell align="right"><xsl:value-of select="f:money($a/@budget - $a/@actual, $a/@currency)"/></cell>
                <cell align="right">
                  <xsl:if test="number($a/@budget) &gt; 0"><xsl:value-of select="format-number($a/@actual div $a/@budget, '0.0%')"/></xsl:if>
                </cell>
                <cell>
                  <xsl:choose>
                    <xsl:when test="number($a/@actual) &gt; number($a/@budget)"><strong><xsl:value-of select="f:t('over')"/></strong></xsl:when>
                    <xsl:otherwise><xsl:value-of select="f:t('within')"/></xsl:otherwise>
                  </xsl:choose>
                </cell>
              </row>
            </body>
          </table>
          <xsl:if test="normalize-space($a) != ''"><p><xsl:value-of select="normalize-space($a)"/></p></xsl:if>
          <p style="small">
            <xsl:value-of select="f:t2('accounted', f:person(string($a/@person)), f:date($a/@date))"/>
            <xsl:if test="$proposal/s:budget">
              <xsl:value-of select="concat(f:t('full-stop'), f:t2('proposal-budget', $proposal/@id, f:money-per($proposal/s:budget/@amount, $proposal/s:budget/@currency, $proposal/s:budget/@per)))"/>
            </xsl:if>
          </p>
        </xsl:otherwise>
      </xsl:choose>
    </section>
  </xsl:template>

  <!-- ============================================================== archive -->

  <xsl:template name="archive">
    <xsl:variable name="me" select="."/>
    <!-- what step 14 archives: the SLA, the proposal, its OLAs and contracts -->
    <xsl:variable name="expected-rtf">
      <x ref="{@sla}"/>
      <xsl:if test="$proposal"><x ref="{$proposal/@id}"/></xsl:if>
      <xsl:for-each select="$proposal/s:ola | $proposal/s:contract"><x ref="{@ref}"/></xsl:for-each>
    </xsl:variable>
    <xsl:variable name="missing" select="exsl:node-set($expected-rtf)/*[not(@ref = $me/s:archive/@ref)]"/>
    <section>
      <h level="1"><xsl:value-of select="f:t('archive')"/></h>
      <p><xsl:value-of select="f:t('archive-intro')"/></p>
      <table widths="4.2* 3.2* 5* 1.6* 3.2* 1.8*">
        <head>
          <row>
            <cell><xsl:value-of select="f:t('document')"/></cell>
            <cell><xsl:value-of select="f:t('kind')"/></cell>
            <cell><xsl:value-of select="f:t('title')"/></cell>
            <cell align="center"><xsl:value-of select="f:t('archived')"/></cell>
            <cell><xsl:value-of select="f:t('archived-on')"/></cell>
            <cell><xsl:value-of select="f:t('archived-by')"/></cell>
          </row>
        </head>
        <body>
          <xsl:for-each select="s:archive">
            <xsl:variable name="d" select="f:doc(string(@ref))"/>
            <row>
              <cell><xsl:value-of select="@ref"/></cell>
              <cell><xsl:if test="$d"><xsl:value-of select="f:kind($d)"/></xsl:if></cell>
              <cell><xsl:value-of select="f:title-of($d)"/></cell>
              <cell align="center"><xsl:value-of select="f:t('yes')"/></cell>
              <cell><xsl:if test="@date"><xsl:value-of select="f:date(@date)"/></xsl:if></cell>
              <cell><xsl:if test="@person"><xsl:value-of select="f:person(string(@person))"/></xsl:if></cell>
            </row>
          </xsl:for-each>
          <xsl:for-each select="$missing">
            <xsl:variable name="d" select="f:doc(string(@ref))"/>
            <row>
              <cell><xsl:value-of select="@ref"/></cell>
              <cell><xsl:if test="$d"><xsl:value-of select="f:kind($d)"/></xsl:if></cell>
              <cell><xsl:value-of select="f:title-of($d)"/><br/><em><xsl:value-of select="f:t('to-archive')"/></em></cell>
              <cell box="true" align="center"/>
              <cell/>
              <cell/>
            </row>
          </xsl:for-each>
        </body>
      </table>
    </section>
  </xsl:template>

</xsl:stylesheet>
