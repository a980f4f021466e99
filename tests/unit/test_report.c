/*
 * test_report.c — report formats on hand-made findings (accepted ones
 * included), and the rule documentation table.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <json.h>

#include "review/check.h"
#include "review/report.h"
#include "review/ruledoc.h"

/*
 * The rule ids of the spec (plan-format.md), in its order, then the ids
 * only `plangen render` reports.
 */
static const char *const spec_ids[] = {
	"xml-syntax", "schema", "duplicate-id", "dangling-ref", "goal-cycle",
	"period-invalid", "action-dates", "goal-not-measurable",
	"goal-no-deadline", "budget-total-mismatch", "goal-unsupported",
	"goal-breakdown-mismatch", "phase-mismatch",
	"too-many-key-points", "swot-quadrant-empty", "outside-period",
	"goal-no-owner", "action-no-owner", "goal-target-unchanged",
	"vague-goal", "action-unbudgeted", "mix-incomplete", "kpi-missing",
	"no-controls", "fail-point-no-recovery", "unused-accept",
	"placeholder-text", "image-unreadable",
	/* version 2: the seed models */
	"opportunity-unaddressed", "threat-unaddressed", "pain-unaddressed",
	"servqual-gap-unaddressed", "fab-no-benefit", "promotion-qdq-incomplete",
	"kpi-kind-unbalanced",
	/* version 2: tracking */
	"action-overdue", "kpi-off-track", "budget-overspent",
	"template", "missing-glyph",
};

static void
fixture(struct pg_checked *c)
{
	memset(c, 0, sizeof(*c));
	pg_diags_init(&c->diags);
	c->completeness = 86;
	pg_diag_emit(&c->diags, PG_F_GOAL_NOT_MEASURABLE, "p.xml", 57,
	    "goal G3 has no measurable target");
	pg_diag_emit(&c->diags, PG_F_ACTION_NO_OWNER, "p.xml", 80,
	    "action A4 has no owner");
	pg_diag_emit(&c->diags, PG_F_ACTION_UNBUDGETED, "p.xml", 90,
	    "%s", "action A5, \"50%\" done:\nno budget");
	c->diags.v[2].accepted = 1;
	pg_diags_sort(&c->diags);
}

static char *
report_in(const struct pg_checked *c, const char *name, enum pg_format f,
    int quiet, int omit_accepted)
{
	struct pg_report_file	file = { name, c, NULL };
	struct pg_report_opts	o = { f, quiet, NULL, omit_accepted };

	return pg_report(&file, 1, &o);
}

static char *
report(const struct pg_checked *c, enum pg_format f, int quiet)
{
	return report_in(c, "p.xml", f, quiet, 0);
}

static void
text_format(void **state)
{
	struct pg_checked c;
	char *s;

	(void)state;
	fixture(&c);
	s = report(&c, PG_FMT_TEXT, 0);
	assert_non_null(s);
	assert_string_equal(s,
	    "p.xml:57: error: goal G3 has no measurable target [goal-not-measurable]\n"
	    "p.xml:80: warning: action A4 has no owner [action-no-owner]\n"
	    "p.xml: 1 error, 1 warning; completeness 86%\n");
	free(s);
	s = report(&c, PG_FMT_TEXT, 1);
	assert_string_equal(s, "p.xml: 1 error, 1 warning; completeness 86%\n");
	free(s);
	pg_checked_free(&c);
}

