/*
 * lang.c — the one place that decides a language.  See lang.h.
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
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

int
pg_lang_hant(const char *tag)
{
	const char	*p;
	size_t		 n;

	if (tag == NULL || !primary(tag, "zh"))
		return 0;
	for (p = tag + 2; *p == '-' || *p == '_'; p += n) {
		p++;
		n = strspn(p, "abcdefghijklmnopqrstuvwxyz"
		    "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789");
		if ((n == 4 && strncasecmp(p, "hant", 4) == 0) ||
		    (n == 2 && (strncasecmp(p, "tw", 2) == 0 ||
		    strncasecmp(p, "hk", 2) == 0 || strncasecmp(p, "mo", 2) == 0)))
			return 1;
		if (n == 4 && strncasecmp(p, "hans", 4) == 0)
			return 0;
	}
	return 0;
}

const char *
pg_lang_tag_of(const char *tag)
{
	if (pg_lang_of(tag) != PG_LANG_ZH)
		return "en";
	return pg_lang_hant(tag) ? "zh-TW" : "zh-CN";
}

int
pg_lang_locale_hant(void)
{
	static const char *const vars[] = { "LC_ALL", "LC_MESSAGES", "LANG" };
	const char	*v;
	size_t		 i;

	for (i = 0; i < sizeof(vars) / sizeof(vars[0]); i++)
		if ((v = getenv(vars[i])) != NULL && *v != '\0')
			return pg_lang_locale() == PG_LANG_ZH && pg_lang_hant(v);
	return 0;
}

/* The Chinese of an error reason (strerror() or plangen's own), or NULL. */
static const char *
reason_zh(const char *r)
{
	static const int errs[] = { ENOENT, EACCES, EPERM, EISDIR, ENOTDIR,
	    ENOSPC, EROFS, EFBIG, EIO, ENAMETOOLONG, EEXIST, ELOOP, EDQUOT };
	static const char *const zh[] = { "没有这个文件或目录", "没有权限",
	    "不允许这样操作", "这是一个目录", "路径中有一部分不是目录", "磁盘空间已满",
	    "文件系统是只读的", "文件太大", "输入输出错误", "文件名太长", "文件已存在",
	    "符号链接太多", "磁盘配额已满" };
	size_t i;

	for (i = 0; i < sizeof(errs) / sizeof(errs[0]); i++)
		if (strcmp(r, strerror(errs[i])) == 0)
			return zh[i];
	if (strcmp(r, "it is a directory") == 0)
		return "这是一个目录";
	if (strcmp(r, "name too long") == 0)
		return "文件名太长";
	if (strcmp(r, "out of memory") == 0 || strcmp(r, strerror(ENOMEM)) == 0)
		return "内存不足";
	if (strcmp(r, strerror(EMFILE)) == 0 || strcmp(r, strerror(ENFILE)) == 0)
		return "打开的文件太多";
	return NULL;
}

const char *
pg_lang_strerror(int e)
{
	const char *r = strerror(e), *z;

	if (pg_lang_ui() == PG_LANG_ZH && (z = reason_zh(r)) != NULL)
		return z;
	return r;
}

const char *
pg_lang_io_msg(const char *err, enum pg_lang l, char *buf, size_t n)
{
	static const char *const verbs[] = { "cannot read ", "cannot write " };
	const char	*r, *p;
	size_t		 i, k, len = strlen(err);

	if (l != PG_LANG_ZH || n == 0)
		return err;
	for (i = 0; i < sizeof(verbs) / sizeof(verbs[0]); i++) {
		k = strlen(verbs[i]);
		if (strncmp(err, verbs[i], k) != 0)
			continue;
		/* the reason: after the last ": " that starts a known one */
		for (p = err + len; p > err + k; p--)
			if (p[-1] == ' ' && p - 2 > err + k && p[-2] == ':' &&
			    (r = reason_zh(p)) != NULL) {
				if (strncmp(err + k, "to standard output", 18) == 0)
					snprintf(buf, n, "无法写到标准输出：%s", r);
				else
					snprintf(buf, n, i == 0 ? "无法读取 %.*s：%s" :
					    "无法写入 %.*s：%s",
					    (int)(p - 2 - (err + k)), err + k, r);
				return buf;
			}
		return err;
	}
	k = strlen("; use --force to replace it");
	if (len > k && strcmp(err + len - k, "; use --force to replace it") == 0 &&
	    len - k > 7 && strncmp(err + len - k - 7, " exists", 7) == 0) {
		snprintf(buf, n, "%.*s 已存在；要替换它请加 --force",
		    (int)(len - k - 7), err);
		return buf;
	}
	if ((p = strstr(err, " is larger than ")) != NULL && strstr(p, " MiB") != NULL) {
		snprintf(buf, n, "%.*s 超过 %d MiB，plangen 不读这么大的计划书",
		    (int)(p - err), err, atoi(p + 16));
		return buf;
	}
	return err;
}

static enum pg_lang ui_lang = PG_LANG_EN;

void
pg_lang_ui_set(enum pg_lang l)
{
	ui_lang = l;
}

enum pg_lang
pg_lang_ui(void)
{
	return ui_lang;
}

void
pg_lang_io_ui(char *err, size_t errlen)
{
	char		 tr[1024];
	const char	*m = pg_lang_io_msg(err, ui_lang, tr, sizeof(tr));

	if (m != err)
		snprintf(err, errlen, "%s", m);
}
