/*
 * rules.c — the built-in review rules, accept instructions and the
 * completeness score.  See rules.h.
 *
 * Design invariants:
 *  1. Rules are a table of small self-contained functions {finding id
 *     (finding.h), fn}; each reads the model through one shared context that
 *     is built once per plan (struct ctx) and reports with emit().
 *  2. The context holds a hash table of every id -> (kind, index), so a
 *     reference resolves in O(1), and per-goal / per-action facts derived
 *     once (has a child goal, named by an action, has a kpi, budgeted...).
 *     Every rule is linear in the size of the plan.
 *  3. Nothing loops on the input's shape: parent links are followed with a
 *     visit stamp per goal, so each goal is visited once.
 *  4. Money is summed with pg_money_add; an overflow is reported, never UB.
 *  5. Messages name the thing (id and truncated title/statement, section)
 *     in English or Chinese; rule ids never change.  PCRE2 is used only
 *     here (placeholder-text), compiled once per plan check.
 *
 * Rule semantics decided here (the spec is silent on them):
 *  - "a goal with no child goals" (goal-unsupported, vague-goal): no
 *    *other* goal names it as @parent (a self-parent does not count).
 *  - goal-unsupported: such a leaf goal that no action lists in @goals.
 *  - goal-no-owner: the goal has no @owner and no action listing it in
 *    @goals has an @owner (children's actions do not count).
 *  - outside-period: a goal's @due, an action's @start or @end (one finding
 *    per action), a milestone's @date before the period start or after
 *    its end; only checked when the period itself is valid.
 *  - vague-goal: a leaf goal with no <metric> whose statement holds no
 *    ASCII digit 0-9 and no full-width digit ０-９.
 *  - action-unbudgeted: no budget <line> has @action equal to its id.
 *  - kpi-missing: a quantitative goal that no <kpi> names in @goal.
 *  - goal-target-unchanged: metric @baseline and @target both given and
 *    equal in value, compared exactly on the digits ("40" = "40.0" =
 *    "040"); reported at the <metric>.
 *  - budget-total-mismatch: only when @total is given; the sum is every
 *    line's amount plus the contingency; an overflowing sum is reported
 *    under the same rule.
 *  - mix-incomplete: at <mix> listing the missing Ps, or at <strategy>
 *    when there is no <mix>.  no-controls: at <plan>.
 *  - swot-quadrant-empty: one finding per empty quadrant, at <swot>.
 *  - placeholder-text: every text of the model (titles, statements, prose
 *    paragraphs and list items, points, names, labels, owners, units...);
 *    one finding per text (per paragraph for prose), at the line of the
 *    element holding it.
 *  - dangling-ref: one finding per bad id in a reference list; wrong kinds
 *    are errors too (goals="S1", competitor="G1", action="G1", kpi goal=,
 *    milestone goals=, goal parent= must name goals/actions/competitors,
 *    goal addresses= must name SWOT items).
 *  - duplicate-id: reported at every later use, naming the first one's line.
 *  - goal-cycle: one finding per cycle, at the cycle's goal that comes
 *    first in the document, listing the cycle from there.
 */
#include "config.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include "review/rules.h"

#define NONE	((size_t)-1)

/* ---- placeholder matcher --------------------------------------------- */

struct pg_placeholder {
	pcre2_code		*re;
	pcre2_match_data	*md;
	pcre2_match_context	*mc;
};

/*
 * Latin words are matched whole: not preceded or followed by a Latin
 * letter, a digit or '_'.  CJK neighbours do not stop a match, so
 * "XXX公司" and "TODO：补充" are found.
 */
static const char placeholder_re[] =
    "(?<![\\p{Latin}\\p{N}_])(?:TODO|TBD|FIXME|XXX|lorem\\s+ipsum)"
    "(?![\\p{Latin}\\p{N}_])"
    "|\xe5\xbe\x85\xe5\xae\x9a"				/* 待定 */
    "|\xe5\xbe\x85\xe8\xa1\xa5\xe5\x85\x85"		/* 待补充 */
    "|\xe5\xbe\x85\xe5\xae\x8c\xe5\x96\x84"		/* 待完善 */
    "|\xef\xbc\x9f\xef\xbc\x9f\xef\xbc\x9f"		/* ？？？ */
    "|\\?\\?\\?";

struct pg_placeholder *
pg_placeholder_new(void)
{
	struct pg_placeholder	*p;
	int			 ec;
	PCRE2_SIZE		 eo;

	if ((p = calloc(1, sizeof(*p))) == NULL)
		return NULL;
	p->re = pcre2_compile((PCRE2_SPTR)placeholder_re, PCRE2_ZERO_TERMINATED,
	    PCRE2_UTF | PCRE2_UCP | PCRE2_CASELESS, &ec, &eo, NULL);
	if (p->re == NULL)
		goto fail;
	(void)pcre2_jit_compile(p->re, PCRE2_JIT_COMPLETE);	/* optional */
	if ((p->md = pcre2_match_data_create_from_pattern(p->re, NULL)) == NULL ||
	    (p->mc = pcre2_match_context_create(NULL)) == NULL)
		goto fail;
	/* The pattern cannot backtrack badly; the limits are a safety net. */
	pcre2_set_match_limit(p->mc, 50000000);
	pcre2_set_depth_limit(p->mc, 1000);
	return p;
fail:
	pg_placeholder_free(p);
	return NULL;
}

/*
 * 0 if s cannot hold a placeholder, so pcre2_match() need not run (it
 * costs ~20 instructions a byte; this ~3).  Every match of placeholder_re
 * contains "todo", "tbd", "xme" (of FIXME), "xxx" or "lorem" in some ASCII
 * case, or 待, ？？？ or ???: under caseless UCP matching no non-ASCII
 * character equals one of the letters t o d b x m e l r (test_rules checks
 * this against the linked PCRE2).
 */
static int
may_hold_placeholder(const char *s)
{
	const unsigned char *p;

	/* the bytes a placeholder can start with, and the NUL that ends s */
	static const unsigned char start[256] = {
		[0] = 1, ['T'] = 1, ['t'] = 1, ['X'] = 1, ['x'] = 1, ['L'] = 1,
		['l'] = 1, ['?'] = 1, [0xE5] = 1, [0xEF] = 1,
	};

#define LC(c, l)	(((c) | 0x20) == (l))	/* ASCII letter l in any case */
	for (p = (const unsigned char *)s;; p++) {
		while (!start[*p])
			p++;
		switch (*p) {
		case '\0':
			return 0;
		case 'T': case 't':
			if ((LC(p[1], 'o') && LC(p[2], 'd') && LC(p[3], 'o')) ||
			    (LC(p[1], 'b') && LC(p[2], 'd')))
				return 1;
			break;
		case 'X': case 'x':
			if ((LC(p[1], 'm') && LC(p[2], 'e')) ||
			    (LC(p[1], 'x') && LC(p[2], 'x')))
				return 1;
			break;
		case 'L': case 'l':
			if (LC(p[1], 'o') && LC(p[2], 'r') && LC(p[3], 'e') &&
			    LC(p[4], 'm'))
				return 1;
			break;
		case '?':
			if (p[1] == '?' && p[2] == '?')
				return 1;
			break;
		case 0xE5:	/* 待 */
			if (p[1] == 0xBE && p[2] == 0x85)
				return 1;
			break;
		case 0xEF:	/* ？？？ */
			{
				/* byte by byte: stops at the string's NUL */
				static const unsigned char rest[] = { 0xBC, 0x9F, 0xEF,
				    0xBC, 0x9F, 0xEF, 0xBC, 0x9F };
				size_t i;
				for (i = 0; i < sizeof(rest) && p[1 + i] == rest[i]; i++)
					;
				if (i == sizeof(rest))
					return 1;
			}
			break;
		}
	}
#undef LC
}

