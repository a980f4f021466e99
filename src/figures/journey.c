/*
 * journey.c — the customer journey map (PG_FIG_JOURNEY): the stages of
 * the plan's first journey across, as coloured headers; under them, in
 * rows named on the left, the touchpoints, the feeling curve (a line
 * through each stage's score, -2 at the bottom to +2 at the top, with the
 * stage's feeling text under it), the pains ("P1 text", in red) and
 * the opportunities (in green).  Rows that no stage fills are left out.  Every
 * text is wrapped in its column, never cut: when the map does not fit the
 * width (columns narrower than JR_MIN_COL) or maxh, nothing is placed and
 * the caller gives the journey as a table.  Placed whole or not at all.
 * See figure.h.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "figures/figure_int.h"

#define JR_MIN_COL	58.0	/* narrowest stage column, pt */
#define JR_PAD		4.0	/* inside a cell */
#define JR_GAP		3.0	/* between items of a cell */
#define JR_CURVE_H	60.0	/* the feeling curve's plot (room for a score over +2 and under -2) */
#define JR_HEAD_GAP	3.0	/* between stage headers */

enum { R_HEAD, R_TOUCH, R_FEEL, R_PAIN, R_OPP, R_N };

static const struct pg_color C_PAIN = { 0xC6, 0x28, 0x28 };
static const struct pg_color C_OPP = { 0x2E, 0x7D, 0x32 };

/* One text of the map, broken once in its column. */
struct blk {
	struct pg_run	 runs[3];
	size_t		 nruns;
	struct fig_tb	 t;
	int		 row;
	size_t		 stage;
};

struct map {
	const struct pg_journey	*j;
	struct blk		*b;
	size_t			 n;
	struct fig_label	 rname[R_N];
	double			 lw, cw;	/* row-name column, stage column */
	double			 rowh[R_N];	/* 0: row left out */
	int			 scores;	/* some stage has a score */
};

static int
add_blk(struct fig *f, struct map *m, int row, size_t stage, const char *id,
    const char *text, unsigned style, double size)
{
	struct blk *b = &m->b[m->n++];

	b->row = row;
	b->stage = stage;
	b->nruns = 0;
	if (id != NULL) {
		b->runs[b->nruns++] = (struct pg_run){ id, PG_STYLE_STRONG };
		b->runs[b->nruns++] = (struct pg_run){ " ", 0 };
	}
	b->runs[b->nruns++] = (struct pg_run){ text != NULL ? text : "", style };
	return fig_tb_break(f, &b->t, b->runs, b->nruns, size, style,
	    m->cw - 2 * JR_PAD, 0);
}

/* Height of the items of (row, stage): blocks stacked with gaps. */
static double
cell_h(const struct fig *f, const struct map *m, int row, size_t stage)
{
	double	h = 0;
	size_t	i;
	int	k = 0;

	for (i = 0; i < m->n; i++)
		if (m->b[i].row == row && m->b[i].stage == stage) {
			h += (k++ ? JR_GAP : 0) + fig_tb_height(f, &m->b[i].t);
		}
	return h;
}

static void
map_free(struct map *m)
{
	size_t i;
	int k;

	for (i = 0; m->b != NULL && i < m->n; i++)
		fig_tb_free(&m->b[i].t);
	free(m->b);
	for (k = 0; k < R_N; k++)
		fig_tb_free(&m->rname[k].t);
}

/* Break every text; decide the rows' heights.  Returns the map's height,
 * 0 if it has nothing to draw or its columns are too narrow, -1 on failure. */
