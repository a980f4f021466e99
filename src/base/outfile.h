/*
 * outfile.h — write an output file so that a failure never leaves a
 * partial file or destroys an existing one (git's lockfile pattern):
 * a temporary file in the target's directory, fchmod to 0666 & ~umask,
 * write, fsync, rename over the target, fsync the directory.  The
 * temporary file is unnamed (O_TMPFILE) until it is complete, so even
 * SIGKILL leaves nothing behind; where the file system has no O_TMPFILE it
 * is a named .plangen-XXXXXX file, removed on every error path and on
 * SIGINT/SIGTERM.
 * A symlink at the target is replaced, never written through.
 *
 * Include: main.c, render.
 */
#ifndef PG_OUTFILE_H
#define PG_OUTFILE_H

#include <stddef.h>

/*
 * Write data[0..len) to path atomically.  If no_clobber is set and path
 * exists, nothing is written.  Returns 0, or -1 with a message in err
 * naming the path ("cannot write x: ...", "x exists; use --force ...");
 * then no file was created and an existing one is untouched.
 * path "-" writes to standard output.
 */
int	pg_write_atomic(const char *path, const void *data, size_t len,
	    int no_clobber, char *err, size_t errlen);

/* 1 if a and b name the same existing file (same device and inode). */
int	pg_same_file(const char *a, const char *b);

#endif
