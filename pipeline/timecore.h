/* The time core of slm: parsing xs:duration, xs:date and xs:dateTime; working-day calendars in an
 * IANA time zone (holidays and 调休 adjusted workdays); weekly service hours and what they mean on
 * a given date; the SLA clock (DESIGN §3 Time: it pauses outside service hours and, for
 * workdays="only" hours, on holidays); whether one set of hours covers another over a term, and
 * the uncovered part in words (rule hours-gap); exact decimals for percentages and money (rules
 * breach, availability-chain, budget-overrun).
 *
 * Everything here is a pure function of its arguments: no XML, no I/O, no global state, no locale,
 * no TZ environment; time zones are GTimeZone.  A calendar, once built, is read-only and may be
 * shared between threads.  Every char* returned is g_malloc'd and owned by the caller (g_free).
 *
 * Representations:
 *   day      int32_t, days since 1970-01-01, proleptic Gregorian; a local date (of the zone the
 *            context says, usually a calendar's)
 *   instant  int64_t, Unix seconds (UTC, no leap seconds)
 *   minute   int, minutes since local midnight, 0..1440 (1440 = 24:00, only as an end)
 *   percent  int64_t scaled by 10^4: 99.95 % is 999500, 100 % is 1000000 (PERCENT_100)
 *   money    int64_t cents */
#ifndef SLM_TIMECORE_H
#define SLM_TIMECORE_H

#include <glib.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* ---------------------------------------------------------------------------------------------
 * Errors of the parsers (and of the few operations that can fail).  Every parser accepts any
 * NUL-terminated string (NULL counts as empty), trims XML whitespace around the value as the
 * schema types do (whiteSpace="collapse") and never crashes; on failure the output is untouched. */
enum time_error {
	TIME_OK = 0,
	TIME_ERR_EMPTY,    /* nothing but whitespace */
	TIME_ERR_SYNTAX,   /* not in the expected lexical form */
	TIME_ERR_RANGE,    /* a field out of range: month 13, 2025-02-29, 25:00, year 0 or > 9999 */
	TIME_ERR_OVERFLOW, /* a number too large to represent */
	TIME_ERR_NEGATIVE, /* a negative duration, percentage or count where none makes sense */
	TIME_ERR_PRECISION, /* non-zero fraction digits beyond those allowed (4 for a percent) */
	TIME_ERR_NO_OFFSET, /* a dateTime without Z or ±hh:mm where one is required */
	TIME_ERR_ZONE,      /* an unknown or unacceptable time zone identifier */
	TIME_ERR_TOO_LARGE, /* a percentage above 100 */
};

/* A phrase to put after the offending value in a message: "is not in the expected form". */
const char *time_error_text(enum time_error e);

/* ---------------------------------------------------------------------------------------------
 * Dates and instants (time_parse.c).  Years 0001..9999 only: XSD allows more, agreements never
 * need it, and a bounded range keeps every computation below far from overflow. */
#define TIME_DAY_MIN (-719162) /* 0001-01-01 */
#define TIME_DAY_MAX 2932896   /* 9999-12-31 */

bool time_date_valid(int year, int month, int mday);
int time_days_in_month(int year, int month);
/* No validation: callers pass a valid date (time_date_valid). */
int32_t time_days_from_civil(int year, int month, int mday);
void time_civil_from_days(int32_t day, int *year, int *month, int *mday);
/* ISO weekday: 1 = Monday … 7 = Sunday. */
int time_iso_weekday(int32_t day);

/* xs:date "2025-05-01"; an offset ("Z", "+08:00") is accepted, checked and ignored: agreement
 * dates are local dates of the calendar. */
enum time_error time_parse_date(const char *s, int32_t *day);
/* xs:dateTime with a required offset: "2025-05-09T19:50:00+08:00", "…Z".  Fractional seconds are
 * accepted and dropped (floor); "24:00:00" is the next day's midnight, as in XSD. */
enum time_error time_parse_datetime(const char *s, int64_t *instant);
/* The same, but a dateTime without offset is local time in TZ.  A local time that does not exist
 * (skipped by a DST change) is read with the offset in force before the change (02:30 on
 * 2025-03-30 in Berlin is 03:30 CEST); one that exists twice is the earlier instant. */
