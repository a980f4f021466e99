/*
 * figure.c — the plan's figures as boxes, and the money formatter.
 * See figure.h.
 *
 * Design invariants:
 *  1. Every box goes through put(), which drops anything that would leave
 *     the figure's rectangle (so a too-small h loses content, never draws
 *     outside).  With h >= the _height, nothing is dropped.
 *  2. Text is measured and broken only by pg_break; a drawn line is
 *     exactly the segments pg_break returned, so measuring and drawing
 *     agree.  A text box's extent is [y - asc*size, y + desc*size], the
 *     fontset's largest ascender and descender.
 *  3. Optional labels (chart values, growth rates, map names) are placed
 *     through an occupancy list: a label that would overlap text or a dot
 *     already placed is moved (map) or left out (charts).
 *  4. No text smaller than FIG_MIN_PT.
 *  5. Money labels use integer minor units only (pg_fmt_money); doubles
 *     serve geometry (bar lengths) and nothing that is printed as money.
 */
#include "config.h"

#include <float.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "figures/figure.h"
#include "layout/layout.h"
#include "layout/layout_int.h"

#define FIG_MIN_PT	7.0
#define FIG_BODY_PT	8.0
#define FIG_SMALL_PT	7.5
#define FIG_EPS		0.01

static const struct pg_color C_TEXT = { 0x22, 0x22, 0x22 };
static const struct pg_color C_MUTED = { 0x66, 0x66, 0x66 };
static const struct pg_color C_GRID = { 0xCC, 0xCC, 0xCC };
static const struct pg_color C_AXIS = { 0x44, 0x44, 0x44 };
static const struct pg_color C_WHITE = { 0xFF, 0xFF, 0xFF };
static const struct pg_color C_BAR = { 0x2F, 0x5D, 0x8A };
static const struct pg_color C_BAR_PLAN = { 0xA9, 0xC3, 0xDD };
static const struct pg_color C_CONTINGENCY = { 0x9E, 0x9E, 0x9E };
static const struct pg_color C_OTHER = { 0x7F, 0x9C, 0xB8 };
static const struct pg_color C_UP = { 0x2E, 0x7D, 0x32 };
static const struct pg_color C_DOWN = { 0xC6, 0x28, 0x28 };
static const struct pg_color C_OWN = { 0xD8, 0x43, 0x15 };
static const struct pg_color C_COMP = { 0x45, 0x6E, 0x96 };
static const struct pg_color C_FAIL = { 0xD3, 0x2F, 0x2F };
static const struct pg_color C_LANE = { 0xEE, 0xF2, 0xF6 };
static const struct pg_color C_CUSTOMER = { 0xFF, 0xF6, 0xE0 };
static const struct pg_color C_HEAD = { 0xDD, 0xE6, 0xEF };

/* SWOT header fills: strengths, weaknesses, opportunities, threats. */
static const struct pg_color C_SWOT[4] = {
	{ 0x2E, 0x7D, 0x32 }, { 0xC6, 0x28, 0x28 },
	{ 0x15, 0x65, 0xC0 }, { 0xEF, 0x6C, 0x00 },
};
static const struct pg_color C_SWOT_BG[4] = {
	{ 0xF1, 0xF8, 0xF1 }, { 0xFD, 0xF0, 0xF0 },
	{ 0xEE, 0xF4, 0xFC }, { 0xFE, 0xF4, 0xEA },
};

/* Timeline bar colours by pg_category. */
static const struct pg_color C_CAT[12] = {
	{ 0x60, 0x7D, 0x8B }, { 0x2F, 0x5D, 0x8A }, { 0xEF, 0x6C, 0x00 },
	{ 0x8E, 0x24, 0xAA }, { 0x00, 0x89, 0x7B }, { 0x6D, 0x4C, 0x41 },
	{ 0x3F, 0x51, 0xB5 }, { 0x55, 0x8B, 0x2F }, { 0x00, 0x83, 0x8F },
	{ 0xC6, 0x28, 0x28 }, { 0x15, 0x65, 0xC0 }, { 0x75, 0x75, 0x75 },
};

/* ---- labels ------------------------------------------------------------ */

static const struct pg_fig_labels labels_en = {
	{ "Strengths", "Weaknesses", "Opportunities", "Threats" },
	"(none)", "Actual", "Plan", "Contingency", "Other", "Total",
	{ "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep",
	  "Oct", "Nov", "Dec" },
	"",
	{ "No category", "Sales", "Promotion", "Advertising", "PR", "Training",
	  "Channel", "Product", "Research", "Service", "Digital", "Other" },
	"Competitor", "Us (now)", "Us (target)",
	{ "Physical evidence", "Customer actions", "Line of interaction",
	  "Frontstage", "Line of visibility", "Backstage", "Support processes" },
	"Fail points", "Recovery:",
};

static const struct pg_fig_labels labels_zh = {
	{ "优势", "劣势", "机会", "威胁" },
	"（无）", "实际", "计划", "不可预见费", "其他", "合计",
	{ "1月", "2月", "3月", "4月", "5月", "6月", "7月", "8月", "9月",
	  "10月", "11月", "12月" },
	"年",
	{ "未分类", "销售", "促销", "广告", "公关", "培训", "渠道", "产品", "调研",
	  "服务", "数字化", "其他" },
	"竞争者", "本品牌（现在）", "本品牌（目标）",
	{ "有形展示", "顾客行为", "互动分界线", "前台员工行为", "可视分界线",
	  "后台员工行为", "支持过程" },
	"失误点", "补救：",
};

void
pg_fig_labels_default(struct pg_fig_labels *l, const char *lang)
{
	if (lang != NULL && strncmp(lang, "zh", 2) == 0)
		*l = labels_zh;
	else
		*l = labels_en;
}

/* ---- money ------------------------------------------------------------- */

static const struct {
	const char *code, *sym;
} money_syms[] = {
	{ "CNY", "¥" }, { "USD", "$" }, { "EUR", "€" }, { "GBP", "£" },
	{ "JPY", "JP¥" }, { "HKD", "HK$" },
};

char *
pg_fmt_money_flags(int64_t minor, const char *currency, const char *lang,
    unsigned flags, char *buf, size_t n)
{
	uint64_t	 u, whole;
	unsigned	 frac;
	char		 digits[40];	/* grouped integer part, built backwards */
	size_t		 i = sizeof(digits), k = 0;
	const char	*sym = NULL;
	int		 len;
	size_t		 j;

	(void)lang;
	if (n > 0)
		buf[0] = '\0';
	if (currency == NULL)
		currency = "CNY";
	if (!(flags & PG_MONEY_CODE))
		for (j = 0; j < sizeof(money_syms) / sizeof(money_syms[0]); j++)
			if (strcmp(currency, money_syms[j].code) == 0)
				sym = money_syms[j].sym;
	u = minor < 0 ? (uint64_t)0 - (uint64_t)minor : (uint64_t)minor;
	whole = u / 100;
	frac = (unsigned)(u % 100);
	digits[--i] = '\0';
	do {
		if (k > 0 && k % 3 == 0)
			digits[--i] = ',';
		digits[--i] = (char)('0' + whole % 10);
		whole /= 10;
		k++;
	} while (whole != 0);
	if (frac != 0 || (flags & PG_MONEY_CENTS))
		len = snprintf(buf, n, "%s%s%s%s.%02u", minor < 0 ? "-" : "",
		    sym ? sym : currency, sym ? "" : " ", digits + i, frac);
	else
		len = snprintf(buf, n, "%s%s%s%s", minor < 0 ? "-" : "",
		    sym ? sym : currency, sym ? "" : " ", digits + i);
	if (len < 0 || (size_t)len >= n) {
		if (n > 0)
			buf[0] = '\0';
		return NULL;
	}
	return buf;
}

char *
pg_fmt_money(int64_t minor, const char *currency, const char *lang,
    char *buf, size_t n)
{
	return pg_fmt_money_flags(minor, currency, lang, 0, buf, n);
}

/* ---- drawing context --------------------------------------------------- */

struct frect {
	double	x0, y0, x1, y1;
};

struct fig {
	struct pg_frames	*fr;
	const struct pg_fontset	*fs;
	const char		*lang;
	int			 page;
	double			 x, y, w, h;	/* the rectangle */
	double			 asc, desc;	/* em fractions, largest of the set */
	int			 err;
	struct frect		*occ;		/* placed labels and dots */
	size_t			 nocc, capocc;
	struct pg_lb		 lb;		/* line-break storage, reused */
};

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

static void
fig_init(struct fig *f, struct pg_frames *fr, const struct pg_fontset *fs,
    const char *lang, int page, double x, double y, double w, double h)
{
	memset(f, 0, sizeof(*f));
	f->fr = fr;
	f->fs = fs;
	f->lang = lang != NULL ? lang : "en";
	f->page = page;
	f->x = x;
	f->y = y;
	f->w = w;
	f->h = h;
	fig_metrics(fs, &f->asc, &f->desc);
}

static int
fig_done(struct fig *f)
{
	free(f->occ);
	f->occ = NULL;
	pg_lb_free(&f->lb);
	return f->err ? -1 : 0;
}

/* Emphasis for secondary labels: italic, except in Chinese (no slanted
 * Han characters). */
static unsigned
em(const struct fig *f)
{
	return strncmp(f->lang, "zh", 2) == 0 ? 0 : PG_STYLE_EM;
}

/* The separator after a label: none after full-width punctuation
 * ("补救："), which carries its own space; else " ". */
static const char *
sep_after(const char *label)
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

/* Baseline-to-baseline distance for text of `size` pt. */
static double
lead(const struct fig *f, double size)
{
	double ink = (f->asc + f->desc) * size;

	return ink * 1.15 > size * 1.25 ? ink * 1.15 : size * 1.25;
}

/* Add a box if it lies inside the rectangle (invariant 1). */
static void
put(struct fig *f, const struct pg_box *b)
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
	if (!(x0 >= f->x - FIG_EPS && x1 <= f->x + f->w + FIG_EPS &&
	    y0 >= f->y - FIG_EPS && y1 <= f->y + f->h + FIG_EPS))
		return;
	if (pg_frames_add(f->fr, f->page, b) == NULL)
		f->err = 1;
}

