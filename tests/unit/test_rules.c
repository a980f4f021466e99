/*
 * test_rules.c — the tricky parts of the review rules, on plans built in
 * memory: goal cycles, the id table, the placeholder regex, money sums,
 * accept ranges and unused-accept, wrong-kind references, the score.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include "base/diag.h"
#include "model/model.h"
#include "review/ruledoc.h"
#include "review/rules.h"

/* A plan with only the root and meta lines set (no goals etc.). */
static struct pg_plan *
mkplan(void)
{
	struct pg_plan *p = pg_plan_new();

	assert_non_null(p);
	p->line = 1;
	p->lang = "en";
	p->currency = "CNY";
	return p;
}

static void
add_goals(struct pg_plan *p, size_t n)
{
	size_t i;

	p->goals.line = 100;
	p->goals.n = n;
	p->goals.v = pg_alloc(p, n, sizeof(*p->goals.v));
	assert_non_null(p->goals.v);
	for (i = 0; i < n; i++) {
		char id[32];
		snprintf(id, sizeof(id), "G%zu", i + 1);
		p->goals.v[i].id = pg_strdup(p, id);
		p->goals.v[i].line = 101 + i;
		p->goals.v[i].type = PG_GOAL_STRATEGIC;
		p->goals.v[i].statement.s = "Grow 10%";
	}
}

/* Findings of one rule: count, and the i-th one's line and message. */
static size_t
nrule(const struct pg_diags *d, const char *rule)
{
	return pg_diags_count_rule(d, rule);
}

static const struct pg_diag *
nth(const struct pg_diags *d, const char *rule, size_t k)
{
	size_t i;

	for (i = 0; i < d->n; i++)
		if (strcmp(d->v[i].rule, rule) == 0 && k-- == 0)
			return &d->v[i];
	fail_msg("no finding %s #%zu", rule, k);
	return NULL;
}

static void
cycles(void **state)
{
	struct pg_plan	*p = mkplan();
	struct pg_diags	 d;
	const struct pg_diag *g;

	(void)state;
	add_goals(p, 7);
	p->goals.v[0].parent = "G2";	/* G1 -> G2 -> G3 -> G1 */
	p->goals.v[1].parent = "G3";
	p->goals.v[2].parent = "G1";
	p->goals.v[3].parent = "G4";	/* self-parent */
	p->goals.v[4].parent = "G1";	/* a tail into the cycle */
	p->goals.v[5].parent = "G7";	/* a chain without a cycle */
	pg_diags_init(&d);
	assert_int_equal(pg_rules_run(p, "p.xml", NULL, &d), 0);
	assert_int_equal(nrule(&d, "goal-cycle"), 2);
	g = nth(&d, "goal-cycle", 0);
	assert_int_equal(g->line, 101);
	assert_int_equal(g->sev, PG_ERROR);
	assert_string_equal(g->msg, "goal parent links form a cycle: G1 -> G2 -> G3 -> G1");
	g = nth(&d, "goal-cycle", 1);
	assert_int_equal(g->line, 104);
	assert_string_equal(g->msg, "goal G4 names itself as its parent");
	pg_diags_free(&d);

	/* the cycle is reported at its first goal in the document */
	p->goals.v[0].parent = NULL;
	p->goals.v[3].parent = NULL;
	p->goals.v[4].parent = "G6";	/* G5 -> G6 -> G7 -> G5, entered from G7 */
	p->goals.v[5].parent = "G7";
	p->goals.v[6].parent = "G5";
	p->goals.v[1].parent = "G7";
	pg_diags_init(&d);
	pg_rules_run(p, "p.xml", NULL, &d);
	assert_int_equal(nrule(&d, "goal-cycle"), 1);
	assert_string_equal(nth(&d, "goal-cycle", 0)->msg,
	    "goal parent links form a cycle: G5 -> G6 -> G7 -> G5");
	assert_int_equal(nth(&d, "goal-cycle", 0)->line, 105);
	pg_diags_free(&d);
	pg_plan_free(p);
}

