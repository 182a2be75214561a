/* The diagnostic catalogue (one table, in the order of enum rule) and the diagnostic list.
 * Severities are ordered as in mandoc: note < warning < error < fatal; the exit status is the worst
 * severity seen. */
#include "diag.h"

#include <stdarg.h>
#include <string.h>

static const struct rule_info catalogue[RULE_COUNT] = {
	[RULE_IO_ERROR] = {"io-error", SEV_FATAL, "—", "a file or folder cannot be read",
		"slm could not read a file or folder it was asked to check (it does not exist, "
		"permissions deny it, or the read failed).  Nothing was checked in it, so the run "
		"stops with exit status 2 rather than pass.  Fix the path or the permissions."},
	[RULE_UNSAFE_PATH] = {"unsafe-path", SEV_ERROR, "—",
		"a symbolic link leaves the repository or loops",
		"slm reads only files inside the repository it was given.  A symbolic link that "
		"resolves outside it, or that leads back into a folder already being scanned (a link "
		"loop), is not followed and is reported, because a link can make a repository appear "
		"to contain agreements it does not hold.  Replace the link with the file itself, or "
		"remove it."},
	[RULE_XML_MALFORMED] = {"xml-malformed", SEV_ERROR, "—", "a file is not well-formed XML",
		"Every *.xml file of the repository must be a well-formed XML document in UTF-8.  "
		"Empty and binary files, invalid UTF-8, other encodings, DOCTYPE declarations "
		"(slm never loads DTDs or expands entities: they are how XML documents read local "
		"files or the network), files over the size limit and absurd nesting are refused.  "
		"The message gives the line and column of the first problem; fix the file there."},
	[RULE_SCHEMA] = {"schema", SEV_ERROR, "—",
		"a document is not valid against its kind's schema",
		"Every document must be valid against slm's schema for its kind (schemas/slm.xsd, "
		"namespace urn:slm:1), chosen by its root element.  The message names the element or "
		"attribute at fault and what the schema expects there.  `slm check` adds what XSD 1.0 "
		"cannot say: values in their order (a term, a reporting period or a holiday ends on "
		"or after its start; a service window ends after it starts; an incident is responded "
		"to and resolved after it was opened, and resolved after its response; a "
		"satisfaction score is within its scale), a component names exactly one of dept= and "
		"supplier=, a reviewed item one of report= and ref=, reports and reviews come at "
		"most daily, dates lie within the years 0001 to 9999, and a calendar's time zone is "
		"one the system knows.  docs/vocabulary.md documents every element; templates/ has a "
		"valid skeleton of every kind."},
	[RULE_DUPLICATE_ID] = {"duplicate-id", SEV_ERROR, "—", "an id is used twice",
		"Ids of documents, departments, people, customers, suppliers, calendars, services and "
		"proposal resources are unique across the repository, so that every reference names "
		"exactly one thing (ids of findings, actions and incidents are unique within their "
		"document; an incident listed by two reports, because it ran into the next period, "
		"keeps its id, but another incident may not take it).  The related location is the "
		"first use.  Rename one of the two, and "
		"update the references that meant it."},
	[RULE_UNRESOLVED_REF] = {"unresolved-ref", SEV_ERROR, "—",
		"a reference names nothing of the right kind",
		"References are attributes named after what they point to (sla=, service=, dept=, "
		"person=, supplier=, customer=, ref= ...).  Each must name an existing document or "
		"element of the right kind: an OLA reference must name an OLA, a person reference a "
		"person of the organization.  The message says what was expected, and suggests a "
		"close id when there is one; a related location shows a same-named thing of another "
		"kind.  Fix the typo or add the missing document.  A reference that resolves outside "
		"the SLA it belongs to is reported too: a measure, incident, credit, clause or "
		"<supports> naming a service the SLA does not include; a proposal's decomposition, a "
		"review's report or incident of another SLA; an SLA whose renews= names itself."},
	[RULE_CALENDAR_UNCOVERED] = {"calendar-uncovered", SEV_ERROR, "11, T2",
		"a figure needs a year for which the calendar has no holiday data",
		"Service time, an incident's clock, a report period's service hours and the working "
		"days of a deemed confirmation or of a due date all count holidays (节假日) and "
		"adjusted workdays (调休) of the calendar, wherever hours apply on working days only "
		"(workdays=\"only\") or working days are counted.  A calendar covers the years it "
		"lists a <holiday> or <workday> in (one across New Year covers both); counting in any "
		"other year would silently take its public holidays for working days (a 2026 Spring "
		"Festival on a 2025 calendar is a false 50-hour breach).  Such a figure is not "
		"computed, and no breach or pending confirmation is judged on it: the message names "
		"the figure, the calendar and the year.  Reports issued by the --as-of date, their "
		"incidents and termination notices need every year they count; comparing supporting "
		"hours with an SLA's (hours-gap) needs the years up to the --as-of date's, not the "
		"later years of a term.  Add that year's holidays and adjusted workdays to the "
		"calendar."},
	[RULE_CALENDAR_UNPUBLISHED] = {"calendar-unpublished", SEV_WARNING, "11",
		"the next year's holidays are not yet in a calendar an agreement runs on",
		"An agreement whose term reaches into a year the calendar does not cover is not at "
		"fault: the holidays of the next year are published late in the year.  From 60 days "
		"before that year begins (as of the --as-of date) and through that year, slm reminds "
		"you to add them for each calendar that a signed (or ended, or terminated) SLA, OLA "
		"or supplier contract in force in that year uses for hours on working days only, so "
		"that its figures stay computable: \"publish calendar CN for 2026\".  Once a figure "
		"needs the year, calendar-uncovered says so instead."},
	[RULE_REQUIREMENTS_MISMATCH] = {"requirements-mismatch", SEV_ERROR, "1, 2",
		"an SLA differs from the customer's final, accepted requirements",
		"An SLA answers a requirements specification (服务需求说明书): its services and tiers "
		"must be those the customer asked for, and the requirements must be final and "
		"accepted by the service level manager's evaluation (step 2, 评估是否承接此业务) "
		"before an SLA is signed on them; a signed SLA for a new customer without any "
		"requirements skipped steps 1 and 2.  The survey is for new customers (对于新客户): a "
		"renewal (renews=) may rest on its predecessor's requirements, and a second SLA of "
		"an existing customer (one who already had a binding SLA that started earlier) needs "
		"none; an SLA that names requirements= is held to them all the same (the order of "
		"the dates is step-order's).  The message names the service or tier that differs.  "
		"Align the SLA with the requirements, or record the changed requirements and their "
		"evaluation."},
	[RULE_TIER_NOT_OFFERED] = {"tier-not-offered", SEV_ERROR, "3, 4",
		"an SLA picks a tier the catalog does not offer for that service",
		"Every SLA service is chosen from the service catalog (服务目录): the catalog must "
		"offer that service at that tier (an <offer tier=...> of the service).  Pick an "
		"offered tier, or update the catalog first (change step 1)."},
	[RULE_TARGET_BEYOND_OFFER] = {"target-beyond-offer", SEV_ERROR, "3, 4",
		"an SLA promises more than the catalog offer",
		"The catalog offer of a service at a tier states the standard targets: the most an "
		"SLA may promise at that tier and price.  An SLA availability above the offer's, or "
		"a response or resolution time shorter than the offer's for a priority, promises "
		"more than was priced; so does a target for a priority (or an availability) that the "
		"offer does not list at all.  Use the offer's targets, or a higher tier."},
	[RULE_PRICE_MISMATCH] = {"price-mismatch", SEV_ERROR, "3, 4",
		"an SLA's charges differ from the catalog prices",
		"The charges of an SLA must equal the catalog prices (服务价格) of the services and "
		"tiers it picks: each <charges><item> must equal its offer's price, and the total "
		"the sum of the offers.  Charges may be stated per a multiple of the catalog's "
		"period (per P3M or P1Y for a price per P1M; per P7D for one per P1D); months and "
		"days do not convert into each other.  Correct the charges or the catalog."},
	[RULE_CAPABILITY_EXCEEDED] = {"capability-exceeded", SEV_WARNING, "4",
		"an SLA target is stricter than the recorded delivery capability",
		"Step 4 compares the customer's needs with the delivery capability (服务提供能力) "
		"that the providing departments reported, recorded in the catalog as a service's "
		"<capability>.  A target stricter than that capability is a promise nobody has said "
		"they can keep.  Relax the target, or have the department record a better "
		"capability."},
	[RULE_UNSIGNED] = {"unsigned", SEV_ERROR, "5",
		"a signed agreement lacks a signature or date, or was signed too late",
		"An SLA, OLA or supplier contract with status signed must carry the signature of "
		"every party, each with a date: the customer's and the provider's (for a supplier "
		"contract the supplier's and ours; for an OLA the department's and the service level "
		"manager's), all dated no later than the term start (for an additional SLA, its "
		"effective date).  Add the missing signature or date, or set the status to draft."},
	[RULE_UNSUPPORTED_COMPONENT] = {"unsupported-component", SEV_ERROR, "6, 9",
		"a service component has no OLA or supplier contract supporting the SLA",
		"Each component of a service in the catalog is delivered by a department or a "
		"supplier.  For every SLA that includes the service, each department component needs "
		"a signed OLA of that department, and each supplier component a signed supplier "
		"contract with that supplier, that supports that SLA and service (<supports>).  Sign "
		"the missing OLA or contract, or correct its <supports>."},
	[RULE_HOURS_GAP] = {"hours-gap", SEV_ERROR, "6, 9",
		"a supporting OLA or contract does not cover the SLA service's hours",
		"The service hours of an SLA service are those of its tier (7x24, 7x12, 5x8 in the "
		"calendar's time zone, with holidays and adjusted workdays where the hours apply on "
		"working days only).  Each department (or supplier) of the service must be available "
		"during all of them with the agreements it has in force: one department's commitment "
		"may be split across several OLAs (a weekday OLA and a weekend OLA), and it is their "
		"union that is judged, day by day, as term-gap judges the union of their terms (days "
		"on which none is in force are term-gap's).  An agreement that has ended is judged for "
		"the days it was in force.  The message names the uncovered windows as a person would "
		"say them.  Extend the supporting agreements' <hours>."},
	[RULE_TARGET_WEAKER] = {"target-weaker", SEV_ERROR, "6, 9",
		"a supporting response or resolution target is missing or longer than the SLA's",
		"An OLA or supplier contract backs an SLA only if it responds and resolves at least "
		"as fast as the SLA promises, for every priority the SLA names.  A missing target or "
		"a longer one means the SLA can be breached while the supporting party meets its "
		"commitment.  Add or shorten the supporting target."},
	[RULE_AVAILABILITY_CHAIN] = {"availability-chain", SEV_ERROR, "6, 9",
		"the product of the supporting availabilities is below the SLA target",
		"A service that depends on several components in series is only as available as "
		"the product of their availabilities: the availability targets of the OLAs and "
		"supplier contracts supporting the SLA service (one factor per department or supplier: "
		"its strongest agreement in force), multiplied, must reach the SLA target; a "
		"supporting agreement without an availability target cannot back one.  The message "
		"shows the arithmetic.  Raise a supporting target or lower the SLA's."},
	[RULE_TERM_GAP] = {"term-gap", SEV_ERROR, "6, 9, 13",
		"a supporting agreement starts after or ends before the SLA it supports",
		"An OLA or supplier contract must be in force for the whole term of the SLA it "
		"supports: starting no later than the SLA term (or the additional SLA's effective "
		"date) and ending no earlier.  Successive agreements of one department or supplier "
		"share the load: an agreement replaced mid-term by another of its party (附加OLA, a "
		"new supplier contract) ends the day before its successor starts, and the union of "
		"their days in force is judged.  One whose status says it ended, with nothing to take "
		"over, backs nothing after the as-of date.  Extend the supporting agreement, or sign "
		"its successor."},
	[RULE_CLAUSE_UNASSIGNED] = {"clause-unassigned", SEV_ERROR, "7",
		"a decomposition clause has no department, or the wrong one, or an SLA service no clause",
		"After signing, 经营管理部 decomposes the contract's technical clauses (合同技术条款"
		"分解) and assigns each to the department that must deliver it.  Every clause needs "
		"a department, and every service of the SLA must be covered by at least one clause.  "
		"A clause for a service (service=) is assigned to a department that delivers it: one "
		"the catalog names as a component of that service (<component dept=...>), exactly, "
		"as for the OLAs that back it; a department above or below it is another department, "
		"and a clause given to a department that does not deliver the service is reported.  "
		"A general clause (no service=), and a clause for a service the catalog gives to "
		"suppliers only, may go to any department.  Assign the clause to the department that "
		"delivers it, or add a clause for the service."},
	[RULE_DECOMPOSITION_UNSENT] = {"decomposition-unsent", SEV_ERROR, "7",
		"a decomposition is not sent to a department that has a clause",
		"Step 7: 经营管理部 decomposes the contract's technical clauses and sends them to "
		"every department concerned (发送给所有相关部门领导).  Each department with a clause, "
		"other than the department of the person who made the decomposition, needs a "
		"<notify dept=...> dated on or after the decomposition's date; a notification without "
		"a date, or dated before the decomposition, is reported here too.  <notify> is an "
		"optional record: a repository that records no notification at all (such as the "
		"reference repository) is not checked; once one decomposition records where it was "
		"sent, every decomposition is held to it.  Send the decomposition and record the "
		"notification with its date."},
	[RULE_PROPOSAL_COVERAGE] = {"proposal-coverage", SEV_ERROR, "8",
		"a signed SLA has no proposal, or its proposal misses a service, agreement or owner",
		"Every signed SLA needs an ops project proposal (运维项目建议书) that plans every "
		"service of the SLA, lists every OLA and supplier contract supporting it, and names "
		"an ops owner (运维服务负责人).  Add the proposal or its missing part."},
	[RULE_INITIATION_UNAPPROVED] = {"initiation-unapproved", SEV_ERROR, "9, 10",
		"a signed SLA's proposal has no approved initiation listing its OLAs",
		"Operations start only after the project initiation (运维项目立项报告) is approved "
		"together with its OLAs (step 9, 10).  The proposal of every signed SLA needs an "
		"initiation with status approved and an approval, listing every OLA of the "
		"proposal; an approval is dated on or after the initiation.  Approve the initiation "
		"or list the missing OLA."},
	[RULE_STEP_ORDER] = {"step-order", SEV_ERROR, "1, 2, 5, 7-10, T1-T5",
		"a step of the process is dated before the step it depends on",
		"The process runs in order, and the dates the documents record must say so (steps on "
		"the same day are in order).  Requirements are evaluated on or after the date they "
		"were gathered (steps 1, 2), and those an SLA names before any "
		"party signs it (steps 2, 5); the contract is decomposed on or after the SLA's last "
		"signature (7); the proposal is dated on or after its decomposition (8); the first "
		"approved initiation of a proposal is approved on or before service delivery starts: "
		"the term start, or an additional SLA's effective date (9, 10).  When a termination "
		"ends an SLA at its term end, its notice goes out at least the term's notice= period "
		"before the end (P1M by default, in calendar months: 2025-11-30 is in time for "
		"2025-12-31; 到期一月前, T1); the customer's reply is dated on or after the notice; "
		"without a reply the notice is deemed confirmed confirm-within= working days after it "
		"(the SLA's calendar: holidays off, 调休 workdays on, the notice day not counted), "
		"which must be no later than the last day of service (T2); resources are released on "
		"or after the last day of service, extensions included, and after the reply or the "
		"deemed confirmation (T3-T5).  Signatures dated after the term start are unsigned's "
		"finding and releases dated before the notice release-incomplete's; they are not "
		"compared here.  The finding is on the later step, at the date out of order, with the "
		"earlier one as related location; the message names both dates.  Correct the date "
		"that is wrong, or do the steps in order."},
	[RULE_ROLE_MISMATCH] = {"role-mismatch", SEV_ERROR, "roles",
		"a person acting in a step lacks the role the seed gives that step",
		"The seed assigns each step to a role: the provider's signature on an SLA and the "
		"requirements evaluation to the service level manager (服务级别经理), requirements "
		"and termination notices to sales (销售), contract decomposition to 经营管理部 "
		"(contract-admin), supplier contracts to the supplier manager (供应商经理), the "
		"proposal's owner to an ops owner (运维服务负责人).  Sales may co-sign an SLA beside "
		"the service level manager (step 5), never alone.  Correct the person, or their roles "
		"in the organization."},
	[RULE_REPORT_MISSING] = {"report-missing", SEV_ERROR, "11",
		"a reporting period of an active SLA has no report past its due date",
		"A signed SLA reports every period given by <reporting every=...>; each report is due "
		"a while after its period ends (due=, 10 days by default).  Once that due date has "
		"passed (as of the --as-of date; the due day itself is still on time), a period of the "
		"term that no service report covers is missing; a report issued after its due date is "
		"reported as late, and a report that does not measure a service with an availability "
		"target misses that service's part.  Write the report, or correct the reporting "
		"cadence."},
	[RULE_BREACH] = {"breach", SEV_ERROR, "11",
		"a report shows a service level missed",
		"A service report's measured availability below the target of the SLA in effect for "
		"the period, or an incident whose response or resolution, measured on the SLA clock "
		"(only time inside the service's hours counts, paused outside them and on holidays "
		"where the hours apply on working days only), exceeds the target for its priority, is "
		"a breach.  Breaches are facts: they are addressed in a review (see breach-unreviewed), "
		"not edited away."},
	[RULE_BREACH_UNREVIEWED] = {"breach-unreviewed", SEV_ERROR, "11",
		"a breach is not addressed by a finding of a later review",
		"Step 11: the service level manager reviews the service reports and arranges a review "
		"of the problems found.  Every breach must be addressed by a finding of a review held "
		"on or after the report's date (a finding naming the report, incident or service); "
		"until the next review is due, slm waits.  Hold the review, or record the finding."},
	[RULE_REVIEW_OVERDUE] = {"review-overdue", SEV_ERROR, "11",
		"an SLA has had no review within its review cadence",
		"A signed SLA is reviewed at least as often as <review every=...> says, counted from "
		"the term start and from each review.  When that much time has passed by the as-of "
		"date without a review record, the review is overdue.  Hold and record the review."},
	[RULE_REVIEW_WITHOUT_CUSTOMER] = {"review-without-customer", SEV_ERROR, "11",
		"a service review was held without the customer",
		"Step 11 arranges service reviews to learn the customer's satisfaction and changing "
		"needs (了解客户满意度以及客户需求变化信息): a review record lists at least one attendee "
		"representing the customer of the SLA it reviews (<attendee customer=...> naming the "
		"SLA's customer=); a representative of another customer does not count.  Record the "
		"customer's attendee, or hold the review with the customer."},
	[RULE_ACTION_OVERDUE] = {"action-overdue", SEV_ERROR, "11",
		"an improvement action is open past its due date",
		"The service level manager follows up the improvement plan of each review (改进计划) "
		"until it is done.  An action still open after its due date (as of the --as-of date) "
		"is overdue.  Close it with the date it was done, or agree and record a new due date."},
	[RULE_RENEWAL_NOTICE] = {"renewal-notice", SEV_WARNING, "12, T1",
		"an SLA ends within its notice period with no renewal or termination recorded",
		"A month before an SLA ends (its term's notice period), sales tell the customer and "
		"press for renewal; if the customer does not renew, they give notice of the end date.  "
		"When the as-of date is within the notice period and there is no successor SLA "
		"(renews=), no termination notice, this is flagged.  Record the renewal or the "
		"notice."},
	[RULE_AMENDMENT_BASE] = {"amendment-base", SEV_ERROR, "13",
		"an additional SLA amends a missing, unsigned or ended SLA, or reaches outside its term",
		"An additional SLA (附加服务级别协议, amends=) changes a signed base SLA from its "
		"effective date, which must fall inside the base's term (and before a termination "
		"ends the service); it cannot amend a draft, an ended or terminated SLA, another "
		"additional SLA or another customer's SLA, it can only remove a service the SLA has, "
		"and it cannot both remove and provide the same service.  Correct amends=, the "
		"effective date or the services."},
	[RULE_CONFIRMATION_PENDING] = {"confirmation-pending", SEV_WARNING, "T2",
		"a termination notice has no reply and its deemed-confirmation period has not elapsed",
		"The customer confirms a termination notice in writing; without a reply within the "
		"working days the notice gives (confirm-within=, counted in the calendar's working "
		"days, the notice day not counted), it is deemed confirmed.  Until then the termination "
		"is pending; a notice that sets no such period is pending until a reply is recorded.  "
		"Record the reply when it arrives."},
	[RULE_RELEASE_INCOMPLETE] = {"release-incomplete", SEV_ERROR, "T3-T5",
		"a termination does not release every resource, or an item lacks its date or person",
		"A termination releases every infrastructure and staff resource of the SLA's proposal "
		"and every supplier contract supporting the SLA (termination steps 3-5), each item "
		"with the date it was released and the person responsible.  A closed termination must "
		"list them all; an open one is work in progress, held only to naming the person of "
		"what it has released.  Either may release only the SLA's own resources: an item "
		"naming another SLA's resource is a finding, and so is a release dated before the "
		"termination notice.  Add the missing item, date or person."},
	[RULE_BUDGET_OVERRUN] = {"budget-overrun", SEV_ERROR, "T6",
		"the actual cost of a terminated service exceeds the proposal budget, or is not accounted",
		"At termination the service is accounted (服务核算) and compared with the budget of "
		"the proposal.  An actual cost above the budget is a nonconformity to explain in the "
		"summary's corrective actions; so is an accounting that states another budget or "
		"currency than the proposal's, and a closed termination without <accounting>.  "
		"Record the corrective action; check the figures."},
	[RULE_ARCHIVE_INCOMPLETE] = {"archive-incomplete", SEV_ERROR, "14",
		"a closed termination does not archive the SLA, proposal, OLAs and contracts",
		"When an SLA is terminated, its SLA, proposal, OLAs and supplier contracts are "
		"archived (归档, step 14).  A closed termination must list each of them, and the SLA's "
		"signed additional SLAs, in an <archive ref=...>.  Add the missing archive entries."},
	[RULE_SUMMARY_MISSING] = {"summary-missing", SEV_ERROR, "T7",
		"a closed termination has no service summary, or a corrective action no owner",
		"Termination step 7 (服务总结): the service level manager has the providing "
		"departments sum up the service and propose improvements; its output is the "
		"nonconformities and their corrective and preventive actions (不符合和纠正预防措施).  "
		"A closed termination needs a <summary>, and each <corrective> the owner= who carries "
		"it out.  A <corrective> itself is not required: a service without nonconformities "
		"has none to record, and the reference repository closes a termination with its "
		"summary alone.  Write the summary; name the owner of each action."},
	[RULE_RENDER] = {"render", SEV_ERROR, "—", "a document cannot be rendered to PDF",
		"slm render turns a document into a PDF through the stylesheet of its kind "
		"(stylesheets/KIND.xsl, or --stylesheet) and slm's layout vocabulary "
		"(schemas/layout.xsd).  A kind without a stylesheet, a stylesheet that fails or "
		"reaches outside the repository, or a layout that is not valid stops the rendering "
		"of that document, and no PDF is left behind.  The message names the file and line; "
		"docs/layout.md documents the layout vocabulary."},
};

