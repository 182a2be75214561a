/* Rendering (see render.h): the XSLT step under libxslt's security preferences, slm's extension
 * functions for stylesheets, the layout check, and the atomic output.
 *
 * Every file a stylesheet reaches goes through one loader: stylesheets and their imports must lie
 * in slm's stylesheets folder or the folder of a --stylesheet, documents (document(), slm:doc())
 * inside the repository; everything is parsed by load.c (bounded, no DTD, no entities, no
 * network).  Writes (exsl:document, xsl:result-document), directory creation and the network are
 * forbidden by the security preferences, set as the default (xsl:import/include consult only
 * that) and per transformation.  Runaway stylesheets are bounded by template depth, variables and
 * the XPath operation limit, as libxslt's own fuzzer does. */
#define _GNU_SOURCE
#include "render.h"
#include "cli.h"
#include "load.h"
#include "output.h"
#include "pdf.h"
#include "schema.h"

#include <libexslt/exslt.h>
#include <libxml/xpathInternals.h>
#include <libxslt/documents.h>
#include <libxslt/extensions.h>
#include <libxslt/security.h>
#include <libxslt/transform.h>
#include <libxslt/xsltInternals.h>
#include <libxslt/xsltutils.h>
#include <errno.h>
#include <math.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#define SLM_XSLT_NS "urn:slm:xslt:1"

struct style {
	xsltStylesheetPtr xsl;
	GPtrArray *deps; /* the stylesheet and everything it imports or includes */
};

struct render_ctx {
	const struct repo *repo;
	const struct index *ix;
	const struct model *m;
	char *root_real;
	gint32 as_of;
	GHashTable *styles; /* path → struct style* */
	struct schema *layout_schema;
};

/* One rendering.  The loader and the extension functions find it through a thread-local pointer:
 * libxslt gives them no user data of their own for stylesheets. */
struct job {
	struct render_ctx *rc;
	const char *source;
	GHashTable *docs; /* path → xmlDocPtr: documents handed to the stylesheet by slm:doc() */
	GPtrArray *own_docs; /* those of them the transform did not take (job_doc) */
	GHashTable *effective; /* "id\037date" → the <effective> element slm:effective() made */
	GPtrArray *deps;  /* char*, every file read */
	GString *errors;  /* what libxslt reported */
	GPtrArray *style_dirs;
	bool refused;	  /* a file was refused or unreadable: document() would be silently empty */
	xsltTransformContextPtr running; /* the transform under way, for the stops below */
	bool over_memory;		 /* stopped for its memory */
	gint over_time;			 /* for its time (set by the watchdog thread) */
	gint64 started;                  /* monotonic µs, while running */
	char *xpath_error;               /* libxml2's last XPath error in the transform, or NULL */
	char *limit; /* the bound that stopped the stylesheet, in words ("over the …"), or NULL */
};

static GPrivate current = G_PRIVATE_INIT(NULL);
static xsltSecurityPrefsPtr security;
static char *style_dir_real; /* slm's stylesheets folder */

/* ---- paths ---------------------------------------------------------------------------------- */

static bool inside(const char *real, const char *root)
{
	size_t n = root ? strlen(root) : 0;
	return root && real && strncmp(real, root, n) == 0 && (real[n] == '/' || real[n] == '\0');
}

static char *uri_path(const char *uri)
{
	if (g_str_has_prefix(uri, "file://"))
		return g_filename_from_uri(uri, NULL, NULL);
	if (strstr(uri, "://") || g_str_has_prefix(uri, "file:"))
		return NULL; /* the network, and everything that is not a plain file */
	return g_strdup(uri);
}

static void add_dep(GPtrArray *deps, const char *path)
{
	if (!deps)
		return;
	for (guint i = 0; i < deps->len; i++)
		if (strcmp(deps->pdata[i], path) == 0)
			return;
	g_ptr_array_add(deps, g_strdup(path));
}

static void job_error(struct job *j, const char *fmt, ...) G_GNUC_PRINTF(2, 3);
static void job_error(struct job *j, const char *fmt, ...)
{
	va_list ap;

	if (!j)
		return;
	va_start(ap, fmt);
	g_string_append_vprintf(j->errors, fmt, ap);
	va_end(ap);
}

static bool style_path_allowed(const struct job *j, const char *real)
{
	if (inside(real, style_dir_real))
		return true;
	for (guint i = 0; j && i < j->style_dirs->len; i++)
		if (inside(real, j->style_dirs->pdata[i]))
			return true;
	return false;
}

/* ---- the loader and the security preferences ------------------------------------------------ */

static xmlDocPtr loader(const xmlChar *uri, xmlDictPtr dict, int options, void *ctxt,
			xsltLoadType type)
{
	struct job *j = g_private_get(&current);
	char *path = uri_path((const char *)uri);
	char *real = path ? realpath(path, NULL) : NULL;
	bool ok;
	xmlDocPtr doc = NULL;
	struct diag_list *scratch;

	(void)options;
	(void)ctxt;
	ok = real && (type == XSLT_LOAD_STYLESHEET ? style_path_allowed(j, real)
						   : j && inside(real, j->rc->root_real));
	if (!ok) {
		if (j)
			j->refused = true;
		job_error(j, "refused to read %s: %s\n", (const char *)uri,
			  !path ? "stylesheets may not use the network"
			  : !real ? "no such file"
				  : "it lies outside the repository and slm's stylesheets");
	} else {
		scratch = diag_list_new();
		doc = load_parse_dict(real, dict, scratch);
		if (!doc && scratch->items->len) {
			struct diag *d = scratch->items->pdata[0];
			job_error(j, "%s:%ld: %s\n", real, d->loc.line, d->message);
		}
		if (!doc && j)
			j->refused = true;
		diag_list_free(scratch);
		if (doc && j)
			add_dep(j->deps, real);
	}
	free(real);
	g_free(path);
	return doc;
}

static int check_read(xsltSecurityPrefsPtr sec, xsltTransformContextPtr ctxt, const char *value)
{
	struct job *j = g_private_get(&current);
	char *path = uri_path(value);
	char *real = path ? realpath(path, NULL) : NULL;
	int ok = real && j && (inside(real, j->rc->root_real) || style_path_allowed(j, real));

	(void)sec;
	(void)ctxt;
	if (!ok) {
		if (j)
			j->refused = true;
		job_error(j, "refused to read %s outside the repository\n", value);
	}
	free(real);
	g_free(path);
	return ok;
}

