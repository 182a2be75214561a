/* Rules requirements-mismatch, tier-not-offered, target-beyond-offer, price-mismatch and
 * capability-exceeded: an SLA checked against what it answers and what it draws on.  Seed steps
 * 1–2 (客户需求调查, 服务需求评估: the SLA answers the customer's final requirements, accepted by the
 * service level manager), step 3 (编制服务目录: the catalog's tiers, prices 服务价格 and standard
 * targets are the reference of every SLA) and step 4 (拟定和谈判: the targets are compared with the
 * delivery capability 服务提供能力 the departments reported).
 *
 * Decisions where the design is silent:
 * - requirements: a base SLA is compared as written (its own <service> elements), not in each
 *   effective version: additional SLAs are the change process (steps 12–13) and change services
 *   without new requirements.  An additional SLA that names requirements= of its own must request
 *   each service it adds or changes at its tier (it restates only what changes, so nothing is
 *   reported for services it leaves out).  A base SLA without requirements= is a finding once
 *   signed (steps 1–2 come before step 5), unless it renews= a predecessor or the customer
 *   already had another binding SLA that started earlier: the seed's survey is for new customers
 *   (对于新客户); a renewal answers the agreement it succeeds, and a second SLA of an existing
 *   customer rests on what the provider knows of them.  An SLA that names requirements= is held
 *   to them whoever the customer is.  A draft SLA is negotiation in progress: its requirements
 *   may still be a draft, but once they are final and accepted the draft must match them.
 * - catalog: every SLA document (base and additional, draft or signed) is compared with the
 *   catalog its catalog= names, service element by service element, so a target is checked once,
 *   in the document that promises it.  Ended and terminated SLAs are history signed against an
 *   earlier edition of the catalog (the repository holds only the current one): they are skipped.
 *   A priority the offer does not list is unpriced: promising a target for it is beyond the offer.
 *   The capability is compared only where it records a value (no data is not a finding).
 * - charges are checked per effective version (DESIGN §3): the charges in force against the
 *   services in force.  When an additional SLA changes the services but keeps the base's charges,
 *   the finding is on the additional SLA, which is where the charges should have been restated.
 *   Draft additional SLAs are not applied to the effective SLA, so their charges are not summed.
 *
 * Percentages, durations and money are compared exactly (timecore), tiers as numbers. */
#include "rules.h"

#include <string.h>

/* ---- small helpers ---- */

/* A tier level as a number (xs:positiveInteger allows "+1" and "01"); -1 when not a number. */
static int tier_num(const char *s)
{
	int v = 0;

	if (!s)
		return -1;
	while (g_ascii_isspace(*s))
		s++;
	if (*s == '+')
		s++;
	if (!g_ascii_isdigit(*s))
		return -1;
	for (; g_ascii_isdigit(*s); s++) {
		v = v * 10 + (*s - '0');
		if (v > 1000000)
			return -1;
	}
	while (g_ascii_isspace(*s))
		s++;
	return *s ? -1 : v;
}

static bool tier_equal(const char *a, const char *b)
{
	int x = tier_num(a);
	return x >= 0 && x == tier_num(b);
}

static bool retired(const struct doc *d)
{
	return node_is(d->root, "status", "ended") || node_is(d->root, "status", "terminated");
}

/* The catalog <service> node of SERVICE when it belongs to catalog CAT (one hash lookup), else
 * NULL. */
static const struct node *catalog_service(const struct check_ctx *c, const struct doc *cat,
                                          const char *service)
{
	const struct entry *e = service ? index_lookup(c->ix, service, TBIT(T_SERVICE)) : NULL;
	return e && e->doc == cat ? e->node : NULL;
}

static const struct node *find_offer(const struct node *svc, const char *tier)
{
	node_each(o, svc, "offer") if (tier_equal(node_attr(o, "tier"), tier)) return o;
	return NULL;
}

/* The <response>/<resolution> child of N named NAME for PRIORITY. */
static const struct node *find_time_target(const struct node *n, const char *name,
                                           const char *priority)
{
	node_each(t, n, name) if (node_is(t, "priority", priority)) return t;
	return NULL;
}

