<?xml version="1.0" encoding="UTF-8"?>
<!-- A write from a stylesheet: exsl:document to an absolute path outside the output folder. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:exsl="http://exslt.org/common" extension-element-prefixes="exsl"
    xmlns="urn:slm:layout:1">
  <xsl:template match="/">
    <exsl:document href="@PWNED@-exsl.txt" method="text">pwned</exsl:document>
    <document><meta title="write"/><p>written?</p></document>
  </xsl:template>
</xsl:stylesheet>
