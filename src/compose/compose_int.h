/*
 * compose_int.h — private to src/compose: the composer's state (struct rs)
 * and the helpers its files share.  Not for use outside src/compose.
 *
 * The composer turns a plan model and a template into layout calls:
 *   render.c      the driver: styles, the section table, two-pass layout
 *                 (contents pages reserved), scratch memory
 *   text.c        glyph checks, value formatting, runs, paragraphs
 *   table.c       tables of the plan (struct tb)
 *   figplace.c    placing figures in the flow (room, keep-together)
 *   figalt.c      the figures' alternate text (tagged PDF)
 *   sections_a.c  summary, situation, SWOT, goals
 *   sections_b.c  strategy (7Ps, blueprint), actions, budget, controls,
 *                 the draft findings appendix
 *   cover.c       cover, contents, running header and footer bands
 */
#ifndef PG_COMPOSE_INT_H
#define PG_COMPOSE_INT_H

#include <stddef.h>
#include <stdint.h>

#include "layout/layout.h"
#include "compose/render.h"
/* The figures (SWOT grid, charts, swimlane) come from src/figures; a
 * template can turn a section's figures off, and then the same content
 * is given as tables. */
#include "figures/figure.h"

#define RULE_GLYPH	PG_F_MISSING_GLYPH

/* A colon before a value: full-width in Chinese. */
#define COLON(r)	((r)->zh ? "：" : ": ")

struct rs {
	const struct pg_plan		*p;
	const struct pg_template	*t;
	const struct pg_fontset		*fs;
	const struct pg_render_opts	*o;
	struct pg_frames		*f;
	struct pg_diags			*w;
	struct pg_layout		*l;
	const char			*lang;
	int				 zh;
	int				 ntoc;		/* contents pages reserved */
	int				 sec, sub;	/* heading numbers */
	size_t				 first_outline;	/* first body outline */
	double				 tw;		/* text width, pt */
	struct pg_tstyle		 body, h1, h2, item, caption, keypt, lead;
	struct pg_tstyle		 tbody, tbold, tright, tbright, thead, theadr, tmuted;
	void				**pool;
	size_t				 npool, cappool;
	int				 oom;
	uint32_t			 warned[128];
	size_t				 nwarned;
	struct pg_fig_labels		 fl;
	unsigned char			*chg;	/* render --since: changed lines (bits) */
	unsigned long			 nchg;
	int				 fig;	/* figures of this section on */
	struct cp_acct_ent		*acct;	/* the plan's texts (account.c) */
	size_t				 acct_cap, acct_n;
	size_t				 fig_dropped;	/* pg_fig_out.dropped, summed */
	/* structure elements reserved ahead of the body, in reading order
	 * (the cover and contents are drawn after it) */
	int				 el_cover, el_toch, el_toc;
	/* version 2: the list of figures' heading (H2) and entries (TOC),
	 * after the contents' (written only if it has figures) */
	int				 el_lofh, el_lof;
	/* version 2 prose (prose_v2.c) and figure captions (figplace.c),
	 * reset by each layout pass (cp_v2_reset) */
	const char			**fn;		/* footnotes cited: model texts */
	size_t				 nfn, capfn, fn_flushed;
	int				 nfig;		/* figures numbered */
	struct cp_figent		*figs;		/* the list of figures */
	size_t				 nfigs, capfigs;
	const char			*last_heading;	/* title of the latest heading */
	const char	*fig_caption;	/* the next figure's own caption (v2), or NULL: fig.NAME / the heading */
	int				 h1_page;	/* deck: where the latest chapter */
	double				 h1_y;		/* heading left the flow */
	/* large plans (large.c): the dense styles of the appendix of actions */
	struct pg_tstyle		 dbody, dbold, dright, dbright, dmuted,
					 dhead, dpara;
	double				 fig_k;		/* deck: > 0, the smaller scale of
							   the chart between cp_fig_begin
							   and cp_fig_end */
	double				 img_keep;	/* > 0: the height of the short
							   table after an image, which
							   the image may shrink for */
};

/* A figure in the contents' list of figures (figplace.c, cover.c). */
struct cp_figent {
	const char	*title;		/* "Figure 3. Budget by category" */
	int		 page;		/* 0-based */
	double		 y;		/* pt from the top: the figure's top */
};

