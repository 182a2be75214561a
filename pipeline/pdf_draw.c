/* Drawing (see pdf.h): pdf_render runs the typesetter, paginates (twice when the layout asks for
 * a table of contents: the TOC is shown only when the document without it has more than three
 * pages), places every item on its page and draws the pages on a cairo PDF surface: watermark
 * first (behind the text), running header and footer with the page number, the items, repeated
 * table header rows on continuation pages.  Bookmarks, clickable links and metadata are added
 * through cairo's PDF interchange; no date is ever taken from the clock, so identical layouts
 * give identical bytes. */
#define PDF_INTERNAL
#include "pdf.h"

#include <errno.h>
#include <math.h>
#include <string.h>

/* ---- pagination ----------------------------------------------------------------------------- */

struct flow {
	GArray *items; /* struct pg_item: the items shown */
	GArray *map;   /* unsigned: each item's box */
	GArray *pages; /* struct pg_page */
	double *heads; /* per table: height of its header rows */
};

static void flow_build(struct pdf_doc *doc, bool with_toc, struct flow *f)
{
	bool carry = false;

	f->items = g_array_new(FALSE, FALSE, sizeof(struct pg_item));
	f->map = g_array_new(FALSE, FALSE, sizeof(unsigned));
	for (unsigned i = 0; i < doc->items->len; i++) {
		struct pg_item it = g_array_index(doc->items, struct pg_item, i);
		if (!with_toc && g_array_index(doc->toc, bool, i)) {
			carry |= it.break_before; /* a page break before the TOC still holds */
			continue;
		}
		it.break_before |= carry;
		carry = false;
		g_array_append_val(f->items, it);
		g_array_append_val(f->map, i);
	}
	f->heads = g_new0(double, doc->tables->len + 1);
	for (unsigned t = 0; t < doc->tables->len; t++)
		f->heads[t] = g_array_index(doc->tables, struct pdf_table, t).head_height;
	f->pages = paginate((struct pg_item *)(void *)f->items->data, f->items->len, doc->text_h,
	                    f->heads);
}

static void flow_free(struct flow *f)
{
	g_array_free(f->items, TRUE);
	g_array_free(f->map, TRUE);
	g_array_free(f->pages, TRUE);
	g_free(f->heads);
}

static bool has_toc(const struct pdf_doc *doc)
{
	for (unsigned i = 0; i < doc->toc->len; i++)
		if (g_array_index(doc->toc, bool, i))
			return true;
	return false;
}

static struct pg_page page_at(const struct flow *f, unsigned p)
{
	return g_array_index(f->pages, struct pg_page, p);
}

static unsigned box_of(const struct flow *f, unsigned i)
{
	return g_array_index(f->map, unsigned, i);
}

static const struct pg_item *flow_item(const struct flow *f, unsigned i)
{
	return &g_array_index(f->items, struct pg_item, i);
}

/* Where each box lands: the drawing loop below follows the same arithmetic (paginate.c's). */
static void place(struct pdf_doc *doc, const struct flow *f)
{
	doc->places = g_new(struct pdf_place, doc->boxes->len + 1);
	for (unsigned b = 0; b < doc->boxes->len; b++)
		doc->places[b].page = G_MAXUINT, doc->places[b].y = 0;
	for (unsigned p = 0; p < f->pages->len; p++) {
		struct pg_page pg = page_at(f, p);
		double y = pg.repeat_table >= 0 ? f->heads[pg.repeat_table] : 0;
		for (unsigned i = pg.first; i < pg.end; i++) {
			const struct pg_item *it = flow_item(f, i);
			y += y > 0 ? it->space_before : 0;
			doc->places[box_of(f, i)] = (struct pdf_place){p, y};
			y += it->height;
		}
	}
}

/* ---- drawing helpers ------------------------------------------------------------------------ */

static void grey(cairo_t *cr, double g)
{
	cairo_set_source_rgb(cr, g, g, g);
}

static void hline(cairo_t *cr, double x0, double x1, double y, double width, double g)
{
	cairo_set_line_width(cr, width);
	grey(cr, g);
	cairo_move_to(cr, x0, y);
	cairo_line_to(cr, x1, y);
	cairo_stroke(cr);
}

