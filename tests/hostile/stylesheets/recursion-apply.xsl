<?xml version="1.0" encoding="UTF-8"?>
<!-- Infinite recursion through apply-templates on the same node, with a growing variable. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns="urn:slm:layout:1">
  <xsl:template match="/">
    <document><meta title="loop"/><p><xsl:apply-templates select="*" mode="again"/></p></document>
  </xsl:template>
  <xsl:template match="*" mode="again">
    <xsl:variable name="v" select="concat(name(), '.')"/>
    <xsl:apply-templates select="." mode="again"/>
  </xsl:template>
</xsl:stylesheet>
