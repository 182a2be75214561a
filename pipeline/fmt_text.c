/* The text formatter: GCC's `file:line:col: severity: message [rule]`, related locations as
 * `note:` lines after their diagnostic, then one summary line.  Editors and CI parse this form. */
#include "fmt.h"

static void location(FILE *out, const struct location *loc)
{
	if (loc->line > 0)
		fprintf(out, "%s:%ld:%ld: ", loc->file, loc->line, loc->col > 0 ? loc->col : 1);
	else
		fprintf(out, "%s: ", loc->file);
}

static void plural(GString *s, unsigned n, const char *what)
{
	if (s->len)
		g_string_append(s, ", ");
	g_string_append_printf(s, "%u %s%s", n, what, n == 1 ? "" : "s");
}

void fmt_text(FILE *out, const struct diag_list *dl, const struct run_info *run)
{
	struct diag_counts c = diag_list_count(dl);
	GString *sum = g_string_new(NULL);

	fmt_text_lines(out, dl);
	plural(sum, c.n[SEV_ERROR] + c.n[SEV_FATAL], "error");
	plural(sum, c.n[SEV_WARNING], "warning");
	plural(sum, c.n[SEV_NOTE], "note");
	fprintf(out, "slm %s: %s in %u file%s\n", run->command, sum->str, run->files,
		run->files == 1 ? "" : "s");
	g_string_free(sum, TRUE);
}

void fmt_text_lines(FILE *out, const struct diag_list *dl)
{
	for (guint i = 0; i < dl->items->len; i++) {
		const struct diag *d = dl->items->pdata[i];

		if (d->severity < SEV_NOTE)
			continue;
		location(out, &d->loc);
		fprintf(out, "%s: %s [%s]\n", severity_name(d->severity), d->message,
			rule_info(d->rule)->name);
		for (guint j = 0; d->related && j < d->related->len; j++) {
			const struct related *r = d->related->pdata[j];
			location(out, &r->loc);
			fprintf(out, "note: %s\n", r->message);
		}
	}
}
