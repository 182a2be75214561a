/* Rules report-missing, breach, breach-unreviewed, review-overdue and action-overdue: seed step 11
 * 定期检查/回顾服务级别协议执行情况 — the service level manager monitors the service against the
 * SLA, issues the service reports (服务报告), reviews them regularly (回顾记录), arranges a review
 * of the problems the reports show, and follows the improvement plan (服务改进计划) until it is
 * done.
 *
 * What the design leaves open, decided here (each with its reason):
 *   - An SLA is held to reporting and reviews while it is in force: status signed, ended or
 *     terminated, from its term start to the end of its (effective) term, or to the last day of
 *     service of a termination record (effective=, or an executive's later extension until=).  A
 *     draft binds nobody; a terminated SLA without a termination record has no known last day, so
 *     it is left alone rather than blamed for months it may not have run.
 *   - A document "exists" from its date: reports issued and reviews held after the as-of date are
 *     not counted, so `--as-of` in the past shows the repository as it stood then.
 *   - report-missing: periods run from the term start in steps of every= (each bound computed
 *     afresh: no drift); the last one is cut at the end of service.  A period is due DUE after it
 *     ends (a period cut short by the end of service on the regular schedule: the September
 *     report of a service ended on 09-15 is due on 10-10 like any other), and the due day itself
 *     is still on time: due 2025-11-10 is missing as of 2025-11-11.
 *     A period is reported when the reports of the SLA together cover each of its days (a
 *     quarterly report covers three monthly periods; two half-month reports cover one month).  A
 *     period whose cover was completed only by a report issued after the period's due date, and
 *     later than DUE after the end of the report's own period too, is reported as late, once per
 *     late report, at the report: a past nonconformity that stays true.  The second condition
 *     keeps calendar-month reports of a term that starts mid-month from being called late.
 *   - breach: availability against the target of the version in force on the period's first day;
 *     incidents against the version in force on the day they were opened, on the SLA clock of the
 *     tier's hours in the SLA's calendar.  An incident still open, or never responded to, counts
 *     up to the start of the report's issue date (the report says it was open then; the latest
 *     moment we are sure of), so it is a breach only once that is over the target.  An incident
 *     listed in several reports (carried over) is judged once, at its last resolved occurrence.
 *     Response and resolution missed by one incident are one breach, one diagnostic.
 *   - breach-unreviewed: a finding of a review of the same SLA held on or after the report's
 *     issue date addresses a breach when it names at least one of report=, incident=, service=
 *     and every one it names agrees (the report, or any report listing the incident; the incident;
 *     the service; for an availability breach, incident= must be an incident of that service in
 *     that report).  It fires once a review has been held after the report (or the same day,
 *     listing the report as reviewed) and no finding addresses the breach.  While no review has
 *     been held since, it waits for the next review by the cadence, and stays silent when
 *     review-overdue reports that review missing (one fault, one diagnostic).  It fires when no
 *     review will come: the SLA sets no cadence, or the service ended before the next review
 *     was due and that due date has passed.
 *   - review-overdue: the clock starts at the term start and restarts at each review; a review on
 *     the day it is due is on time; a review after the due date is reported as held late (once per
 *     gap), no review by the as-of date past the due date as overdue; due dates after the end of
 *     service ask for nothing.
 *   - action-overdue: only actions open on the as-of date (status open, or closed after it); an
 *     action closed late was done, and the review record shows it; actions whose SLA stopped
 *     before their due date are moot and not reported. */
#include "rules.h"

#include <string.h>

#define DEFAULT_DUE "P10D"
#define MAX_RELATED 3
#define MAX_MISSING 24 /* missing reporting periods said one by one, per SLA */

/* ---- dates in messages ---- */

/* "2025-05-01" into BUF: dates are 0001..9999, always ten characters. */
static const char *day_text(char buf[16], int32_t day)
{
	int y, m, d;

	time_civil_from_days(day, &y, &m, &d);
	g_snprintf(buf, 16, "%04d-%02d-%02d", y, m, d);
	return buf;
}

/* "2025-05-01–2025-05-31", or one date when the range is a single day. */
static void append_range(GString *s, int32_t from, int32_t to)
{
	char a[16], b[16];

	if (from == to)
		g_string_append(s, day_text(a, from));
	else
		g_string_append_printf(s, "%s–%s", day_text(a, from), day_text(b, to));
}

/* ---- what each SLA owes ---- */

enum review_state {
	REVIEW_UNKNOWN,    /* the span of service is unknown: nothing is said */
	REVIEW_NO_CADENCE, /* the SLA asks for no review (any more) */
	REVIEW_NOT_DUE,    /* the next review is not due yet on the as-of date */
	REVIEW_OVERDUE,    /* review-overdue reports the missing review */
	REVIEW_AFTER_END,  /* the next review would have been due after the service ended */
};

/* A report or review with its date (and, for a report, its period). */
struct dated {
	const struct doc *doc;
	int32_t day;
	int32_t from, to;
};

struct sla_state {
	const struct sla_view *v;
	const char *id;
	bool agreed;   /* not a draft: its targets bind */
	bool in_force; /* and the span of service is known */
	int32_t start, end;
	const struct doc *ended_by; /* the termination record that ends it early, or NULL */
	GArray *reports;            /* struct dated: issued by the as-of date, sorted by period */
	GArray *reviews;            /* struct dated: held by the as-of date, sorted by date */
	int32_t max_len;            /* the longest report period, in days - 1 */
	enum review_state review;
	int32_t next_review; /* the due date of the next review (NOT_DUE, AFTER_END, OVERDUE) */
};

static gint by_period(gconstpointer a, gconstpointer b)
{
	const struct dated *x = a, *y = b;

	if (x->from != y->from)
		return x->from < y->from ? -1 : 1;
	if (x->to != y->to)
		return x->to < y->to ? -1 : 1;
	return strcmp(x->doc->path, y->doc->path);
}

static gint by_day(gconstpointer a, gconstpointer b)
{
	const struct dated *x = a, *y = b;

	if (x->day != y->day)
		return x->day < y->day ? -1 : 1;
	return strcmp(x->doc->path, y->doc->path);
}

