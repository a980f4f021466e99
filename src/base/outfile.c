/*
 * outfile.c — atomic output.  See outfile.h.
 */
#include "config.h"

#include <dirent.h>
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

#define TMP_PREFIX	".plangen-"

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

/* The directory part of path into dir[size]; -1 if it does not fit. */
static int
dir_of(const char *path, char *dir, size_t size)
{
	const char *slash = strrchr(path, '/');

	if (slash == NULL)
		snprintf(dir, size, ".");
	else if (slash == path)
		snprintf(dir, size, "/");
	else if ((size_t)(slash - path) < size)
		snprintf(dir, size, "%.*s", (int)(slash - path), path);
	else
		return -1;
	return 0;
}

/*
 * Follow the symlink chain at path (at most 40 links, as the kernel) into
 * out[size]: the name the data is really written to, which need not exist.
 * A link in a sticky world-writable directory (/tmp) that belongs neither
 * to us nor to the directory's owner is not followed (the kernel's
 * protected_symlinks rule): -1 with errno EACCES.  -1 with ELOOP or
 * ENAMETOOLONG otherwise.
 */
static int
resolve_links(const char *path, char *out, size_t size)
{
	char		link[PATH_MAX], dir[PATH_MAX];
	struct stat	st, ds;
	ssize_t		n;
	int		hops;

	if (strlen(path) >= size) {
		errno = ENAMETOOLONG;
		return -1;
	}
	strcpy(out, path);
	for (hops = 0; hops < 40; hops++) {
		if (lstat(out, &st) == -1 || !S_ISLNK(st.st_mode))
			return 0;
		if (dir_of(out, dir, sizeof(dir)) == -1) {
			errno = ENAMETOOLONG;
			return -1;
		}
		if (stat(dir, &ds) == 0 && (ds.st_mode & S_ISVTX) &&
		    (ds.st_mode & S_IWOTH) && st.st_uid != geteuid() &&
		    st.st_uid != ds.st_uid) {
			errno = EACCES;
			return -1;
		}
		if ((n = readlink(out, link, sizeof(link) - 1)) == -1)
			return -1;
		link[n] = '\0';
		if (link[0] == '/' || strcmp(dir, ".") == 0) {
			if ((size_t)n >= size)
				goto toolong;
			strcpy(out, link);
		} else if ((size_t)snprintf(out, size, "%s/%s", dir, link) >= size)
			goto toolong;
	}
	errno = ELOOP;
	return -1;
toolong:
	errno = ENAMETOOLONG;
	return -1;
}

/*
 * Remove the temporary files that earlier runs of plangen, killed between
 * naming their finished file and renaming it (SIGKILL, power loss), left
 * in dir: regular files named .plangen-PID-N owned by us whose process no
 * longer exists.
 */
