/*
 * sections_b.c — the plan sections: strategy (7Ps, service blueprint),
 * action plan, budget, controls, and the draft findings appendix.
 * See compose_int.h.
 */
#include "config.h"

#include <assert.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/utf8.h"
#include "compose/compose_int.h"

/* The blueprint as a swimlane table: lanes as rows, steps as columns. */
static void
blueprint_table(struct rs *r, const struct pg_blueprint *bp)
{
	static const char *const lanes[6] = { "blueprint.evidence",
		"blueprint.customer", "blueprint.frontstage",
		"blueprint.backstage", "blueprint.support", "blueprint.fail-point" };
	const size_t	 per = r->t->page_w > r->t->page_h ? 7 : 5;
	size_t		 first, i, lane;

	for (first = 0; first < bp->nsteps; first += per) {
		size_t n = bp->nsteps - first < per ? bp->nsteps - first : per;
		const char **h = cp_palloc(r, (n + 1) * sizeof(*h));
		struct tb t;
		if (h == NULL)
			return;
		h[0] = "";
		for (i = 0; i < n; i++) {
			const struct pg_step *st = &bp->steps[first + i];
			cp_chk(r, st->name, st->line);
			h[i + 1] = cp_sfmt(r, "%zu  %s", first + i + 1, st->name);
		}
		cp_tb_begin(r, &t, n + 1, h);
		for (i = 0; i < n; i++)
			cp_tb_also(r, &t, bp->steps[first + i].name);
		for (lane = 0; lane < 6; lane++) {
			struct pg_cell *c = cp_tb_cell(r, &t, cp_label(r, lanes[lane]), 0,
			    &r->tbold);
			if (c && lane == 5) {
				c->ts = &r->tbold;
			}
			for (i = 0; i < n; i++) {
				const struct pg_step *st = &bp->steps[first + i];
				const struct pg_text *tx = NULL;
				switch (lane) {
				case 0: tx = &st->evidence; break;
				case 1: tx = &st->customer; break;
				case 2: tx = &st->frontstage; break;
				case 3: tx = &st->backstage; break;
				case 4: tx = &st->support; break;
				}
				if (tx != NULL) {
					cp_tb_cell(r, &t, tx->s ? tx->s : "", tx->line,
					    NULL);
				} else if (st->fail_point.line != 0) {
					const struct pg_fail_point *fp = &st->fail_point;
					struct pg_run *v = cp_palloc(r, 3 * sizeof(*v));
					if (v == NULL)
						return;
					cp_chk(r, fp->text, fp->line);
					cp_chk(r, fp->recovery.s, fp->recovery.line);
					v[0] = (struct pg_run){ fp->text ? fp->text : "", 0 };
					v[1] = (struct pg_run){ fp->recovery.s ?
					    cp_sfmt(r, "\n%s%s", cp_label(r, "blueprint.recovery"), COLON(r)) :
					    "", PG_STYLE_STRONG };
					v[2] = (struct pg_run){ fp->recovery.s ?
					    fp->recovery.s : "", 0 };
					c = cp_tb_cellv(r, &t, v, fp->recovery.s ? 3 : 1, NULL);
				} else
					cp_tb_cell(r, &t, "", 0, NULL);
			}
		}
		cp_tb_end(r, &t);
	}
}

/*
 * One service blueprint: heading, service, the swimlane (or a table).  The
 * figure and its alternate text draw the plan's first blueprint, so each
 * one is handed to them as a copy of the plan whose first it is.
 */
static void
blueprint_one(struct rs *r, const struct pg_blueprint *b)
{
	const struct pg_plan	*save = r->p;
	struct pg_plan		 one;
	struct cp_figparts	 bp;

	if (b->line == 0 || b->nsteps == 0)
		return;
	one = *save;
	one.strategy.blueprint = *b;
	r->p = &one;
	cp_fig_parts_begin(r, PG_FIG_BLUEPRINT, &bp);
	cp_keep_room(r, bp.want + r->t->size_h2 * 3 + r->body.leading * 2);
	cp_heading2(r, "strategy.blueprint");
	if (b->service) {
		cp_chk(r, b->service, b->line);
		cp_lead_para(r, b->service, NULL, 0, &r->body);
	}
	if (cp_fig_parts_end(r, &bp) != 0)
		blueprint_table(r, b);
	r->p = save;
}

