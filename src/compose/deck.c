/*
 * deck.c — the slide deck (template kind="deck"): 16:9 pages, one slide a
 * page, large type.  See compose_int.h (cp_deck).
 *
 * The slides: a title slide; the key points; then the template's sections
 * in its order (situation, SWOT, goals and their tree, strategy and the
 * 7Ps, the service blueprint, the positioning map, the actions by quarter,
 * the budget, the controls), the progress chapter when the plan has
 * actuals, the appendix, and a draft's findings.
 *
 * Invariants:
 *  1. One idea a slide: every chapter starts a slide, and so does every
 *     subsection (cp_deck_slide, called by the level-2 headings) unless
 *     the slide holds only its chapter's heading so far.
 *  2. What does not fit a slide continues on the next one, and that slide
 *     is titled "<heading> (continued)" / "<heading>（续）" in the band
 *     above the text (drawn once the layout is final, from the outline).
 *     Tables keep the template's table size and split between rows; the
 *     figures are laid out for the slide's room at a larger scale
 *     (figplace.c).
 *  3. What the deck does not show (the summary's prose, the actions'
 *     descriptions) is in the full plan: the accounting marks it
 *     summarised by design, never lost.
 */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/lang.h"
#include "compose/compose_int.h"
#include "model/track.h"

#define W(e, z)	(r->zh ? (z) : (e))

/* ---- the title slide ---------------------------------------------------- */

static void
title_slide(struct rs *r)
{
	const struct pg_meta	*m = &r->p->meta;
	const struct pg_template *t = r->t;
	const double		 PW = t->page_w, PH = t->page_h;
	const double		 x = t->margin_left, w = PW - x - t->margin_right;
	const struct pg_color	 white = { 255, 255, 255 };
	struct pg_color		 soft;
	double			 band = PH * 0.58, lead = t->size_cover * 1.15;
	double			 th, sh, y;
	char			 d0[64], d1[64];
	const char		*facts, *org, *title, *subt, *author;
	size_t			 maxl;

	soft.r = (uint8_t)((t->c_primary.r + 3 * 255) / 4);
	soft.g = (uint8_t)((t->c_primary.g + 3 * 255) / 4);
	soft.b = (uint8_t)((t->c_primary.b + 3 * 255) / 4);
	/* each text in its room on the slide, cut with "…" and a note past
	 * it, as on the report's cover */
	org = cp_wrap_cut(r, m->organization.s, w, PG_STYLE_STRONG,
	    t->size_body, 2);
	subt = cp_wrap_cut(r, m->subtitle.s, w, 0, t->size_h2, 3);
	author = cp_wrap_cut(r, m->author.s, w * 0.5, 0, t->size_body, 1);
	sh = subt ? cp_draw_wrapped(r, 0, x, 0, w, subt, 0,
	    t->size_h2, t->size_h2 * 1.35, soft, PG_ALIGN_LEFT, 1) : 0;
	th = PH * 0.75 - (t->size_h2 * 3 + sh + 30);
	maxl = th > lead ? (size_t)(th / lead) : 1;
	title = cp_wrap_cut(r, m->title.s, w, PG_STYLE_STRONG, t->size_cover,
	    maxl);
	cp_cover_notes(r, org, title, subt, author);
	th = cp_draw_wrapped(r, 0, x, 0, w, title, PG_STYLE_STRONG,
	    t->size_cover, lead, white, PG_ALIGN_LEFT, 1);
	if (band < t->size_h2 * 3 + th + sh + 30)
		band = t->size_h2 * 3 + th + sh + 30;
	if (band > PH * 0.75)
		band = PH * 0.75;
	cp_add_rect(r, 0, 0, 0, PW, band, t->c_primary);
	cp_add_rect(r, 0, 0, band, PW, 6, t->c_accent);
	cp_cover_texts(r);	/* all four are drawn below, whole */
	pg_frames_enter(r->f, r->el_cover);
	cp_lcheck(r, pg_frames_begin(r->f, PG_ROLE_P));
	cp_draw_wrapped(r, 0, x, t->size_h2 * 2, w, org,
	    PG_STYLE_STRONG, t->size_body, t->size_body * 1.3, soft,
	    PG_ALIGN_LEFT, 0);
	pg_frames_enter(r->f, r->el_cover);
	cp_lcheck(r, pg_frames_begin(r->f, PG_ROLE_H1));
	y = band - 24 - sh - th + t->size_cover;
	y = cp_draw_wrapped(r, 0, x, y, w, title, PG_STYLE_STRONG,
	    t->size_cover, lead, white, PG_ALIGN_LEFT, 0);
	pg_frames_enter(r->f, r->el_cover);
	if (subt != NULL) {
		cp_lcheck(r, pg_frames_begin(r->f, PG_ROLE_P));
		cp_draw_wrapped(r, 0, x, y - lead + t->size_h2 * 1.6, w,
		    subt, 0, t->size_h2, t->size_h2 * 1.35, soft,
		    PG_ALIGN_LEFT, 0);
		pg_frames_enter(r->f, r->el_cover);
	}
	/* the facts: period, author, status, in one wrapped paragraph */
	facts = cp_sfmt(r, "%s %s%s%s", cp_label(r, "cover.period"),
	    pg_fmt_date(m->period_start, r->lang, d0, sizeof(d0)),
	    cp_label(r, "cover.period-sep"),
	    pg_fmt_date(m->period_end, r->lang, d1, sizeof(d1)));
	if (author != NULL)
		facts = cp_sfmt(r, "%s  ·  %s%s%s", facts, cp_label(r,
		    "cover.author"), COLON(r), author);
	if (m->status)
		facts = cp_sfmt(r, "%s  ·  %s", facts, cp_enum_label(r, "status",
		    pg_status_names[m->status]));
	if (m->confidentiality)
		facts = cp_sfmt(r, "%s  ·  %s", facts, cp_enum_label(r,
		    "confidentiality",
		    pg_confidentiality_names[m->confidentiality]));
	cp_lcheck(r, pg_frames_begin(r->f, PG_ROLE_P));
	cp_draw_wrapped(r, 0, x, band + 6 + t->size_body * 2.2, w, facts, 0,
	    t->size_body, t->size_body * 1.4, t->c_text, PG_ALIGN_LEFT, 0);
	pg_frames_enter(r->f, 0);
}

