/*
 * phasing.c (compose) — the budget's spending by period in the budget
 * section (format version 2): the phasing chart (figures/phasing.c) laid
 * out once for the room it gets, or, when it does not fit or the
 * template turns the budget's figures off, the same sums as a table; and
 * the chart's alternate text.  See compose_int.h.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "base/strbuf.h"
#include "compose/compose_int.h"
#include "model/track.h"

#define W(e, z)	(r->zh ? (z) : (e))

/* "Q2 2027", "April 2027" / "2027年第2季度", "2027年4月". */
static const char *
period_name(struct rs *r, const struct pg_period_sum *s)
{
	static const char *const mon[12] = { "January", "February", "March",
		"April", "May", "June", "July", "August", "September",
		"October", "November", "December" };

	if (s->m == 0)
		return r->zh ? cp_sfmt(r, "%d年第%d季度", s->y, s->q) :
		    cp_sfmt(r, "Q%d %d", s->q, s->y);
	return r->zh ? cp_sfmt(r, "%d年%d月", s->y, s->m) :
	    cp_sfmt(r, "%s %d", mon[s->m - 1], s->y);
}

/* The sums per period (scratch memory); *n 0 when there are none. */
static struct pg_period_sum *
sums(struct rs *r, size_t *n, int *months)
{
	size_t k = pg_budget_nphases(r->p);
	struct pg_period_sum *v;

	*n = 0;
	if (r->p->version != 2 || k == 0 ||
	    (v = cp_palloc(r, k * sizeof(*v))) == NULL)
		return NULL;
	*n = pg_budget_phasing(r->p, v, months);
	return v;
}

void
cp_budget_phasing(struct rs *r)
{
	struct pg_period_sum *v;
	struct cp_fig	 c;
	struct tb	 t;
	size_t		 n, i;
	int		 months;
	const char	*h[2];

	if ((v = sums(r, &n, &months)) == NULL || n == 0)
		return;
	cp_heading2(r, "budget.phasing");
	cp_fig_begin(r, PG_FIG_PHASING, &c);
	if (c.on) {
		cp_fig_end(r, &c);
		return;
	}
	cp_fig_end(r, &c);
	/* no room for the chart (or figures off): the same sums as a table */
	h[0] = months ? W("Month", "月份") : W("Quarter", "季度");
	h[1] = cp_sfmt(r, r->zh ? "%s（%s）" : "%s (%s)", cp_label(r,
	    "col.amount"), cp_money_unit(r));
	cp_tb_begin(r, &t, 2, h);
	for (i = 0; i < n; i++) {
		cp_tb_cell(r, &t, period_name(r, &v[i]), 0, &r->tbold);
		cp_tb_cell(r, &t, cp_money(r, v[i].minor), 0, &r->tright);
	}
	cp_tb_end(r, &t);
}

void
cp_alt_phasing(struct rs *r, struct pg_sb *sb)
{
	struct pg_period_sum *v;
	size_t	 n, i;
	int	 months;

	if ((v = sums(r, &n, &months)) == NULL)
		return;
	pg_sb_add(sb, W("Spending by period: ", "分期支出："));
	for (i = 0; i < n; i++)
		pg_sb_printf(sb, "%s%s %s", i ? W("; ", "；") : "",
		    period_name(r, &v[i]), cp_money_sym(r, v[i].minor));
	pg_sb_add(sb, W(".", "。"));
}
