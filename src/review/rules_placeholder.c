/*
 * rules_placeholder.c — the rule placeholder-text and its matcher
 * (pg_placeholder_*, rules.h), the only use of PCRE2 in the built-in
 * rules.
 *
 * Rule semantics decided here (the spec is silent on them):
 *  - placeholder-text: every text of the model (titles, statements, prose
 *    paragraphs and list items, points, names, labels, owners, units...);
 *    one finding per text (per paragraph for prose), at the line of the
 *    element holding it.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include "base/glossary.h"
#include "review/rules_int.h"

/* ---- placeholder matcher --------------------------------------------- */

struct pg_placeholder {
	pcre2_code		*re;
	pcre2_match_data	*md;
	pcre2_match_context	*mc;
};

/*
 * Latin words are matched whole: not preceded or followed by a Latin
 * letter, a digit or '_'.  CJK neighbours do not stop a match, so
 * "XXX公司" and "TODO：补充" are found.
 */
static const char placeholder_re[] =
    "(?<![\\p{Latin}\\p{N}_])(?:TODO|TBD|FIXME|XXX|lorem\\s+ipsum)"
    "(?![\\p{Latin}\\p{N}_])"
    "|\xe5\xbe\x85\xe5\xae\x9a"				/* 待定 */
    "|\xe5\xbe\x85\xe8\xa1\xa5\xe5\x85\x85"		/* 待补充 */
    "|\xe5\xbe\x85\xe5\xae\x8c\xe5\x96\x84"		/* 待完善 */
    "|\xef\xbc\x9f\xef\xbc\x9f\xef\xbc\x9f"		/* ？？？ */
    "|\\?\\?\\?";

struct pg_placeholder *
pg_placeholder_new(void)
{
	struct pg_placeholder	*p;
	int			 ec;
	PCRE2_SIZE		 eo;

	if ((p = calloc(1, sizeof(*p))) == NULL)
		return NULL;
	p->re = pcre2_compile((PCRE2_SPTR)placeholder_re, PCRE2_ZERO_TERMINATED,
	    PCRE2_UTF | PCRE2_UCP | PCRE2_CASELESS, &ec, &eo, NULL);
	if (p->re == NULL)
		goto fail;
	(void)pcre2_jit_compile(p->re, PCRE2_JIT_COMPLETE);	/* optional */
	if ((p->md = pcre2_match_data_create_from_pattern(p->re, NULL)) == NULL ||
	    (p->mc = pcre2_match_context_create(NULL)) == NULL)
		goto fail;
	/* The pattern cannot backtrack badly; the limits are a safety net. */
	pcre2_set_match_limit(p->mc, 50000000);
	pcre2_set_depth_limit(p->mc, 1000);
	return p;
fail:
	pg_placeholder_free(p);
	return NULL;
}

/*
 * 0 if s cannot hold a placeholder, so pcre2_match() need not run (it
 * costs ~20 instructions a byte; this ~3).  Every match of placeholder_re
 * contains "todo", "tbd", "xme" (of FIXME), "xxx" or "lorem" in some ASCII
 * case, or 待, ？？？ or ???: under caseless UCP matching no non-ASCII
 * character equals one of the letters t o d b x m e l r (test_rules checks
 * this against the linked PCRE2).
 */
static int
may_hold_placeholder(const char *s)
{
	const unsigned char *p;

	/* the bytes a placeholder can start with, and the NUL that ends s */
	static const unsigned char start[256] = {
		[0] = 1, ['T'] = 1, ['t'] = 1, ['X'] = 1, ['x'] = 1, ['L'] = 1,
		['l'] = 1, ['?'] = 1, [0xE5] = 1, [0xEF] = 1,
	};

#define LC(c, l)	(((c) | 0x20) == (l))	/* ASCII letter l in any case */
	for (p = (const unsigned char *)s;; p++) {
		while (!start[*p])
			p++;
		switch (*p) {
		case '\0':
			return 0;
		case 'T': case 't':
			if ((LC(p[1], 'o') && LC(p[2], 'd') && LC(p[3], 'o')) ||
			    (LC(p[1], 'b') && LC(p[2], 'd')))
				return 1;
			break;
		case 'X': case 'x':
			if ((LC(p[1], 'm') && LC(p[2], 'e')) ||
			    (LC(p[1], 'x') && LC(p[2], 'x')))
				return 1;
			break;
		case 'L': case 'l':
			if (LC(p[1], 'o') && LC(p[2], 'r') && LC(p[3], 'e') &&
			    LC(p[4], 'm'))
				return 1;
			break;
		case '?':
			if (p[1] == '?' && p[2] == '?')
				return 1;
			break;
		case 0xE5:	/* 待 */
			if (p[1] == 0xBE && p[2] == 0x85)
				return 1;
			break;
		case 0xEF:	/* ？？？ */
			{
				/* byte by byte: stops at the string's NUL */
				static const unsigned char rest[] = { 0xBC, 0x9F, 0xEF,
				    0xBC, 0x9F, 0xEF, 0xBC, 0x9F };
				size_t i;
				for (i = 0; i < sizeof(rest) && p[1 + i] == rest[i]; i++)
					;
				if (i == sizeof(rest))
					return 1;
			}
			break;
		}
	}
#undef LC
}

