/*
 * layout.h — the layout engine: flows paragraphs, lists, headings, tables
 * and fixed-height blocks into pages of boxes (frame.h), measuring text
 * only through a fontset (font.h).  It knows nothing of the plan model,
 * of XML or of PDF.
 *
 * Usage (compose/render.c):
 *   struct pg_layout *l = pg_layout_new(&frames, &fonts, &geom, "zh-CN");
 *   pg_layout_heading(l, 0, "1 Summary", &hs);
 *   pg_layout_para(l, runs, nruns, &body);
 *   pg_layout_table(l, &table);
 *   ... pg_layout_finish(l);   -> every page exists; headings know their pages
 *   pg_layout_free(l);
 *
 * All boxes are added to the frames while flowing, in drawing order (fills,
 * then text, then rules); a heading's boxes may still move to the next page
 * until the content after it is placed (keep-with-next), which is why the
 * outline entries are final only after pg_layout_finish.  Nothing is drawn
 * after that, so "page N of M" can be added by walking the frames.
 * pg_layout_new starts a new page; the flow never returns to earlier pages.
 *
 * Units: pt; y grows downward from the top of the page.  A text line of a
 * style occupies `leading` pt; its baseline is at
 *   top + leading/2 + size * (ascender + descender) / 2000
 * with the ascender/descender of the regular Latin face (800/-200 for the
 * fake fontset: top + leading/2 + 0.3 * size).
 *
 * Line breaking (linebreak.c): UAX #14 (libunibreak) with the clreq
 * tailorings of ../shared/notes/typography.md, Han/Latin spacing
 * (PG_HANLAT_GAP), justification (spaces and gaps between CJK characters,
 * at most 1/2 em each; last lines ragged), hyphenation of English words
 * only where a word does not fit or a justified line would be too loose
 * (never inside a URL, e-mail or other address), last-resort breaks
 * without a hyphen for over-long tokens.  In Chinese text (lang "zh*")
 * quotes, dashes, ellipses and the middle dot come from the CJK face.
 * Paragraphs and items of 2+ lines never leave one line alone at a page
 * foot or head; headings keep with at least two lines of what follows;
 * table rows split only between text lines and repeat the header row on
 * each page (layout_table.c).
 *
 * Include: compose, figures, tests.
 */
#ifndef PG_LAYOUT_H
#define PG_LAYOUT_H

#include <stddef.h>

#include "layout/font.h"
#include "layout/frame.h"
#include "base/text.h"		/* struct pg_run, PG_STYLE_* */

enum pg_align { PG_ALIGN_JUSTIFY, PG_ALIGN_LEFT, PG_ALIGN_CENTER, PG_ALIGN_RIGHT };

/* How a block of text looks. */
struct pg_tstyle {
	double		 size;		/* pt */
	double		 leading;	/* baseline to baseline, pt */
	unsigned	 style;		/* PG_STYLE_* applied to every run */
	struct pg_color	 color;
	enum pg_align	 align;
	double		 space_before, space_after;	/* pt */
	double		 indent;	/* left indent, pt */
};

/* Page geometry, pt. */
struct pg_geom {
	double		 width, height;
	double		 margin_top, margin_bottom, margin_left, margin_right;
};

/* A line broken by pg_break: byte ranges of the source runs, positioned. */
struct pg_seg {
	size_t		 run;		/* index of the source run */
	size_t		 off, len;	/* bytes within that run's text */
	double		 x;		/* pt from the line's left edge */
	double		 w;		/* pt */
	int		 face;
	int		 hyphen;	/* a hyphen is drawn after this segment */
	int		 join;		/* follows the previous segment across a
					   Han-Latin gap, no space between
					   (draw with PG_BOXF_JOIN) */
};

struct pg_line {
	struct pg_seg	*segs;
	size_t		 nsegs;
	double		 width;		/* natural width, pt */
};

struct pg_lines {
	struct pg_line	*v;
	size_t		 n;
	/* private: storage reused by the layout engine */
	size_t		 cap;
	struct pg_seg	*segbuf;
	size_t		 nseg, segcap;
};

/* A footnote number (PG_STYLE_SUP): drawn at this share of the size,
 * its baseline raised by PG_SUP_RISE of the size. */
#define PG_SUP_SCALE	0.62
#define PG_SUP_RISE	0.36
/* The colour of a link's text and underline (PG_STYLE_LINK runs). */
#define PG_LINK_COLOR	((struct pg_color){ 0x1a, 0x4f, 0xa0 })

