/*
 * rules.h — the built-in review rules of `plangen check`, the
 * <?plangen accept?> instruction and the completeness score.
 *
 * The rules read only the plan model (model.h): they run after the reader
 * built a schema-valid plan, add findings to a struct pg_diags and never
 * print.  Rule ids and default severities are those of the spec's table
 * (../shared/spec/plan-format.md, "Review rules"), held by the one list
 * of finding ids (base/finding.h); `xml-syntax` and `schema` belong to
 * earlier stages.  Messages are in the plan's language
 * (Chinese for "zh", "zh-*", "zh_*"; English otherwise) unless an explicit
 * language is given.  Rule ids are never translated.
 *
 * Order of use for one plan (check.c):
 *	pg_rules_run(plan, file, lang, diags);
 *	... any other stage that adds findings (custom rules) ...
 *	pg_accept_apply(plan, diags, file, lang);
 *	completeness = pg_completeness(plan, diags);
 *
 * Implemented by rules.c (table, context, score) and one file per rule
 * family, rules_*.c, which share rules_int.h.
 *
 * Include: check.c, output formats that list the rules, tests.
 */
#ifndef PG_RULES_H
#define PG_RULES_H

#include <stddef.h>

#include "base/diag.h"
#include "model/model.h"

/* ---- the rule table ------------------------------------------------------ */

/*
 * The built-in rules, in the order they run: pg_rule_count() entries,
 * index 0..count-1.  pg_rule_id() is the stable id ("goal-cycle"),
 * pg_rule_severity() its default severity.  `unused-accept` is the last
 * entry (it is produced by pg_accept_apply, not by pg_rules_run).
 * Out-of-range indexes return NULL / PG_WARNING.
 */
size_t		 pg_rule_count(void);
const char	*pg_rule_id(size_t i);
enum pg_severity pg_rule_severity(size_t i);

/* pg_lang_is_zh(): see base/lang.h, the one place that decides a language. */
#include "base/lang.h"

/*
 * Run every built-in rule on `plan` and append the findings to `d`, each
 * with `file` as its file name.  `lang` overrides the plan's @lang for
 * messages when not NULL.  Returns 0, or -1 if memory ran out (then d->oom
 * is set and some findings may be missing).  The plan is not modified.
 */
int		 pg_rules_run(const struct pg_plan *plan, const char *file,
		    const char *lang, struct pg_diags *d);

/*
 * Apply the plan's accept instructions to the findings in `d` (run it
 * after every stage that reports findings).  A finding is accepted
 * (diag->accepted = 1) when an accept's line range [first, last] holds
 * the finding's line and the accept lists the finding's rule id;
 * `xml-syntax` and `schema` are never accepted.  Every listed id that
 * silenced nothing adds one `unused-accept` warning at the instruction's
 * line (also for `xml-syntax`/`schema`, whose message says they can never
 * be accepted).  Sets plan->accepts[i].used to the number of findings that
 * accept silenced.  Sorts `d` by line.  Returns 0, -1 if memory ran out.
 *
 * Ranges are whole lines: an element that starts on the last line of the
 * covered element is covered too.  A finding without a line (0) is never
 * accepted; unused-accept findings are added after matching, so they
 * cannot be accepted either.  An accept followed by no element (first 0)
 * silences nothing.  About linear: findings are swept in line order
 * against the accepts whose range holds the current line.
 */
int		 pg_accept_apply(struct pg_plan *plan, struct pg_diags *d,
		    const char *file, const char *lang);

