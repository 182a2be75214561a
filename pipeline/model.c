/* The shared agreement model (see model.h). */
#include "model.h"

#include <string.h>

struct model {
	const struct repo *repo;
	const struct index *ix;
	GHashTable *referring;	/* "kind\037attr\037id" → GPtrArray of doc* */
	GHashTable *supporting; /* "sla\037service" → GArray of struct support */
	GHashTable *invalid;	/* "kind\037sla\037id" → GPtrArray of doc*, documents not valid */
	GHashTable *calendars;	/* id → struct calendar* */
	GHashTable *hours;	/* node* → struct hours* (or the NONE marker) */
	GHashTable *slas;	/* id → struct sla_view* */
	GPtrArray *sla_list;
	GHashTable *agreements; /* doc* → struct agreement* (OLAs and contracts) */
	int32_t as_of;
	GPtrArray *empty;
	GArray *empty_support;
};

/* ---- values ---- */

bool node_date(const struct node *n, const char *attr, int32_t *day)
{
	const char *v = n ? node_attr(n, attr) : NULL;
	return v && time_parse_date(v, day) == TIME_OK;
}

bool node_duration(const struct node *n, const char *attr, struct time_duration *d)
{
	const char *v = n ? node_attr(n, attr) : NULL;
	return v && time_parse_duration(v, d) == TIME_OK;
}

bool node_percent(const struct node *n, const char *attr, int64_t *pct)
{
	const char *v = n ? node_attr(n, attr) : NULL;
	return v && percent_parse(v, pct) == TIME_OK;
}

bool node_money(const struct node *n, const char *attr, int64_t *cents)
{
	const char *v = n ? node_attr(n, attr) : NULL;
	return v && money_parse(v, cents) == TIME_OK;
}

bool node_instant(const struct node *n, const char *attr, int64_t *instant)
{
	const char *v = n ? node_attr(n, attr) : NULL;
	return v && time_parse_datetime(v, instant) == TIME_OK;
}

bool node_is(const struct node *n, const char *attr, const char *value)
{
	const char *v = n ? node_attr(n, attr) : NULL;
	return v && strcmp(v, value) == 0;
}

/* ---- lookups ---- */

const struct doc *model_doc(const struct model *m, const char *id, enum kind k)
{
	const struct entry *e = id ? index_lookup(m->ix, id, TBIT(k)) : NULL;
	return e ? e->doc : NULL;
}

const struct node *model_thing(const struct model *m, const char *id, enum target t)
{
	const struct entry *e = id ? index_lookup(m->ix, id, TBIT(t)) : NULL;
	return e ? e->node : NULL;
}

bool model_person_has_role(const struct model *m, const char *id, const char *role)
{
	const struct node *p = model_thing(m, id, T_PERSON);
	const char *roles = p ? node_attr(p, "roles") : NULL;
	size_t n = strlen(role);

	for (const char *r = roles; r && *r;) {
		while (*r == ' ' || *r == '\t' || *r == '\n')
			r++;
		if (strncmp(r, role, n) == 0 && (r[n] == '\0' || g_ascii_isspace(r[n])))
			return true;
		while (*r && !g_ascii_isspace(*r))
			r++;
	}
	return false;
}

static char *key3(enum kind k, const char *attr, const char *id)
{
	return g_strdup_printf("%d\037%s\037%s", (int)k, attr, id);
}

const GPtrArray *model_referring(const struct model *m, enum kind k, const char *attr,
				 const char *id)
{
	char *key = key3(k, attr, id ? id : "");
	const GPtrArray *a = g_hash_table_lookup(m->referring, key);
	g_free(key);
	return a ? a : m->empty;
}

const GPtrArray *model_invalid_about(const struct model *m, enum kind k, const char *sla)
{
	char *key = key3(k, "sla", sla ? sla : "");
	const GPtrArray *a = g_hash_table_lookup(m->invalid, key);
	g_free(key);
	return a ? a : m->empty;
}

const GArray *model_supporting(const struct model *m, const char *sla, const char *service)
{
	char *key = g_strdup_printf("%s\037%s", sla, service);
	const GArray *a = g_hash_table_lookup(m->supporting, key);
	g_free(key);
	return a ? a : m->empty_support;
}

