/*
 * rules_bound.h — the bounds of the whole run of a team rules file on one
 * plan, the findings that say a rule hit one, and the expansion of a
 * rule's own message.  Only rules_custom.c includes this (the interface
 * of team rules is rules_custom.h).
 *
 * A team rules file is code written by others and run in CI on everyone's
 * plans, so one run of its rules on one plan is bounded as a whole, not
 * only one pattern match or one XPath evaluation at a time.  The bounds
 * grow with the plan (n nodes — elements, attributes, texts — and b
 * bytes of text), so that the cost of a run is at most linear in the size
 * of the plan, never quadratic:
 *
 *   XPath operations   RB_OPS_BASE + RB_OPS_NODE * n, all rules of the
 *                      file together (libxml2's operation counter, which
 *                      counts every node an axis visits, handed from rule
 *                      to rule);
 *   text               RB_TEXT_BASE + RB_TEXT_BYTE * b bytes that libxml2
 *                      allocates while the rules select and read nodes —
 *                      string values (string(/) at every node), node sets,
 *                      the text each selected node is checked on, none of
 *                      which libxml2's operation counter counts;
 *   CPU time           RB_SECONDS + 1 s per MiB of the plan's text (a
 *                      backstop for what neither counter sees, such as
 *                      patterns just under the match limit at every node);
 *   one pattern match  PCRE2's match, depth and heap limits
 *                      (rules_custom.c); a rule whose pattern hits one
 *                      stops there;
 *   findings           RB_FINDINGS shown per rule, then one "N more".
 *
 * Not bounded: libxml2 2.9.14 merges the node sets of a union (a | b) by
 * comparing every pair, outside its operation counter and without
 * allocating; a union of two sets of 50,000 nodes takes seconds.
 *
 * A rule that hits a bound gives one error finding with its own id that
 * names the rule, its file and line, and the bound; the rules after it in
 * the same file, once a whole-run bound is used up, give one finding each
 * saying they were not run.  Messages in English or Chinese (L(en, zh)).
 */
#ifndef PG_RULES_BOUND_H
#define PG_RULES_BOUND_H

#include <stddef.h>

#include "base/diag.h"

struct _xmlNode;		/* libxml2's xmlNode */

/* Documented in plangen.1 (TEAM RULES) and README. */
#define RB_OPS_BASE	4000000UL	/* XPath operations per run ... */
#define RB_OPS_NODE	64UL		/* ... and per node of the plan */
#define RB_TEXT_BASE	(64UL << 20)	/* bytes libxml2 allocates per run ... */
#define RB_TEXT_BYTE	16UL		/* ... and per byte of the plan's text */
#define RB_SECONDS	10		/* CPU seconds per run, and 1 per MiB */
#define RB_FINDINGS	100		/* findings shown per rule */

/* Which bound a rule hit (0: none). */
enum rb_bound {
	RB_NONE = 0,
	RB_OPS_USED,		/* the run's XPath operations */
	RB_TEXT_USED,		/* the run's text */
	RB_TIME_USED,		/* the run's CPU time */
	RB_MATCH_LIMIT,		/* one match: PCRE2's match limit */
	RB_DEPTH_LIMIT,		/* one match: PCRE2's depth limit */
	RB_HEAP_LIMIT,		/* one match: PCRE2's heap limit */
};

/*
 * The budget of one run of one rules file on one plan.  Fill with
 * rb_start(); arm around every stretch of libxml2 work (rb_arm/rb_disarm),
 * then ask rb_over().
 */
struct rb_run {
	const char	*file;		/* the rules file this budget is for */
	unsigned long	 ops, ops0;	/* XPath operations left, at the start */
	size_t		 text, text0;	/* bytes left, at the start */
	double		 seconds;	/* CPU seconds at the start */
	double		 deadline;	/* process CPU seconds when time is up */
	unsigned	 ticks;		/* allocations since the clock was read */
	enum rb_bound	 over;		/* the whole-run bound used up, or 0 */
	unsigned long	*oplimit;	/* the armed XPath context's opLimit */
	int		 zh;		/* Chinese messages */
};

/* The size of a plan document: nodes and bytes of text. */
void	rb_measure(struct _xmlNode *root, size_t *nodes, size_t *bytes);

/* A fresh budget for the rules of `file` on a plan of that size. */
void	rb_start(struct rb_run *u, const char *file, int zh, size_t nodes,
	    size_t bytes);

/*
 * Count libxml2's allocations against u until rb_disarm().  oplimit, if
 * not NULL, is the opLimit of the XPath context being evaluated: set to 1
 * when a bound is used up, so that the evaluation stops at its next
 * operation (libxml2 unwinds cleanly with "operation limit exceeded").
 */
void	rb_arm(struct rb_run *u, unsigned long *oplimit);
void	rb_disarm(struct rb_run *u);

/* Check the CPU time now (between nodes); returns u->over. */
enum rb_bound rb_check_time(struct rb_run *u);

/*
 * The findings.  file/line: the plan and the line the finding is about;
 * id, rfile, rline: the rule, its rules file and line.  Each returns what
 * pg_diag_emit_team() returns.
 */
/* The rule stopped: it hit bound b (at this line; 0: the whole plan). */
int	rb_emit_stopped(const struct rb_run *u, struct pg_diags *d,
	    const char *file, unsigned long line, const char *id,
	    const char *rfile, unsigned long rline, enum rb_bound b);
/* The rule was not run: an earlier rule used up bound u->over. */
int	rb_emit_skipped(const struct rb_run *u, struct pg_diags *d,
	    const char *file, const char *id, const char *rfile,
	    unsigned long rline);
/* more findings of rule id (severity sev) were not shown, the first at line. */
int	rb_emit_more(const struct rb_run *u, struct pg_diags *d,
	    const char *file, unsigned long line, const char *id,
	    enum pg_severity sev, size_t more);
/* The rule's select failed for a reason that is not a bound. */
int	rb_emit_select_failed(const struct rb_run *u, struct pg_diags *d,
	    const char *file, const char *id, const char *rfile,
	    unsigned long rline, const char *why);
/* A pattern match failed with PCRE2 error rc, emsg its English text
 * (not a limit, not memory); Chinese names the code only. */
int	rb_emit_match_failed(const struct rb_run *u, struct pg_diags *d,
	    const char *file, unsigned long line, const char *id,
	    const char *rfile, unsigned long rline, int rc, const char *emsg);

/*
 * A rule's message template tmpl with {text} (text, shortened), {match}
 * (match, matchlen bytes, shortened; nothing if NULL), {id} (the id of
 * node or its nearest ancestor that has one) and {name} (node's name)
 * expanded: malloc'd, or NULL if memory ran out.
 */
char	*rb_expand(const char *tmpl, struct _xmlNode *node, const char *text,
	    const char *match, size_t matchlen);

#endif