/* A table being collected (table.c): header, then cells row by row. */
struct tb {
	size_t		 ncols;
	struct pg_cell	*head;
	struct pg_cell	*cells;
	size_t		 n, cap;
	const double	*min_frac;
	int		 no_stripe;
	int		 dense;		/* the dense styles (large.c) */
	struct pg_cell	*cont;		/* per row: its group continued, or
					   no runs (pg_table.cont) */
	size_t		 capcont;
	const char	**also;		/* model texts the cells hold formatted */
	size_t		 nalso, capalso;
	unsigned long	*rowline;	/* render --since: each row's source line */
	size_t		 nrowline, caprl;
	/*
	 * Optional: draws inside a placed body row (row index, page, top y,
	 * height, column edges x and widths w, pt); NULL: nothing.
	 */
	void		(*draw)(struct rs *, void *ctx, size_t row, int page,
			    double y, double h, const double *x, const double *w);
	void		*draw_ctx;
};

/* What a table's row callback needs (since.c). */
struct cp_rowctx {
	struct rs	*r;
	struct tb	*t;
};

/* ---- render.c */
/* A layout r->l over r->f with the template's page geometry, r->tw its
 * text width, the footnote style set (every pass of every template
 * kind starts so).  0, or -1 (no memory). */
int	cp_layout_open(struct rs *r);

/* Zeroed scratch memory freed when pg_render() returns; NULL (and r->oom set) when memory runs out. */
void *	cp_palloc(struct rs *r, size_t n);

/* printf into scratch memory; "" (and r->oom set) when memory runs out. */
const char *	cp_sfmt(struct rs *r, const char *fmt, ...);

/* The template's label for key in the document's language (never NULL). */
const char *	cp_label(struct rs *r, const char *key);

/* ---- account.c: where each text of the plan went (render.h) */
/* Register every text of r->p, all lost; 0, or -1 (r->oom) on OOM. */
int	cp_acct_init(struct rs *r);

/* Mark every text lost again (a new layout pass). */
void	cp_acct_reset(struct rs *r);

void	cp_acct_free(struct rs *r);

/* The model text s (its address; anything else is ignored) reached the
 * frames; checked against the fonts with its line the first time. */
void	cp_placed(struct rs *r, const char *s);
void	cp_placed_runs(struct rs *r, const struct pg_run *v, size_t n);
void	cp_placed_prose(struct rs *r, const struct pg_prose *pr);

/* The model text s is shown only as part of a summary, by design (why:
 * a static string); a text also placed stays placed. */
void	cp_summarised(struct rs *r, const char *s, const char *why);

/* Every text still lost is summarised by design (why: a static string):
 * for a brief or deck that names what it leaves out. */
void	cp_acct_summarise_lost(struct rs *r, const char *why);

/* Fill *out (sorted by line); 0, or -1 on OOM. */
int	cp_acct_report(struct rs *r, struct pg_render_acct *out);

/* ---- text.c */
/* Warn once per character that no face can draw. */
void	cp_chk(struct rs *r, const char *s, unsigned long line);

/* cp_chk() every run of a prose block, with each paragraph's line. */
void	cp_chk_prose(struct rs *r, const struct pg_prose *pr);

/* cp_chk() every run of one paragraph (a list item, a table cell). */
void	cp_chk_prose_para(struct rs *r, const struct pg_para *pa);

/* A short date range: "1 Mar – 30 Jun 2027", "2027年3月1日–6月30日". */
const char *	cp_fmt_range(struct rs *r, struct pg_date a, struct pg_date b);

/* A date for a table cell: "31 Dec 2027", "2027年12月31日". */
const char *	cp_fmt_sdate(struct rs *r, struct pg_date d);

/* A long date: "31 December 2027", "2027年12月31日" (scratch memory). */
const char *	cp_fmt_date(struct rs *r, struct pg_date d);

/* A decimal as written, with thousands separators in its integer part. */
const char *	cp_fmt_num(struct rs *r, const char *text);

/* Referenced ids joined with ", " ("、" in Chinese; scratch memory). */
const char *	cp_refs(struct rs *r, const struct pg_refs *rf);