/*
 * The completeness score, an integer percent 0..100 (rounded down).
 *
 * It is the share of passing items among these 44, all weighted equally:
 *
 *  Sections (21): each passes when the element is present in the plan.
 *    Required (8): meta, summary, situation, swot, goals, strategy,
 *      actions, budget.
 *    Optional parts of a complete plan (13): summary/sales,
 *      summary/overview, situation/customers, situation/competitors,
 *      situation/performance, situation/events, situation/positioning-map,
 *      strategy/target-competitors, strategy/mix, strategy/service-quality,
 *      strategy/blueprint, budget/contingency, controls.
 *  Checks (23): each built-in rule (pg_rule_id: the 22 rules of
 *    pg_rules_run plus unused-accept) passes when `d` holds no unaccepted
 *    finding with its id.  xml-syntax, schema and custom rules do not count.
 *
 *  Version 2 rules (goal-breakdown-mismatch, phase-mismatch,
 *    action-overdue, kpi-off-track, budget-overspent) are items only in a
 *    version 2 plan that has their section (goals, budget, actions): a
 *    version 1 plan's score does not move.
 *
 *  score = floor(100 * passing / items) (44 for a version 1 plan).  100 only when every item passes; the
 *  same plan and findings always give the same score.  Returns -1 if plan
 *  is NULL (a plan that did not parse has no score).
 */
int		 pg_completeness(const struct pg_plan *plan,
		    const struct pg_diags *d);

/* ---- pieces exposed for the unit tests ----------------------------------- */

/*
 * The placeholder matcher (PCRE2, UTF, compiled once per matcher, with
 * match and depth limits).  Finds TODO, TBD, FIXME, XXX and "lorem ipsum"
 * as case-insensitive whole words (not inside a longer Latin word or
 * number: "TODOS", "mastodon", "XXXL" do not match), and 待定, 待补充,
 * 待完善, ？？？, ???.
 */
struct pg_placeholder;

/* A new matcher, or NULL if memory ran out. */
struct pg_placeholder *pg_placeholder_new(void);

/* 1 if `s` (UTF-8) holds a placeholder, 0 if not (or on a matching error,
 * e.g. a limit was hit or s is not valid UTF-8).  When it matches and
 * buf != NULL, the matched text (truncated to fit) is copied into buf. */
int		 pg_placeholder_match(struct pg_placeholder *, const char *s,
		    char *buf, size_t bufsz);

/* Free a matcher; NULL is a no-op. */
void		 pg_placeholder_free(struct pg_placeholder *);

/*
 * The id table: an open-addressing hash of id -> (kind, index, line), so
 * references resolve in O(1).  Keys are borrowed (not copied).
 */
enum pg_idkind { PG_ID_GOAL, PG_ID_ACTION, PG_ID_SWOT, PG_ID_COMPETITOR,
	PG_ID_SEGMENT, PG_ID_STEP,
	/* v2: journey pains, SERVQUAL dimensions, journeys, their stages,
	   positioning maps, blueprints, risks; prose tables, appendix sections */
	PG_ID_PAIN, PG_ID_DIMENSION, PG_ID_JOURNEY, PG_ID_STAGE, PG_ID_MAP,
	PG_ID_BLUEPRINT, PG_ID_RISK, PG_ID_TABLE, PG_ID_SECTION };

struct pg_identry {
	const char	*id;		/* NULL: empty slot */
	enum pg_idkind	 kind;
	size_t		 index;		/* into the plan's array of that kind; for
					   pains, stages and steps a running
					   number over all journeys / blueprints */
	unsigned long	 line;
};

struct pg_idtab {
	struct pg_identry *v;
	size_t		 cap;		/* a power of two, or 0 */
	size_t		 n;
};

/* Initialise for about `n` ids.  Returns 0, -1 if memory ran out. */
int		 pg_idtab_init(struct pg_idtab *, size_t n);

/*
 * Insert id.  Returns NULL when inserted (or when the table is full, which
 * pg_idtab_init's sizing prevents), else the entry already holding this id
 * (the table is unchanged).
 */
const struct pg_identry *pg_idtab_put(struct pg_idtab *, const char *id,
		    enum pg_idkind, size_t index, unsigned long line);

/* The entry for id, or NULL. */
const struct pg_identry *pg_idtab_get(const struct pg_idtab *, const char *id);

void		 pg_idtab_free(struct pg_idtab *);

#endif
