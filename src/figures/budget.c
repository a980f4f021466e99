/*
 * budget.c — the budget by category chart (PG_FIG_BUDGET): budget lines
 * summed per category, sorted, capped at PG_FIG_BUDGET_MAX bars ("other"
 * takes the rest), the contingency bar, amounts with their shares, and the
 * total line; placed whole or not at all.  See figure.h.
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "figures/figure_int.h"

#define BUD_BAR_H	11.0
#define BUD_GAP		5.0

static const struct pg_color C_CONTINGENCY = { 0x9E, 0x9E, 0x9E };

struct bcat {
	const char	*name;
	int64_t		 minor;
	size_t		 first;		/* document order of first line */
	int		 kind;		/* 0 category, 1 other, 2 contingency */
};

static int
bcat_cmp(const void *a, const void *b)
{
	const struct bcat *x = a, *y = b;

	if (x->minor != y->minor)
		return x->minor > y->minor ? -1 : 1;
	return x->first < y->first ? -1 : x->first > y->first;
}

static int64_t
sat_add(int64_t a, int64_t b)
{
	int64_t r;

	if (pg_money_add(a, b, &r) != 0)
		return b > 0 ? INT64_MAX : INT64_MIN;
	return r;
}

/* A budget line's category and index, sorted by name then index. */
struct lref {
	const char	*cat;
	size_t		 i;
};

static int
lref_cmp(const void *a, const void *b)
{
	const struct lref *x = a, *y = b;
	int c = strcmp(x->cat, y->cat);

	return c != 0 ? c : x->i < y->i ? -1 : x->i > y->i;
}

/*
 * The bars: categories summed and sorted, capped, then contingency.
 * Returns a malloc'ed array (caller frees) and its length in *n; NULL
 * with *n 0 if there is nothing; NULL with *n 1 if memory ran out.
 */
static struct bcat *
budget_bars(const struct pg_plan *p, const struct pg_fig_labels *lb, size_t *n)
{
	const struct pg_budget *b = &p->budget;
	struct bcat *v;
	struct lref *ix;
	size_t i, nc = 0;

	*n = 0;
	if (b->nlines == 0 && b->contingency_line == 0)
		return NULL;
	v = calloc(b->nlines + 2, sizeof(*v));
	ix = calloc(b->nlines + 1, sizeof(*ix));
	if (v == NULL || ix == NULL) {
		free(v);
		free(ix);
		*n = 1;
		return NULL;
	}
	for (i = 0; i < b->nlines; i++) {
		ix[i].cat = b->lines[i].category ? b->lines[i].category : "";
		ix[i].i = i;
	}
	qsort(ix, b->nlines, sizeof(*ix), lref_cmp);
	for (i = 0; i < b->nlines; i++) {
		const struct pg_budget_line *l = &b->lines[ix[i].i];
		const char *c = ix[i].cat;
		if (nc == 0 || strcmp(v[nc - 1].name, c) != 0) {
			v[nc].name = c;
			v[nc].first = ix[i].i;
			nc++;
		}
		v[nc - 1].minor = sat_add(v[nc - 1].minor, l->amount.minor);
	}
	free(ix);
	qsort(v, nc, sizeof(*v), bcat_cmp);
	if (nc > PG_FIG_BUDGET_MAX) {
		int64_t rest = 0;
		for (i = PG_FIG_BUDGET_MAX - 1; i < nc; i++)
			rest = sat_add(rest, v[i].minor);
		nc = PG_FIG_BUDGET_MAX - 1;
		v[nc].name = lb->other;
		v[nc].minor = rest;
		v[nc].kind = 1;
		nc++;
	}
	if (b->contingency_line != 0) {
		v[nc].name = lb->contingency;
		v[nc].minor = b->contingency.minor;
		v[nc].kind = 2;
		nc++;
	}
	*n = nc;
	return v;
}

/* The total the shares are of: the positive bars. */
static int64_t
budget_total(const struct bcat *v, size_t n)
{
	int64_t t = 0;
	size_t i;

	for (i = 0; i < n; i++)
		if (v[i].minor > 0)
			t = sat_add(t, v[i].minor);
	return t;
}

static void
budget_value(const struct pg_plan *p, const struct bcat *c, int64_t total,
    char *buf, size_t n)
{
	char m[PG_MONEY_BUFSZ + 32];
	/* share in tenths of a percent, from integers */
	double share = total > 0 && c->minor > 0 ?
	    (double)c->minor / (double)total * 100 : 0;

	/* v2 budget/@display scales the printed amount */
	pg_fmt_money_disp(c->minor, p->currency, p->lang, p->version == 2 ?
	    (int)p->budget.display : 0, m, sizeof(m));
	snprintf(buf, n, "%s  %.1f%%", m, share);
}

/* The chart: bars, their name labels broken once, the columns. */
struct chart {
	struct bcat	 *v;
	size_t		  n;
	struct fig_label *names;	/* one per bar */
	double		  lw, vw;	/* label and value columns */
	int64_t		  total;
};

/* Width of the label column and of the value column. */
static void
budget_cols(struct fig *f, const struct pg_plan *p, struct chart *c)
{
	size_t i;
	char buf[PG_MONEY_BUFSZ + 32];

	c->lw = 0;
	c->vw = 0;
	for (i = 0; i < c->n; i++) {
		double tw = fig_text_w(f, c->v[i].name, FIG_BODY_PT, 0);
		if (tw > c->lw)
			c->lw = tw;
		budget_value(p, &c->v[i], c->total, buf, sizeof(buf));
		tw = fig_text_w(f, buf, FIG_SMALL_PT, 0);
		if (tw > c->vw)
			c->vw = tw;
	}
	if (c->lw > f->w * 0.3)
		c->lw = f->w * 0.3;
	if (c->vw > f->w * 0.35)
		c->vw = f->w * 0.35;
}

