/* slm diff OLD NEW: what changed between two versions of an agreement, in its own terms —
 * services, tiers, targets, hours, terms, prices, signatures added, removed or changed — as
 * text or as Markdown for a merge request; `--textconv FILE` prints one document as such facts,
 * for git's diff driver (docs/diff.md).  When NEW is an additional SLA of OLD (amends=), NEW is
 * first applied to OLD, so the diff shows what the amendment changes in the effective SLA.
 *
 * Each document is flattened to facts "where › what = value": WHERE names the element by its
 * identifying attribute (service SVC-DB › response P1), WHAT is an attribute or the text; the
 * hours windows of an element are one fact.  Facts are compared by key; the output follows the
 * order of OLD, then NEW. */
#include "cli.h"
#include "doc.h"
#include "load.h"

#include <libxml/tree.h>
#include <stdio.h>
#include <string.h>

static const char usage_text[] =
	"usage: slm diff [--markdown] OLD NEW\n"
	"       slm diff --textconv FILE\n\n"
	"Compare two versions of an agreement semantically: services, tiers, targets, hours,\n"
	"terms, prices and signatures added, removed or changed.  When NEW amends OLD (an\n"
	"additional SLA), the diff shows the effective SLA after NEW against OLD.\n\n"
	"  --markdown       a Markdown table, for a merge request comment\n"
	"  --textconv FILE  print FILE as facts, one a line (git's diff.slm.textconv)\n"
	"  -h, --help       this help\n\n"
	"Exit status: 0 no change, 1 changes, 2 trouble (as diff(1)).\n";

struct facts {
	GHashTable *map;    /* key → value */
	GPtrArray *keys;    /* in document order */
	const char *root;   /* what the root's own facts are called: "SLA", "OLA"... */
};

static const char *const identity[] = {"ref",	"id",	  "priority", "level", "kind", "party",
				       "number", "service", "date",   "from",  NULL};

static const char *ident_attr(xmlNodePtr n)
{
	if (strcmp((const char *)n->name, "supports") == 0)
		return "sla";
	for (int i = 0; identity[i]; i++)
		if (xmlHasProp(n, (const xmlChar *)identity[i]))
			return identity[i];
	if (xmlHasProp(n, (const xmlChar *)"person") &&
	    strcmp((const char *)n->name, "signature") == 0)
		return "person";
	return NULL;
}

static void put(struct facts *f, const char *where, const char *what, const char *value)
{
	char *key = g_strdup_printf("%s\037%s", *where ? where : f->root, what);

	if (g_hash_table_contains(f->map, key)) {
		g_free(key);
		return;
	}
	g_hash_table_insert(f->map, key, g_strdup(value));
	g_ptr_array_add(f->keys, key);
}

static char *label(xmlNodePtr n, const char *parent)
{
	const char *id = ident_attr(n);
	xmlChar *v = id ? xmlGetProp(n, (const xmlChar *)id) : NULL;
	char *seg, *out;

	if (id && strcmp(id, "sla") == 0) {
		xmlChar *svc = xmlGetProp(n, (const xmlChar *)"service");
		seg = g_strdup_printf("%s %s/%s", n->name, v, svc ? (const char *)svc : "");
		xmlFree(svc);
	} else
		seg = v ? g_strdup_printf("%s %s", n->name, v) : g_strdup((const char *)n->name);
	out = *parent ? g_strdup_printf("%s › %s", parent, seg) : g_strdup(seg);
	xmlFree(v);
	g_free(seg);
	return out;
}

static void hours_fact(struct facts *f, xmlNodePtr parent, const char *where)
{
	GString *s = g_string_new(NULL);

	for (xmlNodePtr h = parent->children; h; h = h->next) {
		xmlChar *d, *from, *to, *wd;
		if (h->type != XML_ELEMENT_NODE || strcmp((const char *)h->name, "hours") != 0)
			continue;
		d = xmlGetProp(h, (const xmlChar *)"days");
		from = xmlGetProp(h, (const xmlChar *)"from");
		to = xmlGetProp(h, (const xmlChar *)"to");
		wd = xmlGetProp(h, (const xmlChar *)"workdays");
		g_string_append_printf(s, "%s%s %s–%s%s", s->len ? ", " : "", d, from, to,
				       wd ? " (working days)" : "");
		xmlFree(d);
		xmlFree(from);
		xmlFree(to);
		xmlFree(wd);
	}
	if (s->len)
		put(f, where, "hours", s->str);
	g_string_free(s, TRUE);
}

