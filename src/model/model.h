/*
 * model.h — the plan model: C structs for every element of the plan format
 * (../shared/spec/plan-format.md, versions 1 and 2).
 *
 * Design invariants:
 *  1. The model knows nothing of XML or PDF.  plan_read.c builds it from a
 *     parsed document; rules, layout and rendering read only the model.
 *  2. Every node keeps the 1-based source line of its element (`line`);
 *     0 means "absent" for optional nodes.
 *  3. All memory (strings, arrays) lives in the plan's arena and is freed
 *     at once by pg_plan_free().  Strings are UTF-8, NUL-terminated, with
 *     XML white space normalised (runs collapsed to one space, trimmed; a
 *     line break between two CJK characters removed).  An absent optional
 *     text is NULL, never "".
 *  4. Money is exact: integer minor units (1/100 of the currency unit) in
 *     an int64_t, parsed with overflow checks; never binary floating point.
 *  5. Dates are real calendar dates; an absent date has y == 0.
 *  6. Other numbers keep their source text (for display) and a double
 *     (for charts and comparisons).
 *
 * Include: anyone.
 */
#ifndef PG_MODEL_H
#define PG_MODEL_H

#include <stddef.h>
#include <stdint.h>

#include "base/fmt.h"
#include "base/text.h"

/* ---- memory ------------------------------------------------------------ */

struct pg_arena;	/* opaque bump allocator, see model.c */

/* ---- scalar types ------------------------------------------------------ */

/* struct pg_date (a calendar date; y == 0: absent): base/fmt.h */

struct pg_money {
	int64_t	minor;		/* 1/100 units; 350000.00 -> 35000000 */
	int	set;		/* 0: attribute absent */
};

struct pg_num {
	const char *text;	/* as written (trimmed), NULL if absent */
	double	v;		/* its value; 0 if absent */
};

/* A text-only element (title, statement, point, ...). */
struct pg_text {
	const char	*s;	/* NULL if absent */
	unsigned long	 line;
};

/* A space-separated id list: goals="G1 G2". */
struct pg_refs {
	const char	**id;
	size_t		  n;
};

/* ---- prose ------------------------------------------------------------- */

/* struct pg_run and PG_STYLE_*: base/text.h (layout draws runs too) */

struct pg_para {		/* a paragraph or a list item */
	unsigned long	 line;
	struct pg_run	*runs;
	size_t		 nruns;
};

enum pg_block_kind { PG_BLOCK_P, PG_BLOCK_LIST,
	PG_BLOCK_TABLE, PG_BLOCK_IMAGE };	/* version 2 */

/* Version 2: a table in prose (<table>), its rows and cells. */
enum pg_cell_align { PG_CELL_LEFT, PG_CELL_RIGHT, PG_CELL_CENTER };

struct pg_tcell {
	unsigned long	 line;
	enum pg_cell_align align;
	unsigned	 span;		/* columns, >= 1 */
	struct pg_para	 para;		/* inline text (em, strong, fn, a) */
};

struct pg_trow {
	unsigned long	 line;
	int		 header;	/* @header="true" */
	struct pg_tcell	*cells;
	size_t		 ncells;
};

struct pg_ptable {
	const char	*id;		/* NULL if absent */
	struct pg_text	 caption;	/* s NULL if absent */
	struct pg_trow	*rows;
	size_t		 nrows;
	size_t		 ncols;		/* the widest row, spans counted */
};

/* Version 2: a picture in prose (<image>). */
struct pg_image {
	const char	*src;		/* as written, relative to the plan file */
	struct pg_num	 width;		/* percent of the text width; text NULL: 100 */
	struct pg_text	 caption;	/* s NULL if absent */
};

struct pg_block {
	enum pg_block_kind kind;
	unsigned long	 line;
	struct pg_para	 para;		/* PG_BLOCK_P */
	struct pg_para	*items;		/* PG_BLOCK_LIST */
	size_t		 nitems;
	struct pg_ptable *table;	/* PG_BLOCK_TABLE */
	struct pg_image	*image;		/* PG_BLOCK_IMAGE */
};