static void
rect(struct fig *f, double x, double y, double w, double h,
    const struct pg_color *fill, const struct pg_color *stroke, double lw,
    unsigned extra)
{
	struct pg_box b;

	if (w <= 0 || h <= 0)
		return;
	memset(&b, 0, sizeof(b));
	b.kind = PG_BOX_RECT;
	b.x = x;
	b.y = y;
	b.w = w;
	b.h = h;
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
	put(f, &b);
}

static void
line(struct fig *f, double x0, double y0, double x1, double y1,
    struct pg_color c, double lw, int dash)
{
	struct pg_box b = pg_box_line(x0, y0, x1 - x0, y1 - y0, c, lw,
	    dash ? PG_BOXF_DASH : 0);

	put(f, &b);
}

/* Occupancy (invariant 3). */
static int
occ_free(const struct fig *f, struct frect r)
{
	size_t i;

	if (r.x0 < f->x - FIG_EPS || r.x1 > f->x + f->w + FIG_EPS ||
	    r.y0 < f->y - FIG_EPS || r.y1 > f->y + f->h + FIG_EPS)
		return 0;
	for (i = 0; i < f->nocc; i++) {
		const struct frect *o = &f->occ[i];
		if (r.x0 < o->x1 && o->x0 < r.x1 && r.y0 < o->y1 && o->y0 < r.y1)
			return 0;
	}
	return 1;
}

static void
occ_add(struct fig *f, struct frect r)
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

/*
 * A block of text broken into lines, at most `maxlines` of them; when
 * the text needed more, the last line ends with "…".
 */
struct tb {
	struct pg_lines	 l;
	const struct pg_run *runs;
	size_t		 nruns;
	double		 size;
	unsigned	 style;
	size_t		 n;		/* lines shown */
	int		 ell;		/* last shown line gets "…" */
	double		 ellw;
	double		 width;		/* widest shown line, pt (with "…") */
};

static const char ELLIPSIS[] = "\xE2\x80\xA6";	/* … */

static double
ell_width(const struct fig *f, double size, unsigned style)
{
	int face = pg_fontset_pick(f->fs, style, 0x2026);

	return pg_text_width(f->fs, face, ELLIPSIS, 3, size);
}

/* Break runs into at most maxlines lines of width w.  0 or -1 (f->err). */
static int
tb_break(struct fig *f, struct tb *t, const struct pg_run *runs, size_t nruns,
    double size, unsigned style, double w, size_t maxlines)
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
	ts.leading = lead(f, size);
	ts.style = style;
	ts.color = C_TEXT;
	ts.align = PG_ALIGN_LEFT;
	/* as pg_break, with the figure's storage and one analysis */
	if (pg_lb_analyze(&f->lb, f->fs, runs, nruns, style, size,
	    f->lang) != 0 || pg_lb_lines(&f->lb, &ts, w, &t->l) != 0) {
		pg_lines_free(&t->l);
		f->err = 1;
		return -1;
	}
	t->n = t->l.n;
	if (maxlines > 0 && t->l.n > maxlines) {
		/* Re-break narrower so that "…" fits after the last line. */
		t->ellw = ell_width(f, size, style);
		if (pg_lb_lines(&f->lb, &ts, w - t->ellw > size ?
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

static void
tb_free(struct tb *t)
{
	pg_lines_free(&t->l);
}

static double
tb_height(const struct fig *f, const struct tb *t)
{
	if (t->n == 0)
		return 0;
	return (double)(t->n - 1) * lead(f, t->size) +
	    (f->asc + f->desc) * t->size;
}

/* One TEXT box. */
static void
text_box(struct fig *f, double x, double base, const char *s, size_t len,
    int face, double size, struct pg_color c, double w)
{
	struct pg_box b;

	if (len == 0)
		return;
	memset(&b, 0, sizeof(b));
	b.kind = PG_BOX_TEXT;
	b.x = x;
	b.y = base;
	b.w = w;
	b.text = s;
	b.len = len;
	b.face = face;
	b.size = size;
	b.color = c;
	if (face >= 0 && face < f->fs->nfaces) {
		if (f->fs->face[face].fake_bold)
			b.flags |= PG_BOXF_FAKE_BOLD;
		if (f->fs->face[face].fake_italic)
			b.flags |= PG_BOXF_FAKE_ITALIC;
	}
	put(f, &b);
}

/*
 * Draw the shown lines of t with the top of the first line's ink at
 * `top`; each line aligned in a column [x, x+w] (align: -1 left, 0
 * centre, 1 right).
 */
static void
tb_draw(struct fig *f, const struct tb *t, double x, double top, double w,
    int align, struct pg_color c)
{
	size_t i, j;
	double lh = lead(f, t->size);

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
			    t->size, c, sw);
			if (len > 0 && s->x + sw > end)
				end = s->x + sw;
			if (s->hyphen) {
				double hw = pg_text_width(f->fs, s->face, "-",
				    1, t->size);
				text_box(f, x + dx + s->x + sw, base, "-", 1,
				    s->face, t->size, c, hw);
				end = s->x + sw + hw;
			}
		}
		if (t->ell && i + 1 == t->n) {
			int face = pg_fontset_pick(f->fs, t->style, 0x2026);
			text_box(f, x + dx + end, base, ELLIPSIS, 3, face,
			    t->size, c, t->ellw);
		}
	}
}

/* A one-run text block of string s. */
struct label {
	struct pg_run	 run;
	struct tb	 t;
};

static int
label_make(struct fig *f, struct label *lb, const char *s, double size,
    unsigned style, double w, size_t maxlines)
{
	lb->run.text = s != NULL ? s : "";
	lb->run.style = 0;
	return tb_break(f, &lb->t, &lb->run, 1, size, style, w, maxlines);
}

/* The rectangle a text block occupies when drawn at (x, top) in column w. */
static struct frect
tb_rect(const struct fig *f, const struct tb *t, double x, double top,
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
	r.y1 = top + tb_height(f, t);
	return r;
}

/*
 * Place a one-line label of s centred (align 0), left- (-1) or right-
 * (1) aligned in [x, x+w] with its ink top at `top`, only if it fits
 * the column and collides with nothing placed.  Returns 1 if drawn.
 */
static int
label_try(struct fig *f, const char *s, double size, unsigned style,
    double x, double top, double w, int align, struct pg_color c)
{
	struct label lb;
	struct frect r;
	int ok = 0;

	if (label_make(f, &lb, s, size, style, 1e6, 1) != 0)
		return 0;
	r = tb_rect(f, &lb.t, x, top, w, align);
	if (lb.t.n > 0 && lb.t.width <= w + FIG_EPS && occ_free(f, r)) {
		tb_draw(f, &lb.t, x, top, w, align, c);
		occ_add(f, r);
		ok = 1;
	}
	tb_free(&lb.t);
	return ok;
}

/*
 * Like label_try, for labels that must appear: wrapped into at most
 * maxlines lines of the column and cut with "…" rather than left out when
 * they are too long; left out only if the place is taken.  bottom != 0:
 * `top` is where the block's last line ends (the block grows upwards).
 * Returns 1 if drawn.
 */
static int
label_fit(struct fig *f, const char *s, double size, unsigned style,
    double x, double top, double w, int align, struct pg_color c,
    size_t maxlines, int bottom)
{
	struct label lb;
	struct frect r;
	int ok = 0;

	if (w <= 0 || label_make(f, &lb, s, size, style, w, maxlines) != 0)
		return 0;
	if (bottom)
		top -= tb_height(f, &lb.t);
	r = tb_rect(f, &lb.t, x, top, w, align);
	if (lb.t.n > 0 && occ_free(f, r)) {
		tb_draw(f, &lb.t, x, top, w, align, c);
		occ_add(f, r);
		ok = 1;
	}
	tb_free(&lb.t);
	return ok;
}

/* Natural one-line width of s; 0 on failure. */
static double
text_w(struct fig *f, const char *s, double size, unsigned style)
{
	struct label lb;
	double w;

	if (label_make(f, &lb, s, size, style, 1e6, 1) != 0)
		return 0;
	w = lb.t.width;
	tb_free(&lb.t);
	return w;
}

/* ---- numbers ----------------------------------------------------------- */

/* Insert "," every three digits of the integer part of a plain decimal. */
static void
group_digits(const char *src, char *buf, size_t n)
{
	const char *p = src, *dot;
	size_t ndig, i, o = 0;

	if (*p == '-')
		p++;
	dot = p;
	while (*dot >= '0' && *dot <= '9')
		dot++;
	ndig = (size_t)(dot - p);
	if (ndig == 0 || (*dot != '\0' && *dot != '.') || strlen(src) + ndig / 3 + 1 > n ||
	    strspn(*dot == '.' ? dot + 1 : dot, "0123456789") !=
	    strlen(*dot == '.' ? dot + 1 : dot)) {
		snprintf(buf, n, "%s", src);
		return;
	}
	if (*src == '-')
		buf[o++] = '-';
	for (i = 0; i < ndig; i++) {
		if (i > 0 && (ndig - i) % 3 == 0)
			buf[o++] = ',';
		buf[o++] = p[i];
	}
	snprintf(buf + o, n - o, "%s", dot);
}

/* A tick or value: fixed decimals, grouped; %g beyond 1e15. */
static void
fmt_num(double v, int decimals, char *buf, size_t n)
{
	char tmp[64];

	if (!isfinite(v) || fabs(v) >= 1e15) {
		snprintf(buf, n, "%.3g", v);
		return;
	}
	if (fabs(v) < 0.5 * pow(10, -decimals))
		v = 0;	/* no "-0" */
	snprintf(tmp, sizeof(tmp), "%.*f", decimals, v);
	group_digits(tmp, buf, n);
}

/* A value label: the source text grouped, or the number if it is odd. */
static void
fmt_value(const struct pg_num *num, char *buf, size_t n)
{
	if (num->text != NULL && strlen(num->text) <= 24)
		group_digits(num->text, buf, n);
	else
		fmt_num(num->v, 0, buf, n);
}

