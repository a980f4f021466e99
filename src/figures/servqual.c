/*
 * servqual.c — the SERVQUAL gap chart (PG_FIG_SERVQUAL): for each
 * service-quality dimension with a score, a bar of the expected score and
 * a bar of the perceived score on one 1..7 scale, each with its value,
 * and the gap (perceived - expected) in a column of its own, negative
 * gaps in red; a scale over the bars and a legend under them.  Placed
 * whole or not at all.  See figure.h.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "figures/figure_int.h"

#define SQ_BAR_H	8.0
#define SQ_BAR_GAP	2.0
#define SQ_ROW_GAP	7.0

static const struct pg_color C_NEG = { 0xC6, 0x28, 0x28 };

/* The dimensions drawn: those with at least one score. */
static size_t
rows_of(const struct pg_strategy *s, size_t *idx)
{
	size_t i, n = 0;

	for (i = 0; i < s->ndimensions; i++)
		if (s->dimensions[i].expected.text != NULL ||
		    s->dimensions[i].perceived.text != NULL)
			idx[n++] = i;
	return n;
}

/* The gap as shown: with as many decimals as the scores (at most 2). */
static void
gap_text(const struct pg_dimension *d, char *buf, size_t n)
{
	const char	*dot;
	int		 de = 0, dq = 0, dec;
	double		 g;

	buf[0] = '\0';
	if (d->expected.text == NULL || d->perceived.text == NULL)
		return;
	if ((dot = strchr(d->expected.text, '.')) != NULL)
		de = (int)strlen(dot + 1);
	if ((dot = strchr(d->perceived.text, '.')) != NULL)
		dq = (int)strlen(dot + 1);
	dec = de > dq ? de : dq;
	if (dec > 2)
		dec = 2;
	g = d->perceived.v - d->expected.v;
	if (g > -0.005 && g < 0.005)
		g = 0;
	snprintf(buf, n, g > 0 ? "+%.*f" : "%.*f", dec, g);
}

/* x of score v (1..7) on the scale [bx, bx + bw]. */
static double
sx(double bx, double bw, double v)
{
	if (v < 1)
		v = 1;
	if (v > 7)
		v = 7;
	return bx + (v - 1) / 6 * bw;
}

int
fig_servqual_layout(struct fig *f, const struct pg_fig_in *in, double maxh,
    struct pg_fig_out *out)
{
	const struct pg_strategy *s = &in->p->strategy;
	const struct pg_fig_labels *lb = in->lb;
	struct fig_label	*names = NULL;
	size_t			*idx, n, i;
	double			 lw = 0, vw, gw, bx, bw, h, cy, line, rowh, tw;
	char			 buf[32];
	int			 k, rc = 0;

