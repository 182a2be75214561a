<?xml version="1.0" encoding="UTF-8"?>
<!-- A result tree of 8 million paragraphs: stopped at slm's memory bound, with one message. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns="urn:slm:layout:1" xmlns:str="http://exslt.org/strings" exclude-result-prefixes="str">
  <xsl:template match="/">
    <xsl:variable name="b" select="str:split(str:padding(200, 'a'), '')"/>
    <document><meta title="t"/>
      <xsl:for-each select="$b"><xsl:for-each select="$b"><xsl:for-each select="$b">
        <p>x</p>
      </xsl:for-each></xsl:for-each></xsl:for-each>
    </document>
  </xsl:template>
</xsl:stylesheet>
