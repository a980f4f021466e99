/*
 * fuzz_rules.c — libFuzzer harness: bytes -> a team rules file, loaded
 * (schema, XPath and PCRE2 compiled), run against a fixed plan (the
 * English sample), and its examples run as `plangen rules test` does.
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "memfile.h"
#include "read/xml_read.h"
#include "review/rules_custom.h"

int	LLVMFuzzerInitialize(int *argc, char ***argv);
int	LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static xmlDocPtr plan;

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	const char	*p = getenv("PG_FUZZ_PLAN");
	struct pg_diags	 d;
	char		 err[512], *buf;
	size_t		 len;

	(void)argc;
	(void)argv;
	pg_xml_init();
	if (p == NULL)
		p = PG_FUZZ_SRCDIR "/samples/plan-en.xml";
	if ((buf = pg_read_file(p, &len, err, sizeof(err))) == NULL) {
		fprintf(stderr, "%s\n", err);
		exit(1);
	}
	pg_diags_init(&d);
	plan = pg_xml_parse(buf, len, "plan.xml", &d);
	pg_diags_free(&d);
	free(buf);
	if (plan == NULL)
		exit(1);
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct pg_ruleset	*rs = pg_ruleset_new();
	struct pg_rule_test	*t = NULL;
	struct pg_diags		 d;
	char			 path[64], err[1024];
	size_t			 n = 0;
	int			 fd;

	if (rs == NULL)
		abort();
	fd = memfile(data, size, path, sizeof(path));
	if (pg_ruleset_load(rs, path, err, sizeof(err)) == 0) {
		pg_diags_init(&d);
		pg_ruleset_run(rs, plan, "plan.xml", PG_LANG_EN, &d);
		pg_diags_free(&d);
		if (pg_ruleset_test(rs, &t, &n) >= 0)
			pg_rule_tests_free(t, n);
	}
	pg_ruleset_free(rs);
	close(fd);
	return 0;
}
