/*
 * diff_int.h — what the files of the plan comparison share, and nothing
 * outside src/diff/ may use (the interface is diff.h): the arena, the
 * flattened items of one document, and the flattening itself.
 */
#ifndef PG_DIFF_INT_H
#define PG_DIFF_INT_H

#include <stddef.h>
#include <stdint.h>

#include <libxml/tree.h>

#include "diff/diff.h"
#include "base/strbuf.h"

/* The longest field path kept ("metric[revenue]/@target"); deeper
 * structure is compared no further (no plan nests that deep). */
#define DF_PATH_MAX	512

/* A bump allocator: everything of one comparison, freed at once. */
struct df_arena {
	struct chunk	*head;
	int		 oom;
};

/* Allocate n bytes (16-aligned, not zeroed); NULL and a->oom if out of memory. */
void	*df_alloc(struct df_arena *a, size_t n);
char	*df_strdup(struct df_arena *a, const char *s);
char	*df_strndup(struct df_arena *a, const char *s, size_t n);
/* Free the arena (malloc'd itself) and everything in it.  NULL: no-op. */
void	 df_arena_free(struct df_arena *a);

struct df_field {
	const char	*path;		/* "@due", "text", "metric[revenue]/@target" */
	const char	*val;		/* white space folded */
	unsigned long	 line;		/* of the element that holds it */
};

/* One item of one document (diff.h), in preorder: parents first. */
struct df_item {
	const char	*section;	/* "plan" for the root, else the section's name */
	const char	*elem;		/* element name */
	const char	*id;		/* NULL if none */
	const char	*label;		/* NULL if none */
	const char	*desc;		/* pg_dchange.desc */
	int		 text_label;	/* the label is its text, shortened */
	int		 parent;	/* index, -1 for the root */
	int		 match;		/* index on the other side, -1 if none */
	int		 moved;		/* new side: moved */
	unsigned long	 first, last;	/* source lines of the element */
	struct df_field	*fields;	/* sorted by path */
	size_t		 nfields;
	uint64_t	 sig;		/* signature of elem and fields */
};

struct df_side {
	struct df_item	*items;		/* malloc'd; items[0] is <plan> */
	size_t		 n, cap;
};

/*
 * Flatten doc into s->items (s zeroed by the caller; free s->items).
 * Every string lives in a.  Returns 0, or -1 if memory ran out.
 */
int	 df_flatten(const xmlDoc *doc, struct df_arena *a, struct df_side *s);

/*
 * Match the items of o and n (setting their match and moved) and fill
 * d's changes and counts (diff.h); arrays in a.  0, or -1 if out of memory.
 */
int	 df_match(struct df_side *o, struct df_side *n, struct df_arena *a,
	    struct pg_diff *d);

/*
 * s for a message: s itself if it has at most max code points, else its
 * first ones, cut after a word when the text has spaces, and "…", in buf
 * (n bytes, n >= 8).  Never cuts inside a character.
 */
const char *df_shorten(const char *s, size_t max, char *buf, size_t n);

#endif
