/*
 * test_plan_read.c — the reader: every element and attribute of the plan
 * format reaches the model (tests/data/reader-full.xml), with its line;
 * lines past 65,535; prose runs and styles; white-space normalisation;
 * money edges; accept instructions; defaults; robustness on documents
 * that are well-formed but not plans.
 */
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
#include "base/diag.h"
#include "model/model.h"
#include "read/plan_read.h"
#include "read/xml_read.h"

/* Parse and read a document from memory; fails the test on xml-syntax. */
static struct pg_plan *
read_mem(const char *xml, size_t len, struct pg_diags *d)
{
	xmlDocPtr	 doc;
	struct pg_plan	*p;

	doc = pg_xml_parse(xml, len, "t.xml", d);
	assert_non_null(doc);
	p = pg_plan_read(doc, "t.xml", d);
	xmlFreeDoc(doc);
	assert_non_null(p);
	return p;
}

static struct pg_plan *
read_str(const char *xml, struct pg_diags *d)
{
	return read_mem(xml, strlen(xml), d);
}

static struct pg_plan *
read_fixture(const char *name, struct pg_diags *d)
{
	char		 path[4096], err[512];
	const char	*src = getenv("SRCDIR");
	char		*buf;
	size_t		 len;
	struct pg_plan	*p;

	snprintf(path, sizeof(path), "%s/tests/data/%s", src ? src : ".", name);
	buf = pg_read_file(path, &len, err, sizeof(err));
	if (buf == NULL)
		fail_msg("%s", err);
	p = read_mem(buf, len, d);
	free(buf);
	return p;
}

/* The text of a one-paragraph, one-run prose. */
static const char *
prose1(const struct pg_prose *pr)
{
	assert_int_equal(pr->nblocks, 1);
	assert_int_equal(pr->blocks[0].kind, PG_BLOCK_P);
	assert_int_equal(pr->blocks[0].para.nruns, 1);
	assert_int_equal(pr->blocks[0].para.runs[0].style, 0);
	return pr->blocks[0].para.runs[0].text;
}

static void
full_meta_summary(void **state)
{
	struct pg_diags	 d;
	struct pg_plan	*p;
	const struct pg_meta *m;
	const struct pg_summary *s;
	const struct pg_block *b;

	(void)state;
	pg_diags_init(&d);
	p = read_fixture("reader-full.xml", &d);
	assert_int_equal(d.n, 0);
	assert_int_equal(p->line, 4);
	assert_string_equal(p->lang, "zh-CN");
	assert_string_equal(p->currency, "EUR");

	m = &p->meta;
	assert_int_equal(m->line, 5);
	assert_string_equal(m->title.s, "Title-T1");
	assert_int_equal(m->title.line, 6);
	assert_string_equal(m->subtitle.s, "Subtitle-S1");
	assert_int_equal(m->subtitle.line, 7);
	assert_string_equal(m->organization.s, "Org-O1");
	assert_int_equal(m->organization.line, 8);
	assert_string_equal(m->author.s, "Author-A1");
	assert_int_equal(m->author.line, 9);
	assert_int_equal(m->date.y, 2026);
	assert_int_equal(m->date.m, 1);
	assert_int_equal(m->date.d, 15);
	assert_int_equal(m->date_line, 10);
	assert_int_equal(m->period_line, 11);
	assert_int_equal(m->period_start.y, 2026);
	assert_int_equal(m->period_start.m, 2);
	assert_int_equal(m->period_start.d, 1);
	assert_int_equal(m->period_end.m, 12);
	assert_int_equal(m->period_end.d, 31);
	assert_int_equal(m->confidentiality, PG_CONF_SECRET);
	assert_int_equal(m->status, PG_STATUS_REVIEW);

	s = &p->summary;
	assert_int_equal(s->line, 15);
	assert_int_equal(s->market_definition.line, 16);
	assert_string_equal(prose1(&s->market_definition), "Market def plain");
	assert_int_equal(s->sales_line, 18);
	assert_string_equal(s->sales_unit, "万元");
	assert_int_equal(s->nyears, 3);
	assert_string_equal(s->years[0].label, "2024");
	assert_string_equal(s->years[0].value.text, "120.5");
	assert_true(s->years[0].value.v == 120.5);
	assert_int_equal(s->years[0].plan, 0);
	assert_int_equal(s->years[0].line, 19);
	assert_true(s->years[1].value.v == -3);
	assert_int_equal(s->years[1].plan, 0);
	assert_int_equal(s->years[2].plan, 1);
	assert_int_equal(s->years[2].line, 21);
	assert_int_equal(s->key_points_line, 23);
	assert_int_equal(s->nkey_points, 2);
	assert_string_equal(s->key_points[0].s, "Point-1");
	assert_int_equal(s->key_points[0].line, 24);
	assert_string_equal(s->key_points[1].s, "Point-2");
	assert_int_equal(s->key_points[1].line, 25);

	/* <p>Over <em>view</em> para</p><list><item>Item-1</item>
	 * <item><strong>Item-2</strong> <em>both</em></item></list> */
	assert_int_equal(s->overview.line, 27);
	assert_int_equal(s->overview.nblocks, 2);
	b = &s->overview.blocks[0];
	assert_int_equal(b->kind, PG_BLOCK_P);
	assert_int_equal(b->para.nruns, 3);
	assert_string_equal(b->para.runs[0].text, "Over ");
	assert_int_equal(b->para.runs[0].style, 0);
	assert_string_equal(b->para.runs[1].text, "view ");
	assert_int_equal(b->para.runs[1].style, PG_STYLE_EM);
	assert_string_equal(b->para.runs[2].text, "para");
	assert_int_equal(b->para.runs[2].style, 0);
	b = &s->overview.blocks[1];
	assert_int_equal(b->kind, PG_BLOCK_LIST);
	assert_int_equal(b->nitems, 2);
	assert_int_equal(b->items[0].nruns, 1);
	assert_string_equal(b->items[0].runs[0].text, "Item-1");
	assert_int_equal(b->items[1].nruns, 2);
	assert_string_equal(b->items[1].runs[0].text, "Item-2 ");
	assert_int_equal(b->items[1].runs[0].style, PG_STYLE_STRONG);
	assert_string_equal(b->items[1].runs[1].text, "both");
	assert_int_equal(b->items[1].runs[1].style, PG_STYLE_EM);
	pg_plan_free(p);
	pg_diags_free(&d);
}

