/* Rules calendar-uncovered and calendar-unpublished: calendars that do not cover what is computed
 * (issue 13, item 6).  A calendar covers a year when it lists a holiday or an adjusted workday in
 * it (calendar_covers_year); in any other year its working days would be every Monday–Friday,
 * public holidays included, and a clock or a count of working days would silently be wrong (a
 * 2026 SLA on a 2025 calendar takes the Spring Festival for service time: a false breach).
 *
 * A figure needs a calendar's holidays when it counts working days, or service hours with a
 * workdays="only" window (hours_use_working_days): hours that apply on every listed weekday (7x24,
 * 7x12) mean the same whatever the holidays, so a calendar without data is no fault for them (a
 * supplier's UTC calendar with no holidays at all, under mon–sun hours, is fine).
 *
 * calendar-uncovered: every figure slm computes on a calendar, for the years it needs.  The
 * figures are those the other rules and the renderer compute, and they do not compute them in a
 * year the calendar does not cover (a one-line guard at each place, calling the same function):
 *   - a service report's period, from= to=, for each service with working-day hours in a version
 *     in force during the period, on the calendar of the document providing the service (else
 *     the SLA's): its service hours;
 *   - an incident's clock, when its tier's hours have working days: opened= up to the latest of
 *     responded= and resolved= (up to the start of the report's issue date for what is still
 *     open, at most MEASURE_DAYS), on the calendar the breach rule uses: that of the document
 *     providing the service in the version in force when it was opened (rules_reports.c judge());
 *   - a termination notice without reply and with confirm-within=: the working days after the
 *     notice day up to the last one (the deemed confirmation), on the SLA's calendar;
 *   - a supporting OLA's or contract's hours against the SLA's (hours-gap): over the days both are
 *     in force, on each calendar whose hours have working days, but only up to the end of the
 *     as-of year.  A later year is a term reaching into a year whose holidays are not published
 *     yet: not an error (calendar-unpublished reminds).  Once a year has begun its holidays are
 *     published, and from then on hours-gap would judge it with its holidays taken for working
 *     days.  (rules_support.c is not guarded: it says what it can, and this rule says what it
 *     cannot.)
 * Only reports issued by the as-of date count, and only those of binding SLAs (what breach
 * judges).  One diagnostic per document, calendar and year: the first figure that needs it.
 *
 * calendar-unpublished: a calendar that a binding SLA (a service with working-day hours), OLA or
 * contract (working-day hours) runs on during year Y, which does not cover Y, while the as-of date
 * is within the 60 days before Y begins or in Y itself.  (A termination notice's working days are
 * left to calendar-uncovered: notices are rare and come late.)  Once per calendar and year, at the
 * calendar's declaration; silent when calendar-uncovered already names that calendar and year (one
 * fault, one diagnostic).  Sixty days: China's State Council publishes the next year's holidays in
 * November or December, so a reminder earlier would nag about data nobody can enter yet. */
#include "rules.h"

#include <string.h>

#define UNPUBLISHED_DAYS 60  /* before January 1 */
#define MEASURE_DAYS     400 /* the breach rule's bound on an incident's clock (rules_reports.c) */
#define MAX_NAMED        3   /* agreements named in a calendar-unpublished message */

struct run {
	const struct check_ctx *c;
	GHashTable *reported; /* "path \037 calendar \037 year": calendar-uncovered given */
	GHashTable *needed;   /* "calendar \037 year": some figure needs it */
	int32_t asof_year_end;
};

static int year_of(int32_t day)
{
	int y, m, d;

	time_civil_from_days(day, &y, &m, &d);
	return y;
}

/* Where calendar ID is declared: its node in the organization, or NULL. */
static const struct entry *declaration(const struct run *r, const char *id)
{
	return index_lookup(r->c->ix, id, TBIT(T_CALENDAR));
}

static void related_calendar(struct run *r, struct diag *diag, const char *id,
                             const struct calendar *cal)
{
	const struct entry *e = declaration(r, id);
	char *years = calendar_years_describe(cal);

	if (e)
		rule_related(r->c, diag, e->doc, e->node, "calendar %s is declared here; %s%s", id,
		             *years ? "it lists holidays for " : "it lists no holidays at all",
		             years);
	g_free(years);
}

/* The first year of the local dates [FROM, TO] that calendar ID does not cover, or 0 (also for an
 * unknown calendar: unresolved-ref's finding).  A year found is remembered as needed. */
