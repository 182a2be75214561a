<?xml version="1.0" encoding="UTF-8"?>
<!-- document() over HTTP, to the suite's listener on 127.0.0.1. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns="urn:slm:layout:1">
  <xsl:template match="/">
    <document><meta title="read"/><p><xsl:value-of select="document('http://127.0.0.1:@PORT@/x.xml')"/></p></document>
  </xsl:template>
</xsl:stylesheet>
