/* slm diff OLD NEW: what changed between two versions of an agreement, in its own terms —
 * services, tiers, targets, hours, terms, prices, signatures added, removed or changed — as
 * text or as Markdown for a merge request; `--textconv FILE` prints one document as such facts,
 * for git's diff driver (docs/diff.md).  When NEW is an additional SLA of OLD (amends=), NEW is
 * first applied to OLD, so the diff shows what the amendment changes in the effective SLA.
 *
 * Each document is flattened to facts "where › what = value": WHERE names the element by its
 * identifying attribute (service SVC-DB › response P1), WHAT is an attribute or the text; the
 * hours windows of an element are one fact.  Facts are compared by key; the output follows the
 * order of OLD, then NEW.  Every value is printed on its line, escaped (put_escaped), and a
 * document whose facts would print more than DIFF_MAX_TEXT is refused: time and memory grow with
 * the documents' size, never its square. */
#include "cli.h"
#include "doc.h"
#include "load.h"
#include "model.h"

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

/* Where a fact is: an element named by what identifies it ("service SVC-DB"), under its parent's
 * place.  Places are interned in a table both documents share, so the same path in OLD and NEW is
 * one place and a fact's key is a place's number and an attribute's name, whatever the depth.
 * Keys spelled out as whole paths cost, for every fact, the names of all its ancestors: quadratic
 * in a document that nests many elements under long identifiers (two such 4 MB documents took
 * more than 8 GiB). */
struct place {
	const struct place *parent; /* NULL at the top */
	char *seg;
	guint id;
	gsize shown; /* bytes of the path as printed, unescaped */
};

struct places {
	GHashTable *table; /* struct place → itself, by parent and segment */
	GPtrArray *all;    /* owns them, by id */
};

/* What one document prints at most, as facts: twice the largest document slm reads.  A real
 * agreement prints about 1.1 times its size; more is a document that repeats long names on
 * every line, which would take that much memory in git (textconv) or on a terminal. */
#define DIFF_MAX_TEXT (2 * (gsize)LOAD_MAX_BYTES)

struct facts {
	GHashTable *map;          /* key → value */
	GPtrArray *keys;          /* in document order */
	GHashTable *where;        /* key → const struct place * */
	struct places *places;    /* shared with the other document */
	const struct place *root; /* the root element's own facts: "SLA", "OLA"... */
	gsize text;               /* bytes the facts print */
	long over_line;           /* the line of the element past DIFF_MAX_TEXT, or 0 */
};

static guint place_hash(gconstpointer p)
{
	const struct place *a = p;
	return g_str_hash(a->seg) * 31 + (a->parent ? a->parent->id + 1 : 0);
}

static gboolean place_equal(gconstpointer p, gconstpointer q)
{
	const struct place *a = p, *b = q;
	return a->parent == b->parent && strcmp(a->seg, b->seg) == 0;
}

static void place_free(gpointer p)
{
	struct place *pl = p;
	g_free(pl->seg);
	g_free(pl);
}

static struct places *places_new(void)
{
	struct places *ps = g_new(struct places, 1);
	ps->table = g_hash_table_new(place_hash, place_equal);
	ps->all = g_ptr_array_new_with_free_func(place_free);
	return ps;
}

static void places_free(struct places *ps)
{
	g_hash_table_destroy(ps->table);
	g_ptr_array_free(ps->all, TRUE);
	g_free(ps);
}

/* The place SEG under PARENT; takes SEG. */
static const struct place *place_of(struct places *ps, const struct place *parent, char *seg)
{
	struct place key = {parent, seg, 0, 0}, *pl = g_hash_table_lookup(ps->table, &key);

	if (pl) {
		g_free(seg);
		return pl;
	}
	pl = g_new(struct place, 1);
	*pl = (struct place){parent, seg, ps->all->len,
			     (parent ? parent->shown + strlen(" › ") : 0) + strlen(seg)};
	g_ptr_array_add(ps->all, pl);
	g_hash_table_add(ps->table, pl);
	return pl;
}

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

static void put(struct facts *f, xmlNodePtr n, const struct place *where, const char *what,
		const char *value)
{
	char *key;

	if (f->over_line)
		return;
	key = g_strdup_printf("%u\037%s", where->id, what);
	if (g_hash_table_contains(f->map, key)) {
		g_free(key);
		return;
	}
	f->text += where->shown + strlen(what) + strlen(value) + sizeof(" › ") + sizeof(" = ");
	if (f->text > DIFF_MAX_TEXT) {
		f->over_line = MAX(xmlGetLineNo(n), 1);
		g_free(key);
		return;
	}
	g_hash_table_insert(f->map, key, g_strdup(value));
	g_hash_table_insert(f->where, key, (gpointer)where);
	g_ptr_array_add(f->keys, key);
}

