/* Coverage of one set of service hours by another (rule hours-gap): an OLA's or supplier contract's
 * hours (A) must cover the SLA service's hours (B) on every date of the SLA term.
 *
 * The check is exact and instant-based: for each B-local date, B's service instants minus A's
 * (A's computed on A's own calendar and zone, so holidays, 调休 and DST of both sides count).  The
 * description is for people: the uncovered minutes of each date, in B's wall-clock time, are split
 * into what recurs every week (per weekday, the minutes uncovered on all ordinary dates where B is
 * in service; dates where B is not in service do not vote) and dated exceptions (what a date has
 * beyond its weekday's weekly part), runs of dates with the same exception merged into one range;
 * a run may step over dates on which the exception holds anyway (a weekend inside a holiday when A
 * never works weekends) or where B needs no service (a weekend for mon–fri hours). */
#include "timecore.h"

#include <string.h>

#define EN_DASH               "\xe2\x80\x93"
#define MAX_LISTED_EXCEPTIONS 10

struct day_info {
	struct minute_set req; /* B-local minutes in service */
	struct minute_set unc; /* of which uncovered */
	bool ordinary;         /* no holiday or adjusted workday on either side */
	enum coverage_reason reason;
};

static void set_and(struct minute_set *r, const struct minute_set *a)
{
	for (size_t i = 0; i < G_N_ELEMENTS(r->bits); i++)
		r->bits[i] &= a->bits[i];
}

static void set_or(struct minute_set *r, const struct minute_set *a)
{
	for (size_t i = 0; i < G_N_ELEMENTS(r->bits); i++)
		r->bits[i] |= a->bits[i];
}

static void set_and_not(struct minute_set *r, const struct minute_set *a)
{
	for (size_t i = 0; i < G_N_ELEMENTS(r->bits); i++)
		r->bits[i] &= ~a->bits[i];
}

/* A ⊆ B */
static bool set_within(const struct minute_set *a, const struct minute_set *b)
{
	for (size_t i = 0; i < G_N_ELEMENTS(a->bits); i++)
		if (a->bits[i] & ~b->bits[i])
			return false;
	return true;
}

static gint by_start(gconstpointer a, gconstpointer b)
{
	const struct time_interval *x = a, *y = b;
	return (x->start > y->start) - (x->start < y->start);
}

/* The service instants of the sources for their local dates within [from, to] and their own days
 * in force, sorted and merged. */
static GArray *available(const struct coverage_source *a, size_t na, int64_t from, int64_t to)
{
	GArray *v = g_array_new(FALSE, FALSE, sizeof(struct time_interval));
	guint n = 0;

	for (size_t k = 0; k < na; k++)
		for (int64_t d = MAX(from, a[k].from_day); d <= MIN(to, a[k].to_day); d++)
			hours_day_instants(a[k].hours, a[k].cal, (int32_t)d, v);
	g_array_sort(v, by_start);
	for (guint i = 0; i < v->len; i++) {
		struct time_interval x = g_array_index(v, struct time_interval, i);
		struct time_interval *last =
		    n ? &g_array_index(v, struct time_interval, n - 1) : NULL;
		if (last && x.start <= last->end)
			last->end = MAX(last->end, x.end);
		else
			g_array_index(v, struct time_interval, n++) = x;
	}
	g_array_set_size(v, n);
	return v;
}

/* Marks the local minutes of [X, Y) on the date whose runs are SP (midnight at L0). */
static void mark(struct minute_set *s, int64_t x, int64_t y, const struct time_zone_span *sp, int n,
                 int64_t l0)
{
	for (int i = 0; i < n; i++) {
		int64_t a = MAX(x, sp[i].start), b = MIN(y, sp[i].end);
		if (a >= b)
			continue;
		int64_t la = a + sp[i].offset - l0, lb = b + sp[i].offset - l0;
		/* a partly uncovered minute counts as uncovered */
		minute_set_add(s, (int)(la / 60), (int)((lb + 59) / 60));
	}
}

/* B's service on date D minus AVAIL, into INFO; adds to the totals. */
static void cover_day(struct coverage *c, struct day_info *info, const GArray *req,
                      const GArray *avail, const struct time_zone_span *sp, int n, int64_t l0)
{
	for (guint r = 0; r < req->len; r++) {
		struct time_interval x = g_array_index(req, struct time_interval, r);
		guint lo = 0, hi = avail->len;
		int64_t cur = x.start;

		c->required_seconds += x.end - x.start;
		mark(&info->req, x.start, x.end, sp, n, l0);
		/* first available interval ending after x.start */
		while (lo < hi) {
			guint mid = lo + (hi - lo) / 2;
			if (g_array_index(avail, struct time_interval, mid).end <= x.start)
				lo = mid + 1;
			else
				hi = mid;
		}
		for (guint k = lo; k < avail->len && cur < x.end; k++) {
			const struct time_interval *y =
			    &g_array_index(avail, struct time_interval, k);
			if (y->start >= x.end)
				break;
			if (y->start > cur) {
				c->uncovered_seconds += y->start - cur;
				mark(&info->unc, cur, y->start, sp, n, l0);
			}
			cur = MAX(cur, y->end);
		}
		if (cur < x.end) {
			c->uncovered_seconds += x.end - cur;
			mark(&info->unc, cur, x.end, sp, n, l0);
		}
	}
}

