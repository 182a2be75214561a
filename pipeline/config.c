#define _GNU_SOURCE
/* The repository configuration (see config.h).  Entries apply in order and the last one that
 * matches a diagnostic's rule and path wins, so a general entry followed by an exception for one
 * folder reads the way it works.  Patterns are GLib's simple patterns: `*` and `?`, where `*` also
 * matches `/`: "reports/" followed by a star is everything under reports/. */
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
	GArray *entries; /* of struct config_entry */
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

static bool read_entries(struct config *c, xmlDocPtr x, const char *path, struct diag_list *dl)
{
	bool ok = true;

	for (xmlNodePtr n = xmlDocGetRootElement(x)->children; n; n = n->next) {
		xmlChar *name, *sev, *pat;
		struct config_entry e = {0};

		if (n->type != XML_ELEMENT_NODE)
			continue;
		name = xmlGetProp(n, (const xmlChar *)"name");
		sev = xmlGetProp(n, (const xmlChar *)"severity");
		pat = xmlGetProp(n, (const xmlChar *)"path");
		if (!rule_by_name((const char *)name, &e.rule)) {
			diag_add(dl, RULE_SCHEMA, path, xmlGetLineNo(n), 1,
				 "no rule named '%s' (see 'slm rules')", (const char *)name);
			ok = false;
		} else if (e.rule == RULE_IO_ERROR || e.rule == RULE_XML_MALFORMED ||
			   e.rule == RULE_SCHEMA || e.rule == RULE_UNSAFE_PATH) {
			/* what slm could not read, parse or validate was not checked: lowering these
			 * would let a broken document pass a check it never had */
			diag_add(dl, RULE_SCHEMA, path, xmlGetLineNo(n), 1,
				 "%s cannot be configured: a document slm cannot read, parse or "
				 "validate is never checked",
				 (const char *)name);
			ok = false;
		} else if (parse_severity((const char *)sev, &e.severity)) {
			e.path = pat ? g_pattern_spec_new((const char *)pat) : NULL;
			g_array_append_val(c->entries, e);
		}
		xmlFree(name);
		xmlFree(sev);
		xmlFree(pat);
	}
	return ok;
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
	ok = s && schema_validate(s, x, path, dl) && read_entries(c, x, path, dl);
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

void config_apply(const struct config *c, struct diag_list *dl, const char *root)
{
	guint kept = 0;

	for (guint i = 0; i < dl->items->len; i++) {
		struct diag *d = dl->items->pdata[i];
		const char *rel = relative(d->loc.file, root);

		for (guint j = 0; j < c->entries->len; j++) {
			const struct config_entry *e =
				&g_array_index(c->entries, struct config_entry, j);
			if (e->rule == d->rule && d->severity != SEV_FATAL &&
			    (!e->path || g_pattern_spec_match_string(e->path, rel)))
				d->severity = e->severity;
		}
		if (d->severity == SEV_OFF)
			diag_free(d);
		else
			dl->items->pdata[kept++] = d;
	}
	g_ptr_array_set_size(dl->items, kept);
}
