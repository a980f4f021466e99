/*
 * sections_a.c — the analysis sections: summary, situation, SWOT, goals.
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

/* ---- sections ---------------------------------------------------------- */

/* compose_int.h */
void
cp_key_points(struct rs *r, size_t n)
{
	static const double	 mf[2] = { 0.05, 0.8 };
	const struct pg_summary	*s = &r->p->summary;
	struct tb		 t;
	size_t			 i;

	cp_tb_begin(r, &t, 2, NULL);
	t.no_stripe = 1;
	t.min_frac = mf;
	for (i = 0; i < n && i < s->nkey_points; i++) {
		struct pg_cell *c;
		c = cp_tb_cell(r, &t, cp_sfmt(r, "%zu", i + 1), 0, &r->keypt);
		if (c) { c->fill = r->t->c_primary; c->has_fill = 1; }
		c = cp_tb_cell(r, &t, s->key_points[i].s, s->key_points[i].line,
		    &r->tbold);
		if (c) { c->fill = r->t->c_stripe; c->has_fill = 1; }
	}
	cp_tb_end(r, &t);
}

void
cp_sec_summary(struct rs *r)
{
	const struct pg_summary	*s = &r->p->summary;
	struct tb		 t;
	size_t			 i;

	cp_heading1(r, "summary.heading");
	/* Key points first: what the reader must take away. */
	cp_heading2(r, "summary.key-points");
	cp_key_points(r, s->nkey_points);

	if (s->overview.line != 0) {
		cp_heading2(r, "summary.overview");
		cp_prose(r, &s->overview);
	}
	cp_heading2(r, "summary.market-definition");
	cp_prose(r, &s->market_definition);

	if (s->sales_line != 0 && s->nyears > 0) {
		const char *h[3];
		struct cp_fig c;
		double hd = r->t->size_h2 * 3 + (double)(s->nyears + 1) *
		    (r->tbody.leading + r->t->size_table * 0.9 + 1);
		/*
		 * Keep the heading, the table and the chart together (the
		 * chapters run on, so what is left of the page is filled);
		 * else at least the heading and the table.
		 */
		cp_fig_begin(r, PG_FIG_SALES, &c);
		cp_keep_with(r, hd + cp_fig_h(r, &c), hd);
		cp_heading2(r, "summary.sales");
		h[0] = cp_label(r, "col.year");
		h[1] = s->sales_unit ? cp_sfmt(r, r->zh ? "%s（%s）" : "%s (%s)", cp_label(r, "col.sales"),
		    s->sales_unit) : cp_label(r, "col.sales");
		h[2] = cp_label(r, "col.growth");
		cp_chk(r, s->sales_unit, s->sales_line);
		cp_tb_begin(r, &t, 3, h);
		cp_tb_also(r, &t, s->sales_unit);
		for (i = 0; i < s->nyears; i++) {
			const struct pg_sales_year *y = &s->years[i];
			const char *g = "–";
			if (i > 0 && s->years[i - 1].value.v != 0) {
				double pv = s->years[i - 1].value.v;
				double gr = (y->value.v - pv) / fabs(pv) * 100.0;
				g = cp_sfmt(r, "%+.1f%%", gr);
			}
			cp_tb_also(r, &t, y->label);
			cp_tb_cell(r, &t, y->plan ? cp_sfmt(r, r->zh ? "%s（%s）" : "%s (%s)", y->label,
			    cp_label(r, "sales.plan")) : y->label, y->line, NULL);
			cp_tb_cell(r, &t, cp_fmt_num(r, y->value.text), y->line, &r->tright);
			cp_tb_cell(r, &t, g, y->line, &r->tright);
		}
		cp_tb_end(r, &t);
		cp_fig_end(r, &c);
	}
}

static const char *
competitor_name(struct rs *r, const char *id)
{
	size_t	i;

	for (i = 0; id && i < r->p->situation.ncompetitors; i++)
		if (r->p->situation.competitors[i].id &&
		    strcmp(r->p->situation.competitors[i].id, id) == 0)
			return r->p->situation.competitors[i].name;
	return id ? id : "";
}

/*
 * One positioning map: heading, the map (or its axes in words), its
 * caption (v2), and its positions as a table.  The figure and its
 * alternate text draw the plan's first map, so each map is handed to them
 * as a copy of the plan whose first map it is (r->p while it is laid out).
 */