int
pg_placeholder_match(struct pg_placeholder *p, const char *s, char *buf,
    size_t bufsz)
{
	PCRE2_SIZE	*ov;
	size_t		 len;
	int		 rc;

	if (p == NULL || s == NULL || !may_hold_placeholder(s))
		return 0;
	rc = pcre2_match(p->re, (PCRE2_SPTR)s, PCRE2_ZERO_TERMINATED, 0, 0,
	    p->md, p->mc);
	if (rc <= 0)
		return 0;
	if (buf != NULL && bufsz > 0) {
		ov = pcre2_get_ovector_pointer(p->md);
		len = ov[1] - ov[0];
		if (len >= bufsz)
			len = bufsz - 1;
		memcpy(buf, s + ov[0], len);
		buf[len] = '\0';
	}
	return 1;
}

void
pg_placeholder_free(struct pg_placeholder *p)
{
	if (p == NULL)
		return;
	pcre2_match_context_free(p->mc);
	pcre2_match_data_free(p->md);
	pcre2_code_free(p->re);
	free(p);
}

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

/* ---- language ---------------------------------------------------------- */

int
pg_lang_is_zh(const char *lang)
{
	if (lang == NULL || tolower((unsigned char)lang[0]) != 'z' ||
	    tolower((unsigned char)lang[1]) != 'h')
		return 0;
	return lang[2] == '\0' || lang[2] == '-' || lang[2] == '_';
}

/* ---- the shared context ------------------------------------------------ */

struct ctx {
	const struct pg_plan	*p;
	const char		*file;
	struct pg_diags		*d;
	int			 zh;	/* Chinese messages */
	struct pg_idtab		 ids;
	/* per goal (p->goals.n) */
	size_t			*g_parent;	/* parent goal index or NONE */
	unsigned char		*g_child;	/* another goal names it as parent */
	unsigned char		*g_named;	/* an action lists it */
	unsigned char		*g_actowner;	/* an action listing it has an owner */
	unsigned char		*g_kpi;		/* a kpi names it */
	/* per action */
	unsigned char		*a_budget;	/* a budget line names it */
	int			 period_ok;	/* both dates set, start <= end */
	struct pg_placeholder	*ph;
};

struct rule;
typedef void rule_fn(struct ctx *, const struct rule *);

struct rule {
	enum pg_finding	 f;		/* its id and severity (finding.h) */
	rule_fn		*fn;
};

/* L(english, chinese): the message text in the context's language. */
#define L(en, cn)	(c->zh ? (cn) : (en))

static void emit(struct ctx *, const struct rule *, unsigned long,
    const char *, ...) __attribute__((format(printf, 4, 5)));

static void
emit(struct ctx *c, const struct rule *r, unsigned long line,
    const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	(void)pg_diag_vemit(c->d, r->f, c->file, line, fmt, ap);
	va_end(ap);
}

/* ---- naming things ----------------------------------------------------- */

#define SHORT	24	/* code points of a title or statement in a message */
#define NAMESZ	512

/* s cut to at most `max` code points (UTF-8 safe), "…" appended if cut. */
static const char *
trunc_text(const char *s, size_t max, char *buf, size_t n)
{
	size_t i = 0, cps = 0;

	if (s == NULL)
		s = "";
	while (s[i] != '\0') {
		size_t j = i + 1;
		while (((unsigned char)s[j] & 0xC0) == 0x80)
			j++;
		if (cps == max || j + 4 > n) {
			memcpy(buf, s, i);
			memcpy(buf + i, "\xe2\x80\xa6", 4);	/* … */
			return buf;
		}
		cps++;
		i = j;
	}
	memcpy(buf, s, i + 1);
	return buf;
}

static const char *
date_str(struct pg_date d, char *buf, size_t n)
{
	snprintf(buf, n, "%04d-%02d-%02d", d.y, d.m, d.d);
	return buf;
}

/* "goal G3 (Raise the repeat …)" / "目标 G3（提升复购率）" */
static const char *
goal_name(struct ctx *c, const struct pg_goal *g, char *buf, size_t n)
{
	char id[80], t[160];

	trunc_text(g->id, 32, id, sizeof(id));
	if (g->statement.s == NULL)
		snprintf(buf, n, L("goal %s", "目标 %s"), id);
	else
		snprintf(buf, n, L("goal %s (%s)", "目标 %s（%s）"), id,
		    trunc_text(g->statement.s, SHORT, t, sizeof(t)));
	return buf;
}

static const char *
action_name(struct ctx *c, const struct pg_action *a, char *buf, size_t n)
{
	char id[80], t[160];

	trunc_text(a->id, 32, id, sizeof(id));
	if (a->title.s == NULL)
		snprintf(buf, n, L("action %s", "行动 %s"), id);
	else
		snprintf(buf, n, L("action %s (%s)", "行动 %s（%s）"), id,
		    trunc_text(a->title.s, SHORT, t, sizeof(t)));
	return buf;
}

static const char *const swot_en[4] = { "strength", "weakness",
	"opportunity", "threat" };
static const char *const swot_en_pl[4] = { "strengths", "weaknesses",
	"opportunities", "threats" };
static const char *const swot_zh[4] = { "优势", "劣势", "机会", "威胁" };

/* What an id names: "a goal", "a strength"... */
static const char *
kind_name(struct ctx *c, const struct pg_identry *e)
{
	static const char *const en[] = { "a goal", "an action", "", "a competitor",
		"a customer segment", "a blueprint step" };
	static const char *const zh[] = { "目标", "行动", "", "竞争者",
		"客户细分", "蓝图步骤" };

	if (e->kind == PG_ID_SWOT) {
		enum pg_swot_kind k = c->p->swot.items[e->index].kind;
		if (c->zh)
			return swot_zh[k];
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
	}
	return "";
}

/* ---- building the context ---------------------------------------------- */

typedef void id_fn(void *, const char *, enum pg_idkind, size_t,
    unsigned long);

/* Call fn for every element that has an id, in document order. */
static void
each_id(const struct pg_plan *p, id_fn *fn, void *arg)
{
	size_t i;

	for (i = 0; i < p->situation.nsegments; i++)
		if (p->situation.segments[i].id != NULL)
			fn(arg, p->situation.segments[i].id, PG_ID_SEGMENT, i,
			    p->situation.segments[i].line);
	for (i = 0; i < p->situation.ncompetitors; i++)
		if (p->situation.competitors[i].id != NULL)
			fn(arg, p->situation.competitors[i].id, PG_ID_COMPETITOR,
			    i, p->situation.competitors[i].line);
	for (i = 0; i < p->swot.nitems; i++)
		if (p->swot.items[i].id != NULL)
			fn(arg, p->swot.items[i].id, PG_ID_SWOT, i,
			    p->swot.items[i].line);
	for (i = 0; i < p->goals.n; i++)
		if (p->goals.v[i].id != NULL)
			fn(arg, p->goals.v[i].id, PG_ID_GOAL, i,
			    p->goals.v[i].line);
	for (i = 0; i < p->strategy.blueprint.nsteps; i++)
		if (p->strategy.blueprint.steps[i].id != NULL)
			fn(arg, p->strategy.blueprint.steps[i].id, PG_ID_STEP, i,
			    p->strategy.blueprint.steps[i].line);
	for (i = 0; i < p->actions.n; i++)
		if (p->actions.v[i].id != NULL)
			fn(arg, p->actions.v[i].id, PG_ID_ACTION, i,
			    p->actions.v[i].line);
}

