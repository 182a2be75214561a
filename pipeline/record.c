/* slm build's record (see record.h).  Lines of tab-separated fields:
 *
 *   slm-build	4
 *   status	N
 *   digest	HEX
 *   zone	TZ
 *   file	PATH	SIZE	MTIME_NS	CTIME_NS	INODE	SHA
 *   output	REL	DEV	INODE	SIZE	CTIME_NS	SHA	KEY	SOURCE	DEP…
 *
 * KEY (format 4) is what the output was made as of besides its inputs (cli_output_key): a PDF
 * of 2025-11-30 is not one of 2025-06-30, nor one drawn by another slm.  In TZ, PATH, REL and
 * every DEP a backslash, tab, newline and carriage return are written \\, \t, \n and \r; any
 * other backslash makes the line unreadable. */
#include "record.h"

#include <stdlib.h>
#include <string.h>

static void record_output_free(gpointer p)
{
	struct record_output *o = p;
	g_ptr_array_free(o->deps, TRUE);
	g_free(o);
}

struct record *record_new(void)
{
	struct record *r = g_new0(struct record, 1);

	r->status = -1;
	r->files = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
	r->outputs = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, record_output_free);
	return r;
}

void record_free(struct record *r)
{
	if (!r)
		return;
	g_hash_table_destroy(r->files);
	g_hash_table_destroy(r->outputs);
	g_free(r->digest);
	g_free(r->zone);
	g_free(r);
}

struct record_output *record_output_new(const struct output_id *id, const char *key,
					GPtrArray *deps)
{
	struct record_output *o = g_new0(struct record_output, 1);

	o->id = *id;
	g_strlcpy(o->key, key, sizeof o->key);
	o->deps = deps;
	return o;
}

bool record_inside(const char *rel)
{
	char **parts;
	bool ok = *rel && *rel != '/';

	parts = g_strsplit(rel, "/", -1);
	for (char **p = parts; ok && *p; p++)
		ok = **p && strcmp(*p, "..") != 0 && strcmp(*p, ".") != 0;
	g_strfreev(parts);
	return ok;
}

/* ---- escaping ---- */

static void put_name(FILE *fp, const char *s)
{
	for (; *s; s++)
		switch (*s) {
		case '\\': fputs("\\\\", fp); break;
		case '\t': fputs("\\t", fp); break;
		case '\n': fputs("\\n", fp); break;
		case '\r': fputs("\\r", fp); break;
		default: fputc(*s, fp);
		}
}

/* The name FIELD unescaped in place; false when it holds an escape slm does not write. */
static bool unescape(char *field)
{
	char *w = field;

	for (const char *p = field; *p; p++) {
		if (*p != '\\') {
			*w++ = *p;
			continue;
		}
		switch (*++p) {
		case '\\': *w++ = '\\'; break;
		case 't': *w++ = '\t'; break;
		case 'n': *w++ = '\n'; break;
		case 'r': *w++ = '\r'; break;
		default: return false;
		}
	}
	*w = '\0';
	return *field != '\0';
}

/* ---- numbers and digests ---- */

static bool number(const char *s, guint64 *v)
{
	return g_ascii_string_to_unsigned(s, 10, 0, G_MAXUINT64, v, NULL);
}

static bool signed_number(const char *s, gint64 *v)
{
	return g_ascii_string_to_signed(s, 10, G_MININT64, G_MAXINT64, v, NULL);
}

static bool is_sha(const char *s)
{
	size_t n = strlen(s);

	if (n != 64)
		return strcmp(s, "missing") == 0 || strcmp(s, "unreadable") == 0;
	for (size_t i = 0; i < n; i++)
		if (!g_ascii_isxdigit(s[i]) || g_ascii_isupper(s[i]))
			return false;
	return true;
}

/* ---- reading ---- */

static void parse_file(struct record *r, char **f, guint n)
{
	struct record_file x = {0};

	if (n != 7 || !unescape(f[1]) || !number(f[2], &x.size) || !signed_number(f[3], &x.mtime_ns) ||
	    !signed_number(f[4], &x.ctime_ns) || !number(f[5], &x.ino) || !is_sha(f[6]))
		return;
	g_strlcpy(x.sha, f[6], sizeof x.sha);
	g_hash_table_replace(r->files, g_strdup(f[1]), g_memdup2(&x, sizeof x));
}

