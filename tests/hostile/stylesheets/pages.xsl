<?xml version="1.0" encoding="UTF-8"?>
<!-- A layout of 10,000 pages: a paragraph and a page break, 10,000 times. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns="urn:slm:layout:1">
  <xsl:template name="pages">
    <xsl:param name="from"/>
    <xsl:param name="to"/>
    <xsl:choose>
      <xsl:when test="$from = $to"><p>第 <xsl:value-of select="$from"/> 页 page</p><page-break/></xsl:when>
      <xsl:when test="$from &lt; $to">
        <xsl:variable name="mid" select="floor(($from + $to) div 2)"/>
        <xsl:call-template name="pages"><xsl:with-param name="from" select="$from"/><xsl:with-param name="to" select="$mid"/></xsl:call-template>
        <xsl:call-template name="pages"><xsl:with-param name="from" select="$mid + 1"/><xsl:with-param name="to" select="$to"/></xsl:call-template>
      </xsl:when>
    </xsl:choose>
  </xsl:template>
  <xsl:template match="/">
    <document><meta title="10000 pages"/>
      <footer><center><page-number/> / <page-count/></center></footer>
      <toc/>
      <xsl:call-template name="pages"><xsl:with-param name="from" select="1"/><xsl:with-param name="to" select="10000"/></xsl:call-template>
    </document>
  </xsl:template>
</xsl:stylesheet>
