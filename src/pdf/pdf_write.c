/*
 * pdf_write.c — draw pages of boxes into PDF bytes with libharu 2.3.0.
 * The only file that includes hpdf.h.  See pdf_write.h and
 * ../shared/notes/libharu.md for the facts behind each step.
 *
 * Invariants:
 *  1. Compression is switched on before any font is loaded (else the
 *     embedded fonts stay uncompressed).
 *  2. Each font file face (path + index) becomes exactly ONE embedded font:
 *     a HarfBuzz subset of every code point the frames draw with it.  The
 *     subset renumbers glyphs below 32768, which avoids libharu's signed
 *     composite-glyph bug (blank Chinese characters), and a face is never
 *     loaded twice (libharu de-duplicates fonts by name).
 *  3. Each face's characters are drawn as codes of its own, base + k
 *     in subset glyph order (remap_cmap): the subset's cmap is rewritten
 *     as one format-4 segment, so libharu's linear cmap search ends at the
 *     first segment; /W and CIDToGIDMap cover just those codes
 *     (get_font_remapped).  The font's /ToUnicode is replaced by a
 *     CMapType 2 map of the codes back to Unicode, so extraction is exact
 *     and warning-free.  A face drawing more than CODE_MAX characters
 *     keeps Unicode codes (the "UTF-8" encoder's UTF-16 values) and an
 *     identity map of the code blocks used.
 *  4. Page content is written by this file (cs_*), not by libharu's page
 *     operators, with exactly the numbers libharu would print, and
 *     compressed here (cs_flush); libharu still owns the document
 *     structure, fonts, images, links, outlines and saving.  Glyphs are
 *     marked used through HPDF_TTFontDef_GetCharWidth (measure), which is
 *     what makes libharu embed their outlines.
 *  5. libharu errors longjmp to one wrapper (pg_pdf_write); everything
 *     that must be released lives in struct wctx, never in locals of the
 *     functions below it.
 *  6. Nothing depends on the time or on memory addresses: equal frames give
 *     equal bytes.
 */
#include "config.h"

#include <errno.h>
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/mman.h>

#include <hb.h>
#include <hb-subset.h>
#include <hpdf.h>
#include <hpdf_doc.h>
#include <hpdf_font.h>
#include <hpdf_fontdef.h>
#include <hpdf_pages.h>
#include <zlib.h>
#include <hpdf_objects.h>

#include "layout/font.h"
#include "layout/frame.h"
#include "pdf/pdf_write.h"

#define ITALIC_SKEW	0.21255656	/* tan(12°) */
#define BOLD_STROKE	(1.0 / 30)	/* fake bold outline width, per pt of size */

/* One embedded font: a font file face and the code points drawn with it. */
struct wfont {
	const char	*path;
	int		 index;
	uint8_t		*used;		/* 65536-bit set */
	int		 any;		/* some code point is used */
	const char	*name;		/* libharu's font name (owned by it) */
	HPDF_Font	 font;
	/*
	 * Remapped codes (see remap_cmap): code[cp] is the code drawn for
	 * code point cp; uni[k] the code point of code base + k.  NULL
	 * when the face keeps Unicode codes (too many characters).
	 */
	uint16_t	*code;
	uint16_t	*uni;
	unsigned	 ncodes;
	int16_t		*wid;		/* code -> libharu's width, 1/1000 em */
	unsigned	 base;		/* first code: CODE_BASE or ONEBYTE_BASE */
	int		 onebyte;	/* drawn as 1-byte codes (set_onebyte) */
};

/*
 * First remapped code.  Codes CODE_BASE.. are one contiguous run, so the
 * subset's cmap is one format-4 segment and libharu's linear cmap search
 * (once per character drawn, and 65536 times when the font is created)
 * stops at the first segment.  Above the C0/C1 controls, so the codes are
 * plain UTF-8 characters for libharu's encoder.
 */
#define CODE_BASE	0x0100
#define ONEBYTE_BASE	1	/* ... a face of at most 255: see set_onebyte */
#define CODE_MAX	30000	/* format 4 is limited to 64 KB */

struct wimage {
	const char	*path;
	HPDF_Image	 img;
};

struct wctx {
	jmp_buf		 jb;
	HPDF_Doc	 pdf;
	HPDF_STATUS	 code, detail;
	char		 what[512];	/* what was being done, for messages */
	const struct pg_frames *fr;
	const struct pg_fontset *fs;
	struct wfont	 fonts[PG_FACE_MAX];
	int		 nfonts;
	int		 fontof[PG_FACE_MAX];	/* face -> fonts[] */
	struct wimage	*images;
	size_t		 nimages, capimages;
	HPDF_Page	*pages;
	char		*buf;		/* scratch(): ToUnicode map, CIDToGIDMap */
	size_t		 bufcap;
	char		 tmppath[4096];	/* a subset font file not yet unlinked */
	int		 memfd;		/* or an anonymous one (tmppath /proc/self/fd/N), -1 */
	hb_blob_t	*blob;
	hb_face_t	*face, *sub;
	hb_subset_input_t *input;
	hb_font_t	*hbfont;
	hb_face_t	*builder, *subread;
	uint32_t	*pairs;		/* remap_cmap: gid << 16 | code point */
	unsigned char	*out;
	/* the current page's content, written to its stream by cs_flush */
	char		*cs;
	size_t		 csn, cscap;
	unsigned char	*z;		/* cs compressed */
	size_t		 zcap;
	z_stream	 zs;
	int		 zinit;		/* zs is set up */
	/* drawing state of the current page, to skip redundant operators */
	int		 in_text;
	HPDF_Font	 cur_font;
	double		 cur_size, cur_lw;
	long		 cur_fill, cur_stroke;	/* 0xRRGGBB, -1 unknown */
	int		 cur_mode, cur_dash;
};

static void
on_error(HPDF_STATUS code, HPDF_STATUS detail, void *ud)
{
	struct wctx *c = ud;

	c->code = code;
	c->detail = detail;
	longjmp(c->jb, 1);
}

/* Fail with a message of our own (not a libharu error). */
static void fail(struct wctx *, const char *, ...)
    __attribute__((format(printf, 2, 3), noreturn));

static void
fail(struct wctx *c, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(c->what, sizeof(c->what), fmt, ap);
	va_end(ap);
	c->code = 0;
	longjmp(c->jb, 1);
}

static void
hb_release(struct wctx *c)
{
	hb_subset_input_destroy(c->input);
	hb_font_destroy(c->hbfont);
	hb_face_destroy(c->builder);
	hb_face_destroy(c->subread);
	free(c->pairs);
	c->hbfont = NULL;
	c->builder = c->subread = NULL;
	c->pairs = NULL;
	hb_face_destroy(c->sub);
	hb_face_destroy(c->face);
	hb_blob_destroy(c->blob);
	c->input = NULL;
	c->sub = c->face = NULL;
	c->blob = NULL;
}

/*
 * Decode one UTF-8 sequence at s[0..n); returns its length (>= 1) and sets
 * *cp, or sets *cp to 0xFFFFFFFF for an invalid byte (length 1).
 */
