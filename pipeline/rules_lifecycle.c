/* Rules unsigned, role-mismatch and amendment-base: who signs and acts in the lifecycle of an
 * agreement.  Seed step 5 (签订合同: both parties sign the SLA), step 6 (供应商经理 signs the
 * supplier contract), step 9 (the OLAs, between the supporting department and the service level
 * manager), the roles table (流程角色) and the responsible person (责任人) of every step, and step 13
 * with change steps 2–3 (附加服务级别协议: an additional SLA changes a signed SLA from its effective
 * date).
 *
 * unsigned — an SLA, OLA or contract that is not a draft (signed, or ended or terminated: it was
 * in force, so it was signed; DESIGN §9) must carry, each with date= no later than its term start
 * (an additional SLA: its effective date):
 *   SLA       party=<its customer> with name=, and party=<the organization> with person=;
 *   contract  party=<its supplier> with name=, and party=<the organization> with person=;
 *   OLA       a person of the OLA's department (or the head of a department above it) and a
 *             service level manager, on two different signatures (the reference repository has
 *             OLA-OPS-RETAIL signed by an ops owner of DEPT-OPS and by the service level manager).
 * A signature's own defects (no date, signed late, no signer) are one finding on that signature;
 * a party that did not sign at all is one finding on the agreement.
 *
 * role-mismatch — the person named in a step must hold the role the seed makes responsible:
 *   SLA <signature party=organization person=>      service-level-manager (roles table: 签订服务级别
 *                                                    协议和其他协议; change step 3); sales (step 5's
 *                                                    责任人) may co-sign beside one, not alone
 *   contract <signature party=organization person=> supplier-manager; a service level manager
 *                                                    may co-sign beside one (和其他协议)
 *   requirements person=                            sales (step 1)
 *   requirements <evaluation person=>               service-level-manager (step 2)
 *   contract manager=                               supplier-manager (step 6)
 *   decomposition person=                           contract-admin (step 7, 经营管理部人员)
 *   decomposition <notify person=>                  dept-head (step 7: 发送给所有相关部门领导)
 *   proposal person=                                service-level-manager (step 8)
 *   proposal owner=                                 ops-owner (step 8: 指定运维服务负责人)
 *   proposal <staff person=>, <resource kind="staff" person=>   ops-staff (steps 8, 10)
 *   initiation person=                              ops-owner (step 9)
 *   initiation <approval person=>                   service-level-manager (roles table: 审批)
 *   report person=, review person=                  service-level-manager (step 11)
 *   termination <notice person=>, <reply person=>   sales (termination 1, 2)
 *   termination <extension person=>                 executive (termination 1: 公司高层批准可延期)
 *   termination <release kind="supplier"><item person=>   supplier-manager or service-level-
 *                                                    manager (termination 5 names both)
 *   termination <accounting person=>                service-level-manager or supplier-manager
 *                                                    (termination 6 names both 责任人)
 *   termination <archive person=>                   service-level-manager (step 14)
 * Not checked, because the seed leaves them to anyone: OLA signatures (unsigned checks their
 * sides), review attendees and action owners, termination corrective owners, and release items
 * of infrastructure and staff (the service level manager has the providing departments release
 * them).  Roles are read from the organization as it stands.
 *
 * amendment-base — an additional SLA (amends=) must amend a base SLA (not another additional
 * SLA) of the same customer that is signed (a signed amendment of a draft, or any amendment of
 * an ended or terminated SLA, is a finding); a signed one must give effective=, and effective=
 * must fall inside the base's term as extended by earlier additional SLAs and not after the last
 * day of service of a termination of the base; each <remove service=> must name a service the
 * SLA had the day before, and not one the same additional SLA provides.  effective= and <remove>
 * on an SLA without amends= are findings too: they only mean something on an additional SLA. */
#include "rules.h"

#include <string.h>

/* The organization's id: the party= of the provider's signatures; NULL without one. */
static const char *organization_id(const struct check_ctx *c)
{
	const GPtrArray *orgs = c->ix->of[KIND_ORGANIZATION];
	return orgs->len ? ((const struct entry *)orgs->pdata[0])->id : NULL;
}

static const char *person_name(const struct check_ctx *c, const char *id)
{
	const struct node *p = model_thing(c->m, id, T_PERSON);
	const char *name = p ? node_attr(p, "name") : NULL;
	return name ? name : id;
}

