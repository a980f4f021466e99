/*
 * timeline.c — the action timeline (PG_FIG_TIMELINE), a Gantt chart split
 * over pages: a header of year and month ticks over the plan period, one
 * row per action (label, a bar coloured by category, chevrons where the
 * period cuts a bar), a legend of the part's categories.  A layout places
 * as many rows from in->first as fit.  See figure.h.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "figures/figure_int.h"

#define TL_PT		FIG_SMALL_PT
#define TL_ROW_PAD	4.0
#define TL_LEGEND_LINES	2

/* Days since 1970-01-01 of a civil date (proleptic Gregorian). */
static long
days_of(struct pg_date d)
{
	long y = d.y - (d.m <= 2);
	long era = (y >= 0 ? y : y - 399) / 400;
	long yoe = y - era * 400;
	long doy = (153 * (d.m + (d.m > 2 ? -3 : 9)) + 2) / 5 + d.d - 1;
	long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;

	return era * 146097 + doe - 719468;
}

/* The year and month of a day number (inverse of days_of). */
static void
civil(long z, int *y, int *m)
{
	long era, doe, yoe, doy, mp;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = (int)(yoe + era * 400 + (*m <= 2));
}

static double
row_h(const struct fig *f)
{
	return (f->asc + f->desc) * TL_PT + TL_ROW_PAD;
}

static double
head_h(const struct fig *f)
{
	return 2 * ((f->asc + f->desc) * FIG_MIN_PT + 3) + 2;
}

static double
legend_line_h(const struct fig *f)
{
	return (f->asc + f->desc) * FIG_MIN_PT + 4;
}

/*
 * The legend of the categories used by actions first..first+count-1, in
 * at most TL_LEGEND_LINES lines of width w from (x, top); draw != 0 also
 * draws it.  Returns its height (0: no legend).
 */
static double
legend(struct fig *f, const struct pg_plan *p, const struct pg_fig_labels *lb,
    size_t first, size_t count, double x, double top, double w, int draw)
{
	int used[PG_CAT_N] = { 0 }, c, ln = 0, any = 0;
	size_t i;
	double cx = x, lh = legend_line_h(f), ink = (f->asc + f->desc) * FIG_MIN_PT;

	for (i = first; i < first + count; i++) {
		unsigned k = p->actions.v[i].category;
		used[k < PG_CAT_N ? k : 0] = 1;
	}
	for (c = 0; c < PG_CAT_N; c++) {
		double tw, iw;
		if (!used[c])
			continue;
		tw = fig_text_w(f, lb->categories[c], FIG_MIN_PT, 0);
		iw = 8 + 3 + tw;
		if (cx > x && cx + iw > x + w) {
			if (ln + 1 >= TL_LEGEND_LINES)
				break;
			ln++;
			cx = x;
		}
		if (iw > w)
			continue;
		if (draw) {
			double ly = top + 2 + (double)ln * lh;
			fig_rect(f, cx, ly + (ink - 7) / 2, 8, 7, &C_CAT[c], NULL,
			    0, 0);
			fig_label_try(f, lb->categories[c], FIG_MIN_PT, 0, cx + 11,
			    ly, tw, -1, C_TEXT);
		}
		any = 1;
		cx += iw + 10;
	}
	return any ? 2 + (double)(ln + 1) * lh : 0;
}

/* How many rows fit in height h with the header and the largest legend:
 * between 0 and left. */
static size_t
fit(const struct fig *f, double h, size_t left)
{
	double r = (h - head_h(f) - 2 - TL_LEGEND_LINES * legend_line_h(f)) /
	    row_h(f);

	if (!(r >= 1))
		return 0;
	return r >= (double)left ? left : (size_t)r;
}

