/* Rules step-order, decomposition-unsent, review-without-customer and summary-missing: the process
 * as a sequence of dated steps, and the seed's requirements no other family checks.  The seed's
 * main process runs requirements evaluated (step 2) → SLA signed (5) → contract decomposed and
 * sent to every department concerned (7, 发送给所有相关部门领导) → proposal written from the
 * decomposition (8) → initiation approved (9) → delivery (10); reviews learn the customer's
 * satisfaction (11, 了解客户满意度); the termination sub-process runs notice a month before the
 * end (T1, 到期一月前) → the customer's reply, or silence for the stated working days (T2,
 * 视同确认) → releases (T3–T5) → the service summary with its corrective actions (T7,
 * 不符合和纠正预防措施).
 *
 * Decisions where the seed is silent, and why:
 *   - step-order: steps on the same day are in order.  A finding is placed on the later step's
 *     document, at the element carrying its date, with the earlier step as related location.
 *     The SLA is signed by its first signature for the evaluation (no party signs before it) and
 *     by its last for the decomposition (decomposed once every party signed).  A signature dated
 *     after the term start (an additional SLA: its effective date) is unsigned's finding and its
 *     date is not trusted: left out of the first, and no decomposition is compared while the last
 *     is such a one.  An initiation is in time when the proposal's earliest approved initiation is
 *     approved on or before delivery starts (the term start; an additional SLA's effective date):
 *     later initiations re-approve a revised proposal (change step 3).  Only binding SLAs
 *     (signed, ended, terminated) deliver.  A proposal naming another SLA's decomposition is
 *     unresolved-ref's.
 *   - The expiry notice is the notice of a termination that ends the SLA at its term end
 *     (effective= on or after it, whoever initiated); an early termination has no month to keep
 *     (T1's second and third cases).  The end and notice= are those of the term in force at the
 *     end; end − P1M takes calendar months with the end-of-month clamp, so 2025-11-30 is in time
 *     for 2025-12-31 and 2025-02-28 for 2025-03-31.
 *   - A deemed confirmation is a fact once its working days are over by the as-of date (before,
 *     confirmation-pending speaks and the customer may still reply); it must fall on or before
 *     the last day of service, reported at the termination's effective= (or the extension that
 *     sets the last day).  The last day is the model's (v->last: extensions included).  Each
 *     release item dated before it is one finding; the first of the others is compared with the
 *     reply (a deemed confirmation on or before the last day is before every release on or after
 *     it, so it needs no comparison of its own).  Releases dated before the notice are
 *     release-incomplete's and are left out here.
 *   - decomposition-unsent: <notify> is an optional addition to the vocabulary and the reference
 *     repository (../shared/vocabulary, clean by DESIGN §3) records none.  A repository that
 *     records where decompositions were sent (any <notify> in any decomposition) is held to it
 *     for every department of every decomposition; one that records none is not checked.  The
 *     department of the person who decomposed the contract (经营管理部) holds it already.  A
 *     notification dated before the decomposition, or undated, is this rule's (not
 *     step-order's): it is the record of the sending that is wrong, in the same element.
 *   - review-without-customer: the customer is the customer= of the SLA the review names (base or
 *     additional); an attendee of another customer does not count.
 *   - summary-missing: a closed termination needs its <summary>; each <corrective> needs the owner
 *     who carries it out.  A <corrective> itself is not required: the reference repository
 *     closes a termination with a summary alone (its improvement in the summary's text). */
#include "rules.h"

#include <string.h>

/* ---- dates ---- */

/* The earliest (LAST false) or latest dated <signature> of SLA D.  A signature dated after the
 * term start (an additional SLA: its effective date) is unsigned's finding, and its date is not to
 * be trusted: the earliest leaves it out, the latest is then unknown (NULL). */
static const struct node *signature(const struct doc *d, bool last, int32_t *day)
{
	const struct node *best = NULL;
	int32_t x, limit = TIME_DAY_MAX;

	signing_limit(d, &limit);
	node_each(s, d->root, "signature")
	{
		if (!node_date(s, "date", &x))
			continue;
		if (x > limit) {
			if (last)
				return NULL;
			continue;
		}
		if (!best || (last ? x > *day : x < *day)) {
			best = s;
			*day = x;
		}
	}
	return best;
}

/* ---- step-order: steps 2, 5, 7, 8, 9, 10 ---- */

