/*
 * layout.c — the flow: paragraphs, list items, headings, vertical space
 * and reserved blocks poured into pages of boxes.  Tables are in
 * layout_table.c, line breaking in linebreak.c.  See layout.h.
 *
 * Design invariants:
 *  1. The cursor y is the top of the next thing; `at_top` says nothing has
 *     been placed on the current page yet (space there is swallowed).
 *  2. A text line takes `leading` pt; nothing but a line taller than a
 *     whole page ever crosses the bottom margin.
 *  3. A paragraph (or item) of n >= 2 lines never leaves a single line at
 *     a page foot (orphan) or head (widow).
 *  4. A heading is "pending" until at least two lines (or the whole) of
 *     what follows are placed; if they do not fit below it, the heading's
 *     boxes and outline entries move to the next page (keep-with-next).
 *     Pending headings are the last boxes of their page.
 */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "layout/font.h"
#include "layout/frame.h"
#include "layout/layout.h"
#include "layout/layout_int.h"
#include "base/utf8.h"

#define EPS	1e-6

double
pg_lay_boff(const struct pg_layout *l, double size, double leading)
{
	int				 f = l->fs->map[PG_SCRIPT_LATIN][0];
	int				 asc = 800, desc = -200;

	if (f >= 0 && f < l->fs->nfaces && l->fs->face[f].ascender > 0) {
		asc = l->fs->face[f].ascender;
		desc = l->fs->face[f].descender;
	}
	return leading / 2 + size * (asc + desc) / 2000.0;
}

double
pg_lay_leading(const struct pg_tstyle *ts)
{
	if (ts->leading > 0)
		return ts->leading;
	return ts->size > 0 ? ts->size * 1.2 : 12;
}

double
pg_lay_bottom(const struct pg_layout *l)
{
	return l->g.height - l->g.margin_bottom - l->note_h;
}

int
pg_lay_new_page(struct pg_layout *l)
{
	int p;

	if ((p = pg_frames_add_page(l->fr)) == -1)
		return -1;
	l->page = p;
	l->y = l->g.margin_top;
	l->at_top = 1;
	l->note_h = 0;
	return 0;
}

/*
 * Move the pending headings (the last boxes of their page) to a new page.
 * Does nothing if they already start at the top of an otherwise empty
 * page.  Clears the pending state.  0 or -1.
 */
int
pg_lay_kw_move(struct pg_layout *l)
{
	struct pg_page	*src, *dst;
	size_t		 cnt, i;
	double		 dy;
	int		 from = l->kw_page;

	if (!l->kw)
		return 0;
	l->kw = 0;
	src = &l->fr->pages[from];
	if (from != l->page || src->n < l->kw_box0 ||
	    l->kw_top <= l->g.margin_top + EPS)
		return 0;
	cnt = src->n - l->kw_box0;
	if (pg_lay_new_page(l) == -1)
		return -1;
	src = &l->fr->pages[from];
	dst = &l->fr->pages[l->page];
	if (cnt > 0) {
		if ((dst->boxes = malloc(cnt * sizeof(*dst->boxes))) == NULL)
			return -1;
		dst->cap = cnt;
	}
	dy = l->g.margin_top - l->kw_top;
	for (i = 0; i < cnt; i++) {
		dst->boxes[i] = src->boxes[l->kw_box0 + i];
		dst->boxes[i].y += dy;
	}
	dst->n = cnt;
	src->n = l->kw_box0;
	for (i = l->kw_out0; i < l->kw_out1 && i < l->fr->noutlines; i++) {
		l->fr->outlines[i].page = l->page;
		l->fr->outlines[i].y += dy;
	}
	l->y = l->kw_ytail + dy;
	l->at_top = 0;
	return 0;
}

