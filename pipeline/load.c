/* Loading (see load.h): discovery, bounded reading, the pre-parse scan and the safe parse. */
#define _GNU_SOURCE
#include "load.h"
#include "output.h"

#include "cli.h"

#include <errno.h>
#include <fcntl.h>
#include <libxml/parser.h>
#include <libxml/xmlerror.h>
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <dirent.h>

/* ---- discovery ---------------------------------------------------------------------------- */

struct found {
	char *path;
	dev_t dev;
	ino_t ino;
};

struct walk {
	const char *root_real;
	GArray *found; /* of struct found */
	struct diag_list *dl;
	bool links; /* a symbolic link was followed: a file may be found twice */
	const char *output; /* the output folder of slm build being walked, or NULL */
	bool output_docs;   /* agreements were found in it */
};

static bool has_xml_suffix(const char *name)
{
	size_t n = strlen(name);
	return n > 4 && strcmp(name + n - 4, ".xml") == 0;
}

static bool inside(const char *real, const char *root)
{
	size_t n = strlen(root);
	if (strcmp(root, "/") == 0)
		return true;
	return strncmp(real, root, n) == 0 && (real[n] == '\0' || real[n] == '/');
}

static void add_found(struct walk *w, const char *path, const struct stat *st)
{
	struct found f = {g_strdup(path), st->st_dev, st->st_ino};

	/* in slm build's output folder its reports are XML too, and are not read; but a record
	 * there hides no agreement: a merge request could silence the check of a whole folder */
	if (w->output && !load_is_document_at(AT_FDCWD, path)) {
		g_free(f.path);
		return;
	}
	if (w->output && !w->output_docs) {
		diag_add(w->dl, RULE_UNSAFE_PATH, w->output, 0, 0,
			 "holds slm build's record (%s) but also agreements (%s): a build record "
			 "hides no document; they are checked all the same",
			 OUTPUT_RECORD, path);
		w->output_docs = true;
	}
	g_array_append_val(w->found, f);
}

static void walk_dir(struct walk *w, const char *dir, int depth);

static void walk_link(struct walk *w, const char *dir, const char *path)
{
	char *real = realpath(path, NULL);
	char *target = g_file_read_link(path, NULL); /* as written: messages must not leak paths */
	struct stat st;

	if (!target) /* no longer a link: it changed between the scan and now */
		target = g_strdup("something that changed while it was read");

	w->links = true;
	if (!real) {
		if (errno == ELOOP)
			diag_add(w->dl, RULE_UNSAFE_PATH, path, 0, 0,
				 "symbolic link loop (it points to %s); not followed", target);
		else if (errno == ENOENT)
			diag_add(w->dl, RULE_UNSAFE_PATH, path, 0, 0,
				 "dangling symbolic link (it points to %s); not followed", target);
		else
			diag_add(w->dl, RULE_IO_ERROR, path, 0, 0, "cannot resolve link: %s",
				 g_strerror(errno));
	} else if (!inside(real, w->root_real)) {
		diag_add(w->dl, RULE_UNSAFE_PATH, path, 0, 0,
			 "symbolic link leaves the repository (it points to %s); not followed",
			 target);
	} else if (stat(real, &st) == 0 && S_ISDIR(st.st_mode)) {
		char *dir_real = realpath(dir, NULL);
		if (dir_real && inside(dir_real, real))
			diag_add(w->dl, RULE_UNSAFE_PATH, path, 0, 0,
				 "symbolic link loop (it points to %s, a folder that contains it); "
				 "not followed",
				 target);
		else
			walk_dir(w, path, 1);
		free(dir_real);
	} else if (stat(real, &st) == 0 && has_xml_suffix(path)) {
		add_found(w, path, &st);
	}
	g_free(target);
	free(real);
}