static void
posmap_one(struct rs *r, const struct pg_posmap *m)
{
	const struct pg_plan	*save = r->p;
	struct pg_plan		 one;
	struct cp_fig		 map;
	struct tb		 t;
	const char		*h[3];
	size_t			 i;
	int			 drawn;

	one = *save;
	one.situation.posmap = *m;
	r->p = &one;
	r->fig_caption = m->caption.s;	/* the map's own caption, if any */
	cp_fig_begin(r, PG_FIG_POSMAP, &map);
	cp_keep_room(r, cp_fig_want(r, &map, 0.6) + r->t->size_h2 * 3);
	cp_heading2(r, "situation.positioning-map");
	cp_chk(r, m->x, m->line);
	cp_chk(r, m->y, m->line);
	cp_chk(r, m->x_low, m->line);
	cp_chk(r, m->x_high, m->line);
	cp_chk(r, m->y_low, m->line);
	cp_chk(r, m->y_high, m->line);
	drawn = map.on;
	cp_fig_end(r, &map);
	r->fig_caption = NULL;
	if (!r->fig)
	{
		/* without the map, say what the axes mean */
		const char *ax[2], *lo[2], *hi[2];
		int k;
		ax[0] = m->x; lo[0] = m->x_low; hi[0] = m->x_high;
		ax[1] = m->y; lo[1] = m->y_low; hi[1] = m->y_high;
		for (k = 0; k < 2; k++)
			if (ax[k] != NULL)
				cp_text_para(r, lo[k] || hi[k] ? cp_sfmt(r,
				    r->zh ? "%s：%s → %s" : "%s: %s → %s",
				    ax[k], lo[k] ? lo[k] : "", hi[k] ? hi[k] : "") :
				    ax[k], m->line, &r->caption);
		cp_placed(r, m->x_low);
		cp_placed(r, m->x_high);
		cp_placed(r, m->y_low);
		cp_placed(r, m->y_high);
	}
	if (m->caption.s != NULL && *m->caption.s != '\0') {
		/* the figure's numbered caption says it; else a line of its own */
		if (!drawn || r->oom)
			cp_text_para(r, m->caption.s, m->caption.line, &r->caption);
		cp_placed(r, m->caption.s);
	}
	h[0] = cp_label(r, "col.brand");
	h[1] = m->x ? m->x : "x";
	h[2] = m->y ? m->y : "y";
	cp_tb_begin(r, &t, 3, h);
	for (i = 0; i < m->npositions; i++) {
		const struct pg_position *ps = &m->positions[i];
		const char *name = ps->label;
		if (name == NULL)
			name = ps->competitor ? competitor_name(r,
			    ps->competitor) : cp_label(r, ps->own == PG_OWN_TARGET ?
			    "own.target" : "own.current");
		cp_tb_cell(r, &t, name, ps->line, ps->own ? &r->tbold : NULL);
		cp_tb_cell(r, &t, ps->x.text, ps->line, &r->tright);
		cp_tb_cell(r, &t, ps->y.text, ps->line, &r->tright);
	}
	cp_tb_end(r, &t);
	r->p = save;
}

void
cp_sec_situation(struct rs *r)
{
	const struct pg_situation *s = &r->p->situation;
	struct tb	 t;
	size_t		 i;

	cp_heading1(r, "situation.heading");
	cp_heading2(r, "situation.market");
	cp_prose(r, &s->market);
	if (s->nfacts > 0) {
		cp_tb_begin_keys(r, &t, 2, (const char *const []){
		    "col.fact", "col.value" });
		for (i = 0; i < s->nfacts; i++) {
			cp_tb_cell(r, &t, s->facts[i].label, s->facts[i].line, NULL);
			cp_tb_cell(r, &t, s->facts[i].value, s->facts[i].line, &r->tbold);
		}
		cp_tb_end(r, &t);
	}
	if (s->customers_line != 0 && s->nsegments > 0) {
		static const double mf[3] = { 0.18, 0.08, 0.45 };
		cp_heading2(r, "situation.customers");
		cp_tb_begin_keys(r, &t, 3, (const char *const []){
		    "col.segment", "col.share", "col.description" });
		t.min_frac = mf;
		for (i = 0; i < s->nsegments; i++) {
			const struct pg_segment *g = &s->segments[i];
			cp_name_cell(r, &t, g->name, g->id, g->line);
			cp_tb_cell(r, &t, g->share.text ? cp_sfmt(r, "%s%%",
			    g->share.text) : "", g->line, &r->tright);
			cp_tb_prose(r, &t, &g->text, NULL);
		}
		cp_tb_end(r, &t);
	}
	if (s->competitors_line != 0 && s->ncompetitors > 0) {
		static const double mf[4] = { 0.16, 0.08, 0.1, 0.4 };
		cp_heading2(r, "situation.competitors");
		cp_tb_begin_keys(r, &t, 4, (const char *const []){
		    "col.competitor", "col.share", "col.competitor-sales",
		    "col.description" });
		t.min_frac = mf;
		for (i = 0; i < s->ncompetitors; i++) {
			const struct pg_competitor *c = &s->competitors[i];
			cp_name_cell(r, &t, c->name, c->id, c->line);
			cp_tb_cell(r, &t, c->share.text ? cp_sfmt(r, "%s%%",
			    c->share.text) : "", c->line, &r->tright);
			cp_tb_cell(r, &t, cp_fmt_num(r, c->sales.text), c->line,
			    &r->tright);
			cp_tb_prose(r, &t, &c->text, NULL);
		}
		cp_tb_end(r, &t);
	}
	if (s->performance.line != 0) {
		cp_heading2(r, "situation.performance");
		cp_prose(r, &s->performance);
	}
	if (s->events.line != 0) {
		cp_heading2(r, "situation.events");
		cp_prose(r, &s->events);
	}
	if (s->nposmaps > 0)
		for (i = 0; i < s->nposmaps; i++)
			posmap_one(r, &s->posmaps[i]);
	else if (s->posmap.line != 0)	/* a model built without the reader */
		posmap_one(r, &s->posmap);
	cp_seed_journeys(r);
}

