/*
 * figplace.c — placing figures in the flow: each figure is laid out once
 * (pg_fig_layout) for the room it is offered — a chart's share of a page,
 * the room left on this page, or a whole page — and its group of boxes is
 * placed where the flow is; what does not fit goes on the next page or,
 * when a figure cannot be drawn at all, the section gives tables instead.
 * See compose_int.h.
 *
 * Every figure gets a numbered caption under it ("Figure 3. Budget by
 * category", "图 3　预算分配"), laid out with it (its room is kept out of
 * what the figure is offered) and listed in the contents' list of figures
 * (cover.c).  Nothing is asked of a figure's author: fig_lay() and
 * fig_place() below do it for every kind, the caption's title being the
 * template's label "fig.NAME" (NAME from pg_fig_name) or, for a kind the
 * template has no label for, the heading the figure stands under.  A split
 * figure is numbered once; its later parts say "(continued)".
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

#define CP_DECK_MAP_K	1.6	/* a map's scale on a slide, at most: the
				   figures' 7 pt least type at 11.2 pt */

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

/* ---- captions and the list of figures --------------------------------- */

/* The caption style: the caption size, left, muted. */
static struct pg_tstyle
cap_style(const struct rs *r)
{
	struct pg_tstyle ts = r->caption;

	ts.align = PG_ALIGN_LEFT;
	ts.leading = ts.size * (r->zh ? 1.5 : 1.35);
	return ts;
}

/* "Figure 3. text" / "图 3　text" (text NULL or "": the number alone). */
static const char *
cap_text(struct rs *r, int num, const char *text, int cont)
{
	const char *t = text != NULL && *text != '\0' ? text : "";

	if (r->zh)
		return cp_sfmt(r, "%s %d%s%s%s", cp_label(r, "fig.prefix"), num,
		    *t ? "　" : "", t, cont ? cp_label(r, "fig.continued") : "");
	return cp_sfmt(r, "%s %d%s%s%s", cp_label(r, "fig.prefix"), num,
	    *t ? ". " : "", t, cont ? cp_label(r, "fig.continued") : "");
}

double
cp_caption_h(struct rs *r, const char *text)
{
	struct pg_tstyle ts = cap_style(r);
	double y = cp_draw_wrapped(r, 0, 0, 0, r->tw, cap_text(r, r->nfig + 1,
	    text, 0), 0, ts.size, ts.leading, ts.color, PG_ALIGN_LEFT, 1);

	return y + ts.size * 0.5;
}

/* Record a figure for the list of figures (r->figs). */
static void
fig_record(struct rs *r, const char *title, int page, double y)
{
	if (r->nfigs == r->capfigs) {
		size_t		 nc = r->capfigs ? r->capfigs * 2 : 16;
		struct cp_figent *nv = cp_palloc(r, nc * sizeof(*nv));
		if (nv == NULL)
			return;
		if (r->nfigs)
			memcpy(nv, r->figs, r->nfigs * sizeof(*nv));
		r->figs = nv;
		r->capfigs = nc;
	}
	{
		/* one line of the contents: long captions are shortened */
		char buf[512];
		r->figs[r->nfigs].title = cp_sfmt(r, "%s", pg_text_clip(title,
		    r->zh ? 34 : 64, buf, sizeof(buf)));
	}
	r->figs[r->nfigs].page = page;
	r->figs[r->nfigs].y = y;
	r->nfigs++;
}

/* Draw the caption of the next figure (or, cont, the current one's
 * continuation) at (x, y) top-left, w wide; returns its height.  The list
 * of figures links to the caption (its line reads as the entry does). */
static double
caption_at(struct rs *r, int page, double x, double y, double w,
    const char *text, unsigned long line, int cont)
{
	struct pg_tstyle ts = cap_style(r);
	const char	*s;
	int		 el, was = r->f->cur;
	double		 y1;

	if (!cont)
		r->nfig++;
	s = cap_text(r, r->nfig, text, cont);
	if (text != NULL)
		cp_chk(r, text, line);
	if ((el = pg_frames_begin(r->f, PG_ROLE_CAPTION)) == -1) {
		r->oom = 1;
		return 0;
	}
	/* the first baseline a little under the figure */
	y1 = cp_draw_wrapped(r, page, x, y + ts.size * 1.25, w, s, 0, ts.size,
	    ts.leading, ts.color, PG_ALIGN_LEFT, 0);
	(void)el;
	pg_frames_enter(r->f, was);
	if (!cont)
		fig_record(r, cap_text(r, r->nfig, text, 0), page, y);
	return y1 - y;
}

