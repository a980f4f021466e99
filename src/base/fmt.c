/*
 * fmt.c — numbers, money and dates as a reader sees them.  See fmt.h.
 */
#include "config.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "base/fmt.h"
#include "base/lang.h"

/*
 * The digits of v grouped by three with ",", written backwards so that
 * it ends at end[-1]; returns the first character.  end must have room
 * for 27 bytes before it (20 digits, 6 commas, the NUL).
 */
static char *
group_u64(uint64_t v, char *end)
{
	char	*p = end;
	int	 k = 0;

	*--p = '\0';
	do {
		if (k > 0 && k % 3 == 0)
			*--p = ',';
		*--p = (char)('0' + v % 10);
		v /= 10;
		k++;
	} while (v != 0);
	return p;
}

char *
pg_fmt_grouped(const char *dec, char *buf, size_t n)
{
	const char	*p = dec, *dot, *frac;
	size_t		 ndig, i, o = 0;

	if (n == 0)
		return buf;
	if (*p == '-')
		p++;
	for (dot = p; *dot >= '0' && *dot <= '9'; dot++)
		continue;
	ndig = (size_t)(dot - p);
	frac = *dot == '.' ? dot + 1 : dot;
	if (ndig == 0 || (*dot != '\0' && *dot != '.') ||
	    strspn(frac, "0123456789") != strlen(frac) ||
	    strlen(dec) + ndig / 3 + 1 > n) {
		snprintf(buf, n, "%s", dec);
		return buf;
	}
	if (*dec == '-')
		buf[o++] = '-';
	for (i = 0; i < ndig; i++) {
		if (i > 0 && (ndig - i) % 3 == 0)
			buf[o++] = ',';
		buf[o++] = p[i];
	}
	snprintf(buf + o, n - o, "%s", dot);
	return buf;
}

char *
pg_fmt_double(double v, int decimals, char *buf, size_t n)
{
	char	tmp[64];

	if (!isfinite(v) || fabs(v) >= 1e15) {
		snprintf(buf, n, "%.3g", v);
		return buf;
	}
	if (fabs(v) < 0.5 * pow(10, -decimals))
		v = 0;	/* no "-0" */
	snprintf(tmp, sizeof(tmp), "%.*f", decimals, v);
	return pg_fmt_grouped(tmp, buf, n);
}

/* |minor| and its sign, exact for INT64_MIN too. */
static uint64_t
magnitude(int64_t minor)
{
	return minor < 0 ? (uint64_t)0 - (uint64_t)minor : (uint64_t)minor;
}

char *
pg_fmt_amount(int64_t minor, int cents, char *buf, size_t n)
{
	char		 digits[32];
	uint64_t	 u = magnitude(minor);

	if (cents)
		snprintf(buf, n, "%s%s.%02u", minor < 0 ? "-" : "",
		    group_u64(u / 100, digits + sizeof(digits)),
		    (unsigned)(u % 100));
	else
		snprintf(buf, n, "%s%s", minor < 0 ? "-" : "",
		    group_u64(u / 100, digits + sizeof(digits)));
	return buf;
}

static const struct {
	const char *code, *sym;
} money_syms[] = {
	{ "CNY", "¥" }, { "USD", "$" }, { "EUR", "€" }, { "GBP", "£" },
	{ "JPY", "JP¥" }, { "HKD", "HK$" },
};

char *
pg_fmt_money_flags(int64_t minor, const char *currency, const char *lang,
    unsigned flags, char *buf, size_t n)
{
	uint64_t	 u = magnitude(minor);
	unsigned	 frac = (unsigned)(u % 100);
	char		 digits[32], *g;
	const char	*sym = NULL;
	int		 len;
	size_t		 j;

	(void)lang;
	if (n > 0)
		buf[0] = '\0';
	if (currency == NULL)
		currency = "CNY";
	if (!(flags & PG_MONEY_CODE))
		for (j = 0; j < sizeof(money_syms) / sizeof(money_syms[0]); j++)
			if (strcmp(currency, money_syms[j].code) == 0)
				sym = money_syms[j].sym;
	g = group_u64(u / 100, digits + sizeof(digits));
	if (frac != 0 || (flags & PG_MONEY_CENTS))
		len = snprintf(buf, n, "%s%s%s%s.%02u", minor < 0 ? "-" : "",
		    sym ? sym : currency, sym ? "" : " ", g, frac);
	else
		len = snprintf(buf, n, "%s%s%s%s", minor < 0 ? "-" : "",
		    sym ? sym : currency, sym ? "" : " ", g);
	if (len < 0 || (size_t)len >= n) {
		if (n > 0)
			buf[0] = '\0';
		return NULL;
	}
	return buf;
}

char *
pg_fmt_money(int64_t minor, const char *currency, const char *lang,
    char *buf, size_t n)
{
	return pg_fmt_money_flags(minor, currency, lang, 0, buf, n);
}

/* ---- dates ------------------------------------------------------------- */

static const char *const months_en[12] = { "January", "February", "March",
	"April", "May", "June", "July", "August", "September", "October",
	"November", "December" };
static const char *const months_abbr[12] = { "Jan", "Feb", "Mar", "Apr",
	"May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };
static const char *const months_zh[12] = { "1月", "2月", "3月", "4月",
	"5月", "6月", "7月", "8月", "9月", "10月", "11月", "12月" };

static int
valid(struct pg_date d)
{
	return d.y != 0 && d.m >= 1 && d.m <= 12;
}

const char *
pg_month_abbr(int m, const char *lang)
{
	if (m < 1 || m > 12)
		return "";
	return pg_lang_is_zh(lang) ? months_zh[m - 1] : months_abbr[m - 1];
}

/* A date with the English months of table en (Chinese has one form). */
static char *
fmt_date(struct pg_date d, const char *lang, const char *const en[12],
    char *buf, size_t n)
{
	if (n == 0)
		return buf;
	buf[0] = '\0';
	if (!valid(d))
		return buf;
	if (pg_lang_is_zh(lang))
		snprintf(buf, n, "%d年%d月%d日", d.y, d.m, d.d);
	else
		snprintf(buf, n, "%d %s %d", d.d, en[d.m - 1], d.y);
	return buf;
}

char *
pg_fmt_date(struct pg_date d, const char *lang, char *buf, size_t n)
{
	return fmt_date(d, lang, months_en, buf, n);
}

char *
pg_fmt_date_short(struct pg_date d, const char *lang, char *buf, size_t n)
{
	return fmt_date(d, lang, months_abbr, buf, n);
}

char *
pg_fmt_date_range(struct pg_date a, struct pg_date b, const char *lang,
    char *buf, size_t n)
{
	if (n == 0)
		return buf;
	buf[0] = '\0';
	if (!valid(a) || !valid(b))
		return buf;
	if (pg_lang_is_zh(lang)) {
		if (a.y == b.y)
			snprintf(buf, n, "%d年%d月%d日—%d月%d日", a.y, a.m, a.d,
			    b.m, b.d);
		else
			snprintf(buf, n, "%d年%d月%d日—%d年%d月%d日", a.y, a.m,
			    a.d, b.y, b.m, b.d);
	} else if (a.y == b.y)
		snprintf(buf, n, "%d %s – %d %s %d", a.d,
		    pg_month_abbr(a.m, lang), b.d, pg_month_abbr(b.m, lang), b.y);
	else
		snprintf(buf, n, "%d %s %d – %d %s %d", a.d,
		    pg_month_abbr(a.m, lang), a.y, b.d, pg_month_abbr(b.m, lang),
		    b.y);
	return buf;
}