/* A "nice" tick step (1, 2, 5 × 10^k) splitting range into <= maxticks. */
static double
nice_step(double range, int maxticks)
{
	double raw, mag, fr;

	if (!(range > 0) || !isfinite(range))
		return 1;
	raw = range / maxticks;
	mag = pow(10, floor(log10(raw)));
	fr = raw / mag;
	return (fr <= 1 ? 1 : fr <= 2 ? 2 : fr <= 5 ? 5 : 10) * mag;
}

/* ---- SWOT -------------------------------------------------------------- */

#define SWOT_PAD	6.0
#define SWOT_BULLET	9.0	/* hanging indent of items */
#define SWOT_GAP	3.0	/* between items */

/* Height of one quadrant's header band. */
static double
swot_head_h(const struct fig *f)
{
	return (f->asc + f->desc) * 9.5 + 2 * 4.0;
}

/*
 * Lay out (draw != 0: also draw) the items of kind k in a cell whose
 * content column starts at (x, top) and is w wide.  Returns the height of
 * the items, -1 on failure.
 */
static double
swot_items(struct fig *f, const struct pg_plan *p, const struct pg_fig_labels *lb,
    int k, double x, double top, double w, int draw)
{
	size_t i;
	double y = top, h;
	int any = 0;

	for (i = 0; i < p->swot.nitems; i++) {
		const struct pg_swot_item *it = &p->swot.items[i];
		struct pg_run runs[3];
		struct tb t;

		if ((int)it->kind != k)
			continue;
		runs[0].text = it->id != NULL ? it->id : "";
		runs[0].style = PG_STYLE_STRONG;
		runs[1].text = " ";
		runs[1].style = 0;
		runs[2].text = it->text != NULL ? it->text : "";
		runs[2].style = 0;
		if (tb_break(f, &t, runs, 3, FIG_BODY_PT, 0, w - SWOT_BULLET, 0) != 0)
			return -1;
		if (any)
			y += SWOT_GAP;
		if (draw) {
			struct label bl;
			if (label_make(f, &bl, "\xE2\x80\xA2", FIG_BODY_PT, 0, 1e6, 1) == 0) {
				tb_draw(f, &bl.t, x, y, SWOT_BULLET, -1, C_SWOT[k]);
				tb_free(&bl.t);
			}
			tb_draw(f, &t, x + SWOT_BULLET, y, w - SWOT_BULLET, -1, C_TEXT);
		}
		y += tb_height(f, &t);
		tb_free(&t);
		any = 1;
	}
	if (!any) {
		struct label nl;
		if (label_make(f, &nl, lb->none, FIG_BODY_PT, em(f), w, 0) != 0)
			return -1;
		if (draw)
			tb_draw(f, &nl.t, x, y, w, -1, C_MUTED);
		y += tb_height(f, &nl.t);
		tb_free(&nl.t);
	}
	h = y - top;
	return f->err ? -1 : h;
}

/* Row heights of the grid; 0 or -1. */
static int
swot_rows(struct fig *f, const struct pg_plan *p, const struct pg_fig_labels *lb,
    double w, double rowh[2])
{
	int k;
	double cw = w / 2 - 2 * SWOT_PAD;

	rowh[0] = rowh[1] = 0;
	for (k = 0; k < 4; k++) {
		double ih = swot_items(f, p, lb, k, 0, 0, cw, 0);
		double ch;
		if (ih < 0)
			return -1;
		ch = swot_head_h(f) + SWOT_PAD + ih + SWOT_PAD;
		if (ch > rowh[k / 2])
			rowh[k / 2] = ch;
	}
	return 0;
}

double
pg_fig_swot_height(const struct pg_fontset *fs, const struct pg_plan *p,
    const struct pg_fig_labels *lb, const char *lang, double w)
{
	struct fig f;
	double rowh[2];

	if (p->swot.nitems == 0)
		return 0;
	fig_init(&f, NULL, fs, lang, 0, 0, 0, w, 0);
	if (swot_rows(&f, p, lb, w, rowh) != 0) {
		fig_done(&f);
		return -1;
	}
	fig_done(&f);
	return rowh[0] + rowh[1];
}

int
pg_fig_swot(struct pg_frames *fr, const struct pg_fontset *fs, int page,
    double x, double y, double w, double h, const struct pg_plan *p,
    const struct pg_fig_labels *lb, const char *lang)
{
	struct fig f;
	double rowh[2], cw = w / 2;
	int k;

	fig_init(&f, fr, fs, lang, page, x, y, w, h);
	if (p->swot.nitems == 0 || swot_rows(&f, p, lb, w, rowh) != 0)
		return fig_done(&f);
	for (k = 0; k < 4; k++) {
		double cx = x + (k % 2) * cw;
		double cy = y + (k / 2 ? rowh[0] : 0);
		double hh = swot_head_h(&f);
		struct label hl;

		rect(&f, cx, cy, cw, rowh[k / 2], &C_SWOT_BG[k], NULL, 0, 0);
		rect(&f, cx, cy, cw, hh, &C_SWOT[k], NULL, 0, 0);
		if (label_make(&f, &hl, lb->swot[k], 9.5, PG_STYLE_STRONG,
		    cw - 2 * SWOT_PAD, 1) == 0) {
			tb_draw(&f, &hl.t, cx + SWOT_PAD, cy + 4.0,
			    cw - 2 * SWOT_PAD, -1, C_WHITE);
			tb_free(&hl.t);
		}
		swot_items(&f, p, lb, k, cx + SWOT_PAD, cy + hh + SWOT_PAD,
		    cw - 2 * SWOT_PAD, 1);
	}
	/* the grid lines */
	line(&f, x + cw, y, x + cw, y + rowh[0] + rowh[1], C_WHITE, 2, 0);
	line(&f, x, y + rowh[0], x + w, y + rowh[0], C_WHITE, 2, 0);
	return fig_done(&f);
}

/* ---- sales chart ------------------------------------------------------- */

double
pg_fig_sales_height(const struct pg_fontset *fs, const struct pg_plan *p,
    const struct pg_fig_labels *lb, const char *lang, double w)
{
	double h;

	(void)fs; (void)lb; (void)lang;
	if (p->summary.sales_line == 0 || p->summary.nyears == 0)
		return 0;
	h = w * 0.5;
	return h < 170 ? 170 : h > 260 ? 260 : h;
}

/* A sales value fit for geometry: finite, within ±1e300 (no overflow in
 * ranges and ticks). */
static double
sval(double v)
{
	if (!isfinite(v))
		return v > 0 ? 1e300 : v < 0 ? -1e300 : 0;
	return v > 1e300 ? 1e300 : v < -1e300 ? -1e300 : v;
}

/* Diagonal hatching clipped to a rectangle. */
static void
hatch(struct fig *f, double x, double y, double w, double h, struct pg_color c)
{
	double step = 4, t;

	/* lines x' - x + (y' - y) = t: from the left/top edge to right/bottom */
	for (t = step; t < w + h; t += step) {
		double ax = x + (t < h ? 0 : t - h), ay = y + (t < h ? t : h);
		double bx = x + (t < w ? t : w), by = y + (t < w ? 0 : t - w);
		line(f, ax, ay, bx, by, c, 0.5, 0);
	}
}

