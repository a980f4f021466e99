/*
 * main.c — the plangen command line: dispatch, the shared helpers (cli.h)
 * and the first commands; src/cli/ holds the others.  The command line is
 * the only part of plangen that prints or exits.
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
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>
#ifdef HAVE_MALLOC_H
#include <malloc.h>
#endif

#include "cli/cli.h"
#include "review/check.h"
#include "base/diag.h"
#include "base/lang.h"
#include "base/embedded.h"
#include "model/init.h"
#include "base/outfile.h"
#include "pdf/pdf_write.h"
#include "compose/render.h"
#include "compose/template.h"
#include "review/report.h"
#include "review/ruledoc.h"
#include "review/rules_custom.h"
#include "review/schema.h"
#include "read/xml_read.h"

const char *progname = "plangen";

void
errorf(const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "%s: ", progname);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

/* libxml2 ran out of memory: a clean exit, before any output exists. */
static void
out_of_memory(void)
{
	static const char msg[] = "plangen: out of memory\n";

	if (write(STDERR_FILENO, msg, sizeof(msg) - 1) < 0) {
		/* nothing more to say */
	}
	_exit(EXIT_USAGE);
}

int
usage_error(const char *usage)
{
	fprintf(stderr, "usage: %s %s\n", progname, usage);
	fprintf(stderr, "Try '%s --help' for more information.\n", progname);
	return EXIT_USAGE;
}

/* cli.h */
int
lang_option(const char *arg, const char **tag)
{
	enum pg_lang	 l;

	if (pg_lang_parse(arg, &l) != 0) {
		errorf("unknown language '%s': use %s", arg, PG_LANG_VALID);
		return -1;
	}
	*tag = pg_lang_tag(l);
	return 0;
}

/* ---- check ------------------------------------------------------------- */

static const char check_usage[] =
    "check [--strict] [--quiet] [--lang LANG] [--format text|json|sarif|github]\n"
    "       [--rules FILE]... FILE...";

static int
cmd_check(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "strict", no_argument, NULL, 's' },
		{ "quiet", no_argument, NULL, 'q' },
		{ "lang", required_argument, NULL, 'L' },
		{ "format", required_argument, NULL, 'f' },
		{ "rules", required_argument, NULL, 'r' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct pg_check_opts	 o = { NULL, 0, NULL, 0 };
	struct pg_report_opts	 ro = { PG_FMT_TEXT, 0, NULL };
	struct pg_ruleset	*rs = NULL;
	struct pg_checked	*res = NULL;
	struct pg_report_file	*files = NULL;
	size_t			 nfiles = 0;
	int			 c, i, status = 0, lost = 0;
	char			 err[1024], *out;

	while ((c = getopt_long(argc, argv, "sqL:f:r:h", opts, NULL)) != -1) {
		switch (c) {
		case 's': o.strict = 1; break;
		case 'q': ro.quiet = 1; break;
		case 'L':
			if (lang_option(optarg, &o.lang) != 0) {
				pg_ruleset_free(rs);
				return usage_error(check_usage);
			}
			break;
		case 'f':
			if (pg_format_parse(optarg, &ro.fmt) != 0) {
				errorf("unknown format '%s' (use text, json, sarif or github)",
				    optarg);
				pg_ruleset_free(rs);
				return usage_error(check_usage);
			}
			break;
		case 'r':
			if (rs == NULL && (rs = pg_ruleset_new()) == NULL) {
				errorf("out of memory");
				return EXIT_USAGE;
			}
			if (pg_ruleset_load(rs, optarg, err, sizeof(err)) != 0) {
				errorf("%s", err);
				pg_ruleset_free(rs);
				return EXIT_USAGE;
			}
			break;
		case 'h': printf("usage: %s %s\n", progname, check_usage); return 0;
		default:
			pg_ruleset_free(rs);
			return usage_error(check_usage);
		}
	}
	if (optind >= argc) {
		pg_ruleset_free(rs);
		return usage_error(check_usage);
	}
	o.rules = rs;
	ro.rules = rs;
	res = calloc((size_t)(argc - optind), sizeof(*res));
	files = calloc((size_t)(argc - optind), sizeof(*files));
	if (res == NULL || files == NULL) {
		errorf("out of memory");
		free(res);
		free(files);
		pg_ruleset_free(rs);
		return EXIT_USAGE;
	}
#if defined(HAVE_MALLOPT) && defined(M_MXFAST)
	/*
	 * Coalesce small blocks when they are freed: a large plan leaves
	 * millions of them, and glibc's deferred consolidation walks them all
	 * again, out of cache (measured: 60 of 440 ms on 30,000 actions).
	 */
	(void)mallopt(M_MXFAST, 0);
#endif
	for (i = optind; i < argc; i++) {
		struct pg_checked *r = &res[nfiles];
		if (pg_check_file(argv[i], &o, r, err, sizeof(err)) != 0) {
			errorf("%s", err);
			status = EXIT_USAGE;
			pg_checked_free(r);
			continue;
		}
		if (r->diags.oom) {
			errorf("%s: out of memory; some findings were lost", argv[i]);
			status = EXIT_USAGE;
			lost = 1;
		}
		if (pg_checked_failed(r, o.strict) && status == 0)
			status = EXIT_FINDINGS;
		files[nfiles].file = argv[i];
		files[nfiles].res = r;
		nfiles++;
	}
	/* memory ran out: no report rather than one with findings missing */
	if (!lost && (nfiles > 0 || ro.fmt == PG_FMT_JSON || ro.fmt == PG_FMT_SARIF)) {
		if ((out = pg_report(files, nfiles, &ro)) == NULL) {
			errorf("out of memory");
			status = EXIT_USAGE;
		} else {
			fputs(out, stdout);
			free(out);
		}
	}
	for (i = 0; (size_t)i < nfiles; i++)
		pg_checked_free(&res[i]);
	free(res);
	free(files);
	pg_ruleset_free(rs);
	if (fflush(stdout) != 0 && status == 0)
		status = EXIT_USAGE;
	return status;
}