void
cp_sec_strategy(struct rs *r)
{
	const struct pg_strategy *s = &r->p->strategy;
	struct tb	 t;
	size_t		 i;

	cp_heading1(r, "strategy.heading");
	cp_heading2(r, "strategy.positioning");
	cp_prose(r, &s->positioning);
	cp_heading2(r, "strategy.target-customers");
	cp_prose(r, &s->target_customers);
	if (s->target_competitors.line != 0) {
		cp_heading2(r, "strategy.target-competitors");
		cp_prose(r, &s->target_competitors);
	}
	cp_heading2(r, "strategy.core");
	cp_prose(r, &s->core);
	if (s->mix_line != 0) {
		static const double mf[2] = { 0.18, 0.6 };
		cp_heading2(r, "strategy.mix");
		cp_tb_begin_keys(r, &t, 2, (const char *const []){
		    "col.element", "col.approach" });
		t.min_frac = mf;
		for (i = 0; i < PG_MIX_N; i++) {
			if (s->mix[i].line == 0)
				continue;
			cp_tb_cell(r, &t, cp_enum_label(r, "mix", pg_mix_names[i]), 0,
			    &r->tbold);
			cp_tb_prose(r, &t, &s->mix[i], NULL);
		}
		cp_tb_end(r, &t);
	}
	if (s->quality_line != 0 && s->ndimensions > 0 && !cp_seed_has_scores(s)) {
		static const double mf[2] = { 0.18, 0.6 };
		cp_heading2(r, "strategy.service-quality");
		cp_tb_begin_keys(r, &t, 2, (const char *const []){
		    "col.dimension", "col.standard" });
		t.min_frac = mf;
		for (i = 0; i < s->ndimensions; i++) {
			cp_tb_cell(r, &t, cp_enum_label(r, "servqual",
			    pg_servqual_names[s->dimensions[i].name]), 0, &r->tbold);
			cp_tb_prose(r, &t, &s->dimensions[i].text, NULL);
		}
		cp_tb_end(r, &t);
	} else if (s->quality_line != 0 && s->ndimensions > 0) {
		/* v2 SERVQUAL scores: expected, perceived and the gap */
		static const double mf[5] = { 0.16, 0.4, 0.09, 0.09, 0.08 };
		cp_heading2(r, "strategy.service-quality");
		cp_tb_begin_keys(r, &t, 5, (const char *const []){
		    "col.dimension", "col.standard", "col.expected",
		    "col.perceived", "col.gap" });
		t.min_frac = mf;
		for (i = 0; i < s->ndimensions; i++) {
			const struct pg_dimension *d = &s->dimensions[i];
			const char *name = cp_enum_label(r, "servqual",
			    pg_servqual_names[d->name]);
			if (d->id != NULL)
				cp_name_cell(r, &t, name, d->id, d->line);
			else
				cp_tb_cell(r, &t, name, 0, &r->tbold);
			cp_tb_prose(r, &t, &d->text, NULL);
			cp_tb_cell(r, &t, d->expected.text, d->line, &r->tright);
			cp_tb_cell(r, &t, d->perceived.text, d->line, &r->tright);
			cp_tb_cell(r, &t, cp_seed_gap(r, d), d->line, &r->tbright);
		}
		cp_tb_end(r, &t);
		cp_seed_servqual_chart(r);
	}
	{
		/* every blueprint (v2 allows several; blueprints[0] is blueprint) */
		size_t k, nb = s->nblueprints ? s->nblueprints : 1;
		for (k = 0; k < nb; k++)
			blueprint_one(r, s->nblueprints ? &s->blueprints[k] :
			    &s->blueprint);
	}
	cp_seed_fab(r);
}

