/* Unit tests of the time core (pipeline/timecore.h): parsers, calendars, service hours, the SLA
 * clock, coverage and exact decimals.  The reference cases are those of the vocabulary
 * (../shared/vocabulary): the 2025 Chinese calendar, tier 2 (mon–sun 08:00–20:00) and tier 3
 * (mon–fri 09:00–17:00, working days), the incidents INC-BANK-0509 and INC-RETAIL-0430.  Where the
 * vocabulary is present, every time, duration, percentage and amount written in it must parse.
 *
 * Self-contained (own main, Check's srunner).  Build and run:
 *   gcc -std=c11 -Wall -Wextra -Werror -Ipipeline tests/unit/check_time.c pipeline/time_*.c \
 *       $(pkg-config --cflags --libs glib-2.0 check) -o /tmp/check_time && /tmp/check_time */
#include "timecore.h"

#include <check.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---------------------------------------------------------------------------------------------
 * Helpers */

static int32_t day_of(const char *s)
{
	int32_t d = 0;
	ck_assert_int_eq(time_parse_date(s, &d), TIME_OK);
	return d;
}

static int64_t instant(const char *s)
{
	int64_t t = 0;
	ck_assert_int_eq(time_parse_datetime(s, &t), TIME_OK);
	return t;
}

static struct time_duration duration(const char *s)
{
	struct time_duration d = {0, 0, 0};
	ck_assert_int_eq(time_parse_duration(s, &d), TIME_OK);
	return d;
}

/* The calendar of vocabulary/org/organization.xml. */
static struct calendar *cn_calendar(void)
{
	static const char *const holidays[][2] = {
	    {"2025-01-01", "2025-01-01"}, {"2025-01-28", "2025-02-04"},
	    {"2025-04-04", "2025-04-06"}, {"2025-05-01", "2025-05-05"},
	    {"2025-05-31", "2025-06-02"}, {"2025-10-01", "2025-10-08"},
	};
	static const char *const workdays[] = {"2025-01-26", "2025-02-08", "2025-04-27",
	                                       "2025-09-28", "2025-10-11"};
	enum time_error e;
	struct calendar *cal = calendar_new("Asia/Shanghai", &e);

	ck_assert_ptr_nonnull(cal);
	for (size_t i = 0; i < G_N_ELEMENTS(holidays); i++)
		ck_assert(
		    calendar_add_holiday(cal, day_of(holidays[i][0]), day_of(holidays[i][1])));
	for (size_t i = 0; i < G_N_ELEMENTS(workdays); i++)
		ck_assert(calendar_add_workday(cal, day_of(workdays[i])));
	return cal;
}

static struct calendar *plain_calendar(const char *tz)
{
	enum time_error e;
	struct calendar *cal = calendar_new(tz, &e);
	ck_assert_ptr_nonnull(cal);
	ck_assert_int_eq(e, TIME_OK);
	return cal;
}

static struct hours *hours1(const char *days, const char *from, const char *to, bool workdays_only)
{
	struct hours *h = hours_new();
	ck_assert_int_eq(hours_add_text(h, days, from, to, workdays_only), TIME_OK);
	return h;
}

#define ck_assert_str_eq_free(expr, expected)                                                      \
	do {                                                                                       \
		char *s_ = (expr);                                                                 \
		ck_assert_ptr_nonnull(s_);                                                         \
		ck_assert_str_eq(s_, expected);                                                    \
		g_free(s_);                                                                        \
	} while (0)

/* ---------------------------------------------------------------------------------------------
 * xs:date */

START_TEST(test_date_valid)
{
	ck_assert_int_eq(day_of("1970-01-01"), 0);
	ck_assert_int_eq(day_of("2025-05-01"), 20209);
	ck_assert_int_eq(day_of("2024-02-29"), 19782);
	ck_assert_int_eq(day_of("2000-02-29"), day_of("2000-03-01") - 1);
	ck_assert_int_eq(day_of("0001-01-01"), TIME_DAY_MIN);
	ck_assert_int_eq(day_of("9999-12-31"), TIME_DAY_MAX);
	/* offsets tolerated and ignored; whitespace collapsed */
	ck_assert_int_eq(day_of("2025-05-01+08:00"), 20209);
	ck_assert_int_eq(day_of("2025-05-01Z"), 20209);
	ck_assert_int_eq(day_of("2025-05-01-14:00"), 20209);
	ck_assert_int_eq(day_of(" \n2025-05-01\t"), 20209);
}
END_TEST

START_TEST(test_date_invalid)
{
	static const struct {
		const char *s;
		enum time_error e;
	} cases[] = {
	    {NULL, TIME_ERR_EMPTY},
	    {"", TIME_ERR_EMPTY},
	    {"   ", TIME_ERR_EMPTY},
	    {"2025-02-29", TIME_ERR_RANGE},
	    {"1900-02-29", TIME_ERR_RANGE},
	    {"2025-04-31", TIME_ERR_RANGE},
	    {"2025-13-01", TIME_ERR_RANGE},
	    {"2025-00-10", TIME_ERR_RANGE},
	    {"2025-01-00", TIME_ERR_RANGE},
	    {"0000-01-01", TIME_ERR_RANGE},
	    {"10000-01-01", TIME_ERR_RANGE},
	    {"-2025-01-01", TIME_ERR_RANGE},
	    {"2025-05-01+15:00", TIME_ERR_RANGE},
	    {"2025-05-01+14:30", TIME_ERR_RANGE},
	    {"02025-01-01", TIME_ERR_SYNTAX},
	    {"2025-5-1", TIME_ERR_SYNTAX},
	    {"25-05-01", TIME_ERR_SYNTAX},
	    {"2025/05/01", TIME_ERR_SYNTAX},
	    {"2025-05-01x", TIME_ERR_SYNTAX},
	    {"2025-05-01T00:00:00", TIME_ERR_SYNTAX},
	    {"2025-05-01+8:00", TIME_ERR_SYNTAX},
	    {"2025-05-01 +08:00", TIME_ERR_SYNTAX},
	    {"2025-13-01x", TIME_ERR_SYNTAX}, /* syntax before range */
	    {"99999999999999999999999-01-01", TIME_ERR_RANGE},
	    {"\xff\xfe\xfd", TIME_ERR_SYNTAX},
	    {"２０２５-05-01", TIME_ERR_SYNTAX},
	};
	for (size_t i = 0; i < G_N_ELEMENTS(cases); i++) {
		int32_t d = 12345;
		ck_assert_msg(time_parse_date(cases[i].s, &d) == cases[i].e, "case %zu: %s", i,
		              cases[i].s ? cases[i].s : "(null)");
		ck_assert_int_eq(d, 12345); /* untouched on failure */
	}
}
END_TEST

START_TEST(test_civil_round_trip)
{
	/* every day of the supported range, and the month ends of five centuries (failures counted
	 * rather than asserted one by one: a Check assertion costs a pipe write) */
	int bad = 0;
	for (int32_t d = TIME_DAY_MIN; d <= TIME_DAY_MAX; d++) {
		int y, m, md;
		time_civil_from_days(d, &y, &m, &md);
		bad += !time_date_valid(y, m, md) || time_days_from_civil(y, m, md) != d;
	}
	for (int y = 1900; y <= 2400; y++)
		for (int m = 1; m <= 12; m++) {
			int32_t d = time_days_from_civil(y, m, time_days_in_month(y, m));
			int yy, mm, dd;
			time_civil_from_days(d + 1, &yy, &mm, &dd);
			bad += dd != 1;
		}
	ck_assert_int_eq(bad, 0);
	ck_assert_str_eq_free(time_date_format(20209), "2025-05-01");
	ck_assert_str_eq_free(time_date_format(TIME_DAY_MIN), "0001-01-01");
	ck_assert_str_eq_free(time_date_format(-1), "1969-12-31");
	ck_assert_int_eq(time_days_in_month(2024, 2), 29);
	ck_assert_int_eq(time_days_in_month(2025, 2), 28);
	ck_assert_int_eq(time_days_in_month(2025, 13), 0);
}
END_TEST

START_TEST(test_weekday)
{
	ck_assert_int_eq(time_iso_weekday(0), 4);                    /* 1970-01-01 Thursday */
	ck_assert_int_eq(time_iso_weekday(-1), 3);                   /* Wednesday */
	ck_assert_int_eq(time_iso_weekday(day_of("2025-05-01")), 4); /* Thursday */
	ck_assert_int_eq(time_iso_weekday(day_of("2025-04-27")), 7); /* Sunday, 调休 */
	ck_assert_int_eq(time_iso_weekday(day_of("2025-10-11")), 6); /* Saturday, 调休 */
	ck_assert_int_eq(time_iso_weekday(day_of("2024-12-30")), 1); /* Monday */
	ck_assert_int_eq(time_iso_weekday(TIME_DAY_MIN), 1);         /* 0001-01-01 Monday */
}
END_TEST

/* ---------------------------------------------------------------------------------------------
 * xs:dateTime */

START_TEST(test_datetime)
{
	int64_t t;

	ck_assert_int_eq(instant("2025-05-09T19:50:00+08:00"), 1746791400);
	ck_assert_int_eq(instant("2025-05-09T11:50:00Z"), 1746791400);
	ck_assert_int_eq(instant("2025-05-09T06:50:00-05:00"), 1746791400);
	ck_assert_int_eq(instant("1970-01-01T00:00:00Z"), 0);
	ck_assert_int_eq(instant("1969-12-31T23:59:59Z"), -1);
	/* fractions are dropped (floor) */
	ck_assert_int_eq(instant("2025-05-09T11:50:00.999Z"), 1746791400);
	ck_assert_int_eq(instant("1969-12-31T23:59:59.5Z"), -1);
	/* 24:00:00 is the next midnight */
	ck_assert_int_eq(instant("2025-05-09T24:00:00+08:00"),
	                 instant("2025-05-10T00:00:00+08:00"));
	ck_assert_int_eq(instant("2025-12-31T24:00:00Z"), instant("2026-01-01T00:00:00Z"));

	static const struct {
		const char *s;
		enum time_error e;
	} bad[] = {
	    {"", TIME_ERR_EMPTY},
	    {NULL, TIME_ERR_EMPTY},
	    {"2025-05-09T19:50:00", TIME_ERR_NO_OFFSET},
	    {"2025-05-09T24:00:01Z", TIME_ERR_RANGE},
	    {"2025-05-09T24:00:00.1Z", TIME_ERR_RANGE},
	    {"2025-05-09T23:59:60Z", TIME_ERR_RANGE},
	    {"2025-05-09T23:60:00Z", TIME_ERR_RANGE},
	    {"2025-05-09T25:00:00Z", TIME_ERR_RANGE},
	    {"2025-02-29T10:00:00Z", TIME_ERR_RANGE},
	    {"2025-05-09T10:00:00+14:01", TIME_ERR_RANGE},
	    {"2025-05-09T10:00Z", TIME_ERR_SYNTAX},
	    {"2025-05-09 10:00:00Z", TIME_ERR_SYNTAX},
	    {"2025-05-09T10:00:00.Z", TIME_ERR_SYNTAX},
	    {"2025-05-09T10:00:00+0800", TIME_ERR_SYNTAX},
	    {"2025-05-09T10:00:00ZZ", TIME_ERR_SYNTAX},
	    {"2025-05-09t10:00:00Z", TIME_ERR_SYNTAX},
	    {"T10:00:00Z", TIME_ERR_SYNTAX},
	};
	for (size_t i = 0; i < G_N_ELEMENTS(bad); i++) {
		t = 42;
		ck_assert_msg(time_parse_datetime(bad[i].s, &t) == bad[i].e, "case %zu", i);
		ck_assert_int_eq(t, 42);
	}
}
END_TEST

