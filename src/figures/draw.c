/*
 * draw.c — what every figure draws with: the drawing context (a group of
 * boxes relative to the figure's top-left, the rectangle they must stay
 * in), boxes, rectangles and lines through one edge check, the occupancy
 * list for optional labels, and text blocks broken by the layout engine's
 * breaker.  See figure_int.h.
 */
#include "config.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/lang.h"
#include "figures/figure_int.h"

const struct pg_color pg_figc_text = { 0x22, 0x22, 0x22 };
const struct pg_color pg_figc_muted = { 0x66, 0x66, 0x66 };
const struct pg_color pg_figc_grid = { 0xCC, 0xCC, 0xCC };
const struct pg_color pg_figc_axis = { 0x44, 0x44, 0x44 };
const struct pg_color pg_figc_white = { 0xFF, 0xFF, 0xFF };
const struct pg_color pg_figc_up = { 0x2E, 0x7D, 0x32 };

/* The built-in colours, for a figure drawn without a template's. */
static const struct fig_colors builtin = {
	{ 0x2F, 0x5D, 0x8A }, { 0xA9, 0xC3, 0xDD }, { 0x7F, 0x9C, 0xB8 },
	{ 0xEE, 0xF2, 0xF6 }, { 0xB0, 0xBE, 0xC5 }, { 0x1F, 0x4E, 0x79 },
	{ 0xEF, 0x6C, 0x00 }, { 0xD8, 0x43, 0x15 }, { 0x45, 0x6E, 0x96 },
	{ 0xEA, 0xF1, 0xF8 }, { 0xD2, 0xE2, 0xF1 }, { 0x1F, 0x4E, 0x79 },
	{ 0xDD, 0xE6, 0xEF }, { 0xFF, 0xF6, 0xE0 },
	{ { 0x2E, 0x7D, 0x32 }, { 0xC6, 0x28, 0x28 },
	  { 0x15, 0x65, 0xC0 }, { 0xEF, 0x6C, 0x00 } },
	{ { 0xF1, 0xF8, 0xF1 }, { 0xFD, 0xF0, 0xF0 },
	  { 0xEE, 0xF4, 0xFC }, { 0xFE, 0xF4, 0xEA } },
	{ { 0x60, 0x7D, 0x8B }, { 0x2F, 0x5D, 0x8A }, { 0xEF, 0x6C, 0x00 },
	  { 0x8E, 0x24, 0xAA }, { 0x00, 0x89, 0x7B }, { 0x6D, 0x4C, 0x41 },
	  { 0x3F, 0x51, 0xB5 }, { 0x55, 0x8B, 0x2F }, { 0x00, 0x83, 0x8F },
	  { 0xC6, 0x28, 0x28 }, { 0x15, 0x65, 0xC0 }, { 0x75, 0x75, 0x75 },
	  /* v2: events, partnership, crm */
	  { 0xAD, 0x14, 0x57 }, { 0x82, 0x77, 0x17 }, { 0x45, 0x27, 0xA0 } },
	{ { 0, 0, 0 } }, 0,	/* no palette */
};

/*
 * The built-in colours of the timeline's categories, taken in the order
 * the categories first appear.  Chosen to be told apart (every pair at
 * least 14 apart in CIEDE2000; the first eight at least 14, the first four
 * 38) and to survive a grey-scale print: consecutive colours, which
 * neighbouring groups get, differ in CIELAB lightness by at least 11, and
 * the first six span L* 25..85 in steps of 9 or more.  Navy, orange,
 * green, pink, crimson, yellow, sky blue, violet, ochre, lime, charcoal,
 * vermilion, grey, petrol, lilac.  (tests/e2e/gantt.sh checks them.)
 */
static const struct pg_color cat_palette[] = {
	{ 0x1F, 0x3A, 0x68 }, { 0xF3, 0x9C, 0x2B }, { 0x13, 0x8A, 0x72 },
	{ 0xD1, 0x7B, 0xB5 }, { 0x9E, 0x1B, 0x32 }, { 0xEB, 0xD7, 0x4A },
	{ 0x4F, 0xA3, 0xE0 }, { 0x5C, 0x3C, 0x92 }, { 0x8C, 0x6D, 0x3F },
	{ 0xA8, 0xCF, 0x7A }, { 0x3A, 0x3A, 0x3A }, { 0xE2, 0x55, 0x3D },
	{ 0x9E, 0xA7, 0xB3 }, { 0x0E, 0x6E, 0x8C }, { 0xC9, 0xA7, 0xE8 },
};