/* ---- time ---- */

const struct calendar *model_calendar(const struct model *m, const char *id)
{
	return id ? g_hash_table_lookup(m->calendars, id) : NULL;
}

const struct hours *model_hours(const struct model *m, const struct node *n)
{
	return n ? g_hash_table_lookup(m->hours, n) : NULL;
}

/* Built with the model, never on demand: render threads read the table concurrently. */
static void add_hours(struct model *m, const struct node *n)
{
	struct hours *h = NULL;

	node_each(w, n, "hours")
	{
		if (!h)
			h = hours_new();
		hours_add_text(h, node_attr(w, "days"), node_attr(w, "from"), node_attr(w, "to"),
			       node_is(w, "workdays", "only"));
	}
	if (h)
		g_hash_table_insert(m->hours, (gpointer)n, h);
}

static const struct node *tier(const struct model *m, const char *catalog, const char *level)
{
	const struct doc *c = model_doc(m, catalog, KIND_CATALOG);

	if (!c || !level)
		return NULL;
	node_each(t, c->root, "tier") if (node_is(t, "level", level)) return t;
	return NULL;
}

const struct hours *model_tier_hours(const struct model *m, const char *catalog, const char *level)
{
	return model_hours(m, tier(m, catalog, level));
}

const struct node *model_catalog_service(const struct model *m, const char *catalog,
					 const char *service)
{
	const struct doc *c = model_doc(m, catalog, KIND_CATALOG);

	if (!c || !service)
		return NULL;
	node_each(s, c->root, "service") if (node_is(s, "id", service)) return s;
	return NULL;
}

const struct node *model_offer(const struct model *m, const char *catalog, const char *service,
			       const char *level)
{
	const struct node *s = model_catalog_service(m, catalog, service);

	if (!s || !level)
		return NULL;
	node_each(o, s, "offer") if (node_is(o, "tier", level)) return o;
	return NULL;
}

/* ---- building ---- */

void multimap_add(GHashTable *t, char *key, gconstpointer v)
{
	GPtrArray *arr = g_hash_table_lookup(t, key);

	if (!arr) {
		arr = g_ptr_array_new();
		g_hash_table_insert(t, key, arr);
	} else
		g_free(key);
	if (!arr->len || arr->pdata[arr->len - 1] != v)
		g_ptr_array_add(arr, (gpointer)v);
}

static void add_referring(struct model *m, const struct doc *d)
{
	for (unsigned i = 0; i < d->root->nattrs; i++) {
		const struct attr *a = &d->root->attrs[i];

		/* only references: dates, statuses and versions would fill the table for nothing */
		if (!*a->value || !index_ref_mask(d->root, a->name))
			continue;
		multimap_add(m->referring, key3(d->kind, a->name, a->value), d);
	}
}

static void add_supporting(struct model *m, const struct doc *d)
{
	node_each(s, d->root, "supports")
	{
		const char *sla = node_attr(s, "sla"), *svc = node_attr(s, "service");
		struct support sup = {d, s};
		char *key;
		GArray *arr;

		if (!sla || !svc)
			continue;
		key = g_strdup_printf("%s\037%s", sla, svc);
		arr = g_hash_table_lookup(m->supporting, key);
		if (!arr) {
			arr = g_array_new(FALSE, FALSE, sizeof(struct support));
			g_hash_table_insert(m->supporting, key, arr);
		} else
			g_free(key);
		g_array_append_val(arr, sup);
	}
}

/* A document that is not valid, under the SLA it is about: its root sla=, and the sla= of each
 * <supports> of an OLA or contract. */
static void add_invalid(struct model *m, const struct doc *d)
{
	const char *slas[64];
	unsigned n = 0;

	if (node_attr(d->root, "sla"))
		slas[n++] = node_attr(d->root, "sla");
	node_each(s, d->root, "supports") if (n < G_N_ELEMENTS(slas) && node_attr(s, "sla"))
		slas[n++] = node_attr(s, "sla");
	for (unsigned i = 0; i < n; i++)
		multimap_add(m->invalid, key3(d->kind, "sla", slas[i]), d);
}