static void show(cairo_t *cr, PangoLayout *l, double x, double y)
{
	cairo_move_to(cr, x, y);
	pango_cairo_show_layout(cr, l);
}

static double baseline(PangoLayout *l)
{
	return pango_layout_get_baseline(l) / (double)PANGO_SCALE;
}

static double width_of(PangoLayout *l)
{
	PangoRectangle log;
	pango_layout_get_extents(l, NULL, &log);
	return (log.x + log.width) / (double)PANGO_SCALE;
}

static double height_of(PangoLayout *l)
{
	PangoRectangle log;
	pango_layout_get_extents(l, NULL, &log);
	return log.height / (double)PANGO_SCALE;
}

static const char *num(char *buf, double v)
{
	return g_ascii_formatd(buf, G_ASCII_DTOSTR_BUF_SIZE, "%.2f", v);
}

/* cairo's attribute string for a link to URI: an allowed external address, or a place in the
 * document ("#id"); NULL for anything else (javascript:, file:, …: styled, not clickable). */
static char *link_target(struct pdf_doc *doc, const char *uri)
{
	char a[G_ASCII_DTOSTR_BUF_SIZE], b[G_ASCII_DTOSTR_BUF_SIZE];

	if (uri[0] == '#') {
		gpointer v = g_hash_table_lookup(doc->ids, uri + 1);
		unsigned box = GPOINTER_TO_UINT(v);
		if (!v || doc->places[box - 1].page == G_MAXUINT)
			return NULL;
		const struct pdf_place *pl = &doc->places[box - 1];
		return g_strdup_printf("page=%u pos=[%s %s]", pl->page + 1, num(a, doc->margin_l),
		                       num(b, doc->margin_t + pl->y));
	}
	if (g_ascii_strncasecmp(uri, "http://", 7) != 0 &&
	    g_ascii_strncasecmp(uri, "https://", 8) != 0 &&
	    g_ascii_strncasecmp(uri, "mailto:", 7) != 0)
		return NULL;
	GString *s = g_string_new("uri='");
	for (const char *p = uri; *p; p++) { /* cairo's attribute strings escape ' and \ */
		if (*p == '\'' || *p == '\\')
			g_string_append_c(s, '\\');
		g_string_append_c(s, *p);
	}
	g_string_append_c(s, '\'');
	return g_string_free(s, FALSE);
}

static void link_rect(struct pdf_doc *doc, cairo_t *cr, const char *uri, double x, double y,
                      double w, double h)
{
	char *target = link_target(doc, uri);
	char a[4][G_ASCII_DTOSTR_BUF_SIZE];

	if (!target || w <= 0)
		goto out;
	char *attrs = g_strdup_printf("rect=[%s %s %s %s] %s", num(a[0], x), num(a[1], y),
	                              num(a[2], w), num(a[3], h), target);
	cairo_tag_begin(cr, CAIRO_TAG_LINK, attrs);
	cairo_tag_end(cr, CAIRO_TAG_LINK);
	g_free(attrs);
out:
	g_free(target);
}

/* ---- boxes ---------------------------------------------------------------------------------- */

struct at {
	double x, y, h; /* the item's left edge (left margin), top and height, page coordinates */
};

static void draw_line(struct pdf_doc *doc, cairo_t *cr, const struct pdf_box *b, struct at at)
{
	if (b->aux)
		show(cr, b->aux, at.x + b->aux_x, at.y + b->dy - baseline(b->aux));
	cairo_move_to(cr, at.x + b->x, at.y + b->dy);
	pango_cairo_show_layout_line(cr, b->line);
	for (unsigned i = 0; b->links && i < b->links->len; i++) {
		struct pdf_link *k = &g_array_index(b->links, struct pdf_link, i);
		link_rect(doc, cr, k->uri, at.x + b->x + k->x0, at.y, k->x1 - k->x0, at.h);
	}
}

static void draw_block(struct pdf_doc *doc, cairo_t *cr, const struct pdf_box *b, struct at at)
{
	show(cr, b->layout, at.x + b->x, at.y + b->dy);
	if (b->rule)
		hline(cr, at.x, at.x + doc->text_w, at.y + height_of(b->layout) + 3, 0.6, 0.55);
}

