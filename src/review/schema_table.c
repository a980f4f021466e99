/*
 * schema_table.c — plan.rng turned into the table of element definitions
 * the walk judges a plan by (schema_int.h), built once and cached; and
 * the embedded schema text.  See schema.h.
 *
 * Design (schema.c has the whole picture):
 *  - plan.rng is the single source of the plan format's structure.  It is
 *    parsed once and turned into a table of element definitions: allowed
 *    attributes and their value patterns, allowed children with their
 *    multiplicity and order, whether text is allowed.
 *  - plan.rng is written in a subset of RELAX NG that the table models:
 *    one definition per <element> pattern (an element's content depends on
 *    the pattern its parent names, so one name may mean different things
 *    under different parents: table/row and fab/row); choice
 *    is of attributes, of values, or of elements/text; no mixed,
 *    notAllowed, except, include or externalRef.  build_def() refuses
 *    anything else (every unit test builds the table), so a schema the
 *    walk could not judge never ships silently.
 *  - Names are resolved to definitions once, when the table is built; a
 *    child or attribute name is then found with one hash lookup and a
 *    per-definition index.
 *
 * State: sch_cache (the table, the compiled patterns and their remembered
 * verdicts), freed by pg_schema_cleanup().  Not thread-safe.
 */
#include "config.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/xmlerror.h>

#include "base/embedded.h"
#include "review/schema.h"
#include "review/schema_int.h"
#include "read/xml_read.h"

struct sch_cache sch_cache;

/* ---- RNG nodes ----------------------------------------------------------- */

int
sch_is_rng(const xmlNode *n, const char *name)
{
	return n != NULL && n->type == XML_ELEMENT_NODE && n->ns != NULL &&
	    xmlStrEqual(n->ns->href, (const xmlChar *)RNG_NS) &&
	    (name == NULL || xmlStrEqual(n->name, (const xmlChar *)name));
}

/* The attribute `name` of an RNG node, trimmed, or NULL (owned by the node). */
const char *
sch_rng_attr(const xmlNode *n, const char *name)
{
	const xmlAttr *a;

	for (a = n->properties; a != NULL; a = a->next)
		if (a->ns == NULL && xmlStrEqual(a->name, (const xmlChar *)name) &&
		    a->children != NULL && a->children->type == XML_TEXT_NODE)
			return (const char *)a->children->content;
	return NULL;
}

const char *
sch_pg_attr(const xmlNode *n, const char *name)
{
	const xmlAttr *a;

	for (a = n->properties; a != NULL; a = a->next)
		if (a->ns != NULL && xmlStrEqual(a->ns->href, (const xmlChar *)PG_NS) &&
		    xmlStrEqual(a->name, (const xmlChar *)name) &&
		    a->children != NULL && a->children->type == XML_TEXT_NODE)
			return (const char *)a->children->content;
	return NULL;
}

/* 1 if the RNG node n carries pg:version="2". */
static int
is_v2(const xmlNode *n)
{
	const char *v = sch_pg_attr(n, "version");

	return v != NULL && strcmp(v, "2") == 0;
}

xmlNodePtr
sch_first_rng(xmlNodePtr n)
{
	xmlNodePtr c;

	for (c = n->children; c != NULL; c = c->next)
		if (sch_is_rng(c, NULL))
			return c;
	return NULL;
}

/* ---- the definition table ---------------------------------------------- */

unsigned
sch_hash(const char *s)
{
	unsigned h = 2166136261u;

	for (; *s != '\0'; s++)
		h = (h ^ (unsigned char)*s) * 16777619u;
	return h;
}

/* The id of an element or attribute name of the schema, or -1. */
int
sch_name_id(const char *s)
{
	unsigned	 h = sch_hash(s) & (HSIZE - 1);
	int		 id;

	while ((id = sch_cache.slot[h]) != 0) {
		if (strcmp(sch_cache.names[id - 1], s) == 0)
			return id - 1;
		h = (h + 1) & (HSIZE - 1);
	}
	return -1;
}

