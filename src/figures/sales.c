/*
 * sales.c — the sales trajectory chart (PG_FIG_SALES): one bar per year,
 * planned years hatched, value labels, growth rates, nice ticks, a legend
 * and the unit.  It stretches to the height it is given, up to its
 * natural height.  See figure.h.
 */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "figures/figure_int.h"

static const struct pg_color C_DOWN = { 0xC6, 0x28, 0x28 };

/* A value label: the source text grouped, or the number if it is odd. */
static void
fig_fmt_value(const struct pg_num *num, char *buf, size_t n)
{
	if (num->text != NULL && strlen(num->text) <= 24)
		pg_fmt_grouped(num->text, buf, n);
	else
		pg_fmt_double(num->v, 0, buf, n);
}

/* The chart's scale and plot area. */
struct chart {
	const struct pg_summary *s;
	double	lo, hi, step;	/* value range and tick step */
	int	nticks, decimals;
	int	anyplan, anyactual;
	double	lh_s;		/* ink height of a label */
	double	axw;		/* tick label column */
	double	px, pw, ptop, pbot;	/* the plot */
	double	vh, negband;	/* value label rows */
	double	slot, bw;	/* per year, bar width */
};

/* A sales value fit for geometry: finite, within ±1e300 (no overflow in
 * ranges and ticks). */
static double
sval(double v)
{
	if (!isfinite(v))
		return v > 0 ? 1e300 : v < 0 ? -1e300 : 0;
	return v > 1e300 ? 1e300 : v < -1e300 ? -1e300 : v;
}

/* A "nice" tick step (1, 2, 5 × 10^k) splitting range into <= maxticks. */
static double
nice_step(double range, int maxticks)
{
	double raw, mag, fr;

	if (!(range > 0) || !isfinite(range))
		return 1;
	raw = range / maxticks;
	mag = pow(10, floor(log10(raw)));
	fr = raw / mag;
	return (fr <= 1 ? 1 : fr <= 2 ? 2 : fr <= 5 ? 5 : 10) * mag;
}

/* y of value v in the plot. */
static double
sy(const struct chart *c, double v)
{
	return c->pbot - (v - c->lo) / (c->hi - c->lo) * (c->pbot - c->ptop);
}

/* Diagonal hatching clipped to a rectangle. */
static void
hatch(struct fig *f, double x, double y, double w, double h, struct pg_color c)
{
	double step = 4, t;

	/* lines x' - x + (y' - y) = t: from the left/top edge to right/bottom */
	for (t = step; t < w + h; t += step) {
		double ax = x + (t < h ? 0 : t - h), ay = y + (t < h ? t : h);
		double bx = x + (t < w ? t : w), by = y + (t < w ? 0 : t - w);
		fig_line(f, ax, ay, bx, by, c, 0.5, 0);
	}
}

/* The value range, the ticks and which kinds of years there are. */
static void
scale(struct fig *f, struct chart *c)
{
	const struct pg_summary *s = c->s;
	size_t i;

	c->lo = c->hi = 0;
	for (i = 0; i < s->nyears; i++) {
		double v = sval(s->years[i].value.v);
		if (v < c->lo)
			c->lo = v;
		if (v > c->hi)
			c->hi = v;
		if (s->years[i].plan)
			c->anyplan = 1;
		else
			c->anyactual = 1;
	}
	if (c->hi - c->lo <= 0)
		c->hi = c->lo + 1;
	c->step = nice_step(c->hi - c->lo, 5);
	c->lo = floor(c->lo / c->step) * c->step;
	c->hi = ceil(c->hi / c->step) * c->step;
	c->nticks = (int)fmin(20, floor((c->hi - c->lo) / c->step + 0.5));
	c->decimals = c->step >= 1 ? 0 : (int)ceil(-log10(c->step) - 1e-9);
	if (c->decimals > 6)
		c->decimals = 6;
	c->lh_s = (f->asc + f->desc) * FIG_SMALL_PT;
}