void
cp_sec_actions(struct rs *r)
{
	const struct pg_actions *as = &r->p->actions;
	static const double mf[6] = { 0.06, 0.3, 0.1, 0.14, 0.07, 0.08 };
	struct tb	 t;
	size_t		 i;
	int		 details = 0;

	if (cp_large(r)) {	/* a summary; the list in the appendix */
		cp_large_actions(r);
		return;
	}
	cp_heading1(r, "actions.heading");
	cp_tb_begin_keys(r, &t, 6, (const char *const []){
	    "col.id", "col.action", "col.owner", "col.dates", "col.goals",
	    "col.category" });
	t.min_frac = mf;
	for (i = 0; i < as->n; i++) {
		const struct pg_action *a = &as->v[i];
		cp_tb_cell(r, &t, a->id, a->line, &r->tbold);
		cp_tb_cell(r, &t, a->title.s, a->title.line, NULL);
		cp_tb_cell(r, &t, a->owner, a->line, NULL);
		cp_tb_cell(r, &t, cp_fmt_range(r, a->start, a->end), a->line, NULL);
		cp_tb_cell(r, &t, cp_refs(r, &a->goals), a->line, NULL);
		cp_tb_cell(r, &t, cp_enum_label(r, "category",
		    pg_category_names[a->category]), a->line, NULL);
		details += a->description.line != 0 || a->measure.s != NULL ||
		    a->note.line != 0 || cp_seed_action_has(a);
	}
	cp_tb_end(r, &t);
	cp_fig_timeline(r);
	if (details == 0)
		return;
	cp_heading2(r, "actions.details");
	for (i = 0; i < as->n; i++) {
		const struct pg_action *a = &as->v[i];
		if (a->description.line == 0 && a->measure.s == NULL &&
		    a->note.line == 0 && !cp_seed_action_has(a))
			continue;
		/* the lead is a paragraph: keep it with what follows */
		cp_keep_room(r, r->lead.space_before + r->lead.leading * 2 +
		    r->body.leading * 2.5);
		cp_lead_para(r, cp_sfmt(r, "%s  %s", a->id, a->title.s ? a->title.s : ""),
		    NULL, 0, &r->lead);
		cp_prose(r, &a->description);
		if (a->measure.s != NULL) {
			struct pg_run *v = cp_palloc(r, 2 * sizeof(*v));
			if (v == NULL)
				return;
			cp_chk(r, a->measure.s, a->measure.line);
			v[0] = (struct pg_run){ cp_sfmt(r, "%s%s",
			    cp_label(r, "actions.measure"), COLON(r)), PG_STYLE_STRONG };
			v[1] = (struct pg_run){ a->measure.s, 0 };
			cp_lcheck(r, pg_layout_para(r->l, v, 2, &r->body));
			cp_placed(r, a->measure.s);
		}
		cp_seed_action_details(r, a);
		cp_note(r, &a->note);		/* version 2 */
	}
}

/* FNV-1a of a category's name (the budget's hash of categories). */
static size_t
cat_hash(const char *s)
{
	size_t h = (size_t)2166136261u;

	for (; s != NULL && *s != '\0'; s++)
		h = (h ^ (unsigned char)*s) * (size_t)16777619u;
	return h;
}

