/*
 * frame.c — pages of boxes and their string store.  See frame.h.
 */
#include "config.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "layout/frame.h"

void
pg_frames_init(struct pg_frames *f, double width, double height)
{
	memset(f, 0, sizeof(*f));
	f->width = width;
	f->height = height;
	f->date = -1;
}

void
pg_frames_free(struct pg_frames *f)
{
	size_t i;

	for (i = 0; i < f->npages; i++)
		free(f->pages[i].boxes);
	free(f->pages);
	free(f->outlines);
	free(f->elems);
	for (i = 0; i < f->nstrs; i++)
		free(f->strs[i]);
	free(f->strs);
	pg_frames_init(f, f->width, f->height);
}

static void	trim_page(struct pg_page *);

/* Grow *v (of *cap elements of size sz) to hold n+1; 0 or -1. */
static int
grow(void *vp, size_t *cap, size_t n, size_t sz)
{
	void	**v = vp;
	size_t	  ncap;
	void	 *nv;

	if (n < *cap)
		return 0;
	ncap = *cap ? *cap * 2 : 16;
	if (ncap > SIZE_MAX / sz || (nv = realloc(*v, ncap * sz)) == NULL)
		return -1;
	*v = nv;
	*cap = ncap;
	return 0;
}

/* Strings up to this size share chunks of PG_CHUNK bytes. */
#define PG_CHUNK	(32 * 1024)
#define PG_SMALL	(PG_CHUNK / 8)

const char *
pg_frames_strdup(struct pg_frames *f, const char *s, size_t len)
{
	char *r;

	if (len == SIZE_MAX)
		return NULL;
	if (len < f->chunkleft) {
		r = f->chunk;
		f->chunk += len + 1;
		f->chunkleft -= len + 1;
	} else {
		/* a new chunk, or a big string of its own: both go in strs */
		size_t sz = len < PG_SMALL ? PG_CHUNK : len + 1;

		if (grow(&f->strs, &f->capstrs, f->nstrs,
		    sizeof(*f->strs)) == -1 || (r = malloc(sz)) == NULL)
			return NULL;
		f->strs[f->nstrs++] = r;
		if (sz == PG_CHUNK) {
			f->chunk = r + len + 1;
			f->chunkleft = PG_CHUNK - len - 1;
		}
	}
	memcpy(r, s, len);
	r[len] = '\0';
	return r;
}

void
pg_frames_trim(struct pg_frames *f)
{
	size_t i;

	for (i = 0; i < f->npages; i++)
		trim_page(&f->pages[i]);
}

/* Give back the unused capacity of a page's box array (never fails). */
static void
trim_page(struct pg_page *p)
{
	struct pg_box *nb;

	if (p->n == 0 || p->n == p->cap ||
	    (nb = realloc(p->boxes, p->n * sizeof(*nb))) == NULL)
		return;
	p->boxes = nb;
	p->cap = p->n;
}

/*
 * The last page grows by doubling; the layout has moved on from earlier
 * pages (trimmed when the next one was added), which get a few boxes more
 * at most (running heads, contents): they grow by an eighth, at least 8.
 */
int
pg_frames_add_page(struct pg_frames *f)
{
	if (grow(&f->pages, &f->cappages, f->npages, sizeof(*f->pages)) == -1)
		return -1;
	if (f->npages > 0)
		trim_page(&f->pages[f->npages - 1]);
	memset(&f->pages[f->npages], 0, sizeof(*f->pages));
	return (int)f->npages++;
}

struct pg_box *
pg_frames_add(struct pg_frames *f, int page, const struct pg_box *b)
{
	struct pg_page	*p;
	struct pg_box	*nb;

	if (page < 0 || (size_t)page >= f->npages)
		return NULL;
	p = &f->pages[page];
	if ((size_t)page + 1 < f->npages && p->n == p->cap && p->cap > 0) {
		size_t	 ncap = p->cap + (p->cap / 8 > 8 ? p->cap / 8 : 8);

		if (ncap > SIZE_MAX / sizeof(*nb) ||
		    (nb = realloc(p->boxes, ncap * sizeof(*nb))) == NULL)
			return NULL;
		p->boxes = nb;
		p->cap = ncap;
	} else if (grow(&p->boxes, &p->cap, p->n, sizeof(*p->boxes)) == -1)
		return NULL;
	nb = &p->boxes[p->n];
	*nb = *b;
	if (nb->elem == 0)
		nb->elem = f->cur;
	if (b->text != NULL &&
	    (nb->text = pg_frames_strdup(f, b->text, b->len)) == NULL)
		return NULL;
	if (b->path != NULL &&
	    (nb->path = pg_frames_strdup(f, b->path, strlen(b->path))) == NULL)
		return NULL;
	p->n++;
	return nb;
}

