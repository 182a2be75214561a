<?xml version="1.0" encoding="UTF-8"?>
<!-- A shallow recursion that doubles a string 40 times (2^40 characters): template depth alone
     does not stop it, only a bound on work or memory does. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns="urn:slm:layout:1">
  <xsl:template name="double">
    <xsl:param name="s"/>
    <xsl:param name="n"/>
    <xsl:choose>
      <xsl:when test="$n = 0"><xsl:value-of select="string-length($s)"/></xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="double">
          <xsl:with-param name="s" select="concat($s, $s)"/>
          <xsl:with-param name="n" select="$n - 1"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>
  <xsl:template match="/">
    <document><meta title="double"/><p><xsl:call-template name="double">
      <xsl:with-param name="s" select="'xxxxxxxx'"/><xsl:with-param name="n" select="40"/>
    </xsl:call-template></p></document>
  </xsl:template>
</xsl:stylesheet>