struct pg_box
pg_box_text(const struct pg_fontset *fs, double x, double y, double w,
    const char *s, size_t len, int face, double size, struct pg_color c)
{
	struct pg_box	 b = pg_box_at(PG_BOX_TEXT, x, y, w, 0);

	b.text = s;
	b.len = len;
	b.face = face;
	b.size = size;
	b.color = c;
	if (face >= 0 && face < fs->nfaces) {
		if (fs->face[face].fake_bold)
			b.flags |= PG_BOXF_FAKE_BOLD;
		if (fs->face[face].fake_italic)
			b.flags |= PG_BOXF_FAKE_ITALIC;
	}
	return b;
}

int
pg_lay_text_box(struct pg_frames *fr, const struct pg_fontset *fs, int page,
    double x, double y, const char *s, size_t len, int face, double size,
    struct pg_color color, int hyphen, double w, unsigned flags)
{
	struct pg_box	 b = pg_box_text(fs, x, y, w, s, len, face, size,
			    color);
	char		 small[256], *tmp = NULL;

	b.flags |= flags;
	if (hyphen) {
		if (len + 1 <= sizeof(small))
			tmp = small;
		else if ((tmp = malloc(len + 1)) == NULL)
			return -1;
		memcpy(tmp, s, len);
		tmp[len] = '-';
		b.text = tmp;
		b.len = len + 1;
		if (face >= 0 && face < fs->nfaces)
			b.w += pg_face_adv(&fs->face[face], '-') * size / 1000.0;
	}
	if (pg_frames_add(fr, page, &b) == NULL) {
		if (tmp != small)
			free(tmp);
		return -1;
	}
	if (tmp != small)
		free(tmp);
	return 0;
}

int
pg_draw_line(struct pg_frames *fr, const struct pg_fontset *fs, int page,
    double x, double base, const struct pg_line *ln, const struct pg_run *runs,
    double size, struct pg_color color)
{
	size_t			 i;
	const struct pg_seg	*sg;

	if (page < 0 || (size_t)page >= fr->npages)
		return -1;
	for (i = 0; i < ln->nsegs; i++) {
		unsigned	 st;
		const char	*href;
		int		 was = 0;

		sg = &ln->segs[i];
		st = runs[sg->run].style;
		if (!(st & (PG_STYLE_SUP | PG_STYLE_LINK))) {
			if (pg_lay_text_box(fr, fs, page, x + sg->x, base,
			    runs[sg->run].text + sg->off, sg->len, sg->face, size,
			    color, sg->hyphen, sg->w, sg->join ? PG_BOXF_JOIN : 0)
			    == -1)
				return -1;
			continue;
		}
		if (st & PG_STYLE_SUP) {	/* a footnote number, raised */
			if (pg_lay_text_box(fr, fs, page, x + sg->x,
			    base - size * PG_SUP_RISE,
			    runs[sg->run].text + sg->off, sg->len, sg->face,
			    size * PG_SUP_SCALE, color, 0, sg->w, PG_BOXF_JOIN) == -1)
				return -1;
			continue;
		}
		/* a link: its text in the link colour, and the click area, in
		 * a Link structure element of their own (PDF/UA) */
		href = pg_run_href(&runs[sg->run]);
		if (fr->nelems > 0) {
			int e = pg_frames_begin(fr, PG_ROLE_LINK);
			if (e == -1)
				return -1;
			if (href != NULL && pg_frames_set_alt(fr, e, href) == -1)
				return -1;
			was = 1;
		}
		if (pg_lay_text_box(fr, fs, page, x + sg->x, base,
		    runs[sg->run].text + sg->off, sg->len, sg->face, size,
		    PG_LINK_COLOR, sg->hyphen, sg->w, sg->join ? PG_BOXF_JOIN :
		    0) == -1)
			return -1;
		if (href != NULL && *href != '\0') {
			struct pg_box b = pg_box_at(PG_BOX_LINK, x + sg->x,
			    base - size * 0.85, sg->w, size * 1.1);
			b.path = href;		/* a URI: see frame.h */
			b.dest_page = -1;
			if (pg_frames_add(fr, page, &b) == NULL)
				return -1;
			b = pg_box_line(x + sg->x, base + size * 0.12, sg->w, 0,
			    PG_LINK_COLOR, size * 0.05, 0);
			b.elem = PG_ELEM_ARTIFACT;
			if (pg_frames_add(fr, page, &b) == NULL)
				return -1;
		}
		if (was)
			pg_frames_end(fr);
	}
	return 0;
}

