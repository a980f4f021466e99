/*
 * large.c — plans with more actions than a reader takes row by row
 * (cp_large: over CP_LARGE_ACTIONS).  The action plan chapter gives a
 * summary instead of the full list — actions by category (with their
 * budget), by owner and by quarter, and the timeline by category — and a
 * last chapter, the appendix of actions, lists every action by category
 * (a heading, so a bookmark, per category) in a dense table: small type,
 * dates that do not wrap, the budget each action's lines add up to; then
 * each action's details in small full-width paragraphs (description,
 * measure, the version 2 quantity, direction, quality, addresses, notes).
 * Nothing is left out: every text the full chapter would place is placed
 * here.  See compose_int.h.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/fmt.h"
#include "compose/compose_int.h"

#define W(e, z)	(r->zh ? (z) : (e))

void
cp_dense_styles(struct rs *r)
{
	double sz = r->t->size_table * 0.85;

	r->dbody = r->tbody;
	r->dbody.size = sz;
	r->dbody.leading = sz * (r->zh ? 1.32 : 1.22);
	r->dbold = r->dbody;
	r->dbold.style = PG_STYLE_STRONG;
	r->dright = r->dbody;
	r->dright.align = PG_ALIGN_RIGHT;
	r->dbright = r->dbold;
	r->dbright.align = PG_ALIGN_RIGHT;
	r->dmuted = r->dbody;
	r->dmuted.color = r->t->c_muted;
	r->dhead = r->thead;
	r->dhead.size = sz;
	r->dhead.leading = r->dbody.leading;
	r->dpara = r->dbody;
	r->dpara.align = PG_ALIGN_JUSTIFY;
	r->dpara.space_after = sz * 0.35;
}

int
cp_large(const struct rs *r)
{
	return r->p->actions.n > CP_LARGE_ACTIONS;
}

/* ---- actions and their budget lines ------------------------------------ */

static const struct pg_actions *sort_as;

static int
by_id(const void *a, const void *b)
{
	const char *x = sort_as->v[*(const size_t *)a].id;
	const char *y = sort_as->v[*(const size_t *)b].id;

	return strcmp(x ? x : "", y ? y : "");
}

/*
 * For each action, the first of its budget lines (lines[i] for action i,
 * (size_t)-1: none) and, per line, the next line of the same action
 * (next[k]); a line naming no action (or an unknown one) is in no list.
 * 0, or -1 (r->oom).
 */
static int
line_lists(struct rs *r, size_t **first, size_t **next)
{
	const struct pg_actions *as = &r->p->actions;
	const struct pg_budget *b = &r->p->budget;
	size_t *ix, *fst, *nx, *last, i, k;

	ix = cp_palloc(r, (as->n + 1) * sizeof(*ix));
	fst = cp_palloc(r, (as->n + 1) * sizeof(*fst));
	last = cp_palloc(r, (as->n + 1) * sizeof(*last));
	nx = cp_palloc(r, (b->nlines + 1) * sizeof(*nx));
	if (ix == NULL || fst == NULL || nx == NULL || last == NULL)
		return -1;
	for (i = 0; i < as->n; i++) {
		ix[i] = i;
		fst[i] = last[i] = (size_t)-1;
	}
	sort_as = as;
	qsort(ix, as->n, sizeof(*ix), by_id);
	for (k = 0; k < b->nlines; k++) {
		size_t lo = 0, hi = as->n;
		nx[k] = (size_t)-1;
		if (b->lines[k].action == NULL)
			continue;
		while (lo < hi) {	/* the first id >= the line's action */
			size_t mid = lo + (hi - lo) / 2;
			const char *id = as->v[ix[mid]].id;
			if (strcmp(id ? id : "", b->lines[k].action) < 0)
				lo = mid + 1;
			else
				hi = mid;
		}
		if (lo == as->n || as->v[ix[lo]].id == NULL ||
		    strcmp(as->v[ix[lo]].id, b->lines[k].action) != 0)
			continue;
		i = ix[lo];
		if (fst[i] == (size_t)-1)
			fst[i] = k;
		else
			nx[last[i]] = k;
		last[i] = k;
	}
	*first = fst;
	*next = nx;
	return 0;
}

/* The sum of action i's budget lines; 0 with *none set when it has none;
 * -1 on overflow. */
