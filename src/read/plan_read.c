/*
 * plan_read.c — the plan model from a parsed document: the entry points,
 * one reader per section of the plan (what each element of the format
 * becomes in model.h), and the <?plangen accept ...?> instructions.  See
 * plan_read.h for the contract.  Turning one element or attribute into a
 * value — the text normaliser, typed values and their findings, prose — is
 * plan_values.c, behind plan_read_int.h.
 *
 * Design:
 *  1. One walk over the tree, section by section; every container counts
 *     its children first and allocates its array once (linear time even
 *     for 100,000 goals).  Recursion is bounded by libxml2's nesting limit.
 *  2. Nothing is trusted: any element may be missing, repeated (the first
 *     one counts for singular elements) or unknown (ignored), so a draft
 *     that fails the schema still reads.
 *  3. Out of memory sets r.oom; the readers carry on harmlessly and the
 *     driver frees the plan and returns NULL at the end.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <libxml/tree.h>

#include "read/plan_read.h"
#include "read/plan_read_int.h"
#include "base/lang.h"
#include "read/xml_read.h"

/* ---- sections ----------------------------------------------------------- */

static void
read_meta(struct rd *r, const xmlNode *n, struct pg_meta *m)
{
	const xmlNode *c;

	if (n == NULL)
		return;
	m->line = pg_xml_line(n);
	m->title = pg_rd_text_el(r, pg_rd_child(n, "title"), NULL);
	m->subtitle = pg_rd_text_el(r, pg_rd_child(n, "subtitle"), NULL);
	m->organization = pg_rd_text_el(r, pg_rd_child(n, "organization"), NULL);
	m->author = pg_rd_text_el(r, pg_rd_child(n, "author"), NULL);
	if ((c = pg_rd_child(n, "date")) != NULL) {
		m->date_line = pg_xml_line(c);
		m->date = pg_rd_date(r, c, "date", 0, pg_rd_text(r, c, NULL));
	}
	if ((c = pg_rd_child(n, "period")) != NULL) {
		m->period_line = pg_xml_line(c);
		m->period_start = pg_rd_date_attr(r, c, "start");
		m->period_end = pg_rd_date_attr(r, c, "end");
	}
	m->confidentiality = pg_rd_lookup(pg_rd_text(r,
	    pg_rd_child(n, "confidentiality"), NULL), pg_confidentiality_names,
	    5, PG_CONF_NONE);
	m->status = pg_rd_lookup(pg_rd_text(r, pg_rd_child(n, "status"), NULL),
	    pg_status_names, 4, PG_STATUS_NONE);
	pg_rd_meta_track(r, n, m);
}

static void
read_summary(struct rd *r, const xmlNode *n, struct pg_summary *s)
{
	const xmlNode *c, *e;

	if (n == NULL)
		return;
	s->line = pg_xml_line(n);
	s->market_definition = pg_rd_prose(r,
	    pg_rd_child(n, "market-definition"), NULL);
	if ((c = pg_rd_child(n, "sales")) != NULL) {
		s->sales_line = pg_xml_line(c);
		s->sales_unit = pg_rd_attr(r, c, "unit");
		s->years = pg_rd_alloc(r, pg_rd_count(c, "year"),
		    sizeof(*s->years));
		for (e = c->children; e != NULL && s->years != NULL; e = e->next) {
			struct pg_sales_year *y;
			const char *plan;
			if (!pg_rd_is_el(e, "year"))
				continue;
			y = &s->years[s->nyears++];
			y->line = pg_xml_line(e);
			y->label = pg_rd_attr(r, e, "label");
			y->value = pg_rd_num_attr(r, e, "value", 0);
			plan = pg_rd_attr(r, e, "plan");
			y->plan = plan != NULL && (strcmp(plan, "true") == 0 ||
			    strcmp(plan, "1") == 0);
		}
	}
	if ((c = pg_rd_child(n, "key-points")) != NULL) {
		s->key_points_line = pg_xml_line(c);
		s->key_points = pg_rd_alloc(r, pg_rd_count(c, "point"),
		    sizeof(*s->key_points));
		for (e = c->children; e != NULL && s->key_points != NULL;
		    e = e->next)
			if (pg_rd_is_el(e, "point"))
				s->key_points[s->nkey_points++] =
				    pg_rd_text_el(r, e, NULL);
	}
	s->overview = pg_rd_prose(r, pg_rd_child(n, "overview"), NULL);
}