const struct rule_info *rule_info(enum rule r)
{
	g_assert(r >= 0 && r < RULE_COUNT);
	return &catalogue[r];
}

bool rule_by_name(const char *name, enum rule *out)
{
	for (int i = 0; i < RULE_COUNT; i++)
		if (strcmp(catalogue[i].name, name) == 0) {
			*out = (enum rule)i;
			return true;
		}
	return false;
}

const char *severity_name(enum severity s)
{
	switch (s) {
	case SEV_NOTE:
		return "note";
	case SEV_WARNING:
		return "warning";
	case SEV_ERROR:
		return "error";
	case SEV_FATAL:
		return "fatal error";
	default:
		return "off";
	}
}

struct diag_list *diag_list_new(void)
{
	struct diag_list *l = g_new0(struct diag_list, 1);
	l->items = g_ptr_array_new();
	l->strings = g_string_chunk_new(512);
	return l;
}

static void related_free(gpointer p)
{
	struct related *r = p;
	g_free(r->message);
	g_free(r);
}

void diag_free(struct diag *d)
{
	if (d->related)
		g_ptr_array_free(d->related, TRUE);
	g_free(d->message);
	g_free(d);
}

void diag_list_free(struct diag_list *l)
{
	if (!l)
		return;
	for (guint i = 0; i < l->items->len; i++)
		diag_free(l->items->pdata[i]);
	g_ptr_array_free(l->items, TRUE);
	g_string_chunk_free(l->strings);
	g_free(l);
}

