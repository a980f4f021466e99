/*
 * test_linebreak.c — line breaking with the fixed-width fake fontset:
 * Latin characters 0.5 em, CJK characters 1 em, size 10 pt, so every
 * position is exact (Latin 5 pt, Han 10 pt, Han/Latin gap 1.875 pt).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "layout/font.h"
#include "layout/layout.h"
#include "base/utf8.h"

#define SZ	10.0
#define GAP	(SZ * PG_HANLAT_GAP)
#define NEAR(a, b)	assert_true(fabs_((a) - (b)) < 1e-9)

static struct pg_fontset fs;

static double
fabs_(double v)
{
	return v < 0 ? -v : v;
}

static int
setup(void **state)
{
	(void)state;
	return pg_fontset_fake(&fs, 500);
}

static int
teardown(void **state)
{
	(void)state;
	pg_fontset_free(&fs);
	return 0;
}

static struct pg_tstyle
style(enum pg_align a)
{
	struct pg_tstyle ts;

	memset(&ts, 0, sizeof(ts));
	ts.size = SZ;
	ts.leading = 15;
	ts.align = a;
	return ts;
}

/* Break one run; lines as text ("-" appended for hyphens) into out[]. */
static size_t
brk(const char *text, double w, enum pg_align a, const char *lang,
    struct pg_lines *ls, char out[][256], size_t max)
{
	struct pg_run		 run = { text, 0 };
	struct pg_tstyle	 ts = style(a);
	size_t			 i, j;

	assert_int_equal(pg_break(&fs, &run, 1, &ts, w, lang, ls), 0);
	for (i = 0; i < ls->n && i < max; i++) {
		out[i][0] = '\0';
		for (j = 0; j < ls->v[i].nsegs; j++) {
			const struct pg_seg *s = &ls->v[i].segs[j];
			strncat(out[i], text + s->off, s->len);
			if (s->hyphen)
				strcat(out[i], "-");
		}
	}
	return ls->n;
}

/* First code point of s. */
static uint32_t
first_cp(const char *s)
{
	size_t i = 0;

	return s[0] ? pg_utf8_next(s, strlen(s), &i) : 0;
}

/* Last code point of s. */
static uint32_t
last_cp(const char *s)
{
	size_t i = 0, n = strlen(s);
	uint32_t cp = 0;

	while (i < n)
		cp = pg_utf8_next(s, n, &i);
	return cp;
}

/* typography.md check 1: every mark, where a naive break puts it first. */
static void
no_closing_mark_at_start(void **state)
{
	static const char *marks[] = { "、", "。", "，", "．", "：", "；", "？",
	    "！", "）", "］", "｝", "〕", "〗", "】", "》", "〉", "」", "』", "”",
	    "’", "·", "・", "～", "％", "‰", "℃", "／", ",", ".", ";", ":", "?",
	    "!", ")", "]", "}", "%", NULL };
	const char	*langs[] = { "zh-CN", "en" };
	char		 text[64], out[8][256];
	struct pg_lines	 ls;
	size_t		 i, k, n;

	(void)state;
	for (k = 0; k < 2; k++)
		for (i = 0; marks[i] != NULL; i++) {
			/* 4 Han fill the 40 pt line exactly: the mark would be next */
			snprintf(text, sizeof(text), "一二三四%s五六", marks[i]);
			n = brk(text, 40, PG_ALIGN_LEFT, langs[k], &ls, out, 8);
			assert_int_equal(n, 2);
			assert_string_equal(out[0], "一二三");
			assert_int_not_equal(first_cp(out[1]), first_cp(marks[i]));
			pg_lines_free(&ls);
		}
}

/* check 2: opening marks never end a line. */
static void
no_opening_mark_at_end(void **state)
{
	static const char *marks[] = { "（", "［", "｛", "〔", "〖", "【", "《",
	    "〈", "「", "『", "“", "‘", "(", "[", "{", NULL };
	char		 text[64], out[8][256];
	struct pg_lines	 ls;
	size_t		 i, n;

	(void)state;
	for (i = 0; marks[i] != NULL; i++) {
		/* the mark is the last thing that fits on the 40 pt line */
		snprintf(text, sizeof(text), "一二三%s四五六", marks[i]);
		n = brk(text, 40, PG_ALIGN_LEFT, "zh-CN", &ls, out, 8);
		assert_int_equal(n, 2);
		assert_string_equal(out[0], "一二三");
		assert_int_equal(first_cp(out[1]), first_cp(marks[i]));
		assert_int_not_equal(last_cp(out[0]), first_cp(marks[i]));
		pg_lines_free(&ls);
	}
}