void
fig_colors_by_use(struct fig *f, const struct pg_plan *p)
{
	int	seen[PG_CAT_N] = { 0 };
	size_t	i, next = 0, npal = f->col.nseries;
	const struct pg_color *pal = f->col.series;

	if (npal == 0) {	/* no template palette: the built-in one */
		pal = cat_palette;
		npal = sizeof(cat_palette) / sizeof(cat_palette[0]);
	}
	for (i = 0; i < p->actions.n && next < PG_CAT_N; i++) {
		unsigned k = p->actions.v[i].category;
		if (k >= PG_CAT_N || seen[k])
			continue;
		seen[k] = 1;
		f->col.cat[k] = pal[next++ % npal];
	}
}

struct pg_color
fig_text_on(struct pg_color c)
{
	/* Rec. 709 luma of the 8-bit values: enough to tell dark from light */
	double y = 0.2126 * c.r + 0.7152 * c.g + 0.0722 * c.b;

	return y > 150 ? pg_figc_text : pg_figc_white;
}

struct pg_color
fig_tint(struct pg_color c, double t)
{
	struct pg_color o;

	o.r = (uint8_t)(c.r + (255 - c.r) * t + 0.5);
	o.g = (uint8_t)(c.g + (255 - c.g) * t + 0.5);
	o.b = (uint8_t)(c.b + (255 - c.b) * t + 0.5);
	return o;
}

void
fig_colors_init(struct fig *f, const struct pg_fig_colors *c)
{
	struct fig_colors *o = &f->col;
	size_t	i;

	*o = builtin;
	if (c == NULL)
		return;
	o->bar = o->perceived = o->head = c->primary;
	o->bar_plan = fig_tint(c->primary, 0.55);
	o->other = fig_tint(c->primary, 0.4);
	o->expected = fig_tint(c->primary, 0.6);
	o->comp = fig_tint(c->primary, 0.3);
	o->lane = fig_tint(c->primary, 0.93);
	o->node = fig_tint(c->primary, 0.9);
	o->root = fig_tint(c->primary, 0.8);
	o->head_light = fig_tint(c->primary, 0.85);
	o->own = o->curve = c->accent;
	o->customer = fig_tint(c->accent, 0.9);
	if (c->nseries == 0)
		return;
	for (i = 0; i < c->nseries && i < PG_FIG_SERIES_MAX; i++)
		o->series[i] = c->series[i];
	o->nseries = i;
	for (i = 0; i < 4; i++) {
		o->swot[i] = c->series[i % c->nseries];
		o->swot_bg[i] = fig_tint(o->swot[i], 0.92);
	}
	/* categories in order (PG_CAT_NONE too), round the palette */
	for (i = 0; i < PG_CAT_N; i++)
		o->cat[i] = c->series[i % c->nseries];
}

/* ---- the drawing context ----------------------------------------------- */

static void
fig_metrics(const struct pg_fontset *fs, double *asc, double *desc)
{
	int i;

	*asc = 0.8;
	*desc = 0.2;
	for (i = 0; fs != NULL && i < fs->nfaces; i++) {
		if (fs->face[i].ascender / 1000.0 > *asc)
			*asc = fs->face[i].ascender / 1000.0;
		if (-fs->face[i].descender / 1000.0 > *desc)
			*desc = -fs->face[i].descender / 1000.0;
	}
}

void
fig_init(struct fig *f, struct pg_group *g, const struct pg_fontset *fs,
    const char *lang, double w, double h)
{
	memset(f, 0, sizeof(*f));
	f->g = g;
	f->fs = fs;
	f->lang = lang != NULL ? lang : "en";
	f->w = w;
	f->h = h;
	fig_metrics(fs, &f->asc, &f->desc);
}

int
fig_done(struct fig *f)
{
	free(f->occ);
	f->occ = NULL;
	free(f->src);
	f->src = NULL;
	pg_breaker_free(&f->brk);
	return f->err ? -1 : 0;
}

unsigned
fig_em(const struct fig *f)
{
	return pg_lang_is_zh(f->lang) ? 0 : PG_STYLE_EM;
}

