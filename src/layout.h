/*
 * layout.h — the layout engine: flows paragraphs, lists, headings, tables
 * and fixed-height blocks into pages of boxes (frame.h), measuring text
 * only through a fontset (font.h).  It knows nothing of the plan model,
 * of XML or of PDF.
 *
 * Usage (render.c):
 *   struct pg_layout *l = pg_layout_new(&frames, &fonts, &geom);
 *   pg_layout_heading(l, 0, "1 Summary", &hs);
 *   pg_layout_para(l, runs, nruns, &body);
 *   pg_layout_table(l, &table);
 *   ... pg_layout_finish(l);   -> every page exists; headings know their pages
 *   pg_layout_free(l);
 *
 * All boxes are added to the frames while flowing, in drawing order (fills,
 * then text, then rules); a heading's boxes may still move to the next page
 * until the content after it is placed (keep-with-next), which is why the
 * outline entries are final only after pg_layout_finish.
 *
 * Units: pt; y grows downward from the top of the page.  A text line of a
 * style occupies `leading` pt; its baseline is at
 *   top + leading/2 + size * (ascender + descender) / 2000
 * with the ascender/descender of the regular Latin face (800/-200 for the
 * fake fontset: top + leading/2 + 0.3 * size).
 *
 * Line breaking: UAX #14 (libunibreak) with the clreq tailorings of
 * ../shared/notes/typography.md, Han/Latin spacing, justification,
 * hyphenation of English words in narrow columns, last-resort breaks for
 * over-long tokens.  Paragraphs avoid widows and orphans; headings keep
 * with at least two lines of what follows; table rows split only between
 * text lines and repeat the header row on each page.
 *
 * Include: render, chart, tests.
 */
#ifndef PG_LAYOUT_H
#define PG_LAYOUT_H

#include <stddef.h>

#include "font.h"
#include "frame.h"
#include "model.h"	/* struct pg_run and PG_STYLE_* only */

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

/* Han<->Latin/digit spacing: 3/16 em (clreq: 1/8..1/4 em). */
#define PG_HANLAT_GAP	0.1875

/*
 * Break runs into lines no wider than `width` pt, positioned per `ts`
 * (alignment, size).  lang is "zh-CN", "en", ... (picks tailorings).
 * Fills *out (free with pg_lines_free).  Returns 0, or -1 if memory ran
 * out.  Never produces a line that starts with a closing mark or ends with
 * an opening one; a token wider than `width` is hyphenated or split.
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
};

/*
 * Column widths for a table of total width `width`: from content (widest
 * unbreakable unit as the minimum, natural width as the maximum), never so
 * narrow that a column breaks words letter by letter when the others can
 * give room.  Writes ncols widths to out.  Returns 0 or -1 (no memory).
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
 * A heading: kept on the page with at least two lines of what follows; an
 * outline entry at `level` (0, 1) is added.  Returns the 0-based page it
 * landed on, or -1 on failure (memory).
 */
int	pg_layout_heading(struct pg_layout *, int level, const char *text,
	    const struct pg_tstyle *);

/* A paragraph of runs; no widows or orphans.  0 or -1. */
int	pg_layout_para(struct pg_layout *, const struct pg_run *, size_t,
	    const struct pg_tstyle *);

/* A bulleted (•) list item.  0 or -1. */
int	pg_layout_item(struct pg_layout *, const struct pg_run *, size_t,
	    const struct pg_tstyle *);

/* A table that splits across pages between text lines, header repeated. */
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
 * End the flow: a heading still waiting for its following content stays
 * where it is.  After this the frames and outline entries are final.
 * The layout may still be used (it is not freed).  Returns 0.
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
 * The width pg_draw_text would draw s with (faces, Han/Latin gaps), pt.
 * For centring or right-aligning headers, footers and labels.
 */
double	pg_measure_text(const struct pg_fontset *, const char *s, size_t len,
	    unsigned style, double size);

#endif