/* The valid documents of kind K that name SLA ID (or one of its additional SLAs), dated by the
 * as-of date. */
static void collect_for(const struct check_ctx *c, enum kind k, const char *id, GArray *out)
{
	const GPtrArray *docs = model_referring(c->m, k, "sla", id);

	for (guint i = 0; i < docs->len; i++) {
		const struct doc *d = docs->pdata[i];
		struct dated x = {d, 0, 0, 0};

		if (!d->valid || !node_date(d->root, "date", &x.day) || x.day > c->as_of)
			continue;
		if (k == KIND_REPORT && (!node_date(d->root, "from", &x.from) ||
		                         !node_date(d->root, "to", &x.to) || x.from > x.to))
			continue;
		g_array_append_val(out, x);
	}
}

static void collect(const struct check_ctx *c, const struct sla_state *s, enum kind k, GArray *out)
{
	const GPtrArray *amendments = model_referring(c->m, KIND_SLA, "amends", s->id);

	collect_for(c, k, s->id, out);
	for (guint i = 0; i < amendments->len; i++) {
		const struct doc *a = amendments->pdata[i];
		if (a->valid)
			collect_for(c, k, doc_id(a), out);
	}
}

/* The span of service, from the model's timeline: term start to the last day of service. */
static void service_span(struct sla_state *s)
{
	s->agreed = s->v->binding;
	if (!s->agreed || !s->v->has_term || s->v->versions->len == 0)
		return;
	s->start = s->v->start;
	s->end = s->v->last;
	s->ended_by = s->v->termination;
	s->in_force = s->v->ending != ENDING_UNKNOWN && s->start <= s->end;
}

static struct sla_state *sla_state_new(const struct check_ctx *c, const struct sla_view *v)
{
	struct sla_state *s = g_new0(struct sla_state, 1);

	s->v = v;
	s->id = doc_id(v->doc);
	s->reports = g_array_new(FALSE, FALSE, sizeof(struct dated));
	s->reviews = g_array_new(FALSE, FALSE, sizeof(struct dated));
	service_span(s);
	collect(c, s, KIND_REPORT, s->reports);
	collect(c, s, KIND_REVIEW, s->reviews);
	g_array_sort(s->reports, by_period);
	g_array_sort(s->reviews, by_day);
	for (guint i = 0; i < s->reports->len; i++) {
		const struct dated *r = &g_array_index(s->reports, struct dated, i);
		s->max_len = MAX(s->max_len, r->to - r->from);
	}
	s->review = REVIEW_UNKNOWN;
	return s;
}

static void sla_state_free(gpointer p)
{
	struct sla_state *s = p;

	g_array_free(s->reports, TRUE);
	g_array_free(s->reviews, TRUE);
	g_free(s);
}

/* The SLA a report or review names: a base SLA, or the base of the additional SLA it names. */
static struct sla_state *state_of(const struct check_ctx *c, GHashTable *states, const char *id)
{
	const struct sla_view *v = model_sla(c->m, id);

	if (!v) {
		const struct doc *a = model_doc(c->m, id, KIND_SLA);
		if (a && a->valid)
			v = model_sla(c->m, node_attr(a->root, "amends"));
	}
	return v ? g_hash_table_lookup(states, v) : NULL;
}

/* A cadence (every=) long enough to step through dates. */
static bool cadence(const struct node *n, struct time_duration *every)
{
	if (!node_duration(n, "every", every))
		return false;
	return every->months > 0 || every->seconds >= 86400;
}

static bool same_duration(const struct time_duration *a, const struct time_duration *b)
{
	return a->months == b->months && a->seconds == b->seconds;
}

/* The first version starting after DAY whose <review> (REVIEW) or <reporting> has a cadence;
 * NULL when none. */
static const struct sla_version *next_with(const struct sla_view *v, int32_t day, bool review)
{
	for (guint i = 0; i < v->versions->len; i++) {
		const struct sla_version *x = v->versions->pdata[i];
		struct time_duration every;
		if (x->from > day && cadence(review ? x->review : x->reporting, &every))
			return x;
	}
	return NULL;
}

/* ---- report-missing ---- */

struct late {
	const struct dated *report;
	const struct sla_version *ver;
	int32_t from, to, due;
	int more; /* further periods it was late for */
};

/* "2025-03-16–2025-03-31, 2025-04-01": the days of [FROM, FROM+LEN) not in COVERED. */
static void append_uncovered(GString *s, const guint8 *covered, int32_t from, int32_t len)
{
	int runs = 0;

	for (int32_t i = 0; i < len;) {
		int32_t j;
		if (covered[i]) {
			i++;
			continue;
		}
		for (j = i; j + 1 < len && !covered[j + 1]; j++)
			;
		if (runs == 3) {
			g_string_append(s, ", …");
			return;
		}
		if (runs++)
			g_string_append(s, ", ");
		append_range(s, from + i, from + j);
		i = j + 1;
	}
}

/* The reports overlapping [FROM, TO], in the order they were issued. */
static void overlapping(const struct sla_state *s, int32_t from, int32_t to, GPtrArray *out)
{
	guint lo = 0, hi = s->reports->len;

	/* reports are sorted by start; none starting before FROM - max_len can reach FROM */
	while (lo < hi) {
		guint mid = lo + (hi - lo) / 2;
		if (g_array_index(s->reports, struct dated, mid).from < (int64_t)from - s->max_len)
			lo = mid + 1;
		else
			hi = mid;
	}
	g_ptr_array_set_size(out, 0);
	for (guint i = lo; i < s->reports->len; i++) {
		const struct dated *r = &g_array_index(s->reports, struct dated, i);
		if (r->from > to)
			break;
		if (r->to >= from)
			g_ptr_array_add(out, (gpointer)r);
	}
}

static gint by_issue(gconstpointer a, gconstpointer b)
{
	return by_day(*(const struct dated *const *)a, *(const struct dated *const *)b);
}

