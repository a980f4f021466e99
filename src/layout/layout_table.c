/*
 * layout_table.c — tables: column widths from content and the flow of
 * rows across pages.  See layout.h.
 *
 * Design invariants:
 *  1. A column is never narrower than its widest unbreakable unit (a word,
 *     "¥1,234.50", "2027年"; last-resort breaks do not count) nor than the
 *     shorter of its text and 3 em, while the table can afford it; columns
 *     below that happen only when the minima alone exceed the width (then
 *     all shrink in proportion, and words hyphenate or split).
 *  2. A row is drawn as one or more fragments; a fragment holds whole text
 *     lines of each cell, padding above and below, and closed borders.
 *     Rows of up to three lines move whole to the next page; taller rows
 *     split where each split cell keeps at least two lines on both sides
 *     (or wherever they must, if a row is taller than a page).
 *  3. The header row starts every page the table is on, and is never the
 *     last thing on a page.  Nothing crosses the bottom margin unless one
 *     text line is taller than a whole page.
 *  4. Box order per fragment: fills, text, horizontal rules; the vertical
 *     rules of each page's part of the table come after all of it.
 */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "layout/layout.h"
#include "layout/layout_int.h"

#define EPS		1e-6
#define MIN_EM		3.0	/* a column's minimum is at least this, or its text */
#define RULE_W		0.5	/* pt */

static const struct pg_color head_fill = { 230, 230, 230 };

/* The style of a cell; tmp holds a derived header style. */
static const struct pg_tstyle *
cell_ts(const struct pg_table *t, const struct pg_cell *c, int head,
    struct pg_tstyle *tmp)
{
	if (c != NULL && c->ts != NULL)
		return c->ts;
	if (head) {
		if (t->head != NULL)
			return t->head;
		*tmp = *t->body;
		tmp->style |= PG_STYLE_STRONG;
		return tmp;
	}
	return t->body;
}

/*
 * libunibreak's output for every cell, kept from measuring the widths for
 * breaking the lines (it is most of the cost of both).  Cell i's bytes
 * start at b + off[i]; header cells come first.
 */
struct bcache {
	char		*b;
	size_t		 n, cap;
	size_t		*off;
};

static void
bcache_free(struct bcache *bc)
{
	free(bc->b);
	free(bc->off);
	memset(bc, 0, sizeof(*bc));
}

static const char *
bcache_get(const struct bcache *bc, size_t i)
{
	return bc != NULL && bc->off != NULL && bc->b != NULL ?
	    bc->b + bc->off[i] : NULL;
}

/* Grow column mins/maxes by one cell (cell index i for the cache). */
static int
measure_cell(struct pg_lb *lb, const struct pg_fontset *fs,
    const struct pg_table *t, const struct pg_cell *c, int head,
    const char *lang, double *mn, double *mx, struct bcache *bc, size_t i)
{
	struct pg_tstyle	 tmp;
	const struct pg_tstyle	*ts = cell_ts(t, c, head, &tmp);
	double			 m, M;

	if (pg_lb_analyze(lb, fs, c->runs, c->nruns, ts->style, ts->size,
	    lang) == -1)
		return -1;
	if (bc != NULL) {
		if (bc->n + lb->nbytes + 1 > bc->cap) {
			size_t	 ncap = bc->cap ? bc->cap : 4096;
			char	*nb;

			while (ncap < bc->n + lb->nbytes + 1)
				ncap *= 2;
			if ((nb = realloc(bc->b, ncap)) == NULL)
				return -1;
			bc->b = nb;
			bc->cap = ncap;
		}
		memcpy(bc->b + bc->n, lb->bb, lb->nbytes);
		bc->off[i] = bc->n;
		bc->n += lb->nbytes;
	}
	pg_lb_minmax(lb, &m, &M);
	if (m < M && m < MIN_EM * ts->size)
		m = M < MIN_EM * ts->size ? M : MIN_EM * ts->size;
	m += 2 * t->pad;
	M += 2 * t->pad;
	if (m > *mn)
		*mn = m;
	if (M > *mx)
		*mx = M;
	return 0;
}