/* The requirements are evaluated (and accepted) before any party signs the SLA.  Rejected or
 * unevaluated requirements are requirements-mismatch's finding. */
static void evaluated_before_signing(const struct check_ctx *c, const struct doc *sla)
{
	const struct doc *req =
	    model_doc(c->m, node_attr(sla->root, "requirements"), KIND_REQUIREMENTS);
	const struct node *ev = req && req->valid ? node_child(req->root, "evaluation") : NULL;
	const struct node *sig;
	int32_t evaluated, signed_on = 0;
	struct diag *diag;

	if (!node_is(ev, "decision", "accept") || !node_date(ev, "date", &evaluated))
		return;
	sig = signature(sla, false, &signed_on);
	if (!sig || signed_on >= evaluated)
		return;
	diag = rule_report(c, RULE_STEP_ORDER, sla, sig,
	                   "SLA %s was signed on %s, before its requirements %s were evaluated on "
	                   "%s (steps 2, 5): evaluate the requirements before signing, or correct "
	                   "the dates",
	                   doc_id(sla), node_attr(sig, "date"), doc_id(req), node_attr(ev, "date"));
	rule_related(c, diag, req, ev, "%s is evaluated here", doc_id(req));
}

/* The contract is decomposed once signed: on or after the last signature of the SLA (base or
 * additional) the decomposition names. */
static void decomposed_after_signing(const struct check_ctx *c, const struct doc *dec)
{
	const struct doc *sla = model_doc(c->m, node_attr(dec->root, "sla"), KIND_SLA);
	const struct node *sig;
	int32_t day, signed_on = 0;
	struct diag *diag;

	if (!sla || !sla->valid || !node_date(dec->root, "date", &day))
		return;
	sig = signature(sla, true, &signed_on);
	if (!sig || day >= signed_on)
		return;
	diag = rule_report(c, RULE_STEP_ORDER, dec, dec->root,
	                   "decomposition %s is dated %s, before SLA %s was signed on %s (steps 5, "
	                   "7): the contract is decomposed once it is signed; correct the date",
	                   doc_id(dec), node_attr(dec->root, "date"), doc_id(sla),
	                   node_attr(sig, "date"));
	rule_related(c, diag, sla, sig, "%s is signed here", doc_id(sla));
}

/* The proposal is written from the decomposition: on or after its date.  A decomposition of
 * another SLA is unresolved-ref's finding. */
static void proposed_after_decomposition(const struct check_ctx *c, const struct doc *prop)
{
	const struct doc *dec =
	    model_doc(c->m, node_attr(prop->root, "decomposition"), KIND_DECOMPOSITION);
	int32_t day, decomposed;
	struct diag *diag;

	if (!dec || !dec->valid || !node_date(prop->root, "date", &day) ||
	    !node_date(dec->root, "date", &decomposed) || day >= decomposed ||
	    model_sla_of(c->m, node_attr(dec->root, "sla")) !=
	        model_sla_of(c->m, node_attr(prop->root, "sla")))
		return;
	diag = rule_report(c, RULE_STEP_ORDER, prop, prop->root,
	                   "proposal %s is dated %s, before its decomposition %s of %s (steps 7, "
	                   "8): the proposal is written once the decomposition is received; "
	                   "correct the date",
	                   doc_id(prop), node_attr(prop->root, "date"), doc_id(dec),
	                   node_attr(dec->root, "date"));
	rule_related(c, diag, dec, dec->root, "%s is dated here", doc_id(dec));
}

/* Step 1 before step 2: the requirements are gathered (date=) before they are evaluated. */
static void gathered_before_evaluation(const struct check_ctx *c, const struct doc *req)
{
	const struct node *ev = node_child(req->root, "evaluation");
	int32_t gathered, evaluated;

	if (!node_date(req->root, "date", &gathered) || !node_date(ev, "date", &evaluated) ||
	    evaluated >= gathered)
		return;
	rule_report(c, RULE_STEP_ORDER, req, ev,
	            "requirements %s were evaluated on %s, before they were gathered on %s (steps "
	            "1, 2): the service level manager evaluates the customer's requirements once "
	            "sales have recorded them; correct the date",
	            doc_id(req), node_attr(ev, "date"), node_attr(req->root, "date"));
}