/* The label of an enumerated value, key "prefix.name"; "" for no name. */
const char *	cp_enum_label(struct rs *r, const char *prefix, const char *name);

/* One run of text s (NULL: "") in a style, in scratch memory; NULL on OOM. */
struct pg_run *	cp_run1(struct rs *r, const char *s, unsigned style);

/*
 * The runs to lay out for the plan's own runs: footnote references become
 * their raised numbers; emphasis stays (Chinese emphasis is drawn in the
 * Kai face by the fonts, layout/font.c).
 */
const struct pg_run *	cp_xruns(struct rs *r, const struct pg_run *v, size_t n);

/* Width of text in a style, pt, face by face. */
double	cp_text_w(struct rs *r, const char *s, unsigned style, double size);

/*
 * Draw s broken into lines of width w starting with the first baseline
 * at y.  Returns the y of the baseline after the last line (or y if
 * nothing was drawn).  measure: do not draw, only count.
 */
/*
 * s as it fits in maxlines lines of width w (style, size): s itself, or
 * its start with "…" (in scratch memory) when it needs more lines.  For
 * the few texts drawn in a box of their own (the cover); the caller says
 * what was cut (cp_cut_note).
 */
const char	*cp_wrap_cut(struct rs *r, const char *s, double w,
		    unsigned style, double size, size_t maxlines);

/* A render note (r->o->notes) that shown, as cp_wrap_cut made it, is a
 * cut of whole (nothing if they are the same), the text's name what_en /
 * what_zh, from the plan's line. */
void	cp_cut_note(struct rs *r, const char *what_en, const char *what_zh,
		    unsigned long line, const char *shown, const char *whole);

double	cp_draw_wrapped(struct rs *r, int page, double x, double y, double w,
    const char *s, unsigned style, double size, double leading,
    struct pg_color c, enum pg_align al, int measure);

/* Add a filled rectangle to page (r->oom set on failure). */
void	cp_add_rect(struct rs *r, int page, double x, double y, double w, double h,
    struct pg_color fill);

/* Add a line/rule box to page (pg_box_line flags; r->oom set on failure). */
void	cp_add_line(struct rs *r, int page, double x, double y, double w, double h,
    struct pg_color c, double lw, unsigned flags);

/* Draw s on one line at baseline y; returns its width, pt (0 for empty, <0 and r->oom on failure). */
double	cp_draw_text(struct rs *r, int page, double x, double y, const char *s,
    unsigned style, double size, struct pg_color c);

/* Record a failed layout call (rc < 0) as out of memory. */
void	cp_lcheck(struct rs *r, int rc);

/* A numbered section heading ("3  Goals") from a label key; starts the next section number. */
void	cp_heading1(struct rs *r, const char *key);

/* A numbered subsection heading ("3.2  …") from a label key. */
void	cp_heading2(struct rs *r, const char *key);

/* The same headings with a title that is not a label. */
void	cp_heading1_text(struct rs *r, const char *title);
void	cp_heading2_text(struct rs *r, const char *title);

/* Lay out the plan's prose blocks (paragraphs, lists) in body style. */
void	cp_prose(struct rs *r, const struct pg_prose *pr);

/* A paragraph that starts with a bold lead ("A1  Title") then runs. */
void	cp_lead_para(struct rs *r, const char *lead, const struct pg_run *runs,
    size_t n, const struct pg_tstyle *ts);

/* Lay out plain text s as one paragraph in style ts (line: its source line for glyph checks). */
void	cp_text_para(struct rs *r, const char *s, unsigned long line,
    const struct pg_tstyle *ts);

/* ---- display.c: amounts as budget/@display asks (v2; v1: units) */
/* The unit of a money column: "GBP", "GBP thousands", "万元"... */
const char *	cp_money_unit(struct rs *r);
/* An amount for a money column of that unit: "93,500.50", "93.5", "186.0". */
const char *	cp_money(struct rs *r, int64_t minor);
/* pg_fmt_amount(minor, cents) in units, else the scaled figure, into buf. */
const char *	cp_amount(struct rs *r, int64_t minor, int cents, char *buf, size_t n);
/* An amount with its currency, for text and charts: "£93,500.50",
 * "£93.5k", "¥186.0×10k", "186.0万元", "£0.09M". */
