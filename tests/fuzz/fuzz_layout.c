/* libFuzzer target: a layout document (schemas/layout.xsd), parsed securely, checked against the
 * layout schema as `slm render` checks what a stylesheet made, and when valid typeset, paginated
 * and drawn into a PDF in memory with slm's fonts.  A stylesheet is code its author controls: any
 * layout it can make must be rendered or refused, never crash, hang or leak. */
#include "cli.h"
#include "load.h"
#include "pdf.h"
#include "schema.h"

#include <stdint.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct schema *layout_schema;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct pdf_opts opts = {"2025-11-30T00:00:00Z", "tests/render", "tests/render", NULL};
	struct diag_list *dl;
	xmlDocPtr x;

	if (!layout_schema) {
		dl = diag_list_new();
		cli_init();
		layout_schema = schema_load_named(cli_data_dir(), "layout.xsd", dl);
		diag_list_free(dl);
		if (!layout_schema)
			abort();
	}
	dl = diag_list_new();
	x = load_parse_memory("fuzz.xml", (const char *)data, size, NULL, dl);
	if (x && schema_validate(layout_schema, x, "fuzz.xml", dl)) {
		char *pdf = NULL;
		size_t len = 0;
		FILE *out = open_memstream(&pdf, &len);
		if (!out)
			abort();
		pdf_render(x, out, &opts, "fuzz.xml", dl);
		fclose(out);
		free(pdf);
	}
	xmlFreeDoc(x);
	diag_list_free(dl);
	return 0;
}
