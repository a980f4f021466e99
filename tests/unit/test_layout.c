/*
 * test_layout.c — the flow with the fixed-width fake fontset: pages of
 * 200 x 200 pt, margins 20 pt (text area 160 x 160), body 10 pt on 15 pt
 * leading (Latin 5 pt wide, Han 10 pt): a line's top is at y, its
 * baseline at y + 7.5 + 3.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "font.h"
#include "frame.h"
#include "layout.h"

#define NEAR(a, b)	assert_true(fabs_((a) - (b)) < 1e-9)
#define BOFF		10.5	/* baseline below a body line's top */

static struct pg_fontset fs;

struct fx {
	struct pg_frames	 fr;
	struct pg_layout	*l;
	struct pg_tstyle	 body, head;
};

static double
fabs_(double v)
{
	return v < 0 ? -v : v;
}

static int
setup(void **state)
{
	(void)state;
	return pg_fontset_fake(&fs, 500);
}

static int
teardown(void **state)
{
	(void)state;
	pg_fontset_free(&fs);
	return 0;
}

static void
fx_init(struct fx *f, const char *lang)
{
	struct pg_geom g = { 200, 200, 20, 20, 20, 20 };

	pg_frames_init(&f->fr, 200, 200);
	f->l = pg_layout_new(&f->fr, &fs, &g, lang);
	assert_non_null(f->l);
	memset(&f->body, 0, sizeof(f->body));
	f->body.size = 10;
	f->body.leading = 15;
	f->body.align = PG_ALIGN_JUSTIFY;
	f->head = f->body;
	f->head.size = 14;
	f->head.leading = 20;
	f->head.style = PG_STYLE_STRONG;
	f->head.align = PG_ALIGN_LEFT;
}

static void
fx_free(struct fx *f)
{
	pg_layout_free(f->l);
	pg_frames_free(&f->fr);
}

/* A paragraph of n lines: each "LnnXXXX..." fills a 160 pt line (32 chars). */
static char *
lines_text(int n)
{
	char	*s = malloc((size_t)n * 33 + 1), *p = s;
	int	 i;

	for (i = 0; i < n; i++) {
		p += sprintf(p, "L%02d", i);
		memset(p, 'x', 28);
		p += 28;
		*p++ = ' ';
	}
	p[-1] = '\0';
	return s;
}

/* Page and baseline of the text box starting with "Lnn". */
static int
find_line(const struct pg_frames *fr, int n, double *y)
{
	char	 key[8];
	size_t	 p, i;

	snprintf(key, sizeof(key), "L%02d", n);
	for (p = 0; p < fr->npages; p++)
		for (i = 0; i < fr->pages[p].n; i++) {
			const struct pg_box *b = &fr->pages[p].boxes[i];
			if (b->kind == PG_BOX_TEXT && b->len >= 3 &&
			    memcmp(b->text, key, 3) == 0) {
				if (y != NULL)
					*y = b->y;
				return (int)p;
			}
		}
	return -1;
}

/* Page of the first text box that starts with s. */
static int
find_text(const struct pg_frames *fr, const char *s, double *y)
{
	size_t p, i, n = strlen(s);

	for (p = 0; p < fr->npages; p++)
		for (i = 0; i < fr->pages[p].n; i++) {
			const struct pg_box *b = &fr->pages[p].boxes[i];
			if (b->kind == PG_BOX_TEXT && b->len >= n &&
			    memcmp(b->text, s, n) == 0) {
				if (y != NULL)
					*y = b->y;
				return (int)p;
			}
		}
	return -1;
}

static void
para(struct fx *f, const char *s)
{
	struct pg_run run = { s, 0 };

	assert_int_equal(pg_layout_para(f->l, &run, 1, &f->body), 0);
}

/* Fill the current page down to `y` with a block. */
static void
fill_to(struct fx *f, double y)
{
	int	page;
	double	x, by, w;

	assert_int_equal(pg_layout_block(f->l, y - pg_layout_y(f->l), &page,
	    &x, &by, &w), 0);
	NEAR(pg_layout_y(f->l), y);
}

