/*
 * test_oom.c — allocation failure at every allocation in turn
 * (../shared/notes/hostile-input.md, case 15): check (parse, schema,
 * model, rules), render (the default template, the board template, a
 * draft), loading both built-in templates, init, explain (list, one rule,
 * the manual page), rules test, the JSON and SARIF reports, and diff must
 * fail cleanly — no crash, no leak, no sanitizer report — whichever
 * allocation fails.
 *
 * The binary is linked with -Wl,--wrap= for malloc, calloc, realloc,
 * strdup and strndup, which catches plangen's own allocations: allocation
 * number fail_at fails, every other succeeds.  libxml2's allocations are
 * not made to fail: libxml2 2.9.14 itself crashes on some (a failed
 * xmlBufGrow() inside xmlParseDocument()), so plangen never hands it a
 * NULL — main.c installs an out-of-memory handler (pg_xml_set_oom_handler)
 * that exits cleanly with status 2 instead.  The libraries' own
 * allocations (json-c, fontconfig, libharu, PCRE2) are failed by
 * tests/e2e/oom.sh through an LD_PRELOAD shim.  Each pipeline is first run
 * once to count its allocations; then every allocation is made to fail in
 * turn — all of them, not a sample (about 5,000 runs, a few seconds).
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
#include "model/init.h"
#include "review/report.h"
#include "review/ruledoc.h"
#include "review/rules_custom.h"
#include "failalloc.h"


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
	long total, k, runs = 0, hit = 0, n[3] = { 0, 0, 0 };
	enum outcome o;

	fail_at = -1;
	nalloc = 0;
	fn(arg, 1);			/* the clean result */
	fail_at = LONG_MAX;		/* count with the wrapper on */
	nalloc = 0;
	assert_int_equal(fn(arg, 0), ABSORBED);	/* nothing failed: same result */
	total = nalloc;
	for (k = 0; k < total; k++) {	/* every one: a few seconds in all */
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
	const struct pg_diags	 *findings;	/* for a draft, or NULL */
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
	o.draft = r->findings != NULL;
	o.findings = r->findings;
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

/* Render plan `file` with template `tname`, every allocation failing in
 * turn; as a draft (with its findings) if draft is set. */
static void
render_case(const char *file, const char *tname, int draft, const char *what)
{
	struct pg_check_opts	 o;
	struct pg_checked	 c;
	struct pg_template	*tpl = NULL;
	struct pg_fontset	 fs;
	struct pg_diags		 d;
	struct rin		 r;
	size_t			 len;
	char			 err[512];
	char			*buf = slurp(file, &len);

	memset(&o, 0, sizeof(o));
	assert_int_equal(pg_check_buffer(buf, len, "plan.xml", &o, &c), 0);
	assert_non_null(c.plan);
	assert_true(!draft || pg_diags_count(&c.diags, PG_ERROR) > 0);
	pg_diags_init(&d);
	assert_int_equal(pg_template_load(tname, &tpl, &d, err,
	    sizeof(err)), 0);
	if (pg_fontset_load(&fs, tpl->font_latin, tpl->font_cjk, err,
	    sizeof(err)) != 0)
		fail_msg("%s", err);
	r.findings = draft ? &c.diags : NULL;
	r.plan = c.plan;
	r.tpl = tpl;
	r.fs = &fs;
	r.clean = NULL;
	every_failure(run_render, &r, what, 500);
	free(r.clean);
	pg_fontset_free(&fs);
	pg_template_free(tpl);
	pg_diags_free(&d);
	pg_checked_free(&c);
	free(buf);
}

static void
render_pipeline(void **state)
{
	(void)state;
	render_case("samples/plan-zh-CN.xml", "default", 0, "render");
}

/* the board template (landscape, its own labels) and a draft: the DRAFT
 * badge and the findings page */
static void
render_board_draft(void **state)
{
	(void)state;
	render_case("samples/plan-en.xml", "board", 0, "render board");
	render_case("tests/data/rules/goal-cycle.xml", "default", 1,
	    "render draft");
}

/* ---- templates --------------------------------------------------------- */

struct tin {
	const char	*name;
	char		*clean;	/* the labels of a clean load */
};

static enum outcome
run_template(void *arg, int base)
{
	struct tin		*in = arg;
	struct pg_template	*t = NULL;
	struct pg_diags		 d;
	enum outcome		 rc;
	char			 err[512], *s;
	size_t			 i, n = 0, cap = 64;
	int			 r;

	pg_diags_init(&d);
	err[0] = '\0';
	r = pg_template_load(in->name, &t, &d, err, sizeof(err));
	if (r != 0) {
		/* documented: -1 with err, or -2 with findings; here memory */
		int said = strstr(err, "out of memory") != NULL || d.oom;
		for (i = 0; i < d.n; i++)
			said |= strstr(d.v[i].msg, "out of memory") != NULL;
		if (!said)
			fail_msg("%s: template load failed without saying out "
			    "of memory: '%s'", in->name, err);
		assert_false(base);
		pg_diags_free(&d);
		return REPORTED;
	}
	for (i = 0; i < t->nlabels; i++)
		cap += strlen(t->labels[i].key) + 8 +
		    (t->labels[i].text.en ? strlen(t->labels[i].text.en) : 0) +
		    (t->labels[i].text.zh ? strlen(t->labels[i].text.zh) : 0);
	s = __real_malloc(cap + 256);
	assert_non_null(s);
	n += (size_t)snprintf(s + n, cap + 256 - n, "%s %s %s %g %zu\n",
	    t->name, t->font_latin ? t->font_latin : "-",
	    t->font_cjk ? t->font_cjk : "-", t->size_body, t->nlabels);
	for (i = 0; i < t->nlabels; i++)
		n += (size_t)snprintf(s + n, cap + 256 - n, "%s=%s|%s\n",
		    t->labels[i].key,
		    t->labels[i].text.en ? t->labels[i].text.en : "",
		    t->labels[i].text.zh ? t->labels[i].text.zh : "");
	pg_template_free(t);
	pg_diags_free(&d);
	if (base) {
		in->clean = s;
		return ABSORBED;
	}
	rc = strcmp(s, in->clean) == 0 ? ABSORBED : SILENT;
	free(s);
	return rc;
}

/* both built-in templates (board loads default as its base) */
static void
template_pipeline(void **state)
{
	static const char *names[] = { "default", "board" };
	struct tin	in;
	size_t		i;

	(void)state;
	for (i = 0; i < 2; i++) {
		in.name = names[i];
		in.clean = NULL;
		every_failure(run_template, &in, names[i], 3);
		free(in.clean);
	}
}

/* ---- init, explain, rules test, reports ---------------------------------- */

/*
 * What `plangen init`, `explain` (the list, one rule, the manual page),
 * `rules test` and `check --format json|sarif` build before they print:
 * each piece either whole or NULL (said as out of memory); the pieces are
 * concatenated so that a silently different one is caught.
 */
struct cin {
	struct pg_checked	 c;
	char			*clean;
};

static enum outcome
run_commands(void *arg, int base)
{
	struct cin		*in = arg;
	struct pg_ruleset	*rs;
	struct pg_rule_test	*t = NULL;
	struct pg_report_file	 f = { "plan.xml", &in->c };
	struct pg_report_opts	 ro = { PG_FMT_JSON, 0, NULL, 0 };
	char			*part[8], *all, err[1024], path[4096];
	const char		*src = getenv("SRCDIR");
	size_t			 i, n = 0, len = 1;
	long			 failed_ex;
	enum outcome		 rc = ABSORBED;
	int			 lost = 0;

	memset(part, 0, sizeof(part));
	part[0] = pg_init_skeleton("zh-CN", 0, &len);
	part[1] = pg_ruledoc_list(PG_LANG_EN);
	part[2] = pg_ruledoc_explain(pg_ruledoc_find("goal-cycle"), PG_LANG_ZH);
	part[3] = pg_ruledoc_man();
	rs = pg_ruleset_new();
	snprintf(path, sizeof(path), "%s/samples/rules/house-style-en.xml",
	    src ? src : ".");
	if (rs == NULL || pg_ruleset_load(rs, path, err, sizeof(err)) != 0) {
		if (rs != NULL && strstr(err, "out of memory") == NULL)
			fail_msg("rules load failed without saying out of "
			    "memory: '%s'", err);
		lost = 1;
	} else if ((failed_ex = pg_ruleset_test(rs, &t, &n)) < 0) {
		lost = 1;
	} else {
		len = 64;
		for (i = 0; i < n; i++)
			len += strlen(t[i].rule) + 32 +
			    (t[i].detail ? strlen(t[i].detail) : 0);
		if ((part[4] = malloc(len)) != NULL) {
			size_t k = (size_t)snprintf(part[4], len, "%ld\n",
			    failed_ex);
			for (i = 0; i < n; i++)
				k += (size_t)snprintf(part[4] + k, len - k,
				    "%s %zu %d %s\n", t[i].rule, t[i].example,
				    t[i].ok, t[i].detail ? t[i].detail : "");
		}
		pg_rule_tests_free(t, n);
	}
	ro.rules = lost ? NULL : rs;
	part[5] = pg_report(&f, 1, &ro);
	ro.fmt = PG_FMT_SARIF;
	part[6] = pg_report(&f, 1, &ro);
	pg_ruleset_free(rs);
	for (i = 0; i < 7; i++)
		lost |= part[i] == NULL;
	if (lost) {
		assert_false(base);
		rc = REPORTED;
	} else {
		for (len = 1, i = 0; i < 7; i++)
			len += strlen(part[i]);
		all = __real_malloc(len);
		assert_non_null(all);
		all[0] = '\0';
		for (i = 0; i < 7; i++)
			strcat(all, part[i]);
		if (base)
			in->clean = all;
		else {
			rc = strcmp(all, in->clean) == 0 ? ABSORBED : SILENT;
			free(all);
		}
	}
	for (i = 0; i < 7; i++)
		free(part[i]);
	return rc;
}

static void
commands_pipeline(void **state)
{
	struct pg_check_opts	 o;
	struct cin		 in;
	size_t			 len;
	char			*buf = slurp("tests/data/full.xml", &len);

	(void)state;
	memset(&o, 0, sizeof(o));
	assert_int_equal(pg_check_buffer(buf, len, "plan.xml", &o, &in.c), 0);
	in.clean = NULL;
	every_failure(run_commands, &in, "init, explain, rules test, reports",
	    100);
	free(in.clean);
	pg_checked_free(&in.c);
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
		cmocka_unit_test(render_board_draft),
		cmocka_unit_test(template_pipeline),
		cmocka_unit_test(commands_pipeline),
		cmocka_unit_test(diff_pipeline),
	};

	pg_xml_init();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