static void tick_box(cairo_t *cr, double x, double y)
{
	cairo_set_line_width(cr, 0.7);
	grey(cr, 0.2);
	cairo_rectangle(cr, x, y, 9.0, 9.0);
	cairo_stroke(cr);
}

static void draw_row(struct pdf_doc *doc, cairo_t *cr, const struct pdf_box *b, struct at at)
{
	const struct pdf_row *r = b->row;

	for (unsigned i = 0; i < r->n; i++) {
		const struct pdf_cell *c = &r->cells[i];
		if (r->shade) {
			cairo_rectangle(cr, at.x + c->x, at.y, c->w, at.h);
			grey(cr, r->head ? 0.9 : 0.95);
			cairo_fill(cr);
		}
		cairo_rectangle(cr, at.x + c->x, at.y, c->w, at.h);
		cairo_set_line_width(cr, 0.5);
		grey(cr, 0.55);
		cairo_stroke(cr);
		double tx = at.x + c->x + 4.5;
		if (c->box && !c->layout) {
			tick_box(cr, at.x + c->x + (c->w - 9) / 2, at.y + (at.h - 9) / 2);
			continue;
		}
		if (c->box) {
			double lh = c->layout ? baseline(c->layout) : 9;
			tick_box(cr, tx, at.y + c->text_dy + lh - 8.5);
			tx += 9 + 4;
		}
		if (c->layout)
			show(cr, c->layout, tx, at.y + c->text_dy);
		for (unsigned k = 0; c->links && k < c->links->len; k++) {
			const struct pdf_link *l = &g_array_index(c->links, struct pdf_link, k);
			link_rect(doc, cr, l->uri, tx + l->x0, at.y + c->text_dy + l->y, l->x1 - l->x0,
			          l->h);
		}
	}
}

static void draw_kv(cairo_t *cr, const struct pdf_box *b, struct at at)
{
	show(cr, b->aux, at.x, at.y + b->dy);
	show(cr, b->layout, at.x + b->aux_x, at.y + b->dy);
}

static void draw_image(cairo_t *cr, const struct pdf_box *b, struct at at)
{
	double iw = cairo_image_surface_get_width(b->image);
	double ih = cairo_image_surface_get_height(b->image);

	cairo_save(cr);
	cairo_translate(cr, at.x + b->x, at.y);
	cairo_scale(cr, b->w / iw, b->h / ih);
	cairo_set_source_surface(cr, b->image, 0, 0);
	cairo_pattern_set_filter(cairo_get_source(cr), CAIRO_FILTER_GOOD);
	cairo_paint(cr);
	cairo_restore(cr);
}

/* ---- signatures ----------------------------------------------------------------------------- */

/* One labelled line of a signature box; VALUE NULL: a line to write on.  Returns the next y. */
static double sig_line(struct pdf_doc *doc, cairo_t *cr, double x, double y, double w,
                       const char *label, const char *value, double pitch, double label_w)
{
	struct pdf_font lf = pdf_font(doc, PDF_ST_SMALL), vf = pdf_font(doc, PDF_ST_NORMAL);
	PangoLayout *l, *v = NULL;

	lf.grey = 0.35;
	y += pitch;
	l = pdf_text_layout(doc, label, &lf, 0);
	show(cr, l, x, y - baseline(l));
	if (value && *value) {
		v = pdf_text_layout(doc, value, &vf, w - label_w);
		pango_layout_set_ellipsize(v, PANGO_ELLIPSIZE_END);
		show(cr, v, x + label_w, y - baseline(v));
	} else
		hline(cr, x + label_w, x + w, y + 1.5, 0.5, 0.3);
	g_object_unref(l);
	if (v)
		g_object_unref(v);
	return y;
}