int
pg_lay_emit_line(struct pg_layout *l, int page, double x, double base,
    const struct pg_line *ln, const struct pg_run *runs, double size,
    struct pg_color color)
{
	return pg_draw_line(l->fr, l->fs, page, x, base, ln, runs, size, color);
}

struct pg_layout *
pg_layout_new(struct pg_frames *fr, const struct pg_fontset *fs,
    const struct pg_geom *g, const char *lang)
{
	struct pg_layout *l;

	if ((l = calloc(1, sizeof(*l))) == NULL)
		return NULL;
	l->fr = fr;
	l->fs = fs;
	l->g = *g;
	snprintf(l->lang, sizeof(l->lang), "%s", lang != NULL ? lang : "en");
	l->note_ts.size = 8;		/* until pg_layout_note_style */
	l->note_ts.leading = 10.5;
	l->note_ts.align = PG_ALIGN_LEFT;
	l->note_rule = (struct pg_color){ 0x99, 0x99, 0x99 };
	if (pg_lay_new_page(l) == -1) {
		free(l);
		return NULL;
	}
	return l;
}

/* Free the table engine's scratch (cell lines, widths) the layout keeps
 * for reuse between tables. */
static void
table_scratch_free(struct pg_layout *l)
{
	size_t i;

	for (i = 0; i < l->ncl; i++)
		pg_lines_free(&l->cl[i]);
	free(l->cl);
	free(l->tw);
	l->cl = NULL;
	l->tw = NULL;
	l->ncl = l->ntw = 0;
}

void
pg_layout_free(struct pg_layout *l)
{
	if (l == NULL)
		return;
	pg_lb_free(&l->lb);
	pg_lines_free(&l->lines);
	table_scratch_free(l);
	pg_lay_notes_free(l);
	free(l);
}

int
pg_layout_page(const struct pg_layout *l)
{
	return l->page;
}

double
pg_layout_y(const struct pg_layout *l)
{
	return l->y;
}

int
pg_layout_finish(struct pg_layout *l)
{
	l->kw = 0;
	return pg_lay_notes_draw(l);
}

int
pg_layout_space(struct pg_layout *l, double pt)
{
	if (!l->at_top)
		l->y += pt;
	return 0;
}

int
pg_layout_new_page(struct pg_layout *l)
{
	l->kw = 0;
	if (l->at_top && l->fr->pages[l->page].n == 0)
		return 0;
	return pg_lay_new_page(l);
}

double
pg_lay_text_width(const struct pg_layout *l)
{
	return l->g.width - l->g.margin_left - l->g.margin_right;
}

/*
 * How many of the r remaining lines (of n) to put on the current page,
 * widows and orphans considered; 0 means "start a new page first".
 */
static size_t
lines_here(const struct pg_layout *l, size_t i, size_t n, double L)
{
	double	room = pg_lay_bottom(l) - l->y + EPS;
	size_t	avail = room > 0 && L > 0 ? (size_t)floor(room / L) : 0;
	size_t	r = n - i, take;

	if (r <= avail)
		return r;
	take = avail;
	if (i == 0 && take < 2)
		take = 0;
	if (take > 0 && r - take < 2)
		take = r >= 2 ? r - 2 : 0;
	if (i == 0 && take < 2)
		take = 0;
	if (take == 0 && l->at_top)	/* a page cannot do better */
		take = avail > 0 ? avail : 1;
	return take;
}

