/*
 * utf8.h — one UTF-8 decoder shared by the font tables, line breaking and
 * layout.  Header-only (static inline) so the per-character loops stay fast.
 *
 * Include: font_table.c, linebreak.c, layout*.c, plan_read.c,
 * rules_custom.c, anyone decoding text.
 */
#ifndef PG_UTF8_H
#define PG_UTF8_H

#include <stddef.h>
#include <stdint.h>

/*
 * Decode the code point at s[*i] (s has len bytes, *i < len) and advance
 * *i past it.  A malformed, overlong or truncated sequence, a surrogate or
 * a value beyond U+10FFFF yields U+FFFD and advances one byte, so a loop
 * always terminates.
 */
static inline uint32_t
pg_utf8_next(const char *s, size_t len, size_t *i)
{
	const unsigned char	*p = (const unsigned char *)s + *i;
	size_t			 left = len - *i;
	uint32_t		 cp;

	if (p[0] < 0x80) {
		*i += 1;
		return p[0];
	}
	if (p[0] >= 0xC2 && p[0] <= 0xDF && left >= 2 &&
	    (p[1] & 0xC0) == 0x80) {
		*i += 2;
		return ((uint32_t)(p[0] & 0x1F) << 6) | (p[1] & 0x3F);
	}
	if (p[0] >= 0xE0 && p[0] <= 0xEF && left >= 3 &&
	    (p[1] & 0xC0) == 0x80 && (p[2] & 0xC0) == 0x80) {
		cp = ((uint32_t)(p[0] & 0x0F) << 12) |
		    ((uint32_t)(p[1] & 0x3F) << 6) | (p[2] & 0x3F);
		if (cp >= 0x800 && (cp < 0xD800 || cp > 0xDFFF)) {
			*i += 3;
			return cp;
		}
	} else if (p[0] >= 0xF0 && p[0] <= 0xF4 && left >= 4 &&
	    (p[1] & 0xC0) == 0x80 && (p[2] & 0xC0) == 0x80 &&
	    (p[3] & 0xC0) == 0x80) {
		cp = ((uint32_t)(p[0] & 0x07) << 18) |
		    ((uint32_t)(p[1] & 0x3F) << 12) |
		    ((uint32_t)(p[2] & 0x3F) << 6) | (p[3] & 0x3F);
		if (cp >= 0x10000 && cp <= 0x10FFFF) {
			*i += 4;
			return cp;
		}
	}
	*i += 1;
	return 0xFFFD;
}

/*
 * The same for a NUL-terminated string: the NUL fails every continuation
 * test, so no sequence reads past it and no length is needed.  Sets *n to
 * the bytes consumed (at least 1).
 */
static inline uint32_t
pg_utf8_nextz(const char *s, size_t *n)
{
	size_t		i = 0;
	uint32_t	cp = pg_utf8_next(s, SIZE_MAX, &i);

	*n = i;
	return cp;
}

#endif
