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

#include "layout/font.h"
#include "layout/frame.h"
#include "layout/layout.h"

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
	char	 key[16];
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

/* The heading fits its estimate, but the paragraph's lines are taller. */
static void
heading_moves_with_para(void **state)
{
	struct fx	 f;
	struct pg_tstyle big;
	struct pg_run	 run;
	char		*s = lines_text(1), *t = lines_text(3);

	(void)state;
	fx_init(&f, "en");
	para(&f, s);			/* the estimate: 15 pt lines */
	fill_to(&f, 105);
	/* heading 105..125 + 2 * 15 fits; 2 lines of 30 pt do not */
	assert_int_equal(pg_layout_heading(f.l, 0, "Title", &f.head), 0);
	big = f.body;
	big.leading = 30;
	run.text = t + 4;		/* "xxx... L01..." : lines 1, 2 and 3 */
	run.style = 0;
	assert_int_equal(pg_layout_para(f.l, &run, 1, &big), 0);
	assert_int_equal(find_text(&f.fr, "Title", NULL), 1);
	assert_int_equal(f.fr.outlines[0].page, 1);
	assert_int_equal(find_line(&f.fr, 1, NULL), 1);
	free(s);
	free(t);
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
	/* Chinese text: the CJK face draws the digit too */
	assert_int_equal(fr.pages[0].boxes[1].face, 1);
	assert_int_equal(fr.pages[0].boxes[2].face, 1);
	pg_frames_free(&fr);
}

/* ---- tables ------------------------------------------------------------ */

static struct pg_cell
cell(struct pg_run *r, const char *s)
{
	struct pg_cell c;

	memset(&c, 0, sizeof(c));
	r->text = s;
	r->style = 0;
	c.runs = r;
	c.nruns = 1;
	return c;
}

/* Widths from content: minima are the widest words, the rest by need. */
static void
table_widths(void **state)
{
	struct pg_run	 r[9];
	struct pg_cell	 head[3], cells[6];
	struct pg_table	 t;
	struct pg_tstyle body;
	double		 w[3];

	(void)state;
	memset(&body, 0, sizeof(body));
	body.size = 10;
	body.leading = 15;
	head[0] = cell(&r[0], "ID");
	head[1] = cell(&r[1], "Description");
	head[2] = cell(&r[2], "Owner");
	cells[0] = cell(&r[3], "A1");
	cells[1] = cell(&r[4],
	    "a long description text that goes on and on for quite a while");
	cells[2] = cell(&r[5], "Marketing");
	cells[3] = cell(&r[6], "B22");
	cells[4] = cell(&r[7], "short");
	cells[5] = cell(&r[8], "Sales");
	memset(&t, 0, sizeof(t));
	t.ncols = 3;
	t.header = head;
	t.cells = cells;
	t.nrows = 2;
	t.body = &body;
	t.pad = 2;
	assert_int_equal(pg_table_widths(&fs, &t, 160, "en", w), 0);
	/* minima 15+4, 55+4, 45+4; the 33 pt left go to the long column */
	NEAR(w[0], 19);
	NEAR(w[1], 92);
	NEAR(w[2], 49);

	/* a column wanting less than an equal share gets its natural width */
	{
		struct pg_cell	two[2];
		struct pg_table	t2 = t;

		two[0] = cell(&r[0], "aaaaaaa bbbbbbb");
		two[1] = cell(&r[1],
		    "a long description text that goes on and on for quite a while");
		t2.ncols = 2;
		t2.header = NULL;
		t2.cells = two;
		t2.nrows = 1;
		/* minima 39 and 59; 102 left: 40 to the first (all it wants) */
		assert_int_equal(pg_table_widths(&fs, &t2, 200, "en", w), 0);
		NEAR(w[0], 79);
		NEAR(w[1], 121);
		head[0] = cell(&r[0], "ID");
		head[1] = cell(&r[1], "Description");
	}

	/* everything fits: natural widths, the rest shared by size */
	cells[1] = cell(&r[4], "short text");
	assert_int_equal(pg_table_widths(&fs, &t, 160, "en", w), 0);
	/* naturals 19, 59 ("Description"), 49: total 127 */
	NEAR(w[0], 19 + 33 * 19 / 127.0);
	NEAR(w[1], 59 + 33 * 59 / 127.0);
	NEAR(w[2], 49 + 33 * 49 / 127.0);
}

