/* The agreement model the rules share: typed views over the documents of the index, built once
 * per check — calendars, tier hours, documents that refer to a document, the effective SLA.
 *
 * Rules never parse attribute text themselves: node_date(), node_percent(), node_duration() read
 * a value and say whether it was there and valid (the schema guarantees the form of a valid
 * document; rules skip documents that are not valid).  Everything here is read-only after
 * model_build(); lookups are hash tables, so no rule needs to be quadratic in documents. */
#ifndef SLM_MODEL_H
#define SLM_MODEL_H

#include "index.h"
#include "timecore.h"

struct model;

/* AS_OF is the run's "today" (cli_today() when not given): the timeline needs it only to bound
 * agreements whose status says they ended while their term says otherwise. */
struct model *model_build(const struct repo *r, const struct index *ix, int32_t as_of);
void model_free(struct model *m);

/* ---- values of attributes ---- */
bool node_date(const struct node *n, const char *attr, int32_t *day);
bool node_duration(const struct node *n, const char *attr, struct time_duration *d);
bool node_percent(const struct node *n, const char *attr, int64_t *pct);
bool node_money(const struct node *n, const char *attr, int64_t *cents);
/* An xs:dateTime with offset. */
bool node_instant(const struct node *n, const char *attr, int64_t *instant);
/* Whether ATTR equals VALUE (false when absent). */
bool node_is(const struct node *n, const char *attr, const char *value);

/* Add V to the GPtrArray that hash table T keeps under KEY (made when missing; KEY is taken,
 * freed when T has it already), unless V is already the array's last element. */
void multimap_add(GHashTable *t, char *key, gconstpointer v);

/* ---- documents and things by id ---- */
const struct doc *model_doc(const struct model *m, const char *id, enum kind k);
/* The declaring node of a person, department, customer, service... (NULL if none). */
const struct node *model_thing(const struct model *m, const char *id, enum target t);
/* Whether person ID has ROLE among its roles= (service-level-manager, ops-owner, sales...). */
bool model_person_has_role(const struct model *m, const char *id, const char *role);

/* Documents of kind K whose root attribute ATTR names ID (reports of an SLA: KIND_REPORT, "sla";
 * additional SLAs of an SLA: KIND_SLA, "amends"; initiations of a proposal...), in path order.
 * Never NULL (an empty array when none). */
const GPtrArray *model_referring(const struct model *m, enum kind k, const char *attr,
				 const char *id);

/* The same for several ids: the documents of kind K whose ATTR names one of IDS, id by id.
 * The caller frees the array (not the documents). */
GPtrArray *model_referring_any(const struct model *m, enum kind k, const char *attr,
			       const GPtrArray *ids);

/* The documents of kind K that are not valid against the schema (their errors are reported) and
 * are about SLA: by their root sla=, or a <supports sla=>.  Rules that report something missing
 * stay silent when it may be in one of them: one fault, one diagnostic.  Never NULL. */
const GPtrArray *model_invalid_about(const struct model *m, enum kind k, const char *sla);
/* The OLAs and supplier contracts whose <supports sla=SLA service=SERVICE> names the pair, in path
 * order, as struct support (the document and its <supports> node). */
struct support {
	const struct doc *doc;
	const struct node *supports;
};
const GArray *model_supporting(const struct model *m, const char *sla, const char *service);

/* ---- time ---- */
/* The calendar with this id (from the organization), or NULL when unknown or invalid. */
const struct calendar *model_calendar(const struct model *m, const char *id);
/* The weekly hours given by the <hours> children of N (a catalog tier, an OLA or a contract), or
 * NULL when N has none.  Owned by the model, built with it: safe from any thread. */
const struct hours *model_hours(const struct model *m, const struct node *n);
/* The service hours of tier LEVEL in catalog CATALOG, or NULL. */
const struct hours *model_tier_hours(const struct model *m, const char *catalog, const char *level);
/* The catalog <service> node of SERVICE in CATALOG, and its <offer> at LEVEL (NULL if none). */
const struct node *model_catalog_service(const struct model *m, const char *catalog,
					 const char *service);
const struct node *model_offer(const struct model *m, const char *catalog, const char *service,
			       const char *level);

/* ---- the effective SLA (DESIGN §3) ---- */
/* What an additional SLA's element does to the effective SLA: the one definition that the model,
 * `slm diff` (on XML trees) and the stylesheets (through slm:effective()) share. */
enum amend_how {
	AMEND_KEYED,  /* replaces the element with the same KEY attribute, or is added */
	AMEND_REMOVE, /* takes out the <service> whose ref= is its KEY attribute */
	AMEND_WHOLE,  /* replaces the base's element of that name */
};
struct amend_rule {
	const char *element, *key; /* key: the attribute that identifies it (NULL for WHOLE) */
	enum amend_how how;
	const char *target; /* REMOVE: the element it removes */
};
/* The rule for element NAME of an additional SLA, or NULL when it changes nothing (title,
 * signature...). */
