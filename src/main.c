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
#include "base/outname.h"
#include "base/strbuf.h"
#include "pdf/pdf_write.h"
#include "compose/render.h"
#include "compose/template.h"
#include "review/report.h"
#include "review/ruledoc.h"
#include "review/rules_custom.h"
#include "review/schema.h"
#include "read/xml_read.h"

const char *progname = "plangen";

/*
 * The language of what main.c says (lang.h): the locale, until a command
 * knows better (--lang; for a plan, the plan's lang).  T(en, zh) picks
 * the words; both are literals, so printf checks both formats.
 */
static enum pg_lang ui;
static int ui_hant;
#define T(en, zh)	(ui == PG_LANG_ZH ? (zh) : (en))

/* Speak the language of tag (a --lang value or a plan's lang). */
static void
speak(const char *tag)
{
	ui = pg_lang_of(tag);
	ui_hant = pg_lang_hant(tag);
	pg_lang_ui_set(ui);
}

/* Print s to f, in Traditional characters when the language asks. */
static void
put_text(FILE *f, const char *s)
{
	char *h;

	if (ui_hant && (h = pg_lang_to_hant(s)) != NULL) {
		fputs(h, f);
		free(h);
	} else
		fputs(s, f);
}

/* cli.h */
void
errorf(const char *fmt, ...)
{
	va_list ap;
	char	m[2048];

	va_start(ap, fmt);
	vsnprintf(m, sizeof(m), fmt, ap);
	va_end(ap);
	fprintf(stderr, "%s: ", progname);
	put_text(stderr, m);
	fputc('\n', stderr);
}

/* A message from another module (read/write errors), in the language. */
static void
error_io(const char *err)
{
	char m[1200];

	errorf("%s", pg_lang_io_msg(err, ui, m, sizeof(m)));
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
	fprintf(stderr, T("usage: %s %s\n", "用法：%s %s\n"), progname, usage);
	fprintf(stderr, T("Try '%s --help' for more information.\n",
	    "详见 '%s --help'。\n"), progname);
	return EXIT_USAGE;
}

/* The usage line of a command, on stdout (its --help). */
static int
usage_help(const char *usage)
{
	printf(T("usage: %s %s\n", "用法：%s %s\n"), progname, usage);
	return 0;
}

/* cli.h */
int
lang_option(const char *arg, const char **tag)
{
	enum pg_lang	 l;

	if (pg_lang_parse(arg, &l) != 0) {
		errorf(T("unknown language '%s': use %s", "不认识的语言“%s”：请用 %s"),
		    arg, PG_LANG_VALID);
		return -1;
	}
	*tag = pg_lang_tag_of(arg);
	speak(*tag);
	return 0;
}

/* ---- check ------------------------------------------------------------- */

static const char check_usage[] =
    "check [--strict] [--quiet] [--lang LANG] [--format text|json|sarif|github]\n"
    "       [--omit-accepted] [--rules FILE]... [--as-of YYYY-MM-DD] FILE...";

