/*
 * init.h — the skeleton plan written by `plangen init`.
 *
 * Include: main.c, tests.
 */
#ifndef PG_INIT_H
#define PG_INIT_H

#include <stddef.h>
#include <time.h>

/*
 * The skeleton for lang ("en" or "zh-CN"; anything starting with "zh"
 * gives Chinese, anything else English) planning the year that `now`
 * falls in, or the next year from July on.  Returns a malloc'd,
 * NUL-terminated document (the caller frees it) with its length in *len,
 * or NULL if memory ran out.
 */
char	*pg_init_skeleton(const char *lang, time_t now, size_t *len);

/* The year the skeleton plans for at time `now` (UTC). */
int	 pg_init_year(time_t now);

#endif
