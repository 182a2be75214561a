/* Rules renewal-notice, confirmation-pending, release-incomplete, budget-overrun and
 * archive-incomplete: the end of an SLA.  A month (the term's notice=) before an SLA ends, sales
 * press the customer to renew or give notice of the end (seed step 12, termination step 1); the
 * customer confirms in writing, or silence for the stated working days counts as confirmation (2);
 * the infrastructure, staff and supplier resources are released (3–5); the service is accounted
 * against the proposal's budget (6); the SLA, proposal, OLAs and supplier contracts are archived
 * (step 14).
 *
 * Decisions where the design is silent, and why:
 *   - An SLA is the base SLA with its additional SLAs: a termination, proposal or successor naming
 *     an additional SLA counts for its base.
 *   - renewal-notice: signed base SLAs only; the window is [end − notice, end] of the term in force
 *     at the end (an additional SLA may replace it), both ends included, notice P1M by default.  A
 *     successor (renews=) of any status, even a draft, shows the renewal was raised; any
 *     termination record of the SLA carries the notice.
 *   - confirmation-pending: working days in the SLA's calendar, the notice day not counted; the
 *     as-of date is read as the end of that day, so on the last day of the period nothing is
 *     pending.  A notice without confirm-within= can only be confirmed by a reply: pending until
 *     one is recorded.
 *   - release-incomplete: a termination is work in progress until it is closed.  An open one is not
 *     held to a complete checklist (the seed sets no deadline, and a release planned after the
 *     as-of date is not late); only an item already released (released= on or before the as-of
 *     date) without the person who released it is incomplete whatever the status.  A closed one
 *     must list every resource of the SLA's proposals in the list of its kind, and every signed
 *     supplier contract supporting the SLA that had not run out before the last day of service,
 *     each item with released= (not after the as-of date) and person=.  A supplier-list item
 *     naming the supplier, or a supplier resource of the proposal, releases every contract of that
 *     supplier; naming one contract releases that contract.
 *   - budget-overrun: the budget is the sum of the budgets of the SLA's proposals; a budget per
 *     period counts the periods served (term start to the last day of service).  The accounting's
 *     own budget= must agree with it (for a budget per period it may also state the whole term's):
 *     a misstated budget is reported here, since it falsifies the comparison step 6 asks for; an
 *     overrun and a misstated budget are one finding, the overrun.  Another currency is a finding
 *     (no comparison is possible).  Without a proposal budget, the accounting's own figures speak.
 *   - archive-incomplete: a closed termination archives the SLA, its additional SLAs, its
 *     proposals, and every OLA and supplier contract that supported it, whatever their status now
 *     (signed, ended or terminated: drafts never bound anyone); archiving more (the
 *     initiation, the requirements) is welcome, never required. */
#include "rules.h"

#include <string.h>

/* ---- the SLA with its additional SLAs ---- */

/* Each OLA and supplier contract that supported a service the SLA promised in any version and
 * carried obligations (signed, ended or terminated: whatever its status now), once, as struct
 * support.  At the end of an SLA everything that backed it is archived, and what is still in
 * force is released. */
static GArray *binding_support(const struct check_ctx *c, const struct sla_view *v)
{
	GPtrArray *ids = model_sla_family(c->m, v);
	GArray *out = g_array_new(FALSE, FALSE, sizeof(struct support));
	GHashTable *seen = g_hash_table_new(g_direct_hash, g_direct_equal);
	GHashTable *services = g_hash_table_new(g_str_hash, g_str_equal);

	for (guint i = 0; i < v->versions->len; i++) {
		const struct sla_version *ver = v->versions->pdata[i];
		for (guint j = 0; j < ver->services->len; j++) {
			const char *svc = node_attr(ver->services->pdata[j], "ref");
			if (!svc || !g_hash_table_add(services, (gpointer)svc))
				continue;
			for (guint k = 0; k < ids->len; k++) {
				const GArray *sup = model_supporting(c->m, ids->pdata[k], svc);
				for (guint n = 0; n < sup->len; n++) {
					struct support s = g_array_index(sup, struct support, n);
					const struct agreement *a = model_agreement(c->m, s.doc);
					if (a && a->binding && g_hash_table_add(seen, (gpointer)s.doc))
						g_array_append_val(out, s);
				}
			}
		}
	}
	g_hash_table_destroy(services);
	g_hash_table_destroy(seen);
	g_ptr_array_free(ids, TRUE);
	return out;
}