/* The top band: the unit on the left, the legend on the right. */
static void
top_band(struct fig *f, const struct pg_fig_labels *lb, const struct chart *c)
{
	const char *names[2] = { lb->plan, lb->actual };
	int kinds[2] = { 1, 0 }, j;
	double lx = f->w, boxw = 10, legy = 0;

	if (c->s->sales_unit != NULL)
		fig_label_fit(f, c->s->sales_unit, FIG_SMALL_PT, 0, 0, legy,
		    f->w * 0.5, -1, C_MUTED, 1, 0);
	for (j = 0; j < 2; j++) {
		double tw = fig_text_w(f, names[j], FIG_SMALL_PT, 0);
		if ((kinds[j] && !c->anyplan) || (!kinds[j] && !c->anyactual))
			continue;
		lx -= tw;
		if (!fig_label_try(f, names[j], FIG_SMALL_PT, 0, lx, legy, tw,
		    -1, C_TEXT))
			continue;
		lx -= boxw + 3;
		fig_rect(f, lx, legy + 0.5, boxw, c->lh_s - 1,
		    kinds[j] ? &C_BAR_PLAN : &C_BAR, NULL, 0, 0);
		if (kinds[j])
			hatch(f, lx, legy + 0.5, boxw, c->lh_s - 1, C_BAR);
		lx -= 10;
	}
}

/* The plot area under the top band for a chart h high; 0, or -1 if it is
 * too small to draw in. */
static int
plot_area(struct fig *f, struct chart *c, double h)
{
	char buf[128];
	int t;

	c->axw = 0;
	for (t = 0; t <= c->nticks; t++) {
		double tw;
		pg_fmt_double(c->lo + t * c->step, c->decimals, buf, sizeof(buf));
		tw = fig_text_w(f, buf, FIG_SMALL_PT, 0);
		if (tw > c->axw)
			c->axw = tw;
	}
	if (c->axw > f->w * 0.25)
		c->axw = f->w * 0.25;
	c->px = c->axw + 4;
	c->pw = f->w - c->px;
	c->vh = c->lh_s + 2;
	c->ptop = c->lh_s + 6 + c->vh;	/* room for the highest value label */
	c->negband = c->lo < 0 ? c->vh : 0;	/* labels under negative bars */
	c->pbot = h - 2 * (c->lh_s + 3) - 2 - c->negband;	/* year, growth */
	if (c->pbot - c->ptop < 20 || c->pw < 20)
		return -1;
	c->slot = c->pw / (double)c->s->nyears;
	c->bw = c->slot * 0.6 > 48 ? 48 : c->slot * 0.6;
	return 0;
}

/* Grid lines and tick labels, the y axis. */
static void
grid(struct fig *f, const struct chart *c)
{
	char buf[128];
	int t;

	for (t = 0; t <= c->nticks; t++) {
		double tick = c->lo + t * c->step, ty = sy(c, tick);
		pg_fmt_double(tick, c->decimals, buf, sizeof(buf));
		fig_line(f, c->px, ty, c->px + c->pw, ty, C_GRID, 0.5, 0);
		fig_label_try(f, buf, FIG_SMALL_PT, 0, 0, ty - c->lh_s / 2,
		    c->axw, 1, C_MUTED);
	}
	fig_line(f, c->px, c->ptop - c->vh, c->px, c->pbot, C_AXIS, 0.75, 0);
}

