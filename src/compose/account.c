/*
 * account.c — the accounting of the plan's texts: every text of the model
 * is registered before the layout, every composer that puts one on a page
 * (a table that was laid out, a paragraph, a figure that drew it whole)
 * marks it placed, a text shown only in a summary by design is marked
 * summarised with the reason, and at the end every text is one of placed,
 * summarised or lost.  See compose_int.h and render.h (struct
 * pg_render_acct).
 *
 * Texts are known by their address in the model (the model owns them and
 * outlives the render): a composer marks the pointer it was given, never
 * a formatted copy.  Marking a placed text also checks it against the
 * fonts with its source line (missing-glyph), so text drawn inside a
 * figure is checked like any other.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "compose/compose_int.h"

struct cp_acct_ent {
	const char	*s;		/* NULL: an empty slot */
	const char	*what;		/* element or attribute, e.g. "action/title" */
	const char	*why;		/* summarised: the reason */
	unsigned long	 line;
	int		 state;		/* PG_ACCT_* */
};

static size_t
slot(const struct rs *r, const char *s)
{
	uintptr_t h = (uintptr_t)s;

	h ^= h >> 17;
	h *= (uintptr_t)0x9E3779B97F4A7C15ull;
	h ^= h >> 29;
	return (size_t)h & (r->acct_cap - 1);
}

static struct cp_acct_ent *
find(const struct rs *r, const char *s)
{
	size_t i;

	if (r->acct_cap == 0 || s == NULL)
		return NULL;
	for (i = slot(r, s); r->acct[i].s != NULL; i = (i + 1) & (r->acct_cap - 1))
		if (r->acct[i].s == s)
			return &r->acct[i];
	return NULL;
}

/* Register text s of element `what` at line (blank texts are not texts). */
static void
add(struct rs *r, const char *s, const char *what, unsigned long line)
{
	const char *p;
	size_t i;

	if (s == NULL || r->acct == NULL)
		return;
	for (p = s; *p == ' ' || *p == '\t' || *p == '\n' || *p == '\r'; p++)
		;
	if (*p == '\0')
		return;
	for (i = slot(r, s); r->acct[i].s != NULL; i = (i + 1) & (r->acct_cap - 1))
		if (r->acct[i].s == s)
			return;		/* one string shared by two elements */
	r->acct[i].s = s;
	r->acct[i].what = what;
	r->acct[i].line = line;
	r->acct_n++;
}

struct addctx {
	struct rs	*r;
	const char	*what;
};

static void
add_para(void *arg, const struct pg_para *pa)
{
	struct addctx	*a = arg;
	size_t		 k;

	for (k = 0; k < pa->nruns; k++)
		add(a->r, pa->runs[k].text, a->what, pa->line);
}

static void
add_caption(void *arg, const struct pg_text *t, const struct pg_block *b)
{
	struct addctx *a = arg;

	(void)b;
	add(a->r, t->s, "caption", t->line);
}

/* Every paragraph of pr (list items and table cells too) and its captions. */
static void
add_prose(struct rs *r, const struct pg_prose *pr, const char *what)
{
	struct addctx a = { r, what };

	pg_prose_paras(pr, add_para, &a);
	pg_prose_captions(pr, add_caption, &a);
}

static void
add_text(struct rs *r, const struct pg_text *t, const char *what)
{
	add(r, t->s, what, t->line);
}

/* An upper bound of the texts of the version 2 seed models. */
static size_t
count_seed(const struct pg_plan *p)
{
	const struct pg_situation *s = &p->situation;
	const struct pg_strategy *st = &p->strategy;
	size_t i, j, n = 0;

	for (i = 0; i < s->nposmaps; i++)
		n += 8 + s->posmaps[i].npositions;
	for (i = 0; i < s->njourneys; i++) {
		n += 1;
		for (j = 0; j < s->journeys[i].nstages; j++) {
			const struct pg_stage *g = &s->journeys[i].stages[j];
			n += 2 + g->ntouchpoints + 2 * g->npains + g->nopportunities;
		}
	}
	n += 3 * st->nfab + st->ndimensions;
	for (i = 0; i < st->nblueprints; i++)
		n += 1 + 8 * st->blueprints[i].nsteps;
	n += p->actions.n + p->controls.nrisks;
	return n;
}

