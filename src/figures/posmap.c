/*
 * posmap.c — the positioning map (PG_FIG_POSMAP): a square plot of x/y
 * 0..100 with its axis names and end labels, quadrant lines, competitors
 * and the own current and target positions as dots with an arrow between
 * the own ones, dot labels nudged to free places, a legend.  The plot
 * shrinks to the height it is given.  See figure.h.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "figures/figure_int.h"

#define MAP_DOT		6.0
#define MAP_LABELS_MAX	300	/* positions beyond this get a dot only */
#define MAP_OWN		8.0
#define MAP_MIN_SIDE	40.0


/* The map's geometry. */
struct map {
	const struct pg_posmap *m;
	double	band, ink;	/* a text band and a body line's ink */
	double	side, sidew;	/* the plot's side; the x end label columns */
	double	px, py;		/* the plot's top-left */
	double	curx, cury, tgx, tgy;	/* own positions (x < 0: none) */
	int	anycomp, anycur, anytg;
};

/*
 * The plot's side for width w and at most maxside, and the width of the
 * columns for the x-low / x-high labels (up to a fifth of w each).
 */
static double
plot_side(struct fig *f, const struct pg_posmap *m, double w, double maxside,
    double *sidew)
{
	double cxl = 0, cxr = 0, side;

	if (m->x_low != NULL)
		cxl = fig_text_w(f, m->x_low, FIG_SMALL_PT, 0);
	if (m->x_high != NULL)
		cxr = fig_text_w(f, m->x_high, FIG_SMALL_PT, 0);
	*sidew = cxl > cxr ? cxl : cxr;
	if (*sidew > w * 0.2)
		*sidew = w * 0.2;
	side = w - 2 * (*sidew + 6);
	if (side > w * 0.6)
		side = w * 0.6;
	return side > maxside ? maxside : side;
}

/* The name of a position's dot. */
static const char *
pos_name(const struct pg_plan *p, const struct pg_fig_labels *lb,
    const struct pg_position *ps)
{
	size_t i;

	if (ps->label != NULL)
		return ps->label;
	if (ps->own == PG_OWN_CURRENT)
		return lb->own_current;
	if (ps->own == PG_OWN_TARGET)
		return lb->own_target;
	for (i = 0; ps->competitor != NULL && i < p->situation.ncompetitors; i++) {
		const struct pg_competitor *c = &p->situation.competitors[i];
		if (c->id != NULL && strcmp(c->id, ps->competitor) == 0)
			return c->name;
	}
	return ps->competitor != NULL ? ps->competitor : "";
}

static double
clamp100(double v)
{
	return !isfinite(v) || v < 0 ? 0 : v > 100 ? 100 : v;
}

/* Where position ps's dot of radius r is: inside the frame. */
static void
dot_at(const struct map *mp, const struct pg_position *ps, double r,
    double *dx, double *dy)
{
	*dx = mp->px + clamp100(ps->x.v) / 100 * mp->side;
	*dy = mp->py + mp->side - clamp100(ps->y.v) / 100 * mp->side;
	if (*dx - r < mp->px) *dx = mp->px + r;
	if (*dx + r > mp->px + mp->side) *dx = mp->px + mp->side - r;
	if (*dy - r < mp->py) *dy = mp->py + r;
	if (*dy + r > mp->py + mp->side) *dy = mp->py + mp->side - r;
}

/* Bands above the plot (y axis name, y-high label) and below it (y-low
 * label, x axis name), and whether each is there. */
static int
bands_top(const struct pg_posmap *m)
{
	return (m->y != NULL) + (m->y_high != NULL);
}

static int
bands_bottom(const struct pg_posmap *m)
{
	return (m->y_low != NULL) + (m->x != NULL);
}

/*
 * The frame, the quadrant lines, the end labels, the axis names.  The
 * axis names have bands of their own outside the plot (the y name over
 * it, the x name under it), on one line, never hyphenated, so that they
 * cross neither markers nor midlines.
 */
