/* slm build [PATH] [-o DIR]: the main job (DESIGN §5, §7).  Validate and check the repository,
 * write the check results in every format, render the nonconformity report and every document
 * that has a stylesheet into DIR, mirroring the repository's folders — on all cores, and only
 * what changed since the last build.
 *
 * "Changed" is decided by content, never by clock: DIR/.slm-build records the SHA-1 of every
 * input (documents, stylesheets, schemas) with its size, modification time and inode, so that an
 * unchanged file is recognised without reading it, and a touched but identical one after reading
 * it once.  When nothing changed the build stops there; otherwise the whole repository is checked
 * again (the rules are cross-document), and a PDF is rendered again only when one of the files
 * it read changed.  A document that no longer renders, or whose source is gone, loses its PDF:
 * never a stale one that looks fresh.  Every output is written atomically (output.h). */
#define _GNU_SOURCE
#include "cli.h"
#include "config.h"
#include "fmt.h"
#include "index.h"
#include "load.h"
#include "output.h"
#include "render.h"
#include "repo.h"
#include "rules.h"
#include "schema.h"
#include "timecore.h"

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static const char usage_text[] =
	"usage: slm build [PATH] [-o DIR] [--as-of DATE] [-j N] [--force] [--quiet|--verbose]\n\n"
	"Validate and check the repository at PATH (default: the current folder), write the\n"
	"check results in every format, the nonconformity report (不合格报告) and a PDF of\n"
	"every document that has a stylesheet into DIR (default: out), mirroring the\n"
	"repository's folders.  Only what changed since the last build is done again.\n\n"
	"  -o DIR         the output folder (default: out)\n"
	"  --as-of DATE   the date time-dependent rules judge by (default today)\n"
	"  -j N           render on N threads (default: the number of processors)\n"
	"  --force        ignore what the last build recorded; do everything\n"
	"  -q, --quiet    print nothing but errors\n"
	"  -v, --verbose  name every file written or removed\n"
	"  -h, --help     this help\n\n"
	"Exit status: 0 clean, 1 findings at error severity or a document that does not render,\n"
	"2 usage or I/O failure.\n";

#define MANIFEST LOAD_BUILD_RECORD

struct file_rec {
	gint64 size, mtime_ns;
	guint64 ino;
	char sha[41];
};

struct build {
	const char *root, *out;
	gint32 as_of;
	bool force, quiet, verbose, progress;
	GHashTable *old_files; /* path → struct file_rec*, from the last build */
	GHashTable *old_outputs; /* output path → GPtrArray of dependency paths ([0] = source) */
	int old_status;
	char *old_digest;
	GHashTable *files; /* path → struct file_rec*, this build (filled lazily) */
	GMutex lock;
	GHashTable *outputs; /* output path → GPtrArray of dependency paths */
	unsigned done, total, failed;
	char *out_owned; /* b->out made absolute */
	char *name;	 /* the repository as reports name it: its folder's name, however given */
};

/* ---- content fingerprints ---- */

static struct file_rec *fingerprint(struct build *b, const char *path)
{
	struct file_rec *r, *old;
	struct stat st;
	gchar *data;
	gsize len;
	char *sum;

	g_mutex_lock(&b->lock);
	r = g_hash_table_lookup(b->files, path);
	g_mutex_unlock(&b->lock);
	if (r)
		return r;
	r = g_new0(struct file_rec, 1);
	if (stat(path, &st) != 0) {
		strcpy(r->sha, "missing");
	} else {
		r->size = st.st_size;
		r->mtime_ns = (gint64)st.st_mtim.tv_sec * 1000000000 + st.st_mtim.tv_nsec;
		r->ino = st.st_ino;
		old = b->force ? NULL : g_hash_table_lookup(b->old_files, path);
		if (old && old->size == r->size && old->mtime_ns == r->mtime_ns && old->ino == r->ino)
			memcpy(r->sha, old->sha, sizeof r->sha);
		else if (g_file_get_contents(path, &data, &len, NULL)) {
			sum = g_compute_checksum_for_data(G_CHECKSUM_SHA1, (const guchar *)data, len);
			g_strlcpy(r->sha, sum, sizeof r->sha);
			g_free(sum);
			g_free(data);
		} else
			strcpy(r->sha, "unreadable");
	}
	g_mutex_lock(&b->lock);
	if (!g_hash_table_contains(b->files, path))
		g_hash_table_insert(b->files, g_strdup(path), r);
	else {
		g_free(r);
		r = g_hash_table_lookup(b->files, path);
	}
	g_mutex_unlock(&b->lock);
	return r;
}

