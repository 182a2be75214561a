/* CJK line-breaking prohibitions (see linebreak.h).  The two character classes are the ones
 * GB/T 15834 (标点符号用法) forbids at the start and at the end of a line; two em dashes (——) and
 * two ellipses (……) are one mark and never split either. */
#include "linebreak.h"

/* Closing punctuation, stops, pauses, closing quotes and brackets, ellipsis, percent signs. */
static const gunichar no_start[] = {
    0xFF0C /* ， */, 0x3002 /* 。 */, 0x3001 /* 、 */, 0xFF1B /* ； */, 0xFF1A /* ： */,
    0xFF1F /* ？ */, 0xFF01 /* ！ */, 0xFF09 /* ） */, 0x300D /* 」 */, 0x300F /* 』 */,
    0x3011 /* 】 */, 0x300B /* 》 */, 0x3009 /* 〉 */, 0x201D /* ” */,  0x2019 /* ’ */,
    0x2026 /* … */,  0x0025 /* % */,  0xFF05 /* ％ */, 0x2030 /* ‰ */,  0x3015 /* 〕 */,
    0xFF3D /* ］ */, 0xFF5D /* ｝ */, 0x3017 /* 〗 */, 0xFF0E /* ． */, 0x00B7 /* · */,
    0x30FB /* ・ */, 0x2103 /* ℃ */,
};

/* Opening brackets and quotes. */
static const gunichar no_end[] = {
    0xFF08 /* （ */, 0x300C /* 「 */, 0x300E /* 『 */, 0x3010 /* 【 */,
    0x300A /* 《 */, 0x3008 /* 〈 */, 0x201C /* “ */,  0x2018 /* ‘ */,
    0x3014 /* 〔 */, 0xFF3B /* ［ */, 0xFF5B /* ｛ */, 0x3016 /* 〖 */,
};

static bool member(gunichar c, const gunichar *set, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (set[i] == c)
			return true;
	return false;
}

bool linebreak_no_start(gunichar c)
{
	return member(c, no_start, G_N_ELEMENTS(no_start));
}

bool linebreak_no_end(gunichar c)
{
	return member(c, no_end, G_N_ELEMENTS(no_end));
}

/* True when no break may fall between A and B. */
static bool glued(gunichar a, gunichar b)
{
	if (linebreak_no_start(b) || linebreak_no_end(a))
		return true;
	return a == 0x2014 && b == 0x2014; /* —— */
}

/* Append [start, end), merging with the last range when they share a character (ranges that
 * merely touch stay apart: merging them would forbid the break between them). */
static void add(GArray *out, unsigned start, unsigned end)
{
	if (out->len > 0) {
		struct lb_range *last = &g_array_index(out, struct lb_range, out->len - 1);
		if (start < last->end) {
			last->end = MAX(last->end, end);
			return;
		}
	}
	struct lb_range r = {start, end};
	g_array_append_val(out, r);
}

GArray *linebreak_forbidden(const char *text, size_t len)
{
	GArray *out = g_array_new(FALSE, FALSE, sizeof(struct lb_range));
	const char *end = text + len;
	const char *prev = NULL;
	gunichar pc = 0;

	for (const char *p = text, *next; p < end; p = next) {
		gunichar c = g_utf8_get_char(p);
		next = g_utf8_next_char(p);
		if (next > end) /* a truncated last character: nothing after it to glue */
			break;
		if (prev && glued(pc, c))
			add(out, (unsigned)(prev - text), (unsigned)(next - text));
		prev = p;
		pc = c;
	}
	return out;
}
