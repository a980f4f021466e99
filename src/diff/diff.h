/*
 * diff.h — what changed between two revisions of a plan (`plangen diff`).
 *
 * The comparison works on the two parsed documents, not on the model, so
 * a version 1 and a version 2 plan compare, and so does a plan that fails
 * the schema (only a file that does not parse cannot be compared).
 *
 * Items.  A section (a child of <plan>) holds items: every element with an
 * `id`, and the list elements of the format (point, year, fact, segment,
 * competitor, position, dimension, line, contingency, kpi, milestone,
 * review, risk, stage, row, section, positioning-map, blueprint, journey,
 * ...; see diff.c).  The section itself is an item too, holding what is
 * not in an item (meta's title, budget/@total, strategy/positioning, ...).
 * An item's fields are its attributes and the text of its non-item
 * descendants, by path: "@due", "statement", "metric[revenue]/@target"
 * (a repeated child is keyed by its @name, else @period, else its place).
 *
 * Matching.  Items with an id match by id, anywhere in the plan.  Items
 * without one match within their group (same section, same parent item,
 * same element name): first those whose fields are all equal, then those with
 * the same label (a budget line's category, a segment's name, a year's
 * label, ...), then the rest pairwise in document order.  A matched item
 * whose fields differ is "changed"; one that changed its parent item, or
 * is outside the longest run of its matched siblings that kept their order,
 * is "moved" (and may be changed too); the rest are "added" or "removed".  Cost: linear in the
 * size of both documents apart from a sort of each group.
 *
 * Also compared: the budget total (budget/@total when given, else the sum
 * of its lines and contingency, exact money), the completeness score, and
 * the findings: a finding is keyed by its rule id and the item it is about
 * (the innermost item whose lines hold its line); those of OLD without a
 * match in NEW are "fixed", those of NEW without a match in OLD
 * "introduced" (accepted findings are left out of both).
 *
 * Include: main.c, compose (render --since), tests.
 */
#ifndef PG_DIFF_H
#define PG_DIFF_H

#include <stddef.h>
#include <stdint.h>

#include "review/check.h"

enum pg_dkind { PG_D_ADDED, PG_D_REMOVED, PG_D_CHANGED, PG_D_MOVED };

/* One field of an item that differs; old or new is NULL when absent. */
struct pg_dfield {
	const char	*path;		/* "@due", "metric[revenue]/@target" */
	const char	*old, *new;
	unsigned long	 line;		/* NEW's line of its element; 0 if removed */
};

/*
 * One item added, removed, changed or moved.  A section's own fields (meta's
 * title, strategy/positioning, budget/@total) are one change each, at the
 * field's line, with elem == section and no label.
 */
struct pg_dchange {
	enum pg_dkind	 kind;		/* PG_D_MOVED when moved (changed or not) */
	const char	*section;	/* element name of the section: "goals" */
	const char	*elem;		/* element name of the item: "goal" */
	const char	*label;		/* its id, or a label ("Advertising", text…) */
	int		 label_is_text;	/* the label is its text, shortened */
	const char	*desc;		/* what it is, shortened: its title,
					   statement or text; NULL if none or
					   the same as label */
	unsigned long	 line;		/* in NEW: the item, or where it was (removed) */
	unsigned long	 first, last;	/* NEW's lines of the item; 0 if removed */
	unsigned long	 old_line;	/* in OLD; 0 if added */
	const struct pg_dfield *fields;	/* the fields that differ (changed, moved) */
	size_t		 nfields;
};

/* A finding fixed (was in OLD) or introduced (is in NEW). */
struct pg_dfinding {
	const char	*rule;
	int		 error;		/* 1 error, 0 warning */
	const char	*section, *elem, *label;	/* its item; NULL: the whole file */
	unsigned long	 line;		/* in OLD (fixed) or NEW (introduced) */
	const char	*msg;
};

struct pg_diff_side {
	const char	*file;
	int		 completeness;	/* percent; -1 not computed */
	int		 total_set;	/* 0: no budget amounts could be read */
	int64_t		 total;		/* minor units */
	const char	*currency;	/* @currency, "CNY" if absent */
	const char	*date;		/* meta/date as written, or NULL */
	size_t		 errors, warnings;	/* unaccepted findings */
};

struct pg_diff {
	struct pg_diff_side old, new;
	const char	*lang;		/* the language of the report (a tag) */
	struct pg_dchange *changes;	/* by section in NEW's order, then line */
	size_t		 nchanges;
	size_t		 nadded, nremoved, nchanged, nmoved;
	struct pg_dfinding *fixed, *introduced;
	size_t		 nfixed, nintroduced;
	void		*mem;		/* private: the arena everything lives in */
};

/*
 * Compare two checked plans (both checked with keep_doc, both with a
 * document).  lang: the report's language tag (--lang), or NULL for NEW's
 * @lang.  Returns 0 and fills *d (free with pg_diff_free()), or -1 if
 * memory ran out or a document is missing (*d is then empty).
 */
int	pg_diff(const struct pg_checked *old, const char *old_file,
	    const struct pg_checked *new, const char *new_file,
	    const char *lang, struct pg_diff *d);

/* 1 if the plans are the same plan (no change, same findings), else 0. */
int	pg_diff_same(const struct pg_diff *);

void	pg_diff_free(struct pg_diff *);

enum pg_diff_format { PG_DIFF_TEXT, PG_DIFF_JSON, PG_DIFF_MARKDOWN };

/* Parse "text", "json", "markdown" (or "md").  0, or -1 if unknown. */
int	pg_diff_format_parse(const char *s, enum pg_diff_format *out);

/*
 * The report in a format (diff_report.c): a malloc'd NUL-terminated
 * string ending with a newline, or NULL if memory ran out.
 *   text      compiler style, NEW's line numbers: "NEW:LINE: SECTION:
 *             changed goal G1: @due 2027-06-30 → 2027-09-30", then the
 *             budget total, completeness, findings fixed/introduced and a
 *             summary line.
 *   json      one object: files, completeness, budget_total, counts,
 *             sections[] of changes with full old/new values, findings.
 *   markdown  for a pull-request comment: a summary table, then a list
 *             per section, then the findings fixed and introduced.
 */
char	*pg_diff_report(const struct pg_diff *, enum pg_diff_format);

/*
 * Words for a document (render --since), in the report's language, as
 * malloc'd strings (NULL if memory ran out):
 *   pg_diff_change_words    "changed goal G2: metric target “40” → “45”"
 *                           (a removed or moved item: " (was line N)")
 *   pg_diff_finding_words   "warning: MESSAGE [rule]"
 *   pg_diff_summary_words   the summary sentence, then the budget total and
 *                           completeness when they changed
 * pg_diff_section_name: "goals" → "goals" / "目标" (static).
 */
char	*pg_diff_change_words(const struct pg_diff *, const struct pg_dchange *);
char	*pg_diff_finding_words(const struct pg_diff *, const struct pg_dfinding *);
char	*pg_diff_summary_words(const struct pg_diff *);
const char *pg_diff_section_name(const char *section, const char *lang);

#endif
