/* The CLI layer's shared parts: process set-up (the only global state of slm: libxml2's
 * process-wide set-up and the data folder), usage errors, and the pipeline as validate and check
 * run it: load → validate → (index → model → rules → configuration) → sort → format, written
 * atomically. */
#include "cli.h"
#include "config.h"
#include "fmt.h"
#include "index.h"
#include "output.h"
#include "repo.h"
#include "rules.h"
#include "schema.h"
#include "timecore.h"

#include "load.h"

#include <libxml/parser.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

static char *data_dir;

void cli_init(void)
{
	/* libxml2 is initialised once, in the main thread, before any worker (DESIGN §8) */
	xmlInitParser();
	load_quiet_libxml();
	data_dir = schema_data_dir();
	schema_install_loader(data_dir);
	output_install_signal_cleanup();
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

int cli_run(const struct run_opts *o)
{
	const struct formatter *fmt = fmt_by_name(o->format ? o->format : "text");
	struct config *conf = NULL;
	struct diag_list *dl;
	struct schema *s;
	struct repo *r;
	int rc;

	if (!fmt)
		return cli_usage_error(o->command, "unknown format '%s' (one of: %s)", o->format,
				       fmt_names());
	if (o->rules && !(conf = run_config(o)))
		return EXIT_USAGE;
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
	if (o->rules) {
		struct index *ix = index_build(r);
		struct model *m = model_build(r, ix);
		struct check_ctx c = {r, ix, m, o->as_of, dl};
		rules_run(&c);
		model_free(m);
		index_free(ix);
		config_apply(conf, dl, o->paths[0]);
		config_free(conf);
	}
	diag_list_sort(dl);
	rc = diag_exit_status(dl, o->werror);
	if (write_report(o, fmt, dl, r->files) != 0)
		rc = EXIT_USAGE;
	repo_free(r);
	schema_free(s);
	diag_list_free(dl);
	return rc;
}