/* The id of name s, added if new (s must outlive the cache); -1: too many. */
static int
intern(const char *s)
{
	unsigned	 h;
	int		 id = sch_name_id(s);

	if (id >= 0)
		return id;
	if (sch_cache.nnames == MAXNAMES)
		return -1;
	for (h = sch_hash(s) & (HSIZE - 1); sch_cache.slot[h] != 0; h = (h + 1) & (HSIZE - 1))
		;
	sch_cache.names[sch_cache.nnames] = s;
	sch_cache.slot[h] = (short)(sch_cache.nnames + 1);
	return sch_cache.nnames++;
}

/* The definition of the element named `name`, or NULL. */
struct sdef *
sch_find_def(const char *name)
{
	int i;

	if (sch_cache.ok) {		/* the table is complete: use the index */
		i = sch_name_id(name);
		return i >= 0 && sch_cache.def_of[i] ? &sch_cache.defs[sch_cache.def_of[i] - 1] : NULL;
	}
	for (i = 0; i < sch_cache.ndefs; i++)
		if (strcmp(sch_cache.defs[i].name, name) == 0)
			return &sch_cache.defs[i];
	return NULL;
}

static int
cmp_define(const void *a, const void *b)
{
	return strcmp(sch_rng_attr(*(xmlNodePtr const *)a, "name"),
	    sch_rng_attr(*(xmlNodePtr const *)b, "name"));
}

/* The grammar's <define name="name">, or NULL (binary search). */
xmlNodePtr
sch_find_define(const char *name)
{
	int lo = 0, hi = sch_cache.ndefines - 1;

	while (lo <= hi) {
		int mid = (lo + hi) / 2;
		int c = strcmp(sch_rng_attr(sch_cache.defines[mid], "name"), name);
		if (c == 0)
			return sch_cache.defines[mid];
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid - 1;
	}
	return NULL;
}

struct ctx {
	int	min, max;
	int	seq;		/* -2: take the next position; -1: any; >= 0: this one */
	int	group;		/* attribute choice group, 0: none */
	int	in_choice;	/* directly inside a choice */
};

static struct sdef *build_def(xmlNodePtr elem);

static int
take_seq(struct sdef *d, struct ctx *c)
{
	return c->seq == -2 ? d->nseq++ : c->seq;
}

int
sch_fail(const char *what, const xmlNode *n)
{
	snprintf(sch_cache.err, sizeof(sch_cache.err),
	    "plan.rng line %ld: %s is not supported by the explainer", xmlGetLineNo(n),
	    what);
	return -1;
}

