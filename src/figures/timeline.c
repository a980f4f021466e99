/*
 * timeline.c — what the two timelines share (timeline_int.h): the time
 * axis, its header of years, quarters and months, the quarter bands, the
 * milestone lines; and the timeline by category (PG_FIG_TIMELINE_CAT), for
 * plans whose action rows would not fit a page.  The timeline of actions
 * is in gantt.c.  See figure.h.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/lang.h"
#include "figures/timeline_int.h"

long
tl_days(struct pg_date d)
{
	long y = d.y - (d.m <= 2);
	long era = (y >= 0 ? y : y - 399) / 400;
	long yoe = y - era * 400;
	long doy = (153 * (d.m + (d.m > 2 ? -3 : 9)) + 2) / 5 + d.d - 1;
	long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;

	return era * 146097 + doe - 719468;
}
#define days_of tl_days
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

/* The time axis: [d0, d1) in days. */
static int
range(const struct pg_plan *p, long *d0, long *d1)
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
	for (i = 0; i < p->actions.n; i++) {
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

/* A tick line at tx from y0 to y1; none where its stroke would cross the
 * time area's right edge (within a hair of it: the frame draws that). */
static void
tick(struct fig *f, const struct tl_axis *a, double tx, double y0, double y1,
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
    const struct tl_axis *a, int step, double gtop, double gbot)
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
		double tx = tl_dx(a, dd < a->d0 ? a->d0 : dd);

		if (dd > a->d0)
			tick(f, a, tx, d.m == 1 ? 0 : gtop, gbot,
			    d.m == 1 ? C_AXIS : C_GRID, d.m == 1 ? 0.6 : 0.3);
		if (d.m == 1 || nm == 0) {
			struct pg_date ny = { d.y + 1, 1, 1 };
			nd = days_of(ny);
			snprintf(buf, sizeof(buf), "%d%s", d.y, lb->year_suffix);
			fig_label_try(f, buf, FIG_MIN_PT, PG_STYLE_STRONG, tx + 2, 0,
			    tl_dx(a, nd < a->d1 ? nd : a->d1) - tx - 2, -1, C_TEXT);
		}
		if ((d.m - 1) % step == 0 && dd >= a->d0) {
			nd = days_of(add_months(d, step));
			fig_label_try(f, lb->months[d.m - 1], FIG_MIN_PT, 0, tx + 1,
			    a->hh - (a->ink7 + 3) - 1, tl_dx(a, nd < a->d1 ? nd : a->d1) - tx - 1,
			    -1, C_MUTED);
		}
		d = add_months(d, 1);
	}
}

/* Year ticks every ystep years (long periods). */
static void
year_ticks(struct fig *f, const struct pg_fig_labels *lb,
    const struct tl_axis *a, int ystep, double gbot)
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
		tx = tl_dx(a, dd < a->d0 ? a->d0 : dd);
		if (dd > a->d0)
			tick(f, a, tx, 0, gbot, C_AXIS, 0.6);
		snprintf(buf, sizeof(buf), "%ld%s", yy, lb->year_suffix);
		fig_label_try(f, buf, FIG_MIN_PT, PG_STYLE_STRONG, tx + 2, 0,
		    tl_dx(a, nd < a->d1 ? nd : a->d1) - tx - 2, -1, C_TEXT);
	}
}

double
tl_dx(const struct tl_axis *a, long d)
{
	return a->ax + ((double)d - (double)a->d0) / a->span * a->aw;
}

/* The first day of the quarter after the one day d is in; *q gets the
 * quarter (0..3) and *y its year. */
static long
quarter_end(long d, int *y, int *q)
{
	int m;
	struct pg_date n = { 0, 1, 1 };

	civil(d, y, &m);
	*q = (m - 1) / 3;
	n.y = *y + (*q == 3);
	n.m = *q == 3 ? 1 : (*q + 1) * 3 + 1;
	return days_of(n);
}

