/*
 * linebreak.c — line breaking for Chinese and English text.
 *
 * A text (runs of one paragraph, cell or heading) is analysed once into
 * characters with a face, an advance and a break opportunity before each
 * (pg_lb_analyze); it can then be measured (pg_lb_minmax) or broken into
 * positioned lines (pg_lb_lines, pg_break).  Which tokens are URLs and
 * where a word may be hyphenated is decided in hyphenate.c.
 *
 * Design invariants:
 *  1. Break opportunities are UAX #14 (libunibreak, language "zh" for
 *     Chinese) on the whole text — a run boundary is not an opportunity —
 *     with the clreq tailorings of ../shared/notes/typography.md applied
 *     on top: closing marks never start a line, opening marks never end
 *     one (this holds even for last-resort breaks whenever possible),
 *     ——/…… stay whole, a digit stays with the Han character after it
 *     (2027年), a date stays whole (2027年6月30日), so does a number's
 *     short unit (186,000人次), URLs break only after '/' (hyphenate.c).
 *  2. Han<->Latin/digit glue (PG_HANLAT_GAP em) sits between the two
 *     characters and vanishes when a line starts there; it is never added
 *     where the source has a space (the characters are then not adjacent),
 *     nor next to a raised footnote number (PG_STYLE_SUP).
 *  3. Breaking is greedy and linear: prefix sums of advances and glue make
 *     every candidate line O(1) to measure.
 *  4. Justification stretches only spaces and gaps between two CJK
 *     characters (not inside —— or ……), never inside Latin words or URLs
 *     (not hyphenated either); a line may instead take one more word if
 *     its spaces shrink by at most 1/3 and that distorts it less.  Never
 *     more than 1/2 em per gap; a paragraph's last line and lines ending
 *     in a forced break are not justified.
 *  5. A token wider than the line is hyphenated (libhyphen, English
 *     patterns) if it is a Latin word, else split at the last character
 *     that fits.  Hyphenation is also used when a justified line would
 *     otherwise stretch a gap by more than 1/2 em.  URLs, e-mail addresses
 *     and paths are never hyphenated (hyphenate.c): a segment of one too
 *     wide for the line is split at the last character that fits, with no
 *     hyphen, so the text copied from the PDF is the address.
 *  6. A paragraph's last line keeps at least two letters/digits/Han
 *     characters: if not, the previous line gives up its last unit.
 *
 * Global state: libunibreak's tables (and, in hyphenate.c, the
 * hyphenation dictionary) are loaded once, lazily, and only read
 * afterwards (not thread-safe on first use; plangen is single-threaded).
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <linebreak.h>

#include "layout/font.h"
#include "layout/layout.h"
#include "layout/layout_int.h"
#include "layout/hyphenate.h"
#include "base/utf8.h"

#define EPS		PG_LB_EPS

static int		 lb_inited;

/* ---- character sets ---------------------------------------------------- */

/* Never at the start of a line (typography.md check 1, plus clreq NS). */
static int
nostart(uint32_t cp)
{
	switch (cp) {
	case ',': case '.': case ';': case ':': case '?': case '!':
	case ')': case ']': case '}': case '%':
	case 0x3001: case 0x3002: case 0xFF0C: case 0xFF0E: case 0xFF1A:
	case 0xFF1B: case 0xFF1F: case 0xFF01: case 0xFF09: case 0xFF3D:
	case 0xFF5D: case 0x3015: case 0x3017: case 0x3011: case 0x300B:
	case 0x3009: case 0x300D: case 0x300F: case 0x201D: case 0x2019:
	case 0x00B7: case 0x30FB: case 0xFF5E: case 0xFF05: case 0x2030:
	case 0x2103: case 0xFF0F: case 0x3005: case 0x309D: case 0x309E:
	case 0x30FD: case 0x30FE: case 0x30FC: case 0x3019: case 0x301B:
	case 0xFE50: case 0xFE51: case 0xFE52: case 0xFE54: case 0xFE55:
	case 0xFE56: case 0xFE57: case 0xFE5A: case 0xFE5C: case 0xFE5E:
	case 0xFF63: case 0xFF61: case 0xFF64: case 0xFF65: case 0x2032:
	case 0x2033: case 0x00B0: case 0xFFE0: case 0x301E: case 0x301F:
		return 1;
	default:
		return 0;
	}
}

