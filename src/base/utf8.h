/*
 * utf8.h — the one UTF-8 decoder, shared by the reader (xml_read.c's
 * prescan, plan_read), the font tables, line breaking, layout and the team
 * rules.  Header-only (static inline) so the per-character loops stay fast.
 *
 * One definition of validity everywhere: a code point is valid when it is
 * encoded in its shortest form, is not a surrogate (U+D800..U+DFFF) and is
 * at most U+10FFFF (RFC 3629).  Anything else is malformed and reads as
 * U+FFFD, one byte at a time.
 *
 *   pg_utf8_decode()  one code point, with its validity and length
 *   pg_utf8_next()    one code point, advancing an index (never stalls)
 *   pg_utf8_nextz()   the same for a NUL-terminated string
 *   pg_utf8_count()   how many code points pg_utf8_next() would return
 *   pg_utf8_encode()  a code point as UTF-8
 *
 * Include: anyone decoding or encoding text.
 */
#ifndef PG_UTF8_H
#define PG_UTF8_H

#include <stddef.h>
#include <stdint.h>

/*
 * Decode the sequence at s[0..len) (len >= 1).  If it is a valid encoding
 * (see above) wholly inside len, sets *cp to its code point and returns its
 * length, 1 to 4.  Otherwise (a stray continuation byte, a byte that never
 * starts a sequence, an overlong form, a surrogate, a value beyond
 * U+10FFFF, a sequence cut short by len or by a byte that is not a
 * continuation — a NUL included) sets *cp to U+FFFD and returns 0.  A valid
 * U+FFFD in the text returns 3, so the result tells the two apart.
 */
static inline size_t
pg_utf8_decode(const char *s, size_t len, uint32_t *cp)
{
	const unsigned char	*p = (const unsigned char *)s;
	uint32_t		 v;

	if (p[0] < 0x80) {
		*cp = p[0];
		return 1;
	}
	if (p[0] >= 0xC2 && p[0] <= 0xDF && len >= 2 &&
	    (p[1] & 0xC0) == 0x80) {
		*cp = ((uint32_t)(p[0] & 0x1F) << 6) | (p[1] & 0x3F);
		return 2;
	}
	if (p[0] >= 0xE0 && p[0] <= 0xEF && len >= 3 &&
	    (p[1] & 0xC0) == 0x80 && (p[2] & 0xC0) == 0x80) {
		v = ((uint32_t)(p[0] & 0x0F) << 12) |
		    ((uint32_t)(p[1] & 0x3F) << 6) | (p[2] & 0x3F);
		if (v >= 0x800 && (v < 0xD800 || v > 0xDFFF)) {
			*cp = v;
			return 3;
		}
	} else if (p[0] >= 0xF0 && p[0] <= 0xF4 && len >= 4 &&
	    (p[1] & 0xC0) == 0x80 && (p[2] & 0xC0) == 0x80 &&
	    (p[3] & 0xC0) == 0x80) {
		v = ((uint32_t)(p[0] & 0x07) << 18) |
		    ((uint32_t)(p[1] & 0x3F) << 12) |
		    ((uint32_t)(p[2] & 0x3F) << 6) | (p[3] & 0x3F);
		if (v >= 0x10000 && v <= 0x10FFFF) {
			*cp = v;
			return 4;
		}
	}
	*cp = 0xFFFD;
	return 0;
}

/*
 * Decode the code point at s[*i] (s has len bytes, *i < len) and advance
 * *i past it.  A malformed sequence (pg_utf8_decode() returns 0) yields
 * U+FFFD and advances one byte, so a loop always terminates and every
 * byte of the text is accounted for.
 */
static inline uint32_t
pg_utf8_next(const char *s, size_t len, size_t *i)
{
	uint32_t	cp;
	size_t		n = pg_utf8_decode(s + *i, len - *i, &cp);

	*i += n != 0 ? n : 1;
	return cp;
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

/*
 * The number of code points in s[0..len) as pg_utf8_next() steps through
 * it: each malformed byte counts as one (its U+FFFD).  0 if len is 0.
 */
static inline size_t
pg_utf8_count(const char *s, size_t len)
{
	size_t	i = 0, n = 0;

	while (i < len) {
		if ((unsigned char)s[i] < 0x80)
			i++;
		else
			(void)pg_utf8_next(s, len, &i);
		n++;
	}
	return n;
}

/*
 * Write cp as UTF-8 to out (room for 4 bytes, not NUL-terminated) and
 * return the number of bytes, 1 to 4; 0 (nothing written) if cp is a
 * surrogate or beyond U+10FFFF.
 */
static inline size_t
pg_utf8_encode(uint32_t cp, char out[4])
{
	if (cp < 0x80) {
		out[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		out[0] = (char)(0xC0 | cp >> 6);
		out[1] = (char)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp >= 0xD800 && cp <= 0xDFFF)
		return 0;
	if (cp < 0x10000) {
		out[0] = (char)(0xE0 | cp >> 12);
		out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		out[2] = (char)(0x80 | (cp & 0x3F));
		return 3;
	}
	if (cp > 0x10FFFF)
		return 0;
	out[0] = (char)(0xF0 | cp >> 18);
	out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
	out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
	out[3] = (char)(0x80 | (cp & 0x3F));
	return 4;
}

#endif
