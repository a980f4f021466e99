/*
 * rules_goals.c — the rules about goals: goal-not-measurable,
 * goal-no-deadline, goal-unsupported, goal-no-owner,
 * goal-target-unchanged, vague-goal and kpi-missing.
 *
 * Rule semantics decided here (the spec is silent on them):
 *  - goal-unsupported: a goal with no child goals (rules.c) that no action
 *    lists in @goals.
 *  - goal-no-owner: the goal has no @owner and no action listing it in
 *    @goals has an @owner (children's actions do not count).
 *  - vague-goal: a leaf goal with no <metric> whose statement holds no
 *    ASCII digit 0-9 and no full-width digit ０-９.
 *  - kpi-missing: a quantitative goal that no <kpi> names in @goal.
 *  - goal-target-unchanged: metric @baseline and @target both given and
 *    equal in value, compared exactly on the digits ("40" = "40.0" =
 *    "040"); reported at the <metric>.
 */
#include "config.h"

#include <string.h>

#include "review/rules_int.h"

/* goal-not-measurable: a quantitative goal without a metric target. */
void
rl_goal_not_measurable(struct ctx *c, const struct rule *r)
{
	char	n[NAMESZ];
	size_t	i;

	for (i = 0; i < c->p->goals.n; i++) {
		const struct pg_goal *g = &c->p->goals.v[i];
		size_t j;
		int has = 0;
		for (j = 0; j < g->nmetrics; j++)
			has |= g->metrics[j].target.text != NULL;
		if (g->type != PG_GOAL_QUANTITATIVE || has)
			continue;
		rl_emit(c, r, g->line, L("%s has no measurable target",
		    "%s没有可衡量的目标值"), rl_goal_name(c, g, n, sizeof(n)));
	}
}

/* goal-no-deadline: a quantitative goal without @due. */
void
rl_goal_no_deadline(struct ctx *c, const struct rule *r)
{
	char	n[NAMESZ];
	size_t	i;

	for (i = 0; i < c->p->goals.n; i++) {
		const struct pg_goal *g = &c->p->goals.v[i];
		if (g->type != PG_GOAL_QUANTITATIVE || g->due.y != 0)
			continue;
		rl_emit(c, r, g->line, L("%s is quantitative but has no due date",
		    "%s是量化目标，但没有截止日期（due）"),
		    rl_goal_name(c, g, n, sizeof(n)));
	}
}

/* goal-unsupported: a goal with no child goals that no action names. */
void
rl_goal_unsupported(struct ctx *c, const struct rule *r)
{
	char	n[NAMESZ];
	size_t	i;

	for (i = 0; i < c->p->goals.n; i++) {
		const struct pg_goal *g = &c->p->goals.v[i];
		if (c->g_child[i] || c->g_named[i])
			continue;
		rl_emit(c, r, g->line, L("%s is supported by no action",
		    "没有任何行动支持%s"), rl_goal_name(c, g, n, sizeof(n)));
	}
}

/* goal-no-owner: no @owner on the goal or on an action naming it. */
void
rl_goal_no_owner(struct ctx *c, const struct rule *r)
{
	char	n[NAMESZ];
	size_t	i;

	for (i = 0; i < c->p->goals.n; i++) {
		const struct pg_goal *g = &c->p->goals.v[i];
		if (g->owner != NULL || c->g_actowner[i])
			continue;
		rl_emit(c, r, g->line, L("%s has no owner, and no action supporting "
		    "it has one", "%s没有负责人，支持它的行动也都没有负责人"),
		    rl_goal_name(c, g, n, sizeof(n)));
	}
}

/*
 * 1 if two decimals "-?[0-9]+(\.[0-9]+)?" have the same value, compared
 * exactly on their digits (not as doubles: 30-digit numbers stay distinct).
 */