static void
full_situation_swot(void **state)
{
	struct pg_diags	 d;
	struct pg_plan	*p;
	const struct pg_situation *s;
	const struct pg_posmap *m;
	const struct pg_swot *w;

	(void)state;
	pg_diags_init(&d);
	p = read_fixture("reader-full.xml", &d);
	s = &p->situation;
	assert_int_equal(s->line, 29);
	assert_int_equal(s->market.line, 30);
	assert_string_equal(prose1(&s->market), "Market-prose");
	assert_int_equal(s->nfacts, 2);
	assert_string_equal(s->facts[0].label, "Fact-L1");
	assert_string_equal(s->facts[0].value, "Fact-V1");
	assert_int_equal(s->facts[0].line, 31);
	assert_string_equal(s->facts[1].label, "Fact-L2");
	assert_string_equal(s->facts[1].value, "Fact-V2");
	assert_int_equal(s->customers_line, 34);
	assert_int_equal(s->nsegments, 2);
	assert_string_equal(s->segments[0].id, "SEG1");
	assert_string_equal(s->segments[0].name, "Segment-N1");
	assert_string_equal(s->segments[0].share.text, "35.5");
	assert_true(s->segments[0].share.v == 35.5);
	assert_string_equal(prose1(&s->segments[0].text), "Segment prose");
	assert_int_equal(s->segments[0].line, 35);
	assert_null(s->segments[1].id);
	assert_null(s->segments[1].share.text);
	assert_string_equal(s->segments[1].name, "Segment-N2");
	assert_int_equal(s->competitors_line, 38);
	assert_int_equal(s->ncompetitors, 2);
	assert_string_equal(s->competitors[0].id, "C1");
	assert_string_equal(s->competitors[0].name, "Comp-N1");
	assert_true(s->competitors[0].share.v == 20);
	assert_string_equal(s->competitors[0].sales.text, "1500.25");
	assert_true(s->competitors[0].sales.v == 1500.25);
	assert_string_equal(prose1(&s->competitors[0].text), "Comp prose");
	assert_int_equal(s->competitors[0].line, 39);
	assert_null(s->competitors[1].sales.text);
	assert_string_equal(prose1(&s->performance), "Perf-prose");
	assert_int_equal(s->performance.line, 42);
	assert_string_equal(prose1(&s->events), "Events-prose");
	assert_int_equal(s->events.line, 43);

	m = &s->posmap;
	assert_int_equal(m->line, 44);
	assert_string_equal(m->x, "价格");
	assert_string_equal(m->y, "品牌形象");
	assert_string_equal(m->x_low, "XL");
	assert_string_equal(m->x_high, "XH");
	assert_string_equal(m->y_low, "YL");
	assert_string_equal(m->y_high, "YH");
	assert_int_equal(m->npositions, 3);
	assert_true(m->positions[0].x.v == 10);
	assert_true(m->positions[0].y.v == 90.5);
	assert_string_equal(m->positions[0].competitor, "C1");
	assert_int_equal(m->positions[0].own, PG_OWN_NONE);
	assert_null(m->positions[0].label);
	assert_int_equal(m->positions[0].line, 45);
	assert_null(m->positions[1].competitor);
	assert_int_equal(m->positions[1].own, PG_OWN_CURRENT);
	assert_string_equal(m->positions[1].label, "Us-now");
	assert_int_equal(m->positions[2].own, PG_OWN_TARGET);
	assert_int_equal(m->positions[2].line, 47);

	w = &p->swot;
	assert_int_equal(w->line, 50);
	assert_int_equal(w->nitems, 5);
	assert_int_equal(w->items[0].kind, PG_SWOT_THREAT);
	assert_string_equal(w->items[0].id, "T1");
	assert_string_equal(w->items[0].text, "Threat-1");
	assert_int_equal(w->items[0].line, 51);
	assert_int_equal(w->items[1].kind, PG_SWOT_STRENGTH);
	assert_string_equal(w->items[1].id, "S1");
	assert_int_equal(w->items[2].kind, PG_SWOT_WEAKNESS);
	assert_string_equal(w->items[2].text, "Weakness-1");
	assert_int_equal(w->items[3].kind, PG_SWOT_OPPORTUNITY);
	assert_string_equal(w->items[3].id, "O1");
	assert_int_equal(w->items[4].kind, PG_SWOT_STRENGTH);
	assert_string_equal(w->items[4].text, "Strength-2");
	assert_int_equal(w->items[4].line, 55);
	pg_plan_free(p);
	pg_diags_free(&d);
}

