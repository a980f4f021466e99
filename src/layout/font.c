/*
 * font.c — find the system fonts plangen draws with (fontconfig) and fill
 * their advance and coverage tables (HarfBuzz).  See font.h.
 *
 * Design:
 *  1. Only TrueType outlines (a `glyf` and a `loca` table) can be embedded
 *     by libharu 2.3.0; CFF/OpenType faces (Noto CJK) are skipped.
 *  2. Families are listed with FcFontList, which matches the family name
 *     exactly: fontconfig never substitutes another family behind our back.
 *  3. Faces are laid out as: Latin regular, bold, italic, bold italic, then
 *     CJK regular, bold, italic, bold italic.  A style the family lacks is a
 *     copy of the regular face with fake_bold / fake_italic set (the PDF
 *     writer emboldens with fill+stroke text and slants with a text matrix).
 *     Faces that name the same file and index become one embedded font.
 *     Han characters are never slanted (slanted Han is poor typography, see
 *     clreq): the CJK italic styles use a Kai (楷体) face, the traditional
 *     face for emphasis in Chinese, when one is installed (AR PL UKai,
 *     fonts-arphic-ukai; LXGW WenKai), else the upright regular/bold face.
 *  4. A CJK face is required; a Latin family is optional: without one, the
 *     CJK face (WenQuanYi has Latin glyphs) draws Latin text too.
 *  5. fontconfig's answers (which faces a family has) are kept on disk
 *     when the command line enables it (fontcache.h): a run whose answers
 *     are all cached and still valid never starts fontconfig.  Otherwise a
 *     private FcConfig is built on the first question and destroyed at the
 *     end of the call, so no fontconfig state survives it.
 */
#include "config.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <fontconfig/fontconfig.h>
#include <hb.h>

#include "base/lang.h"
#include "layout/font.h"
#include "layout/fontcache.h"


static const char *const cjk_families[] = {
	"WenQuanYi Micro Hei",	/* fonts-wqy-microhei */
	"WenQuanYi Zen Hei",	/* fonts-wqy-zenhei */
	"AR PL UMing CN",	/* fonts-arphic-uming */
	"AR PL UKai CN",	/* fonts-arphic-ukai */
	"LXGW WenKai",		/* fonts-lxgw-wenkai */
	"Droid Sans Fallback",	/* fonts-droid-fallback */
	NULL
};

static const char *const latin_families[] = {
	"Liberation Sans",	/* fonts-liberation2 */
	"DejaVu Sans",		/* fonts-dejavu-core */
	"Noto Sans",		/* fonts-noto-core */
	NULL
};

/*
 * Where the faces of a family come from: the on-disk cache (fontcache.h),
 * else fontconfig, initialised on the first question the cache cannot
 * answer.
 */
struct fq {
	struct pg_fcache *cache;	/* NULL: none (memory) */
	FcConfig	*cfg;		/* NULL until needed */
	int		 fc_failed;	/* fontconfig could not start */
};

static int
cand_cmp(const void *a, const void *b)
{
	const struct pg_fcand *x = a, *y = b;
	int c = strcmp(x->file, y->file);

	return c ? c : x->index - y->index;
}

/* 1 if a and b are equal ignoring ASCII case and blanks (as fontconfig). */
static int
same_name(const char *a, const char *b)
{
	for (;;) {
		while (*a == ' ')
			a++;
		while (*b == ' ')
			b++;
		if (*a == '\0' || *b == '\0')
			return *a == *b;
		if (tolower((unsigned char)*a) != tolower((unsigned char)*b))
			return 0;
		a++;
		b++;
	}
}

/*
 * Every face of `family` (exact family match, normal width), sorted by file
 * and index so the choice never depends on fontconfig's listing order.
 * Returns the count (0 if none or no memory); *out is malloc'd or NULL.
 */
