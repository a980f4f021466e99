/*
 * pdf_demo.c — draw a small known document with the real fonts, for the
 * end-to-end test tests/e2e/pdf.sh (which reads it back with poppler, qpdf
 * and mupdf), or a synthetic long one for measuring.
 *
 * usage: pdf_demo OUT.pdf            two pages of known text (see below)
 *        pdf_demo OUT.pdf N          N pages of mixed tables; prints
 *                                    timings to stderr
 * Exit 0, or 2 with a message on stderr (missing font, write failure).
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "layout/font.h"
#include "layout/frame.h"
#include "layout/layout.h"
#include "pdf/pdf_write.h"

static const struct pg_color black = { 0, 0, 0 };
static const struct pg_color blue = { 0x1F, 0x4E, 0x9A };
static const struct pg_color grey = { 0xE8, 0xEC, 0xF2 };

static double
now_ms(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

/* Free what pg_fontset_load allocated (faked styles share tables). */
static void
fonts_free(struct pg_fontset *fs)
{
	pg_fontset_free(fs);
}

/* Width of UTF-8 s in face f at size pt (BMP only). */
static double
width(const struct pg_face *f, const char *s, double size)
{
	const unsigned char *p = (const unsigned char *)s;
	unsigned long	 sum = 0;
	uint32_t	 cp;

	while (*p) {
		if (*p < 0x80)
			cp = *p++;
		else if ((*p & 0xE0) == 0xC0) {
			cp = (uint32_t)(p[0] & 0x1F) << 6 | (p[1] & 0x3F);
			p += 2;
		} else {
			cp = (uint32_t)(p[0] & 0x0F) << 12 |
			    (uint32_t)(p[1] & 0x3F) << 6 | (p[2] & 0x3F);
			p += 3;
		}
		sum += pg_face_adv(f, cp);
	}
	return sum * size / 1000;
}

static int
text(struct pg_frames *fr, const struct pg_fontset *fs, int page, double x,
    double y, const char *s, int script, unsigned style, double size,
    unsigned flags, struct pg_color col)
{
	int		 face = fs->map[script][style];
	struct pg_box	 b = pg_box_text(fs, x, y, width(&fs->face[face], s,
			    size), s, strlen(s), face, size, col);

	b.flags |= flags;
	return pg_frames_add(fr, page, &b) ? 0 : -1;
}

static int
shape(struct pg_frames *fr, int page, enum pg_box_kind kind, double x,
    double y, double w, double h, unsigned flags, double lw)
{
	struct pg_box b = pg_box_at(kind, x, y, w, h);

	b.color = blue;
	b.fill = grey;
	b.flags = flags;
	b.line_width = lw;
	return pg_frames_add(fr, page, &b) ? 0 : -1;
}

