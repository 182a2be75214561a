/* slm check [--as-of D] [PATH]: validate, then check that the agreements of a repository agree
 * with each other (the rule catalogue, DESIGN §4). */
#include "cli.h"
#include "timecore.h"

#include <getopt.h>
#include <stdio.h>

static const char usage_text[] =
	"usage: slm check [--as-of DATE] [--format FMT] [-o FILE] [--werror] [--quiet] [PATH]\n\n"
	"Validate every document of the repository at PATH (default: the current folder),\n"
	"then check that they agree with each other: ids and references, and the rules\n"
	"listed by 'slm rules'.\n\n"
	"  --as-of DATE   the date time-dependent rules judge by (YYYY-MM-DD; default: today\n"
	"                 in the organization's time zone, the tz= of its first calendar;\n"
	"                 UTC without one)\n"
	"  --format FMT   output format: text (default), json, junit, sarif, svrl, github, xml,\n"
	"                 or pdf: the nonconformity report (不合格报告), with -o FILE\n"
	"  -o FILE        write the diagnostics to FILE (atomically) instead of stdout\n"
	"  --werror       warnings make the exit status 1 too\n"
	"  --config FILE  rule severities per rule and path (default: PATH/.slm-config.xml,\n"
	"                 when present; see docs/config.md)\n"
	"  --no-config    ignore the repository's configuration\n"
	"  -q, --quiet    print nothing; only the exit status tells\n"
	"  -h, --help     this help\n\n"
	"Exit status: 0 clean, 1 findings at error severity, 2 usage or I/O failure.\n";

int cmd_check(int argc, char **argv)
{
	static const struct option opts[] = {
		{"as-of", required_argument, NULL, 'a'},  {"format", required_argument, NULL, 'f'},
		{"output", required_argument, NULL, 'o'}, {"werror", no_argument, NULL, 'W'},
		{"quiet", no_argument, NULL, 'q'},	  {"help", no_argument, NULL, 'h'},
		{"config", required_argument, NULL, 'c'}, {"no-config", no_argument, NULL, 'C'},
		{NULL, 0, NULL, 0}};
	static char *dot[] = {".", NULL};
	char *paths[2] = {NULL, NULL};
	struct run_opts o = {.command = "check", .rules = true};
	int c;

	optind = 1;
	opterr = 0; /* cli_usage_error words it */
	while ((c = getopt_long(argc, argv, ":o:qh", opts, NULL)) != -1) {
		switch (c) {
		case 'a':
			if (time_parse_date(optarg, &o.as_of) != TIME_OK)
				return cli_usage_error("check",
						       "--as-of '%s' is not a date (YYYY-MM-DD)",
						       optarg);
			o.as_of_given = true;
			break;
		case 'f':
			o.format = optarg;
			break;
		case 'o':
			o.out_path = optarg;
			break;
		case 'W':
			o.werror = true;
			break;
		case 'c':
			o.config = optarg;
			break;
		case 'C':
			o.no_config = true;
			break;
		case 'q':
			o.quiet = true;
			break;
		case 'h':
			fputs(usage_text, stdout);
			return 0;
		case ':':
			return cli_usage_error("check", "option '%s' needs a value", argv[optind - 1]);
		default:
			return cli_usage_error("check", "unknown option '%s'", argv[optind - 1]);
		}
	}
	if (argc - optind > 1)
		return cli_usage_error("check", "one repository at a time (got %d paths)",
				       argc - optind);
	paths[0] = optind < argc ? argv[optind] : NULL;
	o.paths = paths[0] ? paths : dot;
	return cli_run(&o);
}