START_TEST(test_datetime_in_zone)
{
	GTimeZone *sh = time_zone_new("Asia/Shanghai", NULL);
	GTimeZone *be = time_zone_new("Europe/Berlin", NULL);
	int64_t t;

	ck_assert_ptr_nonnull(sh);
	ck_assert_ptr_nonnull(be);
	ck_assert_int_eq(time_parse_datetime_in_zone("2025-05-09T19:50:00", sh, &t), TIME_OK);
	ck_assert_int_eq(t, 1746791400);
	/* a written offset wins over the zone */
	ck_assert_int_eq(time_parse_datetime_in_zone("2025-05-09T11:50:00Z", sh, &t), TIME_OK);
	ck_assert_int_eq(t, 1746791400);
	/* Berlin, winter and summer */
	ck_assert_int_eq(time_parse_datetime_in_zone("2025-01-15T12:00:00", be, &t), TIME_OK);
	ck_assert_int_eq(t, instant("2025-01-15T11:00:00Z"));
	ck_assert_int_eq(time_parse_datetime_in_zone("2025-07-15T12:00:00", be, &t), TIME_OK);
	ck_assert_int_eq(t, instant("2025-07-15T10:00:00Z"));
	/* 02:30 does not exist on 2025-03-30: read with CET, i.e. 03:30 CEST */
	ck_assert_int_eq(time_parse_datetime_in_zone("2025-03-30T02:30:00", be, &t), TIME_OK);
	ck_assert_int_eq(t, instant("2025-03-30T01:30:00Z"));
	ck_assert_int_eq(time_parse_datetime_in_zone("2025-03-30T03:00:00", be, &t), TIME_OK);
	ck_assert_int_eq(t, instant("2025-03-30T01:00:00Z"));
	/* 02:30 happens twice on 2025-10-26: the earlier (CEST) */
	ck_assert_int_eq(time_parse_datetime_in_zone("2025-10-26T02:30:00", be, &t), TIME_OK);
	ck_assert_int_eq(t, instant("2025-10-26T00:30:00Z"));
	ck_assert_int_eq(time_parse_datetime_in_zone("2025-10-26T03:00:00", be, &t), TIME_OK);
	ck_assert_int_eq(t, instant("2025-10-26T02:00:00Z"));
	ck_assert_int_eq(time_parse_datetime_in_zone("2025-10-26T24:00:00", be, &t), TIME_OK);
	ck_assert_int_eq(t, instant("2025-10-26T23:00:00Z"));
	/* without a zone, an offset is required */
	ck_assert_int_eq(time_parse_datetime_in_zone("2025-10-26T02:30:00", NULL, &t),
	                 TIME_ERR_NO_OFFSET);
	ck_assert_int_eq(time_parse_datetime_in_zone("garbage", sh, &t), TIME_ERR_SYNTAX);
	g_time_zone_unref(sh);
	g_time_zone_unref(be);
}
END_TEST

START_TEST(test_offset_across_midnight)
{
	/* 2025-05-01T23:30-02:00 is 2025-05-02 09:30 in Shanghai */
	GTimeZone *sh = time_zone_new("Asia/Shanghai", NULL);
	int64_t t = instant("2025-05-01T23:30:00-02:00");

	ck_assert_int_eq(time_zone_day_of(sh, t), day_of("2025-05-02"));
	ck_assert_str_eq_free(time_datetime_format(t, sh), "2025-05-02T09:30:00+08:00");
	ck_assert_str_eq_free(time_datetime_format(t, NULL), "2025-05-02T01:30:00Z");
	ck_assert_int_eq(time_zone_day_of(sh, instant("2025-05-01T15:59:59Z")),
	                 day_of("2025-05-01"));
	ck_assert_int_eq(time_zone_day_of(sh, instant("2025-05-01T16:00:00Z")),
	                 day_of("2025-05-02"));
	g_time_zone_unref(sh);

	GTimeZone *ny = time_zone_new("America/New_York", NULL);
	ck_assert_str_eq_free(time_datetime_format(instant("2025-07-01T12:00:00Z"), ny),
	                      "2025-07-01T08:00:00-04:00");
	g_time_zone_unref(ny);
}
END_TEST

/* ---------------------------------------------------------------------------------------------
 * xs:duration */

START_TEST(test_duration_valid)
{
	struct time_duration d;

	d = duration("PT15M");
	ck_assert_int_eq(d.months, 0);
	ck_assert_int_eq(d.seconds, 900);
	d = duration("PT4H");
	ck_assert_int_eq(d.seconds, 14400);
	d = duration("P1M");
	ck_assert_int_eq(d.months, 1);
	ck_assert_int_eq(d.seconds, 0);
	d = duration("P1Y2M3DT4H5M6.5S");
	ck_assert_int_eq(d.months, 14);
	ck_assert_int_eq(d.seconds, 3 * 86400 + 4 * 3600 + 5 * 60 + 6);
	ck_assert_int_eq(d.nanos, 500000000);
	d = duration("PT0S");
	ck_assert_int_eq(d.seconds, 0);
	d = duration("P0D");
	ck_assert_int_eq(d.seconds, 0);
	d = duration("PT1.123456789999S");
	ck_assert_int_eq(d.seconds, 1);
	ck_assert_int_eq(d.nanos, 123456789);
	d = duration(" P10D\n");
	ck_assert_int_eq(d.seconds, 864000);
	d = duration("PT9223372036854775807S");
	ck_assert_int_eq(d.seconds, INT64_MAX);
	d = duration("PT36H");
	ck_assert_int_eq(d.seconds, 129600);
}
END_TEST

START_TEST(test_duration_invalid)
{
	static const struct {
		const char *s;
		enum time_error e;
	} cases[] = {
	    {NULL, TIME_ERR_EMPTY},
	    {"", TIME_ERR_EMPTY},
	    {"P", TIME_ERR_SYNTAX},
	    {"PT", TIME_ERR_SYNTAX},
	    {"P1DT", TIME_ERR_SYNTAX},
	    {"1D", TIME_ERR_SYNTAX},
	    {"p1d", TIME_ERR_SYNTAX},
	    {"P1S", TIME_ERR_SYNTAX},
	    {"PT1D", TIME_ERR_SYNTAX},
	    {"PT1H2H", TIME_ERR_SYNTAX},
	    {"P1M1Y", TIME_ERR_SYNTAX},
	    {"P1Y1Y", TIME_ERR_SYNTAX},
	    {"PT1.5M", TIME_ERR_SYNTAX},
	    {"P1.5Y", TIME_ERR_SYNTAX},
	    {"PT1.S", TIME_ERR_SYNTAX},
	    {"PT.5S", TIME_ERR_SYNTAX},
	    {"P-1D", TIME_ERR_SYNTAX},
	    {"P1D ", TIME_OK},
	    {"P 1D", TIME_ERR_SYNTAX},
	    {"PT1HT1M", TIME_ERR_SYNTAX},
	    {"P1W", TIME_ERR_SYNTAX},
	    {"-PT1H", TIME_ERR_NEGATIVE},
	    {"--PT1H", TIME_ERR_SYNTAX},
	    {"P99999999999999999999Y", TIME_ERR_OVERFLOW},
	    {"PT9223372036854775808S", TIME_ERR_OVERFLOW},
	    {"P106751991167301D", TIME_ERR_OVERFLOW},
	    {"P768614336404564650Y", TIME_OK}, /* 12 × that fits */
	    {"P768614336404564651Y", TIME_ERR_OVERFLOW},
	    {"P1DT99999999999999999H", TIME_ERR_OVERFLOW},
	    {"\xe2\x80\x93PT1H", TIME_ERR_SYNTAX},
	    {"PT1H\x01", TIME_ERR_SYNTAX},
	};
	for (size_t i = 0; i < G_N_ELEMENTS(cases); i++) {
		struct time_duration d = {7, 7, 7};
		enum time_error e = time_parse_duration(cases[i].s, &d);
		ck_assert_msg(e == cases[i].e, "case %zu: got %d", i, (int)e);
		if (e != TIME_OK)
			ck_assert(d.months == 7 && d.seconds == 7 && d.nanos == 7);
	}
}
END_TEST

START_TEST(test_duration_format_compare)
{
	static const char *const canon[] = {"PT15M", "PT4H", "P1M",       "P1Y2M3DT4H5M6.5S",
	                                    "PT0S",  "P10D", "P1DT0.25S", "PT1H0.000000001S"};
	for (size_t i = 0; i < G_N_ELEMENTS(canon); i++) {
		struct time_duration d = duration(canon[i]);
		ck_assert_str_eq_free(time_duration_format(&d), canon[i]);
	}
	struct time_duration d = duration("PT90M");
	ck_assert_str_eq_free(time_duration_format(&d), "PT1H30M");
	d = duration("P14M");
	ck_assert_str_eq_free(time_duration_format(&d), "P1Y2M");

	struct time_duration a = duration("PT15M"), b = duration("PT30M");
	ck_assert_int_eq(time_duration_compare(&a, &b), -1);
	ck_assert_int_eq(time_duration_compare(&b, &a), 1);
	a = duration("P1D");
	b = duration("PT24H");
	ck_assert_int_eq(time_duration_compare(&a, &b), 0);
	a = duration("P1Y");
	b = duration("P12M");
	ck_assert_int_eq(time_duration_compare(&a, &b), 0);
	a = duration("P1M");
	b = duration("P30D");
	ck_assert_int_eq(time_duration_compare(&a, &b), TIME_INCOMPARABLE);
	b = duration("P32D");
	ck_assert_int_eq(time_duration_compare(&a, &b), -1);
	b = duration("P27D");
	ck_assert_int_eq(time_duration_compare(&a, &b), 1);
	a = duration("PT1.5S");
	b = duration("PT1.25S");
	ck_assert_int_eq(time_duration_compare(&a, &b), 1);
	a = duration("P999999999999Y");
	b = duration("PT9223372036854775807S");
	ck_assert_int_eq(time_duration_compare(&a, &b), 1);
}
END_TEST

START_TEST(test_date_add)
{
	int32_t out;
	struct time_duration p1m = duration("P1M");

	/* 到期一月前: a month before the end, with the same clamp */
	ck_assert_int_eq(time_date_sub_duration(day_of("2025-12-31"), &p1m, &out), TIME_OK);
	ck_assert_int_eq(out, day_of("2025-11-30"));
	ck_assert_int_eq(time_date_sub_duration(day_of("2025-03-31"), &p1m, &out), TIME_OK);
	ck_assert_int_eq(out, day_of("2025-02-28"));
	ck_assert_int_eq(time_date_sub_duration(day_of("2024-03-31"), &p1m, &out), TIME_OK);
	ck_assert_int_eq(out, day_of("2024-02-29"));
	{
		struct time_duration x = duration("P1MT36H");
		ck_assert_int_eq(time_date_sub_duration(day_of("2025-03-01"), &x, &out), TIME_OK);
		ck_assert_int_eq(out, day_of("2025-01-31"));
	}
	ck_assert_int_eq(time_date_sub_duration(day_of("0001-01-15"), &p1m, &out),
			 TIME_ERR_RANGE);
	/* the end-of-month clamp */
	ck_assert_int_eq(time_date_add_duration(day_of("2025-01-31"), &p1m, &out), TIME_OK);
	ck_assert_int_eq(out, day_of("2025-02-28"));
	ck_assert_int_eq(time_date_add_duration(day_of("2024-01-31"), &p1m, &out), TIME_OK);
	ck_assert_int_eq(out, day_of("2024-02-29"));
	ck_assert_int_eq(time_date_add_duration(day_of("2025-03-31"), &p1m, &out), TIME_OK);
	ck_assert_int_eq(out, day_of("2025-04-30"));
	ck_assert_int_eq(time_date_add_duration(day_of("2025-12-15"), &p1m, &out), TIME_OK);
	ck_assert_int_eq(out, day_of("2026-01-15"));
	struct time_duration p1y = duration("P1Y");
	ck_assert_int_eq(time_date_add_duration(day_of("2024-02-29"), &p1y, &out), TIME_OK);
	ck_assert_int_eq(out, day_of("2025-02-28"));
	struct time_duration p10d = duration("P10D");
	ck_assert_int_eq(time_date_add_duration(day_of("2025-05-31"), &p10d, &out), TIME_OK);
	ck_assert_int_eq(out, day_of("2025-06-10"));
	struct time_duration mixed = duration("P1M1D");
	ck_assert_int_eq(time_date_add_duration(day_of("2025-01-31"), &mixed, &out), TIME_OK);
	ck_assert_int_eq(out, day_of("2025-03-01"));
	/* the time of day is dropped: PT36H is one day */
	struct time_duration h36 = duration("PT36H");
	ck_assert_int_eq(time_date_add_duration(day_of("2025-12-31"), &h36, &out), TIME_OK);
	ck_assert_int_eq(out, day_of("2026-01-01"));
	ck_assert_int_eq(time_date_add_months(day_of("2025-05-31"), -3, &out), TIME_OK);
	ck_assert_int_eq(out, day_of("2025-02-28"));
	/* out of range */
	struct time_duration p1d = duration("P1D");
	out = 5;
	ck_assert_int_eq(time_date_add_duration(TIME_DAY_MAX, &p1d, &out), TIME_ERR_RANGE);
	ck_assert_int_eq(time_date_add_months(TIME_DAY_MIN, -1, &out), TIME_ERR_RANGE);
	ck_assert_int_eq(time_date_add_months(0, INT64_MAX, &out), TIME_ERR_RANGE);
	ck_assert_int_eq(time_date_add_months(0, INT64_MIN, &out), TIME_ERR_RANGE);
	struct time_duration huge = duration("PT9223372036854775807S");
	ck_assert_int_eq(time_date_add_duration(0, &huge, &out), TIME_ERR_RANGE);
	ck_assert_int_eq(out, 5);
}
END_TEST

