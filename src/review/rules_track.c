/*
 * rules_track.c — the review rules of format version 2's goal metrics,
 * budget phases and tracking: goal-breakdown-mismatch, phase-mismatch,
 * action-overdue, kpi-off-track, budget-overspent.
 *
 * Rule semantics decided here (the spec is silent on them):
 *  - goal-breakdown-mismatch: reported at the parent's <metric>; a child is
 *    a goal whose @parent names the goal (not itself); a parent metric no
 *    child carries (by @name) is not compared; the target is compared
 *    first, then the baseline (when the parent and every child metric of
 *    that name have one): one finding each.  A sum too long to compute
 *    exactly is not judged.
 *  - phase-mismatch: a line with at least one phase; reported at the line.
 *  - action-overdue: end date strictly before the as-of date (an action
 *    ending on the as-of day is not late), status planned or in-progress;
 *    reported at the action.
 *  - kpi-off-track: judged by pg_track_metric() (model/track.h): reported
 *    at the latest actual, once per KPI and once per metric with actuals.
 *  - budget-overspent: @spent > @amount; reported at the line.
 *  - The as-of date is the plan's meta/as-of, which `--as-of` replaces
 *    before the rules run (check.c).
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "review/rules_int.h"
#include "model/track.h"

/* ---- goal-breakdown-mismatch ---------------------------------------------- */

/* Sum the `what` (0 target, 1 baseline) of the metrics called `name` of the
 * children of goal gi.  Returns the number of such metrics, -1 if a sum
 * overflowed or a number is not exact, -2 if (baseline) one lacks it. */
static long
child_sum(struct ctx *c, const size_t *first, const size_t *next, size_t gi,
    const char *name, int what, struct pg_dec *sum)
{
	size_t	k, j;
	long	n = 0;

	sum->m = 0;
	sum->scale = 0;
	for (k = first[gi]; k != NONE; k = next[k]) {
		const struct pg_goal *ch = &c->p->goals.v[k];
		for (j = 0; j < ch->nmetrics; j++) {
			const struct pg_metric *m = &ch->metrics[j];
			const char *v = what ? m->baseline.text : m->target.text;
			struct pg_dec d;
			if (m->name == NULL || strcmp(m->name, name) != 0)
				continue;
			if (v == NULL) {
				if (what)
					return -2;
				continue;
			}
			if (pg_dec_parse(v, &d) != 0 || pg_dec_add(*sum, d, sum) != 0)
				return -1;
			n++;
		}
	}
	return n;
}

void
rl_goal_breakdown_mismatch(struct ctx *c, const struct rule *r)
{
	const struct pg_goals *gs = &c->p->goals;
	size_t	*first, *next, i, j;
	char	 n[NAMESZ], t[160], a[40], b[40];

	if (gs->n == 0)
		return;
	first = malloc(gs->n * sizeof(*first));
	next = malloc(gs->n * sizeof(*next));
	if (first == NULL || next == NULL) {
		free(first);
		free(next);
		c->d->oom = 1;
		return;
	}
	for (i = 0; i < gs->n; i++)
		first[i] = next[i] = NONE;
	for (i = gs->n; i-- > 0;) {
		size_t pi = c->g_parent[i];
		if (pi != NONE && pi != i) {
			next[i] = first[pi];
			first[pi] = i;
		}
	}
	for (i = 0; i < gs->n; i++) {
		const struct pg_goal *g = &gs->v[i];
		for (j = 0; j < g->nmetrics && first[i] != NONE; j++) {
			const struct pg_metric *m = &g->metrics[j];
			struct pg_dec	 own, sum;
			int		 what, cmp;
			if (m->rollup != PG_ROLLUP_SUM || m->name == NULL)
				continue;
			for (what = 0; what < 2; what++) {
				const char *v = what ? m->baseline.text : m->target.text;
				if (v == NULL || pg_dec_parse(v, &own) != 0 ||
				    child_sum(c, first, next, i, m->name, what, &sum) <= 0 ||
				    pg_dec_cmp(own, sum, &cmp) != 0 || cmp == 0)
					continue;
				pg_dec_format(own, a, sizeof(a));
				pg_dec_format(sum, b, sizeof(b));
				rl_goal_name(c, g, n, sizeof(n));
				pg_text_clip(m->name, SHORT, t, sizeof(t));
				if (what == 0)
					rl_emit(c, r, m->line, L("%s: the target of metric "
					    "\"%s\" is %s, but its subgoals' targets add up to %s",
					    "%s的指标“%s”目标值为 %s，但子目标的目标值之和为 %s"),
					    n, t, a, b);
				else
					rl_emit(c, r, m->line, L("%s: the baseline of metric "
					    "\"%s\" is %s, but its subgoals' baselines add up to %s",
					    "%s的指标“%s”基线为 %s，但子目标的基线之和为 %s"),
					    n, t, a, b);
			}
		}
	}
	free(first);
	free(next);
}