static void
full_goals_strategy(void **state)
{
	struct pg_diags	 d;
	struct pg_plan	*p;
	const struct pg_goal *g;
	const struct pg_strategy *s;
	const struct pg_step *st;
	int i;
	static const char *mix[PG_MIX_N] = { "Mix-product", "Mix-price",
	    "Mix-place", "Mix-promotion", "Mix-people", "Mix-process", "Mix-pe" };

	(void)state;
	pg_diags_init(&d);
	p = read_fixture("reader-full.xml", &d);
	assert_int_equal(p->goals.line, 57);
	assert_int_equal(p->goals.n, 2);
	g = &p->goals.v[0];
	assert_int_equal(g->line, 58);
	assert_string_equal(g->id, "G1");
	assert_int_equal(g->type, PG_GOAL_STRATEGIC);
	assert_null(g->parent);
	assert_string_equal(g->owner, "Owner-G1");
	assert_int_equal(g->due.y, 0);
	assert_int_equal(g->addresses.n, 2);
	assert_string_equal(g->addresses.id[0], "S1");
	assert_string_equal(g->addresses.id[1], "O1");
	assert_string_equal(g->statement.s, "Statement-G1");
	assert_int_equal(g->statement.line, 59);
	assert_int_equal(g->nmetrics, 0);
	assert_string_equal(prose1(&g->note), "Note-G1");
	assert_int_equal(g->note.line, 60);
	g = &p->goals.v[1];
	assert_string_equal(g->id, "G2");
	assert_int_equal(g->type, PG_GOAL_QUANTITATIVE);
	assert_string_equal(g->parent, "G1");
	assert_null(g->owner);
	assert_int_equal(g->due.y, 2026);
	assert_int_equal(g->due.m, 11);
	assert_int_equal(g->due.d, 30);
	assert_int_equal(g->addresses.n, 1);
	assert_string_equal(g->addresses.id[0], "W1");
	assert_int_equal(g->nmetrics, 1);
	assert_int_equal(g->metrics[0].line, 64);
	assert_string_equal(g->metrics[0].name, "Metric-N");
	assert_string_equal(g->metrics[0].baseline.text, "12.5");
	assert_true(g->metrics[0].baseline.v == 12.5);
	assert_string_equal(g->metrics[0].target.text, "20");
	assert_true(g->metrics[0].target.v == 20);
	assert_string_equal(g->metrics[0].unit, "%");
	assert_int_equal(g->note.line, 0);
	assert_int_equal(g->note.nblocks, 0);

	s = &p->strategy;
	assert_int_equal(s->line, 67);
	assert_string_equal(prose1(&s->positioning), "Pos-prose");
	assert_int_equal(s->positioning.line, 68);
	assert_string_equal(prose1(&s->target_customers), "TC-prose");
	assert_string_equal(prose1(&s->target_competitors), "TComp-prose");
	assert_string_equal(prose1(&s->core), "Core-prose");
	assert_int_equal(s->core.line, 71);
	assert_int_equal(s->mix_line, 72);
	for (i = 0; i < PG_MIX_N; i++) {
		assert_string_equal(prose1(&s->mix[i]), mix[i]);
		assert_int_equal(s->mix[i].line, 73 + i);
	}
	assert_int_equal(s->quality_line, 81);
	assert_int_equal(s->ndimensions, 2);
	assert_int_equal(s->dimensions[0].name, PG_SQ_RELIABILITY);
	assert_string_equal(prose1(&s->dimensions[0].text), "Dim-rel");
	assert_int_equal(s->dimensions[0].line, 82);
	assert_int_equal(s->dimensions[1].name, PG_SQ_TANGIBLES);
	assert_string_equal(prose1(&s->dimensions[1].text), "Dim-tan");
	assert_int_equal(s->blueprint.line, 85);
	assert_string_equal(s->blueprint.service, "Check-in");
	assert_int_equal(s->blueprint.nsteps, 2);
	st = &s->blueprint.steps[0];
	assert_int_equal(st->line, 86);
	assert_string_equal(st->id, "ST1");
	assert_string_equal(st->name, "Arrive");
	assert_string_equal(st->evidence.s, "Ev-1");
	assert_int_equal(st->evidence.line, 87);
	assert_string_equal(st->customer.s, "Cu-1");
	assert_string_equal(st->frontstage.s, "Fr-1");
	assert_string_equal(st->backstage.s, "Ba-1");
	assert_string_equal(st->support.s, "Su-1");
	assert_int_equal(st->support.line, 91);
	assert_int_equal(st->fail_point.line, 92);
	assert_string_equal(st->fail_point.text, "Queue too long");
	assert_string_equal(st->fail_point.recovery.s, "Open lane");
	assert_int_equal(st->fail_point.recovery.line, 93);
	st = &s->blueprint.steps[1];
	assert_null(st->id);
	assert_string_equal(st->name, "Leave");
	assert_null(st->evidence.s);
	assert_int_equal(st->evidence.line, 0);
	assert_string_equal(st->customer.s, "Cu-2");
	assert_string_equal(st->fail_point.text, "No recovery");
	assert_null(st->fail_point.recovery.s);
	assert_int_equal(st->fail_point.recovery.line, 0);
	pg_plan_free(p);
	pg_diags_free(&d);
}

static void
full_actions_budget_controls(void **state)
{
	struct pg_diags	 d;
	struct pg_plan	*p;
	const struct pg_action *a;
	const struct pg_budget *b;
	const struct pg_controls *c;

	(void)state;
	pg_diags_init(&d);
	p = read_fixture("reader-full.xml", &d);
	assert_int_equal(p->actions.line, 102);
	assert_int_equal(p->actions.n, 2);
	a = &p->actions.v[0];
	assert_int_equal(a->line, 105);
	assert_string_equal(a->id, "A1");
	assert_int_equal(a->goals.n, 2);
	assert_string_equal(a->goals.id[0], "G1");
	assert_string_equal(a->goals.id[1], "G2");
	assert_string_equal(a->owner, "Owner-A1");
	assert_int_equal(a->start.m, 3);
	assert_int_equal(a->start.d, 1);
	assert_int_equal(a->end.m, 4);
	assert_int_equal(a->end.d, 30);
	assert_int_equal(a->category, PG_CAT_DIGITAL);
	assert_string_equal(a->title.s, "Title-A1");
	assert_int_equal(a->title.line, 106);
	assert_string_equal(prose1(&a->description), "Desc-A1");
	assert_int_equal(a->description.line, 107);
	assert_string_equal(a->measure.s, "Measure-A1");
	assert_int_equal(a->measure.line, 108);
	a = &p->actions.v[1];
	assert_null(a->owner);
	assert_int_equal(a->category, PG_CAT_NONE);
	assert_int_equal(a->description.line, 0);
	assert_null(a->measure.s);

	b = &p->budget;
	assert_int_equal(b->line, 114);
	assert_int_equal(b->total.set, 1);
	assert_true(b->total.minor == 199950);
	assert_int_equal(b->nlines, 2);
	assert_string_equal(b->lines[0].category, "Cat-1");
	assert_true(b->lines[0].amount.minor == 100000);
	assert_int_equal(b->lines[0].amount.set, 1);
	assert_string_equal(b->lines[0].action, "A1");
	assert_string_equal(b->lines[0].text, "Line-1");
	assert_int_equal(b->lines[0].line, 115);
	assert_true(b->lines[1].amount.minor == 89950);
	assert_null(b->lines[1].action);
	assert_int_equal(b->contingency_line, 117);
	assert_int_equal(b->contingency.set, 1);
	assert_true(b->contingency.minor == 10000);
	assert_string_equal(b->contingency_text, "Contingency-T");

	c = &p->controls;
	assert_int_equal(c->line, 119);
	assert_int_equal(c->nkpis, 1);
	assert_string_equal(c->kpis[0].goal, "G2");
	assert_string_equal(c->kpis[0].owner, "Owner-K");
	assert_string_equal(c->kpis[0].target, "20%");
	assert_int_equal(c->kpis[0].frequency, PG_FREQ_QUARTERLY);
	assert_string_equal(c->kpis[0].text, "KPI-T");
	assert_int_equal(c->kpis[0].line, 120);
	assert_int_equal(c->nmilestones, 1);
	assert_int_equal(c->milestones[0].date.m, 6);
	assert_int_equal(c->milestones[0].date.d, 30);
	assert_int_equal(c->milestones[0].goals.n, 2);
	assert_string_equal(c->milestones[0].goals.id[1], "G2");
	assert_string_equal(c->milestones[0].text, "Milestone-T");
	assert_int_equal(c->milestones[0].line, 121);
	assert_int_equal(c->nreviews, 1);
	assert_string_equal(c->reviews[0].cadence, "monthly");
	assert_string_equal(c->reviews[0].text, "Review-T");
	assert_int_equal(c->reviews[0].line, 122);
	assert_int_equal(c->nrisks, 1);
	assert_int_equal(c->risks[0].likelihood, PG_LEVEL_LOW);
	assert_int_equal(c->risks[0].impact, PG_LEVEL_HIGH);
	assert_string_equal(c->risks[0].text, "Risk-T");
	assert_string_equal(c->risks[0].mitigation.s, "Mitigation-T");
	assert_int_equal(c->risks[0].mitigation.line, 124);
	assert_int_equal(c->risks[0].line, 123);

	/* accept PIs: one before an action (a comment in between), one after </plan> */
	assert_int_equal(p->naccepts, 2);
	assert_int_equal(p->accepts[0].line, 103);
	assert_int_equal(p->accepts[0].first, 105);
	assert_int_equal(p->accepts[0].last, 109);
	assert_int_equal(p->accepts[0].nrules, 2);
	assert_string_equal(p->accepts[0].rules[0], "action-unbudgeted");
	assert_string_equal(p->accepts[0].rules[1], "action-no-owner");
	assert_int_equal(p->accepts[0].used, 0);
	assert_int_equal(p->accepts[1].line, 128);
	assert_int_equal(p->accepts[1].first, 0);
	assert_int_equal(p->accepts[1].last, 0);
	assert_int_equal(p->accepts[1].nrules, 1);
	assert_string_equal(p->accepts[1].rules[0], "no-controls");
	pg_plan_free(p);
	pg_diags_free(&d);
}