/* The last day of service termination T gives SLA V (the model's, when T is the one that ends
 * it). */
static int32_t last_day_of(const struct sla_view *v, const struct doc *t)
{
	int32_t last = TIME_DAY_MIN, end = TIME_DAY_MAX;

	if (v && v->termination == t)
		return v->last;
	if (v && v->versions->len)
		end = ((const struct sla_version *)v->versions->pdata[v->versions->len - 1])->to;
	termination_last_day(t, end, &last);
	return last;
}

static const char *agreement_label(const struct doc *d)
{
	return d->kind == KIND_OLA ? "OLA" : "supplier contract";
}

/* ---- renewal-notice (step 12, termination step 1) ---- */

/* Whether one of the SLAs RENEWALS is not of the family IDS (an SLA that renews itself is no
 * successor). */
static bool successor(const GPtrArray *renewals, const GPtrArray *ids)
{
	for (guint i = 0; i < renewals->len; i++) {
		const char *id = node_attr(((const struct doc *)renewals->pdata[i])->root, "id");
		bool own = false;
		for (guint j = 0; id && j < ids->len && !own; j++)
			own = strcmp(id, ids->pdata[j]) == 0;
		if (!own)
			return true;
	}
	return false;
}

/* Whether a successor SLA (renews=) or a termination of the SLA is recorded. */
static bool end_recorded(const struct check_ctx *c, const GPtrArray *ids)
{
	for (guint i = 0; i < ids->len; i++)
		if (successor(model_referring(c->m, KIND_SLA, "renews", ids->pdata[i]), ids) ||
		    model_referring(c->m, KIND_TERMINATION, "sla", ids->pdata[i])->len)
			return true;
	return false;
}

/* The window is [end − notice, end]: 到期一月前 of 2025-12-31 is 2025-11-30, both ends included.
 * The term is the one in force at the end (an additional SLA may have replaced it). */
static void renewal(const struct check_ctx *c, const struct sla_view *v)
{
	const struct sla_version *last = v->versions->pdata[v->versions->len - 1];
	struct time_duration notice = {1, 0, 0};
	const char *written = last->term ? node_attr(last->term, "notice") : NULL;
	int32_t end, from;
	GPtrArray *ids;
	char *s_end, *s_from, *amended;

	if (!last->term || !node_date(last->term, "end", &end))
		return;
	if (written && !node_duration(last->term, "notice", &notice))
		return;
	/* a notice longer than the calendar reaches back (P9999Y) is due from its first day */
	if (time_date_sub_duration(end, &notice, &from) != TIME_OK)
		from = TIME_DAY_MIN;
	if (c->as_of < from || c->as_of > end)
		return;
	ids = model_sla_family(c->m, v);
	if (!end_recorded(c, ids)) {
		s_end = time_date_format(end);
		s_from = time_date_format(from);
		amended = last->term_doc == v->doc
		              ? g_strdup("")
		              : g_strdup_printf(", as amended by %s,", doc_id(last->term_doc));
		rule_report(
		    c, RULE_RENEWAL_NOTICE, last->term_doc, last->term,
		    "SLA %s%s ends on %s and its notice period (%s%s) began on %s, but no "
		    "successor SLA (renews=\"%s\") and no termination notice are recorded: "
		    "have sales press the customer to renew and record the successor SLA, or "
		    "record the termination with its notice",
		    doc_id(v->doc), amended, s_end, written ? written : "P1M",
		    written ? "" : " by default", s_from, doc_id(v->doc));
		g_free(amended);
		g_free(s_end);
		g_free(s_from);
	}
	g_ptr_array_free(ids, TRUE);
}

/* ---- confirmation-pending (termination step 2) ---- */

/* The notice day itself is not counted: "within 10 working days" of a notice on Friday runs
 * from Monday.  The period has elapsed once its last working day is over, so on that day the
 * customer may still reply and on the as-of date equal to it nothing is pending any more (the
 * as-of date is read as the end of that day, as for every due date). */