const struct amend_rule *amend_rule_of(const char *name);

/* A version of an SLA in force from FROM to TO (inclusive days): the base with every signed
 * additional SLA effective by FROM applied — services replaced or added by ref=, removed by
 * <remove service=>, and term, reporting, review, charges, credits replaced when present. */
struct sla_version {
	int32_t from, to;
	const struct doc *source;    /* the base, or the additional SLA that starts this version */
	GPtrArray *services;	     /* struct node* <service> (of the base or an amendment) */
	GPtrArray *service_docs;     /* the document of each service, parallel to services */
	GPtrArray *credits;	     /* struct node* <credit>, one per service */
	GPtrArray *credit_docs;	     /* the document of each credit, parallel to credits */
	const struct node *term, *reporting, *review, *charges;
	const struct doc *term_doc, *reporting_doc, *review_doc, *charges_doc;
};

/* How an agreement's time in force ends (DESIGN §9: the timeline). */
enum ending {
	ENDING_OPEN,	    /* no term end: in force until something ends it */
	ENDING_EXPIRY,	    /* it runs to its term end */
	ENDING_RENEWAL,	    /* it runs to its term end and a successor (renews=) follows */
	ENDING_TERMINATION, /* a termination record sets its last day (sooner, or extended) */
	ENDING_REPLACED,    /* an OLA or contract another agreement of its party took over from */
	ENDING_UNKNOWN,	    /* its status says it ended, nothing says when: in force up to the
			       as-of date at the latest */
};
const char *ending_name(enum ending e);

/* A base SLA (no amends=) with its versions in date order.  An SLA without a valid term has one
 * version covering every day.  Additional SLAs that are not signed, or whose effective date is
 * missing, or that are for another customer, are left out (rule amendment-base reports
 * them). */
struct sla_view {
	const struct doc *doc;
	bool has_term;
	int32_t start, end; /* of the base term (or of the term a later version replaced) */
	GPtrArray *versions; /* struct sla_version* */
	GPtrArray *amendments; /* the signed additional SLAs applied, by effective date */
	/* the timeline */
	bool binding;	 /* signed, ended or terminated: it carried obligations while in force */
	int32_t last;	 /* last day of service (TIME_DAY_MAX when open) */
	enum ending ending;
	const struct doc *termination; /* the termination record that sets LAST, or NULL */
	const struct doc *successor;   /* the SLA that renews it (renews=), or NULL */
};

/* The last day of service termination T gives to an SLA whose term ends on TERM_END: its
 * effective date (at the latest the term end), or an executive's later extension (until=). */
bool termination_last_day(const struct doc *t, int32_t term_end, int32_t *last);

/* The last day a signature of agreement D may carry: its term start, or an additional SLA's
 * effective date (an agreement is signed before it applies).  False when D gives none. */
bool signing_limit(const struct doc *d, int32_t *limit);

/* Whether the SLA was in force on DAY: binding, and DAY within its start..last. */
bool sla_in_force(const struct sla_view *v, int32_t day);

/* An OLA or supplier contract on the timeline. */
struct agreement {
	const struct doc *doc;
	const char *party; /* dept= of an OLA, supplier= of a contract */
	bool binding;	   /* signed, ended or terminated */
	bool has_term;
	int32_t start, end; /* its term */
	int32_t last;	    /* last day in force: END, or sooner (REPLACED, UNKNOWN) */
	enum ending ending;
	const struct doc *successor; /* REPLACED: the agreement that took over */
};
/* The timeline of OLA or contract D (NULL for other documents and invalid ones). */
const struct agreement *model_agreement(const struct model *m, const struct doc *d);
/* Whether A was in force on DAY. */
bool agreement_in_force(const struct agreement *a, int32_t day);

/* The ids of an SLA and of each of its additional SLAs, whatever their status (documents about the
 * SLA may name either); and of the base and its signed additional SLAs only (a <supports sla=>
 * may name the additional SLA that added a service: 附加OLA).  The caller frees the arrays. */
GPtrArray *model_sla_family(const struct model *m, const struct sla_view *v);
GPtrArray *sla_view_ids(const struct sla_view *v);

/* Every base SLA of the repository, in path order (struct sla_view*). */
const GPtrArray *model_slas(const struct model *m);
const struct sla_view *model_sla(const struct model *m, const char *id);
/* The base SLA of ID, which names an SLA or one of its additional SLAs; NULL when neither. */
const struct sla_view *model_sla_of(const struct model *m, const char *id);
/* The version in force on DAY, or NULL outside the term. */
const struct sla_version *sla_version_at(const struct sla_view *v, int32_t day);
/* The <service> of SERVICE in version V, or NULL. */
const struct node *sla_version_service(const struct sla_version *v, const char *service,
				       const struct doc **doc);

#endif
