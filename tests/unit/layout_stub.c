/*
 * layout_stub.c — TEMPORARY stand-ins for the layout branch's font-table
 * and line-breaking functions (pg_fontset_fake, pg_text_width, pg_break,
 * ...), linked only into test_figure until the `layout` branch is merged.
 * Greedy breaking at spaces and around CJK characters; no tailorings.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "font.h"
#include "layout.h"

int
pg_is_cjk(uint32_t cp)
{
	return (cp >= 0x2E80 && cp <= 0x9FFF) || (cp >= 0xF900 && cp <= 0xFAFF) ||
	    (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFFEF);
}

int
pg_fontset_fake(struct pg_fontset *fs, unsigned em_adv)
{
	int i, s;
	uint32_t cp;

	memset(fs, 0, sizeof(*fs));
	for (i = 0; i < 2; i++) {
		struct pg_face *f = &fs->face[i];
		if ((f->adv = calloc(65536, sizeof(*f->adv))) == NULL ||
		    (f->has = calloc(8192, 1)) == NULL)
			return -1;
		for (cp = 0x20; cp < 65536; cp++) {
			if ((i == 1) != (pg_is_cjk(cp) != 0) && cp != 0x2026)
				continue;
			f->adv[cp] = i == 1 ? 1000 : (uint16_t)em_adv;
			f->has[cp >> 3] |= (uint8_t)(1 << (cp & 7));
		}
		f->ascender = 800;
		f->descender = -200;
	}
	fs->nfaces = 2;
	for (s = 0; s < 4; s++) {
		fs->map[0][s] = 0;
		fs->map[1][s] = 1;
	}
	return 0;
}

void
pg_fontset_free(struct pg_fontset *fs)
{
	int i;

	for (i = 0; i < PG_FACE_MAX; i++) {
		free(fs->face[i].adv);
		free(fs->face[i].has);
	}
	memset(fs, 0, sizeof(*fs));
}

static uint32_t
dec(const char *s, size_t len, size_t *i)
{
	const unsigned char *p = (const unsigned char *)s + *i;
	uint32_t c = p[0];
	size_t n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;

	if (*i + n > len)
		n = len - *i;
	if (n == 2)
		c = (c & 0x1F) << 6 | (p[1] & 0x3F);
	else if (n == 3)
		c = (c & 0x0F) << 12 | (p[1] & 0x3F) << 6 | (p[2] & 0x3F);
	else if (n == 4)
		c = (c & 0x07) << 18 | (p[1] & 0x3F) << 12 | (p[2] & 0x3F) << 6 |
		    (p[3] & 0x3F);
	*i += n;
	return c;
}

int
pg_fontset_pick(const struct pg_fontset *fs, unsigned style, uint32_t cp)
{
	int lat = fs->map[0][style & 3];

	if (!pg_is_cjk(cp) && pg_face_has(&fs->face[lat], cp))
		return lat;
	return fs->map[1][style & 3];
}

double
pg_text_width(const struct pg_fontset *fs, int face, const char *s,
    size_t len, double size)
{
	size_t i = 0;
	double w = 0;

	while (i < len)
		w += pg_face_adv(&fs->face[face], dec(s, len, &i));
	return w * size / 1000;
}

struct atom {
	size_t run, off, len;
	int face;
	double w;
	int space, brk_before;
};

int
pg_break(const struct pg_fontset *fs, const struct pg_run *runs,
    size_t nruns, const struct pg_tstyle *ts, double width,
    const char *lang, struct pg_lines *out)
{
	struct atom *a = NULL;
	size_t na = 0, cap = 0, r, i, j, start;
	int prevcjk = 0, prevspace = 0;

	(void)lang;
	out->v = NULL;
	out->n = 0;
	for (r = 0; r < nruns; r++) {
		size_t len = strlen(runs[r].text);
		for (i = 0; i < len; ) {
			size_t o = i;
			uint32_t cp = dec(runs[r].text, len, &i);
			int cjk = pg_is_cjk(cp);
			if (na == cap) {
				cap = cap ? cap * 2 : 64;
				a = realloc(a, cap * sizeof(*a));
			}
			a[na].run = r;
			a[na].off = o;
			a[na].len = i - o;
			a[na].face = pg_fontset_pick(fs, ts->style | runs[r].style, cp);
			a[na].w = pg_face_adv(&fs->face[a[na].face], cp) * ts->size / 1000;
			a[na].space = cp == ' ';
			a[na].brk_before = na > 0 && (prevspace || cjk || prevcjk) &&
			    cp != ' ' && cp != 0xFF0C && cp != 0x3002;
			prevcjk = cjk;
			prevspace = cp == ' ';
			na++;
		}
	}
	start = 0;
	while (start < na) {
		size_t end, lastbrk = 0;
		double x = 0, lw = 0;
		struct pg_line *ln;
		while (start < na && a[start].space)
			start++;
		if (start == na)
			break;
		for (end = start; end < na; end++) {
			if (end > start && a[end].brk_before)
				lastbrk = end;
			if (!a[end].space && x + a[end].w > width && end > start)
				break;
			x += a[end].w;
		}
		if (end < na && lastbrk > start)
			end = lastbrk;
		out->v = realloc(out->v, (out->n + 1) * sizeof(*out->v));
		ln = &out->v[out->n++];
		memset(ln, 0, sizeof(*ln));
		ln->segs = calloc(end - start, sizeof(*ln->segs));
		x = 0;
		for (j = start; j < end; j++) {
			struct pg_seg *sg = ln->nsegs ? &ln->segs[ln->nsegs - 1] : NULL;
			if (sg && sg->run == a[j].run && sg->face == a[j].face &&
			    sg->off + sg->len == a[j].off) {
				sg->len += a[j].len;
				sg->w += a[j].w;
			} else {
				sg = &ln->segs[ln->nsegs++];
				sg->run = a[j].run;
				sg->off = a[j].off;
				sg->len = a[j].len;
				sg->x = x;
				sg->w = a[j].w;
				sg->face = a[j].face;
			}
			x += a[j].w;
			if (!a[j].space)
				lw = x;
		}
		ln->width = lw;
		start = end;
	}
	free(a);
	return 0;
}

void
pg_lines_free(struct pg_lines *l)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		free(l->v[i].segs);
	free(l->v);
	l->v = NULL;
	l->n = 0;
}
