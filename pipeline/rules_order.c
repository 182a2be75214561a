/* What XSD 1.0 cannot say of a valid document, reported as `schema`: dates in their order (a
 * term, a reporting period and a holiday end on or after their start; an incident is responded to
 * and resolved after it was opened, and resolved after its response), and cadences of reports
 * and reviews (every=) of at least a day. */
#include "repo.h"
#include "rules.h"

/* Two dates, or two instants, of an element that must come in order; MESSAGE takes the second,
 * then the first (after the incident's id for instants). */
static const struct pair {
	const char *element, *first, *second, *message;
	bool instant;
} pairs[] = {
	{"term", "start", "end", "the term ends (%s) before it starts (%s)", false},
	{"report", "from", "to", "the reporting period ends (%s) before it starts (%s)", false},
	{"holiday", "from", "to", "the holiday ends (%s) before it starts (%s)", false},
	{"incident", "opened", "responded",
	 "incident %s was responded to (%s) before it was opened (%s)", true},
	{"incident", "opened", "resolved", "incident %s was resolved (%s) before it was opened (%s)",
	 true},
	{"incident", "responded", "resolved",
	 "incident %s was resolved (%s) before its response (%s)", true},
};

static bool in_order(const struct node *n, const struct pair *p)
{
	int64_t a, b;
	int32_t da, db;

	if (p->instant)
		return !node_instant(n, p->first, &a) || !node_instant(n, p->second, &b) || a <= b;
	return !node_date(n, p->first, &da) || !node_date(n, p->second, &db) || da <= db;
}

/* <reporting every=> and <review every=> of an SLA: a period of at least one day. */
static void cadence(const struct check_ctx *c, const struct doc *d, const struct node *n)
{
	struct time_duration every;

	if (node_duration(n, "every", &every) && every.months <= 0 && every.seconds < 86400)
		rule_report(c, RULE_SCHEMA, d, n,
			    "<%s every=\"%s\">: a cadence shorter than a day (P1M is monthly)", n->name,
			    node_attr(n, "every"));
}

/* The element names checked, interned: a node's name is compared by pointer. */
struct names {
	const char *pair[G_N_ELEMENTS(pairs)];
	const char *reporting, *review;
};

static void walk(const struct check_ctx *c, const struct doc *d, const struct node *n,
		 const struct names *names)
{
	for (; n; n = node_sibling(n)) {
		for (size_t i = 0; i < G_N_ELEMENTS(pairs); i++) {
			const struct pair *p = &pairs[i];
			if (n->name != names->pair[i] || in_order(n, p))
				continue;
			const char *first = node_attr(n, p->first), *second = node_attr(n, p->second);
			if (p->instant)
				rule_report(c, RULE_SCHEMA, d, n, p->message,
					    node_attr(n, "id") ? node_attr(n, "id") : "", second, first);
			else
				rule_report(c, RULE_SCHEMA, d, n, p->message, second, first);
		}
		if (n->name == names->reporting || n->name == names->review)
			cadence(c, d, n);
		walk(c, d, node_children(n), names);
	}
}

void rules_order(const struct check_ctx *c)
{
	struct names names = {.reporting = g_intern_static_string("reporting"),
			      .review = g_intern_static_string("review")};

	for (size_t i = 0; i < G_N_ELEMENTS(pairs); i++)
		names.pair[i] = g_intern_static_string(pairs[i].element);
	for (guint i = 0; i < c->repo->docs->len; i++) {
		const struct doc *d = c->repo->docs->pdata[i];
		if (d->valid && d->root)
			walk(c, d, d->root, &names);
	}
}
