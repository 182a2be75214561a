/* Rules clause-unassigned, proposal-coverage and initiation-unapproved: what follows the signing of
 * an SLA inside the provider (seed steps 7–10).  经营管理部 decomposes the contract's technical
 * clauses and assigns each to the department that delivers it (7); the service level manager has
 * an ops project proposal written that plans every service, relies on the OLAs and supplier
 * contracts and names the ops owner (8, kept up to date by steps 12, 13 and change step 3); the ops
 * owner submits the project initiation with the OLAs and it is approved before delivery starts (9,
 * 10).
 *
 * Decisions where the design is silent, and why:
 *   - An SLA is the base SLA with its additional SLAs (附加服务级别协议): a decomposition or proposal
 *     naming an additional SLA counts for its base, since change step 3 lets the provider either
 *     update the proposal or write one for the additional SLA.
 *   - Only signed base SLAs are held to steps 7–10: drafts have not reached them, and SLAs marked
 *     ended or terminated may predate the repository (their decomposition and proposal left with
 *     the archive; the obligations the seed keeps for them are checked by the other families).
 *     A clause without a department and a proposal without an owner are findings whatever the
 *     SLA's state.
 *   - Clauses cover every service of every version (the decomposition records the contract as
 *     signed; a service removed later keeps its clause).  The proposal is kept up to date, so it
 *     must plan the services of the versions in force or to come on the as-of date — services an
 *     additional SLA adds later included (change step 3), services already removed not — and list
 *     the signed OLAs and contracts supporting them that have not run out before the as-of date.
 *   - A missing part is reported at the latest of the documents that should hold it (the one an
 *     author would update), once, with the SLA's promise or the agreement as related location.
 *   - A clause for a service goes to a department the catalog names as a component of that
 *     service, exactly: a parent or sub-department does not deliver it, as for the OLAs that back
 *     a component (rules_support.c).  A general clause (no service=), and a clause for a service
 *     with supplier components only, may go to any department.
 *   - initiation-unapproved: every proposal of a signed SLA needs an initiation with
 *     status="approved" and an <approval>; the OLAs the proposal lists must appear in its approved
 *     initiations taken together (they may be approved in several).  When none is approved, the
 *     latest initiation is the one reported. */
#include "rules.h"

#include <string.h>

/* ---- the SLA with its additional SLAs ---- */

/* "DEC-A", "DEC-A and DEC-B", "DEC-A, DEC-B and DEC-C": the ids of DOCS. */
static char *id_list(const GPtrArray *docs)
{
	GString *s = g_string_new(NULL);

	for (guint i = 0; i < docs->len; i++) {
		const struct doc *d = docs->pdata[i];
		if (i)
			g_string_append(s, i + 1 == docs->len ? " and " : ", ");
		g_string_append(s, node_attr(d->root, "id"));
	}
	return g_string_free(s, FALSE);
}

/* The document of DOCS with the latest date= (the first of equals): the one an author would
 * update, so the place a missing part is reported. */
static const struct doc *latest(const GPtrArray *docs)
{
	const struct doc *best = NULL;
	int32_t best_day = TIME_DAY_MIN - 1;

	for (guint i = 0; i < docs->len; i++) {
		const struct doc *d = docs->pdata[i];
		int32_t day = TIME_DAY_MIN;
		node_date(d->root, "date", &day);
		if (!best || day > best_day) {
			best = d;
			best_day = day;
		}
	}
	return best;
}

/* A service the SLA promises: its <service> node and the document (base or additional SLA). */
struct promised {
	const char *ref;
	const struct node *node;
	const struct doc *doc;
};