/* Never at the end of a line (check 2). */
static int
noend(uint32_t cp)
{
	switch (cp) {
	case '(': case '[': case '{':
	case 0xFF08: case 0xFF3B: case 0xFF5B: case 0x3014: case 0x3016:
	case 0x3010: case 0x300A: case 0x3008: case 0x300C: case 0x300E:
	case 0x201C: case 0x2018: case 0x3018: case 0x301A: case 0x301D:
	case 0xFE59: case 0xFE5B: case 0xFE5D: case 0xFF62:
		return 1;
	default:
		return 0;
	}
}

/* Marks that repeat as one unit: —— …… ‥‥ ⋯⋯ */
static int
pairmark(uint32_t cp)
{
	return cp == 0x2014 || cp == 0x2026 || cp == 0x2025 || cp == 0x22EF ||
	    cp == 0x2E3A || cp == 0x2E3B || cp == 0x2015;
}

/* Punctuation a CJK font draws full width; in Chinese text it comes from it. */
static int
ambiguous(uint32_t cp)
{
	switch (cp) {
	case 0x00B7: case 0x2014: case 0x2015: case 0x2018: case 0x2019:
	case 0x201C: case 0x201D: case 0x2026: case 0x2025: case 0x22EF:
		return 1;
	default:
		return 0;
	}
}

static int
is_han(uint32_t cp)
{
	return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF) ||
	    (cp >= 0x3040 && cp <= 0x30FF && cp != 0x30FB && cp != 0x30A0) ||
	    (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0x20000 && cp <= 0x3FFFF) ||
	    (cp >= 0xAC00 && cp <= 0xD7AF) || (cp >= 0x3005 && cp <= 0x3007);
}

static int
is_alnum(uint32_t cp)
{
	if (cp < 0x80)
		return (cp >= '0' && cp <= '9') || (cp >= 'A' && cp <= 'Z') ||
		    (cp >= 'a' && cp <= 'z');
	return (cp >= 0xC0 && cp <= 0x24F && cp != 0xD7 && cp != 0xF7) ||
	    (cp >= 0x370 && cp <= 0x4FF);
}

static int
invisible(uint32_t cp)
{
	return cp < 0x20 || cp == 0x7F || cp == 0xAD || (cp >= 0x200B &&
	    cp <= 0x200D) || cp == 0x2060 || cp == 0xFEFF;
}

int
pg_cp_class(uint32_t cp, int zh)
{
	if (cp == ' ' || cp == 0x3000)
		return PG_CL_SPACE;
	if (invisible(cp))
		return PG_CL_INVIS;
	if (is_alnum(cp))
		return PG_CL_ALNUM;
	if (is_han(cp))
		return PG_CL_HAN;
	if (pg_is_cjk(cp) || (zh && ambiguous(cp)))
		return PG_CL_CJK;
	return PG_CL_OTHER;
}

/*
 * In Chinese text every character the CJK face has is drawn with it, Latin
 * letters and digits included: one look for the paragraph, and no font
 * change next to CJK punctuation ("¥1,234.50，").  Elsewhere, CJK
 * characters come from the CJK face and the rest from the Latin one.
 */
int
pg_face_for(const struct pg_fontset *fs, unsigned style, uint32_t cp, int zh)
{
	int f;

	if (zh) {
		f = fs->map[PG_SCRIPT_CJK][style & 3];
		if (f >= 0 && f < fs->nfaces && fs->face[f].has != NULL &&
		    pg_face_has(&fs->face[f], cp))
			return f;
	}
	f = pg_fontset_pick(fs, style, cp);
	return f >= 0 && f < fs->nfaces && fs->face[f].adv != NULL ? f : 0;
}

