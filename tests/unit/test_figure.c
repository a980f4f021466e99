/*
 * test_figure.c — the figures (src/figures) laid out through pg_fig_layout
 * with the fixed-width fake fontset and placed with pg_group_place: every
 * box inside the figure's extent, no two text boxes overlapping, no text
 * under 7 pt, the right number of bars, dots and rows, planned years
 * distinct, blueprint and timeline parts, too little room reported as
 * unfit, allocation failures reported as -1, and exact money.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <float.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "figures/figure.h"
#include "layout/font.h"
#include "layout/frame.h"
#include "model/model.h"
#include "failalloc.h"

/* ---- allocation failure: failalloc.c wraps malloc, calloc, realloc ---- */

/* ---- fixtures ---------------------------------------------------------- */

static struct pg_fontset fonts;

static int
setup(void **state)
{
	(void)state;
	return pg_fontset_fake(&fonts, 500);
}

static int
teardown(void **state)
{
	(void)state;
	pg_fontset_free(&fonts);
	return 0;
}

static struct pg_num
num(struct pg_plan *p, const char *s)
{
	struct pg_num n;

	n.text = pg_strdup(p, s);
	n.v = atof(s);
	return n;
}

static struct pg_date
date(int y, int m, int d)
{
	struct pg_date r = { y, m, d };
	return r;
}

/* Version 2 budget phases: each line spent over the four quarters. */
static void
phase_data(struct pg_plan *p)
{
	size_t i, q;

	p->version = 2;
	/* a goal tree: G1 with subgoals G2 and G3 */
	p->goals.n = 3;
	p->goals.v = pg_alloc(p, 3, sizeof(*p->goals.v));
	for (i = 0; i < 3; i++) {
		static const char *const ids[3] = { "G1", "G2", "G3" };
		struct pg_goal *g = &p->goals.v[i];
		g->line = 30 + (unsigned long)i;
		g->id = ids[i];
		g->parent = i > 0 ? "G1" : NULL;
		g->statement.s = i == 0 ? "Grow new patients" : i == 1 ?
		    "Grow online bookings" : "Grow referrals";
		g->nmetrics = 1;
		g->metrics = pg_alloc(p, 1, sizeof(*g->metrics));
		g->metrics[0].line = g->line;
		g->metrics[0].name = "Patients";
		g->metrics[0].baseline.text = i == 0 ? "100" : "50";
		g->metrics[0].target.text = i == 0 ? "150" : "75";
		g->metrics[0].unit = "patients";
	}
	for (i = 0; i < p->budget.nlines; i++) {
		struct pg_budget_line *l = &p->budget.lines[i];
		l->nphases = 4;
		l->phases = pg_alloc(p, 4, sizeof(*l->phases));
		for (q = 0; q < 4; q++) {
			l->phases[q].line = l->line;
			l->phases[q].y = 2027;
			l->phases[q].q = (int)q + 1;
			l->phases[q].amount.minor = l->amount.minor / 4 +
			    (q == 3 ? l->amount.minor % 4 : 0);
			l->phases[q].amount.set = 1;
		}
	}
}

/* The version 2 seed models: a journey of 5 stages, SERVQUAL scores. */
static void
seed_data(struct pg_plan *p, int zh)
{
	static const char *const names[2][5] = {
		{ "Notice", "Compare offers", "Book", "First visit", "Recover" },
		{ "发现问题", "比较", "预约", "首次就诊", "康复" } };
	static const int score[5] = { -1, 0, -2, 1, 2 };
	static const char *const sq[5][2] = { { "6.5", "5.2" }, { "6", "6.1" },
		{ "7", "5.7" }, { NULL, "4" }, { "5.5", NULL } };
	struct pg_journey *j;
	size_t i, k;

	p->situation.njourneys = 1;
	p->situation.journeys = j = pg_alloc(p, 1, sizeof(*j));
	j->line = 70;
	j->persona = zh ? "上班族" : "Office worker";
	j->nstages = 5;
	j->stages = pg_alloc(p, 5, sizeof(*j->stages));
	for (i = 0; i < 5; i++) {
		struct pg_stage *g = &j->stages[i];
		g->line = 71 + (unsigned long)i;
		g->name = names[zh][i];
		g->ntouchpoints = 1 + i % 3;
		g->touchpoints = pg_alloc(p, g->ntouchpoints, sizeof(*g->touchpoints));
		for (k = 0; k < g->ntouchpoints; k++)
			g->touchpoints[k].s = zh ? "网站和电话预约渠道" :
			    "Website and the phone line";
		if (i != 1) {
			g->feeling.line = g->line;
			g->feeling.s = zh ? "担心要等很久，孩子也等不及" :
			    "Worried the wait will be long";
			g->score = score[i];
			g->has_score = 1;
		}
		if (i % 2 == 0) {
			g->npains = 1;
			g->pains = pg_alloc(p, 1, sizeof(*g->pains));
			g->pains[0] = (struct pg_pain){ g->line, "P1",
			    zh ? "电话一直占线，没有网上预约" :
			    "The phone is always busy and there is no online booking" };
		}
		g->nopportunities = i % 2;
		g->opportunities = pg_alloc(p, 1, sizeof(*g->opportunities));
		g->opportunities[0].s = zh ? "网上预约当天号" : "Same-day slots online";
	}
	p->strategy.quality_line = 80;
	p->strategy.ndimensions = 5;
	p->strategy.dimensions = pg_alloc(p, 5, sizeof(*p->strategy.dimensions));
	for (i = 0; i < 5; i++) {
		struct pg_dimension *d = &p->strategy.dimensions[i];
		d->line = 81 + (unsigned long)i;
		d->name = (enum pg_servqual)i;
		if (sq[i][0] != NULL)
			d->expected = num(p, sq[i][0]);
		if (sq[i][1] != NULL)
			d->perceived = num(p, sq[i][1]);
	}
}

