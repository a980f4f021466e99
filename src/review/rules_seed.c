/*
 * rules_seed.c — the review rules of the seed models of plan format
 * version 2 (customer journeys, FAB, SERVQUAL scores, QDQ, KPI kinds,
 * action/@addresses): opportunity-unaddressed, threat-unaddressed,
 * pain-unaddressed, servqual-gap-unaddressed, fab-no-benefit,
 * promotion-qdq-incomplete and kpi-kind-unbalanced; the ids the seed
 * models hold (rl_each_seed_id), their references (rl_dangling_seed, part
 * of dangling-ref) and which of these checks join the completeness score
 * (rl_seed_scored).  See rules_int.h.
 *
 * Rule semantics decided here (the spec is silent on them; README,
 * "Review rules of version 2"):
 *  - Every rule of this file runs on version 2 plans only: a version 1
 *    plan's findings and score never move.
 *  - "Addressed": an opportunity or threat is addressed when its id is in
 *    some goal's @addresses (v1) or some action's @addresses (v2); a pain
 *    or a SERVQUAL dimension only by an action's @addresses.
 *  - One finding per unaddressed item, at the item's line.
 *  - servqual-gap-unaddressed: the gap is perceived - expected, compared
 *    exactly (decimal digits, not binary floating point; digits after the
 *    17th decimal are ignored).  A dimension without an id cannot be
 *    named in @addresses: the finding says to give it one.
 *  - fab-no-benefit: a row whose <benefit> is missing or holds only white
 *    space, at the benefit's line (the row's when it has none).
 *  - promotion-qdq-incomplete: one finding per action listing what it
 *    lacks (count, segments, quality; an empty <quality> is lacking).
 *  - kpi-kind-unbalanced: one finding at <controls> when the plan has
 *    KPIs but no activity KPI or no result KPI (a KPI without @kind is
 *    neither).
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "base/glossary.h"
#include "review/rules_int.h"

/* ---- ids ------------------------------------------------------------------ */

void
rl_each_seed_id(const struct pg_plan *p, rl_id_fn *fn, void *arg, int part)
{
	const struct pg_situation *si = &p->situation;
	const struct pg_strategy *st = &p->strategy;
	size_t	i, j, k, nst = 0, npa = 0, nsp = 0;

	if (part == 0) {
		for (i = 0; i < si->nposmaps; i++)
			if (si->posmaps[i].id != NULL)
				fn(arg, si->posmaps[i].id, PG_ID_MAP, i,
				    si->posmaps[i].line);
		for (i = 0; i < si->njourneys; i++) {
			const struct pg_journey *jr = &si->journeys[i];
			if (jr->id != NULL)
				fn(arg, jr->id, PG_ID_JOURNEY, i, jr->line);
			for (j = 0; j < jr->nstages; j++, nst++) {
				const struct pg_stage *sg = &jr->stages[j];
				if (sg->id != NULL)
					fn(arg, sg->id, PG_ID_STAGE, nst, sg->line);
				for (k = 0; k < sg->npains; k++, npa++)
					if (sg->pains[k].id != NULL)
						fn(arg, sg->pains[k].id, PG_ID_PAIN,
						    npa, sg->pains[k].line);
			}
		}
	} else if (part == 1) {
		for (i = 0; i < st->ndimensions; i++)
			if (st->dimensions[i].id != NULL)
				fn(arg, st->dimensions[i].id, PG_ID_DIMENSION, i,
				    st->dimensions[i].line);
		for (i = 0; i < st->nblueprints; i++) {
			const struct pg_blueprint *b = &st->blueprints[i];
			if (b->id != NULL)
				fn(arg, b->id, PG_ID_BLUEPRINT, i, b->line);
			for (j = 0; j < b->nsteps; j++, nsp++)
				if (b->steps[j].id != NULL)
					fn(arg, b->steps[j].id, PG_ID_STEP, nsp,
					    b->steps[j].line);
		}
	} else {
		for (i = 0; i < p->controls.nrisks; i++)
			if (p->controls.risks[i].id != NULL)
				fn(arg, p->controls.risks[i].id, PG_ID_RISK, i,
				    p->controls.risks[i].line);
	}
}

