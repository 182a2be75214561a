/* Typesetting (see pdf.h): the layout DOM becomes a flat list of measured items for the
 * paginator (struct pg_item) and, in parallel, what to draw for each (struct pdf_box).
 * Paragraphs and list items are shaped once by pango and cut into one item per line, the lines of
 * one block sharing a group so that paginate.c can keep widows and orphans; a table row, a
 * key–value pair, a heading, a figure and a row of signature boxes are one item each.  Text is
 * collapsed like HTML (a line break between two CJK characters vanishes instead of becoming a
 * space), wrapped with PANGO_WRAP_WORD_CHAR so that nothing spills, and held by the CJK
 * line-breaking prohibitions of linebreak.c.  Every size is in points: the pango context runs at
 * 72 dpi with hinting off, so measures do not depend on the machine's screen settings. */
#define _XOPEN_SOURCE 700 /* realpath */
#define PDF_INTERNAL
#include "pdf.h"

#include "linebreak.h"

#include <fontconfig/fontconfig.h>

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <math.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* ---- small helpers ------------------------------------------------------------------------ */

static void report(struct pdf_doc *doc, enum severity sev, const char *fmt, va_list ap)
{
	char *msg = g_strdup_vprintf(fmt, ap);
	struct diag *d = diag_add(doc->dl, RULE_RENDER, doc->source, 0, 0, "%s", msg);
	/* hitting a bound on hostile input still yields a faithful (marked) PDF: a warning */
	if (sev == SEV_WARNING && d->severity > SEV_WARNING)
		d->severity = SEV_WARNING;
	if (sev != SEV_WARNING)
		doc->errors++;
	g_free(msg);
}

void pdf_warn(struct pdf_doc *doc, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	report(doc, SEV_WARNING, fmt, ap);
	va_end(ap);
}

void pdf_error(struct pdf_doc *doc, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	report(doc, SEV_ERROR, fmt, ap);
	va_end(ap);
}

bool pdf_is(xmlNodePtr n, const char *name)
{
	return n && n->type == XML_ELEMENT_NODE && n->ns &&
	       strcmp((const char *)n->ns->href, PDF_NS) == 0 &&
	       strcmp((const char *)n->name, name) == 0;
}

char *pdf_attr(xmlNodePtr n, const char *name)
{
	xmlChar *v = xmlGetProp(n, (const xmlChar *)name);
	char *s = v ? g_strdup((const char *)v) : NULL;
	xmlFree(v);
	return s;
}

static bool attr_bool(xmlNodePtr n, const char *name, bool dflt)
{
	char *v = pdf_attr(n, name);
	bool r = dflt;
	if (v) {
		g_strstrip(v);
		r = strcmp(v, "true") == 0 || strcmp(v, "1") == 0;
	}
	g_free(v);
	return r;
}

static bool attr_is(xmlNodePtr n, const char *name, const char *value)
{
	char *v = pdf_attr(n, name);
	bool r = v && strcmp(g_strstrip(v), value) == 0;
	g_free(v);
	return r;
}

/* A Length ("30mm", "12pt", "50%" of BASE) in points, or DFLT when absent or malformed. */
static double length(const char *s, double base, double dflt)
{
	char *end;
	double v;

	if (!s)
		return dflt;
	v = g_ascii_strtod(s, &end);
	if (end == s || !isfinite(v) || v < 0)
		return dflt;
	if (strcmp(end, "mm") == 0)
		return PDF_MM(v);
	if (strcmp(end, "pt") == 0)
		return v;
	if (strcmp(end, "%") == 0)
		return base * v / 100;
	return dflt;
}

static double attr_length(xmlNodePtr n, const char *name, double base, double dflt)
{
	char *v = pdf_attr(n, name);
	double r = length(v ? g_strstrip(v) : NULL, base, dflt);
	g_free(v);
	return r;
}

static PangoLayout *own(struct pdf_doc *doc, PangoLayout *l)
{
	g_ptr_array_add(doc->owned, l);
	return l;
}

/* ---- styles --------------------------------------------------------------------------------- */

struct pdf_font pdf_font(const struct pdf_doc *doc, enum pdf_style st)
{
	/* Body 10.5 pt (五号) on a pitch of 1.65 em for Chinese, 1.5 em for Latin text: Noto Sans
	 * CJK's natural line is 1.448 em. */
	double lead = doc->zh ? 1.14 : 1.05;
	struct pdf_font f = {PDF_SANS,         10.5, PANGO_WEIGHT_NORMAL, 0.1, lead,
	                     PANGO_ALIGN_LEFT, true};

	switch (st) {
	case PDF_ST_NORMAL:
		break;
	case PDF_ST_SMALL:
		f.size = 9;
		break;
	case PDF_ST_NOTE:
		f.size = 9, f.grey = 0.35;
		break;
	case PDF_ST_TITLE:
		f.family = PDF_SERIF, f.size = 20, f.weight = PANGO_WEIGHT_BOLD;
		f.align = PANGO_ALIGN_CENTER, f.justify = false, f.lead = 1.1;
		break;
	case PDF_ST_SUBTITLE:
		f.size = 12, f.grey = 0.3, f.align = PANGO_ALIGN_CENTER, f.justify = false;
		break;
	case PDF_ST_H1:
	case PDF_ST_H2:
	case PDF_ST_H3:
	case PDF_ST_H4: {
		static const double sizes[] = {16, 13, 11.5, 10.5};
		f.size = sizes[st - PDF_ST_H1], f.weight = PANGO_WEIGHT_BOLD, f.grey = 0;
		f.justify = false, f.lead = 1.05;
		break;
	}
	case PDF_ST_TABLE:
		f.size = 9.5, f.justify = false, f.lead = doc->zh ? 1.08 : 1.02;
		break;
	case PDF_ST_CAPTION:
		f.size = 9.5, f.weight = PANGO_WEIGHT_BOLD, f.grey = 0.25, f.justify = false;
		break;
	case PDF_ST_RUNNING:
		f.size = 8.5, f.grey = 0.4, f.justify = false;
		break;
	case PDF_ST_TOC1:
		f.weight = PANGO_WEIGHT_BOLD, f.justify = false;
		break;
	case PDF_ST_TOC2:
		f.justify = false;
		break;
	}
	return f;
}

static PangoFontDescription *font_desc(const struct pdf_font *f)
{
	PangoFontDescription *d = pango_font_description_new();
	pango_font_description_set_family(d, f->family);
	pango_font_description_set_absolute_size(d, f->size * PANGO_SCALE);
	pango_font_description_set_weight(d, f->weight);
	return d;
}

static guint16 grey16(double g)
{
	return (guint16)lround(CLAMP(g, 0, 1) * 65535);
}

/* A layout of TEXT (owned by the caller) in font F, WIDTH points wide (≤ 0: unwrapped). */
static PangoLayout *layout_new(struct pdf_doc *doc, const char *text, PangoAttrList *attrs,
                               const struct pdf_font *f, double width)
{
	PangoLayout *l = pango_layout_new(doc->ctx);
	PangoFontDescription *d = font_desc(f);
	PangoAttribute *a;

	pango_layout_set_font_description(l, d);
	pango_font_description_free(d);
	if (width > 0) {
		pango_layout_set_width(l, (int)(width * PANGO_SCALE));
		pango_layout_set_wrap(l, PANGO_WRAP_WORD_CHAR);
	}
	pango_layout_set_alignment(l, f->align);
	/* Chinese lines are justified by emit_lines (justify_cjk); pango's own justification
	 * would pour all the slack into the few spaces around Latin words */
	pango_layout_set_justify(l, f->justify && !doc->zh);
	pango_layout_set_line_spacing(l, (float)f->lead);
	/* the style's colour and no hyphens inserted into broken words (an agreement id cut at a
	 * line end must not gain a character); both go first, so inline attributes win */
	a = pango_attr_foreground_new(grey16(f->grey), grey16(f->grey), grey16(f->grey));
	pango_attr_list_insert_before(attrs, a);
	pango_attr_list_insert_before(attrs, pango_attr_insert_hyphens_new(FALSE));
	pango_layout_set_text(l, text, -1);
	pango_layout_set_attributes(l, attrs);
	return l;
}

