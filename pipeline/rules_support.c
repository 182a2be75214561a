/* Rules unsupported-component, hours-gap, target-weaker, availability-chain and term-gap: the OLAs
 * and supplier contracts behind every signed SLA (seed step 6 签订供应商合同, step 9 确定OLA,
 * change steps 3–4 更新OLA或附加OLA / 与供应商签订、变更或取消合同; the catalog's components say
 * who delivers a service, step 3).
 *
 * What is backed is the effective SLA (DESIGN §3): every version of a signed base SLA, from the
 * day it takes effect, up to the SLA's last day of service — its (possibly amended) term end, or
 * the last day of a recorded termination (effective=, or an executive's extension until=), the
 * earlier of the two.  Decisions where the design is silent, and why:
 *   - Only SLAs with status="signed" are checked: a draft needs no support yet (step 9 follows
 *     signing), and an ended or terminated SLA's obligations are history (its OLAs and contracts
 *     are expected to have ended with it, step 14).
 *   - An OLA or contract supports an SLA service when its <supports> names the service and the
 *     base SLA or one of its signed additional SLAs (an OLA may be written for the additional SLA
 *     that added the service: 附加OLA).  It counts when signed; an ended or terminated one counts
 *     too once the SLA's service is over by the as-of date (the seed stops them with the SLA).
 *   - A component is backed only by the department (or supplier) the catalog names: an OLA of a
 *     parent or sub-department does not count — step 9 has "各相关支持部门" sign, i.e. the
 *     department that delivers.  The message points at such an OLA when there is one.
 *   - Successive agreements of one department or supplier share the load over time ("sign its
 *     successor"): term-gap looks at the union of their terms, and each agreement's hours and
 *     targets are judged only over the days it is in force (outside them, term-gap speaks).
 *   - Availability in series: one factor per department or supplier (the catalog's components,
 *     plus any other party that declares support), on each stretch of days the strongest target
 *     among that party's agreements in force.  A supporting agreement without an availability
 *     target while the SLA has one is an availability-chain finding on that agreement: nothing
 *     backs the SLA's promise.
 *   - One fault, one diagnostic: a finding repeated by several versions of an SLA is reported
 *     once, and one agreement failing the same way for several services of an SLA gets one
 *     diagnostic naming all of them. */
#include "rules.h"

#include <string.h>

struct span {
	int32_t from, to; /* inclusive days */
};

/* A stretch of days on which one version of the SLA includes a service. */
struct occ {
	int32_t from, to;
	const struct sla_version *v;
	const struct node *node; /* the SLA's <service> */
	const struct doc *doc;   /* its document: the base or an additional SLA */
};

struct svc {
	const char *ref;
	GArray *occs;          /* struct occ, in date order */
	GPtrArray *agreements; /* supporting OLAs and contracts that count (struct doc*) */
	GPtrArray *others;     /* supporting but not counting: drafts */
};

struct rel {
	const struct doc *doc;
	const struct node *node;
	char *msg;
};

/* A finding that may name several services: message = head + services + tail. */
struct pending {
	enum rule rule;
	const struct doc *doc;
	const struct node *node;
	char *head, *tail;
	GPtrArray *services; /* char* */
	GPtrArray *related;  /* struct rel* */
};

struct cov_result {
	bool complete;
	char *text;
};

struct run {
	const struct check_ctx *c;
	GHashTable *by_party_sla; /* "d|s \037 party \037 sla" → GPtrArray of OLA/contract doc* */
	GHashTable *hours_text;   /* struct hours* → hours_describe() */
	GHashTable *coverage;     /* key → struct cov_result* (many agreements share hours) */
	/* the SLA being checked */
	const struct sla_view *view;
	const char *id;
	const struct calendar *cal;
	int32_t last;                  /* last day of service */
	const struct doc *termination; /* when it set LAST */
	GPtrArray *ids;                /* the base id and its signed additional SLAs' */
	GPtrArray *pending;
	GHashTable *pending_by_key;
	GHashTable *seen;
};

/* ---- small helpers ---- */

static const char *party_of(const struct doc *a)
{
	return node_attr(a->root, a->kind == KIND_OLA ? "dept" : "supplier");
}

/* "OLA of DEPT-DBA", "contract with SUP-DB" */
static char *party_phrase(enum kind k, const char *party)
{
	return k == KIND_OLA ? g_strdup_printf("OLA of %s", party)
	                     : g_strdup_printf("supplier contract with %s", party);
}

/* The days A is in force, from the model's timeline: its term, ended sooner when another
 * agreement of its party took over or its status says it ended. */
static bool agreement_term(const struct run *r, const struct doc *a, int32_t *from, int32_t *to)
{
	const struct agreement *x = model_agreement(r->c->m, a);

	if (!x || !x->has_term || x->last < x->start)
		return false;
	*from = x->start;
	*to = x->last;
	return true;
}

static char *date_text(int32_t day)
{
	return time_date_format(day);
}

/* "2025-01-01" or "2025-01-01 to 2025-01-31" */
static char *range_text(int32_t from, int32_t to)
{
	char *a = date_text(from), *b = date_text(to), *s;

	s = from == to ? g_strdup(a) : g_strdup_printf("%s to %s", a, b);
	g_free(a);
	g_free(b);
	return s;
}

/* True the first time KEY is seen for this SLA (KEY is taken). */
static bool first_time(struct run *r, char *key)
{
	if (g_hash_table_contains(r->seen, key)) {
		g_free(key);
		return false;
	}
	g_hash_table_add(r->seen, key);
	return true;
}

static const struct occ *occ_at(const struct svc *s, guint i)
{
	return &g_array_index(s->occs, struct occ, i);
}

/* ---- findings that gather services ---- */

static void rel_free(gpointer p)
{
	struct rel *x = p;
	g_free(x->msg);
	g_free(x);
}

static void pending_free(gpointer p)
{
	struct pending *x = p;
	g_free(x->head);
	g_free(x->tail);
	g_ptr_array_free(x->services, TRUE);
	g_ptr_array_free(x->related, TRUE);
	g_free(x);
}

/* The finding under KEY, created with the given place and text when new (KEY, HEAD and TAIL are
 * taken either way). */
static struct pending *pending_get(struct run *r, char *key, enum rule rule, const struct doc *d,
                                   const struct node *n, char *head, char *tail)
{
	struct pending *p = g_hash_table_lookup(r->pending_by_key, key);

	if (p) {
		g_free(key);
		g_free(head);
		g_free(tail);
		return p;
	}
	p = g_new0(struct pending, 1);
	p->rule = rule;
	p->doc = d;
	p->node = n;
	p->head = head;
	p->tail = tail;
	p->services = g_ptr_array_new_with_free_func(g_free);
	p->related = g_ptr_array_new_with_free_func(rel_free);
	g_hash_table_insert(r->pending_by_key, key, p);
	g_ptr_array_add(r->pending, p);
	return p;
}

/* Add LABEL to the services the finding names; false when it is there already. */
static bool pending_service(struct pending *p, const char *label)
{
	for (guint i = 0; i < p->services->len; i++)
		if (strcmp(p->services->pdata[i], label) == 0)
			return false;
	g_ptr_array_add(p->services, g_strdup(label));
	return true;
}