static void
read_fact(struct rd *r, const xmlNode *e, struct pg_fact *f)
{
	f->line = pg_xml_line(e);
	f->label = pg_rd_attr(r, e, "label");
	f->value = pg_rd_attr(r, e, "value");
}

static void
read_situation(struct rd *r, const xmlNode *n, struct pg_situation *s)
{
	const xmlNode	*c, *e, *market;
	size_t		 k;

	if (n == NULL)
		return;
	s->line = pg_xml_line(n);
	market = pg_rd_child(n, "market");
	s->market = pg_rd_prose(r, market, "fact");
	/*
	 * fact* follows the market prose inside <market>; a <fact> placed
	 * directly in <situation> is read as well, in document order.
	 */
	k = pg_rd_count(market, "fact") + pg_rd_count(n, "fact");
	s->facts = pg_rd_alloc(r, k, sizeof(*s->facts));
	for (c = n->children; c != NULL && s->facts != NULL; c = c->next) {
		if (pg_rd_is_el(c, "fact"))
			read_fact(r, c, &s->facts[s->nfacts++]);
		else if (c == market)
			for (e = c->children; e != NULL; e = e->next)
				if (pg_rd_is_el(e, "fact"))
					read_fact(r, e, &s->facts[s->nfacts++]);
	}
	if ((c = pg_rd_child(n, "customers")) != NULL) {
		s->customers_line = pg_xml_line(c);
		s->segments = pg_rd_alloc(r, pg_rd_count(c, "segment"),
		    sizeof(*s->segments));
		for (e = c->children; e != NULL && s->segments != NULL;
		    e = e->next) {
			struct pg_segment *g;
			if (!pg_rd_is_el(e, "segment"))
				continue;
			g = &s->segments[s->nsegments++];
			g->line = pg_xml_line(e);
			g->id = pg_rd_attr(r, e, "id");
			g->name = pg_rd_attr(r, e, "name");
			g->share = pg_rd_num_attr(r, e, "share", 1);
			g->text = pg_rd_prose(r, e, NULL);
		}
	}
	if ((c = pg_rd_child(n, "competitors")) != NULL) {
		s->competitors_line = pg_xml_line(c);
		s->competitors = pg_rd_alloc(r, pg_rd_count(c, "competitor"),
		    sizeof(*s->competitors));
		for (e = c->children; e != NULL && s->competitors != NULL;
		    e = e->next) {
			struct pg_competitor *g;
			if (!pg_rd_is_el(e, "competitor"))
				continue;
			g = &s->competitors[s->ncompetitors++];
			g->line = pg_xml_line(e);
			g->id = pg_rd_attr(r, e, "id");
			g->name = pg_rd_attr(r, e, "name");
			g->share = pg_rd_num_attr(r, e, "share", 1);
			g->sales = pg_rd_num_attr(r, e, "sales", 0);
			g->text = pg_rd_prose(r, e, NULL);
		}
	}
	s->performance = pg_rd_prose(r, pg_rd_child(n, "performance"), NULL);
	s->events = pg_rd_prose(r, pg_rd_child(n, "events"), NULL);
	s->posmaps = pg_rd_alloc(r, pg_rd_count(n, "positioning-map"),
	    sizeof(*s->posmaps));
	for (c = n->children; c != NULL && s->posmaps != NULL && !r->oom;
	    c = c->next) {
		struct pg_posmap *m;
		if (!pg_rd_is_el(c, "positioning-map"))
			continue;
		m = &s->posmaps[s->nposmaps++];
		m->line = pg_xml_line(c);
		m->id = pg_rd_attr(r, c, "id");
		m->caption = pg_rd_text_el(r, pg_rd_child(c, "caption"), NULL);
		m->x = pg_rd_attr(r, c, "x");
		m->y = pg_rd_attr(r, c, "y");
		m->x_low = pg_rd_attr(r, c, "x-low");
		m->x_high = pg_rd_attr(r, c, "x-high");
		m->y_low = pg_rd_attr(r, c, "y-low");
		m->y_high = pg_rd_attr(r, c, "y-high");
		m->positions = pg_rd_alloc(r, pg_rd_count(c, "position"),
		    sizeof(*m->positions));
		for (e = c->children; e != NULL && m->positions != NULL;
		    e = e->next) {
			struct pg_position *p;
			const char *own;
			if (!pg_rd_is_el(e, "position"))
				continue;
			p = &m->positions[m->npositions++];
			p->line = pg_xml_line(e);
			p->x = pg_rd_num_attr(r, e, "x", 1);
			p->y = pg_rd_num_attr(r, e, "y", 1);
			p->competitor = pg_rd_attr(r, e, "competitor");
			own = pg_rd_attr(r, e, "own");
			p->own = own == NULL ? PG_OWN_NONE :
			    strcmp(own, "current") == 0 ? PG_OWN_CURRENT :
			    strcmp(own, "target") == 0 ? PG_OWN_TARGET : PG_OWN_NONE;
			p->label = pg_rd_attr(r, e, "label");
		}
	}
	if (s->nposmaps > 0)
		s->posmap = s->posmaps[0];
	pg_rd_journeys(r, n, s);
}

