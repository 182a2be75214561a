/* Outputs (DESIGN §7, §8): every file slm writes appears whole or not at all, inside the folder it
 * was given, through no symbolic link, and never over a document of the repository being read.
 *
 * A folder is opened one component at a time with O_NOFOLLOW (what openat2's
 * RESOLVE_NO_SYMLINKS does, but on every kernel and under container profiles that refuse
 * openat2), so a link anywhere on the way — planted by a repository, or swapped in during the
 * run — is an error, never a detour.  The data goes to an unnamed file in that folder
 * (O_TMPFILE) which gets its name only when complete, relative to the folder's descriptor:
 * linked under a temporary name and renamed over the target in the same instant.  A failed,
 * interrupted or killed run (SIGKILL included) leaves no partial file and, but for the
 * microseconds between link and rename, no temporary one; output_sweep() removes what such a
 * moment may have left.  An existing FIFO, socket or device is refused, never written into. */
#ifndef SLM_OUTPUT_H
#define SLM_OUTPUT_H

#include <glib.h>
#include <stdbool.h>
#include <stdio.h>
#include <sys/types.h>

struct output {
	FILE *fp;
	char *path;   /* as named, for messages; NULL for standard output */
	char *dir;    /* the folder as named */
	char *name;   /* the file's name in it */
	char *tmp;    /* a named temporary file in the folder, when O_TMPFILE is not supported */
	int dirfd;    /* the folder, opened through no link */
	int tmp_slot; /* the signal handler's slot for TMP */
	bool only_new; /* set after opening: the commit fails (EEXIST) if the target exists */
};

/* What proves a file is the one slm wrote: where it is, its size, when its inode last changed
 * (ctime cannot be set by a user, nor carried by a copy or a clone) and its content. */
struct output_id {
	guint64 dev, ino, size;
	gint64 ctime_ns;
	char sha[65]; /* SHA-256, hex */
};

/* Temporary names start with this: ".slm-tmp." */
#define OUTPUT_TMP_PREFIX ".slm-tmp."

/* slm build's record of what it made: a folder holding it is an output folder, and discovery
 * does not go into it (a build inside the repository must not read its own reports). */
#define OUTPUT_RECORD ".slm-build"
/* Its first line: the format (3: names escaped, outputs proven by inode, ctime and digest;
 * 4: each output keyed by what it was made as of, cli_output_key). */
#define OUTPUT_RECORD_HEAD "slm-build\t4"

/* The repository being read: no output whose name ends in .xml is written inside it (it would
 * be read back as a document, or replace one), but in a folder slm build made.  Call once from
 * the command, before any output; NULL: none. */
void output_guard_repository(const char *root);

/* How the CLI tells slm's documents (the loader's byte scan, output never parses): whether the
 * regular file NAME of the folder DIRFD is one.  Set once from the CLI layer. */
void output_set_document_test(bool (*is_document)(int dirfd, const char *name));

/* Open PATH for writing ("-" or NULL: standard output) in its folder, which must exist.  On
 * failure prints why and returns false.  Never over a document; never an .xml file inside a
 * repository (the guarded one, or any folder below a .slm-config.xml) but in slm build's
 * output folder. */
bool output_open(struct output *o, const char *path);
/* The same for a new document of the repository (slm new): an .xml file inside it is the point;
 * never over anything (only_new). */
bool output_open_document(struct output *o, const char *path);
/* Flush, sync and put in place; on any failure nothing is left.  Returns false on failure. */
bool output_commit(struct output *o);
/* Give up: nothing is left. */
void output_abort(struct output *o);

/* The folder PATH, opened through no symbolic link; created (and its parents) when CREATE.
 * Returns a descriptor, or -1 with the reason in *WHY (g_free). */
int output_dir_open(const char *path, bool create, char **why);
/* Create the folder of the file PATH, and its parents, through no link; false (and why, on
 * stderr) when it cannot. */
bool output_mkdirs(const char *path);
/* Whether the folder DIRFD holds slm build's record (its first line OUTPUT_RECORD_HEAD's first
 * field), not just any file of that name. */
bool output_folder_is_slm(int dirfd);
/* Remove PATH when it is a regular file reached through no link and, when ID is not NULL, the
 * very file ID describes (inode, ctime, size and digest).  True when it was removed. */
bool output_remove(const char *path, const struct output_id *id);
/* ID of the regular file PATH reached through no link, without its digest unless WITH_SHA.
 * False when there is none. */
bool output_identify(const char *path, struct output_id *id, bool with_sha);
/* The same for PATH relative to the folder BASE: a build proves thousands of outputs from its
 * output folder, not each from the root of the filesystem. */
bool output_identify_at(int base, const char *path, struct output_id *id, bool with_sha);
/* The content of the regular file PATH reached through no link, when it is at most MAX bytes;
 * NULL otherwise.  *LEN is its length (a '\0' follows). */
char *output_read(const char *path, gsize max, gsize *len);
/* The SHA-256 (hex) of the regular file open as FD: at most MAX bytes, read from its start.
 * False when it is larger or cannot be read. */
bool output_sha_fd(int fd, guint64 max, char sha[65]);

/* In the calling thread, keep why an output failed for output_error() instead of printing it
 * (QUIET), or print it again (the default). */
void output_quiet(bool quiet);
/* Why the calling thread's last output failed. */
const char *output_error(void);

/* Remove temporary files a killed run may have left in DIR and its subfolders. */
void output_sweep(const char *dir);
/* Install SIGINT/SIGTERM handlers that remove in-flight temporary names, then die by the
 * signal.  Call once from the CLI layer. */
void output_install_signal_cleanup(void);
/* Have a temporary file of one's own removed too if a signal ends the process; the slot that
 * output_untrack releases once the file is gone. */
int output_track(const char *path);
void output_untrack(int slot);
/* End the process now with STATUS, from any thread, leaving no partial output: what is being
 * written is unnamed or, without O_TMPFILE, its temporary name is removed. */
void output_exit_now(int status) __attribute__((noreturn));

#endif