/* The second items of every list, and the lines not asserted above. */
static void
full_rest(void **state)
{
	struct pg_diags	 d;
	struct pg_plan	*p;
	const struct pg_situation *s;
	const struct pg_step *st;
	const struct pg_action *a;

	(void)state;
	pg_diags_init(&d);
	p = read_fixture("reader-full.xml", &d);
	assert_string_equal(p->summary.years[1].label, "2025");
	assert_string_equal(p->summary.years[1].value.text, "-3");
	assert_int_equal(p->summary.years[1].line, 20);
	s = &p->situation;
	assert_int_equal(s->facts[1].line, 32);
	assert_int_equal(s->segments[1].line, 36);
	assert_int_equal(s->segments[1].text.line, 36);
	assert_string_equal(prose1(&s->segments[1].text), "Second");
	assert_null(s->competitors[1].id);
	assert_string_equal(s->competitors[1].name, "Comp-N2");
	assert_null(s->competitors[1].share.text);
	assert_string_equal(prose1(&s->competitors[1].text), "Other");
	assert_int_equal(s->competitors[1].line, 40);
	assert_string_equal(s->posmap.positions[1].x.text, "50");
	assert_int_equal(s->posmap.positions[1].line, 46);
	assert_null(s->posmap.positions[2].label);
	assert_null(s->posmap.positions[2].competitor);
	assert_string_equal(p->swot.items[2].id, "W1");
	assert_int_equal(p->swot.items[2].line, 53);
	assert_string_equal(p->swot.items[4].id, "S2");
	assert_int_equal(p->goals.v[1].line, 62);
	assert_int_equal(p->goals.v[1].statement.line, 63);
	assert_int_equal(p->strategy.target_customers.line, 69);
	assert_int_equal(p->strategy.target_competitors.line, 70);
	assert_int_equal(p->strategy.dimensions[1].line, 83);
	st = &p->strategy.blueprint.steps[1];
	assert_int_equal(st->line, 96);
	assert_int_equal(st->customer.line, 97);
	assert_int_equal(st->fail_point.line, 98);
	a = &p->actions.v[1];
	assert_int_equal(a->line, 110);
	assert_string_equal(a->id, "A2");
	assert_int_equal(a->goals.n, 1);
	assert_string_equal(a->goals.id[0], "G2");
	assert_int_equal(a->start.y, 2026);
	assert_int_equal(a->start.m, 5);
	assert_int_equal(a->end.m, 6);
	assert_int_equal(a->end.d, 1);
	assert_string_equal(a->title.s, "Title-A2");
	assert_int_equal(a->title.line, 111);
	assert_string_equal(p->budget.lines[1].category, "Cat-2");
	assert_string_equal(p->budget.lines[1].text, "Line-2");
	assert_int_equal(p->budget.lines[1].line, 116);
	pg_plan_free(p);
	pg_diags_free(&d);
}

/* An element past line 65,535 keeps its exact line (libxml2 stores 16 bits). */
static void
big_lines(void **state)
{
	size_t		 n = 70000, len = 0, cap = n + 4096, i;
	char		*buf = malloc(cap);
	struct pg_diags	 d;
	struct pg_plan	*p;

	(void)state;
	assert_non_null(buf);
	len += (size_t)snprintf(buf + len, cap - len,
	    "<plan version=\"1\">\n<meta>\n");			/* lines 1-2 */
	for (i = 0; i < n; i++)
		buf[len++] = '\n';				/* lines 3-70002 */
	len += (size_t)snprintf(buf + len, cap - len,
	    "<title>T</title>\n"				/* 70003 */
	    "<period start=\"2026-01-01\"\n end=\"2026-12-31\"/>\n"	/* 70004-5 */
	    "</meta>\n"						/* 70006 */
	    "<goals><goal id=\"G1\"><statement>S</statement></goal>\n"	/* 70007 */
	    "<?plangen accept x?>\n"				/* 70008 */
	    "<!-- c -->\n"					/* 70009 */
	    "<goal id=\"G2\">\n"				/* 70010 */
	    "<statement>S2</statement>\n"			/* 70011 */
	    "</goal></goals>\n</plan>\n");			/* 70012 */
	pg_diags_init(&d);
	p = read_mem(buf, len, &d);
	assert_int_equal(p->meta.title.line, 70003);
	/* a start tag over two lines: the line where it ends, as libxml2 does below 65,535 */
	assert_int_equal(p->meta.period_line, 70005);
	assert_int_equal(p->goals.line, 70007);
	assert_int_equal(p->goals.v[0].line, 70007);
	assert_int_equal(p->goals.v[1].line, 70010);
	assert_int_equal(p->goals.v[1].statement.line, 70011);
	assert_int_equal(p->naccepts, 1);
	assert_int_equal(p->accepts[0].line, 70008);
	assert_int_equal(p->accepts[0].first, 70010);
	assert_int_equal(p->accepts[0].last, 70012);
	pg_plan_free(p);
	pg_diags_free(&d);
	free(buf);
}

