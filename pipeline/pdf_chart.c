/* Charts (see pdf.h): line and bar charts from <series>/<point>, as service reports show
 * availability month by month against the SLA target.  A y range from y-min/y-max or from the data
 * (and the target) rounded to a "nice" step, horizontal grid lines, category labels under the
 * x axis (thinned when they would collide), the target as a dashed line with its label, a legend
 * when there is more than one series.  Colours are sober and stay distinct in greyscale print
 * (lines also differ by marker). */
#define PDF_INTERNAL
#include "pdf.h"

#include <math.h>
#include <string.h>

#define MAX_SERIES 8
#define MAX_POINTS 400

struct series {
	char *name;
	double y[MAX_POINTS];
	int cat[MAX_POINTS]; /* category index of each point */
	unsigned n;
};

struct chart {
	struct series s[MAX_SERIES];
	unsigned ns;
	char *cats[MAX_POINTS]; /* category labels, first seen first */
	unsigned nc;
	bool bar, has_target;
	double lo, hi, step, target;
	char *unit, *target_label;
	unsigned decimals;
};

static const double palette[MAX_SERIES][3] = {
    {0.12, 0.31, 0.47}, {0.77, 0.35, 0.07}, {0.33, 0.51, 0.21}, {0.45, 0.45, 0.45},
    {0.44, 0.19, 0.63}, {0.0, 0.5, 0.55},   {0.6, 0.45, 0.1},   {0.2, 0.2, 0.2},
};

static int category(struct chart *c, const char *x)
{
	for (unsigned i = 0; i < c->nc; i++)
		if (strcmp(c->cats[i], x) == 0)
			return (int)i;
	if (c->nc == MAX_POINTS)
		return -1;
	c->cats[c->nc] = g_strdup(x);
	return (int)c->nc++;
}

static bool decimal(xmlNodePtr n, const char *name, double *v)
{
	char *s = pdf_attr(n, name), *end;
	bool ok = false;
	if (s) {
		*v = g_ascii_strtod(g_strstrip(s), &end);
		ok = end != s && *end == '\0' && isfinite(*v) && fabs(*v) < 1e12;
	}
	g_free(s);
	return ok;
}

static void read_series(struct chart *c, xmlNodePtr el)
{
	struct series *s = &c->s[c->ns++];
	char *name = pdf_attr(el, "name");

	s->name = name ? name : g_strdup("");
	for (xmlNodePtr p = el->children; p && s->n < MAX_POINTS; p = p->next) {
		char *x;
		double y;
		if (!pdf_is(p, "point") || !decimal(p, "y", &y))
			continue;
		x = pdf_attr(p, "x");
		int k = category(c, x ? g_strstrip(x) : "");
		g_free(x);
		if (k < 0)
			continue;
		s->y[s->n] = y, s->cat[s->n] = k, s->n++;
	}
}

/* A step of 1, 2, 2.5 or 5 × 10^k giving about five intervals over RANGE. */
static double nice_step(double range)
{
	double raw = range / 5, mag = pow(10, floor(log10(raw))), f = raw / mag;
	return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 2.5 ? 2.5 : f <= 5 ? 5 : 10) * mag;
}

/* The step of an axis from LO to HI: a step of 1, 2 or 5 × 10^k, else 2.5 × 10^k (labels with a
   digit more), that divides it into three to eight equal intervals, the count nearest five, so that
   both ends carry a label; else nice_step's. */
static double axis_step(double lo, double hi)
{
	static const double f[] = {1, 2, 5, 2.5};
	double range = hi - lo, best = 0, mag = pow(10, floor(log10(range / 5)));

	for (unsigned i = 0; i < G_N_ELEMENTS(f) && !(best && f[i] == 2.5); i++)
		for (double m = mag / 10; m <= mag * 10 * 1.001; m *= 10) {
			double n = range / (f[i] * m);
			if (fabs(n - round(n)) < 1e-6 && n > 2.5 && n < 8.5 &&
			    (best == 0 || fabs(n - 5) < fabs(range / best - 5)))
				best = f[i] * m;
		}
	return best ? best : nice_step(range);
}

/* The ticks are the multiples of the step between lo and hi. */
static double first_tick(const struct chart *c)
{
	return ceil(c->lo / c->step - 1e-6) * c->step;
}

static unsigned tick_count(const struct chart *c)
{
	double n = floor((c->hi - first_tick(c)) / c->step + 1e-6) + 1;
	return n > 0 && n < 100 ? (unsigned)n : 0;
}

