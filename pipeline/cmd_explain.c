/* slm explain RULE: the paragraph that explains a rule and how to fix what it reports. */
#include "cli.h"
#include "diag.h"

#include <stdio.h>
#include <string.h>

/* Print TEXT wrapped at 78 columns (ASCII spaces only; the catalogue is English). */
static void wrap(const char *text)
{
	const char *p = text;
	int col = 0;

	while (*p) {
		const char *sp = strchr(p, ' ');
		int len = sp ? (int)(sp - p) : (int)strlen(p);
		if (col && col + 1 + len > 78) {
			putchar('\n');
			col = 0;
		} else if (col) {
			putchar(' ');
			col++;
		}
		printf("%.*s", len, p);
		col += len;
		p += len;
		while (*p == ' ')
			p++;
	}
	putchar('\n');
}

int cmd_explain(int argc, char **argv)
{
	enum rule r;
	const struct rule_info *ri;

	if (argc > 1 && (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0)) {
		puts("usage: slm explain RULE\n\nExplain a rule (see 'slm rules'): what makes it "
		     "fire, why, and how to fix it.");
		return 0;
	}
	if (argc != 2)
		return cli_usage_error("explain", "name one rule (see 'slm rules')");
	if (!rule_by_name(argv[1], &r))
		return cli_usage_error("explain", "no rule named '%s' (see 'slm rules')", argv[1]);
	ri = rule_info(r);
	printf("%s: %s\nDefault severity: %s.  Seed step: %s.\n\n", ri->name, ri->summary,
	       severity_name(ri->severity), ri->step);
	wrap(ri->explain);
	return 0;
}