/* The known document: every string here is asserted by tests/e2e/pdf.sh. */
static int
demo(struct pg_frames *fr, const struct pg_fontset *fs)
{
	const int L = PG_SCRIPT_LATIN, C = PG_SCRIPT_CJK;
	const unsigned B = PG_FS_BOLD, I = PG_FS_ITALIC;
	struct pg_box link;
	char ideo[10][30 * 3 + 1];
	int r = 0, i;

	if (pg_frames_add_page(fr) != 0 || pg_frames_add_page(fr) != 1)
		return -1;
	fr->title = "市场营销计划 Marketing Plan 2027";
	fr->author = "张伟";
	fr->subject = "Demo";
	fr->keywords = "plangen, 营销";
	fr->creator = "plangen pdf_demo";
	fr->lang = "zh-CN";
	fr->date = 1767225600;	/* 2026-01-01T00:00:00Z */
	r |= text(fr, fs, 0, 72, 100, "市场营销计划", C, B, 24, 0, blue);
	r |= text(fr, fs, 0, 72, 140, "Marketing Plan for Acme Services", L, 0, 14, 0, black);
	r |= text(fr, fs, 0, 72, 165, "Bold Latin heading", L, B, 14, 0, black);
	r |= text(fr, fs, 0, 72, 190, "Italic Latin emphasis", L, I, 14, 0, black);
	r |= text(fr, fs, 0, 72, 215, "Bold italic Latin", L, B | I, 14, 0, black);
	r |= text(fr, fs, 0, 72, 245, "我们的目标是提高品牌知名度。", C, 0, 12, 0, black);
	r |= text(fr, fs, 0, 72, 270, "粗体中文标题", C, B, 12, 0, black);
	r |= text(fr, fs, 0, 72, 295, "斜体中文强调", C, I, 12, 0, black);
	r |= text(fr, fs, 0, 72, 320, "鬱龘齉爨", C, 0, 20, 0, black);
	r |= shape(fr, 0, PG_BOX_RECT, 72, 340, 200, 60, PG_BOXF_FILL | PG_BOXF_STROKE, 1);
	r |= shape(fr, 0, PG_BOX_RECT, 300, 340, 200, 60, PG_BOXF_STROKE | PG_BOXF_DASH, 0.5);
	r |= shape(fr, 0, PG_BOX_LINE, 72, 420, 450, 0, 0, 1.5);
	r |= shape(fr, 0, PG_BOX_LINE, 72, 430, 450, 40, PG_BOXF_DASH, 0.5);
	r |= text(fr, fs, 0, 72, 500, "见第 2 页", C, 0, 12, 0, blue);
	r |= text(fr, fs, 0, 40, 700, "Axis label", L, 0, 10, PG_BOXF_ROTATE90, black);
	memset(&link, 0, sizeof(link));
	link.kind = PG_BOX_LINK;
	link.x = 72;
	link.y = 488;
	link.w = 60;
	link.h = 16;
	link.dest_page = 1;
	link.dest_y = 72;
	if (pg_frames_add(fr, 0, &link) == NULL)
		return -1;
	r |= text(fr, fs, 1, 72, 100, "第二章 目标", C, B, 18, 0, black);
	r |= text(fr, fs, 1, 72, 130, "Goals and KPIs", L, 0, 12, 0, black);
	/*
	 * The writer draws each face's characters as codes of its own, one
	 * per character, and maps them back for extraction: every printable
	 * ASCII character (the codes include the bytes ( ) \\ and CR, which a
	 * PDF string must escape), Latin-1 letters, Latin text drawn with the
	 * CJK face, and 300 scattered ideographs (more than 256 codes, more
	 * than 100 ToUnicode entries, each its own cmap range in Unicode).
	 */
	r |= text(fr, fs, 1, 40, 160, "ASCII !\"#$%&'()*+,-./0123456789:;<=>?@"
	    "ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~",
	    L, 0, 8, 0, black);
	r |= text(fr, fs, 1, 40, 180, "àáâãäåæçèéêëìíîïðñòóôõöøùúûüýþÿ "
	    "ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖØÙÚÛÜÝÞß", L, 0, 10, 0, black);
	r |= text(fr, fs, 1, 40, 200, "Q3 目标 2027 (mixed)", C, 0, 10, 0, black);
	for (i = 0; i < 10; i++) {
		char	*p = ideo[i];
		int	 k;

		for (k = 0; k < 30; k++) {
			unsigned cp = 0x4E00 + 37 * (30 * i + k);

			*p++ = (char)(0xE0 | cp >> 12);
			*p++ = (char)(0x80 | (cp >> 6 & 0x3F));
			*p++ = (char)(0x80 | (cp & 0x3F));
		}
		*p = '\0';
		r |= text(fr, fs, 1, 40, 230 + 20 * i, ideo[i], C, 0, 10, 0, black);
	}
	/*
	 * A run of zero width (a lone combining accent) draws nothing, as
	 * libharu's ShowText did; the next run on its baseline, placed
	 * relative to the last one drawn, still lands at its own x.
	 */
	r |= text(fr, fs, 1, 72, 460, "Alpha", L, 0, 10, 0, black);
	r |= text(fr, fs, 1, 150, 460, "\xcc\x81", L, 0, 10, 0, black);
	r |= text(fr, fs, 1, 200, 460, "Zeta", L, 0, 10, 0, black);
	r |= pg_frames_outline(fr, "第一章 概述", 0, 0, 72);
	r |= pg_frames_outline(fr, "1.1 背景", 1, 0, 230);
	r |= pg_frames_outline(fr, "第二章 目标", 0, 1, 72);
	return r;
}

