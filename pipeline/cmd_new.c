/* slm new KIND ID [--ATTR VALUE…] [-o FILE]: a new document from the kind's skeleton in
 * templates/, with its id and the references given on the command line filled in, written
 * without ever replacing an existing file (DESIGN §5; issue "slm new"). */
#include "cli.h"
#include "doc.h"
#include "load.h"
#include "output.h"
#include "schema.h"

#include <errno.h>
#include <libxml/tree.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

static const char usage_text[] =
	"usage: slm new KIND ID [--REF VALUE...] [-o FILE]\n\n"
	"Write a new KIND document with id ID from slm's template (templates/KIND.xml):\n"
	"every placeholder reference named by an option is filled in, e.g.\n"
	"  slm new ola OLA-DBA-INS --sla SLA-INS-2025 --dept DEPT-DBA --service SVC-DB\n"
	"KIND is one of organization, catalog, requirements, sla, ola, contract,\n"
	"decomposition, proposal, initiation, report, review, termination.\n"
	"References: --sla --service --dept --person --owner --manager --supplier\n"
	"--customer --requirements --catalog --calendar --amends --renews\n"
	"--decomposition --proposal --party.\n\n"
	"  -o FILE     where to write (default: ID.xml in the current folder); an existing\n"
	"              file is never replaced\n"
	"  -h, --help  this help\n\n"
	"Exit status: 0 written, 2 usage error, or the file exists or cannot be written.\n";

static const char *const ref_options[] = {
	"sla",	    "service",	"dept",	    "person",	    "owner",	"manager",
	"supplier", "customer", "requirements", "catalog", "calendar", "amends",
	"renews",   "decomposition", "proposal", "party",	NULL};

static bool is_ref_option(const char *name)
{
	for (int i = 0; ref_options[i]; i++)
		if (strcmp(ref_options[i], name) == 0)
			return true;
	return false;
}

/* The schema's Id: a letter or digit, then letters, digits, ".", "_" or "-"; 128 at most. */
static bool valid_id(const char *s)
{
	size_t n = strlen(s);

	return n && n <= 128 && g_ascii_isalnum(*s) &&
	       strspn(s, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._-") == n;
}

/* Set every attribute NAME that still holds a placeholder (…TODO…) to VALUE; the number set. */
static int fill(xmlNodePtr n, const char *name, const char *value)
{
	int count = 0;

	for (; n; n = n->next) {
		xmlChar *v;
		if (n->type != XML_ELEMENT_NODE)
			continue;
		v = xmlGetProp(n, (const xmlChar *)name);
		if (v && strstr((const char *)v, "TODO")) {
			xmlSetProp(n, (const xmlChar *)name, (const xmlChar *)value);
			count++;
		}
		xmlFree(v);
		count += fill(n->children, name, value);
	}
	return count;
}

/* Write DOC to PATH, never over anything already there (a file, a link, a FIFO), through the
 * atomic outputs of output.h: the file appears whole, 0666 less the umask like any file of the
 * repository, and a failed or interrupted run (SIGINT, SIGTERM, even SIGKILL) leaves neither it
 * nor a temporary file.  The check that PATH is free comes first, for the message; a file
 * created in the instant between it and the commit is not replaced either (only_new). */
static int write_new(xmlDocPtr doc, const char *path)
{
	struct output o;
	struct stat st;

	if (lstat(path, &st) == 0) {
		fprintf(stderr, "slm new: %s: already exists; slm new never replaces a file\n",
			path);
		return EXIT_USAGE;
	}
	if (errno != ENOENT) {
		fprintf(stderr, "slm new: cannot write %s: %s\n", path, g_strerror(errno));
		return EXIT_USAGE;
	}
	/* "-" is a file's name here, not standard output */
	if (!output_open_document(&o, strcmp(path, "-") == 0 ? "./-" : path))
		return EXIT_USAGE;
	if (xmlDocDump(o.fp, doc) < 0) {
		int e = errno;
		output_abort(&o);
		fprintf(stderr, "slm new: cannot write %s: %s\n", path, g_strerror(e ? e : EIO));
		return EXIT_USAGE;
	}
	return output_commit(&o) ? 0 : EXIT_USAGE;
}

int cmd_new(int argc, char **argv)
{
	const char *kind, *id, *out = NULL;
	char *tpl, *name, *path;
	struct diag_list *dl;
	xmlDocPtr doc;
	int rc, i;

	if (argc > 1 && (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0)) {
		fputs(usage_text, stdout);
		return 0;
	}
	if (argc < 3)
		return cli_usage_error("new", "name a kind and an id");
	kind = argv[1];
	id = argv[2];
	if (kind_by_name(kind) == KIND_UNKNOWN)
		return cli_usage_error("new", "'%s' is not a kind of document", kind);
	if (!valid_id(id))
		return cli_usage_error("new",
				       "'%s' is not a valid id (a letter or digit, then letters, digits, "
				       ". _ -; at most 128)",
				       id);
	name = g_strconcat(kind, ".xml", NULL);
	tpl = g_build_filename(cli_data_dir(), "templates", name, NULL);
	g_free(name);
	dl = diag_list_new();
	doc = load_parse(tpl, dl);
	g_free(tpl);
	if (!doc) {
		fprintf(stderr, "slm new: the template of %s is missing or broken\n", kind);
		diag_list_free(dl);
		return EXIT_USAGE;
	}
	xmlSetProp(xmlDocGetRootElement(doc), (const xmlChar *)"id", (const xmlChar *)id);
	rc = 0;
	for (i = 3; i < argc && !rc; i++) {
		const char *opt = argv[i];
		if (strcmp(opt, "-o") == 0 && i + 1 < argc) {
			out = argv[++i];
		} else if (g_str_has_prefix(opt, "--") && is_ref_option(opt + 2) && i + 1 < argc) {
			const char *ref = argv[++i];
			if (!valid_id(ref))
				rc = cli_usage_error("new", "%s '%s' is not a valid id", opt, ref);
			else if (fill(xmlDocGetRootElement(doc), opt + 2, ref) == 0)
				rc = cli_usage_error("new", "a %s has no %s= reference to fill", kind,
						     opt + 2);
		} else
			rc = cli_usage_error("new", "unknown option '%s'", opt);
	}
	path = out ? g_strdup(out) : g_strconcat(id, ".xml", NULL);
	if (!rc && (rc = write_new(doc, path)) == 0)
		printf("%s: new %s %s; fill in every TODO, then run 'slm check'\n", path, kind, id);
	g_free(path);
	xmlFreeDoc(doc);
	diag_list_free(dl);
	return rc;
}
