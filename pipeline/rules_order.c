/* What XSD 1.0 cannot say of a valid document, reported as `schema` (docs/vocabulary.md, "What the
 * schemas do not check"): values in their order (a term, a reporting period and a holiday end on or
 * after their start; a service window ends after it starts; an incident is responded to and
 * resolved after it was opened, and resolved after its response; a satisfaction score is within
 * its scale), the attributes of which one or exactly one must be given (a component's dept= or
 * supplier=, a reviewed item's report= or ref=), and cadences of reports and reviews (every=) of
 * at least a day. */
#include "repo.h"
#include "rules.h"

#include <string.h>

enum order_type {
	ORDER_DATE,
	ORDER_INSTANT, /* the message starts with the element's id */
	ORDER_CLOCK,   /* HH:MM, or 24:00; the second strictly after the first */
	ORDER_AMOUNT,  /* a decimal of at most two fraction digits */
};

/* Two values of an element that must come in order; MESSAGE takes the second, then the first. */
static const struct pair {
	const char *element, *first, *second, *message;
	enum order_type type;
} pairs[] = {
	{"term", "start", "end", "the term ends (%s) before it starts (%s)", ORDER_DATE},
	{"report", "from", "to", "the reporting period ends (%s) before it starts (%s)", ORDER_DATE},
	{"holiday", "from", "to", "the holiday ends (%s) before it starts (%s)", ORDER_DATE},
	{"hours", "from", "to",
	 "the service window ends at %s, not after it starts at %s: a window that runs past "
	 "midnight is two <hours>, one up to 24:00 and one from 00:00",
	 ORDER_CLOCK},
	{"incident", "opened", "responded",
	 "incident %s was responded to (%s) before it was opened (%s)", ORDER_INSTANT},
	{"incident", "opened", "resolved", "incident %s was resolved (%s) before it was opened (%s)",
	 ORDER_INSTANT},
	{"incident", "responded", "resolved",
	 "incident %s was resolved (%s) before its response (%s)", ORDER_INSTANT},
	{"satisfaction", "score", "scale",
	 "the satisfaction scale is %s, but the score is %s: a score cannot exceed its scale",
	 ORDER_AMOUNT},
};

/* Attributes of an element of which at least one, or EXACTLY one, is given. */
static const struct choice {
	const char *element, *a, *b, *what;
	bool exactly;
} choices[] = {
	{"component", "dept", "supplier",
	 "a component is delivered by one department (dept=) or by one supplier (supplier=)", true},
	{"reviewed", "report", "ref",
	 "name the service report reviewed (report=) or the document reviewed (ref=)", false},
};

static bool in_order(const struct node *n, const struct pair *p)
{
	int64_t a, b;
	int32_t da, db;
	const char *ca, *cb;

	switch (p->type) {
	case ORDER_INSTANT:
		return !node_instant(n, p->first, &a) || !node_instant(n, p->second, &b) || a <= b;
	case ORDER_CLOCK: /* the schema's pattern makes HH:MM compare as text */
		ca = node_attr(n, p->first), cb = node_attr(n, p->second);
		return !ca || !cb || strcmp(ca, cb) < 0;
	case ORDER_AMOUNT:
		return !node_money(n, p->first, &a) || !node_money(n, p->second, &b) || a <= b;
	case ORDER_DATE:
		break;
	}
	return !node_date(n, p->first, &da) || !node_date(n, p->second, &db) || da <= db;
}

static void choose(const struct check_ctx *c, const struct doc *d, const struct node *n,
		   const struct choice *ch)
{
	bool a = node_attr(n, ch->a) != NULL, b = node_attr(n, ch->b) != NULL;

	if (!a && !b)
		rule_report(c, RULE_SCHEMA, d, n, "<%s> has neither %s= nor %s=: %s", n->name, ch->a,
			    ch->b, ch->what);
	else if (a && b && ch->exactly)
		rule_report(c, RULE_SCHEMA, d, n,
			    "<%s %s=\"%s\" %s=\"%s\">: give one of them, not both: %s", n->name,
			    ch->a, node_attr(n, ch->a), ch->b, node_attr(n, ch->b), ch->what);
}

