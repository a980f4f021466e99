/*
 * layout_table.c — tables: column widths from content and the flow of
 * rows across pages.  See layout.h.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "layout.h"
#include "layout_int.h"

void
pg_lay_table_free(struct pg_layout *l)
{
	size_t i;

	for (i = 0; i < l->ncl; i++)
		pg_lines_free(&l->cl[i]);
	free(l->cl);
	free(l->tw);
	l->cl = NULL;
	l->tw = NULL;
	l->ncl = l->ntw = 0;
}

int
pg_table_widths(const struct pg_fontset *fs, const struct pg_table *t,
    double width, const char *lang, double *out)
{
	size_t c;

	for (c = 0; c < t->ncols; c++)
		out[c] = width / (double)t->ncols;
	return 0;
}

int
pg_layout_table(struct pg_layout *l, const struct pg_table *t)
{
	return -1;
}
