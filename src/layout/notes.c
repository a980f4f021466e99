/*
 * notes.c — footnotes at the foot of the page that cites them.
 * See layout.h (pg_layout_note and friends).
 *
 * Design invariants:
 *  1. A note is registered before the text that cites it is flowed, keyed
 *     by the address of its reference run's text (the number the composer
 *     made for it: unique per citation).  When a line holding the start
 *     of that run is placed, the note joins that page's notes and the
 *     page's body ends higher by its height (pg_lay_bottom).
 *  2. A line whose notes do not fit under it moves to the next page with
 *     them (flow_lines in layout.c asks pg_lay_line_notes first); a line
 *     of a table row is already placed when its notes are known, so if
 *     they do not fit there they become leftovers (3).
 *  3. Nothing is lost: a note taller than a third of the body, one whose
 *     reference was never placed by the flow (a caption, a figure label),
 *     and the leftovers of 2 are flowed as paragraphs where the composer
 *     calls pg_layout_notes_flush (the end of the chapter).
 *  4. The notes of a page are drawn when the flow ends (pg_layout_finish):
 *     a short rule, then each note in the note style, stacked upwards
 *     from the bottom margin, each a Note structure element.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "layout/layout.h"
#include "layout/layout_int.h"

#define EPS	1e-6

/* The rule above a page's notes: space above it, its length share. */
static double
sep_h(const struct pg_layout *l)
{
	return l->note_ts.size * 1.2;
}

/* The short rule above notes, w long at (x, y) of page. */
static int
rule(struct pg_layout *l, int page, double x, double y, double w)
{
	struct pg_box b = pg_box_line(x, y, w, 0, l->note_rule, 0.5, 0);

	return pg_frames_add(l->fr, page, &b) == NULL ? -1 : 0;
}

void
pg_layout_note_style(struct pg_layout *l, const struct pg_tstyle *ts,
    struct pg_color rule_color)
{
	l->note_ts = *ts;
	l->note_rule = rule_color;
	if (l->note_ts.leading <= 0)
		l->note_ts.leading = pg_lay_leading(ts);
}

/* Height of a note's text broken at the text width (0 on OOM: -1). */
static double
note_height(struct pg_layout *l, const struct pg_run *runs, size_t nruns)
{
	struct pg_lines	 ln;
	double		 h;

	memset(&ln, 0, sizeof(ln));
	if (pg_break(l->fs, runs, nruns, &l->note_ts, pg_lay_text_width(l),
	    l->lang, &ln) == -1)
		return -1;
	h = (double)ln.n * pg_lay_leading(&l->note_ts) + l->note_ts.space_after;
	pg_lines_free(&ln);
	return h;
}

int
pg_layout_note(struct pg_layout *l, const char *key, const struct pg_run *runs,
    size_t nruns)
{
	struct pg_note	*n;
	double		 h;

	if (l->nnotes == l->capnotes) {
		size_t	 nc = l->capnotes ? l->capnotes * 2 : 16;
		struct pg_note *nv = realloc(l->notes, nc * sizeof(*nv));
		if (nv == NULL)
			return -1;
		l->notes = nv;
		l->capnotes = nc;
	}
	if ((h = note_height(l, runs, nruns)) < 0)
		return -1;
	n = &l->notes[l->nnotes++];
	memset(n, 0, sizeof(*n));
	n->key = key;
	n->runs = runs;
	n->nruns = nruns;
	n->h = h;
	n->page = -1;
	/* too tall for a page foot: flowed at the flush */
	n->state = h > (l->g.height - l->g.margin_top - l->g.margin_bottom) / 3 ?
	    PG_NOTE_LEFT : PG_NOTE_WAITING;
	return 0;
}

/* The waiting note whose reference run text is key, or NULL.  Searched
 * from the newest: references are placed soon after they register. */
static struct pg_note *
find(struct pg_layout *l, const char *key)
{
	size_t i;

	for (i = l->nnotes; i-- > l->notes_done; )
		if (l->notes[i].key == key && l->notes[i].state == PG_NOTE_WAITING)
			return &l->notes[i];
	return NULL;
}

double
pg_lay_line_notes(struct pg_layout *l, const struct pg_line *ln,
    const struct pg_run *runs, int commit)
{
	double	 h = 0;
	size_t	 i;

	if (l->nnotes == l->notes_done)
		return 0;
	for (i = 0; i < ln->nsegs; i++) {
		const struct pg_seg *s = &ln->segs[i];
		struct pg_note	*n;

		if (s->off != 0 || !(runs[s->run].style & PG_STYLE_SUP) ||
		    (n = find(l, runs[s->run].text)) == NULL)
			continue;
		if (l->note_h + h == 0)
			h += sep_h(l);
		h += n->h;
		if (commit) {
			n->state = PG_NOTE_PLACED;
			n->page = l->page;
		}
	}
	if (commit)
		l->note_h += h;
	return h;
}

