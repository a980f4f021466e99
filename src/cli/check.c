/*
 * check.c — `plangen check`: review plans and report the findings in the
 * chosen format (review/report.h), with team rules, --as-of and --strict.
 * See cli.h.
 */
#include "config.h"

#include <sys/stat.h>

#include <errno.h>
#include <getopt.h>
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
#include "base/diag.h"
#include "base/lang.h"
#include "base/outfile.h"
#include "base/outname.h"
#include "base/strbuf.h"
#include "compose/render.h"
#include "compose/template.h"
#include "layout/font.h"
#include "model/model.h"
#include "pdf/pdf_write.h"
#include "read/xml_read.h"
#include "review/check.h"
#include "review/report.h"
#include "review/rules_custom.h"

/* ---- check ------------------------------------------------------------- */

static const char check_usage[] =
    "check [--strict] [--quiet] [--lang LANG] [--format text|json|sarif|github]\n"
    "       [--omit-accepted] [--rules FILE]... [--as-of YYYY-MM-DD] FILE...";

/*
 * After a text report with findings: once, on stderr, how to read more
 * about the first built-in review rule that fired (not xml-syntax or
 * schema, whose messages say what to write) (`plangen explain RULE`, the
 * best help plangen has and the least found), in that plan's language.
 */
static void
explain_hint(const struct pg_report_file *files, size_t n)
{
	size_t		i, k;
	enum pg_finding	f;

	for (i = 0; i < n; i++)
		for (k = 0; files[i].res != NULL && k < files[i].res->diags.n; k++) {
			const struct pg_diag *g = &files[i].res->diags.v[k];
			if (g->accepted || pg_finding_lookup(g->rule, &f) != 0 ||
			    f == PG_F_XML_SYNTAX || f == PG_F_SCHEMA)
				continue;	/* those messages say what to write */
			if (files[i].res->lang == PG_LANG_ZH) {
				char m[256], *h = NULL;
				snprintf(m, sizeof(m), "%s：想知道一条规则查什么、为什么"
				    "重要、怎么改，请运行 plangen explain %s\n", progname,
				    g->rule);
				if (files[i].res->hant)
					h = pg_lang_to_hant(m);
				fputs(h != NULL ? h : m, stderr);
				free(h);
			} else
				fprintf(stderr, "%s: what a rule checks, why it matters "
				    "and how to fix it: plangen explain %s\n", progname,
				    g->rule);
			return;
		}
}

int
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
			if (rules_option(&rs, optarg) != 0)
				return EXIT_USAGE;
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
	if (!lost && ro.fmt == PG_FMT_TEXT && !ro.quiet)
		explain_hint(files, nfiles);
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