static bool unchanged(struct build *b, const char *path)
{
	struct file_rec *old = g_hash_table_lookup(b->old_files, path);
	return old && strcmp(old->sha, fingerprint(b, path)->sha) == 0;
}

/* Every input of the build: the documents, slm's stylesheets and schemas. */
static GPtrArray *inputs(struct build *b, struct diag_list *dl)
{
	GPtrArray *files = g_ptr_array_new_with_free_func(g_free);
	const char *data[] = {"stylesheets", "schemas"};

	load_discover(b->root, files, dl);
	for (size_t i = 0; i < G_N_ELEMENTS(data); i++) {
		char *dir = g_build_filename(cli_data_dir(), data[i], NULL);
		GDir *d = g_dir_open(dir, 0, NULL);
		const char *name;
		while (d && (name = g_dir_read_name(d)))
			if (g_str_has_suffix(name, ".xsl") || g_str_has_suffix(name, ".xsd") ||
			    g_str_has_suffix(name, ".xml")) {
				char *p = g_build_filename(dir, name, NULL), *real = realpath(p, NULL);
				g_ptr_array_add(files, g_strdup(real ? real : p));
				free(real);
				g_free(p);
			}
		if (d)
			g_dir_close(d);
		g_free(dir);
	}
	return files;
}

static char *digest(struct build *b, GPtrArray *files)
{
	GChecksum *c = g_checksum_new(G_CHECKSUM_SHA1);
	char *as_of = time_date_format(b->as_of), *out;

	g_checksum_update(c, (const guchar *)SLM_VERSION, -1);
	g_checksum_update(c, (const guchar *)as_of, -1);
	for (guint i = 0; i < files->len; i++) {
		g_checksum_update(c, (const guchar *)files->pdata[i], -1);
		g_checksum_update(c, (const guchar *)fingerprint(b, files->pdata[i])->sha, -1);
	}
	out = g_strdup(g_checksum_get_string(c));
	g_checksum_free(c);
	g_free(as_of);
	return out;
}

/* ---- the manifest ---- */

/* Whether REL names a file below the output folder: relative, no "..", no empty part. */
static bool inside_output(const char *rel)
{
	char **parts;
	bool ok = *rel && *rel != '/';

	parts = g_strsplit(rel, "/", -1);
	for (char **p = parts; ok && *p; p++)
		ok = **p && strcmp(*p, "..") != 0 && strcmp(*p, ".") != 0;
	g_strfreev(parts);
	return ok;
}

