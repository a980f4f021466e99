/*
 * frame.h — pages of positioned boxes: the only thing the PDF writer sees.
 *
 * Layout (layout*.c, render*.c, chart.c) fills a struct pg_frames; the PDF
 * writer (pdf_write.c) walks it and knows nothing of the plan or of XML.
 *
 * Coordinates are in PostScript points (1/72 in), origin at the page's
 * top-left corner, y growing downward.  The writer flips them for PDF.
 *
 * Include: layout, render, chart, pdf_write, tests.
 */
#ifndef PG_FRAME_H
#define PG_FRAME_H

#include <stddef.h>
#include <stdint.h>

struct pg_color {
	uint8_t	r, g, b;
};

enum pg_box_kind {
	PG_BOX_TEXT,	/* a run of text in one face and size */
	PG_BOX_RECT,	/* a rectangle, filled and/or stroked */
	PG_BOX_LINE,	/* a straight line from (x,y) to (x+w, y+h) */
	PG_BOX_LINK,	/* a link: click area -> page/y, or -> the URI in
			   path (http, https, mailto; dest_page -1) */
	PG_BOX_IMAGE,	/* a PNG or JPEG file scaled into (x,y,w,h) */
	PG_BOX_PATH,	/* a filled path (nonzero winding) in .fill: text/len
			   hold its operators in page coordinates (pt, y
			   down), "X Y m", "X Y l", "X1 Y1 X2 Y2 X3 Y3 c",
			   "h" (layout/outline.h); (x,y,w,h) its bounding box */
};

struct pg_box {
	/* (fields ordered by size: 112 bytes a box) */
	double		 x, y;		/* pt; TEXT: start of the baseline */
	double		 w, h;		/* pt; TEXT: advance width, h unused */
	double		 size;		/* TEXT: pt */
	double		 line_width;	/* pt; RECT stroke, LINE */
	double		 dest_y;	/* LINK: pt from the top of dest_page */
	const char	*text;		/* TEXT: UTF-8, not NUL-terminated: see len */
	size_t		 len;		/* TEXT: bytes */
	const char	*path;		/* IMAGE: the file */
	enum pg_box_kind kind;
	int		 elem;		/* structure element (pg_elem), 0 = artifact */
	int		 face;		/* TEXT: index into the fontset's faces */
	unsigned	 flags;		/* PG_BOXF_* */
	int		 dest_page;	/* LINK: 0-based page index */
	struct pg_color	 color;		/* TEXT, RECT, LINE: text colour, stroke colour */
	struct pg_color	 fill;		/* RECT fill colour */
};

enum {
	PG_BOXF_FILL	= 1 << 0,	/* RECT: fill with .fill */
	PG_BOXF_STROKE	= 1 << 1,	/* RECT: stroke with .color */
	PG_BOXF_DASH	= 1 << 2,	/* LINE, RECT stroke: dashed */
	PG_BOXF_FAKE_BOLD = 1 << 3,	/* TEXT: embolden (face has no bold) */
	PG_BOXF_FAKE_ITALIC = 1 << 4,	/* TEXT: slant (face has no italic) */
	PG_BOXF_ROTATE90 = 1 << 5,	/* TEXT: rotated 90° counter-clockwise (axis labels) */
	/*
	 * TEXT: continues the text box before it on the page with no space
	 * between them: the gap before it is spacing (the Han-Latin gap,
	 * justification), not a word space.  The writer marks such runs so
	 * that text extraction does not insert a space.
	 */
	PG_BOXF_JOIN	= 1 << 6,
	/* RECT: not the rectangle but the diamond inscribed in it (its
	 * corners at the middles of the rectangle's sides), filled and/or
	 * stroked like a rectangle (milestones) */
	PG_BOXF_DIAMOND	= 1 << 7,
};

/*
 * Structure (tagged PDF).  Boxes belong to structure elements that carry
 * the document's logical roles; the elements form a tree in the order
 * they were opened (the document's reading order), whatever the drawing
 * order.  Which boxes are real content is decided by the writer: TEXT
 * boxes of an element are its content; RECT, LINE and IMAGE boxes are
 * content only inside a FIGURE (else decoration: artifacts); LINK boxes
 * become the link annotations of a LINK element.  Boxes of element 0
 * (the running header and footer, page numbers, the DRAFT badge) are
 * artifacts.
 */
enum pg_role {
	PG_ROLE_NONE,		/* element 0: artifacts */
	PG_ROLE_DOCUMENT,	/* the root, element 1 */
	PG_ROLE_SECT,
	PG_ROLE_H1, PG_ROLE_H2, PG_ROLE_H3,
	PG_ROLE_P,
	PG_ROLE_L, PG_ROLE_LI, PG_ROLE_LBL, PG_ROLE_LBODY,
	PG_ROLE_TABLE, PG_ROLE_TR, PG_ROLE_TH, PG_ROLE_TD,
	PG_ROLE_TOC, PG_ROLE_TOCI,
	PG_ROLE_LINK,
	PG_ROLE_FIGURE,
	PG_ROLE_CAPTION,
	PG_ROLE_NOTE,
	PG_ROLE_SPAN,
	PG_ROLE_COUNT
};

/* TH scope */
enum { PG_SCOPE_NONE, PG_SCOPE_COLUMN, PG_SCOPE_ROW };