/* "1, 2" — the tiers at which a catalog service is offered. */
static char *offered_tiers(const struct node *svc)
{
	GString *s = g_string_new(NULL);

	node_each(o, svc, "offer")
	{
		if (s->len)
			g_string_append(s, ", ");
		g_string_append(s, node_attr(o, "tier") ? node_attr(o, "tier") : "?");
	}
	return g_string_free(s, FALSE);
}

static char *money_text(int64_t cents)
{
	return decimal_format(cents, 2, true);
}

/* ---- requirements-mismatch (steps 1, 2) ---- */

static const struct node *requested(const struct doc *req, const char *ref)
{
	node_each(s, req->root, "service") if (ref && node_is(s, "ref", ref)) return s;
	return NULL;
}

static const struct node *sla_service(const struct doc *sla, const char *ref)
{
	node_each(s, sla->root, "service") if (ref && node_is(s, "ref", ref)) return s;
	return NULL;
}

/* Requirements that are not final or not accepted: one finding naming every reason. */
static bool check_requirements_state(const struct check_ctx *c, const struct doc *sla,
                                     const struct doc *req, bool report)
{
	const struct node *ev = node_child(req->root, "evaluation");
	const char *req_id = doc_id(req);
	GString *why = g_string_new(NULL);
	bool ok;

	if (!node_is(req->root, "status", "final"))
		g_string_append(why, "are still a draft (status=\"draft\")");
	if (!ev)
		g_string_append_printf(why, "%shave no evaluation by the service level manager",
		                       why->len ? " and " : "");
	else if (!node_is(ev, "decision", "accept"))
		g_string_append_printf(why, "%swere rejected by the evaluation of %s",
		                       why->len ? " and " : "",
		                       node_attr(ev, "date") ? node_attr(ev, "date") : "?");
	ok = why->len == 0;
	if (!ok && report) {
		struct diag *dg = rule_report(
		    c, RULE_REQUIREMENTS_MISMATCH, sla, sla->root,
		    "SLA %s is signed on requirements %s, which %s: an SLA is signed only on final "
		    "requirements that the service level manager's evaluation accepted (steps "
		    "1-2); "
		    "bring %s to status=\"final\" with an evaluation that accepts them, or correct "
		    "requirements=",
		    doc_id(sla), req_id, why->str, req_id);
		rule_related(c, dg, req, ev ? ev : req->root, "%s %s here", req_id,
		             ev ? "is evaluated" : "is declared");
	}
	g_string_free(why, TRUE);
	return ok;
}

/* Whether the customer of SLA already had another binding SLA, started before this one: a second
 * SLA of an existing customer needs no new survey (step 1 is for new customers, 对于新客户). */
static bool existing_customer(const struct check_ctx *c, const struct doc *sla)
{
	const struct sla_view *self = model_sla(c->m, doc_id(sla));
	const GPtrArray *slas = model_slas(c->m);
	const char *customer = node_attr(sla->root, "customer");

	if (!self || !self->has_term || !customer)
		return false;
	for (guint i = 0; i < slas->len; i++) {
		const struct sla_view *v = slas->pdata[i];
		if (v != self && v->binding && v->has_term && v->start < self->start &&
		    node_is(v->doc->root, "customer", customer))
			return true;
	}
	return false;
}