static void confirmation(const struct check_ctx *c, const struct doc *t, const struct sla_view *v)
{
	const struct node *notice = node_child(t->root, "notice");
	const char *within = notice ? node_attr(notice, "confirm-within") : NULL;
	const struct calendar *cal;
	int32_t day, last;
	gint64 n;
	char *s_day, *s_last;

	if (!notice || node_child(t->root, "reply") || !node_date(notice, "date", &day))
		return;
	s_day = time_date_format(day);
	if (!within) {
		rule_report(
		    c, RULE_CONFIRMATION_PENDING, t, notice,
		    "the termination notice of %s has no customer reply and sets no "
		    "confirm-within= period after which silence counts as confirmation: record "
		    "the customer's written reply (<reply date=...>), or state the working days "
		    "the customer was given",
		    s_day);
		g_free(s_day);
		return;
	}
	cal = v ? model_calendar(c->m, node_attr(v->doc->root, "calendar")) : NULL;
	n = g_ascii_strtoll(within, NULL, 10);
	/* working days in a year without holiday data are not known: calendar-uncovered says so */
	if (cal && calendar_add_working_days(cal, day, n, &last) &&
	    calendar_covers(cal, day + 1, last, NULL) && c->as_of < last) {
		s_last = time_date_format(last);
		rule_report(
		    c, RULE_CONFIRMATION_PENDING, t, notice,
		    "the termination notice of %s has no customer reply yet, and the "
		    "%" G_GINT64_FORMAT
		    " working day%s after which silence counts as confirmation run%s until %s "
		    "(calendar %s): record the customer's written reply (<reply date=...>) "
		    "when it arrives",
		    s_day, n, n == 1 ? "" : "s", n == 1 ? "s" : "", s_last,
		    node_attr(v->doc->root, "calendar"));
		g_free(s_last);
	}
	g_free(s_day);
}

/* ---- release-incomplete (termination steps 3–5) ---- */

/* The release lists of a termination, indexed. */
struct releases {
	GHashTable *by_ref;         /* ref → its first item, in any list */
	GHashTable *by_kind_ref;    /* "kind\037ref" → its first item in a list of that kind */
	GHashTable *suppliers;      /* released as a whole: named, or a supplier resource */
	GHashTable *any_supplier;   /* with anything released, one contract included */
	const struct node *list[3]; /* the first <release> of each kind */
};

static const char *const kinds[3] = {"infrastructure", "staff", "supplier"};

static int kind_index(const char *kind)
{
	for (int i = 0; i < 3; i++)
		if (kind && strcmp(kind, kinds[i]) == 0)
			return i;
	return -1;
}

/* A supplier-list item releases a supplier as a whole when it names the supplier or a supplier
 * resource of a proposal (every contract of that supplier for the SLA is then released); naming
 * one contract releases that contract only.  The supplier of the item in *WHOLE or *PART. */
static void item_supplier(const struct check_ctx *c, const char *ref, const char **whole,
                          const char **part)
{
	const struct doc *k = model_doc(c->m, ref, KIND_CONTRACT);
	const struct node *r;

	*whole = *part = NULL;
	if (k)
		*part = node_attr(k->root, "supplier");
	else if (model_thing(c->m, ref, T_SUPPLIER))
		*whole = ref;
	else if ((r = model_thing(c->m, ref, T_RESOURCE)) && node_is(r, "kind", "supplier"))
		*whole = node_attr(r, "supplier");
}

static void releases_init(const struct check_ctx *c, const struct doc *t, struct releases *r)
{
	r->by_ref = g_hash_table_new(g_str_hash, g_str_equal);
	r->by_kind_ref = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
	r->suppliers = g_hash_table_new(g_str_hash, g_str_equal);
	r->any_supplier = g_hash_table_new(g_str_hash, g_str_equal);
	memset(r->list, 0, sizeof r->list);
	node_each(rel, t->root, "release")
	{
		int k = kind_index(node_attr(rel, "kind"));
		if (k < 0)
			continue;
		if (!r->list[k])
			r->list[k] = rel;
		node_each(it, rel, "item")
		{
			const char *ref = node_attr(it, "ref"), *whole, *part;
			char *key = g_strdup_printf("%s\037%s", kinds[k], ref);
			if (!g_hash_table_contains(r->by_ref, ref))
				g_hash_table_insert(r->by_ref, (gpointer)ref, it);
			if (!g_hash_table_contains(r->by_kind_ref, key))
				g_hash_table_insert(r->by_kind_ref, key, it);
			else
				g_free(key);
			if (k != 2)
				continue;
			item_supplier(c, ref, &whole, &part);
			if (whole)
				g_hash_table_add(r->suppliers, (gpointer)whole);
			if (whole || part)
				g_hash_table_add(r->any_supplier, (gpointer)(whole ? whole : part));
		}
	}
}

