/*
 * diff.c — `plangen diff OLD.xml NEW.xml` (diff/diff.h does the work).
 */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "base/lang.h"
#include "diff/diff.h"
#include "review/check.h"
#include "review/rules_custom.h"

static const char diff_usage[] =
    "diff [--format text|json|markdown] [--lang LANG] [--rules FILE]...\n"
    "       OLD.xml NEW.xml";

/* Check one side of a diff, keeping its document; 0, or -1 (reported). */
static int
diff_side(const char *path, const struct pg_check_opts *o,
    struct pg_checked *r, int zh)
{
	char err[1024];

	if (pg_check_file(path, o, r, err, sizeof(err)) != 0) {
		error_io(err);
		return -1;
	}
	if (r->diags.oom) {
		errorf("%s", T("out of memory", "内存不足"));
		return -1;
	}
	if (r->doc == NULL) {
		print_diags_stderr(&r->diags, path);
		errorf(zh ? "%s 不是格式正确的 XML，无法比较：先修正上面的错误" :
		    "%s is not well-formed XML and cannot be compared: fix the "
		    "error above first", path);
		return -1;
	}
	return 0;
}

int
cmd_diff(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "format", required_argument, NULL, 'f' },
		{ "lang", required_argument, NULL, 'L' },
		{ "rules", required_argument, NULL, 'r' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct pg_check_opts	 o = { NULL, 0, NULL, 1, { 0, 0, 0 } };
	enum pg_diff_format	 fmt = PG_DIFF_TEXT;
	struct pg_ruleset	*rs = NULL;
	struct pg_checked	 r[2];
	struct pg_diff		 d;
	int			 c, status = EXIT_USAGE, zh;
	char			*out;

	memset(r, 0, sizeof(r));
	zh = pg_lang_locale() == PG_LANG_ZH;
	while ((c = getopt_long(argc, argv, "f:L:r:h", opts, NULL)) != -1) {
		switch (c) {
		case 'f':
			if (pg_diff_format_parse(optarg, &fmt) == 0)
				break;
			errorf(T("unknown format '%s' (use text, json or markdown)",
			    "不认识的格式“%s”（请用 text、json 或 markdown）"),
			    optarg);
			goto usage;
		case 'L':
			if (lang_option(optarg, &o.lang) != 0)
				goto usage;
			zh = pg_lang_is_zh(o.lang);
			break;
		case 'r':
			if (rules_option(&rs, optarg) != 0)
				return EXIT_USAGE;
			break;
		case 'h': printf("usage: %s %s\n", progname, diff_usage); return 0;
		default: goto usage;
		}
	}
	if (argc - optind != 2)
		goto usage;
	o.rules = rs;
	if (diff_side(argv[optind], &o, &r[0], zh) == 0 &&
	    diff_side(argv[optind + 1], &o, &r[1], zh) == 0) {
		if (pg_diff(&r[0], argv[optind], &r[1], argv[optind + 1], o.lang,
		    &d) != 0 || (out = pg_diff_report(&d, fmt)) == NULL)
			errorf("%s", T("out of memory", "内存不足"));
		else {
			fputs(out, stdout);
			free(out);
			status = pg_diff_same(&d) ? 0 : 1;
		}
		pg_diff_free(&d);
	}
	pg_checked_free(&r[0]);
	pg_checked_free(&r[1]);
	pg_ruleset_free(rs);
	if (fflush(stdout) != 0)
		status = EXIT_USAGE;
	return status;
usage:
	pg_ruleset_free(rs);
	return usage_error(diff_usage);
}