static void
read_swot(struct rd *r, const xmlNode *n, struct pg_swot *s)
{
	const xmlNode	*c;
	size_t		 k = 0;
	int		 kind;

	if (n == NULL)
		return;
	s->line = pg_xml_line(n);
	for (c = n->children; c != NULL; c = c->next)
		if (c->type == XML_ELEMENT_NODE && pg_rd_lookup(
		    (const char *)c->name, pg_swot_names, 4, -1) >= 0)
			k++;
	if ((s->items = pg_rd_alloc(r, k, sizeof(*s->items))) == NULL)
		return;
	for (c = n->children; c != NULL; c = c->next) {
		struct pg_swot_item *it;
		if (c->type != XML_ELEMENT_NODE || (kind = pg_rd_lookup(
		    (const char *)c->name, pg_swot_names, 4, -1)) < 0)
			continue;
		it = &s->items[s->nitems++];
		it->line = pg_xml_line(c);
		it->kind = (enum pg_swot_kind)kind;
		it->id = pg_rd_attr(r, c, "id");
		it->text = pg_rd_text(r, c, NULL);
	}
}

static void
read_goals(struct rd *r, const xmlNode *n, struct pg_goals *gs)
{
	static const char *const types[] = { "", "strategic", "quantitative" };
	const xmlNode *c;

	if (n == NULL)
		return;
	gs->line = pg_xml_line(n);
	gs->v = pg_rd_alloc(r, pg_rd_count(n, "goal"), sizeof(*gs->v));
	for (c = n->children; c != NULL && gs->v != NULL && !r->oom; c = c->next) {
		struct pg_goal *g;
		if (!pg_rd_is_el(c, "goal"))
			continue;
		g = &gs->v[gs->n++];
		g->line = pg_xml_line(c);
		g->id = pg_rd_attr(r, c, "id");
		g->type = pg_rd_lookup(pg_rd_attr(r, c, "type"), types, 3,
		    PG_GOAL_NONE);
		g->parent = pg_rd_attr(r, c, "parent");
		g->owner = pg_rd_attr(r, c, "owner");
		g->due = pg_rd_date_attr(r, c, "due");
		g->addresses = pg_rd_refs_attr(r, c, "addresses");
		g->statement = pg_rd_text_el(r, pg_rd_child(c, "statement"), NULL);
		pg_rd_goal_metrics(r, c, g);
		g->note = pg_rd_prose(r, pg_rd_child(c, "note"), NULL);
	}
}