int
pg_placeholder_match(struct pg_placeholder *p, const char *s, char *buf,
    size_t bufsz)
{
	PCRE2_SIZE	*ov;
	size_t		 len;
	int		 rc;

	if (p == NULL || s == NULL || !may_hold_placeholder(s))
		return 0;
	rc = pcre2_match(p->re, (PCRE2_SPTR)s, PCRE2_ZERO_TERMINATED, 0, 0,
	    p->md, p->mc);
	if (rc <= 0)
		return 0;
	if (buf != NULL && bufsz > 0) {
		ov = pcre2_get_ovector_pointer(p->md);
		len = ov[1] - ov[0];
		if (len >= bufsz)
			len = bufsz - 1;
		memcpy(buf, s + ov[0], len);
		buf[len] = '\0';
	}
	return 1;
}

void
pg_placeholder_free(struct pg_placeholder *p)
{
	if (p == NULL)
		return;
	pcre2_match_context_free(p->mc);
	pcre2_match_data_free(p->md);
	pcre2_code_free(p->re);
	free(p);
}

/* ---- placeholder-text: every text of the model ---------------------------- */

/*
 * Where a text lives: `en`/`zh` name the element ("title" / "标题");
 * `owner` (if not NULL) is the thing holding it, e.g. "goal G1" / "目标 G1".
 */
struct where {
	const char	*owner_en, *owner_zh, *owner_id;
};

/* 1 if s holds only white space (XML's: space, tab, CR, LF). */
static int
blank(const char *s)
{
	return s[strspn(s, " \t\r\n")] == '\0';
}

/*
 * Empty text where text was written to be (an element with no text, an
 * attribute of spaces: <title></title>, owner=" ") is unfinished text like
 * 待补充: reported by this rule too (README, "Empty text").
 */
static int
ph_empty(struct ctx *c, const struct rule *r, unsigned long line,
    const struct where *w, const char *en, const char *zh)
{
	char	owner[NAMESZ], t[160];

	if (w != NULL && w->owner_en != NULL) {
		snprintf(owner, sizeof(owner), c->zh ? "%s %s " : "%s %s",
		    c->zh ? w->owner_zh : w->owner_en,
		    pg_text_clip(w->owner_id, 32, t, sizeof(t)));
		if (en == NULL)
			rl_emit(c, r, line, L("%s is empty: fill it in", "%s是空的："
			    "请填写"), owner);
		else
			rl_emit(c, r, line, L("the %s of %s is empty: fill it in",
			    "%s的%s是空的：请填写"), c->zh ? owner : en,
			    c->zh ? zh : owner);
	} else
		rl_emit(c, r, line, L("the %s is empty: fill it in",
		    "%s是空的：请填写"), c->zh ? zh : en);
	return 1;
}