/* The time axis: [d0, d1) in days. */
static int
range(const struct pg_plan *p, size_t first, size_t count, long *d0, long *d1)
{
	const struct pg_meta *m = &p->meta;
	size_t i;
	int any = 0;

	if (m->period_start.y != 0 && m->period_end.y != 0 &&
	    pg_date_cmp(m->period_start, m->period_end) <= 0) {
		*d0 = days_of(m->period_start);
		*d1 = days_of(m->period_end) + 1;
		return 0;
	}
	for (i = first; i < first + count; i++) {
		const struct pg_action *a = &p->actions.v[i];
		long s, e;
		if (a->start.y == 0 || a->end.y == 0)
			continue;
		s = days_of(a->start);
		e = days_of(a->end) + 1;
		if (e < s) {
			long t = s; s = e - 1; e = t + 1;
		}
		if (!any || s < *d0)
			*d0 = s;
		if (!any || e > *d1)
			*d1 = e;
		any = 1;
	}
	return any ? 0 : -1;
}

/* The geometry of a part. */
struct axis {
	long	d0, d1;		/* the time axis, days [d0, d1) */
	double	span;
	double	lw;		/* label column */
	double	ax, aw;		/* the time area */
	double	rh, hh, ink7;	/* row, header, a 7 pt line's ink */
	size_t	count;		/* rows */
};

/* x of day d. */
static double
dx(const struct axis *a, long d)
{
	return a->ax + ((double)d - (double)a->d0) / a->span * a->aw;
}

/* A tick line at tx from y0 to y1; none where its stroke would cross the
 * time area's right edge (within a hair of it: the frame draws that). */
static void
tick(struct fig *f, const struct axis *a, double tx, double y0, double y1,
    struct pg_color c, double lw)
{
	if (tx + lw / 2 > a->ax + a->aw + FIG_EPS)
		return;
	fig_line(f, tx, y0, tx, y1, c, lw, 0);
}

/* The next tick date after d, step months on. */
static struct pg_date
add_months(struct pg_date d, int step)
{
	d.m += step;
	if (d.m > 12) {
		d.m -= 12;
		d.y++;
	}
	return d;
}

/* Month ticks every step months, year labels at each January. */
static void
month_ticks(struct fig *f, const struct pg_fig_labels *lb,
    const struct axis *a, int step, double gtop, double gbot)
{
	int y0, m0, nm;
	struct pg_date d;
	char buf[64];

	civil(a->d0, &y0, &m0);
	d.y = y0;
	d.m = m0;
	d.d = 1;
	for (nm = 0; days_of(d) < a->d1; nm++) {
		long dd = days_of(d), nd;
		double tx = dx(a, dd < a->d0 ? a->d0 : dd);

		if (dd > a->d0)
			tick(f, a, tx, d.m == 1 ? 0 : gtop, gbot,
			    d.m == 1 ? C_AXIS : C_GRID, d.m == 1 ? 0.6 : 0.3);
		if (d.m == 1 || nm == 0) {
			struct pg_date ny = { d.y + 1, 1, 1 };
			nd = days_of(ny);
			snprintf(buf, sizeof(buf), "%d%s", d.y, lb->year_suffix);
			fig_label_try(f, buf, FIG_MIN_PT, PG_STYLE_STRONG, tx + 2, 0,
			    dx(a, nd < a->d1 ? nd : a->d1) - tx - 2, -1, C_TEXT);
		}
		if ((d.m - 1) % step == 0 && dd >= a->d0) {
			nd = days_of(add_months(d, step));
			fig_label_try(f, lb->months[d.m - 1], FIG_MIN_PT, 0, tx + 1,
			    a->ink7 + 4, dx(a, nd < a->d1 ? nd : a->d1) - tx - 1,
			    -1, C_MUTED);
		}
		d = add_months(d, 1);
	}
}

/* Year ticks every ystep years (long periods). */
static void
year_ticks(struct fig *f, const struct pg_fig_labels *lb,
    const struct axis *a, int ystep, double gbot)
{
	int y0, m0;
	long yy;
	char buf[64];

	civil(a->d0, &y0, &m0);
	yy = ((long)y0 + ystep - 1) / ystep * ystep;
	for (; yy <= 9999; yy += ystep) {
		struct pg_date d = { (int)yy, 1, 1 }, ny = { 0, 1, 1 };
		long dd = days_of(d), nd;
		double tx;
		if (dd >= a->d1)
			break;
		ny.y = (int)(yy + ystep);
		nd = days_of(ny);
		tx = dx(a, dd < a->d0 ? a->d0 : dd);
		if (dd > a->d0)
			tick(f, a, tx, 0, gbot, C_AXIS, 0.6);
		snprintf(buf, sizeof(buf), "%ld%s", yy, lb->year_suffix);
		fig_label_try(f, buf, FIG_MIN_PT, PG_STYLE_STRONG, tx + 2, 0,
		    dx(a, nd < a->d1 ? nd : a->d1) - tx - 2, -1, C_TEXT);
	}
}

