/* The repository: every document found under the given paths, loaded, validated and copied into
 * the compact model — on all cores, with results in path order whatever the scheduling. */
#ifndef SLM_REPO_H
#define SLM_REPO_H

#include "diag.h"
#include "doc.h"
#include "schema.h"

struct repo {
	GPtrArray *docs; /* of struct doc*, in path order; only well-formed slm documents */
	unsigned files;	 /* *.xml files found */
	GPtrArray *paths; /* their paths (char*): the documents borrow theirs from here */
	struct strpool *pool; /* the documents' short attribute values */
	struct slab *slab;    /* the documents themselves */
};

/* Load every *.xml under each of PATHS (NULL-terminated).  KEEP: build the document model (for
 * check); without it documents are only validated and freed (validate).  S NULL: no schema
 * validation (render reads the repository only to find what stylesheets ask for).  Diagnostics
 * go to DL. */
struct repo *repo_load(char **paths, const struct schema *s, bool keep, struct diag_list *dl);
/* Render's view of the repository: every *.xml under PATHS is scanned for what it is and what it
 * names (load_scan, no parse), and only the documents that the files FROM (NULL-terminated)
 * reach are loaded, without schema validation: the organization and the catalogs; every document
 * an attribute value names by id, and from there on; and the documents that name a reached one
 * by a root attribute (the additional SLAs, reports, reviews, proposals of an SLA...), except
 * for the organization and the catalogs, which every document names.  What a stylesheet can ask
 * for (slm:doc, slm:referring, slm:organization) about the documents it renders is there. */
struct repo *repo_load_reached(char **paths, char **from, struct diag_list *dl);
void repo_free(struct repo *r);

/* The organization's time zone, the zone "today" is the date in: the tz= of the first
 * <calendar> of the first organization document (the first in path order: its calendars may
 * disagree, the first decides), as written; NULL when there is no organization, no calendar or
 * no tz= (then UTC).  Borrowed from R. */
const char *repo_zone_id(const struct repo *r);

/* Worker threads: the number of processors, or $SLM_JOBS. */
unsigned repo_jobs(void);
/* ASKED threads (0: as many as processors), at most four per processor. */
unsigned repo_jobs_clamp(unsigned asked);
/* TASK(item, USER) for each of the N items of SIZE bytes at ITEMS on up to JOBS threads; what
 * the system grants no thread for runs in the calling one. */
void repo_run_jobs(unsigned jobs, GFunc task, void *items, size_t size, guint n, void *user);
/* TASK(item, USER) for each of the N items of SIZE bytes at ITEMS, on repo_jobs() threads when
 * there are several; returns when all are done. */
void repo_run_all(GFunc task, void *items, size_t size, guint n, void *user);

#endif
