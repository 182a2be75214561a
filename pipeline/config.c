#define _GNU_SOURCE
/* The repository configuration (see config.h).  Entries apply in order and the last one that
 * matches a diagnostic's rule and path wins, so a general entry followed by an exception for one
 * folder reads the way it works.  Patterns are GLib's simple patterns: `*` and `?`, where `*` also
 * matches `/`: "reports/" followed by a star is everything under reports/.
 *
 * The work is bounded: at most CONFIG_MAX_ENTRIES entries are read (a larger file is refused
 * before it is validated: libxml2 names each schema error's node by counting its preceding
 * siblings, quadratic in a long file), each diagnostic is matched only against its own rule's
 * entries, last first, and a rule's decision for a file is made once for all its diagnostics
 * there.  100,000 entries against 5,000 diagnostics took 4.3 s, all of it matching patterns. */
#include "config.h"
#include "cli.h"
#include "doc.h"
#include "load.h"
#include "schema.h"

#include <libxml/tree.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

struct config_entry {
	enum rule rule;
	enum severity severity;
	GPatternSpec *path; /* NULL: every path */
};

struct config {
	GArray *entries;             /* of struct config_entry, in the file's order */
	GArray *by_rule[RULE_COUNT]; /* per rule: indices into entries, in order, or NULL */
};

static bool parse_severity(const char *s, enum severity *out)
{
	static const struct {
		const char *name;
		enum severity sev;
	} names[] = {{"error", SEV_ERROR}, {"warning", SEV_WARNING}, {"note", SEV_NOTE},
		     {"off", SEV_OFF}};
	for (size_t i = 0; i < G_N_ELEMENTS(names); i++)
		if (s && strcmp(s, names[i].name) == 0) {
			*out = names[i].sev;
			return true;
		}
	return false;
}

/* Whether the configuration X has at most CONFIG_MAX_ENTRIES entries; if not, says so at the
 * first one too many. */
static bool few_entries(xmlDocPtr x, const char *path, struct diag_list *dl)
{
	unsigned n = 0;

	for (xmlNodePtr e = xmlDocGetRootElement(x)->children; e; e = e->next)
		if (e->type == XML_ELEMENT_NODE && ++n > CONFIG_MAX_ENTRIES) {
			diag_add(dl, RULE_SCHEMA, path, xmlGetLineNo(e), 1,
				 "more than %u entries: slm reads at most %u (an entry without path= "
				 "covers every document, and one pattern a whole folder)",
				 CONFIG_MAX_ENTRIES, CONFIG_MAX_ENTRIES);
			return false;
		}
	return true;
}

/* Report a bad entry at N, the first CONFIG_MAX_ERRORS of them one by one. */
static void bad_entry(struct diag_list *dl, const char *path, xmlNodePtr n, unsigned *errors,
		      const char *fmt, const char *name)
{
	if (++*errors <= CONFIG_MAX_ERRORS)
		diag_add(dl, RULE_SCHEMA, path, xmlGetLineNo(n), 1, fmt, name);
	else if (*errors == CONFIG_MAX_ERRORS + 1)
		diag_add(dl, RULE_SCHEMA, path, xmlGetLineNo(n), 1,
			 "more entries like these follow; fix these first");
}

static void index_entry(struct config *c, enum rule r, guint i)
{
	if (!c->by_rule[r])
		c->by_rule[r] = g_array_new(FALSE, FALSE, sizeof(guint));
	g_array_append_val(c->by_rule[r], i);
}

static bool read_entries(struct config *c, xmlDocPtr x, const char *path, struct diag_list *dl)
{
	unsigned errors = 0;

	for (xmlNodePtr n = xmlDocGetRootElement(x)->children; n; n = n->next) {
		xmlChar *name, *sev, *pat;
		struct config_entry e = {0};

		if (n->type != XML_ELEMENT_NODE)
			continue;
		name = xmlGetProp(n, (const xmlChar *)"name");
		sev = xmlGetProp(n, (const xmlChar *)"severity");
		pat = xmlGetProp(n, (const xmlChar *)"path");
		if (!rule_by_name((const char *)name, &e.rule)) {
			bad_entry(dl, path, n, &errors, "no rule named '%s' (see 'slm rules')",
				  (const char *)name);
		} else if (e.rule == RULE_IO_ERROR || e.rule == RULE_XML_MALFORMED ||
			   e.rule == RULE_SCHEMA || e.rule == RULE_UNSAFE_PATH) {
			/* what slm could not read, parse or validate was not checked: lowering these
			 * would let a broken document pass a check it never had */
			bad_entry(dl, path, n, &errors,
				  "%s cannot be configured: a document slm cannot read, parse or "
				  "validate is never checked",
				  (const char *)name);
		} else if (parse_severity((const char *)sev, &e.severity)) {
			e.path = pat ? g_pattern_spec_new((const char *)pat) : NULL;
			g_array_append_val(c->entries, e);
			index_entry(c, e.rule, c->entries->len - 1);
		}
		xmlFree(name);
		xmlFree(sev);
		xmlFree(pat);
	}
	return errors == 0;
}