static void check_requirements(const struct check_ctx *c, const struct doc *sla)
{
	const char *req_id = node_attr(sla->root, "requirements");
	const char *customer = node_attr(sla->root, "customer");
	const char *req_customer;
	bool draft = node_is(sla->root, "status", "draft");
	bool additional = node_attr(sla->root, "amends") != NULL;
	const struct doc *req;

	if (!req_id) {
		if (!draft && !additional && !node_attr(sla->root, "renews") &&
		    !existing_customer(c, sla))
			rule_report(
			    c, RULE_REQUIREMENTS_MISMATCH, sla, sla->root,
			    "SLA %s names no requirements: an SLA answers the customer's "
			    "final requirements (服务需求说明书) accepted by the service level "
			    "manager (steps 1-2); add requirements= naming them",
			    doc_id(sla));
		return;
	}
	req = model_doc(c->m, req_id, KIND_REQUIREMENTS);
	if (!req || !req->valid)
		return; /* unresolved-ref or schema reports it */
	req_customer = node_attr(req->root, "customer");
	if (customer && req_customer && strcmp(customer, req_customer) != 0) {
		struct diag *dg = rule_report(
		    c, RULE_REQUIREMENTS_MISMATCH, sla, sla->root,
		    "SLA %s is for customer %s, but its requirements %s are those of customer %s: "
		    "name the requirements of %s",
		    doc_id(sla), customer, req_id, req_customer, customer);
		rule_related(c, dg, req, req->root, "%s is declared here", req_id);
		return;
	}
	/* a draft SLA may rest on draft requirements; once they are settled it must match them */
	if (!check_requirements_state(c, sla, req, !draft) && draft)
		return;

	node_each(s, sla->root, "service")
	{
		const char *ref = node_attr(s, "ref"), *tier = node_attr(s, "tier");
		const struct node *r = requested(req, ref);
		struct diag *dg;

		if (!ref)
			continue;
		if (!r) {
			dg = rule_report(
			    c, RULE_REQUIREMENTS_MISMATCH, sla, s,
			    "SLA %s includes %s at tier %s, which requirements %s do not "
			    "request: remove it, or record the changed requirements and "
			    "their evaluation",
			    doc_id(sla), ref, tier ? tier : "?", req_id);
			rule_related(c, dg, req, req->root, "%s is declared here", req_id);
		} else if (!tier_equal(tier, node_attr(r, "tier"))) {
			dg = rule_report(
			    c, RULE_REQUIREMENTS_MISMATCH, sla, s,
			    "SLA %s provides %s at tier %s, but requirements %s request "
			    "tier %s: align the tier, or record the changed requirements "
			    "and their evaluation",
			    doc_id(sla), ref, tier ? tier : "?", req_id,
			    node_attr(r, "tier") ? node_attr(r, "tier") : "?");
			rule_related(c, dg, req, r, "%s requests %s here", req_id, ref);
		}
	}
	if (additional)
		return; /* an additional SLA restates only what it changes */
	node_each(r, req->root, "service")
	{
		const char *ref = node_attr(r, "ref");
		struct diag *dg;

		if (!ref || sla_service(sla, ref))
			continue;
		dg = rule_report(
		    c, RULE_REQUIREMENTS_MISMATCH, sla, sla->root,
		    "requirements %s request %s at tier %s, which SLA %s does not include: "
		    "add the service, or record the changed requirements and their "
		    "evaluation",
		    req_id, ref, node_attr(r, "tier") ? node_attr(r, "tier") : "?", doc_id(sla));
		rule_related(c, dg, req, r, "%s requests %s here", req_id, ref);
	}
}

/* ---- tier-not-offered, target-beyond-offer, capability-exceeded (steps 3, 4) ---- */

/* The SLA availability A against the offer's (beyond) or the capability's (exceeded). */
static void check_availability(const struct check_ctx *c, const struct doc *sla,
                               const struct node *s, const struct node *offer,
                               const struct node *cap, const struct doc *cat)
{
	const struct node *a = node_child(s, "availability");
	const struct node *oa = offer ? node_child(offer, "availability") : NULL;
	const char *ref = node_attr(s, "ref"), *tier = node_attr(s, "tier");
	int64_t want, have;
	struct diag *dg;

	if (!a || !node_percent(a, "target", &want))
		return;
	if (offer && !oa) {
		dg = rule_report(
		    c, RULE_TARGET_BEYOND_OFFER, sla, a,
		    "SLA %s promises %s%% availability for %s, but the catalog offer of %s "
		    "at tier %s sets no availability target: the promise was not priced; "
		    "remove it, or add the standard target to the offer",
		    doc_id(sla), node_attr(a, "target"), ref, ref, tier);
		rule_related(c, dg, cat, offer, "the tier %s offer of %s is here", tier, ref);
	} else if (oa && node_percent(oa, "target", &have) && want > have) {
		dg = rule_report(
		    c, RULE_TARGET_BEYOND_OFFER, sla, a,
		    "SLA %s promises %s%% availability for %s, above the %s%% of the "
		    "catalog offer at tier %s: promise at most %s%%, or pick a tier whose "
		    "offer includes it",
		    doc_id(sla), node_attr(a, "target"), ref, node_attr(oa, "target"), tier,
		    node_attr(oa, "target"));
		rule_related(c, dg, cat, oa, "the tier %s offer of %s is here", tier, ref);
	}
	if (cap && node_percent(cap, "availability", &have) && want > have) {
		dg = rule_report(
		    c, RULE_CAPABILITY_EXCEEDED, sla, a,
		    "SLA %s promises %s%% availability for %s, above the %s%% delivery "
		    "capability recorded in the catalog: relax the target, or have the "
		    "delivering department record a better capability",
		    doc_id(sla), node_attr(a, "target"), ref, node_attr(cap, "availability"));
		rule_related(c, dg, cat, cap, "the capability of %s is recorded here", ref);
	}
}

