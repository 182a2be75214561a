<?xml version="1.0" encoding="UTF-8"?>
<!-- A layout with a 10,000-row table (rows made by halving, so template depth stays ~14). -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns="urn:slm:layout:1">
  <xsl:template name="rows">
    <xsl:param name="from"/>
    <xsl:param name="to"/>
    <xsl:choose>
      <xsl:when test="$from = $to">
        <row><cell><xsl:value-of select="$from"/></cell><cell>第 <xsl:value-of select="$from"/> 行 row</cell><cell>99.95%</cell></row>
      </xsl:when>
      <xsl:when test="$from &lt; $to">
        <xsl:variable name="mid" select="floor(($from + $to) div 2)"/>
        <xsl:call-template name="rows"><xsl:with-param name="from" select="$from"/><xsl:with-param name="to" select="$mid"/></xsl:call-template>
        <xsl:call-template name="rows"><xsl:with-param name="from" select="$mid + 1"/><xsl:with-param name="to" select="$to"/></xsl:call-template>
      </xsl:when>
    </xsl:choose>
  </xsl:template>
  <xsl:template match="/">
    <document><meta title="10000 rows"/>
      <table widths="1* 4* 2*">
        <head><row><cell>#</cell><cell>text</cell><cell>value</cell></row></head>
        <body><xsl:call-template name="rows"><xsl:with-param name="from" select="1"/><xsl:with-param name="to" select="10000"/></xsl:call-template></body>
      </table>
    </document>
  </xsl:template>
</xsl:stylesheet>