static void
read_step(struct rd *r, const xmlNode *e, struct pg_step *st)
{
	const xmlNode *f;

	st->line = pg_xml_line(e);
	st->id = pg_rd_attr(r, e, "id");
	st->name = pg_rd_attr(r, e, "name");
	st->evidence = pg_rd_text_el(r, pg_rd_child(e, "evidence"), NULL);
	st->customer = pg_rd_text_el(r, pg_rd_child(e, "customer"), NULL);
	st->frontstage = pg_rd_text_el(r, pg_rd_child(e, "frontstage"), NULL);
	st->backstage = pg_rd_text_el(r, pg_rd_child(e, "backstage"), NULL);
	st->support = pg_rd_text_el(r, pg_rd_child(e, "support"), NULL);
	if ((f = pg_rd_child(e, "fail-point")) != NULL) {
		st->fail_point.line = pg_xml_line(f);
		st->fail_point.text = pg_rd_text(r, f, "recovery");
		st->fail_point.recovery = pg_rd_text_el(r,
		    pg_rd_child(f, "recovery"), NULL);
	}
}

static void
read_strategy(struct rd *r, const xmlNode *n, struct pg_strategy *s)
{
	const xmlNode	*c, *e;
	int		 i;

	if (n == NULL)
		return;
	s->line = pg_xml_line(n);
	s->positioning = pg_rd_prose(r, pg_rd_child(n, "positioning"), NULL);
	s->target_customers = pg_rd_prose(r,
	    pg_rd_child(n, "target-customers"), NULL);
	s->target_competitors = pg_rd_prose(r,
	    pg_rd_child(n, "target-competitors"), NULL);
	s->core = pg_rd_prose(r, pg_rd_child(n, "core"), NULL);
	if ((c = pg_rd_child(n, "mix")) != NULL) {
		s->mix_line = pg_xml_line(c);
		for (i = 0; i < PG_MIX_N; i++)
			s->mix[i] = pg_rd_prose(r, pg_rd_child(c,
			    pg_mix_names[i]), NULL);
	}
	if ((c = pg_rd_child(n, "service-quality")) != NULL) {
		s->quality_line = pg_xml_line(c);
		s->dimensions = pg_rd_alloc(r, pg_rd_count(c, "dimension"),
		    sizeof(*s->dimensions));
		for (e = c->children; e != NULL && s->dimensions != NULL;
		    e = e->next) {
			struct pg_dimension *dm;
			int k;
			/* a dimension with an unknown name is left out */
			if (!pg_rd_is_el(e, "dimension") || (k = pg_rd_lookup(
			    pg_rd_attr(r, e, "name"), pg_servqual_names, 5,
			    -1)) < 0)
				continue;
			dm = &s->dimensions[s->ndimensions++];
			dm->line = pg_xml_line(e);
			dm->name = (enum pg_servqual)k;
			dm->id = pg_rd_attr(r, e, "id");
			dm->expected = pg_rd_num_attr(r, e, "expected", 0);
			dm->perceived = pg_rd_num_attr(r, e, "perceived", 0);
			dm->text = pg_rd_prose(r, e, NULL);
		}
	}
	s->blueprints = pg_rd_alloc(r, pg_rd_count(n, "blueprint"),
	    sizeof(*s->blueprints));
	for (c = n->children; c != NULL && s->blueprints != NULL && !r->oom;
	    c = c->next) {
		struct pg_blueprint *b;
		if (!pg_rd_is_el(c, "blueprint"))
			continue;
		b = &s->blueprints[s->nblueprints++];
		b->line = pg_xml_line(c);
		b->id = pg_rd_attr(r, c, "id");
		b->service = pg_rd_attr(r, c, "service");
		b->steps = pg_rd_alloc(r, pg_rd_count(c, "step"),
		    sizeof(*b->steps));
		for (e = c->children; e != NULL && b->steps != NULL && !r->oom;
		    e = e->next)
			if (pg_rd_is_el(e, "step"))
				read_step(r, e, &b->steps[b->nsteps++]);
	}
	if (s->nblueprints > 0)
		s->blueprint = s->blueprints[0];
	pg_rd_fab(r, pg_rd_child(n, "fab"), s);
}

