<?xml version="1.0" encoding="UTF-8"?>
<!-- A write that first needs folders created (libxslt's create-directory right). -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:exsl="http://exslt.org/common" extension-element-prefixes="exsl"
    xmlns="urn:slm:layout:1">
  <xsl:template match="/">
    <exsl:document href="@PWNED@-dir/sub/x.txt" method="text">pwned</exsl:document>
    <document><meta title="write"/><p>written?</p></document>
  </xsl:template>
</xsl:stylesheet>