/* N pages of a 25 x 6 table of mixed Chinese/Latin text, like the notes'. */
static int
bench(struct pg_frames *fr, const struct pg_fontset *fs, int npages)
{
	static const char *const zh[] = { "品牌知名度", "线上渠道", "客户满意度",
	    "第三季度", "市场份额", "社交媒体推广", "门店体验", "会员计划" };
	static const char *const en[] = { "Brand awareness", "Q3 2027",
	    "CNY 120,000", "11.6%", "Online", "Owner: Li", "KPI", "NPS 45" };
	char	 cell[64];
	int	 p, row, col, r = 0;

	for (p = 0; p < npages; p++) {
		if (pg_frames_add_page(fr) != p)
			return -1;
		snprintf(cell, sizeof(cell), "第 %d 页 Page %d", p + 1, p + 1);
		r |= text(fr, fs, p, 72, 60, cell, PG_SCRIPT_CJK, PG_FS_BOLD, 14, 0, black);
		for (row = 0; row < 25; row++)
			for (col = 0; col < 6; col++) {
				double x = 40 + col * 86, y = 90 + row * 28;
				int k = (p + row * 7 + col) % 8;

				r |= shape(fr, p, PG_BOX_RECT, x, y, 86, 28,
				    PG_BOXF_STROKE, 0.5);
				if ((row + col) % 2)
					r |= text(fr, fs, p, x + 4, y + 18, zh[k],
					    PG_SCRIPT_CJK, 0, 10, 0, black);
				else
					r |= text(fr, fs, p, x + 4, y + 18, en[k],
					    PG_SCRIPT_LATIN, row == 0 ? PG_FS_BOLD : 0,
					    9, 0, black);
			}
		if (p % 5 == 0) {
			snprintf(cell, sizeof(cell), "第 %d 节", p / 5 + 1);
			r |= pg_frames_outline(fr, cell, 0, p, 60);
		}
	}
	fr->title = "Bench 基准";
	fr->lang = "zh-CN";
	return r;
}

int
main(int argc, char **argv)
{
	struct pg_fontset fs;
	struct pg_frames fr;
	unsigned char	*pdf = NULL;
	size_t		 len = 0;
	char		 err[512];
	double		 t0, t1, t2, t3;
	FILE		*fp;
	int		 n = argc > 2 ? atoi(argv[2]) : 0, rc = 0;

	if (argc < 2) {
		fprintf(stderr, "usage: pdf_demo OUT.pdf [PAGES]\n");
		return 2;
	}
	t0 = now_ms();
	if (pg_fontset_load(&fs, getenv("PG_DEMO_LATIN"), getenv("PG_DEMO_CJK"),
	    err, sizeof(err)) == -1) {
		fprintf(stderr, "pdf_demo: %s\n", err);
		return 2;
	}
	t1 = now_ms();
	pg_frames_init(&fr, 595.28, 841.89);
	if ((n > 0 ? bench(&fr, &fs, n) : demo(&fr, &fs)) != 0) {
		fprintf(stderr, "pdf_demo: out of memory\n");
		rc = 2;
		goto out;
	}
	t2 = now_ms();
	if (pg_pdf_write(&fr, &fs, &pdf, &len, err, sizeof(err)) == -1) {
		fprintf(stderr, "pdf_demo: %s\n", err);
		rc = 2;
		goto out;
	}
	t3 = now_ms();
	if (n > 0)
		fprintf(stderr, "fonts %.1f ms, frames %.1f ms, pdf %.1f ms, "
		    "%zu bytes, %d pages\n", t1 - t0, t2 - t1, t3 - t2, len, n);
	if ((fp = fopen(argv[1], "wb")) == NULL ||
	    fwrite(pdf, 1, len, fp) != len || fclose(fp) != 0) {
		fprintf(stderr, "pdf_demo: cannot write %s\n", argv[1]);
		rc = 2;
	}
out:
	free(pdf);
	pg_frames_free(&fr);
	fonts_free(&fs);
	return rc;
}