static void xslt_message(void *ctx, const char *fmt, ...)
{
	struct job *j = g_private_get(&current);
	va_list ap;

	(void)ctx;
	if (!j)
		return;
	va_start(ap, fmt);
	g_string_append_vprintf(j->errors, fmt, ap);
	va_end(ap);
}

/* ---- extension functions for stylesheets (namespace urn:slm:xslt:1) ------------------------- */

static xmlDocPtr job_doc(struct job *j, const char *path)
{
	xmlDocPtr d;
	struct diag_list *scratch;

	if ((d = g_hash_table_lookup(j->docs, path)))
		return d;
	scratch = diag_list_new();
	d = load_parse(path, scratch);
	diag_list_free(scratch);
	if (d) {
		/* the transform takes the document (and frees it): libxslt's key() works only on
		 * documents it knows ("Could not get the document info of a context doc") */
		if (!j->running || !xsltNewDocument(j->running, d))
			g_ptr_array_add(j->own_docs, d);
		g_hash_table_insert(j->docs, g_strdup(path), d);
		add_dep(j->deps, path);
	}
	return d;
}

static void push_roots(xmlXPathParserContextPtr ctxt, struct job *j, const struct doc *const *docs,
		       guint n)
{
	xmlNodeSetPtr set = xmlXPathNodeSetCreate(NULL);

	for (guint i = 0; j && i < n; i++) {
		xmlDocPtr d = job_doc(j, docs[i]->path);
		if (d && xmlDocGetRootElement(d))
			xmlXPathNodeSetAdd(set, xmlDocGetRootElement(d));
	}
	valuePush(ctxt, xmlXPathWrapNodeSet(set));
}

/* slm:doc(id): the root element of the document with that id, or an empty node-set. */
static void fn_doc(xmlXPathParserContextPtr ctxt, int nargs)
{
	struct job *j = g_private_get(&current);
	xmlChar *id;
	const struct entry *e;

	if (nargs != 1) {
		xmlXPathSetArityError(ctxt);
		return;
	}
	id = xmlXPathPopString(ctxt);
	e = j && id ? index_lookup(j->rc->ix, (const char *)id, T_ANY_DOC) : NULL;
	push_roots(ctxt, j, e ? &e->doc : NULL, e ? 1 : 0);
	xmlFree(id);
}

/* slm:organization(): the root element of the organization document (people, departments,
 * customers, suppliers, calendars), or an empty node-set. */
static void fn_organization(xmlXPathParserContextPtr ctxt, int nargs)
{
	struct job *j = g_private_get(&current);
	const GPtrArray *orgs = j ? j->rc->ix->of[KIND_ORGANIZATION] : NULL;
	const struct entry *e = orgs && orgs->len ? orgs->pdata[0] : NULL;

	if (nargs != 0) {
		xmlXPathSetArityError(ctxt);
		return;
	}
	push_roots(ctxt, j, e ? &e->doc : NULL, e ? 1 : 0);
}

/* slm:referring(kind, attr, id): root elements of the documents of KIND whose root attribute
 * ATTR names ID — slm:referring('sla', 'amends', @id) are the additional SLAs of an SLA. */
static void fn_referring(xmlXPathParserContextPtr ctxt, int nargs)
{
	struct job *j = g_private_get(&current);
	xmlChar *kind, *attr, *id;
	const GPtrArray *a;

	if (nargs != 3) {
		xmlXPathSetArityError(ctxt);
		return;
	}
	id = xmlXPathPopString(ctxt);
	attr = xmlXPathPopString(ctxt);
	kind = xmlXPathPopString(ctxt);
	a = j ? model_referring(j->rc->m, kind_by_name((const char *)kind), (const char *)attr,
				(const char *)id)
	      : NULL;
	push_roots(ctxt, j, a ? (const struct doc *const *)a->pdata : NULL, a ? a->len : 0);
	xmlFree(kind);
	xmlFree(attr);
	xmlFree(id);
}

/* The element of the document D's XML (parsed for the job) that the model's node N is: the
 * model keeps every element, in document order. */
static xmlNodePtr xml_node_of(struct job *j, const struct doc *d, const struct node *n)
{
	xmlDocPtr x = job_doc(j, d->path);
	xmlNodePtr cur = x ? xmlDocGetRootElement(x) : NULL;
	ptrdiff_t k = n - d->nodes;

	while (cur && k > 0) { /* the next element in document order */
		xmlNodePtr next = NULL;
		for (xmlNodePtr c = cur->children; c && !next; c = c->next)
			if (c->type == XML_ELEMENT_NODE)
				next = c;
		for (xmlNodePtr up = cur; !next && up && up->type == XML_ELEMENT_NODE;
		     up = up->parent)
			for (xmlNodePtr c = up->next; c && !next; c = c->next)
				if (c->type == XML_ELEMENT_NODE)
					next = c;
		cur = next;
		k--;
	}
	return cur;
}

/* Copy N (of document D) under PARENT, marked with the SLA that defines it (src=) and, for an
 * additional SLA's part, the day it applies from (since=). */
static xmlNodePtr copy_part(struct job *j, xmlNodePtr parent, const struct doc *d,
			    const struct node *n)
{
	xmlNodePtr x = n ? xml_node_of(j, d, n) : NULL, copy;

	if (!x)
		return NULL;
	copy = xmlDocCopyNode(x, parent->doc, 1);
	xmlAddChild(parent, copy);
	xmlSetProp(copy, (const xmlChar *)"src", (const xmlChar *)doc_id(d));
	xmlSetProp(copy, (const xmlChar *)"since",
		   (const xmlChar *)(node_attr(d->root, "amends") && node_attr(d->root, "effective")
					 ? node_attr(d->root, "effective")
					 : ""));
	return copy;
}

/* The element slm:effective() returns for SLA V on DAY: the model's version in force then (the
 * first before the term, the last after it). */
