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
 *
 * Every injected failure must be reported, as each function documents it:
 * pg_check_buffer() sets diags.oom ("some findings were lost"); pg_render()
 * returns -1 with "out of memory" in err; pg_pdf_write() returns -1 with
 * "out of memory" in err.  The one other outcome allowed is a failure the
 * code absorbs without loss (a shrinking realloc in pg_frames_trim(), say):
 * then the result must be exactly the result of a run where nothing
 * failed — the same findings, the same PDF bytes.  Anything else (a
 * failure that changes the result silently) fails the test, naming the
 * allocation (rerun with OOM_TRACE=1 to see each, with OOM_AT=k to run
 * allocation k alone, e.g. under gdb with a breakpoint in failalloc.c's
 * fails() where failed is set).
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
#include "diff/diff.h"
#include "layout/font.h"
#include "layout/frame.h"
#include "pdf/pdf_write.h"
#include "compose/render.h"
#include "compose/template.h"
#include "read/xml_read.h"
#include "figures/figure.h"
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

/* What one run of a pipeline did with its injected failure. */
enum outcome {
	REPORTED,	/* the documented out-of-memory report */
	ABSORBED,	/* no report, and the very result of a clean run */
	SILENT,		/* no report, and a different result: a bug */
};

/*
 * Runs fn with allocation k failing, for every k to test.  fn(arg, base)
 * returns its outcome; base is 1 for the clean run that records the
 * result the others are compared with.
 */
static void
every_failure(enum outcome (*fn)(void *, int), void *arg, const char *what,
    long atleast)
{
	long total, k, stride, runs = 0, hit = 0, n[3] = { 0, 0, 0 };
	enum outcome o;

	fail_at = -1;
	nalloc = 0;
	fn(arg, 1);			/* the clean result */
	fail_at = LONG_MAX;		/* count with the wrapper on */
	nalloc = 0;
	assert_int_equal(fn(arg, 0), ABSORBED);	/* nothing failed: same result */
	total = nalloc;
	stride = total > MAXRUNS ? (total - 200) / (MAXRUNS - 200) + 1 : 1;
	for (k = 0; k < total; k += k < 200 ? 1 : stride) {
		if (getenv("OOM_AT") != NULL && atol(getenv("OOM_AT")) != k)
			continue;	/* OOM_AT=k: only that one (to debug it) */
		fail_at = k;
		nalloc = 0;
		failed = 0;
		if (getenv("OOM_TRACE") != NULL)	/* before: in case it crashes */
			fprintf(stderr, "%s: failing allocation %ld\n", what, k);
		o = fn(arg, 0);
		if (getenv("OOM_TRACE") != NULL)
			fprintf(stderr, "%s: allocation %ld: %s\n", what, k,
			    o == REPORTED ? "reported" : o == ABSORBED ?
			    "absorbed, same result" : "NOT REPORTED");
		if (o == SILENT)
			print_error("%s: allocation %ld of %ld failed, nothing "
			    "reported it, and the result differs from a clean "
			    "run's\n", what, k, total);
		hit += failed;
		n[o]++;
		runs++;
	}
	fail_at = -1;
	print_message("%s: %ld allocations, %ld runs, %ld failures injected: "
	    "%ld reported, %ld absorbed, %ld silent\n", what, total, runs, hit,
	    n[REPORTED], n[ABSORBED], n[SILENT]);
	assert_int_equal(n[SILENT], 0);	/* each named above */
	assert_true(total >= atleast);	/* the pipeline really ran */
	assert_true(hit == runs);	/* every run had its failure */
	/* nearly all failures lose something and must say so */
	assert_true(n[REPORTED] >= runs / 2);
}

struct input {
	const char	*buf;
	size_t		 len;
	char		*clean;		/* check_result() of a clean run */
};