static void releases_free(struct releases *r)
{
	g_hash_table_destroy(r->by_ref);
	g_hash_table_destroy(r->by_kind_ref);
	g_hash_table_destroy(r->suppliers);
	g_hash_table_destroy(r->any_supplier);
}

static bool released_in(const struct releases *r, int kind, const char *ref)
{
	char *key = g_strdup_printf("%s\037%s", kinds[kind], ref);
	bool found = g_hash_table_contains(r->by_kind_ref, key);
	g_free(key);
	return found;
}

/* Where to add a missing item: the list of that kind, or the termination itself. */
static const struct node *add_here(const struct doc *t, const struct releases *r, int kind)
{
	return r->list[kind] ? r->list[kind] : t->root;
}

static void missing_resource(const struct check_ctx *c, const struct doc *t,
                             const struct releases *r, const struct doc *prop,
                             const struct node *res, int kind)
{
	const char *rid = node_attr(res, "id");
	const struct node *other = g_hash_table_lookup(r->by_ref, rid);
	struct diag *diag;

	if (other) {
		diag = rule_report(c, RULE_RELEASE_INCOMPLETE, t, other,
		                   "release item %s is in the %s list, but %s is %s %s resource of "
		                   "proposal %s: move it to the %s release list",
		                   rid, node_attr(node_parent(other), "kind"), rid,
		                   kind == 0 ? "an" : "a", kinds[kind], doc_id(prop), kinds[kind]);
	} else {
		diag = rule_report(
		    c, RULE_RELEASE_INCOMPLETE, t, add_here(t, r, kind),
		    "closed termination %s does not release %s resource %s (%s) of "
		    "proposal %s: add <item ref=\"%s\" released=\"...\" person=\"...\"/> "
		    "to the %s release list",
		    doc_id(t), kinds[kind], rid, node_attr(res, "name"), doc_id(prop), rid,
		    kinds[kind]);
	}
	rule_related(c, diag, prop, res, "%s is declared here", rid);
}

/* Every resource of the SLA's proposals is on the list of its kind; a supplier resource may
 * also be released through its supplier or contract. */
static void release_resources(const struct check_ctx *c, const struct doc *t,
                              const struct releases *r, const GPtrArray *props)
{
	GHashTable *seen = g_hash_table_new(g_str_hash, g_str_equal);

	for (guint i = 0; i < props->len; i++) {
		const struct doc *prop = props->pdata[i];
		node_each(res, prop->root, "resource")
		{
			const char *rid = node_attr(res, "id"), *sup = node_attr(res, "supplier");
			int k = kind_index(node_attr(res, "kind"));
			if (k < 0 || !g_hash_table_add(seen, (gpointer)rid) ||
			    released_in(r, k, rid))
				continue;
			if (k == 2 && sup && g_hash_table_contains(r->any_supplier, sup))
				continue;
			missing_resource(c, t, r, prop, res, k);
		}
	}
	g_hash_table_destroy(seen);
}

