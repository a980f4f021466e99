/*
 * lang.h — the one place that decides a language.
 *
 * plangen speaks English or Chinese.  A language arrives three ways, and
 * each has its own function so that every command decides it the same way:
 *
 *   --lang VALUE      pg_lang_parse(): strict.  "en", "zh" and their
 *                     regional forms ("en-US", "zh-CN", "zh-Hans",
 *                     "zh_CN.UTF-8"), any case.  Anything else ("fr",
 *                     "zha") is refused, and the caller reports a usage
 *                     error naming PG_LANG_VALID.
 *   the plan's @lang  pg_lang_of(): lenient, never fails.  Chinese for the
 *                     primary subtag "zh" (any case, any region or script),
 *                     English for everything else.
 *   the locale        pg_lang_locale(): LC_ALL, LC_MESSAGES, LANG, in that
 *                     order; English when unset or not Chinese.
 *
 * The precedence, for a message about a plan: --lang, else the plan's
 * @lang; for a message not about a plan: --lang, else the locale.
 *
 * Include: anyone.
 */
#ifndef PG_LANG_H
#define PG_LANG_H

/* The languages plangen speaks; the value indexes per-language tables. */
enum pg_lang {
	PG_LANG_EN = 0,
	PG_LANG_ZH = 1,		/* Simplified Chinese */
};
#define PG_LANG_N	2

/* The --lang values to name in a usage error. */
#define PG_LANG_VALID	"en or zh-CN (zh-TW for Traditional; also en-US, zh, zh-Hans, zh-Hant, in any case)"

/*
 * Parse a --lang value or a locale name.  Returns 0 and sets *out, or -1
 * (and leaves *out alone) if s is NULL or names no language plangen
 * speaks.  "C" and "POSIX" (locales) are English.
 */
int		 pg_lang_parse(const char *s, enum pg_lang *out);

/* The language of a plan's @lang tag (NULL or "": English).  Never fails. */
enum pg_lang	 pg_lang_of(const char *tag);

/* 1 if the plan's @lang tag is Chinese (pg_lang_of() == PG_LANG_ZH). */
int		 pg_lang_is_zh(const char *tag);

/* The language of the environment's locale; English if none is set. */
enum pg_lang	 pg_lang_locale(void);

/* The canonical tag of a language: "en" or "zh-CN".  Never NULL. */
const char	*pg_lang_tag(enum pg_lang);

/*
 * Traditional Chinese.  plangen's Chinese is written once, in Simplified
 * characters; a plan (or --lang, or the locale) asking for Traditional
 * gets the same text with every character converted (pg_lang_to_hant()).
 * pg_lang_hant() is 1 for a Chinese tag with the script Hant or the region
 * TW, HK or MO (any case: "zh-TW", "zh_HK.UTF-8", "zh-Hant-CN"), else 0.
 */
int		 pg_lang_hant(const char *tag);

/* The canonical tag of a choice: "en", "zh-CN" or, for Traditional, "zh-TW". */
const char	*pg_lang_tag_of(const char *tag);

/*
 * A malloc'd copy of the UTF-8 string s with every Simplified character
 * of plangen's own messages converted to its Traditional form (the table
 * in lang_hant.c covers every Han character in the sources; tests/e2e/
 * hant.sh proves it); other characters are copied.  NULL if memory ran out.
 */
char		*pg_lang_to_hant(const char *s);

/*
 * An error message of the reading and writing functions (xml_read.h's
 * pg_read_file(), outfile.h's pg_write_atomic(): "cannot read F: REASON",
 * "cannot write F: REASON", "F exists; use --force to replace it", "F is
 * larger than N MiB, ...") in language l, into buf (n bytes); the reason
 * (strerror() of the common errors) translated too.  Returns err itself
 * for English or a message it does not know, else buf.
 */
const char	*pg_lang_io_msg(const char *err, enum pg_lang l, char *buf,
		    size_t n);

/*
 * strerror(e) in pg_lang_ui()'s language: the Chinese of the common
 * reasons, else the system's words.  Static; do not free.
 */
const char	*pg_lang_strerror(int e);

/*
 * The language of messages that are not about a plan's content: the
 * loading of rules files and templates.  The command line sets it with
 * its one language choice (--lang, the plan's lang, the locale) before it
 * loads them; English until set.  Process-wide, like the locale.
 */
void		 pg_lang_ui_set(enum pg_lang);
enum pg_lang	 pg_lang_ui(void);

/* PG_UI(en, zh): the words in pg_lang_ui()'s language (both literals, so
 * printf checks both formats). */
#define PG_UI(en, zh)	(pg_lang_ui() == PG_LANG_ZH ? (zh) : (en))

/* err (a pg_lang_io_msg() message, NUL-terminated in errlen bytes)
 * rewritten in pg_lang_ui()'s language, in place. */
void		 pg_lang_io_ui(char *err, size_t errlen);

/* 1 if the locale (as pg_lang_locale() reads it) asks for Traditional. */
int		 pg_lang_locale_hant(void);

#endif