static int
cmd_check(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "strict", no_argument, NULL, 's' },
		{ "quiet", no_argument, NULL, 'q' },
		{ "lang", required_argument, NULL, 'L' },
		{ "format", required_argument, NULL, 'f' },
		{ "rules", required_argument, NULL, 'r' },
		{ "omit-accepted", no_argument, NULL, 'O' },
		{ "as-of", required_argument, NULL, 'a' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct pg_check_opts	 o = { NULL, 0, NULL, 0, { 0, 0, 0 } };
	struct pg_report_opts	 ro = { PG_FMT_TEXT, 0, NULL, 0 };
	struct pg_ruleset	*rs = NULL;
	struct pg_checked	*res = NULL;
	struct pg_report_file	*files = NULL;
	size_t			 nfiles = 0;
	int			 c, i, status = 0, lost = 0;
	char			 err[1024], *out, **unread = NULL;

	while ((c = getopt_long(argc, argv, "sqOL:f:r:a:h", opts, NULL)) != -1) {
		switch (c) {
		case 's': o.strict = 1; break;
		case 'a':
			if (as_of_option(optarg, &o.as_of) != 0) {
				pg_ruleset_free(rs);
				return usage_error(check_usage);
			}
			break;
		case 'q': ro.quiet = 1; break;
		case 'O': ro.omit_accepted = 1; break;
		case 'L':
			if (lang_option(optarg, &o.lang) != 0) {
				pg_ruleset_free(rs);
				return usage_error(check_usage);
			}
			break;
		case 'f':
			if (pg_format_parse(optarg, &ro.fmt) != 0) {
				errorf(T("unknown format '%s' (use text, json, sarif or github)",
				    "不认识的格式“%s”（请用 text、json、sarif 或 github）"),
				    optarg);
				pg_ruleset_free(rs);
				return usage_error(check_usage);
			}
			break;
		case 'r':
			if (rs == NULL && (rs = pg_ruleset_new()) == NULL) {
				errorf(T("out of memory", "内存不足"));
				return EXIT_USAGE;
			}
			if (pg_ruleset_load(rs, optarg, err, sizeof(err)) != 0) {
				errorf("%s", err);
				pg_ruleset_free(rs);
				return EXIT_USAGE;
			}
			break;
		case 'h': return usage_help(check_usage);
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
	o.keep_doc = 1;		/* for check_glyphs(), which frees it */
	ro.rules = rs;
	res = calloc((size_t)(argc - optind), sizeof(*res));
	files = calloc((size_t)(argc - optind), sizeof(*files));
	unread = calloc((size_t)(argc - optind), sizeof(*unread));
	if (res == NULL || files == NULL || unread == NULL) {
		errorf(T("out of memory", "内存不足"));
		free(res);
		free(files);
		free(unread);
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
			error_io(err);
			status = EXIT_USAGE;
			pg_checked_free(r);
			/* JSON lists it, with its error (report.h) */
			if (ro.fmt == PG_FMT_JSON &&
			    (unread[nfiles] = strdup(err)) != NULL) {
				files[nfiles].file = argv[i];
				files[nfiles].res = NULL;
				files[nfiles].error = unread[nfiles];
				nfiles++;
			}
			continue;
		}
		check_glyphs(r, argv[i]);
		if (r->diags.oom) {
			errorf(T("%s: out of memory; some findings were lost",
			    "%s：内存不足，部分问题没有列出"), argv[i]);
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
			errorf(T("out of memory", "内存不足"));
			status = EXIT_USAGE;
		} else {
			fputs(out, stdout);
			free(out);
		}
	}
	for (i = 0; (size_t)i < nfiles; i++) {
		pg_checked_free(&res[i]);
		free(unread[i]);
	}
	free(res);
	free(files);
	free(unread);
	pg_ruleset_free(rs);
	check_glyphs_done();
	if (fflush(stdout) != 0 && status == 0)
		status = EXIT_USAGE;
	return status;
}

/* ---- explain ------------------------------------------------------------ */

static const char explain_usage[] =
    "explain [--lang LANG] [--rules FILE]... [RULE]";

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
				errorf(T("out of memory", "内存不足"));
				return EXIT_USAGE;
			}
			if (pg_ruleset_load(rs, optarg, err, sizeof(err)) != 0) {
				errorf("%s", err);
				pg_ruleset_free(rs);
				return EXIT_USAGE;
			}
			break;
		case 'h': return usage_help(explain_usage);
		default:
			pg_ruleset_free(rs);
			return usage_error(explain_usage);
		}
	}
	if (argc - optind > 1 || (man && argc - optind > 0)) {
		pg_ruleset_free(rs);
		return usage_error(explain_usage);
	}
	/* not about a plan: --lang, else the locale (already spoken) */
	l = ui;
	out = NULL;
	if (man)
		out = pg_ruledoc_man();
	else if (optind == argc) {
		if ((out = pg_ruledoc_list(l)) != NULL) {
			put_text(stdout, out);
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
			    "line %lu\n\nMessage:\n    %s\n", l == PG_LANG_ZH ?
			    (ri.sev == PG_ERROR ? "错误" : "警告") :
			    pg_severity_name(ri.sev), ri.file, ri.line, ri.message);
			printed = 1;
			break;
		}
		if (i == pg_ruleset_count(rs)) {
			errorf(T("unknown rule '%s'; the rules are:",
			    "没有规则“%s”；规则有："), argv[optind]);
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
		errorf(T("out of memory", "内存不足"));
		return EXIT_USAGE;
	}
	if (out != NULL)
		put_text(stdout, out);
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
	    strcmp(argv[1], "-h") == 0))
		return usage_help(rules_usage);
	if (argc < 3 || strcmp(argv[1], "test") != 0)
		return usage_error(rules_usage);
	for (i = 2; i < argc; i++) {
		if ((rs = pg_ruleset_new()) == NULL) {
			errorf(T("out of memory", "内存不足"));
			return EXIT_USAGE;
		}
		if (pg_ruleset_load(rs, argv[i], err, sizeof(err)) != 0) {
			errorf("%s", err);
			pg_ruleset_free(rs);
			status = EXIT_USAGE;
			continue;
		}
		if ((failed = pg_ruleset_test(rs, &t, &n)) < 0) {
			errorf(T("out of memory", "内存不足"));
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
		case 'h': return usage_help(init_usage);
		default: return usage_error(init_usage);
		}
	}
	if (optind != argc)
		return usage_error(init_usage);
	if (lang == NULL)	/* not about a plan yet: the locale */
		lang = ui == PG_LANG_ZH ? (ui_hant ? "zh-TW" : "zh-CN") : "en";
	if ((text = pg_init_skeleton(lang, build_time(), &len)) == NULL) {
		errorf(T("out of memory", "内存不足"));
		return EXIT_USAGE;
	}
	if (pg_write_atomic(out, text, len, !force, err, sizeof(err)) != 0) {
		error_io(err);
		free(text);
		return EXIT_USAGE;
	}
	free(text);
	if (strcmp(out, "-") != 0)
		errorf(T("wrote %s; fill it in (every 待补充/TODO), then run: "
		    "%s check %s", "已写入 %s；请填写其中的内容（每个“待补充”），然后运行："
		    "%s check %s"), out, progname, out);
	return 0;
}