static size_t
utf8_next(const unsigned char *s, size_t n, uint32_t *cp)
{
	uint32_t v;
	size_t	 len, i;

	*cp = 0xFFFFFFFF;
	if (s[0] < 0x80) {
		*cp = s[0];
		return 1;
	} else if (s[0] >= 0xC2 && s[0] <= 0xDF) {
		len = 2;
		v = s[0] & 0x1F;
	} else if (s[0] >= 0xE0 && s[0] <= 0xEF) {
		len = 3;
		v = s[0] & 0x0F;
	} else if (s[0] >= 0xF0 && s[0] <= 0xF4) {
		len = 4;
		v = s[0] & 0x07;
	} else
		return 1;
	if (len > n)
		return 1;
	for (i = 1; i < len; i++) {
		if ((s[i] & 0xC0) != 0x80)
			return 1;
		v = (v << 6) | (s[i] & 0x3F);
	}
	if ((len == 3 && (v < 0x800 || (v >= 0xD800 && v <= 0xDFFF))) ||
	    (len == 4 && (v < 0x10000 || v > 0x10FFFF)))
		return 1;
	*cp = v;
	return len;
}

/* 1 if cp is drawn: a BMP character that is not a control or surrogate. */
static int
drawable(uint32_t cp)
{
	return cp >= 0x20 && cp < 0x10000 && cp != 0x7F &&
	    !(cp >= 0x80 && cp < 0xA0) && cp != 0xFFFE && cp != 0xFFFF;
}

/*
 * Mark the drawable characters of a text box in `used`.  Returns how many
 * there are.
 */
static size_t
mark_used(const struct pg_box *b, uint8_t *used)
{
	const unsigned char *s = (const unsigned char *)b->text;
	size_t		 i = 0, n = 0;
	uint32_t	 cp;

	while (i < b->len) {
		i += utf8_next(s + i, b->len - i, &cp);
		if (cp != 0xFFFFFFFF && drawable(cp)) {
			used[cp >> 3] |= (uint8_t)(1u << (cp & 7));
			n++;
		}
	}
	return n;
}

/* The first code point >= cp that w draws, or 65536. */
static uint32_t
next_used(const struct wfont *w, uint32_t cp)
{
	while (cp < 65536) {
		if ((cp & 7) == 0 && w->used[cp >> 3] == 0)
			cp += 8;
		else if (w->used[cp >> 3] >> (cp & 7) & 1)
			return cp;
		else
			cp++;
	}
	return 65536;
}

/* Group faces by font file, and collect the code points each one draws. */
static void
collect(struct wctx *c)
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
			if ((c->fonts[g].used = calloc(65536 / 8, 1)) == NULL)
				fail(c, "out of memory");
			c->nfonts++;
		}
		c->fontof[f] = g;
	}
	for (p = 0; p < c->fr->npages; p++) {
		const struct pg_page *pg = &c->fr->pages[p];

		for (i = 0; i < pg->n; i++) {
			const struct pg_box *b = &pg->boxes[i];
			char num[32];

			if (b->kind != PG_BOX_TEXT || b->len == 0)
				continue;
			if (b->face < 0 || b->face >= fs->nfaces ||
			    b->face >= PG_FACE_MAX) {
				snprintf(num, sizeof(num), "%d", b->face);
				fail(c, "a text box uses face %s, which the "
				    "fontset does not have", num);
			}
			if (c->fontof[b->face] == -1) {
				snprintf(num, sizeof(num), "%d", b->face);
				fail(c, "face %s has no font file (a fake "
				    "fontset cannot be drawn)", num);
			}
			g = c->fontof[b->face];
			if (mark_used(b, c->fonts[g].used) > 0)
				c->fonts[g].any = 1;
		}
	}
}

static void
put16(unsigned char *p, unsigned v)
{
	p[0] = (unsigned char)(v >> 8);
	p[1] = (unsigned char)v;
}

static int
cmp_u32(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;

	return x < y ? -1 : x > y;
}

static void
free_blob_data(void *p)
{
	free(p);
}

/*
 * Give each code point of w a code base + k, in the order of its glyph
 * id in the subset c->sub (characters the face lacks last, with glyph 0),
 * and replace the subset's cmap by one format-4 segment mapping those codes
 * to the same glyphs.  Leaves the new font face in c->builder.  Glyphs,
 * widths and every other table are untouched; the ToUnicode map
 * (fix_tounicode) maps the codes back.  Does nothing (Unicode codes stay)
 * if the face draws more than CODE_MAX characters.
 */
static void
remap_cmap(struct wctx *c, struct wfont *w)
{
	hb_tag_t	 tags[64];
	unsigned	 ntags, start = 0, i, n = 0, len;
	hb_codepoint_t	 gid;
	unsigned char	*t;
	hb_blob_t	*blob;
	uint32_t	 cp;

	for (cp = next_used(w, 0); cp < 65536; cp = next_used(w, cp + 1))
		n++;
	if (n == 0 || n > CODE_MAX)
		return;
	if ((c->pairs = malloc(n * sizeof(*c->pairs))) == NULL ||
	    (w->code = calloc(65536, sizeof(*w->code))) == NULL ||
	    (w->uni = malloc(n * sizeof(*w->uni))) == NULL)
		fail(c, "out of memory");
	c->hbfont = hb_font_create(c->sub);
	n = 0;
	for (cp = next_used(w, 0); cp < 65536; cp = next_used(w, cp + 1)) {
		if (!hb_font_get_nominal_glyph(c->hbfont, cp, &gid) ||
		    gid == 0)
			gid = 0xFFFF;	/* missing: last, drawn as glyph 0 */
		c->pairs[n++] = (uint32_t)gid << 16 | cp;
	}
	qsort(c->pairs, n, sizeof(*c->pairs), cmp_u32);
	/* cmap: header, one encoding record, format 4 with 2 segments */
	len = 4 + 8 + 14 + 2 * 4 + 2 + 2 * 4 + 2 * n;
	if ((t = calloc(1, len)) == NULL)
		fail(c, "out of memory");
	put16(t + 2, 1);		/* numTables */
	put16(t + 4, 3);		/* Windows */
	put16(t + 6, 1);		/* Unicode BMP */
	t[11] = 12;			/* offset */
	put16(t + 12, 4);		/* format */
	put16(t + 14, len - 12);	/* length */
	put16(t + 18, 4);		/* segCountX2 */
	put16(t + 20, 4);		/* searchRange */
	put16(t + 22, 1);		/* entrySelector */
	put16(t + 24, 0);		/* rangeShift */
	w->base = n <= 255 ? ONEBYTE_BASE : CODE_BASE;
	put16(t + 26, w->base + n - 1);	/* endCode */
	put16(t + 28, 0xFFFF);
	put16(t + 32, w->base);		/* startCode */
	put16(t + 34, 0xFFFF);
	put16(t + 36, 0);		/* idDelta */
	put16(t + 38, 1);
	put16(t + 40, 4);		/* idRangeOffset: glyphIdArray[0] */
	put16(t + 42, 0);
	for (i = 0; i < n; i++) {
		gid = c->pairs[i] >> 16;
		put16(t + 44 + 2 * i, gid == 0xFFFF ? 0 : gid);
		w->uni[i] = (uint16_t)c->pairs[i];
		w->code[(uint16_t)c->pairs[i]] = (uint16_t)(w->base + i);
	}
	w->ncodes = n;
	blob = hb_blob_create((const char *)t, len, HB_MEMORY_MODE_WRITABLE, t,
	    free_blob_data);
	c->builder = hb_face_builder_create();
	hb_face_builder_add_table(c->builder, HB_TAG('c','m','a','p'), blob);
	hb_blob_destroy(blob);
	/* a subset face lists no tables (HarfBuzz 6): read it back */
	blob = hb_face_reference_blob(c->sub);
	c->subread = hb_face_create(blob, 0);
	hb_blob_destroy(blob);
	do {
		ntags = sizeof(tags) / sizeof(tags[0]);
		hb_face_get_table_tags(c->subread, start, &ntags, tags);
		for (i = 0; i < ntags; i++) {
			if (tags[i] == HB_TAG('c','m','a','p'))
				continue;
			blob = hb_face_reference_table(c->subread, tags[i]);
			hb_face_builder_add_table(c->builder, tags[i], blob);
			hb_blob_destroy(blob);
		}
		start += ntags;
	} while (ntags == sizeof(tags) / sizeof(tags[0]));
}