/* A plan with every figure's data; nactions actions, nsteps steps. */
static struct pg_plan *
mkplan(const char *lang, size_t nactions, size_t nsteps)
{
	static const char *sales[][3] = {
		{ "2023", "1200", "0" }, { "2024", "1350.5", "0" },
		{ "2025", "1500", "0" }, { "2026", "1800", "1" },
		{ "2027", "2100", "1" },
	};
	struct pg_plan *p = pg_plan_new();
	size_t i;
	char buf[128];
	int zh = strcmp(lang, "zh-CN") == 0;

	assert_non_null(p);
	p->lang = lang;
	p->meta.period_start = date(2026, 1, 1);
	p->meta.period_end = date(2026, 12, 31);
	p->meta.period_line = 3;

	p->summary.sales_line = 10;
	p->summary.sales_unit = zh ? "万元" : "thousand CNY";
	p->summary.nyears = 5;
	p->summary.years = pg_alloc(p, 5, sizeof(*p->summary.years));
	for (i = 0; i < 5; i++) {
		p->summary.years[i].label = sales[i][0];
		p->summary.years[i].value = num(p, sales[i][1]);
		p->summary.years[i].plan = sales[i][2][0] == '1';
	}

	p->swot.nitems = 5;
	p->swot.items = pg_alloc(p, 5, sizeof(*p->swot.items));
	p->swot.items[0] = (struct pg_swot_item){ 20, PG_SWOT_STRENGTH, "S1",
	    zh ? "社区网点覆盖全市，顾客到店平均距离不到一公里，服务响应快。" :
	    "Neighbourhood branches across the whole city, so customers reach us within a kilometre." };
	p->swot.items[1] = (struct pg_swot_item){ 21, PG_SWOT_STRENGTH, "S2",
	    zh ? "员工经验丰富。" : "Experienced staff." };
	p->swot.items[2] = (struct pg_swot_item){ 22, PG_SWOT_WEAKNESS, "W1",
	    zh ? "线上渠道薄弱，预约系统老旧。" : "A weak online channel and an old booking system." };
	p->swot.items[3] = (struct pg_swot_item){ 23, PG_SWOT_OPPORTUNITY, "O1",
	    zh ? "“银发经济”兴起，社区养老服务需求增长 11.6%。" :
	    "Demand for community elderly care grows 11.6% a year." };
	p->swot.items[4] = (struct pg_swot_item){ 24, PG_SWOT_STRENGTH, "S3",
	    zh ? "品牌知名度高。" : "A well-known brand." };
	/* no threats: that quadrant shows the "none" label */

	p->budget.nlines = 5;
	p->budget.lines = pg_alloc(p, 5, sizeof(*p->budget.lines));
	p->budget.lines[0] = (struct pg_budget_line){ .line = 40, .category = zh ? "广告" : "Advertising", .amount = { 25000000, 1 }, .action = NULL, .text = "" };
	p->budget.lines[1] = (struct pg_budget_line){ .line = 41, .category = zh ? "培训" : "Training", .amount = { 199950, 1 }, .action = NULL, .text = "" };
	p->budget.lines[2] = (struct pg_budget_line){ .line = 42, .category = zh ? "广告" : "Advertising", .amount = { 10000000, 1 }, .action = NULL, .text = "" };
	p->budget.lines[3] = (struct pg_budget_line){ .line = 43, .category = zh ? "数字化" : "Digital", .amount = { 5000000, 1 }, .action = NULL, .text = "" };
	p->budget.lines[4] = (struct pg_budget_line){ .line = 44, .category = zh ? "渠道建设与社区活动推广" : "Channel development and community events", .amount = { 7000000, 1 }, .action = NULL, .text = "" };
	p->budget.contingency_line = 45;
	p->budget.contingency.minor = 2000000;
	p->budget.contingency.set = 1;

	p->actions.n = nactions;
	p->actions.v = pg_alloc(p, nactions + 1, sizeof(*p->actions.v));
	for (i = 0; i < nactions; i++) {
		struct pg_action *a = &p->actions.v[i];
		snprintf(buf, sizeof(buf), "A%zu", i + 1);
		a->id = pg_strdup(p, buf);
		snprintf(buf, sizeof(buf), zh ? "第%zu项行动：社区推广活动与会员招募" :
		    "Action %zu: community promotion and member recruitment drive", i + 1);
		a->title.s = pg_strdup(p, buf);
		a->start = date(2026, (int)(i % 12) + 1, 1);
		a->end = date(2026, (int)(i % 12) + 1, 28);
		if (i % 5 == 4)
			a->end = date(2027, 3, 1);	/* beyond the period: clipped */
		a->category = (enum pg_category)(i % 12);
	}

	p->situation.ncompetitors = 4;
	p->situation.competitors = pg_alloc(p, 4, sizeof(*p->situation.competitors));
	for (i = 0; i < 4; i++) {
		snprintf(buf, sizeof(buf), "C%zu", i + 1);
		p->situation.competitors[i].id = pg_strdup(p, buf);
		snprintf(buf, sizeof(buf), zh ? "竞争对手%zu号" : "Competitor number %zu", i + 1);
		p->situation.competitors[i].name = pg_strdup(p, buf);
	}
	{
		struct pg_posmap *m = &p->situation.posmap;
		static const double xy[][2] = { { 30, 60 }, { 32, 62 }, { 34, 58 },
		    { 90, 95 }, { 40, 40 }, { 70, 72 } };
		m->line = 30;
		m->x = zh ? "价格" : "Price";
		m->y = zh ? "品牌形象" : "Brand image";
		m->x_low = zh ? "低价" : "Low price";
		m->x_high = zh ? "高价" : "Premium";
		m->y_low = zh ? "大众" : "Mass market";
		m->y_high = zh ? "高端" : "Prestige";
		m->npositions = 6;
		m->positions = pg_alloc(p, 6, sizeof(*m->positions));
		for (i = 0; i < 6; i++) {
			struct pg_position *ps = &m->positions[i];
			snprintf(buf, sizeof(buf), "%g", xy[i][0]);
			ps->x = num(p, buf);
			snprintf(buf, sizeof(buf), "%g", xy[i][1]);
			ps->y = num(p, buf);
			if (i < 4)
				ps->competitor = p->situation.competitors[i].id;
			else
				ps->own = i == 4 ? PG_OWN_CURRENT : PG_OWN_TARGET;
		}
		m->positions[3].label = zh ? "某高端品牌" : "Luxe";
	}

	{
		struct pg_blueprint *b = &p->strategy.blueprint;
		b->line = 50;
		b->service = zh ? "开户" : "Check-in";
		b->nsteps = nsteps;
		b->steps = pg_alloc(p, nsteps + 1, sizeof(*b->steps));
		for (i = 0; i < nsteps; i++) {
			struct pg_step *s = &b->steps[i];
			snprintf(buf, sizeof(buf), zh ? "步骤%zu" : "Step %zu", i + 1);
			s->name = pg_strdup(p, buf);
			s->customer.s = zh ? "顾客到店，取号并等待叫号，填写申请表。" :
			    "The customer arrives, takes a number and fills in the form.";
			if (i % 2 == 0)
				s->evidence.s = zh ? "门店招牌" : "Shop sign";
			s->frontstage.s = zh ? "柜员问候并核对证件" : "The clerk greets and checks the ID";
			s->backstage.s = zh ? "后台审核" : "Back office review";
			s->support.s = zh ? "核心业务系统" : "Core banking system";
			if (i % 3 == 1) {
				s->fail_point.line = 60;
				s->fail_point.text = zh ? "排队超过二十分钟" : "Queue longer than 20 minutes";
				if (i % 2 == 1)
					s->fail_point.recovery.s = zh ? "发放优惠券并致歉" : "Apologise and give a voucher";
			}
		}
	}
	seed_data(p, zh);
	phase_data(p);
	return p;
}

/* ---- checks on the boxes ----------------------------------------------- */

struct ext {
	double x0, y0, x1, y1;
};

static struct ext
box_ext(const struct pg_box *b)
{
	struct ext e;
	const struct pg_face *f;

	switch (b->kind) {
	case PG_BOX_TEXT:
		f = &fonts.face[b->face];
		e.x0 = b->x;
		e.x1 = b->x + b->w;
		e.y0 = b->y - f->ascender / 1000.0 * b->size;
		e.y1 = b->y - f->descender / 1000.0 * b->size;
		break;
	case PG_BOX_LINE:
		e.x0 = b->x < b->x + b->w ? b->x : b->x + b->w;
		e.x1 = b->x < b->x + b->w ? b->x + b->w : b->x;
		e.y0 = b->y < b->y + b->h ? b->y : b->y + b->h;
		e.y1 = b->y < b->y + b->h ? b->y + b->h : b->y;
		/* the stroke's width across an axis-parallel line */
		if (b->h == 0) {
			e.y0 -= b->line_width / 2;
			e.y1 += b->line_width / 2;
		} else if (b->w == 0) {
			e.x0 -= b->line_width / 2;
			e.x1 += b->line_width / 2;
		}
		break;
	default:
		e.x0 = b->x;
		e.x1 = b->x + b->w;
		e.y0 = b->y;
		e.y1 = b->y + b->h;
		if (b->kind == PG_BOX_RECT && (b->flags & PG_BOXF_STROKE)) {
			e.x0 -= b->line_width / 2;
			e.y0 -= b->line_width / 2;
			e.x1 += b->line_width / 2;
			e.y1 += b->line_width / 2;
		}
		break;
	}
	return e;
}

static int
ext_overlap(struct ext a, struct ext b)
{
	const double eps = 0.01;

	return a.x0 < b.x1 - eps && b.x0 < a.x1 - eps &&
	    a.y0 < b.y1 - eps && b.y0 < a.y1 - eps;
}

/*
 * The figure's guarantees on one page: inside (x,y,w,h), text >= 7 pt,
 * no text over text, and (if dots) no text over a small filled square.
 */
static void
check_page(const struct pg_frames *fr, int page, double x, double y,
    double w, double h, int dots)
{
	const struct pg_page *pg = &fr->pages[page];
	size_t i, j;
	const double eps = 0.02;

	assert_true(pg->n > 0);
	for (i = 0; i < pg->n; i++) {
		const struct pg_box *b = &pg->boxes[i];
		struct ext e = box_ext(b);
		if (!(e.x0 >= x - eps && e.x1 <= x + w + eps &&
		    e.y0 >= y - eps && e.y1 <= y + h + eps))
			fail_msg("box %zu (kind %d, \"%.*s\") outside: %g,%g-%g,%g "
			    "not in %g,%g-%g,%g", i, (int)b->kind,
			    b->text ? (int)b->len : 0, b->text ? b->text : "",
			    e.x0, e.y0, e.x1, e.y1, x, y, x + w, y + h);
		if (b->kind != PG_BOX_TEXT)
			continue;
		assert_true(b->size >= 7.0);
		assert_true(b->len > 0);
		for (j = 0; j < pg->n; j++) {
			const struct pg_box *c = &pg->boxes[j];
			if (j == i)
				continue;
			if ((c->kind == PG_BOX_TEXT && j > i) ||
			    (dots && c->kind == PG_BOX_RECT && c->w <= 8.01 &&
			    c->h <= 8.01 && c->w == c->h && (c->flags & PG_BOXF_FILL) &&
			    c->y + c->h < y + h - 20)) {
				if (ext_overlap(e, box_ext(c)))
					fail_msg("\"%.*s\" overlaps box %zu \"%.*s\"",
					    (int)b->len, b->text, j,
					    c->text ? (int)c->len : 0,
					    c->text ? c->text : "");
			}
		}
	}
}

