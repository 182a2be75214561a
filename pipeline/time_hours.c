/* Service hours: weekly windows (<hours days="mon-fri" from="09:00" to="17:00" workdays="only"/>,
 * DESIGN §3 Time), what they mean on one date of a calendar, and how a person says them.
 *
 * A day's service time is first computed as a set of local wall-clock minutes (a 1440-bit map,
 * which makes overlapping windows, unions and comparisons trivial), and only then turned into
 * instants through the zone's runs of constant offset for that date; so a window is "the instants
 * whose local time on that date lies in it", which is what gives 23 h and 25 h DST days and real
 * elapsed time for windows that straddle a change.
 *
 * The choice for adjusted workdays (调休) is documented in timecore.h: an adjusted Saturday or
 * Sunday also gets every workdays_only window that lists a weekday. */
#include "timecore.h"

#include <string.h>

#define EN_DASH "\xe2\x80\x93"

static const char *const day_names[7] = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};

/* ------------------------------------------------------------------------------------------ */
/* Minute sets */

void minute_set_clear(struct minute_set *s)
{
	memset(s, 0, sizeof *s);
}

void minute_set_add(struct minute_set *s, int from, int to)
{
	from = MAX(from, 0);
	to = MIN(to, 1440);
	/* a word at a time: coverage marks a few sets per date of a term */
	while (from < to) {
		int bit = from % 64, n = MIN(64 - bit, to - from);
		uint64_t mask = n == 64 ? ~(uint64_t)0 : (((uint64_t)1 << n) - 1) << bit;
		s->bits[from / 64] |= mask;
		from += n;
	}
}

bool minute_set_has(const struct minute_set *s, int minute)
{
	return minute >= 0 && minute < 1440 && (s->bits[minute / 64] >> (minute % 64) & 1);
}

bool minute_set_is_empty(const struct minute_set *s)
{
	for (size_t i = 0; i < G_N_ELEMENTS(s->bits); i++)
		if (s->bits[i])
			return false;
	return true;
}

bool minute_set_equal(const struct minute_set *a, const struct minute_set *b)
{
	return memcmp(a->bits, b->bits, sizeof a->bits) == 0;
}

int minute_set_count(const struct minute_set *s)
{
	int n = 0;
	for (size_t i = 0; i < G_N_ELEMENTS(s->bits); i++)
		n += __builtin_popcountll(s->bits[i]);
	return n;
}

/* The first minute at or after START that is (VALUE) or is not (!VALUE) in S; 1440 if none. */
static int find_minute(const struct minute_set *s, int start, bool value)
{
	for (int m = start; m < 1440;) {
		int w = m / 64;
		uint64_t word = (value ? s->bits[w] : ~s->bits[w]) & (~(uint64_t)0 << (m % 64));
		if (word)
			return MIN(w * 64 + __builtin_ctzll(word), 1440);
		m = (w + 1) * 64;
	}
	return 1440;
}

/* The next run [*from, *to) at or after START; false when none. */
static bool next_run(const struct minute_set *s, int start, int *from, int *to)
{
	*from = find_minute(s, start, true);
	if (*from >= 1440)
		return false;
	*to = find_minute(s, *from, false);
	return true;
}

char *minute_set_describe(const struct minute_set *s)
{
	GString *out = g_string_new(NULL);
	int f, t;

	if (minute_set_count(s) == 1440) {
		g_string_append(out, "all day");
		return g_string_free(out, FALSE);
	}
	for (int m = 0; next_run(s, m, &f, &t); m = t)
		g_string_append_printf(out, "%s%02d:%02d" EN_DASH "%02d:%02d", out->len ? ", " : "",
		                       f / 60, f % 60, t / 60, t % 60);
	return g_string_free(out, FALSE);
}

char *hours_days_describe(unsigned days)
{
	GString *out = g_string_new(NULL);
	int start = 0;

	days &= HOURS_ALL_DAYS;
	if (days == HOURS_ALL_DAYS) {
		g_string_append(out, "mon" EN_DASH "sun");
		return g_string_free(out, FALSE);
	}
	/* begin at the start of the run holding Monday, so a weekend run reads "sat–mon" */
	if (days & HOURS_MON)
		while (days & (1u << ((start + 6) % 7)))
			start = (start + 6) % 7;
	for (int i = 0; i < 7;) {
		int d = (start + i) % 7, len = 0;
		if (!(days & (1u << d))) {
			i++;
			continue;
		}
		while (i + len < 7 && (days & (1u << ((start + i + len) % 7))))
			len++;
		g_string_append_printf(out, "%s%s", out->len ? ", " : "", day_names[d]);
		if (len > 1)
			g_string_append_printf(out, EN_DASH "%s", day_names[(d + len - 1) % 7]);
		i += len;
	}
	return g_string_free(out, FALSE);
}

/* ------------------------------------------------------------------------------------------ */
/* Parsing the attributes */

