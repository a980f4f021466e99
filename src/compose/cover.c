/*
 * cover.c — the cover page, the contents, and the running header and
 * footer bands added once the page count is known.
 * See compose_int.h.
 */
#include "config.h"

#include <assert.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/utf8.h"
#include "compose/compose_int.h"

/* ---- cover, contents, header and footer -------------------------------- */

/* compose_int.h */
void
cp_cover_texts(struct rs *r)
{
	const struct pg_meta *m = &r->p->meta;

	cp_chk(r, m->organization.s, m->organization.line);
	cp_chk(r, m->title.s, m->title.line);
	cp_chk(r, m->subtitle.s, m->subtitle.line);
	cp_chk(r, m->author.s, m->author.line);
	cp_placed(r, m->organization.s);
	cp_placed(r, m->title.s);
	cp_placed(r, m->subtitle.s);
	cp_placed(r, m->author.s);
}

/* compose_int.h */
void
cp_cover_notes(struct rs *r, const char *org, const char *title,
    const char *subt, const char *author)
{
	const struct pg_meta *m = &r->p->meta;

	/* in the order <meta> holds them */
	cp_cut_note(r, "title", "标题", m->title.line, title, m->title.s);
	cp_cut_note(r, "subtitle", "副标题", m->subtitle.line, subt,
	    m->subtitle.s);
	cp_cut_note(r, "organization", "机构名称", m->organization.line, org,
	    m->organization.s);
	cp_cut_note(r, "author", "作者", m->author.line, author, m->author.s);
}

