/*
 * text.c — plain-text decisions shared by every stage.  See text.h.
 */
#include "config.h"

#include <string.h>

#include "base/text.h"
#include "base/utf8.h"

/*
 * Han ideographs (BMP, extensions and compatibility), CJK symbols and
 * punctuation, kana, bopomofo, CJK strokes, enclosed and compatibility
 * CJK, vertical and compatibility forms, and the fullwidth forms (not the
 * halfwidth Hangul).  Hangul is not included: Korean separates words with
 * spaces.
 */
int
pg_cjk_unspaced(uint32_t c)
{
	return (c >= 0x2E80 && c <= 0x2FDF) ||	/* radicals */
	    (c >= 0x3000 && c <= 0x303F) ||	/* symbols and punctuation */
	    (c >= 0x3040 && c <= 0x30FF) ||	/* hiragana, katakana */
	    (c >= 0x3100 && c <= 0x312F) ||	/* bopomofo */
	    (c >= 0x31A0 && c <= 0x31FF) ||	/* bopomofo ext, strokes, kana ext */
	    (c >= 0x3200 && c <= 0x4DBF) ||	/* enclosed, compat, ext A */
	    (c >= 0x4E00 && c <= 0x9FFF) ||	/* unified ideographs */
	    (c >= 0xF900 && c <= 0xFAFF) ||	/* compatibility ideographs */
	    (c >= 0xFE10 && c <= 0xFE1F) ||	/* vertical forms */
	    (c >= 0xFE30 && c <= 0xFE4F) ||	/* compatibility forms */
	    (c >= 0xFF00 && c <= 0xFF9F) ||	/* fullwidth forms, halfwidth kana */
	    (c >= 0xFFE0 && c <= 0xFFEF) ||	/* fullwidth signs */
	    (c >= 0x20000 && c <= 0x3FFFF);	/* ideographs, planes 2 and 3 */
}

int
pg_text_space_between(uint32_t prev, int newline, uint32_t next)
{
	if (prev == 0 || next == 0)
		return 0;
	return !(newline && pg_cjk_unspaced(prev) && pg_cjk_unspaced(next));
}

static int
is_space(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

void
pg_text_squeeze(char *s)
{
	char		*r = s, *w = s;
	uint32_t	 prev = 0, next;
	size_t		 n;
	int		 nl;

	while (*r != '\0') {
		if (is_space((unsigned char)*r)) {
			for (nl = 0; is_space((unsigned char)*r); r++)
				nl |= *r == '\n';
			next = *r == '\0' ? 0 : pg_utf8_nextz(r, &n);
			if (pg_text_space_between(prev, nl, next)) {
				*w++ = ' ';
				prev = ' ';
			}
			continue;
		}
		prev = pg_utf8_nextz(r, &n);
		while (n-- > 0 && *r != '\0')
			*w++ = *r++;
	}
	*w = '\0';
}

size_t
pg_text_prefix(const char *s, size_t len, size_t max)
{
	size_t	i = 0, k;

	for (k = 0; k < max && i < len; k++)
		(void)pg_utf8_next(s, len, &i);
	return i;
}

/* A byte of a Latin word: ASCII letter or digit, or part of a non-CJK
 * UTF-8 letter (accented Latin, Cyrillic, Greek: lead bytes below 0xE0). */
static int
latin_letter(char ch)
{
	unsigned char c = (unsigned char)ch;

	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (c >= '0' && c <= '9') || c == '-' || (c >= 0x80 && c < 0xE0);
}

const char *
pg_text_clip(const char *s, size_t max, char *buf, size_t n)
{
	static const char ell[] = "\xE2\x80\xA6";	/* … */
	size_t	len, cut;

	if (n == 0)
		return "";
	if (s == NULL)
		s = "";
	len = strlen(s);
	if ((cut = pg_text_prefix(s, len, max)) == len && len < n) {
		memcpy(buf, s, len + 1);
		return buf;
	}
	/* room for "…" and the NUL */
	while (cut > 0 && cut + sizeof(ell) > n)
		cut = pg_text_prefix(s, cut, pg_utf8_count(s, cut) - 1);
	if (cut + sizeof(ell) > n) {
		buf[0] = '\0';
		return buf;
	}
	/*
	 * Never in the middle of a word ("Raise trial-to-paid conv…"): in
	 * text written with spaces, back to the end of the last whole word,
	 * if one ends in the second half of what is kept.
	 */
	if (cut > 0 && cut < len && latin_letter(s[cut - 1]) &&
	    latin_letter(s[cut])) {
		size_t w = cut;
		while (w > 0 && s[w - 1] != ' ')
			w--;
		while (w > 0 && s[w - 1] == ' ')
			w--;
		if (w > cut / 2)
			cut = w;
	}
	memcpy(buf, s, cut);
	memcpy(buf + cut, ell, sizeof(ell));
	return buf;
}
