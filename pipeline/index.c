/* Building the index (see index.h).  Documents come in path order, so "the first declaration" of
 * an id is deterministic: the one in the file that sorts first. */
#include "index.h"

#include <string.h>

static const char *const target_labels[T_COUNT - KIND_COUNT] = {
	"department", "person", "customer", "supplier", "calendar",
	"service", "proposal resource", "incident", "finding", "action",
};

const char *target_label(enum target t)
{
	return (int)t < KIND_COUNT ? kind_label((enum kind)t) : target_labels[t - KIND_COUNT];
}

/* Which elements declare ids, and what they name. */
static bool declared(const struct node *n, enum target *t)
{
	static const struct {
		const char *parent, *name;
		enum target t;
	} decl[] = {
		{"organization", "department", T_DEPARTMENT},
		{"organization", "person", T_PERSON},
		{"organization", "customer", T_CUSTOMER},
		{"organization", "supplier", T_SUPPLIER},
		{"organization", "calendar", T_CALENDAR},
		{"catalog", "service", T_SERVICE},
		{"proposal", "resource", T_RESOURCE},
		{"report", "incident", T_INCIDENT},
		{"review", "finding", T_FINDING},
		{"review", "action", T_ACTION},
	};
	const struct node *parent = node_parent(n);

	if (!parent)
		return false;
	for (size_t i = 0; i < G_N_ELEMENTS(decl); i++)
		if (strcmp(n->name, decl[i].name) == 0 && strcmp(parent->name, decl[i].parent) == 0) {
			*t = decl[i].t;
			return true;
		}
	return false;
}

static bool scoped(enum target t)
{
	return t == T_INCIDENT || t == T_FINDING || t == T_ACTION;
}

static struct entry *new_entry(struct index *ix)
{
	/* entries live in fixed chunks so their addresses stay valid */
	struct entry *chunk = ix->chunks->len ? g_ptr_array_index(ix->chunks, ix->chunks->len - 1)
					      : NULL;
	static const guint per_chunk = 1024;

	if (!chunk || ix->entries->len % per_chunk == 0) {
		chunk = g_new0(struct entry, per_chunk);
		g_ptr_array_add(ix->chunks, chunk);
	}
	g_array_set_size(ix->entries, ix->entries->len + 1);
	return &chunk[(ix->entries->len - 1) % per_chunk];
}

static void declare(struct index *ix, GHashTable *doc_local, const struct doc *d,
		    const struct node *n, const char *id, enum target t)
{
	struct entry *e = new_entry(ix);
	GHashTable *scope = scoped(t) ? doc_local : ix->ids;
	struct entry *first = g_hash_table_lookup(scope, id);

	e->id = id;
	e->target = t;
	e->doc = d;
	e->node = n;
	if (first) {
		g_ptr_array_add(ix->duplicates, e);
		g_ptr_array_add(ix->duplicates, first);
		/* a duplicate of another kind still resolves references to its own kind, so one
		 * clash is one finding, not a cascade of unresolved references */
		if (first->target != t && !g_hash_table_contains(ix->by[t], id))
			g_hash_table_insert(ix->by[t], (gpointer)id, e);
		return;
	}
	g_hash_table_insert(scope, (gpointer)id, e);
	g_ptr_array_add(ix->of[t], e);
	/* scoped ids repeat across documents: the first of the repository resolves references */
	if (!g_hash_table_contains(ix->by[t], id))
		g_hash_table_insert(ix->by[t], (gpointer)id, e);
}

static void walk(struct index *ix, GHashTable *doc_local, const struct doc *d, const struct node *n)
{
	for (; n; n = node_sibling(n)) {
		enum target t;
		const char *id;

		if (declared(n, &t) && (id = node_attr(n, "id")) && *id)
			declare(ix, doc_local, d, n, id, t);
		walk(ix, doc_local, d, node_children(n));
	}
}

struct index *index_build(const struct repo *r)
{
	struct index *ix = g_new0(struct index, 1);
	GHashTable *doc_local = g_hash_table_new(g_str_hash, g_str_equal);