static inline int	stretchable(const struct pg_lb *, size_t);
static int	shrinkable(const struct pg_lb *, size_t);

/* ---- storage ----------------------------------------------------------- */

static int
reserve(void *vp, size_t *cap, size_t need, size_t sz)
{
	void	**v = vp;
	size_t	  ncap;
	void	 *nv;

	if (need <= *cap)
		return 0;
	ncap = *cap ? *cap : 64;
	while (ncap < need)
		ncap *= 2;
	if (ncap > SIZE_MAX / sz || (nv = realloc(*v, ncap * sz)) == NULL)
		return -1;
	*v = nv;
	*cap = ncap;
	return 0;
}

void
pg_lb_free(struct pg_lb *b)
{
	free(b->buf);
	free(b->bb);
	free(b->roff);
	free(b->c);
	free(b->A);
	free(b->G);
	free(b->X);
	free(b->H);
	free(b->ln);
	memset(b, 0, sizeof(*b));
}

void
pg_lines_free(struct pg_lines *l)
{
	free(l->v);
	free(l->segbuf);
	memset(l, 0, sizeof(*l));
}

/* ---- analysis ---------------------------------------------------------- */

/*
 * A number's unit in Chinese stays whole: a run of at most three Han
 * characters right after a digit that ends the text or meets a non-Han
 * character ("186,000人次", "52分钟") has no break inside.
 */
static void
unit_glue(struct pg_lb *b)
{
	struct pg_lbchar *c = b->c;
	size_t	 k, e;

	for (k = 1; k < b->n; k++) {
		if (c[k].cls != PG_CL_HAN || c[k - 1].cp < '0' || c[k - 1].cp > '9')
			continue;
		for (e = k; e < b->n && c[e].cls == PG_CL_HAN && e - k < 4; e++)
			;
		if (e - k > 3 || (e < b->n && c[e].cls == PG_CL_HAN))
			continue;
		for (e--; e > k; e--)
			if (c[e].brk == 1)
				c[e].brk = 0;
	}
}

int
pg_lb_analyze(struct pg_lb *b, const struct pg_fontset *fs,
    const struct pg_run *runs, size_t nruns, unsigned style, double size,
    const char *lang)
{
	return pg_lb_analyze_pre(b, fs, runs, nruns, style, size, lang, NULL);
}

/*
 * Per-fontset tables for ASCII: class and face per style, filled lazily
 * (0xFF = not looked up yet): a short label analysed with a fresh pg_lb
 * (pg_break) looks up a dozen characters, not 640.
 */
static void
ascii_tables(struct pg_lb *b, const struct pg_fontset *fs)
{
	memset(b->acls, 0xFF, sizeof(b->acls));
	memset(b->aface, 0xFF, sizeof(b->aface));
	b->afs = fs;
	b->azh = b->zh;
}

int
pg_cp_nostart(uint32_t cp)
{
	return nostart(cp);
}

int
pg_cp_noend(uint32_t cp)
{
	return noend(cp);
}

/*
 * Give closing punctuation the face of the character before it and
 * opening punctuation the face of the character after it, where that face
 * has the glyph, so that no font change falls next to a mark that may not
 * start or end a line: readers that split text at font changes (mutool's
 * stext, and so pdf-lint) would otherwise see a line start with "," or
 * end with "(" after "(<strong>".
 */
