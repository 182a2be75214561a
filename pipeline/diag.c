/* The diagnostic catalogue (one table, in the order of enum rule) and the diagnostic list.
 * Severities are ordered as in mandoc: note < warning < error < fatal; the exit status is the worst
 * severity seen. */
#include "diag.h"

#include <stdarg.h>
#include <string.h>

static const struct rule_info catalogue[RULE_COUNT] = {
	[RULE_IO_ERROR] = {"io-error", SEV_FATAL, "—", "a file or folder cannot be read",
		"slm could not read a file or folder it was asked to check (it does not exist, "
		"permissions deny it, or the read failed).  Nothing was checked in it, so the run "
		"stops with exit status 2 rather than pass.  Fix the path or the permissions."},
	[RULE_UNSAFE_PATH] = {"unsafe-path", SEV_ERROR, "—",
		"a symbolic link leaves the repository or loops",
		"slm reads only files inside the repository it was given.  A symbolic link that "
		"resolves outside it, or that leads back into a folder already being scanned (a link "
		"loop), is not followed and is reported, because a link can make a repository appear "
		"to contain agreements it does not hold.  Replace the link with the file itself, or "
		"remove it."},
	[RULE_XML_MALFORMED] = {"xml-malformed", SEV_ERROR, "—", "a file is not well-formed XML",
		"Every *.xml file of the repository must be a well-formed XML document in UTF-8.  "
		"Empty and binary files, invalid UTF-8, other encodings, DOCTYPE declarations "
		"(slm never loads DTDs or expands entities: they are how XML documents read local "
		"files or the network), files over the size limit and absurd nesting are refused.  "
		"The message gives the line and column of the first problem; fix the file there."},
	[RULE_SCHEMA] = {"schema", SEV_ERROR, "—",
		"a document is not valid against its kind's schema",
		"Every document must be valid against slm's schema for its kind (schemas/slm.xsd, "
		"namespace urn:slm:1), chosen by its root element.  The message names the element or "
		"attribute at fault and what the schema expects there.  docs/vocabulary.md documents "
		"every element; templates/ has a valid skeleton of every kind."},
	[RULE_DUPLICATE_ID] = {"duplicate-id", SEV_ERROR, "—", "an id is used twice",
		"Ids of documents, departments, people, customers, suppliers, calendars, services and "
		"proposal resources are unique across the repository, so that every reference names "
		"exactly one thing (ids of findings, actions and incidents are unique within their "
		"document).  The related location is the first use.  Rename one of the two, and "
		"update the references that meant it."},
	[RULE_UNRESOLVED_REF] = {"unresolved-ref", SEV_ERROR, "—",
		"a reference names nothing of the right kind",
		"References are attributes named after what they point to (sla=, service=, dept=, "
		"person=, supplier=, customer=, ref= ...).  Each must name an existing document or "
		"element of the right kind: an OLA reference must name an OLA, a person reference a "
		"person of the organization.  The message says what was expected, and suggests a "
		"close id when there is one; a related location shows a same-named thing of another "
		"kind.  Fix the typo or add the missing document."},
};

const struct rule_info *rule_info(enum rule r)
{
	g_assert(r >= 0 && r < RULE_COUNT);
	return &catalogue[r];
}

bool rule_by_name(const char *name, enum rule *out)
{
	for (int i = 0; i < RULE_COUNT; i++)
		if (strcmp(catalogue[i].name, name) == 0) {
			*out = (enum rule)i;
			return true;
		}
	return false;
}

const char *severity_name(enum severity s)
{
	switch (s) {
	case SEV_NOTE:
		return "note";
	case SEV_WARNING:
		return "warning";
	case SEV_ERROR:
		return "error";
	case SEV_FATAL:
		return "fatal error";
	default:
		return "off";
	}
}

struct diag_list *diag_list_new(void)
{
	struct diag_list *l = g_new0(struct diag_list, 1);
	l->items = g_ptr_array_new();
	l->strings = g_string_chunk_new(4096);
	return l;
}