/* ---- budget ----------------------------------------------------------------- */

/* "budget line “Advertising”" / "预算项“广告”" into buf. */
static const char *
line_name(struct ctx *c, const struct pg_budget_line *l, char *buf, size_t n)
{
	char t[160];

	snprintf(buf, n, L("budget line \"%s\"", "预算项“%s”"),
	    pg_text_clip(l->category ? l->category : "", SHORT, t, sizeof(t)));
	return buf;
}

void
rl_phase_mismatch(struct ctx *c, const struct rule *r)
{
	const struct pg_budget *b = &c->p->budget;
	const char	*cur = c->p->currency ? c->p->currency : "CNY";
	char		 n[NAMESZ], x[32], y[32];
	size_t		 i, k;

	for (i = 0; i < b->nlines; i++) {
		const struct pg_budget_line *l = &b->lines[i];
		int64_t sum = 0;
		int over = 0;
		if (l->nphases == 0 || !l->amount.set)
			continue;
		for (k = 0; k < l->nphases && !over; k++)
			if (l->phases[k].amount.set &&
			    pg_money_add(sum, l->phases[k].amount.minor, &sum) != 0)
				over = 1;
		line_name(c, l, n, sizeof(n));
		if (over)
			rl_emit(c, r, l->line, L("%s: its phases add up to more "
			    "than can be computed exactly", "%s：各阶段金额之和过大，"
			    "无法精确计算"), n);
		else if (sum != l->amount.minor)
			rl_emit(c, r, l->line, L("%s: its phases add up to %s %s, "
			    "not its amount %s %s", "%s：各阶段金额之和为 %s %s，"
			    "与该项金额 %s %s 不一致"), n,
			    pg_money_format(sum, x, sizeof(x)), cur,
			    pg_money_format(l->amount.minor, y, sizeof(y)), cur);
	}
}

void
rl_budget_overspent(struct ctx *c, const struct rule *r)
{
	const struct pg_budget *b = &c->p->budget;
	const char	*cur = c->p->currency ? c->p->currency : "CNY";
	char		 n[NAMESZ], x[32], y[32];
	size_t		 i;

	for (i = 0; i < b->nlines; i++) {
		const struct pg_budget_line *l = &b->lines[i];
		if (!l->spent.set || !l->amount.set ||
		    l->spent.minor <= l->amount.minor)
			continue;
		rl_emit(c, r, l->line, L("%s has spent %s %s, more than its "
		    "amount %s %s", "%s已支出 %s %s，超过其金额 %s %s"),
		    line_name(c, l, n, sizeof(n)),
		    pg_money_format(l->spent.minor, x, sizeof(x)), cur,
		    pg_money_format(l->amount.minor, y, sizeof(y)), cur);
	}
}

/* ---- tracking ---------------------------------------------------------------- */

