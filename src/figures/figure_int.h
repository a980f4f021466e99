/*
 * figure_int.h — private to src/figures: the drawing context every figure
 * lays itself out into (struct fig) and its primitives (draw.c), and each
 * figure's layout function, which the figure
 * table (figure.c) maps from enum pg_fig_kind.  Not for use outside
 * src/figures.
 *
 * Design invariants of every figure:
 *  1. Coordinates are relative to the figure's top-left corner.  A figure
 *     first decides its height (f->h), then draws; every box goes through
 *     fig_put(), which leaves out (and counts in f->clipped) anything that
 *     would leave (0, 0)-(f->w, f->h), so nothing is ever drawn outside,
 *     and with a correctly decided height nothing is left out.
 *  2. Text is measured and broken only by the layout engine's breaker
 *     (pg_breaker_*); a drawn line is exactly the segments it returned, so
 *     measuring and drawing agree.  A text box's extent is
 *     [y - asc*size, y + desc*size], the fontset's largest ascender and
 *     descender.  Text is broken once and drawn from the stored lines.
 *  3. Optional labels (chart values, growth rates, map names) are placed
 *     through an occupancy list: a label that would overlap text or a dot
 *     already placed is moved (map) or left out (charts), by design.
 *  4. No text smaller than FIG_MIN_PT.
 *  5. Money labels use integer minor units only (pg_fmt_money); doubles
 *     serve geometry (bar lengths) and nothing that is printed as money.
 */
#ifndef PG_FIGURE_INT_H
#define PG_FIGURE_INT_H

#include <stddef.h>

#include "figures/figure.h"
#include "layout/layout.h"

#define FIG_MIN_PT	7.0
#define FIG_BODY_PT	8.0
#define FIG_SMALL_PT	7.5
#define FIG_EPS		0.01

/* Colours more than one figure uses (draw.c). */
extern const struct pg_color pg_figc_text, pg_figc_muted, pg_figc_grid,
    pg_figc_axis, pg_figc_white, pg_figc_up;
#define C_TEXT	pg_figc_text
#define C_MUTED	pg_figc_muted
#define C_GRID	pg_figc_grid
#define C_AXIS	pg_figc_axis
#define C_WHITE	pg_figc_white
#define C_UP	pg_figc_up
/* The template's colours (struct fig_colors): these need a struct fig *f
 * in scope. */
#define C_BAR		(f->col.bar)
#define C_LANE		(f->col.lane)
#define C_BAR_PLAN	(f->col.bar_plan)
#define C_OTHER		(f->col.other)
#define C_EXPECTED	(f->col.expected)
#define C_PERCEIVED	(f->col.perceived)
#define C_CURVE		(f->col.curve)
#define C_OWN		(f->col.own)
#define C_COMP		(f->col.comp)
#define C_NODE		(f->col.node)
#define C_ROOT		(f->col.root)
#define C_SWOT		(f->col.swot)
#define C_SWOT_BG	(f->col.swot_bg)
#define C_CAT		(f->col.cat)
#define C_BPHEAD	(f->col.head_light)
#define C_CUSTOMER	(f->col.customer)
#define C_JHEAD		(f->col.head)
#define C_JBAND		(f->col.lane)

/* The colours a figure draws with, from the template (pg_fig_colors) or
 * built in (fig_colors_init). */
struct fig_colors {
	struct pg_color	 bar, bar_plan, other, lane, expected, perceived,
			 curve, own, comp, node, root, head, head_light,
			 customer;
	struct pg_color	 swot[4], swot_bg[4];
	struct pg_color	 cat[PG_CAT_N];
	struct pg_color	 series[PG_FIG_SERIES_MAX];	/* the template's palette */
	size_t		 nseries;
};

/* ---- the drawing context (draw.c) -------------------------------------- */

struct frect {
	double	x0, y0, x1, y1;
};