static void
put_id(void *arg, const char *id, enum pg_idkind k, size_t i,
    unsigned long line)
{
	(void)pg_idtab_put(arg, id, k, i, line);
}

static void
count_id(void *arg, const char *id, enum pg_idkind k, size_t i,
    unsigned long line)
{
	(void)id; (void)k; (void)i; (void)line;
	(*(size_t *)arg)++;
}

/* The goal index `id` names, or NONE. */
static size_t
goal_index(const struct ctx *c, const char *id)
{
	const struct pg_identry *e = pg_idtab_get(&c->ids, id);

	return e != NULL && e->kind == PG_ID_GOAL ? e->index : NONE;
}

static void
ctx_free(struct ctx *c)
{
	pg_idtab_free(&c->ids);
	free(c->g_parent);
	free(c->g_child);
	free(c->g_named);
	free(c->g_actowner);
	free(c->g_kpi);
	free(c->a_budget);
	pg_placeholder_free(c->ph);
}

/* Build the shared context.  Returns 0, -1 if memory ran out. */
static int
ctx_init(struct ctx *c, const struct pg_plan *p, const char *file,
    const char *lang, struct pg_diags *d)
{
	size_t	i, j, nid = 0, ng = p->goals.n, na = p->actions.n;

	memset(c, 0, sizeof(*c));
	c->p = p;
	c->file = file;
	c->d = d;
	c->zh = pg_lang_is_zh(lang != NULL ? lang : p->lang);
	each_id(p, count_id, &nid);
	if (pg_idtab_init(&c->ids, nid) != 0)
		return -1;
	each_id(p, put_id, &c->ids);
	/* +1: calloc(0) may return NULL */
	if ((c->g_parent = calloc(ng + 1, sizeof(size_t))) == NULL ||
	    (c->g_child = calloc(ng + 1, 1)) == NULL ||
	    (c->g_named = calloc(ng + 1, 1)) == NULL ||
	    (c->g_actowner = calloc(ng + 1, 1)) == NULL ||
	    (c->g_kpi = calloc(ng + 1, 1)) == NULL ||
	    (c->a_budget = calloc(na + 1, 1)) == NULL ||
	    (c->ph = pg_placeholder_new()) == NULL)
		return -1;
	for (i = 0; i < ng; i++) {
		const struct pg_goal *g = &p->goals.v[i];
		c->g_parent[i] = g->parent != NULL ? goal_index(c, g->parent) : NONE;
		if (c->g_parent[i] != NONE && c->g_parent[i] != i)
			c->g_child[c->g_parent[i]] = 1;
	}
	for (i = 0; i < na; i++) {
		const struct pg_action *a = &p->actions.v[i];
		for (j = 0; j < a->goals.n; j++) {
			size_t gi = goal_index(c, a->goals.id[j]);
			if (gi == NONE)
				continue;
			c->g_named[gi] = 1;
			if (a->owner != NULL)
				c->g_actowner[gi] = 1;
		}
	}
	for (i = 0; i < p->controls.nkpis; i++) {
		size_t gi = goal_index(c, p->controls.kpis[i].goal);
		if (gi != NONE)
			c->g_kpi[gi] = 1;
	}
	for (i = 0; i < p->budget.nlines; i++) {
		const struct pg_identry *e =
		    pg_idtab_get(&c->ids, p->budget.lines[i].action);
		if (e != NULL && e->kind == PG_ID_ACTION)
			c->a_budget[e->index] = 1;
	}
	c->period_ok = p->meta.period_start.y != 0 && p->meta.period_end.y != 0 &&
	    pg_date_cmp(p->meta.period_start, p->meta.period_end) <= 0;
	return 0;
}

/* ---- the rules ----------------------------------------------------------- */

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
	emit(c, a->r, line, L("id %s is used twice (first at line %lu)",
	    "编号 %s 重复使用（首次出现在第 %lu 行）"),
	    trunc_text(id, 64, t, sizeof(t)), e->line);
}

static void
r_duplicate_id(struct ctx *c, const struct rule *r)
{
	struct dup_arg a = { c, r };

	each_id(c->p, dup_one, &a);
}

/* 1 if id names an element of kind `want`. */
static int
ref_ok(const struct ctx *c, const char *id, enum pg_idkind want)
{
	const struct pg_identry *e = pg_idtab_get(&c->ids, id);

	return id == NULL || (e != NULL && e->kind == want);
}

/* One reference: `who` (already named) has attribute `attr` naming `id`. */
static void
check_ref(struct ctx *c, const struct rule *r, unsigned long line,
    const char *who, const char *attr, const char *id, enum pg_idkind want)
{
	const struct pg_identry	*e;
	char			 t[160];

	if (id == NULL)
		return;
	e = pg_idtab_get(&c->ids, id);
	trunc_text(id, 64, t, sizeof(t));
	if (e == NULL)
		emit(c, r, line, L("%s: %s names %s, but no such id exists",
		    "%s的 %s 引用了不存在的编号 %s"), who, attr, t);
	else if (e->kind != want)
		emit(c, r, line, L("%s: %s names %s, which is %s, not %s",
		    "%s的 %s 引用的 %s 是%s，而不是%s"), who, attr, t,
		    kind_name(c, e), want_name(c, want));
}

static void
r_dangling_ref(struct ctx *c, const struct rule *r)
{
	const struct pg_plan	*p = c->p;
	char			 who[NAMESZ], t[160];
	size_t			 i, j;

	for (i = 0; i < p->situation.posmap.npositions; i++) {
		const struct pg_position *q = &p->situation.posmap.positions[i];
		if (q->competitor == NULL)
			continue;
		check_ref(c, r, q->line, L("positioning-map position",
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
		goal_name(c, g, who, sizeof(who));
		check_ref(c, r, g->line, who, "parent", g->parent, PG_ID_GOAL);
		for (j = 0; j < g->addresses.n; j++)
			check_ref(c, r, g->line, who, "addresses",
			    g->addresses.id[j], PG_ID_SWOT);
	}
	for (i = 0; i < p->actions.n; i++) {
		const struct pg_action *a = &p->actions.v[i];
		for (j = 0; j < a->goals.n; j++) {
			if (ref_ok(c, a->goals.id[j], PG_ID_GOAL))
				continue;
			action_name(c, a, who, sizeof(who));
			check_ref(c, r, a->line, who, "goals", a->goals.id[j],
			    PG_ID_GOAL);
		}
	}
	for (i = 0; i < p->budget.nlines; i++) {
		const struct pg_budget_line *b = &p->budget.lines[i];
		if (b->action == NULL)
			continue;
		snprintf(who, sizeof(who), L("budget line \"%s\"", "预算项“%s”"),
		    trunc_text(b->category, SHORT, t, sizeof(t)));
		check_ref(c, r, b->line, who, "action", b->action, PG_ID_ACTION);
	}
	for (i = 0; i < p->controls.nkpis; i++) {
		const struct pg_kpi *k = &p->controls.kpis[i];
		if (k->goal == NULL)
			continue;
		snprintf(who, sizeof(who), L("kpi \"%s\"", "关键绩效指标“%s”"),
		    trunc_text(k->text, SHORT, t, sizeof(t)));
		check_ref(c, r, k->line, who, "goal", k->goal, PG_ID_GOAL);
	}
	for (i = 0; i < p->controls.nmilestones; i++) {
		const struct pg_milestone *m = &p->controls.milestones[i];
		if (m->goals.n == 0)
			continue;
		snprintf(who, sizeof(who), L("milestone \"%s\"", "里程碑“%s”"),
		    trunc_text(m->text, SHORT, t, sizeof(t)));
		for (j = 0; j < m->goals.n; j++)
			check_ref(c, r, m->line, who, "goals", m->goals.id[j],
			    PG_ID_GOAL);
	}
}

/*
 * Cycles of parent links.  Each goal has at most one parent, so the links
 * form a functional graph: walk up from every goal not yet visited,
 * stamping each goal with the walk's number; meeting a goal stamped by the
 * same walk closes a new cycle, meeting an older stamp does not.  Every
 * goal is stamped once: O(n), no unbounded loop.
 */
#define CYCLE_SHOW	12	/* goals listed in a message */

static void
r_goal_cycle(struct ctx *c, const struct rule *r)
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
			    trunc_text(gs->v[k].id, 32, t, sizeof(t)));
			if (j > 0 && k == m)
				break;
			k = c->g_parent[k];
		}
		trunc_text(gs->v[m].id, 32, t, sizeof(t));
		if (c->g_parent[m] == m)
			emit(c, r, gs->v[m].line, L("goal %s names itself as its parent",
			    "目标 %s 把自己设为上级目标"), t);
		else
			emit(c, r, gs->v[m].line, L("goal parent links form a cycle: %s",
			    "目标的上级关系形成循环：%s"), msg);
	}
	free(stamp);
}

