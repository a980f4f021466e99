/*
 * font.h — fonts as the layout engine sees them: per-face advance tables.
 *
 * A fontset holds a few faces (files found by fontconfig, or a fake face
 * in unit tests).  Layout measures text only through these tables, so a
 * test can build a fixed-width fontset and predict every position exactly.
 * font.c finds real fonts and fills the tables from HarfBuzz; subsetting
 * and embedding happen in pdf/subset.c from the code points the frames use.
 *
 * Include: layout, render, chart, pdf_write, font.c, tests.
 */
#ifndef PG_FONT_H
#define PG_FONT_H

#include <stddef.h>
#include <stdint.h>

#define PG_FACE_MAX	8

/* Style bits, as in model.h's PG_STYLE_*. */
enum { PG_FS_ITALIC = 1, PG_FS_BOLD = 2 };

/* Which faces draw which characters. */
enum pg_script { PG_SCRIPT_LATIN = 0, PG_SCRIPT_CJK = 1 };

struct pg_face {
	char		*path;		/* font file; NULL for a fake face */
	int		 index;		/* face index inside a .ttc */
	char		*family;	/* e.g. "WenQuanYi Micro Hei" */
	uint16_t	*adv;		/* 65536 advances, 1/1000 em (BMP only) */
	uint8_t		*has;		/* 65536-bit coverage bitmap */
	int		 ascender;	/* 1/1000 em, positive */
	int		 descender;	/* 1/1000 em, negative */
	int		 fake_bold;	/* draw with PG_BOXF_FAKE_BOLD */
	int		 fake_italic;	/* draw with PG_BOXF_FAKE_ITALIC */
	/*
	 * 1 if adv and has are borrowed from another face of the same set (a
	 * faked style shares its real face's tables): pg_fontset_free frees
	 * them only through the owning face.  Added by layoutperf.
	 */
	int		 shared;
};

struct pg_fontset {
	struct pg_face	 face[PG_FACE_MAX];
	int		 nfaces;
	/* map[script][style bits] -> face index */
	int		 map[2][4];
};

/* 1 if the face has a glyph for cp (BMP only; 0 beyond it). */
static inline int
pg_face_has(const struct pg_face *f, uint32_t cp)
{
	return cp < 65536 && (f->has[cp >> 3] >> (cp & 7)) & 1;
}

/* Advance of cp in 1/1000 em (0 if missing or beyond the BMP). */
static inline unsigned
pg_face_adv(const struct pg_face *f, uint32_t cp)
{
	return cp < 65536 ? f->adv[cp] : 0;
}

/* 1 if cp is a CJK character (Han, kana, CJK punctuation, full-width forms). */
int	pg_is_cjk(uint32_t cp);

/*
 * The face that draws cp in a style: the Latin face of that style if cp is
 * not CJK and the face has it, else the CJK face of that style.  Returns a
 * face index.
 */
int	pg_fontset_pick(const struct pg_fontset *, unsigned style, uint32_t cp);

/* Width in pt of UTF-8 text drawn in one face at size pt. */
double	pg_text_width(const struct pg_fontset *, int face, const char *s,
	    size_t len, double size);

/*
 * Find system fonts with fontconfig: a CJK TrueType face (WenQuanYi Micro
 * Hei, or another listed in font.c) and a Latin TrueType face family
 * (regular/bold/italic), and fill the tables.  `latin` and `cjk` name the
 * preferred families (NULL: defaults).  Returns 0, or -1 with a message in
 * err naming the missing family and the Debian package to install.
 */
int	pg_fontset_load(struct pg_fontset *, const char *latin, const char *cjk,
	    char *err, size_t errlen);

/*
 * on = 1: pg_fontset_load and pg_fontset_load_coverage keep fontconfig's
 * answers in a cache file under $XDG_CACHE_HOME/plangen/ (else
 * ~/.cache/plangen/) and take them from there while it is valid, without
 * starting fontconfig (see fontcache.h).  Off by default; the command line
 * turns it on.  Same fonts either way; the cache never makes a load fail.
 */
void	pg_fontset_use_cache(int on);

/*
 * A fixed-width fake fontset for tests: every character `em_adv`/1000 em
 * wide (CJK characters 1000), two faces (Latin, CJK), ascender 800,
 * descender -200.  Returns 0 or -1 if memory ran out.
 */
int	pg_fontset_fake(struct pg_fontset *, unsigned em_adv);

/*
 * The coverage alone of the faces pg_fontset_load would pick (their
 * regular styles; `has` filled, no advances, no style map): enough for
 * pg_fontset_missing(), at a fraction of the cost (check's glyph scan).
 * Returns 0, or -1 with the reason in err.  Free with pg_fontset_free().
 */
int	pg_fontset_load_coverage(struct pg_fontset *, const char *latin,
	    const char *cjk, char *err, size_t errlen);

/* Free tables and names.  The struct is zeroed. */
void	pg_fontset_free(struct pg_fontset *);

/* 1 if some face of the set can draw cp (never beyond the BMP), else 0. */
int	pg_fontset_has(const struct pg_fontset *, uint32_t cp);

/*
 * The first code point in s (UTF-8) that no face of the set can draw
 * (including anything beyond the BMP), or 0 if all can be drawn.
 */
uint32_t pg_fontset_missing(const struct pg_fontset *, const char *s, size_t len);

#endif