static int uncovered(struct run *r, const char *id, int32_t from, int32_t to)
{
	const struct calendar *cal = model_calendar(r->c->m, id);
	int year;

	if (!cal || calendar_covers(cal, from, to, &year))
		return 0;
	g_hash_table_add(r->needed, g_strdup_printf("%s\037%d", id, year));
	return year;
}

/* Report that WHAT (of document D, at node N; PLURAL: several figures) needs calendar ID for
 * YEAR, once per document, calendar and year. */
static void say(struct run *r, const struct doc *d, const struct node *n, const char *id, int year,
                const char *what, bool plural, const char *consequence)
{
	char *key = g_strdup_printf("%s\037%s\037%d", d->path, id, year);
	struct diag *diag;

	if (!g_hash_table_add(r->reported, key))
		return;
	diag = rule_report(r->c, RULE_CALENDAR_UNCOVERED, d, n,
	                   "%s need%s calendar %s for %d, which lists no holidays or adjusted "
	                   "workdays for %d: add them to the calendar (%s)",
	                   what, plural ? "" : "s", id, year, year, consequence);
	related_calendar(r, diag, id, model_calendar(r->c->m, id));
}

/* The figure WHAT (of document D, at node N) needs calendar ID over local dates [FROM, TO]. */
static void need(struct run *r, const struct doc *d, const struct node *n, const char *id,
                 int32_t from, int32_t to, const char *what, const char *consequence)
{
	int year = uncovered(r, id, from, to);

	if (year)
		say(r, d, n, id, year, what, false, consequence);
}

/* ---- service reports and their incidents ---- */

static const char *calendar_of(const struct doc *d)
{
	return node_attr(d->root, "calendar");
}

/* The hours of SLA service SVC, provided by SDOC: its tier's in SDOC's catalog, or NULL. */
static const struct hours *tier_hours(const struct run *r, const struct doc *sdoc,
                                      const struct node *svc)
{
	return model_tier_hours(r->c->m, node_attr(sdoc->root, "catalog"), node_attr(svc, "tier"));
}

/* The calendar of a service provided by SDOC in SLA V: SDOC's own, else the SLA's. */
static const char *service_calendar(const struct sla_view *v, const struct doc *sdoc)
{
	return calendar_of(sdoc) ? calendar_of(sdoc) : calendar_of(v->doc);
}

/* What a report needs of one calendar in one year: its period's service hours, the clocks of
 * some of its incidents.  One diagnostic says both. */
struct report_need {
	const char *calendar;
	int year;
	bool period;
	GPtrArray *incidents; /* struct node* */
};

static struct report_need *report_need_of(GArray *needs, const char *id, int year)
{
	struct report_need x = {id, year, false, NULL};

	for (guint i = 0; i < needs->len; i++) {
		struct report_need *n = &g_array_index(needs, struct report_need, i);
		if (n->year == year && strcmp(n->calendar, id) == 0)
			return n;
	}
	x.incidents = g_ptr_array_new();
	g_array_append_val(needs, x);
	return &g_array_index(needs, struct report_need, needs->len - 1);
}

static void report_period(struct run *r, const struct sla_view *v, int32_t from, int32_t to,
                          GArray *needs)
{
	for (guint i = 0; i < v->versions->len; i++) {
		const struct sla_version *ver = v->versions->pdata[i];
		if (ver->to < from || ver->from > to)
			continue;
		for (guint k = 0; k < ver->services->len; k++) {
			const struct doc *sdoc = ver->service_docs->pdata[k];
			const char *id = service_calendar(v, sdoc);
			int year;
			if (hours_use_working_days(tier_hours(r, sdoc, ver->services->pdata[k])) &&
			    (year = uncovered(r, id, MAX(from, ver->from), MIN(to, ver->to))))
				report_need_of(needs, id, year)->period = true;
		}
	}
}

/* The calendar and hours of incident INC's clock, as the breach rule chooses them; NULL when it
 * judges none. */
static const char *incident_calendar(const struct run *r, const struct sla_view *v,
                                     const struct node *inc, int64_t opened, int32_t from,
                                     const struct hours **h)
{
	const char *service = node_attr(inc, "service");
	const struct calendar *cal = model_calendar(r->c->m, calendar_of(v->doc));
	const struct sla_version *ver;
	const struct node *svc;
	const struct doc *sdoc = NULL;

	if (!cal || !service)
		return NULL;
	ver = sla_version_at(v, time_zone_day_of(calendar_zone(cal), opened));
	if (!ver)
		ver = sla_version_at(v, from);
	if (!ver || !(svc = sla_version_service(ver, service, &sdoc)))
		return NULL;
	*h = tier_hours(r, sdoc, svc);
	return service_calendar(v, sdoc);
}