/* One <response> or <resolution> T of SLA service S against the offer and the capability. */
static void check_time_target(const struct check_ctx *c, const struct doc *sla,
                              const struct node *s, const struct node *t, const struct node *offer,
                              const struct node *cap, const struct doc *cat)
{
	const char *ref = node_attr(s, "ref"), *tier = node_attr(s, "tier");
	const char *prio = node_attr(t, "priority"), *what = t->name;
	const struct node *o = offer ? find_time_target(offer, t->name, prio) : NULL;
	const struct node *k = cap ? find_time_target(cap, t->name, prio) : NULL;
	struct time_duration want, have;
	struct diag *dg;

	if (!prio || !node_duration(t, "within", &want))
		return;
	if (offer && !o) {
		dg = rule_report(
		    c, RULE_TARGET_BEYOND_OFFER, sla, t,
		    "SLA %s promises a %s %s time of %s for %s, but the catalog offer of "
		    "%s at tier %s sets no %s %s target: the promise was not priced; "
		    "remove it, or add the standard target to the offer",
		    doc_id(sla), prio, what, node_attr(t, "within"), ref, ref, tier, prio, what);
		rule_related(c, dg, cat, offer, "the tier %s offer of %s is here", tier, ref);
	} else if (o && node_duration(o, "within", &have) &&
	           time_duration_compare(&want, &have) == -1) {
		dg = rule_report(
		    c, RULE_TARGET_BEYOND_OFFER, sla, t,
		    "SLA %s promises a %s %s time of %s for %s, shorter than the %s of the "
		    "catalog offer at tier %s: promise %s or longer, or pick a tier whose "
		    "offer includes it",
		    doc_id(sla), prio, what, node_attr(t, "within"), ref, node_attr(o, "within"),
		    tier, node_attr(o, "within"));
		rule_related(c, dg, cat, o, "the tier %s offer of %s is here", tier, ref);
	}
	if (k && node_duration(k, "within", &have) && time_duration_compare(&want, &have) == -1) {
		dg = rule_report(
		    c, RULE_CAPABILITY_EXCEEDED, sla, t,
		    "SLA %s promises a %s %s time of %s for %s, shorter than the %s "
		    "delivery capability recorded in the catalog: relax the target, or "
		    "have the delivering department record a better capability",
		    doc_id(sla), prio, what, node_attr(t, "within"), ref, node_attr(k, "within"));
		rule_related(c, dg, cat, k, "the capability of %s is recorded here", ref);
	}
}

static void check_offer(const struct check_ctx *c, const struct doc *sla, const struct doc *cat,
                        const struct node *s)
{
	const char *ref = node_attr(s, "ref"), *tier = node_attr(s, "tier");
	const struct entry *e = ref ? index_lookup(c->ix, ref, TBIT(T_SERVICE)) : NULL;
	const struct node *svc, *offer, *cap;
	struct diag *dg;

	if (!e)
		return; /* unresolved-ref reports it */
	svc = catalog_service(c, cat, ref);
	if (!svc) {
		dg = rule_report(
		    c, RULE_TIER_NOT_OFFERED, sla, s,
		    "SLA %s picks %s, which catalog %s (named by catalog=) does not list: "
		    "pick a service of %s, or name the catalog that offers it",
		    doc_id(sla), ref, doc_id(cat), doc_id(cat));
		rule_related(c, dg, e->doc, e->node, "%s is declared here", ref);
		return;
	}
	offer = find_offer(svc, tier);
	if (!offer) {
		char *tiers = offered_tiers(svc);
		if (*tiers)
			dg = rule_report(
			    c, RULE_TIER_NOT_OFFERED, sla, s,
			    "SLA %s picks %s at tier %s, but catalog %s offers %s only at "
			    "tier %s: pick an offered tier, or add the offer to the catalog "
			    "first",
			    doc_id(sla), ref, tier ? tier : "?", doc_id(cat), ref, tiers);
		else
			dg = rule_report(
			    c, RULE_TIER_NOT_OFFERED, sla, s,
			    "SLA %s picks %s at tier %s, but catalog %s has no offer for "
			    "%s at any tier: add the offer to the catalog first",
			    doc_id(sla), ref, tier ? tier : "?", doc_id(cat), ref);
		rule_related(c, dg, cat, svc, "%s is declared here", ref);
		g_free(tiers);
	}
	cap = node_child(svc, "capability");
	check_availability(c, sla, s, offer, cap, cat);
	node_each(t, s, NULL)
	{
		if (strcmp(t->name, "response") == 0 || strcmp(t->name, "resolution") == 0)
			check_time_target(c, sla, s, t, offer, cap, cat);
	}
}

