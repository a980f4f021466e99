/*
 * rules_int.h — what the files of the built-in review rules share, and
 * nothing outside src/review/rules*.c may use: the per-plan context every
 * rule reads, the rule type, the emitter, and the helpers that name
 * things in messages.
 *
 * The built-in rules (rules.h) are split by family, one file each:
 *   rules.c             the driver: the rule table, the context, naming,
 *                       pg_rules_run() and the completeness score
 *   rules_ids.c         ids and references: the id table, duplicate-id,
 *                       dangling-ref, goal-cycle
 *   rules_goals.c       goals: goal-not-measurable, goal-no-deadline,
 *                       goal-unsupported, goal-no-owner,
 *                       goal-target-unchanged, vague-goal, kpi-missing
 *   rules_actions.c     the period, actions and money: period-invalid,
 *                       action-dates, outside-period, action-no-owner,
 *                       action-unbudgeted, budget-total-mismatch
 *   rules_sections.c    sections a plan must fill in: too-many-key-points,
 *                       swot-quadrant-empty, mix-incomplete, no-controls,
 *                       fail-point-no-recovery
 *   rules_placeholder.c placeholder-text and its PCRE2 matcher
 *   rules_accept.c      <?plangen accept?> instructions (unused-accept)
 *   rules_seed.c        the seed models of version 2: the ids they hold,
 *                       opportunity-, threat-, pain- and
 *                       servqual-gap-unaddressed, fab-no-benefit,
 *                       promotion-qdq-incomplete, kpi-kind-unbalanced,
 *                       and their references (part of dangling-ref)
 *   rules_track.c       version 2 goals, budget and tracking:
 *                       goal-breakdown-mismatch, phase-mismatch,
 *                       action-overdue, kpi-off-track, budget-overspent
 *
 * Include: src/review/rules*.c only.
 */
#ifndef PG_RULES_INT_H
#define PG_RULES_INT_H

#include <stddef.h>

#include "base/text.h"		/* pg_text_clip() */
#include "review/rules.h"

#define NONE	((size_t)-1)	/* no index */
#define SHORT	24	/* code points of a title or statement in a message */
#define NAMESZ	512	/* a name buffer: "goal G3 (Raise the repeat …)" */

/* The context of one plan's check, built once (rules.c) and read by every rule. */
struct ctx {
	const struct pg_plan	*p;
	const char		*file;
	struct pg_diags		*d;
	int			 zh;	/* Chinese messages */
	struct pg_idtab		 ids;
	/* per goal (p->goals.n) */
	size_t			*g_parent;	/* parent goal index or NONE */
	unsigned char		*g_child;	/* another goal names it as parent */
	unsigned char		*g_named;	/* an action lists it */
	unsigned char		*g_actowner;	/* an action listing it has an owner */
	unsigned char		*g_kpi;		/* a kpi names it */
	/* per action */
	unsigned char		*a_budget;	/* a budget line names it */
	int			 period_ok;	/* both dates set, start <= end */
	struct pg_placeholder	*ph;
};

struct rule;
typedef void rule_fn(struct ctx *, const struct rule *);

struct rule {
	enum pg_finding	 f;		/* its id and severity (finding.h) */
	rule_fn		*fn;
};

/* L(english, chinese): the message text in the context's language. */
#define L(en, cn)	(c->zh ? (cn) : (en))

/*
 * Add a finding of rule r (its id and severity: finding.h) at `line` of
 * c's file; the message is printf-formatted, in the context's language
 * (pass L(en, zh)).  Out of memory sets c->d->oom and loses the finding.
 */
void		 rl_emit(struct ctx *c, const struct rule *r, unsigned long line,
		    const char *fmt, ...) __attribute__((format(printf, 4, 5)));

/* d as YYYY-MM-DD in buf (n >= 11).  Returns buf. */
const char	*rl_date(struct pg_date d, char *buf, size_t n);

/*
 * A goal or an action as messages name it, with its id and its truncated
 * statement or title: "goal G3 (Raise the repeat …)" / "目标 G3（提升复购率）",
 * "action A4 (…)" / "行动 A4（…）".  Into buf (n bytes); returns buf.
 */