START_TEST(test_period)
{
	struct time_duration p1m = duration("P1M"), p3m = duration("P3M"), p1w = duration("P7D");
	struct time_duration pt1h = duration("PT1H");
	int32_t from = 0, to = 0;

	/* monthly reporting from the term start 2025-01-01 */
	ck_assert_int_eq(time_period(day_of("2025-01-01"), &p1m, 0, &from, &to), TIME_OK);
	ck_assert_int_eq(from, day_of("2025-01-01"));
	ck_assert_int_eq(to, day_of("2025-01-31"));
	ck_assert_int_eq(time_period(day_of("2025-01-01"), &p1m, 1, &from, &to), TIME_OK);
	ck_assert_int_eq(from, day_of("2025-02-01"));
	ck_assert_int_eq(to, day_of("2025-02-28"));
	ck_assert_int_eq(time_period(day_of("2025-01-01"), &p3m, 3, &from, &to), TIME_OK);
	ck_assert_int_eq(from, day_of("2025-10-01"));
	ck_assert_int_eq(to, day_of("2025-12-31"));
	/* anchored on the 31st: no drift, the clamp only shortens a period */
	ck_assert_int_eq(time_period(day_of("2025-01-31"), &p1m, 0, &from, &to), TIME_OK);
	ck_assert_int_eq(to, day_of("2025-02-27"));
	ck_assert_int_eq(time_period(day_of("2025-01-31"), &p1m, 2, &from, &to), TIME_OK);
	ck_assert_int_eq(from, day_of("2025-03-31"));
	ck_assert_int_eq(to, day_of("2025-04-29"));
	ck_assert_int_eq(time_period(day_of("2025-01-06"), &p1w, 52, &from, &to), TIME_OK);
	ck_assert_int_eq(from, day_of("2026-01-05"));
	ck_assert_int_eq(to, day_of("2026-01-11"));
	from = to = 3;
	ck_assert_int_eq(time_period(0, &pt1h, 0, &from, &to), TIME_ERR_RANGE);
	ck_assert_int_eq(time_period(0, &p1m, -1, &from, &to), TIME_ERR_RANGE);
	ck_assert_int_eq(time_period(0, &p1m, INT64_MAX, &from, &to), TIME_ERR_RANGE);
	ck_assert_int_eq(time_period(0, &p1m, 1000000, &from, &to), TIME_ERR_RANGE);
	ck_assert_int_eq(from, 3);
}
END_TEST

START_TEST(test_seconds_describe)
{
	ck_assert_str_eq_free(time_seconds_describe(600), "10 min");
	ck_assert_str_eq_free(time_seconds_describe(11400), "3 h 10 min");
	ck_assert_str_eq_free(time_seconds_describe(45), "45 s");
	ck_assert_str_eq_free(time_seconds_describe(0), "0 s");
	ck_assert_str_eq_free(time_seconds_describe(3605), "1 h 5 s");
	ck_assert_str_eq_free(time_seconds_describe(93900), "26 h 5 min");
	ck_assert_str_eq_free(time_seconds_describe(-60), "-1 min");
	char *s = time_seconds_describe(INT64_MIN);
	ck_assert_ptr_nonnull(s);
	g_free(s);
}
END_TEST

/* ---------------------------------------------------------------------------------------------
 * Zones and calendars */

START_TEST(test_zone_new)
{
	static const char *const bad[] = {NULL,
	                                  "",
	                                  "Mars/Olympus",
	                                  "Asia/Shanghia",
	                                  "/etc/passwd",
	                                  "../../etc/passwd",
	                                  "Asia/../Asia/Shanghai",
	                                  " Asia/Shanghai",
	                                  "Asia/Shanghai\n",
	                                  "localtime:x",
	                                  "Europe\\Berlin",
	                                  /* POSIX TZ strings GLib parses when no file has the name:
	                                   * GMT+8 would be UTC-8 */
	                                  "GMT+8",
	                                  "UTC+8",
	                                  "UTC+08:00",
	                                  "CST-8",
	                                  "JST-9",
	                                  "EST5",
	                                  /* wrong case, files of the database that are not zones,
	                                   * folders, the posix/ and right/ copies */
	                                  "asia/shanghai",
	                                  "ASIA/SHANGHAI",
	                                  "localtime",
	                                  "posixrules",
	                                  "Factory",
	                                  "zone.tab",
	                                  "tzdata.zi",
	                                  "leapseconds",
	                                  "Asia",
	                                  "Asia/",
	                                  "Asia//Shanghai",
	                                  "posix/Asia/Shanghai",
	                                  "right/Asia/Shanghai"};
	for (size_t i = 0; i < G_N_ELEMENTS(bad); i++) {
		enum time_error e = TIME_OK;
		ck_assert_ptr_null(time_zone_new(bad[i], &e));
		ck_assert_int_eq(e, TIME_ERR_ZONE);
		ck_assert_ptr_null(calendar_new(bad[i], &e));
		ck_assert_int_eq(e, TIME_ERR_ZONE);
	}
	/* what the tz database lists, links and legacy names included (EST5EDT is a file of it,
	 * and Etc/GMT+8 is UTC-8 there, by its own convention) */
	static const char *const good[] = {"Asia/Shanghai", "Europe/Berlin", "UTC",
	                                   "America/Argentina/Buenos_Aires", "Etc/GMT-8",
	                                   "Etc/GMT+8", "GMT+0", "GMT", "EST5EDT", "Asia/Chongqing"};
	for (size_t i = 0; i < G_N_ELEMENTS(good); i++) {
		enum time_error e = TIME_ERR_SYNTAX;
		struct calendar *cal = calendar_new(good[i], &e);
		ck_assert_ptr_nonnull(cal);
		ck_assert_int_eq(e, TIME_OK);
		ck_assert_str_eq(calendar_zone_id(cal), good[i]);
		calendar_free(cal);
	}
	ck_assert_str_eq(time_error_text(TIME_ERR_ZONE), "is not a known IANA time zone");
}
END_TEST

/* GMT+8 is UTC-8 to GLib and POSIX: refused, never read the other way round. */
START_TEST(test_zone_posix_not_read)
{
	GTimeZone *glib = g_time_zone_new_identifier("GMT+8");

	/* the trap: GLib alone takes it, 8 hours behind UTC */
	if (glib) {
		ck_assert_int_eq(g_time_zone_get_offset(glib, 0), -8 * 3600);
		g_time_zone_unref(glib);
	}
	ck_assert_ptr_null(time_zone_new("GMT+8", NULL));
	GTimeZone *etc = time_zone_new("Etc/GMT-8", NULL);
	ck_assert_ptr_nonnull(etc);
	ck_assert_int_eq(time_zone_offset_at(etc, 0), 8 * 3600);
	g_time_zone_unref(etc);
}
END_TEST

/* Zones are the files of TZDIR, the folder GLib reads: an empty one has none. */
START_TEST(test_zone_tzdir)
{
	char *dir = g_dir_make_tmp("slm-tz-XXXXXX", NULL);
	char *old = g_strdup(g_getenv("TZDIR"));
	char *fake = g_build_filename(dir, "Mars", NULL);

	ck_assert_ptr_nonnull(dir);
	/* a file named like a zone that is not a TZif file is no zone */
	ck_assert(g_file_set_contents(fake, "not a zone\n", -1, NULL));
	g_setenv("TZDIR", dir, TRUE);
	ck_assert_ptr_null(time_zone_new("Asia/Shanghai", NULL));
	ck_assert_ptr_null(time_zone_new("Mars", NULL));
	if (old)
		g_setenv("TZDIR", old, TRUE);
	else
		g_unsetenv("TZDIR");
	g_unlink(fake);
	g_rmdir(dir);
	g_free(fake);
	g_free(old);
	g_free(dir);
	GTimeZone *sh = time_zone_new("Asia/Shanghai", NULL);
	ck_assert_ptr_nonnull(sh);
	g_time_zone_unref(sh);
}
END_TEST

START_TEST(test_zone_explain)
{
	static const char *const cases[][2] = {
	    {"GMT+8", "is not an IANA time zone: POSIX reads \"GMT+8\" as UTC-8 (behind UTC), the "
	              "opposite of what it says; for UTC+8 write the place, such as "
	              "\"Asia/Shanghai\", or \"Etc/GMT-8\""},
	    {"UTC+08:00", "is not an IANA time zone: POSIX reads \"UTC+08:00\" as UTC-8 (behind "
	                  "UTC), the opposite of what it says; for UTC+8 write the place, such as "
	                  "\"Asia/Shanghai\", or \"Etc/GMT-8\""},
	    {"utc-0500", "is not an IANA time zone: POSIX reads \"utc-0500\" as UTC+5 (ahead of "
	                 "UTC), the opposite of what it says; for UTC-5 write the place, such as "
	                 "\"America/Bogota\", or \"Etc/GMT+5\""},
	    {"UTC+5:30", "is not an IANA time zone: POSIX reads \"UTC+5:30\" as UTC-5:30 (behind "
	                 "UTC), the opposite of what it says; for UTC+5:30 write the place, such as "
	                 "\"Asia/Kolkata\","},
	    {"GMT+11", "is not an IANA time zone: POSIX reads \"GMT+11\" as UTC-11 (behind UTC), "
	               "the opposite of what it says; for UTC+11 write the place (its IANA name) or "
	               "\"Etc/GMT-11\""},
	    {"+08:00", "is not an IANA time zone but a UTC offset; for UTC+8 write the place, such "
	               "as \"Asia/Shanghai\", or \"Etc/GMT-8\""},
	    {"\u22128", "is not an IANA time zone but a UTC offset; for UTC-8 write the place (its "
	                "IANA name) or \"Etc/GMT+8\""},
	    {"UTC+0", "is not an IANA time zone but a UTC offset: write \"UTC\""},
	    {"UTC8", "is not an IANA time zone: POSIX reads \"UTC8\" as UTC-8 (behind UTC), the "
	             "opposite of what it says; for UTC+8 write the place, such as "
	             "\"Asia/Shanghai\", or \"Etc/GMT-8\""},
	    {"CST-8", "is not an IANA time zone but a POSIX TZ string (UTC+8); for UTC+8 write the "
	              "place, such as \"Asia/Shanghai\", or \"Etc/GMT-8\""},
	    {"CET-1CEST", "is not an IANA time zone but a POSIX TZ string: write the place whose "
	                  "clock it describes (its IANA name, such as Europe/Berlin)"},
	    {"asia/shanghai",
	     "is not an IANA time zone: did you mean \"Asia/Shanghai\"? (names are case-sensitive)"},
	    {"etc/gmt+8", "is not an IANA time zone: did you mean \"Etc/GMT+8\"? (names are "
	                  "case-sensitive) (UTC-8: the Etc names count westwards, as POSIX does)"},
	    {"Europe/Berlim", "is not an IANA time zone: did you mean \"Europe/Berlin\"?"},
	    {"Asia/Shanghia", "is not an IANA time zone: did you mean \"Asia/Shanghai\"?"},
	    {"Shanghai", "is not an IANA time zone: did you mean \"Asia/Shanghai\"?"},
	    {"new york", "is not an IANA time zone: did you mean \"America/New_York\"?"},
	    {"Asia/Beijing", "is not an IANA time zone: did you mean \"Asia/Shanghai\"?"},
	    {"posix/Asia/Shanghai", "is not an IANA time zone: did you mean \"Asia/Shanghai\"?"},
	    {"localtime", "is not an IANA time zone: it is this machine's zone, different on the "
	                  "next machine; name the zone (such as Asia/Shanghai)"},
	    {"posixrules", "is not an IANA time zone: it is a file of the time zone database, not a "
	                   "zone; name the zone (such as Asia/Shanghai)"},
	    {"Mars/Olympus", "is not an IANA time zone (a name such as Asia/Shanghai, "
	                     "Europe/Berlin or UTC)"},
	    {"", "is not an IANA time zone (a name such as Asia/Shanghai, Europe/Berlin or UTC)"},
	    {"Asia/Shanghai", "is a time zone"},
	};
	for (size_t i = 0; i < G_N_ELEMENTS(cases); i++)
		ck_assert_str_eq_free(time_zone_explain(cases[i][0]), cases[i][1]);
	/* every suggestion is a zone time_zone_new accepts */
	for (size_t i = 0; i < G_N_ELEMENTS(cases); i++) {
		char *why = time_zone_explain(cases[i][0]), *q = strchr(why, '"');
		while (q && strchr(q + 1, '"')) {
			char *end = strchr(q + 1, '"'), *name = g_strndup(q + 1, end - q - 1);
			GTimeZone *tz = time_zone_new(name, NULL);
			if (strcmp(name, cases[i][0]) != 0)
				ck_assert_msg(tz != NULL, "%s suggests %s", cases[i][0], name);
			if (tz)
				g_time_zone_unref(tz);
			g_free(name);
			q = strchr(end + 1, '"');
		}
		g_free(why);
	}
	ck_assert_str_eq_free(time_zone_explain(NULL),
	                      "is not an IANA time zone (a name such as Asia/Shanghai, "
	                      "Europe/Berlin or UTC)");
}
END_TEST

static int64_t day_length(GTimeZone *tz, const char *date, int *nspans)
{
	struct time_zone_span sp[TIME_ZONE_MAX_SPANS];
	int n = time_zone_day_spans(tz, day_of(date), sp);
	int64_t total = 0;

	for (int i = 0; i < n; i++) {
		ck_assert_int_lt(sp[i].start, sp[i].end);
		if (i > 0)
			ck_assert_int_le(sp[i - 1].end, sp[i].start);
		total += sp[i].end - sp[i].start;
	}
	*nspans = n;
	return total;
}

