/* The JSON formatter, and the small JSON writer it shares with SARIF (fmt_sarif.c).
 *
 * One object: {"tool":"slm","version","command","files","summary":{"errors","warnings","notes"},
 * "diagnostics":[{"file","line","column","severity","rule","message","related":[{"file","line",
 * "message"}]}]}, in the order of the sorted list.  "line" is 0 when the finding concerns the whole
 * file, and "column" is then 0 too; otherwise "column" is at least 1, as in the text form.
 * "severity" is note, warning, error or fatal (an I/O failure); "errors" counts error and fatal, as
 * the text summary does.  "related" is always present, possibly empty, so consumers need no
 * special case.  Strings are escaped per RFC 8259: quote, backslash and control characters (as
 * \u00XX), nothing else: non-ASCII text stays readable UTF-8. */
#include "fmt.h"

void json_string(FILE *out, const char *s)
{
	fputc('"', out);
	while (*s) {
		gunichar c;
		int n = fmt_utf8_char(s, &c);

		if (n == 0) {
			fputs("\xEF\xBF\xBD", out); /* not UTF-8: JSON text must be */
			s++;
			continue;
		}
		if (c == '"' || c == '\\')
			fprintf(out, "\\%c", (int)c);
		else if (c < 0x20)
			fprintf(out, "\\u%04X", (unsigned)c);
		else
			fwrite(s, 1, (size_t)n, out);
		s += n;
	}
	fputc('"', out);
}

/* Before a member or element: the comma after the previous one, a new line, the indentation. */
static void json_next(struct json_writer *j)
{
	if (j->depth > 0) {
		fputs(j->more[j->depth] ? ",\n" : "\n", j->out);
		j->more[j->depth] = true;
	}
	for (int i = 0; i < j->depth; i++)
		fputs("  ", j->out);
}

static void json_key(struct json_writer *j, const char *key)
{
	json_next(j);
	if (key) {
		json_string(j->out, key);
		fputs(": ", j->out);
	}
}

void json_open(struct json_writer *j, const char *key, char bracket)
{
	json_key(j, key);
	fputc(bracket, j->out);
	j->depth++;
	g_assert(j->depth < JSON_MAX_DEPTH); /* nesting is fixed by the formatters, not by input */
	j->more[j->depth] = false;
}

void json_close(struct json_writer *j, char bracket)
{
	bool had = j->more[j->depth];

	j->depth--;
	if (had) {
		fputc('\n', j->out);
		for (int i = 0; i < j->depth; i++)
			fputs("  ", j->out);
	}
	fputc(bracket, j->out);
	if (j->depth == 0)
		fputc('\n', j->out);
}

void json_str(struct json_writer *j, const char *key, const char *value)
{
	json_key(j, key);
	json_string(j->out, value);
}

void json_int(struct json_writer *j, const char *key, long value)
{
	json_key(j, key);
	fprintf(j->out, "%ld", value);
}

static void diagnostic(struct json_writer *j, const struct diag *d)
{
	json_open(j, NULL, '{');
	json_str(j, "file", d->loc.file);
	json_int(j, "line", d->loc.line > 0 ? d->loc.line : 0);
	json_int(j, "column", d->loc.line > 0 ? (d->loc.col > 0 ? d->loc.col : 1) : 0);
	json_str(j, "severity", fmt_severity_word(d->severity));
	json_str(j, "rule", rule_info(d->rule)->name);
	json_str(j, "message", d->message);
	json_open(j, "related", '[');
	for (guint k = 0; d->related && k < d->related->len; k++) {
		const struct related *r = d->related->pdata[k];
		json_open(j, NULL, '{');
		json_str(j, "file", r->loc.file);
		json_int(j, "line", r->loc.line > 0 ? r->loc.line : 0);
		json_str(j, "message", r->message);
		json_close(j, '}');
	}
	json_close(j, ']');
	json_close(j, '}');
}

void fmt_json(FILE *out, const struct diag_list *dl, const struct run_info *run)
{
	struct json_writer j = {.out = out};
	struct diag_counts c = diag_list_count(dl);

	json_open(&j, NULL, '{');
	json_str(&j, "tool", "slm");
	json_str(&j, "version", SLM_VERSION);
	json_str(&j, "command", run->command);
	json_int(&j, "files", run->files);
	json_open(&j, "summary", '{');
	json_int(&j, "errors", c.n[SEV_ERROR] + c.n[SEV_FATAL]);
	json_int(&j, "warnings", c.n[SEV_WARNING]);
	json_int(&j, "notes", c.n[SEV_NOTE]);
	json_close(&j, '}');
	json_open(&j, "diagnostics", '[');
	for (guint i = 0; i < dl->items->len; i++) {
		const struct diag *d = dl->items->pdata[i];
		if (d->severity >= SEV_NOTE)
			diagnostic(&j, d);
	}
	json_close(&j, ']');
	json_close(&j, '}');
}