static void
frame(struct fig *f, const struct map *mp)
{
	const struct pg_posmap *m = mp->m;
	double px = mp->px, py = mp->py, side = mp->side, sidew = mp->sidew;
	const char *ends[2] = { m->x_low, m->x_high };
	double y = 0;
	int j;

	fig_rect(f, px, py, side, side, NULL, &C_AXIS, 0.75, 0);
	fig_line(f, px + side / 2, py, px + side / 2, py + side, C_GRID, 0.5, 1);
	fig_line(f, px, py + side / 2, px + side, py + side / 2, C_GRID, 0.5, 1);
	if (m->y != NULL) {
		fig_label_fit(f, m->y, FIG_SMALL_PT, PG_STYLE_STRONG, 0, y,
		    f->w, 0, C_AXIS, 1, 0);
		y += mp->band;
	}
	if (m->y_high != NULL)
		fig_label_fit(f, m->y_high, FIG_SMALL_PT, 0, 0, y + 1, f->w, 0,
		    C_MUTED, 1, 0);
	y = py + side + 3;
	if (m->y_low != NULL) {
		fig_label_fit(f, m->y_low, FIG_SMALL_PT, 0, 0, y, f->w, 0,
		    C_MUTED, 1, 0);
		y += mp->band;
	}
	if (m->x != NULL)
		fig_label_fit(f, m->x, FIG_SMALL_PT, PG_STYLE_STRONG, 0, y,
		    f->w, 0, C_AXIS, 1, 0);
	for (j = 0; j < 2; j++) {
		double cx = j == 0 ? px - 6 - sidew : px + side + 6, top;
		struct fig_label l;
		struct frect r;
		if (ends[j] == NULL)
			continue;
		if (fig_label_make(f, &l, ends[j], FIG_SMALL_PT, 0, sidew, 4) == 0) {
			top = py + side / 2 - fig_tb_height(f, &l.t) / 2;
			r = fig_tb_rect(f, &l.t, cx, top, sidew, j == 0 ? 1 : -1);
			if (fig_occ_free(f, r)) {
				fig_tb_draw(f, &l.t, cx, top, sidew,
				    j == 0 ? 1 : -1, C_MUTED);
				fig_occ_add(f, r);
			}
		}
		fig_tb_free(&l.t);
	}
}

/* Mark the segment (x0, y0)-(x1, y1) taken, in small squares, so that no
 * label is put over it. */
static void
occ_segment(struct fig *f, double x0, double y0, double x1, double y1)
{
	double len = hypot(x1 - x0, y1 - y0), t;
	struct frect o;

	for (t = 0; t <= len; t += 2) {
		double x = x0 + (x1 - x0) * (len > 0 ? t / len : 0);
		double y = y0 + (y1 - y0) * (len > 0 ? t / len : 0);
		o.x0 = x - 1.5; o.x1 = x + 1.5;
		o.y0 = y - 1.5; o.y1 = y + 1.5;
		fig_occ_add(f, o);
	}
}

/* The dots (they own their place), then the arrow from current to target
 * (its place taken too). */
static void
dots(struct fig *f, struct map *mp)
{
	const struct pg_posmap *m = mp->m;
	size_t i;

	mp->curx = mp->tgx = -1;
	for (i = 0; i < m->npositions; i++) {
		const struct pg_position *ps = &m->positions[i];
		double r = (ps->own != PG_OWN_NONE ? MAP_OWN : MAP_DOT) / 2, dx, dy;
		struct frect o;

		dot_at(mp, ps, r, &dx, &dy);
		if (ps->own == PG_OWN_CURRENT) {
			fig_rect(f, dx - r, dy - r, 2 * r, 2 * r, &C_OWN, NULL, 0, 0);
			mp->curx = dx; mp->cury = dy; mp->anycur = 1;
		} else if (ps->own == PG_OWN_TARGET) {
			fig_rect(f, dx - r, dy - r, 2 * r, 2 * r, &C_WHITE, &C_OWN,
			    1.5, 0);
			mp->tgx = dx; mp->tgy = dy; mp->anytg = 1;
		} else {
			fig_rect(f, dx - r, dy - r, 2 * r, 2 * r, &C_COMP, NULL, 0, 0);
			mp->anycomp = 1;
		}
		o.x0 = dx - r - 1; o.x1 = dx + r + 1;
		o.y0 = dy - r - 1; o.y1 = dy + r + 1;
		fig_occ_add(f, o);
	}
	if (mp->curx >= 0 && mp->tgx >= 0) {
		double vx = mp->tgx - mp->curx, vy = mp->tgy - mp->cury;
		double len = hypot(vx, vy);
		if (len > MAP_OWN + 4) {
			double ux = vx / len, uy = vy / len;
			double sx = mp->curx + ux * (MAP_OWN / 2 + 1);
			double sy = mp->cury + uy * (MAP_OWN / 2 + 1);
			double ex = mp->tgx - ux * (MAP_OWN / 2 + 2);
			double ey = mp->tgy - uy * (MAP_OWN / 2 + 2);
			double hx = 5, hw = 2.5;
			fig_line(f, sx, sy, ex, ey, C_OWN, 1.2, 0);
			fig_line(f, ex, ey, ex - ux * hx - uy * hw,
			    ey - uy * hx + ux * hw, C_OWN, 1.2, 0);
			fig_line(f, ex, ey, ex - ux * hx + uy * hw,
			    ey - uy * hx - ux * hw, C_OWN, 1.2, 0);
			occ_segment(f, sx, sy, ex, ey);
		}
	}
}