static void flatten(struct facts *f, xmlNodePtr n, const char *where)
{
	const char *id = ident_attr(n);
	bool any = false;
	xmlChar *text;

	for (xmlAttrPtr a = n->properties; a; a = a->next) {
		xmlChar *v;
		if (id && (strcmp((const char *)a->name, id) == 0 ||
			   (strcmp(id, "sla") == 0 && strcmp((const char *)a->name, "service") == 0)) &&
		    n->parent && n->parent->type == XML_ELEMENT_NODE)
			continue;
		v = xmlNodeListGetString(n->doc, a->children, 1);
		put(f, where, (const char *)a->name, v ? (const char *)v : "");
		xmlFree(v);
		any = true;
	}
	text = NULL;
	for (xmlNodePtr c = n->children; c; c = c->next)
		if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
			char *t = g_strstrip(g_strdup((const char *)c->content));
			if (*t) {
				put(f, where, "text", t);
				any = true;
			}
			g_free(t);
		}
	xmlFree(text);
	hours_fact(f, n, where);
	for (xmlNodePtr c = n->children; c; c = c->next) {
		char *w;
		if (c->type != XML_ELEMENT_NODE || strcmp((const char *)c->name, "hours") == 0)
			continue;
		w = label(c, where);
		flatten(f, c, w);
		g_free(w);
		any = true;
	}
	if (!any)
		put(f, where, "present", "yes");
}

static struct facts *facts_of(xmlDocPtr doc)
{
	struct facts *f = g_new0(struct facts, 1);
	xmlNodePtr root = xmlDocGetRootElement(doc);

	f->map = g_hash_table_new_full(g_str_hash, g_str_equal, NULL, g_free);
	f->keys = g_ptr_array_new_with_free_func(g_free);
	f->root = kind_label(kind_by_name((const char *)root->name));
	flatten(f, root, "");
	return f;
}

static void facts_free(struct facts *f)
{
	g_hash_table_destroy(f->map);
	g_ptr_array_free(f->keys, TRUE);
	g_free(f);
}

/* ---- applying an additional SLA (DESIGN §3: the effective SLA) ---- */

static xmlNodePtr child_with(xmlNodePtr parent, const char *name, const char *attr,
			     const xmlChar *value)
{
	for (xmlNodePtr c = parent->children; c; c = c->next) {
		xmlChar *v;
		bool hit;
		if (c->type != XML_ELEMENT_NODE || strcmp((const char *)c->name, name) != 0)
			continue;
		if (!attr)
			return c;
		v = xmlGetProp(c, (const xmlChar *)attr);
		hit = v && value && xmlStrEqual(v, value);
		xmlFree(v);
		if (hit)
			return c;
	}
	return NULL;
}

static void replace_or_add(xmlNodePtr base, xmlNodePtr part, xmlNodePtr old)
{
	xmlNodePtr copy = xmlDocCopyNode(part, base->doc, 1);
	if (old) {
		xmlReplaceNode(old, copy);
		xmlFreeNode(old);
	} else
		xmlAddChild(base, copy);
}

