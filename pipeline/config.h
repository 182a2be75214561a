/* The repository configuration: per rule and per path pattern, a severity or "off" (DESIGN §4:
 * "a severity that a repository config file can change or switch off").  The file is
 * .slm-config.xml at the repository root (or check --config FILE), valid against
 * schemas/config.xsd; docs/config.md documents it. */
#ifndef SLM_CONFIG_H
#define SLM_CONFIG_H

#include "diag.h"

#define CONFIG_FILE ".slm-config.xml"
/* At most this many entries (a larger configuration is refused, docs/config.md), and this many
 * bad entries said one by one. */
#define CONFIG_MAX_ENTRIES 1000u
#define CONFIG_MAX_ERRORS  20u

struct config;

/* Load PATH; a missing file is fine when OPTIONAL (returns an empty configuration).  NULL with
 * diagnostics in DL when the file is unreadable, malformed, invalid or names an unknown rule. */
struct config *config_load(const char *path, bool optional, struct diag_list *dl);
void config_free(struct config *c);

/* Apply to every diagnostic of DL: paths are matched relative to ROOT (the repository folder as
 * given on the command line); diagnostics switched off are removed. */
void config_apply(const struct config *c, struct diag_list *dl, const char *root);

#endif
