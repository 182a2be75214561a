/* Outputs (pipeline/output.c): written inside their folder through no link, never into a FIFO,
 * never through a folder swapped for a link during the run; removed only when proven. */
#include "output.h"

#include <check.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static char base[64];

static char *at(const char *rel)
{
	return g_build_filename(base, rel, NULL);
}

static void setup(void)
{
	strcpy(base, "/tmp/slm-output.XXXXXX");
	ck_assert_ptr_nonnull(mkdtemp(base));
}

static void teardown(void)
{
	char *cmd = g_strdup_printf("rm -rf '%s'", base);
	ck_assert_int_eq(system(cmd), 0);
	g_free(cmd);
}

static bool exists(const char *rel)
{
	char *p = at(rel);
	struct stat st;
	bool yes = lstat(p, &st) == 0;
	g_free(p);
	return yes;
}

START_TEST(test_folder_swapped_for_a_link_during_the_run)
{
	char *dir = at("out"), *moved = at("moved"), *elsewhere = at("elsewhere"), *file = at("out/x.txt");
	struct output o;

	ck_assert_int_eq(mkdir(dir, 0755), 0);
	ck_assert_int_eq(mkdir(elsewhere, 0755), 0);
	ck_assert(output_open(&o, file));
	fputs("data", o.fp);
	ck_assert_int_eq(rename(dir, moved), 0);
	ck_assert_int_eq(symlink(elsewhere, dir), 0);
	ck_assert(!output_commit(&o));
	ck_assert(!exists("elsewhere/x.txt"));
	ck_assert(!exists("moved/x.txt"));
	g_free(dir);
	g_free(moved);
	g_free(elsewhere);
	g_free(file);
}
END_TEST

START_TEST(test_no_link_no_fifo)
{
	char *elsewhere = at("elsewhere"), *link = at("link"), *through = at("link/x.txt");
	char *fifo = at("fifo"), *why = NULL;
	struct output o;
	int fd;

	ck_assert_int_eq(mkdir(elsewhere, 0755), 0);
	ck_assert_int_eq(symlink(elsewhere, link), 0);
	ck_assert(!output_open(&o, through));
	ck_assert_int_eq(fd = output_dir_open(link, true, &why), -1);
	ck_assert_ptr_nonnull(strstr(why, "is a symbolic link; slm writes through no link"));
	ck_assert_int_eq(mkfifo(fifo, 0644), 0);
	ck_assert(!output_open(&o, fifo));
	ck_assert(!exists("elsewhere/x.txt"));
	g_free(why);
	g_free(elsewhere);
	g_free(link);
	g_free(through);
	g_free(fifo);
}
END_TEST

START_TEST(test_removed_only_when_proven)
{
	char *file = at("x.pdf");
	struct output o;
	struct output_id id, later;

	ck_assert(output_open(&o, file));
	fputs("one", o.fp);
	ck_assert(output_commit(&o));
	ck_assert(output_identify(file, &id, true));
	ck_assert_uint_eq(id.size, 3);
	ck_assert(output_identify(file, &later, true));
	ck_assert_str_eq(later.sha, id.sha);
	/* the same name, another file (another inode): not proven */
	ck_assert(output_open(&o, file));
	fputs("two", o.fp);
	ck_assert(output_commit(&o));
	ck_assert(!output_remove(file, &id));
	ck_assert(exists("x.pdf"));
	ck_assert(output_identify(file, &later, true));
	ck_assert(output_remove(file, &later));
	ck_assert(!exists("x.pdf"));
	g_free(file);
}
END_TEST

START_TEST(test_only_new_never_replaces)
{
	char *file = at("new.xml");
	struct output o;
	FILE *f = fopen(file, "w");

	ck_assert(output_open(&o, file));
	o.only_new = true;
	fputs("mine", o.fp);
	fputs("theirs", f); /* created between the check and the commit */
	fclose(f);
	ck_assert(!output_commit(&o));
	f = fopen(file, "r");
	{
		char buf[16] = {0};
		ck_assert_ptr_nonnull(fgets(buf, sizeof buf, f));
		ck_assert_str_eq(buf, "theirs");
	}
	fclose(f);
	g_free(file);
}
END_TEST

START_TEST(test_xml_not_written_into_the_repository)
{
	char *repo = at("repo"), *doc = at("repo/doc.xml"), *txt = at("repo/report.txt");
	char *out = at("repo/out"), *rec = at("repo/out/.slm-build"), *inside = at("repo/out/check.xml");
	struct output o;
	FILE *f;

	ck_assert_int_eq(mkdir(repo, 0755), 0);
	ck_assert_int_eq(mkdir(out, 0755), 0);
	output_guard_repository(repo);
	ck_assert(!output_open(&o, doc));
	ck_assert(output_open(&o, txt));
	output_abort(&o);
	ck_assert(!output_open(&o, inside));
	ck_assert_ptr_nonnull(f = fopen(rec, "w"));
	fputs(OUTPUT_RECORD_HEAD "\n", f);
	fclose(f);
	ck_assert(output_open(&o, inside)); /* slm build's output folder */
	output_abort(&o);
	output_guard_repository(NULL);
	ck_assert(!exists("repo/doc.xml"));
	g_free(repo);
	g_free(doc);
	g_free(txt);
	g_free(out);
	g_free(rec);
	g_free(inside);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("output");
	TCase *tc = tcase_create("core");
	SRunner *sr;
	int failed;

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_folder_swapped_for_a_link_during_the_run);
	tcase_add_test(tc, test_no_link_no_fifo);
	tcase_add_test(tc, test_removed_only_when_proven);
	tcase_add_test(tc, test_only_new_never_replaces);
	tcase_add_test(tc, test_xml_not_written_into_the_repository);
	suite_add_tcase(s, tc);
	sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
