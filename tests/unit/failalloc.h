/*
 * failalloc.h — make one of plangen's own allocations fail, for unit tests
 * linked with -Wl,--wrap=malloc -Wl,--wrap=calloc -Wl,--wrap=realloc
 * -Wl,--wrap=strdup -Wl,--wrap=strndup (see Makefile.am).  Allocations inside shared libraries are not counted.
 */
#ifndef PG_FAILALLOC_H
#define PG_FAILALLOC_H

#include <stddef.h>

/*
 * While fail_at >= 0, each malloc, calloc, realloc, strdup or strndup
 * increments nalloc,
 * and allocation number fail_at (counted from 0) returns NULL and sets
 * failed.  The test resets nalloc and failed before each run.
 */
extern long	fail_at, nalloc;
extern int	failed;

/* The real malloc, for the test's own bookkeeping (free() is not wrapped). */
void	*__real_malloc(size_t);

#endif
