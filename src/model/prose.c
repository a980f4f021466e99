/*
 * prose.c — walking prose (version 2 blocks included) and every prose
 * field of a plan, so that rules, the composer's accounting and the
 * renderer see the same paragraphs in the same order.  See model.h.
 */
#include "config.h"

#include "model/model.h"

void
pg_prose_paras(const struct pg_prose *pr, pg_para_fn *fn, void *arg)
{
	size_t b, i, k;

	for (b = 0; b < pr->nblocks; b++) {
		const struct pg_block *bl = &pr->blocks[b];
		switch (bl->kind) {
		case PG_BLOCK_P:
			fn(arg, &bl->para);
			break;
		case PG_BLOCK_LIST:
			for (i = 0; i < bl->nitems; i++)
				fn(arg, &bl->items[i]);
			break;
		case PG_BLOCK_TABLE:
			for (i = 0; bl->table != NULL && i < bl->table->nrows; i++)
				for (k = 0; k < bl->table->rows[i].ncells; k++)
					fn(arg, &bl->table->rows[i].cells[k].para);
			break;
		case PG_BLOCK_IMAGE:
			break;
		}
	}
}

void
pg_prose_captions(const struct pg_prose *pr, pg_caption_fn *fn, void *arg)
{
	size_t b;

	for (b = 0; b < pr->nblocks; b++) {
		const struct pg_block *bl = &pr->blocks[b];
		if (bl->kind == PG_BLOCK_TABLE && bl->table != NULL &&
		    bl->table->caption.s != NULL)
			fn(arg, &bl->table->caption, bl);
		else if (bl->kind == PG_BLOCK_IMAGE && bl->image != NULL &&
		    bl->image->caption.s != NULL)
			fn(arg, &bl->image->caption, bl);
	}
}

void
pg_plan_each_prose(const struct pg_plan *p, pg_prose_fn *fn, void *arg)
{
	const struct pg_situation *s = &p->situation;
	const struct pg_strategy *st = &p->strategy;
	size_t i;

	fn(arg, &p->summary.market_definition, "summary/market-definition");
	fn(arg, &p->summary.overview, "summary/overview");
	fn(arg, &s->market, "situation/market");
	for (i = 0; i < s->nsegments; i++)
		fn(arg, &s->segments[i].text, "segment");
	for (i = 0; i < s->ncompetitors; i++)
		fn(arg, &s->competitors[i].text, "competitor");
	fn(arg, &s->performance, "situation/performance");
	fn(arg, &s->events, "situation/events");
	for (i = 0; i < p->goals.n; i++)
		fn(arg, &p->goals.v[i].note, "goal/note");
	fn(arg, &st->positioning, "strategy/positioning");
	fn(arg, &st->target_customers, "strategy/target-customers");
	fn(arg, &st->target_competitors, "strategy/target-competitors");
	fn(arg, &st->core, "strategy/core");
	for (i = 0; i < PG_MIX_N; i++)
		fn(arg, &st->mix[i], "mix");
	for (i = 0; i < st->ndimensions; i++)
		fn(arg, &st->dimensions[i].text, "dimension");
	for (i = 0; i < p->actions.n; i++) {
		fn(arg, &p->actions.v[i].description, "action/description");
		fn(arg, &p->actions.v[i].note, "action/note");
	}
	for (i = 0; i < p->budget.nlines; i++)
		fn(arg, &p->budget.lines[i].note, "line/note");
	for (i = 0; i < p->controls.nkpis; i++)
		fn(arg, &p->controls.kpis[i].note, "kpi/note");
	for (i = 0; i < p->controls.nrisks; i++)
		fn(arg, &p->controls.risks[i].note, "risk/note");
	for (i = 0; i < p->appendix.n; i++)
		fn(arg, &p->appendix.v[i].text, "appendix/section");
}