static void
punct_faces(struct pg_lb *b, const struct pg_run *runs)
{
	struct pg_lbchar	*c = b->c;
	const struct pg_fontset	*fs = b->fs;
	size_t			 i, n = b->n;
	double			 scale = b->size / 1000.0;
	const unsigned		 st = PG_STYLE_STRONG | PG_STYLE_EM;

	/* never across a change of bold or italic: "<strong>118元</strong>。"
	 * keeps its full stop regular */
#define SAMESTYLE(a, z) (((runs[c[a].run].style ^ runs[c[z].run].style) & \
	    st) == 0)
	for (i = 1; i < n; i++)
		if (c[i].face != c[i - 1].face && nostart(c[i].cp) &&
		    SAMESTYLE(i - 1, i) &&
		    pg_face_has(&fs->face[c[i - 1].face], c[i].cp)) {
			c[i].face = c[i - 1].face;
			c[i].adv = pg_face_adv(&fs->face[c[i].face], c[i].cp) * scale;
		}
	for (i = n; i-- > 1; )
		if (c[i - 1].face != c[i].face && noend(c[i - 1].cp) &&
		    SAMESTYLE(i - 1, i) &&
		    pg_face_has(&fs->face[c[i].face], c[i - 1].cp)) {
			c[i - 1].face = c[i].face;
			c[i - 1].adv = pg_face_adv(&fs->face[c[i - 1].face],
			    c[i - 1].cp) * scale;
		}
#undef SAMESTYLE
}

