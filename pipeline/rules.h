/* The rule families.  Each family (rules_NAME.c) is one function that reads the index and the
 * as-of date and reports through rule_report(); rules_run() runs them all in catalogue order. */
#ifndef SLM_RULES_H
#define SLM_RULES_H

#include "diag.h"
#include "index.h"
#include "model.h"

struct check_ctx {
	const struct repo *repo;
	const struct index *ix;
	const struct model *m;
	gint32 as_of; /* day number (days since 1970-01-01) */
	struct diag_list *dl;
};

void rules_run(const struct check_ctx *c);

/* Report RULE at node N of document D. */
struct diag *rule_report(const struct check_ctx *c, enum rule r, const struct doc *d,
			 const struct node *n, const char *fmt, ...) G_GNUC_PRINTF(5, 6);
/* Add a related location: node N of document D. */
void rule_related(const struct check_ctx *c, struct diag *diag, const struct doc *d,
		  const struct node *n, const char *fmt, ...) G_GNUC_PRINTF(5, 6);

/* The families */
void rules_order(const struct check_ctx *c);
void rules_refs(const struct check_ctx *c);
void rules_calendar(const struct check_ctx *c);
void rules_catalog(const struct check_ctx *c);
void rules_lifecycle(const struct check_ctx *c);
void rules_project(const struct check_ctx *c);
void rules_termination(const struct check_ctx *c);
void rules_process(const struct check_ctx *c);
void rules_support(const struct check_ctx *c);
void rules_reports(const struct check_ctx *c);

#endif
