/*
 * project.c — the brand named once for a project: a file `.plangen`
 * beside the plan (in the plan's folder) may say which template renders
 * the plans there:
 *
 *     # .plangen — settings for the plans in this folder
 *     template = brand/acme.xml
 *
 * A value with a '/' or ending in ".xml" is a file relative to the
 * .plangen file's folder; anything else is a template name ("board").
 * -t/--template on the command line wins over it.  See cli.h.
 */
#include "config.h"

#include <ctype.h>
#include <unistd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/outname.h"
#include "cli/cli.h"
#include "read/xml_read.h"

static char *
trim(char *s)
{
	char	*e;

	while (*s == ' ' || *s == '\t')
		s++;
	e = s + strlen(s);
	while (e > s && isspace((unsigned char)e[-1]))
		*--e = '\0';
	return s;
}

char *
project_file(const char *plan)
{
	char	*dir, *file;
	size_t	 n;

	if ((dir = pg_path_dir(plan)) == NULL)
		return NULL;
	n = strlen(dir) + sizeof("/.plangen");
	if ((file = malloc(n)) != NULL)
		snprintf(file, n, "%s/.plangen", dir);
	free(dir);
	return file;
}

int
project_template(const char *plan, char **out)
{
	char		*dir, *file, *buf, *line, *next, *eq, *key, *val, err[1024];
	size_t		 len, n;
	unsigned long	 lineno = 0;
	int		 r = 0;

	*out = NULL;
	if ((file = project_file(plan)) == NULL)
		goto oom;
	if (access(file, F_OK) != 0) {
		free(file);
		return 0;	/* no project file: nothing said */
	}
	if ((dir = pg_path_dir(plan)) == NULL) {
		free(file);
		goto oom;
	}
	if ((buf = pg_read_file(file, &len, err, sizeof(err))) == NULL) {
		free(file);
		free(dir);
		error_io(err);
		return -1;
	}
	for (line = buf; line != NULL && r == 0; line = next) {
		lineno++;
		if ((next = strchr(line, '\n')) != NULL)
			*next++ = '\0';
		line = trim(line);
		if (*line == '\0' || *line == '#')
			continue;
		if ((eq = strchr(line, '=')) == NULL) {
			errorf(T("%s:%lu: write a setting as NAME = VALUE "
			    "(template = brand.xml)", "%s:%lu：设置要写成 名称 = 值"
			    "（template = brand.xml）"), file, lineno);
			r = -1;
			break;
		}
		*eq = '\0';
		key = trim(line);
		val = trim(eq + 1);
		if (strcmp(key, "template") != 0) {
			errorf(T("%s:%lu: unknown setting '%s': a .plangen file "
			    "names the template only (template = brand.xml)",
			    "%s:%lu：不认识的设置“%s”：.plangen 文件只能指定模板"
			    "（template = brand.xml）"), file, lineno, key);
			r = -1;
		} else if (*val == '\0') {
			errorf(T("%s:%lu: template = needs a template name or file",
			    "%s:%lu：template = 后面要写模板名称或文件"), file, lineno);
			r = -1;
		} else if (*out != NULL) {
			errorf(T("%s:%lu: the template is named twice",
			    "%s:%lu：模板指定了两次"), file, lineno);
			r = -1;
		} else if (strchr(val, '/') == NULL && (strlen(val) < 5 ||
		    strcmp(val + strlen(val) - 4, ".xml") != 0)) {
			if ((*out = strdup(val)) == NULL)
				r = -2;
		} else if (val[0] == '/') {
			if ((*out = strdup(val)) == NULL)
				r = -2;
		} else {
			n = strlen(dir) + strlen(val) + 2;
			if ((*out = malloc(n)) == NULL)
				r = -2;
			else
				snprintf(*out, n, "%s/%s", dir, val);
		}
	}
	free(buf);
	free(file);
	free(dir);
	if (r == 0)
		return 0;
	free(*out);
	*out = NULL;
	if (r == -2)
		goto oom;
	return -1;
oom:
	errorf("%s", T("out of memory", "内存不足"));
	return -1;
}