	ix->ids = g_hash_table_new(g_str_hash, g_str_equal);
	ix->duplicates = g_ptr_array_new();
	ix->entries = g_array_new(FALSE, FALSE, 1);
	ix->chunks = g_ptr_array_new_with_free_func(g_free);
	for (int t = 0; t < T_COUNT; t++) {
		ix->of[t] = g_ptr_array_new();
		ix->by[t] = g_hash_table_new(g_str_hash, g_str_equal);
	}
	for (guint i = 0; i < r->docs->len; i++) {
		const struct doc *d = r->docs->pdata[i];
		const char *id;

		if (!d->root)
			continue;
		if ((id = node_attr(d->root, "id")) && *id)
			declare(ix, doc_local, d, d->root, id, (enum target)d->kind);
		g_hash_table_remove_all(doc_local);
		walk(ix, doc_local, d, node_children(d->root));
	}
	g_hash_table_destroy(doc_local);
	return ix;
}

void index_free(struct index *ix)
{
	if (!ix)
		return;
	g_hash_table_destroy(ix->ids);
	g_ptr_array_free(ix->duplicates, TRUE);
	for (int t = 0; t < T_COUNT; t++) {
		g_ptr_array_free(ix->of[t], TRUE);
		g_hash_table_destroy(ix->by[t]);
	}
	g_array_free(ix->entries, TRUE);
	g_ptr_array_free(ix->chunks, TRUE);
	g_free(ix);
}

const struct entry *index_any(const struct index *ix, const char *id)
{
	const struct entry *e = g_hash_table_lookup(ix->ids, id);
	return e ? e : index_lookup(ix, id, TBIT(T_INCIDENT) | TBIT(T_FINDING) | TBIT(T_ACTION));
}

const struct entry *index_lookup(const struct index *ix, const char *id, guint32 mask)
{
	for (int t = 0; t < T_COUNT; t++) {
		const struct entry *e;
		if ((mask & TBIT(t)) && (e = g_hash_table_lookup(ix->by[t], id)))
			return e;
	}
	return NULL;
}

/* What a reference attribute must name, as a mask of targets; 0 when it is no reference. */
guint32 index_ref_mask(const struct node *n, const char *attr)
{
	static const struct {
		const char *attr;
		guint32 mask;
	} by_attr[] = {
		{"sla", TBIT(KIND_SLA)},
		{"amends", TBIT(KIND_SLA)},
		{"renews", TBIT(KIND_SLA)},
		{"requirements", TBIT(KIND_REQUIREMENTS)},
		{"catalog", TBIT(KIND_CATALOG)},
		{"decomposition", TBIT(KIND_DECOMPOSITION)},
		{"proposal", TBIT(KIND_PROPOSAL)},
		{"report", TBIT(KIND_REPORT)},
		{"service", TBIT(T_SERVICE)},
		{"dept", TBIT(T_DEPARTMENT)},
		{"person", TBIT(T_PERSON)},
		{"owner", TBIT(T_PERSON)},
		{"manager", TBIT(T_PERSON)},
		{"supplier", TBIT(T_SUPPLIER)},
		{"customer", TBIT(T_CUSTOMER)},
		{"calendar", TBIT(T_CALENDAR)},
		{"incident", TBIT(T_INCIDENT)},
		{"finding", TBIT(T_FINDING)},
		{"party", TBIT(T_CUSTOMER) | TBIT(T_SUPPLIER) | TBIT(KIND_ORGANIZATION)},
	};
	static const struct {
		const char *element;
		guint32 mask;
	} by_element[] = {
		{"service", TBIT(T_SERVICE)},
		{"ola", TBIT(KIND_OLA)},
		{"contract", TBIT(KIND_CONTRACT)},
		{"archive", T_ANY_DOC},
		{"change", T_ANY_DOC},
	};

	if (attr[0] == 'r' && strcmp(attr, "ref") == 0) {
		/* a release item names a proposal resource, or for suppliers the contract */
		if (strcmp(n->name, "item") == 0) {
			const struct node *list = node_parent(n);
			const char *kind = list ? node_attr(list, "kind") : NULL;
			return kind && strcmp(kind, "supplier") == 0
				       ? TBIT(KIND_CONTRACT) | TBIT(T_SUPPLIER) | TBIT(T_RESOURCE)
				       : TBIT(T_RESOURCE);
		}
		for (size_t i = 0; i < G_N_ELEMENTS(by_element); i++)
			if (strcmp(n->name, by_element[i].element) == 0)
				return by_element[i].mask;
		return ~0u;
	}
	/* called for every attribute of the repository: the first letter rules most out */
	for (size_t i = 0; i < G_N_ELEMENTS(by_attr); i++)
		if (attr[0] == by_attr[i].attr[0] && strcmp(attr, by_attr[i].attr) == 0)
			return by_attr[i].mask;
	return 0;
}