enum time_error time_parse_datetime_in_zone(const char *s, GTimeZone *tz, int64_t *instant);

/* "2025-05-01" */
char *time_date_format(int32_t day);
/* "2025-05-09T19:50:00+08:00" in TZ (the offset in force at that instant; "Z" for UTC). */
char *time_datetime_format(int64_t instant, GTimeZone *tz);

/* ---------------------------------------------------------------------------------------------
 * Durations.  xs:duration kept as XSD keeps it: months (years × 12 + months) and seconds (days are
 * 86400 s, hours 3600 s, minutes 60 s) with a fraction in nanoseconds (digits past the ninth are
 * dropped).  Negative durations are an error for slm's use (TIME_ERR_NEGATIVE). */
struct time_duration {
	int64_t months;
	int64_t seconds;
	int32_t nanos; /* 0..999999999 */
};

enum time_error time_parse_duration(const char *s, struct time_duration *d);
/* Canonical xs:duration: "PT15M", "P1M", "P1DT2H", "PT0S". */
char *time_duration_format(const struct time_duration *d);

/* XSD's partial order of durations: -1, 0 or 1, or TIME_INCOMPARABLE when the order depends on the
 * start date (P1M against P30D); decided, as XSD 1.0 says, by adding both to 1696-09-01,
 * 1697-02-01, 1903-03-01 and 1903-07-01. */
#define TIME_INCOMPARABLE 2
int time_duration_compare(const struct time_duration *a, const struct time_duration *b);

/* DAY + D: months first, clamping to the end of a shorter month (2025-01-31 + P1M = 2025-02-28,
 * 2024-01-31 + P1M = 2024-02-29, as XPath's fn:add does), then the whole days of the seconds
 * (floor: PT36H adds one day, the time of day is dropped).  TIME_ERR_RANGE outside 0001..9999. */
enum time_error time_date_add_duration(int32_t day, const struct time_duration *d, int32_t *out);
enum time_error time_date_add_months(int32_t day, int64_t months, int32_t *out);
/* DAY − D, months first (with the same clamp), then whole days: 到期一月前 of 2025-12-31 is
 * 2025-11-30. */
enum time_error time_date_sub_duration(int32_t day, const struct time_duration *d, int32_t *out);

/* The K-th (K >= 0) of consecutive periods of length EVERY starting at ANCHOR, as the inclusive
 * dates [*FROM, *TO] (reporting every P1M from the term start: K = 0 is the first month).  Each
 * bound is ANCHOR + K × EVERY computed afresh, so periods never drift: from 2025-01-01 monthly
 * periods are calendar months; from 2025-01-31 they are Jan 31–Feb 27, Feb 28–Mar 30, Mar 31–….
 * TIME_ERR_RANGE when EVERY is shorter than a day, K < 0, or the period leaves 0001..9999. */
enum time_error time_period(int32_t anchor, const struct time_duration *every, int64_t k,
                            int32_t *from, int32_t *to);

/* Seconds as a person reads them: "10 min", "3 h 10 min", "45 s", "0 s", "26 h 5 min". */
char *time_seconds_describe(int64_t seconds);

/* ---------------------------------------------------------------------------------------------
 * Time zones: which names are zones (time_zone.c), and thin, checked wrappers over GTimeZone
 * (time_calendar.c). */

/* An IANA zone ("Asia/Shanghai", "Europe/Berlin", "UTC", "Etc/GMT-8"): a zone file of the
 * system's tz database (TZDIR, else /usr/share/zoneinfo), the one GLib then reads.  NULL and
 * *err = TIME_ERR_ZONE for anything else: never the process's local zone, a path, a POSIX TZ
 * string GLib would parse loosely ("GMT+8", which POSIX reads as UTC-8; "CST-8"), "localtime",
 * "posixrules", "Factory" or the posix/ and right/ copies.  The one definition of a valid zone.
 * Unref with g_time_zone_unref. */
