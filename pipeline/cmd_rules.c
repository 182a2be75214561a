/* slm rules: the catalogue, one rule a line: name, default severity, seed step, summary. */
#include "cli.h"
#include "diag.h"

#include <stdio.h>
#include <string.h>

int cmd_rules(int argc, char **argv)
{
	if (argc > 1 && (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0)) {
		puts("usage: slm rules\n\nList every rule: name, default severity, the seed step it "
		     "enforces, summary.\n'slm explain RULE' tells more about one.");
		return 0;
	}
	if (argc > 1)
		return cli_usage_error("rules", "takes no arguments");
	printf("%-22s %-12s %-8s %s\n", "RULE", "SEVERITY", "STEP", "SUMMARY");
	for (int r = 0; r < RULE_COUNT; r++) {
		const struct rule_info *ri = rule_info((enum rule)r);
		/* "—" is one column wide but three bytes: pad by hand */
		int pad = strcmp(ri->step, "—") == 0 ? 10 : 8;
		printf("%-22s %-12s %-*s %s\n", ri->name, severity_name(ri->severity), pad,
		       ri->step, ri->summary);
	}
	puts("\nSteps: 1-14 the SLA lifecycle of the seed, T1-T7 its termination sub-process,\n"
	     "roles its table of roles; — structural rules.");
	return 0;
}
