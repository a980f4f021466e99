/*
 * read_track.c — the readers of format version 2's goal metrics, budget
 * display and phases, and tracking data (meta/as-of, action @status and
 * @progress, kpi and metric actuals, line @spent, kpi @metric).
 * plan_read.c calls these from its section readers; see plan_read_int.h
 * for the reader's conventions (never fail, r->oom, arena strings).
 */
#include "config.h"

#include <string.h>

#include <libxml/tree.h>

#include "read/plan_read_int.h"
#include "read/xml_read.h"
#include "model/track.h"

/* n's <actual> children into *v, *nv. */
static void
read_actuals(struct rd *r, const xmlNode *n, struct pg_actual **v, size_t *nv)
{
	const xmlNode *c;

	*v = NULL;
	*nv = 0;
	if (pg_rd_count(n, "actual") == 0)
		return;
	*v = pg_rd_alloc(r, pg_rd_count(n, "actual"), sizeof(**v));
	for (c = n->children; c != NULL && *v != NULL && !r->oom; c = c->next) {
		struct pg_actual *a;
		if (!pg_rd_is_el(c, "actual"))
			continue;
		a = &(*v)[(*nv)++];
		a->line = pg_xml_line(c);
		a->date = pg_rd_date_attr(r, c, "date");
		a->value = pg_rd_num_attr(r, c, "value", 0);
		a->text = pg_rd_text(r, c, NULL);
		if (a->text != NULL && *a->text == '\0')
			a->text = NULL;
	}
}

void
pg_rd_goal_metrics(struct rd *r, const xmlNode *goal, struct pg_goal *g)
{
	const xmlNode *m;

	if (pg_rd_count(goal, "metric") == 0)
		return;
	g->metrics = pg_rd_alloc(r, pg_rd_count(goal, "metric"),
	    sizeof(*g->metrics));
	for (m = goal->children; m != NULL && g->metrics != NULL && !r->oom;
	    m = m->next) {
		struct pg_metric *x;
		const char *s;
		if (!pg_rd_is_el(m, "metric"))
			continue;
		x = &g->metrics[g->nmetrics++];
		x->line = pg_xml_line(m);
		x->name = pg_rd_attr(r, m, "name");
		x->baseline = pg_rd_num_attr(r, m, "baseline", 0);
		x->target = pg_rd_num_attr(r, m, "target", 0);
		x->unit = pg_rd_attr(r, m, "unit");
		s = pg_rd_attr(r, m, "rollup");
		x->rollup = s != NULL && strcmp(s, "sum") == 0 ? PG_ROLLUP_SUM :
		    PG_ROLLUP_NONE;
		read_actuals(r, m, &x->actuals, &x->nactuals);
	}
}

void
pg_rd_meta_track(struct rd *r, const xmlNode *meta, struct pg_meta *m)
{
	const xmlNode *c;

	if ((c = pg_rd_child(meta, "as-of")) != NULL) {
		m->as_of_line = pg_xml_line(c);
		m->as_of = pg_rd_date(r, c, "as-of", 0, pg_rd_text(r, c, NULL));
	}
}

void
pg_rd_action_track(struct rd *r, const xmlNode *n, struct pg_action *a)
{
	a->status = (enum pg_action_status)pg_rd_lookup(pg_rd_attr(r, n,
	    "status"), pg_action_status_names, 4, PG_ACT_PLANNED);
	a->progress = pg_rd_num_attr(r, n, "progress", 1);
}

void
pg_rd_budget_track(struct rd *r, const xmlNode *n, struct pg_budget *b)
{
	b->display = (enum pg_display)pg_rd_lookup(pg_rd_attr(r, n, "display"),
	    pg_display_names, 4, PG_DISPLAY_UNITS);
}

void
pg_rd_line_track(struct rd *r, const xmlNode *n, struct pg_budget_line *l)
{
	const xmlNode *c;

	l->spent = pg_rd_money_attr(r, n, "spent", 1);
	if (pg_rd_count(n, "phase") == 0)
		return;
	l->phases = pg_rd_alloc(r, pg_rd_count(n, "phase"), sizeof(*l->phases));
	for (c = n->children; c != NULL && l->phases != NULL && !r->oom;
	    c = c->next) {
		struct pg_phase *ph;
		if (!pg_rd_is_el(c, "phase"))
			continue;
		ph = &l->phases[l->nphases++];
		ph->line = pg_xml_line(c);
		ph->period = pg_rd_attr(r, c, "period");
		if (pg_period_parse(ph->period, &ph->y, &ph->q, &ph->m) != 0)
			ph->y = ph->q = ph->m = 0;
		ph->amount = pg_rd_money_attr(r, c, "amount", 1);
	}
}

void
pg_rd_kpi_track(struct rd *r, const xmlNode *n, struct pg_kpi *k)
{
	k->metric = pg_rd_attr(r, n, "metric");
	read_actuals(r, n, &k->actuals, &k->nactuals);
}