struct pg_elem {
	int		 parent;	/* index; 0 for the root and element 0 */
	enum pg_role	 role;
	int		 scope;		/* TH: PG_SCOPE_* */
	unsigned	 colspan;	/* TH, TD: columns spanned (0, 1: one) */
	const char	*alt;		/* alternate text (FIGURE), or NULL */
	const char	*lang;		/* BCP 47 tag if it differs from the document's, or NULL */
};

struct pg_page {
	struct pg_box	*boxes;
	size_t		 n, cap;
};

/* A bookmark; level 0 = section, 1 = subsection. */
struct pg_outline {
	const char	*title;		/* UTF-8, owned by frames' string store */
	int		 level;
	int		 page;		/* 0-based */
	double		 y;		/* pt from the top of the page */
};

struct pg_frames {
	double		 width, height;	/* page size, pt */
	struct pg_page	*pages;
	size_t		 npages, cappages;
	struct pg_outline *outlines;
	size_t		 noutlines, capoutlines;
	/* document information (UTF-8, NULL if none) */
	const char	*title, *author, *subject, *keywords, *creator, *lang;
	long long	 date;		/* seconds since the epoch, -1 = none */
	/* strings referenced by boxes and outlines */
	char		**strs;
	size_t		 nstrs, capstrs;
	/*
	 * The structure tree: elems[0] is "no element" (artifacts), elems[1]
	 * the DOCUMENT root once any element exists (nelems 0 before).
	 * Boxes added are stamped with `cur` (see pg_frames_add).
	 */
	struct pg_elem	*elems;
	size_t		 nelems, capelems;
	int		 cur;
	/*
	 * Internal (added by layoutperf): strs holds chunks of many strings;
	 * small copies are carved from the last chunk's free tail.
	 */
	char		*chunk;		/* free tail of the current chunk */
	size_t		 chunkleft;	/* bytes left there */
};

/* Initialise empty frames of a page size.  Never fails. */
void	pg_frames_init(struct pg_frames *, double width, double height);

/* Free everything, including copied strings.  The struct is reusable. */
void	pg_frames_free(struct pg_frames *);

/* Append a blank page; returns its index, or -1 if memory ran out. */
int	pg_frames_add_page(struct pg_frames *);

/*
 * Append a copy of *b to page `page` (must exist).  If b->text or b->path
 * is set, the bytes are copied into the frames' string store first.  A
 * box whose elem is 0 is stamped with the current element (frames->cur,
 * itself 0 outside any element: an artifact); a box with PG_ELEM_ARTIFACT
 * stays an artifact wherever it is added.
 * Returns a pointer to the stored box, or NULL if memory ran out.
 */
struct pg_box *pg_frames_add(struct pg_frames *, int page, const struct pg_box *b);

/* Add a bookmark (title copied).  Returns 0, or -1 if memory ran out. */
int	pg_frames_outline(struct pg_frames *, const char *title, int level,
	    int page, double y);

/* A box of kind at (x, y), w x h pt; every other field zero. */
struct pg_box pg_box_at(enum pg_box_kind kind, double x, double y, double w,
	    double h);

/*
 * Add a copy of *b to a page under everything on it so far: it is drawn
 * first (a watermark behind the text).  Like pg_frames_add, otherwise;
 * the boxes already on the page move up by one.  NULL if memory ran out
 * or the page does not exist.
 */
struct pg_box *pg_frames_add_under(struct pg_frames *, int page,
	    const struct pg_box *b);

/* A RECT box filled with fill (PG_BOXF_FILL); every other field zero. */
struct pg_box pg_box_rect(double x, double y, double w, double h,
	    struct pg_color fill);

/*
 * A LINE box from (x, y) to (x + w, y + h) in colour c, lw pt wide, with
 * PG_BOXF_* flags (e.g. PG_BOXF_DASH); every other field zero.  Add it
 * with pg_frames_add().
 */
struct pg_box pg_box_line(double x, double y, double w, double h,
	    struct pg_color c, double lw, unsigned flags);

/* elem of a box that is an artifact even inside an element */
#define PG_ELEM_ARTIFACT	(-1)

/*
 * Open a structure element of `role` as the last child of the current
 * element (of the DOCUMENT root when the current element is 0, which is
 * created first if need be) and make it current.  Returns its index
 * (> 1), or -1 if memory ran out (nothing changes).
 */
int	pg_frames_begin(struct pg_frames *, enum pg_role role);

/* Close the current element: its parent becomes current (0 stays 0). */
void	pg_frames_end(struct pg_frames *);

/*
 * Make element `elem` current (0: what is added next is an artifact);
 * returns the element that was current, to give back to a later call.
 */
int	pg_frames_enter(struct pg_frames *, int elem);

/*
 * Set an element's alternate text / language (copied into the store).
 * Returns 0, or -1 if memory ran out or elem does not exist.
 */
int	pg_frames_set_alt(struct pg_frames *, int elem, const char *alt);
int	pg_frames_set_lang(struct pg_frames *, int elem, const char *lang);

/* Copy a string into the frames' store; NULL if memory ran out. */
const char *pg_frames_strdup(struct pg_frames *, const char *s, size_t len);

/*
 * Give back the unused capacity of every page's box array (call when the
 * frames are complete, before writing them: keeps peak memory down).  The
 * boxes may move; pointers returned by pg_frames_add become invalid.
 * Never fails: a page that cannot be shrunk stays as it is.  (layoutperf)
 */
void	pg_frames_trim(struct pg_frames *);

#endif
