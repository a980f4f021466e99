/*
 * outfile.c — atomic output.  See outfile.h.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/outfile.h"

/* The temporary file being written, for the signal handler. */
static char		tmp_path[PATH_MAX + 32];
static volatile sig_atomic_t tmp_live;

static void
on_signal(int sig)
{
	if (tmp_live)
		unlink(tmp_path);	/* async-signal-safe */
	signal(sig, SIG_DFL);
	raise(sig);
}

static int
write_all(int fd, const void *data, size_t len)
{
	const char *p = data;

	while (len > 0) {
		ssize_t w = write(fd, p, len);
		if (w == -1 && errno == EINTR)
			continue;
		if (w <= 0)
			return -1;
		p += w;
		len -= (size_t)w;
	}
	return 0;
}

int
pg_same_file(const char *a, const char *b)
{
	struct stat sa, sb;

	if (stat(a, &sa) == -1 || stat(b, &sb) == -1)
		return 0;
	return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

/*
 * Give the finished unnamed file fd (O_TMPFILE) a name in dir: link it
 * there under a temporary name through /proc/self/fd.  Returns 0 with the
 * name in tmp_path, or -1 (errno set).
 */
static int
name_tmpfile(int fd, const char *dir)
{
	char	proc[64];
	int	i;

	snprintf(proc, sizeof(proc), "/proc/self/fd/%d", fd);
	for (i = 0; i < 100; i++) {
		snprintf(tmp_path, sizeof(tmp_path), "%s/.plangen-%ld-%d", dir,
		    (long)getpid(), i);
		tmp_live = 1;
		if (linkat(AT_FDCWD, proc, AT_FDCWD, tmp_path,
		    AT_SYMLINK_FOLLOW) == 0)
			return 0;
		tmp_live = 0;
		if (errno != EEXIST)
			return -1;
	}
	return -1;
}

int
pg_write_atomic(const char *path, const void *data, size_t len,
    int no_clobber, char *err, size_t errlen)
{
	struct sigaction sa, old_int, old_term;
	struct stat	 st;
	char		 dir[PATH_MAX];
	const char	*slash;
	mode_t		 um;
	int		 fd = -1, dfd, saved = 0, named;

	if (strcmp(path, "-") == 0) {
		if (write_all(STDOUT_FILENO, data, len) == -1) {
			snprintf(err, errlen, "cannot write to standard output: %s",
			    strerror(errno));
			return -1;
		}
		return 0;
	}
	if (lstat(path, &st) == 0) {
		if (S_ISDIR(st.st_mode)) {
			snprintf(err, errlen, "cannot write %s: it is a directory", path);
			return -1;
		}
		if (no_clobber) {
			snprintf(err, errlen, "%s exists; use --force to replace it", path);
			return -1;
		}
	}
	slash = strrchr(path, '/');
	if (slash == NULL)
		snprintf(dir, sizeof(dir), ".");
	else if (slash == path)
		snprintf(dir, sizeof(dir), "/");
	else if ((size_t)(slash - path) < sizeof(dir))
		snprintf(dir, sizeof(dir), "%.*s", (int)(slash - path), path);
	else {
		snprintf(err, errlen, "cannot write %s: name too long", path);
		return -1;
	}
	if (strlen(dir) + 48 > sizeof(tmp_path)) {
		snprintf(err, errlen, "cannot write %s: name too long", path);
		return -1;
	}

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, &old_int);
	sigaction(SIGTERM, &sa, &old_term);

	/*
	 * An unnamed file (O_TMPFILE) where the file system allows it: if
	 * plangen is killed, even with SIGKILL, while it writes, nothing is
	 * left behind.  It gets a name only when it is complete, for the
	 * moment between linkat() and rename().  Elsewhere, mkstemp().
	 */
	named = 0;
#ifdef O_TMPFILE
	if (access("/proc/self/fd", X_OK) == 0)	/* name_tmpfile() needs it */
		fd = open(dir, O_TMPFILE | O_WRONLY | O_CLOEXEC, 0600);
#endif
	if (fd == -1) {
		snprintf(tmp_path, sizeof(tmp_path), "%s/.plangen-XXXXXX", dir);
		if ((fd = mkstemp(tmp_path)) == -1) {
			saved = errno;
			snprintf(err, errlen, "cannot write %s: %s", path,
			    strerror(saved));
			goto restore;
		}
		tmp_live = 1;
		named = 1;
	}
	um = umask(0);
	umask(um);
	if (fchmod(fd, 0666 & ~um) == -1 || write_all(fd, data, len) == -1 ||
	    fsync(fd) == -1) {
		saved = errno;
		close(fd);
		goto fail;
	}
	if (!named && name_tmpfile(fd, dir) == -1) {
		saved = errno;
		close(fd);
		goto fail;
	}
	if (close(fd) == -1) {
		saved = errno;
		goto fail;
	}
	if (no_clobber) {
		/* link() fails if the target appeared meanwhile: no race. */
		if (link(tmp_path, path) == -1) {
			saved = errno;
			goto fail;
		}
		unlink(tmp_path);
	} else if (rename(tmp_path, path) == -1) {
		saved = errno;
		goto fail;
	}
	tmp_live = 0;
	if ((dfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) != -1) {
		fsync(dfd);
		close(dfd);
	}
	sigaction(SIGINT, &old_int, NULL);
	sigaction(SIGTERM, &old_term, NULL);
	return 0;
fail:
	if (tmp_live)
		unlink(tmp_path);
	tmp_live = 0;
	if (saved == EEXIST && no_clobber)
		snprintf(err, errlen, "%s exists; use --force to replace it", path);
	else
		snprintf(err, errlen, "cannot write %s: %s", path,
		    saved == 0 ? "write failed" : strerror(saved));
restore:
	sigaction(SIGINT, &old_int, NULL);
	sigaction(SIGTERM, &old_term, NULL);
	return -1;
}