/* Forget the temporary font file: close the memfd, or unlink the file. */
static void
drop_tmpfont(struct wctx *c)
{
	if (c->memfd != -1) {
		close(c->memfd);
		c->memfd = -1;
	} else if (c->tmppath[0] != '\0')
		unlink(c->tmppath);
	c->tmppath[0] = '\0';
}

/* Write the HarfBuzz subset of font g to a new temporary file c->tmppath. */
static void
subset_to_file(struct wctx *c, struct wfont *w)
{
	static const char dropped[][5] = {
		"GSUB", "GPOS", "GDEF", "BASE", "JSTF", "MATH", "kern", "hdmx",
		"VDMX", "LTSH", "gasp", "DSIG", "vhea", "vmtx", "VORG", "morx",
		"mort", "kerx", "feat", "trak", "prop", "STAT", "fvar", "gvar",
		"avar", "HVAR", "VVAR", "MVAR", "cvar", "meta", "PCLT", "EBDT",
		"EBLC", "EBSC", "CBDT", "CBLC", "sbix", "COLR", "CPAL", "SVG ",
	};
	const char	*dir = getenv("TMPDIR");
	hb_set_t	*uni, *drop;
	size_t		 i;
	hb_blob_t	*res;
	const char	*data;
	unsigned	 len;
	uint32_t	 cp;
	ssize_t		 n;
	size_t		 off = 0;
	int		 fd;

	if ((c->blob = hb_blob_create_from_file_or_fail(w->path)) == NULL)
		fail(c, "cannot read font file %s", w->path);
	c->face = hb_face_create(c->blob, (unsigned)w->index);
	if ((c->input = hb_subset_input_create_or_fail()) == NULL)
		fail(c, "out of memory");
	uni = hb_subset_input_unicode_set(c->input);
	for (cp = next_used(w, 0); cp < 65536; cp = next_used(w, cp + 1))
		hb_set_add(uni, cp);
	/*
	 * No hinting (glyph instructions, fpgm, prep, cvt: a third of a
	 * Latin subset; PDF viewers scale outlines without them), and none
	 * of the tables libharu never copies into the PDF (it writes only
	 * OS/2 cmap cvt fpgm glyf head hhea hmtx loca maxp name post prep):
	 * subsetting those only costs time.
	 */
	hb_subset_input_set_flags(c->input, HB_SUBSET_FLAGS_NO_HINTING);
	drop = hb_subset_input_set(c->input, HB_SUBSET_SETS_DROP_TABLE_TAG);
	for (i = 0; i < sizeof(dropped) / sizeof(dropped[0]); i++)
		hb_set_add(drop, HB_TAG(dropped[i][0], dropped[i][1],
		    dropped[i][2], dropped[i][3]));
	if ((c->sub = hb_subset_or_fail(c->face, c->input)) == NULL)
		fail(c, "cannot subset font %s", w->path);
	remap_cmap(c, w);
	res = hb_face_reference_blob(c->builder != NULL ? c->builder : c->sub);
	data = hb_blob_get_data(res, &len);
	/*
	 * An anonymous in-memory file (memfd) that libharu opens through
	 * /proc/self/fd: nothing on disk, so a render killed at any moment
	 * leaves no font file behind.  Else a file in $TMPDIR or /tmp,
	 * unlinked as soon as libharu has opened it.
	 */
	fd = -1;
#ifdef MFD_CLOEXEC
	if (access("/proc/self/fd", X_OK) == 0 &&
	    (fd = memfd_create("plangen-font", MFD_CLOEXEC)) != -1) {
		c->memfd = fd;
		snprintf(c->tmppath, sizeof(c->tmppath), "/proc/self/fd/%d", fd);
	}
#endif
	if (fd != -1)
		goto write;
	if (dir == NULL || *dir == '\0' ||
	    strlen(dir) > sizeof(c->tmppath) - 32)
		dir = "/tmp";
	/* $TMPDIR, then /tmp if $TMPDIR is not writable */
	snprintf(c->tmppath, sizeof(c->tmppath), "%s/plangen-font-XXXXXX",
	    dir);
	if ((fd = mkstemp(c->tmppath)) == -1 && strcmp(dir, "/tmp") != 0) {
		snprintf(c->tmppath, sizeof(c->tmppath),
		    "/tmp/plangen-font-XXXXXX");
		fd = mkstemp(c->tmppath);
	}
	if (fd == -1) {
		hb_blob_destroy(res);
		c->tmppath[0] = '\0';
		snprintf(c->what, sizeof(c->what), "cannot create a temporary "
		    "font file in %s: %s", dir, strerror(errno));
		c->code = 0;
		longjmp(c->jb, 1);
	}
write:
	while (off < len) {
		n = write(fd, data + off, len - off);
		if (n <= 0 && errno != EINTR)
			break;
		if (n > 0)
			off += (size_t)n;
	}
	hb_blob_destroy(res);
	if ((c->memfd == -1 && close(fd) == -1) || off < len)
		fail(c, "cannot write temporary font file %s", c->tmppath);
	hb_release(c);
}

/* c->buf with room for n bytes (owned by c: safe across a longjmp). */
static unsigned char *
scratch(struct wctx *c, size_t n)
{
	if (n > c->bufcap) {
		free(c->buf);
		if ((c->buf = malloc(n)) == NULL) {
			c->bufcap = 0;
			fail(c, "out of memory");
		}
		c->bufcap = n;
	}
	return (unsigned char *)c->buf;
}

static const char tu_head[] =
    "/CIDInit /ProcSet findresource begin\n"
    "12 dict begin\n"
    "begincmap\n"
    "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) "
    "/Supplement 0 >> def\n"
    "/CMapName /Adobe-Identity-UCS def\n"
    "/CMapType 2 def\n"
    "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n";
static const char tu_tail[] =
    "endcmap\n"
    "CMapName currentdict /CMap defineresource pop\n"
    "end\n"
    "end\n";

/*
 * ToUnicode of a remapped font: each run of codes whose code points are
 * consecutive too is one bfrange (never crossing a low byte of FF), every
 * other code one bfchar; at most 100 entries per block.
 */