static int
action_budget(const struct rs *r, const size_t *first, const size_t *next,
    size_t i, int64_t *sum, int *none)
{
	size_t k;

	*sum = 0;
	*none = first[i] == (size_t)-1;
	for (k = first[i]; k != (size_t)-1; k = next[k])
		if (pg_money_add(*sum, r->p->budget.lines[k].amount.minor,
		    sum) != 0)
			return -1;
	return 0;
}

const unsigned char *
cp_large_listed(struct rs *r)
{
	size_t *first, *next, i, k;
	unsigned char *v;

	if (!cp_large(r) || line_lists(r, &first, &next) != 0 ||
	    (v = cp_palloc(r, r->p->budget.nlines + 1)) == NULL)
		return NULL;
	for (i = 0; i < r->p->actions.n; i++)
		for (k = first[i]; k != (size_t)-1; k = next[k])
			v[k] = r->p->budget.lines[k].note.line == 0;
	return v;
}

/* ---- the summary in the action plan chapter --------------------------- */

static const char *
cat_name(struct rs *r, unsigned c)
{
	return cp_enum_label(r, "category", pg_category_names[c < PG_CAT_N ?
	    c : 0]);
}

static void
by_category(struct rs *r, const size_t *first, const size_t *next)
{
	const struct pg_actions *as = &r->p->actions;
	size_t cnt[PG_CAT_N] = { 0 }, i;
	int64_t sum[PG_CAT_N] = { 0 }, all = 0, v;
	int over = 0, none, c;
	const char *h[4];
	struct tb t;

	for (i = 0; i < as->n; i++) {
		unsigned k = as->v[i].category < PG_CAT_N ? as->v[i].category : 0;
		cnt[k]++;
		if (action_budget(r, first, next, i, &v, &none) != 0 ||
		    pg_money_add(sum[k], v, &sum[k]) != 0 ||
		    pg_money_add(all, v, &all) != 0)
			over = 1;
	}
	cp_heading2(r, "actions.by-category");
	h[0] = cp_label(r, "col.category");
	h[1] = W("Actions", "行动数");
	h[2] = cp_sfmt(r, r->zh ? "%s（%s）" : "%s (%s)", W("Budget", "预算"),
	    cp_money_unit(r));
	h[3] = W("Share", "占比");
	cp_tb_begin(r, &t, 4, h);
	for (c = 0; c < PG_CAT_N; c++) {
		if (cnt[c] == 0)
			continue;
		cp_tb_cell(r, &t, *cat_name(r, (unsigned)c) ? cat_name(r,
		    (unsigned)c) : "—", 0, &r->tbold);
		cp_tb_cell(r, &t, cp_sfmt(r, "%zu", cnt[c]), 0, &r->tright);
		cp_tb_cell(r, &t, over ? "—" : cp_money(r, sum[c]), 0,
		    &r->tright);
		cp_tb_cell(r, &t, over || all <= 0 ? "—" : cp_sfmt(r, "%.1f%%",
		    (double)sum[c] * 100.0 / (double)all), 0, &r->tright);
	}
	cp_tb_cell(r, &t, cp_label(r, "budget.total"), 0, &r->tbold);
	cp_tb_cell(r, &t, cp_sfmt(r, "%zu", as->n), 0, &r->tbright);
	cp_tb_cell(r, &t, over ? "—" : cp_money(r, all), 0, &r->tbright);
	cp_tb_cell(r, &t, "", 0, NULL);
	cp_tb_end(r, &t);
}

struct owner_n {
	const char	*owner;
	size_t		 n;
};

static int
by_owner_cmp(const void *a, const void *b)
{
	const struct owner_n *x = a, *y = b;

	return strcmp(x->owner, y->owner);
}

static int
by_count(const void *a, const void *b)
{
	const struct owner_n *x = a, *y = b;

	if (x->n != y->n)
		return x->n < y->n ? 1 : -1;
	return strcmp(x->owner, y->owner);
}

#define OWNERS_SHOWN	15

