/*
 * fontcache.h — the answers fontconfig gave font.c (which faces a family
 * has: file, index, family name, weight, slant, width), kept on disk so
 * that the common run never initialises fontconfig (its configuration
 * parse is a fifth of a small render, and crashes inside fontconfig when
 * an allocation fails there).
 *
 * The cache is one text file, DIR/fonts (DIR: $XDG_CACHE_HOME/plangen,
 * else $HOME/.cache/plangen).  It is trusted only while it is complete
 * (header and end line) and every stamp still holds: the values of
 * FONTCONFIG_FILE, FONTCONFIG_PATH and FONTCONFIG_SYSROOT; the
 * modification times of fontconfig's configuration and cache folders, the
 * user's font folders and the folder of every font file it names (a font
 * installed or removed changes one of them); and the size and
 * modification time of every font file it names.  Otherwise it is ignored
 * as a whole, fontconfig answers, and the file is rewritten.  A cache that
 * cannot be read, parsed or written never fails a caller: it only costs
 * the fontconfig start-up.
 *
 * Off unless pg_fcache_enable(1) was called (the command line does; the
 * library's other users, the tests and fuzz harnesses, ask fontconfig).
 *
 * Include: layout/font.c only.
 */
#ifndef PG_FONTCACHE_H
#define PG_FONTCACHE_H

#include <stddef.h>

/* One face of a family as fontconfig listed it. */
struct pg_fcand {
	char	*file;
	char	*family;	/* the family name as the font spells it */
	int	 index;
	int	 weight, slant, width;
};

void	pg_fcands_free(struct pg_fcand *c, size_t n);

/* Turn the on-disk cache on (1) or off (0) for this process. */
void	pg_fcache_enable(int on);

struct pg_fcache;

/*
 * Open the cache: read and validate DIR/fonts when enabled.  Returns a
 * cache (possibly empty: disabled, missing, stale, corrupt), or NULL if
 * memory ran out (the caller then asks fontconfig).
 */
struct pg_fcache *pg_fcache_open(void);

/*
 * The faces of family as cached: 1 and a malloc'd copy in *out (n faces,
 * *out NULL when the family has none), 0 if the family is not cached, -1
 * if memory ran out.
 */
int	pg_fcache_get(struct pg_fcache *, const char *family,
	    struct pg_fcand **out, size_t *n);

/* Remember fontconfig's answer for family (copied).  0, or -1 (memory). */
int	pg_fcache_put(struct pg_fcache *, const char *family,
	    const struct pg_fcand *c, size_t n);

/*
 * Write the cache back if anything was put (atomically: a temporary file
 * renamed over DIR/fonts; every failure ignored), and free it.  NULL is
 * allowed.
 */
void	pg_fcache_close(struct pg_fcache *);

#endif