static void
r_period_invalid(struct ctx *c, const struct rule *r)
{
	const struct pg_meta	*m = &c->p->meta;
	char			 a[16], b[16];

	if (m->period_start.y == 0 || m->period_end.y == 0 ||
	    pg_date_cmp(m->period_end, m->period_start) >= 0)
		return;
	emit(c, r, m->period_line ? m->period_line : m->line,
	    L("the plan period ends (%s) before it starts (%s)",
	    "计划周期的结束日期（%s）早于开始日期（%s）"),
	    date_str(m->period_end, a, sizeof(a)),
	    date_str(m->period_start, b, sizeof(b)));
}

static void
r_action_dates(struct ctx *c, const struct rule *r)
{
	char	 n[NAMESZ], a[16], b[16];
	size_t	 i;

	for (i = 0; i < c->p->actions.n; i++) {
		const struct pg_action *x = &c->p->actions.v[i];
		if (x->start.y == 0 || x->end.y == 0 ||
		    pg_date_cmp(x->end, x->start) >= 0)
			continue;
		emit(c, r, x->line, L("%s ends (%s) before it starts (%s)",
		    "%s的结束日期（%s）早于开始日期（%s）"),
		    action_name(c, x, n, sizeof(n)),
		    date_str(x->end, a, sizeof(a)), date_str(x->start, b, sizeof(b)));
	}
}

static void
r_goal_not_measurable(struct ctx *c, const struct rule *r)
{
	char	n[NAMESZ];
	size_t	i;

	for (i = 0; i < c->p->goals.n; i++) {
		const struct pg_goal *g = &c->p->goals.v[i];
		if (g->type != PG_GOAL_QUANTITATIVE ||
		    (g->metric.line != 0 && g->metric.target.text != NULL))
			continue;
		emit(c, r, g->line, L("%s has no measurable target",
		    "%s没有可衡量的目标值"), goal_name(c, g, n, sizeof(n)));
	}
}

static void
r_goal_no_deadline(struct ctx *c, const struct rule *r)
{
	char	n[NAMESZ];
	size_t	i;

	for (i = 0; i < c->p->goals.n; i++) {
		const struct pg_goal *g = &c->p->goals.v[i];
		if (g->type != PG_GOAL_QUANTITATIVE || g->due.y != 0)
			continue;
		emit(c, r, g->line, L("%s is quantitative but has no due date",
		    "%s是量化目标，但没有截止日期（due）"),
		    goal_name(c, g, n, sizeof(n)));
	}
}

static void
r_budget_total_mismatch(struct ctx *c, const struct rule *r)
{
	const struct pg_budget	*b = &c->p->budget;
	const char		*cur = c->p->currency ? c->p->currency : "CNY";
	int64_t			 sum = 0;
	char			 x[32], y[32];
	size_t			 i;

	if (!b->total.set)
		return;
	for (i = 0; i < b->nlines; i++)
		if (pg_money_add(sum, b->lines[i].amount.minor, &sum) != 0)
			goto overflow;
	if (b->contingency_line != 0 && b->contingency.set &&
	    pg_money_add(sum, b->contingency.minor, &sum) != 0)
		goto overflow;
	if (sum == b->total.minor)
		return;
	emit(c, r, b->line, L("budget total %s %s differs from the sum of the "
	    "lines and contingency, %s %s",
	    "预算总额 %s %s 与各预算项及不可预见费之和 %s %s 不一致"),
	    pg_money_format(b->total.minor, x, sizeof(x)), cur,
	    pg_money_format(sum, y, sizeof(y)), cur);
	return;
overflow:
	emit(c, r, b->line, L("budget total %s %s cannot be checked: the lines "
	    "and contingency add up to more than can be computed exactly",
	    "无法核对预算总额 %s %s：各预算项及不可预见费之和过大，无法精确计算"),
	    pg_money_format(b->total.minor, x, sizeof(x)), cur);
}

static void
r_goal_unsupported(struct ctx *c, const struct rule *r)
{
	char	n[NAMESZ];
	size_t	i;

	for (i = 0; i < c->p->goals.n; i++) {
		const struct pg_goal *g = &c->p->goals.v[i];
		if (c->g_child[i] || c->g_named[i])
			continue;
		emit(c, r, g->line, L("%s is supported by no action",
		    "没有任何行动支持%s"), goal_name(c, g, n, sizeof(n)));
	}
}

static void
r_too_many_key_points(struct ctx *c, const struct rule *r)
{
	const struct pg_summary *s = &c->p->summary;

	if (s->nkey_points <= 3)
		return;
	emit(c, r, s->key_points_line ? s->key_points_line : s->line,
	    L("the summary has %zu key points; name at most 3",
	    "计划摘要有 %zu 个要点，最多应列 3 个"), s->nkey_points);
}

static void
r_swot_quadrant_empty(struct ctx *c, const struct rule *r)
{
	size_t	count[4] = { 0, 0, 0, 0 }, i;
	int	k;

	for (i = 0; i < c->p->swot.nitems; i++)
		count[c->p->swot.items[i].kind & 3]++;
	for (k = 0; k < 4; k++)
		if (count[k] == 0)
			emit(c, r, c->p->swot.line, L("the SWOT has no %s (no <%s>)",
			    "SWOT 分析中没有%s项（%s）"),
			    c->zh ? swot_zh[k] : swot_en_pl[k], swot_en[k]);
}

static int
outside(const struct ctx *c, struct pg_date d)
{
	return d.y != 0 && (pg_date_cmp(d, c->p->meta.period_start) < 0 ||
	    pg_date_cmp(d, c->p->meta.period_end) > 0);
}

