/* The command line: one binary, a table of subcommands (git's builtin table), each
 * `cmd_NAME(argc, argv)` in its own file cmd_NAME.c.  Exit status: 0 clean, 1 findings at error
 * severity, 2 usage or I/O failure. */
#ifndef SLM_CLI_H
#define SLM_CLI_H

#include <glib.h>
#include <stdbool.h>

#define EXIT_FINDINGS 1
#define EXIT_USAGE 2

#ifndef SLM_VERSION
#define SLM_VERSION "0.1.0"
#endif

int cmd_validate(int argc, char **argv);
int cmd_check(int argc, char **argv);
int cmd_rules(int argc, char **argv);
int cmd_explain(int argc, char **argv);
int cmd_render(int argc, char **argv);
int cmd_build(int argc, char **argv);
int cmd_new(int argc, char **argv);
int cmd_diff(int argc, char **argv);

/* Print "slm CMD: message" and a pointer to --help on stderr; returns EXIT_USAGE. */
int cli_usage_error(const char *cmd, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Process set-up, once, in the main thread: libxml2, the entity loader, the data folder. */
void cli_init(void);
void cli_fini(void);
/* Whether libxml2 or libxslt was refused memory (slm's bound) since the last call. */
bool cli_xml_memory_exhausted(void);
/* Until another watch replaces it, the first allocation of libxml2 or libxslt in this thread
 * that takes their memory past CLI_XML_MEMORY_SOFT calls OVER(ARG), once (it must only set flags).
 * cli_xml_memory_watch returns the watch it replaces: a parse inside a transform (document())
 * puts the transform's back with cli_xml_memory_rewatch when it is done. */
#define CLI_XML_MEMORY_SOFT (384u << 20)
struct cli_xml_watch {
	void (*over)(void *);
	void *arg;
};
struct cli_xml_watch cli_xml_memory_watch(void (*over)(void *), void *arg);
void cli_xml_memory_rewatch(struct cli_xml_watch w);

/* The diagnostics a nonconformity report lists at most: its input is a document slm reads, held
 * to the same limits (100,000 elements).  Why FINDINGS are too many for one (g_malloc'd), or
 * NULL when they are not. */
#define CLI_MAX_NC_FINDINGS 20000u
char *cli_nonconformity_refused(unsigned findings);

/* The data folder (schemas, stylesheets, templates), found once per run. */
const char *cli_data_dir(void);

/* ---- "today" ----
 * The one definition of the date --as-of defaults to: the date, in the organization's time zone
 * (repo_zone_id: the tz= of its first calendar; UTC without one), of the current instant.  So
 * check, build and render judge by the same day wherever they run; at 07:00 in Shanghai that is
 * already the Shanghai date, whatever the machine's TZ.
 *
 * The current instant is the clock's, or $SLM_NOW: a test hook ("2025-03-01T23:30:00Z", an
 * xs:dateTime with offset) that lets tests judge by a fixed instant.  cli_clock_init reads it
 * once (main calls it); false, said on stderr, when it is set but not such a dateTime. */
struct repo;
bool cli_clock_init(void);
/* Today in the organization's time zone of the loaded repository R (NULL: UTC). */
gint32 cli_today(const struct repo *r);
/* Today in the IANA zone ZONE_ID (NULL, or not a zone: UTC); cli_today for a zone already
 * known (slm build's record remembers the last one). */
gint32 cli_today_in(const char *zone_id);

/* What every PDF depends on beyond the files it reads, one definition for slm build's record and
 * slm.mk: slm's version, the as-of date, the configuration CONFIG_PATH and slm itself (its
 * binary, its renderer module, its fonts), as lines "WHAT DIGEST" (g_free).  SHA_OF(PATH, USER)
 * gives a file's SHA-256 ("missing", "unreadable"); NULL: read each file now (output_sha_fd). */
char *cli_output_key(gint32 as_of, const char *config_path,
		     const char *(*sha_of)(const char *path, void *user), void *user);

#endif

/* What validate and check share: which paths, which output, and whether to run the rules. */
struct run_opts {
	const char *command;
	char **paths; /* NULL-terminated */
	bool rules;   /* check: build the model and index, run every rule */
	bool as_of_given;
	gint32 as_of; /* day number, for rules; without as_of_given: cli_today of the repository */
	const char *format;
	const char *out_path;
	bool quiet, werror;
	const char *config; /* check: the configuration file (default: ROOT/.slm-config.xml) */
	bool no_config;
};

/* Load, validate, optionally check, write the diagnostics; returns the exit status. */
int cli_run(const struct run_opts *o);