/* The periods claimed by the reports of the SLA (IDS: the SLA and its additional SLAs) whose
 * period is in error, as struct span: of those not valid (a bound that does not parse is open),
 * and of those whose period ends before it starts.  A missing period they claim is theirs to
 * report (one fault, one diagnostic). */
struct span {
	int32_t from, to;
};

static GArray *broken_periods(const struct check_ctx *c, const GPtrArray *ids)
{
	GArray *out = g_array_new(FALSE, FALSE, sizeof(struct span));

	for (guint k = 0; k < ids->len; k++) {
		const GPtrArray *lists[2] = {model_invalid_about(c->m, KIND_REPORT, ids->pdata[k]),
		                             model_referring(c->m, KIND_REPORT, "sla", ids->pdata[k])};
		for (int l = 0; l < 2; l++)
			for (guint i = 0; i < lists[l]->len; i++) {
				const struct node *root = ((const struct doc *)lists[l]->pdata[i])->root;
				int32_t f, t;
				bool hf = node_date(root, "from", &f), ht = node_date(root, "to", &t);
				struct span sp = {hf ? f : TIME_DAY_MIN, ht ? t : TIME_DAY_MAX};
				if (l == 0 && (hf || ht))
					g_array_append_val(out, sp);
				else if (l == 1 && hf && ht && f > t)
					g_array_append_val(out, ((struct span){t, f}));
			}
	}
	return out;
}

static bool claimed(const GArray *spans, int32_t from, int32_t to)
{
	for (guint i = 0; i < spans->len; i++) {
		const struct span *sp = &g_array_index(spans, struct span, i);
		if (sp->from <= to && sp->to >= from)
			return true;
	}
	return false;
}

static void report_period_missing(const struct check_ctx *c, const struct sla_state *s,
                                  const struct sla_version *ver, int32_t from, int32_t to,
                                  int32_t due, const char *due_text, const guint8 *covered,
                                  bool any)
{
	GString *msg = g_string_new(NULL);
	char d[16];

	if (!any) {
		g_string_append(msg, "no service report for the period ");
		append_range(msg, from, to);
		g_string_append_printf(msg,
		                       " of %s: it was due on %s, %s after the period ended; write "
		                       "the report for this period",
		                       s->id, day_text(d, due), due_text);
	} else {
		g_string_append(msg, "the service reports of ");
		g_string_append_printf(msg, "%s cover the period ", s->id);
		append_range(msg, from, to);
		g_string_append(msg, " only in part: no report covers ");
		append_uncovered(msg, covered, from, to - from + 1);
		g_string_append_printf(
		    msg,
		    " (due on %s, %s after the period ended); write a report for "
		    "the missing days or correct the reports' from=/to=",
		    day_text(d, due), due_text);
	}
	rule_report(c, RULE_REPORT_MISSING, ver->reporting_doc, ver->reporting, "%s", msg->str);
	g_string_free(msg, TRUE);
}

/* Whether the reports cover [FROM, TO]; *DONE is the report whose issue completed the cover. */
static bool covered_by(const GPtrArray *reps, int32_t from, int32_t to, guint8 *covered,
                       const struct dated **done)
{
	int32_t len = to - from + 1, count = 0;

	memset(covered, 0, (size_t)len);
	for (guint i = 0; i < reps->len; i++) {
		const struct dated *r = reps->pdata[i];
		for (int32_t x = MAX(r->from, from); x <= MIN(r->to, to); x++)
			if (!covered[x - from]) {
				covered[x - from] = 1;
				count++;
			}
		if (count == len) {
			*done = r;
			return true;
		}
	}
	return false;
}

static void report_late(const struct check_ctx *c, const struct sla_state *s, const struct late *l)
{
	GString *msg = g_string_new(NULL);
	const struct node *rep = l->ver->reporting;
	const char *due_text = node_attr(rep, "due") ? node_attr(rep, "due") : DEFAULT_DUE;
	char a[16], b[16];
	struct diag *diag;

	g_string_append_printf(msg,
	                       "service report %s was issued on %s, after the due date %s of "
	                       "the period ",
	                       doc_id(l->report->doc), day_text(a, l->report->day),
	                       day_text(b, l->due));
	append_range(msg, l->from, l->to);
	if (l->more)
		g_string_append_printf(msg, " (and of %d later period%s)", l->more,
		                       l->more > 1 ? "s" : "");
	g_string_append_printf(
	    msg,
	    ": %s asks for each report within %s of the end of its period; issue reports "
	    "by their due date, or agree a longer due= with the customer",
	    s->id, due_text);
	diag = rule_report(c, RULE_REPORT_MISSING, l->report->doc, l->report->doc->root, "%s",
	                   msg->str);
	rule_related(c, diag, l->ver->reporting_doc, rep, "%s sets the reporting cadence here",
	             doc_id(l->ver->reporting_doc));
	g_string_free(msg, TRUE);
}

/* Whether report R was issued later than DUE after the end of its own period too: a report that
 * spans the end of an SLA period (calendar-month reports of a term starting mid-month) is late
 * only when it is late by its own period as well. */
static bool late_for_itself(const struct dated *r, const struct time_duration *due)
{
	int32_t own;

	return time_date_add_duration(r->to, due, &own) == TIME_OK && r->day > own;
}

