/* libFuzzer target: the time core's parsers and what is computed from what they accept — dates,
 * dateTimes (with and without offsets, in a zone with daylight saving time), durations and date
 * arithmetic, percentages and their products, money, service-hour windows, the SLA clock. */
#include "timecore.h"

#include <stdint.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct calendar *cal;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = g_strndup((const char *)data, size), *t;
	int32_t day, out;
	int64_t inst, v, cents;
	struct time_duration d;
	unsigned days;
	int minute;
	enum time_error err;

	if (!cal) {
		cal = calendar_new("Europe/Berlin", &err);
		calendar_add_holiday(cal, 20089, 20091);
	}
	if (time_parse_date(s, &day) == TIME_OK) {
		g_free(time_date_format(day));
		calendar_add_working_days(cal, day, 10, &out);
	}
	if (time_parse_datetime(s, &inst) == TIME_OK)
		g_free(time_datetime_format(inst, calendar_zone(cal)));
	if (time_parse_datetime_in_zone(s, calendar_zone(cal), &inst) == TIME_OK) {
		struct hours *h = hours_new();
		hours_add_text(h, "mon-fri", "09:00", "17:00", true);
		(void)clock_business_seconds(h, cal, inst, inst + 86400 * 40);
		hours_free(h);
	}
	if (time_parse_duration(s, &d) == TIME_OK) {
		g_free(time_duration_format(&d));
		time_date_add_duration(20000, &d, &out);
	}
	if (percent_parse(s, &v) == TIME_OK) {
		int64_t a[3] = {v, v, 999900};
		g_free(percent_format(v));
		g_free(percent_product_describe(a, 3, 4));
		(void)percent_product_compare(a, 3, v);
	}
	if (money_parse(s, &cents) == TIME_OK)
		g_free(money_format(cents));
	if (hours_parse_days(s, &days) == TIME_OK)
		g_free(hours_days_describe(days));
	(void)hours_parse_time(s, &minute);
	/* "days from to" as three words: a window set and its description */
	t = strchr(s, ' ');
	if (t) {
		char **w = g_strsplit(s, " ", 3);
		if (w[0] && w[1] && w[2]) {
			struct hours *h = hours_new();
			if (hours_add_text(h, w[0], w[1], w[2], false) == TIME_OK)
				g_free(hours_describe(h));
			hours_free(h);
		}
		g_strfreev(w);
	}
	g_free(s);
	return 0;
}