int
pg_fig_sales(struct pg_frames *fr, const struct pg_fontset *fs, int page,
    double x, double y, double w, double h, const struct pg_plan *p,
    const struct pg_fig_labels *lb, const char *lang)
{
	const struct pg_summary *s = &p->summary;
	struct fig f;
	double lo = 0, hi = 0, step, tick, axw = 0, px, pw, ptop, pbot, slot;
	double lh_s, vh, legy, sw, bw, negband;
	int decimals, anyplan = 0, anyactual = 0, nticks, t;
	size_t i, ystep;
	char buf[128];

	fig_init(&f, fr, fs, lang, page, x, y, w, h);
	if (s->sales_line == 0 || s->nyears == 0)
		return fig_done(&f);
	for (i = 0; i < s->nyears; i++) {
		double v = sval(s->years[i].value.v);
		if (v < lo)
			lo = v;
		if (v > hi)
			hi = v;
		if (s->years[i].plan)
			anyplan = 1;
		else
			anyactual = 1;
	}
	if (hi - lo <= 0)
		hi = lo + 1;
	step = nice_step(hi - lo, 5);
	lo = floor(lo / step) * step;
	hi = ceil(hi / step) * step;
	nticks = (int)fmin(20, floor((hi - lo) / step + 0.5));
	decimals = step >= 1 ? 0 : (int)ceil(-log10(step) - 1e-9);
	if (decimals > 6)
		decimals = 6;
	lh_s = (f.asc + f.desc) * FIG_SMALL_PT;	/* ink height of a label */

	/* top band: unit on the left, legend on the right */
	legy = y;
	if (s->sales_unit != NULL)
		label_fit(&f, s->sales_unit, FIG_SMALL_PT, 0, x, legy, w * 0.5,
		    -1, C_MUTED, 1, 0);
	{
		double lx = x + w, boxw = 10;
		const char *names[2] = { lb->plan, lb->actual };
		int kinds[2] = { 1, 0 }, j;
		for (j = 0; j < 2; j++) {
			double tw = text_w(&f, names[j], FIG_SMALL_PT, 0);
			if ((kinds[j] && !anyplan) || (!kinds[j] && !anyactual))
				continue;
			lx -= tw;
			if (!label_try(&f, names[j], FIG_SMALL_PT, 0, lx, legy, tw,
			    -1, C_TEXT))
				continue;
			lx -= boxw + 3;
			rect(&f, lx, legy + 0.5, boxw, lh_s - 1,
			    kinds[j] ? &C_BAR_PLAN : &C_BAR, NULL, 0, 0);
			if (kinds[j])
				hatch(&f, lx, legy + 0.5, boxw, lh_s - 1, C_BAR);
			lx -= 10;
		}
	}
	/* y axis labels column */
	for (t = 0; t <= nticks; t++) {
		double tw;
		tick = lo + t * step;
		fmt_num(tick, decimals, buf, sizeof(buf));
		tw = text_w(&f, buf, FIG_SMALL_PT, 0);
		if (tw > axw)
			axw = tw;
	}
	if (axw > w * 0.25)
		axw = w * 0.25;
	px = x + axw + 4;
	pw = x + w - px;
	vh = lh_s + 2;
	ptop = y + lh_s + 6 + vh;	/* room for the highest value label */
	negband = lo < 0 ? vh : 0;	/* room for labels under negative bars */
	pbot = y + h - 2 * (lh_s + 3) - 2 - negband;	/* year and growth rows */
	if (pbot - ptop < 20 || pw < 20)
		return fig_done(&f);
#define SY(v) (pbot - ((v) - lo) / (hi - lo) * (pbot - ptop))
	/* grid and tick labels */
	for (t = 0; t <= nticks; t++) {
		double ty;
		tick = lo + t * step;
		ty = SY(tick);
		fmt_num(tick, decimals, buf, sizeof(buf));
		line(&f, px, ty, px + pw, ty, C_GRID, 0.5, 0);
		label_try(&f, buf, FIG_SMALL_PT, 0, x, ty - lh_s / 2, axw, 1,
		    C_MUTED);
	}
	line(&f, px, ptop - vh, px, pbot, C_AXIS, 0.75, 0);
	slot = pw / (double)s->nyears;
	bw = slot * 0.6 > 48 ? 48 : slot * 0.6;
	/* bars */
	for (i = 0; i < s->nyears; i++) {
		const struct pg_sales_year *yr = &s->years[i];
		double v = sval(yr->value.v);
		double cx = px + slot * ((double)i + 0.5);
		double y0 = SY(0 < lo ? lo : 0), y1 = SY(v);
		double top = y1 < y0 ? y1 : y0, bh = fabs(y1 - y0);

		rect(&f, cx - bw / 2, top, bw, bh,
		    yr->plan ? &C_BAR_PLAN : &C_BAR, yr->plan ? &C_BAR : NULL,
		    0.75, yr->plan ? PG_BOXF_DASH : 0);
		if (yr->plan)
			hatch(&f, cx - bw / 2, top, bw, bh, C_BAR);
	}
	line(&f, px, SY(0 < lo ? lo : 0), px + pw, SY(0 < lo ? lo : 0),
	    C_AXIS, 0.75, 0);
	/* value labels (after the bars, so they are placed over free space) */
	for (i = 0; i < s->nyears; i++) {
		const struct pg_sales_year *yr = &s->years[i];
		double v = sval(yr->value.v);
		double cx = px + slot * ((double)i + 0.5);
		double ty = v >= 0 ? SY(v) - 2 - lh_s : SY(v) + 2;
		fmt_value(&yr->value, buf, sizeof(buf));
		if (!label_try(&f, buf, FIG_SMALL_PT, 0, cx - slot / 2, ty,
		    slot, 0, C_TEXT))
			label_try(&f, buf, FIG_MIN_PT, 0, cx - slot / 2, ty,
			    slot, 0, C_TEXT);
	}
	/* year labels (every kth year when they are wider than a slot) and
	 * growth rates */
	sw = pbot + 3 + negband;
	{
		double yw = 0;
		for (i = 0; i < s->nyears; i++) {
			double tw = text_w(&f, s->years[i].label != NULL ?
			    s->years[i].label : "", FIG_SMALL_PT, 0);
			if (tw > yw)
				yw = tw;
		}
		ystep = yw + 2 <= slot ? 1 : (size_t)ceil((yw + 2) / slot);
	}
	for (i = 0; i < s->nyears; i++) {
		const struct pg_sales_year *yr = &s->years[i];
		double cx = px + slot * ((double)i + 0.5);
		double cw = slot * (double)ystep, c0 = cx - cw / 2;
		int al = 0;
		/* the first label may not reach left into the tick labels */
		if (c0 < px - FIG_EPS) {
			c0 = px;
			al = -1;
		}
		if (i % ystep == 0)
			label_try(&f, yr->label != NULL ? yr->label : "",
			    FIG_SMALL_PT, yr->plan ? em(&f) : 0, c0, sw,
			    cw, al, yr->plan ? C_BAR : C_TEXT);
		if (i > 0) {
			double a = sval(s->years[i - 1].value.v);
			double b = sval(yr->value.v), g;
			if (a != 0 && isfinite(a) && isfinite(b)) {
				g = (b - a) / fabs(a) * 100;
				if (fabs(g) < 1e6) {
					snprintf(buf, sizeof(buf), "%+.1f%%", g);
					label_try(&f, buf, FIG_MIN_PT, 0,
					    cx - slot, sw + lh_s + 3, slot, 0,
					    g >= 0 ? C_UP : C_DOWN);
				}
			}
		}
	}
#undef SY
	return fig_done(&f);
}

/* ---- budget ------------------------------------------------------------ */

struct bcat {
	const char	*name;
	int64_t		 minor;
	size_t		 first;		/* document order of first line */
	int		 kind;		/* 0 category, 1 other, 2 contingency */
};

static int
bcat_cmp(const void *a, const void *b)
{
	const struct bcat *x = a, *y = b;

	if (x->minor != y->minor)
		return x->minor > y->minor ? -1 : 1;
	return x->first < y->first ? -1 : x->first > y->first;
}

static int64_t
sat_add(int64_t a, int64_t b)
{
	int64_t r;

	if (pg_money_add(a, b, &r) != 0)
		return b > 0 ? INT64_MAX : INT64_MIN;
	return r;
}

/* A budget line's category and index, sorted by name then index. */
struct lref {
	const char	*cat;
	size_t		 i;
};

static int
lref_cmp(const void *a, const void *b)
{
	const struct lref *x = a, *y = b;
	int c = strcmp(x->cat, y->cat);

	return c != 0 ? c : x->i < y->i ? -1 : x->i > y->i;
}

/*
 * The bars: categories summed and sorted, capped, then contingency.
 * Returns a malloc'ed array (caller frees) and its length in *n; NULL
 * with *n 0 if there is nothing; NULL with *n 1 if memory ran out.
 */
static struct bcat *
budget_bars(const struct pg_plan *p, const struct pg_fig_labels *lb, size_t *n)
{
	const struct pg_budget *b = &p->budget;
	struct bcat *v;
	struct lref *ix;
	size_t i, nc = 0;

	*n = 0;
	if (b->nlines == 0 && b->contingency_line == 0)
		return NULL;
	v = calloc(b->nlines + 2, sizeof(*v));
	ix = calloc(b->nlines + 1, sizeof(*ix));
	if (v == NULL || ix == NULL) {
		free(v);
		free(ix);
		*n = 1;
		return NULL;
	}
	for (i = 0; i < b->nlines; i++) {
		ix[i].cat = b->lines[i].category ? b->lines[i].category : "";
		ix[i].i = i;
	}
	qsort(ix, b->nlines, sizeof(*ix), lref_cmp);
	for (i = 0; i < b->nlines; i++) {
		const struct pg_budget_line *l = &b->lines[ix[i].i];
		const char *c = ix[i].cat;
		if (nc == 0 || strcmp(v[nc - 1].name, c) != 0) {
			v[nc].name = c;
			v[nc].first = ix[i].i;
			nc++;
		}
		v[nc - 1].minor = sat_add(v[nc - 1].minor, l->amount.minor);
	}
	free(ix);
	qsort(v, nc, sizeof(*v), bcat_cmp);
	if (nc > PG_FIG_BUDGET_MAX) {
		int64_t rest = 0;
		for (i = PG_FIG_BUDGET_MAX - 1; i < nc; i++)
			rest = sat_add(rest, v[i].minor);
		nc = PG_FIG_BUDGET_MAX - 1;
		v[nc].name = lb->other;
		v[nc].minor = rest;
		v[nc].kind = 1;
		nc++;
	}
	if (b->contingency_line != 0) {
		v[nc].name = lb->contingency;
		v[nc].minor = b->contingency.minor;
		v[nc].kind = 2;
		nc++;
	}
	*n = nc;
	return v;
}

#define BUD_BAR_H	11.0
#define BUD_GAP		5.0

static double
budget_row_h(struct fig *f, const char *name, double lw)
{
	struct label l;
	double h;

	if (label_make(f, &l, name, FIG_BODY_PT, 0, lw, 2) != 0)
		return -1;
	h = tb_height(f, &l.t);
	tb_free(&l.t);
	return h > BUD_BAR_H ? h : BUD_BAR_H;
}

/* The total the shares are of: the positive bars. */
static int64_t
budget_total(const struct bcat *v, size_t n)
{
	int64_t t = 0;
	size_t i;

	for (i = 0; i < n; i++)
		if (v[i].minor > 0)
			t = sat_add(t, v[i].minor);
	return t;
}

static void
budget_value(const struct pg_plan *p, const struct bcat *c, int64_t total,
    char *buf, size_t n)
{
	char m[PG_MONEY_BUFSZ];
	/* share in tenths of a percent, from integers */
	double share = total > 0 && c->minor > 0 ?
	    (double)c->minor / (double)total * 100 : 0;

	pg_fmt_money(c->minor, p->currency, NULL, m, sizeof(m));
	snprintf(buf, n, "%s  %.1f%%", m, share);
}

/* Width of the label column and of the value column. */
static void
budget_cols(struct fig *f, const struct pg_plan *p, const struct bcat *v,
    size_t n, double w, double *lw, double *vw)
{
	size_t i;
	int64_t total = budget_total(v, n);
	char buf[PG_MONEY_BUFSZ + 32];

	*lw = 0;
	*vw = 0;
	for (i = 0; i < n; i++) {
		double tw = text_w(f, v[i].name, FIG_BODY_PT, 0);
		if (tw > *lw)
			*lw = tw;
		budget_value(p, &v[i], total, buf, sizeof(buf));
		tw = text_w(f, buf, FIG_SMALL_PT, 0);
		if (tw > *vw)
			*vw = tw;
	}
	if (*lw > w * 0.3)
		*lw = w * 0.3;
	if (*vw > w * 0.35)
		*vw = w * 0.35;
}

static double
budget_layout(struct fig *f, const struct pg_plan *p,
    const struct pg_fig_labels *lb, double w, struct bcat **vp, size_t *np,
    double *lw, double *vw)
{
	double h = 0, rh;
	size_t i;

	*vp = budget_bars(p, lb, np);
	if (*vp == NULL)
		return *np ? -1 : 0;
	budget_cols(f, p, *vp, *np, w, lw, vw);
	for (i = 0; i < *np; i++) {
		if ((rh = budget_row_h(f, (*vp)[i].name, *lw)) < 0)
			return -1;
		h += rh + BUD_GAP;
	}
	/* total line */
	h += 4 + (f->asc + f->desc) * FIG_BODY_PT;
	return h;
}