static size_t
fc_list_family(FcConfig *cfg, const char *family, struct pg_fcand **out,
    int *nomem)
{
	FcPattern	*pat;
	FcObjectSet	*os;
	FcFontSet	*fs;
	struct pg_fcand	*c = NULL;
	size_t		 n = 0;
	int		 i;

	*out = NULL;
	*nomem = 0;
	pat = FcPatternBuild(NULL, FC_FAMILY, FcTypeString, family,
	    FC_OUTLINE, FcTypeBool, FcTrue, (char *)NULL);
	os = FcObjectSetBuild(FC_FILE, FC_INDEX, FC_FAMILY, FC_WEIGHT,
	    FC_SLANT, FC_WIDTH, (char *)NULL);
	fs = (pat && os) ? FcFontList(cfg, pat, os) : NULL;
	if (fs == NULL || (fs->nfont > 0 &&
	    (c = calloc((size_t)fs->nfont, sizeof(*c))) == NULL))
		*nomem = 1;
	if (c != NULL) {
		for (i = 0; i < fs->nfont; i++) {
			FcChar8	*file, *fam = (FcChar8 *)family, *v;
			int	 idx = 0, w = FC_WEIGHT_REGULAR, k;
			int	 sl = FC_SLANT_ROMAN, wd = FC_WIDTH_NORMAL;

			if (FcPatternGetString(fs->fonts[i], FC_FILE, 0,
			    &file) != FcResultMatch)
				continue;
			FcPatternGetInteger(fs->fonts[i], FC_INDEX, 0, &idx);
			FcPatternGetInteger(fs->fonts[i], FC_WEIGHT, 0, &w);
			FcPatternGetInteger(fs->fonts[i], FC_SLANT, 0, &sl);
			FcPatternGetInteger(fs->fonts[i], FC_WIDTH, 0, &wd);
			if (wd != FC_WIDTH_NORMAL)
				continue;
			for (k = 0; FcPatternGetString(fs->fonts[i], FC_FAMILY,
			    k, &v) == FcResultMatch; k++)
				if (same_name((const char *)v, family)) {
					fam = v;
					break;
				}
			if ((c[n].file = strdup((const char *)file)) == NULL) {
				*nomem = 1;
				break;
			}
			if ((c[n].family = strdup((const char *)fam)) == NULL) {
				free(c[n].file);
				*nomem = 1;
				break;
			}
			c[n].index = idx;
			c[n].weight = w;
			c[n].slant = sl;
			c[n].width = wd;
			n++;
		}
		if (n > 1)
			qsort(c, n, sizeof(*c), cand_cmp);
	}
	if (fs != NULL)
		FcFontSetDestroy(fs);
	if (os != NULL)
		FcObjectSetDestroy(os);
	if (pat != NULL)
		FcPatternDestroy(pat);
	if (n == 0) {
		free(c);
		c = NULL;
	}
	*out = c;
	return n;
}

/*
 * Every face of `family`, from the cache, else from fontconfig (started
 * now if need be; its answer is then cached).  As fc_list_family.
 */
static size_t
list_family(struct fq *q, const char *family, struct pg_fcand **out)
{
	size_t	n;
	int	nomem;

	if (pg_fcache_get(q->cache, family, out, &n) == 1)
		return n;
	if (q->cfg == NULL && !q->fc_failed &&
	    (q->cfg = FcInitLoadConfigAndFonts()) == NULL)
		q->fc_failed = 1;
	if (q->cfg == NULL)
		return 0;
	n = fc_list_family(q->cfg, family, out, &nomem);
	if (!nomem)	/* a complete answer */
		(void)pg_fcache_put(q->cache, family, *out, n);
	return n;
}

void
pg_fontset_use_cache(int on)
{
	pg_fcache_enable(on);
}

/* Start a query: the cache opened, fontconfig not yet. */
static void
fq_open(struct fq *q)
{
	q->cache = pg_fcache_open();
	q->cfg = NULL;
	q->fc_failed = 0;
}

/* End a query: write the cache back if fontconfig answered. */
static void
fq_close(struct fq *q)
{
	pg_fcache_close(q->cache);
	if (q->cfg != NULL)
		FcConfigDestroy(q->cfg);
	q->cache = NULL;
	q->cfg = NULL;
}

/*
 * The candidate closest to (weight, italic), or -1.  Bold means weight at
 * least FC_WEIGHT_BOLD, regular at most FC_WEIGHT_MEDIUM; italic accepts
 * oblique.
 */
