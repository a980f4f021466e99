/*
 * init.c — fill in the embedded skeleton (templates/init/en.xml, zh-CN.xml): @YEAR@ is
 * the planned year, @LASTYEAR@ the one before.  See init.h.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/embedded.h"
#include "model/init.h"
#include "base/lang.h"

int
pg_init_year(time_t now)
{
	struct tm tm;

	if (gmtime_r(&now, &tm) == NULL)
		return 2027;
	return tm.tm_year + 1900 + (tm.tm_mon >= 6);
}

char *
pg_init_skeleton(const char *lang, time_t now, size_t *len)
{
	const char	*src, *p;
	char		*out, *o, year[16], last[16];
	size_t		 slen;
	int		 y = pg_init_year(now);

	src = pg_embedded(pg_lang_is_zh(lang) ? "init-zh-CN.xml" :
	    "init-en.xml", &slen);
	if (src == NULL)
		return NULL;
	snprintf(year, sizeof(year), "%04d", y);
	snprintf(last, sizeof(last), "%04d", y - 1);
	/* Markers are longer than what replaces them: slen + 1 suffices. */
	if ((out = malloc(slen + 1)) == NULL)
		return NULL;
	for (p = src, o = out; *p != '\0'; ) {
		if (strncmp(p, "@YEAR@", 6) == 0) {
			memcpy(o, year, 4);
			o += 4;
			p += 6;
		} else if (strncmp(p, "@LASTYEAR@", 10) == 0) {
			memcpy(o, last, 4);
			o += 4;
			p += 10;
		} else
			*o++ = *p++;
	}
	*o = '\0';
	*len = (size_t)(o - out);
	return out;
}