/* The services of the versions of V from FIRST on, each once (where it is first promised). */
static GArray *promised_services(const struct sla_view *v, guint first)
{
	GArray *out = g_array_new(FALSE, FALSE, sizeof(struct promised));
	GHashTable *seen = g_hash_table_new(g_str_hash, g_str_equal);

	for (guint i = first; i < v->versions->len; i++) {
		const struct sla_version *ver = v->versions->pdata[i];
		for (guint j = 0; j < ver->services->len; j++) {
			struct promised p = {node_attr(ver->services->pdata[j], "ref"),
			                     ver->services->pdata[j], ver->service_docs->pdata[j]};
			if (!p.ref || !g_hash_table_add(seen, (gpointer)p.ref))
				continue;
			g_array_append_val(out, p);
		}
	}
	g_hash_table_destroy(seen);
	return out;
}

/* "its service SVC-DB", "its services SVC-DB, SVC-NET", "its services" (none promised). */
static char *service_list(const GArray *services)
{
	GString *s = g_string_new(services->len == 1 ? "its service" : "its services");

	for (guint i = 0; i < services->len; i++)
		g_string_append_printf(s, "%s%s", i ? ", " : " ",
		                       g_array_index(services, struct promised, i).ref);
	return g_string_free(s, FALSE);
}

static void related_service(const struct check_ctx *c, struct diag *diag, const struct promised *p)
{
	const char *effective = node_attr(p->doc->root, "effective");

	if (node_attr(p->doc->root, "amends") && effective)
		rule_related(c, diag, p->doc, p->node, "additional SLA %s promises %s from %s here",
		             node_attr(p->doc->root, "id"), p->ref, effective);
	else
		rule_related(c, diag, p->doc, p->node, "%s promises %s here",
		             node_attr(p->doc->root, "id"), p->ref);
}

/* ---- clause-unassigned (step 7) ---- */

/* Whether a version of V promises SERVICE. */
static bool sla_has_service(const struct sla_view *v, const char *service)
{
	for (guint i = 0; i < v->versions->len; i++)
		if (sla_version_service(v->versions->pdata[i], service, NULL))
			return true;
	return false;
}

/* "DEPT-DBA", "DEPT-DBA and DEPT-NET": the departments among the components of catalog service
 * CS (supplier components left out); NULL when it has none, or DEPT is one of them. */
static char *delivering_depts(const struct node *cs, const char *dept)
{
	GPtrArray *depts = g_ptr_array_new();
	GString *s;

	node_each(comp, cs, "component")
	{
		const char *d = node_attr(comp, "dept");
		if (d && strcmp(d, dept) == 0) {
			g_ptr_array_free(depts, TRUE);
			return NULL;
		}
		if (d)
			g_ptr_array_add(depts, (gpointer)d);
	}
	if (depts->len == 0) {
		g_ptr_array_free(depts, TRUE);
		return NULL;
	}
	s = g_string_new(NULL);
	for (guint i = 0; i < depts->len; i++) {
		if (i)
			g_string_append(s, i + 1 == depts->len ? " and " : ", ");
		g_string_append(s, depts->pdata[i]);
	}
	g_ptr_array_free(depts, TRUE);
	return g_string_free(s, FALSE);
}

/* A clause for a service is assigned to a department that delivers it: a department component of
 * the service in the SLA's catalog, exactly (a parent or sub-department is another department, as
 * for the OLAs that back a component).  A general clause (no service=) may go to any department;
 * a service the catalog gives no department component (supplier only) too. */
static void clause_wrong_dept(const struct check_ctx *c, const struct doc *d, const struct node *cl)
{
	const char *svc = node_attr(cl, "service"), *dept = node_attr(cl, "dept");
	const struct doc *sla = model_doc(c->m, node_attr(d->root, "sla"), KIND_SLA);
	const struct sla_view *v = model_sla_of(c->m, node_attr(d->root, "sla"));
	const char *catalog = sla && sla->valid ? node_attr(sla->root, "catalog") : NULL;
	const struct node *cs = catalog ? model_catalog_service(c->m, catalog, svc) : NULL;
	const struct doc *cat = catalog ? model_doc(c->m, catalog, KIND_CATALOG) : NULL;
	struct diag *diag;
	char *depts;

	/* an unknown department or service is unresolved-ref's finding */
	if (!cs || !cat || !v || !model_thing(c->m, dept, T_DEPARTMENT) || !sla_has_service(v, svc) ||
	    !(depts = delivering_depts(cs, dept)))
		return;
	diag = rule_report(c, RULE_CLAUSE_UNASSIGNED, d, cl,
	                   "clause %s (%s) of decomposition %s is assigned to %s, which does not "
	                   "deliver %s: the catalog gives it to %s; assign the clause to the "
	                   "department that delivers it",
	                   node_attr(cl, "number"), svc, doc_id(d), dept, svc, depts);
	rule_related(c, diag, cat, cs, "catalog %s lists the components of %s here", doc_id(cat),
	             svc);
	g_free(depts);
}