static void
by_owner(struct rs *r)
{
	const struct pg_actions *as = &r->p->actions;
	struct owner_n *v;
	size_t i, n = 0, rest = 0, nrest = 0;
	const char *h[2];
	struct tb t;

	if ((v = cp_palloc(r, (as->n + 1) * sizeof(*v))) == NULL)
		return;
	for (i = 0; i < as->n; i++)
		v[i] = (struct owner_n){ as->v[i].owner ? as->v[i].owner : "", 1 };
	qsort(v, as->n, sizeof(*v), by_owner_cmp);
	for (i = 0; i < as->n; i++)	/* one entry per owner */
		if (n > 0 && strcmp(v[n - 1].owner, v[i].owner) == 0)
			v[n - 1].n++;
		else
			v[n++] = v[i];
	qsort(v, n, sizeof(*v), by_count);
	cp_heading2(r, "actions.by-owner");
	h[0] = cp_label(r, "col.owner");
	h[1] = W("Actions", "行动数");
	cp_tb_begin(r, &t, 2, h);
	for (i = 0; i < n; i++) {
		if (i >= OWNERS_SHOWN) {
			rest += v[i].n;
			nrest++;
			continue;
		}
		cp_tb_cell(r, &t, *v[i].owner ? v[i].owner : "—", 0, NULL);
		cp_tb_cell(r, &t, cp_sfmt(r, "%zu", v[i].n), 0, &r->tright);
	}
	if (nrest > 0) {
		cp_tb_cell(r, &t, cp_sfmt(r, W("%zu other owners",
		    "其他 %zu 位负责人"), nrest), 0, &r->tmuted);
		cp_tb_cell(r, &t, cp_sfmt(r, "%zu", rest), 0, &r->tright);
	}
	cp_tb_end(r, &t);
}

#define QUARTERS_MAX	40

/* Quarter index of a date from year y0 (Q1 of y0 is 0). */
static long
quarter(struct pg_date d, int y0)
{
	return (long)(d.y - y0) * 4 + (d.m - 1) / 3;
}

static void
by_quarter(struct rs *r)
{
	const struct pg_actions *as = &r->p->actions;
	size_t st[QUARTERS_MAX] = { 0 }, run[QUARTERS_MAX] = { 0 },
	    en[QUARTERS_MAX] = { 0 }, i;
	int y0 = 0, any = 0;
	long q, q0, q1, nq = 0;
	const char *h[4];
	struct tb t;

	for (i = 0; i < as->n; i++)
		if (as->v[i].start.y != 0 && (y0 == 0 || as->v[i].start.y < y0))
			y0 = as->v[i].start.y;
	for (i = 0; i < as->n; i++) {
		const struct pg_action *a = &as->v[i];
		if (a->start.y == 0 || a->end.y == 0 ||
		    pg_date_cmp(a->start, a->end) > 0)
			continue;
		q0 = quarter(a->start, y0);
		q1 = quarter(a->end, y0);
		if (q1 >= QUARTERS_MAX)
			return;		/* too long a plan for quarters */
		st[q0]++;
		en[q1]++;
		for (q = q0; q <= q1; q++)
			run[q]++;
		if (q1 + 1 > nq)
			nq = q1 + 1;
		any = 1;
	}
	if (!any)
		return;
	cp_heading2(r, "actions.by-quarter");
	h[0] = W("Quarter", "季度");
	h[1] = W("Starting", "开始");
	h[2] = W("Under way", "进行中");
	h[3] = W("Ending", "结束");
	cp_tb_begin(r, &t, 4, h);
	for (q = 0; q < nq; q++) {
		cp_tb_cell(r, &t, r->zh ? cp_sfmt(r, "%d年第%ld季度", y0 +
		    (int)(q / 4), q % 4 + 1) : cp_sfmt(r, "Q%ld %d", q % 4 + 1,
		    y0 + (int)(q / 4)), 0, &r->tbold);
		cp_tb_cell(r, &t, cp_sfmt(r, "%zu", st[q]), 0, &r->tright);
		cp_tb_cell(r, &t, cp_sfmt(r, "%zu", run[q]), 0, &r->tright);
		cp_tb_cell(r, &t, cp_sfmt(r, "%zu", en[q]), 0, &r->tright);
	}
	cp_tb_end(r, &t);
}

void
cp_large_actions(struct rs *r)
{
	size_t *first, *next;

	cp_heading1(r, "actions.heading");
	cp_text_para(r, cp_sfmt(r, W("The plan has %zu actions. This chapter "
	    "sums them up by category, owner and quarter; every action, with "
	    "its owner, dates, goals, budget and details, is listed by "
	    "category in the appendix of actions at the end.",
	    "本计划共有 %zu 项行动。本章按类别、负责人和季度汇总；每项行动的"
	    "负责人、起止日期、目标、预算和说明，按类别列于文末的行动附录。"),
	    r->p->actions.n), 0, &r->body);
	if (line_lists(r, &first, &next) != 0)
		return;
	by_category(r, first, next);
	by_owner(r);
	by_quarter(r);
	cp_heading2(r, "actions.timeline");
	cp_fig_timeline(r);
}

/* ---- the appendix of actions -------------------------------------------- */

