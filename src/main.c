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

#include <sys/stat.h>

#include <errno.h>
#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "check.h"
#include "diag.h"
#include "embedded.h"
#include "init.h"
#include "outfile.h"
#include "pdf_write.h"
#include "render.h"
#include "template.h"
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

/* ---- init -------------------------------------------------------------- */

static const char init_usage[] = "init [--lang zh-CN|en] [--force] [-o FILE]";

/* SOURCE_DATE_EPOCH if set (reproducible output), else the clock. */
static time_t
build_time(void)
{
	const char	*s = getenv("SOURCE_DATE_EPOCH");
	char		*end;
	long long	 v;

	if (s != NULL && *s != '\0') {
		v = strtoll(s, &end, 10);
		if (*end == '\0' && v >= 0)
			return (time_t)v;
	}
	return time(NULL);
}

static int
cmd_init(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "lang", required_argument, NULL, 'L' },
		{ "output", required_argument, NULL, 'o' },
		{ "force", no_argument, NULL, 'f' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const char	*lang = "en", *out = "plan.xml";
	char		*text, err[1024];
	size_t		 len;
	int		 c, force = 0;

	while ((c = getopt_long(argc, argv, "L:o:fh", opts, NULL)) != -1) {
		switch (c) {
		case 'L': lang = optarg; break;
		case 'o': out = optarg; break;
		case 'f': force = 1; break;
		case 'h': printf("usage: %s %s\n", progname, init_usage); return 0;
		default: return usage_error(init_usage);
		}
	}
	if (optind != argc)
		return usage_error(init_usage);
	if (strcmp(lang, "en") != 0 && strcmp(lang, "zh-CN") != 0) {
		errorf("unknown language '%s': use zh-CN or en", lang);
		return EXIT_USAGE;
	}
	if ((text = pg_init_skeleton(lang, build_time(), &len)) == NULL) {
		errorf("out of memory");
		return EXIT_USAGE;
	}
	if (pg_write_atomic(out, text, len, !force, err, sizeof(err)) != 0) {
		errorf("%s", err);
		free(text);
		return EXIT_USAGE;
	}
	free(text);
	if (strcmp(out, "-") != 0)
		fprintf(stderr, "%s: wrote %s; fill it in, then run: %s check %s\n",
		    progname, out, progname, out);
	return 0;
}

/* ---- render ------------------------------------------------------------ */

/* Findings of a render go to stderr: stdout may carry the PDF (-o -). */
static void
print_diags_stderr(const struct pg_diags *d, const char *file)
{
	size_t	i;

	for (i = 0; i < d->n; i++) {
		const struct pg_diag *g = &d->v[i];
		if (g->accepted)
			continue;
		if (g->line > 0)
			fprintf(stderr, "%s:%lu: %s: %s [%s]\n",
			    g->file ? g->file : file, g->line,
			    pg_severity_name(g->sev), g->msg, g->rule);
		else
			fprintf(stderr, "%s: %s: %s [%s]\n",
			    g->file ? g->file : file,
			    pg_severity_name(g->sev), g->msg, g->rule);
	}
}

/* SOURCE_DATE_EPOCH as seconds, or -1 if unset or malformed. */
static long long
source_date(void)
{
	const char	*s = getenv("SOURCE_DATE_EPOCH");
	char		*end;
	long long	 v;

	if (s == NULL || *s == '\0')
		return -1;
	errno = 0;
	v = strtoll(s, &end, 10);
	if (errno != 0 || *end != '\0' || v < 0 || *s < '0' || *s > '9') {
		errorf("ignoring SOURCE_DATE_EPOCH=%s: not a number of seconds", s);
		return -1;
	}
	return v;
}

/* PLAN.xml -> PLAN.pdf (PLAN -> PLAN.pdf). */
static char *
default_output(const char *in)
{
	size_t	 n = strlen(in);
	char	*o = malloc(n + 5);

	if (o == NULL)
		return NULL;
	memcpy(o, in, n + 1);
	if (n > 4 && strcmp(in + n - 4, ".xml") == 0)
		o[n - 4] = '\0';
	strcat(o, ".pdf");
	return o;
}

static const char render_usage[] =
    "render [-o OUT.pdf] [-t TEMPLATE] [--draft] [--lang LANG] FILE";

