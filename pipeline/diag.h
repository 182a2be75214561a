/* The diagnostic catalogue and the diagnostic list.
 *
 * Every finding slm reports is a diagnostic: a rule from the one catalogue below (STYLE §3, after
 * mandoc's message table), a severity, the place at fault and optional related places.  Nobody
 * prints findings directly: stages append to a diag_list, formatters read it.  The exit status of a
 * run is the worst severity seen (fatal = I/O failure → 2, error → 1). */
#ifndef SLM_DIAG_H
#define SLM_DIAG_H

#include <glib.h>
#include <stdbool.h>
#include <stdio.h>

enum severity { SEV_OFF = -1, SEV_NOTE, SEV_WARNING, SEV_ERROR, SEV_FATAL };

/* Rule identifiers, in catalogue order.  A new rule is a row here, a row in diag.c's table, a
 * function in rules/ and a golden test under tests/rules/. */
enum rule {
	RULE_IO_ERROR,
	RULE_UNSAFE_PATH,
	RULE_XML_MALFORMED,
	RULE_SCHEMA,
	RULE_DUPLICATE_ID,
	RULE_UNRESOLVED_REF,
	RULE_CALENDAR_UNCOVERED,
	RULE_CALENDAR_UNPUBLISHED,
	RULE_REQUIREMENTS_MISMATCH,
	RULE_TIER_NOT_OFFERED,
	RULE_TARGET_BEYOND_OFFER,
	RULE_PRICE_MISMATCH,
	RULE_CAPABILITY_EXCEEDED,
	RULE_UNSIGNED,
	RULE_UNSUPPORTED_COMPONENT,
	RULE_HOURS_GAP,
	RULE_TARGET_WEAKER,
	RULE_AVAILABILITY_CHAIN,
	RULE_TERM_GAP,
	RULE_CLAUSE_UNASSIGNED,
	RULE_DECOMPOSITION_UNSENT,
	RULE_PROPOSAL_COVERAGE,
	RULE_INITIATION_UNAPPROVED,
	RULE_STEP_ORDER,
	RULE_ROLE_MISMATCH,
	RULE_REPORT_MISSING,
	RULE_BREACH,
	RULE_BREACH_UNREVIEWED,
	RULE_REVIEW_OVERDUE,
	RULE_REVIEW_WITHOUT_CUSTOMER,
	RULE_ACTION_OVERDUE,
	RULE_RENEWAL_NOTICE,
	RULE_AMENDMENT_BASE,
	RULE_CONFIRMATION_PENDING,
	RULE_RELEASE_INCOMPLETE,
	RULE_BUDGET_OVERRUN,
	RULE_ARCHIVE_INCOMPLETE,
	RULE_SUMMARY_MISSING,
	RULE_RENDER,
	RULE_COUNT
};

struct rule_info {
	const char *name;	/* kebab-case, stable: used in output, config and SARIF ids */
	enum severity severity; /* default severity */
	const char *step;	/* seed step(s) it enforces, or "—" for structural rules */
	const char *summary;	/* one line */
	const char *explain;	/* one paragraph: what fires it, why, how to fix */
};

const struct rule_info *rule_info(enum rule r);
bool rule_by_name(const char *name, enum rule *out);
const char *severity_name(enum severity s);

struct location {
	const char *file; /* interned in the list's string chunk */
	long line;	  /* 0 when the problem is the whole file */
	long col;
};

struct related {
	struct location loc;
	char *message;
};

struct diag {
	enum rule rule;
	enum severity severity;
	struct location loc;
	char *message;
	GPtrArray *related; /* of struct related*, or NULL */
};

struct diag_list {
	GPtrArray *items; /* of struct diag* */
	GStringChunk *strings;
};

struct diag_list *diag_list_new(void);
void diag_list_free(struct diag_list *l);
void diag_free(struct diag *d);

/* Append a diagnostic with the rule's default severity; returns it so callers can add related
 * locations.  FILE is copied. */
struct diag *diag_add(struct diag_list *l, enum rule r, const char *file, long line, long col,
		      const char *fmt, ...) G_GNUC_PRINTF(6, 7);
void diag_add_related(struct diag_list *l, struct diag *d, const char *file, long line,
		      const char *fmt, ...) G_GNUC_PRINTF(5, 6);

/* Move every diagnostic of SRC to the end of DST (SRC is left empty). */
void diag_list_take(struct diag_list *dst, struct diag_list *src);

/* Sort by file, line, column, rule, message: output is deterministic. */
void diag_list_sort(struct diag_list *l);

/* Count per severity and the exit status (0, 1 or 2) the list implies. */
struct diag_counts {
	unsigned n[SEV_FATAL + 1];
};
struct diag_counts diag_list_count(const struct diag_list *l);
int diag_exit_status(const struct diag_list *l, bool werror);

#endif