int load_cmp_paths(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* A folder entry: its name, type and inode as readdir gives them. */
struct dir_entry {
	char *name;
	unsigned char type;
	ino_t ino;
};

static int cmp_entry(const void *a, const void *b)
{
	return strcmp(((const struct dir_entry *)a)->name, ((const struct dir_entry *)b)->name);
}

/* Whether DIR holds a record of slm build, not any file of that name: an empty .slm-build must
 * not hide a folder of agreements from the check. */
static bool is_build_record(const char *dir)
{
	int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	bool yes = fd >= 0 && output_folder_is_slm(fd);

	if (fd >= 0)
		close(fd);
	return yes;
}

static void walk_dir(struct walk *w, const char *dir, int depth)
{
	DIR *d;
	struct dirent *e;
	GArray *ents;
	bool output = false;

	if (depth > 64) {
		diag_add(w->dl, RULE_UNSAFE_PATH, dir, 0, 0,
			 "folders nested more than 64 deep; not scanned further");
		return;
	}
	d = opendir(dir);
	if (!d) {
		diag_add(w->dl, RULE_IO_ERROR, dir, 0, 0, "cannot read folder: %s",
			 g_strerror(errno));
		return;
	}
	ents = g_array_new(FALSE, FALSE, sizeof(struct dir_entry));
	while ((e = readdir(d))) {
		if (depth > 0 && !w->output && strcmp(e->d_name, OUTPUT_RECORD) == 0 &&
		    is_build_record(dir))
			output = true;
		if (e->d_name[0] != '.') { /* ".", "..", ".git" and other hidden entries */
			struct dir_entry x = {g_strdup(e->d_name), e->d_type, e->d_ino};
			g_array_append_val(ents, x);
		}
	}
	closedir(d);
	if (output) {
		w->output = dir;
		w->output_docs = false;
	}
	g_array_sort(ents, cmp_entry);
	for (guint i = 0; i < ents->len; i++) {
		struct dir_entry *x = &g_array_index(ents, struct dir_entry, i);
		/* "./x.xml" reads as "x.xml": paths are shown relative to where the user is */
		char *path = strcmp(dir, ".") == 0 ? g_strdup(x->name)
						   : g_build_filename(dir, x->name, NULL);
		struct stat st;

		if (x->type == DT_REG) { /* readdir says enough: no stat for 100,000 files */
			if (has_xml_suffix(path)) {
				st.st_dev = st.st_ino = 0; /* stat()ed later if links were followed */
				add_found(w, path, &st);
			}
		} else if (x->type == DT_DIR)
			walk_dir(w, path, depth + 1);
		else if (lstat(path, &st) != 0)
			diag_add(w->dl, RULE_IO_ERROR, path, 0, 0, "cannot read: %s",
				 g_strerror(errno));
		else if (S_ISLNK(st.st_mode))
			walk_link(w, dir, path);
		else if (S_ISDIR(st.st_mode))
			walk_dir(w, path, depth + 1);
		else if (has_xml_suffix(path))
			add_found(w, path, &st);
		g_free(path);
		g_free(x->name);
	}
	g_array_free(ents, TRUE);
	if (output && !w->output_docs)
		/* slm build's output folder: not the repository.  Said, so that no folder goes
		 * unchecked in silence. */
		diag_add(w->dl, RULE_IO_ERROR, dir, 0, 0,
			 "not checked: slm build's output folder (it holds %s)", OUTPUT_RECORD)
			->severity = SEV_NOTE;
	if (output)
		w->output = NULL;
}

static int cmp_found(const void *a, const void *b)
{
	return strcmp(((const struct found *)a)->path, ((const struct found *)b)->path);
}

bool load_discover(const char *path, GPtrArray *files, struct diag_list *dl)
{
	struct stat st;
	struct walk w = {NULL, g_array_new(FALSE, FALSE, sizeof(struct found)), dl, false, NULL, false};
	char *root_real;
	GHashTable *seen;

	if (stat(path, &st) != 0) {
		diag_add(dl, RULE_IO_ERROR, path, 0, 0, "cannot read: %s", g_strerror(errno));
		g_array_free(w.found, TRUE);
		return false;
	}
	if (!S_ISDIR(st.st_mode)) {
		g_ptr_array_add(files, g_strdup(path));
		g_array_free(w.found, TRUE);
		return true;
	}
	root_real = realpath(path, NULL);
	w.root_real = root_real ? root_real : path;
	walk_dir(&w, path, 0);
	g_array_sort(w.found, cmp_found);
	/* A file reached twice (through a link inside the repository) is read once. */
	seen = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
	for (guint i = 0; i < w.found->len; i++) {
		struct found *f = &g_array_index(w.found, struct found, i);
		struct stat fst;
		char *key;

		if (!w.links) {
			g_ptr_array_add(files, f->path);
			continue;
		}
		if (f->ino == 0 && lstat(f->path, &fst) == 0)
			f->dev = fst.st_dev, f->ino = fst.st_ino;
		key = g_strdup_printf("%ju:%ju", (uintmax_t)f->dev, (uintmax_t)f->ino);
		if (g_hash_table_contains(seen, key)) {
			g_free(key);
			g_free(f->path);
			continue;
		}
		g_hash_table_add(seen, key);
		g_ptr_array_add(files, f->path);
	}
	g_hash_table_destroy(seen);
	g_array_free(w.found, TRUE);
	free(root_real);
	return true;
}

/* ---- reading -------------------------------------------------------------------------------- */

/* The repository being read (its real path), and the folder relative names start from, or
 * NULL: see load_confine. */
static char *confined, *confined_cwd;

void load_confine(const char *root)
{
	char *real = root ? realpath(root, NULL) : NULL;

	g_free(confined);
	g_free(confined_cwd);
	confined = real ? g_strdup(real) : NULL;
	confined_cwd = real ? g_get_current_dir() : NULL;
	free(real);
}

/* Whether the file open as FD, named NAME in the folder DIRFD, is where its name says: a file
 * named inside the confined repository must lie inside it (a link swapped in after the scan, at
 * the file or any folder above it, is caught here, by what the kernel says was opened). */
static bool stays_inside(int dirfd, int fd, const char *name, const char *path,
			 struct diag_list *dl)
{
	char proc[64], real[4096], *base = NULL, *named;
	ssize_t n;
	bool ok = true;

	if (!confined)
		return true;
	snprintf(proc, sizeof proc, "/proc/self/fd/%d", dirfd);
	if (dirfd != AT_FDCWD && (n = readlink(proc, real, sizeof real - 1)) > 0)
		base = g_strndup(real, (gsize)n);
	named = g_canonicalize_filename(name, base ? base : confined_cwd);
	snprintf(proc, sizeof proc, "/proc/self/fd/%d", fd);
	if (inside(named, confined) && (n = readlink(proc, real, sizeof real - 1)) > 0) {
		real[n] = '\0';
		ok = inside(real, confined);
		if (!ok)
			diag_add(dl, RULE_UNSAFE_PATH, path, 0, 0,
				 "not read: it leads out of the repository (to %s)", real);
	}
	g_free(named);
	g_free(base);
	return ok;
}

/* Read PATH, opened as NAME relative to the folder DIRFD (or AT_FDCWD with NAME = PATH). */
static char *read_file_at(int dirfd, const char *name, const char *path, size_t *len,
			  struct diag_list *dl)
{
	int fd = openat(dirfd, name, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
	struct stat st;
	char *buf;
	size_t got = 0;

	if (fd < 0) {
		diag_add(dl, RULE_IO_ERROR, path, 0, 0, "cannot read: %s", g_strerror(errno));
		return NULL;
	}
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
		diag_add(dl, RULE_IO_ERROR, path, 0, 0, "cannot read: not a regular file");
		close(fd);
		return NULL;
	}
	if (!stays_inside(dirfd, fd, name, path, dl)) {
		close(fd);
		return NULL;
	}
	if ((guint64)st.st_size > LOAD_MAX_BYTES) {
		diag_add(dl, RULE_XML_MALFORMED, path, 0, 0,
			 "file is %.1f MiB, over the %u MiB limit for one document; split it",
			 (double)st.st_size / (1 << 20), LOAD_MAX_BYTES >> 20);
		close(fd);
		return NULL;
	}
	buf = g_malloc((size_t)st.st_size + 1);
	while (got < (size_t)st.st_size) {
		ssize_t n = read(fd, buf + got, (size_t)st.st_size - got);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0) {
			diag_add(dl, RULE_IO_ERROR, path, 0, 0, "cannot read: %s",
				 n < 0 ? g_strerror(errno) : "file shrank while being read");
			g_free(buf);
			close(fd);
			return NULL;
		}
		got += (size_t)n;
	}
	close(fd);
	buf[got] = '\0';
	*len = got;
	return buf;
}