static int
ph_one(struct ctx *c, const struct rule *r, unsigned long line, const char *s,
    const struct where *w, const char *en, const char *zh)
{
	char	m[64], owner[NAMESZ], t[160];

	if (s != NULL && blank(s))
		return ph_empty(c, r, line, w, en, zh);
	if (s == NULL || !pg_placeholder_match(c->ph, s, m, sizeof(m)))
		return 0;
	if (w != NULL && w->owner_en != NULL) {
		/* zh: a space after the id before Chinese text ("行动 A1 的") */
		snprintf(owner, sizeof(owner), c->zh ? "%s %s " : "%s %s",
		    c->zh ? w->owner_zh : w->owner_en,
		    pg_text_clip(w->owner_id, 32, t, sizeof(t)));
		if (en == NULL)
			rl_emit(c, r, line, L("placeholder text \"%2$s\" is still "
			    "in %1$s", "%s中仍有占位文字“%s”"), owner, m);
		else
			rl_emit(c, r, line, L("placeholder text \"%3$s\" is still "
			    "in the %1$s of %2$s", "%s的%s中仍有占位文字“%s”"),
			    c->zh ? owner : en, c->zh ? zh : owner, m);
	} else
		rl_emit(c, r, line, L("placeholder text \"%2$s\" is still in "
		    "the %1$s", "%s中仍有占位文字“%s”"), c->zh ? zh : en, m);
	return 1;
}

static void
ph_text(struct ctx *c, const struct rule *r, const struct pg_text *x,
    unsigned long fallback, const struct where *w, const char *en,
    const char *zh)
{
	ph_one(c, r, x->line ? x->line : fallback, x->s, w, en, zh);
}

static void
ph_para(struct ctx *c, const struct rule *r, const struct pg_para *pa,
    unsigned long fallback, const struct where *w, const char *en,
    const char *zh)
{
	size_t i;

	for (i = 0; i < pa->nruns; i++)
		if (ph_one(c, r, pa->line ? pa->line : fallback, pa->runs[i].text,
		    w, en, zh))
			return;
}

static void
ph_prose(struct ctx *c, const struct rule *r, const struct pg_prose *x,
    const struct where *w, const char *en, const char *zh)
{
	size_t i, j;

	if (x->line != 0 && x->nblocks == 0) {	/* <market-definition/> */
		ph_empty(c, r, x->line, w, en, zh);
		return;
	}
	for (i = 0; i < x->nblocks; i++) {
		const struct pg_block *b = &x->blocks[i];
		unsigned long fb = b->line ? b->line : x->line;
		if (b->kind == PG_BLOCK_P)
			ph_para(c, r, &b->para, fb, w, en, zh);
		else
			for (j = 0; j < b->nitems; j++)
				ph_para(c, r, &b->items[j], fb, w, en, zh);
	}
}

static void
ph_summary_situation(struct ctx *c, const struct rule *r)
{
	const struct pg_plan	*p = c->p;
	const struct pg_summary	*s = &p->summary;
	const struct pg_situation *si = &p->situation;
	const struct pg_posmap	*pm = &si->posmap;
	struct where		 w;
	size_t			 i;

	ph_prose(c, r, &s->market_definition, NULL, "market definition", "市场界定");
	ph_one(c, r, s->sales_line, s->sales_unit, NULL, "sales unit", "销售额单位");
	for (i = 0; i < s->nyears; i++)
		ph_one(c, r, s->years[i].line, s->years[i].label, NULL,
		    "sales year label", "销售年份标签");
	for (i = 0; i < s->nkey_points; i++)
		ph_text(c, r, &s->key_points[i], s->key_points_line, NULL,
		    "key point", "要点");
	ph_prose(c, r, &s->overview, NULL, "overview", "概述");

	ph_prose(c, r, &si->market, NULL, "market analysis", "市场分析");
	for (i = 0; i < si->nfacts; i++)
		if (!ph_one(c, r, si->facts[i].line, si->facts[i].label, NULL,
		    "market fact", "市场数据"))
			ph_one(c, r, si->facts[i].line, si->facts[i].value, NULL,
			    "market fact", "市场数据");
	for (i = 0; i < si->nsegments; i++) {
		const struct pg_segment *g = &si->segments[i];
		w = (struct where){ "customer segment", "客户细分",
		    g->id ? g->id : g->name };
		ph_one(c, r, g->line, g->name, &w, "name", "名称");
		ph_prose(c, r, &g->text, &w, "description", "描述");
	}
	for (i = 0; i < si->ncompetitors; i++) {
		const struct pg_competitor *g = &si->competitors[i];
		w = (struct where){ "competitor", "竞争者",
		    g->id ? g->id : g->name };
		ph_one(c, r, g->line, g->name, &w, "name", "名称");
		ph_prose(c, r, &g->text, &w, "description", "描述");
	}
	ph_prose(c, r, &si->performance, NULL, "performance", "经营表现");
	ph_prose(c, r, &si->events, NULL, "events", "重要事件");
	if (pm->line != 0) {
		const char *axes[6] = { pm->x, pm->y, pm->x_low, pm->x_high,
			pm->y_low, pm->y_high };
		for (i = 0; i < 6; i++)
			if (ph_one(c, r, pm->line, axes[i], NULL,
			    "positioning-map axis labels", "定位图坐标轴标签"))
				break;
	}
	for (i = 0; i < pm->npositions; i++)
		ph_one(c, r, pm->positions[i].line, pm->positions[i].label, NULL,
		    "positioning-map label", "定位图标签");
}

