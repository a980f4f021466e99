/*
 * fmt_disp.c — money scaled for display (format version 2's
 * budget/@display): see fmt.h.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "base/fmt.h"
#include "base/lang.h"

/* Minor units of the last printed digit, and the decimals printed. */
static const struct {
	int64_t	step;
	int	dec;
} scale[4] = {
	{ 1, 2 },		/* units */
	{ 10000, 1 },		/* thousands: 93.5 */
	{ 100000, 1 },		/* 10k: 186.0 */
	{ 1000000, 2 },		/* millions: 0.09 */
};

char *
pg_fmt_scaled(int64_t minor, int display, char *buf, size_t n)
{
	char	 raw[48];
	int64_t	 q, st;
	uint64_t u;

	if (display <= 0 || display > 3)
		return pg_fmt_amount(minor, minor % 100 != 0, buf, n);
	st = scale[display].step;
	q = minor / st;
	if ((minor % st) * 2 >= st)
		q++;
	else if ((minor % st) * 2 <= -st)
		q--;
	u = q < 0 ? (uint64_t)0 - (uint64_t)q : (uint64_t)q;
	if (scale[display].dec == 1)
		snprintf(raw, sizeof(raw), "%s%llu.%llu", q < 0 ? "-" : "",
		    (unsigned long long)(u / 10), (unsigned long long)(u % 10));
	else
		snprintf(raw, sizeof(raw), "%s%llu.%02llu", q < 0 ? "-" : "",
		    (unsigned long long)(u / 100), (unsigned long long)(u % 100));
	return pg_fmt_grouped(raw, buf, n);
}

char *
pg_fmt_money_disp(int64_t minor, const char *currency, const char *lang,
    int display, char *buf, size_t n)
{
	char	 sym[PG_MONEY_BUFSZ], v[64], *p;
	int	 zh = pg_lang_is_zh(lang), cny;

	if (display <= 0 || display > 3)
		return pg_fmt_money(minor, currency, lang, buf, n);
	if (minor < 0 && minor != INT64_MIN) {
		char pos[PG_MONEY_BUFSZ + 16];
		if (pg_fmt_money_disp(-minor, currency, lang, display, pos,
		    sizeof(pos)) == NULL)
			return NULL;
		snprintf(buf, n, "-%s", pos);
		return buf;
	}
	cny = currency == NULL || strcmp(currency, "CNY") == 0;
	/* the symbol (or code and space) as pg_fmt_money writes it */
	if (pg_fmt_money(0, currency, lang, sym, sizeof(sym)) == NULL)
		sym[0] = '\0';
	if ((p = strrchr(sym, '0')) != NULL)
		*p = '\0';
	pg_fmt_scaled(minor, display, v, sizeof(v));
	switch (display) {
	case 1:
		snprintf(buf, n, zh ? "%s%s千" : "%s%sk", sym, v);
		break;
	case 2:
		if (zh && cny)
			snprintf(buf, n, "%s万元", v);
		else
			snprintf(buf, n, zh ? "%s%s万" : "%s%s×10k", sym, v);
		break;
	default:
		snprintf(buf, n, zh ? "%s%s百万" : "%s%sM", sym, v);
		break;
	}
	return buf;
}