START_TEST(test_zone_day_spans)
{
	GTimeZone *be = time_zone_new("Europe/Berlin", NULL);
	GTimeZone *sh = time_zone_new("Asia/Shanghai", NULL);
	int n;

	ck_assert_int_eq(day_length(be, "2025-03-30", &n), 23 * 3600);
	ck_assert_int_eq(n, 2);
	ck_assert_int_eq(day_length(be, "2025-10-26", &n), 25 * 3600);
	ck_assert_int_eq(n, 2);
	ck_assert_int_eq(day_length(be, "2025-03-29", &n), 24 * 3600);
	ck_assert_int_eq(n, 1);
	ck_assert_int_eq(day_length(be, "2050-03-27", &n), 23 * 3600); /* beyond 2037: POSIX rule */
	ck_assert_int_eq(day_length(sh, "2025-05-01", &n), 24 * 3600);
	ck_assert_int_eq(n, 1);
	ck_assert_int_eq(time_zone_offset_at(be, instant("2025-03-30T00:59:59Z")), 3600);
	ck_assert_int_eq(time_zone_offset_at(be, instant("2025-03-30T01:00:00Z")), 7200);
	ck_assert_int_eq(time_zone_local_to_instant(be, day_of("2025-10-26"), 86400),
	                 instant("2025-10-26T23:00:00Z"));
	g_time_zone_unref(be);
	g_time_zone_unref(sh);
}
END_TEST

START_TEST(test_calendar_working_days)
{
	struct calendar *cal = cn_calendar();

	ck_assert(!calendar_is_working_day(cal, day_of("2025-05-01"))); /* 劳动节 */
	ck_assert(!calendar_is_working_day(cal, day_of("2025-05-05"))); /* its last day */
	ck_assert(calendar_is_working_day(cal, day_of("2025-05-06")));
	ck_assert(calendar_is_working_day(cal, day_of("2025-04-30")));
	ck_assert(calendar_is_working_day(cal, day_of("2025-04-27")));  /* Sunday, 调休 */
	ck_assert(!calendar_is_working_day(cal, day_of("2025-04-26"))); /* Saturday */
	ck_assert(calendar_is_working_day(cal, day_of("2025-10-11")));  /* Saturday, 调休 */
	ck_assert(!calendar_is_working_day(cal, day_of("2025-10-12")));
	ck_assert(calendar_is_holiday(cal, day_of("2025-10-04")));
	ck_assert(!calendar_is_holiday(cal, day_of("2025-10-09")));
	ck_assert(calendar_is_adjusted_workday(cal, day_of("2025-04-27")));
	ck_assert(!calendar_is_adjusted_workday(cal, day_of("2025-04-28")));
	ck_assert_int_eq(
	    calendar_count_working_days(cal, day_of("2025-05-01"), day_of("2025-05-31")), 19);
	ck_assert_int_eq(
	    calendar_count_working_days(cal, day_of("2025-01-01"), day_of("2025-12-31")), 248);
	ck_assert_int_eq(
	    calendar_count_working_days(cal, day_of("2025-05-31"), day_of("2025-05-01")), 0);
	/* bad ranges are refused */
	ck_assert(!calendar_add_holiday(cal, day_of("2025-06-02"), day_of("2025-06-01")));
	ck_assert(!calendar_add_holiday(cal, 0, TIME_DAY_MAX + 1));
	ck_assert(!calendar_add_workday(cal, TIME_DAY_MIN - 1));
	/* a listed workday inside a holiday range is worked */
	ck_assert(calendar_add_holiday(cal, day_of("2025-12-22"), day_of("2025-12-26")));
	ck_assert(calendar_add_workday(cal, day_of("2025-12-24")));
	ck_assert(calendar_add_workday(cal, day_of("2025-12-24"))); /* twice is once */
	ck_assert(calendar_is_working_day(cal, day_of("2025-12-24")));
	ck_assert(calendar_is_adjusted_workday(cal, day_of("2025-12-24")));
	ck_assert(!calendar_is_working_day(cal, day_of("2025-12-23")));
	calendar_free(cal);
	calendar_free(NULL);
}
END_TEST

START_TEST(test_calendar_step)
{
	struct calendar *cal = cn_calendar();
	int32_t out = 0;

	/* termination notice of the retail SLA: 2025-08-15, confirm within 10 working days */
	ck_assert(calendar_add_working_days(cal, day_of("2025-08-15"), 10, &out));
	ck_assert_int_eq(out, day_of("2025-08-29"));
	ck_assert(calendar_add_working_days(cal, day_of("2025-09-26"), 1, &out));
	ck_assert_int_eq(out, day_of("2025-09-28")); /* the 调休 Sunday */
	ck_assert(calendar_add_working_days(cal, day_of("2025-09-30"), 1, &out));
	ck_assert_int_eq(out, day_of("2025-10-09"));
	ck_assert(calendar_add_working_days(cal, day_of("2025-09-30"), 2, &out));
	ck_assert_int_eq(out, day_of("2025-10-10"));
	ck_assert(calendar_add_working_days(cal, day_of("2025-09-30"), 3, &out));
	ck_assert_int_eq(out, day_of("2025-10-11"));
	ck_assert(calendar_add_working_days(cal, day_of("2025-05-06"), -1, &out));
	ck_assert_int_eq(out, day_of("2025-04-30"));
	ck_assert(calendar_add_working_days(cal, day_of("2025-05-03"), 0, &out));
	ck_assert_int_eq(out, day_of("2025-05-03"));
	ck_assert(!calendar_add_working_days(cal, TIME_DAY_MAX, 1, &out));
	calendar_free(cal);

	/* a calendar with no working day at all ends, it does not loop */
	cal = plain_calendar("UTC");
	ck_assert(calendar_add_holiday(cal, TIME_DAY_MIN, TIME_DAY_MAX));
	out = 77;
	ck_assert(!calendar_add_working_days(cal, 0, 10, &out));
	ck_assert_int_eq(out, 77);
	calendar_free(cal);
}
END_TEST

/* Which years a calendar covers (issue 13 item 6): a year with at least one holiday or workday. */
START_TEST(test_calendar_covers)
{
	struct calendar *cal = cn_calendar();
	int missing = 0;

	ck_assert(calendar_covers_year(cal, 2025));
	ck_assert(!calendar_covers_year(cal, 2024));
	ck_assert(!calendar_covers_year(cal, 2026));
	ck_assert(!calendar_covers_year(cal, 0));
	ck_assert(!calendar_covers_year(cal, 10000));
	ck_assert(calendar_covers(cal, day_of("2025-01-01"), day_of("2025-12-31"), &missing));
	ck_assert_int_eq(missing, 0); /* untouched when covered */
	/* an empty range needs nothing */
	ck_assert(calendar_covers(cal, day_of("2026-01-31"), day_of("2026-01-01"), NULL));
	/* the 2026 Spring Festival on a 2025 calendar */
	ck_assert(!calendar_covers(cal, day_of("2025-12-01"), day_of("2026-02-28"), &missing));
	ck_assert_int_eq(missing, 2026);
	ck_assert(!calendar_covers(cal, day_of("2023-06-01"), day_of("2025-06-01"), &missing));
	ck_assert_int_eq(missing, 2023); /* the first year not covered */
	ck_assert(!calendar_covers(cal, TIME_DAY_MIN, TIME_DAY_MAX, NULL));

	/* instants: the local dates in the calendar's zone, [t0, t1) */
	ck_assert(calendar_covers_instants(cal, instant("2025-12-31T15:00:00+08:00"),
	                                   instant("2026-01-01T00:00:00+08:00"), NULL));
	ck_assert(!calendar_covers_instants(cal, instant("2025-12-31T15:00:00+08:00"),
	                                    instant("2026-01-01T00:00:01+08:00"), &missing));
	ck_assert_int_eq(missing, 2026);
	/* 2025-12-31T20:00Z is already 2026 in Shanghai */
	ck_assert(!calendar_covers_instants(cal, instant("2025-12-31T20:00:00Z"),
	                                    instant("2025-12-31T21:00:00Z"), NULL));
	ck_assert(calendar_covers_instants(cal, instant("2026-02-20T09:00:00+08:00"),
	                                   instant("2026-02-20T09:00:00+08:00"), NULL));
	ck_assert(calendar_covers_instants(cal, 0, -1, NULL));
	ck_assert_str_eq_free(calendar_years_describe(cal), "2025");

	/* a holiday across New Year covers both years; an adjusted workday its own */
	ck_assert(calendar_add_holiday(cal, day_of("2026-12-31"), day_of("2027-01-02")));
	ck_assert(calendar_covers_year(cal, 2026) && calendar_covers_year(cal, 2027));
	ck_assert(calendar_add_workday(cal, day_of("2029-10-13")));
	ck_assert(calendar_covers_year(cal, 2029) && !calendar_covers_year(cal, 2028));
	ck_assert_str_eq_free(calendar_years_describe(cal), "2025–2027, 2029");
	ck_assert(!calendar_covers(cal, day_of("2025-01-01"), day_of("2029-12-31"), &missing));
	ck_assert_int_eq(missing, 2028);
	/* a refused entry covers nothing */
	ck_assert(!calendar_add_holiday(cal, day_of("2031-01-02"), day_of("2031-01-01")));
	ck_assert(!calendar_covers_year(cal, 2031));
	calendar_free(cal);

	cal = plain_calendar("UTC");
	ck_assert(!calendar_covers_year(cal, 2025));
	ck_assert_str_eq_free(calendar_years_describe(cal), "");
	ck_assert(calendar_add_holiday(cal, TIME_DAY_MIN, TIME_DAY_MAX));
	ck_assert(calendar_covers(cal, TIME_DAY_MIN, TIME_DAY_MAX, NULL));
	ck_assert_str_eq_free(calendar_years_describe(cal), "0001–9999");
	calendar_free(cal);
}
END_TEST

/* A calendar's name in a PDF claims no year it should not (issue 13 item 6). */
START_TEST(test_calendar_name)
{
	struct calendar *cal = cn_calendar(); /* 2025 only */

	/* a name without years, or whose years fit: unchanged */
	ck_assert_str_eq_free(calendar_name_for(cal, "中国大陆工作日历", 2026, 2026),
	                      "中国大陆工作日历");
	ck_assert_str_eq_free(calendar_name_for(cal, "中国大陆工作日历 2025", 2025, 2025),
	                      "中国大陆工作日历 2025");
	ck_assert_str_eq_free(calendar_name_for(cal, "中国大陆工作日历 2025", 0, 0),
	                      "中国大陆工作日历 2025");
	ck_assert_str_eq_free(calendar_name_for(cal, "ISO 9001 calendar", 2026, 2027),
	                      "ISO 9001 calendar");
	/* a 2026 document on "… 2025" */
	ck_assert_str_eq_free(calendar_name_for(cal, "中国大陆工作日历 2025", 2025, 2026),
	                      "中国大陆工作日历");
	ck_assert_str_eq_free(calendar_name_for(cal, "中国大陆工作日历 2025", 2024, 2025),
	                      "中国大陆工作日历");
	ck_assert_str_eq_free(calendar_name_for(cal, "2025年中国大陆工作日历", 2026, 2026),
	                      "中国大陆工作日历");
	ck_assert_str_eq_free(calendar_name_for(cal, "中国大陆工作日历（2025 年度）", 2026, 2026),
	                      "中国大陆工作日历");
	ck_assert_str_eq_free(calendar_name_for(cal, "Kalender 2025 Stuttgart", 2026, 2026),
	                      "Kalender Stuttgart");
	ck_assert_str_eq_free(calendar_name_for(cal, "2025", 2026, 2026), "");
	/* a name that claims a year the calendar does not cover, whatever the document */
	ck_assert_str_eq_free(calendar_name_for(cal, "Baden-Württemberg 2025/2026", 0, 0),
	                      "Baden-Württemberg");
	ck_assert_str_eq_free(calendar_name_for(cal, "工作日历 2025–2026", 2025, 2025), "工作日历");
	ck_assert(calendar_add_holiday(cal, day_of("2026-01-01"), day_of("2026-01-01")));
	ck_assert_str_eq_free(calendar_name_for(cal, "Baden-Württemberg 2025/2026", 2025, 2026),
	                      "Baden-Württemberg 2025/2026");
	ck_assert_str_eq_free(calendar_name_for(cal, NULL, 2025, 2026), "");
	calendar_free(cal);
}
END_TEST

/* ---------------------------------------------------------------------------------------------
 * Service hours */