static void
ph_swot_goals(struct ctx *c, const struct rule *r)
{
	const struct pg_plan	*p = c->p;
	struct where		 w;
	size_t			 i, j;

	for (i = 0; i < p->swot.nitems; i++) {
		const struct pg_swot_item *s = &p->swot.items[i];
		w = (struct where){ rl_swot_en[s->kind & 3], rl_swot_zh[s->kind & 3],
		    s->id };
		ph_one(c, r, s->line, s->text, &w, NULL, NULL);
	}
	for (i = 0; i < p->goals.n; i++) {
		const struct pg_goal *g = &p->goals.v[i];
		w = (struct where){ "goal", "目标", g->id };
		ph_one(c, r, g->line, g->owner, &w, "owner", "负责人");
		ph_text(c, r, &g->statement, g->line, &w, "statement", "表述");
		for (j = 0; j < g->nmetrics; j++)
			if (!ph_one(c, r, g->metrics[j].line, g->metrics[j].name,
			    &w, "metric", "指标"))
				ph_one(c, r, g->metrics[j].line, g->metrics[j].unit,
				    &w, "metric", "指标");
		ph_prose(c, r, &g->note, &w, "note", "备注");
	}
}

static void
ph_strategy(struct ctx *c, const struct rule *r)
{
	const struct pg_strategy *s = &c->p->strategy;
	const struct pg_blueprint *b = &s->blueprint;
	struct where		 w;
	size_t			 i;
	int			 k;

	ph_prose(c, r, &s->positioning, NULL, "positioning", "市场定位");
	ph_prose(c, r, &s->target_customers, NULL, "target customers", "目标客户");
	ph_prose(c, r, &s->target_competitors, NULL, "target competitors",
	    "目标竞争者");
	ph_prose(c, r, &s->core, NULL, "core strategy", "核心策略");
	for (k = 0; k < PG_MIX_N; k++) {
		char zh[64], en[64];
		/* "产品策略", "marketing mix (product)": the glossary's word */
		snprintf(zh, sizeof(zh), "%s策略", pg_term((enum pg_term)
		    (PG_TERM_MIX_PRODUCT + k), PG_LANG_ZH));
		snprintf(en, sizeof(en), "marketing mix (%s)", pg_term((enum
		    pg_term)(PG_TERM_MIX_PRODUCT + k), PG_LANG_EN));
		ph_prose(c, r, &s->mix[k], NULL, en, zh);
	}
	for (i = 0; i < s->ndimensions; i++) {
		/* the dimension by its name in the message's language */
		enum pg_term d = (enum pg_term)(PG_TERM_SQ_RELIABILITY +
		    s->dimensions[i].name % 5);
		w = (struct where){ pg_term(PG_TERM_SQ_DIMENSION, PG_LANG_EN),
		    pg_term(PG_TERM_SQ_DIMENSION, PG_LANG_ZH), pg_term(d,
		    c->zh ? PG_LANG_ZH : PG_LANG_EN) };
		ph_prose(c, r, &s->dimensions[i].text, &w, NULL, NULL);
	}
	ph_one(c, r, b->line, b->service, NULL, "blueprint service",
	    "服务蓝图的服务名称");
	for (i = 0; i < b->nsteps; i++) {
		const struct pg_step *st = &b->steps[i];
		w = (struct where){ "blueprint step", "服务蓝图步骤",
		    st->id ? st->id : st->name };
		ph_one(c, r, st->line, st->name, &w, "name", "名称");
		ph_text(c, r, &st->evidence, st->line, &w, "evidence", "有形展示");
		ph_text(c, r, &st->customer, st->line, &w, "customer", "顾客行为");
		ph_text(c, r, &st->frontstage, st->line, &w, "frontstage", "前台");
		ph_text(c, r, &st->backstage, st->line, &w, "backstage", "后台");
		ph_text(c, r, &st->support, st->line, &w, "support", "支持过程");
		ph_one(c, r, st->fail_point.line, st->fail_point.text, &w,
		    pg_term(PG_TERM_FAIL_POINT, PG_LANG_EN),
		    pg_term(PG_TERM_FAIL_POINT, PG_LANG_ZH));
		ph_text(c, r, &st->fail_point.recovery, st->fail_point.line, &w,
		    pg_term(PG_TERM_RECOVERY, PG_LANG_EN), "补救措施");
	}
}