/*
 * Share `extra` pt among columns at their minimum (out[]) that want up to
 * mx[]: a column that wants no more than an equal share gets all it wants
 * (short columns stay on one line), the rest is shared in proportion to
 * what each still wants.
 */
static void
share_rest(double *out, const double *mn, const double *mx, size_t n,
    double extra)
{
	size_t	c, open = n;
	double	sd = 0;
	int	again = 1;
	char	done[256], *dn = n <= sizeof(done) ? done : NULL;

	if (dn != NULL) {
		memset(dn, 0, n);
		while (again && open > 0) {
			again = 0;
			for (c = 0; c < n; c++)
				if (!dn[c] && mx[c] - mn[c] <= extra /
				    (double)open) {
					out[c] = mx[c];
					extra -= mx[c] - mn[c];
					dn[c] = 1;
					open--;
					again = 1;
				}
		}
	}
	for (c = 0; c < n; c++)
		if (dn == NULL || !dn[c])
			sd += mx[c] - mn[c];
	for (c = 0; c < n; c++)
		if ((dn == NULL || !dn[c]) && sd > 0)
			out[c] = mn[c] + extra * (mx[c] - mn[c]) / sd;
}

static int
widths(const struct pg_fontset *fs, const struct pg_table *t, double width,
    const char *lang, double *out, struct bcache *bc)
{
	struct pg_lb	 lb;
	double		*mn, *mx, *cm, smn = 0, smx = 0, f;
	size_t		 c, r, n = t->ncols;
	int		 rc = -1;

	if (n == 0)
		return 0;
	if ((mn = calloc(3 * n, sizeof(double))) == NULL)
		return -1;
	mx = mn + n;
	cm = mx + n;		/* the content's minima, before min_frac */
	memset(&lb, 0, sizeof(lb));
	if (bc != NULL && (t->nrows + 1 > SIZE_MAX / n / sizeof(size_t) ||
	    (bc->off = malloc((t->nrows + 1) * n * sizeof(size_t))) == NULL))
		goto out;
	for (c = 0; c < n; c++)
		if (t->header != NULL && measure_cell(&lb, fs, t, &t->header[c],
		    1, lang, &mn[c], &mx[c], bc, c) == -1)
			goto out;
	for (r = 0; r < t->nrows; r++)
		for (c = 0; c < n; c++) {
			/* a spanning cell does not size its columns; it is
			 * measured into a scratch slot for the line cache */
			double sm = 0, sM = 0, *pm = &mn[c], *pM = &mx[c];
			if (t->cells[r * n + c].span > 1)
				pm = &sm, pM = &sM;
			if (measure_cell(&lb, fs, t, &t->cells[r * n + c], 0,
			    lang, pm, pM, bc, (r + 1) * n + c) == -1)
				goto out;
		}
	for (c = 0; c < n; c++) {
		cm[c] = mn[c];
		if (t->min_frac != NULL && mn[c] < t->min_frac[c] * width)
			mn[c] = t->min_frac[c] * width;
		if (mx[c] < mn[c])
			mx[c] = mn[c];
		smn += mn[c];
		smx += mx[c];
	}
	if (smn > width) {
		/* min_frac is a wish, the content's minimum a need: give up
		 * the wishes first, in proportion to what they add */
		double	wish = 0, cut;
		for (c = 0; c < n; c++)
			wish += mn[c] - cm[c];
		cut = smn - width < wish ? smn - width : wish;
		for (c = 0; c < n && wish > 0; c++) {
			double d = (mn[c] - cm[c]) * cut / wish;
			mn[c] -= d;
			smn -= d;
		}
	}
	for (c = 0; c < n; c++) {
		if (smx <= width) {
			/* everything fits on one line: share the rest by size */
			f = smx > 0 ? mx[c] / smx : 1.0 / (double)n;
			out[c] = mx[c] + (width - smx) * f;
		} else if (smn <= width) {
			out[c] = mn[c];		/* share_rest() below */
		} else
			out[c] = mn[c] * width / smn;
	}
	if (smx > width && smn <= width)
		share_rest(out, mn, mx, n, width - smn);
	rc = 0;
out:
	pg_lb_free(&lb);
	free(mn);
	return rc;
}