static void check_reporting(const struct check_ctx *c, const struct sla_state *s)
{
	GPtrArray *reps = g_ptr_array_new(), *lates = g_ptr_array_new_with_free_func(g_free);
	GHashTable *late_of = g_hash_table_new(g_direct_hash, g_direct_equal);
	struct time_duration every = {0, 0, 0};
	int32_t anchor = s->start, p = s->start, last_missing = 0;
	int64_t k = 0;
	unsigned missing = 0;
	const struct sla_version *last_ver = NULL;
	GPtrArray *ids = model_sla_family(c->m, s->v);
	GArray *broken = broken_periods(c, ids);

	while (p <= s->end && p <= c->as_of) {
		const struct sla_version *ver = sla_version_at(s->v, p);
		struct time_duration cur, due;
		const char *due_text;
		int32_t from, to, end, due_day;
		const struct dated *done = NULL;
		guint8 *covered;

		if (!ver)
			break;
		if (!cadence(ver->reporting, &cur)) {
			/* no reporting asked in this version: the next one that asks starts afresh
			 */
			const struct sla_version *n = next_with(s->v, p, false);
			if (!n)
				break;
			anchor = p = n->from, k = 0;
			continue;
		}
		if (!same_duration(&cur, &every)) {
			every = cur;
			anchor = p, k = 0;
		}
		if (time_period(anchor, &every, k, &from, &to) != TIME_OK)
			break;
		due_text = node_attr(ver->reporting, "due") ? node_attr(ver->reporting, "due")
		                                            : DEFAULT_DUE;
		end = MIN(to, s->end);
		/* a period cut short by the end of service is still due on the regular schedule */
		if (time_parse_duration(due_text, &due) != TIME_OK ||
		    time_date_add_duration(to, &due, &due_day) != TIME_OK)
			break;
		p = to + 1, k++;
		if (due_day >= c->as_of)
			continue; /* not due yet: the due day itself is on time */
		overlapping(s, from, end, reps);
		g_ptr_array_sort(reps, by_issue);
		covered = g_malloc((size_t)(end - from + 1));
		if (!covered_by(reps, from, end, covered, &done)) {
			/* a term of centuries with a daily cadence is hundreds of thousands of
			 * periods: the first few are said one by one, the rest in one finding */
			if (claimed(broken, from, end)) {
				/* the broken report's own errors say it */
			} else if (++missing <= MAX_MISSING)
				report_period_missing(c, s, ver, from, end, due_day, due_text,
				                      covered, reps->len > 0);
			else
				last_missing = end, last_ver = ver;
		}
		else if (done->day > due_day && late_for_itself(done, &due)) {
			struct late *l = g_hash_table_lookup(late_of, done->doc);
			if (l)
				l->more++;
			else {
				l = g_new0(struct late, 1);
				*l = (struct late){done, ver, from, end, due_day, 0};
				g_hash_table_insert(late_of, (gpointer)done->doc, l);
				g_ptr_array_add(lates, l);
			}
		}
		g_free(covered);
	}
	if (missing > MAX_MISSING) {
		char a[16];
		rule_report(c, RULE_REPORT_MISSING, last_ver->reporting_doc, last_ver->reporting,
		            "and %u more reporting periods of %s, up to %s, have no service report "
		            "past their due date: write the reports, or correct the term or the "
		            "reporting cadence",
		            missing - MAX_MISSING, s->id, day_text(a, last_missing));
	}
	for (guint i = 0; i < lates->len; i++)
		report_late(c, s, lates->pdata[i]);
	g_hash_table_destroy(late_of);
	g_ptr_array_free(lates, TRUE);
	g_ptr_array_free(reps, TRUE);
	g_ptr_array_free(ids, TRUE);
	g_array_free(broken, TRUE);
}

/* ---- review-overdue ---- */

static void report_overdue(const struct check_ctx *c, const struct sla_state *s,
                           const struct sla_version *ver, int32_t last,
                           const struct dated *last_rev, int32_t deadline)
{
	const char *every = node_attr(ver->review, "every");
	GString *msg = g_string_new(NULL);
	char a[16], b[16], d[16];
	struct diag *diag;

	g_string_append_printf(msg,
	                       "no review of %s since %s on %s: with a review every %s the %s "
	                       "was due on %s",
	                       s->id,
	                       last_rev           ? doc_id(last_rev->doc)
	                       : last == s->start ? "its term started"
	                                          : "the review cadence began",
	                       day_text(a, last), every, last_rev ? "next" : "first",
	                       day_text(b, deadline));
	/* an SLA that has ended owes the review it missed: a closing review */
	if (s->end < c->as_of)
		g_string_append_printf(msg,
		                       ", before the service ended on %s, and was never held; "
		                       "hold a closing review and record it",
		                       day_text(d, s->end));
	else
		g_string_append_printf(msg, " and is overdue on %s; hold the review and record it",
		                       day_text(d, c->as_of));
	diag = rule_report(c, RULE_REVIEW_OVERDUE, ver->review_doc, ver->review, "%s", msg->str);
	if (last_rev)
		rule_related(c, diag, last_rev->doc, last_rev->doc->root,
		             "the last review, %s, was held here", doc_id(last_rev->doc));
	if (s->end < c->as_of && s->ended_by)
		rule_related(c, diag, s->ended_by, s->ended_by->root, "%s ends the service on %s",
		             doc_id(s->ended_by), day_text(d, s->end));
	g_string_free(msg, TRUE);
}

static void report_held_late(const struct check_ctx *c, const struct sla_state *s,
                             const struct sla_version *ver, int32_t last,
                             const struct dated *last_rev, int32_t deadline,
                             const struct dated *rev)
{
	const char *every = node_attr(ver->review, "every");
	char a[16], b[16], d[16];
	struct diag *diag;

	diag = rule_report(c, RULE_REVIEW_OVERDUE, ver->review_doc, ver->review,
	                   "the review of %s after %s on %s was due by %s (a review every %s), but "
	                   "the next one, %s, was held only on %s; hold reviews within the cadence",
	                   s->id,
	                   last_rev           ? doc_id(last_rev->doc)
	                   : last == s->start ? "the term start"
	                                      : "the start of the review cadence",
	                   day_text(a, last), day_text(b, deadline), every, doc_id(rev->doc),
	                   day_text(d, rev->day));
	if (last_rev)
		rule_related(c, diag, last_rev->doc, last_rev->doc->root,
		             "the previous review, %s, was held here", doc_id(last_rev->doc));
	rule_related(c, diag, rev->doc, rev->doc->root, "%s was held %d day%s after it was due",
	             doc_id(rev->doc), rev->day - deadline, rev->day - deadline == 1 ? "" : "s");
}

/* The review clock: it starts at the term start and restarts at each review held.  Reports
 * reviews held late and the review overdue now; leaves the state at the as-of date in S. */