/* Why date D might differ from its weekday; A's calendar is looked at on the neighbouring dates
 * too when the zones differ, since A's dates then straddle B's. */
static void classify(struct day_info *info, const struct coverage_source *a, size_t na,
                     const struct calendar *cb, int32_t d, const struct time_zone_span *sp, int n)
{
	bool holiday = calendar_is_holiday(cb, d), adjusted = calendar_is_adjusted_workday(cb, d);
	bool change = n > 1;

	for (size_t i = 0; i < na; i++) {
		const struct calendar *ca = a[i].cal;
		bool same_zone = strcmp(calendar_zone_id(ca), calendar_zone_id(cb)) == 0;

		for (int k = same_zone ? 0 : -1; k <= (same_zone ? 0 : 1); k++) {
			holiday |= calendar_is_holiday(ca, d + k);
			adjusted |= calendar_is_adjusted_workday(ca, d + k);
		}
		if (n > 0 && !same_zone) {
			GTimeZone *tza = calendar_zone(ca);
			change |= time_zone_offset_at(tza, sp[0].start) !=
			          time_zone_offset_at(tza, sp[n - 1].end - 1);
		}
	}
	info->ordinary = !holiday && !adjusted;
	info->reason = holiday    ? COVERAGE_HOLIDAY
	               : adjusted ? COVERAGE_ADJUSTED_WORKDAY
	               : change   ? COVERAGE_CLOCK_CHANGE
	                          : COVERAGE_DATED;
}

/* Per weekday: minutes uncovered on every ordinary date where B needs them. */
static void weekly(struct coverage *c, const struct day_info *info, int ndays, int32_t from)
{
	for (int w = 0; w < 7; w++) {
		struct minute_set all, any;
		bool have = false;

		memset(&all, 0xff, sizeof all);
		minute_set_clear(&any);
		for (int i = 0; i < ndays; i++) {
			if (time_iso_weekday(from + i) - 1 != w || !info[i].ordinary)
				continue;
			/* minutes B does not need that day are no evidence either way */
			struct minute_set vote = info[i].req;
			for (size_t k = 0; k < G_N_ELEMENTS(vote.bits); k++)
				vote.bits[k] = ~vote.bits[k] | info[i].unc.bits[k];
			set_and(&all, &vote);
			set_or(&any, &info[i].unc);
			have = true;
		}
		minute_set_clear(&c->weekly[w]);
		if (have) {
			set_and(&all, &any);
			c->weekly[w] = all;
		}
	}
}

static void extra(const struct coverage *c, const struct day_info *info, int i, int32_t from,
                  struct minute_set *x)
{
	*x = info[i].unc;
	set_and_not(x, &c->weekly[time_iso_weekday(from + i) - 1]);
}

static void exceptions(struct coverage *c, const struct day_info *info, int ndays, int32_t from)
{
	for (int i = 0; i < ndays;) {
		struct minute_set e, x;
		int last = i;

		extra(c, info, i, from, &e);
		if (minute_set_is_empty(&e)) {
			i++;
			continue;
		}
		for (int j = i + 1; j < ndays; j++) {
			extra(c, info, j, from, &x);
			if (minute_set_equal(&x, &e)) {
				last = j;
				continue;
			}
			/* step over a date where "E is uncovered" is true anyway */
			struct minute_set need = e;
			set_and(&need, &info[j].req);
			if (!minute_set_is_empty(&x) || !set_within(&need, &info[j].unc))
				break;
		}
		struct coverage_exception ex = {from + i, from + last, info[i].reason, e};
		for (int k = i; k <= last; k++) {
			extra(c, info, k, from, &x);
			if (!minute_set_is_empty(&x) && info[k].reason != ex.reason)
				ex.reason = COVERAGE_DATED;
		}
		g_array_append_val(c->exceptions, ex);
		i = last + 1;
	}
}