static void
paragraph_positions(void **state)
{
	struct fx	 f;
	char		*s = lines_text(3);
	double		 y;

	(void)state;
	fx_init(&f, "en");
	para(&f, s);
	assert_int_equal(find_line(&f.fr, 0, &y), 0);
	NEAR(y, 20 + BOFF);
	assert_int_equal(find_line(&f.fr, 2, &y), 0);
	NEAR(y, 20 + 30 + BOFF);
	NEAR(pg_layout_y(f.l), 65);
	free(s);
	fx_free(&f);
}

/* check 11: orphans. Room for 1 line: a 3-line paragraph moves whole. */
static void
no_orphan(void **state)
{
	struct fx	 f;
	char		*s = lines_text(3);
	double		 y;

	(void)state;
	fx_init(&f, "en");
	fill_to(&f, 160);		/* 20 pt left: one line */
	para(&f, s);
	assert_int_equal(find_line(&f.fr, 0, &y), 1);
	NEAR(y, 20 + BOFF);
	assert_int_equal(find_line(&f.fr, 2, NULL), 1);
	free(s);
	fx_free(&f);
}

/* check 11: widows. Room for 4 of 5 lines: 3 here, 2 on the next page. */
static void
no_widow(void **state)
{
	struct fx	 f;
	char		*s = lines_text(5);
	double		 y;

	(void)state;
	fx_init(&f, "en");
	fill_to(&f, 120);		/* 60 pt left: four lines */
	para(&f, s);
	assert_int_equal(find_line(&f.fr, 0, NULL), 0);
	assert_int_equal(find_line(&f.fr, 1, NULL), 0);
	assert_int_equal(find_line(&f.fr, 2, &y), 0);
	NEAR(y, 120 + 30 + BOFF);
	assert_int_equal(find_line(&f.fr, 3, &y), 1);
	NEAR(y, 20 + BOFF);
	assert_int_equal(find_line(&f.fr, 4, NULL), 1);
	free(s);
	fx_free(&f);

	/* room for exactly 5: all stay */
	s = lines_text(5);
	fx_init(&f, "en");
	fill_to(&f, 105);
	para(&f, s);
	assert_int_equal(find_line(&f.fr, 4, NULL), 0);
	free(s);
	fx_free(&f);
}

/* check 12: a heading with no room for two lines after it moves. */
static void
heading_keeps_with_next(void **state)
{
	struct fx	 f;
	char		*s = lines_text(4);
	double		 y;
	int		 page;

	(void)state;
	fx_init(&f, "en");
	/* heading (20) + 2 lines (30) need 50 pt; 45 are left */
	fill_to(&f, 135);
	page = pg_layout_heading(f.l, 0, "Title", &f.head);
	assert_int_equal(page, 1);
	para(&f, s);
	assert_int_equal(find_text(&f.fr, "Title", &y), 1);
	assert_int_equal(find_line(&f.fr, 0, NULL), 1);
	assert_int_equal(f.fr.noutlines, 1);
	assert_int_equal(f.fr.outlines[0].page, 1);
	NEAR(f.fr.outlines[0].y, 20);
	free(s);
	fx_free(&f);
}

/* The heading fits its estimate but the table/block after it does not. */
static void
heading_moves_with_block(void **state)
{
	struct fx	 f;
	int		 page;
	double		 x, y, w, hy;

	(void)state;
	fx_init(&f, "en");
	fill_to(&f, 100);
	f.head.space_after = 4;
	assert_int_equal(pg_layout_heading(f.l, 1, "Chart", &f.head), 0);
	assert_int_equal(pg_layout_block(f.l, 100, &page, &x, &y, &w), 0);
	assert_int_equal(page, 1);
	NEAR(y, 20 + 20 + 4);
	NEAR(w, 160);
	assert_int_equal(find_text(&f.fr, "Chart", &hy), 1);
	NEAR(hy, 20 + 10 + 0.3 * 14);
	assert_int_equal(f.fr.pages[0].n, 0);
	assert_int_equal(f.fr.outlines[0].page, 1);
	NEAR(f.fr.outlines[0].y, 20);
	fx_free(&f);
}