void
cp_sec_swot(struct rs *r)
{
	const struct pg_swot *s = &r->p->swot;
	static const char *const keys[4] = { "swot.strength", "swot.weakness",
		"swot.opportunity", "swot.threat" };
	struct tb	 t;
	const char	*h[2];
	int		 q, half;

	cp_heading1(r, "swot.heading");
	if (cp_fig_swot(r) == 0) {
		cp_seed_tows(r);
		return;
	}
	/* The 2x2 grid as two two-column tables: S|W, then O|T. */
	for (half = 0; half < 2; half++) {
		struct pg_run	*col[2];
		size_t		 n[2] = { 0, 0 }, i;
		h[0] = cp_label(r, keys[half * 2]);
		h[1] = cp_label(r, keys[half * 2 + 1]);
		cp_tb_begin(r, &t, 2, h);
		t.no_stripe = 1;
		for (q = 0; q < 2; q++) {
			enum pg_swot_kind k = (enum pg_swot_kind)(half * 2 + q);
			size_t cnt = 0, o = 0;
			for (i = 0; i < s->nitems; i++)
				cnt += s->items[i].kind == k;
			col[q] = cp_palloc(r, (cnt * 4 + 1) * sizeof(struct pg_run));
			if (col[q] == NULL)
				return;
			for (i = 0; i < s->nitems; i++) {
				const struct pg_swot_item *it = &s->items[i];
				if (it->kind != k)
					continue;
				cp_chk(r, it->text, it->line);
				if (o > 0)
					col[q][o++] = (struct pg_run){ "\n", 0 };
				col[q][o++] = (struct pg_run){ cp_sfmt(r, "%s  ",
				    it->id), PG_STYLE_STRONG };
				cp_tb_also(r, &t, it->id);
				col[q][o++] = (struct pg_run){ it->text, 0 };
			}
			if (o == 0)
				col[q][o++] = (struct pg_run){ "—", 0 };
			n[q] = o;
		}
		cp_tb_cellv(r, &t, col[0], n[0], NULL);
		cp_tb_cellv(r, &t, col[1], n[1], NULL);
		{
			static const double mf[2] = { 0.5, 0.5 };
			t.min_frac = mf;
		}
		cp_tb_end(r, &t);
	}
	cp_seed_tows(r);
}

/* The space between a number and its unit: none before "%" or a CJK unit. */
static const char *
unit_sep(const char *unit)
{
	size_t i = 0;

	if (unit == NULL || *unit == '\0' || strcmp(unit, "%") == 0)
		return "";
	return pg_is_cjk(pg_utf8_next(unit, strlen(unit), &i)) ? "" : " ";
}

static const char *
goal_extra(struct rs *r, const struct pg_goal *g)
{
	const char *s = "";

	if (g->type != PG_GOAL_NONE)
		s = cp_label(r, g->type == PG_GOAL_STRATEGIC ? "goal-type.strategic" :
		    "goal-type.quantitative");
	if (g->parent)
		s = cp_sfmt(r, "%s%s%s%s%s", s, *s ? " · " : "", cp_label(r, "col.parent"),
		    COLON(r), g->parent);
	if (g->addresses.n > 0)
		s = cp_sfmt(r, "%s%s%s%s%s", s, *s ? " · " : "",
		    cp_label(r, "col.addresses"), COLON(r), cp_refs(r, &g->addresses));
	return s;
}