/* ---- references (part of dangling-ref) ------------------------------------- */

/* action/@addresses: each id must name a SWOT item, a pain or a dimension. */
static void
check_addresses(struct ctx *c, const struct rule *r, const struct pg_action *a)
{
	const struct pg_identry	*e;
	char			 who[NAMESZ], t[160];
	size_t			 j;

	for (j = 0; j < a->addresses.n; j++) {
		e = pg_idtab_get(&c->ids, a->addresses.id[j]);
		if (e != NULL && (e->kind == PG_ID_SWOT || e->kind == PG_ID_PAIN ||
		    e->kind == PG_ID_DIMENSION))
			continue;
		rl_action_name(c, a, who, sizeof(who));
		pg_text_clip(a->addresses.id[j], 64, t, sizeof(t));
		if (e == NULL)
			rl_emit(c, r, a->line, L("%s: addresses names %s, but no "
			    "such id exists", "%s的 addresses 引用了不存在的编号 %s"),
			    who, t);
		else
			rl_emit(c, r, a->line, L("%s: addresses names %s, which is "
			    "%s, not a SWOT item, a journey pain or a SERVQUAL "
			    "dimension", "%s的 addresses 引用的 %s 是%s，而不是 SWOT "
			    "项、客户旅程痛点或服务质量维度"), who, t,
			    rl_kind_name(c, e));
	}
}

void
rl_dangling_seed(struct ctx *c, const struct rule *r)
{
	const struct pg_plan	*p = c->p;
	char			 who[NAMESZ];
	size_t			 i, j;

	/* the first map's positions are checked by rl_dangling_ref */
	for (i = 1; i < p->situation.nposmaps; i++)
		for (j = 0; j < p->situation.posmaps[i].npositions; j++) {
			const struct pg_position *q = &p->situation.posmaps[i].positions[j];
			if (q->competitor != NULL)
				rl_check_ref(c, r, q->line, L("positioning-map position",
				    "定位图定位点"), "competitor", q->competitor,
				    PG_ID_COMPETITOR);
		}
	for (i = 0; i < p->actions.n; i++) {
		const struct pg_action *a = &p->actions.v[i];
		check_addresses(c, r, a);
		for (j = 0; j < a->segments.n; j++) {
			const struct pg_identry *e = pg_idtab_get(&c->ids,
			    a->segments.id[j]);
			if (e != NULL && e->kind == PG_ID_SEGMENT)
				continue;
			rl_action_name(c, a, who, sizeof(who));
			rl_check_ref(c, r, a->line, who, "segments",
			    a->segments.id[j], PG_ID_SEGMENT);
		}
	}
}

/* ---- the score -------------------------------------------------------------- */

int
rl_seed_scored(const struct pg_plan *p, enum pg_finding f)
{
	/* by id, not by the enum's order: other slices' ids sit in between */
	switch (f) {
	case PG_F_OPPORTUNITY_UNADDRESSED: case PG_F_THREAT_UNADDRESSED:
		return p->version == 2 && p->swot.line != 0;
	case PG_F_PAIN_UNADDRESSED:
		return p->version == 2 && p->situation.njourneys > 0;
	case PG_F_SERVQUAL_GAP_UNADDRESSED:
		return p->version == 2 && p->strategy.quality_line != 0;
	case PG_F_FAB_NO_BENEFIT:
		return p->version == 2 && p->strategy.fab_line != 0;
	case PG_F_PROMOTION_QDQ_INCOMPLETE:
		return p->version == 2 && p->actions.line != 0;
	case PG_F_KPI_KIND_UNBALANCED:
		return p->version == 2 && p->controls.nkpis > 0;
	default:
		return 1;	/* not a seed rule: rules.c decides (rule_scored) */
	}
}

/* ---- what is addressed -------------------------------------------------------- */

/* 1 if id is in the @addresses of some action (or, if goals, some goal). */
static int
addressed(const struct pg_plan *p, const struct pg_idtab *by_action,
    const struct pg_idtab *by_goal, const char *id)
{
	(void)p;
	if (id == NULL)
		return 0;
	return pg_idtab_get(by_action, id) != NULL ||
	    (by_goal != NULL && pg_idtab_get(by_goal, id) != NULL);
}

