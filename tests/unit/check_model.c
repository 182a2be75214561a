/* Unit tests of the index and the agreement model (issue 13): ids by target, the effective SLA's
 * versions, and the timeline — last day of service, how each agreement ends, the days an OLA or
 * contract is in force — on small repositories written to a temporary folder. */
#include "cli.h"
#include "index.h"
#include "model.h"
#include "repo.h"
#include "schema.h"

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static struct schema *schema;

static const char org[] =
	"<organization xmlns='urn:slm:1' id='ORG' name='Org'>"
	"<department id='D-OPS' name='Ops'/><department id='D-NET' name='Net'/>"
	"<person id='P-LI' name='Li' dept='D-OPS' roles='service-level-manager dept-head'/>"
	"<person id='P-WU' name='Wu' dept='D-NET' roles='dept-head'/>"
	"<customer id='C-1' name='Bank'/>"
	"<calendar id='CN' tz='Asia/Shanghai'><holiday from='2025-10-01' to='2025-10-08' "
	"name='National Day'/><workday date='2025-09-28'/></calendar>"
	"</organization>";

static const char catalog[] =
	"<catalog xmlns='urn:slm:1' id='CAT' currency='CNY' calendar='CN'>"
	"<tier level='1' name='High'><hours days='mon-sun' from='00:00' to='24:00'/></tier>"
	"<tier level='2' name='Mid'><hours days='mon-sun' from='08:00' to='20:00'/></tier>"
	"<service id='SVC-A'><name>A</name><component dept='D-NET'/>"
	"<offer tier='1' price='10' per='P1M'/><offer tier='2' price='5' per='P1M'/></service>"
	"<service id='SVC-B'><name>B</name><component dept='D-NET'/>"
	"<offer tier='2' price='5' per='P1M'/></service>"
	"</catalog>";

struct fixture {
	char dir[64];
	struct repo *repo;
	struct index *ix;
	struct model *m;
	struct diag_list *dl;
};

static void put(const char *dir, const char *name, const char *text)
{
	char *path = g_build_filename(dir, name, NULL);
	ck_assert(g_file_set_contents(path, text, -1, NULL));
	g_free(path);
}

/* Load the organization, the catalog and the NULL-terminated name/text pairs as of AS_OF. */
static void load(struct fixture *f, const char *as_of, ...)
{
	char *paths[2] = {f->dir, NULL};
	int32_t day;
	va_list ap;
	const char *name;

	strcpy(f->dir, "/tmp/slm-check-model-XXXXXX");
	ck_assert_ptr_nonnull(mkdtemp(f->dir));
	put(f->dir, "org.xml", org);
	put(f->dir, "catalog.xml", catalog);
	va_start(ap, as_of);
	while ((name = va_arg(ap, const char *)))
		put(f->dir, name, va_arg(ap, const char *));
	va_end(ap);
	ck_assert_int_eq(time_parse_date(as_of, &day), TIME_OK);
	f->dl = diag_list_new();
	f->repo = repo_load(paths, schema, true, f->dl);
	for (guint i = 0; i < f->dl->items->len; i++)
		fprintf(stderr, "%s\n", ((struct diag *)f->dl->items->pdata[i])->message);
	ck_assert_uint_eq(f->dl->items->len, 0);
	f->ix = index_build(f->repo);
	f->m = model_build(f->repo, f->ix, day);
}

static void unload(struct fixture *f)
{
	GDir *d = g_dir_open(f->dir, 0, NULL);
	const char *n;

	model_free(f->m);
	index_free(f->ix);
	repo_free(f->repo);
	diag_list_free(f->dl);
	while (d && (n = g_dir_read_name(d))) {
		char *p = g_build_filename(f->dir, n, NULL);
		unlink(p);
		g_free(p);
	}
	if (d)
		g_dir_close(d);
	rmdir(f->dir);
}

static int32_t day(const char *s)
{
	int32_t d = 0;
	ck_assert_int_eq(time_parse_date(s, &d), TIME_OK);
	return d;
}

static const struct doc *doc(struct fixture *f, const char *id, enum kind k)
{
	const struct doc *d = model_doc(f->m, id, k);
	ck_assert_ptr_nonnull(d);
	return d;
}

#define SLA_HEAD(id, status, extra)                                                                \
	"<sla xmlns='urn:slm:1' id='" id "' status='" status "' customer='C-1' catalog='CAT' "     \
	"calendar='CN' " extra "><title>t</title>"