void
cp_cover(struct rs *r)
{
	const struct pg_meta	*m = &r->p->meta;
	const struct pg_template *t = r->t;
	const double		 W = t->page_w, H = t->page_h;
	const double		 x = t->margin_left, w = W - t->margin_left - t->margin_right;
	const struct pg_color	 white = { 255, 255, 255 };
	struct pg_color		 soft;
	double			 y, ty, lead = t->size_cover * 1.18, th, sh, bmax;
	double			 band = H * (W > H ? 0.5 : 0.44);
	const char		*rows[6][2], *org, *title, *subt, *author;
	int			 n = 0, i;
	char			 d1[64], d2[64];
	size_t			 maxl;

	soft.r = (uint8_t)((t->c_primary.r + 3 * 255) / 4);
	soft.g = (uint8_t)((t->c_primary.g + 3 * 255) / 4);
	soft.b = (uint8_t)((t->c_primary.b + 3 * 255) / 4);
	/* Each text in the room it has on the page, cut with "…" and a note
	 * past it (what no plan needs: hundreds of words) */
	org = cp_wrap_cut(r, m->organization.s, w * 0.7, PG_STYLE_STRONG,
	    t->size_h2, 3);
	subt = cp_wrap_cut(r, m->subtitle.s, w, 0, t->size_h2 * 1.2, 4);
	author = cp_wrap_cut(r, m->author.s, w * 0.72, PG_STYLE_STRONG,
	    t->size_body * 1.1, 4);
	/* The band grows with a long title; its foot holds the title. */
	sh = subt ? cp_draw_wrapped(r, 0, x, 0, w, subt, 0,
	    t->size_h2 * 1.2, t->size_h2 * 1.6, white, PG_ALIGN_LEFT, 1) +
	    t->size_h2 : 0;
	/* the band ends where the facts under it still fit the page */
	bmax = H - t->margin_bottom - 5 - t->size_body * 4 - t->size_body * 2.2 *
	    (1 + (author != NULL) + (m->date.y != 0) + (m->status != 0) +
	    (m->confidentiality != 0)) - (author != NULL ? cp_draw_wrapped(r, 0,
	    0, 0, w * 0.72, author, PG_STYLE_STRONG, t->size_body * 1.1, 1,
	    white, PG_ALIGN_LEFT, 1) - 1 : 0) * t->size_body * 1.5;
	if (bmax > H * 0.75)
		bmax = H * 0.75;
	th = bmax - (t->margin_top + t->size_h2 * 4 + sh + 36);
	maxl = th > lead ? (size_t)(th / lead) : 1;
	title = cp_wrap_cut(r, m->title.s, w, PG_STYLE_STRONG, t->size_cover,
	    maxl);
	cp_cover_notes(r, org, title, subt, author);
	th = cp_draw_wrapped(r, 0, x, 0, w, title, PG_STYLE_STRONG,
	    t->size_cover, lead, white, PG_ALIGN_LEFT, 1);
	if (band < t->margin_top + t->size_h2 * 4 + th + sh + 36)
		band = t->margin_top + t->size_h2 * 4 + th + sh + 36;
	if (band > bmax)
		band = bmax;
	cp_add_rect(r, 0, 0, 0, W, band, t->c_primary);
	cp_add_rect(r, 0, 0, band, W, 5, t->c_accent);
	cp_cover_texts(r);	/* all four are drawn below (cut: a note) */
	/* reading order: organization, title, subtitle, facts */
	pg_frames_enter(r->f, r->el_cover);
	cp_lcheck(r, pg_frames_begin(r->f, PG_ROLE_P));
	cp_draw_wrapped(r, 0, x, t->margin_top + t->size_h2, w * 0.7,
	    org, PG_STYLE_STRONG, t->size_h2, t->size_h2 * 1.3,
	    white, PG_ALIGN_LEFT, 0);
	pg_frames_enter(r->f, r->el_cover);
	if (t->logo != NULL) {
		/* its size as base/image.c probed it when the template loaded */
		double iw = t->logo_px_w, ih = t->logo_px_h, lw = t->logo_w, lh;
		if (iw > 0 && ih > 0) {
			struct pg_box b;
			lh = lw * ih / iw;
			b = pg_box_at(PG_BOX_IMAGE, W - t->margin_right - lw,
			    t->margin_top, lw, lh);
			b.path = t->logo;
			if (pg_frames_add(r->f, 0, &b) == NULL)
				r->oom = 1;
		}
	}
	/* Title and subtitle sit at the foot of the band. */
	{
		ty = band - 36 - sh - th + t->size_cover;
		cp_lcheck(r, pg_frames_begin(r->f, PG_ROLE_H1));
		y = cp_draw_wrapped(r, 0, x, ty, w, title, PG_STYLE_STRONG,
		    t->size_cover, lead, white, PG_ALIGN_LEFT, 0);
		pg_frames_enter(r->f, r->el_cover);
		cp_lcheck(r, pg_frames_begin(r->f, PG_ROLE_P));
		if (subt)
			cp_draw_wrapped(r, 0, x, y - lead + t->size_h2 * 2.4, w,
			    subt, 0, t->size_h2 * 1.2, t->size_h2 * 1.6,
			    soft, PG_ALIGN_LEFT, 0);
		pg_frames_enter(r->f, r->el_cover);
	}
	/* The facts of the document below the band. */
	rows[n][0] = cp_label(r, "cover.period");
	rows[n++][1] = cp_sfmt(r, "%s%s%s", pg_fmt_date(m->period_start, r->lang,
	    d1, sizeof(d1)), cp_label(r, "cover.period-sep"),
	    pg_fmt_date(m->period_end, r->lang, d2, sizeof(d2)));
	if (author) {
		rows[n][0] = cp_label(r, "cover.author");
		rows[n++][1] = author;
	}
	if (m->date.y) {
		rows[n][0] = cp_label(r, "cover.date");
		rows[n++][1] = cp_fmt_date(r, m->date);
	}
	if (m->status) {
		rows[n][0] = cp_label(r, "cover.status");
		rows[n++][1] = cp_enum_label(r, "status",
		    pg_status_names[m->status]);
	}
	if (m->confidentiality) {
		rows[n][0] = cp_label(r, "cover.confidentiality");
		rows[n++][1] = cp_enum_label(r, "confidentiality",
		    pg_confidentiality_names[m->confidentiality]);
	}
	y = band + 5 + t->size_body * 4;
	for (i = 0; i < n; i++) {
		pg_frames_enter(r->f, r->el_cover);
		cp_lcheck(r, pg_frames_begin(r->f, PG_ROLE_P));
		cp_draw_text(r, 0, x, y, rows[i][0], 0, t->size_body * 0.9, t->c_muted);
		y = cp_draw_wrapped(r, 0, x + w * 0.28, y, w * 0.72, rows[i][1],
		    PG_STYLE_STRONG, t->size_body * 1.1, t->size_body * 1.5,
		    t->c_text, PG_ALIGN_LEFT, 0) + t->size_body * 0.7;
	}
	if (m->confidentiality >= PG_CONF_CONFIDENTIAL) {
		const char *cl = cp_enum_label(r, "confidentiality",
		    pg_confidentiality_names[m->confidentiality]);
		double cw = cp_text_w(r, cl, PG_STYLE_STRONG, t->size_h2);
		pg_frames_enter(r->f, r->el_cover);
		cp_lcheck(r, pg_frames_begin(r->f, PG_ROLE_P));
		cp_draw_text(r, 0, W - t->margin_right - cw, H - t->margin_bottom,
		    cl, PG_STYLE_STRONG, t->size_h2, t->c_accent);
	}
	pg_frames_enter(r->f, 0);
}