static double
measure(struct fig *f, const struct pg_fig_in *in, struct map *m)
{
	const struct pg_journey	*j = m->j;
	const struct pg_fig_labels *lb = in->lb;
	size_t			 nb = 0, s, k;
	double			 h = 0, tw;
	int			 row;

	for (s = 0; s < j->nstages; s++)
		nb += 2 + j->stages[s].ntouchpoints + j->stages[s].npains +
		    j->stages[s].nopportunities;
	for (row = R_TOUCH; row < R_N; row++) {
		tw = fig_text_w(f, lb->journey[row - R_TOUCH], FIG_SMALL_PT,
		    PG_STYLE_STRONG);
		if (tw > m->lw)
			m->lw = tw;
	}
	if (m->lw > f->w * 0.16)
		m->lw = f->w * 0.16;
	m->lw += JR_PAD;
	m->cw = (f->w - m->lw) / (double)j->nstages;
	if (m->cw < JR_MIN_COL)
		return 0;
	if ((m->b = calloc(nb + 1, sizeof(*m->b))) == NULL) {
		f->err = 1;
		return -1;
	}
	for (row = R_TOUCH; row < R_N; row++)
		if (fig_label_make(f, &m->rname[row], lb->journey[row - R_TOUCH],
		    FIG_SMALL_PT, PG_STYLE_STRONG, m->lw - JR_PAD, 3) != 0)
			return -1;
	for (s = 0; s < j->nstages && !f->err; s++) {
		const struct pg_stage *g = &j->stages[s];
		if (add_blk(f, m, R_HEAD, s, NULL, g->name, PG_STYLE_STRONG,
		    FIG_BODY_PT) != 0)
			return -1;
		for (k = 0; k < g->ntouchpoints; k++)
			if (g->touchpoints[k].s != NULL && add_blk(f, m, R_TOUCH, s,
			    NULL, g->touchpoints[k].s, 0, FIG_SMALL_PT) != 0)
				return -1;
		if (g->has_score)
			m->scores = 1;
		if (g->feeling.s != NULL && *g->feeling.s != '\0' &&
		    add_blk(f, m, R_FEEL, s, NULL, g->feeling.s, fig_em(f),
		    FIG_SMALL_PT) != 0)
			return -1;
		for (k = 0; k < g->npains; k++)
			if (g->pains[k].text != NULL && add_blk(f, m, R_PAIN, s,
			    g->pains[k].id, g->pains[k].text, 0, FIG_SMALL_PT) != 0)
				return -1;
		for (k = 0; k < g->nopportunities; k++)
			if (g->opportunities[k].s != NULL && add_blk(f, m, R_OPP, s,
			    NULL, g->opportunities[k].s, 0, FIG_SMALL_PT) != 0)
				return -1;
	}
	for (row = 0; row < R_N; row++) {
		double rh = 0, c;
		for (s = 0; s < j->nstages; s++)
			if ((c = cell_h(f, m, row, s)) > rh)
				rh = c;
		if (row == R_FEEL && m->scores)
			rh += JR_CURVE_H + (rh > 0 ? JR_GAP : 0);
		if (rh > 0 && row != R_HEAD && fig_tb_height(f,
		    &m->rname[row].t) > rh)
			rh = fig_tb_height(f, &m->rname[row].t);
		m->rowh[row] = rh > 0 ? rh + 2 * JR_PAD : 0;
		h += m->rowh[row];
	}
	return h;
}

/* The feeling curve in the plot [top, top + JR_CURVE_H]. */
static void
curve(struct fig *f, const struct map *m, double top)
{
	const struct pg_journey	*j = m->j;
	double			 step = (JR_CURVE_H - 26) / 4, mid = top + JR_CURVE_H / 2;
	double			 px = 0, py = 0, ink;
	int			 have = 0;
	size_t			 s;
	char			 buf[8];

	fig_line(f, m->lw, mid, f->w, mid, C_GRID, 0.5, 1);
	for (s = 0; s < j->nstages; s++) {
		const struct pg_stage *g = &j->stages[s];
		double x = m->lw + ((double)s + 0.5) * m->cw, y;
		if (!g->has_score) {
			have = 0;
			continue;
		}
		y = mid - g->score * step;
		if (have)
			fig_line(f, px, py, x, y, C_CURVE, 1.5, 0);
		px = x;
		py = y;
		have = 1;
	}
	for (s = 0; s < j->nstages; s++) {
		const struct pg_stage *g = &j->stages[s];
		double x = m->lw + ((double)s + 0.5) * m->cw, y;
		if (!g->has_score)
			continue;
		y = mid - g->score * step;
		fig_rect(f, x - 3, y - 3, 6, 6, &C_CURVE, &C_WHITE, 0.75, 0);
		fig_occ_add(f, (struct frect){ x - 3, y - 3, x + 3, y + 3 });
		snprintf(buf, sizeof(buf), g->score > 0 ? "+%d" : "%d", g->score);
		/* the score over its point (the line runs sideways), else
		 * under it, else beside it: where there is room */
		ink = (f->asc + f->desc) * FIG_MIN_PT;
		if (!fig_label_try(f, buf, FIG_MIN_PT, 0, x - 10, y - 4 - ink, 20, 0,
		    C_MUTED) &&
		    !fig_label_try(f, buf, FIG_MIN_PT, 0, x - 10, y + 4, 20, 0,
		    C_MUTED) &&
		    !fig_label_try(f, buf, FIG_MIN_PT, 0, x + 5, y - ink / 2, 16, -1,
		    C_MUTED))
			fig_label_try(f, buf, FIG_MIN_PT, 0, x - 21, y - ink / 2, 16, 1,
			    C_MUTED);
	}
}

