/*
 * brief.c — the brief (template kind="brief"): at most two pages for a
 * reader with five minutes.  See compose_int.h (cp_brief).
 *
 * What it holds, in order: the title, the organisation, the period and
 * who prepared it; the key points; the goals with their targets (and the
 * goal tree when the goals form one); the budget total and its split by
 * category (the budget chart, or a small table); the top risks (the
 * controls' risks by impact and likelihood, else the SWOT threats); for a
 * draft, the completeness score and the open findings; and last, one line
 * naming what the brief left out ("see the full plan").
 *
 * Invariants:
 *  1. It selects, it never cuts: every text it shows is shown whole.  It
 *     is laid out at the fullest level first; while the result is longer
 *     than two pages it is laid out again one level leaner (fewer goals,
 *     no goal tree, no chart, fewer risks and findings).  The leanest
 *     level is a few lines a part.
 *  2. Whatever it leaves out is named on the last line and marked
 *     "summarised by design" in the accounting of the plan's texts
 *     (account.c), so nothing is lost silently.
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/lang.h"
#include "compose/compose_int.h"
#include "model/track.h"

#define W(e, z)	(r->zh ? (z) : (e))
#define BRIEF_PAGES	2

/* What one level of the brief shows. */
struct bsel {
	size_t	kp;		/* key points */
	size_t	goals;		/* goal rows */
	int	tree;		/* the goal tree figure */
	int	chart;		/* the budget chart (else a table) */
	size_t	cats;		/* budget categories in the table (0: none) */
	size_t	risks;
	size_t	findings;
};

static const struct bsel levels[] = {
	{ 99, 12, 1, 1, 8, 3, 6 },
	{ 99, 12, 0, 1, 8, 3, 6 },
	{ 99, 8, 0, 1, 8, 3, 5 },
	{ 99, 8, 0, 0, 6, 3, 4 },
	{ 3, 5, 0, 0, 5, 2, 3 },
	{ 3, 3, 0, 0, 0, 1, 2 },
	{ 3, 2, 0, 0, 0, 1, 1 },
};

/* What a pass left out, for the "see the full plan" line. */
struct bout {
	size_t	goals, kp, risks, findings;
	int	tree, chart;
};

static void
heading(struct rs *r, const char *text)
{
	cp_lcheck(r, pg_layout_heading(r->l, 0, text, &r->h1));
}

/* ---- the parts --------------------------------------------------------- */

static void
title_block(struct rs *r)
{
	const struct pg_meta	*m = &r->p->meta;
	struct pg_tstyle	 ts = r->h1, sub = r->body, facts = r->body;
	char			 d0[64], d1[64];
	const char		*f, *title, *subt, *org, *author;

	ts.size = r->t->size_cover;
	ts.leading = ts.size * 1.2;
	ts.space_before = 0;
	ts.space_after = ts.size * 0.3;
	/* a few lines each, as on a cover: the brief stays two pages */
	title = cp_wrap_cut(r, m->title.s, r->tw, PG_STYLE_STRONG, ts.size, 3);
	subt = cp_wrap_cut(r, m->subtitle.s, r->tw, 0, r->t->size_h2, 3);
	org = cp_wrap_cut(r, m->organization.s, r->tw * 0.45, 0,
	    r->t->size_body, 2);
	author = cp_wrap_cut(r, m->author.s, r->tw * 0.45, 0, r->t->size_body,
	    2);
	cp_cover_notes(r, org, title, subt, author);
	cp_text_para(r, title, m->title.line, &ts);
	sub.color = r->t->c_primary;
	sub.size = r->t->size_h2;
	sub.leading = sub.size * 1.35;
	sub.align = PG_ALIGN_LEFT;
	if (subt != NULL)
		cp_text_para(r, subt, m->subtitle.line, &sub);
	/* a cut text is accounted for by its note */
	cp_placed(r, m->title.s);
	cp_placed(r, m->subtitle.s);
	facts.color = r->t->c_muted;
	facts.align = PG_ALIGN_LEFT;
	f = cp_sfmt(r, "%s%s%s %s%s", org ? org : "", org ? "  ·  " : "", cp_label(r, "cover.period"),
	    pg_fmt_date(m->period_start, r->lang, d0, sizeof(d0)),
	    cp_sfmt(r, "%s%s", cp_label(r, "cover.period-sep"),
	    pg_fmt_date(m->period_end, r->lang, d1, sizeof(d1))));
	if (m->author.s != NULL)
		f = cp_sfmt(r, "%s  ·  %s%s%s", f, cp_label(r, "cover.author"),
		    COLON(r), author);
	cp_chk(r, m->organization.s, m->organization.line);
	cp_chk(r, m->author.s, m->author.line);
	cp_text_para(r, f, m->line, &facts);
	cp_placed(r, m->organization.s);
	cp_placed(r, m->author.s);
	cp_lcheck(r, pg_layout_space(r->l, r->t->size_body * 0.5));
}