/* Add a related location unless the finding has one at that node already (MSG is taken). */
static void pending_related(struct pending *p, const struct doc *d, const struct node *n, char *msg)
{
	struct rel *x;

	for (guint i = 0; i < p->related->len; i++) {
		x = p->related->pdata[i];
		if (x->doc == d && x->node == n) {
			g_free(msg);
			return;
		}
	}
	x = g_new(struct rel, 1);
	x->doc = d;
	x->node = n;
	x->msg = msg;
	g_ptr_array_add(p->related, x);
}

static void pending_flush(struct run *r)
{
	for (guint i = 0; i < r->pending->len; i++) {
		struct pending *p = r->pending->pdata[i];
		GString *msg = g_string_new(p->head);
		struct diag *diag;

		for (guint k = 0; k < p->services->len; k++) {
			if (k)
				g_string_append(msg, k + 1 == p->services->len ? " and " : ", ");
			g_string_append(msg, p->services->pdata[k]);
		}
		g_string_append(msg, p->tail);
		diag = rule_report(r->c, p->rule, p->doc, p->node, "%s", msg->str);
		for (guint k = 0; k < p->related->len; k++) {
			struct rel *x = p->related->pdata[k];
			rule_related(r->c, diag, x->doc, x->node, "%s", x->msg);
		}
		g_string_free(msg, TRUE);
	}
	g_ptr_array_set_size(r->pending, 0);
	g_hash_table_remove_all(r->pending_by_key);
}

/* ---- the repository's agreements by department or supplier ---- */

static char *party_sla_key(enum kind k, const char *party, const char *sla)
{
	return g_strdup_printf("%c\037%s\037%s", k == KIND_OLA ? 'd' : 's', party, sla);
}

static void index_parties(struct run *r)
{
	const GPtrArray *docs = r->c->repo->docs;

	for (guint i = 0; i < docs->len; i++) {
		const struct doc *d = docs->pdata[i];
		const char *party;

		if (!d->root || !d->valid || (d->kind != KIND_OLA && d->kind != KIND_CONTRACT))
			continue;
		party = party_of(d);
		if (!party)
			continue;
		node_each(s, d->root, "supports") if (node_attr(s, "sla"))
			multimap_add(r->by_party_sla, party_sla_key(d->kind, party, node_attr(s, "sla")),
				     d);
	}
}

/* ---- the SLA and its services ---- */

/* Whether A carried obligations (signed, ended or terminated: judged over its days in force). */
static bool counts(const struct run *r, const struct doc *a)
{
	const struct agreement *x = model_agreement(r->c->m, a);
	return x && x->binding;
}

static void svc_free(gpointer p)
{
	struct svc *s = p;
	g_array_free(s->occs, TRUE);
	g_ptr_array_free(s->agreements, TRUE);
	g_ptr_array_free(s->others, TRUE);
	g_free(s);
}

/* The services of every version, each with the stretches of days it is in the SLA. */
static GPtrArray *collect_services(struct run *r)
{
	GPtrArray *list = g_ptr_array_new_with_free_func(svc_free);
	GHashTable *by_ref = g_hash_table_new(g_str_hash, g_str_equal);

	for (guint i = 0; i < r->view->versions->len; i++) {
		const struct sla_version *v = r->view->versions->pdata[i];
		int32_t to = MIN(v->to, r->last);

		if (v->from > to)
			continue;
		for (guint k = 0; k < v->services->len; k++) {
			const struct node *s = v->services->pdata[k];
			const char *ref = node_attr(s, "ref");
			struct occ o = {v->from, to, v, s, v->service_docs->pdata[k]};
			struct svc *x;

			if (!ref)
				continue;
			x = g_hash_table_lookup(by_ref, ref);
			if (!x) {
				x = g_new0(struct svc, 1);
				x->ref = ref;
				x->occs = g_array_new(FALSE, FALSE, sizeof(struct occ));
				x->agreements = g_ptr_array_new();
				x->others = g_ptr_array_new();
				g_hash_table_insert(by_ref, (gpointer)ref, x);
				g_ptr_array_add(list, x);
			}
			g_array_append_val(x->occs, o);
		}
	}
	g_hash_table_destroy(by_ref);
	return list;
}

static void find_agreements(struct run *r, struct svc *s)
{
	GHashTable *set = g_hash_table_new(g_direct_hash, g_direct_equal);

	for (guint i = 0; i < r->ids->len; i++) {
		const GArray *sup = model_supporting(r->c->m, r->ids->pdata[i], s->ref);
		for (guint k = 0; k < sup->len; k++) {
			const struct doc *a = g_array_index(sup, struct support, k).doc;
			if (!g_hash_table_add(set, (gpointer)a))
				continue;
			g_ptr_array_add(counts(r, a) ? s->agreements : s->others, (gpointer)a);
		}
	}
	g_hash_table_destroy(set);
}

static bool same_party(const struct doc *a, enum kind k, const char *party)
{
	const char *p = party_of(a);
	return a->kind == k && p && strcmp(p, party) == 0;
}

/* ---- unsupported-component ---- */

/* Whether department A is an ancestor of department B (parent=, followed a bounded way). */
static bool dept_above(const struct model *m, const char *a, const char *b)
{
	const struct node *n = model_thing(m, b, T_DEPARTMENT);

	for (int hops = 0; n && hops < 64; hops++) {
		const char *p = node_attr(n, "parent");
		if (!p)
			return false;
		if (strcmp(p, a) == 0)
			return true;
		n = model_thing(m, p, T_DEPARTMENT);
	}
	return false;
}

/* An agreement of the party that supports this SLA, but not this service. */
static const struct doc *supports_other_service(struct run *r, const struct svc *s, enum kind k,
                                                const char *party)
{
	for (guint i = 0; i < r->ids->len; i++) {
		char *key = party_sla_key(k, party, r->ids->pdata[i]);
		const GPtrArray *list = g_hash_table_lookup(r->by_party_sla, key);

		g_free(key);
		for (guint j = 0; list && j < list->len; j++) {
			const struct doc *a = list->pdata[j];
			/* those naming this service too are the service's own supporters */
			if (!g_ptr_array_find(s->agreements, a, NULL) &&
			    !g_ptr_array_find(s->others, a, NULL))
				return a;
		}
	}
	return NULL;
}

/* What to change, and the agreement the advice is about (or NULL). */
static char *unsupported_advice(struct run *r, const struct svc *s, enum kind k, const char *party,
                                const struct doc **about)
{
	const char *what = k == KIND_OLA ? "an OLA" : "a supplier contract";
	const struct doc *a;

	*about = NULL;
	for (guint i = 0; i < s->others->len; i++) {
		a = s->others->pdata[i];
		if (!same_party(a, k, party))
			continue;
		*about = a;
		return g_strdup_printf("%s supports it, but is still a draft: sign it",
		                       node_attr(a->root, "id"));
	}
	if ((a = supports_other_service(r, s, k, party))) {
		*about = a;
		return g_strdup_printf("%s supports %s but not %s: add <supports sla=\"%s\" "
		                       "service=\"%s\"/> to it",
		                       node_attr(a->root, "id"), r->id, s->ref, r->id, s->ref);
	}
	for (guint i = 0; k == KIND_OLA && i < s->agreements->len; i++) {
		const char *dept;
		bool up, down;

		a = s->agreements->pdata[i];
		dept = a->kind == KIND_OLA ? party_of(a) : NULL;
		if (!dept)
			continue;
		up = dept_above(r->c->m, dept, party);
		down = dept_above(r->c->m, party, dept);
		if (!up && !down)
			continue;
		*about = a;
		return g_strdup_printf("%s supports it, but it is an OLA of %s, %s %s, and the "
		                       "catalog names %s: sign an OLA with %s, or correct the "
		                       "component in the catalog",
		                       node_attr(a->root, "id"), dept,
		                       up ? "a department above" : "a sub-department of", party,
		                       party, party);
	}
	return g_strdup_printf("sign %s with %s that has <supports sla=\"%s\" service=\"%s\"/>",
	                       what, party, r->id, s->ref);
}

