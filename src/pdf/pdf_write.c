/*
 * pdf_write.c — draw pages of boxes into PDF bytes with libharu 2.3.0 (see
 * pdf_write.h).  libharu owns the document structure, fonts, images,
 * links, outlines and saving.  What plangen does instead of libharu is in
 * the files beside this one: fonts.c with subset.c (the font file embedded
 * for each face) and cmap.c (the ToUnicode maps that replace libharu's
 * invalid one), content.c (page content), tagged.c (marked content and
 * the structure tree), meta.c (XMP, /ID) and haru_shim.c, the only code
 * that reaches into libharu's internals, with the measured reasons why
 * and the libharu version it is written for.  This file uses libharu's public hpdf.h only.
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
#include <unistd.h>

#include <hpdf.h>

#include "base/image.h"
#include "pdf/haru_shim.h"
#include "pdf/write_int.h"

#define ITALIC_SKEW	0.21255656	/* tan(12°) */
#define BOLD_STROKE	(1.0 / 30)	/* fake bold outline width, per pt of size */

static void
on_error(HPDF_STATUS code, HPDF_STATUS detail, void *ud)
{
	struct wctx *c = ud;

	c->code = code;
	c->detail = detail;
	longjmp(c->jb, 1);
}

/* Fail with the message in c->what. */
void
pg_w_failed(struct wctx *c)
{
	c->code = 0;
	longjmp(c->jb, 1);
}

/* Fail with a message of our own (not a libharu error). */
void
pg_w_fail(struct wctx *c, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(c->what, sizeof(c->what), fmt, ap);
	va_end(ap);
	pg_w_failed(c);
}

/* Fail with libharu's error st, unless it is HPDF_OK (haru_shim.h). */
void
pg_w_check(struct wctx *c, HPDF_STATUS st)
{
	if (st == HPDF_OK)
		return;
	c->code = st;
	c->detail = HPDF_GetErrorDetail(c->pdf);
	longjmp(c->jb, 1);
}

/*
 * A PNG as libharu draws it exactly: decoded here (base/image.c) to 8-bit
 * grey or RGB, with its alpha as a soft mask.  libharu's own PNG loader
 * garbles 16-bit images and drops palette transparency.
 */
