/*
 * test_render.c — templates (loading, validation, label fallback) and the
 * document composition, laid out with the fixed-width fake fontset: the
 * cover, contents with links, bookmarks, "page N of M" footers, the
 * DRAFT mark and the findings page, date and money formatting.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <math.h>
#include <string.h>

#include <cmocka.h>
#include <dirent.h>

#include "review/check.h"
#include "layout/font.h"
#include "layout/frame.h"
#include "compose/render.h"
#include "compose/template.h"
#include "compose/template_int.h"
#include "read/xml_read.h"

static void
dates(void **state)
{
	char		buf[64];
	struct pg_date	d = { 2027, 3, 1 }, none = { 0, 0, 0 };

	(void)state;
	assert_string_equal(pg_fmt_date(d, "en", buf, sizeof(buf)), "1 March 2027");
	assert_string_equal(pg_fmt_date(d, "zh-CN", buf, sizeof(buf)),
	    "2027年3月1日");
	assert_string_equal(pg_fmt_date(none, "en", buf, sizeof(buf)), "");
}

static void
amounts(void **state)
{
	char	buf[64];

	(void)state;
	assert_string_equal(pg_fmt_amount(35000000, 0, buf, sizeof(buf)), "350,000");
	assert_string_equal(pg_fmt_amount(35000000, 1, buf, sizeof(buf)),
	    "350,000.00");
	assert_string_equal(pg_fmt_amount(199950, 1, buf, sizeof(buf)), "1,999.50");
	assert_string_equal(pg_fmt_amount(-123456, 1, buf, sizeof(buf)), "-1,234.56");
	assert_string_equal(pg_fmt_amount(5, 1, buf, sizeof(buf)), "0.05");
	assert_string_equal(pg_fmt_amount(INT64_MAX, 1, buf, sizeof(buf)),
	    "92,233,720,368,547,758.07");
	assert_string_equal(pg_fmt_amount(INT64_MIN, 1, buf, sizeof(buf)),
	    "-92,233,720,368,547,758.08");
}

static void
templates_builtin(void **state)
{
	struct pg_template	*t;
	struct pg_diags		 d;
	char			 err[256];

	(void)state;
	pg_diags_init(&d);
	assert_int_equal(pg_template_load("default", &t, &d, err, sizeof(err)), 0);
	assert_true(t->page_w < t->page_h);
	assert_int_equal(t->nsections, PG_SEC_N);
	assert_int_equal(t->order[0], PG_SEC_SUMMARY);
	assert_true(t->new_page);
	assert_string_equal(pg_tpl_label(t, "goals.heading", "en"), "Goals");
	assert_string_equal(pg_tpl_label(t, "goals.heading", "zh-CN"), "目标");
	/* other languages fall back to English; unknown keys to the key */
	assert_string_equal(pg_tpl_label(t, "goals.heading", "fr"), "Goals");
	assert_string_equal(pg_tpl_label(t, "no.such", "en"), "no.such");
	pg_template_free(t);

	assert_int_equal(pg_template_load("board", &t, &d, err, sizeof(err)), 0);
	assert_true(t->page_w > t->page_h);
	assert_false(t->new_page);
	assert_int_equal(t->order[1], PG_SEC_GOALS);
	assert_string_equal(pg_tpl_label(t, "summary.heading", "en"),
	    "Executive summary");
	/* inherited from the default template */
	assert_string_equal(pg_tpl_label(t, "col.owner", "zh-CN"), "负责人");
	pg_template_free(t);
	assert_int_equal(d.n, 0);

	assert_int_equal(pg_template_load("nosuch", &t, &d, err, sizeof(err)), -1);
	assert_non_null(strstr(err, "no template named 'nosuch'"));
	assert_null(t);
	assert_int_equal(pg_template_load("../etc/passwd", &t, &d, err,
	    sizeof(err)), -1);
	pg_diags_free(&d);
}

