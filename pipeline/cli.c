/* The CLI layer's shared parts: process set-up (the only global state of slm: libxml2's
 * process-wide set-up and the data folder), usage errors, and the pipeline as validate and check
 * run it: load → validate → (index → model → rules → configuration) → sort → format, written
 * atomically. */
#include "cli.h"
#include "config.h"
#include "fmt.h"
#include "index.h"
#include "output.h"
#include "pdf.h"
#include "repo.h"
#include "render.h"
#include "rules.h"
#include "schema.h"
#include "timecore.h"

#include "load.h"

#include <libxml/parser.h>
#include <malloc.h>
#include <stdlib.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <sys/stat.h>
#include <unistd.h>
#include <stdio.h>
#include <string.h>

static char *data_dir;

/* All that libxml2 and libxslt allocate is counted and bounded: a hostile stylesheet that doubles
 * a string forty times, or a document that expands in memory, meets an "out of memory" error of
 * the library instead of taking the machine's memory.  The bound is far above what agreements
 * need (a 32 MiB document parses in a few hundred MiB). */
#define XML_MEMORY_LIMIT ((gsize)768 << 20)
/* Past this, the thread's watcher (a stylesheet being run) is told to stop while libxml2 still
 * gets its memory: libxml2 2.9 does not survive every refused allocation deep in XPath. */
#define XML_MEMORY_SOFT ((gssize)CLI_XML_MEMORY_SOFT)
static _Thread_local void (*watch_fn)(void *);
static _Thread_local void *watch_arg;
static gssize xml_memory;       /* bytes in use, updated atomically, give or take XML_MEMORY_SLACK */
static gint xml_memory_refused; /* an allocation was refused since the last look */
/* Each thread sums its own allocations and frees and adds them to xml_memory only when they reach
 * this much either way: millions of small allocations need not each touch a shared counter. */
#define XML_MEMORY_SLACK ((gssize)256 << 10)
static _Thread_local gssize xml_memory_pending;

struct cli_xml_watch cli_xml_memory_watch(void (*over)(void *), void *arg)
{
	struct cli_xml_watch before = {watch_fn, watch_arg};

	watch_fn = over;
	watch_arg = arg;
	return before;
}

void cli_xml_memory_rewatch(struct cli_xml_watch w)
{
	watch_fn = w.over;
	watch_arg = w.arg;
}

bool cli_xml_memory_exhausted(void)
{
	return g_atomic_int_exchange(&xml_memory_refused, 0) != 0;
}

static void xml_count(gssize delta)
{
	xml_memory_pending += delta;
	if (xml_memory_pending > XML_MEMORY_SLACK || xml_memory_pending < -XML_MEMORY_SLACK) {
		g_atomic_pointer_add(&xml_memory, xml_memory_pending);
		xml_memory_pending = 0;
	}
}

static bool xml_fits(size_t n)
{
	gssize in_use = (gssize)g_atomic_pointer_get(&xml_memory) + xml_memory_pending;

	if (n > XML_MEMORY_LIMIT || in_use + (gssize)n > (gssize)XML_MEMORY_LIMIT) {
		g_atomic_int_set(&xml_memory_refused, 1);
		return false;
	}
	if (watch_fn && in_use + (gssize)n > XML_MEMORY_SOFT) {
		void (*over)(void *) = watch_fn;
		watch_fn = NULL;
		over(watch_arg);
	}
	return true;
}

static void *xml_malloc(size_t n)
{
	void *p;

	if (!xml_fits(n))
		return NULL;
	p = malloc(n);
	if (p)
		xml_count((gssize)malloc_usable_size(p));
	return p;
}

static void xml_free(void *p)
{
	if (p)
		xml_count(-(gssize)malloc_usable_size(p));
	free(p);
}

static void *xml_realloc(void *p, size_t n)
{
	size_t old = p ? malloc_usable_size(p) : 0;
	void *q;

	if (n > old && !xml_fits(n - old))
		return NULL;
	q = realloc(p, n);
	if (q)
		xml_count((gssize)malloc_usable_size(q) - (gssize)old);
	return q;
}

static char *xml_strdup(const char *s)
{
	size_t n = strlen(s) + 1;
	char *p = xml_malloc(n);

	if (p)
		memcpy(p, s, n);
	return p;
}

void cli_init(void)
{
	xmlMemSetup(xml_free, xml_malloc, xml_realloc, xml_strdup);
	/* libxml2 is initialised once, in the main thread, before any worker (DESIGN §8) */
	xmlInitParser();
	load_quiet_libxml();
	data_dir = schema_data_dir();
	schema_install_loader(data_dir);
	{
		char *fonts = g_build_filename(data_dir, "fonts", NULL);
		pdf_fonts_dir(fonts);
		g_free(fonts);
	}
	output_install_signal_cleanup();
	output_set_document_test(load_is_document_at);
}

void cli_fini(void)
{
	g_free(data_dir);
	data_dir = NULL;
}

const char *cli_data_dir(void)
{
	return data_dir;
}

/* ---- today ---- */

