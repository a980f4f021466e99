/*
 * read_seed.c — the seed models of plan format version 2 read into the
 * model: customer journeys (situation/journey) and the feature-advantage-
 * benefit analysis (strategy/fab).  The smaller v2 additions (SERVQUAL
 * scores, QDQ, KPI kinds, action/@addresses, risk owner and id, several
 * positioning maps and blueprints) are read where their element is read,
 * in plan_read.c.  See plan_read_int.h for the contracts.
 *
 * Like every reader: nothing is trusted (any element may be missing,
 * repeated or unknown: the schema reports that), arrays are counted first
 * and allocated once, out of memory sets r->oom.
 */
#include "config.h"

#include <string.h>

#include <libxml/tree.h>

#include "read/plan_read_int.h"
#include "read/xml_read.h"

/* The texts of n's children called `name`, with their lines, into *v, *nv. */
static void
read_texts(struct rd *r, const xmlNode *n, const char *name,
    struct pg_text **v, size_t *nv)
{
	const xmlNode *c;

	*v = pg_rd_alloc(r, pg_rd_count(n, name), sizeof(**v));
	for (c = n->children; c != NULL && *v != NULL && !r->oom; c = c->next)
		if (pg_rd_is_el(c, name))
			(*v)[(*nv)++] = pg_rd_text_el(r, c, NULL);
}

static void
read_stage(struct rd *r, const xmlNode *e, struct pg_stage *st)
{
	static const char *const scores[5] = { "-2", "-1", "0", "1", "2" };
	const xmlNode	*c;
	int		 k;

	st->line = pg_xml_line(e);
	st->id = pg_rd_attr(r, e, "id");
	st->name = pg_rd_attr(r, e, "name");
	read_texts(r, e, "touchpoint", &st->touchpoints, &st->ntouchpoints);
	read_texts(r, e, "opportunity", &st->opportunities, &st->nopportunities);
	if ((c = pg_rd_child(e, "feeling")) != NULL) {
		st->feeling = pg_rd_text_el(r, c, NULL);
		/* a score the schema refuses is left out (has_score 0) */
		if ((k = pg_rd_lookup(pg_rd_attr(r, c, "score"), scores, 5, -1)) >= 0) {
			st->score = k - 2;
			st->has_score = 1;
		}
	}
	st->pains = pg_rd_alloc(r, pg_rd_count(e, "pain"), sizeof(*st->pains));
	for (c = e->children; c != NULL && st->pains != NULL && !r->oom; c = c->next) {
		struct pg_pain *p;
		if (!pg_rd_is_el(c, "pain"))
			continue;
		p = &st->pains[st->npains++];
		p->line = pg_xml_line(c);
		p->id = pg_rd_attr(r, c, "id");
		p->text = pg_rd_text(r, c, NULL);
	}
}

void
pg_rd_journeys(struct rd *r, const xmlNode *n, struct pg_situation *s)
{
	const xmlNode *c, *e;

	if (n == NULL)
		return;
	s->journeys = pg_rd_alloc(r, pg_rd_count(n, "journey"), sizeof(*s->journeys));
	for (c = n->children; c != NULL && s->journeys != NULL && !r->oom; c = c->next) {
		struct pg_journey *j;
		if (!pg_rd_is_el(c, "journey"))
			continue;
		j = &s->journeys[s->njourneys++];
		j->line = pg_xml_line(c);
		j->id = pg_rd_attr(r, c, "id");
		j->persona = pg_rd_attr(r, c, "persona");
		j->stages = pg_rd_alloc(r, pg_rd_count(c, "stage"), sizeof(*j->stages));
		for (e = c->children; e != NULL && j->stages != NULL && !r->oom; e = e->next)
			if (pg_rd_is_el(e, "stage"))
				read_stage(r, e, &j->stages[j->nstages++]);
	}
}

void
pg_rd_fab(struct rd *r, const xmlNode *n, struct pg_strategy *s)
{
	const xmlNode *c;

	if (n == NULL)
		return;
	s->fab_line = pg_xml_line(n);
	s->fab = pg_rd_alloc(r, pg_rd_count(n, "row"), sizeof(*s->fab));
	for (c = n->children; c != NULL && s->fab != NULL && !r->oom; c = c->next) {
		struct pg_fab_row *w;
		if (!pg_rd_is_el(c, "row"))
			continue;
		w = &s->fab[s->nfab++];
		w->line = pg_xml_line(c);
		w->feature = pg_rd_text_el(r, pg_rd_child(c, "feature"), NULL);
		w->advantage = pg_rd_text_el(r, pg_rd_child(c, "advantage"), NULL);
		w->benefit = pg_rd_text_el(r, pg_rd_child(c, "benefit"), NULL);
	}
}