/* Messages quote what documents hold (ids, values, encoding names, link targets): make them valid
 * UTF-8 without control characters, so that no document can forge a diagnostic line, move a
 * terminal's cursor or make an XML report ill-formed. */
static char *clean(char *msg)
{
	char *valid = g_utf8_make_valid(msg, -1);

	for (char *p = valid; *p; p++)
		if ((unsigned char)*p < 0x20 || *p == 0x7f)
			*p = ' ';
	g_free(msg);
	return valid;
}

static const char *clean_path(struct diag_list *l, const char *file)
{
	bool ok = g_utf8_validate(file, -1, NULL);

	for (const char *p = file; ok && *p; p++)
		ok = (unsigned char)*p >= 0x20 && *p != 0x7f;
	if (ok)
		return g_string_chunk_insert_const(l->strings, file);
	{
		char *c = clean(g_strdup(file));
		const char *r = g_string_chunk_insert_const(l->strings, c);
		g_free(c);
		return r;
	}
}

struct diag *diag_add(struct diag_list *l, enum rule r, const char *file, long line, long col,
		      const char *fmt, ...)
{
	struct diag *d = g_new0(struct diag, 1);
	va_list ap;

	d->rule = r;
	d->severity = rule_info(r)->severity;
	d->loc.file = clean_path(l, file);
	d->loc.line = line;
	d->loc.col = col;
	va_start(ap, fmt);
	d->message = clean(g_strdup_vprintf(fmt, ap));
	va_end(ap);
	g_ptr_array_add(l->items, d);
	return d;
}

