/*
 * text.h — text as every stage sees it: styled runs (struct pg_run), which
 * characters are written without spaces, how XML white space folds, and
 * how a long value is shortened for a message.  Byte-level and
 * allocation-free; UTF-8 in, UTF-8 out (utf8.h decodes).
 *
 * Include: anyone.
 */
#ifndef PG_TEXT_H
#define PG_TEXT_H

#include <stddef.h>
#include <stdint.h>

/* Styled text: a stretch of text in one style, as the plan's prose holds
 * it and as the layout breaks and draws it. */
enum { PG_STYLE_EM = 1, PG_STYLE_STRONG = 2,
	/* version 2 (plan-format.md): a footnote's text (<fn>), which the
	 * composer replaces by its number and draws at the page foot; and a
	 * link (<a href>), whose run carries the target in href. */
	PG_STYLE_FN = 4, PG_STYLE_LINK = 8,
	/* layout only: a footnote number, drawn smaller and raised */
	PG_STYLE_SUP = 16 };

struct pg_run {
	const char	*text;
	unsigned	 style;	/* PG_STYLE_* bits */
};

/*
 * The target of a link run (PG_STYLE_LINK): the reader stores it right
 * after the NUL that ends the run's text ("text\0https://...\0"), so runs
 * stay two words and every copy of a run keeps it.  NULL if the run is
 * not a link.  Whoever makes a PG_STYLE_LINK run must store it so.
 */
static inline const char *
pg_run_href(const struct pg_run *r)
{
	const char *s;

	if (!(r->style & PG_STYLE_LINK) || r->text == NULL)
		return NULL;
	for (s = r->text; *s != '\0'; s++)
		;
	return s + 1;
}

/*
 * 1 if c is a character written without spaces between words (Chinese,
 * Japanese; not Korean).  White-space folding drops a run holding a line
 * break between two such characters.
 */
int		 pg_cjk_unspaced(uint32_t c);

/*
 * How a run of XML white space (space, tab, CR, LF) between the code
 * points prev and next folds: 1 into one space, 0 into nothing.  prev 0
 * (the start of the text) or next 0 (its end): nothing; newline: the run
 * holds a line break, which between two pg_cjk_unspaced() characters folds
 * into nothing (a line wrapped in the middle of a Chinese sentence).
 */
int		 pg_text_space_between(uint32_t prev, int newline, uint32_t next);

/* Fold the white space of the NUL-terminated s in place, as above. */
void		 pg_text_squeeze(char *s);

/* The number of bytes of s[0..len) that hold its first max code points. */
size_t		 pg_text_prefix(const char *s, size_t len, size_t max);

/*
 * s for a message, in buf (n bytes): s itself if it has at most max code
 * points and fits, else as many of its first code points as fit (at most
 * max) and "…".  NULL s is "".  Never cuts inside a character, nor inside
 * a word of text written with spaces when a word ends in the second half
 * of what is kept ("Raise trial-to-paid…"); returns buf
 * ("" if n is 0).
 */
const char	*pg_text_clip(const char *s, size_t max, char *buf, size_t n);

#endif