/* The palette check's colour differences (template_palette.c). */
static void
templates_palette(void **state)
{
	const struct pg_color black = { 0, 0, 0 }, white = { 255, 255, 255 },
	    red = { 255, 0, 0 }, green = { 0, 139, 0 }, navy = { 0x1F, 0x3A, 0x5F },
	    navy2 = { 0x1F, 0x3B, 0x61 };
	struct pg_template	*t;
	struct pg_diags		 d;
	char			 err[256];

	(void)state;
	/* black and white: 100 in CIEDE2000, and 100 in lightness */
	assert_true(fabs(pg_color_de2000(black, white) - 100.0) < 0.01);
	assert_true(fabs(pg_color_dl(black, white) - 100.0) < 0.01);
	assert_true(pg_color_de2000(navy, navy) < 1e-9);
	assert_true(pg_color_de2000(navy, navy2) < 1.0);
	/* red and this green: far apart in colour, one grey in print */
	assert_true(pg_color_de2000(red, green) > 50);
	assert_true(pg_color_dl(red, green) < PG_PALETTE_MIN_DL);
	/* symmetric */
	assert_true(fabs(pg_color_de2000(red, navy) -
	    pg_color_de2000(navy, red)) < 1e-9);
	/* board's palette passes the check it is loaded through */
	pg_diags_init(&d);
	assert_int_equal(pg_template_load("board", &t, &d, err, sizeof(err)), 0);
	assert_true(t->npalette >= 4);
	assert_string_equal(t->extends, "default");
	assert_int_equal(pg_tpl_palette_check(t, "board", 1, &d), 0);
	t->palette[1] = t->palette[0];
	assert_true(pg_tpl_palette_check(t, "board", 1, &d) >= 1);
	assert_true(d.n >= 1);
	pg_template_free(t);
	pg_diags_free(&d);
}

static void
templates_list(void **state)
{
	struct pg_template_info	*v;
	int			 n, i, seen = 0;

	(void)state;
	n = pg_template_list(&v);
	assert_true(n >= 2);
	for (i = 0; i < n; i++)
		seen |= (strcmp(v[i].name, "default") == 0) |
		    (strcmp(v[i].name, "board") == 0) << 1;
	assert_int_equal(seen, 3);
	pg_template_list_free(v, n);
}

static char *
srcpath(const char *rel)
{
	const char	*src = getenv("SRCDIR");
	char		*p;

	if (src == NULL)
		src = ".";
	p = malloc(strlen(src) + strlen(rel) + 2);
	assert_non_null(p);
	sprintf(p, "%s/%s", src, rel);
	return p;
}

/* Any TEXT box on page `page` whose text contains s. */
static int
page_has(const struct pg_frames *f, int page, const char *s)
{
	size_t	i, n = strlen(s);

	for (i = 0; i < f->pages[page].n; i++) {
		const struct pg_box *b = &f->pages[page].boxes[i];
		size_t k;
		if (b->kind != PG_BOX_TEXT || b->len < n)
			continue;
		for (k = 0; k + n <= b->len; k++)
			if (memcmp(b->text + k, s, n) == 0)
				return 1;
	}
	return 0;
}

static size_t
page_count(const struct pg_frames *f, int page, enum pg_box_kind kind)
{
	size_t	i, n = 0;

	for (i = 0; i < f->pages[page].n; i++)
		n += f->pages[page].boxes[i].kind == kind;
	return n;
}

/*
 * The text lines of a page: TEXT boxes on one baseline, left to right,
 * their text with white space removed (a heading's segments, a contents
 * row's title and its page number are each one or more boxes).
 */
struct row {
	double	 y;		/* baseline */
	double	 x0, x1;	/* first box's x, last box's end */
	double	 size;		/* the first box's size */
	char	 text[400];
	size_t	 nbox;
	char	 last[64];	/* the last box's text, white space removed */
};

static const struct pg_box *sort_boxes;