static xmlNodePtr effective_element(struct job *j, const struct sla_view *v, int32_t day)
{
	const struct sla_version *ver = sla_version_at(v, day);
	xmlDocPtr out = xmlNewDoc((const xmlChar *)"1.0");
	xmlNodePtr root = xmlNewDocNode(out, NULL, (const xmlChar *)"effective", NULL);
	xmlNsPtr ns = xmlNewNs(root, (const xmlChar *)SLM_NS, (const xmlChar *)"s");
	const struct node *parts[4];
	const struct doc *part_docs[4];

	xmlSetNs(root, ns);
	xmlDocSetRootElement(out, root);
	if (!ver)
		ver = v->versions->pdata[day < v->start ? 0 : v->versions->len - 1];
	for (guint i = 0; i < ver->services->len; i++)
		copy_part(j, root, ver->service_docs->pdata[i], ver->services->pdata[i]);
	/* services an applied additional SLA took out, with its reason */
	for (guint i = 0; i < v->amendments->len; i++) {
		const struct doc *a = v->amendments->pdata[i];
		int32_t eff;
		if (!node_date(a->root, "effective", &eff) || eff > ver->from)
			continue;
		node_each(r, a->root, "remove")
		{
			const char *svc = node_attr(r, "service");
			xmlNodePtr x;
			bool later = false;
			if (!svc || sla_version_service(ver, svc, NULL))
				continue;
			for (guint k = i + 1; k < v->amendments->len && !later; k++) {
				const struct doc *b = v->amendments->pdata[k];
				int32_t e2;
				if (node_date(b->root, "effective", &e2) && e2 <= ver->from)
					node_each(r2, b->root, "remove") later |= node_is(r2, "service", svc);
			}
			if (later || !(x = copy_part(j, root, a, r)))
				continue;
			xmlNodeSetName(x, (const xmlChar *)"removed");
		}
		xmlSetProp(xmlNewChild(root, ns, (const xmlChar *)"applied", NULL),
			   (const xmlChar *)"ref", (const xmlChar *)doc_id(a));
	}
	parts[0] = ver->term, part_docs[0] = ver->term_doc;
	parts[1] = ver->reporting, part_docs[1] = ver->reporting_doc;
	parts[2] = ver->review, part_docs[2] = ver->review_doc;
	parts[3] = ver->charges, part_docs[3] = ver->charges_doc;
	for (int i = 0; i < 4; i++)
		copy_part(j, root, part_docs[i], parts[i]);
	for (guint i = 0; i < ver->credits->len; i++)
		copy_part(j, root, ver->credit_docs->pdata[i], ver->credits->pdata[i]);
	if (!j->running || !xsltNewDocument(j->running, out))
		g_ptr_array_add(j->own_docs, out);
	return root;
}

/* slm:effective(sla, date): the effective SLA (DESIGN §3) of base SLA SLA on DATE, as the model
 * computes it — one <s:effective> element holding copies of its <service>s (src=: the SLA that
 * defines each, since=: an additional SLA's effective date), <removed> for the <remove>s that
 * took a service out, its <term>, <reporting>, <review>, <charges> and <credit>s, and an
 * <applied ref=> per additional SLA in effect.  Empty for an unknown SLA or a date that is none. */
static void fn_effective(xmlXPathParserContextPtr ctxt, int nargs)
{
	struct job *j = g_private_get(&current);
	xmlChar *id, *date;
	xmlNodeSetPtr set = xmlXPathNodeSetCreate(NULL);
	const struct sla_view *v;
	int32_t day;

	if (nargs != 2) {
		xmlXPathFreeNodeSet(set);
		xmlXPathSetArityError(ctxt);
		return;
	}
	date = xmlXPathPopString(ctxt);
	id = xmlXPathPopString(ctxt);
	v = j && id ? model_sla(j->rc->m, (const char *)id) : NULL;
	if (v && v->versions->len && date &&
	    time_parse_date((const char *)date, &day) == TIME_OK) {
		char *key = g_strdup_printf("%s\037%s", (const char *)id, (const char *)date);
		xmlNodePtr e = g_hash_table_lookup(j->effective, key);
		if (!e) {
			e = effective_element(j, v, day);
			g_hash_table_insert(j->effective, key, e);
		} else
			g_free(key);
		xmlXPathNodeSetAdd(set, e);
	}
	valuePush(ctxt, xmlXPathWrapNodeSet(set));
	xmlFree(id);
	xmlFree(date);
}

/* Seconds as a reader of LANG says them: "3 h 10 min", "3 小时 10 分钟". */
static char *say_seconds(int64_t s, bool zh)
{
	GString *out = g_string_new(NULL);
	int64_t d = s / 86400, h = s % 86400 / 3600, m = s % 3600 / 60, sec = s % 60;

	if (!zh) {
		g_string_free(out, TRUE);
		return time_seconds_describe(s);
	}
	if (d)
		g_string_append_printf(out, "%" G_GINT64_FORMAT " 天 ", d);
	if (h)
		g_string_append_printf(out, "%" G_GINT64_FORMAT " 小时 ", h);
	if (m)
		g_string_append_printf(out, "%" G_GINT64_FORMAT " 分钟 ", m);
	if (sec || !out->len)
		g_string_append_printf(out, "%" G_GINT64_FORMAT " 秒 ", sec);
	g_string_truncate(out, out->len - 1);
	return g_string_free(out, FALSE);
}

static bool lang_zh(xmlXPathParserContextPtr ctxt, int nargs)
{
	xmlChar *lang;
	bool zh = true;

	if (nargs < 2)
		return true;
	lang = xmlXPathPopString(ctxt);
	zh = !lang || !g_str_has_prefix((const char *)lang, "en");
	xmlFree(lang);
	return zh;
}