/* All text of a page: boxes on one baseline joined in x order, lines
 * separated by '\n'; spaces removed.  Caller frees. */
static int
bycoord(const void *a, const void *b)
{
	const struct pg_box *x = *(const struct pg_box *const *)a;
	const struct pg_box *y = *(const struct pg_box *const *)b;

	if (x->y != y->y)
		return x->y < y->y ? -1 : 1;
	return x->x < y->x ? -1 : x->x > y->x;
}

static char *
page_text(const struct pg_frames *fr, int page)
{
	const struct pg_page *pg = &fr->pages[page];
	const struct pg_box **v = calloc(pg->n + 1, sizeof(*v));
	size_t i, n = 0, len = 1, o = 0;
	char *s;

	for (i = 0; i < pg->n; i++)
		if (pg->boxes[i].kind == PG_BOX_TEXT) {
			v[n++] = &pg->boxes[i];
			len += pg->boxes[i].len + 1;
		}
	qsort(v, n, sizeof(*v), bycoord);
	s = malloc(len);
	for (i = 0; i < n; i++) {
		size_t k;
		if (i > 0 && v[i]->y != v[i - 1]->y)
			s[o++] = '\n';
		for (k = 0; k < v[i]->len; k++)
			if (v[i]->text[k] != ' ')
				s[o++] = v[i]->text[k];
	}
	s[o] = '\0';
	free(v);
	return s;
}

static int
has_text(const struct pg_frames *fr, int page, const char *want)
{
	char *s = page_text(fr, page), w[256];
	size_t i, o = 0;
	int r;

	for (i = 0; want[i] != '\0' && o + 1 < sizeof(w); i++)
		if (want[i] != ' ')
			w[o++] = want[i];
	w[o] = '\0';
	r = strstr(s, w) != NULL;

	if (!r)
		print_message("text not found: %s\n--- page text:\n%s\n", want, s);
	free(s);
	return r;
}

static size_t
count_text(const struct pg_frames *fr, int page, const char *want)
{
	char *s = page_text(fr, page), *q = s;
	size_t n = 0;

	while ((q = strstr(q, want)) != NULL) {
		n++;
		q += strlen(want);
	}
	free(s);
	return n;
}

static size_t
count_rects(const struct pg_frames *fr, int page, struct pg_color fill)
{
	const struct pg_page *pg = &fr->pages[page];
	size_t i, n = 0;

	for (i = 0; i < pg->n; i++) {
		const struct pg_box *b = &pg->boxes[i];
		if (b->kind == PG_BOX_RECT && (b->flags & PG_BOXF_FILL) &&
		    b->fill.r == fill.r && b->fill.g == fill.g && b->fill.b == fill.b)
			n++;
	}
	return n;
}

/* ---- money ------------------------------------------------------------- */

static void
money_format(void **state)
{
	char buf[PG_MONEY_BUFSZ];

	(void)state;
	assert_string_equal(pg_fmt_money(35000000, "CNY", "zh-CN", buf, sizeof(buf)), "¥350,000");
	assert_string_equal(pg_fmt_money(199950, "CNY", "en", buf, sizeof(buf)), "¥1,999.50");
	assert_string_equal(pg_fmt_money(0, "CNY", "en", buf, sizeof(buf)), "¥0");
	assert_string_equal(pg_fmt_money(5, "CNY", "en", buf, sizeof(buf)), "¥0.05");
	assert_string_equal(pg_fmt_money(100000, NULL, "en", buf, sizeof(buf)), "¥1,000");
	assert_string_equal(pg_fmt_money(99999, "USD", "en", buf, sizeof(buf)), "$999.99");
	assert_string_equal(pg_fmt_money(-123450, "EUR", "en", buf, sizeof(buf)), "-€1,234.50");
	assert_string_equal(pg_fmt_money(35000000, "CHF", "en", buf, sizeof(buf)), "CHF 350,000");
	assert_string_equal(pg_fmt_money(INT64_MAX, "CNY", "en", buf, sizeof(buf)),
	    "¥92,233,720,368,547,758.07");
	assert_string_equal(pg_fmt_money(INT64_MIN, "CNY", "en", buf, sizeof(buf)),
	    "-¥92,233,720,368,547,758.08");
	assert_string_equal(pg_fmt_money(-1, "GBP", "en", buf, sizeof(buf)), "-£0.01");
	assert_string_equal(pg_fmt_money_flags(35000000, "CNY", "en",
	    PG_MONEY_CENTS | PG_MONEY_CODE, buf, sizeof(buf)), "CNY 350,000.00");
	assert_string_equal(pg_fmt_money_flags(100, "CNY", "en", PG_MONEY_CENTS,
	    buf, sizeof(buf)), "¥1.00");
	/* too small a buffer: NULL and an empty string, never a cut number */
	assert_null(pg_fmt_money(35000000, "CNY", "en", buf, 8));
	assert_string_equal(buf, "");
	assert_non_null(pg_fmt_money(35000000, "CNY", "en", buf, 10));
	assert_null(pg_fmt_money(35000000, "CNY", "en", buf, 9));
}

static void
labels_default(void **state)
{
	struct pg_fig_labels l;
	int i;

	(void)state;
	pg_fig_labels_default(&l, "zh-CN");
	assert_string_equal(l.swot[0], "优势");
	assert_string_equal(l.months[0], "1月");
	pg_fig_labels_default(&l, "en");
	assert_string_equal(l.swot[3], "Threats");
	pg_fig_labels_default(&l, NULL);
	assert_string_equal(l.plan, "Plan");
	for (i = 0; i < PG_LANE_N; i++)
		assert_non_null(l.lanes[i]);
}

/* ---- figures ----------------------------------------------------------- */

#define FX	50.0
#define FY	70.0
#define ROOMY	10000.0		/* more height than any figure wants */

/*
 * Lay out figure kind (items from first) for w x maxh into *o and, if fr is
 * not NULL, place it at (FX, FY) on page `page`.  Returns what
 * pg_fig_layout returned, or -1 if placing ran out of memory.
 */
static int
lay(struct pg_frames *fr, int page, enum pg_fig_kind kind,
    const struct pg_plan *p, const struct pg_fig_labels *lb, const char *lang,
    size_t first, double w, double maxh, struct pg_fig_out *o)
{
	struct pg_fig_in in;
	int rc;

	memset(&in, 0, sizeof(in));	/* colors NULL: the built-in ones */
	in.p = p;
	in.fs = &fonts;
	in.lb = lb;
	in.lang = lang;
	in.first = first;
	in.min = 0;
	rc = pg_fig_layout(kind, &in, w, maxh, o);
	if (rc == 0 && fr != NULL &&
	    pg_group_place(&o->g, fr, page, FX, FY) != 0)
		rc = -1;
	return rc;
}

/* A placed figure's guarantees: placed inside its extent (which is within
 * what it was offered), nothing left out by the edge check. */
static void
check_fig(const struct pg_frames *fr, int page, const struct pg_fig_out *o,
    double maxh, int dots)
{
	assert_true(o->placed > 0);
	assert_true(o->h > 0 && o->h <= maxh);
	if (o->clipped != 0)
		fail_msg("%zu boxes left out at the edge", o->clipped);
	check_page(fr, page, FX, FY, o->w, o->h, dots);
}