static void related_free(gpointer p)
{
	struct related *r = p;
	g_free(r->message);
	g_free(r);
}

static void diag_free(struct diag *d)
{
	if (d->related)
		g_ptr_array_free(d->related, TRUE);
	g_free(d->message);
	g_free(d);
}

void diag_list_free(struct diag_list *l)
{
	if (!l)
		return;
	for (guint i = 0; i < l->items->len; i++)
		diag_free(l->items->pdata[i]);
	g_ptr_array_free(l->items, TRUE);
	g_string_chunk_free(l->strings);
	g_free(l);
}

struct diag *diag_add(struct diag_list *l, enum rule r, const char *file, long line, long col,
		      const char *fmt, ...)
{
	struct diag *d = g_new0(struct diag, 1);
	va_list ap;

	d->rule = r;
	d->severity = rule_info(r)->severity;
	d->loc.file = g_string_chunk_insert_const(l->strings, file);
	d->loc.line = line;
	d->loc.col = col;
	va_start(ap, fmt);
	d->message = g_strdup_vprintf(fmt, ap);
	va_end(ap);
	g_ptr_array_add(l->items, d);
	return d;
}

void diag_add_related(struct diag_list *l, struct diag *d, const char *file, long line,
		      const char *fmt, ...)
{
	struct related *r = g_new0(struct related, 1);
	va_list ap;

	r->loc.file = g_string_chunk_insert_const(l->strings, file);
	r->loc.line = line;
	va_start(ap, fmt);
	r->message = g_strdup_vprintf(fmt, ap);
	va_end(ap);
	if (!d->related)
		d->related = g_ptr_array_new_with_free_func(related_free);
	g_ptr_array_add(d->related, r);
}

/* Re-home a location's file string into DST's chunk: SRC's chunk is freed with SRC. */
static void rehome(struct diag_list *dst, struct location *loc)
{
	loc->file = g_string_chunk_insert_const(dst->strings, loc->file);
}

void diag_list_take(struct diag_list *dst, struct diag_list *src)
{
	for (guint i = 0; i < src->items->len; i++) {
		struct diag *d = src->items->pdata[i];
		rehome(dst, &d->loc);
		for (guint j = 0; d->related && j < d->related->len; j++)
			rehome(dst, &((struct related *)d->related->pdata[j])->loc);
		g_ptr_array_add(dst->items, d);
	}
	g_ptr_array_set_size(src->items, 0);
}

static int cmp_diag(gconstpointer a, gconstpointer b)
{
	const struct diag *x = *(struct diag *const *)a, *y = *(struct diag *const *)b;
	int c = strcmp(x->loc.file, y->loc.file);

	if (c)
		return c;
	if (x->loc.line != y->loc.line)
		return x->loc.line < y->loc.line ? -1 : 1;
	if (x->loc.col != y->loc.col)
		return x->loc.col < y->loc.col ? -1 : 1;
	c = strcmp(rule_info(x->rule)->name, rule_info(y->rule)->name);
	return c ? c : strcmp(x->message, y->message);
}

void diag_list_sort(struct diag_list *l)
{
	g_ptr_array_sort(l->items, cmp_diag);
}

struct diag_counts diag_list_count(const struct diag_list *l)
{
	struct diag_counts c = {{0}};

	for (guint i = 0; i < l->items->len; i++) {
		const struct diag *d = l->items->pdata[i];
		if (d->severity >= SEV_NOTE)
			c.n[d->severity]++;
	}
	return c;
}

int diag_exit_status(const struct diag_list *l, bool werror)
{
	struct diag_counts c = diag_list_count(l);

	if (c.n[SEV_FATAL])
		return 2;
	if (c.n[SEV_ERROR] || (werror && c.n[SEV_WARNING]))
		return 1;
	return 0;
}