#define SIGNED "<signature party='C-1' name='x' date='2024-12-01'/>"

static const char sla[] =
	SLA_HEAD("SLA-1", "signed", "") "<term start='2025-01-01' end='2025-12-31' notice='P1M'/>"
	"<service ref='SVC-A' tier='1'/><service ref='SVC-B' tier='2'/>"
	"<credit service='SVC-A' below='99.9' percent='5'/>"
	"<credit service='SVC-B' below='99.0' percent='2'/>" SIGNED "</sla>";
static const char sla_a1[] =
	SLA_HEAD("SLA-1-A1", "signed", "amends='SLA-1' effective='2025-07-01'")
	"<service ref='SVC-A' tier='2'/><remove service='SVC-B'>no longer</remove>"
	"<credit service='SVC-A' below='99.5' percent='3'/>" SIGNED "</sla>";
static const char sla_a2_draft[] =
	SLA_HEAD("SLA-1-A2", "draft", "amends='SLA-1' effective='2025-03-01'")
	"<remove service='SVC-A'/></sla>";

START_TEST(test_versions)
{
	struct fixture f;
	const struct sla_view *v;
	const struct sla_version *x;
	const struct doc *d;

	load(&f, "2025-11-30", "sla.xml", sla, "a1.xml", sla_a1, "a2.xml", sla_a2_draft, NULL);
	v = model_sla(f.m, "SLA-1");
	ck_assert_ptr_nonnull(v);
	ck_assert_ptr_eq(model_sla_of(f.m, "SLA-1-A1"), v);
	/* a draft additional SLA is not applied */
	ck_assert_uint_eq(v->amendments->len, 1);
	ck_assert_uint_eq(v->versions->len, 2);
	x = v->versions->pdata[0];
	ck_assert_int_eq(x->from, day("2025-01-01"));
	ck_assert_int_eq(x->to, day("2025-06-30"));
	ck_assert_uint_eq(x->services->len, 2);
	ck_assert_uint_eq(x->credits->len, 2);
	x = sla_version_at(v, day("2025-07-01"));
	ck_assert_ptr_eq(x, v->versions->pdata[1]);
	ck_assert_int_eq(x->to, day("2025-12-31"));
	/* SVC-A replaced (tier 2, from the additional SLA), SVC-B removed */
	ck_assert_uint_eq(x->services->len, 1);
	ck_assert_str_eq(node_attr(sla_version_service(x, "SVC-A", &d), "tier"), "2");
	ck_assert_str_eq(doc_id(d), "SLA-1-A1");
	ck_assert_ptr_null(sla_version_service(x, "SVC-B", NULL));
	/* credits are replaced per service: SVC-A's by the additional SLA's, SVC-B's kept */
	ck_assert_uint_eq(x->credits->len, 2);
	ck_assert_str_eq(node_attr(x->credits->pdata[0], "below"), "99.5");
	ck_assert_str_eq(doc_id(x->credit_docs->pdata[0]), "SLA-1-A1");
	ck_assert_str_eq(node_attr(x->credits->pdata[1], "below"), "99.0");
	ck_assert_ptr_null(sla_version_at(v, day("2026-01-01")));
	/* the timeline: runs to its term end */
	ck_assert(v->binding);
	ck_assert_int_eq(v->ending, ENDING_EXPIRY);
	ck_assert_int_eq(v->last, day("2025-12-31"));
	ck_assert(sla_in_force(v, day("2025-12-31")));
	ck_assert(!sla_in_force(v, day("2026-01-01")));
	unload(&f);
}
END_TEST

static const char termination[] =
	"<termination xmlns='urn:slm:1' id='T-1' sla='SLA-1-A1' initiator='customer' "
	"effective='2025-09-30' status='open'><reason>r</reason>"
	"<notice date='2025-08-15' person='P-LI'/>"
	"<extension person='P-LI' date='2025-09-20' until='2025-10-15'/></termination>";
static const char termination_late[] =
	"<termination xmlns='urn:slm:1' id='T-2' sla='SLA-1' initiator='provider' "
	"effective='2025-11-30' status='open'><reason>r</reason>"
	"<notice date='2025-08-15' person='P-LI'/></termination>";