/* ---- unsigned (step 5) ---- */

/* The last day a signature may carry (the model's signing_limit) and how to say it. */
static bool limit_of(const struct doc *d, int32_t *limit, const char **what)
{
	*what = d->kind == KIND_SLA && node_attr(d->root, "amends") ? "its effective date"
	                                                             : "the term start";
	return signing_limit(d, limit);
}

/* "signed", "ended", "terminated": an agreement that has ended was signed while in force, and
 * its obligations are judged for that period (DESIGN §9). */
static const char *status_of(const struct doc *d)
{
	const char *st = node_attr(d->root, "status");
	return st ? st : "signed";
}

/* The alternative fix for an agreement still signed: it may not be signed yet after all. */
static const char *until_signed(const struct doc *d)
{
	return node_is(d->root, "status", "signed")
	           ? ", or set status=\"draft\" until it is signed"
	           : ": it was in force, so it was signed";
}

/* The defects of one signature, as one finding. */
static void check_signature(const struct check_ctx *c, const struct doc *d, const struct node *s,
                            const char *who, bool need_name, bool need_person)
{
	GString *what = g_string_new(NULL), *fix = g_string_new(NULL);
	const char *limit_what;
	int32_t day, limit;

	if (need_name && !node_attr(s, "name")) {
		g_string_append(what, "gives no signer name");
		g_string_append(fix, "add name= with the signer's name");
	}
	if (need_person && !node_attr(s, "person")) {
		g_string_append_printf(what, "%sgives no signing person", what->len ? " and " : "");
		g_string_append_printf(fix, "%sadd person= naming who signed for us",
		                       fix->len ? "; " : "");
	}
	if (!node_date(s, "date", &day)) {
		g_string_append_printf(what, "%shas no date", what->len ? " and " : "");
		g_string_append_printf(fix, "%sadd date= with the day it was signed",
		                       fix->len ? "; " : "");
	} else if (limit_of(d, &limit, &limit_what) && day > limit) {
		char *l = time_date_format(limit);
		g_string_append_printf(what, "%sis dated %s, after %s %s", what->len ? " and " : "",
		                       node_attr(s, "date"), limit_what, l);
		g_string_append_printf(fix,
		                       "%san agreement is signed before it applies: correct the "
		                       "signing date, or %s",
		                       fix->len ? "; " : "", limit_what);
		g_free(l);
	}
	if (what->len)
		rule_report(c, RULE_UNSIGNED, d, s, "%s on %s %s %s %s: %s", who, status_of(d),
		            kind_label(d->kind), doc_id(d), what->str, fix->str);
	g_string_free(what, TRUE);
	g_string_free(fix, TRUE);
}

/* An SLA or supplier contract: the external party's signature and ours. */
static void check_party_signatures(const struct check_ctx *c, const struct doc *d,
                                   const char *external, const char *external_label)
{
	const char *org = organization_id(c);
	bool has_external = false, has_org = false;

	node_each(s, d->root, "signature")
	{
		bool is_ext = external && node_is(s, "party", external);
		bool is_org = org && node_is(s, "party", org);
		const char *party = node_attr(s, "party") ? node_attr(s, "party") : "?";
		char *who =
		    is_org   ? g_strdup_printf("our signature (%s)", party)
		    : is_ext ? g_strdup_printf("the signature of the %s %s", external_label, party)
		             : g_strdup_printf("the signature of %s", party);

		has_external |= is_ext;
		has_org |= is_org;
		check_signature(c, d, s, who, is_ext, is_org);
		g_free(who);
	}
	if (external && !has_external)
		rule_report(
		    c, RULE_UNSIGNED, d, d->root,
		    "%s %s %s has no signature of the %s %s: add <signature party=\"%s\" "
		    "name=\"...\" date=\"...\"/>%s",
		    status_of(d), kind_label(d->kind), doc_id(d), external_label, external, external,
		    until_signed(d));
	if (org && !has_org)
		rule_report(
		    c, RULE_UNSIGNED, d, d->root,
		    "%s %s %s has no signature of our side (%s): add <signature "
		    "party=\"%s\" person=\"...\" date=\"...\"/>%s",
		    status_of(d), kind_label(d->kind), doc_id(d), org, org, until_signed(d));
}