/* slm:duration('PT4H', lang): "4 小时" / "4 h"; "P1M": "1 个月" / "1 month". */
static void fn_duration(xmlXPathParserContextPtr ctxt, int nargs)
{
	bool zh;
	xmlChar *text;
	struct time_duration d;
	char *out;

	if (nargs < 1 || nargs > 2) {
		xmlXPathSetArityError(ctxt);
		return;
	}
	zh = lang_zh(ctxt, nargs);
	text = xmlXPathPopString(ctxt);
	if (time_parse_duration((const char *)text, &d) != TIME_OK)
		out = g_strdup((const char *)text);
	else if (d.months && !d.seconds)
		out = zh ? g_strdup_printf("%" G_GINT64_FORMAT " 个月", d.months)
			 : g_strdup_printf("%" G_GINT64_FORMAT " month%s", d.months,
					   d.months == 1 ? "" : "s");
	else
		out = say_seconds(d.seconds, zh);
	valuePush(ctxt, xmlXPathNewString((const xmlChar *)out));
	g_free(out);
	xmlFree(text);
}

/* slm:seconds(n, lang): a number of seconds in words. */
static void fn_seconds(xmlXPathParserContextPtr ctxt, int nargs)
{
	bool zh;
	double n;
	char *out;

	if (nargs < 1 || nargs > 2) {
		xmlXPathSetArityError(ctxt);
		return;
	}
	zh = lang_zh(ctxt, nargs);
	n = xmlXPathPopNumber(ctxt);
	out = isnan(n) || n < 0 || n > 1e12 ? g_strdup("—") : say_seconds((int64_t)n, zh);
	valuePush(ctxt, xmlXPathNewString((const xmlChar *)out));
	g_free(out);
}

/* slm:clock(sla, service, from, to): seconds between two instants on the SLA clock of that SLA
 * service (its tier's hours, its calendar), or NaN when they cannot be known. */
static void fn_clock(xmlXPathParserContextPtr ctxt, int nargs)
{
	struct job *j = g_private_get(&current);
	xmlChar *sla, *svc, *from, *to;
	double result = NAN;

	if (nargs != 4) {
		xmlXPathSetArityError(ctxt);
		return;
	}
	to = xmlXPathPopString(ctxt);
	from = xmlXPathPopString(ctxt);
	svc = xmlXPathPopString(ctxt);
	sla = xmlXPathPopString(ctxt);
	if (j) {
		const struct model *m = j->rc->m;
		const struct sla_view *v = model_sla(m, (const char *)sla);
		const struct calendar *cal =
			v ? model_calendar(m, node_attr(v->doc->root, "calendar")) : NULL;
		int64_t t0, t1;

		if (cal && time_parse_datetime((const char *)from, &t0) == TIME_OK &&
		    time_parse_datetime((const char *)to, &t1) == TIME_OK) {
			const struct sla_version *ver =
				sla_version_at(v, time_zone_day_of(calendar_zone(cal), t0));
			const struct node *s =
				ver ? sla_version_service(ver, (const char *)svc, NULL) : NULL;
			const struct hours *h =
				s ? model_tier_hours(m, node_attr(v->doc->root, "catalog"),
						     node_attr(s, "tier"))
				  : NULL;
			/* not in a year without holiday data (calendar-uncovered) */
			if (h && calendar_covers_clock(cal, h, t0, t1, NULL))
				result = (double)clock_business_seconds(h, cal, t0, t1);
		}
	}
	valuePush(ctxt, xmlXPathNewFloat(result));
	xmlFree(sla);
	xmlFree(svc);
	xmlFree(from);
	xmlFree(to);
}

/* The calendar with this id in the job's model, or NULL. */
static const struct calendar *job_calendar(const xmlChar *id)
{
	struct job *j = g_private_get(&current);
	return j && id ? model_calendar(j->rc->m, (const char *)id) : NULL;
}

/* slm:calendar-years(id): the years calendar ID has holiday data for ("2025–2026"), "" when none
 * or no such calendar (issue 13 item 6: a PDF says which years its calendar covers). */
static void fn_calendar_years(xmlXPathParserContextPtr ctxt, int nargs)
{
	xmlChar *id;
	const struct calendar *cal;
	char *out;

	if (nargs != 1) {
		xmlXPathSetArityError(ctxt);
		return;
	}
	id = xmlXPathPopString(ctxt);
	cal = job_calendar(id);
	out = cal ? calendar_years_describe(cal) : g_strdup("");
	valuePush(ctxt, xmlXPathNewString((const xmlChar *)out));
	g_free(out);
	xmlFree(id);
}

/* The year of an xs:date, or 0 when S is none. */
static int date_year(const xmlChar *s)
{
	int32_t day;
	int y, m, d;

	if (time_parse_date((const char *)s, &day) != TIME_OK)
		return 0;
	time_civil_from_days(day, &y, &m, &d);
	return y;
}

/* slm:calendar-name(id, name, from, to): NAME, the name= of calendar ID, as a document in force
 * from FROM to TO (dates, '' when it has no term) may print it: without years it cannot claim
 * (calendar_name_for). */
static void fn_calendar_name(xmlXPathParserContextPtr ctxt, int nargs)
{
	xmlChar *id, *name, *from, *to;
	const struct calendar *cal;
	char *out;
	int fy, ty;

	if (nargs != 4) {
		xmlXPathSetArityError(ctxt);
		return;
	}
	to = xmlXPathPopString(ctxt);
	from = xmlXPathPopString(ctxt);
	name = xmlXPathPopString(ctxt);
	id = xmlXPathPopString(ctxt);
	cal = job_calendar(id);
	fy = date_year(from);
	ty = date_year(to);
	/* an open end runs beyond any year a name can claim */
	if (fy && !ty)
		ty = 9999;
	out = cal ? calendar_name_for(cal, (const char *)name, fy, ty)
		  : g_strdup(name ? (const char *)name : "");
	valuePush(ctxt, xmlXPathNewString((const xmlChar *)out));
	g_free(out);
	xmlFree(id);
	xmlFree(name);
	xmlFree(from);
	xmlFree(to);
}

/* ---- the run -------------------------------------------------------------------------------- */

