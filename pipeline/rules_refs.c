/* Rules duplicate-id and unresolved-ref: every id names one thing, every reference names an
 * existing thing of the right kind (DESIGN §3: references are attributes named after what they
 * point to; `ref=` takes its meaning from its element), an incident id names one incident across
 * reports, and an SLA does not renew itself. */
#include "rules.h"

#include <string.h>

/* "an OLA", "a customer, supplier or organization": what the mask expects, in words. */
static char *expected(guint32 mask)
{
	GString *s = g_string_new(NULL);
	GPtrArray *labels = g_ptr_array_new();

	if (mask == ~0u)
		return g_string_free(g_string_append(s, "anything"), FALSE);
	if ((mask & T_ANY_DOC) == T_ANY_DOC) {
		g_ptr_array_add(labels, (gpointer) "document");
		mask &= ~T_ANY_DOC;
	}
	for (int t = 0; t < T_COUNT; t++)
		if (mask & TBIT(t))
			g_ptr_array_add(labels, (gpointer)target_label((enum target)t));
	for (guint i = 0; i < labels->len; i++) {
		if (i)
			g_string_append(s, i + 1 == labels->len ? " or " : ", ");
		g_string_append(s, labels->pdata[i]);
	}
	g_ptr_array_free(labels, TRUE);
	return g_string_free(s, FALSE);
}

/* Levenshtein distance, bounded: returns LIMIT+1 as soon as it is exceeded. */
static unsigned distance(const char *a, const char *b, unsigned limit)
{
	size_t la = strlen(a), lb = strlen(b);
	unsigned *row, best = limit + 1;

	if ((la > lb ? la - lb : lb - la) > limit || lb > 256)
		return limit + 1;
	row = g_new(unsigned, lb + 1);
	for (size_t j = 0; j <= lb; j++)
		row[j] = (unsigned)j;
	for (size_t i = 1; i <= la; i++) {
		unsigned diag = row[0], low;
		row[0] = (unsigned)i;
		low = row[0];
		for (size_t j = 1; j <= lb; j++) {
			unsigned up = row[j];
			unsigned v = diag + (a[i - 1] != b[j - 1]);
			v = MIN(v, up + 1);
			v = MIN(v, row[j - 1] + 1);
			row[j] = v;
			diag = up;
			low = MIN(low, v);
		}
		if (low > limit)
			goto out;
	}
	best = row[lb];
out:
	g_free(row);
	return best;
}

/* The closest id of the expected kinds, for "did you mean"; NULL when none is close. */
static const char *closest(const struct index *ix, const char *id, guint32 mask)
{
	unsigned limit = MAX(2u, (unsigned)strlen(id) / 4), best = limit + 1;
	const char *found = NULL;

	for (int t = 0; t < T_COUNT; t++) {
		if (!(mask & TBIT(t)))
			continue;
		for (guint i = 0; i < ix->of[t]->len; i++) {
			const struct entry *e = ix->of[t]->pdata[i];
			unsigned d = distance(id, e->id, MIN(limit, best));
			if (d < best) {
				best = d;
				found = e->id;
			}
		}
	}
	return found;
}

static void check_ref(const struct check_ctx *c, const struct doc *d, const struct node *n,
		      const char *attr, const char *id, guint32 mask)
{
	const struct entry *e;
	char *want;
	struct diag *diag;

	if (index_lookup(c->ix, id, mask))
		return;
	e = index_any(c->ix, id);
	want = expected(mask);
	if (e) {
		diag = rule_report(c, RULE_UNRESOLVED_REF, d, n,
				   "<%s %s=\"%s\"> must name %s %s, but %s is %s %s", n->name, attr,
				   id, a_or_an(want), want, id, a_or_an(target_label(e->target)),
				   target_label(e->target));
		rule_related(c, diag, e->doc, e->node, "%s is declared here", id);
	} else {
		const char *near = closest(c->ix, id, mask);
		if (near)
			rule_report(c, RULE_UNRESOLVED_REF, d, n,
				    "<%s %s=\"%s\">: no %s \"%s\" in the repository; did you mean "
				    "\"%s\"?",
				    n->name, attr, id, want, id, near);
		else
			rule_report(c, RULE_UNRESOLVED_REF, d, n,
				    "<%s %s=\"%s\">: no %s \"%s\" in the repository", n->name, attr,
				    id, want, id);
	}
	g_free(want);
}

