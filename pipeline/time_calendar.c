/* Time zones and working-day calendars (DESIGN §3 Time; the organization's <calendar tz=…> with
 * <holiday from to> and <workday date>, as in the 2025 Chinese calendar of the reference
 * vocabulary).
 *
 * Zones are GLib's GTimeZone (which names are zones: time_zone.c): GLib reads the system's IANA
 * database and its POSIX footer rules, so DST is right in 2050 too.  GLib does not expose
 * transition times, so the runs of constant UTC offset inside a local day are found by bisecting
 * on g_time_zone_find_interval's interval index, which only grows with time: two look-ups on an
 * ordinary day, about forty on a DST day.
 *
 * A calendar also knows which years it has data for (a bit per year, set as entries are added):
 * holidays are published a year at a time, and a year without any is not a year without holidays
 * but one nobody has entered yet (issue 13 item 6, rule calendar-uncovered). */
#include "timecore.h"

#include <string.h>

/* ------------------------------------------------------------------------------------------ */
/* Zones */

static int interval_of(GTimeZone *tz, int64_t instant)
{
	return g_time_zone_find_interval(tz, G_TIME_TYPE_UNIVERSAL, instant);
}

int32_t time_zone_offset_at(GTimeZone *tz, int64_t instant)
{
	return g_time_zone_get_offset(tz, interval_of(tz, instant));
}

static int64_t floor_div(int64_t a, int64_t b)
{
	int64_t q = a / b;
	return (a % b != 0 && ((a < 0) != (b < 0))) ? q - 1 : q;
}

int32_t time_zone_day_of(GTimeZone *tz, int64_t instant)
{
	return (int32_t)floor_div(instant + time_zone_offset_at(tz, instant), 86400);
}

/* The first instant in (LO, HI] whose interval differs from LO's, or HI + 1 when none does. */
static int64_t next_change(GTimeZone *tz, int64_t lo, int64_t hi)
{
	int iv = interval_of(tz, lo);

	if (interval_of(tz, hi) == iv)
		return hi + 1;
	while (hi - lo > 1) {
		int64_t mid = lo + (hi - lo) / 2;
		if (interval_of(tz, mid) == iv)
			lo = mid;
		else
			hi = mid;
	}
	return hi;
}

int time_zone_day_spans(GTimeZone *tz, int32_t day, struct time_zone_span out[TIME_ZONE_MAX_SPANS])
{
	int64_t l0 = (int64_t)day * 86400, l1 = l0 + 86400;
	/* offsets stay well within ±2 days, so the day's instants lie in this range */
	int64_t lo = l0 - 2 * 86400, hi = l1 + 2 * 86400;
	int n = 0;

	for (int64_t s = lo; s < hi;) {
		int64_t e = next_change(tz, s, hi - 1);
		int32_t off = time_zone_offset_at(tz, s);
		int64_t a = MAX(s, l0 - off), b = MIN(e, l1 - off);

		if (a < b) {
			if (n > 0 && out[n - 1].end == a && out[n - 1].offset == off)
				out[n - 1].end = b;
			else if (n < TIME_ZONE_MAX_SPANS)
				out[n++] = (struct time_zone_span){a, b, off};
		}
		s = e;
	}
	return n;
}

int64_t time_zone_local_to_instant(GTimeZone *tz, int32_t day, int32_t second)
{
	struct time_zone_span sp[TIME_ZONE_MAX_SPANS];
	int n;
	int64_t local;

	/* 24:00 is the next day's midnight */
	day += second / 86400;
	second %= 86400;
	local = (int64_t)day * 86400 + second;
	n = time_zone_day_spans(tz, day, sp);
	/* the earliest instant showing that wall-clock time */
	for (int i = 0; i < n; i++)
		if (local >= sp[i].start + sp[i].offset && local < sp[i].end + sp[i].offset)
			return local - sp[i].offset;
	/* in a gap: read with the offset in force just before it */
	for (int i = 0; i < n; i++)
		if (sp[i].start + sp[i].offset > local)
			return local - time_zone_offset_at(tz, sp[i].start - 1);
	return local - time_zone_offset_at(tz, local);
}

/* ------------------------------------------------------------------------------------------ */
/* Calendars */

struct day_range {
	int32_t from, to;
};

/* Years 1..9999, one bit each: which years the calendar lists a holiday or workday in. */
#define YEAR_BYTES (9999 / 8 + 1)

struct calendar {
	GTimeZone *tz;
	GArray *holidays;            /* of struct day_range */
	GArray *workdays;            /* of int32_t, sorted, unique */
	uint8_t covered[YEAR_BYTES]; /* bit Y-1: year Y is covered */
};

struct calendar *calendar_new(const char *tz_id, enum time_error *err)
{
	GTimeZone *tz = time_zone_new(tz_id, err);
	struct calendar *cal;

	if (!tz)
		return NULL;
	cal = g_new0(struct calendar, 1);
	cal->tz = tz;
	cal->holidays = g_array_new(FALSE, FALSE, sizeof(struct day_range));
	cal->workdays = g_array_new(FALSE, FALSE, sizeof(int32_t));
	return cal;
}