static void
long_chain(void **state)
{
	struct pg_plan	*p = mkplan();
	struct pg_diags	 d;
	size_t		 i, n = 50000;

	(void)state;
	add_goals(p, n);
	for (i = 0; i + 1 < n; i++)
		p->goals.v[i].parent = p->goals.v[i + 1].id;
	pg_diags_init(&d);
	pg_rules_run(p, "p.xml", NULL, &d);
	assert_int_equal(nrule(&d, "goal-cycle"), 0);
	pg_diags_free(&d);
	/* close it: one cycle of 50,000 goals, one finding, a bounded message */
	p->goals.v[n - 1].parent = "G1";
	pg_diags_init(&d);
	pg_rules_run(p, "p.xml", NULL, &d);
	assert_int_equal(nrule(&d, "goal-cycle"), 1);
	assert_non_null(strstr(nth(&d, "goal-cycle", 0)->msg,
	    "G1 -> G2 -> G3"));
	assert_true(strlen(nth(&d, "goal-cycle", 0)->msg) < 300);
	pg_diags_free(&d);
	pg_plan_free(p);
}

static void
idtab(void **state)
{
	struct pg_idtab	 t;
	static char	 ids[5000][16];
	const struct pg_identry *e;
	size_t		 i;

	(void)state;
	assert_int_equal(pg_idtab_init(&t, 5000), 0);
	for (i = 0; i < 5000; i++) {
		snprintf(ids[i], sizeof(ids[i]), "id%zu", i);
		assert_null(pg_idtab_put(&t, ids[i], PG_ID_ACTION, i, i + 1));
	}
	assert_int_equal(t.n, 5000);
	for (i = 0; i < 5000; i++) {
		e = pg_idtab_get(&t, ids[i]);
		assert_non_null(e);
		assert_int_equal(e->index, i);
		assert_int_equal(e->line, i + 1);
	}
	e = pg_idtab_put(&t, "id42", PG_ID_GOAL, 9, 99);
	assert_non_null(e);
	assert_int_equal(e->kind, PG_ID_ACTION);
	assert_int_equal(e->line, 43);
	assert_null(pg_idtab_get(&t, "id5000"));
	assert_null(pg_idtab_get(&t, ""));
	assert_null(pg_idtab_get(&t, NULL));
	assert_int_equal(t.n, 5000);
	pg_idtab_free(&t);

	/* an empty table */
	assert_int_equal(pg_idtab_init(&t, 0), 0);
	assert_null(pg_idtab_get(&t, "x"));
	pg_idtab_free(&t);
}

