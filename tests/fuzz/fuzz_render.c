/*
 * fuzz_render.c — libFuzzer harness: bytes -> check -> render (both
 * templates, as a draft when the plan has errors) -> PDF in memory.  The
 * fonts are found once.  A plan that cannot be read is skipped, as
 * plangen render refuses it.
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "read/xml_read.h"
#include "review/check.h"
#include "layout/font.h"
#include "layout/frame.h"
#include "compose/render.h"
#include "compose/template.h"
#include "pdf/pdf_write.h"

int	LLVMFuzzerInitialize(int *argc, char ***argv);
int	LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct pg_template	*tpl[2];
static struct pg_fontset	 fonts;

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	static const char	*names[2] = { "default", "board" };
	struct pg_diags		 d;
	char			 err[512];
	int			 i;

	(void)argc;
	(void)argv;
	pg_xml_init();
	pg_diags_init(&d);
	for (i = 0; i < 2; i++)
		if (pg_template_load(names[i], &tpl[i], &d, err, sizeof(err)) != 0) {
			fprintf(stderr, "template %s: %s\n", names[i], err);
			exit(1);
		}
	pg_diags_free(&d);
	if (pg_fontset_load(&fonts, NULL, NULL, err, sizeof(err)) != 0) {
		fprintf(stderr, "%s\n", err);
		exit(1);
	}
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct pg_check_opts	 o = { NULL, 0, NULL };
	struct pg_render_opts	 ro;
	struct pg_checked	 c;
	struct pg_frames	 fr;
	struct pg_diags		 w;
	unsigned char		*pdf = NULL;
	size_t			 len = 0;
	char			 err[512];

	if (size > (1u << 20))
		return 0;	/* the render of a huge plan is too slow to fuzz */
	pg_check_buffer((const char *)data, size, "fuzz.xml", &o, &c);
	if (c.plan != NULL) {
		memset(&ro, 0, sizeof(ro));
		ro.file = "fuzz.xml";
		ro.draft = pg_diags_count(&c.diags, PG_ERROR) > 0;
		ro.findings = &c.diags;
		ro.date = 0;
		pg_diags_init(&w);
		memset(&fr, 0, sizeof(fr));
		if (pg_render(c.plan, tpl[size & 1], &fonts, &ro, &fr, &w, err,
		    sizeof(err)) == 0 &&
		    pg_pdf_write(&fr, &fonts, &pdf, &len, err, sizeof(err)) != 0) {
			/* the writer fails only for want of memory or a limit */
			if (strstr(err, "out of memory") == NULL)
				fprintf(stderr, "pdf: %s\n", err);
		}
		free(pdf);
		pg_frames_free(&fr);
		pg_diags_free(&w);
	}
	pg_checked_free(&c);
	return 0;
}