static void read_manifest(struct build *b)
{
	char *path = g_build_filename(b->out, MANIFEST, NULL), *text = NULL;
	char **lines;

	b->old_status = -1;
	if (b->force || !g_file_get_contents(path, &text, NULL, NULL)) {
		g_free(path);
		return;
	}
	lines = g_strsplit(text, "\n", -1);
	/* a record of another format (version 1 named outputs absolutely) is no record */
	for (char **l = g_strcmp0(lines[0], LOAD_BUILD_RECORD_HEAD) == 0 ? lines + 1 : NULL;
	     l && *l; l++) {
		char **f = g_strsplit(*l, "\t", -1);
		guint n = g_strv_length(f);
		if (n == 6 && strcmp(f[0], "file") == 0) {
			struct file_rec *r = g_new0(struct file_rec, 1);
			r->size = g_ascii_strtoll(f[2], NULL, 10);
			r->mtime_ns = g_ascii_strtoll(f[3], NULL, 10);
			r->ino = g_ascii_strtoull(f[4], NULL, 10);
			g_strlcpy(r->sha, f[5], sizeof r->sha);
			g_hash_table_insert(b->old_files, g_strdup(f[1]), r);
		} else if (n >= 3 && strcmp(f[0], "output") == 0 && inside_output(f[1])) {
			/* the record is input like any other: it names outputs relative to the output
			 * folder, and one that would lie outside it is ignored, never removed */
			GPtrArray *deps = g_ptr_array_new_with_free_func(g_free);
			for (guint i = 2; i < n; i++)
				g_ptr_array_add(deps, g_strdup(f[i]));
			g_hash_table_insert(b->old_outputs, g_build_filename(b->out, f[1], NULL), deps);
		} else if (n == 2 && strcmp(f[0], "status") == 0)
			b->old_status = atoi(f[1]);
		else if (n == 2 && strcmp(f[0], "digest") == 0)
			b->old_digest = g_strdup(f[1]);
		g_strfreev(f);
	}
	g_strfreev(lines);
	g_free(text);
	g_free(path);
}

static bool write_manifest(struct build *b, const char *dig, int status)
{
	char *path = g_build_filename(b->out, MANIFEST, NULL);
	struct output o;
	GHashTableIter it;
	gpointer k, v;
	GPtrArray *keys = g_ptr_array_new();
	bool ok;

	if (!output_open(&o, path)) {
		g_free(path);
		g_ptr_array_free(keys, TRUE);
		return false;
	}
	fprintf(o.fp, LOAD_BUILD_RECORD_HEAD "\nversion\t%s\nstatus\t%d\ndigest\t%s\n",
		SLM_VERSION, status, dig);
	g_hash_table_iter_init(&it, b->files);
	while (g_hash_table_iter_next(&it, &k, &v))
		g_ptr_array_add(keys, k);
	g_ptr_array_sort(keys, load_cmp_paths);
	for (guint i = 0; i < keys->len; i++) {
		const struct file_rec *r = g_hash_table_lookup(b->files, keys->pdata[i]);
		fprintf(o.fp, "file\t%s\t%" G_GINT64_FORMAT "\t%" G_GINT64_FORMAT "\t%" G_GUINT64_FORMAT "\t%s\n",
			(const char *)keys->pdata[i], r->size, r->mtime_ns, r->ino, r->sha);
	}
	g_ptr_array_set_size(keys, 0);
	g_hash_table_iter_init(&it, b->outputs);
	while (g_hash_table_iter_next(&it, &k, &v))
		g_ptr_array_add(keys, k);
	g_ptr_array_sort(keys, load_cmp_paths);
	for (guint i = 0; i < keys->len; i++) {
		GPtrArray *deps = g_hash_table_lookup(b->outputs, keys->pdata[i]);
		const char *key = keys->pdata[i];
		size_t n = strlen(b->out);
		/* relative to the output folder: a copied folder's record names its own files */
		if (strncmp(key, b->out, n) != 0 || key[n] != '/')
			continue;
		fprintf(o.fp, "output\t%s", key + n + 1);
		for (guint j = 0; j < deps->len; j++)
			fprintf(o.fp, "\t%s", (const char *)deps->pdata[j]);
		fputc('\n', o.fp);
	}
	ok = output_commit(&o);
	g_ptr_array_free(keys, TRUE);
	g_free(path);
	return ok;
}

/* ---- outputs ---- */

static void say(struct build *b, const char *verb, const char *path)
{
	if (b->verbose)
		fprintf(stderr, "%s %s\n", verb, path);
}

/* Write BYTES to PATH unless it already holds exactly them (make sees no change). */
static bool write_if_changed(struct build *b, const char *path, const char *bytes, gsize len)
{
	gchar *old;
	gsize old_len;
	struct output o;

	if (g_file_get_contents(path, &old, &old_len, NULL)) {
		bool same = old_len == len && memcmp(old, bytes, len) == 0;
		g_free(old);
		if (same)
			return true;
	}
	if (!output_open(&o, path))
		return false;
	fwrite(bytes, 1, len, o.fp);
	say(b, "wrote", path);
	return output_commit(&o);
}