START_TEST(test_termination)
{
	struct fixture f;
	const struct sla_view *v;
	int32_t last;

	/* a termination naming the additional SLA ends the base; its extension sets the last day;
	 * of two terminations the one ending the service first counts */
	load(&f, "2025-11-30", "sla.xml", sla, "a1.xml", sla_a1, "t.xml", termination, "t2.xml",
	     termination_late, NULL);
	v = model_sla(f.m, "SLA-1");
	ck_assert_int_eq(v->ending, ENDING_TERMINATION);
	ck_assert_int_eq(v->last, day("2025-10-15"));
	ck_assert_str_eq(doc_id(v->termination), "T-1");
	ck_assert(termination_last_day(doc(&f, "T-2", KIND_TERMINATION), day("2025-10-31"), &last));
	ck_assert_int_eq(last, day("2025-10-31")); /* at the latest the term end */
	ck_assert(!sla_in_force(v, day("2025-10-16")));
	unload(&f);
}
END_TEST

START_TEST(test_renewal_and_unknown)
{
	struct fixture f;
	const struct sla_view *v;
	static const char next[] = SLA_HEAD("SLA-2", "signed", "renews='SLA-1'")
		"<term start='2026-01-01' end='2026-12-31'/><service ref='SVC-A' tier='1'/>" SIGNED
		"</sla>";
	static const char gone[] = SLA_HEAD("SLA-3", "terminated", "")
		"<term start='2025-01-01' end='2025-12-31'/><service ref='SVC-A' tier='1'/>" SIGNED
		"</sla>";
	static const char draft[] = SLA_HEAD("SLA-4", "draft", "")
		"<service ref='SVC-A' tier='1'/></sla>";

	load(&f, "2025-11-30", "sla.xml", sla, "next.xml", next, "gone.xml", gone, "draft.xml",
	     draft, NULL);
	v = model_sla(f.m, "SLA-1");
	ck_assert_int_eq(v->ending, ENDING_RENEWAL);
	ck_assert_str_eq(doc_id(v->successor), "SLA-2");
	v = model_sla(f.m, "SLA-3");
	ck_assert_int_eq(v->ending, ENDING_UNKNOWN); /* terminated, no record of when */
	ck_assert(v->binding);
	v = model_sla(f.m, "SLA-4");
	ck_assert(!v->binding);
	ck_assert_int_eq(v->ending, ENDING_OPEN);
	ck_assert_int_eq(v->last, TIME_DAY_MAX);
	ck_assert(!sla_in_force(v, day("2025-06-01")));
	unload(&f);
}
END_TEST

#define OLA(id, status, start, end, sla, extra)                                                    \
	"<ola xmlns='urn:slm:1' id='" id "' status='" status "' dept='D-NET' calendar='CN'>"       \
	"<supports sla='" sla "' service='SVC-A'/><term start='" start "' end='" end "'/>"       \
	"<hours days='mon-sun' from='00:00' to='24:00'/>" extra "</ola>"

START_TEST(test_agreements)
{
	struct fixture f;
	const struct agreement *a;

	/* OLA-OLD ended mid-term: OLA-NEW (an additional OLA, for the additional SLA) took over;
	 * OLA-GONE says it ended although its term runs on, and nothing took over */
	load(&f, "2025-11-30", "sla.xml", sla, "a1.xml", sla_a1, "old.xml",
	     OLA("OLA-OLD", "ended", "2025-01-01", "2025-12-31", "SLA-1", ""), "new.xml",
	     OLA("OLA-NEW", "signed", "2025-07-01", "2025-12-31", "SLA-1-A1", ""), "gone.xml",
	     "<ola xmlns='urn:slm:1' id='OLA-GONE' status='terminated' dept='D-OPS' calendar='CN'>"
	     "<supports sla='SLA-1' service='SVC-A'/><term start='2025-01-01' end='2026-12-31'/>"
	     "<hours days='mon-fri' from='09:00' to='17:00'/></ola>",
	     "draft.xml", OLA("OLA-DRAFT", "draft", "2025-01-01", "2025-12-31", "SLA-1", ""),
	     NULL);
	a = model_agreement(f.m, doc(&f, "OLA-OLD", KIND_OLA));
	ck_assert_int_eq(a->ending, ENDING_REPLACED);
	ck_assert_str_eq(doc_id(a->successor), "OLA-NEW");
	ck_assert_int_eq(a->last, day("2025-06-30"));
	ck_assert(agreement_in_force(a, day("2025-06-30")));
	ck_assert(!agreement_in_force(a, day("2025-07-01")));
	ck_assert_str_eq(a->party, "D-NET");
	a = model_agreement(f.m, doc(&f, "OLA-NEW", KIND_OLA));
	ck_assert_int_eq(a->ending, ENDING_EXPIRY);
	ck_assert_int_eq(a->last, day("2025-12-31"));
	a = model_agreement(f.m, doc(&f, "OLA-GONE", KIND_OLA));
	ck_assert_int_eq(a->ending, ENDING_UNKNOWN);
	ck_assert_int_eq(a->last, day("2025-11-30")); /* the as-of date at the latest */
	a = model_agreement(f.m, doc(&f, "OLA-DRAFT", KIND_OLA));
	ck_assert(!a->binding);
	ck_assert(!agreement_in_force(a, day("2025-03-01")));
	ck_assert_ptr_null(model_agreement(f.m, doc(&f, "SLA-1", KIND_SLA)));
	/* hours are built with the model for agreements and tiers only */
	ck_assert_ptr_nonnull(model_hours(f.m, doc(&f, "OLA-GONE", KIND_OLA)->root));
	ck_assert_ptr_nonnull(model_tier_hours(f.m, "CAT", "2"));
	ck_assert_ptr_null(model_tier_hours(f.m, "CAT", "3"));
	ck_assert_ptr_null(model_hours(f.m, doc(&f, "SLA-1", KIND_SLA)->root));
	unload(&f);
}
END_TEST