static void
r_outside_period(struct ctx *c, const struct rule *r)
{
	const struct pg_plan	*p = c->p;
	char			 n[NAMESZ], ps[16], pe[16], a[16], b[16], t[160];
	size_t			 i;

	if (!c->period_ok)
		return;
	date_str(p->meta.period_start, ps, sizeof(ps));
	date_str(p->meta.period_end, pe, sizeof(pe));
	for (i = 0; i < p->goals.n; i++) {
		const struct pg_goal *g = &p->goals.v[i];
		if (outside(c, g->due))
			emit(c, r, g->line, L("%s is due %s, outside the plan "
			    "period %s to %s", "%s的截止日期 %s 不在计划周期"
			    "（%s 至 %s）内"), goal_name(c, g, n, sizeof(n)),
			    date_str(g->due, a, sizeof(a)), ps, pe);
	}
	for (i = 0; i < p->actions.n; i++) {
		const struct pg_action *x = &p->actions.v[i];
		if (outside(c, x->start) || outside(c, x->end))
			emit(c, r, x->line, L("%s runs %s to %s, outside the plan "
			    "period %s to %s", "%s的时间 %s 至 %s 超出计划周期"
			    "（%s 至 %s）"), action_name(c, x, n, sizeof(n)),
			    date_str(x->start, a, sizeof(a)),
			    date_str(x->end, b, sizeof(b)), ps, pe);
	}
	for (i = 0; i < p->controls.nmilestones; i++) {
		const struct pg_milestone *m = &p->controls.milestones[i];
		if (outside(c, m->date))
			emit(c, r, m->line, L("milestone \"%s\" on %s falls outside "
			    "the plan period %s to %s", "里程碑“%s”的日期 %s 不在"
			    "计划周期（%s 至 %s）内"),
			    trunc_text(m->text, SHORT, t, sizeof(t)),
			    date_str(m->date, a, sizeof(a)), ps, pe);
	}
}

static void
r_goal_no_owner(struct ctx *c, const struct rule *r)
{
	char	n[NAMESZ];
	size_t	i;

	for (i = 0; i < c->p->goals.n; i++) {
		const struct pg_goal *g = &c->p->goals.v[i];
		if (g->owner != NULL || c->g_actowner[i])
			continue;
		emit(c, r, g->line, L("%s has no owner, and no action supporting "
		    "it has one", "%s没有负责人，支持它的行动也都没有负责人"),
		    goal_name(c, g, n, sizeof(n)));
	}
}

static void
r_action_no_owner(struct ctx *c, const struct rule *r)
{
	char	n[NAMESZ];
	size_t	i;

	for (i = 0; i < c->p->actions.n; i++) {
		const struct pg_action *a = &c->p->actions.v[i];
		if (a->owner == NULL)
			emit(c, r, a->line, L("%s has no owner", "%s没有负责人"),
			    action_name(c, a, n, sizeof(n)));
	}
}

/*
 * 1 if two decimals "-?[0-9]+(\.[0-9]+)?" have the same value, compared
 * exactly on their digits (not as doubles: 30-digit numbers stay distinct).
 */
static int
dec_equal(const char *a, const char *b)
{
	const char	*ai, *bi, *af, *bf;
	size_t		 al, bl, afl, bfl;
	int		 an = 0, bn = 0, azero, bzero;

	if (*a == '-') { an = 1; a++; }
	if (*b == '-') { bn = 1; b++; }
	while (*a == '0' && a[1] >= '0' && a[1] <= '9') a++;
	while (*b == '0' && b[1] >= '0' && b[1] <= '9') b++;
	ai = a; bi = b;
	al = strcspn(a, "."); bl = strcspn(b, ".");
	af = a[al] == '.' ? a + al + 1 : ""; bf = b[bl] == '.' ? b + bl + 1 : "";
	afl = strlen(af); bfl = strlen(bf);
	while (afl > 0 && af[afl - 1] == '0') afl--;
	while (bfl > 0 && bf[bfl - 1] == '0') bfl--;
	azero = al == 1 && *ai == '0' && afl == 0;
	bzero = bl == 1 && *bi == '0' && bfl == 0;
	if (azero || bzero)
		return azero && bzero;		/* -0 == 0 */
	return an == bn && al == bl && afl == bfl &&
	    memcmp(ai, bi, al) == 0 && memcmp(af, bf, afl) == 0;
}

static void
r_goal_target_unchanged(struct ctx *c, const struct rule *r)
{
	char	n[NAMESZ], t[160];
	size_t	i;

	for (i = 0; i < c->p->goals.n; i++) {
		const struct pg_goal *g = &c->p->goals.v[i];
		const struct pg_metric *m = &g->metric;
		if (m->line == 0 || m->baseline.text == NULL ||
		    m->target.text == NULL ||
		    !dec_equal(m->baseline.text, m->target.text))
			continue;
		emit(c, r, m->line, L("%s: the target of metric \"%s\" equals its "
		    "baseline (%s)", "%s的指标“%s”目标值与基线相同（%s）"),
		    goal_name(c, g, n, sizeof(n)),
		    trunc_text(m->name, SHORT, t, sizeof(t)), m->target.text);
	}
}

/* 1 if s holds an ASCII digit or a full-width digit (U+FF10..U+FF19). */
static int
has_digit(const char *s)
{
	const unsigned char *u = (const unsigned char *)s;

	for (; u != NULL && *u != '\0'; u++) {
		if (*u >= '0' && *u <= '9')
			return 1;
		if (u[0] == 0xEF && u[1] == 0xBC && u[2] >= 0x90 && u[2] <= 0x99)
			return 1;
	}
	return 0;
}

static void
r_vague_goal(struct ctx *c, const struct rule *r)
{
	char	n[NAMESZ];
	size_t	i;

	for (i = 0; i < c->p->goals.n; i++) {
		const struct pg_goal *g = &c->p->goals.v[i];
		if (c->g_child[i] || g->metric.line != 0 ||
		    has_digit(g->statement.s))
			continue;
		emit(c, r, g->line, L("%s has no metric and its statement holds "
		    "no number", "%s没有指标，表述中也没有任何数字"),
		    goal_name(c, g, n, sizeof(n)));
	}
}

static void
r_action_unbudgeted(struct ctx *c, const struct rule *r)
{
	char	n[NAMESZ];
	size_t	i;

	for (i = 0; i < c->p->actions.n; i++)
		if (!c->a_budget[i])
			emit(c, r, c->p->actions.v[i].line, L("%s has no budget line",
			    "%s没有对应的预算项"),
			    action_name(c, &c->p->actions.v[i], n, sizeof(n)));
}

static void
r_mix_incomplete(struct ctx *c, const struct rule *r)
{
	static const char *const zh[PG_MIX_N] = { "产品", "价格", "渠道",
		"促销", "人员", "过程", "有形展示" };
	const struct pg_strategy *s = &c->p->strategy;
	char			 list[256];
	size_t			 len = 0;
	int			 k;

	if (s->mix_line == 0) {
		emit(c, r, s->line, L("the strategy has no marketing mix "
		    "(<mix> with the 7 Ps)", "营销策略中没有服务营销组合（7P，<mix>）"));
		return;
	}
	list[0] = '\0';
	for (k = 0; k < PG_MIX_N; k++) {
		if (s->mix[k].line != 0)
			continue;
		len += (size_t)snprintf(list + len, sizeof(list) - len, "%s%s",
		    len > 0 ? L(", ", "、") : "",
		    c->zh ? zh[k] : pg_mix_names[k]);
	}
	if (len > 0)
		emit(c, r, s->mix_line, L("the marketing mix lacks %s",
		    "营销组合缺少：%s"), list);
}

