/*
 * timeline_int.h — private to the two timelines (gantt.c: one row per
 * action; timeline.c: one row per category): the time axis they share,
 * its header (years, quarters, months), the quarter bands and the
 * milestone lines.  Not for use outside src/figures.
 */
#ifndef PG_TIMELINE_INT_H
#define PG_TIMELINE_INT_H

#include "figures/figure_int.h"

#define TL_PT		FIG_SMALL_PT
#define TL_ROW_PAD	4.0

/* Days since 1970-01-01 of a civil date (proleptic Gregorian). */
long	tl_days(struct pg_date d);

/* The geometry of a part. */
struct tl_axis {
	long	d0, d1;		/* the time axis, days [d0, d1) */
	double	span;
	double	lw;		/* label column */
	double	ax, aw;		/* the time area */
	double	hh, ink7;	/* header height, a 7 pt line's ink */
	double	qtop;		/* top of the quarter row (bands start there) */
	int	quarters;	/* 1: quarter labels and bands are drawn */
	int	qshort;		/* 1: quarters labelled "Q1" (the labels' own
				   names do not fit) */
};

/*
 * The axis of the plan p for a figure f->w wide with a label column lw
 * wide: the plan period, else the span of the actions' dates, else a
 * year; whether quarters fit.  Returns -1 if the width leaves no room
 * for the time area, else 0.
 */
int	tl_axis_of(const struct fig *f, const struct pg_plan *p,
	    const struct pg_fig_labels *lb, double lw, struct tl_axis *a);

/* x of day d. */
double	tl_dx(const struct tl_axis *a, long d);

/*
 * Draw the header (years, quarters, months) and the grid down to y = bot:
 * quarter bands first (call it before the rows), tick lines.  The frame of
 * the time area is drawn by tl_frame, after the rows.
 */
void	tl_header(struct fig *f, const struct pg_fig_labels *lb,
	    const struct tl_axis *a, double bot);

/* The x of a milestone on day d (the middle of the day), kept inside
 * the time area for a marker `size` pt wide. */
double	tl_ms_x(const struct tl_axis *a, long d, double size);

/* The frame of the time area from the header down to bot. */
void	tl_frame(struct fig *f, const struct tl_axis *a, double bot);

/* A dashed line at each dated milestone of p inside the axis, from the
 * header down to bot (drawn over the bars). */
void	tl_milestone_lines(struct fig *f, const struct pg_plan *p,
	    const struct tl_axis *a, double bot);

#endif