static void add_calendars(struct model *m, const struct doc *d)
{
	node_each(c, d->root, "calendar")
	{
		const char *id = node_attr(c, "id");
		enum time_error err;
		struct calendar *cal;

		if (!id || g_hash_table_contains(m->calendars, id))
			continue;
		cal = calendar_new(node_attr(c, "tz"), &err);
		if (!cal)
			continue;
		node_each(h, c, "holiday")
		{
			int32_t from, to;
			if (node_date(h, "from", &from) && node_date(h, "to", &to))
				calendar_add_holiday(cal, from, to);
		}
		node_each(w, c, "workday")
		{
			int32_t day;
			if (node_date(w, "date", &day))
				calendar_add_workday(cal, day);
		}
		g_hash_table_insert(m->calendars, (gpointer)id, cal);
	}
}

static struct sla_version *version_new(int32_t from)
{
	struct sla_version *v = g_new0(struct sla_version, 1);
	v->from = from;
	v->services = g_ptr_array_new();
	v->service_docs = g_ptr_array_new();
	v->credits = g_ptr_array_new();
	v->credit_docs = g_ptr_array_new();
	return v;
}

static struct sla_version *version_copy(const struct sla_version *p, int32_t from)
{
	struct sla_version *v = version_new(from);

	for (guint i = 0; i < p->services->len; i++) {
		g_ptr_array_add(v->services, p->services->pdata[i]);
		g_ptr_array_add(v->service_docs, p->service_docs->pdata[i]);
	}
	for (guint i = 0; i < p->credits->len; i++) {
		g_ptr_array_add(v->credits, p->credits->pdata[i]);
		g_ptr_array_add(v->credit_docs, p->credit_docs->pdata[i]);
	}
	v->source = p->source;
	v->term = p->term, v->term_doc = p->term_doc;
	v->reporting = p->reporting, v->reporting_doc = p->reporting_doc;
	v->review = p->review, v->review_doc = p->review_doc;
	v->charges = p->charges, v->charges_doc = p->charges_doc;
	return v;
}

static void version_free(gpointer p)
{
	struct sla_version *v = p;
	g_ptr_array_free(v->services, TRUE);
	g_ptr_array_free(v->service_docs, TRUE);
	g_ptr_array_free(v->credits, TRUE);
	g_ptr_array_free(v->credit_docs, TRUE);
	g_free(v);
}

static const struct amend_rule amend_rules[] = {
	{"service", "ref", AMEND_KEYED, NULL},	  {"remove", "service", AMEND_REMOVE, "service"},
	{"credit", "service", AMEND_KEYED, NULL}, {"term", NULL, AMEND_WHOLE, NULL},
	{"reporting", NULL, AMEND_WHOLE, NULL},	  {"review", NULL, AMEND_WHOLE, NULL},
	{"charges", NULL, AMEND_WHOLE, NULL},
};

const struct amend_rule *amend_rule_of(const char *name)
{
	for (size_t i = 0; name && i < G_N_ELEMENTS(amend_rules); i++)
		if (strcmp(amend_rules[i].element, name) == 0)
			return &amend_rules[i];
	return NULL;
}

/* Put S (of document D) in LIST in place of the element with the same KEY, or at the end. */
static void set_keyed(GPtrArray *list, GPtrArray *docs, const char *key, const struct node *s,
		      const struct doc *d)
{
	const char *v = node_attr(s, key);

	for (guint i = 0; v && i < list->len; i++)
		if (node_is(list->pdata[i], key, v)) {
			list->pdata[i] = (gpointer)s;
			docs->pdata[i] = (gpointer)d;
			return;
		}
	g_ptr_array_add(list, (gpointer)s);
	g_ptr_array_add(docs, (gpointer)d);
}

static void remove_service(struct sla_version *v, const char *ref)
{
	for (guint i = 0; i < v->services->len; i++)
		if (ref && node_is(v->services->pdata[i], "ref", ref)) {
			g_ptr_array_remove_index(v->services, i);
			g_ptr_array_remove_index(v->service_docs, i);
			return;
		}
}