static void
swot_grid(void **state)
{
	const char *langs[2] = { "en", "zh-CN" };
	int k;

	(void)state;
	for (k = 0; k < 2; k++) {
		struct pg_plan *p = mkplan(langs[k], 1, 1);
		struct pg_fig_labels lb;
		struct pg_frames fr;
		struct pg_fig_out o, o2;
		double w = 450;

		pg_fig_labels_default(&lb, langs[k]);
		pg_frames_init(&fr, 595, 842);
		assert_int_equal(pg_frames_add_page(&fr), 0);
		assert_int_equal(lay(&fr, 0, PG_FIG_SWOT, p, &lb, langs[k], 0, w,
		    ROOMY, &o), 0);
		check_fig(&fr, 0, &o, ROOMY, 0);
		assert_true(o.want == o.h);
		assert_int_equal(o.placed, 1);
		assert_int_equal(o.unfit, 0);
		assert_true(has_text(&fr, 0, lb.swot[0]));
		assert_true(has_text(&fr, 0, lb.swot[3]));
		assert_true(has_text(&fr, 0, lb.none));	/* empty threats */
		assert_int_equal(count_text(&fr, 0, "•"), 5);
		assert_true(has_text(&fr, 0, "S1"));
		assert_true(has_text(&fr, 0, "O1"));
		/* a narrower grid is taller (text wraps) */
		assert_int_equal(lay(NULL, 0, PG_FIG_SWOT, p, &lb, langs[k], 0,
		    250, ROOMY, &o2), 0);
		assert_true(o2.want > o.h);
		/* exactly its height is enough */
		pg_fig_out_free(&o2);
		assert_int_equal(lay(NULL, 0, PG_FIG_SWOT, p, &lb, langs[k], 0,
		    w, o.h, &o2), 0);
		assert_int_equal(o2.placed, 1);
		assert_int_equal(o2.g.n, o.g.n);
		pg_fig_out_free(&o2);
		pg_fig_out_free(&o);
		pg_frames_free(&fr);
		pg_plan_free(p);
	}
}

/* An empty plan: every figure has nothing to draw. */
static void
swot_empty(void **state)
{
	struct pg_plan *p = pg_plan_new();
	struct pg_fig_labels lb;
	int kind;

	(void)state;
	pg_fig_labels_default(&lb, "en");
	for (kind = 0; kind < PG_FIG_NKINDS; kind++) {
		struct pg_fig_out o;
		assert_int_equal(lay(NULL, 0, (enum pg_fig_kind)kind, p, &lb, "en",
		    0, 400, ROOMY, &o), 0);
		assert_int_equal(o.placed, 0);
		assert_int_equal(o.unfit, 0);
		assert_int_equal(o.g.n, 0);
		assert_true(o.h == 0 && o.want == 0);
		pg_fig_out_free(&o);
	}
	pg_plan_free(p);
}

/* The figure table. */
static void
table(void **state)
{
	struct pg_plan *p = mkplan("en", 3, 3);
	struct pg_fig_labels lb;
	struct pg_fig_out o;
	int kind;

	(void)state;
	pg_fig_labels_default(&lb, "en");
	assert_string_equal(pg_fig_name(PG_FIG_SWOT), "swot");
	assert_string_equal(pg_fig_name(PG_FIG_BLUEPRINT), "blueprint");
	assert_null(pg_fig_name(PG_FIG_NKINDS));
	assert_true(pg_fig_splits(PG_FIG_TIMELINE));
	assert_true(pg_fig_splits(PG_FIG_BLUEPRINT));
	assert_false(pg_fig_splits(PG_FIG_SALES));
	assert_int_equal(lay(NULL, 0, PG_FIG_NKINDS, p, &lb, "en", 0, 400,
	    ROOMY, &o), -1);
	assert_int_equal(o.g.n, 0);
	for (kind = 0; kind < PG_FIG_NKINDS; kind++) {
		assert_non_null(pg_fig_name((enum pg_fig_kind)kind));
		/* a whole figure has nothing left once it is placed */
		if (pg_fig_splits((enum pg_fig_kind)kind))
			continue;
		assert_int_equal(lay(NULL, 0, (enum pg_fig_kind)kind, p, &lb,
		    "en", 1, 400, ROOMY, &o), 0);
		assert_int_equal(o.placed + o.unfit + o.g.n, 0);
		pg_fig_out_free(&o);
	}
	pg_plan_free(p);
}

static const struct pg_color BAR = { 0x2F, 0x5D, 0x8A };
static const struct pg_color BAR_PLAN = { 0xA9, 0xC3, 0xDD };

static void
sales_chart(void **state)
{
	const char *langs[2] = { "en", "zh-CN" };
	int k;

	(void)state;
	for (k = 0; k < 2; k++) {
		struct pg_plan *p = mkplan(langs[k], 1, 1);
		struct pg_fig_labels lb;
		struct pg_frames fr;
		struct pg_fig_out o;
		const struct pg_page *pg;
		double w = 450;
		size_t i, dashed = 0;

		pg_fig_labels_default(&lb, langs[k]);
		pg_frames_init(&fr, 595, 842);
		pg_frames_add_page(&fr);
		assert_int_equal(lay(&fr, 0, PG_FIG_SALES, p, &lb, langs[k], 0, w,
		    ROOMY, &o), 0);
		assert_true(o.h >= 170 && o.h <= 260);
		check_fig(&fr, 0, &o, ROOMY, 0);
		/* 3 actual bars (+1 legend swatch), 2 planned (+1 legend) */
		assert_int_equal(count_rects(&fr, 0, BAR), 3 + 1);
		assert_int_equal(count_rects(&fr, 0, BAR_PLAN), 2 + 1);
		pg = &fr.pages[0];
		for (i = 0; i < pg->n; i++)
			if (pg->boxes[i].kind == PG_BOX_RECT &&
			    (pg->boxes[i].flags & PG_BOXF_DASH))
				dashed++;
		assert_int_equal(dashed, 2);	/* planned bars outlined dashed */
		assert_true(has_text(&fr, 0, lb.plan));
		assert_true(has_text(&fr, 0, lb.actual));
		assert_true(has_text(&fr, 0, p->summary.sales_unit));
		assert_true(has_text(&fr, 0, "1,350.5"));	/* value labels */
		assert_true(has_text(&fr, 0, "2027"));
		assert_true(has_text(&fr, 0, "+12.5%"));	/* 1200 -> 1350.5 */
		assert_true(has_text(&fr, 0, "+20.0%"));	/* 1500 -> 1800 */
		pg_fig_out_free(&o);
		pg_frames_free(&fr);
		pg_plan_free(p);
	}
}

/* Each year label is centred under its bar, the first one too, at any
 * width (rounding must not push the first label to the left edge). */
static void
sales_labels_centred(void **state)
{
	struct pg_plan *p = mkplan("en", 1, 1);
	struct pg_fig_labels lb;
	double w;

	(void)state;
	pg_fig_labels_default(&lb, "en");
	for (w = 300; w <= 520; w += 0.7) {
		struct pg_frames fr;
		struct pg_fig_out o;
		const struct pg_page *pg;
		const struct pg_box *bar = NULL, *lab = NULL;
		size_t i;

		pg_frames_init(&fr, 595, 842);
		pg_frames_add_page(&fr);
		assert_int_equal(lay(&fr, 0, PG_FIG_SALES, p, &lb, "en", 0, w, 200,
		    &o), 0);
		assert_true(o.h <= 200);
		pg = &fr.pages[0];
		for (i = 0; i < pg->n; i++) {
			const struct pg_box *b = &pg->boxes[i];
			if (b->kind == PG_BOX_RECT && b->fill.r == BAR.r &&
			    b->fill.g == BAR.g && b->h > 20 &&
			    (bar == NULL || b->x < bar->x))
				bar = b;
			if (b->kind == PG_BOX_TEXT && b->len == 4 &&
			    memcmp(b->text, "2023", 4) == 0)
				lab = b;
		}
		assert_non_null(bar);
		assert_non_null(lab);
		if (fabs((bar->x + bar->w / 2) - (lab->x + lab->w / 2)) > 0.5)
			fail_msg("w %g: label at %g, bar at %g", w,
			    lab->x + lab->w / 2, bar->x + bar->w / 2);
		pg_fig_out_free(&o);
		pg_frames_free(&fr);
	}
	pg_plan_free(p);
}

/* A negative year: its bar hangs below zero with its label under it, and
 * the year labels stay. */
static void
sales_negative(void **state)
{
	struct pg_plan *p = mkplan("en", 1, 1);
	struct pg_fig_labels lb;
	struct pg_frames fr;
	struct pg_fig_out o;

	(void)state;
	p->summary.nyears = 3;
	p->summary.years[0].value = num(p, "100");
	p->summary.years[1].value = num(p, "-50");
	p->summary.years[2].value = num(p, "80");
	pg_fig_labels_default(&lb, "en");
	pg_frames_init(&fr, 595, 842);
	pg_frames_add_page(&fr);
	assert_int_equal(lay(&fr, 0, PG_FIG_SALES, p, &lb, "en", 0, 400, 200,
	    &o), 0);
	check_fig(&fr, 0, &o, 200, 0);
	assert_true(has_text(&fr, 0, "-50"));
	assert_true(has_text(&fr, 0, "2023"));
	assert_true(has_text(&fr, 0, "2024"));
	assert_true(has_text(&fr, 0, "2025"));
	assert_true(has_text(&fr, 0, "-150.0%"));
	assert_true(has_text(&fr, 0, "+260.0%"));
	pg_fig_out_free(&o);
	pg_frames_free(&fr);
	pg_plan_free(p);
}