/* Whether PERSON signs for department DEPT: a member of it, or the head of a department above
 * it.  The walk up the parents is bounded (a parent loop must not hang the check). */
static bool signs_for_department(const struct check_ctx *c, const char *person, const char *dept)
{
	const struct node *p = model_thing(c->m, person, T_PERSON);
	const char *pd = p ? node_attr(p, "dept") : NULL;
	const char *d = dept;

	if (!pd || !dept)
		return false;
	if (strcmp(pd, dept) == 0)
		return true;
	if (!model_person_has_role(c->m, person, "dept-head"))
		return false;
	for (int depth = 0; d && depth < 64; depth++) {
		const struct node *dn = model_thing(c->m, d, T_DEPARTMENT);
		d = dn ? node_attr(dn, "parent") : NULL;
		if (d && strcmp(d, pd) == 0)
			return true;
	}
	return false;
}

static void check_ola_signatures(const struct check_ctx *c, const struct doc *d)
{
	const char *dept = node_attr(d->root, "dept");
	const struct node *dept_sig = NULL, *slm_sig = NULL, *stranger = NULL;
	unsigned n_dept = 0, n_slm = 0;
	struct diag *diag = NULL;

	node_each(s, d->root, "signature")
	{
		const char *person = node_attr(s, "person");
		char *who = g_strdup_printf("the signature of %s", person ? person : "?");

		check_signature(c, d, s, who, false, false);
		g_free(who);
		if (!person)
			continue;
		if (signs_for_department(c, person, dept))
			n_dept++, dept_sig = s;
		if (model_person_has_role(c->m, person, "service-level-manager"))
			n_slm++, slm_sig = s;
		else if (!signs_for_department(c, person, dept) && !stranger)
			stranger = s;
	}
	if (!dept || !index_lookup(c->ix, dept, TBIT(T_DEPARTMENT)))
		n_dept = 1, dept_sig = NULL; /* dept= names nothing: unresolved-ref reports it */
	if (!n_dept)
		diag = rule_report(c, RULE_UNSIGNED, d, d->root,
		            "%s OLA %s has no signature of department %s: add the signature of "
		            "its head (or of the member who commits it) with a date%s",
		            status_of(d), doc_id(d), dept ? dept : "?", until_signed(d));
	if (!n_slm)
		rule_report(
		    c, RULE_UNSIGNED, d, d->root,
		    "%s OLA %s has no signature of a service level manager: add it with "
		    "a date%s",
		    status_of(d), doc_id(d), until_signed(d));
	if (n_dept == 1 && n_slm == 1 && dept_sig == slm_sig)
		diag = rule_report(
		    c, RULE_UNSIGNED, d, d->root,
		    "%s OLA %s has no signature for department %s other than that of %s, "
		    "who signs it as the service level manager: an OLA is agreed between the "
		    "department and the service level manager; add the signature of the "
		    "department's head (or of the member who commits it) with a date",
		    status_of(d), doc_id(d), dept ? dept : "?", node_attr(dept_sig, "person"));
	/* a signature that counts for neither side: say why, it is the likely slip */
	if (diag && stranger) {
		const char *who = node_attr(stranger, "person");
		const struct node *p = model_thing(c->m, who, T_PERSON);
		const char *of = p ? node_attr(p, "dept") : NULL;
		rule_related(c, diag, d, stranger,
		             "%s signs here, but belongs to %s, not to %s or a department above it",
		             who, of ? of : "no department", dept ? dept : "?");
	}
}

static void check_unsigned(const struct check_ctx *c, const struct doc *d)
{
	if (node_is(d->root, "status", "draft"))
		return;
	/* a customer= or supplier= that names nothing is unresolved-ref's finding, not ours */
	if (d->kind == KIND_SLA) {
		const char *cust = node_attr(d->root, "customer");
		check_party_signatures(
		    c, d, cust && index_lookup(c->ix, cust, TBIT(T_CUSTOMER)) ? cust : NULL,
		    "customer");
	} else if (d->kind == KIND_CONTRACT) {
		const char *sup = node_attr(d->root, "supplier");
		check_party_signatures(
		    c, d, sup && index_lookup(c->ix, sup, TBIT(T_SUPPLIER)) ? sup : NULL,
		    "supplier");
	} else if (d->kind == KIND_OLA)
		check_ola_signatures(c, d);
}

/* ---- role-mismatch (roles table) ---- */