const char *
fig_sep_after(const char *label)
{
	const unsigned char *e = (const unsigned char *)label + strlen(label);
	uint32_t cp;

	if (e - (const unsigned char *)label < 3 || (e[-3] & 0xF0) != 0xE0)
		return " ";
	cp = (uint32_t)(e[-3] & 0x0F) << 12 | (uint32_t)(e[-2] & 0x3F) << 6 |
	    (e[-1] & 0x3F);
	if ((cp >= 0x3000 && cp <= 0x303F) || (cp >= 0xFF01 && cp <= 0xFF0F) ||
	    (cp >= 0xFF1A && cp <= 0xFF1F))
		return "";
	return " ";
}

double
fig_lead(const struct fig *f, double size)
{
	double ink = (f->asc + f->desc) * size;

	return ink * 1.15 > size * 1.25 ? ink * 1.15 : size * 1.25;
}

void
fig_put(struct fig *f, const struct pg_box *b)
{
	double x0, x1, y0, y1;

	if (f->err)
		return;
	switch (b->kind) {
	case PG_BOX_TEXT:
		x0 = b->x;
		x1 = b->x + b->w;
		y0 = b->y - f->asc * b->size;
		y1 = b->y + f->desc * b->size;
		break;
	case PG_BOX_LINE:
		x0 = fmin(b->x, b->x + b->w);
		x1 = fmax(b->x, b->x + b->w);
		y0 = fmin(b->y, b->y + b->h);
		y1 = fmax(b->y, b->y + b->h);
		if (b->h == 0) {	/* the stroke's width across the line */
			y0 -= b->line_width / 2;
			y1 += b->line_width / 2;
		} else if (b->w == 0) {
			x0 -= b->line_width / 2;
			x1 += b->line_width / 2;
		}
		break;
	default:
		x0 = b->x;
		x1 = b->x + b->w;
		y0 = b->y;
		y1 = b->y + b->h;
		if (b->kind == PG_BOX_RECT && (b->flags & PG_BOXF_STROKE)) {
			x0 -= b->line_width / 2;
			y0 -= b->line_width / 2;
			x1 += b->line_width / 2;
			y1 += b->line_width / 2;
		}
		break;
	}
	if (!(x0 >= -FIG_EPS && x1 <= f->w + FIG_EPS &&
	    y0 >= -FIG_EPS && y1 <= f->h + FIG_EPS)) {
		f->clipped++;
		return;
	}
	if (pg_group_add(f->g, b) == NULL)
		f->err = 1;
}

void
fig_rect(struct fig *f, double x, double y, double w, double h,
    const struct pg_color *fill, const struct pg_color *stroke, double lw,
    unsigned extra)
{
	struct pg_box b;

	if (w <= 0 || h <= 0)
		return;
	b = pg_box_at(PG_BOX_RECT, x, y, w, h);
	if (fill != NULL) {
		b.fill = *fill;
		b.flags |= PG_BOXF_FILL;
	}
	if (stroke != NULL) {
		/* keep the stroke's outer half inside the rectangle too */
		b.x += lw / 2;
		b.y += lw / 2;
		b.w -= lw;
		b.h -= lw;
		if (b.w <= 0 || b.h <= 0)
			return;
		b.color = *stroke;
		b.flags |= PG_BOXF_STROKE;
		b.line_width = lw;
	}
	b.flags |= extra;
	fig_put(f, &b);
}

void
fig_diamond(struct fig *f, double x, double y, double size, struct pg_color c)
{
	struct pg_color white = pg_figc_white;

	fig_rect(f, x - size / 2, y - size / 2, size, size, &c, &white, 0.5,
	    PG_BOXF_DIAMOND);
}

void
fig_line(struct fig *f, double x0, double y0, double x1, double y1,
    struct pg_color c, double lw, int dash)
{
	struct pg_box b = pg_box_line(x0, y0, x1 - x0, y1 - y0, c, lw,
	    dash ? PG_BOXF_DASH : 0);

	fig_put(f, &b);
}

int
fig_occ_free(const struct fig *f, struct frect r)
{
	size_t i;

	if (r.x0 < -FIG_EPS || r.x1 > f->w + FIG_EPS ||
	    r.y0 < -FIG_EPS || r.y1 > f->h + FIG_EPS)
		return 0;
	for (i = 0; i < f->nocc; i++) {
		const struct frect *o = &f->occ[i];
		if (r.x0 < o->x1 && o->x0 < r.x1 && r.y0 < o->y1 && o->y0 < r.y1)
			return 0;
	}
	return 1;
}

