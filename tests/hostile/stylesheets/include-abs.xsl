<?xml version="1.0" encoding="UTF-8"?>
<!-- xsl:include of a stylesheet outside the repository by absolute file: URI. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns="urn:slm:layout:1">
  <xsl:include href="file://@OUTSIDE@/evil.xsl"/>
</xsl:stylesheet>