static bool write_reports(struct build *b, const struct diag_list *dl, unsigned files)
{
	static const struct {
		const char *format, *name;
	} reports[] = {{"text", "check.txt"},	  {"json", "check.json"},
		       {"junit", "check.junit.xml"}, {"sarif", "check.sarif"},
		       {"svrl", "check.svrl.xml"},   {"github", "check.github.txt"},
		       {"xml", "check.xml"}};
	char *as_of = time_date_format(b->as_of);
	struct run_info run = {.command = "check", .files = files, .as_of = as_of,
			       .repository = b->name};
	bool ok = true;

	for (size_t i = 0; i < G_N_ELEMENTS(reports); i++) {
		char *buf = NULL, *path = g_build_filename(b->out, reports[i].name, NULL);
		size_t len = 0;
		FILE *mem = open_memstream(&buf, &len);

		fmt_by_name(reports[i].format)->write(mem, dl, &run);
		fclose(mem);
		ok = write_if_changed(b, path, buf, len) && ok;
		free(buf);
		g_free(path);
	}
	g_free(as_of);
	return ok;
}

/* out/REL.pdf for a document at ROOT/REL.xml */
static char *pdf_path(struct build *b, const char *source)
{
	size_t n = strlen(b->root);
	const char *rel = source;
	char *stem, *out;

	if (strcmp(b->root, ".") != 0 && strncmp(source, b->root, n) == 0 && source[n] == '/')
		rel = source + n + 1;
	stem = g_strndup(rel, strlen(rel) - (g_str_has_suffix(rel, ".xml") ? 4 : 0));
	out = g_strconcat(b->out, "/", stem, ".pdf", NULL);
	g_free(stem);
	return out;
}

/* ---- rendering on all cores ---- */

struct task {
	struct build *b;
	const char *source;
	char *out;
	const char *stylesheet;
	struct diag_list *dl;
	GPtrArray *deps;
	bool ok, skipped;
};

static bool up_to_date(struct build *b, const char *out)
{
	GPtrArray *deps = g_hash_table_lookup(b->old_outputs, out);

	if (!deps || access(out, F_OK) != 0)
		return false;
	for (guint i = 0; i < deps->len; i++)
		if (!unchanged(b, deps->pdata[i]))
			return false;
	return true;
}

static void progress(struct build *b, const char *what)
{
	g_mutex_lock(&b->lock);
	b->done++;
	if (b->progress)
		fprintf(stderr, "\r\033[K[%u/%u] %s", b->done, b->total, what);
	g_mutex_unlock(&b->lock);
}

static void render_task(gpointer data, gpointer user)
{
	struct task *t = data;
	char *dir = g_path_get_dirname(t->out);

	progress(t->b, t->source);
	if (g_mkdir_with_parents(dir, 0755) != 0) {
		/* the reason is the folder's (a read-only output folder), not "no such file" */
		diag_add(t->dl, RULE_IO_ERROR, t->out, 0, 0, "cannot create the folder %s: %s", dir,
			 g_strerror(errno));
		t->ok = false;
	} else
		t->ok = render_pool_file(user, t->source, t->stylesheet, t->out, false, t->deps,
					 t->dl);
	g_free(dir);
}

static void task_free(struct task *t)
{
	g_free(t->out);
	diag_list_free(t->dl);
	if (t->deps)
		g_ptr_array_free(t->deps, TRUE);
	g_free(t);
}

