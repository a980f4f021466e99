/*
 * sections_seed.c — the seed models of plan format version 2 in the
 * document: customer journeys (a journey map figure, or a table when
 * figures are off or it cannot fit), the FAB table, the SERVQUAL scores
 * and gap chart, the QDQ and addresses of an action, the TOWS matrix.
 * Called from the section composers (sections_a.c, sections_b.c).  See
 * compose_int.h.
 *
 * Every model text shown is marked placed (directly, or with cp_tb_also
 * when a cell holds it formatted), so the accounting (account.c) finds
 * nothing lost.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/strbuf.h"
#include "compose/compose_int.h"

/* ---- journeys ----------------------------------------------------------- */

/* "a\nb\nc" of n texts (each marked placed with the table), or "". */
static const char *
joined(struct rs *r, struct tb *t, const struct pg_text *v, size_t n)
{
	const char	*s = "";
	size_t		 i;

	for (i = 0; i < n; i++) {
		if (v[i].s == NULL)
			continue;
		s = *s ? cp_sfmt(r, "%s\n%s", s, v[i].s) : v[i].s;
		cp_chk(r, v[i].s, v[i].line);
		cp_tb_also(r, t, v[i].s);
	}
	return s;
}

/* A feeling score as the curve shows it: "+2", "0", "-1". */
static const char *
score_text(struct rs *r, int score)
{
	return score > 0 ? cp_sfmt(r, "+%d", score) : cp_sfmt(r, "%d", score);
}

/* The journey as a table: one row per stage (never too wide to fit). */
static void
journey_table(struct rs *r, const struct pg_journey *j)
{
	static const double mf[5] = { 0.14, 0.2, 0.2, 0.22, 0.2 };
	struct tb	 t;
	size_t		 i, k;

	cp_tb_begin_keys(r, &t, 5, (const char *const []){ "col.stage",
	    "journey.touchpoints", "journey.feeling", "journey.pains",
	    "journey.opportunities" });
	t.min_frac = mf;
	for (i = 0; i < j->nstages; i++) {
		const struct pg_stage *sg = &j->stages[i];
		const char *pains = "", *feel = "";
		cp_tb_cell(r, &t, sg->name, sg->line, &r->tbold);
		cp_tb_cell(r, &t, joined(r, &t, sg->touchpoints, sg->ntouchpoints),
		    sg->line, NULL);
		if (sg->feeling.line != 0) {
			const char *ft = sg->feeling.s != NULL ? sg->feeling.s : "";
			feel = sg->has_score ? (*ft ? cp_sfmt(r, "%s  %s",
			    score_text(r, sg->score), ft) : score_text(r, sg->score)) : ft;
			if (*ft) {
				cp_chk(r, ft, sg->feeling.line);
				cp_tb_also(r, &t, ft);
			}
		}
		cp_tb_cell(r, &t, feel, sg->line, NULL);
		for (k = 0; k < sg->npains; k++) {
			const struct pg_pain *pn = &sg->pains[k];
			const char *one = cp_sfmt(r, "%s %s", pn->id ? pn->id : "",
			    pn->text ? pn->text : "");
			pains = *pains ? cp_sfmt(r, "%s\n%s", pains, one) : one;
			cp_chk(r, pn->text, pn->line);
			cp_tb_also(r, &t, pn->text);
			cp_tb_also(r, &t, pn->id);
		}
		cp_tb_cell(r, &t, pains, sg->line, NULL);
		cp_tb_cell(r, &t, joined(r, &t, sg->opportunities,
		    sg->nopportunities), sg->line, NULL);
	}
	cp_tb_end(r, &t);
}

void
cp_seed_journeys(struct rs *r)
{
	const struct pg_situation *s = &r->p->situation;
	const struct pg_plan	*save = r->p;
	struct pg_plan		 one;
	size_t			 i;

	for (i = 0; i < s->njourneys; i++) {
		const struct pg_journey *j = &s->journeys[i];
		struct cp_fig map;
		int on;

		if (j->nstages == 0)
			continue;
		/* the figure and its alternate text draw the plan's first
		 * journey: hand them a copy of the plan whose first this is */
		one = *save;
		one.situation.journeys = (struct pg_journey *)j;
		one.situation.njourneys = 1;
		r->p = &one;
		cp_fig_begin(r, PG_FIG_JOURNEY, &map);
		on = map.on;
		cp_keep_room(r, (on ? cp_fig_want(r, &map, 1.0) :
		    r->body.leading * 6) + r->t->size_h2 * 3 + r->body.leading * 2);
		cp_heading2(r, "situation.journey");
		if (j->persona != NULL) {
			cp_text_para(r, cp_sfmt(r, "%s%s%s", cp_label(r,
			    "journey.persona"), COLON(r), j->persona), j->line,
			    &r->body);
			cp_placed(r, j->persona);
		}
		cp_fig_end(r, &map);
		if (!on)	/* figures off, or too many stages for the width */
			journey_table(r, j);
		r->p = save;
	}
}