void
cp_caption_draw(struct rs *r, int page, double x, double y, double w,
    const char *text, unsigned long line)
{
	caption_at(r, page, x, y, w, text, line, 0);
}

/* The caption title of figure kind: the figure's own caption (a v2
 * positioning map's <caption>), else the template's "fig.NAME", else the
 * heading the figure stands under. */
static const char *
fig_title(struct rs *r, enum pg_fig_kind kind)
{
	const char *name = pg_fig_name(kind), *key, *l;

	if (r->fig_caption != NULL && *r->fig_caption != '\0')
		return r->fig_caption;
	if (name != NULL) {
		key = cp_sfmt(r, "fig.%s", name);
		l = cp_label(r, key);
		if (l != NULL && strcmp(l, key) != 0)
			return l;
	}
	return r->last_heading;
}

/* compose_int.h */
void
cp_fig_colors(const struct pg_template *t, struct pg_fig_colors *c)
{
	int	i;

	memset(c, 0, sizeof(*c));
	c->primary = t->c_primary;
	c->accent = t->c_accent;
	for (i = 0; i < t->npalette && i < PG_FIG_SERIES_MAX; i++)
		c->series[c->nseries++] = t->palette[i];
}

/* Lay out figure kind from item `first` for the text width and at most
 * maxh pt (its caption's room left out) into *o; 0, or -1 (r->oom set,
 * *o empty). */
static int
fig_lay(struct rs *r, enum pg_fig_kind kind, size_t first, size_t min,
    double maxh, struct pg_fig_out *o)
{
	struct pg_fig_in in;
	struct pg_fig_colors col;

	cp_fig_colors(r->t, &col);
	maxh -= cp_caption_h(r, fig_title(r, kind));
	if (maxh < 1)
		maxh = 1;
	in.p = r->p;
	in.fs = r->fs;
	in.lb = &r->fl;
	in.lang = r->lang;
	in.first = first;
	in.min = min;
	in.colors = &col;
	if (pg_fig_layout(kind, &in, r->tw / cp_fig_scale(r),
	    maxh / cp_fig_scale(r), o) != 0) {
		r->oom = 1;
		return -1;
	}
	cp_fig_out_scale(o, cp_fig_scale(r));	/* a deck's larger type */
	return 0;
}

/* Reserve o->h pt in the flow (on a new page if it does not fit this one)
 * and put the figure's boxes there, as a Figure (items [first, first +
 * o->placed) of a split figure) with its alternate text. */
static void
fig_place(struct rs *r, enum pg_fig_kind kind, size_t first,
    const struct pg_fig_out *o)
{
	int	 page, was = r->f->cur, el;
	double	 x, y, w, caph;
	const char *title = fig_title(r, kind);

	size_t	 i;

	caph = cp_caption_h(r, title);
	if ((el = pg_frames_begin(r->f, PG_ROLE_FIGURE)) == -1 ||
	    pg_frames_set_alt(r->f, el, cp_fig_alt(r, kind, first,
	    o->placed)) != 0 ||
	    pg_layout_block(r->l, o->h + caph, &page, &x, &y, &w) != 0 ||
	    pg_group_place(&o->g, r->f, page, x, y) != 0) {
		r->oom = 1;
		pg_frames_enter(r->f, was);
		return;
	}
	pg_frames_enter(r->f, was);
	caption_at(r, page, x, y + o->h, w, title, 0, first > 0);
	r->fig_dropped += o->dropped;
	/* what the figure drew whole is placed (and checked for glyphs) */
	for (i = 0; i < o->ntexts; i++)
		cp_placed(r, o->texts[i]);
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
	/* version 2 */
	r->fl.journey[0] = cp_label(r, "journey.touchpoints");
	r->fl.journey[1] = cp_label(r, "journey.feeling");
	r->fl.journey[2] = cp_label(r, "journey.pains");
	r->fl.journey[3] = cp_label(r, "journey.opportunities");
	for (i = 0; i < 5; i++)
		r->fl.servqual[i] = cp_label(r, cp_sfmt(r, "servqual.%s",
		    pg_servqual_names[i]));
	r->fl.expected = cp_label(r, "col.expected");
	r->fl.perceived = cp_label(r, "col.perceived");
	r->fl.gap = cp_label(r, "col.gap");
}


