/*
 * cli.h — what the commands of the command line share.  The command line
 * (src/main.c and src/cli/) is the only part of plangen that prints or
 * exits: main.c dispatches and holds the first commands; each file of
 * src/cli/ holds one more.  Everything they print goes through here or
 * through stdout/stderr directly.
 *
 * Include: src/main.c and src/cli/ only.
 */
#ifndef PG_CLI_H
#define PG_CLI_H

#include "model/model.h"	/* struct pg_date */

#define EXIT_FINDINGS	1
#define EXIT_USAGE	2

/* "plangen" */
extern const char *progname;

/*
 * The language of what the command line says: the locale, until a command
 * knows better (--lang; for a plan, the plan's lang).  T(en, zh) picks the
 * words; both are literals, so printf checks both formats.
 */
#include "base/lang.h"
#define T(en, zh)	PG_UI(en, zh)

/* Speak the language of tag (a --lang value or a plan's lang). */
void	speak(const char *tag);

/* The tag of the language spoken now: "en", "zh-CN" or "zh-TW". */
const char *ui_tag(void);

/* A message from another module (read/write errors), in the language. */
void	error_io(const char *err);

/* The usage line of a command, on stdout (its --help); returns 0. */
int	usage_help(const char *usage);

/* "plangen: " + the formatted message + newline, on stderr. */
void	errorf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Print "usage: plangen USAGE" and a hint to stderr; returns EXIT_USAGE. */
int	usage_error(const char *usage);

/*
 * A --lang value: the one language choice of every command (lang.h).
 * Returns 0 and sets *tag to the canonical tag ("en", "zh-CN"), or prints
 * a usage error naming the valid values and returns -1.
 */
int	lang_option(const char *arg, const char **tag);

/*
 * The argument of --as-of (YYYY-MM-DD, a real date) into *out; on a bad
 * date prints an error (in the --lang language) and returns -1, else 0.
 * (cli/asof.c)
 */
int	as_of_option(const char *arg, struct pg_date *out);

/*
 * A --rules value: load the team rules file `path` into *rs (a new set if
 * *rs is NULL).  Returns 0, or prints the error, frees *rs (NULL) and
 * returns -1 (the command exits 2).
 */
struct pg_ruleset;
int	rules_option(struct pg_ruleset **rs, const char *path);

/*
 * The template a `.plangen` file in the plan's folder names (cli/project.c:
 * "template = NAME-or-FILE", a file relative to the .plangen file), into
 * *out (malloc'd), or *out NULL when there is no such file.  Returns 0,
 * or prints the error (file:line) and returns -1 (the command exits 2).
 */
int	project_template(const char *plan, char **out);

/* The path of the `.plangen` file beside plan (whether or not it exists),
 * malloc'd; NULL if memory ran out. */
char	*project_file(const char *plan);

/* The default output of `render PLAN`: PLAN.xml -> PLAN.pdf (PLAN ->
 * PLAN.pdf), malloc'd; NULL if memory ran out. */
char	*default_output(const char *in);

/* Print the findings of a file on stderr (report.h's text lines). */
struct pg_diags;
void	print_diags_stderr(const struct pg_diags *d, const char *file);

/*
 * check (cli/glyphs.c): add a missing-glyph warning to r for each
 * character of its plan that the fonts render would use cannot draw,
 * then free r->doc (which must have been kept: pg_check_opts.keep_doc).
 * check_glyphs_done() frees the fonts, loaded on first need.
 */
struct pg_checked;
void	check_glyphs(struct pg_checked *r, const char *file);
void	check_glyphs_done(void);

/* The commands in src/cli/: argc/argv start at the command's name. */
int	cmd_check(int argc, char **argv);
int	cmd_render(int argc, char **argv);
int	cmd_diff(int argc, char **argv);
int	cmd_watch(int argc, char **argv);

#endif
