/*
 * fontcache.c — fontconfig's answers kept on disk.  See fontcache.h.
 *
 * The file, one record a line, fields separated by tabs:
 *   plangen-fonts 1
 *   env FONTCONFIG_FILE FONTCONFIG_PATH FONTCONFIG_SYSROOT  (empty if unset)
 *   stamp SEC NSEC PATH          a folder's modification time (SEC -1: absent)
 *   family NAME N                then N face lines
 *   face INDEX WEIGHT SLANT WIDTH SIZE SEC NSEC FILE FAMILY
 *   end
 * A name holding a tab or a line break is never cached (asked again).
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "layout/fontcache.h"

#define CACHE_MAX	(1024 * 1024)	/* a bigger file is not ours */

static int enabled;

struct fentry {
	char		*family;
	struct pg_fcand	*c;
	size_t		 n;
};

struct pg_fcache {
	int		 on;		/* enabled when opened */
	int		 dirty;		/* something was put: write back */
	char		 dir[4096];	/* "" if no folder can be named */
	struct fentry	*e;
	size_t		 n, cap;
};

void
pg_fcache_enable(int on)
{
	enabled = on;
}

void
pg_fcands_free(struct pg_fcand *c, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		free(c[i].file);
		free(c[i].family);
	}
	free(c);
}

/* $NAME if it is an absolute path, else $HOME/home_rel (or "" if neither). */
static void
xdg(const char *name, const char *home_rel, char *buf, size_t n)
{
	const char *v = getenv(name), *home = getenv("HOME");

	if (v != NULL && v[0] == '/')
		snprintf(buf, n, "%s", v);
	else if (home != NULL && home[0] == '/')
		snprintf(buf, n, "%s/%s", home, home_rel);
	else
		buf[0] = '\0';
}

static const char *
env(const char *name)
{
	const char *v = getenv(name);

	return v != NULL ? v : "";
}

/* The folders whose modification times say whether fonts were installed. */
static size_t
fixed_stamps(char paths[][4096])
{
	const char	*home = getenv("HOME");
	size_t		 n = 0;
	char		 b[4000];

	snprintf(paths[n++], 4096, "/etc/fonts");
	snprintf(paths[n++], 4096, "/etc/fonts/conf.d");
	snprintf(paths[n++], 4096, "/var/cache/fontconfig");
	xdg("XDG_CACHE_HOME", ".cache", b, sizeof(b));
	if (b[0] != '\0')
		snprintf(paths[n++], 4096, "%s/fontconfig", b);
	xdg("XDG_DATA_HOME", ".local/share", b, sizeof(b));
	if (b[0] != '\0')
		snprintf(paths[n++], 4096, "%s/fonts", b);
	if (home != NULL && home[0] == '/')
		snprintf(paths[n++], 4096, "%s/.fonts", home);
	return n;
}

/* A path's modification time, or -1 and 0 if it cannot be stat'ed. */
static void
mtime(const char *path, long long *sec, long *nsec, long long *size)
{
	struct stat st;

	if (stat(path, &st) != 0) {
		*sec = -1;
		*nsec = 0;
		*size = -1;
		return;
	}
	*sec = (long long)st.st_mtim.tv_sec;
	*nsec = st.st_mtim.tv_nsec;
	*size = (long long)st.st_size;
}

static void
entries_free(struct pg_fcache *fc)
{
	size_t i;

	for (i = 0; i < fc->n; i++) {
		free(fc->e[i].family);
		pg_fcands_free(fc->e[i].c, fc->e[i].n);
	}
	free(fc->e);
	fc->e = NULL;
	fc->n = fc->cap = 0;
}

