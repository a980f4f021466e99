/*
 * figure.h — the figures of the rendered plan (SWOT grid, sales chart,
 * budget by category, action timeline, positioning map, service
 * blueprint), each laid out once into a group of boxes (layout.h) for the
 * room it is offered.  Money and numbers are written by base/fmt.h.
 *
 * Figures read the plan model (model.h) and measure and wrap text only
 * through the fontset and the layout engine's public breaker (font.h,
 * layout.h); they know nothing of XML, PDF or pages.
 *
 * One interface for every figure:
 *   struct pg_fig_in in = { plan, fonts, labels, lang, first, min };
 *   struct pg_fig_out out;
 *   pg_fig_layout(PG_FIG_TIMELINE, &in, w, room, &out);
 *   -> out.g: the boxes, relative to the figure's top-left; out.h: the
 *      height they take; out.placed items placed, out.unfit items that did
 *      not fit (continue with in.first += out.placed on the next page, or
 *      fall back to tables); pg_group_place(&out.g, frames, page, x, y);
 *   pg_fig_out_free(&out);
 * Guarantees (tested in tests/unit/test_figure.c): every box lies inside
 * (0, 0)-(w, out.h), no two text boxes overlap, no text is smaller than
 * 7 pt, and what does not fit is reported in out.unfit, never drawn
 * outside nor dropped silently.
 *
 * Include: compose, tests.
 */
#ifndef PG_FIGURE_H
#define PG_FIGURE_H

#include <stddef.h>
#include <stdint.h>

#include "base/fmt.h"
#include "layout/font.h"
#include "layout/frame.h"
#include "layout/layout.h"
#include "model/model.h"

/* Blueprint rows, top to bottom. */
enum pg_lane {
	PG_LANE_EVIDENCE, PG_LANE_CUSTOMER, PG_LANE_INTERACTION,
	PG_LANE_FRONTSTAGE, PG_LANE_VISIBILITY, PG_LANE_BACKSTAGE,
	PG_LANE_SUPPORT, PG_LANE_N
};

/*
 * Every word a figure prints that does not come from the plan.  All
 * strings are UTF-8 and must be non-NULL; the struct only points to
 * them (the caller keeps them alive while drawing).  No field is a
 * format string.
 */
struct pg_fig_labels {
	const char	*swot[4];	/* quadrant headers, pg_swot_kind order */
	const char	*none;		/* an empty SWOT quadrant: "(none)" */
	const char	*actual;	/* sales legend: actual years */
	const char	*plan;		/* sales legend: planned years */
	const char	*contingency;	/* budget: the contingency bar */
	const char	*other;		/* budget: categories beyond the cap */
	const char	*total;		/* budget: the total line */
	const char	*months[12];	/* timeline month ticks: "Jan", "1月" */
	const char	*year_suffix;	/* after a year on the timeline: "", "年" */
	const char	*categories[PG_CAT_N];	/* timeline legend, pg_category order */
	const char	*competitor;	/* map legend */
	const char	*own_current;	/* map: own position now (legend, dot) */
	const char	*own_target;	/* map: own target position */
	const char	*lanes[PG_LANE_N];	/* blueprint row names */
	const char	*fail_point;	/* blueprint: row name for fail points */
	const char	*recovery;	/* blueprint: before the recovery text */
	/* version 2 */
	const char	*journey[4];	/* journey rows: touchpoints, feeling,
					   pains, opportunities */
	const char	*servqual[5];	/* dimension names, pg_servqual order */
	const char	*expected;	/* SERVQUAL legend: expected score */
	const char	*perceived;	/* SERVQUAL legend: perceived score */
	const char	*gap;		/* SERVQUAL: the gap column's head */
	/* the timeline (issue 9) */
	const char	*quarters[4];	/* quarter labels: "Q1", "第一季度" */
	const char	*milestones;	/* the group of the plan's milestones */
};

/*
 * Fill *l with the built-in labels of a language: Chinese for a lang
 * starting with "zh", English otherwise (NULL too).  The strings are
 * static.  Never fails.
 */
void	pg_fig_labels_default(struct pg_fig_labels *l, const char *lang);

/* ---- money ------------------------------------------------------------- */

/* pg_fmt_money(), pg_fmt_money_flags(): base/fmt.h. */

/* ---- figures ----------------------------------------------------------- */