static void report_unsupported(struct run *r, const struct svc *s, const struct occ *o,
                               const struct doc *catalog, const struct node *comp, enum kind k,
                               const char *party)
{
	const struct node *pn =
	    model_thing(r->c->m, party, k == KIND_OLA ? T_DEPARTMENT : T_SUPPLIER);
	const char *name = pn ? node_attr(pn, "name") : NULL;
	char *who = name ? g_strdup_printf("%s (%s)", party, name) : g_strdup(party);
	const struct doc *about;
	char *advice = unsupported_advice(r, s, k, party, &about);
	struct diag *diag;

	diag = rule_report(r->c, RULE_UNSUPPORTED_COMPONENT, o->doc, o->node,
	                   "service %s of %s is not backed by %s, one of its components in the "
	                   "catalog: no signed %s %s supports it; %s",
	                   s->ref, r->id, who, k == KIND_OLA ? "OLA of" : "supplier contract with",
	                   party, advice);
	rule_related(r->c, diag, catalog, comp, "the catalog lists %s as a component of %s here",
	             party, s->ref);
	if (about)
		rule_related(r->c, diag, about, about->root, "%s is declared here",
		             node_attr(about->root, "id"));
	g_free(who);
	g_free(advice);
}

/* Whether an OLA or contract of PARTY that is not valid claims to support the service: its
 * errors are the finding (one fault, one diagnostic). */
static bool backed_by_invalid(struct run *r, const struct svc *s, enum kind k, const char *party)
{
	for (guint i = 0; i < r->ids->len; i++) {
		const GPtrArray *docs = model_invalid_about(r->c->m, k, r->ids->pdata[i]);
		for (guint j = 0; j < docs->len; j++) {
			const struct doc *d = docs->pdata[j];
			if (same_party(d, k, party))
				node_each(sp, d->root, "supports") if (
				    node_is(sp, "service", s->ref) &&
				    node_is(sp, "sla", r->ids->pdata[i])) return true;
		}
	}
	return false;
}

static void check_components(struct run *r, const struct svc *s)
{
	for (guint i = 0; i < s->occs->len; i++) {
		const struct occ *o = occ_at(s, i);
		const char *catalog = node_attr(o->doc->root, "catalog");
		const struct node *cs = model_catalog_service(r->c->m, catalog, s->ref);
		const struct doc *cd = model_doc(r->c->m, catalog, KIND_CATALOG);

		if (!cs || !cd)
			continue;
		node_each(comp, cs, "component")
		{
			const char *dept = node_attr(comp, "dept"),
			           *sup = node_attr(comp, "supplier");
			enum kind k = dept ? KIND_OLA : KIND_CONTRACT;
			const char *party = dept ? dept : sup;
			bool backed = false;

			if (!party || (dept && sup))
				continue; /* the schema cannot say "exactly one"; not ours */
			for (guint j = 0; j < s->agreements->len && !backed; j++)
				backed = same_party(s->agreements->pdata[j], k, party);
			if (backed || backed_by_invalid(r, s, k, party) ||
			    !first_time(r, g_strdup_printf("uc\037%s\037%d\037%s", s->ref, (int)k,
			                                   party)))
				continue;
			report_unsupported(r, s, o, cd, comp, k, party);
		}
	}
}

/* ---- term-gap ---- */

/* The days the service must be backed: its stretches, adjacent ones joined. */
static GArray *required_spans(const struct svc *s)
{
	GArray *out = g_array_new(FALSE, FALSE, sizeof(struct span));

	for (guint i = 0; i < s->occs->len; i++) {
		const struct occ *o = occ_at(s, i);
		struct span *last =
		    out->len ? &g_array_index(out, struct span, out->len - 1) : NULL;

		if (last && o->from <= last->to + 1)
			last->to = MAX(last->to, o->to);
		else {
			struct span sp = {o->from, o->to};
			g_array_append_val(out, sp);
		}
	}
	return out;
}

static const struct occ *occ_on(const struct svc *s, int32_t day)
{
	for (guint i = 0; i < s->occs->len; i++)
		if (occ_at(s, i)->from <= day && day <= occ_at(s, i)->to)
			return occ_at(s, i);
	return NULL;
}

/* Point the finding at what fixes DAY as the first (START) or last day the service needs backing:
 * the SLA term, the additional SLA that adds or removes it, or the termination. */
static void edge_related(struct run *r, struct pending *p, const struct svc *s, int32_t day,
                         bool start)
{
	const struct occ *o = occ_on(s, day);
	char *d = date_text(day);

	if (!o) {
		g_free(d);
		return;
	}
	if (start && o->v->source != r->view->doc && o->from == day)
		pending_related(p, o->v->source, o->v->source->root,
		                g_strdup_printf("%s adds %s from %s",
		                                node_attr(o->v->source->root, "id"), s->ref, d));
	else if (!start && r->termination && day == r->last)
		pending_related(p, r->termination, r->termination->root,
		                g_strdup_printf("%s ends the service on %s",
		                                node_attr(r->termination->root, "id"), d));
	else if (!start && day == o->v->to && day < r->last) {
		const struct sla_version *next = sla_version_at(r->view, day + 1);
		char *d1 = date_text(day + 1);
		if (next)
			pending_related(p, next->source, next->source->root,
			                g_strdup_printf("%s removes %s from %s",
			                                node_attr(next->source->root, "id"), s->ref,
			                                d1));
		g_free(d1);
	} else if (o->v->term)
		pending_related(p, o->v->term_doc, o->v->term,
		                g_strdup_printf("the term of %s runs from %s to %s",
		                                node_attr(o->v->term_doc->root, "id"),
		                                node_attr(o->v->term, "start"),
		                                node_attr(o->v->term, "end")));
	g_free(d);
}

/* The agreements of one department or supplier. */
struct party_group {
	enum kind kind;
	const char *party;
	GPtrArray *docs;
	GArray *terms; /* struct span of each doc (from > to when invalid), parallel to docs */
};

static GArray *union_of_terms(const struct party_group *g)
{
	GArray *u = g_array_new(FALSE, FALSE, sizeof(struct span));

	for (guint i = 0; i < g->terms->len; i++) {
		struct span t = g_array_index(g->terms, struct span, i);
		if (t.from <= t.to)
			g_array_append_val(u, t);
	}
	for (guint i = 1; i < u->len; i++) /* insertion sort: a handful of agreements */
		for (guint j = i; j > 0 && g_array_index(u, struct span, j).from <
		                               g_array_index(u, struct span, j - 1).from;
		     j--) {
			struct span t = g_array_index(u, struct span, j);
			g_array_index(u, struct span, j) = g_array_index(u, struct span, j - 1);
			g_array_index(u, struct span, j - 1) = t;
		}
	return u;
}

/* The agreement of the group ending last before DAY, or starting first after DAY (-1: none). */
static int ends_before(const struct party_group *g, int32_t day)
{
	int best = -1;
	for (guint i = 0; i < g->terms->len; i++) {
		struct span t = g_array_index(g->terms, struct span, i);
		if (t.from <= t.to && t.to < day &&
		    (best < 0 || t.to > g_array_index(g->terms, struct span, best).to))
			best = (int)i;
	}
	return best;
}