/* Prose: plain text becomes one paragraph of one run. */
struct pg_prose {
	unsigned long	 line;		/* 0: element absent */
	struct pg_block	*blocks;
	size_t		 nblocks;
};

/* ---- enumerations (0 is always "absent") -------------------------------- */

enum pg_confidentiality { PG_CONF_NONE, PG_CONF_PUBLIC, PG_CONF_INTERNAL,
	PG_CONF_CONFIDENTIAL, PG_CONF_SECRET };
enum pg_status { PG_STATUS_NONE, PG_STATUS_DRAFT, PG_STATUS_REVIEW,
	PG_STATUS_APPROVED };
enum pg_goal_type { PG_GOAL_NONE, PG_GOAL_STRATEGIC, PG_GOAL_QUANTITATIVE };
enum pg_swot_kind { PG_SWOT_STRENGTH, PG_SWOT_WEAKNESS, PG_SWOT_OPPORTUNITY,
	PG_SWOT_THREAT };
enum pg_own { PG_OWN_NONE, PG_OWN_CURRENT, PG_OWN_TARGET };
enum pg_category { PG_CAT_NONE, PG_CAT_SALES, PG_CAT_PROMOTION,
	PG_CAT_ADVERTISING, PG_CAT_PR, PG_CAT_TRAINING, PG_CAT_CHANNEL,
	PG_CAT_PRODUCT, PG_CAT_RESEARCH, PG_CAT_SERVICE, PG_CAT_DIGITAL,
	PG_CAT_OTHER, PG_CAT_EVENTS, PG_CAT_PARTNERSHIP, PG_CAT_CRM,	/* v2: the last 3 */
	PG_CAT_N };
enum pg_frequency { PG_FREQ_NONE, PG_FREQ_WEEKLY, PG_FREQ_MONTHLY,
	PG_FREQ_QUARTERLY, PG_FREQ_YEARLY, PG_FREQ_DAILY, PG_FREQ_BIWEEKLY,	/* v2: the last 2 */
	PG_FREQ_N };
enum pg_kpi_kind { PG_KIND_NONE, PG_KIND_ACTIVITY, PG_KIND_RESULT };	/* v2 */
enum pg_level { PG_LEVEL_NONE, PG_LEVEL_LOW, PG_LEVEL_MEDIUM, PG_LEVEL_HIGH };
enum pg_servqual { PG_SQ_RELIABILITY, PG_SQ_RESPONSIVENESS, PG_SQ_ASSURANCE,
	PG_SQ_EMPATHY, PG_SQ_TANGIBLES };
/* v2 action/@status */
enum pg_action_status { PG_ACT_PLANNED, PG_ACT_IN_PROGRESS, PG_ACT_DONE,
	PG_ACT_CANCELLED };
/* The 7 Ps, in the spec's order. */
enum pg_mix_p { PG_MIX_PRODUCT, PG_MIX_PRICE, PG_MIX_PLACE, PG_MIX_PROMOTION,
	PG_MIX_PEOPLE, PG_MIX_PROCESS, PG_MIX_PHYSICAL_EVIDENCE, PG_MIX_N };

/* ---- meta -------------------------------------------------------------- */

struct pg_meta {
	unsigned long	 line;
	struct pg_text	 title, subtitle, organization, author;
	struct pg_date	 date;
	unsigned long	 date_line;
	struct pg_date	 period_start, period_end;
	unsigned long	 period_line;
	enum pg_confidentiality confidentiality;
	enum pg_status	 status;
	struct pg_date	 as_of;		/* v2 meta/as-of; y 0: absent */
	unsigned long	 as_of_line;
};

/* ---- summary ----------------------------------------------------------- */

struct pg_sales_year {
	unsigned long	 line;
	const char	*label;
	struct pg_num	 value;
	int		 plan;		/* @plan="true" */
};

