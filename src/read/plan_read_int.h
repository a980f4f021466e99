/*
 * plan_read_int.h — private interface between plan_read.c (the driver and
 * the section readers: what a plan is made of) and plan_values.c (how one
 * element or attribute becomes a value of the model: the text normaliser,
 * typed values with their findings, prose).
 *
 * The functions that take the reader's state `r` never fail: when memory
 * runs out they set r->oom and return an empty value (NULL, 0, an empty
 * array), and every later call is then harmless, so a caller checks
 * r->oom once, at the end.  Strings returned live in the plan's arena.
 * Any xmlNode argument may be NULL unless stated otherwise.
 *
 * Include: plan_read.c, plan_values.c.
 */
#ifndef PG_PLAN_READ_INT_H
#define PG_PLAN_READ_INT_H

#include <stddef.h>
#include <string.h>

#include <libxml/tree.h>

#include "base/diag.h"
#include "model/model.h"

struct trun;			/* a run being built (plan_values.c) */

/* The reader's state, for one pg_plan_read_lang() call. */
struct rd {
	struct pg_plan	*p;
	const char	*file;
	struct pg_diags	*d;		/* NULL: findings are discarded */
	int		 zh;		/* findings in Chinese */
	int		 oom;
	char		*buf;		/* scratch text */
	size_t		 len, cap;
	struct trun	*runs;		/* scratch runs of the current paragraph */
	size_t		 nruns, runcap;
	/* version 2 prose (read_v2.c) */
	const char	*href;		/* the <a> being read, NULL: none */
	int		 newrun;	/* the next text starts a run (<fn>) */
	const char	*skip2;		/* pg_rd_text(): also leave out these
					   children (<note> after a text) */
};

/* The normaliser's state between pieces of one string or paragraph. */
struct norm {
	unsigned long	 last;		/* last code point emitted, 0: none */
	int		 ws, ws_nl;	/* pending white space, and it holds a line break */
	int		 runs;		/* record runs (prose) */
};

/* ---- the tree ----------------------------------------------------------- */

/* 1 if n is an element called name (n may be NULL), else 0. */
static inline int
pg_rd_is_el(const xmlNode *n, const char *name)
{
	return n != NULL && n->type == XML_ELEMENT_NODE &&
	    n->name[0] == (unsigned char)name[0] &&	/* most differ here */
	    strcmp((const char *)n->name, name) == 0;
}