int
pg_table_widths(const struct pg_fontset *fs, const struct pg_table *t,
    double width, const char *lang, double *out)
{
	return widths(fs, t, width, lang, out, NULL);
}

/* ---- the flow ---------------------------------------------------------- */

struct tbl {
	struct pg_layout	*l;
	const struct pg_table	*t;
	size_t			 n;
	double			*w, *x;		/* column widths and left edges */
	double			 x0, tw;	/* table left, width */
	struct pg_lines		*hl, *bl;	/* header and row lines per column */
	const struct pg_tstyle	**hts, **bts;	/* styles per column */
	struct pg_tstyle	 htmp;
	size_t			*done;		/* lines of each cell placed */
	size_t			*hcnt, *zero, *f;	/* header lines, zeros, scratch */
	double			 hh;		/* header height, 0 if none */
	int			 top_rule;	/* next fragment draws its top rule */
	int			 need_hdr;	/* this page has no header yet */
	int			 fresh;		/* a new page would not help */
	int			 placed;	/* some row fragment is placed */
	size_t			 ri;		/* the body row being placed */
	const struct bcache	*bc;
	int			 vopen;		/* vertical rules from vtop down */
	double			 vtop;
	int			 spans;		/* some cell spans columns */
	unsigned char		*cov;		/* scratch: column covered by a span */
	/* structure: the row's cells (TH/TD elements; 0 = artifact) */
	int			*el;		/* n per row */
	int			 hdr_tagged;	/* the first header row is tagged */
	int			 row_tagged;	/* this row's elements exist */
	struct pg_cell		*rc;		/* a row with its continuation */
};

/*
 * Open a TR of the n cells of `cells` of role `cell` (TH: scope column)
 * under the current element (the table) and store the cells' indices in
 * T->el.  A cell spanning columns is one element with its ColSpan; the
 * cells it covers (empty, not drawn) share its index.
 * A table without a header row is a grid of items, not data a screen
 * reader can announce by column (PDF/UA-1 7.5): it is tagged as a list,
 * each row an LI whose cells are Lbl + LBody (two columns, as the
 * numbered key points) or all LBody.
 */
static int
tag_row(struct tbl *T, enum pg_role cell, const struct pg_cell *cells)
{
	struct pg_frames	*fr = T->l->fr;
	size_t			 c, k, span;
	int			 list = T->t->header == NULL;

	if (pg_frames_begin(fr, list ? PG_ROLE_LI : PG_ROLE_TR) == -1)
		return -1;
	for (c = 0; c < T->n; c += span) {
		span = T->spans && cells[c].span > 1 ? cells[c].span : 1;
		if (span > T->n - c)
			span = T->n - c;
		if (list)
			cell = c == 0 && T->n == 2 ? PG_ROLE_LBL :
			    PG_ROLE_LBODY;
		if ((T->el[c] = pg_frames_begin(fr, cell)) == -1)
			return -1;
		if (cell == PG_ROLE_TH)
			fr->elems[T->el[c]].scope = PG_SCOPE_COLUMN;
		if (!list && span > 1)
			fr->elems[T->el[c]].colspan = (unsigned)span;
		for (k = 1; k < span; k++)
			T->el[c + k] = T->el[c];
		pg_frames_end(fr);
	}
	pg_frames_end(fr);
	return 0;
}

/*
 * Mark in T->cov the columns of `cells` that a span covers (1), and
 * return the width of cell c with its span (0 for a covered cell).
 */
