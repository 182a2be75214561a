<?xml version="1.0" encoding="UTF-8"?>
<!-- A template that calls itself for ever: stopped at slm's 1000 nested template calls. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns="urn:slm:layout:1">
  <xsl:template match="/">
    <document><meta title="t"/><p><xsl:call-template name="again"/></p></document>
  </xsl:template>
  <xsl:template name="again">
    <xsl:call-template name="again"/>
  </xsl:template>
</xsl:stylesheet>