static void
key_points(struct rs *r, const struct bsel *sel, struct bout *out)
{
	const struct pg_summary	*s = &r->p->summary;
	size_t			 n = s->nkey_points;

	if (n == 0)
		return;
	if (n > sel->kp) {
		out->kp = n - sel->kp;
		n = sel->kp;
	}
	heading(r, cp_label(r, "summary.key-points"));
	cp_key_points(r, n);
}

/* "40 → 55 %" for a metric ("" without a target). */
static const char *
target_of(struct rs *r, const struct pg_metric *m)
{
	const char *u = m->unit ? m->unit : "", *sp = "";

	if (m->target.text == NULL)
		return "";
	if (*u && strcmp(u, "%") != 0 && !(r->zh && (unsigned char)*u >= 0xe0))
		sp = " ";
	if (m->baseline.text != NULL)
		return cp_sfmt(r, "%s → %s%s%s", cp_fmt_num(r, m->baseline.text),
		    cp_fmt_num(r, m->target.text), sp, u);
	return cp_sfmt(r, "→ %s%s%s", cp_fmt_num(r, m->target.text), sp, u);
}

static int
has_tree(const struct pg_goals *gs)
{
	size_t	i;

	for (i = 0; i < gs->n; i++)
		if (gs->v[i].parent != NULL)
			return 1;
	return 0;
}

static void
goals(struct rs *r, const struct bsel *sel, struct bout *out)
{
	const struct pg_goals	*gs = &r->p->goals;
	static const double	 mf[4] = { 0.3, 0.22, 0.12, 0.12 };
	struct tb		 t;
	size_t			 i, j, shown = 0;
	int			 pass, tree = has_tree(gs);

	if (gs->n == 0)
		return;
	heading(r, cp_label(r, "brief.goals"));
	cp_tb_begin_keys(r, &t, 4, (const char *const []){ "col.goal",
	    "col.baseline-target", "col.due", "col.owner" });
	t.min_frac = mf;
	/* the top goals first when there are more than fit, then the rest */
	for (pass = 0; pass < 2; pass++)
		for (i = 0; i < gs->n && shown < sel->goals; i++) {
			const struct pg_goal *g = &gs->v[i];
			const char *names = "";
			struct pg_run *v;
			int top = g->parent == NULL;
			if (gs->n > sel->goals && (pass == 0) != top)
				continue;
			if (gs->n <= sel->goals && pass == 1)
				break;
			if ((v = cp_palloc(r, 2 * sizeof(*v))) == NULL)
				return;
			v[0] = (struct pg_run){ cp_sfmt(r, "%s  ", g->id ? g->id : ""),
			    PG_STYLE_STRONG };
			v[1] = (struct pg_run){ g->statement.s ? g->statement.s : "", 0 };
			cp_chk(r, g->statement.s, g->statement.line);
			cp_tb_cellv(r, &t, v, 2, NULL);
			cp_placed(r, g->statement.s);
			for (j = 0; j < g->nmetrics; j++) {
				const struct pg_metric *m = &g->metrics[j];
				const char *one = target_of(r, m);
				cp_chk(r, m->name, m->line);
				cp_chk(r, m->unit, m->line);
				names = cp_sfmt(r, "%s%s%s%s%s", names, j ? "\n" : "",
				    m->name ? m->name : "", *one ? COLON(r) : "", one);
				cp_tb_also(r, &t, m->name);
				if (*one)
					cp_tb_also(r, &t, m->unit);
			}
			cp_tb_cell(r, &t, names, g->nmetrics ? g->metrics[0].line :
			    g->line, NULL);
			cp_tb_cell(r, &t, cp_fmt_sdate(r, g->due), g->line, NULL);
			cp_tb_cell(r, &t, g->owner, g->line, NULL);
			shown++;
		}
	cp_tb_end(r, &t);
	out->goals = gs->n - shown;
	if (tree && sel->tree && r->p->version == 2) {
		r->fig = 1;
		cp_goal_tree(r);
	} else
		out->tree = tree && r->p->version == 2;
}