static void check_offers(const struct check_ctx *c, const struct doc *sla)
{
	const struct doc *cat = model_doc(c->m, node_attr(sla->root, "catalog"), KIND_CATALOG);

	if (!cat || !cat->valid)
		return;
	node_each(s, sla->root, "service") check_offer(c, sla, cat, s);
}

/* ---- price-mismatch (steps 3, 4) ---- */

struct pricing {
	const struct check_ctx *c;
	GHashTable *seen; /* "node pointer|message" already reported for this SLA */
};

/* Report once per SLA: versions that share the charges and the services give the same
 * finding. */
static struct diag *price_report(struct pricing *p, const struct doc *d, const struct node *n,
                                 char *msg)
{
	char *key = g_strdup_printf("%p|%s", (const void *)n, msg);
	struct diag *dg = NULL;

	if (!g_hash_table_contains(p->seen, key)) {
		g_hash_table_add(p->seen, key);
		dg = rule_report(p->c, RULE_PRICE_MISMATCH, d, n, "%s", msg);
	} else
		g_free(key);
	g_free(msg);
	return dg;
}

/* PRICE, priced per the period of B's ATTR_B, restated per the period of A's ATTR_A: both whole
 * months (P3M is three times P1M, P1Y twelve) or both whole seconds (P7D is seven times P1D), the
 * result a whole number of cents.  Two one-off prices (no per=) are the same; otherwise false. */
static bool per_period(const struct node *a, const char *attr_a, const struct node *b,
                       const char *attr_b, int64_t price, int64_t *out)
{
	struct time_duration x, y;
	bool hx = node_duration(a, attr_a, &x), hy = node_duration(b, attr_b, &y);
	int64_t num, den;

	if (!hx || !hy) {
		*out = price;
		return hx == hy;
	}
	if (x.nanos || y.nanos)
		return false;
	if (!x.seconds && !y.seconds && x.months > 0 && y.months > 0)
		num = x.months, den = y.months;
	else if (!x.months && !y.months && x.seconds > 0 && y.seconds > 0)
		num = x.seconds, den = y.seconds;
	else
		return false;
	if (num == den) {
		*out = price;
		return true;
	}
	/* a period beyond 10^6 units, or a price beyond 10^12 cents, would overflow: say they differ */
	if (num > 1000000 || den > 1000000 || price > 1000000000000 || price * num % den)
		return false;
	*out = price * num / den;
	return true;
}

/* The catalog offer of the I-th service of version V, or NULL (tier-not-offered reports it). */
static const struct node *version_offer(const struct check_ctx *c, const struct sla_version *v,
                                        guint i, const struct doc **cat)
{
	const struct node *s = v->services->pdata[i];
	const struct doc *d = v->service_docs->pdata[i];
	const struct node *svc;

	*cat = model_doc(c->m, node_attr(d->root, "catalog"), KIND_CATALOG);
	if (!*cat || !(*cat)->valid)
		return NULL;
	svc = catalog_service(c, *cat, node_attr(s, "ref"));
	return svc ? find_offer(svc, node_attr(s, "tier")) : NULL;
}

