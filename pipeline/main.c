/* slm: service level management as code.  Dispatches to the subcommands (git's table of
 * builtins). */
#include "cli.h"
#include <errno.h>
#include <stdio.h>
#include <string.h>

struct command {
	const char *name;
	int (*fn)(int argc, char **argv);
	const char *summary;
};

static const struct command commands[] = {
	{"validate", cmd_validate, "check that documents are well-formed and valid"},
	{"check", cmd_check, "validate, then check that the agreements agree with each other"},
	{"rules", cmd_rules, "list every rule with its severity and seed step"},
	{"explain", cmd_explain, "explain a rule and how to fix what it reports"},
	{"build", cmd_build, "validate, check and render everything that changed (the main job)"},
	{"render", cmd_render, "render documents to PDF through their kind's stylesheet"},
	{"new", cmd_new, "write a new document from its kind's template"},
	{"diff", cmd_diff, "compare two versions of an agreement semantically"},
};

static void usage(FILE *out)
{
	fprintf(out, "usage: slm [--version] [--help] COMMAND [ARGS]\n\n"
		     "Service level management as code: validate, check and render the agreements\n"
		     "of a repository (SLAs, OLAs, supplier contracts, reports, reviews...).\n\n"
		     "Commands:\n");
	for (size_t i = 0; i < G_N_ELEMENTS(commands); i++)
		fprintf(out, "  %-10s %s\n", commands[i].name, commands[i].summary);
	fprintf(out, "\nRun 'slm COMMAND --help' for the options of a command.\n"
		     "Exit status: 0 clean, 1 findings at error severity, 2 usage or I/O failure.\n");
}

/* What went to standard output must have been written: a full disk or a closed descriptor is an
 * I/O failure (exit 2), whatever the command found. */
static int finish(int rc)
{
	if (fflush(stdout) != 0 || ferror(stdout)) {
		int e = errno;
		if (rc != EXIT_USAGE) /* else the command has said it */
			fprintf(stderr, "slm: cannot write the output: %s\n",
				g_strerror(e ? e : EIO));
		return EXIT_USAGE;
	}
	return rc;
}

int main(int argc, char **argv)
{
	int rc;

	if (argc < 2) {
		usage(stderr);
		return EXIT_USAGE;
	}
	if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0 ||
	    strcmp(argv[1], "help") == 0) {
		usage(stdout);
		return finish(0);
	}
	if (strcmp(argv[1], "--version") == 0) {
		printf("slm %s\n", SLM_VERSION);
		return finish(0);
	}
	for (size_t i = 0; i < G_N_ELEMENTS(commands); i++) {
		if (strcmp(argv[1], commands[i].name) != 0)
			continue;
		cli_init();
		rc = cli_clock_init() ? commands[i].fn(argc - 1, argv + 1) : EXIT_USAGE;
		cli_fini();
		return finish(rc);
	}
	fprintf(stderr, "slm: '%s' is not an slm command.\n", argv[1]);
	usage(stderr);
	return EXIT_USAGE;
}