static HPDF_Image
load_png(struct wctx *c, const char *path)
{
	struct pg_img_pixels	 px;
	HPDF_Image		 img, mask;

	if (pg_image_decode_png(path, &px) != 0)
		pg_w_fail(c, "image %s is not a readable PNG", path);
	img = HPDF_LoadRawImageFromMem(c->pdf, px.pix, px.w, px.h,
	    px.channels == 3 ? HPDF_CS_DEVICE_RGB : HPDF_CS_DEVICE_GRAY, 8);
	if (img != NULL && px.alpha != NULL) {
		mask = HPDF_LoadRawImageFromMem(c->pdf, px.alpha, px.w, px.h,
		    HPDF_CS_DEVICE_GRAY, 8);
		if (mask == NULL || HPDF_Image_AddSMask(img, mask) != HPDF_OK)
			img = NULL;
	}
	pg_image_pixels_free(&px);
	return img;
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
		pg_w_fail(c, "cannot read image %s: %s", path, strerror(errno));
	snprintf(c->what, sizeof(c->what), "cannot load image %s", path);
	if (n == 8 && memcmp(magic, "\x89PNG\r\n\x1a\n", 8) == 0)
		img = load_png(c, path);
	else if (n >= 3 && memcmp(magic, "\xff\xd8\xff", 3) == 0) {
		struct pg_img_info info;
		/* only what PDF readers draw exactly: no CMYK, 12-bit, ... */
		if (pg_image_probe(path, &info) != PG_IMGE_OK)
			pg_w_fail(c, "image %s cannot be drawn exactly", path);
		img = HPDF_LoadJpegImageFromFile(c->pdf, path);
	} else
		pg_w_fail(c, "image %s is neither PNG nor JPEG", path);
	if (img == NULL)
		pg_w_fail(c, "cannot load image %s", path);
	if (c->nimages == c->capimages) {
		size_t ncap = c->capimages ? c->capimages * 2 : 8;
		struct wimage *ni = realloc(c->images, ncap * sizeof(*ni));

		if (ni == NULL)
			pg_w_fail(c, "out of memory");
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
		pg_w_fail(c, "cannot compress the page contents%s",
		    rc == -1 ? " (out of memory)" : "");
	pg_w_digest(c, z, zn);
	pg_w_check(c, pg_haru_set_page_content(pg, z, zn));
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

void
pg_w_end_text(struct wctx *c)
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
		pg_w_fail(c, "out of memory");
	pc->s[pc->n++] = '(';
	while (i < b->len) {
		unsigned code, j;

		if ((cp = pg_w_next_drawn(b, &i)) == 0xFFFFFFFF)
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
			pg_w_fail(c, "cannot add a font to page resources");
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
	pg_w_end_text(c);
	if (fill)
		set_fill(c, b->fill);
	if (stroke) {
		set_stroke(c, b->color);
		set_lw(c, b->line_width > 0 ? b->line_width : 1);
		set_dash(c, (b->flags & PG_BOXF_DASH) != 0, c->cur_lw);
	}
	if (b->flags & PG_BOXF_DIAMOND) {
		double	mx = b->x + b->w / 2, my = H - b->y - b->h / 2;

		cs_num(c, mx, ' ');
		cs_num(c, H - b->y, ' ');
		cs_str(c, "m\n");
		cs_num(c, b->x + b->w, ' ');
		cs_num(c, my, ' ');
		cs_str(c, "l\n");
		cs_num(c, mx, ' ');
		cs_num(c, H - b->y - b->h, ' ');
		cs_str(c, "l\n");
		cs_num(c, b->x, ' ');
		cs_num(c, my, ' ');
		cs_str(c, "l\nh\n");
		cs_str(c, fill && stroke ? "B\n" : fill ? "f\n" : "S\n");
		return;
	}
	cs_num(c, b->x, ' ');
	cs_num(c, H - b->y - b->h, ' ');
	cs_num(c, b->w, ' ');
	cs_num(c, b->h, ' ');
	cs_str(c, fill && stroke ? "re\nB\n" : fill ? "re\nf\n" : "re\nS\n");
}

/* A PG_BOX_PATH: its operators with y turned upward, filled. */
static void
draw_path(struct wctx *c, const struct pg_box *b)
{
	double		 H = c->fr->height, v[6];
	const char	*s = b->text, *e = b->text + b->len;
	char		 num[40];
	int		 n = 0, i;

	if (s == NULL || b->len == 0)
		return;
	pg_w_end_text(c);
	set_fill(c, b->fill);
	while (s < e) {
		size_t k;
		if (*s == ' ' || *s == '\n') {
			s++;
			continue;
		}
		if (*s == 'm' || *s == 'l' || *s == 'c' || *s == 'h') {
			int want = *s == 'c' ? 6 : *s == 'h' ? 0 : 2;
			if (n == want) {
				for (i = 0; i < n; i++)
					cs_num(c, i % 2 ? H - v[i] : v[i], ' ');
				cs_str(c, *s == 'm' ? "m\n" : *s == 'l' ? "l\n" :
				    *s == 'c' ? "c\n" : "h\n");
			}
			n = 0;
			s++;
			continue;
		}
		for (k = 0; s + k < e && k + 1 < sizeof(num) && s[k] != ' ' &&
		    s[k] != '\n'; k++)
			num[k] = s[k];
		num[k] = '\0';
		if (n < 6)
			v[n++] = strtod(num, NULL);
		s += k > 0 ? k : 1;
	}
	cs_str(c, "f\n");
}

static void
draw_line(struct wctx *c, const struct pg_box *b)
{
	double H = c->fr->height;

	pg_w_end_text(c);
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
draw_link(struct wctx *c, size_t p, const struct pg_box *b)
{
	HPDF_Page	 pg = c->pages[p];
	double		 H = c->fr->height;
	HPDF_Rect	 r;
	HPDF_Destination d;
	HPDF_Annotation	 a;

	if (b->path != NULL) {		/* a URI link (http, https, mailto) */
		r.left = (HPDF_REAL)b->x;
		r.right = (HPDF_REAL)(b->x + b->w);
		r.top = (HPDF_REAL)(H - b->y);
		r.bottom = (HPDF_REAL)(H - b->y - b->h);
		if ((a = HPDF_Page_CreateURILinkAnnot(pg, r, b->path)) == NULL)
			pg_w_fail(c, "cannot add the link to %s", b->path);
		HPDF_LinkAnnot_SetBorderStyle(a, 0, 0, 0);
		pg_w_check(c, pg_haru_add_int(c->pdf, a, "F", 4));
		pg_w_check(c, pg_haru_add_name(c->pdf, pg, "Tabs", "S"));
		pg_w_link(c, (int)p, b, a);
		return;
	}
	if (b->dest_page < 0 || (size_t)b->dest_page >= c->fr->npages)
		pg_w_fail(c, "a link points to page %lld, which does not exist",
		    (long long)b->dest_page + 1);
	r.left = (HPDF_REAL)b->x;
	r.right = (HPDF_REAL)(b->x + b->w);
	r.top = (HPDF_REAL)(H - b->y);
	r.bottom = (HPDF_REAL)(H - b->y - b->h);
	d = HPDF_Page_CreateDestination(c->pages[b->dest_page]);
	HPDF_Destination_SetXYZ(d, 0, (HPDF_REAL)(H - b->dest_y), 1);
	a = HPDF_Page_CreateLinkAnnot(pg, r, d);
	HPDF_LinkAnnot_SetBorderStyle(a, 0, 0, 0);
	/* printed (PDF/A), and tabbed in structure order (PDF/UA) */
	pg_w_check(c, pg_haru_add_int(c->pdf, a, "F", 4));
	pg_w_check(c, pg_haru_add_name(c->pdf, pg, "Tabs", "S"));
	pg_w_link(c, (int)p, b, a);
}

static void
draw_image(struct wctx *c, HPDF_Page pg, const struct pg_box *b)
{
	double		H = c->fr->height;
	HPDF_Image	img;
	const char	*name;

	pg_w_end_text(c);
	img = image_get(c, b->path);
	/* what HPDF_Page_DrawImage writes */
	if ((name = pg_haru_image_resource(pg, img)) == NULL)
		pg_w_fail(c, "cannot add image %s to the page resources", b->path);
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
	c->mc = -1;
	c->nmcid = 0;
	for (i = 0; i < page->n; i++) {
		const struct pg_box *b = &page->boxes[i];
		size_t join = i;

		/* a NaN or infinity would be written as a broken number */
		if (!isfinite(b->x) || !isfinite(b->y) || !isfinite(b->w) ||
		    !isfinite(b->h) || !isfinite(b->size) ||
		    !isfinite(b->line_width) || !isfinite(b->dest_y))
			continue;
		pg_w_mark(c, (int)p, b);
		switch (b->kind) {
		case PG_BOX_TEXT:
			/* runs joined across Han-Latin gaps: one /ActualText */
			if ((join = pg_w_join_begin(c, (int)p, i)) > i) {
				for (; i <= join; i++)
					draw_text(c, pg, &page->boxes[i]);
				i--;
				pg_w_join_end(c);
			} else
				draw_text(c, pg, b);
			break;
		case PG_BOX_RECT:
			draw_rect(c, b);
			break;
		case PG_BOX_LINE:
			draw_line(c, b);
			break;
		case PG_BOX_LINK:
			draw_link(c, p, b);
			break;
		case PG_BOX_IMAGE:
			draw_image(c, pg, b);
			break;
		case PG_BOX_PATH:
			draw_path(c, b);
			break;
		}
	}
	pg_w_mark_end(c);
	pg_w_end_text(c);
	cs_flush(c, pg);
}

static void
add_outlines(struct wctx *c)
{
	const struct pg_frames *fr = c->fr;
	HPDF_Encoder	 enc;
	HPDF_Outline	 top = NULL, o;
	HPDF_Destination d;
	size_t		 i;
	char		 buf[PG_W_CLIP_MAX + 4];

	if (fr->noutlines == 0)
		return;
	snprintf(c->what, sizeof(c->what), "adding bookmarks");
	enc = HPDF_GetEncoder(c->pdf, "UTF-8");
	for (i = 0; i < fr->noutlines; i++) {
		const struct pg_outline *ol = &fr->outlines[i];

		if (ol->page < 0 || (size_t)ol->page >= fr->npages)
			pg_w_fail(c, "bookmark \"%s\" points to a page that does "
			    "not exist", ol->title ? ol->title : "");
		o = HPDF_CreateOutline(c->pdf,
		    ol->level > 0 && top != NULL ? top : NULL,
		    pg_w_clip(ol->title ? ol->title : "", buf), enc);
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
		pg_w_fail(c, "out of memory");
	got = size;
	HPDF_ResetStream(c->pdf);
	HPDF_ReadFromStream(c->pdf, c->out, &got);
	if (got != size)
		pg_w_fail(c, "the PDF stream came back short");
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
	pg_w_collect(c);
	pg_w_load_fonts(c);
	if (fr->npages > 0 &&
	    (c->pages = calloc(fr->npages, sizeof(*c->pages))) == NULL)
		pg_w_fail(c, "out of memory");
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
	pg_w_struct_tree(c);
	pg_w_meta(c);
	save(c, outlen);
}

int
pg_pdf_write(const struct pg_frames *fr, const struct pg_fontset *fs,
    unsigned char **out, size_t *outlen, char *err, size_t errlen)
{
	return pg_pdf_write_opts(fr, fs, NULL, out, outlen, err, errlen);
}

int
pg_pdf_write_opts(const struct pg_frames *fr, const struct pg_fontset *fs,
    const struct pg_pdf_opts *opts, unsigned char **out, size_t *outlen,
    char *err, size_t errlen)
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
	c->opts = opts;
	c->tagged = fr->nelems > 1;
	c->mc = -1;
	pg_subset_init(&c->sub);
	pg_content_init(&c->cs);
	if (setjmp(c->jb) == 0) {
		if ((c->pdf = HPDF_New(on_error, c)) == NULL)
			pg_w_fail(c, "cannot create a PDF document (out of memory)");
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
	pg_w_tagged_free(c);
	pg_content_free(&c->cs);
	free(c->out);
	free(c);
	return rc;
}

const char *
pg_pdf_srgb_icc(void)
{
	static const char *const known[] = {
		"/usr/share/color/icc/sRGB.icc",	/* icc-profiles-free */
		"/usr/share/color/icc/colord/sRGB.icc",	/* colord-data */
	};
	const char	*env = getenv("PLANGEN_ICC");
	size_t		 i;

	if (env != NULL && *env != '\0')
		return env;
	for (i = 0; i < sizeof(known) / sizeof(known[0]); i++)
		if (access(known[i], R_OK) == 0)
			return known[i];
	return NULL;
}