/* Each <item> of charges introduced by version V against the offer of its service. */
static void check_items(struct pricing *p, const struct sla_version *v)
{
	const struct check_ctx *c = p->c;
	const struct doc *d = v->charges_doc;

	node_each(item, v->charges, "item")
	{
		const char *svc = node_attr(item, "service");
		const struct node *s = NULL;
		const struct node *offer = NULL;
		const struct doc *cat = NULL;
		const char *per = node_attr(item, "per");
		int64_t amount, price;
		struct diag *dg;

		if (!svc || !index_lookup(c->ix, svc, TBIT(T_SERVICE)))
			continue;
		for (guint i = 0; i < v->services->len && !s; i++)
			if (node_is(v->services->pdata[i], "ref", svc)) {
				s = v->services->pdata[i];
				offer = version_offer(c, v, i, &cat);
			}
		if (!s) {
			price_report(
			    p, d, item,
			    g_strdup_printf("the charges of SLA %s bill %s, which the SLA does "
			                    "not include: remove the item, or add the service",
			                    doc_id(d), svc));
			continue;
		}
		if (!offer || !node_money(item, "amount", &amount) ||
		    !node_money(offer, "price", &price))
			continue;
		/* an item without per= takes the charges' period: check_total reports that one */
		if (per && !per_period(item, "per", offer, "per", price, &price)) {
			dg = price_report(
			    p, d, item,
			    g_strdup_printf("the charge for %s in SLA %s is %s per %s, but the "
			                    "catalog prices %s at tier %s per %s: charge per the "
			                    "catalog's period or a multiple of it",
			                    svc, doc_id(d), node_attr(item, "amount"), per, svc,
			                    node_attr(s, "tier"), node_attr(offer, "per")));
		} else if (amount != price) {
			bool restated = per && g_strcmp0(per, node_attr(offer, "per")) != 0;
			char *want = money_text(price);
			dg = price_report(
			    p, d, item,
			    g_strdup_printf(
			        "the charge for %s in SLA %s is %s, but the catalog "
			        "price of %s at tier %s is %s per %s%s%s%s%s: charge the catalog "
			        "price, or correct the catalog",
			        svc, doc_id(d), node_attr(item, "amount"), svc,
			        node_attr(s, "tier"), node_attr(offer, "price"),
			        node_attr(offer, "per"), restated ? ", " : "", restated ? want : "",
			        restated ? " per " : "", restated ? per : ""));
			g_free(want);
		} else
			continue;
		if (dg)
			rule_related(c, dg, cat, offer, "the tier %s offer of %s is here",
			             node_attr(s, "tier"), svc);
	}
}