/*
 * The header: month labels every 1, 2, 3 or 6 months when they fit,
 * year labels every 1, 2, 5, 10, ... years when they fit; the number of
 * labels and ticks is bounded by the width, not by the period.  Also the
 * frame of the time area.
 */
static void
header(struct fig *f, const struct pg_fig_labels *lb, const struct axis *a)
{
	static const int msteps[] = { 1, 2, 3, 6 };
	static const int ysteps[] = { 1, 2, 5, 10, 20, 50, 100, 200, 500, 1000,
	    2000, 5000, 10000 };
	double mw = 0, yw, permonth;
	int k, step, ystep;
	char buf[64];

	for (k = 0; k < 12; k++) {
		double tw = fig_text_w(f, lb->months[k], FIG_MIN_PT, 0);
		if (tw > mw)
			mw = tw;
	}
	snprintf(buf, sizeof(buf), "8888%s", lb->year_suffix);
	yw = fig_text_w(f, buf, FIG_MIN_PT, PG_STYLE_STRONG);
	permonth = a->aw * 30.436875 / a->span;
	step = 0;
	for (k = 0; k < 4 && step == 0; k++)
		if (permonth * msteps[k] >= mw + 4)
			step = msteps[k];
	ystep = 0;
	for (k = 0; k < (int)(sizeof(ysteps) / sizeof(ysteps[0])) && ystep == 0;
	    k++)
		if (permonth * 12 * ysteps[k] >= yw + 4)
			ystep = ysteps[k];
	fig_rect(f, a->ax, a->hh, a->aw, (double)a->count * a->rh, NULL,
	    &C_GRID, 0.5, 0);
	if (step > 0)
		month_ticks(f, lb, a, step, a->hh - (a->ink7 + 3),
		    a->hh + (double)a->count * a->rh);
	else if (ystep > 0)
		year_ticks(f, lb, a, ystep, a->hh + (double)a->count * a->rh);
}

/* Action a's bar in the row whose bar area starts at by. */
static void
bar(struct fig *f, const struct axis *ax, const struct pg_action *a, double by)
{
	long s, e;
	int cl, cr;
	double bx0, bx1, bh, mid;

	if (a->start.y == 0 || a->end.y == 0)
		return;
	s = days_of(a->start);
	e = days_of(a->end) + 1;
	if (e < s) {
		long tmp = s; s = e - 1; e = tmp + 1;
	}
	cl = s < ax->d0;
	cr = e > ax->d1;
	if (cl)
		s = ax->d0;
	if (cr)
		e = ax->d1;
	if (e <= s)
		return;
	bh = ax->rh - TL_ROW_PAD;
	mid = by + bh / 2;
	bx0 = dx(ax, s);
	bx1 = dx(ax, e);
	if (bx1 - bx0 < 1.5)
		bx1 = bx0 + 1.5 > ax->ax + ax->aw ? ax->ax + ax->aw : bx0 + 1.5;
	fig_rect(f, bx0, by, bx1 - bx0, bh,
	    &C_CAT[a->category < PG_CAT_N ? a->category : 0], NULL, 0, 0);
	/* a white chevron where the period cuts the bar */
	if (cr && bx1 - bx0 >= 8) {
		fig_line(f, bx1 - 5, by + 1.5, bx1 - 2, mid, C_WHITE, 0.8, 0);
		fig_line(f, bx1 - 2, mid, bx1 - 5, by + bh - 1.5, C_WHITE, 0.8, 0);
	}
	if (cl && bx1 - bx0 >= 8) {
		fig_line(f, bx0 + 5, by + 1.5, bx0 + 2, mid, C_WHITE, 0.8, 0);
		fig_line(f, bx0 + 2, mid, bx0 + 5, by + bh - 1.5, C_WHITE, 0.8, 0);
	}
}

