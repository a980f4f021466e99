/*
 * oomshim.c — LD_PRELOAD allocation failure for tests/e2e/oom.sh: makes
 * one malloc, calloc, realloc, strdup or strndup of the real plangen
 * binary fail, counting only the calls made from code whose file name
 * contains OOMSHIM_IN (e.g. "libjson-c", or "plangen" for plangen's own
 * code), or every call if it is unset.  OOMSHIM_AT=k fails call k
 * (0-based); OOMSHIM_COUNT=FILE writes the number of calls counted at
 * exit.  Built by the test itself (cc -shared -fPIC); glibc only.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void	*__libc_malloc(size_t);
void	*__libc_calloc(size_t, size_t);
void	*__libc_realloc(void *, size_t);

static long	 count, at = -2;
static const char *in;
static int	 busy;

static void
report(void)
{
	const char *f = getenv("OOMSHIM_COUNT");
	FILE *fp;

	if (f != NULL && (fp = fopen(f, "w")) != NULL) {
		fprintf(fp, "%ld\n", count);
		fclose(fp);
	}
}

/* 1 if this call, made from address caller, is the one to fail. */
static int
fail_here(const void *caller)
{
	Dl_info	info;
	int	mine;

	if (busy)
		return 0;
	busy = 1;
	if (at == -2) {
		const char *s = getenv("OOMSHIM_AT");
		at = s != NULL ? atol(s) : -1;
		in = getenv("OOMSHIM_IN");
		atexit(report);
	}
	mine = in == NULL || (dladdr(caller, &info) != 0 &&
	    info.dli_fname != NULL && strstr(info.dli_fname, in) != NULL);
	busy = 0;
	return mine && count++ == at;
}

void *
malloc(size_t n)
{
	return fail_here(__builtin_return_address(0)) ? NULL : __libc_malloc(n);
}

void *
calloc(size_t n, size_t sz)
{
	return fail_here(__builtin_return_address(0)) ? NULL :
	    __libc_calloc(n, sz);
}

void *
realloc(void *p, size_t n)
{
	return fail_here(__builtin_return_address(0)) ? NULL :
	    __libc_realloc(p, n);
}

char *
strdup(const char *s)
{
	size_t	 n = strlen(s) + 1;
	char	*p;

	if (fail_here(__builtin_return_address(0)))
		return NULL;
	if ((p = __libc_malloc(n)) != NULL)
		memcpy(p, s, n);
	return p;
}

char *
strndup(const char *s, size_t max)
{
	size_t	 n = strnlen(s, max);
	char	*p;

	if (fail_here(__builtin_return_address(0)))
		return NULL;
	if ((p = __libc_malloc(n + 1)) != NULL) {
		memcpy(p, s, n);
		p[n] = '\0';
	}
	return p;
}