static void
ph_actions_budget_controls(struct ctx *c, const struct rule *r)
{
	const struct pg_plan	*p = c->p;
	const struct pg_controls *k = &p->controls;
	struct where		 w;
	size_t			 i;

	for (i = 0; i < p->actions.n; i++) {
		const struct pg_action *a = &p->actions.v[i];
		w = (struct where){ "action", "行动", a->id };
		ph_one(c, r, a->line, a->owner, &w, "owner", "负责人");
		ph_text(c, r, &a->title, a->line, &w, "title", "标题");
		ph_prose(c, r, &a->description, &w, "description", "描述");
		ph_text(c, r, &a->measure, a->line, &w, "measure", "衡量方式");
	}
	for (i = 0; i < p->budget.nlines; i++) {
		const struct pg_budget_line *b = &p->budget.lines[i];
		if (!ph_one(c, r, b->line, b->category, NULL, "budget line",
		    "预算项"))
			ph_one(c, r, b->line, b->text, NULL, "budget line", "预算项");
	}
	ph_one(c, r, p->budget.contingency_line, p->budget.contingency_text, NULL,
	    "contingency", "不可预见费");
	for (i = 0; i < k->nkpis; i++) {
		const struct pg_kpi *x = &k->kpis[i];
		if (!ph_one(c, r, x->line, x->text, NULL, "kpi", "关键绩效指标") &&
		    !ph_one(c, r, x->line, x->owner, NULL, "kpi", "关键绩效指标"))
			ph_one(c, r, x->line, x->target, NULL, "kpi", "关键绩效指标");
	}
	for (i = 0; i < k->nmilestones; i++)
		ph_one(c, r, k->milestones[i].line, k->milestones[i].text, NULL,
		    "milestone", "里程碑");
	for (i = 0; i < k->nreviews; i++)
		if (!ph_one(c, r, k->reviews[i].line, k->reviews[i].text, NULL,
		    "review", "评审"))
			ph_one(c, r, k->reviews[i].line, k->reviews[i].cadence, NULL,
			    "review", "评审");
	for (i = 0; i < k->nrisks; i++) {
		ph_one(c, r, k->risks[i].line, k->risks[i].text, NULL, "risk",
		    "风险");
		ph_text(c, r, &k->risks[i].mitigation, k->risks[i].line, NULL,
		    "risk mitigation", "风险应对措施");
	}
}

/*
 * The texts of the version 2 seed models: positioning maps after the
 * first (and every caption), journeys, FAB rows (an empty benefit is
 * fab-no-benefit's), blueprints after the first, QDQ quality, risk owners.
 */