/* Height of bar i's row (its name in up to two lines, or the bar). */
static double
row_h(const struct fig *f, const struct chart *c, size_t i)
{
	double h = fig_tb_height(f, &c->names[i].t);

	return h > BUD_BAR_H ? h : BUD_BAR_H;
}

/* Bars, columns and name labels; returns the chart's height, 0 if there
 * is nothing to draw, -1 on failure. */
static double
measure(struct fig *f, const struct pg_plan *p, const struct pg_fig_labels *lb,
    struct chart *c)
{
	double h = 0;
	size_t i;

	c->v = budget_bars(p, lb, &c->n);
	if (c->v == NULL) {
		if (c->n)
			f->err = 1;
		c->n = 0;
		return f->err ? -1 : 0;
	}
	c->total = budget_total(c->v, c->n);
	budget_cols(f, p, c);
	if ((c->names = calloc(c->n, sizeof(*c->names))) == NULL) {
		f->err = 1;
		return -1;
	}
	for (i = 0; i < c->n; i++) {
		if (fig_label_make(f, &c->names[i], c->v[i].name, FIG_BODY_PT,
		    c->v[i].kind == 2 ? fig_em(f) : 0, c->lw, 2) != 0)
			return -1;
		h += row_h(f, c, i) + BUD_GAP;
	}
	/* total line */
	h += 4 + (f->asc + f->desc) * FIG_BODY_PT;
	return h;
}

/* The total line from y. */
static void
total_line(struct fig *f, const struct pg_plan *p,
    const struct pg_fig_labels *lb, const struct chart *c, double y)
{
	char m[PG_MONEY_BUFSZ + 32];
	struct pg_run runs[3];
	struct fig_tb t;
	int64_t all = 0;
	size_t i;

	for (i = 0; i < c->n; i++)
		all = sat_add(all, c->v[i].minor);
	pg_fmt_money_disp(all, p->currency, p->lang, p->version == 2 ?
	    (int)p->budget.display : 0, m, sizeof(m));
	runs[0].text = lb->total;
	runs[0].style = PG_STYLE_STRONG;
	runs[1].text = fig_sep_after(lb->total);
	runs[1].style = 0;
	runs[2].text = m;
	runs[2].style = PG_STYLE_STRONG;
	fig_line(f, 0, y, f->w, y, C_GRID, 0.5, 0);
	if (fig_tb_break(f, &t, runs, 3, FIG_BODY_PT, 0, f->w, 1) == 0)
		fig_tb_draw(f, &t, 0, y + 3, f->w, 1, C_TEXT);
	fig_tb_free(&t);
}

static void
draw(struct fig *f, const struct pg_plan *p, const struct pg_fig_labels *lb,
    const struct chart *c)
{
	double bx, bw, cy = 0, maxd = 0;
	char buf[PG_MONEY_BUFSZ + 96];
	size_t i;

	for (i = 0; i < c->n; i++)
		if (c->v[i].minor > 0 && (double)c->v[i].minor > maxd)
			maxd = (double)c->v[i].minor;
	bx = c->lw + 6;
	bw = f->w - c->lw - 6 - c->vw - 6;
	for (i = 0; i < c->n; i++) {
		const struct bcat *b = &c->v[i];
		const struct fig_tb *nt = &c->names[i].t;
		double rh = row_h(f, c, i), len;
		const struct pg_color *col = b->kind == 2 ? &C_CONTINGENCY :
		    b->kind == 1 ? &C_OTHER : &C_BAR;
		struct fig_label vl;

		fig_tb_draw(f, nt, 0, cy + (rh - fig_tb_height(f, nt)) / 2,
		    c->lw, 1, C_TEXT);
		len = maxd > 0 && b->minor > 0 ?
		    (double)b->minor / maxd * bw : 0;
		if (bw > 0)
			fig_rect(f, bx, cy + (rh - BUD_BAR_H) / 2, len,
			    BUD_BAR_H, col, NULL, 0, 0);
		budget_value(p, b, c->total, buf, sizeof(buf));
		if (fig_label_make(f, &vl, buf, FIG_SMALL_PT, 0, 1e6, 1) == 0)
			fig_tb_draw(f, &vl.t, bx + len + 4,
			    cy + (rh - fig_tb_height(f, &vl.t)) / 2,
			    c->vw, -1, C_TEXT);
		fig_tb_free(&vl.t);
		cy += rh + BUD_GAP;
	}
	fig_line(f, bx, 0, bx, cy - BUD_GAP, C_AXIS, 0.75, 0);
	total_line(f, p, lb, c, cy);
}

int
fig_budget_layout(struct fig *f, const struct pg_fig_in *in, double maxh,
    struct pg_fig_out *out)
{
	struct chart c;
	double h;
	size_t i;

	memset(&c, 0, sizeof(c));
	h = measure(f, in->p, in->lb, &c);
	if (h > 0) {
		out->want = h;
		if (h > maxh) {
			out->unfit = 1;
		} else {
			f->h = out->h = h;
			draw(f, in->p, in->lb, &c);
			out->placed = 1;
		}
	}
	for (i = 0; c.names != NULL && i < c.n; i++)
		fig_tb_free(&c.names[i].t);
	free(c.names);
	free(c.v);
	return h < 0 ? -1 : 0;
}