/* An upper bound of the texts of the plan (the table's size). */
static size_t
count_upper(const struct pg_plan *p)
{
	size_t n = 64, i;

	n += p->summary.nkey_points + p->summary.nyears;
	n += 2 * p->situation.nfacts + 2 * p->situation.nsegments +
	    2 * p->situation.ncompetitors + p->situation.posmap.npositions;
	n += 2 * p->swot.nitems + 4 * p->goals.n;
	n += 8 * p->strategy.blueprint.nsteps + p->strategy.ndimensions;
	n += 4 * p->actions.n + 3 * p->budget.nlines;
	n += 4 * p->controls.nkpis + p->controls.nmilestones +
	    2 * p->controls.nreviews + 2 * p->controls.nrisks;
	n += count_seed(p);
	for (i = 0; i < p->controls.nkpis; i++)	/* v2: remarks on actuals */
		n += p->controls.kpis[i].nactuals;
	for (i = 0; i < p->goals.n; i++) {
		size_t j;
		for (j = 0; j < p->goals.v[i].nmetrics; j++)
			n += p->goals.v[i].metrics[j].nactuals;
	}
	return n;
}

static void
count_para(void *arg, const struct pg_para *pa)
{
	*(size_t *)arg += pa->nruns;
}

static void
count_caption(void *arg, const struct pg_text *t, const struct pg_block *b)
{
	(void)t;
	(void)b;
	(*(size_t *)arg)++;
}

static void
count_field(void *arg, const struct pg_prose *pr, const char *what)
{
	(void)what;
	pg_prose_paras(pr, count_para, arg);
	pg_prose_captions(pr, count_caption, arg);
}

/* The runs and captions of every prose field of the plan (the table's
 * size), version 2 fields and appendix included. */
static size_t
count_prose(const struct pg_plan *p)
{
	size_t n = 2 * p->appendix.n;

	pg_plan_each_prose(p, count_field, &n);
	return n;
}

static void
add_summary_situation(struct rs *r, const struct pg_plan *p)
{
	const struct pg_summary *sm = &p->summary;
	const struct pg_situation *s = &p->situation;
	const struct pg_posmap *m = &s->posmap;
	size_t i;

	for (i = 0; i < sm->nkey_points; i++)
		add_text(r, &sm->key_points[i], "key-points/point");
	add_prose(r, &sm->overview, "overview");
	add_prose(r, &sm->market_definition, "market-definition");
	add(r, sm->sales_unit, "sales/@unit", sm->sales_line);
	for (i = 0; i < sm->nyears; i++)
		add(r, sm->years[i].label, "year/@label", sm->years[i].line);
	add_prose(r, &s->market, "market");
	for (i = 0; i < s->nfacts; i++) {
		add(r, s->facts[i].label, "fact/@label", s->facts[i].line);
		add(r, s->facts[i].value, "fact", s->facts[i].line);
	}
	for (i = 0; i < s->nsegments; i++) {
		add(r, s->segments[i].name, "segment/@name", s->segments[i].line);
		add(r, s->segments[i].id, "segment/@id", s->segments[i].line);
		add_prose(r, &s->segments[i].text, "segment");
	}
	for (i = 0; i < s->ncompetitors; i++) {
		add(r, s->competitors[i].name, "competitor/@name",
		    s->competitors[i].line);
		add(r, s->competitors[i].id, "competitor/@id",
		    s->competitors[i].line);
		add_prose(r, &s->competitors[i].text, "competitor");
	}
	add_prose(r, &s->performance, "performance");
	add_prose(r, &s->events, "events");
	if (m->line != 0) {
		add(r, m->x, "positioning-map/@x", m->line);
		add(r, m->y, "positioning-map/@y", m->line);
		add(r, m->x_low, "positioning-map/@x-low", m->line);
		add(r, m->x_high, "positioning-map/@x-high", m->line);
		add(r, m->y_low, "positioning-map/@y-low", m->line);
		add(r, m->y_high, "positioning-map/@y-high", m->line);
		for (i = 0; i < m->npositions; i++)
			add(r, m->positions[i].label, "position/@label",
			    m->positions[i].line);
	}
}