static void check_reviews(const struct check_ctx *c, struct sla_state *s)
{
	int32_t last = s->start;
	const struct dated *last_rev = NULL;
	guint i = 0;

	s->review = REVIEW_NO_CADENCE;
	for (;;) {
		const struct sla_version *ver = sla_version_at(s->v, last);
		struct time_duration every;
		int32_t deadline;
		const struct dated *next;

		if (!ver)
			return;
		if (!cadence(ver->review, &every)) {
			const struct sla_version *n = next_with(s->v, last, true);
			if (!n || n->from > s->end)
				return;
			if (n->from > c->as_of) {
				/* reviews start with a version yet to come */
				s->review = REVIEW_NOT_DUE;
				return;
			}
			last = n->from, last_rev = NULL;
			continue;
		}
		if (time_date_add_duration(last, &every, &deadline) != TIME_OK)
			return;
		s->next_review = deadline;
		while (i < s->reviews->len &&
		       g_array_index(s->reviews, struct dated, i).day <= last)
			i++;
		if (deadline > s->end) {
			s->review = REVIEW_AFTER_END;
			return;
		}
		next = i < s->reviews->len ? &g_array_index(s->reviews, struct dated, i) : NULL;
		if (next && next->day > deadline)
			report_held_late(c, s, ver, last, last_rev, deadline, next);
		if (next) {
			last = next->day, last_rev = next, i++;
			continue;
		}
		if (c->as_of > deadline) {
			s->review = REVIEW_OVERDUE;
			report_overdue(c, s, ver, last, last_rev, deadline);
		} else
			s->review = REVIEW_NOT_DUE;
		return;
	}
}

/* ---- breach ---- */

struct breach {
	struct sla_state *s;
	const struct doc *report; /* where it is reported */
	const struct node *at;    /* <measure> or <incident> */
	const char *service;
	const char *incident; /* NULL for availability */
	GPtrArray *reports;   /* every report listing the incident (or the one report) */
	int32_t since;        /* the first issue date of a report showing it */
	char *what; /* short: "incident INC-1 of SVC-DB, P1 resolution in 5 h against PT4H" */
};

static void breach_free(gpointer p)
{
	struct breach *b = p;

	g_ptr_array_free(b->reports, TRUE);
	g_free(b->what);
	g_free(b);
}

/* The target node (<response>/<resolution> of PRIORITY) under the service, or NULL. */
static const struct node *target_of(const struct node *svc, const char *what, const char *prio)
{
	node_each(t, svc, what) if (node_is(t, "priority", prio)) return t;
	return NULL;
}

/* The seconds of a target, false when there is none usable on a clock (months). */
static bool target_seconds(const struct node *t, int64_t *secs)
{
	struct time_duration d;

	if (!t || !node_duration(t, "within", &d) || d.months)
		return false;
	*secs = d.seconds + (d.nanos > 0);
	return true;
}

static void availability(const struct check_ctx *c, struct sla_state *s, const struct dated *r,
                         const struct node *m, GPtrArray *out)
{
	const struct sla_version *ver = sla_version_at(s->v, r->from);
	const char *service = node_attr(m, "service");
	const struct node *svc, *target;
	const struct doc *sdoc = NULL;
	int64_t measured, want;
	GString *msg;
	struct diag *diag;
	struct breach *b;

	if (!ver || !service || !(svc = sla_version_service(ver, service, &sdoc)) ||
	    !(target = node_child(svc, "availability")) || !node_percent(target, "target", &want) ||
	    !node_percent(m, "availability", &measured) || measured >= want)
		return;
	msg = g_string_new(NULL);
	g_string_append_printf(msg, "%s availability %s%% for ", service,
	                       node_attr(m, "availability"));
	append_range(msg, r->from, r->to);
	g_string_append_printf(msg,
	                       " is below the target %s%% of %s: a breach of the SLA, to be "
	                       "addressed in a review (a finding naming the report or the "
	                       "service)",
	                       node_attr(target, "target"), s->id);
	diag = rule_report(c, RULE_BREACH, r->doc, m, "%s", msg->str);
	rule_related(c, diag, sdoc, target, "%s sets the availability target %s%% of %s here",
	             doc_id(sdoc), node_attr(target, "target"), service);
	g_string_free(msg, TRUE);

	b = g_new0(struct breach, 1);
	b->s = s;
	b->report = r->doc;
	b->at = m;
	b->service = service;
	b->reports = g_ptr_array_new();
	g_ptr_array_add(b->reports, (gpointer)r->doc);
	b->since = r->day;
	b->what = g_strdup_printf("%s availability %s%% against the target %s%% in %s", service,
	                          node_attr(m, "availability"), node_attr(target, "target"),
	                          doc_id(r->doc));
	g_ptr_array_add(out, b);
}

/* One listing of an incident in a report. */
struct occurrence {
	const struct dated *report;
	const struct node *node;
};

/* The result of judging one occurrence. */
struct judged {
	bool breach;
	GString *msg;  /* the breach message */
	GString *what; /* the short form */
	const struct node *target;
	const struct doc *target_doc;
};

/* One target of an incident (response or resolution) missed: what was measured. */
struct miss {
	const char *kind; /* "response", "resolution" */
	const struct node *target;
	bool open; /* no response / resolution recorded: measured up to the issue date */
	bool at_least; /* measured over the first MEASURE_DAYS only: TOOK is a lower bound */
	int64_t took;
};

/* The SLA clock is counted day by day: an incident open for centuries (a responded= in 9999)
 * would take seconds each.  Beyond this, the clock is counted this far and said as "more than". */
#define MEASURE_DAYS 400

/* "4 h 45 min", or "more than 4,800 h" for a lower bound (g_malloc'd). */
static char *took_text(const struct miss *m)
{
	char *t = time_seconds_describe(m->took), *more;

	if (!m->at_least)
		return t;
	more = g_strconcat("more than ", t, NULL);
	g_free(t);
	return more;
}

/* "mon–sun 08:00–20:00", "mon–fri 09:00–17:00 on working days": to go inside parentheses,
 * without hours_describe's own. */
static char *hours_text(const struct hours *h)
{
	char *text = hours_describe(h);
	GString *s = g_string_new(text);

	g_free(text);
	g_string_replace(s, " (working days)", " on working days", 0);
	return g_string_free(s, FALSE);
}

