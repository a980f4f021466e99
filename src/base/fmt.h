/*
 * fmt.h — numbers, money and dates as a reader sees them, in English or
 * Chinese.  The one place that groups digits, names months or writes a
 * date; compose (tables, cover) and figures (chart labels) both use it.
 * Pure functions of their arguments: no fonts, no pages, no allocation.
 *
 * Every function writes into a caller's buffer of n bytes and returns it;
 * a result that does not fit is cut (money: see below).  lang is a plan's
 * @lang or a --lang tag, read with pg_lang_is_zh() (base/lang.h).
 *
 * Include: anyone.
 */
#ifndef PG_FMT_H
#define PG_FMT_H

#include <stddef.h>
#include <stdint.h>

/* A calendar date as the plan wrote it; y == 0: absent. */
struct pg_date {
	int	y, m, d;
};

/*
 * A plain decimal ("-1234567.5") with "," every three digits of its
 * integer part ("-1,234,567.5").  Text that is not a plain decimal, or
 * whose grouped form does not fit, is copied as it is.
 */
char	*pg_fmt_grouped(const char *dec, char *buf, size_t n);

/* v with fixed decimals, grouped ("12,500.0"); %.3g beyond 1e15; no "-0". */
char	*pg_fmt_double(double v, int decimals, char *buf, size_t n);

/* An amount in minor units without currency: 35000050 → "350,000" or,
 * with cents, "350,000.50".  Exact for every int64. */
char	*pg_fmt_amount(int64_t minor, int cents, char *buf, size_t n);

/*
 * Money from integer minor units with the currency's symbol where it has
 * a well-known one (CNY ¥, USD $, EUR €, GBP £, JPY JP¥, HKD HK$), else
 * its ISO code and a space (NULL currency: CNY, the format's default);
 * the minus sign first ("-¥1,234.50"); a fraction only when non-zero.  Digits are
 * grouped by three with "," (Chinese financial writing groups the same);
 * lang is accepted for future use.  Examples: 35000000 → "¥350,000",
 * 199950 → "¥1,999.50", INT64_MAX → "¥92,233,720,368,547,758.07".
 *
 * flags PG_MONEY_CENTS: always two fraction digits ("¥350,000.00", for
 * aligned table columns); PG_MONEY_CODE: the ISO code even where a
 * symbol exists ("CNY 350,000").  pg_fmt_money is pg_fmt_money_flags
 * with flags 0.
 *
 * Returns buf, or NULL if n is too small (buf is then "" if n > 0).
 * PG_MONEY_BUFSZ always suffices for a currency code of up to 16 bytes.
 */
enum { PG_MONEY_CENTS = 1, PG_MONEY_CODE = 2 };
#define PG_MONEY_BUFSZ	64

char	*pg_fmt_money(int64_t minor, const char *currency, const char *lang,
	    char *buf, size_t n);
char	*pg_fmt_money_flags(int64_t minor, const char *currency,
	    const char *lang, unsigned flags, char *buf, size_t n);

/*
 * Money as a plan's budget/@display asks (format version 2): display 0
 * units (pg_fmt_money), 1 thousands, 2 ten thousands (万), 3 millions —
 * the index of pg_display_names (model.h).  Scaled exactly in integers,
 * rounded half away from zero: thousands and 10k with one decimal,
 * millions with two.  English: "£93.5k", "¥186.0×10k", "£0.09M";
 * Chinese: "¥93.5千", "186.0万元" (CNY; other currencies "US$186.0万"),
 * "¥0.09百万".  pg_fmt_scaled() gives the bare scaled number ("93.5",
 * grouped; display 0: pg_fmt_amount with cents when there are any).
 * Return buf (pg_fmt_money_disp: NULL if n is too small).
 */
char	*pg_fmt_money_disp(int64_t minor, const char *currency,
	    const char *lang, int display, char *buf, size_t n);
char	*pg_fmt_scaled(int64_t minor, int display, char *buf, size_t n);

/* A month's short name, m in 1..12: "Jan", "1月"; "" for any other m. */
const char *pg_month_abbr(int m, const char *lang);

/* A date in running text: "31 December 2027", "2027年12月31日"; "" if absent. */
char	*pg_fmt_date(struct pg_date d, const char *lang, char *buf, size_t n);

/* A date in a table cell: "31 Dec 2027", "2027年12月31日"; "" if absent. */
char	*pg_fmt_date_short(struct pg_date d, const char *lang, char *buf,
	    size_t n);

/* A date range: "1 Mar – 30 Jun 2027", "2027年3月1日—6月30日" (the year
 * once when both ends share it); "" if either end is absent. */
char	*pg_fmt_date_range(struct pg_date a, struct pg_date b,
	    const char *lang, char *buf, size_t n);

#endif
