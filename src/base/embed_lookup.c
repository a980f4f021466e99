/*
 * embed_lookup.c — find a file compiled into the binary.  See embedded.h.
 */
#include "config.h"

#include <string.h>

#include "base/embedded.h"

const char *
pg_embedded(const char *name, size_t *len)
{
	const struct pg_embed *e;

	for (e = pg_embeds; e->name != NULL; e++)
		if (strcmp(e->name, name) == 0) {
			if (len != NULL)
				*len = e->len;
			return (const char *)e->data;
		}
	return NULL;
}