static char *read_file(const char *path, size_t *len, struct diag_list *dl)
{
	return read_file_at(AT_FDCWD, path, path, len, dl);
}

/* ---- the pre-parse scan --------------------------------------------------------------------- */

static bool starts(const char *p, const char *end, const char *lit)
{
	size_t n = strlen(lit);
	return (size_t)(end - p) >= n && memcmp(p, lit, n) == 0;
}

/* Just after the first LIT at or after P, or END. */
static const char *skip_past(const char *p, const char *end, const char *lit)
{
	const char *q = g_strstr_len(p, end - p, lit);
	return q ? q + strlen(lit) : end;
}

/* The encoding named by an XML declaration at the start of BUF, or NULL. */
static char *declared_encoding(const char *buf, size_t len)
{
	const char *end = buf + len, *decl_end, *p;

	if (!starts(buf, end, "<?xml"))
		return NULL;
	decl_end = g_strstr_len(buf, (gssize)MIN(len, 512), "?>");
	if (!decl_end)
		return NULL;
	p = g_strstr_len(buf, decl_end - buf, "encoding");
	if (!p)
		return NULL;
	p += 8;
	while (p < decl_end && (*p == ' ' || *p == '=' || *p == '\t'))
		p++;
	if (p < decl_end && (*p == '"' || *p == '\'')) {
		const char *q = memchr(p + 1, *p, (size_t)(decl_end - p - 1));
		if (q)
			return g_strndup(p + 1, (gsize)(q - p - 1));
	}
	return NULL;
}

