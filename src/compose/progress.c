/*
 * progress.c — the progress chapter of a version 2 plan with actuals
 * (../shared/spec/plan-format.md, "Tracking the plan during the year"):
 * the as-of date and the status rule written out, a scorecard of every
 * KPI and goal metric with actuals (baseline, target, latest actual, the
 * straight line's value then, the status as a word on a coloured cell,
 * the trend of the actuals), remarks recorded with actuals (a KPI's or a
 * goal metric's), actions done /
 * in progress / late by category and by owner, and the budget spent
 * against plan by category.  The judgements are model/track.h's, so the
 * chapter, `check`'s findings and its JSON agree.  See compose_int.h.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "compose/compose_int.h"
#include "model/track.h"

#define W(e, z)	(r->zh ? (z) : (e))

/* Status cell fills: green, amber, red (light, so black text reads). */
static const struct pg_color fill_on = { 0xD7, 0xEF, 0xD9 };
static const struct pg_color fill_risk = { 0xFB, 0xE7, 0xB5 };
static const struct pg_color fill_off = { 0xF6, 0xCC, 0xCC };

static const char *
track_word(struct rs *r, enum pg_track t)
{
	switch (t) {
	case PG_TRACK_ON:	return W("On track", "正常");
	case PG_TRACK_AT_RISK:	return W("At risk", "有风险");
	case PG_TRACK_OFF:	return W("Off track", "偏离");
	default:		return W("Not judged", "未判断");
	}
}

/* "25 minutes", "25分钟", "40%": a value with its unit (no space in
 * Chinese, none before "%"). */
static const char *
with_unit(struct rs *r, const char *v, const char *unit)
{
	if (v == NULL)
		return "—";
	if (unit == NULL || *unit == '\0')
		return cp_fmt_num(r, v);
	return cp_sfmt(r, "%s%s%s", cp_fmt_num(r, v),
	    r->zh || strcmp(unit, "%") == 0 ? "" : " ", unit);
}

/* The actuals on or before as_of with a value, in date order (stable);
 * their number in *k.  NULL (r->oom set) when memory runs out. */
static const struct pg_actual **
dated(struct rs *r, const struct pg_actual *v, size_t n, struct pg_date as_of,
    size_t *k)
{
	const struct pg_actual **s;
	size_t	 i, j;

	*k = 0;
	if ((s = cp_palloc(r, (n + 1) * sizeof(*s))) == NULL)
		return NULL;
	for (i = 0; i < n; i++) {
		if (v[i].date.y == 0 || v[i].value.text == NULL ||
		    (as_of.y != 0 && pg_date_cmp(v[i].date, as_of) > 0))
			continue;
		for (j = *k; j > 0 && pg_date_cmp(s[j - 1]->date, v[i].date) > 0; j--)
			s[j] = s[j - 1];
		s[j] = &v[i];
		(*k)++;
	}
	return s;
}

/* "a → b → c": the values of s[0..k). */
static const char *
trend_text(struct rs *r, const struct pg_actual **s, size_t k)
{
	const char *out = "—";
	size_t	 i;

	for (i = 0; i < k; i++)
		out = i == 0 ? cp_fmt_num(r, s[i]->value.text) :
		    cp_sfmt(r, "%s → %s", out, cp_fmt_num(r, s[i]->value.text));
	return out;
}

/*
 * The scorecard's trend lines: for each body row, its actuals in date
 * order, the target (a dashed reference line) and the status, drawn
 * when the row is placed (row_drawn) in the last column.
 */
struct spark {
	const struct pg_actual **s;
	size_t		 k;
	double		 target;
	int		 has_target;
	enum pg_track	 status;
};

struct sparks {
	struct spark	*v;
	size_t		 n, cap;
};

/* Stronger versions of the status fills, for the line's last point. */
static struct pg_color
status_ink(enum pg_track t)
{
	static const struct pg_color on = { 0x2E, 0x7D, 0x32 },
	    risk = { 0xB2, 0x6A, 0x00 }, off = { 0xC6, 0x28, 0x28 },
	    none = { 0x55, 0x55, 0x55 };

	return t == PG_TRACK_ON ? on : t == PG_TRACK_AT_RISK ? risk :
	    t == PG_TRACK_OFF ? off : none;
}