static void release_contracts(const struct check_ctx *c, const struct doc *t,
                              const struct releases *r, const struct sla_view *v, const GArray *sup)
{
	int32_t last_day = last_day_of(v, t);

	for (guint i = 0; i < sup->len; i++) {
		const struct support *s = &g_array_index(sup, struct support, i);
		const char *kid = doc_id(s->doc), *supplier = node_attr(s->doc->root, "supplier");
		const struct agreement *a = model_agreement(c->m, s->doc);
		struct diag *diag;

		/* an item naming the contract in another list is unresolved-ref's finding; a
		 * contract no longer in force on the last day of service (run out, replaced) has
		 * nothing left to release */
		if (s->doc->kind != KIND_CONTRACT || g_hash_table_contains(r->by_ref, kid) ||
		    (supplier && g_hash_table_contains(r->suppliers, supplier)) ||
		    (a && a->has_term && a->last < last_day))
			continue;
		diag = rule_report(
		    c, RULE_RELEASE_INCOMPLETE, t, add_here(t, r, 2),
		    "closed termination %s does not release supplier contract %s "
		    "(supplier %s), which supports %s of SLA %s: add <item ref=\"%s\" "
		    "released=\"...\" person=\"...\"/> to the supplier release list",
		    doc_id(t), kid, supplier, node_attr(s->supports, "service"), doc_id(v->doc), kid);
		rule_related(c, diag, s->doc, s->supports, "%s supports %s of %s here", kid,
		             node_attr(s->supports, "service"), node_attr(s->supports, "sla"));
	}
}

/* Each item of a closed termination has its date, not after the as-of date, and its person; in
 * an open one, an item already released names who released it. */
static void release_items(const struct check_ctx *c, const struct doc *t, bool closed)
{
	const struct node *notice = node_child(t->root, "notice");
	int32_t noticed;
	bool has_notice = node_date(notice, "date", &noticed);

	node_each(rel, t->root, "release") node_each(it, rel, "item")
	{
		const char *ref = node_attr(it, "ref");
		bool person = node_attr(it, "person") != NULL;
		int32_t day;
		bool dated = node_date(it, "released", &day);

		if (dated && has_notice && day < noticed) {
			struct diag *diag = rule_report(
			    c, RULE_RELEASE_INCOMPLETE, t, it,
			    "release item %s was released on %s, before the termination notice of "
			    "%s: resources are released once the customer has been notified "
			    "(termination steps 1-3); correct the date of the release or of the notice",
			    ref, node_attr(it, "released"), node_attr(notice, "date"));
			rule_related(c, diag, t, notice, "the notice is dated here");
		}
		if (closed && !dated)
			rule_report(
			    c, RULE_RELEASE_INCOMPLETE, t, it,
			    "release item %s of closed termination %s has no release date%s: "
			    "add released=%s",
			    ref, doc_id(t), person ? "" : " and no person",
			    person ? " with the date it was released"
			           : " and person= (who released it)");
		else if (dated && day <= c->as_of && !person)
			rule_report(c, RULE_RELEASE_INCOMPLETE, t, it,
			            "release item %s was released on %s but names no person: add "
			            "person= naming who released it",
			            ref, node_attr(it, "released"));
		else if (closed && day > c->as_of) {
			char *as_of = time_date_format(c->as_of);
			rule_report(
			    c, RULE_RELEASE_INCOMPLETE, t, it,
			    "release item %s is to be released on %s, after the as-of date "
			    "%s, yet termination %s is closed: record the date it was actually "
			    "released%s, or keep the termination open until then",
			    ref, node_attr(it, "released"), as_of, doc_id(t),
			    person ? "" : " and who released it");
			g_free(as_of);
		}
	}
}

/* Each item naming a proposal resource names one of the SLA's own proposals: releasing another
 * SLA's resource leaves this one's unreleased and ends a service still owed. */
static void release_foreign(const struct check_ctx *c, const struct doc *t,
                            const struct sla_view *v, const GPtrArray *props)
{
	node_each(rel, t->root, "release") node_each(it, rel, "item")
	{
		const struct entry *e = index_lookup(c->ix, node_attr(it, "ref"), TBIT(T_RESOURCE));
		bool own = false;

		for (guint i = 0; e && i < props->len && !own; i++)
			own = e->doc == props->pdata[i];
		if (!e || own)
			continue;
		struct diag *diag = rule_report(
		    c, RULE_RELEASE_INCOMPLETE, t, it,
		    "release item %s is a resource of proposal %s (SLA %s), not of a proposal of "
		    "SLA %s, which termination %s ends: release the SLA's own resources only",
		    e->id, doc_id(e->doc), node_attr(e->doc->root, "sla") ? node_attr(e->doc->root, "sla") : "?",
		    doc_id(v->doc), doc_id(t));
		rule_related(c, diag, e->doc, e->node, "%s is declared here", e->id);
	}
}