/* Append an entry (takes family and c); 0 or -1 (memory: both freed). */
static int
add(struct pg_fcache *fc, char *family, struct pg_fcand *c, size_t n)
{
	if (fc->n == fc->cap) {
		size_t cap = fc->cap ? fc->cap * 2 : 16;
		struct fentry *e = realloc(fc->e, cap * sizeof(*e));
		if (e == NULL) {
			free(family);
			pg_fcands_free(c, n);
			return -1;
		}
		fc->e = e;
		fc->cap = cap;
	}
	fc->e[fc->n].family = family;
	fc->e[fc->n].c = c;
	fc->e[fc->n].n = n;
	fc->n++;
	return 0;
}

/* Split line at tabs into at most max fields; the count. */
static size_t
fields(char *line, char **f, size_t max)
{
	size_t n = 0;

	f[n++] = line;
	while (n < max && (line = strchr(line, '\t')) != NULL) {
		*line++ = '\0';
		f[n++] = line;
	}
	return n;
}

/*
 * Parse and validate the file's text (NUL-terminated, modified).  Returns
 * 1 if it is complete and every stamp holds (entries kept), else 0
 * (entries dropped); -1 if memory ran out.
 */
static int
parse(struct pg_fcache *fc, char *s)
{
	struct pg_fcand	*c = NULL;
	char		*line, *next, *f[12], *fam = NULL;
	size_t		 nf, want = 0, have = 0, lineno = 0;
	long long	 sec, size, csec, csize;
	long		 nsec, cnsec;
	int		 ended = 0;

	for (line = s; !ended && line != NULL && *line != '\0'; line = next) {
		if ((next = strchr(line, '\n')) == NULL)
			goto bad;	/* a cut last line */
		*next++ = '\0';
		nf = fields(line, f, 12);
		if (lineno++ == 0) {
			if (strcmp(line, "plangen-fonts 1") != 0)
				goto bad;
			continue;
		}
		if (fam != NULL && have < want) {	/* a face of fam */
			if (nf != 10 || strcmp(f[0], "face") != 0)
				goto bad;
			size = strtoll(f[5], NULL, 10);
			sec = strtoll(f[6], NULL, 10);
			nsec = strtol(f[7], NULL, 10);
			mtime(f[8], &csec, &cnsec, &csize);
			if (csec < 0 || csec != sec || cnsec != nsec || csize != size)
				goto bad;	/* the font file changed */
			c[have].index = atoi(f[1]);
			c[have].weight = atoi(f[2]);
			c[have].slant = atoi(f[3]);
			c[have].width = atoi(f[4]);
			if ((c[have].file = strdup(f[8])) == NULL ||
			    (c[have].family = strdup(f[9])) == NULL)
				goto nomem;
			if (++have == want) {
				if (add(fc, fam, c, want) != 0) {
					fam = NULL;
					c = NULL;
					goto nomem;
				}
				fam = NULL;
				c = NULL;
			}
			continue;
		}
		if (nf == 4 && strcmp(f[0], "env") == 0) {
			if (strcmp(f[1], env("FONTCONFIG_FILE")) != 0 ||
			    strcmp(f[2], env("FONTCONFIG_PATH")) != 0 ||
			    strcmp(f[3], env("FONTCONFIG_SYSROOT")) != 0)
				goto bad;
		} else if (nf == 4 && strcmp(f[0], "stamp") == 0) {
			mtime(f[3], &csec, &cnsec, &csize);
			if (csec != strtoll(f[1], NULL, 10) ||
			    cnsec != strtol(f[2], NULL, 10))
				goto bad;	/* fonts installed or removed */
		} else if (nf == 3 && strcmp(f[0], "family") == 0) {
			want = strtoul(f[2], NULL, 10);
			have = 0;
			if (want > 1000)
				goto bad;
			if ((fam = strdup(f[1])) == NULL)
				goto nomem;
			if (want == 0) {
				if (add(fc, fam, NULL, 0) != 0) {
					fam = NULL;
					goto nomem;
				}
				fam = NULL;
			} else if ((c = calloc(want, sizeof(*c))) == NULL)
				goto nomem;
		} else if (nf == 1 && strcmp(f[0], "end") == 0)
			ended = 1;
		else
			goto bad;
	}
	if (ended && fam == NULL)
		return 1;
bad:
	free(fam);
	pg_fcands_free(c, have);
	entries_free(fc);
	return 0;
nomem:
	free(fam);
	pg_fcands_free(c, want);
	entries_free(fc);
	return -1;
}

