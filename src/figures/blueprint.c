/*
 * blueprint.c — the service blueprint swimlane (PG_FIG_BLUEPRINT), split
 * over pages in parts of up to six steps: a header row of numbered steps,
 * the lanes (evidence, customer, frontstage, backstage, support) with the
 * dashed lines of interaction and visibility, and a fail-point row with
 * badges and recoveries.  A part's text is broken once (measure), then
 * drawn from the stored lines (draw).  See figure.h.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "figures/figure_int.h"

#define BP_PAD		3.0
#define BP_MIN_COL	72.0
#define BP_MAX_STEPS	6
#define BP_ROWS		(PG_LANE_N + 2)	/* header, lanes, fail points */
#define BP_FAIL		(PG_LANE_N + 1)
#define BP_BADGE	9.0

static const struct pg_color C_FAIL = { 0xD3, 0x2F, 0x2F };

/* One step of a part, broken into lines. */
struct step {
	char		 num[24];
	struct pg_run	 hruns[3];	/* header: number, " ", name */
	struct fig_tb	 head;
	struct pg_run	 fruns[1];	/* fail point text */
	struct fig_tb	 fail;
	struct pg_run	 rruns[3];	/* recovery: label, separator, text */
	struct fig_tb	 rec;
	struct fig_label cell[PG_LANE_N];	/* content lanes */
};

/* A part: steps first .. first+count-1. */
struct part {
	const struct pg_blueprint *b;
	size_t		 first, count;
	struct step	*st;
	struct fig_label names[BP_ROWS];	/* row names; [0] unused */
	struct fig_label badge;		/* "F" */
	double		 lw, cw;	/* name column, step column */
	double		 rowh[BP_ROWS];	/* [0] header, [1 + lane], [BP_FAIL] */
	double		 total;
	int		 anyfail;
};

/* Steps per part at width w: as many 72 pt columns as fit, 1 to 6. */
static size_t
chunk_of(double w)
{
	double lw = w * 0.16 > 90 ? 90 : w * 0.16;
	double n = (w - lw) / BP_MIN_COL;

	if (!(n >= 1))
		return 1;
	return n > BP_MAX_STEPS ? BP_MAX_STEPS : (size_t)n;
}

/* The text of a step in a content lane (NULL if none). */
static const char *
lane_text(const struct pg_step *s, int lane)
{
	switch (lane) {
	case PG_LANE_EVIDENCE: return s->evidence.s;
	case PG_LANE_CUSTOMER: return s->customer.s;
	case PG_LANE_FRONTSTAGE: return s->frontstage.s;
	case PG_LANE_BACKSTAGE: return s->backstage.s;
	case PG_LANE_SUPPORT: return s->support.s;
	default: return NULL;
	}
}

static int
is_line(int lane)
{
	return lane == PG_LANE_INTERACTION || lane == PG_LANE_VISIBILITY;
}

static void
part_free(struct part *pt)
{
	size_t i;
	int k;

	for (i = 0; pt->st != NULL && i < pt->count; i++) {
		fig_tb_free(&pt->st[i].head);
		fig_tb_free(&pt->st[i].fail);
		fig_tb_free(&pt->st[i].rec);
		for (k = 0; k < PG_LANE_N; k++)
			fig_tb_free(&pt->st[i].cell[k].t);
	}
	free(pt->st);
	for (k = 0; k < BP_ROWS; k++)
		fig_tb_free(&pt->names[k].t);
	fig_tb_free(&pt->badge.t);
}

/* Height of step i's fail-point text beside its badge. */
static double
fail_text_h(const struct fig *f, const struct step *st)
{
	double h = fig_tb_height(f, &st->fail);

	return h < BP_BADGE ? BP_BADGE : h;
}

/* Break step i's cell of row r; returns the cell's height (0: empty), -1
 * on failure. */
