/* Unit tests of the CJK line-breaking prohibitions: closing punctuation never starts a line,
 * opening brackets never end one, ranges are byte ranges over [previous, forbidden] characters,
 * overlapping ranges merge, touching ones do not. */
#include "linebreak.h"

#include <check.h>
#include <string.h>

static GArray *ranges(const char *s)
{
	return linebreak_forbidden(s, strlen(s));
}

static struct lb_range at(GArray *a, unsigned i)
{
	return g_array_index(a, struct lb_range, i);
}

START_TEST(test_plain_text_has_none)
{
	GArray *a = ranges("服务级别协议 SLA text");
	ck_assert_uint_eq(a->len, 0);
	g_array_free(a, TRUE);
	a = ranges("");
	ck_assert_uint_eq(a->len, 0);
	g_array_free(a, TRUE);
}
END_TEST

START_TEST(test_comma_glued_to_previous)
{
	/* "甲，乙": 甲 is bytes 0-2, ， 3-5: no break between them */
	GArray *a = ranges("甲，乙");
	ck_assert_uint_eq(a->len, 1);
	ck_assert_uint_eq(at(a, 0).start, 0);
	ck_assert_uint_eq(at(a, 0).end, 6);
	g_array_free(a, TRUE);
}
END_TEST

START_TEST(test_every_closing_mark)
{
	const char *marks[] = {"，", "。", "、", "；", "：", "？", "！", "）", "」",
	                       "』", "】", "》", "〉", "”",  "’",  "…",  "%"};
	for (unsigned i = 0; i < G_N_ELEMENTS(marks); i++) {
		char *s = g_strconcat("字", marks[i], NULL);
		GArray *a = ranges(s);
		ck_assert_msg(a->len == 1, "no range before %s", marks[i]);
		ck_assert_uint_eq(at(a, 0).start, 0);
		ck_assert_uint_eq(at(a, 0).end, strlen(s));
		g_array_free(a, TRUE);
		g_free(s);
	}
}
END_TEST

START_TEST(test_every_opening_mark)
{
	const char *marks[] = {"（", "「", "『", "【", "《", "〈", "“", "‘"};
	for (unsigned i = 0; i < G_N_ELEMENTS(marks); i++) {
		char *s = g_strconcat("字", marks[i], "文", NULL);
		GArray *a = ranges(s);
		ck_assert_msg(a->len == 1, "no range after %s", marks[i]);
		ck_assert_uint_eq(at(a, 0).start, 3);
		ck_assert_uint_eq(at(a, 0).end, strlen(s));
		g_array_free(a, TRUE);
		g_free(s);
	}
}
END_TEST

START_TEST(test_mark_at_start_or_end_alone)
{
	/* a closing mark first, an opening mark last: nothing to glue them to */
	GArray *a = ranges("。文（");
	ck_assert_uint_eq(a->len, 0);
	g_array_free(a, TRUE);
}
END_TEST

START_TEST(test_overlapping_ranges_merge)
{
	/* 《服务》。: 《服 [0,6), 务》 [6,12), 》。 [9,15) → [0,6) and [6,15) */
	GArray *a = ranges("《服务》。");
	ck_assert_uint_eq(a->len, 2);
	ck_assert_uint_eq(at(a, 0).start, 0);
	ck_assert_uint_eq(at(a, 0).end, 6);
	ck_assert_uint_eq(at(a, 1).start, 6);
	ck_assert_uint_eq(at(a, 1).end, 15);
	g_array_free(a, TRUE);
}
END_TEST

START_TEST(test_touching_ranges_stay_apart)
{
	/* 甲，乙。: [0,6) and [6,12): the break between ， and 乙 stays allowed */
	GArray *a = ranges("甲，乙。");
	ck_assert_uint_eq(a->len, 2);
	ck_assert_uint_eq(at(a, 0).end, 6);
	ck_assert_uint_eq(at(a, 1).start, 6);
	g_array_free(a, TRUE);
}
END_TEST

START_TEST(test_dashes_and_ellipses_hold)
{
	GArray *a = ranges("甲——乙……");
	/* —— [3,9); 乙… [9,15) and …… [12,18) merge into [9,18) */
	ck_assert_uint_eq(a->len, 2);
	ck_assert_uint_eq(at(a, 0).start, 3);
	ck_assert_uint_eq(at(a, 0).end, 9);
	ck_assert_uint_eq(at(a, 1).start, 9);
	ck_assert_uint_eq(at(a, 1).end, 18);
	g_array_free(a, TRUE);
}
END_TEST

START_TEST(test_latin_neighbours)
{
	/* "99.9%" : the percent sign stays with its number; "(SLA）" closes on a Latin letter */
	GArray *a = ranges("99.9%");
	ck_assert_uint_eq(a->len, 1);
	ck_assert_uint_eq(at(a, 0).start, 3);
	ck_assert_uint_eq(at(a, 0).end, 5);
	g_array_free(a, TRUE);
	a = ranges("SLA）");
	ck_assert_uint_eq(a->len, 1);
	ck_assert_uint_eq(at(a, 0).start, 2);
	ck_assert_uint_eq(at(a, 0).end, 6);
	g_array_free(a, TRUE);
}
END_TEST

START_TEST(test_truncated_text)
{
	/* a length that cuts ， in half: the half character is ignored, nothing overruns */
	GArray *a = linebreak_forbidden("甲，", 4);
	ck_assert_uint_eq(a->len, 0);
	g_array_free(a, TRUE);
}
END_TEST

START_TEST(test_classes)
{
	ck_assert(linebreak_no_start(0x3002));
	ck_assert(!linebreak_no_start(0xFF08));
	ck_assert(linebreak_no_end(0xFF08));
	ck_assert(!linebreak_no_end(0x3002));
	ck_assert(!linebreak_no_start('a'));
}
END_TEST

static Suite *linebreak_suite(void)
{
	Suite *s = suite_create("linebreak");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, test_plain_text_has_none);
	tcase_add_test(tc, test_comma_glued_to_previous);
	tcase_add_test(tc, test_every_closing_mark);
	tcase_add_test(tc, test_every_opening_mark);
	tcase_add_test(tc, test_mark_at_start_or_end_alone);
	tcase_add_test(tc, test_overlapping_ranges_merge);
	tcase_add_test(tc, test_touching_ranges_stay_apart);
	tcase_add_test(tc, test_dashes_and_ellipses_hold);
	tcase_add_test(tc, test_latin_neighbours);
	tcase_add_test(tc, test_truncated_text);
	tcase_add_test(tc, test_classes);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	SRunner *sr = srunner_create(linebreak_suite());
	int failed;

	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? 0 : 1;
}