/* ---- schema ------------------------------------------------------------ */

static int
cmd_schema(int argc, char **argv)
{
	const char	*s;
	size_t		 len;

	if (argc == 2 && (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0)) {
		printf(T("usage: %s schema\n"
		    "Print the RELAX NG schema of the plan format (plan.rng).\n",
		    "用法：%s schema\n输出计划书格式的 RELAX NG schema（plan.rng）。\n"),
		    progname);
		return 0;
	}
	if (argc > 1)
		return usage_error("schema");
	s = pg_schema_text(&len);
	if (fwrite(s, 1, len, stdout) != len || fflush(stdout) != 0) {
		errorf(T("cannot write the schema: %s", "无法输出 schema：%s"),
		    strerror(errno));
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

	if ((s = pg_report_findings(d, file, ui == PG_LANG_ZH ?
	    (ui_hant ? "zh-TW" : "zh-CN") : "en")) == NULL) {
		errorf(T("%s: out of memory; findings not shown",
		    "%s：内存不足，问题没有列出"), file);
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
		errorf(T("ignoring SOURCE_DATE_EPOCH=%s: not a number of seconds",
		    "忽略 SOURCE_DATE_EPOCH=%s：它不是秒数"), s);
		return -1;
	}
	return v;
}

/* PLAN.xml -> PLAN.pdf (PLAN -> PLAN.pdf); cli.h. */
char *
default_output(const char *in)
{
	char	*r;

	return pg_output_name(NULL, in, &r) == 0 ? r : NULL;
}

/*
 * The output name for -o o (NULL: none), or NULL after an error message
 * (outname.h decides).
 */
static char *
output_name(const char *o, const char *in)
{
	char	*r;

	switch (pg_output_name(o, in, &r)) {
	case 0:
		return r;
	case -1:
		errorf(T("-o %s: plangen writes PDF only; name the output "
		    "*.pdf (or give a directory)", "-o %s：plangen 只输出 PDF；"
		    "请把输出文件命名为 *.pdf（或给出一个目录）"), o);
		return NULL;
	default:
		errorf(T("out of memory", "内存不足"));
		return NULL;
	}
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
			errorf(T("warning: font '%s' (template %s) is not installed; "
			    "using '%s'", "警告: 没有安装字体“%s”（模板 %s）；改用“%s”"),
			    want[s], t->name, fs->face[f].family);
	}
}