static void parse_output(struct record *r, char **f, guint n)
{
	struct output_id id = {0};
	GPtrArray *deps;

	if (n < 9 || !unescape(f[1]) || !record_inside(f[1]) || !number(f[2], &id.dev) ||
	    !number(f[3], &id.ino) || !number(f[4], &id.size) ||
	    !signed_number(f[5], &id.ctime_ns) || strlen(f[6]) != 64 || !is_sha(f[6]) ||
	    strlen(f[7]) != 64 || !is_sha(f[7]))
		return;
	g_strlcpy(id.sha, f[6], sizeof id.sha);
	deps = g_ptr_array_new_with_free_func(g_free);
	for (guint i = 8; i < n; i++) {
		if (!unescape(f[i])) {
			g_ptr_array_free(deps, TRUE);
			return;
		}
		g_ptr_array_add(deps, g_strdup(f[i]));
	}
	g_hash_table_replace(r->outputs, g_strdup(f[1]), record_output_new(&id, f[7], deps));
}

void record_parse(struct record *r, const char *text, size_t len)
{
	char *copy = g_strndup(text, len);
	char **lines = g_strsplit(copy, "\n", -1);

	/* a record of another format (2 trusted size and mtime) is no record */
	for (char **l = g_strcmp0(lines[0], OUTPUT_RECORD_HEAD) == 0 ? lines + 1 : NULL; l && *l;
	     l++) {
		char **f = g_strsplit(*l, "\t", -1);
		guint n = g_strv_length(f);
		guint64 v;

		if (n && strcmp(f[0], "file") == 0)
			parse_file(r, f, n);
		else if (n && strcmp(f[0], "output") == 0)
			parse_output(r, f, n);
		else if (n == 2 && strcmp(f[0], "status") == 0 && number(f[1], &v) && v <= 2)
			r->status = (int)v;
		else if (n == 2 && strcmp(f[0], "digest") == 0 && strlen(f[1]) == 64 &&
			 is_sha(f[1])) {
			g_free(r->digest);
			r->digest = g_strdup(f[1]);
		} else if (n == 2 && strcmp(f[0], "zone") == 0 && unescape(f[1])) {
			g_free(r->zone);
			r->zone = g_strdup(f[1]);
		}
		g_strfreev(f);
	}
	g_strfreev(lines);
	g_free(copy);
}

/* ---- writing ---- */

static gint cmp_keys(gconstpointer a, gconstpointer b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static GPtrArray *sorted_keys(GHashTable *t)
{
	GPtrArray *keys = g_ptr_array_new();
	GHashTableIter it;
	gpointer k;

	g_hash_table_iter_init(&it, t);
	while (g_hash_table_iter_next(&it, &k, NULL))
		g_ptr_array_add(keys, k);
	g_ptr_array_sort(keys, cmp_keys);
	return keys;
}

void record_write(FILE *fp, const struct record *r)
{
	GPtrArray *keys;

	fprintf(fp, OUTPUT_RECORD_HEAD "\nstatus\t%d\ndigest\t%s\n", r->status < 0 ? 2 : r->status,
		r->digest ? r->digest : "");
	if (r->zone && *r->zone) {
		fputs("zone\t", fp);
		put_name(fp, r->zone);
		fputc('\n', fp);
	}
	keys = sorted_keys(r->files);
	for (guint i = 0; i < keys->len; i++) {
		const struct record_file *x = g_hash_table_lookup(r->files, keys->pdata[i]);
		fputs("file\t", fp);
		put_name(fp, keys->pdata[i]);
		fprintf(fp, "\t%" G_GUINT64_FORMAT "\t%" G_GINT64_FORMAT "\t%" G_GINT64_FORMAT
			    "\t%" G_GUINT64_FORMAT "\t%s\n",
			x->size, x->mtime_ns, x->ctime_ns, x->ino, x->sha);
	}
	g_ptr_array_free(keys, TRUE);
	keys = sorted_keys(r->outputs);
	for (guint i = 0; i < keys->len; i++) {
		const struct record_output *o = g_hash_table_lookup(r->outputs, keys->pdata[i]);
		fputs("output\t", fp);
		put_name(fp, keys->pdata[i]);
		fprintf(fp, "\t%" G_GUINT64_FORMAT "\t%" G_GUINT64_FORMAT "\t%" G_GUINT64_FORMAT
			    "\t%" G_GINT64_FORMAT "\t%s\t%s",
			o->id.dev, o->id.ino, o->id.size, o->id.ctime_ns, o->id.sha, o->key);
		for (guint j = 0; j < o->deps->len; j++) {
			fputc('\t', fp);
			put_name(fp, o->deps->pdata[j]);
		}
		fputc('\n', fp);
	}
	g_ptr_array_free(keys, TRUE);
}