int
pg_lb_analyze_pre(struct pg_lb *b, const struct pg_fontset *fs,
    const struct pg_run *runs, size_t nruns, unsigned style, double size,
    const char *lang, const char *pre)
{
	struct pg_lbchar	*c;
	size_t			 total = 0, i, r, k, rend, start, n;
	const char		*lbl;
	double			 gap, scale = size / 1000.0;
	uint32_t		 cp;

	b->fs = fs;
	b->size = size;
	b->zh = pg_lang_is_zh(lang);
	if (b->afs != fs || b->azh != b->zh)
		ascii_tables(b, fs);
	b->n = 0;
	b->nln = 0;
	if (reserve(&b->roff, &b->roffcap, nruns + 1, sizeof(size_t)) == -1)
		return -1;
	for (r = 0; r < nruns; r++) {
		b->roff[r] = total;
		total += runs[r].text != NULL ? strlen(runs[r].text) : 0;
	}
	b->roff[nruns] = total;
	b->nbytes = total;
	if (total >= UINT32_MAX)
		return -1;
	if (reserve(&b->buf, &b->bufcap, total + 1, 1) == -1)
		return -1;
	if (reserve(&b->bb, &b->bbcap, total + 1, 1) == -1)
		return -1;
	for (r = 0; r < nruns; r++)
		if (runs[r].text != NULL)
			memcpy(b->buf + b->roff[r], runs[r].text,
			    b->roff[r + 1] - b->roff[r]);
	b->buf[total] = '\0';
	if (total == 0)
		goto sums;

	if (pre != NULL)
		memcpy(b->bb, pre, total);
	else {
		if (!lb_inited) {
			init_linebreak();
			lb_inited = 1;
		}
		lbl = b->zh ? "zh" : (lang != NULL && (strncmp(lang, "ja", 2) ==
		    0 || strncmp(lang, "ko", 2) == 0)) ? lang : "en";
		set_linebreaks_utf8((const utf8_t *)b->buf, total, lbl, b->bb);
	}

	/* decode: at most one char per byte */
	if (reserve(&b->c, &b->ccap, total, sizeof(*b->c)) == -1)
		return -1;
	c = b->c;
	n = 0;
	for (r = 0; r < nruns; r++) {
		unsigned st = (style | runs[r].style) & 3;

		rend = b->roff[r + 1];
		for (i = b->roff[r]; i < rend; n++) {
			start = i;
			if ((unsigned char)b->buf[i] < 0x80) {
				cp = (unsigned char)b->buf[i++];
				if ((c[n].cls = b->acls[cp]) == 0xFF)
					c[n].cls = b->acls[cp] =
					    (uint8_t)pg_cp_class(cp, 0);
				if ((c[n].face = b->aface[st][cp]) == 0xFF)
					c[n].face = b->aface[st][cp] =
					    (uint8_t)pg_face_for(fs, st, cp,
					    b->zh);
			} else {
				cp = pg_utf8_next(b->buf, rend, &i);
				c[n].cls = (uint8_t)pg_cp_class(cp, b->zh);
				c[n].face = (uint8_t)pg_face_for(fs, st, cp, b->zh);
			}
			c[n].cp = cp;
			c[n].off = (uint32_t)(start - b->roff[r]);
			c[n].run = (uint32_t)r;
			c[n].blen = (uint8_t)(i - start);
			c[n].adv = c[n].cls == PG_CL_INVIS ? 0 :
			    pg_face_adv(&fs->face[c[n].face], cp) * scale;
			if (runs[r].style & PG_STYLE_SUP)
				c[n].adv *= PG_SUP_SCALE;
			c[n].gap = 0;
			c[n].url = 0;
			if (n == 0)
				c[n].brk = 0;
			else switch (b->bb[start - 1]) {
			case LINEBREAK_MUSTBREAK:
				c[n].brk = 2;
				break;
			case LINEBREAK_ALLOWBREAK:
				c[n].brk = 1;
				break;
			default:
				c[n].brk = 0;
			}
		}
	}
	b->n = n;
	punct_faces(b, runs);

	/* clreq tailorings */
	gap = size * PG_HANLAT_GAP;
	for (k = 1; k < n; k++) {
		struct pg_lbchar *a = &c[k - 1], *z = &c[k];

		if (((a->cls == PG_CL_HAN && z->cls == PG_CL_ALNUM) ||
		    (a->cls == PG_CL_ALNUM && z->cls == PG_CL_HAN)) &&
		    !((runs[a->run].style | runs[z->run].style) & PG_STYLE_SUP))
			z->gap = gap;	/* not around a raised footnote number */
		if (z->brk != 1)	/* the rules below only remove breaks */
			continue;
		if (nostart(z->cp) || noend(a->cp))
			z->brk = 0;
		else if (a->cp == z->cp && pairmark(a->cp))
			z->brk = 0;
		else if (a->cp >= '0' && a->cp <= '9' && z->cls == PG_CL_HAN)
			z->brk = 0;
		else if ((a->cp == 0x5E74 || a->cp == 0x6708) && k >= 2 &&
		    c[k - 2].cp >= '0' && c[k - 2].cp <= '9' &&
		    z->cp >= '0' && z->cp <= '9')
			z->brk = 0;	/* a date: 2027年6月30日 */
	}
	unit_glue(b);
	pg_lb_mark_urls(b);

sums:
	if (reserve(&b->A, &b->acap, b->n + 1, sizeof(double)) == -1)
		return -1;
	if (reserve(&b->G, &b->gcap, b->n + 1, sizeof(double)) == -1)
		return -1;
	if (reserve(&b->X, &b->xcap, b->n + 1, sizeof(double)) == -1 ||
	    reserve(&b->H, &b->hcap, b->n + 1, sizeof(double)) == -1)
		return -1;
	b->A[0] = 0;
	b->G[0] = 0;
	b->X[0] = 0;
	b->H[0] = 0;
	for (k = 0; k < b->n; k++) {
		int last = k + 1 >= b->n;

		b->A[k + 1] = b->A[k] + b->c[k].adv;
		b->G[k + 1] = b->G[k] + (last ? 0 : b->c[k + 1].gap);
		b->X[k + 1] = b->X[k] + (last ? 0 : stretchable(b, k + 1));
		b->H[k + 1] = b->H[k] + (last || !shrinkable(b, k + 1) ? 0 :
		    b->c[k].adv / 3);
	}
	return 0;
}

/* ---- measuring --------------------------------------------------------- */


/* e without trailing spaces and invisible characters (not below s). */
static size_t
trim(const struct pg_lb *b, size_t s, size_t e)
{
	while (e > s && (b->c[e - 1].cls == PG_CL_SPACE ||
	    b->c[e - 1].cls == PG_CL_INVIS))
		e--;
	return e;
}

static size_t
skip_space(const struct pg_lb *b, size_t s)
{
	while (s < b->n && (b->c[s].cls == PG_CL_SPACE ||
	    b->c[s].cls == PG_CL_INVIS))
		s++;
	return s;
}

