/*
 * rules.c — the driver of the built-in review rules: the rule table, the
 * per-plan context the rules share, the helpers that name things in
 * messages, pg_rules_run() and the completeness score.  See rules.h; the
 * rules themselves are in rules_*.c, one file per family (rules_int.h).
 *
 * Design invariants:
 *  1. Rules are a table of small self-contained functions {finding id
 *     (finding.h), fn}; each reads the model through one shared context that
 *     is built once per plan (struct ctx) and reports with rl_emit().
 *  2. The context holds a hash table of every id -> (kind, index), so a
 *     reference resolves in O(1), and per-goal / per-action facts derived
 *     once (has a child goal, named by an action, has a kpi, budgeted...).
 *     Every rule is linear in the size of the plan.
 *  3. Nothing loops on the input's shape: parent links are followed with a
 *     visit stamp per goal, so each goal is visited once.
 *  4. Money is summed with pg_money_add; an overflow is reported, never UB.
 *  5. Messages name the thing (id and truncated title/statement, section)
 *     in English or Chinese; rule ids never change.  PCRE2 is used only
 *     in rules_placeholder.c (placeholder-text), compiled once per plan
 *     check.
 *
 * Rule semantics decided here (the spec is silent on them; each family's
 * file lists the rest):
 *  - "a goal with no child goals" (goal-unsupported, vague-goal): no
 *    *other* goal names it as @parent (a self-parent does not count).
 */
#include "config.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "review/rules_int.h"

/* ---- the emitter ------------------------------------------------------- */

void
rl_emit(struct ctx *c, const struct rule *r, unsigned long line,
    const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	(void)pg_diag_vemit(c->d, r->f, c->file, line, fmt, ap);
	va_end(ap);
}

/* ---- naming things ----------------------------------------------------- */

const char *
rl_date(struct pg_date d, char *buf, size_t n)
{
	snprintf(buf, n, "%04d-%02d-%02d", d.y, d.m, d.d);
	return buf;
}

/* "KIND ID (TEXT …)" / "KIND ID（TEXT）", the text shortened; no text: "KIND ID". */
static const char *
thing_name(struct ctx *c, const char *kind_en, const char *kind_zh,
    const char *id, const char *text, char *buf, size_t n)
{
	char i[80], t[160];

	pg_text_clip(id, 32, i, sizeof(i));
	if (text == NULL)
		snprintf(buf, n, "%s %s", L(kind_en, kind_zh), i);
	else
		snprintf(buf, n, c->zh ? "%s %s（%s）" : "%s %s (%s)",
		    L(kind_en, kind_zh), i, pg_text_clip(text, SHORT, t,
		    sizeof(t)));
	return buf;
}

/* "goal G3 (Raise the repeat …)" / "目标 G3（提升复购率）" */
const char *
rl_goal_name(struct ctx *c, const struct pg_goal *g, char *buf, size_t n)
{
	return thing_name(c, "goal", "目标", g->id, g->statement.s, buf, n);
}

const char *
rl_action_name(struct ctx *c, const struct pg_action *a, char *buf, size_t n)
{
	return thing_name(c, "action", "行动", a->id, a->title.s, buf, n);
}

const char *const rl_swot_en[4] = { "strength", "weakness",
	"opportunity", "threat" };
const char *const rl_swot_en_pl[4] = { "strengths", "weaknesses",
	"opportunities", "threats" };
const char *const rl_swot_zh[4] = { "优势", "劣势", "机会", "威胁" };

/* ---- building the context ---------------------------------------------- */

/* Version 2: the ids of prose tables (rl_each_id). */
struct tabids {
	rl_id_fn	*fn;
	void		*arg;
	size_t		 n;
};

static void
table_ids(void *arg, const struct pg_prose *pr, const char *what)
{
	struct tabids	*w = arg;
	size_t		 b;

	(void)what;
	for (b = 0; b < pr->nblocks; b++)
		if (pr->blocks[b].kind == PG_BLOCK_TABLE &&
		    pr->blocks[b].table != NULL &&
		    pr->blocks[b].table->id != NULL)
			w->fn(w->arg, pr->blocks[b].table->id, PG_ID_TABLE,
			    w->n++, pr->blocks[b].line);
}

/* Call fn for every element that has an id, in document order (the
 * version 2 tables and appendix sections last). */