double
pg_fig_budget_height(const struct pg_fontset *fs, const struct pg_plan *p,
    const struct pg_fig_labels *lb, const char *lang, double w)
{
	struct fig f;
	struct bcat *v;
	size_t n;
	double lw, vw, h;

	fig_init(&f, NULL, fs, lang, 0, 0, 0, w, 0);
	h = budget_layout(&f, p, lb, w, &v, &n, &lw, &vw);
	free(v);
	if (fig_done(&f) != 0)
		return -1;
	return h;
}

int
pg_fig_budget(struct pg_frames *fr, const struct pg_fontset *fs, int page,
    double x, double y, double w, double h, const struct pg_plan *p,
    const struct pg_fig_labels *lb, const char *lang)
{
	struct fig f;
	struct bcat *v;
	size_t n, i;
	double lw, vw, need, bx, bw, cy, extra = 0, maxd = 0;
	int64_t total;
	char buf[PG_MONEY_BUFSZ + 32];

	fig_init(&f, fr, fs, lang, page, x, y, w, h);
	need = budget_layout(&f, p, lb, w, &v, &n, &lw, &vw);
	if (need <= 0 || v == NULL) {
		free(v);
		if (need < 0)
			f.err = 1;
		return fig_done(&f);
	}
	if (h > need && n > 0)	/* stretch the gaps, not the bars */
		extra = (h - need) / (double)n;
	if (extra > 8)
		extra = 8;
	total = budget_total(v, n);
	for (i = 0; i < n; i++)
		if (v[i].minor > 0 && (double)v[i].minor > maxd)
			maxd = (double)v[i].minor;
	bx = x + lw + 6;
	bw = w - lw - 6 - vw - 6;
	cy = y;
	for (i = 0; i < n; i++) {
		double rh = budget_row_h(&f, v[i].name, lw), len;
		struct label l;
		const struct pg_color *c = v[i].kind == 2 ? &C_CONTINGENCY :
		    v[i].kind == 1 ? &C_OTHER : &C_BAR;

		if (rh < 0)
			break;
		rh += extra;
		if (label_make(&f, &l, v[i].name, FIG_BODY_PT,
		    v[i].kind == 2 ? em(&f) : 0, lw, 2) == 0) {
			tb_draw(&f, &l.t, x, cy + (rh - tb_height(&f, &l.t)) / 2,
			    lw, 1, C_TEXT);
			tb_free(&l.t);
		}
		len = maxd > 0 && v[i].minor > 0 ?
		    (double)v[i].minor / maxd * bw : 0;
		if (bw > 0)
			rect(&f, bx, cy + (rh - BUD_BAR_H) / 2, len, BUD_BAR_H,
			    c, NULL, 0, 0);
		budget_value(p, &v[i], total, buf, sizeof(buf));
		{
			struct label vl;
			if (label_make(&f, &vl, buf, FIG_SMALL_PT, 0, 1e6, 1) == 0) {
				tb_draw(&f, &vl.t, bx + len + 4,
				    cy + (rh - tb_height(&f, &vl.t)) / 2,
				    vw, -1, C_TEXT);
				tb_free(&vl.t);
			}
		}
		cy += rh + BUD_GAP;
	}
	line(&f, bx, y, bx, cy - BUD_GAP, C_AXIS, 0.75, 0);
	/* total line */
	{
		char m[PG_MONEY_BUFSZ];
		struct pg_run runs[3];
		struct tb t;
		int64_t all = 0;
		for (i = 0; i < n; i++)
			all = sat_add(all, v[i].minor);
		pg_fmt_money(all, p->currency, NULL, m, sizeof(m));
		runs[0].text = lb->total;
		runs[0].style = PG_STYLE_STRONG;
		runs[1].text = sep_after(lb->total);
		runs[1].style = 0;
		runs[2].text = m;
		runs[2].style = PG_STYLE_STRONG;
		line(&f, x, cy, x + w, cy, C_GRID, 0.5, 0);
		if (tb_break(&f, &t, runs, 3, FIG_BODY_PT, 0, w, 1) == 0) {
			tb_draw(&f, &t, x, cy + 3, w, 1, C_TEXT);
			tb_free(&t);
		}
	}
	free(v);
	return fig_done(&f);
}

/* ---- timeline ---------------------------------------------------------- */

#define TL_PT		FIG_SMALL_PT
#define TL_ROW_PAD	4.0

/* Days since 1970-01-01 of a civil date (proleptic Gregorian). */
static long
days_of(struct pg_date d)
{
	long y = d.y - (d.m <= 2);
	long era = (y >= 0 ? y : y - 399) / 400;
	long yoe = y - era * 400;
	long doy = (153 * (d.m + (d.m > 2 ? -3 : 9)) + 2) / 5 + d.d - 1;
	long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;

	return era * 146097 + doe - 719468;
}

/* The year and month of a day number (inverse of days_of). */
static void
civil(long z, int *y, int *m)
{
	long era, doe, yoe, doy, mp;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = (int)(yoe + era * 400 + (*m <= 2));
}

static double
tl_row_h(const struct fig *f)
{
	return (f->asc + f->desc) * TL_PT + TL_ROW_PAD;
}

static double
tl_head_h(const struct fig *f)
{
	return 2 * ((f->asc + f->desc) * FIG_MIN_PT + 3) + 2;
}

#define TL_LEGEND_LINES	2

static double
tl_legend_line_h(const struct fig *f)
{
	return (f->asc + f->desc) * FIG_MIN_PT + 4;
}

/*
 * The legend of the categories used by actions first..first+count-1, in
 * at most TL_LEGEND_LINES lines of width w from (x, top); draw != 0 also
 * draws it.  Returns its height (0: no legend).
 */
static double
tl_legend(struct fig *f, const struct pg_plan *p, const struct pg_fig_labels *lb,
    size_t first, size_t count, double x, double top, double w, int draw)
{
	int used[12] = { 0 }, c, ln = 0, any = 0;
	size_t i;
	double cx = x, lh = tl_legend_line_h(f), ink = (f->asc + f->desc) * FIG_MIN_PT;

	for (i = first; i < first + count; i++) {
		unsigned k = p->actions.v[i].category;
		used[k < 12 ? k : 0] = 1;
	}
	for (c = 0; c < 12; c++) {
		double tw, iw;
		if (!used[c])
			continue;
		tw = text_w(f, lb->categories[c], FIG_MIN_PT, 0);
		iw = 8 + 3 + tw;
		if (cx > x && cx + iw > x + w) {
			if (ln + 1 >= TL_LEGEND_LINES)
				break;
			ln++;
			cx = x;
		}
		if (iw > w)
			continue;
		if (draw) {
			double ly = top + 2 + (double)ln * lh;
			rect(f, cx, ly + (ink - 7) / 2, 8, 7, &C_CAT[c], NULL, 0, 0);
			label_try(f, lb->categories[c], FIG_MIN_PT, 0, cx + 11, ly,
			    tw, -1, C_TEXT);
		}
		any = 1;
		cx += iw + 10;
	}
	return any ? 2 + (double)(ln + 1) * lh : 0;
}

size_t
pg_fig_timeline_fit(const struct pg_fontset *fs, double h, size_t left)
{
	struct fig f;
	double r;

	fig_init(&f, NULL, fs, NULL, 0, 0, 0, 0, 0);
	r = (h - tl_head_h(&f) - 2 - TL_LEGEND_LINES * tl_legend_line_h(&f)) /
	    tl_row_h(&f);
	if (!(r >= 1))
		return 0;
	return r >= (double)left ? left : (size_t)r;
}

static size_t
tl_clamp(const struct pg_plan *p, size_t first, size_t count)
{
	if (first >= p->actions.n)
		return 0;
	return count > p->actions.n - first ? p->actions.n - first : count;
}

double
pg_fig_timeline_height(const struct pg_fontset *fs, const struct pg_plan *p,
    const struct pg_fig_labels *lb, const char *lang, size_t first,
    size_t count, double w)
{
	struct fig f;
	double h;

	count = tl_clamp(p, first, count);
	if (count == 0)
		return 0;
	fig_init(&f, NULL, fs, lang, 0, 0, 0, w, 0);
	h = tl_head_h(&f) + (double)count * tl_row_h(&f) +
	    tl_legend(&f, p, lb, first, count, 0, 0, w, 0);
	fig_done(&f);
	return h;
}

/* The time axis: [d0, d1) in days. */
static int
tl_range(const struct pg_plan *p, size_t first, size_t count, long *d0,
    long *d1)
{
	const struct pg_meta *m = &p->meta;
	size_t i;
	int any = 0;

	if (m->period_start.y != 0 && m->period_end.y != 0 &&
	    pg_date_cmp(m->period_start, m->period_end) <= 0) {
		*d0 = days_of(m->period_start);
		*d1 = days_of(m->period_end) + 1;
		return 0;
	}
	for (i = first; i < first + count; i++) {
		const struct pg_action *a = &p->actions.v[i];
		long s, e;
		if (a->start.y == 0 || a->end.y == 0)
			continue;
		s = days_of(a->start);
		e = days_of(a->end) + 1;
		if (e < s) {
			long t = s; s = e - 1; e = t + 1;
		}
		if (!any || s < *d0)
			*d0 = s;
		if (!any || e > *d1)
			*d1 = e;
		any = 1;
	}
	return any ? 0 : -1;
}

