/*
 * text.c — the composer's text: glyph checks (missing-glyph), value
 * formatting (dates, numbers, references), runs, wrapped text and the
 * paragraph helpers every section uses.
 * See compose_int.h.
 */
#include "config.h"

#include <assert.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/fmt.h"
#include "base/lang.h"
#include "base/utf8.h"
#include "compose/compose_int.h"

/* A table of at most this many rows is kept on one page: the image before
 * it may shrink to keep them together (cp_prose). */
#define CP_TB_WHOLE_ROWS	8

/* ---- UTF-8 and glyph checks -------------------------------------------- */

/* Warn once per character that no face can draw. */
void
cp_chk(struct rs *r, const char *s, unsigned long line)
{
	size_t	 len, off = 0, i;
	uint32_t cp;

	if (s == NULL)
		return;
	len = strlen(s);
	while (off < len && (cp = pg_fontset_missing(r->fs, s + off, len - off)) != 0) {
		char	 u[5] = "";
		for (i = 0; i < r->nwarned; i++)
			if (r->warned[i] == cp)
				break;
		if (i == r->nwarned && r->nwarned < sizeof(r->warned) / sizeof(r->warned[0])) {
			r->warned[r->nwarned++] = cp;
			u[pg_utf8_encode(cp, u)] = '\0';
			pg_diag_emit(r->w, RULE_GLYPH, r->o->file, line,
			    pg_glyph_message(r->zh), (unsigned long)cp, u);
		}
		/* Skip past this character and look for the next one. */
		for (i = off; i < len; ) {
			size_t j = i;
			if (pg_utf8_next(s, len, &j) == cp) {
				off = j;
				break;
			}
			i = j;
		}
		if (i >= len)
			break;
	}
}

void
cp_chk_prose_para(struct rs *r, const struct pg_para *pa)
{
	size_t k;

	for (k = 0; k < pa->nruns; k++)
		cp_chk(r, pa->runs[k].text, pa->line);
}

static void
chk_para(void *arg, const struct pg_para *pa)
{
	cp_chk_prose_para(arg, pa);
}

void
cp_chk_prose(struct rs *r, const struct pg_prose *pr)
{
	pg_prose_paras(pr, chk_para, r);
}

/* ---- formatting -------------------------------------------------------- */

/* A short date range: "1 Mar – 30 Jun 2027", "2027年3月1日–6月30日". */
const char *
cp_fmt_range(struct rs *r, struct pg_date a, struct pg_date b)
{
	char	buf[96];

	return cp_sfmt(r, "%s", pg_fmt_date_range(a, b, r->lang, buf,
	    sizeof(buf)));
}

/* A date for a table cell: "31 Dec 2027", "2027年12月31日". */
const char *
cp_fmt_sdate(struct rs *r, struct pg_date d)
{
	char	buf[64];

	return cp_sfmt(r, "%s", pg_fmt_date_short(d, r->lang, buf,
	    sizeof(buf)));
}

const char *
cp_fmt_date(struct rs *r, struct pg_date d)
{
	char	buf[64];

	pg_fmt_date(d, r->lang, buf, sizeof(buf));
	return cp_sfmt(r, "%s", buf);
}

/* A decimal as written, with thousands separators in its integer part. */
const char *
cp_fmt_num(struct rs *r, const char *text)
{
	char	buf[128];

	if (text == NULL)
		return "";
	return cp_sfmt(r, "%s", pg_fmt_grouped(text, buf, sizeof(buf)));
}

const char *
cp_refs(struct rs *r, const struct pg_refs *rf)
{
	/* Chinese lists take the enumeration comma (GB/T 15834) */
	const char *sep = r->zh ? "\xe3\x80\x81" : ", ";
	size_t	 i, n = 0, k = strlen(sep), len;
	char	*s, *e;

	for (i = 0; i < rf->n; i++)
		n += strlen(rf->id[i]) + k;
	if ((s = e = cp_palloc(r, n + 1)) == NULL)
		return "";
	for (i = 0; i < rf->n; i++) {
		if (i > 0) {
			memcpy(e, sep, k);
			e += k;
		}
		len = strlen(rf->id[i]);
		memcpy(e, rf->id[i], len);
		e += len;
	}
	*e = '\0';
	return s;
}

const char *
cp_enum_label(struct rs *r, const char *prefix, const char *name)
{
	if (name == NULL || *name == '\0')
		return "";
	return cp_label(r, cp_sfmt(r, "%s.%s", prefix, name));
}

/* ---- runs and text ----------------------------------------------------- */

struct pg_run *
cp_run1(struct rs *r, const char *s, unsigned style)
{
	struct pg_run *run = cp_palloc(r, sizeof(*run));

	if (run == NULL)
		return NULL;
	run->text = s ? s : "";
	run->style = style;
	return run;
}