/* "2 Jan–2 Dec", "1月2日–12月2日" within one year, else the full range. */
static const char *
short_range(struct rs *r, struct pg_date a, struct pg_date b)
{
	static const char *const mon[12] = { "Jan", "Feb", "Mar", "Apr",
	    "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };

	if (a.y == 0 || b.y == 0 || a.y != b.y || a.m < 1 || a.m > 12 ||
	    b.m < 1 || b.m > 12)
		return cp_fmt_range(r, a, b);
	if (r->zh)
		return cp_sfmt(r, "%d月%d日–%d月%d日", a.m, a.d, b.m, b.d);
	return cp_sfmt(r, "%d %s–%d %s", a.d, mon[a.m - 1], b.d, mon[b.m - 1]);
}

/* Append run (text, style) to v[*n] (cap runs); text NULL: nothing. */
static void
add_run(struct pg_run *v, size_t *n, size_t cap, const char *text,
    unsigned style)
{
	if (text != NULL && *n < cap)
		v[(*n)++] = (struct pg_run){ text, style };
}

/* What goes before a detail's label after the n runs of v: nothing
 * after the id alone; in English a space; in Chinese "；" unless the run
 * before ends a clause itself ("。", "，", "；", "：", "、", "！", "？"). */
static const char *
lsep(struct rs *r, const struct pg_run *v, size_t n)
{
	const char *t;
	size_t len;

	if (n <= 1)
		return "";
	if (!r->zh)
		return " ";
	t = v[n - 1].text;
	len = t != NULL ? strlen(t) : 0;
	if (len >= 3 && ((unsigned char)t[len - 3] & 0xF0) == 0xE0) {
		uint32_t cp = ((uint32_t)(t[len - 3] & 0x0F) << 12) |
		    ((uint32_t)(t[len - 2] & 0x3F) << 6) | (t[len - 1] & 0x3F);
		if (cp == 0x3001 || cp == 0x3002 || cp == 0xFF0C ||
		    cp == 0xFF1B || cp == 0xFF1A || cp == 0xFF01 || cp == 0xFF1F)
			return "";
	}
	return "；";
}

/* The blocks of prose p from block b0 on, in the dense style. */
static void
dense_blocks(struct rs *r, const struct pg_prose *p, size_t b0)
{
	size_t k, i;

	for (k = b0; k < p->nblocks; k++) {
		const struct pg_block *bl = &p->blocks[k];
		if (bl->kind == PG_BLOCK_P)
			cp_lcheck(r, pg_layout_para(r->l, cp_xruns(r,
			    bl->para.runs, bl->para.nruns), bl->para.nruns,
			    &r->dpara));
		else if (bl->kind == PG_BLOCK_LIST)
			for (i = 0; i < bl->nitems; i++)
				cp_lcheck(r, pg_layout_item(r->l, cp_xruns(r,
				    bl->items[i].runs, bl->items[i].nruns),
				    bl->items[i].nruns, &r->dpara));
		else
			cp_block_v2(r, bl);
	}
}

/* One action's details in a dense paragraph: the id in bold, the
 * description (its first paragraph run in), then each detail led by its
 * label, the note's first paragraph last (led by its label); further
 * blocks of the description and the note after it, dense too. */
static void
details(struct rs *r, const struct pg_action *a, const size_t *first,
    const size_t *next)
{
	const struct pg_prose *d = &a->description, *nt = &a->note;
	const struct pg_run *dr = NULL, *nr = NULL;
	struct pg_run *v;
	size_t n = 0, cap, nd = 0, k, b0 = 0, nl = 0, shown, nn = 0, nb0 = 0;

	for (k = first[a - r->p->actions.v]; k != (size_t)-1; k = next[k])
		nl++;
	shown = 0;
	if (d->nblocks > 0 && d->blocks[0].kind == PG_BLOCK_P) {
		dr = cp_xruns(r, d->blocks[0].para.runs, d->blocks[0].para.nruns);
		nd = d->blocks[0].para.nruns;
		b0 = 1;
	}
	/* the note's first paragraph runs in too, led by its label */
	if (nt->nblocks > 0 && nt->blocks[0].kind == PG_BLOCK_P) {
		nr = cp_xruns(r, nt->blocks[0].para.runs,
		    nt->blocks[0].para.nruns);
		nn = nt->blocks[0].para.nruns;
		nb0 = 1;
	}
	cap = nd + nn + 18 + 3 * nl;
	if ((v = cp_palloc(r, cap * sizeof(*v))) == NULL)
		return;
	add_run(v, &n, cap, cp_sfmt(r, "%s  ", a->id ? a->id : ""),
	    PG_STYLE_STRONG);
	for (k = 0; k < nd; k++)
		add_run(v, &n, cap, dr[k].text, dr[k].style);
#define LABELLED(key, val, st) do {					\
		add_run(v, &n, cap, cp_sfmt(r, "%s%s%s", lsep(r, v, n),	\
		    cp_label(r, key), COLON(r)), PG_STYLE_STRONG);		\
		add_run(v, &n, cap, (val), (st));				\
	} while (0)
	if (a->measure.s != NULL) {
		cp_chk(r, a->measure.s, a->measure.line);
		LABELLED("actions.measure", a->measure.s, 0);
	}
	if (a->count.text != NULL)
		LABELLED("actions.count", cp_fmt_num(r, a->count.text), 0);
	if (a->segments.n > 0)
		LABELLED("actions.segments", cp_refs(r, &a->segments), 0);
	if (a->quality.s != NULL && *a->quality.s != '\0') {
		cp_chk(r, a->quality.s, a->quality.line);
		LABELLED("actions.quality", a->quality.s, 0);
	}
	if (a->addresses.n > 0)
		LABELLED("actions.addresses", cp_refs(r, &a->addresses), 0);
	for (k = first[a - r->p->actions.v]; k != (size_t)-1; k = next[k]) {
		const struct pg_budget_line *bl = &r->p->budget.lines[k];
		if (bl->note.line != 0)
			continue;	/* in the budget chapter, with its note */
		cp_chk(r, bl->text, bl->line);
		if (shown++ == 0)
			LABELLED("budget.heading", bl->text, 0);
		else {
			add_run(v, &n, cap, r->zh ? "；" : "; ", 0);
			add_run(v, &n, cap, bl->text, 0);
		}
		add_run(v, &n, cap, cp_sfmt(r, r->zh ? "（%s）" : " (%s)",
		    cp_money_sym(r, bl->amount.minor)), 0);
	}
	if (nt->nblocks > 0) {
		add_run(v, &n, cap, cp_sfmt(r, "%s%s%s", lsep(r, v, n),
		    cp_label(r, "note.label"), COLON(r)), PG_STYLE_STRONG);
		for (k = 0; k < nn; k++)
			add_run(v, &n, cap, nr[k].text, nr[k].style);
	}
#undef LABELLED
	cp_chk_prose(r, d);
	cp_chk_prose(r, nt);
	cp_lcheck(r, pg_layout_para(r->l, v, n, &r->dpara));
	cp_placed_runs(r, v, n);
	dense_blocks(r, d, b0);
	cp_placed_prose(r, d);
	/* each line listed here, under the id of the action it names */
	for (k = first[a - r->p->actions.v]; k != (size_t)-1; k = next[k])
		if (r->p->budget.lines[k].note.line == 0) {
			cp_placed(r, r->p->budget.lines[k].text);
			cp_placed(r, r->p->budget.lines[k].action);
		}
	dense_blocks(r, nt, nb0);	/* the note's further blocks */
	cp_placed_prose(r, nt);
}