static void
tounicode_remapped(struct wctx *c, HPDF_Stream s, const struct wfont *w)
{
	char		*p;
	unsigned	 i, j, k, nr = 0, nc = 0;
	unsigned	 ent[2][100][3];	/* ranges, chars: code, end, uni */

	/* at most 21 bytes per entry, 30 per block of 100, plus the rest */
	p = (char *)scratch(c, sizeof(tu_head) + sizeof(tu_tail) +
	    (size_t)w->ncodes * 24 + (w->ncodes / 100 + 2) * 2 * 40);
	p += sprintf(p, "%s", tu_head);
	if (w->onebyte)		/* codes are 1 byte */
		p = strstr(c->buf, "<0000> <FFFF>") +
		    sprintf(strstr(c->buf, "<0000> <FFFF>"),
		    "<00> <FF>\nendcodespacerange\n");
	for (i = 0; i < w->ncodes; i = j) {
		unsigned code = w->base + i;

		for (j = i + 1; j < w->ncodes && w->uni[j] == w->uni[j - 1] + 1 &&
		    ((w->base + j) & 0xFF) != 0 && (w->uni[j] & 0xFF) != 0; j++)
			;
		if (j - i >= 2) {
			ent[0][nr][0] = code;
			ent[0][nr][1] = code + (j - 1 - i);
			ent[0][nr][2] = w->uni[i];
			nr++;
		} else {
			ent[1][nc][0] = code;
			ent[1][nc][2] = w->uni[i];
			nc++;
		}
		if (nr == 100 || (j >= w->ncodes && nr > 0)) {
			p += sprintf(p, "%u beginbfrange\n", nr);
			for (k = 0; k < nr; k++)
				p += sprintf(p, w->onebyte ?
				    "<%02X> <%02X> <%04X>\n" :
				    "<%04X> <%04X> <%04X>\n",
				    ent[0][k][0], ent[0][k][1], ent[0][k][2]);
			p += sprintf(p, "endbfrange\n");
			nr = 0;
		}
		if (nc == 100 || (j >= w->ncodes && nc > 0)) {
			p += sprintf(p, "%u beginbfchar\n", nc);
			for (k = 0; k < nc; k++)
				p += sprintf(p, w->onebyte ? "<%02X> <%04X>\n" :
				    "<%04X> <%04X>\n", ent[1][k][0], ent[1][k][2]);
			p += sprintf(p, "endbfchar\n");
			nc = 0;
		}
	}
	p += sprintf(p, "%s", tu_tail);
	HPDF_Stream_Write(s, (const HPDF_BYTE *)c->buf, (HPDF_UINT)(p - c->buf));
}

/* Replace the font's ToUnicode data with identity ranges of the used blocks. */
static void
fix_tounicode(struct wctx *c, struct wfont *w)
{
	HPDF_Dict	 tu;
	HPDF_Stream	 s;
	char		 line[64];
	int		 hi, nblk = 0, inblk = 0, used[256];

	tu = HPDF_Dict_GetItem((HPDF_Dict)w->font, "ToUnicode",
	    HPDF_OCLASS_DICT);
	if (tu == NULL || tu->stream == NULL)
		fail(c, "libharu wrote no ToUnicode map for %s", w->path);
	for (hi = 0; hi < 256; hi++) {
		int lo;

		used[hi] = 0;
		if (hi >= 0xD8 && hi <= 0xDF)
			continue;
		for (lo = 0; lo < 32; lo++)
			if (w->used[hi * 32 + lo]) {
				used[hi] = 1;
				nblk++;
				break;
			}
	}
	s = tu->stream;
	HPDF_MemStream_FreeData(s);
	if (w->code != NULL) {
		tounicode_remapped(c, s, w);
		return;
	}
	HPDF_Stream_WriteStr(s,
	    "/CIDInit /ProcSet findresource begin\n"
	    "12 dict begin\n"
	    "begincmap\n"
	    "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) "
	    "/Supplement 0 >> def\n"
	    "/CMapName /Adobe-Identity-UCS def\n"
	    "/CMapType 2 def\n"
	    "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n");
	for (hi = 0; hi < 256; hi++) {
		if (!used[hi])
			continue;
		if (inblk == 0) {
			int left = nblk < 100 ? nblk : 100;

			snprintf(line, sizeof(line), "%d beginbfrange\n", left);
			HPDF_Stream_WriteStr(s, line);
		}
		snprintf(line, sizeof(line), "<%02X00> <%02XFF> <%02X00>\n",
		    hi, hi, hi);
		HPDF_Stream_WriteStr(s, line);
		nblk--;
		if (++inblk == 100 || nblk == 0) {
			HPDF_Stream_WriteStr(s, "endbfrange\n");
			inblk = 0;
		}
	}
	HPDF_Stream_WriteStr(s,
	    "endcmap\n"
	    "CMapName currentdict /CMap defineresource pop\n"
	    "end\n"
	    "end\n");
}

/*
 * Fill w->wid with libharu's width of each code drawn.  This also marks
 * the glyphs as used, which is what makes libharu embed their outlines
 * (it used to happen as a side effect of HPDF_Page_ShowText).
 */
static void
measure(struct wctx *c, struct wfont *w)
{
	HPDF_FontDef	 def = ((HPDF_FontAttr)w->font->attr)->fontdef;
	uint32_t	 cp;

	if ((w->wid = calloc(65536, sizeof(*w->wid))) == NULL)
		fail(c, "out of memory");
	for (cp = next_used(w, 0); cp < 65536; cp = next_used(w, cp + 1)) {
		unsigned code;

		code = w->code != NULL ? w->code[cp] : cp;
		w->wid[code] = HPDF_TTFontDef_GetCharWidth(def,
		    (HPDF_UINT16)code);
	}
}

/*
 * HPDF_GetFont for a remapped font.  libharu builds the font's widths (/W)
 * and CIDToGIDMap by looking up all 65536 codes in the cmap unless the
 * encoder is a plain CMap encoder, in which case it walks the encoder's
 * code -> CID table (the UTF-8 encoder is one underneath, with its own
 * to-Unicode function and its decoding state kept in row 0 of that
 * table).  So for the call, the encoder poses as a CMap encoder whose
 * table holds exactly the codes drawn (CID = code = the font's cmap code),
 * plus one code past the end because libharu stops one short of the
 * highest CID; afterwards it is restored.  8 M instructions less per font,
 * and the map covers only the codes drawn (not 128 KB to compress).
 */
static HPDF_Font
get_font_remapped(struct wctx *c, struct wfont *w)
{
	HPDF_Encoder		 enc = HPDF_GetEncoder(c->pdf, "UTF-8");
	HPDF_CMapEncoderAttr	 ea = (HPDF_CMapEncoderAttr)enc->attr;
	HPDF_Encoder_ToUnicode_Func fn = enc->to_unicode_fn;
	HPDF_UINT16		 row0[256];
	HPDF_Font		 f;
	unsigned		 k, code;

	memcpy(row0, ea->cid_map[0], sizeof(row0));
	memset(ea->cid_map[0], 0, sizeof(row0));
	for (k = 0; k <= w->ncodes; k++) {
		code = w->base + k;
		ea->cid_map[code >> 8][code & 0xFF] = (HPDF_UINT16)code;
		ea->unicode_map[code >> 8][code & 0xFF] = (HPDF_UNICODE)code;
	}
	enc->to_unicode_fn = HPDF_CMapEncoder_ToUnicode;
	f = HPDF_GetFont(c->pdf, w->name, "UTF-8");
	enc->to_unicode_fn = fn;
	for (k = 0; k <= w->ncodes; k++) {
		code = w->base + k;
		ea->cid_map[code >> 8][code & 0xFF] = 0;
		ea->unicode_map[code >> 8][code & 0xFF] = 0;
	}
	memcpy(ea->cid_map[0], row0, sizeof(row0));
	return f;
}