/* Width of a line [s, e) as drawn (trailing spaces dropped). */
static double
lwidth(const struct pg_lb *b, size_t s, size_t e)
{
	e = trim(b, s, e);
	return e > s ? pg_lb_span(b, s, e) : 0;
}

void
pg_lb_minmax(const struct pg_lb *b, double *minw, double *maxw)
{
	size_t	 k, unit = 0, line = 0;
	double	 w, mn = 0, mx = 0;

	for (k = 1; k <= b->n; k++) {
		if (k < b->n && b->c[k].brk == 0)
			continue;
		w = lwidth(b, skip_space(b, unit) < k ? skip_space(b, unit) : k, k);
		if (w > mn)
			mn = w;
		unit = k;
		if (k == b->n || b->c[k].brk == 2) {
			w = lwidth(b, skip_space(b, line) < k ? skip_space(b, line) : k, k);
			if (w > mx)
				mx = w;
			line = k;
		}
	}
	*minw = mn;
	*maxw = mx;
}

/* Last resort: the most characters of [s, e) that fit in W (at least one). */
static size_t
char_point(const struct pg_lb *b, size_t s, size_t e, double W)
{
	size_t p, q;

	for (p = s + 1; p + 1 < e && pg_lb_span(b, s, p + 1) <= W + EPS; p++)
		;
	for (q = p; q > s + 1 && (nostart(b->c[q].cp) ||
	    noend(b->c[q - 1].cp) || b->c[q].cls == PG_CL_INVIS); q--)
		;
	return q;
}

/* A gap justification may stretch: after a space, or between CJK chars. */
static inline int
stretchable(const struct pg_lb *b, size_t i)
{
	const struct pg_lbchar *a = &b->c[i - 1], *z = &b->c[i];

	if (a->cls == PG_CL_SPACE)
		return z->cls != PG_CL_SPACE && z->cls != PG_CL_INVIS;
	if (a->cp == z->cp && pairmark(a->cp))
		return 0;	/* —— and …… stay one mark */
	return (a->cls == PG_CL_HAN || a->cls == PG_CL_CJK) &&
	    (z->cls == PG_CL_HAN || z->cls == PG_CL_CJK);
}

/* A gap justification may shrink: after an ASCII space (by 1/3 of it). */
static inline int
shrinkable(const struct pg_lb *b, size_t i)
{
	return b->c[i - 1].cp == ' ' && b->c[i].cls != PG_CL_SPACE &&
	    b->c[i].cls != PG_CL_INVIS;
}

/* Stretchable gaps inside [s, e). */
static size_t
count_stretch(const struct pg_lb *b, size_t s, size_t e)
{
	return e > s ? (size_t)(b->X[e - 1] - b->X[s] + 0.5) : 0;
}

/* How much the spaces inside [s, e) may shrink, pt. */
static double
shrink_cap(const struct pg_lb *b, size_t s, size_t e)
{
	return e > s ? b->H[e - 1] - b->H[s] : 0;
}

/* Letters, digits and Han characters in [s, e). */
static size_t
count_sig(const struct pg_lb *b, size_t s, size_t e)
{
	size_t i, n = 0;

	for (i = s; i < e; i++)
		n += b->c[i].cls == PG_CL_HAN || b->c[i].cls == PG_CL_ALNUM;
	return n;
}

static int
push_line(struct pg_lb *b, size_t s, size_t e, int hyph)
{
	struct pg_lbline *l;

	if (reserve(&b->ln, &b->lncap, b->nln + 1, sizeof(*b->ln)) == -1)
		return -1;
	l = &b->ln[b->nln++];
	l->s = s;
	l->e = e;
	l->hyph = hyph;
	l->last = e >= b->n || b->c[e].brk == 2;
	return 0;
}

/* 1 if the unit starting at s is wider than W on a line of its own. */
static int
too_wide(const struct pg_lb *b, size_t s, double W)
{
	size_t u;

	for (u = s + 1; u < b->n && b->c[u].brk == 0; u++)
		if (pg_lb_span(b, s, u + 1) > W + EPS)
			return 1;
	return lwidth(b, s, u) > W + EPS;
}