const char *	cp_money_sym(struct rs *r, int64_t minor);

/* ---- large.c: plans of more than CP_LARGE_ACTIONS actions */
#define CP_LARGE_ACTIONS	60
/* A table of a large plan with more rows than this is set dense. */
#define CP_LARGE_ROWS		60
/* Set the dense styles (r->d*) from the table styles: the table size
 * less 15 %, tight leading. */
void	cp_dense_styles(struct rs *r);
/* Whether the plan is large: its action plan chapter is a summary and
 * its actions are listed in full in the appendix of actions. */
int	cp_large(const struct rs *r);
/* The action plan chapter of a large plan: actions by category (with
 * their budget), owner and quarter, and the timeline (by category). */
void	cp_large_actions(struct rs *r);
/* The appendix of actions (a chapter): by category, a heading, a dense
 * table of the actions and each one's details with its budget lines. */
void	cp_large_appendix(struct rs *r);
/* Per budget line, 1 when the appendix of actions lists it with its
 * action (it names one and has no note); NULL when the plan is not
 * large (or memory ran out: r->oom). */
const unsigned char *cp_large_listed(struct rs *r);

/* A large plan's KPI table (over CP_LARGE_ROWS KPIs, none with a note,
 * short enough): two KPIs to a line in the dense styles, each with its
 * goal, target, frequency, kind (if kinds, v2) and owner.  Returns 1 if
 * it set the table, 0 if the ordinary table is wanted. */
int	cp_large_kpis(struct rs *r, int kinds);

/* ---- phasing.c: the budget's spending by period (v2) */
/* The chart, or a table when it does not fit; nothing without phases. */
void	cp_budget_phasing(struct rs *r);
struct pg_sb;
/* Its alternate text. */
void	cp_alt_phasing(struct rs *r, struct pg_sb *sb);

/* ---- goaltree.c: the goal tree under the goals table (v2) */
void	cp_goal_tree(struct rs *r);
void	cp_alt_goaltree(struct rs *r, struct pg_sb *sb);

/* ---- progress.c */
/* The progress chapter (a version 2 plan with actuals). */
void	cp_sec_progress(struct rs *r);

/* ---- table.c */
/* Start a table of ncols columns; heads: header texts (NULL: no header row). */
void	cp_tb_begin(struct rs *r, struct tb *t, size_t ncols, const char *const *heads);

/* tb_begin() with the header labels of these label keys. */
void	cp_tb_begin_keys(struct rs *r, struct tb *t, size_t ncols,
    const char *const *keys);

/* Append the next cell (row-major) holding runs in style ts; NULL on OOM. */
struct pg_cell *	cp_tb_cellv(struct rs *r, struct tb *t, const struct pg_run *runs, size_t nruns,
    const struct pg_tstyle *ts);

/* Append the next cell holding text s (checked against the fonts with its line). */
struct pg_cell *	cp_tb_cell(struct rs *r, struct tb *t, const char *s, unsigned long line,
    const struct pg_tstyle *ts);

/*
 * A cell holding prose (prose_v2.c): each block on lines of its own
 * (paragraphs, "• " list items, a table's rows, an image's caption).
 */
struct pg_cell *	cp_tb_prose(struct rs *r, struct tb *t, const struct pg_prose *pr,
    const struct pg_tstyle *ts);

/* The row being filled continues group `name` (its first cell is empty):
 * on a later page of the table it opens, "name (continued)" is drawn in
 * that cell. */
void	cp_tb_cont(struct rs *r, struct tb *t, const char *name);

/* render --since: the row being filled comes from source line `line`. */
void	cp_tb_note_line(struct rs *r, struct tb *t, unsigned long line);

/* A name in bold, with its id (which prose may cite) under it. */
void	cp_name_cell(struct rs *r, struct tb *t, const char *name, const char *id,
    unsigned long line);

/* Model text s is in a cell formatted ("%s (plan)"): it is placed when
 * the table is. */
void	cp_tb_also(struct rs *r, struct tb *t, const char *s);

/*
 * Lay out the collected table (nothing if empty; a short last row is
 * filled with empty cells) and mark its texts placed.
 */
