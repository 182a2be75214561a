/* Atomic outputs (DESIGN §7): every file slm writes appears whole or not at all.  The data goes
 * to an unnamed file in the target folder (O_TMPFILE), which gets a name only when complete —
 * linked under a temporary name and renamed over the target in the same instant — so a failed,
 * interrupted or killed run (SIGKILL included) leaves no partial file and, but for the
 * microseconds between link and rename, no temporary one; output_sweep() removes what such a
 * moment may have left.  SIGINT and SIGTERM unlink temporary names before the process dies. */
#ifndef SLM_OUTPUT_H
#define SLM_OUTPUT_H

#include <stdbool.h>
#include <stdio.h>

struct output {
	FILE *fp;
	char *path; /* final name, or NULL for stdout */
	char *dir;  /* the target folder */
	char *tmp;  /* a named temporary file, when O_TMPFILE is not supported */
	bool in_place; /* a device or pipe, written directly */
};

/* Temporary names start with this: ".slm-tmp." */
#define OUTPUT_TMP_PREFIX ".slm-tmp."

/* Open PATH for writing ("-" or NULL: stdout).  On failure prints why and returns false. */
bool output_open(struct output *o, const char *path);
/* Flush, sync and put in place; on any failure nothing is left.  Returns false on failure. */
bool output_commit(struct output *o);
/* Give up: nothing is left. */
void output_abort(struct output *o);

/* Remove temporary files a killed run may have left in DIR and its subfolders. */
void output_sweep(const char *dir);
/* Install SIGINT/SIGTERM handlers that remove in-flight temporary names, then die by the
 * signal.  Call once from the CLI layer. */
void output_install_signal_cleanup(void);
/* Have a temporary file of one's own removed too if a signal ends the process; the slot that
 * output_untrack releases once the file is gone. */
int output_track(const char *path);
void output_untrack(int slot);
/* End the process now with STATUS, from any thread, leaving no partial output: what is being
 * written is unnamed or, without O_TMPFILE, its temporary name is removed. */
void output_exit_now(int status) __attribute__((noreturn));

#endif