void
rl_action_overdue(struct ctx *c, const struct rule *r)
{
	struct pg_date	as_of = c->p->meta.as_of;
	char		n[NAMESZ], e[16], d[16];
	size_t		i;

	if (as_of.y == 0)
		return;
	for (i = 0; i < c->p->actions.n; i++) {
		const struct pg_action *a = &c->p->actions.v[i];
		if (pg_track_action(a, as_of) != PG_AT_LATE)
			continue;
		rl_action_name(c, a, n, sizeof(n));
		rl_date(a->end, e, sizeof(e));
		rl_date(as_of, d, sizeof(d));
		if (c->zh)
			rl_emit(c, r, a->line, "%s应于 %s 结束，截至 %s 仍%s", n, e, d,
			    a->status == PG_ACT_IN_PROGRESS ? "在进行中" : "未完成");
		else
			rl_emit(c, r, a->line, "%s ended on %s but is %s as of %s",
			    n, e, a->status == PG_ACT_IN_PROGRESS ?
			    "still in progress" : "not done", d);
	}
}

/* One kpi-off-track finding for `what` (named in buf) if ev is OFF. */
static void
off_track(struct ctx *c, const struct rule *r, const char *what,
    const struct pg_metric *m, const struct pg_track_eval *ev)
{
	char	d[16], x[40];
	const char *u = m->unit ? m->unit : "";

	if (ev->status != PG_TRACK_OFF)
		return;
	rl_emit(c, r, ev->latest->line, L("%s: the latest actual, %s on %s, is "
	    "below the straight line by more than 10%% of the baseline-to-target "
	    "distance (the line is at %s then; baseline %s, target %s%s%s)",
	    "%s：最新实际值 %s（%s）低于直线进度，差距超过基线到目标值距离的 10%%"
	    "（直线当日为 %s；基线 %s，目标 %s%s%s）"),
	    what, ev->latest->value.text, rl_date(ev->latest->date, d, sizeof(d)),
	    ev->has_expected ? pg_dec_format(ev->expected, x, sizeof(x)) : "?",
	    m->baseline.text, m->target.text,
	    ((*u >= 'A' && *u <= 'Z') || (*u >= 'a' && *u <= 'z')) ? " " : "", u);
}

void
rl_kpi_off_track(struct ctx *c, const struct rule *r)
{
	const struct pg_plan *p = c->p;
	struct pg_date	as_of = p->meta.as_of;
	char		n[NAMESZ], w[NAMESZ], t[160];
	size_t		i, j;

	if (as_of.y == 0)
		return;
	for (i = 0; i < p->goals.n; i++) {
		const struct pg_goal *g = &p->goals.v[i];
		for (j = 0; j < g->nmetrics; j++) {
			const struct pg_metric *m = &g->metrics[j];
			struct pg_track_eval ev;
			if (m->nactuals == 0)
				continue;
			ev = pg_track_metric(p, g, m, m->actuals, m->nactuals, as_of);
			snprintf(w, sizeof(w), L("%s, metric \"%s\"", "%s的指标“%s”"),
			    rl_goal_name(c, g, n, sizeof(n)),
			    pg_text_clip(m->name ? m->name : "", SHORT, t, sizeof(t)));
			off_track(c, r, w, m, &ev);
		}
	}
	for (i = 0; i < p->controls.nkpis; i++) {
		const struct pg_kpi *k = &p->controls.kpis[i];
		const struct pg_goal *g = NULL;
		const struct pg_metric *m;
		struct pg_track_eval ev;
		if (k->nactuals == 0 || (m = pg_kpi_metric(p, k, &g)) == NULL)
			continue;
		ev = pg_track_metric(p, g, m, k->actuals, k->nactuals, as_of);
		snprintf(w, sizeof(w), L("KPI \"%s\"", "KPI“%s”"),
		    pg_text_clip(k->text ? k->text : "", SHORT, t, sizeof(t)));
		off_track(c, r, w, m, &ev);
	}
}