void
fig_occ_add(struct fig *f, struct frect r)
{
	if (f->nocc == f->capocc) {
		size_t ncap = f->capocc ? f->capocc * 2 : 32;
		struct frect *n = realloc(f->occ, ncap * sizeof(*n));
		if (n == NULL) {
			f->err = 1;
			return;
		}
		f->occ = n;
		f->capocc = ncap;
	}
	f->occ[f->nocc++] = r;
}

/* ---- text -------------------------------------------------------------- */

static const char ELLIPSIS[] = "\xE2\x80\xA6";	/* … */

static double
ell_width(const struct fig *f, double size, unsigned style)
{
	int face = pg_fontset_pick(f->fs, style, 0x2026);

	return pg_text_width(f->fs, face, ELLIPSIS, 3, size);
}

int
fig_tb_break(struct fig *f, struct fig_tb *t, const struct pg_run *runs,
    size_t nruns, double size, unsigned style, double w, size_t maxlines)
{
	struct pg_tstyle ts;
	size_t i;

	memset(t, 0, sizeof(*t));
	t->runs = runs;
	t->nruns = nruns;
	t->size = size;
	t->style = style;
	if (f->err)
		return -1;
	if (w < size)
		w = size;
	memset(&ts, 0, sizeof(ts));
	ts.size = size;
	ts.leading = fig_lead(f, size);
	ts.style = style;
	ts.color = C_TEXT;
	ts.align = PG_ALIGN_LEFT;
	/* as pg_break, with the figure's storage and one analysis */
	if (pg_breaker_text(&f->brk, f->fs, runs, nruns, style, size,
	    f->lang) != 0 || pg_breaker_lines(&f->brk, &ts, w, &t->l) != 0) {
		pg_lines_free(&t->l);
		f->err = 1;
		return -1;
	}
	t->n = t->l.n;
	if (maxlines > 0 && t->l.n > maxlines) {
		/* Re-break narrower so that "…" fits after the last line. */
		t->ellw = ell_width(f, size, style);
		if (pg_breaker_lines(&f->brk, &ts, w - t->ellw > size ?
		    w - t->ellw : size, &t->l) != 0) {
			pg_lines_free(&t->l);
			f->err = 1;
			return -1;
		}
		t->n = t->l.n < maxlines ? t->l.n : maxlines;
		t->ell = t->l.n > maxlines;
	}
	for (i = 0; i < t->n; i++) {
		double lw = t->l.v[i].width + (t->ell && i + 1 == t->n ?
		    t->ellw : 0);
		if (lw > t->width)
			t->width = lw;
	}
	return 0;
}

void
fig_tb_free(struct fig_tb *t)
{
	pg_lines_free(&t->l);
}

double
fig_tb_height(const struct fig *f, const struct fig_tb *t)
{
	if (t->n == 0)
		return 0;
	return (double)(t->n - 1) * fig_lead(f, t->size) +
	    (f->asc + f->desc) * t->size;
}

/* One TEXT box; flags: PG_BOXF_JOIN across a Han-Latin gap. */
static void
text_box(struct fig *f, double x, double base, const char *s, size_t len,
    int face, double size, struct pg_color c, double w, unsigned flags)
{
	struct pg_box b;

	if (len == 0)
		return;
	b = pg_box_text(f->fs, x, base, w, s, len, face, size, c);
	b.flags |= flags;
	fig_put(f, &b);
}

/* Record text s as drawn whole (f->src). */
static void
src_add(struct fig *f, const char *s)
{
	if (s == NULL || *s == '\0')
		return;
	if (f->nsrc == f->capsrc) {
		size_t nc = f->capsrc ? f->capsrc * 2 : 32;
		const char **nv = realloc(f->src, nc * sizeof(*nv));
		if (nv == NULL) {
			f->err = 1;
			return;
		}
		f->src = nv;
		f->capsrc = nc;
	}
	f->src[f->nsrc++] = s;
}