void	cp_tb_end(struct rs *r, struct tb *t);

/*
 * The column widths (pt, padding included; ncols of them into out) and
 * the cell padding (*pad) that cp_tb_end would lay table t out with, as
 * it is now: its rows complete.  0, or -1 when they cannot be known yet
 * (no rows, a short row, a table that cp_tb_end would set dense) or
 * memory ran out (r->oom is then set).
 */
int	cp_tb_widths(struct rs *r, const struct tb *t, double *out, double *pad);

/* ---- goalmetrics.c (version 2: goals with several metrics) */
struct cp_mstack;

/*
 * The Metric and Baseline -> target cells of goal g's row in the goals
 * table t (columns `col` and col + 1).  A goal with several metrics gets
 * them stacked, one per line group, and is remembered in *ms (created on
 * first use) so that cp_mstack_align can line them up.  texts[j] and
 * bts[j] are metric j's name and its "baseline -> target" text.
 */
void	cp_mstack_cells(struct rs *r, struct tb *t, struct cp_mstack **ms,
	    const struct pg_goal *g, const char **names, const char **bts);

/*
 * Before cp_tb_end(t): pad each stacked metric (name and values) to the
 * same number of lines in both columns, with a gap between metrics, and
 * have a thin rule drawn across both columns in each gap.  Nothing if ms
 * is NULL or the widths cannot be known (the cells stay as they are).
 */
void	cp_mstack_align(struct rs *r, struct tb *t, struct cp_mstack *ms,
	    size_t col);

/* ---- figplace.c */
/* A chart (sales, budget, positioning map) laid out ahead of its heading,
 * so that the heading can be kept with it; placed by cp_fig_end. */
struct cp_fig {
	enum pg_fig_kind	 kind;
	struct pg_fig_out	 o;
	int			 on;	/* something to place */
};

/* A split figure (the blueprint) laid out ahead in parts of a page. */
struct cp_figparts {
	struct pg_fig_out	*v;
	size_t			 n;
	double			 want;	/* height of the first part */
	int			 ok;	/* every part fits a page */
	enum pg_fig_kind	 kind;
};

/* Start a new page unless h pt still fit on this one. */
void	cp_keep_room(struct rs *r, double h);

/* Fill r->fl, the figures' labels, from the template in the document's language. */
void	cp_fig_labels(struct rs *r);

/* The template's colours for the figures (primary, accent, <palette>),
 * into *c (figplace.c).  Never fails. */
void	cp_fig_colors(const struct pg_template *t, struct pg_fig_colors *c);

/*
 * Lay out chart `kind` where the section's figures are on: in at most 28%
 * of the page body, or in a whole body if it does not fit that (else it
 * is left out: its data is in the section's table).  Always follow with
 * cp_fig_end (which frees c).
 */
void	cp_fig_begin(struct rs *r, enum pg_fig_kind kind, struct cp_fig *c);

/* The height chart c would like, at most frac of the page body (0 when
 * figures are off). */
double	cp_fig_want(struct rs *r, const struct cp_fig *c, double frac);

/* The least height chart c takes in the flow when placed by cp_fig_end:
 * the space above, the chart at two thirds of its height and its caption (0 when
 * there is nothing to place). */
double	cp_fig_h(struct rs *r, const struct cp_fig *c);

/* Keep what follows together: start a new page unless `with` pt fit on
 * this one, if `with` fits a page at all; else unless `without` pt fit
 * (a heading and table kept together, their chart following if it must). */
void	cp_keep_with(struct rs *r, double with, double without);

/* Place chart c in the flow (laid out again up to a third smaller if
 * that keeps it on this page) and free it. */
void	cp_fig_end(struct rs *r, struct cp_fig *c);

/* cp_fig_begin then cp_fig_end. */
void	cp_fig_chart(struct rs *r, enum pg_fig_kind kind);

/* The SWOT grid; 0 if placed, -1 if the caller must use tables. */
int	cp_fig_swot(struct rs *r);

/* The action plan as a timeline, split over pages as needed (figures on). */
void	cp_fig_timeline(struct rs *r);