static char *segment(xmlNodePtr n)
{
	const char *id = ident_attr(n);
	xmlChar *v = id ? xmlGetProp(n, (const xmlChar *)id) : NULL;
	char *seg;

	if (id && strcmp(id, "sla") == 0) {
		xmlChar *svc = xmlGetProp(n, (const xmlChar *)"service");
		seg = g_strdup_printf("%s %s/%s", n->name, v, svc ? (const char *)svc : "");
		xmlFree(svc);
	} else
		seg = v ? g_strdup_printf("%s %s", n->name, v) : g_strdup((const char *)n->name);
	xmlFree(v);
	return seg;
}

static void hours_fact(struct facts *f, xmlNodePtr parent, const struct place *where)
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
		put(f, parent, where, "hours", s->str);
	g_string_free(s, TRUE);
}

/* The facts of N at WHERE (NULL: N is the root, whose facts are the document kind's), then of its
 * children, each at its own place under WHERE. */
static void flatten(struct facts *f, xmlNodePtr n, const struct place *where)
{
	const char *id = ident_attr(n);
	const struct place *at = where ? where : f->root;
	bool any = false;

	for (xmlAttrPtr a = n->properties; a && !f->over_line; a = a->next) {
		xmlChar *v;
		if (id && where &&
		    (strcmp((const char *)a->name, id) == 0 ||
		     (strcmp(id, "sla") == 0 && strcmp((const char *)a->name, "service") == 0)))
			continue;
		v = xmlNodeListGetString(n->doc, a->children, 1);
		put(f, n, at, (const char *)a->name, v ? (const char *)v : "");
		xmlFree(v);
		any = true;
	}
	for (xmlNodePtr c = n->children; c && !f->over_line; c = c->next)
		if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
			char *t = g_strstrip(g_strdup((const char *)c->content));
			if (*t) {
				put(f, n, at, "text", t);
				any = true;
			}
			g_free(t);
		}
	hours_fact(f, n, at);
	for (xmlNodePtr c = n->children; c && !f->over_line; c = c->next) {
		if (c->type != XML_ELEMENT_NODE || strcmp((const char *)c->name, "hours") == 0)
			continue;
		/* the root's children are at the top, as the root's own facts are */
		flatten(f, c, place_of(f->places, where, segment(c)));
		any = true;
	}
	if (!any)
		put(f, n, at, "present", "yes");
}

/* The facts of DOC, its places interned in PS; NULL, said on standard error, when they would
 * print more than DIFF_MAX_TEXT. */
static struct facts *facts_of(xmlDocPtr doc, const char *path, struct places *ps)
{
	struct facts *f = g_new0(struct facts, 1);
	xmlNodePtr root = xmlDocGetRootElement(doc);

	f->map = g_hash_table_new_full(g_str_hash, g_str_equal, NULL, g_free);
	f->keys = g_ptr_array_new_with_free_func(g_free);
	f->where = g_hash_table_new(g_str_hash, g_str_equal);
	f->places = ps;
	f->root = place_of(ps, NULL, g_strdup(kind_label(kind_by_name((const char *)root->name))));
	flatten(f, root, NULL);
	if (f->over_line) {
		fprintf(stderr,
			"%s:%ld: slm diff: the document's facts would print more than %u MiB from "
			"here on (each fact repeats the names and identifiers of the elements above "
			"it); slm diff's limit is twice the largest document slm reads\n",
			path, f->over_line, (unsigned)(DIFF_MAX_TEXT >> 20));
		g_hash_table_destroy(f->map);
		g_ptr_array_free(f->keys, TRUE);
		g_hash_table_destroy(f->where);
		g_free(f);
		return NULL;
	}
	return f;
}