/* Whether target T is missed: measured on the clock from OPENED to END, or, when END is absent,
 * to ISSUED (the start of the report's issue date). */
static bool missed(const struct hours *h, const struct calendar *cal, const char *kind,
                   const struct node *t, int64_t opened, const int64_t *end, int64_t issued,
                   struct miss *m)
{
	int64_t want;

	if (!target_seconds(t, &want))
		return false;
	m->kind = kind;
	m->target = t;
	m->open = end == NULL;
	int64_t stop = end ? *end : issued;
	m->at_least = stop - opened > (int64_t)MEASURE_DAYS * 86400;
	if (m->at_least)
		stop = opened + (int64_t)MEASURE_DAYS * 86400;
	/* a year without holiday data would count its holidays as service time: no figure, no
	 * breach; rule calendar-uncovered says so (rules_calendar.c) */
	if (!calendar_covers_clock(cal, h, opened, stop, NULL))
		return false;
	m->took = clock_business_seconds(h, cal, opened, stop);
	return m->took > want;
}

/* "was responded to in 45 min and resolved in 9 h on the SLA clock (service hours …), over the P1
 * response target PT30M and resolution target PT8H of SLA-X"; the open forms say "still without
 * a response" / "still unresolved when the report was issued on D, after 100 h". */
static void describe_misses(const struct miss *m, int n, const char *hours, const char *prio,
                            const char *sla, int32_t issued, GString *msg, GString *what)
{
	const struct miss *open = NULL;
	char d[16];

	g_string_append(msg, "was ");
	for (int i = 0; i < n; i++) {
		char *took = took_text(&m[i]);
		bool resp = strcmp(m[i].kind, "response") == 0;

		if (i) {
			g_string_append(msg, " and ");
			g_string_append(what, " and ");
		}
		if (m[i].open) {
			/* both open: "still without a response and unresolved" */
			g_string_append(msg, resp   ? "still without a response"
			                     : open ? "unresolved"
			                            : "still unresolved");
			open = &m[i];
		} else
			g_string_append_printf(msg, "%s in %s", resp ? "responded to" : "resolved",
			                       took);
		g_string_append_printf(what, "%s %s%s against %s", m[i].kind,
		                       m[i].open ? "still open after " : "in ", took,
		                       node_attr(m[i].target, "within"));
		g_free(took);
	}
	if (open) {
		char *took = took_text(open);
		g_string_append_printf(msg, " when the report was issued on %s, after %s",
		                       day_text(d, issued), took);
		g_free(took);
	}
	g_string_append_printf(msg, " on the SLA clock (service hours %s), over the %s ", hours,
	                       prio);
	for (int i = 0; i < n; i++)
		g_string_append_printf(msg, "%s%s target %s", i ? " and " : "", m[i].kind,
		                       node_attr(m[i].target, "within"));
	g_string_append_printf(msg, " of %s", sla);
}

/* Judge an incident listed in report R against the SLA version in force when it was opened. */
static bool judge(const struct check_ctx *c, const struct sla_state *s, const struct occurrence *o,
                  struct judged *j)
{
	const struct node *inc = o->node;
	const char *service = node_attr(inc, "service"), *id = node_attr(inc, "id"),
	           *prio = node_attr(inc, "priority");
	const struct calendar *cal = model_calendar(c->m, node_attr(s->v->doc->root, "calendar"));
	const struct sla_version *ver;
	const struct node *svc;
	const struct doc *sdoc = NULL;
	const struct hours *h;
	struct miss m[2];
	int n = 0;
	int64_t opened, responded, resolved, issued;
	bool has_resp, has_res;
	char *hours;

	memset(j, 0, sizeof *j);
	if (!cal || !service || !prio || !node_instant(inc, "opened", &opened))
		return false;
	ver = sla_version_at(s->v, time_zone_day_of(calendar_zone(cal), opened));
	if (!ver)
		ver = sla_version_at(s->v, o->report->from);
	if (!ver || !(svc = sla_version_service(ver, service, &sdoc)))
		return false;
	if (node_attr(sdoc->root, "calendar"))
		cal = model_calendar(c->m, node_attr(sdoc->root, "calendar"));
	h = model_tier_hours(c->m, node_attr(sdoc->root, "catalog"), node_attr(svc, "tier"));
	if (!cal || !h)
		return false;
	has_resp = node_instant(inc, "responded", &responded);
	has_res = node_instant(inc, "resolved", &resolved);
	issued = time_zone_local_to_instant(calendar_zone(cal), o->report->day, 0);
	/* with a resolution but no response time, the response is unknown (and came by then) */
	if ((has_resp || !has_res) && missed(h, cal, "response", target_of(svc, "response", prio),
	                                     opened, has_resp ? &responded : NULL, issued, &m[n]))
		n++;
	if (missed(h, cal, "resolution", target_of(svc, "resolution", prio), opened,
	           has_res ? &resolved : NULL, issued, &m[n]))
		n++;
	if (!n)
		return false;
	j->breach = true;
	j->target = m[0].target;
	j->target_doc = sdoc;
	j->msg = g_string_new(NULL);
	j->what = g_string_new(NULL);
	hours = hours_text(h);
	g_string_printf(j->msg, "incident %s (%s, %s) ", id, service, prio);
	g_string_printf(j->what, "incident %s of %s, %s ", id, service, prio);
	describe_misses(m, n, hours, prio, s->id, o->report->day, j->msg, j->what);
	g_string_append(j->msg, ": a breach of the SLA, to be addressed in a review (a finding "
	                        "naming the incident)");
	g_free(hours);
	return true;
}

static void judged_clear(struct judged *j)
{
	if (j->msg)
		g_string_free(j->msg, TRUE);
	if (j->what)
		g_string_free(j->what, TRUE);
	memset(j, 0, sizeof *j);
}