/* Many years and odd values: labels never collide, nothing escapes. */
static void
sales_crowded(void **state)
{
	struct pg_plan *p = mkplan("en", 1, 1);
	struct pg_fig_labels lb;
	struct pg_frames fr;
	struct pg_fig_out o;
	char buf[32];
	size_t i, n = 60;

	(void)state;
	p->summary.nyears = n;
	p->summary.years = pg_alloc(p, n, sizeof(*p->summary.years));
	for (i = 0; i < n; i++) {
		snprintf(buf, sizeof(buf), "%zu", 1990 + i);
		p->summary.years[i].label = pg_strdup(p, buf);
		snprintf(buf, sizeof(buf), "%s%zu.25", i % 7 == 3 ? "-" : "",
		    i * 123457);
		p->summary.years[i].value = num(p, buf);
		p->summary.years[i].plan = i > 50;
	}
	pg_fig_labels_default(&lb, "en");
	pg_frames_init(&fr, 595, 842);
	pg_frames_add_page(&fr);
	assert_int_equal(lay(&fr, 0, PG_FIG_SALES, p, &lb, "en", 0, 300, 180,
	    &o), 0);
	check_fig(&fr, 0, &o, 180, 0);
	/* too many years for a label each: every kth year is labelled */
	assert_true(has_text(&fr, 0, "1990"));
	assert_true(count_text(&fr, 0, "20") >= 3);
	pg_fig_out_free(&o);
	pg_frames_free(&fr);
	pg_plan_free(p);
}

static void
budget_chart(void **state)
{
	const char *langs[2] = { "en", "zh-CN" };
	int k;

	(void)state;
	for (k = 0; k < 2; k++) {
		struct pg_plan *p = mkplan(langs[k], 1, 1);
		struct pg_fig_labels lb;
		struct pg_frames fr;
		struct pg_fig_out o;
		const struct pg_page *pg;
		double w = 450, prev = -1;
		size_t i, nbars = 0;
		const struct pg_color cont = { 0x9E, 0x9E, 0x9E };

		pg_fig_labels_default(&lb, langs[k]);
		pg_frames_init(&fr, 595, 842);
		pg_frames_add_page(&fr);
		assert_int_equal(lay(&fr, 0, PG_FIG_BUDGET, p, &lb, langs[k], 0, w,
		    ROOMY, &o), 0);
		check_fig(&fr, 0, &o, ROOMY, 0);
		assert_true(o.h == o.want);
		/* 4 categories (two advertising lines summed) + contingency */
		assert_int_equal(count_rects(&fr, 0, BAR), 4);
		assert_int_equal(count_rects(&fr, 0, cont), 1);
		assert_true(has_text(&fr, 0, "¥350,000"));	/* 250,000 + 100,000 */
		assert_true(has_text(&fr, 0, "¥1,999.50"));
		assert_true(has_text(&fr, 0, "¥20,000"));	/* contingency */
		assert_true(has_text(&fr, 0, lb.contingency));
		assert_true(has_text(&fr, 0, "¥491,999.50"));	/* total */
		/* sorted: bar lengths never grow downwards */
		pg = &fr.pages[0];
		for (i = 0; i < pg->n; i++) {
			const struct pg_box *b = &pg->boxes[i];
			if (b->kind == PG_BOX_RECT && b->fill.r == BAR.r &&
			    b->fill.g == BAR.g && b->h == 11.0) {
				if (prev >= 0)
					assert_true(b->w <= prev + 1e-9);
				prev = b->w;
				nbars++;
			}
		}
		assert_int_equal(nbars, 4);
		pg_fig_out_free(&o);
		/* a pt less than it wants: nothing, never a chart without its
		 * total line */
		assert_int_equal(lay(NULL, 0, PG_FIG_BUDGET, p, &lb, langs[k], 0,
		    w, o.want - 1, &o), 0);
		assert_int_equal(o.placed, 0);
		assert_int_equal(o.unfit, 1);
		assert_int_equal(o.g.n, 0);
		pg_fig_out_free(&o);
		pg_frames_free(&fr);
		pg_plan_free(p);
	}
}

/* More categories than the cap: the rest become one "other" bar. */
static void
budget_capped(void **state)
{
	struct pg_plan *p = mkplan("en", 1, 1);
	struct pg_fig_labels lb;
	struct pg_frames fr;
	struct pg_fig_out o;
	char buf[32];
	size_t i, n = 40;
	const struct pg_color other = { 0x7F, 0x9C, 0xB8 };

	(void)state;
	p->budget.nlines = n;
	p->budget.lines = pg_alloc(p, n, sizeof(*p->budget.lines));
	for (i = 0; i < n; i++) {
		snprintf(buf, sizeof(buf), "cat%02zu", i % 30);
		p->budget.lines[i].category = pg_strdup(p, buf);
		p->budget.lines[i].amount.minor = (int64_t)(i + 1) * 100;
	}
	p->budget.lines[0].amount.minor = INT64_MAX;	/* saturates, never wraps */
	pg_fig_labels_default(&lb, "en");
	pg_frames_init(&fr, 595, 842);
	pg_frames_add_page(&fr);
	assert_int_equal(lay(&fr, 0, PG_FIG_BUDGET, p, &lb, "en", 0, 400, ROOMY,
	    &o), 0);
	check_fig(&fr, 0, &o, ROOMY, 0);
	assert_int_equal(count_rects(&fr, 0, BAR), PG_FIG_BUDGET_MAX - 1);
	assert_int_equal(count_rects(&fr, 0, other), 1);
	assert_true(has_text(&fr, 0, "Other"));
	pg_fig_out_free(&o);
	pg_frames_free(&fr);
	pg_plan_free(p);
}

/* 3,000 actions in parts of a page: every action in exactly one part. */
static void
timeline_chunks(void **state)
{
	const char *langs[2] = { "en", "zh-CN" };
	int k;

	(void)state;
	for (k = 0; k < 2; k++) {
		size_t n = 3000, first, chunks = 0, rows = 0, rows0 = 0;
		struct pg_plan *p = mkplan(langs[k], n, 1);
		struct pg_fig_labels lb;
		struct pg_frames fr;
		struct pg_fig_out o;
		double w = 480, room = 700;

		pg_fig_labels_default(&lb, langs[k]);
		pg_frames_init(&fr, 595, 842);
		/* not even the header and a row: nothing, all unfit */
		assert_int_equal(lay(NULL, 0, PG_FIG_TIMELINE, p, &lb, langs[k],
		    0, w, 5, &o), 0);
		assert_int_equal(o.placed, 0);
		assert_int_equal(o.unfit, n);
		pg_fig_out_free(&o);
		for (first = 0; first < n; first += rows) {
			int page = pg_frames_add_page(&fr);
			assert_int_equal(lay(&fr, page, PG_FIG_TIMELINE, p, &lb,
			    langs[k], first, w, room, &o), 0);
			rows = o.placed;
			assert_true(rows > 0);
			assert_int_equal(o.unfit, n - first - rows);
			if (chunks == 0)
				rows0 = rows;
			if (chunks < 3 || first + rows == n)
				check_fig(&fr, page, &o, room, 0);
			pg_fig_out_free(&o);
			chunks++;
		}
		assert_true(chunks > 1);
		assert_int_equal(fr.npages, chunks);
		/* labels are wrapped, never cut with "…" (issue 9) */
		assert_int_equal(count_text(&fr, 0, "…"), 0);
		assert_true(rows0 > 0);
		assert_true(has_text(&fr, 0, "A1"));
		assert_true(has_text(&fr, 0, lb.months[0]));
		assert_true(has_text(&fr, 0, k ? "2026年" : "2026"));
		assert_true(has_text(&fr, (int)chunks - 1, "A3000"));
		/* nothing is left after the last action */
		assert_int_equal(lay(NULL, 0, PG_FIG_TIMELINE, p, &lb, langs[k],
		    n, w, room, &o), 0);
		assert_int_equal(o.placed + o.unfit, 0);
		pg_fig_out_free(&o);
		pg_frames_free(&fr);
		pg_plan_free(p);
	}
}

