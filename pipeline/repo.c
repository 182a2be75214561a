/* Loading a repository on all cores (see repo.h).  Each file is one task: read, scan, parse,
 * validate, copy into the model, free the DOM.  A task writes only its own slot, so the result is
 * the same in every run; diagnostics are merged in path order at the end. */
#include "repo.h"
#include "load.h"

#include <fcntl.h>
#include <libxml/parser.h>
#include <malloc.h>
#include <pthread.h>
#include <unistd.h>
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
	GAsyncQueue *loaders; /* struct loader* not in use */
};

/* What a thread keeps from document to document: libxml2's dictionary of names and a schema
 * validation context.  Taken from the job's queue for one document at a time. */
struct loader {
	xmlDictPtr dict;
	struct schema_validator *v;
	struct slab *slab; /* the documents it made */
};

/* A dictionary holds the names and the short texts of what it parsed: past this many entries
 * (a hostile document's million names), the next document starts a new one. */
#define LOADER_DICT_MAX 50000

static struct loader *loader_take(const struct job *job)
{
	struct loader *l = g_async_queue_try_pop(job->loaders);

	if (l && xmlDictSize(l->dict) > LOADER_DICT_MAX) {
		xmlDictFree(l->dict);
		l->dict = xmlDictCreate();
	}
	if (!l) {
		l = g_new0(struct loader, 1);
		l->dict = xmlDictCreate();
		l->v = job->schema ? schema_validator_new(job->schema) : NULL;
		l->slab = slab_new();
	}
	if (!l->dict)
		g_error("out of memory");
	return l;
}

static void loader_free(struct loader *l)
{
	xmlDictFree(l->dict);
	schema_validator_free(l->v);
	slab_free(l->slab);
	g_free(l);
}

static void load_one(struct slot *slot, const struct job *job)
{
	struct loader *l = loader_take(job);
	xmlDocPtr x, salvaged = NULL;
	enum kind k;
	bool valid;

	slot->dl = diag_list_new();
	x = load_parse_salvage(slot->path, l->dict, slot->dl, job->keep ? &salvaged : NULL);
	/* not well-formed: what is recovered still declares its ids; rules skip it as not valid */
	if (!x && (x = salvaged))
		k = load_kind_quiet(x), valid = false;
	else if ((k = x ? load_kind(x, slot->path, slot->dl) : KIND_UNKNOWN) != KIND_UNKNOWN)
		/* without a schema (render's view of the repository) documents are taken as they
		 * are */
		valid = !l->v || schema_validate_with(l->v, x, slot->path, slot->dl);
	if (k == KIND_UNKNOWN)
		goto done;
	if (job->keep) {
		slot->doc = doc_from_xml(x, slot->path, k, job->pool, l->slab);
		slot->doc->valid = valid;
		/* one copy of each path in a repository of 100,000 documents: the repo's */
		g_free(slot->doc->path);
		slot->doc->path = (char *)slot->path;
		slot->doc->path_borrowed = true;
	}
done:
	if (x)
		xmlFreeDoc(x);
	g_async_queue_push(job->loaders, l);
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

	return repo_jobs_clamp(n > 0 && n <= 256 ? (unsigned)n : 0);
}

unsigned repo_jobs_clamp(unsigned asked)
{
	/* more threads than work on the processors only take memory (each renderer holds its
	 * fonts and a document), and past what the system grants, GLib aborts */
	unsigned cpus = MAX(1u, g_get_num_processors());

	return asked ? MIN(asked, 4 * cpus) : cpus;
}

struct work {
	GFunc task;
	char *items;
	size_t size;
	guint n, next; /* next: the next item to take, claimed atomically */
	void *user;
};

static void *run_work(void *p)
{
	struct work *w = p;
	guint i;

	while ((i = __atomic_fetch_add(&w->next, 1, __ATOMIC_RELAXED)) < w->n)
		w->task(w->items + i * w->size, w->user);
	return NULL;
}

/* POSIX threads, not GLib's pool: ThreadSanitizer sees their hand-offs (GLib's futexes it cannot
 * see), so `make tsan` reports only real races. */
void repo_run_jobs(unsigned jobs, GFunc task, void *items, size_t size, guint n, void *user)
{
	struct work w = {task, items, size, n, 0, user};
	pthread_t th[256];
	unsigned started = 0, want = MIN(MIN(jobs, n), G_N_ELEMENTS(th));

	/* a system that grants fewer threads than asked gets the work done by those it grants,
	 * this one included */
	while (started + 1 < want && pthread_create(&th[started], NULL, run_work, &w) == 0)
		started++;
	run_work(&w);
	for (unsigned i = 0; i < started; i++)
		pthread_join(th[i], NULL);
}

void repo_run_all(GFunc task, void *items, size_t size, guint n, void *user)
{
	repo_run_jobs(repo_jobs(), task, items, size, n, user);
}

