<?xml version="1.0" encoding="UTF-8"?>
<!--
  report.xsl: 服务报告 / Service Report (seed step 11: monitor the service levels, analyse the
  trend of each service, produce the service report).

  - service level achievement: each measure against the availability target of the SLA in force
    at the end of the period (the base SLA with its additional SLAs applied), credits triggered;
  - availability trend: one line chart per service, month by month, from this report and the
    earlier reports of the same SLA (slm:referring('report', 'sla', @sla); a reissued report
    replaces the original of its period), with the SLA target as the target line;
  - incidents: opened, responded, resolved, and the response and resolution times on the SLA
    clock (slm:clock: only service hours count) against the targets of the SLA in force when the
    incident was opened; breaches are marked;
  - satisfaction, comments, and the sign-off.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns="urn:slm:layout:1"
    xmlns:s="urn:slm:1"
    xmlns:slm="urn:slm:xslt:1"
    xmlns:exsl="http://exslt.org/common"
    xmlns:f="urn:slm:stylesheet-functions"
    xmlns:func="http://exslt.org/functions"
    extension-element-prefixes="func"
    exclude-result-prefixes="s slm exsl f func">

  <xsl:import href="common.xsl"/>

  <xsl:variable name="labels-table">
    <e k="period" zh="报告期" en="Period"/>
    <e k="reporter" zh="报告人" en="Prepared by"/>
    <e k="issued" zh="报告日期" en="Issued"/>
    <e k="satisfaction" zh="客户满意度" en="Customer satisfaction"/>
    <e k="score" zh="# 分（满分 ## 分）" en="# of ##"/>
    <e k="reissue" zh="更正版（版本 #），替代此前发布的同期报告" en="Corrected issue (version #), replacing the earlier report for this period"/>
    <e k="achievement" zh="服务级别达成情况" en="Service level achievement"/>
    <e k="measured" zh="实测可用性" en="Measured"/>
    <e k="downtime" zh="停机时长" en="Downtime"/>
    <e k="result" zh="结论" en="Result"/>
    <e k="met" zh="达标" en="Met"/>
    <e k="missed" zh="未达标" en="Missed"/>
    <e k="credit-due" zh="触发服务抵扣 #" en="credit of # due"/>
    <e k="no-target" zh="无目标" en="no target"/>
    <e k="not-measured" zh="未报告" en="not reported"/>
    <e k="summary.all-met" zh="本期 # 项服务的可用性全部达到目标。" en="All services met their availability targets in this period. "/>
    <e k="summary.some-missed" zh="本期 # 项服务中有 ## 项可用性未达到目标。" en="Services that missed their availability target: ## of #. "/>
    <e k="summary.incidents" zh="本期共发生 # 起事件，## 起超出响应或解决时间目标。" en="Incidents: #, of which ## exceeded a response or resolution target."/>
    <e k="summary.no-incidents" zh="本期未发生事件。" en="No incidents in this period."/>
    <e k="trend" zh="可用性趋势" en="Availability trend"/>
    <e k="trend-intro" zh="下图为本协议各项服务自 # 至 ## 逐月的实测可用性（%），水平线为 SLA 可用性目标。" en="The charts show the measured availability (%) of each service month by month from # to ##; the horizontal line is the SLA availability target."/>
    <e k="trend-caption" zh="#实测可用性" en="# measured availability"/>
    <e k="target-label" zh="SLA 目标 #%" en="SLA target #%"/>
    <e k="incidents" zh="事件" en="Incidents"/>
    <e k="incidents-intro" zh="响应用时与解决用时按 SLA 时钟计算，只计服务时间之内的时间；目标为事件发生时有效协议中该服务、该优先级的目标。" en="Response and resolution times are on the SLA clock: only time inside the service hours counts. Targets are those of the agreement in force when the incident was opened, for its service and priority."/>
    <e k="incidents-none" zh="本期未发生事件。" en="No incidents in this period."/>
    <e k="incident" zh="事件" en="Incident"/>
    <e k="opened" zh="报告时间" en="Opened"/>
    <e k="responded" zh="响应时间" en="Responded"/>
    <e k="resolved" zh="解决时间" en="Resolved"/>
    <e k="response-used" zh="响应用时 / 目标" en="Response / target"/>
    <e k="resolution-used" zh="解决用时 / 目标" en="Resolution / target"/>
    <e k="target" zh="目标 #" en="target #"/>
    <e k="breach" zh="超时" en="breach"/>
    <e k="breach.response" zh="响应超时" en="Response target missed"/>
    <e k="breach.resolution" zh="解决超时" en="Resolution target missed"/>
    <e k="breach.both" zh="响应、解决均超时" en="Response and resolution targets missed"/>
    <e k="open" zh="处理中" en="Open"/>
    <e k="unknown" zh="无法计算" en="Not computable"/>
    <e k="details" zh="事件说明" en="Incident details"/>
    <e k="comments" zh="分析与说明" en="Analysis and remarks"/>
    <e k="sign" zh="编制与确认" en="Prepared and acknowledged"/>
    <e k="times-local" zh="时间为当地时间（#）。" en="Times are local times (#)."/>
  </xsl:variable>
  <xsl:variable name="labels" select="exsl:node-set($labels-table)/*"/>

  <xsl:variable name="sla" select="$base-sla"/>

  <xsl:template match="/s:report">
    <xsl:variable name="me" select="."/>
    <xsl:variable name="svcs" select="f:effective-services($sla, @to)[self::s:service]"/>
    <xsl:variable name="credits" select="f:effective-part($sla, @to, 'credit')"/>

    <!-- incidents evaluated once, in document order: <i id= service= priority= opened= responded=
         resolved= rc= sc= (seconds used on the SLA clock) rt= st= (targets) rb= sb= (breaches)/>;
         the incident table is drawn from these, so that it stays linear in the incidents -->
    <xsl:variable name="eval-rtf">
      <xsl:for-each select="s:incident">
        <xsl:variable name="on" select="f:effective-services($sla, substring(@opened, 1, 10))[self::s:service][@ref = current()/@service]"/>
        <xsl:variable name="rt" select="$on/s:response[@priority = current()/@priority]/@within"/>
        <xsl:variable name="st" select="$on/s:resolution[@priority = current()/@priority]/@within"/>
        <xsl:variable name="rc">
          <xsl:choose>
            <xsl:when test="@responded"><xsl:value-of select="slm:clock(string($sla/@id), string(@service), string(@opened), string(@responded))"/></xsl:when>
            <xsl:otherwise>-</xsl:otherwise>
          </xsl:choose>
        </xsl:variable>
        <xsl:variable name="sc">
          <xsl:choose>
            <xsl:when test="@resolved"><xsl:value-of select="slm:clock(string($sla/@id), string(@service), string(@opened), string(@resolved))"/></xsl:when>
            <xsl:otherwise>-</xsl:otherwise>
          </xsl:choose>
        </xsl:variable>
        <i id="{@id}" service="{@service}" priority="{@priority}" opened="{@opened}"
           responded="{@responded}" resolved="{@resolved}" rc="{$rc}" sc="{$sc}" rt="{$rt}" st="{$st}"
           rb="{$rt and number($rc) = number($rc) and number($rc) &gt; f:seconds-of($rt)}"
           sb="{$st and number($sc) = number($sc) and number($sc) &gt; f:seconds-of($st)}"/>
      </xsl:for-each>
    </xsl:variable>
    <xsl:variable name="eval" select="exsl:node-set($eval-rtf)/*"/>
    <xsl:variable name="title">
      <xsl:choose>
        <xsl:when test="s:title"><xsl:value-of select="normalize-space(s:title)"/></xsl:when>
        <xsl:otherwise><xsl:value-of select="concat(f:party(string($sla/@customer)), ' ', f:t('kind.report'), f:paren(f:period(@from, @to)))"/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>

    <xsl:call-template name="document">
      <xsl:with-param name="title" select="string($title)"/>
      <xsl:with-param name="kind" select="f:t('kind.report')"/>
      <xsl:with-param name="date" select="string(@date)"/>
      <xsl:with-param name="keywords" select="normalize-space(concat(@id, ' ', @sla, ' ', $sla/@customer))"/>
      <xsl:with-param name="body">
        <xsl:call-template name="title-block">
          <xsl:with-param name="title" select="string($title)"/>
          <xsl:with-param name="subtitle" select="concat(f:t('kind.report'), f:t('sep'), @id, f:t('sep'), f:period(@from, @to))"/>
          <xsl:with-param name="facts">
            <pair key="{f:t('sla')}"><xsl:value-of select="concat(@sla, ' ', normalize-space($sla/s:title))"/></pair>
            <pair key="{f:t('customer')}"><xsl:value-of select="f:party(string($sla/@customer))"/></pair>
            <pair key="{f:t('period')}"><xsl:value-of select="f:date-range(@from, @to)"/></pair>
            <pair key="{f:t('reporter')}"><xsl:value-of select="concat(f:person(string(@person)), f:paren(f:role(string(@person), 'service-level-manager')))"/></pair>
            <pair key="{f:t('issued')}"><xsl:value-of select="f:date(@date)"/></pair>
            <xsl:if test="number(@version) &gt; 1">
              <pair key="{f:t('version')}"><xsl:value-of select="f:tn('reissue', @version)"/></pair>
            </xsl:if>
            <xsl:if test="s:satisfaction">
              <pair key="{f:t('satisfaction')}"><xsl:value-of select="f:t2('score', s:satisfaction/@score, s:satisfaction/@scale)"/></pair>
            </xsl:if>
          </xsl:with-param>
        </xsl:call-template>

        <!-- 1 achievement -->
        <section>
          <h level="1"><xsl:value-of select="f:t('achievement')"/></h>
          <xsl:variable name="missed" select="s:measure[number(@availability) &lt; number($svcs[@ref = current()/@service]/s:availability/@target)]"/>
          <p>
            <xsl:choose>
              <xsl:when test="$missed"><xsl:value-of select="f:t2('summary.some-missed', count(s:measure), count($missed))"/></xsl:when>
              <xsl:otherwise><xsl:value-of select="f:tn('summary.all-met', count(s:measure))"/></xsl:otherwise>
            </xsl:choose>
            <xsl:choose>
              <xsl:when test="s:incident">
                <xsl:value-of select="f:t2('summary.incidents', count(s:incident), count($eval[@rb = 'true' or @sb = 'true']))"/>
              </xsl:when>
              <xsl:otherwise><xsl:value-of select="f:t('summary.no-incidents')"/></xsl:otherwise>
            </xsl:choose>
          </p>
          <table widths="3.6* 3.6* 2.6* 2.6* 2.8* 2.4*">
            <head>
              <row>
                <cell><xsl:value-of select="f:t('service')"/></cell>
                <cell><xsl:value-of select="f:t('tier')"/></cell>
                <cell align="right"><xsl:value-of select="f:t('availability-target')"/></cell>
                <cell align="right"><xsl:value-of select="f:t('measured')"/></cell>
                <cell align="right"><xsl:value-of select="f:t('downtime')"/></cell>
                <cell><xsl:value-of select="f:t('result')"/></cell>
              </row>
            </head>
            <body>
              <xsl:for-each select="s:measure">
                <xsl:variable name="svc" select="$svcs[@ref = current()/@service]"/>
                <xsl:variable name="target" select="$svc/s:availability/@target"/>
                <xsl:variable name="credit" select="$credits[@service = current()/@service][number(current()/@availability) &lt; number(@below)]"/>
                <row>
                  <cell><xsl:value-of select="f:service(string(@service))"/></cell>
                  <cell><xsl:if test="$svc"><xsl:value-of select="f:tier(string($svc/@tier))"/></xsl:if></cell>
                  <cell align="right"><xsl:value-of select="f:pct($target)"/></cell>
                  <cell align="right"><xsl:value-of select="f:pct(@availability)"/></cell>
                  <cell align="right"><xsl:value-of select="f:dur(@downtime)"/></cell>
                  <cell>
                    <xsl:choose>
                      <xsl:when test="not($target)"><xsl:value-of select="f:t('no-target')"/></xsl:when>
                      <xsl:when test="number(@availability) &lt; number($target)"><strong><xsl:value-of select="f:t('missed')"/></strong></xsl:when>
                      <xsl:otherwise><xsl:value-of select="f:t('met')"/></xsl:otherwise>
                    </xsl:choose>
                    <xsl:if test="$credit">
                      <br/><strong><xsl:value-of select="f:tn('credit-due', f:pct($credit[1]/@percent))"/></strong>
                    </xsl:if>
                  </cell>
                </row>
              </xsl:for-each>
              <!-- services of the SLA the report does not measure -->
              <xsl:for-each select="$svcs[not(@ref = $me/s:measure/@service)]">
                <row>
                  <cell><xsl:value-of select="f:service(string(@ref))"/></cell>
                  <cell><xsl:value-of select="f:tier(string(@tier))"/></cell>
                  <cell align="right"><xsl:value-of select="f:pct(s:availability/@target)"/></cell>
                  <cell align="right"><xsl:value-of select="f:t('dash')"/></cell>
                  <cell align="right"><xsl:value-of select="f:t('dash')"/></cell>
                  <cell><strong><xsl:value-of select="f:t('not-measured')"/></strong></cell>
                </row>
              </xsl:for-each>
            </body>
          </table>
        </section>

        <!-- 2 trend -->
        <xsl:call-template name="trend">
          <xsl:with-param name="me" select="$me"/>
          <xsl:with-param name="svcs" select="$svcs"/>
        </xsl:call-template>

        <!-- 3 incidents -->
        <section>
          <h level="1"><xsl:value-of select="f:t('incidents')"/></h>
          <xsl:choose>
            <xsl:when test="not(s:incident)"><p><xsl:value-of select="f:t('incidents-none')"/></p></xsl:when>
            <xsl:otherwise>
              <p><xsl:value-of select="f:t('incidents-intro')"/></p>
              <xsl:call-template name="incident-table">
                <xsl:with-param name="eval" select="$eval"/>
              </xsl:call-template>
              <xsl:if test="s:incident[normalize-space(.) != '']">
                <h level="2" bookmark="false" nonum="true"><xsl:value-of select="f:t('details')"/></h>
                <list>
                  <xsl:for-each select="s:incident[normalize-space(.) != '']">
                    <item><strong><xsl:value-of select="@id"/></strong><xsl:value-of select="concat(f:t('colon'), normalize-space(.))"/></item>
                  </xsl:for-each>
                </list>
              </xsl:if>
            </xsl:otherwise>
          </xsl:choose>
        </section>

        <!-- 4 satisfaction and remarks -->
        <xsl:if test="s:satisfaction or s:comment">
          <section>
            <h level="1"><xsl:value-of select="f:t('comments')"/></h>
            <xsl:if test="s:satisfaction">
              <p><xsl:value-of select="concat(f:t('satisfaction'), f:t('colon'), f:t2('score', s:satisfaction/@score, s:satisfaction/@scale), f:t('full-stop'))"/></p>
            </xsl:if>
            <xsl:for-each select="s:comment">
              <p><xsl:value-of select="normalize-space(.)"/></p>
            </xsl:for-each>
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
            <signature party="{f:t('act.acknowledged')}{f:party(string($sla/@customer))}" role="{f:t('role.customer')}"/>
          </signatures>
        </section>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- ============================================================== availability trend -->

  <xsl:template name="trend">
    <xsl:param name="me"/>
    <xsl:param name="svcs"/>
    <xsl:variable name="hist" select="slm:referring('report', 'sla', string($me/@sla))[f:num(@to) &lt;= f:num($me/@to)] | $me"/>
    <!-- one row per report, by period, the highest version first within a period -->
    <xsl:variable name="rows-rtf">
      <xsl:for-each select="$hist">
        <xsl:sort select="f:num(@from)" data-type="number"/>
        <xsl:sort select="number(@version)" data-type="number" order="descending"/>
        <r from="{@from}" to="{@to}" cur="{generate-id(.) = generate-id($me)}">
          <xsl:copy-of select="s:measure"/>
        </r>
      </xsl:for-each>
    </xsl:variable>
    <xsl:variable name="all" select="exsl:node-set($rows-rtf)/*"/>
    <!-- this report for its own period; elsewhere the first (latest version) of each period -->
    <xsl:variable name="chosen-rtf">
      <xsl:for-each select="$all">
        <xsl:variable name="from" select="@from"/>
        <xsl:if test="@cur = 'true' or (not($all[@cur = 'true'][@from = $from]) and not(preceding-sibling::*[@from = $from]))">
          <xsl:copy-of select="."/>
        </xsl:if>
      </xsl:for-each>
    </xsl:variable>
    <xsl:variable name="rows" select="exsl:node-set($chosen-rtf)/*"/>
    <xsl:variable name="one-year" select="not($rows[substring(@from, 1, 4) != substring($rows[1]/@from, 1, 4)])"/>
    <section>
      <h level="1"><xsl:value-of select="f:t('trend')"/></h>
      <p><xsl:value-of select="f:t2('trend-intro', f:month($rows[1]/@from), f:month($rows[last()]/@from))"/></p>
      <xsl:for-each select="$me/s:measure">
        <xsl:variable name="svc" select="string(@service)"/>
        <xsl:variable name="target" select="$svcs[@ref = $svc]/s:availability/@target"/>
        <xsl:variable name="values" select="$rows/s:measure[@service = $svc]/@availability"/>
        <xsl:variable name="lowest">
          <xsl:for-each select="$values | $target">
            <xsl:sort select="number(.)" data-type="number"/>
            <xsl:if test="position() = 1"><xsl:value-of select="number(.)"/></xsl:if>
          </xsl:for-each>
        </xsl:variable>
        <chart type="line" unit="%" height="48mm" y-max="100" keep-together="true">
          <!-- y from a round value below the lowest point or target up to 100: a step of 0.05, 0.1,
               0.25, 0.5 or 1 by the span, so that the axis labels are round numbers -->
          <xsl:variable name="span" select="100 - number($lowest)"/>
          <xsl:variable name="step">
            <xsl:choose>
              <xsl:when test="$span &lt;= 0.2">0.05</xsl:when>
              <xsl:when test="$span &lt;= 0.4">0.1</xsl:when>
              <xsl:when test="$span &lt;= 1.1">0.25</xsl:when>
              <xsl:when test="$span &lt;= 2.2">0.5</xsl:when>
              <xsl:otherwise>1</xsl:otherwise>
            </xsl:choose>
          </xsl:variable>
          <xsl:attribute name="y-min">
            <xsl:value-of select="format-number(floor((number($lowest) - $step div 2) div $step) * $step, '0.00')"/>
          </xsl:attribute>
          <xsl:if test="$target">
            <xsl:attribute name="target"><xsl:value-of select="$target"/></xsl:attribute>
            <xsl:attribute name="target-label"><xsl:value-of select="f:tn('target-label', $target)"/></xsl:attribute>
          </xsl:if>
          <caption><xsl:value-of select="f:tn('trend-caption', concat(f:service($svc), f:paren($svc)))"/></caption>
          <series name="{f:service($svc)}">
            <xsl:for-each select="$rows[s:measure/@service = $svc][position() &lt;= 400]">
              <point x="{f:month-label(@from, $one-year)}" y="{s:measure[@service = $svc][1]/@availability}"/>
            </xsl:for-each>
          </series>
        </chart>
      </xsl:for-each>
    </section>
  </xsl:template>

  <!-- 8月 / Aug; with the year when the chart spans years: 2025年8月 / Aug 2025 -->
  <xsl:variable name="short-months" select="'JanFebMarAprMayJunJulAugSepOctNovDec'"/>
  <func:function name="f:month-label">
    <xsl:param name="d"/>
    <xsl:param name="one-year"/>
    <xsl:variable name="m" select="number(substring($d, 6, 2))"/>
    <xsl:choose>
      <xsl:when test="$lang = 'en' and $one-year"><func:result select="substring($short-months, $m * 3 - 2, 3)"/></xsl:when>
      <xsl:when test="$lang = 'en'"><func:result select="concat(substring($short-months, $m * 3 - 2, 3), ' ', substring($d, 3, 2))"/></xsl:when>
      <xsl:when test="$one-year"><func:result select="concat($m, '月')"/></xsl:when>
      <xsl:otherwise><func:result select="concat(substring($d, 3, 2), '年', $m, '月')"/></xsl:otherwise>
    </xsl:choose>
  </func:function>

  <!-- ============================================================== incidents -->

  <xsl:template name="incident-table">
    <xsl:param name="eval"/>
    <table widths="3.4* 2.2* 2.2* 2.2* 2.6* 2.6* 2.4*" size="8.5pt">
      <head>
        <row>
          <cell><xsl:value-of select="f:t('incident')"/></cell>
          <cell><xsl:value-of select="f:t('opened')"/></cell>
          <cell><xsl:value-of select="f:t('responded')"/></cell>
          <cell><xsl:value-of select="f:t('resolved')"/></cell>
          <cell><xsl:value-of select="f:t('response-used')"/></cell>
          <cell><xsl:value-of select="f:t('resolution-used')"/></cell>
          <cell><xsl:value-of select="f:t('result')"/></cell>
        </row>
      </head>
      <body>
        <xsl:for-each select="$eval">
          <xsl:sort select="@opened"/>
          <xsl:variable name="e" select="."/>
          <xsl:variable name="off" select="f:offset(@opened)"/>
          <row>
            <cell>
              <strong><xsl:value-of select="@id"/></strong><br/>
              <xsl:value-of select="f:service(string(@service))"/><br/>
              <xsl:value-of select="@priority"/>
            </cell>
            <cell><xsl:call-template name="when"><xsl:with-param name="t" select="@opened"/><xsl:with-param name="off" select="$off"/></xsl:call-template></cell>
            <cell><xsl:call-template name="when"><xsl:with-param name="t" select="@responded"/><xsl:with-param name="off" select="$off"/></xsl:call-template></cell>
            <cell><xsl:call-template name="when"><xsl:with-param name="t" select="@resolved"/><xsl:with-param name="off" select="$off"/></xsl:call-template></cell>
            <cell>
              <xsl:call-template name="used">
                <xsl:with-param name="secs" select="$e/@rc"/>
                <xsl:with-param name="target" select="$e/@rt"/>
                <xsl:with-param name="breach" select="$e/@rb = 'true'"/>
              </xsl:call-template>
            </cell>
            <cell>
              <xsl:call-template name="used">
                <xsl:with-param name="secs" select="$e/@sc"/>
                <xsl:with-param name="target" select="$e/@st"/>
                <xsl:with-param name="breach" select="$e/@sb = 'true'"/>
              </xsl:call-template>
            </cell>
            <cell>
              <xsl:choose>
                <xsl:when test="$e/@rb = 'true' and $e/@sb = 'true'"><strong><xsl:value-of select="f:t('breach.both')"/></strong></xsl:when>
                <xsl:when test="$e/@rb = 'true'"><strong><xsl:value-of select="f:t('breach.response')"/></strong></xsl:when>
                <xsl:when test="$e/@sb = 'true'"><strong><xsl:value-of select="f:t('breach.resolution')"/></strong></xsl:when>
                <xsl:when test="@resolved = ''"><xsl:value-of select="f:t('open')"/></xsl:when>
                <xsl:when test="string(number($e/@sc)) = 'NaN' or ($e/@rc != '-' and string(number($e/@rc)) = 'NaN')"><xsl:value-of select="f:t('unknown')"/></xsl:when>
                <xsl:when test="not($e/@rt != '' or $e/@st != '')"><xsl:value-of select="f:t('no-target')"/></xsl:when>
                <xsl:otherwise><xsl:value-of select="f:t('met')"/></xsl:otherwise>
              </xsl:choose>
            </cell>
          </row>
        </xsl:for-each>
      </body>
    </table>
  </xsl:template>

  <!-- an instant in a cell: date, then time (and its offset when it differs from OFF) -->
  <xsl:template name="when">
    <xsl:param name="t"/>
    <xsl:param name="off"/>
    <xsl:choose>
      <xsl:when test="string($t) = ''"><xsl:value-of select="f:t('dash')"/></xsl:when>
      <xsl:otherwise>
        <xsl:value-of select="substring($t, 1, 10)"/><br/>
        <xsl:value-of select="substring($t, 12, 5)"/>
        <xsl:if test="f:offset($t) != $off"><xsl:value-of select="concat(' ', f:offset-label($t))"/></xsl:if>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- time used on the SLA clock, and the target beneath -->
  <xsl:template name="used">
    <xsl:param name="secs"/>
    <xsl:param name="target"/>
    <xsl:param name="breach"/>
    <xsl:choose>
      <xsl:when test="$secs = '-' or string(number($secs)) = 'NaN'"><xsl:value-of select="f:t('dash')"/></xsl:when>
      <xsl:when test="$breach"><strong><xsl:value-of select="slm:seconds(number($secs), $lang)"/></strong></xsl:when>
      <xsl:otherwise><xsl:value-of select="slm:seconds(number($secs), $lang)"/></xsl:otherwise>
    </xsl:choose>
    <br/>
    <xsl:choose>
      <xsl:when test="string($target) != ''"><xsl:value-of select="f:tn('target', f:dur($target))"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="f:t('no-target')"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

</xsl:stylesheet>
