/* Schema validation (see schema.h).  The compiled xmlSchemaPtr is shared read-only by the worker
 * threads; each validation has its own context and structured error handler, so nothing is
 * printed behind slm's back.  The entity loader is the only way libxml2 reaches a file. */
#define _GNU_SOURCE
#include "schema.h"
#include "doc.h"
#include "load.h"

#include <libxml/parserInternals.h>
#include <libxml/xmlschemas.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#ifndef SLM_DATADIR
#define SLM_DATADIR "/usr/local/share/slm"
#endif

#ifndef SLM_SRCDIR
#define SLM_SRCDIR "."
#endif

#define SCHEMA_MAX_ERRORS 20

struct schema {
	xmlSchemaPtr xsd;
};

static char *schema_dir_real; /* set once by schema_install_loader, read by the loader */

static bool has_schemas(const char *dir)
{
	char *p = g_build_filename(dir, "schemas", "slm.xsd", NULL);
	bool ok = g_file_test(p, G_FILE_TEST_IS_REGULAR);
	g_free(p);
	return ok;
}

char *schema_data_dir(void)
{
	const char *env = g_getenv("SLM_DATADIR");
	char *exe, *dir;

	if (env && *env) {
		/* absolute: slm build works from the repository's root */
		char *real = realpath(env, NULL);
		char *r = g_strdup(real ? real : env);
		free(real);
		return r;
	}
	exe = g_file_read_link("/proc/self/exe", NULL);
	if (exe) {
		dir = g_path_get_dirname(exe);
		g_free(exe);
		if (has_schemas(dir))
			return dir;
		g_free(dir);
	}
	/* installed data, else the source tree the binary was built from (a private build tree) */
	if (has_schemas(SLM_DATADIR))
		return g_strdup(SLM_DATADIR);
	return g_strdup(has_schemas(SLM_SRCDIR) ? SLM_SRCDIR : SLM_DATADIR);
}

/* Documents never reach the loader (load.c refuses DOCTYPEs before parsing); anything else that
 * asks for a file or URL gets nothing, and libxml2 reports the failed load itself. */
static xmlParserInputPtr refuse(const char *url, xmlParserCtxtPtr ctxt)
{
	(void)url;
	(void)ctxt;
	return NULL;
}

static xmlParserInputPtr entity_loader(const char *url, const char *id, xmlParserCtxtPtr ctxt)
{
	char *path = NULL, *real;
	xmlParserInputPtr in = NULL;

	(void)id;
	if (!url || !schema_dir_real)
		return refuse(url ? url : "(null)", ctxt);
	if (strcmp(url, "http://www.w3.org/2001/xml.xsd") == 0)
		path = g_build_filename(schema_dir_real, "xml.xsd", NULL);
	else if (g_str_has_prefix(url, "file://"))
		path = g_filename_from_uri(url, NULL, NULL);
	else if (!strstr(url, "://"))
		path = g_strdup(url);
	real = path ? realpath(path, NULL) : NULL;
	if (real && g_str_has_prefix(real, schema_dir_real) &&
	    real[strlen(schema_dir_real)] == '/')
		in = xmlNewInputFromFile(ctxt, real);
	else
		in = refuse(url, ctxt);
	free(real);
	g_free(path);
	return in;
}

void schema_install_loader(const char *data_dir)
{
	char *dir = g_build_filename(data_dir, "schemas", NULL);
	schema_dir_real = realpath(dir, NULL);
	g_free(dir);
	xmlSetExternalEntityLoader(entity_loader);
}

struct sink {
	const char *path;
	struct diag_list *dl;
	unsigned count;
	long last_line;
	const void *last_node; /* the last error's node, and the value it found fault with: */
	                       /* "Element 'a', attribute 'b'", or "" */
	char last_subject[128];
};

/* Whether E finds fault with the same value as the error before it: libxml2 reports every failed
 * facet of one value ('-5': minInclusive, then pattern), and one is enough.  Other errors of one
 * node (a missing attribute, an unexpected child) are all kept. */
