/*
 * phasing.c — the budget phasing chart (PG_FIG_PHASING, format version
 * 2): the budget's phases summed per period (months when every phase is a
 * month, else quarters), one bar per period with its amount over it (as
 * budget/@display asks) and the period under it.  Placed whole or not at
 * all: when a period or amount label cannot be placed without colliding
 * (too many periods for the width), nothing is placed and the caller
 * gives the table instead.  See figure.h.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/lang.h"
#include "figures/figure_int.h"
#include "model/track.h"

/* "Q2 2027" / "2027年Q2", "Apr 2027" / "2027年4月" (year on the first
 * period and in January / Q1 only, to keep labels short). */
static void
period_label(const struct fig *f, const struct pg_period_sum *s, int first,
    char *buf, size_t n)
{
	int zh = pg_lang_is_zh(f->lang);
	int year = first || s->q == 1 || s->m == 1;

	if (s->m == 0 && zh)
		snprintf(buf, n, year ? "%d年Q%d" : "Q%d", year ? s->y : s->q,
		    s->q);
	else if (s->m == 0)
		snprintf(buf, n, year ? "Q%d %d" : "Q%d", s->q, s->y);
	else if (zh)
		snprintf(buf, n, year ? "%d年%d月" : "%d月", year ? s->y : s->m,
		    s->m);
	else if (year)
		snprintf(buf, n, "%s %d", pg_month_abbr(s->m, f->lang), s->y);
	else
		snprintf(buf, n, "%s", pg_month_abbr(s->m, f->lang));
}

int
fig_phasing_layout(struct fig *f, const struct pg_fig_in *in, double maxh,
    struct pg_fig_out *out)
{
	const struct pg_plan *p = in->p;
	struct pg_period_sum *v;
	size_t	 n, i;
	int	 months, disp = p->version == 2 ? (int)p->budget.display : 0;
	double	 h, lh, top, bot, slot, bw, maxv = 0;
	char	 buf[PG_MONEY_BUFSZ + 32];

	if (p->version != 2 || (n = pg_budget_nphases(p)) == 0)
		return 0;
	if ((v = calloc(n, sizeof(*v))) == NULL)
		return -1;
	n = pg_budget_phasing(p, v, &months);
	if (n == 0) {
		free(v);
		return 0;
	}
	h = f->w * 0.4;
	out->want = h < 150 ? 150 : h > 220 ? 220 : h;
	h = out->want < maxh ? out->want : maxh;
	lh = (f->asc + f->desc) * FIG_SMALL_PT;
	top = lh + 4;			/* the highest amount label */
	bot = h - lh - 4;		/* the period labels under the axis */
	slot = f->w / (double)n;
	bw = slot * 0.6 > 40 ? 40 : slot * 0.6;
	if (bot - top < 30 || slot < 12) {
		out->unfit = 1;
		free(v);
		return 0;
	}
	f->h = h;
	for (i = 0; i < n; i++)
		if (v[i].minor > 0 && (double)v[i].minor > maxv)
			maxv = (double)v[i].minor;
	for (i = 0; i < n; i++) {
		double cx = slot * ((double)i + 0.5);
		double bh = maxv > 0 && v[i].minor > 0 ?
		    (double)v[i].minor / maxv * (bot - top) : 0;
		int ok;
		fig_rect(f, cx - bw / 2, bot - bh, bw, bh, &C_BAR, NULL, 0, 0);
		pg_fmt_money_disp(v[i].minor, p->currency, p->lang, disp, buf,
		    sizeof(buf));
		ok = fig_label_try(f, buf, FIG_SMALL_PT, 0, cx - slot / 2,
		    bot - bh - 2 - lh, slot, 0, C_TEXT) ||
		    fig_label_try(f, buf, FIG_MIN_PT, 0, cx - slot / 2,
		    bot - bh - 2 - lh, slot, 0, C_TEXT);
		period_label(f, &v[i], i == 0, buf, sizeof(buf));
		ok = ok && (fig_label_try(f, buf, FIG_SMALL_PT, 0, cx - slot / 2,
		    bot + 3, slot, 0, C_TEXT) || fig_label_try(f, buf,
		    FIG_MIN_PT, 0, cx - slot / 2, bot + 3, slot, 0, C_TEXT));
		if (!ok) {
			/* a label would vanish: the table instead */
			out->unfit = 1;
			free(v);
			return 0;
		}
	}
	fig_line(f, 0, bot, f->w, bot, C_AXIS, 0.75, 0);
	out->h = h;
	out->placed = 1;
	free(v);
	return 0;
}
