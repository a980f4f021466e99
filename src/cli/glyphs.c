/*
 * glyphs.c — `plangen check` finds characters no font can draw
 * (missing-glyph), with the fonts render would use (the default
 * template's families, found by fontconfig), loaded only for a plan that
 * holds a character beyond ASCII.  See cli.h.
 */
#include "config.h"

#include <string.h>

#include "cli/cli.h"
#include "layout/font.h"
#include "review/check.h"
#include "review/glyphs.h"

static struct pg_fontset fonts;
static int	fonts_state;	/* 0 not tried, 1 loaded, -1 none found */

/* The oracle of pg_glyph_scan: can the fonts draw cp?  Without fonts, yes
 * (render reports the missing font itself, naming the package). */
static int
can_draw(void *ctx, uint32_t cp)
{
	char	u[5];
	size_t	n;
	char	err[256];

	(void)ctx;
	if (fonts_state == 0)
		fonts_state = pg_fontset_load_coverage(&fonts, NULL, NULL, err,
		    sizeof(err)) == 0 ? 1 : -1;
	if (fonts_state < 0)
		return 1;
	if (cp < 0x80)
		u[0] = (char)cp, n = 1;
	else if (cp < 0x800)
		u[0] = (char)(0xC0 | cp >> 6), u[1] = (char)(0x80 | (cp & 0x3F)), n = 2;
	else if (cp < 0x10000)
		u[0] = (char)(0xE0 | cp >> 12), u[1] = (char)(0x80 | ((cp >> 6) & 0x3F)),
		    u[2] = (char)(0x80 | (cp & 0x3F)), n = 3;
	else
		u[0] = (char)(0xF0 | cp >> 18), u[1] = (char)(0x80 | ((cp >> 12) & 0x3F)),
		    u[2] = (char)(0x80 | ((cp >> 6) & 0x3F)), u[3] = (char)(0x80 | (cp & 0x3F)),
		    n = 4;
	u[n] = '\0';
	return pg_fontset_missing(&fonts, u, n) == 0;
}

void
check_glyphs(struct pg_checked *r, const char *file)
{
	if (r->doc != NULL) {
		if (pg_glyph_scan(r->doc, file, r->lang == PG_LANG_ZH, can_draw,
		    NULL, &r->diags) > 0)
			pg_diags_sort(&r->diags);
		xmlFreeDoc(r->doc);
		r->doc = NULL;
	}
}

void
check_glyphs_done(void)
{
	if (fonts_state == 1)
		pg_fontset_free(&fonts);
	fonts_state = 0;
}