static void
read_actions(struct rd *r, const xmlNode *n, struct pg_actions *as)
{
	const xmlNode *c;

	if (n == NULL)
		return;
	as->line = pg_xml_line(n);
	as->v = pg_rd_alloc(r, pg_rd_count(n, "action"), sizeof(*as->v));
	for (c = n->children; c != NULL && as->v != NULL && !r->oom; c = c->next) {
		struct pg_action *a;
		if (!pg_rd_is_el(c, "action"))
			continue;
		a = &as->v[as->n++];
		a->line = pg_xml_line(c);
		a->id = pg_rd_attr(r, c, "id");
		a->goals = pg_rd_refs_attr(r, c, "goals");
		a->owner = pg_rd_attr(r, c, "owner");
		a->start = pg_rd_date_attr(r, c, "start");
		a->end = pg_rd_date_attr(r, c, "end");
		a->category = pg_rd_lookup(pg_rd_attr(r, c, "category"),
		    pg_category_names, PG_CAT_N, PG_CAT_NONE);
		a->title = pg_rd_text_el(r, pg_rd_child(c, "title"), NULL);
		a->description = pg_rd_prose(r, pg_rd_child(c, "description"),
		    NULL);
		a->measure = pg_rd_text_el(r, pg_rd_child(c, "measure"), NULL);
		a->note = pg_rd_prose(r, pg_rd_child(c, "note"), NULL);
		a->addresses = pg_rd_refs_attr(r, c, "addresses");
		a->count = pg_rd_num_attr(r, c, "count", 0);
		a->segments = pg_rd_refs_attr(r, c, "segments");
		a->quality = pg_rd_text_el(r, pg_rd_child(c, "quality"), NULL);
		pg_rd_action_track(r, c, a);
	}
}

static void
read_budget(struct rd *r, const xmlNode *n, struct pg_budget *b)
{
	const xmlNode *c;

	if (n == NULL)
		return;
	b->line = pg_xml_line(n);
	b->total = pg_rd_money_attr(r, n, "total", 0);
	pg_rd_budget_track(r, n, b);
	b->lines = pg_rd_alloc(r, pg_rd_count(n, "line"), sizeof(*b->lines));
	for (c = n->children; c != NULL && b->lines != NULL && !r->oom;
	    c = c->next) {
		struct pg_budget_line *l;
		if (!pg_rd_is_el(c, "line"))
			continue;
		l = &b->lines[b->nlines++];
		l->line = pg_xml_line(c);
		l->category = pg_rd_attr(r, c, "category");
		l->amount = pg_rd_money_attr(r, c, "amount", 1);
		l->action = pg_rd_attr(r, c, "action");
		l->text = pg_rd_text2(r, c, "note", "phase");
		l->note = pg_rd_prose(r, pg_rd_child(c, "note"), NULL);
		pg_rd_line_track(r, c, l);
	}
	if ((c = pg_rd_child(n, "contingency")) != NULL) {
		b->contingency_line = pg_xml_line(c);
		b->contingency = pg_rd_money_attr(r, c, "amount", 0);
		b->contingency_text = pg_rd_text(r, c, NULL);
	}
}