static void
placeholders(void **state)
{
	static const char *yes[] = { "TODO", "todo: write", "Call (TODO)",
		"TBD", "the owner is tbd.", "FIXME later", "XXX", "XXX公司",
		"TODO：补充", "Lorem ipsum dolor", "lorem  IPSUM", "日期待定",
		"内容待补充", "待完善", "预算？？？", "why???", "????",
		"「TODO」", NULL };
	static const char *no[] = { "TODOS", "mastodon", "XXXL", "XXXX",
		"todo1", "_todo", "TBDs", "fixmes", "xxx_y", "Lorem", "ipsum",
		"待办", "完善", "??", "？？", "？?？", "autotbd", "", NULL };
	struct pg_placeholder *ph = pg_placeholder_new();
	char	m[64];
	size_t	i;

	(void)state;
	assert_non_null(ph);
	for (i = 0; yes[i] != NULL; i++)
		if (!pg_placeholder_match(ph, yes[i], m, sizeof(m)))
			fail_msg("expected a placeholder in \"%s\"", yes[i]);
	for (i = 0; no[i] != NULL; i++)
		if (pg_placeholder_match(ph, no[i], m, sizeof(m)))
			fail_msg("unexpected placeholder \"%s\" in \"%s\"", m, no[i]);
	assert_int_equal(pg_placeholder_match(ph, "a TODO b", m, sizeof(m)), 1);
	assert_string_equal(m, "TODO");
	assert_int_equal(pg_placeholder_match(ph, "日期待定。", m, sizeof(m)), 1);
	assert_string_equal(m, "待定");
	assert_int_equal(pg_placeholder_match(ph, NULL, m, sizeof(m)), 0);
	/* invalid UTF-8 is no match, not a crash */
	assert_int_equal(pg_placeholder_match(ph, "\xff TODO", m, sizeof(m)), 0);
	/* the pre-check in front of PCRE2 keeps every case */
	assert_int_equal(pg_placeholder_match(ph, "a tOdO", m, sizeof(m)), 1);
	assert_int_equal(pg_placeholder_match(ph, "fIxMe", m, sizeof(m)), 1);
	assert_int_equal(pg_placeholder_match(ph, "x Lorem\tIpsum", m, sizeof(m)), 1);
	assert_int_equal(pg_placeholder_match(ph, "\xef\xbc\x9f\xef\xbc\x9f", m, sizeof(m)), 0);
	assert_int_equal(pg_placeholder_match(ph, "\xe5\xbe", m, sizeof(m)), 0);
	assert_int_equal(pg_placeholder_match(ph, "to", m, sizeof(m)), 0);
	pg_placeholder_free(ph);
	pg_placeholder_free(NULL);
}

/*
 * pg_placeholder_match() skips PCRE2 when the text holds none of the
 * ASCII letter sequences of the placeholders; that is only right if no
 * non-ASCII character matches one of those letters caselessly.  Check it
 * against the linked PCRE2: one subject holding every non-ASCII character.
 */
static size_t
utf8_enc(unsigned long c, unsigned char *o)
{
	if (c < 0x800) {
		o[0] = (unsigned char)(0xC0 | c >> 6);
		o[1] = (unsigned char)(0x80 | (c & 63));
		return 2;
	}
	if (c < 0x10000) {
		o[0] = (unsigned char)(0xE0 | c >> 12);
		o[1] = (unsigned char)(0x80 | ((c >> 6) & 63));
		o[2] = (unsigned char)(0x80 | (c & 63));
		return 3;
	}
	o[0] = (unsigned char)(0xF0 | c >> 18);
	o[1] = (unsigned char)(0x80 | ((c >> 12) & 63));
	o[2] = (unsigned char)(0x80 | ((c >> 6) & 63));
	o[3] = (unsigned char)(0x80 | (c & 63));
	return 4;
}

static void
placeholder_letters_ascii_only(void **state)
{
	unsigned char	*s = malloc(4500000);
	size_t		 n = 0;
	unsigned long	 c;
	int		 ec, rc;
	PCRE2_SIZE	 eo;
	pcre2_code	*re;
	pcre2_match_data *md;

	(void)state;
	assert_non_null(s);
	for (c = 0x80; c <= 0x10FFFF; c++)
		if (c < 0xD800 || c > 0xDFFF)
			n += utf8_enc(c, s + n);
	re = pcre2_compile((PCRE2_SPTR)"[todbxmelr]", PCRE2_ZERO_TERMINATED,
	    PCRE2_UTF | PCRE2_UCP | PCRE2_CASELESS, &ec, &eo, NULL);
	assert_non_null(re);
	md = pcre2_match_data_create_from_pattern(re, NULL);
	assert_non_null(md);
	rc = pcre2_match(re, s, n, 0, 0, md, NULL);
	assert_int_equal(rc, PCRE2_ERROR_NOMATCH);
	/* and the check can fail: k has a non-ASCII twin (the Kelvin sign) */
	pcre2_code_free(re);
	re = pcre2_compile((PCRE2_SPTR)"k", PCRE2_ZERO_TERMINATED,
	    PCRE2_UTF | PCRE2_UCP | PCRE2_CASELESS, &ec, &eo, NULL);
	assert_non_null(re);
	assert_true(pcre2_match(re, s, n, 0, 0, md, NULL) > 0);
	pcre2_match_data_free(md);
	pcre2_code_free(re);
	free(s);
}