/* The approved initiation of PROP approved first, and its approval (NULL when none). */
static const struct node *first_approval(const struct check_ctx *c, const struct doc *prop,
                                         const struct doc **init, int32_t *day)
{
	const GPtrArray *inits = model_referring(c->m, KIND_INITIATION, "proposal", doc_id(prop));
	const struct node *best = NULL;
	int32_t x;

	for (guint i = 0; i < inits->len; i++) {
		const struct doc *d = inits->pdata[i];
		const struct node *ap = node_child(d->root, "approval");
		if (!node_is(d->root, "status", "approved") || !node_date(ap, "date", &x))
			continue;
		if (!best || x < *day) {
			best = ap;
			*init = d;
			*day = x;
		}
	}
	return best;
}

/* Delivery starts once the initiation is approved (steps 9, 10): on the term start of a base SLA,
 * on the effective date of an additional one. */
static void approved_before_delivery(const struct check_ctx *c, const struct doc *prop)
{
	const struct doc *sla = model_doc(c->m, node_attr(prop->root, "sla"), KIND_SLA);
	const struct sla_view *v = model_sla_of(c->m, node_attr(prop->root, "sla"));
	const struct doc *init = NULL;
	const struct node *ap, *at;
	int32_t approved = 0, start;
	struct diag *diag;
	char *s_start;

	if (!sla || !v || !v->binding || !v->has_term)
		return;
	start = v->start;
	at = node_child(v->doc->root, "term");
	if (sla != v->doc) {
		int32_t eff;
		if (!node_is(sla->root, "status", "signed") ||
		    !node_date(sla->root, "effective", &eff))
			return;
		start = MAX(start, eff);
		at = sla->root;
	}
	ap = first_approval(c, prop, &init, &approved);
	if (!ap || approved <= start)
		return;
	s_start = time_date_format(start);
	diag =
	    rule_report(c, RULE_STEP_ORDER, init, ap,
	                "initiation %s of proposal %s was approved on %s, after service delivery "
	                "of %s %s began on %s (steps 9, 10): approve the initiation before "
	                "delivery starts, or correct the dates",
	                doc_id(init), doc_id(prop), node_attr(ap, "date"),
	                sla == v->doc ? "SLA" : "additional SLA", doc_id(sla), s_start);
	rule_related(c, diag, sla, at, "%s %s here", doc_id(sla),
	             sla == v->doc ? "starts" : "takes effect");
	g_free(s_start);
}

/* ---- step-order: the termination sub-process T1–T5 ---- */

/* What a termination's dates are compared with. */
struct ending_facts {
	const struct doc *t;
	const struct sla_view *v;
	const struct node *notice, *reply;
	int32_t noticed, replied;
	bool has_notice, has_reply;
	const struct doc *last_doc; /* the termination record that sets the last day ... */
	const struct node *last_at; /* ... and its element: the root (effective=) or an extension */
};

/* Where the last day of service V->last is set: the extension whose until= it is, or the
 * termination's effective=. */
static const struct node *last_day_at(const struct sla_view *v)
{
	int32_t until;

	node_each(x, v->termination->root, "extension")
	{
		if (node_date(x, "until", &until) && until == v->last)
			return x;
	}
	return v->termination->root;
}

static void related_last_day(const struct check_ctx *c, struct diag *diag,
                             const struct ending_facts *f)
{
	char *s_last = time_date_format(f->v->last);

	rule_related(c, diag, f->last_doc, f->last_at,
	             "the last day of service of %s, %s, is set here", doc_id(f->v->doc), s_last);
	g_free(s_last);
}

/* The expiry notice goes out at least the term's notice period (P1M) before the end: T1. */
static void notice_in_time(const struct check_ctx *c, const struct ending_facts *f)
{
	const struct sla_version *lastv = f->v->versions->pdata[f->v->versions->len - 1];
	struct time_duration notice = {1, 0, 0};
	const char *written = lastv->term ? node_attr(lastv->term, "notice") : NULL;
	int32_t end, effective, due;
	struct diag *diag;
	char *s_due;

	if (!f->has_notice || !lastv->term || !node_date(lastv->term, "end", &end) ||
	    !node_date(f->t->root, "effective", &effective) || effective < end)
		return;
	if (written && !node_duration(lastv->term, "notice", &notice))
		return;
	if (time_date_sub_duration(end, &notice, &due) != TIME_OK || f->noticed <= due)
		return;
	s_due = time_date_format(due);
	diag = rule_report(c, RULE_STEP_ORDER, f->t, f->notice,
	                   "termination %s gave notice on %s that SLA %s ends at its term end "
	                   "%s, after %s, %s%s before the end (termination step 1, 到期一月前): "
	                   "give notice at least that long before the end, or correct the date",
	                   doc_id(f->t), node_attr(f->notice, "date"), doc_id(f->v->doc),
	                   node_attr(lastv->term, "end"), s_due, written ? written : "P1M",
	                   written ? "" : " by default");
	rule_related(c, diag, lastv->term_doc, lastv->term, "the term of %s ends here",
	             doc_id(f->v->doc));
	g_free(s_due);
}

