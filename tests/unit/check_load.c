/* Unit tests of the loading helpers that work without libxml2: the reference scan render uses to
 * choose what to parse (root element, every attribute value, entities replaced, comments, CDATA
 * and processing instructions skipped), and the slab the documents of a repository live in. */
#include "doc.h"
#include "load.h"

#include <check.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* Scan TEXT written to a temporary file. */
static bool scan_text(const char *text, struct scan *sc)
{
	char path[] = "/tmp/slm-check-load-XXXXXX";
	int fd = mkstemp(path);
	bool ok;

	ck_assert_int_ge(fd, 0);
	ck_assert_int_eq(write(fd, text, strlen(text)), (int)strlen(text));
	close(fd);
	ok = load_scan(path, sc);
	unlink(path);
	return ok;
}

/* The value of the Ith pair and its name. */
static const char *pair(const struct scan *sc, unsigned i, const char **name)
{
	const char *p = sc->data;

	ck_assert_uint_lt(i, sc->pairs);
	for (unsigned k = 0; k < i; k++) {
		p += strlen(p) + 1;
		p += strlen(p) + 1;
	}
	*name = p;
	return p + strlen(p) + 1;
}

START_TEST(test_scan_root_and_values)
{
	struct scan sc;
	const char *name, *v;

	ck_assert(scan_text("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
			    "<!-- <sla id=\"NOT-ME\"/> -->\n"
			    "<s:report xmlns:s=\"urn:slm:1\" id=\"R-1\" sla='SLA-1'>\n"
			    "  <![CDATA[<incident id=\"NOT-ME-EITHER\"/>]]>\n"
			    "  <?pi <x id=\"NOR-ME\"?>\n"
			    "  <incident id=\"INC-1\" service = \"SVC-A\">text &amp; more</incident>\n"
			    "</s:report>\n",
			    &sc));
	ck_assert_str_eq(sc.root, "report");
	ck_assert_uint_eq(sc.root_pairs, 3);
	ck_assert_uint_eq(sc.pairs, 5);
	v = pair(&sc, 0, &name);
	ck_assert_str_eq(name, "xmlns:s");
	ck_assert_str_eq(v, "urn:slm:1");
	v = pair(&sc, 2, &name);
	ck_assert_str_eq(name, "sla");
	ck_assert_str_eq(v, "SLA-1");
	v = pair(&sc, 4, &name);
	ck_assert_str_eq(name, "service");
	ck_assert_str_eq(v, "SVC-A");
	load_scan_clear(&sc);
}
END_TEST

START_TEST(test_scan_entities_replaced)
{
	struct scan sc;
	const char *name, *v;

	ck_assert(scan_text("<sla id=\"A&amp;B&#x4E2D;&#25991;&lt;&quot;&apos;&gt;&bogus;\"/>", &sc));
	ck_assert_str_eq(sc.root, "sla");
	v = pair(&sc, 0, &name);
	ck_assert_str_eq(name, "id");
	ck_assert_str_eq(v, "A&B中文<\"'>bogus;");
	load_scan_clear(&sc);
}
END_TEST

START_TEST(test_scan_garbage_does_not_run_away)
{
	struct scan sc;

	ck_assert(!scan_text("no element at all", &sc));
	load_scan_clear(&sc);
	ck_assert(!scan_text("", &sc));
	load_scan_clear(&sc);
	/* an unterminated value, a comment that never ends: what was seen is kept */
	ck_assert(scan_text("<sla id=\"X\" name=\"never closed", &sc));
	ck_assert_str_eq(sc.root, "sla");
	ck_assert_uint_eq(sc.pairs, 1);
	load_scan_clear(&sc);
	ck_assert(scan_text("<sla id=\"X\"><!-- <ola id=\"Y\"/>", &sc));
	ck_assert_uint_eq(sc.pairs, 1);
	load_scan_clear(&sc);
	ck_assert(!load_scan("/nonexistent/slm/file.xml", &sc));
	load_scan_clear(&sc);
}
END_TEST