static int
cmd_render(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "output", required_argument, NULL, 'o' },
		{ "template", required_argument, NULL, 't' },
		{ "draft", no_argument, NULL, 'd' },
		{ "lang", required_argument, NULL, 'L' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct pg_check_opts	 co = { NULL, 0 };
	struct pg_render_opts	 ro;
	struct pg_checked	 res;
	struct pg_template	*tpl = NULL;
	struct pg_fontset	 fonts;
	struct pg_frames	 frames;
	struct pg_diags		 tdiags, warn;
	const char		*in, *tname = "default";
	char			*out = NULL, err[1024];
	unsigned char		*pdf = NULL;
	size_t			 pdflen = 0, ne;
	int			 c, draft = 0, status = EXIT_USAGE;

	optind = 1;
	while ((c = getopt_long(argc, argv, "o:t:dL:h", opts, NULL)) != -1) {
		switch (c) {
		case 'o': free(out); out = strdup(optarg); break;
		case 't': tname = optarg; break;
		case 'd': draft = 1; break;
		case 'L': co.lang = optarg; break;
		case 'h':
			free(out);
			printf("usage: %s %s\n", progname, render_usage);
			return 0;
		default:
			free(out);
			return usage_error(render_usage);
		}
	}
	if (optind != argc - 1) {
		free(out);
		return usage_error(render_usage);
	}
	in = argv[optind];
	if (out == NULL && (out = default_output(in)) == NULL) {
		errorf("out of memory");
		return EXIT_USAGE;
	}
	if (strcmp(out, in) == 0 || pg_same_file(in, out)) {
		errorf("%s: the output would overwrite the input plan", out);
		free(out);
		return EXIT_USAGE;
	}
	memset(&fonts, 0, sizeof(fonts));
	pg_frames_init(&frames, 0, 0);
	pg_diags_init(&tdiags);
	pg_diags_init(&warn);
	if (pg_check_file(in, &co, &res, err, sizeof(err)) != 0) {
		errorf("%s", err);
		goto done;
	}
	print_diags_stderr(&res.diags, in);
	if (res.diags.oom) {
		errorf("%s: out of memory; some findings were lost", in);
		goto done;
	}
	ne = pg_diags_count(&res.diags, PG_ERROR);
	if (res.plan == NULL) {
		errorf("%s: not rendered: the plan cannot be read (%zu error%s)",
		    in, ne, ne == 1 ? "" : "s");
		status = EXIT_FINDINGS;
		goto done;
	}
	if (ne > 0 && !draft) {
		errorf("%s: not rendered: %zu error%s (fix them, or use --draft "
		    "for a marked draft)", in, ne, ne == 1 ? "" : "s");
		status = EXIT_FINDINGS;
		goto done;
	}
	switch (pg_template_load(tname, &tpl, &tdiags, err, sizeof(err))) {
	case 0:
		break;
	case -1:
		errorf("%s", err);
		goto done;
	default:
		print_diags_stderr(&tdiags, tname);
		errorf("%s: invalid template", tname);
		goto done;
	}
	if (pg_fontset_load(&fonts, tpl->font_latin, tpl->font_cjk, err,
	    sizeof(err)) != 0) {
		errorf("%s", err);
		goto done;
	}
	memset(&ro, 0, sizeof(ro));
	ro.file = in;
	ro.lang = co.lang;
	ro.draft = draft;
	ro.findings = &res.diags;
	ro.date = source_date();
	if (pg_render(res.plan, tpl, &fonts, &ro, &frames, &warn, err,
	    sizeof(err)) != 0) {
		errorf("%s: %s", in, err);
		goto done;
	}
	pg_diags_sort(&warn);
	print_diags_stderr(&warn, in);
	if (pg_pdf_write(&frames, &fonts, &pdf, &pdflen, err, sizeof(err)) != 0) {
		errorf("%s: %s", in, err);
		goto done;
	}
	if (pg_write_atomic(out, pdf, pdflen, 0, err, sizeof(err)) != 0) {
		errorf("%s", err);
		goto done;
	}
	status = 0;
done:
	free(pdf);
	pg_frames_free(&frames);
	pg_fontset_free(&fonts);
	pg_template_free(tpl);
	pg_diags_free(&tdiags);
	pg_diags_free(&warn);
	pg_checked_free(&res);
	free(out);
	return status;
}

/* ---- templates --------------------------------------------------------- */

static int
cmd_templates(int argc, char **argv)
{
	struct pg_template_info	*v;
	int			 n, i;

	(void)argv;
	if (argc > 1)
		return usage_error("templates");
	if ((n = pg_template_list(&v)) < 0) {
		errorf("out of memory");
		return EXIT_USAGE;
	}
	for (i = 0; i < n; i++)
		printf("%-12s %s (%s)\n", v[i].name, v[i].description, v[i].where);
	pg_template_list_free(v, n);
	return 0;
}

/* `plangen FILE`: FILE ends in .xml or is an existing file. */
static int
is_plan_file(const char *s)
{
	struct stat	st;
	size_t		n = strlen(s);

	if (n > 4 && strcmp(s + n - 4, ".xml") == 0)
		return 1;
	return stat(s, &st) == 0 && S_ISREG(st.st_mode);
}

/* ---- the table --------------------------------------------------------- */

struct command {
	const char	*name;
	int		(*fn)(int, char **);
	const char	*summary;
};

static const struct command commands[] = {
	{ "check", cmd_check, "review plans against the format and the review rules" },
	{ "render", cmd_render, "render a plan to PDF (also: plangen PLAN.xml)" },
	{ "templates", cmd_templates, "list the report templates" },
	{ "init", cmd_init, "write a skeleton plan to fill in" },
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
	if (argv[1][0] != '-' && is_plan_file(argv[1]))
		return cmd_render(argc, argv);	/* plangen PLAN.xml */
	errorf("unknown command '%s'", argv[1]);
	return usage_error("COMMAND [OPTIONS] [FILE...]");
}