static void
cover(struct tbl *T, const struct pg_cell *cells)
{
	size_t c, k;

	memset(T->cov, 0, T->n);
	for (c = 0; c < T->n; c++)
		for (k = 1; k < cells[c].span && c + k < T->n; k++)
			T->cov[c + k] = 1;
}

static double
span_w(const struct tbl *T, const struct pg_cell *cells, size_t c)
{
	double	w = T->w[c];
	size_t	k;

	if (T->cov[c])
		return 0;
	for (k = 1; k < cells[c].span && c + k < T->n; k++)
		w += T->w[c + k];
	return w;
}

static int
add_line(struct tbl *T, double x, double y, double w, double h)
{
	struct pg_box b = pg_box_line(x, y, w, h, T->t->rule, RULE_W, 0);

	return pg_frames_add(T->l->fr, T->l->page, &b) == NULL ? -1 : 0;
}

/*
 * Draw a fragment h pt high at the cursor: lines [from[c], from[c] +
 * cnt[c]) of each column's lines, column c's text in structure element
 * el[c] (el NULL: artifacts).  Advances the cursor.
 */
static int
fragment(struct tbl *T, const struct pg_cell *cells, int head,
    struct pg_lines *ls, const struct pg_tstyle **ts, const size_t *from,
    const size_t *cnt, double h, const int *el)
{
	struct pg_layout	*l = T->l;
	double			 y0 = l->y, top;
	size_t			 c, j;
	struct pg_box		 b;

	if (T->spans)
		cover(T, cells);
	for (c = 0; c < T->n; c++) {
		if ((!cells[c].has_fill && !head) || (T->spans && T->cov[c]))
			continue;
		/* y0 + RULE_W / 2: keep the rule above visible */
		b = pg_box_rect(T->x[c], y0 + RULE_W / 2, T->spans ?
		    span_w(T, cells, c) : T->w[c],
		    h - RULE_W / 2, cells[c].has_fill ? cells[c].fill :
		    head_fill);
		if (pg_frames_add(l->fr, l->page, &b) == NULL)
			return -1;
	}
	for (c = 0; c < T->n; c++) {
		double boff = pg_lay_boff(l, ts[c]->size, ts[c]->leading);
		int was = pg_frames_enter(l->fr, el != NULL ? el[c] : 0);

		for (j = 0; j < cnt[c]; j++) {
			top = y0 + T->t->pad + (double)j * ts[c]->leading;
			if (pg_lay_emit_line(l, l->page, T->x[c] + T->t->pad,
			    top + boff, &ls[c].v[from[c] + j], cells[c].runs,
			    ts[c]->size, ts[c]->color) == -1) {
				pg_frames_enter(l->fr, was);
				return -1;
			}
			pg_lay_table_notes(l, &ls[c].v[from[c] + j],
			    cells[c].runs, y0 + h);
		}
		pg_frames_enter(l->fr, was);
	}
	if (T->top_rule && add_line(T, T->x0, y0, T->tw, 0) == -1)
		return -1;
	T->top_rule = 0;
	if (add_line(T, T->x0, y0 + h, T->tw, 0) == -1)
		return -1;
	if (T->spans) {		/* rules per fragment, none inside a span */
		for (c = 0; c <= T->n; c++)
			if ((c == T->n || !T->cov[c]) && add_line(T, c < T->n ?
			    T->x[c] : T->x0 + T->tw, y0, 0, h) == -1)
				return -1;
		l->y = y0 + h;
		l->at_top = 0;
		l->kw = 0;
		return 0;
	}
	if (!T->vopen) {
		T->vopen = 1;
		T->vtop = y0;
	}
	l->y = y0 + h;
	l->at_top = 0;
	l->kw = 0;
	return 0;
}

