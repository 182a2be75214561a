<?xml version="1.0" encoding="UTF-8"?>
<!-- Lives OUTSIDE the repository (the suite copies it to TMP/outside/): whatever imports it must be
     refused.  Were it used, its marker would be in the output. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns="urn:slm:layout:1">
  <xsl:template match="/">
    <document><meta title="evil"/><p>EVIL-STYLESHEET-WAS-USED</p></document>
  </xsl:template>
</xsl:stylesheet>
