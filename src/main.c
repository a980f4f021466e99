/*
 * main.c — the plangen command line.  The only file that prints or exits.
 *
 * Subcommands are dispatched from one table; each parses its own options
 * with getopt_long.  Exit status (../shared/spec/plan-format.md):
 *   0 success, 1 the plan has errors (or warnings under --strict),
 *   2 usage error, unreadable input, unwritable output, missing font or
 *   template.
 */
#include "config.h"

#include <errno.h>
#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "diag.h"
#include "embedded.h"
#include "outfile.h"
#include "schema.h"
#include "xml_read.h"

#define EXIT_FINDINGS	1
#define EXIT_USAGE	2

static const char *progname = "plangen";

static void
errorf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

static void
errorf(const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "%s: ", progname);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

static int
usage_error(const char *usage)
{
	fprintf(stderr, "usage: %s %s\n", progname, usage);
	fprintf(stderr, "Try '%s --help' for more information.\n", progname);
	return EXIT_USAGE;
}

/* ---- check ------------------------------------------------------------- */

static void
print_text(const struct pg_checked *c, const char *file, int quiet)
{
	size_t	i, ne, nw;

	for (i = 0; !quiet && i < c->diags.n; i++) {
		const struct pg_diag *g = &c->diags.v[i];
		if (g->accepted)
			continue;
		if (g->line > 0)
			printf("%s:%lu: %s: %s [%s]\n", file, g->line,
			    pg_severity_name(g->sev), g->msg, g->rule);
		else
			printf("%s: %s: %s [%s]\n", file,
			    pg_severity_name(g->sev), g->msg, g->rule);
	}
	ne = pg_diags_count(&c->diags, PG_ERROR);
	nw = pg_diags_count(&c->diags, PG_WARNING);
	printf("%s: %zu error%s, %zu warning%s", file, ne, ne == 1 ? "" : "s",
	    nw, nw == 1 ? "" : "s");
	if (c->completeness >= 0)
		printf("; completeness %d%%", c->completeness);
	putchar('\n');
}

static const char check_usage[] =
    "check [--strict] [--quiet] [--lang LANG] FILE...";

static int
cmd_check(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "strict", no_argument, NULL, 's' },
		{ "quiet", no_argument, NULL, 'q' },
		{ "lang", required_argument, NULL, 'L' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct pg_check_opts o = { NULL, 0 };
	int	c, i, quiet = 0, status = 0;
	char	err[1024];

	while ((c = getopt_long(argc, argv, "sqL:h", opts, NULL)) != -1) {
		switch (c) {
		case 's': o.strict = 1; break;
		case 'q': quiet = 1; break;
		case 'L': o.lang = optarg; break;
		case 'h': printf("usage: %s %s\n", progname, check_usage); return 0;
		default: return usage_error(check_usage);
		}
	}
	if (optind >= argc)
		return usage_error(check_usage);
	for (i = optind; i < argc; i++) {
		struct pg_checked res;
		if (pg_check_file(argv[i], &o, &res, err, sizeof(err)) != 0) {
			errorf("%s", err);
			status = EXIT_USAGE;
			pg_checked_free(&res);
			continue;
		}
		print_text(&res, argv[i], quiet);
		if (res.diags.oom) {
			errorf("%s: out of memory; some findings were lost", argv[i]);
			status = EXIT_USAGE;
		}
		if (pg_checked_failed(&res, o.strict) && status == 0)
			status = EXIT_FINDINGS;
		pg_checked_free(&res);
	}
	fflush(stdout);
	return status;
}

/* ---- schema ------------------------------------------------------------ */

static int
cmd_schema(int argc, char **argv)
{
	const char	*s;
	size_t		 len;

	if (argc == 2 && (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0)) {
		printf("usage: %s schema\n"
		    "Print the RELAX NG schema of the plan format (plan.rng).\n", progname);
		return 0;
	}
	if (argc > 1)
		return usage_error("schema");
	s = pg_schema_text(&len);
	if (fwrite(s, 1, len, stdout) != len || fflush(stdout) != 0) {
		errorf("cannot write the schema: %s", strerror(errno));
		return EXIT_USAGE;
	}
	return 0;
}

/* ---- the table --------------------------------------------------------- */

struct command {
	const char	*name;
	int		(*fn)(int, char **);
	const char	*summary;
};

static const struct command commands[] = {
	{ "check", cmd_check, "review plans against the format and the review rules" },
	{ "schema", cmd_schema, "print the RELAX NG schema of the plan format" },
	{ NULL, NULL, NULL },
};

static void
help(void)
{
	const struct command *c;

	printf("usage: %s COMMAND [OPTIONS] [FILE...]\n"
	    "       %s PLAN.xml            (render PLAN.pdf)\n\n"
	    "plangen turns a marketing plan written in XML into a PDF for\n"
	    "leadership, and reviews a plan for completeness.\n\nCommands:\n",
	    progname, progname);
	for (c = commands; c->name != NULL; c++)
		printf("  %-10s %s\n", c->name, c->summary);
	printf("\nExit status: 0 success, 1 the plan has errors, 2 usage or I/O error.\n"
	    "See plangen(1) for details.\n");
}

int
main(int argc, char **argv)
{
	const struct command *c;

	if (argc < 2)
		return usage_error("COMMAND [OPTIONS] [FILE...]");
	if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
		help();
		return 0;
	}
	if (strcmp(argv[1], "--version") == 0 || strcmp(argv[1], "-V") == 0) {
		printf("plangen %s\n", PACKAGE_VERSION);
		return 0;
	}
	pg_xml_init();
	for (c = commands; c->name != NULL; c++)
		if (strcmp(argv[1], c->name) == 0)
			return c->fn(argc - 1, argv + 1);
	errorf("unknown command '%s'", argv[1]);
	return usage_error("COMMAND [OPTIONS] [FILE...]");
}