/* The rows of actions first..first+count-1; returns the y under them. */
static double
rows(struct fig *f, const struct pg_plan *p, const struct axis *ax,
    size_t first)
{
	double ry = ax->hh;
	size_t i;

	for (i = 0; i < ax->count; i++) {
		const struct pg_action *a = &p->actions.v[first + i];
		struct pg_run runs[3];
		struct fig_tb t;

		if (i % 2 == 1)
			fig_rect(f, 0, ry, f->w, ax->rh, &C_LANE, NULL, 0, 0);
		runs[0].text = a->id != NULL ? a->id : "";
		runs[0].style = PG_STYLE_STRONG;
		runs[1].text = " ";
		runs[1].style = 0;
		runs[2].text = a->title.s != NULL ? a->title.s : "";
		runs[2].style = 0;
		if (fig_tb_break(f, &t, runs, 3, TL_PT, 0, ax->lw, 1) == 0)
			fig_tb_draw(f, &t, 0, ry + TL_ROW_PAD / 2, ax->lw, -1,
			    C_TEXT);
		fig_tb_free(&t);
		bar(f, ax, a, ry + TL_ROW_PAD / 2);
		ry += ax->rh;
	}
	return ry;
}

/* The axis of a part of count rows from first in width w; -1 if the
 * width leaves no room for the time area. */
static int
axis_of(const struct fig *f, const struct pg_plan *p, size_t first,
    size_t count, struct axis *a)
{
	memset(a, 0, sizeof(*a));
	a->count = count;
	if (range(p, first, count, &a->d0, &a->d1) != 0) {
		a->d0 = 0;
		a->d1 = 365;
	}
	a->lw = f->w * 0.32 > 170 ? 170 : f->w * 0.32;
	a->ax = a->lw + 4;
	a->aw = f->w - a->ax;
	a->rh = row_h(f);
	a->hh = head_h(f);
	a->ink7 = (f->asc + f->desc) * FIG_MIN_PT;
	a->span = (double)(a->d1 - a->d0);
	return a->aw < 10 || a->span <= 0 ? -1 : 0;
}

int
fig_timeline_layout(struct fig *f, const struct pg_fig_in *in, double maxh,
    struct pg_fig_out *out)
{
	const struct pg_plan *p = in->p;
	size_t first = in->first, left, k, min = in->min ? in->min : 1;
	struct axis a;
	double h;

	if (first >= p->actions.n)
		return 0;
	fig_colors_by_use(f, p);
	left = p->actions.n - first;
	out->want = head_h(f) + (double)left * row_h(f) +
	    legend(f, p, in->lb, first, left, 0, 0, f->w, 0);
	k = fit(f, maxh, left);
	if (k < min && k < left)
		k = 0;
	if (k == 0 || axis_of(f, p, first, k, &a) != 0) {
		out->unfit = left;
		return 0;
	}
	h = head_h(f) + (double)k * row_h(f) +
	    legend(f, p, in->lb, first, k, 0, 0, f->w, 0);
	f->h = out->h = h;
	header(f, in->lb, &a);
	legend(f, p, in->lb, first, k, 0, rows(f, p, &a, first), f->w, 1);
	out->placed = k;
	out->unfit = left - k;
	return 0;
}

/* ---- by category: one row per category, when the actions' rows would
 * not fit a page ---------------------------------------------------------- */

#define TC_ROW_H	20.0

/*
 * One row per category the actions use: its name and number of actions
 * in the label column, and over the time axis a strip whose height in each
 * month is the share of the category's busiest month (actions under way
 * that month), in the category's colour, over a hairline from its first
 * start to its last end.  Whole or nothing (out->unfit = number of
 * categories when it does not fit).
 */