/*
 * The ids named by actions' (which 0) or goals' (which 1) @addresses, in
 * *t.  Returns 0, -1 if memory ran out (c->d->oom set).
 */
static int
addressed_ids(struct ctx *c, int which, struct pg_idtab *t)
{
	const struct pg_plan	*p = c->p;
	size_t			 i, j, n = 0;

	if (which == 0)
		for (i = 0; i < p->actions.n; i++)
			n += p->actions.v[i].addresses.n;
	else
		for (i = 0; i < p->goals.n; i++)
			n += p->goals.v[i].addresses.n;
	if (pg_idtab_init(t, n) != 0) {
		c->d->oom = 1;
		return -1;
	}
	if (which == 0)
		for (i = 0; i < p->actions.n; i++)
			for (j = 0; j < p->actions.v[i].addresses.n; j++)
				(void)pg_idtab_put(t, p->actions.v[i].addresses.id[j],
				    PG_ID_ACTION, i, p->actions.v[i].line);
	else
		for (i = 0; i < p->goals.n; i++)
			for (j = 0; j < p->goals.v[i].addresses.n; j++)
				(void)pg_idtab_put(t, p->goals.v[i].addresses.id[j],
				    PG_ID_GOAL, i, p->goals.v[i].line);
	return 0;
}

/* opportunity- or threat-unaddressed: SWOT items of kind k. */
static void
swot_unaddressed(struct ctx *c, const struct rule *r, enum pg_swot_kind k)
{
	const struct pg_plan	*p = c->p;
	struct pg_idtab		 ba, bg;
	char			 i1[80], t[160];
	size_t			 i;

	if (p->version != 2)
		return;
	if (addressed_ids(c, 0, &ba) != 0)
		return;
	if (addressed_ids(c, 1, &bg) != 0) {
		pg_idtab_free(&ba);
		return;
	}
	for (i = 0; i < p->swot.nitems; i++) {
		const struct pg_swot_item *s = &p->swot.items[i];
		if (s->kind != k || addressed(p, &ba, &bg, s->id))
			continue;
		pg_text_clip(s->id != NULL ? s->id : "", 32, i1, sizeof(i1));
		pg_text_clip(s->text != NULL ? s->text : "", SHORT, t, sizeof(t));
		rl_emit(c, r, s->line, L("%s %s (%s) is addressed by no goal or "
		    "action: name it in the addresses of one", "%s %s（%s）没有任何"
		    "目标或行动应对：请在某个目标或行动的 addresses 中写上它"),
		    c->zh ? rl_swot_zh[k] : rl_swot_en[k], i1, t);
	}
	pg_idtab_free(&ba);
	pg_idtab_free(&bg);
}

void
rl_opportunity_unaddressed(struct ctx *c, const struct rule *r)
{
	swot_unaddressed(c, r, PG_SWOT_OPPORTUNITY);
}

void
rl_threat_unaddressed(struct ctx *c, const struct rule *r)
{
	swot_unaddressed(c, r, PG_SWOT_THREAT);
}

/* pain-unaddressed: each journey pain no action's @addresses names. */
void
rl_pain_unaddressed(struct ctx *c, const struct rule *r)
{
	const struct pg_plan	*p = c->p;
	struct pg_idtab		 ba;
	char			 i1[80], t[160];
	size_t			 i, j, k;

	if (p->version != 2 || p->situation.njourneys == 0 ||
	    addressed_ids(c, 0, &ba) != 0)
		return;
	for (i = 0; i < p->situation.njourneys; i++)
		for (j = 0; j < p->situation.journeys[i].nstages; j++) {
			const struct pg_stage *sg = &p->situation.journeys[i].stages[j];
			for (k = 0; k < sg->npains; k++) {
				const struct pg_pain *pn = &sg->pains[k];
				if (addressed(p, &ba, NULL, pn->id))
					continue;
				pg_text_clip(pn->id != NULL ? pn->id : "", 32, i1,
				    sizeof(i1));
				pg_text_clip(pn->text != NULL ? pn->text : "", SHORT,
				    t, sizeof(t));
				rl_emit(c, r, pn->line, L("journey pain %s (%s) is "
				    "addressed by no action: name it in an action's "
				    "addresses", "客户旅程痛点 %s（%s）没有任何行动应对："
				    "请在某个行动的 addresses 中写上它"), i1, t);
			}
		}
	pg_idtab_free(&ba);
}