static void
prose_runs(void **state)
{
	struct pg_diags	 d;
	struct pg_plan	*p;
	const struct pg_prose *pr;

	(void)state;
	pg_diags_init(&d);
	p = read_str("<plan><summary>"
	    "<market-definition>  A  <em> b </em>  <strong>c<em>d</em></strong>e </market-definition>"
	    "<overview><p>x</p>  stray <em>inline</em> <p/><list> <item> i1 </item> junk <item/></list></overview>"
	    "</summary></plan>", &d);
	/* plain text with inline styles: one paragraph, runs in order, no doubled spaces */
	pr = &p->summary.market_definition;
	assert_int_equal(pr->nblocks, 1);
	assert_int_equal(pr->blocks[0].para.nruns, 5);
	assert_string_equal(pr->blocks[0].para.runs[0].text, "A ");
	assert_string_equal(pr->blocks[0].para.runs[1].text, "b ");
	assert_int_equal(pr->blocks[0].para.runs[1].style, PG_STYLE_EM);
	assert_string_equal(pr->blocks[0].para.runs[2].text, "c");
	assert_int_equal(pr->blocks[0].para.runs[2].style, PG_STYLE_STRONG);
	assert_string_equal(pr->blocks[0].para.runs[3].text, "d");
	assert_int_equal(pr->blocks[0].para.runs[3].style, PG_STYLE_STRONG | PG_STYLE_EM);
	assert_string_equal(pr->blocks[0].para.runs[4].text, "e");
	assert_int_equal(pr->blocks[0].para.runs[4].style, 0);
	/* blocks; stray inline text between blocks becomes a paragraph */
	pr = &p->summary.overview;
	assert_int_equal(pr->nblocks, 4);
	assert_string_equal(pr->blocks[0].para.runs[0].text, "x");
	assert_int_equal(pr->blocks[1].kind, PG_BLOCK_P);
	assert_int_equal(pr->blocks[1].para.nruns, 2);
	assert_string_equal(pr->blocks[1].para.runs[0].text, "stray ");
	assert_string_equal(pr->blocks[1].para.runs[1].text, "inline");
	assert_int_equal(pr->blocks[2].kind, PG_BLOCK_P);
	assert_int_equal(pr->blocks[2].para.nruns, 0);	/* <p/> */
	assert_int_equal(pr->blocks[3].kind, PG_BLOCK_LIST);
	assert_int_equal(pr->blocks[3].nitems, 2);
	assert_string_equal(pr->blocks[3].items[0].runs[0].text, "i1");
	assert_int_equal(pr->blocks[3].items[1].nruns, 0);
	pg_plan_free(p);
	pg_diags_free(&d);
}

static void
whitespace(void **state)
{
	struct pg_diags	 d;
	struct pg_plan	*p;

	(void)state;
	pg_diags_init(&d);
	p = read_str("<plan><meta>"
	    "<title>\n  市场营销\n  计划  </title>"		/* CJK|CJK: removed */
	    "<subtitle>Marketing\n  plan\t\tfor\r\n 2026</subtitle>"	/* Latin: one space */
	    "<organization>中文\nLatin\n中文 中文</organization>"	/* mixed: spaces kept */
	    "<author>第一季度，\n增长</author>"			/* fullwidth punctuation is CJK */
	    "</meta><swot><strength id=\" S1 \">  </strength></swot></plan>", &d);
	assert_string_equal(p->meta.title.s, "市场营销计划");
	assert_string_equal(p->meta.subtitle.s, "Marketing plan for 2026");
	assert_string_equal(p->meta.organization.s, "中文 Latin 中文 中文");
	assert_string_equal(p->meta.author.s, "第一季度，增长");
	/* present but empty stays "" (absent is NULL); attributes are normalised too */
	assert_string_equal(p->swot.items[0].text, "");
	assert_string_equal(p->swot.items[0].id, "S1");
	assert_int_equal(d.n, 0);
	pg_plan_free(p);
	pg_diags_free(&d);
}

static void
money_edges(void **state)
{
	struct pg_diags	 d;
	struct pg_plan	*p;

	(void)state;
	pg_diags_init(&d);
	p = read_str("<plan><budget total=\"92233720368547758.07\">\n"
	    "<line category=\"a\" amount=\"1999.50\">x</line>\n"		/* line 2 */
	    "<line category=\"b\" amount=\"99999999999999999999\">y</line>\n"	/* 3 */
	    "<line category=\"c\" amount=\"1,000\">z</line>\n"		/* 4 */
	    "<line category=\"d\" amount=\"-5\">w</line>\n"			/* 5 */
	    "<contingency amount=\"92233720368547758.08\"/>\n"		/* 6 */
	    "</budget></plan>", &d);
	assert_int_equal(p->budget.total.set, 1);
	assert_true(p->budget.total.minor == INT64_MAX);
	assert_int_equal(p->budget.lines[0].amount.set, 1);
	assert_true(p->budget.lines[0].amount.minor == 199950);
	assert_int_equal(p->budget.lines[1].amount.set, 0);
	assert_int_equal(p->budget.lines[2].amount.set, 0);
	assert_int_equal(p->budget.lines[3].amount.set, 0);
	assert_int_equal(p->budget.contingency.set, 0);
	assert_int_equal(d.n, 4);
	assert_int_equal(pg_diags_count_rule(&d, "schema"), 4);
	assert_int_equal(d.v[0].line, 3);
	assert_int_equal(d.v[0].sev, PG_ERROR);
	assert_string_equal(d.v[0].msg, "amount 99999999999999999999 is too large "
	    "(the largest amount is 92233720368547758.07)");
	assert_int_equal(d.v[1].line, 4);
	assert_non_null(strstr(d.v[1].msg, "\"1,000\" is not an amount of money"));
	assert_int_equal(d.v[2].line, 5);
	assert_string_equal(d.v[2].msg, "amount -5 is negative");
	assert_int_equal(d.v[3].line, 6);
	pg_plan_free(p);
	pg_diags_free(&d);
}

