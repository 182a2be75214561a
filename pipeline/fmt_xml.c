/* The XML formatter: the diagnostic list as a document of namespace urn:slm:diagnostics:1, the
 * input of stylesheets/nonconformity.xsl (the nonconformity report, 不合格报告) and of anyone who
 * wants to transform slm's findings with XSLT.  Written with libxml2's text writer, so escaping is
 * libxml2's. */
#include "fmt.h"

#include <libxml/xmlwriter.h>

#define DIAG_NS "urn:slm:diagnostics:1"

/* Values are UTF-8 whatever they come from (a repository folder named in Latin-1): the report
 * must stay well-formed XML. */
static void attr(xmlTextWriterPtr w, const char *name, const char *value)
{
	char *v = g_utf8_make_valid(value, -1);

	xmlTextWriterWriteAttribute(w, (const xmlChar *)name, (const xmlChar *)v);
	g_free(v);
}

static void attr_long(xmlTextWriterPtr w, const char *name, long value)
{
	xmlTextWriterWriteFormatAttribute(w, (const xmlChar *)name, "%ld", value);
}

static void rules_fired(xmlTextWriterPtr w, const struct diag_list *dl)
{
	bool seen[RULE_COUNT] = {false};

	for (guint i = 0; i < dl->items->len; i++)
		seen[((const struct diag *)dl->items->pdata[i])->rule] = true;
	for (int r = 0; r < RULE_COUNT; r++) {
		const struct rule_info *ri = rule_info((enum rule)r);
		if (!seen[r])
			continue;
		xmlTextWriterStartElement(w, (const xmlChar *)"rule");
		attr(w, "name", ri->name);
		attr(w, "severity", ri->severity == SEV_FATAL ? "error" : severity_name(ri->severity));
		attr(w, "step", ri->step);
		attr(w, "summary", ri->summary);
		xmlTextWriterWriteString(w, (const xmlChar *)ri->explain);
		xmlTextWriterEndElement(w);
	}
}

static void diagnostic(xmlTextWriterPtr w, const struct diag *d)
{
	xmlTextWriterStartElement(w, (const xmlChar *)"diagnostic");
	attr(w, "rule", rule_info(d->rule)->name);
	attr(w, "severity", d->severity == SEV_FATAL ? "error" : severity_name(d->severity));
	attr(w, "step", rule_info(d->rule)->step);
	attr(w, "file", d->loc.file);
	attr_long(w, "line", d->loc.line);
	attr_long(w, "column", d->loc.col);
	xmlTextWriterWriteElement(w, (const xmlChar *)"message", (const xmlChar *)d->message);
	for (guint j = 0; d->related && j < d->related->len; j++) {
		const struct related *r = d->related->pdata[j];
		xmlTextWriterStartElement(w, (const xmlChar *)"related");
		attr(w, "file", r->loc.file);
		attr_long(w, "line", r->loc.line);
		xmlTextWriterWriteString(w, (const xmlChar *)r->message);
		xmlTextWriterEndElement(w);
	}
	xmlTextWriterEndElement(w);
}

void fmt_xml(FILE *out, const struct diag_list *dl, const struct run_info *run)
{
	xmlOutputBufferPtr buf = xmlOutputBufferCreateFile(out, NULL);
	xmlTextWriterPtr w = xmlNewTextWriter(buf);
	struct diag_counts c = diag_list_count(dl);

	xmlTextWriterSetIndent(w, 1);
	xmlTextWriterSetIndentString(w, (const xmlChar *)"  ");
	xmlTextWriterStartDocument(w, "1.0", "UTF-8", NULL);
	xmlTextWriterStartElementNS(w, NULL, (const xmlChar *)"diagnostics", (const xmlChar *)DIAG_NS);
	attr(w, "tool", "slm");
	attr(w, "version", SLM_VERSION);
	attr(w, "command", run->command);
	if (run->as_of)
		attr(w, "as-of", run->as_of);
	if (run->repository)
		attr(w, "repository", run->repository);
	attr_long(w, "files", (long)run->files);
	xmlTextWriterStartElement(w, (const xmlChar *)"summary");
	attr_long(w, "errors", (long)(c.n[SEV_ERROR] + c.n[SEV_FATAL]));
	attr_long(w, "warnings", (long)c.n[SEV_WARNING]);
	attr_long(w, "notes", (long)c.n[SEV_NOTE]);
	xmlTextWriterEndElement(w);
	rules_fired(w, dl);
	for (guint i = 0; i < dl->items->len; i++)
		diagnostic(w, dl->items->pdata[i]);
	xmlTextWriterEndDocument(w);
	xmlFreeTextWriter(w); /* flushes; the FILE stays open for the caller */
}