/* Han<->Latin/digit spacing: 3/16 em (clreq: 1/8..1/4 em). */
#define PG_HANLAT_GAP	0.1875

/*
 * Break runs into lines no wider than `width` pt, positioned per `ts`
 * (alignment, size, style or-ed into each run's).  lang is "zh-CN", "en",
 * ... (picks tailorings).  Fills *out (free with pg_lines_free; *out need
 * not be initialised).  Segment x positions include justification and
 * Han/Latin gaps; spaces at a line's end are not in any segment; a
 * paragraph of no visible text gives 0 lines.  Returns 0, or -1 if memory
 * ran out (*out is then empty).  Never produces a line that starts with a
 * closing mark or ends with an opening one (unless the width holds less
 * than two characters); a token wider than `width` is hyphenated or split.
 */
int	pg_break(const struct pg_fontset *, const struct pg_run *runs,
	    size_t nruns, const struct pg_tstyle *ts, double width,
	    const char *lang, struct pg_lines *out);
void	pg_lines_free(struct pg_lines *);

/* ---- tables ------------------------------------------------------------ */

struct pg_cell {
	const struct pg_run *runs;	/* may point into the model */
	size_t		 nruns;
	const struct pg_tstyle *ts;	/* NULL: the table's body style */
	struct pg_color	 fill;		/* background if has_fill */
	int		 has_fill;
	/*
	 * Columns the cell spans (0 and 1: one).  The span-1 cells after it
	 * in its row are covered: they must be empty, and are neither
	 * measured nor drawn; no rule is drawn inside the span.  A spanning
	 * cell does not widen its columns: its text wraps in their sum.
	 */
	unsigned	 span;
};

struct pg_table {
	size_t		 ncols;
	const struct pg_cell *header;	/* ncols cells, or NULL */
	const struct pg_cell *cells;	/* nrows * ncols, row-major */
	size_t		 nrows;
	const double	*min_frac;	/* per column minimum share of the width, or NULL */
	const struct pg_tstyle *body, *head;
	struct pg_color	 rule;		/* border colour */
	double		 pad;		/* cell padding, pt */
	/*
	 * Optional: told where each part of a body row went (a row split over
	 * pages is told once a part): row index, page index, top y and height
	 * in pt, and the columns' left edges x and widths w (ncols each, pt,
	 * padding included).  For marks beside rows (render --since) and
	 * drawings inside cells (the progress trend); NULL: nothing.
	 */
	void		(*on_row)(void *ctx, size_t row, int page, double y,
			    double h, const double *x, const double *w);
	void		*on_row_ctx;
	/*
	 * Optional (NULL: none): per body row, a cell drawn in place of its
	 * first cell when that cell is empty and the row opens a later page
	 * of the table: the group it continues ("Advertising (continued)").
	 * A cell with no runs: nothing.  Its fill is the row's own.
	 */
	const struct pg_cell *cont;	/* nrows cells, or NULL */
};

/*
 * Column widths for a table of total width `width` (they add up to it):
 * from content, padding included.  A column's minimum is its widest
 * unbreakable unit (last-resort breaks do not count) but at least the
 * shorter of its text and 3 em, or min_frac * width; its maximum is its
 * natural (unbroken) width.  If the maxima fit, each column gets its
 * maximum and the rest in proportion; else if the minima fit, columns
 * wanting no more than an equal share of the rest get their maximum and
 * the others share what remains in proportion to what they want.  If the
 * minima do not fit, the min_frac shares give way first (down to the
 * content's minima); only if those do not fit either do all shrink in
 * proportion.  Writes ncols widths
 * to out.  Returns 0 or -1 (no memory).
 */
int	pg_table_widths(const struct pg_fontset *, const struct pg_table *,
	    double width, const char *lang, double *out);

/* ---- the flow ---------------------------------------------------------- */

struct pg_layout;

/*
 * A new flow that adds pages to `frames`.  `lang` picks line-breaking
 * tailorings.  Returns NULL if memory ran out.  frames and fonts must
 * outlive the layout.
 */
struct pg_layout *pg_layout_new(struct pg_frames *, const struct pg_fontset *,
	    const struct pg_geom *, const char *lang);
void	pg_layout_free(struct pg_layout *);