static void
numbers_and_dates(void **state)
{
	struct pg_diags	 d;
	struct pg_plan	*p;
	char		 xml[512];

	(void)state;
	pg_diags_init(&d);
	snprintf(xml, sizeof(xml), "<plan><meta><date>2027-02-30</date>\n"	/* 1 */
	    "<period start=\"2026-02-29\" end=\"2028-02-29\"/></meta>\n"	/* 2 */
	    "<situation><customers><segment name=\"s\" share=\"100.5\"/>\n"	/* 3 */
	    "<segment name=\"t\" share=\"12a\"/>\n"				/* 4 */
	    "<segment name=\"u\" share=\"%s\"/></customers>\n"		/* 5 */
	    "<positioning-map x=\"a\" y=\"b\"><position x=\"-1\" y=\"100\" own=\"current\"/>"
	    "</positioning-map></situation></plan>",			/* 6 */
	    "1234567890123456789012345678901");
	p = read_str(xml, &d);
	assert_int_equal(p->meta.date.y, 0);
	assert_int_equal(p->meta.period_start.y, 0);
	assert_int_equal(p->meta.period_end.y, 2028);
	assert_int_equal(p->meta.period_end.d, 29);
	assert_true(p->situation.segments[0].share.v == 100);
	assert_string_equal(p->situation.segments[0].share.text, "100.5");
	assert_true(p->situation.segments[1].share.v == 0);
	assert_true(p->situation.posmap.positions[0].y.v == 100);
	assert_int_equal(d.n, 6);
	assert_int_equal(d.v[0].line, 1);
	assert_string_equal(d.v[0].msg, "date \"2027-02-30\" is not a real calendar "
	    "date in the form YYYY-MM-DD");
	assert_int_equal(d.v[1].line, 2);
	assert_non_null(strstr(d.v[1].msg, "start \"2026-02-29\""));
	assert_int_equal(d.v[2].line, 3);
	assert_string_equal(d.v[2].msg, "share 100.5 is outside 0..100");
	assert_int_equal(d.v[3].line, 4);
	assert_string_equal(d.v[3].msg, "share \"12a\" is not a decimal number");
	assert_int_equal(d.v[4].line, 5);
	assert_string_equal(d.v[4].msg, "share 1234567890123456789012345678901 "
	    "has more than 30 digits");
	assert_int_equal(d.v[5].line, 6);
	assert_string_equal(d.v[5].msg, "x -1 is outside 0..100");
	pg_plan_free(p);
	pg_diags_free(&d);
}

/* The reader's findings in Chinese (pg_plan_read_lang with a zh language). */
static struct pg_plan *
read_zh(const char *xml, struct pg_diags *d)
{
	xmlDocPtr	 doc;
	struct pg_plan	*p;

	doc = pg_xml_parse(xml, strlen(xml), "t.xml", d);
	assert_non_null(doc);
	p = pg_plan_read_lang(doc, "t.xml", "zh-CN", d);
	xmlFreeDoc(doc);
	assert_non_null(p);
	return p;
}

static void
findings_in_chinese(void **state)
{
	struct pg_diags	 d;
	struct pg_plan	*p;
	char		 xml[512];

	(void)state;
	pg_diags_init(&d);
	p = read_zh("<plan><budget>\n"
	    "<line category=\"b\" amount=\"99999999999999999999\">y</line>\n"	/* 2 */
	    "<line category=\"c\" amount=\"1,000\">z</line>\n"		/* 3 */
	    "<line category=\"d\" amount=\"-5\">w</line>\n"			/* 4 */
	    "</budget></plan>", &d);
	assert_int_equal(d.n, 3);
	assert_int_equal(d.v[0].line, 2);
	assert_string_equal(d.v[0].rule, "schema");
	assert_string_equal(d.v[0].msg, "<line> 的属性 \"amount\" 的值 "
	    "99999999999999999999 太大（金额最大为 92233720368547758.07）");
	assert_int_equal(d.v[1].line, 3);
	assert_string_equal(d.v[1].msg, "<line> 的属性 \"amount\" 的值 \"1,000\" "
	    "不是金额：请只写数字，最多两位小数，不加分隔符（如 1999.50）");
	assert_int_equal(d.v[2].line, 4);
	assert_string_equal(d.v[2].msg, "<line> 的属性 \"amount\" 的值 -5 不能为负数");
	pg_plan_free(p);
	pg_diags_free(&d);

	pg_diags_init(&d);
	snprintf(xml, sizeof(xml), "<plan><meta><date>2027-02-30</date>\n"	/* 1 */
	    "<period start=\"2026-02-29\" end=\"2028-02-29\"/></meta>\n"	/* 2 */
	    "<situation><customers><segment name=\"s\" share=\"100.5\"/>\n"	/* 3 */
	    "<segment name=\"t\" share=\"12a\"/>\n"				/* 4 */
	    "<segment name=\"u\" share=\"%s\"/></customers>\n"		/* 5 */
	    "</situation></plan>", "1234567890123456789012345678901");
	p = read_zh(xml, &d);
	assert_int_equal(d.n, 5);
	assert_int_equal(d.v[0].line, 1);
	assert_string_equal(d.v[0].msg, "<date> 的值 \"2027-02-30\" 不是真实存在的"
	    "日期（格式为 YYYY-MM-DD）");
	assert_int_equal(d.v[1].line, 2);
	assert_string_equal(d.v[1].msg, "<period> 的属性 \"start\" 的值 "
	    "\"2026-02-29\" 不是真实存在的日期（格式为 YYYY-MM-DD）");
	assert_int_equal(d.v[2].line, 3);
	assert_string_equal(d.v[2].msg, "<segment> 的属性 \"share\" 的值 100.5 "
	    "超出 0..100 的范围");
	assert_int_equal(d.v[3].line, 4);
	assert_string_equal(d.v[3].msg, "<segment> 的属性 \"share\" 的值 \"12a\" "
	    "不是十进制数");
	assert_int_equal(d.v[4].line, 5);
	assert_string_equal(d.v[4].msg, "<segment> 的属性 \"share\" 的值 "
	    "1234567890123456789012345678901 超过 30 位数字");
	pg_plan_free(p);
	pg_diags_free(&d);
}

static void
accepts(void **state)
{
	struct pg_diags	 d;
	struct pg_plan	*p;

	(void)state;
	pg_diags_init(&d);
	p = read_str("<?plangen accept  no-controls   mix-incomplete ?>\n"	/* 1 */
	    "<plan>\n"							/* 2 */
	    "<?plangen accept?><?other accept x?><?plangen acceptx y?>\n"	/* 3 */
	    "<meta>\n"							/* 4 */
	    "</meta>\n"							/* 5 */
	    "<?plangen accept a b?> text <goals/>\n"			/* 6 */
	    "<goals><?plangen accept z?></goals>\n"			/* 7 */
	    "</plan>", &d);
	assert_int_equal(p->naccepts, 4);
	/* before the root: covers the whole plan */
	assert_int_equal(p->accepts[0].line, 1);
	assert_int_equal(p->accepts[0].first, 2);
	assert_int_equal(p->accepts[0].last, 8);
	assert_int_equal(p->accepts[0].nrules, 2);
	assert_string_equal(p->accepts[0].rules[0], "no-controls");
	assert_string_equal(p->accepts[0].rules[1], "mix-incomplete");
	/* no rules; other PIs are skipped on the way to the element */
	assert_int_equal(p->accepts[1].line, 3);
	assert_int_equal(p->accepts[1].nrules, 0);
	assert_int_equal(p->accepts[1].first, 4);
	assert_int_equal(p->accepts[1].last, 5);
	/* text before the next element: covers nothing */
	assert_int_equal(p->accepts[2].line, 6);
	assert_int_equal(p->accepts[2].first, 0);
	assert_int_equal(p->accepts[2].last, 0);
	/* last in its parent: covers nothing */
	assert_int_equal(p->accepts[3].line, 7);
	assert_int_equal(p->accepts[3].first, 0);
	assert_string_equal(p->accepts[3].rules[0], "z");
	pg_plan_free(p);
	pg_diags_free(&d);
}

