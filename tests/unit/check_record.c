/* slm build's record (pipeline/record.c): names escaped so that none forges a line or a field,
 * strict parsing (a line that does not parse is dropped), and byte-identical round trips. */
#include "record.h"

#include <check.h>
#include <stdlib.h>
#include <string.h>

static char *written(const struct record *r)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);

	record_write(f, r);
	fclose(f);
	return buf;
}

static const char sha[] = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
static const char key[] = "fedcba9876543210fedcba9876543210fedcba9876543210fedcba9876543210";

START_TEST(test_names_escaped_and_read_back)
{
	struct record *r = record_new(), *back = record_new();
	struct output_id id = {1, 2, 3, 4, ""};
	GPtrArray *deps = g_ptr_array_new_with_free_func(g_free);
	struct record_file *f = g_new0(struct record_file, 1);
	const struct record_output *o;
	char *text, *again;

	strcpy(id.sha, sha);
	strcpy(f->sha, sha);
	g_ptr_array_add(deps, g_strdup("a\tb\nfile\tx.xml"));
	g_hash_table_insert(r->outputs, g_strdup("sub/x\r\\y.pdf"),
			    record_output_new(&id, key, deps));
	g_hash_table_insert(r->files, g_strdup("in\nput\toutput\t../x"), f);
	r->status = 1;
	r->digest = g_strdup(sha);
	r->zone = g_strdup("Asia/Shanghai\tzone\tX");
	text = written(r);
	ck_assert_ptr_nonnull(strstr(text, "output\tsub/x\\r\\\\y.pdf\t1\t2\t3\t4\t"));
	ck_assert_ptr_nonnull(strstr(text, "zone\tAsia/Shanghai\\tzone\\tX\n"));
	ck_assert_ptr_nonnull(strstr(text, "\ta\\tb\\nfile\\tx.xml\n"));
	ck_assert_ptr_nonnull(strstr(text, "file\tin\\nput\\toutput\\t../x\t0\t0\t0\t0\t"));
	record_parse(back, text, strlen(text));
	ck_assert_int_eq(back->status, 1);
	ck_assert_uint_eq(g_hash_table_size(back->outputs), 1);
	ck_assert_uint_eq(g_hash_table_size(back->files), 1);
	o = g_hash_table_lookup(back->outputs, "sub/x\r\\y.pdf");
	ck_assert_ptr_nonnull(o);
	ck_assert_str_eq(o->deps->pdata[0], "a\tb\nfile\tx.xml");
	ck_assert_uint_eq(o->id.ino, 2);
	ck_assert_str_eq(o->key, key);
	ck_assert_str_eq(back->zone, "Asia/Shanghai\tzone\tX");
	again = written(back);
	ck_assert_str_eq(again, text);
	free(text);
	free(again);
	record_free(r);
	record_free(back);
}
END_TEST

START_TEST(test_what_does_not_parse_is_dropped)
{
	struct record *r = record_new();
	char *text = g_strdup_printf(
	    "slm-build\t4\nstatus\t7\ndigest\tXYZ\nzone\tbad\\q\n"
	    "output\t../outside.pdf\t1\t2\t3\t4\t%s\t%s\tsrc.xml\n" /* outside the folder */
	    "output\t/abs.pdf\t1\t2\t3\t4\t%s\t%s\tsrc.xml\n"
	    "output\ta/./b.pdf\t1\t2\t3\t4\t%s\t%s\tsrc.xml\n"
	    "output\tbad\\q.pdf\t1\t2\t3\t4\t%s\t%s\tsrc.xml\n" /* an escape slm never writes */
	    "output\tnosha.pdf\t1\t2\t3\t4\tmissing\t%s\tsrc.xml\n" /* an output has a digest */
	    "output\tnokey.pdf\t1\t2\t3\t4\t%s\tsrc.xml\n"   /* format 3: no key */
	    "output\tbadkey.pdf\t1\t2\t3\t4\t%s\tmissing\tsrc.xml\n"
	    "output\tbig.pdf\t1\t2\t99999999999999999999999\t4\t%s\t%s\tsrc.xml\n"
	    "output\tok.pdf\t1\t2\t3\t4\t%s\t%s\tsrc.xml\n"
	    "file\tx.xml\t1\t2\t3\t-4\t%s\n"
	    "file\ty.xml\t1\t2\t3\t4\tNOTASHA\n",
	    sha, key, sha, key, sha, key, sha, key, key, sha, sha, sha, key, sha, key, sha);

	record_parse(r, text, strlen(text));
	ck_assert_int_eq(r->status, -1);
	ck_assert_ptr_null(r->digest);
	ck_assert_ptr_null(r->zone);
	ck_assert_uint_eq(g_hash_table_size(r->outputs), 1);
	ck_assert(g_hash_table_contains(r->outputs, "ok.pdf"));
	ck_assert_uint_eq(g_hash_table_size(r->files), 0);
	record_free(r);
	g_free(text);
}
END_TEST

START_TEST(test_another_format_is_no_record)
{
	struct record *r = record_new();
	const char *v2 = "slm-build\t2\nstatus\t0\noutput\tx.pdf\tsrc.xml\n";
	/* format 3 made no output as of anything: its PDFs are made again */
	char *v3 = g_strdup_printf("slm-build\t3\nstatus\t0\ndigest\t%s\n"
				   "output\tx.pdf\t1\t2\t3\t4\t%s\tsrc.xml\n",
				   sha, sha);

	record_parse(r, v2, strlen(v2));
	ck_assert_int_eq(r->status, -1);
	ck_assert_uint_eq(g_hash_table_size(r->outputs), 0);
	record_parse(r, v3, strlen(v3));
	ck_assert_int_eq(r->status, -1);
	ck_assert_ptr_null(r->digest);
	ck_assert_uint_eq(g_hash_table_size(r->outputs), 0);
	g_free(v3);
	record_free(r);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("record");
	TCase *tc = tcase_create("core");
	SRunner *sr;
	int failed;

	tcase_add_test(tc, test_names_escaped_and_read_back);
	tcase_add_test(tc, test_what_does_not_parse_is_dropped);
	tcase_add_test(tc, test_another_format_is_no_record);
	suite_add_tcase(s, tc);
	sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
