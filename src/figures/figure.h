/*
 * figure.h — the figures of the rendered plan (SWOT grid, sales chart,
 * budget by category, action timeline, positioning map, service
 * blueprint), drawn as boxes (frame.h) into a rectangle that the layout
 * engine reserves (pg_layout_block), plus the money formatter that the
 * figures and the renderer share.
 *
 * Figures read the plan model (model.h) and measure and wrap text only
 * through the fontset and pg_break (font.h, layout.h); they know nothing
 * of XML or PDF.
 *
 * Every figure is a pair of functions:
 *   double pg_fig_X_height(fonts, plan, labels, lang, [first, count,] w)
 *       the height in pt the figure needs at width w; 0 if the plan has
 *       nothing to draw (the caller then leaves the figure out); -1 if
 *       memory ran out.
 *   int pg_fig_X(frames, fonts, page, x, y, w, h, plan, labels, lang
 *       [, first, count])
 *       draws into the rectangle (x, y) top-left, w wide, h high on the
 *       existing page `page`.  Returns 0, or -1 if memory ran out (boxes
 *       drawn so far stay).
 * Guarantees (tested in tests/unit/test_figure.c): every box lies inside
 * the rectangle, no two text boxes overlap, no text is smaller than 7 pt.
 * Charts (sales, budget, map) stretch to the given h; the text figures
 * (SWOT, timeline, blueprint) need h >= their _height: what does not fit
 * in a smaller h is left out rather than drawn outside.
 *
 * Long figures are paginated by the caller: the timeline and the
 * blueprint take a range of rows/steps (first, count).  A typical loop:
 *   for (i = 0; i < n; i += k) {
 *       k = pg_fig_timeline_fit(fonts, i, n, room_left_on_page);
 *       h = pg_fig_timeline_height(fonts, plan, labels, lang, i, k, w);
 *       pg_layout_block(l, h, &page, &x, &y, &w);
 *       pg_fig_timeline(frames, fonts, page, x, y, w, h, plan, labels,
 *           lang, i, k);
 *   }
 *
 * Include: render, tests.
 */
#ifndef PG_FIGURE_H
#define PG_FIGURE_H

#include <stddef.h>
#include <stdint.h>

#include "layout/font.h"
#include "layout/frame.h"
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
	const char	*categories[12];	/* timeline legend, pg_category order */
	const char	*competitor;	/* map legend */
	const char	*own_current;	/* map: own position now (legend, dot) */
	const char	*own_target;	/* map: own target position */
	const char	*lanes[PG_LANE_N];	/* blueprint row names */
	const char	*fail_point;	/* blueprint: row name for fail points */
	const char	*recovery;	/* blueprint: before the recovery text */
};

/*
 * Fill *l with the built-in labels of a language: Chinese for a lang
 * starting with "zh", English otherwise (NULL too).  The strings are
 * static.  Never fails.
 */
void	pg_fig_labels_default(struct pg_fig_labels *l, const char *lang);

/* ---- money ------------------------------------------------------------- */

/*
 * Format exact money (integer minor units, 1/100 of the currency unit)
 * for display, into buf of size n.
 *
 * Decision: a currency symbol for the common currencies (CNY "¥",
 * USD "$", EUR "€", GBP "£", JPY "JP¥", HKD "HK$"), otherwise the ISO
 * code and a space ("CHF 350,000"); NULL currency means "CNY" (the
 * spec's default).  The integer part is grouped by three with ","; the
 * fraction is shown only when it is not zero, always with two digits.
 * The minus sign comes first: "-¥1,234.50".  The same for every lang
 * (Chinese financial writing uses the same grouping); lang is accepted
 * for future use.  Examples: 35000000 → "¥350,000", 199950 →
 * "¥1,999.50", INT64_MAX → "¥92,233,720,368,547,758.07".
 * Only integer arithmetic: every int64 value is exact.
 *
 * flags PG_MONEY_CENTS: always two fraction digits ("¥350,000.00", for
 * aligned table columns); PG_MONEY_CODE: the ISO code even where a
 * symbol exists ("CNY 350,000").  pg_fmt_money is pg_fmt_money_flags
 * with flags 0.
 *
 * Returns buf, or NULL if n is too small (buf is then "" if n > 0).
 * PG_MONEY_BUFSZ always suffices for a currency code of up to 16 bytes.
 */
enum { PG_MONEY_CENTS = 1, PG_MONEY_CODE = 2 };
#define PG_MONEY_BUFSZ	64

char	*pg_fmt_money(int64_t minor, const char *currency, const char *lang,
	    char *buf, size_t n);
char	*pg_fmt_money_flags(int64_t minor, const char *currency,
	    const char *lang, unsigned flags, char *buf, size_t n);

/* ---- figures ----------------------------------------------------------- */

/*
 * SWOT as a 2×2 grid (Strengths | Weaknesses / Opportunities | Threats):
 * coloured headers, items as bulleted lists "id text" wrapped with
 * pg_break.  Each row of the grid is as high as its taller cell.
 * Height 0 if the plan has no SWOT items.  The grid is not split across
 * pages: a grid taller than the page body should be rendered as lists
 * instead (the caller compares the height with its page).
 */