/*
 * The runs to lay out for the plan's own runs: footnote references become
 * their raised numbers.  Emphasis stays emphasis: in Chinese text the
 * fonts draw it in the Kai face (layout/font.c, clreq), not slanted and
 * not bold.
 */
const struct pg_run *
cp_xruns(struct rs *r, const struct pg_run *v, size_t n)
{
	struct pg_run	*c;
	size_t		 i;

	for (i = 0; i < n; i++)
		if (v[i].style & PG_STYLE_FN)
			break;
	if (i == n || (c = cp_palloc(r, n * sizeof(*c))) == NULL)
		return v;
	for (i = 0; i < n; i++) {
		c[i] = v[i];
		if (c[i].style & PG_STYLE_FN) {
			/* a footnote: its number here, its text at the
			 * chapter's end (prose_v2.c) */
			c[i].text = cp_fn_cite(r, v[i].text);
			c[i].style = PG_STYLE_SUP;
		}
	}
	return c;
}

/* Width of text in a style, pt, face by face. */
double
cp_text_w(struct rs *r, const char *s, unsigned style, double size)
{
	return pg_measure_text(r->fs, s, strlen(s), style, size);
}

/*
 * Draw s broken into lines of width w starting with the first baseline
 * at y.  Returns the y of the baseline after the last line (or y if
 * nothing was drawn).  measure: do not draw, only count.
 */
