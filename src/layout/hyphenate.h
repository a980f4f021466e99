/*
 * hyphenate.h — private interface between linebreak.c (analysis and line
 * fitting) and hyphenate.c (which tokens are URLs, and where an English
 * word may be hyphenated), over an analysed text (struct pg_lb,
 * layout_int.h).
 *
 * Include: linebreak.c, hyphenate.c.
 */
#ifndef PG_HYPHENATE_H
#define PG_HYPHENATE_H

#include <stddef.h>
#include <stdint.h>

#include "layout/layout_int.h"

/* Widths closer than this (pt) count as equal when fitting a line. */
#define PG_LB_EPS	1e-6

/* 1 if cp is an ASCII letter, the letters the English patterns know. */
static inline int
pg_lb_is_alpha(uint32_t cp)
{
	return (cp >= 'A' && cp <= 'Z') || (cp >= 'a' && cp <= 'z');
}

/*
 * Width (pt) of chars [s, e) of b (s < e <= b->n) with the glue between
 * them, from b's prefix sums: O(1).
 */
static inline double
pg_lb_span(const struct pg_lb *b, size_t s, size_t e)
{
	return b->A[e] - b->A[s] + b->G[e - 1] - b->G[s];
}

/*
 * Find the URLs and addresses in b's characters (analysed, with break
 * opportunities set by UAX #14 and the clreq tailorings; prefix sums are
 * not needed) and mark each of their characters url = 1, so that they are
 * never hyphenated.  A URL is http://, https:// or www. up to the next
 * space or non-ASCII character, less trailing punctuation: inside one a
 * break may then fall only after '/', not between two '/'.  An address is
 * any other token (between spaces, CJK characters and forced breaks) with
 * '/', ':', '@' or '.' between two letters or digits: an e-mail address,
 * a URL without a scheme, a path; its break opportunities stay UAX #14's.
 * Forced breaks (brk 2) always stay.
 */
void	pg_lb_mark_urls(struct pg_lb *b);

/*
 * The last hyphenation point p of the Latin word at ws (after at most
 * three opening marks) such that chars [s, p) plus a hyphen fit in W pt,
 * s <= ws < b->n; 0 if there is none: the word is part of a URL, is not a
 * whole word of 5 to 63 ASCII letters (letters and digits mixed, say), has
 * no point that fits, or the dictionary (hyph_en_US, loaded once on first
 * use) is missing.  p is never at or before ws.  Needs b's prefix sums.
 */
size_t	pg_lb_hyph_point(const struct pg_lb *b, size_t s, size_t ws,
	    double W);

/* Width (pt) of a hyphen drawn after char i, in that char's face. */
double	pg_lb_hyphen_w(const struct pg_lb *b, size_t i);

#endif