static void release(const struct check_ctx *c, const struct doc *t, const struct sla_view *v,
                    const GPtrArray *props, const GArray *sup)
{
	bool closed = node_is(t->root, "status", "closed");
	struct releases r;

	release_items(c, t, closed);
	if (v)
		release_foreign(c, t, v, props);
	if (!closed || !v)
		return;
	releases_init(c, t, &r);
	release_resources(c, t, &r, props);
	release_contracts(c, t, &r, v, sup);
	releases_free(&r);
}

/* ---- budget-overrun (termination step 6) ---- */

/* How many periods PER it takes from START to cover every day up to END. */
static bool periods(int32_t start, int32_t end, const struct time_duration *per, int64_t *n)
{
	if (per->months <= 0 && per->seconds < 86400)
		return false;
	for (int64_t k = 1; k <= 100000; k++) {
		struct time_duration d = {per->months * k, per->seconds * k, 0};
		int32_t next;
		if (time_date_add_duration(start, &d, &next) != TIME_OK)
			return false;
		if (next > end) {
			*n = k;
			return true;
		}
	}
	return false;
}

/* The proposals' budget for the SLA, summed over its proposals: a one-off amount as it is; an
 * amount per period (per=) for the periods served, from the term start to the last day of service
 * (the model's: the termination's effective date or an extension, at most the term end), as SERVED — and for the whole term as FULL,
 * which an accounting may state instead.  False when there is no budget or it cannot be
 * computed; CURRENCY set when a budget is in another currency than the accounting. */
struct budget {
	int64_t served, full;
	int count; /* proposals with a budget */
	bool periodic;
	int64_t periods;       /* periods served, when the one budget is periodic */
	int32_t start, last;   /* the days served */
	const struct doc *doc; /* the first proposal with a budget */
	const struct node *node;
	const char *currency;
};

static bool budget_add(const struct sla_view *v, const struct doc *p, const struct node *n,
                       int32_t end, struct budget *b)
{
	struct time_duration per;
	int64_t amount, k_served = 1, k_full = 1, x, y;

	if (!node_money(n, "amount", &amount))
		return false;
	if (node_duration(n, "per", &per)) {
		if (!v->has_term || !periods(v->start, b->last, &per, &k_served) ||
		    !periods(v->start, end, &per, &k_full))
			return false;
		b->periodic = true;
		b->periods = k_served;
	}
	if (!money_mul(amount, k_served, &x) || !money_mul(amount, k_full, &y) ||
	    !money_add(b->served, x, &b->served) || !money_add(b->full, y, &b->full))
		return false;
	if (!b->doc)
		b->doc = p, b->node = n;
	b->count++;
	return true;
}

static bool budget_of(const struct sla_view *v, const GPtrArray *props, const char *currency,
                      int32_t last, struct budget *b)
{
	int32_t end = ((const struct sla_version *)v->versions->pdata[v->versions->len - 1])->to;

	memset(b, 0, sizeof *b);
	b->start = v->start;
	b->last = last;
	for (guint i = 0; i < props->len; i++) {
		const struct doc *p = props->pdata[i];
		const struct node *n = node_child(p->root, "budget");

		if (!n)
			continue;
		if (!node_is(n, "currency", currency)) {
			b->currency = node_attr(n, "currency");
			b->doc = p, b->node = n;
			return true;
		}
		if (!budget_add(v, p, n, end, b))
			return false;
	}
	return b->doc != NULL;
}

/* "90000.00 CNY, the budget of proposal PROP-X"; "7500.00 CNY, the budget of proposal PROP-X
 * for the 1 period served (7500 per P1M, 2025-01-01 to 2025-01-31)"; "…, the budget of the 2
 * proposals of the SLA". */