/* The total the plan gives, else its lines and contingency summed. */
static int64_t
budget_total(const struct pg_budget *b)
{
	int64_t	 sum = b->contingency.set ? b->contingency.minor : 0;
	size_t	 i;

	if (b->total.set)
		return b->total.minor;
	for (i = 0; i < b->nlines; i++)
		if (!__builtin_add_overflow(sum, b->lines[i].amount.minor, &sum))
			continue;
	return sum;
}

struct bcat {
	const char	*name;
	int64_t		 amount;
};

static int
cat_cmp(const void *a, const void *b)
{
	const struct bcat *x = a, *y = b;

	return x->amount < y->amount ? 1 : x->amount > y->amount ? -1 :
	    strcmp(x->name, y->name);
}

/* The budget lines summed by category, largest first (scratch). */
static struct bcat *
categories(struct rs *r, size_t *n)
{
	const struct pg_budget	*b = &r->p->budget;
	struct bcat		*v = cp_palloc(r, (b->nlines + 1) * sizeof(*v));
	size_t			 i, j, k = 0;

	*n = 0;
	if (v == NULL)
		return NULL;
	for (i = 0; i < b->nlines; i++) {
		const char *c = b->lines[i].category ? b->lines[i].category : "";
		for (j = 0; j < k; j++)
			if (strcmp(v[j].name, c) == 0)
				break;
		if (j == k)
			v[k++] = (struct bcat){ c, 0 };
		(void)__builtin_add_overflow(v[j].amount, b->lines[i].amount.minor,
		    &v[j].amount);
	}
	qsort(v, k, sizeof(*v), cat_cmp);
	*n = k;
	return v;
}

static void
budget(struct rs *r, const struct bsel *sel, struct bout *out)
{
	const struct pg_budget	*b = &r->p->budget;
	int64_t			 total = budget_total(b);
	const char		*s;

	struct cp_fig		 fig;

	if (b->line == 0)
		return;
	/* the chart is laid out first, so that the heading and the total
	 * go with it to the next page when it does not fit here */
	r->fig = sel->chart && b->nlines > 0;
	cp_fig_begin(r, PG_FIG_BUDGET, &fig);
	cp_keep_room(r, cp_fig_want(r, &fig, 0.28) + r->t->size_h1 * 2 +
	    r->lead.leading * 2);
	heading(r, cp_label(r, "budget.heading"));
	s = cp_sfmt(r, W("Total %s", "总额 %s"), cp_money_sym(r, total));
	if (b->contingency.set && b->contingency.minor > 0)
		s = cp_sfmt(r, W("%s, of which contingency %s", "%s，其中应急储备 %s"),
		    s, cp_money_sym(r, b->contingency.minor));
	s = cp_sfmt(r, W("%s; %zu budget lines.", "%s；预算 %zu 项。"), s, b->nlines);
	cp_text_para(r, s, b->line, &r->lead);
	cp_fig_end(r, &fig);
	r->fig = 1;
	if (sel->chart && b->nlines > 0)
		return;
	out->chart = b->nlines > 0;
	if (sel->cats > 0 && b->nlines > 0) {
		size_t n, i;
		struct bcat *v = categories(r, &n);
		struct tb t;
		int64_t rest = 0;
		static const double mf[3] = { 0.4, 0.2, 0.1 };
		if (v == NULL)
			return;
		cp_tb_begin(r, &t, 3, (const char *const []){
		    cp_label(r, "col.category"), cp_money_unit(r),
		    W("Share", "占比") });
		t.min_frac = mf;
		for (i = 0; i < n; i++) {
			if (i + 1 >= sel->cats && n > sel->cats) {
				(void)__builtin_add_overflow(rest, v[i].amount, &rest);
				continue;
			}
			cp_tb_cell(r, &t, v[i].name, 0, NULL);
			cp_tb_cell(r, &t, cp_money(r, v[i].amount), 0, &r->tright);
			cp_tb_cell(r, &t, total > 0 ? cp_sfmt(r, "%.1f%%",
			    (double)v[i].amount * 100.0 / (double)total) : "",
			    0, &r->tright);
			cp_tb_also(r, &t, v[i].name);
		}
		if (rest != 0) {
			cp_tb_cell(r, &t, W("Other categories", "其他类别"), 0, NULL);
			cp_tb_cell(r, &t, cp_money(r, rest), 0, &r->tright);
			cp_tb_cell(r, &t, total > 0 ? cp_sfmt(r, "%.1f%%",
			    (double)rest * 100.0 / (double)total) : "", 0, &r->tright);
		}
		cp_tb_end(r, &t);
	}
}