/*
 * The list of figures' bookmark: under the contents' own (the first
 * bookmark of the document body, r->first_outline - 1), at (page, y).
 */
static void
lof_bookmark(struct rs *r, int page, double y)
{
	struct pg_frames	*f = r->f;
	struct pg_outline	 o;
	size_t			 i, at = r->first_outline;

	if (pg_frames_outline(f, cp_label(r, "toc.figures"), 1, page, y) != 0) {
		r->oom = 1;
		return;
	}
	o = f->outlines[f->noutlines - 1];
	for (i = f->noutlines - 1; i > at; i--)
		f->outlines[i] = f->outlines[i - 1];
	f->outlines[at] = o;
}

/*
 * Draw (or only count, if measure) the contents on pages 1..; returns the
 * number of pages the contents need.
 */
int
cp_contents(struct rs *r, int measure)
{
	const struct pg_template *t = r->t;
	const int	 ncols = t->page_w > t->page_h ? 2 : 1;
	const double	 gap = 28;
	const double	 colw = (t->page_w - t->margin_left - t->margin_right -
			    gap * (ncols - 1)) / ncols;
	const double	 bottom = t->page_h - t->margin_bottom;
	double		 y, ytop, x, right, lof_y = 0;
	int		 page = 1, col = 0, lof_page = -1;
	size_t		 i;

	y = t->margin_top + t->size_h1;
	if (!measure) {
		pg_frames_enter(r->f, r->el_toch);
		cp_draw_text(r, page, t->margin_left, y, cp_label(r, "toc.heading"),
		    PG_STYLE_STRONG, t->size_h1, t->c_primary);
	}
	y += t->size_h1 * 1.2;
	ytop = y;
	for (i = r->first_outline; i < r->f->noutlines + (r->nfigs > 0 ?
	    r->nfigs + 1 : 0); i++) {
		struct pg_outline fo, *o;
		int lvl0;
		double size, step, indent;
		unsigned style;
		struct pg_color c;
		const char *num;
		double tw, nw;

		if (i < r->f->noutlines)
			o = &r->f->outlines[i];
		else {
			/* version 2: the list of figures (figplace.c), under
			 * a heading of its own */
			size_t k = i - r->f->noutlines;
			memset(&fo, 0, sizeof(fo));
			if (k == 0) {
				fo.title = cp_label(r, "toc.figures");
				fo.level = -1;
			} else {
				fo.title = r->figs[k - 1].title;
				fo.level = 1;
				fo.page = r->figs[k - 1].page;
				fo.y = r->figs[k - 1].y + 12;
			}
			o = &fo;
		}
		lvl0 = o->level <= 0;
		size = lvl0 ? t->size_body * 1.05 : t->size_body * 0.95;
		step = lvl0 ? size * 2.1 : size * 1.65;
		indent = lvl0 ? 0 : size * 2.2;
		style = lvl0 ? PG_STYLE_STRONG : 0;
		c = lvl0 ? t->c_primary : t->c_text;

		/* the list of figures' heading keeps its first entry */
		if (y + step + (o->level < 0 ? t->size_body * 0.95 * 1.65 :
		    0) > bottom) {
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
		if (o->level < 0) {
			/* the list's heading: a heading (H2 under the
			 * contents' H1, as its bookmark is under theirs), no
			 * page, no link */
			lof_page = page;	/* a bookmark (below) */
			lof_y = y - size * 1.2;
			pg_frames_enter(r->f, r->el_lofh);
			cp_draw_text(r, page, x, y, o->title, style, size, c);
			continue;
		}
		num = cp_sfmt(r, "%d", o->page + 1);
		nw = cp_text_w(r, num, style, size);
		/* TOCI > Link > the entry's text and its annotation; the
		 * figures' entries are a TOC of their own, after their heading */
		pg_frames_enter(r->f, i < r->f->noutlines ? r->el_toc :
		    r->el_lof);
		cp_lcheck(r, pg_frames_begin(r->f, PG_ROLE_TOCI));
		cp_lcheck(r, pg_frames_begin(r->f, PG_ROLE_LINK));
		/* what the link says (its annotation's /Contents): the entry */
		cp_lcheck(r, pg_frames_set_alt(r->f, r->f->cur, cp_sfmt(r,
		    "%s %s", o->title, num)));
		tw = cp_draw_text(r, page, x + indent, y, o->title, style, size, c);
		cp_draw_text(r, page, right - nw, y, num, style, size, c);
		if (x + indent + tw + 6 < right - nw - 6)
			cp_add_line(r, page, x + indent + tw + 6, y, right - nw - 6 -
			    (x + indent + tw + 6), 0, t->c_rule, 0.6, PG_BOXF_DASH);
		{
			struct pg_box b = pg_box_at(PG_BOX_LINK, x + indent,
			    y - size, right - x - indent, size * 1.4);
			b.dest_page = o->page;
			b.dest_y = o->y > 12 ? o->y - 12 : 0;
			if (pg_frames_add(r->f, page, &b) == NULL)
				r->oom = 1;
		}
	}
	if (!measure)
		pg_frames_enter(r->f, 0);
	if (!measure && lof_page >= 0)
		lof_bookmark(r, lof_page, lof_y);
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
	if ((out = cp_palloc(r, cap)) == NULL)
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
					v = cp_sfmt(r, "%d", page + 1);
				else if (kl == 5 && strncmp(s + 1, "pages", 5) == 0)
					v = cp_sfmt(r, "%zu", r->f->npages);
				else if (kl == 4 && strncmp(s + 1, "date", 4) == 0)
					v = m->date.y ? cp_fmt_date(r, m->date) : "";
				else if (kl == 15 && strncmp(s + 1, "confidentiality", 15) == 0)
					v = m->confidentiality ? cp_enum_label(r,
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

	if (cp_text_w(r, s, 0, size) <= maxw)
		return s;
	if ((out = cp_palloc(r, len + 4)) == NULL)
		return "";
	while (i < len) {
		size_t j = i;
		pg_utf8_next(s, len, &j);
		memcpy(out, s, j);
		memcpy(out + j, "…", 4);
		if (cp_text_w(r, out, 0, size) > maxw)
			break;
		last = j;
		i = j;
	}
	memcpy(out, s, last);
	memcpy(out + last, "…", 4);
	return out;
}

/*
 * The template's logo at the left of the running header of page (when
 * <logo header="yes">): as tall as two lines of the band, standing on
 * the header's baseline, at most a fifth of the text width wide.  Returns
 * where the header's left text starts (x0 when there is no logo).
 */
static double
header_logo(struct rs *r, int page, double x0, double x1, double hy,
    double size)
{
	const struct pg_template *t = r->t;
	struct pg_box	 b;
	double		 lh = size * 2.0, lw;

	if (t->logo == NULL || !t->logo_header || t->logo_px_w == 0 ||
	    t->logo_px_h == 0)
		return x0;
	lw = lh * t->logo_px_w / t->logo_px_h;
	if (lw > (x1 - x0) * 0.2) {
		lw = (x1 - x0) * 0.2;
		lh = lw * t->logo_px_h / t->logo_px_w;
	}
	b = pg_box_at(PG_BOX_IMAGE, x0, hy + size * 0.3 - lh, lw, lh);
	b.path = t->logo;
	if (pg_frames_add(r->f, page, &b) == NULL)
		r->oom = 1;
	return x0 + lw + size;
}

void
cp_bands(struct rs *r)
{
	const struct pg_template *t = r->t;
	const double	 x0 = t->margin_left, x1 = t->page_w - t->margin_right;
	const double	 hy = t->margin_top * 0.55;
	const double	 fy = t->page_h - t->margin_bottom * 0.42;
	const double	 size = t->size_band;
	const char	*mark = cp_label(r, "draft.mark");
	size_t		 pg;
	int		 s;
	double		 lx, half = 0, mid = (x0 + x1) / 2;

	if (r->o->draft)	/* the badge's half and a gap, kept free */
		half = (cp_text_w(r, mark, PG_STYLE_STRONG, size * 1.5) +
		    size * 1.5) / 2 + size;
	for (pg = 0; pg < r->f->npages; pg++) {
		int page = (int)pg;
		if (r->o->draft) {
			/* a badge, white on the draft colour: visible on the
			 * cover's band and on white pages alike */
			static const struct pg_color white = { 255, 255, 255 };
			double ms = size * 1.5;
			double mw = cp_text_w(r, mark, PG_STYLE_STRONG, ms);
			double pad = ms * 0.5;
			/* a deck's top band holds "(continued)" titles */
			double by = t->kind == PG_TKIND_DECK && pg > 0 ? fy : hy;
			cp_add_rect(r, page, (t->page_w - mw) / 2 - pad,
			    by - ms * 1.05, mw + 2 * pad, ms * 1.45, t->c_draft);
			cp_draw_text(r, page, (t->page_w - mw) / 2, by, mark,
			    PG_STYLE_STRONG, ms, white);
		}
		if (pg == 0 && t->kind != PG_TKIND_BRIEF)	/* the cover */
			continue;
		lx = header_logo(r, page, x0, x1, hy, size);
		for (s = 0; s < PG_SLOT_N; s++) {
			const char *ht = expand(r, pg_ltext_get(&t->header[s],
			    r->lang), page);
			const char *ft = expand(r, pg_ltext_get(&t->footer[s],
			    r->lang), page);
			double hw = cp_text_w(r, ht, 0, size), fw = cp_text_w(r, ft, 0, size);
			double hx, fx;
			if (r->o->draft && s == PG_SLOT_CENTER)
				ht = "";
			/* keep left and right slots within half the width */
			if (s != PG_SLOT_CENTER && hw > (x1 - x0) * 0.45) {
				ht = fit_text(r, ht, size, (x1 - x0) * 0.45);
				hw = cp_text_w(r, ht, 0, size);
			}
			/* the footer's too (a deck's and a brief's name the
			 * plan in the foot); a middle one within 0.3 */
			if (fw > (x1 - x0) * (s == PG_SLOT_CENTER ? 0.3 : 0.45)) {
				ft = fit_text(r, ft, size, (x1 - x0) *
				    (s == PG_SLOT_CENTER ? 0.3 : 0.45));
				fw = cp_text_w(r, ft, 0, size);
			}
			if (s == PG_SLOT_CENTER && hw > (x1 - x0) * 0.3) {
				ht = fit_text(r, ht, size, (x1 - x0) * 0.3);
				hw = cp_text_w(r, ht, 0, size);
			}
			if (s == PG_SLOT_LEFT && lx > x0 && hw > (x1 - lx) * 0.45) {
				ht = fit_text(r, ht, size, (x1 - lx) * 0.45);
				hw = cp_text_w(r, ht, 0, size);
			}
			/* and off a draft's badge in the middle (a deck's is
			 * in the foot) */
			if (half > 0 && s != PG_SLOT_CENTER) {
				double lim = s == PG_SLOT_LEFT ? mid - half - lx :
				    x1 - mid - half;
				int foot = t->kind == PG_TKIND_DECK && pg > 0;
				if (!foot && hw > lim) {
					ht = fit_text(r, ht, size, lim);
					hw = cp_text_w(r, ht, 0, size);
				}
				lim = s == PG_SLOT_LEFT ? mid - half - x0 : lim;
				if (foot && fw > lim) {
					ft = fit_text(r, ft, size, lim);
					fw = cp_text_w(r, ft, 0, size);
				}
			}
			hx = s == PG_SLOT_LEFT ? lx : s == PG_SLOT_RIGHT ? x1 - hw :
			    (x0 + x1 - hw) / 2;
			fx = s == PG_SLOT_LEFT ? x0 : s == PG_SLOT_RIGHT ? x1 - fw :
			    (x0 + x1 - fw) / 2;
			cp_draw_text(r, page, hx, hy, ht, 0, size, t->c_muted);
			cp_draw_text(r, page, fx, fy, ft, 0, size, t->c_muted);
		}
		if (t->header[0].en || t->header[1].en || t->header[2].en)
			cp_add_line(r, page, x0, hy + size * 0.7, x1 - x0, 0,
			    t->c_rule, 0.5, 0);	/* no rule under no header */
		cp_add_line(r, page, x0, fy - size * 1.3, x1 - x0, 0, t->c_rule, 0.5, 0);
	}
}