START_TEST(test_scan_keeps_at_most_its_bound)
{
	/* 3 MiB of attributes: the scan keeps its bound's worth and stops */
	GString *t = g_string_new("<sla id=\"S\"");
	struct scan sc;

	for (int i = 0; t->len < (3u << 20); i++)
		g_string_append_printf(t, " a%d=\"value-%d\"", i, i);
	g_string_append(t, "/>");
	ck_assert(scan_text(t->str, &sc));
	ck_assert_str_eq(sc.root, "sla");
	ck_assert_uint_le(sc.len, LOAD_SCAN_MAX);
	ck_assert_uint_gt(sc.pairs, 1000);
	ck_assert_uint_eq(sc.root_pairs, sc.pairs);
	load_scan_clear(&sc);
	g_string_free(t, TRUE);
}
END_TEST

/* A file named inside the confined repository that, opened, lies outside it (a link swapped in
 * after the scan) is not read; one that stays inside is. */
START_TEST(test_read_confined_to_the_repository)
{
	char tmpl[] = "/tmp/slm-confine.XXXXXX", *root, *outside, *inside, *link, *expected;
	struct diag_list *dl = diag_list_new();
	xmlDocPtr x;
	FILE *f;

	ck_assert_ptr_nonnull(mkdtemp(tmpl));
	root = g_build_filename(tmpl, "repo", NULL);
	outside = g_build_filename(tmpl, "secret.xml", NULL);
	inside = g_build_filename(root, "org.xml", NULL);
	link = g_build_filename(root, "swapped.xml", NULL);
	ck_assert_int_eq(mkdir(root, 0755), 0);
	for (int i = 0; i < 2; i++) {
		ck_assert_ptr_nonnull(f = fopen(i ? inside : outside, "w"));
		fputs("<organization xmlns=\"urn:slm:1\" id=\"ORG\" name=\"x\"/>", f);
		fclose(f);
	}
	ck_assert_int_eq(symlink(outside, link), 0);
	load_confine(root);
	x = load_parse(link, dl);
	ck_assert_ptr_null(x);
	ck_assert_uint_eq(dl->items->len, 1);
	expected = g_strdup_printf("not read: it leads out of the repository (to %s)", outside);
	ck_assert_str_eq(((struct diag *)dl->items->pdata[0])->message, expected);
	x = load_parse(inside, dl);
	ck_assert_ptr_nonnull(x);
	ck_assert_uint_eq(dl->items->len, 1);
	xmlFreeDoc(x);
	load_confine(NULL);
	unlink(link);
	unlink(inside);
	unlink(outside);
	rmdir(root);
	rmdir(tmpl);
	diag_list_free(dl);
	g_free(expected);
	g_free(root);
	g_free(outside);
	g_free(inside);
	g_free(link);
}
END_TEST

START_TEST(test_slab_zeroed_aligned_and_large)
{
	struct slab *s = slab_new(), *t = slab_new();
	char *a = slab_alloc0(s, 3), *b = slab_alloc0(s, 40), *big = slab_alloc0(s, 3u << 20);
	char *c = slab_alloc0(s, 1);

	ck_assert_uint_eq((uintptr_t)a % 16, 0);
	ck_assert_uint_eq((uintptr_t)b % 16, 0);
	ck_assert_ptr_eq(b, a + 16);
	ck_assert_ptr_eq(c, b + 48); /* the large one did not interrupt the current block */
	for (size_t i = 0; i < 40; i++)
		ck_assert_int_eq(b[i], 0);
	ck_assert_int_eq(big[(3u << 20) - 1], 0);
	memset(big, 1, 3u << 20);
	/* many blocks' worth */
	for (int i = 0; i < 5000; i++)
		memset(slab_alloc0(t, 1000), 2, 1000);
	slab_move(s, t);
	ck_assert_ptr_eq(slab_alloc0(s, 16), c + 16); /* still filling the same block */
	slab_free(t);
	slab_free(s);
	slab_free(NULL);
}
END_TEST

static Suite *load_suite(void)
{
	Suite *s = suite_create("load");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, test_scan_root_and_values);
	tcase_add_test(tc, test_scan_entities_replaced);
	tcase_add_test(tc, test_scan_garbage_does_not_run_away);
	tcase_add_test(tc, test_scan_keeps_at_most_its_bound);
	tcase_add_test(tc, test_slab_zeroed_aligned_and_large);
	tcase_add_test(tc, test_read_confined_to_the_repository);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	SRunner *sr = srunner_create(load_suite());
	int failed;

	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? 0 : 1;
}
