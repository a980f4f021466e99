/*
 * template_int.h — private to the template loader (template.c): the
 * checks of a template file before it is read (template_check.c) and the
 * palette check (template_palette.c).
 *
 * Include: compose/template*.c, tests.
 */
#ifndef PG_TEMPLATE_INT_H
#define PG_TEMPLATE_INT_H

#include <stddef.h>

#include <libxml/tree.h>

#include "base/diag.h"
#include "compose/template.h"

/* How many templates deep extends= may go (a template, its parent, ...). */
#define PG_TPL_MAX_DEPTH	8

/*
 * Check a parsed template against the template format in plain words, in
 * pg_lang_ui()'s language: unknown elements and attributes (with "did you
 * mean"), values (colours with the #RRGGBB to write, lengths, sizes,
 * choices), elements given twice, text where only attributes go, and, for
 * a template without extends=, every element and attribute it must give.
 * Findings (rule "template", at their line of file) go to d, at most 20.
 * Returns the number of problems found (0: the RELAX NG validation may
 * still find one, as a backstop).
 */
int	pg_tpl_precheck(const xmlDoc *doc, const char *file, struct pg_diags *d);

/*
 * Validate doc against the embedded template.rng (the backstop after
 * pg_tpl_precheck), each error in pg_lang_ui()'s words (read/lib_msg.h),
 * at most 20.  Returns 0 if valid, -1 if not (findings in d).
 */
int	pg_tpl_validate_rng(xmlDoc *doc, const char *file, struct pg_diags *d);

/*
 * The name of names[0..n) that typo most likely means (a synonym such as
 * "colour" -> "colors", else the nearest by edit distance, any case, within
 * 1 for names of up to 4 letters, 2 up to 8, else 3), or NULL.
 */
const char *pg_tpl_nearest(const char *typo, const char *const *names, size_t n);

/*
 * Check that the colours of t's palette can be told apart: every two of
 * them differ by a CIEDE2000 colour difference of at least
 * PG_PALETTE_MIN_DE, and the first PG_PALETTE_GREY of them also differ in
 * lightness (a grey-scale print) by at least PG_PALETTE_MIN_DL.  Each pair
 * that fails is a finding naming the two colours (at line of file).
 * Returns the number of findings.
 */
#define PG_PALETTE_MIN_DE	10.0
#define PG_PALETTE_MIN_DL	10.0
#define PG_PALETTE_GREY		3
int	pg_tpl_palette_check(const struct pg_template *t, const char *file,
	    unsigned long line, struct pg_diags *d);

/* CIEDE2000 difference of two sRGB colours, and the difference of their
 * CIELAB lightness L*. */
double	pg_color_de2000(struct pg_color a, struct pg_color b);
double	pg_color_dl(struct pg_color a, struct pg_color b);

/*
 * <logo> n of the template file `name` (read from path; NULL: built in)
 * into t: src resolved beside the template, probed as a plan's image is
 * (base/image.h: PNG 8/16-bit, grey, palette, alpha; baseline or
 * progressive JPEG); width and header= if given.  Without src the
 * inherited logo stays.  Returns the errors added to d (0 or 1).
 */
int	pg_tpl_read_logo(const xmlNode *n, const char *name, const char *path,
	    struct pg_template *t, struct pg_diags *d);

/* src relative to the folder of path (as is if absolute or path is NULL),
 * malloc'd; NULL if memory ran out. */
char	*pg_tpl_relative(const char *path, const char *src);

#endif
