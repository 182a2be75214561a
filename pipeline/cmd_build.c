/* slm build [PATH] [-o DIR]: the main job (DESIGN §5, §7).  Validate and check the repository,
 * write the check results in every format, render the nonconformity report and every document
 * that has a stylesheet into DIR, mirroring the repository's folders — on all cores, and only
 * what changed since the last build.
 *
 * "Changed" is decided by content, never by clock: DIR/.slm-build records the SHA-256 of every
 * input (documents, stylesheets, schemas) with its size, modification time and inode, so that an
 * unchanged file is recognised without reading it, and a touched but identical one after reading
 * it once.  When nothing changed the build stops there; otherwise the whole repository is checked
 * again (the rules are cross-document), and a PDF is rendered again only when one of the files
 * it read changed or it was made as of something else (its key, cli_output_key: another as-of
 * date, configuration or slm binary, renderer or fonts).  Every PDF is keyed by the as-of date:
 * the effective SLA, "截至" lines, statuses and overdue marks depend on it, and keying only
 * those that do would have to know what every stylesheet reads.  Without --as-of, today is
 * known once the repository is loaded (cli_today); until then the zone the last build found
 * stands in (see run).  A document that no longer renders, or whose source is gone, loses its
 * PDF: never a stale one that looks fresh.  Every output is written atomically (output.h). */
#define _GNU_SOURCE
#include "cli.h"
#include "config.h"
#include "fmt.h"
#include "index.h"
#include "load.h"
#include "output.h"
#include "record.h"
#include "render.h"
#include "repo.h"
#include "rules.h"
#include "schema.h"
#include "timecore.h"

#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <pthread.h>
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
	"  --as-of DATE   the date time-dependent rules judge by and documents are rendered\n"
	"                 as of (default: today in the organization's time zone, the tz= of\n"
	"                 its first calendar; UTC without one)\n"
	"  -j N           render on N threads (default: the number of processors)\n"
	"  --force        ignore what the last build recorded; do everything\n"
	"  -q, --quiet    print nothing but errors\n"
	"  -v, --verbose  name every file written or removed\n"
	"  -h, --help     this help\n\n"
	"Exit status: 0 clean, 1 findings at error severity or a document that does not render,\n"
	"2 usage or I/O failure.\n";

struct build {
	const char *root, *out;
	gint32 as_of;
	bool as_of_given;
	char key[65]; /* of every output this build makes (cli_output_key, hashed) */
	char *key_text;
	bool force, quiet, verbose, progress;
	struct record *old; /* the last build's record (empty with --force or none) */
	struct record *now; /* this build's: inputs fingerprinted lazily, outputs as made */
	pthread_mutex_t lock;
	unsigned done, total, failed;
	char *out_owned; /* b->out made absolute */
	int outfd;	 /* the output folder, opened through no link */
	char *name;	 /* the repository as reports name it: its folder's name, however given */
};

/* ---- content fingerprints ---- */

/* What PATH holds now.  Opened without blocking and read only when it is a regular file of at
 * most MAX bytes (a FIFO or device is "unreadable", never waited on or read to the end); not
 * read when inode, size and both times are what the last build saw (a rewrite that keeps size
 * and mtime still changes ctime). */
static struct record_file *fingerprint_max(struct build *b, const char *path, guint64 max)
{
	struct record_file *r, *old;
	struct stat st;
	int fd;