/*
 * A remapped face of at most 255 characters (codes ONEBYTE_BASE + k, i.e.
 * 1..255) is drawn with 1-byte codes: half the string bytes of the
 * content.  Its /Encoding, libharu's Identity-H (2-byte codes = CIDs),
 * becomes an embedded CMap mapping byte b to CID b, so CIDs, widths and
 * CIDToGIDMap stay as they are.  (CIDs must fit the codespace: MuPDF reads
 * ToUnicode through the encoding and drops CIDs above it.)  The ToUnicode
 * map, written after this, then uses 1-byte codes.
 */
static void
set_onebyte(struct wctx *c, struct wfont *w)
{
	static const char cmap[] =
	    "/CIDInit /ProcSet findresource begin\n"
	    "12 dict begin\n"
	    "begincmap\n"
	    "/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) "
	    "/Supplement 0 >> def\n"
	    "/CMapName /PlangenOneByte def\n"
	    "/CMapType 1 def\n"
	    "1 begincodespacerange\n<00> <FF>\nendcodespacerange\n"
	    "1 begincidrange\n<00> <FF> 0\nendcidrange\n"
	    "endcmap\n"
	    "CMapName currentdict /CMap defineresource pop\n"
	    "end\n"
	    "end\n";
	HPDF_Dict	 enc, info;
	HPDF_MMgr	 mm = c->pdf->mmgr;

	if (w->code == NULL || w->base != ONEBYTE_BASE)
		return;
	enc = HPDF_DictStream_New(mm, c->pdf->xref);
	info = HPDF_Dict_New(mm);
	if (enc == NULL || info == NULL)
		fail(c, "out of memory");
	enc->filter = HPDF_STREAM_FILTER_FLATE_DECODE;
	HPDF_Dict_AddName(enc, "Type", "CMap");
	HPDF_Dict_AddName(enc, "CMapName", "PlangenOneByte");
	HPDF_Dict_Add(info, "Registry", HPDF_String_New(mm, "Adobe", NULL));
	HPDF_Dict_Add(info, "Ordering", HPDF_String_New(mm, "Identity",
	    NULL));
	HPDF_Dict_AddNumber(info, "Supplement", 0);
	HPDF_Dict_Add(enc, "CIDSystemInfo", info);
	HPDF_Stream_WriteStr(enc->stream, cmap);
	HPDF_Dict_Add((HPDF_Dict)w->font, "Encoding", enc);
	w->onebyte = 1;
}

static void
load_fonts(struct wctx *c)
{
	const char	*name;
	int		 g, h;

	for (g = 0; g < c->nfonts; g++) {
		struct wfont *w = &c->fonts[g];

		if (!w->any)
			continue;
		subset_to_file(c, w);
		snprintf(c->what, sizeof(c->what), "loading font %s", w->path);
		name = HPDF_LoadTTFontFromFile(c->pdf, c->tmppath, HPDF_TRUE);
		drop_tmpfont(c);
		if (name == NULL)
			fail(c, "cannot load font %s", w->path);
		/* libharu would silently reuse the first font of that name */
		for (h = 0; h < g; h++)
			if (c->fonts[h].name != NULL &&
			    strcmp(c->fonts[h].name, name) == 0)
				fail(c, "fonts %s and %s have the same "
				    "PostScript name %s", c->fonts[h].path,
				    w->path, name);
		w->name = name;
		w->font = w->code != NULL ? get_font_remapped(c, w) :
		    HPDF_GetFont(c->pdf, name, "UTF-8");
		set_onebyte(c, w);
		fix_tounicode(c, w);
		measure(c, w);
	}
}

static HPDF_Image
image_get(struct wctx *c, const char *path)
{
	unsigned char	 magic[8];
	size_t		 i, n = 0;
	FILE		*fp;
	HPDF_Image	 img;

	for (i = 0; i < c->nimages; i++)
		if (strcmp(c->images[i].path, path) == 0)
			return c->images[i].img;
	if ((fp = fopen(path, "rb")) != NULL) {
		n = fread(magic, 1, sizeof(magic), fp);
		fclose(fp);
	} else {
		snprintf(c->what, sizeof(c->what), "cannot read image %s: %s",
		    path, strerror(errno));
		c->code = 0;
		longjmp(c->jb, 1);
	}
	snprintf(c->what, sizeof(c->what), "cannot load image %s", path);
	if (n == 8 && memcmp(magic, "\x89PNG\r\n\x1a\n", 8) == 0)
		img = HPDF_LoadPngImageFromFile(c->pdf, path);
	else if (n >= 3 && memcmp(magic, "\xff\xd8\xff", 3) == 0)
		img = HPDF_LoadJpegImageFromFile(c->pdf, path);
	else
		fail(c, "image %s is neither PNG nor JPEG", path);
	if (img == NULL)
		fail(c, "cannot load image %s", path);
	if (c->nimages == c->capimages) {
		size_t ncap = c->capimages ? c->capimages * 2 : 8;
		struct wimage *ni = realloc(c->images, ncap * sizeof(*ni));

		if (ni == NULL)
			fail(c, "out of memory");
		c->images = ni;
		c->capimages = ncap;
	}
	c->images[c->nimages].path = path;
	c->images[c->nimages].img = img;
	c->nimages++;
	return img;
}

/*
 * Page content is written by us, not through libharu's page operators
 * (each of which clears a buffer, formats through its own float printer
 * and, for text, measures the string through its cmap): operators are
 * appended to c->cs and handed to the page's content stream in one write
 * per page (and before each image, which libharu draws).  The numbers are
 * exactly the ones libharu would print (fix5), so the pages look the same.
 */
static void
cs_reserve(struct wctx *c, size_t extra)
{
	char	*np;
	size_t	 ncap;

	if (c->csn + extra <= c->cscap)
		return;
	ncap = c->cscap ? c->cscap : 16384;
	while (ncap < c->csn + extra)
		ncap *= 2;
	if ((np = realloc(c->cs, ncap)) == NULL)
		fail(c, "out of memory");
	c->cs = np;
	c->cscap = ncap;
}

static void
cs_str(struct wctx *c, const char *s)
{
	size_t n = strlen(s);

	cs_reserve(c, n);
	memcpy(c->cs + c->csn, s, n);
	c->csn += n;
}

/*
 * A number as libharu's HPDF_FToA prints an HPDF_REAL: clamped to
 * +-32767, rounded to 5 decimals.  Returned in units of 1e-5.
 */
static long long
fix5(double d)
{
	HPDF_REAL	 val = (HPDF_REAL)d;
	HPDF_INT32	 int_val, fpart_val;
	int		 neg = 0;

	if (val > HPDF_LIMIT_MAX_REAL)
		val = HPDF_LIMIT_MAX_REAL;
	else if (val < HPDF_LIMIT_MIN_REAL)
		val = HPDF_LIMIT_MIN_REAL;
	if (val < 0) {
		neg = 1;
		val = -val;
	}
	int_val = (HPDF_INT32)(val + 0.000005);
	fpart_val = (HPDF_INT32)((HPDF_REAL)(val - int_val + 0.000005) * 100000);
	fpart_val %= 100000;
	return (neg ? -1 : 1) * ((long long)int_val * 100000 + fpart_val);
}