static int
pick_style(const struct pg_fcand *c, size_t n, int bold, int italic)
{
	int	 best = -1, bestd = 0;
	int	 want = bold ? FC_WEIGHT_BOLD : FC_WEIGHT_REGULAR;
	size_t	 i;

	for (i = 0; i < n; i++) {
		int d;

		if ((c[i].slant != FC_SLANT_ROMAN) != (italic != 0))
			continue;
		if (bold ? c[i].weight < FC_WEIGHT_BOLD :
		    c[i].weight > FC_WEIGHT_MEDIUM ||
		    c[i].weight < FC_WEIGHT_BOOK)
			continue;
		d = abs(c[i].weight - want);
		if (best == -1 || d < bestd) {
			best = (int)i;
			bestd = d;
		}
	}
	return best;
}

/* 1 if the file face has TrueType outlines that libharu can embed. */
static int
is_truetype(hb_face_t *face)
{
	hb_blob_t	*glyf, *loca;
	int		 ok;

	glyf = hb_face_reference_table(face, HB_TAG('g', 'l', 'y', 'f'));
	loca = hb_face_reference_table(face, HB_TAG('l', 'o', 'c', 'a'));
	ok = hb_blob_get_length(glyf) > 0 && hb_blob_get_length(loca) > 0;
	hb_blob_destroy(glyf);
	hb_blob_destroy(loca);
	return ok;
}

static void
face_clear(struct pg_face *f)
{
	free(f->path);
	free(f->family);
	if (!f->shared) {
		free(f->adv);
		free(f->has);
	}
	memset(f, 0, sizeof(*f));
}

/*
 * A direct reader of the cmap subtable HarfBuzz 6 uses for nominal glyphs
 * (OT::cmap::find_best_subtable: (3,10), (0,6), (0,4), (3,1), (0,3), (0,2),
 * (0,1), (0,0)), for formats 4 and 12 with sorted, non-overlapping
 * segments.  Code points are looked up in increasing order, so a cursor
 * replaces HarfBuzz's binary search per code point (which took two thirds
 * of the font loading time).  Anything else (symbol or Mac subtables, other
 * formats, an unsorted or truncated table) leaves the work to HarfBuzz.
 * Only code points from hb_face_collect_unicodes are looked up, and they
 * lie inside a segment; for them the result is HarfBuzz's.
 */
struct cmapr {
	const uint8_t	*t;		/* the subtable */
	size_t		 len;		/* bytes available from t */
	int		 format;	/* 4 or 12 */
	unsigned	 nseg;		/* segments (4) or groups (12) */
	unsigned	 glen;		/* format 4: glyphIdArray entries */
	unsigned	 i;		/* cursor */
};

static unsigned
be16(const uint8_t *p)
{
	return (unsigned)p[0] << 8 | p[1];
}

static uint32_t
be32(const uint8_t *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 |
	    (uint32_t)p[2] << 8 | p[3];
}