/* Apply the parts of document D (the base or an additional SLA) to version V, by amend_rules. */
static void apply(struct sla_version *v, const struct doc *d)
{
	for (struct node *n = node_children(d->root); n; n = node_sibling(n)) {
		const struct amend_rule *r = amend_rule_of(n->name);

		if (!r)
			continue;
		if (r->how == AMEND_REMOVE)
			remove_service(v, node_attr(n, r->key));
		else if (strcmp(r->element, "service") == 0)
			set_keyed(v->services, v->service_docs, r->key, n, d);
		else if (strcmp(r->element, "credit") == 0)
			set_keyed(v->credits, v->credit_docs, r->key, n, d);
		else if (strcmp(r->element, "term") == 0)
			v->term = n, v->term_doc = d;
		else if (strcmp(r->element, "reporting") == 0)
			v->reporting = n, v->reporting_doc = d;
		else if (strcmp(r->element, "review") == 0)
			v->review = n, v->review_doc = d;
		else if (strcmp(r->element, "charges") == 0)
			v->charges = n, v->charges_doc = d;
	}
	v->source = d;
}

static gint by_effective(gconstpointer a, gconstpointer b)
{
	const struct doc *x = *(const struct doc *const *)a, *y = *(const struct doc *const *)b;
	int32_t dx = 0, dy = 0;

	node_date(x->root, "effective", &dx);
	node_date(y->root, "effective", &dy);
	return dx < dy ? -1 : dx > dy ? 1 : strcmp(x->path, y->path);
}

static struct sla_view *build_sla(struct model *m, const struct doc *d)
{
	struct sla_view *view = g_new0(struct sla_view, 1);
	const struct node *term = node_child(d->root, "term");
	const GPtrArray *amends = model_referring(m, KIND_SLA, "amends", node_attr(d->root, "id"));
	struct sla_version *cur;
	int32_t end;

	view->doc = d;
	view->versions = g_ptr_array_new_with_free_func(version_free);
	view->amendments = g_ptr_array_new();
	view->has_term = node_date(term, "start", &view->start) && node_date(term, "end", &view->end);
	if (!view->has_term) {
		view->start = TIME_DAY_MIN;
		view->end = TIME_DAY_MAX;
	}
	for (guint i = 0; i < amends->len; i++) {
		const struct doc *a = amends->pdata[i];
		int32_t eff;
		const char *cust = node_attr(a->root, "customer");
		if (a->valid && node_is(a->root, "status", "signed") &&
		    node_date(a->root, "effective", &eff) &&
		    (!cust || !node_attr(d->root, "customer") || node_is(d->root, "customer", cust)))
			g_ptr_array_add(view->amendments, (gpointer)a);
	}
	g_ptr_array_sort(view->amendments, by_effective);

	cur = version_new(view->start);
	apply(cur, d);
	g_ptr_array_add(view->versions, cur);
	end = view->end;
	for (guint i = 0; i < view->amendments->len; i++) {
		const struct doc *a = view->amendments->pdata[i];
		int32_t eff = 0;

		node_date(a->root, "effective", &eff);
		if (eff > end)
			continue; /* outside the term: amendment-base reports it */
		eff = MAX(eff, view->start);
		if (eff > cur->from) {
			cur->to = eff - 1;
			cur = version_copy(cur, eff);
			g_ptr_array_add(view->versions, cur);
		}
		apply(cur, a);
		if (cur->term) {
			int32_t e2;
			if (node_date(cur->term, "end", &e2))
				end = e2;
		}
	}
	cur->to = end;
	return view;
}

/* ---- the timeline ---- */

static const char *const ending_names[] = {
	[ENDING_OPEN] = "open",		      [ENDING_EXPIRY] = "expiry",
	[ENDING_RENEWAL] = "renewal",	      [ENDING_TERMINATION] = "termination",
	[ENDING_REPLACED] = "replacement",    [ENDING_UNKNOWN] = "unknown",
};

const char *ending_name(enum ending e)
{
	return (unsigned)e < G_N_ELEMENTS(ending_names) ? ending_names[e] : "?";
}

static bool binding(const struct doc *d)
{
	return d->valid && (node_is(d->root, "status", "signed") || node_is(d->root, "status", "ended") ||
			    node_is(d->root, "status", "terminated"));
}

bool termination_last_day(const struct doc *t, int32_t term_end, int32_t *last)
{
	int32_t eff, until;

	if (!t->valid || !node_date(t->root, "effective", &eff))
		return false;
	*last = MIN(eff, term_end);
	node_each(x, t->root, "extension") if (node_date(x, "until", &until) && until > *last)
		*last = until;
	return true;
}