struct pg_box *
pg_frames_add_under(struct pg_frames *f, int page, const struct pg_box *b)
{
	struct pg_page	*p;
	struct pg_box	 nb;

	if (pg_frames_add(f, page, b) == NULL)
		return NULL;
	p = &f->pages[page];
	nb = p->boxes[p->n - 1];
	memmove(&p->boxes[1], &p->boxes[0], (p->n - 1) * sizeof(nb));
	p->boxes[0] = nb;
	return &p->boxes[0];
}

int
pg_frames_outline(struct pg_frames *f, const char *title, int level,
    int page, double y)
{
	struct pg_outline *o;

	if (grow(&f->outlines, &f->capoutlines, f->noutlines,
	    sizeof(*f->outlines)) == -1)
		return -1;
	o = &f->outlines[f->noutlines];
	if ((o->title = pg_frames_strdup(f, title, strlen(title))) == NULL)
		return -1;
	o->level = level;
	o->page = page;
	o->y = y;
	f->noutlines++;
	return 0;
}

struct pg_box
pg_box_at(enum pg_box_kind kind, double x, double y, double w, double h)
{
	struct pg_box b;

	memset(&b, 0, sizeof(b));
	b.kind = kind;
	b.x = x;
	b.y = y;
	b.w = w;
	b.h = h;
	return b;
}

struct pg_box
pg_box_rect(double x, double y, double w, double h, struct pg_color fill)
{
	struct pg_box b = pg_box_at(PG_BOX_RECT, x, y, w, h);

	b.fill = fill;
	b.color = fill;
	b.flags = PG_BOXF_FILL;
	return b;
}

struct pg_box
pg_box_line(double x, double y, double w, double h, struct pg_color c,
    double lw, unsigned flags)
{
	struct pg_box b = pg_box_at(PG_BOX_LINE, x, y, w, h);

	b.color = c;
	b.line_width = lw;
	b.flags = flags;
	return b;
}

/* Append an element; its index, or -1 if memory ran out. */
static int
new_elem(struct pg_frames *f, int parent, enum pg_role role)
{
	struct pg_elem *e;

	if (f->nelems >= INT_MAX || grow(&f->elems, &f->capelems, f->nelems,
	    sizeof(*f->elems)) == -1)
		return -1;
	e = &f->elems[f->nelems];
	memset(e, 0, sizeof(*e));
	e->parent = parent;
	e->role = role;
	return (int)f->nelems++;
}

int
pg_frames_begin(struct pg_frames *f, enum pg_role role)
{
	int	 parent = f->cur, e;

	if (f->nelems == 0) {
		if (f->capelems == 0 && grow(&f->elems, &f->capelems, 0,
		    sizeof(*f->elems)) == -1)
			return -1;
		if (new_elem(f, 0, PG_ROLE_NONE) == -1 ||
		    new_elem(f, 0, PG_ROLE_DOCUMENT) == -1) {
			f->nelems = 0;
			return -1;
		}
	}
	if (parent <= 0 || (size_t)parent >= f->nelems)
		parent = 1;
	if ((e = new_elem(f, parent, role)) == -1)
		return -1;
	f->cur = e;
	return e;
}

void
pg_frames_end(struct pg_frames *f)
{
	if (f->cur > 0 && (size_t)f->cur < f->nelems)
		f->cur = f->elems[f->cur].parent;
	if (f->cur == 1)
		f->cur = 0;
}

int
pg_frames_enter(struct pg_frames *f, int elem)
{
	int	 was = f->cur;

	f->cur = elem > 0 && (size_t)elem < f->nelems ? elem : 0;
	return was;
}

int
pg_frames_set_alt(struct pg_frames *f, int elem, const char *alt)
{
	if (elem <= 0 || (size_t)elem >= f->nelems)
		return -1;
	if ((f->elems[elem].alt = pg_frames_strdup(f, alt,
	    strlen(alt))) == NULL)
		return -1;
	return 0;
}

int
pg_frames_set_lang(struct pg_frames *f, int elem, const char *lang)
{
	if (elem <= 0 || (size_t)elem >= f->nelems)
		return -1;
	if ((f->elems[elem].lang = pg_frames_strdup(f, lang,
	    strlen(lang))) == NULL)
		return -1;
	return 0;
}