void calendar_free(struct calendar *cal)
{
	if (!cal)
		return;
	g_time_zone_unref(cal->tz);
	g_array_free(cal->holidays, TRUE);
	g_array_free(cal->workdays, TRUE);
	g_free(cal);
}

static bool day_ok(int64_t d)
{
	return d >= TIME_DAY_MIN && d <= TIME_DAY_MAX;
}

static int year_of(int32_t day)
{
	int y, m, d;

	time_civil_from_days(day, &y, &m, &d);
	return y;
}

/* Kept as entries are added, so that a built calendar answers from any thread without a lock. */
static void cover_years(struct calendar *cal, int32_t from, int32_t to)
{
	for (int y = year_of(from), last = year_of(to); y <= last; y++)
		cal->covered[(y - 1) / 8] |= (uint8_t)(1u << ((y - 1) % 8));
}

bool calendar_add_holiday(struct calendar *cal, int32_t from, int32_t to)
{
	struct day_range r = {from, to};

	if (from > to || !day_ok(from) || !day_ok(to))
		return false;
	g_array_append_val(cal->holidays, r);
	cover_years(cal, from, to);
	return true;
}

/* Index of the first workday >= DAY. */
static guint workday_lower_bound(const struct calendar *cal, int32_t day)
{
	guint lo = 0, hi = cal->workdays->len;

	while (lo < hi) {
		guint mid = lo + (hi - lo) / 2;
		if (g_array_index(cal->workdays, int32_t, mid) < day)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

static bool listed_workday(const struct calendar *cal, int32_t day)
{
	guint i = workday_lower_bound(cal, day);
	return i < cal->workdays->len && g_array_index(cal->workdays, int32_t, i) == day;
}

bool calendar_add_workday(struct calendar *cal, int32_t day)
{
	if (!day_ok(day))
		return false;
	if (!listed_workday(cal, day))
		g_array_insert_val(cal->workdays, workday_lower_bound(cal, day), day);
	cover_years(cal, day, day);
	return true;
}

GTimeZone *calendar_zone(const struct calendar *cal)
{
	return cal->tz;
}

const char *calendar_zone_id(const struct calendar *cal)
{
	return g_time_zone_get_identifier(cal->tz);
}

bool calendar_is_holiday(const struct calendar *cal, int32_t day)
{
	/* a calendar holds a few dozen ranges: a scan beats any index */
	for (guint i = 0; i < cal->holidays->len; i++) {
		const struct day_range *r = &g_array_index(cal->holidays, struct day_range, i);
		if (day >= r->from && day <= r->to)
			return true;
	}
	return false;
}

static bool weekday_working(const struct calendar *cal, int32_t day)
{
	return time_iso_weekday(day) <= 5 && !calendar_is_holiday(cal, day);
}

bool calendar_is_adjusted_workday(const struct calendar *cal, int32_t day)
{
	return listed_workday(cal, day) && !weekday_working(cal, day);
}

bool calendar_is_working_day(const struct calendar *cal, int32_t day)
{
	return listed_workday(cal, day) || weekday_working(cal, day);
}

int64_t calendar_count_working_days(const struct calendar *cal, int32_t from, int32_t to)
{
	int64_t n = 0;

	from = MAX(from, TIME_DAY_MIN);
	to = MIN(to, TIME_DAY_MAX);
	for (int64_t d = from; d <= to; d++)
		n += calendar_is_working_day(cal, (int32_t)d);
	return n;
}

bool calendar_add_working_days(const struct calendar *cal, int32_t day, int64_t n, int32_t *out)
{
	int step = n < 0 ? -1 : 1;
	uint64_t left = n < 0 ? -(uint64_t)n : (uint64_t)n;
	int64_t d = day;

	if (!day_ok(day))
		return false;
	while (left > 0) {
		d += step;
		/* also ends a calendar whose holidays never stop */
		if (!day_ok(d))
			return false;
		if (calendar_is_working_day(cal, (int32_t)d))
			left--;
	}
	*out = (int32_t)d;
	return true;
}

/* ------------------------------------------------------------------------------------------ */
/* Coverage: the years a calendar has data for (issue 13, item 6) */

bool calendar_covers_year(const struct calendar *cal, int year)
{
	if (year < 1 || year > 9999)
		return false;
	return cal->covered[(year - 1) / 8] & (1u << ((year - 1) % 8));
}

bool calendar_covers(const struct calendar *cal, int32_t from, int32_t to, int *missing_year)
{
	if (from > to)
		return true;
	from = MAX(from, TIME_DAY_MIN);
	to = MIN(to, TIME_DAY_MAX);
	for (int y = year_of(from), last = year_of(to); y <= last; y++)
		if (!calendar_covers_year(cal, y)) {
			if (missing_year)
				*missing_year = y;
			return false;
		}
	return true;
}

bool calendar_covers_instants(const struct calendar *cal, int64_t t0, int64_t t1, int *missing_year)
{
	/* instants beyond 0001..9999 ± a day: clamp, the clock clamps the same way */
	const int64_t lo = (int64_t)TIME_DAY_MIN * 86400, hi = ((int64_t)TIME_DAY_MAX + 1) * 86400;

	if (t1 <= t0)
		return true;
	t0 = CLAMP(t0, lo, hi - 1);
	t1 = CLAMP(t1, lo + 1, hi);
	return calendar_covers(cal, time_zone_day_of(cal->tz, t0),
	                       time_zone_day_of(cal->tz, t1 - 1), missing_year);
}

bool calendar_covers_clock(const struct calendar *cal, const struct hours *h, int64_t t0,
                           int64_t t1, int *missing_year)
{
	return !hours_use_working_days(h) || calendar_covers_instants(cal, t0, t1, missing_year);
}

char *calendar_years_describe(const struct calendar *cal)
{
	GString *s = g_string_new(NULL);

	for (int y = 1; y <= 9999; y++) {
		int e = y;

		if (!calendar_covers_year(cal, y))
			continue;
		while (e < 9999 && calendar_covers_year(cal, e + 1))
			e++;
		if (s->len)
			g_string_append(s, ", ");
		if (e == y)
			g_string_append_printf(s, "%04d", y);
		else
			g_string_append_printf(s, "%04d–%04d", y, e);
		y = e;
	}
	return g_string_free(s, FALSE);
}

/* ------------------------------------------------------------------------------------------ */
/* A calendar's name in a document */

/* A year written in a name: four ASCII digits, no digit on either side, 1900..2199 (so that
 * "ISO 9001" is no year).  Its value, or 0. */
static int name_year_at(const char *s, const char *p)
{
	int y = 0;

	if (p > s && g_ascii_isdigit(p[-1]))
		return 0;
	for (int i = 0; i < 4; i++) {
		if (!g_ascii_isdigit(p[i]))
			return 0;
		y = y * 10 + (p[i] - '0');
	}
	if (g_ascii_isdigit(p[4]))
		return 0;
	return y >= 1900 && y <= 2199 ? y : 0;
}

/* What joins years to each other and to the rest of a name: "2025/2026", "2025–2026",
 * "2025 至 2026", "2025、2026". */
static const char *const name_separators[] = {" ", "\t", "/",  "-",  "~",  ",",  ".",
                                              "–", "—",  "～", "至", "、", "，", "·"};
/* What follows a year and goes with it: "2025年", "2025 年度", "2025版". */
static const char *const name_suffixes[] = {"年度", "年", "版", "edition"};

static size_t starts_with_any(const char *p, const char *const *set, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (g_str_has_prefix(p, set[i]))
			return strlen(set[i]);
	return 0;
}

static bool ends_with_separator(GString *out, size_t *len)
{
	for (size_t i = 0; i < G_N_ELEMENTS(name_separators); i++) {
		size_t n = strlen(name_separators[i]);
		if (out->len >= n && memcmp(out->str + out->len - n, name_separators[i], n) == 0) {
			*len = n;
			return true;
		}
	}
	return false;
}

/* NAME with its years and what joins them taken out: "中国大陆工作日历 2025" → "中国大陆工作日历",
 * "Baden-Württemberg 2025/2026" → "Baden-Württemberg", "2025年中国工作日历" → "中国工作日历". */
static char *name_without_years(const char *name)
{
	GString *out = g_string_new(NULL);
	const char *p = name;

	while (*p) {
		size_t n;
		bool space = false;

		if (!name_year_at(name, p)) {
			g_string_append_c(out, *p++);
			continue;
		}
		while (ends_with_separator(out, &n)) {
			space |= g_ascii_isspace(out->str[out->len - 1]);
			g_string_truncate(out, out->len - n);
		}
		p += 4;
		for (;;) {
			while (*p == ' ')
				p++;
			if ((n = starts_with_any(p, name_suffixes, G_N_ELEMENTS(name_suffixes))))
				p += n;
			else if ((n = starts_with_any(p, name_separators,
			                              G_N_ELEMENTS(name_separators)))) {
				space |= g_ascii_isspace(*p);
				p += n;
			} else if (name_year_at(name, p))
				p += 4;
			else
				break;
		}
		if (space && out->len && *p)
			g_string_append_c(out, ' ');
	}
	g_string_replace(out, "（）", "", 0);
	g_string_replace(out, "()", "", 0);
	g_string_replace(out, "( )", "", 0);
	return g_strstrip(g_string_free(out, FALSE));
}

char *calendar_name_for(const struct calendar *cal, const char *name, int from_year, int to_year)
{
	int lo = 0, hi = 0;
	bool claims_uncovered = false;

	if (!name)
		return g_strdup("");
	for (const char *p = name; *p; p++) {
		int y = name_year_at(name, p);
		if (!y)
			continue;
		lo = lo ? MIN(lo, y) : y;
		hi = MAX(hi, y);
		claims_uncovered |= !calendar_covers_year(cal, y);
	}
	if (!lo || (!claims_uncovered && (from_year <= 0 || (from_year >= lo && to_year <= hi))))
		return g_strdup(name);
	return name_without_years(name);
}