/* Render what needs it; returns false when a document did not render. */
static bool render_all(struct build *b, const struct repo *r, const struct index *ix,
		       const struct model *m, const struct diag_list *found, struct diag_list *dl,
		       unsigned jobs)
{
	GPtrArray *tasks = g_ptr_array_new_with_free_func((GDestroyNotify)task_free);
	struct render_pool *rp = NULL;
	GHashTable *broken = g_hash_table_new(g_str_hash, g_str_equal);
	bool ok = true;
	char *nc_src = g_build_filename(b->out, "check.xml", NULL);
	char *nc_xsl = g_build_filename(cli_data_dir(), "stylesheets", "nonconformity.xsl", NULL);
	char *nc_out = g_build_filename(b->out, "nonconformity.pdf", NULL);

	/* documents with errors of their own (malformed, invalid) are not rendered */
	for (guint i = 0; i < found->items->len; i++) {
		const struct diag *d = found->items->pdata[i];
		if (d->rule == RULE_XML_MALFORMED || d->rule == RULE_SCHEMA)
			g_hash_table_add(broken, (gpointer)d->loc.file);
	}
	for (guint i = 0; i <= r->docs->len; i++) {
		const struct doc *d = i < r->docs->len ? r->docs->pdata[i] : NULL;
		struct task *t;
		char *xsl = d ? render_stylesheet_for(d->kind) : NULL;

		if (d && (!xsl || !d->valid || g_hash_table_contains(broken, d->path))) {
			g_free(xsl);
			continue;
		}
		char *out = d ? pdf_path(b, d->path) : g_strdup(nc_out);
		char *why = d ? NULL : cli_nonconformity_refused(found->items->len);
		if (why || (d && strcmp(out, nc_out) == 0)) {
			/* too many findings for the report's own input, or a document whose PDF
			 * would take the report's name */
			diag_add(dl, RULE_RENDER, d ? d->path : "nonconformity.pdf", 0, 0,
				 "not rendered: %s",
				 why ? why : "its PDF would be nonconformity.pdf, the nonconformity "
				             "report's; rename the document");
			g_free(why);
			g_free(out);
			g_free(xsl);
			continue;
		}
		t = g_new0(struct task, 1);
		t->b = b;
		t->source = d ? d->path : nc_src;
		t->out = out;
		t->stylesheet = d ? NULL : nc_xsl;
		t->dl = diag_list_new();
		t->deps = g_ptr_array_new_with_free_func(g_free);
		g_free(xsl);
		g_ptr_array_add(tasks, t);
		if (up_to_date(b, t->out)) {
			GPtrArray *deps = g_hash_table_lookup(b->old_outputs, t->out);
			for (guint j = 0; j < deps->len; j++)
				g_ptr_array_add(t->deps, g_strdup(deps->pdata[j]));
			t->ok = t->skipped = true;
		} else
			b->total++;
	}
	if (b->total && (rp = render_pool_new(r, ix, m, b->root, b->as_of, dl))) {
		GThreadPool *pool = g_thread_pool_new(render_task, rp, (gint)jobs, TRUE, NULL);
		for (guint i = 0; i < tasks->len; i++)
			if (!((struct task *)tasks->pdata[i])->skipped)
				g_thread_pool_push(pool, tasks->pdata[i], NULL);
		g_thread_pool_free(pool, FALSE, TRUE);
		if (b->progress)
			fprintf(stderr, "\r\033[K");
	}
	for (guint i = 0; i < tasks->len; i++) {
		struct task *t = tasks->pdata[i];
		if (!t->skipped)
			say(b, t->ok ? "rendered" : "failed", t->out);
		if (t->ok) {
			g_hash_table_insert(b->outputs, g_strdup(t->out), t->deps);
			t->deps = NULL;
		} else {
			ok = false;
			b->failed++;
			if (unlink(t->out) == 0)
				say(b, "removed", t->out);
		}
		diag_list_take(dl, t->dl);
	}
	render_pool_free(rp);
	g_ptr_array_free(tasks, TRUE);
	g_hash_table_destroy(broken);
	g_free(nc_src);
	g_free(nc_xsl);
	g_free(nc_out);
	return ok;
}

