/* The compact document model (see doc.h): a two-pass copy of libxml2's element tree. */
#include "doc.h"

#include <pthread.h>

#include <string.h>

static const char *const kind_names[KIND_COUNT] = {
	"organization", "catalog", "requirements", "sla", "ola", "contract",
	"decomposition", "proposal", "initiation", "report", "review", "termination",
};

static const char *const kind_labels[KIND_COUNT] = {
	"organization", "service catalog", "requirements specification", "SLA", "OLA",
	"supplier contract", "contract decomposition", "ops project proposal",
	"project initiation", "service report", "review record", "termination",
};

const char *kind_name(enum kind k)
{
	return k < KIND_COUNT ? kind_names[k] : "unknown";
}

const char *kind_label(enum kind k)
{
	return k < KIND_COUNT ? kind_labels[k] : "document";
}

enum kind kind_by_name(const char *root_name)
{
	for (int k = 0; k < KIND_COUNT; k++)
		if (strcmp(kind_names[k], root_name) == 0)
			return (enum kind)k;
	return KIND_UNKNOWN;
}

/* Values at most this long go to the repository's pool. */
#define POOLED_MAX 40

struct strpool {
	pthread_mutex_t lock; /* POSIX: visible to ThreadSanitizer */
	GStringChunk *chunk;  /* insert_const: each string once */
};

struct strpool *strpool_new(void)
{
	struct strpool *p = g_new0(struct strpool, 1);
	pthread_mutex_init(&p->lock, NULL);
	p->chunk = g_string_chunk_new(64 << 10);
	return p;
}

void strpool_free(struct strpool *p)
{
	if (!p)
		return;
	g_string_chunk_free(p->chunk);
	pthread_mutex_destroy(&p->lock);
	g_free(p);
}

const char *strpool_intern(struct strpool *p, const char *s)
{
	const char *r;

	pthread_mutex_lock(&p->lock);
	r = g_string_chunk_insert_const(p->chunk, s);
	pthread_mutex_unlock(&p->lock);
	return r;
}

/* The length of attribute A's value. */
static size_t value_len(xmlAttrPtr a)
{
	size_t n = 0;
	for (xmlNodePtr t = a->children; t; t = t->next)
		n += t->content ? strlen((const char *)t->content) : 0;
	return n;
}

/* Elements, attributes and the bytes of the values under X that the doc keeps itself (not
 * pooled): one allocation each. */
static void count(xmlNodePtr x, unsigned *nodes, unsigned *attrs, size_t *bytes, bool pooled)
{
	for (; x; x = x->next) {
		if (x->type != XML_ELEMENT_NODE)
			continue;
		(*nodes)++;
		for (xmlAttrPtr a = x->properties; a; a = a->next) {
			size_t n = value_len(a);
			(*attrs)++;
			if (!pooled || n > POOLED_MAX)
				*bytes += n + 1;
		}
		count(x->children, nodes, attrs, bytes, pooled);
	}
}

struct builder {
	struct doc *d;
	unsigned next_node, next_attr;
	struct strpool *pool;
	char *next_str; /* the strings' part of the allocation, filled in order */
};

static const char *keep(struct builder *b, const char *s, size_t len)
{
	char *r = b->next_str;
	memcpy(r, s, len);
	r[len] = '\0';
	b->next_str += len + 1;
	return r;
}

static struct node *build(struct builder *b, xmlNodePtr x, struct node *parent)
{
	struct node *first = NULL, *prev = NULL;

	for (; x; x = x->next) {
		struct node *n;

		if (x->type != XML_ELEMENT_NODE)
			continue;
		n = &b->d->nodes[b->next_node++];
		n->name = g_intern_string((const char *)x->name);
		n->up = parent ? (unsigned)(n - parent) : 0;
		n->line = (unsigned)MIN(MAX(xmlGetLineNo(x), 0), 0x7fffffff);
		n->attrs = &b->d->attrs[b->next_attr];
		for (xmlAttrPtr a = x->properties; a; a = a->next) {
			struct attr *at = &b->d->attrs[b->next_attr++];
			xmlChar *v = xmlNodeListGetString(x->doc, a->children, 1);

			/* xml:lang keeps its prefix so it cannot be confused with a plain lang= */
			if (a->ns && a->ns->prefix && strcmp((const char *)a->ns->prefix, "xml") == 0) {
				char *q = g_strconcat("xml:", (const char *)a->name, NULL);
				at->name = g_intern_string(q);
				g_free(q);
			} else
				at->name = g_intern_string((const char *)a->name);
			if (b->pool && (!v || strlen((const char *)v) <= POOLED_MAX))
				at->value = strpool_intern(b->pool, v ? (const char *)v : "");
			else
				at->value = keep(b, v ? (const char *)v : "",
						 v ? strlen((const char *)v) : 0);
			xmlFree(v);
			n->nattrs++;
		}
		n->has_children = build(b, x->children, n) != NULL;
		if (prev)
			prev->next = (unsigned)(n - prev);
		else
			first = n;
		prev = n;
	}
	return first;
}

