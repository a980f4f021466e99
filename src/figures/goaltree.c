/*
 * goaltree.c — the goal tree (PG_FIG_GOALTREE, format version 2 figure):
 * target decomposition as the model describes it, trunk, branches and
 * leaves: each top goal (no @parent, or a parent that is not a goal) at a
 * root, its subgoals below it, indented one step per level and joined to
 * their parent by tree lines; each node shows the goal's id and statement
 * (cut with "…" to its column: the goals table holds it whole) and, in a
 * column of its own, each metric's target ("3,100 → 3,900 patients").
 * Placed whole or not at all.  A goal is drawn once: a cycle of @parent
 * links (goal-cycle) is drawn from where it is first reached.  See
 * figure.h.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/text.h"
#include "base/utf8.h"
#include "figures/figure_int.h"

#define GT_INDENT	14.0
#define GT_PAD		3.0
#define GT_MAXDEPTH	12


struct gnode {
	size_t	 goal;
	int	 depth;
	size_t	 parent_row;	/* (size_t)-1 for a root */
};

/* The index of the goal called id, or (size_t)-1.  Linear: goals are few
 * in a figure a page can hold (the caller's maxh bounds the rows). */
static size_t
find_goal(const struct pg_plan *p, const char *id)
{
	size_t i;

	for (i = 0; id != NULL && i < p->goals.n; i++)
		if (p->goals.v[i].id != NULL && strcmp(p->goals.v[i].id, id) == 0)
			return i;
	return (size_t)-1;
}

/* Rows in tree order: preorder, children in document order; a goal is
 * placed once (seen[]).  n goals, O(n^2) (n is capped by the caller). */
static size_t
order(const struct pg_plan *p, struct gnode *rows, unsigned char *seen)
{
	struct gnode	*stack;
	size_t		 n = 0, i, k, sp = 0, *par;

	stack = calloc(p->goals.n + 1, sizeof(*stack));
	par = calloc(p->goals.n + 1, sizeof(*par));
	if (stack == NULL || par == NULL) {
		free(stack);
		free(par);
		return (size_t)-1;
	}
	for (i = 0; i < p->goals.n; i++)
		par[i] = find_goal(p, p->goals.v[i].parent);
	for (i = 0; i < p->goals.n; i++) {
		if (seen[i] || (par[i] != (size_t)-1 && par[i] != i))
			continue;
		seen[i] = 1;
		stack[sp].goal = i;
		stack[sp].depth = 0;
		stack[sp].parent_row = (size_t)-1;
		sp++;
		while (sp > 0) {
			struct gnode g = stack[--sp];
			size_t row = n;
			rows[n++] = g;
			for (k = p->goals.n; k-- > 0;)
				if (!seen[k] && par[k] == g.goal && k != g.goal) {
					seen[k] = 1;
					stack[sp].goal = k;
					stack[sp].depth = g.depth + 1;
					stack[sp].parent_row = row;
					sp++;
				}
		}
	}
	free(stack);
	free(par);
	return n;
}

/* "3,100 → 3,900 patients" for each metric of g, joined with "; ". */
static void
targets(const struct pg_goal *g, char *buf, size_t n)
{
	size_t	 j, o = 0;
	char	 b[64], t[64];

	buf[0] = '\0';
	for (j = 0; j < g->nmetrics && o + 1 < n; j++) {
		const struct pg_metric *m = &g->metrics[j];
		const char *u = m->unit ? m->unit : "";
		size_t i = 0;
		const char *sp = *u == '\0' || strcmp(u, "%") == 0 ||
		    pg_is_cjk(pg_utf8_next(u, strlen(u), &i)) ? "" : " ";
		if (m->target.text == NULL)
			continue;
		pg_fmt_grouped(m->target.text, t, sizeof(t));
		if (m->baseline.text != NULL)
			o += (size_t)snprintf(buf + o, n - o, "%s%s → %s%s%s",
			    o ? "; " : "", pg_fmt_grouped(m->baseline.text, b,
			    sizeof(b)), t, sp, u);
		else
			o += (size_t)snprintf(buf + o, n - o, "%s→ %s%s%s",
			    o ? "; " : "", t, sp, u);
		if (o >= n)
			o = n - 1;
	}
}

