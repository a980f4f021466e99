/*
 * gantt.c — the action timeline (PG_FIG_TIMELINE), a Gantt chart split
 * over pages: the actions grouped by category, each group under a band
 * that names it, then the milestones; a row's label wrapped in a column as
 * wide as the longest label needs (never cut), bars in the category's
 * colour, diamonds at milestone dates, quarter bands behind.  A layout
 * places as many items from in->first as fit.  See figure.h.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "figures/timeline_int.h"

#define GT_LABEL_SHARE	0.38	/* the label column's widest share of w */
#define GT_LEFT_SHARE	0.45	/* the group and label columns' together */
#define GT_SWATCH	10.0	/* the swatch before a group's name */
#define GT_GAP		6.0	/* between the group and label columns */

/* A dated milestone, for sorting by date (then document order). */
struct ms_key {
	struct pg_date	d;
	size_t		i;
};

static int
ms_cmp(const void *a, const void *b)
{
	const struct ms_key *x = a, *y = b;
	int c = pg_date_cmp(x->d, y->d);

	return c != 0 ? c : x->i < y->i ? -1 : x->i > y->i;
}

int
pg_fig_timeline_order(const struct pg_plan *p, size_t **idx, size_t *n)
{
	size_t	na = p->actions.n, nm = 0, i, k = 0, c, *v, *ms;
	size_t	cnt[PG_CAT_N] = { 0 }, at[PG_CAT_N];
	int	rank[PG_CAT_N], nr = 0;

	*idx = NULL;
	*n = 0;
	for (i = 0; i < p->controls.nmilestones; i++)
		nm += p->controls.milestones[i].date.y != 0;
	if (na + nm == 0)
		return 0;
	if ((v = malloc((na + nm) * sizeof(*v))) == NULL)
		return -1;
	/* a counting sort: categories in the order they first appear */
	for (c = 0; c < PG_CAT_N; c++)
		rank[c] = -1;
	for (i = 0; i < na; i++) {
		unsigned ct = p->actions.v[i].category < PG_CAT_N ?
		    p->actions.v[i].category : 0;
		if (rank[ct] < 0)
			rank[ct] = nr++;
		cnt[rank[ct]]++;
	}
	for (c = 0; c < (size_t)nr; c++) {
		at[c] = k;
		k += cnt[c];
	}
	for (i = 0; i < na; i++) {
		unsigned ct = p->actions.v[i].category < PG_CAT_N ?
		    p->actions.v[i].category : 0;
		v[at[rank[ct]]++] = i;
	}
	if (nm > 0) {
		struct ms_key *key = malloc(nm * sizeof(*key));
		if (key == NULL) {
			free(v);
			return -1;
		}
		for (i = 0, k = 0; i < p->controls.nmilestones; i++)
			if (p->controls.milestones[i].date.y != 0) {
				key[k].d = p->controls.milestones[i].date;
				key[k++].i = i;
			}
		qsort(key, nm, sizeof(*key), ms_cmp);
		for (i = 0, ms = v + na; i < nm; i++)
			ms[i] = na + key[i].i;
		free(key);
	}
	*idx = v;
	*n = na + nm;
	return 0;
}

/* One item's label, as runs. */
struct gt_item {
	struct pg_run	 runs[3];
	size_t		 nruns;
	int		 group;		/* category, or PG_CAT_N: milestones */
	double		 h;		/* the row's height */
};

static void
item_of(const struct pg_plan *p, size_t k, struct gt_item *it)
{
	memset(it, 0, sizeof(*it));
	if (k < p->actions.n) {
		const struct pg_action *a = &p->actions.v[k];
		it->runs[0].text = a->id != NULL ? a->id : "";
		it->runs[0].style = PG_STYLE_STRONG;
		it->runs[1].text = " ";
		it->runs[2].text = a->title.s != NULL ? a->title.s : "";
		it->nruns = 3;
		it->group = a->category < PG_CAT_N ? (int)a->category : 0;
	} else {
		const struct pg_milestone *m =
		    &p->controls.milestones[k - p->actions.n];
		it->runs[0].text = m->text != NULL ? m->text : "";
		it->nruns = 1;
		it->group = PG_CAT_N;
	}
}

