/* Atomic outputs: every file slm writes is written to a temporary file in the target folder and
 * renamed into place when complete, so a failed or interrupted run never leaves a partial file. */
#ifndef SLM_OUTPUT_H
#define SLM_OUTPUT_H

#include <stdbool.h>
#include <stdio.h>

struct output {
	FILE *fp;
	char *path; /* final name, or NULL for stdout */
	char *tmp;
};

/* Open PATH for writing ("-" or NULL: stdout).  On failure prints why and returns false. */
bool output_open(struct output *o, const char *path);
/* Flush, close and rename into place; on any failure removes the temporary file. */
bool output_commit(struct output *o);
/* Give up: remove the temporary file. */
void output_abort(struct output *o);

#endif