/* Last day, how it ends, the termination and the successor of SLA V (its versions built). */
static void sla_timeline(struct model *m, struct sla_view *v)
{
	const char *id = doc_id(v->doc);
	const struct sla_version *lastv = v->versions->pdata[v->versions->len - 1];
	const GPtrArray *amends = model_referring(m, KIND_SLA, "amends", id);
	const GPtrArray *renewals = model_referring(m, KIND_SLA, "renews", id);
	int32_t end = lastv->to;

	v->binding = binding(v->doc);
	v->last = end;
	v->ending = v->has_term ? ENDING_EXPIRY : ENDING_OPEN;
	for (guint i = 0; i <= amends->len; i++) {
		const char *sid = i ? doc_id(amends->pdata[i - 1]) : id;
		const GPtrArray *ts = model_referring(m, KIND_TERMINATION, "sla", sid);

		for (guint k = 0; k < ts->len; k++) {
			int32_t day;
			if (termination_last_day(ts->pdata[k], end, &day) &&
			    (!v->termination || day < v->last)) {
				v->last = day;
				v->termination = ts->pdata[k];
			}
		}
	}
	for (guint i = 0; i < renewals->len && !v->successor; i++)
		if (binding(renewals->pdata[i]))
			v->successor = renewals->pdata[i];
	if (v->termination)
		v->ending = ENDING_TERMINATION;
	else if (node_is(v->doc->root, "status", "terminated"))
		v->ending = ENDING_UNKNOWN;
	else if (v->successor && v->has_term)
		v->ending = ENDING_RENEWAL;
}

bool signing_limit(const struct doc *d, int32_t *limit)
{
	if (d->kind == KIND_SLA && node_attr(d->root, "amends"))
		return node_date(d->root, "effective", limit);
	return node_date(node_child(d->root, "term"), "start", limit);
}

bool sla_in_force(const struct sla_view *v, int32_t day)
{
	return v->binding && day >= v->start && day <= v->last;
}

bool agreement_in_force(const struct agreement *a, int32_t day)
{
	return a->binding && a->has_term && day >= a->start && day <= a->last;
}

const struct agreement *model_agreement(const struct model *m, const struct doc *d)
{
	return d ? g_hash_table_lookup(m->agreements, d) : NULL;
}

/* The base SLA and service of each <supports> of A, as "sla\037service" (the caller frees). */
static GPtrArray *supported_pairs(const struct model *m, const struct doc *a)
{
	GPtrArray *out = g_ptr_array_new_with_free_func(g_free);

	node_each(s, a->root, "supports")
	{
		const struct sla_view *v = model_sla_of(m, node_attr(s, "sla"));
		if (v && node_attr(s, "service"))
			g_ptr_array_add(out, g_strdup_printf("%s\037%s", doc_id(v->doc),
							     node_attr(s, "service")));
	}
	return out;
}

static bool share_pair(const GPtrArray *x, const GPtrArray *y)
{
	for (guint i = 0; i < x->len; i++)
		for (guint k = 0; k < y->len; k++)
			if (strcmp(x->pdata[i], y->pdata[k]) == 0)
				return true;
	return false;
}

static gint by_start(gconstpointer a, gconstpointer b)
{
	const struct agreement *x = *(const struct agreement *const *)a,
			       *y = *(const struct agreement *const *)b;

	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	return strcmp(x->doc->path, y->doc->path);
}

/* An agreement whose status says it ended mid-term ended when another agreement of its party for
 * the same SLA service took over (附加OLA, 与供应商签署新合同或停止执行相应的旧合同); with none, the
 * status is all there is: it was in force up to the as-of date at the latest. */