PangoLayout *pdf_text_layout(struct pdf_doc *doc, const char *text, const struct pdf_font *f,
                             double width)
{
	PangoAttrList *attrs = pango_attr_list_new();
	PangoLayout *l = layout_new(doc, text, attrs, f, width);
	pango_attr_list_unref(attrs);
	return l;
}

/* ---- inline content ---------------------------------------------------------------------------
 */

struct inl_link {
	unsigned start, end;
	const char *uri;
};

/* The state of collecting inline content into text and pango attributes. */
struct inl {
	struct pdf_doc *doc;
	GString *text;
	PangoAttrList *attrs;
	GArray *links; /* struct inl_link */
	size_t max;    /* bytes */
	bool space, newline, truncated, deep;
	gunichar last;
	unsigned word; /* characters since the last break opportunity */
	unsigned page, pages;
};

static void inl_init(struct inl *st, struct pdf_doc *doc, size_t max)
{
	memset(st, 0, sizeof *st);
	st->doc = doc;
	st->text = g_string_new(NULL);
	st->attrs = pango_attr_list_new();
	st->links = g_array_new(FALSE, FALSE, sizeof(struct inl_link));
	st->max = max;
}

static void inl_clear(struct inl *st)
{
	g_string_free(st->text, TRUE);
	pango_attr_list_unref(st->attrs);
	g_array_free(st->links, TRUE);
}

static bool wide(gunichar c)
{
	return g_unichar_iswide(c) || (c >= 0x3000 && c <= 0x303F);
}

/* A pending run of white space becomes one space before NEXT, or nothing at the start of the
 * text, after a line break, or where a source line break separates two CJK characters. */
static void inl_flush_space(struct inl *st, gunichar next)
{
	if (st->space && st->text->len > 0 && st->last != 0x2028 &&
	    !(st->newline && wide(st->last) && wide(next)))
		g_string_append_c(st->text, ' ');
	st->space = st->newline = false;
}

/* pango breaks a word wider than the line character by character in time quadratic in its
 * length: a word of 64 KB takes seconds.  An invisible break opportunity (U+200B) every
 * MAX_WORD characters keeps that linear; words that long are ids, URLs or garbage. */
#define MAX_WORD 64

static void inl_append(struct inl *st, const char *p, size_t n, gunichar c)
{
	if (st->text->len + n + 4 > st->max) {
		st->truncated = true;
		return;
	}
	inl_flush_space(st, c);
	if (wide(c) || st->last == ' ')
		st->word = 0;
	else if (++st->word > MAX_WORD) {
		g_string_append(st->text, "\u200B");
		st->word = 1;
	}
	g_string_append_len(st->text, p, (gssize)n);
	st->last = c;
}

static void inl_text(struct inl *st, const char *s)
{
	char *valid = g_utf8_make_valid(s, -1);

	for (const char *p = valid, *next; *p && !st->truncated; p = next) {
		gunichar c = g_utf8_get_char(p);
		next = g_utf8_next_char(p);
		if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
			st->space = true;
			st->newline |= c == '\n';
			continue;
		}
		inl_append(st, p, (size_t)(next - p), c);
	}
	g_free(valid);
}

static void inl_children(struct inl *st, xmlNodePtr parent, int depth);

static void inl_span(struct inl *st, xmlNodePtr el, PangoAttribute *a, int depth)
{
	unsigned start = (unsigned)st->text->len;
	inl_children(st, el, depth + 1);
	a->start_index = start;
	a->end_index = (unsigned)st->text->len;
	if (a->end_index > start)
		pango_attr_list_insert(st->attrs, a);
	else
		pango_attribute_destroy(a);
}

static void inl_link(struct inl *st, xmlNodePtr el, int depth)
{
	char *href = pdf_attr(el, "href");
	struct inl_link k = {(unsigned)st->text->len, 0, NULL};

	inl_span(st, el, pango_attr_foreground_new(0x1a1a, 0x4d4d, 0x8c8c), depth);
	k.end = (unsigned)st->text->len;
	if (href && k.end > k.start) {
		k.uri = g_string_chunk_insert_const(st->doc->strings, g_strstrip(href));
		g_array_append_val(st->links, k);
	}
	g_free(href);
}

static void inl_number(struct inl *st, unsigned n)
{
	char buf[16];
	if (n == 0)
		return;
	g_snprintf(buf, sizeof buf, "%u", n);
	inl_append(st, buf, strlen(buf), '0');
}

static void inl_element(struct inl *st, xmlNodePtr el, int depth)
{
	if (pdf_is(el, "em"))
		inl_span(st, el, pango_attr_style_new(PANGO_STYLE_ITALIC), depth);
	else if (pdf_is(el, "strong"))
		inl_span(st, el, pango_attr_weight_new(PANGO_WEIGHT_BOLD), depth);
	else if (pdf_is(el, "code"))
		inl_span(st, el, pango_attr_family_new(PDF_MONO), depth);
	else if (pdf_is(el, "link"))
		inl_link(st, el, depth);
	else if (pdf_is(el, "br")) {
		st->space = st->newline = false;
		if (st->text->len + 4 <= st->max) {
			g_string_append(st->text, "\u2028");
			st->last = 0x2028;
		}
	} else if (pdf_is(el, "page-number"))
		inl_number(st, st->page);
	else if (pdf_is(el, "page-count"))
		inl_number(st, st->pages);
}

static void inl_children(struct inl *st, xmlNodePtr parent, int depth)
{
	if (depth > PDF_MAX_DEPTH) {
		st->deep = true;
		return;
	}
	for (xmlNodePtr c = parent->children; c && !st->truncated; c = c->next) {
		if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE)
			inl_text(st, (const char *)c->content);
		else if (c->type == XML_ELEMENT_NODE)
			inl_element(st, c, depth);
	}
}

/* Glue the characters that must not be separated by a line break (linebreak.c). */
static void inl_breaks(struct inl *st)
{
	GArray *r = linebreak_forbidden(st->text->str, st->text->len);
	for (unsigned i = 0; i < r->len; i++) {
		struct lb_range *x = &g_array_index(r, struct lb_range, i);
		PangoAttribute *a = pango_attr_allow_breaks_new(FALSE);
		a->start_index = x->start;
		a->end_index = x->end;
		pango_attr_list_insert(st->attrs, a);
	}
	g_array_free(r, TRUE);
}

/* Collect NODE's inline content (at most MAX bytes; WHAT names it in a warning when cut). */
static void inl_collect(struct inl *st, xmlNodePtr node, const char *what)
{
	inl_children(st, node, 0);
	if (st->truncated) {
		g_string_append(st->text,
		                st->doc->zh ? "……〔以下内容过长，已截断〕" : " … [cut: too long]");
		pdf_warn(st->doc, "%s: text longer than %zu bytes, cut (marked in the PDF)", what,
		         st->max);
	}
	if (st->deep)
		pdf_warn(st->doc, "%s: inline elements nested deeper than %d levels are left out",
		         what, PDF_MAX_DEPTH);
	inl_breaks(st);
}

/* The text budget left for one block. */
static size_t budget(struct pdf_doc *doc)
{
	size_t left = doc->text_used < PDF_MAX_DOC_TEXT ? PDF_MAX_DOC_TEXT - doc->text_used : 0;
	return MAX(MIN(left, PDF_MAX_BLOCK_TEXT), 64);
}