static void
add_goals_strategy(struct rs *r, const struct pg_plan *p)
{
	const struct pg_strategy *st = &p->strategy;
	size_t i, j;

	for (i = 0; i < p->swot.nitems; i++) {
		add(r, p->swot.items[i].id, "swot item/@id", p->swot.items[i].line);
		add(r, p->swot.items[i].text, "swot item", p->swot.items[i].line);
	}
	for (i = 0; i < p->goals.n; i++) {
		const struct pg_goal *g = &p->goals.v[i];
		add(r, g->id, "goal/@id", g->line);
		add(r, g->owner, "goal/@owner", g->line);
		add_text(r, &g->statement, "goal/statement");
		for (j = 0; j < g->nmetrics; j++) {
			const struct pg_metric *m = &g->metrics[j];
			size_t k;
			add(r, m->name, "metric/@name", m->line);
			add(r, m->unit, "metric/@unit", m->line);
			for (k = 0; k < m->nactuals; k++)	/* progress.c */
				add(r, m->actuals[k].text, "metric/actual",
				    m->actuals[k].line);
		}
		add_prose(r, &g->note, "goal/note");
	}
	add_prose(r, &st->positioning, "positioning");
	add_prose(r, &st->target_customers, "target-customers");
	add_prose(r, &st->target_competitors, "target-competitors");
	add_prose(r, &st->core, "core");
	for (i = 0; i < PG_MIX_N; i++)
		add_prose(r, &st->mix[i], "mix");
	for (i = 0; i < st->ndimensions; i++)
		add_prose(r, &st->dimensions[i].text, "dimension");
	if (st->blueprint.line != 0)
		add(r, st->blueprint.service, "blueprint/@service",
		    st->blueprint.line);
	for (i = 0; i < st->blueprint.nsteps; i++) {
		const struct pg_step *s = &st->blueprint.steps[i];
		add(r, s->name, "step/@name", s->line);
		add_text(r, &s->evidence, "step/evidence");
		add_text(r, &s->customer, "step/customer");
		add_text(r, &s->frontstage, "step/frontstage");
		add_text(r, &s->backstage, "step/backstage");
		add_text(r, &s->support, "step/support");
		if (s->fail_point.line != 0) {
			add(r, s->fail_point.text, "fail-point",
			    s->fail_point.line);
			add_text(r, &s->fail_point.recovery, "recovery");
		}
	}
}

/* The texts of the version 2 seed models (the first map and blueprint are
 * registered with version 1's). */
static void
add_seed(struct rs *r, const struct pg_plan *p)
{
	const struct pg_situation *s = &p->situation;
	const struct pg_strategy *st = &p->strategy;
	size_t i, j, k;

	for (i = 0; i < s->nposmaps; i++) {
		const struct pg_posmap *m = &s->posmaps[i];
		add_text(r, &m->caption, "positioning-map/caption");
		if (i == 0)
			continue;
		add(r, m->x, "positioning-map/@x", m->line);
		add(r, m->y, "positioning-map/@y", m->line);
		add(r, m->x_low, "positioning-map/@x-low", m->line);
		add(r, m->x_high, "positioning-map/@x-high", m->line);
		add(r, m->y_low, "positioning-map/@y-low", m->line);
		add(r, m->y_high, "positioning-map/@y-high", m->line);
		for (j = 0; j < m->npositions; j++)
			add(r, m->positions[j].label, "position/@label",
			    m->positions[j].line);
	}
	for (i = 0; i < s->njourneys; i++) {
		const struct pg_journey *jr = &s->journeys[i];
		add(r, jr->persona, "journey/@persona", jr->line);
		for (j = 0; j < jr->nstages; j++) {
			const struct pg_stage *g = &jr->stages[j];
			add(r, g->name, "stage/@name", g->line);
			for (k = 0; k < g->ntouchpoints; k++)
				add_text(r, &g->touchpoints[k], "touchpoint");
			add_text(r, &g->feeling, "feeling");
			for (k = 0; k < g->npains; k++) {
				add(r, g->pains[k].text, "pain", g->pains[k].line);
				add(r, g->pains[k].id, "pain/@id", g->pains[k].line);
			}
			for (k = 0; k < g->nopportunities; k++)
				add_text(r, &g->opportunities[k], "stage/opportunity");
		}
	}
	for (i = 0; i < st->nfab; i++) {
		add_text(r, &st->fab[i].feature, "fab/row/feature");
		add_text(r, &st->fab[i].advantage, "fab/row/advantage");
		add_text(r, &st->fab[i].benefit, "fab/row/benefit");
	}
	for (i = 0; i < st->ndimensions; i++)
		add(r, st->dimensions[i].id, "dimension/@id", st->dimensions[i].line);
	for (i = 1; i < st->nblueprints; i++) {
		const struct pg_blueprint *b = &st->blueprints[i];
		add(r, b->service, "blueprint/@service", b->line);
		for (j = 0; j < b->nsteps; j++) {
			const struct pg_step *g = &b->steps[j];
			add(r, g->name, "step/@name", g->line);
			add_text(r, &g->evidence, "step/evidence");
			add_text(r, &g->customer, "step/customer");
			add_text(r, &g->frontstage, "step/frontstage");
			add_text(r, &g->backstage, "step/backstage");
			add_text(r, &g->support, "step/support");
			if (g->fail_point.line != 0) {
				add(r, g->fail_point.text, "fail-point",
				    g->fail_point.line);
				add_text(r, &g->fail_point.recovery, "recovery");
			}
		}
	}
	for (i = 0; i < p->actions.n; i++)
		add_text(r, &p->actions.v[i].quality, "action/quality");
	for (i = 0; i < p->controls.nrisks; i++)
		add(r, p->controls.risks[i].owner, "risk/@owner",
		    p->controls.risks[i].line);
}

