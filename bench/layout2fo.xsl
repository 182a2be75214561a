<?xml version="1.0" encoding="UTF-8"?>
<!--
  bench/layout2fo.xsl: slm's layout vocabulary (urn:slm:layout:1, the output of
  `slm render -\-layout`, schemas/layout.xsd, docs/layout.md) to XSL-FO 1.1 for Apache FOP, so that
  `make bench` can compare slm's typesetter with FOP on the same content.

      xsltproc [-\-stringparam toc no] bench/layout2fo.xsl X.layout.xml > X.fo
      fop -c bench/fop.xconf -fo X.fo -pdf X.pdf

  Same frame and look as slm's paginator: paper size, margins 22 mm left/right, 25 mm top with the
  running header and a thin rule under it, 22 mm bottom with the running footer; page numbers and
  the page count; 10.5 pt body text justified, line pitch 1.65 em (Chinese) or 1.5 em; headings
  16/13/11.5/10.5 pt bold that keep with the next block, a rule under level 1, levels 1-3 as nested
  PDF bookmarks; the paragraph styles; lists with bullets or numbers and a hanging indent;
  key-value blocks as two-column tables (bold grey keys); tables with thin grey rules, widths,
  shaded header rows repeated on every page (fo:table-header), shaded rows, colspan, alignment,
  tick boxes; signatures as a table of two boxes per row; keeps; links; the watermark at 45 degrees.
  Every text is in WenQuanYi Zen Hei (a TrueType CJK font, which FOP can embed: bench/fop.xconf;
  FOP cannot embed fonts-noto-cjk's CFF outlines); code in WenQuanYi Zen Hei Mono.

  Simplified, compared with slm's own PDF:
  - one typeface: titles are not serif; bold and italic use the same (regular) outlines, since the
    font has no bold or italic face and FOP does not synthesize them (bench/fop.xconf maps them);
  - a chart is a placeholder frame of the chart's height naming its series (no axes, no plot);
  - an image is an fo:external-graphic with `src` as it stands (relative to where FOP runs);
  - the table of contents is drawn whenever the layout has <toc/>, unless the parameter toc is
    "no": slm draws it only when the document has more than three pages, which XSLT cannot know,
    so bench/run.sh passes toc=no when slm's PDF of the document has three pages or fewer;
  - the running header and footer parts are set on one line with space leaders between them
    (the centre part is centred between the other two, not on the page), and are not cut with "...";
  - the key column of a key-value block without key-width is estimated from the longest key
    (one em per character, at most 40 % of the text width), not measured;
  - white space between two Chinese characters at a line break of the XML stays a space;
  - the limits of docs/layout.md (cut text, item counts) are not applied;
  - the PDF's metadata: title, author, subject and keywords via XMP (fo:declarations).
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:l="urn:slm:layout:1" xmlns:fo="http://www.w3.org/1999/XSL/Format"
    xmlns:svg="http://www.w3.org/2000/svg" xmlns:x="adobe:ns:meta/"
    xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:dc="http://purl.org/dc/elements/1.1/"
    xmlns:pdf="http://ns.adobe.com/pdf/1.3/" exclude-result-prefixes="l">

  <xsl:output method="xml" encoding="UTF-8" indent="no"/>
  <xsl:strip-space elements="l:document l:section l:list l:kv l:table l:head l:body l:row l:signatures
      l:chart l:series l:header l:footer l:image"/>

  <!-- "no": leave out the table of contents (see above) -->
  <xsl:param name="toc" select="'yes'"/>

  <xsl:variable name="font">WenQuanYi Zen Hei</xsl:variable>
  <xsl:variable name="mono">WenQuanYi Zen Hei Mono</xsl:variable>
  <xsl:variable name="grey-rule">#8c8c8c</xsl:variable>

  <xsl:variable name="doc" select="/l:document"/>
  <xsl:variable name="zh" select="not($doc/@lang) or starts-with($doc/@lang, 'zh')"/>
  <xsl:variable name="page" select="normalize-space(concat($doc/@page, substring('A4', 1, 2 * not($doc/@page))))"/>
  <xsl:variable name="page-w">
    <xsl:choose>
      <xsl:when test="$page = 'A4-landscape'">297</xsl:when>
      <xsl:when test="$page = 'letter'">215.9</xsl:when>
      <xsl:otherwise>210</xsl:otherwise>
    </xsl:choose>
  </xsl:variable>
  <xsl:variable name="page-h">
    <xsl:choose>
      <xsl:when test="$page = 'A4-landscape'">210</xsl:when>
      <xsl:when test="$page = 'letter'">279.4</xsl:when>
      <xsl:otherwise>297</xsl:otherwise>
    </xsl:choose>
  </xsl:variable>
  <!-- the text width in points -->
  <xsl:variable name="text-w" select="($page-w - 44) * 72 div 25.4"/>

  <!-- ============================================================================================ -->
  <!-- The document: page master, bookmarks, one page sequence -->

  <xsl:template match="/">
    <xsl:apply-templates select="l:document"/>
  </xsl:template>

  <xsl:template match="l:document">
    <fo:root font-family="{$font}" font-size="10.5pt" line-height="{1.5 + 0.15 * $zh}"
        hyphenate="false" language="{substring-before(concat(normalize-space(@lang), substring('zh', 1, 2 * not(@lang)), '-'), '-')}">
      <fo:layout-master-set>
        <fo:simple-page-master master-name="page" page-width="{$page-w}mm" page-height="{$page-h}mm"
            margin-top="12mm" margin-bottom="10mm" margin-left="22mm" margin-right="22mm">
          <fo:region-body margin-top="13mm" margin-bottom="12mm"/>
          <fo:region-before extent="10mm"/>
          <fo:region-after extent="9mm" display-align="after"/>
        </fo:simple-page-master>
      </fo:layout-master-set>
      <xsl:apply-templates select="l:meta"/>
      <xsl:if test=".//l:h[@level &lt;= 3 and not(@bookmark = 'false')]">
        <fo:bookmark-tree>
          <xsl:apply-templates select=".//l:h[@level = 1 and not(@bookmark = 'false')]" mode="bookmark"/>
        </fo:bookmark-tree>
      </xsl:if>
      <fo:page-sequence master-reference="page" initial-page-number="1">
        <fo:static-content flow-name="xsl-region-before">
          <xsl:apply-templates select="l:watermark"/>
          <fo:block font-size="8.5pt" line-height="1.3" color="#595959" text-align-last="justify"
              border-after-style="solid" border-after-width="0.4pt" border-after-color="{$grey-rule}"
              padding-after="2pt">
            <xsl:apply-templates select="l:header" mode="running"/>
          </fo:block>
        </fo:static-content>
        <fo:static-content flow-name="xsl-region-after">
          <fo:block font-size="8.5pt" line-height="1.3" color="#595959" text-align-last="justify">
            <xsl:apply-templates select="l:footer" mode="running"/>
          </fo:block>
        </fo:static-content>
        <fo:flow flow-name="xsl-region-body">
          <xsl:apply-templates select="*[not(self::l:meta or self::l:header or self::l:footer or self::l:watermark)]"/>
          <fo:block id="slm-last" line-height="0" font-size="0pt"/>
        </fo:flow>
      </fo:page-sequence>
    </fo:root>
  </xsl:template>

  <xsl:template match="l:meta">
    <fo:declarations>
      <x:xmpmeta>
        <rdf:RDF>
          <rdf:Description rdf:about="">
            <dc:title><xsl:value-of select="@title"/></dc:title>
            <xsl:if test="@author"><dc:creator><xsl:value-of select="@author"/></dc:creator></xsl:if>
            <xsl:if test="@subject"><dc:description><xsl:value-of select="@subject"/></dc:description></xsl:if>
            <xsl:if test="@keywords"><pdf:Keywords><xsl:value-of select="@keywords"/></pdf:Keywords></xsl:if>
          </rdf:Description>
        </rdf:RDF>
      </x:xmpmeta>
    </fo:declarations>
  </xsl:template>

  <!-- left, centre and right on one line, spread by space leaders -->
  <xsl:template match="l:header | l:footer" mode="running">
    <xsl:apply-templates select="l:left"/>
    <fo:leader leader-pattern="space"/>
    <xsl:apply-templates select="l:center"/>
    <fo:leader leader-pattern="space"/>
    <xsl:apply-templates select="l:right"/>
  </xsl:template>

  <xsl:template match="l:left | l:center | l:right">
    <fo:inline><xsl:apply-templates/></fo:inline>
  </xsl:template>

  <!-- large, light grey, at 45 degrees across the middle of the page, an SVG in a frame fixed to
       the page (FOP draws the region-before before the body, so the text covers it) -->
  <xsl:template match="l:watermark">
    <fo:block-container absolute-position="fixed" top="0mm" left="0mm" width="{$page-w}mm" height="{$page-h}mm">
      <fo:block line-height="0" font-size="0pt">
        <fo:instream-foreign-object content-width="{$page-w}mm" content-height="{$page-h}mm">
          <svg:svg width="{$page-w}mm" height="{$page-h}mm" viewBox="0 0 {$page-w} {$page-h}">
            <svg:text x="{$page-w div 2}" y="{$page-h div 2}" text-anchor="middle" dominant-baseline="middle"
                font-family="{$font}" font-size="35" fill="#e6e6e6"
                transform="rotate(-45 {$page-w div 2} {$page-h div 2})"><xsl:value-of select="normalize-space(.)"/></svg:text>
          </svg:svg>
        </fo:instream-foreign-object>
      </fo:block>
    </fo:block-container>
  </xsl:template>

  <!-- ============================================================================================ -->
  <!-- Blocks -->

  <!-- keep-with-next, keep-together and id, common to every block -->
  <xsl:template name="keeps">
    <xsl:if test="@keep-with-next = 'true' or @keep-with-next = '1'">
      <xsl:attribute name="keep-with-next.within-page">always</xsl:attribute>
    </xsl:if>
    <xsl:if test="@keep-together = 'true' or @keep-together = '1'">
      <xsl:attribute name="keep-together.within-page">always</xsl:attribute>
    </xsl:if>
    <xsl:if test="@id">
      <xsl:attribute name="id"><xsl:value-of select="@id"/></xsl:attribute>
    </xsl:if>
  </xsl:template>

  <xsl:template match="l:section">
    <fo:block>
      <xsl:call-template name="keeps"/>
      <xsl:apply-templates/>
    </fo:block>
  </xsl:template>

  <xsl:template match="l:h">
    <fo:block font-weight="bold" keep-with-next.within-page="always" text-align="start">
      <xsl:call-template name="keeps"/>
      <xsl:if test="not(@id)">
        <xsl:attribute name="id"><xsl:value-of select="generate-id()"/></xsl:attribute>
      </xsl:if>
      <xsl:choose>
        <xsl:when test="@level = 1">
          <xsl:attribute name="font-size">16pt</xsl:attribute>
          <xsl:attribute name="space-before">14pt</xsl:attribute>
          <xsl:attribute name="space-after">6pt</xsl:attribute>
          <xsl:attribute name="padding-after">2pt</xsl:attribute>
          <xsl:attribute name="border-after-style">solid</xsl:attribute>
          <xsl:attribute name="border-after-width">0.5pt</xsl:attribute>
          <xsl:attribute name="border-after-color"><xsl:value-of select="$grey-rule"/></xsl:attribute>
        </xsl:when>
        <xsl:when test="@level = 2">
          <xsl:attribute name="font-size">13pt</xsl:attribute>
          <xsl:attribute name="space-before">10pt</xsl:attribute>
          <xsl:attribute name="space-after">4pt</xsl:attribute>
        </xsl:when>
        <xsl:when test="@level = 3">
          <xsl:attribute name="font-size">11.5pt</xsl:attribute>
          <xsl:attribute name="space-before">8pt</xsl:attribute>
          <xsl:attribute name="space-after">3pt</xsl:attribute>
        </xsl:when>
        <xsl:otherwise>
          <xsl:attribute name="font-size">10.5pt</xsl:attribute>
          <xsl:attribute name="space-before">6pt</xsl:attribute>
          <xsl:attribute name="space-after">2pt</xsl:attribute>
        </xsl:otherwise>
      </xsl:choose>
      <xsl:apply-templates/>
    </fo:block>
  </xsl:template>

  <xsl:template match="l:p">
    <fo:block space-before="4pt" space-after="4pt" text-align="justify" orphans="2" widows="2">
      <xsl:choose>
        <xsl:when test="@style = 'small'">
          <xsl:attribute name="font-size">9pt</xsl:attribute>
        </xsl:when>
        <xsl:when test="@style = 'note'">
          <xsl:attribute name="font-size">9pt</xsl:attribute>
          <xsl:attribute name="color">#595959</xsl:attribute>
        </xsl:when>
        <xsl:when test="@style = 'title'">
          <xsl:attribute name="font-size">20pt</xsl:attribute>
          <xsl:attribute name="font-weight">bold</xsl:attribute>
          <xsl:attribute name="text-align">center</xsl:attribute>
          <xsl:attribute name="line-height">1.3</xsl:attribute>
          <xsl:attribute name="space-before">12pt</xsl:attribute>
          <xsl:attribute name="space-after">8pt</xsl:attribute>
        </xsl:when>
        <xsl:when test="@style = 'subtitle'">
          <xsl:attribute name="font-size">12pt</xsl:attribute>
          <xsl:attribute name="color">#4d4d4d</xsl:attribute>
          <xsl:attribute name="text-align">center</xsl:attribute>
          <xsl:attribute name="space-after">10pt</xsl:attribute>
        </xsl:when>
      </xsl:choose>
      <xsl:if test="@size">
        <xsl:attribute name="font-size">
          <xsl:call-template name="size">
            <xsl:with-param name="v" select="@size"/>
            <xsl:with-param name="base">
              <xsl:choose>
                <xsl:when test="@style = 'small' or @style = 'note'">9</xsl:when>
                <xsl:when test="@style = 'title'">20</xsl:when>
                <xsl:when test="@style = 'subtitle'">12</xsl:when>
                <xsl:otherwise>10.5</xsl:otherwise>
              </xsl:choose>
            </xsl:with-param>
          </xsl:call-template>
        </xsl:attribute>
      </xsl:if>
      <xsl:if test="@align">
        <xsl:attribute name="text-align">
          <xsl:choose>
            <xsl:when test="@align = 'left'">start</xsl:when>
            <xsl:when test="@align = 'right'">end</xsl:when>
            <xsl:otherwise><xsl:value-of select="@align"/></xsl:otherwise>
          </xsl:choose>
        </xsl:attribute>
      </xsl:if>
      <xsl:call-template name="keeps"/>
      <xsl:apply-templates/>
    </fo:block>
  </xsl:template>

  <!-- a Length for a text size: mm and pt as they stand, % of the style's own size -->
  <xsl:template name="size">
    <xsl:param name="v"/>
    <xsl:param name="base"/>
    <xsl:choose>
      <xsl:when test="contains($v, '%')">
        <xsl:value-of select="concat($base * substring-before($v, '%') div 100, 'pt')"/>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="normalize-space($v)"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- a Length for a width: mm and pt as they stand, % of the text width -->
  <xsl:template name="width">
    <xsl:param name="v"/>
    <xsl:choose>
      <xsl:when test="contains($v, '%')">
        <xsl:value-of select="concat($text-w * substring-before($v, '%') div 100, 'pt')"/>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="normalize-space($v)"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="l:list">
    <fo:list-block space-before="4pt" space-after="4pt" provisional-label-separation="4pt"
        provisional-distance-between-starts="{12 + 6 * (@ordered = 'true' or @ordered = '1')}pt">
      <xsl:call-template name="keeps"/>
      <xsl:apply-templates select="l:item"/>
    </fo:list-block>
  </xsl:template>

  <xsl:template match="l:item">
    <fo:list-item space-before="2pt" orphans="2" widows="2">
      <fo:list-item-label end-indent="label-end()">
        <xsl:choose>
          <xsl:when test="../@ordered = 'true' or ../@ordered = '1'">
            <fo:block text-align="end"><xsl:number/>.</fo:block>
          </xsl:when>
          <xsl:otherwise>
            <fo:block text-align="end" font-size="6pt" line-height="{(1.5 + 0.15 * $zh) * 10.5 div 6}">●</fo:block>
          </xsl:otherwise>
        </xsl:choose>
      </fo:list-item-label>
      <fo:list-item-body start-indent="body-start()">
        <fo:block text-align="justify"><xsl:apply-templates/></fo:block>
      </fo:list-item-body>
    </fo:list-item>
  </xsl:template>

  <!-- key-value pairs: a table of two columns, one row per pair -->
  <xsl:template match="l:kv">
    <xsl:variable name="key-w">
      <xsl:choose>
        <xsl:when test="@key-width">
          <xsl:call-template name="width"><xsl:with-param name="v" select="@key-width"/></xsl:call-template>
        </xsl:when>
        <xsl:otherwise>
          <xsl:variable name="longest">
            <xsl:for-each select="l:pair">
              <xsl:sort select="string-length(@key)" data-type="number" order="descending"/>
              <xsl:if test="position() = 1"><xsl:value-of select="string-length(@key)"/></xsl:if>
            </xsl:for-each>
          </xsl:variable>
          <xsl:variable name="w" select="$longest * 10.5 + 10"/>
          <xsl:choose>
            <xsl:when test="$w > 0.4 * $text-w"><xsl:value-of select="0.4 * $text-w"/>pt</xsl:when>
            <xsl:otherwise><xsl:value-of select="$w"/>pt</xsl:otherwise>
          </xsl:choose>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <fo:table table-layout="fixed" width="100%" space-before="4pt" space-after="4pt">
      <xsl:call-template name="keeps"/>
      <fo:table-column column-width="{$key-w}"/>
      <fo:table-column column-width="proportional-column-width(1)"/>
      <fo:table-body>
        <xsl:for-each select="l:pair">
          <fo:table-row keep-together.within-page="always">
            <fo:table-cell padding-after="1pt" padding-end="6pt">
              <fo:block font-weight="bold" color="#595959"><xsl:value-of select="@key"/></fo:block>
            </fo:table-cell>
            <fo:table-cell padding-after="1pt">
              <fo:block><xsl:apply-templates/></fo:block>
            </fo:table-cell>
          </fo:table-row>
        </xsl:for-each>
      </fo:table-body>
    </fo:table>
  </xsl:template>

  <xsl:template match="l:table">
    <xsl:variable name="cols">
      <xsl:call-template name="count-words"><xsl:with-param name="s" select="normalize-space(@widths)"/></xsl:call-template>
    </xsl:variable>
    <xsl:apply-templates select="l:caption"/>
    <fo:table table-layout="fixed" width="100%" space-before="4pt" space-after="6pt"
        border-collapse="collapse" border="0.5pt solid {$grey-rule}" font-size="9.5pt" line-height="1.4">
      <xsl:if test="@size">
        <xsl:attribute name="font-size">
          <xsl:call-template name="size">
            <xsl:with-param name="v" select="@size"/>
            <xsl:with-param name="base" select="9.5"/>
          </xsl:call-template>
        </xsl:attribute>
      </xsl:if>
      <xsl:call-template name="keeps"/>
      <xsl:call-template name="columns"><xsl:with-param name="s" select="normalize-space(@widths)"/></xsl:call-template>
      <xsl:if test="l:head">
        <fo:table-header font-weight="bold" background-color="#e6e6e6">
          <xsl:apply-templates select="l:head/l:row">
            <xsl:with-param name="cols" select="$cols"/>
          </xsl:apply-templates>
        </fo:table-header>
      </xsl:if>
      <fo:table-body>
        <xsl:apply-templates select="l:body/l:row">
          <xsl:with-param name="cols" select="$cols"/>
        </xsl:apply-templates>
        <xsl:if test="not(l:body/l:row)">
          <fo:table-row><fo:table-cell number-columns-spanned="{$cols}"><fo:block/></fo:table-cell></fo:table-row>
        </xsl:if>
      </fo:table-body>
    </fo:table>
  </xsl:template>

  <xsl:template match="l:table/l:caption">
    <fo:block font-weight="bold" space-before="6pt" space-after="2pt" keep-with-next.within-page="always">
      <xsl:apply-templates/>
    </fo:block>
  </xsl:template>

  <xsl:template name="count-words">
    <xsl:param name="s"/>
    <xsl:value-of select="string-length($s) - string-length(translate($s, ' ', '')) + 1"/>
  </xsl:template>

  <!-- "2* 30mm 20%": proportional-column-width(2), 30mm, 20 % of the text width -->
  <xsl:template name="columns">
    <xsl:param name="s"/>
    <xsl:variable name="w" select="substring-before(concat($s, ' '), ' ')"/>
    <xsl:if test="$w != ''">
      <fo:table-column>
        <xsl:attribute name="column-width">
          <xsl:choose>
            <xsl:when test="contains($w, '*')">proportional-column-width(<xsl:value-of select="substring-before($w, '*')"/>)</xsl:when>
            <xsl:otherwise>
              <xsl:call-template name="width"><xsl:with-param name="v" select="$w"/></xsl:call-template>
            </xsl:otherwise>
          </xsl:choose>
        </xsl:attribute>
      </fo:table-column>
      <xsl:call-template name="columns"><xsl:with-param name="s" select="substring-after($s, ' ')"/></xsl:call-template>
    </xsl:if>
  </xsl:template>

  <xsl:template match="l:row">
    <xsl:param name="cols"/>
    <fo:table-row keep-together.within-page="always">
      <xsl:if test="@shade = 'true' or @shade = '1'">
        <xsl:attribute name="background-color">#f2f2f2</xsl:attribute>
      </xsl:if>
      <!-- cells beyond the columns of widths are left out -->
      <xsl:for-each select="l:cell">
        <xsl:variable name="start" select="count(preceding-sibling::l:cell[not(@colspan)])
            + sum(preceding-sibling::l:cell/@colspan) + 1"/>
        <xsl:if test="$start &lt;= $cols">
          <fo:table-cell padding="2pt 4pt" border="0.5pt solid {$grey-rule}">
            <xsl:if test="parent::l:row/parent::l:head">
              <xsl:attribute name="display-align">center</xsl:attribute>
            </xsl:if>
            <xsl:if test="@colspan > 1">
              <xsl:attribute name="number-columns-spanned">
                <xsl:choose>
                  <xsl:when test="$start + @colspan - 1 > $cols"><xsl:value-of select="$cols - $start + 1"/></xsl:when>
                  <xsl:otherwise><xsl:value-of select="@colspan"/></xsl:otherwise>
                </xsl:choose>
              </xsl:attribute>
            </xsl:if>
            <fo:block>
              <xsl:if test="@align">
                <xsl:attribute name="text-align">
                  <xsl:choose>
                    <xsl:when test="@align = 'left'">start</xsl:when>
                    <xsl:when test="@align = 'right'">end</xsl:when>
                    <xsl:otherwise><xsl:value-of select="@align"/></xsl:otherwise>
                  </xsl:choose>
                </xsl:attribute>
              </xsl:if>
              <xsl:if test="@box = 'true' or @box = '1'">
                <xsl:if test="not(normalize-space(.))">
                  <xsl:attribute name="text-align">center</xsl:attribute>
                </xsl:if>
                <fo:inline font-size="11pt" line-height="1">&#x25A1;</fo:inline>
                <xsl:if test="normalize-space(.)"><xsl:text> </xsl:text></xsl:if>
              </xsl:if>
              <xsl:apply-templates/>
            </fo:block>
          </fo:table-cell>
        </xsl:if>
      </xsl:for-each>
    </fo:table-row>
  </xsl:template>

  <xsl:template match="l:image">
    <fo:block text-align="center" space-before="6pt" space-after="6pt">
      <xsl:call-template name="keeps"/>
      <fo:external-graphic src="url('{@src}')" content-height="scale-to-fit" scaling="uniform">
        <xsl:choose>
          <xsl:when test="@width">
            <xsl:attribute name="content-width">
              <xsl:call-template name="width"><xsl:with-param name="v" select="@width"/></xsl:call-template>
            </xsl:attribute>
          </xsl:when>
          <xsl:otherwise><xsl:attribute name="content-width">scale-down-to-fit</xsl:attribute></xsl:otherwise>
        </xsl:choose>
      </fo:external-graphic>
      <xsl:apply-templates select="l:caption"/>
    </fo:block>
  </xsl:template>

  <xsl:template match="l:image/l:caption | l:chart/l:caption">
    <fo:block text-align="center" font-size="9pt" space-before="3pt"><xsl:apply-templates/></fo:block>
  </xsl:template>

  <!-- a chart: a frame of its height naming its series (a placeholder, not a plot) -->
  <xsl:template match="l:chart">
    <fo:block space-before="6pt" space-after="6pt" keep-together.within-page="always">
      <xsl:call-template name="keeps"/>
      <fo:block-container border="0.5pt solid {$grey-rule}" display-align="center" font-size="9pt" color="#595959">
        <xsl:attribute name="height">
          <xsl:choose>
            <xsl:when test="@height"><xsl:call-template name="width"><xsl:with-param name="v" select="@height"/></xsl:call-template></xsl:when>
            <xsl:otherwise>70mm</xsl:otherwise>
          </xsl:choose>
        </xsl:attribute>
        <fo:block text-align="center">
          <xsl:for-each select="l:series">
            <xsl:if test="position() > 1"> · </xsl:if>
            <xsl:value-of select="@name"/> (<xsl:value-of select="count(l:point)"/>)
          </xsl:for-each>
          <xsl:if test="@target"> · <xsl:value-of select="@target-label"/>
            <xsl:if test="not(@target-label)"><xsl:value-of select="concat(@target, @unit)"/></xsl:if>
          </xsl:if>
        </fo:block>
      </fo:block-container>
      <xsl:apply-templates select="l:caption"/>
    </fo:block>
  </xsl:template>

  <!-- signatures: two boxes per row -->
  <xsl:template match="l:signatures">
    <fo:table table-layout="fixed" width="100%" space-before="10pt" keep-together.within-page="always"
        border-collapse="separate" border-separation="10pt">
      <xsl:call-template name="keeps"/>
      <fo:table-column column-width="proportional-column-width(1)"/>
      <fo:table-column column-width="proportional-column-width(1)"/>
      <fo:table-body>
        <xsl:for-each select="l:signature[position() mod 2 = 1]">
          <fo:table-row>
            <xsl:apply-templates select=". | following-sibling::l:signature[1]"/>
            <xsl:if test="not(following-sibling::l:signature)">
              <fo:table-cell><fo:block/></fo:table-cell>
            </xsl:if>
          </fo:table-row>
        </xsl:for-each>
      </fo:table-body>
    </fo:table>
  </xsl:template>

  <xsl:template match="l:signature">
    <fo:table-cell padding="6pt 8pt 8pt 8pt" border="0.5pt solid {$grey-rule}">
      <fo:block font-weight="bold" space-after="4pt"><xsl:value-of select="@party"/></fo:block>
      <fo:block>
        <xsl:choose><xsl:when test="$zh">姓名：</xsl:when><xsl:otherwise>Name: </xsl:otherwise></xsl:choose>
        <xsl:value-of select="@name"/>
      </fo:block>
      <fo:block>
        <xsl:choose><xsl:when test="$zh">职务：</xsl:when><xsl:otherwise>Title: </xsl:otherwise></xsl:choose>
        <xsl:value-of select="@role"/>
      </fo:block>
      <fo:block space-before="14pt" text-align-last="justify">
        <xsl:choose><xsl:when test="$zh">签字：</xsl:when><xsl:otherwise>Signature: </xsl:otherwise></xsl:choose>
        <fo:leader leader-pattern="rule" rule-thickness="0.5pt" color="#595959"/>
      </fo:block>
      <fo:block space-before="6pt" text-align-last="justify">
        <xsl:choose><xsl:when test="$zh">日期：</xsl:when><xsl:otherwise>Date: </xsl:otherwise></xsl:choose>
        <xsl:choose>
          <xsl:when test="@date"><xsl:value-of select="@date"/></xsl:when>
          <xsl:otherwise><fo:leader leader-pattern="rule" rule-thickness="0.5pt" color="#595959"/></xsl:otherwise>
        </xsl:choose>
      </fo:block>
    </fo:table-cell>
  </xsl:template>

  <xsl:template match="l:page-break">
    <fo:block break-after="page"/>
  </xsl:template>

  <!-- the table of contents: headings of levels 1-3, dot leaders, page numbers -->
  <xsl:template match="l:toc">
    <xsl:if test="$toc != 'no'">
      <fo:block>
        <fo:block font-size="16pt" font-weight="bold" space-before="14pt" space-after="6pt" keep-with-next.within-page="always">
          <xsl:value-of select="@title"/>
          <xsl:if test="not(@title)">
            <xsl:choose><xsl:when test="$zh">目录</xsl:when><xsl:otherwise>Contents</xsl:otherwise></xsl:choose>
          </xsl:if>
        </fo:block>
        <xsl:for-each select="//l:h[@level &lt;= 3 and not(@bookmark = 'false')]">
          <xsl:variable name="ref"><xsl:call-template name="h-id"/></xsl:variable>
          <fo:block text-align-last="justify" start-indent="{(@level - 1) * 12}pt">
            <fo:basic-link internal-destination="{$ref}">
              <xsl:apply-templates/>
              <fo:leader leader-pattern="dots"/>
              <fo:page-number-citation ref-id="{$ref}"/>
            </fo:basic-link>
          </fo:block>
        </xsl:for-each>
      </fo:block>
    </xsl:if>
  </xsl:template>

  <xsl:template name="h-id">
    <xsl:choose>
      <xsl:when test="@id"><xsl:value-of select="@id"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="generate-id()"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- bookmarks nested by level: a heading's children are the headings one level down up to the
       next heading of its level or above -->
  <xsl:template match="l:h" mode="bookmark">
    <xsl:variable name="me" select="generate-id()"/>
    <xsl:variable name="level" select="number(@level)"/>
    <fo:bookmark>
      <xsl:attribute name="internal-destination"><xsl:call-template name="h-id"/></xsl:attribute>
      <fo:bookmark-title><xsl:value-of select="normalize-space(.)"/></fo:bookmark-title>
      <xsl:if test="$level &lt; 3">
        <xsl:apply-templates mode="bookmark"
            select="following::l:h[@level = $level + 1 and not(@bookmark = 'false')]
                [generate-id(preceding::l:h[@level &lt;= $level][1]) = $me]"/>
      </xsl:if>
    </fo:bookmark>
  </xsl:template>

  <!-- ============================================================================================ -->
  <!-- Inline content -->

  <xsl:template match="l:em">
    <fo:inline font-style="italic"><xsl:apply-templates/></fo:inline>
  </xsl:template>

  <xsl:template match="l:strong">
    <fo:inline font-weight="bold"><xsl:apply-templates/></fo:inline>
  </xsl:template>

  <xsl:template match="l:code">
    <fo:inline font-family="{$mono}"><xsl:apply-templates/></fo:inline>
  </xsl:template>

  <xsl:template match="l:link">
    <xsl:choose>
      <xsl:when test="starts-with(@href, '#')">
        <fo:basic-link internal-destination="{substring(@href, 2)}" color="#1a3380"><xsl:apply-templates/></fo:basic-link>
      </xsl:when>
      <xsl:when test="starts-with(@href, 'http:') or starts-with(@href, 'https:') or starts-with(@href, 'mailto:')">
        <fo:basic-link external-destination="url('{@href}')" color="#1a3380"><xsl:apply-templates/></fo:basic-link>
      </xsl:when>
      <xsl:otherwise>
        <fo:inline color="#1a3380"><xsl:apply-templates/></fo:inline>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="l:br">
    <fo:block/>
  </xsl:template>

  <xsl:template match="l:page-number">
    <xsl:if test="ancestor::l:header or ancestor::l:footer"><fo:page-number/></xsl:if>
  </xsl:template>

  <xsl:template match="l:page-count">
    <xsl:if test="ancestor::l:header or ancestor::l:footer"><fo:page-number-citation ref-id="slm-last"/></xsl:if>
  </xsl:template>

</xsl:stylesheet>