/* render's findings (pg_report_findings) are the text report's lines. */
static void
findings_lines(void **state)
{
	struct pg_checked c;
	struct pg_diags	 d;
	char		*s;

	(void)state;
	fixture(&c);
	s = pg_report_findings(&c.diags, "unused.xml", NULL);
	assert_non_null(s);
	assert_string_equal(s,
	    "p.xml:57: error: goal G3 has no measurable target [goal-not-measurable]\n"
	    "p.xml:80: warning: action A4 has no owner [action-no-owner]\n");
	free(s);
	pg_checked_free(&c);

	pg_diags_init(&d);
	s = pg_report_findings(&d, "t.xml", NULL);
	assert_non_null(s);
	assert_string_equal(s, "");
	free(s);
	pg_diag_emit(&d, PG_F_TEMPLATE, "t.xml", 0, "cannot load template.rng");
	pg_diag_emit(&d, PG_F_MISSING_GLYPH, "p.xml", 3, "no font can draw U+1F600");
	s = pg_report_findings(&d, "t.xml", NULL);
	assert_non_null(s);
	assert_string_equal(s,
	    "t.xml: error: cannot load template.rng [template]\n"
	    "p.xml:3: warning: no font can draw U+1F600 [missing-glyph]\n");
	free(s);
	pg_diags_free(&d);
}

static void
github_format(void **state)
{
	struct pg_checked c;
	char *s;

	(void)state;
	fixture(&c);
	c.diags.v[2].accepted = 0;
	s = report(&c, PG_FMT_GITHUB, 0);
	assert_string_equal(s,
	    "::error file=p.xml,line=57,title=goal-not-measurable::goal G3 has no measurable target\n"
	    "::warning file=p.xml,line=80,title=action-no-owner::action A4 has no owner\n"
	    "::warning file=p.xml,line=90,title=action-unbudgeted::action A5, \"50%25\" done:%0Ano budget\n"
	    "p.xml: 1 error, 2 warnings; completeness 86%\n");
	free(s);
	pg_checked_free(&c);
}

static void
json_format(void **state)
{
	struct pg_checked c;
	json_object *doc, *f, *v, *a;
	char *s;

	(void)state;
	fixture(&c);
	s = report(&c, PG_FMT_JSON, 1);	/* --quiet does not shorten JSON */
	assert_non_null(s);
	doc = json_tokener_parse(s);
	assert_non_null(doc);
	assert_true(json_object_object_get_ex(doc, "files", &a));
	assert_int_equal(json_object_array_length(a), 1);
	f = json_object_array_get_idx(a, 0);
	assert_true(json_object_object_get_ex(f, "findings", &a));
	assert_int_equal(json_object_array_length(a), 3);
	v = json_object_array_get_idx(a, 2);
	assert_string_equal(json_object_get_string(json_object_object_get(v, "rule")),
	    "action-unbudgeted");
	assert_true(json_object_get_boolean(json_object_object_get(v, "accepted")));
	assert_string_equal(json_object_get_string(json_object_object_get(v, "message")),
	    "action A5, \"50%\" done:\nno budget");
	assert_int_equal(json_object_get_int(json_object_object_get(v, "line")), 90);
	v = json_object_array_get_idx(a, 0);
	assert_false(json_object_get_boolean(json_object_object_get(v, "accepted")));
	v = json_object_object_get(f, "counts");
	assert_int_equal(json_object_get_int(json_object_object_get(v, "errors")), 1);
	assert_int_equal(json_object_get_int(json_object_object_get(v, "warnings")), 1);
	assert_int_equal(json_object_get_int(json_object_object_get(v, "accepted")), 1);
	assert_int_equal(json_object_get_int(json_object_object_get(f, "completeness")), 86);
	json_object_put(doc);
	free(s);
	pg_checked_free(&c);
}

