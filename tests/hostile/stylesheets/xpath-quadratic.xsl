<?xml version="1.0" encoding="UTF-8"?>
<!-- One XPath expression quadratic inside libxml2 (a node-set of 100,000 compared with itself):
     no step for slm's limit on XPath work to count; the watchdog must end it. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns="urn:slm:layout:1" xmlns:str="http://exslt.org/strings" exclude-result-prefixes="str">
  <xsl:template match="/">
    <xsl:variable name="b" select="str:split(str:padding(100000, 'a'), '')"/>
    <document><meta title="t"/><p><xsl:value-of select="count($b[. = $b])"/></p></document>
  </xsl:template>
</xsl:stylesheet>