/*
 * The figures.  Whole figures (SWOT, sales, budget, map) count as one item
 * in pg_fig_out.placed/unfit: they are placed whole or not at all.  Split
 * figures count rows (timeline) or steps (blueprint).
 *
 * PG_FIG_SWOT — SWOT as a 2x2 grid (Strengths | Weaknesses / Opportunities
 *   | Threats): coloured headers, items as bulleted lists "id text".  Each
 *   row of the grid is as high as its taller cell.  A grid taller than
 *   maxh places nothing (the caller then gives the SWOT as tables).
 * PG_FIG_SALES — sales trajectory (summary/sales/year): one bar per year;
 *   planned years (@plan="true") lighter and hatched with their own legend
 *   entry; value labels over the bars, the growth rate between consecutive
 *   years under the year labels, the unit (@unit) over the y axis, nice
 *   ticks.  Labels that would collide (very many years) are left out by
 *   design.  Height: w / 2 within 170..260 pt, or maxh if that is less
 *   (the chart shrinks; under about 70 pt it does not fit).
 * PG_FIG_BUDGET — budget by category: budget lines summed per @category,
 *   horizontal bars sorted by amount (largest first; ties in document
 *   order), each labelled with pg_fmt_money and its share of the total;
 *   the contingency as its own bar after them; a total line.  At most
 *   PG_FIG_BUDGET_MAX categories: the rest are summed into one "other"
 *   bar.  If the bars and the total line do not all fit in maxh, nothing
 *   is placed.
 * PG_FIG_TIMELINE — action timeline (Gantt), split over pages.  Its items
 *   are the actions grouped by category (categories in the order they
 *   first appear, actions in document order within one), then the dated
 *   milestones of <controls> by date (pg_fig_timeline_order).  Each group
 *   opens with a band naming it (the category's colour swatch and name;
 *   repeated at the top of a part that starts inside the group).  An
 *   action row: "id title" wrapped in the label column (never cut: the
 *   column is as wide as the longest label, at most 38 % of w, and a row
 *   takes as many lines as its label needs), a bar from start to end
 *   (inclusive) in its category's colour (categories take the palette's
 *   colours in the order they first appear).  A milestone row: its text,
 *   a diamond at its date; every milestone inside the axis also draws a
 *   dashed line down the part.  The axis: year labels, quarter labels over
 *   alternating quarter bands (when a quarter's label fits), month ticks
 *   and labels over the plan period (or over the actions' dates if the
 *   period is absent or invalid).  Bars outside the period are clipped to
 *   it and show a white chevron at the cut end.  With a valid period every
 *   part has the same time axis and label column, so parts on successive
 *   pages line up.  A layout places as many items from in->first as fit
 *   in maxh.
 * PG_FIG_TIMELINE_CAT — the timeline of a plan whose action rows would
 *   not fit a page: one row per category (its name and number of
 *   actions), a strip of the actions under way each month over the
 *   period; whole or nothing.
 * PG_FIG_POSMAP — positioning map: a square plot of x/y 0..100 with its
 *   axis names on lines of their own (y over the plot, x under it, never
 *   broken) and its end labels around it, quadrant lines at 50,
 *   competitors as dots with their names (or @label), the own current and
 *   target positions marked distinctly with an arrow between them, a
 *   legend.  Each dot's name goes to the nearest free place (overlapping
 *   no name, dot or the arrow; crossing a midline or leaving the plot
 *   counts as farther), with a leader line when it is not beside its dot;
 *   a name that finds no place at 7 pt is counted in out.dropped (the
 *   caller offers more room).  The plot (at most 300 pt) shrinks to maxh;
 *   under a 40 pt plot the map does not fit.
 * PG_FIG_BLUEPRINT — service blueprint swimlane, split over pages: one
 *   column per step (numbered across parts), rows evidence, customer, line
 *   of interaction, frontstage, line of visibility, backstage, support
 *   (the two lines dashed, with their names), and a fail-point row (red
 *   "F" badge, the text, then the recovery) when a step of the part has a
 *   fail point.  A layout places the next part of up to 6 steps (as many
 *   as columns of 72 pt fit in w beside the row names, at least 1), or
 *   nothing if that part is taller than maxh.
 * PG_FIG_JOURNEY — customer journey map of the plan's first journey (v2):
 *   its stages across as headers; rows (named on the left) of touchpoints,
 *   the feeling curve (a line through the stages' scores, -2..+2, with
 *   each stage's feeling text under it), pains and opportunities; rows no
 *   stage fills are left out.  Texts are wrapped, never cut: a map whose
 *   stage columns would be narrower than 58 pt, or taller than maxh,
 *   places nothing (unfit 1) and the caller gives a table.
 * PG_FIG_SERVQUAL — SERVQUAL gap chart (v2): per dimension with a score, a
 *   bar of the expected and one of the perceived score on a 1..7 scale,
 *   with their values, and the gap (perceived - expected; negative in red)
 *   in a column of its own; a legend.  Under a 60 pt scale or over maxh
 *   it does not fit.
 * PG_FIG_GOALTREE — goal tree (format version 2): top goals at the roots,
 *   subgoals below their parent, indented a step per level and joined by
 *   tree lines (trunk, branches, leaves); each node shows id and
 *   statement (cut with "…" to its column: the goals table holds them
 *   whole) and its metrics' targets in a column of their own.  Whole;
 *   nothing to draw unless some goal has a parent; unfit when taller than
 *   maxh, deeper than the width allows or over 80 goals.
 * PG_FIG_PHASING — budget phasing (format version 2): budget/line/phase
 *   amounts summed per period (months when every phase is a month, else
 *   quarters), one bar per period in period order, its amount over it
 *   (budget/@display applied) and the period under it.  Whole: when a
 *   label would not fit its slot (too many periods), nothing is placed
 *   (unfit) and the caller gives a table.  Height w * 0.4 within
 *   150..220 pt, shrinking to maxh.
 */