static bool now_fixed; /* $SLM_NOW, read once by cli_clock_init */
static gint64 now_instant;

bool cli_clock_init(void)
{
	const char *env = g_getenv("SLM_NOW");
	enum time_error e;

	if (!env)
		return true;
	if ((e = time_parse_datetime(env, &now_instant)) != TIME_OK) {
		fprintf(stderr,
			"slm: SLM_NOW '%s' %s; it is a test hook and wants a date and time "
			"with its offset, such as 2025-03-01T23:30:00Z (unset it to use the "
			"clock)\n",
			env, time_error_text(e));
		return false;
	}
	now_fixed = true;
	return true;
}

gint32 cli_today_in(const char *zone_id)
{
	enum time_error e;
	GTimeZone *tz = zone_id ? time_zone_new(zone_id, &e) : NULL;
	gint64 now = now_fixed ? now_instant : g_get_real_time() / G_USEC_PER_SEC;
	gint32 day;

	if (!tz)
		tz = time_zone_new("UTC", &e);
	day = time_zone_day_of(tz, now);
	g_time_zone_unref(tz);
	return day;
}

gint32 cli_today(const struct repo *r)
{
	return cli_today_in(repo_zone_id(r));
}

static const char *sha_now(const char *path, void *user)
{
	char *sha = user;
	int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
	struct stat st;

	if (fd < 0)
		g_strlcpy(sha, errno == ENOENT ? "missing" : "unreadable", 65);
	else if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) ||
		 !output_sha_fd(fd, G_MAXUINT64, sha))
		g_strlcpy(sha, "unreadable", 65);
	if (fd >= 0)
		close(fd);
	return sha;
}

/* The fonts of the data folder, in name order (what pdf_fonts_dir hands the renderer). */
static GPtrArray *font_files(void)
{
	GPtrArray *fonts = g_ptr_array_new_with_free_func(g_free);
	char *dir = g_build_filename(data_dir ? data_dir : ".", "fonts", NULL);
	GDir *d = g_dir_open(dir, 0, NULL);
	const char *name;

	while (d && (name = g_dir_read_name(d)))
		if (g_str_has_suffix(name, ".otf"))
			g_ptr_array_add(fonts, g_build_filename(dir, name, NULL));
	if (d)
		g_dir_close(d);
	g_ptr_array_sort(fonts, load_cmp_paths);
	g_free(dir);
	return fonts;
}

char *cli_output_key(gint32 as_of, const char *config_path,
		     const char *(*sha_of)(const char *path, void *user), void *user)
{
	char sha[65], *date = time_date_format(as_of);
	char *exe = g_file_read_link("/proc/self/exe", NULL), *module = pdf_module_file();
	GPtrArray *fonts = font_files();
	GString *key = g_string_new(NULL);

	if (!sha_of) {
		sha_of = sha_now;
		user = sha;
	}
	g_string_append_printf(key, "slm %s\nas-of %s\nconfig %s\n", SLM_VERSION, date,
			       sha_of(config_path, user));
	/* slm itself: another binary, renderer or font may draw another PDF from the same input */
	g_string_append_printf(key, "binary %s\n", exe ? sha_of(exe, user) : "unreadable");
	if (module)
		g_string_append_printf(key, "renderer %s\n", sha_of(module, user));
	for (guint i = 0; i < fonts->len; i++) {
		char *base = g_path_get_basename(fonts->pdata[i]);
		g_string_append_printf(key, "font %s %s\n", base, sha_of(fonts->pdata[i], user));
		g_free(base);
	}
	g_ptr_array_free(fonts, TRUE);
	g_free(module);
	g_free(exe);
	g_free(date);
	return g_string_free(key, FALSE);
}

int cli_usage_error(const char *cmd, const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "slm %s: ", cmd);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr, "\nTry 'slm %s --help'.\n", cmd);
	return EXIT_USAGE;
}

static int write_report(const struct run_opts *o, const struct formatter *fmt,
			const struct diag_list *dl, unsigned files)
{
	char *as_of = o->rules ? time_date_format(o->as_of) : NULL;
	struct run_info run = {.command = o->command,
			       .files = files,
			       .as_of = as_of,
			       .repository = o->paths[0],
			       .werror = o->werror};
	struct output out;

	int rc = 0;

	if (!o->quiet) {
		if (!output_open(&out, o->out_path))
			rc = EXIT_USAGE;
		else {
			fmt->write(out.fp, dl, &run);
			rc = output_commit(&out) ? 0 : EXIT_USAGE;
		}
	}
	g_free(as_of);
	return rc;
}

/* The configuration of a check run; NULL (and the reason on stderr) when it is unusable. */
static struct config *run_config(const struct run_opts *o)
{
	struct diag_list *dl = diag_list_new();
	char *path = o->config			     ? g_strdup(o->config)
		     : strcmp(o->paths[0], ".") == 0 ? g_strdup(CONFIG_FILE)
						     : g_build_filename(o->paths[0], CONFIG_FILE, NULL);
	struct config *c = o->no_config ? config_load("/nonexistent", true, dl)
					: config_load(path, o->config == NULL, dl);