int
pg_fig_timeline(struct pg_frames *fr, const struct pg_fontset *fs, int page,
    double x, double y, double w, double h, const struct pg_plan *p,
    const struct pg_fig_labels *lb, const char *lang, size_t first,
    size_t count)
{
	struct fig f;
	long d0 = 0, d1 = 0;
	static const int msteps[] = { 1, 2, 3, 6 };
	static const int ysteps[] = { 1, 2, 5, 10, 20, 50, 100, 200, 500, 1000,
	    2000, 5000, 10000 };
	double lw, ax, aw, rh, hh, ry, ink7, mw = 0, yw, span, permonth;
	double gtop, gbot;
	size_t i;
	int y0, m0, k, step, ystep, nm;
	char buf[64];

	fig_init(&f, fr, fs, lang, page, x, y, w, h);
	count = tl_clamp(p, first, count);
	if (count == 0)
		return fig_done(&f);
	if (tl_range(p, first, count, &d0, &d1) != 0) {
		d0 = 0;
		d1 = 365;
	}
	lw = w * 0.32 > 170 ? 170 : w * 0.32;
	ax = x + lw + 4;
	aw = x + w - ax;
	rh = tl_row_h(&f);
	hh = tl_head_h(&f);
	ink7 = (f.asc + f.desc) * FIG_MIN_PT;
	span = (double)(d1 - d0);
	if (aw < 10 || span <= 0)
		return fig_done(&f);
#define DX(d) (ax + ((double)(d) - (double)d0) / span * aw)
	/* the header: month labels every 1, 2, 3 or 6 months when they fit,
	 * year labels every 1, 2, 5, 10, ... years when they fit; the number
	 * of labels and ticks is bounded by the width, not by the period */
	for (k = 0; k < 12; k++) {
		double tw = text_w(&f, lb->months[k], FIG_MIN_PT, 0);
		if (tw > mw)
			mw = tw;
	}
	snprintf(buf, sizeof(buf), "8888%s", lb->year_suffix);
	yw = text_w(&f, buf, FIG_MIN_PT, PG_STYLE_STRONG);
	permonth = aw * 30.436875 / span;
	step = 0;
	for (k = 0; k < 4 && step == 0; k++)
		if (permonth * msteps[k] >= mw + 4)
			step = msteps[k];
	ystep = 0;
	for (k = 0; k < (int)(sizeof(ysteps) / sizeof(ysteps[0])) && ystep == 0; k++)
		if (permonth * 12 * ysteps[k] >= yw + 4)
			ystep = ysteps[k];
	rect(&f, ax, y + hh, aw, (double)count * rh, NULL, &C_GRID, 0.5, 0);
	civil(d0, &y0, &m0);
	gtop = y + hh - (ink7 + 3);
	gbot = y + hh + (double)count * rh;
	if (step > 0) {
		struct pg_date d = { y0, m0, 1 };
		for (nm = 0; days_of(d) < d1; nm++) {
			long dd = days_of(d), nd;
			double tx = DX(dd < d0 ? d0 : dd);
			struct pg_date nx = d;

			if (dd > d0)
				line(&f, tx, d.m == 1 ? y : gtop, tx, gbot,
				    d.m == 1 ? C_AXIS : C_GRID, d.m == 1 ? 0.6 : 0.3, 0);
			if (d.m == 1 || nm == 0) {
				struct pg_date ny = { d.y + 1, 1, 1 };
				nd = days_of(ny);
				snprintf(buf, sizeof(buf), "%d%s", d.y, lb->year_suffix);
				label_try(&f, buf, FIG_MIN_PT, PG_STYLE_STRONG, tx + 2, y,
				    DX(nd < d1 ? nd : d1) - tx - 2, -1, C_TEXT);
			}
			if ((d.m - 1) % step == 0 && dd >= d0) {
				nx.m += step;
				if (nx.m > 12) {
					nx.m -= 12;
					nx.y++;
				}
				nd = days_of(nx);
				label_try(&f, lb->months[d.m - 1], FIG_MIN_PT, 0, tx + 1,
				    y + ink7 + 4, DX(nd < d1 ? nd : d1) - tx - 1, -1,
				    C_MUTED);
			}
			if (++d.m > 12) {
				d.m = 1;
				d.y++;
			}
		}
	} else if (ystep > 0) {
		long yy = ((long)y0 + ystep - 1) / ystep * ystep;
		for (; yy <= 9999; yy += ystep) {
			struct pg_date d = { (int)yy, 1, 1 }, ny = { 0, 1, 1 };
			long dd = days_of(d), nd;
			double tx;
			if (dd >= d1)
				break;
			ny.y = (int)(yy + ystep);
			nd = days_of(ny);
			tx = DX(dd < d0 ? d0 : dd);
			if (dd > d0)
				line(&f, tx, y, tx, gbot, C_AXIS, 0.6, 0);
			snprintf(buf, sizeof(buf), "%ld%s", yy, lb->year_suffix);
			label_try(&f, buf, FIG_MIN_PT, PG_STYLE_STRONG, tx + 2, y,
			    DX(nd < d1 ? nd : d1) - tx - 2, -1, C_TEXT);
		}
	}
	/* rows */
	ry = y + hh;
	for (i = 0; i < count; i++) {
		const struct pg_action *a = &p->actions.v[first + i];
		struct pg_run runs[3];
		struct tb t;
		double by = ry + TL_ROW_PAD / 2;

		if (i % 2 == 1)
			rect(&f, x, ry, w, rh, &C_LANE, NULL, 0, 0);
		runs[0].text = a->id != NULL ? a->id : "";
		runs[0].style = PG_STYLE_STRONG;
		runs[1].text = " ";
		runs[1].style = 0;
		runs[2].text = a->title.s != NULL ? a->title.s : "";
		runs[2].style = 0;
		if (tb_break(&f, &t, runs, 3, TL_PT, 0, lw, 1) == 0) {
			tb_draw(&f, &t, x, by, lw, -1, C_TEXT);
			tb_free(&t);
		}
		if (a->start.y != 0 && a->end.y != 0) {
			long s = days_of(a->start), e = days_of(a->end) + 1;
			double bx0, bx1;
			if (e < s) {
				long tmp = s; s = e - 1; e = tmp + 1;
			}
			int cl = s < d0, cr = e > d1;
			if (cl)
				s = d0;
			if (cr)
				e = d1;
			if (e > s) {
				double bh = rh - TL_ROW_PAD, mid = by + bh / 2;
				bx0 = DX(s);
				bx1 = DX(e);
				if (bx1 - bx0 < 1.5)
					bx1 = bx0 + 1.5 > ax + aw ? ax + aw : bx0 + 1.5;
				rect(&f, bx0, by, bx1 - bx0, bh,
				    &C_CAT[a->category < 12 ? a->category : 0],
				    NULL, 0, 0);
				/* a white chevron where the period cuts the bar */
				if (cr && bx1 - bx0 >= 8) {
					line(&f, bx1 - 5, by + 1.5, bx1 - 2, mid, C_WHITE, 0.8, 0);
					line(&f, bx1 - 2, mid, bx1 - 5, by + bh - 1.5, C_WHITE, 0.8, 0);
				}
				if (cl && bx1 - bx0 >= 8) {
					line(&f, bx0 + 5, by + 1.5, bx0 + 2, mid, C_WHITE, 0.8, 0);
					line(&f, bx0 + 2, mid, bx0 + 5, by + bh - 1.5, C_WHITE, 0.8, 0);
				}
			}
		}
		ry += rh;
	}
	tl_legend(&f, p, lb, first, count, x, ry, w, 1);
#undef DX
	return fig_done(&f);
}

/* ---- positioning map --------------------------------------------------- */

#define MAP_DOT		6.0
#define MAP_LABELS_MAX	300	/* positions beyond this get a dot only */
#define MAP_OWN		8.0

/*
 * The plot's side for width w and at most maxside, and the width of the
 * columns for the x-low / x-high labels (up to a fifth of w each).
 */
static double
posmap_side(struct fig *f, const struct pg_posmap *m, double w, double maxside,
    double *sidew)
{
	double cxl = 0, cxr = 0, side;

	if (m->x_low != NULL)
		cxl = text_w(f, m->x_low, FIG_SMALL_PT, 0);
	if (m->x_high != NULL)
		cxr = text_w(f, m->x_high, FIG_SMALL_PT, 0);
	*sidew = cxl > cxr ? cxl : cxr;
	if (*sidew > w * 0.2)
		*sidew = w * 0.2;
	side = w - 2 * (*sidew + 6);
	if (side > w * 0.6)
		side = w * 0.6;
	return side > maxside ? maxside : side;
}

double
pg_fig_posmap_height(const struct pg_fontset *fs, const struct pg_plan *p,
    const struct pg_fig_labels *lb, const char *lang, double w)
{
	struct fig f;
	double side, band, sidew;

	if (p->situation.posmap.line == 0)
		return 0;
	fig_init(&f, NULL, fs, lang, 0, 0, 0, w, 0);
	band = (f.asc + f.desc) * FIG_BODY_PT + 4;
	side = posmap_side(&f, &p->situation.posmap, w, 300, &sidew);
	fig_done(&f);
	/* top band, plot, bottom band, legend */
	return band + side + band + band + 4;
}

/* The name of a position's dot. */
static const char *
pos_name(const struct pg_plan *p, const struct pg_fig_labels *lb,
    const struct pg_position *ps)
{
	size_t i;

	if (ps->label != NULL)
		return ps->label;
	if (ps->own == PG_OWN_CURRENT)
		return lb->own_current;
	if (ps->own == PG_OWN_TARGET)
		return lb->own_target;
	for (i = 0; ps->competitor != NULL && i < p->situation.ncompetitors; i++) {
		const struct pg_competitor *c = &p->situation.competitors[i];
		if (c->id != NULL && strcmp(c->id, ps->competitor) == 0)
			return c->name;
	}
	return ps->competitor != NULL ? ps->competitor : "";
}

static double
clamp100(double v)
{
	return !isfinite(v) || v < 0 ? 0 : v > 100 ? 100 : v;
}