void
cp_large_appendix(struct rs *r)
{
	const struct pg_actions *as = &r->p->actions;
	static const double mf[6] = { 0.05, 0.3, 0.1, 0.12, 0.06, 0.09 };
	size_t cnt[PG_CAT_N] = { 0 }, *first, *next, i;
	int c, none;
	int64_t sum;
	const char *h[6];
	struct tb t;

	if (line_lists(r, &first, &next) != 0)
		return;
	for (i = 0; i < as->n; i++)
		cnt[as->v[i].category < PG_CAT_N ? as->v[i].category : 0]++;
	cp_heading1(r, "actions.appendix");
	h[0] = cp_label(r, "col.id");
	h[1] = cp_label(r, "col.action");
	h[2] = cp_label(r, "col.owner");
	h[3] = cp_label(r, "col.dates");
	h[4] = cp_label(r, "col.goals");
	h[5] = cp_sfmt(r, r->zh ? "%s（%s）" : "%s (%s)", W("Budget", "预算"),
	    cp_money_unit(r));
	for (c = 0; c < PG_CAT_N && !r->oom; c++) {
		if (cnt[c] == 0)
			continue;
		cp_heading2_text(r, cp_sfmt(r, W("%s: %zu actions",
		    "%s：%zu 项行动"), *cat_name(r, (unsigned)c) ?
		    cat_name(r, (unsigned)c) : W("No category", "未分类"),
		    cnt[c]));
		cp_tb_begin(r, &t, 6, h);
		t.min_frac = mf;
		t.dense = 1;
		for (i = 0; i < as->n; i++) {
			const struct pg_action *a = &as->v[i];
			if ((a->category < PG_CAT_N ? (int)a->category : 0) != c)
				continue;
			cp_tb_cell(r, &t, a->id, a->line, &r->dbold);
			cp_tb_cell(r, &t, a->title.s, a->title.line, NULL);
			cp_tb_cell(r, &t, a->owner, a->line, NULL);
			cp_tb_cell(r, &t, short_range(r, a->start, a->end),
			    a->line, NULL);
			cp_tb_cell(r, &t, cp_refs(r, &a->goals), a->line, NULL);
			if (action_budget(r, first, next, i, &sum, &none) != 0)
				cp_tb_cell(r, &t, "—", 0, &r->dright);
			else
				cp_tb_cell(r, &t, none ? "—" : cp_money(r, sum),
				    0, &r->dright);
		}
		cp_tb_end(r, &t);
		for (i = 0; i < as->n && !r->oom; i++) {
			const struct pg_action *a = &as->v[i];
			if ((a->category < PG_CAT_N ? (int)a->category : 0) == c)
				details(r, a, first, next);
		}
	}
}