struct pg_fcache *
pg_fcache_open(void)
{
	struct pg_fcache	*fc;
	char			 path[4200], *s;
	FILE			*fp;
	size_t			 len;

	if ((fc = calloc(1, sizeof(*fc))) == NULL)
		return NULL;
	fc->on = enabled;
	if (!fc->on)
		return fc;
	xdg("XDG_CACHE_HOME", ".cache", fc->dir, sizeof(fc->dir));
	if (fc->dir[0] == '\0')
		return fc;
	if (strlen(fc->dir) + sizeof("/plangen") > sizeof(fc->dir)) {
		fc->dir[0] = '\0';
		return fc;
	}
	strcat(fc->dir, "/plangen");
	snprintf(path, sizeof(path), "%s/fonts", fc->dir);
	if ((fp = fopen(path, "rb")) == NULL)
		return fc;
	if ((s = malloc(CACHE_MAX + 1)) == NULL) {
		fclose(fp);
		return fc;
	}
	len = fread(s, 1, CACHE_MAX + 1, fp);
	fclose(fp);
	if (len > 0 && len <= CACHE_MAX && memchr(s, '\0', len) == NULL) {
		s[len] = '\0';
		(void)parse(fc, s);	/* stale, corrupt or no memory: empty */
	}
	free(s);
	return fc;
}

int
pg_fcache_get(struct pg_fcache *fc, const char *family, struct pg_fcand **out,
    size_t *n)
{
	const struct fentry	*e;
	struct pg_fcand		*c;
	size_t			 i, k;

	*out = NULL;
	*n = 0;
	for (i = 0; fc != NULL && i < fc->n; i++) {
		e = &fc->e[i];
		if (strcmp(e->family, family) != 0)
			continue;
		if (e->n == 0)
			return 1;
		if ((c = calloc(e->n, sizeof(*c))) == NULL)
			return -1;
		for (k = 0; k < e->n; k++) {
			c[k] = e->c[k];
			c[k].file = strdup(e->c[k].file);
			c[k].family = strdup(e->c[k].family);
			if (c[k].file == NULL || c[k].family == NULL) {
				pg_fcands_free(c, k + 1);
				return -1;
			}
		}
		*out = c;
		*n = e->n;
		return 1;
	}
	return 0;
}

/* 1 if s can be written as a field (no tab, no line break). */
static int
plain(const char *s)
{
	return strpbrk(s, "\t\n\r") == NULL;
}

int
pg_fcache_put(struct pg_fcache *fc, const char *family,
    const struct pg_fcand *c, size_t n)
{
	struct pg_fcand	*copy = NULL;
	char		*fam;
	size_t		 k;

	if (fc == NULL || !fc->on || !plain(family))
		return 0;
	for (k = 0; k < n; k++)
		if (!plain(c[k].file) || !plain(c[k].family))
			return 0;	/* never cached: asked again */
	if ((fam = strdup(family)) == NULL ||
	    (n > 0 && (copy = calloc(n, sizeof(*copy))) == NULL)) {
		free(fam);
		return -1;
	}
	for (k = 0; k < n; k++) {
		copy[k] = c[k];
		copy[k].file = strdup(c[k].file);
		copy[k].family = strdup(c[k].family);
		if (copy[k].file == NULL || copy[k].family == NULL) {
			pg_fcands_free(copy, k + 1);
			free(fam);
			return -1;
		}
	}
	if (add(fc, fam, copy, n) != 0)
		return -1;
	fc->dirty = 1;
	return 0;
}