/* A one-line row's height; a group band's. */
static double
line_h(const struct fig *f)
{
	return (f->asc + f->desc) * TL_PT + TL_ROW_PAD;
}

/* The group column: wide enough for the widest name of a group the plan
 * uses, with its swatch, at most a fifth of w. */
static double
group_w(struct fig *f, const struct pg_fig_labels *lb, const size_t *ord,
    size_t n, const struct pg_plan *p)
{
	int	 seen[PG_CAT_N + 1] = { 0 }, g;
	size_t	 i;
	double	 w = 0, tw;

	for (i = 0; i < n; i++) {
		g = ord[i] < p->actions.n ? (p->actions.v[ord[i]].category <
		    PG_CAT_N ? (int)p->actions.v[ord[i]].category : 0) : PG_CAT_N;
		if (seen[g]++)
			continue;
		tw = fig_text_w(f, g == PG_CAT_N ? lb->milestones :
		    lb->categories[g], TL_PT, PG_STYLE_STRONG);
		if (tw > w)
			w = tw;
	}
	w += GT_SWATCH + 1;
	return w > f->w * 0.2 ? f->w * 0.2 : w;
}

/* The name of group g in the group column from y (the category's swatch
 * and name, wrapped in up to `lines` lines). */
static void
group_name(struct fig *f, const struct pg_fig_labels *lb, int g, double y,
    double gw, size_t lines)
{
	double		 ink = (f->asc + f->desc) * TL_PT;
	const char	*name = g == PG_CAT_N ? lb->milestones : lb->categories[g];

	if (g == PG_CAT_N)
		fig_diamond(f, 4, y + TL_ROW_PAD / 2 + ink / 2, 7.5, C_OWN);
	else
		fig_rect(f, 0.5, y + TL_ROW_PAD / 2 + (ink - 7) / 2, 7, 7,
		    &C_CAT[g], NULL, 0, 0);
	fig_label_fit(f, name, TL_PT, PG_STYLE_STRONG, GT_SWATCH, y +
	    TL_ROW_PAD / 2, gw - GT_SWATCH, -1, C_TEXT, lines, 0);
}