/* 1 if c is XML white space (space, tab, LF, CR), else 0. */
static inline int
pg_rd_is_space(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* The first child element of n called name, or NULL (also if n is NULL). */
xmlNode		*pg_rd_child(const xmlNode *n, const char *name);

/* How many child elements of n are called name (0 if n is NULL). */
size_t		 pg_rd_count(const xmlNode *n, const char *name);

/*
 * An array of n zeroed elements of `size` bytes in the plan's arena.
 * NULL if n is 0 (nothing to hold), or if memory ran out (r->oom set).
 */
void		*pg_rd_alloc(struct rd *r, size_t n, size_t size);

/* ---- the normaliser ----------------------------------------------------- */

/*
 * Start a new string in the scratch buffer: empties it and resets ns.
 * runs: record style runs as text is fed (prose), else plain text.
 */
void		 pg_rd_start(struct rd *r, struct norm *ns, int runs);

/*
 * Append the NUL-terminated text (NULL: nothing) in `style` to the string
 * begun by pg_rd_start(), normalising white space across calls: runs of
 * XML white space become one space, none at the start, none doubled, and
 * none where a run holding a line break separates two CJK characters.
 * Trailing white space stays pending, so it vanishes at the end.
 */
void		 pg_rd_feed(struct rd *r, struct norm *ns, const char *text,
		    unsigned style);

/* The string built since pg_rd_start(), copied to the arena; NULL on oom. */
const char	*pg_rd_finish(struct rd *r);

/* ---- text and attributes ------------------------------------------------ */

/*
 * The normalised text content of n and its descendants, leaving out child
 * elements called `skip` (NULL: none), e.g. <recovery> in <fail-point>.
 * NULL if n is NULL (absent); "" if n holds no text.
 */
const char	*pg_rd_text(struct rd *r, const xmlNode *n, const char *skip);

/* The same with n's source line; { NULL, 0 } if n is NULL. */
struct pg_text	 pg_rd_text_el(struct rd *r, const xmlNode *n,
		    const char *skip);

/* The normalised value of n's attribute `name`, NULL if it is absent. */
const char	*pg_rd_attr(struct rd *r, const xmlNode *n, const char *name);

/* ---- typed values ------------------------------------------------------- */

/*
 * A value the reader cannot parse is a `schema` error at n's line, worded
 * in English or in Chinese per r->zh (see plan_read.h), and none at all if
 * r->d is NULL.  An absent attribute (or a NULL n) is never a finding.
 */

/*
 * The date s (YYYY-MM-DD; NULL: absent, no finding) found in n.  `what`
 * names it in English findings; `is_attr`: s is n's attribute `what`, else
 * n's content.  A date that is not a real calendar date is a finding and
 * reads as { 0, 0, 0 }, as does an absent one.  n must not be NULL
 * unless s is.
 */
struct pg_date	 pg_rd_date(struct rd *r, const xmlNode *n, const char *what,
		    int is_attr, const char *s);

/* pg_rd_date() of n's attribute `name`. */
struct pg_date	 pg_rd_date_attr(struct rd *r, const xmlNode *n,
		    const char *name);

/*
 * n's attribute `name` as money (digits, at most two decimals).  Set only
 * when present and well-formed, not too large and, if nonneg, not
 * negative; else a finding (unless absent) and { 0, 0 }.
 */
struct pg_money	 pg_rd_money_attr(struct rd *r, const xmlNode *n,
		    const char *name, int nonneg);

/*
 * n's attribute `name` as a decimal number: text kept as written (NULL if
 * absent), value parsed.  Malformed, or more than PG_MAX_DECIMAL_DIGITS
 * digits: a finding and value 0.  If pct, outside 0..100 is a finding and
 * the value is clamped to the range.
 */
struct pg_num	 pg_rd_num_attr(struct rd *r, const xmlNode *n,
		    const char *name, int pct);

/*
 * The index of s in names[0..n) (entries "" never match), or dflt if s
 * is NULL or not listed.  No finding: the schema reports unknown values.
 */
int		 pg_rd_lookup(const char *s, const char *const *names, int n,
		    int dflt);

/*
 * n's attribute `name` as a space-separated list of ids; { NULL, 0 } if
 * absent or empty.  The ids point into the normalised attribute's arena
 * copy.
 */
struct pg_refs	 pg_rd_refs_attr(struct rd *r, const xmlNode *n,
		    const char *name);

/* ---- prose -------------------------------------------------------------- */

/*
 * The prose of n: its <p> and <list> blocks, with inline text between
 * them (not schema-valid) as paragraphs of their own, or its plain inline
 * text as one paragraph; <em> and <strong> give the runs their style.
 * Child elements called `skip` (NULL: none) are not prose (<fact> in
 * <market>).  Empty (no blocks) if n is NULL, empty, or memory ran out.
 */
struct pg_prose	 pg_rd_prose(struct rd *r, const xmlNode *n, const char *skip);

/* ---- version 2 (read_v2.c) --------------------------------------------- */

/*
 * Feed an inline <fn> or <a> element n (prose being read with runs) in
 * `style`: a footnote is a run of its own with PG_STYLE_FN; a link's text
 * gets PG_STYLE_LINK and its href (trimmed, arena).
 */
void		 pg_rd_feed_v2(struct rd *r, struct norm *ns, const xmlNode *n,
		    unsigned style);

/* feed the inline content of n's subtree in `style` (plan_values.c). */
void		 pg_rd_feed_tree(struct rd *r, struct norm *ns, const xmlNode *n,
		    unsigned style);

/* The paragraph (inline runs) of element n, with n's line. */
void		 pg_rd_para(struct rd *r, const xmlNode *n, struct pg_para *para);

/* A <table> or <image> element of prose read into block b (kind, line set). */
void		 pg_rd_table(struct rd *r, const xmlNode *n, struct pg_block *b);
void		 pg_rd_image(struct rd *r, const xmlNode *n, struct pg_block *b);

/* pg_rd_text() that also leaves out children called skip2 (e.g. "note"). */
const char	*pg_rd_text2(struct rd *r, const xmlNode *n, const char *skip,
		    const char *skip2);

/* The <appendix> of the plan (n may be NULL: none). */
void		 pg_rd_appendix(struct rd *r, const xmlNode *n,
		    struct pg_appendix *a);
/* ---- the seed models of version 2 (read_seed.c) ------------------------- */

/*
 * The <journey> children of <situation> n into s->journeys (document
 * order; stages, touchpoints, feelings, pains, opportunities with their
 * lines).  Nothing if n is NULL or has none; out of memory sets r->oom.
 */
void		 pg_rd_journeys(struct rd *r, const xmlNode *n,
		    struct pg_situation *s);

/*
 * <fab> element n (NULL: absent) into s->fab_line and s->fab (its rows:
 * feature, advantage, benefit with their lines).
 */
void		 pg_rd_fab(struct rd *r, const xmlNode *n, struct pg_strategy *s);
/* ---- version 2: metrics, budget display and phases, tracking (read_track.c) */

/* goal's <metric> children (0..n, each with @rollup and <actual>s) into g. */
void	pg_rd_goal_metrics(struct rd *r, const xmlNode *goal, struct pg_goal *g);
/* meta/as-of into m (meta not NULL). */
void	pg_rd_meta_track(struct rd *r, const xmlNode *meta, struct pg_meta *m);
/* action @status, @progress into a. */
void	pg_rd_action_track(struct rd *r, const xmlNode *n, struct pg_action *a);
/* budget @display into b. */
void	pg_rd_budget_track(struct rd *r, const xmlNode *n, struct pg_budget *b);
/* line @spent and <phase>s into l. */
void	pg_rd_line_track(struct rd *r, const xmlNode *n, struct pg_budget_line *l);
/* kpi @metric and <actual>s into k. */
void	pg_rd_kpi_track(struct rd *r, const xmlNode *n, struct pg_kpi *k);

#endif