static void
r_kpi_missing(struct ctx *c, const struct rule *r)
{
	char	n[NAMESZ];
	size_t	i;

	for (i = 0; i < c->p->goals.n; i++) {
		const struct pg_goal *g = &c->p->goals.v[i];
		if (g->type == PG_GOAL_QUANTITATIVE && !c->g_kpi[i])
			emit(c, r, g->line, L("%s is quantitative but no kpi "
			    "tracks it", "没有关键绩效指标（kpi）跟踪量化%s"),
			    goal_name(c, g, n, sizeof(n)));
	}
}

static void
r_no_controls(struct ctx *c, const struct rule *r)
{
	if (c->p->controls.line == 0)
		emit(c, r, c->p->line, L("the plan has no controls section "
		    "(KPIs, milestones, reviews, risks)",
		    "计划缺少管理与控制部分（controls：关键绩效指标、里程碑、评审、风险）"));
}

static void
r_fail_point_no_recovery(struct ctx *c, const struct rule *r)
{
	const struct pg_blueprint *b = &c->p->strategy.blueprint;
	char			 n[160];
	size_t			 i;

	for (i = 0; i < b->nsteps; i++) {
		const struct pg_step *s = &b->steps[i];
		if (s->fail_point.line == 0 || s->fail_point.recovery.s != NULL)
			continue;
		emit(c, r, s->fail_point.line, L("blueprint step \"%s\": the fail "
		    "point has no recovery", "服务蓝图步骤“%s”的失败点没有补救措施"
		    "（recovery）"), trunc_text(s->name, SHORT, n, sizeof(n)));
	}
}

/* ---- placeholder-text: every text of the model ---------------------------- */

/*
 * Where a text lives: `en`/`zh` name the element ("title" / "标题");
 * `owner` (if not NULL) is the thing holding it, e.g. "goal G1" / "目标 G1".
 */
struct where {
	const char	*owner_en, *owner_zh, *owner_id;
};

static int
ph_one(struct ctx *c, const struct rule *r, unsigned long line, const char *s,
    const struct where *w, const char *en, const char *zh)
{
	char	m[64], owner[NAMESZ], t[160];

	if (s == NULL || !pg_placeholder_match(c->ph, s, m, sizeof(m)))
		return 0;
	if (w != NULL && w->owner_en != NULL) {
		/* zh: a space after the id before Chinese text ("行动 A1 的") */
		snprintf(owner, sizeof(owner), c->zh ? "%s %s " : "%s %s",
		    c->zh ? w->owner_zh : w->owner_en,
		    trunc_text(w->owner_id, 32, t, sizeof(t)));
		if (en == NULL)
			emit(c, r, line, L("%s still holds placeholder text \"%s\"",
			    "%s中仍有占位文字“%s”"), owner, m);
		else
			emit(c, r, line, L("the %s of %s still holds placeholder "
			    "text \"%s\"", "%s的%s中仍有占位文字“%s”"),
			    c->zh ? owner : en, c->zh ? zh : owner, m);
	} else
		emit(c, r, line, L("the %s still holds placeholder text \"%s\"",
		    "%s中仍有占位文字“%s”"), c->zh ? zh : en, m);
	return 1;
}

static void
ph_text(struct ctx *c, const struct rule *r, const struct pg_text *x,
    unsigned long fallback, const struct where *w, const char *en,
    const char *zh)
{
	ph_one(c, r, x->line ? x->line : fallback, x->s, w, en, zh);
}

static void
ph_para(struct ctx *c, const struct rule *r, const struct pg_para *pa,
    unsigned long fallback, const struct where *w, const char *en,
    const char *zh)
{
	size_t i;

	for (i = 0; i < pa->nruns; i++)
		if (ph_one(c, r, pa->line ? pa->line : fallback, pa->runs[i].text,
		    w, en, zh))
			return;
}

static void
ph_prose(struct ctx *c, const struct rule *r, const struct pg_prose *x,
    const struct where *w, const char *en, const char *zh)
{
	size_t i, j;

	for (i = 0; i < x->nblocks; i++) {
		const struct pg_block *b = &x->blocks[i];
		unsigned long fb = b->line ? b->line : x->line;
		if (b->kind == PG_BLOCK_P)
			ph_para(c, r, &b->para, fb, w, en, zh);
		else
			for (j = 0; j < b->nitems; j++)
				ph_para(c, r, &b->items[j], fb, w, en, zh);
	}
}

static void
ph_summary_situation(struct ctx *c, const struct rule *r)
{
	const struct pg_plan	*p = c->p;
	const struct pg_summary	*s = &p->summary;
	const struct pg_situation *si = &p->situation;
	const struct pg_posmap	*pm = &si->posmap;
	struct where		 w;
	size_t			 i;

	ph_prose(c, r, &s->market_definition, NULL, "market definition", "市场界定");
	ph_one(c, r, s->sales_line, s->sales_unit, NULL, "sales unit", "销售额单位");
	for (i = 0; i < s->nyears; i++)
		ph_one(c, r, s->years[i].line, s->years[i].label, NULL,
		    "sales year label", "销售年份标签");
	for (i = 0; i < s->nkey_points; i++)
		ph_text(c, r, &s->key_points[i], s->key_points_line, NULL,
		    "key point", "要点");
	ph_prose(c, r, &s->overview, NULL, "overview", "概述");

	ph_prose(c, r, &si->market, NULL, "market analysis", "市场分析");
	for (i = 0; i < si->nfacts; i++)
		if (!ph_one(c, r, si->facts[i].line, si->facts[i].label, NULL,
		    "market fact", "市场数据"))
			ph_one(c, r, si->facts[i].line, si->facts[i].value, NULL,
			    "market fact", "市场数据");
	for (i = 0; i < si->nsegments; i++) {
		const struct pg_segment *g = &si->segments[i];
		w = (struct where){ "customer segment", "客户细分",
		    g->id ? g->id : g->name };
		ph_one(c, r, g->line, g->name, &w, "name", "名称");
		ph_prose(c, r, &g->text, &w, "description", "描述");
	}
	for (i = 0; i < si->ncompetitors; i++) {
		const struct pg_competitor *g = &si->competitors[i];
		w = (struct where){ "competitor", "竞争者",
		    g->id ? g->id : g->name };
		ph_one(c, r, g->line, g->name, &w, "name", "名称");
		ph_prose(c, r, &g->text, &w, "description", "描述");
	}
	ph_prose(c, r, &si->performance, NULL, "performance", "经营表现");
	ph_prose(c, r, &si->events, NULL, "events", "重要事件");
	if (pm->line != 0) {
		const char *axes[6] = { pm->x, pm->y, pm->x_low, pm->x_high,
			pm->y_low, pm->y_high };
		for (i = 0; i < 6; i++)
			if (ph_one(c, r, pm->line, axes[i], NULL,
			    "positioning-map axis labels", "定位图坐标轴标签"))
				break;
	}
	for (i = 0; i < pm->npositions; i++)
		ph_one(c, r, pm->positions[i].line, pm->positions[i].label, NULL,
		    "positioning-map label", "定位图标签");
}