/* Append v (1e-5 units) as a PDF number and a separator character. */
static void
cs_fix(struct wctx *c, long long v, char sep)
{
	char		 tmp[32], *e = tmp + sizeof(tmp), *p = e;
	long long	 ip, fp;
	int		 i, trim = 1;

	cs_reserve(c, 32);
	*--p = sep;
	if (v < 0) {
		ip = -v / 100000;
		fp = -v % 100000;
	} else {
		ip = v / 100000;
		fp = v % 100000;
	}
	if (fp != 0) {
		for (i = 0; i < 5; i++, fp /= 10) {
			if (trim && fp % 10 == 0)
				continue;
			trim = 0;
			*--p = (char)('0' + fp % 10);
		}
		*--p = '.';
	}
	do {
		*--p = (char)('0' + ip % 10);
		ip /= 10;
	} while (ip > 0);
	if (v < 0)
		*--p = '-';
	memcpy(c->cs + c->csn, p, (size_t)(e - p));
	c->csn += (size_t)(e - p);
}

static void
cs_num(struct wctx *c, double d, char sep)
{
	cs_fix(c, fix5(d), sep);
}

/* libharu writes this into the dictionary of a stream we compressed. */
static HPDF_STATUS
flate_key(HPDF_Dict d, HPDF_Stream s)
{
	(void)d;
	return HPDF_Stream_WriteStr(s, "/Filter /FlateDecode\012");
}

/*
 * Compress the page's content (c->cs) and make it the page's content
 * stream, which libharu then writes as it is.  zlib's default level, as
 * libharu's: the fastest level takes a third of the time but gives 8 %
 * more bytes, which a 3,000-action plan cannot afford (1.5 MB budget).
 */
static void
cs_flush(struct wctx *c, HPDF_Page pg)
{
	HPDF_PageAttr	 attr = (HPDF_PageAttr)pg->attr;
	uLongf		 zn = compressBound((uLong)c->csn);

	if (zn > c->zcap) {
		free(c->z);
		if ((c->z = malloc(zn)) == NULL) {
			c->zcap = 0;
			fail(c, "out of memory");
		}
		c->zcap = zn;
	}
	/* one deflate state for all pages: setting one up costs more than
	 * compressing a small page */
	if (!c->zinit) {
		if (deflateInit(&c->zs, Z_DEFAULT_COMPRESSION) != Z_OK)
			fail(c, "cannot compress the page contents "
			    "(out of memory)");
		c->zinit = 1;
	} else if (deflateReset(&c->zs) != Z_OK)
		fail(c, "cannot compress the page contents");
	c->zs.next_in = (Bytef *)c->cs;
	c->zs.avail_in = (uInt)c->csn;
	c->zs.next_out = c->z;
	c->zs.avail_out = (uInt)c->zcap;
	if (deflate(&c->zs, Z_FINISH) != Z_STREAM_END)
		fail(c, "cannot compress the page contents");
	zn = c->zs.total_out;
	if (HPDF_Stream_Write(attr->stream, c->z, (HPDF_UINT)zn) != HPDF_OK)
		fail(c, "cannot write the page contents (out of memory)");
	attr->contents->filter = HPDF_STREAM_FILTER_NONE;
	attr->contents->write_fn = flate_key;
	c->csn = 0;
}

static long
rgb(struct pg_color k)
{
	return (long)k.r << 16 | (long)k.g << 8 | k.b;
}

static void
cs_color(struct wctx *c, struct pg_color k, const char *op)
{
	cs_num(c, k.r / 255.0f, ' ');
	cs_num(c, k.g / 255.0f, ' ');
	cs_num(c, k.b / 255.0f, ' ');
	cs_str(c, op);
}

static void
set_fill(struct wctx *c, struct pg_color k)
{
	if (rgb(k) != c->cur_fill) {
		cs_color(c, k, "rg\n");
		c->cur_fill = rgb(k);
	}
}

static void
set_stroke(struct wctx *c, struct pg_color k)
{
	if (rgb(k) != c->cur_stroke) {
		cs_color(c, k, "RG\n");
		c->cur_stroke = rgb(k);
	}
}

static void
set_lw(struct wctx *c, double lw)
{
	if (lw != c->cur_lw) {
		cs_num(c, lw, ' ');
		cs_str(c, "w\n");
		c->cur_lw = lw;
	}
}

static void
set_dash(struct wctx *c, int dash, double lw)
{
	char	buf[64];

	if (dash == c->cur_dash)
		return;
	if (dash) {
		snprintf(buf, sizeof(buf), "[%u %u] 0 d\n",
		    (unsigned)(HPDF_UINT16)(lw * 4 < 2 ? 2 : lw * 4 + 0.5),
		    (unsigned)(HPDF_UINT16)(lw * 3 < 2 ? 2 : lw * 3 + 0.5));
		cs_str(c, buf);
	} else
		cs_str(c, "[] 0 d\n");
	c->cur_dash = dash;
}

static void
end_text(struct wctx *c)
{
	if (c->in_text) {
		cs_str(c, "ET\n");
		c->in_text = 0;
	}
}

/*
 * Append the codes of a text box as a literal string "(...)" and return the
 * sum of their widths (1/1000 em; libharu's), or -1 if nothing is drawable.
 */
static long
cs_text(struct wctx *c, const struct wfont *w, const struct pg_box *b)
{
	const unsigned char *s = (const unsigned char *)b->text;
	size_t		 i = 0, k;
	uint32_t	 cp;
	long		 width = 0;
	int		 any = 0;

	cs_reserve(c, 4 * b->len + 2);	/* 2 bytes per code, escaped */
	c->cs[c->csn++] = '(';
	while (i < b->len) {
		unsigned code, j;

		k = utf8_next(s + i, b->len - i, &cp);
		i += k;
		if (cp == 0xFFFFFFFF || !drawable(cp))
			continue;
		code = w->code != NULL ? w->code[cp] : cp;
		width += w->wid[code];
		any = 1;
		for (j = w->onebyte; j < 2; j++) {
			unsigned char ch = (unsigned char)(j ? code : code >> 8);

			if (ch == '(' || ch == ')' || ch == '\\') {
				c->cs[c->csn++] = '\\';
				c->cs[c->csn++] = (char)ch;
			} else if (ch == '\r') {
				c->cs[c->csn++] = '\\';
				c->cs[c->csn++] = 'r';
			} else
				c->cs[c->csn++] = (char)ch;
		}
	}
	c->cs[c->csn++] = ')';
	return any ? width : -1;
}

