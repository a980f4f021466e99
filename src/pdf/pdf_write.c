/*
 * pdf_write.c — draw pages of boxes into PDF bytes with libharu 2.3.0 (see
 * pdf_write.h).  libharu owns the document structure, fonts, images,
 * links, outlines and saving.  What plangen does instead of libharu is in
 * the files beside this one: subset.c (the font file embedded for each
 * face), cmap.c (the ToUnicode maps that replace libharu's invalid one),
 * content.c (page content), and haru_shim.c, the only code that reaches
 * into libharu's internals, with the measured reasons why and the libharu
 * version it is written for.  This file uses libharu's public hpdf.h only.
 *
 * Invariants:
 *  1. Compression is switched on before any font is loaded (else the
 *     embedded fonts stay uncompressed).
 *  2. Each font file face (path + index) becomes exactly ONE embedded font:
 *     a HarfBuzz subset of every code point the frames draw with it, and a
 *     face is never loaded twice (libharu de-duplicates fonts by name).
 *  3. Each face's characters are drawn as codes of its own (struct
 *     pg_remap): /W and CIDToGIDMap cover just those codes
 *     (pg_haru_get_font_codes), and the font's /ToUnicode maps them back to
 *     Unicode.  A face of at most 255 characters is drawn with 1-byte codes
 *     (set_onebyte).  A face drawing more than PG_REMAP_MAX characters keeps
 *     Unicode codes (the "UTF-8" encoder's UTF-16 values) and an identity
 *     map of the code blocks used.
 *  4. Page content is written by plangen (content.h), not by libharu's
 *     page operators, with exactly the numbers libharu would print.
 *     Glyphs are marked used through pg_haru_use_code (measure), which is
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

#include <hpdf.h>

#include "base/utf8.h"
#include "layout/font.h"
#include "layout/frame.h"
#include "pdf/cmap.h"
#include "pdf/content.h"
#include "pdf/haru_shim.h"
#include "pdf/pdf_write.h"
#include "pdf/subset.h"

#define ITALIC_SKEW	0.21255656	/* tan(12°) */
#define BOLD_STROKE	(1.0 / 30)	/* fake bold outline width, per pt of size */

/* One embedded font: a font file face and the code points drawn with it. */
struct wfont {
	const char	*path;
	int		 index;
	uint8_t		*used;		/* PG_CPSET_BYTES */
	int		 any;		/* some code point is used */
	const char	*name;		/* libharu's font name (owned by it) */
	HPDF_Font	 font;
	struct pg_remap	 rm;		/* its codes; rm.code NULL: Unicode */
	int16_t		*wid;		/* code -> libharu's width, 1/1000 em */
	int		 onebyte;	/* drawn as 1-byte codes (set_onebyte) */
};

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
	char		*buf;		/* a ToUnicode map (cmap.h) */
	size_t		 bufcap;
	struct pg_subset sub;		/* a subset font file not yet dropped */
	unsigned char	*out;
	struct pg_content cs;		/* the current page's content */
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

/* Fail with the message in c->what. */
static void failed(struct wctx *) __attribute__((noreturn));

static void
failed(struct wctx *c)
{
	c->code = 0;
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
	failed(c);
}

/* Fail with libharu's error st, unless it is HPDF_OK (haru_shim.h). */
static void
haru_check(struct wctx *c, HPDF_STATUS st)
{
	if (st == HPDF_OK)
		return;
	c->code = st;
	c->detail = HPDF_GetErrorDetail(c->pdf);
	longjmp(c->jb, 1);
}

/*
 * The character of a text box at b->text[*i], advancing *i past it, or
 * 0xFFFFFFFF if it is not drawn: a control, a surrogate, U+FFFE/FFFF, a
 * character beyond the BMP, or a byte of invalid UTF-8 (which
 * pg_utf8_next gives as U+FFFD from a single byte; a real U+FFFD takes 3).
 */
static uint32_t
next_drawn(const struct pg_box *b, size_t *i)
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
		if ((cp = next_drawn(b, &i)) != 0xFFFFFFFF) {
			used[cp >> 3] |= (uint8_t)(1u << (cp & 7));
			n++;
		}
	return n;
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
			if ((c->fonts[g].used = calloc(PG_CPSET_BYTES, 1)) == NULL)
				fail(c, "out of memory");
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
				fail(c, "a text box uses face %d, which the "
				    "fontset does not have", b->face);
			if (c->fontof[b->face] == -1)
				fail(c, "face %d has no font file (a fake "
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
		fail(c, "out of memory");
	st = pg_haru_set_tounicode(w->font, c->buf, n);
	if (st == HPDF_INVALID_OBJECT)
		fail(c, "libharu wrote no ToUnicode map for %s", w->path);
	haru_check(c, st);
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
		fail(c, "out of memory");
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
	haru_check(c, pg_haru_set_encoding_cmap(c->pdf, w->font,
	    PG_CMAP_ONEBYTE_NAME, pg_cmap_onebyte));
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
		if (pg_subset_write(&c->sub, w->path, w->index, w->used, &w->rm,
		    c->what, sizeof(c->what)) == -1)
			failed(c);
		snprintf(c->what, sizeof(c->what), "loading font %s", w->path);
		name = HPDF_LoadTTFontFromFile(c->pdf, c->sub.path, HPDF_TRUE);
		pg_subset_drop(&c->sub);
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
		w->font = w->rm.code != NULL ? pg_haru_get_font_codes(c->pdf,
		    name, w->rm.base, w->rm.ncodes) :
		    HPDF_GetFont(c->pdf, name, "UTF-8");
		if (w->font == NULL)
			fail(c, "cannot load font %s", w->path);
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
	} else
		fail(c, "cannot read image %s: %s", path, strerror(errno));
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

