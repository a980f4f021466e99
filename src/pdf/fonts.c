/*
 * fonts.c — the PDF writer's fonts: which code points each font file face
 * draws, its HarfBuzz subset (subset.c), loading it into libharu, its
 * ToUnicode map (cmap.c) and widths.  See pdf_write.c (invariants 1-3)
 * and write_int.h.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <hpdf.h>

#include "base/utf8.h"
#include "pdf/cmap.h"
#include "pdf/haru_shim.h"
#include "pdf/write_int.h"

/*
 * The character of a text box at b->text[*i], advancing *i past it, or
 * 0xFFFFFFFF if it is not drawn: a control, a surrogate, U+FFFE/FFFF, a
 * character beyond the BMP, or a byte of invalid UTF-8 (which
 * pg_utf8_next gives as U+FFFD from a single byte; a real U+FFFD takes 3).
 */
uint32_t
pg_w_next_drawn(const struct pg_box *b, size_t *i)
{
	size_t		at = *i;
	uint32_t	cp = pg_utf8_next(b->text, b->len, i);

	if ((cp == 0xFFFD && *i - at == 1) || cp < 0x20 || cp >= 0xFFFE ||
	    (cp >= 0x7F && cp < 0xA0))
		return 0xFFFFFFFF;
	return cp;
}

/*
 * Mark the drawn characters of a text box in `used`.  Returns how many
 * there are.
 */
static size_t
mark_used(const struct pg_box *b, uint8_t *used)
{
	size_t		 i = 0, n = 0;
	uint32_t	 cp;

	while (i < b->len)
		if ((cp = pg_w_next_drawn(b, &i)) != 0xFFFFFFFF) {
			used[cp >> 3] |= (uint8_t)(1u << (cp & 7));
			n++;
		}
	return n;
}

/* Group faces by font file, and collect the code points each one draws. */
void
pg_w_collect(struct wctx *c)
{
	const struct pg_fontset *fs = c->fs;
	size_t	 p, i;
	int	 f, g;

	for (f = 0; f < fs->nfaces && f < PG_FACE_MAX; f++) {
		c->fontof[f] = -1;
		if (fs->face[f].path == NULL)
			continue;
		for (g = 0; g < c->nfonts; g++)
			if (strcmp(c->fonts[g].path, fs->face[f].path) == 0 &&
			    c->fonts[g].index == fs->face[f].index)
				break;
		if (g == c->nfonts) {
			c->fonts[g].path = fs->face[f].path;
			c->fonts[g].index = fs->face[f].index;
			if ((c->fonts[g].used = calloc(PG_CPSET_BYTES, 1)) == NULL)
				pg_w_fail(c, "out of memory");
			c->nfonts++;
		}
		c->fontof[f] = g;
	}
	for (p = 0; p < c->fr->npages; p++) {
		const struct pg_page *pg = &c->fr->pages[p];

		for (i = 0; i < pg->n; i++) {
			const struct pg_box *b = &pg->boxes[i];

			if (b->kind != PG_BOX_TEXT || b->len == 0)
				continue;
			if (b->face < 0 || b->face >= fs->nfaces ||
			    b->face >= PG_FACE_MAX)
				pg_w_fail(c, "a text box uses face %d, which the "
				    "fontset does not have", b->face);
			if (c->fontof[b->face] == -1)
				pg_w_fail(c, "face %d has no font file (a fake "
				    "fontset cannot be drawn)", b->face);
			g = c->fontof[b->face];
			if (mark_used(b, c->fonts[g].used) > 0)
				c->fonts[g].any = 1;
		}
	}
}

/* Replace the font's ToUnicode map (libharu's is invalid: haru_shim.c). */
static void
fix_tounicode(struct wctx *c, struct wfont *w)
{
	HPDF_STATUS	 st;
	size_t		 n;

	if (w->rm.code != NULL)
		n = pg_tounicode_codes(&c->buf, &c->bufcap, w->rm.uni,
		    w->rm.ncodes, w->rm.base, w->onebyte);
	else
		n = pg_tounicode_blocks(&c->buf, &c->bufcap, w->used);
	if (n == 0)
		pg_w_fail(c, "out of memory");
	st = pg_haru_set_tounicode(w->font, c->buf, n);
	if (st == HPDF_INVALID_OBJECT)
		pg_w_fail(c, "libharu wrote no ToUnicode map for %s", w->path);
	pg_w_check(c, st);
}

/*
 * Fill w->wid with libharu's width of each code drawn.  This also marks
 * the glyphs as used, which is what makes libharu embed their outlines
 * (it used to happen as a side effect of HPDF_Page_ShowText).
 */
static void
measure(struct wctx *c, struct wfont *w)
{
	uint32_t	 cp;
	unsigned	 code;

	if ((w->wid = calloc(65536, sizeof(*w->wid))) == NULL)
		pg_w_fail(c, "out of memory");
	for (cp = pg_cpset_next(w->used, 0); cp < 65536;
	    cp = pg_cpset_next(w->used, cp + 1)) {
		code = w->rm.code != NULL ? w->rm.code[cp] : cp;
		w->wid[code] = (int16_t)pg_haru_use_code(w->font, code);
	}
}

/*
 * A remapped face of at most 255 characters (codes PG_REMAP_ONEBYTE_BASE
 * + k, i.e. 1..255) is drawn with 1-byte codes: half the string bytes of
 * the content.  Its /Encoding, libharu's Identity-H (2-byte codes = CIDs),
 * becomes an embedded CMap mapping byte b to CID b, so CIDs, widths and
 * CIDToGIDMap stay as they are.  (CIDs must fit the codespace: MuPDF reads
 * ToUnicode through the encoding and drops CIDs above it.)  The ToUnicode
 * map, written after this, then uses 1-byte codes.
 */
static void
set_onebyte(struct wctx *c, struct wfont *w)
{
	if (w->rm.code == NULL || w->rm.base != PG_REMAP_ONEBYTE_BASE)
		return;
	pg_w_check(c, pg_haru_set_encoding_cmap(c->pdf, w->font,
	    PG_CMAP_ONEBYTE_NAME, pg_cmap_onebyte));
	w->onebyte = 1;
}

void
pg_w_load_fonts(struct wctx *c)
{
	const char	*name;
	int		 g, h;

	for (g = 0; g < c->nfonts; g++) {
		struct wfont *w = &c->fonts[g];

		if (!w->any)
			continue;
		if (pg_subset_write(&c->sub, w->path, w->index, w->used, &w->rm,
		    c->what, sizeof(c->what)) == -1)
			pg_w_failed(c);
		snprintf(c->what, sizeof(c->what), "loading font %s", w->path);
		name = HPDF_LoadTTFontFromFile(c->pdf, c->sub.path, HPDF_TRUE);
		pg_subset_drop(&c->sub);
		if (name == NULL)
			pg_w_fail(c, "cannot load font %s", w->path);
		/* libharu would silently reuse the first font of that name */
		for (h = 0; h < g; h++)
			if (c->fonts[h].name != NULL &&
			    strcmp(c->fonts[h].name, name) == 0)
				pg_w_fail(c, "fonts %s and %s have the same "
				    "PostScript name %s", c->fonts[h].path,
				    w->path, name);
		w->name = name;
		w->font = w->rm.code != NULL ? pg_haru_get_font_codes(c->pdf,
		    name, w->rm.base, w->rm.ncodes) :
		    HPDF_GetFont(c->pdf, name, "UTF-8");
		if (w->font == NULL)
			pg_w_fail(c, "cannot load font %s", w->path);
		set_onebyte(c, w);
		fix_tounicode(c, w);
		measure(c, w);
	}
}

