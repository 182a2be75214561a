<?xml version="1.0" encoding="UTF-8"?>
<!-- document() relative to the source document (second argument) climbing out of the repository. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns="urn:slm:layout:1">
  <xsl:template match="/">
    <document><meta title="read"/><p><xsl:value-of select="document('../outside/secret.xml', /)"/></p></document>
  </xsl:template>
</xsl:stylesheet>
