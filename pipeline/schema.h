/* Schema validation: slm's own compiled XSD, never one named by the instance (DESIGN §8). */
#ifndef SLM_SCHEMA_H
#define SLM_SCHEMA_H

#include "diag.h"

#include <libxml/tree.h>

struct schema;

/* Where slm's schemas, stylesheets and templates live: $SLM_DATADIR, else beside the binary
 * (a build tree), else the installed data folder.  Returns a g_malloc'd path. */
char *schema_data_dir(void);

/* Install the process-wide external entity loader: it serves files of DATA_DIR/schemas (and the
 * W3C xml.xsd from there) and refuses everything else.  Call once, in the main thread, before
 * any worker starts. */
void schema_install_loader(const char *data_dir);

/* Compile DATA_DIR/schemas/slm.xsd once per run.  NULL with a diagnostic on failure. */
struct schema *schema_load(const char *data_dir, struct diag_list *dl);
/* Another schema of DATA_DIR/schemas (config.xsd, ...). */
struct schema *schema_load_named(const char *data_dir, const char *name, struct diag_list *dl);
void schema_free(struct schema *s);

/* Validate XDOC against the compiled schema; findings go to DL as [schema].  Safe to call from
 * several threads at once (each call has its own validation context). */
bool schema_validate(const struct schema *s, xmlDocPtr xdoc, const char *path,
		     struct diag_list *dl);

/* A validation context for one thread at a time, kept from document to document (a loader
 * validating thousands of documents need not make one per document). */
struct schema_validator;
struct schema_validator *schema_validator_new(const struct schema *s);
void schema_validator_free(struct schema_validator *v);
bool schema_validate_with(struct schema_validator *v, xmlDocPtr xdoc, const char *path,
			  struct diag_list *dl);

#endif
