/* slm build's record (DESIGN §7): what the last build read and made, in the output folder as
 * OUTPUT_RECORD, so that the next build redoes only what changed.  The record is input like any
 * other — a repository may commit one, or a forged one — so it is a line format with every name
 * escaped (no name can forge a line or a field), parsed strictly (a line that does not parse is
 * dropped), and it proves nothing by itself: an input is unchanged only when its inode, size,
 * modification and change times all match (or its digest does), and an output is slm's only when
 * its inode, change time, size and digest match what the build that made it recorded. */
#ifndef SLM_RECORD_H
#define SLM_RECORD_H

#include "output.h"

#include <glib.h>
#include <stdio.h>

/* An input as the build saw it. */
struct record_file {
	guint64 size, ino;
	gint64 mtime_ns, ctime_ns;
	char sha[65]; /* SHA-256, or a word: "missing", "unreadable" */
};

/* An output the build made, what it was made as of, and the inputs it was made from ([0] = its
 * source). */
struct record_output {
	struct output_id id;
	char key[65];	 /* SHA-256 of cli_output_key: as-of date, configuration, slm itself */
	GPtrArray *deps; /* char* */
};

struct record {
	int status;	 /* the last build's exit status; -1: none recorded */
	char *digest;	 /* of every input, as the last build saw them */
	char *zone;	 /* the organization's time zone the build found (repo_zone_id) or NULL */
	GHashTable *files;   /* path → struct record_file* */
	GHashTable *outputs; /* path relative to the output folder → struct record_output* */
};

struct record *record_new(void);
void record_free(struct record *r);
/* Read LEN bytes of TEXT into R; a record of another format leaves R empty. */
void record_parse(struct record *r, const char *text, size_t len);
/* Write R, sorted: the same record reads the same bytes. */
void record_write(FILE *fp, const struct record *r);
/* A new output entry made as of KEY (64 hex digits) from DEPS (taken). */
struct record_output *record_output_new(const struct output_id *id, const char *key,
					GPtrArray *deps);
/* Whether REL names a file below the output folder: relative, no "." or "..", no empty part. */
bool record_inside(const char *rel);

#endif