/* ---- explain ------------------------------------------------------------ */

static const char explain_usage[] =
    "explain [--lang LANG] [--rules FILE]... [RULE]\n"
    "       explain --man";

static int
cmd_explain(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "lang", required_argument, NULL, 'L' },
		{ "man", no_argument, NULL, 'm' },
		{ "rules", required_argument, NULL, 'r' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const struct pg_ruledoc	*r;
	struct pg_ruleset	*rs = NULL;
	enum pg_lang		 l;
	const char		*lang = NULL;
	char			*out, err[1024];
	int			 c, man = 0, status = 0, printed = 0;
	size_t			 i;

	while ((c = getopt_long(argc, argv, "L:mr:h", opts, NULL)) != -1) {
		switch (c) {
		case 'L':
			if (lang_option(optarg, &lang) != 0) {
				pg_ruleset_free(rs);
				return usage_error(explain_usage);
			}
			break;
		case 'm': man = 1; break;
		case 'r':
			if (rs == NULL && (rs = pg_ruleset_new()) == NULL) {
				errorf("out of memory");
				return EXIT_USAGE;
			}
			if (pg_ruleset_load(rs, optarg, err, sizeof(err)) != 0) {
				errorf("%s", err);
				pg_ruleset_free(rs);
				return EXIT_USAGE;
			}
			break;
		case 'h': printf("usage: %s %s\n", progname, explain_usage); return 0;
		default:
			pg_ruleset_free(rs);
			return usage_error(explain_usage);
		}
	}
	if (argc - optind > 1 || (man && argc - optind > 0)) {
		pg_ruleset_free(rs);
		return usage_error(explain_usage);
	}
	/* not about a plan: --lang, else the locale */
	l = lang != NULL ? pg_lang_of(lang) : pg_lang_locale();
	out = NULL;
	if (man)
		out = pg_ruledoc_man();
	else if (optind == argc) {
		if ((out = pg_ruledoc_list(l)) != NULL) {
			fputs(out, stdout);
			free(out);
			out = NULL;
			for (i = 0; i < pg_ruleset_count(rs); i++) {
				struct pg_rule_info ri;
				pg_ruleset_info(rs, i, &ri);
				printf("%-24s %-8s %s\n", ri.id,
				    pg_severity_name(ri.sev), ri.description);
			}
			printed = 1;
		}
	} else if ((r = pg_ruledoc_find(argv[optind])) != NULL)
		out = pg_ruledoc_explain(r, l);
	else {
		for (i = 0; i < pg_ruleset_count(rs); i++) {
			struct pg_rule_info ri;
			pg_ruleset_info(rs, i, &ri);
			if (strcmp(ri.id, argv[optind]) != 0)
				continue;
			printf("%s — %s\n", ri.id, ri.description);
			printf(l == PG_LANG_ZH ? "严重级别：%s\n团队规则：%s 第 %lu 行\n\n"
			    "提示信息：\n    %s\n" : "severity: %s\nteam rule: %s, "
			    "line %lu\n\nMessage:\n    %s\n", pg_severity_name(ri.sev),
			    ri.file, ri.line, ri.message);
			printed = 1;
			break;
		}
		if (i == pg_ruleset_count(rs)) {
			errorf("unknown rule '%s'; the rules are:", argv[optind]);
			for (i = 0; i < pg_ruledoc_count(); i++)
				fprintf(stderr, "  %s\n",
				    pg_finding_id(pg_ruledocs[i].f));
			for (i = 0; i < pg_ruleset_count(rs); i++) {
				struct pg_rule_info ri;
				pg_ruleset_info(rs, i, &ri);
				fprintf(stderr, "  %s\n", ri.id);
			}
			pg_ruleset_free(rs);
			return EXIT_USAGE;
		}
	}
	pg_ruleset_free(rs);
	if (out == NULL && !printed) {
		errorf("out of memory");
		return EXIT_USAGE;
	}
	if (out != NULL)
		fputs(out, stdout);
	free(out);
	if (fflush(stdout) != 0)
		status = EXIT_USAGE;
	return status;
}