static void y_range(struct chart *c, xmlNodePtr el)
{
	double lo = INFINITY, hi = -INFINITY, v;
	bool fix_lo = decimal(el, "y-min", &v) && (c->lo = v, true);
	bool fix_hi = decimal(el, "y-max", &v) && (c->hi = v, true);

	for (unsigned i = 0; i < c->ns; i++)
		for (unsigned j = 0; j < c->s[i].n; j++)
			lo = MIN(lo, c->s[i].y[j]), hi = MAX(hi, c->s[i].y[j]);
	if (c->has_target)
		lo = MIN(lo, c->target), hi = MAX(hi, c->target);
	if (c->bar)
		lo = MIN(lo, 0), hi = MAX(hi, 0); /* bars grow from zero */
	if (!isfinite(lo))
		lo = 0, hi = 1;
	if (hi - lo < 1e-9)
		lo -= 1, hi += 1;
	c->step = nice_step(((fix_hi ? c->hi : hi) - (fix_lo ? c->lo : lo)) * 1.1);
	if (!fix_lo)
		c->lo = floor(lo / c->step) * c->step;
	if (!fix_hi)
		c->hi = ceil(hi / c->step) * c->step;
	if (c->hi <= c->lo) /* y-min ≥ y-max in the layout: fall back to the data */
		c->lo = floor(lo / c->step) * c->step, c->hi = ceil(hi / c->step) * c->step;
	c->step = axis_step(c->lo, c->hi);
	/* as many decimals as the ticks need, at most four */
	double t = first_tick(c);
	for (c->decimals = 0; c->decimals < 4; c->decimals++) {
		double k = pow(10, c->decimals);
		if (fabs(c->step * k - round(c->step * k)) < 1e-6 && fabs(t * k - round(t * k)) < 1e-6)
			break;
	}
}

static void chart_read(struct chart *c, xmlNodePtr el)
{
	memset(c, 0, sizeof *c);
	char *type = pdf_attr(el, "type");
	c->bar = type && strcmp(g_strstrip(type), "bar") == 0;
	g_free(type);
	for (xmlNodePtr s = el->children; s && c->ns < MAX_SERIES; s = s->next)
		if (pdf_is(s, "series"))
			read_series(c, s);
	c->has_target = decimal(el, "target", &c->target);
	c->unit = pdf_attr(el, "unit");
	c->target_label = pdf_attr(el, "target-label");
	y_range(c, el);
}

static void chart_free(struct chart *c)
{
	for (unsigned i = 0; i < c->ns; i++)
		g_free(c->s[i].name);
	for (unsigned i = 0; i < c->nc; i++)
		g_free(c->cats[i]);
	g_free(c->unit);
	g_free(c->target_label);
}

/* ---- drawing -------------------------------------------------------------------------------- */

struct plot {
	double x, y, w, h; /* the plot area */
};

static double py(const struct chart *c, const struct plot *p, double v)
{
	return p->y + p->h - (v - c->lo) / (c->hi - c->lo) * p->h;
}

static double px(const struct chart *c, const struct plot *p, unsigned k)
{
	return p->x + (k + 0.5) * p->w / MAX(c->nc, 1);
}

static PangoLayout *label(struct pdf_doc *doc, const char *text, double size, double grey)
{
	struct pdf_font f = pdf_font(doc, PDF_ST_SMALL);
	f.size = size, f.grey = grey, f.justify = false;
	return pdf_text_layout(doc, text, &f, 0);
}

static void text_at(cairo_t *cr, PangoLayout *l, double x, double y, double ax, double ay)
{
	PangoRectangle r;
	pango_layout_get_extents(l, NULL, &r);
	cairo_move_to(cr, x - ax * r.width / PANGO_SCALE, y - ay * r.height / PANGO_SCALE);
	pango_cairo_show_layout(cr, l);
}

static char *tick_text(const struct chart *c, double v)
{
	char buf[G_ASCII_DTOSTR_BUF_SIZE];
	char fmt[8];
	g_snprintf(fmt, sizeof fmt, "%%.%uf", c->decimals);
	return g_strdup(g_ascii_formatd(buf, sizeof buf, fmt, fabs(v) < 1e-12 ? 0 : v));
}

static double y_label_width(struct pdf_doc *doc, const struct chart *c)
{
	double w = 0;
	for (unsigned i = 0, n = tick_count(c); i < n; i++) {
		double v = first_tick(c) + i * c->step;
		char *t = tick_text(c, v);
		PangoLayout *l = label(doc, t, 8, 0.3);
		PangoRectangle r;
		pango_layout_get_extents(l, NULL, &r);
		w = MAX(w, r.width / (double)PANGO_SCALE);
		g_object_unref(l);
		g_free(t);
	}
	return w;
}

