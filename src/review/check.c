/*
 * check.c — the review pipeline.  See check.h.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <libxml/tree.h>

#include "review/check.h"
#include "read/plan_read.h"
#include "review/rules.h"
#include "review/rules_custom.h"
#include "review/schema.h"
#include "read/xml_read.h"

/*
 * The language of the schema and reader findings: --lang if given, else
 * the root element's @lang (trimmed, into buf; "" if it has none), as the
 * review rules decide from the model (rules.h).
 */
static const char *
findings_lang(xmlDocPtr doc, const struct pg_check_opts *o, char *buf,
    size_t len)
{
	xmlNodePtr	 root;
	xmlChar		*v;
	const char	*s;
	size_t		 n;

	buf[0] = '\0';
	if (o != NULL && o->lang != NULL)
		return o->lang;
	if ((root = xmlDocGetRootElement(doc)) == NULL ||
	    (v = xmlGetNoNsProp(root, (const xmlChar *)"lang")) == NULL)
		return buf;
	for (s = (const char *)v; *s == ' ' || *s == '\t' || *s == '\n' ||
	    *s == '\r'; s++)
		;
	for (n = 0; n + 1 < len && s[n] != '\0'; n++)
		buf[n] = s[n];
	while (n > 0 && (buf[n - 1] == ' ' || buf[n - 1] == '\t' ||
	    buf[n - 1] == '\n' || buf[n - 1] == '\r'))
		n--;
	buf[n] = '\0';
	xmlFree(v);
	return buf;
}

/*
 * 1 if the root has no lang= and Han characters outnumber Latin letters in
 * the plan's text (a Chinese plan that would render with English headings,
 * dates and line breaking).
 */
static int
lang_missing_but_han(xmlDocPtr doc)
{
	xmlNodePtr	 root = xmlDocGetRootElement(doc), n;
	xmlChar		*v;
	size_t		 han = 0, latin = 0;

	if (root == NULL)
		return 0;
	if ((v = xmlGetNoNsProp(root, (const xmlChar *)"lang")) != NULL) {
		xmlFree(v);
		return 0;
	}
	for (n = root; n != NULL; ) {
		if (n->type == XML_TEXT_NODE && n->content != NULL) {
			const unsigned char *s = n->content;
			for (; *s != '\0'; s++)
				if ((*s | 0x20) >= 'a' && (*s | 0x20) <= 'z')
					latin++;
				else if (*s >= 0xE4 && *s <= 0xE9)
					han++;	/* lead byte of U+4000..U+9FFF */
		}
		if (n->type == XML_ELEMENT_NODE && n->children != NULL)
			n = n->children;
		else {
			while (n != root && n->next == NULL)
				n = n->parent;
			n = n == root ? NULL : n->next;
		}
	}
	return han > 0 && han >= latin;
}

int
pg_check_buffer(const char *buf, size_t len, const char *name,
    const struct pg_check_opts *o, struct pg_checked *out)
{
	xmlDocPtr	 doc;
	const char	*lang = NULL;
	char		 langbuf[36];

	memset(out, 0, sizeof(*out));
	pg_diags_init(&out->diags);
	out->completeness = -1;
	doc = pg_xml_parse_lang(buf, len, name, o != NULL ? o->lang : NULL,
	    &out->diags);
	if (doc != NULL) {
		lang = findings_lang(doc, o, langbuf, sizeof(langbuf));
		out->lang_hint = lang_missing_but_han(doc);
		pg_schema_validate_lang(doc, name, lang, &out->diags);
	} else
		lang = o != NULL && o->lang != NULL ? o->lang :
		    pg_xml_raw_tag(buf, len, langbuf, sizeof(langbuf));
	out->lang = pg_lang_of(lang);
	out->hant = pg_lang_hant(lang);
	/* The model is built only from a document without xml-syntax or schema errors. */
	if (doc != NULL && pg_diags_count(&out->diags, PG_ERROR) == 0) {
		out->plan = pg_plan_read_lang(doc, name, lang, &out->diags);
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
	out->rules_ran = out->plan != NULL;
	/* --as-of replaces meta/as-of for the rules and everything after */
	if (out->plan != NULL && o != NULL && o->as_of.y != 0)
		out->plan->meta.as_of = o->as_of;
	if (out->plan != NULL)
		(void)pg_rules_run(out->plan, name, o != NULL ? o->lang : NULL,
		    &out->diags);	/* out of memory: diags.oom is set */
	if (doc != NULL && o != NULL && o->rules != NULL)
		pg_ruleset_run(o->rules, doc, name, out->lang, &out->diags);
	if (doc != NULL && o != NULL && o->keep_doc)
		out->doc = doc;
	else if (doc != NULL)
		xmlFreeDoc(doc);
	/* Accepts apply to every stage's findings; then the score (rules.h). */
	if (out->plan != NULL) {
		(void)pg_accept_apply(out->plan, &out->diags, name,
		    o != NULL ? o->lang : NULL);
		out->completeness = pg_completeness(out->plan, &out->diags);
	}
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
	if (c->doc != NULL)
		xmlFreeDoc(c->doc);
	c->doc = NULL;
	pg_diags_free(&c->diags);
}

int
pg_checked_failed(const struct pg_checked *c, int strict)
{
	if (pg_diags_count(&c->diags, PG_ERROR) > 0)
		return 1;
	return strict && pg_diags_count(&c->diags, PG_WARNING) > 0;
}