static bool repeats(struct sink *s, const xmlError *e)
{
	const char *end = e->message ? strstr(e->message, "': ") : NULL;
	size_t n = end ? (size_t)(end - e->message) + 1 : 0;
	bool value = end && (g_str_has_prefix(end + 3, "[facet '") || end[3] == '\'');
	bool same = value && n < sizeof s->last_subject && e->node && e->node == s->last_node &&
	            strncmp(s->last_subject, e->message, n) == 0 && s->last_subject[n] == '\0';

	s->last_node = e->node;
	s->last_subject[0] = '\0';
	if (value && n < sizeof s->last_subject)
		g_strlcpy(s->last_subject, e->message, n + 1);
	return same;
}

static void on_schema_error(void *ud, xmlErrorPtr e)
{
	struct sink *s = ud;
	char *msg;

	if (e->level < XML_ERR_ERROR || repeats(s, e))
		return;
	if (++s->count > SCHEMA_MAX_ERRORS) {
		if (s->count == SCHEMA_MAX_ERRORS + 1)
			diag_add(s->dl, RULE_SCHEMA, s->path, s->last_line, 1,
				 "more schema errors follow; fix these first");
		return;
	}
	msg = load_error_text(e->message);
	diag_add(s->dl, RULE_SCHEMA, e->file ? e->file : s->path, e->line, 1, "%s", msg);
	s->last_line = e->line;
	g_free(msg);
}

struct schema *schema_load(const char *data_dir, struct diag_list *dl)
{
	return schema_load_named(data_dir, "slm.xsd", dl);
}

struct schema *schema_load_named(const char *data_dir, const char *name, struct diag_list *dl)
{
	char *file = g_build_filename(data_dir, "schemas", name, NULL);
	struct sink sink = {.path = file, .dl = dl};
	xmlSchemaParserCtxtPtr pctxt;
	struct schema *s;
	xmlSchemaPtr xsd;

	if (!g_file_test(file, G_FILE_TEST_IS_REGULAR)) {
		diag_add(dl, RULE_IO_ERROR, file, 0, 0,
			 "slm's schema is missing (set SLM_DATADIR to the folder holding schemas/)");
		g_free(file);
		return NULL;
	}
	pctxt = xmlSchemaNewParserCtxt(file);
	xmlSchemaSetParserStructuredErrors(pctxt, on_schema_error, &sink);
	xmlSetStructuredErrorFunc(&sink, on_schema_error);
	xsd = xmlSchemaParse(pctxt);
	load_quiet_libxml();
	xmlSchemaFreeParserCtxt(pctxt);
	if (!xsd) {
		if (!sink.count)
			diag_add(dl, RULE_IO_ERROR, file, 0, 0, "slm's schema does not compile");
		g_free(file);
		return NULL;
	}
	g_free(file);
	s = g_new0(struct schema, 1);
	s->xsd = xsd;
	return s;
}

void schema_free(struct schema *s)
{
	if (!s)
		return;
	xmlSchemaFree(s->xsd);
	g_free(s);
}

struct schema_validator {
	xmlSchemaValidCtxtPtr ctxt;
};

struct schema_validator *schema_validator_new(const struct schema *s)
{
	struct schema_validator *v = g_new0(struct schema_validator, 1);

	v->ctxt = xmlSchemaNewValidCtxt(s->xsd);
	if (!v->ctxt)
		g_error("out of memory");
	return v;
}

void schema_validator_free(struct schema_validator *v)
{
	if (!v)
		return;
	xmlSchemaFreeValidCtxt(v->ctxt);
	g_free(v);
}

bool schema_validate_with(struct schema_validator *v, xmlDocPtr xdoc, const char *path,
			  struct diag_list *dl)
{
	struct sink sink = {.path = path, .dl = dl};
	int rc;

	xmlSchemaSetValidStructuredErrors(v->ctxt, on_schema_error, &sink);
	rc = xmlSchemaValidateDoc(v->ctxt, xdoc);
	xmlSchemaSetValidStructuredErrors(v->ctxt, NULL, NULL);
	if (rc != 0 && sink.count == 0)
		diag_add(dl, RULE_SCHEMA, path, 0, 0, "document is not valid against slm's schema");
	return rc == 0;
}

bool schema_validate(const struct schema *s, xmlDocPtr xdoc, const char *path,
		     struct diag_list *dl)
{
	struct schema_validator *v = schema_validator_new(s);
	bool ok = schema_validate_with(v, xdoc, path, dl);

	schema_validator_free(v);
	return ok;
}