static void
timeline_bars(void **state)
{
	struct pg_plan *p = mkplan("en", 12, 1);
	struct pg_fig_labels lb;
	struct pg_frames fr;
	struct pg_fig_out o;
	const struct pg_page *pg;
	size_t i, bars = 0;
	double w = 480;

	(void)state;
	pg_fig_labels_default(&lb, "en");
	pg_frames_init(&fr, 595, 842);
	pg_frames_add_page(&fr);
	assert_int_equal(lay(&fr, 0, PG_FIG_TIMELINE, p, &lb, "en", 0, w, ROOMY,
	    &o), 0);
	assert_int_equal(o.placed, 12);
	assert_true(o.h == o.want);
	check_fig(&fr, 0, &o, ROOMY, 0);
	pg = &fr.pages[0];
	for (i = 0; i < pg->n; i++) {
		const struct pg_box *b = &pg->boxes[i];
		/* bars: filled rects in the time area, one row high (not
		 * the quarter bands, not the groups' 7×7 swatches) */
		if (b->kind == PG_BOX_RECT && (b->flags & PG_BOXF_FILL) &&
		    b->x > FX + 10 && b->w < w * 0.6 && b->h != 7.0 &&
		    b->h < 12)
			bars++;
	}
	assert_int_equal(bars, 12);
	/* the group column names every category used */
	for (i = 0; i < 12; i++)
		assert_true(has_text(&fr, 0, lb.categories[i]));
	for (i = 0; i < 12; i++)
		assert_true(has_text(&fr, 0, lb.months[i]));
	pg_fig_out_free(&o);
	pg_frames_free(&fr);
	pg_plan_free(p);
}

/* A part of at least in->min rows, unless all that are left fit. */
static void
timeline_min(void **state)
{
	struct pg_plan *p = mkplan("en", 12, 1);
	struct pg_fig_labels lb;
	struct pg_fig_out o;
	struct pg_fig_in in;
	double h2;

	(void)state;
	pg_fig_labels_default(&lb, "en");
	memset(&in, 0, sizeof(in));
	in.p = p;
	in.fs = &fonts;
	in.lb = &lb;
	in.lang = "en";
	in.first = 0;
	in.min = 0;
	/* the height of a two-row part */
	assert_int_equal(pg_fig_layout(PG_FIG_TIMELINE, &in, 480, ROOMY, &o), 0);
	pg_fig_out_free(&o);
	p->actions.n = 2;
	assert_int_equal(pg_fig_layout(PG_FIG_TIMELINE, &in, 480, ROOMY, &o), 0);
	h2 = o.want + 15;	/* room for the largest legend, not a row */
	pg_fig_out_free(&o);
	p->actions.n = 12;
	assert_int_equal(pg_fig_layout(PG_FIG_TIMELINE, &in, 480, h2, &o), 0);
	assert_int_equal(o.placed, 2);
	assert_int_equal(o.unfit, 10);
	pg_fig_out_free(&o);
	in.min = 3;
	assert_int_equal(pg_fig_layout(PG_FIG_TIMELINE, &in, 480, h2, &o), 0);
	assert_int_equal(o.placed, 0);
	assert_int_equal(o.unfit, 12);
	assert_int_equal(o.g.n, 0);
	pg_fig_out_free(&o);
	in.first = 10;	/* the last two: all that are left */
	assert_int_equal(pg_fig_layout(PG_FIG_TIMELINE, &in, 480, h2, &o), 0);
	assert_int_equal(o.placed, 2);
	assert_int_equal(o.unfit, 0);
	pg_fig_out_free(&o);
	pg_plan_free(p);
}

static void
posmap(void **state)
{
	const char *langs[2] = { "en", "zh-CN" };
	int k;

	(void)state;
	for (k = 0; k < 2; k++) {
		struct pg_plan *p = mkplan(langs[k], 1, 1);
		struct pg_fig_labels lb;
		struct pg_frames fr;
		struct pg_fig_out o;
		const struct pg_page *pg;
		double w = 450;
		size_t i, dots = 0, own = 0, arrows = 0;
		const struct pg_color comp = { 0x45, 0x6E, 0x96 };
		const struct pg_color ownc = { 0xD8, 0x43, 0x15 };

		pg_fig_labels_default(&lb, langs[k]);
		pg_frames_init(&fr, 595, 842);
		pg_frames_add_page(&fr);
		assert_int_equal(lay(&fr, 0, PG_FIG_POSMAP, p, &lb, langs[k], 0, w,
		    ROOMY, &o), 0);
		assert_true(o.h == o.want);
		check_fig(&fr, 0, &o, ROOMY, 1);
		pg = &fr.pages[0];
		for (i = 0; i < pg->n; i++) {
			const struct pg_box *b = &pg->boxes[i];
			if (b->kind == PG_BOX_RECT && b->w == 6.0 &&
			    b->fill.r == comp.r && b->fill.b == comp.b)
				dots++;
			if (b->kind == PG_BOX_RECT && b->w == 8.0 &&
			    ((b->flags & PG_BOXF_FILL) && b->fill.r == ownc.r))
				own++;
			if (b->kind == PG_BOX_LINE && b->color.r == ownc.r)
				arrows++;
		}
		assert_int_equal(dots, 4 + 1);	/* 4 competitors + legend */
		assert_int_equal(own, 1 + 1);	/* current + legend */
		assert_int_equal(arrows, 3);	/* shaft and two head strokes */
		assert_true(has_text(&fr, 0, k ? "竞争对手1号" : "Competitornumber1"));
		assert_true(has_text(&fr, 0, k ? "竞争对手3号" : "Competitornumber3"));
		assert_true(has_text(&fr, 0, k ? "某高端品牌" : "Luxe"));
		assert_true(has_text(&fr, 0, p->situation.posmap.x));
		assert_true(has_text(&fr, 0, p->situation.posmap.x_low));
		assert_true(has_text(&fr, 0, p->situation.posmap.y_high));
		assert_true(has_text(&fr, 0, lb.own_target));
		pg_fig_out_free(&o);
		/* less room: a smaller map, still inside */
		pg_frames_add_page(&fr);
		assert_int_equal(lay(&fr, 1, PG_FIG_POSMAP, p, &lb, langs[k], 0, w,
		    200, &o), 0);
		check_fig(&fr, 1, &o, 200, 1);
		pg_fig_out_free(&o);
		pg_frames_free(&fr);
		pg_plan_free(p);
	}
}

static void
blueprint(void **state)
{
	const char *langs[2] = { "en", "zh-CN" };
	int k;

	(void)state;
	for (k = 0; k < 2; k++) {
		size_t n = 11, first, chunk = 0, nch = 0;
		struct pg_plan *p = mkplan(langs[k], 1, n);
		struct pg_fig_labels lb;
		struct pg_frames fr;
		struct pg_fig_out o;
		double w = 480;

		pg_fig_labels_default(&lb, langs[k]);
		pg_frames_init(&fr, 595, 842);
		/* a narrow blueprint: one step a part */
		assert_int_equal(lay(NULL, 0, PG_FIG_BLUEPRINT, p, &lb, langs[k],
		    0, 100, ROOMY, &o), 0);
		assert_int_equal(o.placed, 1);
		assert_int_equal(o.unfit, n - 1);
		pg_fig_out_free(&o);
		for (first = 0; first < n; first += o.placed) {
			int page = pg_frames_add_page(&fr);
			const struct pg_page *pg;
			size_t i, dashed = 0;
			assert_int_equal(lay(&fr, page, PG_FIG_BLUEPRINT, p, &lb,
			    langs[k], first, w, 700, &o), 0);
			if (first == 0)
				chunk = o.placed;
			assert_true(chunk >= 2 && chunk <= 6);
			assert_true(o.placed == chunk || first + o.placed == n);
			assert_int_equal(o.unfit, n - first - o.placed);
			check_fig(&fr, page, &o, 700, 0);
			pg = &fr.pages[page];
			for (i = 0; i < pg->n; i++)
				if (pg->boxes[i].kind == PG_BOX_LINE &&
				    (pg->boxes[i].flags & PG_BOXF_DASH))
					dashed++;
			assert_int_equal(dashed, 2);
			assert_true(has_text(&fr, page, k ? "互动分界线" : "Lineofinteraction"));
			assert_true(has_text(&fr, page, k ? "可视分界线" : "Lineofvisibility"));
			nch++;
			pg_fig_out_free(&o);
			o.placed = chunk;
		}
		assert_int_equal(nch, (n + chunk - 1) / chunk);
		/* steps are numbered across parts; fail points have a badge */
		assert_true(has_text(&fr, 0, k ? "1步骤1" : "1Step1"));
		assert_true(has_text(&fr, 1, k ? "步骤" : "Step"));
		assert_true(has_text(&fr, 0, "F"));
		assert_true(has_text(&fr, 0, lb.recovery));
		assert_true(has_text(&fr, 0, lb.fail_point));
		pg_frames_free(&fr);
		pg_plan_free(p);
	}
}