struct pg_summary {
	unsigned long	 line;
	struct pg_prose	 market_definition;
	unsigned long	 sales_line;	/* 0: no <sales> */
	const char	*sales_unit;	/* NULL if absent */
	struct pg_sales_year *years;
	size_t		 nyears;
	unsigned long	 key_points_line;
	struct pg_text	*key_points;
	size_t		 nkey_points;
	struct pg_prose	 overview;
};

/* ---- situation --------------------------------------------------------- */

struct pg_fact {
	unsigned long	 line;
	const char	*label, *value;
};

struct pg_segment {
	unsigned long	 line;
	const char	*id;		/* NULL if absent */
	const char	*name;
	struct pg_num	 share;		/* percent */
	struct pg_prose	 text;
};

struct pg_competitor {
	unsigned long	 line;
	const char	*id;
	const char	*name;
	struct pg_num	 share;		/* percent */
	struct pg_num	 sales;
	struct pg_prose	 text;
};

struct pg_position {
	unsigned long	 line;
	struct pg_num	 x, y;		/* 0..100 */
	const char	*competitor;	/* competitor id, or NULL */
	enum pg_own	 own;		/* or own="current|target" */
	const char	*label;		/* NULL if absent */
};

struct pg_posmap {
	unsigned long	 line;		/* 0: no positioning map */
	const char	*id;		/* v2, NULL if absent */
	struct pg_text	 caption;	/* v2, s NULL if absent */
	const char	*x, *y;		/* axis names */
	const char	*x_low, *x_high, *y_low, *y_high;
	struct pg_position *positions;
	size_t		 npositions;
};

struct pg_situation {
	unsigned long	 line;
	struct pg_prose	 market;
	struct pg_fact	*facts;
	size_t		 nfacts;
	unsigned long	 customers_line;
	struct pg_segment *segments;
	size_t		 nsegments;
	unsigned long	 competitors_line;
	struct pg_competitor *competitors;
	size_t		 ncompetitors;
	struct pg_prose	 performance;
	struct pg_prose	 events;
	struct pg_posmap posmap;	/* the first map (line 0: none) */
	struct pg_posmap *posmaps;	/* v2: every map, in document order */
	size_t		 nposmaps;	/* posmaps[0] is posmap */
	struct pg_journey *journeys;	/* v2: customer journey maps */
	size_t		 njourneys;
};

/* ---- customer journey (v2) ---------------------------------------------- */

struct pg_pain {
	unsigned long	 line;
	const char	*id;
	const char	*text;
};

struct pg_stage {
	unsigned long	 line;
	const char	*id;		/* NULL if absent */
	const char	*name;
	struct pg_text	*touchpoints;
	size_t		 ntouchpoints;
	struct pg_text	 feeling;	/* line 0: no <feeling>; s "" if empty */
	int		 score;		/* feeling/@score, -2..2 */
	int		 has_score;	/* 1: a valid score was read */
	struct pg_pain	*pains;
	size_t		 npains;
	struct pg_text	*opportunities;
	size_t		 nopportunities;
};

struct pg_journey {
	unsigned long	 line;
	const char	*id;		/* NULL if absent */
	const char	*persona;
	struct pg_stage	*stages;	/* in order */
	size_t		 nstages;
};

/* ---- SWOT -------------------------------------------------------------- */

struct pg_swot_item {
	unsigned long	 line;
	enum pg_swot_kind kind;
	const char	*id;
	const char	*text;
};

struct pg_swot {
	unsigned long	 line;
	struct pg_swot_item *items;	/* in document order */
	size_t		 nitems;
};

/* ---- goals ------------------------------------------------------------- */

/* v2 tracking: a measured value (kpi/actual, metric/actual). */
struct pg_actual {
	unsigned long	 line;
	struct pg_date	 date;
	struct pg_num	 value;		/* text NULL if absent or malformed */
	const char	*text;		/* its remark (text), NULL if none */
};

enum pg_rollup { PG_ROLLUP_NONE, PG_ROLLUP_SUM };

