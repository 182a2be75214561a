/* Test driver of the PDF renderer: reads a layout document, validates it against
 * schemas/layout.xsd and renders it with pdf_render, as `slm render` does after its XSLT step.
 *
 *   render_layout [--date D] [--root DIR] [--times N] SCHEMA LAYOUT OUT.pdf
 *
 * Diagnostics go to stderr as "file:line: severity: message [rule]".  Exit 0 when rendered, 1 when
 * pdf_render failed (OUT is removed), 2 on bad usage, unreadable or invalid input.  --times N
 * renders N times (to /dev/null but the last) for timing runs. */
#include "pdf.h"

#include <libgen.h>
#include <libxml/parser.h>
#include <libxml/xmlschemas.h>
#include <stdlib.h>
#include <string.h>

static xmlDocPtr load(const char *schema_path, const char *path)
{
	xmlSchemaParserCtxtPtr pc = xmlSchemaNewParserCtxt(schema_path);
	xmlSchemaPtr schema = pc ? xmlSchemaParse(pc) : NULL;
	xmlDocPtr doc = xmlReadFile(path, NULL, XML_PARSE_NONET);
	int bad = 1;

	if (schema && doc) {
		xmlSchemaValidCtxtPtr vc = xmlSchemaNewValidCtxt(schema);
		bad = xmlSchemaValidateDoc(vc, doc);
		xmlSchemaFreeValidCtxt(vc);
	}
	xmlSchemaFree(schema);
	xmlSchemaFreeParserCtxt(pc);
	if (bad) {
		fprintf(stderr, "%s: not a valid layout document\n", path);
		xmlFreeDoc(doc);
		return NULL;
	}
	return doc;
}

static void print(const struct diag_list *dl)
{
	for (unsigned i = 0; i < dl->items->len; i++) {
		const struct diag *d = g_ptr_array_index(dl->items, i);
		fprintf(stderr, "%s:%ld: %s: %s [%s]\n", d->loc.file, d->loc.line,
		        severity_name(d->severity), d->message, rule_info(d->rule)->name);
	}
}

int main(int argc, char **argv)
{
	struct pdf_opts opts = {NULL, NULL, NULL, NULL};
	int times = 1, i = 1;
	bool ok = true;

	for (; i + 1 < argc && strncmp(argv[i], "--", 2) == 0; i += 2) {
		if (strcmp(argv[i], "--date") == 0)
			opts.creation_date = argv[i + 1];
		else if (strcmp(argv[i], "--root") == 0)
			opts.resource_root = argv[i + 1];
		else if (strcmp(argv[i], "--times") == 0)
			times = atoi(argv[i + 1]);
	}
	if (argc - i != 3) {
		fprintf(stderr, "usage: render_layout [--date D] [--root DIR] [--times N] SCHEMA "
		                "LAYOUT OUT.pdf\n");
		return 2;
	}
	pdf_fonts_dir("fonts"); /* slm's fonts, as `slm render` finds them in its data folder */
	xmlDocPtr doc = load(argv[i], argv[i + 1]);
	if (!doc)
		return 2;
	char *dir = g_path_get_dirname(argv[i + 1]);
	opts.base_dir = dir;
	if (!opts.resource_root)
		opts.resource_root = dir;
	for (int t = 0; t < times && ok; t++) {
		const char *path = t + 1 == times ? argv[i + 2] : "/dev/null";
		FILE *out = fopen(path, "wb");
		struct diag_list *dl = diag_list_new();
		opts.output = path;
		if (!out) {
			perror(path);
			return 2;
		}
		ok = pdf_render(doc, out, &opts, argv[i + 1], dl);
		if (fclose(out) != 0)
			ok = false;
		if (t + 1 == times)
			print(dl);
		if (!ok)
			remove(path);
		diag_list_free(dl);
	}
	g_free(dir);
	xmlFreeDoc(doc);
	xmlCleanupParser();
	return ok ? 0 : 1;
}