static void clauses_without_dept(const struct check_ctx *c, const struct doc *d)
{
	node_each(cl, d->root, "clause")
	{
		const char *svc = node_attr(cl, "service");
		if (node_attr(cl, "dept")) {
			if (svc)
				clause_wrong_dept(c, d, cl);
			continue;
		}
		rule_report(c, RULE_CLAUSE_UNASSIGNED, d, cl,
		            "clause %s%s%s%s of decomposition %s assigns no department: add dept= "
		            "naming the department that must deliver it",
		            node_attr(cl, "number"), svc ? " (" : "", svc ? svc : "",
		            svc ? ")" : "", node_attr(d->root, "id"));
	}
}

/* Whether a clause of one of DECS names SERVICE. */
static bool clause_covers(const GPtrArray *decs, const char *service)
{
	for (guint i = 0; i < decs->len; i++) {
		const struct doc *d = decs->pdata[i];
		node_each(cl, d->root, "clause") if (node_is(cl, "service", service)) return true;
	}
	return false;
}

/* Every service the SLA has promised in any of its versions needs a clause: the decomposition
 * records the contract as signed, so a service removed later keeps its clause. */
static void sla_clauses(const struct check_ctx *c, const struct sla_view *v, const GPtrArray *ids)
{
	const char *id = node_attr(v->doc->root, "id");
	GPtrArray *decs = model_referring_any(c->m, KIND_DECOMPOSITION, "sla", ids);
	GArray *services = promised_services(v, 0);

	if (decs->len == 0) {
		char *list = service_list(services);
		rule_report(c, RULE_CLAUSE_UNASSIGNED, v->doc, v->doc->root,
		            "signed SLA %s has no contract decomposition: add a decomposition with "
		            "sla=\"%s\" whose clauses assign %s to the departments that deliver "
		            "them",
		            id, id, list);
		g_free(list);
	} else {
		const struct doc *at = latest(decs);
		char *names = id_list(decs);
		for (guint i = 0; i < services->len; i++) {
			const struct promised *p = &g_array_index(services, struct promised, i);
			struct diag *diag;
			if (clause_covers(decs, p->ref))
				continue;
			diag =
			    rule_report(c, RULE_CLAUSE_UNASSIGNED, at, at->root,
			                "no clause of decomposition%s %s covers service %s of SLA "
			                "%s: add a clause with service=\"%s\" and the dept= that "
			                "delivers it",
			                decs->len > 1 ? "s" : "", names, p->ref, id, p->ref);
			related_service(c, diag, p);
		}
		g_free(names);
	}
	g_array_free(services, TRUE);
	g_ptr_array_free(decs, TRUE);
}

/* ---- proposal-coverage (step 8, change step 3) ---- */

/* The first version still in force or to come on the as-of date (the last one once the SLA has
 * ended): a proposal is kept up to date (steps 12, 13), so it must plan what the SLA promises
 * from now on, including services an additional SLA adds later, but not services already
 * removed. */
static guint current_version(const struct check_ctx *c, const struct sla_view *v)
{
	for (guint i = 0; i < v->versions->len; i++) {
		const struct sla_version *ver = v->versions->pdata[i];
		if (ver->to >= c->as_of)
			return i;
	}
	return v->versions->len ? v->versions->len - 1 : 0;
}

