/* Exact decimals: availability percentages (rules breach and availability-chain) and money (rule
 * budget-overrun, credits).  A percentage is an integer count of 0.0001 %, money an integer count
 * of cents; nothing here touches floating point, so 99.95 is never 99.9499999.
 *
 * The availability of components in series is the product of their availabilities.  With n
 * factors of six significant digits the exact product has 6n digits, more than any fixed integer
 * holds once n > 6, so it is computed in base 10^6 limbs: each factor is one limb wide, and
 * dividing by 100 %^(n-1) is dropping limbs.  Comparisons against a target use the exact product;
 * only what is shown to people is rounded, and always down. */
#include "timecore.h"

#include <string.h>

/* GCC and Clang have 128-bit integers on every 64-bit target; __extension__ keeps -Wpedantic
 * quiet about it. */
__extension__ typedef __int128 wide_int;

#define LIMB 1000000u

static const int64_t pow10_table[10] = {1,      10,      100,      1000,      10000,
                                        100000, 1000000, 10000000, 100000000, 1000000000};

static bool xml_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* xs:decimal into magnitude × 10^PLACES and a sign. */
static enum time_error parse_scaled(const char *s, int places, uint64_t *mag, bool *neg)
{
	const char *p, *end;
	uint64_t ip = 0, fp = 0;
	int idigits = 0, fdigits = 0;
	bool over = false, precision = false;

	if (!s)
		return TIME_ERR_EMPTY;
	if (places < 0 || places > 9)
		return TIME_ERR_RANGE;
	p = s;
	end = s + strlen(s);
	while (p < end && xml_space(*p))
		p++;
	while (end > p && xml_space(end[-1]))
		end--;
	if (p == end)
		return TIME_ERR_EMPTY;
	*neg = *p == '-';
	if (*p == '-' || *p == '+')
		p++;
	for (; p < end && g_ascii_isdigit(*p); p++, idigits++) {
		unsigned d = (unsigned)(*p - '0');
		if (ip > (UINT64_MAX - d) / 10)
			over = true;
		else
			ip = ip * 10 + d;
	}
	if (p < end && *p == '.')
		for (p++; p < end && g_ascii_isdigit(*p); p++, fdigits++) {
			if (fdigits < places)
				fp = fp * 10 + (uint64_t)(*p - '0');
			else if (*p != '0')
				precision = true;
		}
	if (p != end || idigits + fdigits == 0)
		return TIME_ERR_SYNTAX;
	if (precision)
		return TIME_ERR_PRECISION;
	for (int k = fdigits; k < places; k++)
		fp *= 10;
	/* the magnitude must fit an int64 of the given sign */
	uint64_t limit = *neg ? (uint64_t)INT64_MAX + 1 : (uint64_t)INT64_MAX;
	uint64_t scale = (uint64_t)pow10_table[places];
	if (over || ip > (limit - fp) / scale)
		return TIME_ERR_OVERFLOW;
	*mag = ip * scale + fp;
	if (*mag == 0)
		*neg = false; /* "-0.0" is zero */
	return TIME_OK;
}

static int64_t signed_of(uint64_t mag, bool neg)
{
	/* mag <= 2^63 when neg, checked by parse_scaled */
	return neg ? (int64_t)(0 - mag) : (int64_t)mag;
}

enum time_error decimal_parse(const char *s, int places, int64_t *out)
{
	uint64_t mag;
	bool neg;
	enum time_error e = parse_scaled(s, places, &mag, &neg);

	if (e == TIME_OK)
		*out = signed_of(mag, neg);
	return e;
}

char *decimal_format(int64_t v, int places, bool trim)
{
	uint64_t mag = v < 0 ? -(uint64_t)v : (uint64_t)v;
	char frac[16];
	int len;

	places = CLAMP(places, 0, 9);
	if (places == 0)
		return g_strdup_printf("%s%" G_GUINT64_FORMAT, v < 0 ? "-" : "", mag);
	uint64_t scale = (uint64_t)pow10_table[places];
	len = g_snprintf(frac, sizeof frac, ".%0*" G_GUINT64_FORMAT, places, mag % scale);
	if (trim) {
		while (len > 1 && frac[len - 1] == '0')
			frac[--len] = '\0';
		if (len == 1)
			frac[0] = '\0';
	}
	return g_strdup_printf("%s%" G_GUINT64_FORMAT "%s", v < 0 ? "-" : "", mag / scale, frac);
}