/* Action a's bar between by and by + bh. */
static void
bar(struct fig *f, const struct tl_axis *ax, const struct pg_action *a,
    double by, double bh)
{
	long s, e;
	int cl, cr;
	double bx0, bx1, mid;

	if (a->start.y == 0 || a->end.y == 0)
		return;
	s = tl_days(a->start);
	e = tl_days(a->end) + 1;
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
	mid = by + bh / 2;
	bx0 = tl_dx(ax, s);
	bx1 = tl_dx(ax, e);
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

/*
 * The label column: as wide as the widest label on one line, at most
 * GT_LABEL_SHARE of w (longer labels wrap).  0 if memory ran out.
 */
static double
label_w(struct fig *f, const struct pg_plan *p, const size_t *ord, size_t n)
{
	double	lw = 0;
	size_t	i;

	for (i = 0; i < n && !f->err; i++) {
		struct gt_item it;
		struct fig_tb t;
		item_of(p, ord[i], &it);
		if (fig_tb_break(f, &t, it.runs, it.nruns, TL_PT, 0, 1e6, 1) == 0 &&
		    t.width > lw)
			lw = t.width;
		fig_tb_free(&t);
	}
	if (lw > f->w * GT_LABEL_SHARE)
		lw = f->w * GT_LABEL_SHARE;
	return lw + 1;
}

/* Row heights of the items from first on: the rows of labels wrapped to
 * lw.  -1 if memory ran out. */
static int
heights(struct fig *f, const struct pg_plan *p, const size_t *ord,
    size_t first, size_t n, double lw, double *h)
{
	size_t	i;

	for (i = first; i < n; i++) {
		struct gt_item it;
		struct fig_tb t;
		item_of(p, ord[i], &it);
		if (fig_tb_break(f, &t, it.runs, it.nruns, TL_PT, 0, lw, 0) != 0) {
			fig_tb_free(&t);
			return -1;
		}
		h[i] = (double)(t.n > 1 ? t.n - 1 : 0) * fig_lead(f, TL_PT) +
		    line_h(f);
		fig_tb_free(&t);
	}
	return 0;
}

/* The group of item i (ord order). */
static int
group_of(const struct pg_plan *p, const size_t *ord, size_t i)
{
	size_t k = ord[i];

	if (k >= p->actions.n)
		return PG_CAT_N;
	return p->actions.v[k].category < PG_CAT_N ?
	    (int)p->actions.v[k].category : 0;
}

/* Draw the items first..first+k-1 from y = a->hh, the group column gw
 * wide; returns the y under them. */
static double
draw_rows(struct fig *f, const struct pg_fig_in *in, const struct tl_axis *a,
    const size_t *ord, const double *h, size_t first, size_t k, double gw)
{
	const struct pg_plan *p = in->p;
	double	 y = a->hh, bh = line_h(f) - TL_ROW_PAD, lx = gw + GT_GAP;
	size_t	 i;
	int	 g, prev = -1;

	for (i = first; i < first + k; i++) {
		struct gt_item it;
		struct fig_tb t;
		double by;

		g = group_of(p, ord, i);
		if (g != prev) {
			if (prev >= 0)
				fig_line(f, 0, y, f->w, y, C_AXIS, 0.5, 0);
			group_name(f, in->lb, g, y, gw, 1);
			prev = g;
		} else
			fig_line(f, lx, y, a->ax - 4, y, C_GRID, 0.3, 0);
		item_of(p, ord[i], &it);
		if (fig_tb_break(f, &t, it.runs, it.nruns, TL_PT, 0,
		    a->ax - 4 - lx, 0) == 0)
			fig_tb_draw(f, &t, lx, y + TL_ROW_PAD / 2, a->ax - 4 - lx,
			    -1, C_TEXT);
		fig_tb_free(&t);
		/* the bar or diamond on the row's first line */
		by = y + TL_ROW_PAD / 2;
		if (ord[i] < p->actions.n)
			bar(f, a, &p->actions.v[ord[i]], by, bh);
		else {
			const struct pg_milestone *m =
			    &p->controls.milestones[ord[i] - p->actions.n];
			long d = tl_days(m->date);
			if (d >= a->d0 && d < a->d1)
				fig_diamond(f, tl_ms_x(a, d, bh + 1), by + bh / 2,
				    bh + 1, C_OWN);
		}
		y += h[i];
	}
	return y;
}

int
fig_timeline_layout(struct fig *f, const struct pg_fig_in *in, double maxh,
    struct pg_fig_out *out)
{
	const struct pg_plan *p = in->p;
	size_t	 first = in->first, n, i, k = 0, min = in->min ? in->min : 1;
	size_t	*ord = NULL;
	double	*h = NULL, y, lw, gw;
	struct tl_axis a;
	int	 rc = -1;

	if (pg_fig_timeline_order(p, &ord, &n) != 0)
		return -1;
	if (first >= n) {
		free(ord);
		return 0;
	}
	fig_colors_by_use(f, p);
	gw = group_w(f, in->lb, ord, n, p);
	lw = label_w(f, p, ord, n);
	if (lw > f->w * GT_LEFT_SHARE - gw - GT_GAP)
		lw = f->w * GT_LEFT_SHARE - gw - GT_GAP;
	if (f->err || (h = calloc(n, sizeof(*h))) == NULL ||
	    heights(f, p, ord, first, n, lw, h) != 0)
		goto done;
	if (lw < 20 || tl_axis_of(f, p, in->lb, gw + GT_GAP + lw, &a) != 0) {
		out->unfit = n - first;
		rc = 0;
		goto done;
	}
	/* the whole rest, and what fits maxh */
	out->want = y = a.hh;
	for (i = first; i < n; i++) {
		out->want += h[i];
		if (k == i - first && y + h[i] <= maxh) {
			y += h[i];
			k++;
		}
	}
	if (k < min && k < n - first)
		k = 0;
	if (k == 0) {
		out->unfit = n - first;
		rc = 0;
		goto done;
	}
	f->h = out->h = y;
	tl_header(f, in->lb, &a, y);
	draw_rows(f, in, &a, ord, h, first, k, gw);
	tl_milestone_lines(f, p, &a, y);
	tl_frame(f, &a, y);
	out->placed = k;
	out->unfit = n - first - k;
	rc = 0;
done:
	free(h);
	free(ord);
	return f->err ? -1 : rc;
}
