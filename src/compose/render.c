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

#include "base/lang.h"
#include "base/utf8.h"
#include "compose/compose_int.h"
#include "model/track.h"

/* ---- scratch memory ---------------------------------------------------- */

void *
cp_palloc(struct rs *r, size_t n)
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

const char *
cp_sfmt(struct rs *r, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

const char *
cp_sfmt(struct rs *r, const char *fmt, ...)
{
	va_list	 ap;
	int	 n;
	char	*s;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0 || (s = cp_palloc(r, (size_t)n + 1)) == NULL)
		return "";
	va_start(ap, fmt);
	vsnprintf(s, (size_t)n + 1, fmt, ap);
	va_end(ap);
	return s;
}

const char *
cp_label(struct rs *r, const char *key)
{
	return pg_tpl_label(r->t, key, r->lang);
}


/* ---- the document ------------------------------------------------------ */

/* A heading's style: bold, primary colour, left; spacing in multiples of size. */
static struct pg_tstyle
heading_style(const struct pg_template *t, double size, double leading,
    double before, double after)
{
	struct pg_tstyle h;

	memset(&h, 0, sizeof(h));
	h.size = size;
	h.leading = size * leading;
	h.style = PG_STYLE_STRONG;
	h.color = t->c_primary;
	h.align = PG_ALIGN_LEFT;
	h.space_before = size * before;
	h.space_after = size * after;
	return h;
}

/* The text styles of the document, from the template. */
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
	r->h1 = heading_style(t, t->size_h1, 1.25, 0.6, 0.55);
	r->h2 = heading_style(t, t->size_h2, 1.3, 0.9, 0.45);
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
	cp_dense_styles(r);
}

/* compose_int.h */
void (*const cp_sections[PG_SEC_N])(struct rs *) = {
	[PG_SEC_SUMMARY] = cp_sec_summary,
	[PG_SEC_SITUATION] = cp_sec_situation,
	[PG_SEC_SWOT] = cp_sec_swot,
	[PG_SEC_GOALS] = cp_sec_goals,
	[PG_SEC_STRATEGY] = cp_sec_strategy,
	[PG_SEC_ACTIONS] = cp_sec_actions,
	[PG_SEC_BUDGET] = cp_sec_budget,
	[PG_SEC_CONTROLS] = cp_sec_controls,
};

/*
 * Before a chapter (done: chapters already laid out): a new page, or
 * space for its heading, as the template's <sections new-page> says.
 * "auto" starts a page only when less than PG_NEWPAGE_AUTO_SHARE of the
 * body height is left; the heading's keep-with-next (layout.c) moves it
 * on when its first lines, table rows or figure would not fit under it.
 */
static void
chapter_break(struct rs *r, int done)
{
	const struct pg_template *t = r->t;
	double body = t->page_h - t->margin_top - t->margin_bottom;
	double left = t->page_h - t->margin_bottom - pg_layout_y(r->l);

	if (done == 0)
		return;
	if (t->new_page == PG_NEWPAGE_YES || (t->new_page == PG_NEWPAGE_AUTO &&
	    left < body * PG_NEWPAGE_AUTO_SHARE))
		cp_lcheck(r, pg_layout_new_page(r->l));
	else
		cp_lcheck(r, pg_layout_space(r->l, t->size_h1));
}

/* compose_int.h */
int
cp_layout_open(struct rs *r)
{
	const struct pg_template *t = r->t;
	struct pg_geom	 g;

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
	cp_fn_style(r);		/* footnotes at the foot of the page */
	return 0;
}

