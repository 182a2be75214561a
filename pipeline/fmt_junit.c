/* The JUnit XML formatter, for the test report views of GitLab, Jenkins and other CI servers.
 *
 * A rule of the catalogue is a test the repository passes or fails, so there is one testcase per
 * rule that the run ran (every rule but render's for check; io-error, unsafe-path, xml-malformed
 * and schema for validate), in catalogue order, named after the rule with classname "slm.RULE".
 * The number of tests is then the same from run to run, a rule keeps its history in Jenkins, and
 * a clean repository is all green.  A rule with findings that fail the run (errors) fails: one
 * <failure type="error"> (<error type="fatal"> for an I/O failure, which is not a finding about
 * the agreements) whose message counts them and whose body lists them in the text form, related
 * locations as note lines.  Findings that do not fail the run (warnings, notes) go to the
 * testcase's <system-out>, and it passes.  Inside <testsuites>, one <testsuite name="slm check">
 * (or "slm validate"); tests, failures and errors count testcases, as JUnit readers expect.  No
 * time, timestamp or hostname: output depends on the input only.  The shape is that of the
 * Jenkins JUnit schema (tests/formats/junit.xsd). */
#include "fmt.h"

/* What rule R reported: the findings that fail the run (errors, I/O failures, and warnings
 * under --werror) and those that do not (notes; warnings otherwise). */
struct tally {
	unsigned fatal, errors, quiet;
};

static bool fails(const struct diag *d, const struct run_info *run)
{
	return d->severity >= SEV_ERROR || (run->werror && d->severity == SEV_WARNING);
}

static struct tally count(const struct diag_list *dl, enum rule r, const struct run_info *run)
{
	struct tally t = {0, 0, 0};

	for (guint i = 0; i < dl->items->len; i++) {
		const struct diag *d = dl->items->pdata[i];
		if (d->rule != r || d->severity < SEV_NOTE)
			continue;
		if (d->severity == SEV_FATAL)
			t.fatal++;
		else if (fails(d, run))
			t.errors++;
		else
			t.quiet++;
	}
	return t;
}

static void plural(GString *s, unsigned n, const char *what)
{
	if (!n)
		return;
	if (s->len)
		g_string_append(s, ", ");
	g_string_append_printf(s, "%u %s%s", n, what, n == 1 ? "" : "s");
}

/* The findings of rule R that fail the run (FAILING) or not, in the text form. */
static GString *lines(const struct diag_list *dl, enum rule r, bool failing,
		      const struct run_info *run)
{
	GString *s = g_string_new(NULL);

	for (guint i = 0; i < dl->items->len; i++) {
		const struct diag *d = dl->items->pdata[i];
		if (d->rule == r && d->severity >= SEV_NOTE && fails(d, run) == failing)
			fmt_diag_lines(s, d);
	}
	return s;
}

/* <error> when an I/O failure is among them (not a finding about the agreements), else
 * <failure>: a message that counts the failing findings, a body that lists them. */
static void failure(FILE *out, const struct diag_list *dl, enum rule r, struct tally t,
		    const struct run_info *run)
{
	const char *tag = t.fatal ? "error" : "failure";
	GString *msg = g_string_new(NULL), *body = lines(dl, r, true, run);

	plural(msg, t.fatal, "fatal error");
	plural(msg, t.errors, "error");
	g_string_append_printf(msg, ": %s", rule_info(r)->summary);
	fprintf(out, "      <%s message=\"", tag);
	fmt_xml_escape(out, msg->str, true);
	fprintf(out, "\" type=\"%s\">", t.fatal ? "fatal" : "error");
	fmt_xml_escape(out, body->str, false);
	fprintf(out, "</%s>\n", tag);
	g_string_free(msg, TRUE);
	g_string_free(body, TRUE);
}

static void testcase(FILE *out, const struct diag_list *dl, enum rule r, struct tally t,
		     const struct run_info *run)
{
	const char *name = rule_info(r)->name; /* kebab-case: nothing to escape */

	fprintf(out, "    <testcase name=\"%s\" classname=\"slm.%s\"", name, name);
	if (!t.fatal && !t.errors && !t.quiet) {
		fputs("/>\n", out);
		return;
	}
	fputs(">\n", out);
	if (t.fatal || t.errors)
		failure(out, dl, r, t, run);
	if (t.quiet) {
		GString *body = lines(dl, r, false, run);
		fputs("      <system-out>", out);
		fmt_xml_escape(out, body->str, false);
		fputs("</system-out>\n", out);
		g_string_free(body, TRUE);
	}
	fputs("    </testcase>\n", out);
}

void fmt_junit(FILE *out, const struct diag_list *dl, const struct run_info *run)
{
	struct tally tally[RULE_COUNT];
	bool ran[RULE_COUNT];
	unsigned tests = 0, failures = 0, errors = 0;
	char *attrs;

	for (int r = 0; r < RULE_COUNT; r++) {
		ran[r] = fmt_rule_ran(run, dl, (enum rule)r);
		tally[r] = count(dl, (enum rule)r, run);
		tests += ran[r];
		errors += ran[r] && tally[r].fatal;
		failures += ran[r] && !tally[r].fatal && tally[r].errors;
	}
	attrs = g_strdup_printf("name=\"slm %s\" tests=\"%u\" failures=\"%u\" errors=\"%u\"",
				run->command, tests, failures, errors);
	fputs("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n", out);
	fprintf(out, "<testsuites %s>\n", attrs);
	fprintf(out, "  <testsuite %s skipped=\"0\">\n", attrs);
	fputs("    <properties>\n", out);
	fprintf(out, "      <property name=\"slm.version\" value=\"%s\"/>\n", SLM_VERSION);
	fprintf(out, "      <property name=\"slm.files\" value=\"%u\"/>\n", run->files);
	fputs("    </properties>\n", out);
	for (int r = 0; r < RULE_COUNT; r++)
		if (ran[r])
			testcase(out, dl, (enum rule)r, tally[r], run);
	fputs("  </testsuite>\n", out);
	fputs("</testsuites>\n", out);
	g_free(attrs);
}
