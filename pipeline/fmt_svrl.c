/* The SVRL formatter: Schematron Validation Report Language (ISO/IEC 19757-3 Annex D), for
 * tools that already read Schematron reports.
 *
 * The mapping: a rule of the catalogue is a Schematron pattern, so every rule the run ran is an
 * <svrl:active-pattern id="RULE" name="summary"/> (in catalogue order, each followed by one
 * <svrl:fired-rule context="/"/>: slm's rules look at the whole repository, and SVRL needs a
 * fired rule before any failed assertion, and at least one pattern even in a clean report).
 * Each diagnostic is an <svrl:failed-assert> of its rule's pattern, in list order: id "RULE.N"
 * (N counts from 1 within the rule; '.' cannot occur in a rule name, so ids are unique and
 * NCNames), test and flag the rule name, role the severity word (note, warning, error, fatal),
 * location "file:line:col" as in the text form ("file" alone when the finding concerns the whole
 * file: slm has no XPath to give), related locations as <svrl:diagnostic-reference
 * diagnostic="related"> whose text is "file:line:col: message", then <svrl:text> with the
 * message.  tests/formats/svrl.rng is the grammar it is checked against. */
#include "fmt.h"

static void failed_assert(FILE *out, const struct diag *d, unsigned n)
{
	const char *rule = rule_info(d->rule)->name; /* kebab-case: nothing to escape */
	GString *loc = g_string_new(NULL);

	fmt_location(loc, &d->loc);
	fprintf(out,
		"  <svrl:failed-assert id=\"%s.%u\" test=\"%s\" flag=\"%s\" role=\"%s\" "
		"location=\"",
		rule, n, rule, rule, fmt_severity_word(d->severity));
	fmt_xml_escape(out, loc->str, true);
	fputs("\">\n", out);
	for (guint k = 0; d->related && k < d->related->len; k++) {
		const struct related *r = d->related->pdata[k];
		g_string_truncate(loc, 0);
		fmt_location(loc, &r->loc);
		g_string_append_printf(loc, ": %s", r->message);
		fputs("    <svrl:diagnostic-reference diagnostic=\"related\"><svrl:text>", out);
		fmt_xml_escape(out, loc->str, false);
		fputs("</svrl:text></svrl:diagnostic-reference>\n", out);
	}
	fputs("    <svrl:text>", out);
	fmt_xml_escape(out, d->message, false);
	fputs("</svrl:text>\n  </svrl:failed-assert>\n", out);
	g_string_free(loc, TRUE);
}

void fmt_svrl(FILE *out, const struct diag_list *dl, const struct run_info *run)
{
	fputs("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n", out);
	fprintf(out,
		"<svrl:schematron-output xmlns:svrl=\"http://purl.oclc.org/dsdl/svrl\" "
		"title=\"slm %s\" schemaVersion=\"%s\">\n",
		run->command, SLM_VERSION);
	for (int r = 0; r < RULE_COUNT; r++) {
		const struct rule_info *ri = rule_info((enum rule)r);
		unsigned n = 0;

		if (!fmt_rule_ran(run, dl, (enum rule)r))
			continue;
		fprintf(out, "  <svrl:active-pattern id=\"%s\" name=\"", ri->name);
		fmt_xml_escape(out, ri->summary, true);
		fputs("\"/>\n  <svrl:fired-rule context=\"/\"/>\n", out);
		for (guint i = 0; i < dl->items->len; i++) {
			const struct diag *d = dl->items->pdata[i];
			if ((int)d->rule == r && d->severity >= SEV_NOTE)
				failed_assert(out, d, ++n);
		}
	}
	fputs("</svrl:schematron-output>\n", out);
}