/* The customer replies to the notice, not before it: T1, T2. */
static void reply_after_notice(const struct check_ctx *c, const struct ending_facts *f)
{
	struct diag *diag;

	if (!f->has_notice || !f->has_reply || f->replied >= f->noticed)
		return;
	diag = rule_report(c, RULE_STEP_ORDER, f->t, f->reply,
	                   "the customer's reply of %s is dated before the termination notice of "
	                   "%s it answers (termination steps 1, 2): correct the date of the reply "
	                   "or of the notice",
	                   node_attr(f->reply, "date"), node_attr(f->notice, "date"));
	rule_related(c, diag, f->t, f->notice, "the notice is dated here");
}

/* The day the notice is deemed confirmed: CONFIRM-WITHIN working days of the SLA's calendar after
 * it (the notice day not counted; holidays off, 调休 workdays on), once that day is over by the
 * as-of date.  False when there is a reply, no period, no calendar, or it is still running. */
static bool deemed_day(const struct check_ctx *c, const struct ending_facts *f, int32_t *day,
                       gint64 *n)
{
	const char *within = f->notice ? node_attr(f->notice, "confirm-within") : NULL;
	const struct calendar *cal = model_calendar(c->m, node_attr(f->v->doc->root, "calendar"));

	if (f->has_reply || !f->has_notice || !within || !cal)
		return false;
	*n = g_ascii_strtoll(within, NULL, 10);
	return calendar_add_working_days(cal, f->noticed, *n, day) && *day <= c->as_of;
}

static char *deemed_text(const struct ending_facts *f, int32_t deemed, gint64 n)
{
	char *s = time_date_format(deemed);
	char *text =
	    g_strdup_printf("the termination notice of %s was deemed confirmed only on %s, "
	                    "%" G_GINT64_FORMAT " working day%s later without reply in "
	                    "calendar %s",
	                    node_attr(f->notice, "date"), s, n, n == 1 ? "" : "s",
	                    node_attr(f->v->doc->root, "calendar"));
	g_free(s);
	return text;
}

/* A notice deemed confirmed after service ended: T2 comes before the end. */
static void deemed_before_end(const struct check_ctx *c, const struct ending_facts *f)
{
	int32_t deemed = 0;
	gint64 n = 0;
	char *what, *s_last;
	struct diag *diag;

	if (!deemed_day(c, f, &deemed, &n) || deemed <= f->v->last)
		return;
	what = deemed_text(f, deemed, n);
	s_last = time_date_format(f->v->last);
	diag = rule_report(c, RULE_STEP_ORDER, f->last_doc, f->last_at,
	                   "service of SLA %s ended on %s, but %s (termination step 2): give "
	                   "notice earlier, record the customer's reply, or correct the dates",
	                   doc_id(f->v->doc), s_last, what);
	rule_related(c, diag, f->t, f->notice, "the notice is dated here");
	g_free(s_last);
	g_free(what);
}

static int release_step(const struct node *item)
{
	const struct node *list = node_parent(item);

	if (node_is(list, "kind", "staff"))
		return 4;
	if (node_is(list, "kind", "supplier"))
		return 5;
	return 3;
}

/* Each item is released on or after the last day of service (T3–T5); the first of the others on
 * or after the customer's reply (T2).  A deemed confirmation needs no comparison here: one on or
 * before the last day (deemed_before_end) is before every release on or after it.  Items released
 * before the notice are release-incomplete's. */