static int
risk_score(const struct pg_risk *k)
{
	return (int)k->impact * 4 + (int)k->likelihood;
}

static void
risks(struct rs *r, const struct bsel *sel, struct bout *out)
{
	const struct pg_controls *c = &r->p->controls;
	const struct pg_swot	*sw = &r->p->swot;
	size_t			 i, j, shown = 0, n = 0;
	unsigned char		*done;

	if (c->nrisks > 0) {
		heading(r, cp_label(r, "brief.risks"));
		if ((done = cp_palloc(r, c->nrisks)) == NULL)
			return;
		/* highest impact, then likelihood; document order on a tie */
		for (shown = 0; shown < sel->risks && shown < c->nrisks; shown++) {
			const struct pg_risk *k;
			struct pg_run *v;
			size_t best = c->nrisks;
			for (j = 0; j < c->nrisks; j++)
				if (!done[j] && (best == c->nrisks ||
				    risk_score(&c->risks[j]) > risk_score(&c->risks[best])))
					best = j;
			done[best] = 1;
			k = &c->risks[best];
			if ((v = cp_palloc(r, 3 * sizeof(*v))) == NULL)
				return;
			v[0] = (struct pg_run){ k->text ? k->text : "", PG_STYLE_STRONG };
			v[1] = (struct pg_run){ k->mitigation.s ? cp_sfmt(r, W(" — %s%s",
			    "——%s%s"), cp_label(r, "col.mitigation"), COLON(r)) : "", 0 };
			v[2] = (struct pg_run){ k->mitigation.s ? k->mitigation.s : "", 0 };
			cp_chk(r, k->text, k->line);
			cp_chk(r, k->mitigation.s, k->mitigation.line);
			cp_lcheck(r, pg_layout_item(r->l, v, 3, &r->item));
			cp_placed(r, k->text);
			cp_placed(r, k->mitigation.s);
		}
		out->risks = c->nrisks - shown;
		return;
	}
	for (i = 0; i < sw->nitems; i++)
		n += sw->items[i].kind == PG_SWOT_THREAT;
	if (n == 0)
		return;
	heading(r, cp_label(r, "brief.threats"));
	for (i = 0; i < sw->nitems && shown < sel->risks; i++) {
		const struct pg_swot_item *it = &sw->items[i];
		if (it->kind != PG_SWOT_THREAT)
			continue;
		cp_chk(r, it->text, it->line);
		cp_lcheck(r, pg_layout_item(r->l, cp_run1(r, it->text, 0), 1,
		    &r->item));
		cp_placed(r, it->text);
		shown++;
	}
	out->risks = n - shown;
}

/* A draft: the completeness score and the open findings. */
static void
review(struct rs *r, const struct bsel *sel, struct bout *out)
{
	const struct pg_diags	*d = r->o->findings;
	size_t			 i, ne = 0, nw = 0, shown = 0;
	const char		*s;
	int			 pass;

	if (!r->o->draft)
		return;
	for (i = 0; d != NULL && i < d->n; i++)
		if (!d->v[i].accepted) {
			ne += d->v[i].sev == PG_ERROR;
			nw += d->v[i].sev != PG_ERROR;
		}
	heading(r, cp_label(r, "brief.review"));
	s = r->zh ? cp_sfmt(r, "%zu 个错误，%zu 个警告", ne, nw) :
	    cp_sfmt(r, "%zu error%s, %zu warning%s", ne, ne == 1 ? "" : "s",
	    nw, nw == 1 ? "" : "s");
	if (r->o->completeness != NULL && *r->o->completeness >= 0)
		s = cp_sfmt(r, W("Completeness %d%%; %s.", "完整度 %d%%；%s。"),
		    *r->o->completeness, s);
	else
		s = cp_sfmt(r, "%s%s", s, W(".", "。"));
	cp_text_para(r, s, 0, &r->lead);
	/* errors first, then warnings, each in line order */
	for (pass = 0; pass < 2; pass++)
		for (i = 0; d != NULL && i < d->n && shown < sel->findings; i++) {
			const struct pg_diag *g = &d->v[i];
			if (g->accepted || (g->sev == PG_ERROR) != (pass == 0))
				continue;
			s = g->line ? cp_sfmt(r, W("line %lu: %s [%s]", "第 %lu 行：%s［%s］"),
			    g->line, g->msg, g->rule) : cp_sfmt(r, W("%s [%s]",
			    "%s［%s］"), g->msg, g->rule);
			cp_lcheck(r, pg_layout_item(r->l, cp_run1(r, s, 0), 1, &r->item));
			shown++;
		}
	out->findings = ne + nw - shown;
}

