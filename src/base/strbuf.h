/*
 * strbuf.h — a growable string for building output (reports, rule
 * documentation).  Out of memory is sticky: once an append fails, the
 * buffer stays failed and pg_sb_take() returns NULL, so callers append
 * freely and check once at the end.
 *
 * Include: the output builders (report.c, ruledoc.c, rules_custom.c).
 */
#ifndef PG_STRBUF_H
#define PG_STRBUF_H

#include <stddef.h>

struct pg_sb {
	char	*s;		/* NUL-terminated when len > 0 */
	size_t	 len, cap;
	int	 oom;
};

/* An empty buffer.  Never fails. */
void	pg_sb_init(struct pg_sb *);

/* Append n bytes of s / a string / printf-formatted text. */
void	pg_sb_addn(struct pg_sb *, const char *s, size_t n);
void	pg_sb_add(struct pg_sb *, const char *s);
void	pg_sb_printf(struct pg_sb *, const char *fmt, ...)
	    __attribute__((format(printf, 2, 3)));

/*
 * Hand over the string (malloc'd, NUL-terminated; "" if nothing was added)
 * and reset the buffer.  Returns NULL if any append ran out of memory.
 */
char	*pg_sb_take(struct pg_sb *);

/* Release the buffer without taking it. */
void	pg_sb_free(struct pg_sb *);

#endif