static void incident(struct run *r, const struct sla_view *v, const struct node *inc, int32_t from,
                     int32_t issued_day, GArray *needs)
{
	int64_t opened, responded, resolved, stop;
	bool has_resp, has_res;
	const char *id;
	const struct calendar *cal;
	const struct hours *h = NULL;
	int year;

	if (!node_instant(inc, "opened", &opened) ||
	    !(id = incident_calendar(r, v, inc, opened, from, &h)) ||
	    !(cal = model_calendar(r->c->m, id)) || !hours_use_working_days(h))
		return;
	has_resp = node_instant(inc, "responded", &responded);
	has_res = node_instant(inc, "resolved", &resolved);
	/* what is still open is measured up to the start of the issue date */
	stop = has_res ? resolved : time_zone_local_to_instant(calendar_zone(cal), issued_day, 0);
	if (has_resp)
		stop = MAX(stop, responded);
	stop = MIN(stop, opened + (int64_t)MEASURE_DAYS * 86400);
	if (stop > opened && (year = uncovered(r, id, time_zone_day_of(calendar_zone(cal), opened),
	                                       time_zone_day_of(calendar_zone(cal), stop - 1))))
		g_ptr_array_add(report_need_of(needs, id, year)->incidents, (gpointer)inc);
}

/* "incident INC-1 (opened …, resolved …)", "incidents INC-1 and INC-2". */
static void append_incidents(GString *s, const GPtrArray *incs)
{
	const struct node *one = incs->pdata[0];

	if (incs->len == 1) {
		g_string_append_printf(s, "incident %s (opened %s, %s%s)", node_attr(one, "id"),
		                       node_attr(one, "opened"),
		                       node_attr(one, "resolved") ? "resolved " : "still open",
		                       node_attr(one, "resolved") ? node_attr(one, "resolved")
		                                                  : "");
		return;
	}
	g_string_append(s, "incidents ");
	for (guint i = 0; i < incs->len; i++)
		g_string_append_printf(s, "%s%s",
		                       i == 0              ? ""
		                       : i + 1 < incs->len ? ", "
		                                           : " and ",
		                       node_attr(incs->pdata[i], "id"));
}

static void say_report(struct run *r, const struct doc *d, int32_t from, int32_t to,
                       const struct report_need *n)
{
	GString *what = g_string_new(NULL);
	const char *consequence;

	if (n->period) {
		char *f = time_date_format(from), *t = time_date_format(to);
		g_string_printf(what, "report %s (%s to %s)", doc_id(d), f, t);
		g_free(f);
		g_free(t);
		if (n->incidents->len) {
			g_string_append(what, " and its ");
			append_incidents(what, n->incidents);
		}
		consequence =
		    n->incidents->len == 0
		        ? "until then the period's service hours are not computed"
		    : n->incidents->len == 1
		        ? "until then the period's service hours and the incident's clock "
		          "are not computed, and no breach is judged on them"
		        : "until then the period's service hours and the incidents' clocks "
		          "are not computed, and no breach is judged on them";
	} else {
		append_incidents(what, n->incidents);
		consequence = "until then their time on the SLA clock is not counted in that year, "
		              "and no breach is judged on it";
		if (n->incidents->len == 1)
			consequence = "until then its time on the SLA clock is not counted in that "
			              "year, and no breach is judged on it";
	}
	say(r, d, n->period ? d->root : n->incidents->pdata[0], n->calendar, n->year, what->str,
	    n->incidents->len > (n->period ? 0u : 1u), consequence);
	g_string_free(what, TRUE);
}

static void reports(struct run *r)
{
	GArray *needs = g_array_new(FALSE, FALSE, sizeof(struct report_need));

	for (guint i = 0; i < r->c->repo->docs->len; i++) {
		const struct doc *d = r->c->repo->docs->pdata[i];
		const struct sla_view *v;
		int32_t day, from, to;

		if (!d->root || !d->valid || d->kind != KIND_REPORT ||
		    !node_date(d->root, "date", &day) || day > r->c->as_of ||
		    !node_date(d->root, "from", &from) || !node_date(d->root, "to", &to) ||
		    from > to || !(v = model_sla_of(r->c->m, node_attr(d->root, "sla"))) ||
		    !v->binding)
			continue;
		report_period(r, v, from, to, needs);
		node_each(inc, d->root, "incident") incident(r, v, inc, from, day, needs);
		for (guint k = 0; k < needs->len; k++) {
			struct report_need *n = &g_array_index(needs, struct report_need, k);
			say_report(r, d, from, to, n);
			g_ptr_array_free(n->incidents, TRUE);
		}
		g_array_set_size(needs, 0);
	}
	g_array_free(needs, TRUE);
}