static xmlDocPtr apply_amendment(xmlDocPtr old, xmlDocPtr amend)
{
	xmlDocPtr eff = xmlCopyDoc(old, 1);
	xmlNodePtr base = xmlDocGetRootElement(eff);
	static const char *const whole[] = {"term", "reporting", "review", "charges", NULL};

	for (xmlNodePtr c = xmlDocGetRootElement(amend)->children; c; c = c->next) {
		const char *name = (const char *)c->name;
		xmlChar *key;
		if (c->type != XML_ELEMENT_NODE)
			continue;
		if (strcmp(name, "service") == 0) {
			key = xmlGetProp(c, (const xmlChar *)"ref");
			replace_or_add(base, c, child_with(base, "service", "ref", key));
			xmlFree(key);
		} else if (strcmp(name, "remove") == 0) {
			xmlNodePtr gone;
			key = xmlGetProp(c, (const xmlChar *)"service");
			if ((gone = child_with(base, "service", "ref", key))) {
				xmlUnlinkNode(gone);
				xmlFreeNode(gone);
			}
			xmlFree(key);
		} else if (strcmp(name, "credit") == 0) {
			key = xmlGetProp(c, (const xmlChar *)"service");
			replace_or_add(base, c, child_with(base, "credit", "service", key));
			xmlFree(key);
		} else {
			for (int i = 0; whole[i]; i++)
				if (strcmp(name, whole[i]) == 0)
					replace_or_add(base, c, child_with(base, name, NULL, NULL));
		}
	}
	return eff;
}

/* ---- output ---- */

static void split(const char *key, char **where, char **what)
{
	const char *sep = strchr(key, '\037');
	*where = g_strndup(key, (gsize)(sep - key));
	*what = g_strdup(sep + 1);
}

static void md_cell(GString *s, const char *v)
{
	g_string_append(s, " ");
	for (const char *p = v ? v : ""; *p; p++) {
		if (*p == '|')
			g_string_append(s, "\\|");
		else if (*p == '\n')
			g_string_append(s, " ");
		else
			g_string_append_c(s, *p);
	}
	g_string_append(s, " |");
}

static void change(GString *out, bool md, const char *sign, const char *key, const char *before,
		   const char *after)
{
	char *where, *what;

	split(key, &where, &what);
	if (md) {
		g_string_append(out, "|");
		md_cell(out, *sign == '+' ? "added" : *sign == '-' ? "removed" : "changed");
		md_cell(out, where);
		md_cell(out, what);
		md_cell(out, before);
		md_cell(out, after);
		g_string_append(out, "\n");
	} else if (*sign == '~')
		g_string_append_printf(out, "~ %s: %s %s → %s\n", where, what, before, after);
	else
		g_string_append_printf(out, "%s %s: %s %s\n", sign, where, what,
				       *sign == '+' ? after : before);
	g_free(where);
	g_free(what);
}

static int compare(struct facts *a, struct facts *b, bool md, const char *title)
{
	GString *out = g_string_new(NULL);
	int n = 0;

	for (guint i = 0; i < a->keys->len; i++) {
		const char *k = a->keys->pdata[i];
		const char *va = g_hash_table_lookup(a->map, k), *vb = g_hash_table_lookup(b->map, k);
		if (!vb) {
			change(out, md, "-", k, va, "");
			n++;
		} else if (strcmp(va, vb) != 0) {
			change(out, md, "~", k, va, vb);
			n++;
		}
	}
	for (guint i = 0; i < b->keys->len; i++) {
		const char *k = b->keys->pdata[i];
		if (!g_hash_table_contains(a->map, k)) {
			change(out, md, "+", k, "", g_hash_table_lookup(b->map, k));
			n++;
		}
	}
	if (md) {
		printf("### %s\n\n", title);
		if (n)
			printf("| change | where | what | before | after |\n|---|---|---|---|---|\n%s\n"
			       "%d change%s.\n",
			       out->str, n, n == 1 ? "" : "s");
		else
			printf("No change.\n");
	} else
		printf("%s\n%s%d change%s\n", title, out->str, n, n == 1 ? "" : "s");
	g_string_free(out, TRUE);
	return n ? 1 : 0;
}

