/* Loading: finding the documents of a repository and parsing them safely (DESIGN §8).
 *
 * Files are found by scanning for *.xml (never by path conventions), sorted bytewise so every run
 * sees them in the same order, never following a symbolic link out of the repository.  Each file
 * is read by slm itself (bounded size, no transparent decompression), checked for what libxml2
 * would misread or choke on (empty, binary, invalid UTF-8, other encodings, DOCTYPE, absurd
 * attribute counts), then parsed from memory with DTDs, entities and the network off. */
#ifndef SLM_LOAD_H
#define SLM_LOAD_H

#include "diag.h"
#include "doc.h"

#include <libxml/tree.h>

/* Largest document slm reads; agreements are kilobytes. */
#define LOAD_MAX_BYTES (32u << 20)
/* Most attributes on one element (libxml2 2.9.14 checks duplicates in quadratic time). */
#define LOAD_MAX_ATTRS 256

/* Append the *.xml files under PATH (a folder or a file) to FILES (char*, g_free), sorted.
 * Problems (unreadable folders, unsafe links) go to DL.  Returns false when PATH itself cannot be
 * read. */
bool load_discover(const char *path, GPtrArray *files, struct diag_list *dl);

/* Confine reading to the repository ROOT (NULL: no confinement): a file named inside it that
 * turns out, once opened, to lie outside (a link swapped in after the scan) is not read but
 * said.  Call once from the command, before any thread reads. */
void load_confine(const char *root);
/* Bytewise order of two char* array elements (qsort, g_ptr_array_sort). */
int load_cmp_paths(const void *a, const void *b);
/* Read and parse one file.  Returns the parsed document, or NULL with a diagnostic in DL. */
xmlDocPtr load_parse(const char *path, struct diag_list *dl);
/* The same, parsing with DICT (libxslt's loader hands one over), or a new dictionary when NULL. */
xmlDocPtr load_parse_dict(const char *path, xmlDictPtr dict, struct diag_list *dl);
/* The same; when the file is not well-formed XML, *SALVAGED is what libxml2 recovers of it, or
 * NULL: the ids it declares still name it, so that references to a broken document are not
 * reported as references to nothing (the document itself is not valid: rules skip it). */
xmlDocPtr load_parse_salvage(const char *path, xmlDictPtr dict, struct diag_list *dl,
			     xmlDocPtr *salvaged);
/* The same from LEN bytes of memory (a fuzzer's input); PATH names them in diagnostics. */
xmlDocPtr load_parse_memory(const char *path, const char *buf, size_t len, xmlDictPtr dict,
			    struct diag_list *dl);

/* The kind of a parsed document by its root element, or KIND_UNKNOWN with a diagnostic. */
enum kind load_kind(xmlDocPtr xdoc, const char *path, struct diag_list *dl);
/* The same, silently (for what is salvaged of a malformed document). */
enum kind load_kind_quiet(xmlDocPtr xdoc);


/* What the reference scan sees of a file, without parsing it: the local name of its root element
 * and every attribute value, as DATA = "name\0value\0" PAIRS times; the first ROOT_PAIRS are the
 * root element's.  A byte scan (comments, CDATA, processing instructions and end tags skipped;
 * the predefined entities and character references replaced): enough to know what a document is
 * and what it names, never a judgment on whether it is well-formed. */
struct scan {
	char *root;
	char *data;
	size_t len;
	unsigned pairs, root_pairs;
};
/* Scan PATH (bounded like load_parse; what it keeps of one file, at most LOAD_SCAN_MAX bytes of
 * names and values: a repository of hostile files must not fill memory).  False when it cannot
 * be read or has no element. */
#define LOAD_SCAN_MAX (1u << 20)
bool load_scan(const char *path, struct scan *sc);
/* The same for the file NAME of the folder DIRFD. */
bool load_scan_at(int dirfd, const char *name, struct scan *sc);
void load_scan_clear(struct scan *sc);
/* Whether the file NAME of the folder DIRFD is an slm document (its root element names a
 * kind), by the byte scan. */
bool load_is_document_at(int dirfd, const char *name);
/* Route libxml2's error reporting of the calling thread to nowhere: every error slm wants is
 * collected through the structured handlers of the contexts it creates.  Call in every thread
 * that uses libxml2. */
void load_quiet_libxml(void);

/* A libxml2 error as slm words it: namespaces dropped, libxml2's advice replaced. */
char *load_error_text(const char *msg);

#endif