/* Once per process, through pthread_once (ThreadSanitizer sees it; GLib's GOnce it cannot). */
static void process_init_once(void)
{
	char *dir;

	exsltRegisterAll();
	xsltRegisterExtModuleFunction((const xmlChar *)"doc", (const xmlChar *)SLM_XSLT_NS, fn_doc);
	xsltRegisterExtModuleFunction((const xmlChar *)"organization",
				      (const xmlChar *)SLM_XSLT_NS, fn_organization);
	xsltRegisterExtModuleFunction((const xmlChar *)"effective", (const xmlChar *)SLM_XSLT_NS,
				      fn_effective);
	xsltRegisterExtModuleFunction((const xmlChar *)"referring", (const xmlChar *)SLM_XSLT_NS,
				      fn_referring);
	xsltRegisterExtModuleFunction((const xmlChar *)"duration", (const xmlChar *)SLM_XSLT_NS,
				      fn_duration);
	xsltRegisterExtModuleFunction((const xmlChar *)"seconds", (const xmlChar *)SLM_XSLT_NS,
				      fn_seconds);
	xsltRegisterExtModuleFunction((const xmlChar *)"clock", (const xmlChar *)SLM_XSLT_NS,
				      fn_clock);
	xsltRegisterExtModuleFunction((const xmlChar *)"calendar-years",
				      (const xmlChar *)SLM_XSLT_NS, fn_calendar_years);
	xsltRegisterExtModuleFunction((const xmlChar *)"calendar-name",
				      (const xmlChar *)SLM_XSLT_NS, fn_calendar_name);
	security = xsltNewSecurityPrefs();
	xsltSetSecurityPrefs(security, XSLT_SECPREF_WRITE_FILE, xsltSecurityForbid);
	xsltSetSecurityPrefs(security, XSLT_SECPREF_CREATE_DIRECTORY, xsltSecurityForbid);
	xsltSetSecurityPrefs(security, XSLT_SECPREF_WRITE_NETWORK, xsltSecurityForbid);
	xsltSetSecurityPrefs(security, XSLT_SECPREF_READ_NETWORK, xsltSecurityForbid);
	xsltSetSecurityPrefs(security, XSLT_SECPREF_READ_FILE, check_read);
	xsltSetDefaultSecurityPrefs(security);
	xsltSetLoaderFunc(loader);
	xsltSetGenericErrorFunc(NULL, xslt_message);
	dir = g_build_filename(cli_data_dir(), "stylesheets", NULL);
	style_dir_real = realpath(dir, NULL);
	g_free(dir);
}

static void process_init(void)
{
	static pthread_once_t once = PTHREAD_ONCE_INIT;
	pthread_once(&once, process_init_once);
}

static void style_free(gpointer p)
{
	struct style *s = p;
	xsltFreeStylesheet(s->xsl);
	g_ptr_array_free(s->deps, TRUE);
	g_free(s);
}

struct render_ctx *render_ctx_new(const struct repo *r, const struct index *ix,
				  const struct model *m, const char *repo_root, gint32 as_of,
				  struct diag_list *dl)
{
	struct render_ctx *rc = g_new0(struct render_ctx, 1);

	process_init();
	rc->repo = r;
	rc->ix = ix;
	rc->m = m;
	rc->as_of = as_of;
	rc->root_real = realpath(repo_root, NULL);
	rc->styles = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, style_free);
	rc->layout_schema = schema_load_named(cli_data_dir(), "layout.xsd", dl);
	if (!rc->root_real)
		diag_add(dl, RULE_IO_ERROR, repo_root, 0, 0, "cannot read the repository: %s",
			 g_strerror(errno));
	if (!rc->layout_schema || !rc->root_real) {
		render_ctx_free(rc);
		return NULL;
	}
	return rc;
}

void render_ctx_free(struct render_ctx *rc)
{
	if (!rc)
		return;
	free(rc->root_real);
	g_hash_table_destroy(rc->styles);
	schema_free(rc->layout_schema);
	g_free(rc);
}

struct render_pool {
	const struct render_ctx *first; /* what the others are made from */
	GAsyncQueue *idle; /* struct render_ctx* not in use: all of them once every thread is done */
};

struct render_pool *render_pool_new(const struct repo *r, const struct index *ix,
				    const struct model *m, const char *repo_root, gint32 as_of,
				    struct diag_list *dl)
{
	struct render_ctx *rc = render_ctx_new(r, ix, m, repo_root, as_of, dl);
	struct render_pool *p;

	if (!rc)
		return NULL;
	p = g_new0(struct render_pool, 1);
	*p = (struct render_pool){rc, g_async_queue_new_full((GDestroyNotify)render_ctx_free)};
	g_async_queue_push(p->idle, rc);
	return p;
}

bool render_pool_file(struct render_pool *p, const char *source, const char *stylesheet,
		      const char *out, bool layout_only, GPtrArray *deps, struct diag_list *dl)
{
	const struct render_ctx *f = p->first;
	struct render_ctx *rc = g_async_queue_try_pop(p->idle);
	bool ok;

	if (!rc && !(rc = render_ctx_new(f->repo, f->ix, f->m, f->root_real, f->as_of, dl)))
		return false;
	ok = render_file(rc, source, stylesheet, out, layout_only, deps, dl);
	g_async_queue_push(p->idle, rc);
	return ok;
}

void render_pool_free(struct render_pool *p)
{
	if (!p)
		return;
	g_async_queue_unref(p->idle); /* frees the contexts, the first too */
	g_free(p);
}

char *render_stylesheet_for(enum kind k)
{
	char *name = g_strconcat(kind_name(k), ".xsl", NULL);
	char *path = g_build_filename(cli_data_dir(), "stylesheets", name, NULL);

	g_free(name);
	if (k < KIND_COUNT && g_file_test(path, G_FILE_TEST_IS_REGULAR))
		return path;
	g_free(path);
	return NULL;
}

char *render_find_repository(const char *source)
{
	char *dir = g_path_get_dirname(source), *at = g_get_current_dir();
	/* the folders above the document as named, not as resolved: a folder of the repository
	 * that is a link to elsewhere must not make elsewhere the repository */
	char *named = g_canonicalize_filename(dir, at);
	char *abs = realpath(dir, NULL), *cwd = realpath(".", NULL), *found = NULL;

	g_free(at);
	for (char *p = named; p;) {
		char *conf = g_build_filename(p, ".slm-config.xml", NULL);
		bool here = g_file_test(conf, G_FILE_TEST_EXISTS);
		char *up = g_path_get_dirname(p);

		g_free(conf);
		if (here) {
			char *real = realpath(p, NULL);
			found = g_strdup(real ? real : p);
			free(real);
			g_free(p);
			g_free(up);
			break;
		}
		if (strcmp(up, p) == 0) {
			g_free(up);
			g_free(p);
			break;
		}
		g_free(p);
		p = up;
	}
	if (!found)
		found = g_strdup(abs && cwd && inside(abs, cwd) ? cwd : abs ? abs : dir);
	free(abs);
	free(cwd);
	g_free(dir);
	return found;
}

