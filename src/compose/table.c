/*
 * table.c — tables of the plan: a struct tb collects header and cells,
 * then hands them to the layout's table engine.
 * See compose_int.h.
 */
#include "config.h"

#include <assert.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/utf8.h"
#include "compose/compose_int.h"

/* ---- tables ------------------------------------------------------------ */


void
cp_tb_begin(struct rs *r, struct tb *t, size_t ncols, const char *const *heads)
{
	size_t	i;

	memset(t, 0, sizeof(*t));
	t->ncols = ncols;
	if (heads == NULL)
		return;
	if ((t->head = cp_palloc(r, ncols * sizeof(*t->head))) == NULL)
		return;
	for (i = 0; i < ncols; i++) {
		t->head[i].runs = cp_run1(r, heads[i], PG_STYLE_STRONG);
		t->head[i].nruns = 1;
		t->head[i].fill = r->t->c_head;
		t->head[i].has_fill = 1;
	}
}

/* cp_tb_begin() with the header labels of these label keys. */
void
cp_tb_begin_keys(struct rs *r, struct tb *t, size_t ncols,
    const char *const *keys)
{
	const char	*h[16];
	size_t		 i;

	assert(ncols <= 16);	/* the widest table has 7 columns */
	for (i = 0; i < ncols; i++)
		h[i] = cp_label(r, keys[i]);
	cp_tb_begin(r, t, ncols, h);
}

struct pg_cell *
cp_tb_cellv(struct rs *r, struct tb *t, const struct pg_run *runs, size_t nruns,
    const struct pg_tstyle *ts)
{
	struct pg_cell	*c;
	size_t		 row;

	if (t->n == t->cap) {
		size_t nc = t->cap ? t->cap * 2 : 64;
		struct pg_cell *nv = cp_palloc(r, nc * sizeof(*nv));
		if (nv == NULL)
			return NULL;
		if (t->n)
			memcpy(nv, t->cells, t->n * sizeof(*nv));
		t->cells = nv;
		t->cap = nc;
	}
	row = t->n / t->ncols;
	c = &t->cells[t->n++];
	memset(c, 0, sizeof(*c));
	c->runs = runs;
	c->nruns = runs ? nruns : 0;
	c->ts = ts;
	if (!t->no_stripe && row % 2 == 1) {
		c->fill = r->t->c_stripe;
		c->has_fill = 1;
	}
	return c;
}

/* render --since: remember the source line of the row being filled (its
 * first cell's with one), to mark the row when that line changed. */
void
cp_tb_note_line(struct rs *r, struct tb *t, unsigned long line)
{
	size_t row = t->n / t->ncols;

	if (r->chg == NULL || line == 0)
		return;
	if (row >= t->caprl) {
		size_t		 nc = (row + 1) * 2;
		unsigned long	*v = cp_palloc(r, nc * sizeof(*v));
		if (v == NULL)
			return;
		if (t->nrowline)
			memcpy(v, t->rowline, t->nrowline * sizeof(*v));
		t->rowline = v;
		t->caprl = nc;
	}
	while (t->nrowline <= row)
		t->rowline[t->nrowline++] = 0;
	if (t->rowline[row] == 0)
		t->rowline[row] = line;
}

void
cp_tb_cont(struct rs *r, struct tb *t, const char *name)
{
	size_t row = t->n / t->ncols;

	if (name == NULL)
		return;
	if (row >= t->capcont) {
		size_t		 nc = (row + 1) * 2;
		struct pg_cell	*v = cp_palloc(r, nc * sizeof(*v));
		if (v == NULL)
			return;
		if (t->capcont)
			memcpy(v, t->cont, t->capcont * sizeof(*v));
		t->cont = v;
		t->capcont = nc;
	}
	t->cont[row].runs = cp_run1(r, cp_sfmt(r, "%s%s", name,
	    cp_label(r, "fig.continued")), 0);
	t->cont[row].nruns = t->cont[row].runs != NULL;
	t->cont[row].ts = t->dense ? &r->dbold : &r->tbold;
}

struct pg_cell *
cp_tb_cell(struct rs *r, struct tb *t, const char *s, unsigned long line,
    const struct pg_tstyle *ts)
{
	cp_chk(r, s, line);
	cp_tb_note_line(r, t, line);
	return cp_tb_cellv(r, t, cp_run1(r, s ? s : "", 0), 1, ts);
}

/* A name in bold, with its id (which prose may cite) under it. */
void
cp_name_cell(struct rs *r, struct tb *t, const char *name, const char *id,
    unsigned long line)
{
	struct pg_run	*v = cp_palloc(r, 2 * sizeof(*v));

	cp_chk(r, name, line);
	cp_chk(r, id, line);
	cp_tb_note_line(r, t, line);
	if (v == NULL)
		return;
	v[0] = (struct pg_run){ name ? name : "", PG_STYLE_STRONG };
	v[1] = (struct pg_run){ id ? cp_sfmt(r, "\n%s", id) : "", 0 };
	cp_tb_also(r, t, id);
	cp_tb_cellv(r, t, v, id ? 2 : 1, NULL);
}