static void signature(struct pdf_doc *doc, cairo_t *cr, xmlNodePtr s, double x, double y, double w,
                      double h)
{
	static const char *zh[] = {"姓名：", "职务：", "签字：", "日期："};
	static const char *en[] = {"Name:", "Title:", "Signature:", "Date:"};
	const char **lab = doc->zh ? zh : en;
	struct pdf_font pf = pdf_font(doc, PDF_ST_NORMAL);
	char *party = pdf_attr(s, "party"), *name = pdf_attr(s, "name");
	char *role = pdf_attr(s, "role"), *date = pdf_attr(s, "date");
	double pad = 9, iw = w - 2 * pad, lw = doc->zh ? 36 : 50;

	cairo_rectangle(cr, x, y, w, h);
	cairo_set_line_width(cr, 0.5);
	grey(cr, 0.55);
	cairo_stroke(cr);
	pf.weight = PANGO_WEIGHT_BOLD, pf.grey = 0;
	PangoLayout *p = pdf_text_layout(doc, party ? party : "", &pf, iw);
	pango_layout_set_ellipsize(p, PANGO_ELLIPSIZE_END);
	show(cr, p, x + pad, y + pad);
	double ly = y + pad + baseline(p);
	g_object_unref(p);
	ly = sig_line(doc, cr, x + pad, ly, iw, lab[0], name, 19, lw);
	ly = sig_line(doc, cr, x + pad, ly, iw, lab[1], role, 17, lw);
	ly = sig_line(doc, cr, x + pad, ly, iw, lab[2], NULL, 30, lw);
	sig_line(doc, cr, x + pad, ly, iw, lab[3], date, 19, lw);
	g_free(party), g_free(name), g_free(role), g_free(date);
}

static void draw_signatures(struct pdf_doc *doc, cairo_t *cr, const struct pdf_box *b, struct at at)
{
	double gap = 16, bw = (b->w - gap) / 2;
	xmlNodePtr s = b->node;

	for (unsigned k = 0; k < b->count && s; s = s->next) {
		if (!pdf_is(s, "signature"))
			continue;
		signature(doc, cr, s, at.x + k * (bw + gap), at.y, bw, b->h);
		k++;
	}
}

/* ---- table of contents ---------------------------------------------------------------------- */

static void last_line(PangoLayout *l, double *end_x, double *base)
{
	PangoLayoutIter *it = pango_layout_get_iter(l);
	PangoRectangle log;

	while (pango_layout_iter_next_line(it))
		;
	pango_layout_iter_get_line_extents(it, NULL, &log);
	*end_x = (log.x + log.width) / (double)PANGO_SCALE;
	*base = pango_layout_iter_get_baseline(it) / (double)PANGO_SCALE;
	pango_layout_iter_free(it);
}

static void draw_toc(struct pdf_doc *doc, cairo_t *cr, const struct pdf_box *b, struct at at)
{
	const struct pdf_heading *h = &g_array_index(doc->headings, struct pdf_heading, b->heading);
	struct pdf_font f = pdf_font(doc, h->level == 1 ? PDF_ST_TOC1 : PDF_ST_TOC2);
	double end_x, base, right = at.x + doc->text_w;
	char nbuf[16] = "", a[2][G_ASCII_DTOSTR_BUF_SIZE];

	show(cr, b->layout, at.x + b->x, at.y);
	last_line(b->layout, &end_x, &base);
	if (h->item == G_MAXUINT || doc->places[h->item].page == G_MAXUINT)
		return;
	const struct pdf_place *pl = &doc->places[h->item];
	g_snprintf(nbuf, sizeof nbuf, "%u", pl->page + 1);
	PangoLayout *n = pdf_text_layout(doc, nbuf, &f, 0);
	double nx = right - width_of(n);
	show(cr, n, nx, at.y + base - baseline(n));
	g_object_unref(n);
	/* dot leaders on a fixed 4 pt grid, so that the dots of all lines align */
	grey(cr, 0.45);
	for (double x = ceil((at.x + b->x + end_x + 6) / 4) * 4; x < nx - 5; x += 4) {
		cairo_arc(cr, x, at.y + base - 0.6, 0.55, 0, 2 * G_PI);
		cairo_fill(cr);
	}
	char *attrs = g_strdup_printf("rect=[%s %s %s %s] page=%u pos=[%s %s]",
	                              num(a[0], at.x + b->x), num(a[1], at.y),
	                              num(a[0], doc->text_w - b->x), num(a[1], at.h), pl->page + 1,
	                              num(a[0], doc->margin_l), num(a[1], doc->margin_t + pl->y));
	cairo_tag_begin(cr, CAIRO_TAG_LINK, attrs);
	cairo_tag_end(cr, CAIRO_TAG_LINK);
	g_free(attrs);
}

