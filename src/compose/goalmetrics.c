/*
 * goalmetrics.c — version 2: a goal with several metrics in the goals
 * table.  Its metrics are stacked in the Metric and Baseline -> target
 * cells; each metric's name and values start on the same line of both
 * cells (the shorter is padded with empty lines), and a gap of one line
 * with a thin rule across both columns separates one metric from the
 * next.  The line counts come from the table's own column widths and
 * line breaking (cp_tb_widths, pg_break), so they are the lines the
 * table draws.  See compose_int.h.
 */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "compose/compose_int.h"

/* An empty line (a no-break space alone on it: the line breaker gives
 * no line for "\n\n"), and the gap between two metrics. */
#define EMPTY	"\n\u00a0"
#define GAP	EMPTY "\n"

/* A goals-table row with stacked metrics. */
struct mrow {
	size_t		 row;		/* body row index */
	size_t		 cell;		/* index of its Metric cell in t->cells */
	size_t		 n;		/* metrics */
	const char	**names, **bts;
	size_t		*gap;		/* after alignment: the gap lines (n - 1) */
	size_t		 ngap;
	size_t		 done;		/* lines drawn in earlier parts of the row */
};

struct cp_mstack {
	struct mrow	*v;
	size_t		 n, cap;
	size_t		 col;		/* the Metric column */
	double		 pad, leading;
};

/* texts joined by "\n" (one per line group), in scratch memory */
static const char *
joined(struct rs *r, const char **v, size_t n)
{
	const char	*s = n > 0 ? v[0] : "";
	size_t		 j;

	for (j = 1; j < n; j++)
		s = cp_sfmt(r, "%s\n%s", s, v[j]);
	return s;
}

void
cp_mstack_cells(struct rs *r, struct tb *t, struct cp_mstack **ms,
    const struct pg_goal *g, const char **names, const char **bts)
{
	unsigned long	 mline = g->nmetrics ? g->metrics[0].line : 0;
	struct mrow	*m;
	size_t		 cell = t->n;

	if (g->nmetrics < 2) {
		cp_tb_cell(r, t, g->nmetrics ? names[0] : "", mline, NULL);
		cp_tb_cell(r, t, g->nmetrics ? bts[0] : "", mline, NULL);
		return;
	}
	cp_tb_cell(r, t, joined(r, names, g->nmetrics), mline, NULL);
	cp_tb_cell(r, t, joined(r, bts, g->nmetrics), mline, NULL);
	if (*ms == NULL && (*ms = cp_palloc(r, sizeof(**ms))) == NULL)
		return;
	if ((*ms)->n == (*ms)->cap) {
		size_t nc = (*ms)->cap ? (*ms)->cap * 2 : 8;
		struct mrow *nv = cp_palloc(r, nc * sizeof(*nv));
		if (nv == NULL)
			return;
		if ((*ms)->n)
			memcpy(nv, (*ms)->v, (*ms)->n * sizeof(*nv));
		(*ms)->v = nv;
		(*ms)->cap = nc;
	}
	m = &(*ms)->v[(*ms)->n++];
	memset(m, 0, sizeof(*m));
	m->row = cell / t->ncols;
	m->cell = cell;
	m->n = g->nmetrics;
	m->names = names;
	m->bts = bts;
}

/* The lines text s takes in a cell w pt wide (padding included); -1 when
 * memory ran out. */
static long
nlines(struct rs *r, const char *s, double w, double pad)
{
	struct pg_run	run = { s, 0 };
	struct pg_lines	ls;
	long		n;

	w -= 2 * pad;
	if (pg_break(r->fs, &run, 1, &r->tbody, w > 1 ? w : 1, r->lang,
	    &ls) != 0)
		return -1;
	n = (long)ls.n;
	pg_lines_free(&ls);
	return n;
}

/* Draws the rules in the gaps of a stacked row (table row callback). */
static void
rules(struct rs *r, void *ctx, size_t row, int page, double y, double h,
    const double *x, const double *w)
{
	struct cp_mstack	*ms = ctx;
	struct mrow		*m = NULL;
	size_t			 i, lo = 0, hi = ms->n, here;

	while (lo < hi) {	/* rows are in order */
		i = lo + (hi - lo) / 2;
		if (ms->v[i].row < row)
			lo = i + 1;
		else
			hi = i;
	}
	if (lo == ms->n || ms->v[lo].row != row)
		return;
	m = &ms->v[lo];
	here = (size_t)lround((h - 2 * ms->pad) / ms->leading);
	for (i = 0; i < m->ngap; i++)
		if (m->gap[i] >= m->done && m->gap[i] < m->done + here)
			cp_add_line(r, page, x[ms->col] + ms->pad, y + ms->pad +
			    ((double)(m->gap[i] - m->done) + 0.5) * ms->leading,
			    w[ms->col] + w[ms->col + 1] - 2 * ms->pad, 0,
			    r->t->c_rule, 0.5, 0);
	m->done += here;
}

void
cp_mstack_align(struct rs *r, struct tb *t, struct cp_mstack *ms, size_t col)
{
	double		 w[16];
	size_t		 i, j, k;

	if (ms == NULL || ms->n == 0 || t->ncols > 16 || col + 1 >= t->ncols ||
	    t->draw != NULL || cp_tb_widths(r, t, w, &ms->pad) != 0)
		return;
	ms->col = col;
	ms->leading = r->tbody.leading;
	for (i = 0; i < ms->n && !r->oom; i++) {
		struct mrow	*m = &ms->v[i];
		const char	*cn = "", *cb = "";
		size_t		 line = 0;

		if ((m->gap = cp_palloc(r, m->n * sizeof(*m->gap))) == NULL)
			break;
		for (j = 0; j < m->n; j++) {
			long a = nlines(r, m->names[j], w[col], ms->pad);
			long b = nlines(r, m->bts[j], w[col + 1], ms->pad);
			long L;

			if (a < 0 || b < 0) {
				r->oom = 1;
				break;
			}
			L = a > b ? a : b;
			if (L < 1)
				L = 1;
			/* metric j: its text, then empty lines to L lines
			 * (an empty text is one empty line) */
			cn = cp_sfmt(r, "%s%s%s", cn, j ? GAP : "",
			    m->names[j]);
			cb = cp_sfmt(r, "%s%s%s", cb, j ? GAP : "",
			    m->bts[j]);
			if (j + 1 < m->n) {
				for (k = (size_t)(a > 0 ? a : 1); k < (size_t)L;
				    k++)
					cn = cp_sfmt(r, "%s" EMPTY, cn);
				for (k = (size_t)(b > 0 ? b : 1); k < (size_t)L;
				    k++)
					cb = cp_sfmt(r, "%s" EMPTY, cb);
				line += (size_t)L;
				m->gap[m->ngap++] = line++;	/* the gap */
			}
		}
		if (r->oom)
			break;
		{
			struct pg_run *vn = cp_run1(r, cn, 0);
			struct pg_run *vb = cp_run1(r, cb, 0);
			if (vn == NULL || vb == NULL)
				break;
			t->cells[m->cell].runs = vn;
			t->cells[m->cell + 1].runs = vb;
		}
	}
	if (!r->oom) {
		t->draw = rules;
		t->draw_ctx = ms;
	}
}