#define SLAB_BLOCK (1u << 20)

struct slab {
	GPtrArray *blocks; /* the last one is being filled */
	size_t used;	   /* of the last block */
};

struct slab *slab_new(void)
{
	struct slab *s = g_new0(struct slab, 1);
	s->blocks = g_ptr_array_new_with_free_func(g_free);
	return s;
}

void *slab_alloc0(struct slab *s, size_t n)
{
	n = (n + 15) & ~(size_t)15;
	if (n > SLAB_BLOCK / 4) { /* a large document: a block of its own, before the current one */
		void *p = g_malloc0(n);
		g_ptr_array_insert(s->blocks, s->blocks->len ? (gint)s->blocks->len - 1 : 0, p);
		return p;
	}
	if (!s->blocks->len || s->used + n > SLAB_BLOCK) {
		g_ptr_array_add(s->blocks, g_malloc0(SLAB_BLOCK));
		s->used = 0;
	}
	s->used += n;
	return (char *)s->blocks->pdata[s->blocks->len - 1] + s->used - n;
}

void slab_move(struct slab *to, struct slab *from)
{
	/* TO's current block stays the one being filled */
	for (guint i = 0; i < from->blocks->len; i++)
		g_ptr_array_insert(to->blocks, to->blocks->len ? (gint)to->blocks->len - 1 : 0,
				   from->blocks->pdata[i]);
	g_ptr_array_set_free_func(from->blocks, NULL);
	g_ptr_array_set_size(from->blocks, 0);
	g_ptr_array_set_free_func(from->blocks, g_free);
	from->used = 0;
}

void slab_free(struct slab *s)
{
	if (!s)
		return;
	g_ptr_array_free(s->blocks, TRUE);
	g_free(s);
}

struct doc *doc_from_xml(xmlDocPtr xdoc, const char *path, enum kind kind, struct strpool *pool,
			 struct slab *slab)
{
	struct doc *d = slab ? slab_alloc0(slab, sizeof *d) : g_new0(struct doc, 1);
	xmlNodePtr root = xmlDocGetRootElement(xdoc);
	unsigned nn = 0, na = 0;
	size_t bytes = 0;
	struct builder b = {d, 0, 0, pool, NULL};

	d->path = g_strdup(path);
	d->kind = kind;
	d->in_slab = slab != NULL;
	if (root) {
		/* count() walks siblings: start from the root alone */
		xmlNodePtr saved = root->next;
		root->next = NULL;
		count(root, &nn, &na, &bytes, pool != NULL);
		/* nodes, attributes and strings in one allocation sized exactly (d->nodes owns it):
		 * a repository of 100,000 small documents must not pay slack or headers for each */
		size_t size = sizeof(struct node) * nn + sizeof(struct attr) * na + bytes;
		d->nodes = slab ? slab_alloc0(slab, size) : g_malloc0(size);
		d->attrs = (struct attr *)(d->nodes + nn);
		b.next_str = (char *)(d->attrs + na);
		d->root = build(&b, root, NULL);
		g_assert(b.next_str <= (char *)(d->attrs + na) + bytes);
		root->next = saved;
	}
	return d;
}

void doc_free(struct doc *d)
{
	if (!d)
		return;
	if (!d->path_borrowed)
		g_free(d->path);
	if (d->in_slab)
		return;
	g_free(d->nodes); /* the attributes and strings too */
	g_free(d);
}

const char *a_or_an(const char *label)
{
	return strchr("aeiouAEIOU", *label) || g_str_has_prefix(label, "SLA") ? "an" : "a";
}

const char *doc_id(const struct doc *d)
{
	const char *id = node_attr(d->root, "id");
	return id ? id : "";
}

const char *node_attr(const struct node *n, const char *name)
{
	for (unsigned i = 0; i < n->nattrs; i++)
		if (strcmp(n->attrs[i].name, name) == 0)
			return n->attrs[i].value;
	return NULL;
}

static struct node *match(struct node *n, const char *name)
{
	for (; n; n = node_sibling(n))
		if (!name || strcmp(n->name, name) == 0)
			return n;
	return NULL;
}

struct node *node_child(const struct node *n, const char *name)
{
	return n ? match(node_children(n), name) : NULL;
}

struct node *node_next(const struct node *n, const char *name)
{
	return match(node_sibling(n), name);
}