/* ---- deemed confirmation of a termination notice ---- */

static void notices(struct run *r)
{
	for (guint i = 0; i < r->c->repo->docs->len; i++) {
		const struct doc *d = r->c->repo->docs->pdata[i];
		const struct node *notice;
		const struct sla_view *v;
		const struct calendar *cal;
		const char *within, *id;
		int32_t day, last;
		char *s_day, *what;
		gint64 n;

		if (!d->root || !d->valid || d->kind != KIND_TERMINATION ||
		    !(notice = node_child(d->root, "notice")) || node_child(d->root, "reply") ||
		    !(within = node_attr(notice, "confirm-within")) ||
		    !node_date(notice, "date", &day) ||
		    !(v = model_sla_of(r->c->m, node_attr(d->root, "sla"))) ||
		    !(cal = model_calendar(r->c->m, id = calendar_of(v->doc))))
			continue;
		n = g_ascii_strtoll(within, NULL, 10);
		if (!calendar_add_working_days(cal, day, n, &last))
			continue;
		s_day = time_date_format(day);
		what =
		    g_strdup_printf("the termination notice of %s (confirmed by silence within %s "
		                    "working days)",
		                    s_day, within);
		need(r, d, notice, id, day + 1, last, what,
		     "until then the end of its confirmation period is not computed");
		g_free(what);
		g_free(s_day);
	}
}

/* ---- supporting hours against the SLA's (hours-gap) ---- */

/* Whether SERVICE has working-day hours in some version of SLA V. */
static bool service_uses_working_days(const struct run *r, const struct sla_view *v,
                                      const char *service)
{
	for (guint i = 0; service && i < v->versions->len; i++) {
		const struct doc *sdoc = NULL;
		const struct node *svc = sla_version_service(v->versions->pdata[i], service, &sdoc);
		if (svc && hours_use_working_days(tier_hours(r, sdoc, svc)))
			return true;
	}
	return false;
}

static void supporting(struct run *r)
{
	for (guint i = 0; i < r->c->repo->docs->len; i++) {
		const struct doc *d = r->c->repo->docs->pdata[i];
		const struct agreement *a;

		if (!d->root || !d->valid || (d->kind != KIND_OLA && d->kind != KIND_CONTRACT) ||
		    !(a = model_agreement(r->c->m, d)) || !a->binding || !a->has_term ||
		    !model_hours(r->c->m, d->root))
			continue;
		node_each(s, d->root, "supports")
		{
			const struct sla_view *v = model_sla_of(r->c->m, node_attr(s, "sla"));
			int32_t from, to;
			char *f, *t, *what;

			if (!v || !v->has_term || !node_is(v->doc->root, "status", "signed"))
				continue;
			from = MAX(a->start, v->start);
			to = MIN(MIN(a->end, v->last), r->asof_year_end);
			if (from > to)
				continue;
			f = time_date_format(from);
			t = time_date_format(to);
			what =
			    g_strdup_printf("comparing the hours of %s with those of %s (%s to %s)",
			                    doc_id(d), doc_id(v->doc), f, t);
			if (hours_use_working_days(model_hours(r->c->m, d->root)))
				need(r, d, s, calendar_of(d), from, to, what,
				     "until then hours-gap judges that year as if it had no "
				     "holidays");
			if (service_uses_working_days(r, v, node_attr(s, "service")))
				need(r, d, s, calendar_of(v->doc), from, to, what,
				     "until then hours-gap judges that year as if it had no "
				     "holidays");
			g_free(what);
			g_free(f);
			g_free(t);
		}
	}
}

/* ---- calendar-unpublished ---- */

/* Calendar ID → the agreements that run on it (GPtrArray of struct doc*). */
static void uses(GHashTable *t, const char *id, const struct doc *d)
{
	GPtrArray *docs;

	if (!id)
		return;
	if (!(docs = g_hash_table_lookup(t, id))) {
		docs = g_ptr_array_new();
		g_hash_table_insert(t, (gpointer)id, docs);
	}
	if (!docs->len || docs->pdata[docs->len - 1] != d)
		g_ptr_array_add(docs, (gpointer)d);
}

