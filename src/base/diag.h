/*
 * diag.h — the one diagnostics module.
 *
 * Every stage (reader, schema, rules, renderer) reports problems by adding
 * a struct pg_diag to a struct pg_diags; nothing but main.c prints.  A
 * diagnostic names a rule id (stable, never translated), a severity, the
 * file and the 1-based line of the element it is about (0: the whole file),
 * and a message in the plan's language.
 *
 * One emitter: a built-in finding is added with pg_diag_emit(), which
 * takes an enum pg_finding (finding.h) and looks up its id and severity in
 * the one list; only team rules, whose ids and severities their authors
 * choose, use pg_diag_emit_team().
 *
 * Include: anyone.
 */
#ifndef PG_DIAG_H
#define PG_DIAG_H

#include <stdarg.h>
#include <stddef.h>

#include "base/finding.h"

struct pg_diag {
	char		*file;		/* owned; as given on the command line */
	unsigned long	 line;		/* 1-based; 0 = no line (whole file) */
	enum pg_severity sev;
	char		*rule;		/* owned; rule id, e.g. "schema" */
	char		*msg;		/* owned; UTF-8 message, no trailing newline */
	int		 accepted;	/* silenced by <?plangen accept?> */
	unsigned long	 seq;		/* insertion order, keeps sorting stable */
};

struct pg_diags {
	struct pg_diag	*v;
	size_t		 n, cap;
	unsigned long	 next_seq;
	int		 oom;		/* an allocation failed; some findings lost */
};

/* Initialise an empty list.  Never fails. */
void	pg_diags_init(struct pg_diags *);

/*
 * Append a built-in finding f, with f's id and severity (finding.h), about
 * `line` (1-based; 0: the whole file) of `file` (copied; NULL: "").  The
 * message is formatted with printf-style fmt.  Returns 0 on success, -1 if
 * memory ran out (then d->oom is set and the finding is lost; the caller
 * may go on) or if f is not an id (a programming error; nothing is added).
 */
int	pg_diag_emit(struct pg_diags *d, enum pg_finding f, const char *file,
	    unsigned long line, const char *fmt, ...)
	    __attribute__((format(printf, 5, 6)));
int	pg_diag_vemit(struct pg_diags *d, enum pg_finding f, const char *file,
	    unsigned long line, const char *fmt, va_list ap)
	    __attribute__((format(printf, 5, 0)));

/*
 * Append a team rule's finding: like pg_diag_emit(), with the rule id
 * `rule` (copied) and severity given by the caller.  Only for ids that are
 * not built in (rules_custom.c refuses a team rule with a built-in id).
 * Returns 0, or -1 if memory ran out (d->oom is set).
 */
int	pg_diag_emit_team(struct pg_diags *d, const char *rule,
	    enum pg_severity sev, const char *file, unsigned long line,
	    const char *fmt, ...)
	    __attribute__((format(printf, 6, 7)));

/* Sort by line, then insertion order (stable).  A list holds one file's findings. */
void	pg_diags_sort(struct pg_diags *);

/* Count unaccepted findings of a severity. */
size_t	pg_diags_count(const struct pg_diags *, enum pg_severity);

/* Count findings of a rule id (accepted ones included). */
size_t	pg_diags_count_rule(const struct pg_diags *, const char *rule);

/* Free every finding; the list is empty and reusable afterwards. */
void	pg_diags_free(struct pg_diags *);

/* "error" or "warning". */
const char *pg_severity_name(enum pg_severity);

#endif