static void
defaults_and_robustness(void **state)
{
	static const char *docs[] = {
		"<plan/>",
		"<notaplan><meta><title>x</title></meta></notaplan>",
		"<plan lang=\"\" currency=\"\"><meta/><summary/><situation><market/>"
		    "<customers/><competitors/><positioning-map/></situation><swot>"
		    "<x/></swot><goals><goal><metric/></goal></goals><strategy><mix/>"
		    "<service-quality><dimension name=\"bogus\"/><dimension/>"
		    "</service-quality><blueprint><step><fail-point><recovery/>"
		    "</fail-point></step></blueprint></strategy><actions><action/>"
		    "</actions><budget><line/><contingency/></budget><controls><kpi/>"
		    "<milestone/><review/><risk/></controls></plan>",
		"<plan><meta><title><p><em>deep</em></p>x</title><title>second</title>"
		    "</meta><goals><goal addresses=\"   \" id=\"G\"/><unknown/>"
		    "</goals><actions><action goals=\"\n\tA  B \"><title/></action>"
		    "</actions></plan>",
		NULL
	};
	struct pg_diags	 d;
	struct pg_plan	*p;
	size_t		 i;

	(void)state;
	for (i = 0; docs[i] != NULL; i++) {
		pg_diags_init(&d);
		p = read_str(docs[i], &d);
		assert_string_equal(p->lang, "en");
		assert_string_equal(p->currency, "CNY");
		if (i < 2) {
			assert_null(p->meta.title.s);
			assert_int_equal(p->meta.line, 0);
			assert_int_equal(p->goals.n, 0);
			assert_null(p->goals.v);
			assert_int_equal(p->controls.line, 0);
			assert_int_equal(p->summary.market_definition.line, 0);
		}
		if (i == 2) {
			assert_int_equal(p->meta.line, 1);
			assert_null(p->meta.title.s);
			assert_int_equal(p->swot.nitems, 0);
			assert_int_equal(p->goals.n, 1);
			assert_null(p->goals.v[0].id);
			assert_int_equal(p->goals.v[0].type, PG_GOAL_NONE);
			assert_int_equal(p->goals.v[0].nmetrics, 1);
			assert_int_equal(p->goals.v[0].metrics[0].line, 1);
			assert_null(p->goals.v[0].metrics[0].target.text);
			assert_int_equal(p->strategy.ndimensions, 0);
			assert_int_equal(p->strategy.mix_line, 1);
			assert_int_equal(p->strategy.mix[PG_MIX_PRICE].line, 0);
			assert_string_equal(p->strategy.blueprint.steps[0].fail_point.text, "");
			assert_string_equal(p->strategy.blueprint.steps[0].fail_point.recovery.s, "");
			assert_int_equal(p->budget.lines[0].amount.set, 0);
			assert_null(p->budget.lines[0].category);
			assert_int_equal(p->controls.nkpis, 1);
			assert_int_equal(p->controls.risks[0].likelihood, PG_LEVEL_NONE);
			assert_int_equal(p->situation.market.nblocks, 0);
			assert_int_equal(d.n, 0);
		}
		if (i == 3) {
			assert_string_equal(p->meta.title.s, "deepx");
			assert_int_equal(p->goals.v[0].addresses.n, 0);
			assert_int_equal(p->actions.v[0].goals.n, 2);
			assert_string_equal(p->actions.v[0].goals.id[0], "A");
			assert_string_equal(p->actions.v[0].goals.id[1], "B");
			assert_string_equal(p->actions.v[0].title.s, "");
		}
		pg_plan_free(p);
		pg_diags_free(&d);
	}
	/* a NULL document and a NULL diagnostics list are allowed */
	p = pg_plan_read(NULL, "x", NULL);
	assert_non_null(p);
	assert_string_equal(p->lang, "en");
	pg_plan_free(p);
}

/* check.c builds the model only for a document without errors. */
static void
check_pipeline(void **state)
{
	char		 path[4096], err[512];
	const char	*src = getenv("SRCDIR");
	struct pg_checked res;
	struct pg_check_opts opts = { NULL, 0, NULL, 0, { 0, 0, 0 } };
	char		*buf, *at;
	size_t		 len;

	(void)state;
	snprintf(path, sizeof(path), "%s/tests/data/reader-full.xml", src ? src : ".");
	assert_int_equal(pg_check_file(path, &opts, &res, err, sizeof(err)), 0);
	assert_int_equal(pg_diags_count_rule(&res.diags, "schema"), 0);
	assert_non_null(res.plan);
	assert_string_equal(res.plan->meta.title.s, "Title-T1");
	pg_checked_free(&res);

	/* the same plan with a budget line whose amount is not money */
	buf = pg_read_file(path, &len, err, sizeof(err));
	assert_non_null(buf);
	at = strstr(buf, "amount=\"899.5\"");
	assert_non_null(at);
	memcpy(at, "amount=\"9e999\"", 14);	/* same length: malformed money */
	assert_int_equal(pg_check_buffer(buf, len, "m.xml", &opts, &res), 0);
	assert_null(res.plan);
	assert_true(pg_diags_count_rule(&res.diags, "schema") >= 1);
	assert_int_equal(res.diags.v[0].line, 116);
	assert_int_equal(pg_checked_failed(&res, 0), 1);
	pg_checked_free(&res);
	free(buf);
}

/* Findings with no list to put them in are dropped, nothing else changes. */
static void
null_diags(void **state)
{
	struct pg_diags	 d;
	xmlDocPtr	 doc;
	struct pg_plan	*p;
	const char	*xml = "<plan><budget total=\"1e5\"><line amount=\"5\"/></budget></plan>";

	(void)state;
	pg_diags_init(&d);
	doc = pg_xml_parse(xml, strlen(xml), "t.xml", &d);
	assert_non_null(doc);
	p = pg_plan_read(doc, "t.xml", NULL);
	assert_non_null(p);
	assert_int_equal(p->budget.total.set, 0);
	assert_true(p->budget.lines[0].amount.minor == 500);
	pg_plan_free(p);
	xmlFreeDoc(doc);
}

