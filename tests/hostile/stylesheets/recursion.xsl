<?xml version="1.0" encoding="UTF-8"?>
<!-- Infinite recursion of a named template. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns="urn:slm:layout:1">
  <xsl:template name="loop">
    <xsl:param name="n" select="0"/>
    <xsl:call-template name="loop"><xsl:with-param name="n" select="$n + 1"/></xsl:call-template>
  </xsl:template>
  <xsl:template match="/">
    <document><meta title="loop"/><p><xsl:call-template name="loop"/></p></document>
  </xsl:template>
</xsl:stylesheet>