void
cp_sec_goals(struct rs *r)
{
	const struct pg_goals *gs = &r->p->goals;
	static const double mf[6] = { 0.06, 0.3, 0.12, 0.12, 0.1, 0.08 };
	struct tb	 t;
	struct cp_mstack *ms = NULL;
	size_t		 i;
	int		 notes = 0;

	cp_heading1(r, "goals.heading");
	cp_tb_begin_keys(r, &t, 6, (const char *const []){
	    "col.id", "col.goal", "col.metric", "col.baseline-target",
	    "col.due", "col.owner" });
	t.min_frac = mf;
	for (i = 0; i < gs->n; i++) {
		const struct pg_goal *g = &gs->v[i];
		const char *extra = goal_extra(r, g);
		const char **names = cp_palloc(r, (g->nmetrics + 1) *
		    sizeof(*names));
		const char **bts = cp_palloc(r, (g->nmetrics + 1) *
		    sizeof(*bts));
		size_t j;
		struct pg_run *v = cp_palloc(r, 3 * sizeof(*v));
		if (v == NULL || names == NULL || bts == NULL)
			return;
		cp_chk(r, g->statement.s, g->statement.line);
		v[0] = (struct pg_run){ g->statement.s ? g->statement.s : "", 0 };
		v[1] = (struct pg_run){ *extra ? cp_sfmt(r, "\n%s", extra) : "",
		    r->zh ? 0 : PG_STYLE_EM };
		cp_tb_cell(r, &t, g->id, g->line, &r->tbold);
		cp_tb_cellv(r, &t, v, *extra ? 2 : 1, NULL);
		/* v2: one line group per metric, in both columns */
		for (j = 0; j < g->nmetrics; j++) {
			const struct pg_metric *m = &g->metrics[j];
			const char *sp = unit_sep(m->unit), *one = "";
			cp_chk(r, m->name, m->line);
			cp_chk(r, m->unit, m->line);
			if (m->baseline.text && m->target.text)
				one = cp_sfmt(r, "%s → %s%s%s", cp_fmt_num(r, m->baseline.text),
				    cp_fmt_num(r, m->target.text), sp,
				    m->unit ? m->unit : "");
			else if (m->target.text)
				one = cp_sfmt(r, "→ %s%s%s", cp_fmt_num(r, m->target.text),
				    sp, m->unit ? m->unit : "");
			if (*one && m->unit != NULL)
				cp_tb_also(r, &t, m->unit);
			if (g->nmetrics > 1)	/* the cell shows a joined copy */
				cp_tb_also(r, &t, m->name);
			names[j] = m->name ? m->name : "";
			bts[j] = one;
		}
		cp_mstack_cells(r, &t, &ms, g, names, bts);
		cp_tb_cell(r, &t, cp_fmt_sdate(r, g->due), g->line, NULL);
		cp_tb_cell(r, &t, g->owner, g->line, NULL);
		notes += g->note.line != 0;
	}
	cp_mstack_align(r, &t, ms, 2);	/* v2: stacked metrics lined up */
	cp_tb_end(r, &t);
	cp_goal_tree(r);	/* v2: trunk, branches and leaves */
	if (notes == 0)
		return;
	cp_heading2(r, "goals.notes");
	for (i = 0; i < gs->n; i++) {
		const struct pg_goal *g = &gs->v[i];
		size_t b, k;
		if (g->note.line == 0)
			continue;
		cp_chk_prose(r, &g->note);
		cp_placed_prose(r, &g->note);
		for (b = 0; b < g->note.nblocks; b++) {
			const struct pg_block *bl = &g->note.blocks[b];
			if (bl->kind == PG_BLOCK_P && b == 0)
				cp_lead_para(r, cp_sfmt(r, "%s  ", g->id), cp_xruns(r,
				    bl->para.runs, bl->para.nruns),
				    bl->para.nruns, &r->body);
			else if (bl->kind == PG_BLOCK_P)
				cp_lcheck(r, pg_layout_para(r->l, cp_xruns(r,
				    bl->para.runs, bl->para.nruns), bl->para.nruns,
				    &r->body));
			else {
				int was;

				if (b == 0)
					cp_lead_para(r, g->id, NULL, 0, &r->body);
				was = pg_frames_enter(r->f, r->f->cur);
				cp_lcheck(r, pg_frames_begin(r->f, PG_ROLE_L));
				for (k = 0; k < bl->nitems; k++)
					cp_lcheck(r, pg_layout_item(r->l,
					    cp_xruns(r, bl->items[k].runs,
					    bl->items[k].nruns), bl->items[k].nruns,
					    &r->item));
				pg_frames_enter(r->f, was);
			}
		}
	}
}