/*
 * How many of the `take` lines from i still fit with the footnotes they
 * cite under them; the notes of those that do are placed on this page.
 * A fresh page takes its first line whatever its notes need.
 */
static size_t
with_notes(struct pg_layout *l, const struct pg_lines *lines,
    const struct pg_run *runs, size_t i, size_t take, double L)
{
	size_t	 j;
	double	 h;

	if (l->nnotes == l->notes_done)
		return take;
	for (j = i; j < i + take; j++) {
		double bottom = l->y + (double)(j - i + 1) * L;
		h = pg_lay_line_notes(l, &lines->v[j], runs, 0);
		if (bottom + h > pg_lay_bottom(l) + EPS &&
		    !(j == i && l->at_top))
			return j - i;
		if (h > 0)
			pg_lay_line_notes(l, &lines->v[j], runs, 1);
	}
	return take;
}

/*
 * Flow broken lines at x; bullet (if any) drawn left of the first line,
 * as part of structure element lbl.
 */
static int
flow_lines(struct pg_layout *l, const struct pg_lines *lines,
    const struct pg_run *runs, const struct pg_tstyle *ts, double x,
    const char *bullet, double bx, int lbl)
{
	size_t	i = 0, j, take;
	double	L = pg_lay_leading(ts), boff = pg_lay_boff(l, ts->size, L);
	double	top, base;

	if (lines->n == 0)
		return 0;
	if (!l->at_top)
		l->y += ts->space_before;
	while (i < lines->n) {
		take = lines_here(l, i, lines->n, L);
		take = with_notes(l, lines, runs, i, take, L);
		if (take == 0) {
			if (i == 0 && l->kw) {
				if (pg_lay_kw_move(l) == -1)
					return -1;
				if (!l->at_top)
					continue;
			}
			l->kw = 0;
			if (pg_lay_new_page(l) == -1)
				return -1;
			continue;
		}
		for (j = i; j < i + take; j++) {
			top = l->y + (double)(j - i) * L;
			base = top + boff;
			if (j == 0 && bullet != NULL) {
				int was = pg_frames_enter(l->fr, lbl);
				double bw = pg_draw_text(l->fr, l->fs, l->page,
				    bx, base, bullet, strlen(bullet),
				    ts->style, ts->size, ts->color);

				pg_frames_enter(l->fr, was);
				if (bw < 0)
					return -1;
			}
			if (pg_lay_emit_line(l, l->page, x, base, &lines->v[j],
			    runs, ts->size, ts->color) == -1)
				return -1;
		}
		l->y += (double)take * L;
		l->at_top = 0;
		l->kw = 0;
		i += take;
		if (i < lines->n && pg_lay_new_page(l) == -1)
			return -1;
	}
	l->y += ts->space_after;
	l->last_lead = L;
	return 0;
}

static int
para(struct pg_layout *l, const struct pg_run *runs, size_t nruns,
    const struct pg_tstyle *ts, int item)
{
	double	tw = pg_lay_text_width(l) - ts->indent;
	double	hang = item ? ts->size * 1.25 : 0;
	double	x = l->g.margin_left + ts->indent;
	int	was = l->fr->cur, lbl = 0, rc;

	if (pg_lb_analyze(&l->lb, l->fs, runs, nruns, ts->style, ts->size,
	    l->lang) == -1 ||
	    pg_lb_lines(&l->lb, ts, tw - hang, &l->lines) == -1)
		return -1;
	/* a paragraph is a P; an item an LI of a label and a body */
	if (item) {
		if (pg_frames_begin(l->fr, PG_ROLE_LI) == -1 ||
		    (lbl = pg_frames_begin(l->fr, PG_ROLE_LBL)) == -1)
			goto fail;
		pg_frames_end(l->fr);
		if (pg_frames_begin(l->fr, PG_ROLE_LBODY) == -1)
			goto fail;
	} else if (pg_frames_begin(l->fr, PG_ROLE_P) == -1)
		goto fail;
	rc = flow_lines(l, &l->lines, runs, ts, x + hang,
	    item ? "\xe2\x80\xa2" : NULL, x, lbl);
	pg_frames_enter(l->fr, was);
	return rc;
fail:
	pg_frames_enter(l->fr, was);
	return -1;
}