/* ---- rules -------------------------------------------------------------- */

static const char rules_usage[] = "rules test FILE...";

static int
cmd_rules(int argc, char **argv)
{
	struct pg_ruleset	*rs;
	struct pg_rule_test	*t;
	size_t			 n, k;
	long			 failed;
	int			 i, status = 0;
	char			 err[1024];

	if (argc >= 2 && (strcmp(argv[1], "--help") == 0 ||
	    strcmp(argv[1], "-h") == 0)) {
		printf("usage: %s %s\n", progname, rules_usage);
		return 0;
	}
	if (argc < 3 || strcmp(argv[1], "test") != 0)
		return usage_error(rules_usage);
	for (i = 2; i < argc; i++) {
		if ((rs = pg_ruleset_new()) == NULL) {
			errorf("out of memory");
			return EXIT_USAGE;
		}
		if (pg_ruleset_load(rs, argv[i], err, sizeof(err)) != 0) {
			errorf("%s", err);
			pg_ruleset_free(rs);
			status = EXIT_USAGE;
			continue;
		}
		if ((failed = pg_ruleset_test(rs, &t, &n)) < 0) {
			errorf("out of memory");
			pg_ruleset_free(rs);
			return EXIT_USAGE;
		}
		for (k = 0; k < n; k++) {
			if (t[k].ok)
				printf("%s:%lu: example %zu of rule %s: ok\n", t[k].file,
				    t[k].line, t[k].example, t[k].rule);
			else
				printf("%s:%lu: example %zu of rule %s: FAILED %s\n",
				    t[k].file, t[k].line, t[k].example, t[k].rule,
				    t[k].detail);
		}
		printf("%s: %zu example%s, %ld failed\n", argv[i], n,
		    n == 1 ? "" : "s", failed);
		if (failed > 0 && status == 0)
			status = EXIT_FINDINGS;
		pg_rule_tests_free(t, n);
		pg_ruleset_free(rs);
	}
	if (fflush(stdout) != 0)
		status = EXIT_USAGE;
	return status;
}

/* ---- init -------------------------------------------------------------- */

static const char init_usage[] = "init [--lang LANG] [--force] [-o FILE]";

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
	const char	*lang = NULL, *out = "plan.xml";
	char		*text, err[1024];
	size_t		 len;
	int		 c, force = 0;

	while ((c = getopt_long(argc, argv, "L:o:fh", opts, NULL)) != -1) {
		switch (c) {
		case 'L':
			if (lang_option(optarg, &lang) != 0)
				return usage_error(init_usage);
			break;
		case 'o': out = optarg; break;
		case 'f': force = 1; break;
		case 'h': printf("usage: %s %s\n", progname, init_usage); return 0;
		default: return usage_error(init_usage);
		}
	}
	if (optind != argc)
		return usage_error(init_usage);
	if (lang == NULL)	/* not about a plan yet: the locale */
		lang = pg_lang_tag(pg_lang_locale());
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

/* ---- render ------------------------------------------------------------ */