GTimeZone *time_zone_new(const char *id, enum time_error *err);
/* For an ID time_zone_new refuses: why, and what was probably meant, as words that follow the
 * quoted name in a message: 'is not an IANA time zone: did you mean "Europe/Berlin"?', 'is not an
 * IANA time zone: POSIX reads "GMT+8" as UTC-8, the opposite of what it says; for UTC+8 write
 * the place, such as "Asia/Shanghai", or "Etc/GMT-8"'.  Reads the database's folder. */
char *time_zone_explain(const char *id);
/* UTC offset in seconds in force at INSTANT. */
int32_t time_zone_offset_at(GTimeZone *tz, int64_t instant);
/* The local date of INSTANT. */
int32_t time_zone_day_of(GTimeZone *tz, int64_t instant);
/* The instant of local DAY at SECOND (0..86400) since midnight; gaps and overlaps as in
 * time_parse_datetime_in_zone. */
int64_t time_zone_local_to_instant(GTimeZone *tz, int32_t day, int32_t second);

/* The instants whose local date is DAY, as runs [start, end) of constant UTC offset, in order:
 * one run on most days, two on a DST day (2025-03-30 in Berlin: 23 h in total; 2025-10-26: 25 h,
 * local 02:00–03:00 twice). */
struct time_zone_span {
	int64_t start, end;
	int32_t offset;
};
#define TIME_ZONE_MAX_SPANS 8
int time_zone_day_spans(GTimeZone *tz, int32_t day, struct time_zone_span out[TIME_ZONE_MAX_SPANS]);

/* ---------------------------------------------------------------------------------------------
 * Calendars (time_calendar.c): a zone, holiday ranges and adjusted workdays.
 * A working day is a Monday–Friday in no holiday range, or a listed adjusted workday (调休: a
 * Saturday or Sunday worked in exchange for a holiday).  A listed workday wins over a holiday range
 * that contains it (the more specific entry). */
struct calendar;

struct calendar *calendar_new(const char *tz_id, enum time_error *err);
void calendar_free(struct calendar *cal);
/* Inclusive range; false (and nothing added) when FROM > TO or outside 0001..9999. */
bool calendar_add_holiday(struct calendar *cal, int32_t from, int32_t to);
bool calendar_add_workday(struct calendar *cal, int32_t day);

GTimeZone *calendar_zone(const struct calendar *cal); /* borrowed */
const char *calendar_zone_id(const struct calendar *cal);
bool calendar_is_holiday(const struct calendar *cal, int32_t day);
/* A listed workday that would otherwise not be a working day (a weekend day or in a holiday). */
bool calendar_is_adjusted_workday(const struct calendar *cal, int32_t day);
bool calendar_is_working_day(const struct calendar *cal, int32_t day);
/* Working days in [FROM, TO], both included; 0 when FROM > TO. */
int64_t calendar_count_working_days(const struct calendar *cal, int32_t from, int32_t to);
/* The N-th working day after DAY (DAY itself not counted; N = 0 gives DAY; N < 0 counts
 * backwards).  "Deemed confirmed within 10 working days of a notice on D" ends at the end of
 * calendar_add_working_days(cal, D, 10).  False when that leaves 0001..9999. */
bool calendar_add_working_days(const struct calendar *cal, int32_t day, int64_t n, int32_t *out);

/* Which years a calendar has data for.  A calendar covers a year when it lists at least one
 * holiday range touching it (one across New Year covers both years) or one adjusted workday in
 * it.  In a year it does not cover, its working days would be every Monday–Friday, public
 * holidays included: a figure that counts working days or service time in such a year is wrong
 * by those holidays, so callers do not compute it (rule calendar-uncovered says why). */
bool calendar_covers_year(const struct calendar *cal, int year);
/* Whether every year of the local dates [FROM, TO] is covered; if not, the first year that is not
 * in *MISSING_YEAR (may be NULL).  True when FROM > TO (nothing is counted). */
bool calendar_covers(const struct calendar *cal, int32_t from, int32_t to, int *missing_year);
/* The same for the local dates, in the calendar's zone, of the instants [T0, T1) a clock counts
 * (the date of T1 itself only when T1 is not its midnight); true when T1 <= T0. */