int
pg_layout_para(struct pg_layout *l, const struct pg_run *runs, size_t nruns,
    const struct pg_tstyle *ts)
{
	return para(l, runs, nruns, ts, 0);
}

int
pg_layout_item(struct pg_layout *l, const struct pg_run *runs, size_t nruns,
    const struct pg_tstyle *ts)
{
	return para(l, runs, nruns, ts, 1);
}

int
pg_layout_heading(struct pg_layout *l, int level, const char *text,
    const struct pg_tstyle *ts)
{
	struct pg_run		 run;
	struct pg_tstyle	 hs = *ts;
	double			 tw = pg_lay_text_width(l) - ts->indent;
	double			 h, need, next, boff, top;
	size_t			 j;
	int			 was;

	if (text == NULL)
		text = "";
	run.text = text;
	run.style = 0;
	if (hs.align == PG_ALIGN_JUSTIFY)
		hs.align = PG_ALIGN_LEFT;
	if (pg_lb_analyze(&l->lb, l->fs, &run, 1, hs.style, hs.size,
	    l->lang) == -1 || pg_lb_lines(&l->lb, &hs, tw, &l->lines) == -1)
		return -1;
	h = (double)l->lines.n * hs.leading;
	next = l->last_lead > 0 ? l->last_lead : hs.leading;
	need = (l->at_top ? 0 : hs.space_before) + h + hs.space_after + 2 * next;
	if (!l->at_top && l->y + need > pg_lay_bottom(l) + EPS) {
		if (l->kw) {
			if (pg_lay_kw_move(l) == -1)
				return -1;
		}
		if (!l->at_top && l->y + need > pg_lay_bottom(l) + EPS &&
		    pg_lay_new_page(l) == -1)
			return -1;
	}
	if (!l->at_top)
		l->y += hs.space_before;
	if (!l->kw) {
		l->kw = 1;
		l->kw_page = l->page;
		l->kw_box0 = l->fr->pages[l->page].n;
		l->kw_top = l->y;
		l->kw_out0 = l->fr->noutlines;
	}
	if (pg_frames_outline(l->fr, text, level, l->page, l->y) == -1)
		return -1;
	boff = pg_lay_boff(l, hs.size, hs.leading);
	was = l->fr->cur;
	if (pg_frames_begin(l->fr, level <= 0 ? PG_ROLE_H1 : level == 1 ?
	    PG_ROLE_H2 : PG_ROLE_H3) == -1)
		return -1;
	for (j = 0; j < l->lines.n; j++) {
		top = l->y + (double)j * hs.leading;
		if (pg_lay_emit_line(l, l->page, l->g.margin_left + hs.indent,
		    top + boff, &l->lines.v[j], &run, hs.size, hs.color) == -1) {
			pg_frames_enter(l->fr, was);
			return -1;
		}
	}
	pg_frames_enter(l->fr, was);
	l->y += h;
	l->at_top = 0;
	l->y += hs.space_after;
	l->kw_out1 = l->fr->noutlines;
	l->kw_ytail = l->y;
	return l->page;
}

int
pg_layout_block(struct pg_layout *l, double h, int *page, double *x,
    double *y, double *w)
{
	if (!l->at_top && l->y + h > pg_lay_bottom(l) + EPS) {
		if (l->kw && pg_lay_kw_move(l) == -1)
			return -1;
		if (!l->at_top && l->y + h > pg_lay_bottom(l) + EPS &&
		    pg_lay_new_page(l) == -1)
			return -1;
	}
	*page = l->page;
	*x = l->g.margin_left;
	*y = l->y;
	*w = pg_lay_text_width(l);
	l->y += h;
	l->at_top = 0;
	l->kw = 0;
	return 0;
}

