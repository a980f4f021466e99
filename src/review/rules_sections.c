/*
 * rules_sections.c — the rules about sections a plan must fill in:
 * too-many-key-points, swot-quadrant-empty, mix-incomplete, no-controls
 * and fail-point-no-recovery.
 *
 * Rule semantics decided here (the spec is silent on them):
 *  - mix-incomplete: at <mix> listing the missing Ps, or at <strategy>
 *    when there is no <mix>.  no-controls: at <plan>.
 *  - swot-quadrant-empty: one finding per empty quadrant, at <swot>.
 */
#include "config.h"

#include <stdio.h>

#include "base/glossary.h"
#include "review/rules_int.h"

/* too-many-key-points: more than 3 summary key points. */
void
rl_too_many_key_points(struct ctx *c, const struct rule *r)
{
	const struct pg_summary *s = &c->p->summary;

	if (s->nkey_points <= 3)
		return;
	rl_emit(c, r, s->key_points_line ? s->key_points_line : s->line,
	    L("the summary has %zu key points; name at most 3",
	    "计划摘要有 %zu 个要点，最多应列 3 个"), s->nkey_points);
}

/* swot-quadrant-empty: one finding per empty quadrant, at <swot>. */
void
rl_swot_quadrant_empty(struct ctx *c, const struct rule *r)
{
	size_t	count[4] = { 0, 0, 0, 0 }, i;
	int	k;

	for (i = 0; i < c->p->swot.nitems; i++)
		count[c->p->swot.items[i].kind & 3]++;
	for (k = 0; k < 4; k++)
		if (count[k] == 0)
			rl_emit(c, r, c->p->swot.line, L("the SWOT has no %s (no <%s>)",
			    "SWOT 分析中没有%s项（<%s>）"),
			    c->zh ? rl_swot_zh[k] : rl_swot_en_pl[k], rl_swot_en[k]);
}

/* mix-incomplete: no <mix>, or a <mix> lacking some of the 7 Ps. */
void
rl_mix_incomplete(struct ctx *c, const struct rule *r)
{
	const struct pg_strategy *s = &c->p->strategy;
	char			 list[256];
	size_t			 len = 0;
	int			 k;

	if (s->mix_line == 0) {
		rl_emit(c, r, s->line, L("the strategy has no marketing mix "
		    "(<mix> with the 7 Ps)", "营销策略中没有服务营销组合（7P，<mix>）"));
		return;
	}
	list[0] = '\0';
	for (k = 0; k < PG_MIX_N; k++) {
		if (s->mix[k].line != 0)
			continue;
		len += (size_t)snprintf(list + len, sizeof(list) - len, "%s%s",
		    len > 0 ? L(", ", "、") : "",
		    pg_term((enum pg_term)(PG_TERM_MIX_PRODUCT + k),
		    c->zh ? PG_LANG_ZH : PG_LANG_EN));
	}
	if (len > 0)
		rl_emit(c, r, s->mix_line, L("the marketing mix lacks %s",
		    "营销组合缺少：%s"), list);
}

/* no-controls: the plan has no <controls>. */
void
rl_no_controls(struct ctx *c, const struct rule *r)
{
	if (c->p->controls.line == 0)
		rl_emit(c, r, c->p->line, L("the plan has no controls section "
		    "(KPIs, milestones, reviews, risks)",
		    "计划缺少管理与控制部分（controls：关键绩效指标、里程碑、评审、风险）"));
}

/* fail-point-no-recovery: a <fail-point> without <recovery>. */
void
rl_fail_point_no_recovery(struct ctx *c, const struct rule *r)
{
	const struct pg_strategy *st = &c->p->strategy;
	const struct pg_blueprint *b;
	char			 n[160];
	size_t			 i, k, nb = st->nblueprints ? st->nblueprints : 1;

	/* every blueprint (v2 allows several; blueprints[0] is blueprint) */
	for (k = 0; k < nb; k++)
	for (b = st->nblueprints ? &st->blueprints[k] : &st->blueprint,
	    i = 0; i < b->nsteps; i++) {
		const struct pg_step *s = &b->steps[i];
		if (s->fail_point.line == 0 || s->fail_point.recovery.s != NULL)
			continue;
		rl_emit(c, r, s->fail_point.line, L("blueprint step \"%s\": the %s "
		    "has no %s", "服务蓝图步骤“%s”的%s没有%s措施（<recovery>）"),
		    pg_text_clip(s->name, SHORT, n, sizeof(n)),
		    pg_term(PG_TERM_FAIL_POINT, c->zh ? PG_LANG_ZH : PG_LANG_EN),
		    pg_term(PG_TERM_RECOVERY, c->zh ? PG_LANG_ZH : PG_LANG_EN));
	}
}