bool calendar_covers_instants(const struct calendar *cal, int64_t t0, int64_t t1,
                              int *missing_year);
struct hours;
/* Whether the SLA clock of hours H on CAL over [T0, T1) can be counted: H has no workdays_only
 * window (holidays do not change it), or CAL covers every date the clock counts.  The one test
 * before clock_business_seconds wherever a figure is shown. */
bool calendar_covers_clock(const struct calendar *cal, const struct hours *h, int64_t t0,
                           int64_t t1, int *missing_year);
/* The covered years as a person writes them: "2025", "2025–2026", "2024, 2026"; "" when none. */
char *calendar_years_describe(const struct calendar *cal);
/* NAME (a calendar's name= for people) as a document from FROM_YEAR to TO_YEAR may print it
 * without claiming a year it should not: unchanged when it names no year, or when every year it
 * names is covered and they span the document's years; else without its years and what joins them
 * ("中国大陆工作日历 2025" on a 2026 document: "中国大陆工作日历"; "" when nothing is left).  A
 * year in a name is four digits 1900..2199 standing alone, with 年, 年度 or 版 after it.  FROM_YEAR
 * 0: the document has no term (a catalog), only coverage counts. */
char *calendar_name_for(const struct calendar *cal, const char *name, int from_year, int to_year);

/* ---------------------------------------------------------------------------------------------
 * Service hours (time_hours.c): a set of weekly windows in a calendar's zone.
 * A window lists weekdays and a time of day [from, to) with from < to (to may be 24:00); a window
 * across midnight is written as two.  Several windows a day are fine (09:00–12:00 and 13:00–18:00)
 * and may overlap (their union counts).
 *
 * On a date, the windows that apply are:
 *   - a window without workdays_only: on every listed weekday, holidays included;
 *   - a workdays_only window: on listed weekdays that are working days of the calendar;
 *   - on an adjusted workday that falls on a Saturday or Sunday: in addition, every workdays_only
 *     window that lists any of Monday–Friday (the day stands in for a weekday; agreements write
 *     "mon-fri … workdays=only" and mean it to apply on 调休 Saturdays too).  */
enum {
	HOURS_MON = 1 << 0,
	HOURS_TUE = 1 << 1,
	HOURS_WED = 1 << 2,
	HOURS_THU = 1 << 3,
	HOURS_FRI = 1 << 4,
	HOURS_SAT = 1 << 5,
	HOURS_SUN = 1 << 6,
	HOURS_WEEKDAYS = 0x1f,
	HOURS_ALL_DAYS = 0x7f,
};

struct hours_window {
	unsigned days; /* HOURS_MON | … */
	int from, to;  /* minutes since local midnight, 0 <= from < to <= 1440 */
	bool workdays_only;
};

struct hours;

struct hours *hours_new(void);
void hours_free(struct hours *h);
/* TIME_ERR_RANGE for no days, from >= to, or minutes outside 0..1440. */
enum time_error hours_add(struct hours *h, struct hours_window w);
/* The attributes as written: days="mon-fri" from="09:00" to="17:00". */
enum time_error hours_add_text(struct hours *h, const char *days, const char *from, const char *to,
                               bool workdays_only);
size_t hours_count(const struct hours *h);
struct hours_window hours_get(const struct hours *h, size_t i);
/* Whether a window is workdays_only: only then do the calendar's holidays and adjusted workdays
 * change what the hours mean (NULL: false). */
bool hours_use_working_days(const struct hours *h);

/* "mon-fri", "mon-sun", "sat-sun", "fri-mon" (wraps), "mon,wed,fri", "sat", and mixes of these;
 * case-insensitive, spaces around items ignored, an en dash accepted for the hyphen. */
enum time_error hours_parse_days(const char *s, unsigned *days);
/* "HH:MM" (also "HH:MM:00"), 00:00..24:00, into minutes. */
enum time_error hours_parse_time(const char *s, int *minute);

