/*
 * ruledoc.h — the documentation of every built-in finding id (the review
 * rules, xml-syntax and schema, and the render findings template and
 * missing-glyph), in one table indexed by enum pg_finding: in English and
 * Chinese, a one-line description, what fires it, why it matters to the
 * plan's reader and how to fix it.  The id and the default severity are
 * not repeated here: they are base/finding.h's.
 *
 * This table is the ONE source for `plangen explain`, the SARIF rule
 * metadata (report.c) and the DIAGNOSTICS section of plangen(1), which the
 * build generates with `plangen explain --man`.  Rule ids are those of
 * ../shared/spec/plan-format.md and are never translated.  test_report
 * fails if an id of finding.h has no row here.
 *
 * Include: anyone (no third-party headers).
 */
#ifndef PG_RULEDOC_H
#define PG_RULEDOC_H

#include <stddef.h>

#include "base/diag.h"
#include "base/lang.h"

/* The text arrays below are indexed by enum pg_lang (base/lang.h). */

struct pg_ruledoc {
	enum pg_finding		 f;		/* the id it documents */
	const char		*summary[PG_LANG_N];	/* one line, no final stop */
	const char		*checks[PG_LANG_N];	/* what fires it */
	const char		*why[PG_LANG_N];	/* why leadership cares */
	const char		*fix[PG_LANG_N];	/* how to fix it */
};

/*
 * The table, indexed by enum pg_finding, so in finding.h's order (the
 * check ids in the spec's order, errors first, then the render ids):
 * pg_ruledoc_count() == PG_F_COUNT rows, row i documenting id i.
 */
extern const struct pg_ruledoc pg_ruledocs[PG_F_COUNT];
size_t	pg_ruledoc_count(void);

/* The documentation of f, or NULL if f is not an id or has no row. */
const struct pg_ruledoc *pg_ruledoc_get(enum pg_finding f);

/* The documentation of the built-in id `id`, or NULL (e.g. a team rule's). */
const struct pg_ruledoc *pg_ruledoc_find(const char *id);

/* The index in pg_ruledocs (== the enum value) of a documented id, or -1. */
long	pg_ruledoc_index(const char *id);

/*
 * The full explanation of one rule as plain text (several lines, ends in a
 * newline), for `plangen explain RULE`.  Returns a malloc'd string the
 * caller frees, or NULL if memory ran out.
 */
char	*pg_ruledoc_explain(const struct pg_ruledoc *, enum pg_lang);

/*
 * Every rule id with its severity and description, one per line, for
 * `plangen explain` without a rule.  malloc'd, or NULL if memory ran out.
 */
char	*pg_ruledoc_list(enum pg_lang);

/*
 * The body of plangen(1)'s DIAGNOSTICS section in man(7) macros (English),
 * one .TP entry per rule.  malloc'd, or NULL if memory ran out.
 */
char	*pg_ruledoc_man(void);

#endif