static void trim(const char **p, const char **end)
{
	while (*p < *end && (**p == ' ' || **p == '\t' || **p == '\n' || **p == '\r'))
		(*p)++;
	while (*end > *p && ((*end)[-1] == ' ' || (*end)[-1] == '\t' || (*end)[-1] == '\n' ||
	                     (*end)[-1] == '\r'))
		(*end)--;
}

static int day_index(const char *p, const char *end)
{
	if (end - p != 3)
		return -1;
	for (int i = 0; i < 7; i++)
		if (g_ascii_strncasecmp(p, day_names[i], 3) == 0)
			return i;
	return -1;
}

/* One item of the list: "mon", "fri-mon", "mon–fri". */
static bool days_item(const char *p, const char *end, unsigned *mask)
{
	const char *sep = NULL, *after = NULL;
	int a, b;

	trim(&p, &end);
	for (const char *q = p; q < end && !sep; q++) {
		if (*q == '-') {
			sep = q;
			after = q + 1;
		} else if (end - q >= 3 && memcmp(q, EN_DASH, 3) == 0) {
			sep = q;
			after = q + 3;
		}
	}
	if (!sep) {
		if ((a = day_index(p, end)) < 0)
			return false;
		*mask |= 1u << a;
		return true;
	}
	const char *ae = sep, *bp = after;
	trim(&p, &ae);
	trim(&bp, &end);
	if ((a = day_index(p, ae)) < 0 || (b = day_index(bp, end)) < 0)
		return false;
	/* ranges run forward through the week and may wrap: fri-mon is fri, sat, sun, mon */
	for (int d = a;; d = (d + 1) % 7) {
		*mask |= 1u << d;
		if (d == b)
			break;
	}
	return true;
}

enum time_error hours_parse_days(const char *s, unsigned *days)
{
	const char *p, *end;
	unsigned mask = 0;

	if (!s)
		return TIME_ERR_EMPTY;
	p = s;
	end = s + strlen(s);
	trim(&p, &end);
	if (p == end)
		return TIME_ERR_EMPTY;
	while (p <= end) {
		const char *comma = memchr(p, ',', (size_t)(end - p));
		const char *item_end = comma ? comma : end;
		if (!days_item(p, item_end, &mask))
			return TIME_ERR_SYNTAX;
		if (!comma)
			break;
		p = comma + 1;
	}
	*days = mask;
	return TIME_OK;
}

static bool two_digits(const char *p, int *v)
{
	if (!g_ascii_isdigit(p[0]) || !g_ascii_isdigit(p[1]))
		return false;
	*v = (p[0] - '0') * 10 + (p[1] - '0');
	return true;
}

enum time_error hours_parse_time(const char *s, int *minute)
{
	const char *p, *end;
	int h, m, sec = 0;

	if (!s)
		return TIME_ERR_EMPTY;
	p = s;
	end = s + strlen(s);
	trim(&p, &end);
	if (p == end)
		return TIME_ERR_EMPTY;
	if (!(end - p == 5 || end - p == 8) || p[2] != ':' || !two_digits(p, &h) ||
	    !two_digits(p + 3, &m))
		return TIME_ERR_SYNTAX;
	if (end - p == 8 && (p[5] != ':' || !two_digits(p + 6, &sec)))
		return TIME_ERR_SYNTAX;
	/* windows have minute resolution: seconds must be :00 */
	if (h > 24 || m > 59 || sec != 0 || (h == 24 && m != 0))
		return TIME_ERR_RANGE;
	*minute = h * 60 + m;
	return TIME_OK;
}

/* ------------------------------------------------------------------------------------------ */
/* The window set */

struct hours {
	GArray *windows; /* of struct hours_window */
};

struct hours *hours_new(void)
{
	struct hours *h = g_new0(struct hours, 1);
	h->windows = g_array_new(FALSE, FALSE, sizeof(struct hours_window));
	return h;
}

void hours_free(struct hours *h)
{
	if (!h)
		return;
	g_array_free(h->windows, TRUE);
	g_free(h);
}

enum time_error hours_add(struct hours *h, struct hours_window w)
{
	if (w.days == 0 || (w.days & ~(unsigned)HOURS_ALL_DAYS) || w.from < 0 || w.to > 1440 ||
	    w.from >= w.to)
		return TIME_ERR_RANGE;
	g_array_append_val(h->windows, w);
	return TIME_OK;
}

enum time_error hours_add_text(struct hours *h, const char *days, const char *from, const char *to,
                               bool workdays_only)
{
	struct hours_window w = {.workdays_only = workdays_only};
	enum time_error e;

	if ((e = hours_parse_days(days, &w.days)) != TIME_OK ||
	    (e = hours_parse_time(from, &w.from)) != TIME_OK ||
	    (e = hours_parse_time(to, &w.to)) != TIME_OK)
		return e;
	return hours_add(h, w);
}

size_t hours_count(const struct hours *h)
{
	return h->windows->len;
}

struct hours_window hours_get(const struct hours *h, size_t i)
{
	return g_array_index(h->windows, struct hours_window, i);
}