struct fig {
	struct pg_group		*g;		/* where the boxes go */
	const struct pg_fontset	*fs;
	const char		*lang;		/* never NULL */
	double			 w, h;		/* the rectangle (0, 0)-(w, h) */
	double			 asc, desc;	/* em fractions, largest of the set */
	int			 err;		/* memory ran out */
	size_t			 clipped;	/* boxes fig_put left out */
	struct frect		*occ;		/* placed labels and dots */
	size_t			 nocc, capocc;
	struct pg_breaker	 brk;		/* line-break storage, reused */
	const char		**src;		/* texts drawn whole (fig_tb_draw) */
	size_t			 nsrc, capsrc;
	struct fig_colors	 col;		/* fig_colors_init */
};

/* f->col from the template's colours c (NULL: the built-in ones). */
void	fig_colors_init(struct fig *f, const struct pg_fig_colors *c);

/* With a template's palette, give the categories p's actions use the
 * palette's colours in the order they first appear, so that no two used
 * categories share a colour while the palette lasts (timeline). */
void	fig_colors_by_use(struct fig *f, const struct pg_plan *p);

/* c mixed with white: t 0 is c, 1 is white. */
struct pg_color fig_tint(struct pg_color c, double t);

/* A diamond (a square turned 45°) centred on (x, y), `size` pt from
 * corner to corner, filled with c and edged in white. */
void	fig_diamond(struct fig *f, double x, double y, double size,
	    struct pg_color c);

/* Text colour that reads on a fill: white on a dark one, C_TEXT on a
 * light one (relative luminance). */
struct pg_color fig_text_on(struct pg_color fill);

/* Start drawing into g, a rectangle w wide and h high.  Never fails. */
void	fig_init(struct fig *f, struct pg_group *g, const struct pg_fontset *fs,
	    const char *lang, double w, double h);

/* Release f's scratch storage; 0, or -1 if memory ran out while drawing. */
int	fig_done(struct fig *f);

/* Emphasis for secondary labels: italic, except in Chinese (no slanted
 * Han characters). */
unsigned fig_em(const struct fig *f);

/* The separator after a label: none after full-width punctuation
 * ("补救："), which carries its own space; else " ". */
const char *fig_sep_after(const char *label);

/* Baseline-to-baseline distance for text of `size` pt. */
double	fig_lead(const struct fig *f, double size);

/* Add a copy of *b if it lies inside the rectangle (invariant 1); else
 * count it in f->clipped.  Sets f->err if memory runs out. */
void	fig_put(struct fig *f, const struct pg_box *b);

/*
 * A rectangle filled with *fill and/or stroked with *stroke (lw wide,
 * the stroke kept inside (x, y, w, h)), plus PG_BOXF_* extra flags.
 * Nothing for an empty rectangle.
 */
void	fig_rect(struct fig *f, double x, double y, double w, double h,
	    const struct pg_color *fill, const struct pg_color *stroke, double lw,
	    unsigned extra);

/* A line from (x0, y0) to (x1, y1), lw wide, dashed if dash. */
void	fig_line(struct fig *f, double x0, double y0, double x1, double y1,
	    struct pg_color c, double lw, int dash);

/* Occupancy (invariant 3): 1 if r is inside the rectangle and overlaps
 * nothing recorded; fig_occ_add records r (f->err if memory runs out). */
int	fig_occ_free(const struct fig *f, struct frect r);
void	fig_occ_add(struct fig *f, struct frect r);

/* ---- text blocks (draw.c) ---------------------------------------------- */

/*
 * A block of text broken into lines, at most `maxlines` of them; when the
 * text needed more, the last line ends with "…".  It points to its runs,
 * which must outlive it.
 */
struct fig_tb {
	struct pg_lines	 l;
	const struct pg_run *runs;
	size_t		 nruns;
	double		 size;
	unsigned	 style;
	size_t		 n;		/* lines shown */
	int		 ell;		/* last shown line gets "…" */
	double		 ellw;
	double		 width;		/* widest shown line, pt (with "…") */
};

