/*
 * render.h — document composition: turns a plan model and a template into
 * pages of boxes (frame.h) through the layout engine (layout.h).
 *
 * The document: cover; contents with page numbers and links; every section
 * in the template's order, with tables and figures; running header and
 * footer with "page N of M"; bookmarks for every section and subsection;
 * for --draft a DRAFT mark on every page and a last page of findings.
 * Knows nothing of XML or PDF.
 *
 * Include: main.c, tests.
 */
#ifndef PG_RENDER_H
#define PG_RENDER_H

#include "diff/diff.h"

#include <stddef.h>

#include "base/diag.h"
#include "layout/font.h"
#include "layout/frame.h"
#include "model/model.h"
#include "compose/template.h"

/*
 * The accounting of the plan's texts (every element's text and free-text
 * attribute, by its address in the model): each one was placed on a page
 * (in a table, a paragraph or a figure that drew it whole), summarised by
 * design (why says how), or lost — which is a bug of the renderer: the
 * tests render every test plan and fail on any lost text.
 */
enum { PG_ACCT_LOST, PG_ACCT_PLACED, PG_ACCT_SUMMARISED };

struct pg_render_acct {
	struct pg_acct_item {
		const char	*text;	/* the model's string */
		const char	*what;	/* "action/title", "step/@name", ... */
		const char	*why;	/* summarised: the reason, else NULL */
		unsigned long	 line;
		int		 state;	/* PG_ACCT_* */
	}		*v;		/* sorted by line */
	size_t		 n, nplaced, nsummarised, nlost;
	size_t		 fig_dropped;	/* figure items drawn without their text
					 * (pg_fig_out.dropped): a text in a table
					 * too, but a marker a reader cannot name */
};

/* Free a->v; a is then empty.  Safe on a zeroed a. */
void	pg_render_acct_free(struct pg_render_acct *a);

struct pg_render_opts {
	const char		*file;		/* plan file name, for warnings */
	const char		*lang;		/* --lang, or NULL: the plan's */
	int			 draft;		/* DRAFT mark + findings page */
	const struct pg_diags	*findings;	/* listed on the draft page; may be NULL */
	long long		 date;		/* SOURCE_DATE_EPOCH, or -1: no date */
	struct pg_render_acct	*acct;		/* NULL, or filled: where each
						 * text of the plan went */
	const struct pg_diff	*since;		/* render --since: the changes from
						   an older revision, or NULL */
	const int		*completeness;	/* the review's score (percent) for
						   a draft brief, or NULL */
	struct pg_diags		*notes;		/* NULL, or: notes on how the plan
						   was drawn, not findings (rule
						   id ""), e.g. an image drawn
						   narrower than its @width */
};

/*
 * Lay out the whole document into *out (initialised here to the template's
 * page size; free with pg_frames_free even on failure).  Text that no font
 * can draw adds a `missing-glyph` warning naming the character and its
 * source line to `warnings`.  If o->acct is not NULL it is filled with
 * the accounting of the plan's texts (free it with pg_render_acct_free,
 * also after a failure).  Returns 0, or -1 with a message in err (out
 * of memory, layout failure).
 */
int	pg_render(const struct pg_plan *, const struct pg_template *,
	    const struct pg_fontset *, const struct pg_render_opts *,
	    struct pg_frames *out, struct pg_diags *warnings, char *err,
	    size_t errlen);

#endif