/* The bars, the zero line, then the value labels over free space. */
static void
bars(struct fig *f, const struct chart *c)
{
	const struct pg_summary *s = c->s;
	double base = sy(c, 0 < c->lo ? c->lo : 0);
	char buf[128];
	size_t i;

	for (i = 0; i < s->nyears; i++) {
		const struct pg_sales_year *yr = &s->years[i];
		double v = sval(yr->value.v);
		double cx = c->px + c->slot * ((double)i + 0.5);
		double y1 = sy(c, v);
		double top = y1 < base ? y1 : base, bh = fabs(y1 - base);

		fig_rect(f, cx - c->bw / 2, top, c->bw, bh,
		    yr->plan ? &C_BAR_PLAN : &C_BAR, yr->plan ? &C_BAR : NULL,
		    0.75, yr->plan ? PG_BOXF_DASH : 0);
		if (yr->plan)
			hatch(f, cx - c->bw / 2, top, c->bw, bh, C_BAR);
	}
	fig_line(f, c->px, base, c->px + c->pw, base, C_AXIS, 0.75, 0);
	for (i = 0; i < s->nyears; i++) {
		const struct pg_sales_year *yr = &s->years[i];
		double v = sval(yr->value.v);
		double cx = c->px + c->slot * ((double)i + 0.5);
		double ty = v >= 0 ? sy(c, v) - 2 - c->lh_s : sy(c, v) + 2;
		fig_fmt_value(&yr->value, buf, sizeof(buf));
		if (!fig_label_try(f, buf, FIG_SMALL_PT, 0, cx - c->slot / 2, ty,
		    c->slot, 0, C_TEXT))
			fig_label_try(f, buf, FIG_MIN_PT, 0, cx - c->slot / 2, ty,
			    c->slot, 0, C_TEXT);
	}
}

/* The growth rate from year i - 1 to year i under the year labels at sw. */
static void
growth(struct fig *f, const struct chart *c, size_t i, double cx, double sw)
{
	double a = sval(c->s->years[i - 1].value.v);
	double b = sval(c->s->years[i].value.v), g;
	char buf[64];

	if (a == 0 || !isfinite(a) || !isfinite(b))
		return;
	g = (b - a) / fabs(a) * 100;
	if (!(fabs(g) < 1e6))
		return;
	snprintf(buf, sizeof(buf), "%+.1f%%", g);
	fig_label_try(f, buf, FIG_MIN_PT, 0, cx - c->slot, sw + c->lh_s + 3,
	    c->slot, 0, g >= 0 ? C_UP : C_DOWN);
}

/* Year labels (every kth year when they are wider than a slot) and the
 * growth rates under the plot. */
static void
years(struct fig *f, const struct chart *c)
{
	const struct pg_summary *s = c->s;
	double sw = c->pbot + 3 + c->negband, yw = 0;
	size_t i, ystep;

	for (i = 0; i < s->nyears; i++) {
		double tw = fig_text_w(f, s->years[i].label != NULL ?
		    s->years[i].label : "", FIG_SMALL_PT, 0);
		if (tw > yw)
			yw = tw;
	}
	ystep = yw + 2 <= c->slot ? 1 : (size_t)ceil((yw + 2) / c->slot);
	for (i = 0; i < s->nyears; i++) {
		const struct pg_sales_year *yr = &s->years[i];
		double cx = c->px + c->slot * ((double)i + 0.5);
		double cw = c->slot * (double)ystep, c0 = cx - cw / 2;
		int al = 0;
		/* the first label may not reach left into the tick labels */
		if (c0 < c->px - FIG_EPS) {
			c0 = c->px;
			al = -1;
		}
		if (i % ystep == 0)
			fig_label_try(f, yr->label != NULL ? yr->label : "",
			    FIG_SMALL_PT, yr->plan ? fig_em(f) : 0, c0, sw,
			    cw, al, yr->plan ? C_BAR : C_TEXT);
		if (i > 0)
			growth(f, c, i, cx, sw);
	}
}

int
fig_sales_layout(struct fig *f, const struct pg_fig_in *in, double maxh,
    struct pg_fig_out *out)
{
	const struct pg_summary *s = &in->p->summary;
	struct chart c = { 0 };
	double h;

	if (s->sales_line == 0 || s->nyears == 0)
		return 0;
	h = f->w * 0.5;
	out->want = h < 170 ? 170 : h > 260 ? 260 : h;
	h = out->want < maxh ? out->want : maxh;
	c.s = s;
	scale(f, &c);
	f->h = h;
	if (plot_area(f, &c, h) != 0) {
		out->unfit = 1;
		return 0;
	}
	top_band(f, in->lb, &c);
	grid(f, &c);
	bars(f, &c);
	years(f, &c);
	out->h = h;
	out->placed = 1;
	return 0;
}