static void agreement_endings(struct model *m, GPtrArray *group)
{
	GPtrArray *pairs = g_ptr_array_new_with_free_func((GDestroyNotify)g_ptr_array_unref);

	g_ptr_array_sort(group, by_start);
	for (guint i = 0; i < group->len; i++)
		g_ptr_array_add(pairs, supported_pairs(m, ((struct agreement *)group->pdata[i])->doc));
	for (guint i = 0; i < group->len; i++) {
		struct agreement *a = group->pdata[i];

		if (!a->has_term || node_is(a->doc->root, "status", "signed"))
			continue;
		for (guint k = i + 1; k < group->len && !a->successor; k++) {
			const struct agreement *b = group->pdata[k];
			if (b->start > a->end)
				break;
			if (b->binding && b->has_term && b->start > a->start &&
			    share_pair(pairs->pdata[i], pairs->pdata[k])) {
				a->successor = b->doc;
				a->last = b->start - 1;
				a->ending = ENDING_REPLACED;
			}
		}
		if (!a->successor && a->end > m->as_of) {
			a->last = MAX(a->start - 1, m->as_of);
			a->ending = ENDING_UNKNOWN;
		}
	}
	g_ptr_array_free(pairs, TRUE);
}

static void build_agreements(struct model *m, const struct repo *r)
{
	GHashTable *parties = g_hash_table_new_full(g_str_hash, g_str_equal, g_free,
						    (GDestroyNotify)g_ptr_array_unref);
	GHashTableIter it;
	gpointer group;

	for (guint i = 0; i < r->docs->len; i++) {
		const struct doc *d = r->docs->pdata[i];
		const struct node *t;
		struct agreement *a;

		if (!d->root || !d->valid || (d->kind != KIND_OLA && d->kind != KIND_CONTRACT))
			continue;
		a = g_new0(struct agreement, 1);
		a->doc = d;
		a->party = node_attr(d->root, d->kind == KIND_OLA ? "dept" : "supplier");
		a->binding = binding(d);
		t = node_child(d->root, "term");
		a->has_term = node_date(t, "start", &a->start) && node_date(t, "end", &a->end) &&
			      a->start <= a->end;
		a->last = a->end;
		a->ending = ENDING_EXPIRY;
		g_hash_table_insert(m->agreements, (gpointer)d, a);
		if (a->party)
			multimap_add(parties, g_strdup_printf("%d\037%s", d->kind, a->party), a);
	}
	g_hash_table_iter_init(&it, parties);
	while (g_hash_table_iter_next(&it, NULL, &group))
		agreement_endings(m, group);
	g_hash_table_destroy(parties);
}

static void sla_view_free(gpointer p)
{
	struct sla_view *v = p;
	g_ptr_array_free(v->versions, TRUE);
	g_ptr_array_free(v->amendments, TRUE);
	g_free(v);
}

struct model *model_build(const struct repo *r, const struct index *ix, int32_t as_of)
{
	struct model *m = g_new0(struct model, 1);

	m->as_of = as_of;
	m->agreements = g_hash_table_new_full(g_direct_hash, g_direct_equal, NULL, g_free);

	m->repo = r;
	m->ix = ix;
	m->referring = g_hash_table_new_full(g_str_hash, g_str_equal, g_free,
					     (GDestroyNotify)g_ptr_array_unref);
	m->supporting = g_hash_table_new_full(g_str_hash, g_str_equal, g_free,
					      (GDestroyNotify)g_array_unref);
	m->invalid = g_hash_table_new_full(g_str_hash, g_str_equal, g_free,
					   (GDestroyNotify)g_ptr_array_unref);
	m->calendars = g_hash_table_new_full(g_str_hash, g_str_equal, NULL,
					     (GDestroyNotify)calendar_free);
	m->hours = g_hash_table_new_full(g_direct_hash, g_direct_equal, NULL,
					 (GDestroyNotify)hours_free);
	m->slas = g_hash_table_new(g_str_hash, g_str_equal);
	m->sla_list = g_ptr_array_new_with_free_func(sla_view_free);
	m->empty = g_ptr_array_new();
	m->empty_support = g_array_new(FALSE, FALSE, sizeof(struct support));