START_TEST(test_parse_days)
{
	static const struct {
		const char *s;
		unsigned mask;
	} good[] = {
	    {"mon-fri", HOURS_WEEKDAYS},
	    {"mon-sun", HOURS_ALL_DAYS},
	    {"sat-sun", HOURS_SAT | HOURS_SUN},
	    {"fri-mon", HOURS_FRI | HOURS_SAT | HOURS_SUN | HOURS_MON},
	    {"sun-sat", HOURS_ALL_DAYS},
	    {"mon,wed,fri", HOURS_MON | HOURS_WED | HOURS_FRI},
	    {"sat", HOURS_SAT},
	    {"mon-mon", HOURS_MON},
	    {"MON-Fri", HOURS_WEEKDAYS},
	    {" mon , wed ", HOURS_MON | HOURS_WED},
	    {"mon-wed,sat", HOURS_MON | HOURS_TUE | HOURS_WED | HOURS_SAT},
	    {"mon\xe2\x80\x93"
	     "fri",
	     HOURS_WEEKDAYS},
	    {"mon - fri", HOURS_WEEKDAYS},
	};
	for (size_t i = 0; i < G_N_ELEMENTS(good); i++) {
		unsigned m = 0;
		ck_assert_msg(hours_parse_days(good[i].s, &m) == TIME_OK, "case %zu", i);
		ck_assert_uint_eq(m, good[i].mask);
	}
	static const char *const bad[] = {
	    "mon-", "-fri", "xyz",     "mon,,fri", "monday",      "mon-fri-sat", "mon,",
	    ",mon", "mo",   "mon fri", "\xff",     "mon\xe2\x80", "1-5"};
	for (size_t i = 0; i < G_N_ELEMENTS(bad); i++) {
		unsigned m = 99;
		ck_assert_msg(hours_parse_days(bad[i], &m) == TIME_ERR_SYNTAX, "bad %zu", i);
		ck_assert_uint_eq(m, 99);
	}
	unsigned m;
	ck_assert_int_eq(hours_parse_days("", &m), TIME_ERR_EMPTY);
	ck_assert_int_eq(hours_parse_days(NULL, &m), TIME_ERR_EMPTY);
}
END_TEST

START_TEST(test_parse_time)
{
	int m = -1;

	ck_assert_int_eq(hours_parse_time("08:00", &m), TIME_OK);
	ck_assert_int_eq(m, 480);
	ck_assert_int_eq(hours_parse_time("24:00", &m), TIME_OK);
	ck_assert_int_eq(m, 1440);
	ck_assert_int_eq(hours_parse_time("00:00", &m), TIME_OK);
	ck_assert_int_eq(m, 0);
	ck_assert_int_eq(hours_parse_time("17:30:00", &m), TIME_OK);
	ck_assert_int_eq(m, 1050);
	m = -1;
	ck_assert_int_eq(hours_parse_time("24:01", &m), TIME_ERR_RANGE);
	ck_assert_int_eq(hours_parse_time("25:00", &m), TIME_ERR_RANGE);
	ck_assert_int_eq(hours_parse_time("08:60", &m), TIME_ERR_RANGE);
	ck_assert_int_eq(hours_parse_time("08:00:30", &m), TIME_ERR_RANGE);
	ck_assert_int_eq(hours_parse_time("8:00", &m), TIME_ERR_SYNTAX);
	ck_assert_int_eq(hours_parse_time("08h00", &m), TIME_ERR_SYNTAX);
	ck_assert_int_eq(hours_parse_time("08:00Z", &m), TIME_ERR_SYNTAX);
	ck_assert_int_eq(hours_parse_time("", &m), TIME_ERR_EMPTY);
	ck_assert_int_eq(hours_parse_time(NULL, &m), TIME_ERR_EMPTY);
	ck_assert_int_eq(m, -1);
}
END_TEST

START_TEST(test_hours_add)
{
	struct hours *h = hours_new();

	ck_assert_int_eq(hours_add_text(h, "mon-fri", "09:00", "17:00", true), TIME_OK);
	ck_assert_int_eq(hours_add_text(h, "mon-fri", "17:00", "09:00", false), TIME_ERR_RANGE);
	ck_assert_int_eq(hours_add_text(h, "mon-fri", "09:00", "09:00", false), TIME_ERR_RANGE);
	ck_assert_int_eq(hours_add_text(h, "mon-fri", "24:00", "24:00", false), TIME_ERR_RANGE);
	ck_assert_int_eq(hours_add_text(h, "xxx", "09:00", "17:00", false), TIME_ERR_SYNTAX);
	ck_assert_int_eq(hours_add_text(h, "mon", "9", "17:00", false), TIME_ERR_SYNTAX);
	ck_assert_int_eq(hours_add(h, (struct hours_window){0, 0, 60, false}), TIME_ERR_RANGE);
	ck_assert_int_eq(hours_add(h, (struct hours_window){0x80, 0, 60, false}), TIME_ERR_RANGE);
	ck_assert_int_eq(hours_add(h, (struct hours_window){1, -1, 60, false}), TIME_ERR_RANGE);
	ck_assert_int_eq(hours_add(h, (struct hours_window){1, 0, 1441, false}), TIME_ERR_RANGE);
	ck_assert_uint_eq(hours_count(h), 1);
	struct hours_window w = hours_get(h, 0);
	ck_assert_uint_eq(w.days, HOURS_WEEKDAYS);
	ck_assert_int_eq(w.from, 540);
	ck_assert_int_eq(w.to, 1020);
	ck_assert(w.workdays_only);
	hours_free(h);
	hours_free(NULL);
}
END_TEST

START_TEST(test_hours_day_minutes)
{
	struct calendar *cal = cn_calendar();
	struct hours *t3 = hours1("mon-fri", "09:00", "17:00", true);
	struct hours *plain = hours1("mon-fri", "09:00", "17:00", false);
	struct hours *lunch = hours_new();
	struct minute_set ms;

	ck_assert_int_eq(hours_add_text(lunch, "mon-fri", "09:00", "12:00", true), TIME_OK);
	ck_assert_int_eq(hours_add_text(lunch, "mon-fri", "13:00", "18:00", true), TIME_OK);

	hours_day_minutes(t3, cal, day_of("2025-04-30"), &ms);
	ck_assert_int_eq(minute_set_count(&ms), 480);
	ck_assert(minute_set_has(&ms, 540) && !minute_set_has(&ms, 539) &&
	          !minute_set_has(&ms, 1020));
	hours_day_minutes(t3, cal, day_of("2025-05-01"), &ms); /* holiday */
	ck_assert(minute_set_is_empty(&ms));
	hours_day_minutes(t3, cal, day_of("2025-04-26"), &ms); /* Saturday */
	ck_assert(minute_set_is_empty(&ms));
	hours_day_minutes(t3, cal, day_of("2025-04-27"), &ms); /* adjusted Sunday */
	ck_assert_int_eq(minute_set_count(&ms), 480);
	/* windows without workdays_only apply on holidays, not on adjusted weekend days */
	hours_day_minutes(plain, cal, day_of("2025-05-01"), &ms);
	ck_assert_int_eq(minute_set_count(&ms), 480);
	hours_day_minutes(plain, cal, day_of("2025-04-27"), &ms);
	ck_assert(minute_set_is_empty(&ms));
	/* lunch break */
	hours_day_minutes(lunch, cal, day_of("2025-10-11"), &ms); /* adjusted Saturday */
	ck_assert_int_eq(minute_set_count(&ms), 480);
	ck_assert(!minute_set_has(&ms, 12 * 60) && minute_set_has(&ms, 13 * 60));
	ck_assert_str_eq_free(minute_set_describe(&ms), "09:00\xe2\x80\x93"
	                                                "12:00, 13:00\xe2\x80\x93"
	                                                "18:00");
	/* without a calendar: mon–fri working, no holidays */
	hours_day_minutes(t3, NULL, day_of("2025-05-01"), &ms);
	ck_assert_int_eq(minute_set_count(&ms), 480);
	/* overlapping windows count once */
	struct hours *ov = hours1("mon-sun", "08:00", "12:00", false);
	ck_assert_int_eq(hours_add_text(ov, "mon", "10:00", "14:00", false), TIME_OK);
	hours_day_minutes(ov, cal, day_of("2025-05-05"), &ms);
	ck_assert_int_eq(minute_set_count(&ms), 360);
	hours_free(ov);
	hours_free(t3);
	hours_free(plain);
	hours_free(lunch);
	calendar_free(cal);
}
END_TEST

START_TEST(test_hours_describe)
{
	struct hours *h;

	h = hours1("mon-sun", "08:00", "20:00", false);
	ck_assert_str_eq_free(hours_describe(h), "mon–sun 08:00–20:00");
	hours_free(h);
	h = hours1("mon-fri", "09:00", "17:00", true);
	ck_assert_str_eq_free(hours_describe(h), "mon–fri 09:00–17:00 (working days)");
	hours_free(h);
	h = hours1("mon-sun", "00:00", "24:00", false);
	ck_assert_str_eq_free(hours_describe(h), "mon–sun all day");
	hours_free(h);
	h = hours1("mon-fri", "09:00", "12:00", true);
	ck_assert_int_eq(hours_add_text(h, "mon-fri", "13:00", "18:00", true), TIME_OK);
	ck_assert_str_eq_free(hours_describe(h), "mon–fri 09:00–12:00, 13:00–18:00 (working days)");
	ck_assert_int_eq(hours_add_text(h, "sat", "09:00", "12:00", false), TIME_OK);
	ck_assert_str_eq_free(hours_describe(h), "mon–fri 09:00–12:00, 13:00–18:00 (working days) "
	                                         "and sat 09:00–12:00");
	hours_free(h);
	h = hours1("mon,wed,fri", "08:00", "12:00", false);
	ck_assert_str_eq_free(hours_describe(h), "mon, wed, fri 08:00–12:00");
	hours_free(h);
	h = hours1("fri-mon", "22:00", "24:00", false);
	ck_assert_int_eq(hours_add_text(h, "sat-tue", "00:00", "06:00", false), TIME_OK);
	/* sat, sun and mon have the same windows: one group, said as a wrapping range */
	ck_assert_str_eq_free(hours_describe(h),
	                      "sat–mon 00:00–06:00, 22:00–24:00; tue 00:00–06:00 "
	                      "and fri 22:00–24:00");
	hours_free(h);
	h = hours_new();
	ck_assert_str_eq_free(hours_describe(h), "no service hours");
	hours_free(h);

	ck_assert_str_eq_free(hours_days_describe(HOURS_SAT | HOURS_SUN), "sat–sun");
	ck_assert_str_eq_free(hours_days_describe(HOURS_SAT | HOURS_SUN | HOURS_MON), "sat–mon");
	ck_assert_str_eq_free(hours_days_describe(HOURS_MON | HOURS_SUN | HOURS_WED),
	                      "sun–mon, wed");
	ck_assert_str_eq_free(hours_days_describe(HOURS_ALL_DAYS & ~HOURS_THU), "fri–wed");
	ck_assert_str_eq_free(hours_days_describe(HOURS_TUE | HOURS_THU), "tue, thu");
	ck_assert_str_eq_free(hours_days_describe(0), "");
}
END_TEST

/* ---------------------------------------------------------------------------------------------
 * The SLA clock */

START_TEST(test_clock_reference_tier2)
{
	/* INC-BANK-0509 on SVC-NET, tier 2 mon–sun 08:00–20:00 */
	struct calendar *cal = cn_calendar();
	struct hours *t2 = hours1("mon-sun", "08:00", "20:00", false);
	int64_t opened = instant("2025-05-09T19:50:00+08:00");
	int64_t responded = instant("2025-05-09T20:05:00+08:00");
	int64_t resolved = instant("2025-05-10T11:00:00+08:00");
	int64_t due;

	ck_assert_int_eq(clock_business_seconds(t2, cal, opened, responded), 600);
	ck_assert_int_eq(clock_business_seconds(t2, cal, opened, resolved), 600 + 3 * 3600);
	/* P1 response within PT30M: due at 08:20 next morning */
	ck_assert(clock_add_business_seconds(t2, cal, opened, 1800, &due));
	ck_assert_int_eq(due, instant("2025-05-10T08:20:00+08:00"));
	ck_assert(clock_add_business_seconds(t2, cal, opened, 600, &due));
	ck_assert_int_eq(due, instant("2025-05-09T20:00:00+08:00")); /* the very end of a window */
	ck_assert(clock_add_business_seconds(t2, cal, opened, 0, &due));
	ck_assert_int_eq(due, opened);
	ck_assert(!clock_add_business_seconds(t2, cal, opened, -1, &due));
	hours_free(t2);
	calendar_free(cal);
}
END_TEST