struct pg_metric {
	unsigned long	 line;		/* 0: no metric */
	const char	*name;
	struct pg_num	 baseline;	/* text NULL if absent */
	struct pg_num	 target;	/* text NULL if absent */
	const char	*unit;
	enum pg_rollup	 rollup;	/* v2 @rollup (default none) */
	struct pg_actual *actuals;	/* v2, document order */
	size_t		 nactuals;
};

struct pg_goal {
	unsigned long	 line;
	const char	*id;
	enum pg_goal_type type;
	const char	*parent;	/* goal id or NULL */
	const char	*owner;
	struct pg_date	 due;
	struct pg_refs	 addresses;	/* SWOT item ids */
	struct pg_text	 statement;
	struct pg_metric *metrics;	/* v1: 0..1, v2: 0..n, document order */
	size_t		 nmetrics;
	struct pg_prose	 note;
};

struct pg_goals {
	unsigned long	 line;
	struct pg_goal	*v;
	size_t		 n;
};

/* ---- strategy ---------------------------------------------------------- */

struct pg_dimension {
	unsigned long	 line;
	enum pg_servqual name;
	const char	*id;		/* v2, NULL if absent */
	struct pg_num	 expected;	/* v2 SERVQUAL score 1..7, text NULL if absent */
	struct pg_num	 perceived;	/* v2 SERVQUAL score 1..7, text NULL if absent */
	struct pg_prose	 text;
};

/* A feature-advantage-benefit row (v2); an empty element has s "" (absent: NULL). */
struct pg_fab_row {
	unsigned long	 line;
	struct pg_text	 feature, advantage, benefit;
};

struct pg_fail_point {
	unsigned long	 line;		/* 0: none */
	const char	*text;
	struct pg_text	 recovery;	/* s NULL if absent */
};

struct pg_step {
	unsigned long	 line;
	const char	*id;
	const char	*name;
	struct pg_text	 evidence, customer, frontstage, backstage, support;
	struct pg_fail_point fail_point;
};

struct pg_blueprint {
	unsigned long	 line;		/* 0: no blueprint */
	const char	*id;		/* v2, NULL if absent */
	const char	*service;
	struct pg_step	*steps;
	size_t		 nsteps;
};

struct pg_strategy {
	unsigned long	 line;
	struct pg_prose	 positioning, target_customers, target_competitors, core;
	unsigned long	 mix_line;	/* 0: no <mix> */
	struct pg_prose	 mix[PG_MIX_N];	/* .line 0: that P is absent */
	unsigned long	 quality_line;	/* 0: no <service-quality> */
	struct pg_dimension *dimensions;
	size_t		 ndimensions;
	struct pg_blueprint blueprint;	/* the first blueprint (line 0: none) */
	struct pg_blueprint *blueprints;	/* v2: every blueprint, in order */
	size_t		 nblueprints;	/* blueprints[0] is blueprint */
	unsigned long	 fab_line;	/* v2; 0: no <fab> */
	struct pg_fab_row *fab;
	size_t		 nfab;
};

/* ---- actions ----------------------------------------------------------- */

struct pg_action {
	unsigned long	 line;
	const char	*id;
	struct pg_refs	 goals;
	const char	*owner;
	struct pg_date	 start, end;
	enum pg_category category;
	struct pg_text	 title;
	struct pg_prose	 description;
	struct pg_text	 measure;
	struct pg_prose	 note;		/* version 2; line 0: absent */
	struct pg_refs	 addresses;	/* v2: SWOT item, pain or dimension ids */
	struct pg_num	 count;		/* v2 QDQ quantity, text NULL if absent */
	struct pg_refs	 segments;	/* v2 QDQ direction: segment ids */
	struct pg_text	 quality;	/* v2 QDQ quality, s NULL if absent */
	enum pg_action_status status;	/* v2 @status (default planned) */
	struct pg_num	 progress;	/* v2 @progress, percent; text NULL if absent */
};

struct pg_actions {
	unsigned long	 line;
	struct pg_action *v;
	size_t		 n;
};

/* ---- budget ------------------------------------------------------------ */