/*
 * Lay out split figure `kind` in parts of at most a page body each (figures
 * on); fp->want is the first part's height.  Always follow with
 * cp_fig_parts_end.
 */
void	cp_fig_parts_begin(struct rs *r, enum pg_fig_kind kind,
    struct cp_figparts *fp);

/* Place the parts, one after the other, and free fp; 0 if placed, -1 if
 * the caller must use tables (figures off, or a part taller than a page). */
int	cp_fig_parts_end(struct rs *r, struct cp_figparts *fp);

/*
 * Captions (figplace.c): the height a numbered caption of `text` takes
 * under a figure the text width wide, and drawing it (numbering the
 * figure and listing it for the contents) with its top-left at (x, y).
 */
double	cp_caption_h(struct rs *r, const char *text);
void	cp_caption_draw(struct rs *r, int page, double x, double y, double w,
    const char *text, unsigned long line);

/* ---- prose_v2.c: version 2 prose */
/* Forget the footnotes, figures and rendering notes (r->o->notes) of an
 * earlier layout pass. */
void	cp_v2_reset(struct rs *r);

/* The number (scratch text) of footnote `text` (a model text), cited now
 * or before in this pass; a first citation registers the note with the
 * layout (pg_layout_note: drawn at the foot of the page the number lands
 * on) and counts its text as placed.  r->oom set when memory runs out. */
const char *	cp_fn_cite(struct rs *r, const char *text);

/* The footnotes' style, for the layout r->l (once it exists). */
void	cp_fn_style(struct rs *r);

/* Lay out the footnotes that could not go to a page foot (end of a
 * chapter). */
void	cp_fn_flush(struct rs *r);

/* A table or image block of prose, in the flow. */
void	cp_block_v2(struct rs *r, const struct pg_block *bl);

/* A cell holding text s with, under it, "Note: " and the prose note
 * (cp_tb_cell when there is no note). */
struct pg_cell *	cp_tb_cell_note(struct rs *r, struct tb *t, const char *s,
    unsigned long line, const struct pg_prose *note, const struct pg_tstyle *ts);

/* A note as a paragraph led by "Note:" (nothing if the note is absent). */
void	cp_note(struct rs *r, const struct pg_prose *note);

/* The appendix chapter (nothing if the plan has none). */
void	cp_sec_appendix(struct rs *r);

/* ---- figalt.c */
/*
 * The alternate text of figure `kind` (its structure element's /Alt),
 * from the plan's data: for split figures, of items [first, first + n).
 * In scratch memory; "" (and r->oom set) when memory runs out.
 */
const char *	cp_fig_alt(struct rs *r, enum pg_fig_kind kind, size_t first,
    size_t n);

/* ---- sections_a.c, sections_b.c: one composer a section */

/* The section composers, by PG_SEC_* (template.h): the report's, which
 * the deck takes but for the action plan (render.c). */
extern void (*const cp_sections[PG_SEC_N])(struct rs *);

/* The summary's first n key points as a numbered table (a filled number
 * column, the point in bold): the report's, the brief's, the deck's. */
void	cp_key_points(struct rs *r, size_t n);
void	cp_sec_summary(struct rs *r);
void	cp_sec_situation(struct rs *r);
void	cp_sec_swot(struct rs *r);
void	cp_sec_goals(struct rs *r);

void	cp_sec_strategy(struct rs *r);
void	cp_sec_actions(struct rs *r);
void	cp_sec_budget(struct rs *r);
void	cp_sec_controls(struct rs *r);
void	cp_sec_findings(struct rs *r);	/* draft: the review findings */

/* ---- sections_seed.c: the seed models of version 2 */
/* Every customer journey of the situation: heading, persona, map or table. */
void	cp_seed_journeys(struct rs *r);

/* The FAB table of the strategy (nothing without a <fab>). */
void	cp_seed_fab(struct rs *r);

/* 1 if some SERVQUAL dimension has an expected or perceived score or an
 * id (v2: the table with scores, ids and gaps is given). */
int	cp_seed_has_scores(const struct pg_strategy *s);

/* A dimension's gap, perceived - expected, for display ("-1.3"; "" without
 * both scores). */
const char *	cp_seed_gap(struct rs *r, const struct pg_dimension *d);