int
tl_axis_of(const struct fig *f, const struct pg_plan *p,
    const struct pg_fig_labels *lb, double lw, struct tl_axis *a)
{
	double	qw, tw, qmax = 0, row;
	int	k;

	memset(a, 0, sizeof(*a));
	if (range(p, &a->d0, &a->d1) != 0) {
		a->d0 = 0;
		a->d1 = 365;
	}
	a->lw = lw;
	a->ax = lw + 4;
	a->aw = f->w - a->ax;
	a->ink7 = (f->asc + f->desc) * FIG_MIN_PT;
	a->span = (double)(a->d1 - a->d0);
	if (a->aw < 10 || a->span <= 0)
		return -1;
	/* quarters when a quarter's label fits its quarter */
	qw = a->aw * 91.3 / a->span;
	for (k = 0; k < 4; k++)
		if ((tw = fig_text_w((struct fig *)f, lb->quarters[k], FIG_MIN_PT,
		    0)) > qmax)
			qmax = tw;
	if (qw >= qmax + 6)
		a->quarters = 1;
	else if (qw >= fig_text_w((struct fig *)f, "Q4", FIG_MIN_PT, 0) + 6)
		a->quarters = a->qshort = 1;
	row = a->ink7 + 3;
	a->qtop = row - 1;
	a->hh = (a->quarters ? 3 : 2) * row + 2;
	return 0;
}

/* Alternate quarters shaded from the quarter row down to bot, each
 * quarter's label centred over it. */
static void
quarters(struct fig *f, const struct pg_fig_labels *lb,
    const struct tl_axis *a, double bot)
{
	long	d = a->d0, e;
	int	y, q;
	char	buf[16];

	while (d < a->d1) {
		double x0, x1;
		e = quarter_end(d, &y, &q);
		x0 = tl_dx(a, d);
		x1 = tl_dx(a, e < a->d1 ? e : a->d1);
		if (q % 2 == 1)
			fig_rect(f, x0, a->qtop, x1 - x0, bot - a->qtop, &C_LANE,
			    NULL, 0, 0);
		snprintf(buf, sizeof(buf), "Q%d", q + 1);
		fig_label_try(f, a->qshort ? buf : lb->quarters[q], FIG_MIN_PT,
		    0, x0, a->qtop + 1, x1 - x0, 0, C_MUTED);
		d = e;
	}
}

/*
 * The header: year labels every 1, 2, 5, 10, ... years when they fit,
 * quarters when they fit, month labels every 1, 2, 3 or 6 months when
 * they fit; the number of labels and ticks is bounded by the width, not
 * by the period.
 */
void
tl_header(struct fig *f, const struct pg_fig_labels *lb,
    const struct tl_axis *a, double bot)
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
	if (a->quarters)
		quarters(f, lb, a, bot);
	if (step > 0)
		month_ticks(f, lb, a, step, a->hh - (a->ink7 + 3), bot);
	else if (ystep > 0)
		year_ticks(f, lb, a, ystep, bot);
}

double
tl_ms_x(const struct tl_axis *a, long d, double size)
{
	double x = tl_dx(a, d) + a->aw / a->span / 2;	/* mid-day */

	if (x < a->ax + size / 2)
		x = a->ax + size / 2;
	if (x > a->ax + a->aw - size / 2)
		x = a->ax + a->aw - size / 2;
	return x;
}

void
tl_frame(struct fig *f, const struct tl_axis *a, double bot)
{
	fig_rect(f, a->ax, a->hh, a->aw, bot - a->hh, NULL, &C_GRID, 0.5, 0);
}

