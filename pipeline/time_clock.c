/* The SLA clock (DESIGN §3 Time, rule breach): an incident's response and resolution times count
 * only the time inside the service's hours, pausing outside them and, for workdays="only" hours,
 * on holidays, as the SLA calendars of ITSM tools do.
 *
 * The clock walks local dates of the calendar, not minutes: each date contributes the instants of
 * its service windows (hours_day_instants, exact across DST), clipped to the incident's span.  An
 * incident open for three months costs about ninety small day computations. */
#include "timecore.h"

/* Instants far outside 0001..9999 are clamped: nothing is in service there. */
static int64_t clamp_instant(int64_t t)
{
	const int64_t lo = (int64_t)TIME_DAY_MIN * 86400, hi = ((int64_t)TIME_DAY_MAX + 1) * 86400;
	return t < lo ? lo : t > hi ? hi : t;
}

int64_t clock_business_seconds(const struct hours *h, const struct calendar *cal, int64_t t0,
                               int64_t t1)
{
	GTimeZone *tz;
	GArray *iv;
	int64_t total = 0;
	int32_t d0, d1;

	if (!h || !cal || t1 <= t0 || hours_count(h) == 0)
		return 0;
	t0 = clamp_instant(t0);
	t1 = clamp_instant(t1);
	tz = calendar_zone(cal);
	d0 = time_zone_day_of(tz, t0);
	d1 = time_zone_day_of(tz, t1);
	iv = g_array_new(FALSE, FALSE, sizeof(struct time_interval));
	/* one date more on each side: a zone that falls back across midnight shows the same date
	 * on both sides of the change */
	for (int64_t d = (int64_t)d0 - 1; d <= (int64_t)d1 + 1; d++) {
		g_array_set_size(iv, 0);
		hours_day_instants(h, cal, (int32_t)d, iv);
		for (guint i = 0; i < iv->len; i++) {
			const struct time_interval *x = &g_array_index(iv, struct time_interval, i);
			int64_t a = MAX(x->start, t0), b = MIN(x->end, t1);
			if (a < b)
				total += b - a;
		}
	}
	g_array_free(iv, TRUE);
	return total;
}

bool clock_add_business_seconds(const struct hours *h, const struct calendar *cal, int64_t t0,
                                int64_t seconds, int64_t *out)
{
	GArray *iv;
	int64_t left = seconds;
	int idle = 0;
	bool found = false;

	if (!h || !cal || seconds < 0)
		return false;
	if (seconds == 0) {
		*out = t0;
		return true;
	}
	if (hours_count(h) == 0)
		return false;
	t0 = clamp_instant(t0);
	iv = g_array_new(FALSE, FALSE, sizeof(struct time_interval));
	for (int64_t d = (int64_t)time_zone_day_of(calendar_zone(cal), t0) - 1;
	     !found && d <= TIME_DAY_MAX && idle <= 400; d++) {
		bool any = false;
		g_array_set_size(iv, 0);
		hours_day_instants(h, cal, (int32_t)d, iv);
		for (guint i = 0; i < iv->len && !found; i++) {
			const struct time_interval *x = &g_array_index(iv, struct time_interval, i);
			int64_t a = MAX(x->start, t0);
			if (a >= x->end)
				continue;
			any = true;
			/* the deadline may be the very end of a window */
			if (left <= x->end - a) {
				*out = a + left;
				found = true;
			}
			left -= x->end - a;
		}
		/* a year without service hours means the clock never gets there */
		idle = any ? 0 : idle + 1;
	}
	g_array_free(iv, TRUE);
	return found;
}
