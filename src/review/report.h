/*
 * report.h — format the results of `plangen check` (one or several files)
 * as text, JSON, SARIF 2.1.0 or GitHub Actions workflow commands, and the
 * findings of `plangen render` as text.  The one place a finding line is
 * formatted.  Builds a string; main.c prints it.
 *
 * Text (the spec's "Text output"): one line per unaccepted finding,
 * "FILE:LINE: SEVERITY: MESSAGE [RULE]", then per file the summary
 * "FILE: N errors, M warnings; completeness P%".
 *
 * JSON (one document, the same shape for one file or many):
 *   { "tool": { "name": "plangen", "version": "0.1.0" },
 *     "files": [
 *       { "file": "plan.xml",
 *         "findings": [ { "rule": "goal-not-measurable", "severity": "error",
 *                         "line": 57, "message": "...", "accepted": false } ],
 *         "counts": { "errors": 1, "warnings": 0, "accepted": 0 },
 *         "completeness": 86 } ],
 *     "counts": { "errors": 1, "warnings": 0, "accepted": 0 } }
 * A version 2 plan's file also has "tracking" (pg_json_tracking()):
 *   { "as_of": "2027-06-30" | null,
 *     "kpis":    [ { "line", "text", "goal", "metric", "baseline", "target",
 *                    "unit", "due", "latest": { "date", "value" } | null,
 *                    "actuals": N, "expected", "status" } ],
 *     "metrics": [ { "line", "goal", "name", the same judgement members } ],
 *     "actions": [ { "line", "id", "owner", "category", "end", "status",
 *                    "progress" } ],
 *     "budget":  [ { "line", "category", "amount", "spent", "overspent" } ] }
 * KPI/metric "status": "on-track", "at-risk" (below the straight line by
 * at most 10 % of the baseline-to-target distance), "off-track" (more:
 * kpi-off-track), or "not-judged" (no as-of date, no actual, no baseline,
 * no such metric); "expected" is the line's value at the latest actual's
 * date.  Action "status": "planned", "in-progress", "done", "cancelled"
 * or "late" (not done or cancelled, end before the as-of date).  Numbers
 * are strings as written (decimals) or exact money ("1000.00").
 * "line" is null for a finding about the whole file, "completeness" null
 * when it was not computed (the plan could not be read into the model).
 * A file that could not be read at all (res NULL) is listed with its
 * "error" ("cannot read x.xml: No such file or directory"), no findings
 * and zero counts; the text, GitHub and SARIF formats leave it out (the
 * error went to standard error).
 * Findings are sorted by line; accepted findings are listed with
 * "accepted": true and counted only in "accepted".  The top-level "counts"
 * add up all files.
 *
 * SARIF: one run; tool.driver.rules lists every built-in rule (ruledoc.h)
 * and then every team rule, each with its id and a human name
 * ("BudgetTotalMismatch"); results point at them by ruleId and ruleIndex.
 * Accepted findings are listed (the spec's "Accepting a finding"), and
 * every result then carries "suppressions" (SARIF 2.1.0 3.27.23: on all
 * results or none): [{ "kind": "inSource" }] for an accepted finding, []
 * for the others.  With omit_accepted (--omit-accepted, for GitHub code
 * scanning, which ignores suppressions and would show accepted findings
 * as open alerts) they are left out and no result carries suppressions.  An absolute file name becomes a
 * file URI ("file:///home/a/plan.xml"); a relative one stays a relative
 * reference with "uriBaseId": "%SRCROOT%" (the directory plangen ran in).
 * A finding about the whole file (no line) has no region.
 *
 * GitHub: "::error file=F,line=L,title=RULE::MESSAGE" (::warning for
 * warnings), escaped per GitHub's workflow-command rules, then the text
 * summary line of each file.
 *
 * --quiet keeps only the summary lines (text and GitHub); JSON and SARIF
 * are always complete documents.
 *
 * Include: main.c, tests.
 */
#ifndef PG_REPORT_H
#define PG_REPORT_H

#include <stddef.h>

#include "review/check.h"

struct pg_ruleset;

enum pg_format {
	PG_FMT_TEXT = 0,
	PG_FMT_JSON,
	PG_FMT_SARIF,
	PG_FMT_GITHUB,
};

/* Parse "text", "json", "sarif", "github".  Returns 0, or -1 if unknown. */
int	pg_format_parse(const char *s, enum pg_format *out);

/* One checked file. */
struct pg_report_file {
	const char		*file;	/* as given on the command line */
	const struct pg_checked	*res;	/* NULL: not read, see error */
	const char		*error;	/* why it could not be read, or NULL */
};

struct pg_report_opts {
	enum pg_format		  fmt;
	int			  quiet;	/* only the summary lines */
	const struct pg_ruleset	 *rules;	/* team rules, or NULL */
	int			  omit_accepted;	/* SARIF: leave accepted findings out */
};

/*
 * The report for files[0..n) in o->fmt.  Returns a malloc'd,
 * NUL-terminated string (the caller frees it; it ends with a newline
 * unless empty), or NULL if memory ran out.
 */
char	*pg_report(const struct pg_report_file *files, size_t n,
	    const struct pg_report_opts *o);

/*
 * The text finding lines of `d` alone (no summary), for findings outside
 * `plangen check` (render prints these on stderr): one line per
 * unaccepted finding, in the list's order, formatted exactly as in the
 * text report, with the finding's own file name (`file` if it has none),
 * the severity in the language of the tag `lang` (NULL: English; a
 * Traditional tag converts the lines, lang.h).
 * Returns a malloc'd string ("" if there is no such finding) the caller
 * frees and prints, or NULL if memory ran out.
 */
char	*pg_report_findings(const struct pg_diags *d, const char *file,
	    const char *lang);

/*
 * root as JSON text, pretty-printed exactly as json-c's
 * json_object_to_json_string_ext(PRETTY | SPACED | NOSLASHESCAPE) does,
 * plus a newline, in a malloc'd string the caller frees; NULL if memory
 * ran out (never a document with a part silently missing, which json-c's
 * own writer gives then).  root is not consumed.
 */
struct json_object;
char	*pg_json_text(struct json_object *root);

/*
 * The "tracking" object of plan p (see the JSON shape above), built with
 * json-c; NULL for a version 1 plan (no member), or with *oom set when
 * memory ran out (then the object may be incomplete).  report_track.c.
 */
struct json_object *pg_json_tracking(const struct pg_plan *p, int *oom);

#endif