/* Line and column (in characters) of byte AT of BUF. */
static void position(const char *buf, const char *at, long *line, long *col)
{
	*line = 1;
	*col = 1;
	for (const char *p = buf; p < at; p++) {
		if (*p == '\n')
			(*line)++, *col = 1;
		else if (((unsigned char)*p & 0xC0) != 0x80)
			(*col)++;
	}
}

/* Elements and attributes: agreements have hundreds; a hostile file millions, which libxml2 would
 * turn into gigabytes of DOM (and 2.9.14 checks duplicate attributes in quadratic time). */
#define LOAD_MAX_ELEMENTS 100000
#define LOAD_MAX_TOTAL_ATTRS 400000

/* The structure a parser would see, counted without parsing: DOCTYPE declarations (the door to
 * external entities and entity expansion attacks) and the number of elements and attributes. */
static bool scan_markup(const char *path, const char *buf, const char *start, const char *end,
			struct diag_list *dl)
{
	unsigned attrs = 0, total_attrs = 0, elements = 0;
	const char *tag = NULL;
	char quote = 0;
	long line, col;

	for (const char *p = start; p < end; p++) {
		const char *skip_to = NULL;

		if (quote) {
			if (*p == quote)
				quote = 0;
			continue;
		}
		if (tag) {
			if (*p == '"' || *p == '\'')
				quote = *p;
			else if (*p == '>')
				tag = NULL;
			else if (*p == '=' && (++attrs > LOAD_MAX_ATTRS ||
					       ++total_attrs > LOAD_MAX_TOTAL_ATTRS)) {
				position(buf, tag, &line, &col);
				diag_add(dl, RULE_XML_MALFORMED, path, line, col,
					 attrs > LOAD_MAX_ATTRS
						 ? "element has more than %d attributes"
						 : "document has more than %d attributes in all",
					 attrs > LOAD_MAX_ATTRS ? LOAD_MAX_ATTRS : LOAD_MAX_TOTAL_ATTRS);
				return false;
			}
			continue;
		}
		if (*p != '<')
			continue;
		if (starts(p, end, "<!--"))
			skip_to = "-->";
		else if (starts(p, end, "<![CDATA["))
			skip_to = "]]>";
		else if (starts(p, end, "<?"))
			skip_to = "?>";
		else if (starts(p, end, "<!")) {
			position(buf, p, &line, &col);
			diag_add(dl, RULE_XML_MALFORMED, path, line, col,
				 "DOCTYPE declaration refused: slm documents have no DTD, and slm never "
				 "loads DTDs or expands entities");
			return false;
		} else if (p + 1 < end && p[1] != '/')
			tag = p, attrs = 0;
		else
			continue; /* an end tag */
		/* comments, CDATA sections and processing instructions are nodes of the tree too:
		 * millions of empty comments take gigabytes to parse, and split a text that schema
		 * validation then joins in quadratic time */
		if (++elements > LOAD_MAX_ELEMENTS) {
			position(buf, p, &line, &col);
			diag_add(dl, RULE_XML_MALFORMED, path, line, col,
				 "document has more than %d elements, comments and processing instructions",
				 LOAD_MAX_ELEMENTS);
			return false;
		}
		if (skip_to)
			p = skip_past(p, end, skip_to) - 1;
	}
	return true;
}