/* PDFs of the last build that this build did not make: their source is gone or broken. */
static void remove_stale(struct build *b)
{
	GHashTableIter it;
	gpointer k, v;

	g_hash_table_iter_init(&it, b->old_outputs);
	while (g_hash_table_iter_next(&it, &k, &v))
		if (!g_hash_table_contains(b->outputs, k) && unlink(k) == 0)
			say(b, "removed", k);
}

/* ---- the command ---- */

static int parse(int argc, char **argv, struct build *b, unsigned *jobs)
{
	static const struct option opts[] = {
		{"output", required_argument, NULL, 'o'}, {"as-of", required_argument, NULL, 'a'},
		{"jobs", required_argument, NULL, 'j'},	  {"force", no_argument, NULL, 'f'},
		{"quiet", no_argument, NULL, 'q'},	  {"verbose", no_argument, NULL, 'v'},
		{"help", no_argument, NULL, 'h'},	  {NULL, 0, NULL, 0}};
	int c;

	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":o:j:qvh", opts, NULL)) != -1) {
		switch (c) {
		case 'o':
			b->out = optarg;
			break;
		case 'a':
			if (time_parse_date(optarg, &b->as_of) != TIME_OK)
				return cli_usage_error("build", "--as-of '%s' is not a date", optarg);
			break;
		case 'j': {
			char *end;
			long j = strtol(optarg, &end, 10);
			if (*end || j < 1 || j > 256)
				return cli_usage_error("build", "-j wants a number of threads");
			*jobs = (unsigned)j;
			break;
		}
		case 'f':
			b->force = true;
			break;
		case 'q':
			b->quiet = true;
			break;
		case 'v':
			b->verbose = true;
			break;
		case 'h':
			fputs(usage_text, stdout);
			return -1;
		case ':':
			return cli_usage_error("build", "option '%s' needs a value", argv[optind - 1]);
		default:
			return cli_usage_error("build", "unknown option '%s'", argv[optind - 1]);
		}
	}
	if (argc - optind > 1)
		return cli_usage_error("build", "one repository at a time");
	b->root = optind < argc ? argv[optind] : ".";
	return 0;
}

static void free_rec_array(gpointer p)
{
	g_ptr_array_free(p, TRUE);
}