/* Chinese cells wrap by pg_break's rules: in a narrow grid, no line
 * starts with closing punctuation and none ends with an opening mark. */
static void
swot_zh_wrap(void **state)
{
	static const char *no_start[] = { "，", "。", "、", "）", "”", "：", "%", NULL };
	static const char *no_end[] = { "“", "（", NULL };
	struct pg_plan *p = mkplan("zh-CN", 1, 1);
	struct pg_fig_labels lb;
	struct pg_frames fr;
	struct pg_fig_out o;
	const struct pg_page *pg;
	double w = 190;
	size_t i, j, k, starts = 0;

	(void)state;
	pg_fig_labels_default(&lb, "zh-CN");
	pg_frames_init(&fr, 595, 842);
	pg_frames_add_page(&fr);
	assert_int_equal(lay(&fr, 0, PG_FIG_SWOT, p, &lb, "zh-CN", 0, w, ROOMY,
	    &o), 0);
	check_fig(&fr, 0, &o, ROOMY, 0);
	pg = &fr.pages[0];
	for (i = 0; i < pg->n; i++) {
		const struct pg_box *b = &pg->boxes[i];
		int start = 1, end = 1;
		if (b->kind != PG_BOX_TEXT)
			continue;
		for (j = 0; j < pg->n; j++) {
			const struct pg_box *c = &pg->boxes[j];
			if (j == i || c->kind != PG_BOX_TEXT || c->y != b->y)
				continue;
			if (c->x + c->w <= b->x + 0.01 && c->x + c->w > b->x - 4)
				start = 0;
			if (c->x >= b->x + b->w - 0.01 && c->x < b->x + b->w + 4)
				end = 0;
		}
		for (k = 0; start && no_start[k] != NULL; k++)
			if (b->len >= strlen(no_start[k]) &&
			    memcmp(b->text, no_start[k], strlen(no_start[k])) == 0)
				fail_msg("line starts with %s: %.*s", no_start[k],
				    (int)b->len, b->text);
		for (k = 0; end && no_end[k] != NULL; k++)
			if (b->len >= strlen(no_end[k]) &&
			    memcmp(b->text + b->len - strlen(no_end[k]), no_end[k],
			    strlen(no_end[k])) == 0)
				fail_msg("line ends with %s: %.*s", no_end[k],
				    (int)b->len, b->text);
		starts += start;
	}
	assert_true(starts > 10);	/* it did wrap */
	pg_fig_out_free(&o);
	pg_frames_free(&fr);
	pg_plan_free(p);
}

/*
 * Offered too little height, every figure says so (unfit > 0) and places
 * nothing, rather than drawing outside its box or dropping parts of itself
 * silently; a split figure places what fits and counts the rest.
 */
static void
too_small(void **state)
{
	struct pg_plan *p = mkplan("en", 40, 5);
	struct pg_fig_labels lb;
	struct pg_fig_out o;
	struct pg_frames fr;
	int kind;

	(void)state;
	pg_fig_labels_default(&lb, "en");
	for (kind = 0; kind < PG_FIG_NKINDS; kind++) {
		double maxh;
		for (maxh = 0; maxh <= 40; maxh += 20) {
			assert_int_equal(lay(NULL, 0, (enum pg_fig_kind)kind, p, &lb,
			    "en", 0, 400, maxh, &o), 0);
			if (o.placed != 0 || o.unfit == 0)
				fail_msg("%s at %g pt: placed %zu, unfit %zu",
				    pg_fig_name((enum pg_fig_kind)kind), maxh,
				    o.placed, o.unfit);
			assert_int_equal(o.g.n, 0);
			assert_true(o.h == 0);
			assert_true(o.want > maxh);
			pg_fig_out_free(&o);
		}
	}
	/* part of a timeline: the rows that fit, inside, the rest unfit */
	pg_frames_init(&fr, 595, 842);
	pg_frames_add_page(&fr);
	assert_int_equal(lay(&fr, 0, PG_FIG_TIMELINE, p, &lb, "en", 5, 400, 150,
	    &o), 0);
	assert_true(o.placed > 0 && o.placed < 35);
	assert_int_equal(o.placed + o.unfit, 35);
	check_fig(&fr, 0, &o, 150, 0);
	{	/* item 5 of the timeline's order (actions by category) */
		size_t *ord, nord;
		char id[16];
		assert_int_equal(pg_fig_timeline_order(p, &ord, &nord), 0);
		assert_int_equal(nord, 40);
		snprintf(id, sizeof(id), "A%zu", ord[5] + 1);
		assert_true(has_text(&fr, 0, id));
		free(ord);
	}
	pg_fig_out_free(&o);
	pg_frames_free(&fr);
	/* a blueprint part taller than the room: nothing of it */
	assert_int_equal(lay(NULL, 0, PG_FIG_BLUEPRINT, p, &lb, "en", 0, 400, 120,
	    &o), 0);
	assert_int_equal(o.placed, 0);
	assert_int_equal(o.unfit, 5);
	assert_int_equal(o.g.n, 0);
	pg_fig_out_free(&o);
	pg_plan_free(p);
}

/* A group's boxes keep copies of their text and land where placed. */
static void
group_place(void **state)
{
	struct pg_group g;
	struct pg_frames fr;
	struct pg_box b;
	char text[8] = "abc";

	(void)state;
	memset(&g, 0, sizeof(g));
	memset(&b, 0, sizeof(b));
	b.kind = PG_BOX_TEXT;
	b.x = 1;
	b.y = 2;
	b.text = text;
	b.len = 3;
	assert_non_null(pg_group_add(&g, &b));
	b = pg_box_line(0, 0, 10, 5, BAR, 1, 0);
	assert_non_null(pg_group_add(&g, &b));
	strcpy(text, "xyz");
	pg_frames_init(&fr, 595, 842);
	pg_frames_add_page(&fr);
	assert_int_equal(pg_group_place(&g, &fr, 0, 100, 200), 0);
	assert_int_equal(fr.pages[0].n, 2);
	assert_true(fr.pages[0].boxes[0].x == 101 && fr.pages[0].boxes[0].y == 202);
	assert_memory_equal(fr.pages[0].boxes[0].text, "abc", 3);
	assert_true(fr.pages[0].boxes[1].w == 10 && fr.pages[0].boxes[1].h == 5);
	assert_true(fr.pages[0].boxes[1].x == 100 && fr.pages[0].boxes[1].y == 200);
	assert_int_equal(pg_group_place(&g, &fr, 5, 0, 0), -1);	/* no page 5 */
	pg_group_free(&g);
	assert_int_equal(g.n, 0);
	pg_frames_free(&fr);
}

/* Edge and hostile data: extreme numbers, a 9999-year period, thousands
 * of positions on one spot, unbreakable words, missing strings.  Every
 * figure still draws inside its rectangle without overlapping text. */