static char *budget_describe(const struct budget *b, const GPtrArray *props, const char *cur)
{
	GString *s = g_string_new(NULL);
	char *amount = money_format(b->served);

	if (b->count == 1)
		g_string_append_printf(s, "%s %s, the budget of proposal %s", amount, cur,
		                       doc_id(b->doc));
	else
		g_string_append_printf(s, "%s %s, the budget of the %u proposals of the SLA",
		                       amount, cur, props->len);
	if (b->periodic && b->count == 1) {
		char *from = time_date_format(b->start), *to = time_date_format(b->last);
		g_string_append_printf(
		    s,
		    " for the %" G_GINT64_FORMAT " period%s served (%s per %s, %s "
		    "to %s)",
		    b->periods, b->periods == 1 ? "" : "s", node_attr(b->node, "amount"),
		    node_attr(b->node, "per"), from, to);
		g_free(from);
		g_free(to);
	} else if (b->periodic)
		g_string_append(s, " for the periods served");
	g_free(amount);
	return g_string_free(s, FALSE);
}

/* The accounting is compared with the proposal's budget; it may state the budget for the periods
 * served or for the whole term.  Overrun and a misstated budget are one finding, the overrun. */
static void overrun(const struct check_ctx *c, const struct doc *t, const struct node *acc,
                    const struct budget *b, const GPtrArray *props, int64_t actual, int64_t stated)
{
	const char *cur = node_attr(acc, "currency");
	bool agrees = stated == b->served || (b->periodic && stated == b->full);
	int64_t budget = agrees ? stated : b->served;
	char *s_actual = money_format(actual), *s_stated = money_format(stated);
	char *what = budget_describe(b, props, cur);
	struct diag *diag = NULL;

	if (actual > budget) {
		char *also = agrees ? g_strdup("")
		                    : g_strdup_printf(" (the accounting states a budget of %s %s)",
		                                      s_stated, cur);
		diag =
		    rule_report(c, RULE_BUDGET_OVERRUN, t, acc,
		                "the actual cost %s %s exceeds %s%s: record the overrun as a "
		                "nonconformity with its corrective action, or correct the figures",
		                s_actual, cur, what, also);
		g_free(also);
	} else if (!agrees) {
		char *full = money_format(b->full);
		char *or_full = b->periodic
		                    ? g_strdup_printf(", or %s %s for the whole term", full, cur)
		                    : g_strdup("");
		diag = rule_report(c, RULE_BUDGET_OVERRUN, t, acc,
		                   "the accounting states a budget of %s %s, not %s%s: account "
		                   "against the proposal's budget",
		                   s_stated, cur, what, or_full);
		g_free(or_full);
		g_free(full);
	}
	if (diag)
		rule_related(c, diag, b->doc, b->node, "the budget of %s is set here",
		             doc_id(b->doc));
	g_free(what);
	g_free(s_actual);
	g_free(s_stated);
}

static void budget(const struct check_ctx *c, const struct doc *t, const struct sla_view *v,
                   const GPtrArray *props)
{
	const struct node *acc = node_child(t->root, "accounting");
	const char *cur = acc ? node_attr(acc, "currency") : NULL;
	int64_t actual, stated;
	struct budget b;
	struct diag *diag;

	if (!acc && node_is(t->root, "status", "closed")) {
		rule_report(c, RULE_BUDGET_OVERRUN, t, t->root,
		            "closed termination %s has no <accounting>: account the service's actual "
		            "cost against the proposal budget (termination step 6) before closing it",
		            doc_id(t));
		return;
	}
	if (!acc || !node_money(acc, "actual", &actual) || !node_money(acc, "budget", &stated))
		return;
	if (v && budget_of(v, props, cur, last_day_of(v, t), &b)) {
		if (!b.currency) {
			overrun(c, t, acc, &b, props, actual, stated);
			return;
		}
		diag =
		    rule_report(c, RULE_BUDGET_OVERRUN, t, acc,
		                "the accounting is in %s but the budget of proposal %s is in %s: "
		                "account in the currency of the budget so that the two can be "
		                "compared",
		                cur, doc_id(b.doc), b.currency);
		rule_related(c, diag, b.doc, b.node, "the budget of %s is set here", doc_id(b.doc));
	} else if (actual > stated) {
		/* no proposal budget to compare with: the accounting's own figures speak */
		char *s_actual = money_format(actual), *s_stated = money_format(stated);
		rule_report(c, RULE_BUDGET_OVERRUN, t, acc,
		            "the actual cost %s %s exceeds the budget of %s %s it is accounted "
		            "against: record the overrun as a nonconformity with its corrective "
		            "action, or correct the figures",
		            s_actual, cur, s_stated, cur);
		g_free(s_actual);
		g_free(s_stated);
	}
}

