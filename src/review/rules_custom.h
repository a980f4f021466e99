/*
 * rules_custom.h — team rules: review checks a review team writes in an
 * XML rules file (`plangen check --rules FILE`, `plangen rules test FILE`).
 *
 * A rules file (schema/rules.rng, documented there and in plangen(1)):
 *
 *   <rules version="1">
 *     <rule id="no-absolute-claims" severity="error" select="//promotion">
 *       <description>Absolute claims are banned in advertising</description>?
 *       <message>promotion text uses the absolute claim "{match}"</message>
 *       ( <forbid pattern="PCRE2"/> | <require pattern="PCRE2"/>
 *       | <require-child name="measure"/> )
 *       <example pass="true|false"> ONE element: a plan or a fragment </example>*
 *     </rule>
 *   </rules>
 *
 * `select` is an XPath 1.0 expression evaluated on the plan document; each
 * selected node (element or attribute) is checked: its string value, with
 * white space collapsed, must not match (forbid) / must match (require) the
 * pattern, or the element must have a child element of that name
 * (require-child).  A failing node gives one finding at its line with the
 * rule's id and severity; the message may use {text} (the node's text,
 * shortened), {match} (the forbidden text found), {id} (the id attribute of
 * the node or its nearest ancestor that has one) and {name} (the element's
 * name).  Patterns are PCRE2 in UTF mode, compiled once, matched with a
 * match limit and a depth limit: a pattern that hits a limit gives an error
 * finding naming the rule instead of hanging.
 *
 * Examples are tested by `plangen rules test`: the rule runs on a document
 * made of the example's one child element; pass="true" must give no finding
 * of the rule, pass="false" at least one.  A selector such as
 * "//promotion" works on whole plans and fragments alike.
 *
 * Include: check.c, report.c, main.c, tests.  No third-party headers here:
 * libxml2 and PCRE2 stay inside rules_custom.c.
 */
#ifndef PG_RULES_CUSTOM_H
#define PG_RULES_CUSTOM_H

#include <stddef.h>

#include "base/diag.h"
#include "base/lang.h"

struct pg_ruleset;		/* opaque; rules of one or more files */
struct _xmlDoc;			/* libxml2's xmlDoc */

/* A new, empty rule set, or NULL if memory ran out. */
struct pg_ruleset *pg_ruleset_new(void);

/*
 * Read the rules file at `path` and add its rules to rs.  The file is read
 * with the safe reader, validated against the embedded rules.rng, and every
 * XPath and pattern is compiled.  Returns 0, or -1 with a message in err
 * that names the file and line ("rules.xml:7: rule x: invalid regular
 * expression ...") — an exit-2 condition; rs is then unchanged.  A rule id
 * that is already in rs or is a built-in rule id is an error too.
 */
int	pg_ruleset_load(struct pg_ruleset *rs, const char *path, char *err,
	    size_t errlen);

/* Free rs and everything in it (NULL is fine). */
void	pg_ruleset_free(struct pg_ruleset *rs);

/* What report writers need to know about a rule. */
struct pg_rule_info {
	const char		*id;
	enum pg_severity	 sev;
	const char		*description;	/* <description>, or the message */
	const char		*message;	/* the message template */
	const char		*file;		/* the rules file */
	unsigned long		 line;		/* the <rule> element's line */
};

/* Number of rules in rs (0 for NULL). */
size_t	pg_ruleset_count(const struct pg_ruleset *rs);

/* Fill *out for rule i < pg_ruleset_count(rs); pointers stay owned by rs. */
void	pg_ruleset_info(const struct pg_ruleset *rs, size_t i,
	    struct pg_rule_info *out);

/*
 * Run every rule on a parsed plan document, adding findings (file `name`)
 * to d; the findings plangen writes itself (a rule that hit a bound, "N
 * more findings") are in language lang.  The whole run of each rules file
 * is bounded (rules_bound.h: XPath operations, text, CPU time; at most
 * RB_FINDINGS findings a rule): a rule that hits a bound gives an error
 * finding that names it and the bound.  Returns 0, or -1 if memory ran
 * out (d->oom or a finding says so).
 */
int	pg_ruleset_run(const struct pg_ruleset *rs, struct _xmlDoc *doc,
	    const char *name, enum pg_lang lang, struct pg_diags *d);

/* The result of one example of `plangen rules test`. */
struct pg_rule_test {
	const char	*file;		/* the rules file (owned by the set) */
	unsigned long	 line;		/* the <example> element's line */
	size_t		 example;	/* 1-based, within its rule */
	const char	*rule;		/* the rule id (owned by the set) */
	int		 ok;
	char		*detail;	/* owned; why it failed, or NULL */
};

/*
 * Run every example of every rule in rs.  On success *out holds *n results
 * in file order (free with pg_rule_tests_free) and the number of failed
 * examples is returned; -1 if memory ran out (*out NULL).
 */
long	pg_ruleset_test(const struct pg_ruleset *rs, struct pg_rule_test **out,
	    size_t *n);

void	pg_rule_tests_free(struct pg_rule_test *v, size_t n);

#endif