void
rl_each_id(const struct pg_plan *p, rl_id_fn *fn, void *arg)
{
	struct tabids tw = { fn, arg, 0 };
	size_t i;

	for (i = 0; i < p->situation.nsegments; i++)
		if (p->situation.segments[i].id != NULL)
			fn(arg, p->situation.segments[i].id, PG_ID_SEGMENT, i,
			    p->situation.segments[i].line);
	for (i = 0; i < p->situation.ncompetitors; i++)
		if (p->situation.competitors[i].id != NULL)
			fn(arg, p->situation.competitors[i].id, PG_ID_COMPETITOR,
			    i, p->situation.competitors[i].line);
	rl_each_seed_id(p, fn, arg, 0);
	for (i = 0; i < p->swot.nitems; i++)
		if (p->swot.items[i].id != NULL)
			fn(arg, p->swot.items[i].id, PG_ID_SWOT, i,
			    p->swot.items[i].line);
	for (i = 0; i < p->goals.n; i++)
		if (p->goals.v[i].id != NULL)
			fn(arg, p->goals.v[i].id, PG_ID_GOAL, i,
			    p->goals.v[i].line);
	if (p->strategy.nblueprints == 0)	/* a model built without the reader */
		for (i = 0; i < p->strategy.blueprint.nsteps; i++)
			if (p->strategy.blueprint.steps[i].id != NULL)
				fn(arg, p->strategy.blueprint.steps[i].id, PG_ID_STEP, i,
				    p->strategy.blueprint.steps[i].line);
	rl_each_seed_id(p, fn, arg, 1);
	for (i = 0; i < p->actions.n; i++)
		if (p->actions.v[i].id != NULL)
			fn(arg, p->actions.v[i].id, PG_ID_ACTION, i,
			    p->actions.v[i].line);
	rl_each_seed_id(p, fn, arg, 2);
	pg_plan_each_prose(p, table_ids, &tw);
	for (i = 0; i < p->appendix.n; i++)
		if (p->appendix.v[i].id != NULL)
			fn(arg, p->appendix.v[i].id, PG_ID_SECTION, i,
			    p->appendix.v[i].line);
}

static void
put_id(void *arg, const char *id, enum pg_idkind k, size_t i,
    unsigned long line)
{
	(void)pg_idtab_put(arg, id, k, i, line);
}

static void
count_id(void *arg, const char *id, enum pg_idkind k, size_t i,
    unsigned long line)
{
	(void)id; (void)k; (void)i; (void)line;
	(*(size_t *)arg)++;
}

/* The goal index `id` names, or NONE. */
static size_t
goal_index(const struct ctx *c, const char *id)
{
	const struct pg_identry *e = pg_idtab_get(&c->ids, id);

	return e != NULL && e->kind == PG_ID_GOAL ? e->index : NONE;
}

static void
ctx_free(struct ctx *c)
{
	pg_idtab_free(&c->ids);
	free(c->g_parent);
	free(c->g_child);
	free(c->g_named);
	free(c->g_actowner);
	free(c->g_kpi);
	free(c->a_budget);
	pg_placeholder_free(c->ph);
}