START_TEST(test_clock_reference_tier3)
{
	/* INC-RETAIL-0430, tier 3 mon–fri 09:00–17:00 working days, across 劳动节 */
	struct calendar *cal = cn_calendar();
	struct hours *t3 = hours1("mon-fri", "09:00", "17:00", true);
	int64_t opened = instant("2025-04-30T16:30:00+08:00");
	int64_t due;

	ck_assert_int_eq(
	    clock_business_seconds(t3, cal, opened, instant("2025-05-06T09:30:00+08:00")), 3600);
	ck_assert_int_eq(
	    clock_business_seconds(t3, cal, opened, instant("2025-05-06T11:00:00+08:00")),
	    1800 + 2 * 3600);
	ck_assert(clock_add_business_seconds(t3, cal, opened, 3600, &due));
	ck_assert_int_eq(due, instant("2025-05-06T09:30:00+08:00"));
	/* holiday at the edge of the window */
	ck_assert_int_eq(clock_business_seconds(t3, cal, instant("2025-04-30T16:59:00+08:00"),
	                                        instant("2025-05-06T09:01:00+08:00")),
	                 120);
	ck_assert_int_eq(clock_business_seconds(t3, cal, instant("2025-04-30T17:00:00+08:00"),
	                                        instant("2025-05-06T09:00:00+08:00")),
	                 0);
	/* opened on the holiday */
	ck_assert_int_eq(clock_business_seconds(t3, cal, instant("2025-05-01T10:00:00+08:00"),
	                                        instant("2025-05-06T10:00:00+08:00")),
	                 3600);
	/* the adjusted Sunday 2025-04-27 counts, Saturday does not */
	ck_assert_int_eq(clock_business_seconds(t3, cal, instant("2025-04-26T12:00:00+08:00"),
	                                        instant("2025-04-28T10:00:00+08:00")),
	                 9 * 3600);
	hours_free(t3);
	calendar_free(cal);
}
END_TEST

START_TEST(test_clock_edges)
{
	struct calendar *cal = plain_calendar("Asia/Shanghai");
	struct hours *night = hours1("mon-sun", "22:00", "24:00", false);
	struct hours *all = hours1("mon-sun", "00:00", "24:00", false);
	struct hours *t2 = hours1("mon-sun", "08:00", "20:00", false);
	struct hours *empty = hours_new();
	int64_t t;

	ck_assert_int_eq(hours_add_text(night, "mon-sun", "00:00", "06:00", false), TIME_OK);
	/* midnight crossing */
	ck_assert_int_eq(clock_business_seconds(night, cal, instant("2025-05-09T23:00:00+08:00"),
	                                        instant("2025-05-10T01:00:00+08:00")),
	                 7200);
	ck_assert_int_eq(clock_business_seconds(night, cal, instant("2025-05-09T21:00:00+08:00"),
	                                        instant("2025-05-10T07:00:00+08:00")),
	                 8 * 3600);
	/* year end */
	ck_assert_int_eq(clock_business_seconds(all, cal, instant("2025-12-31T23:00:00+08:00"),
	                                        instant("2026-01-01T01:00:00+08:00")),
	                 7200);
	/* month end, Feb in a leap year */
	ck_assert_int_eq(clock_business_seconds(t2, cal, instant("2024-02-28T19:00:00+08:00"),
	                                        instant("2024-03-01T09:00:00+08:00")),
	                 3600 + 12 * 3600 + 3600);
	/* three months, day by day: Jan + Feb + Mar 2025 = 90 days of 12 h */
	ck_assert_int_eq(clock_business_seconds(t2, cal, instant("2025-01-01T00:00:00+08:00"),
	                                        instant("2025-04-01T00:00:00+08:00")),
	                 90 * 12 * 3600);
	/* ten years of 24 h */
	ck_assert_int_eq(clock_business_seconds(all, cal, instant("2020-01-01T00:00:00Z"),
	                                        instant("2030-01-01T00:00:00Z")),
	                 instant("2030-01-01T00:00:00Z") - instant("2020-01-01T00:00:00Z"));
	/* reversed, empty, nothing */
	ck_assert_int_eq(clock_business_seconds(all, cal, 1000, 10), 0);
	ck_assert_int_eq(clock_business_seconds(all, cal, 1000, 1000), 0);
	ck_assert_int_eq(clock_business_seconds(empty, cal, 0, 1000000), 0);
	ck_assert_int_eq(clock_business_seconds(NULL, cal, 0, 1000000), 0);
	ck_assert(!clock_add_business_seconds(empty, cal, 0, 60, &t));
	/* absurd instants are clamped, not overflowed */
	ck_assert_int_gt(clock_business_seconds(t2, cal, INT64_MAX - 10, INT64_MAX), -1);
	ck_assert_int_eq(clock_business_seconds(t2, cal, INT64_MIN, INT64_MIN + 10), 0);
	ck_assert(!clock_add_business_seconds(t2, cal, INT64_MAX, 60, &t));
	/* offsets across midnight: 23:30-02:00 on May 1 is 09:30 May 2 in Shanghai */
	ck_assert_int_eq(clock_business_seconds(t2, cal, instant("2025-05-01T23:30:00-02:00"),
	                                        instant("2025-05-02T10:30:00+08:00")),
	                 3600);
	hours_free(night);
	hours_free(all);
	hours_free(t2);
	hours_free(empty);
	calendar_free(cal);
}
END_TEST

START_TEST(test_clock_dst_berlin)
{
	struct calendar *cal = plain_calendar("Europe/Berlin");
	struct hours *all = hours1("mon-sun", "00:00", "24:00", false);
	struct hours *early = hours1("mon-sun", "01:00", "04:00", false);
	struct hours *gap = hours1("mon-sun", "02:00", "02:30", false);
	int64_t t0, t1, due;

	/* spring: 2025-03-30 02:00 -> 03:00 */
	t0 = instant("2025-03-30T00:00:00+01:00");
	t1 = instant("2025-03-31T00:00:00+02:00");
	ck_assert_int_eq(t1 - t0, 23 * 3600);
	ck_assert_int_eq(clock_business_seconds(all, cal, t0, t1), 23 * 3600);
	ck_assert_int_eq(clock_business_seconds(early, cal, t0, t1), 2 * 3600);
	ck_assert_int_eq(clock_business_seconds(gap, cal, t0, t1), 0);
	/* autumn: 2025-10-26 03:00 -> 02:00 */
	t0 = instant("2025-10-26T00:00:00+02:00");
	t1 = instant("2025-10-27T00:00:00+01:00");
	ck_assert_int_eq(clock_business_seconds(all, cal, t0, t1), 25 * 3600);
	ck_assert_int_eq(clock_business_seconds(early, cal, t0, t1), 4 * 3600);
	ck_assert_int_eq(clock_business_seconds(gap, cal, t0, t1), 3600);
	/* a week across the change: 7 × 3 h, one day 2 h */
	ck_assert_int_eq(clock_business_seconds(early, cal, instant("2025-03-27T00:00:00+01:00"),
	                                        instant("2025-04-03T00:00:00+02:00")),
	                 6 * 3 * 3600 + 2 * 3600);
	/* deadlines across the change: 01:30 CET + 1 h of 01:00–04:00 is 03:30 CEST */
	ck_assert(clock_add_business_seconds(early, cal, instant("2025-03-30T01:30:00+01:00"), 3600,
	                                     &due));
	ck_assert_int_eq(due, instant("2025-03-30T03:30:00+02:00"));
	ck_assert(clock_add_business_seconds(early, cal, instant("2025-10-26T01:30:00+02:00"), 7200,
	                                     &due));
	ck_assert_int_eq(due, instant("2025-10-26T02:30:00+01:00"));
	hours_free(all);
	hours_free(early);
	hours_free(gap);
	calendar_free(cal);
}
END_TEST

START_TEST(test_day_instants)
{
	struct calendar *cal = plain_calendar("Europe/Berlin");
	struct hours *h = hours1("mon-sun", "01:00", "04:00", false);
	GArray *v = g_array_new(FALSE, FALSE, sizeof(struct time_interval));

	ck_assert_int_eq(hours_add_text(h, "sun", "02:00", "03:00", false), TIME_OK);
	hours_day_instants(h, cal, day_of("2025-10-26"), v);
	/* 01:00 CEST .. 04:00 CET is one interval of 4 h */
	ck_assert_uint_eq(v->len, 1);
	ck_assert_int_eq(g_array_index(v, struct time_interval, 0).start,
	                 instant("2025-10-26T01:00:00+02:00"));
	ck_assert_int_eq(g_array_index(v, struct time_interval, 0).end,
	                 instant("2025-10-26T04:00:00+01:00"));
	g_array_free(v, TRUE);
	hours_free(h);
	calendar_free(cal);
}
END_TEST

/* ---------------------------------------------------------------------------------------------
 * Coverage */

static char *gap_text(const struct hours *a, const struct calendar *ca, const struct hours *b,
                      const struct calendar *cb, const char *from, const char *to)
{
	struct coverage *c = coverage_compute(a, ca, b, cb, day_of(from), day_of(to));
	char *s;

	ck_assert_ptr_nonnull(c);
	s = coverage_describe(c);
	ck_assert(coverage_complete(c) == (s[0] == '\0'));
	coverage_free(c);
	return s;
}

START_TEST(test_coverage_weekly)
{
	struct calendar *cal = plain_calendar("Asia/Shanghai");
	struct hours *a = hours1("mon-fri", "09:00", "17:00", false);
	struct hours *b = hours1("mon-sun", "00:00", "24:00", false);
	struct coverage *c;

	ck_assert_str_eq_free(gap_text(a, cal, b, cal, "2025-01-01", "2026-12-31"),
	                      "sat–sun all day and mon–fri 00:00–09:00, 17:00–24:00");
	c = coverage_compute(a, cal, b, cal, day_of("2025-01-01"), day_of("2025-12-31"));
	ck_assert_int_eq(c->required_seconds, 365 * 86400);
	ck_assert_int_eq(c->uncovered_seconds, 365 * 86400 - 261 * 8 * 3600);
	ck_assert_uint_eq(c->exceptions->len, 0);
	ck_assert_int_eq(minute_set_count(&c->weekly[5]), 1440);
	coverage_free(c);
	/* a lunch break in A is a weekly gap */
	struct hours *lunch = hours1("mon-fri", "09:00", "12:00", false);
	struct hours *office = hours1("mon-fri", "09:00", "18:00", false);
	ck_assert_int_eq(hours_add_text(lunch, "mon-fri", "13:00", "18:00", false), TIME_OK);
	ck_assert_str_eq_free(gap_text(lunch, cal, office, cal, "2025-01-01", "2025-12-31"),
	                      "mon–fri 12:00–13:00");
	hours_free(lunch);
	hours_free(office);
	/* the other way round there is nothing to say */
	ck_assert_str_eq_free(gap_text(b, cal, a, cal, "2025-01-01", "2026-12-31"), "");
	/* an empty term is covered */
	c = coverage_compute(a, cal, b, cal, day_of("2025-02-01"), day_of("2025-01-01"));
	ck_assert(coverage_complete(c));
	coverage_free(c);
	ck_assert_ptr_null(coverage_compute(NULL, cal, b, cal, 0, 1));
	ck_assert_ptr_null(coverage_compute(a, cal, b, cal, 0, COVERAGE_MAX_DAYS));
	ck_assert_ptr_null(coverage_compute(a, cal, b, cal, TIME_DAY_MIN, TIME_DAY_MAX));
	ck_assert_ptr_null(coverage_compute(a, cal, b, cal, INT32_MAX - 5, INT32_MAX));
	c = coverage_compute(a, cal, b, cal, TIME_DAY_MAX - 9, TIME_DAY_MAX);
	ck_assert_ptr_nonnull(c);
	coverage_free(c);
	hours_free(a);
	hours_free(b);
	calendar_free(cal);
}
END_TEST

START_TEST(test_coverage_reference)
{
	/* the vocabulary: OLA-NET 07:00–21:00 behind tier 2; the retail OLA 08:30–17:30 working
	 * days behind tier 3 */
	struct calendar *cal = cn_calendar();
	struct hours *ola_net = hours1("mon-sun", "07:00", "21:00", false);
	struct hours *t2 = hours1("mon-sun", "08:00", "20:00", false);
	struct hours *ola_ops = hours1("mon-fri", "08:30", "17:30", true);
	struct hours *t3 = hours1("mon-fri", "09:00", "17:00", true);

	ck_assert_str_eq_free(gap_text(ola_net, cal, t2, cal, "2025-01-01", "2026-12-31"), "");
	ck_assert_str_eq_free(gap_text(ola_ops, cal, t3, cal, "2025-01-01", "2025-12-31"), "");
	ck_assert_str_eq_free(gap_text(t2, cal, ola_net, cal, "2025-01-01", "2026-12-31"),
	                      "mon–sun 07:00–08:00, 20:00–21:00");
	hours_free(ola_net);
	hours_free(t2);
	hours_free(ola_ops);
	hours_free(t3);
	calendar_free(cal);
}
END_TEST

START_TEST(test_coverage_holidays)
{
	/* A works mon–fri 09–17 on working days only; B is 7×24 every day */
	struct calendar *cal = cn_calendar();
	struct hours *a = hours1("mon-fri", "09:00", "17:00", true);
	struct hours *b = hours1("mon-sun", "00:00", "24:00", false);

	ck_assert_str_eq_free(gap_text(a, cal, b, cal, "2025-01-01", "2025-12-31"),
	                      "sat–sun all day; mon–fri 00:00–09:00, 17:00–24:00; "
	                      "on holiday 2025-01-01 09:00–17:00; "
	                      "on holidays 2025-01-28–2025-02-04 09:00–17:00; "
	                      "on holiday 2025-04-04 09:00–17:00; "
	                      "on holidays 2025-05-01–2025-05-05 09:00–17:00; "
	                      "on holiday 2025-06-02 09:00–17:00 and "
	                      "on holidays 2025-10-01–2025-10-08 09:00–17:00");
	/* only October */
	ck_assert_str_eq_free(gap_text(a, cal, b, cal, "2025-10-01", "2025-10-31"),
	                      "sat–sun all day; mon–fri 00:00–09:00, 17:00–24:00 and "
	                      "on holidays 2025-10-01–2025-10-08 09:00–17:00");
	hours_free(a);
	hours_free(b);
	calendar_free(cal);
}
END_TEST