double	pg_fig_swot_height(const struct pg_fontset *, const struct pg_plan *,
	    const struct pg_fig_labels *, const char *lang, double w);
int	pg_fig_swot(struct pg_frames *, const struct pg_fontset *, int page,
	    double x, double y, double w, double h, const struct pg_plan *,
	    const struct pg_fig_labels *, const char *lang);

/*
 * Sales trajectory (summary/sales/year): one bar per year; planned years
 * (@plan="true") are lighter and hatched and have their own legend entry;
 * value labels over the bars, the growth rate between consecutive years
 * under the year labels, the unit (@unit) over the y axis, nice ticks.
 * Labels that would collide (very many years) are left out.  Height 0 if
 * there is no <sales>.
 */
double	pg_fig_sales_height(const struct pg_fontset *, const struct pg_plan *,
	    const struct pg_fig_labels *, const char *lang, double w);
int	pg_fig_sales(struct pg_frames *, const struct pg_fontset *, int page,
	    double x, double y, double w, double h, const struct pg_plan *,
	    const struct pg_fig_labels *, const char *lang);

/*
 * Budget by category: budget lines summed per @category, horizontal bars
 * sorted by amount (largest first; ties in document order), each labelled
 * with pg_fmt_money and its share of the total; the contingency as its own
 * bar in another colour after them; a total line.  At most
 * PG_FIG_BUDGET_MAX categories are drawn: the rest are summed into one
 * "other" bar.  Height 0 if there are no budget lines and no contingency.
 */
#define PG_FIG_BUDGET_MAX	12
double	pg_fig_budget_height(const struct pg_fontset *, const struct pg_plan *,
	    const struct pg_fig_labels *, const char *lang, double w);
int	pg_fig_budget(struct pg_frames *, const struct pg_fontset *, int page,
	    double x, double y, double w, double h, const struct pg_plan *,
	    const struct pg_fig_labels *, const char *lang);

/*
 * Action timeline (Gantt) of actions first .. first+count-1 (clamped to
 * the plan's actions): one row per action ("id title", cut with "…" to
 * the label column), a bar from start to end (inclusive) coloured by
 * category (a legend of the categories in the chunk at its foot), month
 * ticks and year labels over the plan period (or over the chunk's dates
 * if the period is absent or invalid).  Bars outside the period are
 * clipped to it and show a white chevron at the cut end.  With a valid
 * period every chunk has the same time axis, so chunks on successive
 * pages line up.  Thousands of actions: paginate with
 * pg_fig_timeline_fit.  Height 0 if the range is empty.
 */
double	pg_fig_timeline_height(const struct pg_fontset *,
	    const struct pg_plan *, const struct pg_fig_labels *,
	    const char *lang, size_t first, size_t count, double w);
int	pg_fig_timeline(struct pg_frames *, const struct pg_fontset *, int page,
	    double x, double y, double w, double h, const struct pg_plan *,
	    const struct pg_fig_labels *, const char *lang, size_t first,
	    size_t count);
/*
 * How many rows of a timeline chunk fit in height h (the rows all have
 * the same height): between 0 and `left`.  0 means not even the header
 * and one row fit (start a new page and ask again).
 */
size_t	pg_fig_timeline_fit(const struct pg_fontset *, double h, size_t left);

/*
 * Positioning map: a square plot of x/y 0..100 with the axis names and
 * the end labels (x-low, x-high, y-low, y-high) around it, quadrant lines
 * at 50, competitors as dots with their names (or @label), the own
 * current and target positions marked distinctly with an arrow from
 * current to target, a legend.  Dot labels are nudged so that they
 * overlap neither each other nor the dots; a label that finds no free
 * place is left out.  Height 0 if there is no positioning map.
 */
double	pg_fig_posmap_height(const struct pg_fontset *, const struct pg_plan *,
	    const struct pg_fig_labels *, const char *lang, double w);
int	pg_fig_posmap(struct pg_frames *, const struct pg_fontset *, int page,
	    double x, double y, double w, double h, const struct pg_plan *,
	    const struct pg_fig_labels *, const char *lang);

/*
 * Service blueprint swimlane of steps first .. first+count-1: one column
 * per step (numbered, in order), rows evidence, customer, line of
 * interaction, frontstage, line of visibility, backstage, support (the
 * two lines dashed, with their names), and a fail-point row (red "F"
 * badge, the text, then the recovery) when a step of the chunk has a fail
 * point.  Many steps: split into chunks of at most
 * pg_fig_blueprint_chunk(w) steps.  Height 0 if the range is empty.
 */
size_t	pg_fig_blueprint_chunk(double w);
double	pg_fig_blueprint_height(const struct pg_fontset *,
	    const struct pg_plan *, const struct pg_fig_labels *,
	    const char *lang, size_t first, size_t count, double w);
int	pg_fig_blueprint(struct pg_frames *, const struct pg_fontset *,
	    int page, double x, double y, double w, double h,
	    const struct pg_plan *, const struct pg_fig_labels *,
	    const char *lang, size_t first, size_t count);

#endif
