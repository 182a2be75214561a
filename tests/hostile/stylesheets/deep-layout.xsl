<?xml version="1.0" encoding="UTF-8"?>
<!-- A layout with sections nested 500 deep and emphasis nested 500 deep in one paragraph. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns="urn:slm:layout:1">
  <xsl:template name="sections">
    <xsl:param name="n"/>
    <section><h level="1">level <xsl:value-of select="$n"/></h>
      <xsl:if test="$n &gt; 0"><xsl:call-template name="sections"><xsl:with-param name="n" select="$n - 1"/></xsl:call-template></xsl:if>
    </section>
  </xsl:template>
  <xsl:template name="em">
    <xsl:param name="n"/>
    <em>e<xsl:if test="$n &gt; 0"><xsl:call-template name="em"><xsl:with-param name="n" select="$n - 1"/></xsl:call-template></xsl:if></em>
  </xsl:template>
  <xsl:template match="/">
    <document><meta title="deep"/>
      <xsl:call-template name="sections"><xsl:with-param name="n" select="500"/></xsl:call-template>
      <p><xsl:call-template name="em"><xsl:with-param name="n" select="500"/></xsl:call-template></p>
    </document>
  </xsl:template>
</xsl:stylesheet>