static struct style *get_style(struct render_ctx *rc, struct job *j, const char *path)
{
	struct style *s = g_hash_table_lookup(rc->styles, path);
	GPtrArray *saved = j->deps;
	xmlDocPtr doc;

	if (s)
		return s;
	s = g_new0(struct style, 1);
	s->deps = g_ptr_array_new_with_free_func(g_free);
	j->deps = s->deps; /* the loader records imports and includes here */
	{
		struct diag_list *scratch = diag_list_new();
		doc = load_parse(path, scratch);
		if (!doc && scratch->items->len) {
			struct diag *d = scratch->items->pdata[0];
			job_error(j, "%s:%ld: %s\n", path, d->loc.line, d->message);
		}
		diag_list_free(scratch);
	}
	if (doc) {
		char *real = realpath(path, NULL);
		add_dep(s->deps, real ? real : path);
		free(real);
		s->xsl = xsltParseStylesheetDoc(doc);
		if (!s->xsl)
			xmlFreeDoc(doc);
	}
	j->deps = saved;
	if (!s->xsl) {
		g_ptr_array_free(s->deps, TRUE);
		g_free(s);
		return NULL;
	}
	g_hash_table_insert(rc->styles, g_strdup(path), s);
	return s;
}

static void report_errors(struct job *j, struct diag_list *dl, const char *what)
{
	GString *e = j->errors;

	/* libxslt says only that an XPath expression failed; libxml2 says why (an unknown
	 * function, a type error, slm's limit on XPath work: "Operation limit exceeded") */
	if (strstr(e->str, "XPath evaluation returned no result") && j->xpath_error) {
		while (e->len && g_ascii_isspace(e->str[e->len - 1]))
			g_string_truncate(e, e->len - 1);
		g_string_append_printf(e, " (XPath: %s)", j->xpath_error);
	}
	if (e->len > 1200) {
		g_string_truncate(e, 1200);
		g_string_append(e, " …");
	}

	while (e->len && (e->str[e->len - 1] == '\n' || e->str[e->len - 1] == ' '))
		g_string_truncate(e, e->len - 1);
	for (char *p = e->str; (p = strchr(p, '\n'));)
		*p = ' ';
	diag_add(dl, RULE_RENDER, j->source, 0, 0, "%s%s%s", what, e->len ? ": " : "",
		 e->str);
}

/* ---- bounds on a running stylesheet --------------------------------------------------------- */

/* Memory: past cli.c's soft bound the engine is stopped at its next instruction. */
static void over_memory(void *arg)
{
	struct job *j = arg;
	j->over_memory = true;
	j->running->state = XSLT_STATE_STOPPED;
}

/* Time: a watchdog thread stops a transform that has run RENDER_TIMEOUT seconds (or
 * $SLM_RENDER_TIMEOUT); one stuck inside a single XPath evaluation (a node-set compared with
 * itself, quadratic in libxml2 with no step to count) cannot be stopped, so RENDER_GRACE seconds
 * later the watchdog ends the process, with a diagnostic and no partial output. */
#define RENDER_TIMEOUT 60
#define RENDER_GRACE   10
static pthread_mutex_t watch_lock = PTHREAD_MUTEX_INITIALIZER;
static GPtrArray *watched; /* struct job*, running */
static unsigned watch_limit;

static gpointer watchdog(gpointer unused)
{
	(void)unused;
	for (;;) {
		g_usleep(G_USEC_PER_SEC / 4);
		pthread_mutex_lock(&watch_lock);
		for (guint i = 0; i < watched->len; i++) {
			struct job *j = watched->pdata[i];
			gint64 ran = (g_get_monotonic_time() - j->started) / G_USEC_PER_SEC;
			if (ran >= watch_limit && !g_atomic_int_get(&j->over_time)) {
				g_atomic_int_set(&j->over_time, 1);
				j->running->state = XSLT_STATE_STOPPED;
			}
			if (ran >= watch_limit + RENDER_GRACE) {
				fprintf(stderr,
					"%s: error: its stylesheet ran for more than %u s, slm's limit for "
					"one document, and could not be stopped; slm ended [render]\n",
					j->source, watch_limit);
				output_exit_now(EXIT_FAILURE);
			}
		}
		pthread_mutex_unlock(&watch_lock);
	}
	return NULL;
}

static void start_watchdog(void)
{
	const char *env = g_getenv("SLM_RENDER_TIMEOUT");
	int n = env ? atoi(env) : 0;

	watch_limit = n > 0 ? (unsigned)n : RENDER_TIMEOUT;
	watched = g_ptr_array_new();
	g_thread_unref(g_thread_new("slm-watchdog", watchdog, NULL));
}

static void watch(struct job *j, xsltTransformContextPtr t)
{
	static pthread_once_t once = PTHREAD_ONCE_INIT;

	pthread_once(&once, start_watchdog);
	j->running = t;
	j->started = g_get_monotonic_time();
	pthread_mutex_lock(&watch_lock);
	g_ptr_array_add(watched, j);
	pthread_mutex_unlock(&watch_lock);
	cli_xml_memory_watch(over_memory, j);
}

static void unwatch(struct job *j)
{
	cli_xml_memory_watch(NULL, NULL);
	pthread_mutex_lock(&watch_lock);
	g_ptr_array_remove_fast(watched, j);
	pthread_mutex_unlock(&watch_lock);
	j->running = NULL;
}

