/*
 * font_table.c — the pure, table-driven half of font.h: which characters
 * are CJK, which face draws a character, text widths, the fixed-width fake
 * fontset of the unit tests, freeing and coverage checks.  No I/O and no
 * third-party headers; pg_fontset_load (fontconfig, HarfBuzz) is in font.c.
 *
 * Every function here is a per-character table lookup: no allocation
 * except in pg_fontset_fake.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "layout/font.h"
#include "base/utf8.h"

int
pg_is_cjk(uint32_t cp)
{
	if (cp < 0x1100)
		return 0;
	if (cp <= 0x11FF)			/* Hangul Jamo */
		return 1;
	if (cp < 0x2E80)
		return 0;
	if (cp <= 0x33FF)			/* radicals .. CJK compatibility */
		return 1;
	if (cp >= 0x3400 && cp <= 0x9FFF)	/* ext. A, hexagrams, unified */
		return 1;
	if (cp >= 0xA960 && cp <= 0xA97F)	/* Hangul Jamo ext. A */
		return 1;
	if (cp >= 0xAC00 && cp <= 0xD7AF)	/* Hangul syllables */
		return 1;
	if (cp >= 0xF900 && cp <= 0xFAFF)	/* compatibility ideographs */
		return 1;
	if (cp >= 0xFE10 && cp <= 0xFE1F)	/* vertical forms */
		return 1;
	if (cp >= 0xFE30 && cp <= 0xFE6F)	/* compatibility, small forms */
		return 1;
	if (cp >= 0xFF00 && cp <= 0xFFEF)	/* half- and full-width forms */
		return 1;
	if (cp >= 0x20000 && cp <= 0x3FFFF)	/* ext. B and beyond */
		return 1;
	return 0;
}

int
pg_fontset_pick(const struct pg_fontset *fs, unsigned style, uint32_t cp)
{
	int lat = fs->map[PG_SCRIPT_LATIN][style & 3];

	if (!pg_is_cjk(cp) && lat >= 0 && lat < fs->nfaces &&
	    fs->face[lat].has != NULL && pg_face_has(&fs->face[lat], cp))
		return lat;
	return fs->map[PG_SCRIPT_CJK][style & 3];
}

double
pg_text_width(const struct pg_fontset *fs, int face, const char *s,
    size_t len, double size)
{
	const struct pg_face	*f;
	unsigned long		 sum = 0;
	size_t			 i = 0;

	if (face < 0 || face >= fs->nfaces || fs->face[face].adv == NULL)
		return 0;
	f = &fs->face[face];
	while (i < len) {
		if ((unsigned char)s[i] < 0x80)
			sum += f->adv[(unsigned char)s[i++]];
		else
			sum += pg_face_adv(f, pg_utf8_next(s, len, &i));
	}
	return (double)sum * size / 1000.0;
}

/* Punctuation a CJK font draws full width (the fake CJK face does too). */
static int
fake_wide(uint32_t cp)
{
	switch (cp) {
	case 0x00B7: case 0x2014: case 0x2015: case 0x2018: case 0x2019:
	case 0x201C: case 0x201D: case 0x2026:
		return 1;
	default:
		return 0;
	}
}

/*
 * Face 0 (Latin) has every BMP character that is not CJK, em_adv wide;
 * face 1 (CJK) has every BMP character: CJK ones and the punctuation of
 * fake_wide() 1000 wide, the rest em_adv.  C0 controls and surrogates are
 * in neither.  Both map all four styles.
 */
int
pg_fontset_fake(struct pg_fontset *fs, unsigned em_adv)
{
	uint32_t	cp;
	int		i, st;

	memset(fs, 0, sizeof(*fs));
	for (i = 0; i < 2; i++) {
		fs->face[i].adv = calloc(65536, sizeof(uint16_t));
		fs->face[i].has = calloc(65536 / 8, 1);
		if (fs->face[i].adv == NULL || fs->face[i].has == NULL) {
			fs->nfaces = i + 1;
			pg_fontset_free(fs);
			return -1;
		}
		fs->face[i].ascender = 800;
		fs->face[i].descender = -200;
	}
	fs->nfaces = 2;
	for (cp = 0x20; cp < 65536; cp++) {
		if (cp >= 0xD800 && cp <= 0xDFFF)
			continue;
		if (!pg_is_cjk(cp)) {
			fs->face[0].adv[cp] = (uint16_t)em_adv;
			fs->face[0].has[cp >> 3] |= (uint8_t)(1u << (cp & 7));
		}
		fs->face[1].adv[cp] = (uint16_t)(pg_is_cjk(cp) || fake_wide(cp) ?
		    1000 : em_adv);
		fs->face[1].has[cp >> 3] |= (uint8_t)(1u << (cp & 7));
	}
	for (st = 0; st < 4; st++) {
		fs->map[PG_SCRIPT_LATIN][st] = 0;
		fs->map[PG_SCRIPT_CJK][st] = 1;
	}
	return 0;
}

void
pg_fontset_free(struct pg_fontset *fs)
{
	int i;

	for (i = 0; i < fs->nfaces && i < PG_FACE_MAX; i++) {
		free(fs->face[i].path);
		free(fs->face[i].family);
		if (!fs->face[i].shared) {
			free(fs->face[i].adv);
			free(fs->face[i].has);
		}
	}
	memset(fs, 0, sizeof(*fs));
}

int
pg_fontset_has(const struct pg_fontset *fs, uint32_t cp)
{
	int f;

	if (cp >= 65536)
		return 0;
	for (f = 0; f < fs->nfaces; f++)
		if (fs->face[f].has != NULL && pg_face_has(&fs->face[f], cp))
			return 1;
	return 0;
}

uint32_t
pg_fontset_missing(const struct pg_fontset *fs, const char *s, size_t len)
{
	size_t		i = 0;
	uint32_t	cp;

	while (i < len) {
		if ((unsigned char)s[i] < 0x80)	/* most text: no decoding */
			cp = (unsigned char)s[i++];
		else
			cp = pg_utf8_next(s, len, &i);
		if (cp == '\t' || cp == '\n' || cp == '\r')
			continue;
		if (!pg_fontset_has(fs, cp))
			return cp;
	}
	return 0;
}