/* Blocks move to the next page when they do not fit; space at a top goes. */
static void
block_and_space(void **state)
{
	struct fx	 f;
	int		 page;
	double		 x, y, w;

	(void)state;
	fx_init(&f, "en");
	assert_int_equal(pg_layout_space(f.l, 30), 0);	/* swallowed */
	NEAR(pg_layout_y(f.l), 20);
	assert_int_equal(pg_layout_block(f.l, 100, &page, &x, &y, &w), 0);
	assert_int_equal(page, 0);
	NEAR(y, 20);
	NEAR(x, 20);
	assert_int_equal(pg_layout_block(f.l, 61, &page, &x, &y, &w), 0);
	assert_int_equal(page, 1);
	NEAR(y, 20);
	assert_int_equal(pg_layout_block(f.l, 99, &page, &x, &y, &w), 0);
	assert_int_equal(page, 1);
	NEAR(y, 81);
	/* a new page at the top of an empty page adds none */
	assert_int_equal(pg_layout_new_page(f.l), 0);
	assert_int_equal(pg_layout_page(f.l), 2);
	assert_int_equal(pg_layout_new_page(f.l), 0);
	assert_int_equal(pg_layout_page(f.l), 2);
	assert_int_equal(pg_layout_space(f.l, 30), 0);
	NEAR(pg_layout_y(f.l), 20);
	fx_free(&f);
}

/* Bullets hang: the text starts 1.25 em right of the bullet. */
static void
list_item(void **state)
{
	struct fx	 f;
	struct pg_run	 run = { "item text", 0 };
	double		 y;
	size_t		 i;
	int		 bullet = 0;

	(void)state;
	fx_init(&f, "en");
	assert_int_equal(pg_layout_item(f.l, &run, 1, &f.body), 0);
	for (i = 0; i < f.fr.pages[0].n; i++) {
		const struct pg_box *b = &f.fr.pages[0].boxes[i];
		if (b->len == 3 && memcmp(b->text, "\xe2\x80\xa2", 3) == 0) {
			NEAR(b->x, 20);
			bullet = 1;
		}
	}
	assert_true(bullet);
	assert_int_equal(find_text(&f.fr, "item", &y), 0);
	for (i = 0; i < f.fr.pages[0].n; i++)
		if (memcmp(f.fr.pages[0].boxes[i].text, "item", 4) == 0)
			NEAR(f.fr.pages[0].boxes[i].x, 32.5);
	fx_free(&f);
}

static void
draw_text(void **state)
{
	struct pg_frames fr;
	struct pg_color	 c = { 0, 0, 0 };
	double		 w;

	(void)state;
	pg_frames_init(&fr, 100, 100);
	assert_int_equal(pg_frames_add_page(&fr), 0);
	w = pg_draw_text(&fr, &fs, 0, 10, 50, "第3页", strlen("第3页"), 0, 10, c);
	NEAR(w, 10 + 5 + 10 + 2 * 1.875);
	NEAR(w, pg_measure_text(&fs, "第3页", strlen("第3页"), 0, 10));
	assert_int_equal(fr.pages[0].n, 3);
	NEAR(fr.pages[0].boxes[1].x, 10 + 10 + 1.875);
	assert_int_equal(fr.pages[0].boxes[1].face, 0);
	assert_int_equal(fr.pages[0].boxes[2].face, 1);
	pg_frames_free(&fr);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(paragraph_positions),
		cmocka_unit_test(no_orphan),
		cmocka_unit_test(no_widow),
		cmocka_unit_test(heading_keeps_with_next),
		cmocka_unit_test(heading_moves_with_block),
		cmocka_unit_test(block_and_space),
		cmocka_unit_test(list_item),
		cmocka_unit_test(draw_text),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
