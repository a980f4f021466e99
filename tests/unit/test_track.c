/*
 * test_track.c — the exact decimals of format version 2 (model/track.h):
 * what parses and what is refused, the arithmetic that fails rather than
 * rounds (overflow at 18 digits), comparison across scales, plain-text
 * formatting; phase periods; the tracking date (--as-of over meta/as-of).
 */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "model/track.h"

/* parse s and format it back; "ERR" if it does not parse */
static const char *
round_trip(const char *s, char *buf, size_t n)
{
	struct pg_dec d;

	if (pg_dec_parse(s, &d) != 0)
		return "ERR";
	return pg_dec_format(d, buf, n);
}

static void
test_parse(void **state)
{
	static const char *const t[][2] = {
		{ "0", "0" }, { "12", "12" }, { "-12.50", "-12.5" },
		{ "  7.25\t\n", "7.25" }, { "0.05", "0.05" }, { "007", "7" },
		{ "1.000", "1" }, { "-0", "0" }, { "-0.0", "0" },
		{ "123456789012345678", "123456789012345678" },
		{ "0.000000000000000001", "0.000000000000000001" },
		{ "1234567890123456789", "ERR" },	/* 19 digits */
		{ "", "ERR" }, { "   ", "ERR" }, { "-", "ERR" }, { ".", "ERR" },
		{ ".5", "ERR" }, { "1.2.3", "ERR" },
		{ "1e3", "ERR" }, { "+1", "ERR" }, { "1,000", "ERR" },
		{ "--1", "ERR" }, { "1 2", "ERR" }, { "5.0.", "ERR" },
	};
	char	buf[32];
	size_t	i;

	(void)state;
	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		print_message("\"%s\"\n", t[i][0]);
		assert_string_equal(round_trip(t[i][0], buf, sizeof(buf)), t[i][1]);
	}
	assert_int_equal(pg_dec_parse(NULL, &(struct pg_dec){ 0, 0 }), -1);
}

static struct pg_dec
D(const char *s)
{
	struct pg_dec d;

	assert_int_equal(pg_dec_parse(s, &d), 0);
	return d;
}

static void
test_arith(void **state)
{
	struct pg_dec	r = { 0, 0 };
	char		buf[32];
	int		c = 99;

	(void)state;
	assert_int_equal(pg_dec_add(D("1.5"), D("2.25"), &r), 0);
	assert_string_equal(pg_dec_format(r, buf, sizeof(buf)), "3.75");
	assert_int_equal(pg_dec_sub(D("1.5"), D("2.25"), &r), 0);
	assert_string_equal(pg_dec_format(r, buf, sizeof(buf)), "-0.75");
	assert_int_equal(pg_dec_sub(D("10"), D("10.00"), &r), 0);
	assert_string_equal(pg_dec_format(r, buf, sizeof(buf)), "0");
	/* 18 digits and a fraction: cannot be brought to one scale */
	r = D("7");
	assert_int_equal(pg_dec_add(D("999999999999999999"), D("0.1"), &r), -1);
	assert_string_equal(pg_dec_format(r, buf, sizeof(buf)), "7");	/* untouched */
	assert_int_equal(pg_dec_sub(D("-999999999999999999"), D("0.1"), &r), -1);
	assert_int_equal(pg_dec_cmp(D("999999999999999999"), D("0.1"), &c), -1);
	/* the sum itself overflows int64: 9 x (10^18 - 1) fits, 10 x does not */
	r = D("999999999999999999");
	for (c = 1; pg_dec_add(r, D("999999999999999999"), &r) == 0; c++)
		;
	assert_int_equal(c, 9);
	assert_string_equal(pg_dec_format(r, buf, sizeof(buf)),
	    "8999999999999999991");
	assert_int_equal(pg_dec_sub(D("-999999999999999999"),
	    D("999999999999999999"), &r), 0);
	assert_string_equal(pg_dec_format(r, buf, sizeof(buf)),
	    "-1999999999999999998");

	assert_int_equal(pg_dec_cmp(D("2.50"), D("2.5"), &c), 0);
	assert_int_equal(c, 0);
	assert_int_equal(pg_dec_cmp(D("-3"), D("2.5"), &c), 0);
	assert_true(c < 0);
	assert_int_equal(pg_dec_cmp(D("0.10"), D("0.09"), &c), 0);
	assert_true(c > 0);
}

static void
test_period(void **state)
{
	int y, q, m;

	(void)state;
	assert_int_equal(pg_period_parse("2027-Q3", &y, &q, &m), 0);
	assert_int_equal(y, 2027);
	assert_int_equal(q, 3);
	assert_int_equal(m, 0);
	assert_int_equal(pg_period_parse("2027-11", &y, &q, &m), 0);
	assert_int_equal(y, 2027);
	assert_int_equal(q, 0);
	assert_int_equal(m, 11);
	assert_int_equal(pg_period_parse("2027-Q5", &y, &q, &m), -1);
	assert_int_equal(pg_period_parse("2027-Q0", &y, &q, &m), -1);
	assert_int_equal(pg_period_parse("2027-13", &y, &q, &m), -1);
	assert_int_equal(pg_period_parse("2027-00", &y, &q, &m), -1);
	assert_int_equal(pg_period_parse("27-01", &y, &q, &m), -1);
	assert_int_equal(pg_period_parse("2027-1", &y, &q, &m), -1);
	assert_int_equal(pg_period_parse("2027-Q1x", &y, &q, &m), -1);
	assert_int_equal(pg_period_parse("", &y, &q, &m), -1);
}

static void
test_as_of(void **state)
{
	struct pg_plan	p;
	struct pg_date	none = { 0, 0, 0 }, set = { 2027, 5, 31 }, d;

	(void)state;
	memset(&p, 0, sizeof(p));
	p.meta.as_of.y = 2027;
	p.meta.as_of.m = 3;
	p.meta.as_of.d = 1;
	d = pg_track_as_of(&p, none);		/* the plan's meta/as-of */
	assert_int_equal(d.y * 10000 + d.m * 100 + d.d, 20270301);
	d = pg_track_as_of(&p, set);		/* --as-of wins */
	assert_int_equal(d.y * 10000 + d.m * 100 + d.d, 20270531);
	d = pg_track_as_of(NULL, none);		/* neither */
	assert_int_equal(d.y, 0);
	assert_int_equal(pg_date_days((struct pg_date){ 2028, 3, 1 }) -
	    pg_date_days((struct pg_date){ 2028, 2, 28 }), 2);	/* leap year */
	assert_int_equal(pg_date_days((struct pg_date){ 2100, 3, 1 }) -
	    pg_date_days((struct pg_date){ 2100, 2, 28 }), 1);	/* not one */
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parse),
		cmocka_unit_test(test_arith),
		cmocka_unit_test(test_period),
		cmocka_unit_test(test_as_of),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
