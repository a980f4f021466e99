/*
 * diff_result.c — pg_diff(): the two documents flattened and matched
 * (diff.c, diff_match.c), then the budget totals and the findings fixed
 * and introduced.  See diff.h.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <libxml/tree.h>

#include "diff/diff_int.h"
#include "model/model.h"
#include "base/text.h"

/* ---- budget total ---------------------------------------------------------- */

static int64_t
money_attr(const xmlNode *n, const char *name, int *ok)
{
	xmlChar	*v = xmlGetNoNsProp(n, (const xmlChar *)name);
	int64_t	 m = 0;

	if (v == NULL || pg_money_parse((const char *)v, &m) != 0)
		*ok = 0;
	xmlFree(v);
	return m;
}

/* budget/@total, else the sum of its lines and contingency (diff.h). */
static void
budget_total(const xmlDoc *doc, struct pg_diff_side *s)
{
	const xmlNode	*root = xmlDocGetRootElement((xmlDoc *)doc), *b, *l;
	int		 ok = 1;
	int64_t		 sum = 0;
	xmlChar		*v;

	s->total_set = 0;
	if (root == NULL)
		return;
	for (b = root->children; b != NULL; b = b->next)
		if (b->type == XML_ELEMENT_NODE &&
		    strcmp((const char *)b->name, "budget") == 0)
			break;
	if (b == NULL)
		return;
	if ((v = xmlGetNoNsProp(b, (const xmlChar *)"total")) != NULL) {
		xmlFree(v);
		s->total = money_attr(b, "total", &ok);
		s->total_set = ok;
		return;
	}
	for (l = b->children; l != NULL && ok; l = l->next)
		if (l->type == XML_ELEMENT_NODE &&
		    (strcmp((const char *)l->name, "line") == 0 ||
		    strcmp((const char *)l->name, "contingency") == 0) &&
		    pg_money_add(sum, money_attr(l, "amount", &ok), &sum) != 0)
			ok = 0;
	s->total = sum;
	s->total_set = ok;
}

static int
side_info(struct df_arena *a, const struct pg_checked *c, const char *file,
    struct pg_diff_side *s)
{
	const xmlNode	*root = xmlDocGetRootElement(c->doc);
	xmlChar		*v;
	size_t		 i;

	s->file = df_strdup(a, file);
	s->completeness = c->completeness;
	s->currency = "CNY";
	if (root != NULL &&
	    (v = xmlGetNoNsProp(root, (const xmlChar *)"currency")) != NULL) {
		char *t = df_strdup(a, (const char *)v);
		xmlFree(v);
		if (t == NULL)
			return -1;
		pg_text_squeeze(t);
		s->currency = t;
	}
	budget_total(c->doc, s);
	s->date = NULL;
	if (root != NULL) {
		const xmlNode *m, *x;
		for (m = root->children; m != NULL; m = m->next)
			if (m->type == XML_ELEMENT_NODE &&
			    strcmp((const char *)m->name, "meta") == 0)
				for (x = m->children; x != NULL; x = x->next)
					if (x->type == XML_ELEMENT_NODE &&
					    strcmp((const char *)x->name, "date") == 0 &&
					    (v = xmlNodeGetContent(x)) != NULL) {
						char *t = df_strdup(a, (const char *)v);
						xmlFree(v);
						if (t == NULL)
							return -1;
						pg_text_squeeze(t);
						s->date = t;
					}
	}
	for (i = 0; i < c->diags.n; i++)
		if (!c->diags.v[i].accepted) {
			if (c->diags.v[i].sev == PG_ERROR)
				s->errors++;
			else
				s->warnings++;
		}
	return s->file == NULL ? -1 : 0;
}

/* ---- findings ------------------------------------------------------------- */

struct frec {
	const struct pg_diag	*g;
	long			 key;	/* the old item it is about (diff.h) */
	int			 item;	/* its item on its own side */
	int			 used;
};

/* The innermost item holding each unaccepted finding of d, by a sweep:
 * findings are sorted by line, items (preorder) by first line. */
static struct frec *
locate(const struct df_side *s, const struct pg_diags *d, int old, size_t *np)
{
	struct frec	*r;
	int		*stack;
	size_t		 i, k = 0, top = 0, n = 0;

	r = malloc((d->n + 1) * sizeof(*r));
	stack = malloc((s->n + 1) * sizeof(*stack));
	if (r == NULL || stack == NULL) {
		free(r);
		free(stack);
		return NULL;
	}
	for (i = 0; i < d->n; i++) {
		const struct pg_diag	*g = &d->v[i];
		unsigned long		 L = g->line;
		int			 it = 0;

		if (g->accepted)
			continue;
		if (L > 0) {
			while (k < s->n && s->items[k].first <= L) {
				while (top > 0 && s->items[stack[top - 1]].last <
				    s->items[k].first)
					top--;
				stack[top++] = (int)k++;
			}
			while (top > 0 && s->items[stack[top - 1]].last < L)
				top--;
			it = top > 0 ? stack[top - 1] : 0;
		}
		r[n].g = g;
		r[n].item = s->n > 0 ? it : -1;
		r[n].used = 0;
		if (s->n == 0)
			r[n].key = -1;
		else if (old)
			r[n].key = it;
		else
			r[n].key = s->items[it].match >= 0 ?
			    s->items[it].match : -2 - (long)it;
		n++;
	}
	free(stack);
	*np = n;
	return r;
}

