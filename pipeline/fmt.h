/* Formatters: each writes the same diagnostic list in one output format (STYLE §5).  No rule
 * knows about formats; no formatter knows about rules beyond the catalogue. */
#ifndef SLM_FMT_H
#define SLM_FMT_H

#include "diag.h"

#include <stdio.h>

struct run_info {
	const char *command; /* "validate", "check" */
	unsigned files;	     /* documents examined */
};

struct formatter {
	const char *name;
	void (*write)(FILE *out, const struct diag_list *dl, const struct run_info *run);
};

const struct formatter *fmt_by_name(const char *name);
/* "text, json, ..." for usage messages */
const char *fmt_names(void);

void fmt_text(FILE *out, const struct diag_list *dl, const struct run_info *run);
/* The diagnostic lines of the text form, without the summary (for messages on stderr). */
void fmt_text_lines(FILE *out, const struct diag_list *dl);

#endif
