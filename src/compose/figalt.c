/*
 * figalt.c — the alternate text of each figure, written from the plan's
 * data behind it (what a screen reader says instead of the drawing): the
 * budget chart names every category with its amount and share, the
 * positioning map every position, the sales chart every year, the SWOT
 * grid every item, the timeline every action with its dates, the service
 * blueprint every step; the journey map every stage with its touchpoints,
 * feeling, pains and opportunities, the SERVQUAL chart every dimension
 * with its scores and gap (sections_seed.c).  See compose_int.h (cp_fig_alt).
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/fmt.h"
#include "base/strbuf.h"
#include "compose/compose_int.h"

/* English or Chinese, by the document's language. */
#define T(r, e, z)	((r)->zh ? (z) : (e))

/* Separators between items and between a name and its values. */
#define SEP(r)		T(r, "; ", "；")
#define END(r)		T(r, ".", "。")

struct acat {
	const char	*name;
	int64_t		 minor;
	size_t		 first;
};

static int
acat_cmp(const void *a, const void *b)
{
	const struct acat *x = a, *y = b;

	if (x->minor != y->minor)
		return x->minor > y->minor ? -1 : 1;
	return x->first < y->first ? -1 : x->first > y->first;
}

/* Every budget category (largest first) and the contingency. */
static void
alt_budget(struct rs *r, struct pg_sb *sb)
{
	const struct pg_budget *b = &r->p->budget;
	struct acat	*v;
	size_t		 i, j, n = 0;
	int64_t		 total = 0, sum;
	char		 m[PG_MONEY_BUFSZ], pc[32];

	if ((v = calloc(b->nlines + 1, sizeof(*v))) == NULL) {
		sb->oom = 1;
		return;
	}
	for (i = 0; i < b->nlines; i++) {
		const char *c = b->lines[i].category ? b->lines[i].category : "";

		for (j = 0; j < n && strcmp(v[j].name, c) != 0; j++)
			;
		if (j == n) {
			v[n].name = c;
			v[n].first = i;
			n++;
		}
		if (pg_money_add(v[j].minor, b->lines[i].amount.minor, &sum) == 0)
			v[j].minor = sum;
	}
	qsort(v, n, sizeof(*v), acat_cmp);
	if (b->contingency_line != 0) {
		v[n].name = cp_label(r, "budget.contingency");
		v[n].minor = b->contingency.minor;
		n++;
	}
	for (i = 0; i < n; i++)
		if (v[i].minor > 0 && pg_money_add(total, v[i].minor, &sum) == 0)
			total = sum;
	pg_sb_printf(sb, "%s%s", cp_label(r, "budget.by-category"), COLON(r));
	for (i = 0; i < n; i++) {
		pg_fmt_money(v[i].minor, r->p->currency, r->lang, m, sizeof(m));
		if (total > 0 && v[i].minor >= 0)
			pg_fmt_double((double)v[i].minor * 100.0 / (double)total,
			    1, pc, sizeof(pc));
		else
			pc[0] = '\0';
		pg_sb_printf(sb, "%s%s %s", i ? SEP(r) : "", v[i].name, m);
		if (pc[0] != '\0')
			pg_sb_printf(sb, T(r, " (%s%%)", "（%s%%）"), pc);
	}
	pg_sb_add(sb, END(r));
	free(v);
}

/* The name of a competitor id, or the id. */
static const char *
competitor(struct rs *r, const char *id)
{
	const struct pg_situation *s = &r->p->situation;
	size_t i;

	for (i = 0; i < s->ncompetitors; i++)
		if (s->competitors[i].id != NULL &&
		    strcmp(s->competitors[i].id, id) == 0)
			return s->competitors[i].name;
	return id;
}

/* The axes, then every position: its name and coordinates. */
static void
alt_posmap(struct rs *r, struct pg_sb *sb)
{
	const struct pg_posmap *pm = &r->p->situation.posmap;
	size_t i;

	pg_sb_printf(sb, T(r, "Positioning map, %s (horizontal, %s to %s) "
	    "against %s (vertical, %s to %s)", "定位图，横轴%s（%s至%s），"
	    "纵轴%s（%s至%s）"), pm->x ? pm->x : "", pm->x_low ? pm->x_low : "0",
	    pm->x_high ? pm->x_high : "100", pm->y ? pm->y : "",
	    pm->y_low ? pm->y_low : "0", pm->y_high ? pm->y_high : "100");
	pg_sb_add(sb, COLON(r));
	for (i = 0; i < pm->npositions; i++) {
		const struct pg_position *p = &pm->positions[i];
		const char *name = p->label;

		if (p->own == PG_OWN_CURRENT)
			name = cp_label(r, "own.current");
		else if (p->own == PG_OWN_TARGET)
			name = cp_label(r, "own.target");
		else if (p->competitor != NULL)
			name = competitor(r, p->competitor);
		if (p->label != NULL && name != NULL &&
		    strcmp(name, p->label) != 0)
			pg_sb_printf(sb, T(r, "%s%s (%s)", "%s%s（%s）"),
			    i ? SEP(r) : "", name, p->label);
		else
			pg_sb_printf(sb, "%s%s", i ? SEP(r) : "",
			    name ? name : "");
		pg_sb_printf(sb, T(r, " at %s, %s", " 位于 %s，%s"),
		    p->x.text ? p->x.text : "", p->y.text ? p->y.text : "");
	}
	pg_sb_add(sb, END(r));
}

