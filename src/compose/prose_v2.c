/*
 * prose_v2.c — the prose of plan format version 2 on the page: tables and
 * images in prose, footnotes and links, notes on actions, KPIs, risks and
 * budget lines, prose blocks inside table cells, and the appendix chapter.
 * See compose_int.h.
 *
 * Decisions (the spec leaves them to the renderer):
 *  1. Footnotes are numbered through the document in the order they are
 *     laid out and drawn at the foot of the page that cites them (a short
 *     rule, then "1  text" lines in the caption style; layout/notes.c);
 *     one that cannot be (taller than a third of the page body, or cited
 *     from a table row with no room left under it) ends its chapter.  The
 *     number in the text is drawn raised and smaller (PG_STYLE_SUP).
 *  2. A link's text is drawn in the link colour, underlined, with a URI
 *     link annotation over it (layout.c, pdf_write.c).
 *  3. A prose table goes through the layout's table engine: its first row,
 *     when it is a header row, repeats on every page; later header rows
 *     are drawn bold on the header fill; span joins cells.
 *  4. An image is drawn at @width percent of the text width (100 when
 *     absent), but never wider than its pixels at 150 dpi (so never
 *     upscaled past that; render then says so in a note), nor taller than
 *     the page body; it is a Figure
 *     with a numbered caption.  An image that cannot be drawn exactly
 *     (image-unreadable: only rendered with --draft) is replaced by a line
 *     that names it.
 *  5. A note is drawn under what it annotates: in a table cell after its
 *     text ("Note: ..."), in the action details as a paragraph.
 */
#include "config.h"

#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "base/image.h"
#include "compose/compose_int.h"

/* ---- footnotes ---------------------------------------------------------- */

void
cp_v2_reset(struct rs *r)
{
	r->nfn = 0;
	r->fn_flushed = 0;
	r->nfig = 0;
	r->nfigs = 0;
	if (r->o->notes != NULL)	/* the last pass's notes count */
		pg_diags_free(r->o->notes);
}

const char *
cp_fn_cite(struct rs *r, const char *text)
{
	struct pg_run	*v;
	const char	*num;
	size_t		 i;

	for (i = 0; i < r->nfn; i++)
		if (r->fn[i] == text)
			return cp_sfmt(r, "%zu", i + 1);
	if (r->nfn == r->capfn) {
		size_t		 nc = r->capfn ? r->capfn * 2 : 16;
		const char	**nv = cp_palloc(r, nc * sizeof(*nv));
		if (nv == NULL)
			return "";
		if (r->nfn)
			memcpy(nv, r->fn, r->nfn * sizeof(*nv));
		r->fn = nv;
		r->capfn = nc;
	}
	r->fn[r->nfn++] = text;
	num = cp_sfmt(r, "%zu", r->nfn);
	/* the note itself: "1  text", at the foot of the page the number
	 * lands on (layout/notes.c), else where cp_fn_flush calls */
	if ((v = cp_palloc(r, 2 * sizeof(*v))) == NULL)
		return num;
	v[0] = (struct pg_run){ cp_sfmt(r, "%zu  ", r->nfn), PG_STYLE_STRONG };
	v[1] = (struct pg_run){ text, 0 };
	if (r->l == NULL || pg_layout_note(r->l, num, v, 2) == -1)
		r->oom = 1;
	else
		cp_placed(r, text);
	return num;
}

void
cp_fn_style(struct rs *r)
{
	struct pg_tstyle ts = r->caption;

	ts.align = PG_ALIGN_LEFT;
	ts.leading = ts.size * (r->zh ? 1.5 : 1.35);
	ts.space_after = ts.size * 0.25;
	pg_layout_note_style(r->l, &ts, r->t->c_rule);
}

void
cp_fn_flush(struct rs *r)
{
	if (r->l != NULL && !r->oom)
		cp_lcheck(r, pg_layout_notes_flush(r->l));
}

/* ---- notes ---------------------------------------------------------------- */