/* Height of lines [done, done + k) of each column, padding included. */
static double
frag_h(const struct tbl *T, const struct pg_tstyle **ts, const size_t *k)
{
	double	h = 0, v;
	size_t	c;

	for (c = 0; c < T->n; c++)
		if ((v = (double)k[c] * ts[c]->leading) > h)
			h = v;
	return h + 2 * T->t->pad;
}

/* Close the vertical rules of the table's part on this page. */
static int
vrules(struct tbl *T)
{
	size_t c;

	if (!T->vopen)
		return 0;
	T->vopen = 0;
	for (c = 0; c <= T->n; c++)
		if (add_line(T, c < T->n ? T->x[c] : T->x0 + T->tw, T->vtop, 0,
		    T->l->y - T->vtop) == -1)
			return -1;
	return 0;
}

static int
header(struct tbl *T)
{
	int	tagged = T->hdr_tagged;

	T->need_hdr = 0;
	if (T->t->header == NULL)
		return 0;
	/* the header row repeated on a later page is an artifact */
	if (!tagged) {
		if (tag_row(T, PG_ROLE_TH, T->t->header) == -1)
			return -1;
		T->hdr_tagged = 1;
	}
	return fragment(T, T->t->header, 1, T->hl, T->hts, T->zero, T->hcnt,
	    T->hh, tagged ? NULL : T->el);
}

/*
 * Continue the table on the next page.  Before anything of it is placed,
 * pending headings move along (or, if they already head their page, the
 * table stays and splits there).
 */
static int
table_page(struct tbl *T)
{
	struct pg_layout	*l = T->l;
	int			 page = l->page;

	if (vrules(T) == -1)
		return -1;
	if (!T->placed && l->kw) {
		if (pg_lay_kw_move(l) == -1)
			return -1;
		if (l->page == page) {
			T->fresh = 1;	/* the heading heads its page already */
			return 0;
		}
	} else {
		l->kw = 0;
		if (pg_lay_new_page(l) == -1)
			return -1;
	}
	T->top_rule = 1;
	T->need_hdr = 1;
	T->fresh = 1;
	return 0;
}

/* Place a row fragment (after the header if this page needs one). */
static int
place(struct tbl *T, const struct pg_cell *cells, const size_t *k, double h)
{
	double	y;

	if (T->need_hdr && header(T) == -1)
		return -1;
	y = T->l->y;
	if (!T->row_tagged) {
		if (tag_row(T, PG_ROLE_TD, cells) == -1)
			return -1;
		T->row_tagged = 1;
	}
	if (fragment(T, cells, 0, T->bl, T->bts, T->done, k, h, T->el) == -1)
		return -1;
	if (T->t->on_row != NULL)
		T->t->on_row(T->t->on_row_ctx, T->ri, pg_layout_page(T->l), y, h,
		    T->x, T->w);
	T->placed = 1;
	T->fresh = 0;
	return 0;
}

/* Whether row ri opens a later page of the table with an empty first
 * cell that has a continuation label (pg_table.cont). */
static int
cont_here(const struct tbl *T, const struct pg_cell *cells, size_t ri)
{
	const struct pg_cell *k;
	size_t i;

	if (T->t->cont == NULL || !T->need_hdr || !T->placed ||
	    T->done[0] != 0 || cells == T->rc)
		return 0;
	k = &T->t->cont[ri];
	if (k->nruns == 0 || (T->spans && cells[0].span > 1))
		return 0;
	for (i = 0; i < cells[0].nruns; i++)
		if (cells[0].runs[i].text != NULL && *cells[0].runs[i].text)
			return 0;
	return 1;
}

/* Put row ri's continuation label in its first cell (*cells becomes a
 * copy of the row); 0 or -1. */