static int starts_after(const struct party_group *g, int32_t day)
{
	int best = -1;
	for (guint i = 0; i < g->terms->len; i++) {
		struct span t = g_array_index(g->terms, struct span, i);
		if (t.from <= t.to && t.from > day &&
		    (best < 0 || t.from < g_array_index(g->terms, struct span, best).from))
			best = (int)i;
	}
	return best;
}

struct gap {
	struct span days, need; /* the uncovered days; the stretch of need they are in */
	int blame;              /* index into the group */
	bool late_start;        /* the blamed agreement starts after the gap (else ends before) */
	bool done;
};

static void report_term_start(struct run *r, const struct svc *s, const struct party_group *g,
                              const struct gap *x, const struct gap *end)
{
	const struct doc *a = g->docs->pdata[x->blame];
	const char *aid = node_attr(a->root, "id");
	const struct node *term = node_child(a->root, "term");
	char *who = party_phrase(g->kind, g->party);
	char *from = date_text(x->days.from), *gap = range_text(x->days.from, x->days.to);
	char *head, *tail, *key;
	struct pending *p;

	if (end) {
		char *to = date_text(end->need.to),
		     *gap2 = range_text(end->days.from, end->days.to);
		head = g_strdup_printf("%s runs from %s to %s, but ", aid, node_attr(term, "start"),
		                       node_attr(term, "end"));
		tail = g_strdup_printf(" of %s must be backed from %s to %s and no other %s covers "
		                       "%s or %s: set its term to start on %s and end on %s",
		                       r->id, from, to, who, gap, gap2, from, to);
		key = g_strdup_printf("tg\037%p\037both\037%d\037%d\037%d\037%d", (void *)a,
		                      x->days.from, x->days.to, end->days.from, end->days.to);
		g_free(to);
		g_free(gap2);
	} else {
		head = g_strdup_printf("%s starts %s, but ", aid, node_attr(term, "start"));
		tail = g_strdup_printf(" of %s must be backed from %s and no other %s covers %s: "
		                       "move its start to %s",
		                       r->id, from, who, gap, from);
		key = g_strdup_printf("tg\037%p\037start\037%d\037%d", (void *)a, x->days.from,
		                      x->days.to);
	}
	p = pending_get(r, key, RULE_TERM_GAP, a, term, head, tail);
	pending_service(p, s->ref);
	edge_related(r, p, s, x->days.from, true);
	if (end)
		edge_related(r, p, s, end->need.to, false);
	g_free(who);
	g_free(from);
	g_free(gap);
}

static void report_term_end(struct run *r, const struct svc *s, const struct party_group *g,
                            const struct gap *x)
{
	const struct doc *a = g->docs->pdata[x->blame];
	const char *aid = node_attr(a->root, "id");
	const struct node *term = node_child(a->root, "term");
	char *who = party_phrase(g->kind, g->party);
	char *gap = range_text(x->days.from, x->days.to), *to = date_text(x->days.to);
	char *from = date_text(x->days.from);
	const struct agreement *ag = model_agreement(r->c->m, a);
	char *head, *tail;
	struct pending *p;

	if (ag && ag->ending == ENDING_UNKNOWN)
		head = g_strdup_printf("%s has status %s although its term runs to %s, so it backs "
		                       "nothing from %s on, but ",
		                       aid, node_attr(a->root, "status"), node_attr(term, "end"), from);
	else
		head = g_strdup_printf("%s ends %s, but ", aid, node_attr(term, "end"));
	if (ag && ag->ending == ENDING_UNKNOWN && x->days.to == x->need.to)
		tail = g_strdup_printf(" of %s must be backed until %s and no other %s covers %s: "
		                       "renew it, or sign its successor",
		                       r->id, to, who, gap);
	else if (x->days.to == x->need.to)
		tail = g_strdup_printf(" of %s must be backed until %s and no other %s covers %s: "
		                       "extend its term to %s, or sign its successor",
		                       r->id, to, who, gap, to);
	else {
		int next = starts_after(g, x->days.to);
		const struct doc *b = next >= 0 ? g->docs->pdata[next] : a;
		const char *bid = node_attr(b->root, "id");
		tail = g_strdup_printf(
		    " of %s must be backed without a break, and the next %s, %s, "
		    "starts only %s: nothing covers %s; extend the term of %s to "
		    "%s, or start %s on %s",
		    r->id, who, bid, node_attr(node_child(b->root, "term"), "start"), gap, aid, to,
		    bid, from);
	}
	p = pending_get(
	    r, g_strdup_printf("tg\037%p\037end\037%d\037%d", (void *)a, x->days.from, x->days.to),
	    RULE_TERM_GAP, a, term, head, tail);
	pending_service(p, s->ref);
	if (x->days.to == x->need.to)
		edge_related(r, p, s, x->need.to, false);
	else {
		int next = starts_after(g, x->days.to);
		const struct doc *b = next >= 0 ? g->docs->pdata[next] : NULL;
		if (b)
			pending_related(p, b, node_child(b->root, "term"),
			                g_strdup_printf("the term of %s starts here",
			                                node_attr(b->root, "id")));
	}
	g_free(who);
	g_free(gap);
	g_free(to);
	g_free(from);
}

static void check_group_terms(struct run *r, const struct svc *s, const struct party_group *g,
                              const GArray *need)
{
	GArray *u = union_of_terms(g);
	GArray *gaps = g_array_new(FALSE, FALSE, sizeof(struct gap));

	for (guint i = 0; i < need->len; i++) {
		struct span n = g_array_index(need, struct span, i);
		int32_t cur = n.from;

		for (guint k = 0; k < u->len && cur <= n.to; k++) {
			struct span t = g_array_index(u, struct span, k);
			if (t.to < cur)
				continue;
			if (t.from > n.to)
				break;
			if (t.from > cur) {
				struct gap x = {{cur, t.from - 1}, n, -1, false, false};
				g_array_append_val(gaps, x);
			}
			cur = MAX(cur, t.to + 1);
		}
		if (cur <= n.to) {
			struct gap x = {{cur, n.to}, n, -1, false, false};
			g_array_append_val(gaps, x);
		}
	}
	/* blame: a gap at the start of the need is the late starter's, any other the agreement
	 * that ended before it */
	for (guint i = 0; i < gaps->len; i++) {
		struct gap *x = &g_array_index(gaps, struct gap, i);
		int late = starts_after(g, x->days.to), early = ends_before(g, x->days.from);
		x->late_start = x->days.from == x->need.from ? late >= 0 : early < 0;
		x->blame = x->late_start ? late : early;
	}
	for (guint i = 0; i < gaps->len; i++) {
		struct gap *x = &g_array_index(gaps, struct gap, i);
		struct gap *end = NULL;

		if (x->done || x->blame < 0 || !x->late_start)
			continue;
		/* one agreement short at both ends of the same need: one finding */
		for (guint k = i + 1; k < gaps->len && !end; k++) {
			struct gap *y = &g_array_index(gaps, struct gap, k);
			if (!y->done && !y->late_start && y->blame == x->blame &&
			    y->need.from == x->need.from && y->days.to == y->need.to)
				end = y;
		}
		report_term_start(r, s, g, x, end);
		x->done = true;
		if (end)
			end->done = true;
	}
	for (guint i = 0; i < gaps->len; i++) {
		struct gap *x = &g_array_index(gaps, struct gap, i);
		if (!x->done && x->blame >= 0)
			report_term_end(r, s, g, x);
	}
	g_array_free(gaps, TRUE);
	g_array_free(u, TRUE);
}