static void draw_box(struct pdf_doc *doc, cairo_t *cr, unsigned i, double y, double h)
{
	const struct pdf_box *b = &g_array_index(doc->boxes, struct pdf_box, i);
	struct at at = {doc->margin_l, doc->margin_t + y, h};

	switch (b->kind) {
	case PDF_BOX_LINE:
		draw_line(doc, cr, b, at);
		break;
	case PDF_BOX_BLOCK:
		draw_block(doc, cr, b, at);
		break;
	case PDF_BOX_ROW:
		draw_row(doc, cr, b, at);
		break;
	case PDF_BOX_KV:
		draw_kv(cr, b, at);
		break;
	case PDF_BOX_IMAGE:
		draw_image(cr, b, at);
		break;
	case PDF_BOX_CHART:
		pdf_chart_draw(doc, cr, b->node, at.x + b->x, at.y, b->w, b->h);
		break;
	case PDF_BOX_SIGNATURES:
		draw_signatures(doc, cr, b, at);
		break;
	case PDF_BOX_TOC:
		draw_toc(doc, cr, b, at);
		break;
	}
}

/* ---- page furniture ------------------------------------------------------------------------- */

static xmlNodePtr child(xmlNodePtr el, const char *name)
{
	for (xmlNodePtr c = el ? el->children : NULL; c; c = c->next)
		if (pdf_is(c, name))
			return c;
	return NULL;
}

static PangoLayout *slot(struct pdf_doc *doc, xmlNodePtr n, double width, PangoAlignment align,
                         unsigned page, unsigned pages)
{
	struct pdf_font f = pdf_font(doc, PDF_ST_RUNNING);
	f.align = align;
	PangoLayout *l = pdf_inline_layout(doc, n, &f, width, page, pages);
	pango_layout_set_ellipsize(l, PANGO_ELLIPSIZE_END); /* one line: never over the body */
	return l;
}

/* Left, centre and right parts of a running header or footer, on one line whose text top is Y. */
static void running(struct pdf_doc *doc, cairo_t *cr, xmlNodePtr run, double y, unsigned page,
                    unsigned pages)
{
	xmlNodePtr l = child(run, "left"), c = child(run, "center"), r = child(run, "right");
	double x = doc->margin_l, w = doc->text_w, cw = 0;

	if (c) {
		PangoLayout *cl = slot(doc, c, w / 2, PANGO_ALIGN_CENTER, page, pages);
		pango_layout_set_width(cl, -1);
		cw = MIN(width_of(cl), w / 2);
		pango_layout_set_width(cl, (int)(cw * PANGO_SCALE) + 1);
		show(cr, cl, x + (w - cw) / 2, y);
		g_object_unref(cl);
	}
	double side = c ? (w - cw) / 2 - 10 : (l && r) ? w / 2 - 6 : w;
	if (l) {
		PangoLayout *ll = slot(doc, l, side, PANGO_ALIGN_LEFT, page, pages);
		show(cr, ll, x, y);
		g_object_unref(ll);
	}
	if (r) {
		PangoLayout *rl = slot(doc, r, side, PANGO_ALIGN_RIGHT, page, pages);
		show(cr, rl, x + w - side, y);
		g_object_unref(rl);
	}
}

static void furniture(struct pdf_doc *doc, cairo_t *cr, unsigned page, unsigned pages)
{
	double bottom = doc->margin_t + doc->text_h;

	if (doc->header) {
		running(doc, cr, doc->header, doc->margin_t - PDF_MM(11), page, pages);
		hline(cr, doc->margin_l, doc->margin_l + doc->text_w, doc->margin_t - PDF_MM(5.5),
		      0.4, 0.6);
	}
	if (doc->footer)
		running(doc, cr, doc->footer, bottom + PDF_MM(9), page, pages);
}

