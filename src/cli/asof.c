/*
 * asof.c — the --as-of option of `check` and `render` (cli.h).
 */
#include "config.h"

#include "cli/cli.h"
#include "base/lang.h"
#include "model/model.h"

int
as_of_option(const char *arg, struct pg_date *out)
{
	if (pg_date_parse(arg, out) == 0)
		return 0;
	if (pg_lang_ui() == PG_LANG_ZH)
		errorf("--as-of 的日期“%s”无效：请用 YYYY-MM-DD 格式的真实日期", arg);
	else
		errorf("invalid --as-of date '%s': use a real date as YYYY-MM-DD",
		    arg);
	return -1;
}