/* 0 if the fast reader can be used for this cmap table, else -1. */
static int
cmapr_init(struct cmapr *c, const uint8_t *d, size_t len)
{
	static const unsigned pref[][2] = { { 3, 10 }, { 0, 6 }, { 0, 4 },
	    { 3, 1 }, { 0, 3 }, { 0, 2 }, { 0, 1 }, { 0, 0 } };
	unsigned	 n, k, j, found;
	uint32_t	 off = 0, prev;
	size_t		 sublen;

	memset(c, 0, sizeof(*c));
	if (len < 4)
		return -1;
	n = be16(d + 2);
	if (len < 4 + (size_t)n * 8)
		return -1;
	/* records must be sorted (HarfBuzz bsearches them) and unique */
	for (j = 1; j < n; j++)
		if (be32(d + 4 + (j - 1) * 8) >= be32(d + 4 + j * 8))
			return -1;
	for (k = 0, found = 0; k < sizeof(pref) / sizeof(pref[0]) && !found;
	    k++)
		for (j = 0; j < n; j++)
			if (be16(d + 4 + j * 8) == pref[k][0] &&
			    be16(d + 6 + j * 8) == pref[k][1]) {
				off = be32(d + 8 + j * 8);
				found = 1;
				break;
			}
	if (!found || off >= len || len - off < 8)
		return -1;
	c->t = d + off;
	c->len = len - off;
	c->format = (int)be16(c->t);
	if (c->format == 4) {
		sublen = be16(c->t + 2);
		c->nseg = be16(c->t + 6) / 2;
		if (c->nseg == 0 || sublen > c->len ||
		    sublen < 16 + (size_t)c->nseg * 8)
			return -1;
		c->glen = (unsigned)((sublen - 16 - (size_t)c->nseg * 8) / 2);
		for (j = 0; j < c->nseg; j++) {
			unsigned end = be16(c->t + 14 + j * 2);
			unsigned start = be16(c->t + 16 + (c->nseg + j) * 2);

			if (start > end || (j > 0 &&
			    start <= be16(c->t + 14 + (j - 1) * 2)))
				return -1;
		}
		return 0;
	}
	if (c->format == 12) {
		if (c->len < 16)
			return -1;
		sublen = be32(c->t + 4);
		c->nseg = be32(c->t + 12);
		if (sublen < 16 || sublen > c->len ||
		    c->nseg > (sublen - 16) / 12)
			return -1;
		for (j = 0, prev = 0; j < c->nseg; j++) {
			uint32_t start = be32(c->t + 16 + j * 12);
			uint32_t end = be32(c->t + 20 + j * 12);

			if (start > end || (j > 0 && start <= prev))
				return -1;
			prev = end;
		}
		return 0;
	}
	return -1;
}

/* The glyph of cp (0 if none); cp must not decrease between calls. */
static hb_codepoint_t
cmapr_gid(struct cmapr *c, hb_codepoint_t cp)
{
	const uint8_t	*t = c->t;
	unsigned	 i, seg = c->nseg;

	if (c->format == 4) {
		unsigned start, ro, gid;

		while (c->i < seg && be16(t + 14 + c->i * 2) < cp)
			c->i++;
		if ((i = c->i) >= seg)
			return 0;
		start = be16(t + 16 + (seg + i) * 2);
		if (cp < start)
			return 0;
		ro = be16(t + 16 + (3 * seg + i) * 2);
		if (ro == 0)
			gid = cp + be16(t + 16 + (2 * seg + i) * 2);
		else {
			unsigned idx = ro / 2 + (cp - start) + i - seg;

			if (idx >= c->glen)
				return 0;
			gid = be16(t + 16 + 8 * seg + idx * 2);
			if (gid == 0)
				return 0;
			gid += be16(t + 16 + (2 * seg + i) * 2);
		}
		return gid & 0xFFFF;
	}
	while (c->i < seg && be32(t + 20 + c->i * 12) < cp)
		c->i++;
	if ((i = c->i) >= seg || cp < be32(t + 16 + i * 12))
		return 0;
	return be32(t + 24 + i * 12) + (cp - be32(t + 16 + i * 12));
}

/*
 * Open file/index, check it is TrueType and covers `probe`, and fill *f.
 * Returns 0, or -1 (unusable face or no memory; *f is then cleared).
 */
static int	face_fill_as(struct pg_face *, const char *, int, const char *,
		    uint32_t, int);

static int
face_fill(struct pg_face *f, const char *file, int index, const char *family,
    uint32_t probe)
{
	return face_fill_as(f, file, index, family, probe, 0);
}