START_TEST(test_coverage_adjusted_workdays)
{
	/* B is tier 3 (working days, so also the 调休 weekend days); A works mon–fri regardless of
	 * the calendar, so it is absent on the adjusted weekend days and present on holidays */
	struct calendar *cal = cn_calendar();
	struct hours *a = hours1("mon-fri", "09:00", "17:00", false);
	struct hours *b = hours1("mon-fri", "09:00", "17:00", true);
	struct coverage *c;

	ck_assert_str_eq_free(gap_text(a, cal, b, cal, "2025-01-01", "2025-12-31"),
	                      "on adjusted workday 2025-01-26 09:00–17:00; "
	                      "on adjusted workday 2025-02-08 09:00–17:00; "
	                      "on adjusted workday 2025-04-27 09:00–17:00; "
	                      "on adjusted workday 2025-09-28 09:00–17:00 and "
	                      "on adjusted workday 2025-10-11 09:00–17:00");
	c = coverage_compute(a, cal, b, cal, day_of("2025-01-01"), day_of("2025-12-31"));
	ck_assert_int_eq(c->uncovered_seconds, 5 * 8 * 3600);
	ck_assert_int_eq(c->required_seconds, 248 * 8 * 3600);
	ck_assert_uint_eq(c->exceptions->len, 5);
	ck_assert_int_eq(g_array_index(c->exceptions, struct coverage_exception, 2).reason,
	                 COVERAGE_ADJUSTED_WORKDAY);
	coverage_free(c);
	hours_free(a);
	hours_free(b);
	calendar_free(cal);
}
END_TEST

START_TEST(test_coverage_zones)
{
	/* A in Berlin 08:00–18:00 daily = Shanghai 15:00–01:00 in winter, 14:00–24:00 in summer */
	struct calendar *ca = plain_calendar("Europe/Berlin");
	struct calendar *cb = plain_calendar("Asia/Shanghai");
	struct hours *a = hours1("mon-sun", "08:00", "18:00", false);
	struct hours *b = hours1("mon-sun", "00:00", "24:00", false);
	struct coverage *c;

	ck_assert_str_eq_free(gap_text(a, ca, b, cb, "2025-01-01", "2025-12-31"),
	                      "mon–sun 01:00–14:00; "
	                      "on 2025-01-01–2025-03-29 14:00–15:00; "
	                      "on 2025-03-31–2025-10-25 00:00–01:00; "
	                      "on clock-change day 2025-10-26 00:00–01:00, 14:00–15:00 and "
	                      "on 2025-10-27–2025-12-31 14:00–15:00");
	c = coverage_compute(a, ca, b, cb, day_of("2025-01-01"), day_of("2025-12-31"));
	ck_assert_int_eq(c->required_seconds, 365 * 86400);
	/* covered: ten hours of every Berlin day that falls in the Shanghai year — 2024-12-31's
	 * last hour (Shanghai 00:00–01:00 on 1 Jan) and all of 2025 but 2025-12-31's last hour */
	ck_assert_int_eq(c->uncovered_seconds, 365 * 86400 - 365 * 10 * 3600);
	coverage_free(c);
	/* B in Berlin, A in Shanghai 07:00–24:00: Berlin 00:00–01:00 is uncovered under CEST */
	struct hours *a2 = hours1("mon-sun", "07:00", "24:00", false);
	struct hours *b2 = hours1("mon-sun", "00:00", "08:00", false);
	ck_assert_str_eq_free(gap_text(a2, cb, b2, ca, "2025-01-01", "2025-12-31"),
	                      "on 2025-03-31–2025-10-26 00:00–01:00");
	hours_free(a2);
	hours_free(b2);
	hours_free(a);
	hours_free(b);
	calendar_free(ca);
	calendar_free(cb);
}
END_TEST

START_TEST(test_coverage_dst_same_zone)
{
	/* both in Berlin: A 7×24 covers everything, also the 23 h and 25 h days */
	struct calendar *cal = plain_calendar("Europe/Berlin");
	struct hours *a = hours1("mon-sun", "00:00", "24:00", false);
	struct hours *b = hours1("mon-sun", "01:00", "04:00", false);
	struct coverage *c =
	    coverage_compute(a, cal, b, cal, day_of("2025-01-01"), day_of("2025-12-31"));

	ck_assert(coverage_complete(c));
	ck_assert_int_eq(c->required_seconds, (365 * 3 - 1 + 1) * 3600);
	coverage_free(c);
	/* A misses 02:00–03:00: uncovered every day, twice on 2025-10-26, never on 2025-03-30 */
	struct hours *a2 = hours1("mon-sun", "00:00", "02:00", false);
	ck_assert_int_eq(hours_add_text(a2, "mon-sun", "03:00", "24:00", false), TIME_OK);
	c = coverage_compute(a2, cal, b, cal, day_of("2025-01-01"), day_of("2025-12-31"));
	ck_assert_int_eq(c->uncovered_seconds, (365 - 1 + 1) * 3600);
	char *s = coverage_describe(c);
	ck_assert_str_eq(s, "mon–sun 02:00–03:00");
	g_free(s);
	coverage_free(c);
	hours_free(a2);
	hours_free(a);
	hours_free(b);
	calendar_free(cal);
}
END_TEST

START_TEST(test_coverage_long_term_fast)
{
	/* two years, two zones, a lunch break: must be quick (O(days × windows)) */
	struct calendar *ca = cn_calendar();
	struct calendar *cb = plain_calendar("Europe/Berlin");
	struct hours *a = hours1("mon-fri", "09:00", "12:00", true);
	struct hours *b = hours1("mon-fri", "08:00", "18:00", false);
	gint64 t0 = g_get_monotonic_time();

	ck_assert_int_eq(hours_add_text(a, "mon-fri", "13:00", "18:00", true), TIME_OK);
	for (int i = 0; i < 5; i++) {
		struct coverage *c =
		    coverage_compute(a, ca, b, cb, day_of("2025-01-01"), day_of("2026-12-31"));
		char *s = coverage_describe(c);
		ck_assert(!coverage_complete(c));
		ck_assert(strlen(s) > 0);
		g_free(s);
		coverage_free(c);
	}
	ck_assert_int_lt(g_get_monotonic_time() - t0, 5 * G_USEC_PER_SEC);
	hours_free(a);
	hours_free(b);
	calendar_free(ca);
	calendar_free(cb);
}
END_TEST

/* ---------------------------------------------------------------------------------------------
 * Decimals */

static int64_t pct(const char *s)
{
	int64_t v = -1;
	ck_assert_int_eq(percent_parse(s, &v), TIME_OK);
	return v;
}

START_TEST(test_percent_parse)
{
	ck_assert_int_eq(pct("99.95"), 999500);
	ck_assert_int_eq(pct("99.9"), pct("99.90"));
	ck_assert_int_eq(pct("99.9"), 999000);
	ck_assert_int_eq(pct("100"), PERCENT_100);
	ck_assert_int_eq(pct("100.0000000"), PERCENT_100);
	ck_assert_int_eq(pct("0"), 0);
	ck_assert_int_eq(pct("-0.00"), 0);
	ck_assert_int_eq(pct("0.0001"), 1);
	ck_assert_int_eq(pct("99.95000"), 999500);
	ck_assert_int_eq(pct("+99.9"), 999000);
	ck_assert_int_eq(pct(" 99.9 "), 999000);
	ck_assert_int_eq(pct(".5"), 5000);
	ck_assert_int_eq(pct("5."), 50000);
	ck_assert_int_eq(pct("000000000000000000000000099.95"), 999500);

	static const struct {
		const char *s;
		enum time_error e;
	} bad[] = {
	    {"99.95000001", TIME_ERR_PRECISION},
	    {"99.99999", TIME_ERR_PRECISION},
	    {"100.0001", TIME_ERR_TOO_LARGE},
	    {"101", TIME_ERR_TOO_LARGE},
	    {"99999999999999999999999", TIME_ERR_TOO_LARGE},
	    {"-1", TIME_ERR_NEGATIVE},
	    {"-0.0001", TIME_ERR_NEGATIVE},
	    {"-99999999999999999999999", TIME_ERR_NEGATIVE},
	    {"", TIME_ERR_EMPTY},
	    {NULL, TIME_ERR_EMPTY},
	    {"abc", TIME_ERR_SYNTAX},
	    {"1e2", TIME_ERR_SYNTAX},
	    {"99,95", TIME_ERR_SYNTAX},
	    {".", TIME_ERR_SYNTAX},
	    {"+", TIME_ERR_SYNTAX},
	    {"99.9%", TIME_ERR_SYNTAX},
	    {"99. 9", TIME_ERR_SYNTAX},
	    {"--1", TIME_ERR_SYNTAX},
	    {"0x10", TIME_ERR_SYNTAX},
	    {"NaN", TIME_ERR_SYNTAX},
	    {"inf", TIME_ERR_SYNTAX},
	    {"９９", TIME_ERR_SYNTAX},
	};
	for (size_t i = 0; i < G_N_ELEMENTS(bad); i++) {
		int64_t v = 42;
		ck_assert_msg(percent_parse(bad[i].s, &v) == bad[i].e, "case %zu", i);
		ck_assert_int_eq(v, 42);
	}
}
END_TEST

START_TEST(test_percent_format)
{
	ck_assert_str_eq_free(percent_format(999500), "99.95");
	ck_assert_str_eq_free(percent_format(999000), "99.9");
	ck_assert_str_eq_free(percent_format(PERCENT_100), "100");
	ck_assert_str_eq_free(percent_format(1), "0.0001");
	ck_assert_str_eq_free(percent_format(0), "0");
	/* 99.95 never 99.9499999: the round trip is exact for every 4-place value */
	int bad = 0;
	for (int64_t v = 0; v <= PERCENT_100; v++) {
		char *s = percent_format(v);
		int64_t back = -1;
		bad += percent_parse(s, &back) != TIME_OK || back != v;
		g_free(s);
	}
	ck_assert_int_eq(bad, 0);
	ck_assert_str_eq_free(decimal_format(12345, 0, true), "12345");
	ck_assert_str_eq_free(decimal_format(-12345, 2, false), "-123.45");
	ck_assert_str_eq_free(decimal_format(INT64_MIN, 4, true), "-922337203685477.5808");
	int64_t v;
	ck_assert_int_eq(decimal_parse("1.5", 10, &v), TIME_ERR_RANGE);
}
END_TEST

START_TEST(test_percent_product)
{
	int64_t out;
	bool exact;
	const int64_t two[] = {999800, 999900};

	ck_assert(percent_product(two, 2, &out, &exact));
	ck_assert_int_eq(out, 999700); /* 99.970002 */
	ck_assert(!exact);
	ck_assert_str_eq_free(percent_product_describe(two, 2, 2), "99.98% × 99.99% = 99.97%");
	ck_assert_str_eq_free(percent_product_describe(two, 2, 4), "99.98% × 99.99% = 99.97%");
	/* exact comparison: the product is above 99.97 and below 99.9701 */
	ck_assert_int_eq(percent_product_compare(two, 2, 999700), 1);
	ck_assert_int_eq(percent_product_compare(two, 2, 999701), -1);

	const int64_t nines[] = {999990, 999990};
	ck_assert_str_eq_free(percent_product_describe(nines, 2, 4), "99.999% × 99.999% = 99.998%");
	ck_assert_str_eq_free(percent_product_describe(nines, 2, 2), "99.999% × 99.999% = 99.99%");
	/* 99.95 × 100 = 99.95 exactly */
	const int64_t exact_pair[] = {999500, PERCENT_100};
	ck_assert_int_eq(percent_product_compare(exact_pair, 2, 999500), 0);
	ck_assert_int_eq(percent_product_compare(exact_pair, 2, 999501), -1);
	/* twelve factors of 99.9999: 99.99880000659… exactly, no overflow */
	int64_t many[12];
	for (int i = 0; i < 12; i++)
		many[i] = 999999;
	ck_assert(percent_product(many, 12, &out, &exact));
	ck_assert_int_eq(out, 999988);
	ck_assert(!exact);
	ck_assert_int_eq(percent_product_compare(many, 12, 999988), 1);
	ck_assert_int_eq(percent_product_compare(many, 12, 999989), -1);
	/* edge cases */
	ck_assert(percent_product(NULL, 0, &out, &exact));
	ck_assert_int_eq(out, PERCENT_100);
	ck_assert_str_eq_free(percent_product_describe(NULL, 0, 4), "100%");
	const int64_t one[] = {999550};
	ck_assert_str_eq_free(percent_product_describe(one, 1, 4), "99.955%");
	ck_assert_str_eq_free(percent_product_describe(one, 1, 2), "99.955% = 99.95%");
	const int64_t zero[] = {0, 999000};
	ck_assert(percent_product(zero, 2, &out, &exact));
	ck_assert_int_eq(out, 0);
	ck_assert(exact);
	const int64_t hundreds[] = {PERCENT_100, PERCENT_100, PERCENT_100};
	ck_assert(percent_product(hundreds, 3, &out, &exact));
	ck_assert_int_eq(out, PERCENT_100);
	ck_assert(exact);
	const int64_t bad[] = {999000, PERCENT_100 + 1};
	ck_assert(!percent_product(bad, 2, &out, &exact));
	ck_assert_int_eq(percent_product_compare(bad, 2, 0), -2);
	ck_assert_ptr_null(percent_product_describe(bad, 2, 2));
}
END_TEST