void
tl_milestone_lines(struct fig *f, const struct pg_plan *p,
    const struct tl_axis *a, double bot)
{
	size_t	i;

	for (i = 0; i < p->controls.nmilestones; i++) {
		const struct pg_milestone *m = &p->controls.milestones[i];
		long d;
		double x;
		if (m->date.y == 0)
			continue;
		d = days_of(m->date);
		if (d < a->d0 || d >= a->d1)
			continue;
		x = tl_ms_x(a, d, 1);
		fig_line(f, x, a->hh, x, bot, C_OWN, 0.5, 1);
	}
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
	struct tl_axis a;
	double h, ry, lw = 0, rh = TC_ROW_H, tw;
	size_t nms = 0;
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
	/* the label column: as wide as the longest label (never cut) */
	for (c = 0; c < PG_CAT_N; c++) {
		if (cnt[c] == 0)
			continue;
		snprintf(buf, sizeof(buf), pg_lang_is_zh(f->lang) ? "%s（%zu）" :
		    "%s (%zu)", in->lb->categories[c], cnt[c]);
		if ((tw = fig_text_w(f, buf, TL_PT, 0)) > lw)
			lw = tw;
	}
	for (i = 0; i < p->controls.nmilestones; i++)
		nms += p->controls.milestones[i].date.y != 0;
	if (nms > 0) {
		snprintf(buf, sizeof(buf), pg_lang_is_zh(f->lang) ? "%s（%zu）" :
		    "%s (%zu)", in->lb->milestones, nms);
		if ((tw = fig_text_w(f, buf, TL_PT, PG_STYLE_STRONG)) > lw)
			lw = tw;
		nrows++;
	}
	lw += 1;
	if (lw > f->w * 0.38)
		lw = f->w * 0.38;
	if (tl_axis_of(f, p, in->lb, lw, &a) != 0) {
		out->unfit = nrows;
		return 0;
	}
	h = a.hh + (double)nrows * rh;
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
	tl_header(f, in->lb, &a, h);
	ry = a.hh;
	for (c = 0, i = 0; c < PG_CAT_N; c++) {
		unsigned top = 0;
		double bw = a.aw / nm, base, bh = rh - TL_ROW_PAD;
		struct pg_color col = C_CAT[c];
		if (cnt[c] == 0)
			continue;
		if (i++ > 0)
			fig_line(f, 0, ry, f->w, ry, C_GRID, 0.3, 0);
		snprintf(buf, sizeof(buf), pg_lang_is_zh(f->lang) ?
		    "%s（%zu）" : "%s (%zu)", in->lb->categories[c], cnt[c]);
		fig_label_fit(f, buf, TL_PT, 0, 0, ry + (rh - (f->asc +
		    f->desc) * TL_PT) / 2, a.lw, -1, C_TEXT, 2, 0);
		for (m = 0; m < nm; m++)
			if (busy[(size_t)c * (size_t)nm + (size_t)m] > top)
				top = busy[(size_t)c * (size_t)nm + (size_t)m];
		base = ry + TL_ROW_PAD / 2 + bh;
		if (hi[c] > lo[c])
			fig_line(f, tl_dx(&a, lo[c]), base - 0.3, tl_dx(&a, hi[c]),
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
		ry += rh;
	}
	free(busy);
	if (nms > 0) {		/* the milestones: a diamond at each date */
		fig_line(f, 0, ry, f->w, ry, C_GRID, 0.3, 0);
		snprintf(buf, sizeof(buf), pg_lang_is_zh(f->lang) ? "%s（%zu）" :
		    "%s (%zu)", in->lb->milestones, nms);
		fig_label_fit(f, buf, TL_PT, PG_STYLE_STRONG, 0, ry + (rh -
		    (f->asc + f->desc) * TL_PT) / 2, a.lw, -1, C_TEXT, 2, 0);
		for (i = 0; i < p->controls.nmilestones; i++) {
			const struct pg_milestone *ms = &p->controls.milestones[i];
			long d;
			if (ms->date.y == 0)
				continue;
			d = tl_days(ms->date);
			if (d >= a.d0 && d < a.d1)
				fig_diamond(f, tl_ms_x(&a, d, rh - TL_ROW_PAD -
				    2), ry + rh / 2, rh - TL_ROW_PAD - 2, C_OWN);
		}
		ry += rh;
	}
	tl_milestone_lines(f, p, &a, ry);
	tl_frame(f, &a, ry);
	out->placed = n;
	out->unfit = 0;
	return 0;
}