/*
 * Structure (frame.h): each call below that flows text opens its own
 * structure element under the frames' current element: a heading an
 * H1 (level 0), H2 (1) or H3 (2 and more), a paragraph a P, a list item
 * an LI holding an LBL (the bullet) and an LBODY, a table a TABLE of TRs
 * whose cells are THs (scope column; the header row repeated on later
 * pages is an artifact) and TDs.  The current element is the same after
 * the call.  Wrapping items in an L, and whatever is not flowed by these
 * calls, is the caller's job.
 *
 * A heading (JUSTIFY is set LEFT; it may wrap): kept on the page with at
 * least two lines of what follows; an outline entry at `level` (0, 1) is
 * added at its top.  Returns the 0-based page it landed on, or -1 on
 * failure (memory).  The page is decided with the leading of the last
 * text flowed as an estimate; if what follows still does not fit, the
 * heading and its outline entry move to the next page then.
 */
int	pg_layout_heading(struct pg_layout *, int level, const char *text,
	    const struct pg_tstyle *);

/* A paragraph of runs; no widows or orphans.  0 or -1. */
int	pg_layout_para(struct pg_layout *, const struct pg_run *, size_t,
	    const struct pg_tstyle *);

/*
 * A bulleted (•) list item: the bullet at the style's indent, the text
 * hanging 1.25 em right of it.  0 or -1.
 */
int	pg_layout_item(struct pg_layout *, const struct pg_run *, size_t,
	    const struct pg_tstyle *);

/*
 * A table across the text width (widths per pg_table_widths), cells
 * top-aligned with `pad` on every side, header cells bold (head style, or
 * body + PG_STYLE_STRONG) and filled (their fill, or light grey).  Rows of
 * up to three lines move whole to the next page; taller rows split between
 * text lines (two lines at least on each side of a split); each fragment
 * has closed borders; the header row starts every page the table is on
 * and never ends one.  Structure: Table, TR, TH (scope column), TD; a
 * table without a header row is tagged as a list (L, LI, Lbl + LBody).
 * 0 or -1 (no memory).
 */
int	pg_layout_table(struct pg_layout *, const struct pg_table *);

/* Vertical space; swallowed at the top of a page.  0 or -1. */
int	pg_layout_space(struct pg_layout *, double pt);

/* Start a new page.  0 or -1. */
int	pg_layout_new_page(struct pg_layout *);

/*
 * Reserve a block `h` pt high across the text width (a chart, the SWOT
 * grid): moves to a new page if it does not fit.  Sets *page, *x, *y
 * (top-left) and *w.  0 or -1.
 */
int	pg_layout_block(struct pg_layout *, double h, int *page, double *x,
	    double *y, double *w);

/* Current page index and cursor y (pt from the top). */
int	pg_layout_page(const struct pg_layout *);
double	pg_layout_y(const struct pg_layout *);

/*
 * Footnotes (notes.c).  The style of the notes at a page's foot and the
 * colour of the short rule above them; set it before registering notes.
 */
void	pg_layout_note_style(struct pg_layout *, const struct pg_tstyle *,
	    struct pg_color rule);

/*
 * Register a footnote: runs (its number and text; they must outlive the
 * layout's use, until pg_layout_finish) cited by the PG_STYLE_SUP run
 * whose text pointer is `key`.  When the flow places the line that starts
 * that run (a paragraph, an item or a table cell), the note goes to the
 * foot of that page, and a paragraph's line that cannot have its notes
 * under it moves to the next page with them.  A note too tall for a page
 * foot (a third of the body), or whose reference is never flowed, or
 * that does not fit under its table row, is flowed by the next
 * pg_layout_notes_flush instead.  0, or -1 (no memory).
 */
int	pg_layout_note(struct pg_layout *, const char *key,
	    const struct pg_run *runs, size_t nruns);

/*
 * Flow here (after a short rule) every registered note not placed at a
 * page foot, as paragraphs, each a Note structure element.  0 or -1.
 */
int	pg_layout_notes_flush(struct pg_layout *);

/*
 * End the flow: a heading still waiting for its following content stays
 * where it is; every page's footnotes are drawn at its foot.  After this
 * the frames and outline entries are final.  The layout may still be used
 * (it is not freed).  Returns 0, or -1 (no memory).
 */
int	pg_layout_finish(struct pg_layout *);

/*
 * Draw text of one line at (x, y baseline) on a page: splits it into
 * faces as needed and adds TEXT boxes.  Used for headers, footers, chart
 * labels.  Returns the width drawn, or -1 on failure.
 */
double	pg_draw_text(struct pg_frames *, const struct pg_fontset *, int page,
	    double x, double y, const char *s, size_t len, unsigned style,
	    double size, struct pg_color);