static void walk_refs(const struct check_ctx *c, const struct doc *d, const struct node *n)
{
	for (; n; n = node_sibling(n)) {
		for (unsigned i = 0; i < n->nattrs; i++) {
			guint32 mask = index_ref_mask(n, n->attrs[i].name);
			if (mask && *n->attrs[i].value)
				check_ref(c, d, n, n->attrs[i].name, n->attrs[i].value, mask);
		}
		walk_refs(c, d, node_children(n));
	}
}

/* Incident ids are unique within a report, and one incident that runs into the next period keeps
 * its id in both reports; the same id for another incident (another service or opening) makes
 * the references to it (<finding incident=>) ambiguous. */
static void incident_ids(const struct check_ctx *c)
{
	const GPtrArray *all = c->ix->of[T_INCIDENT];

	for (guint i = 0; i < all->len; i++) {
		const struct entry *e = all->pdata[i];
		const struct entry *first = index_lookup(c->ix, e->id, TBIT(T_INCIDENT));
		int64_t a, b;

		if (first == e || first->doc == e->doc)
			continue;
		if (g_strcmp0(node_attr(e->node, "service"), node_attr(first->node, "service")) == 0 &&
		    node_instant(e->node, "opened", &a) && node_instant(first->node, "opened", &b) &&
		    a == b)
			continue;
		struct diag *diag = rule_report(
		    c, RULE_DUPLICATE_ID, e->doc, e->node,
		    "incident id \"%s\" is already used in %s:%u for another incident (%s, opened "
		    "%s): an incident that runs into the next period keeps its id, a new one needs "
		    "its own",
		    e->id, first->doc->path, first->node->line,
		    node_attr(first->node, "service") ? node_attr(first->node, "service") : "",
		    node_attr(first->node, "opened") ? node_attr(first->node, "opened") : "");
		rule_related(c, diag, first->doc, first->node, "\"%s\" is first declared here",
			     e->id);
	}
}

/* ---- references that resolve, but outside the SLA they belong to ---- */

/* The services an SLA names in any of its documents (base and additional, whatever their
 * status: an OLA may be written for a service an additional SLA is still negotiating), cached
 * by base SLA. */
static GHashTable *sla_services(const struct check_ctx *c, GHashTable *cache,
                                const struct sla_view *v)
{
	GHashTable *set = g_hash_table_lookup(cache, v);

	if (!set) {
		GPtrArray *ids = model_sla_family(c->m, v);
		set = g_hash_table_new(g_str_hash, g_str_equal);
		for (guint i = 0; i < ids->len; i++) {
			const struct doc *d = model_doc(c->m, ids->pdata[i], KIND_SLA);
			if (d && d->valid)
				node_each(svc, d->root, "service")
					g_hash_table_add(set, (gpointer)node_attr(svc, "ref"));
		}
		g_ptr_array_free(ids, TRUE);
		g_hash_table_insert(cache, (gpointer)v, set);
	}
	return set;
}

/* Elements whose service= must be a service of the SLA they are about: the SLA of the document
 * (its sla=, or the SLA itself), or the node's own sla= (<supports>). */
static const struct {
	enum kind kind;
	const char *element;
	bool own_sla;
} service_scoped[] = {
	{KIND_REPORT, "measure", false}, {KIND_REPORT, "incident", false},
	{KIND_SLA, "credit", false},     {KIND_DECOMPOSITION, "clause", false},
	{KIND_OLA, "supports", true},    {KIND_CONTRACT, "supports", true},
};

static void services_in_scope(const struct check_ctx *c, GHashTable *cache, const struct doc *d)
{
	const char *doc_sla = d->kind == KIND_SLA ? doc_id(d) : node_attr(d->root, "sla");

	for (size_t k = 0; k < G_N_ELEMENTS(service_scoped); k++) {
		if (service_scoped[k].kind != d->kind)
			continue;
		node_each(n, d->root, service_scoped[k].element)
		{
			const char *sla = service_scoped[k].own_sla ? node_attr(n, "sla") : doc_sla;
			const char *svc = node_attr(n, "service");
			const struct sla_view *v = model_sla_of(c->m, sla);

			/* an unknown SLA or service is check_ref's finding */
			if (!v || !svc || !index_lookup(c->ix, svc, TBIT(T_SERVICE)) ||
			    g_hash_table_contains(sla_services(c, cache, v), svc))
				continue;
			struct diag *diag = rule_report(
			    c, RULE_UNRESOLVED_REF, d, n,
			    "<%s%s%s%s service=\"%s\">: SLA %s does not include %s in any of its "
			    "versions: name a service of the SLA, or add the service to the SLA",
			    n->name, service_scoped[k].own_sla ? " sla=\"" : "",
			    service_scoped[k].own_sla ? sla : "", service_scoped[k].own_sla ? "\"" : "",
			    svc, doc_id(v->doc), svc);
			rule_related(c, diag, v->doc, v->doc->root, "%s is declared here",
				     doc_id(v->doc));
		}
	}
}