static void group_free(gpointer p)
{
	struct party_group *g = p;
	g_ptr_array_free(g->docs, TRUE);
	g_array_free(g->terms, TRUE);
	g_free(g);
}

/* The counted agreements by department or supplier, in order of first appearance. */
static GPtrArray *party_groups(const struct run *r, const struct svc *s)
{
	GPtrArray *groups = g_ptr_array_new_with_free_func(group_free);

	for (guint i = 0; i < s->agreements->len; i++) {
		const struct doc *a = s->agreements->pdata[i];
		const char *party = party_of(a);
		struct party_group *g = NULL;
		struct span t = {1, 0};

		if (!party)
			continue;
		for (guint k = 0; k < groups->len && !g; k++) {
			struct party_group *x = groups->pdata[k];
			if (x->kind == a->kind && strcmp(x->party, party) == 0)
				g = x;
		}
		if (!g) {
			g = g_new0(struct party_group, 1);
			g->kind = a->kind;
			g->party = party;
			g->docs = g_ptr_array_new();
			g->terms = g_array_new(FALSE, FALSE, sizeof(struct span));
			g_ptr_array_add(groups, g);
		}
		if (!agreement_term(r, a, &t.from, &t.to))
			t.from = 1, t.to = 0;
		g_ptr_array_add(g->docs, (gpointer)a);
		g_array_append_val(g->terms, t);
	}
	return groups;
}

static void check_terms(struct run *r, const struct svc *s, const GPtrArray *groups)
{
	GArray *need;

	if (!r->view->has_term)
		return; /* nothing to measure against */
	need = required_spans(s);
	for (guint i = 0; i < groups->len; i++)
		check_group_terms(r, s, groups->pdata[i], need);
	g_array_free(need, TRUE);
}

/* ---- hours-gap ---- */

static const char *hours_text(struct run *r, const struct hours *h)
{
	char *t = g_hash_table_lookup(r->hours_text, h);

	if (!t) {
		t = hours_describe(h);
		g_hash_table_insert(r->hours_text, (gpointer)h, t);
	}
	return t;
}

static void cov_free(gpointer p)
{
	struct cov_result *x = p;
	g_free(x->text);
	g_free(x);
}

/* Coverage of B by A over [FROM, TO], remembered by what the hours say (not which node says it:
 * a repository repeats the same hours in many agreements). */
static const struct cov_result *coverage(struct run *r, const struct hours *a,
                                         const struct calendar *ca, const struct hours *b,
                                         const struct calendar *cb, int32_t from, int32_t to)
{
	char *key = g_strdup_printf("%s\037%p\037%s\037%p\037%d\037%d", hours_text(r, a),
	                            (const void *)ca, hours_text(r, b), (const void *)cb, from, to);
	struct cov_result *x = g_hash_table_lookup(r->coverage, key);
	struct coverage *cov;

	if (x) {
		g_free(key);
		return x;
	}
	x = g_new0(struct cov_result, 1);
	cov = coverage_compute(a, ca, b, cb, from, to);
	x->complete = !cov || coverage_complete(cov); /* NULL: nothing to judge */
	x->text = cov && !x->complete ? coverage_describe(cov) : NULL;
	coverage_free(cov);
	g_hash_table_insert(r->coverage, key, x);
	return x;
}

static const struct node *tier_node(const struct model *m, const char *catalog, const char *level)
{
	const struct doc *c = model_doc(m, catalog, KIND_CATALOG);

	if (!c || !level)
		return NULL;
	node_each(t, c->root, "tier") if (node_is(t, "level", level)) return t;
	return NULL;
}

static void report_hours(struct run *r, const struct svc *s, const struct doc *a,
                         const struct hours *ha, const struct calendar *ca, const struct occ *o,
                         const struct hours *hb, int32_t from, int32_t to, const char *uncovered)
{
	const char *level = node_attr(o->node, "tier");
	const struct node *t = tier_node(r->c->m, node_attr(o->doc->root, "catalog"), level);
	const char *tname = t ? node_attr(t, "name") : NULL;
	const struct node *at = node_child(a->root, "hours");
	const char *aid = node_attr(a->root, "id");
	char *when = NULL, *head, *tail, *key;
	struct pending *p;

	if (from != r->view->start || to != r->last) {
		char *f = date_text(from), *e = date_text(to);
		when = g_strdup_printf(" from %s to %s", f, e);
		g_free(f);
		g_free(e);
	}
	head = g_strdup_printf("%s covers %s%s%s, but it supports ", aid, hours_text(r, ha),
	                       ca != r->cal ? " in calendar " : "",
	                       ca != r->cal ? node_attr(a->root, "calendar") : "");
	tail = g_strdup_printf(" of %s, whose tier %s%s%s hours are %s%s: uncovered%s%s%s %s; "
	                       "extend its <hours>",
	                       r->id, level, tname ? " " : "", tname ? tname : "",
	                       hours_text(r, hb), when ? when : "", ca != r->cal ? " (" : "",
	                       ca != r->cal ? calendar_zone_id(r->cal) : "",
	                       ca != r->cal ? " time)" : "", uncovered);
	key = g_strdup_printf("hg\037%p\037%s\037%d\037%d", (void *)a, hours_text(r, hb), from, to);
	p = pending_get(r, key, RULE_HOURS_GAP, a, at ? at : a->root, head, tail);
	if (pending_service(p, s->ref))
		pending_related(p, o->doc, o->node,
		                g_strdup_printf("%s takes %s at tier %s here",
		                                node_attr(o->doc->root, "id"), s->ref, level));
	g_free(when);
}

/* The same finding for several agreements of one party that together leave hours uncovered. */
static void report_hours_union(struct run *r, const struct svc *s, const struct party_group *g,
                               const GArray *members, const struct occ *o, const struct hours *hb,
                               int32_t from, int32_t to, const char *uncovered)
{
	const char *level = node_attr(o->node, "tier");
	const struct node *t = tier_node(r->c->m, node_attr(o->doc->root, "catalog"), level);
	const char *tname = t ? node_attr(t, "name") : NULL;
	const struct doc *first = g->docs->pdata[g_array_index(members, guint, 0)];
	const struct node *at = node_child(first->root, "hours");
	GPtrArray *names = g_ptr_array_new_with_free_func(g_free);
	GPtrArray *hours = g_ptr_array_new_with_free_func(g_free);
	GString *key = g_string_new("hgu");
	char *who = party_phrase(g->kind, g->party), *nm, *hr, *when = NULL, *head, *tail;
	struct pending *p;

	for (guint i = 0; i < members->len; i++) {
		const struct doc *a = g->docs->pdata[g_array_index(members, guint, i)];
		g_ptr_array_add(names, g_strdup(node_attr(a->root, "id")));
		g_ptr_array_add(hours, g_strdup(hours_text(r, model_hours(r->c->m, a->root))));
		g_string_append_printf(key, "\037%p", (const void *)a);
	}
	g_string_append_printf(key, "\037%s\037%d\037%d", hours_text(r, hb), from, to);
	nm = time_join_spoken(names);
	hr = time_join_spoken(hours);
	if (from != r->view->start || to != r->last) {
		char *f = date_text(from), *e = date_text(to);
		when = g_strdup_printf(" from %s to %s", f, e);
		g_free(f);
		g_free(e);
	}
	head = g_strdup_printf("%s (%s) together cover %s, but they support ", nm, who, hr);
	tail = g_strdup_printf(" of %s, whose tier %s%s%s hours are %s%s: uncovered %s; extend "
	                       "their <hours>",
	                       r->id, level, tname ? " " : "", tname ? tname : "",
	                       hours_text(r, hb), when ? when : "", uncovered);
	p = pending_get(r, g_string_free(key, FALSE), RULE_HOURS_GAP, first,
	                at ? at : first->root, head, tail);
	if (pending_service(p, s->ref)) {
		for (guint i = 1; i < members->len; i++) {
			const struct doc *a = g->docs->pdata[g_array_index(members, guint, i)];
			const struct node *ah = node_child(a->root, "hours");
			pending_related(p, a, ah ? ah : a->root,
			                g_strdup_printf("%s covers %s here", node_attr(a->root, "id"),
			                                (const char *)hours->pdata[i]));
		}
		pending_related(p, o->doc, o->node,
		                g_strdup_printf("%s takes %s at tier %s here",
		                                node_attr(o->doc->root, "id"), s->ref, level));
	}
	g_ptr_array_free(names, TRUE);
	g_ptr_array_free(hours, TRUE);
	g_free(who);
	g_free(nm);
	g_free(hr);
	g_free(when);
}