/* The watermark: large, light grey, at 45°, drawn first so that everything covers it. */
static void watermark(struct pdf_doc *doc, cairo_t *cr)
{
	xmlChar *text = doc->watermark ? xmlNodeGetContent(doc->watermark) : NULL;
	struct pdf_font f = pdf_font(doc, PDF_ST_NORMAL);
	char *t = text ? g_strstrip(g_strdup((const char *)text)) : NULL;

	xmlFree(text);
	if (t && *t && strlen(t) < 200) {
		f.size = 100, f.weight = PANGO_WEIGHT_BOLD, f.grey = 0.9, f.justify = false;
		PangoLayout *l = pdf_text_layout(doc, t, &f, 0);
		double diag = hypot(doc->page_w, doc->page_h);
		double scale = CLAMP(diag * 0.42 / MAX(width_of(l), 1), 0.3, 1.6);
		cairo_save(cr);
		cairo_translate(cr, doc->page_w / 2, doc->page_h / 2);
		cairo_rotate(cr, -G_PI / 4);
		cairo_scale(cr, scale, scale);
		show(cr, l, -width_of(l) / 2, -height_of(l) / 2);
		cairo_restore(cr);
		g_object_unref(l);
	}
	g_free(t);
}

static void draw_page(struct pdf_doc *doc, const struct flow *f, cairo_t *cr, unsigned p)
{
	struct pg_page pg = page_at(f, p);
	double y = 0;

	watermark(doc, cr);
	furniture(doc, cr, p + 1, f->pages->len);
	if (pg.repeat_table >= 0) {
		const struct pdf_table *t =
		    &g_array_index(doc->tables, struct pdf_table, pg.repeat_table);
		for (unsigned h = t->head_first; h < t->head_first + t->head_count; h++) {
			double hh = g_array_index(doc->items, struct pg_item, h).height;
			draw_box(doc, cr, h, y, hh);
			y += hh;
		}
	}
	for (unsigned i = pg.first; i < pg.end; i++) {
		const struct pg_item *it = flow_item(f, i);
		y += y > 0 ? it->space_before : 0;
		draw_box(doc, cr, box_of(f, i), y, it->height);
		y += it->height;
	}
}

/* ---- document-level PDF objects ------------------------------------------------------------- */

/* Bookmarks for listed headings, nested by level (an h3 right under an h1 nests in the h1). */
static void outline(struct pdf_doc *doc, cairo_surface_t *s)
{
	int parents[5] = {0};
	char a[2][G_ASCII_DTOSTR_BUF_SIZE];

	for (unsigned i = 0; i < doc->headings->len; i++) {
		const struct pdf_heading *h = &g_array_index(doc->headings, struct pdf_heading, i);
		if (!h->listed || h->item == G_MAXUINT || doc->places[h->item].page == G_MAXUINT)
			continue;
		int parent = CAIRO_PDF_OUTLINE_ROOT;
		for (int l = h->level - 1; l >= 1 && parent == CAIRO_PDF_OUTLINE_ROOT; l--)
			parent = parents[l];
		const struct pdf_place *pl = &doc->places[h->item];
		char *dest =
		    g_strdup_printf("page=%u pos=[%s %s]", pl->page + 1, num(a[0], doc->margin_l),
		                    num(a[1], doc->margin_t + pl->y));
		parents[h->level] =
		    cairo_pdf_surface_add_outline(s, parent, *h->title ? h->title : "—", dest,
		                                  h->level == 1 ? CAIRO_PDF_OUTLINE_FLAG_OPEN : 0);
		for (int l = h->level + 1; l < 5; l++)
			parents[l] = 0;
		g_free(dest);
	}
}

/* An xs:date or xs:dateTime as cairo wants it ("YYYY-MM-DDThh:mm:ss" and an optional zone), or
 * NULL when S is neither. */