PangoLayout *pdf_inline_layout(struct pdf_doc *doc, xmlNodePtr node, const struct pdf_font *f,
                               double width, unsigned page, unsigned pages)
{
	struct inl st;
	PangoLayout *l;

	inl_init(&st, doc, 4096);
	st.page = page, st.pages = pages;
	inl_collect(&st, node, "running header or footer");
	l = layout_new(doc, st.text->str, st.attrs, f, width);
	inl_clear(&st);
	return l;
}

/* A block's layout and, in *LINKS (if not NULL), its links as byte ranges.  Owned by DOC. */
static PangoLayout *block_layout(struct pdf_doc *doc, xmlNodePtr el, const struct pdf_font *f,
                                 double width, GArray **links)
{
	struct inl st;
	PangoLayout *l;
	char *what = g_strdup_printf("<%s>", (const char *)el->name);

	inl_init(&st, doc, budget(doc));
	inl_collect(&st, el, what);
	doc->text_used += st.text->len;
	l = own(doc, layout_new(doc, st.text->str, st.attrs, f, width));
	if (links) { /* handed over; inl_clear frees an empty replacement */
		*links = st.links;
		st.links = g_array_new(FALSE, FALSE, 1);
	}
	inl_clear(&st);
	g_free(what);
	return l;
}

/* Plain text of inline content, for the outline and the table of contents. */
static char *plain_text(struct pdf_doc *doc, xmlNodePtr el)
{
	struct inl st;
	char *s;

	inl_init(&st, doc, 1024);
	inl_children(&st, el, 0);
	for (char *p = st.text->str; (p = strstr(p, "\u2028"));)
		memcpy(p, "   ", 3), p += 3;
	s = g_strdup(g_strstrip(st.text->str));
	inl_clear(&st);
	return s;
}

/* ---- items ---------------------------------------------------------------------------------- */

static struct pg_item item(double height, double space_before)
{
	struct pg_item it = {height, space_before, -1, -1, false, false, false};
	return it;
}

static struct pdf_box box(enum pdf_box_kind kind)
{
	struct pdf_box b;
	memset(&b, 0, sizeof b);
	b.kind = kind;
	b.heading = -1;
	return b;
}

/* Room for one more item?  Past PDF_MAX_ITEMS the rest of the document is left out. */
static bool room(struct pdf_doc *doc)
{
	if (doc->items->len < PDF_MAX_ITEMS)
		return true;
	if (!doc->items_full)
		pdf_warn(doc,
		         "more than %u lines, rows and figures: the rest of the document is "
		         "left out",
		         PDF_MAX_ITEMS);
	doc->items_full = true;
	return false;
}

static unsigned add(struct pdf_doc *doc, struct pg_item it, struct pdf_box b, bool toc)
{
	if (doc->pending_break) {
		it.break_before = true;
		doc->pending_break = false;
	}
	g_array_append_val(doc->items, it);
	g_array_append_val(doc->boxes, b);
	g_array_append_val(doc->toc, toc);
	return doc->items->len - 1;
}

static struct pg_item *item_at(struct pdf_doc *doc, unsigned i)
{
	return &g_array_index(doc->items, struct pg_item, i);
}

/* Links of LINE (byte ranges of the layout) as x ranges from the line's origin. */
static GArray *line_links(PangoLayoutLine *line, GArray *links)
{
	GArray *out = NULL;
	int from = line->start_index, to = line->start_index + line->length;

	for (unsigned i = 0; links && i < links->len; i++) {
		struct inl_link *k = &g_array_index(links, struct inl_link, i);
		int s = MAX((int)k->start, from), e = MIN((int)k->end, to);
		int x0, x1;
		if (s >= e)
			continue;
		pango_layout_line_index_to_x(line, s, FALSE, &x0);
		pango_layout_line_index_to_x(line, e, FALSE, &x1);
		if (e == to) /* index_to_x of the line end: the trailing edge of its last char */
			pango_layout_line_index_to_x(line, e - 1, TRUE, &x1);
		struct pdf_link l = {MIN(x0, x1) / (double)PANGO_SCALE,
		                     MAX(x0, x1) / (double)PANGO_SCALE, k->uri, 0, 0};
		if (!out)
			out = g_array_new(FALSE, FALSE, sizeof(struct pdf_link));
		g_array_append_val(out, l);
	}
	return out;
}

/* Links of a whole layout (a table cell) as rectangles from its origin, line by line. */
static GArray *layout_links(PangoLayout *l, GArray *links)
{
	GArray *out = NULL;
	PangoLayoutIter *it;

	if (!links || !links->len)
		return NULL;
	it = pango_layout_get_iter(l);
	do {
		PangoRectangle log;
		GArray *on = line_links(pango_layout_iter_get_line_readonly(it), links);
		pango_layout_iter_get_line_extents(it, NULL, &log);
		for (unsigned i = 0; on && i < on->len; i++) {
			struct pdf_link k = g_array_index(on, struct pdf_link, i);
			k.x0 += log.x / (double)PANGO_SCALE;
			k.x1 += log.x / (double)PANGO_SCALE;
			k.y = log.y / (double)PANGO_SCALE;
			k.h = log.height / (double)PANGO_SCALE;
			if (!out)
				out = g_array_new(FALSE, FALSE, sizeof(struct pdf_link));
			g_array_append_val(out, k);
		}
		if (on)
			g_array_free(on, TRUE);
	} while (pango_layout_iter_next_line(it));
	pango_layout_iter_free(it);
	return out;
}

/* CJK justification of one line to WIDTH (pango units): the slack goes into the gaps next to
 * CJK characters and spaces, never between the letters of a Latin word or number, as in GB/T
 * 15834 practice.  Pango's justify_clusters does the same arithmetic, uniformly; the glyph
 * widths of this (already measured) line are widened in place before it is drawn. */
struct cluster {
	PangoGlyphString *glyphs;
	int last; /* its last glyph */
	gunichar c;
};

static bool stretchy(gunichar c)
{
	return wide(c) || g_unichar_isspace(c);
}

static GArray *clusters(PangoLayoutLine *line, const char *text)
{
	GArray *cs = g_array_new(FALSE, FALSE, sizeof(struct cluster));
	for (GSList *r = line->runs; r; r = r->next) {
		PangoGlyphItem *run = r->data;
		PangoGlyphString *g = run->glyphs;
		for (int i = 0; i < g->num_glyphs; i++) {
			if (g->glyphs[i].attr.is_cluster_start || cs->len == 0) {
				struct cluster c = {
				    g, i,
				    g_utf8_get_char(text + run->item->offset + g->log_clusters[i])};
				g_array_append_val(cs, c);
			}
			g_array_index(cs, struct cluster, cs->len - 1).last = i;
		}
	}
	while (cs->len > 0 && g_unichar_isspace(g_array_index(cs, struct cluster, cs->len - 1).c))
		g_array_set_size(cs, cs->len - 1); /* trailing white space stays at the margin */
	return cs;
}

static void justify_cjk(PangoLayoutLine *line, const char *text, int width)
{
	PangoRectangle log;
	GArray *cs;
	unsigned gaps = 0, done = 0;

	pango_layout_line_get_extents(line, NULL, &log);
	int slack = width - log.width;
	if (slack <= 0 || !line->runs)
		return;
	cs = clusters(line, text);
	for (unsigned k = 0; k + 1 < cs->len; k++) {
		struct cluster *a = &g_array_index(cs, struct cluster, k), *b = a + 1;
		gaps += stretchy(a->c) || stretchy(b->c);
	}
	for (unsigned k = 0; gaps > 0 && k + 1 < cs->len; k++) {
		struct cluster *a = &g_array_index(cs, struct cluster, k), *b = a + 1;
		if (!stretchy(a->c) && !stretchy(b->c))
			continue;
		/* integer shares that add up to the slack exactly */
		int add = (int)((gint64)slack * (done + 1) / gaps - (gint64)slack * done / gaps);
		a->glyphs->glyphs[a->last].geometry.width += add;
		done++;
	}
	g_array_free(cs, TRUE);
}