	if ((idx = calloc(s->ndimensions + 1, sizeof(*idx))) == NULL)
		return -1;
	if ((n = rows_of(s, idx)) == 0) {
		free(idx);
		return 0;
	}
	if ((names = calloc(n, sizeof(*names))) == NULL) {
		free(idx);
		return -1;
	}
	line = (f->asc + f->desc) * FIG_SMALL_PT;
	for (i = 0; i < n; i++) {
		tw = fig_text_w(f, lb->servqual[s->dimensions[idx[i]].name % 5],
		    FIG_BODY_PT, PG_STYLE_STRONG);
		if (tw > lw)
			lw = tw;
	}
	if (lw > f->w * 0.28)
		lw = f->w * 0.28;
	vw = fig_text_w(f, "7.00", FIG_SMALL_PT, 0) + 4;
	gw = fig_text_w(f, lb->gap, FIG_SMALL_PT, PG_STYLE_STRONG);
	tw = fig_text_w(f, "-6.00", FIG_SMALL_PT, PG_STYLE_STRONG);
	if (tw > gw)
		gw = tw;
	gw += 6;
	bx = lw + 8;
	bw = f->w - bx - vw - gw;
	rowh = 2 * SQ_BAR_H + SQ_BAR_GAP;
	for (i = 0; i < n && rc == 0; i++) {
		rc = fig_label_make(f, &names[i], lb->servqual[s->dimensions[idx[i]].name % 5],
		    FIG_BODY_PT, PG_STYLE_STRONG, lw, 2);
		if (rc == 0 && fig_tb_height(f, &names[i].t) > rowh)
			rowh = fig_tb_height(f, &names[i].t);
	}
	/* scale line, rows, legend */
	h = line + 4 + (double)n * (rowh + SQ_ROW_GAP) + 4 + line;
	if (rc != 0 || f->err)
		goto done;
	out->want = h;
	if (bw < 60 || h > maxh) {
		out->unfit = 1;
		goto done;
	}
	f->h = out->h = h;
	/* the scale: 1..7 over the bars, the gap column's head */
	for (k = 1; k <= 7; k++) {
		double x = sx(bx, bw, k);
		snprintf(buf, sizeof(buf), "%d", k);
		fig_label_try(f, buf, FIG_SMALL_PT, 0, x - 10, 0, 20, 0, C_MUTED);
		fig_line(f, x, line + 2, x, line + 4 + (double)n * (rowh + SQ_ROW_GAP),
		    C_GRID, 0.4, k != 1);
	}
	fig_label_try(f, lb->gap, FIG_SMALL_PT, PG_STYLE_STRONG, f->w - gw, 0, gw,
	    1, C_TEXT);
	cy = line + 4 + SQ_ROW_GAP / 2;
	for (i = 0; i < n; i++) {
		const struct pg_dimension *d = &s->dimensions[idx[i]];
		const struct pg_num *sc[2] = { &d->expected, &d->perceived };
		const struct pg_color *col[2] = { &C_EXPECTED, &C_PERCEIVED };
		double top = cy + (rowh - (2 * SQ_BAR_H + SQ_BAR_GAP)) / 2;

		fig_tb_draw(f, &names[i].t, 0, cy + (rowh -
		    fig_tb_height(f, &names[i].t)) / 2, lw, 1, C_TEXT);
		for (k = 0; k < 2; k++) {
			double y = top + k * (SQ_BAR_H + SQ_BAR_GAP), x1;
			if (sc[k]->text == NULL)
				continue;
			x1 = sx(bx, bw, sc[k]->v);
			fig_rect(f, bx, y, x1 - bx, SQ_BAR_H, col[k], NULL, 0, 0);
			fig_label_try(f, sc[k]->text, FIG_MIN_PT, 0, x1 + 2,
			    y + (SQ_BAR_H - (f->asc + f->desc) * FIG_MIN_PT) / 2,
			    vw + (bx + bw - x1), -1, C_TEXT);
		}
		gap_text(d, buf, sizeof(buf));
		if (buf[0] != '\0')
			fig_label_try(f, buf, FIG_SMALL_PT, PG_STYLE_STRONG,
			    f->w - gw, cy + (rowh - line) / 2, gw, 1,
			    buf[0] == '-' ? C_NEG : C_TEXT);
		cy += rowh + SQ_ROW_GAP;
	}
	fig_line(f, bx, line + 2, bx, cy - SQ_ROW_GAP / 2, C_AXIS, 0.75, 0);
	/* the legend */
	{
		const char *lt[2] = { lb->expected, lb->perceived };
		const struct pg_color *lc[2] = { &C_EXPECTED, &C_PERCEIVED };
		double x = bx, y = h - line;
		for (k = 0; k < 2; k++) {
			tw = fig_text_w(f, lt[k], FIG_SMALL_PT, 0);
			fig_rect(f, x, y + (line - 7) / 2, 10, 7, lc[k], NULL, 0, 0);
			fig_label_try(f, lt[k], FIG_SMALL_PT, 0, x + 13, y, tw + 1, -1,
			    C_TEXT);
			x += 13 + tw + 14;
		}
	}
	out->placed = 1;
done:
	for (i = 0; i < n; i++)
		fig_tb_free(&names[i].t);
	free(names);
	free(idx);
	return rc != 0 || f->err ? -1 : 0;
}