	pthread_mutex_lock(&b->lock);
	r = g_hash_table_lookup(b->now->files, path);
	pthread_mutex_unlock(&b->lock);
	if (r)
		return r;
	r = g_new0(struct record_file, 1);
	fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
	if (fd < 0 || fstat(fd, &st) != 0) {
		strcpy(r->sha, errno == ENOENT ? "missing" : "unreadable");
	} else {
		r->size = (guint64)st.st_size;
		r->mtime_ns = (gint64)st.st_mtim.tv_sec * 1000000000 + st.st_mtim.tv_nsec;
		r->ctime_ns = (gint64)st.st_ctim.tv_sec * 1000000000 + st.st_ctim.tv_nsec;
		r->ino = st.st_ino;
		old = g_hash_table_lookup(b->old->files, path);
		if (old && old->size == r->size && old->mtime_ns == r->mtime_ns &&
		    old->ctime_ns == r->ctime_ns && old->ino == r->ino)
			memcpy(r->sha, old->sha, sizeof r->sha);
		else if (!S_ISREG(st.st_mode) || !output_sha_fd(fd, max, r->sha))
			strcpy(r->sha, "unreadable");
	}
	if (fd >= 0)
		close(fd);
	pthread_mutex_lock(&b->lock);
	if (!g_hash_table_contains(b->now->files, path))
		g_hash_table_insert(b->now->files, g_strdup(path), r);
	else {
		g_free(r);
		r = g_hash_table_lookup(b->now->files, path);
	}
	pthread_mutex_unlock(&b->lock);
	return r;
}

/* An input: at most what slm reads of a document. */
static struct record_file *fingerprint(struct build *b, const char *path)
{
	return fingerprint_max(b, path, LOAD_MAX_BYTES);
}

/* A file of the key: slm's binary, renderer and fonts may be larger than a document. */
static const char *key_sha(const char *path, void *user)
{
	return fingerprint_max(user, path, G_MAXUINT64)->sha;
}

/* Build as of DAY: the key of every output. */
static void set_as_of(struct build *b, gint32 day)
{
	char *sha;

	b->as_of = day;
	g_free(b->key_text);
	b->key_text = cli_output_key(day, CONFIG_FILE, key_sha, b);
	sha = g_compute_checksum_for_string(G_CHECKSUM_SHA256, b->key_text, -1);
	g_strlcpy(b->key, sha, sizeof b->key);
	g_free(sha);
}

static bool unchanged(struct build *b, const char *path)
{
	struct record_file *old = g_hash_table_lookup(b->old->files, path);
	return old && strcmp(old->sha, fingerprint(b, path)->sha) == 0;
}