int
fig_goaltree_layout(struct fig *f, const struct pg_fig_in *in, double maxh,
    struct pg_fig_out *out)
{
	const struct pg_plan *p = in->p;
	struct gnode	*rows;
	unsigned char	*seen;
	size_t		 n, i, parents = 0;
	double		 lh, rh, tw = 0, h;
	char		 buf[512], tg[256];

	if (p->version != 2 || p->goals.n < 2)
		return 0;
	for (i = 0; i < p->goals.n; i++)
		parents += p->goals.v[i].parent != NULL;
	if (parents == 0)
		return 0;		/* no tree: the goals table says it all */
	lh = (f->asc + f->desc) * FIG_BODY_PT;
	rh = lh + 2 * GT_PAD + 4;
	h = rh * (double)p->goals.n;
	out->want = h;
	if (p->goals.n > 80 || h > maxh) {
		out->unfit = 1;
		return 0;
	}
	rows = calloc(p->goals.n, sizeof(*rows));
	seen = calloc(p->goals.n, 1);
	if (rows == NULL || seen == NULL || (n = order(p, rows, seen)) ==
	    (size_t)-1) {
		free(rows);
		free(seen);
		return -1;
	}
	/* a cycle's goals are reached from no root: rows for them too */
	for (i = 0; i < p->goals.n; i++)
		if (!seen[i]) {
			rows[n].goal = i;
			rows[n].depth = 0;
			rows[n].parent_row = (size_t)-1;
			n++;
		}
	/* the target column: as wide as the widest target, at most 40 % */
	for (i = 0; i < n; i++) {
		double w;
		targets(&p->goals.v[rows[i].goal], tg, sizeof(tg));
		if ((w = fig_text_w(f, tg, FIG_SMALL_PT, 0)) > tw)
			tw = w;
	}
	if (tw > f->w * 0.4)
		tw = f->w * 0.4;
	f->h = h = rh * (double)n;
	for (i = 0; i < n; i++) {
		const struct pg_goal *g = &p->goals.v[rows[i].goal];
		int	 d = rows[i].depth > GT_MAXDEPTH ? GT_MAXDEPTH : rows[i].depth;
		double	 x = GT_INDENT * d, y = rh * (double)i + 2;
		double	 bw = f->w - x - (tw > 0 ? tw + 8 : 0);
		if (bw < 40) {
			out->unfit = 1;	/* too deep for the width */
			free(rows);
			free(seen);
			f->h = maxh;
			out->want = h;
			return 0;
		}
		fig_rect(f, x, y, bw, rh - 4, d == 0 ? &C_ROOT : &C_NODE, NULL,
		    0, 0);
		snprintf(buf, sizeof(buf), "%s  %s", g->id ? g->id : "",
		    g->statement.s ? g->statement.s : "");
		fig_label_fit(f, buf, FIG_BODY_PT, d == 0 ? PG_STYLE_STRONG : 0,
		    x + GT_PAD, y + GT_PAD, bw - 2 * GT_PAD, -1, C_TEXT, 1, 0);
		targets(g, tg, sizeof(tg));
		if (tg[0] != '\0')
			fig_label_fit(f, tg, FIG_SMALL_PT, 0, f->w - tw,
			    y + GT_PAD + (FIG_BODY_PT - FIG_SMALL_PT) * f->asc,
			    tw, 1, C_TEXT, 1, 0);
		/* the branch from the parent's trunk */
		if (rows[i].parent_row != (size_t)-1) {
			size_t pr = rows[i].parent_row;
			double px = GT_INDENT * (rows[pr].depth > GT_MAXDEPTH ?
			    GT_MAXDEPTH : rows[pr].depth) + GT_INDENT / 2;
			double py = rh * (double)pr + rh - 2;
			double my = y + (rh - 4) / 2;
			fig_line(f, px, py, px, my, C_AXIS, 0.75, 0);
			fig_line(f, px, my, x, my, C_AXIS, 0.75, 0);
		}
	}
	out->h = h;
	out->placed = 1;
	free(rows);
	free(seen);
	return 0;
}