int
pg_fig_posmap(struct pg_frames *fr, const struct pg_fontset *fs, int page,
    double x, double y, double w, double h, const struct pg_plan *p,
    const struct pg_fig_labels *lb, const char *lang)
{
	const struct pg_posmap *m = &p->situation.posmap;
	struct fig f;
	double band, ink, side, sidew, px, py, ly;
	double curx = -1, cury = 0, tgx = -1, tgy = 0;
	size_t i, tried;
	int anycomp = 0, anycur = 0, anytg = 0;

	fig_init(&f, fr, fs, lang, page, x, y, w, h);
	if (m->line == 0)
		return fig_done(&f);
	ink = (f.asc + f.desc) * FIG_BODY_PT;
	band = ink + 4;
	side = posmap_side(&f, m, w, h - 3 * band - 4, &sidew);
	if (side < 40)
		return fig_done(&f);
	px = x + (w - side) / 2;
	py = y + band;
	/* frame, quadrant lines */
	rect(&f, px, py, side, side, NULL, &C_AXIS, 0.75, 0);
	line(&f, px + side / 2, py, px + side / 2, py + side, C_GRID, 0.5, 1);
	line(&f, px, py + side / 2, px + side, py + side / 2, C_GRID, 0.5, 1);
	/* end labels outside the frame (wrapped in their columns) */
	if (m->y_high != NULL)
		label_fit(&f, m->y_high, FIG_SMALL_PT, 0, px, y, side, 0,
		    C_MUTED, 1, 0);
	if (m->y_low != NULL)
		label_fit(&f, m->y_low, FIG_SMALL_PT, 0, px, py + side + 3,
		    side, 0, C_MUTED, 1, 0);
	{
		struct label l;
		const char *ends[2] = { m->x_low, m->x_high };
		int j;
		for (j = 0; j < 2; j++) {
			double cx = j == 0 ? px - 6 - sidew : px + side + 6;
			if (ends[j] == NULL)
				continue;
			if (label_make(&f, &l, ends[j], FIG_SMALL_PT, 0, sidew, 4) == 0) {
				double top = py + side / 2 - tb_height(&f, &l.t) / 2;
				struct frect r = tb_rect(&f, &l.t, cx, top, sidew,
				    j == 0 ? 1 : -1);
				if (occ_free(&f, r)) {
					tb_draw(&f, &l.t, cx, top, sidew,
					    j == 0 ? 1 : -1, C_MUTED);
					occ_add(&f, r);
				}
				tb_free(&l.t);
			}
		}
	}
	/* axis names inside the frame: x at the right end above the middle
	 * line, y at the top right of the vertical line */
	if (m->x != NULL)	/* above the right end of the middle line */
		label_fit(&f, m->x, FIG_SMALL_PT, PG_STYLE_STRONG,
		    px + side / 2 + 2, py + side / 2 - 2, side / 2 - 4, 1, C_AXIS,
		    2, 1);
	if (m->y != NULL)	/* right of the top of the middle line */
		label_fit(&f, m->y, FIG_SMALL_PT, PG_STYLE_STRONG,
		    px + side / 2 + 3, py + 2, side / 2 - 5, -1, C_AXIS, 2, 0);
	/* dots first (they own their place), then their labels */
	for (i = 0; i < m->npositions; i++) {
		const struct pg_position *ps = &m->positions[i];
		double dx = px + clamp100(ps->x.v) / 100 * side;
		double dy = py + side - clamp100(ps->y.v) / 100 * side;
		double r = (ps->own != PG_OWN_NONE ? MAP_OWN : MAP_DOT) / 2;
		struct frect o;

		/* keep the dot inside the frame */
		if (dx - r < px) dx = px + r;
		if (dx + r > px + side) dx = px + side - r;
		if (dy - r < py) dy = py + r;
		if (dy + r > py + side) dy = py + side - r;
		if (ps->own == PG_OWN_CURRENT) {
			rect(&f, dx - r, dy - r, 2 * r, 2 * r, &C_OWN, NULL, 0, 0);
			curx = dx; cury = dy; anycur = 1;
		} else if (ps->own == PG_OWN_TARGET) {
			rect(&f, dx - r, dy - r, 2 * r, 2 * r, &C_WHITE, &C_OWN,
			    1.5, 0);
			tgx = dx; tgy = dy; anytg = 1;
		} else {
			rect(&f, dx - r, dy - r, 2 * r, 2 * r, &C_COMP, NULL, 0, 0);
			anycomp = 1;
		}
		o.x0 = dx - r - 1; o.x1 = dx + r + 1;
		o.y0 = dy - r - 1; o.y1 = dy + r + 1;
		occ_add(&f, o);
	}
	/* the arrow from current to target */
	if (curx >= 0 && tgx >= 0) {
		double vx = tgx - curx, vy = tgy - cury, len = hypot(vx, vy);
		if (len > MAP_OWN + 4) {
			double ux = vx / len, uy = vy / len;
			double sx = curx + ux * (MAP_OWN / 2 + 1);
			double sy = cury + uy * (MAP_OWN / 2 + 1);
			double ex = tgx - ux * (MAP_OWN / 2 + 2);
			double ey = tgy - uy * (MAP_OWN / 2 + 2);
			double hx = 5, hw = 2.5;
			line(&f, sx, sy, ex, ey, C_OWN, 1.2, 0);
			line(&f, ex, ey, ex - ux * hx - uy * hw, ey - uy * hx + ux * hw,
			    C_OWN, 1.2, 0);
			line(&f, ex, ey, ex - ux * hx + uy * hw, ey - uy * hx - ux * hw,
			    C_OWN, 1.2, 0);
		}
	}
	/* labels: own positions first, then the others in document order;
	 * try places around the dot, then farther out */
	for (i = 0, tried = 0; i < 2 * m->npositions && tried < MAP_LABELS_MAX; i++) {
		const struct pg_position *ps = &m->positions[i % m->npositions];
		double dx = px + clamp100(ps->x.v) / 100 * side;
		double dy = py + side - clamp100(ps->y.v) / 100 * side;
		double r = (ps->own != PG_OWN_NONE ? MAP_OWN : MAP_DOT) / 2;
		const char *name = pos_name(p, lb, ps);
		struct label l;
		double sizes[2] = { FIG_SMALL_PT, FIG_MIN_PT };
		int si, placed = 0;

		if ((ps->own != PG_OWN_NONE) != (i < m->npositions))
			continue;
		tried++;
		if (dx - r < px) dx = px + r;
		if (dx + r > px + side) dx = px + side - r;
		if (dy - r < py) dy = py + r;
		if (dy + r > py + side) dy = py + side - r;
		for (si = 0; si < 2 && !placed; si++) {
			double tw, th, dist;
			if (label_make(&f, &l, name, sizes[si],
			    ps->own != PG_OWN_NONE ? PG_STYLE_STRONG : 0,
			    side / 2, 2) != 0)
				break;
			tw = l.t.width;
			th = tb_height(&f, &l.t);
			for (dist = 0; dist <= side / 3 && !placed; dist += th) {
				/* right, left, above, below, and the corners */
				double cand[8][2] = {
					{ dx + r + 2 + dist, dy - th / 2 },
					{ dx - r - 2 - tw - dist, dy - th / 2 },
					{ dx - tw / 2, dy - r - 1 - th - dist },
					{ dx - tw / 2, dy + r + 1 + dist },
					{ dx + r + 1 + dist, dy - r - th - dist },
					{ dx - r - 1 - tw - dist, dy - r - th - dist },
					{ dx + r + 1 + dist, dy + r + dist },
					{ dx - r - 1 - tw - dist, dy + r + dist },
				};
				int c;
				for (c = 0; c < 8 && !placed; c++) {
					struct frect rr;
					rr.x0 = cand[c][0];
					rr.y0 = cand[c][1];
					rr.x1 = rr.x0 + tw;
					rr.y1 = rr.y0 + th;
					if (rr.x0 < px || rr.x1 > px + side ||
					    rr.y0 < py || rr.y1 > py + side ||
					    !occ_free(&f, rr))
						continue;
					tb_draw(&f, &l.t, rr.x0, rr.y0, tw, -1,
					    ps->own != PG_OWN_NONE ? C_OWN : C_TEXT);
					occ_add(&f, rr);
					if (dist > 0) {
						/* a leader from the dot to the label */
						double lx = rr.x0 > dx ? rr.x0 : rr.x1 < dx ? rr.x1 : dx;
						double lyy = rr.y0 > dy ? rr.y0 : rr.y1 < dy ? rr.y1 : dy;
						line(&f, dx, dy, lx, lyy, C_GRID, 0.4, 0);
					}
					placed = 1;
				}
			}
			tb_free(&l.t);
		}
	}
	/* legend */
	ly = py + side + band + 2;
	{
		const char *names[3] = { lb->competitor, lb->own_current, lb->own_target };
		int show[3] = { anycomp, anycur, anytg }, j;
		double lx = x, tot = 0;
		for (j = 0; j < 3; j++)
			if (show[j])
				tot += 8 + 3 + text_w(&f, names[j], FIG_SMALL_PT, 0) + 12;
		if (tot < w)
			lx = x + (w - tot) / 2;
		for (j = 0; j < 3; j++) {
			double tw;
			if (!show[j])
				continue;
			tw = text_w(&f, names[j], FIG_SMALL_PT, 0);
			if (lx + 11 + tw > x + w)
				break;
			if (j == 0)
				rect(&f, lx + 1, ly + ink / 2 - 3, 6, 6, &C_COMP, NULL, 0, 0);
			else if (j == 1)
				rect(&f, lx, ly + ink / 2 - 4, 8, 8, &C_OWN, NULL, 0, 0);
			else
				rect(&f, lx, ly + ink / 2 - 4, 8, 8, &C_WHITE, &C_OWN, 1.5, 0);
			label_try(&f, names[j], FIG_SMALL_PT, 0, lx + 11, ly + (ink - (f.asc + f.desc) * FIG_SMALL_PT) / 2, tw, -1, C_TEXT);
			lx += 11 + tw + 12;
		}
	}
	return fig_done(&f);
}

/* ---- blueprint --------------------------------------------------------- */

#define BP_PAD		3.0
#define BP_MIN_COL	72.0

size_t
pg_fig_blueprint_chunk(double w)
{
	double lw = w * 0.16 > 90 ? 90 : w * 0.16;
	double n = (w - lw) / BP_MIN_COL;

	if (n < 1)
		return 1;
	return n > 6 ? 6 : (size_t)n;
}

static size_t
bp_clamp(const struct pg_plan *p, size_t first, size_t count)
{
	const struct pg_blueprint *b = &p->strategy.blueprint;

	if (b->line == 0 || first >= b->nsteps)
		return 0;
	return count > b->nsteps - first ? b->nsteps - first : count;
}