static double
measure_cell(struct fig *f, const struct pg_fig_labels *lb, struct part *pt,
    int r, size_t i)
{
	const struct pg_step *s = &pt->b->steps[pt->first + i];
	struct step *st = &pt->st[i];
	double cw = pt->cw - 2 * BP_PAD, ch;

	if (r == 0) {
		snprintf(st->num, sizeof(st->num), "%zu", pt->first + i + 1);
		st->hruns[0].text = st->num;
		st->hruns[0].style = PG_STYLE_STRONG;
		st->hruns[1].text = " ";
		st->hruns[1].style = 0;
		st->hruns[2].text = s->name != NULL ? s->name : "";
		st->hruns[2].style = PG_STYLE_STRONG;
		if (fig_tb_break(f, &st->head, st->hruns, 3, FIG_BODY_PT, 0, cw,
		    0) != 0)
			return -1;
		return fig_tb_height(f, &st->head) + 2 * BP_PAD;
	}
	if (r == BP_FAIL) {
		const struct pg_fail_point *fp = &s->fail_point;
		if (fp->line == 0)
			return 0;
		st->fruns[0].text = fp->text != NULL ? fp->text : "";
		st->fruns[0].style = 0;
		if (fig_tb_break(f, &st->fail, st->fruns, 1, FIG_SMALL_PT, 0,
		    cw - BP_BADGE - 2, 0) != 0)
			return -1;
		ch = fail_text_h(f, st);
		if (fp->recovery.s != NULL) {
			st->rruns[0].text = lb->recovery;
			st->rruns[0].style = PG_STYLE_STRONG;
			st->rruns[1].text = fig_sep_after(lb->recovery);
			st->rruns[1].style = 0;
			st->rruns[2].text = fp->recovery.s;
			st->rruns[2].style = 0;
			if (fig_tb_break(f, &st->rec, st->rruns, 3, FIG_SMALL_PT,
			    0, cw, 0) != 0)
				return -1;
			ch += 3 + fig_tb_height(f, &st->rec);
		}
		return ch + 2 * BP_PAD;
	}
	if (lane_text(s, r - 1) == NULL)
		return 0;
	if (fig_label_make(f, &st->cell[r - 1], lane_text(s, r - 1),
	    FIG_SMALL_PT, 0, cw, 0) != 0)
		return -1;
	return fig_tb_height(f, &st->cell[r - 1].t) + 2 * BP_PAD;
}

/* Break every text of the part and set the row heights; 0 or -1. */
static int
measure(struct fig *f, const struct pg_fig_labels *lb, struct part *pt)
{
	double ink = f->asc + f->desc;
	size_t i;
	int r;

	pt->lw = f->w * 0.16 > 90 ? 90 : f->w * 0.16;
	pt->cw = (f->w - pt->lw) / (double)pt->count;
	if ((pt->st = calloc(pt->count, sizeof(*pt->st))) == NULL) {
		f->err = 1;
		return -1;
	}
	for (i = 0; i < pt->count; i++)
		if (pt->b->steps[pt->first + i].fail_point.line != 0)
			pt->anyfail = 1;
	pt->total = 0;
	for (r = 0; r < BP_ROWS; r++) {
		int lane = r - 1;
		double rh = 0;

		if (r == BP_FAIL && !pt->anyfail)
			break;
		if (r > 0) {
			if (fig_label_make(f, &pt->names[r], r == BP_FAIL ?
			    lb->fail_point : lb->lanes[lane], is_line(lane) ?
			    FIG_MIN_PT : FIG_SMALL_PT, is_line(lane) ? fig_em(f) :
			    PG_STYLE_STRONG, pt->lw - 2 * BP_PAD, 0) != 0)
				return -1;
			rh = fig_tb_height(f, &pt->names[r].t) + 2 * BP_PAD;
		}
		if (!is_line(lane)) {
			for (i = 0; i < pt->count; i++) {
				double ch = measure_cell(f, lb, pt, r, i);
				if (ch < 0)
					return -1;
				if (ch > rh)
					rh = ch;
			}
			if (rh < ink * FIG_SMALL_PT + 2 * BP_PAD)
				rh = ink * FIG_SMALL_PT + 2 * BP_PAD;
		}
		pt->rowh[r] = rh;
		pt->total += rh;
	}
	return f->err ? -1 : 0;
}

/* Draw step i's cell of row r, the row starting at ry. */
static void
draw_cell(struct fig *f, const struct part *pt, int r, size_t i, double ry)
{
	const struct pg_step *s = &pt->b->steps[pt->first + i];
	const struct step *st = &pt->st[i];
	double cx0 = pt->lw + (double)i * pt->cw + BP_PAD;
	double cw = pt->cw - 2 * BP_PAD;

	if (r == 0) {
		fig_tb_draw(f, &st->head, cx0, ry + BP_PAD, cw, 0, C_TEXT);
	} else if (r == BP_FAIL) {
		if (s->fail_point.line == 0)
			return;
		fig_rect(f, cx0, ry + BP_PAD, BP_BADGE, BP_BADGE, &C_FAIL, NULL,
		    0, 0);
		fig_tb_draw(f, &pt->badge.t, cx0, ry + BP_PAD +
		    (BP_BADGE - (f->asc + f->desc) * FIG_MIN_PT) / 2, BP_BADGE,
		    0, C_WHITE);
		fig_tb_draw(f, &st->fail, cx0 + BP_BADGE + 2, ry + BP_PAD,
		    cw - BP_BADGE - 2, -1, C_FAIL);
		if (s->fail_point.recovery.s != NULL)
			fig_tb_draw(f, &st->rec, cx0, ry + BP_PAD +
			    fail_text_h(f, st) + 3, cw, -1, C_UP);
	} else if (lane_text(s, r - 1) != NULL) {
		fig_tb_draw(f, &st->cell[r - 1].t, cx0, ry + BP_PAD, cw, -1,
		    C_TEXT);
	}
}