struct coverage *coverage_compute_union(const struct coverage_source *a, size_t na,
                                        const struct hours *b, const struct calendar *cb,
                                        int32_t from_day, int32_t to_day)
{
	struct coverage *c;
	struct day_info *info;
	GArray *avail, *req;
	int ndays;

	for (size_t i = 0; i < na; i++)
		if (!a[i].hours || !a[i].cal)
			return NULL;
	if (!na || !b || !cb || from_day < TIME_DAY_MIN || to_day > TIME_DAY_MAX ||
	    (from_day <= to_day && (int64_t)to_day - from_day >= COVERAGE_MAX_DAYS))
		return NULL;
	c = g_new0(struct coverage, 1);
	c->exceptions = g_array_new(FALSE, FALSE, sizeof(struct coverage_exception));
	if (from_day > to_day)
		return c;
	ndays = to_day - from_day + 1;
	info = g_new0(struct day_info, ndays);
	avail = available(a, na, (int64_t)from_day - 2, (int64_t)to_day + 2);
	req = g_array_new(FALSE, FALSE, sizeof(struct time_interval));
	for (int i = 0; i < ndays; i++) {
		struct time_zone_span sp[TIME_ZONE_MAX_SPANS];
		int32_t d = from_day + i;
		int n = time_zone_day_spans(calendar_zone(cb), d, sp);

		g_array_set_size(req, 0);
		hours_day_instants(b, cb, d, req);
		cover_day(c, &info[i], req, avail, sp, n, (int64_t)d * 86400);
		classify(&info[i], a, na, cb, d, sp, n);
	}
	weekly(c, info, ndays, from_day);
	exceptions(c, info, ndays, from_day);
	g_array_free(req, TRUE);
	g_array_free(avail, TRUE);
	g_free(info);
	return c;
}

struct coverage *coverage_compute(const struct hours *a, const struct calendar *ca,
                                  const struct hours *b, const struct calendar *cb,
                                  int32_t from_day, int32_t to_day)
{
	struct coverage_source src = {a, ca, TIME_DAY_MIN, TIME_DAY_MAX};
	return coverage_compute_union(&src, 1, b, cb, from_day, to_day);
}

bool coverage_complete(const struct coverage *c)
{
	return c->uncovered_seconds == 0;
}

void coverage_free(struct coverage *c)
{
	if (!c)
		return;
	g_array_free(c->exceptions, TRUE);
	g_free(c);
}

/* ------------------------------------------------------------------------------------------ */
/* Describing */


/* Weekdays with the same weekly part are said together, whole days first ("sat–sun all day"). */
static void describe_weekly(const struct coverage *c, GPtrArray *parts)
{
	bool done[7] = {false};

	for (int pass = 0; pass < 2; pass++)
		for (int d = 0; d < 7; d++) {
			unsigned mask = 0;
			if (done[d] || minute_set_is_empty(&c->weekly[d]) ||
			    (minute_set_count(&c->weekly[d]) == 1440) != (pass == 0))
				continue;
			for (int e = d; e < 7; e++)
				if (!done[e] && minute_set_equal(&c->weekly[d], &c->weekly[e])) {
					mask |= 1u << e;
					done[e] = true;
				}
			char *days = hours_days_describe(mask);
			char *mins = minute_set_describe(&c->weekly[d]);
			g_ptr_array_add(parts, g_strdup_printf("%s %s", days, mins));
			g_free(days);
			g_free(mins);
		}
}

static char *describe_exception(const struct coverage_exception *ex)
{
	static const char *const what[][2] = {
	    [COVERAGE_DATED] = {"", ""},
	    [COVERAGE_HOLIDAY] = {"holiday ", "holidays "},
	    [COVERAGE_ADJUSTED_WORKDAY] = {"adjusted workday ", "adjusted workdays "},
	    [COVERAGE_CLOCK_CHANGE] = {"clock-change day ", "clock-change days "},
	};
	bool many = ex->to_day > ex->from_day;
	char *from = time_date_format(ex->from_day), *to = time_date_format(ex->to_day);
	char *mins = minute_set_describe(&ex->minutes);
	char *s = g_strdup_printf("on %s%s%s%s %s", what[ex->reason][many], from,
	                          many ? EN_DASH : "", many ? to : "", mins);

	g_free(from);
	g_free(to);
	g_free(mins);
	return s;
}

char *coverage_describe(const struct coverage *c)
{
	GPtrArray *parts = g_ptr_array_new_with_free_func(g_free);
	guint listed = MIN(c->exceptions->len, MAX_LISTED_EXCEPTIONS);
	char *text;

	describe_weekly(c, parts);
	for (guint i = 0; i < listed; i++)
		g_ptr_array_add(parts, describe_exception(&g_array_index(
		                           c->exceptions, struct coverage_exception, i)));
	/* a message, not a listing: past a screenful of dates, a count */
	if (c->exceptions->len > listed)
		g_ptr_array_add(parts, g_strdup_printf("%u more dated exceptions",
		                                       c->exceptions->len - listed));
	text = time_join_spoken(parts);
	g_ptr_array_free(parts, TRUE);
	return text;
}