static int
cmp_box(const void *a, const void *b)
{
	const struct pg_box *p = &sort_boxes[*(const size_t *)a];
	const struct pg_box *q = &sort_boxes[*(const size_t *)b];

	if (p->y != q->y)
		return p->y < q->y ? -1 : 1;
	return (p->x > q->x) - (p->x < q->x);
}

static void
squash_into(char *dst, size_t cap, const char *s, size_t len)
{
	size_t	n = strlen(dst), i;

	for (i = 0; i < len && n + 1 < cap; i++)
		if (s[i] != ' ' && s[i] != '\t' && s[i] != '\n')
			dst[n++] = s[i];
	dst[n] = '\0';
}

/* The rows of page `page` whose boxes lie in [x0, x1) (all if x1 <= x0). */
static size_t
page_rows(const struct pg_frames *f, int page, double x0, double x1,
    struct row *rows, size_t max)
{
	const struct pg_page *pg = &f->pages[page];
	size_t	*ix, n = 0, i, nr = 0;

	ix = calloc(pg->n + 1, sizeof(*ix));
	assert_non_null(ix);
	for (i = 0; i < pg->n; i++)
		if (pg->boxes[i].kind == PG_BOX_TEXT && pg->boxes[i].len > 0 &&
		    (x1 <= x0 || (pg->boxes[i].x >= x0 - 0.01 &&
		    pg->boxes[i].x < x1)))
			ix[n++] = i;
	sort_boxes = pg->boxes;
	qsort(ix, n, sizeof(*ix), cmp_box);
	for (i = 0; i < n; i++) {
		const struct pg_box *b = &pg->boxes[ix[i]];
		struct row *r;
		if (nr == 0 || b->y - rows[nr - 1].y > 0.01) {
			assert_true(nr < max);
			r = &rows[nr++];
			memset(r, 0, sizeof(*r));
			r->y = b->y;
			r->x0 = b->x;
			r->size = b->size;
		}
		r = &rows[nr - 1];
		squash_into(r->text, sizeof(r->text), b->text, b->len);
		r->last[0] = '\0';
		squash_into(r->last, sizeof(r->last), b->text, b->len);
		r->x1 = b->x + b->w;
		r->nbox++;
	}
	free(ix);
	return nr;
}

/*
 * Every contents link lands on its heading: the page number printed in
 * the entry is the link's target page, the heading the entry names is
 * drawn on that page (in larger type than the entry), and the view the
 * link opens (dest_y, from the top) starts at most 0.5 pt below the
 * heading's top (baseline - 0.8 em) and at most 36 pt (half an inch)
 * above it.  Returns NULL, or what is wrong with the first link that
 * misses (in a static buffer).
 */