/*
 * Draw one line broken by pg_break with its left edge at x and its
 * baseline at y: one TEXT box per segment, in the segment's face (as
 * measured), with the hyphen if any.  `runs` are the runs given to
 * pg_break, `size` and `color` the style's.  Prefer this to pg_draw_text
 * for broken lines: pg_draw_text picks faces on its own, which may differ
 * for Chinese quotes and dashes.  Returns 0, or -1 if memory ran out.
 */
int	pg_draw_line(struct pg_frames *, const struct pg_fontset *, int page,
	    double x, double y, const struct pg_line *, const struct pg_run *runs,
	    double size, struct pg_color);

/*
 * The width pg_draw_text would draw s with (faces, Han/Latin gaps), pt.
 * For centring or right-aligning headers, footers and labels.
 */
double	pg_measure_text(const struct pg_fontset *, const char *s, size_t len,
	    unsigned style, double size);

/* ---- boxes laid out apart from the flow (group.c) ---------------------- */

/*
 * A group of boxes whose coordinates are relative to the group's own
 * top-left corner: something laid out once, before it is known on which
 * page it will land (a figure), and placed later with pg_group_place.
 * The group owns copies of its boxes' text and path bytes, so a box may
 * be built from a short-lived buffer.  A zeroed struct is an empty group.
 */
struct pg_group {
	struct pg_box	*v;		/* the boxes, in drawing order */
	size_t		 n, cap;
	/* private: the string store (chunks of copied bytes) */
	char		**chunks;
	size_t		 nchunks, capchunks;
	char		*tail;
	size_t		 left;
};

/* Free the boxes and strings of g; g is then empty (and reusable). */
void	pg_group_free(struct pg_group *g);

/*
 * Append a copy of *b to g; b->text (b->len bytes) and b->path (a C
 * string) are copied into g's store.  Returns the stored box, or NULL if
 * memory ran out (g is then unchanged).
 */
struct pg_box *pg_group_add(struct pg_group *g, const struct pg_box *b);

/*
 * Add every box of g, in order, to page `page` of fr (the page must
 * exist), moved by (x, y): the group's top-left lands at (x, y).  LINK
 * destinations are not moved.  Returns 0, or -1 if memory ran out (the
 * boxes added so far stay).  g is not changed.
 */
int	pg_group_place(const struct pg_group *g, struct pg_frames *fr, int page,
	    double x, double y);

/*
 * A line breaker for text laid out outside the flow (figures): runs are
 * analysed once, exactly as pg_break analyses them (faces, advances,
 * break opportunities, tailorings of lang), and the text can then be
 * broken into lines at several widths.  Its storage is reused from text
 * to text.  A zeroed struct is ready; free it with pg_breaker_free.
 */
struct pg_lb;
struct pg_breaker {
	struct pg_lb	*lb;		/* private: allocated on first use */
};

/*
 * Analyse runs (each run's style or-ed with `style`) at `size` pt for
 * lang, replacing the breaker's previous text.  The runs must stay alive
 * while lines are taken from them.  Returns 0, or -1 if memory ran out
 * (the breaker then holds no text).
 */
int	pg_breaker_text(struct pg_breaker *, const struct pg_fontset *,
	    const struct pg_run *runs, size_t nruns, unsigned style,
	    double size, const char *lang);

/*
 * Break the breaker's text into lines at most `width` pt wide, positioned
 * per ts (alignment, size), into *out: the same lines pg_break would give
 * for the same runs and style.  *out is zeroed or holds lines from an
 * earlier call (its storage is reused); free it with pg_lines_free.
 * Returns 0, or -1 if memory ran out or there is no text analysed.
 */
int	pg_breaker_lines(struct pg_breaker *, const struct pg_tstyle *ts,
	    double width, struct pg_lines *out);

/* Free the breaker's storage; it is then zeroed (and reusable). */
void	pg_breaker_free(struct pg_breaker *);

/*
 * A TEXT box for s[0..len) in face (an index into fs) at size pt, with
 * its baseline at y and its width w; the face's synthetic bold or slant
 * (PG_BOXF_FAKE_*) set when fontconfig found no real one.  Add it with
 * pg_frames_add(); s must outlive the frames or be copied.
 */
struct pg_box	pg_box_text(const struct pg_fontset *fs, double x, double y,
		    double w, const char *s, size_t len, int face, double size,
		    struct pg_color c);

#endif
