/* libFuzzer target: slm build's record parser (pipeline/record.c).  The record lies in the output
 * folder, where a repository may commit or forge one, so beyond not crashing the parser must keep
 * two promises whatever it reads: what it keeps writes back to bytes that read as the same record
 * (parse → write → parse → write gives the same bytes twice: no name escapes its field, no number
 * or digest changes on the way), and every output it keeps is a name below the output folder
 * (record_inside), since a later build removes or replaces it.  A broken promise aborts. */
#include "record.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* R written to memory; *LEN is its length. */
static char *written(const struct record *r, size_t *len)
{
	char *buf = NULL;
	FILE *fp = open_memstream(&buf, len);

	if (!fp)
		abort();
	record_write(fp, r);
	if (fclose(fp) != 0)
		abort();
	return buf;
}

static void check_outputs(const struct record *r)
{
	GHashTableIter it;
	gpointer k;

	g_hash_table_iter_init(&it, r->outputs);
	while (g_hash_table_iter_next(&it, &k, NULL))
		if (!record_inside(k)) {
			fprintf(stderr, "fuzz_record: output outside the folder kept\n");
			abort();
		}
}

/* Parse TEXT into a new record, check it and write it; the bytes written (free) and *LEN. */
static char *pass(const char *text, size_t len, size_t *out_len)
{
	struct record *r = record_new();
	char *out;

	record_parse(r, text, len);
	check_outputs(r);
	out = written(r, out_len);
	record_free(r);
	return out;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	size_t len1, len2;
	char *w1 = pass((const char *)data, size, &len1);
	char *w2 = pass(w1, len1, &len2);

	if (len1 != len2 || memcmp(w1, w2, len1) != 0) {
		fprintf(stderr,
		        "fuzz_record: a written record reads back differently\n"
		        "--- first write\n%s--- second write\n%s",
		        w1, w2);
		abort();
	}
	free(w1);
	free(w2);
	return 0;
}
