<?xml version="1.0" encoding="UTF-8"?>
<!-- A write from a stylesheet to a relative name (resolved against the output, the stylesheet or
     the current folder: none of them may receive it). -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:exsl="http://exslt.org/common" extension-element-prefixes="exsl"
    xmlns="urn:slm:layout:1">
  <xsl:template match="/">
    <exsl:document href="pwned-relative.txt" method="text">pwned</exsl:document>
    <document><meta title="write"/><p>written?</p></document>
  </xsl:template>
</xsl:stylesheet>