/* v2 budget/line/phase: @period YYYY-Qn (m 0) or YYYY-MM (q 0). */
struct pg_phase {
	unsigned long	 line;
	const char	*period;	/* as written */
	int		 y, q, m;	/* y 0: malformed */
	struct pg_money	 amount;
};

enum pg_display { PG_DISPLAY_UNITS, PG_DISPLAY_THOUSANDS, PG_DISPLAY_10K,
	PG_DISPLAY_MILLIONS };

struct pg_budget_line {
	unsigned long	 line;
	const char	*category;
	struct pg_money	 amount;
	const char	*action;	/* action id or NULL */
	const char	*text;
	struct pg_prose	 note;		/* version 2; line 0: absent */
	struct pg_money	 spent;		/* v2 @spent (.set 0: absent) */
	struct pg_phase	*phases;	/* v2 phase 0..n, document order */
	size_t		 nphases;
};

struct pg_budget {
	unsigned long	 line;
	struct pg_money	 total;		/* .set 0: no @total */
	struct pg_budget_line *lines;
	size_t		 nlines;
	unsigned long	 contingency_line;	/* 0: none */
	struct pg_money	 contingency;
	const char	*contingency_text;
	enum pg_display	 display;	/* v2 @display (default units) */
};

/* ---- controls ---------------------------------------------------------- */

struct pg_kpi {
	unsigned long	 line;
	const char	*goal, *owner, *target;
	enum pg_frequency frequency;
	enum pg_kpi_kind kind;		/* v2 */
	const char	*text;
	struct pg_prose	 note;		/* version 2; line 0: absent */
	const char	*metric;	/* v2 @metric: a goal metric's name, or NULL */
	struct pg_actual *actuals;	/* v2 actual 0..n, document order */
	size_t		 nactuals;
};

struct pg_milestone {
	unsigned long	 line;
	struct pg_date	 date;
	struct pg_refs	 goals;
	const char	*text;
};

struct pg_review {
	unsigned long	 line;
	const char	*cadence;
	const char	*text;
};

struct pg_risk {
	unsigned long	 line;
	enum pg_level	 likelihood, impact;
	const char	*owner, *id;	/* v2, NULL if absent */
	const char	*text;
	struct pg_text	 mitigation;
	struct pg_prose	 note;		/* version 2; line 0: absent */
};

struct pg_controls {
	unsigned long	 line;		/* 0: no <controls> */
	struct pg_kpi	*kpis;
	size_t		 nkpis;
	struct pg_milestone *milestones;
	size_t		 nmilestones;
	struct pg_review *reviews;
	size_t		 nreviews;
	struct pg_risk	*risks;
	size_t		 nrisks;
};

/* ---- appendix (version 2) --------------------------------------------- */

struct pg_asection {
	unsigned long	 line;
	const char	*id;		/* NULL if absent */
	const char	*title;
	struct pg_prose	 text;
};

struct pg_appendix {
	unsigned long	 line;		/* 0: no <appendix> */
	struct pg_asection *v;
	size_t		 n;
};

/* ---- accept instructions ----------------------------------------------- */

/* <?plangen accept RULE...?> placed immediately before an element. */
struct pg_accept {
	unsigned long	 line;		/* the processing instruction's line */
	unsigned long	 first, last;	/* line range of the element it covers */
	const char	**rules;
	size_t		 nrules;
	int		 used;		/* set by the checker */
};

/* ---- the plan ---------------------------------------------------------- */

struct pg_plan {
	struct pg_arena	*arena;
	unsigned long	 line;		/* of <plan> */
	int		 version;	/* 1 or 2 (@version; 1 if absent or not 2) */
	const char	*lang;		/* "en" if absent */
	const char	*currency;	/* "CNY" if absent */
	struct pg_meta	 meta;
	struct pg_summary summary;
	struct pg_situation situation;
	struct pg_swot	 swot;
	struct pg_goals	 goals;
	struct pg_strategy strategy;
	struct pg_actions actions;
	struct pg_budget budget;
	struct pg_controls controls;
	struct pg_appendix appendix;	/* version 2 */
	struct pg_accept *accepts;
	size_t		 naccepts;
};

