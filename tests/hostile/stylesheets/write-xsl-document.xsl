<?xml version="1.0" encoding="UTF-8"?>
<!-- XSLT 1.1's xsl:document, which libxslt implements when version="1.1". -->
<xsl:stylesheet version="1.1" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns="urn:slm:layout:1">
  <xsl:template match="/">
    <xsl:document href="@PWNED@-xsl-document.txt" method="text">pwned</xsl:document>
    <document><meta title="write"/><p>written?</p></document>
  </xsl:template>
</xsl:stylesheet>