/* Greedy breaking into b->ln. */
static int
break_greedy(struct pg_lb *b, double W, int justify)
{
	size_t	 s, k, best, bestsh, p, nx, e;
	int	 hy;
	double	 half = b->size / 2, w, sh, r1, r2;

	b->nln = 0;
	for (s = skip_space(b, 0); s < b->n; s = skip_space(b, best)) {
		best = bestsh = 0;
		for (k = s + 1; k <= b->n; k++) {
			sh = justify ? shrink_cap(b, s, k) : 0;
			if (k < b->n && b->c[k].brk == 0) {
				/* stop inside an over-long token: no quadratic scans */
				if (b->c[k - 1].cls != PG_CL_SPACE &&
				    b->c[k - 1].cls != PG_CL_INVIS &&
				    pg_lb_span(b, s, k) - sh > W + EPS)
					break;
				continue;
			}
			w = lwidth(b, s, k);
			if (w > W + EPS) {
				/* a justified line may fit if its spaces shrink */
				e = trim(b, s, k);
				if (justify && best > 0 && k < b->n &&
				    b->c[k].brk != 2 &&
				    w - shrink_cap(b, s, e) <= W + EPS) {
					bestsh = k;
					continue;
				}
				break;
			}
			best = k;
			if (k < b->n && b->c[k].brk == 2)
				break;
		}
		hy = 0;
		if (bestsh > 0) {
			/* shrink if that distorts less than stretching */
			e = trim(b, s, best);
			nx = count_stretch(b, s, e);
			r1 = nx > 0 ? (W - lwidth(b, s, best)) / ((double)nx *
			    half) : 1e9;
			e = trim(b, s, bestsh);
			r2 = (lwidth(b, s, bestsh) - W) / shrink_cap(b, s, e);
			if (r2 < r1) {
				if (push_line(b, s, bestsh, 0) == -1)
					return -1;
				best = bestsh;
				continue;
			}
		}
		if (best == 0) {
			/* the first unit does not fit (it overflows at k) */
			if (k > b->n)
				k = b->n;
			if ((p = pg_lb_hyph_point(b, s, s, W)) != 0) {
				best = p;
				hy = 1;
			} else
				best = char_point(b, s, k, W);
		} else if (best < b->n && b->c[best].brk != 2 &&
		    pg_lb_is_alpha(b->c[best].cp) && too_wide(b, best, W) &&
		    (p = pg_lb_hyph_point(b, s, best, W)) != 0) {
			/* the next word will be hyphenated anyway: fill up */
			best = p;
			hy = 1;
		} else if (justify && best < b->n && b->c[best].brk != 2 &&
		    k <= b->n) {
			/* too loose?  try to hyphenate the next word */
			e = trim(b, s, best);
			w = e > s ? pg_lb_span(b, s, e) : 0;
			nx = count_stretch(b, s, e);
			if (pg_lb_is_alpha(b->c[best].cp) && (nx == 0 ?
			    W - w > half : (W - w) / (double)nx > half) &&
			    (p = pg_lb_hyph_point(b, s, best, W)) != 0) {
				best = p;
				hy = 1;
			}
		}
		if (push_line(b, s, best, hy) == -1)
			return -1;
	}

	/* the last line keeps two letters, digits or Han characters */
	if (b->nln >= 2) {
		struct pg_lbline *P = &b->ln[b->nln - 2], *L = &b->ln[b->nln - 1];

		if (!P->hyph && !P->last && count_sig(b, L->s, b->n) < 2) {
			for (k = P->e - 1; k > P->s && b->c[k].brk != 1; k--)
				;
			if (k > P->s && count_sig(b, P->s, k) >= 1 &&
			    lwidth(b, skip_space(b, k), b->n) <= W + EPS) {
				P->e = k;
				L->s = skip_space(b, k);
			}
		}
	}
	return 0;
}

