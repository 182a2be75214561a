/* The index: every id of the repository and what it names, so that references resolve in
 * constant time and rules find documents by kind.  Built once per check, read-only afterwards. */
#ifndef SLM_INDEX_H
#define SLM_INDEX_H

#include "diag.h"
#include "doc.h"
#include "repo.h"

/* What an id can name: the twelve document kinds (same values as enum kind), then the things
 * declared inside documents. */
enum target {
	T_DEPARTMENT = KIND_COUNT,
	T_PERSON,
	T_CUSTOMER,
	T_SUPPLIER,
	T_CALENDAR,
	T_SERVICE,
	T_RESOURCE,
	T_INCIDENT, /* ids of incidents, findings and actions are unique within their document */
	T_FINDING,
	T_ACTION,
	T_COUNT
};

const char *target_label(enum target t);

struct entry {
	const char *id;
	enum target target;
	const struct doc *doc;
	const struct node *node;
};

struct index {
	GHashTable *ids;		/* id → struct entry*: the first declaration, global scope */
	GHashTable *by[T_COUNT];	/* id → struct entry*: the first of each target */
	GPtrArray *of[T_COUNT];		/* struct entry* per target, in path order */
	GPtrArray *duplicates;		/* pairs: [2i] the later declaration, [2i+1] the first */
	GArray *entries;		/* owns every struct entry (chunks) */
	GPtrArray *chunks;
};

struct index *index_build(const struct repo *r);
void index_free(struct index *ix);

/* The entry an id names, of one of the targets in MASK (bit per target), or NULL. */
const struct entry *index_lookup(const struct index *ix, const char *id, guint32 mask);
/* The entry an id names, whatever it is, or NULL. */
const struct entry *index_any(const struct index *ix, const char *id);

#define TBIT(t) (1u << (t))

/* What attribute ATTR of element N must name, as a mask of targets (DESIGN §3: references are
 * attributes named after what they point to; `ref=` takes its meaning from its element); 0 when
 * it is no reference, ~0 for a ref= that may name anything. */
guint32 index_ref_mask(const struct node *n, const char *attr);
#define T_ANY_DOC ((1u << KIND_COUNT) - 1u)

#endif
