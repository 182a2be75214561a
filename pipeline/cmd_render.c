#define _GNU_SOURCE
/* slm render [-o DIR|FILE] [--stylesheet X] [-MD [-MF FILE]] FILE…: documents to PDF through
 * their kind's stylesheet and slm's paginator (DESIGN §6, §7), on all cores.  Of the repository
 * of the documents, what they reach is loaded once (repo_load_reached), so stylesheets can read
 * the catalog, the organization, the additional SLAs and the reports of what they render; each
 * PDF is written atomically, and a document that cannot be rendered leaves no PDF behind. */
#include "cli.h"
#include "fmt.h"
#include "index.h"
#include "load.h"
#include "output.h"
#include "render.h"
#include "repo.h"
#include "schema.h"
#include "timecore.h"

#include <getopt.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static const char usage_text[] =
	"usage: slm render [-o DIR|FILE] [--stylesheet XSL] [--repository DIR] [--as-of DATE]\n"
	"                  [--layout] [-MD] [-MF FILE] [--quiet] FILE...\n\n"
	"Render each FILE (an agreement of the repository) to PDF through the stylesheet of\n"
	"its kind (stylesheets/KIND.xsl) and slm's layout vocabulary (docs/layout.md).\n\n"
	"  -o DIR|FILE       write into DIR (FILE.pdf for each input), or to FILE for a\n"
	"                    single input; default: beside each input\n"
	"  --stylesheet XSL  use XSL instead of the kind's stylesheet (XSLT 1.0 + EXSLT);\n"
	"                    FILE may then be any XML (slm check --format xml, for one)\n"
	"  --repository DIR  the repository the documents belong to (default: the nearest\n"
	"                    folder above them with .slm-config.xml, else the current one)\n"
	"  --as-of DATE      the date documents are rendered as of (default: today in the\n"
	"                    organization's time zone, the tz= of its first calendar; UTC\n"
	"                    without one)\n"
	"  --layout          write the layout document (XML) instead of the PDF\n"
	"  -MD               also write make dependencies (OUTPUT.d, or -MF FILE)\n"
	"  -MF FILE          where -MD writes them\n"
	"  --targets         write DIR/slm-targets.mk (-o DIR): the PDF of every FILE (none:\n"
	"                    every document of the repository) that has a stylesheet, and its\n"
	"                    rule, as make reads them, and DIR/slm-targets.key, what every PDF\n"
	"                    is made as of (the date, the configuration, slm itself), rewritten\n"
	"                    when that changes; render nothing (slm.mk)\n"
	"  -q, --quiet       print no diagnostics\n"
	"  -h, --help        this help\n\n"
	"Exit status: 0 all rendered, 1 a document could not be rendered, 2 usage or I/O failure.\n";

struct render_opts {
	const char *out, *stylesheet, *repository, *mf;
	bool layout, md, quiet, targets, as_of_given;
	gint32 as_of;
};