static gint cmp_int32(gconstpointer a, gconstpointer b)
{
	int32_t x = *(const int32_t *)a, y = *(const int32_t *)b;
	return (x > y) - (x < y);
}

/* Judge the days FROM..TO of stretch O (tier hours HB) for party group G: split where the set of
 * its agreements in force changes; each part is judged on what they cover together.  Days with
 * none in force are term-gap's. */
static void group_hours_stretch(struct run *r, const struct svc *s, const struct party_group *g,
                                const struct occ *o, const struct hours *hb, int32_t from,
                                int32_t to)
{
	GArray *cuts = g_array_new(FALSE, FALSE, sizeof(int32_t));
	GArray *members = g_array_new(FALSE, FALSE, sizeof(guint));
	GArray *src = g_array_new(FALSE, FALSE, sizeof(struct coverage_source));
	int32_t end = to + 1;

	g_array_append_val(cuts, from);
	g_array_append_val(cuts, end);
	for (guint i = 0; i < g->terms->len; i++) {
		struct span t = g_array_index(g->terms, struct span, i);
		int32_t after = t.to + 1;
		if (t.from > from && t.from <= to)
			g_array_append_val(cuts, t.from);
		if (after > from && after <= to)
			g_array_append_val(cuts, after);
	}
	g_array_sort(cuts, cmp_int32);
	for (guint c = 0; c + 1 < cuts->len; c++) {
		int32_t f = g_array_index(cuts, int32_t, c), e = g_array_index(cuts, int32_t, c + 1) - 1;
		const struct cov_result *x;
		struct coverage *cov;

		if (f > e)
			continue;
		g_array_set_size(members, 0);
		g_array_set_size(src, 0);
		for (guint i = 0; i < g->docs->len; i++) {
			const struct doc *a = g->docs->pdata[i];
			struct span t = g_array_index(g->terms, struct span, i);
			const char *acal = node_attr(a->root, "calendar");
			struct coverage_source cs = {model_hours(r->c->m, a->root),
			                             acal ? model_calendar(r->c->m, acal) : r->cal,
			                             TIME_DAY_MIN, TIME_DAY_MAX};
			if (t.from > f || t.to < e || !cs.hours || !cs.cal)
				continue; /* an unknown calendar is unresolved-ref's finding */
			g_array_append_val(members, i);
			g_array_append_val(src, cs);
		}
		if (!members->len)
			continue;
		if ((int64_t)e - f >= COVERAGE_MAX_DAYS)
			e = f + COVERAGE_MAX_DAYS - 1;
		if (members->len == 1) {
			const struct coverage_source *a = &g_array_index(src, struct coverage_source, 0);
			x = coverage(r, a->hours, a->cal, hb, r->cal, f, e);
			if (!x->complete)
				report_hours(r, s, g->docs->pdata[g_array_index(members, guint, 0)],
				             a->hours, a->cal, o, hb, f, e, x->text);
			continue;
		}
		cov = coverage_compute_union((const struct coverage_source *)(void *)src->data,
		                             src->len, hb, r->cal, f, e);
		if (cov && !coverage_complete(cov)) {
			char *text = coverage_describe(cov);
			report_hours_union(r, s, g, members, o, hb, f, e, text);
			g_free(text);
		}
		coverage_free(cov);
	}
	g_array_free(cuts, TRUE);
	g_array_free(members, TRUE);
	g_array_free(src, TRUE);
}

/* hours-gap judges what a department (or supplier) covers with all its agreements in force
 * together, as term-gap judges the union of their terms. */
static void check_group_hours(struct run *r, const struct svc *s, const struct party_group *g)
{
	if (!r->cal)
		return;
	for (guint i = 0; i < s->occs->len;) {
		const struct occ *o = occ_at(s, i);
		const struct hours *hb = model_tier_hours(
		    r->c->m, node_attr(o->doc->root, "catalog"), node_attr(o->node, "tier"));
		int32_t to = o->to;
		guint k = i + 1;

		/* versions in a row with the same tier hours are one stretch */
		for (; k < s->occs->len; k++) {
			const struct occ *n = occ_at(s, k);
			if (n->from != to + 1 ||
			    model_tier_hours(r->c->m, node_attr(n->doc->root, "catalog"),
			                     node_attr(n->node, "tier")) != hb)
				break;
			to = n->to;
		}
		if (hb)
			group_hours_stretch(r, s, g, o, hb, o->from, to);
		i = k;
	}
}

/* ---- target-weaker ---- */

static const struct node *target_of(const struct doc *a, const char *what, const char *priority)
{
	node_each(t, a->root, what) if (node_is(t, "priority", priority)) return t;
	return NULL;
}

static void weaker(struct run *r, const struct svc *s, const struct doc *a, const struct occ *o,
                   const struct node *want)
{
	const char *what = want->name, *prio = node_attr(want, "priority");
	const char *aid = node_attr(a->root, "id"), *within = node_attr(want, "within");
	const struct node *have = prio ? target_of(a, what, prio) : NULL;
	struct time_duration dw, dh;
	char *canon, *head, *tail, *key, *since;
	const char *promiser;
	int cmp = 0;
	struct pending *p;

	if (!prio || !node_duration(want, "within", &dw))
		return;
	if (have) {
		if (!node_duration(have, "within", &dh))
			return;
		cmp = time_duration_compare(&dh, &dw);
		if (cmp <= 0)
			return;
	}
	canon = time_duration_format(&dw);
	/* an additional SLA's promise applies from its effective date */
	since = o->doc != r->view->doc && node_attr(o->doc->root, "effective")
	            ? g_strdup_printf(" from %s", node_attr(o->doc->root, "effective"))
	            : g_strdup("");
	promiser = node_attr(o->doc->root, "id");
	if (!have) {
		head = g_strdup_printf(
		    "%s has no %s %s target, but %s promises a %s %s within %s for ", aid, prio,
		    what, promiser, prio, what, within);
		tail = g_strdup_printf("%s: add <%s priority=\"%s\" within=\"%s\"/> or shorter",
		                       since, what, prio, within);
	} else if (cmp == TIME_INCOMPARABLE) {
		head =
		    g_strdup_printf("%s's %s %s time %s is not always within the %s that %s "
		                    "promises for ",
		                    aid, prio, what, node_attr(have, "within"), within, promiser);
		tail = g_strdup_printf(
		    "%s (months differ in length): state it in days or hours, %s or "
		    "less",
		    since, within);
	} else {
		head =
		    g_strdup_printf("%s's %s %s time %s is longer than the %s that %s promises "
		                    "for ",
		                    aid, prio, what, node_attr(have, "within"), within, promiser);
		tail = g_strdup_printf("%s: shorten it to %s or less", since, within);
	}
	g_free(since);
	key = g_strdup_printf("tw\037%p\037%s\037%s\037%s", (void *)a, what, prio, canon);
	p = pending_get(r, key, RULE_TARGET_WEAKER, a, have ? have : a->root, head, tail);
	if (pending_service(p, s->ref))
		pending_related(p, o->doc, want,
		                g_strdup_printf("%s promises a %s %s within %s for %s here",
		                                node_attr(o->doc->root, "id"), prio, what, within,
		                                s->ref));
	g_free(canon);
}

