/*
 * check.h — the review pipeline for one file: read -> parse -> schema ->
 * model -> rules -> accepts.  Reports into a struct pg_diags; prints nothing.
 *
 * Include: main.c, render (a plan is checked before it is rendered), tests.
 */
#ifndef PG_CHECK_H
#define PG_CHECK_H

#include "base/diag.h"
#include "base/lang.h"
#include "model/model.h"

struct pg_ruleset;	/* rules_custom.h */

struct pg_check_opts {
	const char	*lang;		/* --lang, or NULL: the plan's own */
	int		 strict;	/* --strict: warnings fail */
	const struct pg_ruleset *rules;	/* --rules: team rules, or NULL */
	int		 keep_doc;	/* keep the parsed document in out->doc */
	struct pg_date	 as_of;		/* --as-of (y 0: none); replaces the
					   plan's meta/as-of in out->plan */
};

struct pg_checked {
	struct pg_plan	*plan;		/* NULL unless the plan parsed and matched the schema */
	struct pg_diags	 diags;		/* this file's findings, sorted by line */
	int		 completeness;	/* percent, -1 if not computed */
	struct _xmlDoc	*doc;		/* with opts->keep_doc: the parsed document
					   (NULL if it did not parse); else NULL */
	enum pg_lang	 lang;		/* of its messages: --lang, else the plan's lang= */
	int		 hant;		/* ... in Traditional characters (lang.h) */
	int		 rules_ran;	/* 1 if the review rules ran (no xml-syntax
					   or schema error stopped them) */
	int		 lang_hint;	/* 1: <plan> has no lang= but most of its
					   letters are Han: it should say lang="zh-CN"
					   (a note beside the findings, not a finding) */
};

/*
 * The note for lang_hint, in both languages at once (the plan said no
 * language, so neither can be assumed): printed by check's text report
 * and by render, after the file name and ": note: ".
 */
#define PG_LANG_HINT_NOTE \
	"most of the text is Chinese but <plan> has no lang: add " \
	"lang=\"zh-CN\" (or zh-TW) for Chinese headings, dates and line " \
	"breaking / 计划正文多为中文，但 <plan> 没有 lang 属性：请加上 " \
	"lang=\"zh-CN\"（繁体用 zh-TW），标题、日期和断行才会按中文处理"

/*
 * Check the plan at `path`.  Returns 0 when the file was read (findings,
 * even xml-syntax errors, are in out->diags), or -1 when it could not be
 * read at all (a message in err: an exit-2 condition).  out is always
 * initialised; release it with pg_checked_free().
 */
int	pg_check_file(const char *path, const struct pg_check_opts *,
	    struct pg_checked *out, char *err, size_t errlen);

/* Same, for a plan already in memory; `name` is used in findings. */
int	pg_check_buffer(const char *buf, size_t len, const char *name,
	    const struct pg_check_opts *, struct pg_checked *out);

/* Free the plan, the findings and the document.  Never fails. */
void	pg_checked_free(struct pg_checked *);

/* 1 if the findings fail the check: any error, or any warning if strict. */
int	pg_checked_failed(const struct pg_checked *, int strict);

#endif