/* The total of the charges in force in version V against the sum of its services' offers. */
static void check_total(struct pricing *p, const struct sla_view *view, const struct sla_version *v,
                        bool inherited)
{
	const struct check_ctx *c = p->c;
	const struct node *ch = v->charges;
	const struct doc *chd = v->charges_doc;
	const struct doc *cat = model_doc(c->m, node_attr(chd->root, "catalog"), KIND_CATALOG);
	GString *sum_text = g_string_new(NULL);
	int64_t amount, sum = 0;
	struct diag *dg;
	char *msg;
	bool restated = false; /* an offer priced per another period than the charges */

	if (!node_money(ch, "amount", &amount))
		goto out;
	if (cat && cat->valid && node_attr(cat->root, "currency") &&
	    !node_is(ch, "currency", node_attr(cat->root, "currency"))) {
		dg = price_report(p, chd, ch,
		                  g_strdup_printf("the charges of SLA %s are in %s, but catalog %s "
		                                  "prices in %s: charge in the catalog's currency",
		                                  doc_id(chd), node_attr(ch, "currency"),
		                                  doc_id(cat), node_attr(cat->root, "currency")));
		if (dg)
			rule_related(c, dg, cat, cat->root, "catalog %s is declared here",
			             doc_id(cat));
		goto out;
	}
	for (guint i = 0; i < v->services->len; i++) {
		const struct node *s = v->services->pdata[i];
		const struct doc *scat;
		const struct node *offer = version_offer(c, v, i, &scat);
		int64_t price;

		if (!offer || !node_money(offer, "price", &price))
			goto out; /* tier-not-offered reports it */
		if (!per_period(ch, "per", offer, "per", price, &price)) {
			dg = price_report(
			    p, chd, ch,
			    g_strdup_printf(
			        "the charges of SLA %s are %s %s, but the catalog prices "
			        "%s at tier %s per %s: state the charges per the "
			        "catalog's period or a multiple of it",
			        doc_id(chd), node_attr(ch, "per") ? "per" : "one-off",
			        node_attr(ch, "per") ? node_attr(ch, "per") : "(no per=)",
			        node_attr(s, "ref"), node_attr(s, "tier"),
			        node_attr(offer, "per")));
			if (dg)
				rule_related(c, dg, scat, offer, "the tier %s offer of %s is here",
				             node_attr(s, "tier"), node_attr(s, "ref"));
			goto out;
		}
		if (!money_add(sum, price, &sum))
			goto out;
		g_string_append_printf(sum_text, "%s%s tier %s %s", i ? " + " : "",
		                       node_attr(s, "ref"), node_attr(s, "tier"),
		                       node_attr(offer, "price"));
		if (g_strcmp0(node_attr(ch, "per"), node_attr(offer, "per")) != 0) {
			g_string_append_printf(sum_text, " per %s", node_attr(offer, "per"));
			restated = true;
		}
	}
	if (amount == sum)
		goto out;
	{
		const char *per = node_attr(ch, "per") ? node_attr(ch, "per") : "";
		char *have = money_text(amount), *want = money_text(sum), *from;

		if (restated) { /* "210000 per P3M" */
			char *t = g_strdup_printf("%s per %s", want, per);
			g_free(want);
			want = t;
		}

		if (!v->services->len)
			g_string_assign(sum_text, "no services");
		if (inherited) {
			from = time_date_format(v->from);
			msg = g_strdup_printf(
			    "additional SLA %s changes the services of %s from %s but keeps the "
			    "charges of %s %s%s%s, while the catalog prices of the services in "
			    "force from then add up to %s (%s): restate <charges> in the "
			    "additional "
			    "SLA",
			    doc_id(v->source), doc_id(view->doc), from, have,
			    node_attr(ch, "currency"), *per ? " per " : "", per, want,
			    sum_text->str);
			dg = price_report(p, v->source, v->source->root, msg);
			if (dg)
				rule_related(c, dg, chd, ch,
				             "the charges in force are stated here");
			g_free(from);
		} else {
			msg =
			    g_strdup_printf("the charges of SLA %s are %s %s%s%s, but the catalog "
			                    "prices of its services add up to %s (%s): charge %s, "
			                    "or correct the catalog",
			                    doc_id(chd), have, node_attr(ch, "currency"),
			                    *per ? " per " : "", per, want, sum_text->str, want);
			dg = price_report(p, chd, ch, msg);
			if (dg && cat)
				rule_related(c, dg, cat, cat->root, "catalog %s is declared here",
				             doc_id(cat));
		}
		g_free(have);
		g_free(want);
	}
out:
	g_string_free(sum_text, TRUE);
}

/* "charges pointer|ref:tier|…": versions with the same key give the same findings. */
static char *version_key(const struct sla_version *v)
{
	GString *k = g_string_new(NULL);

	g_string_append_printf(k, "%p", (const void *)v->charges);
	for (guint i = 0; i < v->services->len; i++)
		g_string_append_printf(k, "|%s:%d", node_attr(v->services->pdata[i], "ref"),
		                       tier_num(node_attr(v->services->pdata[i], "tier")));
	return g_string_free(k, FALSE);
}

static void check_prices(const struct check_ctx *c, const struct sla_view *view)
{
	struct pricing p = {c, g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL)};
	GHashTable *versions = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);

	for (guint i = 0; i < view->versions->len; i++) {
		const struct sla_version *v = view->versions->pdata[i];
		char *key;
		bool introduced;

		if (!v->charges || !v->charges_doc->valid)
			continue;
		key = version_key(v);
		if (g_hash_table_contains(versions, key)) {
			g_free(key);
			continue;
		}
		g_hash_table_add(versions, key);
		introduced = v->charges_doc == v->source || i == 0;
		if (introduced)
			check_items(&p, v);
		check_total(&p, view, v, !introduced);
	}
	g_hash_table_destroy(versions);
	g_hash_table_destroy(p.seen);
}

void rules_catalog(const struct check_ctx *c)
{
	const GPtrArray *slas = model_slas(c->m);

	for (guint i = 0; i < c->repo->docs->len; i++) {
		const struct doc *d = c->repo->docs->pdata[i];

		if (!d->root || !d->valid || d->kind != KIND_SLA)
			continue;
		check_requirements(c, d);
		if (!retired(d))
			check_offers(c, d);
	}
	for (guint i = 0; i < slas->len; i++) {
		const struct sla_view *view = slas->pdata[i];
		if (!retired(view->doc))
			check_prices(c, view);
	}
}
