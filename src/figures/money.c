/*
 * money.c — number formatting for display: exact money from integer minor
 * units (pg_fmt_money, pg_fmt_money_flags: see figure.h) and the plain
 * number helpers the charts use (digit grouping, ticks, value labels: see
 * figure_int.h).  Pure functions of their arguments: no fonts, no boxes.
 */
#include "config.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "figures/figure.h"
#include "figures/figure_int.h"

/* ---- money ------------------------------------------------------------- */

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
	uint64_t	 u, whole;
	unsigned	 frac;
	char		 digits[40];	/* grouped integer part, built backwards */
	size_t		 i = sizeof(digits), k = 0;
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
	u = minor < 0 ? (uint64_t)0 - (uint64_t)minor : (uint64_t)minor;
	whole = u / 100;
	frac = (unsigned)(u % 100);
	digits[--i] = '\0';
	do {
		if (k > 0 && k % 3 == 0)
			digits[--i] = ',';
		digits[--i] = (char)('0' + whole % 10);
		whole /= 10;
		k++;
	} while (whole != 0);
	if (frac != 0 || (flags & PG_MONEY_CENTS))
		len = snprintf(buf, n, "%s%s%s%s.%02u", minor < 0 ? "-" : "",
		    sym ? sym : currency, sym ? "" : " ", digits + i, frac);
	else
		len = snprintf(buf, n, "%s%s%s%s", minor < 0 ? "-" : "",
		    sym ? sym : currency, sym ? "" : " ", digits + i);
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

/* ---- plain numbers ----------------------------------------------------- */

/* Insert "," every three digits of the integer part of a plain decimal. */
void
fig_group_digits(const char *src, char *buf, size_t n)
{
	const char *p = src, *dot;
	size_t ndig, i, o = 0;

	if (*p == '-')
		p++;
	dot = p;
	while (*dot >= '0' && *dot <= '9')
		dot++;
	ndig = (size_t)(dot - p);
	if (ndig == 0 || (*dot != '\0' && *dot != '.') || strlen(src) + ndig / 3 + 1 > n ||
	    strspn(*dot == '.' ? dot + 1 : dot, "0123456789") !=
	    strlen(*dot == '.' ? dot + 1 : dot)) {
		snprintf(buf, n, "%s", src);
		return;
	}
	if (*src == '-')
		buf[o++] = '-';
	for (i = 0; i < ndig; i++) {
		if (i > 0 && (ndig - i) % 3 == 0)
			buf[o++] = ',';
		buf[o++] = p[i];
	}
	snprintf(buf + o, n - o, "%s", dot);
}

/* A tick or value: fixed decimals, grouped; %g beyond 1e15. */
void
fig_fmt_num(double v, int decimals, char *buf, size_t n)
{
	char tmp[64];

	if (!isfinite(v) || fabs(v) >= 1e15) {
		snprintf(buf, n, "%.3g", v);
		return;
	}
	if (fabs(v) < 0.5 * pow(10, -decimals))
		v = 0;	/* no "-0" */
	snprintf(tmp, sizeof(tmp), "%.*f", decimals, v);
	fig_group_digits(tmp, buf, n);
}

/* A value label: the source text grouped, or the number if it is odd. */
void
fig_fmt_value(const struct pg_num *num, char *buf, size_t n)
{
	if (num->text != NULL && strlen(num->text) <= 24)
		fig_group_digits(num->text, buf, n);
	else
		fig_fmt_num(num->v, 0, buf, n);
}