static void
remove_stale(const char *dir)
{
	DIR		*d;
	struct dirent	*e;
	struct stat	 st;
	char		 p[PATH_MAX + 300], *end;
	long		 pid;

	if ((d = opendir(dir)) == NULL)
		return;
	while ((e = readdir(d)) != NULL) {
		if (strncmp(e->d_name, TMP_PREFIX, sizeof(TMP_PREFIX) - 1) != 0)
			continue;
		errno = 0;
		pid = strtol(e->d_name + sizeof(TMP_PREFIX) - 1, &end, 10);
		if (errno != 0 || pid <= 0 || *end != '-' || pid == getpid() ||
		    pid > INT_MAX)
			continue;
		if (kill((pid_t)pid, 0) == 0 || errno != ESRCH)
			continue;	/* still running, or not ours to know */
		snprintf(p, sizeof(p), "%s/%s", dir, e->d_name);
		if (lstat(p, &st) == 0 && S_ISREG(st.st_mode) &&
		    st.st_uid == geteuid())
			unlink(p);
	}
	closedir(d);
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
		snprintf(tmp_path, sizeof(tmp_path), "%s/" TMP_PREFIX "%ld-%d",
		    dir, (long)getpid(), i);
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

/*
 * The descriptor, standard output or standard error, that already holds
 * the file st (/dev/stdout, /proc/self/fd/1, or the very file stdout was
 * redirected to), or -1.  Standard error only if it is not a regular file.
 */
static int
std_fd(const struct stat *st)
{
	struct stat	fs;
	int		i;

	for (i = STDOUT_FILENO; i <= STDERR_FILENO; i++)
		if (fstat(i, &fs) == 0 && fs.st_dev == st->st_dev &&
		    fs.st_ino == st->st_ino &&
		    (i == STDOUT_FILENO || !S_ISREG(fs.st_mode)))
			return i;
	return -1;
}

/*
 * A target that is standard output under another name, or not a regular
 * file (nor a directory): a character device (/dev/null, a tty) or a FIFO
 * gets the bytes written through; a socket or a block device is refused.
 * Never renamed over.
 */
static int
write_through(const char *path, const struct stat *st, const void *data,
    size_t len, char *err, size_t errlen)
{
	int fd = std_fd(st), saved;

	if (fd != -1) {
		if (write_all(fd, data, len) == -1)
			goto fail;
		return 0;
	}
	if (S_ISSOCK(st->st_mode) || S_ISBLK(st->st_mode)) {
		snprintf(err, errlen, "cannot write %s: it is a %s", path,
		    S_ISSOCK(st->st_mode) ? "socket" : "block device");
		return -1;
	}
	if ((fd = open(path, O_WRONLY | O_NOCTTY | O_CLOEXEC)) == -1)
		goto fail;
	if (write_all(fd, data, len) == -1) {
		saved = errno;
		close(fd);
		errno = saved;
		goto fail;
	}
	if (close(fd) == -1)
		goto fail;
	return 0;
fail:
	snprintf(err, errlen, "cannot write %s: %s", path, strerror(errno));
	return -1;
}

/*
 * The mode (and the owner and group where permitted) of the file being
 * replaced, st, or 0666 & ~umask for a new file (st NULL), onto fd.
 */
static int
set_mode(int fd, const struct stat *st)
{
	mode_t um;

	if (st != NULL) {
		/* root keeps the owner too; others keep the group if they may */
		if (fchown(fd, geteuid() == 0 ? st->st_uid : (uid_t)-1,
		    st->st_gid) == -1)
			(void)0;	/* not permitted: our own group, as a new file */
		return fchmod(fd, st->st_mode & 0777);
	}
	um = umask(0);
	umask(um);
	return fchmod(fd, 0666 & ~um);
}

/* Sets up the temporary file in dir; fd or -1 with err set. */
static int
open_tmp(const char *dir, const char *path, int *named, char *err,
    size_t errlen)
{
	int fd = -1;

	*named = 0;
#ifdef O_TMPFILE
	if (access("/proc/self/fd", X_OK) == 0)	/* name_tmpfile() needs it */
		fd = open(dir, O_TMPFILE | O_WRONLY | O_CLOEXEC, 0600);
#endif
	if (fd == -1) {
		snprintf(tmp_path, sizeof(tmp_path), "%s/" TMP_PREFIX
		    "%ld-XXXXXX", dir, (long)getpid());
		if ((fd = mkstemp(tmp_path)) == -1) {
			snprintf(err, errlen, "cannot write %s: %s", path,
			    strerror(errno));
			return -1;
		}
		tmp_live = 1;
		*named = 1;
	}
	return fd;
}

/*
 * Writes the regular file real (path as the user named it, real with
 * symlinks followed) through a temporary file in dir; old is the file
 * replaced or NULL.  See pg_write_atomic().
 */
static int
write_replace(const char *path, const char *real, const char *dir,
    const struct stat *old, const void *data, size_t len, int no_clobber,
    char *err, size_t errlen)
{
	char	proc[64];
	int	fd, dfd, saved = 0, named;

	remove_stale(dir);
	if ((fd = open_tmp(dir, path, &named, err, errlen)) == -1)
		return -1;
	if (set_mode(fd, old) == -1 || write_all(fd, data, len) == -1 ||
	    fsync(fd) == -1) {
		saved = errno;
		close(fd);
		goto fail;
	}
	if (no_clobber && !named) {
		/*
		 * linkat() of the unnamed file straight to its name fails if
		 * the target appeared meanwhile: no race, and no moment at
		 * which a kill leaves a temporary name behind.
		 */
		snprintf(proc, sizeof(proc), "/proc/self/fd/%d", fd);
		if (linkat(AT_FDCWD, proc, AT_FDCWD, real,
		    AT_SYMLINK_FOLLOW) == -1) {
			saved = errno;
			close(fd);
			goto fail;
		}
	} else if (!named && name_tmpfile(fd, dir) == -1) {
		saved = errno;
		close(fd);
		goto fail;
	}
	if (close(fd) == -1) {
		saved = errno;
		goto fail;
	}
	if (no_clobber && named) {
		/* link() fails if the target appeared meanwhile: no race. */
		if (link(tmp_path, real) == -1) {
			saved = errno;
			goto fail;
		}
		unlink(tmp_path);
	} else if (!no_clobber && rename(tmp_path, real) == -1) {
		saved = errno;
		goto fail;
	}
	tmp_live = 0;
	if ((dfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) != -1) {
		fsync(dfd);
		close(dfd);
	}
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
	return -1;
}

int
pg_write_atomic(const char *path, const void *data, size_t len,
    int no_clobber, char *err, size_t errlen)
{
	struct sigaction sa, old_int, old_term;
	struct stat	 st, lst;
	char		 real[PATH_MAX], dir[PATH_MAX];
	int		 rc, exists;

	if (strcmp(path, "-") == 0) {
		if (write_all(STDOUT_FILENO, data, len) == -1) {
			snprintf(err, errlen, "cannot write to standard output: %s",
			    strerror(errno));
			return -1;
		}
		return 0;
	}
	exists = stat(path, &st) == 0;
	if (exists && S_ISDIR(st.st_mode)) {
		snprintf(err, errlen, "cannot write %s: it is a directory", path);
		return -1;
	}
	if (exists && (!S_ISREG(st.st_mode) || std_fd(&st) != -1))
		return write_through(path, &st, data, len, err, errlen);
	if (lstat(path, &lst) == 0 && no_clobber) {
		snprintf(err, errlen, "%s exists; use --force to replace it", path);
		return -1;
	}
	if (resolve_links(path, real, sizeof(real)) == -1) {
		snprintf(err, errlen, "cannot write %s: %s", path,
		    errno == EACCES ? "a symlink in a shared directory "
		    "that belongs to someone else" : strerror(errno));
		return -1;
	}
	if (dir_of(real, dir, sizeof(dir)) == -1 ||
	    strlen(dir) + 48 > sizeof(tmp_path)) {
		snprintf(err, errlen, "cannot write %s: name too long", path);
		return -1;
	}

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, &old_int);
	sigaction(SIGTERM, &sa, &old_term);
	rc = write_replace(path, real, dir, exists ? &st : NULL, data, len,
	    no_clobber, err, errlen);
	sigaction(SIGINT, &old_int, NULL);
	sigaction(SIGTERM, &old_term, NULL);
	return rc;
}