	if (!c) {
		diag_list_sort(dl);
		fmt_text_lines(stderr, dl);
		fprintf(stderr, "slm check: the configuration %s is unusable; fix it or pass "
				"--no-config\n",
			path);
	}
	g_free(path);
	diag_list_free(dl);
	return c;
}

char *cli_nonconformity_refused(unsigned findings)
{
	if (findings <= CLI_MAX_NC_FINDINGS)
		return NULL;
	return g_strdup_printf("%u findings are more than the nonconformity report lists (%u); "
			       "fix the most frequent ones first, the text report lists them all",
			       findings, CLI_MAX_NC_FINDINGS);
}

/* --format pdf: the nonconformity report (不合格报告).  Not a formatter plug-in: it goes
 * through the XML form and stylesheets/nonconformity.xsl, i.e. the whole rendering pipeline. */
static int write_pdf_report(const struct run_opts *o, const struct diag_list *dl,
			    const struct repo *r, const struct index *ix, const struct model *m)
{
	char *why = cli_nonconformity_refused(dl->items->len);
	if (why) {
		fprintf(stderr, "slm check: the nonconformity report is not rendered: %s\n", why);
		g_free(why);
		return EXIT_USAGE;
	}
	char *xml = g_build_filename(g_get_tmp_dir(), "slm-check-XXXXXX.xml", NULL);
	char *xsl = g_build_filename(cli_data_dir(), "stylesheets", "nonconformity.xsl", NULL);
	char *as_of = time_date_format(o->as_of);
	struct run_info run = {.command = o->command, .files = r->files, .as_of = as_of,
			       .repository = o->paths[0], .werror = o->werror};
	struct diag_list *rdl = diag_list_new();
	struct render_ctx *rc;
	int fd, status = 0, slot;

	fd = g_mkstemp(xml);
	slot = fd >= 0 ? output_track(xml) : -1;
	FILE *fp = fd >= 0 ? fdopen(fd, "w") : NULL;

	if (!fp) {
		fprintf(stderr, "slm check: cannot write a temporary file: %s\n", g_strerror(errno));
		status = EXIT_USAGE;
	} else {
		fmt_xml(fp, dl, &run);
		fclose(fp);
		rc = render_ctx_new(r, ix, m, o->paths[0], o->as_of, rdl);
		if (!rc || !render_file(rc, xml, xsl, o->out_path, false, NULL, rdl))
			status = EXIT_USAGE;
		render_ctx_free(rc);
	}
	if (fd >= 0) {
		unlink(xml);
		output_untrack(slot);
	}
	diag_list_sort(rdl);
	fmt_text_lines(stderr, rdl);
	diag_list_free(rdl);
	g_free(as_of);
	g_free(xml);
	g_free(xsl);
	return status;
}

int cli_run(const struct run_opts *given)
{
	struct run_opts run = *given, *o = &run;
	bool pdf = o->format && strcmp(o->format, "pdf") == 0;
	const struct formatter *fmt = fmt_by_name(pdf ? "text" : o->format ? o->format : "text");
	struct config *conf = NULL;
	struct diag_list *dl;
	struct schema *s;
	struct repo *r;
	int rc, pdf_status = 0;

	if (!fmt)
		return cli_usage_error(o->command, "unknown format '%s' (one of: %s)", o->format,
				       fmt_names());
	if (pdf && (!o->rules || !o->out_path || strcmp(o->out_path, "-") == 0))
		return cli_usage_error(o->command, "--format pdf is for check and needs -o FILE");
	if (o->rules && !(conf = run_config(o)))
		return EXIT_USAGE;
	output_guard_repository(o->paths[0]);
	load_confine(o->paths[0]);
	dl = diag_list_new();
	s = schema_load(cli_data_dir(), dl);
	if (!s) {
		struct run_info run = {.command = o->command};
		fmt_text(stderr, dl, &run);
		diag_list_free(dl);
		config_free(conf);
		return EXIT_USAGE;
	}
	r = repo_load(o->paths, s, o->rules, dl);
	/* the schema and the parsers' freed trees are not needed again: give their pages back
	 * before the index and the model grow (peak memory, issue 7) */
	schema_free(s);
	malloc_trim(0);
	if (o->rules && !o->as_of_given)
		run.as_of = cli_today(r);
	if (o->rules) {
		struct index *ix = index_build(r);
		struct model *m = model_build(r, ix, o->as_of);
		struct check_ctx c = {r, ix, m, o->as_of, dl};
		rules_run(&c);
		config_apply(conf, dl, o->paths[0]);
		config_free(conf);
		diag_list_sort(dl);
		if (pdf)
			pdf_status = write_pdf_report(o, dl, r, ix, m);
		model_free(m);
		index_free(ix);
	}
	diag_list_sort(dl);
	rc = diag_exit_status(dl, o->werror);
	if (pdf_status)
		rc = pdf_status;
	else if (!pdf && write_report(o, fmt, dl, r->files) != 0)
		rc = EXIT_USAGE;
	repo_free(r);
	diag_list_free(dl);
	return rc;
}
