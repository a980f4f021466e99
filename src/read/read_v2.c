/*
 * read_v2.c — the prose of plan format version 2 read into the model:
 * footnotes (<fn>) and links (<a href>) inside paragraphs, list items and
 * table cells; tables (<table>, <row>, <cell>) and images (<image>) as
 * prose blocks; and the <appendix>.  The interface and its contracts are
 * in plan_read_int.h; the model is model.h.
 *
 * Like the rest of the reader, nothing is trusted: a schema-invalid
 * document still reads (unknown children are ignored, a bad span is 1),
 * and out of memory sets r->oom and leaves empty values.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <libxml/tree.h>

#include "read/plan_read_int.h"
#include "read/xml_read.h"

/*
 * n's attribute `name`, trimmed, copied to the arena without touching the
 * scratch buffer (a paragraph is being built in it); NULL if absent.
 */
static const char *
raw_attr(struct rd *r, const xmlNode *n, const char *name)
{
	const xmlAttr	*a;
	const xmlNode	*c;
	const char	*s = NULL, *e;
	char		*v;

	for (a = n->properties; a != NULL; a = a->next)
		if (a->type == XML_ATTRIBUTE_NODE &&
		    strcmp((const char *)a->name, name) == 0)
			break;
	if (a == NULL)
		return NULL;
	for (c = a->children; c != NULL; c = c->next)
		if (c->type == XML_TEXT_NODE && c->content != NULL) {
			s = (const char *)c->content;
			break;
		}
	if (s == NULL)
		s = "";
	while (pg_rd_is_space((unsigned char)*s))
		s++;
	for (e = s + strlen(s); e > s && pg_rd_is_space((unsigned char)e[-1]); e--)
		;
	if ((v = pg_strndup(r->p, s, (size_t)(e - s))) == NULL)
		r->oom = 1;
	return v;
}

void
pg_rd_feed_v2(struct rd *r, struct norm *ns, const xmlNode *n, unsigned style)
{
	const char *saved = r->href;

	if (pg_rd_is_el(n, "fn")) {
		/* a footnote is a run of its own, even right after another */
		r->newrun = 1;
		pg_rd_feed_tree(r, ns, n, (style & ~PG_STYLE_LINK) | PG_STYLE_FN);
		r->newrun = 1;		/* and so is the text after it */
		return;
	}
	r->href = raw_attr(r, n, "href");
	if (r->href == NULL)
		r->href = "";
	r->newrun = 1;
	pg_rd_feed_tree(r, ns, n, style | PG_STYLE_LINK);
	r->href = saved;
	r->newrun = 1;
}

/* span="N": 1..999; anything else (the schema reports it) is 1. */
static unsigned
span_of(struct rd *r, const xmlNode *n)
{
	const char	*s = pg_rd_attr(r, n, "span");
	unsigned	 v = 0;

	if (s == NULL)
		return 1;
	for (; *s >= '0' && *s <= '9' && v < 1000; s++)
		v = v * 10 + (unsigned)(*s - '0');
	return *s != '\0' || v == 0 || v > 999 ? 1 : v;
}

void
pg_rd_table(struct rd *r, const xmlNode *n, struct pg_block *b)
{
	static const char *const aligns[] = { "left", "right", "center" };
	struct pg_ptable *t;
	const xmlNode	*row, *cell;
	const char	*h;

	b->kind = PG_BLOCK_TABLE;
	b->line = pg_xml_line(n);
	if ((t = pg_rd_alloc(r, 1, sizeof(*t))) == NULL)
		return;
	b->table = t;
	t->id = pg_rd_attr(r, n, "id");
	t->caption = pg_rd_text_el(r, pg_rd_child(n, "caption"), NULL);
	if ((t->rows = pg_rd_alloc(r, pg_rd_count(n, "row"),
	    sizeof(*t->rows))) == NULL)
		return;
	for (row = n->children; row != NULL && !r->oom; row = row->next) {
		struct pg_trow	*tr;
		size_t		 cols = 0;
		if (!pg_rd_is_el(row, "row"))
			continue;
		tr = &t->rows[t->nrows++];
		tr->line = pg_xml_line(row);
		h = pg_rd_attr(r, row, "header");
		tr->header = h != NULL && strcmp(h, "true") == 0;
		if ((tr->cells = pg_rd_alloc(r, pg_rd_count(row, "cell"),
		    sizeof(*tr->cells))) == NULL)
			continue;
		for (cell = row->children; cell != NULL && !r->oom;
		    cell = cell->next) {
			struct pg_tcell *c;
			if (!pg_rd_is_el(cell, "cell"))
				continue;
			c = &tr->cells[tr->ncells++];
			c->line = pg_xml_line(cell);
			c->align = (enum pg_cell_align)pg_rd_lookup(
			    pg_rd_attr(r, cell, "align"), aligns, 3, PG_CELL_LEFT);
			c->span = span_of(r, cell);
			pg_rd_para(r, cell, &c->para);
			cols += c->span;
		}
		if (cols > t->ncols)
			t->ncols = cols;
	}
}

void
pg_rd_image(struct rd *r, const xmlNode *n, struct pg_block *b)
{
	struct pg_image *im;

	b->kind = PG_BLOCK_IMAGE;
	b->line = pg_xml_line(n);
	if ((im = pg_rd_alloc(r, 1, sizeof(*im))) == NULL)
		return;
	b->image = im;
	im->src = pg_rd_attr(r, n, "src");
	im->width = pg_rd_num_attr(r, n, "width", 1);
	im->caption = pg_rd_text_el(r, pg_rd_child(n, "caption"), NULL);
}

void
pg_rd_appendix(struct rd *r, const xmlNode *n, struct pg_appendix *a)
{
	const xmlNode *c;

	if (n == NULL)
		return;
	a->line = pg_xml_line(n);
	a->v = pg_rd_alloc(r, pg_rd_count(n, "section"), sizeof(*a->v));
	for (c = n->children; c != NULL && a->v != NULL && !r->oom; c = c->next) {
		struct pg_asection *s;
		if (!pg_rd_is_el(c, "section"))
			continue;
		s = &a->v[a->n++];
		s->line = pg_xml_line(c);
		s->id = pg_rd_attr(r, c, "id");
		s->title = pg_rd_attr(r, c, "title");
		s->text = pg_rd_prose(r, c, NULL);
	}
}