/* Does LINE end its paragraph (the layout's last line, or a <br/>)? */
static bool ends_paragraph(PangoLayout *l, PangoLayoutLine *line, bool last)
{
	const char *text = pango_layout_get_text(l);
	const char *end = text + line->start_index + line->length;
	if (last)
		return true;
	if (line->length > 0 && g_utf8_get_char(g_utf8_prev_char(end)) == 0x2028)
		return true;
	return *end && g_utf8_get_char(end) == 0x2028;
}

/* One item per line of L (at X from the left margin), the lines forming one group; the first
 * line carries MARKER (a list bullet or number) drawn at MARKER_X. */
static void emit_lines(struct pdf_doc *doc, PangoLayout *l, const struct pdf_font *f, double x,
                       double space, GArray *links, PangoLayout *marker, double marker_x)
{
	PangoLayoutIter *it = pango_layout_get_iter(l);
	int group = (int)doc->items->len, nlines = pango_layout_get_line_count(l), n = 0;
	bool first = true, justify = doc->zh && f->justify && f->align == PANGO_ALIGN_LEFT;

	do {
		PangoRectangle log;
		if (!room(doc))
			break;
		pango_layout_iter_get_line_extents(it, NULL, &log);
		double lh = log.height / (double)PANGO_SCALE, pitch = lh * f->lead;
		struct pg_item i = item(pitch, first ? space : 0);
		struct pdf_box b = box(PDF_BOX_LINE);
		i.group = group;
		b.x = x + log.x / (double)PANGO_SCALE;
		b.dy = (pitch - lh) / 2 +
		       (pango_layout_iter_get_baseline(it) - log.y) / (double)PANGO_SCALE;
		b.layout = l;
		b.line = pango_layout_iter_get_line_readonly(it);
		if (justify && !ends_paragraph(l, b.line, ++n == nlines))
			justify_cjk(b.line, pango_layout_get_text(l), pango_layout_get_width(l));
		b.links = line_links(b.line, links);
		if (first && marker)
			b.aux = marker, b.aux_x = marker_x;
		add(doc, i, b, false);
		first = false;
	} while (pango_layout_iter_next_line(it));
	pango_layout_iter_free(it);
}

static double layout_height(PangoLayout *l)
{
	PangoRectangle log;
	pango_layout_get_extents(l, NULL, &log);
	return log.height / (double)PANGO_SCALE;
}

static double layout_width(PangoLayout *l)
{
	PangoRectangle log;
	pango_layout_get_extents(l, NULL, &log);
	return (log.x + log.width) / (double)PANGO_SCALE;
}

/* Cut a layout taller than MAX points: pango drops the lines that do not fit and ends the last
 * one with an ellipsis, the visible marker. */
static bool cap_height(PangoLayout *l, double max)
{
	if (layout_height(l) <= max)
		return false;
	pango_layout_set_ellipsize(l, PANGO_ELLIPSIZE_END);
	pango_layout_set_height(l, (int)(MAX(max, 1) * PANGO_SCALE));
	return true;
}

/* ---- blocks --------------------------------------------------------------------------------- */

static void blocks(struct pdf_doc *doc, xmlNodePtr parent, int depth, unsigned *heading_no);

static enum pdf_style para_style(xmlNodePtr el)
{
	static const char *names[] = {"normal", "small", "title", "subtitle", "note"};
	static const enum pdf_style styles[] = {PDF_ST_NORMAL, PDF_ST_SMALL, PDF_ST_TITLE,
	                                        PDF_ST_SUBTITLE, PDF_ST_NOTE};
	for (unsigned i = 0; i < G_N_ELEMENTS(names); i++)
		if (attr_is(el, "style", names[i]))
			return styles[i];
	return PDF_ST_NORMAL;
}

static void apply_align(xmlNodePtr el, struct pdf_font *f)
{
	char *a = pdf_attr(el, "align");
	if (a) {
		g_strstrip(a);
		f->justify = strcmp(a, "justify") == 0;
		f->align = strcmp(a, "center") == 0  ? PANGO_ALIGN_CENTER
		           : strcmp(a, "right") == 0 ? PANGO_ALIGN_RIGHT
		                                     : PANGO_ALIGN_LEFT;
	}
	g_free(a);
}

static void paragraph(struct pdf_doc *doc, xmlNodePtr el)
{
	enum pdf_style st = para_style(el);
	struct pdf_font f = pdf_font(doc, st);
	GArray *links;
	double space = st == PDF_ST_TITLE ? 24 : st == PDF_ST_SUBTITLE ? 4 : f.size * 0.6;

	f.size = attr_length(el, "size", f.size, f.size);
	f.size = CLAMP(f.size, 4, 72);
	apply_align(el, &f);
	PangoLayout *l = block_layout(doc, el, &f, doc->text_w, &links);
	emit_lines(doc, l, &f, 0, space, links, NULL, 0);
	g_array_free(links, TRUE);
}

static void heading(struct pdf_doc *doc, xmlNodePtr el, unsigned *heading_no)
{
	static const double before[] = {22, 16, 12, 10}, after[] = {9, 6, 4, 3};
	char *lv = pdf_attr(el, "level");
	int level = CLAMP(lv ? atoi(lv) : 1, 1, 4);
	struct pdf_font f = pdf_font(doc, PDF_ST_H1 + level - 1);
	unsigned no = (*heading_no)++;

	g_free(lv);
	if (!room(doc))
		return;
	PangoLayout *l = block_layout(doc, el, &f, doc->text_w, NULL);
	struct pg_item i = item(layout_height(l) + after[level - 1], before[level - 1]);
	struct pdf_box b = box(PDF_BOX_BLOCK);
	i.keep_with_next = true;
	b.layout = l;
	b.rule = level == 1;
	if (no < doc->headings->len) {
		b.heading = (int)no;
		g_array_index(doc->headings, struct pdf_heading, no).item = doc->items->len;
	}
	add(doc, i, b, false);
}

static void list(struct pdf_doc *doc, xmlNodePtr el)
{
	struct pdf_font f = pdf_font(doc, PDF_ST_NORMAL);
	bool ordered = attr_bool(el, "ordered", false);
	unsigned n = 0, count = 0;
	double indent = 16;

	for (xmlNodePtr c = el->children; c; c = c->next)
		count += pdf_is(c, "item");
	if (ordered) { /* room for the widest number, "12." */
		char buf[24];
		g_snprintf(buf, sizeof buf, "%u.", count);
		PangoLayout *m = pdf_text_layout(doc, buf, &f, 0);
		indent = MAX(indent, layout_width(m) + 6);
		g_object_unref(m);
	}
	for (xmlNodePtr c = el->children; c; c = c->next) {
		if (!pdf_is(c, "item"))
			continue;
		char buf[24];
		g_snprintf(buf, sizeof buf, "%u.", ++n);
		PangoLayout *m = own(doc, pdf_text_layout(doc, ordered ? buf : "•", &f, 0));
		double mx = ordered ? indent - 5 - layout_width(m) : 4;
		GArray *links;
		PangoLayout *l = block_layout(doc, c, &f, doc->text_w - indent, &links);
		emit_lines(doc, l, &f, indent, n == 1 ? f.size * 0.6 : 2, links, m, mx);
		g_array_free(links, TRUE);
	}
}