/* What libxml2's last XPath error E says, in words, with the expression; NULL for none. */
static char *xpath_error(const xmlError *e)
{
	static const struct {
		xmlXPathError code;
		const char *text;
	} texts[] = {
		{XPATH_UNKNOWN_FUNC_ERROR, "a function XSLT 1.0, EXSLT and slm do not have"},
		{XPATH_UNDEF_VARIABLE_ERROR, "an undefined variable"},
		{XPATH_INVALID_TYPE, "a value of the wrong type"},
		{XPATH_INVALID_ARITY, "a function called with the wrong number of arguments"},
		{XPATH_MEMORY_ERROR, "out of memory"},
		{XPATH_OP_LIMIT_EXCEEDED, "slm's limit on XPath work reached"},
		{XPATH_RECURSION_LIMIT_EXCEEDED, "nested too deep"},
	};
	int code = e->code - XML_XPATH_EXPRESSION_OK + XPATH_EXPRESSION_OK;

	if (e->domain != XML_FROM_XPATH || e->code == 0)
		return NULL;
	for (size_t i = 0; i < G_N_ELEMENTS(texts); i++)
		if ((int)texts[i].code == code)
			return e->str1 ? g_strdup_printf("%s, in %.120s", texts[i].text, e->str1)
				       : g_strdup(texts[i].text);
	return e->str1 ? g_strdup_printf("error %d, in %.120s", code, e->str1)
		       : g_strdup_printf("error %d", code);
}

/* Bounds on a stylesheet's work, as libxslt's own fuzzer sets them (DESIGN §8). */
#define RENDER_MAX_TEMPLATE_DEPTH 1000
#define RENDER_MAX_TEMPLATE_VARS  20000
#define RENDER_XPATH_OP_LIMIT     100000000ul

/* Which of slm's bounds stopped the failed transform T, in words, or NULL when none did.  libxslt
 * keeps no record of a template-depth or variable stop but its message (with advice that names
 * xsltproc's options, which slm does not have): the message is what tells them apart. */
static char *which_limit(struct job *j, xsltTransformContextPtr t)
{
	const char *e = j->errors->str;
	int xpath = t->xpathCtxt ? t->xpathCtxt->lastError.code : 0;

	if (g_atomic_int_get(&j->over_time))
		return g_strdup_printf("it ran for more than %u s, slm's limit for one document",
				       watch_limit);
	if (j->over_memory)
		return g_strdup_printf("it needed more than slm's limit of %u MiB of memory",
				       CLI_XML_MEMORY_SOFT >> 20);
	if (xpath == XML_XPATH_EXPRESSION_OK + XPATH_OP_LIMIT_EXCEEDED)
		return g_strdup_printf("over the XPath operation limit of %lu",
				       RENDER_XPATH_OP_LIMIT);
	if (xpath == XML_XPATH_EXPRESSION_OK + XPATH_RECURSION_LIMIT_EXCEEDED)
		return g_strdup("over libxml2's limit on nested XPath evaluation");
	if (strstr(e, "xsltMaxDepth") || strstr(e, "maxTemplateDepth"))
		return g_strdup_printf("over the limit of %d nested template calls",
				       RENDER_MAX_TEMPLATE_DEPTH);
	if (strstr(e, "maxTemplateVars"))
		return g_strdup_printf("over the limit of %d variables and parameters in scope",
				       RENDER_MAX_TEMPLATE_VARS);
	return NULL;
}

/* "SOURCE: stylesheet stopped: LIMIT (STYLE.xsl line N)": the stylesheet file and line libxslt
 * reported the stop at (an imported module's, perhaps), else the stylesheet STYLE; libxslt's own
 * text (its advice, a dump of the template and variable stacks) is left out. */
static void report_stop(struct job *j, const char *style, struct diag_list *dl)
{
	const char *at = strstr(j->errors->str, "runtime error: file "), *line = NULL;
	char *file = NULL, *where;

	if (at && (line = strstr(at += strlen("runtime error: file "), " line ")) &&
	    g_ascii_isdigit(line[6])) {
		char *path = g_strndup(at, (gsize)(line - at));
		file = g_path_get_basename(path);
		g_free(path);
		where = g_strdup_printf("%s line %ld", file, strtol(line + 6, NULL, 10));
	} else {
		where = g_path_get_basename(style);
	}
	diag_add(dl, RULE_RENDER, j->source, 0, 0, "stylesheet stopped: %s (%s)", j->limit, where);
	g_free(file);
	g_free(where);
}

static xmlDocPtr transform(struct job *j, struct style *s, xmlDocPtr src)
{
	char *as_of = time_date_format(j->rc->as_of);
	char *as_of_q = g_strdup_printf("'%s'", as_of);
	const char *params[] = {"as-of", as_of_q, "slm-version", "'" SLM_VERSION "'", NULL};
	xsltTransformContextPtr t = xsltNewTransformContext(s->xsl, src);
	xmlDocPtr res = NULL;

	if (t) {
		t->_private = j;
		xsltSetCtxtSecurityPrefs(security, t);
		xsltSetCtxtParseOptions(t, XML_PARSE_NONET | XML_PARSE_BIG_LINES);
		xsltSetTransformErrorFunc(t, NULL, xslt_message);
		t->maxTemplateDepth = RENDER_MAX_TEMPLATE_DEPTH;
		t->maxTemplateVars = RENDER_MAX_TEMPLATE_VARS;
		if (t->xpathCtxt)
			t->xpathCtxt->opLimit = RENDER_XPATH_OP_LIMIT;
		cli_xml_memory_exhausted();
		watch(j, t);
		res = xsltApplyStylesheetUser(s->xsl, src, params, NULL, NULL, t);
		unwatch(j);
		if (t->xpathCtxt)
			j->xpath_error = xpath_error(&t->xpathCtxt->lastError);
		if (cli_xml_memory_exhausted())
			j->over_memory = true;
		if (!res || t->state != XSLT_STATE_OK || j->over_memory || g_atomic_int_get(&j->over_time)) {
			j->limit = which_limit(j, t);
			if (res)
				xmlFreeDoc(res);
			res = NULL;
		}
		xsltFreeTransformContext(t);
	}
	g_free(as_of);
	g_free(as_of_q);
	return res;
}

static bool valid_layout(struct job *j, xmlDocPtr layout, const char *style, struct diag_list *dl)
{
	struct diag_list *tmp = diag_list_new();
	bool ok = schema_validate(j->rc->layout_schema, layout, j->source, tmp);

	for (guint i = 0; i < tmp->items->len && i < 5; i++) {
		struct diag *d = tmp->items->pdata[i];
		diag_add(dl, RULE_RENDER, j->source, 0, 0,
			 "the layout made by %s is not valid (line %ld of the layout): %s", style,
			 d->loc.line, d->message);
	}
	diag_list_free(tmp);
	return ok;
}

