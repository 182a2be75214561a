<?xml version="1.0" encoding="UTF-8"?>
<!--
  contract.xsl: 供应商合同 / 支持合同, underpinning contract (seed step 6 签订供应商合同; change step 4).
  A supplier's commitment backing SLA services: the supplier and the provider's supplier manager,
  the contract number, the SLA services supported, term, service hours, targets, the targets next
  to the SLA's, the cost (in the title block), and the signatures of the supplier and the supplier manager.
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

  <xsl:variable name="labels-table">
    <e k="number" zh="合同编号" en="Contract number"/>
    <e k="supplier-party" zh="供应商" en="Supplier"/>
    <e k="buyer" zh="采购方" en="Buyer"/>
    <e k="manager" zh="供应商经理" en="Supplier manager"/>
  </xsl:variable>
  <xsl:variable name="labels" select="exsl:node-set($labels-table)/*"/>

  <xsl:template match="/s:contract">
    <xsl:variable name="sup" select="$org/s:supplier[@id = current()/@supplier]"/>
    <xsl:variable name="title">
      <xsl:choose>
        <xsl:when test="s:title"><xsl:value-of select="normalize-space(s:title)"/></xsl:when>
        <xsl:otherwise><xsl:value-of select="concat(f:party(string(@supplier)), ' ', f:t('kind.contract'), f:paren(@id))"/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:call-template name="document">
      <xsl:with-param name="title" select="string($title)"/>
      <xsl:with-param name="kind" select="f:t('kind.contract')"/>
      <xsl:with-param name="date" select="f:latest(s:signature/@date)"/>
      <xsl:with-param name="keywords" select="normalize-space(concat(@id, ' ', @number, ' ', @supplier, ' ', s:supports[1]/@sla))"/>
      <xsl:with-param name="body">
        <xsl:call-template name="title-block">
          <xsl:with-param name="title" select="string($title)"/>
          <xsl:with-param name="subtitle" select="concat(f:t('kind.contract'), f:t('sep'), @id)"/>
          <xsl:with-param name="toc" select="false()"/>
          <xsl:with-param name="facts">
            <xsl:if test="@number"><pair key="{f:t('number')}"><xsl:value-of select="@number"/></pair></xsl:if>
            <pair key="{f:t('supplier-party')}">
              <xsl:value-of select="f:party(string(@supplier))"/>
              <xsl:if test="$sup/@contact"><xsl:value-of select="f:paren(concat(f:t('contact'), f:t('colon'), $sup/@contact))"/></xsl:if>
            </pair>
            <pair key="{f:t('buyer')}"><xsl:value-of select="$org/@name"/></pair>
            <pair key="{f:t('manager')}"><xsl:value-of select="f:person-full(string(@manager))"/></pair>
            <xsl:if test="s:term">
              <pair key="{f:t('term')}"><xsl:value-of select="f:date-range(s:term/@start, s:term/@end)"/></pair>
            </xsl:if>
            <xsl:if test="s:cost">
              <pair key="{f:st('cost')}"><xsl:value-of select="f:money-per(s:cost/@amount, s:cost/@currency, s:cost/@per)"/></pair>
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
          <xsl:with-param name="preferred" select="'supplier-manager'"/>
        </xsl:call-template>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

</xsl:stylesheet>
