/*
 * fuzz_template.c — libFuzzer harness: bytes -> a template file, loaded
 * and validated as `plangen render -t FILE` does, and its labels looked
 * up in both languages.
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "memfile.h"
#include "read/xml_read.h"
#include "compose/template.h"

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
	struct pg_template	*tpl = NULL;
	struct pg_diags		 d;
	char			 path[64], err[1024];
	int			 fd;

	fd = memfile(data, size, path, sizeof(path));
	pg_diags_init(&d);
	if (pg_template_load(path, &tpl, &d, err, sizeof(err)) == 0) {
		(void)pg_tpl_label(tpl, "goals.heading", "en");
		(void)pg_tpl_label(tpl, "goals.heading", "zh-CN");
		pg_template_free(tpl);
	}
	pg_diags_free(&d);
	close(fd);
	return 0;
}
