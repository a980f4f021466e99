/*
 * diff_match.c — matching the items of two revisions, the changes, the
 * budget totals and the findings fixed and introduced.  See diff.h.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <libxml/tree.h>

#include "diff/diff_int.h"
#include "model/model.h"

struct ctx {
	struct df_arena	*a;
	struct df_side	 o, n;
	int		 oom;
};

/* ---- ids ------------------------------------------------------------------ */

static uint64_t
hash_str(const char *s)
{
	uint64_t h = 1469598103934665603ULL;

	for (; *s != '\0'; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211ULL;
	return h;
}

/* Match items with an id by id, anywhere in the plan. */
static int
match_ids(struct ctx *c)
{
	size_t	 cap = 16, i, j, mask;
	int	*tab;

	while (cap < c->n.n * 2)
		cap *= 2;
	if ((tab = malloc(cap * sizeof(*tab))) == NULL)
		return -1;
	for (i = 0; i < cap; i++)
		tab[i] = -1;
	mask = cap - 1;
	for (i = 1; i < c->n.n; i++) {
		if (c->n.items[i].id == NULL)
			continue;
		for (j = hash_str(c->n.items[i].id) & mask; tab[j] >= 0;
		    j = (j + 1) & mask)
			if (strcmp(c->n.items[tab[j]].id, c->n.items[i].id) == 0)
				break;
		if (tab[j] < 0)
			tab[j] = (int)i;	/* a duplicate id keeps the first */
	}
	for (i = 1; i < c->o.n; i++) {
		struct df_item *it = &c->o.items[i];
		if (it->id == NULL)
			continue;
		for (j = hash_str(it->id) & mask; tab[j] >= 0; j = (j + 1) & mask)
			if (strcmp(c->n.items[tab[j]].id, it->id) == 0) {
				if (c->n.items[tab[j]].match < 0) {
					it->match = tab[j];
					c->n.items[tab[j]].match = (int)i;
				}
				break;
			}
	}
	free(tab);
	return 0;
}

/* ---- groups of items without an id ---------------------------------------- */

/* The non-id children of each item, as index lists. */
struct kids {
	int	*first, *next;	/* first child, next sibling; -1 ends */
};

static int
kids_build(const struct df_side *s, struct kids *k)
{
	int	*last;
	size_t	 i;

	k->first = malloc(s->n * sizeof(int));
	k->next = malloc(s->n * sizeof(int));
	last = malloc(s->n * sizeof(int));
	if (k->first == NULL || k->next == NULL || last == NULL) {
		free(last);
		return -1;
	}
	for (i = 0; i < s->n; i++)
		k->first[i] = k->next[i] = last[i] = -1;
	for (i = 1; i < s->n; i++) {
		int p = s->items[i].parent;
		if (s->items[i].id != NULL)
			continue;
		if (last[p] < 0)
			k->first[p] = (int)i;
		else
			k->next[last[p]] = (int)i;
		last[p] = (int)i;
	}
	free(last);
	return 0;
}

static void
kids_free(struct kids *k)
{
	free(k->first);
	free(k->next);
}

/* Sorting a group: by element, then key (signature or label), then place. */
static const struct df_side *sort_side;
static int sort_by_label;

static int
cmp_kid(const void *pa, const void *pb)
{
	const struct df_item	*a = &sort_side->items[*(const int *)pa];
	const struct df_item	*b = &sort_side->items[*(const int *)pb];
	int			 r;

	if ((r = strcmp(a->elem, b->elem)) != 0)
		return r;
	if (sort_by_label) {
		if ((r = strcmp(a->label != NULL ? a->label : "",
		    b->label != NULL ? b->label : "")) != 0)
			return r;
	} else if (a->sig != b->sig)
		return a->sig < b->sig ? -1 : 1;
	return *(const int *)pa < *(const int *)pb ? -1 :
	    *(const int *)pa > *(const int *)pb;
}

static int
same_key(const struct df_item *a, const struct df_item *b, int by_label)
{
	if (strcmp(a->elem, b->elem) != 0)
		return 0;
	if (by_label)
		return a->label != NULL && b->label != NULL &&
		    strcmp(a->label, b->label) == 0;
	return a->sig == b->sig;
}

/*
 * One pass over a group: each unmatched old kid takes the first unmatched
 * new kid with the same key.  nv: the unmatched new kids, sorted by key.
 */
static void
pass(struct ctx *c, const int *ov, size_t on, int *nv, size_t nn, int by_label)
{
	size_t	 i, lo, hi, mid;
	int	 r;

	sort_side = &c->n;
	sort_by_label = by_label;
	qsort(nv, nn, sizeof(*nv), cmp_kid);
	for (i = 0; i < on; i++) {
		struct df_item *o = &c->o.items[ov[i]];
		if (o->match >= 0 || (by_label && o->label == NULL))
			continue;
		/* lower bound of o's key among nv */
		lo = 0;
		hi = nn;
		while (lo < hi) {
			const struct df_item *x;
			mid = (lo + hi) / 2;
			x = &c->n.items[nv[mid]];
			r = strcmp(x->elem, o->elem);
			if (r == 0)
				r = by_label ? strcmp(x->label != NULL ? x->label :
				    "", o->label) : x->sig < o->sig ? -1 :
				    x->sig > o->sig;
			if (r < 0)
				lo = mid + 1;
			else
				hi = mid;
		}
		for (; lo < nn && same_key(&c->n.items[nv[lo]], o, by_label); lo++)
			if (c->n.items[nv[lo]].match < 0) {
				o->match = nv[lo];
				c->n.items[nv[lo]].match = ov[i];
				break;
			}
	}
}

static int
cmp_elem_place(const void *pa, const void *pb)
{
	const struct df_item	*a = &sort_side->items[*(const int *)pa];
	const struct df_item	*b = &sort_side->items[*(const int *)pb];
	int			 r = strcmp(a->elem, b->elem);

	if (r != 0)
		return r;
	return *(const int *)pa < *(const int *)pb ? -1 : 1;
}

/* Match the non-id kids of old item p and new item q. */
static int
match_group(struct ctx *c, const struct kids *ko, const struct kids *kn,
    int p, int q, int **ov, size_t *ocap, int **nv, size_t *ncap)
{
	size_t	 on = 0, nn = 0, i, j;
	int	 x;

	for (x = ko->first[p]; x >= 0; x = ko->next[x], on++)
		if (on >= *ocap) {
			int *t = realloc(*ov, (*ocap = *ocap * 2 + 16) * sizeof(int));
			if (t == NULL)
				return -1;
			*ov = t;
		}
	for (x = kn->first[q]; x >= 0; x = kn->next[x], nn++)
		if (nn >= *ncap) {
			int *t = realloc(*nv, (*ncap = *ncap * 2 + 16) * sizeof(int));
			if (t == NULL)
				return -1;
			*nv = t;
		}
	for (i = 0, x = ko->first[p]; x >= 0; x = ko->next[x])
		(*ov)[i++] = x;
	for (i = 0, x = kn->first[q]; x >= 0; x = kn->next[x])
		(*nv)[i++] = x;
	if (on == 0 || nn == 0)
		return 0;
	pass(c, *ov, on, *nv, nn, 0);		/* equal fields */
	pass(c, *ov, on, *nv, nn, 1);		/* equal labels */
	/* the rest, pairwise in order, element by element */
	for (i = j = 0; i < on; i++)
		if (c->o.items[(*ov)[i]].match < 0)
			(*ov)[j++] = (*ov)[i];
	on = j;
	for (i = j = 0; i < nn; i++)
		if (c->n.items[(*nv)[i]].match < 0)
			(*nv)[j++] = (*nv)[i];
	nn = j;
	sort_side = &c->o;
	qsort(*ov, on, sizeof(int), cmp_elem_place);
	sort_side = &c->n;
	qsort(*nv, nn, sizeof(int), cmp_elem_place);
	for (i = j = 0; i < on && j < nn; ) {
		struct df_item *o = &c->o.items[(*ov)[i]];
		struct df_item *n = &c->n.items[(*nv)[j]];
		int r = strcmp(o->elem, n->elem);
		if (r == 0) {
			o->match = (*nv)[j];
			n->match = (*ov)[i];
			i++;
			j++;
		} else if (r < 0)
			i++;
		else
			j++;
	}
	return 0;
}

static int
match_all(struct ctx *c)
{
	struct kids	 ko, kn;
	int		*ov = NULL, *nv = NULL;
	size_t		 ocap = 0, ncap = 0, i;
	int		 rc = 0;

	memset(&ko, 0, sizeof(ko));
	memset(&kn, 0, sizeof(kn));
	if (c->o.n == 0 || c->n.n == 0)
		return 0;
	c->o.items[0].match = 0;
	c->n.items[0].match = 0;
	if (match_ids(c) != 0 || kids_build(&c->o, &ko) != 0 ||
	    kids_build(&c->n, &kn) != 0)
		rc = -1;
	/* preorder: a parent is matched before its children are grouped */
	for (i = 0; rc == 0 && i < c->o.n; i++)
		if (c->o.items[i].match >= 0 && match_group(c, &ko, &kn, (int)i,
		    c->o.items[i].match, &ov, &ocap, &nv, &ncap) != 0)
			rc = -1;
	free(ov);
	free(nv);
	kids_free(&ko);
	kids_free(&kn);
	return rc;
}

/* ---- order ----------------------------------------------------------------- */

static int
cmp_parent(const void *pa, const void *pb)
{
	const struct df_item	*a = &sort_side->items[*(const int *)pa];
	const struct df_item	*b = &sort_side->items[*(const int *)pb];

	if (a->parent != b->parent)
		return a->parent < b->parent ? -1 : 1;
	return *(const int *)pa < *(const int *)pb ? -1 : 1;
}

/* Mark as moved the matched items of g[0..n) (the matched children of one
 * parent, in NEW's order) outside a longest run that kept OLD's order. */
static int
lis_mark(struct ctx *c, const int *g, size_t n)
{
	int	*tail, *prev, *keep;
	size_t	 len = 0, i, lo, hi;
	int	 k;

	tail = malloc(n * sizeof(int));
	prev = malloc(n * sizeof(int));
	keep = calloc(n, sizeof(int));
	if (tail == NULL || prev == NULL || keep == NULL) {
		free(tail);
		free(prev);
		free(keep);
		return -1;
	}
	for (i = 0; i < n; i++) {
		int v = c->n.items[g[i]].match;
		lo = 0;
		hi = len;
		while (lo < hi) {
			size_t mid = (lo + hi) / 2;
			if (c->n.items[g[tail[mid]]].match < v)
				lo = mid + 1;
			else
				hi = mid;
		}
		prev[i] = lo > 0 ? tail[lo - 1] : -1;
		tail[lo] = (int)i;
		if (lo == len)
			len++;
	}
	for (k = len > 0 ? tail[len - 1] : -1; k >= 0; k = prev[k])
		keep[k] = 1;
	for (i = 0; i < n; i++)
		if (!keep[i])
			c->n.items[g[i]].moved = 1;
	free(tail);
	free(prev);
	free(keep);
	return 0;
}

static int
mark_moves(struct ctx *c)
{
	int	*v;
	size_t	 nv = 0, i, j;
	int	 rc = 0;

	if ((v = malloc((c->n.n + 1) * sizeof(int))) == NULL)
		return -1;
	for (i = 1; i < c->n.n; i++) {
		struct df_item *it = &c->n.items[i];
		if (it->match < 0)
			continue;
		if (c->o.items[it->match].parent < 0 ||
		    c->o.items[c->o.items[it->match].parent].match != it->parent)
			it->moved = 1;	/* into another parent */
		else
			v[nv++] = (int)i;
	}
	sort_side = &c->n;
	qsort(v, nv, sizeof(int), cmp_parent);
	for (i = 0; rc == 0 && i < nv; i = j) {
		for (j = i + 1; j < nv && c->n.items[v[j]].parent ==
		    c->n.items[v[i]].parent; j++)
			;
		if (j - i > 1)
			rc = lis_mark(c, v + i, j - i);
	}
	free(v);
	return rc;
}

/* ---- changes ---------------------------------------------------------------- */

struct vec {
	struct pg_dchange	*v;
	size_t			 n, cap;
};

static struct pg_dchange *
push(struct vec *x)
{
	if (x->n == x->cap) {
		size_t c = x->cap ? x->cap * 2 : 32;
		struct pg_dchange *p = realloc(x->v, c * sizeof(*p));
		if (p == NULL)
			return NULL;
		x->v = p;
		x->cap = c;
	}
	memset(&x->v[x->n], 0, sizeof(x->v[0]));
	return &x->v[x->n++];
}

/* The fields of o and n that differ, into the arena; -1 if out of memory. */
static int
diff_fields(struct ctx *c, const struct df_item *o, const struct df_item *n,
    struct pg_dchange *ch)
{
	struct pg_dfield	*v;
	size_t			 i = 0, j = 0, k = 0;

	if ((v = df_alloc(c->a, (o->nfields + n->nfields + 1) * sizeof(*v))) == NULL)
		return -1;
	while (i < o->nfields || j < n->nfields) {
		int r = i == o->nfields ? 1 : j == n->nfields ? -1 :
		    strcmp(o->fields[i].path, n->fields[j].path);
		if (r < 0) {
			v[k].path = o->fields[i].path;
			v[k].line = 0;
			v[k].old = o->fields[i++].val;
			v[k++].new = NULL;
		} else if (r > 0) {
			v[k].path = n->fields[j].path;
			v[k].line = n->fields[j].line;
			v[k].old = NULL;
			v[k++].new = n->fields[j++].val;
		} else {
			if (strcmp(o->fields[i].val, n->fields[j].val) != 0) {
				v[k].path = n->fields[j].path;
				v[k].line = n->fields[j].line;
				v[k].old = o->fields[i].val;
				v[k++].new = n->fields[j].val;
			}
			i++;
			j++;
		}
	}
	if (strcmp(o->elem, n->elem) != 0) {	/* strength S1 became a weakness */
		v[k].path = "element";
		v[k].line = n->first;
		v[k].old = o->elem;
		v[k++].new = n->elem;
	}
	ch->fields = v;
	ch->nfields = k;
	return 0;
}

/* Order of sections: NEW's, then those only in OLD. */
static const struct df_side *rank_o, *rank_n;

static int
section_rank(const char *sec)
{
	size_t i;

	for (i = 1; i < rank_n->n; i++)
		if (rank_n->items[i].parent == 0 &&
		    strcmp(rank_n->items[i].elem, sec) == 0)
			return (int)i;
	for (i = 1; i < rank_o->n; i++)
		if (rank_o->items[i].parent == 0 &&
		    strcmp(rank_o->items[i].elem, sec) == 0)
			return (int)(rank_n->n + i);
	return 0;	/* "plan": first */
}

static int
cmp_change(const void *pa, const void *pb)
{
	const struct pg_dchange *a = pa, *b = pb;
	int ra = section_rank(a->section), rb = section_rank(b->section);

	if (ra != rb)
		return ra < rb ? -1 : 1;
	if (a->line != b->line)
		return a->line < b->line ? -1 : 1;
	if (a->kind != b->kind)
		return a->kind < b->kind ? -1 : 1;
	return a->old_line < b->old_line ? -1 : a->old_line > b->old_line;
}

/*
 * The last change, of a section's own fields, becomes one change a field,
 * each at its field's line in NEW (the section's line for one removed).
 */
static int
split_section(struct vec *x, const struct df_item *it)
{
	struct pg_dchange	 ch = x->v[x->n - 1], *p;
	size_t			 i;

	x->n--;
	for (i = 0; i < ch.nfields; i++) {
		if ((p = push(x)) == NULL)
			return -1;
		*p = ch;
		p->label = NULL;
		p->fields = &ch.fields[i];
		p->nfields = 1;
		p->line = ch.fields[i].line > 0 ? ch.fields[i].line : it->first;
		p->first = p->last = p->line;	/* the field, not the section */
	}
	return 0;
}

static int
changes(struct ctx *c, struct pg_diff *d)
{
	struct vec		 x = { NULL, 0, 0 };
	struct pg_dchange	*ch;
	unsigned long		*where;
	size_t			 i;

	/* where an old item now is: after its last matched older sibling */
	if ((where = calloc(c->o.n + 1, sizeof(*where))) == NULL)
		return -1;
	for (i = 0; i < c->n.n; i++) {
		struct df_item *it = &c->n.items[i];
		if (it->parent < 0 || (it->match < 0 &&
		    c->n.items[it->parent].match < 0))
			continue;	/* the root; or inside an added item */
		if ((ch = push(&x)) == NULL)
			goto oom;
		ch->section = it->section;
		ch->elem = it->elem;
		ch->label = it->label;
		ch->label_is_text = it->text_label;
		ch->desc = it->desc;
		ch->line = it->first;
		ch->first = it->first;
		ch->last = it->last;
		if (it->match < 0) {
			ch->kind = PG_D_ADDED;
			continue;
		}
		ch->old_line = c->o.items[it->match].first;
		if (diff_fields(c, &c->o.items[it->match], it, ch) != 0)
			goto oom;
		if (it->text_label && ch->nfields > 0 &&
		    strcmp(ch->fields[0].path, "text") == 0)
			ch->label = NULL;	/* the text field shows it */
		if (it->moved)
			ch->kind = PG_D_MOVED;
		else if (ch->nfields > 0)
			ch->kind = PG_D_CHANGED;
		else
			x.n--;	/* the same */
		if (it->parent == 0 && !it->moved && ch->nfields > 0 &&
		    split_section(&x, it) != 0)
			goto oom;
	}
	for (i = 0; i < c->o.n; i++) {
		struct df_item	*it = &c->o.items[i];
		int		 p = it->parent;
		if (p < 0)
			continue;
		if (it->match >= 0) {
			where[p] = c->n.items[it->match].last;
			continue;
		}
		if (c->o.items[p].match < 0)
			continue;	/* inside a removed item */
		if ((ch = push(&x)) == NULL)
			goto oom;
		ch->kind = PG_D_REMOVED;
		ch->section = it->section;
		ch->elem = it->elem;
		ch->label = it->label;
		ch->label_is_text = it->text_label;
		ch->desc = it->desc;
		ch->old_line = it->first;
		ch->line = where[p] != 0 ? where[p] :
		    c->n.items[c->o.items[p].match].first;
	}
	free(where);
	rank_o = &c->o;
	rank_n = &c->n;
	qsort(x.v, x.n, sizeof(*x.v), cmp_change);
	if (x.n > 0) {
		if ((d->changes = df_alloc(c->a, x.n * sizeof(*x.v))) == NULL) {
			free(x.v);
			return -1;
		}
		memcpy(d->changes, x.v, x.n * sizeof(*x.v));
	}
	d->nchanges = x.n;
	for (i = 0; i < x.n; i++)
		switch (x.v[i].kind) {
		case PG_D_ADDED: d->nadded++; break;
		case PG_D_REMOVED: d->nremoved++; break;
		case PG_D_CHANGED: d->nchanged++; break;
		case PG_D_MOVED: d->nmoved++; break;
		}
	free(x.v);
	return 0;
oom:
	free(where);
	free(x.v);
	return -1;
}

int
df_match(struct df_side *o, struct df_side *n, struct df_arena *a,
    struct pg_diff *d)
{
	struct ctx c;

	memset(&c, 0, sizeof(c));
	c.a = a;
	c.o = *o;
	c.n = *n;
	if (match_all(&c) != 0 || mark_moves(&c) != 0 || changes(&c, d) != 0)
		return -1;
	return 0;
}