/* Findings of a render go to stderr: stdout may carry the PDF (-o -). */
void
print_diags_stderr(const struct pg_diags *d, const char *file)
{
	char	*s;

	if ((s = pg_report_findings(d, file)) == NULL) {
		errorf("%s: out of memory; findings not shown", file);
		return;
	}
	fputs(s, stderr);
	free(s);
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

/* PLAN.xml -> PLAN.pdf (PLAN -> PLAN.pdf); cli.h. */
char *
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

/* Say so when the template's font families are not installed. */
static void
font_substitutes(const struct pg_fontset *fs, const struct pg_template *t)
{
	const char	*want[2] = { t->font_latin, t->font_cjk };
	int		 s, f;

	for (s = 0; s < 2; s++) {
		f = fs->map[s][0];
		if (want[s] == NULL || f < 0 || f >= fs->nfaces ||
		    fs->face[f].family == NULL)
			continue;
		if (strcasecmp(want[s], fs->face[f].family) != 0)
			errorf("warning: font '%s' (template %s) is not installed; "
			    "using '%s'", want[s], t->name, fs->face[f].family);
	}
}

static const char render_usage[] =
    "render [-o OUT.pdf] [-t TEMPLATE] [--draft] [--lang LANG]\n"
    "       [--since OLD.xml] FILE";

static int
cmd_render(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "output", required_argument, NULL, 'o' },
		{ "template", required_argument, NULL, 't' },
		{ "draft", no_argument, NULL, 'd' },
		{ "lang", required_argument, NULL, 'L' },
		{ "since", required_argument, NULL, 'S' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct pg_check_opts	 co = { NULL, 0, NULL, 0 };
	struct pg_render_opts	 ro;
	struct pg_checked	 res;
	struct pg_template	*tpl = NULL;
	struct pg_fontset	 fonts;
	struct pg_frames	 frames;
	struct pg_diags		 tdiags, warn;
	const char		*in, *tname = "default", *since = NULL;
	struct pg_checked	 old;
	struct pg_diff		 d;
	char			*out = NULL, err[1024];
	unsigned char		*pdf = NULL;
	size_t			 pdflen = 0, ne;
	int			 c, draft = 0, status = EXIT_USAGE;

	optind = 1;
	while ((c = getopt_long(argc, argv, "o:t:dL:S:h", opts, NULL)) != -1) {
		switch (c) {
		case 'o':
			free(out);
			if ((out = strdup(optarg)) == NULL) {
				errorf("out of memory");
				return EXIT_USAGE;
			}
			break;
		case 't': tname = optarg; break;
		case 'd': draft = 1; break;
		case 'S': since = optarg; break;
		case 'L':
			if (lang_option(optarg, &co.lang) != 0) {
				free(out);
				return usage_error(render_usage);
			}
			break;
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
	memset(&old, 0, sizeof(old));
	memset(&d, 0, sizeof(d));
	co.keep_doc = since != NULL;	/* --since compares the documents */
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
	if (since != NULL) {
		if (pg_check_file(since, &co, &old, err, sizeof(err)) != 0) {
			errorf("--since: %s", err);
			goto done;
		}
		if (old.doc == NULL) {
			print_diags_stderr(&old.diags, since);
			errorf("--since: %s is not well-formed XML and cannot be "
			    "compared: fix the error above first", since);
			goto done;
		}
		if (pg_diff(&old, since, &res, in, co.lang, &d) != 0) {
			errorf("out of memory");
			goto done;
		}
		pg_checked_free(&old);
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
	font_substitutes(&fonts, tpl);
	memset(&ro, 0, sizeof(ro));
	ro.file = in;
	ro.lang = co.lang;
	ro.draft = draft;
	ro.findings = &res.diags;
	ro.date = source_date();
	ro.since = since != NULL ? &d : NULL;
	if (pg_render(res.plan, tpl, &fonts, &ro, &frames, &warn, err,
	    sizeof(err)) != 0) {
		errorf("%s: %s", in, err);
		goto done;
	}
	/* the frames hold copies: drop the plan before the writer's peak */
	pg_checked_free(&res);
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
	pg_checked_free(&old);
	pg_diff_free(&d);
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
	{ "watch", cmd_watch, "re-check and re-render a plan whenever it is saved" },
	{ "diff", cmd_diff, "show what changed between two revisions of a plan" },
	{ "templates", cmd_templates, "list the report templates" },
	{ "init", cmd_init, "write a skeleton plan to fill in" },
	{ "explain", cmd_explain, "explain a review rule (or list them all)" },
	{ "rules", cmd_rules, "test a team rules file's examples" },
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
	pg_xml_set_oom_handler(out_of_memory);
	pg_xml_init();
	/* A file size limit (ulimit -f) must be a write error, not death
	 * with a temporary file left behind. */
	signal(SIGXFSZ, SIG_IGN);
	for (c = commands; c->name != NULL; c++)
		if (strcmp(argv[1], c->name) == 0)
			return c->fn(argc - 1, argv + 1);
	if (argv[1][0] != '-' && is_plan_file(argv[1]))
		return cmd_render(argc, argv);	/* plangen PLAN.xml */
	errorf("unknown command '%s'", argv[1]);
	return usage_error("COMMAND [OPTIONS] [FILE...]");
}