/* Record what pattern n allows inside definition d.  Returns 0 or -1. */
static int
walk(struct sdef *d, xmlNodePtr n, struct ctx c)
{
	const char	*name = (const char *)n->name;
	xmlNodePtr	 ch;

	if (strcmp(name, "element") == 0) {
		const char *en = sch_rng_attr(n, "name");
		struct skid *k;
		int i;
		if (en == NULL)
			return sch_fail("an element without a name", n);
		for (i = 0; i < d->nkid; i++)
			if (strcmp(d->kid[i].name, en) == 0)
				return sch_fail("an element named twice in one content", n);
		if (d->nkid == MAXKID)
			return sch_fail("an element with this many children", n);
		k = &d->kid[d->nkid++];
		k->name = en;
		k->min = c.min;
		k->max = c.max;
		k->seq = take_seq(d, &c);
		k->v2 = is_v2(n);
		{
			const char *m = sch_pg_attr(n, "v1-max");
			k->v1max = m != NULL ? atoi(m) : 0;
		}
		return (k->def = build_def(n)) != NULL ? 0 : -1;
	}
	if (strcmp(name, "attribute") == 0) {
		struct sattr *a;
		if (d->nattr == MAXATTR)
			return sch_fail("an element with this many attributes", n);
		a = &d->attr[d->nattr++];
		if ((a->name = sch_rng_attr(n, "name")) == NULL)
			return sch_fail("an attribute without a name", n);
		a->pat = sch_first_rng(n);
		a->required = c.min > 0 && c.group == 0;
		a->group = c.group;
		a->v2 = is_v2(n);
		return 0;
	}
	if (strcmp(name, "text") == 0) {
		d->text = 1;
		d->text_seq = take_seq(d, &c);
		if (c.in_choice && c.max == 1)
			d->prose = 1;	/* text or blocks: one alternative of a choice */
		return 0;
	}
	if (strcmp(name, "empty") == 0)
		return 0;
	if (strcmp(name, "data") == 0 || strcmp(name, "value") == 0 ||
	    strcmp(name, "list") == 0) {
		d->value = n;
		return 0;
	}
	c.in_choice = 0;
	if (strcmp(name, "ref") == 0) {
		xmlNodePtr def = sch_find_define(sch_rng_attr(n, "name") ? sch_rng_attr(n, "name") : "");
		xmlNodePtr f;
		if (def == NULL)
			return sch_fail("a ref to a missing define", n);
		f = sch_first_rng(def);
		if (f != NULL && (sch_is_rng(f, "data") || sch_is_rng(f, "list") ||
		    (sch_is_rng(f, "choice") && sch_is_rng(sch_first_rng(f), "value")))) {
			d->value = n;	/* a value type, e.g. date.type */
			return 0;
		}
		for (ch = def->children; ch != NULL; ch = ch->next)
			if (sch_is_rng(ch, NULL) && walk(d, ch, c) != 0)
				return -1;
		return 0;
	}
	if (strcmp(name, "optional") == 0 || strcmp(name, "zeroOrMore") == 0 ||
	    strcmp(name, "oneOrMore") == 0 || strcmp(name, "group") == 0 ||
	    strcmp(name, "interleave") == 0) {
		if (name[0] == 'o' && name[1] == 'p')
			c.min = 0;
		else if (name[0] == 'z')
			c.min = 0, c.max = MANY;
		else if (name[0] == 'o')
			c.max = MANY;
		else if (name[0] == 'i')
			c.seq = -1;
		for (ch = n->children; ch != NULL; ch = ch->next)
			if (sch_is_rng(ch, NULL) && walk(d, ch, c) != 0)
				return -1;
		return 0;
	}
	if (strcmp(name, "choice") == 0) {
		xmlNodePtr f = sch_first_rng(n);
		if (f == NULL)
			return sch_fail("an empty choice", n);
		if (sch_is_rng(f, "value")) {
			d->value = n;
			return 0;
		}
		if (sch_is_rng(f, "attribute")) {
			if (d->ngrp == MAXGRP)
				return sch_fail("this many attribute choices", n);
			c.group = ++d->ngrp;
			d->grp_required[c.group] = c.min > 0;
			c.min = 0;
			for (ch = n->children; ch != NULL; ch = ch->next) {
				if (!sch_is_rng(ch, NULL))
					continue;
				if (!sch_is_rng(ch, "attribute"))
					return sch_fail("a choice of attributes and other things", ch);
				if (walk(d, ch, c) != 0)
					return -1;
			}
			return 0;
		}
		c.seq = take_seq(d, &c);
		c.min = 0;
		c.in_choice = 1;
		for (ch = n->children; ch != NULL; ch = ch->next)
			if (sch_is_rng(ch, NULL) && walk(d, ch, c) != 0)
				return -1;
		return 0;
	}
	return sch_fail(name, n);
}

/*
 * The definition of the RNG <element> `elem`, added on first use: once per
 * <element> pattern, so an element reached through one <define> from many
 * places (p, list, ...) has one definition, and two patterns that share a
 * name (the table `row` and the FAB `row`) each have their own, found by
 * their parent's skid.def.  Returns NULL on failure (sch_cache.err).
 */
