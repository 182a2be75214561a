/* Unit tests of the paginator: page fill, forced breaks, keeps, widows and orphans, tables that
 * break with repeated header rows and never split a row, oversized items. */
#include "paginate.h"

#include <check.h>

static struct pg_item line(int group)
{
	struct pg_item it = {10, 0, group, -1, false, false, false};
	return it;
}

static struct pg_page page(GArray *pages, unsigned i)
{
	return g_array_index(pages, struct pg_page, i);
}

START_TEST(test_fill)
{
	struct pg_item items[25];
	GArray *pages;

	for (int i = 0; i < 25; i++)
		items[i] = line(-1);
	pages = paginate(items, 25, 100, NULL);
	ck_assert_uint_eq(pages->len, 3);
	ck_assert_uint_eq(page(pages, 0).end, 10);
	ck_assert_uint_eq(page(pages, 1).first, 10);
	ck_assert_uint_eq(page(pages, 2).end, 25);
	g_array_free(pages, TRUE);
}
END_TEST

START_TEST(test_empty)
{
	GArray *pages = paginate(NULL, 0, 100, NULL);
	ck_assert_uint_eq(pages->len, 1);
	ck_assert_uint_eq(page(pages, 0).end, 0);
	g_array_free(pages, TRUE);
}
END_TEST

START_TEST(test_space_dropped_at_top)
{
	struct pg_item items[11];
	GArray *pages;

	for (int i = 0; i < 11; i++) {
		items[i] = line(-1);
		items[i].space_before = 5;
	}
	/* 10 + 9×15 = 145 > 100: 7 fit (10 + 6×15 = 100) */
	pages = paginate(items, 11, 100, NULL);
	ck_assert_uint_eq(page(pages, 0).end, 7);
	ck_assert_uint_eq(page(pages, 1).end, 11);
	g_array_free(pages, TRUE);
}
END_TEST

START_TEST(test_forced_break)
{
	struct pg_item items[4] = {line(-1), line(-1), line(-1), line(-1)};
	GArray *pages;

	items[2].break_before = true;
	pages = paginate(items, 4, 100, NULL);
	ck_assert_uint_eq(pages->len, 2);
	ck_assert_uint_eq(page(pages, 0).end, 2);
	g_array_free(pages, TRUE);
}
END_TEST

START_TEST(test_heading_keeps_with_next)
{
	struct pg_item items[11];
	GArray *pages;

	for (int i = 0; i < 11; i++)
		items[i] = line(-1);
	items[9].keep_with_next = true; /* a heading as the last item that fits */
	pages = paginate(items, 11, 100, NULL);
	ck_assert_uint_eq(page(pages, 0).end, 9);
	ck_assert_uint_eq(page(pages, 1).first, 9);
	g_array_free(pages, TRUE);
}
END_TEST

START_TEST(test_orphan)
{
	/* 9 single lines, then a 5-line paragraph: only its first line would fit */
	struct pg_item items[14];
	GArray *pages;

	for (int i = 0; i < 9; i++)
		items[i] = line(-1);
	for (int i = 9; i < 14; i++)
		items[i] = line(1);
	pages = paginate(items, 14, 100, NULL);
	ck_assert_uint_eq(page(pages, 0).end, 9);
	g_array_free(pages, TRUE);
}
END_TEST

START_TEST(test_widow)
{
	/* 6 single lines, then a 5-line paragraph: 4 would fit, leaving 1 alone on the next page */
	struct pg_item items[11];
	GArray *pages;

	for (int i = 0; i < 6; i++)
		items[i] = line(-1);
	for (int i = 6; i < 11; i++)
		items[i] = line(1);
	pages = paginate(items, 11, 100, NULL);
	ck_assert_uint_eq(page(pages, 0).end, 9); /* 3 lines stay, 2 go */
	ck_assert_uint_eq(page(pages, 1).end, 11);
	g_array_free(pages, TRUE);
}
END_TEST

START_TEST(test_table_repeats_header)
{
	/* a caption keeping with the head, a head row, 30 body rows of 10 on 100-point pages */
	struct pg_item items[32];
	double head[1] = {12};
	GArray *pages;

	items[0] = line(-1);
	items[0].keep_with_next = true;
	items[1] = line(-1);
	items[1].height = 12;
	items[1].table = 0;
	items[1].table_head = true;
	for (int i = 2; i < 32; i++) {
		items[i] = line(-1);
		items[i].table = 0;
	}
	pages = paginate(items, 32, 100, head);
	/* page 1: caption 10 + head 12 + 7 rows = 92 */
	ck_assert_uint_eq(page(pages, 0).end, 9);
	ck_assert_int_eq(page(pages, 0).repeat_table, -1);
	/* page 2: repeated head 12 + 8 rows = 92 */
	ck_assert_int_eq(page(pages, 1).repeat_table, 0);
	ck_assert_uint_eq(page(pages, 1).end, 17);
	ck_assert_uint_eq(pages->len, 4);
	ck_assert_int_eq(page(pages, 3).repeat_table, 0);
	ck_assert_uint_eq(page(pages, 3).end, 32);
	g_array_free(pages, TRUE);
}
END_TEST

START_TEST(test_head_never_ends_page)
{
	struct pg_item items[12];
	double head[1] = {10};
	GArray *pages;

	for (int i = 0; i < 12; i++)
		items[i] = line(-1);
	items[9].table = 0;
	items[9].table_head = true;
	items[10].table = 0;
	items[11].table = 0;
	pages = paginate(items, 12, 100, head);
	ck_assert_uint_eq(page(pages, 0).end, 9);
	ck_assert_int_eq(page(pages, 1).repeat_table, -1);
	g_array_free(pages, TRUE);
}
END_TEST

START_TEST(test_oversized_item)
{
	struct pg_item items[3] = {line(-1), line(-1), line(-1)};
	GArray *pages;

	items[1].height = 250;
	pages = paginate(items, 3, 100, NULL);
	ck_assert_uint_eq(pages->len, 3);
	ck_assert_uint_eq(page(pages, 1).first, 1);
	ck_assert_uint_eq(page(pages, 1).end, 2);
	g_array_free(pages, TRUE);
}
END_TEST

START_TEST(test_keep_chain_longer_than_page)
{
	/* every item keeps with the next: no break can satisfy that, so pages are simply full */
	struct pg_item items[25];
	GArray *pages;

	for (int i = 0; i < 25; i++) {
		items[i] = line(-1);
		items[i].keep_with_next = true;
	}
	pages = paginate(items, 25, 100, NULL);
	ck_assert_uint_eq(pages->len, 3);
	g_array_free(pages, TRUE);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("paginate");
	TCase *tc = tcase_create("core");
	SRunner *sr;
	int failed;

	tcase_add_test(tc, test_fill);
	tcase_add_test(tc, test_empty);
	tcase_add_test(tc, test_space_dropped_at_top);
	tcase_add_test(tc, test_forced_break);
	tcase_add_test(tc, test_heading_keeps_with_next);
	tcase_add_test(tc, test_orphan);
	tcase_add_test(tc, test_widow);
	tcase_add_test(tc, test_table_repeats_header);
	tcase_add_test(tc, test_head_never_ends_page);
	tcase_add_test(tc, test_oversized_item);
	tcase_add_test(tc, test_keep_chain_longer_than_page);
	suite_add_tcase(s, tc);
	sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? 1 : 0;
}
