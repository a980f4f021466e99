/*
 * watermark.c — a draft's watermark (issue 9): the draft mark
 * ("DRAFT", "草稿": the template's draft.mark label) across every page
 * on the diagonal, large and light, under everything else on the page.
 * It is drawn as the outlines of its glyphs (layout/outline.h), not as
 * text: a reader sees it, while text extraction, selection, the overlap
 * checks and assistive technology (an artifact of the tagged PDF) do not
 * mix its letters into the page's lines.  The small mark in the header
 * (cover.c) stays the draft's text.
 */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "base/strbuf.h"
#include "base/utf8.h"
#include "compose/compose_int.h"
#include "layout/outline.h"

#ifndef M_PI
#define M_PI	3.14159265358979323846
#endif

#define WM_SHARE	0.55	/* of the page's diagonal the mark spans */
#define WM_MAX		0.3	/* its size at most this share of the shorter side */
#define WM_TINT		0.86	/* the draft colour mixed with this much white */

void
cp_watermark(struct rs *r)
{
	const struct pg_template *t = r->t;
	const char	*mark = cp_label(r, "draft.mark");
	double		 W = t->page_w, H = t->page_h, deg, a, w1, size, v;
	double		 x, y, bb[4];
	struct pg_sb	 sb;
	struct pg_box	 b;
	size_t		 pg, n;
	uint32_t	 cp;
	int		 face;

	if (!r->o->draft || r->oom || mark == NULL || *mark == '\0')
		return;
	cp = pg_utf8_nextz(mark, &n);
	face = pg_fontset_pick(r->fs, PG_STYLE_STRONG, cp);
	w1 = pg_text_width(r->fs, face, mark, strlen(mark), 1);
	if (!(w1 > 0))
		return;
	a = atan2(H, W);
	deg = a * 180 / M_PI;
	size = hypot(W, H) * WM_SHARE / w1;
	if (size > (W < H ? W : H) * WM_MAX)
		size = (W < H ? W : H) * WM_MAX;
	/* the baseline's start, so that the middle of the mark (half its
	 * width along, about half a capital up) is the page's middle */
	v = size * 0.36;
	x = W / 2 - (w1 * size / 2 * cos(a) - v * sin(a));
	y = H / 2 + (w1 * size / 2 * sin(a) + v * cos(a));
	pg_sb_init(&sb);
	if (pg_outline_text(r->fs, face, mark, size, x, y, deg, &sb, bb) != 0) {
		/* a fake face has no outlines: the header's mark remains */
		if (sb.oom)
			r->oom = 1;
		pg_sb_free(&sb);
		return;
	}
	b = pg_box_at(PG_BOX_PATH, bb[0], bb[1], bb[2] - bb[0], bb[3] - bb[1]);
	b.fill.r = (uint8_t)(t->c_draft.r + (255 - t->c_draft.r) * WM_TINT + 0.5);
	b.fill.g = (uint8_t)(t->c_draft.g + (255 - t->c_draft.g) * WM_TINT + 0.5);
	b.fill.b = (uint8_t)(t->c_draft.b + (255 - t->c_draft.b) * WM_TINT + 0.5);
	b.color = b.fill;
	b.text = sb.s;
	b.len = sb.len;
	for (pg = 0; pg < r->f->npages && !r->oom; pg++)
		if (pg_frames_add_under(r->f, (int)pg, &b) == NULL)
			r->oom = 1;
	pg_sb_free(&sb);
}
