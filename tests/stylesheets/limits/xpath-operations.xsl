<?xml version="1.0" encoding="UTF-8"?>
<!-- An XPath expression of cost N^6 over 64 nodes: stopped by slm's XPath operation limit. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:exsl="http://exslt.org/common" exclude-result-prefixes="exsl"
    xmlns="urn:slm:layout:1">
  <xsl:variable name="t"><i/><i/><i/><i/><i/><i/><i/><i/><i/><i/><i/><i/><i/><i/><i/><i/><i/><i/><i/><i/><i/><i/><i/><i/><i/><i/><i/><i/><i/><i/><i/><i/><i/><i/><i/><i/><i/><i/><i/><i/><i/><i/><i/><i/><i/><i/><i/><i/><i/><i/><i/><i/><i/><i/><i/><i/><i/><i/><i/><i/><i/><i/><i/><i/></xsl:variable>
  <xsl:variable name="n" select="exsl:node-set($t)/*"/>
  <xsl:template match="/">
    <document><meta title="t"/>
      <p><xsl:value-of select="count($n[count($n[count($n[count($n[count($n[count($n) &gt; 0]) &gt; 0]) &gt; 0]) &gt; 0]) &gt; 0])"/></p>
    </document>
  </xsl:template>
</xsl:stylesheet>