static void
draw(struct fig *f, struct map *m)
{
	const struct pg_journey	*j = m->j;
	double			 y = 0, cy;
	size_t			 s, i;
	int			 row;

	for (row = 0; row < R_N; row++) {
		double rh = m->rowh[row];
		if (rh == 0)
			continue;
		if (row == R_HEAD) {
			for (s = 0; s < j->nstages; s++)
				fig_rect(f, m->lw + (double)s * m->cw, y,
				    m->cw - JR_HEAD_GAP, rh, &C_JHEAD, NULL, 0, 0);
		} else {
			if (row % 2 == 0)
				fig_rect(f, 0, y, f->w, rh, &C_JBAND, NULL, 0, 0);
			fig_tb_draw(f, &m->rname[row].t, 0, y + JR_PAD, m->lw -
			    JR_PAD, -1, C_MUTED);
			fig_line(f, 0, y, f->w, y, C_GRID, 0.5, 0);
		}
		for (s = 0; s < j->nstages; s++) {
			double x = m->lw + (double)s * m->cw;
			cy = y + JR_PAD;
			if (row == R_FEEL && m->scores)
				cy += JR_CURVE_H + JR_GAP;
			for (i = 0; i < m->n; i++) {
				const struct blk *b = &m->b[i];
				struct pg_color c = row == R_HEAD ? fig_text_on(C_JHEAD) :
				    row == R_PAIN ? C_PAIN : row == R_OPP ? C_OPP :
				    C_TEXT;
				if (b->row != row || b->stage != s)
					continue;
				fig_tb_draw(f, &b->t, x + JR_PAD, cy,
				    m->cw - 2 * JR_PAD, row == R_HEAD ? 0 : -1, c);
				cy += fig_tb_height(f, &b->t) + JR_GAP;
			}
		}
		if (row == R_FEEL && m->scores)
			curve(f, m, y + JR_PAD);
		y += rh;
	}
	/* column rules under the headers */
	for (s = 1; s < j->nstages; s++)
		fig_line(f, m->lw + (double)s * m->cw - JR_HEAD_GAP / 2,
		    m->rowh[R_HEAD], m->lw + (double)s * m->cw - JR_HEAD_GAP / 2,
		    y, C_GRID, 0.5, 0);
}

int
fig_journey_layout(struct fig *f, const struct pg_fig_in *in, double maxh,
    struct pg_fig_out *out)
{
	struct map	m;
	double		h;

	memset(&m, 0, sizeof(m));
	if (in->p->situation.njourneys == 0 ||
	    in->p->situation.journeys[0].nstages == 0)
		return 0;
	m.j = &in->p->situation.journeys[0];
	h = measure(f, in, &m);
	if (h == 0) {
		/* too many stages for the width: the caller gives a table */
		out->unfit = 1;
	} else if (h > 0) {
		out->want = h;
		if (h > maxh)
			out->unfit = 1;
		else {
			f->h = out->h = h;
			draw(f, &m);
			out->placed = 1;
		}
	}
	map_free(&m);
	return h < 0 || f->err ? -1 : 0;
}
