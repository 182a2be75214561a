<?xml version="1.0" encoding="UTF-8"?>
<!-- document() of a hostile file inside the repository (evil-xxe.xml): it must go through slm's own
     loading (size limit, no decompression, no DOCTYPE, regular files only). -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns="urn:slm:layout:1">
  <xsl:template match="/">
    <document><meta title="read"/><p><xsl:value-of select="document('@REPO@/evil-xxe.xml')"/></p></document>
  </xsl:template>
</xsl:stylesheet>