/* Whether one of PROPS has a child NAME (or any agreement list entry when NAME is NULL) whose
 * attribute ATTR is VALUE. */
static bool props_have(const GPtrArray *props, const char *name, const char *attr,
                       const char *value)
{
	for (guint i = 0; i < props->len; i++) {
		const struct doc *d = props->pdata[i];
		for (const struct node *n = node_children(d->root); n; n = node_sibling(n)) {
			bool listing =
			    name ? strcmp(n->name, name) == 0
			         : strcmp(n->name, "ola") == 0 || strcmp(n->name, "contract") == 0;
			if (listing && node_is(n, attr, value))
				return true;
		}
	}
	return false;
}

/* Whether agreement D is still to be relied on from day FROM: binding, and in force (the model's
 * timeline) on or after FROM.  An OLA that ended and was succeeded by another of the same
 * department (DESIGN §4 term-gap: successive agreements share the load) is history the proposal
 * no longer needs to list. */
static bool relied_on(const struct check_ctx *c, const struct doc *d, int32_t from)
{
	const struct agreement *a = model_agreement(c->m, d);

	if (!a || !a->binding || a->ending == ENDING_UNKNOWN)
		return false; /* ended or terminated before its term said: nothing to rely on */
	return !a->has_term || a->last >= from;
}

/* Each signed OLA and supplier contract supporting one of SERVICES of the SLA V and not over
 * before the as-of date (or before the SLA's last day, once the SLA is over), once, as struct
 * support. */
static GArray *signed_support(const struct check_ctx *c, const struct sla_view *v,
                              const GArray *services)
{
	GArray *out = g_array_new(FALSE, FALSE, sizeof(struct support));
	GHashTable *seen = g_hash_table_new(g_direct_hash, g_direct_equal);
	GPtrArray *ids = sla_view_ids(v);
	int32_t from = MIN(c->as_of, v->last);

	for (guint i = 0; i < services->len; i++) {
		const char *svc = g_array_index(services, struct promised, i).ref;
		for (guint k = 0; k < ids->len; k++) {
			const GArray *sup = model_supporting(c->m, ids->pdata[k], svc);
			for (guint j = 0; j < sup->len; j++) {
				struct support s = g_array_index(sup, struct support, j);
				if (!relied_on(c, s.doc, from) ||
				    !g_hash_table_add(seen, (gpointer)s.doc))
					continue;
				g_array_append_val(out, s);
			}
		}
	}
	g_ptr_array_free(ids, TRUE);
	g_hash_table_destroy(seen);
	return out;
}

static void proposal_agreements(const struct check_ctx *c, const struct sla_view *v,
                                const GPtrArray *props, const GArray *services)
{
	const struct doc *at = latest(props);
	GArray *sup = signed_support(c, v, services);

	for (guint i = 0; i < sup->len; i++) {
		const struct support *s = &g_array_index(sup, struct support, i);
		const char *aid = node_attr(s->doc->root, "id");
		bool ola = s->doc->kind == KIND_OLA;
		struct diag *diag;

		if (props_have(props, NULL, "ref", aid))
			continue;
		diag = rule_report(c, RULE_PROPOSAL_COVERAGE, at, at->root,
		                   "proposal %s does not list %s %s, which supports %s of SLA %s: "
		                   "add <%s ref=\"%s\"/>",
		                   node_attr(at->root, "id"), ola ? "OLA" : "supplier contract",
		                   aid, node_attr(s->supports, "service"),
		                   node_attr(v->doc->root, "id"), ola ? "ola" : "contract", aid);
		rule_related(c, diag, s->doc, s->supports, "%s supports %s of %s here", aid,
		             node_attr(s->supports, "service"), node_attr(s->supports, "sla"));
	}
	g_array_free(sup, TRUE);
}

