/* Parsing and formatting of the XSD time types slm reads: xs:date into a day number, xs:dateTime
 * into Unix seconds, xs:duration into months and seconds (XSD 1.0 Part 2, §3.2.6–3.2.9), plus the
 * date arithmetic the rules need (term end = start + P1M, report due = period end + P10D).
 *
 * Every parser takes arbitrary bytes: it scans with an explicit end pointer, accumulates numbers
 * with overflow checks, reports syntax before range errors (so "2025-13-01x" is a syntax error,
 * "2025-13-01" a range error), and writes its output only on success.  Calendar arithmetic is
 * Howard Hinnant's days_from_civil / civil_from_days, proleptic Gregorian, exact in integers. */
#include "timecore.h"

#include <stdlib.h>
#include <string.h>

/* GCC and Clang have 128-bit integers on every 64-bit target; __extension__ keeps -Wpedantic
 * quiet about it. */
__extension__ typedef __int128 wide_int;

const char *time_error_text(enum time_error e)
{
	switch (e) {
	case TIME_OK:
		return "is valid";
	case TIME_ERR_EMPTY:
		return "is empty";
	case TIME_ERR_SYNTAX:
		return "is not in the expected form";
	case TIME_ERR_RANGE:
		return "is out of range (a month, day, hour or year that does not exist)";
	case TIME_ERR_OVERFLOW:
		return "is too large";
	case TIME_ERR_NEGATIVE:
		return "is negative";
	case TIME_ERR_PRECISION:
		return "has more fraction digits than allowed";
	case TIME_ERR_NO_OFFSET:
		return "has no time zone offset (add Z or +hh:mm)";
	case TIME_ERR_ZONE:
		return "is not a known IANA time zone";
	case TIME_ERR_TOO_LARGE:
		return "is above 100";
	}
	return "is invalid";
}

/* ------------------------------------------------------------------------------------------ */
/* Scanning */

struct scan {
	const char *p, *end;
};

static bool xml_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* Trims XML whitespace; false when nothing is left. */
static bool scan_init(struct scan *sc, const char *s)
{
	if (!s)
		return false;
	sc->p = s;
	sc->end = s + strlen(s);
	while (sc->p < sc->end && xml_space(*sc->p))
		sc->p++;
	while (sc->end > sc->p && xml_space(sc->end[-1]))
		sc->end--;
	return sc->p < sc->end;
}

static bool is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static bool eat(struct scan *sc, char c)
{
	if (sc->p < sc->end && *sc->p == c) {
		sc->p++;
		return true;
	}
	return false;
}

/* Exactly N digits. */
static bool fixed_digits(struct scan *sc, int n, int *v)
{
	int x = 0;

	if (sc->end - sc->p < n)
		return false;
	for (int i = 0; i < n; i++) {
		if (!is_digit(sc->p[i]))
			return false;
		x = x * 10 + (sc->p[i] - '0');
	}
	sc->p += n;
	*v = x;
	return true;
}

/* One or more digits into *V; *OVER set when the value exceeds INT64_MAX (digits still eaten). */
static int some_digits(struct scan *sc, int64_t *v, bool *over)
{
	int n = 0;
	int64_t x = 0;

	*over = false;
	while (sc->p < sc->end && is_digit(*sc->p)) {
		int d = *sc->p++ - '0';
		if (!*over && (x > (INT64_MAX - d) / 10))
			*over = true;
		if (!*over)
			x = x * 10 + d;
		n++;
	}
	*v = x;
	return n;
}

/* ------------------------------------------------------------------------------------------ */
/* Civil calendar */

static int64_t floor_div(int64_t a, int64_t b)
{
	int64_t q = a / b;
	return (a % b != 0 && ((a < 0) != (b < 0))) ? q - 1 : q;
}