static void facts_free(struct facts *f)
{
	if (!f)
		return;
	g_hash_table_destroy(f->map);
	g_hash_table_destroy(f->where);
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

/* OLD with AMEND applied by the model's amend rules (the one definition of the effective SLA). */
static xmlDocPtr apply_amendment(xmlDocPtr old, xmlDocPtr amend)
{
	xmlDocPtr eff = xmlCopyDoc(old, 1);
	xmlNodePtr base = xmlDocGetRootElement(eff);

	for (xmlNodePtr c = xmlDocGetRootElement(amend)->children; c; c = c->next) {
		const struct amend_rule *r;
		xmlChar *key;
		xmlNodePtr gone;

		if (c->type != XML_ELEMENT_NODE || !(r = amend_rule_of((const char *)c->name)))
			continue;
		switch (r->how) {
		case AMEND_WHOLE:
			replace_or_add(base, c, child_with(base, r->element, NULL, NULL));
			break;
		case AMEND_KEYED:
			key = xmlGetProp(c, (const xmlChar *)r->key);
			replace_or_add(base, c, child_with(base, r->element, r->key, key));
			xmlFree(key);
			break;
		case AMEND_REMOVE:
			key = xmlGetProp(c, (const xmlChar *)r->key);
			gone = child_with(base, r->target, amend_rule_of(r->target)->key, key);
			if (gone) {
				xmlUnlinkNode(gone);
				xmlFreeNode(gone);
			}
			xmlFree(key);
			break;
		}
	}
	return eff;
}

/* ---- output ---- */

/* A bidirectional formatting character, which reorders what a terminal or a browser shows. */
static bool bidi_control(gunichar c)
{
	return c == 0x061C || c == 0x200E || c == 0x200F || (c >= 0x202A && c <= 0x202E) ||
	       (c >= 0x2066 && c <= 0x2069);
}

/* V on one line.  A line break in a value (&#10; and &#13; survive XML's normalization of
 * attributes, and text may hold any) would forge a line of the output: a fact in git diff, a row
 * of a merge request's table; a carriage return or an escape sequence would overwrite what a
 * terminal shows.  So line breaks, tabs, C0 and C1 controls, DEL, the Unicode line and paragraph
 * separators and bidirectional controls are written as escapes (\n, \r, \t, \x1B, \u2028), and
 * the backslash as \\, which keeps the escapes unambiguous; in a Markdown table cell '|' is \|
 * (and the doubled backslash keeps a value's own "\|" from closing the cell). */
static void put_escaped(GString *out, const char *v, bool md)
{
	for (const char *p = v; *p;) {
		unsigned char b = (unsigned char)*p;
		gunichar c;

		if (b >= 0x80) {
			c = g_utf8_get_char_validated(p, -1);
			if (c == (gunichar)-1 || c == (gunichar)-2) {
				/* not met: loaded documents are UTF-8 */
				g_string_append_printf(out, "\\x%02X", b);
				p++;
			} else if ((c >= 0x80 && c <= 0x9F) || c == 0x2028 || c == 0x2029 ||
				   bidi_control(c)) {
				g_string_append_printf(out, "\\u%04X", c);
				p = g_utf8_next_char(p);
			} else {
				const char *next = g_utf8_next_char(p);
				g_string_append_len(out, p, next - p);
				p = next;
			}
			continue;
		}
		p++;
		if (b == '\n')
			g_string_append(out, "\\n");
		else if (b == '\r')
			g_string_append(out, "\\r");
		else if (b == '\t')
			g_string_append(out, "\\t");
		else if (b == '\\')
			g_string_append(out, "\\\\");
		else if (b < 0x20 || b == 0x7F)
			g_string_append_printf(out, "\\x%02X", b);
		else if (b == '|' && md)
			g_string_append(out, "\\|");
		else if (md && (b == '<' || b == '>' || b == '&'))
			/* a merge request comment renders HTML: a value is text, never markup */
			g_string_append(out, b == '<' ? "&lt;" : b == '>' ? "&gt;" : "&amp;");
		else if (md && strchr("`*_[]", b))
			g_string_append_c(out, '\\'), g_string_append_c(out, (char)b);
		else
			g_string_append_c(out, (char)b);
	}
}

/* The path of PL, "service SVC-NET › response P2", escaped. */
static void put_place(GString *out, const struct place *pl, bool md)
{
	if (pl->parent) {
		put_place(out, pl->parent, md);
		g_string_append(out, " › ");
	}
	put_escaped(out, pl->seg, md);
}

static const char *what_of(const char *key)
{
	return strchr(key, '\037') + 1;
}

static void md_cell(GString *s, const char *v)
{
	g_string_append(s, " ");
	put_escaped(s, v, true);
	g_string_append(s, " |");
}

/* One line of the comparison, printed at once: what is built is one line, never the whole. */
static void change(bool md, char sign, const struct place *where, const char *what,
		   const char *before, const char *after)
{
	GString *out = g_string_new(NULL);

	if (md) {
		g_string_append(out, "|");
		md_cell(out, sign == '+' ? "added" : sign == '-' ? "removed" : "changed");
		g_string_append(out, " ");
		put_place(out, where, true);
		g_string_append(out, " |");
		md_cell(out, what);
		md_cell(out, before);
		md_cell(out, after);
	} else {
		g_string_append_printf(out, "%c ", sign);
		put_place(out, where, false);
		g_string_append(out, ": ");
		put_escaped(out, what, false);
		g_string_append(out, " ");
		put_escaped(out, sign == '+' ? after : before, false);
		if (sign == '~') {
			g_string_append(out, " → ");
			put_escaped(out, after, false);
		}
	}
	g_string_append_c(out, '\n');
	fwrite(out->str, 1, out->len, stdout);
	g_string_free(out, TRUE);
}

/* The number of changes from A to B; printed too when PRINT, in A's order then B's. */
static int changes(struct facts *a, struct facts *b, bool md, bool print)
{
	int n = 0;

	for (guint i = 0; i < a->keys->len; i++) {
		const char *k = a->keys->pdata[i];
		const char *va = g_hash_table_lookup(a->map, k), *vb = g_hash_table_lookup(b->map, k);
		if (vb && strcmp(va, vb) == 0)
			continue;
		if (print)
			change(md, vb ? '~' : '-', g_hash_table_lookup(a->where, k), what_of(k), va,
			       vb ? vb : "");
		n++;
	}
	for (guint i = 0; i < b->keys->len; i++) {
		const char *k = b->keys->pdata[i];
		if (g_hash_table_contains(a->map, k))
			continue;
		if (print)
			change(md, '+', g_hash_table_lookup(b->where, k), what_of(k), "",
			       g_hash_table_lookup(b->map, k));
		n++;
	}
	return n;
}

/* TITLE's parts are escaped: file names and the additional SLA's id and date are anyone's. */
static int compare(struct facts *a, struct facts *b, bool md, GString *title)
{
	int n = changes(a, b, md, false);

	if (md) {
		printf("### %s\n\n", title->str);
		if (n) {
			printf("| change | where | what | before | after |\n|---|---|---|---|---|\n");
			changes(a, b, md, true);
			printf("\n%d change%s.\n", n, n == 1 ? "" : "s");
		} else
			printf("No change.\n");
	} else {
		printf("%s\n", title->str);
		changes(a, b, md, true);
		printf("%d change%s\n", n, n == 1 ? "" : "s");
	}
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
	struct places *ps = places_new();
	struct facts *f = d ? facts_of(d, path, ps) : NULL;
	GString *line = g_string_new(NULL);

	for (guint i = 0; f && i < f->keys->len; i++) {
		const char *k = f->keys->pdata[i];
		g_string_truncate(line, 0);
		put_place(line, g_hash_table_lookup(f->where, k), false);
		g_string_append(line, " › ");
		put_escaped(line, what_of(k), false);
		g_string_append(line, " = ");
		put_escaped(line, g_hash_table_lookup(f->map, k), false);
		g_string_append_c(line, '\n');
		fwrite(line->str, 1, line->len, stdout);
	}
	g_string_free(line, TRUE);
	facts_free(f);
	places_free(ps);
	if (d)
		xmlFreeDoc(d);
	return f ? 0 : EXIT_USAGE;
}

int cmd_diff(int argc, char **argv)
{
	bool md = false;
	const char *files[2] = {NULL, NULL};
	int nfiles = 0, rc;
	xmlDocPtr a, b, eff = NULL;
	xmlChar *amends, *id, *effective;
	struct facts *fa, *fb;
	struct places *ps;
	GString *title;

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
	title = g_string_new(NULL);
	put_escaped(title, files[0], md);
	g_string_append(title, " → ");
	if (amends && id && xmlStrEqual(amends, id)) {
		xmlChar *bid = xmlGetProp(xmlDocGetRootElement(b), (const xmlChar *)"id");
		eff = apply_amendment(a, b);
		put_escaped(title, bid ? (const char *)bid : "?", md);
		g_string_append(title, " applied (additional SLA, effective ");
		put_escaped(title, effective ? (const char *)effective : "?", md);
		g_string_append(title, ")");
		xmlFree(bid);
	} else
		put_escaped(title, files[1], md);
	ps = places_new();
	fa = facts_of(a, files[0], ps);
	/* the effective SLA is OLD with NEW's parts: its lines are either's */
	fb = fa ? facts_of(eff ? eff : b, files[1], ps) : NULL;
	rc = fa && fb ? compare(fa, fb, md, title) : EXIT_USAGE;
	facts_free(fa);
	facts_free(fb);
	places_free(ps);
	g_string_free(title, TRUE);
	xmlFree(amends);
	xmlFree(id);
	xmlFree(effective);
	if (eff)
		xmlFreeDoc(eff);
	xmlFreeDoc(a);
	xmlFreeDoc(b);
	return rc;
}