/* ---- charts: laid out ahead, placed in the flow ------------------------ */

void
cp_fig_begin(struct rs *r, enum pg_fig_kind kind, struct cp_fig *c)
{
	/* a map needs room for its names; a chart's bars are fixed */
	double	 share = kind == PG_FIG_POSMAP ? 0.62 : 0.28;

	if (r->t->kind == PG_TKIND_DECK)	/* a slide is the figure's */
		share = 0.8;

	memset(c, 0, sizeof(*c));
	c->kind = kind;
	/* a deck: a map's names take room from its plot at the slide's
	 * scale, so its type stays near the deck's least and the plot grows */
	if (kind == PG_FIG_POSMAP && cp_fig_scale(r) > CP_DECK_MAP_K)
		r->fig_k = CP_DECK_MAP_K;
	if (!r->fig || r->oom ||
	    fig_lay(r, kind, 0, 0, body_h(r) * share, &c->o) != 0)
		return;
	if ((c->o.placed == 0 && c->o.unfit > 0) || c->o.dropped > 0) {
		/* too big for a chart's share of a page: it may take a page */
		pg_fig_out_free(&c->o);
		if (fig_lay(r, kind, 0, 0, body_h(r), &c->o) != 0)
			return;
	}
	/* a deck: too big for a slide at the deck's scale, smaller, down to
	 * the report's (until cp_fig_end) */
	while (((c->o.placed == 0 && c->o.unfit > 0) || c->o.dropped > 0) &&
	    cp_fig_scale(r) > 1) {
		r->fig_k = cp_fig_scale(r) * 0.85 > 1 ? cp_fig_scale(r) * 0.85 : 1;
		pg_fig_out_free(&c->o);
		if (fig_lay(r, kind, 0, 0, body_h(r), &c->o) != 0)
			return;
	}
	c->on = c->o.placed > 0;
}

double
cp_fig_want(struct rs *r, const struct cp_fig *c, double frac)
{
	return c->o.want > body_h(r) * frac ? body_h(r) * frac : c->o.want;
}

double
cp_fig_h(struct rs *r, const struct cp_fig *c)
{
	if (!c->on)
		return 0;
	/* cp_fig_end may draw it at CP_FIG_SHRINK of its height; the space under
	 * it may fall at the page foot */
	return r->t->size_body * 0.8 + c->o.h * CP_FIG_SHRINK + cp_caption_h(r,
	    fig_title(r, c->kind)) + 1;
}

void
cp_keep_with(struct rs *r, double with, double without)
{
	cp_keep_room(r, with < body_h(r) ? with : without);
}

void
cp_fig_end(struct rs *r, struct cp_fig *c)
{
	struct pg_fig_out	 o2;
	double			 room, caph;

	if (c->on && !r->oom) {
		cp_lcheck(r, pg_layout_space(r->l, r->t->size_body * 0.8));
		/* a chart may shrink to CP_FIG_SHRINK to stay on this page */
		room = r->t->page_h - r->t->margin_bottom - pg_layout_y(r->l) - 1;
		caph = cp_caption_h(r, fig_title(r, c->kind));
		if (c->o.h + caph > room && room >= c->o.h * CP_FIG_SHRINK + caph &&
		    fig_lay(r, c->kind, 0, 0, room, &o2) == 0) {
			if (o2.placed > 0 && o2.dropped <= c->o.dropped) {
				pg_fig_out_free(&c->o);
				c->o = o2;
			} else
				pg_fig_out_free(&o2);
		}
		fig_place(r, c->kind, 0, &c->o);
		cp_lcheck(r, pg_layout_space(r->l, r->t->size_body));
	}
	pg_fig_out_free(&c->o);
	c->on = 0;
	r->fig_k = 0;	/* the deck's scale again */
}

