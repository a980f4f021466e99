/*
 * group.c — layout outside the flow: groups of boxes relative to their own
 * top-left corner, placed on a page later (pg_group_*), and a reusable line
 * breaker over the private one of linebreak.c (pg_breaker_*), so that
 * figures lay out text without the layout engine's private header.
 * See layout.h.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "layout/layout.h"
#include "layout/layout_int.h"

/* ---- groups ------------------------------------------------------------ */

#define GROUP_CHUNK	4096

void
pg_group_free(struct pg_group *g)
{
	size_t i;

	for (i = 0; i < g->nchunks; i++)
		free(g->chunks[i]);
	free(g->chunks);
	free(g->v);
	memset(g, 0, sizeof(*g));
}

/* A copy of len bytes (NUL added) in g's store; NULL if memory ran out. */
static char *
group_copy(struct pg_group *g, const char *s, size_t len)
{
	char *d;

	if (len >= SIZE_MAX / 2)
		return NULL;
	if (len + 1 > g->left) {
		size_t sz = len + 1 > GROUP_CHUNK ? len + 1 : GROUP_CHUNK;
		if (g->nchunks == g->capchunks) {
			size_t ncap = g->capchunks ? g->capchunks * 2 : 8;
			char **n = realloc(g->chunks, ncap * sizeof(*n));
			if (n == NULL)
				return NULL;
			g->chunks = n;
			g->capchunks = ncap;
		}
		if ((d = malloc(sz)) == NULL)
			return NULL;
		g->chunks[g->nchunks++] = d;
		g->tail = d;
		g->left = sz;
	}
	d = g->tail;
	memcpy(d, s, len);
	d[len] = '\0';
	g->tail += len + 1;
	g->left -= len + 1;
	return d;
}

struct pg_box *
pg_group_add(struct pg_group *g, const struct pg_box *b)
{
	struct pg_box nb = *b;

	if (g->n == g->cap) {
		size_t ncap = g->cap ? g->cap * 2 : 64;
		struct pg_box *v;
		if (ncap > SIZE_MAX / sizeof(*v) ||
		    (v = realloc(g->v, ncap * sizeof(*v))) == NULL)
			return NULL;
		g->v = v;
		g->cap = ncap;
	}
	/* (a failed copy leaves at most unused bytes in the store) */
	if (b->text != NULL &&
	    (nb.text = group_copy(g, b->text, b->len)) == NULL)
		return NULL;
	if (b->path != NULL &&
	    (nb.path = group_copy(g, b->path, strlen(b->path))) == NULL)
		return NULL;
	g->v[g->n] = nb;
	return &g->v[g->n++];
}

int
pg_group_place(const struct pg_group *g, struct pg_frames *fr, int page,
    double x, double y)
{
	size_t i;

	for (i = 0; i < g->n; i++) {
		struct pg_box b = g->v[i];
		b.x += x;
		b.y += y;
		if (pg_frames_add(fr, page, &b) == NULL)
			return -1;
	}
	return 0;
}

/* ---- the breaker ------------------------------------------------------- */

int
pg_breaker_text(struct pg_breaker *br, const struct pg_fontset *fs,
    const struct pg_run *runs, size_t nruns, unsigned style, double size,
    const char *lang)
{
	if (br->lb == NULL && (br->lb = calloc(1, sizeof(*br->lb))) == NULL)
		return -1;
	if (pg_lb_analyze(br->lb, fs, runs, nruns, style, size, lang) != 0) {
		br->lb->n = 0;
		br->lb->fs = NULL;
		return -1;
	}
	return 0;
}

int
pg_breaker_lines(struct pg_breaker *br, const struct pg_tstyle *ts,
    double width, struct pg_lines *out)
{
	if (br->lb == NULL || br->lb->fs == NULL)
		return -1;
	return pg_lb_lines(br->lb, ts, width, out);
}

void
pg_breaker_free(struct pg_breaker *br)
{
	if (br->lb != NULL) {
		pg_lb_free(br->lb);
		free(br->lb);
	}
	br->lb = NULL;
}
