/*
 * outline.h — text drawn as vector outlines rather than as text: the
 * shapes of the glyphs, for a mark that a reader sees but that is no text
 * to extract, select or check for overlaps (the DRAFT watermark,
 * compose/cover.c).  The path goes into a PG_BOX_PATH box (frame.h).
 *
 * Include: compose, tests.
 */
#ifndef PG_OUTLINE_H
#define PG_OUTLINE_H

#include "base/strbuf.h"
#include "layout/font.h"

/*
 * Append to sb the outline of the UTF-8 string s drawn in face `face` of
 * fs at size pt, its baseline starting at (x, y) and turned deg degrees
 * counter-clockwise about that point, as the path operators of a
 * PG_BOX_PATH box in page coordinates (pt, y growing downward):
 * "X Y m", "X Y l", "X1 Y1 X2 Y2 X3 Y3 c" (quadratic curves as cubics),
 * "h", one a line.  Glyphs come from the face's cmap and follow each other
 * by their advances (no shaping, no kerning); characters the face lacks
 * are skipped.  bb gets the bounding box of the points (x0, y0, x1, y1).
 * Returns 0, or -1 when the face has no file (a fake face), the file
 * cannot be read, nothing was drawn or memory ran out (sb->oom); then bb
 * is untouched and sb may hold a part of the path.
 */
int	pg_outline_text(const struct pg_fontset *fs, int face, const char *s,
	    double size, double x, double y, double deg, struct pg_sb *sb,
	    double bb[4]);

#endif