static void
budget_sums(void **state)
{
	struct pg_plan	*p = mkplan();
	struct pg_diags	 d;

	(void)state;
	p->budget.line = 50;
	p->budget.nlines = 2;
	p->budget.lines = pg_alloc(p, 2, sizeof(*p->budget.lines));
	p->budget.lines[0].line = 51;
	p->budget.lines[0].amount = (struct pg_money){ 2000000, 1 };
	p->budget.lines[1].line = 52;
	p->budget.lines[1].amount = (struct pg_money){ 999950, 1 };
	p->budget.contingency_line = 53;
	p->budget.contingency = (struct pg_money){ 50, 1 };
	p->budget.total = (struct pg_money){ 3000000, 1 };
	pg_diags_init(&d);
	pg_rules_run(p, "p.xml", NULL, &d);
	assert_int_equal(nrule(&d, "budget-total-mismatch"), 0);
	pg_diags_free(&d);

	p->budget.total.minor = 3000001;
	pg_diags_init(&d);
	pg_rules_run(p, "p.xml", NULL, &d);
	assert_int_equal(nrule(&d, "budget-total-mismatch"), 1);
	assert_int_equal(nth(&d, "budget-total-mismatch", 0)->line, 50);
	assert_string_equal(nth(&d, "budget-total-mismatch", 0)->msg,
	    "budget total \xC2\xA5" "30,000.01 differs from the sum of the lines and "
	    "contingency, \xC2\xA5" "30,000.00, by \xC2\xA5" "0.01 (the total is higher): "
	    "correct the total or the lines");
	pg_diags_free(&d);
	pg_diags_init(&d);
	pg_rules_run(p, "p.xml", "zh-CN", &d);
	assert_string_equal(nth(&d, "budget-total-mismatch", 0)->msg,
	    "\xE9\xA2\x84\xE7\xAE\x97\xE6\x80\xBB\xE9\xA2\x9D \xC2\xA5" "30,000.01 "
	    "\xE4\xB8\x8E\xE5\x90\x84\xE9\xA2\x84\xE7\xAE\x97\xE9\xA1\xB9\xE5\x8F\x8A"
	    "\xE4\xB8\x8D\xE5\x8F\xAF\xE9\xA2\x84\xE8\xA7\x81\xE8\xB4\xB9\xE4\xB9\x8B"
	    "\xE5\x92\x8C \xC2\xA5" "30,000.00 \xE7\x9B\xB8\xE5\xB7\xAE \xC2\xA5" "0.01"
	    "\xEF\xBC\x88\xE6\x80\xBB\xE9\xA2\x9D\xE5\x81\x8F\xE9\xAB\x98\xEF\xBC\x89"
	    "\xEF\xBC\x9A\xE8\xAF\xB7\xE6\x94\xB9\xE6\xAD\xA3\xE6\x80\xBB\xE9\xA2\x9D"
	    "\xE6\x88\x96\xE9\xA2\x84\xE7\xAE\x97\xE9\xA1\xB9");
	pg_diags_free(&d);

	/* overflow: reported, never wrapped */
	p->budget.lines[0].amount.minor = INT64_MAX;
	p->budget.lines[1].amount.minor = 1;
	pg_diags_init(&d);
	pg_rules_run(p, "p.xml", "zh-CN", &d);
	assert_int_equal(nrule(&d, "budget-total-mismatch"), 1);
	assert_non_null(strstr(nth(&d, "budget-total-mismatch", 0)->msg,
	    "无法精确计算"));
	pg_diags_free(&d);

	/* no @total: nothing to compare */
	p->budget.total.set = 0;
	pg_diags_init(&d);
	pg_rules_run(p, "p.xml", NULL, &d);
	assert_int_equal(nrule(&d, "budget-total-mismatch"), 0);
	pg_diags_free(&d);
	pg_plan_free(p);
}