/* 1 if action a has QDQ or addresses to show in its details. */
int	cp_seed_action_has(const struct pg_action *a);

/* An action's quantity, direction, quality and addresses, one line each. */
void	cp_seed_action_details(struct rs *r, const struct pg_action *a);

/*
 * The TOWS matrix after the SWOT (v2 plans): for each pairing SO, WO, ST,
 * WT, the goals and actions whose addresses name an item of both
 * quadrants.  Nothing when no goal or action pairs two quadrants.
 */
void	cp_seed_tows(struct rs *r);

/* The SERVQUAL gap chart after the service-quality table (v2 scores). */
void	cp_seed_servqual_chart(struct rs *r);

/* The alternate text of the journey map (the plan's first journey) and of
 * the SERVQUAL chart, appended to sb (figalt.c). */
struct pg_sb;
void	cp_seed_alt_journey(struct rs *r, struct pg_sb *sb);
void	cp_seed_alt_servqual(struct rs *r, struct pg_sb *sb);

/* ---- since.c: render --since */
/* The set of changed source lines from r->o->since; 0, or -1 on OOM. */
int	cp_since_init(struct rs *r);
void	cp_since_free(struct rs *r);

/* 1 if source line `line` lies in an item added, changed or moved. */
int	cp_changed(const struct rs *r, unsigned long line);

/* A change bar beside the text from (p0, y0) to (p1, y1). */
void	cp_bar_span(struct rs *r, int p0, double y0, int p1, double y1);

/* A change bar beside body row `row` of table t if its source line
 * changed (t's rows have lines). */
void	cp_since_row(struct rs *r, const struct tb *t, size_t row, int page,
	    double y, double h);

/* The "Changes since …" chapter (after the contents). */
void	cp_sec_since(struct rs *r);

/* ---- brief.c: the brief (template kind="brief") */
/*
 * Lay out the whole brief into r->f (no cover, no contents): at most two
 * pages, choosing what fits and naming what it left out; the texts it
 * leaves out are summarised in the accounting.  0, or -1 (r->oom).
 */
int	cp_brief(struct rs *r);

/* ---- deck.c: the slide deck (template kind="deck") */
/*
 * Lay out the whole deck into r->f: a title slide, the key points, the
 * template's sections a slide an idea, "(continued)" on the slides a
 * heading runs onto; what it leaves out is summarised in the accounting.
 * 0, or -1 (r->oom).
 */
int	cp_deck(struct rs *r);

/* In a deck, start a new slide unless the slide holds only the chapter's
 * heading so far (the level-2 headings call it); elsewhere nothing. */
void	cp_deck_slide(struct rs *r);

/* The scale figures are laid out at, smaller, then drawn at: 1, or more
 * for a deck's large type (figplace.c). */
double	cp_fig_scale(const struct rs *r);

/* Scale a laid-out figure's boxes and extent by k (deck.c). */
void	cp_fig_out_scale(struct pg_fig_out *o, double k);

/* The least share of its height a chart or an image is drawn at to stay
 * on a page, or to keep a short table after it there (figplace.c,
 * prose_v2.c). */
#define CP_FIG_SHRINK	0.66

/* ---- cover.c */
/* The cover's texts (organization, title, subtitle, author) checked for
 * glyphs and accounted as placed: the caller draws them whole. */
void	cp_cover_texts(struct rs *r);

/* A render note for each of the cover's texts drawn cut (org, title,
 * subt, author as cp_wrap_cut made them): the report's cover, the deck's
 * title slide, the brief's title block. */
void	cp_cover_notes(struct rs *r, const char *org, const char *title,
	    const char *subt, const char *author);

/* The cover page (page 0): title band, plan facts, optional logo. */
void	cp_cover(struct rs *r);

/*
 * Draw (or only count, if measure) the contents on pages 1..; returns the
 * number of pages the contents need.
 */
int	cp_contents(struct rs *r, int measure);

/* The running header and footer on every page but the cover; call last. */
void	cp_bands(struct rs *r);
/* A draft's watermark: the draft mark across every page on the diagonal,
 * light, under everything, as glyph outlines (watermark.c).  Nothing
 * unless the render is a draft. */
void	cp_watermark(struct rs *r);

#endif
