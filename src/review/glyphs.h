/*
 * glyphs.h — characters of a plan that no font can draw, found by
 * `plangen check` (missing-glyph), so CI catches an emoji or a rare
 * character before anyone renders the plan.
 *
 * The review stage knows no fonts: the caller passes an oracle that says
 * whether a code point can be drawn (cli/: the fonts of the default
 * template, loaded only when the plan holds a character beyond ASCII).
 * The words are those of render (base/finding.h pg_glyph_message).
 *
 * Include: main.c, src/cli, tests.
 */
#ifndef PG_GLYPHS_H
#define PG_GLYPHS_H

#include <stdint.h>

#include <libxml/tree.h>

#include "base/diag.h"

/* 1 if cp can be drawn, 0 if not. */
typedef int	(*pg_can_draw_fn)(void *ctx, uint32_t cp);

/*
 * Walk the text and the attribute values of every element of doc (not
 * comments or processing instructions) and add one missing-glyph warning
 * per distinct code point of U+0080 and above that can_draw rejects, at
 * the line of the element where it is first used, in Chinese if zh.
 * Code points below U+0080, Latin-1 and the few punctuation marks every
 * usable font has (quotes, dashes, ellipsis, bullet, euro) are never asked
 * about.  The oracle is asked at most once per distinct code point.  Returns the number of findings
 * added, or -1 if memory ran out (d->oom is then set).
 */
int	pg_glyph_scan(xmlDocPtr doc, const char *file, int zh,
	    pg_can_draw_fn can_draw, void *ctx, struct pg_diags *d);

#endif