static int
face_fill_as(struct pg_face *f, const char *file, int index, const char *family,
    uint32_t probe, int cover_only)
{
	hb_blob_t	*blob;
	hb_face_t	*face;
	hb_font_t	*font;
	hb_set_t	*set;
	hb_font_extents_t ext;
	hb_codepoint_t	 cp = HB_SET_VALUE_INVALID;
	hb_blob_t	*cmap = NULL;
	struct cmapr	 cm;
	int		 fast = 0;
	unsigned	 upem;
	int		 rc = -1;

	memset(f, 0, sizeof(*f));
	if ((blob = hb_blob_create_from_file_or_fail(file)) == NULL)
		return -1;
	face = hb_face_create(blob, (unsigned)index);
	hb_blob_destroy(blob);
	font = hb_font_create(face);
	set = hb_set_create();
	upem = hb_face_get_upem(face);
	if (upem == 0 || !is_truetype(face))
		goto out;
	hb_font_set_scale(font, (int)upem, (int)upem);
	f->adv = calloc(65536, sizeof(*f->adv));
	f->has = calloc(65536 / 8, 1);
	f->path = strdup(file);
	f->family = strdup(family);
	if (f->adv == NULL || f->has == NULL || f->path == NULL ||
	    f->family == NULL)
		goto out;
	f->index = index;
	hb_face_collect_unicodes(face, set);
	if (cover_only) {
		/* coverage alone (check's glyph scan): no advances, no cmap walk */
		while (hb_set_next(set, &cp) && cp < 65536)
			f->has[cp >> 3] |= (uint8_t)(1u << (cp & 7));
		goto extents;
	}
	cmap = hb_face_reference_table(face, HB_TAG('c', 'm', 'a', 'p'));
	{
		unsigned	 clen;
		const char	*cd = hb_blob_get_data(cmap, &clen);

		fast = cd != NULL && cmapr_init(&cm, (const uint8_t *)cd,
		    clen) == 0;
	}
	/*
	 * In batches: one call per 256 code points instead of three per code
	 * point (the per-call dispatch dominated: ~60% fewer instructions).
	 */
	for (;;) {
		hb_codepoint_t	 cps[256], gids[256];
		hb_position_t	 advs[256];
		unsigned	 n, i, done, k;

		n = hb_set_next_many(set, cp, cps, 256);
		if (n == 0)
			break;
		cp = cps[n - 1];
		while (n > 0 && cps[n - 1] >= 65536)
			n--;
		if (n == 0)
			break;
		if (fast)
			for (i = 0; i < n; i++)
				gids[i] = cmapr_gid(&cm, cps[i]);
		/* hb_font_get_nominal_glyphs stops at the first unmapped one */
		else for (done = 0; done < n; done += k) {
			k = hb_font_get_nominal_glyphs(font, n - done,
			    cps + done, sizeof(*cps), gids + done,
			    sizeof(*gids));
			if (done + k < n)
				gids[done + k++] = 0;
		}
		hb_font_get_glyph_h_advances(font, n, gids, sizeof(*gids),
		    advs, sizeof(*advs));
		for (i = 0; i < n; i++) {
			hb_position_t	a = advs[i];
			uint32_t	c = cps[i];

			if (gids[i] == 0)
				continue;
			if (a < 0)
				a = 0;
			f->adv[c] = (uint16_t)(((long long)a * 1000 +
			    upem / 2) / upem);
			f->has[c >> 3] |= (uint8_t)(1u << (c & 7));
		}
		if (cp >= 65535)
			break;
	}
extents:
	if (!pg_face_has(f, probe))
		goto out;
	hb_font_get_h_extents(font, &ext);
	f->ascender = (int)((long long)ext.ascender * 1000 / (int)upem);
	f->descender = (int)((long long)ext.descender * 1000 / (int)upem);
	if (f->descender > 0)
		f->descender = -f->descender;
	rc = 0;
out:
	if (rc == -1)
		face_clear(f);
	hb_blob_destroy(cmap);
	hb_set_destroy(set);
	hb_font_destroy(font);
	hb_face_destroy(face);
	return rc;
}

/*
 * A copy of *src with fake style flags: own names, but the advance and
 * coverage tables are shared with src (dst->shared; the owner is a face
 * filled by face_fill, kept in the set as long as the copy).
 */
static int
face_copy(struct pg_face *dst, const struct pg_face *src, int fbold,
    int fitalic)
{
	memset(dst, 0, sizeof(*dst));
	dst->path = strdup(src->path);
	dst->family = strdup(src->family);
	if (dst->path == NULL || dst->family == NULL) {
		free(dst->path);
		free(dst->family);
		memset(dst, 0, sizeof(*dst));
		return -1;
	}
	dst->adv = src->adv;
	dst->has = src->has;
	dst->shared = 1;
	dst->index = src->index;
	dst->ascender = src->ascender;
	dst->descender = src->descender;
	dst->fake_bold = src->fake_bold || fbold;
	dst->fake_italic = src->fake_italic || fitalic;
	return 0;
}

