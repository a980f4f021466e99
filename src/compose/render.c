/*
 * render.c — document composition: plan model + template -> layout calls
 * -> pages of boxes.  See render.h.
 *
 * Design invariants:
 *  1. Page 0 is the cover, pages 1..ntoc the contents; the sections follow.
 *     The contents can only be drawn once every heading has its page, so
 *     the body is laid out first; if the contents need more pages than were
 *     reserved, the whole body is laid out again with more reserved (the
 *     layout is deterministic, so page numbers shift uniformly).
 *  2. Page numbers are physical (the cover is page 1), like a PDF viewer's.
 *  3. Header and footer are added last, when the page count is known.
 *  4. Every string placed on a page from the plan is checked against the
 *     fonts first; a character no face can draw is one warning with the
 *     source line (missing-glyph), reported once per character.
 *  5. Scratch memory (formatted strings, cell arrays) lives in a pool freed
 *     when pg_render returns; the frames copy every string they keep.
 */
#include "config.h"

#include <assert.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "layout/layout.h"
#include "compose/render.h"

/* The figures (SWOT grid, charts, swimlane) come from figure.c; a
 * template can turn a section's figures off, and then the same content
 * is given as tables. */
#include "figures/figure.h"

#define RULE_GLYPH	PG_F_MISSING_GLYPH

/* A colon before a value: full-width in Chinese. */
#define COLON(r)	((r)->zh ? "：" : ": ")

struct rs {
	const struct pg_plan		*p;
	const struct pg_template	*t;
	const struct pg_fontset		*fs;
	const struct pg_render_opts	*o;
	struct pg_frames		*f;
	struct pg_diags			*w;
	struct pg_layout		*l;
	const char			*lang;
	int				 zh;
	int				 ntoc;		/* contents pages reserved */
	int				 sec, sub;	/* heading numbers */
	size_t				 first_outline;	/* first body outline */
	double				 tw;		/* text width, pt */
	struct pg_tstyle		 body, h1, h2, item, caption, keypt, lead;
	struct pg_tstyle		 tbody, tbold, tright, tbright, thead, theadr, tmuted;
	void				**pool;
	size_t				 npool, cappool;
	int				 oom;
	uint32_t			 warned[128];
	size_t				 nwarned;
	struct pg_fig_labels		 fl;
	int				 fig;	/* figures of this section on */
};

/* ---- scratch memory ---------------------------------------------------- */

static void *
palloc(struct rs *r, size_t n)
{
	void	*m;

	if (r->npool == r->cappool) {
		size_t nc = r->cappool ? r->cappool * 2 : 256;
		void **np = realloc(r->pool, nc * sizeof(*np));
		if (np == NULL) {
			r->oom = 1;
			return NULL;
		}
		r->pool = np;
		r->cappool = nc;
	}
	if ((m = calloc(1, n ? n : 1)) == NULL) {
		r->oom = 1;
		return NULL;
	}
	r->pool[r->npool++] = m;
	return m;
}

static void
pool_free(struct rs *r)
{
	size_t	i;

	for (i = 0; i < r->npool; i++)
		free(r->pool[i]);
	free(r->pool);
	r->pool = NULL;
	r->npool = r->cappool = 0;
}

static const char *
sfmt(struct rs *r, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static const char *
sfmt(struct rs *r, const char *fmt, ...)
{
	va_list	 ap;
	int	 n;
	char	*s;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0 || (s = palloc(r, (size_t)n + 1)) == NULL)
		return "";
	va_start(ap, fmt);
	vsnprintf(s, (size_t)n + 1, fmt, ap);
	va_end(ap);
	return s;
}

static const char *
L(struct rs *r, const char *key)
{
	return pg_tpl_label(r->t, key, r->lang);
}

/* ---- UTF-8 and glyph checks -------------------------------------------- */

/* Decode one code point at s[*i] (advances *i); invalid bytes -> U+FFFD. */
static uint32_t
utf8_next(const char *s, size_t len, size_t *i)
{
	const unsigned char *u = (const unsigned char *)s;
	uint32_t c = u[*i];
	int	 n = 0, k;

	if (c < 0x80) {
		(*i)++;
		return c;
	}
	if ((c & 0xe0) == 0xc0) { n = 1; c &= 0x1f; }
	else if ((c & 0xf0) == 0xe0) { n = 2; c &= 0x0f; }
	else if ((c & 0xf8) == 0xf0) { n = 3; c &= 0x07; }
	else { (*i)++; return 0xfffd; }
	if (*i + (size_t)n >= len) {
		*i = len;
		return 0xfffd;
	}
	for (k = 1; k <= n; k++) {
		if ((u[*i + k] & 0xc0) != 0x80) {
			(*i)++;
			return 0xfffd;
		}
		c = (c << 6) | (u[*i + k] & 0x3f);
	}
	*i += (size_t)n + 1;
	return c;
}

/* Warn once per character that no face can draw. */
static void
chk(struct rs *r, const char *s, unsigned long line)
{
	size_t	 len, off = 0, i;
	uint32_t cp;

	if (s == NULL)
		return;
	len = strlen(s);
	while (off < len && (cp = pg_fontset_missing(r->fs, s + off, len - off)) != 0) {
		char	 u[8] = "";
		for (i = 0; i < r->nwarned; i++)
			if (r->warned[i] == cp)
				break;
		if (i == r->nwarned && r->nwarned < sizeof(r->warned) / sizeof(r->warned[0])) {
			r->warned[r->nwarned++] = cp;
			if (cp < 0x80) { u[0] = (char)cp; }
			else if (cp < 0x800) { u[0] = (char)(0xc0 | cp >> 6); u[1] = (char)(0x80 | (cp & 0x3f)); }
			else if (cp < 0x10000) { u[0] = (char)(0xe0 | cp >> 12); u[1] = (char)(0x80 | ((cp >> 6) & 0x3f)); u[2] = (char)(0x80 | (cp & 0x3f)); }
			else { u[0] = (char)(0xf0 | cp >> 18); u[1] = (char)(0x80 | ((cp >> 12) & 0x3f)); u[2] = (char)(0x80 | ((cp >> 6) & 0x3f)); u[3] = (char)(0x80 | (cp & 0x3f)); }
			pg_diag_emit(r->w, RULE_GLYPH, r->o->file, line,
			    "no font can draw U+%04lX '%s'; it will be missing "
			    "from the PDF", (unsigned long)cp, u);
		}
		/* Skip past this character and look for the next one. */
		for (i = off; i < len; ) {
			size_t j = i;
			if (utf8_next(s, len, &j) == cp) {
				off = j;
				break;
			}
			i = j;
		}
		if (i >= len)
			break;
	}
}

static void
chk_prose(struct rs *r, const struct pg_prose *pr)
{
	size_t	b, i, k;

	for (b = 0; b < pr->nblocks; b++) {
		const struct pg_block *bl = &pr->blocks[b];
		if (bl->kind == PG_BLOCK_P)
			for (k = 0; k < bl->para.nruns; k++)
				chk(r, bl->para.runs[k].text, bl->para.line);
		else
			for (i = 0; i < bl->nitems; i++)
				for (k = 0; k < bl->items[i].nruns; k++)
					chk(r, bl->items[i].runs[k].text,
					    bl->items[i].line);
	}
}

/* ---- formatting -------------------------------------------------------- */

static const char *const months_en[12] = { "January", "February", "March",
	"April", "May", "June", "July", "August", "September", "October",
	"November", "December" };

char *
pg_fmt_date(struct pg_date d, const char *lang, char *buf, size_t n)
{
	if (n == 0)
		return buf;
	buf[0] = '\0';
	if (d.y == 0 || d.m < 1 || d.m > 12)
		return buf;
	if (lang != NULL && strncmp(lang, "zh", 2) == 0)
		snprintf(buf, n, "%d年%d月%d日", d.y, d.m, d.d);
	else
		snprintf(buf, n, "%d %s %d", d.d, months_en[d.m - 1], d.y);
	return buf;
}

char *
pg_fmt_amount(int64_t minor, int cents, char *buf, size_t n)
{
	char		 digits[32], out[48];
	uint64_t	 u, whole;
	size_t		 nd, i, o = 0;

	u = minor < 0 ? (uint64_t)0 - (uint64_t)minor : (uint64_t)minor;
	whole = u / 100;
	snprintf(digits, sizeof(digits), "%llu", (unsigned long long)whole);
	nd = strlen(digits);
	if (minor < 0)
		out[o++] = '-';
	for (i = 0; i < nd; i++) {
		if (i > 0 && (nd - i) % 3 == 0)
			out[o++] = ',';
		out[o++] = digits[i];
	}
	out[o] = '\0';
	if (cents)
		snprintf(out + o, sizeof(out) - o, ".%02u", (unsigned)(u % 100));
	snprintf(buf, n, "%s", out);
	return buf;
}