static void
set_accept(struct pg_plan *p, struct pg_accept *a, unsigned long line,
    unsigned long first, unsigned long last, const char **rules, size_t n)
{
	(void)p;
	a->line = line;
	a->first = first;
	a->last = last;
	a->rules = rules;
	a->nrules = n;
}

static void
accepts(void **state)
{
	static const char *r1[] = { "action-no-owner", "action-unbudgeted" };
	static const char *r2[] = { "action-no-owner" };
	static const char *r3[] = { "schema", "xml-syntax" };
	static const char *r4[] = { "custom-x" };
	struct pg_plan	*p = mkplan();
	struct pg_diags	 d;
	size_t		 i;

	(void)state;
	p->naccepts = 5;
	p->accepts = pg_alloc(p, 5, sizeof(*p->accepts));
	set_accept(p, &p->accepts[0], 9, 10, 20, r1, 2);	/* an action, lines 10-20 */
	set_accept(p, &p->accepts[1], 14, 15, 15, r2, 1);	/* nested, on line 15 */
	set_accept(p, &p->accepts[2], 2, 3, 100, r3, 2);	/* never accepted */
	set_accept(p, &p->accepts[3], 29, 30, 40, r4, 1);	/* a custom rule id */
	set_accept(p, &p->accepts[4], 49, 50, 50, r2, 1);	/* nothing at 50 */
	pg_diags_init(&d);
	pg_diag_emit(&d, PG_F_ACTION_NO_OWNER, "p.xml", 21, "after the range");
	pg_diag_emit(&d, PG_F_ACTION_NO_OWNER, "p.xml", 10, "first line");
	pg_diag_emit(&d, PG_F_ACTION_NO_OWNER, "p.xml", 20, "last line");
	pg_diag_emit(&d, PG_F_ACTION_NO_OWNER, "p.xml", 15, "nested");
	pg_diag_emit(&d, PG_F_SCHEMA, "p.xml", 12, "schema");
	pg_diag_emit(&d, PG_F_ACTION_NO_OWNER, "p.xml", 9, "before");
	pg_diag_emit_team(&d, "custom-x", PG_ERROR, "p.xml", 35, "custom");
	pg_diag_emit(&d, PG_F_GOAL_CYCLE, "p.xml", 35, "other rule");
	pg_diag_emit(&d, PG_F_ACTION_NO_OWNER, "p.xml", 0, "no line");
	assert_int_equal(pg_accept_apply(p, &d, "p.xml", NULL), 0);
	for (i = 0; i < d.n; i++) {
		const struct pg_diag *g = &d.v[i];
		int want = strcmp(g->msg, "first line") == 0 ||
		    strcmp(g->msg, "last line") == 0 ||
		    strcmp(g->msg, "nested") == 0 || strcmp(g->msg, "custom") == 0;
		if (g->accepted != want)
			fail_msg("%s: accepted %d", g->msg, g->accepted);
	}
	assert_int_equal(p->accepts[0].used, 3);
	assert_int_equal(p->accepts[1].used, 1);
	assert_int_equal(p->accepts[3].used, 1);
	/* action-unbudgeted (line 9), schema, xml-syntax (line 2), line 49 */
	assert_int_equal(nrule(&d, "unused-accept"), 4);
	assert_int_equal(nth(&d, "unused-accept", 0)->line, 9);
	assert_int_equal(nth(&d, "unused-accept", 0)->sev, PG_WARNING);
	assert_string_equal(nth(&d, "unused-accept", 0)->msg,
	    "accept of action-unbudgeted silences no finding");
	assert_int_equal(nth(&d, "unused-accept", 1)->line, 2);
	assert_string_equal(nth(&d, "unused-accept", 1)->msg,
	    "accept of schema has no effect: schema findings can never be accepted");
	assert_int_equal(nth(&d, "unused-accept", 3)->line, 49);
	pg_diags_free(&d);

	/* Chinese messages */
	pg_diags_init(&d);
	assert_int_equal(pg_accept_apply(p, &d, "p.xml", "zh-CN"), 0);
	assert_int_equal(nrule(&d, "unused-accept"), 7);
	assert_string_equal(nth(&d, "unused-accept", 0)->msg,
	    "accept 指令中的 action-no-owner 没有抑制任何问题");
	pg_diags_free(&d);
	pg_plan_free(p);
}

