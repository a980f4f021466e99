/*
 * strbuf.c — a growable string.  See strbuf.h.
 */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/strbuf.h"

void
pg_sb_init(struct pg_sb *b)
{
	memset(b, 0, sizeof(*b));
}

/* Make room for n more bytes and a NUL.  Returns 0, or -1 (oom set). */
static int
reserve(struct pg_sb *b, size_t n)
{
	size_t	 ncap;
	char	*ns;

	if (b->oom)
		return -1;
	if (n > (size_t)-1 / 2 - b->len) {
		b->oom = 1;
		return -1;
	}
	if (b->len + n + 1 <= b->cap)
		return 0;
	ncap = b->cap ? b->cap : 256;
	while (ncap < b->len + n + 1)
		ncap *= 2;
	if ((ns = realloc(b->s, ncap)) == NULL) {
		b->oom = 1;
		return -1;
	}
	b->s = ns;
	b->cap = ncap;
	return 0;
}

void
pg_sb_addn(struct pg_sb *b, const char *s, size_t n)
{
	if (reserve(b, n) != 0)
		return;
	memcpy(b->s + b->len, s, n);
	b->len += n;
	b->s[b->len] = '\0';
}

void
pg_sb_add(struct pg_sb *b, const char *s)
{
	pg_sb_addn(b, s, strlen(s));
}

void
pg_sb_printf(struct pg_sb *b, const char *fmt, ...)
{
	va_list	ap;
	int	n;

	if (b->oom)
		return;
	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0) {
		b->oom = 1;
		return;
	}
	if (reserve(b, (size_t)n) != 0)
		return;
	va_start(ap, fmt);
	vsnprintf(b->s + b->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	b->len += (size_t)n;
}

char *
pg_sb_take(struct pg_sb *b)
{
	char *s;

	if (b->oom) {
		pg_sb_free(b);
		return NULL;
	}
	if (b->s == NULL)
		s = calloc(1, 1);
	else
		s = b->s;
	pg_sb_init(b);
	return s;
}

void
pg_sb_free(struct pg_sb *b)
{
	free(b->s);
	pg_sb_init(b);
}