/* 1 if r crosses one of the dashed midlines of the plot. */
static int
on_midline(const struct map *mp, struct frect r)
{
	double mx = mp->px + mp->side / 2, my = mp->py + mp->side / 2;

	return (r.x0 - 2 < mx && mx < r.x1 + 2 && r.y1 > mp->py &&
	    r.y0 < mp->py + mp->side) || (r.y0 - 2 < my && my < r.y1 + 2 &&
	    r.x1 > mp->px && r.x0 < mp->px + mp->side);
}

/* 1 if r straddles an edge of the plot's frame (a name over its line). */
static int
on_frame(const struct map *mp, struct frect r)
{
	double x0 = mp->px, x1 = mp->px + mp->side;
	double y0 = mp->py, y1 = mp->py + mp->side;
	int across = r.y1 > y0 && r.y0 < y1, along = r.x1 > x0 && r.x0 < x1;

	return (across && ((r.x0 - 1.5 < x0 && x0 < r.x1 + 1.5) ||
	    (r.x0 - 1.5 < x1 && x1 < r.x1 + 1.5))) ||
	    (along && ((r.y0 - 1 < y0 && y0 < r.y1 + 1) ||
	    (r.y0 - 1 < y1 && y1 < r.y1 + 1)));
}

/*
 * Place the broken label l of the dot at (dx, dy), radius r: of the free
 * places around it (right, left, above, below, the corners, then farther
 * out, inside the plot or around it above the legend), the nearest, a
 * place crossing a midline or outside the plot counting as farther, one
 * over the frame's line much farther; a
 * leader line from the dot to a label that is not next to it.  Returns 1
 * if placed.
 */
static int
dot_label(struct fig *f, const struct map *mp, const struct fig_label *l,
    double dx, double dy, double r, struct pg_color c, double bottom)
{
	double tw = l->t.width, th = fig_tb_height(f, &l->t), dist, best = -1;
	double step = th > 2 ? th / 2 : 2;
	struct frect br;
	int k;

	memset(&br, 0, sizeof(br));
	for (dist = 0; dist <= mp->side * 0.7 + step; dist += step) {
		double cand[8][2] = {
			{ dx + r + 2 + dist, dy - th / 2 },
			{ dx - r - 2 - tw - dist, dy - th / 2 },
			{ dx - tw / 2, dy - r - 1 - th - dist },
			{ dx - tw / 2, dy + r + 1 + dist },
			{ dx + r + 1 + dist, dy - r - th - dist },
			{ dx - r - 1 - tw - dist, dy - r - th - dist },
			{ dx + r + 1 + dist, dy + r + dist },
			{ dx - r - 1 - tw - dist, dy + r + dist },
		};
		if (best >= 0 && dist > best)
			break;		/* nothing nearer is left */
		for (k = 0; k < 8; k++) {
			struct frect rr;
			double pen = dist;
			rr.x0 = cand[k][0];
			rr.y0 = cand[k][1];
			rr.x1 = rr.x0 + tw;
			rr.y1 = rr.y0 + th;
			if (rr.y1 > bottom || !fig_occ_free(f, rr))
				continue;
			if (on_midline(mp, rr))
				pen += mp->side * 0.08;
			if (on_frame(mp, rr))	/* a last resort */
				pen += mp->side * 0.6;
			if (rr.x0 < mp->px || rr.x1 > mp->px + mp->side ||
			    rr.y0 < mp->py || rr.y1 > mp->py + mp->side)
				pen += mp->side * 0.05;
			if (best < 0 || pen < best) {
				best = pen;
				br = rr;
			}
		}
	}
	if (best < 0)
		return 0;
	fig_tb_draw(f, &l->t, br.x0, br.y0, tw, -1, c);
	fig_occ_add(f, br);
	if (br.x0 > dx + r + 3 || br.x1 < dx - r - 3 || br.y0 > dy + r + 2 ||
	    br.y1 < dy - r - 2) {
		/* a leader from the dot's edge to the label */
		double lx = br.x0 > dx ? br.x0 : br.x1 < dx ? br.x1 : dx;
		double ly = br.y0 > dy ? br.y0 : br.y1 < dy ? br.y1 : dy;
		double len = hypot(lx - dx, ly - dy);
		if (len > r + 1)
			fig_line(f, dx + (lx - dx) * (r + 0.5) / len,
			    dy + (ly - dy) * (r + 0.5) / len, lx, ly, C_MUTED,
			    0.4, 0);
	}
	return 1;
}