/* pg_xml_has_pi() and the accept instructions it lets the reader skip. */
static void
processing_instructions(void **state)
{
	static const char *with[] = {
		"<?plangen accept x?><plan version=\"1\"/>",
		"<plan version=\"1\"><meta><?other x?></meta></plan>",
		"<plan version=\"1\"/><?plangen accept y?>",
		NULL };
	static const char *without = "<!-- c --><plan version=\"1\"><meta/></plan>";
	struct pg_diags	 d;
	struct pg_plan	*p;
	xmlDocPtr	 doc;
	size_t		 i;

	(void)state;
	pg_diags_init(&d);
	for (i = 0; with[i] != NULL; i++) {
		doc = pg_xml_parse(with[i], strlen(with[i]), "t.xml", &d);
		assert_non_null(doc);
		assert_int_equal(pg_xml_has_pi(doc), 1);
		p = pg_plan_read(doc, "t.xml", &d);
		assert_non_null(p);
		assert_int_equal(p->naccepts, i == 1 ? 0 : 1);
		pg_plan_free(p);
		xmlFreeDoc(doc);
	}
	doc = pg_xml_parse(without, strlen(without), "t.xml", &d);
	assert_non_null(doc);
	assert_int_equal(pg_xml_has_pi(doc), 0);
	xmlFreeDoc(doc);
	/* a document from elsewhere: unknown, so the reader looks itself */
	doc = xmlReadMemory(with[0], (int)strlen(with[0]), "t.xml", NULL, 0);
	assert_non_null(doc);
	assert_int_equal(pg_xml_has_pi(doc), -1);
	p = pg_plan_read(doc, "t.xml", &d);
	assert_non_null(p);
	assert_int_equal(p->naccepts, 1);
	pg_plan_free(p);
	xmlFreeDoc(doc);
	assert_int_equal(pg_xml_has_pi(NULL), -1);
	pg_diags_free(&d);
}

/* The seed models of version 2, every field with its line (seed-v2.xml). */
static void
seed_models(void **state)
{
	struct pg_diags		 d;
	struct pg_plan		*p;
	const struct pg_situation *si;
	const struct pg_strategy *st;
	const struct pg_journey	*j;
	const struct pg_action	*a;

	(void)state;
	pg_diags_init(&d);
	p = read_fixture("seed-v2.xml", &d);
	assert_int_equal(d.n, 0);
	assert_int_equal(p->version, 2);
	si = &p->situation;
	assert_int_equal(si->nposmaps, 2);
	assert_int_equal(si->posmap.line, si->posmaps[0].line);
	assert_string_equal(si->posmaps[1].id, "PM2");
	assert_int_equal(si->posmaps[1].line, 71);
	assert_string_equal(si->posmaps[1].caption.s,
	    "Office coffee: speed of delivery against price");
	assert_int_equal(si->posmaps[1].caption.line, 72);
	assert_int_equal(si->posmaps[1].npositions, 2);
	assert_int_equal(si->njourneys, 1);
	j = &si->journeys[0];
	assert_string_equal(j->id, "J1");
	assert_string_equal(j->persona, "Office manager ordering coffee for 40 staff");
	assert_int_equal(j->line, 76);
	assert_int_equal(j->nstages, 4);
	assert_string_equal(j->stages[0].id, "JS1");
	assert_null(j->stages[1].id);
	assert_string_equal(j->stages[1].name, "Compare");
	assert_int_equal(j->stages[1].ntouchpoints, 2);
	assert_true(j->stages[0].has_score && j->stages[0].score == -1);
	assert_true(j->stages[3].has_score && j->stages[3].score == 2);
	assert_int_equal(j->stages[0].feeling.line, 79);
	assert_int_equal(j->stages[1].npains, 1);
	assert_string_equal(j->stages[1].pains[0].id, "P1");
	assert_string_equal(j->stages[1].pains[0].text, "Prices per cup are hard to compare");
	assert_int_equal(j->stages[1].pains[0].line, 86);
	assert_int_equal(j->stages[3].nopportunities, 1);
	assert_int_equal(j->stages[2].nopportunities, 0);
	st = &p->strategy;
	assert_string_equal(st->dimensions[0].id, "SQ1");
	assert_string_equal(st->dimensions[0].expected.text, "6.5");
	assert_string_equal(st->dimensions[0].perceived.text, "5.2");
	assert_null(st->dimensions[2].expected.text);
	assert_int_equal(st->nblueprints, 2);
	assert_int_equal(st->blueprint.line, st->blueprints[0].line);
	assert_string_equal(st->blueprints[1].id, "BP2");
	assert_int_equal(st->blueprints[1].line, 168);
	assert_int_equal(st->fab_line, 174);
	assert_int_equal(st->nfab, 2);
	assert_int_equal(st->fab[0].line, 175);
	assert_string_equal(st->fab[0].benefit.s,
	    "Staff drink better coffee and stay in the office");
	assert_int_equal(st->fab[0].benefit.line, 178);
	a = &p->actions.v[1];
	assert_int_equal(a->addresses.n, 3);
	assert_string_equal(a->addresses.id[2], "P2");
	a = &p->actions.v[2];
	assert_string_equal(a->count.text, "4");
	assert_int_equal(a->segments.n, 1);
	assert_string_equal(a->segments.id[0], "SEG-OFF");
	assert_int_equal(a->quality.line, 203);
	assert_int_equal(a->category, PG_CAT_PROMOTION);
	assert_int_equal(p->controls.kpis[0].kind, PG_KIND_RESULT);
	assert_int_equal(p->controls.kpis[1].kind, PG_KIND_ACTIVITY);
	assert_int_equal(p->controls.kpis[1].frequency, PG_FREQ_BIWEEKLY);
	assert_string_equal(p->controls.risks[1].owner, "Jonas Bauer");
	assert_string_equal(p->controls.risks[1].id, "R2");
	assert_null(p->controls.risks[0].owner);
	pg_plan_free(p);
	pg_diags_free(&d);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(full_meta_summary),
		cmocka_unit_test(full_situation_swot),
		cmocka_unit_test(full_goals_strategy),
		cmocka_unit_test(full_actions_budget_controls),
		cmocka_unit_test(full_rest),
		cmocka_unit_test(big_lines),
		cmocka_unit_test(prose_runs),
		cmocka_unit_test(whitespace),
		cmocka_unit_test(money_edges),
		cmocka_unit_test(numbers_and_dates),
		cmocka_unit_test(findings_in_chinese),
		cmocka_unit_test(accepts),
		cmocka_unit_test(defaults_and_robustness),
		cmocka_unit_test(check_pipeline),
		cmocka_unit_test(null_diags),
		cmocka_unit_test(processing_instructions),
		cmocka_unit_test(seed_models),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
