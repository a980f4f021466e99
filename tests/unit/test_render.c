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
#include <string.h>

#include <cmocka.h>

#include "review/check.h"
#include "layout/font.h"
#include "layout/frame.h"
#include "compose/render.h"
#include "compose/template.h"
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
	struct pg_check_opts co = { NULL, 0, NULL };

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
		cmocka_unit_test(render_default),
		cmocka_unit_test(render_board_draft),
	};

	pg_xml_init();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
