/*
 * layout_int.h — private interface between linebreak.c, layout.c and
 * layout_table.c: a text analysed once into characters (face, advance,
 * break opportunities, Han/Latin glue) that can then be measured (table
 * column widths) or broken into lines any number of times.
 *
 * Include: linebreak.c, layout.c, layout_table.c, unit tests.
 */
#ifndef PG_LAYOUT_INT_H
#define PG_LAYOUT_INT_H

#include <stddef.h>
#include <stdint.h>

#include "base/lang.h"		/* pg_lang_is_zh(): the Chinese tailorings */
#include "layout/font.h"
#include "layout/layout.h"

/* Character classes that matter to spacing, stretching and trimming. */
enum { PG_CL_OTHER, PG_CL_SPACE, PG_CL_INVIS, PG_CL_HAN, PG_CL_CJK,
	PG_CL_ALNUM };

struct pg_lbchar {
	uint32_t	 cp;
	uint32_t	 off;		/* byte offset in its run's text */
	uint32_t	 run;		/* index of the run */
	uint8_t		 blen;		/* bytes */
	uint8_t		 face;
	uint8_t		 cls;		/* PG_CL_* */
	uint8_t		 brk;		/* before this char: 0 no break, 1 may, 2 must */
	uint8_t		 url;		/* part of a URL, e-mail or other address: never hyphenated (hyphenate.c) */
	double		 adv;		/* pt */
	double		 gap;		/* pt of glue before it unless a line starts here */
};

struct pg_lbline {
	size_t		 s, e;		/* chars [s, e); trailing spaces not drawn */
	int		 hyph;		/* ends with a hyphen */
	int		 last;		/* paragraph end or forced break: not justified */
};

/* Scratch state, reusable across texts (zero it before first use). */
struct pg_lb {
	const struct pg_fontset *fs;
	double		 size;
	int		 zh;
	char		*buf, *bb;	/* concatenated text, libunibreak's output */
	size_t		 nbytes;	/* of the last text analysed */
	size_t		 bufcap, bbcap;
	size_t		*roff;		/* start of each run in buf */
	size_t		 roffcap;
	struct pg_lbchar *c;
	size_t		 n, ccap;
	double		*A, *G;		/* prefix sums of adv and gap, n + 1 */
	size_t		 acap, gcap;
	double		*X, *H;		/* prefix: stretchable gaps, shrink pt */
	size_t		 xcap, hcap;
	struct pg_lbline *ln;
	size_t		 nln, lncap;
	/* ASCII fast path, for the fontset afs */
	const struct pg_fontset *afs;
	int		 azh;		/* the tables are for Chinese text */
	uint8_t		 acls[128];
	uint8_t		 aface[4][128];
};

/*
 * Analyse runs (each run's style is or-ed with `style`) at `size` pt for
 * `lang`.  Replaces any previous analysis in lb.  0, or -1 if memory ran
 * out.
 */
int	pg_lb_analyze(struct pg_lb *, const struct pg_fontset *,
	    const struct pg_run *, size_t nruns, unsigned style, double size,
	    const char *lang);

/*
 * The same, with libunibreak's output for the concatenated text given in
 * pre (as left in lb->bb by an earlier analysis of the same runs), or NULL.
 */
int	pg_lb_analyze_pre(struct pg_lb *, const struct pg_fontset *,
	    const struct pg_run *, size_t nruns, unsigned style, double size,
	    const char *lang, const char *pre);

/*
 * The widest unit that cannot break without a last-resort break, and the
 * natural width of the widest forced line (pt).
 */
void	pg_lb_minmax(const struct pg_lb *, double *minw, double *maxw);

/*
 * Break the analysed text into lines `width` pt wide, positioned per ts
 * (align, size).  Reuses out's storage.  0, or -1 if memory ran out.
 */
int	pg_lb_lines(struct pg_lb *, const struct pg_tstyle *, double width,
	    struct pg_lines *out);

void	pg_lb_free(struct pg_lb *);