/* Load FILES (taken over) into a new repository of FOUND files. */
static struct repo *load_files(GPtrArray *files, unsigned found, const struct schema *s,
			       bool keep, struct diag_list *dl)
{
	struct repo *r = g_new0(struct repo, 1);
	struct job job = {s, keep, keep ? strpool_new() : NULL,
			  g_async_queue_new_full((GDestroyNotify)loader_free)};
	struct slot *slots = g_new0(struct slot, files->len ? files->len : 1);

	r->docs = g_ptr_array_new_with_free_func((GDestroyNotify)doc_free);
	r->files = found;
	for (guint i = 0; i < files->len; i++)
		slots[i].path = files->pdata[i];
	repo_run_all(worker, slots, sizeof *slots, files->len, &job);
	for (guint i = 0; i < files->len; i++) {
		if (slots[i].dl) {
			diag_list_take(dl, slots[i].dl);
			diag_list_free(slots[i].dl);
		}
		if (slots[i].doc)
			g_ptr_array_add(r->docs, slots[i].doc);
	}
	g_free(slots);
	/* every loader is back in the queue: the documents they made become the repository's */
	r->slab = slab_new();
	for (struct loader *l; (l = g_async_queue_try_pop(job.loaders));) {
		slab_move(r->slab, l->slab);
		loader_free(l);
	}
	g_async_queue_unref(job.loaders);
	r->paths = files;
	r->pool = job.pool;
	/* libxml2's DOMs are gone: give their pages back before the rules build their tables */
	malloc_trim(0);
	return r;
}

struct repo *repo_load(char **paths, const struct schema *s, bool keep, struct diag_list *dl)
{
	GPtrArray *files = g_ptr_array_new_with_free_func(g_free);

	for (char **p = paths; *p; p++)
		load_discover(*p, files, dl);
	return load_files(files, files->len, s, keep, dl);
}

/* ---- the documents that documents reach ---------------------------------------------------- */

struct scanned {
	const char *path;
	struct scan sc;
	enum kind kind; /* KIND_UNKNOWN: unreadable, no element, not an slm document */
};

/* The files of one folder, scanned relative to it: no path lookup per file. */
struct folder {
	struct scanned *files;
	guint n;
	size_t dirlen; /* of the folder's part of their paths (0: none) */
};

static void scan_folder(gpointer data, gpointer user)
{
	struct folder *fo = data;
	char *dir = fo->dirlen ? g_strndup(fo->files[0].path, fo->dirlen) : NULL;
	int dfd = dir ? open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC) : -1;
	size_t skip = dfd >= 0 ? fo->dirlen + 1 : 0; /* else the whole path, from here */

	(void)user;
	for (guint i = 0; i < fo->n; i++) {
		struct scanned *f = &fo->files[i];
		f->kind = load_scan_at(dfd >= 0 ? dfd : AT_FDCWD, f->path + skip, &f->sc)
				  ? kind_by_name(f->sc.root)
				  : KIND_UNKNOWN;
	}
	if (dfd >= 0)
		close(dfd);
	g_free(dir);
}

static size_t dir_len(const char *path)
{
	const char *slash = strrchr(path, '/');
	return slash ? (size_t)(slash - path) : 0;
}

/* The value of the pair at *POS of SC, and the name through NAME; advances *POS. */
static const char *next_pair(const struct scan *sc, size_t *pos, const char **name)
{
	*name = sc->data + *pos;
	*pos += strlen(*name) + 1;
	const char *v = sc->data + *pos;
	*pos += strlen(v) + 1;
	return v;
}

static const char *scan_id(const struct scan *sc)
{
	size_t pos = 0;
	for (unsigned i = 0; i < sc->root_pairs; i++) {
		const char *name, *v = next_pair(sc, &pos, &name);
		if (strcmp(name, "id") == 0)
			return v;
	}
	return NULL;
}

struct reach {
	struct scanned *files;
	GHashTable *by_id;     /* document id → struct scanned* (the first in path order) */
	GHashTable *referrers; /* a root attribute's value → GPtrArray of struct scanned* */
	GHashTable *taken;     /* struct scanned* taken */
	GPtrArray *queue;
};

static void take(struct reach *rc, struct scanned *f)
{
	if (f && f->kind != KIND_UNKNOWN && g_hash_table_add(rc->taken, f))
		g_ptr_array_add(rc->queue, f);
}

/* Follow what F names (every attribute value that is a document's id) and, unless F is a hub
 * (the organization, a catalog: everything names them) or one of the documents asked for, what
 * names F by a root attribute. */
static void follow(struct reach *rc, const struct scan *sc, bool hub)
{
	size_t pos = 0;
	const char *id = scan_id(sc);

	for (unsigned i = 0; i < sc->pairs; i++) {
		const char *name, *v = next_pair(sc, &pos, &name);
		if (strcmp(name, "id") != 0 || i >= sc->root_pairs)
			take(rc, g_hash_table_lookup(rc->by_id, v));
	}
	if (!hub && id) {
		GPtrArray *a = g_hash_table_lookup(rc->referrers, id);
		for (guint i = 0; a && i < a->len; i++)
			take(rc, a->pdata[i]);
	}
}