static void sla_proposals(const struct check_ctx *c, const struct sla_view *v,
                          const GPtrArray *props)
{
	const char *id = node_attr(v->doc->root, "id");
	GArray *services = promised_services(v, current_version(c, v));

	if (props->len == 0) {
		char *list = service_list(services);
		rule_report(c, RULE_PROPOSAL_COVERAGE, v->doc, v->doc->root,
		            "signed SLA %s has no ops project proposal: add a proposal with "
		            "sla=\"%s\" that plans %s, lists the OLAs and supplier contracts it "
		            "relies on and names the ops owner",
		            id, id, list);
		g_free(list);
	} else {
		const struct doc *at = latest(props);
		for (guint i = 0; i < services->len; i++) {
			const struct promised *p = &g_array_index(services, struct promised, i);
			struct diag *diag;
			if (props_have(props, "service", "ref", p->ref))
				continue;
			diag = rule_report(c, RULE_PROPOSAL_COVERAGE, at, at->root,
			                   "proposal %s does not plan service %s of SLA %s: add "
			                   "<service ref=\"%s\"> with its plan and staff",
			                   node_attr(at->root, "id"), p->ref, id, p->ref);
			related_service(c, diag, p);
		}
		proposal_agreements(c, v, props, services);
	}
	g_array_free(services, TRUE);
}

/* Every proposal names its ops owner, whatever the state of its SLA. */
static void proposal_owner(const struct check_ctx *c, const struct doc *d)
{
	if (node_attr(d->root, "owner"))
		return;
	rule_report(c, RULE_PROPOSAL_COVERAGE, d, d->root,
	            "proposal %s names no ops owner: add owner= naming the ops owner appointed to "
	            "run the service",
	            node_attr(d->root, "id"));
}

/* ---- initiation-unapproved (steps 9, 10) ---- */

static bool approved(const struct doc *init)
{
	return node_is(init->root, "status", "approved") && node_child(init->root, "approval");
}

/* No initiation of the proposal is approved: say what the latest one lacks. */
static void not_approved(const struct check_ctx *c, const struct doc *prop, const GPtrArray *inits)
{
	const char *pid = node_attr(prop->root, "id");
	const struct doc *at;
	const char *status, *iid;

	if (inits->len == 0) {
		rule_report(
		    c, RULE_INITIATION_UNAPPROVED, prop, prop->root,
		    "proposal %s of signed SLA %s has no project initiation: submit an "
		    "initiation with proposal=\"%s\" listing its OLAs and record its approval "
		    "before delivery starts",
		    pid, node_attr(prop->root, "sla"), pid);
		return;
	}
	at = latest(inits);
	status = node_attr(at->root, "status");
	iid = node_attr(at->root, "id");
	if (strcmp(status, "approved") == 0)
		rule_report(c, RULE_INITIATION_UNAPPROVED, at, at->root,
		            "initiation %s of proposal %s is marked approved but records no "
		            "approval: add <approval person=\"...\" date=\"...\"> naming who "
		            "approved it and when",
		            iid, pid);
	else if (strcmp(status, "rejected") == 0)
		rule_report(c, RULE_INITIATION_UNAPPROVED, at, at->root,
		            "initiation %s of proposal %s was rejected, yet SLA %s is signed: "
		            "revise and resubmit the initiation, and record its approval before "
		            "delivery starts",
		            iid, pid, node_attr(prop->root, "sla"));
	else
		rule_report(c, RULE_INITIATION_UNAPPROVED, at, at->root,
		            "initiation %s of proposal %s has status=\"%s\", not approved, yet SLA "
		            "%s is signed: have it approved (status=\"approved\" with <approval "
		            "person=\"...\" date=\"...\">) before delivery starts",
		            iid, pid, status, node_attr(prop->root, "sla"));
}

/* Whether an approved initiation of INITS lists agreement REF. */
static bool initiations_list(const GPtrArray *inits, const char *ref)
{
	for (guint i = 0; i < inits->len; i++) {
		const struct doc *d = inits->pdata[i];
		if (!approved(d))
			continue;
		node_each(o, d->root, "ola") if (node_is(o, "ref", ref)) return true;
		node_each(k, d->root, "contract") if (node_is(k, "ref", ref)) return true;
	}
	return false;
}