/* The backgrounds: name column, header row, customer row, the frame. */
static void
draw_back(struct fig *f, const struct part *pt)
{
	double ry = 0;
	int r;

	fig_rect(f, 0, 0, pt->lw, pt->total, &C_LANE, NULL, 0, 0);
	fig_rect(f, pt->lw, 0, f->w - pt->lw, pt->rowh[0], &C_BPHEAD, NULL, 0, 0);
	for (r = 0; r < BP_ROWS; r++) {
		if (r == 1 + PG_LANE_CUSTOMER)
			fig_rect(f, pt->lw, ry, f->w - pt->lw, pt->rowh[r],
			    &C_CUSTOMER, NULL, 0, 0);
		ry += pt->rowh[r];
	}
	fig_rect(f, 0, 0, f->w, pt->total, NULL, &C_AXIS, 0.6, 0);
}

/* Row r from ry: its cells, its name, the grid lines. */
static void
draw_row(struct fig *f, const struct part *pt, int r, double ry)
{
	double rh = pt->rowh[r], w = f->w, cx;
	size_t i;

	if (is_line(r - 1)) {
		fig_tb_draw(f, &pt->names[r].t, BP_PAD, ry + BP_PAD,
		    pt->lw - 2 * BP_PAD, -1, C_MUTED);
		fig_line(f, 0, ry + rh, w, ry + rh, C_AXIS, 0.8, 1);
		return;
	}
	for (i = 0; i < pt->count; i++)
		draw_cell(f, pt, r, i, ry);
	if (r > 0)
		fig_tb_draw(f, &pt->names[r].t, BP_PAD, ry + BP_PAD,
		    pt->lw - 2 * BP_PAD, -1, r == BP_FAIL ? C_FAIL : C_TEXT);
	for (cx = pt->lw, i = 0; i <= pt->count; i++, cx += pt->cw)
		if (i > 0 && i < pt->count)
			fig_line(f, cx, ry, cx, ry + rh, C_GRID, 0.4, 0);
	if (r + 1 != 1 + PG_LANE_INTERACTION &&
	    r + 1 != 1 + PG_LANE_VISIBILITY &&
	    r + 1 < (pt->anyfail ? BP_ROWS : BP_FAIL))
		fig_line(f, 0, ry + rh, w, ry + rh, C_GRID, 0.4, 0);
}

static void
draw(struct fig *f, const struct part *pt)
{
	double ry = 0;
	int r;

	draw_back(f, pt);
	for (r = 0; r < BP_ROWS; r++) {
		if (r == BP_FAIL && !pt->anyfail)
			break;
		draw_row(f, pt, r, ry);
		ry += pt->rowh[r];
	}
}

int
fig_blueprint_layout(struct fig *f, const struct pg_fig_in *in, double maxh,
    struct pg_fig_out *out)
{
	struct part pt;
	size_t left, min = in->min ? in->min : 1;
	int rc = -1;

	memset(&pt, 0, sizeof(pt));
	pt.b = &in->p->strategy.blueprint;
	if (pt.b->line == 0 || in->first >= pt.b->nsteps)
		return 0;
	left = pt.b->nsteps - in->first;
	pt.first = in->first;
	pt.count = chunk_of(f->w);
	if (pt.count > left)
		pt.count = left;
	if (measure(f, in->lb, &pt) != 0 ||
	    fig_label_make(f, &pt.badge, "F", FIG_MIN_PT, PG_STYLE_STRONG, 1e6,
	    1) != 0)
		goto done;
	out->want = pt.total;
	if (pt.total > maxh || (pt.count < min && pt.count < left)) {
		out->unfit = left;
	} else {
		f->h = out->h = pt.total;
		draw(f, &pt);
		out->placed = pt.count;
		out->unfit = left - pt.count;
	}
	rc = 0;
done:
	part_free(&pt);
	return rc;
}