static void check_targets(struct run *r, const struct svc *s, const struct doc *a)
{
	int32_t af, at;

	if (!agreement_term(r, a, &af, &at))
		return;
	for (guint i = 0; i < s->occs->len; i++) {
		const struct occ *o = occ_at(s, i);
		if (o->to < af || o->from > at)
			continue; /* not in force then: term-gap's concern */
		for (const struct node *t = node_children(o->node); t; t = node_sibling(t))
			if (strcmp(t->name, "response") == 0 || strcmp(t->name, "resolution") == 0)
				weaker(r, s, a, o, t);
	}
}

/* ---- availability-chain ---- */

/* On one stretch of days: for each party in series, its agreement with the strongest target. */
struct chain {
	struct span days;
	GPtrArray *docs; /* chosen agreement per party */
	GArray *pcts;    /* their targets */
	char *key;       /* the combination: equal keys on adjacent stretches merge */
};

static void chain_clear(struct chain *ch)
{
	g_ptr_array_free(ch->docs, TRUE);
	g_array_free(ch->pcts, TRUE);
	g_free(ch->key);
}

static void report_missing_availability(struct run *r, const struct svc *s, const struct doc *a,
                                        const struct occ *o, const struct node *want)
{
	char *key = g_strdup_printf("am\037%p", (void *)a);
	char *head = g_strdup_printf("%s has no availability target, so it does not back the "
	                             "availability %s promises for ",
	                             node_attr(a->root, "id"), r->id);
	char *tail = g_strdup_printf(": add <availability target=\"…\"/> to it; the supporting "
	                             "targets multiplied must reach the SLA's");
	struct pending *p = pending_get(r, key, RULE_AVAILABILITY_CHAIN, a, a->root, head, tail);
	char *label = g_strdup_printf("%s (%s%%)", s->ref, node_attr(want, "target"));

	if (pending_service(p, label))
		pending_related(p, o->doc, want,
		                g_strdup_printf("%s promises %s%% availability for %s here",
		                                node_attr(o->doc->root, "id"),
		                                node_attr(want, "target"), s->ref));
	g_free(label);
}

/* The chain on [FROM, TO]; false when a party has no agreement in force (term-gap's finding) or
 * none with a target (reported here as missing). */
static bool chain_on(struct run *r, const struct svc *s, const GPtrArray *groups,
                     const struct occ *o, const struct node *want, int32_t from, int32_t to,
                     struct chain *ch)
{
	GString *key = g_string_new(NULL);
	bool ok = true;

	ch->days.from = from;
	ch->days.to = to;
	ch->docs = g_ptr_array_new();
	ch->pcts = g_array_new(FALSE, FALSE, sizeof(int64_t));
	for (guint i = 0; i < groups->len && ok; i++) {
		const struct party_group *g = groups->pdata[i];
		const struct doc *best = NULL;
		int64_t best_pct = -1;
		bool in_force = false;

		for (guint k = 0; k < g->docs->len; k++) {
			struct span t = g_array_index(g->terms, struct span, k);
			int64_t pct;
			if (t.from > from || t.to < to)
				continue;
			in_force = true;
			if (node_percent(node_child(((const struct doc *)g->docs->pdata[k])->root,
			                            "availability"),
			                 "target", &pct) &&
			    pct > best_pct) {
				best_pct = pct;
				best = g->docs->pdata[k];
			}
		}
		if (!best) {
			for (guint k = 0; in_force && k < g->docs->len; k++) {
				struct span t = g_array_index(g->terms, struct span, k);
				if (t.from <= from && t.to >= to)
					report_missing_availability(r, s, g->docs->pdata[k], o,
					                            want);
			}
			ok = false;
			break;
		}
		g_ptr_array_add(ch->docs, (gpointer)best);
		g_array_append_val(ch->pcts, best_pct);
		g_string_append_printf(key, "%p\037", (const void *)best);
	}
	ch->key = g_string_free(key, FALSE);
	return ok;
}

static void report_chain(struct run *r, const struct svc *s, const struct occ *o,
                         const struct node *want, const struct chain *ch)
{
	char *arith = percent_product_describe((const int64_t *)(void *)ch->pcts->data,
	                                       ch->pcts->len, PERCENT_PLACES);
	GString *who = g_string_new(NULL), *when = g_string_new(NULL);
	struct diag *diag;

	for (guint i = 0; i < ch->docs->len; i++) {
		if (i)
			g_string_append(who, i + 1 == ch->docs->len ? " and " : ", ");
		g_string_append(who,
		                node_attr(((const struct doc *)ch->docs->pdata[i])->root, "id"));
	}
	if (ch->days.from != r->view->start || ch->days.to != r->last) {
		char *f = date_text(ch->days.from), *e = date_text(ch->days.to);
		g_string_printf(when, " from %s to %s", f, e);
		g_free(f);
		g_free(e);
	}
	diag = rule_report(
	    r->c, RULE_AVAILABILITY_CHAIN, o->doc, want,
	    ch->docs->len == 1 ? "%s of %s%s: %s alone gives %s, which is below the SLA target "
	                         "%s%%; raise its availability target or lower the SLA's"
	                       : "%s of %s%s: %s in series give %s, which is below the SLA target "
	                         "%s%%; raise a supporting availability target or lower the SLA's",
	    s->ref, r->id, when->str, who->str, arith ? arith : "?", node_attr(want, "target"));
	for (guint i = 0; i < ch->docs->len; i++) {
		const struct doc *a = ch->docs->pdata[i];
		const struct node *av = node_child(a->root, "availability");
		rule_related(r->c, diag, a, av, "%s commits to %s%%", node_attr(a->root, "id"),
		             node_attr(av, "target"));
	}
	g_string_free(who, TRUE);
	g_string_free(when, TRUE);
	g_free(arith);
}

static gint cmp_day(gconstpointer a, gconstpointer b)
{
	int32_t x = *(const int32_t *)a, y = *(const int32_t *)b;
	return (x > y) - (x < y);
}

/* Whether every component of the catalog has an agreement: otherwise unsupported-component
 * speaks and the chain is not judged. */