enum time_error percent_parse(const char *s, int64_t *out)
{
	uint64_t mag;
	bool neg;
	enum time_error e = parse_scaled(s, PERCENT_PLACES, &mag, &neg);

	/* a number too large for int64 is above 100 first */
	if (e == TIME_ERR_OVERFLOW)
		return neg ? TIME_ERR_NEGATIVE : TIME_ERR_TOO_LARGE;
	if (e != TIME_OK)
		return e;
	if (neg)
		return TIME_ERR_NEGATIVE;
	if (mag > PERCENT_100)
		return TIME_ERR_TOO_LARGE;
	*out = (int64_t)mag;
	return TIME_OK;
}

char *percent_format(int64_t v)
{
	return decimal_format(v, PERCENT_PLACES, true);
}

bool percent_product(const int64_t *a, size_t n, int64_t *out, bool *exact)
{
	uint32_t *limb;
	bool zero_tail = true;

	for (size_t i = 0; i < n; i++)
		if (a[i] < 0 || a[i] > PERCENT_100)
			return false;
	if (n == 0) {
		*out = PERCENT_100;
		*exact = true;
		return true;
	}
	/* a[i] / 10^6 is the fraction; the product of n of them is below 10^(6n), n + 1 limbs */
	limb = g_new0(uint32_t, n + 1);
	limb[0] = (uint32_t)(a[0] % LIMB);
	limb[1] = (uint32_t)(a[0] / LIMB);
	for (size_t i = 1; i < n; i++) {
		uint64_t carry = 0;
		for (size_t k = 0; k <= n; k++) {
			uint64_t t = (uint64_t)limb[k] * (uint64_t)a[i] + carry;
			limb[k] = (uint32_t)(t % LIMB);
			carry = t / LIMB;
		}
	}
	for (size_t k = 0; k + 1 < n; k++)
		zero_tail &= limb[k] == 0;
	*out = (int64_t)limb[n - 1] + (int64_t)limb[n] * LIMB;
	*exact = zero_tail;
	g_free(limb);
	return true;
}

int percent_product_compare(const int64_t *a, size_t n, int64_t target)
{
	int64_t floor_value;
	bool exact;

	if (!percent_product(a, n, &floor_value, &exact))
		return -2;
	if (floor_value != target)
		return floor_value < target ? -1 : 1;
	/* equal to 4 places: anything dropped was above the target */
	return exact ? 0 : 1;
}

char *percent_product_describe(const int64_t *a, size_t n, int places)
{
	int64_t v;
	bool exact;
	GString *s;

	if (!percent_product(a, n, &v, &exact))
		return NULL;
	places = CLAMP(places, 0, PERCENT_PLACES);
	v -= v % pow10_table[PERCENT_PLACES - places]; /* down, never overstating */
	s = g_string_new(NULL);
	for (size_t i = 0; i < n; i++) {
		char *p = percent_format(a[i]);
		g_string_append_printf(s, "%s%s%%", i ? " \xc3\x97 " : "", p);
		g_free(p);
	}
	if (n != 1 || v != a[0]) {
		char *r = percent_format(v);
		g_string_append_printf(s, "%s%s%%", n ? " = " : "", r);
		g_free(r);
	}
	return g_string_free(s, FALSE);
}

enum time_error money_parse(const char *s, int64_t *cents)
{
	return decimal_parse(s, 2, cents);
}

char *money_format(int64_t cents)
{
	return decimal_format(cents, 2, false);
}

bool money_add(int64_t a, int64_t b, int64_t *out)
{
	return !__builtin_add_overflow(a, b, out);
}

bool money_mul(int64_t cents, int64_t n, int64_t *out)
{
	return !__builtin_mul_overflow(cents, n, out);
}

bool money_percent(int64_t cents, int64_t percent, int64_t *out)
{
	wide_int p = (wide_int)cents * percent;
	wide_int q = p / PERCENT_100, r = p % PERCENT_100;

	/* half away from zero, as invoices round */
	if ((r < 0 ? -r : r) * 2 >= PERCENT_100)
		q += p < 0 ? -1 : 1;
	if (q > INT64_MAX || q < INT64_MIN)
		return false;
	*out = (int64_t)q;
	return true;
}
