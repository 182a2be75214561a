<?xml version="1.0" encoding="UTF-8"?>
<!--
  nonconformity.xsl: 不合格报告 / nonconformity report (seed step 11: its outputs are 服务报告,
  回顾记录 and 不合格报告) from the findings of `slm check` (namespace urn:slm:diagnostics:1, written by
  `slm check` with format xml, rendered by `slm check` with format pdf).

  The run (repository, as-of date, files, counts), a summary table by rule and severity with the
  seed steps they come from (and the names of those steps), then every finding grouped by
  document: location, rule, severity, step, message and related locations; and sign-off lines for
  the service level manager.  Chinese unless the diagnostics root says xml:lang="en".
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns="urn:slm:layout:1"
    xmlns:d="urn:slm:diagnostics:1"
    xmlns:s="urn:slm:1"
    xmlns:slm="urn:slm:xslt:1"
    xmlns:exsl="http://exslt.org/common"
    xmlns:str="http://exslt.org/strings"
    xmlns:f="urn:slm:stylesheet-functions"
    xmlns:func="http://exslt.org/functions"
    extension-element-prefixes="func"
    exclude-result-prefixes="d s slm exsl str f func">

  <xsl:import href="common.xsl"/>

  <xsl:key name="by-file" match="d:diagnostic" use="@file"/>
  <xsl:key name="by-rule-severity" match="d:diagnostic" use="concat(@rule, ' ', @severity)"/>

  <xsl:variable name="labels-table">
    <e k="title" zh="不合格报告" en="Nonconformity report"/>
    <e k="subtitle" zh="slm check · # · 截至 ##" en="slm check · # · as of ##"/>
    <e k="repository" zh="检查范围" en="Repository"/>
    <e k="as-of" zh="检查基准日" en="As of"/>
    <e k="tool" zh="检查工具" en="Tool"/>
    <e k="files" zh="文件数" en="Files"/>
    <e k="files.n" zh="# 个文件" en="# files"/>
    <e k="result" zh="检查结果" en="Result"/>
    <e k="result.n" zh="错误 # 项，警告 ## 项，提示 ### 项" en="# errors, ## warnings, ### notes"/>
    <e k="intro" zh="本报告列出服务级别管理流程检查发现的不合格项。错误须在下次服务回顾前纠正；警告须评估并记录处理意见。" en="This report lists the nonconformities found by checking the service level management records. Errors are to be corrected before the next service review; warnings are to be assessed and answered."/>
    <e k="clean" zh="未发现不合格项。" en="No nonconformities were found."/>
    <e k="summary" zh="汇总" en="Summary"/>
    <e k="rule" zh="规则" en="Rule"/>
    <e k="severity" zh="严重程度" en="Severity"/>
    <e k="step" zh="流程步骤" en="Step"/>
    <e k="what" zh="说明" en="What it means"/>
    <e k="count" zh="数量" en="Count"/>
    <e k="total" zh="合计" en="Total"/>
    <e k="steps" zh="流程步骤（《运维服务级别管理流程》）：" en="Process steps (the SLM process):"/>
    <e k="step.structural" zh="—：结构性检查（格式、编号与引用）" en="—: structural checks (format, ids, references)"/>
    <e k="details" zh="不合格项明细" en="Findings by document"/>
    <e k="location" zh="位置" en="Location"/>
    <e k="message" zh="不合格描述" en="Finding"/>
    <e k="line" zh="第 # 行" en="line #"/>
    <e k="related" zh="相关位置" en="Related"/>
    <e k="n-findings" zh="# 项" en="# findings"/>
    <e k="sign" zh="处理与签署" en="Disposition and sign-off"/>
    <e k="sign-intro" zh="服务级别经理已审阅上述不合格项，将组织制定纠正和预防措施，并在服务回顾中跟踪其落实。" en="The service level manager has reviewed the findings above and will have corrective and preventive actions agreed and followed up in the service reviews."/>
    <e k="reviewed-by" zh="审阅（服务级别经理）" en="Reviewed by (service level manager)"/>
    <e k="approved-by" zh="批准" en="Approved by"/>
    <e k="sev.error" zh="错误" en="Error"/>
    <e k="sev.fatal error" zh="严重错误" en="Fatal error"/>
    <e k="sev.warning" zh="警告" en="Warning"/>
    <e k="sev.note" zh="提示" en="Note"/>
  </xsl:variable>
  <xsl:variable name="labels" select="exsl:node-set($labels-table)/*"/>

  <!-- the steps of the seed: the lifecycle 1-14, the termination sub-process T1-T7 -->
  <xsl:variable name="steps-table">
    <st k="1" zh="客户需求调查" en="customer requirements survey"/>
    <st k="2" zh="服务需求评估" en="requirements evaluation"/>
    <st k="3" zh="编制服务目录" en="service catalogue"/>
    <st k="4" zh="服务级别协议拟定和谈判" en="SLA drafting and negotiation"/>
    <st k="5" zh="签订合同（服务级别协议）" en="signing the SLA"/>
    <st k="6" zh="签订供应商合同" en="supplier contracts"/>
    <st k="7" zh="合同分解并通知各个部门" en="contract decomposition"/>
    <st k="8" zh="编写运维项目建议书" en="operations proposal"/>
    <st k="9" zh="提交运维项目立项报告和确定OLA" en="initiation and OLAs"/>
    <st k="10" zh="运维项目执行" en="delivery"/>
    <st k="11" zh="定期检查/回顾服务级别协议执行情况" en="monitoring, reports and reviews"/>
    <st k="12" zh="定期回顾并更新服务级别协议" en="reviewing and updating the SLA"/>
    <st k="13" zh="服务级别变更" en="service level change"/>
    <st k="14" zh="服务级别协议的终止" en="termination of the SLA"/>
    <st k="T1" zh="通知客户" en="notice to the customer"/>
    <st k="T2" zh="客户确认" en="customer confirmation"/>
    <st k="T3" zh="基础架构释放" en="infrastructure release"/>
    <st k="T4" zh="人力资源释放" en="staff release"/>
    <st k="T5" zh="供应商释放" en="supplier release"/>
    <st k="T6" zh="服务核算" en="service accounting"/>
    <st k="T7" zh="服务总结" en="service summary"/>
    <st k="roles" zh="流程角色" en="process roles"/>
  </xsl:variable>
  <xsl:variable name="steps" select="exsl:node-set($steps-table)/*"/>

  <!-- what each rule means, in Chinese (slm's own summaries are English) -->
  <xsl:variable name="rules-table">
    <r k="io-error" zh="文件或目录无法读取"/>
    <r k="unsafe-path" zh="符号链接指向仓库之外或形成循环"/>
    <r k="xml-malformed" zh="文件不是格式正确的 XML"/>
    <r k="schema" zh="文档不符合其类型的模式（XSD）"/>
    <r k="duplicate-id" zh="同一编号被使用两次"/>
    <r k="unresolved-ref" zh="引用的编号不存在或类型不符"/>
    <r k="requirements-mismatch" zh="服务级别协议与客户最终确认的服务需求说明书不一致"/>
    <r k="tier-not-offered" zh="服务级别协议选择了服务目录未提供的服务等级"/>
    <r k="target-beyond-offer" zh="服务级别协议承诺的目标超出服务目录的标准目标"/>
    <r k="price-mismatch" zh="服务级别协议的费用与服务目录价格不符"/>
    <r k="capability-exceeded" zh="服务级别协议目标严于已登记的服务提供能力"/>
    <r k="unsigned" zh="已签署的协议缺少签字或日期，或签署晚于生效日"/>
    <r k="unsupported-component" zh="服务组成部分没有支持该协议的 OLA 或供应商合同"/>
    <r k="hours-gap" zh="支持的 OLA 或合同未覆盖协议服务的服务时间"/>
    <r k="target-weaker" zh="支持的响应或解决时间目标缺失或弱于服务级别协议"/>
    <r k="availability-chain" zh="支持协议的可用性乘积低于服务级别协议目标"/>
    <r k="term-gap" zh="支持协议的期限晚于协议开始或早于协议结束"/>
    <r k="clause-unassigned" zh="合同条款未分解到部门，或协议服务没有对应条款"/>
    <r k="proposal-coverage" zh="已签署的协议缺少运维项目建议书，或建议书缺服务、支持协议或负责人"/>
    <r k="initiation-unapproved" zh="运维项目建议书没有列明 OLA 的已批准立项报告"/>
    <r k="role-mismatch" zh="执行某一步骤的人员不具备流程规定的角色"/>
    <r k="report-missing" zh="报告期已过截止日期但没有服务报告"/>
    <r k="breach" zh="服务报告显示未达到服务级别"/>
    <r k="breach-unreviewed" zh="违约未在其后的服务回顾中形成发现"/>
    <r k="review-overdue" zh="未按回顾周期进行服务回顾"/>
    <r k="action-overdue" zh="改进措施超过期限仍未关闭"/>
    <r k="renewal-notice" zh="协议已进入续约通知期，但没有续签或终止记录"/>
    <r k="amendment-base" zh="附加协议所修订的协议不存在、未签署或已结束，或超出其期限"/>
    <r k="confirmation-pending" zh="终止通知既无客户回复，视同确认期限也未届满"/>
    <r k="release-incomplete" zh="终止未释放全部资源，或释放项缺少日期或责任人"/>
    <r k="budget-overrun" zh="实际成本超出运维项目建议书预算"/>
    <r k="archive-incomplete" zh="已关闭的终止未归档协议、建议书、OLA 与合同"/>
    <r k="render" zh="文档无法生成 PDF"/>
  </xsl:variable>
  <xsl:variable name="rules-zh" select="exsl:node-set($rules-table)/*"/>

  <xsl:template match="/d:diagnostics">
    <xsl:variable name="title" select="concat(f:t('title'), f:paren(concat(@repository, f:t('comma'), f:date(@as-of))))"/>
    <xsl:variable name="sum" select="d:summary"/>
    <xsl:call-template name="document">
      <xsl:with-param name="title" select="$title"/>
      <xsl:with-param name="kind" select="f:t('title')"/>
      <xsl:with-param name="id" select="concat('slm check ', @repository)"/>
      <xsl:with-param name="version" select="''"/>
      <xsl:with-param name="date" select="string(@as-of)"/>
      <xsl:with-param name="draft" select="false()"/>
      <xsl:with-param name="subject" select="concat(f:t('title'), ' ', @repository, ' ', @as-of)"/>
      <xsl:with-param name="keywords" select="normalize-space(concat('slm check ', @repository))"/>
      <xsl:with-param name="body">
        <xsl:call-template name="title-block">
          <xsl:with-param name="title" select="f:t('title')"/>
          <xsl:with-param name="subtitle" select="f:t2('subtitle', @repository, f:date(@as-of))"/>
          <xsl:with-param name="facts">
            <xsl:if test="$org/@name"><pair key="{f:t('provider')}"><xsl:value-of select="$org/@name"/></pair></xsl:if>
            <pair key="{f:t('repository')}"><xsl:value-of select="@repository"/></pair>
            <pair key="{f:t('as-of')}"><xsl:value-of select="f:date(@as-of)"/></pair>
            <pair key="{f:t('tool')}"><xsl:value-of select="normalize-space(concat(@tool, ' ', @version, ' ', @command))"/></pair>
            <xsl:if test="@files"><pair key="{f:t('files')}"><xsl:value-of select="f:tn('files.n', @files)"/></pair></xsl:if>
            <pair key="{f:t('result')}">
              <xsl:variable name="errors">
                <xsl:choose>
                  <xsl:when test="$sum/@errors"><xsl:value-of select="$sum/@errors"/></xsl:when>
                  <xsl:otherwise><xsl:value-of select="count(d:diagnostic[@severity = 'error' or @severity = 'fatal error'])"/></xsl:otherwise>
                </xsl:choose>
              </xsl:variable>
              <xsl:variable name="warnings">
                <xsl:choose>
                  <xsl:when test="$sum/@warnings"><xsl:value-of select="$sum/@warnings"/></xsl:when>
                  <xsl:otherwise><xsl:value-of select="count(d:diagnostic[@severity = 'warning'])"/></xsl:otherwise>
                </xsl:choose>
              </xsl:variable>
              <xsl:variable name="notes">
                <xsl:choose>
                  <xsl:when test="$sum/@notes"><xsl:value-of select="$sum/@notes"/></xsl:when>
                  <xsl:otherwise><xsl:value-of select="count(d:diagnostic[@severity = 'note'])"/></xsl:otherwise>
                </xsl:choose>
              </xsl:variable>
              <xsl:variable name="r" select="f:t('result.n')"/>
              <strong>
                <xsl:value-of select="concat(substring-before($r, '#'), $errors,
                  substring-before(substring-after($r, '#'), '##'), $warnings,
                  substring-before(substring-after($r, '##'), '###'), $notes, substring-after($r, '###'))"/>
              </strong>
            </pair>
          </xsl:with-param>
          <xsl:with-param name="intro">
            <xsl:choose>
              <xsl:when test="not(d:diagnostic)"><xsl:value-of select="f:t('clean')"/></xsl:when>
              <xsl:otherwise><xsl:value-of select="f:t('intro')"/></xsl:otherwise>
            </xsl:choose>
          </xsl:with-param>
        </xsl:call-template>

        <xsl:choose>
          <xsl:when test="not(d:diagnostic)"/>
          <xsl:otherwise>
            <xsl:call-template name="summary"/>
            <xsl:call-template name="details"/>
          </xsl:otherwise>
        </xsl:choose>

        <section keep-together="true">
          <h level="1"><xsl:value-of select="f:t('sign')"/></h>
          <p><xsl:value-of select="f:t('sign-intro')"/></p>
          <signatures>
            <signature party="{f:t('act.reviewed')}{$org/@name}" role="{f:t('role.service-level-manager')}"/>
            <signature party="{f:t('act.approved')}{$org/@name}"/>
          </signatures>
        </section>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <func:function name="f:severity">
    <xsl:param name="s"/>
    <func:result select="f:t(concat('sev.', $s))"/>
  </func:function>

  <!-- ================================================================ summary -->

  <xsl:template name="summary">
    <xsl:variable name="diags" select="."/>
    <section>
      <h level="1"><xsl:value-of select="f:t('summary')"/></h>
      <table widths="4.2* 1.8* 1.8* 7* 1.3*">
        <head>
          <row>
            <cell><xsl:value-of select="f:t('rule')"/></cell>
            <cell><xsl:value-of select="f:t('severity')"/></cell>
            <cell><xsl:value-of select="f:t('step')"/></cell>
            <cell><xsl:value-of select="f:t('what')"/></cell>
            <cell align="right"><xsl:value-of select="f:t('count')"/></cell>
          </row>
        </head>
        <body>
          <!-- one row per rule and severity, errors first -->
          <xsl:for-each select="d:diagnostic[generate-id() = generate-id(key('by-rule-severity', concat(@rule, ' ', @severity))[1])]">
            <xsl:sort select="string-length(substring-before('fatal error|error|warning|note|', concat(@severity, '|')))" data-type="number"/>
            <xsl:sort select="@rule"/>
            <xsl:variable name="rule" select="$diags/d:rule[@name = current()/@rule]"/>
            <row>
              <cell><code><xsl:value-of select="@rule"/></code></cell>
              <cell>
                <xsl:choose>
                  <xsl:when test="@severity = 'error' or @severity = 'fatal error'"><strong><xsl:value-of select="f:severity(@severity)"/></strong></xsl:when>
                  <xsl:otherwise><xsl:value-of select="f:severity(@severity)"/></xsl:otherwise>
                </xsl:choose>
              </cell>
              <cell><xsl:value-of select="(@step | $rule/@step)[1]"/></cell>
              <cell>
                <xsl:choose>
                  <xsl:when test="$lang = 'zh' and $rules-zh[@k = current()/@rule]"><xsl:value-of select="$rules-zh[@k = current()/@rule]/@zh"/></xsl:when>
                  <xsl:otherwise><xsl:value-of select="$rule/@summary"/></xsl:otherwise>
                </xsl:choose>
              </cell>
              <cell align="right"><xsl:value-of select="count(key('by-rule-severity', concat(@rule, ' ', @severity)))"/></cell>
            </row>
          </xsl:for-each>
          <row shade="true">
            <cell><strong><xsl:value-of select="f:t('total')"/></strong></cell>
            <cell/>
            <cell/>
            <cell/>
            <cell align="right"><strong><xsl:value-of select="count(d:diagnostic)"/></strong></cell>
          </row>
        </body>
      </table>
      <xsl:call-template name="step-legend"/>
    </section>
  </xsl:template>

  <!-- the names of the seed steps that appear -->
  <xsl:template name="step-legend">
    <xsl:variable name="tokens-rtf">
      <xsl:for-each select="d:diagnostic/@step | d:rule/@step">
        <xsl:for-each select="str:tokenize(., ', ')">
          <xsl:choose>
            <xsl:when test="contains(., '-') and $steps[@k = substring-before(current(), '-')]">
              <xsl:variable name="a" select="count($steps[@k = substring-before(current(), '-')]/preceding-sibling::*)"/>
              <xsl:variable name="b" select="count($steps[@k = substring-after(current(), '-')]/preceding-sibling::*)"/>
              <xsl:for-each select="$steps[position() &gt; $a and position() &lt;= $b + 1]"><t k="{@k}"/></xsl:for-each>
            </xsl:when>
            <xsl:otherwise><t k="{.}"/></xsl:otherwise>
          </xsl:choose>
        </xsl:for-each>
      </xsl:for-each>
    </xsl:variable>
    <xsl:variable name="tokens" select="exsl:node-set($tokens-rtf)/*"/>
    <xsl:variable name="known" select="$steps[@k = $tokens/@k]"/>
    <xsl:if test="$known or $tokens[@k = '—']">
      <p style="small">
        <xsl:value-of select="f:t('steps')"/>
        <xsl:for-each select="$known">
          <br/><xsl:value-of select="concat(@k, ' ')"/>
          <xsl:choose>
            <xsl:when test="$lang = 'en'"><xsl:value-of select="@en"/></xsl:when>
            <xsl:otherwise><xsl:value-of select="@zh"/></xsl:otherwise>
          </xsl:choose>
        </xsl:for-each>
        <xsl:if test="$tokens[@k = '—']"><br/><xsl:value-of select="f:t('step.structural')"/></xsl:if>
      </p>
    </xsl:if>
  </xsl:template>

  <!-- ================================================================ details -->

  <xsl:template name="details">
    <section>
      <h level="1"><xsl:value-of select="f:t('details')"/></h>
      <xsl:for-each select="d:diagnostic[generate-id() = generate-id(key('by-file', @file)[1])]">
        <xsl:sort select="@file"/>
        <xsl:variable name="all" select="key('by-file', @file)"/>
        <section>
          <h level="2"><xsl:value-of select="concat(@file, f:paren(f:tn('n-findings', count($all))))"/></h>
          <table widths="1.8* 3.2* 9*">
            <head>
              <row>
                <cell><xsl:value-of select="f:t('location')"/></cell>
                <cell><xsl:value-of select="concat(f:t('rule'), ' / ', f:t('severity'))"/></cell>
                <cell><xsl:value-of select="f:t('message')"/></cell>
              </row>
            </head>
            <body>
              <xsl:for-each select="$all">
                <xsl:sort select="@line" data-type="number"/>
                <xsl:sort select="@column" data-type="number"/>
                <row>
                  <cell>
                    <xsl:value-of select="@line"/>
                    <xsl:if test="@column"><xsl:value-of select="concat(':', @column)"/></xsl:if>
                  </cell>
                  <cell>
                    <code><xsl:value-of select="@rule"/></code><br/>
                    <xsl:choose>
                      <xsl:when test="@severity = 'error' or @severity = 'fatal error'"><strong><xsl:value-of select="f:severity(@severity)"/></strong></xsl:when>
                      <xsl:otherwise><xsl:value-of select="f:severity(@severity)"/></xsl:otherwise>
                    </xsl:choose>
                    <xsl:if test="@step and @step != '—'"><br/><xsl:value-of select="concat(f:t('step'), ' ', @step)"/></xsl:if>
                  </cell>
                  <cell>
                    <xsl:value-of select="normalize-space(d:message)"/>
                    <xsl:for-each select="d:related">
                      <br/><em>
                        <xsl:value-of select="concat(f:t('related'), f:t('colon'), @file)"/>
                        <xsl:if test="@line"><xsl:value-of select="concat(':', @line)"/></xsl:if>
                        <xsl:if test="normalize-space(.) != ''"><xsl:value-of select="concat(' — ', normalize-space(.))"/></xsl:if>
                      </em>
                    </xsl:for-each>
                  </cell>
                </row>
              </xsl:for-each>
            </body>
          </table>
        </section>
      </xsl:for-each>
    </section>
  </xsl:template>

</xsl:stylesheet>