/* Append the runs of prose pr to v[*o] (capacity checked by the caller via
 * cp_prose_nruns), blocks on lines of their own: paragraphs separated by a
 * line break, list items as "• " lines, a table's rows as lines of cells
 * joined by " · ", an image as its caption. */
static void
append_prose(struct rs *r, struct pg_run *v, size_t *o,
    const struct pg_prose *pr)
{
	size_t b, i, j, k;

	for (b = 0; b < pr->nblocks; b++) {
		const struct pg_block *bl = &pr->blocks[b];
		switch (bl->kind) {
		case PG_BLOCK_P:
			if (*o > 0)
				v[(*o)++] = (struct pg_run){ "\n", 0 };
			for (k = 0; k < bl->para.nruns; k++)
				v[(*o)++] = *cp_xruns(r, &bl->para.runs[k], 1);
			break;
		case PG_BLOCK_LIST:
			for (i = 0; i < bl->nitems; i++) {
				v[(*o)++] = (struct pg_run){ *o > 0 ? "\n• " :
				    "• ", 0 };
				for (k = 0; k < bl->items[i].nruns; k++)
					v[(*o)++] = *cp_xruns(r,
					    &bl->items[i].runs[k], 1);
			}
			break;
		case PG_BLOCK_TABLE:
			if (bl->table == NULL)
				break;
			if (bl->table->caption.s != NULL) {
				if (*o > 0)
					v[(*o)++] = (struct pg_run){ "\n", 0 };
				v[(*o)++] = (struct pg_run){ bl->table->caption.s,
				    PG_STYLE_STRONG };
			}
			for (i = 0; i < bl->table->nrows; i++) {
				const struct pg_trow *tr = &bl->table->rows[i];
				for (j = 0; j < tr->ncells; j++) {
					v[(*o)++] = (struct pg_run){ j > 0 ? " · " :
					    *o > 0 ? "\n" : "", 0 };
					for (k = 0; k < tr->cells[j].para.nruns; k++)
						v[(*o)++] = *cp_xruns(r,
						    &tr->cells[j].para.runs[k], 1);
				}
			}
			break;
		case PG_BLOCK_IMAGE:
			if (bl->image != NULL && bl->image->caption.s != NULL) {
				if (*o > 0)
					v[(*o)++] = (struct pg_run){ "\n", 0 };
				v[(*o)++] = (struct pg_run){ bl->image->caption.s, 0 };
			}
			break;
		}
	}
}

/* An upper bound of the runs append_prose() adds for pr. */
static size_t
prose_nruns(const struct pg_prose *pr)
{
	size_t b, i, j, n = 0;

	for (b = 0; b < pr->nblocks; b++) {
		const struct pg_block *bl = &pr->blocks[b];
		n += 2 + bl->para.nruns;
		for (i = 0; i < bl->nitems; i++)
			n += 1 + bl->items[i].nruns;
		for (i = 0; bl->table != NULL && i < bl->table->nrows; i++)
			for (j = 0; j < bl->table->rows[i].ncells; j++)
				n += 1 + bl->table->rows[i].cells[j].para.nruns;
	}
	return n;
}

struct pg_cell *
cp_tb_prose(struct rs *r, struct tb *t, const struct pg_prose *pr,
    const struct pg_tstyle *ts)
{
	struct pg_run	*v;
	size_t		 o = 0;

	cp_chk_prose(r, pr);
	cp_tb_note_line(r, t, pr->line);
	if ((v = cp_palloc(r, (prose_nruns(pr) + 1) * sizeof(*v))) == NULL)
		return NULL;
	append_prose(r, v, &o, pr);
	if (o == 0)
		v[o++] = (struct pg_run){ "", 0 };
	return cp_tb_cellv(r, t, v, o, ts);
}