static char *pdf_date(const char *s)
{
	static const char shape[] = "dddd-dd-ddTdd:dd:dd";
	size_t n = s ? strlen(s) : 0, i;

	for (i = 0; i < n && i < sizeof shape - 1; i++)
		if (shape[i] == 'd' ? !g_ascii_isdigit(s[i]) : s[i] != shape[i])
			break;
	if (i == 10) /* a date, perhaps with a zone */
		return i == n || s[i] == 'Z' || s[i] == '+' || s[i] == '-'
		           ? g_strdup_printf("%.10sT00:00:00%s", s, s + 10)
		           : NULL;
	if (i != sizeof shape - 1)
		return NULL;
	const char *zone = s + i;
	if (*zone == '.') /* fractional seconds: dropped */
		while (g_ascii_isdigit(*++zone) || *zone == '.')
			;
	if (*zone && strcmp(zone, "Z") != 0 &&
	    !((zone[0] == '+' || zone[0] == '-') && strlen(zone) == 6 && zone[3] == ':'))
		return NULL;
	return g_strdup_printf("%.19s%s", s, zone);
}

static void metadata(struct pdf_doc *doc, cairo_surface_t *s)
{
	static const struct {
		const char *attr;
		cairo_pdf_metadata_t key;
	} keys[] = {{"title", CAIRO_PDF_METADATA_TITLE},
	            {"author", CAIRO_PDF_METADATA_AUTHOR},
	            {"subject", CAIRO_PDF_METADATA_SUBJECT},
	            {"keywords", CAIRO_PDF_METADATA_KEYWORDS}};
	char *meta_date = doc->meta ? pdf_attr(doc->meta, "date") : NULL;
	char *date = pdf_date(doc->opts->creation_date);

	for (unsigned i = 0; doc->meta && i < G_N_ELEMENTS(keys); i++) {
		char *v = pdf_attr(doc->meta, keys[i].attr);
		if (v)
			cairo_pdf_surface_set_metadata(s, keys[i].key, g_strstrip(v));
		g_free(v);
	}
	cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATOR, "slm");
	if (doc->opts->creation_date && !date)
		pdf_warn(doc, "creation date \"%s\" is not YYYY-MM-DDThh:mm:ss: meta date used",
		         doc->opts->creation_date);
	if (!date)
		date = pdf_date(meta_date ? g_strstrip(meta_date) : NULL);
	if (!date)
		date = g_strdup("1970-01-01T00:00:00Z");
	cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATE_DATE, date);
	cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_MOD_DATE, date);
	g_free(date);
	g_free(meta_date);
}

/* Where cairo's PDF stream goes.  cairo 1.16 must never be handed a write error: some of its paths
 * assert on their own state after a failed write (a full disk mid-document aborted slm in
 * _cairo_array_index_const), others drop the error and finish "successfully" with a truncated
 * file.  So the first failure's errno is kept here, later data is swallowed, cairo is always told
 * the write succeeded, and draw() reports the failure once cairo is done. */
struct sink {
	FILE *fp;
	int err; /* errno of the first failed write, 0 while all went well */
};

static cairo_status_t write_out(void *closure, const unsigned char *data, unsigned int length)
{
	struct sink *k = closure;

	if (k->err)
		return CAIRO_STATUS_SUCCESS;
	errno = 0;
	if (fwrite(data, 1, length, k->fp) != length)
		k->err = errno ? errno : EIO;
	return CAIRO_STATUS_SUCCESS;
}

/* The file the PDF goes to, for messages: the output when the caller named it, else the source. */
static const char *output_name(const struct pdf_doc *doc)
{
	const char *o = doc->opts->output;
	return o && *o && strcmp(o, "-") != 0 ? o : doc->source;
}

/* Report a failed write and leave errno at its cause (pdf.h). */
static bool write_failed(struct pdf_doc *doc, int err)
{
	diag_add(doc->dl, RULE_IO_ERROR, output_name(doc), 0, 0, "cannot write the PDF: %s",
	         g_strerror(err));
	doc->errors++;
	doc->write_errno = err;
	return false;
}

