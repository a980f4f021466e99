/*
 * rules_actions.c — the rules about the plan period, the actions and the
 * money: period-invalid, action-dates, outside-period, action-no-owner,
 * action-unbudgeted and budget-total-mismatch.
 *
 * Rule semantics decided here (the spec is silent on them):
 *  - outside-period: a goal's @due, an action's @start or @end (one finding
 *    per action), a milestone's @date before the period start or after
 *    its end; only checked when the period itself is valid.
 *  - action-unbudgeted: no budget <line> has @action equal to its id.
 *  - budget-total-mismatch: only when @total is given; the sum is every
 *    line's amount plus the contingency; an overflowing sum is reported
 *    under the same rule.
 */
#include "config.h"

#include <stdint.h>

#include "review/rules_int.h"

/* period-invalid: the plan period ends before it starts. */
void
rl_period_invalid(struct ctx *c, const struct rule *r)
{
	const struct pg_meta	*m = &c->p->meta;
	char			 a[16], b[16];

	if (m->period_start.y == 0 || m->period_end.y == 0 ||
	    pg_date_cmp(m->period_end, m->period_start) >= 0)
		return;
	rl_emit(c, r, m->period_line ? m->period_line : m->line,
	    L("the plan period ends (%s) before it starts (%s)",
	    "计划周期的结束日期（%s）早于开始日期（%s）"),
	    rl_date(m->period_end, a, sizeof(a)),
	    rl_date(m->period_start, b, sizeof(b)));
}

/* action-dates: an action that ends before it starts. */
void
rl_action_dates(struct ctx *c, const struct rule *r)
{
	char	 n[NAMESZ], a[16], b[16];
	size_t	 i;

	for (i = 0; i < c->p->actions.n; i++) {
		const struct pg_action *x = &c->p->actions.v[i];
		if (x->start.y == 0 || x->end.y == 0 ||
		    pg_date_cmp(x->end, x->start) >= 0)
			continue;
		rl_emit(c, r, x->line, L("%s ends (%s) before it starts (%s)",
		    "%s的结束日期（%s）早于开始日期（%s）"),
		    rl_action_name(c, x, n, sizeof(n)),
		    rl_date(x->end, a, sizeof(a)), rl_date(x->start, b, sizeof(b)));
	}
}

static int
outside(const struct ctx *c, struct pg_date d)
{
	return d.y != 0 && (pg_date_cmp(d, c->p->meta.period_start) < 0 ||
	    pg_date_cmp(d, c->p->meta.period_end) > 0);
}

/* outside-period: goal, action and milestone dates outside a valid period. */
void
rl_outside_period(struct ctx *c, const struct rule *r)
{
	const struct pg_plan	*p = c->p;
	char			 n[NAMESZ], ps[16], pe[16], a[16], b[16], t[160];
	size_t			 i;

	if (!c->period_ok)
		return;
	rl_date(p->meta.period_start, ps, sizeof(ps));
	rl_date(p->meta.period_end, pe, sizeof(pe));
	for (i = 0; i < p->goals.n; i++) {
		const struct pg_goal *g = &p->goals.v[i];
		if (outside(c, g->due))
			rl_emit(c, r, g->line, L("%s is due %s, outside the plan "
			    "period %s to %s", "%s的截止日期 %s 不在计划周期"
			    "（%s 至 %s）内"), rl_goal_name(c, g, n, sizeof(n)),
			    rl_date(g->due, a, sizeof(a)), ps, pe);
	}
	for (i = 0; i < p->actions.n; i++) {
		const struct pg_action *x = &p->actions.v[i];
		if (outside(c, x->start) || outside(c, x->end))
			rl_emit(c, r, x->line, L("%s runs %s to %s, outside the plan "
			    "period %s to %s", "%s的时间 %s 至 %s 超出计划周期"
			    "（%s 至 %s）"), rl_action_name(c, x, n, sizeof(n)),
			    rl_date(x->start, a, sizeof(a)),
			    rl_date(x->end, b, sizeof(b)), ps, pe);
	}
	for (i = 0; i < p->controls.nmilestones; i++) {
		const struct pg_milestone *m = &p->controls.milestones[i];
		if (outside(c, m->date))
			rl_emit(c, r, m->line, L("milestone \"%s\" on %s falls outside "
			    "the plan period %s to %s", "里程碑“%s”的日期 %s 不在"
			    "计划周期（%s 至 %s）内"),
			    pg_text_clip(m->text, SHORT, t, sizeof(t)),
			    rl_date(m->date, a, sizeof(a)), ps, pe);
	}
}