/* A short date range: "1 Mar – 30 Jun 2027", "2027年3月1日–6月30日". */
static const char *
fmt_range(struct rs *r, struct pg_date a, struct pg_date b)
{
	static const char *const mon[12] = { "Jan", "Feb", "Mar", "Apr", "May",
		"Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };

	if (a.y == 0 || b.y == 0 || a.m < 1 || a.m > 12 || b.m < 1 || b.m > 12)
		return "";
	if (r->zh) {
		if (a.y == b.y)
			return sfmt(r, "%d年%d月%d日—%d月%d日", a.y, a.m, a.d,
			    b.m, b.d);
		return sfmt(r, "%d年%d月%d日—%d年%d月%d日", a.y, a.m, a.d,
		    b.y, b.m, b.d);
	}
	if (a.y == b.y)
		return sfmt(r, "%d %s – %d %s %d", a.d, mon[a.m - 1], b.d,
		    mon[b.m - 1], b.y);
	return sfmt(r, "%d %s %d – %d %s %d", a.d, mon[a.m - 1], a.y, b.d,
	    mon[b.m - 1], b.y);
}

/* A date for a table cell: "31 Dec 2027", "2027年12月31日". */
static const char *
fmt_sdate(struct rs *r, struct pg_date d)
{
	static const char *const mon[12] = { "Jan", "Feb", "Mar", "Apr", "May",
		"Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };

	if (d.y == 0 || d.m < 1 || d.m > 12)
		return "";
	if (r->zh)
		return sfmt(r, "%d年%d月%d日", d.y, d.m, d.d);
	return sfmt(r, "%d %s %d", d.d, mon[d.m - 1], d.y);
}

static const char *
fmt_date(struct rs *r, struct pg_date d)
{
	char	buf[64];

	pg_fmt_date(d, r->lang, buf, sizeof(buf));
	return sfmt(r, "%s", buf);
}

/* A decimal as written, with thousands separators in its integer part. */
static const char *
fmt_num(struct rs *r, const char *text)
{
	char		 out[128];
	const char	*s = text, *dot;
	size_t		 nd, i, o = 0;

	if (text == NULL)
		return "";
	if (*s == '-')
		out[o++] = *s++;
	dot = strchr(s, '.');
	nd = dot ? (size_t)(dot - s) : strlen(s);
	if (nd > 60 || strlen(s) > 60)
		return text;
	for (i = 0; i < nd; i++) {
		if (i > 0 && (nd - i) % 3 == 0)
			out[o++] = ',';
		out[o++] = s[i];
	}
	out[o] = '\0';
	if (dot)
		snprintf(out + o, sizeof(out) - o, "%s", dot);
	return sfmt(r, "%s", out);
}

static const char *
refs(struct rs *r, const struct pg_refs *rf)
{
	size_t	 i, n = 0;
	char	*s;

	for (i = 0; i < rf->n; i++)
		n += strlen(rf->id[i]) + 2;
	if ((s = palloc(r, n + 1)) == NULL)
		return "";
	for (i = 0; i < rf->n; i++) {
		if (i > 0)
			strcat(s, ", ");
		strcat(s, rf->id[i]);
	}
	return s;
}

static const char *
enum_label(struct rs *r, const char *prefix, const char *name)
{
	if (name == NULL || *name == '\0')
		return "";
	return L(r, sfmt(r, "%s.%s", prefix, name));
}

/* ---- runs and text ----------------------------------------------------- */

static struct pg_run *
run1(struct rs *r, const char *s, unsigned style)
{
	struct pg_run *run = palloc(r, sizeof(*run));

	if (run == NULL)
		return NULL;
	run->text = s ? s : "";
	run->style = style;
	return run;
}

/*
 * The runs to lay out for the plan's own runs: in Chinese, emphasis is
 * bold, not slanted (clreq; CJK faces have no italic, and a slanted CJK
 * glyph runs into its neighbour), so PG_STYLE_EM becomes PG_STYLE_STRONG.
 */
static const struct pg_run *
xruns(struct rs *r, const struct pg_run *v, size_t n)
{
	struct pg_run	*c;
	size_t		 i;

	if (!r->zh)
		return v;
	for (i = 0; i < n; i++)
		if (v[i].style & PG_STYLE_EM)
			break;
	if (i == n || (c = palloc(r, n * sizeof(*c))) == NULL)
		return v;
	for (i = 0; i < n; i++) {
		c[i] = v[i];
		if (c[i].style & PG_STYLE_EM)
			c[i].style = (c[i].style & ~(unsigned)PG_STYLE_EM) |
			    PG_STYLE_STRONG;
	}
	return c;
}

/* Width of text in a style, pt, face by face. */
static double
text_w(struct rs *r, const char *s, unsigned style, double size)
{
	return pg_measure_text(r->fs, s, strlen(s), style, size);
}

/*
 * Draw s broken into lines of width w starting with the first baseline
 * at y.  Returns the y of the baseline after the last line (or y if
 * nothing was drawn).  measure: do not draw, only count.
 */
static double
draw_wrapped(struct rs *r, int page, double x, double y, double w,
    const char *s, unsigned style, double size, double leading,
    struct pg_color c, enum pg_align al, int measure)
{
	struct pg_run	 run = { s, style };
	struct pg_tstyle ts;
	struct pg_lines	 ls;
	size_t		 i, k;

	memset(&ts, 0, sizeof(ts));
	ts.size = size;
	ts.leading = leading;
	ts.style = style;
	ts.color = c;
	ts.align = al;
	if (s == NULL || *s == '\0')
		return y;
	memset(&ls, 0, sizeof(ls));
	if (pg_break(r->fs, &run, 1, &ts, w, r->lang, &ls) != 0) {
		r->oom = 1;
		return y;
	}
	for (i = 0; i < ls.n; i++) {
		for (k = 0; !measure && k < ls.v[i].nsegs; k++) {
			/* each segment in the face the line breaker measured */
			const struct pg_seg *sg = &ls.v[i].segs[k];
			struct pg_box b;
			memset(&b, 0, sizeof(b));
			b.kind = PG_BOX_TEXT;
			b.x = x + sg->x;
			b.y = y;
			b.w = sg->w;
			b.text = s + sg->off;
			b.len = sg->len;
			b.face = sg->face;
			b.size = size;
			b.color = c;
			if (sg->len > 0 && pg_frames_add(r->f, page, &b) == NULL)
				r->oom = 1;
			if (sg->hyphen)
				pg_draw_text(r->f, r->fs, page,
				    x + sg->x + sg->w, y, "-", 1, style, size, c);
		}
		y += leading;
	}
	pg_lines_free(&ls);
	return y;
}

static void
add_rect(struct rs *r, int page, double x, double y, double w, double h,
    struct pg_color fill)
{
	struct pg_box b;

	memset(&b, 0, sizeof(b));
	b.kind = PG_BOX_RECT;
	b.x = x;
	b.y = y;
	b.w = w;
	b.h = h;
	b.fill = fill;
	b.color = fill;
	b.flags = PG_BOXF_FILL;
	if (pg_frames_add(r->f, page, &b) == NULL)
		r->oom = 1;
}

static void
add_line(struct rs *r, int page, double x, double y, double w, double h,
    struct pg_color c, double lw, unsigned flags)
{
	struct pg_box b = pg_box_line(x, y, w, h, c, lw, flags);

	if (pg_frames_add(r->f, page, &b) == NULL)
		r->oom = 1;
}

static double
draw_text(struct rs *r, int page, double x, double y, const char *s,
    unsigned style, double size, struct pg_color c)
{
	double	w;

	if (s == NULL || *s == '\0')
		return 0;
	w = pg_draw_text(r->f, r->fs, page, x, y, s, strlen(s), style, size, c);
	if (w < 0)
		r->oom = 1;
	return w;
}

/* ---- flow helpers ------------------------------------------------------ */

static void
lcheck(struct rs *r, int rc)
{
	if (rc < 0)
		r->oom = 1;
}

static void
heading1(struct rs *r, const char *key)
{
	const char *text;

	r->sec++;
	r->sub = 0;
	text = sfmt(r, "%d  %s", r->sec, L(r, key));
	lcheck(r, pg_layout_heading(r->l, 0, text, &r->h1));
}

static void
heading2(struct rs *r, const char *key)
{
	const char *text;

	r->sub++;
	text = sfmt(r, "%d.%d  %s", r->sec, r->sub, L(r, key));
	lcheck(r, pg_layout_heading(r->l, 1, text, &r->h2));
}

static void
prose(struct rs *r, const struct pg_prose *pr)
{
	size_t	b, i;

	chk_prose(r, pr);
	for (b = 0; b < pr->nblocks; b++) {
		const struct pg_block *bl = &pr->blocks[b];
		if (bl->kind == PG_BLOCK_P)
			lcheck(r, pg_layout_para(r->l, xruns(r, bl->para.runs,
			    bl->para.nruns), bl->para.nruns, &r->body));
		else
			for (i = 0; i < bl->nitems; i++)
				lcheck(r, pg_layout_item(r->l, xruns(r,
				    bl->items[i].runs, bl->items[i].nruns),
				    bl->items[i].nruns, &r->item));
	}
}

/* A paragraph that starts with a bold lead ("A1  Title") then runs. */
static void
lead_para(struct rs *r, const char *lead, const struct pg_run *runs,
    size_t n, const struct pg_tstyle *ts)
{
	struct pg_run	*v = palloc(r, (n + 1) * sizeof(*v));
	size_t		 i;

	if (v == NULL)
		return;
	v[0].text = lead;
	v[0].style = PG_STYLE_STRONG;
	for (i = 0; i < n; i++)
		v[i + 1] = runs[i];
	lcheck(r, pg_layout_para(r->l, v, n + 1, ts));
}

static void
text_para(struct rs *r, const char *s, unsigned long line,
    const struct pg_tstyle *ts)
{
	if (s == NULL)
		return;
	chk(r, s, line);
	lcheck(r, pg_layout_para(r->l, run1(r, s, 0), 1, ts));
}

/* ---- tables ------------------------------------------------------------ */

struct tb {
	size_t		 ncols;
	struct pg_cell	*head;
	struct pg_cell	*cells;
	size_t		 n, cap;
	const double	*min_frac;
	int		 no_stripe;
};

static void
tb_begin(struct rs *r, struct tb *t, size_t ncols, const char *const *heads)
{
	size_t	i;

	memset(t, 0, sizeof(*t));
	t->ncols = ncols;
	if (heads == NULL)
		return;
	if ((t->head = palloc(r, ncols * sizeof(*t->head))) == NULL)
		return;
	for (i = 0; i < ncols; i++) {
		t->head[i].runs = run1(r, heads[i], PG_STYLE_STRONG);
		t->head[i].nruns = 1;
		t->head[i].fill = r->t->c_head;
		t->head[i].has_fill = 1;
	}
}

/* tb_begin() with the header labels of these label keys. */
static void
tb_begin_keys(struct rs *r, struct tb *t, size_t ncols,
    const char *const *keys)
{
	const char	*h[16];
	size_t		 i;

	assert(ncols <= 16);	/* the widest table has 7 columns */
	for (i = 0; i < ncols; i++)
		h[i] = L(r, keys[i]);
	tb_begin(r, t, ncols, h);
}

static struct pg_cell *
tb_cellv(struct rs *r, struct tb *t, const struct pg_run *runs, size_t nruns,
    const struct pg_tstyle *ts)
{
	struct pg_cell	*c;
	size_t		 row;

	if (t->n == t->cap) {
		size_t nc = t->cap ? t->cap * 2 : 64;
		struct pg_cell *nv = palloc(r, nc * sizeof(*nv));
		if (nv == NULL)
			return NULL;
		if (t->n)
			memcpy(nv, t->cells, t->n * sizeof(*nv));
		t->cells = nv;
		t->cap = nc;
	}
	row = t->n / t->ncols;
	c = &t->cells[t->n++];
	memset(c, 0, sizeof(*c));
	c->runs = runs;
	c->nruns = runs ? nruns : 0;
	c->ts = ts;
	if (!t->no_stripe && row % 2 == 1) {
		c->fill = r->t->c_stripe;
		c->has_fill = 1;
	}
	return c;
}

static struct pg_cell *
tb_cell(struct rs *r, struct tb *t, const char *s, unsigned long line,
    const struct pg_tstyle *ts)
{
	chk(r, s, line);
	return tb_cellv(r, t, run1(r, s ? s : "", 0), 1, ts);
}

/* A cell holding prose, paragraphs joined into one run list. */
static struct pg_cell *
tb_prose(struct rs *r, struct tb *t, const struct pg_prose *pr,
    const struct pg_tstyle *ts)
{
	struct pg_run	*v;
	size_t		 b, i, k, n = 0, o = 0;

	chk_prose(r, pr);
	for (b = 0; b < pr->nblocks; b++) {
		const struct pg_block *bl = &pr->blocks[b];
		if (bl->kind == PG_BLOCK_P)
			n += bl->para.nruns + 1;
		else
			for (i = 0; i < bl->nitems; i++)
				n += bl->items[i].nruns + 2;
	}
	if ((v = palloc(r, (n + 1) * sizeof(*v))) == NULL)
		return NULL;
	for (b = 0; b < pr->nblocks; b++) {
		const struct pg_block *bl = &pr->blocks[b];
		if (bl->kind == PG_BLOCK_P) {
			if (o > 0)
				v[o++] = (struct pg_run){ " ", 0 };
			for (k = 0; k < bl->para.nruns; k++)
				v[o++] = *xruns(r, &bl->para.runs[k], 1);
		} else {
			for (i = 0; i < bl->nitems; i++) {
				v[o++] = (struct pg_run){ o > 0 ? " • " : "• ", 0 };
				for (k = 0; k < bl->items[i].nruns; k++)
					v[o++] = *xruns(r, &bl->items[i].runs[k], 1);
			}
		}
	}
	if (o == 0)
		v[o++] = (struct pg_run){ "", 0 };
	return tb_cellv(r, t, v, o, ts);
}

/* A name in bold, with its id (which prose may cite) under it. */
static void
name_cell(struct rs *r, struct tb *t, const char *name, const char *id,
    unsigned long line)
{
	struct pg_run	*v = palloc(r, 2 * sizeof(*v));

	chk(r, name, line);
	chk(r, id, line);
	if (v == NULL)
		return;
	v[0] = (struct pg_run){ name ? name : "", PG_STYLE_STRONG };
	v[1] = (struct pg_run){ id ? sfmt(r, "\n%s", id) : "", 0 };
	tb_cellv(r, t, v, id ? 2 : 1, NULL);
}

static void
tb_end(struct rs *r, struct tb *t)
{
	struct pg_table	 tab;

	if (r->oom || t->n == 0 || t->n % t->ncols != 0)
		return;
	memset(&tab, 0, sizeof(tab));
	tab.ncols = t->ncols;
	tab.header = t->head;
	tab.cells = t->cells;
	tab.nrows = t->n / t->ncols;
	tab.min_frac = t->min_frac;
	tab.body = &r->tbody;
	tab.head = &r->thead;
	tab.rule = r->t->c_rule;
	tab.pad = r->t->size_table * 0.45;
	lcheck(r, pg_layout_table(r->l, &tab));
	lcheck(r, pg_layout_space(r->l, r->t->size_body * 0.6));
}

/* ---- figures ----------------------------------------------------------- */

/* Height of the text area of a page, pt. */
static double
body_h(const struct rs *r)
{
	return r->t->page_h - r->t->margin_top - r->t->margin_bottom;
}

/* Start a new page unless h pt still fit on this one. */
static void
keep_room(struct rs *r, double h)
{
	if (pg_layout_y(r->l) + h > r->t->page_h - r->t->margin_bottom &&
	    h < body_h(r))
		lcheck(r, pg_layout_new_page(r->l));
}

/* Height of the first blueprint chunk (0 without figures). */
static double
blueprint_h(struct rs *r)
{
	const struct pg_blueprint *bp = &r->p->strategy.blueprint;
	size_t chunk = pg_fig_blueprint_chunk(r->tw);

	if (!r->fig || chunk == 0)
		return 0;
	return pg_fig_blueprint_height(r->fs, r->p, &r->fl, r->lang, 0,
	    bp->nsteps < chunk ? bp->nsteps : chunk, r->tw);
}

static double
posmap_h(struct rs *r)
{
	double h;

	if (!r->fig)
		return 0;
	h = pg_fig_posmap_height(r->fs, r->p, &r->fl, r->lang, r->tw);
	return h > body_h(r) * 0.6 ? body_h(r) * 0.6 : h;
}

typedef int (*fig_draw_fn)(struct pg_frames *, const struct pg_fontset *,
    int, double, double, double, double, const struct pg_plan *,
    const struct pg_fig_labels *, const char *);

/* Reserve h pt (at most 60% of a page) and draw a chart into it. */
static void
chart(struct rs *r, double h, fig_draw_fn draw)
{
	int	 page;
	double	 x, y, w;

	if (h <= 0 || r->oom)
		return;
	if (h > body_h(r) * 0.28)
		h = body_h(r) * 0.28;
	lcheck(r, pg_layout_space(r->l, r->t->size_body * 0.8));
	{
		/* a chart may shrink by up to a quarter to stay on this page */
		double room = r->t->page_h - r->t->margin_bottom -
		    pg_layout_y(r->l) - 1;
		if (h > room && room >= h * 0.75)
			h = room;
	}
	if (pg_layout_block(r->l, h, &page, &x, &y, &w) != 0) {
		r->oom = 1;
		return;
	}
	if (draw(r->f, r->fs, page, x, y, w, h, r->p, &r->fl, r->lang) != 0)
		r->oom = 1;
	lcheck(r, pg_layout_space(r->l, r->t->size_body));
}

static void
fig_labels(struct rs *r)
{
	static const char *const swot[4] = { "swot.strength", "swot.weakness",
		"swot.opportunity", "swot.threat" };
	static const char *const lanes[PG_LANE_N] = { "blueprint.evidence",
		"blueprint.customer", "blueprint.interaction",
		"blueprint.frontstage", "blueprint.visibility",
		"blueprint.backstage", "blueprint.support" };
	int	i;

	pg_fig_labels_default(&r->fl, r->lang);
	for (i = 0; i < 4; i++)
		r->fl.swot[i] = L(r, swot[i]);
	for (i = 0; i < PG_LANE_N; i++)
		r->fl.lanes[i] = L(r, lanes[i]);
	r->fl.fail_point = L(r, "blueprint.fail-point");
	r->fl.recovery = L(r, "blueprint.recovery");
	r->fl.contingency = L(r, "budget.contingency");
	r->fl.total = L(r, "budget.total");
	r->fl.own_current = L(r, "own.current");
	r->fl.own_target = L(r, "own.target");
	r->fl.competitor = L(r, "col.competitor");
}

typedef double (*fig_height_fn)(const struct pg_fontset *,
    const struct pg_plan *, const struct pg_fig_labels *, const char *,
    double);

/* A chart of the plan (sales, budget, positioning map) where the section's
 * figures are on. */
static void
fig_chart(struct rs *r, fig_height_fn height, fig_draw_fn draw)
{
	if (r->fig)
		chart(r, height(r->fs, r->p, &r->fl, r->lang, r->tw), draw);
}

/* The SWOT grid; 0 if drawn, -1 if the caller must use tables. */
static int
fig_swot(struct rs *r)
{
	double	h, x, y, w;
	int	page;

	if (!r->fig)
		return -1;
	h = pg_fig_swot_height(r->fs, r->p, &r->fl, r->lang, r->tw);
	if (h <= 0 || h > body_h(r) * 0.9)
		return -1;
	if (pg_layout_block(r->l, h, &page, &x, &y, &w) != 0 ||
	    pg_fig_swot(r->f, r->fs, page, x, y, w, h, r->p, &r->fl, r->lang) != 0)
		r->oom = 1;
	return 0;
}

static void
fig_timeline(struct rs *r)
{
	size_t	n = r->p->actions.n, i, k;
	double	h, x, y, w, room;
	int	page;

	if (!r->fig || n == 0)
		return;
	lcheck(r, pg_layout_space(r->l, r->t->size_body * 0.5));
	for (i = 0; i < n && !r->oom; i += k) {
		room = r->t->page_h - r->t->margin_bottom - pg_layout_y(r->l) - 2;
		k = pg_fig_timeline_fit(r->fs, room, n - i);
		if (k == 0 || (k < 3 && n - i > k)) {
			lcheck(r, pg_layout_new_page(r->l));
			room = body_h(r) - 2;
			k = pg_fig_timeline_fit(r->fs, room, n - i);
			if (k == 0)
				return;
		}
		h = pg_fig_timeline_height(r->fs, r->p, &r->fl, r->lang, i, k,
		    r->tw);
		if (h <= 0)
			return;
		if (pg_layout_block(r->l, h, &page, &x, &y, &w) != 0 ||
		    pg_fig_timeline(r->f, r->fs, page, x, y, w, h, r->p, &r->fl,
		    r->lang, i, k) != 0)
			r->oom = 1;
	}
	lcheck(r, pg_layout_space(r->l, r->t->size_body));
}

/* The blueprint swimlane; 0 if drawn, -1 if the caller must use tables. */
static int
fig_blueprint(struct rs *r)
{
	const struct pg_blueprint *bp = &r->p->strategy.blueprint;
	size_t	chunk, i, k;
	double	h, x, y, w;
	int	page;

	if (!r->fig)
		return -1;
	chunk = pg_fig_blueprint_chunk(r->tw);
	if (chunk == 0)
		return -1;
	for (i = 0; i < bp->nsteps; i += chunk) {
		k = bp->nsteps - i < chunk ? bp->nsteps - i : chunk;
		h = pg_fig_blueprint_height(r->fs, r->p, &r->fl, r->lang, i, k,
		    r->tw);
		if (h <= 0 || h > body_h(r))
			return i == 0 ? -1 : 0;
	}
	for (i = 0; i < bp->nsteps && !r->oom; i += chunk) {
		k = bp->nsteps - i < chunk ? bp->nsteps - i : chunk;
		h = pg_fig_blueprint_height(r->fs, r->p, &r->fl, r->lang, i, k,
		    r->tw);
		if (pg_layout_block(r->l, h, &page, &x, &y, &w) != 0 ||
		    pg_fig_blueprint(r->f, r->fs, page, x, y, w, h, r->p, &r->fl,
		    r->lang, i, k) != 0)
			r->oom = 1;
		lcheck(r, pg_layout_space(r->l, r->t->size_body * 0.6));
	}
	return 0;
}

/* ---- sections ---------------------------------------------------------- */

static void
sec_summary(struct rs *r)
{
	const struct pg_summary	*s = &r->p->summary;
	struct tb		 t;
	size_t			 i;

	heading1(r, "summary.heading");
	/* Key points first: what the reader must take away. */
	heading2(r, "summary.key-points");
	tb_begin(r, &t, 2, NULL);
	t.no_stripe = 1;
	for (i = 0; i < s->nkey_points; i++) {
		struct pg_cell *c;
		c = tb_cell(r, &t, sfmt(r, "%zu", i + 1), 0, &r->keypt);
		if (c) { c->fill = r->t->c_primary; c->has_fill = 1; }
		c = tb_cell(r, &t, s->key_points[i].s, s->key_points[i].line,
		    &r->tbold);
		if (c) { c->fill = r->t->c_stripe; c->has_fill = 1; }
	}
	{
		static const double mf[2] = { 0.05, 0.8 };
		t.min_frac = mf;
	}
	tb_end(r, &t);

	if (s->overview.line != 0) {
		heading2(r, "summary.overview");
		prose(r, &s->overview);
	}
	heading2(r, "summary.market-definition");
	prose(r, &s->market_definition);

	if (s->sales_line != 0 && s->nyears > 0) {
		const char *h[3];
		/*
		 * Keep the heading and the table together; the chart follows
		 * on the next page if it does not fit (keeping all three
		 * together left half a page blank).
		 */
		keep_room(r, r->t->size_h2 * 3 + (double)(s->nyears + 1) *
		    (r->tbody.leading + r->t->size_table * 0.9 + 1));
		heading2(r, "summary.sales");
		h[0] = L(r, "col.year");
		h[1] = s->sales_unit ? sfmt(r, r->zh ? "%s（%s）" : "%s (%s)", L(r, "col.sales"),
		    s->sales_unit) : L(r, "col.sales");
		h[2] = L(r, "col.growth");
		chk(r, s->sales_unit, s->sales_line);
		tb_begin(r, &t, 3, h);
		for (i = 0; i < s->nyears; i++) {
			const struct pg_sales_year *y = &s->years[i];
			const char *g = "–";
			if (i > 0 && s->years[i - 1].value.v != 0) {
				double pv = s->years[i - 1].value.v;
				double gr = (y->value.v - pv) / fabs(pv) * 100.0;
				g = sfmt(r, "%+.1f%%", gr);
			}
			tb_cell(r, &t, y->plan ? sfmt(r, r->zh ? "%s（%s）" : "%s (%s)", y->label,
			    L(r, "sales.plan")) : y->label, y->line, NULL);
			tb_cell(r, &t, fmt_num(r, y->value.text), y->line, &r->tright);
			tb_cell(r, &t, g, y->line, &r->tright);
		}
		tb_end(r, &t);
		fig_chart(r, pg_fig_sales_height, pg_fig_sales);
	}
}

static const char *
competitor_name(struct rs *r, const char *id)
{
	size_t	i;

	for (i = 0; id && i < r->p->situation.ncompetitors; i++)
		if (r->p->situation.competitors[i].id &&
		    strcmp(r->p->situation.competitors[i].id, id) == 0)
			return r->p->situation.competitors[i].name;
	return id ? id : "";
}

static void
sec_situation(struct rs *r)
{
	const struct pg_situation *s = &r->p->situation;
	struct tb	 t;
	const char	*h[4];
	size_t		 i;

	heading1(r, "situation.heading");
	heading2(r, "situation.market");
	prose(r, &s->market);
	if (s->nfacts > 0) {
		tb_begin_keys(r, &t, 2, (const char *const []){
		    "col.fact", "col.value" });
		for (i = 0; i < s->nfacts; i++) {
			tb_cell(r, &t, s->facts[i].label, s->facts[i].line, NULL);
			tb_cell(r, &t, s->facts[i].value, s->facts[i].line, &r->tbold);
		}
		tb_end(r, &t);
	}
	if (s->customers_line != 0 && s->nsegments > 0) {
		static const double mf[3] = { 0.18, 0.08, 0.45 };
		heading2(r, "situation.customers");
		tb_begin_keys(r, &t, 3, (const char *const []){
		    "col.segment", "col.share", "col.description" });
		t.min_frac = mf;
		for (i = 0; i < s->nsegments; i++) {
			const struct pg_segment *g = &s->segments[i];
			name_cell(r, &t, g->name, g->id, g->line);
			tb_cell(r, &t, g->share.text ? sfmt(r, "%s%%",
			    g->share.text) : "", g->line, &r->tright);
			tb_prose(r, &t, &g->text, NULL);
		}
		tb_end(r, &t);
	}
	if (s->competitors_line != 0 && s->ncompetitors > 0) {
		static const double mf[4] = { 0.16, 0.08, 0.1, 0.4 };
		heading2(r, "situation.competitors");
		tb_begin_keys(r, &t, 4, (const char *const []){
		    "col.competitor", "col.share", "col.competitor-sales",
		    "col.description" });
		t.min_frac = mf;
		for (i = 0; i < s->ncompetitors; i++) {
			const struct pg_competitor *c = &s->competitors[i];
			name_cell(r, &t, c->name, c->id, c->line);
			tb_cell(r, &t, c->share.text ? sfmt(r, "%s%%",
			    c->share.text) : "", c->line, &r->tright);
			tb_cell(r, &t, fmt_num(r, c->sales.text), c->line,
			    &r->tright);
			tb_prose(r, &t, &c->text, NULL);
		}
		tb_end(r, &t);
	}
	if (s->performance.line != 0) {
		heading2(r, "situation.performance");
		prose(r, &s->performance);
	}
	if (s->events.line != 0) {
		heading2(r, "situation.events");
		prose(r, &s->events);
	}
	if (s->posmap.line != 0) {
		const struct pg_posmap *m = &s->posmap;
		keep_room(r, posmap_h(r) + r->t->size_h2 * 3);
		heading2(r, "situation.positioning-map");
		chk(r, m->x, m->line);
		chk(r, m->y, m->line);
		chk(r, m->x_low, m->line);
		chk(r, m->x_high, m->line);
		chk(r, m->y_low, m->line);
		chk(r, m->y_high, m->line);
		fig_chart(r, pg_fig_posmap_height, pg_fig_posmap);
		if (!r->fig)
		{
			/* without the map, say what the axes mean */
			const char *ax[2], *lo[2], *hi[2];
			int k;
			ax[0] = m->x; lo[0] = m->x_low; hi[0] = m->x_high;
			ax[1] = m->y; lo[1] = m->y_low; hi[1] = m->y_high;
			for (k = 0; k < 2; k++)
				if (ax[k] != NULL)
					text_para(r, lo[k] || hi[k] ? sfmt(r,
					    r->zh ? "%s：%s → %s" : "%s: %s → %s",
					    ax[k], lo[k] ? lo[k] : "", hi[k] ? hi[k] : "") :
					    ax[k], m->line, &r->caption);
		}
		h[0] = L(r, "col.brand");
		h[1] = m->x ? m->x : "x";
		h[2] = m->y ? m->y : "y";
		tb_begin(r, &t, 3, h);
		for (i = 0; i < m->npositions; i++) {
			const struct pg_position *ps = &m->positions[i];
			const char *name = ps->label;
			if (name == NULL)
				name = ps->competitor ? competitor_name(r,
				    ps->competitor) : L(r, ps->own == PG_OWN_TARGET ?
				    "own.target" : "own.current");
			tb_cell(r, &t, name, ps->line, ps->own ? &r->tbold : NULL);
			tb_cell(r, &t, ps->x.text, ps->line, &r->tright);
			tb_cell(r, &t, ps->y.text, ps->line, &r->tright);
		}
		tb_end(r, &t);
	}
}

static void
sec_swot(struct rs *r)
{
	const struct pg_swot *s = &r->p->swot;
	static const char *const keys[4] = { "swot.strength", "swot.weakness",
		"swot.opportunity", "swot.threat" };
	struct tb	 t;
	const char	*h[2];
	int		 q, half;

	heading1(r, "swot.heading");
	if (fig_swot(r) == 0)
		return;
	/* The 2x2 grid as two two-column tables: S|W, then O|T. */
	for (half = 0; half < 2; half++) {
		struct pg_run	*col[2];
		size_t		 n[2] = { 0, 0 }, i;
		h[0] = L(r, keys[half * 2]);
		h[1] = L(r, keys[half * 2 + 1]);
		tb_begin(r, &t, 2, h);
		t.no_stripe = 1;
		for (q = 0; q < 2; q++) {
			enum pg_swot_kind k = (enum pg_swot_kind)(half * 2 + q);
			size_t cnt = 0, o = 0;
			for (i = 0; i < s->nitems; i++)
				cnt += s->items[i].kind == k;
			col[q] = palloc(r, (cnt * 4 + 1) * sizeof(struct pg_run));
			if (col[q] == NULL)
				return;
			for (i = 0; i < s->nitems; i++) {
				const struct pg_swot_item *it = &s->items[i];
				if (it->kind != k)
					continue;
				chk(r, it->text, it->line);
				if (o > 0)
					col[q][o++] = (struct pg_run){ "\n", 0 };
				col[q][o++] = (struct pg_run){ sfmt(r, "%s  ",
				    it->id), PG_STYLE_STRONG };
				col[q][o++] = (struct pg_run){ it->text, 0 };
			}
			if (o == 0)
				col[q][o++] = (struct pg_run){ "—", 0 };
			n[q] = o;
		}
		tb_cellv(r, &t, col[0], n[0], NULL);
		tb_cellv(r, &t, col[1], n[1], NULL);
		{
			static const double mf[2] = { 0.5, 0.5 };
			t.min_frac = mf;
		}
		tb_end(r, &t);
	}
}

/* The space between a number and its unit: none before "%" or a CJK unit. */
static const char *
unit_sep(const char *unit)
{
	size_t i = 0;

	if (unit == NULL || *unit == '\0' || strcmp(unit, "%") == 0)
		return "";
	return pg_is_cjk(utf8_next(unit, strlen(unit), &i)) ? "" : " ";
}

static const char *
goal_extra(struct rs *r, const struct pg_goal *g)
{
	const char *s = "";

	if (g->type != PG_GOAL_NONE)
		s = L(r, g->type == PG_GOAL_STRATEGIC ? "goal-type.strategic" :
		    "goal-type.quantitative");
	if (g->parent)
		s = sfmt(r, "%s%s%s%s%s", s, *s ? " · " : "", L(r, "col.parent"),
		    COLON(r), g->parent);
	if (g->addresses.n > 0)
		s = sfmt(r, "%s%s%s%s%s", s, *s ? " · " : "",
		    L(r, "col.addresses"), COLON(r), refs(r, &g->addresses));
	return s;
}

static void
sec_goals(struct rs *r)
{
	const struct pg_goals *gs = &r->p->goals;
	static const double mf[6] = { 0.06, 0.3, 0.12, 0.12, 0.1, 0.08 };
	struct tb	 t;
	size_t		 i;
	int		 notes = 0;

	heading1(r, "goals.heading");
	tb_begin_keys(r, &t, 6, (const char *const []){
	    "col.id", "col.goal", "col.metric", "col.baseline-target",
	    "col.due", "col.owner" });
	t.min_frac = mf;
	for (i = 0; i < gs->n; i++) {
		const struct pg_goal *g = &gs->v[i];
		const struct pg_metric *m = &g->metric;
		const char *extra = goal_extra(r, g), *bt = "";
		struct pg_run *v = palloc(r, 3 * sizeof(*v));
		if (v == NULL)
			return;
		chk(r, g->statement.s, g->statement.line);
		v[0] = (struct pg_run){ g->statement.s ? g->statement.s : "", 0 };
		v[1] = (struct pg_run){ *extra ? sfmt(r, "\n%s", extra) : "",
		    r->zh ? 0 : PG_STYLE_EM };
		tb_cell(r, &t, g->id, g->line, &r->tbold);
		tb_cellv(r, &t, v, *extra ? 2 : 1, NULL);
		if (m->line != 0) {
			chk(r, m->name, m->line);
			chk(r, m->unit, m->line);
			const char *sp = unit_sep(m->unit);
			if (m->baseline.text && m->target.text)
				bt = sfmt(r, "%s → %s%s%s", fmt_num(r, m->baseline.text),
				    fmt_num(r, m->target.text), sp,
				    m->unit ? m->unit : "");
			else if (m->target.text)
				bt = sfmt(r, "→ %s%s%s", fmt_num(r, m->target.text),
				    sp, m->unit ? m->unit : "");
		}
		tb_cell(r, &t, m->line ? m->name : "", m->line, NULL);
		tb_cell(r, &t, bt, m->line, NULL);
		tb_cell(r, &t, fmt_sdate(r, g->due), g->line, NULL);
		tb_cell(r, &t, g->owner, g->line, NULL);
		notes += g->note.line != 0;
	}
	tb_end(r, &t);
	if (notes == 0)
		return;
	heading2(r, "goals.notes");
	for (i = 0; i < gs->n; i++) {
		const struct pg_goal *g = &gs->v[i];
		size_t b, k;
		if (g->note.line == 0)
			continue;
		chk_prose(r, &g->note);
		for (b = 0; b < g->note.nblocks; b++) {
			const struct pg_block *bl = &g->note.blocks[b];
			if (bl->kind == PG_BLOCK_P && b == 0)
				lead_para(r, sfmt(r, "%s  ", g->id), xruns(r,
				    bl->para.runs, bl->para.nruns),
				    bl->para.nruns, &r->body);
			else if (bl->kind == PG_BLOCK_P)
				lcheck(r, pg_layout_para(r->l, xruns(r,
				    bl->para.runs, bl->para.nruns), bl->para.nruns,
				    &r->body));
			else {
				if (b == 0)
					lead_para(r, g->id, NULL, 0, &r->body);
				for (k = 0; k < bl->nitems; k++)
					lcheck(r, pg_layout_item(r->l,
					    xruns(r, bl->items[k].runs,
					    bl->items[k].nruns), bl->items[k].nruns,
					    &r->item));
			}
		}
	}
}

/* The blueprint as a swimlane table: lanes as rows, steps as columns. */
static void
blueprint_table(struct rs *r, const struct pg_blueprint *bp)
{
	static const char *const lanes[6] = { "blueprint.evidence",
		"blueprint.customer", "blueprint.frontstage",
		"blueprint.backstage", "blueprint.support", "blueprint.fail-point" };
	const size_t	 per = r->t->page_w > r->t->page_h ? 7 : 5;
	size_t		 first, i, lane;

	for (first = 0; first < bp->nsteps; first += per) {
		size_t n = bp->nsteps - first < per ? bp->nsteps - first : per;
		const char **h = palloc(r, (n + 1) * sizeof(*h));
		struct tb t;
		if (h == NULL)
			return;
		h[0] = "";
		for (i = 0; i < n; i++) {
			const struct pg_step *st = &bp->steps[first + i];
			chk(r, st->name, st->line);
			h[i + 1] = sfmt(r, "%zu  %s", first + i + 1, st->name);
		}
		tb_begin(r, &t, n + 1, h);
		for (lane = 0; lane < 6; lane++) {
			struct pg_cell *c = tb_cell(r, &t, L(r, lanes[lane]), 0,
			    &r->tbold);
			if (c && lane == 5) {
				c->ts = &r->tbold;
			}
			for (i = 0; i < n; i++) {
				const struct pg_step *st = &bp->steps[first + i];
				const struct pg_text *tx = NULL;
				switch (lane) {
				case 0: tx = &st->evidence; break;
				case 1: tx = &st->customer; break;
				case 2: tx = &st->frontstage; break;
				case 3: tx = &st->backstage; break;
				case 4: tx = &st->support; break;
				}
				if (tx != NULL) {
					tb_cell(r, &t, tx->s ? tx->s : "", tx->line,
					    NULL);
				} else if (st->fail_point.line != 0) {
					const struct pg_fail_point *fp = &st->fail_point;
					struct pg_run *v = palloc(r, 3 * sizeof(*v));
					if (v == NULL)
						return;
					chk(r, fp->text, fp->line);
					chk(r, fp->recovery.s, fp->recovery.line);
					v[0] = (struct pg_run){ fp->text ? fp->text : "", 0 };
					v[1] = (struct pg_run){ fp->recovery.s ?
					    sfmt(r, "\n%s%s", L(r, "blueprint.recovery"), COLON(r)) :
					    "", PG_STYLE_STRONG };
					v[2] = (struct pg_run){ fp->recovery.s ?
					    fp->recovery.s : "", 0 };
					c = tb_cellv(r, &t, v, fp->recovery.s ? 3 : 1, NULL);
				} else
					tb_cell(r, &t, "", 0, NULL);
			}
		}
		tb_end(r, &t);
	}
}

static void
sec_strategy(struct rs *r)
{
	const struct pg_strategy *s = &r->p->strategy;
	struct tb	 t;
	size_t		 i;

	heading1(r, "strategy.heading");
	heading2(r, "strategy.positioning");
	prose(r, &s->positioning);
	heading2(r, "strategy.target-customers");
	prose(r, &s->target_customers);
	if (s->target_competitors.line != 0) {
		heading2(r, "strategy.target-competitors");
		prose(r, &s->target_competitors);
	}
	heading2(r, "strategy.core");
	prose(r, &s->core);
	if (s->mix_line != 0) {
		static const double mf[2] = { 0.18, 0.6 };
		heading2(r, "strategy.mix");
		tb_begin_keys(r, &t, 2, (const char *const []){
		    "col.element", "col.approach" });
		t.min_frac = mf;
		for (i = 0; i < PG_MIX_N; i++) {
			if (s->mix[i].line == 0)
				continue;
			tb_cell(r, &t, enum_label(r, "mix", pg_mix_names[i]), 0,
			    &r->tbold);
			tb_prose(r, &t, &s->mix[i], NULL);
		}
		tb_end(r, &t);
	}
	if (s->quality_line != 0 && s->ndimensions > 0) {
		static const double mf[2] = { 0.18, 0.6 };
		heading2(r, "strategy.service-quality");
		tb_begin_keys(r, &t, 2, (const char *const []){
		    "col.dimension", "col.standard" });
		t.min_frac = mf;
		for (i = 0; i < s->ndimensions; i++) {
			tb_cell(r, &t, enum_label(r, "servqual",
			    pg_servqual_names[s->dimensions[i].name]), 0, &r->tbold);
			tb_prose(r, &t, &s->dimensions[i].text, NULL);
		}
		tb_end(r, &t);
	}
	if (s->blueprint.line != 0 && s->blueprint.nsteps > 0) {
		keep_room(r, blueprint_h(r) + r->t->size_h2 * 3 +
		    r->body.leading * 2);
		heading2(r, "strategy.blueprint");
		if (s->blueprint.service) {
			chk(r, s->blueprint.service, s->blueprint.line);
			lead_para(r, s->blueprint.service, NULL, 0, &r->body);
		}
		if (fig_blueprint(r) != 0)
			blueprint_table(r, &s->blueprint);
	}
}

static void
sec_actions(struct rs *r)
{
	const struct pg_actions *as = &r->p->actions;
	static const double mf[6] = { 0.06, 0.3, 0.1, 0.14, 0.07, 0.08 };
	struct tb	 t;
	size_t		 i;
	int		 details = 0;

	heading1(r, "actions.heading");
	tb_begin_keys(r, &t, 6, (const char *const []){
	    "col.id", "col.action", "col.owner", "col.dates", "col.goals",
	    "col.category" });
	t.min_frac = mf;
	for (i = 0; i < as->n; i++) {
		const struct pg_action *a = &as->v[i];
		tb_cell(r, &t, a->id, a->line, &r->tbold);
		tb_cell(r, &t, a->title.s, a->title.line, NULL);
		tb_cell(r, &t, a->owner, a->line, NULL);
		tb_cell(r, &t, fmt_range(r, a->start, a->end), a->line, NULL);
		tb_cell(r, &t, refs(r, &a->goals), a->line, NULL);
		tb_cell(r, &t, enum_label(r, "category",
		    pg_category_names[a->category]), a->line, NULL);
		details += a->description.line != 0 || a->measure.s != NULL;
	}
	tb_end(r, &t);
	fig_timeline(r);
	if (details == 0)
		return;
	heading2(r, "actions.details");
	for (i = 0; i < as->n; i++) {
		const struct pg_action *a = &as->v[i];
		if (a->description.line == 0 && a->measure.s == NULL)
			continue;
		/* the lead is a paragraph: keep it with what follows */
		keep_room(r, r->lead.space_before + r->lead.leading * 2 +
		    r->body.leading * 2.5);
		lead_para(r, sfmt(r, "%s  %s", a->id, a->title.s ? a->title.s : ""),
		    NULL, 0, &r->lead);
		prose(r, &a->description);
		if (a->measure.s != NULL) {
			struct pg_run *v = palloc(r, 2 * sizeof(*v));
			if (v == NULL)
				return;
			chk(r, a->measure.s, a->measure.line);
			v[0] = (struct pg_run){ sfmt(r, "%s%s",
			    L(r, "actions.measure"), COLON(r)), PG_STYLE_STRONG };
			v[1] = (struct pg_run){ a->measure.s, 0 };
			lcheck(r, pg_layout_para(r->l, v, 2, &r->body));
		}
	}
}

static void
sec_budget(struct rs *r)
{
	const struct pg_budget *b = &r->p->budget;
	static const double mf[4] = { 0.14, 0.4, 0.08, 0.14 };
	struct tb	 t;
	const char	*h[4], **cats;
	int64_t		*sub, total = 0;
	size_t		*cnt, ncat = 0, i, c, k;
	int		 cents = 0, over = 0;
	char		 buf[64];

	heading1(r, "budget.heading");
	cats = palloc(r, (b->nlines + 1) * sizeof(*cats));
	sub = palloc(r, (b->nlines + 1) * sizeof(*sub));
	cnt = palloc(r, (b->nlines + 1) * sizeof(*cnt));
	if (cats == NULL || sub == NULL || cnt == NULL)
		return;
	/* Categories in order of first appearance, with exact subtotals. */
	for (i = 0; i < b->nlines; i++) {
		const struct pg_budget_line *bl = &b->lines[i];
		for (c = 0; c < ncat; c++)
			if (strcmp(cats[c], bl->category) == 0)
				break;
		if (c == ncat)
			cats[ncat++] = bl->category;
		cnt[c]++;
		if (pg_money_add(sub[c], bl->amount.minor, &sub[c]) != 0 ||
		    pg_money_add(total, bl->amount.minor, &total) != 0)
			over = 1;
		cents |= bl->amount.minor % 100 != 0;
	}
	if (b->contingency_line != 0) {
		if (pg_money_add(total, b->contingency.minor, &total) != 0)
			over = 1;
		cents |= b->contingency.minor % 100 != 0;
	}
	h[0] = L(r, "col.category");
	h[1] = L(r, "col.item");
	h[2] = L(r, "col.action");
	h[3] = sfmt(r, r->zh ? "%s（%s）" : "%s (%s)", L(r, "col.amount"),
	    r->p->currency);
	tb_begin(r, &t, 4, h);
	t.min_frac = mf;
	t.no_stripe = 1;
	for (c = 0; c < ncat; c++) {
		for (i = 0, k = 0; i < b->nlines; i++) {
			const struct pg_budget_line *bl = &b->lines[i];
			if (strcmp(bl->category, cats[c]) != 0)
				continue;
			tb_cell(r, &t, k == 0 ? bl->category : "", bl->line,
			    &r->tbold);
			tb_cell(r, &t, bl->text, bl->line, NULL);
			tb_cell(r, &t, bl->action, bl->line, NULL);
			tb_cell(r, &t, sfmt(r, "%s", pg_fmt_amount(bl->amount.minor,
			    cents, buf, sizeof(buf))), bl->line, &r->tright);
			k++;
		}
		if (cnt[c] > 1) {
			struct pg_cell *x[4];
			x[0] = tb_cell(r, &t, "", 0, NULL);
			x[1] = tb_cell(r, &t, sfmt(r, "%s · %s",
			    L(r, "budget.subtotal"), cats[c]), 0, &r->tbold);
			x[2] = tb_cell(r, &t, "", 0, NULL);
			x[3] = tb_cell(r, &t, over ? "—" : sfmt(r, "%s",
			    pg_fmt_amount(sub[c], cents, buf, sizeof(buf))), 0,
			    &r->tbright);
			for (i = 1; i < 4; i++)
				if (x[i]) { x[i]->fill = r->t->c_stripe; x[i]->has_fill = 1; }
		}
	}
	if (b->contingency_line != 0) {
		tb_cell(r, &t, L(r, "budget.contingency"), b->contingency_line,
		    &r->tbold);
		tb_cell(r, &t, b->contingency_text ? b->contingency_text : "",
		    b->contingency_line, NULL);
		tb_cell(r, &t, "", 0, NULL);
		tb_cell(r, &t, sfmt(r, "%s", pg_fmt_amount(b->contingency.minor,
		    cents, buf, sizeof(buf))), b->contingency_line, &r->tright);
	}
	{
		struct pg_cell *x[4];
		x[0] = tb_cell(r, &t, L(r, "budget.total"), b->line, &r->thead);
		x[1] = tb_cell(r, &t, "", 0, &r->thead);
		x[2] = tb_cell(r, &t, "", 0, &r->thead);
		x[3] = tb_cell(r, &t, over ? "—" : sfmt(r, "%s",
		    pg_fmt_amount(total, cents, buf, sizeof(buf))), b->line,
		    &r->theadr);
		for (i = 0; i < 4; i++)
			if (x[i]) { x[i]->fill = r->t->c_head; x[i]->has_fill = 1; }
	}
	tb_end(r, &t);
	if (b->total.set && !over && b->total.minor != total) {
		char b2[64];
		text_para(r, sfmt(r, "%s%s%s %s", L(r, "budget.stated-total"), COLON(r),
		    pg_fmt_amount(b->total.minor, 1, b2, sizeof(b2)),
		    r->p->currency), b->line, &r->body);
	}
	fig_chart(r, pg_fig_budget_height, pg_fig_budget);
}

static void
sec_controls(struct rs *r)
{
	const struct pg_controls *c = &r->p->controls;
	struct tb	 t;
	size_t		 i;

	if (c->line == 0)
		return;
	heading1(r, "controls.heading");
	if (c->nkpis > 0) {
		static const double mf[5] = { 0.3, 0.07, 0.12, 0.1, 0.1 };
		heading2(r, "controls.kpis");
		tb_begin_keys(r, &t, 5, (const char *const []){
		    "col.kpi", "col.goal", "col.target", "col.frequency",
		    "col.owner" });
		t.min_frac = mf;
		for (i = 0; i < c->nkpis; i++) {
			const struct pg_kpi *k = &c->kpis[i];
			tb_cell(r, &t, k->text, k->line, NULL);
			tb_cell(r, &t, k->goal, k->line, &r->tbold);
			tb_cell(r, &t, k->target, k->line, NULL);
			tb_cell(r, &t, enum_label(r, "frequency",
			    pg_frequency_names[k->frequency]), k->line, NULL);
			tb_cell(r, &t, k->owner, k->line, NULL);
		}
		tb_end(r, &t);
	}
	if (c->nmilestones > 0) {
		static const double mf[3] = { 0.16, 0.5, 0.1 };
		heading2(r, "controls.milestones");
		tb_begin_keys(r, &t, 3, (const char *const []){
		    "col.date", "col.milestone", "col.goals" });
		t.min_frac = mf;
		for (i = 0; i < c->nmilestones; i++) {
			const struct pg_milestone *m = &c->milestones[i];
			tb_cell(r, &t, fmt_sdate(r, m->date), m->line, &r->tbold);
			tb_cell(r, &t, m->text, m->line, NULL);
			tb_cell(r, &t, refs(r, &m->goals), m->line, NULL);
		}
		tb_end(r, &t);
	}
	if (c->nreviews > 0) {
		static const double mf[2] = { 0.2, 0.6 };
		heading2(r, "controls.reviews");
		tb_begin_keys(r, &t, 2, (const char *const []){
		    "col.cadence", "col.review" });
		t.min_frac = mf;
		for (i = 0; i < c->nreviews; i++) {
			tb_cell(r, &t, c->reviews[i].cadence, c->reviews[i].line,
			    &r->tbold);
			tb_cell(r, &t, c->reviews[i].text, c->reviews[i].line, NULL);
		}
		tb_end(r, &t);
	}
	if (c->nrisks > 0) {
		static const double mf[4] = { 0.3, 0.08, 0.08, 0.3 };
		heading2(r, "controls.risks");
		tb_begin_keys(r, &t, 4, (const char *const []){
		    "col.risk", "col.likelihood", "col.impact",
		    "col.mitigation" });
		t.min_frac = mf;
		for (i = 0; i < c->nrisks; i++) {
			const struct pg_risk *k = &c->risks[i];
			tb_cell(r, &t, k->text, k->line, NULL);
			tb_cell(r, &t, enum_label(r, "level",
			    pg_level_names[k->likelihood]), k->line, NULL);
			tb_cell(r, &t, enum_label(r, "level",
			    pg_level_names[k->impact]), k->line, NULL);
			tb_cell(r, &t, k->mitigation.s, k->mitigation.line, NULL);
		}
		tb_end(r, &t);
	}
}

static void
sec_findings(struct rs *r)
{
	const struct pg_diags *d = r->o->findings;
	struct tb	 t;
	size_t		 i, n = 0;
	static const double mf[4] = { 0.06, 0.08, 0.24, 0.45 };

	lcheck(r, pg_layout_new_page(r->l));
	lcheck(r, pg_layout_heading(r->l, 0, L(r, "draft.findings"), &r->h1));
	for (i = 0; d != NULL && i < d->n; i++)
		n += !d->v[i].accepted;
	if (n == 0) {
		text_para(r, L(r, "draft.none"), 0, &r->body);
		return;
	}
	tb_begin_keys(r, &t, 4, (const char *const []){
	    "col.line", "col.severity", "col.rule", "col.finding" });
	t.min_frac = mf;
	for (i = 0; i < d->n; i++) {
		const struct pg_diag *g = &d->v[i];
		if (g->accepted)
			continue;
		tb_cell(r, &t, g->line ? sfmt(r, "%lu", g->line) : "", 0,
		    &r->tright);
		tb_cell(r, &t, L(r, g->sev == PG_ERROR ? "severity.error" :
		    "severity.warning"), 0, g->sev == PG_ERROR ? &r->tbold : NULL);
		tb_cell(r, &t, g->rule, 0, NULL);
		tb_cell(r, &t, g->msg, 0, NULL);
	}
	tb_end(r, &t);
}

/* ---- cover, contents, header and footer -------------------------------- */

/* Pixel size of a PNG or JPEG; 0 if unknown. */
static int
image_size(const char *path, double *w, double *h)
{
	unsigned char	 b[32];
	FILE		*f = fopen(path, "rb");
	int		 ok = 0;

	if (f == NULL)
		return 0;
	if (fread(b, 1, 24, f) == 24 && memcmp(b, "\x89PNG", 4) == 0) {
		*w = (b[16] << 24 | b[17] << 16 | b[18] << 8 | b[19]);
		*h = (b[20] << 24 | b[21] << 16 | b[22] << 8 | b[23]);
		ok = *w > 0 && *h > 0;
	} else if (b[0] == 0xff && b[1] == 0xd8) {
		long pos = 2;
		while (!ok && fseek(f, pos, SEEK_SET) == 0 &&
		    fread(b, 1, 9, f) == 9 && b[0] == 0xff) {
			int len = b[2] << 8 | b[3];
			if (b[1] >= 0xc0 && b[1] <= 0xcf && b[1] != 0xc4 &&
			    b[1] != 0xc8 && b[1] != 0xcc) {
				*h = b[5] << 8 | b[6];
				*w = b[7] << 8 | b[8];
				ok = *w > 0 && *h > 0;
			}
			pos += 2 + len;
		}
	}
	fclose(f);
	return ok;
}

static void
cover(struct rs *r)
{
	const struct pg_meta	*m = &r->p->meta;
	const struct pg_template *t = r->t;
	const double		 W = t->page_w, H = t->page_h;
	const double		 x = t->margin_left, w = W - t->margin_left - t->margin_right;
	const struct pg_color	 white = { 255, 255, 255 };
	struct pg_color		 soft;
	double			 y, ty, lead = t->size_cover * 1.18, th, sh;
	double			 band = H * (W > H ? 0.5 : 0.44);
	const char		*rows[6][2];
	int			 n = 0, i;
	char			 d1[64], d2[64];

	soft.r = (uint8_t)((t->c_primary.r + 3 * 255) / 4);
	soft.g = (uint8_t)((t->c_primary.g + 3 * 255) / 4);
	soft.b = (uint8_t)((t->c_primary.b + 3 * 255) / 4);
	/* The band grows with a long title; its foot holds the title. */
	th = draw_wrapped(r, 0, x, 0, w, m->title.s, PG_STYLE_STRONG,
	    t->size_cover, lead, white, PG_ALIGN_LEFT, 1);
	sh = m->subtitle.s ? draw_wrapped(r, 0, x, 0, w, m->subtitle.s, 0,
	    t->size_h2 * 1.2, t->size_h2 * 1.6, white, PG_ALIGN_LEFT, 1) +
	    t->size_h2 : 0;
	if (band < t->margin_top + t->size_h2 * 4 + th + sh + 36)
		band = t->margin_top + t->size_h2 * 4 + th + sh + 36;
	if (band > H * 0.75)
		band = H * 0.75;
	add_rect(r, 0, 0, 0, W, band, t->c_primary);
	add_rect(r, 0, 0, band, W, 5, t->c_accent);
	chk(r, m->organization.s, m->organization.line);
	chk(r, m->title.s, m->title.line);
	chk(r, m->subtitle.s, m->subtitle.line);
	chk(r, m->author.s, m->author.line);
	draw_wrapped(r, 0, x, t->margin_top + t->size_h2, w * 0.7,
	    m->organization.s, PG_STYLE_STRONG, t->size_h2, t->size_h2 * 1.3,
	    white, PG_ALIGN_LEFT, 0);
	if (t->logo != NULL) {
		double iw = 0, ih = 0, lw = t->logo_w, lh;
		if (image_size(t->logo, &iw, &ih)) {
			struct pg_box b;
			lh = lw * ih / iw;
			memset(&b, 0, sizeof(b));
			b.kind = PG_BOX_IMAGE;
			b.x = W - t->margin_right - lw;
			b.y = t->margin_top;
			b.w = lw;
			b.h = lh;
			b.path = t->logo;
			if (pg_frames_add(r->f, 0, &b) == NULL)
				r->oom = 1;
		}
	}
	/* Title and subtitle sit at the foot of the band. */
	{
		ty = band - 36 - sh - th + t->size_cover;
		y = draw_wrapped(r, 0, x, ty, w, m->title.s, PG_STYLE_STRONG,
		    t->size_cover, lead, white, PG_ALIGN_LEFT, 0);
		if (m->subtitle.s)
			draw_wrapped(r, 0, x, y - lead + t->size_h2 * 2.4, w,
			    m->subtitle.s, 0, t->size_h2 * 1.2, t->size_h2 * 1.6,
			    soft, PG_ALIGN_LEFT, 0);
	}
	/* The facts of the document below the band. */
	rows[n][0] = L(r, "cover.period");
	rows[n++][1] = sfmt(r, "%s%s%s", pg_fmt_date(m->period_start, r->lang,
	    d1, sizeof(d1)), L(r, "cover.period-sep"),
	    pg_fmt_date(m->period_end, r->lang, d2, sizeof(d2)));
	if (m->author.s) {
		rows[n][0] = L(r, "cover.author");
		rows[n++][1] = m->author.s;
	}
	if (m->date.y) {
		rows[n][0] = L(r, "cover.date");
		rows[n++][1] = fmt_date(r, m->date);
	}
	if (m->status) {
		rows[n][0] = L(r, "cover.status");
		rows[n++][1] = enum_label(r, "status",
		    pg_status_names[m->status]);
	}
	if (m->confidentiality) {
		rows[n][0] = L(r, "cover.confidentiality");
		rows[n++][1] = enum_label(r, "confidentiality",
		    pg_confidentiality_names[m->confidentiality]);
	}
	y = band + 5 + t->size_body * 4;
	for (i = 0; i < n; i++) {
		draw_text(r, 0, x, y, rows[i][0], 0, t->size_body * 0.9, t->c_muted);
		y = draw_wrapped(r, 0, x + w * 0.28, y, w * 0.72, rows[i][1],
		    PG_STYLE_STRONG, t->size_body * 1.1, t->size_body * 1.5,
		    t->c_text, PG_ALIGN_LEFT, 0) + t->size_body * 0.7;
	}
	if (m->confidentiality >= PG_CONF_CONFIDENTIAL) {
		const char *cl = enum_label(r, "confidentiality",
		    pg_confidentiality_names[m->confidentiality]);
		double cw = text_w(r, cl, PG_STYLE_STRONG, t->size_h2);
		draw_text(r, 0, W - t->margin_right - cw, H - t->margin_bottom,
		    cl, PG_STYLE_STRONG, t->size_h2, t->c_accent);
	}
}

/*
 * Draw (or only count, if measure) the contents on pages 1..; returns the
 * number of pages the contents need.
 */
static int
contents(struct rs *r, int measure)
{
	const struct pg_template *t = r->t;
	const int	 ncols = t->page_w > t->page_h ? 2 : 1;
	const double	 gap = 28;
	const double	 colw = (t->page_w - t->margin_left - t->margin_right -
			    gap * (ncols - 1)) / ncols;
	const double	 bottom = t->page_h - t->margin_bottom;
	double		 y, ytop, x, right;
	int		 page = 1, col = 0;
	size_t		 i;

	y = t->margin_top + t->size_h1;
	if (!measure)
		draw_text(r, page, t->margin_left, y, L(r, "toc.heading"),
		    PG_STYLE_STRONG, t->size_h1, t->c_primary);
	y += t->size_h1 * 1.2;
	ytop = y;
	for (i = r->first_outline; i < r->f->noutlines; i++) {
		const struct pg_outline *o = &r->f->outlines[i];
		int lvl0 = o->level == 0;
		double size = lvl0 ? t->size_body * 1.05 : t->size_body * 0.95;
		double step = lvl0 ? size * 2.1 : size * 1.65;
		double indent = lvl0 ? 0 : size * 2.2;
		unsigned style = lvl0 ? PG_STYLE_STRONG : 0;
		struct pg_color c = lvl0 ? t->c_primary : t->c_text;
		const char *num;
		double tw, nw;

		if (y + step > bottom) {
			if (++col == ncols) {
				col = 0;
				page++;
				ytop = t->margin_top;
			}
			y = ytop + step;
		} else
			y += step;
		if (measure)
			continue;
		x = t->margin_left + col * (colw + gap);
		right = x + colw;
		num = sfmt(r, "%d", o->page + 1);
		nw = text_w(r, num, style, size);
		tw = draw_text(r, page, x + indent, y, o->title, style, size, c);
		draw_text(r, page, right - nw, y, num, style, size, c);
		if (x + indent + tw + 6 < right - nw - 6)
			add_line(r, page, x + indent + tw + 6, y, right - nw - 6 -
			    (x + indent + tw + 6), 0, t->c_rule, 0.6, PG_BOXF_DASH);
		{
			struct pg_box b;
			memset(&b, 0, sizeof(b));
			b.kind = PG_BOX_LINK;
			b.x = x + indent;
			b.y = y - size;
			b.w = right - x - indent;
			b.h = size * 1.4;
			b.dest_page = o->page;
			b.dest_y = o->y > 12 ? o->y - 12 : 0;
			if (pg_frames_add(r->f, page, &b) == NULL)
				r->oom = 1;
		}
	}
	return page;
}

/* Replace {placeholders} in a header or footer template. */
static const char *
expand(struct rs *r, const char *tpl, int page)
{
	const struct pg_meta *m = &r->p->meta;
	size_t	 cap = 256, n = 0;
	char	*out;
	const char *s;

	if (tpl == NULL)
		return "";
	for (s = tpl; *s; s++)
		cap += 1;
	cap += (m->title.s ? strlen(m->title.s) : 0) * 4 +
	    (m->organization.s ? strlen(m->organization.s) : 0) * 4;
	if ((out = palloc(r, cap)) == NULL)
		return "";
	for (s = tpl; *s && n + 1 < cap; ) {
		const char *v = NULL;
		size_t k;
		if (*s == '{') {
			const char *e = strchr(s, '}');
			if (e != NULL) {
				size_t kl = (size_t)(e - s - 1);
				if (kl == 5 && strncmp(s + 1, "title", 5) == 0)
					v = m->title.s;
				else if (kl == 12 && strncmp(s + 1, "organization", 12) == 0)
					v = m->organization.s;
				else if (kl == 4 && strncmp(s + 1, "page", 4) == 0)
					v = sfmt(r, "%d", page + 1);
				else if (kl == 5 && strncmp(s + 1, "pages", 5) == 0)
					v = sfmt(r, "%zu", r->f->npages);
				else if (kl == 4 && strncmp(s + 1, "date", 4) == 0)
					v = m->date.y ? fmt_date(r, m->date) : "";
				else if (kl == 15 && strncmp(s + 1, "confidentiality", 15) == 0)
					v = m->confidentiality ? enum_label(r,
					    "confidentiality", pg_confidentiality_names[
					    m->confidentiality]) : "";
				if (v != NULL) {
					for (k = 0; v[k] && n + 1 < cap; k++)
						out[n++] = v[k];
					s = e + 1;
					continue;
				}
			}
		}
		out[n++] = *s++;
	}
	out[n] = '\0';
	/* Trim separators left dangling by empty placeholders. */
	while (n > 0 && (out[n - 1] == ' ' || (n >= 2 &&
	    (unsigned char)out[n - 2] == 0xc2 && (unsigned char)out[n - 1] == 0xb7))) {
		if (out[n - 1] == ' ')
			out[--n] = '\0';
		else {
			n -= 2;
			out[n] = '\0';
		}
	}
	while (out[0] == ' ' || ((unsigned char)out[0] == 0xc2 &&
	    (unsigned char)out[1] == 0xb7))
		memmove(out, out + (out[0] == ' ' ? 1 : 2), strlen(out) + 1);
	return out;
}

/* s cut to at most maxw pt wide, with "…" if anything was cut. */
static const char *
fit_text(struct rs *r, const char *s, double size, double maxw)
{
	size_t	 len = strlen(s), i = 0, last = 0;
	char	*out;

	if (text_w(r, s, 0, size) <= maxw)
		return s;
	if ((out = palloc(r, len + 4)) == NULL)
		return "";
	while (i < len) {
		size_t j = i;
		utf8_next(s, len, &j);
		memcpy(out, s, j);
		memcpy(out + j, "…", 4);
		if (text_w(r, out, 0, size) > maxw)
			break;
		last = j;
		i = j;
	}
	memcpy(out, s, last);
	memcpy(out + last, "…", 4);
	return out;
}

static void
bands(struct rs *r)
{
	const struct pg_template *t = r->t;
	const double	 x0 = t->margin_left, x1 = t->page_w - t->margin_right;
	const double	 hy = t->margin_top * 0.55;
	const double	 fy = t->page_h - t->margin_bottom * 0.42;
	const double	 size = t->size_band;
	const char	*mark = L(r, "draft.mark");
	size_t		 pg;
	int		 s;

	for (pg = 0; pg < r->f->npages; pg++) {
		int page = (int)pg;
		if (r->o->draft) {
			/* a badge, white on the draft colour: visible on the
			 * cover's band and on white pages alike */
			static const struct pg_color white = { 255, 255, 255 };
			double ms = size * 1.5;
			double mw = text_w(r, mark, PG_STYLE_STRONG, ms);
			double pad = ms * 0.5;
			add_rect(r, page, (t->page_w - mw) / 2 - pad,
			    hy - ms * 1.05, mw + 2 * pad, ms * 1.45, t->c_draft);
			draw_text(r, page, (t->page_w - mw) / 2, hy, mark,
			    PG_STYLE_STRONG, ms, white);
		}
		if (pg == 0)
			continue;
		for (s = 0; s < PG_SLOT_N; s++) {
			const char *ht = expand(r, pg_ltext_get(&t->header[s],
			    r->lang), page);
			const char *ft = expand(r, pg_ltext_get(&t->footer[s],
			    r->lang), page);
			double hw = text_w(r, ht, 0, size), fw = text_w(r, ft, 0, size);
			double hx, fx;
			if (r->o->draft && s == PG_SLOT_CENTER)
				ht = "";
			/* keep left and right slots within half the width */
			if (s != PG_SLOT_CENTER && hw > (x1 - x0) * 0.45) {
				ht = fit_text(r, ht, size, (x1 - x0) * 0.45);
				hw = text_w(r, ht, 0, size);
			}
			hx = s == PG_SLOT_LEFT ? x0 : s == PG_SLOT_RIGHT ? x1 - hw :
			    (x0 + x1 - hw) / 2;
			fx = s == PG_SLOT_LEFT ? x0 : s == PG_SLOT_RIGHT ? x1 - fw :
			    (x0 + x1 - fw) / 2;
			draw_text(r, page, hx, hy, ht, 0, size, t->c_muted);
			draw_text(r, page, fx, fy, ft, 0, size, t->c_muted);
		}
		add_line(r, page, x0, hy + size * 0.7, x1 - x0, 0, t->c_rule, 0.5, 0);
		add_line(r, page, x0, fy - size * 1.3, x1 - x0, 0, t->c_rule, 0.5, 0);
	}
}

/* ---- the document ------------------------------------------------------ */

static void
styles(struct rs *r)
{
	const struct pg_template *t = r->t;
	struct pg_tstyle z;

	memset(&z, 0, sizeof(z));
	r->body = z;
	r->body.size = t->size_body;
	r->body.leading = t->size_body * (r->zh ? 1.65 : 1.45);
	r->body.color = t->c_text;
	r->body.align = PG_ALIGN_JUSTIFY;
	r->body.space_after = t->size_body * 0.6;
	r->item = r->body;
	r->item.indent = t->size_body * 1.2;
	r->item.space_after = t->size_body * 0.3;
	r->h1 = z;
	r->h1.size = t->size_h1;
	r->h1.leading = t->size_h1 * 1.25;
	r->h1.style = PG_STYLE_STRONG;
	r->h1.color = t->c_primary;
	r->h1.align = PG_ALIGN_LEFT;
	r->h1.space_before = t->size_h1 * 0.6;
	r->h1.space_after = t->size_h1 * 0.55;
	r->h2 = z;
	r->h2.size = t->size_h2;
	r->h2.leading = t->size_h2 * 1.3;
	r->h2.style = PG_STYLE_STRONG;
	r->h2.color = t->c_primary;
	r->h2.align = PG_ALIGN_LEFT;
	r->h2.space_before = t->size_h2 * 0.9;
	r->h2.space_after = t->size_h2 * 0.45;
	r->lead = r->body;
	r->lead.style = PG_STYLE_STRONG;
	r->lead.color = t->c_primary;
	r->lead.align = PG_ALIGN_LEFT;
	r->lead.space_before = t->size_body * 0.6;
	r->lead.space_after = t->size_body * 0.25;
	r->caption = r->body;
	r->caption.size = t->size_table;
	r->caption.color = t->c_muted;
	r->tbody = z;
	r->tbody.size = t->size_table;
	r->tbody.leading = t->size_table * (r->zh ? 1.5 : 1.3);
	r->tbody.color = t->c_text;
	r->tbody.align = PG_ALIGN_LEFT;
	r->tbold = r->tbody;
	r->tbold.style = PG_STYLE_STRONG;
	r->tright = r->tbody;
	r->tright.align = PG_ALIGN_RIGHT;
	r->tbright = r->tbold;
	r->tbright.align = PG_ALIGN_RIGHT;
	r->tmuted = r->tbody;
	r->tmuted.color = t->c_muted;
	r->thead = r->tbold;
	r->thead.color = t->c_head_text;
	r->theadr = r->thead;
	r->theadr.align = PG_ALIGN_RIGHT;
	r->keypt = r->tbold;
	r->keypt.color = t->c_head_text;
	r->keypt.align = PG_ALIGN_CENTER;
}

/* Lay out everything once, with r->ntoc contents pages reserved. */
static int
pass(struct rs *r)
{
	const struct pg_template *t = r->t;
	struct pg_geom	 g;
	int		 i, done;

	pg_frames_free(r->f);
	pg_frames_init(r->f, t->page_w, t->page_h);
	r->sec = r->sub = 0;
	for (i = 0; i < 1 + r->ntoc; i++)
		if (pg_frames_add_page(r->f) < 0)
			return -1;
	if (pg_frames_outline(r->f, L(r, "toc.heading"), 0, 1,
	    t->margin_top) != 0)
		return -1;
	r->first_outline = r->f->noutlines;
	memset(&g, 0, sizeof(g));
	g.width = t->page_w;
	g.height = t->page_h;
	g.margin_top = t->margin_top;
	g.margin_bottom = t->margin_bottom;
	g.margin_left = t->margin_left;
	g.margin_right = t->margin_right;
	r->tw = t->page_w - t->margin_left - t->margin_right;
	if ((r->l = pg_layout_new(r->f, r->fs, &g, r->lang)) == NULL)
		return -1;
	for (i = 0, done = 0; i < t->nsections && !r->oom; i++) {
		/* controls is the only optional section */
		if (t->order[i] == PG_SEC_CONTROLS && r->p->controls.line == 0)
			continue;
		if (done++ > 0 && t->new_page)
			lcheck(r, pg_layout_new_page(r->l));
		else if (done > 1)
			lcheck(r, pg_layout_space(r->l, t->size_h1));
		r->fig = t->figures[t->order[i]];
		switch (t->order[i]) {
		case PG_SEC_SUMMARY: sec_summary(r); break;
		case PG_SEC_SITUATION: sec_situation(r); break;
		case PG_SEC_SWOT: sec_swot(r); break;
		case PG_SEC_GOALS: sec_goals(r); break;
		case PG_SEC_STRATEGY: sec_strategy(r); break;
		case PG_SEC_ACTIONS: sec_actions(r); break;
		case PG_SEC_BUDGET: sec_budget(r); break;
		case PG_SEC_CONTROLS: sec_controls(r); break;
		case PG_SEC_N: break;
		}
	}
	if (r->o->draft)
		sec_findings(r);
	if (pg_layout_finish(r->l) != 0)
		r->oom = 1;
	pg_layout_free(r->l);
	r->l = NULL;
	return r->oom ? -1 : 0;
}

int
pg_render(const struct pg_plan *p, const struct pg_template *t,
    const struct pg_fontset *fs, const struct pg_render_opts *o,
    struct pg_frames *out, struct pg_diags *warnings, char *err, size_t errlen)
{
	struct rs	 r;
	int		 need;
	const struct pg_meta *m = &p->meta;

	memset(&r, 0, sizeof(r));
	pg_frames_init(out, t->page_w, t->page_h);
	r.p = p;
	r.t = t;
	r.fs = fs;
	r.o = o;
	r.f = out;
	r.w = warnings;
	r.lang = o->lang ? o->lang : p->lang ? p->lang : "en";
	r.zh = strncmp(r.lang, "zh", 2) == 0;
	r.ntoc = 1;
	styles(&r);
	fig_labels(&r);
	if (pass(&r) != 0)
		goto fail;
	need = contents(&r, 1);
	if (need > r.ntoc) {
		r.ntoc = need;
		if (pass(&r) != 0)
			goto fail;
	}
	cover(&r);
	contents(&r, 0);
	bands(&r);
	out->title = m->title.s ? pg_frames_strdup(out, m->title.s,
	    strlen(m->title.s)) : NULL;
	out->author = pg_frames_strdup(out, m->author.s ? m->author.s :
	    m->organization.s ? m->organization.s : "",
	    strlen(m->author.s ? m->author.s : m->organization.s ?
	    m->organization.s : ""));
	{
		const char *subj = m->subtitle.s ? m->subtitle.s :
		    L(&r, "doc.subject");
		out->subject = pg_frames_strdup(out, subj, strlen(subj));
	}
	if (m->organization.s)
		out->keywords = pg_frames_strdup(out, m->organization.s,
		    strlen(m->organization.s));
	out->creator = pg_frames_strdup(out, "plangen " PACKAGE_VERSION,
	    strlen("plangen " PACKAGE_VERSION));
	out->lang = pg_frames_strdup(out, r.lang, strlen(r.lang));
	out->date = o->date;
	if (r.oom)
		goto fail;
	pg_frames_trim(out);	/* the writer's memory reuses the slack */
	pool_free(&r);
	return 0;
fail:
	pool_free(&r);
	snprintf(err, errlen, "cannot lay out the document: out of memory");
	return -1;
}