/* ---- SERVQUAL gaps ------------------------------------------------------------ */

#define GAPSCALE_DIGITS	17	/* decimals kept: 7 * 10^17 fits in int64 */

/*
 * A score "d(.ddd)?" (1..7, schema-checked) as an integer in units of
 * 10^-17, exactly.  -1 if s is NULL or not of that form.
 */
static long long
score_units(const char *s)
{
	long long	v = 0;
	int		frac = 0, dot = 0;

	if (s == NULL || *s == '\0')
		return -1;
	for (; *s != '\0'; s++) {
		if (*s == '.' && !dot) {
			dot = 1;
			continue;
		}
		if (*s < '0' || *s > '9')
			return -1;
		if (dot && frac == GAPSCALE_DIGITS)
			continue;	/* beyond the kept decimals */
		if (!dot && v > 7)
			return -1;	/* not a score: leave it to the schema */
		v = v * 10 + (*s - '0');
		frac += dot;
	}
	for (; frac < GAPSCALE_DIGITS; frac++)
		v *= 10;
	return v;
}

/* The dimension's name in the message's language ("reliability", "可靠性"). */
static const char *
dim_name(struct ctx *c, const struct pg_dimension *d)
{
	return pg_term((enum pg_term)(PG_TERM_SQ_RELIABILITY + d->name % 5),
	    c->zh ? PG_LANG_ZH : PG_LANG_EN);
}

/*
 * servqual-gap-unaddressed: among dimensions with both scores, the ones
 * with the largest negative gap (perceived - expected), each unless an
 * action's @addresses names its id.
 */
void
rl_servqual_gap_unaddressed(struct ctx *c, const struct rule *r)
{
	const struct pg_strategy *s = &c->p->strategy;
	struct pg_idtab		 ba;
	long long		 worst = 0, e, q;
	char			 i1[80];
	size_t			 i;

	if (c->p->version != 2)
		return;
	for (i = 0; i < s->ndimensions; i++) {
		e = score_units(s->dimensions[i].expected.text);
		q = score_units(s->dimensions[i].perceived.text);
		if (e >= 0 && q >= 0 && q - e < worst)
			worst = q - e;
	}
	if (worst == 0 || addressed_ids(c, 0, &ba) != 0)
		return;		/* no negative gap */
	for (i = 0; i < s->ndimensions; i++) {
		const struct pg_dimension *d = &s->dimensions[i];
		e = score_units(d->expected.text);
		q = score_units(d->perceived.text);
		if (e < 0 || q < 0 || q - e != worst || addressed(c->p, &ba, NULL, d->id))
			continue;
		if (d->id == NULL)
			rl_emit(c, r, d->line, L("the SERVQUAL dimension %s has the "
			    "largest gap (perceived %s, expected %s) and no action "
			    "addresses it: give it an id and name it in an action's "
			    "addresses", "服务质量维度“%s”的差距最大（感知 %s，期望 "
			    "%s），却没有行动应对：请给它一个 id，并写进某个行动的 "
			    "addresses"), dim_name(c, d), d->perceived.text,
			    d->expected.text);
		else
			rl_emit(c, r, d->line, L("the SERVQUAL dimension %s (%s) has "
			    "the largest gap (perceived %s, expected %s) and no action "
			    "addresses it: name it in an action's addresses",
			    "服务质量维度 %s（%s）的差距最大（感知 %s，期望 %s），却没有"
			    "行动应对：请写进某个行动的 addresses"),
			    pg_text_clip(d->id, 32, i1, sizeof(i1)), dim_name(c, d),
			    d->perceived.text, d->expected.text);
	}
	pg_idtab_free(&ba);
}

/* ---- FAB, QDQ, KPI kinds ---------------------------------------------------- */

