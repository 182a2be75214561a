/* The SARIF 2.1.0 formatter (OASIS Static Analysis Results Interchange Format), for GitHub code
 * scanning and other SARIF viewers.
 *
 * One run.  tool.driver lists every rule of the catalogue, whether it fired or not, so that
 * ruleIndex is the rule's place in the catalogue and a viewer can show any rule's help: id (the
 * rule name), shortDescription (summary), fullDescription and help (the explanation of `slm
 * explain`), defaultConfiguration.level (the catalogue severity; fatal becomes error, SARIF has no
 * higher level) and properties.tags (the seed steps, "step-N" each, or "structural").  Each
 * diagnostic is a result: ruleId, ruleIndex, level (the severity after configuration), message,
 * one location, relatedLocations (ids from 1), and partialFingerprints."slmFingerprint/v1": the
 * SHA-256 of rule, file and message, without the line, so that editing a document above a finding
 * does not make code scanning see a new one; ":N" counts results of equal hash in list order so
 * that two identical findings stay two alerts.
 *
 * Locations: artifactLocation.uri is the path as slm shows it, percent-encoded per RFC 3986
 * (everything but unreserved characters and '/'), relative to uriBaseId SRCROOT (where slm ran);
 * an absolute path becomes a file:// URI with no base.  region (startLine, startColumn) is left
 * out when the finding concerns the whole file.  No originalUriBaseIds: that would need the
 * absolute checkout path, and output must not depend on where it is. */
#include "fmt.h"

#include <string.h>

static const char *level(enum severity s)
{
	switch (s) {
	case SEV_NOTE:
		return "note";
	case SEV_WARNING:
		return "warning";
	default:
		return "error";
	}
}

static char *file_uri(const char *path)
{
	GString *s = g_string_new(path[0] == '/' ? "file://" : NULL);

	for (const unsigned char *p = (const unsigned char *)path; *p; p++) {
		if (g_ascii_isalnum(*p) || strchr("-._~/", *p))
			g_string_append_c(s, (char)*p);
		else
			g_string_append_printf(s, "%%%02X", *p);
	}
	return g_string_free(s, FALSE);
}

static void physical_location(struct json_writer *j, const struct location *loc)
{
	char *uri = file_uri(loc->file);

	json_open(j, "physicalLocation", '{');
	json_open(j, "artifactLocation", '{');
	json_str(j, "uri", uri);
	if (loc->file[0] != '/')
		json_str(j, "uriBaseId", "SRCROOT");
	json_close(j, '}');
	if (loc->line > 0) {
		json_open(j, "region", '{');
		json_int(j, "startLine", loc->line);
		json_int(j, "startColumn", loc->col > 0 ? loc->col : 1); /* as the text form */
		json_close(j, '}');
	}
	json_close(j, '}');
	g_free(uri);
}

static void message(struct json_writer *j, const char *key, const char *text)
{
	json_open(j, key, '{');
	json_str(j, "text", text);
	json_close(j, '}');
}

static void rule_descriptor(struct json_writer *j, enum rule r)
{
	const struct rule_info *ri = rule_info(r);
	char **steps = g_strsplit(ri->step, ", ", -1);

	json_open(j, NULL, '{');
	json_str(j, "id", ri->name);
	message(j, "shortDescription", ri->summary);
	message(j, "fullDescription", ri->explain);
	message(j, "help", ri->explain);
	json_open(j, "defaultConfiguration", '{');
	json_str(j, "level", level(ri->severity));
	json_close(j, '}');
	json_open(j, "properties", '{');
	json_open(j, "tags", '[');
	if (strcmp(ri->step, "—") == 0) {
		json_str(j, NULL, "structural");
	} else {
		for (char **s = steps; *s; s++) {
			char *tag = g_strconcat("step-", *s, NULL);
			json_str(j, NULL, tag);
			g_free(tag);
		}
	}
	json_close(j, ']');
	json_close(j, '}');
	json_close(j, '}');
	g_strfreev(steps);
}

/* The hash of what identifies a finding whatever its line; NUL separates the parts, which none
 * of them can contain. */
static char *fingerprint(const struct diag *d)
{
	GString *key = g_string_new(rule_info(d->rule)->name);
	char *hash;

	g_string_append_len(key, "", 1);
	g_string_append(key, d->loc.file);
	g_string_append_len(key, "", 1);
	g_string_append(key, d->message);
	hash = g_compute_checksum_for_data(G_CHECKSUM_SHA256, (const guchar *)key->str, key->len);
	g_string_free(key, TRUE);
	return hash;
}

static void result(struct json_writer *j, const struct diag *d, GHashTable *seen)
{
	char *hash = fingerprint(d);
	guint n = GPOINTER_TO_UINT(g_hash_table_lookup(seen, hash)) + 1;
	char *print = g_strdup_printf("%s:%u", hash, n);

	g_hash_table_insert(seen, hash, GUINT_TO_POINTER(n)); /* the table owns HASH */
	json_open(j, NULL, '{');
	json_str(j, "ruleId", rule_info(d->rule)->name);
	json_int(j, "ruleIndex", (long)d->rule);
	json_str(j, "level", level(d->severity));
	message(j, "message", d->message);
	json_open(j, "locations", '[');
	json_open(j, NULL, '{');
	physical_location(j, &d->loc);
	json_close(j, '}');
	json_close(j, ']');
	if (d->related && d->related->len) {
		json_open(j, "relatedLocations", '[');
		for (guint k = 0; k < d->related->len; k++) {
			const struct related *r = d->related->pdata[k];
			json_open(j, NULL, '{');
			json_int(j, "id", (long)k + 1);
			physical_location(j, &r->loc);
			message(j, "message", r->message);
			json_close(j, '}');
		}
		json_close(j, ']');
	}
	json_open(j, "partialFingerprints", '{');
	json_str(j, "slmFingerprint/v1", print);
	json_close(j, '}');
	json_close(j, '}');
	g_free(print);
}

void fmt_sarif(FILE *out, const struct diag_list *dl, const struct run_info *run)
{
	struct json_writer j = {.out = out};
	GHashTable *seen = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);

	(void)run; /* SARIF has no place for the command or the file count that a viewer reads */
	json_open(&j, NULL, '{');
	json_str(&j, "$schema", "https://json.schemastore.org/sarif-2.1.0.json");
	json_str(&j, "version", "2.1.0");
	json_open(&j, "runs", '[');
	json_open(&j, NULL, '{');
	json_open(&j, "tool", '{');
	json_open(&j, "driver", '{');
	json_str(&j, "name", "slm");
	json_str(&j, "version", SLM_VERSION);
	json_open(&j, "rules", '[');
	for (int r = 0; r < RULE_COUNT; r++)
		rule_descriptor(&j, (enum rule)r);
	json_close(&j, ']');
	json_close(&j, '}');
	json_close(&j, '}');
	json_open(&j, "results", '[');
	for (guint i = 0; i < dl->items->len; i++) {
		const struct diag *d = dl->items->pdata[i];
		if (d->severity >= SEV_NOTE)
			result(&j, d, seen);
	}
	json_close(&j, ']');
	json_close(&j, '}');
	json_close(&j, ']');
	json_close(&j, '}');
	g_hash_table_destroy(seen);
}