static void
add_plan(struct rs *r, const struct pg_plan *p)
{
	const struct pg_controls *c = &p->controls;
	size_t i, j;

	add_text(r, &p->meta.title, "title");
	add_text(r, &p->meta.subtitle, "subtitle");
	add_text(r, &p->meta.organization, "organization");
	add_text(r, &p->meta.author, "author");
	add_summary_situation(r, p);
	add_goals_strategy(r, p);
	add_seed(r, p);
	for (i = 0; i < p->actions.n; i++) {
		const struct pg_action *a = &p->actions.v[i];
		add(r, a->id, "action/@id", a->line);
		add(r, a->owner, "action/@owner", a->line);
		add_text(r, &a->title, "action/title");
		add_prose(r, &a->description, "action/description");
		add_text(r, &a->measure, "action/measure");
		add_prose(r, &a->note, "action/note");
	}
	for (i = 0; i < p->budget.nlines; i++) {
		const struct pg_budget_line *l = &p->budget.lines[i];
		add(r, l->category, "line/@category", l->line);
		add(r, l->text, "budget line", l->line);
		add(r, l->action, "line/@action", l->line);
		add_prose(r, &l->note, "line/note");
	}
	if (p->budget.contingency_line != 0)
		add(r, p->budget.contingency_text, "contingency",
		    p->budget.contingency_line);
	if (c->line == 0)
		return;
	for (i = 0; i < c->nkpis; i++) {
		add(r, c->kpis[i].text, "kpi", c->kpis[i].line);
		add(r, c->kpis[i].goal, "kpi/@goal", c->kpis[i].line);
		add(r, c->kpis[i].owner, "kpi/@owner", c->kpis[i].line);
		add(r, c->kpis[i].target, "kpi/@target", c->kpis[i].line);
		for (j = 0; j < c->kpis[i].nactuals; j++)	/* progress.c */
			add(r, c->kpis[i].actuals[j].text, "kpi/actual",
			    c->kpis[i].actuals[j].line);
		add_prose(r, &c->kpis[i].note, "kpi/note");
	}
	for (i = 0; i < c->nmilestones; i++)
		add(r, c->milestones[i].text, "milestone", c->milestones[i].line);
	for (i = 0; i < c->nreviews; i++) {
		add(r, c->reviews[i].cadence, "review/@cadence",
		    c->reviews[i].line);
		add(r, c->reviews[i].text, "review", c->reviews[i].line);
	}
	for (i = 0; i < c->nrisks; i++) {
		add(r, c->risks[i].text, "risk", c->risks[i].line);
		add_text(r, &c->risks[i].mitigation, "risk/mitigation");
		add_prose(r, &c->risks[i].note, "risk/note");
	}
}