/* Build the shared context.  Returns 0, -1 if memory ran out. */
static int
ctx_init(struct ctx *c, const struct pg_plan *p, const char *file,
    const char *lang, struct pg_diags *d)
{
	size_t	i, j, nid = 0, ng = p->goals.n, na = p->actions.n;

	memset(c, 0, sizeof(*c));
	c->p = p;
	c->file = file;
	c->d = d;
	c->zh = pg_lang_is_zh(lang != NULL ? lang : p->lang);
	rl_each_id(p, count_id, &nid);
	if (pg_idtab_init(&c->ids, nid) != 0)
		return -1;
	rl_each_id(p, put_id, &c->ids);
	/* +1: calloc(0) may return NULL */
	if ((c->g_parent = calloc(ng + 1, sizeof(size_t))) == NULL ||
	    (c->g_child = calloc(ng + 1, 1)) == NULL ||
	    (c->g_named = calloc(ng + 1, 1)) == NULL ||
	    (c->g_actowner = calloc(ng + 1, 1)) == NULL ||
	    (c->g_kpi = calloc(ng + 1, 1)) == NULL ||
	    (c->a_budget = calloc(na + 1, 1)) == NULL ||
	    (c->ph = pg_placeholder_new()) == NULL)
		return -1;
	for (i = 0; i < ng; i++) {
		const struct pg_goal *g = &p->goals.v[i];
		c->g_parent[i] = g->parent != NULL ? goal_index(c, g->parent) : NONE;
		if (c->g_parent[i] != NONE && c->g_parent[i] != i)
			c->g_child[c->g_parent[i]] = 1;
	}
	for (i = 0; i < na; i++) {
		const struct pg_action *a = &p->actions.v[i];
		for (j = 0; j < a->goals.n; j++) {
			size_t gi = goal_index(c, a->goals.id[j]);
			if (gi == NONE)
				continue;
			c->g_named[gi] = 1;
			if (a->owner != NULL)
				c->g_actowner[gi] = 1;
		}
	}
	for (i = 0; i < p->controls.nkpis; i++) {
		size_t gi = goal_index(c, p->controls.kpis[i].goal);
		if (gi != NONE)
			c->g_kpi[gi] = 1;
	}
	for (i = 0; i < p->budget.nlines; i++) {
		const struct pg_identry *e =
		    pg_idtab_get(&c->ids, p->budget.lines[i].action);
		if (e != NULL && e->kind == PG_ID_ACTION)
			c->a_budget[e->index] = 1;
	}
	c->period_ok = p->meta.period_start.y != 0 && p->meta.period_end.y != 0 &&
	    pg_date_cmp(p->meta.period_start, p->meta.period_end) <= 0;
	return 0;
}

/* ---- the table ------------------------------------------------------------ */

static const struct rule rules[] = {
	{ PG_F_DUPLICATE_ID,		rl_duplicate_id },
	{ PG_F_DANGLING_REF,		rl_dangling_ref },
	{ PG_F_GOAL_CYCLE,		rl_goal_cycle },
	{ PG_F_PERIOD_INVALID,		rl_period_invalid },
	{ PG_F_ACTION_DATES,		rl_action_dates },
	{ PG_F_GOAL_NOT_MEASURABLE,	rl_goal_not_measurable },
	{ PG_F_GOAL_NO_DEADLINE,	rl_goal_no_deadline },
	{ PG_F_BUDGET_TOTAL_MISMATCH,	rl_budget_total_mismatch },
	{ PG_F_GOAL_UNSUPPORTED,	rl_goal_unsupported },
	/* version 2 (rules_track.c) */
	{ PG_F_GOAL_BREAKDOWN_MISMATCH,	rl_goal_breakdown_mismatch },
	{ PG_F_PHASE_MISMATCH,		rl_phase_mismatch },
	{ PG_F_TOO_MANY_KEY_POINTS,	rl_too_many_key_points },
	{ PG_F_SWOT_QUADRANT_EMPTY,	rl_swot_quadrant_empty },
	{ PG_F_OUTSIDE_PERIOD,		rl_outside_period },
	{ PG_F_GOAL_NO_OWNER,		rl_goal_no_owner },
	{ PG_F_ACTION_NO_OWNER,		rl_action_no_owner },
	{ PG_F_GOAL_TARGET_UNCHANGED,	rl_goal_target_unchanged },
	{ PG_F_VAGUE_GOAL,		rl_vague_goal },
	{ PG_F_ACTION_UNBUDGETED,	rl_action_unbudgeted },
	{ PG_F_MIX_INCOMPLETE,		rl_mix_incomplete },
	{ PG_F_KPI_MISSING,		rl_kpi_missing },
	{ PG_F_NO_CONTROLS,		rl_no_controls },
	{ PG_F_FAIL_POINT_NO_RECOVERY,	rl_fail_point_no_recovery },
	{ PG_F_PLACEHOLDER_TEXT,	rl_placeholder_text },
	{ PG_F_IMAGE_UNREADABLE,	rl_image_unreadable },
	/* version 2 (rules_track.c) */
	{ PG_F_ACTION_OVERDUE,		rl_action_overdue },
	{ PG_F_KPI_OFF_TRACK,		rl_kpi_off_track },
	{ PG_F_BUDGET_OVERSPENT,	rl_budget_overspent },
	{ PG_F_UNUSED_ACCEPT,		NULL },	/* pg_accept_apply */
	/* version 2: the seed models (rules_seed.c; v2 plans only) */
	{ PG_F_OPPORTUNITY_UNADDRESSED,	rl_opportunity_unaddressed },
	{ PG_F_THREAT_UNADDRESSED,	rl_threat_unaddressed },
	{ PG_F_PAIN_UNADDRESSED,	rl_pain_unaddressed },
	{ PG_F_SERVQUAL_GAP_UNADDRESSED, rl_servqual_gap_unaddressed },
	{ PG_F_FAB_NO_BENEFIT,		rl_fab_no_benefit },
	{ PG_F_PROMOTION_QDQ_INCOMPLETE, rl_promotion_qdq_incomplete },
	{ PG_F_KPI_KIND_UNBALANCED,	rl_kpi_kind_unbalanced },
};
#define NRULES	(sizeof(rules) / sizeof(rules[0]))