static void
draw_text(struct wctx *c, HPDF_Page pg, const struct pg_box *b)
{
	const struct pg_face *face = &c->fs->face[b->face];
	struct wfont	*w = &c->fonts[c->fontof[b->face]];
	double		 H = c->fr->height, sz = b->size;
	size_t		 mark = c->csn;
	int		 bold, mode, slant, plain, was_text = c->in_text;
	long		 width;

	if (sz <= 0 || w->font == NULL)	/* no font: nothing drawable */
		return;
	if (sz > HPDF_MAX_FONTSIZE) {
		/* the error libharu's HPDF_Page_SetFontAndSize raises */
		c->code = HPDF_PAGE_INVALID_FONT_SIZE;
		c->detail = (HPDF_STATUS)sz;
		longjmp(c->jb, 1);
	}
	bold = (b->flags & PG_BOXF_FAKE_BOLD) || face->fake_bold;
	slant = (b->flags & PG_BOXF_FAKE_ITALIC) || face->fake_italic;
	plain = !slant && !(b->flags & PG_BOXF_ROTATE90);
	if (!c->in_text) {
		cs_str(c, "BT\n");
		c->in_text = 1;
	}
	if (w->font != c->cur_font || sz != c->cur_size) {
		const char *name = HPDF_Page_GetLocalFontName(pg, w->font);

		if (name == NULL)
			fail(c, "cannot add a font to page resources");
		cs_str(c, "/");
		cs_str(c, name);
		cs_str(c, " ");
		cs_num(c, sz, ' ');
		cs_str(c, "Tf\n");
		c->cur_font = w->font;
		c->cur_size = sz;
	}
	set_fill(c, b->color);
	mode = bold ? HPDF_FILL_THEN_STROKE : HPDF_FILL;
	if (bold) {
		set_stroke(c, b->color);
		set_lw(c, sz * BOLD_STROKE);
	}
	if (mode != c->cur_mode) {
		cs_str(c, mode == HPDF_FILL ? "0 Tr\n" : "2 Tr\n");
		c->cur_mode = mode;
	}
	/*
	 * Always an absolute Tm, as libharu wrote: a relative Td lands in a
	 * reader an ulp away from the absolute position, and text extractors
	 * (pdftotext) then order the words of a table row differently.
	 */
	if (plain)
		cs_str(c, "1 0 0 1 ");
	else if (b->flags & PG_BOXF_ROTATE90) {
		/* rotate 90° counter-clockwise after the slant */
		cs_str(c, "0 1 -1 ");
		cs_num(c, slant ? ITALIC_SKEW : 0, ' ');
	} else {
		cs_str(c, "1 0 ");
		cs_num(c, ITALIC_SKEW, ' ');
		cs_str(c, "1 ");
	}
	cs_fix(c, fix5(b->x), ' ');
	cs_fix(c, fix5(H - b->y), ' ');
	cs_str(c, "Tm\n");
	width = cs_text(c, w, b);
	if (width <= 0) {
		/* libharu drew nothing for a run of zero width: nor do we */
		c->csn = mark;
		c->in_text = was_text;
		c->cur_font = NULL;
		c->cur_size = -1;
		c->cur_fill = c->cur_stroke = -1;
		c->cur_mode = -1;
		c->cur_lw = -1;
		return;
	}
	cs_str(c, " Tj\n");
}

static void
draw_rect(struct wctx *c, const struct pg_box *b)
{
	double	H = c->fr->height;
	int	fill = (b->flags & PG_BOXF_FILL) != 0;
	int	stroke = (b->flags & PG_BOXF_STROKE) != 0;

	if (!fill && !stroke)
		return;
	end_text(c);
	if (fill)
		set_fill(c, b->fill);
	if (stroke) {
		set_stroke(c, b->color);
		set_lw(c, b->line_width > 0 ? b->line_width : 1);
		set_dash(c, (b->flags & PG_BOXF_DASH) != 0, c->cur_lw);
	}
	cs_num(c, b->x, ' ');
	cs_num(c, H - b->y - b->h, ' ');
	cs_num(c, b->w, ' ');
	cs_num(c, b->h, ' ');
	cs_str(c, fill && stroke ? "re\nB\n" : fill ? "re\nf\n" : "re\nS\n");
}

static void
draw_line(struct wctx *c, const struct pg_box *b)
{
	double H = c->fr->height;

	end_text(c);
	set_stroke(c, b->color);
	set_lw(c, b->line_width > 0 ? b->line_width : 1);
	set_dash(c, (b->flags & PG_BOXF_DASH) != 0, c->cur_lw);
	cs_num(c, b->x, ' ');
	cs_num(c, H - b->y, ' ');
	cs_str(c, "m\n");
	cs_num(c, b->x + b->w, ' ');
	cs_num(c, H - b->y - b->h, ' ');
	cs_str(c, "l\nS\n");
}

static void
draw_link(struct wctx *c, HPDF_Page pg, const struct pg_box *b)
{
	double		 H = c->fr->height;
	HPDF_Rect	 r;
	HPDF_Destination d;
	HPDF_Annotation	 a;
	char		 num[32];

	if (b->dest_page < 0 || (size_t)b->dest_page >= c->fr->npages) {
		snprintf(num, sizeof(num), "%d", b->dest_page + 1);
		fail(c, "a link points to page %s, which does not exist", num);
	}
	r.left = (HPDF_REAL)b->x;
	r.right = (HPDF_REAL)(b->x + b->w);
	r.top = (HPDF_REAL)(H - b->y);
	r.bottom = (HPDF_REAL)(H - b->y - b->h);
	d = HPDF_Page_CreateDestination(c->pages[b->dest_page]);
	HPDF_Destination_SetXYZ(d, 0, (HPDF_REAL)(H - b->dest_y), 1);
	a = HPDF_Page_CreateLinkAnnot(pg, r, d);
	HPDF_LinkAnnot_SetBorderStyle(a, 0, 0, 0);
}

static void
draw_image(struct wctx *c, HPDF_Page pg, const struct pg_box *b)
{
	double		H = c->fr->height;
	HPDF_Image	img;

	const char	*name;

	end_text(c);
	img = image_get(c, b->path);
	/* what HPDF_Page_DrawImage writes */
	if ((name = HPDF_Page_GetXObjectName(pg, img)) == NULL)
		fail(c, "cannot add image %s to the page resources", b->path);
	cs_str(c, "q\n");
	cs_num(c, b->w, ' ');
	cs_str(c, "0 0 ");
	cs_num(c, b->h, ' ');
	cs_num(c, b->x, ' ');
	cs_num(c, H - b->y - b->h, ' ');
	cs_str(c, "cm\n/");
	cs_str(c, name);
	cs_str(c, " Do\nQ\n");
}

static void
draw_page(struct wctx *c, size_t p)
{
	const struct pg_page	*page = &c->fr->pages[p];
	HPDF_Page		 pg = c->pages[p];
	size_t			 i;

	c->in_text = 0;
	c->csn = 0;
	c->cur_font = NULL;
	c->cur_size = -1;
	c->cur_lw = 1;
	c->cur_fill = c->cur_stroke = 0;
	c->cur_mode = HPDF_FILL;
	c->cur_dash = 0;
	for (i = 0; i < page->n; i++) {
		const struct pg_box *b = &page->boxes[i];

		/* a NaN or infinity would be written as a broken number */
		if (!isfinite(b->x) || !isfinite(b->y) || !isfinite(b->w) ||
		    !isfinite(b->h) || !isfinite(b->size) ||
		    !isfinite(b->line_width) || !isfinite(b->dest_y))
			continue;
		switch (b->kind) {
		case PG_BOX_TEXT:
			draw_text(c, pg, b);
			break;
		case PG_BOX_RECT:
			draw_rect(c, b);
			break;
		case PG_BOX_LINE:
			draw_line(c, b);
			break;
		case PG_BOX_LINK:
			draw_link(c, pg, b);
			break;
		case PG_BOX_IMAGE:
			draw_image(c, pg, b);
			break;
		}
	}
	end_text(c);
	cs_flush(c, pg);
}

