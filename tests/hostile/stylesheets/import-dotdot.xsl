<?xml version="1.0" encoding="UTF-8"?>
<!-- xsl:import of a stylesheet outside the repository through a relative path. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns="urn:slm:layout:1">
  <xsl:import href="../../outside/evil.xsl"/>
</xsl:stylesheet>