size_t
pg_rule_count(void)
{
	return NRULES;
}

const char *
pg_rule_id(size_t i)
{
	return i < NRULES ? pg_finding_id(rules[i].f) : NULL;
}

enum pg_severity
pg_rule_severity(size_t i)
{
	return i < NRULES ? pg_finding_severity(rules[i].f) : PG_WARNING;
}

int
pg_rules_run(const struct pg_plan *p, const char *file, const char *lang,
    struct pg_diags *d)
{
	struct ctx	c;
	size_t		i;
	int		rc = 0;

	if (ctx_init(&c, p, file, lang, d) != 0) {
		d->oom = 1;
		ctx_free(&c);
		return -1;
	}
	for (i = 0; i < NRULES; i++)
		if (rules[i].fn != NULL)
			rules[i].fn(&c, &rules[i]);
	if (d->oom)
		rc = -1;
	ctx_free(&c);
	return rc;
}

/* ---- completeness ----------------------------------------------------------- */

/*
 * The score's sections (pg_completeness()): 0-7 the required ones, 8-19
 * optional parts, 20 controls.  Mark in held[] each section that holds
 * line: a top-level one (0-7, 20) up to the next top-level section, an
 * optional part up to the next section or part of any level.
 */
static void
mark_section(const unsigned long *sec, size_t ns, unsigned long line,
    int *held)
{
	size_t i, j;

	for (i = 0; i < ns; i++) {
		int top = i < 8 || i == 20;
		unsigned long end = (unsigned long)-1;
		if (sec[i] == 0 || line < sec[i])
			continue;
		for (j = 0; j < ns; j++)
			if (sec[j] > sec[i] && sec[j] < end && (!top || j < 8 || j == 20))
				end = sec[j];
		if (line < end)
			held[i] = 1;
	}
}

/*
 * For a rule of format version 2: the section (as in mark_section()) that
 * must exist for it to join the score; -1 for the version 1 rules.  A
 * version 2 rule counts only in a version 2 plan that has its section, so
 * a version 1 plan's score does not move.
 */
static int
v2_section(enum pg_finding f)
{
	switch (f) {
	case PG_F_GOAL_BREAKDOWN_MISMATCH: case PG_F_KPI_OFF_TRACK:
		return 4;				/* goals */
	case PG_F_ACTION_OVERDUE:
		return 6;				/* actions */
	case PG_F_PHASE_MISMATCH: case PG_F_BUDGET_OVERSPENT:
		return 7;				/* budget */
	default:
		return -1;
	}
}

/* The section (as in mark_section()) whose content a check reads, or -1
 * for the checks of the whole plan (ids, references, accepts). */