static const char *
contents_links_miss(const struct pg_frames *f, size_t *nlinks)
{
	static struct row rows[2000];
	static char	why[600];
	struct row	entry;
	size_t		p, i, k, n;
	char		num[32], title[400];
	int		nentry;

	*nlinks = 0;
	for (p = 0; p < f->npages; p++) {
		for (i = 0; i < f->pages[p].n; i++) {
			const struct pg_box *b = &f->pages[p].boxes[i];
			const struct row *head = NULL;
			if (b->kind != PG_BOX_LINK || b->path != NULL)
				continue;	/* URI links of the text: not contents */
			(*nlinks)++;
			/* the entry: the row whose baseline is inside the link */
			n = page_rows(f, (int)p, b->x, b->x + b->w, rows, 2000);
			for (k = 0, nentry = 0; k < n; k++)
				if (rows[k].y > b->y && rows[k].y <= b->y + b->h) {
					entry = rows[k];
					nentry++;
				}
			if (nentry != 1 || entry.nbox < 2) {
				snprintf(why, sizeof(why), "a link on page %zu covers "
				    "%d rows, not one contents entry", p + 1, nentry);
				return why;
			}
			/* its last box is the page number: the link's target */
			snprintf(num, sizeof(num), "%d", b->dest_page + 1);
			if (strcmp(entry.last, num) != 0) {
				snprintf(why, sizeof(why), "contents entry '%s' on page "
				    "%zu shows page %s but its link goes to page %s",
				    entry.text, p + 1, entry.last, num);
				return why;
			}
			if (b->dest_page < 0 || (size_t)b->dest_page >= f->npages) {
				snprintf(why, sizeof(why), "the link for '%s' goes to "
				    "page %d of %zu", entry.text, b->dest_page + 1,
				    f->npages);
				return why;
			}
			snprintf(title, sizeof(title), "%.*s",
			    (int)(strlen(entry.text) - strlen(entry.last)),
			    entry.text);
			/* the heading: a row of the target page with that text */
			n = page_rows(f, b->dest_page, 0, 0, rows, 2000);
			for (k = 0; k < n && head == NULL; k++)
				/* a heading, or a figure's caption (the list
				 * of figures: "Figure 3. ...", "图 3 ...") */
				if (strcmp(rows[k].text, title) == 0 &&
				    (rows[k].size > entry.size ||
				    strncmp(title, "Figure", 6) == 0 ||
				    strncmp(title, "图", 3) == 0))
					head = &rows[k];
			if (head == NULL) {
				snprintf(why, sizeof(why), "the link for '%s' goes to "
				    "page %d, where no heading reads so", title,
				    b->dest_page + 1);
				return why;
			}
			if (head->y - head->size * 0.8 < b->dest_y - 0.5 ||
			    head->y - head->size * 0.8 > b->dest_y + 36) {
				snprintf(why, sizeof(why), "the link for '%s' opens "
				    "page %d at y %.1f, but the heading's top is at "
				    "y %.1f", title, b->dest_page + 1, b->dest_y,
				    head->y - head->size * 0.8);
				return why;
			}
		}
	}
	return NULL;
}

static void
contents_links_land(struct pg_frames *f)
{
	const char	*why, *oldtext;
	size_t		 nlinks, p, i, oldlen, lp = 0;
	struct pg_box	*link = NULL, *num = NULL;
	char		 buf[32];

	why = contents_links_miss(f, &nlinks);
	if (why != NULL)
		fail_msg("%s", why);
	assert_true(nlinks >= 8);

	/* the check itself can fail: spoil one link at a time */
	for (p = 0; p < f->npages && link == NULL; p++)
		for (i = 0; i < f->pages[p].n && link == NULL; i++)
			if (f->pages[p].boxes[i].kind == PG_BOX_LINK) {
				link = &f->pages[p].boxes[i];	/* the first */
				lp = p;
			}
	assert_non_null(link);
	link->dest_page++;		/* the next page */
	why = contents_links_miss(f, &nlinks);
	assert_non_null(why);
	assert_non_null(strstr(why, "shows page"));
	/* the next page, and the entry says so: no heading there */
	for (i = 0; i < f->pages[lp].n; i++) {
		struct pg_box *b = &f->pages[lp].boxes[i];
		if (b->kind == PG_BOX_TEXT && b->y > link->y &&
		    b->y <= link->y + link->h && b->x >= link->x &&
		    b->x < link->x + link->w && (num == NULL || b->x > num->x))
			num = b;
	}
	assert_non_null(num);
	oldtext = num->text;
	oldlen = num->len;
	snprintf(buf, sizeof(buf), "%d", link->dest_page + 1);
	num->text = buf;
	num->len = strlen(buf);
	why = contents_links_miss(f, &nlinks);
	assert_non_null(why);
	assert_non_null(strstr(why, "where no heading reads so"));
	num->text = oldtext;
	num->len = oldlen;
	link->dest_page--;
	link->dest_y += 60;		/* below the heading's top */
	why = contents_links_miss(f, &nlinks);
	assert_non_null(why);
	assert_non_null(strstr(why, "the heading's top is at"));
	link->dest_y -= 100;		/* far above it */
	why = contents_links_miss(f, &nlinks);
	assert_non_null(why);
	assert_non_null(strstr(why, "the heading's top is at"));
	link->dest_y += 40;
	assert_null(contents_links_miss(f, &nlinks));
}