static int
cont_cell(struct tbl *T, const struct pg_cell **cells, size_t ri)
{
	struct pg_layout *l = T->l;
	const struct pg_cell *k = &T->t->cont[ri];
	double w = T->w[0] - 2 * T->t->pad;

	if (T->rc == NULL && (T->rc = calloc(T->n, sizeof(*T->rc))) == NULL)
		return -1;
	memcpy(T->rc, *cells, T->n * sizeof(*T->rc));
	T->rc[0].runs = k->runs;
	T->rc[0].nruns = k->nruns;
	if (k->ts != NULL)
		T->bts[0] = k->ts;
	*cells = T->rc;
	if (pg_lb_analyze(&l->lb, l->fs, k->runs, k->nruns, T->bts[0]->style,
	    T->bts[0]->size, l->lang) == -1 ||
	    pg_lb_lines(&l->lb, T->bts[0], w > 1 ? w : 1, &T->bl[0]) == -1)
		return -1;
	return 0;
}

static int
row(struct tbl *T, const struct pg_cell *cells, size_t ri)
{
	struct pg_layout	*l = T->l;
	double			 bottom = pg_lay_bottom(l), avail, fresh, full, room;
	size_t			 c, r, maxr, fmax, *f = T->f;

	if (T->spans)
		cover(T, cells);
	for (c = 0; c < T->n; c++) {
		double w = (T->spans ? span_w(T, cells, c) : T->w[c]) -
		    2 * T->t->pad;

		if (pg_lb_analyze_pre(&l->lb, l->fs, cells[c].runs,
		    cells[c].nruns, T->bts[c]->style, T->bts[c]->size, l->lang,
		    bcache_get(T->bc, (ri + 1) * T->n + c)) == -1 ||
		    pg_lb_lines(&l->lb, T->bts[c], w > 1 ? w : 1,
		    &T->bl[c]) == -1)
			return -1;
		T->done[c] = 0;
	}
	T->row_tagged = 0;
	for (;;) {
		if (cont_here(T, cells, ri)) {	/* "… (continued)" */
			if (cont_cell(T, &cells, ri) == -1)
				return -1;
		}
		for (c = 0, maxr = 0; c < T->n; c++) {
			f[c] = T->bl[c].n - T->done[c];
			if (f[c] > maxr)
				maxr = f[c];
		}
		full = frag_h(T, T->bts, f);
		if (maxr == 0)
			full += T->t->body->leading;	/* an empty row */
		avail = bottom - l->y - (T->need_hdr ? T->hh : 0);
		if (full <= avail + EPS)
			return place(T, cells, f, full);

		/* whole lines that fit here, no cell split 1/n or n/1 */
		room = avail - 2 * T->t->pad;
		for (c = 0, fmax = 0; c < T->n; c++) {
			r = T->bl[c].n - T->done[c];
			f[c] = room > 0 ? (size_t)floor((room + EPS) /
			    T->bts[c]->leading) : 0;
			if (f[c] > r)
				f[c] = r;
			if (f[c] < r && !T->fresh) {
				if (r - f[c] < 2)
					f[c] = r >= 2 ? r - 2 : 0;
				if (f[c] < 2)
					f[c] = 0;
			}
			if (f[c] > fmax)
				fmax = f[c];
		}
		fresh = bottom - l->g.margin_top - T->hh;
		if (T->fresh) {
			/* a new page can do no better: at least one line */
			if (fmax == 0)
				for (c = 0; c < T->n; c++)
					f[c] = T->bl[c].n > T->done[c];
		} else if (fmax < 2 || (full <= fresh + EPS && maxr <= 3)) {
			if (table_page(T) == -1)
				return -1;
			continue;
		}
		if (place(T, cells, f, frag_h(T, T->bts, f)) == -1)
			return -1;
		for (c = 0, maxr = 0; c < T->n; c++) {
			T->done[c] += f[c];
			maxr |= T->bl[c].n > T->done[c];
		}
		if (!maxr)
			return 0;
		if (table_page(T) == -1)
			return -1;
	}
}

