/* libFuzzer target: one document, loaded and checked inside a fixed repository (tests/fuzz/repo,
 * a small slice of the reference repository, or $SLM_FUZZ_REPO): the secure parse, the schema, the compact model, the index, the agreement
 * model and every rule run on whatever the fuzzer makes of it. */
#include "cli.h"
#include "doc.h"
#include "index.h"
#include "load.h"
#include "model.h"
#include "repo.h"
#include "rules.h"
#include "schema.h"

#include <stdint.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct schema *schema;
static struct repo *fixed;

static void setup(void)
{
	char *paths[2] = {getenv("SLM_FUZZ_REPO") ? getenv("SLM_FUZZ_REPO") : "tests/fuzz/repo", NULL};
	struct diag_list *dl = diag_list_new();

	cli_init();
	schema = schema_load(cli_data_dir(), dl);
	if (!schema)
		abort();
	fixed = repo_load(paths, schema, true, dl);
	diag_list_free(dl);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct diag_list *dl;
	xmlDocPtr x;
	struct doc *d = NULL;
	enum kind k;

	if (!schema)
		setup();
	dl = diag_list_new();
	x = load_parse_memory("fuzz.xml", (const char *)data, size, NULL, dl);
	if (x && (k = load_kind(x, "fuzz.xml", dl)) != KIND_UNKNOWN) {
		bool valid = schema_validate(schema, x, "fuzz.xml", dl);
		d = doc_from_xml(x, "fuzz.xml", k, NULL, NULL);
		d->valid = valid;
	}
	if (x)
		xmlFreeDoc(x);
	if (d) {
		struct repo r = {.docs = g_ptr_array_new(), .files = fixed->files + 1};
		struct index *ix;
		struct model *m;

		for (guint i = 0; i < fixed->docs->len; i++)
			g_ptr_array_add(r.docs, fixed->docs->pdata[i]);
		g_ptr_array_add(r.docs, d);
		ix = index_build(&r);
		m = model_build(&r, ix, 20422);
		{
			struct check_ctx c = {&r, ix, m, 20422 /* 2025-11-30 */, dl};
			rules_run(&c);
		}
		model_free(m);
		index_free(ix);
		g_ptr_array_free(r.docs, TRUE);
		doc_free(d);
	}
	diag_list_sort(dl);
	diag_list_free(dl);
	return 0;
}