/* A long word's column keeps it whole while the prose columns give room. */
static void
table_no_collapse(void **state)
{
	struct pg_run	 r[3];
	struct pg_cell	 cells[3];
	struct pg_table	 t;
	struct pg_tstyle body;
	double		 w[3], min_frac[3] = { 0, 0, 0 };

	(void)state;
	memset(&body, 0, sizeof(body));
	body.size = 10;
	body.leading = 15;
	cells[0] = cell(&r[0], "aaaa bbbb cccc dddd eeee ffff gggg hhhh iiii");
	cells[1] = cell(&r[1], "jjjj kkkk llll mmmm nnnn oooo pppp qqqq rrrr");
	cells[2] = cell(&r[2], "Internationalization");
	memset(&t, 0, sizeof(t));
	t.ncols = 3;
	t.cells = cells;
	t.nrows = 1;
	t.body = &body;
	t.pad = 2;
	/* minima: 3 em (30) + 4 for the prose, 100 + 4 for the word */
	assert_int_equal(pg_table_widths(&fs, &t, 180, "en", w), 0);
	NEAR(w[2], 104);		/* the word, not a letter per line */
	NEAR(w[0], 38);			/* 34 + half of the 8 left */
	NEAR(w[0] + w[1] + w[2], 180);
	/* min_frac is honoured */
	min_frac[0] = 0.25;
	t.min_frac = min_frac;
	assert_int_equal(pg_table_widths(&fs, &t, 200, "en", w), 0);
	assert_true(w[0] >= 50 - 1e-9);
	assert_true(w[2] >= 104 - 1e-9);

	/* a Han column keeps 3 em, not one character per line */
	cells[2] = cell(&r[2], "进行中的项目");
	t.min_frac = NULL;
	assert_int_equal(pg_table_widths(&fs, &t, 120, "zh-CN", w), 0);
	assert_true(w[2] >= 34 - 1e-9);
}

/* Page and y of the first LINE box that is horizontal at y on a page. */
static int
has_hrule(const struct pg_frames *fr, int page, double y)
{
	size_t i;

	for (i = 0; i < fr->pages[page].n; i++) {
		const struct pg_box *b = &fr->pages[page].boxes[i];
		if (b->kind == PG_BOX_LINE && b->h == 0 &&
		    fabs_(b->y - y) < 1e-9)
			return 1;
	}
	return 0;
}

/* Vertical LINE boxes from y down h pt on a page. */
static int
count_vrules(const struct pg_frames *fr, int page, double y, double h)
{
	size_t	i;
	int	k = 0;

	for (i = 0; i < fr->pages[page].n; i++) {
		const struct pg_box *b = &fr->pages[page].boxes[i];
		k += b->kind == PG_BOX_LINE && b->w == 0 &&
		    fabs_(b->y - y) < 1e-9 && fabs_(b->h - h) < 1e-9;
	}
	return k;
}

static int
count_text(const struct pg_frames *fr, int page, const char *s)
{
	size_t	i, n = strlen(s);
	int	k = 0;

	for (i = 0; i < fr->pages[page].n; i++) {
		const struct pg_box *b = &fr->pages[page].boxes[i];
		k += b->kind == PG_BOX_TEXT && b->len == n &&
		    memcmp(b->text, s, n) == 0;
	}
	return k;
}