/* ---- slides of the deck's own ------------------------------------------ */

static void
key_points(struct rs *r)
{
	const struct pg_summary	*s = &r->p->summary;

	if (s->nkey_points == 0)
		return;
	cp_lcheck(r, pg_layout_new_page(r->l));
	cp_heading1(r, "summary.key-points");
	cp_key_points(r, s->nkey_points);
}

/* The quarter of a date, as 4 * year + quarter - 1 (0: no date). */
static int
quarter_of(struct pg_date d)
{
	return d.y > 0 && d.m >= 1 ? d.y * 4 + (d.m - 1) / 3 : 0;
}

/* The actions by quarter: a slide a quarter they start in. */
static void
actions(struct rs *r)
{
	const struct pg_actions	*as = &r->p->actions;
	static const double	 mf[4] = { 0.08, 0.45, 0.15, 0.2 };
	size_t			 i;
	int			 q, next, prev = -1;

	cp_heading1(r, "actions.heading");
	for (;;) {
		struct tb t;
		/* the next quarter after prev that an action starts in */
		next = -1;
		for (i = 0; i < as->n; i++) {
			q = quarter_of(as->v[i].start);
			if (q > prev && (next < 0 || q < next))
				next = q;
		}
		if (next < 0)
			break;
		prev = next;
		cp_heading2_text(r, next == 0 ? cp_label(r, "actions.undated") :
		    r->zh ? cp_sfmt(r, "%d 年第 %d 季度", next / 4, next % 4 + 1) :
		    cp_sfmt(r, "Q%d %d", next % 4 + 1, next / 4));
		cp_tb_begin_keys(r, &t, 4, (const char *const []){ "col.id",
		    "col.action", "col.owner", "col.dates" });
		t.min_frac = mf;
		for (i = 0; i < as->n; i++) {
			const struct pg_action *a = &as->v[i];
			if (quarter_of(a->start) != next)
				continue;
			cp_tb_note_line(r, &t, a->line);
			cp_tb_cell(r, &t, a->id, a->line, &r->tbold);
			cp_tb_cell(r, &t, a->title.s, a->title.line, NULL);
			cp_tb_cell(r, &t, a->owner, a->line, NULL);
			cp_tb_cell(r, &t, cp_fmt_range(r, a->start, a->end),
			    a->line, NULL);
		}
		cp_tb_end(r, &t);
	}
	if (r->fig)	/* the timeline, on slides of its own */
		cp_fig_timeline(r);
}

/* ---- figures at the deck's scale ---------------------------------------- */