void
cp_fig_chart(struct rs *r, enum pg_fig_kind kind)
{
	struct cp_fig c;

	cp_fig_begin(r, kind, &c);
	cp_fig_end(r, &c);
}

/* ---- the SWOT grid, the timeline, split figures ------------------------ */

int
cp_fig_swot(struct rs *r)
{
	struct pg_fig_out o;

	if (!r->fig || fig_lay(r, PG_FIG_SWOT, 0, 0, body_h(r) * 0.9, &o) != 0)
		return -1;
	if (o.placed == 0) {
		pg_fig_out_free(&o);
		return -1;
	}
	fig_place(r, PG_FIG_SWOT, 0, &o);
	pg_fig_out_free(&o);
	return 0;
}

void
cp_fig_timeline(struct rs *r)
{
	size_t			 n = r->p->actions.n, i, k, *ord;
	struct pg_fig_out	 o;
	double			 room;

	if (!r->fig || n == 0)
		return;
	/* the items: the actions, then the dated milestones */
	if (pg_fig_timeline_order(r->p, &ord, &n) != 0) {
		r->oom = 1;
		return;
	}
	free(ord);
	/* rows that would not fit a page: one row per category instead */
	if (fig_lay(r, PG_FIG_TIMELINE, 0, 0, body_h(r), &o) != 0)
		return;
	k = o.unfit;
	pg_fig_out_free(&o);
	if (k > 0) {
		cp_fig_chart(r, PG_FIG_TIMELINE_CAT);
		return;
	}
	cp_lcheck(r, pg_layout_space(r->l, r->t->size_body * 0.5));
	for (i = 0; i < n && !r->oom; i += k) {
		/* the room left, if it takes three rows or all that are left;
		 * else a new page */
		room = r->t->page_h - r->t->margin_bottom - pg_layout_y(r->l) - 2;
		if (fig_lay(r, PG_FIG_TIMELINE, i, 3, room, &o) != 0)
			return;
		if (o.placed == 0) {
			pg_fig_out_free(&o);
			cp_lcheck(r, pg_layout_new_page(r->l));
			if (fig_lay(r, PG_FIG_TIMELINE, i, 1, body_h(r) - 2,
			    &o) != 0)
				return;
			if (o.placed == 0) {
				pg_fig_out_free(&o);
				return;
			}
		}
		k = o.placed;
		fig_place(r, PG_FIG_TIMELINE, i, &o);
		pg_fig_out_free(&o);
	}
	cp_lcheck(r, pg_layout_space(r->l, r->t->size_body));
}

void
cp_fig_parts_begin(struct rs *r, enum pg_fig_kind kind, struct cp_figparts *fp)
{
	struct pg_fig_out	 o, *v;
	size_t			 i = 0;

	memset(fp, 0, sizeof(*fp));
	fp->kind = kind;
	if (!r->fig)
		return;
	fp->ok = 1;
	do {
		if (fig_lay(r, kind, i, 0, body_h(r), &o) != 0) {
			fp->ok = 0;
			return;
		}
		if (fp->n == 0)
			fp->want = o.want;
		if (o.placed == 0) {
			/* nothing at all, or a part taller than a page */
			fp->ok = fp->n > 0 && o.unfit == 0;
			pg_fig_out_free(&o);
			return;
		}
		if ((v = realloc(fp->v, (fp->n + 1) * sizeof(*v))) == NULL) {
			pg_fig_out_free(&o);
			fp->ok = 0;
			r->oom = 1;
			return;
		}
		fp->v = v;
		fp->v[fp->n++] = o;
		i += o.placed;
	} while (o.unfit > 0);
}

int
cp_fig_parts_end(struct rs *r, struct cp_figparts *fp)
{
	int	 rc = fp->ok ? 0 : -1;
	size_t	 i, first = 0;

	for (i = 0; i < fp->n; i++) {
		if (fp->ok && !r->oom) {
			fig_place(r, fp->kind, first, &fp->v[i]);
			first += fp->v[i].placed;
			cp_lcheck(r, pg_layout_space(r->l,
			    r->t->size_body * 0.6));
		}
		pg_fig_out_free(&fp->v[i]);
	}
	free(fp->v);
	memset(fp, 0, sizeof(*fp));
	return rc;
}