void
pg_lay_table_notes(struct pg_layout *l, const struct pg_line *ln,
    const struct pg_run *runs, double row_bottom)
{
	double	 h;
	size_t	 i;

	if (l->nnotes == l->notes_done)
		return;
	/* do the line's notes fit under the row on this page? */
	h = pg_lay_line_notes(l, ln, runs, 0);
	if (h == 0)
		return;
	if (row_bottom + h <= pg_lay_bottom(l) + EPS) {
		pg_lay_line_notes(l, ln, runs, 1);
		return;
	}
	for (i = 0; i < ln->nsegs; i++) {
		const struct pg_seg *s = &ln->segs[i];
		struct pg_note	*n;

		if (s->off == 0 && (runs[s->run].style & PG_STYLE_SUP) &&
		    (n = find(l, runs[s->run].text)) != NULL)
			n->state = PG_NOTE_LEFT;
	}
}

int
pg_layout_notes_flush(struct pg_layout *l)
{
	struct pg_tstyle ts = l->note_ts;
	size_t		 i;
	int		 first = 1, page, was;
	double		 x, y, w;

	for (i = l->notes_done; i < l->nnotes; i++) {
		struct pg_note *n = &l->notes[i];
		if (n->state == PG_NOTE_PLACED)
			continue;
		if (first) {
			first = 0;
			if (pg_layout_block(l, sep_h(l), &page, &x, &y, &w) == -1)
				return -1;
			was = pg_frames_enter(l->fr, 0);
			if (rule(l, page, x, y + sep_h(l) / 2, w * 0.25) == -1)
				return -1;
			pg_frames_enter(l->fr, was);
		}
		was = l->fr->cur;
		if (pg_frames_begin(l->fr, PG_ROLE_NOTE) == -1 ||
		    pg_layout_para(l, n->runs, n->nruns, &ts) == -1)
			return -1;
		pg_frames_enter(l->fr, was);
		n->state = PG_NOTE_FLOWED;
	}
	l->notes_done = l->nnotes;	/* none waits any more */
	return 0;
}

/* Draw the notes placed on page p at its foot. */
static int
draw_page(struct pg_layout *l, int p, size_t from)
{
	struct pg_lines	 ln;
	double		 h = 0, y, L = pg_lay_leading(&l->note_ts), boff;
	double		 x = l->g.margin_left, tw = pg_lay_text_width(l);
	size_t		 i, j;
	int		 was, rc = -1;

	for (i = from; i < l->nnotes; i++)
		if (l->notes[i].state == PG_NOTE_PLACED && l->notes[i].page == p)
			h += l->notes[i].h;
	if (h == 0)
		return 0;
	y = l->g.height - l->g.margin_bottom - h;
	was = pg_frames_enter(l->fr, 0);
	if (rule(l, p, x, y - sep_h(l) / 2, tw * 0.25) == -1) {
		pg_frames_enter(l->fr, was);
		return -1;
	}
	boff = pg_lay_boff(l, l->note_ts.size, L);
	memset(&ln, 0, sizeof(ln));
	for (i = from; i < l->nnotes; i++) {
		struct pg_note *n = &l->notes[i];
		if (n->state != PG_NOTE_PLACED || n->page != p)
			continue;
		if (pg_frames_begin(l->fr, PG_ROLE_NOTE) == -1 ||
		    pg_break(l->fs, n->runs, n->nruns, &l->note_ts, tw, l->lang,
		    &ln) == -1)
			goto out;
		for (j = 0; j < ln.n; j++)
			if (pg_lay_emit_line(l, p, x, y + (double)j * L + boff,
			    &ln.v[j], n->runs, l->note_ts.size,
			    l->note_ts.color) == -1)
				goto out;
		pg_frames_end(l->fr);
		y += n->h;
		pg_lines_free(&ln);
	}
	rc = 0;
out:
	pg_lines_free(&ln);
	pg_frames_enter(l->fr, was);
	return rc;
}

int
pg_lay_notes_draw(struct pg_layout *l)
{
	unsigned char	*done;
	size_t		 i;
	int		 p, rc = 0;

	if (l->nnotes == 0)
		return 0;
	if ((done = calloc(l->fr->npages + 1, 1)) == NULL)
		return -1;
	for (i = 0; i < l->nnotes && rc == 0; i++) {
		p = l->notes[i].page;
		if (l->notes[i].state != PG_NOTE_PLACED || p < 0 ||
		    (size_t)p >= l->fr->npages || done[p])
			continue;
		done[p] = 1;		/* its first note: all of p's follow */
		rc = draw_page(l, p, i);
	}
	free(done);
	return rc;
}

void
pg_lay_notes_free(struct pg_layout *l)
{
	free(l->notes);
	l->notes = NULL;
	l->nnotes = l->capnotes = l->notes_done = 0;
}