/* The minutes of one day, as a bitmap: cheap to intersect, compare and describe. */
struct minute_set {
	uint64_t bits[23]; /* 1472 bits, 1440 used */
};
void minute_set_clear(struct minute_set *s);
void minute_set_add(struct minute_set *s, int from, int to); /* [from, to), clipped to 0..1440 */
bool minute_set_has(const struct minute_set *s, int minute);
bool minute_set_is_empty(const struct minute_set *s);
bool minute_set_equal(const struct minute_set *a, const struct minute_set *b);
int minute_set_count(const struct minute_set *s);
/* "all day", "08:00–20:00", "00:00–09:00, 17:00–24:00", "" when empty. */
char *minute_set_describe(const struct minute_set *s);
/* Days as a person writes them: "mon–fri", "sat–sun", "fri–mon", "mon, wed, fri", "mon–sun". */
char *hours_days_describe(unsigned days);

/* The local minutes of DAY in service (CAL may be NULL: no holidays, mon–fri working). */
void hours_day_minutes(const struct hours *h, const struct calendar *cal, int32_t day,
                       struct minute_set *out);
/* The instants of local DAY in service, appended to OUT (GArray of struct time_interval) sorted
 * and disjoint.  A window means the instants whose wall-clock time on that date lies in it: on
 * 2025-03-30 in Berlin 01:00–04:00 is 2 h and 00:00–24:00 is 23 h; on 2025-10-26 they are 4 h and
 * 25 h. */
struct time_interval {
	int64_t start, end;
};
void hours_day_instants(const struct hours *h, const struct calendar *cal, int32_t day,
                        GArray *out);

/* "mon–sun 08:00–20:00", "mon–fri 09:00–12:00, 13:00–18:00 (working days)",
 * "mon–fri 09:00–17:00 (working days) and sat 09:00–12:00"; "no service hours" when empty. */
char *hours_describe(const struct hours *h);
/* PARTS as said in a sentence: "a", "a and b", "a; b and c" (g_malloc'd). */
char *time_join_spoken(GPtrArray *parts);

/* ---------------------------------------------------------------------------------------------
 * The SLA clock (time_clock.c). */

/* Seconds of [T0, T1) inside the service hours, evaluated in the calendar's zone day by day
 * (O(days × windows)); 0 when T1 <= T0. */
int64_t clock_business_seconds(const struct hours *h, const struct calendar *cal, int64_t t0,
                               int64_t t1);
/* The instant at which the clock started at T0 has counted SECONDS (>= 0): a deadline such as
 * "responded within PT15M".  False when the hours never reach it (no service for over a year, or
 * past 9999). */
bool clock_add_business_seconds(const struct hours *h, const struct calendar *cal, int64_t t0,
                                int64_t seconds, int64_t *out);

/* ---------------------------------------------------------------------------------------------
 * Coverage (time_coverage.c): does A (a supporting OLA's or contract's hours, in calendar CA) cover
 * B (the SLA service's hours, in CB) on every date of B's term [from_day, to_day] (B-local dates)?
 *
 * The uncovered part is computed exactly, instant by instant (zones may differ, DST included), and
 * described in B's local time as
 *   weekly windows: for each weekday, the minutes uncovered on every ordinary date of that weekday
 *     where B is in service (ordinary: not a holiday or adjusted workday of either calendar);
 *   exceptions: runs of dates with more uncovered than their weekday's weekly windows (holidays
 *     where A is workdays-only and B is not, adjusted workdays of B, DST weeks…), consecutive dates
 *     with the same extra minutes merged into one range.
 * A date on which A happens to cover more than usual (A's adjusted workday) is not listed: the
 * description can only overstate a gap on such dates, never hide one. */
enum coverage_reason {
	COVERAGE_DATED,            /* no single reason */
	COVERAGE_HOLIDAY,          /* every date of the run is a holiday of CA or CB */
	COVERAGE_ADJUSTED_WORKDAY, /* every date of the run is an adjusted workday */
	COVERAGE_CLOCK_CHANGE,     /* every date of the run has a UTC offset change in CA or CB */
};

struct coverage_exception {
	int32_t from_day, to_day; /* inclusive, B-local */
	enum coverage_reason reason;
	struct minute_set minutes; /* B-local, uncovered beyond the weekly part */
};