/* Key–value pairs: a column of bold grey keys, the values wrapped beside them. */
static double key_width(struct pdf_doc *doc, xmlNodePtr el, const struct pdf_font *kf)
{
	double w = 0;
	char *kw = pdf_attr(el, "key-width");

	if (kw) {
		w = length(g_strstrip(kw), doc->text_w, 0);
		g_free(kw);
		return CLAMP(w, 20, doc->text_w * 0.6);
	}
	for (xmlNodePtr c = el->children; c; c = c->next) {
		if (!pdf_is(c, "pair"))
			continue;
		char *k = pdf_attr(c, "key");
		PangoLayout *l = pdf_text_layout(doc, k ? k : "", kf, 0);
		w = MAX(w, layout_width(l));
		g_object_unref(l);
		g_free(k);
	}
	return CLAMP(w + 14, 40, doc->text_w * 0.4);
}

static void kv(struct pdf_doc *doc, xmlNodePtr el)
{
	struct pdf_font vf = pdf_font(doc, PDF_ST_NORMAL), kf = vf;
	bool first = true;

	kf.weight = PANGO_WEIGHT_BOLD, kf.grey = 0.35;
	vf.justify = kf.justify = false;
	double kw = key_width(doc, el, &kf);
	for (xmlNodePtr c = el->children; c; c = c->next) {
		if (!pdf_is(c, "pair") || !room(doc))
			continue;
		char *k = pdf_attr(c, "key");
		struct pdf_box b = box(PDF_BOX_KV);
		b.aux = own(doc, pdf_text_layout(doc, k ? k : "", &kf, kw - 10));
		b.layout = block_layout(doc, c, &vf, doc->text_w - kw, NULL);
		b.aux_x = kw;
		b.dy = 2;
		bool cut = cap_height(b.layout, doc->text_h * 0.8);
		if (cap_height(b.aux, doc->text_h * 0.8) || cut)
			pdf_warn(doc, "<kv> pair \"%s\": taller than a page, cut", k ? k : "");
		double h = MAX(layout_height(b.layout), layout_height(b.aux)) + 4;
		add(doc, item(h, first ? vf.size * 0.6 : 0), b, false);
		first = false;
		g_free(k);
	}
}

/* ---- tables --------------------------------------------------------------------------------- */

#define CELL_PAD_X 4.5
#define CELL_PAD_Y 3.5
#define BOX_SIZE   9.0

/* Column widths from widths="2* 1* 30mm 20%": lengths first, stars share what is left; when
 * lengths leave too little (or exceed the text width), everything is scaled to fit. */
static unsigned column_widths(struct pdf_doc *doc, const char *spec, double *w)
{
	char **tok = g_strsplit_set(spec ? spec : "1*", " \t\n", -1);
	double fixed = 0, stars = 0, sw[PDF_MAX_COLUMNS];
	unsigned n = 0;

	for (char **t = tok; *t && n < PDF_MAX_COLUMNS; t++) {
		if (!**t)
			continue;
		size_t len = strlen(*t);
		sw[n] = 0, w[n] = 0;
		if ((*t)[len - 1] == '*')
			sw[n] = MAX(g_ascii_strtod(*t, NULL), 0.01), stars += sw[n];
		else
			w[n] = length(*t, doc->text_w, 0), fixed += w[n];
		n++;
	}
	if (tok[0] && g_strv_length(tok) > PDF_MAX_COLUMNS)
		pdf_warn(doc, "<table widths>: more than %u columns, the rest are dropped",
		         PDF_MAX_COLUMNS);
	g_strfreev(tok);
	if (n == 0)
		w[n++] = doc->text_w;
	double room_for_fixed = stars > 0 ? doc->text_w * 0.85 : doc->text_w;
	double scale = fixed > room_for_fixed ? room_for_fixed / fixed : 1;
	double rest = doc->text_w - fixed * scale;
	for (unsigned i = 0; i < n; i++)
		w[i] = sw[i] > 0 ? rest * sw[i] / stars : w[i] * scale;
	return n;
}

struct table_ctx {
	double colx[PDF_MAX_COLUMNS + 1], colw[PDF_MAX_COLUMNS];
	unsigned ncols;
	struct pdf_font font;
	int id;
	double max_cell; /* tallest cell text, points */
	bool cut, extra;
};

static struct pdf_cell cell(struct pdf_doc *doc, struct table_ctx *t, xmlNodePtr c, unsigned col,
                            unsigned span, bool head)
{
	struct pdf_cell x = {NULL, t->colx[col], t->colx[col + span] - t->colx[col], CELL_PAD_Y,
	                     false, NULL};
	struct pdf_font f = t->font;

	if (!c)
		return x;
	if (head)
		f.weight = PANGO_WEIGHT_BOLD, f.grey = 0;
	apply_align(c, &f);
	x.box = attr_bool(c, "box", false);
	double inset = x.box ? BOX_SIZE + 4 : 0;
	GArray *links;
	x.layout = block_layout(doc, c, &f, x.w - 2 * CELL_PAD_X - inset, &links);
	if (x.box && pango_layout_get_character_count(x.layout) == 0) {
		x.layout = NULL; /* a lone box: centred, drawn by pdf_draw.c */
		g_array_free(links, TRUE);
		return x;
	}
	t->cut |= cap_height(x.layout, t->max_cell);
	x.links = layout_links(x.layout, links);
	g_array_free(links, TRUE);
	return x;
}

static struct pdf_row *row(struct pdf_doc *doc, struct table_ctx *t, xmlNodePtr r, bool head)
{
	struct pdf_row *row = g_malloc0(sizeof *row + t->ncols * sizeof(struct pdf_cell));
	unsigned col = 0;

	row->head = head;
	row->shade = head || attr_bool(r, "shade", false);
	for (xmlNodePtr c = r->children; c; c = c->next) {
		if (!pdf_is(c, "cell"))
			continue;
		if (col >= t->ncols || doc->cells_used >= PDF_MAX_CELLS) {
			t->extra = true;
			break;
		}
		char *cs = pdf_attr(c, "colspan");
		unsigned span = cs ? (unsigned)CLAMP(atol(cs), 1, (long)(t->ncols - col)) : 1;
		g_free(cs);
		row->cells[row->n++] = cell(doc, t, c, col, span, head);
		col += span;
		doc->cells_used++;
	}
	while (col < t->ncols) /* a short row still shows its grid */
		row->cells[row->n++] = cell(doc, t, NULL, col, 1, head), col++;
	g_ptr_array_add(doc->rows, row);
	return row;
}

static double row_height(struct pdf_row *row, double min)
{
	double h = min;
	for (unsigned i = 0; i < row->n; i++) {
		struct pdf_cell *c = &row->cells[i];
		if (c->layout)
			h = MAX(h, layout_height(c->layout) + 2 * CELL_PAD_Y);
	}
	if (row->head) /* header text centred vertically */
		for (unsigned i = 0; i < row->n; i++)
			if (row->cells[i].layout)
				row->cells[i].text_dy =
				    (h - layout_height(row->cells[i].layout)) / 2;
	return h;
}

static void rows(struct pdf_doc *doc, struct table_ctx *t, xmlNodePtr parent, bool head,
                 double space)
{
	/* one line of text, and a box to tick, fit in the smallest row */
	double min = MAX(t->font.size * 1.448 * t->font.lead, BOX_SIZE + 2) + 2 * CELL_PAD_Y;
	struct pdf_table *tb = &g_array_index(doc->tables, struct pdf_table, t->id);

	for (xmlNodePtr r = parent->children; r; r = r->next) {
		if (!pdf_is(r, "row") || !room(doc))
			continue;
		struct pdf_box b = box(PDF_BOX_ROW);
		b.row = row(doc, t, r, head);
		struct pg_item i = item(row_height(b.row, min), space);
		i.table = t->id;
		i.table_head = head;
		unsigned at = add(doc, i, b, false);
		if (head) {
			if (tb->head_count == 0)
				tb->head_first = at;
			tb->head_count++;
			tb->head_height += i.height;
		}
		space = 0;
	}
}

