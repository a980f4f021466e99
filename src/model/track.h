/*
 * track.h — plan format version 2: exact decimals and the tracking facts
 * derived from the model (../shared/spec/plan-format.md, "Tracking the
 * plan during the year"): the straight line of a metric, the status of a
 * KPI, a metric or an action at an as-of date, the periods of budget
 * phases.  Pure functions of the model; no printing, no allocation.
 * The review rules (review/rules_track.c), the JSON of `plangen check`
 * and the progress chapter (compose/progress.c) all judge with these, so
 * the document, the findings and the dashboards always agree.
 *
 * Include: anyone.
 */
#ifndef PG_TRACK_H
#define PG_TRACK_H

#include <stddef.h>
#include <stdint.h>

#include "model/model.h"

/* ---- exact decimals ----------------------------------------------------- */

/*
 * A decimal m / 10^scale, exact.  Holds every decimal the format's
 * decimal type allows with up to 18 significant digits; a longer one does
 * not parse (the callers then judge nothing rather than judge wrongly).
 */
struct pg_dec {
	int64_t	m;
	int	scale;		/* 0..18 */
};

/*
 * Parse "-?[0-9]+(\.[0-9]+)?" (surrounding spaces allowed).  Trailing
 * fraction zeros are dropped.  Returns 0, or -1 if malformed or too long
 * to hold exactly.
 */
int	pg_dec_parse(const char *s, struct pg_dec *out);

/* a + b into *out.  Returns 0, or -1 on overflow (out untouched). */
int	pg_dec_add(struct pg_dec a, struct pg_dec b, struct pg_dec *out);

/* a - b into *out.  Returns 0, or -1 on overflow (out untouched). */
int	pg_dec_sub(struct pg_dec a, struct pg_dec b, struct pg_dec *out);

/* Compare: sets *cmp to <0, 0, >0.  Returns 0, or -1 if the two cannot be
 * brought to one scale without overflow. */
int	pg_dec_cmp(struct pg_dec a, struct pg_dec b, int *cmp);

/* d as plain decimal text ("-12.5", no exponent, no grouping) in buf
 * (n >= 24 always suffices).  Returns buf. */
char	*pg_dec_format(struct pg_dec d, char *buf, size_t n);

/* ---- dates ---------------------------------------------------------------- */

/* Days since 0001-01-01 of a real date (proleptic Gregorian). */
long	pg_date_days(struct pg_date d);

/*
 * The tracking date of a check or render: `override` (--as-of) when set,
 * else the plan's meta/as-of; y 0 when neither (tracking rules then do not
 * run).
 */
struct pg_date pg_track_as_of(const struct pg_plan *p, struct pg_date override);

/* ---- status ------------------------------------------------------------- */

/* The status of a KPI or metric against its straight line. */
enum pg_track {
	PG_TRACK_NONE = 0,	/* not judged: no actual, no baseline, ... */
	PG_TRACK_ON,		/* on the line or on the right side of it */
	PG_TRACK_AT_RISK,	/* below the line by at most 10 % of the distance */
	PG_TRACK_OFF,		/* below by more than 10 % (kpi-off-track) */
};

/* "on-track", "at-risk", "off-track" ("" for NONE): the JSON words. */
extern const char *const pg_track_names[4];

/* The judgement of one metric (or the metric a KPI tracks) at a date. */
struct pg_track_eval {
	enum pg_track	 status;
	const struct pg_actual *latest;	/* latest actual on or before as-of */
	struct pg_dec	 expected;	/* the line's value there (rounded to 6 decimals; display only) */
	int		 has_expected;
};

/*
 * Judge metric m of goal g with the actuals acts[0..n) (a metric's own or
 * a KPI's) at as_of (absent: the latest actual of all counts).
 * The straight line runs from m's baseline at the plan period's start to
 * its target at g's due date (absent: the period's end), evaluated at the
 * latest actual's date (clamped to the line's ends).  "Below" is the wrong
 * side in the direction baseline -> target; more than 10 % of
 * |target - baseline| below is OFF, below at all AT_RISK, else ON.
 * Exact: the comparison is done in integers.  NONE when there is no
 * actual, no baseline or target, baseline == target, no start or end
 * date, end not after start, or a number too long to judge exactly.
 */
struct pg_track_eval pg_track_metric(const struct pg_plan *p,
	    const struct pg_goal *g, const struct pg_metric *m,
	    const struct pg_actual *acts, size_t n, struct pg_date as_of);

/*
 * The goal and metric KPI k tracks: the goal named by k->goal, and its
 * metric named k->metric, or its only metric when k->metric is absent.
 * Returns the metric (and sets *g) or NULL (a KPI with no such metric is
 * not judged).
 */
const struct pg_metric *pg_kpi_metric(const struct pg_plan *p,
	    const struct pg_kpi *k, const struct pg_goal **g);

/* How an action stands at a date. */
enum pg_act_track {
	PG_AT_PLANNED, PG_AT_IN_PROGRESS, PG_AT_DONE, PG_AT_CANCELLED,
	PG_AT_LATE,		/* not done or cancelled, end before as-of */
};

/* "planned", "in-progress", "done", "cancelled", "late": the JSON words. */
extern const char *const pg_act_track_names[5];

/* Action a at as_of (absent: never late). */
enum pg_act_track pg_track_action(const struct pg_action *a,
	    struct pg_date as_of);

/* 1 if the plan holds any actual (KPI or metric): it gets a progress chapter. */
int	pg_track_has_actuals(const struct pg_plan *p);

/*
 * Parse a phase period "YYYY-Qn" (q 1..4) or "YYYY-MM" (m 1..12): sets
 * *y and one of *q, *m (the other 0).  Returns 0, -1 if malformed.
 */
int	pg_period_parse(const char *s, int *y, int *q, int *m);

/* ---- budget phasing ------------------------------------------------------ */

/* The spending of one period: a quarter (q 1..4, m 0) or a month. */
struct pg_period_sum {
	int	 y, q, m;
	int64_t	 minor;		/* saturated at INT64_MAX on overflow */
};

/* The number of budget/line/phase elements of the plan. */
size_t	pg_budget_nphases(const struct pg_plan *p);

/*
 * The budget's phases summed per period, in period order, into out
 * (room for pg_budget_nphases() entries).  Months when every phase is a
 * month (*months = 1), else quarters (months go to their quarter).
 * Malformed periods are left out.  Returns the number of periods.
 * Quadratic in the number of periods (a year has at most 12).
 */
size_t	pg_budget_phasing(const struct pg_plan *p, struct pg_period_sum *out,
	    int *months);

#endif