static void
wrong_kind(void **state)
{
	static const char *g1[] = { "S1", "G9", "G1" };
	static const char *s2[] = { "S1" };
	struct pg_plan	*p = mkplan();
	struct pg_diags	 d;

	(void)state;
	add_goals(p, 2);
	p->swot.line = 20;
	p->swot.nitems = 1;
	p->swot.items = pg_alloc(p, 1, sizeof(*p->swot.items));
	p->swot.items[0] = (struct pg_swot_item){ 21, PG_SWOT_STRENGTH, "S1", "x" };
	p->goals.v[0].parent = "S1";
	p->goals.v[1].addresses = (struct pg_refs){ s2, 1 };
	p->actions.line = 200;
	p->actions.n = 1;
	p->actions.v = pg_alloc(p, 1, sizeof(*p->actions.v));
	p->actions.v[0].line = 201;
	p->actions.v[0].id = "A1";
	p->actions.v[0].title.s = "Launch the loyalty programme for members";
	p->actions.v[0].goals = (struct pg_refs){ g1, 3 };
	pg_diags_init(&d);
	pg_rules_run(p, "p.xml", NULL, &d);
	assert_int_equal(nrule(&d, "dangling-ref"), 3);
	assert_int_equal(nth(&d, "dangling-ref", 0)->line, 101);
	assert_string_equal(nth(&d, "dangling-ref", 0)->msg,
	    "goal G1 (Grow 10%): parent names S1, which is a strength, not a goal");
	assert_string_equal(nth(&d, "dangling-ref", 1)->msg,
	    "action A1 (Launch the loyalty…): goals names S1, which is "
	    "a strength, not a goal");
	assert_string_equal(nth(&d, "dangling-ref", 2)->msg,
	    "action A1 (Launch the loyalty…): goals names G9, but no "
	    "such id exists");
	pg_diags_free(&d);

	pg_diags_init(&d);
	pg_rules_run(p, "p.xml", "zh", &d);
	assert_string_equal(nth(&d, "dangling-ref", 0)->msg,
	    "目标 G1（Grow 10%）的 parent 引用的 S1 是优势，而不是目标");
	pg_diags_free(&d);
	pg_plan_free(p);
}

static void
languages(void **state)
{
	(void)state;
	assert_true(pg_lang_is_zh("zh-CN"));
	assert_true(pg_lang_is_zh("zh"));
	assert_true(pg_lang_is_zh("ZH_tw"));
	assert_true(pg_lang_is_zh("zh-Hans-CN"));
	assert_false(pg_lang_is_zh("en"));
	assert_false(pg_lang_is_zh("zha"));
	assert_false(pg_lang_is_zh(""));
	assert_false(pg_lang_is_zh(NULL));
}