/* Break runs into at most maxlines (0: any number of) lines of width w.
 * 0, or -1 (f->err set).  Free t with fig_tb_free in either case. */
int	fig_tb_break(struct fig *f, struct fig_tb *t, const struct pg_run *runs,
	    size_t nruns, double size, unsigned style, double w,
	    size_t maxlines);
void	fig_tb_free(struct fig_tb *t);

/* Height of the shown lines' ink, first ascender to last descender. */
double	fig_tb_height(const struct fig *f, const struct fig_tb *t);

/*
 * Draw the shown lines of t with the top of the first line's ink at
 * `top`, each line aligned in the column [x, x+w] (align: -1 left,
 * 0 centre, 1 right).
 */
void	fig_tb_draw(struct fig *f, const struct fig_tb *t, double x, double top,
	    double w, int align, struct pg_color c);
/* (fig_tb_draw also records the address of each run's text in f->src
 * when the block is shown whole, not cut with "…": what pg_fig_out.texts
 * reports.) */

/* The rectangle a text block occupies when drawn at (x, top) in column w. */
struct frect fig_tb_rect(const struct fig *f, const struct fig_tb *t, double x,
	    double top, double w, int align);

/* A one-run text block of string s (NULL: ""); the label holds the run,
 * so it must not move while t is in use. */
struct fig_label {
	struct pg_run	 run;
	struct fig_tb	 t;
};

/* Break s in a one-run block (see fig_tb_break).  0 or -1. */
int	fig_label_make(struct fig *f, struct fig_label *lb, const char *s,
	    double size, unsigned style, double w, size_t maxlines);

/*
 * Place a one-line label of s centred (align 0), left- (-1) or right- (1)
 * aligned in [x, x+w] with its ink top at `top`, only if it fits the
 * column and collides with nothing placed.  Returns 1 if drawn.
 */
int	fig_label_try(struct fig *f, const char *s, double size, unsigned style,
	    double x, double top, double w, int align, struct pg_color c);

/*
 * Like fig_label_try, for labels that must appear: wrapped into at most
 * maxlines lines of the column and cut with "…" rather than left out when
 * they are too long; left out only if the place is taken.  bottom != 0:
 * `top` is where the block's last line ends (the block grows upwards).
 * Returns 1 if drawn.
 */
int	fig_label_fit(struct fig *f, const char *s, double size, unsigned style,
	    double x, double top, double w, int align, struct pg_color c,
	    size_t maxlines, int bottom);

/* Natural one-line width of s; 0 on failure (f->err set). */
double	fig_text_w(struct fig *f, const char *s, double size, unsigned style);

/* ---- the figures: one layout function each (see figure.h) -------------- */

/*
 * Lay out the figure into f (f->w is the offered width, f->h is maxh
 * until the figure decides its height) from in->first: set out->want,
 * ->placed, ->unfit and ->h (<= maxh), and draw the placed items into
 * f->g.  Placing nothing is reported with out->placed == 0 (the caller
 * then drops what was drawn).  Returns 0, or -1 if memory ran out (or
 * sets f->err).
 */
typedef int fig_layout_fn(struct fig *f, const struct pg_fig_in *in,
    double maxh, struct pg_fig_out *out);

fig_layout_fn fig_swot_layout;		/* swot.c */
fig_layout_fn fig_sales_layout;		/* sales.c */
fig_layout_fn fig_budget_layout;	/* budget.c */
fig_layout_fn fig_timeline_layout;	/* gantt.c */
fig_layout_fn fig_posmap_layout;	/* posmap.c */
fig_layout_fn fig_blueprint_layout;	/* blueprint.c */
fig_layout_fn fig_journey_layout;	/* journey.c */
fig_layout_fn fig_servqual_layout;	/* servqual.c */
fig_layout_fn fig_timeline_cat_layout;	/* timeline.c: by category */
fig_layout_fn fig_phasing_layout;	/* phasing.c (v2) */
fig_layout_fn fig_goaltree_layout;	/* goaltree.c (v2) */

#endif
