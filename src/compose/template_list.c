/*
 * template_list.c — `plangen templates`: the built-in templates, then
 * those installed in PG_DATADIR/templates, each with its description and
 * the template it extends.  See template.h.
 */
#include "config.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/embedded.h"
#include "base/lang.h"
#include "compose/template.h"
#include "read/xml_read.h"

#ifndef PG_DATADIR
#define PG_DATADIR "/usr/share/plangen"
#endif

/* ---- listing ----------------------------------------------------------- */

static int
list_add(struct pg_template_info **v, int *n, int *cap, const char *name,
    const char *desc, const char *where, const char *extends)
{
	struct pg_template_info *nv;
	int	i;

	for (i = 0; i < *n; i++)
		if (strcmp((*v)[i].name, name) == 0)
			return 0;
	if (*n == *cap) {
		int nc = *cap ? *cap * 2 : 8;
		if ((nv = realloc(*v, (size_t)nc * sizeof(*nv))) == NULL)
			return -1;
		*v = nv;
		*cap = nc;
	}
	(*v)[*n].name = strdup(name);
	(*v)[*n].description = strdup(desc ? desc : "");
	(*v)[*n].where = strdup(where);
	(*v)[*n].extends = extends != NULL ? strdup(extends) : NULL;
	(*n)++;		/* freed with the list, even half copied */
	if ((*v)[*n - 1].name == NULL || (*v)[*n - 1].description == NULL ||
	    (*v)[*n - 1].where == NULL)
		return -1;
	return 0;
}

int
pg_template_list(struct pg_template_info **out)
{
	const struct pg_embed	*e;
	struct pg_template_info	*v = NULL;
	struct pg_diags		 d;
	struct pg_template	*t;
	int			 n = 0, cap = 0, nbad = 0;
	char			 dir[4096], err[256];
	DIR			*dp;
	struct dirent		*de;

	pg_diags_init(&d);
	pg_xml_init();
	for (e = pg_embeds; e->name != NULL; e++) {
		char name[128];
		size_t len = strlen(e->name);
		if (strncmp(e->name, "template-", 9) != 0 || len < 14 ||
		    strcmp(e->name + len - 4, ".xml") != 0 || len - 13 >= sizeof(name))
			continue;
		memcpy(name, e->name + 9, len - 13);
		name[len - 13] = '\0';
		/* a built-in template is valid: failing, memory ran out */
		if (pg_template_load(name, &t, &d, err, sizeof(err)) != 0) {
			nbad = n;
			n = -1;
		} else {
			if (list_add(&v, &n, &cap, name, pg_ltext_get(&t->description, pg_lang_tag(pg_lang_ui())),
			    "built in", t->extends) != 0) {
				nbad = n;
				n = -1;
			}
			pg_template_free(t);
		}
		if (n < 0)
			break;
	}
	snprintf(dir, sizeof(dir), "%s/templates", PG_DATADIR);
	if (n >= 0 && (dp = opendir(dir)) != NULL) {
		while ((de = readdir(dp)) != NULL && n >= 0) {
			char name[128], path[4096 + 256];
			size_t len = strlen(de->d_name);
			if (len < 5 || len - 4 >= sizeof(name) ||
			    strcmp(de->d_name + len - 4, ".xml") != 0)
				continue;
			memcpy(name, de->d_name, len - 4);
			name[len - 4] = '\0';
			snprintf(path, sizeof(path), "%s/%s", dir, de->d_name);
			if (pg_template_load(path, &t, &d, err, sizeof(err)) == 0) {
				if (list_add(&v, &n, &cap, name,
				    pg_ltext_get(&t->description, pg_lang_tag(pg_lang_ui())), path, t->extends) != 0) {
					nbad = n;
					n = -1;
				}
				pg_template_free(t);
			}
		}
		closedir(dp);
	}
	pg_diags_free(&d);
	if (n < 0) {
		pg_template_list_free(v, nbad);
		return -1;
	}
	*out = v;
	return n;
}

void
pg_template_list_free(struct pg_template_info *v, int n)
{
	int	i;

	for (i = 0; i < n; i++) {
		free(v[i].name);
		free(v[i].description);
		free(v[i].where);
		free(v[i].extends);
	}
	free(v);
}