static void
render_sample(const char *tpl, int draft)
{
	struct pg_checked	 c;
	struct pg_template	*t;
	struct pg_fontset	 fs;
	struct pg_frames	 f;
	struct pg_diags		 d, w, findings;
	struct pg_render_opts	 o;
	char			 err[256], pg[64], *path = srcpath("samples/plan-en.xml");
	size_t			 i;
	int			 sections = 0;

	pg_diags_init(&d);
	pg_diags_init(&w);
	pg_diags_init(&findings);
	struct pg_check_opts co = { NULL, 0, NULL, 0, { 0, 0, 0 } };

	assert_int_equal(pg_check_file(path, &co, &c, err, sizeof(err)), 0);
	assert_non_null(c.plan);
	assert_int_equal(pg_template_load(tpl, &t, &d, err, sizeof(err)), 0);
	assert_int_equal(pg_fontset_fake(&fs, 500), 0);
	pg_diag_emit(&findings, PG_F_BUDGET_TOTAL_MISMATCH, path, 42,
	    "the budget lines add up to 93,500.50, not 99,999");
	memset(&o, 0, sizeof(o));
	o.file = path;
	o.draft = draft;
	o.findings = &findings;
	o.date = 1790000000;
	assert_int_equal(pg_render(c.plan, t, &fs, &o, &f, &w, err,
	    sizeof(err)), 0);
	assert_true(f.npages >= 8);
	assert_true(f.date == 1790000000);
	assert_string_equal(f.title, c.plan->meta.title.s);
	assert_non_null(strstr(f.creator, "plangen"));
	/* the cover carries the title; the contents page has links */
	assert_true(page_has(&f, 0, "Brightwell"));
	assert_true(page_has(&f, 1, "Contents") || page_has(&f, 1, "In this pack"));
	assert_true(page_count(&f, 1, PG_BOX_LINK) >= 8);
	for (i = 0; i < f.pages[1].n; i++) {
		const struct pg_box *b = &f.pages[1].boxes[i];
		if (b->kind == PG_BOX_LINK)
			assert_true(b->dest_page >= 2 && (size_t)b->dest_page < f.npages);
	}
	/* ... and each lands on the heading it names, near its top */
	contents_links_land(&f);
	/* a bookmark for every section, each pointing at a real page */
	for (i = 0; i < f.noutlines; i++) {
		assert_true(f.outlines[i].page >= 1 &&
		    (size_t)f.outlines[i].page < f.npages);
		sections += f.outlines[i].level == 0;
	}
	assert_true(sections >= PG_SEC_N);
	/* "page N of M" on every page but the cover */
	for (i = 1; i < f.npages; i++) {
		if (strcmp(tpl, "default") == 0)
			snprintf(pg, sizeof(pg), "Page %zu of %zu", i + 1, f.npages);
		else
			snprintf(pg, sizeof(pg), "%zu/%zu", i + 1, f.npages);
		assert_true(page_has(&f, (int)i, pg));
	}
	assert_false(page_has(&f, 0, "Page 1 of"));
	for (i = 0; i < f.npages; i++)
		assert_int_equal(page_has(&f, (int)i, "DRAFT"), draft);
	if (draft)
		assert_true(page_has(&f, (int)f.npages - 1, "budget-total-mismatch"));
	pg_frames_free(&f);
	pg_fontset_free(&fs);
	pg_template_free(t);
	pg_checked_free(&c);
	pg_diags_free(&d);
	pg_diags_free(&w);
	pg_diags_free(&findings);
	free(path);
}