void
cp_sec_budget(struct rs *r)
{
	const struct pg_budget *b = &r->p->budget;
	static const double mf[4] = { 0.14, 0.4, 0.08, 0.14 };
	struct tb	 t;
	struct pg_tstyle wb, wr;	/* a mismatch's rows: in the table's scope */
	const char	*h[4], **cats;
	int64_t		*sub, total = 0;
	size_t		*cnt, ncat = 0, i, c, k, *head, *tail, *next, *hash, hn;
	int		 cents = 0, over = 0;
	char		 buf[64];
	const unsigned char *listed;

	cp_heading1(r, "budget.heading");
	cats = cp_palloc(r, (b->nlines + 1) * sizeof(*cats));
	sub = cp_palloc(r, (b->nlines + 1) * sizeof(*sub));
	cnt = cp_palloc(r, (b->nlines + 1) * sizeof(*cnt));
	head = cp_palloc(r, (b->nlines + 1) * sizeof(*head));
	tail = cp_palloc(r, (b->nlines + 1) * sizeof(*tail));
	next = cp_palloc(r, (b->nlines + 1) * sizeof(*next));
	for (hn = 16; hn < 2 * b->nlines; hn *= 2)
		;
	hash = cp_palloc(r, hn * sizeof(*hash));
	if (cats == NULL || sub == NULL || cnt == NULL || head == NULL ||
	    tail == NULL || next == NULL || hash == NULL)
		return;
	for (i = 0; i < hn; i++)
		hash[i] = (size_t)-1;
	/* Categories in order of first appearance, with exact subtotals;
	 * found through a hash of their names and each category's lines
	 * chained in document order, so that the table is linear in the
	 * lines however many categories there are. */
	for (i = 0; i < b->nlines; i++) {
		const struct pg_budget_line *bl = &b->lines[i];
		size_t hh = cat_hash(bl->category) & (hn - 1);
		while ((c = hash[hh]) != (size_t)-1 &&
		    strcmp(cats[c], bl->category) != 0)
			hh = (hh + 1) & (hn - 1);
		if (c == (size_t)-1) {
			c = ncat++;
			hash[hh] = c;
			cats[c] = bl->category;
			cnt[c] = 0;
			sub[c] = 0;
			head[c] = i;
		} else
			next[tail[c]] = i;
		tail[c] = i;
		next[i] = (size_t)-1;
		cnt[c]++;
		if (pg_money_add(sub[c], bl->amount.minor, &sub[c]) != 0 ||
		    pg_money_add(total, bl->amount.minor, &total) != 0)
			over = 1;
		cents |= bl->amount.minor % 100 != 0;
	}
	if (b->contingency_line != 0) {
		if (pg_money_add(total, b->contingency.minor, &total) != 0)
			over = 1;
		cents |= b->contingency.minor % 100 != 0;
	}
	h[0] = cp_label(r, "col.category");
	h[1] = cp_label(r, "col.item");
	h[2] = cp_label(r, "col.action");
	h[3] = cp_sfmt(r, r->zh ? "%s（%s）" : "%s (%s)", cp_label(r, "col.amount"),
	    cp_money_unit(r));
	cp_tb_begin(r, &t, 4, h);
	t.min_frac = mf;
	t.no_stripe = 1;
	listed = cp_large_listed(r);	/* with their actions instead */
	for (c = 0; c < ncat; c++) {
		size_t nl = 0;
		int64_t ls = 0;
		for (i = head[c], k = 0; i != (size_t)-1; i = next[i]) {
			const struct pg_budget_line *bl = &b->lines[i];
			if (listed != NULL && listed[i]) {
				cp_tb_also(r, &t, bl->category);
				nl++;
				if (pg_money_add(ls, bl->amount.minor, &ls) != 0)
					over = 1;
				continue;
			}
			/* the category heads its group's first row; a later
			 * page it continues on says so */
			cp_tb_also(r, &t, bl->category);
			if (k > 0)
				cp_tb_cont(r, &t, cats[c]);
			cp_tb_cell(r, &t, k == 0 ? bl->category : "", bl->line,
			    &r->tbold);
			cp_tb_cell_note(r, &t, bl->text, bl->line, &bl->note, NULL);
			cp_tb_cell(r, &t, bl->action, bl->line, NULL);
			cp_tb_cell(r, &t, cp_sfmt(r, "%s", cp_amount(r, bl->amount.minor,
			    cents, buf, sizeof(buf))), bl->line, &r->tright);
			k++;
		}
		if (nl > 0) {	/* a large plan: lines listed in the appendix */
			if (k > 0)
				cp_tb_cont(r, &t, cats[c]);
			cp_tb_cell(r, &t, k == 0 ? cats[c] : "", 0, &r->tbold);
			cp_tb_cell(r, &t, cp_sfmt(r, r->zh ?
			    "%zu 项，随所属行动列于行动附录" :
			    "%zu lines, listed with their actions in the appendix "
			    "of actions", nl), 0, &r->tmuted);
			cp_tb_cell(r, &t, "", 0, NULL);
			cp_tb_cell(r, &t, over ? "—" : cp_sfmt(r, "%s", cp_amount(r,
			    ls, cents, buf, sizeof(buf))), 0, k == 0 ?
			    &r->tbright : &r->tright);
		}
		if (cnt[c] > 1 && k > 0) {	/* not for one summary row */
			cp_tb_cont(r, &t, cats[c]);
			struct pg_cell *x[4];
			x[0] = cp_tb_cell(r, &t, "", 0, NULL);
			x[1] = cp_tb_cell(r, &t, cp_sfmt(r, "%s · %s",
			    cp_label(r, "budget.subtotal"), cats[c]), 0, &r->tbold);
			x[2] = cp_tb_cell(r, &t, "", 0, NULL);
			x[3] = cp_tb_cell(r, &t, over ? "—" : cp_sfmt(r, "%s",
			    cp_amount(r, sub[c], cents, buf, sizeof(buf))), 0,
			    &r->tbright);
			for (i = 1; i < 4; i++)
				if (x[i]) { x[i]->fill = r->t->c_stripe; x[i]->has_fill = 1; }
		}
	}
	if (b->contingency_line != 0) {
		cp_tb_cell(r, &t, cp_label(r, "budget.contingency"), b->contingency_line,
		    &r->tbold);
		cp_tb_cell(r, &t, b->contingency_text ? b->contingency_text : "",
		    b->contingency_line, NULL);
		cp_tb_cell(r, &t, "", 0, NULL);
		cp_tb_cell(r, &t, cp_sfmt(r, "%s", cp_amount(r, b->contingency.minor,
		    cents, buf, sizeof(buf))), b->contingency_line, &r->tright);
	}
	{
		struct pg_cell *x[4];
		x[0] = cp_tb_cell(r, &t, cp_label(r, "budget.total"), b->line, &r->thead);
		x[1] = cp_tb_cell(r, &t, "", 0, &r->thead);
		x[2] = cp_tb_cell(r, &t, "", 0, &r->thead);
		x[3] = cp_tb_cell(r, &t, over ? "—" : cp_sfmt(r, "%s",
		    cp_amount(r, total, cents, buf, sizeof(buf))), b->line,
		    &r->theadr);
		for (i = 0; i < 4; i++)
			if (x[i]) { x[i]->fill = r->t->c_head; x[i]->has_fill = 1; }
	}
	/* a stated total that the lines do not add up to: it and the
	 * difference under the total, in the draft's (the findings')
	 * colour (issue 9; rule budget-total-mismatch) */
	if (b->total.set && !over && b->total.minor != total &&
	    total != INT64_MIN) {
		int64_t	 diff;
		int	 c2 = cents || b->total.minor % 100 != 0;

		/* the cells keep a pointer to their style until cp_tb_end */
		wb = r->tbold;
		wr = r->tbright;
		wb.color = wr.color = r->t->c_draft;
		cp_tb_cell(r, &t, cp_label(r, "budget.stated-total"), b->line, &wb);
		cp_tb_cell(r, &t, "", 0, NULL);
		cp_tb_cell(r, &t, "", 0, NULL);
		cp_tb_cell(r, &t, cp_sfmt(r, "%s", cp_amount(r, b->total.minor, c2,
		    buf, sizeof(buf))), b->line, &wr);
		if (pg_money_add(b->total.minor, -total, &diff) == 0) {
			cp_tb_cell(r, &t, cp_label(r, "budget.difference"), b->line,
			    &wb);
			cp_tb_cell(r, &t, "", 0, NULL);
			cp_tb_cell(r, &t, "", 0, NULL);
			cp_tb_cell(r, &t, cp_sfmt(r, "%s%s", diff > 0 ? "+" :
			    "\u2212", cp_amount(r, diff > 0 ? diff : -diff, c2,
			    buf, sizeof(buf))), b->line, &wr);
		}
	}
	cp_tb_end(r, &t);
	cp_fig_chart(r, PG_FIG_BUDGET);
	cp_budget_phasing(r);	/* v2: spending by period */
}