struct pg_cell *
cp_tb_cell_note(struct rs *r, struct tb *t, const char *s, unsigned long line,
    const struct pg_prose *note, const struct pg_tstyle *ts)
{
	struct pg_run	*v;
	size_t		 o = 0;

	if (note == NULL || note->nblocks == 0)
		return cp_tb_cell(r, t, s, line, ts);
	cp_chk(r, s, line);
	cp_chk_prose(r, note);
	cp_tb_note_line(r, t, line);
	if ((v = cp_palloc(r, (prose_nruns(note) + 3) * sizeof(*v))) == NULL)
		return NULL;
	if (s != NULL && *s != '\0') {
		v[o++] = (struct pg_run){ s, 0 };
		v[o++] = (struct pg_run){ "\n", 0 };
	}
	v[o++] = (struct pg_run){ cp_sfmt(r, "%s%s", cp_label(r, "note.label"),
	    COLON(r)), PG_STYLE_EM };
	{
		size_t start = o;
		append_prose(r, v, &o, note);
		/* the note's first block follows the label on its line */
		if (o > start && v[start].text[0] == '\n' &&
		    v[start].text[1] == '\0') {
			memmove(&v[start], &v[start + 1], (o - start - 1) *
			    sizeof(*v));
			o--;
		}
	}
	return cp_tb_cellv(r, t, v, o, ts);
}

void
cp_note(struct rs *r, const struct pg_prose *note)
{
	struct pg_prose	 rest;
	const char	*lead;

	if (note->nblocks == 0)
		return;
	lead = cp_sfmt(r, "%s%s", cp_label(r, "note.label"), COLON(r));
	rest = *note;
	if (note->blocks[0].kind == PG_BLOCK_P) {
		/* "Note: " leads the first paragraph */
		const struct pg_para *pa = &note->blocks[0].para;
		cp_chk_prose_para(r, pa);
		cp_lead_para(r, lead, cp_xruns(r, pa->runs, pa->nruns),
		    pa->nruns, &r->body);
		cp_placed_runs(r, pa->runs, pa->nruns);
		rest.blocks++;
		rest.nblocks--;
	} else
		cp_lead_para(r, lead, NULL, 0, &r->body);
	cp_prose(r, &rest);
}

/* ---- tables in prose -------------------------------------------------------- */

static const struct pg_tstyle *
align_style(struct rs *r, enum pg_cell_align a, int bold)
{
	struct pg_tstyle *ts;

	/* header cells: the header text colour on the header fill */
	if (a == PG_CELL_LEFT)
		return bold ? &r->thead : &r->tbody;
	if (a == PG_CELL_RIGHT)
		return bold ? &r->theadr : &r->tright;
	if ((ts = cp_palloc(r, sizeof(*ts))) == NULL)
		return &r->tbody;
	*ts = bold ? r->thead : r->tbody;
	ts->align = PG_ALIGN_CENTER;
	return ts;
}