/* The findings, one a line, and what else the check returned. */
static char *
check_result(const struct pg_checked *c)
{
	size_t	 i, cap = 256, n = 0;
	char	*s;

	for (i = 0; i < c->diags.n; i++)
		cap += strlen(c->diags.v[i].rule) + strlen(c->diags.v[i].msg) + 64;
	s = __real_malloc(cap);
	assert_non_null(s);
	n += (size_t)snprintf(s + n, cap - n, "plan %d, %d%%\n",
	    c->plan != NULL, c->completeness);
	for (i = 0; i < c->diags.n; i++)
		n += (size_t)snprintf(s + n, cap - n, "%lu %s %d %s %d\n",
		    c->diags.v[i].line, c->diags.v[i].rule,
		    (int)c->diags.v[i].sev, c->diags.v[i].msg,
		    c->diags.v[i].accepted);
	return s;
}

static enum outcome
run_check(void *arg, int base)
{
	struct input		*in = arg;
	struct pg_check_opts	 o;
	struct pg_checked	 c;
	enum outcome		 rc;
	char			*res;

	memset(&o, 0, sizeof(o));
	/* documented: 0 whenever the buffer could be read, which it can */
	assert_int_equal(pg_check_buffer(in->buf, in->len, "plan.xml", &o, &c), 0);
	/* whatever failed, the result is consistent and freeable */
	assert_true(c.diags.n == 0 || c.diags.v != NULL);
	res = check_result(&c);		/* with the real malloc */
	if (base) {
		assert_false(c.diags.oom);
		assert_non_null(c.plan);
		in->clean = res;
		rc = ABSORBED;
	} else {
		if (c.diags.oom)
			rc = REPORTED;
		else
			rc = strcmp(res, in->clean) == 0 ? ABSORBED : SILENT;
		free(res);
	}
	pg_checked_free(&c);
	return rc;
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
	in.clean = NULL;
	every_failure(run_check, &in, "check", 10);
	free(in.clean);
	free(buf);
}

struct rin {
	const struct pg_plan	 *plan;
	const struct pg_template *tpl;
	const struct pg_fontset	 *fs;
	unsigned char		 *clean;	/* the PDF of a clean run */
	size_t			  cleanlen;
	size_t			  nwarn;	/* its warnings */
};

static enum outcome
run_render(void *arg, int base)
{
	struct rin		*r = arg;
	struct pg_render_opts	 o;
	struct pg_frames	 fr;
	struct pg_diags		 w;
	unsigned char		*pdf = NULL;
	size_t			 pdflen = 0;
	char			 err[512];
	enum outcome		 rc;

	memset(&o, 0, sizeof(o));
	o.file = "plan.xml";
	o.date = -1;
	pg_diags_init(&w);
	memset(&fr, 0, sizeof(fr));
	err[0] = '\0';
	if (pg_render(r->plan, r->tpl, r->fs, &o, &fr, &w, err,
	    sizeof(err)) != 0) {
		/* documented: -1 and a message; out of memory is the cause */
		if (strstr(err, "out of memory") == NULL)
			fail_msg("pg_render failed without saying out of memory: "
			    "'%s'", err);
		assert_null(pdf);
		rc = REPORTED;
	} else if (pg_pdf_write(&fr, r->fs, &pdf, &pdflen, err,
	    sizeof(err)) != 0) {
		if (strstr(err, "out of memory") == NULL)
			fail_msg("pg_pdf_write failed without saying out of "
			    "memory: '%s'", err);
		assert_null(pdf);	/* documented: *out is NULL */
		assert_int_equal(pdflen, 0);
		rc = REPORTED;
	} else {
		assert_non_null(pdf);
		assert_true(pdflen > 1000);
		if (base) {
			r->clean = pdf;
			r->cleanlen = pdflen;
			r->nwarn = w.n;
			pdf = NULL;
			rc = ABSORBED;
		} else if (w.oom)
			rc = REPORTED;	/* a warning was lost, and said so */
		else
			rc = pdflen == r->cleanlen && w.n == r->nwarn &&
			    memcmp(pdf, r->clean, pdflen) == 0 ? ABSORBED : SILENT;
	}
	free(pdf);
	pg_frames_free(&fr);
	pg_diags_free(&w);
	return rc;
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
	r.clean = NULL;
	every_failure(run_render, &r, "render", 1000);
	free(r.clean);
	pg_fontset_free(&fs);
	pg_template_free(tpl);
	pg_diags_free(&d);
	pg_checked_free(&c);
	free(buf);
}

