/*
 * lang.c — the one place that decides a language.  See lang.h.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base/lang.h"

/* 1 if s starts with the primary subtag p (two letters, any case). */
static int
primary(const char *s, const char *p)
{
	return strncasecmp(s, p, 2) == 0 &&
	    (s[2] == '\0' || s[2] == '-' || s[2] == '_');
}

/*
 * The rest of a tag after its primary subtag: subtags of letters and
 * digits after '-' or '_', then optionally a locale's ".charset" and
 * "@modifier".  1 if well formed.
 */
static int
rest_ok(const char *s)
{
	size_t	n;

	while (*s == '-' || *s == '_') {
		s++;
		n = strspn(s, "abcdefghijklmnopqrstuvwxyz"
		    "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789");
		if (n == 0 || n > 8)
			return 0;
		s += n;
	}
	if (*s == '.') {
		s++;
		s += strcspn(s, "@");
	}
	if (*s == '@')
		s += strlen(s);
	return *s == '\0';
}

int
pg_lang_parse(const char *s, enum pg_lang *out)
{
	if (s == NULL)
		return -1;
	if (strcmp(s, "C") == 0 || strcmp(s, "POSIX") == 0 ||
	    strncmp(s, "C.", 2) == 0) {
		*out = PG_LANG_EN;
		return 0;
	}
	if (strlen(s) < 2 || !rest_ok(s + 2) ||
	    (s[2] != '\0' && s[2] != '-' && s[2] != '_' && s[2] != '.'))
		return -1;
	if (strncasecmp(s, "en", 2) == 0) {
		*out = PG_LANG_EN;
		return 0;
	}
	if (strncasecmp(s, "zh", 2) == 0) {
		*out = PG_LANG_ZH;
		return 0;
	}
	return -1;
}

enum pg_lang
pg_lang_of(const char *tag)
{
	return tag != NULL && primary(tag, "zh") ? PG_LANG_ZH : PG_LANG_EN;
}

int
pg_lang_is_zh(const char *tag)
{
	return pg_lang_of(tag) == PG_LANG_ZH;
}

enum pg_lang
pg_lang_locale(void)
{
	static const char *const vars[] = { "LC_ALL", "LC_MESSAGES", "LANG" };
	enum pg_lang	 l = PG_LANG_EN;
	const char	*v;
	size_t		 i;

	/* the first variable set decides, as setlocale(3) does */
	for (i = 0; i < sizeof(vars) / sizeof(vars[0]); i++)
		if ((v = getenv(vars[i])) != NULL && *v != '\0') {
			(void)pg_lang_parse(v, &l);
			break;
		}
	return l;
}

const char *
pg_lang_tag(enum pg_lang l)
{
	return l == PG_LANG_ZH ? "zh-CN" : "en";
}
