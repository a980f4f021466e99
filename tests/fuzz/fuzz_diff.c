/*
 * fuzz_diff.c — libFuzzer harness: bytes -> two plans -> `plangen diff`
 * (both checked keeping their documents, compared, every report format,
 * the words render --since draws).
 *
 * The input is split at its first form feed (0x0C, a byte no XML 1.0
 * document may hold): OLD before it, NEW after.  An input without one is
 * NEW, compared with a fixed OLD (tests/data/full.xml, or $PG_FUZZ_PLAN),
 * so that every plan of the tree is a seed as it is.  Must never crash,
 * leak or trip a sanitizer, whatever the bytes.
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diff/diff.h"
#include "read/xml_read.h"
#include "review/check.h"

int	LLVMFuzzerInitialize(int *argc, char ***argv);
int	LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static char	*fixed;		/* the OLD plan of an input without a split */
static size_t	 fixedlen;

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	const char	*p = getenv("PG_FUZZ_PLAN");
	char		 err[512];

	(void)argc;
	(void)argv;
	pg_xml_init();
	if (p == NULL)
		p = PG_FUZZ_SRCDIR "/tests/data/full.xml";
	if ((fixed = pg_read_file(p, &fixedlen, err, sizeof(err))) == NULL) {
		fprintf(stderr, "%s\n", err);
		exit(1);
	}
	return 0;
}

/* Every word a report or a document can say about d; abort if memory ran out. */
static void
words(const struct pg_diff *d)
{
	char	*s;
	size_t	 i;
	int	 f;

	for (f = PG_DIFF_TEXT; f <= PG_DIFF_MARKDOWN; f++) {
		if ((s = pg_diff_report(d, (enum pg_diff_format)f)) == NULL)
			abort();	/* memory does not run out here */
		free(s);
	}
	for (i = 0; i < d->nchanges; i++) {
		if ((s = pg_diff_change_words(d, &d->changes[i])) == NULL)
			abort();
		free(s);
	}
	for (i = 0; i < d->nfixed; i++) {
		if ((s = pg_diff_finding_words(d, &d->fixed[i])) == NULL)
			abort();
		free(s);
	}
	for (i = 0; i < d->nintroduced; i++) {
		if ((s = pg_diff_finding_words(d, &d->introduced[i])) == NULL)
			abort();
		free(s);
	}
	if ((s = pg_diff_summary_words(d)) == NULL)
		abort();
	free(s);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct pg_check_opts	 o = { NULL, 0, NULL, 1, { 0, 0, 0 } };
	struct pg_checked	 r[2];
	struct pg_diff		 d;
	const char		*in = (const char *)data, *old = fixed, *new = in;
	const char		*ff = memchr(in, '\f', size);
	size_t			 oldlen = fixedlen, newlen = size;

	if (ff != NULL) {
		old = in;
		oldlen = (size_t)(ff - in);
		new = ff + 1;
		newlen = size - oldlen - 1;
	}
	memset(r, 0, sizeof(r));
	if (pg_check_buffer(old, oldlen, "old.xml", &o, &r[0]) == 0 &&
	    pg_check_buffer(new, newlen, "new.xml", &o, &r[1]) == 0 &&
	    !r[0].diags.oom && !r[1].diags.oom &&
	    r[0].doc != NULL && r[1].doc != NULL) {
		if (pg_diff(&r[0], "old.xml", &r[1], "new.xml", NULL, &d) != 0)
			abort();
		words(&d);
		/* a plan compared with itself is the same plan */
		if (ff == NULL && size == fixedlen && memcmp(in, fixed, size) == 0 &&
		    !pg_diff_same(&d))
			abort();
		pg_diff_free(&d);
	}
	pg_checked_free(&r[0]);
	pg_checked_free(&r[1]);
	return 0;
}