/* ---- the accounting invariant ------------------------------------------ */

/* s with white space removed, into a new string. */
static char *
squash(const char *s, size_t len)
{
	char *d = malloc(len + 1);

	assert_non_null(d);
	d[0] = '\0';
	squash_into(d, len + 1, s, len);
	return d;
}

/* Every text box of the document in drawing order, white space removed;
 * skip_hyphen: without the boxes that are a lone "-" (hyphenation). */
static char *
doc_text(const struct pg_frames *f, int skip_hyphen)
{
	size_t p, i, cap = 1, n = 0;
	char *d;

	for (p = 0; p < f->npages; p++)
		for (i = 0; i < f->pages[p].n; i++)
			if (f->pages[p].boxes[i].kind == PG_BOX_TEXT)
				cap += f->pages[p].boxes[i].len;
	d = malloc(cap);
	assert_non_null(d);
	d[0] = '\0';
	for (p = 0; p < f->npages; p++)
		for (i = 0; i < f->pages[p].n; i++) {
			const struct pg_box *b = &f->pages[p].boxes[i];
			if (b->kind != PG_BOX_TEXT || (skip_hyphen &&
			    b->len == 1 && b->text[0] == '-'))
				continue;
			squash_into(d + n, cap - n, b->text, b->len);
			n += strlen(d + n);
		}
	return d;
}

/*
 * 1 if squashed text x is in all in two parts, the second after the first:
 * a table row split across pages (a slide's large type splits rows that
 * fit whole on a page of a report) has the header row repeated and the
 * running heads between them.
 */
static int
found_split(const char *all, const char *x)
{
	size_t	n = strlen(x), k;
	char	*a = malloc(n + 1);
	const char *pa;
	int	found = 0;

	assert_non_null(a);
	for (k = 4; k + 4 <= n && !found; k++) {
		memcpy(a, x, k);
		a[k] = '\0';
		found = (pa = strstr(all, a)) != NULL && strstr(pa + k, x + k) != NULL;
	}
	free(a);
	return found;
}

/*
 * Render plan `rel` (relative to SRCDIR) with template tpl and check the
 * accounting: no text of the plan is lost, and every text said to be
 * placed is in the frames.  Returns the number of texts checked (0: the
 * plan has errors that stop the model).
 */
static size_t
account_plan(const char *rel, const char *tpl, struct pg_render_acct *acct)
{
	struct pg_checked	 c;
	struct pg_template	*t;
	struct pg_fontset	 fs;
	struct pg_frames	 f;
	struct pg_diags		 d, w;
	struct pg_render_opts	 o;
	struct pg_check_opts	 co;
	char			 err[256], *path = srcpath(rel), *all, *nohy;
	size_t			 i, n;

	memset(&co, 0, sizeof(co));
	pg_diags_init(&d);
	pg_diags_init(&w);
	if (pg_check_file(path, &co, &c, err, sizeof(err)) != 0 ||
	    c.plan == NULL) {
		pg_checked_free(&c);
		free(path);
		return 0;
	}
	assert_int_equal(pg_template_load(tpl, &t, &d, err, sizeof(err)), 0);
	assert_int_equal(pg_fontset_fake(&fs, 500), 0);
	memset(&o, 0, sizeof(o));
	o.file = path;
	o.draft = 1;
	o.findings = &c.diags;
	o.date = -1;
	o.acct = acct;
	assert_int_equal(pg_render(c.plan, t, &fs, &o, &f, &w, err,
	    sizeof(err)), 0);
	all = doc_text(&f, 0);
	nohy = doc_text(&f, 1);
	for (i = 0; i < acct->n; i++) {
		const struct pg_acct_item *it = &acct->v[i];
		char *x = squash(it->text, strlen(it->text));
		if (it->state == PG_ACCT_LOST)
			fail_msg("%s (%s): %s line %lu (%s) \"%.60s\" is not in "
			    "the PDF", rel, tpl, it->what, it->line,
			    "lost", it->text);
		if (it->state == PG_ACCT_PLACED && strstr(all, x) == NULL &&
		    strstr(nohy, x) == NULL && !found_split(all, x) &&
		    !found_split(nohy, x))
			fail_msg("%s (%s): %s line %lu is said to be placed but "
			    "\"%.60s\" is not in the frames", rel, tpl, it->what,
			    it->line, it->text);
		if (it->state == PG_ACCT_SUMMARISED)
			assert_non_null(it->why);
		free(x);
	}
	if (acct->fig_dropped > 0)
		fail_msg("%s (%s): %zu figure items drawn without their name",
		    rel, tpl, acct->fig_dropped);
	n = acct->n;
	free(all);
	free(nohy);
	pg_frames_free(&f);
	pg_fontset_free(&fs);
	pg_template_free(t);
	pg_checked_free(&c);
	pg_diags_free(&d);
	pg_diags_free(&w);
	free(path);
	return n;
}