/* The last line: what the brief left out, by name. */
static void
left_out(struct rs *r, const struct bout *out)
{
	const struct pg_plan	*p = r->p;
	struct pg_tstyle	 ts = r->body;
	const char		*sep = W(", ", "、"), *s = "";
	size_t			 k = 0;

#define ADD(text)	do { s = cp_sfmt(r, "%s%s%s", s, k++ ? sep : "", (text)); } while (0)
	if (out->kp > 0)
		ADD(cp_sfmt(r, W("%zu more key point%s", "另外 %zu 条要点"), out->kp,
		    out->kp == 1 ? "" : "s"));
	ADD(cp_label(r, "situation.heading"));
	ADD(cp_label(r, "swot.heading"));
	if (out->goals > 0)
		ADD(cp_sfmt(r, W("%zu more goal%s", "另外 %zu 个目标"), out->goals,
		    out->goals == 1 ? "" : "s"));
	if (out->tree)
		ADD(W("the goal tree", "目标树"));
	ADD(cp_label(r, "strategy.heading"));
	ADD(cp_sfmt(r, W("%s (%zu action%s)", "%s（%zu 项行动）"),
	    cp_label(r, "actions.heading"), p->actions.n,
	    p->actions.n == 1 ? "" : "s"));
	if (out->chart)
		ADD(W("the budget chart and lines", "预算图表与明细"));
	else
		ADD(W("the budget lines", "预算明细"));
	if (p->controls.line != 0)
		ADD(cp_label(r, "controls.heading"));
	if (out->risks > 0)
		ADD(cp_sfmt(r, W("%zu more risk%s", "另外 %zu 项风险"), out->risks,
		    out->risks == 1 ? "" : "s"));
	if (p->version == 2 && pg_track_has_actuals(p))
		ADD(W("Progress", "进展"));
	if (p->appendix.n > 0)
		ADD(W("the appendix", "附录"));
	if (out->findings > 0)
		ADD(cp_sfmt(r, W("%zu more finding%s", "另外 %zu 条审阅意见"),
		    out->findings, out->findings == 1 ? "" : "s"));
#undef ADD
	ts.color = r->t->c_muted;
	ts.align = PG_ALIGN_LEFT;
	ts.space_before = r->t->size_body * 0.8;
	cp_lcheck(r, pg_layout_para(r->l, cp_run1(r, cp_sfmt(r,
	    W("Not in this brief — see the full plan: %s.",
	    "本简报未收录，详见完整计划：%s。"), s), PG_STYLE_EM & (r->zh ? 0 : ~0u)),
	    1, &ts));
}

/* ---- the brief ---------------------------------------------------------- */

/* Lay the brief out once at level sel; the number of pages, or -1. */
static int
brief_pass(struct rs *r, const struct bsel *sel)
{
	const struct pg_template *t = r->t;
	struct bout		 out;

	memset(&out, 0, sizeof(out));
	pg_frames_free(r->f);
	pg_frames_init(r->f, t->page_w, t->page_h);
	cp_acct_reset(r);
	cp_v2_reset(r);
	r->sec = r->sub = 0;
	r->first_outline = 0;
	if (cp_layout_open(r) != 0)
		return -1;
	r->fig = 1;
	title_block(r);
	key_points(r, sel, &out);
	goals(r, sel, &out);
	budget(r, sel, &out);
	risks(r, sel, &out);
	review(r, sel, &out);
	left_out(r, &out);
	if (pg_layout_finish(r->l) != 0)
		r->oom = 1;
	pg_layout_free(r->l);
	r->l = NULL;
	return r->oom ? -1 : (int)r->f->npages;
}

int
cp_brief(struct rs *r)
{
	size_t	i, n = sizeof(levels) / sizeof(levels[0]);
	int	pages = -1;

	for (i = 0; i < n; i++)
		if ((pages = brief_pass(r, &levels[i])) < 0 ||
		    pages <= BRIEF_PAGES)
			break;
	if (pages < 0)
		return -1;
	/* what the brief does not show is in the full plan, by design */
	cp_acct_summarise_lost(r, "left out of the brief (named on its "
	    "\"see the full plan\" line)");
	return 0;
}