static void
ptable(struct rs *r, const struct pg_block *bl)
{
	const struct pg_ptable	*pt = bl->table;
	struct tb		 t;
	size_t			 i, j, k, col, first = 0;

	if (pt == NULL || pt->ncols == 0)
		return;
	if (pt->caption.s != NULL) {
		struct pg_tstyle ts = r->caption;
		ts.style = PG_STYLE_STRONG;
		ts.align = PG_ALIGN_LEFT;
		ts.space_after = ts.size * 0.3;
		cp_keep_room(r, ts.leading * 3 + r->tbody.leading * 3);
		cp_text_para(r, pt->caption.s, pt->caption.line, &ts);
	}
	cp_tb_begin(r, &t, pt->ncols, NULL);
	/* the first row, if a header row, is the table's repeated header */
	if (pt->nrows > 0 && pt->rows[0].header && !r->oom) {
		struct pg_cell *h = cp_palloc(r, pt->ncols * sizeof(*h));
		const struct pg_trow *tr = &pt->rows[0];
		if (h == NULL)
			return;
		for (j = 0, col = 0; j < tr->ncells && col < pt->ncols; j++) {
			const struct pg_tcell *c = &tr->cells[j];
			h[col].runs = cp_xruns(r, c->para.runs, c->para.nruns);
			h[col].nruns = h[col].runs != NULL ? c->para.nruns : 0;
			h[col].ts = align_style(r, c->align, 1);
			h[col].fill = r->t->c_head;
			h[col].has_fill = 1;
			h[col].span = c->span;
			cp_chk_prose_para(r, &c->para);
			for (k = 1; k < c->span && col + k < pt->ncols; k++) {
				h[col + k].runs = cp_run1(r, "", 0);
				h[col + k].nruns = h[col + k].runs != NULL;
				h[col + k].fill = r->t->c_head;
				h[col + k].has_fill = 1;
			}
			col += c->span ? c->span : 1;
		}
		for (; col < pt->ncols; col++) {
			h[col].runs = cp_run1(r, "", 0);
			h[col].nruns = h[col].runs != NULL;
			h[col].fill = r->t->c_head;
			h[col].has_fill = 1;
		}
		t.head = h;
		first = 1;
	}
	for (i = first; i < pt->nrows && !r->oom; i++) {
		const struct pg_trow *tr = &pt->rows[i];
		for (j = 0, col = 0; j < tr->ncells && col < pt->ncols; j++) {
			const struct pg_tcell	*c = &tr->cells[j];
			struct pg_cell		*pc;
			cp_chk_prose_para(r, &c->para);
			cp_tb_note_line(r, &t, c->line);
			pc = cp_tb_cellv(r, &t, cp_xruns(r, c->para.runs,
			    c->para.nruns), c->para.nruns, align_style(r,
			    c->align, tr->header));
			if (pc == NULL)
				return;
			pc->span = c->span;
			if (tr->header) {
				pc->fill = r->t->c_head;
				pc->has_fill = 1;
			}
			for (k = 1; k < c->span && col + k < pt->ncols; k++) {
				struct pg_cell *cv = cp_tb_cellv(r, &t,
				    cp_run1(r, "", 0), 1, NULL);
				if (cv != NULL && tr->header) {
					cv->fill = r->t->c_head;
					cv->has_fill = 1;
				} else if (cv != NULL && pc->has_fill) {
					cv->fill = pc->fill;
					cv->has_fill = 1;
				}
			}
			col += c->span ? c->span : 1;
		}
		for (; col < pt->ncols; col++)
			cp_tb_cellv(r, &t, cp_run1(r, "", 0), 1, NULL);
	}
	cp_tb_end(r, &t);
	/* the header row's runs are copies: mark the model's */
	if (first && !r->oom)
		for (j = 0; j < pt->rows[0].ncells; j++)
			cp_placed_runs(r, pt->rows[0].cells[j].para.runs,
			    pt->rows[0].cells[j].para.nruns);
}

/* ---- images --------------------------------------------------------------- */

