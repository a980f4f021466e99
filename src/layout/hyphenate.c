/*
 * hyphenate.c — the word-level decisions of line breaking: which tokens
 * are URLs (never hyphenated, and broken only after '/'), and where an
 * English word may be hyphenated (libhyphen with the hyph_en_US patterns).
 * linebreak.c calls these while analysing a text (pg_lb_mark_urls) and
 * while fitting lines (pg_lb_hyph_point, pg_lb_hyphen_w); the interface
 * and its contracts are in hyphenate.h.
 *
 * Global state: the hyphenation dictionary is loaded once, lazily, and
 * only read afterwards (not thread-safe on first use; plangen is
 * single-threaded).  It is never freed.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <hyphen.h>

#include "layout/font.h"
#include "layout/layout_int.h"
#include "layout/hyphenate.h"

#define HYPH_DICT	PG_HYPHEN_DICT	/* config.h: configure --with-hyphen-dict */

static HyphenDict	*hy_dict;
static int		 hy_tried;

/* ---- URLs -------------------------------------------------------------- */

/*
 * URLs with a scheme (http://, https://) or starting www.: inside one, a
 * break may fall only after '/' (not inside "//"), never before it or
 * after '-' (typography.md).  Marked url: never hyphenated.
 */
static void
mark_schemes(struct pg_lb *b)
{
	struct pg_lbchar	*c = b->c;
	size_t			 i, j, k, end, n = b->n;
	static const char	*pre[] = { "http://", "https://", "www.", NULL };

	for (i = 0; i < n; i++) {
		if (c[i].cp != 'h' && c[i].cp != 'H' && c[i].cp != 'w' &&
		    c[i].cp != 'W')
			continue;
		if (i > 0 && (c[i - 1].cls == PG_CL_ALNUM ||
		    c[i - 1].cp == '.'))
			continue;
		for (k = 0; pre[k] != NULL; k++) {
			for (j = 0; pre[k][j] != '\0' && i + j < n; j++) {
				uint32_t ch = c[i + j].cp;
				if (ch >= 'A' && ch <= 'Z')
					ch += 'a' - 'A';
				if (ch != (unsigned char)pre[k][j])
					break;
			}
			if (pre[k][j] == '\0')
				break;
		}
		if (pre[k] == NULL)
			continue;
		for (end = i; end < n && c[end].cp > 0x20 && c[end].cp < 0x7F; end++)
			;
		while (end > i && strchr(".,;:!?)]}'\"", (int)c[end - 1].cp) != NULL)
			end--;
		for (j = i; j < end; j++)
			c[j].url = 1;
		for (j = i + 1; j < end; j++)
			if (c[j].brk != 2)
				c[j].brk = c[j - 1].cp == '/' && c[j].cp != '/';
		i = end;
	}
}

/* 1 if ch may be part of an address: neither space nor CJK. */
static int
in_token(const struct pg_lbchar *ch)
{
	return ch->cls != PG_CL_SPACE && ch->cls != PG_CL_INVIS &&
	    ch->cls != PG_CL_HAN && ch->cls != PG_CL_CJK;
}

/*
 * Tokens a reader takes for an address: an e-mail address, a URL without
 * a scheme (example.co.uk/booking), a path, a host name.  A token is a run
 * of characters between spaces, CJK characters and forced breaks; it is an
 * address if it has '/', ':', '@' or '.' between two letters or digits
 * ("e.g." qualifies too: it is too short to hyphenate anyway).  Marked
 * url: never hyphenated, since a hyphen added inside an address would be
 * copied with it ("book-" + "ing").  Their break opportunities stay UAX
 * #14's (after '/', '-', '?', ...).
 */
static void
mark_addresses(struct pg_lb *b)
{
	struct pg_lbchar	*c = b->c;
	size_t			 s, e, i, n = b->n;
	int			 addr;

	for (s = 0; s < n; s = e) {
		if (!in_token(&c[s])) {
			e = s + 1;
			continue;
		}
		addr = 0;
		for (e = s + 1; e < n && in_token(&c[e]) && c[e].brk != 2; e++)
			if (e + 1 < n && (c[e].cp == '/' || c[e].cp == ':' ||
			    c[e].cp == '@' || c[e].cp == '.') &&
			    c[e - 1].cls == PG_CL_ALNUM &&
			    c[e + 1].cls == PG_CL_ALNUM && c[e + 1].brk != 2)
				addr = 1;
		if (addr)
			for (i = s; i < e; i++)
				c[i].url = 1;
	}
}