/* check 7: Han/Latin glue is 3/16 em, absent at line edges and next to spaces. */
static void
han_latin_gap(void **state)
{
	char		 out[8][256];
	struct pg_lines	 ls;
	const struct pg_line *l;

	(void)state;
	assert_true(GAP >= SZ / 8 && GAP <= SZ / 4);
	brk("中文English混排", 400, PG_ALIGN_LEFT, "zh-CN", &ls, out, 8);
	assert_int_equal(ls.n, 1);
	l = &ls.v[0];
	assert_int_equal(l->nsegs, 3);
	NEAR(l->segs[0].x, 0);
	NEAR(l->segs[0].w, 20);
	NEAR(l->segs[1].x, 20 + GAP);
	NEAR(l->segs[1].w, 35);
	NEAR(l->segs[2].x, 20 + GAP + 35 + GAP);
	NEAR(l->width, 20 + 35 + 20 + 2 * GAP);
	/* in Chinese text the CJK face draws the Latin letters too */
	assert_int_equal(l->segs[0].face, 1);
	assert_int_equal(l->segs[1].face, 1);
	pg_lines_free(&ls);

	/* in English text the Latin face does; the glue is the same */
	brk("中文English混排", 400, PG_ALIGN_LEFT, "en", &ls, out, 8);
	assert_int_equal(ls.v[0].nsegs, 3);
	assert_int_equal(ls.v[0].segs[0].face, 1);
	assert_int_equal(ls.v[0].segs[1].face, 0);
	NEAR(ls.v[0].segs[1].x, 20 + GAP);
	pg_lines_free(&ls);

	/* the source has a space: no glue added to it */
	brk("中文 English", 400, PG_ALIGN_LEFT, "zh-CN", &ls, out, 8);
	assert_int_equal(ls.v[0].nsegs, 1);	/* one face, no glue */
	NEAR(ls.v[0].width, 60);
	pg_lines_free(&ls);
	brk("中文 English", 400, PG_ALIGN_LEFT, "en", &ls, out, 8);
	assert_int_equal(ls.v[0].nsegs, 2);
	NEAR(ls.v[0].segs[1].x, 20);	/* " English": the space leads it */
	NEAR(ls.v[0].segs[1].w, 40);
	NEAR(ls.v[0].width, 60);
	pg_lines_free(&ls);

	/*
	 * Punctuation keeps to its neighbour's face, so no font change falls
	 * right before a closing mark or right after an opening one (text
	 * extractors split lines at font changes): in English text ")" after
	 * 中 and "(" before 中 come from the CJK face.
	 */
	brk("x中) (中x", 400, PG_ALIGN_LEFT, "en", &ls, out, 8);
	/* x | 中) | space | (中 | x */
	assert_int_equal(ls.v[0].nsegs, 5);
	assert_int_equal(ls.v[0].segs[1].len, strlen("中)"));
	assert_int_equal(ls.v[0].segs[1].face, 1);
	assert_int_equal(ls.v[0].segs[3].len, strlen("(中"));
	assert_int_equal(ls.v[0].segs[3].face, 1);
	pg_lines_free(&ls);

	/* digits too; the glue vanishes at the start of a line */
	brk("一二三四12345", 40, PG_ALIGN_LEFT, "zh-CN", &ls, out, 8);
	assert_int_equal(ls.n, 2);
	assert_string_equal(out[0], "一二三四");
	NEAR(ls.v[0].width, 40);
	NEAR(ls.v[1].segs[0].x, 0);
	NEAR(ls.v[1].width, 25);
	pg_lines_free(&ls);

	/* ... and at the end of one */
	brk("ABCDEF一二三", 30, PG_ALIGN_RIGHT, "zh-CN", &ls, out, 8);
	assert_int_equal(ls.n, 2);
	assert_string_equal(out[0], "ABCDEF");
	NEAR(ls.v[0].width, 30);
	NEAR(ls.v[0].segs[0].x, 0);
	assert_string_equal(out[1], "一二三");
	NEAR(ls.v[1].segs[0].x, 0);
	pg_lines_free(&ls);
}

