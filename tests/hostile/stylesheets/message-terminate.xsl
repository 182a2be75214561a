<?xml version="1.0" encoding="UTF-8"?>
<!-- A stylesheet that stops itself: slm must say where, and write nothing. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns="urn:slm:layout:1">
  <xsl:template match="/">
    <xsl:message terminate="yes">stylesheet gives up</xsl:message>
    <document><meta title="stop"/><p>never</p></document>
  </xsl:template>
</xsl:stylesheet>