/*
 * URLs and addresses are never hyphenated.  Where one segment (between
 * two break opportunities) is still wider than the line, linebreak.c
 * splits it by a last-resort break at the last character that fits,
 * without a hyphen: the copied text then stays the address.
 */
void
pg_lb_mark_urls(struct pg_lb *b)
{
	mark_schemes(b);
	mark_addresses(b);
}

/* ---- hyphenation ------------------------------------------------------- */

/* Width of a hyphen drawn after char i. */
double
pg_lb_hyphen_w(const struct pg_lb *b, size_t i)
{
	return pg_face_adv(&b->fs->face[b->c[i].face], '-') * (b->size / 1000.0);
}

static HyphenDict *
hyph_dict(void)
{
	if (!hy_tried) {
		hy_tried = 1;
		hy_dict = hnj_hyphen_load(HYPH_DICT);
	}
	return hy_dict;
}

/*
 * The last hyphenation point of the Latin word at ws that fits (see
 * hyphenate.h).  The word must be whole: ASCII letters between
 * non-letters.
 */
size_t
pg_lb_hyph_point(const struct pg_lb *b, size_t s, size_t ws, double W)
{
	char		 word[64], hy[64 + 5];
	char		**rep = NULL;
	int		*pos = NULL, *cut = NULL;
	size_t		 wst, wend, len, i, p = 0, n = b->n;
	HyphenDict	*d;

	for (i = 0; ws < n && i < 3 && !pg_lb_is_alpha(b->c[ws].cp) &&
	    b->c[ws].cls != PG_CL_SPACE; i++)
		ws++;
	if (ws >= n || !pg_lb_is_alpha(b->c[ws].cp) || b->c[ws].url)
		return 0;
	/* the whole word: it may have begun on the previous line */
	for (wst = ws; wst > 0 && ws - wst < sizeof(word) &&
	    pg_lb_is_alpha(b->c[wst - 1].cp); wst--)
		;
	if (wst > 0 && b->c[wst - 1].cls == PG_CL_ALNUM)
		return 0;
	for (wend = ws; wend < n && wend - wst < sizeof(word) &&
	    pg_lb_is_alpha(b->c[wend].cp); wend++)
		;
	if (wend < n && b->c[wend].cls == PG_CL_ALNUM)
		return 0;	/* too long, or letters and digits mixed */
	for (i = wst; i < wend; i++)
		if (b->c[i].url)
			return 0;	/* part of a URL or an address */
	len = wend - wst;
	if (len < 5 || len >= sizeof(word) || (d = hyph_dict()) == NULL)
		return 0;
	for (i = 0; i < len; i++) {
		uint32_t ch = b->c[wst + i].cp;
		word[i] = (char)(ch >= 'A' && ch <= 'Z' ? ch + ('a' - 'A') : ch);
	}
	word[len] = '\0';
	memset(hy, 0, sizeof(hy));
	if (hnj_hyphen_hyphenate3(d, word, (int)len, hy, NULL, &rep, &pos, &cut,
	    2, 3, 2, 2) == 0) {
		for (i = len - 1; i >= 1; i--) {
			if (!(hy[i - 1] & 1) || (rep != NULL && rep[i - 1] != NULL))
				continue;
			if (wst + i <= ws || wst + i <= s)
				break;
			if (pg_lb_span(b, s, wst + i) +
			    pg_lb_hyphen_w(b, wst + i - 1) <= W + PG_LB_EPS) {
				p = wst + i;
				break;
			}
		}
	}
	if (rep != NULL) {
		for (i = 0; i < len; i++)
			free(rep[i]);
		free(rep);
	}
	free(pos);
	free(cut);
	return p;
}
