/*
 * check.c — the review pipeline.  See check.h.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <libxml/tree.h>

#include "check.h"
#include "plan_read.h"
#include "rules_custom.h"
#include "schema.h"
#include "xml_read.h"

int
pg_check_buffer(const char *buf, size_t len, const char *name,
    const struct pg_check_opts *o, struct pg_checked *out)
{
	xmlDocPtr doc;

	memset(out, 0, sizeof(*out));
	pg_diags_init(&out->diags);
	out->completeness = -1;
	doc = pg_xml_parse(buf, len, name, &out->diags);
	if (doc != NULL)
		pg_schema_validate(doc, name, &out->diags);
	/* The model is built only from a document without xml-syntax or schema errors. */
	if (doc != NULL && pg_diags_count(&out->diags, PG_ERROR) == 0) {
		out->plan = pg_plan_read(doc, name, &out->diags);
		if (out->plan == NULL)
			out->diags.oom = 1;
		else if (pg_diags_count(&out->diags, PG_ERROR) > 0) {
			pg_plan_free(out->plan);	/* values the schema could not judge */
			out->plan = NULL;
		}
	}
	/*
	 * Team rules (--rules) work on the document itself, not the model.
	 * They run after every built-in stage (schema, model, built-in rules:
	 * their errors must not stop the model from being built) and before
	 * accept instructions are applied (so accepts cover team rule ids).
	 */
	if (doc != NULL && o != NULL && o->rules != NULL)
		pg_ruleset_run(o->rules, doc, name, &out->diags);
	if (doc != NULL)
		xmlFreeDoc(doc);
	pg_diags_sort(&out->diags);
	return 0;
}

int
pg_check_file(const char *path, const struct pg_check_opts *o,
    struct pg_checked *out, char *err, size_t errlen)
{
	char	*buf;
	size_t	 len;
	int	 rc;

	memset(out, 0, sizeof(*out));
	pg_diags_init(&out->diags);
	out->completeness = -1;
	if ((buf = pg_read_file(path, &len, err, errlen)) == NULL)
		return -1;
	rc = pg_check_buffer(buf, len, path, o, out);
	free(buf);
	return rc;
}

void
pg_checked_free(struct pg_checked *c)
{
	pg_plan_free(c->plan);
	c->plan = NULL;
	pg_diags_free(&c->diags);
}

int
pg_checked_failed(const struct pg_checked *c, int strict)
{
	if (pg_diags_count(&c->diags, PG_ERROR) > 0)
		return 1;
	return strict && pg_diags_count(&c->diags, PG_WARNING) > 0;
}