int
fig_timeline_cat_layout(struct fig *f, const struct pg_fig_in *in,
    double maxh, struct pg_fig_out *out)
{
	const struct pg_plan *p = in->p;
	size_t n = p->actions.n, i, cnt[PG_CAT_N] = { 0 }, nrows = 0;
	long lo[PG_CAT_N], hi[PG_CAT_N];
	struct axis a;
	double h, ry;
	int c, nm, m;
	unsigned *busy;
	char buf[160];

	if (n == 0 || in->first > 0)
		return 0;
	fig_colors_by_use(f, p);
	for (i = 0; i < n; i++) {
		unsigned k = p->actions.v[i].category;
		cnt[k < PG_CAT_N ? k : 0]++;
	}
	for (c = 0; c < PG_CAT_N; c++)
		nrows += cnt[c] > 0;
	if (axis_of(f, p, 0, n, &a) != 0) {
		out->unfit = nrows;
		return 0;
	}
	a.rh = TC_ROW_H;
	a.count = nrows;
	h = a.hh + (double)nrows * a.rh + legend_line_h(f) + 2;
	out->want = h;
	if (h > maxh) {
		out->unfit = nrows;
		return 0;
	}
	/* months of the axis: at most one per 30 days, at least one */
	nm = (int)((a.span + 29) / 30);
	if (nm > 600)
		nm = 600;
	if (nm < 1)
		nm = 1;
	if ((busy = calloc((size_t)PG_CAT_N * (size_t)nm, sizeof(*busy))) ==
	    NULL)
		return -1;
	for (c = 0; c < PG_CAT_N; c++) {
		lo[c] = a.d1;
		hi[c] = a.d0;
	}
	for (i = 0; i < n; i++) {
		const struct pg_action *ac = &p->actions.v[i];
		unsigned k = ac->category < PG_CAT_N ? ac->category : 0;
		long s0, e0;
		int m0, m1;
		if (ac->start.y == 0 || ac->end.y == 0)
			continue;
		s0 = days_of(ac->start);
		e0 = days_of(ac->end) + 1;
		if (e0 < s0) {
			long t = s0; s0 = e0 - 1; e0 = t + 1;
		}
		if (s0 < a.d0)
			s0 = a.d0;
		if (e0 > a.d1)
			e0 = a.d1;
		if (e0 <= s0)
			continue;
		if (s0 < lo[k])
			lo[k] = s0;
		if (e0 > hi[k])
			hi[k] = e0;
		m0 = (int)((double)(s0 - a.d0) / a.span * nm);
		m1 = (int)((double)(e0 - 1 - a.d0) / a.span * nm);
		for (m = m0; m <= m1 && m < nm; m++)
			busy[(size_t)k * (size_t)nm + (size_t)m]++;
	}
	f->h = out->h = h;
	header(f, in->lb, &a);
	ry = a.hh;
	for (c = 0, i = 0; c < PG_CAT_N; c++) {
		unsigned top = 0;
		double bw = a.aw / nm, base, bh = a.rh - TL_ROW_PAD;
		struct pg_color col = C_CAT[c];
		if (cnt[c] == 0)
			continue;
		if (i++ % 2 == 1)
			fig_rect(f, 0, ry, f->w, a.rh, &C_LANE, NULL, 0, 0);
		snprintf(buf, sizeof(buf), strncmp(f->lang, "zh", 2) == 0 ?
		    "%s（%zu）" : "%s (%zu)", in->lb->categories[c], cnt[c]);
		fig_label_fit(f, buf, TL_PT, 0, 0, ry + (a.rh - (f->asc +
		    f->desc) * TL_PT) / 2, a.lw, -1, C_TEXT, 1, 0);
		for (m = 0; m < nm; m++)
			if (busy[(size_t)c * (size_t)nm + (size_t)m] > top)
				top = busy[(size_t)c * (size_t)nm + (size_t)m];
		base = ry + TL_ROW_PAD / 2 + bh;
		if (hi[c] > lo[c])
			fig_line(f, dx(&a, lo[c]), base - 0.3, dx(&a, hi[c]),
			    base - 0.3, col, 0.6, 0);
		for (m = 0; m < nm && top > 0; m++) {
			unsigned v = busy[(size_t)c * (size_t)nm + (size_t)m];
			double vh = bh * (double)v / (double)top;
			if (v == 0)
				continue;
			if (vh < 1)
				vh = 1;
			fig_rect(f, a.ax + bw * m + 0.3, base - vh, bw - 0.6, vh,
			    &col, NULL, 0, 0);
		}
		ry += a.rh;
	}
	free(busy);
	out->placed = n;
	out->unfit = 0;
	return 0;
}
