/*
 * outname.c — the name of the PDF `plangen render` writes.  See outname.h.
 */
#include "config.h"

#include <sys/stat.h>

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base/outname.h"

/* DIR/ (if dir) + the plan's name with .xml replaced by .pdf. */
static char *
beside(const char *in, const char *dir)
{
	const char	*base = in, *slash = strrchr(in, '/');
	size_t		 d = dir != NULL ? strlen(dir) : 0, n;
	char		*o;

	if (dir != NULL && slash != NULL)
		base = slash + 1;
	if ((o = malloc(d + 1 + strlen(base) + 5)) == NULL)
		return NULL;
	o[0] = '\0';
	if (dir != NULL) {
		strcpy(o, dir);
		if (d > 0 && dir[d - 1] != '/')
			strcat(o, "/");
	}
	strcat(o, base);
	n = strlen(o);
	if (n > 4 && strcmp(o + n - 4, ".xml") == 0)
		o[n - 4] = '\0';
	strcat(o, ".pdf");
	return o;
}

/* 1 if the name ends in .pdf (any case). */
static int
is_pdf(const char *o)
{
	size_t n = strlen(o);

	return n >= 4 && strcasecmp(o + n - 4, ".pdf") == 0;
}

int
pg_output_name(const char *o, const char *in, char **out)
{
	struct stat	 st;
	const char	*dot, *slash;
	size_t		 n;

	*out = NULL;
	if (o == NULL)
		*out = beside(in, NULL);
	else if ((n = strlen(o)) == 0 || o[n - 1] == '/' || (!is_pdf(o) &&
	    stat(o, &st) == 0 && S_ISDIR(st.st_mode)))
		*out = beside(in, n == 0 ? "." : o);
	else {
		/* an extension that says another format: .docx, .png, .xml */
		dot = strrchr(o, '.');
		slash = strrchr(o, '/');
		if (dot != NULL && dot != (slash != NULL ? slash + 1 : o) &&
		    (slash == NULL || dot > slash) && strcasecmp(dot, ".pdf") != 0 &&
		    !(stat(o, &st) == 0 && !S_ISREG(st.st_mode)))
			return -1;
		*out = strdup(o);
	}
	return *out != NULL ? 0 : -2;
}

char *
pg_path_dir(const char *path)
{
	const char	*slash = strrchr(path, '/');

	if (slash == NULL)
		return strdup(".");
	if (slash == path)
		return strdup("/");
	return strndup(path, (size_t)(slash - path));
}