static void caption(struct pdf_doc *doc, xmlNodePtr cap, double space, bool above)
{
	struct pdf_font f = pdf_font(doc, PDF_ST_CAPTION);
	if (!cap || !room(doc))
		return;
	if (!above)
		f.align = PANGO_ALIGN_CENTER, f.weight = PANGO_WEIGHT_NORMAL;
	struct pdf_box b = box(PDF_BOX_BLOCK);
	b.layout = block_layout(doc, cap, &f, doc->text_w, NULL);
	struct pg_item i = item(layout_height(b.layout) + (above ? 4 : 0), space);
	i.keep_with_next = above;
	add(doc, i, b, false);
}

static xmlNodePtr child(xmlNodePtr el, const char *name)
{
	for (xmlNodePtr c = el->children; c; c = c->next)
		if (pdf_is(c, name))
			return c;
	return NULL;
}

static void table(struct pdf_doc *doc, xmlNodePtr el)
{
	struct table_ctx t = {.font = pdf_font(doc, PDF_ST_TABLE)};
	struct pdf_table tb = {0, 0, 0};
	char *spec = pdf_attr(el, "widths");
	double w[PDF_MAX_COLUMNS], space = 10;
	xmlNodePtr head = child(el, "head"), body = child(el, "body"), cap = child(el, "caption");

	t.ncols = column_widths(doc, spec, w);
	g_free(spec);
	for (unsigned i = 0; i < t.ncols; i++)
		t.colx[i + 1] = t.colx[i] + w[i];
	t.font.size = CLAMP(attr_length(el, "size", t.font.size, t.font.size), 4, 36);
	t.id = (int)doc->tables->len;
	g_array_append_val(doc->tables, tb);
	if (cap)
		caption(doc, cap, space, true), space = 0;
	t.max_cell = doc->text_h / 4; /* header rows repeat on every page: keep them short */
	if (head)
		rows(doc, &t, head, true, space), space = 0;
	t.max_cell = doc->text_h - g_array_index(doc->tables, struct pdf_table, t.id).head_height -
	             2 * CELL_PAD_Y - 2;
	if (body)
		rows(doc, &t, body, false, space);
	if (t.cut)
		pdf_warn(doc, "<table>: a cell taller than a page was cut (marked with …)");
	if (t.extra)
		pdf_warn(doc,
		         "<table>: cells beyond the %u columns of widths= (or past %u cells in "
		         "the document) are left out",
		         t.ncols, PDF_MAX_CELLS);
}

/* ---- figures -------------------------------------------------------------------------------- */

static bool inside(const char *real, const char *root)
{
	size_t n = strlen(root);
	if (strcmp(root, "/") == 0)
		return true;
	return strncmp(real, root, n) == 0 && (real[n] == '\0' || real[n] == '/');
}

/* An image file being read: no more than the size fstat gave is read, so that a file that grows
 * while it is read (a log someone appends to) cannot make the read endless. */
struct png_in {
	FILE *f;
	size_t left;
};

static cairo_status_t read_png(void *closure, unsigned char *data, unsigned int length)
{
	struct png_in *in = closure;

	if (length > in->left || fread(data, 1, length, in->f) != length)
		return CAIRO_STATUS_READ_ERROR;
	in->left -= length;
	return CAIRO_STATUS_SUCCESS;
}