static void
read_controls(struct rd *r, const xmlNode *n, struct pg_controls *k)
{
	const xmlNode *c;

	if (n == NULL)
		return;
	k->line = pg_xml_line(n);
	k->kpis = pg_rd_alloc(r, pg_rd_count(n, "kpi"), sizeof(*k->kpis));
	k->milestones = pg_rd_alloc(r, pg_rd_count(n, "milestone"),
	    sizeof(*k->milestones));
	k->reviews = pg_rd_alloc(r, pg_rd_count(n, "review"), sizeof(*k->reviews));
	k->risks = pg_rd_alloc(r, pg_rd_count(n, "risk"), sizeof(*k->risks));
	if (r->oom)
		return;
	for (c = n->children; c != NULL && !r->oom; c = c->next) {
		if (pg_rd_is_el(c, "kpi")) {
			struct pg_kpi *x = &k->kpis[k->nkpis++];
			x->line = pg_xml_line(c);
			x->goal = pg_rd_attr(r, c, "goal");
			x->owner = pg_rd_attr(r, c, "owner");
			x->target = pg_rd_attr(r, c, "target");
			x->frequency = pg_rd_lookup(pg_rd_attr(r, c, "frequency"),
			    pg_frequency_names, PG_FREQ_N, PG_FREQ_NONE);
			x->kind = pg_rd_lookup(pg_rd_attr(r, c, "kind"),
			    pg_kpi_kind_names, 3, PG_KIND_NONE);
			x->text = pg_rd_text2(r, c, "note", "actual");
			x->note = pg_rd_prose(r, pg_rd_child(c, "note"), NULL);
			pg_rd_kpi_track(r, c, x);
		} else if (pg_rd_is_el(c, "milestone")) {
			struct pg_milestone *x = &k->milestones[k->nmilestones++];
			x->line = pg_xml_line(c);
			x->date = pg_rd_date_attr(r, c, "date");
			x->goals = pg_rd_refs_attr(r, c, "goals");
			x->text = pg_rd_text(r, c, NULL);
		} else if (pg_rd_is_el(c, "review")) {
			struct pg_review *x = &k->reviews[k->nreviews++];
			x->line = pg_xml_line(c);
			x->cadence = pg_rd_attr(r, c, "cadence");
			x->text = pg_rd_text(r, c, NULL);
		} else if (pg_rd_is_el(c, "risk")) {
			struct pg_risk *x = &k->risks[k->nrisks++];
			x->line = pg_xml_line(c);
			x->likelihood = pg_rd_lookup(pg_rd_attr(r, c, "likelihood"),
			    pg_level_names, 4, PG_LEVEL_NONE);
			x->impact = pg_rd_lookup(pg_rd_attr(r, c, "impact"),
			    pg_level_names, 4, PG_LEVEL_NONE);
			x->owner = pg_rd_attr(r, c, "owner");
			x->id = pg_rd_attr(r, c, "id");
			x->text = pg_rd_text2(r, c, "mitigation", "note");
			x->mitigation = pg_rd_text_el(r,
			    pg_rd_child(c, "mitigation"), NULL);
			x->note = pg_rd_prose(r, pg_rd_child(c, "note"), NULL);
		}
	}
}

/* ---- accept instructions ------------------------------------------------ */

/* "accept RULE..." data of a plangen PI, or NULL if it is another PI. */
static const char *
accept_data(const xmlNode *n)
{
	const char *s;

	if (n->type != XML_PI_NODE || strcmp((const char *)n->name, "plangen") != 0)
		return NULL;
	s = n->content != NULL ? (const char *)n->content : "";
	while (pg_rd_is_space((unsigned char)*s))
		s++;
	if (strncmp(s, "accept", 6) != 0 ||
	    (s[6] != '\0' && !pg_rd_is_space((unsigned char)s[6])))
		return NULL;
	return s + 6;
}

static int
blank(const xmlNode *n)
{
	const unsigned char *s = n->content;

	for (; s != NULL && *s != '\0'; s++)
		if (!pg_rd_is_space(*s))
			return 0;
	return 1;
}

static unsigned long
max_line(const xmlNode *n)
{
	const xmlNode	*c;
	unsigned long	 m = pg_xml_line(n), l;

	if (n->type != XML_ELEMENT_NODE)
		return m;
	for (c = n->children; c != NULL; c = c->next)
		if ((l = max_line(c)) > m)
			m = l;
	return m;
}

/* The accept PIs of the document, in document order (one walk). */
struct pis {
	const xmlNode	**v;
	size_t		  n, cap;
};

static void
find_accepts(struct rd *r, const xmlNode *n, struct pis *pis)
{
	for (; n != NULL && !r->oom; n = n->next) {
		if (n->type == XML_PI_NODE && accept_data(n) != NULL) {
			if (pis->n == pis->cap) {
				size_t ncap = pis->cap ? pis->cap * 2 : 16;
				const xmlNode **nv = realloc(pis->v, ncap * sizeof(*nv));
				if (nv == NULL) {
					r->oom = 1;
					return;
				}
				pis->v = nv;
				pis->cap = ncap;
			}
			pis->v[pis->n++] = n;
		}
		if (n->type == XML_ELEMENT_NODE && n->children != NULL)
			find_accepts(r, n->children, pis);
	}
}

static void
read_accept(struct rd *r, const xmlNode *pi, const char *data,
    struct pg_accept *a)
{
	const xmlNode	*e;
	struct pg_refs	 ids = { NULL, 0 };
	struct norm	 ns;
	const char	*s;