const char	*rl_goal_name(struct ctx *c, const struct pg_goal *g, char *buf,
		    size_t n);
const char	*rl_action_name(struct ctx *c, const struct pg_action *a,
		    char *buf, size_t n);

/* The SWOT quadrants by enum pg_swot_kind: "strength", "strengths", "优势"... */
extern const char *const rl_swot_en[4];
extern const char *const rl_swot_en_pl[4];
extern const char *const rl_swot_zh[4];

/*
 * Call fn for every element of p that has an id, in document order:
 * segments, competitors, SWOT items, goals, blueprint steps, actions,
 * then (version 2) prose tables and appendix sections.
 */
typedef void rl_id_fn(void *arg, const char *id, enum pg_idkind kind,
    size_t index, unsigned long line);
void		 rl_each_id(const struct pg_plan *p, rl_id_fn *fn, void *arg);

/*
 * rl_each_id()'s part for the ids of the version 2 seed models, in
 * document order within each part: part 0 (in <situation>, after the
 * competitors) positioning maps, journeys, their stages and pains; part 1
 * (in <strategy>, after the goals) SERVQUAL dimensions, blueprints and
 * the steps of every blueprint; part 2 (after the actions) risks.
 */
void		 rl_each_seed_id(const struct pg_plan *p, rl_id_fn *fn,
		    void *arg, int part);

/*
 * 0 if f is a seed rule that does not join the completeness score of p
 * (a seed rule counts only for a v2 plan that has the section it reads);
 * 1 otherwise, also for every rule that is not a seed rule (rules_seed.c).
 */
int		 rl_seed_scored(const struct pg_plan *p, enum pg_finding f);

/*
 * One reference for dangling-ref: `who` (already named) has attribute
 * `attr` naming `id`, which must be of kind `want`; a finding at `line`
 * when it names no id or one of another kind.  Nothing if id is NULL.
 */
void		 rl_check_ref(struct ctx *c, const struct rule *r,
		    unsigned long line, const char *who, const char *attr,
		    const char *id, enum pg_idkind want);

/* What an id names, for messages: "a goal", "a journey pain", "目标"... */
const char	*rl_kind_name(struct ctx *c, const struct pg_identry *e);

/*
 * The rules.  Each reads c->p (and the facts ctx_init derived from it)
 * and adds its findings with rl_emit(c, r, ...); none modifies the plan.
 */
/* rules_ids.c */
rule_fn	rl_duplicate_id, rl_dangling_ref, rl_goal_cycle;
/* rules_goals.c */
rule_fn	rl_goal_not_measurable, rl_goal_no_deadline, rl_goal_unsupported,
	rl_goal_no_owner, rl_goal_target_unchanged, rl_vague_goal,
	rl_kpi_missing;
/* rules_actions.c */
rule_fn	rl_period_invalid, rl_action_dates, rl_outside_period,
	rl_action_no_owner, rl_action_unbudgeted, rl_budget_total_mismatch;
/* rules_sections.c */
rule_fn	rl_too_many_key_points, rl_swot_quadrant_empty, rl_mix_incomplete,
	rl_no_controls, rl_fail_point_no_recovery;
/* rules_placeholder.c */
rule_fn	rl_placeholder_text;
/* rules_images.c (version 2) */
rule_fn	rl_image_unreadable;
/* The number of <image>s in p's prose. */
size_t	rl_image_count(const struct pg_plan *p);
/* rules_seed.c */
rule_fn	rl_opportunity_unaddressed, rl_threat_unaddressed, rl_pain_unaddressed,
	rl_servqual_gap_unaddressed, rl_fab_no_benefit,
	rl_promotion_qdq_incomplete, rl_kpi_kind_unbalanced;
/* rules_seed.c, called by rl_dangling_ref: action/@addresses, @segments,
   positions of every positioning map after the first */
void	rl_dangling_seed(struct ctx *c, const struct rule *r);
/* rules_track.c (version 2) */
rule_fn	rl_goal_breakdown_mismatch, rl_phase_mismatch, rl_action_overdue,
	rl_kpi_off_track, rl_budget_overspent;

#endif