/* Whether documents A (about SLA SLA_A) and B (about SLA_B) are about different SLAs; both known. */
static bool other_sla(const struct check_ctx *c, const char *sla_a, const char *sla_b)
{
	const struct sla_view *a = model_sla_of(c->m, sla_a), *b = model_sla_of(c->m, sla_b);
	return a && b && a != b;
}

/* A reference from a document about one SLA to a document or incident about another: a proposal's
 * decomposition=, a review's <reviewed report=> and <finding incident=>. */
static void other_sla_ref(const struct check_ctx *c, const struct doc *d, const struct node *n,
                          const char *attr, const struct doc *to, const struct node *at,
                          const char *what)
{
	const char *mine = node_attr(d->root, "sla"), *theirs = node_attr(to->root, "sla");
	struct diag *diag;

	if (!other_sla(c, mine, theirs))
		return;
	diag = rule_report(c, RULE_UNRESOLVED_REF, d, n,
	                   "<%s %s=\"%s\">: %s %s is about SLA %s, but this %s is about SLA %s: "
	                   "name %s %s of SLA %s",
	                   n->name, attr, node_attr(n, attr), what, node_attr(n, attr), theirs,
	                   kind_label(d->kind), mine, a_or_an(what), what, mine);
	rule_related(c, diag, to, at, "%s is declared here", node_attr(n, attr));
}

static void refs_in_scope(const struct check_ctx *c, const struct doc *d)
{
	const struct doc *to;
	const struct entry *e;

	if (d->kind == KIND_PROPOSAL &&
	    (to = model_doc(c->m, node_attr(d->root, "decomposition"), KIND_DECOMPOSITION)))
		other_sla_ref(c, d, d->root, "decomposition", to, to->root, "decomposition");
	if (d->kind != KIND_REVIEW)
		return;
	node_each(r, d->root, "reviewed") if ((to = model_doc(c->m, node_attr(r, "report"),
	                                                       KIND_REPORT)))
		other_sla_ref(c, d, r, "report", to, to->root, "service report");
	node_each(f, d->root, "finding") if (node_attr(f, "incident") &&
	                                     (e = index_lookup(c->ix, node_attr(f, "incident"),
	                                                       TBIT(T_INCIDENT))))
		other_sla_ref(c, d, f, "incident", e->doc, e->node, "incident");
}

void rules_refs(const struct check_ctx *c)
{
	const GPtrArray *dup = c->ix->duplicates;

	for (guint i = 0; i + 1 < dup->len; i += 2) {
		const struct entry *later = dup->pdata[i], *first = dup->pdata[i + 1];
		struct diag *diag = rule_report(
			c, RULE_DUPLICATE_ID, later->doc, later->node,
			"id \"%s\" of this %s is already used by %s %s in %s:%u", later->id,
			target_label(later->target),
			a_or_an(target_label(first->target)), target_label(first->target), first->doc->path, first->node->line);
		rule_related(c, diag, first->doc, first->node, "\"%s\" is first declared here",
			     first->id);
	}
	incident_ids(c);
	GHashTable *cache = g_hash_table_new_full(g_direct_hash, g_direct_equal, NULL,
	                                          (GDestroyNotify)g_hash_table_destroy);
	for (guint i = 0; i < c->repo->docs->len; i++) {
		const struct doc *d = c->repo->docs->pdata[i];
		const char *renews = d->kind == KIND_SLA ? node_attr(d->root, "renews") : NULL;
		walk_refs(c, d, d->root);
		/* resolved, but to the SLA itself (amends= to itself is amendment-base's) */
		if (renews && strcmp(renews, doc_id(d)) == 0)
			rule_report(c, RULE_UNRESOLVED_REF, d, d->root,
			            "<sla renews=\"%s\"> names this SLA itself: renews= must name the "
			            "SLA that this one renews, its predecessor",
			            renews);
		if (d->valid) {
			services_in_scope(c, cache, d);
			refs_in_scope(c, d);
		}
	}
	g_hash_table_destroy(cache);
}