/* An incident listed in one or more reports of an SLA: judged once. */
static void judge_incident(const struct check_ctx *c, struct sla_state *s, GArray *occ,
                           GPtrArray *out)
{
	struct judged best = {0}, j;
	const struct occurrence *at = NULL;
	int32_t since = 0;
	bool best_resolved = false;
	struct diag *diag;
	struct breach *b;

	for (guint i = 0; i < occ->len; i++) {
		const struct occurrence *o = &g_array_index(occ, struct occurrence, i);
		bool resolved = node_attr(o->node, "resolved") != NULL;

		if (!judge(c, s, o, &j)) {
			judged_clear(&j);
			continue;
		}
		since = at ? MIN(since, o->report->day) : o->report->day;
		/* the last resolved listing is the final word; else the last listing */
		if (!at || resolved || !best_resolved) {
			judged_clear(&best);
			best = j;
			at = o;
			best_resolved = resolved;
		} else
			judged_clear(&j);
	}
	if (!at)
		return;
	diag = rule_report(c, RULE_BREACH, at->report->doc, at->node, "%s", best.msg->str);
	rule_related(c, diag, best.target_doc, best.target, "%s sets the %s %s target %s here",
	             doc_id(best.target_doc), node_attr(at->node, "priority"), best.target->name,
	             node_attr(best.target, "within"));

	b = g_new0(struct breach, 1);
	b->s = s;
	b->report = at->report->doc;
	b->at = at->node;
	b->service = node_attr(at->node, "service");
	b->incident = node_attr(at->node, "id");
	b->reports = g_ptr_array_new();
	for (guint i = 0; i < occ->len; i++)
		g_ptr_array_add(b->reports,
		                (gpointer)g_array_index(occ, struct occurrence, i).report->doc);
	b->since = since;
	b->what = g_string_free(best.what, FALSE);
	best.what = NULL;
	judged_clear(&best);
	g_ptr_array_add(out, b);
}

/* A report measures the availability of every service with an availability target in the version
 * in force on its first day: a service left out cannot be judged (report-missing, for that
 * service's part of the report). */
static void unmeasured(const struct check_ctx *c, const struct sla_state *s, const struct dated *r)
{
	const struct sla_version *ver = sla_version_at(s->v, r->from);

	for (guint i = 0; ver && i < ver->services->len; i++) {
		const struct node *svc = ver->services->pdata[i], *target;
		const char *ref = node_attr(svc, "ref");
		bool measured = false;

		if (!ref || !(target = node_child(svc, "availability")))
			continue;
		node_each(m, r->doc->root, "measure") measured = measured || node_is(m, "service", ref);
		if (measured)
			continue;
		GString *msg = g_string_new(NULL);
		g_string_append_printf(msg, "service report %s does not measure %s for ",
		                       doc_id(r->doc), ref);
		append_range(msg, r->from, r->to);
		g_string_append_printf(msg, ", whose availability target is %s%% in %s: add <measure "
		                            "service=\"%s\" availability=\"...\"/>",
		                       node_attr(target, "target"), s->id, ref);
		struct diag *diag = rule_report(c, RULE_REPORT_MISSING, r->doc, r->doc->root, "%s",
		                                msg->str);
		rule_related(c, diag, ver->service_docs->pdata[i], svc, "%s takes %s here",
		             doc_id(ver->service_docs->pdata[i]), ref);
		g_string_free(msg, TRUE);
	}
}

/* Every breach in the reports of S, reported; appended to OUT for breach-unreviewed. */
static void check_breaches(const struct check_ctx *c, struct sla_state *s, GPtrArray *out)
{
	GHashTable *by_id = g_hash_table_new_full(g_str_hash, g_str_equal, NULL, NULL);
	GPtrArray *order = g_ptr_array_new_with_free_func((GDestroyNotify)g_array_unref);

	if (!s->agreed)
		goto out;
	for (guint i = 0; i < s->reports->len; i++) {
		const struct dated *r = &g_array_index(s->reports, struct dated, i);

		unmeasured(c, s, r);
		node_each(m, r->doc->root, "measure") availability(c, s, r, m, out);
		node_each(inc, r->doc->root, "incident")
		{
			const char *id = node_attr(inc, "id");
			struct occurrence o = {r, inc};
			GArray *occ;

			if (!id)
				continue;
			occ = g_hash_table_lookup(by_id, id);
			if (!occ) {
				occ = g_array_new(FALSE, FALSE, sizeof(struct occurrence));
				g_hash_table_insert(by_id, (gpointer)id, occ);
				g_ptr_array_add(order, occ);
			}
			g_array_append_val(occ, o);
		}
	}
	for (guint i = 0; i < order->len; i++)
		judge_incident(c, s, order->pdata[i], out);
out:
	g_hash_table_destroy(by_id);
	g_ptr_array_free(order, TRUE);
}

/* ---- breach-unreviewed ---- */

static bool names_report(const struct breach *b, const char *id)
{
	for (guint i = 0; i < b->reports->len; i++)
		if (strcmp(doc_id(b->reports->pdata[i]), id) == 0)
			return true;
	return false;
}

/* Whether the incident ID is listed for SERVICE in the breach's report. */
static bool incident_of_service(const struct breach *b, const char *id)
{
	node_each(inc, b->report->root, "incident") if (node_is(inc, "id", id)) return node_is(
	    inc, "service", b->service);
	return false;
}

/* A finding addresses a breach when it names at least one of report=, incident=, service= and
 * every one it names agrees with the breach.  For an availability breach, incident= must be an
 * incident of that service in that report (the one that cost the availability). */
static bool addresses(const struct node *f, const struct breach *b)
{
	const char *r = node_attr(f, "report"), *i = node_attr(f, "incident"),
	           *s = node_attr(f, "service");

	if (!r && !i && !s)
		return false;
	if (r && !names_report(b, r))
		return false;
	if (s && strcmp(s, b->service) != 0)
		return false;
	if (i && (b->incident ? strcmp(i, b->incident) != 0 : !incident_of_service(b, i)))
		return false;
	return true;
}

static bool lists_report(const struct doc *review, const struct breach *b)
{
	node_each(x, review->root, "reviewed")
	{
		const char *r = node_attr(x, "report");
		if (r && names_report(b, r))
			return true;
	}
	return false;
}

