/*
 * outfile.h — write an output file so that a failure never leaves a
 * partial file or destroys an existing one (git's lockfile pattern):
 * a temporary file in the target's directory, given the mode of the file
 * it replaces (and its owner and group where permitted; 0666 & ~umask for
 * a new file), write, fsync, rename over the target, fsync the directory.
 * The temporary file is unnamed (O_TMPFILE) until it is complete, so
 * SIGKILL while writing leaves nothing behind; a kill in the instant
 * between naming it and the rename leaves a .plangen-PID-N file, which the
 * next run writing to that directory removes (its process is gone).  Where
 * the file system has no O_TMPFILE it is a named .plangen-PID-XXXXXX file,
 * removed on every error path and on SIGINT/SIGTERM.
 *
 * Targets that are not regular files are never renamed over: a character
 * device (/dev/null, a tty), a FIFO, or standard output under any name
 * (/dev/stdout, /proc/self/fd/1) gets the bytes written through; a socket
 * or block device is refused.  A symlink is followed: the file it points
 * to is replaced (atomically, in its own directory) and the link stays — a
 * link in a sticky world-writable directory (/tmp) owned by someone else
 * is refused, as the kernel's protected_symlinks does.  A replaced file's
 * other hard links keep the old content (the name gets a new file).
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
 * path "-" writes to standard output.  A target that exists and is not a
 * regular file is written through (no_clobber does not apply: nothing is
 * replaced).
 */
int	pg_write_atomic(const char *path, const void *data, size_t len,
	    int no_clobber, char *err, size_t errlen);

/* 1 if a and b name the same existing file (same device and inode). */
int	pg_same_file(const char *a, const char *b);

#endif
