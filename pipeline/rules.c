/* Running the rule families, and the one way rules report. */
#include "rules.h"

#include <stdarg.h>

typedef void (*rule_family)(const struct check_ctx *c);

static const rule_family families[] = {
	rules_order,
	rules_refs,
	rules_calendar,
	rules_catalog,
	rules_lifecycle,
	rules_project,
	rules_termination,
	rules_process,
	rules_support,
	rules_reports,
};

void rules_run(const struct check_ctx *c)
{
	for (size_t i = 0; i < G_N_ELEMENTS(families); i++)
		families[i](c);
}

struct diag *rule_report(const struct check_ctx *c, enum rule r, const struct doc *d,
			 const struct node *n, const char *fmt, ...)
{
	va_list ap;
	char *msg;
	struct diag *diag;

	va_start(ap, fmt);
	msg = g_strdup_vprintf(fmt, ap);
	va_end(ap);
	diag = diag_add(c->dl, r, d->path, n ? n->line : 0, n ? 1 : 0, "%s", msg);
	g_free(msg);
	return diag;
}

void rule_related(const struct check_ctx *c, struct diag *diag, const struct doc *d,
		  const struct node *n, const char *fmt, ...)
{
	va_list ap;
	char *msg;

	va_start(ap, fmt);
	msg = g_strdup_vprintf(fmt, ap);
	va_end(ap);
	diag_add_related(c->dl, diag, d->path, n ? n->line : 0, "%s", msg);
	g_free(msg);
}
