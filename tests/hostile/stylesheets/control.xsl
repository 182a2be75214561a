<?xml version="1.0" encoding="UTF-8"?>
<!-- The control: a harmless stylesheet that must render, so that every refusal below is a
     refusal of the hostile part and not of the set-up. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns="urn:slm:layout:1">
  <xsl:template match="/">
    <document><meta title="control"/><p>control rendering</p></document>
  </xsl:template>
</xsl:stylesheet>