static void
table_and_score(void **state)
{
	struct pg_plan	*p = mkplan();
	struct pg_diags	 d;
	size_t		 i;

	(void)state;
	assert_int_equal(pg_rule_count(), 36);	/* 23 of version 1, 2 v2 errors, image-unreadable, 3 tracking, 7 seed rules */
	assert_string_equal(pg_rule_id(0), "duplicate-id");
	assert_string_equal(pg_rule_id(28), "unused-accept");
	assert_string_equal(pg_rule_id(29), "opportunity-unaddressed");
	assert_null(pg_rule_id(36));
	for (i = 0; i < pg_rule_count(); i++)
		assert_int_equal(pg_rule_severity(i),
		    i <= 10 || strcmp(pg_rule_id(i), "image-unreadable") == 0 ?
		    PG_ERROR : PG_WARNING);
	pg_diags_init(&d);
	assert_int_equal(pg_completeness(NULL, &d), -1);
	/* no section, no finding: 23 of 44 */
	assert_int_equal(pg_completeness(p, &d), 23 * 100 / 44);
	pg_diag_emit(&d, PG_F_VAGUE_GOAL, "p.xml", 3, "x");
	pg_diag_emit(&d, PG_F_VAGUE_GOAL, "p.xml", 4, "y");
	pg_diag_emit(&d, PG_F_SCHEMA, "p.xml", 4, "not counted");
	assert_int_equal(pg_completeness(p, &d), 22 * 100 / 44);
	d.v[0].accepted = d.v[1].accepted = 1;
	assert_int_equal(pg_completeness(p, &d), 23 * 100 / 44);
	pg_diags_free(&d);
	pg_plan_free(p);
}

/* goal-target-unchanged compares decimals exactly, not as doubles. */
static void
target_unchanged(void **state)
{
	static const struct { const char *b, *t; int same; } cases[] = {
		{ "40", "40.0", 1 }, { "040", "40", 1 }, { "1.5", "1.50", 1 },
		{ "-0", "0.00", 1 }, { "0", "0", 1 }, { "-2.5", "-2.50", 1 },
		{ "-1", "1", 0 }, { "40", "41", 0 }, { "4", "40", 0 },
		{ "0.1", "0.01", 0 }, { "100", "10.0", 0 },
		{ "100000000000000000000000000001", "100000000000000000000000000000", 0 },
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct pg_plan *p = mkplan();
		struct pg_diags d;
		add_goals(p, 1);
		p->goals.v[0].metrics = pg_alloc(p, 1, sizeof(struct pg_metric));
		p->goals.v[0].nmetrics = 1;
		p->goals.v[0].metrics[0].line = 150;
		p->goals.v[0].metrics[0].name = "m";
		p->goals.v[0].metrics[0].baseline.text = cases[i].b;
		p->goals.v[0].metrics[0].target.text = cases[i].t;
		pg_diags_init(&d);
		pg_rules_run(p, "p.xml", NULL, &d);
		if (nrule(&d, "goal-target-unchanged") != (size_t)cases[i].same)
			fail_msg("baseline %s, target %s", cases[i].b, cases[i].t);
		if (cases[i].same)
			assert_int_equal(nth(&d, "goal-target-unchanged", 0)->line, 150);
		pg_diags_free(&d);
		pg_plan_free(p);
	}
}

/* The rule table and the rule documentation (ruledoc.c) agree. */
static void
documented(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < pg_rule_count(); i++) {
		const struct pg_ruledoc *r = pg_ruledoc_find(pg_rule_id(i));
		if (r == NULL)
			fail_msg("rule %s is not documented", pg_rule_id(i));
		assert_int_equal(pg_finding_severity(r->f), pg_rule_severity(i));
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(cycles),
		cmocka_unit_test(long_chain),
		cmocka_unit_test(idtab),
		cmocka_unit_test(placeholders),
		cmocka_unit_test(placeholder_letters_ascii_only),
		cmocka_unit_test(budget_sums),
		cmocka_unit_test(accepts),
		cmocka_unit_test(wrong_kind),
		cmocka_unit_test(languages),
		cmocka_unit_test(table_and_score),
		cmocka_unit_test(documented),
		cmocka_unit_test(target_unchanged),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
