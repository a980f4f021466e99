/*
 * main.c — the plangen command line: dispatch, the shared helpers (cli.h)
 * and the small commands (explain, rules, init, schema, templates);
 * src/cli/ holds check, render, diff and watch.  The command line is
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
#include "layout/font.h"
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

/* cli.h */
void
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

/* cli.h */
const char *
ui_tag(void)
{
	return ui == PG_LANG_ZH ? (ui_hant ? "zh-TW" : "zh-CN") : "en";
}

/* 1 once "cannot write to standard output" has been said. */
static int stdout_said;

/* cli.h */
void
error_io(const char *err)
{
	char m[1200];

	if (strncmp(err, "cannot write to standard output", 31) == 0)
		stdout_said = 1;
	errorf("%s", pg_lang_io_msg(err, ui, m, sizeof(m)));
}

/*
 * A command's exit status, made EXIT_USAGE with "cannot write to standard
 * output: REASON" (said once, in the user's language) if any of its
 * output could not be written, so that a full disk never passes for
 * success, whatever the command did about it.  The reason is fflush's, or
 * for an error met earlier the last write error errno holds (EIO if it
 * holds none).
 */
static int
stdout_done(int status)
{
	char	m[300];
	int	e = errno;

	if (fflush(stdout) != 0)
		e = errno;
	else if (!ferror(stdout))
		return status;
	if (e != ENOSPC && e != EDQUOT && e != EFBIG && e != EPIPE && e != EBADF)
		e = EIO;
	if (!stdout_said) {
		snprintf(m, sizeof(m), "cannot write to standard output: %s",
		    strerror(e));
		error_io(m);
	}
	return EXIT_USAGE;
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

/* cli.h */
int
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

/* cli.h */
int
rules_option(struct pg_ruleset **rs, const char *path)
{
	char err[1024];

	if (*rs == NULL && (*rs = pg_ruleset_new()) == NULL) {
		errorf("%s", T("out of memory", "内存不足"));
		return -1;
	}
	if (pg_ruleset_load(*rs, path, err, sizeof(err)) != 0) {
		errorf("%s", err);
		pg_ruleset_free(*rs);
		*rs = NULL;
		return -1;
	}
	return 0;
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
	char			*out;
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
			if (rules_option(&rs, optarg) != 0)
				return EXIT_USAGE;
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
	char			 err[1024], *out;
	struct pg_sb		 b;

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
		pg_sb_init(&b);
		for (k = 0; k < n; k++) {
			if (t[k].ok)
				pg_sb_printf(&b, T("%s:%lu: example %zu of rule %s: ok\n",
				    "%s:%lu: 第 %zu 个示例（规则 %s）：通过\n"), t[k].file,
				    t[k].line, t[k].example, t[k].rule);
			else
				pg_sb_printf(&b, T("%s:%lu: example %zu of rule %s: FAILED %s\n",
				    "%s:%lu: 第 %zu 个示例（规则 %s）：失败：%s\n"),
				    t[k].file, t[k].line, t[k].example, t[k].rule,
				    t[k].detail);
		}
		if (ui == PG_LANG_ZH)
			pg_sb_printf(&b, "%s：%zu 个示例，%ld 个失败\n", argv[i], n, failed);
		else
			pg_sb_printf(&b, "%s: %zu example%s, %ld failed\n", argv[i], n,
			    n == 1 ? "" : "s", failed);
		if ((out = pg_sb_take(&b)) == NULL) {
			errorf(T("out of memory", "内存不足"));
			pg_rule_tests_free(t, n);
			pg_ruleset_free(rs);
			return EXIT_USAGE;
		}
		put_text(stdout, out);
		free(out);
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
	if (fwrite(s, 1, len, stdout) != len || fflush(stdout) != 0)
		return stdout_done(EXIT_USAGE);	/* says why */
	return 0;
}

/* ---- templates --------------------------------------------------------- */

static const char templates_usage[] = "templates [--show NAME]";

/* `plangen templates`: the list; --show NAME: a built-in one's XML. */
static int
cmd_templates(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "show", required_argument, NULL, 's' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct pg_template_info	*v;
	const char		*show = NULL, *src;
	size_t			 len;
	int			 n, i, c;

	optind = 1;
	while ((c = getopt_long(argc, argv, "s:h", opts, NULL)) != -1) {
		switch (c) {
		case 's': show = optarg; break;
		case 'h':
			usage_help(templates_usage);
			printf("%s", T("List the report templates (name, description, "
			    "where it comes from, the template it extends).\n"
			    "--show NAME prints a built-in template's XML, to start "
			    "your own from:\n  plangen templates --show default > "
			    "brand.xml\n", "列出报告模板（名称、说明、来源、所继承的模板）。\n"
			    "--show 名称 输出一个内置模板的 XML，可以从它开始写自己的模板：\n"
			    "  plangen templates --show default > brand.xml\n"));
			return 0;
		default:
			return usage_error(templates_usage);
		}
	}
	if (optind != argc)
		return usage_error(templates_usage);
	if (show != NULL) {
		if ((src = pg_template_source(show, &len)) == NULL) {
			errorf(T("no built-in template named '%s' (see 'plangen "
			    "templates')", "没有名为“%s”的内置模板（可用的模板见 "
			    "plangen templates）"), show);
			return EXIT_USAGE;
		}
		if (fwrite(src, 1, len, stdout) != len || fflush(stdout) != 0)
			return stdout_done(EXIT_USAGE);	/* says why */
		return 0;
	}
	if ((n = pg_template_list(&v)) < 0) {
		errorf(T("out of memory", "内存不足"));
		return EXIT_USAGE;
	}
	for (i = 0; i < n; i++) {
		const char *where = strcmp(v[i].where, "built in") == 0 ?
		    T("built in", "内置") : v[i].where;
		if (v[i].extends != NULL)
			printf(T("%-12s %s (%s; extends %s)\n", "%-12s %s（%s；继承 %s）\n"),
			    v[i].name, v[i].description, where, v[i].extends);
		else
			printf(T("%-12s %s (%s)\n", "%-12s %s（%s）\n"), v[i].name,
			    v[i].description, where);
	}
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
	{ "templates", cmd_templates, { "list the report templates (--show NAME prints one)",
	    "列出报告模板（--show 名称 输出其中一个）" } },
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
	pg_fontset_use_cache(1);	/* fontconfig's answers kept on disk */
	if (argc < 2)
		return usage_error("COMMAND [OPTIONS] [FILE...]");
	if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
		help();
		return stdout_done(0);
	}
	if (strcmp(argv[1], "--version") == 0 || strcmp(argv[1], "-V") == 0) {
		printf("plangen %s\n", PACKAGE_VERSION);
		return stdout_done(0);
	}
	pg_xml_set_oom_handler(out_of_memory);
	pg_xml_init();
	/* A file size limit (ulimit -f) must be a write error, not death
	 * with a temporary file left behind. */
	signal(SIGXFSZ, SIG_IGN);
	for (c = commands; c->name != NULL; c++)
		if (strcmp(argv[1], c->name) == 0)
			return stdout_done(c->fn(argc - 1, argv + 1));
	if (argv[1][0] != '-' && is_plan_file(argv[1]))
		return stdout_done(cmd_render(argc, argv));	/* plangen PLAN.xml */
	errorf(T("unknown command '%s'", "没有命令“%s”"), argv[1]);
	return usage_error("COMMAND [OPTIONS] [FILE...]");
}