	for (guint i = 0; i < r->docs->len; i++) {
		const struct doc *d = r->docs->pdata[i];
		if (!d->root)
			continue;
		if (!d->valid) {
			add_invalid(m, d);
			continue;
		}
		add_referring(m, d);
		if (d->kind == KIND_OLA || d->kind == KIND_CONTRACT)
			add_supporting(m, d);
		if (d->kind == KIND_ORGANIZATION)
			add_calendars(m, d);
		if (d->kind == KIND_OLA || d->kind == KIND_CONTRACT)
			add_hours(m, d->root);
		if (d->kind == KIND_CATALOG)
			node_each(t, d->root, "tier") add_hours(m, t);
	}
	for (guint i = 0; i < r->docs->len; i++) {
		const struct doc *d = r->docs->pdata[i];
		const char *id;
		struct sla_view *v;

		if (!d->root || !d->valid || d->kind != KIND_SLA || node_attr(d->root, "amends"))
			continue;
		id = node_attr(d->root, "id");
		if (g_hash_table_contains(m->slas, id))
			continue; /* duplicate-id reports it */
		v = build_sla(m, d);
		g_ptr_array_add(m->sla_list, v);
		g_hash_table_insert(m->slas, (gpointer)id, v);
	}
	for (guint i = 0; i < m->sla_list->len; i++)
		sla_timeline(m, m->sla_list->pdata[i]);
	build_agreements(m, r);
	return m;
}


void model_free(struct model *m)
{
	if (!m)
		return;
	g_hash_table_destroy(m->referring);
	g_hash_table_destroy(m->supporting);
	g_hash_table_destroy(m->invalid);
	g_hash_table_destroy(m->calendars);
	g_hash_table_destroy(m->hours);
	g_hash_table_destroy(m->agreements);
	g_hash_table_destroy(m->slas);
	g_ptr_array_free(m->sla_list, TRUE);
	g_ptr_array_free(m->empty, TRUE);
	g_array_free(m->empty_support, TRUE);
	g_free(m);
}

const GPtrArray *model_slas(const struct model *m)
{
	return m->sla_list;
}

const struct sla_view *model_sla(const struct model *m, const char *id)
{
	return id ? g_hash_table_lookup(m->slas, id) : NULL;
}

const struct sla_view *model_sla_of(const struct model *m, const char *id)
{
	const struct sla_view *v = model_sla(m, id);
	const struct doc *d;

	if (v)
		return v;
	d = model_doc(m, id, KIND_SLA);
	return d && d->valid ? model_sla(m, node_attr(d->root, "amends")) : NULL;
}

const struct sla_version *sla_version_at(const struct sla_view *v, int32_t day)
{
	for (guint i = 0; i < v->versions->len; i++) {
		const struct sla_version *x = v->versions->pdata[i];
		if (day >= x->from && day <= x->to)
			return x;
	}
	return NULL;
}

const struct node *sla_version_service(const struct sla_version *v, const char *service,
				       const struct doc **doc)
{
	for (guint i = 0; i < v->services->len; i++)
		if (node_is(v->services->pdata[i], "ref", service)) {
			if (doc)
				*doc = v->service_docs->pdata[i];
			return v->services->pdata[i];
		}
	return NULL;
}

GPtrArray *model_referring_any(const struct model *m, enum kind k, const char *attr,
			       const GPtrArray *ids)
{
	GPtrArray *out = g_ptr_array_new();

	for (guint i = 0; i < ids->len; i++) {
		const GPtrArray *a = model_referring(m, k, attr, ids->pdata[i]);
		for (guint j = 0; j < a->len; j++)
			g_ptr_array_add(out, a->pdata[j]);
	}
	return out;
}

GPtrArray *model_sla_family(const struct model *m, const struct sla_view *v)
{
	const char *id = node_attr(v->doc->root, "id");
	const GPtrArray *amends = model_referring(m, KIND_SLA, "amends", id);
	GPtrArray *ids = g_ptr_array_new();

	g_ptr_array_add(ids, (gpointer)id);
	for (guint i = 0; i < amends->len; i++)
		g_ptr_array_add(ids, (gpointer)node_attr(((const struct doc *)amends->pdata[i])->root,
							 "id"));
	return ids;
}

GPtrArray *sla_view_ids(const struct sla_view *v)
{
	GPtrArray *ids = g_ptr_array_new();

	g_ptr_array_add(ids, (gpointer)node_attr(v->doc->root, "id"));
	for (guint i = 0; i < v->amendments->len; i++)
		g_ptr_array_add(ids, (gpointer)node_attr(
					     ((const struct doc *)v->amendments->pdata[i])->root, "id"));
	return ids;
}