bool hours_use_working_days(const struct hours *h)
{
	for (guint i = 0; h && i < h->windows->len; i++)
		if (g_array_index(h->windows, struct hours_window, i).workdays_only)
			return true;
	return false;
}

void hours_day_minutes(const struct hours *h, const struct calendar *cal, int32_t day,
                       struct minute_set *out)
{
	int wd = time_iso_weekday(day) - 1;
	bool working = cal ? calendar_is_working_day(cal, day) : wd < 5;
	bool adjusted_weekend = working && wd >= 5;

	minute_set_clear(out);
	for (guint i = 0; i < h->windows->len; i++) {
		const struct hours_window *w = &g_array_index(h->windows, struct hours_window, i);
		bool listed = w->days & (1u << wd);
		bool applies =
		    !w->workdays_only
		        ? listed
		        : working && (listed || (adjusted_weekend && (w->days & HOURS_WEEKDAYS)));
		if (applies)
			minute_set_add(out, w->from, w->to);
	}
}

static gint by_start(gconstpointer a, gconstpointer b)
{
	const struct time_interval *x = a, *y = b;
	return (x->start > y->start) - (x->start < y->start);
}

void hours_day_instants(const struct hours *h, const struct calendar *cal, int32_t day, GArray *out)
{
	struct minute_set ms;
	struct time_zone_span sp[TIME_ZONE_MAX_SPANS];
	GArray *pieces;
	int n, f, t;
	int64_t l0 = (int64_t)day * 86400;

	if (!cal)
		return; /* instants need a zone */
	hours_day_minutes(h, cal, day, &ms);
	if (minute_set_is_empty(&ms))
		return;
	n = time_zone_day_spans(calendar_zone(cal), day, sp);
	pieces = g_array_new(FALSE, FALSE, sizeof(struct time_interval));
	for (int m = 0; next_run(&ms, m, &f, &t); m = t)
		for (int i = 0; i < n; i++) {
			struct time_interval iv = {MAX(sp[i].start, l0 + f * 60 - sp[i].offset),
			                           MIN(sp[i].end, l0 + t * 60 - sp[i].offset)};
			if (iv.start < iv.end)
				g_array_append_val(pieces, iv);
		}
	/* DST overlaps can put pieces out of order or make them overlap */
	g_array_sort(pieces, by_start);
	for (guint i = 0; i < pieces->len; i++) {
		struct time_interval *v = &g_array_index(pieces, struct time_interval, i);
		/* from the second piece on, the last of OUT is one of ours */
		struct time_interval *last =
		    i > 0 ? &g_array_index(out, struct time_interval, out->len - 1) : NULL;
		if (last && v->start <= last->end)
			last->end = MAX(last->end, v->end);
		else
			g_array_append_val(out, *v);
	}
	g_array_free(pieces, TRUE);
}

/* ------------------------------------------------------------------------------------------ */
/* Describing */

/* "a", "a and b", "a; b and c". */
char *time_join_spoken(GPtrArray *parts)
{
	GString *out = g_string_new(NULL);

	for (guint i = 0; i < parts->len; i++) {
		if (i > 0)
			g_string_append(out, i + 1 == parts->len ? " and " : "; ");
		g_string_append(out, g_ptr_array_index(parts, i));
	}
	return g_string_free(out, FALSE);
}

char *hours_describe(const struct hours *h)
{
	struct minute_set sets[2][7];
	bool done[2][7] = {{false}};
	GPtrArray *parts = g_ptr_array_new_with_free_func(g_free);
	char *text;

	for (int f = 0; f < 2; f++)
		for (int d = 0; d < 7; d++)
			minute_set_clear(&sets[f][d]);
	for (guint i = 0; i < h->windows->len; i++) {
		const struct hours_window *w = &g_array_index(h->windows, struct hours_window, i);
		for (int d = 0; d < 7; d++)
			if (w->days & (1u << d))
				minute_set_add(&sets[w->workdays_only][d], w->from, w->to);
	}
	/* weekdays with the same windows are said together; in week order, plain before
	 * working-days-only */
	for (int d = 0; d < 7; d++)
		for (int f = 0; f < 2; f++) {
			unsigned mask = 0;
			if (done[f][d] || minute_set_is_empty(&sets[f][d]))
				continue;
			for (int e = d; e < 7; e++)
				if (!done[f][e] && minute_set_equal(&sets[f][d], &sets[f][e])) {
					mask |= 1u << e;
					done[f][e] = true;
				}
			char *days = hours_days_describe(mask);
			char *mins = minute_set_describe(&sets[f][d]);
			g_ptr_array_add(parts, g_strdup_printf("%s %s%s", days, mins,
			                                       f ? " (working days)" : ""));
			g_free(days);
			g_free(mins);
		}
	text = parts->len ? time_join_spoken(parts) : g_strdup("no service hours");
	g_ptr_array_free(parts, TRUE);
	return text;
}
