/* The document model: what slm keeps of an agreement once it has been parsed and validated.
 *
 * libxml2's DOM costs ten times the size of the text; a repository of 100,000 documents must fit
 * in a few times its size on disk (issue 7), so each document is copied into a compact tree of
 * elements and attributes (names interned once per process, short values pooled, long ones in
 * the document's own allocation) and the DOM is freed.  The vocabulary carries its data in
 * attributes: element text (descriptions, notes) is not kept.  Rules read this tree; rendering
 * re-reads the file. */
#ifndef SLM_DOC_H
#define SLM_DOC_H

#include <glib.h>
#include <libxml/tree.h>
#include <stdbool.h>

enum kind {
	KIND_ORGANIZATION,
	KIND_CATALOG,
	KIND_REQUIREMENTS,
	KIND_SLA,
	KIND_OLA,
	KIND_CONTRACT,
	KIND_DECOMPOSITION,
	KIND_PROPOSAL,
	KIND_INITIATION,
	KIND_REPORT,
	KIND_REVIEW,
	KIND_TERMINATION,
	KIND_COUNT,
	KIND_UNKNOWN = KIND_COUNT
};

#define SLM_NS "urn:slm:1"

const char *kind_name(enum kind k);  /* the root element name */
const char *kind_label(enum kind k); /* how a service level manager calls it: "SLA", "OLA" ... */
/* "a" or "an" before LABEL as it is read aloud ("an SLA", "an OLA", "a service"). */
const char *a_or_an(const char *label);
enum kind kind_by_name(const char *root_name);

struct attr {
	const char *name; /* interned (g_intern_string) */
	const char *value;
};

/* A document's elements lie in one array in document order, so a node finds its first child
 * right after itself and its parent and next sibling by distance: 32 bytes an element. */
struct node {
	const char *name; /* local name, interned */
	struct attr *attrs;
	unsigned nattrs;
	unsigned line : 31;
	unsigned has_children : 1;
	unsigned up;   /* elements back to the parent; 0: the root */
	unsigned next; /* elements on to the next sibling; 0: the last one */
};

static inline struct node *node_parent(const struct node *n)
{
	return n->up ? (struct node *)(n - n->up) : NULL;
}

/* The first child element, or NULL. */
static inline struct node *node_children(const struct node *n)
{
	return n->has_children ? (struct node *)(n + 1) : NULL;
}

/* The next sibling element, or NULL. */
static inline struct node *node_sibling(const struct node *n)
{
	return n->next ? (struct node *)(n + n->next) : NULL;
}

struct doc {
	char *path; /* as shown to the user */
	bool path_borrowed; /* PATH belongs to the repository's list of files, not to the doc */
	bool in_slab;	    /* the doc and its nodes belong to a slab */
	enum kind kind;
	bool valid; /* schema-valid: rules may rely on the schema's guarantees */
	struct node *root;
	struct node *nodes; /* one allocation: the nodes, then the attributes, then the strings */
	struct attr *attrs;
};

/* Short attribute values (ids, dates, statuses, priorities) repeat across a repository: a pool
 * holds each once for all its documents.  Safe to share between threads. */
struct strpool;
struct strpool *strpool_new(void);
void strpool_free(struct strpool *p);
const char *strpool_intern(struct strpool *p, const char *s);

/* Memory for what lives as long as its repository: blocks of 1 MiB, freed together, apart from
 * malloc's heap (where the parser's short-lived trees come and go).  One thread at a time. */
struct slab;
struct slab *slab_new(void);
void *slab_alloc0(struct slab *s, size_t n);
/* Hand FROM's blocks over to TO (FROM is left empty). */
void slab_move(struct slab *to, struct slab *from);
void slab_free(struct slab *s);

/* Copy the element tree of XDOC (its root is an slm document of KIND) into a compact doc; short
 * attribute values go to POOL (which must outlive the doc) when it is not NULL.  With SLAB, the
 * doc is allocated there and doc_free leaves that memory to slab_free. */
struct doc *doc_from_xml(xmlDocPtr xdoc, const char *path, enum kind kind, struct strpool *pool,
			 struct slab *slab);
void doc_free(struct doc *d);

const char *node_attr(const struct node *n, const char *name);
/* The id of D's root, "" when it has none. */
const char *doc_id(const struct doc *d);
/* The first child named NAME (NULL for any), or NULL. */
struct node *node_child(const struct node *n, const char *name);
/* The next sibling after N named NAME (NULL for any), or NULL. */
struct node *node_next(const struct node *n, const char *name);

#define node_each(child, parent, nm)                                                               \
	for (struct node *child = node_child((parent), (nm)); child; child = node_next(child, (nm)))

#endif
