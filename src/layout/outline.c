/*
 * outline.c — text as vector outlines (HarfBuzz's glyph shapes): a mark
 * drawn over the page that is no text to a reader, an extractor or an
 * overlap check (the DRAFT watermark).  See outline.h.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <hb.h>

#include "base/strbuf.h"
#include "base/utf8.h"
#include "layout/outline.h"

#ifndef M_PI
#define M_PI	3.14159265358979323846
#endif

/* Where the glyph being drawn goes: font units -> page points. */
struct ol_draw {
	struct pg_sb	*sb;
	double		 ox, oy;	/* the baseline's start on the page */
	double		 pen;		/* the glyph's origin along the baseline, font units */
	double		 k;		/* pt per font unit */
	double		 c, s;		/* cos, sin of the angle */
	double		 bb[4];		/* x0, y0, x1, y1 so far */
	int		 any;
};

/* The page point of (u, v) font units of the current glyph. */
static void
pt(struct ol_draw *d, double u, double v, double *x, double *y)
{
	u = (d->pen + u) * d->k;
	v *= d->k;
	*x = d->ox + u * d->c - v * d->s;
	*y = d->oy - (u * d->s + v * d->c);	/* y grows downward */
	if (!d->any || *x < d->bb[0])
		d->bb[0] = *x;
	if (!d->any || *y < d->bb[1])
		d->bb[1] = *y;
	if (!d->any || *x > d->bb[2])
		d->bb[2] = *x;
	if (!d->any || *y > d->bb[3])
		d->bb[3] = *y;
	d->any = 1;
}

static void
op(struct ol_draw *d, int n, const double *uv, const char *o)
{
	double	x, y;
	int	i;

	for (i = 0; i < n; i++) {
		pt(d, uv[2 * i], uv[2 * i + 1], &x, &y);
		pg_sb_printf(d->sb, "%.2f %.2f ", x, y);
	}
	pg_sb_add(d->sb, o);
}

static void
move_to(hb_draw_funcs_t *df, void *data, hb_draw_state_t *st, float x,
    float y, void *u)
{
	double	uv[2] = { x, y };

	(void)df; (void)st; (void)u;
	op(data, 1, uv, "m\n");
}

static void
line_to(hb_draw_funcs_t *df, void *data, hb_draw_state_t *st, float x,
    float y, void *u)
{
	double	uv[2] = { x, y };

	(void)df; (void)st; (void)u;
	op(data, 1, uv, "l\n");
}

static void
quad_to(hb_draw_funcs_t *df, void *data, hb_draw_state_t *st, float cx,
    float cy, float x, float y, void *u)
{
	/* the cubic of the same curve */
	double	x0 = st->current_x, y0 = st->current_y;
	double	uv[6] = { x0 + 2.0 / 3 * (cx - x0), y0 + 2.0 / 3 * (cy - y0),
	    x + 2.0 / 3 * (cx - x), y + 2.0 / 3 * (cy - y), x, y };

	(void)df; (void)u;
	op(data, 3, uv, "c\n");
}

static void
cubic_to(hb_draw_funcs_t *df, void *data, hb_draw_state_t *st, float c1x,
    float c1y, float c2x, float c2y, float x, float y, void *u)
{
	double	uv[6] = { c1x, c1y, c2x, c2y, x, y };

	(void)df; (void)st; (void)u;
	op(data, 3, uv, "c\n");
}

static void
close_path(hb_draw_funcs_t *df, void *data, hb_draw_state_t *st, void *u)
{
	(void)df; (void)st; (void)u;
	pg_sb_add(((struct ol_draw *)data)->sb, "h\n");
}

int
pg_outline_text(const struct pg_fontset *fs, int face, const char *s,
    double size, double x, double y, double deg, struct pg_sb *sb,
    double bb[4])
{
	const struct pg_face *f;
	hb_blob_t	*blob;
	hb_face_t	*hf;
	hb_font_t	*font;
	hb_draw_funcs_t	*df;
	struct ol_draw	 d;
	unsigned	 upem;
	size_t		 i = 0, len = strlen(s);
	int		 rc = -1;

	if (fs == NULL || face < 0 || face >= fs->nfaces)
		return -1;
	f = &fs->face[face];
	if (f->path == NULL ||
	    (blob = hb_blob_create_from_file_or_fail(f->path)) == NULL)
		return -1;
	hf = hb_face_create(blob, (unsigned)f->index);
	hb_blob_destroy(blob);
	font = hb_font_create(hf);
	df = hb_draw_funcs_create();
	upem = hb_face_get_upem(hf);
	if (upem == 0)
		goto out;
	hb_font_set_scale(font, (int)upem, (int)upem);
	hb_draw_funcs_set_move_to_func(df, move_to, NULL, NULL);
	hb_draw_funcs_set_line_to_func(df, line_to, NULL, NULL);
	hb_draw_funcs_set_quadratic_to_func(df, quad_to, NULL, NULL);
	hb_draw_funcs_set_cubic_to_func(df, cubic_to, NULL, NULL);
	hb_draw_funcs_set_close_path_func(df, close_path, NULL, NULL);
	memset(&d, 0, sizeof(d));
	d.sb = sb;
	d.ox = x;
	d.oy = y;
	d.k = size / upem;
	d.c = cos(deg * M_PI / 180);
	d.s = sin(deg * M_PI / 180);
	while (i < len) {
		uint32_t	 cp = pg_utf8_next(s, len, &i);
		hb_codepoint_t	 g;

		if (!hb_font_get_nominal_glyph(font, cp, &g))
			continue;
		hb_font_get_glyph_shape(font, g, df, &d);
		d.pen += hb_font_get_glyph_h_advance(font, g);
	}
	if (sb->oom || !d.any)
		goto out;
	memcpy(bb, d.bb, sizeof(d.bb));
	rc = 0;
out:
	hb_draw_funcs_destroy(df);
	hb_font_destroy(font);
	hb_face_destroy(hf);
	return rc;
}
