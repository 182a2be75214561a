<?xml version="1.0" encoding="UTF-8"?>
<!-- A layout with one table cell of 1 MiB of text without a break opportunity, and one paragraph
     of 1 MiB of Chinese text. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns="urn:slm:layout:1">
  <xsl:template name="double">
    <xsl:param name="s"/>
    <xsl:param name="n"/>
    <xsl:choose>
      <xsl:when test="$n = 0"><xsl:value-of select="$s"/></xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="double">
          <xsl:with-param name="s" select="concat($s, $s)"/>
          <xsl:with-param name="n" select="$n - 1"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>
  <xsl:template match="/">
    <document><meta title="1 MiB cell"/>
      <table widths="1* 3*">
        <body><row><cell>big</cell><cell><xsl:call-template name="double">
          <xsl:with-param name="s" select="'xxxxxxxx'"/><xsl:with-param name="n" select="17"/>
        </xsl:call-template></cell></row></body>
      </table>
      <p><xsl:call-template name="double">
        <xsl:with-param name="s" select="'服务级别协议，'"/><xsl:with-param name="n" select="16"/>
      </xsl:call-template></p>
    </document>
  </xsl:template>
</xsl:stylesheet>