static bool draw(struct pdf_doc *doc, const struct flow *f, FILE *out)
{
	struct sink k = {out, 0};
	cairo_surface_t *s =
	    cairo_pdf_surface_create_for_stream(write_out, &k, doc->page_w, doc->page_h);
	cairo_status_t st = cairo_surface_status(s);
	cairo_t *cr;

	if (st != CAIRO_STATUS_SUCCESS) { /* a nil surface: nothing was written */
		cairo_surface_destroy(s);
		pdf_error(doc, "cannot start the PDF: %s", cairo_status_to_string(st));
		return false;
	}
	cr = cairo_create(s);
	metadata(doc, s);
	outline(doc, s);
	/* cairo 1.16 refers to a link's structure element from the parent tree but writes the
	 * structure tree only when some structure tag holds the links: without this Document
	 * element the xref table names an object that is never written (qpdf: "file is damaged") */
	cairo_tag_begin(cr, "Document", "");
	/* a context in error draws nothing more; a failed write makes the rest wasted work */
	for (unsigned p = 0; p < f->pages->len && !k.err && !cairo_status(cr); p++) {
		draw_page(doc, f, cr, p);
		cairo_show_page(cr);
	}
	cairo_tag_end(cr, "Document");
	st = cairo_status(cr);
	cairo_destroy(cr);
	cairo_surface_finish(s);
	if (st == CAIRO_STATUS_SUCCESS)
		st = cairo_surface_status(s);
	cairo_surface_destroy(s);
	/* data still in stdio's buffer, or an error fwrite reported only as a short count */
	errno = 0;
	if (!k.err && (fflush(out) != 0 || ferror(out)))
		k.err = errno ? errno : EIO;
	if (k.err)
		return write_failed(doc, k.err);
	if (st != CAIRO_STATUS_SUCCESS)
		pdf_error(doc, "cannot draw the PDF: %s", cairo_status_to_string(st));
	return st == CAIRO_STATUS_SUCCESS;
}

/* Whether C is a noncharacter (U+FDD0..U+FDEF, U+xFFFE, U+xFFFF): valid in XML, refused by
 * cairo's UTF-8 checks, so that a PDF with one in its text could not be written. */
static bool nonchar(gunichar c)
{
	return (c >= 0xFDD0 && c <= 0xFDEF) || (c & 0xFFFE) == 0xFFFE;
}

/* S with each noncharacter replaced by "?" (U+FFFD is not in slm's font subsets), or NULL when it
 * has none. */
static xmlChar *without_nonchars(const xmlChar *s)
{
	GString *out = NULL;

	for (const char *p = (const char *)s; p && *p; p = g_utf8_next_char(p))
		if (nonchar(g_utf8_get_char(p))) {
			out = g_string_new(NULL);
			break;
		}
	if (!out)
		return NULL;
	for (const char *p = (const char *)s; *p; p = g_utf8_next_char(p)) {
		gunichar c = g_utf8_get_char(p);
		g_string_append_unichar(out, nonchar(c) ? '?' : c);
	}
	xmlChar *r = xmlStrdup((const xmlChar *)out->str);
	g_string_free(out, TRUE);
	return r;
}

static void clean_text(xmlNodePtr n)
{
	for (; n; n = n->next) {
		xmlChar *t;
		if ((n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) &&
		    (t = without_nonchars(n->content))) {
			xmlNodeSetContent(n, t);
			xmlFree(t);
		}
		if (n->type != XML_ELEMENT_NODE)
			continue;
		for (xmlAttrPtr a = n->properties; a; a = a->next)
			if (a->children && (t = without_nonchars(a->children->content))) {
				xmlNodeSetContent(a->children, t);
				xmlFree(t);
			}
		clean_text(n->children);
	}
}

static bool render(xmlDocPtr layout, FILE *out, const struct pdf_opts *opts, const char *source,
                   struct diag_list *dl)
{
	static const struct pdf_opts none = {NULL, NULL, NULL, NULL};

	clean_text(xmlDocGetRootElement(layout));
	struct pdf_doc *doc = pdf_doc_new(layout, opts ? opts : &none, source, dl);
	struct flow f;
	bool ok = pdf_typeset(doc);

	if (ok) {
		flow_build(doc, false, &f);
		if (has_toc(doc) && f.pages->len > 3) {
			flow_free(&f);
			flow_build(doc, true, &f);
		}
		place(doc, &f);
		ok = draw(doc, &f, out);
		flow_free(&f);
	}
	ok = ok && doc->errors == 0;
	int err = doc->write_errno;
	pdf_doc_free(doc);
	if (err)
		errno = err;
	return ok;
}

const struct pdf_module slm_pdf_module = {PDF_MODULE_ABI, SLM_VERSION, render,
                                          pdf_typeset_fonts_dir};
