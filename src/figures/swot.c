/*
 * swot.c — the SWOT grid (PG_FIG_SWOT): four coloured quadrants of
 * bulleted "id text" items, each row of the grid as high as its taller
 * cell, placed whole or not at all.  See figure.h.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "figures/figure_int.h"

#define SWOT_PAD	6.0
#define SWOT_BULLET	9.0	/* hanging indent of items */
#define SWOT_GAP	3.0	/* between items */
#define SWOT_HEAD_PT	9.5

/* Header fills: strengths, weaknesses, opportunities, threats. */

/* An item broken into lines: its runs ("id", " ", "text") and lines. */
struct item {
	struct pg_run	 runs[3];
	struct fig_tb	 t;
};

/* The grid broken into lines once, measured, then drawn. */
struct grid {
	struct item	*it;		/* one per SWOT item, in plan order */
	size_t		 n;
	struct fig_label none[4];	/* "(none)" for an empty quadrant */
	int		 any[4];	/* the quadrant has items */
	struct fig_label bullet;
	double		 cw;		/* quadrant width */
	double		 rowh[2];
};

/* Height of one quadrant's header band. */
static double
head_h(const struct fig *f)
{
	return (f->asc + f->desc) * SWOT_HEAD_PT + 2 * 4.0;
}

static void
grid_free(struct grid *g)
{
	size_t i;
	int k;

	for (i = 0; g->it != NULL && i < g->n; i++)
		fig_tb_free(&g->it[i].t);
	free(g->it);
	for (k = 0; k < 4; k++)
		fig_tb_free(&g->none[k].t);
	fig_tb_free(&g->bullet.t);
}

/*
 * Break the items of quadrant k in a content column w wide; returns the
 * height of the items, -1 on failure.
 */
static double
quadrant(struct fig *f, const struct pg_plan *p, const struct pg_fig_labels *lb,
    struct grid *g, int k, double w)
{
	size_t i;
	double y = 0;

	for (i = 0; i < p->swot.nitems; i++) {
		const struct pg_swot_item *si = &p->swot.items[i];
		struct item *it = &g->it[i];

		if ((int)si->kind != k)
			continue;
		it->runs[0].text = si->id != NULL ? si->id : "";
		it->runs[0].style = PG_STYLE_STRONG;
		it->runs[1].text = " ";
		it->runs[1].style = 0;
		it->runs[2].text = si->text != NULL ? si->text : "";
		it->runs[2].style = 0;
		if (fig_tb_break(f, &it->t, it->runs, 3, FIG_BODY_PT, 0,
		    w - SWOT_BULLET, 0) != 0)
			return -1;
		if (g->any[k])
			y += SWOT_GAP;
		y += fig_tb_height(f, &it->t);
		g->any[k] = 1;
	}
	if (!g->any[k]) {
		if (fig_label_make(f, &g->none[k], lb->none, FIG_BODY_PT,
		    fig_em(f), w, 0) != 0)
			return -1;
		y += fig_tb_height(f, &g->none[k].t);
	}
	return f->err ? -1 : y;
}

/* Break every quadrant and set the row heights; 0 or -1. */
static int
measure(struct fig *f, const struct pg_plan *p, const struct pg_fig_labels *lb,
    struct grid *g)
{
	int k;
	double cw = f->w / 2 - 2 * SWOT_PAD;

	g->n = p->swot.nitems;
	if ((g->it = calloc(g->n, sizeof(*g->it))) == NULL) {
		f->err = 1;
		return -1;
	}
	g->rowh[0] = g->rowh[1] = 0;
	for (k = 0; k < 4; k++) {
		double ih = quadrant(f, p, lb, g, k, cw);
		double ch;
		if (ih < 0)
			return -1;
		ch = head_h(f) + SWOT_PAD + ih + SWOT_PAD;
		if (ch > g->rowh[k / 2])
			g->rowh[k / 2] = ch;
	}
	return 0;
}

/* Draw the items of quadrant k from (x, top) in a column w wide. */
static void
draw_items(struct fig *f, const struct pg_plan *p, const struct grid *g,
    int k, double x, double top, double w)
{
	size_t i;
	double y = top;
	int any = 0;

	for (i = 0; i < p->swot.nitems; i++) {
		const struct item *it = &g->it[i];

		if ((int)p->swot.items[i].kind != k)
			continue;
		if (any)
			y += SWOT_GAP;
		fig_tb_draw(f, &g->bullet.t, x, y, SWOT_BULLET, -1, C_SWOT[k]);
		fig_tb_draw(f, &it->t, x + SWOT_BULLET, y, w - SWOT_BULLET, -1,
		    C_TEXT);
		y += fig_tb_height(f, &it->t);
		any = 1;
	}
	if (!any)
		fig_tb_draw(f, &g->none[k].t, x, y, w, -1, C_MUTED);
}

static void
draw(struct fig *f, const struct pg_plan *p, const struct pg_fig_labels *lb,
    const struct grid *g)
{
	double cw = f->w / 2, w = f->w, hh = head_h(f);
	int k;

	for (k = 0; k < 4; k++) {
		double cx = (k % 2) * cw;
		double cy = k / 2 ? g->rowh[0] : 0;
		struct fig_label hl;

		fig_rect(f, cx, cy, cw, g->rowh[k / 2], &C_SWOT_BG[k], NULL, 0, 0);
		fig_rect(f, cx, cy, cw, hh, &C_SWOT[k], NULL, 0, 0);
		if (fig_label_make(f, &hl, lb->swot[k], SWOT_HEAD_PT,
		    PG_STYLE_STRONG, cw - 2 * SWOT_PAD, 1) == 0)
			fig_tb_draw(f, &hl.t, cx + SWOT_PAD, cy + 4.0,
			    cw - 2 * SWOT_PAD, -1, fig_text_on(C_SWOT[k]));
		fig_tb_free(&hl.t);
		draw_items(f, p, g, k, cx + SWOT_PAD, cy + hh + SWOT_PAD,
		    cw - 2 * SWOT_PAD);
	}
	/* the grid lines */
	fig_line(f, cw, 0, cw, g->rowh[0] + g->rowh[1], C_WHITE, 2, 0);
	fig_line(f, 0, g->rowh[0], w, g->rowh[0], C_WHITE, 2, 0);
}

int
fig_swot_layout(struct fig *f, const struct pg_fig_in *in, double maxh,
    struct pg_fig_out *out)
{
	const struct pg_plan *p = in->p;
	struct grid g;
	double h;
	int rc = -1;

	memset(&g, 0, sizeof(g));
	if (p->swot.nitems == 0)
		return 0;
	if (measure(f, p, in->lb, &g) != 0 ||
	    fig_label_make(f, &g.bullet, "\xE2\x80\xA2", FIG_BODY_PT, 0, 1e6,
	    1) != 0)
		goto done;
	h = g.rowh[0] + g.rowh[1];
	out->want = h;
	if (h > maxh) {
		out->unfit = 1;
	} else {
		f->h = out->h = h;
		draw(f, p, in->lb, &g);
		out->placed = 1;
	}
	rc = 0;
done:
	grid_free(&g);
	return rc;
}
