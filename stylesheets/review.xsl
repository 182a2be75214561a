<?xml version="1.0" encoding="UTF-8"?>
<!--
  review.xsl: 回顾记录 / service review record (seed step 11: review the service reports, the
  proposal and the supplier contracts, customer satisfaction and changing needs; the improvement
  plan 服务改进计划 and its follow-up; changes go to change management 变更管理流程; step 12).

  The meeting, the attendees with their names, organisations and roles, the documents reviewed
  (a reference that does not resolve is shown as such: the record must not hide it), the findings
  with the breach they address, satisfaction, the improvement actions with owner, due date and
  status (open actions past due on the as-of date are marked overdue), the change requests, and
  sign-off lines for the service level manager and the customer.
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
    <e k="meeting" zh="会议日期" en="Meeting date"/>
    <e k="chair" zh="主持人" en="Chaired by"/>
    <e k="attendees" zh="参会人员" en="Attendees"/>
    <e k="organisation" zh="单位 / 部门" en="Organisation / department"/>
    <e k="reviewed" zh="回顾内容" en="Documents reviewed"/>
    <e k="reviewed-intro" zh="本次回顾检查了下列服务报告与协议的执行情况。" en="The meeting reviewed the following reports and agreements."/>
    <e k="document" zh="文档" en="Document"/>
    <e k="kind" zh="类型" en="Kind"/>
    <e k="subject" zh="内容" en="Subject"/>
    <e k="unresolved" zh="未找到该文档（引用错误）" en="No such document (wrong reference)"/>
    <e k="findings" zh="回顾发现" en="Findings"/>
    <e k="finding" zh="发现" en="Finding"/>
    <e k="concerns" zh="涉及" en="Concerns"/>
    <e k="satisfaction" zh="客户满意度" en="Customer satisfaction"/>
    <e k="score" zh="# 分（满分 ## 分）" en="# of ##"/>
    <e k="actions" zh="服务改进计划" en="Improvement actions"/>
    <e k="action" zh="改进措施" en="Action"/>
    <e k="closed-on" zh="已关闭（#）" en="Closed (#)"/>
    <e k="overdue" zh="已逾期" en="Overdue"/>
    <e k="for-finding" zh="发现 #" en="finding #"/>
    <e k="changes" zh="变更申请" en="Change requests"/>
    <e k="changes-intro" zh="下列变更进入变更管理流程。" en="The following changes go to change management."/>
    <e k="change-no" zh="变更单号" en="Change no."/>
    <e k="sign" zh="确认" en="Sign-off"/>
    <e k="recorded" zh="记录（服务级别经理）" en="Recorded by (service level manager)"/>
    <e k="none-findings" zh="本次回顾无发现。" en="No findings."/>
    <e k="none-actions" zh="本次回顾未提出改进措施。" en="No improvement actions."/>
    <e k="open-actions" zh="改进措施 # 项，其中未关闭 ## 项。" en="# actions, ## still open."/>
    <e k="incident" zh="事件 #" en="incident #"/>
    <e k="report" zh="报告 #" en="report #"/>
    <e k="head-of" zh="#负责人" en="Head of #"/>
  </xsl:variable>
  <xsl:variable name="labels" select="exsl:node-set($labels-table)/*"/>

  <xsl:template match="/s:review">
    <xsl:variable name="me" select="."/>
    <xsl:variable name="title">
      <xsl:choose>
        <xsl:when test="s:title"><xsl:value-of select="normalize-space(s:title)"/></xsl:when>
        <xsl:otherwise><xsl:value-of select="concat(f:party(string($the-sla/@customer)), ' ', f:t('kind.review'))"/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:call-template name="document">
      <xsl:with-param name="title" select="string($title)"/>
      <xsl:with-param name="kind" select="f:t('kind.review')"/>
      <xsl:with-param name="date" select="string(@date)"/>
      <xsl:with-param name="keywords" select="normalize-space(concat(@id, ' ', @sla))"/>
      <xsl:with-param name="body">
        <xsl:call-template name="title-block">
          <xsl:with-param name="title" select="string($title)"/>
          <xsl:with-param name="subtitle" select="concat(f:t('kind.review'), f:t('sep'), @id)"/>
          <xsl:with-param name="facts">
            <pair key="{f:t('sla')}"><xsl:value-of select="concat(@sla, ' ', normalize-space($the-sla/s:title))"/></pair>
            <pair key="{f:t('customer')}"><xsl:value-of select="f:party(string($the-sla/@customer))"/></pair>
            <pair key="{f:t('meeting')}"><xsl:value-of select="f:date(@date)"/></pair>
            <pair key="{f:t('chair')}"><xsl:value-of select="concat(f:person(string(@person)), f:paren(f:role(string(@person), 'service-level-manager')))"/></pair>
            <xsl:if test="s:satisfaction">
              <pair key="{f:t('satisfaction')}"><xsl:value-of select="f:t2('score', s:satisfaction[1]/@score, s:satisfaction[1]/@scale)"/></pair>
            </xsl:if>
            <xsl:if test="s:action">
              <pair key="{f:t('actions')}"><xsl:value-of select="f:t2('open-actions', count(s:action), count(s:action[@status = 'open']))"/></pair>
            </xsl:if>
          </xsl:with-param>
        </xsl:call-template>

        <!-- attendees -->
        <section>
          <h level="1"><xsl:value-of select="f:t('attendees')"/></h>
          <table widths="3* 5* 4*">
            <head>
              <row>
                <cell><xsl:value-of select="f:t('name')"/></cell>
                <cell><xsl:value-of select="f:t('organisation')"/></cell>
                <cell><xsl:value-of select="f:t('role')"/></cell>
              </row>
            </head>
            <body>
              <xsl:for-each select="s:attendee">
                <row>
                  <cell>
                    <xsl:choose>
                      <xsl:when test="@person"><xsl:value-of select="f:person(string(@person))"/></xsl:when>
                      <xsl:otherwise><xsl:value-of select="@name"/></xsl:otherwise>
                    </xsl:choose>
                  </cell>
                  <cell>
                    <xsl:choose>
                      <xsl:when test="@customer"><xsl:value-of select="f:party(string(@customer))"/></xsl:when>
                      <xsl:when test="@supplier"><xsl:value-of select="f:party(string(@supplier))"/></xsl:when>
                      <xsl:when test="@dept"><xsl:value-of select="f:dept(string(@dept))"/></xsl:when>
                      <xsl:when test="@person"><xsl:value-of select="f:person-dept(string(@person))"/></xsl:when>
                    </xsl:choose>
                  </cell>
                  <cell>
                    <xsl:choose>
                      <xsl:when test="@customer"><xsl:value-of select="f:t('role.customer')"/></xsl:when>
                      <xsl:when test="@supplier"><xsl:value-of select="f:t('role.supplier')"/></xsl:when>
                      <xsl:when test="@person"><xsl:value-of select="f:attendee-role(string(@person))"/></xsl:when>
                    </xsl:choose>
                  </cell>
                </row>
              </xsl:for-each>
            </body>
          </table>
        </section>

        <!-- documents reviewed -->
        <xsl:if test="s:reviewed">
          <section>
            <h level="1"><xsl:value-of select="f:t('reviewed')"/></h>
            <p><xsl:value-of select="f:t('reviewed-intro')"/></p>
            <table widths="4* 3* 7*">
              <head>
                <row>
                  <cell><xsl:value-of select="f:t('document')"/></cell>
                  <cell><xsl:value-of select="f:t('kind')"/></cell>
                  <cell><xsl:value-of select="f:t('subject')"/></cell>
                </row>
              </head>
              <body>
                <xsl:for-each select="s:reviewed">
                  <xsl:variable name="id" select="string(@report | self::*[not(@report)]/@ref)"/>
                  <xsl:variable name="d" select="f:doc($id)"/>
                  <row>
                    <cell><xsl:value-of select="$id"/></cell>
                    <cell><xsl:if test="$d"><xsl:value-of select="f:kind($d)"/></xsl:if></cell>
                    <cell>
                      <xsl:choose>
                        <xsl:when test="not($d)"><strong><xsl:value-of select="f:t('unresolved')"/></strong></xsl:when>
                        <xsl:when test="$d/self::s:report"><xsl:value-of select="concat(f:period($d/@from, $d/@to), f:t('colon'), normalize-space($d/s:title))"/></xsl:when>
                        <xsl:otherwise><xsl:value-of select="f:title-of($d)"/></xsl:otherwise>
                      </xsl:choose>
                    </cell>
                  </row>
                </xsl:for-each>
              </body>
            </table>
          </section>
        </xsl:if>

        <!-- findings -->
        <section>
          <h level="1"><xsl:value-of select="f:t('findings')"/></h>
          <xsl:choose>
            <xsl:when test="not(s:finding)"><p><xsl:value-of select="f:t('none-findings')"/></p></xsl:when>
            <xsl:otherwise>
              <xsl:variable name="concerns" select="boolean(s:finding[@service or @report or @incident])"/>
              <table>
                <xsl:attribute name="widths">
                  <xsl:choose>
                    <xsl:when test="$concerns">3* 8* 3.4*</xsl:when>
                    <xsl:otherwise>3* 11.4*</xsl:otherwise>
                  </xsl:choose>
                </xsl:attribute>
                <head>
                  <row>
                    <cell><xsl:value-of select="f:t('id')"/></cell>
                    <cell><xsl:value-of select="f:t('finding')"/></cell>
                    <xsl:if test="$concerns"><cell><xsl:value-of select="f:t('concerns')"/></cell></xsl:if>
                  </row>
                </head>
                <body>
                  <xsl:for-each select="s:finding">
                    <row>
                      <cell><xsl:value-of select="@id"/></cell>
                      <cell><xsl:value-of select="normalize-space(.)"/></cell>
                      <xsl:if test="$concerns">
                      <cell>
                        <xsl:if test="@service"><xsl:value-of select="f:service(string(@service))"/></xsl:if>
                        <xsl:if test="@report"><xsl:if test="@service"><br/></xsl:if><xsl:value-of select="@report"/></xsl:if>
                        <xsl:if test="@incident"><xsl:if test="@service or @report"><br/></xsl:if><xsl:value-of select="@incident"/></xsl:if>
                      </cell>
                      </xsl:if>
                    </row>
                  </xsl:for-each>
                </body>
              </table>
            </xsl:otherwise>
          </xsl:choose>
          <xsl:if test="count(s:satisfaction) &gt; 1">
            <list>
              <xsl:for-each select="s:satisfaction">
                <item><xsl:value-of select="concat(f:t('satisfaction'), f:t('colon'), f:t2('score', @score, @scale))"/></item>
              </xsl:for-each>
            </list>
          </xsl:if>
        </section>

        <!-- improvement actions -->
        <section>
          <h level="1"><xsl:value-of select="f:t('actions')"/></h>
          <xsl:choose>
            <xsl:when test="not(s:action)"><p><xsl:value-of select="f:t('none-actions')"/></p></xsl:when>
            <xsl:otherwise>
              <table widths="3.4* 6.6* 2.2* 3* 3*">
                <head>
                  <row>
                    <cell><xsl:value-of select="f:t('id')"/></cell>
                    <cell><xsl:value-of select="f:t('action')"/></cell>
                    <cell><xsl:value-of select="f:t('owner')"/></cell>
                    <cell><xsl:value-of select="f:t('due')"/></cell>
                    <cell><xsl:value-of select="f:t('status')"/></cell>
                  </row>
                </head>
                <body>
                  <xsl:for-each select="s:action">
                    <row>
                      <cell>
                        <xsl:value-of select="@id"/>
                        <xsl:if test="@finding"><br/><xsl:value-of select="f:tn('for-finding', @finding)"/></xsl:if>
                      </cell>
                      <cell><xsl:value-of select="normalize-space(.)"/></cell>
                      <cell><xsl:value-of select="f:person(string(@owner))"/></cell>
                      <cell><xsl:value-of select="f:date(@due)"/></cell>
                      <cell>
                        <xsl:choose>
                          <xsl:when test="@status = 'closed' and @closed"><xsl:value-of select="f:tn('closed-on', f:date(@closed))"/></xsl:when>
                          <xsl:when test="@status = 'closed'"><xsl:value-of select="f:t('status.closed')"/></xsl:when>
                          <xsl:when test="$as-of != '' and f:num(@due) &lt; f:num($as-of)">
                            <strong><xsl:value-of select="f:t('overdue')"/></strong>
                          </xsl:when>
                          <xsl:otherwise><xsl:value-of select="f:t('status.open')"/></xsl:otherwise>
                        </xsl:choose>
                      </cell>
                    </row>
                  </xsl:for-each>
                </body>
              </table>
            </xsl:otherwise>
          </xsl:choose>
        </section>

        <!-- change requests -->
        <xsl:if test="s:change">
          <section>
            <h level="1"><xsl:value-of select="f:t('changes')"/></h>
            <p><xsl:value-of select="f:t('changes-intro')"/></p>
            <table widths="3* 4* 7*">
              <head>
                <row>
                  <cell><xsl:value-of select="f:t('change-no')"/></cell>
                  <cell><xsl:value-of select="f:t('document')"/></cell>
                  <cell><xsl:value-of select="f:t('description')"/></cell>
                </row>
              </head>
              <body>
                <xsl:for-each select="s:change">
                  <row>
                    <cell><xsl:value-of select="@number"/></cell>
                    <cell><xsl:value-of select="@ref"/></cell>
                    <cell><xsl:value-of select="normalize-space(.)"/></cell>
                  </row>
                </xsl:for-each>
              </body>
            </table>
          </section>
        </xsl:if>

        <section keep-together="true">
          <h level="1"><xsl:value-of select="f:t('sign')"/></h>
          <signatures>
            <xsl:call-template name="sign-line">
              <xsl:with-param name="person" select="string(@person)"/>
              <xsl:with-param name="action" select="f:t('act.recorded')"/>
              <xsl:with-param name="role" select="f:role(string(@person), 'service-level-manager')"/>
              <xsl:with-param name="date" select="string(@date)"/>
            </xsl:call-template>
            <signature party="{f:t('act.acknowledged')}{f:party(string($the-sla/@customer))}" role="{f:t('role.customer')}">
              <xsl:if test="s:attendee[@customer = $the-sla/@customer]/@name">
                <xsl:attribute name="name"><xsl:value-of select="s:attendee[@customer = $the-sla/@customer][@name][1]/@name"/></xsl:attribute>
              </xsl:if>
            </signature>
          </signatures>
        </section>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- the role an attendee of the provider plays: the one most relevant to a review -->
  <func:function name="f:attendee-role">
    <xsl:param name="id"/>
    <xsl:variable name="roles" select="concat(' ', $org/s:person[@id = $id]/@roles, ' ')"/>
    <xsl:choose>
      <xsl:when test="contains($roles, ' service-level-manager ')"><func:result select="f:t('role.service-level-manager')"/></xsl:when>
      <xsl:when test="contains($roles, ' ops-owner ')"><func:result select="f:t('role.ops-owner')"/></xsl:when>
      <xsl:when test="contains($roles, ' supplier-manager ')"><func:result select="f:t('role.supplier-manager')"/></xsl:when>
      <xsl:when test="contains($roles, ' dept-head ')"><func:result select="f:tn('head-of', f:person-dept($id))"/></xsl:when>
      <xsl:otherwise><func:result select="f:role($id)"/></xsl:otherwise>
    </xsl:choose>
  </func:function>

</xsl:stylesheet>