static void
pimage(struct rs *r, const struct pg_block *bl)
{
	const struct pg_image	*im = bl->image;
	char			 path[PATH_MAX];
	struct pg_img_info	 info;
	int			 se, page, el, was;
	double			 w, h, maxw, maxh, pct, x, y, bw, caph = 0;

	if (im == NULL)
		return;
	memset(&info, 0, sizeof(info));
	if (pg_image_resolve(r->o->file, im->src, path, sizeof(path), &se) !=
	    PG_IMGE_OK || pg_image_probe(path, &info) != PG_IMGE_OK) {
		if (se == ENOMEM || info.sys_errno == ENOMEM) {
			r->oom = 1;	/* not the image's fault */
			return;
		}
		/* image-unreadable (a --draft render): say what is missing */
		struct pg_tstyle ts = r->caption;
		cp_text_para(r, cp_sfmt(r, "[%s%s%s]", cp_label(r,
		    "image.missing"), COLON(r), im->src ? im->src : ""), 0, &ts);
		if (im->caption.s != NULL)
			cp_text_para(r, im->caption.s, im->caption.line, &ts);
		return;
	}
	pct = im->width.text != NULL && im->width.v > 0 ? im->width.v : 100;
	w = r->tw * pct / 100.0;
	maxw = info.w * 72.0 / 150.0;	/* never upscaled past 150 dpi */
	if (w > maxw + 0.5) {
		/* say so: the reader asked for more than the pixels give */
		if (r->o->notes != NULL && pg_diag_emit_team(r->o->notes, "",
		    PG_WARNING, r->o->file, bl->line, r->zh ?
		    "图片 %s 按 %.0f%% 文字宽度只画了 %.0f 毫米宽（要求 %.0f 毫米）："
		    "它宽 %u 像素，按 150 dpi 只够这么宽；换一张至少 %.0f 像素宽的"
		    "图片可按要求的宽度清晰打印" :
		    "image %s drawn at %.0f%% of the text width, %.0f mm wide "
		    "instead of %.0f mm: its %u pixels cover only that at "
		    "150 dpi; an image at least %.0f pixels wide prints sharp at "
		    "the width asked for", im->src, 100.0 * maxw / r->tw,
		    maxw * 25.4 / 72.0, w * 25.4 / 72.0, (unsigned)info.w,
		    w / 72.0 * 150.0) == -1)
			r->oom = 1;
		w = maxw;
	}
	h = w * info.h / info.w;
	caph = cp_caption_h(r, im->caption.s);
	maxh = r->t->page_h - r->t->margin_top - r->t->margin_bottom - caph - 12;
	if (h > maxh) {
		w *= maxh / h;
		h = maxh;
	}
	cp_lcheck(r, pg_layout_space(r->l, r->t->size_body * 0.4));
	if (r->img_keep > 0) {
		/* the short table after it would go to the next page alone:
		 * the image gives up to a third of its height to keep it, as
		 * a chart does (CP_FIG_SHRINK) */
		double room = r->t->page_h - r->t->margin_bottom -
		    pg_layout_y(r->l) - r->t->size_body * 0.6 - 1;
		double h2 = room - caph - r->img_keep;
		if (h + caph <= room && h + caph + r->img_keep > room &&
		    h2 >= h * CP_FIG_SHRINK) {
			w *= h2 / h;
			h = h2;
		}
	}
	was = pg_frames_enter(r->f, r->f->cur);
	if ((el = pg_frames_begin(r->f, PG_ROLE_FIGURE)) == -1 ||
	    pg_frames_set_alt(r->f, el, im->caption.s != NULL ? im->caption.s :
	    im->src) != 0 ||
	    pg_layout_block(r->l, h + caph, &page, &x, &y, &bw) != 0) {
		r->oom = 1;
		pg_frames_enter(r->f, was);
		return;
	}
	{
		struct pg_box b = pg_box_at(PG_BOX_IMAGE, x + (bw - w) / 2, y, w, h);
		b.path = path;
		if (pg_frames_add(r->f, page, &b) == NULL)
			r->oom = 1;
	}
	pg_frames_enter(r->f, was);
	cp_caption_draw(r, page, x, y + h, bw, im->caption.s, im->caption.line);
	cp_lcheck(r, pg_layout_space(r->l, r->t->size_body * 0.6));
}

void
cp_block_v2(struct rs *r, const struct pg_block *bl)
{
	if (bl->kind == PG_BLOCK_TABLE)
		ptable(r, bl);
	else if (bl->kind == PG_BLOCK_IMAGE)
		pimage(r, bl);
}

/* ---- the appendix ----------------------------------------------------------- */

void
cp_sec_appendix(struct rs *r)
{
	const struct pg_appendix *a = &r->p->appendix;
	size_t i;

	if (a->line == 0 || a->n == 0)
		return;
	cp_heading1(r, "appendix.heading");
	for (i = 0; i < a->n && !r->oom; i++) {
		const struct pg_asection *s = &a->v[i];
		cp_chk(r, s->title, s->line);
		cp_heading2_text(r, s->title ? s->title : "");
		cp_placed(r, s->title);
		cp_prose(r, &s->text);
	}
	cp_fn_flush(r);
}