/* ---- FAB ------------------------------------------------------------------ */

void
cp_seed_fab(struct rs *r)
{
	const struct pg_strategy *s = &r->p->strategy;
	static const double mf[3] = { 0.25, 0.25, 0.3 };
	struct tb	 t;
	size_t		 i;

	if (s->fab_line == 0 || s->nfab == 0)
		return;
	cp_heading2(r, "strategy.fab");
	cp_tb_begin_keys(r, &t, 3, (const char *const []){ "col.feature",
	    "col.advantage", "col.benefit" });
	t.min_frac = mf;
	for (i = 0; i < s->nfab; i++) {
		const struct pg_fab_row *w = &s->fab[i];
		cp_tb_cell(r, &t, w->feature.s, w->feature.line, &r->tbold);
		cp_tb_cell(r, &t, w->advantage.s, w->advantage.line, NULL);
		cp_tb_cell(r, &t, w->benefit.s, w->benefit.line, NULL);
	}
	cp_tb_end(r, &t);
}

/* ---- SERVQUAL --------------------------------------------------------------- */

int
cp_seed_has_scores(const struct pg_strategy *s)
{
	size_t i;

	for (i = 0; i < s->ndimensions; i++)
		if (s->dimensions[i].expected.text != NULL ||
		    s->dimensions[i].perceived.text != NULL ||
		    s->dimensions[i].id != NULL)
			return 1;
	return 0;
}

/* perceived - expected as text with one more decimal than either, or "". */
const char *
cp_seed_gap(struct rs *r, const struct pg_dimension *d)
{
	const char	*e = d->expected.text, *q = d->perceived.text, *dot;
	int		 de = 0, dq = 0, dec;
	double		 g;

	if (e == NULL || q == NULL)
		return "";
	if ((dot = strchr(e, '.')) != NULL)
		de = (int)strlen(dot + 1);
	if ((dot = strchr(q, '.')) != NULL)
		dq = (int)strlen(dot + 1);
	dec = de > dq ? de : dq;
	if (dec > 3)
		dec = 3;	/* for display only: the rule compares exactly */
	g = d->perceived.v - d->expected.v;
	if (g > -0.0005 && g < 0.0005)
		g = 0;
	return g > 0 ? cp_sfmt(r, "+%.*f", dec, g) : cp_sfmt(r, "%.*f", dec, g);
}

void
cp_seed_servqual_chart(struct rs *r)
{
	size_t i;

	for (i = 0; i < r->p->strategy.ndimensions; i++)
		if (r->p->strategy.dimensions[i].expected.text != NULL ||
		    r->p->strategy.dimensions[i].perceived.text != NULL) {
			cp_fig_chart(r, PG_FIG_SERVQUAL);
			return;
		}
}

/* ---- alternate texts ------------------------------------------------------ */

void
cp_seed_alt_journey(struct rs *r, struct pg_sb *sb)
{
	const struct pg_journey	*j;
	size_t			 i, k;

	if (r->p->situation.njourneys == 0)
		return;
	j = &r->p->situation.journeys[0];
	pg_sb_printf(sb, r->zh ? "顾客旅程图%s%s" : "Customer journey map%s%s",
	    j->persona ? (r->zh ? "：" : " of ") : "", j->persona ? j->persona : "");
	pg_sb_add(sb, COLON(r));
	for (i = 0; i < j->nstages; i++) {
		const struct pg_stage *g = &j->stages[i];
		pg_sb_printf(sb, "%s%s", i ? (r->zh ? "；" : "; ") : "",
		    g->name ? g->name : "");
		for (k = 0; k < g->ntouchpoints; k++)
			pg_sb_printf(sb, "%s%s", k ? (r->zh ? "、" : ", ") :
			    (r->zh ? "（" : " ("), g->touchpoints[k].s ?
			    g->touchpoints[k].s : "");
		if (g->ntouchpoints > 0)
			pg_sb_add(sb, r->zh ? "）" : ")");
		if (g->has_score)
			pg_sb_printf(sb, r->zh ? "，%s %+d" : ", %s %+d",
			    cp_label(r, "journey.feeling"), g->score);
		if (g->feeling.s != NULL && *g->feeling.s)
			pg_sb_printf(sb, r->zh ? "（%s）" : " (%s)", g->feeling.s);
		for (k = 0; k < g->npains; k++)
			pg_sb_printf(sb, r->zh ? "，痛点 %s：%s" : ", pain %s: %s",
			    g->pains[k].id ? g->pains[k].id : "",
			    g->pains[k].text ? g->pains[k].text : "");
		for (k = 0; k < g->nopportunities; k++)
			pg_sb_printf(sb, r->zh ? "，机会：%s" : ", opportunity: %s",
			    g->opportunities[k].s ? g->opportunities[k].s : "");
	}
	pg_sb_add(sb, r->zh ? "。" : ".");
}

