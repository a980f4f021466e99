/*
 * report_track.c — the "tracking" member of a file in `plangen check
 * --format json` (format version 2): how every KPI, goal metric, action
 * and budget line stands at the as-of date, for dashboards.  The same
 * judgements as the tracking rules and the progress chapter
 * (model/track.h).  See report.h for the shape.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include <json.h>

#include "review/report.h"
#include "model/track.h"

/* Add v under k; a NULL v (failed constructor) sets *oom. */
static void
tput(int *oom, json_object *o, const char *k, json_object *v)
{
	if (o == NULL || v == NULL || json_object_object_add(o, k, v) != 0) {
		*oom = 1;
		json_object_put(v);
	}
}

static void
tnull(int *oom, json_object *o, const char *k)
{
	if (o == NULL || json_object_object_add(o, k, NULL) != 0)
		*oom = 1;
}

static void
tadd(int *oom, json_object *a, json_object *v)
{
	if (a == NULL || v == NULL || json_object_array_add(a, v) != 0) {
		*oom = 1;
		json_object_put(v);
	}
}

/* A string member, or null when s is NULL. */
static void
tstr(int *oom, json_object *o, const char *k, const char *s)
{
	if (s == NULL)
		tnull(oom, o, k);
	else
		tput(oom, o, k, json_object_new_string(s));
}

static void
tdate(int *oom, json_object *o, const char *k, struct pg_date d)
{
	char b[16];

	if (d.y == 0) {
		tnull(oom, o, k);
		return;
	}
	snprintf(b, sizeof(b), "%04d-%02d-%02d", d.y, d.m, d.d);
	tput(oom, o, k, json_object_new_string(b));
}

/* The judgement of metric m (of goal g) with actuals acts into o. */
static void
judged(int *oom, json_object *o, const struct pg_plan *p,
    const struct pg_goal *g, const struct pg_metric *m,
    const struct pg_actual *acts, size_t n, struct pg_date as_of)
{
	struct pg_track_eval ev;
	char x[40];

	memset(&ev, 0, sizeof(ev));
	if (m != NULL)
		ev = pg_track_metric(p, g, m, acts, n, as_of);
	tstr(oom, o, "baseline", m ? m->baseline.text : NULL);
	tstr(oom, o, "target", m ? m->target.text : NULL);
	tstr(oom, o, "unit", m ? m->unit : NULL);
	tdate(oom, o, "due", g != NULL ? (g->due.y ? g->due :
	    p->meta.period_end) : (struct pg_date){ 0, 0, 0 });
	if (ev.latest == NULL) {
		/* the latest actual even when it cannot be judged */
		size_t i;
		const struct pg_actual *best = NULL;
		for (i = 0; i < n; i++)
			if (acts[i].date.y != 0 && acts[i].value.text != NULL &&
			    (as_of.y == 0 || pg_date_cmp(acts[i].date, as_of) <= 0) &&
			    (best == NULL || pg_date_cmp(acts[i].date, best->date) >= 0))
				best = &acts[i];
		ev.latest = best;
	}
	if (ev.latest != NULL) {
		json_object *l = json_object_new_object();
		tdate(oom, l, "date", ev.latest->date);
		tstr(oom, l, "value", ev.latest->value.text);
		tput(oom, o, "latest", l);
	} else
		tnull(oom, o, "latest");
	tput(oom, o, "actuals", json_object_new_int64((int64_t)n));
	if (as_of.y != 0 && ev.has_expected)
		tstr(oom, o, "expected", pg_dec_format(ev.expected, x, sizeof(x)));
	else
		tnull(oom, o, "expected");
	tstr(oom, o, "status", as_of.y != 0 && ev.status != PG_TRACK_NONE ?
	    pg_track_names[ev.status] : "not-judged");
}

json_object *
pg_json_tracking(const struct pg_plan *p, int *oom)
{
	json_object	*o, *a;
	struct pg_date	 as_of;
	size_t		 i, j;
	char		 x[32];

	if (p == NULL || p->version != 2)
		return NULL;
	as_of = p->meta.as_of;
	o = json_object_new_object();
	tdate(oom, o, "as_of", as_of);

	a = json_object_new_array();
	for (i = 0; i < p->controls.nkpis; i++) {
		const struct pg_kpi *k = &p->controls.kpis[i];
		const struct pg_goal *g = NULL;
		const struct pg_metric *m = pg_kpi_metric(p, k, &g);
		json_object *e = json_object_new_object();
		tput(oom, e, "line", json_object_new_int64((int64_t)k->line));
		tstr(oom, e, "text", k->text);
		tstr(oom, e, "goal", k->goal);
		tstr(oom, e, "metric", m != NULL ? m->name : k->metric);
		judged(oom, e, p, g, m, k->actuals, k->nactuals, as_of);
		tadd(oom, a, e);
	}
	tput(oom, o, "kpis", a);

	a = json_object_new_array();
	for (i = 0; i < p->goals.n; i++)
		for (j = 0; j < p->goals.v[i].nmetrics; j++) {
			const struct pg_goal *g = &p->goals.v[i];
			const struct pg_metric *m = &g->metrics[j];
			json_object *e = json_object_new_object();
			tput(oom, e, "line", json_object_new_int64((int64_t)m->line));
			tstr(oom, e, "goal", g->id);
			tstr(oom, e, "name", m->name);
			judged(oom, e, p, g, m, m->actuals, m->nactuals, as_of);
			tadd(oom, a, e);
		}
	tput(oom, o, "metrics", a);

	a = json_object_new_array();
	for (i = 0; i < p->actions.n; i++) {
		const struct pg_action *ac = &p->actions.v[i];
		json_object *e = json_object_new_object();
		tput(oom, e, "line", json_object_new_int64((int64_t)ac->line));
		tstr(oom, e, "id", ac->id);
		tstr(oom, e, "owner", ac->owner);
		tstr(oom, e, "category", ac->category != PG_CAT_NONE ?
		    pg_category_names[ac->category] : NULL);
		tdate(oom, e, "end", ac->end);
		tstr(oom, e, "status", pg_act_track_names[pg_track_action(ac,
		    as_of)]);
		tstr(oom, e, "progress", ac->progress.text);
		tadd(oom, a, e);
	}
	tput(oom, o, "actions", a);

	a = json_object_new_array();
	for (i = 0; i < p->budget.nlines; i++) {
		const struct pg_budget_line *l = &p->budget.lines[i];
		json_object *e = json_object_new_object();
		tput(oom, e, "line", json_object_new_int64((int64_t)l->line));
		tstr(oom, e, "category", l->category);
		tstr(oom, e, "amount", l->amount.set ?
		    pg_money_format(l->amount.minor, x, sizeof(x)) : NULL);
		tstr(oom, e, "spent", l->spent.set ?
		    pg_money_format(l->spent.minor, x, sizeof(x)) : NULL);
		tput(oom, e, "overspent", json_object_new_boolean(l->spent.set &&
		    l->amount.set && l->spent.minor > l->amount.minor));
		tadd(oom, a, e);
	}
	tput(oom, o, "budget", a);
	return o;
}