static void proposal_initiation(const struct check_ctx *c, const struct doc *prop)
{
	const GPtrArray *inits =
	    model_referring(c->m, KIND_INITIATION, "proposal", node_attr(prop->root, "id"));
	GPtrArray *ok = g_ptr_array_new();
	GHashTable *seen;
	const struct doc *at;

	for (guint i = 0; i < inits->len; i++)
		if (approved(inits->pdata[i]))
			g_ptr_array_add(ok, inits->pdata[i]);
	if (ok->len == 0) {
		not_approved(c, prop, inits);
		g_ptr_array_free(ok, TRUE);
		return;
	}
	at = latest(ok);
	seen = g_hash_table_new(g_str_hash, g_str_equal);
	node_each(o, prop->root, "ola")
	{
		const char *ref = node_attr(o, "ref");
		struct diag *diag;
		/* an OLA that does not exist is unresolved-ref's finding, not a second one here */
		if (!model_doc(c->m, ref, KIND_OLA) || initiations_list(ok, ref) ||
		    !g_hash_table_add(seen, (gpointer)ref))
			continue;
		diag =
		    rule_report(c, RULE_INITIATION_UNAPPROVED, at, at->root,
		                "approved initiation %s does not list OLA %s of proposal %s: add "
		                "<ola ref=\"%s\"/> so that the OLA is approved with the project",
		                node_attr(at->root, "id"), ref, node_attr(prop->root, "id"), ref);
		rule_related(c, diag, prop, o, "proposal %s relies on %s here",
		             node_attr(prop->root, "id"), ref);
	}
	g_hash_table_destroy(seen);
	g_ptr_array_free(ok, TRUE);
}

/* ---- the family ---- */

static void signed_sla(const struct check_ctx *c, const struct sla_view *v)
{
	GPtrArray *ids = model_sla_family(c->m, v);
	GPtrArray *props = model_referring_any(c->m, KIND_PROPOSAL, "sla", ids);

	sla_clauses(c, v, ids);
	sla_proposals(c, v, props);
	for (guint i = 0; i < props->len; i++)
		proposal_initiation(c, props->pdata[i]);
	g_ptr_array_free(props, TRUE);
	g_ptr_array_free(ids, TRUE);
}

/* ---- the order of steps 9 and 10 ---- */

/* An initiation is approved on or after the day it was submitted.  The order of dates across
 * documents (signed → decomposed → proposed → approved before delivery) is step-order's, in
 * rules_process.c. */
static void approval_order(const struct check_ctx *c, const struct doc *d)
{
	const struct node *ap = node_child(d->root, "approval");
	int32_t day, approved;

	if (node_date(d->root, "date", &day) && node_date(ap, "date", &approved) && approved < day)
		rule_report(c, RULE_INITIATION_UNAPPROVED, d, ap,
		            "initiation %s was approved on %s, before it was submitted on %s: "
		            "correct the dates",
		            doc_id(d), node_attr(ap, "date"), node_attr(d->root, "date"));
}

void rules_project(const struct check_ctx *c)
{
	const GPtrArray *slas = model_slas(c->m);

	for (guint i = 0; i < c->repo->docs->len; i++) {
		const struct doc *d = c->repo->docs->pdata[i];
		if (!d->root || !d->valid)
			continue;
		if (d->kind == KIND_DECOMPOSITION)
			clauses_without_dept(c, d);
		else if (d->kind == KIND_INITIATION)
			approval_order(c, d);
		else if (d->kind == KIND_PROPOSAL)
			proposal_owner(c, d);
	}
	for (guint i = 0; i < slas->len; i++) {
		const struct sla_view *v = slas->pdata[i];
		if (node_is(v->doc->root, "status", "signed"))
			signed_sla(c, v);
	}
}