/* Every input of the build: the documents, slm's stylesheets and schemas. */
static GPtrArray *inputs(struct build *b, struct diag_list *dl)
{
	GPtrArray *files = g_ptr_array_new_with_free_func(g_free);
	const char *data[] = {"stylesheets", "schemas"};

	load_discover(b->root, files, dl);
	/* hidden, so not found, but it decides what the reports say */
	g_ptr_array_add(files, g_strdup(CONFIG_FILE));
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

/* Of every input and the key: equal digests, nothing to do. */
static char *digest(struct build *b, GPtrArray *files)
{
	GChecksum *c = g_checksum_new(G_CHECKSUM_SHA256);
	char *out;

	g_checksum_update(c, (const guchar *)b->key_text, -1);
	for (guint i = 0; i < files->len; i++) {
		g_checksum_update(c, (const guchar *)files->pdata[i], strlen(files->pdata[i]) + 1);
		g_checksum_update(c, (const guchar *)fingerprint(b, files->pdata[i])->sha, -1);
	}
	out = g_strdup(g_checksum_get_string(c));
	g_checksum_free(c);
	return out;
}

/* ---- the record ---- */

static char *out_path(const struct build *b, const char *rel)
{
	return g_build_filename(b->out, rel, NULL);
}

static void read_record(struct build *b)
{
	char *path = out_path(b, OUTPUT_RECORD), *text;
	gsize len;

	b->old = record_new();
	if (!b->force && (text = output_read(path, 64u << 20, &len))) {
		record_parse(b->old, text, len);
		g_free(text);
	}
	g_free(path);
}

static bool write_record(const struct build *b, const struct record *r)
{
	char *path = out_path(b, OUTPUT_RECORD);
	struct output o;
	bool ok = output_open(&o, path);

	if (ok) {
		record_write(o.fp, r);
		ok = output_commit(&o);
	}
	g_free(path);
	return ok;
}

/* Whether the output REL is the very file the last build made: same inode, change time and
 * size (ctime changes with every write and cannot be set back). */
static bool proven(const struct build *b, const char *rel)
{
	const struct record_output *old = g_hash_table_lookup(b->old->outputs, rel);
	struct output_id now;

	return old && output_identify_at(b->outfd, rel, &now, false) && now.dev == old->id.dev &&
	       now.ino == old->id.ino && now.size == old->id.size &&
	       now.ctime_ns == old->id.ctime_ns;
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

	if ((old = output_read(path, len, &old_len))) {
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

/* REL.pdf, relative to the output folder, for a document at REL.xml of the repository */
static char *pdf_rel(const char *source)
{
	char *stem = g_strndup(source, strlen(source) - (g_str_has_suffix(source, ".xml") ? 4 : 0));
	char *rel = g_strconcat(stem, ".pdf", NULL);

	g_free(stem);
	return rel;
}

/* ---- rendering on all cores ---- */

struct task {
	struct build *b;
	const char *source;
	char *rel, *out; /* relative to the output folder; as written */
	const char *stylesheet;
	struct diag_list *dl;
	GPtrArray *deps;
	const GPtrArray *namers; /* the documents naming SOURCE (namers_of) */
	bool ok, skipped;
};

/* Document path → the documents whose root element names its id (GPtrArray of paths): a
 * stylesheet asks for them (slm:referring: the additional SLAs of an SLA), so a PDF depends on
 * them even before they exist — a new additional SLA changes its base SLA's PDF. */
static GHashTable *namers_of(const struct repo *r, const struct index *ix)
{
	GHashTable *namers = g_hash_table_new_full(g_str_hash, g_str_equal, NULL,
						   (GDestroyNotify)g_ptr_array_unref);

	for (guint i = 0; i < r->docs->len; i++) {
		const struct doc *x = r->docs->pdata[i];
		for (unsigned a = 0; x->root && a < x->root->nattrs; a++) {
			const char *v = x->root->attrs[a].value;
			const struct entry *e = strcmp(x->root->attrs[a].name, "id") == 0
							? NULL
							: index_lookup(ix, v, T_ANY_DOC);
			GPtrArray *list;
			if (!e || e->doc == x)
				continue;
			if (!(list = g_hash_table_lookup(namers, e->doc->path))) {
				list = g_ptr_array_new();
				g_hash_table_insert(namers, e->doc->path, list);
			}
			g_ptr_array_add(list, x->path);
		}
	}
	return namers;
}

static bool listed(const GPtrArray *deps, const char *path)
{
	return g_ptr_array_find_with_equal_func((GPtrArray *)deps, path, g_str_equal, NULL);
}

/* Whether the output REL, made from SOURCE, is the last build's and nothing it depends on
 * changed: not its key (the as-of date, the configuration, slm), no file it read, and no
 * document naming SOURCE added since. */
static bool up_to_date(struct build *b, const char *rel, const GPtrArray *namers)
{
	const struct record_output *old = g_hash_table_lookup(b->old->outputs, rel);

	if (!old || strcmp(old->key, b->key) != 0 || !proven(b, rel))
		return false;
	for (guint i = 0; namers && i < namers->len; i++)
		if (!listed(old->deps, namers->pdata[i]))
			return false;
	for (guint i = 0; i < old->deps->len; i++)
		if (!unchanged(b, old->deps->pdata[i]))
			return false;
	return true;
}

static void progress(struct build *b, const char *what)
{
	pthread_mutex_lock(&b->lock);
	b->done++;
	if (b->progress)
		fprintf(stderr, "\r\033[K[%u/%u] %s", b->done, b->total, what);
	pthread_mutex_unlock(&b->lock);
}

static void render_task(gpointer data, gpointer user)
{
	struct task *t = *(struct task **)data;

	progress(t->b, t->source);
	t->ok = output_mkdirs(t->out) &&
		render_pool_file(user, t->source, t->stylesheet, t->out, false, t->deps, t->dl);
}

static void task_free(struct task *t)
{
	g_free(t->rel);
	g_free(t->out);
	diag_list_free(t->dl);
	if (t->deps)
		g_ptr_array_free(t->deps, TRUE);
	g_free(t);
}

/* A task for SOURCE (NULL: the nonconformity report), or NULL with the reason in DL when it is
 * not rendered. */
static struct task *task_new(struct build *b, const struct doc *d, size_t findings,
			     const GPtrArray *namers, struct diag_list *dl)
{
	char *rel = d ? pdf_rel(d->path) : g_strdup("nonconformity.pdf");
	char *why = d ? NULL : cli_nonconformity_refused((unsigned)findings);
	struct task *t;

	if (why || (d && strcmp(rel, "nonconformity.pdf") == 0)) {
		/* too many findings for the report's own input, or a document whose PDF would
		 * take the report's name */
		diag_add(dl, RULE_RENDER, d ? d->path : "nonconformity.pdf", 0, 0,
			 "not rendered: %s",
			 why ? why : "its PDF would be nonconformity.pdf, the nonconformity "
				     "report's; rename the document");
		g_free(why);
		g_free(rel);
		return NULL;
	}
	t = g_new0(struct task, 1);
	t->b = b;
	t->rel = rel;
	t->out = out_path(b, rel);
	t->dl = diag_list_new();
	t->deps = g_ptr_array_new_with_free_func(g_free);
	if (up_to_date(b, rel, namers)) {
		const struct record_output *old = g_hash_table_lookup(b->old->outputs, rel);
		for (guint j = 0; j < old->deps->len; j++)
			g_ptr_array_add(t->deps, g_strdup(old->deps->pdata[j]));
		t->ok = t->skipped = true;
	} else
		b->total++;
	t->namers = namers;
	return t;
}

/* What this build knows of T's output once done: the proof of a PDF it made, the last build's
 * proof of one it kept; a PDF that failed is removed when the last build proves it its own. */
static bool task_done(struct build *b, struct task *t)
{
	const struct record_output *old = g_hash_table_lookup(b->old->outputs, t->rel);
	struct output_id id;

	if (!t->skipped)
		say(b, t->ok ? "rendered" : "failed", t->out);
	/* a namer the stylesheet did not read is a dependency all the same (see namers_of) */
	for (guint i = 0; t->ok && t->namers && i < t->namers->len; i++)
		if (!listed(t->deps, t->namers->pdata[i]))
			g_ptr_array_add(t->deps, g_strdup(t->namers->pdata[i]));
	if (t->ok && (t->skipped ? old != NULL : output_identify(t->out, &id, true))) {
		g_hash_table_replace(b->now->outputs, g_strdup(t->rel),
				     record_output_new(t->skipped ? &old->id : &id, b->key,
						       t->deps));
		t->deps = NULL;
		return true;
	}
	b->failed++;
	if (old && output_remove(t->out, &old->id))
		say(b, "removed", t->out);
	return false;
}

/* Render what needs it; returns false when a document did not render. */
static bool render_all(struct build *b, const struct repo *r, const struct index *ix,
		       const struct model *m, const struct diag_list *found, struct diag_list *dl,
		       unsigned jobs)
{
	GPtrArray *tasks = g_ptr_array_new_with_free_func((GDestroyNotify)task_free);
	GPtrArray *todo = g_ptr_array_new();
	struct render_pool *rp = NULL;
	GHashTable *broken = g_hash_table_new(g_str_hash, g_str_equal);
	GHashTable *namers = namers_of(r, ix);
	bool ok = true;
	char *nc_src = out_path(b, "check.xml");
	char *nc_xsl = g_build_filename(cli_data_dir(), "stylesheets", "nonconformity.xsl", NULL);

	/* documents with errors of their own (malformed, invalid) are not rendered */
	for (guint i = 0; i < found->items->len; i++) {
		const struct diag *d = found->items->pdata[i];
		if (d->rule == RULE_XML_MALFORMED || d->rule == RULE_SCHEMA)
			g_hash_table_add(broken, (gpointer)d->loc.file);
	}
	for (guint i = 0; i <= r->docs->len; i++) {
		const struct doc *d = i < r->docs->len ? r->docs->pdata[i] : NULL;
		char *xsl = d ? render_stylesheet_for(d->kind) : NULL;
		struct task *t;

		if (d && (!xsl || !d->valid || g_hash_table_contains(broken, d->path))) {
			g_free(xsl);
			continue;
		}
		g_free(xsl);
		if (!(t = task_new(b, d, found->items->len,
				   d ? g_hash_table_lookup(namers, d->path) : NULL, dl)))
			continue;
		t->source = d ? d->path : nc_src;
		t->stylesheet = d ? NULL : nc_xsl;
		g_ptr_array_add(tasks, t);
		if (!t->skipped)
			g_ptr_array_add(todo, t);
	}
	if (todo->len && (rp = render_pool_new(r, ix, m, b->root, b->as_of, dl))) {
		repo_run_jobs(jobs, render_task, todo->pdata, sizeof(gpointer), todo->len, rp);
		if (b->progress)
			fprintf(stderr, "\r\033[K");
	}
	for (guint i = 0; i < tasks->len; i++) {
		struct task *t = tasks->pdata[i];
		ok = task_done(b, t) && ok;
		diag_list_take(dl, t->dl);
	}
	render_pool_free(rp);
	g_ptr_array_free(todo, TRUE);
	g_ptr_array_free(tasks, TRUE);
	g_hash_table_destroy(broken);
	g_hash_table_destroy(namers);
	g_free(nc_src);
	g_free(nc_xsl);
	return ok;
}

/* Outputs of the last build that this build did not make (their source is gone or broken):
 * removed when they are provably the very files the last build made, and only then. */
static void remove_stale(struct build *b)
{
	GHashTableIter it;
	gpointer k, v;

	g_hash_table_iter_init(&it, b->old->outputs);
	while (g_hash_table_iter_next(&it, &k, &v)) {
		const struct record_output *old = v;
		char *path = out_path(b, k);
		if (g_hash_table_contains(b->now->outputs, k))
			;
		else if (output_remove(path, &old->id))
			say(b, "removed", path);
		else if (!b->quiet && output_identify(path, &(struct output_id){0}, false))
			/* a copied folder's, or a file put there: not slm's to remove */
			fprintf(stderr,
				"slm build: kept %s: no document makes it any more, but it is not the "
				"file the last build made; remove it yourself\n",
				path);
		g_free(path);
	}
}

/* Whether every output the last build recorded is still the very file it made. */
static bool all_proven(const struct build *b)
{
	GHashTableIter it;
	gpointer k;
	bool all = true;

	g_hash_table_iter_init(&it, b->old->outputs);
	while (all && g_hash_table_iter_next(&it, &k, NULL))
		all = proven(b, k);
	return all;
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
			b->as_of_given = true;
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

/* The first slm document in the folder DIR (or NULL). */
static char *first_document(const char *dir)
{
	GPtrArray *files = g_ptr_array_new_with_free_func(g_free);
	struct diag_list *scratch = diag_list_new();
	char *doc = NULL;

	load_discover(dir, files, scratch);
	for (guint i = 0; i < files->len && !doc; i++)
		if (load_is_document_at(AT_FDCWD, files->pdata[i]))
			doc = g_strdup(files->pdata[i]);
	diag_list_free(scratch);
	g_ptr_array_free(files, TRUE);
	return doc;
}

/* Open the output folder through no link (creating it), then work from the repository's root
 * with the output folder named absolutely: the record then reads the same however the
 * repository was named (samples, ./samples, /abs/samples, from another folder), and reports name
 * documents as the repository does.  The folder is marked as slm's before anything is written
 * into it, so that even an interrupted first build is never read back as documents. */
static int enter(struct build *b)
{
	char *why = NULL, *out_real = NULL, *root_real = NULL;
	int fd = output_dir_open(b->out, true, &why), rc = 0;
	struct stat a, r;

	if (fd < 0) {
		fprintf(stderr, "slm build: cannot create %s: %s\n", b->out, why);
		g_free(why);
		return EXIT_USAGE;
	}
	out_real = realpath(b->out, NULL);
	root_real = realpath(b->root, NULL);
	if (!out_real || !root_real || stat(out_real, &a) != 0 || fstat(fd, &r) != 0 ||
	    a.st_ino != r.st_ino || a.st_dev != r.st_dev || chdir(root_real) != 0) {
		fprintf(stderr, "slm build: cannot read %s: %s\n", out_real ? b->root : b->out,
			g_strerror(errno));
		rc = EXIT_USAGE;
	} else if (strcmp(out_real, root_real) == 0) {
		/* its reports would be read back as documents of the repository */
		fprintf(stderr,
			"slm build: the output folder %s is the repository itself; write into a "
			"folder of its own (-o out)\n",
			out_real);
		rc = EXIT_USAGE;
	} else {
		b->out = b->out_owned = g_strdup(out_real);
		b->name = g_path_get_basename(root_real);
		b->root = ".";
		output_guard_repository(".");
		load_confine(".");
		bool ours = output_folder_is_slm(fd);
		char *doc = ours ? NULL : first_document(b->out);
		if (doc) {
			/* its reports would replace documents, or sit among them */
			fprintf(stderr,
				"slm build: the output folder %s holds documents (%s); write into a "
				"folder of its own (-o out)\n",
				b->out, doc);
			rc = EXIT_USAGE;
			g_free(doc);
		} else if (!ours) {
			struct record *mark = record_new();
			if (!write_record(b, mark))
				rc = EXIT_USAGE;
			record_free(mark);
		}
	}
	if (rc)
		close(fd);
	else
		b->outfd = fd;
	free(out_real);
	free(root_real);
	return rc;
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

	if ((status = enter(b)))
		return status;
	paths[0] = (char *)b->root;
	dl = diag_list_new();
	msgs = diag_list_new();
	output_sweep(b->out);
	read_record(b);
	/* today is the date in the organization's zone, known once the repository is loaded; until
	 * then, in the zone the last build found: when the digest (of every input, this date
	 * included) is the last build's, the repository is the one that zone came from */
	set_as_of(b, b->as_of_given ? b->as_of : cli_today_in(b->old->zone));
	files = inputs(b, msgs);
	dig = digest(b, files);
	if (b->old->digest && strcmp(dig, b->old->digest) == 0 && b->old->status >= 0 &&
	    all_proven(b)) {
		if (!b->quiet)
			fprintf(stderr, "slm build: %s is up to date\n", b->out);
		status = b->old->status;
		goto out;
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
	b->now->zone = g_strdup(repo_zone_id(r));
	if (!b->as_of_given) {
		gint32 today = cli_today(r);
		if (today != b->as_of) {
			set_as_of(b, today);
			g_free(dig);
			dig = digest(b, files);
		}
	}
	ix = index_build(r);
	m = model_build(r, ix, b->as_of);
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
	b->now->status = status;
	/* a render that failed (a full disk, a folder in the way) is tried again by the next
	 * build: without the digest it cannot call the folder up to date */
	b->now->digest = b->failed ? NULL : g_strdup(dig);
	if (!ok || !write_record(b, b->now))
		status = EXIT_USAGE;
	diag_list_sort(msgs);
	fmt_text_lines(stderr, msgs);
	if (!b->quiet) {
		unsigned made = b->total - MIN(b->failed, b->total),
			 kept = g_hash_table_size(b->now->outputs);
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
	struct build b = {.out = "out", .outfd = -1};
	unsigned jobs = 0;
	int rc = parse(argc, argv, &b, &jobs);

	if (rc)
		return rc < 0 ? 0 : rc;
	jobs = jobs ? repo_jobs_clamp(jobs) : repo_jobs();
	b.now = record_new();
	pthread_mutex_init(&b.lock, NULL);
	rc = run(&b, jobs);
	record_free(b.old);
	record_free(b.now);
	if (b.outfd >= 0)
		close(b.outfd);
	g_free(b.out_owned);
	g_free(b.name);
	g_free(b.key_text);
	pthread_mutex_destroy(&b.lock);
	return rc;
}