/* What libxml2 would misread or handle badly, refused before it parses: empty, binary and
 * compressed files, other encodings, invalid UTF-8 anywhere (with its line and column),
 * DOCTYPE declarations and absurd element or attribute counts. */
static bool prescan(const char *path, const char *buf, size_t len, struct diag_list *dl)
{
	const unsigned char *u = (const unsigned char *)buf;
	const char *start = buf, *bad;
	long line, col;
	char *enc;

	if (len == 0) {
		diag_add(dl, RULE_XML_MALFORMED, path, 0, 0,
			 "file is empty; an slm document needs a root element such as <sla>");
		return false;
	}
	if (len >= 2 && ((u[0] == 0xFE && u[1] == 0xFF) || (u[0] == 0xFF && u[1] == 0xFE) ||
			 (len >= 4 && !u[0] && !u[1] && u[2] == 0xFE && u[3] == 0xFF))) {
		bool utf32 = len >= 4 && ((u[0] == 0xFF && u[1] == 0xFE && !u[2] && !u[3]) || !u[0]);
		diag_add(dl, RULE_XML_MALFORMED, path, 1, 1,
			 "file is %s encoded; slm documents must be UTF-8", utf32 ? "UTF-32" : "UTF-16");
		return false;
	}
	if ((len >= 2 && u[0] == 0x1F && u[1] == 0x8B) ||
	    (len >= 6 && memcmp(u, "\xFD" "7zXZ", 5) == 0) || (len >= 3 && memcmp(u, "BZh", 3) == 0)) {
		diag_add(dl, RULE_XML_MALFORMED, path, 0, 0,
			 "compressed file (%s); slm reads plain XML only, never decompressing",
			 u[0] == 0x1F ? "gzip" : u[0] == 'B' ? "bzip2" : "xz");
		return false;
	}
	if (memchr(buf, '\0', MIN(len, 8000))) {
		diag_add(dl, RULE_XML_MALFORMED, path, 0, 0,
			 "binary file (it contains NUL bytes); not an XML document");
		return false;
	}
	if (len >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF)
		start += 3; /* a UTF-8 byte order mark is fine */
	enc = declared_encoding(start, len - (size_t)(start - buf));
	if (enc && g_ascii_strcasecmp(enc, "UTF-8") != 0 && g_ascii_strcasecmp(enc, "UTF8") != 0) {
		diag_add(dl, RULE_XML_MALFORMED, path, 1, 1,
			 "the XML declaration names encoding \"%s\"; slm documents must be UTF-8", enc);
		g_free(enc);
		return false;
	}
	g_free(enc);
	/* every byte, in comments, CDATA and processing instructions too: NUL, overlong forms,
	 * surrogates, sequences cut short at the end of the file */
	if (!g_utf8_validate_len(start, len - (size_t)(start - buf), (const gchar **)&bad)) {
		position(buf, bad, &line, &col);
		if (*bad == '\0')
			diag_add(dl, RULE_XML_MALFORMED, path, line, col,
				 "NUL byte; not an XML document");
		else
			diag_add(dl, RULE_XML_MALFORMED, path, line, col,
				 "invalid UTF-8 (byte 0x%02X); save the file as UTF-8",
				 (unsigned char)*bad);
		return false;
	}
	return scan_markup(path, buf, start, buf + len, dl);
}

/* ---- parsing -------------------------------------------------------------------------------- */

static void ignore_generic(void *ctx, const char *msg, ...)
{
	(void)ctx;
	(void)msg;
}

static void ignore_structured(void *ctx, xmlErrorPtr e)
{
	(void)ctx;
	(void)e;
}

void load_quiet_libxml(void)
{
	xmlSetGenericErrorFunc(NULL, ignore_generic);
	xmlSetStructuredErrorFunc(NULL, ignore_structured);
}

