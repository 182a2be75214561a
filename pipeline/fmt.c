/* The table of formatters (text first: it is the default) and the helpers they share: UTF-8
 * walking that never lets an invalid byte through, XML escaping, the text form of a location and
 * of a diagnostic, and which rules a run ran.  Each format lives in its own fmt_NAME.c. */
#include "fmt.h"

#include <string.h>

static const struct formatter formatters[] = {
	{"text", fmt_text},   {"json", fmt_json}, {"junit", fmt_junit},
	{"sarif", fmt_sarif}, {"svrl", fmt_svrl}, {"github", fmt_github},
	{"xml", fmt_xml},
};

const struct formatter *fmt_by_name(const char *name)
{
	for (size_t i = 0; i < G_N_ELEMENTS(formatters); i++)
		if (strcmp(formatters[i].name, name) == 0)
			return &formatters[i];
	return NULL;
}

const char *fmt_names(void)
{
	return "text, json, junit, sarif, svrl, github, xml";
}

int fmt_utf8_char(const char *p, gunichar *c)
{
	gunichar u = g_utf8_get_char_validated(p, -1);

	if (u == (gunichar)-1 || u == (gunichar)-2)
		return 0;
	*c = u;
	return (int)(g_utf8_next_char(p) - p);
}

const char *fmt_severity_word(enum severity s)
{
	return s == SEV_FATAL ? "fatal" : severity_name(s);
}

void fmt_location(GString *s, const struct location *loc)
{
	if (loc->line > 0)
		g_string_append_printf(s, "%s:%ld:%ld", loc->file, loc->line,
				       loc->col > 0 ? loc->col : 1);
	else
		g_string_append(s, loc->file);
}

void fmt_diag_lines(GString *s, const struct diag *d)
{
	fmt_location(s, &d->loc);
	g_string_append_printf(s, ": %s: %s\n", severity_name(d->severity), d->message);
	for (guint j = 0; d->related && j < d->related->len; j++) {
		const struct related *r = d->related->pdata[j];
		fmt_location(s, &r->loc);
		g_string_append_printf(s, ": note: %s\n", r->message);
	}
}

bool fmt_rule_ran(const struct run_info *run, const struct diag_list *dl, enum rule r)
{
	enum rule render;

	for (guint i = 0; i < dl->items->len; i++) {
		const struct diag *d = dl->items->pdata[i];
		if (d->rule == r && d->severity >= SEV_NOTE)
			return true;
	}
	/* validate runs only what a file alone can show: the rules before duplicate-id in the
	 * catalogue (io-error, unsafe-path, xml-malformed, schema); check runs all but render's. */
	if (strcmp(run->command, "validate") == 0)
		return r <= RULE_SCHEMA;
	if (strcmp(run->command, "check") == 0)
		return !(rule_by_name("render", &render) && r == render);
	return true;
}

/* XML 1.0 Char: #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF].  Valid
 * UTF-8 holds no surrogates, so only the controls and the two non-characters remain. */
static bool xml_char(gunichar c)
{
	if (c < 0x20)
		return c == '\t' || c == '\n' || c == '\r';
	return c != 0xFFFE && c != 0xFFFF;
}

void fmt_xml_escape(FILE *out, const char *s, bool attribute)
{
	while (*s) {
		gunichar c;
		int n = fmt_utf8_char(s, &c);

		if (n == 0 || !xml_char(c)) {
			fputs("\xEF\xBF\xBD", out);
			s += n ? n : 1;
			continue;
		}
		switch (c) {
		case '&':
			fputs("&amp;", out);
			break;
		case '<':
			fputs("&lt;", out);
			break;
		case '>': /* so that "]]>" never appears */
			fputs("&gt;", out);
			break;
		case '"':
			fputs("&quot;", out);
			break;
		case '\r': /* a parser would turn a raw CR into LF */
			fputs("&#13;", out);
			break;
		case '\n':
		case '\t': /* attribute-value normalisation would turn them into spaces */
			if (attribute)
				fprintf(out, "&#%u;", (unsigned)c);
			else
				fputc((int)c, out);
			break;
		default:
			fwrite(s, 1, (size_t)n, out);
		}
		s += n;
	}
}