/* ---- the KPI table two to a line ----------------------------- */

int
cp_large_kpis(struct rs *r, int kinds)
{
	enum { G = 2, C = 6 };
	static const double mf[C] = { 0.1, 0.035, 0.05, 0.05, 0.05, 0.06 };
	static const char *const key[C] = { "col.kpi", "col.goal",
	    "col.target", "col.frequency", "col.kind", "col.owner" };
	const struct pg_controls *c = &r->p->controls;
	const char	*h[G * C], *v[C];
	double		 mfv[G * C], wmax[C] = { 0 }, x, pad, sum = 0;
	size_t		 nc = kinds ? C : C - 1, i, j, g, col;
	struct tb	 t;

	if (!cp_large(r) || c->nkpis <= CP_LARGE_ROWS)
		return 0;
	for (i = 0; i < c->nkpis; i++) {
		const struct pg_kpi *k = &c->kpis[i];
		if (k->note.line != 0)
			return 0;	/* a note wants the ordinary table */
		v[0] = k->text;
		v[1] = k->goal;
		v[2] = k->target;
		v[3] = cp_enum_label(r, "frequency",
		    pg_frequency_names[k->frequency]);
		v[4] = cp_enum_label(r, "kind", pg_kpi_kind_names[k->kind]);
		v[5] = k->owner;
		for (j = 0, col = 0; j < C; j++) {
			if (j == 4 && !kinds)
				continue;
			x = cp_text_w(r, v[j], j == 1 ? PG_STYLE_STRONG : 0,
			    r->dbody.size);
			if (x > wmax[col])
				wmax[col] = x;
			col++;
		}
	}
	pad = r->dbody.size * 0.3;
	for (j = 0; j < nc; j++)
		sum += wmax[j] + 2 * pad;
	if (G * sum + r->dbody.size * 2 > r->tw)
		return 0;	/* two to a line would wrap: one to a line */
	for (g = 0; g < G; g++)
		for (j = 0, col = 0; j < C; j++) {
			if (j == 4 && !kinds)
				continue;
			h[g * nc + col] = cp_label(r, key[j]);
			mfv[g * nc + col] = mf[j];
			col++;
		}
	cp_tb_begin(r, &t, G * nc, h);
	t.min_frac = mfv;
	t.dense = 1;
	for (i = 0; i < c->nkpis; i++) {
		const struct pg_kpi *k = &c->kpis[i];
		cp_tb_cell(r, &t, k->text, k->line, NULL);
		cp_tb_cell(r, &t, k->goal, k->line, &r->dbold);
		cp_tb_cell(r, &t, k->target, k->line, NULL);
		cp_tb_cell(r, &t, cp_enum_label(r, "frequency",
		    pg_frequency_names[k->frequency]), k->line, NULL);
		if (kinds)
			cp_tb_cell(r, &t, cp_enum_label(r, "kind",
			    pg_kpi_kind_names[k->kind]), k->line, NULL);
		cp_tb_cell(r, &t, k->owner, k->line, NULL);
	}
	cp_tb_end(r, &t);
	return 1;
}
