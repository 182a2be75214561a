/* Rendering: an agreement → its kind's XSLT stylesheet → a layout document (schemas/layout.xsd)
 * → the paginator (pdf.h) → a PDF written atomically.  DESIGN §6, §8 (the libxslt traps). */
#ifndef SLM_RENDER_H
#define SLM_RENDER_H

#include "diag.h"
#include "model.h"

#include <libxml/tree.h>

struct render_ctx;

/* A rendering run over one repository (loaded and indexed by the caller): stylesheets and the
 * layout schema are compiled once per run.  REPO_ROOT bounds every file a stylesheet may read. */
struct render_ctx *render_ctx_new(const struct repo *r, const struct index *ix,
				  const struct model *m, const char *repo_root, gint32 as_of,
				  struct diag_list *dl);
void render_ctx_free(struct render_ctx *rc);

/* The layout document of SOURCE (a document of the repository) made by STYLESHEET (NULL: the
 * stylesheet of its kind).  NULL with diagnostics in DL on failure. */
xmlDocPtr render_layout(struct render_ctx *rc, const char *source, const char *stylesheet,
			struct diag_list *dl);

/* Render SOURCE to OUT_PDF (or, with LAYOUT_ONLY, write the layout XML), atomically.
 * DEPS, when not NULL, receives every file the rendering read (char*, owned by the array). */
bool render_file(struct render_ctx *rc, const char *source, const char *stylesheet,
		 const char *out, bool layout_only, GPtrArray *deps, struct diag_list *dl);

/* Rendering from several threads at once: a render_ctx per thread at a time, taken from those not
 * in use or made when none is free (each compiles and keeps its own stylesheets).  The first is
 * made here, so that what would stop every rendering (no layout schema, no repository) is said
 * once, in DL: NULL then. */
struct render_pool;
struct render_pool *render_pool_new(const struct repo *r, const struct index *ix,
				    const struct model *m, const char *repo_root, gint32 as_of,
				    struct diag_list *dl);
/* render_file with a context of the pool: safe to call from several threads. */
bool render_pool_file(struct render_pool *p, const char *source, const char *stylesheet,
		      const char *out, bool layout_only, GPtrArray *deps, struct diag_list *dl);
/* Every thread done: frees the pool and its contexts. */
void render_pool_free(struct render_pool *p);

/* The stylesheet that renders KIND (a g_malloc'd path), or NULL when slm has none. */
char *render_stylesheet_for(enum kind k);

/* The repository a document belongs to: the nearest folder above it holding .slm-config.xml,
 * else the current folder when the document lies inside it, else the document's folder. */
char *render_find_repository(const char *source);

#endif