static int
dec_equal(const char *a, const char *b)
{
	const char	*ai, *bi, *af, *bf;
	size_t		 al, bl, afl, bfl;
	int		 an = 0, bn = 0, azero, bzero;

	if (*a == '-') { an = 1; a++; }
	if (*b == '-') { bn = 1; b++; }
	while (*a == '0' && a[1] >= '0' && a[1] <= '9') a++;
	while (*b == '0' && b[1] >= '0' && b[1] <= '9') b++;
	ai = a; bi = b;
	al = strcspn(a, "."); bl = strcspn(b, ".");
	af = a[al] == '.' ? a + al + 1 : ""; bf = b[bl] == '.' ? b + bl + 1 : "";
	afl = strlen(af); bfl = strlen(bf);
	while (afl > 0 && af[afl - 1] == '0') afl--;
	while (bfl > 0 && bf[bfl - 1] == '0') bfl--;
	azero = al == 1 && *ai == '0' && afl == 0;
	bzero = bl == 1 && *bi == '0' && bfl == 0;
	if (azero || bzero)
		return azero && bzero;		/* -0 == 0 */
	return an == bn && al == bl && afl == bfl &&
	    memcmp(ai, bi, al) == 0 && memcmp(af, bf, afl) == 0;
}

/* goal-target-unchanged: metric @target equal in value to @baseline. */
void
rl_goal_target_unchanged(struct ctx *c, const struct rule *r)
{
	char	n[NAMESZ], t[160];
	size_t	i, j;

	for (i = 0; i < c->p->goals.n; i++)
	for (j = 0; j < c->p->goals.v[i].nmetrics; j++) {
		const struct pg_goal *g = &c->p->goals.v[i];
		const struct pg_metric *m = &g->metrics[j];
		if (m->line == 0 || m->baseline.text == NULL ||
		    m->target.text == NULL ||
		    !dec_equal(m->baseline.text, m->target.text))
			continue;
		rl_emit(c, r, m->line, L("%s: the target of metric \"%s\" equals its "
		    "baseline (%s)", "%s的指标“%s”目标值与基线相同（%s）"),
		    rl_goal_name(c, g, n, sizeof(n)),
		    pg_text_clip(m->name, SHORT, t, sizeof(t)), m->target.text);
	}
}

/* 1 if s holds an ASCII digit or a full-width digit (U+FF10..U+FF19). */
static int
has_digit(const char *s)
{
	const unsigned char *u = (const unsigned char *)s;

	for (; u != NULL && *u != '\0'; u++) {
		if (*u >= '0' && *u <= '9')
			return 1;
		if (u[0] == 0xEF && u[1] == 0xBC && u[2] >= 0x90 && u[2] <= 0x99)
			return 1;
	}
	return 0;
}

/* vague-goal: a leaf goal with no metric and no digit in its statement. */
void
rl_vague_goal(struct ctx *c, const struct rule *r)
{
	char	n[NAMESZ];
	size_t	i;

	for (i = 0; i < c->p->goals.n; i++) {
		const struct pg_goal *g = &c->p->goals.v[i];
		if (c->g_child[i] || g->nmetrics != 0 ||
		    has_digit(g->statement.s))
			continue;
		rl_emit(c, r, g->line, L("%s has no metric and its statement holds "
		    "no number", "%s没有指标，表述中也没有任何数字"),
		    rl_goal_name(c, g, n, sizeof(n)));
	}
}

/* kpi-missing: a quantitative goal that no <kpi> names. */
void
rl_kpi_missing(struct ctx *c, const struct rule *r)
{
	char	n[NAMESZ];
	size_t	i;

	for (i = 0; i < c->p->goals.n; i++) {
		const struct pg_goal *g = &c->p->goals.v[i];
		if (g->type == PG_GOAL_QUANTITATIVE && !c->g_kpi[i])
			rl_emit(c, r, g->line, L("%s is quantitative but no kpi "
			    "tracks it", "没有关键绩效指标（kpi）跟踪量化%s"),
			    rl_goal_name(c, g, n, sizeof(n)));
	}
}