/* 1 if s is absent or holds only white space. */
static int
empty_text(const char *s)
{
	return s == NULL || s[strspn(s, " \t\r\n")] == '\0';
}

/* fab-no-benefit: a FAB row with a missing or empty benefit. */
void
rl_fab_no_benefit(struct ctx *c, const struct rule *r)
{
	const struct pg_strategy *s = &c->p->strategy;
	char			 t[160];
	size_t			 i;

	if (c->p->version != 2)
		return;
	for (i = 0; i < s->nfab; i++) {
		const struct pg_fab_row *w = &s->fab[i];
		if (!empty_text(w->benefit.s))
			continue;
		rl_emit(c, r, w->benefit.line ? w->benefit.line : w->line,
		    L("the FAB row of feature \"%s\" has no benefit: say what the "
		    "customer gains", "FAB 分析中特征“%s”一行没有利益：请写出顾客"
		    "得到什么"), pg_text_clip(w->feature.s != NULL ? w->feature.s :
		    "", SHORT, t, sizeof(t)));
	}
}

/* promotion-qdq-incomplete: a promotion, advertising or events action without QDQ. */
void
rl_promotion_qdq_incomplete(struct ctx *c, const struct rule *r)
{
	const struct pg_actions	*as = &c->p->actions;
	char			 who[NAMESZ], list[128];
	size_t			 i;

	if (c->p->version != 2)
		return;
	for (i = 0; i < as->n; i++) {
		const struct pg_action *a = &as->v[i];
		int nc, ns, nq;
		if (a->category != PG_CAT_PROMOTION && a->category !=
		    PG_CAT_ADVERTISING && a->category != PG_CAT_EVENTS)
			continue;
		nc = a->count.text == NULL;
		ns = a->segments.n == 0;
		nq = empty_text(a->quality.s);
		if (!nc && !ns && !nq)
			continue;
		snprintf(list, sizeof(list), "%s%s%s%s%s",
		    nc ? L("a count (@count)", "数量（@count）") : "",
		    nc && (ns || nq) ? L(", ", "、") : "",
		    ns ? L("target segments (@segments)", "目标细分（@segments）") : "",
		    ns && nq ? L(", ", "、") : "",
		    nq ? L("a quality standard (<quality>)", "质量标准（<quality>）") : "");
		rl_emit(c, r, a->line, L("%s, of category %s, lacks %s: say how "
		    "many, for whom and to what standard", "%s是 %s 类行动，缺少%s：请写明"
		    "做多少、对谁、达到什么标准"), rl_action_name(c, a, who,
		    sizeof(who)), pg_category_names[a->category], list);
	}
}

/* kpi-kind-unbalanced: KPIs, but not both an activity and a result one. */
void
rl_kpi_kind_unbalanced(struct ctx *c, const struct rule *r)
{
	const struct pg_controls *k = &c->p->controls;
	size_t			 i, act = 0, res = 0;

	if (c->p->version != 2 || k->nkpis == 0)
		return;
	for (i = 0; i < k->nkpis; i++) {
		act += k->kpis[i].kind == PG_KIND_ACTIVITY;
		res += k->kpis[i].kind == PG_KIND_RESULT;
	}
	if (act > 0 && res > 0)
		return;
	if (act == 0 && res == 0)
		rl_emit(c, r, k->line, L("none of the %zu KPIs says its kind: mark "
		    "sales activity indicators kind=\"activity\" and sales result "
		    "indicators kind=\"result\", and track both", "%zu 个关键绩效"
		    "指标都没有注明类型：请把销售活动指标标为 kind=\"activity\"，"
		    "销售结果指标标为 kind=\"result\"，两类都要跟踪"), k->nkpis);
	else
		rl_emit(c, r, k->line, L("the KPIs track only %s (%zu); add a %s "
		    "KPI (kind=\"%s\")", "关键绩效指标只跟踪%s（%zu 个）；请补充"
		    "%s指标（kind=\"%s\"）"),
		    act > 0 ? L("sales activities", "销售活动") :
		    L("sales results", "销售结果"), act > 0 ? act : res,
		    act > 0 ? L("sales result", "销售结果") :
		    L("sales activity", "销售活动"), act > 0 ? "result" : "activity");
}