/* ---- plangen diff ------------------------------------------------------------ */

struct din {
	struct pg_checked	 o, n;
	char			*clean;
};

static enum outcome
run_diff(void *arg, int base)
{
	struct din		*in = arg;
	struct pg_diff		 d;
	enum outcome		 rc;
	char			*t = NULL, *j = NULL, *m = NULL, *all;
	size_t			 len;

	if (pg_diff(&in->o, "old.xml", &in->n, "new.xml", NULL, &d) != 0) {
		assert_false(base);	/* documented: -1 only when memory ran out */
		return REPORTED;
	}
	t = pg_diff_report(&d, PG_DIFF_TEXT);
	j = pg_diff_report(&d, PG_DIFF_JSON);
	m = pg_diff_report(&d, PG_DIFF_MARKDOWN);
	pg_diff_free(&d);
	if (t == NULL || j == NULL || m == NULL) {
		assert_false(base);
		free(t);
		free(j);
		free(m);
		return REPORTED;
	}
	len = strlen(t) + strlen(j) + strlen(m) + 1;
	all = __real_malloc(len);
	assert_non_null(all);
	snprintf(all, len, "%s%s%s", t, j, m);
	free(t);
	free(j);
	free(m);
	if (base) {
		in->clean = all;
		return ABSORBED;
	}
	rc = strcmp(all, in->clean) == 0 ? ABSORBED : SILENT;
	free(all);
	return rc;
}

/* Replace the first `from` in buf (malloc'd) by `to`; a new malloc'd copy. */
static char *
replaced(const char *buf, const char *from, const char *to)
{
	const char	*p = strstr(buf, from);
	size_t		 n = strlen(buf) + strlen(to) + 1;
	char		*s = malloc(n);

	assert_non_null(p);
	assert_non_null(s);
	snprintf(s, n, "%.*s%s%s", (int)(p - buf), buf, to, p + strlen(from));
	return s;
}

static void
diff_pipeline(void **state)
{
	struct pg_check_opts	 o;
	struct din		 in;
	size_t			 len;
	char			*old = slurp("tests/data/full.xml", &len), *a, *b;

	(void)state;
	memset(&o, 0, sizeof(o));
	o.keep_doc = 1;
	/* new: a title edited, an action's owner removed (a finding), a line gone */
	a = replaced(old, "Marketing Plan 2027", "Marketing Plan 2027, revision 2");
	b = replaced(a, "owner=\"Jonas Bauer\" start", "start");
	free(a);
	a = replaced(b, "<risk likelihood=\"low\"", "<!-- risk --><review "
	    "cadence=\"Weekly\">Stand-up</review><risk likelihood=\"low\"");
	free(b);
	assert_int_equal(pg_check_buffer(old, len, "old.xml", &o, &in.o), 0);
	assert_int_equal(pg_check_buffer(a, strlen(a), "new.xml", &o, &in.n), 0);
	assert_non_null(in.o.doc);
	assert_non_null(in.n.doc);
	in.clean = NULL;
	every_failure(run_diff, &in, "diff", 50);
	free(in.clean);
	pg_checked_free(&in.o);
	pg_checked_free(&in.n);
	free(a);
	free(old);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(check_pipeline),
		cmocka_unit_test(render_pipeline),
		cmocka_unit_test(diff_pipeline),
	};

	pg_xml_init();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
