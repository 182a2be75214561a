/* libFuzzer target: the repository configuration (pipeline/config.c).  .slm-config.xml is a file
 * of the repository, so whoever writes the repository writes it: one input is loaded as one
 * configuration (the secure parse, the root check, config.xsd, the entries and their patterns),
 * and what loads is applied to a finding of every rule on a few paths.  config_load reads a path
 * only, so the input goes through a temporary file.  Beyond not crashing: what slm could not
 * read, parse or validate is never configured away (config.c refuses those rules), so every such
 * finding must come out of config_apply with its default severity; otherwise abort. */
#include "cli.h"
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char *const files[] = {
    "repo/bank/reports/2025-01.xml",
    "repo/retail/sla.xml",
    "repo/a b/\xc3\xbc.xml",
    "repo/x.xml",
    "elsewhere.xml",
};

static bool is_protected(enum rule r)
{
	return r == RULE_IO_ERROR || r == RULE_XML_MALFORMED || r == RULE_SCHEMA ||
	       r == RULE_UNSAFE_PATH;
}

/* The input in a new temporary file, whose name is returned (g_free, unlink); NULL on failure. */
static char *temporary(const uint8_t *data, size_t size)
{
	char *path = g_strdup("/tmp/slm-fuzz-config-XXXXXX");
	int fd = mkstemp(path);
	size_t done = 0;

	if (fd < 0) {
		perror("fuzz_config: mkstemp");
		abort();
	}
	while (done < size) {
		ssize_t n = write(fd, data + done, size - done);
		if (n <= 0) {
			perror("fuzz_config: write");
			abort();
		}
		done += (size_t)n;
	}
	if (close(fd) != 0)
		abort();
	return path;
}

static void apply(const struct config *c)
{
	struct diag_list *dl = diag_list_new();
	unsigned before = 0, after = 0;

	for (size_t f = 0; f < G_N_ELEMENTS(files); f++)
		for (int r = 0; r < RULE_COUNT; r++) {
			diag_add(dl, (enum rule)r, files[f], 3, 1, "finding");
			before += is_protected((enum rule)r);
		}
	config_apply(c, dl, "repo");
	for (guint i = 0; i < dl->items->len; i++) {
		const struct diag *d = dl->items->pdata[i];
		if (!is_protected(d->rule))
			continue;
		if (d->severity != rule_info(d->rule)->severity) {
			fprintf(stderr, "fuzz_config: %s configured\n", rule_info(d->rule)->name);
			abort();
		}
		after++;
	}
	if (after != before) {
		fprintf(stderr, "fuzz_config: a finding slm could not check was switched off\n");
		abort();
	}
	diag_list_free(dl);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static bool ready;
	struct diag_list *dl;
	struct config *c;
	char *path;

	if (!ready) {
		cli_init();
		ready = true;
	}
	path = temporary(data, size);
	dl = diag_list_new();
	c = config_load(path, false, dl);
	if (c)
		apply(c);
	config_free(c);
	diag_list_free(dl);
	unlink(path);
	g_free(path);
	return 0;
}