/* checks 13, 14: a tall row splits between lines; the header repeats. */
static void
table_split_row(void **state)
{
	struct fx	 f;
	struct pg_run	 r[4];
	struct pg_cell	 head[2], cells[2];
	struct pg_table	 t;
	double		 mf[2] = { 0.6, 0 }, y;
	size_t		 p, i;
	int		 k;

	(void)state;
	fx_init(&f, "en");
	head[0] = cell(&r[0], "H1");
	head[1] = cell(&r[1], "H2");
	cells[0] = cell(&r[2], "R1");
	cells[1] = cell(&r[3], "L00xxxxx L01xxxxx L02xxxxx L03xxxxx L04xxxxx "
	    "L05xxxxx L06xxxxx L07xxxxx");
	memset(&t, 0, sizeof(t));
	t.ncols = 2;
	t.header = head;
	t.cells = cells;
	t.nrows = 1;
	t.min_frac = mf;
	f.body.align = PG_ALIGN_LEFT;
	t.body = &f.body;
	t.pad = 2;
	fill_to(&f, 100);
	assert_int_equal(pg_layout_table(f.l, &t), 0);
	/* page 0: header 100..119, lines L00-L02 119..168, rule closes at 168 */
	assert_int_equal(count_text(&f.fr, 0, "H1"), 1);
	assert_int_equal(count_text(&f.fr, 1, "H2"), 1);
	for (k = 0; k < 8; k++) {
		assert_int_equal(find_line(&f.fr, k, &y), k < 3 ? 0 : 1);
		if (k == 0)
			NEAR(y, 119 + 2 + BOFF);
		if (k == 3)
			NEAR(y, 20 + 19 + 2 + BOFF);
	}
	assert_true(has_hrule(&f.fr, 0, 100));
	assert_true(has_hrule(&f.fr, 0, 119));
	assert_true(has_hrule(&f.fr, 0, 168));
	assert_true(has_hrule(&f.fr, 1, 20));
	assert_true(has_hrule(&f.fr, 1, 39));
	assert_true(has_hrule(&f.fr, 1, 39 + 75 + 4));
	NEAR(pg_layout_y(f.l), 39 + 79);
	/* vertical rules: one per column edge and page, header included */
	assert_int_equal(count_vrules(&f.fr, 0, 100, 68), 3);
	assert_int_equal(count_vrules(&f.fr, 1, 20, 98), 3);
	/* nothing below the bottom margin */
	for (p = 0; p < f.fr.npages; p++)
		for (i = 0; i < f.fr.pages[p].n; i++) {
			const struct pg_box *b = &f.fr.pages[p].boxes[i];
			assert_true(b->y + (b->h > 0 ? b->h : 0) <= 180 + 1e-9);
		}
	fx_free(&f);
}

/* A row that does not fit moves whole, with the header: never a lone header. */
static void
table_header_not_alone(void **state)
{
	struct fx	 f;
	struct pg_run	 r[6];
	struct pg_cell	 head[2], cells[4];
	struct pg_table	 t;

	(void)state;
	fx_init(&f, "en");
	head[0] = cell(&r[0], "H1");
	head[1] = cell(&r[1], "H2");
	cells[0] = cell(&r[2], "A");
	cells[1] = cell(&r[3], "B");
	cells[2] = cell(&r[4], "C");
	cells[3] = cell(&r[5], "D");
	memset(&t, 0, sizeof(t));
	t.ncols = 2;
	t.header = head;
	t.cells = cells;
	t.nrows = 2;
	t.body = &f.body;
	t.pad = 2;
	fill_to(&f, 150);		/* 30 pt: header (19) but no row (19) */
	assert_int_equal(pg_layout_table(f.l, &t), 0);
	assert_int_equal(count_text(&f.fr, 0, "H1"), 0);
	assert_int_equal(count_text(&f.fr, 1, "H1"), 1);
	assert_int_equal(count_text(&f.fr, 1, "A"), 1);
	assert_int_equal(count_text(&f.fr, 1, "D"), 1);
	fx_free(&f);

	/* rows move page by page; each page gets the header */
	fx_init(&f, "en");
	fill_to(&f, 131);		/* 49: header + 1 row (19 + 19 = 38) */
	assert_int_equal(pg_layout_table(f.l, &t), 0);
	assert_int_equal(count_text(&f.fr, 0, "H1"), 1);
	assert_int_equal(count_text(&f.fr, 0, "A"), 1);
	assert_int_equal(count_text(&f.fr, 0, "C"), 0);
	assert_int_equal(count_text(&f.fr, 1, "H1"), 1);
	assert_int_equal(count_text(&f.fr, 1, "C"), 1);
	fx_free(&f);
}