/*
 * Load the four styles of one family into fs->face[first..first+3] and set
 * map[script].  The regular face must exist; other styles fall back to a
 * faked copy of the regular (or bold / italic) one.  Returns 0 or -1
 * (family absent or unusable; no face is left filled).
 */
static int
load_family(struct pg_fontset *fs, struct fq *q, const char *family,
    int first, uint32_t probe, int script)
{
	struct pg_fcand	*c;
	size_t		 n;
	int		 st, k;

	if ((n = list_family(q, family, &c)) == 0)
		return -1;
	/* style bits: PG_FS_ITALIC = 1, PG_FS_BOLD = 2 */
	for (st = 0; st < 4; st++) {
		struct pg_face	*f = &fs->face[first + st];
		int		 bold = (st & PG_FS_BOLD) != 0;
		int		 ital = (st & PG_FS_ITALIC) != 0;

		k = pick_style(c, n, bold, ital);
		if (k >= 0 && face_fill(f, c[k].file, c[k].index,
		    c[k].family, st == 0 ? probe : 0x20) == 0)
			continue;
		if (st == 0)
			goto fail;
		/* fake it from the nearest real face: bold italic from bold */
		k = (st == (PG_FS_BOLD | PG_FS_ITALIC) &&
		    !fs->face[first + PG_FS_BOLD].fake_bold) ? PG_FS_BOLD : 0;
		if (face_copy(f, &fs->face[first + k], bold, ital) == -1)
			goto fail;
	}
	for (st = 0; st < 4; st++)
		fs->map[script][st] = first + st;
	pg_fcands_free(c, n);
	return 0;
fail:
	for (st = 0; st < 4; st++)
		face_clear(&fs->face[first + st]);
	pg_fcands_free(c, n);
	return -1;
}

/* Try `pref` then each of `list`; returns 0 or -1. */
static int
load_first(struct pg_fontset *fs, struct fq *q, const char *pref,
    const char *const *list, int first, uint32_t probe, int script)
{
	size_t i;

	if (pref != NULL && *pref != '\0' &&
	    load_family(fs, q, pref, first, probe, script) == 0)
		return 0;
	for (i = 0; list[i] != NULL; i++) {
		if (pref != NULL && strcmp(pref, list[i]) == 0)
			continue;
		if (load_family(fs, q, list[i], first, probe, script) == 0)
			return 0;
	}
	return -1;
}

static const char *const kai_families[] = {
	"AR PL UKai CN",	/* fonts-arphic-ukai */
	"LXGW WenKai",		/* fonts-lxgw-wenkai */
	NULL
};

/*
 * Replace the CJK italic styles (faces 5 and 7, faked by load_family when
 * the family has no italic) with a Kai face, or with upright copies of the
 * regular and bold faces.  Returns 0 or -1 (memory).
 */
static int
cjk_emphasis(struct pg_fontset *fs, struct fq *q)
{
	struct pg_face	 kai;
	struct pg_fcand	*c;
	size_t		 n, i;
	int		 k, have = 0;

	if (!fs->face[4 + PG_FS_ITALIC].fake_italic)
		return 0;	/* the family has a real italic: keep it */
	for (i = 0; !have && kai_families[i] != NULL; i++) {
		if ((n = list_family(q, kai_families[i], &c)) == 0)
			continue;
		k = pick_style(c, n, 0, 0);
		if (k >= 0 && face_fill(&kai, c[k].file, c[k].index,
		    c[k].family, 0x4E2D) == 0)
			have = 1;
		pg_fcands_free(c, n);
	}
	face_clear(&fs->face[4 + PG_FS_ITALIC]);
	face_clear(&fs->face[4 + (PG_FS_BOLD | PG_FS_ITALIC)]);
	if (have) {
		fs->face[4 + PG_FS_ITALIC] = kai;
		return face_copy(&fs->face[4 + (PG_FS_BOLD | PG_FS_ITALIC)],
		    &kai, 1, 0);
	}
	if (face_copy(&fs->face[4 + PG_FS_ITALIC], &fs->face[4], 0, 0) == -1)
		return -1;
	return face_copy(&fs->face[4 + (PG_FS_BOLD | PG_FS_ITALIC)],
	    &fs->face[4 + PG_FS_BOLD], 0, 0);
}

