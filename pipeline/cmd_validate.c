/* slm validate [PATH…]: well-formedness and schema validity of every *.xml under each PATH. */
#include "cli.h"

#include <getopt.h>
#include <stdio.h>

static const char usage_text[] =
	"usage: slm validate [--format FMT] [-o FILE] [--quiet] [PATH...]\n\n"
	"Check that every *.xml file under each PATH (default: the current folder) is a\n"
	"well-formed UTF-8 XML document valid against slm's schema for its kind.\n\n"
	"  --format FMT   output format: text (default), json, junit, sarif, svrl, github, xml\n"
	"  -o FILE        write the diagnostics to FILE (atomically) instead of stdout\n"
	"  -q, --quiet    print nothing; only the exit status tells\n"
	"  -h, --help     this help\n\n"
	"Exit status: 0 valid, 1 invalid documents, 2 usage or I/O failure.\n";

int cmd_validate(int argc, char **argv)
{
	static const struct option opts[] = {
		{"format", required_argument, NULL, 'f'}, {"output", required_argument, NULL, 'o'},
		{"quiet", no_argument, NULL, 'q'},	  {"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0}};
	static char *dot[] = {".", NULL};
	struct run_opts o = {.command = "validate"};
	int c;

	optind = 1;
	opterr = 0; /* cli_usage_error words it */
	while ((c = getopt_long(argc, argv, ":o:qh", opts, NULL)) != -1) {
		switch (c) {
		case 'f':
			o.format = optarg;
			break;
		case 'o':
			o.out_path = optarg;
			break;
		case 'q':
			o.quiet = true;
			break;
		case 'h':
			fputs(usage_text, stdout);
			return 0;
		case ':':
			return cli_usage_error("validate", "option '%s' needs a value", argv[optind - 1]);
		default:
			return cli_usage_error("validate", "unknown option '%s'", argv[optind - 1]);
		}
	}
	o.paths = optind < argc ? argv + optind : dot;
	return cli_run(&o);
}
