<?xml version="1.0" encoding="UTF-8"?>
<!--
  ola.xsl: OLA, 运营级别协议 (seed step 9 提交运维项目立项报告和确定OLA; change step 3 更新OLA或附加OLA).
  An internal department's commitment backing SLA services: the department, the SLA services it
  supports, its term, service hours and targets, its targets next to the SLA's, and the signatures
  of the department head and the service level manager.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns="urn:slm:layout:1"
    xmlns:s="urn:slm:1"
    xmlns:slm="urn:slm:xslt:1"
    xmlns:exsl="http://exslt.org/common"
    xmlns:f="urn:slm:stylesheet-functions"
    exclude-result-prefixes="s slm exsl f">

  <xsl:import href="support.xsl"/>

  <xsl:template match="/s:ola">
    <xsl:variable name="title">
      <xsl:choose>
        <xsl:when test="s:title"><xsl:value-of select="normalize-space(s:title)"/></xsl:when>
        <xsl:otherwise><xsl:value-of select="concat(f:dept(string(@dept)), ' OLA', f:paren(@id))"/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:call-template name="document">
      <xsl:with-param name="title" select="string($title)"/>
      <xsl:with-param name="kind" select="f:t('kind.ola')"/>
      <xsl:with-param name="date" select="f:latest(s:signature/@date)"/>
      <xsl:with-param name="keywords" select="normalize-space(concat(@id, ' ', @dept, ' ', s:supports[1]/@sla))"/>
      <xsl:with-param name="body">
        <xsl:call-template name="title-block">
          <xsl:with-param name="title" select="string($title)"/>
          <xsl:with-param name="subtitle" select="concat(f:t('kind.ola'), f:t('sep'), @id)"/>
          <xsl:with-param name="toc" select="false()"/>
          <xsl:with-param name="facts">
            <pair key="{f:st('committing')}">
              <xsl:value-of select="f:dept(string(@dept))"/>
              <xsl:variable name="head" select="$org/s:person[@dept = current()/@dept][contains(concat(' ', @roles, ' '), ' dept-head ')][1]"/>
              <xsl:if test="$head"><xsl:value-of select="f:paren(concat(f:st('dept-head'), f:t('colon'), $head/@name))"/></xsl:if>
            </pair>
            <pair key="{f:t('provider')}"><xsl:value-of select="$org/@name"/></pair>
            <xsl:if test="s:term">
              <pair key="{f:t('term')}"><xsl:value-of select="f:date-range(s:term/@start, s:term/@end)"/></pair>
            </xsl:if>
            <pair key="{f:t('status')}"><xsl:value-of select="f:t(concat('status.', @status))"/></pair>
          </xsl:with-param>
          <xsl:with-param name="intro" select="s:description"/>
        </xsl:call-template>
        <xsl:call-template name="supports-section"/>
        <xsl:call-template name="hours-section"/>
        <xsl:call-template name="targets-section"/>
        <xsl:call-template name="compare-section"/>
        <xsl:call-template name="support-signatures">
          <xsl:with-param name="preferred" select="'service-level-manager'"/>
        </xsl:call-template>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

</xsl:stylesheet>