#define PG_FIG_BUDGET_MAX	12

enum pg_fig_kind {
	PG_FIG_SWOT, PG_FIG_SALES, PG_FIG_BUDGET, PG_FIG_TIMELINE,
	PG_FIG_POSMAP, PG_FIG_BLUEPRINT,
	PG_FIG_JOURNEY, PG_FIG_SERVQUAL,	/* version 2 */
	PG_FIG_PHASING,		/* v2 budget phasing (phasing.c) */
	PG_FIG_GOALTREE,	/* v2 goal tree (goaltree.c) */
	PG_FIG_TIMELINE_CAT,	/* the timeline by category (timeline.c) */
	PG_FIG_NKINDS
};

/* What a figure is drawn from.  Everything it points to must stay alive
 * during pg_fig_layout (the group keeps its own copies of text). */
/* Most series colours a figure takes from a template's palette. */
#define PG_FIG_SERIES_MAX	16

/*
 * The colours of a report template the figures draw with (template.h):
 * primary for bars, headers and the first series (lighter tints of it for
 * planned years, the other series and backgrounds), accent for the plan's
 * own position and the journey curve, and the palette's series colours
 * for categories (timeline) and the SWOT quadrants (its first four).
 * Colours that mean something (growth up green, down red, pains, fail
 * points) stay as they are.
 */
struct pg_fig_colors {
	struct pg_color	 primary, accent;
	struct pg_color	 series[PG_FIG_SERIES_MAX];
	size_t		 nseries;	/* 0: the built-in category colours */
};

struct pg_fig_in {
	const struct pg_plan		*p;
	const struct pg_fontset		*fs;
	const struct pg_fig_labels	*lb;
	const char			*lang;	/* NULL: "en" */
	size_t				 first;	/* items already placed (split
						 * figures); whole figures have
						 * nothing left unless 0 */
	size_t				 min;	/* split figures: place nothing
						 * unless min items fit or all
						 * that are left do (0 = 1) */
	const struct pg_fig_colors	*colors; /* NULL: the built-in colours */
};

/* A laid-out figure. */
struct pg_fig_out {
	struct pg_group	 g;		/* boxes relative to the figure's top-left */
	double		 w, h;		/* extent of the boxes: w as offered, h <= maxh
					 * (0 when nothing was placed) */
	double		 want;		/* the height this layout would take if maxh
					 * were unlimited (0: nothing to draw) */
	size_t		 placed;	/* items placed, from in->first */
	size_t		 unfit;		/* items left that did not fit: the caller
					 * continues at first + placed or falls back */
	size_t		 clipped;	/* boxes the edge check left out: 0 unless a
					 * figure has a bug (the tests check it) */
	size_t		 dropped;	/* items placed without their text (a map
					 * marker whose name found no free place):
					 * 0 unless the room offered was too small */
	const char	**texts;	/* the address of every text the placed
					 * items show whole (not cut with "…"),
					 * e.g. a model string; a text may repeat */
	size_t		 ntexts;
};

/*
 * Lay out figure `kind` for a rectangle w pt wide and at most maxh pt
 * high, into *out (which need not be initialised; free it with
 * pg_fig_out_free, also after a failure).  Items are counted from
 * in->first.  placed == 0 && unfit == 0: the plan has nothing to draw (or
 * nothing is left).  placed == 0 && unfit > 0: not even the smallest part
 * fits maxh (nothing is placed, out->h is 0).  A figure never places a
 * box outside (0, 0)-(w, out->h).  Returns 0, or -1 if memory ran out
 * (out is then empty); also -1 for an unknown kind or a NULL in, in->p,
 * in->fs or in->lb.
 */
int	pg_fig_layout(enum pg_fig_kind kind, const struct pg_fig_in *in,
	    double w, double maxh, struct pg_fig_out *out);

/*
 * The items of the timeline (PG_FIG_TIMELINE) in the order they are
 * drawn: *idx gets a malloc'ed array of *n entries (the caller frees it),
 * an entry i < p->actions.n is action i, an entry p->actions.n + j is
 * milestone j of p->controls (only dated milestones are items).  Linear in
 * the number of actions (milestones sorted by date).  0, or -1 if memory
 * ran out (*idx NULL, *n 0).
 */
int	pg_fig_timeline_order(const struct pg_plan *p, size_t **idx, size_t *n);

/* Free out's boxes; out is then empty.  Safe on a zeroed out. */
void	pg_fig_out_free(struct pg_fig_out *out);

/* The figure's name ("swot", "sales", "budget", "timeline", "posmap",
 * "blueprint"), or NULL for an unknown kind. */
const char *pg_fig_name(enum pg_fig_kind kind);

/* 1 if the figure can be split over pages (in->first > 0 is meaningful),
 * 0 if it is placed whole or not at all; 0 for an unknown kind. */
int	pg_fig_splits(enum pg_fig_kind kind);

#endif
