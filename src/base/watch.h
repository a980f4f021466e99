/*
 * watch.h — wait until files change (`plangen watch`), with Linux inotify.
 *
 * Each file is watched through its folder, by name, so every way an editor
 * saves is seen: written in place (truncate, write, close), or written to a
 * temporary file renamed over it, or deleted and created again.  A change
 * counts once the files have then been quiet for a moment (debounce), so
 * one save that is several file-system events, or several files saved
 * together, gives one change.  Prints nothing.
 *
 * Include: the command line.
 */
#ifndef PG_WATCH_H
#define PG_WATCH_H

#include <signal.h>

struct pg_watch;

/* A new, empty watch set; NULL with errno set (no inotify, no memory). */
struct pg_watch	*pg_watch_new(void);

/*
 * Watch `path` (its folder must exist; the file need not; a path watched
 * already is not added twice).  Returns 0, or
 * -1 with errno set (ENOMEM, or what inotify_add_watch() says about the
 * folder: ENOENT, EACCES, ENOSPC when the user's inotify watches run out).
 */
int		 pg_watch_add(struct pg_watch *, const char *path);

/*
 * Wait until a watched file changes and the watched files then stay quiet
 * for quiet_ms milliseconds.  Returns 1 (changed), 0 if *stop became
 * non-zero (a signal handler sets it; the handler must be installed
 * without SA_RESTART), or -1 with errno set.
 */
int		 pg_watch_wait(struct pg_watch *, int quiet_ms,
		    volatile sig_atomic_t *stop);

/* Close and free.  NULL is a no-op. */
void		 pg_watch_free(struct pg_watch *);

#endif
