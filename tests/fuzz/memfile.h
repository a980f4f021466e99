/*
 * memfile.h — the fuzz input as a file with a path (/proc/self/fd/N of a
 * memfd), for loaders that take a path (rules files, templates).
 */
#ifndef PG_FUZZ_MEMFILE_H
#define PG_FUZZ_MEMFILE_H

#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <unistd.h>

/* Write data to a new memfd; its path in path[64]; returns the fd. */
static int
memfile(const void *data, size_t size, char *path, size_t pathlen)
{
	int fd = memfd_create("fuzz", 0);

	if (fd == -1 || (size > 0 && write(fd, data, size) != (ssize_t)size)) {
		perror("memfd");
		abort();
	}
	snprintf(path, pathlen, "/proc/self/fd/%d", fd);
	return fd;
}

#endif
