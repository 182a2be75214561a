/* Formatters: each writes the same diagnostic list in one output format (STYLE §5).  No rule
 * knows about formats; no formatter knows about rules beyond the catalogue. */
#ifndef SLM_FMT_H
#define SLM_FMT_H

#include "diag.h"

#include <stdio.h>

struct run_info {
	const char *command;	/* "validate", "check" */
	unsigned files;		/* documents examined */
	const char *as_of;	/* check: the date time-dependent rules judged by, or NULL */
	const char *repository; /* the repository as given on the command line, or NULL */
	bool werror;		/* warnings fail the run (--werror) */
};

struct formatter {
	const char *name;
	void (*write)(FILE *out, const struct diag_list *dl, const struct run_info *run);
};

const struct formatter *fmt_by_name(const char *name);
/* "text, json, ..." for usage messages */
const char *fmt_names(void);

void fmt_text(FILE *out, const struct diag_list *dl, const struct run_info *run);
/* The diagnostic lines of the text form, without the summary (for messages on stderr). */
void fmt_text_lines(FILE *out, const struct diag_list *dl);
void fmt_json(FILE *out, const struct diag_list *dl, const struct run_info *run);
void fmt_junit(FILE *out, const struct diag_list *dl, const struct run_info *run);
void fmt_sarif(FILE *out, const struct diag_list *dl, const struct run_info *run);
void fmt_svrl(FILE *out, const struct diag_list *dl, const struct run_info *run);
void fmt_github(FILE *out, const struct diag_list *dl, const struct run_info *run);
void fmt_xml(FILE *out, const struct diag_list *dl, const struct run_info *run);

/* Helpers shared by the formatters (fmt.c). */

/* The length in bytes of the valid UTF-8 character at P (> 0), with the character in *C; 0 when
 * P starts no valid character: the caller writes U+FFFD for that one byte and goes on, so that
 * every format stays valid UTF-8 whatever bytes a file name or message holds. */
int fmt_utf8_char(const char *p, gunichar *c);
/* One word per severity, for formats that need a token: note, warning, error, fatal. */
const char *fmt_severity_word(enum severity s);
/* "file:line:col" as the text form writes it, or "file" when the line is 0. */
void fmt_location(GString *s, const struct location *loc);
/* The text form of a diagnostic ("file:line:col: severity: message") and of its related
 * locations ("file:line:col: note: message"), one per line, each line ending in '\n'. */
void fmt_diag_lines(GString *s, const struct diag *d);
/* Whether rule R ran in this run: for check every rule but render's, for validate the file rules
 * (io-error, unsafe-path, xml-malformed, schema); a rule with a diagnostic in DL ran whatever the
 * command.  JUnit and SVRL list the rules that ran. */
bool fmt_rule_ran(const struct run_info *run, const struct diag_list *dl, enum rule r);
/* Write S as XML character data (ATTRIBUTE: as an attribute value in double quotes): & < > "
 * escaped, and characters XML 1.0 cannot hold (C0 controls but tab and newlines, U+FFFE, U+FFFF,
 * invalid UTF-8) replaced by U+FFFD. */
void fmt_xml_escape(FILE *out, const char *s, bool attribute);

/* JSON, shared by the JSON and SARIF formatters (fmt_json.c): a writer that indents by two
 * spaces, one member or element per line, and puts the commas. */
#define JSON_MAX_DEPTH 16
struct json_writer {
	FILE *out;
	int depth;
	bool more[JSON_MAX_DEPTH]; /* something was written at this depth: the next needs a comma */
};
/* Write S as a JSON string literal, quotes included: " \ and control characters escaped (as
 * \u00XX), non-ASCII written as UTF-8, invalid UTF-8 as U+FFFD. */
void json_string(FILE *out, const char *s);
/* Open an object ('{') or array ('['); KEY names the member, NULL inside an array or at the top. */
void json_open(struct json_writer *j, const char *key, char bracket);
void json_close(struct json_writer *j, char bracket);
void json_str(struct json_writer *j, const char *key, const char *value);
void json_int(struct json_writer *j, const char *key, long value);

#endif