START_TEST(test_index)
{
	struct fixture f;
	const struct entry *e;
	const struct doc *o;

	load(&f, "2025-11-30", "sla.xml", sla, "a1.xml", sla_a1, "dup.xml",
	     OLA("SLA-1", "draft", "2025-01-01", "2025-12-31", "SLA-1", ""), NULL);
	e = index_lookup(f.ix, "P-LI", TBIT(T_PERSON));
	ck_assert_ptr_nonnull(e);
	ck_assert_int_eq(e->target, T_PERSON);
	ck_assert_str_eq(node_attr(e->node, "name"), "Li");
	ck_assert_ptr_null(index_lookup(f.ix, "P-LI", TBIT(T_DEPARTMENT)));
	ck_assert_ptr_nonnull(index_lookup(f.ix, "SVC-B", TBIT(T_SERVICE)));
	ck_assert_ptr_nonnull(index_lookup(f.ix, "CN", TBIT(T_CALENDAR)));
	ck_assert_ptr_null(index_any(f.ix, "NOPE"));
	/* an id declared twice: the pair is recorded (later, first); the first declaration in path
	 * order (dup.xml before sla.xml) is the one listed by kind */
	ck_assert_uint_eq(f.ix->duplicates->len, 2);
	ck_assert_str_eq(((const struct entry *)f.ix->duplicates->pdata[1])->doc->path + strlen(f.dir),
			 "/dup.xml");
	ck_assert_uint_eq(f.ix->of[KIND_SLA]->len, 1);
	ck_assert_uint_eq(f.ix->of[KIND_OLA]->len, 1);
	ck_assert_ptr_nonnull(index_lookup(f.ix, "SLA-1", TBIT(KIND_OLA)));
	/* references by attribute */
	o = doc(&f, "SLA-1-A1", KIND_SLA);
	ck_assert_uint_eq(index_ref_mask(o->root, "amends"), TBIT(KIND_SLA));
	ck_assert_uint_eq(index_ref_mask(o->root, "effective"), 0);
	ck_assert_uint_eq(index_ref_mask(o->root, "customer"), TBIT(T_CUSTOMER));
	/* documents that name an id, by kind and attribute */
	ck_assert_uint_eq(model_referring(f.m, KIND_SLA, "amends", "SLA-1")->len, 1);
	ck_assert_uint_eq(model_referring(f.m, KIND_SLA, "renews", "SLA-1")->len, 0);
	unload(&f);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("model");
	TCase *tc = tcase_create("timeline");
	SRunner *sr;
	struct diag_list *dl = diag_list_new();
	int failed;

	cli_init();
	schema = schema_load(cli_data_dir(), dl);
	if (!schema) {
		fprintf(stderr, "check_model: no schema under %s\n", cli_data_dir());
		return 1;
	}
	tcase_add_test(tc, test_versions);
	tcase_add_test(tc, test_termination);
	tcase_add_test(tc, test_renewal_and_unknown);
	tcase_add_test(tc, test_agreements);
	tcase_add_test(tc, test_index);
	suite_add_tcase(s, tc);
	sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	schema_free(schema);
	diag_list_free(dl);
	return failed ? 1 : 0;
}
