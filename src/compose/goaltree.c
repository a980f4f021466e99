/*
 * goaltree.c (compose) — the goal tree under the goals table (format
 * version 2): the figure (figures/goaltree.c) when the plan's goals form a
 * tree (some goal has a @parent), laid out once for its room; when it
 * cannot fit, nothing more is drawn, as the goals table above holds every
 * goal, its parent and its targets.  And the figure's alternate text.  See
 * compose_int.h.
 */
#include "config.h"

#include <string.h>

#include "base/strbuf.h"
#include "compose/compose_int.h"

#define W(e, z)	(r->zh ? (z) : (e))

void
cp_goal_tree(struct rs *r)
{
	if (r->p->version != 2)
		return;
	cp_fig_chart(r, PG_FIG_GOALTREE);
}

void
cp_alt_goaltree(struct rs *r, struct pg_sb *sb)
{
	const struct pg_goals *gs = &r->p->goals;
	size_t	 i, j, k;

	pg_sb_add(sb, W("Goal tree: ", "目标树："));
	for (i = 0, k = 0; i < gs->n; i++) {
		const struct pg_goal *g = &gs->v[i];
		size_t nch = 0;
		if (g->id == NULL)
			continue;
		for (j = 0; j < gs->n; j++)
			if (j != i && gs->v[j].parent != NULL &&
			    strcmp(gs->v[j].parent, g->id) == 0) {
				pg_sb_printf(sb, "%s%s%s", nch == 0 ? (k++ ? W("; ", "；") :
				    "") : W(", ", "、"), nch == 0 ? cp_sfmt(r, W("%s has "
				    "subgoals ", "%s的子目标为"), g->id) : "", gs->v[j].id ?
				    gs->v[j].id : "");
				nch++;
			}
	}
	pg_sb_add(sb, W(".", "。"));
}