/* Every year and its sales, planned years marked. */
static void
alt_sales(struct rs *r, struct pg_sb *sb)
{
	const struct pg_summary *s = &r->p->summary;
	size_t i;

	pg_sb_add(sb, T(r, "Sales by year", "历年销售额"));
	if (s->sales_unit != NULL)
		pg_sb_printf(sb, T(r, " (%s)", "（%s）"), s->sales_unit);
	pg_sb_add(sb, COLON(r));
	for (i = 0; i < s->nyears; i++) {
		pg_sb_printf(sb, "%s%s %s", i ? SEP(r) : "",
		    s->years[i].label ? s->years[i].label : "",
		    s->years[i].value.text ? cp_fmt_num(r,
		    s->years[i].value.text) : "");
		if (s->years[i].plan)
			pg_sb_printf(sb, T(r, " (%s)", "（%s）"),
			    cp_label(r, "sales.plan"));
	}
	pg_sb_add(sb, END(r));
}

static void
alt_swot(struct rs *r, struct pg_sb *sb)
{
	static const char *const key[4] = { "swot.strength", "swot.weakness",
		"swot.opportunity", "swot.threat" };
	const struct pg_swot *s = &r->p->swot;
	size_t	 i;
	int	 k, any;

	pg_sb_printf(sb, "%s%s", cp_label(r, "swot.heading"), COLON(r));
	for (k = 0; k < 4; k++) {
		pg_sb_printf(sb, "%s%s%s", k ? SEP(r) : "", cp_label(r, key[k]),
		    COLON(r));
		for (i = 0, any = 0; i < s->nitems; i++)
			if ((int)s->items[i].kind == k) {
				pg_sb_printf(sb, "%s%s %s", any ? T(r, ", ",
				    "，") : "", s->items[i].id ?
				    s->items[i].id : "", s->items[i].text ?
				    s->items[i].text : "");
				any = 1;
			}
	}
	pg_sb_add(sb, END(r));
}

static void
alt_timeline(struct rs *r, struct pg_sb *sb, size_t first, size_t n)
{
	const struct pg_actions *a = &r->p->actions;
	size_t i, *ord, nord, k;

	/* the timeline's order: actions by category, then milestones */
	if (pg_fig_timeline_order(r->p, &ord, &nord) != 0) {
		r->oom = 1;
		return;
	}
	pg_sb_add(sb, T(r, "Action timeline", "行动时间表"));
	pg_sb_add(sb, COLON(r));
	for (i = first; i < first + n && i < nord; i++) {
		k = ord[i];
		if (k < a->n)
			pg_sb_printf(sb, "%s%s %s%s%s", i > first ? SEP(r) : "",
			    a->v[k].id ? a->v[k].id : "", a->v[k].title.s ?
			    a->v[k].title.s : "", COLON(r),
			    cp_fmt_range(r, a->v[k].start, a->v[k].end));
		else {
			const struct pg_milestone *m =
			    &r->p->controls.milestones[k - a->n];
			pg_sb_printf(sb, "%s%s%s%s", i > first ? SEP(r) : "",
			    m->text ? m->text : "", COLON(r),
			    cp_fmt_date(r, m->date));
		}
	}
	free(ord);
	pg_sb_add(sb, END(r));
}

static void
alt_blueprint(struct rs *r, struct pg_sb *sb, size_t first, size_t n)
{
	const struct pg_blueprint *b = &r->p->strategy.blueprint;
	size_t i;

	pg_sb_printf(sb, T(r, "Service blueprint%s%s", "服务蓝图%s%s"),
	    b->service ? T(r, " of ", "：") : "", b->service ? b->service : "");
	pg_sb_add(sb, COLON(r));
	for (i = first; i < first + n && i < b->nsteps; i++) {
		const struct pg_step *s = &b->steps[i];

		pg_sb_printf(sb, "%s%s", i > first ? SEP(r) : "",
		    s->name ? s->name : "");
		if (s->customer.s != NULL)
			pg_sb_printf(sb, T(r, " (%s: %s)", "（%s：%s）"),
			    cp_label(r, "blueprint.customer"), s->customer.s);
		if (s->fail_point.text != NULL)
			pg_sb_printf(sb, T(r, ", %s: %s", "，%s：%s"),
			    cp_label(r, "blueprint.fail-point"),
			    s->fail_point.text);
	}
	pg_sb_add(sb, END(r));
}

const char *
cp_fig_alt(struct rs *r, enum pg_fig_kind kind, size_t first, size_t n)
{
	struct pg_sb	 sb;
	char		*s;
	const char	*out;

	pg_sb_init(&sb);
	switch (kind) {
	case PG_FIG_BUDGET:
		alt_budget(r, &sb);
		break;
	case PG_FIG_POSMAP:
		alt_posmap(r, &sb);
		break;
	case PG_FIG_SALES:
		alt_sales(r, &sb);
		break;
	case PG_FIG_SWOT:
		alt_swot(r, &sb);
		break;
	case PG_FIG_TIMELINE:
		alt_timeline(r, &sb, first, n);
		break;
	case PG_FIG_BLUEPRINT:
		alt_blueprint(r, &sb, first, n);
		break;
	case PG_FIG_JOURNEY:
		cp_seed_alt_journey(r, &sb);
		break;
	case PG_FIG_SERVQUAL:
		cp_seed_alt_servqual(r, &sb);
		break;
	case PG_FIG_PHASING:
		cp_alt_phasing(r, &sb);
		break;
	case PG_FIG_GOALTREE:
		cp_alt_goaltree(r, &sb);
		break;
	default:
		pg_sb_add(&sb, pg_fig_name(kind) ? pg_fig_name(kind) : "");
		break;
	}
	if ((s = pg_sb_take(&sb)) == NULL) {
		r->oom = 1;
		return "";
	}
	out = cp_sfmt(r, "%s", s);
	free(s);
	return out;
}