/* The calendars binding agreements run on during [JAN1, DEC31]. */
static GHashTable *calendars_in_use(const struct run *r, int32_t jan1, int32_t dec31)
{
	GHashTable *t =
	    g_hash_table_new_full(g_str_hash, g_str_equal, NULL, (GDestroyNotify)g_ptr_array_unref);
	const GPtrArray *slas = model_slas(r->c->m);

	for (guint i = 0; i < slas->len; i++) {
		const struct sla_view *v = slas->pdata[i];
		if (!v->binding || !v->has_term || v->start > dec31 || v->last < jan1)
			continue;
		for (guint k = 0; k < v->versions->len; k++) {
			const struct sla_version *ver = v->versions->pdata[k];
			if (ver->from > dec31 || ver->to < jan1)
				continue;
			for (guint j = 0; j < ver->services->len; j++) {
				const struct doc *sdoc = ver->service_docs->pdata[j];
				if (hours_use_working_days(
				        tier_hours(r, sdoc, ver->services->pdata[j])))
					uses(t, service_calendar(v, sdoc), sdoc);
			}
		}
	}
	for (guint i = 0; i < r->c->repo->docs->len; i++) {
		const struct doc *d = r->c->repo->docs->pdata[i];
		const struct agreement *a =
		    d->root && d->valid ? model_agreement(r->c->m, d) : NULL;
		if (a && a->binding && a->has_term && a->start <= dec31 && a->last >= jan1 &&
		    hours_use_working_days(model_hours(r->c->m, d->root)))
			uses(t, calendar_of(d), d);
	}
	return t;
}

static void unpublished_year(struct run *r, int year)
{
	int32_t jan1 = time_days_from_civil(year, 1, 1), dec31 = time_days_from_civil(year, 12, 31);
	GHashTable *t = calendars_in_use(r, jan1, dec31);
	GList *ids = g_list_sort(g_hash_table_get_keys(t), (GCompareFunc)strcmp);

	for (GList *l = ids; l; l = l->next) {
		const char *id = l->data;
		const GPtrArray *docs = g_hash_table_lookup(t, id);
		const struct calendar *cal = model_calendar(r->c->m, id);
		const struct entry *e = declaration(r, id);
		char *key = g_strdup_printf("%s\037%d", id, year), *s_jan1;
		GString *who;
		struct diag *diag;
		bool said = g_hash_table_contains(r->needed, key);

		g_free(key);
		if (!cal || !e || said || calendar_covers_year(cal, year))
			continue;
		/* "A", "A and B", "A, B and C", "A, B, C and 2 more" */
		who = g_string_new(NULL);
		for (guint k = 0; k < docs->len && k < MAX_NAMED; k++)
			g_string_append_printf(who, "%s%s",
			                       k == 0 ? ""
			                       : (k + 1 == docs->len && docs->len <= MAX_NAMED)
			                           ? " and "
			                           : ", ",
			                       doc_id(docs->pdata[k]));
		if (docs->len > MAX_NAMED)
			g_string_append_printf(who, " and %u more", docs->len - MAX_NAMED);
		s_jan1 = time_date_format(jan1);
		diag = rule_report(
		    r->c, RULE_CALENDAR_UNPUBLISHED, e->doc, e->node,
		    "publish calendar %s for %d: %s run%s on it in %d, but it lists no holidays or "
		    "adjusted workdays for %d (which %s on %s): add them once they are published, "
		    "before a figure of %d needs them",
		    id, year, who->str, docs->len == 1 ? "s" : "", year, year,
		    r->c->as_of < jan1 ? "begins" : "began", s_jan1, year);
		for (guint k = 0; k < docs->len && k < MAX_NAMED; k++) {
			const struct doc *d = docs->pdata[k];
			rule_related(r->c, diag, d, d->root, "%s runs on calendar %s here",
			             doc_id(d), id);
		}
		g_string_free(who, TRUE);
		g_free(s_jan1);
	}
	g_list_free(ids);
	g_hash_table_destroy(t);
}

static void unpublished(struct run *r)
{
	int year = year_of(r->c->as_of);

	unpublished_year(r, year);
	if (year < 9999 && r->c->as_of >= time_days_from_civil(year + 1, 1, 1) - UNPUBLISHED_DAYS)
		unpublished_year(r, year + 1);
}

void rules_calendar(const struct check_ctx *c)
{
	struct run r = {c, g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL),
	                g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL),
	                time_days_from_civil(year_of(c->as_of), 12, 31)};

	reports(&r);
	notices(&r);
	supporting(&r);
	unpublished(&r);
	g_hash_table_destroy(r.reported);
	g_hash_table_destroy(r.needed);
}