/* The PNG's size from its IHDR chunk, before cairo allocates its pixels. */
static bool png_header(FILE *f, unsigned *w, unsigned *h)
{
	unsigned char b[24];
	static const unsigned char sig[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

	if (fread(b, 1, sizeof b, f) != sizeof b || memcmp(b, sig, 8) != 0 ||
	    memcmp(b + 12, "IHDR", 4) != 0)
		return false;
	*w = (unsigned)b[16] << 24 | (unsigned)b[17] << 16 | (unsigned)b[18] << 8 | b[19];
	*h = (unsigned)b[20] << 24 | (unsigned)b[21] << 16 | (unsigned)b[22] << 8 | b[23];
	return fseek(f, 0, SEEK_SET) == 0;
}

static char *image_path(struct pdf_doc *doc, const char *src)
{
	if (strstr(src, "://") || g_str_has_prefix(src, "file:")) {
		pdf_error(doc,
			  "<image src=\"%s\">: images are files of the repository, named by a path "
			  "(not a URL: slm never uses the network)",
			  src);
		return NULL;
	}
	const char *base = doc->opts->base_dir ? doc->opts->base_dir : ".";
	const char *root = doc->opts->resource_root ? doc->opts->resource_root : base;
	char *path = g_path_is_absolute(src) ? g_strdup(src) : g_build_filename(base, src, NULL);
	char *real = realpath(path, NULL), *rroot = realpath(root, NULL);
	char *ok = NULL;

	if (!real)
		pdf_error(doc, "<image src=\"%s\">: %s", src, g_strerror(errno));
	else if (!rroot || !inside(real, rroot))
		pdf_error(doc,
		          "<image src=\"%s\">: outside the resource folder; images must lie "
		          "inside the repository",
		          src);
	else
		ok = g_strdup(real);
	free(real);
	free(rroot);
	g_free(path);
	return ok;
}

/* What a file of mode M is, for a message. */
static const char *file_type(mode_t m)
{
	return S_ISDIR(m)                 ? "a folder"
	       : S_ISFIFO(m)              ? "a FIFO"
	       : S_ISSOCK(m)              ? "a socket"
	       : S_ISCHR(m) || S_ISBLK(m) ? "a device"
	       : S_ISLNK(m)               ? "a symbolic link"
	                                  : "not a regular file";
}

/* Open the image at PATH (resolved, inside the resource folder) for reading: a regular file of
 * at most PDF_MAX_IMAGE_BYTES only.  O_NONBLOCK so that a FIFO cannot block the open (nor a
 * device its reads: both are refused by fstat before any read), O_NOFOLLOW so that a link put
 * in place after the path was resolved is not followed.  NULL with a diagnostic otherwise. */
static FILE *open_image(struct pdf_doc *doc, const char *src, const char *path, size_t *size)
{
	int fd = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
	struct stat st;
	FILE *f;

	if (fd < 0) {
		int e = errno;
		/* ELOOP: a link put there since the path was resolved; ENXIO: a socket */
		if (e == ELOOP || e == ENXIO)
			pdf_error(doc, "<image src=\"%s\">: %s; images must be regular files", src,
			          e == ELOOP ? "a symbolic link" : "a socket");
		else
			pdf_error(doc, "<image src=\"%s\">: %s", src, g_strerror(e));
		return NULL;
	}
	if (fstat(fd, &st) != 0) {
		pdf_error(doc, "<image src=\"%s\">: %s", src, g_strerror(errno));
	} else if (!S_ISREG(st.st_mode)) {
		pdf_error(doc, "<image src=\"%s\">: %s; images must be regular files", src,
		          file_type(st.st_mode));
	} else if (st.st_size > PDF_MAX_IMAGE_BYTES) {
		pdf_error(doc, "<image src=\"%s\">: %jd bytes, more than slm's limit of %u MB", src,
		          (intmax_t)st.st_size, PDF_MAX_IMAGE_BYTES >> 20);
	} else if (!(f = fdopen(fd, "rb"))) {
		pdf_error(doc, "<image src=\"%s\">: %s", src, g_strerror(errno));
	} else {
		*size = (size_t)st.st_size;
		return f;
	}
	close(fd);
	return NULL;
}

static cairo_surface_t *load_png(struct pdf_doc *doc, const char *src)
{
	char *path = image_path(doc, src);
	cairo_surface_t *s = NULL;
	struct png_in in = {NULL, 0};
	unsigned w, h;

	in.f = path ? open_image(doc, src, path, &in.left) : NULL;
	if (in.f && !png_header(in.f, &w, &h))
		pdf_error(doc, "<image src=\"%s\">: not a PNG file (only PNG images are supported)",
		          src);
	else if (in.f && (w == 0 || h == 0 || (double)w * h > PDF_MAX_IMAGE_PIXELS))
		pdf_error(doc, "<image src=\"%s\">: %u×%u pixels, more than %u million", src, w, h,
		          PDF_MAX_IMAGE_PIXELS / 1000000);
	else if (in.f) {
		s = cairo_image_surface_create_from_png_stream(read_png, &in);
		if (cairo_surface_status(s) != CAIRO_STATUS_SUCCESS) {
			pdf_error(doc, "<image src=\"%s\">: %s", src,
			          cairo_status_to_string(cairo_surface_status(s)));
			cairo_surface_destroy(s);
			s = NULL;
		}
	}
	if (in.f)
		fclose(in.f);
	g_free(path);
	return s;
}

static void image(struct pdf_doc *doc, xmlNodePtr el)
{
	char *src = pdf_attr(el, "src");
	cairo_surface_t *s = src ? load_png(doc, g_strstrip(src)) : NULL;

	g_free(src);
	if (!s || !room(doc)) {
		if (s)
			cairo_surface_destroy(s);
		return;
	}
	g_ptr_array_add(doc->images, s);
	double iw = cairo_image_surface_get_width(s), ih = cairo_image_surface_get_height(s);
	double w = attr_length(el, "width", doc->text_w, iw * 0.75); /* 96 dpi by default */
	w = CLAMP(w, 1, doc->text_w);
	double h = w * ih / iw;
	if (h > doc->text_h * 0.75)
		h = doc->text_h * 0.75, w = h * iw / ih;
	struct pdf_box b = box(PDF_BOX_IMAGE);
	b.image = s, b.w = w, b.h = h, b.x = (doc->text_w - w) / 2;
	xmlNodePtr cap = child(el, "caption");
	struct pg_item i = item(h + (cap ? 4 : 0), 10);
	i.keep_with_next = cap != NULL;
	add(doc, i, b, false);
	caption(doc, cap, 0, false);
}

static void chart(struct pdf_doc *doc, xmlNodePtr el)
{
	double h = attr_length(el, "height", doc->text_h, PDF_MM(70));
	xmlNodePtr cap = child(el, "caption");

	if (!room(doc))
		return;
	h = CLAMP(h, PDF_MM(30), doc->text_h * 0.8);
	struct pdf_box b = box(PDF_BOX_CHART);
	b.node = el, b.w = doc->text_w, b.h = h;
	struct pg_item i = item(h + (cap ? 4 : 0), 12);
	i.keep_with_next = cap != NULL;
	add(doc, i, b, false);
	caption(doc, cap, 0, false);
}

#define SIGNATURE_HEIGHT PDF_MM(42)

static void signatures(struct pdf_doc *doc, xmlNodePtr el)
{
	xmlNodePtr s[6];
	unsigned n = 0;

	for (xmlNodePtr c = el->children; c && n < G_N_ELEMENTS(s); c = c->next)
		if (pdf_is(c, "signature"))
			s[n++] = c;
	for (unsigned i = 0; i < n && room(doc); i += 2) {
		struct pdf_box b = box(PDF_BOX_SIGNATURES);
		b.node = s[i], b.count = MIN(2, n - i), b.w = doc->text_w;
		b.h = SIGNATURE_HEIGHT;
		struct pg_item it = item(b.h, i == 0 ? 18 : 10);
		it.keep_with_next = i + 2 < n; /* the boxes of one block stay on one page */
		add(doc, it, b, false);
	}
}

/* ---- table of contents ---------------------------------------------------------------------- */

static void toc(struct pdf_doc *doc, xmlNodePtr el)
{
	char *title = pdf_attr(el, "title");
	struct pdf_font hf = pdf_font(doc, PDF_ST_H1);

	if (!room(doc)) {
		g_free(title);
		return;
	}
	struct pdf_box b = box(PDF_BOX_BLOCK);
	b.layout = own(doc, pdf_text_layout(doc,
	                                    title     ? title
	                                    : doc->zh ? "目录"
	                                              : "Contents",
	                                    &hf, doc->text_w));
	b.rule = true;
	struct pg_item it = item(layout_height(b.layout) + 12, 0);
	it.keep_with_next = true;
	add(doc, it, b, true);
	g_free(title);
	int group = (int)doc->items->len;
	for (unsigned h = 0; h < doc->headings->len && room(doc); h++) {
		struct pdf_heading *hd = &g_array_index(doc->headings, struct pdf_heading, h);
		if (!hd->listed)
			continue;
		struct pdf_font f = pdf_font(doc, hd->level == 1 ? PDF_ST_TOC1 : PDF_ST_TOC2);
		double indent = (hd->level - 1) * 2 * f.size;
		struct pdf_box t = box(PDF_BOX_TOC);
		t.x = indent;
		t.heading = (int)h;
		t.layout =
		    own(doc, pdf_text_layout(doc, hd->title, &f,
		                             doc->text_w - indent - PDF_TOC_NUMBER_WIDTH - 12));
		struct pg_item i = item(layout_height(t.layout) + 2, hd->level == 1 ? 4 : 0);
		i.group = group; /* no lone entry at the top or bottom of a page */
		add(doc, i, t, true);
	}
}

/* Headings in document order, for the TOC (which may come before them) and the outline. */
static void collect_headings(struct pdf_doc *doc, xmlNodePtr parent, int depth)
{
	if (depth > PDF_MAX_DEPTH)
		return;
	for (xmlNodePtr c = parent->children; c; c = c->next) {
		if (pdf_is(c, "section"))
			collect_headings(doc, c, depth + 1);
		if (!pdf_is(c, "h"))
			continue;
		char *lv = pdf_attr(c, "level");
		struct pdf_heading h = {plain_text(doc, c), CLAMP(lv ? atoi(lv) : 1, 1, 4), false,
		                        G_MAXUINT};
		h.listed = h.level <= 3 && attr_bool(c, "bookmark", true);
		g_array_append_val(doc->headings, h);
		g_free(lv);
	}
}

/* ---- the block walk ------------------------------------------------------------------------- */

/* keep-with-next, keep-together and id= of any block, over the items it produced. */
static void block_attrs(struct pdf_doc *doc, xmlNodePtr el, unsigned first)
{
	unsigned end = doc->items->len;
	char *id;

	if (first == end)
		return;
	if (attr_bool(el, "keep-together", false))
		for (unsigned i = first; i + 1 < end; i++)
			item_at(doc, i)->keep_with_next = true;
	if (attr_bool(el, "keep-with-next", false))
		item_at(doc, end - 1)->keep_with_next = true;
	if ((id = pdf_attr(el, "id"))) {
		const char *key = g_string_chunk_insert_const(doc->strings, g_strstrip(id));
		if (!g_hash_table_contains(doc->ids, key))
			g_hash_table_insert(doc->ids, (gpointer)key, GUINT_TO_POINTER(first + 1));
		g_free(id);
	}
}

static void block(struct pdf_doc *doc, xmlNodePtr el, int depth, unsigned *heading_no)
{
	unsigned first = doc->items->len;

	if (pdf_is(el, "section"))
		blocks(doc, el, depth + 1, heading_no);
	else if (pdf_is(el, "h"))
		heading(doc, el, heading_no);
	else if (pdf_is(el, "p"))
		paragraph(doc, el);
	else if (pdf_is(el, "list"))
		list(doc, el);
	else if (pdf_is(el, "kv"))
		kv(doc, el);
	else if (pdf_is(el, "table"))
		table(doc, el);
	else if (pdf_is(el, "image"))
		image(doc, el);
	else if (pdf_is(el, "chart"))
		chart(doc, el);
	else if (pdf_is(el, "signatures"))
		signatures(doc, el);
	else if (pdf_is(el, "toc"))
		toc(doc, el);
	else if (pdf_is(el, "page-break"))
		doc->pending_break = doc->items->len > 0;
	block_attrs(doc, el, first);
}

static void blocks(struct pdf_doc *doc, xmlNodePtr parent, int depth, unsigned *heading_no)
{
	if (depth > PDF_MAX_DEPTH) {
		pdf_warn(doc, "sections nested deeper than %d levels are left out", PDF_MAX_DEPTH);
		return;
	}
	for (xmlNodePtr c = parent->children; c && !doc->items_full; c = c->next)
		if (c->type == XML_ELEMENT_NODE)
			block(doc, c, depth, heading_no);
}

/* ---- the document --------------------------------------------------------------------------- */

static void page_size(struct pdf_doc *doc, xmlNodePtr root)
{
	doc->page_w = 595.276, doc->page_h = 841.89; /* A4 */
	if (attr_is(root, "page", "A4-landscape"))
		doc->page_w = 841.89, doc->page_h = 595.276;
	else if (attr_is(root, "page", "letter"))
		doc->page_w = 612, doc->page_h = 792;
	doc->margin_l = PDF_MM(22);
	doc->margin_t = PDF_MM(25);
	doc->text_w = doc->page_w - 2 * doc->margin_l;
	doc->text_h = doc->page_h - doc->margin_t - PDF_MM(22);
}

static char *fonts_dir;

void pdf_typeset_fonts_dir(const char *dir)
{
	g_free(fonts_dir);
	fonts_dir = g_strdup(dir);
}

/* Add the fonts of fonts_dir to fontconfig's configuration, once, before any font map exists.
 * Files only, sorted: no cache written, the same fonts in the same order on every run. */
static void add_fonts(void)
{
	GDir *d = fonts_dir ? g_dir_open(fonts_dir, 0, NULL) : NULL;
	GList *names = NULL;
	const char *n;

	while (d && (n = g_dir_read_name(d)))
		if (g_str_has_suffix(n, ".otf"))
			names = g_list_prepend(names, g_build_filename(fonts_dir, n, NULL));
	if (d)
		g_dir_close(d);
	names = g_list_sort(names, (GCompareFunc)strcmp);
	for (GList *l = names; l; l = l->next)
		FcConfigAppFontAddFile(FcConfigGetCurrent(), (const FcChar8 *)l->data);
	g_list_free_full(names, g_free);
}

/* One font map per thread, kept for the life of the thread: loading and measuring the CJK fonts
 * is most of the cost of a small document, and a rendering run makes many (pango font maps are
 * not shared between threads). */
static PangoFontMap *thread_fontmap(void)
{
	static GPrivate fontmap = G_PRIVATE_INIT(g_object_unref);
	static pthread_once_t fonts = PTHREAD_ONCE_INIT; /* POSIX: ThreadSanitizer sees it */
	PangoFontMap *m = g_private_get(&fontmap);

	pthread_once(&fonts, add_fonts);
	if (!m) {
		m = pango_cairo_font_map_new();
		g_private_set(&fontmap, m);
	}
	return g_object_ref(m);
}

/* A private font map and a 72 dpi context without hinting: measures in points, identical on
 * every machine with the same fonts, and nothing shared between threads. */
static void pango_setup(struct pdf_doc *doc, xmlNodePtr root)
{
	char *lang = pdf_attr(root, "lang");
	cairo_font_options_t *fo = cairo_font_options_create();

	doc->zh = !lang || g_ascii_strncasecmp(g_strstrip(lang), "zh", 2) == 0;
	doc->fontmap = thread_fontmap();
	doc->ctx = pango_font_map_create_context(doc->fontmap);
	pango_cairo_context_set_resolution(doc->ctx, 72);
	cairo_font_options_set_hint_metrics(fo, CAIRO_HINT_METRICS_OFF);
	cairo_font_options_set_hint_style(fo, CAIRO_HINT_STYLE_NONE);
	cairo_font_options_set_antialias(fo, CAIRO_ANTIALIAS_GRAY);
	pango_cairo_context_set_font_options(doc->ctx, fo);
	cairo_font_options_destroy(fo);
	pango_context_set_language(doc->ctx, pango_language_from_string(doc->zh ? "zh-cn"
	                                                                : lang  ? lang
	                                                                        : "en"));
	g_free(lang);
}

struct pdf_doc *pdf_doc_new(xmlDocPtr xml, const struct pdf_opts *opts, const char *source,
                            struct diag_list *dl)
{
	struct pdf_doc *doc = g_new0(struct pdf_doc, 1);

	doc->xml = xml, doc->opts = opts, doc->source = source, doc->dl = dl;
	doc->items = g_array_new(FALSE, FALSE, sizeof(struct pg_item));
	doc->boxes = g_array_new(FALSE, FALSE, sizeof(struct pdf_box));
	doc->toc = g_array_new(FALSE, FALSE, sizeof(bool));
	doc->tables = g_array_new(FALSE, FALSE, sizeof(struct pdf_table));
	doc->headings = g_array_new(FALSE, FALSE, sizeof(struct pdf_heading));
	doc->ids = g_hash_table_new(g_str_hash, g_str_equal);
	doc->owned = g_ptr_array_new_with_free_func(g_object_unref);
	doc->rows = g_ptr_array_new_with_free_func(g_free);
	doc->images = g_ptr_array_new_with_free_func((GDestroyNotify)cairo_surface_destroy);
	doc->strings = g_string_chunk_new(4096);
	return doc;
}

void pdf_doc_free(struct pdf_doc *doc)
{
	if (!doc)
		return;
	for (unsigned i = 0; i < doc->boxes->len; i++) {
		GArray *l = g_array_index(doc->boxes, struct pdf_box, i).links;
		if (l)
			g_array_free(l, TRUE);
	}
	for (unsigned i = 0; i < doc->headings->len; i++)
		g_free(g_array_index(doc->headings, struct pdf_heading, i).title);
	for (unsigned i = 0; i < doc->rows->len; i++) {
		struct pdf_row *r = doc->rows->pdata[i];
		for (unsigned c = 0; c < r->n; c++)
			if (r->cells[c].links)
				g_array_free(r->cells[c].links, TRUE);
	}
	g_array_free(doc->items, TRUE);
	g_array_free(doc->boxes, TRUE);
	g_array_free(doc->toc, TRUE);
	g_array_free(doc->tables, TRUE);
	g_array_free(doc->headings, TRUE);
	g_hash_table_destroy(doc->ids);
	g_ptr_array_free(doc->owned, TRUE); /* layouts before their context */
	g_ptr_array_free(doc->rows, TRUE);
	g_ptr_array_free(doc->images, TRUE);
	g_string_chunk_free(doc->strings);
	g_free(doc->places);
	if (doc->ctx)
		g_object_unref(doc->ctx);
	if (doc->fontmap)
		g_object_unref(doc->fontmap);
	g_free(doc);
}

bool pdf_typeset(struct pdf_doc *doc)
{
	xmlNodePtr root = xmlDocGetRootElement(doc->xml);
	unsigned heading_no = 0;

	if (!pdf_is(root, "document")) {
		pdf_error(doc,
		          "the stylesheet's result is not a layout document (<document "
		          "xmlns=\"%s\">)",
		          PDF_NS);
		return false;
	}
	page_size(doc, root);
	pango_setup(doc, root);
	for (xmlNodePtr c = root->children; c; c = c->next) {
		if (pdf_is(c, "meta"))
			doc->meta = c;
		else if (pdf_is(c, "header"))
			doc->header = c;
		else if (pdf_is(c, "footer"))
			doc->footer = c;
		else if (pdf_is(c, "watermark"))
			doc->watermark = c;
	}
	collect_headings(doc, root, 0);
	blocks(doc, root, 0, &heading_no);
	return true;
}
