/*
 * rules_ids.c — ids and references: the id table (id -> kind, index,
 * line; see rules.h) and the rules duplicate-id, dangling-ref and
 * goal-cycle.
 *
 * Rule semantics decided here (the spec is silent on them):
 *  - dangling-ref: one finding per bad id in a reference list; wrong kinds
 *    are errors too (goals="S1", competitor="G1", action="G1", kpi goal=,
 *    milestone goals=, goal parent= must name goals/actions/competitors,
 *    goal addresses= must name SWOT items).
 *  - duplicate-id: reported at every later use, naming the first one's line.
 *  - goal-cycle: one finding per cycle, at the cycle's goal that comes
 *    first in the document, listing the cycle from there.
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "review/rules_int.h"

/* ---- id table ---------------------------------------------------------- */

static uint64_t
fnv1a(const char *s)
{
	uint64_t h = 0xcbf29ce484222325ULL;

	for (; *s != '\0'; s++) {
		h ^= (unsigned char)*s;
		h *= 0x100000001b3ULL;
	}
	return h;
}

int
pg_idtab_init(struct pg_idtab *t, size_t n)
{
	size_t cap = 16;

	memset(t, 0, sizeof(*t));
	while (cap < n * 2) {
		if (cap > SIZE_MAX / 4 / sizeof(*t->v))
			return -1;
		cap *= 2;
	}
	if ((t->v = calloc(cap, sizeof(*t->v))) == NULL)
		return -1;
	t->cap = cap;
	return 0;
}

const struct pg_identry *
pg_idtab_put(struct pg_idtab *t, const char *id, enum pg_idkind kind,
    size_t index, unsigned long line)
{
	size_t i, k;

	if (t->cap == 0 || t->n + 1 >= t->cap)
		return NULL;
	i = (size_t)fnv1a(id) & (t->cap - 1);
	for (k = 0; k < t->cap; k++, i = (i + 1) & (t->cap - 1)) {
		struct pg_identry *e = &t->v[i];
		if (e->id == NULL) {
			e->id = id;
			e->kind = kind;
			e->index = index;
			e->line = line;
			t->n++;
			return NULL;
		}
		if (strcmp(e->id, id) == 0)
			return e;
	}
	return NULL;
}

const struct pg_identry *
pg_idtab_get(const struct pg_idtab *t, const char *id)
{
	size_t i, k;

	if (t->cap == 0 || id == NULL)
		return NULL;
	i = (size_t)fnv1a(id) & (t->cap - 1);
	for (k = 0; k < t->cap; k++, i = (i + 1) & (t->cap - 1)) {
		const struct pg_identry *e = &t->v[i];
		if (e->id == NULL)
			return NULL;
		if (strcmp(e->id, id) == 0)
			return e;
	}
	return NULL;
}

void
pg_idtab_free(struct pg_idtab *t)
{
	free(t->v);
	memset(t, 0, sizeof(*t));
}

/* ---- naming kinds of ids -------------------------------------------------- */

/* What an id names: "a goal", "a strength"... */
const char *
rl_kind_name(struct ctx *c, const struct pg_identry *e)
{
	static const char *const en[] = { "a goal", "an action", "", "a competitor",
		"a customer segment", "a blueprint step", "a journey pain",
		"a SERVQUAL dimension", "a customer journey", "a journey stage",
		"a positioning map", "a service blueprint", "a risk", "a table",
		"an appendix section" };
	static const char *const zh[] = { "目标", "行动", "", "竞争者",
		"客户细分", "蓝图步骤", "客户旅程痛点", "服务质量维度", "客户旅程",
		"客户旅程阶段", "定位图", "服务蓝图", "风险", "表格", "附录章节" };

	if (e->kind == PG_ID_SWOT) {
		enum pg_swot_kind k = c->p->swot.items[e->index].kind;
		if (c->zh)
			return rl_swot_zh[k];
		return k == PG_SWOT_OPPORTUNITY ? "an opportunity" :
		    k == PG_SWOT_STRENGTH ? "a strength" :
		    k == PG_SWOT_WEAKNESS ? "a weakness" : "a threat";
	}
	return c->zh ? zh[e->kind] : en[e->kind];
}

