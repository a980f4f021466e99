/*
 * rules_accept.c — <?plangen accept RULE...?> instructions: which findings
 * they silence, and the unused-accept findings of those that silence
 * nothing.  See pg_accept_apply() in rules.h.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "review/rules_int.h"

/* The rule unused-accept reports under (it has no function of its own). */
static const struct rule unused_accept = { PG_F_UNUSED_ACCEPT, NULL };

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
	struct ctx	 c;	/* only for rl_emit() and L() */
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
			pg_text_clip(a->rules[q], 64, t, sizeof(t));
			if (never_accepted(a->rules[q]))
				rl_emit(&c, &unused_accept, a->line, c.zh ?
				    "accept 指令中的 %s 无效：%s 问题永远不能被接受" :
				    "accept of %s has no effect: %s findings can "
				    "never be accepted", t, t);
			else
				rl_emit(&c, &unused_accept, a->line, c.zh ?
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