/* ---- functions (model.c) ----------------------------------------------- */

/* A new, empty plan with its own arena; NULL if memory ran out. */
struct pg_plan	*pg_plan_new(void);

/* Free the plan and everything in its arena.  NULL is a no-op. */
void		 pg_plan_free(struct pg_plan *);

/*
 * Arena allocation: zeroed memory that lives until pg_plan_free().
 * Returns NULL if memory ran out or n*size overflows.
 */
void		*pg_alloc(struct pg_plan *, size_t n, size_t size);
char		*pg_strdup(struct pg_plan *, const char *);
char		*pg_strndup(struct pg_plan *, const char *, size_t);

/*
 * Parse a date "YYYY-MM-DD" (exactly that form, a real calendar date,
 * year 0001..9999).  Returns 0 and fills *out, or -1 (out untouched).
 */
int		 pg_date_parse(const char *s, struct pg_date *out);

/* <0, 0, >0 as a is before, equal to, after b.  Absent dates sort first. */
int		 pg_date_cmp(struct pg_date a, struct pg_date b);

/*
 * Parse money: an optional '-', digits, optionally '.' and one or two
 * digits; no spaces, separators, '+' or exponent.  Returns 0 and sets
 * *minor, -1 if malformed, -2 if it does not fit in int64 minor units.
 */
int		 pg_money_parse(const char *s, int64_t *minor);

/* a + b into *out; -1 on overflow (out untouched), else 0. */
int		 pg_money_add(int64_t a, int64_t b, int64_t *out);

/*
 * Format minor units as "-1234567.89" (no separators) into buf of size n.
 * Returns buf.  n >= 32 always suffices.
 */
char		*pg_money_format(int64_t minor, char *buf, size_t n);

/*
 * Parse a decimal "-?[0-9]+(\.[0-9]+)?".  Returns 0 and sets *v (nearest
 * double; huge values become ±HUGE_VAL-like finite DBL_MAX), -1 if malformed.
 */
int		 pg_decimal_parse(const char *s, double *v);

/* pg_cjk_unspaced(): base/text.h */

/* Name tables for enumerations, index by the enum value ("" for NONE). */
extern const char *const pg_mix_names[PG_MIX_N];	/* "product", ... "physical-evidence" */
extern const char *const pg_servqual_names[5];
extern const char *const pg_category_names[PG_CAT_N];
extern const char *const pg_frequency_names[PG_FREQ_N];
extern const char *const pg_kpi_kind_names[3];	/* "", "activity", "result" */
extern const char *const pg_level_names[4];
extern const char *const pg_confidentiality_names[5];
extern const char *const pg_status_names[4];
extern const char *const pg_swot_names[4];	/* "strength", ... */
extern const char *const pg_action_status_names[4];	/* "planned", ... */
extern const char *const pg_display_names[4];	/* "units", "thousands", "10k", "millions" */

/* ---- walking prose (prose.c) ------------------------------------------- */

typedef void	 pg_para_fn(void *arg, const struct pg_para *);
typedef void	 pg_caption_fn(void *arg, const struct pg_text *caption,
		    const struct pg_block *owner);
typedef void	 pg_prose_fn(void *arg, const struct pg_prose *,
		    const char *what);

/*
 * Call fn for every paragraph of pr in document order: each <p>, each
 * list item, each cell of a table (row by row).  Images have none.
 */
void		 pg_prose_paras(const struct pg_prose *, pg_para_fn *, void *);

/* Call fn for the caption of every table and image of pr that has one. */
void		 pg_prose_captions(const struct pg_prose *, pg_caption_fn *,
		    void *);

/*
 * Call fn for every prose field of the plan (absent ones included: their
 * line is 0 and they have no blocks), in document order, with the
 * element's name for messages ("action/note", "appendix/section", ...).
 */
void		 pg_plan_each_prose(const struct pg_plan *, pg_prose_fn *,
		    void *);

#endif