int
pg_layout_table(struct pg_layout *l, const struct pg_table *t)
{
	struct tbl	 T;
	struct bcache	 bc;
	size_t		 c, r, n = t->ncols;
	int		 rc = -1, was;
	double		 acc;

	if (n == 0)
		return 0;
	memset(&bc, 0, sizeof(bc));
	memset(&T, 0, sizeof(T));
	T.l = l;
	T.t = t;
	T.n = n;
	if (l->ncl < 2 * n) {
		struct pg_lines *v = realloc(l->cl, 2 * n * sizeof(*v));
		if (v == NULL)
			return -1;
		memset(v + l->ncl, 0, (2 * n - l->ncl) * sizeof(*v));
		l->cl = v;
		l->ncl = 2 * n;
	}
	T.hl = l->cl;
	T.bl = l->cl + n;
	T.w = calloc(2 * n, sizeof(double));
	T.hts = calloc(2 * n, sizeof(*T.hts));
	T.done = calloc(4 * n, sizeof(size_t));
	T.el = calloc(n, sizeof(int));
	T.cov = calloc(n, 1);
	for (r = 0; r < t->nrows * n && !T.spans; r++)
		T.spans = t->cells[r].span > 1;
	for (c = 0; t->header != NULL && c < n && !T.spans; c++)
		T.spans = t->header[c].span > 1;
	was = l->fr->cur;
	if (T.w == NULL || T.hts == NULL || T.done == NULL || T.el == NULL ||
	    T.cov == NULL ||
	    pg_frames_begin(l->fr, t->header != NULL ? PG_ROLE_TABLE :
	    PG_ROLE_L) == -1)
		goto out;
	T.x = T.w + n;
	T.bts = T.hts + n;
	T.hcnt = T.done + n;
	T.zero = T.done + 2 * n;
	T.f = T.done + 3 * n;
	T.x0 = l->g.margin_left;
	T.tw = pg_lay_text_width(l);
	if (widths(l->fs, t, T.tw, l->lang, T.w, &bc) == -1)
		goto out;
	T.bc = &bc;
	for (c = 0, acc = T.x0; c < n; c++) {
		T.x[c] = acc;
		acc += T.w[c];
		T.hts[c] = cell_ts(t, t->header != NULL ? &t->header[c] : NULL,
		    1, &T.htmp);
	}
	if (t->header != NULL) {
		if (T.spans)
			cover(&T, t->header);
		for (c = 0; c < n; c++) {
			const struct pg_cell *hc = &t->header[c];
			double w = (T.spans ? span_w(&T, t->header, c) : T.w[c]) -
			    2 * t->pad;

			if (pg_lb_analyze_pre(&l->lb, l->fs, hc->runs,
			    hc->nruns, T.hts[c]->style, T.hts[c]->size, l->lang,
			    bcache_get(&bc, c)) == -1 ||
			    pg_lb_lines(&l->lb, T.hts[c], w > 1 ? w : 1,
			    &T.hl[c]) == -1)
				goto out;
			T.hcnt[c] = T.hl[c].n;
		}
		T.hh = frag_h(&T, T.hts, T.hcnt);
	}
	T.top_rule = 1;
	T.need_hdr = 1;
	T.fresh = l->at_top;
	for (r = 0; r < t->nrows; r++) {
		const struct pg_cell *cells = &t->cells[r * n];

		for (c = 0; c < n; c++)
			T.bts[c] = cells[c].ts != NULL ? cells[c].ts : t->body;
		T.ri = r;
		if (row(&T, cells, r) == -1)
			goto out;
	}
	if (t->nrows == 0 && t->header != NULL) {
		if (l->y + T.hh > pg_lay_bottom(l) + EPS && !T.fresh &&
		    table_page(&T) == -1)
			goto out;
		if (header(&T) == -1)
			goto out;
	}
	if (vrules(&T) == -1)
		goto out;
	rc = 0;
out:
	pg_frames_enter(l->fr, was);
	bcache_free(&bc);
	free(T.el);
	free(T.cov);
	free(T.rc);
	free(T.w);
	free(T.hts);
	free(T.done);
	return rc;
}