static void grid(struct pdf_doc *doc, cairo_t *cr, const struct chart *c, const struct plot *p)
{
	cairo_set_line_width(cr, 0.4);
	for (unsigned i = 0, n = tick_count(c); i < n; i++) {
		double v = first_tick(c) + i * c->step;
		double y = py(c, p, v);
		cairo_set_source_rgb(cr, 0.85, 0.85, 0.85);
		cairo_move_to(cr, p->x, y);
		cairo_line_to(cr, p->x + p->w, y);
		cairo_stroke(cr);
		char *t = tick_text(c, v);
		PangoLayout *l = label(doc, t, 8, 0.3);
		text_at(cr, l, p->x - 4, y, 1, 0.5);
		g_object_unref(l);
		g_free(t);
	}
	cairo_set_source_rgb(cr, 0.35, 0.35, 0.35);
	cairo_set_line_width(cr, 0.6);
	cairo_move_to(cr, p->x, p->y);
	cairo_line_to(cr, p->x, p->y + p->h);
	cairo_line_to(cr, p->x + p->w, p->y + p->h);
	cairo_stroke(cr);
}

/* Category labels, every k-th one when they would collide. */
static void x_labels(struct pdf_doc *doc, cairo_t *cr, const struct chart *c, const struct plot *p)
{
	double widest = 0, slot = p->w / MAX(c->nc, 1);
	PangoLayout **ls = g_new(PangoLayout *, c->nc + 1);

	for (unsigned k = 0; k < c->nc; k++) {
		PangoRectangle r;
		ls[k] = label(doc, c->cats[k], 8, 0.3);
		pango_layout_get_extents(ls[k], NULL, &r);
		widest = MAX(widest, r.width / (double)PANGO_SCALE);
	}
	unsigned every = (unsigned)ceil((widest + 6) / MAX(slot, 0.1));
	every = MAX(every, 1);
	for (unsigned k = 0; k < c->nc; k++) {
		if (k % every == 0) {
			text_at(cr, ls[k], px(c, p, k), p->y + p->h + 4, 0.5, 0);
			cairo_set_source_rgb(cr, 0.35, 0.35, 0.35);
			cairo_move_to(cr, px(c, p, k), p->y + p->h);
			cairo_line_to(cr, px(c, p, k), p->y + p->h + 2.5);
			cairo_stroke(cr);
		}
		g_object_unref(ls[k]);
	}
	g_free(ls);
}

static void marker(cairo_t *cr, unsigned i, double x, double y)
{
	switch (i % 3) {
	case 0:
		cairo_arc(cr, x, y, 2, 0, 2 * G_PI);
		break;
	case 1:
		cairo_rectangle(cr, x - 1.8, y - 1.8, 3.6, 3.6);
		break;
	default:
		cairo_move_to(cr, x, y - 2.4);
		cairo_line_to(cr, x + 2.3, y + 1.6);
		cairo_line_to(cr, x - 2.3, y + 1.6);
		cairo_close_path(cr);
	}
	cairo_fill(cr);
}

static void lines(cairo_t *cr, const struct chart *c, const struct plot *p)
{
	for (unsigned i = 0; i < c->ns; i++) {
		const struct series *s = &c->s[i];
		cairo_set_source_rgb(cr, palette[i][0], palette[i][1], palette[i][2]);
		cairo_set_line_width(cr, 1.4);
		cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
		for (unsigned j = 0; j < s->n; j++) {
			double x = px(c, p, (unsigned)s->cat[j]), y = py(c, p, s->y[j]);
			if (j == 0)
				cairo_move_to(cr, x, y);
			else
				cairo_line_to(cr, x, y);
		}
		cairo_stroke(cr);
		if (s->n <= 60)
			for (unsigned j = 0; j < s->n; j++)
				marker(cr, i, px(c, p, (unsigned)s->cat[j]), py(c, p, s->y[j]));
	}
}