void
cp_sec_controls(struct rs *r)
{
	const struct pg_controls *c = &r->p->controls;
	struct tb	 t;
	size_t		 i, kinds = 0, owners = 0;

	if (c->line == 0)
		return;
	cp_heading1(r, "controls.heading");
	for (i = 0; i < c->nkpis; i++)
		kinds += c->kpis[i].kind != PG_KIND_NONE;
	for (i = 0; i < c->nrisks; i++)
		owners += c->risks[i].owner != NULL;
	if (c->nkpis > 0 && kinds > 0) {
		/* v2: the KPI's kind (activity or result) in its own column */
		static const double mf[6] = { 0.26, 0.07, 0.12, 0.1, 0.1, 0.1 };
		cp_heading2(r, "controls.kpis");
		if (cp_large_kpis(r, 1))
			goto kpis_done;	/* large.c: two to a line */
		cp_tb_begin_keys(r, &t, 6, (const char *const []){
		    "col.kpi", "col.goal", "col.target", "col.frequency",
		    "col.kind", "col.owner" });
		t.min_frac = mf;
		for (i = 0; i < c->nkpis; i++) {
			const struct pg_kpi *k = &c->kpis[i];
			cp_tb_cell_note(r, &t, k->text, k->line, &k->note, NULL);
			cp_tb_cell(r, &t, k->goal, k->line, &r->tbold);
			cp_tb_cell(r, &t, k->target, k->line, NULL);
			cp_tb_cell(r, &t, cp_enum_label(r, "frequency",
			    pg_frequency_names[k->frequency]), k->line, NULL);
			cp_tb_cell(r, &t, cp_enum_label(r, "kind",
			    pg_kpi_kind_names[k->kind]), k->line, NULL);
			cp_tb_cell(r, &t, k->owner, k->line, NULL);
		}
		cp_tb_end(r, &t);
	} else if (c->nkpis > 0) {
		static const double mf[5] = { 0.3, 0.07, 0.12, 0.1, 0.1 };
		cp_heading2(r, "controls.kpis");
		if (cp_large_kpis(r, 0))
			goto kpis_done;	/* large.c: two to a line */
		cp_tb_begin_keys(r, &t, 5, (const char *const []){
		    "col.kpi", "col.goal", "col.target", "col.frequency",
		    "col.owner" });
		t.min_frac = mf;
		for (i = 0; i < c->nkpis; i++) {
			const struct pg_kpi *k = &c->kpis[i];
			cp_tb_cell_note(r, &t, k->text, k->line, &k->note, NULL);
			cp_tb_cell(r, &t, k->goal, k->line, &r->tbold);
			cp_tb_cell(r, &t, k->target, k->line, NULL);
			cp_tb_cell(r, &t, cp_enum_label(r, "frequency",
			    pg_frequency_names[k->frequency]), k->line, NULL);
			cp_tb_cell(r, &t, k->owner, k->line, NULL);
		}
		cp_tb_end(r, &t);
	}
kpis_done:
	if (c->nmilestones > 0) {
		static const double mf[3] = { 0.16, 0.5, 0.1 };
		cp_heading2(r, "controls.milestones");
		cp_tb_begin_keys(r, &t, 3, (const char *const []){
		    "col.date", "col.milestone", "col.goals" });
		t.min_frac = mf;
		for (i = 0; i < c->nmilestones; i++) {
			const struct pg_milestone *m = &c->milestones[i];
			cp_tb_cell(r, &t, cp_fmt_sdate(r, m->date), m->line, &r->tbold);
			cp_tb_cell(r, &t, m->text, m->line, NULL);
			cp_tb_cell(r, &t, cp_refs(r, &m->goals), m->line, NULL);
		}
		cp_tb_end(r, &t);
	}
	if (c->nreviews > 0) {
		static const double mf[2] = { 0.2, 0.6 };
		cp_heading2(r, "controls.reviews");
		cp_tb_begin_keys(r, &t, 2, (const char *const []){
		    "col.cadence", "col.review" });
		t.min_frac = mf;
		for (i = 0; i < c->nreviews; i++) {
			cp_tb_cell(r, &t, c->reviews[i].cadence, c->reviews[i].line,
			    &r->tbold);
			cp_tb_cell(r, &t, c->reviews[i].text, c->reviews[i].line, NULL);
		}
		cp_tb_end(r, &t);
	}
	if (c->nrisks > 0 && owners > 0) {
		/* v2: who owns each risk, in its own column */
		static const double mf[5] = { 0.26, 0.08, 0.08, 0.26, 0.12 };
		cp_heading2(r, "controls.risks");
		cp_tb_begin_keys(r, &t, 5, (const char *const []){
		    "col.risk", "col.likelihood", "col.impact",
		    "col.mitigation", "col.owner" });
		t.min_frac = mf;
		for (i = 0; i < c->nrisks; i++) {
			const struct pg_risk *k = &c->risks[i];
			cp_tb_cell_note(r, &t, k->text, k->line, &k->note, NULL);
			cp_tb_cell(r, &t, cp_enum_label(r, "level",
			    pg_level_names[k->likelihood]), k->line, NULL);
			cp_tb_cell(r, &t, cp_enum_label(r, "level",
			    pg_level_names[k->impact]), k->line, NULL);
			cp_tb_cell(r, &t, k->mitigation.s, k->mitigation.line, NULL);
			cp_tb_cell(r, &t, k->owner, k->line, NULL);
		}
		cp_tb_end(r, &t);
	} else if (c->nrisks > 0) {
		static const double mf[4] = { 0.3, 0.08, 0.08, 0.3 };
		cp_heading2(r, "controls.risks");
		cp_tb_begin_keys(r, &t, 4, (const char *const []){
		    "col.risk", "col.likelihood", "col.impact",
		    "col.mitigation" });
		t.min_frac = mf;
		for (i = 0; i < c->nrisks; i++) {
			const struct pg_risk *k = &c->risks[i];
			cp_tb_cell_note(r, &t, k->text, k->line, &k->note, NULL);
			cp_tb_cell(r, &t, cp_enum_label(r, "level",
			    pg_level_names[k->likelihood]), k->line, NULL);
			cp_tb_cell(r, &t, cp_enum_label(r, "level",
			    pg_level_names[k->impact]), k->line, NULL);
			cp_tb_cell(r, &t, k->mitigation.s, k->mitigation.line, NULL);
		}
		cp_tb_end(r, &t);
	}
}