static struct sdef *
build_def(xmlNodePtr elem)
{
	const char	*name = sch_rng_attr(elem, "name");
	struct sdef	*d;
	struct ctx	 c = { 1, 1, -2, 0, 0 };
	xmlNodePtr	 ch;
	int		 i;

	if (name == NULL)
		return sch_fail("an element without a name", elem), NULL;
	for (i = 0; i < sch_cache.ndefs; i++)
		if (sch_cache.defs[i].node == elem)
			return &sch_cache.defs[i];
	if (sch_cache.ndefs == sch_cache.capdefs)	/* defs never moves: pointers stay valid */
		return sch_fail("this many elements", elem), NULL;
	d = &sch_cache.defs[sch_cache.ndefs++];
	memset(d, 0, sizeof(*d));
	d->name = name;
	d->node = elem;
	d->text_seq = -1;
	for (ch = elem->children; ch != NULL; ch = ch->next)
		if (sch_is_rng(ch, NULL) && walk(d, ch, c) != 0)
			return NULL;
	return d;
}

/* Mark d and what a version 1 plan may reach from it (messages). */
static void
mark_v1(struct sdef *d)
{
	int j;

	if (d == NULL || d->in_v1)
		return;
	d->in_v1 = 1;
	for (j = 0; j < d->nkid; j++)
		if (!d->kid[j].v2)
			mark_v1(d->kid[j].def);
}

static void
on_load_error(void *ctx, xmlErrorPtr err)
{
	(void)ctx;
	if (err != NULL && sch_cache.err[0] == '\0')
		snprintf(sch_cache.err, sizeof(sch_cache.err), "plan.rng line %d: %s",
		    err->line, err->message ? err->message : "error");
}