static const char *role_label(const char *role)
{
	static const struct {
		const char *role, *label;
	} labels[] = {
	    {"service-level-manager", "a service level manager"},
	    {"ops-owner", "an ops owner"},
	    {"ops-staff", "ops staff (运维服务人员)"},
	    {"dept-head", "a department head"},
	    {"sales", "sales (业务部门领导或销售人员)"},
	    {"contract-admin", "a contract administrator (经营管理部)"},
	    {"supplier-manager", "a supplier manager"},
	    {"executive", "an executive"},
	};
	for (size_t i = 0; i < G_N_ELEMENTS(labels); i++)
		if (strcmp(labels[i].role, role) == 0)
			return labels[i].label;
	return role;
}

/* ROLES: NULL-terminated, any of them will do. */
static bool has_any_role(const struct check_ctx *c, const char *person, const char *const *roles)
{
	for (; *roles; roles++)
		if (model_person_has_role(c->m, person, *roles))
			return true;
	return false;
}

static char *roles_text(const char *const *roles)
{
	GString *s = g_string_new(NULL);

	for (size_t i = 0; roles[i]; i++) {
		if (i)
			g_string_append(s, roles[i + 1] ? ", " : " or ");
		g_string_append(s, role_label(roles[i]));
	}
	return g_string_free(s, FALSE);
}

/* Person ATTR of node N acts in STEP, which ROLES may do.  Unknown people are unresolved-ref's. */
static void check_role(const struct check_ctx *c, const struct doc *d, const struct node *n,
                       const char *attr, const char *step, const char *const *roles)
{
	const char *person = node_attr(n, attr);
	const struct node *p = person ? model_thing(c->m, person, T_PERSON) : NULL;
	const struct entry *e;
	const char *held;
	char *want;
	struct diag *dg;

	if (!p || has_any_role(c, person, roles))
		return;
	held = node_attr(p, "roles");
	want = roles_text(roles);
	dg = rule_report(
	    c, RULE_ROLE_MISMATCH, d, n,
	    "<%s %s=\"%s\">: %s (%s) %s, which the seed gives to %s, but holds only the "
	    "role%s %s: name a person with %s, or correct the roles of %s in the "
	    "organization",
	    n->name, attr, person, person_name(c, person), person, step, want,
	    held && strchr(held, ' ') ? "s" : "", held ? held : "(none)",
	    roles[1] ? "one of those roles" : "that role", person);
	e = index_lookup(c->ix, person, TBIT(T_PERSON));
	if (e)
		rule_related(c, dg, e->doc, e->node, "%s is declared here", person);
	g_free(want);
}

#define ROLES(...)                                                                                 \
	(const char *const[])                                                                      \
	{                                                                                          \
		__VA_ARGS__, NULL                                                                  \
	}

/* Our signatures on an SLA or a contract: by PRIMARY (the service level manager, the supplier
 * manager); a person with role COSIGNER may sign beside a PRIMARY signature (the seed makes
 * sales 责任人 of step 5 and the service level manager of change step 4), never alone. */
static void check_signers(const struct check_ctx *c, const struct doc *d, const char *org,
                          const char *step, const char *primary, const char *cosigner)
{
	bool has_primary = false;

	if (!org)
		return;
	node_each(s, d->root, "signature")
	{
		const char *p = node_attr(s, "person");
		if (node_is(s, "party", org) && p && model_person_has_role(c->m, p, primary))
			has_primary = true;
	}
	node_each(s, d->root, "signature")
	{
		const char *p = node_attr(s, "person");
		if (!node_is(s, "party", org) || !p)
			continue;
		if (has_primary && model_person_has_role(c->m, p, cosigner))
			continue;
		check_role(c, d, s, "person", step, (const char *const[]){primary, NULL});
	}
}