char *load_error_text(const char *msg)
{
	GString *s = g_string_new(msg ? msg : "unknown error");
	char *p, *q;

	while (s->len && (s->str[s->len - 1] == '\n' || s->str[s->len - 1] == ' '))
		g_string_truncate(s, s->len - 1);
	/* "{urn:slm:1}sla" reads as "sla": slm's own namespaces go without saying */
	while ((p = strstr(s->str, "{urn:slm:")) && (q = strchr(p, '}')))
		g_string_erase(s, p - s->str, q - p + 1);
	if (strstr(s->str, "Huge input lookup") || strstr(s->str, "huge text node") ||
	    strstr(s->str, "AttValue length too long")) {
		g_string_assign(s, "a text or attribute value longer than 10 MB (libxml2's limit)");
	} else if (strstr(s->str, "Excessive depth")) {
		g_string_assign(s, "elements nested too deep (libxml2's limit is 256 levels)");
	} else if ((p = strstr(s->str, ", use XML_PARSE_HUGE option"))) {
		g_string_truncate(s, p - s->str);
	} else if ((p = strstr(s->str, " use XML_PARSE_HUGE option"))) {
		g_string_truncate(s, p - s->str);
	}
	return g_string_free(s, FALSE);
}

struct parse_sink {
	const char *path;
	struct diag_list *dl;
	bool reported;
	xmlParserCtxtPtr ctxt;
	bool stopped; /* by the memory bound */
	int line;     /* where */
};

/* Called inside an allocation of the parser once libxml2's memory passes slm's soft bound: the
 * parser is told to stop, by flags only (xmlStopParser would free the input under the parser's
 * feet).  libxml2 2.9 does not survive a refused allocation in every place, so the parse must end
 * before the hard bound refuses one. */
static void stop_parsing(void *arg)
{
	struct parse_sink *s = arg;

	s->stopped = true;
	s->line = s->ctxt->input ? s->ctxt->input->line : 0;
	s->ctxt->disableSAX = 1;
	s->ctxt->instate = XML_PARSER_EOF;
	s->ctxt->wellFormed = 0;
}

/* Only the first parse error is reported: libxml2 stops there, and what follows is noise. */
static void on_parse_error(void *ud, xmlErrorPtr e)
{
	struct parse_sink *s = ud;
	char *msg;

	if (s->reported || s->stopped || e->level < XML_ERR_ERROR)
		return;
	msg = load_error_text(e->message);
	diag_add(s->dl, RULE_XML_MALFORMED, s->path, e->line, e->int2 > 0 ? e->int2 : 1, "%s",
		 msg);
	g_free(msg);
	s->reported = true;
}

/* NONET: no network; no NOENT/DTDLOAD/DTDVALID/XINCLUDE/HUGE, ever (DESIGN §8, known traps). */
#define LOAD_PARSE_OPTIONS (XML_PARSE_NONET | XML_PARSE_BIG_LINES | XML_PARSE_COMPACT)

static xmlDocPtr parse_memory(const char *path, const char *buf, size_t len, xmlDictPtr dict,
			      struct diag_list *dl, bool *parse_error);

xmlDocPtr load_parse(const char *path, struct diag_list *dl)
{
	return load_parse_dict(path, NULL, dl);
}

xmlDocPtr load_parse_dict(const char *path, xmlDictPtr dict, struct diag_list *dl)
{
	return load_parse_salvage(path, dict, dl, NULL);
}

/* What libxml2 recovers of a document that is not well-formed: its elements up to the error and
 * what it can make of the rest.  NULL when it finds no root element. */
static xmlDocPtr recover(const char *buf, size_t len)
{
	xmlParserCtxtPtr ctxt = xmlNewParserCtxt();
	struct parse_sink stop = {.ctxt = ctxt};
	struct cli_xml_watch outer;
	xmlDocPtr x;

	if (!ctxt)
		g_error("out of memory");
	outer = cli_xml_memory_watch(stop_parsing, &stop);
	x = xmlCtxtReadMemory(ctxt, buf, (int)len, NULL, "UTF-8",
			      LOAD_PARSE_OPTIONS | XML_PARSE_RECOVER | XML_PARSE_NOERROR |
				  XML_PARSE_NOWARNING);
	cli_xml_memory_rewatch(outer);
	xmlFreeParserCtxt(ctxt);
	if (x && (stop.stopped || !xmlDocGetRootElement(x))) {
		xmlFreeDoc(x);
		x = NULL;
	}
	return x;
}

xmlDocPtr load_parse_salvage(const char *path, xmlDictPtr dict, struct diag_list *dl,
			     xmlDocPtr *salvaged)
{
	size_t len = 0;
	char *buf = read_file(path, &len, dl);
	xmlDocPtr xdoc;
	bool parse_error = false;

	if (salvaged)
		*salvaged = NULL;
	if (!buf)
		return NULL;
	xdoc = parse_memory(path, buf, len, dict, dl, &parse_error);
	if (!xdoc && parse_error && salvaged)
		*salvaged = recover(buf, len);
	g_free(buf);
	return xdoc;
}