/* ---- one-line text ----------------------------------------------------- */

static int
has_cjk(const char *s, size_t len)
{
	size_t i = 0;

	while (i < len)
		if ((unsigned char)s[i] < 0x80)
			i++;
		else if (pg_is_cjk(pg_utf8_next(s, len, &i)))
			return 1;
	return 0;
}

static int
hanlat(uint32_t a, uint32_t b)
{
	int ca = pg_cp_class(a, 0), cb = pg_cp_class(b, 0);

	return (ca == PG_CL_HAN && cb == PG_CL_ALNUM) ||
	    (ca == PG_CL_ALNUM && cb == PG_CL_HAN);
}

/* Draw (fr != NULL) or measure one line of text; returns its width. */
static double
one_line(struct pg_frames *fr, const struct pg_fontset *fs, int page,
    double x, double y, const char *s, size_t len, unsigned style,
    double size, struct pg_color color)
{
	int		 zh = has_cjk(s, len), face, sface = -1;
	size_t		 i = 0, st = 0, start;
	uint32_t	 cp, prev = 0;
	double		 pos = 0, sx = 0, gap;
	unsigned	 fl = 0, nfl;

	while (i < len) {
		start = i;
		cp = pg_utf8_next(s, len, &i);
		if (pg_cp_class(cp, 0) == PG_CL_INVIS) {
			if (sface >= 0 && fr != NULL && pg_lay_text_box(fr, fs,
			    page, x + sx, y, s + st, start - st, sface, size,
			    color, 0, pos - sx, fl) == -1)
				return -1;
			sface = -1;
			continue;
		}
		face = pg_face_for(fs, style & 3, cp, zh);
		/* punctuation keeps to its neighbour's face: see punct_faces() */
		if (sface >= 0 && face != sface && pg_cp_nostart(cp) &&
		    pg_face_has(&fs->face[sface], cp))
			face = sface;
		else if (pg_cp_noend(cp) && i < len) {
			size_t	 j = i;
			int	 nf = pg_face_for(fs, style & 3,
			    pg_utf8_next(s, len, &j), zh);
			if (nf != face && pg_face_has(&fs->face[nf], cp))
				face = nf;
		}
		gap = prev != 0 && hanlat(prev, cp) ? size * PG_HANLAT_GAP : 0;
		if (sface != face || gap > 0) {
			nfl = sface >= 0 && gap > 0 ? PG_BOXF_JOIN : 0;
			if (sface >= 0 && fr != NULL && pg_lay_text_box(fr, fs,
			    page, x + sx, y, s + st, start - st, sface, size,
			    color, 0, pos - sx, fl) == -1)
				return -1;
			fl = nfl;
			pos += gap;
			sface = face;
			st = start;
			sx = pos;
		}
		pos += pg_face_adv(&fs->face[face], cp) * size / 1000.0;
		prev = cp;
	}
	if (sface >= 0 && fr != NULL && pg_lay_text_box(fr, fs, page, x + sx,
	    y, s + st, len - st, sface, size, color, 0, pos - sx, fl) == -1)
		return -1;
	return pos;
}

double
pg_draw_text(struct pg_frames *fr, const struct pg_fontset *fs, int page,
    double x, double y, const char *s, size_t len, unsigned style,
    double size, struct pg_color color)
{
	if (page < 0 || (size_t)page >= fr->npages)
		return -1;
	return one_line(fr, fs, page, x, y, s, len, style, size, color);
}

double
pg_measure_text(const struct pg_fontset *fs, const char *s, size_t len,
    unsigned style, double size)
{
	struct pg_color c = { 0, 0, 0 };

	return one_line(NULL, fs, 0, 0, 0, s, len, style, size, c);
}