static void check_proposal_roles(const struct check_ctx *c, const struct doc *d)
{
	const char *owner = node_attr(d->root, "owner"), *person = node_attr(d->root, "person");
	const char *const *slm = ROLES("service-level-manager");
	const char *const *oo = ROLES("ops-owner");

	/* one finding when the same person is named for both and holds neither role */
	if (owner && person && strcmp(owner, person) == 0 &&
	    index_lookup(c->ix, person, TBIT(T_PERSON)) && !has_any_role(c, person, slm) &&
	    !has_any_role(c, person, oo)) {
		const struct entry *e = index_lookup(c->ix, person, TBIT(T_PERSON));
		const char *held = node_attr(e->node, "roles");
		struct diag *dg = rule_report(
		    c, RULE_ROLE_MISMATCH, d, d->root,
		    "<proposal owner=\"%s\" person=\"%s\">: %s (%s) is named both to have the "
		    "proposal written (person=, which the seed gives to a service level manager) "
		    "and as its owner (owner=, an ops owner), but holds only the role%s %s: name "
		    "a service level manager and an ops owner, or correct the roles of %s in the "
		    "organization",
		    owner, person, person_name(c, person), person,
		    held && strchr(held, ' ') ? "s" : "", held ? held : "(none)", person);
		rule_related(c, dg, e->doc, e->node, "%s is declared here", person);
	} else {
		check_role(c, d, d->root, "person", "has the ops project proposal written (step 8)",
		           slm);
		check_role(c, d, d->root, "owner", "is named the proposal's owner (step 8)", oo);
	}
	node_each(s, d->root, "service")
	{
		node_each(st, s, "staff")
		    check_role(c, d, st, "person", "is assigned to deliver the service (step 10)",
		               ROLES("ops-staff"));
	}
	node_each(r, d->root, "resource")
	{
		if (node_is(r, "kind", "staff"))
			check_role(c, d, r, "person",
			           "is a staff resource of the project (steps 8, 10)",
			           ROLES("ops-staff"));
	}
}

static void check_termination_roles(const struct check_ctx *c, const struct doc *d)
{
	const char *const *slm = ROLES("service-level-manager");

	node_each(n, d->root, "notice") check_role(
	    c, d, n, "person", "gives the termination notice (termination step 1)", ROLES("sales"));
	node_each(n, d->root, "reply")
	    check_role(c, d, n, "person", "receives the customer's reply (termination step 2)",
	               ROLES("sales"));
	node_each(n, d->root, "extension") check_role(
	    c, d, n, "person", "approves an extension (termination step 1)", ROLES("executive"));
	node_each(r, d->root, "release")
	{
		if (!node_is(r, "kind", "supplier"))
			continue;
		node_each(it, r, "item") check_role(
		    c, d, it, "person", "releases a supplier resource (termination step 5)",
		    ROLES("supplier-manager", "service-level-manager"));
	}
	node_each(n, d->root, "accounting")
	    check_role(c, d, n, "person", "does the service accounting (termination step 6)",
	               ROLES("service-level-manager", "supplier-manager"));
	node_each(n, d->root, "archive")
	    check_role(c, d, n, "person", "archives the agreement's documents (step 14)", slm);
}

static void check_roles(const struct check_ctx *c, const struct doc *d)
{
	const char *org = organization_id(c);
	const char *const *slm = ROLES("service-level-manager");

	switch (d->kind) {
	case KIND_REQUIREMENTS:
		check_role(c, d, d->root, "person", "gathers the customer's requirements (step 1)",
		           ROLES("sales"));
		node_each(e, d->root, "evaluation")
		    check_role(c, d, e, "person", "evaluates the requirements (step 2)", slm);
		break;
	case KIND_SLA:
		check_signers(c, d, org, "signs the SLA for us (step 5)", "service-level-manager",
		              "sales");
		break;
	case KIND_CONTRACT:
		check_role(c, d, d->root, "manager", "manages the supplier contract (step 6)",
		           ROLES("supplier-manager"));
		check_signers(c, d, org, "signs the supplier contract for us (step 6)",
		              "supplier-manager", "service-level-manager");
		break;
	case KIND_DECOMPOSITION:
		check_role(c, d, d->root, "person", "decomposes the contract's clauses (step 7)",
		           ROLES("contract-admin"));
		node_each(n, d->root, "notify") check_role(
		    c, d, n, "person", "receives the decomposition as department leader (step 7)",
		    ROLES("dept-head"));
		break;
	case KIND_PROPOSAL:
		check_proposal_roles(c, d);
		break;
	case KIND_INITIATION:
		check_role(c, d, d->root, "person", "submits the project initiation (step 9)",
		           ROLES("ops-owner"));
		node_each(a, d->root, "approval")
		    check_role(c, d, a, "person", "approves the project initiation (step 9)", slm);
		break;
	case KIND_REPORT:
		check_role(c, d, d->root, "person", "issues the service report (step 11)", slm);
		break;
	case KIND_REVIEW:
		check_role(c, d, d->root, "person", "chairs the service review (step 11)", slm);
		break;
	case KIND_TERMINATION:
		check_termination_roles(c, d);
		break;
	default:
		break;
	}
}