/*
 * The face that draws cp: pg_fontset_pick, except that in CJK context
 * (zh != 0) quotes, dashes, ellipses and the middle dot come from the CJK
 * face when it has them.  Always a valid index with tables (0 if the map
 * is broken).
 */
/* 1 if cp may not start a line (closing marks), or not end one (opening). */
int	pg_cp_nostart(uint32_t cp);
int	pg_cp_noend(uint32_t cp);
int	pg_face_for(const struct pg_fontset *, unsigned style, uint32_t cp,
	    int zh);

/* The PG_CL_* class of cp; zh: quotes/dashes count as CJK. */
int	pg_cp_class(uint32_t cp, int zh);

/* ---- the flow's state, shared by layout.c and layout_table.c ----------- */

struct pg_layout {
	struct pg_frames	*fr;
	const struct pg_fontset	*fs;
	struct pg_geom		 g;
	char			 lang[16];
	int			 page;
	double			 y;		/* top of the next thing */
	int			 at_top;	/* nothing placed on this page yet */
	double			 last_lead;	/* leading of the last text flowed */
	/* pending headings (keep-with-next) */
	int			 kw;
	int			 kw_page;
	size_t			 kw_box0;	/* their first box */
	double			 kw_top, kw_ytail;
	size_t			 kw_out0, kw_out1;	/* their outline entries */
	/* scratch */
	struct pg_lb		 lb;
	struct pg_lines		 lines;
	struct pg_lines		*cl;		/* tables: lines of each cell */
	size_t			 ncl;
	double			*tw;		/* tables: widths, x, ... */
	size_t			 ntw;
	/* footnotes (notes.c) */
	struct pg_note		*notes;		/* in order of registration */
	size_t			 nnotes, capnotes;
	size_t			 notes_done;	/* none before this one waits */
	double			 note_h;	/* this page's notes, rule included */
	struct pg_tstyle	 note_ts;
	struct pg_color		 note_rule;
};

enum pg_note_state {
	PG_NOTE_WAITING,	/* registered, its reference not placed yet */
	PG_NOTE_PLACED,		/* at the foot of `page` */
	PG_NOTE_LEFT,		/* to flow at pg_layout_notes_flush */
	PG_NOTE_FLOWED		/* flowed there */
};

struct pg_note {
	const char		*key;		/* its reference run's text */
	const struct pg_run	*runs;
	size_t			 nruns;
	double			 h;		/* height at the page foot, pt */
	int			 page;
	enum pg_note_state	 state;
};

/*
 * The height the notes referenced from line ln (runs: its source runs)
 * add to this page's foot (the rule included if they are the first);
 * commit: they are placed on this page (the body's bottom rises).
 */
double	pg_lay_line_notes(struct pg_layout *, const struct pg_line *ln,
	    const struct pg_run *runs, int commit);

/*
 * The notes of a table line already placed, its row ending at row_bottom:
 * placed on this page if they fit under the row, else left for the flush.
 */
void	pg_lay_table_notes(struct pg_layout *, const struct pg_line *ln,
	    const struct pg_run *runs, double row_bottom);

/* Draw every page's notes at its foot (pg_layout_finish).  0 or -1. */
int	pg_lay_notes_draw(struct pg_layout *);
void	pg_lay_notes_free(struct pg_layout *);

double	pg_lay_boff(const struct pg_layout *, double size, double leading);
double	pg_lay_bottom(const struct pg_layout *);
/* ts->leading, or 1.2 em if it is not positive. */
double	pg_lay_leading(const struct pg_tstyle *);
double	pg_lay_text_width(const struct pg_layout *);
int	pg_lay_new_page(struct pg_layout *);
int	pg_lay_kw_move(struct pg_layout *);
int	pg_lay_text_box(struct pg_frames *, const struct pg_fontset *, int page,
	    double x, double y, const char *s, size_t len, int face, double size,
	    struct pg_color, int hyphen, double w, unsigned flags);
int	pg_lay_emit_line(struct pg_layout *, int page, double x, double base,
	    const struct pg_line *, const struct pg_run *, double size,
	    struct pg_color);

#endif