static const char *
want_name(struct ctx *c, enum pg_idkind k)
{
	switch (k) {
	case PG_ID_GOAL:	return L("a goal", "目标");
	case PG_ID_ACTION:	return L("an action", "行动");
	case PG_ID_SWOT:	return L("a SWOT item", " SWOT 项");
	case PG_ID_COMPETITOR:	return L("a competitor", "竞争者");
	case PG_ID_SEGMENT:	return L("a customer segment", "客户细分");
	case PG_ID_STEP:	return L("a blueprint step", "蓝图步骤");
	case PG_ID_TABLE:	return L("a table", "表格");
	case PG_ID_SECTION:	return L("an appendix section", "附录章节");
	default:		break;
	}
	return "";
}

/* ---- duplicate-id, dangling-ref, goal-cycle ------------------------------ */

struct dup_arg {
	struct ctx		*c;
	const struct rule	*r;
};

static void
dup_one(void *arg, const char *id, enum pg_idkind k, size_t i,
    unsigned long line)
{
	struct dup_arg		*a = arg;
	struct ctx		*c = a->c;
	const struct pg_identry	*e = pg_idtab_get(&c->ids, id);
	char			 t[160];

	if (e == NULL || (e->kind == k && e->index == i))
		return;
	/* version 2 ids are walked last: report at the later line */
	rl_emit(c, a->r, line > e->line ? line : e->line,
	    L("id %s is used twice (first at line %lu)",
	    "编号 %s 重复使用（首次出现在第 %lu 行）"),
	    pg_text_clip(id, 64, t, sizeof(t)), line > e->line ? e->line : line);
}

/* duplicate-id: every later use of an id, naming the first use's line. */
void
rl_duplicate_id(struct ctx *c, const struct rule *r)
{
	struct dup_arg a = { c, r };

	rl_each_id(c->p, dup_one, &a);
}

/* 1 if id names an element of kind `want`. */
static int
ref_ok(const struct ctx *c, const char *id, enum pg_idkind want)
{
	const struct pg_identry *e = pg_idtab_get(&c->ids, id);

	return id == NULL || (e != NULL && e->kind == want);
}

/* One reference: `who` (already named) has attribute `attr` naming `id`. */
void
rl_check_ref(struct ctx *c, const struct rule *r, unsigned long line,
    const char *who, const char *attr, const char *id, enum pg_idkind want)
{
	const struct pg_identry	*e;
	char			 t[160];

	if (id == NULL)
		return;
	e = pg_idtab_get(&c->ids, id);
	pg_text_clip(id, 64, t, sizeof(t));
	if (e == NULL)
		rl_emit(c, r, line, L("%s: %s names %s, but no such id exists",
		    "%s的 %s 引用了不存在的编号 %s"), who, attr, t);
	else if (e->kind != want)
		rl_emit(c, r, line, L("%s: %s names %s, which is %s, not %s",
		    "%s的 %s 引用的 %s 是%s，而不是%s"), who, attr, t,
		    rl_kind_name(c, e), want_name(c, want));
}

