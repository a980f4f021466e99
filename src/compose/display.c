/*
 * display.c — amounts as budget/@display asks (format version 2): units,
 * thousands, 10k (万) or millions, through base/fmt.h's
 * pg_fmt_money_disp().  The file keeps exact amounts; only the printed
 * figure is scaled.  A version 1 plan always prints units.  See
 * compose_int.h.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "compose/compose_int.h"

static int
display(const struct rs *r)
{
	return r->p->version == 2 ? (int)r->p->budget.display : 0;
}

const char *
cp_money_unit(struct rs *r)
{
	const char *cur = r->p->currency ? r->p->currency : "CNY";
	int cny = strcmp(cur, "CNY") == 0;

	switch (display(r)) {
	case PG_DISPLAY_THOUSANDS:
		return r->zh ? (cny ? "千元" : cp_sfmt(r, "千 %s", cur)) :
		    cp_sfmt(r, "%s thousands", cur);
	case PG_DISPLAY_10K:
		return r->zh ? (cny ? "万元" : cp_sfmt(r, "万 %s", cur)) :
		    cp_sfmt(r, "%s 10k", cur);
	case PG_DISPLAY_MILLIONS:
		return r->zh ? (cny ? "百万元" : cp_sfmt(r, "百万 %s", cur)) :
		    cp_sfmt(r, "%s millions", cur);
	default:
		return cur;
	}
}

const char *
cp_money(struct rs *r, int64_t minor)
{
	char buf[64];

	return cp_sfmt(r, "%s", pg_fmt_scaled(minor, display(r), buf,
	    sizeof(buf)));
}

const char *
cp_money_sym(struct rs *r, int64_t minor)
{
	char buf[PG_MONEY_BUFSZ + 32];

	return cp_sfmt(r, "%s", pg_fmt_money_disp(minor, r->p->currency,
	    r->lang, display(r), buf, sizeof(buf)) ? buf : "");
}

const char *
cp_amount(struct rs *r, int64_t minor, int cents, char *buf, size_t n)
{
	if (display(r) == 0)
		return pg_fmt_amount(minor, cents, buf, n);
	return pg_fmt_scaled(minor, display(r), buf, n);
}