/* The text of a step in a content lane (NULL if none). */
static const char *
bp_cell(const struct pg_step *s, int lane)
{
	switch (lane) {
	case PG_LANE_EVIDENCE: return s->evidence.s;
	case PG_LANE_CUSTOMER: return s->customer.s;
	case PG_LANE_FRONTSTAGE: return s->frontstage.s;
	case PG_LANE_BACKSTAGE: return s->backstage.s;
	case PG_LANE_SUPPORT: return s->support.s;
	default: return NULL;
	}
}

#define BP_ROWS		(PG_LANE_N + 2)	/* header, lanes, fail points */
#define BP_FAIL		(PG_LANE_N + 1)
#define BP_BADGE	9.0

struct bp_geo {
	double	lw, cw;
	double	rowh[BP_ROWS];	/* [0] header, [1 + lane], [BP_FAIL] */
	int	anyfail;
};

/*
 * Lay out a chunk (draw: also draw it at (x, y)).  Fills g; returns the
 * total height, -1 on failure.
 */
static double
bp_layout(struct fig *f, const struct pg_plan *p, const struct pg_fig_labels *lb,
    size_t first, size_t count, double w, struct bp_geo *g, int draw)
{
	const struct pg_blueprint *b = &p->strategy.blueprint;
	double ink = f->asc + f->desc, total = 0, ry;
	size_t i;
	int r, have_nl = 0;
	struct label nl;

	if (!draw)
		memset(g, 0, sizeof(*g));
	g->lw = w * 0.16 > 90 ? 90 : w * 0.16;
	g->cw = (w - g->lw) / (double)count;
	for (i = 0; i < count; i++)
		if (b->steps[first + i].fail_point.line != 0)
			g->anyfail = 1;
	ry = f->y;
	for (r = 0; r < BP_ROWS; r++) {
		int lane = r - 1;
		int isline = lane == PG_LANE_INTERACTION || lane == PG_LANE_VISIBILITY;
		double rh = 0, cx;
		const char *lname = r == 0 ? NULL : r == BP_FAIL ? lb->fail_point :
		    lb->lanes[lane];
		double lsize = isline ? FIG_MIN_PT : FIG_SMALL_PT;

		if (r == BP_FAIL && !g->anyfail)
			break;
		/* pass 0 measures, pass 1 (draw) draws with the row height */
		if (lname != NULL) {
			if (label_make(f, &nl, lname, lsize, isline ? em(f) :
			    PG_STYLE_STRONG, g->lw - 2 * BP_PAD, 0) != 0)
				return -1;
			have_nl = 1;
			rh = tb_height(f, &nl.t) + 2 * BP_PAD;
		}
		if (isline) {
			if (draw) {
				tb_draw(f, &nl.t, f->x + BP_PAD, ry + BP_PAD,
				    g->lw - 2 * BP_PAD, -1, C_MUTED);
				line(f, f->x, ry + rh, f->x + w, ry + rh,
				    C_AXIS, 0.8, 1);
			}
			tb_free(&nl.t);
			have_nl = 0;
			g->rowh[r] = rh;
			ry += rh;
			total += rh;
			continue;
		}
		/* cell heights */
		for (i = 0; i < count; i++) {
			const struct pg_step *s = &b->steps[first + i];
			double ch = 0;
			struct tb t;
			if (r == 0) {
				struct pg_run runs[3];
				char num[24];
				snprintf(num, sizeof(num), "%zu", first + i + 1);
				runs[0].text = num;
				runs[0].style = PG_STYLE_STRONG;
				runs[1].text = " ";
				runs[1].style = 0;
				runs[2].text = s->name != NULL ? s->name : "";
				runs[2].style = PG_STYLE_STRONG;
				if (tb_break(f, &t, runs, 3, FIG_BODY_PT, 0,
				    g->cw - 2 * BP_PAD, 0) != 0)
					goto fail;
				ch = tb_height(f, &t) + 2 * BP_PAD;
				if (draw)
					tb_draw(f, &t, f->x + g->lw + (double)i * g->cw + BP_PAD,
					    ry + BP_PAD, g->cw - 2 * BP_PAD, 0, C_TEXT);
				tb_free(&t);
			} else if (r == BP_FAIL) {
				const struct pg_fail_point *fp = &s->fail_point;
				struct pg_run runs[3];
				double cx0 = f->x + g->lw + (double)i * g->cw + BP_PAD;
				if (fp->line == 0)
					continue;
				runs[0].text = fp->text != NULL ? fp->text : "";
				runs[0].style = 0;
				if (tb_break(f, &t, runs, 1, FIG_SMALL_PT, 0,
				    g->cw - 2 * BP_PAD - BP_BADGE - 2, 0) != 0)
					goto fail;
				ch = tb_height(f, &t);
				if (ch < BP_BADGE)
					ch = BP_BADGE;
				if (draw) {
					struct label bl;
					rect(f, cx0, ry + BP_PAD, BP_BADGE, BP_BADGE,
					    &C_FAIL, NULL, 0, 0);
					if (label_make(f, &bl, "F", FIG_MIN_PT,
					    PG_STYLE_STRONG, 1e6, 1) == 0) {
						tb_draw(f, &bl.t, cx0, ry + BP_PAD +
						    (BP_BADGE - ink * FIG_MIN_PT) / 2,
						    BP_BADGE, 0, C_WHITE);
						tb_free(&bl.t);
					}
					tb_draw(f, &t, cx0 + BP_BADGE + 2, ry + BP_PAD,
					    g->cw - 2 * BP_PAD - BP_BADGE - 2, -1,
					    C_FAIL);
				}
				tb_free(&t);
				if (fp->recovery.s != NULL) {
					runs[0].text = lb->recovery;
					runs[0].style = PG_STYLE_STRONG;
					runs[1].text = sep_after(lb->recovery);
					runs[1].style = 0;
					runs[2].text = fp->recovery.s;
					runs[2].style = 0;
					if (tb_break(f, &t, runs, 3, FIG_SMALL_PT, 0,
					    g->cw - 2 * BP_PAD, 0) != 0)
						goto fail;
					if (draw)
						tb_draw(f, &t, cx0, ry + BP_PAD + ch + 3,
						    g->cw - 2 * BP_PAD, -1, C_UP);
					ch += 3 + tb_height(f, &t);
					tb_free(&t);
				}
				ch += 2 * BP_PAD;
			} else {
				const char *txt = bp_cell(s, lane);
				struct label cl;
				if (txt == NULL)
					continue;
				if (label_make(f, &cl, txt, FIG_SMALL_PT, 0,
				    g->cw - 2 * BP_PAD, 0) != 0)
					goto fail;
				ch = tb_height(f, &cl.t) + 2 * BP_PAD;
				if (draw)
					tb_draw(f, &cl.t, f->x + g->lw + (double)i * g->cw + BP_PAD,
					    ry + BP_PAD, g->cw - 2 * BP_PAD, -1, C_TEXT);
				tb_free(&cl.t);
			}
			if (ch > rh)
				rh = ch;
		}
		if (rh < ink * FIG_SMALL_PT + 2 * BP_PAD)
			rh = ink * FIG_SMALL_PT + 2 * BP_PAD;
		if (draw) {
			g->rowh[r] = g->rowh[r] > rh ? g->rowh[r] : rh;
			if (lname != NULL)
				tb_draw(f, &nl.t, f->x + BP_PAD, ry + BP_PAD,
				    g->lw - 2 * BP_PAD, -1, r == BP_FAIL ? C_FAIL : C_TEXT);
			for (cx = f->x + g->lw, i = 0; i <= count; i++, cx += g->cw)
				if (i > 0 && i < count)
					line(f, cx, ry, cx, ry + g->rowh[r], C_GRID, 0.4, 0);
			if (r + 1 != 1 + PG_LANE_INTERACTION &&
			    r + 1 != 1 + PG_LANE_VISIBILITY &&
			    r + 1 < (g->anyfail ? BP_ROWS : BP_FAIL))
				line(f, f->x, ry + g->rowh[r], f->x + w, ry + g->rowh[r],
				    C_GRID, 0.4, 0);
			rh = g->rowh[r];
		} else {
			g->rowh[r] = rh;
		}
		if (have_nl)
			tb_free(&nl.t);
		have_nl = 0;
		ry += rh;
		total += rh;
	}
	return f->err ? -1 : total;
fail:
	if (have_nl)
		tb_free(&nl.t);
	return -1;
}

double
pg_fig_blueprint_height(const struct pg_fontset *fs, const struct pg_plan *p,
    const struct pg_fig_labels *lb, const char *lang, size_t first,
    size_t count, double w)
{
	struct fig f;
	struct bp_geo g;
	double h;

	count = bp_clamp(p, first, count);
	if (count == 0)
		return 0;
	fig_init(&f, NULL, fs, lang, 0, 0, 0, w, 0);
	h = bp_layout(&f, p, lb, first, count, w, &g, 0);
	fig_done(&f);
	return h;
}

int
pg_fig_blueprint(struct pg_frames *fr, const struct pg_fontset *fs, int page,
    double x, double y, double w, double h, const struct pg_plan *p,
    const struct pg_fig_labels *lb, const char *lang, size_t first,
    size_t count)
{
	struct fig f;
	struct bp_geo g, g2;
	double total, ry;
	int r;

	fig_init(&f, fr, fs, lang, page, x, y, w, h);
	count = bp_clamp(p, first, count);
	if (count == 0)
		return fig_done(&f);
	if ((total = bp_layout(&f, p, lb, first, count, w, &g, 0)) < 0)
		return fig_done(&f);
	/* backgrounds first: lane column, header row, customer row */
	rect(&f, x, y, g.lw, total, &C_LANE, NULL, 0, 0);
	rect(&f, x + g.lw, y, w - g.lw, g.rowh[0], &C_HEAD, NULL, 0, 0);
	ry = y;
	for (r = 0; r < BP_ROWS; r++) {
		if (r == 1 + PG_LANE_CUSTOMER)
			rect(&f, x + g.lw, ry, w - g.lw, g.rowh[r], &C_CUSTOMER,
			    NULL, 0, 0);
		ry += g.rowh[r];
	}
	rect(&f, x, y, w, total, NULL, &C_AXIS, 0.6, 0);
	g2 = g;
	bp_layout(&f, p, lb, first, count, w, &g2, 1);
	return fig_done(&f);
}