static void released_after_end(const struct check_ctx *c, const struct ending_facts *f)
{
	const struct node *first = NULL;
	int32_t first_day = 0;
	char *s_last = time_date_format(f->v->last);

	node_each(rel, f->t->root, "release") node_each(it, rel, "item")
	{
		int32_t day;
		if (!node_date(it, "released", &day) || (f->has_notice && day < f->noticed))
			continue;
		if (day >= f->v->last) {
			if (!first || day < first_day)
				first = it, first_day = day;
			continue;
		}
		struct diag *diag =
		    rule_report(c, RULE_STEP_ORDER, f->t, it,
		                "release item %s was released on %s, before the last day of "
		                "service of SLA %s, %s (termination step %d): release resources "
		                "once service has ended, or correct the date",
		                node_attr(it, "ref"), node_attr(it, "released"), doc_id(f->v->doc),
		                s_last, release_step(it));
		related_last_day(c, diag, f);
	}
	g_free(s_last);
	if (!first)
		return;
	if (f->has_reply && f->replied > first_day) {
		struct diag *diag =
		    rule_report(c, RULE_STEP_ORDER, f->t, first,
		                "release item %s was released on %s, before the customer's reply "
		                "of %s (termination steps 2, %d): release once the customer has "
		                "confirmed, or correct the dates",
		                node_attr(first, "ref"), node_attr(first, "released"),
		                node_attr(f->reply, "date"), release_step(first));
		rule_related(c, diag, f->t, f->reply, "the reply is dated here");
	}
}

static void termination_order(const struct check_ctx *c, const struct doc *t)
{
	struct ending_facts f = {.t = t};

	f.v = model_sla_of(c->m, node_attr(t->root, "sla"));
	if (!f.v || !f.v->termination)
		return;
	f.notice = node_child(t->root, "notice");
	f.reply = node_child(t->root, "reply");
	f.has_notice = node_date(f.notice, "date", &f.noticed);
	f.has_reply = node_date(f.reply, "date", &f.replied);
	f.last_doc = f.v->termination;
	f.last_at = last_day_at(f.v);

	notice_in_time(c, &f);
	reply_after_notice(c, &f);
	deemed_before_end(c, &f);
	released_after_end(c, &f);
}

/* ---- decomposition-unsent (step 7) ---- */

/* Whether the repository records where decompositions were sent (see the decisions above). */
static bool records_notifications(const struct check_ctx *c)
{
	for (guint i = 0; i < c->repo->docs->len; i++) {
		const struct doc *d = c->repo->docs->pdata[i];
		if (d->root && d->valid && d->kind == KIND_DECOMPOSITION &&
		    node_child(d->root, "notify"))
			return true;
	}
	return false;
}

/* The notification of department DEPT by DEC: the first dated on or after the decomposition, else
 * the first dated, else the first; NULL when none. */
static const struct node *notification(const struct doc *dec, const char *dept, int32_t made,
                                       bool *in_time)
{
	const struct node *dated = NULL, *any = NULL;
	int32_t day;

	*in_time = false;
	node_each(n, dec->root, "notify")
	{
		if (!node_is(n, "dept", dept))
			continue;
		if (node_date(n, "date", &day) && day >= made) {
			*in_time = true;
			return n;
		}
		if (!dated && node_attr(n, "date"))
			dated = n;
		if (!any)
			any = n;
	}
	return dated ? dated : any;
}

static void unsent_to(const struct check_ctx *c, const struct doc *dec, const struct node *clause,
                      bool records)
{
	const char *dept = node_attr(clause, "dept");
	const char *made = node_attr(dec->root, "date");
	int32_t day = TIME_DAY_MIN;
	bool in_time;
	const struct node *n;

	node_date(dec->root, "date", &day);
	n = notification(dec, dept, day, &in_time);
	if (in_time)
		return;
	if (!n && records) {
		const char *svc = node_attr(clause, "service");
		rule_report(c, RULE_DECOMPOSITION_UNSENT, dec, clause,
		            "decomposition %s assigns clause %s%s%s%s to %s, but records no "
		            "notification of %s (step 7, 发送给所有相关部门领导): send the "
		            "decomposition to the department's head and add <notify dept=\"%s\" "
		            "person=\"...\" date=\"...\"/>",
		            doc_id(dec), node_attr(clause, "number"), svc ? " (" : "",
		            svc ? svc : "", svc ? ")" : "", dept, dept, dept);
	} else if (n && !node_attr(n, "date")) {
		rule_report(
		    c, RULE_DECOMPOSITION_UNSENT, dec, n,
		    "the notification of %s records no date, so it cannot show that "
		    "decomposition %s was sent once made (step 7): add date= with the day it "
		    "was sent",
		    dept, doc_id(dec));
	} else if (n) {
		rule_report(
		    c, RULE_DECOMPOSITION_UNSENT, dec, n,
		    "the notification of %s is dated %s, before decomposition %s was made on "
		    "%s (step 7): a department is sent the decomposition once it is made; "
		    "correct the date, or record the sending",
		    dept, node_attr(n, "date"), doc_id(dec), made);
	}
}