/* The dot labels: own positions first, then the others in document order,
 * at most MAP_LABELS_MAX; a smaller size when the first finds no place.
 * Returns how many labels found no place. */
static size_t
dot_labels(struct fig *f, const struct pg_plan *p,
    const struct pg_fig_labels *lb, const struct map *mp, double bottom)
{
	const struct pg_posmap *m = mp->m;
	static const double sizes[2] = { FIG_SMALL_PT, FIG_MIN_PT };
	size_t i, tried, dropped = 0;

	for (i = 0, tried = 0; i < 2 * m->npositions && tried < MAP_LABELS_MAX;
	    i++) {
		const struct pg_position *ps = &m->positions[i % m->npositions];
		double r = (ps->own != PG_OWN_NONE ? MAP_OWN : MAP_DOT) / 2, dx, dy;
		const char *name = pos_name(p, lb, ps);
		int si, placed = 0;

		if ((ps->own != PG_OWN_NONE) != (i < m->npositions))
			continue;
		tried++;
		if (*name == '\0')
			continue;
		dot_at(mp, ps, r, &dx, &dy);
		for (si = 0; si < 2 && !placed; si++) {
			struct fig_label l;
			if (fig_label_make(f, &l, name, sizes[si],
			    ps->own != PG_OWN_NONE ? PG_STYLE_STRONG : 0,
			    f->w * 0.3, 2) != 0) {
				fig_tb_free(&l.t);
				break;
			}
			placed = dot_label(f, mp, &l, dx, dy, r,
			    ps->own != PG_OWN_NONE ? C_OWN : C_TEXT, bottom);
			fig_tb_free(&l.t);
		}
		dropped += !placed;
	}
	return dropped;
}

/* The legend, centred under the map from ly. */
static void
legend(struct fig *f, const struct pg_fig_labels *lb, const struct map *mp,
    double ly)
{
	const char *names[3] = { lb->competitor, lb->own_current, lb->own_target };
	int show[3] = { mp->anycomp, mp->anycur, mp->anytg }, j;
	double lx = 0, tot = 0, w = f->w, ink = mp->ink;

	for (j = 0; j < 3; j++)
		if (show[j])
			tot += 8 + 3 + fig_text_w(f, names[j], FIG_SMALL_PT, 0) + 12;
	if (tot < w)
		lx = (w - tot) / 2;
	for (j = 0; j < 3; j++) {
		double tw;
		if (!show[j])
			continue;
		tw = fig_text_w(f, names[j], FIG_SMALL_PT, 0);
		if (lx + 11 + tw > w)
			break;
		if (j == 0)
			fig_rect(f, lx + 1, ly + ink / 2 - 3, 6, 6, &C_COMP, NULL,
			    0, 0);
		else if (j == 1)
			fig_rect(f, lx, ly + ink / 2 - 4, 8, 8, &C_OWN, NULL, 0, 0);
		else
			fig_rect(f, lx, ly + ink / 2 - 4, 8, 8, &C_WHITE, &C_OWN,
			    1.5, 0);
		fig_label_try(f, names[j], FIG_SMALL_PT, 0, lx + 11,
		    ly + (ink - (f->asc + f->desc) * FIG_SMALL_PT) / 2, tw, -1,
		    C_TEXT);
		lx += 11 + tw + 12;
	}
}

int
fig_posmap_layout(struct fig *f, const struct pg_fig_in *in, double maxh,
    struct pg_fig_out *out)
{
	const struct pg_posmap *m = &in->p->situation.posmap;
	struct map mp;
	double h, bands;

	if (m->line == 0)
		return 0;
	memset(&mp, 0, sizeof(mp));
	mp.m = m;
	mp.ink = (f->asc + f->desc) * FIG_BODY_PT;
	mp.band = mp.ink + 4;
	/* the axis bands, the plot, the legend */
	bands = (bands_top(m) + bands_bottom(m) + 1) * mp.band + 8;
	out->want = bands + plot_side(f, m, f->w, 300, &mp.sidew);
	h = out->want < maxh ? out->want : maxh;
	mp.side = plot_side(f, m, f->w, h - bands, &mp.sidew);
	if (mp.side < MAP_MIN_SIDE) {
		out->unfit = 1;
		return 0;
	}
	h = bands + mp.side;
	f->h = out->h = h;
	mp.px = (f->w - mp.side) / 2;
	mp.py = bands_top(m) * mp.band + 2;
	frame(f, &mp);
	dots(f, &mp);
	out->dropped = dot_labels(f, in->p, in->lb, &mp,
	    h - mp.band - 2);
	legend(f, in->lb, &mp, h - mp.band);
	out->placed = 1;
	return 0;
}