static int
section_read(enum pg_finding f)
{
	switch (f) {
	case PG_F_PERIOD_INVALID: case PG_F_OUTSIDE_PERIOD:
		return 0;				/* meta */
	case PG_F_TOO_MANY_KEY_POINTS:
		return 1;				/* summary */
	case PG_F_SWOT_QUADRANT_EMPTY:
		return 3;				/* swot */
	case PG_F_GOAL_NOT_MEASURABLE: case PG_F_GOAL_NO_DEADLINE:
	case PG_F_GOAL_UNSUPPORTED: case PG_F_GOAL_NO_OWNER:
	case PG_F_GOAL_TARGET_UNCHANGED: case PG_F_VAGUE_GOAL:
	case PG_F_KPI_MISSING:
		return 4;				/* goals */
	case PG_F_MIX_INCOMPLETE: case PG_F_FAIL_POINT_NO_RECOVERY:
		return 5;				/* strategy */
	case PG_F_ACTION_DATES: case PG_F_ACTION_NO_OWNER:
	case PG_F_ACTION_UNBUDGETED:
		return 6;				/* actions */
	case PG_F_BUDGET_TOTAL_MISMATCH:
		return 7;				/* budget */
	case PG_F_NO_CONTROLS: case PG_F_KPI_KIND_UNBALANCED:
		return 20;				/* controls */
	case PG_F_OPPORTUNITY_UNADDRESSED: case PG_F_THREAT_UNADDRESSED:
		return 3;				/* swot */
	case PG_F_PAIN_UNADDRESSED:
		return 2;				/* situation */
	case PG_F_SERVQUAL_GAP_UNADDRESSED: case PG_F_FAB_NO_BENEFIT:
		return 5;				/* strategy */
	case PG_F_PROMOTION_QDQ_INCOMPLETE:
		return 6;				/* actions */
	default:
		return v2_section(f);
	}
}

/*
 * Whether rule f counts in the completeness score of p: the version 2
 * rules count only in a version 2 plan, and only where their part of the
 * plan exists, so that a version 1 plan's score never moves.
 */
static int
rule_scored(const struct pg_plan *p, enum pg_finding f)
{
	switch (f) {
	case PG_F_IMAGE_UNREADABLE:
		return p->version >= 2 && rl_image_count(p) > 0;
	default:
		return 1;
	}
}

int
pg_completeness(const struct pg_plan *p, const struct pg_diags *d)
{
	unsigned long sections[] = {
		/* required */
		p ? p->meta.line : 0,
		p ? p->summary.line : 0,
		p ? p->situation.line : 0,
		p ? p->swot.line : 0,
		p ? p->goals.line : 0,
		p ? p->strategy.line : 0,
		p ? p->actions.line : 0,
		p ? p->budget.line : 0,
		/* optional parts of a complete plan */
		p ? p->summary.sales_line : 0,
		p ? p->summary.overview.line : 0,
		p ? p->situation.customers_line : 0,
		p ? p->situation.competitors_line : 0,
		p ? p->situation.performance.line : 0,
		p ? p->situation.events.line : 0,
		p ? p->situation.posmap.line : 0,
		p ? p->strategy.target_competitors.line : 0,
		p ? p->strategy.mix_line : 0,
		p ? p->strategy.quality_line : 0,
		p ? p->strategy.blueprint.line : 0,
		p ? p->budget.contingency_line : 0,
		p ? p->controls.line : 0,
	};
	size_t	ns = sizeof(sections) / sizeof(sections[0]);
	size_t	total = ns, pass = 0, i, j;
	int	held[sizeof(sections) / sizeof(sections[0])] = { 0 };

	if (p == NULL)
		return -1;
	/* which sections still hold placeholder (or empty) text */
	for (j = 0; d != NULL && j < d->n; j++)
		if (!d->v[j].accepted && d->v[j].rule != NULL &&
		    strcmp(d->v[j].rule, pg_finding_id(PG_F_PLACEHOLDER_TEXT)) == 0)
			mark_section(sections, ns, d->v[j].line, held);
	for (i = 0; i < ns; i++)
		if (sections[i] != 0 && !held[i])
			pass++;
	for (i = 0; i < NRULES; i++) {
		const char *id = pg_finding_id(rules[i].f);
		int ok = 1, s = section_read(rules[i].f), v2 = v2_section(rules[i].f);
		/* a version 2 check counts only for a v2 plan with its section */
		if (!rule_scored(p, rules[i].f) || !rl_seed_scored(p, rules[i].f))
			continue;
		if (v2 >= 0 && (p->version != 2 || sections[v2] == 0))
			continue;	/* not counted */
		total++;
		for (j = 0; d != NULL && j < d->n && ok; j++)
			if (!d->v[j].accepted && strcmp(d->v[j].rule, id) == 0)
				ok = 0;
		/* a check that passed on placeholder text proves nothing */
		if (s >= 0 && held[s])
			ok = 0;
		pass += (size_t)ok;
	}
	return (int)(pass * 100 / total);
}