/* check 3: —— and …… stay whole where a naive break would split them. */
static void
dashes_and_ellipses(void **state)
{
	char		 out[8][256];
	struct pg_lines	 ls;

	(void)state;
	/* "一二三—" is exactly 40 pt */
	brk("一二三——四五", 40, PG_ALIGN_LEFT, "zh-CN", &ls, out, 8);
	assert_int_equal(ls.n, 2);
	assert_string_equal(out[0], "一二三");
	assert_string_equal(out[1], "——四五");
	assert_int_equal(ls.v[1].segs[0].face, 1);	/* full width, CJK face */
	pg_lines_free(&ls);
	/* "一二三…" is exactly 40 pt; no break before …… either */
	brk("一二三……四五", 40, PG_ALIGN_LEFT, "zh-CN", &ls, out, 8);
	assert_int_equal(ls.n, 3);
	assert_string_equal(out[0], "一二");
	assert_string_equal(out[1], "三……");
	assert_string_equal(out[2], "四五");
	pg_lines_free(&ls);
}

/* check 4: ¥1,234.50, 11.6% and 2027年 are never split. */
static void
numbers_whole(void **state)
{
	char		 out[8][256];
	struct pg_lines	 ls;

	(void)state;
	/* "一二¥1,23" fits 57 pt: a naive break would split the amount */
	brk("一二¥1,234.50元", 57, PG_ALIGN_LEFT, "zh-CN", &ls, out, 8);
	assert_int_equal(ls.n, 2);
	assert_string_equal(out[0], "一二");
	assert_string_equal(out[1], "¥1,234.50元");
	pg_lines_free(&ls);
	/* "一二11.6" fits 45 pt */
	brk("一二11.6%增长", 45, PG_ALIGN_LEFT, "zh-CN", &ls, out, 8);
	assert_int_equal(ls.n, 2);
	assert_string_equal(out[0], "一二");
	assert_string_equal(out[1], "11.6%增长");
	pg_lines_free(&ls);
	/* "一二2027" fits 50 pt; UAX #14 alone would break before 年 */
	brk("一二2027年三", 50, PG_ALIGN_LEFT, "zh-CN", &ls, out, 8);
	assert_int_equal(ls.n, 2);
	assert_string_equal(out[0], "一二");
	assert_string_equal(out[1], "2027年三");
	pg_lines_free(&ls);
}

/* URLs break after '/', never before it, and not after '-' inside them. */
static void
url_after_slash(void **state)
{
	char		 out[8][256];
	struct pg_lines	 ls;

	(void)state;
	/* UAX #14 alone would end line 2 with "some-" */
	brk("See https://example.com/some-long-path/x", 100, PG_ALIGN_LEFT,
	    "en", &ls, out, 8);
	assert_int_equal(ls.n, 3);
	assert_string_equal(out[0], "See https://");
	assert_string_equal(out[1], "example.com/");
	assert_string_equal(out[2], "some-long-path/x");
	pg_lines_free(&ls);
	/* outside URLs a hyphen is still a break opportunity */
	brk("See example some-long-path", 100, PG_ALIGN_LEFT, "en", &ls, out,
	    8);
	assert_int_equal(ls.n, 2);
	assert_string_equal(out[0], "See example some-");
	pg_lines_free(&ls);
}

/*
 * Addresses are never hyphenated: a URL without a scheme, an e-mail
 * address, a path — any token with '/', ':', '@' or '.' between letters
 * or digits.  A hyphen added there would be copied with the text
 * ("book-" + "ing").  They break at UAX #14 opportunities, and a segment
 * wider than the line by a last-resort break, without a hyphen.
 */
