<?xml version="1.0" encoding="UTF-8"?>
<!-- Infinite recursion of an EXSLT function (func:function), which does not go through templates. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:func="http://exslt.org/functions" xmlns:f="urn:hostile"
    extension-element-prefixes="func" exclude-result-prefixes="f"
    xmlns="urn:slm:layout:1">
  <func:function name="f:loop">
    <xsl:param name="n"/>
    <func:result select="f:loop($n + 1)"/>
  </func:function>
  <xsl:template match="/">
    <document><meta title="loop"/><p><xsl:value-of select="f:loop(0)"/></p></document>
  </xsl:template>
</xsl:stylesheet>