/* dangling-ref: each reference naming no id, or an id of the wrong kind. */
void
rl_dangling_ref(struct ctx *c, const struct rule *r)
{
	const struct pg_plan	*p = c->p;
	char			 who[NAMESZ], t[160];
	size_t			 i, j;

	for (i = 0; i < p->situation.posmap.npositions; i++) {
		const struct pg_position *q = &p->situation.posmap.positions[i];
		if (q->competitor == NULL)
			continue;
		rl_check_ref(c, r, q->line, L("positioning-map position",
		    "定位图定位点"), "competitor", q->competitor,
		    PG_ID_COMPETITOR);
	}
	for (i = 0; i < p->goals.n; i++) {
		const struct pg_goal *g = &p->goals.v[i];
		int bad = !ref_ok(c, g->parent, PG_ID_GOAL);
		for (j = 0; j < g->addresses.n; j++)
			bad |= !ref_ok(c, g->addresses.id[j], PG_ID_SWOT);
		if (!bad)
			continue;
		rl_goal_name(c, g, who, sizeof(who));
		rl_check_ref(c, r, g->line, who, "parent", g->parent, PG_ID_GOAL);
		for (j = 0; j < g->addresses.n; j++)
			rl_check_ref(c, r, g->line, who, "addresses",
			    g->addresses.id[j], PG_ID_SWOT);
	}
	for (i = 0; i < p->actions.n; i++) {
		const struct pg_action *a = &p->actions.v[i];
		for (j = 0; j < a->goals.n; j++) {
			if (ref_ok(c, a->goals.id[j], PG_ID_GOAL))
				continue;
			rl_action_name(c, a, who, sizeof(who));
			rl_check_ref(c, r, a->line, who, "goals", a->goals.id[j],
			    PG_ID_GOAL);
		}
	}
	for (i = 0; i < p->budget.nlines; i++) {
		const struct pg_budget_line *b = &p->budget.lines[i];
		if (b->action == NULL)
			continue;
		snprintf(who, sizeof(who), L("budget line \"%s\"", "预算项“%s”"),
		    pg_text_clip(b->category, SHORT, t, sizeof(t)));
		rl_check_ref(c, r, b->line, who, "action", b->action, PG_ID_ACTION);
	}
	for (i = 0; i < p->controls.nkpis; i++) {
		const struct pg_kpi *k = &p->controls.kpis[i];
		if (k->goal == NULL)
			continue;
		snprintf(who, sizeof(who), L("kpi \"%s\"", "关键绩效指标“%s”"),
		    pg_text_clip(k->text, SHORT, t, sizeof(t)));
		rl_check_ref(c, r, k->line, who, "goal", k->goal, PG_ID_GOAL);
	}
	for (i = 0; i < p->controls.nmilestones; i++) {
		const struct pg_milestone *m = &p->controls.milestones[i];
		if (m->goals.n == 0)
			continue;
		snprintf(who, sizeof(who), L("milestone \"%s\"", "里程碑“%s”"),
		    pg_text_clip(m->text, SHORT, t, sizeof(t)));
		for (j = 0; j < m->goals.n; j++)
			rl_check_ref(c, r, m->line, who, "goals", m->goals.id[j],
			    PG_ID_GOAL);
	}
	rl_dangling_seed(c, r);
}

/*
 * Cycles of parent links.  Each goal has at most one parent, so the links
 * form a functional graph: walk up from every goal not yet visited,
 * stamping each goal with the walk's number; meeting a goal stamped by the
 * same walk closes a new cycle, meeting an older stamp does not.  Every
 * goal is stamped once: O(n), no unbounded loop.
 */
#define CYCLE_SHOW	12	/* goals listed in a message */

/* goal-cycle: one finding per cycle of parent links (see above). */
void
rl_goal_cycle(struct ctx *c, const struct rule *r)
{
	const struct pg_goals	*gs = &c->p->goals;
	size_t			*stamp, i, j, k, m, len;
	char			 msg[2048], t[80];
	const char		*arrow = L(" -> ", " → ");

	if (gs->n == 0)
		return;
	if ((stamp = calloc(gs->n, sizeof(*stamp))) == NULL) {
		c->d->oom = 1;
		return;
	}
	for (i = 0; i < gs->n; i++) {
		if (stamp[i] != 0)
			continue;
		for (j = i; j != NONE && stamp[j] == 0; j = c->g_parent[j])
			stamp[j] = i + 1;
		if (j == NONE || stamp[j] != i + 1)
			continue;
		/* j is on a new cycle; m = its first goal in the document */
		m = j;
		for (k = c->g_parent[j]; k != j; k = c->g_parent[k])
			if (k < m)
				m = k;
		msg[0] = '\0';
		len = 0;
		k = m;
		for (j = 0; ; j++) {
			if (j == CYCLE_SHOW && k != m) {
				len += (size_t)snprintf(msg + len, sizeof(msg) - len,
				    "%s…", arrow);
				break;
			}
			len += (size_t)snprintf(msg + len, sizeof(msg) - len,
			    "%s%s", j > 0 ? arrow : "",
			    pg_text_clip(gs->v[k].id, 32, t, sizeof(t)));
			if (j > 0 && k == m)
				break;
			k = c->g_parent[k];
		}
		pg_text_clip(gs->v[m].id, 32, t, sizeof(t));
		if (c->g_parent[m] == m)
			rl_emit(c, r, gs->v[m].line, L("goal %s names itself as its parent",
			    "目标 %s 把自己设为上级目标"), t);
		else
			rl_emit(c, r, gs->v[m].line, L("goal parent links form a cycle: %s",
			    "目标的上级关系形成循环：%s"), msg);
	}
	free(stamp);
}