void
cp_tb_also(struct rs *r, struct tb *t, const char *s)
{
	if (s == NULL)
		return;
	if (t->nalso == t->capalso) {
		size_t nc = t->capalso ? t->capalso * 2 : 16;
		const char **nv = cp_palloc(r, nc * sizeof(*nv));
		if (nv == NULL)
			return;
		if (t->nalso)
			memcpy(nv, t->also, t->nalso * sizeof(*nv));
		t->also = nv;
		t->capalso = nc;
	}
	t->also[t->nalso++] = s;
}

/* pg_table.on_row: change bars (render --since) and the table's own
 * drawings in its cells. */
static void
row_placed(void *ctx, size_t row, int page, double y, double h,
    const double *x, const double *w)
{
	struct cp_rowctx *c = ctx;

	if (c->t->nrowline > 0)
		cp_since_row(c->r, c->t, row, page, y, h);
	if (c->t->draw != NULL)
		c->t->draw(c->r, c->t->draw_ctx, row, page, y, h, x, w);
}

/* Set table t in the dense styles: its cells' table styles too. */
static void
dense(struct rs *r, struct tb *t)
{
	const struct pg_tstyle *from[5] = { &r->tbody, &r->tbold, &r->tright,
	    &r->tbright, &r->tmuted };
	const struct pg_tstyle *to[5] = { &r->dbody, &r->dbold, &r->dright,
	    &r->dbright, &r->dmuted };
	size_t i, k;

	t->dense = 1;
	for (i = 0; i < t->capcont; i++)
		if (t->cont[i].ts == &r->tbold)
			t->cont[i].ts = &r->dbold;
	for (i = 0; i < t->n; i++)
		for (k = 0; k < 5; k++)
			if (t->cells[i].ts == from[k]) {
				t->cells[i].ts = to[k];
				break;
			}
}

/* The layout's description of table t (its styles as they are now). */
static void
tab_fill(struct rs *r, const struct tb *t, struct pg_table *tab)
{
	memset(tab, 0, sizeof(*tab));
	tab->ncols = t->ncols;
	tab->header = t->head;
	tab->cells = t->cells;
	tab->nrows = t->n / t->ncols;
	tab->min_frac = t->min_frac;
	tab->body = &r->tbody;
	tab->head = &r->thead;
	tab->rule = r->t->c_rule;
	tab->pad = r->t->size_table * 0.45;
	if (t->dense) {		/* large.c: the appendix of actions */
		tab->body = &r->dbody;
		tab->head = &r->dhead;
		tab->pad = r->dbody.size * 0.3;
	}
}

int
cp_tb_widths(struct rs *r, const struct tb *t, double *out, double *pad)
{
	struct pg_table	tab;

	if (r->oom || t->n == 0 || t->n % t->ncols != 0 ||
	    (!t->dense && cp_large(r) && t->n / t->ncols > CP_LARGE_ROWS))
		return -1;
	tab_fill(r, t, &tab);
	*pad = tab.pad;
	if (pg_table_widths(r->fs, &tab, r->tw, r->lang, out) != 0) {
		r->oom = 1;
		return -1;
	}
	return 0;
}

void
cp_tb_end(struct rs *r, struct tb *t)
{
	struct pg_table	 tab;
	size_t		 i;
	struct cp_rowctx rc;

	/* a short last row is a composer's slip: never drop the table */
	while (!r->oom && t->n % t->ncols != 0)
		if (cp_tb_cellv(r, t, cp_run1(r, "", 0), 1, NULL) == NULL)
			break;
	if (r->oom || t->n == 0)
		return;
	if (!t->dense && cp_large(r) && t->n / t->ncols > CP_LARGE_ROWS)
		dense(r, t);	/* a long table of a large plan */
	tab_fill(r, t, &tab);
	if (t->cont != NULL) {		/* groups continued on later pages */
		if (t->capcont < tab.nrows) {
			struct pg_cell *v = cp_palloc(r, tab.nrows * sizeof(*v));
			if (v == NULL)
				return;
			memcpy(v, t->cont, t->capcont * sizeof(*v));
			t->cont = v;
			t->capcont = tab.nrows;
		}
		tab.cont = t->cont;
	}
	if (t->nrowline > 0 || t->draw != NULL) {
		rc.r = r;
		rc.t = t;
		tab.on_row = row_placed;
		tab.on_row_ctx = &rc;
	}
	if (pg_layout_table(r->l, &tab) < 0) {
		r->oom = 1;
		return;
	}
	for (i = 0; t->head != NULL && i < t->ncols; i++)
		cp_placed_runs(r, t->head[i].runs, t->head[i].nruns);
	for (i = 0; i < t->n; i++)
		cp_placed_runs(r, t->cells[i].runs, t->cells[i].nruns);
	for (i = 0; i < t->nalso; i++)
		cp_placed(r, t->also[i]);
	cp_lcheck(r, pg_layout_space(r->l, r->t->size_body * 0.6));
}