/* Lay out everything once, with r->ntoc contents pages reserved. */
static int
pass(struct rs *r)
{
	const struct pg_template *t = r->t;
	int		 i, done;

	pg_frames_free(r->f);
	pg_frames_init(r->f, t->page_w, t->page_h);
	cp_acct_reset(r);
	cp_v2_reset(r);
	r->sec = r->sub = 0;
	for (i = 0; i < 1 + r->ntoc; i++)
		if (pg_frames_add_page(r->f) < 0)
			return -1;
	if (pg_frames_outline(r->f, cp_label(r, "toc.heading"), 0, 1,
	    t->margin_top) != 0)
		return -1;
	r->first_outline = r->f->noutlines;
	/* the cover and the contents come first in reading order, though
	 * they are drawn last */
	if ((r->el_cover = pg_frames_begin(r->f, PG_ROLE_SECT)) == -1)
		return -1;
	pg_frames_end(r->f);
	if ((r->el_toch = pg_frames_begin(r->f, PG_ROLE_H1)) == -1)
		return -1;
	pg_frames_end(r->f);
	if ((r->el_toc = pg_frames_begin(r->f, PG_ROLE_TOC)) == -1)
		return -1;
	pg_frames_end(r->f);
	if ((r->el_lofh = pg_frames_begin(r->f, PG_ROLE_H2)) == -1)
		return -1;
	pg_frames_end(r->f);
	if ((r->el_lof = pg_frames_begin(r->f, PG_ROLE_TOC)) == -1)
		return -1;
	pg_frames_end(r->f);
	if (cp_layout_open(r) != 0)
		return -1;
	done = 0;
	if (r->o->since != NULL) {	/* right after the contents */
		cp_sec_since(r);
		done = 1;
	}
	for (i = 0; i < t->nsections && !r->oom; i++) {
		/* controls is the only optional section */
		if (t->order[i] == PG_SEC_CONTROLS && r->p->controls.line == 0)
			continue;
		chapter_break(r, done++);
		r->fig = t->figures[t->order[i]];
		cp_sections[t->order[i]](r);
		cp_fn_flush(r);		/* footnotes end their chapter */
	}
	/* version 2: a plan with actuals gets a progress chapter */
	if (!r->oom && r->p->version == 2 && pg_track_has_actuals(r->p)) {
		chapter_break(r, done++);
		r->fig = 1;
		cp_sec_progress(r);
	}
	if (r->p->appendix.n > 0 && !r->oom) {	/* version 2: the last chapter */
		chapter_break(r, done++);
		r->fig = 1;
		cp_sec_appendix(r);
	}
	if (cp_large(r) && !r->oom) {	/* every action of a large plan */
		chapter_break(r, done++);
		r->fig = 1;
		cp_large_appendix(r);
	}
	if (r->o->draft)
		cp_sec_findings(r);
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
	if (o->acct != NULL)
		memset(o->acct, 0, sizeof(*o->acct));
	r.p = p;
	r.t = t;
	r.fs = fs;
	r.o = o;
	r.f = out;
	r.w = warnings;
	r.lang = o->lang ? o->lang : p->lang ? p->lang : "en";
	r.zh = pg_lang_is_zh(r.lang);
	r.ntoc = 1;
	styles(&r);
	cp_fig_labels(&r);
	if (cp_acct_init(&r) != 0 || cp_since_init(&r) != 0)
		goto fail;
	if (t->kind == PG_TKIND_BRIEF) {	/* brief.c: no cover, no contents */
		if (cp_brief(&r) != 0)
			goto fail;
	} else if (t->kind == PG_TKIND_DECK) {	/* deck.c: slides */
		if (cp_deck(&r) != 0)
			goto fail;
	} else {
		if (pass(&r) != 0)
			goto fail;
		need = cp_contents(&r, 1);
		if (need > r.ntoc) {
			r.ntoc = need;
			if (pass(&r) != 0)
				goto fail;
		}
		cp_cover(&r);
		cp_contents(&r, 0);
	}
	pg_frames_enter(out, 0);	/* running heads: artifacts */
	cp_bands(&r);
	cp_watermark(&r);	/* watermark.c: under the page, an artifact */
	out->title = m->title.s ? pg_frames_strdup(out, m->title.s,
	    strlen(m->title.s)) : NULL;
	out->author = pg_frames_strdup(out, m->author.s ? m->author.s :
	    m->organization.s ? m->organization.s : "",
	    strlen(m->author.s ? m->author.s : m->organization.s ?
	    m->organization.s : ""));
	{
		const char *subj = m->subtitle.s ? m->subtitle.s :
		    cp_label(&r, "doc.subject");
		out->subject = pg_frames_strdup(out, subj, strlen(subj));
	}
	if (m->organization.s)
		out->keywords = pg_frames_strdup(out, m->organization.s,
		    strlen(m->organization.s));
	out->creator = pg_frames_strdup(out, "plangen " PACKAGE_VERSION,
	    strlen("plangen " PACKAGE_VERSION));
	out->lang = pg_frames_strdup(out, r.lang, strlen(r.lang));
	/* each copy is NULL only when memory ran out: the PDF would lose it */
	if ((m->title.s != NULL && out->title == NULL) || out->author == NULL ||
	    out->subject == NULL || (m->organization.s != NULL &&
	    out->keywords == NULL) || out->creator == NULL || out->lang == NULL)
		r.oom = 1;
	out->date = o->date;
	if (o->acct != NULL && cp_acct_report(&r, o->acct) != 0)
		r.oom = 1;
	if (r.oom)
		goto fail;
	pg_frames_trim(out);	/* the writer's memory reuses the slack */
	cp_acct_free(&r);
	cp_since_free(&r);
	pool_free(&r);
	return 0;
fail:
	cp_acct_free(&r);
	cp_since_free(&r);
	pool_free(&r);
	snprintf(err, errlen, "cannot lay out the document: out of memory");
	return -1;
}

