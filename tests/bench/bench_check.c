/*
 * bench_check.c — times each stage of `plangen check` on one plan: read,
 * parse (pg_xml_parse), schema (pg_schema_validate), model (pg_plan_read),
 * rules (pg_rules_run), free of the document.  Wall-clock milliseconds,
 * the median of the runs for each stage (runs after the first reuse the
 * memory the first one freed, so they take fewer page faults than one
 * `plangen check`; use 1 run to see a cold process).  Not a test: `make
 * tests/bench/bench_check` and run it by hand, e.g. on
 * `scripts/gen-plan 30000 > big.xml`.
 *
 * Usage: bench_check PLAN.xml [runs]
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <libxml/tree.h>

#include "base/diag.h"
#include "model/model.h"
#include "read/plan_read.h"
#include "review/rules.h"
#include "review/schema.h"
#include "read/xml_read.h"

#define NSTAGE	6

static const char *stage[NSTAGE] = { "read", "parse", "schema", "model",
    "rules", "free" };

static double
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static int
cmp(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

int
main(int argc, char **argv)
{
	int		 runs = argc > 2 ? atoi(argv[2]) : 5, r, s;
	double		*t[NSTAGE], total = 0;
	char		 err[256];

	if (argc < 2 || runs < 1) {
		fprintf(stderr, "usage: bench_check PLAN.xml [runs]\n");
		return 2;
	}
	for (s = 0; s < NSTAGE; s++)
		if ((t[s] = calloc((size_t)runs, sizeof(double))) == NULL)
			return 1;
	pg_xml_init();
	for (r = 0; r < runs; r++) {
		struct pg_diags	 d;
		struct pg_plan	*p = NULL;
		xmlDocPtr	 doc;
		char		*buf;
		size_t		 len;
		double		 t0, t1;

		pg_diags_init(&d);
		t0 = now();
		if ((buf = pg_read_file(argv[1], &len, err, sizeof(err))) == NULL) {
			fprintf(stderr, "bench_check: %s\n", err);
			return 1;
		}
		t1 = now(), t[0][r] = t1 - t0, t0 = t1;
		doc = pg_xml_parse(buf, len, argv[1], &d);
		t1 = now(), t[1][r] = t1 - t0, t0 = t1;
		if (doc == NULL) {
			fprintf(stderr, "bench_check: %s is not well-formed\n", argv[1]);
			return 1;
		}
		(void)pg_schema_validate(doc, argv[1], &d);
		t1 = now(), t[2][r] = t1 - t0, t0 = t1;
		if (pg_diags_count(&d, PG_ERROR) == 0)
			p = pg_plan_read(doc, argv[1], &d);
		t1 = now(), t[3][r] = t1 - t0, t0 = t1;
		if (p != NULL)
			(void)pg_rules_run(p, argv[1], NULL, &d);
		t1 = now(), t[4][r] = t1 - t0, t0 = t1;
		xmlFreeDoc(doc);
		t1 = now(), t[5][r] = t1 - t0;
		if (r == 0)
			printf("%s: %zu bytes, %zu errors%s\n", argv[1], len,
			    pg_diags_count(&d, PG_ERROR),
			    p == NULL ? " (no model, no rules)" : "");
		pg_plan_free(p);
		pg_diags_free(&d);
		free(buf);
	}
	for (s = 0; s < NSTAGE; s++) {
		qsort(t[s], (size_t)runs, sizeof(double), cmp);
		printf("%-7s %9.1f ms\n", stage[s], t[s][runs / 2]);
		total += t[s][runs / 2];
		free(t[s]);
	}
	printf("%-7s %9.1f ms (sum of medians, %d runs)\n", "total", total, runs);
	pg_schema_cleanup();
	return 0;
}