static void bars(cairo_t *cr, const struct chart *c, const struct plot *p)
{
	double slot = p->w / MAX(c->nc, 1), group = slot * 0.7, bw = group / MAX(c->ns, 1);
	double base = py(c, p, CLAMP(0, c->lo, c->hi));

	for (unsigned i = 0; i < c->ns; i++) {
		const struct series *s = &c->s[i];
		cairo_set_source_rgb(cr, palette[i][0], palette[i][1], palette[i][2]);
		for (unsigned j = 0; j < s->n; j++) {
			double x = px(c, p, (unsigned)s->cat[j]) - group / 2 + i * bw;
			double y = py(c, p, s->y[j]);
			cairo_rectangle(cr, x + bw * 0.08, MIN(y, base), bw * 0.84, fabs(base - y));
			cairo_fill(cr);
		}
	}
}

static void target(struct pdf_doc *doc, cairo_t *cr, const struct chart *c, const struct plot *p)
{
	static const double dash[] = {5, 3};
	double y = py(c, p, c->target);
	char buf[G_ASCII_DTOSTR_BUF_SIZE];

	if (!c->has_target || c->target < c->lo || c->target > c->hi)
		return;
	cairo_save(cr);
	cairo_set_source_rgb(cr, 0.75, 0.1, 0.1);
	cairo_set_line_width(cr, 1);
	cairo_set_dash(cr, dash, 2, 0);
	cairo_move_to(cr, p->x, y);
	cairo_line_to(cr, p->x + p->w, y);
	cairo_stroke(cr);
	cairo_restore(cr);
	char *t = c->target_label && *c->target_label
	              ? g_strdup(c->target_label)
	              : g_strconcat(g_ascii_formatd(buf, sizeof buf, "%g", c->target),
	                            c->unit ? c->unit : "", NULL);
	PangoLayout *l = label(doc, t, 8, 0);
	PangoAttrList *a = pango_attr_list_new();
	pango_attr_list_insert(a, pango_attr_foreground_new(0xc000, 0x1a00, 0x1a00));
	pango_layout_set_attributes(l, a);
	pango_attr_list_unref(a);
	/* above the line, or below it when the line runs along the top of the plot */
	bool below = y - p->y < 12;
	text_at(cr, l, p->x + p->w - 2, below ? y + 2 : y - 2, 1, below ? 0 : 1);
	g_object_unref(l);
	g_free(t);
}

static void legend(struct pdf_doc *doc, cairo_t *cr, const struct chart *c, double x, double y,
                   double w)
{
	double right = x + w;

	for (int i = (int)c->ns - 1; i >= 0; i--) { /* right-aligned, first series leftmost */
		PangoLayout *l = label(doc, c->s[i].name, 8, 0.2);
		PangoRectangle r;
		pango_layout_get_extents(l, NULL, &r);
		double lw = r.width / (double)PANGO_SCALE;
		text_at(cr, l, right, y, 1, 0);
		cairo_set_source_rgb(cr, palette[i][0], palette[i][1], palette[i][2]);
		double sx = right - lw - 16, sy = y + r.height / (2.0 * PANGO_SCALE);
		if (c->bar)
			cairo_rectangle(cr, sx, sy - 4, 12, 8), cairo_fill(cr);
		else {
			cairo_set_line_width(cr, 1.4);
			cairo_move_to(cr, sx, sy), cairo_line_to(cr, sx + 12, sy), cairo_stroke(cr);
			marker(cr, (unsigned)i, sx + 6, sy);
		}
		right = sx - 12;
		g_object_unref(l);
	}
}

void pdf_chart_draw(struct pdf_doc *doc, cairo_t *cr, xmlNodePtr el, double x, double y, double w,
                    double h)
{
	struct chart *c = g_new(struct chart, 1);
	bool show_legend;

	chart_read(c, el);
	show_legend = c->ns > 1 || (c->ns == 1 && *c->s[0].name);
	double top = show_legend || c->unit ? 16 : 4;
	double left = y_label_width(doc, c) + 8;
	struct plot p = {x + left, y + top, w - left - 6, h - top - 18};
	cairo_save(cr);
	if (c->unit && *c->unit) {
		PangoLayout *u = label(doc, c->unit, 8, 0.3);
		text_at(cr, u, x + left - 4, y, 1, 0);
		g_object_unref(u);
	}
	if (show_legend)
		legend(doc, cr, c, x, y, w - 6);
	grid(doc, cr, c, &p);
	x_labels(doc, cr, c, &p);
	cairo_save(cr);
	cairo_rectangle(cr, p.x, p.y - 3, p.w + 3, p.h + 3); /* values outside y-min..y-max */
	cairo_clip(cr);
	if (c->bar)
		bars(cr, c, &p);
	else
		lines(cr, c, &p);
	cairo_restore(cr);
	target(doc, cr, c, &p);
	cairo_restore(cr);
	chart_free(c);
	g_free(c);
}