static int run(struct build *b, unsigned jobs)
{
	struct diag_list *dl, *msgs;
	char *paths[2] = {(char *)b->root, NULL}, *dig;
	GPtrArray *files;
	struct schema *s;
	struct repo *r;
	struct index *ix;
	struct model *m;
	struct config *conf;
	int status;
	bool ok;

	if (g_mkdir_with_parents(b->out, 0755) != 0) {
		fprintf(stderr, "slm build: cannot create %s: %s\n", b->out, g_strerror(errno));
		return EXIT_USAGE;
	}
	{
		/* work from the repository's root, the output folder named absolutely: the record of
		 * the last build then reads the same however the repository was named (samples,
		 * ./samples, /abs/samples, from another folder), and reports name documents as the
		 * repository does */
		char *out_real = realpath(b->out, NULL), *root_real = realpath(b->root, NULL);
		if (!out_real || !root_real || chdir(root_real) != 0) {
			fprintf(stderr, "slm build: cannot read %s: %s\n", b->root, g_strerror(errno));
			free(out_real);
			free(root_real);
			return EXIT_USAGE;
		}
		if (strcmp(out_real, root_real) == 0) {
			/* its reports would be read back as documents of the repository */
			fprintf(stderr,
				"slm build: the output folder %s is the repository itself; write into "
				"a folder of its own (-o out)\n",
				out_real);
			free(out_real);
			free(root_real);
			return EXIT_USAGE;
		}
		b->out = b->out_owned = g_strdup(out_real);
		b->name = g_path_get_basename(root_real);
		b->root = ".";
		free(out_real);
		free(root_real);
	}
	paths[0] = (char *)b->root;
	dl = diag_list_new();
	msgs = diag_list_new();
	output_sweep(b->out);
	read_manifest(b);
	files = inputs(b, msgs);
	dig = digest(b, files);
	if (b->old_digest && strcmp(dig, b->old_digest) == 0 && b->old_status >= 0) {
		GHashTableIter it;
		gpointer k, v;
		bool all = true;
		g_hash_table_iter_init(&it, b->old_outputs);
		while (all && g_hash_table_iter_next(&it, &k, &v))
			all = access(k, F_OK) == 0;
		if (all) {
			if (!b->quiet)
				fprintf(stderr, "slm build: %s is up to date\n", b->out);
			status = b->old_status;
			goto out;
		}
	}
	{
		char *cpath = strcmp(b->root, ".") == 0 ? g_strdup(CONFIG_FILE)
							: g_build_filename(b->root, CONFIG_FILE, NULL);
		conf = config_load(cpath, true, msgs);
		g_free(cpath);
	}
	if (!conf || !(s = schema_load(cli_data_dir(), msgs))) {
		diag_list_sort(msgs);
		fmt_text_lines(stderr, msgs);
		config_free(conf);
		status = EXIT_USAGE;
		goto out;
	}
	r = repo_load(paths, s, true, dl);
	ix = index_build(r);
	m = model_build(r, ix);
	{
		struct check_ctx c = {r, ix, m, b->as_of, dl};
		rules_run(&c);
	}
	config_apply(conf, dl, b->root);
	config_free(conf);
	diag_list_sort(dl);
	status = diag_exit_status(dl, false);
	ok = write_reports(b, dl, r->files);
	if (!b->quiet) {
		struct diag_counts n = diag_list_count(dl);
		fprintf(stderr, "slm build: %u error%s, %u warning%s in %u files (%s/check.txt)\n",
			n.n[SEV_ERROR] + n.n[SEV_FATAL],
			n.n[SEV_ERROR] + n.n[SEV_FATAL] == 1 ? "" : "s", n.n[SEV_WARNING],
			n.n[SEV_WARNING] == 1 ? "" : "s", r->files, b->out);
	}
	b->progress = !b->quiet && !b->verbose && isatty(2);
	if (!render_all(b, r, ix, m, dl, msgs, jobs))
		status = MAX(status, 1);
	remove_stale(b);
	if (!ok || !write_manifest(b, dig, status))
		status = EXIT_USAGE;
	diag_list_sort(msgs);
	fmt_text_lines(stderr, msgs);
	if (!b->quiet) {
		unsigned made = b->total - b->failed, kept = g_hash_table_size(b->outputs);
		kept -= MIN(made, kept);
		if (b->failed)
			fprintf(stderr, "slm build: %u document%s rendered, %u failed, %u up to date\n",
				made, made == 1 ? "" : "s", b->failed, kept);
		else
			fprintf(stderr, "slm build: %u document%s rendered, %u up to date\n", made,
				made == 1 ? "" : "s", kept);
	}
	model_free(m);
	index_free(ix);
	repo_free(r);
	schema_free(s);
out:
	g_free(dig);
	g_ptr_array_free(files, TRUE);
	diag_list_free(dl);
	diag_list_free(msgs);
	return status;
}

int cmd_build(int argc, char **argv)
{
	struct build b = {.out = "out"};
	unsigned jobs = 0;
	int rc = parse(argc, argv, &b, &jobs);

	if (rc)
		return rc < 0 ? 0 : rc;
	if (!b.as_of) {
		GDateTime *now = g_date_time_new_now_utc();
		b.as_of = (gint32)(g_date_time_to_unix(now) / 86400);
		g_date_time_unref(now);
	}
	if (!jobs)
		jobs = repo_jobs();
	b.old_files = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
	b.old_outputs = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, free_rec_array);
	b.files = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
	b.outputs = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, free_rec_array);
	g_mutex_init(&b.lock);
	rc = run(&b, jobs);
	g_hash_table_destroy(b.old_files);
	g_hash_table_destroy(b.old_outputs);
	g_hash_table_destroy(b.files);
	g_hash_table_destroy(b.outputs);
	g_free(b.old_digest);
	g_free(b.out_owned);
	g_free(b.name);
	g_mutex_clear(&b.lock);
	return rc;
}