/* action-no-owner: an action without @owner. */
void
rl_action_no_owner(struct ctx *c, const struct rule *r)
{
	char	n[NAMESZ];
	size_t	i;

	for (i = 0; i < c->p->actions.n; i++) {
		const struct pg_action *a = &c->p->actions.v[i];
		if (a->owner == NULL)
			rl_emit(c, r, a->line, L("%s has no owner", "%s没有负责人"),
			    rl_action_name(c, a, n, sizeof(n)));
	}
}

/* action-unbudgeted: an action that no budget <line> names. */
void
rl_action_unbudgeted(struct ctx *c, const struct rule *r)
{
	char	n[NAMESZ];
	size_t	i;

	for (i = 0; i < c->p->actions.n; i++)
		if (!c->a_budget[i])
			rl_emit(c, r, c->p->actions.v[i].line, L("%s has no budget line",
			    "%s没有对应的预算项"),
			    rl_action_name(c, &c->p->actions.v[i], n, sizeof(n)));
}

/* budget-total-mismatch: @total differs from lines + contingency. */
void
rl_budget_total_mismatch(struct ctx *c, const struct rule *r)
{
	const struct pg_budget	*b = &c->p->budget;
	const char		*cur = c->p->currency ? c->p->currency : "CNY";
	int64_t			 sum = 0, diff;
	char			 x[PG_MONEY_BUFSZ], y[PG_MONEY_BUFSZ], z[PG_MONEY_BUFSZ];
	unsigned		 fl;
	size_t			 i;

	if (!b->total.set)
		return;
	for (i = 0; i < b->nlines; i++)
		if (pg_money_add(sum, b->lines[i].amount.minor, &sum) != 0)
			goto overflow;
	if (b->contingency_line != 0 && b->contingency.set &&
	    pg_money_add(sum, b->contingency.minor, &sum) != 0)
		goto overflow;
	if (sum == b->total.minor)
		return;
	/* the two amounts and their difference, as money (cents shown for all
	   three when any has them, so they line up) */
	fl = (b->total.minor % 100 != 0 || sum % 100 != 0) ? PG_MONEY_CENTS : 0;
	if (pg_money_add(b->total.minor, sum > INT64_MIN ? -sum : INT64_MAX, &diff) != 0 ||
	    diff == INT64_MIN)
		diff = 0;	/* too far apart to say exactly: no difference shown */
	pg_fmt_money_flags(b->total.minor, cur, c->p->lang, fl, x, sizeof(x));
	pg_fmt_money_flags(sum, cur, c->p->lang, fl, y, sizeof(y));
	pg_fmt_money_flags(diff < 0 ? -diff : diff, cur, c->p->lang, fl, z, sizeof(z));
	if (diff == 0)
		rl_emit(c, r, b->line, L("budget total %s differs from the sum of the "
		    "lines and contingency, %s: make them agree",
		    "预算总额 %s 与各预算项及不可预见费之和 %s 不一致：请使两者一致"), x, y);
	else
		rl_emit(c, r, b->line, L("budget total %s differs from the sum of the "
		    "lines and contingency, %s, by %s (the total is %s): correct the "
		    "total or the lines", "预算总额 %s 与各预算项及不可预见费之和 %s "
		    "相差 %s（总额%s）：请改正总额或预算项"), x, y, z,
		    diff > 0 ? L("higher", "偏高") : L("lower", "偏低"));
	return;
overflow:
	rl_emit(c, r, b->line, L("budget total %s cannot be checked: the lines "
	    "and contingency add up to more than can be computed exactly",
	    "无法核对预算总额 %s：各预算项及不可预见费之和过大，无法精确计算"),
	    pg_fmt_money_flags(b->total.minor, cur, c->p->lang, 0, x, sizeof(x)));
}
