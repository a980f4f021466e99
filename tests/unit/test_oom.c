/*
 * test_oom.c — allocation failure at every allocation in turn
 * (../shared/notes/hostile-input.md, case 15): the check pipeline (parse,
 * schema, model, rules) and the render pipeline (layout, figures, PDF)
 * must fail cleanly — no crash, no leak, no sanitizer report — whichever
 * allocation fails.
 *
 * The binary is linked with -Wl,--wrap=malloc,calloc,realloc, which
 * catches plangen's own allocations: allocation number fail_at fails,
 * every other succeeds.  libxml2's allocations are not made to fail:
 * libxml2 2.9.14 itself crashes on some (a failed xmlBufGrow() inside
 * xmlParseDocument()), so plangen never hands it a NULL — main.c installs
 * an out-of-memory handler (pg_xml_set_oom_handler) that exits cleanly
 * with status 2 instead.  Each pipeline is
 * first run once to count its allocations; then every allocation is made
 * to fail in turn, or, where there are too many to run in a unit test,
 * every k-th one (k chosen so that at most MAXRUNS runs happen), always
 * including the first 200.
 */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <libxml/parser.h>

#include "review/check.h"
#include "layout/font.h"
#include "layout/frame.h"
#include "pdf/pdf_write.h"
#include "compose/render.h"
#include "compose/template.h"
#include "read/xml_read.h"
#include "failalloc.h"

#define MAXRUNS	400

static char *
slurp(const char *rel, size_t *len)
{
	char		 path[4096], err[256], *buf;
	const char	*src = getenv("SRCDIR");

	snprintf(path, sizeof(path), "%s/%s", src ? src : ".", rel);
	buf = pg_read_file(path, len, err, sizeof(err));
	if (buf == NULL)
		fail_msg("%s", err);
	return buf;
}

/* Runs fn with allocation k failing, for every k to test. */
static void
every_failure(void (*fn)(void *), void *arg, const char *what, long atleast)
{
	long total, k, stride, runs = 0, hit = 0;

	fail_at = -1;
	nalloc = 0;
	fn(arg);			/* count */
	fail_at = LONG_MAX;		/* count with the wrapper on */
	nalloc = 0;
	fn(arg);
	total = nalloc;
	stride = total > MAXRUNS ? (total - 200) / (MAXRUNS - 200) + 1 : 1;
	for (k = 0; k < total; k += k < 200 ? 1 : stride) {
		fail_at = k;
		nalloc = 0;
		failed = 0;
		if (getenv("OOM_TRACE") != NULL)
			fprintf(stderr, "%s: failing allocation %ld\n", what, k);
		fn(arg);
		hit += failed;
		runs++;
	}
	fail_at = -1;
	print_message("%s: %ld allocations, %ld runs, %ld failures injected\n",
	    what, total, runs, hit);
	assert_true(total >= atleast);	/* the pipeline really ran */
	assert_true(hit == runs);
}

struct input {
	const char	*buf;
	size_t		 len;
};

static void
run_check(void *arg)
{
	const struct input	*in = arg;
	struct pg_check_opts	 o;
	struct pg_checked	 c;

	memset(&o, 0, sizeof(o));
	pg_check_buffer(in->buf, in->len, "plan.xml", &o, &c);
	/* whatever failed, the result is consistent and freeable */
	assert_true(c.diags.n == 0 || c.diags.v != NULL);
	pg_checked_free(&c);
}

static void
check_pipeline(void **state)
{
	struct input	in;
	size_t		len;
	char		*buf = slurp("tests/data/full.xml", &len);

	(void)state;
	in.buf = buf;
	in.len = len;
	every_failure(run_check, &in, "check", 10);
	free(buf);
}

struct rin {
	const struct pg_plan	 *plan;
	const struct pg_template *tpl;
	const struct pg_fontset	 *fs;
};

static void
run_render(void *arg)
{
	const struct rin	*r = arg;
	struct pg_render_opts	 o;
	struct pg_frames	 fr;
	struct pg_diags		 w;
	unsigned char		*pdf = NULL;
	size_t			 pdflen = 0;
	char			 err[512];

	memset(&o, 0, sizeof(o));
	o.file = "plan.xml";
	o.date = -1;
	pg_diags_init(&w);
	memset(&fr, 0, sizeof(fr));
	if (pg_render(r->plan, r->tpl, r->fs, &o, &fr, &w, err,
	    sizeof(err)) == 0 &&
	    pg_pdf_write(&fr, r->fs, &pdf, &pdflen, err, sizeof(err)) == 0) {
		assert_non_null(pdf);
		assert_true(pdflen > 1000);
	}
	free(pdf);
	pg_frames_free(&fr);
	pg_diags_free(&w);
}

static void
render_pipeline(void **state)
{
	struct pg_check_opts	 o;
	struct pg_checked	 c;
	struct pg_template	*tpl = NULL;
	struct pg_fontset	 fs;
	struct pg_diags		 d;
	struct rin		 r;
	size_t			 len;
	char			 err[512];
	char			*buf = slurp("samples/plan-zh-CN.xml", &len);

	(void)state;
	memset(&o, 0, sizeof(o));
	assert_int_equal(pg_check_buffer(buf, len, "plan.xml", &o, &c), 0);
	assert_non_null(c.plan);
	pg_diags_init(&d);
	assert_int_equal(pg_template_load("default", &tpl, &d, err,
	    sizeof(err)), 0);
	if (pg_fontset_load(&fs, NULL, NULL, err, sizeof(err)) != 0)
		fail_msg("%s", err);
	r.plan = c.plan;
	r.tpl = tpl;
	r.fs = &fs;
	every_failure(run_render, &r, "render", 1000);
	pg_fontset_free(&fs);
	pg_template_free(tpl);
	pg_diags_free(&d);
	pg_checked_free(&c);
	free(buf);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(check_pipeline),
		cmocka_unit_test(render_pipeline),
	};

	pg_xml_init();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