static void
sarif_format(void **state)
{
	struct pg_checked c;
	json_object *doc, *run, *rules, *res, *r, *sup;
	char *s;
	size_t i;

	(void)state;
	fixture(&c);
	/* --omit-accepted: 2 results, no suppressions */
	s = report_in(&c, "p.xml", PG_FMT_SARIF, 0, 1);
	doc = json_tokener_parse(s);
	assert_non_null(doc);
	run = json_object_array_get_idx(json_object_object_get(doc, "runs"), 0);
	res = json_object_object_get(run, "results");
	assert_int_equal(json_object_array_length(res), 2);
	for (i = 0; i < 2; i++) {
		json_object *art;
		r = json_object_array_get_idx(res, i);
		assert_null(json_object_object_get(r, "suppressions"));
		art = json_object_object_get(json_object_object_get(json_object_array_get_idx(
		    json_object_object_get(r, "locations"), 0), "physicalLocation"),
		    "artifactLocation");
		assert_string_equal(json_object_get_string(json_object_object_get(art,
		    "uri")), "p.xml");
		assert_string_equal(json_object_get_string(json_object_object_get(art,
		    "uriBaseId")), "%SRCROOT%");
	}
	rules = json_object_object_get(json_object_object_get(
	    json_object_object_get(run, "tool"), "driver"), "rules");
	for (i = 0; i < json_object_array_length(rules); i++) {
		r = json_object_array_get_idx(rules, i);
		if (strcmp(json_object_get_string(json_object_object_get(r, "id")),
		    "budget-total-mismatch") == 0)
			assert_string_equal(json_object_get_string(json_object_object_get(r,
			    "name")), "BudgetTotalMismatch");
	}
	json_object_put(doc);
	free(s);
	/* an absolute path: a file URI, percent-encoded */
	s = report_in(&c, "/home/a b/plan.xml", PG_FMT_SARIF, 0, 0);
	assert_non_null(strstr(s, "\"uri\": \"file:///home/a%20b/plan.xml\""));
	assert_null(strstr(s, "uriBaseId"));
	free(s);
	/* by default (the spec): all three, every one with suppressions */
	s = report(&c, PG_FMT_SARIF, 0);
	assert_non_null(s);
	doc = json_tokener_parse(s);
	assert_non_null(doc);
	assert_string_equal(json_object_get_string(json_object_object_get(doc, "version")), "2.1.0");
	run = json_object_array_get_idx(json_object_object_get(doc, "runs"), 0);
	rules = json_object_object_get(json_object_object_get(
	    json_object_object_get(run, "tool"), "driver"), "rules");
	assert_int_equal(json_object_array_length(rules), pg_ruledoc_count());
	res = json_object_object_get(run, "results");
	assert_int_equal(json_object_array_length(res), 3);
	for (i = 0; i < 3; i++) {
		int idx;
		r = json_object_array_get_idx(res, i);
		idx = json_object_get_int(json_object_object_get(r, "ruleIndex"));
		assert_string_equal(json_object_get_string(json_object_object_get(
		    json_object_array_get_idx(rules, idx), "id")),
		    json_object_get_string(json_object_object_get(r, "ruleId")));
		sup = json_object_object_get(r, "suppressions");
		if (i == 2) {
			assert_non_null(sup);
			assert_string_equal(json_object_get_string(json_object_object_get(
			    json_object_array_get_idx(sup, 0), "kind")), "inSource");
		} else {
			assert_non_null(sup);
			assert_int_equal(json_object_array_length(sup), 0);
		}
	}
	json_object_put(doc);
	free(s);
	pg_checked_free(&c);
}

static void
format_names(void **state)
{
	enum pg_format f;

	(void)state;
	assert_int_equal(pg_format_parse("sarif", &f), 0);
	assert_int_equal(f, PG_FMT_SARIF);
	assert_int_equal(pg_format_parse("github", &f), 0);
	assert_int_equal(f, PG_FMT_GITHUB);
	assert_int_equal(pg_format_parse("JSON", &f), -1);
	assert_int_equal(pg_format_parse("", &f), -1);
}

/* 1 if s is a non-empty text of at least min bytes with no stray blank. */
static int
text_ok(const char *s, size_t min)
{
	return s != NULL && strlen(s) >= min && s[0] != ' ' &&
	    s[strlen(s) - 1] != ' ' && strchr(s, '\n') == NULL;
}

/*
 * Every id that can be emitted (every value of enum pg_finding: the only
 * way to emit a built-in finding) is documented in both languages, and
 * every documented row is an id of finding.h's list.
 */
