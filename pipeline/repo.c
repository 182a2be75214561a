/* Loading a repository on all cores (see repo.h).  Each file is one task: read, scan, parse,
 * validate, copy into the model, free the DOM.  A task writes only its own slot, so the result is
 * the same in every run; diagnostics are merged in path order at the end. */
#include "repo.h"
#include "load.h"

#include <libxml/parser.h>
#include <malloc.h>
#include <stdlib.h>

struct slot {
	const char *path;
	struct doc *doc;
	struct diag_list *dl;
};

struct job {
	const struct schema *schema;
	bool keep;
	struct strpool *pool;
};

static void load_one(struct slot *slot, const struct job *job)
{
	xmlDocPtr x;
	enum kind k;
	bool valid;

	slot->dl = diag_list_new();
	x = load_parse(slot->path, slot->dl);
	if (!x)
		return;
	k = load_kind(x, slot->path, slot->dl);
	if (k == KIND_UNKNOWN) {
		xmlFreeDoc(x);
		return;
	}
	/* without a schema (render's view of the repository) documents are taken as they are */
	valid = job->schema ? schema_validate(job->schema, x, slot->path, slot->dl) : true;
	if (job->keep) {
		slot->doc = doc_from_xml(x, slot->path, k, job->pool);
		slot->doc->valid = valid;
		/* one copy of each path in a repository of 100,000 documents: the repo's */
		g_free(slot->doc->path);
		slot->doc->path = (char *)slot->path;
		slot->doc->path_borrowed = true;
	}
	xmlFreeDoc(x);
}

/* A task's diagnostics are kept only when there are some: 100,000 empty lists are memory. */
static void load_task(struct slot *slot, const struct job *job)
{
	load_one(slot, job);
	if (slot->dl->items->len == 0) {
		diag_list_free(slot->dl);
		slot->dl = NULL;
	}
}

static void worker(gpointer data, gpointer user)
{
	static GPrivate quiet = G_PRIVATE_INIT(NULL);

	/* libxml2's error hooks are per thread: silence each worker once */
	if (!g_private_get(&quiet)) {
		load_quiet_libxml();
		g_private_set(&quiet, GINT_TO_POINTER(1));
	}
	load_task(data, user);
}

unsigned repo_jobs(void)
{
	const char *env = g_getenv("SLM_JOBS");
	long n = env ? strtol(env, NULL, 10) : 0;

	if (n > 0 && n <= 256)
		return (unsigned)n;
	return MAX(1u, g_get_num_processors());
}

struct repo *repo_load(char **paths, const struct schema *s, bool keep, struct diag_list *dl)
{
	struct repo *r = g_new0(struct repo, 1);
	GPtrArray *files = g_ptr_array_new_with_free_func(g_free);
	struct job job = {s, keep, keep ? strpool_new() : NULL};
	struct slot *slots;
	unsigned jobs = repo_jobs();

	r->docs = g_ptr_array_new_with_free_func((GDestroyNotify)doc_free);
	for (char **p = paths; *p; p++)
		load_discover(*p, files, dl);
	r->files = files->len;
	slots = g_new0(struct slot, files->len ? files->len : 1);
	for (guint i = 0; i < files->len; i++)
		slots[i].path = files->pdata[i];

	if (jobs > 1 && files->len > 1) {
		GThreadPool *pool = g_thread_pool_new(worker, &job, (gint)jobs, TRUE, NULL);
		for (guint i = 0; i < files->len; i++)
			g_thread_pool_push(pool, &slots[i], NULL);
		g_thread_pool_free(pool, FALSE, TRUE);
	} else {
		for (guint i = 0; i < files->len; i++)
			load_task(&slots[i], &job);
	}

	for (guint i = 0; i < files->len; i++) {
		if (slots[i].dl) {
			diag_list_take(dl, slots[i].dl);
			diag_list_free(slots[i].dl);
		}
		if (slots[i].doc)
			g_ptr_array_add(r->docs, slots[i].doc);
	}
	g_free(slots);
	r->paths = files;
	r->pool = job.pool;
	/* libxml2's DOMs are gone: give their pages back before the rules build their tables */
	malloc_trim(0);
	return r;
}

void repo_free(struct repo *r)
{
	if (!r)
		return;
	g_ptr_array_free(r->docs, TRUE);
	if (r->paths)
		g_ptr_array_free(r->paths, TRUE);
	strpool_free(r->pool); /* after the documents that point into it */
	g_free(r);
}
