/* The GitHub Actions formatter: one workflow command per diagnostic, which the runner turns into
 * an annotation on the file and line of the pull request.
 *
 *   ::error file=F,line=L,col=C,title=RULE::message
 *
 * error for errors and fatal errors, warning, notice for notes; line and col are left out when the
 * finding concerns the whole file.  Related locations follow the message on lines of their own in
 * the text form ("file:line:col: note: message"), as an annotation shows only one place.  Escaping
 * is the runner's: in the message % CR LF become %25 %0D %0A, in property values also : and ,
 * become %3A and %2C.  Nothing else is printed: the runner shows the commands as the job's log,
 * and a clean run prints nothing. */
#include "fmt.h"

static const char *command(enum severity s)
{
	switch (s) {
	case SEV_NOTE:
		return "notice";
	case SEV_WARNING:
		return "warning";
	default:
		return "error";
	}
}

static void escape(FILE *out, const char *s, bool property)
{
	while (*s) {
		gunichar c;
		int n = fmt_utf8_char(s, &c);

		if (n == 0) {
			fputs("\xEF\xBF\xBD", out);
			s++;
			continue;
		}
		if (c == '%')
			fputs("%25", out);
		else if (c == '\r')
			fputs("%0D", out);
		else if (c == '\n')
			fputs("%0A", out);
		else if (property && c == ':')
			fputs("%3A", out);
		else if (property && c == ',')
			fputs("%2C", out);
		else
			fwrite(s, 1, (size_t)n, out);
		s += n;
	}
}

void fmt_github(FILE *out, const struct diag_list *dl, const struct run_info *run)
{
	GString *msg = g_string_new(NULL);

	(void)run;
	for (guint i = 0; i < dl->items->len; i++) {
		const struct diag *d = dl->items->pdata[i];

		if (d->severity < SEV_NOTE)
			continue;
		fprintf(out, "::%s file=", command(d->severity));
		escape(out, d->loc.file, true);
		if (d->loc.line > 0)
			fprintf(out, ",line=%ld,col=%ld", d->loc.line,
				d->loc.col > 0 ? d->loc.col : 1);
		fprintf(out, ",title=%s::", rule_info(d->rule)->name);
		g_string_assign(msg, d->message);
		for (guint k = 0; d->related && k < d->related->len; k++) {
			const struct related *r = d->related->pdata[k];
			g_string_append_c(msg, '\n');
			fmt_location(msg, &r->loc);
			g_string_append_printf(msg, ": note: %s", r->message);
		}
		escape(out, msg->str, false);
		fputc('\n', out);
	}
	g_string_free(msg, TRUE);
}
