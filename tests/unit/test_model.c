/*
 * test_model.c — the model's exact scalar parsers: money, dates, decimals.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "model/model.h"

static void
money_valid(void **state)
{
	int64_t v;

	(void)state;
	assert_int_equal(pg_money_parse("350000", &v), 0);
	assert_true(v == 35000000);
	assert_int_equal(pg_money_parse("1999.50", &v), 0);
	assert_true(v == 199950);
	assert_int_equal(pg_money_parse("0.5", &v), 0);
	assert_true(v == 50);
	assert_int_equal(pg_money_parse("-12.34", &v), 0);
	assert_true(v == -1234);
	/* the largest amount that fits: INT64_MAX minor units */
	assert_int_equal(pg_money_parse("92233720368547758.07", &v), 0);
	assert_true(v == INT64_MAX);
	assert_int_equal(pg_money_parse("-92233720368547758.08", &v), 0);
	assert_true(v == INT64_MIN);
}

static void
money_invalid(void **state)
{
	static const char *bad[] = { "", "-", "320,000", "1000.555", "1e5", "+5",
	    " 5", "5 ", "1.", ".5", "12a", "0x10", "１２", NULL };
	int64_t v = 7;
	size_t i;

	(void)state;
	for (i = 0; bad[i] != NULL; i++) {
		assert_int_equal(pg_money_parse(bad[i], &v), -1);
		assert_true(v == 7);
	}
}

static void
money_overflow(void **state)
{
	char big[10002];
	int64_t v = 7;

	(void)state;
	assert_int_equal(pg_money_parse("92233720368547758.08", &v), -2);
	assert_int_equal(pg_money_parse("99999999999999999999", &v), -2);
	assert_int_equal(pg_money_parse("-92233720368547758.09", &v), -2);
	memset(big, '9', 10000);
	big[10000] = '\0';
	assert_int_equal(pg_money_parse(big, &v), -2);
	assert_true(v == 7);
}

static void
money_add_and_format(void **state)
{
	int64_t r = 0;
	char buf[32];

	(void)state;
	assert_int_equal(pg_money_add(INT64_MAX, 1, &r), -1);
	assert_int_equal(pg_money_add(INT64_MIN, -1, &r), -1);
	assert_int_equal(pg_money_add(150, 250, &r), 0);
	assert_true(r == 400);
	assert_string_equal(pg_money_format(35000000, buf, sizeof(buf)), "350000.00");
	assert_string_equal(pg_money_format(5, buf, sizeof(buf)), "0.05");
	assert_string_equal(pg_money_format(-1234, buf, sizeof(buf)), "-12.34");
	assert_string_equal(pg_money_format(INT64_MIN, buf, sizeof(buf)),
	    "-92233720368547758.08");
}

static void
dates(void **state)
{
	struct pg_date d = { 0, 0, 0 }, e;

	(void)state;
	assert_int_equal(pg_date_parse("2027-02-28", &d), 0);
	assert_int_equal(d.y, 2027);
	assert_int_equal(d.m, 2);
	assert_int_equal(d.d, 28);
	assert_int_equal(pg_date_parse("2028-02-29", &e), 0);	/* leap year */
	assert_int_equal(pg_date_parse("2000-02-29", &e), 0);	/* 400 rule */
	assert_int_equal(pg_date_parse("9999-12-31", &e), 0);
	assert_int_equal(pg_date_parse("2027-02-29", &e), -1);
	assert_int_equal(pg_date_parse("2027-02-30", &e), -1);
	assert_int_equal(pg_date_parse("1900-02-29", &e), -1);	/* 100 rule */
	assert_int_equal(pg_date_parse("0000-00-00", &e), -1);
	assert_int_equal(pg_date_parse("2027-13-01", &e), -1);
	assert_int_equal(pg_date_parse("2027-04-31", &e), -1);
	assert_int_equal(pg_date_parse("2027-4-1", &e), -1);
	assert_int_equal(pg_date_parse("2027-04-01T00:00", &e), -1);
	assert_int_equal(pg_date_parse("", &e), -1);
	assert_true(pg_date_cmp(d, e) < 0);	/* e: 9999-12-31 */
	assert_int_equal(pg_date_cmp(d, d), 0);
}

static void
decimals(void **state)
{
	double v = 0;

	(void)state;
	assert_int_equal(pg_decimal_parse("-12.5", &v), 0);
	assert_true(v == -12.5);
	assert_int_equal(pg_decimal_parse("100", &v), 0);
	assert_true(v == 100);
	assert_int_equal(pg_decimal_parse("1e3", &v), -1);
	assert_int_equal(pg_decimal_parse("1,000", &v), -1);
	assert_int_equal(pg_decimal_parse("", &v), -1);
	assert_int_equal(pg_decimal_parse("5.", &v), -1);
}

/* The one CJK test behind white-space normalisation (model and team rules). */
static void
cjk_unspaced(void **state)
{
	(void)state;
	assert_true(pg_cjk_unspaced(0x4E2D));	/* 中 */
	assert_true(pg_cjk_unspaced(0x3002));	/* 。 */
	assert_true(pg_cjk_unspaced(0x304B));	/* か */
	assert_true(pg_cjk_unspaced(0xFF0C));	/* ， */
	assert_true(pg_cjk_unspaced(0x20BB7));	/* 𠮷 */
	assert_false(pg_cjk_unspaced('A'));
	assert_false(pg_cjk_unspaced(0xD55C));	/* 한: Korean spaces words */
	assert_false(pg_cjk_unspaced(0x3131));	/* ㄱ compatibility jamo */
	assert_false(pg_cjk_unspaced(0xFFA1));	/* halfwidth Hangul */
}

static void
arena(void **state)
{
	struct pg_plan *p = pg_plan_new();
	char *s;
	int *big;

	(void)state;
	assert_non_null(p);
	assert_string_equal(p->lang, "en");
	assert_string_equal(p->currency, "CNY");
	s = pg_strdup(p, "开户");
	assert_string_equal(s, "开户");
	big = pg_alloc(p, 100000, sizeof(int));	/* larger than a chunk */
	assert_non_null(big);
	assert_int_equal(big[99999], 0);
	assert_null(pg_alloc(p, SIZE_MAX / 2, 4));	/* overflow refused */
	pg_plan_free(p);
	pg_plan_free(NULL);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(money_valid),
		cmocka_unit_test(money_invalid),
		cmocka_unit_test(money_overflow),
		cmocka_unit_test(money_add_and_format),
		cmocka_unit_test(dates),
		cmocka_unit_test(decimals),
		cmocka_unit_test(cjk_unspaced),
		cmocka_unit_test(arena),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