/* ---- archive-incomplete (step 14) ---- */

static void not_archived(const struct check_ctx *c, const struct doc *t, GHashTable *archived,
                         const struct doc *d, const struct node *at, const char *what)
{
	struct diag *diag;

	if (g_hash_table_contains(archived, doc_id(d)))
		return;
	diag = rule_report(c, RULE_ARCHIVE_INCOMPLETE, t, t->root,
	                   "closed termination %s does not archive %s: add <archive ref=\"%s\"/>",
	                   doc_id(t), what, doc_id(d));
	if (at == d->root)
		rule_related(c, diag, d, at, "%s is declared here", doc_id(d));
	else
		rule_related(c, diag, d, at, "%s supports %s of %s here", doc_id(d),
		             node_attr(at, "service"), node_attr(at, "sla"));
}

static void archive(const struct check_ctx *c, const struct doc *t, const struct sla_view *v,
                    const GPtrArray *props, const GArray *sup)
{
	const GPtrArray *amends;
	GHashTable *archived;
	char *what;

	if (!v || !node_is(t->root, "status", "closed"))
		return;
	amends = model_referring(c->m, KIND_SLA, "amends", doc_id(v->doc));
	archived = g_hash_table_new(g_str_hash, g_str_equal);
	node_each(a, t->root, "archive") g_hash_table_add(archived, (gpointer)node_attr(a, "ref"));

	what = g_strdup_printf("SLA %s", doc_id(v->doc));
	not_archived(c, t, archived, v->doc, v->doc->root, what);
	g_free(what);
	for (guint i = 0; i < amends->len; i++) {
		const struct doc *a = amends->pdata[i];
		if (!a->valid || node_is(a->root, "status", "draft"))
			continue; /* a draft never became part of the agreement */
		what = g_strdup_printf("additional SLA %s of %s", doc_id(a), doc_id(v->doc));
		not_archived(c, t, archived, a, a->root, what);
		g_free(what);
	}
	for (guint i = 0; i < props->len; i++) {
		const struct doc *p = props->pdata[i];
		what = g_strdup_printf("proposal %s", doc_id(p));
		not_archived(c, t, archived, p, p->root, what);
		g_free(what);
	}
	for (guint i = 0; i < sup->len; i++) {
		const struct support *s = &g_array_index(sup, struct support, i);
		what = g_strdup_printf("%s %s, which supports %s of SLA %s",
		                       agreement_label(s->doc), doc_id(s->doc),
		                       node_attr(s->supports, "service"), doc_id(v->doc));
		not_archived(c, t, archived, s->doc, s->supports, what);
		g_free(what);
	}
	g_hash_table_destroy(archived);
}

/* ---- the family ---- */

static void termination(const struct check_ctx *c, const struct doc *t)
{
	const struct sla_view *v = model_sla_of(c->m, node_attr(t->root, "sla"));
	GPtrArray *ids = v ? model_sla_family(c->m, v) : g_ptr_array_new();
	GPtrArray *props = model_referring_any(c->m, KIND_PROPOSAL, "sla", ids);
	GArray *sup = v ? binding_support(c, v) : g_array_new(FALSE, FALSE, sizeof(struct support));

	confirmation(c, t, v);
	release(c, t, v, props, sup);
	budget(c, t, v, props);
	archive(c, t, v, props, sup);
	g_array_free(sup, TRUE);
	g_ptr_array_free(props, TRUE);
	g_ptr_array_free(ids, TRUE);
}

void rules_termination(const struct check_ctx *c)
{
	const GPtrArray *slas = model_slas(c->m);

	for (guint i = 0; i < slas->len; i++) {
		const struct sla_view *v = slas->pdata[i];
		if (node_is(v->doc->root, "status", "signed") && v->versions->len)
			renewal(c, v);
	}
	for (guint i = 0; i < c->repo->docs->len; i++) {
		const struct doc *d = c->repo->docs->pdata[i];
		if (d->root && d->valid && d->kind == KIND_TERMINATION)
			termination(c, d);
	}
}