void diag_add_related(struct diag_list *l, struct diag *d, const char *file, long line,
		      const char *fmt, ...)
{
	struct related *r = g_new0(struct related, 1);
	va_list ap;

	r->loc.file = clean_path(l, file);
	r->loc.line = line;
	va_start(ap, fmt);
	r->message = clean(g_strdup_vprintf(fmt, ap));
	va_end(ap);
	if (!d->related)
		d->related = g_ptr_array_new_with_free_func(related_free);
	g_ptr_array_add(d->related, r);
}

/* Re-home a location's file string into DST's chunk: SRC's chunk is freed with SRC. */
static void rehome(struct diag_list *dst, struct location *loc)
{
	loc->file = g_string_chunk_insert_const(dst->strings, loc->file);
}

void diag_list_take(struct diag_list *dst, struct diag_list *src)
{
	for (guint i = 0; i < src->items->len; i++) {
		struct diag *d = src->items->pdata[i];
		rehome(dst, &d->loc);
		for (guint j = 0; d->related && j < d->related->len; j++)
			rehome(dst, &((struct related *)d->related->pdata[j])->loc);
		g_ptr_array_add(dst->items, d);
	}
	g_ptr_array_set_size(src->items, 0);
}

static int cmp_diag(gconstpointer a, gconstpointer b)
{
	const struct diag *x = *(struct diag *const *)a, *y = *(struct diag *const *)b;
	int c = strcmp(x->loc.file, y->loc.file);

	if (c)
		return c;
	if (x->loc.line != y->loc.line)
		return x->loc.line < y->loc.line ? -1 : 1;
	if (x->loc.col != y->loc.col)
		return x->loc.col < y->loc.col ? -1 : 1;
	c = strcmp(rule_info(x->rule)->name, rule_info(y->rule)->name);
	return c ? c : strcmp(x->message, y->message);
}

void diag_list_sort(struct diag_list *l)
{
	g_ptr_array_sort(l->items, cmp_diag);
}

struct diag_counts diag_list_count(const struct diag_list *l)
{
	struct diag_counts c = {{0}};

	for (guint i = 0; i < l->items->len; i++) {
		const struct diag *d = l->items->pdata[i];
		if (d->severity >= SEV_NOTE)
			c.n[d->severity]++;
	}
	return c;
}

int diag_exit_status(const struct diag_list *l, bool werror)
{
	struct diag_counts c = diag_list_count(l);

	if (c.n[SEV_FATAL])
		return 2;
	if (c.n[SEV_ERROR] || (werror && c.n[SEV_WARNING]))
		return 1;
	return 0;
}