static bool components_backed(struct run *r, const struct svc *s, const struct occ *o)
{
	const struct node *cs =
	    model_catalog_service(r->c->m, node_attr(o->doc->root, "catalog"), s->ref);

	if (!cs)
		return false;
	node_each(comp, cs, "component")
	{
		const char *dept = node_attr(comp, "dept"), *sup = node_attr(comp, "supplier");
		bool backed = false;
		for (guint j = 0; j < s->agreements->len && !backed; j++)
			backed =
			    same_party(s->agreements->pdata[j], dept ? KIND_OLA : KIND_CONTRACT,
			               dept  ? dept
			               : sup ? sup
			                     : "");
		if (!backed)
			return false;
	}
	return true;
}

/* The parties in the catalog's order of components, then those the catalog does not name. */
static GPtrArray *in_component_order(struct run *r, const struct svc *s, const struct occ *o,
                                     const GPtrArray *all)
{
	const struct node *cs =
	    model_catalog_service(r->c->m, node_attr(o->doc->root, "catalog"), s->ref);
	GPtrArray *out = g_ptr_array_new();

	node_each(comp, cs, "component")
	{
		const char *dept = node_attr(comp, "dept"), *sup = node_attr(comp, "supplier");
		for (guint i = 0; i < all->len; i++) {
			struct party_group *g = all->pdata[i];
			if (g->kind == (dept ? KIND_OLA : KIND_CONTRACT) &&
			    strcmp(g->party, dept  ? dept
			                     : sup ? sup
			                           : "") == 0 &&
			    !g_ptr_array_find(out, g, NULL))
				g_ptr_array_add(out, g);
		}
	}
	for (guint i = 0; i < all->len; i++)
		if (!g_ptr_array_find(out, all->pdata[i], NULL))
			g_ptr_array_add(out, all->pdata[i]);
	return out;
}

static void check_chain_occ(struct run *r, const struct svc *s, const GPtrArray *all,
                            const struct occ *o)
{
	const struct node *want = node_child(o->node, "availability");
	struct chain prev = {{0, 0}, NULL, NULL, NULL};
	bool have_prev = false;
	int64_t target;
	GPtrArray *groups;
	GArray *cuts;

	if (!want || !node_percent(want, "target", &target) || !all->len ||
	    !components_backed(r, s, o))
		return;
	groups = in_component_order(r, s, o, all);
	cuts = g_array_new(FALSE, FALSE, sizeof(int32_t));
	/* the stretches on which the same agreements are in force */
	g_array_append_val(cuts, o->from);
	for (guint i = 0; i < groups->len; i++) {
		const struct party_group *g = groups->pdata[i];
		for (guint k = 0; k < g->terms->len; k++) {
			struct span t = g_array_index(g->terms, struct span, k);
			int32_t after = t.to + 1;
			if (t.from > o->from && t.from <= o->to)
				g_array_append_val(cuts, t.from);
			if (t.from <= t.to && after > o->from && after <= o->to)
				g_array_append_val(cuts, after);
		}
	}
	g_array_sort(cuts, cmp_day);
	for (guint i = 0; i < cuts->len; i++) {
		int32_t from = g_array_index(cuts, int32_t, i), to = o->to;
		struct chain ch;
		bool ok;

		if (i + 1 < cuts->len) {
			if (g_array_index(cuts, int32_t, i + 1) == from)
				continue;
			to = g_array_index(cuts, int32_t, i + 1) - 1;
		}
		ok = chain_on(r, s, groups, o, want, from, to, &ch) &&
		     percent_product_compare((const int64_t *)(void *)ch.pcts->data, ch.pcts->len,
		                             target) < 0;
		if (!ok) {
			chain_clear(&ch);
			continue;
		}
		if (have_prev && prev.days.to + 1 == from && strcmp(prev.key, ch.key) == 0) {
			prev.days.to = to;
			chain_clear(&ch);
			continue;
		}
		if (have_prev) {
			if (first_time(r,
			               g_strdup_printf("ac\037%p\037%s", (void *)want, prev.key)))
				report_chain(r, s, o, want, &prev);
			chain_clear(&prev);
		}
		prev = ch;
		have_prev = true;
	}
	if (have_prev) {
		if (first_time(r, g_strdup_printf("ac\037%p\037%s", (void *)want, prev.key)))
			report_chain(r, s, o, want, &prev);
		chain_clear(&prev);
	}
	g_array_free(cuts, TRUE);
	g_ptr_array_free(groups, TRUE);
}

/* ---- the family ---- */

static void check_sla(struct run *r, const struct sla_view *view)
{
	const struct doc *d = view->doc;
	GPtrArray *svcs;

	/* an SLA that has ended is judged for the days it was in force; one terminated without a
	 * record of when is not judged at all: its last day is unknown */
	if (!d->valid || !view->binding || view->ending == ENDING_UNKNOWN || !view->versions->len)
		return;
	r->view = view;
	r->id = node_attr(d->root, "id");
	r->cal = model_calendar(r->c->m, node_attr(d->root, "calendar"));
	r->last = view->last;
	r->termination = view->termination;
	r->ids = g_ptr_array_new();
	g_ptr_array_add(r->ids, (gpointer)r->id);
	for (guint i = 0; i < view->amendments->len; i++)
		g_ptr_array_add(r->ids,
		                (gpointer)node_attr(
		                    ((const struct doc *)view->amendments->pdata[i])->root, "id"));
	r->pending = g_ptr_array_new_with_free_func(pending_free);
	r->pending_by_key = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
	r->seen = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);

	svcs = collect_services(r);
	for (guint i = 0; i < svcs->len; i++) {
		struct svc *s = svcs->pdata[i];
		GPtrArray *groups;

		find_agreements(r, s);
		check_components(r, s);
		groups = party_groups(r, s);
		check_terms(r, s, groups);
		for (guint k = 0; k < groups->len; k++)
			check_group_hours(r, s, groups->pdata[k]);
		for (guint k = 0; k < s->agreements->len; k++)
			check_targets(r, s, s->agreements->pdata[k]);
		/* versions that keep the same <service> are one stretch for the chain: a shortfall
		 * over the whole term is one finding naming the whole term */
		for (guint k = 0; k < s->occs->len;) {
			struct occ o = *occ_at(s, k);
			for (k++; k < s->occs->len && occ_at(s, k)->node == o.node &&
			          occ_at(s, k)->from == o.to + 1;
			     k++)
				o.to = occ_at(s, k)->to;
			check_chain_occ(r, s, groups, &o);
		}
		g_ptr_array_free(groups, TRUE);
	}
	pending_flush(r);
	g_ptr_array_free(svcs, TRUE);
	g_ptr_array_free(r->ids, TRUE);
	g_ptr_array_free(r->pending, TRUE);
	g_hash_table_destroy(r->pending_by_key);
	g_hash_table_destroy(r->seen);
}

void rules_support(const struct check_ctx *c)
{
	struct run r = {.c = c};
	const GPtrArray *slas = model_slas(c->m);

	r.by_party_sla = g_hash_table_new_full(g_str_hash, g_str_equal, g_free,
	                                       (GDestroyNotify)g_ptr_array_unref);
	r.hours_text = g_hash_table_new_full(g_direct_hash, g_direct_equal, NULL, g_free);
	r.coverage = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, cov_free);
	index_parties(&r);
	for (guint i = 0; i < slas->len; i++)
		check_sla(&r, slas->pdata[i]);
	g_hash_table_destroy(r.by_party_sla);
	g_hash_table_destroy(r.hours_text);
	g_hash_table_destroy(r.coverage);
}