/* ---- amendment-base (step 13) ---- */

/* Whether the SLA had SERVICE the day before EFF: in the version in force then (the base's own
 * services when EFF is on or before its start), or added by another additional SLA effective the
 * same day. */
static bool had_service(const struct sla_view *view, const struct doc *self, int32_t eff,
                        const char *service)
{
	const struct sla_version *v = eff > view->start ? sla_version_at(view, eff - 1) : NULL;

	if (v && sla_version_service(v, service, NULL))
		return true;
	if (!v) {
		node_each(s, view->doc->root,
		          "service") if (node_is(s, "ref", service)) return true;
	}
	for (guint i = 0; i < view->amendments->len; i++) {
		const struct doc *a = view->amendments->pdata[i];
		int32_t d;
		if (a == self || !node_date(a->root, "effective", &d) || d != eff)
			continue;
		node_each(s, a->root, "service") if (node_is(s, "ref", service)) return true;
	}
	return false;
}

static void check_removes(const struct check_ctx *c, const struct doc *a, const struct doc *base,
                          int32_t eff)
{
	const struct sla_view *view = model_sla(c->m, doc_id(base));

	node_each(r, a->root, "remove")
	{
		const char *svc = node_attr(r, "service");
		char *day;

		if (!svc || !index_lookup(c->ix, svc, TBIT(T_SERVICE)))
			continue;
		node_each(s, a->root, "service") if (node_is(s, "ref", svc))
		{
			struct diag *dg = rule_report(
			    c, RULE_AMENDMENT_BASE, a, r,
			    "additional SLA %s both removes %s and provides it: keep one of the "
			    "two",
			    doc_id(a), svc);
			rule_related(c, dg, a, s, "%s is provided here", svc);
			goto next;
		}
		if (!view || had_service(view, a, eff, svc))
			continue;
		day = time_date_format(eff - 1);
		rule_report(
		    c, RULE_AMENDMENT_BASE, a, r,
		    "additional SLA %s removes %s, which SLA %s does not include on %s, the "
		    "day before it takes effect: remove only services the SLA provides",
		    doc_id(a), svc, doc_id(base), day);
		g_free(day);
	next:;
	}
}

/* effective= inside the base's term (as extended by earlier additional SLAs), before any
 * termination of it. */
static bool check_effective(const struct check_ctx *c, const struct doc *a, const struct doc *base,
                            int32_t eff)
{
	const struct sla_view *view = model_sla(c->m, doc_id(base));
	struct diag *dg;

	if (view && view->has_term && (eff < view->start || !sla_version_at(view, eff))) {
		const struct sla_version *lv = view->versions->pdata[view->versions->len - 1];
		char *s = time_date_format(view->start), *e = time_date_format(lv->to);
		dg = rule_report(c, RULE_AMENDMENT_BASE, a, a->root,
		                 "additional SLA %s takes effect on %s, outside the term of SLA %s "
		                 "(%s to %s): correct effective=, or renew the SLA instead",
		                 doc_id(a), node_attr(a->root, "effective"), doc_id(base), s, e);
		rule_related(c, dg, lv->term_doc ? lv->term_doc : base,
		             lv->term ? lv->term : base->root, "the term of %s is here",
		             doc_id(base));
		g_free(s);
		g_free(e);
		return false;
	}
	if (view && view->termination && eff > view->last) {
		const struct doc *term_doc = view->termination;
		char *l = time_date_format(view->last);
		dg = rule_report(c, RULE_AMENDMENT_BASE, a, a->root,
		                 "additional SLA %s takes effect on %s, after SLA %s ends by "
		                 "termination %s (last day of service %s): an ended SLA cannot be "
		                 "amended; correct effective= or amends=",
		                 doc_id(a), node_attr(a->root, "effective"), doc_id(base),
		                 doc_id(term_doc), l);
		rule_related(c, dg, term_doc, term_doc->root, "%s is recorded here",
		             doc_id(term_doc));
		g_free(l);
		return false;
	}
	return true;
}