static void
ph_swot_goals(struct ctx *c, const struct rule *r)
{
	const struct pg_plan	*p = c->p;
	struct where		 w;
	size_t			 i;

	for (i = 0; i < p->swot.nitems; i++) {
		const struct pg_swot_item *s = &p->swot.items[i];
		w = (struct where){ swot_en[s->kind & 3], swot_zh[s->kind & 3],
		    s->id };
		ph_one(c, r, s->line, s->text, &w, NULL, NULL);
	}
	for (i = 0; i < p->goals.n; i++) {
		const struct pg_goal *g = &p->goals.v[i];
		w = (struct where){ "goal", "目标", g->id };
		ph_one(c, r, g->line, g->owner, &w, "owner", "负责人");
		ph_text(c, r, &g->statement, g->line, &w, "statement", "表述");
		if (!ph_one(c, r, g->metric.line, g->metric.name, &w, "metric",
		    "指标"))
			ph_one(c, r, g->metric.line, g->metric.unit, &w, "metric",
			    "指标");
		ph_prose(c, r, &g->note, &w, "note", "备注");
	}
}

static void
ph_strategy(struct ctx *c, const struct rule *r)
{
	static const char *const mix_zh[PG_MIX_N] = { "产品策略", "价格策略",
		"渠道策略", "促销策略", "人员策略", "过程策略", "有形展示策略" };
	const struct pg_strategy *s = &c->p->strategy;
	const struct pg_blueprint *b = &s->blueprint;
	struct where		 w;
	size_t			 i;
	int			 k;

	ph_prose(c, r, &s->positioning, NULL, "positioning", "市场定位");
	ph_prose(c, r, &s->target_customers, NULL, "target customers", "目标客户");
	ph_prose(c, r, &s->target_competitors, NULL, "target competitors",
	    "目标竞争者");
	ph_prose(c, r, &s->core, NULL, "core strategy", "核心策略");
	for (k = 0; k < PG_MIX_N; k++)
		ph_prose(c, r, &s->mix[k], NULL, pg_mix_names[k], mix_zh[k]);
	for (i = 0; i < s->ndimensions; i++) {
		w = (struct where){ "service-quality dimension", "服务质量维度",
		    pg_servqual_names[s->dimensions[i].name % 5] };
		ph_prose(c, r, &s->dimensions[i].text, &w, NULL, NULL);
	}
	ph_one(c, r, b->line, b->service, NULL, "blueprint service",
	    "服务蓝图的服务名称");
	for (i = 0; i < b->nsteps; i++) {
		const struct pg_step *st = &b->steps[i];
		w = (struct where){ "blueprint step", "服务蓝图步骤",
		    st->id ? st->id : st->name };
		ph_one(c, r, st->line, st->name, &w, "name", "名称");
		ph_text(c, r, &st->evidence, st->line, &w, "evidence", "有形展示");
		ph_text(c, r, &st->customer, st->line, &w, "customer", "顾客行为");
		ph_text(c, r, &st->frontstage, st->line, &w, "frontstage", "前台");
		ph_text(c, r, &st->backstage, st->line, &w, "backstage", "后台");
		ph_text(c, r, &st->support, st->line, &w, "support", "支持过程");
		ph_one(c, r, st->fail_point.line, st->fail_point.text, &w,
		    "fail point", "失败点");
		ph_text(c, r, &st->fail_point.recovery, st->fail_point.line, &w,
		    "recovery", "补救措施");
	}
}

static void
ph_actions_budget_controls(struct ctx *c, const struct rule *r)
{
	const struct pg_plan	*p = c->p;
	const struct pg_controls *k = &p->controls;
	struct where		 w;
	size_t			 i;

	for (i = 0; i < p->actions.n; i++) {
		const struct pg_action *a = &p->actions.v[i];
		w = (struct where){ "action", "行动", a->id };
		ph_one(c, r, a->line, a->owner, &w, "owner", "负责人");
		ph_text(c, r, &a->title, a->line, &w, "title", "标题");
		ph_prose(c, r, &a->description, &w, "description", "描述");
		ph_text(c, r, &a->measure, a->line, &w, "measure", "衡量方式");
	}
	for (i = 0; i < p->budget.nlines; i++) {
		const struct pg_budget_line *b = &p->budget.lines[i];
		if (!ph_one(c, r, b->line, b->category, NULL, "budget line",
		    "预算项"))
			ph_one(c, r, b->line, b->text, NULL, "budget line", "预算项");
	}
	ph_one(c, r, p->budget.contingency_line, p->budget.contingency_text, NULL,
	    "contingency", "不可预见费");
	for (i = 0; i < k->nkpis; i++) {
		const struct pg_kpi *x = &k->kpis[i];
		if (!ph_one(c, r, x->line, x->text, NULL, "kpi", "关键绩效指标") &&
		    !ph_one(c, r, x->line, x->owner, NULL, "kpi", "关键绩效指标"))
			ph_one(c, r, x->line, x->target, NULL, "kpi", "关键绩效指标");
	}
	for (i = 0; i < k->nmilestones; i++)
		ph_one(c, r, k->milestones[i].line, k->milestones[i].text, NULL,
		    "milestone", "里程碑");
	for (i = 0; i < k->nreviews; i++)
		if (!ph_one(c, r, k->reviews[i].line, k->reviews[i].text, NULL,
		    "review", "评审"))
			ph_one(c, r, k->reviews[i].line, k->reviews[i].cadence, NULL,
			    "review", "评审");
	for (i = 0; i < k->nrisks; i++) {
		ph_one(c, r, k->risks[i].line, k->risks[i].text, NULL, "risk",
		    "风险");
		ph_text(c, r, &k->risks[i].mitigation, k->risks[i].line, NULL,
		    "risk mitigation", "风险应对措施");
	}
}

static void
r_placeholder_text(struct ctx *c, const struct rule *r)
{
	const struct pg_meta *m = &c->p->meta;

	ph_text(c, r, &m->title, m->line, NULL, "title", "标题");
	ph_text(c, r, &m->subtitle, m->line, NULL, "subtitle", "副标题");
	ph_text(c, r, &m->organization, m->line, NULL, "organization", "组织名称");
	ph_text(c, r, &m->author, m->line, NULL, "author", "作者");
	ph_summary_situation(c, r);
	ph_swot_goals(c, r);
	ph_strategy(c, r);
	ph_actions_budget_controls(c, r);
}

/* ---- the table ------------------------------------------------------------ */

static const struct rule rules[] = {
	{ PG_F_DUPLICATE_ID,		r_duplicate_id },
	{ PG_F_DANGLING_REF,		r_dangling_ref },
	{ PG_F_GOAL_CYCLE,		r_goal_cycle },
	{ PG_F_PERIOD_INVALID,		r_period_invalid },
	{ PG_F_ACTION_DATES,		r_action_dates },
	{ PG_F_GOAL_NOT_MEASURABLE,	r_goal_not_measurable },
	{ PG_F_GOAL_NO_DEADLINE,	r_goal_no_deadline },
	{ PG_F_BUDGET_TOTAL_MISMATCH,	r_budget_total_mismatch },
	{ PG_F_GOAL_UNSUPPORTED,	r_goal_unsupported },
	{ PG_F_TOO_MANY_KEY_POINTS,	r_too_many_key_points },
	{ PG_F_SWOT_QUADRANT_EMPTY,	r_swot_quadrant_empty },
	{ PG_F_OUTSIDE_PERIOD,		r_outside_period },
	{ PG_F_GOAL_NO_OWNER,		r_goal_no_owner },
	{ PG_F_ACTION_NO_OWNER,		r_action_no_owner },
	{ PG_F_GOAL_TARGET_UNCHANGED,	r_goal_target_unchanged },
	{ PG_F_VAGUE_GOAL,		r_vague_goal },
	{ PG_F_ACTION_UNBUDGETED,	r_action_unbudgeted },
	{ PG_F_MIX_INCOMPLETE,		r_mix_incomplete },
	{ PG_F_KPI_MISSING,		r_kpi_missing },
	{ PG_F_NO_CONTROLS,		r_no_controls },
	{ PG_F_FAIL_POINT_NO_RECOVERY,	r_fail_point_no_recovery },
	{ PG_F_PLACEHOLDER_TEXT,	r_placeholder_text },
	{ PG_F_UNUSED_ACCEPT,		NULL },	/* pg_accept_apply */
};
#define NRULES	(sizeof(rules) / sizeof(rules[0]))
#define UNUSED_ACCEPT	(&rules[NRULES - 1])