double
cp_fig_scale(const struct rs *r)
{
	/* the figures' own type is 7-9.5 pt for a 9 pt table: on a slide
	 * they grow with the table type */
	if (r->t->kind != PG_TKIND_DECK || r->t->size_table <= 9)
		return 1;
	if (r->fig_k > 0)	/* a figure too big at the deck's scale */
		return r->fig_k;
	return r->t->size_table / 9.0;
}

void
cp_fig_out_scale(struct pg_fig_out *o, double k)
{
	size_t	i;

	if (k == 1)
		return;
	for (i = 0; i < o->g.n; i++) {
		struct pg_box *b = &o->g.v[i];
		b->x *= k;
		b->y *= k;
		b->w *= k;
		b->h *= k;
		b->size *= k;
		b->line_width *= k;
	}
	o->w *= k;
	o->h *= k;
	o->want *= k;
}

/* ---- the deck ----------------------------------------------------------- */


void
cp_deck_slide(struct rs *r)
{
	if (r->t->kind != PG_TKIND_DECK || r->l == NULL)
		return;
	if (pg_layout_page(r->l) == r->h1_page &&
	    fabs(pg_layout_y(r->l) - r->h1_y) < 0.01)
		return;		/* only the chapter's heading so far */
	cp_lcheck(r, pg_layout_new_page(r->l));
}

/*
 * The band above the text of a slide that continues a heading from an
 * earlier slide: "<heading> (continued)".
 */
static void
continued(struct rs *r)
{
	const struct pg_template *t = r->t;
	const struct pg_frames	*f = r->f;
	double			 size = t->size_h2, top = t->margin_top;
	size_t			 p, i;

	for (p = 1; p < f->npages; p++) {
		const struct pg_outline *cur = NULL;
		int starts = 0;
		for (i = 0; i < f->noutlines; i++) {
			const struct pg_outline *o = &f->outlines[i];
			if (o->page < (int)p)
				cur = o;
			else if (o->page == (int)p && o->y <= top + size)
				starts = 1;
		}
		if (starts || cur == NULL || f->pages[p].n == 0)
			continue;
		cp_draw_text(r, (int)p, t->margin_left, top - size * 0.55,
		    cp_sfmt(r, W("%s (continued)", "%s（续）"), cur->title),
		    PG_STYLE_STRONG, size, t->c_primary);
	}
}

int
cp_deck(struct rs *r)
{
	const struct pg_template *t = r->t;
	int		 i;

	pg_frames_free(r->f);
	pg_frames_init(r->f, t->page_w, t->page_h);
	cp_acct_reset(r);
	cp_v2_reset(r);
	r->sec = r->sub = 0;
	r->h1_page = -1;
	if (pg_frames_add_page(r->f) < 0)
		return -1;
	r->first_outline = r->f->noutlines;
	if ((r->el_cover = pg_frames_begin(r->f, PG_ROLE_SECT)) == -1)
		return -1;
	pg_frames_end(r->f);
	if (cp_layout_open(r) != 0)
		return -1;
	title_slide(r);
	key_points(r);
	for (i = 0; i < t->nsections && !r->oom; i++) {
		if (t->order[i] == PG_SEC_CONTROLS && r->p->controls.line == 0)
			continue;
		cp_lcheck(r, pg_layout_new_page(r->l));
		r->fig = t->figures[t->order[i]];
		if (t->order[i] == PG_SEC_ACTIONS)
			actions(r);	/* the deck's own: by quarter */
		else
			cp_sections[t->order[i]](r);
		cp_fn_flush(r);
	}
	if (!r->oom && r->p->version == 2 && pg_track_has_actuals(r->p)) {
		cp_lcheck(r, pg_layout_new_page(r->l));
		r->fig = 1;
		cp_sec_progress(r);
	}
	if (r->p->appendix.n > 0 && !r->oom) {
		cp_lcheck(r, pg_layout_new_page(r->l));
		r->fig = 1;
		cp_sec_appendix(r);
	}
	if (r->o->draft)
		cp_sec_findings(r);
	if (pg_layout_finish(r->l) != 0)
		r->oom = 1;
	pg_layout_free(r->l);
	r->l = NULL;
	if (r->oom)
		return -1;
	continued(r);
	/* the deck leaves the prose of the full plan to the full plan */
	cp_acct_summarise_lost(r, "left out of the deck (slides give the "
	    "plan's points, tables and figures; the full plan its prose)");
	return r->oom ? -1 : 0;
}