/* Every department that has a clause, once, at its first clause; the department of the person who
 * decomposed the contract (经营管理部) holds it already. */
static void decomposition_sent(const struct check_ctx *c, const struct doc *dec, bool records)
{
	GHashTable *seen = g_hash_table_new(g_str_hash, g_str_equal);
	const struct node *author = model_thing(c->m, node_attr(dec->root, "person"), T_PERSON);
	const char *own = author ? node_attr(author, "dept") : NULL;

	node_each(cl, dec->root, "clause")
	{
		const char *dept = node_attr(cl, "dept");
		/* an unknown department is unresolved-ref's finding */
		if (dept && (!own || strcmp(dept, own) != 0) &&
		    model_thing(c->m, dept, T_DEPARTMENT) && g_hash_table_add(seen, (gpointer)dept))
			unsent_to(c, dec, cl, records);
	}
	g_hash_table_destroy(seen);
}

/* ---- review-without-customer (step 11) ---- */

static void review_customer(const struct check_ctx *c, const struct doc *rev)
{
	const struct doc *sla = model_doc(c->m, node_attr(rev->root, "sla"), KIND_SLA);
	const char *customer = sla && sla->valid ? node_attr(sla->root, "customer") : NULL;
	const struct node *other = NULL;
	struct diag *diag;

	if (!customer)
		return;
	node_each(a, rev->root, "attendee")
	{
		if (node_is(a, "customer", customer))
			return;
		if (!other && node_attr(a, "customer"))
			other = a;
	}
	diag =
	    rule_report(c, RULE_REVIEW_WITHOUT_CUSTOMER, rev, rev->root,
	                "review %s of SLA %s, held on %s, lists no attendee of customer %s "
	                "(step 11, 了解客户满意度): hold the review with the customer and add "
	                "<attendee customer=\"%s\" name=\"...\"/>",
	                doc_id(rev), doc_id(sla), node_attr(rev->root, "date"), customer, customer);
	if (other)
		rule_related(c, diag, rev, other, "this attendee represents customer %s, not %s",
		             node_attr(other, "customer"), customer);
}

/* ---- summary-missing (termination step 7) ---- */

static void summary(const struct check_ctx *c, const struct doc *t)
{
	if (!node_is(t->root, "status", "closed"))
		return;
	if (!node_child(t->root, "summary"))
		rule_report(
		    c, RULE_SUMMARY_MISSING, t, t->root,
		    "closed termination %s has no <summary> (termination step 7, 服务总结): "
		    "sum up the service with the providing departments, with the directions "
		    "for improvement, before closing it",
		    doc_id(t));
	node_each(k, t->root, "corrective")
	{
		if (!node_attr(k, "owner"))
			rule_report(
			    c, RULE_SUMMARY_MISSING, t, k,
			    "a corrective action of closed termination %s names no owner: add "
			    "owner= naming the person who carries it out (termination step 7)",
			    doc_id(t));
	}
}

/* ---- the family ---- */

void rules_process(const struct check_ctx *c)
{
	bool records = records_notifications(c);

	for (guint i = 0; i < c->repo->docs->len; i++) {
		const struct doc *d = c->repo->docs->pdata[i];
		if (!d->root || !d->valid)
			continue;
		switch (d->kind) {
		case KIND_SLA:
			if (node_attr(d->root, "requirements"))
				evaluated_before_signing(c, d);
			break;
		case KIND_DECOMPOSITION:
			decomposed_after_signing(c, d);
			decomposition_sent(c, d, records);
			break;
		case KIND_PROPOSAL:
			proposed_after_decomposition(c, d);
			approved_before_delivery(c, d);
			break;
		case KIND_REVIEW:
			review_customer(c, d);
			break;
		case KIND_REQUIREMENTS:
			gathered_before_evaluation(c, d);
			break;
		case KIND_TERMINATION:
			termination_order(c, d);
			summary(c, d);
			break;
		default:
			break;
		}
	}
}