static void
set_date(struct wctx *c, long long t)
{
	struct tm	tm;
	time_t		tt = (time_t)t;
	HPDF_Date	d;

	if (t < 0 || gmtime_r(&tt, &tm) == NULL || tm.tm_year + 1900 > 9999)
		return;
	memset(&d, 0, sizeof(d));
	d.year = tm.tm_year + 1900;
	d.month = tm.tm_mon + 1;
	d.day = tm.tm_mday;
	d.hour = tm.tm_hour;
	d.minutes = tm.tm_min;
	d.seconds = tm.tm_sec;
	d.ind = 'Z';
	HPDF_SetInfoDateAttr(c->pdf, HPDF_INFO_CREATION_DATE, d);
	HPDF_SetInfoDateAttr(c->pdf, HPDF_INFO_MOD_DATE, d);
}

static void
set_info(struct wctx *c)
{
	const struct pg_frames *fr = c->fr;
	HPDF_Doc	 pdf = c->pdf;

	snprintf(c->what, sizeof(c->what), "setting document information");
	HPDF_SetCurrentEncoder(pdf, "UTF-8");
	if (fr->title != NULL && *fr->title != '\0')
		HPDF_SetInfoAttr(pdf, HPDF_INFO_TITLE, fr->title);
	if (fr->author != NULL && *fr->author != '\0')
		HPDF_SetInfoAttr(pdf, HPDF_INFO_AUTHOR, fr->author);
	if (fr->subject != NULL && *fr->subject != '\0')
		HPDF_SetInfoAttr(pdf, HPDF_INFO_SUBJECT, fr->subject);
	if (fr->keywords != NULL && *fr->keywords != '\0')
		HPDF_SetInfoAttr(pdf, HPDF_INFO_KEYWORDS, fr->keywords);
	if (fr->creator != NULL && *fr->creator != '\0')
		HPDF_SetInfoAttr(pdf, HPDF_INFO_CREATOR, fr->creator);
	HPDF_SetInfoAttr(pdf, HPDF_INFO_PRODUCER,
	    PACKAGE_NAME " " PACKAGE_VERSION " (libharu " HPDF_VERSION_TEXT ")");
	set_date(c, fr->date);
	if (fr->lang != NULL && *fr->lang != '\0')
		HPDF_Dict_Add(pdf->catalog, "Lang",
		    HPDF_String_New(pdf->mmgr, fr->lang, NULL));
}

static void
add_outlines(struct wctx *c)
{
	const struct pg_frames *fr = c->fr;
	HPDF_Encoder	 enc;
	HPDF_Outline	 top = NULL, o;
	HPDF_Destination d;
	size_t		 i;

	if (fr->noutlines == 0)
		return;
	snprintf(c->what, sizeof(c->what), "adding bookmarks");
	enc = HPDF_GetEncoder(c->pdf, "UTF-8");
	for (i = 0; i < fr->noutlines; i++) {
		const struct pg_outline *ol = &fr->outlines[i];

		if (ol->page < 0 || (size_t)ol->page >= fr->npages)
			fail(c, "bookmark \"%s\" points to a page that does "
			    "not exist", ol->title ? ol->title : "");
		o = HPDF_CreateOutline(c->pdf,
		    ol->level > 0 && top != NULL ? top : NULL,
		    ol->title ? ol->title : "", enc);
		if (ol->level <= 0 || top == NULL) {
			if (ol->level <= 0)
				top = o;
			HPDF_Outline_SetOpened(o, HPDF_TRUE);
		}
		d = HPDF_Page_CreateDestination(c->pages[ol->page]);
		HPDF_Destination_SetXYZ(d, 0, (HPDF_REAL)(isfinite(ol->y) ?
		    fr->height - ol->y : fr->height), 1);
		HPDF_Outline_SetDestination(o, d);
	}
	HPDF_SetPageMode(c->pdf, HPDF_PAGE_MODE_USE_OUTLINE);
}

static void
save(struct wctx *c, size_t *outlen)
{
	HPDF_UINT32 size, got;

	snprintf(c->what, sizeof(c->what), "saving the PDF");
	HPDF_SaveToStream(c->pdf);
	size = HPDF_GetStreamSize(c->pdf);
	if ((c->out = malloc(size ? size : 1)) == NULL)
		fail(c, "out of memory");
	got = size;
	HPDF_ResetStream(c->pdf);
	HPDF_ReadFromStream(c->pdf, c->out, &got);
	if (got != size)
		fail(c, "the PDF stream came back short");
	*outlen = size;
}

/* The whole job; any failure longjmps back to pg_pdf_write. */
static void
write_doc(struct wctx *c, size_t *outlen)
{
	const struct pg_frames *fr = c->fr;
	size_t p;

	snprintf(c->what, sizeof(c->what), "creating the document");
	HPDF_SetCompressionMode(c->pdf, HPDF_COMP_ALL);
	HPDF_UseUTFEncodings(c->pdf);
	collect(c);
	load_fonts(c);
	if (fr->npages > 0 &&
	    (c->pages = calloc(fr->npages, sizeof(*c->pages))) == NULL)
		fail(c, "out of memory");
	snprintf(c->what, sizeof(c->what), "adding pages");
	for (p = 0; p < fr->npages; p++) {
		c->pages[p] = HPDF_AddPage(c->pdf);
		HPDF_Page_SetWidth(c->pages[p], (HPDF_REAL)fr->width);
		HPDF_Page_SetHeight(c->pages[p], (HPDF_REAL)fr->height);
	}
	for (p = 0; p < fr->npages; p++) {
		snprintf(c->what, sizeof(c->what), "drawing page %zu", p + 1);
		draw_page(c, p);
	}
	add_outlines(c);
	set_info(c);
	save(c, outlen);
}

int
pg_pdf_write(const struct pg_frames *fr, const struct pg_fontset *fs,
    unsigned char **out, size_t *outlen, char *err, size_t errlen)
{
	struct wctx	*c;
	int		 g, rc;

	*out = NULL;
	*outlen = 0;
	if (fr->npages == 0) {
		snprintf(err, errlen, "cannot write a PDF without pages");
		return -1;
	}
	if (!(fr->width >= 3 && fr->width <= 14400 && fr->height >= 3 &&
	    fr->height <= 14400)) {
		snprintf(err, errlen, "page size %g x %g pt is outside PDF's "
		    "3-14400 pt", fr->width, fr->height);
		return -1;
	}
	if ((c = calloc(1, sizeof(*c))) == NULL) {
		snprintf(err, errlen, "out of memory");
		return -1;
	}
	c->fr = fr;
	c->fs = fs;
	c->memfd = -1;
	if (setjmp(c->jb) == 0) {
		if ((c->pdf = HPDF_New(on_error, c)) == NULL)
			fail(c, "cannot create a PDF document (out of memory)");
		write_doc(c, outlen);
		*out = c->out;
		c->out = NULL;
		rc = 0;
	} else {
		rc = -1;
		*outlen = 0;
		if (c->code != 0)
			snprintf(err, errlen, "%s: libharu error 0x%04X "
			    "(detail %u)", c->what, (unsigned)c->code,
			    (unsigned)c->detail);
		else
			snprintf(err, errlen, "%s", c->what);
	}
	drop_tmpfont(c);
	hb_release(c);
	if (c->pdf != NULL)
		HPDF_Free(c->pdf);
	for (g = 0; g < c->nfonts; g++) {
		free(c->fonts[g].used);
		free(c->fonts[g].code);
		free(c->fonts[g].uni);
		free(c->fonts[g].wid);
	}
	free(c->images);
	free(c->pages);
	free(c->buf);
	free(c->cs);
	free(c->z);
	if (c->zinit)
		deflateEnd(&c->zs);
	free(c->out);
	free(c);
	return rc;
}