void
cp_sec_findings(struct rs *r)
{
	const struct pg_diags *d = r->o->findings;
	struct tb	 t;
	size_t		 i, n = 0;
	static const double mf[4] = { 0.06, 0.08, 0.24, 0.45 };

	cp_lcheck(r, pg_layout_new_page(r->l));
	cp_lcheck(r, pg_layout_heading(r->l, 0, cp_label(r, "draft.findings"), &r->h1));
	for (i = 0; d != NULL && i < d->n; i++)
		n += !d->v[i].accepted;
	if (n == 0) {
		cp_text_para(r, cp_label(r, "draft.none"), 0, &r->body);
		return;
	}
	cp_tb_begin_keys(r, &t, 4, (const char *const []){
	    "col.line", "col.severity", "col.rule", "col.finding" });
	t.min_frac = mf;
	for (i = 0; i < d->n; i++) {
		const struct pg_diag *g = &d->v[i];
		if (g->accepted)
			continue;
		cp_tb_cell(r, &t, g->line ? cp_sfmt(r, "%lu", g->line) : "", 0,
		    &r->tright);
		cp_tb_cell(r, &t, cp_label(r, g->sev == PG_ERROR ? "severity.error" :
		    "severity.warning"), 0, g->sev == PG_ERROR ? &r->tbold : NULL);
		cp_tb_cell(r, &t, g->rule, 0, NULL);
		cp_tb_cell(r, &t, g->msg, 0, NULL);
	}
	cp_tb_end(r, &t);
}

