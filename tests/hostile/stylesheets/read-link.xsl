<?xml version="1.0" encoding="UTF-8"?>
<!-- document() of a name inside the repository that is a symbolic link to a file outside it. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns="urn:slm:layout:1">
  <xsl:template match="/">
    <document><meta title="read"/><p><xsl:value-of select="document('@REPO@/link-secret.xml')"/></p></document>
  </xsl:template>
</xsl:stylesheet>
