<?xml version="1.0" encoding="UTF-8"?>
<!-- External entities in the stylesheet itself (libxslt parses stylesheets with NOENT|DTDLOAD by
     default): a file outside the repository and a parameter entity over HTTP. -->
<!DOCTYPE xsl:stylesheet [
  <!ENTITY secret SYSTEM "file://@OUTSIDE@/secret.txt">
  <!ENTITY % remote SYSTEM "http://127.0.0.1:@PORT@/x.dtd">
  %remote;
]>
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns="urn:slm:layout:1">
  <xsl:template match="/">
    <document><meta title="xxe"/><p>&secret;</p></document>
  </xsl:template>
</xsl:stylesheet>