START_TEST(test_money)
{
	int64_t c = 0;

	ck_assert_int_eq(money_parse("70000", &c), TIME_OK);
	ck_assert_int_eq(c, 7000000);
	ck_assert_int_eq(money_parse("12.5", &c), TIME_OK);
	ck_assert_int_eq(c, 1250);
	ck_assert_int_eq(money_parse("12.340", &c), TIME_OK);
	ck_assert_int_eq(c, 1234);
	ck_assert_int_eq(money_parse("-3.5", &c), TIME_OK);
	ck_assert_int_eq(c, -350);
	ck_assert_int_eq(money_parse("92233720368547758.07", &c), TIME_OK);
	ck_assert_int_eq(c, INT64_MAX);
	ck_assert_int_eq(money_parse("-92233720368547758.08", &c), TIME_OK);
	ck_assert_int_eq(c, INT64_MIN);
	c = 9;
	ck_assert_int_eq(money_parse("92233720368547758.08", &c), TIME_ERR_OVERFLOW);
	ck_assert_int_eq(money_parse("-92233720368547758.09", &c), TIME_ERR_OVERFLOW);
	ck_assert_int_eq(money_parse("184467440737095516160", &c), TIME_ERR_OVERFLOW);
	ck_assert_int_eq(money_parse("12.345", &c), TIME_ERR_PRECISION);
	ck_assert_int_eq(money_parse("1,000", &c), TIME_ERR_SYNTAX);
	ck_assert_int_eq(money_parse("¥100", &c), TIME_ERR_SYNTAX);
	ck_assert_int_eq(money_parse("", &c), TIME_ERR_EMPTY);
	ck_assert_int_eq(c, 9);

	ck_assert_str_eq_free(money_format(7000000), "70000.00");
	ck_assert_str_eq_free(money_format(-50), "-0.50");
	ck_assert_str_eq_free(money_format(INT64_MIN), "-92233720368547758.08");

	ck_assert(money_add(7000000, 1250, &c));
	ck_assert_int_eq(c, 7001250);
	ck_assert(!money_add(INT64_MAX, 1, &c));
	ck_assert(money_mul(7000000, 24, &c));
	ck_assert_int_eq(c, 168000000);
	ck_assert(!money_mul(INT64_MAX / 2, 3, &c));
	/* a 5 % credit on 70000.00 */
	ck_assert(money_percent(7000000, pct("5"), &c));
	ck_assert_int_eq(c, 350000);
	/* half a cent rounds away from zero */
	ck_assert(money_percent(1, pct("50"), &c));
	ck_assert_int_eq(c, 1);
	ck_assert(money_percent(-1, pct("50"), &c));
	ck_assert_int_eq(c, -1);
	ck_assert(money_percent(3, pct("33.3333"), &c));
	ck_assert_int_eq(c, 1);
	ck_assert(money_percent(1, pct("49.9999"), &c));
	ck_assert_int_eq(c, 0);
	ck_assert(!money_percent(INT64_MAX, 2 * PERCENT_100, &c));
}
END_TEST

/* ---------------------------------------------------------------------------------------------
 * Garbage: every parser, fed random bytes and mutations of valid values, answers without crashing
 * (the sanitizers watch), and what it accepts is in range. */

START_TEST(test_garbage)
{
	static const char *const seeds[] = {
	    "2025-05-01",
	    "2025-05-09T19:50:00+08:00",
	    "P1Y2M3DT4H5M6.5S",
	    "99.95",
	    "70000.00",
	    "mon-fri",
	    "fri-mon",
	    "08:00",
	    "24:00",
	    "PT15M",
	    "-PT1H",
	    "2024-02-29Z",
	};
	static const char alphabet[] = "0123456789-+:.TZPYMDHS ,monfriatsu\xe2\x80\x93\xff";
	GRand *r = g_rand_new_with_seed(20250509);
	char buf[64];

	for (int iter = 0; iter < 20000; iter++) {
		size_t len;
		if (iter % 2) {
			len = (size_t)g_rand_int_range(r, 0, sizeof buf - 1);
			for (size_t i = 0; i < len; i++)
				buf[i] = alphabet[g_rand_int_range(r, 0, sizeof alphabet - 1)];
		} else {
			const char *s = seeds[g_rand_int_range(r, 0, G_N_ELEMENTS(seeds))];
			len = strlen(s);
			memcpy(buf, s, len);
			for (int k = g_rand_int_range(r, 1, 4); k > 0 && len > 0; k--)
				buf[g_rand_int_range(r, 0, (gint32)len)] =
				    alphabet[g_rand_int_range(r, 0, sizeof alphabet - 1)];
		}
		buf[len] = '\0';

		int32_t d;
		int64_t t, v;
		struct time_duration du;
		unsigned days;
		int m;
		if (time_parse_date(buf, &d) == TIME_OK)
			ck_assert(d >= TIME_DAY_MIN && d <= TIME_DAY_MAX);
		if (time_parse_datetime(buf, &t) == TIME_OK)
			ck_assert(t > (int64_t)TIME_DAY_MIN * 86400 - 86400);
		if (time_parse_duration(buf, &du) == TIME_OK) {
			ck_assert(du.months >= 0 && du.seconds >= 0 && du.nanos >= 0);
			char *f = time_duration_format(&du);
			struct time_duration back;
			ck_assert_int_eq(time_parse_duration(f, &back), TIME_OK);
			ck_assert_int_eq(time_duration_compare(&du, &back), 0);
			g_free(f);
		}
		if (percent_parse(buf, &v) == TIME_OK)
			ck_assert(v >= 0 && v <= PERCENT_100);
		(void)money_parse(buf, &v);
		if (hours_parse_days(buf, &days) == TIME_OK)
			ck_assert(days != 0 && days <= HOURS_ALL_DAYS);
		if (hours_parse_time(buf, &m) == TIME_OK)
			ck_assert(m >= 0 && m <= 1440);
	}
	g_rand_free(r);
}
END_TEST

/* ---------------------------------------------------------------------------------------------
 * The vocabulary: every value of these types written in it parses. */

static const char *vocabulary_dir(void)
{
	/* beside the project (DESIGN §3), seen from the root or from a build directory */
	static const char *const candidates[] = {
#ifdef SLM_SRCDIR
	    SLM_SRCDIR "/../shared/vocabulary",
#endif
	    "../shared/vocabulary", "../../shared/vocabulary"};
	const char *env = g_getenv("SLM_VOCABULARY");

	if (env && g_file_test(env, G_FILE_TEST_IS_DIR))
		return env;
	for (size_t i = 0; i < G_N_ELEMENTS(candidates); i++)
		if (g_file_test(candidates[i], G_FILE_TEST_IS_DIR))
			return candidates[i];
	return NULL;
}

static void check_attribute(const char *path, const char *name, const char *value, int *count)
{
	static const char *const durations[] = {"within", "every", "notice", "per", "due"};
	static const char *const percents[] = {"availability", "target", "below", "capability"};
	static const char *const instants[] = {"opened", "responded", "resolved"};
	static const char *const dates[] = {"date", "start", "end", "effective", "due-date"};
	enum time_error e = TIME_OK;
	int64_t v;
	int32_t d;
	struct time_duration du;
	int m;

	for (size_t i = 0; i < G_N_ELEMENTS(durations); i++)
		if (strcmp(name, durations[i]) == 0 && value[0] == 'P')
			e = time_parse_duration(value, &du), ++*count;
	for (size_t i = 0; i < G_N_ELEMENTS(percents); i++)
		if (strcmp(name, percents[i]) == 0)
			e = percent_parse(value, &v), ++*count;
	for (size_t i = 0; i < G_N_ELEMENTS(instants); i++)
		if (strcmp(name, instants[i]) == 0)
			e = time_parse_datetime(value, &v), ++*count;
	for (size_t i = 0; i < G_N_ELEMENTS(dates); i++)
		if (strcmp(name, dates[i]) == 0)
			e = time_parse_date(value, &d), ++*count;
	if (strcmp(name, "from") == 0 || strcmp(name, "to") == 0)
		e = strchr(value, ':') ? hours_parse_time(value, &m) : time_parse_date(value, &d),
		++*count;
	if (strcmp(name, "amount") == 0 || strcmp(name, "price") == 0)
		e = money_parse(value, &v), ++*count;
	ck_assert_msg(e == TIME_OK, "%s: %s=\"%s\" %s", path, name, value, time_error_text(e));
}

START_TEST(test_vocabulary_values)
{
	const char *dir = vocabulary_dir();
	GRegex *attr;
	GPtrArray *stack;
	int count = 0;

	if (!dir) {
		fprintf(stderr,
		        "check_time: ../shared/vocabulary absent, vocabulary test skipped\n");
		return;
	}
	attr = g_regex_new("([a-z-]+)=\"([^\"]*)\"", 0, 0, NULL);
	stack = g_ptr_array_new_with_free_func(g_free);
	g_ptr_array_add(stack, g_strdup(dir));
	while (stack->len) {
		char *path = g_ptr_array_steal_index(stack, stack->len - 1);
		GDir *gd = g_dir_open(path, 0, NULL);
		const char *name;
		while (gd && (name = g_dir_read_name(gd))) {
			char *child = g_build_filename(path, name, NULL);
			char *text;
			GMatchInfo *mi;
			if (g_file_test(child, G_FILE_TEST_IS_DIR)) {
				g_ptr_array_add(stack, child);
				continue;
			}
			if (g_str_has_suffix(name, ".xml") &&
			    g_file_get_contents(child, &text, NULL, NULL)) {
				g_regex_match(attr, text, 0, &mi);
				for (; g_match_info_matches(mi); g_match_info_next(mi, NULL)) {
					char *n = g_match_info_fetch(mi, 1),
					     *v = g_match_info_fetch(mi, 2);
					check_attribute(child, n, v, &count);
					g_free(n);
					g_free(v);
				}
				g_match_info_free(mi);
				g_free(text);
			}
			g_free(child);
		}
		if (gd)
			g_dir_close(gd);
		g_free(path);
	}
	ck_assert_int_gt(count, 100);
	g_ptr_array_free(stack, TRUE);
	g_regex_unref(attr);
}
END_TEST

/* ---------------------------------------------------------------------------------------------
 * Runner */

static Suite *time_suite(void)
{
	Suite *s = suite_create("time");
	struct {
		const char *name;
		const TTest *tests[16];
	} cases[] = {
	    {"dates", {test_date_valid, test_date_invalid, test_civil_round_trip, test_weekday}},
	    {"instants", {test_datetime, test_datetime_in_zone, test_offset_across_midnight}},
	    {"durations",
	     {test_duration_valid, test_duration_invalid, test_duration_format_compare,
	      test_date_add, test_period, test_seconds_describe}},
	    {"calendars",
	     {test_zone_new, test_zone_posix_not_read, test_zone_tzdir, test_zone_explain,
	      test_zone_day_spans, test_calendar_working_days, test_calendar_step,
	      test_calendar_covers, test_calendar_name}},
	    {"hours",
	     {test_parse_days, test_parse_time, test_hours_add, test_hours_day_minutes,
	      test_hours_describe}},
	    {"clock",
	     {test_clock_reference_tier2, test_clock_reference_tier3, test_clock_edges,
	      test_clock_dst_berlin, test_day_instants}},
	    {"coverage",
	     {test_coverage_weekly, test_coverage_reference, test_coverage_holidays,
	      test_coverage_adjusted_workdays, test_coverage_zones, test_coverage_dst_same_zone,
	      test_coverage_long_term_fast}},
	    {"decimals",
	     {test_percent_parse, test_percent_format, test_percent_product, test_money}},
	    {"robustness", {test_garbage, test_vocabulary_values}},
	};

	for (size_t i = 0; i < G_N_ELEMENTS(cases); i++) {
		TCase *tc = tcase_create(cases[i].name);
		tcase_set_timeout(tc, 60);
		for (size_t k = 0; k < G_N_ELEMENTS(cases[i].tests) && cases[i].tests[k]; k++)
			tcase_add_test(tc, cases[i].tests[k]);
		suite_add_tcase(s, tc);
	}
	return s;
}

int main(void)
{
	SRunner *sr = srunner_create(time_suite());
	int failed;

	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
