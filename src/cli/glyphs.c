/*
 * glyphs.c — `plangen check` finds characters no font can draw
 * (missing-glyph), with the fonts render would use (the default
 * template's families, found by fontconfig), loaded only for a plan that
 * holds a character beyond ASCII.  See cli.h.
 */
#include "config.h"

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
	char	err[256];

	(void)ctx;
	if (fonts_state == 0)
		fonts_state = pg_fontset_load_coverage(&fonts, NULL, NULL, err,
		    sizeof(err)) == 0 ? 1 : -1;
	return fonts_state < 0 || pg_fontset_has(&fonts, cp);
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