static void
ph_seed(struct ctx *c, const struct rule *r)
{
	const struct pg_plan	*p = c->p;
	struct where		 w;
	size_t			 i, j, k;

	for (i = 0; i < p->situation.nposmaps; i++) {
		const struct pg_posmap *pm = &p->situation.posmaps[i];
		ph_text(c, r, &pm->caption, pm->line, NULL,
		    "positioning-map caption", "定位图标题");
		if (i == 0)
			continue;
		{
			const char *axes[6] = { pm->x, pm->y, pm->x_low, pm->x_high,
				pm->y_low, pm->y_high };
			for (j = 0; j < 6; j++)
				if (ph_one(c, r, pm->line, axes[j], NULL,
				    "positioning-map axis labels", "定位图坐标轴标签"))
					break;
		}
		for (j = 0; j < pm->npositions; j++)
			ph_one(c, r, pm->positions[j].line, pm->positions[j].label,
			    NULL, "positioning-map label", "定位图标签");
	}
	for (i = 0; i < p->situation.njourneys; i++) {
		const struct pg_journey *jr = &p->situation.journeys[i];
		ph_one(c, r, jr->line, jr->persona, NULL, "journey persona",
		    "客户旅程人物");
		for (j = 0; j < jr->nstages; j++) {
			const struct pg_stage *sg = &jr->stages[j];
			w = (struct where){ "journey stage", "客户旅程阶段",
			    sg->id ? sg->id : sg->name };
			ph_one(c, r, sg->line, sg->name, &w, "name", "名称");
			for (k = 0; k < sg->ntouchpoints; k++)
				ph_text(c, r, &sg->touchpoints[k], sg->line, &w,
				    "touchpoint", "接触点");
			ph_text(c, r, &sg->feeling, sg->line, &w, "feeling", "感受");
			for (k = 0; k < sg->npains; k++)
				ph_one(c, r, sg->pains[k].line, sg->pains[k].text, &w,
				    "pain", "痛点");
			for (k = 0; k < sg->nopportunities; k++)
				ph_text(c, r, &sg->opportunities[k], sg->line, &w,
				    "opportunity", "机会");
		}
	}
	for (i = 0; i < p->strategy.nfab; i++) {
		const struct pg_fab_row *fr = &p->strategy.fab[i];
		ph_text(c, r, &fr->feature, fr->line, NULL, "FAB feature", "FAB 特征");
		ph_text(c, r, &fr->advantage, fr->line, NULL, "FAB advantage",
		    "FAB 优势");
		if (fr->benefit.s != NULL && !blank(fr->benefit.s))
			ph_text(c, r, &fr->benefit, fr->line, NULL, "FAB benefit",
			    "FAB 利益");
	}
	for (i = 1; i < p->strategy.nblueprints; i++) {
		const struct pg_blueprint *b = &p->strategy.blueprints[i];
		ph_one(c, r, b->line, b->service, NULL, "blueprint service",
		    "服务蓝图的服务名称");
		for (j = 0; j < b->nsteps; j++) {
			const struct pg_step *st = &b->steps[j];
			w = (struct where){ "blueprint step", "服务蓝图步骤",
			    st->id ? st->id : st->name };
			ph_one(c, r, st->line, st->name, &w, "name", "名称");
			ph_text(c, r, &st->evidence, st->line, &w, "evidence", "有形展示");
			ph_text(c, r, &st->customer, st->line, &w, "customer", "顾客行为");
			ph_text(c, r, &st->frontstage, st->line, &w, "frontstage", "前台");
			ph_text(c, r, &st->backstage, st->line, &w, "backstage", "后台");
			ph_text(c, r, &st->support, st->line, &w, "support", "支持过程");
			ph_one(c, r, st->fail_point.line, st->fail_point.text, &w,
			    pg_term(PG_TERM_FAIL_POINT, PG_LANG_EN),
			    pg_term(PG_TERM_FAIL_POINT, PG_LANG_ZH));
			ph_text(c, r, &st->fail_point.recovery, st->fail_point.line,
			    &w, pg_term(PG_TERM_RECOVERY, PG_LANG_EN), "补救措施");
		}
	}
	for (i = 0; i < p->actions.n; i++) {
		const struct pg_action *a = &p->actions.v[i];
		w = (struct where){ "action", "行动", a->id };
		if (a->quality.s != NULL && !blank(a->quality.s))	/* empty: QDQ's */
			ph_text(c, r, &a->quality, a->line, &w, "quality standard",
			    "质量标准");
	}
	for (i = 0; i < p->controls.nrisks; i++)
		ph_one(c, r, p->controls.risks[i].line, p->controls.risks[i].owner,
		    NULL, "risk owner", "风险负责人");
}

/* placeholder-text: every text of the model (see above). */
void
rl_placeholder_text(struct ctx *c, const struct rule *r)
{
	const struct pg_meta *m = &c->p->meta;

	ph_text(c, r, &m->title, m->line, NULL, "title", "标题");
	ph_text(c, r, &m->subtitle, m->line, NULL, "subtitle", "副标题");
	ph_text(c, r, &m->organization, m->line, NULL, "organization", "组织名称");
	ph_text(c, r, &m->author, m->line, NULL, "author", "作者");
	ph_summary_situation(c, r);
	ph_swot_goals(c, r);
	ph_strategy(c, r);
	ph_actions_budget_controls(c, r);
	ph_seed(c, r);
}