xmlDocPtr load_parse_memory(const char *path, const char *buf, size_t len, xmlDictPtr dict,
			    struct diag_list *dl)
{
	bool parse_error;
	return parse_memory(path, buf, len, dict, dl, &parse_error);
}

/* *PARSE_ERROR: the bytes passed the checks before parsing, and libxml2 found them malformed. */
static xmlDocPtr parse_memory(const char *path, const char *buf, size_t len, xmlDictPtr dict,
			      struct diag_list *dl, bool *parse_error)
{
	struct parse_sink sink = {.path = path, .dl = dl};
	struct cli_xml_watch outer;
	xmlParserCtxtPtr ctxt;
	xmlDocPtr xdoc = NULL;

	*parse_error = false;
	if (len > LOAD_MAX_BYTES) {
		diag_add(dl, RULE_XML_MALFORMED, path, 0, 0,
			 "document is over the %u MiB limit for one document; split it",
			 LOAD_MAX_BYTES >> 20);
		return NULL;
	}
	if (!prescan(path, buf, len, dl))
		return NULL;
	ctxt = xmlNewParserCtxt();
	if (!ctxt)
		g_error("out of memory");
	if (dict) {
		/* share the caller's dictionary, as libxslt expects of documents it is given */
		xmlDictFree(ctxt->dict);
		ctxt->dict = dict;
		xmlDictReference(dict);
	}
	xmlSetStructuredErrorFunc(&sink, on_parse_error);
	sink.ctxt = ctxt;
	outer = cli_xml_memory_watch(stop_parsing, &sink);
	xdoc = xmlCtxtReadMemory(ctxt, buf, (int)len, path, "UTF-8", LOAD_PARSE_OPTIONS);
	cli_xml_memory_rewatch(outer);
	if (xdoc && !ctxt->wellFormed) {
		xmlFreeDoc(xdoc);
		xdoc = NULL;
	}
	*parse_error = !xdoc && !sink.stopped;
	if (sink.stopped)
		diag_add(dl, RULE_XML_MALFORMED, path, sink.line, sink.line ? 1 : 0,
			 "document stopped here: parsing it took more than slm's limit of %u MiB of "
			 "memory (for the documents being read at once); split it",
			 (unsigned)(CLI_XML_MEMORY_SOFT >> 20));
	else if (!xdoc && !sink.reported)
		diag_add(dl, RULE_XML_MALFORMED, path, 0, 0, "not a well-formed XML document");
	xmlSetStructuredErrorFunc(NULL, ignore_structured);
	xmlFreeParserCtxt(ctxt);
	return xdoc;
}

enum kind load_kind_quiet(xmlDocPtr xdoc)
{
	xmlNodePtr root = xmlDocGetRootElement(xdoc);
	enum kind k = root ? kind_by_name((const char *)root->name) : KIND_UNKNOWN;

	return root && root->ns && strcmp((const char *)root->ns->href, SLM_NS) == 0 ? k
										 : KIND_UNKNOWN;
}

enum kind load_kind(xmlDocPtr xdoc, const char *path, struct diag_list *dl)
{
	xmlNodePtr root = xmlDocGetRootElement(xdoc);
	const char *name = root ? (const char *)root->name : "";
	enum kind k = load_kind_quiet(xdoc);

	if (k != KIND_UNKNOWN)
		return k;
	if (kind_by_name(name) != KIND_UNKNOWN)
		diag_add(dl, RULE_SCHEMA, path, root ? xmlGetLineNo(root) : 0, 1,
			 "root element <%s> is not in the slm namespace; add xmlns=\"" SLM_NS "\"",
			 name);
	else
		diag_add(dl, RULE_SCHEMA, path, root ? xmlGetLineNo(root) : 0, 1,
			 "unknown root element <%s>: not an slm document (expected organization, "
			 "catalog, requirements, sla, ola, contract, decomposition, proposal, "
			 "initiation, report, review or termination)",
			 name);
	return KIND_UNKNOWN;
}

/* ---- the reference scan --------------------------------------------------------------------- */

/* Append the value between P and END to OUT with the predefined entities and character
 * references replaced, then a NUL. */