/* Split cells keep two lines on each side; short rows are not split. */
static void
table_split_widows(void **state)
{
	struct fx	 f;
	struct pg_run	 r[4];
	struct pg_cell	 head[2], cells[2];
	struct pg_table	 t;
	double		 half[2] = { 0.5, 0.5 };

	(void)state;
	fx_init(&f, "en");
	f.body.align = PG_ALIGN_LEFT;
	head[0] = cell(&r[0], "H1");
	head[1] = cell(&r[1], "H2");
	/* 80 pt columns: one 8-letter word a line */
	cells[0] = cell(&r[2], "L00xxxxx L01xxxxx L02xxxxx L03xxxxx L04xxxxx");
	cells[1] = cell(&r[3], "R1");
	memset(&t, 0, sizeof(t));
	t.ncols = 2;
	t.header = head;
	t.cells = cells;
	t.nrows = 1;
	t.min_frac = half;
	t.body = &f.body;
	t.pad = 2;
	fill_to(&f, 97);	/* header 97..116, then room for 4 lines of 5 */
	assert_int_equal(pg_layout_table(f.l, &t), 0);
	assert_int_equal(find_line(&f.fr, 2, NULL), 0);
	assert_int_equal(find_line(&f.fr, 3, NULL), 1);
	assert_int_equal(find_line(&f.fr, 4, NULL), 1);
	fx_free(&f);

	/* 3 + 2 lines with room for 2: splitting would leave 1 + 0 / 2 + 2 */
	fx_init(&f, "en");
	f.body.align = PG_ALIGN_LEFT;
	cells[0] = cell(&r[2], "L00xxxxx L01xxxxx L02xxxxx");
	cells[1] = cell(&r[3], "M00xxxxx M01xxxxx");
	fill_to(&f, 127);
	assert_int_equal(pg_layout_table(f.l, &t), 0);
	assert_int_equal(count_text(&f.fr, 0, "H1"), 0);
	assert_int_equal(find_line(&f.fr, 0, NULL), 1);
	assert_int_equal(find_text(&f.fr, "M00", NULL), 1);
	fx_free(&f);
}

/* A heading before a table that must move goes with it. */
static void
table_heading_keep(void **state)
{
	struct fx	 f;
	struct pg_run	 r[4];
	struct pg_cell	 head[2], cells[2];
	struct pg_table	 t;

	(void)state;
	fx_init(&f, "en");
	head[0] = cell(&r[0], "H1");
	head[1] = cell(&r[1], "H2");
	cells[0] = cell(&r[2], "A");
	cells[1] = cell(&r[3], "B");
	memset(&t, 0, sizeof(t));
	t.ncols = 2;
	t.header = head;
	t.cells = cells;
	t.nrows = 1;
	t.body = &f.body;
	t.pad = 6;
	fill_to(&f, 110);
	/* heading 110..130 (estimate: 2 * 20 more fits); table needs 27 + 27 */
	assert_int_equal(pg_layout_heading(f.l, 0, "Budget", &f.head), 0);
	assert_int_equal(pg_layout_table(f.l, &t), 0);
	assert_int_equal(find_text(&f.fr, "Budget", NULL), 1);
	assert_int_equal(f.fr.outlines[0].page, 1);
	assert_int_equal(count_text(&f.fr, 1, "H1"), 1);
	assert_int_equal(f.fr.pages[0].n, 0);
	fx_free(&f);
}

/* pg_draw_line draws what pg_break measured: faces and hyphens kept. */
static void
draw_line(void **state)
{
	struct pg_frames fr;
	struct pg_color	 c = { 0, 0, 0 };
	struct pg_run	 run = { "“社交”internationalization", 0 };
	struct pg_tstyle ts;
	struct pg_lines	 ls;

	(void)state;
	memset(&ts, 0, sizeof(ts));
	ts.size = 10;
	ts.leading = 15;
	ts.align = PG_ALIGN_LEFT;
	pg_frames_init(&fr, 100, 100);
	assert_int_equal(pg_frames_add_page(&fr), 0);
	assert_int_equal(pg_break(&fs, &run, 1, &ts, 80, "zh-CN", &ls), 0);
	assert_int_equal(ls.n, 2);
	assert_int_equal(pg_draw_line(&fr, &fs, 0, 10, 50, &ls.v[0], &run, 10,
	    c), 0);
	/* Chinese text: one face for “社交” (40 pt) and "interna-" (40 pt),
	 * drawn as one box ending in the hyphen */
	assert_int_equal(fr.pages[0].n, 1);
	assert_int_equal(fr.pages[0].boxes[0].face, 1);
	NEAR(fr.pages[0].boxes[0].w, 80);
	assert_int_equal(fr.pages[0].boxes[0].len, strlen("“社交”interna-"));
	assert_memory_equal(fr.pages[0].boxes[0].text, "“社交”interna-",
	    strlen("“社交”interna-"));
	pg_lines_free(&ls);
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
		cmocka_unit_test(heading_moves_with_para),
		cmocka_unit_test(block_and_space),
		cmocka_unit_test(list_item),
		cmocka_unit_test(draw_text),
		cmocka_unit_test(draw_line),
		cmocka_unit_test(table_widths),
		cmocka_unit_test(table_no_collapse),
		cmocka_unit_test(table_split_row),
		cmocka_unit_test(table_header_not_alone),
		cmocka_unit_test(table_split_widows),
		cmocka_unit_test(table_heading_keep),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