/* Parse and tabulate plan.rng once.  Returns 0 or -1 (sch_cache.err). */
int
sch_load(void)
{
	const char	*text;
	size_t		 len;
	xmlNodePtr	 start, ch, g;
	int		 i, j, id;

	if (sch_cache.tried)
		return sch_cache.ok ? 0 : -1;
	sch_cache.tried = 1;
	pg_xml_init();
	text = pg_schema_text(&len);
	if (len == 0 || len > INT_MAX) {
		snprintf(sch_cache.err, sizeof(sch_cache.err), "plan.rng is not built in");
		return -1;
	}
	xmlSetStructuredErrorFunc(NULL, on_load_error);
	sch_cache.rngdoc = xmlReadMemory(text, (int)len, "plan.rng", "UTF-8",
	    XML_PARSE_NONET | XML_PARSE_NOCDATA | XML_PARSE_BIG_LINES);
	xmlSetStructuredErrorFunc(NULL, NULL);
	if (sch_cache.rngdoc == NULL || (g = xmlDocGetRootElement(sch_cache.rngdoc)) == NULL) {
		if (sch_cache.err[0] == '\0')
			snprintf(sch_cache.err, sizeof(sch_cache.err), "out of memory");
		return -1;
	}
	if (!sch_is_rng(g, "grammar"))
		return sch_fail("a schema that is not a grammar", g);
	/* The defines, sorted by name: ref resolves with a binary search. */
	for (ch = g->children; ch != NULL; ch = ch->next)
		if (sch_is_rng(ch, "define"))
			sch_cache.ndefines++;
	if ((sch_cache.defines = calloc((size_t)sch_cache.ndefines + 1,
	    sizeof(*sch_cache.defines))) == NULL) {
		snprintf(sch_cache.err, sizeof(sch_cache.err), "out of memory");
		return -1;
	}
	i = 0;
	for (ch = g->children; ch != NULL; ch = ch->next)
		if (sch_is_rng(ch, "define")) {
			if (sch_rng_attr(ch, "name") == NULL)
				return sch_fail("a define without a name", ch);
			if (sch_rng_attr(ch, "combine") != NULL)
				return sch_fail("combine", ch);
			sch_cache.defines[i++] = ch;
		}
	qsort(sch_cache.defines, (size_t)sch_cache.ndefines, sizeof(*sch_cache.defines), cmp_define);
	for (i = 1; i < sch_cache.ndefines; i++)
		if (strcmp(sch_rng_attr(sch_cache.defines[i - 1], "name"),
		    sch_rng_attr(sch_cache.defines[i], "name")) == 0)
			return sch_fail("a name defined twice", sch_cache.defines[i]);
	/* Tabulate: start's element and everything reachable from it. */
	sch_cache.capdefs = 256;
	if ((sch_cache.defs = calloc((size_t)sch_cache.capdefs, sizeof(*sch_cache.defs))) == NULL) {
		snprintf(sch_cache.err, sizeof(sch_cache.err), "out of memory");
		return -1;
	}
	start = NULL;
	for (ch = g->children; ch != NULL; ch = ch->next)
		if (sch_is_rng(ch, "start"))
			start = sch_first_rng(ch);
	if (start == NULL || !sch_is_rng(start, "ref") ||
	    (start = sch_find_define(sch_rng_attr(start, "name") ? sch_rng_attr(start, "name") : "")) == NULL ||
	    (start = sch_first_rng(start)) == NULL || !sch_is_rng(start, "element"))
		return sch_fail("a start that is not one element", g);
	if (build_def(start) == NULL)
		return -1;
	/*
	 * Resolve every name once: element name -> its first definition (for
	 * messages; the walk follows skid.def), child, attribute.
	 */
	for (i = 0; i < sch_cache.ndefs; i++) {
		if ((id = intern(sch_cache.defs[i].name)) < 0)
			return sch_fail("this many names", g);
		if (sch_cache.def_of[id] == 0)
			sch_cache.def_of[id] = (short)(i + 1);
	}
	for (i = 0; i < sch_cache.ndefs; i++) {
		struct sdef *d = &sch_cache.defs[i];
		for (j = 0; j < d->nkid; j++) {
			d->kid[j].block = strcmp(d->kid[j].name, "p") == 0 ||
			    strcmp(d->kid[j].name, "list") == 0 ||
			    strcmp(d->kid[j].name, "table") == 0 ||
			    strcmp(d->kid[j].name, "image") == 0;
			if ((id = intern(d->kid[j].name)) < 0)
				return sch_fail("this many names", g);
			if (d->kidx[id] == 0)
				d->kidx[id] = (unsigned char)(j + 1);
		}
		for (j = 0; j < d->nattr; j++) {
			if ((id = intern(d->attr[j].name)) < 0)
				return sch_fail("this many names", g);
			if (d->aidx[id] == 0)
				d->aidx[id] = (unsigned char)(j + 1);
		}
	}
	mark_v1(&sch_cache.defs[0]);
	if (sch_compile_all() != 0)
		return -1;
	sch_cache.ok = 1;
	return 0;
}

const char *
pg_schema_text(size_t *len)
{
	size_t		 n = 0;
	const char	*s = pg_embedded("plan.rng", &n);

	if (s == NULL)
		s = "", n = 0;
	if (len != NULL)
		*len = n;
	return s;
}

void
pg_schema_cleanup(void)
{
	struct vpat *p, *nx;
	int i;

	for (p = sch_cache.vpats; p != NULL; p = nx) {
		nx = p->next_alloc;
		for (i = 0; i < p->nre; i++)
			xmlRegFreeRegexp(p->re[i]);
		free(p->value);
		free(p->sub);
		free(p->memo);
		free(p);
	}
	free(sch_cache.defines);
	free(sch_cache.defs);
	if (sch_cache.rngdoc != NULL)
		xmlFreeDoc(sch_cache.rngdoc);
	memset(&sch_cache, 0, sizeof(sch_cache));
}