/*
 * A small line chart of the row's actuals in the box (x, y, w, h): time
 * runs left to right (by date; evenly when all share one date), values up,
 * over the range of the actuals and the target; the target as a dashed
 * line, each actual a point, the latest in the status colour.
 */
static void
spark_draw(struct rs *r, const struct spark *sp, int page, double x, double y,
    double w, double h)
{
	double	lo, hi, t0, t1, px = 0, py = 0, cx, cy;
	size_t	i;

	if (sp->k == 0 || w < 8 || h < 6)
		return;
	if (w > 72)		/* a wide (landscape) column: a small chart */
		w = 72;
	lo = hi = sp->s[0]->value.v;
	for (i = 1; i < sp->k; i++) {
		if (sp->s[i]->value.v < lo)
			lo = sp->s[i]->value.v;
		if (sp->s[i]->value.v > hi)
			hi = sp->s[i]->value.v;
	}
	if (sp->has_target) {
		if (sp->target < lo)
			lo = sp->target;
		if (sp->target > hi)
			hi = sp->target;
	}
	if (hi - lo < 1e-9) {
		lo -= 1;
		hi += 1;
	}
	t0 = (double)pg_date_days(sp->s[0]->date);
	t1 = (double)pg_date_days(sp->s[sp->k - 1]->date);
	if (sp->has_target) {
		cy = y + h - (sp->target - lo) / (hi - lo) * h;
		cp_add_line(r, page, x, cy, w, 0, r->t->c_muted, 0.5,
		    PG_BOXF_DASH);
	}
	for (i = 0; i < sp->k; i++) {
		cx = sp->k == 1 ? x + w / 2 : t1 > t0 ?
		    x + ((double)pg_date_days(sp->s[i]->date) - t0) / (t1 - t0) * w :
		    x + (double)i / (double)(sp->k - 1) * w;
		cy = y + h - (sp->s[i]->value.v - lo) / (hi - lo) * h;
		if (i > 0)
			cp_add_line(r, page, px, py, cx - px, cy - py,
			    r->t->c_primary, 1.0, 0);
		cp_add_rect(r, page, cx - 1.4, cy - 1.4, 2.8, 2.8,
		    i + 1 == sp->k ? status_ink(sp->status) : r->t->c_primary);
		px = cx;
		py = cy;
	}
}

/* struct tb.draw of the scorecard: the trend line in the last column. */
static void
row_drawn(struct rs *r, void *ctx, size_t row, int page, double y, double h,
    const double *x, const double *w)
{
	const struct sparks *sk = ctx;
	double	 pad = r->t->size_table * 0.45;

	if (row >= sk->n)
		return;
	spark_draw(r, &sk->v[row], page, x[7] + pad + 1.5, y + pad + 1.5,
	    w[7] - 2 * pad - 3, h - 2 * pad - 3);
}

/* One scorecard row. */
static void
score_row(struct rs *r, struct tb *t, struct sparks *sk, const char *name,
    unsigned long line, const struct pg_goal *g, const struct pg_metric *m,
    const struct pg_actual *acts, size_t n, struct pg_date as_of)
{
	struct pg_track_eval ev;
	struct pg_cell	*c;
	char		 x[40];
	const char	*unit = m != NULL ? m->unit : NULL;
	struct spark	*sp = sk->n < sk->cap ? &sk->v[sk->n++] : NULL;

	memset(&ev, 0, sizeof(ev));
	if (m != NULL)
		ev = pg_track_metric(r->p, g, m, acts, n, as_of);
	if (as_of.y == 0)
		ev.status = PG_TRACK_NONE;
	cp_tb_cell(r, t, name, line, &r->tbold);
	cp_tb_cell(r, t, with_unit(r, m ? m->baseline.text : NULL, unit), line,
	    &r->tright);
	cp_tb_cell(r, t, with_unit(r, m ? m->target.text : NULL, unit), line,
	    &r->tright);
	/* a large plan's long scorecard: a row a line */
	cp_tb_cell(r, t, ev.latest ? cp_sfmt(r, cp_large(r) ? "%s · %s" :
	    "%s\n%s", with_unit(r, ev.latest->value.text, unit),
	    cp_fmt_sdate(r, ev.latest->date)) : "—", line, &r->tright);
	cp_tb_cell(r, t, ev.has_expected && ev.status != PG_TRACK_NONE ?
	    with_unit(r, pg_dec_format(ev.expected, x, sizeof(x)), unit) : "—",
	    line, &r->tright);
	c = cp_tb_cell(r, t, track_word(r, ev.status), line, &r->tbold);
	if (c != NULL && ev.status != PG_TRACK_NONE) {
		c->fill = ev.status == PG_TRACK_ON ? fill_on :
		    ev.status == PG_TRACK_AT_RISK ? fill_risk : fill_off;
		c->has_fill = 1;
	}
	if (sp != NULL) {
		sp->s = dated(r, acts, n, as_of, &sp->k);
		if (sp->s == NULL)
			sp->k = 0;
		sp->has_target = m != NULL && m->target.text != NULL;
		sp->target = sp->has_target ? m->target.v : 0;
		sp->status = ev.status;
		cp_tb_cell(r, t, trend_text(r, sp->s, sp->k), line, NULL);
	} else
		cp_tb_cell(r, t, "", line, NULL);
	if (t->ncols == 8)	/* the trend line (row_drawn) */
		cp_tb_cell(r, t, "", line, NULL);
}