struct coverage {
	struct minute_set weekly[7]; /* index 0 = Monday */
	GArray *exceptions;          /* of struct coverage_exception, in date order */
	int64_t required_seconds;    /* B's service time in the term */
	int64_t uncovered_seconds;   /* of which A does not cover */
};

/* NULL when an argument is NULL, a date is outside 0001..9999 or the term is longer than
 * COVERAGE_MAX_DAYS (about 110 years): a caller with an open-ended term passes a bounded window. */
#define COVERAGE_MAX_DAYS 40000
struct coverage *coverage_compute(const struct hours *a, const struct calendar *ca,
                                  const struct hours *b, const struct calendar *cb,
                                  int32_t from_day, int32_t to_day);
/* The same for several supporting agreements together (one department's weekday OLA and weekend
 * OLA): A is the union of each source's hours on the source-local dates it is in force. */
struct coverage_source {
	const struct hours *hours;
	const struct calendar *cal;
	int32_t from_day, to_day; /* inclusive, source-local */
};
struct coverage *coverage_compute_union(const struct coverage_source *a, size_t na,
                                        const struct hours *b, const struct calendar *cb,
                                        int32_t from_day, int32_t to_day);
bool coverage_complete(const struct coverage *c);
/* "sat–sun all day and mon–fri 00:00–09:00, 17:00–24:00; on holidays 2025-10-01–2025-10-08
 * 09:00–17:00"; "" when complete. */
char *coverage_describe(const struct coverage *c);
void coverage_free(struct coverage *c);

/* ---------------------------------------------------------------------------------------------
 * Exact decimals (time_decimal.c).  No floating point anywhere. */

/* xs:decimal into V × 10^PLACES (PLACES 0..9).  Sign allowed; more fraction digits than PLACES
 * only when they are zeros ("99.950" is fine at 4 places, "99.95001" is TIME_ERR_PRECISION). */
enum time_error decimal_parse(const char *s, int places, int64_t *out);
/* V / 10^PLACES; TRIM drops trailing fraction zeros and a bare point ("99.95", "100"). */
char *decimal_format(int64_t v, int places, bool trim);

#define PERCENT_PLACES 4
#define PERCENT_100    1000000 /* 100 % scaled by 10^4 */
/* "99.95" → 999500; "99.9" and "99.90" are equal; 0..100 only (negative → TIME_ERR_NEGATIVE,
 * above 100 → TIME_ERR_TOO_LARGE); "%" is not part of the value. */
enum time_error percent_parse(const char *s, int64_t *out);
/* "99.95", "99.9", "100", "0.0001". */
char *percent_format(int64_t v);
/* The availability of components in series: the product of N percentages, exactly (arbitrary
 * precision in base 10^6), rounded DOWN to 4 places into *OUT; *EXACT tells whether anything was
 * dropped.  N = 0 gives 100 %.  False when a value is outside 0..PERCENT_100. */
bool percent_product(const int64_t *a, size_t n, int64_t *out, bool *exact);
/* The exact product against TARGET: -1 below, 0 equal, 1 above (never rounded);
 * -2 on a value outside 0..PERCENT_100. */
int percent_product_compare(const int64_t *a, size_t n, int64_t target);
/* "99.98% × 99.99% = 99.97%": the product rounded DOWN to PLACES (0..4) places, so it never
 * overstates; NULL on a value outside 0..PERCENT_100. */
char *percent_product_describe(const int64_t *a, size_t n, int places);

/* Money: up to 2 fraction digits into int64 cents ("70000" → 7000000, "12.5" → 1250), sign
 * allowed, TIME_ERR_OVERFLOW beyond int64. */
enum time_error money_parse(const char *s, int64_t *cents);
char *money_format(int64_t cents); /* "70000.00", "-0.50" */
bool money_add(int64_t a, int64_t b, int64_t *out);
bool money_mul(int64_t cents, int64_t n, int64_t *out);
/* CENTS × PERCENT / 100 %, rounded half away from zero to the cent (a 5 % credit). */
bool money_percent(int64_t cents, int64_t percent, int64_t *out);

#endif