static xmlDocPtr load(const char *path)
{
	struct diag_list *dl = diag_list_new();
	xmlDocPtr d = load_parse(path, dl);

	if (d && load_kind(d, path, dl) == KIND_UNKNOWN) {
		xmlFreeDoc(d);
		d = NULL;
	}
	for (guint i = 0; !d && i < dl->items->len; i++) {
		const struct diag *x = dl->items->pdata[i];
		if (x->loc.line > 0)
			fprintf(stderr, "%s:%ld: %s\n", x->loc.file, x->loc.line, x->message);
		else
			fprintf(stderr, "%s: %s\n", x->loc.file, x->message);
	}
	diag_list_free(dl);
	return d;
}

static int textconv(const char *path)
{
	xmlDocPtr d = load(path);
	struct facts *f;

	if (!d)
		return EXIT_USAGE;
	f = facts_of(d);
	for (guint i = 0; i < f->keys->len; i++) {
		char *where, *what;
		split(f->keys->pdata[i], &where, &what);
		printf("%s › %s = %s\n", where, what,
		       (const char *)g_hash_table_lookup(f->map, f->keys->pdata[i]));
		g_free(where);
		g_free(what);
	}
	facts_free(f);
	xmlFreeDoc(d);
	return 0;
}

int cmd_diff(int argc, char **argv)
{
	bool md = false;
	const char *files[2] = {NULL, NULL};
	int nfiles = 0, rc;
	xmlDocPtr a, b, eff = NULL;
	xmlChar *amends, *id, *effective;
	struct facts *fa, *fb;
	char *title;

	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
			fputs(usage_text, stdout);
			return 0;
		} else if (strcmp(argv[i], "--markdown") == 0)
			md = true;
		else if (strcmp(argv[i], "--textconv") == 0)
			return i + 1 < argc ? textconv(argv[i + 1])
					    : cli_usage_error("diff", "--textconv needs a file");
		else if (argv[i][0] == '-' && argv[i][1])
			return cli_usage_error("diff", "unknown option '%s'", argv[i]);
		else if (nfiles < 2)
			files[nfiles++] = argv[i];
		else
			return cli_usage_error("diff", "compare two files");
	}
	if (nfiles != 2)
		return cli_usage_error("diff", "compare two files");
	if (!(a = load(files[0])) || !(b = load(files[1]))) {
		if (a)
			xmlFreeDoc(a);
		return EXIT_USAGE;
	}
	if (!xmlStrEqual(xmlDocGetRootElement(a)->name, xmlDocGetRootElement(b)->name)) {
		const char *ka = kind_label(kind_by_name((const char *)xmlDocGetRootElement(a)->name));
		const char *kb = kind_label(kind_by_name((const char *)xmlDocGetRootElement(b)->name));
		fprintf(stderr,
			"slm diff: %s is %s %s and %s %s %s: diff compares two versions of one "
			"agreement\n",
			files[0], a_or_an(ka), ka, files[1], a_or_an(kb), kb);
		xmlFreeDoc(a);
		xmlFreeDoc(b);
		return EXIT_USAGE;
	}
	amends = xmlGetProp(xmlDocGetRootElement(b), (const xmlChar *)"amends");
	id = xmlGetProp(xmlDocGetRootElement(a), (const xmlChar *)"id");
	effective = xmlGetProp(xmlDocGetRootElement(b), (const xmlChar *)"effective");
	if (amends && id && xmlStrEqual(amends, id)) {
		xmlChar *bid = xmlGetProp(xmlDocGetRootElement(b), (const xmlChar *)"id");
		eff = apply_amendment(a, b);
		title = g_strdup_printf("%s → %s applied (additional SLA, effective %s)", files[0],
					bid, effective ? (const char *)effective : "?");
		xmlFree(bid);
	} else
		title = g_strdup_printf("%s → %s", files[0], files[1]);
	fa = facts_of(a);
	fb = facts_of(eff ? eff : b);
	rc = compare(fa, fb, md, title);
	facts_free(fa);
	facts_free(fb);
	g_free(title);
	xmlFree(amends);
	xmlFree(id);
	xmlFree(effective);
	if (eff)
		xmlFreeDoc(eff);
	xmlFreeDoc(a);
	xmlFreeDoc(b);
	return rc;
}