static void
addresses_not_hyphenated(void **state)
{
	static const char *texts[] = {
		"See example.com/marketingoverview",
		"Mail bookings@example.com now",
		"Read it at docs/marketingoverview now",
		"Write to mailto:marketingoverview now",
		"预约请访问example.com/marketingoverview。",
		NULL
	};
	char		 out[8][256], joined[256], want[256];
	struct pg_lines	 ls;
	size_t		 i, k, n, w;
	const char	*t;
	char		*o;

	(void)state;
	/* a loose justified line is not filled up with "mar-" */
	n = brk(texts[0], 100, PG_ALIGN_JUSTIFY, "en", &ls, out, 8);
	assert_int_equal(n, 2);
	assert_string_equal(out[0], "See example.com/");
	assert_string_equal(out[1], "marketingoverview");
	pg_lines_free(&ls);
	/* too wide for any line: split where it must, with no hyphen */
	n = brk(texts[1], 60, PG_ALIGN_LEFT, "en", &ls, out, 8);
	assert_int_equal(n, 3);
	assert_string_equal(out[0], "Mail");
	assert_string_equal(out[1], "bookings@exa");
	assert_string_equal(out[2], "mple.com now");
	pg_lines_free(&ls);
	/* every text at every width: no hyphen, the text comes back whole */
	for (k = 0; texts[k] != NULL; k++)
		for (w = 30; w <= 200; w += 5) {
			n = brk(texts[k], (double)w, w % 2 ? PG_ALIGN_LEFT :
			    PG_ALIGN_JUSTIFY, k == 4 ? "zh-CN" : "en", &ls, out, 8);
			assert_true(n <= 8);
			joined[0] = '\0';
			for (i = 0; i < n; i++) {
				assert_int_equal(ls.v[i].segs[ls.v[i].nsegs - 1].hyphen,
				    0);
				strcat(joined, out[i]);
			}
			for (t = texts[k], o = want; *t != '\0'; t++)
				if (*t != ' ')
					*o++ = *t;
			*o = '\0';
			for (t = joined, o = joined; *t != '\0'; t++)
				if (*t != ' ')
					*o++ = *t;
			*o = '\0';
			assert_string_equal(joined, want);
			pg_lines_free(&ls);
		}
	/* an ordinary word in the same place still is hyphenated */
	n = brk("See example marketingoverview", 100, PG_ALIGN_JUSTIFY, "en",
	    &ls, out, 8);
	assert_int_equal(n, 2);
	assert_int_equal(out[0][strlen(out[0]) - 1], '-');
	pg_lines_free(&ls);
}

/* check 5: a word wider than the column is hyphenated, not cut anywhere. */
static void
hyphenation(void **state)
{
	char		 out[8][256], joined[256] = "";
	struct pg_lines	 ls;
	size_t		 i, n;

	(void)state;
	n = brk("internationalization", 50, PG_ALIGN_LEFT, "en", &ls, out, 8);
	assert_true(n >= 2);
	for (i = 0; i < n; i++) {
		size_t len = strlen(out[i]);

		assert_true(ls.v[i].width <= 50 + 1e-9);
		if (i + 1 < n) {
			assert_int_equal(out[i][len - 1], '-');
			assert_int_equal(ls.v[i].segs[ls.v[i].nsegs - 1].hyphen, 1);
			out[i][len - 1] = '\0';
		}
		strcat(joined, out[i]);
	}
	assert_string_equal(joined, "internationalization");
	/* the patterns' points, not just any letter: inter-na-tion-al-iza-tion */
	assert_int_equal(n, 3);
	assert_string_equal(out[0], "interna");
	assert_string_equal(out[1], "tionaliza");
	pg_lines_free(&ls);

	/* a word that fits is never hyphenated */
	n = brk("a internationalization", 100, PG_ALIGN_LEFT, "en", &ls, out, 8);
	assert_int_equal(n, 2);
	assert_string_equal(out[0], "a");
	assert_string_equal(out[1], "internationalization");
	pg_lines_free(&ls);
}

/* A token that is not a word breaks at the last character that fits. */
static void
last_resort(void **state)
{
	char		 out[8][256];
	struct pg_lines	 ls;

	(void)state;
	brk("1234567890123", 30, PG_ALIGN_LEFT, "en", &ls, out, 8);
	assert_int_equal(ls.n, 3);
	assert_string_equal(out[0], "123456");
	assert_string_equal(out[1], "789012");
	assert_string_equal(out[2], "3");
	pg_lines_free(&ls);
}