static int
cmp_frec(const void *pa, const void *pb)
{
	const struct frec	*a = pa, *b = pb;
	int			 r = strcmp(a->g->rule, b->g->rule);

	if (r != 0)
		return r;
	if (a->key != b->key)
		return a->key < b->key ? -1 : 1;
	if ((r = strcmp(a->g->msg, b->g->msg)) != 0)
		return r;
	return a->g->seq < b->g->seq ? -1 : a->g->seq > b->g->seq;
}

/* Pair findings of o and n equal in rule and item (and message, when
 * with_msg); both sorted by cmp_frec. */
static void
pair(struct frec *o, size_t on, struct frec *n, size_t nn, int with_msg)
{
	size_t i = 0, j = 0;

	while (i < on && j < nn) {
		int r;
		if (o[i].used) {
			i++;
			continue;
		}
		if (n[j].used) {
			j++;
			continue;
		}
		r = strcmp(o[i].g->rule, n[j].g->rule);
		if (r == 0 && o[i].key != n[j].key)
			r = o[i].key < n[j].key ? -1 : 1;
		if (r == 0 && with_msg)
			r = strcmp(o[i].g->msg, n[j].g->msg);
		if (r == 0) {
			o[i++].used = 1;
			n[j++].used = 1;
		} else if (r < 0)
			i++;
		else
			j++;
	}
}

static int
cmp_frec_line(const void *pa, const void *pb)
{
	const struct frec *a = pa, *b = pb;

	if (a->g->line != b->g->line)
		return a->g->line < b->g->line ? -1 : 1;
	return a->g->seq < b->g->seq ? -1 : a->g->seq > b->g->seq;
}

/* The unused findings of r[0..n), by line, into the arena. */
static int
keep(struct df_arena *a, const struct df_side *s, struct frec *r, size_t n,
    struct pg_dfinding **out, size_t *nout)
{
	struct pg_dfinding	*v;
	size_t			 i, k = 0;

	qsort(r, n, sizeof(*r), cmp_frec_line);
	if ((v = df_alloc(a, (n + 1) * sizeof(*v))) == NULL)
		return -1;
	for (i = 0; i < n; i++) {
		const struct df_item *it;
		if (r[i].used)
			continue;
		memset(&v[k], 0, sizeof(v[k]));
		v[k].rule = df_strdup(a, r[i].g->rule);
		v[k].msg = df_strdup(a, r[i].g->msg);
		v[k].error = r[i].g->sev == PG_ERROR;
		v[k].line = r[i].g->line;
		if (v[k].rule == NULL || v[k].msg == NULL)
			return -1;
		if (r[i].item > 0) {
			it = &s->items[r[i].item];
			v[k].section = it->section;
			v[k].elem = it->elem;
			v[k].label = it->label;
		}
		k++;
	}
	*out = v;
	*nout = k;
	return 0;
}

static int
findings(struct df_arena *a, const struct df_side *so, const struct pg_checked *o,
    const struct df_side *sn, const struct pg_checked *n, struct pg_diff *d)
{
	struct frec	*ro, *rn;
	size_t		 on = 0, nn = 0;
	int		 rc = -1;

	ro = locate(so, &o->diags, 1, &on);
	rn = locate(sn, &n->diags, 0, &nn);
	if (ro != NULL && rn != NULL) {
		qsort(ro, on, sizeof(*ro), cmp_frec);
		qsort(rn, nn, sizeof(*rn), cmp_frec);
		pair(ro, on, rn, nn, 1);
		pair(ro, on, rn, nn, 0);
		if (keep(a, so, ro, on, &d->fixed, &d->nfixed) == 0 &&
		    keep(a, sn, rn, nn, &d->introduced, &d->nintroduced) == 0)
			rc = 0;
	}
	free(ro);
	free(rn);
	return rc;
}

/* ---- the comparison ---------------------------------------------------------- */

int
pg_diff(const struct pg_checked *o, const char *old_file,
    const struct pg_checked *n, const char *new_file, const char *lang,
    struct pg_diff *d)
{
	struct df_arena	*a;
	struct df_side	 so, sn;
	const xmlNode	*root;
	xmlChar		*v;
	int		 rc = -1;

	memset(d, 0, sizeof(*d));
	memset(&so, 0, sizeof(so));
	memset(&sn, 0, sizeof(sn));
	if (o->doc == NULL || n->doc == NULL)
		return -1;
	if ((a = calloc(1, sizeof(*a))) == NULL)
		return -1;
	d->mem = a;
	d->lang = "en";
	if (lang != NULL)
		d->lang = df_strdup(a, lang);
	else if ((root = xmlDocGetRootElement(n->doc)) != NULL &&
	    (v = xmlGetNoNsProp(root, (const xmlChar *)"lang")) != NULL) {
		char *t = df_strdup(a, (const char *)v);
		xmlFree(v);
		if (t != NULL)
			pg_text_squeeze(t);
		d->lang = t;
	}
	if (d->lang != NULL &&
	    side_info(a, o, old_file, &d->old) == 0 &&
	    side_info(a, n, new_file, &d->new) == 0 &&
	    df_flatten(o->doc, a, &so) == 0 &&
	    df_flatten(n->doc, a, &sn) == 0 &&
	    df_match(&so, &sn, a, d) == 0 &&
	    findings(a, &so, o, &sn, n, d) == 0 && !a->oom)
		rc = 0;
	free(so.items);
	free(sn.items);
	if (rc != 0)
		pg_diff_free(d);
	return rc;
}

int
pg_diff_same(const struct pg_diff *d)
{
	return d->nchanges == 0 && d->nfixed == 0 && d->nintroduced == 0;
}

void
pg_diff_free(struct pg_diff *d)
{
	df_arena_free(d->mem);
	memset(d, 0, sizeof(*d));
}