void
cp_seed_alt_servqual(struct rs *r, struct pg_sb *sb)
{
	const struct pg_strategy *s = &r->p->strategy;
	size_t			 i, n = 0;

	pg_sb_add(sb, cp_label(r, "chart.servqual"));
	pg_sb_add(sb, COLON(r));
	for (i = 0; i < s->ndimensions; i++) {
		const struct pg_dimension *d = &s->dimensions[i];
		if (d->expected.text == NULL && d->perceived.text == NULL)
			continue;
		pg_sb_printf(sb, "%s%s", n++ ? (r->zh ? "；" : "; ") : "",
		    cp_enum_label(r, "servqual", pg_servqual_names[d->name]));
		if (d->expected.text != NULL)
			pg_sb_printf(sb, r->zh ? "，期望 %s" : ", expected %s",
			    d->expected.text);
		if (d->perceived.text != NULL)
			pg_sb_printf(sb, r->zh ? "，感知 %s" : ", perceived %s",
			    d->perceived.text);
		if (d->expected.text != NULL && d->perceived.text != NULL)
			pg_sb_printf(sb, r->zh ? "，差距 %s" : ", gap %s",
			    cp_seed_gap(r, d));
	}
	pg_sb_add(sb, r->zh ? "。" : ".");
}

/* ---- actions: QDQ and addresses ------------------------------------------------ */

int
cp_seed_action_has(const struct pg_action *a)
{
	return a->addresses.n > 0 || a->count.text != NULL || a->segments.n > 0 ||
	    a->quality.s != NULL;
}

/* One "Label: value" paragraph in body style; value may be a model text. */
static void
label_para(struct rs *r, const char *key, const char *value, int model,
    unsigned long line)
{
	struct pg_run *v = cp_palloc(r, 2 * sizeof(*v));

	if (v == NULL || value == NULL)
		return;
	cp_chk(r, value, line);
	v[0] = (struct pg_run){ cp_sfmt(r, "%s%s", cp_label(r, key), COLON(r)),
	    PG_STYLE_STRONG };
	v[1] = (struct pg_run){ value, 0 };
	cp_lcheck(r, pg_layout_para(r->l, v, 2, &r->body));
	if (model)
		cp_placed(r, value);
}

/* The names of the segments an action targets: "Name (SEG1), ..." */
static const char *
segment_names(struct rs *r, const struct pg_refs *rf)
{
	const struct pg_situation *s = &r->p->situation;
	const char	*out = "";
	size_t		 i, k;

	for (i = 0; i < rf->n; i++) {
		const char *name = NULL, *one;
		for (k = 0; k < s->nsegments; k++)
			if (s->segments[k].id != NULL &&
			    strcmp(s->segments[k].id, rf->id[i]) == 0)
				name = s->segments[k].name;
		one = name != NULL ? cp_sfmt(r, r->zh ? "%s（%s）" : "%s (%s)",
		    name, rf->id[i]) : rf->id[i];
		out = *out ? cp_sfmt(r, "%s%s%s", out, r->zh ? "、" : ", ", one) : one;
	}
	return out;
}

void
cp_seed_action_details(struct rs *r, const struct pg_action *a)
{
	if (a->count.text != NULL)
		label_para(r, "actions.count", cp_fmt_num(r, a->count.text), 0,
		    a->line);
	if (a->segments.n > 0)
		label_para(r, "actions.segments", segment_names(r, &a->segments), 0,
		    a->line);
	if (a->quality.s != NULL && *a->quality.s != '\0')
		label_para(r, "actions.quality", a->quality.s, 1, a->quality.line);
	if (a->addresses.n > 0)
		label_para(r, "actions.addresses", cp_refs(r, &a->addresses), 0,
		    a->line);
}

/* ---- TOWS ------------------------------------------------------------------ */

struct swref {
	const char		*id;
	enum pg_swot_kind	 kind;
};

static int
swref_cmp(const void *a, const void *b)
{
	return strcmp(((const struct swref *)a)->id, ((const struct swref *)b)->id);
}

/* The SWOT quadrants addresses names, as bits 1 << pg_swot_kind. */
static unsigned
quadrants(const struct swref *v, size_t n, const struct pg_refs *rf)
{
	unsigned	 q = 0;
	size_t		 i;

	for (i = 0; i < rf->n; i++) {
		struct swref key = { rf->id[i], PG_SWOT_STRENGTH }, *hit;
		hit = bsearch(&key, v, n, sizeof(*v), swref_cmp);
		if (hit != NULL)
			q |= 1u << hit->kind;
	}
	return q;
}