void
fig_tb_draw(struct fig *f, const struct fig_tb *t, double x, double top,
    double w, int align, struct pg_color c)
{
	size_t i, j, clipped = f->clipped;
	double lh = fig_lead(f, t->size);

	for (i = 0; i < t->n; i++) {
		const struct pg_line *ln = &t->l.v[i];
		double base = top + f->asc * t->size + (double)i * lh;
		double lw = ln->width + (t->ell && i + 1 == t->n ? t->ellw : 0);
		double dx = align < 0 ? 0 : align == 0 ? (w - lw) / 2 : w - lw;
		double end = 0;

		if (dx < 0)
			dx = 0;
		for (j = 0; j < ln->nsegs; j++) {
			const struct pg_seg *s = &ln->segs[j];
			const char *p = t->runs[s->run].text + s->off;
			size_t len = s->len;
			double sw = s->w;
			/* never draw trailing spaces (they could poke out) */
			while (len > 0 && p[len - 1] == ' ') {
				sw -= pg_text_width(f->fs, s->face, " ", 1,
				    t->size);
				len--;
			}
			if (sw < 0)
				sw = 0;
			text_box(f, x + dx + s->x, base, p, len, s->face,
			    t->size, c, sw, s->join ? PG_BOXF_JOIN : 0);
			if (len > 0 && s->x + sw > end)
				end = s->x + sw;
			if (s->hyphen) {
				double hw = pg_text_width(f->fs, s->face, "-",
				    1, t->size);
				text_box(f, x + dx + s->x + sw, base, "-", 1,
				    s->face, t->size, c, hw, 0);
				end = s->x + sw + hw;
			}
		}
		if (t->ell && i + 1 == t->n) {
			int face = pg_fontset_pick(f->fs, t->style, 0x2026);
			text_box(f, x + dx + end, base, ELLIPSIS, 3, face,
			    t->size, c, t->ellw, 0);
		}
	}
	if (!t->ell && t->n > 0 && f->clipped == clipped)
		for (i = 0; i < t->nruns; i++)
			src_add(f, t->runs[i].text);
}

int
fig_label_make(struct fig *f, struct fig_label *lb, const char *s,
    double size, unsigned style, double w, size_t maxlines)
{
	lb->run.text = s != NULL ? s : "";
	lb->run.style = 0;
	return fig_tb_break(f, &lb->t, &lb->run, 1, size, style, w, maxlines);
}

struct frect
fig_tb_rect(const struct fig *f, const struct fig_tb *t, double x, double top,
    double w, int align)
{
	struct frect r;
	double dx = align < 0 ? 0 : align == 0 ? (w - t->width) / 2 :
	    w - t->width;

	if (dx < 0)
		dx = 0;
	r.x0 = x + dx;
	r.x1 = x + dx + t->width;
	r.y0 = top;
	r.y1 = top + fig_tb_height(f, t);
	return r;
}

/*
 * Draw the broken label lb with its box's top-left at (x, top) in width w
 * if it has lines, fits (fits != 0) and overlaps nothing drawn; mark its
 * box taken.  Frees lb.  1 if drawn.
 */
static int
label_place(struct fig *f, struct fig_label *lb, double x, double top,
    double w, int align, struct pg_color c, int fits)
{
	struct frect	 r = fig_tb_rect(f, &lb->t, x, top, w, align);
	int		 ok = 0;

	if (lb->t.n > 0 && fits && fig_occ_free(f, r)) {
		fig_tb_draw(f, &lb->t, x, top, w, align, c);
		fig_occ_add(f, r);
		ok = 1;
	}
	fig_tb_free(&lb->t);
	return ok;
}

int
fig_label_try(struct fig *f, const char *s, double size, unsigned style,
    double x, double top, double w, int align, struct pg_color c)
{
	struct fig_label lb;

	if (fig_label_make(f, &lb, s, size, style, 1e6, 1) != 0) {
		fig_tb_free(&lb.t);
		return 0;
	}
	return label_place(f, &lb, x, top, w, align, c,
	    lb.t.width <= w + FIG_EPS);
}

int
fig_label_fit(struct fig *f, const char *s, double size, unsigned style,
    double x, double top, double w, int align, struct pg_color c,
    size_t maxlines, int bottom)
{
	struct fig_label lb;

	if (w <= 0)
		return 0;
	if (fig_label_make(f, &lb, s, size, style, w, maxlines) != 0) {
		fig_tb_free(&lb.t);
		f->err = 1;	/* memory: fig_done() reports it */
		return 0;
	}
	if (bottom)
		top -= fig_tb_height(f, &lb.t);
	return label_place(f, &lb, x, top, w, align, c, 1);
}

double
fig_text_w(struct fig *f, const char *s, double size, unsigned style)
{
	struct fig_label lb;
	double w;

	if (fig_label_make(f, &lb, s, size, style, 1e6, 1) != 0) {
		fig_tb_free(&lb.t);
		f->err = 1;	/* memory: fig_done() reports it, never a 0 width */
		return 0;
	}
	w = lb.t.width;
	fig_tb_free(&lb.t);
	return w;
}