static bool is_dir(const char *p)
{
	struct stat st;
	return stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

/* The output of INPUT: -o FILE for a single input; DIR/NAME.pdf for one input, and for several
 * DIR/PATH.pdf mirroring the input's place in the repository ROOT (two sla.xml of two customers
 * must not overwrite each other); without -o, beside the input. */
static char *output_for(const struct render_opts *o, const char *input, int inputs,
			const char *root)
{
	const char *ext = o->layout ? ".layout.xml" : ".pdf";
	char *rel = NULL, *stem, *out, *real = realpath(input, NULL);
	size_t n = strlen(root);

	if (o->out && inputs > 1 && real && strncmp(real, root, n) == 0 && real[n] == '/')
		rel = g_strdup(real + n + 1);
	else
		rel = g_path_get_basename(input);
	free(real);
	if (g_str_has_suffix(rel, ".xml"))
		rel[strlen(rel) - 4] = '\0';
	stem = g_strconcat(rel, ext, NULL);
	if (o->out && inputs == 1 && !is_dir(o->out) && !g_str_has_suffix(o->out, "/"))
		out = g_strdup(o->out);
	else if (o->out)
		out = g_build_filename(o->out, stem, NULL);
	else {
		char *dir = g_path_get_dirname(input), *base = g_path_get_basename(stem);
		out = g_build_filename(dir, base, NULL);
		g_free(dir);
		g_free(base);
	}
	g_free(rel);
	g_free(stem);
	return out;
}

/* ---- make files ---- */

/* The first character of NAME that no make file can express, or '\0'.  GNU make has no escape
 * for these: ';' starts a recipe and '|' order-only prerequisites in a rule line, '%' makes a
 * pattern, and a control character ends or splits the line (tested with GNU make 4.3). */
static char make_refuses(const char *name)
{
	for (const unsigned char *p = (const unsigned char *)name; *p; p++)
		if (*p < 0x20 || *p == 0x7f || *p == ';' || *p == '|' || *p == '%')
			return (char)*p;
	return '\0';
}

/* NAME as a word of a make rule: space, tab, #, :, *, ?, [ and ] escaped by a backslash, and
 * the backslashes just before one of them doubled (make halves only those), $ doubled, = through
 * $(slm_eq), which every make file slm writes defines; a leading - behind ./ (an option), a
 * leading ~ behind $(CURDIR)/ (make would read a home folder, even behind ./). */
static void append_make_name(GString *mk, const char *name)
{
	static const char special[] = " \t#:*?[]";

	if (*name == '-')
		g_string_append(mk, "./");
	else if (*name == '~')
		g_string_append(mk, "$(CURDIR)/");
	for (const char *p = name; *p; p++) {
		if (*p == '\\') {
			size_t run = strspn(p, "\\");
			bool before_special = p[run] && strchr(special, p[run]);
			for (size_t i = 0; i < (before_special ? 2 * run : run); i++)
				g_string_append_c(mk, '\\');
			p += run - 1;
		} else if (*p == '$')
			g_string_append(mk, "$$");
		else if (*p == '=')
			g_string_append(mk, "$(slm_eq)");
		else if (strchr(special, *p))
			g_string_append_c(mk, '\\'), g_string_append_c(mk, *p);
		else
			g_string_append_c(mk, *p);
	}
}

/* NAME as a word of a recipe, for the shell: single-quoted, $ doubled for make. */
static void append_shell_word(GString *mk, const char *name)
{
	g_string_append_c(mk, '\'');
	for (const char *p = name; *p; p++)
		if (*p == '\'')
			g_string_append(mk, "'\\''");
		else if (*p == '$')
			g_string_append(mk, "$$");
		else
			g_string_append_c(mk, *p);
	g_string_append_c(mk, '\'');
}

/* Said once for a name make cannot express; false. */
static bool refuse_name(const char *name, char c)
{
	char *shown = g_strescape(name, "\x80\x81\x82\x83\x84\x85\x86\x87\x88\x89\x8a\x8b\x8c\x8d\x8e\x8f"
					"\x90\x91\x92\x93\x94\x95\x96\x97\x98\x99\x9a\x9b\x9c\x9d\x9e\x9f"
					"\xa0\xa1\xa2\xa3\xa4\xa5\xa6\xa7\xa8\xa9\xaa\xab\xac\xad\xae\xaf"
					"\xb0\xb1\xb2\xb3\xb4\xb5\xb6\xb7\xb8\xb9\xba\xbb\xbc\xbd\xbe\xbf"
					"\xc0\xc1\xc2\xc3\xc4\xc5\xc6\xc7\xc8\xc9\xca\xcb\xcc\xcd\xce\xcf"
					"\xd0\xd1\xd2\xd3\xd4\xd5\xd6\xd7\xd8\xd9\xda\xdb\xdc\xdd\xde\xdf"
					"\xe0\xe1\xe2\xe3\xe4\xe5\xe6\xe7\xe8\xe9\xea\xeb\xec\xed\xee\xef"
					"\xf0\xf1\xf2\xf3\xf4\xf5\xf6\xf7\xf8\xf9\xfa\xfb\xfc\xfd\xfe\xff");
	char *what = (unsigned char)c < 0x20 || c == 0x7f
			     ? g_strdup_printf("a control character (0x%02x)", (unsigned char)c)
			     : g_strdup_printf("'%c'", c);

	fprintf(stderr,
		"slm render: %s: make cannot name a file with %s in it; rename it (slm build "
		"renders it as it is)\n",
		shown, what);
	g_free(shown);
	g_free(what);
	return false;
}

/* "target: prerequisites" as gcc -MD writes it, names escaped, after a line that proves which
 * PDF it was written with (slm.mk includes only what is so proven).  False when a name cannot
 * be expressed. */
/* The first line of a dependency file written with the PDF at PATH: what proves the PDF is
 * the one it was written with (dev, inode, size, ctime); NULL when there is no such PDF. */
static char *pdf_stamp(const char *path)
{
	struct output_id id;

	if (!output_identify(path, &id, false))
		return NULL;
	return g_strdup_printf("# slm-pdf %" G_GUINT64_FORMAT " %" G_GUINT64_FORMAT
			       " %" G_GUINT64_FORMAT " %" G_GINT64_FORMAT "\n",
			       id.dev, id.ino, id.size, id.ctime_ns);
}

static bool write_rule(GString *mk, const char *target, const GPtrArray *deps)
{
	char c, *stamp;

	if ((c = make_refuses(target)))
		return refuse_name(target, c);
	for (guint i = 0; i < deps->len; i++)
		if ((c = make_refuses(deps->pdata[i])))
			return refuse_name(deps->pdata[i], c);
	if (!(stamp = pdf_stamp(target)))
		return false;
	g_string_append(mk, stamp);
	g_string_append(mk, "slm_eq := =\n");
	g_free(stamp);
	append_make_name(mk, target);
	g_string_append_c(mk, ':');
	for (guint i = 0; i < deps->len; i++) {
		g_string_append(mk, " \\\n ");
		append_make_name(mk, deps->pdata[i]);
	}
	g_string_append(mk, "\n");
	/* phony targets for every prerequisite, so a deleted file does not break make */
	for (guint i = 0; i < deps->len; i++) {
		g_string_append_c(mk, '\n');
		append_make_name(mk, deps->pdata[i]);
		g_string_append(mk, ":\n");
	}
	return true;
}

/* Whether the dependency file D was written by slm render -MD together with the PDF it names
 * in its first line, which is still there: the one such file make may read.  A committed or
 * crafted one never is (another inode, another ctime). */
static bool deps_proven(const char *d, const char *pdf)
{
	gsize len;
	char *text = output_read(d, 16u << 20, &len), *want = text ? pdf_stamp(pdf) : NULL;
	bool ok = want && g_str_has_prefix(text, want) && strlen(text) == len;

	g_free(want);
	g_free(text);
	return ok;
}

static bool write_deps(const char *path, const GString *mk)
{
	struct output o;

	if (!output_open(&o, path))
		return false;
	fputs(mk->str, o.fp);
	return output_commit(&o);
}

static int parse(int argc, char **argv, struct render_opts *o)
{
	static const struct option opts[] = {
		{"output", required_argument, NULL, 'o'},     {"stylesheet", required_argument, NULL, 's'},
		{"repository", required_argument, NULL, 'r'}, {"as-of", required_argument, NULL, 'a'},
		{"layout", no_argument, NULL, 'l'},	      {"quiet", no_argument, NULL, 'q'},
		{"help", no_argument, NULL, 'h'},	      {"MD", no_argument, NULL, 'D'},
		{"MF", required_argument, NULL, 'F'},	      {"targets", no_argument, NULL, 't'},
		{NULL, 0, NULL, 0}};
	int c;

	optind = 1;
	opterr = 0;
	/* -MD and -MF are single-dash long options, as in gcc */
	while ((c = getopt_long_only(argc, argv, ":o:qh", opts, NULL)) != -1) {
		switch (c) {
		case 'o':
			o->out = optarg;
			break;
		case 's':
			o->stylesheet = optarg;
			break;
		case 'r':
			o->repository = optarg;
			break;
		case 'a':
			if (time_parse_date(optarg, &o->as_of) != TIME_OK)
				return cli_usage_error("render", "--as-of '%s' is not a date", optarg);
			o->as_of_given = true;
			break;
		case 'l':
			o->layout = true;
			break;
		case 'q':
			o->quiet = true;
			break;
		case 'D':
			o->md = true;
			break;
		case 'F':
			o->mf = optarg;
			break;
		case 't':
			o->targets = true;
			break;
		case 'h':
			fputs(usage_text, stdout);
			return -1;
		case ':':
			return cli_usage_error("render", "option '%s' needs a value", argv[optind - 1]);
		default:
			return cli_usage_error("render", "unknown option '%s'", argv[optind - 1]);
		}
	}
	if (optind >= argc && !o->targets)
		return cli_usage_error("render", "name at least one document to render");
	if (o->mf && !o->md)
		return cli_usage_error("render", "-MF needs -MD");
	if (o->stylesheet && access(o->stylesheet, R_OK) != 0)
		return cli_usage_error("render", "cannot read the stylesheet %s", o->stylesheet);
	return 0;
}

/* Whether INPUT lies in the repository ROOT (a real path) by its name, read from the real
 * folder CWD, but is a link that leads out of it: such a file is not read (as check does not),
 * lest `make pdf` publish what the link points to.  Says so in DL when DL is not NULL. */
static bool link_leaves(const char *input, const char *root, const char *cwd,
			struct diag_list *dl)
{
	char *named = cwd ? g_canonicalize_filename(input, cwd) : NULL;
	char *real = named ? realpath(input, NULL) : NULL;
	size_t n = strlen(root);
	bool leaves = real && strncmp(named, root, n) == 0 && named[n] == '/' &&
		      !(strncmp(real, root, n) == 0 && real[n] == '/');

	if (leaves && dl)
		diag_add(dl, RULE_UNSAFE_PATH, input, 0, 0,
			 "symbolic link leaves the repository (it leads to %s); not rendered", real);
	g_free(named);
	free(real);
	return leaves;
}

/* The first of the N OUTS that is one of the N FILES to render (-o naming an input), or NULL. */
static const char *output_is_input(char *const *outs, char **files, int n)
{
	GHashTable *inputs = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
	const char *same = NULL;
	struct stat st;

	for (int i = 0; i < n; i++)
		if (stat(files[i], &st) == 0)
			g_hash_table_add(inputs, g_strdup_printf("%ju:%ju", (uintmax_t)st.st_dev,
								 (uintmax_t)st.st_ino));
	for (int i = 0; i < n && !same; i++) {
		char *key;
		if (stat(outs[i], &st) != 0)
			continue;
		key = g_strdup_printf("%ju:%ju", (uintmax_t)st.st_dev, (uintmax_t)st.st_ino);
		if (g_hash_table_contains(inputs, key))
			same = outs[i];
		g_free(key);
	}
	g_hash_table_destroy(inputs);
	return same;
}

/* Remove the output of an earlier run that this one failed to replace, so that a make that
 * stops here cannot take it for up to date: a regular file reached through no link, and only
 * one slm made — a PDF slm is the creator of, or a layout document (-o may name any file). */
static void remove_stale_pdf(const char *path)
{
	gsize len;
	char *text = output_read(path, 256u << 20, &len);
	bool ours = text && ((g_str_has_prefix(text, "%PDF-") &&
			      memmem(text, len, "/Creator (slm)", 14)) ||
			     (g_str_has_prefix(text, "<?xml") &&
			      g_strstr_len(text, MIN(len, 512), "xmlns=\"urn:slm:layout:1\"")));

	g_free(text);
	if (ours)
		output_remove(path, NULL);
}

/* One document's rule of slm-targets.mk, and its PDF's name in PDFS; false when make cannot
 * name it.  KEY is the key file every PDF depends on; AS_OF the date the recipe passes, or NULL
 * when SLM_FLAGS gives it. */
static bool target_rule(GString *mk, GString *pdfs, const char *source, const char *out,
			const GPtrArray *namers, const char *key, const char *as_of)
{
	char *stem = g_strndup(out, strlen(out) - (g_str_has_suffix(out, ".pdf") ? 4 : 0));
	char *d = g_strconcat(stem, ".d", NULL), c;
	bool proven = deps_proven(d, out), ok = true;

	if ((c = make_refuses(source)))
		ok = refuse_name(source, c);
	else if ((c = make_refuses(out)))
		ok = refuse_name(out, c);
	for (guint i = 0; ok && namers && i < namers->len; i++)
		if ((c = make_refuses(namers->pdata[i])))
			ok = refuse_name(namers->pdata[i], c);
	if (ok) {
		append_make_name(mk, out);
		g_string_append(mk, ": ");
		append_make_name(mk, source);
		/* the documents naming it: a stylesheet asks for them (an SLA's additional SLAs),
		 * so a new one makes the PDF again, though no dependency file could name it */
		for (guint i = 0; namers && i < namers->len; i++) {
			g_string_append_c(mk, ' ');
			append_make_name(mk, namers->pdata[i]);
		}
		/* what it is made as of: rewritten when the date, the configuration or slm
		 * changes, so every PDF is made again */
		g_string_append_c(mk, ' ');
		append_make_name(mk, key);
		/* without dependencies slm proves its own, it is made again */
		g_string_append(mk, proven ? "\n" : " slm-force\n");
		/* the date the key was written for, whenever make gets to the recipe (past
		 * midnight, too); an --as-of of SLM_FLAGS is that date already */
		g_string_append(mk, "\t$(SLM) render $(SLM_FLAGS) ");
		if (as_of)
			g_string_append_printf(mk, "--as-of %s ", as_of);
		g_string_append(mk, "--repository . -MD -MF ");
		append_shell_word(mk, d);
		g_string_append(mk, " -o ");
		append_shell_word(mk, out);
		g_string_append(mk, " -- ");
		append_shell_word(mk, source);
		g_string_append_c(mk, '\n');
		if (proven) {
			g_string_append(mk, "-include ");
			append_make_name(mk, d);
			g_string_append_c(mk, '\n');
		}
		g_string_append(pdfs, " \\\n  ");
		append_make_name(pdfs, out);
	}
	g_free(stem);
	g_free(d);
	return ok;
}

/* Mark DIR as slm's output folder (it is never read as documents), unless it is already. */
static bool mark_output_folder(const char *dir)
{
	char *why = NULL;
	int fd = output_dir_open(dir, true, &why);
	bool ok = fd >= 0;

	if (!ok)
		fprintf(stderr, "slm render: cannot create %s: %s\n", dir, why);
	else if (!output_folder_is_slm(fd)) {
		char *path = g_build_filename(dir, OUTPUT_RECORD, NULL);
		struct output o;
		ok = output_open(&o, path);
		if (ok) {
			fputs(OUTPUT_RECORD_HEAD "\n", o.fp);
			ok = output_commit(&o);
		}
		g_free(path);
	}
	if (fd >= 0)
		close(fd);
	g_free(why);
	return ok;
}

/* The date --targets writes rules for: --as-of, else today of the repository ROOT.  The
 * organization is looked for among DOCS (of KINDS) when they are the repository's (ALL), else
 * through the repository's own view (repo_load_reached, which always takes it). */
static gint32 targets_as_of(const struct render_opts *o, const char *root, GPtrArray *docs,
			    const enum kind *kinds, bool all)
{
	char *paths[2] = {NULL, NULL}, *none[1] = {NULL};
	struct diag_list *ignored;
	struct repo *r;
	gint32 day;

	if (o->as_of_given)
		return o->as_of;
	ignored = diag_list_new();
	for (guint i = 0; all && i < docs->len && !paths[0]; i++)
		if (kinds[i] == KIND_ORGANIZATION)
			paths[0] = docs->pdata[i];
	if (all)
		r = paths[0] ? repo_load(paths, NULL, true, ignored) : NULL;
	else {
		paths[0] = (char *)root;
		r = repo_load_reached(paths, none, ignored);
	}
	day = cli_today(r);
	repo_free(r);
	diag_list_free(ignored);
	return day;
}

/* Write TEXT to PATH unless it holds it already: make compares its time with the PDFs'. */
static bool write_key(const char *path, const char *text)
{
	gsize len, n = strlen(text);
	char *old = output_read(path, n, &len);
	bool same = old && len == n && memcmp(old, text, n) == 0;
	struct output o;

	g_free(old);
	if (same)
		return true;
	if (!output_open(&o, path))
		return false;
	fputs(text, o.fp);
	return output_commit(&o);
}

/* --targets: DIR/slm-targets.mk for slm.mk, a make file that names, escaped, the PDF of every
 * document of FILES (none: of the repository) that has a stylesheet, with its rule.  The
 * documents are found by slm, never passed through a shell or a command line. */
static int print_targets(const struct render_opts *o, char **files, int n)
{
	const char *repo = o->repository ? o->repository : ".";
	GPtrArray *docs = g_ptr_array_new_with_free_func(g_free);
	struct diag_list *dl = diag_list_new();
	GString *mk = g_string_new("# slm render --targets: the PDFs make renders, and how (slm.mk)\n"
				   "slm_eq := =\n.PHONY: slm-force\nslm-force:\n");
	/* the list in one assignment: 100,000 appends (+=) would take make minutes */
	GString *pdfs = g_string_new("SLM_PDFS :=");
	char *root, *cwd = realpath(".", NULL), *path, **ids, *key_path, *key, *as_of, *conf;
	GHashTable *named = g_hash_table_new_full(g_str_hash, g_str_equal, g_free,
						  (GDestroyNotify)g_ptr_array_unref);
	enum kind *kinds;
	int rc = 0;
	struct output out;

	if (!o->out) {
		g_hash_table_destroy(named);
		g_string_free(pdfs, TRUE);
		g_ptr_array_free(docs, TRUE);
		diag_list_free(dl);
		g_string_free(mk, TRUE);
		free(cwd);
		return cli_usage_error("render", "--targets needs -o DIR");
	}
	if (!mark_output_folder(o->out))
		rc = 2;
	if (n == 0)
		load_discover(repo, docs, dl);
	for (int i = 0; i < n; i++)
		g_ptr_array_add(docs, g_strdup(files[i]));
	root = docs->len ? render_find_repository(docs->pdata[0]) : g_strdup(repo);
	if (o->repository) {
		char *real = realpath(o->repository, NULL);
		g_free(root);
		root = g_strdup(real ? real : o->repository);
		free(real);
	}
	/* first every document's kind and id, and what its root element names */
	kinds = g_new0(enum kind, docs->len);
	ids = g_new0(char *, docs->len);
	for (guint i = 0; i < docs->len; i++)
		kinds[i] = KIND_UNKNOWN; /* until scanned: 0 is the organization */
	for (guint i = 0; i < docs->len; i++) {
		const char *f = docs->pdata[i];
		struct scan sc;
		size_t at = 0;
		/* a link out of the repository is not read, and so not named */
		if (link_leaves(f, root, cwd, NULL) || !load_scan(f, &sc))
			continue;
		kinds[i] = kind_by_name(sc.root);
		for (unsigned k = 0; k < sc.root_pairs; k++) {
			const char *name = sc.data + at, *value = name + strlen(name) + 1;
			GPtrArray *list;
			at = (size_t)(value + strlen(value) + 1 - sc.data);
			if (strcmp(name, "id") == 0) {
				ids[i] = g_strdup(value);
				continue;
			}
			if (!(list = g_hash_table_lookup(named, value))) {
				list = g_ptr_array_new();
				g_hash_table_insert(named, g_strdup(value), list);
			}
			g_ptr_array_add(list, (gpointer)f);
		}
		load_scan_clear(&sc);
	}
	/* what every PDF is made as of, in a file of its own that each PDF's rule names */
	{
		gint32 day = targets_as_of(o, root, docs, kinds, n == 0);
		as_of = time_date_format(day);
		conf = g_build_filename(root, ".slm-config.xml", NULL);
		key = cli_output_key(day, conf, NULL, NULL);
		key_path = g_build_filename(o->out, "slm-targets.key", NULL);
		if (rc != 2 && !write_key(key_path, key))
			rc = 2;
	}
	for (guint i = 0; i < docs->len && rc != 2; i++) {
		const char *f = docs->pdata[i];
		char *xsl = kinds[i] != KIND_UNKNOWN ? render_stylesheet_for(kinds[i]) : NULL;
		GPtrArray *namers = g_ptr_array_new();
		const GPtrArray *all = ids[i] ? g_hash_table_lookup(named, ids[i]) : NULL;

		for (guint k = 0; all && k < all->len; k++)
			if (all->pdata[k] != f && !g_ptr_array_find(namers, all->pdata[k], NULL))
				g_ptr_array_add(namers, all->pdata[k]);
		if (xsl) {
			char *pdf = output_for(o, f, MAX(n, 2), root);
			if (!target_rule(mk, pdfs, f, pdf, namers, key_path,
					 o->as_of_given ? NULL : as_of))
				rc = 1;
			g_free(pdf);
		}
		g_ptr_array_free(namers, TRUE);
		g_free(xsl);
	}
	for (guint i = 0; i < docs->len; i++)
		g_free(ids[i]);
	g_free(ids);
	g_free(kinds);
	g_hash_table_destroy(named);
	path = g_build_filename(o->out, "slm-targets.mk", NULL);
	if (rc != 2 && output_open(&out, path)) {
		fputs(mk->str, out.fp);
		fputs(pdfs->str, out.fp);
		fputc('\n', out.fp);
		if (!output_commit(&out))
			rc = 2;
	} else
		rc = 2;
	g_free(path);
	g_free(key_path);
	g_free(key);
	g_free(as_of);
	g_free(conf);
	g_free(root);
	free(cwd);
	g_string_free(mk, TRUE);
	g_string_free(pdfs, TRUE);
	g_ptr_array_free(docs, TRUE);
	diag_list_free(dl);
	return rc;
}

struct render_job {
	struct render_pool *pool;
	const struct render_opts *o;
	const char *source;
	const char *out; /* of outs[] */
	GPtrArray *deps;
	struct diag_list *dl;
	bool ok;
};

static void render_one(gpointer data, gpointer unused)
{
	struct render_job *j = data;

	(void)unused;
	j->ok = (!j->o->out || output_mkdirs(j->out)) && render_pool_file(j->pool, j->source, j->o->stylesheet, j->out, j->o->layout,
				 j->deps, j->dl);
}

/* Validate the inputs themselves: a document with errors is not rendered.  With --stylesheet,
 * an input that is not an slm document (slm check's XML findings, for the nonconformity report)
 * is the stylesheet's business: render still refuses it if it is not well-formed. */
static bool inputs_valid(char **files, int n, const struct schema *s, bool any_xml,
			 struct diag_list *dl)
{
	char **paths = g_new0(char *, n + 1);
	struct diag_list *tmp = diag_list_new();
	struct repo *r;
	bool ok;
	int k = 0;

	for (int i = 0; i < n; i++) {
		struct scan sc;
		/* the root's name, by the byte scan (render parses the input itself) */
		bool other = any_xml && load_scan(files[i], &sc) &&
			     kind_by_name(sc.root) == KIND_UNKNOWN;
		if (any_xml)
			load_scan_clear(&sc);
		if (!other)
			paths[k++] = files[i];
	}
	r = repo_load(paths, s, false, tmp);
	ok = diag_exit_status(tmp, false) == 0;
	diag_list_take(dl, tmp);
	diag_list_free(tmp);
	repo_free(r);
	g_free(paths);
	return ok;
}

int cmd_render(int argc, char **argv)
{
	struct render_opts o = {0};
	struct diag_list *dl;
	struct schema *s = NULL;
	char *root, *cwd = NULL, *paths[2] = {NULL, NULL}, **outs = NULL;
	const char *same;
	struct repo *r = NULL;
	struct index *ix = NULL;
	struct model *m = NULL;
	struct render_pool *pool = NULL;
	GString *mk;
	int rc_exit = 0, n, c = parse(argc, argv, &o);

	if (c)
		return c < 0 ? 0 : c;
	n = argc - optind;
	if (o.targets)
		return print_targets(&o, argv + optind, n);
	dl = diag_list_new();
	mk = g_string_new(NULL);
	cwd = realpath(".", NULL);
	if (o.repository) {
		char *real = realpath(o.repository, NULL);
		root = g_strdup(real ? real : o.repository);
		free(real);
	} else
		root = render_find_repository(argv[optind]);
	output_guard_repository(root);
	load_confine(root);
	paths[0] = root;
	outs = g_new0(char *, n + 1);
	for (int i = 0; i < n; i++)
		outs[i] = output_for(&o, argv[optind + i], n, root);
	{
		/* two inputs of one name from outside the repository go to one -o DIR/NAME.pdf */
		GHashTable *seen = g_hash_table_new(g_str_hash, g_str_equal);
		for (int i = 0; i < n && !rc_exit; i++) {
			const char *first = g_hash_table_lookup(seen, outs[i]);
			if (first)
				rc_exit = cli_usage_error("render",
							  "%s and %s would both be written to %s; "
							  "render them into different folders",
							  first, argv[optind + i], outs[i]);
			g_hash_table_insert(seen, outs[i], argv[optind + i]);
		}
		g_hash_table_destroy(seen);
		if (rc_exit)
			goto out;
	}
	if ((same = output_is_input(outs, argv + optind, n))) {
		rc_exit = cli_usage_error("render",
					  "the output %s is a document to render; choose another -o",
					  same);
		goto out;
	}
	for (int i = 0; i < n; i++)
		if (link_leaves(argv[optind + i], root, cwd, dl))
			rc_exit = 1;
	if (rc_exit)
		goto out;
	if (o.mf) {
		/* -MF that can never be written (a document, a link, a device) refuses the run
		 * before any PDF is made: no output of a failed run */
		struct output probe;
		if (!output_mkdirs(o.mf) || !output_open(&probe, o.mf)) {
			rc_exit = 2;
			goto out;
		}
		output_abort(&probe);
	}
	if (!(s = schema_load(cli_data_dir(), dl)) || !inputs_valid(argv + optind, n, s, o.stylesheet != NULL, dl)) {
		rc_exit = diag_exit_status(dl, false) ? diag_exit_status(dl, false) : 1;
		/* nothing is rendered: PDFs of an earlier run must not pass for this one's */
		for (int i = 0; i < n; i++)
			remove_stale_pdf(outs[i]);
		goto out;
	}
	{
		/* the repository's own findings are check's business, not render's; of the
		 * repository, only what the documents to render reach is read */
		struct diag_list *ignored = diag_list_new();
		r = repo_load_reached(paths, argv + optind, ignored);
		diag_list_free(ignored);
	}
	if (!o.as_of_given)
		o.as_of = cli_today(r);
	ix = index_build(r);
	m = model_build(r, ix, o.as_of);
	if (!(pool = render_pool_new(r, ix, m, root, o.as_of, dl))) {
		rc_exit = 2;
		goto out;
	}
	{
		/* every input on all cores; results taken in the order given */
		struct render_job *jobs = g_new0(struct render_job, n);
		for (int i = 0; i < n; i++) {
			jobs[i].pool = pool;
			jobs[i].o = &o;
			jobs[i].source = argv[optind + i];
			jobs[i].out = outs[i];
			jobs[i].deps = o.md ? g_ptr_array_new_with_free_func(g_free) : NULL;
			jobs[i].dl = diag_list_new();
		}
		repo_run_all(render_one, jobs, sizeof *jobs, (guint)n, NULL);
		for (int i = 0; i < n; i++) {
			struct render_job *j = &jobs[i];
			if (!j->ok) {
				rc_exit = MAX(rc_exit, diag_exit_status(j->dl, false) == 2 ? 2 : 1);
				/* the PDF of an earlier run no longer shows the document: a make
				 * that stops here must not take it for up to date */
				remove_stale_pdf(j->out);
			}
			else if (o.md && !write_rule(mk, j->out, j->deps))
				rc_exit = 2;
			if (o.md && !o.mf) {
				char *d = g_strconcat(j->out, ".d", NULL);
				if (mk->len && !write_deps(d, mk))
					rc_exit = 2;
				g_string_truncate(mk, 0);
				g_free(d);
			}
			diag_list_take(dl, j->dl);
			diag_list_free(j->dl);
			if (j->deps)
				g_ptr_array_free(j->deps, TRUE);
		}
		g_free(jobs);
	}
	if (o.md && o.mf && !write_deps(o.mf, mk))
		rc_exit = 2;
out:
	if (!o.quiet) {
		diag_list_sort(dl);
		fmt_text_lines(stderr, dl);
	}
	render_pool_free(pool);
	model_free(m);
	index_free(ix);
	repo_free(r);
	schema_free(s);
	diag_list_free(dl);
	g_string_free(mk, TRUE);
	g_strfreev(outs);
	g_free(root);
	free(cwd);
	return rc_exit;
}
