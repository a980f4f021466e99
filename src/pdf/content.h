/*
 * content.h — a page's content stream as plangen writes it: PDF operators
 * appended to a growing buffer, numbers printed exactly as libharu 2.3.0
 * prints them (so pages look as they did when libharu wrote them), and
 * the whole page compressed with zlib for pg_haru_set_page_content().
 * Why plangen writes page content itself: haru_shim.c.
 *
 * Out of memory is sticky: an append that cannot grow the buffer appends
 * nothing and sets `oom`, so callers append freely and learn it from
 * pg_content_deflate().
 *
 * Include: pdf_write.c.
 */
#ifndef PG_PDF_CONTENT_H
#define PG_PDF_CONTENT_H

#include <stddef.h>

#include <zlib.h>

struct pg_content {
	char		*s;		/* the operators: s[0 .. n) */
	size_t		 n, cap;
	int		 oom;		/* an append failed */
	unsigned char	*z;		/* s compressed */
	size_t		 zcap;
	z_stream	 zs;		/* one deflate state for all pages */
	int		 zinit;		/* zs is set up */
};

/* An empty buffer.  Never fails. */
void	pg_content_init(struct pg_content *);

/*
 * Make room for `extra` more bytes at s + n, for a caller that writes them
 * itself (and adds what it wrote to n).  Returns 0, or -1 if memory ran
 * out (then oom is set).
 */
int	pg_content_reserve(struct pg_content *, size_t extra);

/* Append a string. */
void	pg_content_str(struct pg_content *, const char *);

/*
 * Append d as libharu's HPDF_FToA prints an HPDF_REAL (a float: clamped
 * to +-32767, rounded to 5 decimals, trailing zeros dropped), followed by
 * the character sep.
 */
void	pg_content_num(struct pg_content *, double d, char sep);

/*
 * Compress s[0 .. n) with zlib's default level (libharu's: the fastest
 * level takes a third of the time but gives 8 % more bytes) into z and
 * set *out, *outlen to it; n is reset to 0 for the next page.  Returns 0;
 * -1 if memory ran out, now or in an append since the last call (nothing
 * is compressed then); -2 if zlib failed otherwise.
 */
int	pg_content_deflate(struct pg_content *, const unsigned char **out,
	    size_t *outlen);

/* Free everything.  The buffer may be initialised again. */
void	pg_content_free(struct pg_content *);

#endif