static void check_unreviewed(const struct check_ctx *c, const struct breach *b)
{
	const struct sla_state *s = b->s;
	GPtrArray *held = g_ptr_array_new();
	char a[16], d[16], n[16];
	struct diag *diag;
	GString *msg;

	for (guint i = 0; i < s->reviews->len; i++) {
		const struct dated *r = &g_array_index(s->reviews, struct dated, i);
		if (r->day < b->since)
			continue;
		node_each(f, r->doc->root, "finding") if (addresses(f, b)) goto done;
		/* a review the same day as the report counts only if it reviewed the report */
		if (r->day > b->since || lists_report(r->doc, b))
			g_ptr_array_add(held, (gpointer)r);
	}
	msg = g_string_new(NULL);
	g_string_append_printf(msg, "no review finding addresses this breach — %s — ", b->what);
	if (held->len)
		g_string_append_printf(msg,
		                       "although %u review%s of %s %s been held since the "
		                       "report was issued on %s; add ",
		                       held->len, held->len > 1 ? "s" : "", s->id,
		                       held->len > 1 ? "have" : "has", day_text(a, b->since));
	else if (s->review == REVIEW_NO_CADENCE)
		g_string_append_printf(msg,
		                       "and no review of %s has been held since the report was "
		                       "issued on %s, nor does the SLA schedule one; hold a "
		                       "review and add ",
		                       s->id, day_text(a, b->since));
	else if (s->review == REVIEW_AFTER_END && c->as_of > s->next_review)
		g_string_append_printf(msg,
		                       "and no review of %s has been held since the report was "
		                       "issued on %s; the service ended on %s, before the next "
		                       "review was due on %s: hold a closing review and add ",
		                       s->id, day_text(a, b->since), day_text(d, s->end),
		                       day_text(n, s->next_review));
	else {
		/* not due yet, or review-overdue reports the missing review */
		g_string_free(msg, TRUE);
		goto done;
	}
	if (b->incident)
		g_string_append_printf(msg, "a <finding incident=\"%s\"> on it to a review record",
		                       b->incident);
	else
		g_string_append_printf(msg,
		                       "a <finding report=\"%s\" service=\"%s\"> on it to a "
		                       "review record",
		                       doc_id(b->report), b->service);
	diag = rule_report(c, RULE_BREACH_UNREVIEWED, b->report, b->at, "%s", msg->str);
	for (guint i = 0; i < held->len && i < MAX_RELATED; i++) {
		const struct dated *r = held->pdata[i];
		rule_related(c, diag, r->doc, r->doc->root,
		             "%s, held on %s, has no finding on this breach", doc_id(r->doc),
		             day_text(a, r->day));
	}
	g_string_free(msg, TRUE);
done:
	g_ptr_array_free(held, TRUE);
}

/* ---- action-overdue ---- */

static void check_actions(const struct check_ctx *c, GHashTable *states, const struct doc *rev)
{
	struct sla_state *s = state_of(c, states, node_attr(rev->root, "sla"));
	int32_t held;

	if (!node_date(rev->root, "date", &held) || held > c->as_of)
		return;
	node_each(a, rev->root, "action")
	{
		int32_t due, closed = 0, days;
		char d[16], o[16], x[16];
		struct diag *diag;

		if (!node_date(a, "due", &due) || due >= c->as_of)
			continue;
		/* closed by the as-of date: done (closed late is history the record shows) */
		if (node_is(a, "status", "closed") &&
		    (!node_date(a, "closed", &closed) || closed <= c->as_of))
			continue;
		/* the service stopped before the action was due: nothing left to improve */
		if (s && s->in_force && s->end < due)
			continue;
		days = c->as_of - due;
		if (node_is(a, "status", "closed"))
			diag = rule_report(
			    c, RULE_ACTION_OVERDUE, rev, a,
			    "improvement action %s (owner %s) was due on %s and was "
			    "still open on %s, %d day%s later; it was closed only on %s",
			    node_attr(a, "id"), node_attr(a, "owner"), day_text(d, due),
			    day_text(o, c->as_of), days, days == 1 ? "" : "s", day_text(x, closed));
		else
			diag = rule_report(
			    c, RULE_ACTION_OVERDUE, rev, a,
			    "improvement action %s (owner %s) was due on %s and is "
			    "still open on %s, %d day%s later; close it with the date it "
			    "was done (status=\"closed\" closed=\"...\"), or agree a new "
			    "due date and record it",
			    node_attr(a, "id"), node_attr(a, "owner"), day_text(d, due),
			    day_text(o, c->as_of), days, days == 1 ? "" : "s");
		node_each(f, rev->root, "finding") if (node_attr(a, "finding") &&
		                                       node_is(f, "id", node_attr(a, "finding")))
		{
			rule_related(c, diag, rev, f, "it answers finding %s here",
			             node_attr(a, "finding"));
			break;
		}
	}
}

/* ---- the family ---- */

void rules_reports(const struct check_ctx *c)
{
	const GPtrArray *slas = model_slas(c->m);
	GHashTable *states =
	    g_hash_table_new_full(g_direct_hash, g_direct_equal, NULL, sla_state_free);
	GPtrArray *breaches = g_ptr_array_new_with_free_func(breach_free);

	for (guint i = 0; i < slas->len; i++) {
		const struct sla_view *v = slas->pdata[i];
		struct sla_state *s = sla_state_new(c, v);

		g_hash_table_insert(states, (gpointer)v, s);
		if (s->in_force) {
			check_reporting(c, s);
			check_reviews(c, s);
		}
		check_breaches(c, s, breaches);
	}
	for (guint i = 0; i < breaches->len; i++)
		check_unreviewed(c, breaches->pdata[i]);
	for (guint i = 0; i < c->repo->docs->len; i++) {
		const struct doc *d = c->repo->docs->pdata[i];
		if (d->valid && d->kind == KIND_REVIEW)
			check_actions(c, states, d);
	}
	g_ptr_array_free(breaches, TRUE);
	g_hash_table_destroy(states);
}