static bool leap(int64_t y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int time_days_in_month(int year, int month)
{
	static const int dim[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

	if (month < 1 || month > 12)
		return 0;
	return month == 2 && leap(year) ? 29 : dim[month - 1];
}

bool time_date_valid(int year, int month, int mday)
{
	return year >= 1 && year <= 9999 && month >= 1 && month <= 12 && mday >= 1 &&
	       mday <= time_days_in_month(year, month);
}

/* Wide enough for any year an int64 month count can reach (duration comparison). */
static wide_int days_from_civil_wide(int64_t y, int m, int d)
{
	y -= m <= 2;
	int64_t era = (y >= 0 ? y : y - 399) / 400;
	int64_t yoe = y - era * 400;
	int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return (wide_int)era * 146097 + doe - 719468;
}

int32_t time_days_from_civil(int year, int month, int mday)
{
	return (int32_t)days_from_civil_wide(year, month, mday);
}

void time_civil_from_days(int32_t day, int *year, int *month, int *mday)
{
	int64_t z = (int64_t)day + 719468;
	int64_t era = (z >= 0 ? z : z - 146096) / 146097;
	int64_t doe = z - era * 146097;
	int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	int64_t mp = (5 * doy + 2) / 153;
	int d = (int)(doy - (153 * mp + 2) / 5 + 1);
	int m = (int)(mp < 10 ? mp + 3 : mp - 9);

	*year = (int)(yoe + era * 400 + (m <= 2));
	*month = m;
	*mday = d;
}

int time_iso_weekday(int32_t day)
{
	/* 1970-01-01 was a Thursday (4) */
	int64_t r = ((int64_t)day + 3) % 7;
	if (r < 0)
		r += 7;
	return (int)r + 1;
}

/* ------------------------------------------------------------------------------------------ */
/* xs:date and xs:dateTime */

/* YYYY-MM-DD.  *BAD set for a valid form naming no date. */
static enum time_error scan_date(struct scan *sc, int32_t *day, bool *bad)
{
	bool neg = eat(sc, '-');
	const char *y0 = sc->p;
	int64_t y;
	bool over;
	int n = some_digits(sc, &y, &over);
	int m, d;

	if (n < 4 || (n > 4 && *y0 == '0'))
		return TIME_ERR_SYNTAX;
	if (!eat(sc, '-') || !fixed_digits(sc, 2, &m) || !eat(sc, '-') || !fixed_digits(sc, 2, &d))
		return TIME_ERR_SYNTAX;
	/* years beyond 9999 and before 0001 are valid XSD but not ours */
	if (neg || n > 4 || !time_date_valid((int)y, m, d)) {
		*bad = true;
		return TIME_OK;
	}
	*day = time_days_from_civil((int)y, m, d);
	return TIME_OK;
}

/* Z or ±hh:mm, optional. */
static enum time_error scan_offset(struct scan *sc, bool *present, int32_t *seconds, bool *bad)
{
	int sign, h, m;

	*present = false;
	*seconds = 0;
	if (sc->p == sc->end)
		return TIME_OK;
	if (eat(sc, 'Z')) {
		*present = true;
		return TIME_OK;
	}
	if (eat(sc, '+'))
		sign = 1;
	else if (eat(sc, '-'))
		sign = -1;
	else
		return TIME_ERR_SYNTAX;
	if (!fixed_digits(sc, 2, &h) || !eat(sc, ':') || !fixed_digits(sc, 2, &m))
		return TIME_ERR_SYNTAX;
	if (h > 14 || m > 59 || (h == 14 && m != 0))
		*bad = true;
	*present = true;
	*seconds = sign * (h * 3600 + m * 60);
	return TIME_OK;
}

enum time_error time_parse_date(const char *s, int32_t *day)
{
	struct scan sc;
	bool bad = false, present;
	int32_t d = 0, off;
	enum time_error e;

	if (!scan_init(&sc, s))
		return TIME_ERR_EMPTY;
	if ((e = scan_date(&sc, &d, &bad)) != TIME_OK)
		return e;
	if ((e = scan_offset(&sc, &present, &off, &bad)) != TIME_OK)
		return e;
	if (sc.p != sc.end)
		return TIME_ERR_SYNTAX;
	if (bad)
		return TIME_ERR_RANGE;
	*day = d;
	return TIME_OK;
}

/* The whole dateTime; *LOCAL is seconds since 1970-01-01T00:00 of the written wall clock. */
static enum time_error scan_datetime(const char *s, int64_t *local, bool *has_offset,
                                     int32_t *offset)
{
	struct scan sc;
	bool bad = false;
	int32_t day = 0;
	int h, m, sec;
	bool frac_nonzero = false;
	enum time_error e;

	if (!scan_init(&sc, s))
		return TIME_ERR_EMPTY;
	if ((e = scan_date(&sc, &day, &bad)) != TIME_OK)
		return e;
	if (!eat(&sc, 'T') || !fixed_digits(&sc, 2, &h) || !eat(&sc, ':') ||
	    !fixed_digits(&sc, 2, &m) || !eat(&sc, ':') || !fixed_digits(&sc, 2, &sec))
		return TIME_ERR_SYNTAX;
	if (eat(&sc, '.')) {
		const char *f0 = sc.p;
		while (sc.p < sc.end && is_digit(*sc.p))
			frac_nonzero |= *sc.p++ != '0';
		if (sc.p == f0)
			return TIME_ERR_SYNTAX;
	}
	if ((e = scan_offset(&sc, has_offset, offset, &bad)) != TIME_OK)
		return e;
	if (sc.p != sc.end)
		return TIME_ERR_SYNTAX;
	/* 24:00:00 is allowed (the end of the day), nothing later; no leap seconds in XSD 1.0 */
	if (h > 24 || m > 59 || sec > 59 || (h == 24 && (m || sec || frac_nonzero)))
		bad = true;
	if (bad)
		return TIME_ERR_RANGE;
	*local = (int64_t)day * 86400 + h * 3600 + m * 60 + sec;
	return TIME_OK;
}

enum time_error time_parse_datetime(const char *s, int64_t *instant)
{
	int64_t local;
	bool has_offset;
	int32_t offset;
	enum time_error e = scan_datetime(s, &local, &has_offset, &offset);

	if (e != TIME_OK)
		return e;
	if (!has_offset)
		return TIME_ERR_NO_OFFSET;
	*instant = local - offset;
	return TIME_OK;
}

enum time_error time_parse_datetime_in_zone(const char *s, GTimeZone *tz, int64_t *instant)
{
	int64_t local;
	bool has_offset;
	int32_t offset;
	enum time_error e = scan_datetime(s, &local, &has_offset, &offset);

	if (e != TIME_OK)
		return e;
	if (has_offset) {
		*instant = local - offset;
	} else if (!tz) {
		return TIME_ERR_NO_OFFSET;
	} else {
		int64_t day = floor_div(local, 86400);
		*instant =
		    time_zone_local_to_instant(tz, (int32_t)day, (int32_t)(local - day * 86400));
	}
	return TIME_OK;
}

char *time_date_format(int32_t day)
{
	int y, m, d;

	time_civil_from_days(day, &y, &m, &d);
	return g_strdup_printf("%04d-%02d-%02d", y, m, d);
}

char *time_datetime_format(int64_t instant, GTimeZone *tz)
{
	int32_t off = tz ? time_zone_offset_at(tz, instant) : 0;
	int64_t local = instant + off;
	int64_t day = floor_div(local, 86400);
	int64_t sod = local - day * 86400;
	int y, m, d;
	char zone[8];

	time_civil_from_days((int32_t)day, &y, &m, &d);
	if (off == 0)
		g_strlcpy(zone, "Z", sizeof zone);
	else
		g_snprintf(zone, sizeof zone, "%c%02d:%02d", off < 0 ? '-' : '+', abs(off) / 3600,
		           abs(off) % 3600 / 60);
	return g_strdup_printf("%04d-%02d-%02dT%02d:%02d:%02d%s", y, m, d, (int)(sod / 3600),
	                       (int)(sod % 3600 / 60), (int)(sod % 60), zone);
}

/* ------------------------------------------------------------------------------------------ */
/* xs:duration */

static bool mul_add(int64_t *acc, int64_t v, int64_t unit)
{
	int64_t t;
	return !__builtin_mul_overflow(v, unit, &t) && !__builtin_add_overflow(*acc, t, acc);
}

enum time_error time_parse_duration(const char *s, struct time_duration *out)
{
	/* designators in the order XSD requires; the first three before T, the rest after */
	static const char order[] = "YMDHMS";
	struct scan sc;
	struct time_duration d = {0, 0, 0};
	bool neg, over = false, in_time = false, any = false, any_time = false;
	int next = 0; /* index in ORDER of the first designator still allowed */

	if (!scan_init(&sc, s))
		return TIME_ERR_EMPTY;
	neg = eat(&sc, '-');
	if (!eat(&sc, 'P'))
		return TIME_ERR_SYNTAX;
	while (sc.p < sc.end) {
		int64_t v;
		bool o;
		int k;

		if (!in_time && eat(&sc, 'T')) {
			in_time = true;
			next = 3;
			continue;
		}
		if (some_digits(&sc, &v, &o) == 0)
			return TIME_ERR_SYNTAX;
		over |= o;
		if (in_time && sc.p < sc.end && *sc.p == '.') {
			int32_t ns = 0, digits = 0;
			sc.p++;
			while (sc.p < sc.end && is_digit(*sc.p)) {
				/* past nanoseconds, digits are dropped */
				if (digits++ < 9)
					ns = ns * 10 + (*sc.p - '0');
				sc.p++;
			}
			if (digits == 0 || sc.p == sc.end || *sc.p != 'S')
				return TIME_ERR_SYNTAX;
			for (; digits < 9; digits++)
				ns *= 10;
			d.nanos = ns;
		}
		if (sc.p == sc.end)
			return TIME_ERR_SYNTAX;
		for (k = next; k < (in_time ? 6 : 3); k++)
			if (order[k] == *sc.p)
				break;
		if (k == (in_time ? 6 : 3))
			return TIME_ERR_SYNTAX;
		sc.p++;
		next = k + 1;
		any = true;
		any_time |= in_time;
		if (o)
			continue;
		static const int64_t unit[6] = {12, 1, 86400, 3600, 60, 1};
		if (!mul_add(k < 2 ? &d.months : &d.seconds, v, unit[k]))
			over = true;
	}
	if (!any || (in_time && !any_time))
		return TIME_ERR_SYNTAX;
	if (over)
		return TIME_ERR_OVERFLOW;
	if (neg)
		return TIME_ERR_NEGATIVE;
	*out = d;
	return TIME_OK;
}

char *time_duration_format(const struct time_duration *d)
{
	GString *s = g_string_new(NULL);
	bool neg = d->months < 0 || d->seconds < 0;
	/* magnitudes as unsigned so INT64_MIN does not overflow */
	uint64_t mo = d->months < 0 ? -(uint64_t)d->months : (uint64_t)d->months;
	uint64_t se = d->seconds < 0 ? -(uint64_t)d->seconds : (uint64_t)d->seconds;
	uint64_t days = se / 86400, h = se % 86400 / 3600, m = se % 3600 / 60, sec = se % 60;

	g_string_append(s, neg ? "-P" : "P");
	if (mo / 12)
		g_string_append_printf(s, "%" G_GUINT64_FORMAT "Y", mo / 12);
	if (mo % 12)
		g_string_append_printf(s, "%" G_GUINT64_FORMAT "M", mo % 12);
	if (days)
		g_string_append_printf(s, "%" G_GUINT64_FORMAT "D", days);
	if (h || m || sec || d->nanos || (!mo && !days)) {
		g_string_append_c(s, 'T');
		if (h)
			g_string_append_printf(s, "%" G_GUINT64_FORMAT "H", h);
		if (m)
			g_string_append_printf(s, "%" G_GUINT64_FORMAT "M", m);
		if (sec || d->nanos || (!h && !m)) {
			g_string_append_printf(s, "%" G_GUINT64_FORMAT, sec);
			if (d->nanos) {
				char frac[16];
				int len = g_snprintf(frac, sizeof frac, ".%09d", (int)d->nanos);
				while (len > 1 && frac[len - 1] == '0')
					frac[--len] = '\0';
				g_string_append(s, frac);
			}
			g_string_append_c(s, 'S');
		}
	}
	return g_string_free(s, FALSE);
}

/* Day number (wide) of the first of the month MONTHS after the first of Y-M. */
static wide_int first_of_month_plus(int y, int m, int64_t months)
{
	wide_int total = (wide_int)y * 12 + (m - 1) + months;
	wide_int ny = total >= 0 ? total / 12 : -((-total + 11) / 12);
	int nm = (int)(total - ny * 12) + 1;

	/* |ny| < 2^60, inside int64 */
	return days_from_civil_wide((int64_t)ny, nm, 1);
}

int time_duration_compare(const struct time_duration *a, const struct time_duration *b)
{
	static const int ref[4][2] = {{1696, 9}, {1697, 2}, {1903, 3}, {1903, 7}};
	int result = 0;

	if (a->months == b->months) {
		if (a->seconds != b->seconds)
			return a->seconds < b->seconds ? -1 : 1;
		return a->nanos < b->nanos ? -1 : a->nanos > b->nanos;
	}
	for (int i = 0; i < 4; i++) {
		/* from the first of a month adding months never clamps the day */
		wide_int ta =
		    first_of_month_plus(ref[i][0], ref[i][1], a->months) * 86400 + a->seconds;
		wide_int tb =
		    first_of_month_plus(ref[i][0], ref[i][1], b->months) * 86400 + b->seconds;
		int c = ta < tb ? -1 : ta > tb ? 1 : a->nanos < b->nanos ? -1 : a->nanos > b->nanos;
		if (i == 0)
			result = c;
		else if (c != result)
			return TIME_INCOMPARABLE;
	}
	return result;
}

enum time_error time_date_add_months(int32_t day, int64_t months, int32_t *out)
{
	int y, m, d;

	if (day < TIME_DAY_MIN || day > TIME_DAY_MAX || months > 12 * 10000 || months < -12 * 10000)
		return TIME_ERR_RANGE;
	time_civil_from_days(day, &y, &m, &d);
	int64_t total = (int64_t)y * 12 + (m - 1) + months;
	if (total < 12 || total > 9999 * 12 + 11)
		return TIME_ERR_RANGE;
	int ny = (int)(total / 12), nm = (int)(total % 12) + 1;
	int dim = time_days_in_month(ny, nm);
	/* the end-of-month clamp: Jan 31 + P1M is the last day of February */
	*out = time_days_from_civil(ny, nm, d > dim ? dim : d);
	return TIME_OK;
}

enum time_error time_date_add_duration(int32_t day, const struct time_duration *d, int32_t *out)
{
	int32_t r;
	enum time_error e = time_date_add_months(day, d->months, &r);
	int64_t days = floor_div(d->seconds, 86400);

	if (e != TIME_OK)
		return e;
	if (days > TIME_DAY_MAX - (int64_t)r || days < TIME_DAY_MIN - (int64_t)r)
		return TIME_ERR_RANGE;
	*out = (int32_t)(r + days);
	return TIME_OK;
}

enum time_error time_date_sub_duration(int32_t day, const struct time_duration *d, int32_t *out)
{
	int32_t r;
	enum time_error e = time_date_add_months(day, -d->months, &r);
	int64_t days = floor_div(d->seconds, 86400);

	if (e != TIME_OK)
		return e;
	if ((int64_t)r - days < TIME_DAY_MIN || (int64_t)r - days > TIME_DAY_MAX)
		return TIME_ERR_RANGE;
	*out = (int32_t)(r - days);
	return TIME_OK;
}

/* ANCHOR + K × EVERY */
static enum time_error add_times(int32_t anchor, const struct time_duration *every, int64_t k,
                                 int32_t *out)
{
	struct time_duration dk = {0, 0, 0};

	if (__builtin_mul_overflow(every->months, k, &dk.months) ||
	    __builtin_mul_overflow(every->seconds, k, &dk.seconds))
		return TIME_ERR_RANGE;
	return time_date_add_duration(anchor, &dk, out);
}

enum time_error time_period(int32_t anchor, const struct time_duration *every, int64_t k,
                            int32_t *from, int32_t *to)
{
	int32_t a, b;
	enum time_error e;

	/* a period shorter than a day would repeat dates; a negative one runs backwards */
	if (k < 0 || every->months < 0 || every->seconds < 0 ||
	    (every->months == 0 && every->seconds < 86400) || k == INT64_MAX)
		return TIME_ERR_RANGE;
	if ((e = add_times(anchor, every, k, &a)) != TIME_OK ||
	    (e = add_times(anchor, every, k + 1, &b)) != TIME_OK)
		return e;
	*from = a;
	*to = b - 1;
	return TIME_OK;
}

char *time_seconds_describe(int64_t seconds)
{
	GString *s = g_string_new(NULL);
	uint64_t v = seconds < 0 ? -(uint64_t)seconds : (uint64_t)seconds;
	uint64_t h = v / 3600, m = v % 3600 / 60, sec = v % 60;

	if (seconds < 0)
		g_string_append_c(s, '-');
	if (h)
		g_string_append_printf(s, "%" G_GUINT64_FORMAT " h", h);
	if (m)
		g_string_append_printf(s, "%s%" G_GUINT64_FORMAT " min", h ? " " : "", m);
	if (sec || v == 0)
		g_string_append_printf(s, "%s%" G_GUINT64_FORMAT " s", (h || m) ? " " : "", sec);
	return g_string_free(s, FALSE);
}