static void check_amendment(const struct check_ctx *c, const struct doc *a)
{
	const char *amends = node_attr(a->root, "amends");
	const struct doc *base = model_doc(c->m, amends, KIND_SLA);
	const char *cust = node_attr(a->root, "customer"), *bcust;
	bool signed_ = node_is(a->root, "status", "signed");
	struct diag *dg;
	int32_t eff;

	if (!base || !base->valid)
		return; /* unresolved-ref or schema reports it */
	if (base == a) {
		rule_report(c, RULE_AMENDMENT_BASE, a, a->root,
		            "SLA %s amends itself: amends= names the base SLA that this additional "
		            "SLA changes",
		            doc_id(a));
		return;
	}
	if (node_attr(base->root, "amends")) {
		dg = rule_report(
		    c, RULE_AMENDMENT_BASE, a, a->root,
		    "additional SLA %s amends %s, which is itself an additional SLA (of "
		    "%s): amend the base SLA %s",
		    doc_id(a), amends, node_attr(base->root, "amends"),
		    node_attr(base->root, "amends"));
		rule_related(c, dg, base, base->root, "%s is declared here", amends);
		return;
	}
	bcust = node_attr(base->root, "customer");
	if (cust && bcust && strcmp(cust, bcust) != 0) {
		dg = rule_report(
		    c, RULE_AMENDMENT_BASE, a, a->root,
		    "additional SLA %s is for customer %s, but the SLA it amends, %s, is "
		    "with customer %s: correct amends= or customer=",
		    doc_id(a), cust, amends, bcust);
		rule_related(c, dg, base, base->root, "%s is declared here", amends);
		return;
	}
	if (node_is(base->root, "status", "draft") && signed_) {
		dg = rule_report(
		    c, RULE_AMENDMENT_BASE, a, a->root,
		    "signed additional SLA %s amends %s, which is still a draft: sign the "
		    "SLA first, or fold the change into the draft",
		    doc_id(a), amends);
		rule_related(c, dg, base, base->root, "%s is declared here", amends);
		return;
	}
	if (!signed_ && (node_is(base->root, "status", "ended") ||
	                 node_is(base->root, "status", "terminated"))) {
		dg = rule_report(
		    c, RULE_AMENDMENT_BASE, a, a->root,
		    "additional SLA %s amends %s, which has %s: an ended SLA cannot be "
		    "changed; agree a new SLA instead",
		    doc_id(a), amends,
		    node_is(base->root, "status", "ended") ? "ended" : "been terminated");
		rule_related(c, dg, base, base->root, "%s is declared here", amends);
		return;
	}
	if (!node_date(a->root, "effective", &eff)) {
		if (signed_)
			rule_report(
			    c, RULE_AMENDMENT_BASE, a, a->root,
			    "signed additional SLA %s has no effective= date: state the day "
			    "from which it changes %s",
			    doc_id(a), amends);
		return;
	}
	if (check_effective(c, a, base, eff))
		check_removes(c, a, base, eff);
}

static void check_amendments(const struct check_ctx *c, const struct doc *d)
{
	if (node_attr(d->root, "amends")) {
		if (!node_is(d->root, "status", "ended") &&
		    !node_is(d->root, "status", "terminated"))
			check_amendment(c, d);
		return;
	}
	if (node_attr(d->root, "effective"))
		rule_report(c, RULE_AMENDMENT_BASE, d, d->root,
		            "SLA %s has effective= but no amends=: an effective date belongs to an "
		            "additional SLA; add amends= naming the SLA it changes, or remove "
		            "effective= (a base SLA applies from its term start)",
		            doc_id(d));
	node_each(r, d->root, "remove")
	    rule_report(c, RULE_AMENDMENT_BASE, d, r,
	                "SLA %s removes %s but amends no SLA: <remove> belongs to an additional "
	                "SLA; add amends=, or drop the service from this SLA's own list",
	                doc_id(d), node_attr(r, "service") ? node_attr(r, "service") : "?");
}

void rules_lifecycle(const struct check_ctx *c)
{
	for (guint i = 0; i < c->repo->docs->len; i++) {
		const struct doc *d = c->repo->docs->pdata[i];

		if (!d->root || !d->valid)
			continue;
		check_unsigned(c, d);
		check_roles(c, d);
		if (d->kind == KIND_SLA)
			check_amendments(c, d);
	}
}