/* Version 2: the appendix (its sections hold any prose). */
static void
add_appendix(struct rs *r, const struct pg_plan *p)
{
	size_t i;

	for (i = 0; i < p->appendix.n; i++) {
		add(r, p->appendix.v[i].title, "appendix/section/@title",
		    p->appendix.v[i].line);
		add_prose(r, &p->appendix.v[i].text, "appendix/section");
	}
}

int
cp_acct_init(struct rs *r)
{
	size_t n = (count_upper(r->p) + count_prose(r->p)) * 2, cap = 64;

	while (cap < n)
		cap *= 2;
	if ((r->acct = calloc(cap, sizeof(*r->acct))) == NULL) {
		r->oom = 1;
		return -1;
	}
	r->acct_cap = cap;
	r->acct_n = 0;
	add_plan(r, r->p);
	add_appendix(r, r->p);
	return 0;
}

void
cp_acct_reset(struct rs *r)
{
	size_t i;

	r->fig_dropped = 0;
	for (i = 0; i < r->acct_cap; i++) {
		r->acct[i].state = PG_ACCT_LOST;
		r->acct[i].why = NULL;
	}
}

void
cp_acct_free(struct rs *r)
{
	free(r->acct);
	r->acct = NULL;
	r->acct_cap = r->acct_n = 0;
}

void
cp_placed(struct rs *r, const char *s)
{
	struct cp_acct_ent *e = find(r, s);

	if (e == NULL)
		return;
	if (e->state != PG_ACCT_PLACED)
		cp_chk(r, s, e->line);
	e->state = PG_ACCT_PLACED;
}

void
cp_placed_runs(struct rs *r, const struct pg_run *v, size_t n)
{
	size_t i;

	for (i = 0; v != NULL && i < n; i++)
		cp_placed(r, v[i].text);
}

static void
placed_para(void *arg, const struct pg_para *pa)
{
	cp_placed_runs(arg, pa->runs, pa->nruns);
}

static void
placed_caption(void *arg, const struct pg_text *t, const struct pg_block *b)
{
	(void)b;
	cp_placed(arg, t->s);
}

void
cp_placed_prose(struct rs *r, const struct pg_prose *pr)
{
	pg_prose_paras(pr, placed_para, r);
	pg_prose_captions(pr, placed_caption, r);
}

void
cp_summarised(struct rs *r, const char *s, const char *why)
{
	struct cp_acct_ent *e = find(r, s);

	if (e == NULL || e->state == PG_ACCT_PLACED)
		return;
	e->state = PG_ACCT_SUMMARISED;
	e->why = why;
}

void
cp_acct_summarise_lost(struct rs *r, const char *why)
{
	size_t i;

	for (i = 0; i < r->acct_cap; i++)
		if (r->acct[i].s != NULL && r->acct[i].state == PG_ACCT_LOST) {
			r->acct[i].state = PG_ACCT_SUMMARISED;
			r->acct[i].why = why;
		}
}

static int
item_cmp(const void *a, const void *b)
{
	const struct pg_acct_item *x = a, *y = b;
	int c;

	if (x->line != y->line)
		return x->line < y->line ? -1 : 1;
	if ((c = strcmp(x->what, y->what)) != 0)
		return c;
	return strcmp(x->text, y->text);
}

int
cp_acct_report(struct rs *r, struct pg_render_acct *out)
{
	size_t i, k = 0;

	memset(out, 0, sizeof(*out));
	out->fig_dropped = r->fig_dropped;
	if (r->acct_n == 0)
		return 0;
	if ((out->v = calloc(r->acct_n, sizeof(*out->v))) == NULL)
		return -1;
	for (i = 0; i < r->acct_cap; i++) {
		const struct cp_acct_ent *e = &r->acct[i];
		if (e->s == NULL)
			continue;
		out->v[k].text = e->s;
		out->v[k].what = e->what;
		out->v[k].why = e->why;
		out->v[k].line = e->line;
		out->v[k].state = e->state;
		out->nplaced += e->state == PG_ACCT_PLACED;
		out->nsummarised += e->state == PG_ACCT_SUMMARISED;
		out->nlost += e->state == PG_ACCT_LOST;
		k++;
	}
	out->n = k;
	qsort(out->v, k, sizeof(*out->v), item_cmp);
	return 0;
}

void
pg_render_acct_free(struct pg_render_acct *a)
{
	free(a->v);
	memset(a, 0, sizeof(*a));
}