/* Append "\nID  text" to the runs of a TOWS cell. */
static void
tows_add(struct rs *r, struct pg_run *v, size_t *o, const char *id,
    const char *text, unsigned long line)
{
	v[(*o)++] = (struct pg_run){ "\n", 0 };
	v[(*o)++] = (struct pg_run){ cp_sfmt(r, "%s  ", id ? id : ""),
	    PG_STYLE_STRONG };
	v[(*o)++] = (struct pg_run){ text ? text : "", 0 };
	cp_chk(r, text, line);
}

void
cp_seed_tows(struct rs *r)
{
	static const char *const keys[4] = { "tows.so", "tows.wo", "tows.st",
		"tows.wt" };
	/* the pairings: strength or weakness, with opportunity or threat */
	static const int sw[4] = { PG_SWOT_STRENGTH, PG_SWOT_WEAKNESS,
		PG_SWOT_STRENGTH, PG_SWOT_WEAKNESS };
	static const int ot[4] = { PG_SWOT_OPPORTUNITY, PG_SWOT_OPPORTUNITY,
		PG_SWOT_THREAT, PG_SWOT_THREAT };
	static const double mf[3] = { 0.16, 0.4, 0.4 };
	const struct pg_plan	*p = r->p;
	struct swref		*v;
	unsigned		*gq, *aq;
	struct pg_run		*cell[4];
	size_t			 n = 0, i, o[4] = { 0, 0, 0, 0 }, any = 0;
	const char		*h[3];
	struct tb		 t;
	int			 k;

	if (p->version != 2 || p->swot.nitems == 0)
		return;
	v = cp_palloc(r, p->swot.nitems * sizeof(*v));
	gq = cp_palloc(r, (p->goals.n + 1) * sizeof(*gq));
	aq = cp_palloc(r, (p->actions.n + 1) * sizeof(*aq));
	if (v == NULL || gq == NULL || aq == NULL)
		return;
	for (i = 0; i < p->swot.nitems; i++)
		if (p->swot.items[i].id != NULL) {
			v[n].id = p->swot.items[i].id;
			v[n++].kind = p->swot.items[i].kind;
		}
	qsort(v, n, sizeof(*v), swref_cmp);
	for (i = 0; i < p->goals.n; i++)
		gq[i] = quadrants(v, n, &p->goals.v[i].addresses);
	for (i = 0; i < p->actions.n; i++)
		aq[i] = quadrants(v, n, &p->actions.v[i].addresses);
	for (k = 0; k < 4; k++) {
		unsigned want = (1u << sw[k]) | (1u << ot[k]);
		size_t cnt = 0;
		for (i = 0; i < p->goals.n; i++)
			cnt += (gq[i] & want) == want;
		for (i = 0; i < p->actions.n; i++)
			cnt += (aq[i] & want) == want;
		any += cnt;
		if ((cell[k] = cp_palloc(r, (3 * cnt + 3) * sizeof(**cell))) == NULL)
			return;
		cell[k][o[k]++] = (struct pg_run){ cp_label(r, keys[k]),
		    PG_STYLE_STRONG };
		for (i = 0; i < p->goals.n; i++)
			if ((gq[i] & want) == want)
				tows_add(r, cell[k], &o[k], p->goals.v[i].id,
				    p->goals.v[i].statement.s, p->goals.v[i].line);
		for (i = 0; i < p->actions.n; i++)
			if ((aq[i] & want) == want)
				tows_add(r, cell[k], &o[k], p->actions.v[i].id,
				    p->actions.v[i].title.s, p->actions.v[i].line);
		if (cnt == 0) {
			cell[k][o[k]++] = (struct pg_run){ "\n", 0 };
			cell[k][o[k]++] = (struct pg_run){ "—", 0 };
		}
	}
	if (any == 0)
		return;		/* no goal or action pairs two quadrants */
	cp_keep_room(r, r->t->size_h2 * 3 + r->body.leading * 8);
	cp_heading2(r, "strategy.tows");
	h[0] = "TOWS";	/* a header cell is never empty (tagged PDF: a TH with text) */
	h[1] = cp_label(r, "swot.strength");
	h[2] = cp_label(r, "swot.weakness");
	cp_tb_begin(r, &t, 3, h);
	t.min_frac = mf;
	t.no_stripe = 1;
	for (k = 0; k < 4; k += 2) {
		cp_tb_cell(r, &t, cp_label(r, k == 0 ? "swot.opportunity" :
		    "swot.threat"), 0, &r->tbold);
		cp_tb_cellv(r, &t, cell[k], o[k], NULL);
		cp_tb_cellv(r, &t, cell[k + 1], o[k + 1], NULL);
	}
	cp_tb_end(r, &t);
}