#define cs_str(c, s)		pg_content_str(&(c)->cs, (s))
#define cs_num(c, d, sep)	pg_content_num(&(c)->cs, (d), (sep))

/* Compress the page's content and make it the page's content stream. */
static void
cs_flush(struct wctx *c, HPDF_Page pg)
{
	const unsigned char	*z;
	size_t			 zn;
	int			 rc;

	if ((rc = pg_content_deflate(&c->cs, &z, &zn)) != 0)
		fail(c, "cannot compress the page contents%s",
		    rc == -1 ? " (out of memory)" : "");
	haru_check(c, pg_haru_set_page_content(pg, z, zn));
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
 * sum of their widths (1/1000 em; libharu's), or -1 if nothing is drawn.
 */
static long
cs_text(struct wctx *c, const struct wfont *w, const struct pg_box *b)
{
	struct pg_content *pc = &c->cs;
	size_t		 i = 0;
	uint32_t	 cp;
	long		 width = 0;
	int		 any = 0;

	/* 2 bytes per code, escaped */
	if (pg_content_reserve(pc, 4 * b->len + 2) == -1)
		fail(c, "out of memory");
	pc->s[pc->n++] = '(';
	while (i < b->len) {
		unsigned code, j;

		if ((cp = next_drawn(b, &i)) == 0xFFFFFFFF)
			continue;
		code = w->rm.code != NULL ? w->rm.code[cp] : cp;
		width += w->wid[code];
		any = 1;
		for (j = w->onebyte; j < 2; j++) {
			unsigned char ch = (unsigned char)(j ? code : code >> 8);

			if (ch == '(' || ch == ')' || ch == '\\') {
				pc->s[pc->n++] = '\\';
				pc->s[pc->n++] = (char)ch;
			} else if (ch == '\r') {
				pc->s[pc->n++] = '\\';
				pc->s[pc->n++] = 'r';
			} else
				pc->s[pc->n++] = (char)ch;
		}
	}
	pc->s[pc->n++] = ')';
	return any ? width : -1;
}

static void
draw_text(struct wctx *c, HPDF_Page pg, const struct pg_box *b)
{
	const struct pg_face *face = &c->fs->face[b->face];
	struct wfont	*w = &c->fonts[c->fontof[b->face]];
	double		 H = c->fr->height, sz = b->size;
	size_t		 mark = c->cs.n;
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
		const char *name = pg_haru_font_resource(pg, w->font);

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
	cs_num(c, b->x, ' ');
	cs_num(c, H - b->y, ' ');
	cs_str(c, "Tm\n");
	width = cs_text(c, w, b);
	if (width <= 0) {
		/* libharu drew nothing for a run of zero width: nor do we */
		c->cs.n = mark;
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

	if (b->dest_page < 0 || (size_t)b->dest_page >= c->fr->npages)
		fail(c, "a link points to page %lld, which does not exist",
		    (long long)b->dest_page + 1);
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
	if ((name = pg_haru_image_resource(pg, img)) == NULL)
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
	static const HPDF_InfoType key[] = { HPDF_INFO_TITLE,
	    HPDF_INFO_AUTHOR, HPDF_INFO_SUBJECT, HPDF_INFO_KEYWORDS,
	    HPDF_INFO_CREATOR };
	const struct pg_frames *fr = c->fr;
	const char	*val[] = { fr->title, fr->author, fr->subject,
	    fr->keywords, fr->creator };
	HPDF_Doc	 pdf = c->pdf;
	size_t		 i;

	snprintf(c->what, sizeof(c->what), "setting document information");
	HPDF_SetCurrentEncoder(pdf, "UTF-8");
	for (i = 0; i < sizeof(key) / sizeof(key[0]); i++)
		if (val[i] != NULL && *val[i] != '\0')
			HPDF_SetInfoAttr(pdf, key[i], val[i]);
	HPDF_SetInfoAttr(pdf, HPDF_INFO_PRODUCER,
	    PACKAGE_NAME " " PACKAGE_VERSION " (libharu " HPDF_VERSION_TEXT ")");
	set_date(c, fr->date);
	if (fr->lang != NULL && *fr->lang != '\0')
		haru_check(c, pg_haru_set_lang(pdf, fr->lang));
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
	pg_subset_init(&c->sub);
	pg_content_init(&c->cs);
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
	pg_subset_drop(&c->sub);
	if (c->pdf != NULL)
		HPDF_Free(c->pdf);
	for (g = 0; g < c->nfonts; g++) {
		free(c->fonts[g].used);
		pg_remap_free(&c->fonts[g].rm);
		free(c->fonts[g].wid);
	}
	free(c->images);
	free(c->pages);
	free(c->buf);
	pg_content_free(&c->cs);
	free(c->out);
	free(c);
	return rc;
}
