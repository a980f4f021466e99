/*
 * figplace.c — placing figures in the flow: the room left on the page,
 * keeping a figure with its caption, splitting long figures into parts.
 * See compose_int.h.
 */
#include "config.h"

#include <assert.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/utf8.h"
#include "compose/compose_int.h"

/* ---- figures ----------------------------------------------------------- */

/* Height of the text area of a page, pt. */
static double
body_h(const struct rs *r)
{
	return r->t->page_h - r->t->margin_top - r->t->margin_bottom;
}

/* Start a new page unless h pt still fit on this one. */
void
cp_keep_room(struct rs *r, double h)
{
	if (pg_layout_y(r->l) + h > r->t->page_h - r->t->margin_bottom &&
	    h < body_h(r))
		cp_lcheck(r, pg_layout_new_page(r->l));
}

/* Height of the first blueprint chunk (0 without figures). */
double
cp_blueprint_h(struct rs *r)
{
	const struct pg_blueprint *bp = &r->p->strategy.blueprint;
	size_t chunk = pg_fig_blueprint_chunk(r->tw);

	if (!r->fig || chunk == 0)
		return 0;
	return pg_fig_blueprint_height(r->fs, r->p, &r->fl, r->lang, 0,
	    bp->nsteps < chunk ? bp->nsteps : chunk, r->tw);
}

double
cp_posmap_h(struct rs *r)
{
	double h;

	if (!r->fig)
		return 0;
	h = pg_fig_posmap_height(r->fs, r->p, &r->fl, r->lang, r->tw);
	return h > body_h(r) * 0.6 ? body_h(r) * 0.6 : h;
}


/* Reserve h pt (at most 60% of a page) and draw a chart into it. */
void
cp_chart(struct rs *r, double h, fig_draw_fn draw)
{
	int	 page;
	double	 x, y, w;

	if (h <= 0 || r->oom)
		return;
	if (h > body_h(r) * 0.28)
		h = body_h(r) * 0.28;
	cp_lcheck(r, pg_layout_space(r->l, r->t->size_body * 0.8));
	{
		/* a chart may shrink by up to a quarter to stay on this page */
		double room = r->t->page_h - r->t->margin_bottom -
		    pg_layout_y(r->l) - 1;
		if (h > room && room >= h * 0.75)
			h = room;
	}
	if (pg_layout_block(r->l, h, &page, &x, &y, &w) != 0) {
		r->oom = 1;
		return;
	}
	if (draw(r->f, r->fs, page, x, y, w, h, r->p, &r->fl, r->lang) != 0)
		r->oom = 1;
	cp_lcheck(r, pg_layout_space(r->l, r->t->size_body));
}

void
cp_fig_labels(struct rs *r)
{
	static const char *const swot[4] = { "swot.strength", "swot.weakness",
		"swot.opportunity", "swot.threat" };
	static const char *const lanes[PG_LANE_N] = { "blueprint.evidence",
		"blueprint.customer", "blueprint.interaction",
		"blueprint.frontstage", "blueprint.visibility",
		"blueprint.backstage", "blueprint.support" };
	int	i;

	pg_fig_labels_default(&r->fl, r->lang);
	for (i = 0; i < 4; i++)
		r->fl.swot[i] = cp_label(r, swot[i]);
	for (i = 0; i < PG_LANE_N; i++)
		r->fl.lanes[i] = cp_label(r, lanes[i]);
	r->fl.fail_point = cp_label(r, "blueprint.fail-point");
	r->fl.recovery = cp_label(r, "blueprint.recovery");
	r->fl.contingency = cp_label(r, "budget.contingency");
	r->fl.total = cp_label(r, "budget.total");
	r->fl.own_current = cp_label(r, "own.current");
	r->fl.own_target = cp_label(r, "own.target");
	r->fl.competitor = cp_label(r, "col.competitor");
}


/* A chart of the plan (sales, budget, positioning map) where the section's
 * figures are on. */
void
cp_fig_chart(struct rs *r, fig_height_fn height, fig_draw_fn draw)
{
	if (r->fig)
		cp_chart(r, height(r->fs, r->p, &r->fl, r->lang, r->tw), draw);
}

/* The SWOT grid; 0 if drawn, -1 if the caller must use tables. */
int
cp_fig_swot(struct rs *r)
{
	double	h, x, y, w;
	int	page;

	if (!r->fig)
		return -1;
	h = pg_fig_swot_height(r->fs, r->p, &r->fl, r->lang, r->tw);
	if (h <= 0 || h > body_h(r) * 0.9)
		return -1;
	if (pg_layout_block(r->l, h, &page, &x, &y, &w) != 0 ||
	    pg_fig_swot(r->f, r->fs, page, x, y, w, h, r->p, &r->fl, r->lang) != 0)
		r->oom = 1;
	return 0;
}

void
cp_fig_timeline(struct rs *r)
{
	size_t	n = r->p->actions.n, i, k;
	double	h, x, y, w, room;
	int	page;

	if (!r->fig || n == 0)
		return;
	cp_lcheck(r, pg_layout_space(r->l, r->t->size_body * 0.5));
	for (i = 0; i < n && !r->oom; i += k) {
		room = r->t->page_h - r->t->margin_bottom - pg_layout_y(r->l) - 2;
		k = pg_fig_timeline_fit(r->fs, room, n - i);
		if (k == 0 || (k < 3 && n - i > k)) {
			cp_lcheck(r, pg_layout_new_page(r->l));
			room = body_h(r) - 2;
			k = pg_fig_timeline_fit(r->fs, room, n - i);
			if (k == 0)
				return;
		}
		h = pg_fig_timeline_height(r->fs, r->p, &r->fl, r->lang, i, k,
		    r->tw);
		if (h <= 0)
			return;
		if (pg_layout_block(r->l, h, &page, &x, &y, &w) != 0 ||
		    pg_fig_timeline(r->f, r->fs, page, x, y, w, h, r->p, &r->fl,
		    r->lang, i, k) != 0)
			r->oom = 1;
	}
	cp_lcheck(r, pg_layout_space(r->l, r->t->size_body));
}

/* The blueprint swimlane; 0 if drawn, -1 if the caller must use tables. */
int
cp_fig_blueprint(struct rs *r)
{
	const struct pg_blueprint *bp = &r->p->strategy.blueprint;
	size_t	chunk, i, k;
	double	h, x, y, w;
	int	page;

	if (!r->fig)
		return -1;
	chunk = pg_fig_blueprint_chunk(r->tw);
	if (chunk == 0)
		return -1;
	for (i = 0; i < bp->nsteps; i += chunk) {
		k = bp->nsteps - i < chunk ? bp->nsteps - i : chunk;
		h = pg_fig_blueprint_height(r->fs, r->p, &r->fl, r->lang, i, k,
		    r->tw);
		if (h <= 0 || h > body_h(r))
			return i == 0 ? -1 : 0;
	}
	for (i = 0; i < bp->nsteps && !r->oom; i += chunk) {
		k = bp->nsteps - i < chunk ? bp->nsteps - i : chunk;
		h = pg_fig_blueprint_height(r->fs, r->p, &r->fl, r->lang, i, k,
		    r->tw);
		if (pg_layout_block(r->l, h, &page, &x, &y, &w) != 0 ||
		    pg_fig_blueprint(r->f, r->fs, page, x, y, w, h, r->p, &r->fl,
		    r->lang, i, k) != 0)
			r->oom = 1;
		cp_lcheck(r, pg_layout_space(r->l, r->t->size_body * 0.6));
	}
	return 0;
}