struct config *config_load(const char *path, bool optional, struct diag_list *dl)
{
	struct config *c = g_new0(struct config, 1);
	struct schema *s;
	xmlDocPtr x;
	xmlNodePtr root;
	struct stat st;
	bool ok;

	c->entries = g_array_new(FALSE, FALSE, sizeof(struct config_entry));
	if (optional && lstat(path, &st) != 0)
		return c;
	if (optional && S_ISLNK(st.st_mode)) {
		/* like every file of the repository, its configuration may not come from outside */
		char *dir = g_path_get_dirname(path);
		char *root = realpath(dir, NULL), *real = realpath(path, NULL);
		size_t n = root ? strlen(root) : 0;
		bool in = root && real && strncmp(real, root, n) == 0 && real[n] == '/';

		if (!in)
			diag_add(dl, RULE_UNSAFE_PATH, path, 0, 0,
				 "symbolic link leaves the repository (or dangles); not followed");
		free(root);
		free(real);
		g_free(dir);
		if (!in) {
			config_free(c);
			return NULL;
		}
	}
	if (!(x = load_parse(path, dl))) {
		config_free(c);
		return NULL;
	}
	root = xmlDocGetRootElement(x);
	if (!root || !root->ns || strcmp((const char *)root->ns->href, "urn:slm:config:1") != 0 ||
	    strcmp((const char *)root->name, "slm-config") != 0) {
		diag_add(dl, RULE_SCHEMA, path, root ? xmlGetLineNo(root) : 0, 1,
			 "not an slm configuration: the root must be <slm-config "
			 "xmlns=\"urn:slm:config:1\">");
		xmlFreeDoc(x);
		config_free(c);
		return NULL;
	}
	s = schema_load_named(cli_data_dir(), "config.xsd", dl);
	ok = few_entries(x, path, dl) && s && schema_validate(s, x, path, dl) &&
	     read_entries(c, x, path, dl);
	schema_free(s);
	xmlFreeDoc(x);
	if (!ok) {
		config_free(c);
		return NULL;
	}
	return c;
}

void config_free(struct config *c)
{
	if (!c)
		return;
	for (guint i = 0; i < c->entries->len; i++) {
		struct config_entry *e = &g_array_index(c->entries, struct config_entry, i);
		if (e->path)
			g_pattern_spec_free(e->path);
	}
	g_array_free(c->entries, TRUE);
	for (unsigned r = 0; r < RULE_COUNT; r++)
		if (c->by_rule[r])
			g_array_free(c->by_rule[r], TRUE);
	g_free(c);
}

/* FILE relative to ROOT ("samples/bank/sla.xml" under "samples" is "bank/sla.xml"). */
static const char *relative(const char *file, const char *root)
{
	size_t n = strlen(root);

	if (strcmp(root, ".") == 0 || !*root)
		return file;
	while (n > 1 && root[n - 1] == '/')
		n--;
	if (strncmp(file, root, n) == 0 && file[n] == '/')
		return file + n + 1;
	return file;
}

/* The last entry of C for RULE that matches REL, or NULL. */
static const struct config_entry *decide(const struct config *c, enum rule rule, const char *rel)
{
	const GArray *idx = c->by_rule[rule];

	for (guint k = idx ? idx->len : 0; k-- > 0;) {
		const struct config_entry *e =
			&g_array_index(c->entries, struct config_entry, g_array_index(idx, guint, k));
		if (!e->path || g_pattern_spec_match_string(e->path, rel))
			return e;
	}
	return NULL;
}

void config_apply(const struct config *c, struct diag_list *dl, const char *root)
{
	/* "RULE PATH" → the deciding entry (NULL: none): findings of one rule in one file share it */
	GHashTable *decided = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
	GString *key = g_string_new(NULL);
	guint kept = 0;

	for (guint i = 0; i < dl->items->len; i++) {
		struct diag *d = dl->items->pdata[i];
		const char *rel = relative(d->loc.file, root);
		gpointer e;

		if (d->severity != SEV_FATAL && c->by_rule[d->rule]) {
			g_string_printf(key, "%d %s", (int)d->rule, rel);
			if (!g_hash_table_lookup_extended(decided, key->str, NULL, &e)) {
				e = (gpointer)decide(c, d->rule, rel);
				g_hash_table_insert(decided, g_strdup(key->str), e);
			}
			if (e)
				d->severity = ((const struct config_entry *)e)->severity;
		}
		if (d->severity == SEV_OFF)
			diag_free(d);
		else
			dl->items->pdata[kept++] = d;
	}
	g_ptr_array_set_size(dl->items, kept);
	g_string_free(key, TRUE);
	g_hash_table_destroy(decided);
}