/* A goal metric's name in the scorecard and the remarks: "G2 · Sales". */
static const char *
metric_label(struct rs *r, const struct pg_goal *g, const struct pg_metric *m)
{
	return cp_sfmt(r, "%s · %s", g->id ? g->id : "", m->name ? m->name :
	    "");
}

/* A row of the remarks table for actual a of the indicator `name` (drawn
 * bold, from line `line`), if a has a remark. */
static void
remark_row(struct rs *r, struct tb *t, const char *name, unsigned long line,
    const struct pg_actual *a)
{
	if (a->text == NULL)
		return;
	cp_tb_cell(r, t, name, line, &r->tbold);
	cp_tb_cell(r, t, cp_fmt_sdate(r, a->date), a->line, NULL);
	cp_tb_cell(r, t, a->value.text ? cp_fmt_num(r, a->value.text) : "",
	    a->line, &r->tright);
	cp_tb_cell(r, t, a->text, a->line, NULL);
}

/*
 * A large plan's scorecard (issue 9): hundreds of indicators, most of them
 * on track, do not each need a row of eight columns.  The counts by status
 * come first; the indicators off track and at risk follow in the full
 * table (baseline, target, the line, the actuals, the trend); the others,
 * on track or not judged, are listed densely, several to a line, each with
 * its latest actual and that actual's date.
 */
struct srow {
	const char		*name;
	unsigned long		 line;
	const struct pg_goal	*g;
	const struct pg_metric	*m;
	const struct pg_actual	*acts;
	size_t			 n;
	enum pg_track		 st;
	const char		*latest;	/* "35.5% · 30 Jun", or "—" */
};