static xmlDocPtr layout_of(struct job *j, const char *stylesheet, struct diag_list *dl)
{
	struct diag_list *tmp = diag_list_new();
	xmlDocPtr src = load_parse(j->source, tmp), res = NULL;
	/* with an explicit stylesheet any XML is a source (slm's own diagnostics, for one) */
	enum kind k = src && !stylesheet ? load_kind(src, j->source, tmp) : KIND_UNKNOWN;
	char *path = stylesheet ? g_strdup(stylesheet) : k != KIND_UNKNOWN ? render_stylesheet_for(k)
									 : NULL;
	struct style *s;

	diag_list_take(dl, tmp);
	diag_list_free(tmp);
	if (src && k != KIND_UNKNOWN && !path)
		diag_add(dl, RULE_RENDER, j->source, 0, 0,
			 "slm has no stylesheet for %s documents (<%s>); pass --stylesheet",
			 kind_label(k), kind_name(k));
	if (!src || !path || (!stylesheet && k == KIND_UNKNOWN))
		goto out;
	add_dep(j->deps, j->source);
	if (stylesheet) {
		char *dir = g_path_get_dirname(stylesheet);
		char *real = realpath(dir, NULL);
		if (real)
			g_ptr_array_add(j->style_dirs, real);
		g_free(dir);
	}
	if (!(s = get_style(j->rc, j, path))) {
		report_errors(j, dl, "the stylesheet cannot be used");
		goto out;
	}
	for (guint i = 0; i < s->deps->len; i++)
		add_dep(j->deps, s->deps->pdata[i]);
	if (!(res = transform(j, s, src)) || j->refused) {
		if (j->limit && !j->refused)
			report_stop(j, path, dl);
		else
			report_errors(j, dl, j->refused && res ? "the stylesheet read what it may not"
							       : "the stylesheet failed");
		if (res)
			xmlFreeDoc(res);
		res = NULL;
		goto out;
	}
	if (!valid_layout(j, res, path, dl)) {
		xmlFreeDoc(res);
		res = NULL;
	}
out:
	g_free(path);
	if (src)
		xmlFreeDoc(src);
	return res;
}

static void job_init(struct job *j, struct render_ctx *rc, const char *source, GPtrArray *deps)
{
	memset(j, 0, sizeof *j);
	j->rc = rc;
	j->source = source;
	j->docs = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
	j->own_docs = g_ptr_array_new_with_free_func((GDestroyNotify)xmlFreeDoc);
	j->effective = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
	j->deps = deps;
	j->errors = g_string_new(NULL);
	j->style_dirs = g_ptr_array_new_with_free_func(free);
	g_private_set(&current, j);
}

static void job_fini(struct job *j)
{
	g_private_set(&current, NULL);
	g_free(j->xpath_error);
	g_free(j->limit);
	g_hash_table_destroy(j->docs);
	g_hash_table_destroy(j->effective);
	g_ptr_array_free(j->own_docs, TRUE);
	g_string_free(j->errors, TRUE);
	g_ptr_array_free(j->style_dirs, TRUE);
}

xmlDocPtr render_layout(struct render_ctx *rc, const char *source, const char *stylesheet,
			struct diag_list *dl)
{
	struct job j;
	xmlDocPtr res;

	job_init(&j, rc, source, NULL);
	res = layout_of(&j, stylesheet, dl);
	job_fini(&j);
	return res;
}

static void schema_deps(GPtrArray *deps)
{
	const char *names[] = {"slm.xsd", "layout.xsd"};
	for (size_t i = 0; deps && i < G_N_ELEMENTS(names); i++) {
		char *p = g_build_filename(cli_data_dir(), "schemas", names[i], NULL);
		char *real = realpath(p, NULL);
		add_dep(deps, real ? real : p);
		free(real);
		g_free(p);
	}
}

bool render_file(struct render_ctx *rc, const char *source, const char *stylesheet,
		 const char *out, bool layout_only, GPtrArray *deps, struct diag_list *dl)
{
	struct job j;
	xmlDocPtr layout;
	struct output o;
	bool ok = false, opened;

	job_init(&j, rc, source, deps);
	layout = layout_of(&j, stylesheet, dl);
	output_quiet(true); /* why it cannot be written becomes this document's diagnostic */
	opened = layout && output_open(&o, out);
	output_quiet(false);
	if (opened) {
		if (layout_only) {
			ok = xmlDocFormatDump(o.fp, layout, 1) >= 0;
		} else {
			char *dir = g_path_get_dirname(source);
			struct pdf_opts opts = {NULL, rc->root_real, dir, out};
			char *epoch_date = NULL;
			const char *epoch = g_getenv("SOURCE_DATE_EPOCH");
			if (epoch && *epoch) {
				gint64 secs = g_ascii_strtoll(epoch, NULL, 10);
				GDateTime *t = g_date_time_new_from_unix_utc(secs);
				if (t) {
					epoch_date = g_date_time_format(t, "%Y-%m-%dT%H:%M:%SZ");
					g_date_time_unref(t);
				}
			}
			opts.creation_date = epoch_date;
			ok = pdf_render(layout, o.fp, &opts, source, dl);
			g_free(epoch_date);
			g_free(dir);
		}
		if (ok) {
			output_quiet(true);
			ok = output_commit(&o);
			output_quiet(false);
			if (!ok)
				diag_add(dl, RULE_IO_ERROR, out, 0, 0, "cannot write: %s",
					 output_error());
		} else {
			/* a failed PDF write was reported by pdf_render, with its cause */
			if (layout_only && ferror(o.fp))
				diag_add(dl, RULE_IO_ERROR, out, 0, 0, "cannot write: %s",
					 g_strerror(errno ? errno : EIO));
			output_abort(&o);
		}
	} else if (layout) {
		diag_add(dl, RULE_IO_ERROR, out, 0, 0, "cannot write: %s", output_error());
	}
	if (layout) {
		schema_deps(deps);
		xmlFreeDoc(layout);
	}
	job_fini(&j);
	return ok;
}
