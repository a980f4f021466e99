/*
 * fuzz_check.c — libFuzzer harness: bytes -> plangen check (read, schema,
 * model, built-in rules, accepts) -> every report format.  Must never
 * crash, leak or trip a sanitizer, whatever the bytes.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>

#include "read/xml_read.h"
#include "review/check.h"
#include "review/report.h"

int	LLVMFuzzerInitialize(int *argc, char ***argv);
int	LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	pg_xml_init();
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct pg_check_opts	 o = { NULL, 0, NULL };
	struct pg_checked	 c;
	struct pg_report_file	 f;
	struct pg_report_opts	 ro = { PG_FMT_TEXT, 0, NULL };
	char			*s;
	int			 fmt;

	if (pg_check_buffer((const char *)data, size, "fuzz.xml", &o, &c) == 0) {
		f.file = "fuzz.xml";
		f.res = &c;
		for (fmt = PG_FMT_TEXT; fmt <= PG_FMT_GITHUB; fmt++) {
			ro.fmt = (enum pg_format)fmt;
			s = pg_report(&f, 1, &ro);
			if (s == NULL)
				abort();	/* memory does not run out here */
			free(s);
		}
	}
	pg_checked_free(&c);
	return 0;
}