static const char render_usage[] =
    "render [-o OUT.pdf|DIR/] [-t TEMPLATE] [--draft] [--pdfa] [--quiet]\n"
    "       [--lang LANG] [--since OLD.xml] [--as-of YYYY-MM-DD] FILE";

static int
cmd_render(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "output", required_argument, NULL, 'o' },
		{ "template", required_argument, NULL, 't' },
		{ "draft", no_argument, NULL, 'd' },
		{ "pdfa", no_argument, NULL, 'A' },
		{ "lang", required_argument, NULL, 'L' },
		{ "since", required_argument, NULL, 'S' },
		{ "quiet", no_argument, NULL, 'q' },
		{ "as-of", required_argument, NULL, 'a' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct pg_check_opts	 co = { NULL, 0, NULL, 0, { 0, 0, 0 } };
	struct pg_render_opts	 ro;
	struct pg_checked	 res;
	struct pg_template	*tpl = NULL;
	struct pg_fontset	 fonts;
	struct pg_frames	 frames;
	struct pg_diags		 tdiags, warn;
	const char		*in, *tname = "default", *since = NULL, *oarg = NULL;
	struct pg_checked	 old;
	struct pg_diff		 d;
	char			*out = NULL, err[1024];
	unsigned char		*pdf = NULL;
	size_t			 pdflen = 0, ne, npages = 0;
	int			 c, draft = 0, quiet = 0, status = EXIT_USAGE;
	struct pg_pdf_opts	 po = { 0, NULL };

	optind = 1;
	while ((c = getopt_long(argc, argv, "o:t:dqL:S:a:h", opts, NULL)) != -1) {
		switch (c) {
		case 'o': oarg = optarg; break;
		case 'a':
			if (as_of_option(optarg, &co.as_of) != 0) {
				free(out);
				return usage_error(render_usage);
			}
			break;
		case 't': tname = optarg; break;
		case 'd': draft = 1; break;
		case 'q': quiet = 1; break;
		case 'S': since = optarg; break;
		case 'A': po.pdfa = 1; break;
		case 'L':
			if (lang_option(optarg, &co.lang) != 0) {
				free(out);
				return usage_error(render_usage);
			}
			break;
		case 'h':
			free(out);
			return usage_help(render_usage);
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
	if (po.pdfa && (po.icc = pg_pdf_srgb_icc()) == NULL) {
		errorf(T("--pdfa needs an sRGB ICC profile: install the Debian "
		    "package icc-profiles-free, or set PLANGEN_ICC to one",
		    "--pdfa 需要 sRGB ICC 色彩配置文件：请安装 Debian 软件包 "
		    "icc-profiles-free，或用 PLANGEN_ICC 指定一个"));
		free(out);
		return EXIT_USAGE;
	}
	if ((out = output_name(oarg, in)) == NULL)
		return EXIT_USAGE;
	if (strcmp(out, in) == 0 || pg_same_file(in, out)) {
		errorf(T("%s: the output would overwrite the input plan",
		    "%s：输出会覆盖输入的计划书"), out);
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
		error_io(err);
		goto done;
	}
	/* from here on, about the plan: its language (--lang, else lang=) */
	speak(res.lang == PG_LANG_ZH ? (res.hant ? "zh-TW" : "zh-CN") : "en");
	print_diags_stderr(&res.diags, in);
	if (res.lang_hint && !quiet)
		fprintf(stderr, T("%s: note: %s\n", "%s: 提示: %s\n"), in,
		    PG_LANG_HINT_NOTE);
	if (res.diags.oom) {
		errorf(T("%s: out of memory; some findings were lost",
		    "%s：内存不足，部分问题没有列出"), in);
		goto done;
	}
	ne = pg_diags_count(&res.diags, PG_ERROR);
	if (res.plan == NULL) {
		/* --draft cannot help: there is no plan model to draw */
		if (pg_diags_count_rule(&res.diags, "xml-syntax") > 0)
			errorf(T("%s: not rendered: it is not well-formed XML "
			    "(%zu error%s above); --draft cannot draw it", "%s：没有生成 "
			    "PDF：文件不是格式正确的 XML（上面 %zu 个错误%.0s）；--draft "
			    "也无法生成"), in, ne, ne == 1 ? "" : "s");
		else
			errorf(T("%s: not rendered: it does not match the plan "
			    "format (%zu schema error%s above); fix them: --draft "
			    "draws only a plan that matches the format", "%s：没有生成 "
			    "PDF：它不符合计划书格式（上面 %zu 个 schema 错误%.0s）；"
			    "请先改正：--draft 只能生成符合格式的计划书"), in, ne,
			    ne == 1 ? "" : "s");
		status = EXIT_FINDINGS;
		goto done;
	}
	if (ne > 0 && !draft) {
		errorf(T("%s: not rendered: %zu error%s (fix them, or use "
		    "--draft for a marked draft)", "%s：没有生成 PDF：有 %zu 个错误"
		    "%.0s（请改正，或用 --draft 生成带“草稿”标记的版本）"), in, ne,
		    ne == 1 ? "" : "s");
		status = EXIT_FINDINGS;
		goto done;
	}
	if (!draft) {
		/* placeholder text left: not a final PDF (README: Rendering) */
		size_t i, nph = 0;
		for (i = 0; i < res.diags.n; i++)
			if (!res.diags.v[i].accepted && strcmp(res.diags.v[i].rule,
			    "placeholder-text") == 0)
				nph++;
		if (nph > 0) {
			draft = 1;
			errorf(T("%s: %zu placeholder%s (TODO, TBD, 待补充 ...) still "
			    "in the plan: rendered as a draft, marked DRAFT; fill "
			    "them in for the final PDF", "%s：计划中仍有 %zu 处占位"
			    "文字%.0s（待补充、TODO 等）：已按草稿生成，带“草稿”标记；"
			    "全部填写后才会生成正式版"), in, nph, nph == 1 ? "" : "s");
		}
	}
	if (since != NULL) {
		if (pg_check_file(since, &co, &old, err, sizeof(err)) != 0) {
			char m[1100];
			errorf("--since: %s", pg_lang_io_msg(err, ui, m, sizeof(m)));
			goto done;
		}
		if (old.doc == NULL) {
			print_diags_stderr(&old.diags, since);
			errorf(T("--since: %s is not well-formed XML and cannot be "
			    "compared: fix the error above first", "--since：%s 不是"
			    "格式正确的 XML，无法比较：请先改正上面的错误"), since);
			goto done;
		}
		if (pg_diff(&old, since, &res, in, co.lang, &d) != 0) {
			errorf("%s", T("out of memory", "内存不足"));
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
		errorf(T("%s: invalid template", "%s：模板无效"), tname);
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
	npages = frames.npages;
	/* the frames hold copies: drop the plan before the writer's peak */
	pg_checked_free(&res);
	pg_diags_sort(&warn);
	print_diags_stderr(&warn, in);
	if (pg_pdf_write_opts(&frames, &fonts, &po, &pdf, &pdflen, err,
	    sizeof(err)) != 0) {
		errorf("%s: %s", in, err);
		goto done;
	}
	if (pg_write_atomic(out, pdf, pdflen, 0, err, sizeof(err)) != 0) {
		error_io(err);
		goto done;
	}
	if (!quiet && strcmp(out, "-") != 0)
		errorf(T("wrote %s (%zu page%s%s)", "已写入 %s（共 %zu 页%.0s%s）"),
		    out, npages, npages == 1 ? "" : "s", draft ? T(", draft",
		    "，草稿") : "");
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

	if (argc == 2 && (strcmp(argv[1], "--help") == 0 ||
	    strcmp(argv[1], "-h") == 0))
		return usage_help("templates");
	if (argc > 1)
		return usage_error("templates");
	if ((n = pg_template_list(&v)) < 0) {
		errorf(T("out of memory", "内存不足"));
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
	const char	*summary[PG_LANG_N];
};

static const struct command commands[] = {
	{ "check", cmd_check, { "review plans against the format and the review rules",
	    "按格式和复核规则检查计划书" } },
	{ "render", cmd_render, { "render a plan to PDF (also: plangen PLAN.xml)",
	    "把计划书生成 PDF（也可以写 plangen PLAN.xml）" } },
	{ "watch", cmd_watch, { "re-check and re-render a plan whenever it is saved",
	    "计划书每次保存后重新检查并重新生成 PDF" } },
	{ "diff", cmd_diff, { "show what changed between two revisions of a plan",
	    "比较计划书的两个版本有什么变化" } },
	{ "templates", cmd_templates, { "list the report templates", "列出报告模板" } },
	{ "init", cmd_init, { "write a skeleton plan to fill in", "生成一份待填写的计划书框架" } },
	{ "explain", cmd_explain, { "explain a review rule (or list them all)",
	    "解释一条复核规则（不带参数则列出全部）" } },
	{ "rules", cmd_rules, { "test a team rules file's examples", "测试团队规则文件中的示例" } },
	{ "schema", cmd_schema, { "print the RELAX NG schema of the plan format",
	    "输出计划书格式的 RELAX NG schema" } },
	{ NULL, NULL, { NULL, NULL } },
};

static void
help(void)
{
	const struct command *c;
	struct pg_sb	b;
	char		*t;

	pg_sb_init(&b);
	pg_sb_printf(&b, T("usage: %s COMMAND [OPTIONS] [FILE...]\n"
	    "       %s PLAN.xml            (render PLAN.pdf)\n\n"
	    "plangen turns a marketing plan written in XML into a PDF for\n"
	    "leadership, and reviews a plan for completeness.\n\nCommands:\n",
	    "用法：%s 命令 [选项] [文件...]\n"
	    "      %s PLAN.xml            （生成 PLAN.pdf）\n\n"
	    "plangen 把用 XML 写的营销计划书生成给管理层看的 PDF，\n"
	    "并检查计划书是否完整。\n\n命令：\n"), progname, progname);
	for (c = commands; c->name != NULL; c++)
		pg_sb_printf(&b, "  %-10s %s\n", c->name, c->summary[ui]);
	pg_sb_printf(&b, T("\nLanguage: --lang, else the plan's lang=, else the "
	    "locale (en, zh-CN, zh-TW).\nExit status: 0 success, 1 the plan has "
	    "errors, 2 usage or I/O error.\nSee plangen(1) and "
	    "`%s explain RULE` for details.\n", "\n语言：--lang，否则按计划书的 "
	    "lang=，否则按系统区域设置（en、zh-CN、zh-TW）。\n退出状态：0 成功，1 计划书"
	    "有错误，2 用法或读写错误。\n详见 plangen(1) 和 `%s explain 规则`。\n"),
	    progname);
	if ((t = pg_sb_take(&b)) != NULL) {
		put_text(stdout, t);
		free(t);
	}
}

int
main(int argc, char **argv)
{
	const struct command *c;

	ui = pg_lang_locale();
	pg_lang_ui_set(ui);
	ui_hant = pg_lang_locale_hant();
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
	errorf(T("unknown command '%s'", "没有命令“%s”"), argv[1]);
	return usage_error("COMMAND [OPTIONS] [FILE...]");
}