/* Whether V has the form of an xs:date or xs:dateTime: [-]YYYY[Y...]-MM-DD... */
static bool date_shaped(const char *v)
{
	const char *p = v + (*v == '-');
	int digits = 0;

	while (g_ascii_isdigit(*p))
		p++, digits++;
	return digits >= 4 && p[0] == '-' && g_ascii_isdigit(p[1]) && g_ascii_isdigit(p[2]) &&
	       p[3] == '-' && g_ascii_isdigit(p[4]) && g_ascii_isdigit(p[5]) &&
	       (p[6] == '\0' || p[6] == 'T' || p[6] == 'Z' || p[6] == '+' || p[6] == '-');
}

/* A date or instant the schema accepts (xs:date has no bounds: -0001, 99999999) that slm's time
 * core cannot place: every rule reading it would pass over it in silence. */
static void out_of_range(const struct check_ctx *c, const struct doc *d, const struct node *n)
{
	for (unsigned i = 0; i < n->nattrs; i++) {
		const char *v = n->attrs[i].value;
		int32_t day;
		int64_t t;

		if (!date_shaped(v) || time_parse_date(v, &day) == TIME_OK ||
		    time_parse_datetime(v, &t) == TIME_OK)
			continue;
		rule_report(c, RULE_SCHEMA, d, n,
			    "<%s %s=\"%s\">: a date outside the years 0001 to 9999 that slm can "
			    "reckon with",
			    n->name, n->attrs[i].name, v);
	}
}

/* A calendar whose time zone is not a zone of the tz database (time_zone_new decides, as it
 * does for the model): its clock, hours and holidays would be dropped, and with them every rule
 * on service hours.  Asked of each calendar, not of the model's: a second calendar of one id is
 * not in the model, but its zone is still wrong. */
static void unknown_zone(const struct check_ctx *c, const struct doc *d, const struct node *n)
{
	const char *id = node_attr(n, "id"), *tz = node_attr(n, "tz");
	GTimeZone *zone;
	char *why;

	if (!id || !tz)
		return;
	if ((zone = time_zone_new(tz, NULL))) {
		g_time_zone_unref(zone);
		return;
	}
	why = time_zone_explain(tz);
	rule_report(c, RULE_SCHEMA, d, n, "calendar %s: time zone \"%s\" %s", id, tz, why);
	g_free(why);
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
	const char *choice[G_N_ELEMENTS(choices)];
	const char *reporting, *review, *calendar;
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
			if (p->type == ORDER_INSTANT)
				rule_report(c, RULE_SCHEMA, d, n, p->message,
					    node_attr(n, "id") ? node_attr(n, "id") : "", second, first);
			else
				rule_report(c, RULE_SCHEMA, d, n, p->message, second, first);
		}
		for (size_t i = 0; i < G_N_ELEMENTS(choices); i++)
			if (n->name == names->choice[i])
				choose(c, d, n, &choices[i]);
		if (n->name == names->reporting || n->name == names->review)
			cadence(c, d, n);
		if (n->name == names->calendar && d->kind == KIND_ORGANIZATION)
			unknown_zone(c, d, n);
		out_of_range(c, d, n);
		walk(c, d, node_children(n), names);
	}
}

void rules_order(const struct check_ctx *c)
{
	struct names names = {.reporting = g_intern_static_string("reporting"),
			      .review = g_intern_static_string("review"),
			      .calendar = g_intern_static_string("calendar")};

	for (size_t i = 0; i < G_N_ELEMENTS(pairs); i++)
		names.pair[i] = g_intern_static_string(pairs[i].element);
	for (size_t i = 0; i < G_N_ELEMENTS(choices); i++)
		names.choice[i] = g_intern_static_string(choices[i].element);
	for (guint i = 0; i < c->repo->docs->len; i++) {
		const struct doc *d = c->repo->docs->pdata[i];
		if (d->valid && d->root)
			walk(c, d, d->root, &names);
	}
}