/* checks 8, 9: justified lines end flush; no gap stretched > 1/2 em. */
static void
justification(void **state)
{
	char		 out[8][256];
	struct pg_lines	 ls;
	size_t		 i, j;
	const struct pg_line *l;

	(void)state;
	/* 4 Han per 45 pt line: 5 pt over 3 gaps */
	brk("一二三四五六七八九十甲乙", 45, PG_ALIGN_JUSTIFY, "zh-CN", &ls, out,
	    8);
	assert_int_equal(ls.n, 3);
	for (i = 0; i < 2; i++) {
		l = &ls.v[i];
		assert_int_equal(l->nsegs, 4);
		NEAR(l->segs[3].x + l->segs[3].w, 45);
		for (j = 1; j < 4; j++)
			NEAR(l->segs[j].x - (l->segs[j - 1].x + 10), 5.0 / 3);
	}
	/* the last line is not justified */
	l = &ls.v[2];
	assert_int_equal(l->nsegs, 1);
	NEAR(l->segs[0].x, 0);
	NEAR(l->width, 40);
	pg_lines_free(&ls);

	/* English: spaces stretch, letters inside words never move */
	brk("aaa bbb ccc ddd eee fff", 40, PG_ALIGN_JUSTIFY, "en", &ls, out, 8);
	assert_int_equal(ls.n, 3);
	assert_string_equal(out[0], "aaa bbb");
	l = &ls.v[0];
	assert_int_equal(l->nsegs, 2);
	NEAR(l->segs[0].w, 20);		/* "aaa " in one piece */
	NEAR(l->segs[1].x, 25);		/* 5 pt extra in the one space */
	NEAR(l->segs[1].x + l->segs[1].w, 40);
	pg_lines_free(&ls);

	/* one more word fits if the spaces shrink (by at most 1/3): 55 -> 52 */
	brk("aaa bbb ccc ddd", 52, PG_ALIGN_JUSTIFY, "en", &ls, out, 8);
	assert_int_equal(ls.n, 2);
	assert_string_equal(out[0], "aaa bbb ccc");
	l = &ls.v[0];
	assert_int_equal(l->nsegs, 3);
	NEAR(l->segs[1].x, 20 - 1.5);
	NEAR(l->segs[2].x, 40 - 3);
	NEAR(l->segs[2].x + l->segs[2].w, 52);
	pg_lines_free(&ls);
	/* ... but not beyond 1/3 of a space, and never when not justifying */
	brk("aaa bbb ccc ddd", 51, PG_ALIGN_JUSTIFY, "en", &ls, out, 8);
	assert_string_equal(out[0], "aaa bbb");
	pg_lines_free(&ls);
	brk("aaa bbb ccc ddd", 52, PG_ALIGN_LEFT, "en", &ls, out, 8);
	assert_string_equal(out[0], "aaa bbb");
	pg_lines_free(&ls);

	/* the one gap would need 15 pt: capped at 5 pt (1/2 em) */
	brk("aaa bbb 12345678", 50, PG_ALIGN_JUSTIFY, "en", &ls, out, 8);
	assert_int_equal(ls.n, 2);
	assert_string_equal(out[0], "aaa bbb");
	l = &ls.v[0];
	assert_int_equal(l->nsegs, 2);
	NEAR(l->segs[1].x, 20 + SZ / 2);
	pg_lines_free(&ls);

	/* Han text: every gap stretched the same, at most 1/2 em */
	/* "“四" is one unit: 19 pt over 3 gaps would be 6.33 pt each */
	brk("一二三。“四五”", 59, PG_ALIGN_JUSTIFY, "zh-CN", &ls, out, 8);
	assert_int_equal(ls.n, 2);
	assert_string_equal(out[0], "一二三。");
	l = &ls.v[0];
	for (j = 1; j < l->nsegs; j++)
		NEAR(l->segs[j].x - (l->segs[j - 1].x + l->segs[j - 1].w),
		    SZ / 2);
	pg_lines_free(&ls);

	/* —— is never pulled apart by stretching: 5 pt over 4 gaps, not 5 */
	brk("一二——三四五六七", 65, PG_ALIGN_JUSTIFY, "zh-CN", &ls, out, 8);
	assert_int_equal(ls.n, 2);
	assert_string_equal(out[0], "一二——三四");
	l = &ls.v[0];
	assert_int_equal(l->nsegs, 5);
	assert_int_equal(l->segs[2].len, 6);		/* "——" in one piece */
	NEAR(l->segs[2].x, 20 + 2 * 1.25);
	NEAR(l->segs[4].x + l->segs[4].w, 65);
	pg_lines_free(&ls);

	/* URLs are never hyphenated, even to fill a loose line */
	brk("See https://example.com/marketingoverview", 100, PG_ALIGN_JUSTIFY,
	    "en", &ls, out, 8);
	for (i = 0; i < ls.n; i++)
		for (j = 0; j < ls.v[i].nsegs; j++)
			assert_int_equal(ls.v[i].segs[j].hyphen, 0);
	pg_lines_free(&ls);
}