/*
 * CJK faces come first in the load (they are required) but are stored
 * after the Latin ones when a Latin family exists.
 */
int
pg_fontset_load(struct pg_fontset *fs, const char *latin, const char *cjk,
    char *err, size_t errlen)
{
	struct fq	 q;
	int		 st, i;

	memset(fs, 0, sizeof(*fs));
	fq_open(&q);
	if (load_first(fs, &q, cjk, cjk_families, 4, 0x4E2D,
	    PG_SCRIPT_CJK) == -1) {
		if (q.fc_failed)
			snprintf(err, errlen, "%s", PG_UI("cannot initialise "
			    "fontconfig: install fontconfig and "
			    "fonts-wqy-microhei", "无法初始化 fontconfig：请安装 "
			    "fontconfig 和 fonts-wqy-microhei"));
		else
			snprintf(err, errlen, PG_UI("no CJK TrueType font found "
			    "(looked for %s%s%sWenQuanYi Micro Hei, WenQuanYi Zen "
			    "Hei, AR PL UMing CN and others): install "
			    "fonts-wqy-microhei", "找不到中文 TrueType 字体（找过 "
			    "%s%s%s文泉驿微米黑、文泉驿正黑、AR PL UMing CN 等）："
			    "请安装 fonts-wqy-microhei（sudo apt-get install "
			    "fonts-wqy-microhei）"),
			    cjk ? "\"" : "", cjk ? cjk : "", cjk ? "\", " : "");
		fq_close(&q);
		return -1;
	}
	if (cjk_emphasis(fs, &q) == -1) {
		fq_close(&q);
		for (i = 4; i < 8; i++)
			face_clear(&fs->face[i]);
		snprintf(err, errlen, "%s", PG_UI("out of memory while loading fonts",
		    "加载字体时内存不足"));
		return -1;
	}
	if (load_first(fs, &q, latin, latin_families, 0, 'A',
	    PG_SCRIPT_LATIN) == -1) {
		/* no Latin family: the CJK face draws Latin text too */
		for (i = 0; i < 4; i++) {
			fs->face[i] = fs->face[4 + i];
			memset(&fs->face[4 + i], 0, sizeof(fs->face[0]));
		}
		for (st = 0; st < 4; st++)
			fs->map[PG_SCRIPT_LATIN][st] =
			    fs->map[PG_SCRIPT_CJK][st] = st;
		fs->nfaces = 4;
	} else
		fs->nfaces = 8;
	fq_close(&q);
	return 0;
}

/* The regular face of `pref` or of the first of `list` found, coverage
 * only, as the next face of fs.  Returns 0 or -1. */
static int
cover_first(struct pg_fontset *fs, struct fq *q, const char *pref,
    const char *const *list, uint32_t probe)
{
	size_t	i, n;
	int	k, ok = 0;

	for (i = 0; !ok && (i == 0 || list[i - 1] != NULL); i++) {
		const char *fam = i == 0 ? pref : list[i - 1];
		struct pg_fcand *c;
		if (fam == NULL || *fam == '\0' ||
		    (n = list_family(q, fam, &c)) == 0)
			continue;
		k = pick_style(c, n, 0, 0);
		if (k >= 0 && face_fill_as(&fs->face[fs->nfaces], c[k].file,
		    c[k].index, c[k].family, probe, 1) == 0) {
			fs->nfaces++;
			ok = 1;
		}
		pg_fcands_free(c, n);
	}
	return ok ? 0 : -1;
}

int
pg_fontset_load_coverage(struct pg_fontset *fs, const char *latin,
    const char *cjk, char *err, size_t errlen)
{
	struct fq	q;

	memset(fs, 0, sizeof(*fs));
	fq_open(&q);
	if (cover_first(fs, &q, cjk, cjk_families, 0x4E2D) == -1) {
		snprintf(err, errlen, "%s", q.fc_failed ? "cannot initialise "
		    "fontconfig" : "no CJK TrueType font found");
		fq_close(&q);
		return -1;
	}
	(void)cover_first(fs, &q, latin, latin_families, 'A');
	fq_close(&q);
	return 0;
}