static void
hostile(void **state)
{
	struct pg_plan *p = mkplan("en", 200, 3);
	struct pg_fig_labels lb;
	struct pg_frames fr;
	struct pg_fig_out o;
	char *big = NULL;
	size_t i, n = 2000;
	double w = 400;
	int page;

	(void)state;
	pg_fig_labels_default(&lb, "en");
	big = pg_alloc(p, 10001, 1);
	memset(big, '9', 10000);
	p->summary.years[0].value.v = DBL_MAX;
	p->summary.years[0].value.text = big;
	p->summary.years[1].value.v = -DBL_MAX;
	p->summary.years[2].value.v = 0;
	p->summary.years[3].label = NULL;
	p->meta.period_start = date(1, 1, 1);
	p->meta.period_end = date(9999, 12, 31);
	p->actions.v[0].start = date(1, 1, 1);
	p->actions.v[0].end = date(9999, 12, 31);
	p->actions.v[1].start = date(2026, 5, 1);
	p->actions.v[1].end = date(2026, 4, 1);	/* ends before it starts */
	p->actions.v[2].start.y = 0;		/* absent dates */
	p->actions.v[3].id = NULL;
	p->actions.v[3].title.s = big;
	p->swot.items[0].text = NULL;
	p->swot.items[1].id = NULL;
	p->swot.items[2].text = big;
	p->budget.contingency.minor = -5000;
	p->budget.lines[0].amount.minor = INT64_MAX;
	p->budget.lines[1].category = big;
	p->situation.posmap.npositions = n;
	p->situation.posmap.positions = pg_alloc(p, n, sizeof(struct pg_position));
	for (i = 0; i < n; i++) {
		struct pg_position *ps = &p->situation.posmap.positions[i];
		ps->x.v = i % 3 == 0 ? 50 : i % 3 == 1 ? -1e9 : 1e9;
		ps->y.v = 50;
		ps->competitor = i % 11 == 5 ? NULL : "nobody";	/* NULL: no name */
		ps->own = i == 7 ? PG_OWN_CURRENT : i == 9 ? PG_OWN_TARGET :
		    PG_OWN_NONE;
	}
	p->situation.posmap.x_low = big;
	p->situation.posmap.x = "An axis name so long that it cannot fit on two lines of half the plot";
	p->situation.posmap.y = big;
	p->summary.sales_unit = big;
	p->strategy.blueprint.steps[0].name = big;
	p->strategy.blueprint.steps[1].customer.s = NULL;
	p->strategy.blueprint.steps[2].fail_point.line = 9;
	p->strategy.blueprint.steps[2].fail_point.text = big;

	pg_frames_init(&fr, 595, 842);
#define ONE(kind, first) do { \
	page = pg_frames_add_page(&fr); \
	assert_int_equal(lay(&fr, page, (kind), p, &lb, "en", (first), w, \
	    1e5, &o), 0); \
	check_fig(&fr, page, &o, 1e5, 0); \
	pg_fig_out_free(&o); \
} while (0)
	ONE(PG_FIG_SWOT, 0);
	ONE(PG_FIG_SALES, 0);
	assert_true(has_text(&fr, page, "9999…"));	/* the unit, cut */
	ONE(PG_FIG_BUDGET, 0);
	ONE(PG_FIG_TIMELINE, 0);
	assert_true(has_text(&fr, page, "5000"));	/* a year label */
	ONE(PG_FIG_POSMAP, 0);
	/* axis names have a line of the figure's width of their own: a
	 * long one whole, a huge one (and a huge end label) cut with "…",
	 * never left out */
	assert_true(has_text(&fr, page, "An axis name"));
	assert_true(has_text(&fr, page, "half the plot"));
	assert_true(count_text(&fr, page, "…") >= 2);
	ONE(PG_FIG_BLUEPRINT, 0);
	/* an invalid period: the axis spans the part's own dates */
	p->meta.period_end = date(2000, 1, 1);
	ONE(PG_FIG_TIMELINE, 1);
	/* too small a rectangle: nothing placed, all of it reported unfit */
	assert_int_equal(lay(NULL, 0, PG_FIG_BLUEPRINT, p, &lb, "en", 0, w, 40,
	    &o), 0);
	assert_int_equal(o.placed, 0);
	assert_int_equal(o.unfit, 3);
	assert_int_equal(o.g.n, 0);
	pg_fig_out_free(&o);
#undef ONE
	pg_frames_free(&fr);
	pg_plan_free(p);
}

/*
 * The version 2 figures: the journey map and the SERVQUAL chart keep the
 * guarantees (inside, >= 7 pt, no text over text or over the curve's
 * points), show every text whole, and place nothing when they cannot
 * fit: a journey too narrow for its stages, or either one too low.
 */
static void
seed_figures(void **state)
{
	const char *langs[2] = { "en", "zh-CN" };
	int k, kind;

	(void)state;
	for (k = 0; k < 2; k++) {
		struct pg_plan *p = mkplan(langs[k], 1, 1);
		struct pg_fig_labels lb;

		pg_fig_labels_default(&lb, langs[k]);
		for (kind = PG_FIG_JOURNEY; kind <= PG_FIG_SERVQUAL; kind++) {
			struct pg_frames fr;
			struct pg_fig_out o;

			pg_frames_init(&fr, 595, 842);
			pg_frames_add_page(&fr);
			assert_int_equal(lay(&fr, 0, (enum pg_fig_kind)kind, p, &lb,
			    langs[k], 0, 450, ROOMY, &o), 0);
			assert_int_equal(o.placed, 1);
			check_fig(&fr, 0, &o, ROOMY, kind == PG_FIG_JOURNEY);
			assert_true(o.h == o.want);
			if (kind == PG_FIG_JOURNEY) {
				assert_true(has_text(&fr, 0, p->situation.journeys[0].stages[3].name));
				assert_true(has_text(&fr, 0, "P1"));
			} else {
				assert_true(has_text(&fr, 0, lb.servqual[0]));
				assert_true(has_text(&fr, 0, "-1.3"));	/* 5.2 - 6.5 */
				assert_true(has_text(&fr, 0, "+0.1"));
				/* empathy (perceived only) and tangibles
				 * (expected only) have bars but no gap */
				assert_true(has_text(&fr, 0, lb.servqual[3]));
			}
			pg_fig_out_free(&o);
			/* a point less than it wants: nothing */
			assert_int_equal(lay(NULL, 0, (enum pg_fig_kind)kind, p, &lb,
			    langs[k], 0, 450, o.want - 1, &o), 0);
			assert_int_equal(o.placed, 0);
			assert_int_equal(o.unfit, 1);
			assert_int_equal(o.g.n, 0);
			pg_fig_out_free(&o);
			pg_frames_free(&fr);
		}
		/* five stages in 250 pt: columns too narrow, a table instead */
		{
			struct pg_fig_out o;
			assert_int_equal(lay(NULL, 0, PG_FIG_JOURNEY, p, &lb, langs[k],
			    0, 250, ROOMY, &o), 0);
			assert_int_equal(o.placed, 0);
			assert_int_equal(o.unfit, 1);
			pg_fig_out_free(&o);
		}
		pg_plan_free(p);
	}
}

/*
 * Every allocation of every figure (and of placing it) fails in turn: the
 * layout returns -1 with nothing in its group (or 0 if it did not need
 * that allocation), never crashes, and (under --enable-sanitizers) leaks
 * nothing.
 */
static void
oom(void **state)
{
	struct pg_plan *p = mkplan("zh-CN", 30, 5);
	struct pg_fig_labels lb;
	static const double maxh[PG_FIG_NKINDS] = { 300, 200, 200, 600, 350, 600,
		600, 300, 300, 300, 300 };
	int kind;

	(void)state;
	pg_fig_labels_default(&lb, "zh-CN");
	for (kind = 0; kind < PG_FIG_NKINDS; kind++) {
		long k;
		for (k = 0; k < 100000; k++) {
			struct pg_frames fr;
			struct pg_fig_out o;
			int rc, page;

			pg_frames_init(&fr, 595, 842);
			page = pg_frames_add_page(&fr);
			nalloc = 0;
			fail_at = k;
			rc = lay(&fr, page, (enum pg_fig_kind)kind, p, &lb, "zh-CN",
			    0, 400, maxh[kind], &o);
			fail_at = -1;
			assert_true(rc == 0 || rc == -1);
			if (rc == -1 && !(o.placed > 0))
				assert_int_equal(o.g.n, 0);
			pg_fig_out_free(&o);
			pg_frames_free(&fr);
			if (nalloc <= k) {
				/* nothing failed: the run must have succeeded */
				assert_int_equal(rc, 0);
				break;
			}
		}
		assert_true(k > 0 && k < 100000);
	}
	pg_plan_free(p);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(money_format),
		cmocka_unit_test(labels_default),
		cmocka_unit_test(table),
		cmocka_unit_test(group_place),
		cmocka_unit_test(swot_grid),
		cmocka_unit_test(swot_empty),
		cmocka_unit_test(swot_zh_wrap),
		cmocka_unit_test(sales_chart),
		cmocka_unit_test(sales_crowded),
		cmocka_unit_test(sales_negative),
		cmocka_unit_test(sales_labels_centred),
		cmocka_unit_test(budget_chart),
		cmocka_unit_test(budget_capped),
		cmocka_unit_test(timeline_chunks),
		cmocka_unit_test(timeline_bars),
		cmocka_unit_test(timeline_min),
		cmocka_unit_test(posmap),
		cmocka_unit_test(blueprint),
		cmocka_unit_test(seed_figures),
		cmocka_unit_test(too_small),
		cmocka_unit_test(hostile),
		cmocka_unit_test(oom),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
