<?xml version="1.0" encoding="UTF-8"?>
<!--
  support.xsl: what an OLA (ola.xsl) and a supplier contract (contract.xsl) share: both are
  commitments that back SLA services (seed steps 6 and 9).  The SLA services supported, the
  service hours next to the SLA's, the targets, and the targets side by side with those the SLA
  promises (the SLA in force on the as-of date, additional SLAs applied), weaker ones marked.
  Imported by ola.xsl and contract.xsl; produces nothing by itself.
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

  <xsl:variable name="support-labels-table">
    <e k="supports" zh="支持的服务" en="Services supported"/>
    <e k="supports-intro" zh="本协议支持下列服务级别协议中的服务。" en="This agreement backs the following services of service level agreements."/>
    <e k="sla-hours" zh="SLA 服务时间" en="SLA service hours"/>
    <e k="sla-tier" zh="SLA 服务等级" en="SLA tier"/>
    <e k="hours-section" zh="服务时间" en="Service hours"/>
    <e k="hours-intro" zh="本协议的服务时间如下，法定节假日与调休以#为准：" en="Service hours of this agreement; public holidays follow the calendar #:"/>
    <e k="targets-section" zh="服务级别目标" en="Service level targets"/>
    <e k="compare-section" zh="与服务级别协议目标对照" en="Compared with the SLA targets"/>
    <e k="compare-intro" zh="下表将本协议的承诺与所支持服务在服务级别协议中（截至 #）的要求对照；本协议弱于 SLA 的项以粗体标出。" en="The commitments of this agreement next to what the supported SLA service promises (as in effect on #); commitments weaker than the SLA are in bold."/>
    <e k="item" zh="项目" en="Item"/>
    <e k="this" zh="本协议" en="This agreement"/>
    <e k="sla-req" zh="SLA 要求" en="SLA"/>
    <e k="resp-of" zh="# 响应" en="# response"/>
    <e k="res-of" zh="# 解决" en="# resolution"/>
    <e k="weaker" zh="（弱于 SLA）" en=" (weaker than the SLA)"/>
    <e k="cost-section" zh="费用" en="Cost"/>
    <e k="cost" zh="合同费用" en="Contract cost"/>
    <e k="sign-intro" zh="本协议经双方签署后生效。" en="This agreement comes into effect when signed by both parties."/>
    <e k="committing" zh="承诺部门" en="Committing department"/>
    <e k="dept-head" zh="部门负责人" en="Head of department"/>
  </xsl:variable>

  <!-- ================================================================== sections -->

  <xsl:template name="supports-section">
    <section>
      <h level="1"><xsl:value-of select="f:st('supports')"/></h>
      <p><xsl:value-of select="f:st('supports-intro')"/></p>
      <table widths="4* 3* 3* 4*">
        <head>
          <row>
            <cell><xsl:value-of select="f:t('sla')"/></cell>
            <cell><xsl:value-of select="f:t('service')"/></cell>
            <cell><xsl:value-of select="f:st('sla-tier')"/></cell>
            <cell><xsl:value-of select="f:st('sla-hours')"/></cell>
          </row>
        </head>
        <body>
          <xsl:for-each select="s:supports">
            <xsl:variable name="sla" select="f:doc(string(@sla))"/>
            <xsl:variable name="svc" select="f:effective-services($sla, $on)[self::s:service][@ref = current()/@service]"/>
            <row>
              <cell>
                <strong><xsl:value-of select="@sla"/></strong>
                <xsl:if test="$sla/@customer"><br/><xsl:value-of select="f:party(string($sla/@customer))"/></xsl:if>
              </cell>
              <cell><xsl:value-of select="concat(f:service(string(@service)), f:paren(@service))"/></cell>
              <cell><xsl:if test="$svc"><xsl:value-of select="f:tier(string($svc/@tier))"/></xsl:if></cell>
              <cell><xsl:if test="$svc"><xsl:value-of select="f:tier-hours(string($svc/@tier))"/></xsl:if></cell>
            </row>
          </xsl:for-each>
        </body>
      </table>
    </section>
  </xsl:template>

  <xsl:template name="hours-section">
    <section>
      <h level="1"><xsl:value-of select="f:st('hours-section')"/></h>
      <p keep-with-next="true">
        <xsl:value-of select="f:sub1(f:st('hours-intro'), f:calendar(@calendar, s:term/@start, s:term/@end))"/>
      </p>
      <list>
        <xsl:for-each select="s:hours">
          <item><xsl:value-of select="f:hours(.)"/></item>
        </xsl:for-each>
      </list>
    </section>
  </xsl:template>

  <xsl:template name="targets-section">
    <section>
      <h level="1"><xsl:value-of select="f:st('targets-section')"/></h>
      <kv key-width="32mm">
        <pair key="{f:t('availability-target')}"><xsl:value-of select="f:pct(s:availability/@target)"/></pair>
      </kv>
      <xsl:call-template name="targets-table">
        <xsl:with-param name="targets" select="."/>
      </xsl:call-template>
    </section>
  </xsl:template>

  <!-- this agreement's targets next to the SLA's, per supported service -->
  <xsl:template name="compare-section">
    <xsl:variable name="me" select="."/>
    <section>
      <h level="1"><xsl:value-of select="f:st('compare-section')"/></h>
      <p><xsl:value-of select="f:sub1(f:st('compare-intro'), f:date($on))"/></p>
      <table widths="4* 3* 3* 3*">
        <head>
          <row>
            <cell><xsl:value-of select="f:t('service')"/></cell>
            <cell><xsl:value-of select="f:st('item')"/></cell>
            <cell><xsl:value-of select="f:st('this')"/></cell>
            <cell><xsl:value-of select="f:st('sla-req')"/></cell>
          </row>
        </head>
        <body>
          <xsl:for-each select="s:supports">
            <xsl:variable name="sla" select="f:doc(string(@sla))"/>
            <xsl:variable name="svc" select="f:effective-services($sla, $on)[self::s:service][@ref = current()/@service]"/>
            <xsl:variable name="label" select="concat(f:service(string(@service)), f:t('sep'), @sla)"/>
            <row>
              <cell><xsl:value-of select="$label"/></cell>
              <cell><xsl:value-of select="f:t('availability')"/></cell>
              <xsl:call-template name="compare-cells">
                <xsl:with-param name="mine" select="$me/s:availability/@target"/>
                <xsl:with-param name="theirs" select="$svc/s:availability/@target"/>
                <xsl:with-param name="pct" select="true()"/>
              </xsl:call-template>
            </row>
            <row>
              <cell/>
              <cell><xsl:value-of select="f:t('hours')"/></cell>
              <cell><xsl:value-of select="f:hours($me/s:hours)"/></cell>
              <cell><xsl:if test="$svc"><xsl:value-of select="f:tier-hours(string($svc/@tier))"/></xsl:if></cell>
            </row>
            <xsl:for-each select="$svc/s:response | $svc/s:resolution">
              <xsl:sort select="@priority"/>
              <xsl:sort select="local-name()" order="descending"/>
              <xsl:variable name="what" select="local-name()"/>
              <row>
                <cell/>
                <cell>
                  <xsl:choose>
                    <xsl:when test="$what = 'response'"><xsl:value-of select="f:sub1(f:st('resp-of'), @priority)"/></xsl:when>
                    <xsl:otherwise><xsl:value-of select="f:sub1(f:st('res-of'), @priority)"/></xsl:otherwise>
                  </xsl:choose>
                </cell>
                <xsl:call-template name="compare-cells">
                  <xsl:with-param name="mine" select="$me/s:*[local-name() = $what][@priority = current()/@priority]/@within"/>
                  <xsl:with-param name="theirs" select="@within"/>
                </xsl:call-template>
              </row>
            </xsl:for-each>
          </xsl:for-each>
        </body>
      </table>
    </section>
  </xsl:template>

  <!-- two cells: this agreement's value (bold when weaker than the SLA's) and the SLA's -->
  <xsl:template name="compare-cells">
    <xsl:param name="mine"/>
    <xsl:param name="theirs"/>
    <xsl:param name="pct" select="false()"/>
    <xsl:variable name="weaker">
      <xsl:choose>
        <xsl:when test="string($theirs) = ''">false</xsl:when>
        <xsl:when test="string($mine) = ''">true</xsl:when>
        <xsl:when test="$pct"><xsl:value-of select="number($mine) &lt; number($theirs)"/></xsl:when>
        <xsl:otherwise><xsl:value-of select="f:seconds-of($mine) &gt; f:seconds-of($theirs)"/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:variable name="text">
      <xsl:choose>
        <xsl:when test="$pct"><xsl:value-of select="f:pct($mine)"/></xsl:when>
        <xsl:otherwise><xsl:value-of select="f:dur($mine)"/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <cell>
      <xsl:choose>
        <xsl:when test="$weaker = 'true'"><strong><xsl:value-of select="concat($text, f:st('weaker'))"/></strong></xsl:when>
        <xsl:otherwise><xsl:value-of select="$text"/></xsl:otherwise>
      </xsl:choose>
    </cell>
    <cell>
      <xsl:choose>
        <xsl:when test="$pct"><xsl:value-of select="f:pct($theirs)"/></xsl:when>
        <xsl:otherwise><xsl:value-of select="f:dur($theirs)"/></xsl:otherwise>
      </xsl:choose>
    </cell>
  </xsl:template>

  <xsl:template name="support-signatures">
    <xsl:param name="preferred"/>
    <section keep-together="true">
      <h level="1"><xsl:value-of select="f:t('signatures')"/></h>
      <p><xsl:value-of select="f:st('sign-intro')"/></p>
      <signatures>
        <xsl:choose>
          <xsl:when test="s:signature">
            <xsl:for-each select="s:signature[position() &lt;= 6]">
              <xsl:variable name="role">
                <xsl:choose>
                  <!-- an OLA: the committing department's head, then the service level manager -->
                  <xsl:when test="$root/@dept and $org/s:person[@id = current()/@person]/@dept = $root/@dept">dept-head</xsl:when>
                  <xsl:otherwise><xsl:value-of select="$preferred"/></xsl:otherwise>
                </xsl:choose>
              </xsl:variable>
              <xsl:apply-templates select="." mode="signature">
                <xsl:with-param name="preferred" select="string($role)"/>
              </xsl:apply-templates>
            </xsl:for-each>
          </xsl:when>
          <xsl:otherwise>
            <signature party="{$org/@name}" role="{f:t('role.service-level-manager')}"/>
          </xsl:otherwise>
        </xsl:choose>
      </signatures>
    </section>
  </xsl:template>

  <!-- the date the SLA targets are compared on -->
  <xsl:variable name="on">
    <xsl:choose>
      <xsl:when test="$as-of != ''"><xsl:value-of select="$as-of"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="/*/s:term/@start"/></xsl:otherwise>
    </xsl:choose>
  </xsl:variable>

  <!-- labels of this module -->
  <func:function name="f:st">
    <xsl:param name="k"/>
    <xsl:variable name="e" select="exsl:node-set($support-labels-table)/*[@k = $k]"/>
    <xsl:choose>
      <xsl:when test="$e and $lang = 'en'"><func:result select="string($e/@en)"/></xsl:when>
      <xsl:when test="$e"><func:result select="string($e/@zh)"/></xsl:when>
      <xsl:otherwise><func:result select="f:t($k)"/></xsl:otherwise>
    </xsl:choose>
  </func:function>

</xsl:stylesheet>