static void
every_finding_documented(void **state)
{
	size_t		 i, l;
	enum pg_finding	 f, g;

	(void)state;
	assert_int_equal(pg_ruledoc_count(), PG_F_COUNT);
	for (f = 0; f < PG_F_COUNT; f++) {
		const char *id = pg_finding_id(f);
		const struct pg_ruledoc *r = pg_ruledoc_get(f);
		assert_non_null(id);
		if (r == NULL)
			fail_msg("finding %s can be emitted but has no "
			    "documentation in ruledoc.c", id);
		assert_int_equal(r->f, f);
		assert_ptr_equal(pg_ruledoc_find(id), r);
		for (l = 0; l < PG_LANG_N; l++)
			if (!text_ok(r->summary[l], 6) || !text_ok(r->checks[l], 11) ||
			    !text_ok(r->why[l], 11) || !text_ok(r->fix[l], 11))
				fail_msg("finding %s: documentation in language %zu "
				    "is missing or malformed", id, l);
		/* ids are unique, and spelt as ids are */
		assert_int_equal(pg_finding_lookup(id, &g), 0);
		assert_int_equal(g, f);
		assert_int_equal(strspn(id, "abcdefghijklmnopqrstuvwxyz-"),
		    strlen(id));
	}
	for (i = 0; i < pg_ruledoc_count(); i++) {
		const char *id = pg_finding_id(pg_ruledocs[i].f);
		if (id == NULL || pg_finding_lookup(id, &g) != 0 || (size_t)g != i)
			fail_msg("documentation row %zu is not finding id %zu",
			    i, i);
	}
	assert_null(pg_finding_id(PG_F_COUNT));
	assert_null(pg_ruledoc_get(PG_F_COUNT));
	assert_int_equal(pg_finding_lookup("no-such-rule", &g), -1);
	assert_int_equal(pg_finding_lookup(NULL, &g), -1);
}

static void
ruledoc_table(void **state)
{
	size_t i, l, n = sizeof(spec_ids) / sizeof(spec_ids[0]);
	enum pg_lang dl;

	(void)state;
	assert_int_equal(pg_ruledoc_count(), n);
	for (i = 0; i < n; i++) {
		const struct pg_ruledoc *r = pg_ruledoc_find(spec_ids[i]);
		assert_non_null(r);
		assert_int_equal(pg_ruledoc_index(spec_ids[i]), (long)i);
		assert_int_equal(pg_finding_severity(r->f),
		    i < 13 || strcmp(spec_ids[i], "template") == 0 ||
		    strcmp(spec_ids[i], "image-unreadable") == 0 ?
		    PG_ERROR : PG_WARNING);
		for (l = 0; l < PG_LANG_N; l++) {
			assert_true(strlen(r->summary[l]) > 5);
			assert_true(strlen(r->checks[l]) > 10);
			assert_true(strlen(r->why[l]) > 10);
			assert_true(strlen(r->fix[l]) > 10);
		}
	}
	assert_null(pg_ruledoc_find("no-such-rule"));
	assert_int_equal(pg_lang_parse("zh-CN", &dl), 0);
	assert_int_equal(dl, PG_LANG_ZH);
	assert_int_equal(pg_lang_parse("zh_CN.UTF-8", &dl), 0);
	assert_int_equal(dl, PG_LANG_ZH);
	assert_int_equal(pg_lang_parse("en_GB.UTF-8", &dl), 0);
	assert_int_equal(dl, PG_LANG_EN);
	assert_int_equal(pg_lang_parse("fr", &dl), -1);
	assert_int_equal(pg_lang_parse("zhx", &dl), -1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(text_format),
		cmocka_unit_test(findings_lines),
		cmocka_unit_test(github_format),
		cmocka_unit_test(json_format),
		cmocka_unit_test(sarif_format),
		cmocka_unit_test(format_names),
		cmocka_unit_test(every_finding_documented),
		cmocka_unit_test(ruledoc_table),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