/* Every test plan, every built-in template: every text of the plan is
 * accounted (placed, or summarised by design in a brief or deck). */
static void
account_every_plan(void **state)
{
	static const char *const fixed[] = { "samples/plan-en.xml",
		"samples/plan-zh-CN.xml", "tests/data/full.xml",
		"tests/data/reader-full.xml", "tests/data/seed-v2.xml",
		"tests/data/large.xml" };
	static const char *const dirs[] = { "tests/data/rules",
		"tests/data/team" };
	static const char *const tpls[] = { "default", "board", "brief",
	    "deck" };
	struct pg_render_acct	 a;
	size_t			 i, k, plans = 0, texts = 0;
	char			 rel[512];

	(void)state;
	for (k = 0; k < sizeof(tpls) / sizeof(tpls[0]); k++) {
		for (i = 0; i < sizeof(fixed) / sizeof(fixed[0]); i++) {
			texts += account_plan(fixed[i], tpls[k], &a);
			pg_render_acct_free(&a);
			plans++;
		}
		for (i = 0; i < sizeof(dirs) / sizeof(dirs[0]); i++) {
			char *dir = srcpath(dirs[i]);
			DIR *dp = opendir(dir);
			struct dirent *de;
			assert_non_null(dp);
			while ((de = readdir(dp)) != NULL) {
				size_t l = strlen(de->d_name);
				if (l < 5 || strcmp(de->d_name + l - 4, ".xml") != 0)
					continue;
				snprintf(rel, sizeof(rel), "%s/%s", dirs[i],
				    de->d_name);
				texts += account_plan(rel, tpls[k], &a);
				pg_render_acct_free(&a);
				plans++;
			}
			closedir(dp);
			free(dir);
		}
	}
	assert_true(plans >= 60);
	assert_true(texts >= 1000);
}

/* The English sample: every one of its texts placed, none summarised. */
static void
account_sample(void **state)
{
	struct pg_render_acct	 a;

	(void)state;
	assert_true(account_plan("samples/plan-en.xml", "board", &a) > 200);
	assert_int_equal(a.nlost, 0);
	assert_int_equal(a.nsummarised, 0);
	assert_int_equal(a.nplaced, a.n);
	assert_int_equal(a.fig_dropped, 0);
	pg_render_acct_free(&a);
}

static void
render_default(void **state)
{
	(void)state;
	render_sample("default", 0);
}

static void
render_board_draft(void **state)
{
	(void)state;
	render_sample("board", 1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(dates),
		cmocka_unit_test(amounts),
		cmocka_unit_test(templates_builtin),
		cmocka_unit_test(templates_list),
		cmocka_unit_test(templates_palette),
		cmocka_unit_test(render_default),
		cmocka_unit_test(render_board_draft),
		cmocka_unit_test(account_every_plan),
		cmocka_unit_test(account_sample),
	};

	pg_xml_init();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