double
cp_draw_wrapped(struct rs *r, int page, double x, double y, double w,
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
			struct pg_box b = pg_box_text(r->fs, x + sg->x, y,
			    sg->w, s + sg->off, sg->len, sg->face, size, c);
			if (sg->join)
				b.flags |= PG_BOXF_JOIN;
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

/* compose_int.h */
const char *
cp_wrap_cut(struct rs *r, const char *s, double w, unsigned style,
    double size, size_t maxlines)
{
	struct pg_run	 run = { s, style };
	struct pg_tstyle ts;
	struct pg_lines	 ls;
	size_t		 cut, len, n;
	char		*out;

	if (s == NULL || *s == '\0' || maxlines == 0)
		return s;
	memset(&ts, 0, sizeof(ts));
	ts.size = size;
	ts.leading = size;
	ts.style = style;
	ts.align = PG_ALIGN_LEFT;
	memset(&ls, 0, sizeof(ls));
	if (pg_break(r->fs, &run, 1, &ts, w, r->lang, &ls) != 0) {
		r->oom = 1;
		return s;
	}
	n = ls.n;
	cut = n > maxlines && ls.v[maxlines].nsegs > 0 ?
	    ls.v[maxlines].segs[0].off : strlen(s);
	pg_lines_free(&ls);
	if (n <= maxlines)
		return s;
	len = strlen(s);
	if ((out = cp_palloc(r, len + 4)) == NULL)
		return s;
	/* the kept lines, "…" after the last word that leaves it room */
	for (;;) {
		while (cut > 0 && (s[cut - 1] == ' ' || ((unsigned char)s[cut - 1]
		    & 0xc0) == 0x80))
			cut--;
		memcpy(out, s, cut);
		memcpy(out + cut, "…", 4);
		if (cut == 0 || cp_draw_wrapped(r, 0, 0, 0, w, out, style, size,
		    1, ts.color, PG_ALIGN_LEFT, 1) <= (double)maxlines)
			break;
		cut--;		/* one character back (the loop finds its start) */
	}
	return out;
}

/* compose_int.h */
void
cp_cut_note(struct rs *r, const char *what_en, const char *what_zh,
    unsigned long line, const char *shown, const char *whole)
{
	size_t n;

	if (shown == whole || shown == NULL || whole == NULL ||
	    r->o->notes == NULL)
		return;
	n = strlen(shown) >= 3 ? strlen(shown) - 3 : 0;
	if (pg_diag_emit_team(r->o->notes, "", PG_WARNING, r->o->file, line,
	    r->zh ? "%s太长，封面放不下：封面只印出它的前 %zu 字节（共 %zu 字节），"
	    "以“…”结尾；请缩短" : "the %s is too long for the cover: the cover "
	    "prints its first %zu of %zu bytes, ending with \"…\"; shorten it",
	    r->zh ? what_zh : what_en, n, strlen(whole)) == -1)
		r->oom = 1;
}

void
cp_add_rect(struct rs *r, int page, double x, double y, double w, double h,
    struct pg_color fill)
{
	struct pg_box b = pg_box_rect(x, y, w, h, fill);

	if (pg_frames_add(r->f, page, &b) == NULL)
		r->oom = 1;
}

void
cp_add_line(struct rs *r, int page, double x, double y, double w, double h,
    struct pg_color c, double lw, unsigned flags)
{
	struct pg_box b = pg_box_line(x, y, w, h, c, lw, flags);

	if (pg_frames_add(r->f, page, &b) == NULL)
		r->oom = 1;
}

double
cp_draw_text(struct rs *r, int page, double x, double y, const char *s,
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

void
cp_lcheck(struct rs *r, int rc)
{
	if (rc < 0)
		r->oom = 1;
}

void
cp_heading1(struct rs *r, const char *key)
{
	cp_heading1_text(r, cp_label(r, key));
}

void
cp_heading1_text(struct rs *r, const char *title)
{
	const char *text;

	r->sec++;
	r->sub = 0;
	r->last_heading = title;
	text = cp_sfmt(r, "%d  %s", r->sec, title);
	cp_lcheck(r, pg_layout_heading(r->l, 0, text, &r->h1));
	r->h1_page = pg_layout_page(r->l);	/* deck.c: cp_deck_slide */
	r->h1_y = pg_layout_y(r->l);
}

void
cp_heading2(struct rs *r, const char *key)
{
	cp_heading2_text(r, cp_label(r, key));
}

void
cp_heading2_text(struct rs *r, const char *title)
{
	const char *text;

	cp_deck_slide(r);	/* a deck: one idea a slide */
	r->sub++;
	r->last_heading = title;
	text = cp_sfmt(r, "%d.%d  %s", r->sec, r->sub, title);
	cp_lcheck(r, pg_layout_heading(r->l, 1, text, &r->h2));
}

void
cp_prose(struct rs *r, const struct pg_prose *pr)
{
	size_t	b, i;
	int	p0 = 0, mark = cp_changed(r, pr->line);
	double	y0 = 0;

	cp_chk_prose(r, pr);
	if (mark) {	/* render --since: a bar beside a changed text */
		p0 = pg_layout_page(r->l);
		y0 = pg_layout_y(r->l);
	}
	for (b = 0; b < pr->nblocks; b++) {
		const struct pg_block *bl = &pr->blocks[b];
		if (bl->kind == PG_BLOCK_P)
			cp_lcheck(r, pg_layout_para(r->l, cp_xruns(r, bl->para.runs,
			    bl->para.nruns), bl->para.nruns, &r->body));
		else if (bl->kind != PG_BLOCK_LIST) {
			/* an image followed by a table that never splits may
			 * shrink to keep it on its page (prose_v2.c) */
			const struct pg_block *nx = b + 1 < pr->nblocks ?
			    &pr->blocks[b + 1] : NULL;
			r->img_keep = bl->kind == PG_BLOCK_IMAGE && nx != NULL &&
			    nx->kind == PG_BLOCK_TABLE && nx->table != NULL &&
			    nx->table->nrows <= CP_TB_WHOLE_ROWS ?
			    (double)nx->table->nrows * (r->tbody.leading + 6) +
			    r->t->size_body : 0;
			cp_block_v2(r, bl);	/* table, image: prose_v2.c */
			r->img_keep = 0;
		}
		else {
			int was = pg_frames_enter(r->f, r->f->cur);

			cp_lcheck(r, pg_frames_begin(r->f, PG_ROLE_L));
			for (i = 0; i < bl->nitems; i++)
				cp_lcheck(r, pg_layout_item(r->l, cp_xruns(r,
				    bl->items[i].runs, bl->items[i].nruns),
				    bl->items[i].nruns, &r->item));
			pg_frames_enter(r->f, was);
		}
	}
	if (mark)
		cp_bar_span(r, p0, y0, pg_layout_page(r->l), pg_layout_y(r->l));
	cp_placed_prose(r, pr);
}

/* A paragraph that starts with a bold lead ("A1  Title") then runs. */
void
cp_lead_para(struct rs *r, const char *lead, const struct pg_run *runs,
    size_t n, const struct pg_tstyle *ts)
{
	struct pg_run	*v = cp_palloc(r, (n + 1) * sizeof(*v));
	size_t		 i;

	if (v == NULL)
		return;
	v[0].text = lead;
	v[0].style = PG_STYLE_STRONG;
	for (i = 0; i < n; i++)
		v[i + 1] = runs[i];
	cp_lcheck(r, pg_layout_para(r->l, v, n + 1, ts));
	cp_placed_runs(r, v, n + 1);
}

void
cp_text_para(struct rs *r, const char *s, unsigned long line,
    const struct pg_tstyle *ts)
{
	int		 p0, mark = cp_changed(r, line);
	double		 y0;
	struct pg_run	*run;

	if (s == NULL)
		return;
	cp_chk(r, s, line);
	if ((run = cp_run1(r, s, 0)) == NULL)
		return;		/* out of memory: r->oom is set */
	p0 = pg_layout_page(r->l);
	y0 = pg_layout_y(r->l);
	cp_lcheck(r, pg_layout_para(r->l, run, 1, ts));
	if (mark)	/* render --since: a bar beside a changed text */
		cp_bar_span(r, p0, y0, pg_layout_page(r->l), pg_layout_y(r->l));
	cp_placed(r, s);
}