struct repo *repo_load_reached(char **paths, char **from, struct diag_list *dl)
{
	GPtrArray *files = g_ptr_array_new_with_free_func(g_free), *chosen;
	struct reach rc = {0};
	unsigned found;

	for (char **p = paths; *p; p++)
		load_discover(*p, files, dl);
	found = files->len;
	rc.files = g_new0(struct scanned, files->len ? files->len : 1);
	for (guint i = 0; i < files->len; i++)
		rc.files[i].path = files->pdata[i];
	{
		GArray *folders = g_array_new(FALSE, FALSE, sizeof(struct folder));
		for (guint i = 0; i < files->len; i++) {
			size_t n = dir_len(rc.files[i].path);
			struct folder *last = folders->len ? &g_array_index(folders, struct folder,
									folders->len - 1)
							   : NULL;
			if (last && last->dirlen == n &&
			    strncmp(last->files[0].path, rc.files[i].path, n) == 0 && last->n < 256)
				last->n++;
			else {
				struct folder fo = {&rc.files[i], 1, n};
				g_array_append_val(folders, fo);
			}
		}
		repo_run_all(scan_folder, folders->data, sizeof(struct folder), folders->len, NULL);
		g_array_free(folders, TRUE);
	}

	rc.by_id = g_hash_table_new(g_str_hash, g_str_equal);
	rc.referrers = g_hash_table_new_full(g_str_hash, g_str_equal, NULL,
					     (GDestroyNotify)g_ptr_array_unref);
	rc.taken = g_hash_table_new(NULL, NULL);
	rc.queue = g_ptr_array_new();
	for (guint i = 0; i < files->len; i++) {
		struct scanned *f = &rc.files[i];
		const char *id = f->kind != KIND_UNKNOWN ? scan_id(&f->sc) : NULL;

		if (id && !g_hash_table_contains(rc.by_id, id))
			g_hash_table_insert(rc.by_id, (char *)id, f);
	}
	/* who names a document by a root attribute (only ids are kept: not every value) */
	for (guint i = 0; i < files->len; i++) {
		struct scanned *f = &rc.files[i];
		size_t pos = 0;

		if (f->kind == KIND_UNKNOWN)
			continue;
		for (unsigned j = 0; j < f->sc.root_pairs; j++) {
			const char *name, *v = next_pair(&f->sc, &pos, &name);
			GPtrArray *a;
			if (strcmp(name, "id") == 0 || !g_hash_table_contains(rc.by_id, v))
				continue;
			if (!(a = g_hash_table_lookup(rc.referrers, v))) {
				a = g_ptr_array_new();
				g_hash_table_insert(rc.referrers, (char *)v, a);
			}
			if (!a->len || a->pdata[a->len - 1] != f)
				g_ptr_array_add(a, f);
		}
		if (f->kind == KIND_ORGANIZATION || f->kind == KIND_CATALOG)
			take(&rc, f);
	}
	/* the documents asked for (inside the repository or not) start the walk, and are part of
	 * it (an SLA that nothing names yet still has its effective version) */
	for (char **p = from; *p; p++) {
		struct scan sc;
		const char *id;
		if (load_scan(*p, &sc)) {
			follow(&rc, &sc, false);
			if ((id = scan_id(&sc)))
				take(&rc, g_hash_table_lookup(rc.by_id, id));
		}
		load_scan_clear(&sc);
	}
	for (guint i = 0; i < rc.queue->len; i++) {
		struct scanned *f = rc.queue->pdata[i];
		follow(&rc, &f->sc, f->kind == KIND_ORGANIZATION || f->kind == KIND_CATALOG);
	}

	/* load what was reached, in path order */
	chosen = g_ptr_array_new_with_free_func(g_free);
	for (guint i = 0; i < files->len; i++)
		if (g_hash_table_contains(rc.taken, &rc.files[i]))
			g_ptr_array_add(chosen, g_strdup(files->pdata[i]));
	for (guint i = 0; i < files->len; i++)
		load_scan_clear(&rc.files[i].sc);
	g_free(rc.files);
	g_hash_table_destroy(rc.by_id);
	g_hash_table_destroy(rc.referrers);
	g_hash_table_destroy(rc.taken);
	g_ptr_array_free(rc.queue, TRUE);
	g_ptr_array_free(files, TRUE);
	return load_files(chosen, found, NULL, true, dl);
}

void repo_free(struct repo *r)
{
	if (!r)
		return;
	g_ptr_array_free(r->docs, TRUE);
	slab_free(r->slab); /* after the documents that live in it */
	if (r->paths)
		g_ptr_array_free(r->paths, TRUE);
	strpool_free(r->pool); /* after the documents that point into it */
	g_free(r);
}

const char *repo_zone_id(const struct repo *r)
{
	for (guint i = 0; r && i < r->docs->len; i++) {
		const struct doc *d = r->docs->pdata[i];
		const struct node *cal;

		if (d->kind != KIND_ORGANIZATION || !d->root)
			continue;
		cal = node_child(d->root, "calendar");
		return cal ? node_attr(cal, "tz") : NULL;
	}
	return NULL;
}