static void scan_value(GString *out, const char *p, const char *end)
{
	static const struct {
		const char *name;
		char c;
	} ents[] = {{"amp;", '&'}, {"lt;", '<'}, {"gt;", '>'}, {"quot;", '"'}, {"apos;", '\''}};

	while (p < end) {
		const char *amp = memchr(p, '&', (size_t)(end - p));
		if (!amp) {
			g_string_append_len(out, p, end - p);
			break;
		}
		g_string_append_len(out, p, amp - p);
		p = amp + 1;
		if (p < end && *p == '#') {
			char *stop;
			gulong c = *++p == 'x' ? strtoul(p + 1, &stop, 16) : strtoul(p, &stop, 10);
			if (stop < end && *stop == ';' && c > 0 && c <= 0x10FFFF) {
				g_string_append_unichar(out, (gunichar)c);
				p = stop + 1;
			}
			continue;
		}
		for (size_t i = 0; i < G_N_ELEMENTS(ents); i++)
			if (starts(p, end, ents[i].name)) {
				g_string_append_c(out, ents[i].c);
				p += strlen(ents[i].name);
				break;
			}
	}
	g_string_append_c(out, '\0');
}

static bool name_char(char c)
{
	return c != '\0' && !g_ascii_isspace(c) && c != '=' && c != '>' && c != '/' && c != '<';
}

bool load_scan_at(int dirfd, const char *name, struct scan *sc)
{
	struct diag_list *quiet = diag_list_new(); /* an unreadable file is simply not scanned */
	size_t len = 0;
	char *buf = read_file_at(dirfd, name, name, &len, quiet);
	const char *p = buf, *end = buf + len;
	GString *out;

	diag_list_free(quiet);
	memset(sc, 0, sizeof *sc);
	if (!buf)
		return false;
	out = g_string_sized_new(MIN(len / 2, LOAD_SCAN_MAX));
	while (p < end && (p = memchr(p, '<', (size_t)(end - p)))) {
		if (starts(p, end, "<!--"))
			p = skip_past(p + 4, end, "-->");
		else if (starts(p, end, "<![CDATA["))
			p = skip_past(p + 9, end, "]]>");
		else if (starts(p, end, "<?"))
			p = skip_past(p + 2, end, "?>");
		else if (starts(p, end, "<!") || starts(p, end, "</"))
			p = skip_past(p + 2, end, ">");
		else {
			const char *el = ++p;
			bool root = !sc->root;
			while (p < end && name_char(*p))
				p++;
			if (root) {
				const char *colon = memchr(el, ':', (size_t)(p - el));
				sc->root = colon ? g_strndup(colon + 1, (gsize)(p - colon - 1))
						 : g_strndup(el, (gsize)(p - el));
			}
			for (;;) { /* the attributes */
				const char *an, *ae, *v;
				char q;
				while (p < end && g_ascii_isspace(*p))
					p++;
				if (p >= end || *p == '>' || *p == '/' || *p == '<')
					break;
				for (an = p; p < end && name_char(*p); p++)
					;
				ae = p;
				while (p < end && (g_ascii_isspace(*p) || *p == '='))
					p++;
				if (p >= end || (*p != '"' && *p != '\'') || ae == an)
					break;
				q = *p++;
				v = memchr(p, q, (size_t)(end - p));
				if (!v)
					break;
				if (out->len + (size_t)(ae - an) + (size_t)(v - p) > LOAD_SCAN_MAX) {
					p = end; /* enough: an agreement names far less */
					break;
				}
				g_string_append_len(out, an, ae - an);
				g_string_append_c(out, '\0');
				scan_value(out, p, v);
				sc->pairs++;
				p = v + 1;
			}
			if (root)
				sc->root_pairs = sc->pairs;
		}
	}
	g_free(buf);
	sc->len = out->len;
	sc->data = g_string_free(out, FALSE);
	return sc->root != NULL;
}

bool load_scan(const char *path, struct scan *sc)
{
	return load_scan_at(AT_FDCWD, path, sc);
}

bool load_is_document_at(int dirfd, const char *name)
{
	struct scan sc;
	bool yes = load_scan_at(dirfd, name, &sc) && kind_by_name(sc.root) != KIND_UNKNOWN;

	load_scan_clear(&sc);
	return yes;
}

void load_scan_clear(struct scan *sc)
{
	g_free(sc->root);
	g_free(sc->data);
	memset(sc, 0, sizeof *sc);
}
