/*
 * watch.c — wait until files change, with Linux inotify.  See watch.h.
 */
#include "config.h"

#include <sys/inotify.h>

#include <errno.h>
#include <limits.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/outname.h"
#include "base/watch.h"

struct wfile {
	int	 wd;		/* the folder's watch */
	char	*name;		/* the file's name in it */
};

struct pg_watch {
	int		 fd;
	struct wfile	*v;
	size_t		 n;
};

#define EVENTS	(IN_CLOSE_WRITE | IN_MOVED_TO | IN_CREATE | IN_DELETE | \
		 IN_MOVED_FROM | IN_MODIFY | IN_ATTRIB)

struct pg_watch *
pg_watch_new(void)
{
	struct pg_watch *w = calloc(1, sizeof(*w));

	if (w == NULL)
		return NULL;
	if ((w->fd = inotify_init1(IN_CLOEXEC | IN_NONBLOCK)) < 0) {
		free(w);
		return NULL;
	}
	return w;
}

int
pg_watch_add(struct pg_watch *w, const char *path)
{
	const char	*slash = strrchr(path, '/');
	char		*dir;
	struct wfile	*v;
	size_t		 i;
	int		 wd;

	if ((dir = pg_path_dir(path)) == NULL)
		return -1;
	wd = inotify_add_watch(w->fd, dir, EVENTS);
	free(dir);
	if (wd < 0)
		return -1;
	for (i = 0; i < w->n; i++)	/* watched already */
		if (w->v[i].wd == wd && strcmp(w->v[i].name, slash != NULL ?
		    slash + 1 : path) == 0)
			return 0;
	if ((v = realloc(w->v, (w->n + 1) * sizeof(*v))) == NULL)
		return -1;
	w->v = v;
	if ((v[w->n].name = strdup(slash != NULL ? slash + 1 : path)) == NULL)
		return -1;
	v[w->n++].wd = wd;
	return 0;
}

/* Read what is queued: 1 if an event is about a watched file, 0 if none
 * is, -1 on an error. */
static int
drain(struct pg_watch *w)
{
	char	 buf[16 * (sizeof(struct inotify_event) + NAME_MAX + 1)]
	    __attribute__((aligned(__alignof__(struct inotify_event))));
	ssize_t	 n;
	size_t	 i, off;
	int	 hit = 0;

	for (;;) {
		n = read(w->fd, buf, sizeof(buf));
		if (n < 0)
			return errno == EAGAIN ? hit : -1;
		for (off = 0; off + sizeof(struct inotify_event) <= (size_t)n; ) {
			const struct inotify_event *e =
			    (const struct inotify_event *)(buf + off);
			if (e->mask & IN_Q_OVERFLOW)
				hit = 1;	/* events lost: assume ours */
			for (i = 0; i < w->n && e->len > 0; i++)
				if (e->wd == w->v[i].wd &&
				    strcmp(e->name, w->v[i].name) == 0)
					hit = 1;
			off += sizeof(*e) + e->len;
		}
	}
}

int
pg_watch_wait(struct pg_watch *w, int quiet_ms, volatile sig_atomic_t *stop)
{
	struct pollfd	 p;
	int		 r, changed = 0;

	p.fd = w->fd;
	p.events = POLLIN;
	for (;;) {
		if (*stop)
			return 0;
		r = poll(&p, 1, changed ? quiet_ms : -1);
		if (r < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		if (r == 0)
			return 1;	/* changed, and quiet since */
		if ((r = drain(w)) < 0)
			return -1;
		changed |= r;
	}
}

void
pg_watch_free(struct pg_watch *w)
{
	size_t i;

	if (w == NULL)
		return;
	close(w->fd);
	for (i = 0; i < w->n; i++)
		free(w->v[i].name);
	free(w->v);
	free(w);
}