/* check 10: the last line keeps two characters besides punctuation. */
static void
last_line_two_chars(void **state)
{
	char		 out[8][256];
	struct pg_lines	 ls;

	(void)state;
	brk("一二三四五六七八九。", 40, PG_ALIGN_LEFT, "zh-CN", &ls, out, 8);
	assert_int_equal(ls.n, 3);
	assert_string_equal(out[0], "一二三四");
	assert_string_equal(out[1], "五六七");
	assert_string_equal(out[2], "八九。");
	pg_lines_free(&ls);
}

/* A run boundary is not a break opportunity; each run keeps its face. */
static void
runs_as_one_text(void **state)
{
	struct pg_run	 runs[] = { { "Hel", 0 }, { "lo", PG_STYLE_STRONG },
	    { " world", 0 } };
	struct pg_tstyle ts = style(PG_ALIGN_LEFT);
	struct pg_lines	 ls;

	(void)state;
	assert_int_equal(pg_break(&fs, runs, 3, &ts, 25, "en", &ls), 0);
	assert_int_equal(ls.n, 2);
	assert_int_equal(ls.v[0].nsegs, 2);
	assert_int_equal(ls.v[0].segs[0].run, 0);
	assert_int_equal(ls.v[0].segs[1].run, 1);
	NEAR(ls.v[0].segs[1].x, 15);
	assert_int_equal(ls.v[1].segs[0].run, 2);
	assert_int_equal(ls.v[1].segs[0].off, 1);
	assert_int_equal(ls.v[1].segs[0].len, 5);
	pg_lines_free(&ls);
}

/* Quotes: full width from the CJK face in Chinese, Latin face in English. */
static void
quotes_by_language(void **state)
{
	char		 out[8][256];
	struct pg_lines	 ls;

	(void)state;
	brk("“Hi”", 400, PG_ALIGN_LEFT, "zh-CN", &ls, out, 8);
	assert_int_equal(ls.v[0].segs[0].face, 1);
	NEAR(ls.v[0].width, 30);
	pg_lines_free(&ls);
	brk("“Hi”", 400, PG_ALIGN_LEFT, "en", &ls, out, 8);
	assert_int_equal(ls.v[0].nsegs, 1);
	assert_int_equal(ls.v[0].segs[0].face, 0);
	NEAR(ls.v[0].width, 20);
	pg_lines_free(&ls);
}

static void
font_tables(void **state)
{
	(void)state;
	assert_true(pg_is_cjk(0x4E2D));
	assert_true(pg_is_cjk(0x3002));
	assert_true(pg_is_cjk(0xFF0C));
	assert_false(pg_is_cjk('A'));
	assert_false(pg_is_cjk(0x201C));
	assert_int_equal(pg_fontset_pick(&fs, 0, 'A'), 0);
	assert_int_equal(pg_fontset_pick(&fs, 0, 0x4E2D), 1);
	NEAR(pg_text_width(&fs, 0, "abc", 3, 10), 15);
	NEAR(pg_text_width(&fs, 1, "中文", 6, 10), 20);
	assert_int_equal(pg_fontset_missing(&fs, "ok 中文", 9), 0);
	assert_int_equal(pg_fontset_missing(&fs, "a\xf0\xa0\xae\xb7", 5),
	    0x20BB7);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(font_tables),
		cmocka_unit_test(no_closing_mark_at_start),
		cmocka_unit_test(no_opening_mark_at_end),
		cmocka_unit_test(han_latin_gap),
		cmocka_unit_test(dashes_and_ellipses),
		cmocka_unit_test(numbers_whole),
		cmocka_unit_test(url_after_slash),
		cmocka_unit_test(addresses_not_hyphenated),
		cmocka_unit_test(hyphenation),
		cmocka_unit_test(last_resort),
		cmocka_unit_test(justification),
		cmocka_unit_test(last_line_two_chars),
		cmocka_unit_test(runs_as_one_text),
		cmocka_unit_test(quotes_by_language),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