int
pg_lb_lines(struct pg_lb *b, const struct pg_tstyle *ts, double W,
    struct pg_lines *out)
{
	int		 justify = ts->align == PG_ALIGN_JUSTIFY;
	size_t		 li, i, e, nseg;
	double		 nat, hw, per, shf, cap, x, dx, half = b->size / 2;
	struct pg_seg	*sg;

	if (break_greedy(b, W, justify) == -1)
		return -1;
	out->n = 0;
	out->nseg = 0;
	if (reserve(&out->v, &out->cap, b->nln, sizeof(*out->v)) == -1 ||
	    reserve(&out->segbuf, &out->segcap, b->n + b->nln,
	    sizeof(*out->segbuf)) == -1)
		return -1;
	for (li = 0; li < b->nln; li++) {
		const struct pg_lbline *l = &b->ln[li];

		e = trim(b, l->s, l->e);
		hw = l->hyph && e > l->s ? pg_lb_hyphen_w(b, e - 1) : 0;
		nat = (e > l->s ? pg_lb_span(b, l->s, e) : 0) + hw;
		per = shf = 0;
		if (justify && !l->last && nat < W) {
			size_t nx = count_stretch(b, l->s, e);
			if (nx > 0) {
				per = (W - nat) / (double)nx;
				if (per > half)
					per = half;
			}
		} else if (justify && !l->last && nat > W &&
		    (cap = shrink_cap(b, l->s, e)) > 0) {
			shf = (nat - W) / cap;
			if (shf > 1)
				shf = 1;
		}
		switch (ts->align) {
		case PG_ALIGN_CENTER:
			x = nat < W ? (W - nat) / 2 : 0;
			break;
		case PG_ALIGN_RIGHT:
			x = nat < W ? W - nat : 0;
			break;
		default:
			x = 0;
		}
		nseg = 0;
		sg = NULL;
		for (i = l->s; i < e; i++) {
			const struct pg_lbchar *ch = &b->c[i];

			if (ch->cls == PG_CL_INVIS) {
				sg = NULL;
				continue;
			}
			dx = 0;
			if (i > l->s) {
				dx = ch->gap;
				if (per > 0 && stretchable(b, i))
					dx += per;
				else if (shf > 0 && shrinkable(b, i))
					dx -= shf * b->c[i - 1].adv / 3;
			}
			x += dx;
			if (sg == NULL || dx != 0 || ch->face != sg->face ||
			    ch->run != sg->run) {
				sg = &out->segbuf[out->nseg + nseg++];
				sg->run = ch->run;
				sg->off = ch->off;
				sg->len = ch->blen;
				sg->x = x;
				sg->w = ch->adv;
				sg->face = ch->face;
				sg->hyphen = 0;
				sg->join = i > l->s && ch->gap > 0 &&
				    b->c[i - 1].cls != PG_CL_SPACE &&
				    b->c[i - 1].cls != PG_CL_INVIS;
			} else {
				sg->len += ch->blen;
				sg->w += ch->adv;
			}
			x += ch->adv;
		}
		if (l->hyph && nseg > 0)
			out->segbuf[out->nseg + nseg - 1].hyphen = 1;
		out->v[li].nsegs = nseg;
		out->v[li].width = nat;
		out->nseg += nseg;
	}
	out->n = b->nln;
	for (li = 0, nseg = 0; li < out->n; li++) {
		out->v[li].segs = out->segbuf + nseg;
		nseg += out->v[li].nsegs;
	}
	return 0;
}

int
pg_break(const struct pg_fontset *fs, const struct pg_run *runs, size_t nruns,
    const struct pg_tstyle *ts, double width, const char *lang,
    struct pg_lines *out)
{
	struct pg_lb	b;
	int		rc;

	memset(out, 0, sizeof(*out));
	memset(&b, 0, sizeof(b));
	rc = pg_lb_analyze(&b, fs, runs, nruns, ts->style, ts->size, lang);
	if (rc == 0)
		rc = pg_lb_lines(&b, ts, width, out);
	pg_lb_free(&b);
	if (rc == -1)
		pg_lines_free(out);
	return rc;
}