/* "30 Jun", "6月30日" in the as-of year, else the table date. */
static const char *
score_date(struct rs *r, struct pg_date d, struct pg_date as_of)
{
	static const char *const mon[12] = { "Jan", "Feb", "Mar", "Apr",
	    "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };

	if (d.y == 0 || d.y != as_of.y || d.m < 1 || d.m > 12)
		return cp_fmt_sdate(r, d);
	if (r->zh)
		return cp_sfmt(r, "%d月%d日", d.m, d.d);
	return cp_sfmt(r, "%d %s", d.d, mon[d.m - 1]);
}

/* Judge row s (its status and latest actual) at as_of. */
static void
srow_judge(struct rs *r, struct srow *s, struct pg_date as_of)
{
	struct pg_track_eval ev;
	const struct pg_actual **d, *last = NULL;
	size_t	 k;

	memset(&ev, 0, sizeof(ev));
	if (s->m != NULL)
		ev = pg_track_metric(r->p, s->g, s->m, s->acts, s->n, as_of);
	s->st = as_of.y == 0 ? PG_TRACK_NONE : ev.status;
	if ((last = ev.latest) == NULL &&
	    (d = dated(r, s->acts, s->n, as_of, &k)) != NULL && k > 0)
		last = d[k - 1];
	s->latest = last == NULL ? "—" : cp_sfmt(r, "%s · %s",
	    with_unit(r, last->value.text, s->m ? s->m->unit : NULL),
	    as_of.y != 0 ? score_date(r, last->date, as_of) :
	    cp_fmt_sdate(r, last->date));
}

/* The rows of v[0..n) with status st, several to a line (as many as the
 * longest name and latest actual leave room for, 2 to 4): each
 * indicator's name and its latest actual with the date. */
static void
score_dense(struct rs *r, const struct srow *v, size_t n, enum pg_track st)
{
	enum { GMAX = 4 };
	static const double mf[2 * GMAX] = { 0.1, 0.08, 0.1, 0.08, 0.1, 0.08,
	    0.1, 0.08 };
	const char	*h[2 * GMAX];
	struct tb	 t;
	size_t		 i, g, ng;
	double		 wn = 0, wl = 0, x, pad = r->dbody.size * 0.3;

	for (i = 0; i < n; i++) {
		if (v[i].st != st)
			continue;
		if ((x = cp_text_w(r, v[i].name, PG_STYLE_STRONG,
		    r->dbody.size)) > wn)
			wn = x;
		if ((x = cp_text_w(r, v[i].latest, 0,
		    r->dbody.size)) > wl)
			wl = x;
	}
	/* a group: two cells, each padded both sides, and some air */
	x = wn + wl + 4 * pad + r->dbody.size * 1.5;
	ng = x > 0 ? (size_t)(r->tw / x) : GMAX;
	if (ng > GMAX)
		ng = GMAX;
	if (ng < 2)
		ng = 2;
	for (g = 0; g < ng; g++) {
		h[2 * g] = W("Indicator", "指标");
		h[2 * g + 1] = W("Latest actual", "最新实际值");
	}
	cp_tb_begin(r, &t, 2 * ng, h);
	t.min_frac = mf;
	t.dense = 1;
	for (i = 0; i < n; i++) {
		if (v[i].st != st)
			continue;
		cp_tb_cell(r, &t, v[i].name, v[i].line, &r->dbold);
		cp_tb_cell(r, &t, v[i].latest, v[i].line, &r->dright);
	}
	cp_tb_end(r, &t);
}

/* Begin the scorecard's table t of its first ncols columns (8: with the
 * trend line, 7: without), headed and proportioned. */
static void
score_begin(struct rs *r, struct tb *t, size_t ncols)
{
	/* minimum shares: small, so numbers with units keep whole words */
	static const double mf[8] = { 0.16, 0.06, 0.06, 0.08, 0.06, 0.08, 0.1,
	    0.11 };
	const char *h[8];

	h[0] = W("Indicator", "指标");
	h[1] = W("Baseline", "基线");
	h[2] = W("Target", "目标值");
	h[3] = W("Latest actual", "最新实际值");
	h[4] = W("Line then", "直线当日值");
	h[5] = W("Status", "状态");
	h[6] = W("Actuals", "历次实际值");
	h[7] = W("Trend", "走势");
	cp_tb_begin(r, t, ncols, h);
	t->min_frac = mf;
}

/* The large plan's scorecard of the n rows v (see struct srow). */
static void
score_large(struct rs *r, struct srow *v, size_t n, struct pg_date as_of)
{
	static const enum pg_track order[4] = { PG_TRACK_OFF, PG_TRACK_AT_RISK,
	    PG_TRACK_ON, PG_TRACK_NONE };
	const struct pg_color *fills[4] = { &fill_off, &fill_risk, &fill_on,
	    NULL };
	size_t		 cnt[4] = { 0, 0, 0, 0 }, i, o, nfull;
	const char	*h[8];
	struct tb	 t;
	struct sparks	 sk;

	for (i = 0; i < n; i++) {
		srow_judge(r, &v[i], as_of);
		for (o = 0; o < 4; o++)
			cnt[o] += v[i].st == order[o];
	}
	/* the counts up front */
	for (o = 0; o < 4; o++)
		h[o] = track_word(r, order[o]);
	h[4] = W("Indicators", "指标数");
	cp_tb_begin(r, &t, 5, h);
	for (o = 0; o < 5 && t.head != NULL; o++)
		t.head[o].ts = &r->theadr;	/* over their numbers */
	for (o = 0; o < 4; o++) {
		struct pg_cell *c = cp_tb_cell(r, &t, cp_sfmt(r, "%zu",
		    cnt[o]), 0, &r->tbright);
		if (c != NULL && fills[o] != NULL && cnt[o] > 0) {
			c->fill = *fills[o];
			c->has_fill = 1;
		}
	}
	cp_tb_cell(r, &t, cp_sfmt(r, "%zu", n), 0, &r->tbright);
	cp_tb_end(r, &t);
	nfull = cnt[0] + cnt[1];
	if (nfull == 0)
		cp_text_para(r, W("No indicator is off track or at risk.",
		    "没有偏离或有风险的指标。"), 0, &r->body);
	else {
		cp_text_para(r, W("Off track and at risk, with their actuals:",
		    "偏离和有风险的指标及其历次实际值："), 0, &r->body);
		memset(&sk, 0, sizeof(sk));
		sk.cap = nfull;
		if ((sk.v = cp_palloc(r, (sk.cap + 1) * sizeof(*sk.v))) == NULL)
			return;
		/* more rows than a page: set dense, too low for a trend line */
		score_begin(r, &t, nfull > CP_LARGE_ROWS ? 7 : 8);
		if (nfull <= CP_LARGE_ROWS) {
			t.draw = row_drawn;
			t.draw_ctx = &sk;
		}
		for (o = 0; o < 2; o++)
			for (i = 0; i < n; i++)
				if (v[i].st == order[o])
					score_row(r, &t, &sk, v[i].name,
					    v[i].line, v[i].g, v[i].m,
					    v[i].acts, v[i].n, as_of);
		cp_tb_end(r, &t);
	}
	if (cnt[2] > 0) {
		cp_text_para(r, cp_sfmt(r, W("On track (%zu), each with its "
		    "latest actual and that actual's date:",
		    "正常的指标（%zu项），各附最新实际值及其日期："), cnt[2]), 0,
		    &r->body);
		score_dense(r, v, n, PG_TRACK_ON);
	}
	if (cnt[3] > 0) {
		cp_text_para(r, cp_sfmt(r, W("Not judged (%zu), each with its "
		    "latest actual and that actual's date:",
		    "未判断的指标（%zu项），各附最新实际值及其日期："), cnt[3]), 0,
		    &r->body);
		score_dense(r, v, n, PG_TRACK_NONE);
	}
}

static void
scorecard(struct rs *r, struct pg_date as_of)
{
	const struct pg_plan *p = r->p;
	struct tb	 t;
	struct sparks	 sk;
	struct srow	*sv = NULL;
	size_t		 i, j, x, nrem = 0, nmrem = 0, ns = 0;
	int		 big;

	cp_heading2(r, "progress.scorecard");
	memset(&sk, 0, sizeof(sk));
	sk.cap = p->controls.nkpis;
	for (i = 0; i < p->goals.n; i++)
		sk.cap += p->goals.v[i].nmetrics;
	big = cp_large(r) && sk.cap > CP_LARGE_ROWS;
	if (big) {		/* a large plan: score_large */
		if ((sv = cp_palloc(r, (sk.cap + 1) * sizeof(*sv))) == NULL)
			return;
		sk.cap = 0;
	}
	if ((sk.v = cp_palloc(r, (sk.cap + 1) * sizeof(*sk.v))) == NULL)
		return;
	if (!big) {
		score_begin(r, &t, 8);
		t.draw = row_drawn;
		t.draw_ctx = &sk;
	}
	for (i = 0; i < p->controls.nkpis; i++) {
		const struct pg_kpi *k = &p->controls.kpis[i];
		const struct pg_goal *g = NULL;
		const struct pg_metric *m;
		if (k->nactuals == 0)
			continue;
		m = pg_kpi_metric(p, k, &g);
		if (big)	/* named with its goal: many share a name */
			sv[ns++] = (struct srow){ cp_sfmt(r, "%s%sKPI%s%s",
			    k->goal ? k->goal : "", k->goal ? " · " : "",
			    r->zh ? "" : " ", k->text ? k->text : ""), k->line,
			    g, m, k->actuals, k->nactuals, PG_TRACK_NONE, NULL };
		else
			score_row(r, &t, &sk, cp_sfmt(r, "KPI%s%s", r->zh ?
			    "" : " ", k->text ? k->text : ""), k->line, g, m,
			    k->actuals, k->nactuals, as_of);
		for (j = 0; j < k->nactuals; j++)
			nrem += k->actuals[j].text != NULL;
	}
	for (i = 0; i < p->goals.n; i++)
		for (j = 0; j < p->goals.v[i].nmetrics; j++) {
			const struct pg_goal *g = &p->goals.v[i];
			const struct pg_metric *m = &g->metrics[j];
			if (m->nactuals == 0)
				continue;
			if (big)
				sv[ns++] = (struct srow){ metric_label(r, g, m),
				    m->line, g, m, m->actuals, m->nactuals,
				    PG_TRACK_NONE, NULL };
			else
				score_row(r, &t, &sk, metric_label(r, g, m),
				    m->line, g, m, m->actuals, m->nactuals,
				    as_of);
			for (x = 0; x < m->nactuals; x++)
				nmrem += m->actuals[x].text != NULL;
		}
	if (big)
		score_large(r, sv, ns, as_of);
	else
		cp_tb_end(r, &t);
	if (nrem + nmrem == 0)
		return;
	/* remarks recorded with a KPI's or a metric's actuals */
	{
		static const double mf2[4] = { 0.25, 0.14, 0.1, 0.3 };
		const char *h2[4];
		h2[0] = nmrem ? W("Indicator", "指标") : W("KPI", "KPI");
		h2[1] = W("Date", "日期");
		h2[2] = W("Value", "数值");
		h2[3] = W("Remark", "说明");
		cp_text_para(r, W("Remarks recorded with the actuals:",
		    "实际值附带的说明："), 0, &r->body);
		cp_tb_begin(r, &t, 4, h2);
		t.min_frac = mf2;
		for (i = 0; i < p->controls.nkpis; i++) {
			const struct pg_kpi *k = &p->controls.kpis[i];
			for (j = 0; j < k->nactuals; j++) {
				remark_row(r, &t, k->text ? k->text : "", k->line,
				    &k->actuals[j]);
			}
		}
		for (i = 0; i < p->goals.n && nmrem; i++)
			for (j = 0; j < p->goals.v[i].nmetrics; j++) {
				const struct pg_goal *g = &p->goals.v[i];
				const struct pg_metric *m = &g->metrics[j];
				for (x = 0; x < m->nactuals; x++)
					remark_row(r, &t, metric_label(r, g, m),
					    m->line, &m->actuals[x]);
			}
		cp_tb_end(r, &t);
	}
}

/* ---- actions ------------------------------------------------------------- */

/* A table of action counts by status, one row per distinct key (the
 * category's label or the owner), in order of first appearance. */
static void
action_counts(struct rs *r, int by_owner, struct pg_date as_of)
{
	static const double mf[7] = { 0.28, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1 };
	const struct pg_actions *as = &r->p->actions;
	const char	**key, *h[7];
	size_t		(*cnt)[6], nk = 0, i, k;
	struct tb	 t;

	key = cp_palloc(r, (as->n + 1) * sizeof(*key));
	cnt = cp_palloc(r, (as->n + 1) * sizeof(*cnt));
	if (key == NULL || cnt == NULL)
		return;
	for (i = 0; i < as->n; i++) {
		const struct pg_action *a = &as->v[i];
		const char *kname = by_owner ? (a->owner ? a->owner :
		    W("(no owner)", "（无负责人）")) : a->category != PG_CAT_NONE ?
		    cp_enum_label(r, "category", pg_category_names[a->category]) :
		    W("(no category)", "（无类别）");
		for (k = 0; k < nk; k++)
			if (strcmp(key[k], kname) == 0)
				break;
		if (k == nk)
			key[nk++] = kname;
		cnt[k][pg_track_action(a, as_of)]++;
		cnt[k][5]++;
	}
	h[0] = by_owner ? W("Owner", "负责人") : W("Category", "类别");
	h[1] = W("Done", "已完成");
	h[2] = W("In progress", "进行中");
	h[3] = W("Late", "延误");
	h[4] = W("Planned", "未开始");
	h[5] = W("Cancelled", "已取消");
	h[6] = W("Total", "合计");
	cp_tb_begin(r, &t, 7, h);
	t.min_frac = mf;
	for (k = 0; k < nk; k++) {
		struct pg_cell *c;
		cp_tb_cell(r, &t, key[k], 0, &r->tbold);
		cp_tb_cell(r, &t, cp_sfmt(r, "%zu", cnt[k][PG_AT_DONE]), 0, &r->tright);
		cp_tb_cell(r, &t, cp_sfmt(r, "%zu", cnt[k][PG_AT_IN_PROGRESS]), 0,
		    &r->tright);
		c = cp_tb_cell(r, &t, cp_sfmt(r, "%zu", cnt[k][PG_AT_LATE]), 0,
		    &r->tbright);
		if (c != NULL && cnt[k][PG_AT_LATE] > 0) {
			c->fill = fill_off;
			c->has_fill = 1;
		}
		cp_tb_cell(r, &t, cp_sfmt(r, "%zu", cnt[k][PG_AT_PLANNED]), 0,
		    &r->tright);
		cp_tb_cell(r, &t, cp_sfmt(r, "%zu", cnt[k][PG_AT_CANCELLED]), 0,
		    &r->tright);
		cp_tb_cell(r, &t, cp_sfmt(r, "%zu", cnt[k][5]), 0, &r->tbright);
	}
	cp_tb_end(r, &t);
}

static void
actions(struct rs *r, struct pg_date as_of)
{
	const struct pg_actions *as = &r->p->actions;
	static const double mf[5] = { 0.36, 0.18, 0.14, 0.14, 0.1 };
	const char	*h[5];
	struct tb	 t;
	size_t		 i, nlate = 0;

	if (as->n == 0)
		return;
	cp_heading2(r, "progress.actions");
	cp_text_para(r, W("By category:", "按类别："), 0, &r->body);
	action_counts(r, 0, as_of);
	cp_text_para(r, W("By owner:", "按负责人："), 0, &r->body);
	action_counts(r, 1, as_of);
	for (i = 0; i < as->n; i++)
		nlate += pg_track_action(&as->v[i], as_of) == PG_AT_LATE;
	if (nlate == 0)
		return;
	cp_text_para(r, W("Late actions (past their end date, not done):",
	    "延误的行动（已过结束日期但未完成）："), 0, &r->body);
	h[0] = W("Action", "行动");
	h[1] = W("Owner", "负责人");
	h[2] = W("End", "结束日期");
	h[3] = W("Status", "状态");
	h[4] = W("Progress", "进度");
	cp_tb_begin(r, &t, 5, h);
	t.min_frac = mf;
	for (i = 0; i < as->n; i++) {
		const struct pg_action *a = &as->v[i];
		if (pg_track_action(a, as_of) != PG_AT_LATE)
			continue;
		cp_tb_cell(r, &t, cp_sfmt(r, "%s %s", a->id ? a->id : "",
		    a->title.s ? a->title.s : ""), a->line, &r->tbold);
		cp_tb_cell(r, &t, a->owner, a->line, NULL);
		cp_tb_cell(r, &t, cp_fmt_sdate(r, a->end), a->line, NULL);
		cp_tb_cell(r, &t, a->status == PG_ACT_IN_PROGRESS ?
		    W("In progress", "进行中") : W("Planned", "未开始"), a->line,
		    NULL);
		cp_tb_cell(r, &t, a->progress.text ? cp_sfmt(r, "%s%%",
		    a->progress.text) : "—", a->line, &r->tright);
	}
	cp_tb_end(r, &t);
}

/* ---- budget ---------------------------------------------------------------- */

static void
budget(struct rs *r)
{
	const struct pg_budget *b = &r->p->budget;
	static const double mf[5] = { 0.3, 0.16, 0.16, 0.12, 0.16 };
	const char	**cat, *h[5];
	int64_t		 (*sum)[2], tot[2] = { 0, 0 };
	size_t		 nc = 0, i, k, nspent = 0;
	int		 over = 0;
	struct tb	 t;

	for (i = 0; i < b->nlines; i++)
		nspent += b->lines[i].spent.set;
	if (nspent == 0)
		return;
	cat = cp_palloc(r, (b->nlines + 1) * sizeof(*cat));
	sum = cp_palloc(r, (b->nlines + 1) * sizeof(*sum));
	if (cat == NULL || sum == NULL)
		return;
	for (i = 0; i < b->nlines; i++) {
		const struct pg_budget_line *l = &b->lines[i];
		const char *c = l->category ? l->category : "";
		for (k = 0; k < nc; k++)
			if (strcmp(cat[k], c) == 0)
				break;
		if (k == nc)
			cat[nc++] = c;
		if (pg_money_add(sum[k][0], l->amount.minor, &sum[k][0]) != 0 ||
		    pg_money_add(tot[0], l->amount.minor, &tot[0]) != 0 ||
		    pg_money_add(sum[k][1], l->spent.set ? l->spent.minor : 0,
		    &sum[k][1]) != 0 || pg_money_add(tot[1], l->spent.set ?
		    l->spent.minor : 0, &tot[1]) != 0)
			over = 1;
	}
	if (over)
		return;
	cp_heading2(r, "progress.budget");
	h[0] = W("Category", "类别");
	h[1] = cp_sfmt(r, W("Planned (%s)", "计划（%s）"), cp_money_unit(r));
	h[2] = cp_sfmt(r, W("Spent (%s)", "已支出（%s）"), cp_money_unit(r));
	h[3] = W("Spent share", "执行率");
	h[4] = cp_sfmt(r, W("Left (%s)", "剩余（%s）"), cp_money_unit(r));
	cp_tb_begin(r, &t, 5, h);
	t.min_frac = mf;
	for (k = 0; k <= nc; k++) {
		int64_t plan = k < nc ? sum[k][0] : tot[0];
		int64_t spent = k < nc ? sum[k][1] : tot[1];
		const struct pg_tstyle *st = k < nc ? &r->tright : &r->tbright;
		struct pg_cell *c;
		cp_tb_cell(r, &t, k < nc ? cat[k] : W("Total", "合计"), 0,
		    &r->tbold);
		cp_tb_cell(r, &t, cp_money(r, plan), 0, st);
		c = cp_tb_cell(r, &t, cp_money(r, spent), 0, st);
		if (c != NULL && spent > plan) {
			c->fill = fill_off;
			c->has_fill = 1;
		}
		/* share in whole percent, rounded down, exact */
		cp_tb_cell(r, &t, plan > 0 ? cp_sfmt(r, "%lld%%",
		    (long long)(spent / plan * 100 + spent % plan * 100 / plan)) :
		    "—", 0, st);
		cp_tb_cell(r, &t, cp_money(r, plan - spent), 0, st);
	}
	cp_tb_end(r, &t);
}

/* ---- the chapter ------------------------------------------------------------ */

void
cp_sec_progress(struct rs *r)
{
	const struct pg_plan *p = r->p;
	struct pg_date	 as_of = p->meta.as_of;

	cp_heading1(r, "progress.heading");
	if (as_of.y != 0)
		cp_text_para(r, cp_sfmt(r, W("Where the plan stands as of %s.",
		    "截至%s的计划执行情况。"), cp_fmt_date(r, as_of)), 0, &r->body);
	else
		cp_text_para(r, W("The plan gives no as-of date, so no status "
		    "is judged; the actuals are shown as recorded.",
		    "计划没有截至日期，因此不判断状态，只列出记录的实际值。"), 0,
		    &r->body);
	cp_text_para(r, cp_sfmt(r, W("How the status is judged: each "
	    "indicator's straight line runs from its baseline on %s (the start "
	    "of the plan period) to its target on its goal's due date. The "
	    "latest actual on or before the as-of date is compared with the "
	    "line on that actual's date: on track when it is on the line or "
	    "beyond it in the direction from baseline to target; at risk when "
	    "it is behind the line by at most 10%% of the distance from "
	    "baseline to target; off track when it is behind by more. A KPI is "
	    "judged on the metric of the goal it tracks.",
	    "状态判断规则：每个指标的直线从计划期开始日（%s）的基线连到其目标截止日的目标值。"
	    "取截至日期当天或之前的最新实际值，与直线在该实际值日期的取值比较：在直线上或"
	    "按基线到目标值的方向超过直线为“正常”；落后直线不超过基线到目标值距离的10%%为"
	    "“有风险”；落后更多为“偏离”。KPI按其跟踪的目标的指标判断。"),
	    cp_fmt_date(r, p->meta.period_start)), 0, &r->body);
	scorecard(r, as_of);
	actions(r, as_of);
	budget(r);
}