/* Write one stamp line for path unless it was written already. */
static void
stamp(FILE *fp, const char *path, char (*seen)[4096], size_t *nseen,
    size_t max)
{
	long long	 sec, size;
	long		 nsec;
	size_t		 i;

	for (i = 0; i < *nseen; i++)
		if (strcmp(seen[i], path) == 0)
			return;
	if (*nseen < max)
		snprintf(seen[(*nseen)++], 4096, "%s", path);
	mtime(path, &sec, &nsec, &size);
	fprintf(fp, "stamp\t%lld\t%ld\t%s\n", sec, nsec, path);
}

/* Write the cache to fp; 0 or -1. */
static int
write_all(const struct pg_fcache *fc, FILE *fp)
{
	char		(*seen)[4096];
	size_t		 nseen = 0, max, i, k, nfixed;
	long long	 sec, size;
	long		 nsec;

	for (max = 8, i = 0; i < fc->n; i++)
		max += fc->e[i].n;
	if ((seen = calloc(max, sizeof(*seen))) == NULL)
		return -1;
	fprintf(fp, "plangen-fonts 1\nenv\t%s\t%s\t%s\n", env("FONTCONFIG_FILE"),
	    env("FONTCONFIG_PATH"), env("FONTCONFIG_SYSROOT"));
	nfixed = fixed_stamps(seen);
	for (i = 0; i < nfixed; i++) {
		mtime(seen[i], &sec, &nsec, &size);
		fprintf(fp, "stamp\t%lld\t%ld\t%s\n", sec, nsec, seen[i]);
	}
	nseen = nfixed;
	for (i = 0; i < fc->n; i++)	/* each font file's folder */
		for (k = 0; k < fc->e[i].n; k++) {
			char dir[4096], *sl;
			snprintf(dir, sizeof(dir), "%s", fc->e[i].c[k].file);
			if ((sl = strrchr(dir, '/')) != NULL && sl != dir) {
				*sl = '\0';
				stamp(fp, dir, seen, &nseen, max);
			}
		}
	free(seen);
	for (i = 0; i < fc->n; i++) {
		fprintf(fp, "family\t%s\t%zu\n", fc->e[i].family, fc->e[i].n);
		for (k = 0; k < fc->e[i].n; k++) {
			const struct pg_fcand *c = &fc->e[i].c[k];
			mtime(c->file, &sec, &nsec, &size);
			fprintf(fp, "face\t%d\t%d\t%d\t%d\t%lld\t%lld\t%ld\t%s\t%s\n",
			    c->index, c->weight, c->slant, c->width, size, sec,
			    nsec, c->file, c->family);
		}
	}
	fputs("end\n", fp);
	return ferror(fp) ? -1 : 0;
}

void
pg_fcache_close(struct pg_fcache *fc)
{
	char	 path[4200], tmp[4300], parent[4096], *sl;
	FILE	*fp;
	int	 ok;

	if (fc == NULL)
		return;
	if (fc->on && fc->dirty && fc->dir[0] != '\0') {
		snprintf(parent, sizeof(parent), "%s", fc->dir);
		if ((sl = strrchr(parent, '/')) != NULL && sl != parent) {
			*sl = '\0';
			(void)mkdir(parent, 0700);	/* ~/.cache */
		}
		(void)mkdir(fc->dir, 0700);
		snprintf(path, sizeof(path), "%s/fonts", fc->dir);
		snprintf(tmp, sizeof(tmp), "%s/.fonts-%ld.tmp", fc->dir,
		    (long)getpid());
		if ((fp = fopen(tmp, "w")) != NULL) {
			ok = write_all(fc, fp) == 0;
			ok = fclose(fp) == 0 && ok;
			if (!ok || rename(tmp, path) != 0)
				(void)unlink(tmp);
		}
	}
	entries_free(fc);
	free(fc);
}