size_t
pg_rule_count(void)
{
	return NRULES;
}

const char *
pg_rule_id(size_t i)
{
	return i < NRULES ? pg_finding_id(rules[i].f) : NULL;
}

enum pg_severity
pg_rule_severity(size_t i)
{
	return i < NRULES ? pg_finding_severity(rules[i].f) : PG_WARNING;
}

int
pg_rules_run(const struct pg_plan *p, const char *file, const char *lang,
    struct pg_diags *d)
{
	struct ctx	c;
	size_t		i;
	int		rc = 0;

	if (ctx_init(&c, p, file, lang, d) != 0) {
		d->oom = 1;
		ctx_free(&c);
		return -1;
	}
	for (i = 0; i < NRULES; i++)
		if (rules[i].fn != NULL)
			rules[i].fn(&c, &rules[i]);
	if (d->oom)
		rc = -1;
	ctx_free(&c);
	return rc;
}

/* ---- accept instructions ------------------------------------------------- */

static int
never_accepted(const char *rule)
{
	return strcmp(rule, pg_finding_id(PG_F_XML_SYNTAX)) == 0 ||
	    strcmp(rule, pg_finding_id(PG_F_SCHEMA)) == 0;
}

struct acc_key {
	unsigned long	 first;
	size_t		 idx;
};

static int
cmp_accept(const void *a, const void *b)
{
	const struct acc_key *x = a, *y = b;

	if (x->first != y->first)
		return x->first < y->first ? -1 : 1;
	return x->idx < y->idx ? -1 : x->idx > y->idx;
}

/*
 * Sweep the findings in line order, keeping the list of accepts whose range
 * holds the current line ("active"): elements nest, so that list is as short
 * as the nesting depth, and the whole pass is about linear.
 */
int
pg_accept_apply(struct pg_plan *p, struct pg_diags *d, const char *file,
    const char *lang)
{
	struct ctx	 c;	/* only for emit() and L() */
	struct acc_key	*order = NULL;
	size_t		*active = NULL, *off = NULL;
	unsigned long	*hits = NULL;
	size_t		 n = p->naccepts, nd, total = 0, nact = 0, k = 0, i, j, q;
	int		 rc = 0;

	pg_diags_sort(d);
	if (n == 0)
		return 0;
	memset(&c, 0, sizeof(c));
	c.p = p;
	c.file = file;
	c.d = d;
	c.zh = pg_lang_is_zh(lang != NULL ? lang : p->lang);
	if ((off = calloc(n + 1, sizeof(*off))) == NULL)
		goto oom;
	for (i = 0; i < n; i++) {
		off[i] = total;
		total += p->accepts[i].nrules;
		p->accepts[i].used = 0;
	}
	off[n] = total;
	if ((order = calloc(n, sizeof(*order))) == NULL ||
	    (active = calloc(n, sizeof(*active))) == NULL ||
	    (hits = calloc(total + 1, sizeof(*hits))) == NULL)
		goto oom;
	for (i = 0; i < n; i++) {
		order[i].first = p->accepts[i].first;
		order[i].idx = i;
	}
	qsort(order, n, sizeof(*order), cmp_accept);

	nd = d->n;
	for (i = 0; i < nd; i++) {
		struct pg_diag	*g = &d->v[i];
		unsigned long	 line = g->line;
		size_t		 keep = 0;

		if (line == 0 || never_accepted(g->rule))
			continue;
		for (j = 0; j < nact; j++)
			if (p->accepts[active[j]].last >= line)
				active[keep++] = active[j];
		nact = keep;
		for (; k < n && order[k].first <= line; k++)
			if (p->accepts[order[k].idx].last >= line)
				active[nact++] = order[k].idx;
		for (j = 0; j < nact; j++) {
			const struct pg_accept *a = &p->accepts[active[j]];
			if (a->first > line)
				continue;
			for (q = 0; q < a->nrules; q++)
				if (a->rules[q] != NULL &&
				    strcmp(a->rules[q], g->rule) == 0) {
					g->accepted = 1;
					hits[off[active[j]] + q]++;
				}
		}
	}
	for (i = 0; i < n; i++) {
		struct pg_accept *a = &p->accepts[i];
		for (q = 0; q < a->nrules; q++) {
			char t[160];
			if (hits[off[i] + q] > 0) {
				a->used += (int)(hits[off[i] + q] > 1000000 ?
				    1000000 : hits[off[i] + q]);
				continue;
			}
			if (a->rules[q] == NULL)
				continue;
			trunc_text(a->rules[q], 64, t, sizeof(t));
			if (never_accepted(a->rules[q]))
				emit(&c, UNUSED_ACCEPT, a->line, c.zh ?
				    "accept 指令中的 %s 无效：%s 问题永远不能被接受" :
				    "accept of %s has no effect: %s findings can "
				    "never be accepted", t, t);
			else
				emit(&c, UNUSED_ACCEPT, a->line, c.zh ?
				    "accept 指令中的 %s 没有抑制任何问题" :
				    "accept of %s silences no finding", t);
		}
	}
	goto done;
oom:
	d->oom = 1;
	rc = -1;
done:
	free(off);
	free(order);
	free(active);
	free(hits);
	return rc;
}

/* ---- completeness ----------------------------------------------------------- */

int
pg_completeness(const struct pg_plan *p, const struct pg_diags *d)
{
	unsigned long sections[] = {
		/* required */
		p ? p->meta.line : 0,
		p ? p->summary.line : 0,
		p ? p->situation.line : 0,
		p ? p->swot.line : 0,
		p ? p->goals.line : 0,
		p ? p->strategy.line : 0,
		p ? p->actions.line : 0,
		p ? p->budget.line : 0,
		/* optional parts of a complete plan */
		p ? p->summary.sales_line : 0,
		p ? p->summary.overview.line : 0,
		p ? p->situation.customers_line : 0,
		p ? p->situation.competitors_line : 0,
		p ? p->situation.performance.line : 0,
		p ? p->situation.events.line : 0,
		p ? p->situation.posmap.line : 0,
		p ? p->strategy.target_competitors.line : 0,
		p ? p->strategy.mix_line : 0,
		p ? p->strategy.quality_line : 0,
		p ? p->strategy.blueprint.line : 0,
		p ? p->budget.contingency_line : 0,
		p ? p->controls.line : 0,
	};
	size_t	ns = sizeof(sections) / sizeof(sections[0]);
	size_t	total = ns + NRULES, pass = 0, i, j;

	if (p == NULL)
		return -1;
	for (i = 0; i < ns; i++)
		if (sections[i] != 0)
			pass++;
	for (i = 0; i < NRULES; i++) {
		const char *id = pg_finding_id(rules[i].f);
		int ok = 1;
		for (j = 0; d != NULL && j < d->n && ok; j++)
			if (!d->v[j].accepted && strcmp(d->v[j].rule, id) == 0)
				ok = 0;
		pass += (size_t)ok;
	}
	return (int)(pass * 100 / total);
}