	a->line = pg_xml_line(pi);
	/* the element it covers: skip blank text, comments and other PIs */
	for (e = pi->next; e != NULL; e = e->next)
		if (e->type == XML_ELEMENT_NODE ||
		    ((e->type == XML_TEXT_NODE || e->type == XML_CDATA_SECTION_NODE) &&
		    !blank(e)))
			break;
	if (e != NULL && e->type == XML_ELEMENT_NODE) {
		a->first = pg_xml_line(e);
		a->last = max_line(e);
	}
	pg_rd_start(r, &ns, 0);
	pg_rd_feed(r, &ns, data, 0);
	if ((s = pg_rd_finish(r)) == NULL || *s == '\0')
		return;
	{
		/* split like a reference list */
		const char	*p;
		size_t		 k = 1;
		char		*q;
		for (p = s; *p != '\0'; p++)
			if (*p == ' ')
				k++;
		if ((ids.id = pg_rd_alloc(r, k, sizeof(*ids.id))) == NULL)
			return;
		for (q = (char *)s;;) {
			char *sp = strchr(q, ' ');
			ids.id[ids.n++] = q;
			if (sp == NULL)
				break;
			*sp = '\0';
			q = sp + 1;
		}
	}
	a->rules = ids.id;
	a->nrules = ids.n;
}


/* ---- the plan ----------------------------------------------------------- */

struct pg_plan *
pg_plan_read(xmlDocPtr doc, const char *file, struct pg_diags *d)
{
	return pg_plan_read_lang(doc, file, NULL, d);
}

struct pg_plan *
pg_plan_read_lang(xmlDocPtr doc, const char *file, const char *lang,
    struct pg_diags *d)
{
	struct rd	 r;
	struct pg_plan	*p;
	const xmlNode	*root;
	const char	*s;
	size_t		 k;

	if ((p = pg_plan_new()) == NULL)
		return NULL;
	memset(&r, 0, sizeof(r));
	r.p = p;
	r.file = file != NULL ? file : "";
	r.d = d;
	r.zh = pg_lang_is_zh(lang);
	root = doc != NULL ? xmlDocGetRootElement(doc) : NULL;
	if (root != NULL && pg_rd_is_el(root, "plan")) {
		p->line = pg_xml_line(root);
		p->version = (s = pg_rd_attr(&r, root, "version")) != NULL &&
		    strcmp(s, "2") == 0 ? 2 : 1;
		if ((s = pg_rd_attr(&r, root, "lang")) != NULL && *s != '\0')
			p->lang = s;
		if ((s = pg_rd_attr(&r, root, "currency")) != NULL && *s != '\0')
			p->currency = s;
		read_meta(&r, pg_rd_child(root, "meta"), &p->meta);
		read_summary(&r, pg_rd_child(root, "summary"), &p->summary);
		read_situation(&r, pg_rd_child(root, "situation"), &p->situation);
		read_swot(&r, pg_rd_child(root, "swot"), &p->swot);
		read_goals(&r, pg_rd_child(root, "goals"), &p->goals);
		read_strategy(&r, pg_rd_child(root, "strategy"), &p->strategy);
		read_actions(&r, pg_rd_child(root, "actions"), &p->actions);
		read_budget(&r, pg_rd_child(root, "budget"), &p->budget);
		read_controls(&r, pg_rd_child(root, "controls"), &p->controls);
		pg_rd_appendix(&r, pg_rd_child(root, "appendix"), &p->appendix);
	}
	if (doc != NULL && !r.oom && pg_xml_has_pi(doc) != 0) {
		struct pis pis = { NULL, 0, 0 };
		find_accepts(&r, doc->children, &pis);
		if (pis.n > 0 && (p->accepts = pg_rd_alloc(&r, pis.n,
		    sizeof(*p->accepts))) != NULL)
			for (k = 0; k < pis.n && !r.oom; k++)
				read_accept(&r, pis.v[k], accept_data(pis.v[k]),
				    &p->accepts[p->naccepts++]);
		free(pis.v);
	}
	free(r.buf);
	free(r.runs);
	if (r.oom) {
		pg_plan_free(p);
		return NULL;
	}
	return p;
}
