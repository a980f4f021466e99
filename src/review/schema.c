/*
 * schema.c — RELAX NG validation of a plan, with messages people can act
 * on.  See schema.h.
 *
 * Design:
 *  1. plan.rng is the single source of the plan format's structure, but
 *     libxml2's RELAX NG validator is not run: it is superlinear on plans
 *     with many repeated children (4 s for 30,000 actions, mostly in
 *     interleave).  Instead the parsed plan.rng is turned once into a table
 *     of element definitions (allowed attributes and their value patterns,
 *     allowed children with their multiplicity and order, whether text is
 *     allowed), and the document is walked against that table in one
 *     linear pass.  The walk is the validator: a document is valid exactly
 *     when the walk finds nothing, and each problem it finds is explained
 *     in words a plan author can act on, at the line of the offending
 *     element.
 *  2. Values are checked with libxml2's own XSD datatypes and regular
 *     expressions (compiled once per pattern when the table is built), with
 *     libxml2's white-space rules, so the walk judges values as
 *     `xmllint --relaxng plan.rng` does.
 *  3. Equivalence with RELAX NG is guaranteed by tests, not by argument:
 *     tests/e2e/schema-equiv.sh (tests/schema_mutate.py) applies a few
 *     hundred seeded mutations (deleted, duplicated, renamed, swapped and
 *     moved elements; removed, renamed and junk attributes; near-miss
 *     values; stray text) to tests/data/full.xml and both samples and
 *     asserts that `plangen check` reports a schema error exactly when
 *     `xmllint --noout --relaxng schema/plan.rng` rejects the file; the
 *     e2e schema test also runs xmllint (and jing when installed) on the
 *     fixtures.  A change to plan.rng must keep that test green.
 *  4. plan.rng is written in a subset of RELAX NG that the table models:
 *     every element name means one definition wherever it appears; choice
 *     is of attributes, of values, or of elements/text; no mixed,
 *     notAllowed, except, include or externalRef.  build_def() refuses
 *     anything else (every unit test builds the table), so a schema the
 *     walk could not judge never ships silently.
 *  5. Cost: names are resolved to definitions once, when the table is
 *     built; a child or attribute name is found with one hash lookup (or
 *     none: ids are remembered by the address of libxml2's interned name)
 *     and a per-definition index; value patterns are compiled once, and
 *     each <data> pattern remembers its last verdicts on short values
 *     (plans repeat dates, amounts and ids); values are read and
 *     normalised without allocating in the common case.  Measured on a
 *     generated plan of 30,000 actions: 4.3 s with libxml2's validator,
 *     about 20 ms now.
 *  6. At most MAXFIND findings per file, then one "too many" finding: a
 *     generated file with 100,000 bad lines gets a readable report.
 *
 * State: one lazily built cache (struct cache: the table, the compiled
 * patterns and their remembered verdicts), freed by pg_schema_cleanup().
 * Not thread-safe.
 */
#include "config.h"

#include <ctype.h>
#include <limits.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlregexp.h>
#include <libxml/xmlschemastypes.h>

#include "base/embedded.h"
#include "review/rules.h"		/* pg_lang_is_zh() */
#include "review/schema.h"
#include "read/xml_read.h"

#define RNG_NS	"http://relaxng.org/ns/structure/1.0"
#define MANY	INT_MAX		/* unbounded repetition */
#define MAXATTR	16
#define MAXKID	16
#define MAXGRP	4
#define MAXRE	4		/* pattern params of one <data> */
#define MAXNAMES 256		/* distinct element and attribute names */
#define HSIZE	512		/* name hash slots (power of two > 2 * MAXNAMES) */
#define MAXFIND	1000		/* schema findings reported per file */
#define MEMO	64		/* remembered verdicts per <data> pattern */
#define MEMOLEN	24		/* longest value remembered, bytes + NUL */
#define NCACHE	64		/* name pointer -> id cache slots of a walk */

/* A remembered verdict of data_ok(): plans repeat dates, amounts, ids. */
struct memo {
	unsigned char	 len;		/* strlen(s) + 1; 0: empty */
	unsigned char	 ok;
	char		 s[MEMOLEN];
};

/* A compiled value pattern (see compile() and pattern_ok()). */
struct vpat {
	enum { VP_ANY, VP_REF, VP_DATA, VP_VALUE, VP_CHOICE, VP_LIST } kind;
	xmlNodePtr	 node;		/* its RNG node (value lists in messages) */
	const char	*name;		/* VP_REF: the define's name */
	xmlSchemaTypePtr type;		/* VP_DATA: the XSD type, NULL: none known */
	int		 collapse;	/* VP_DATA: the type sees the collapsed value;
					   VP_VALUE: compare collapsed */
	xmlRegexpPtr	 re[MAXRE];	/* VP_DATA: pattern params (raw value) */
	int		 nre;
	char		*value;		/* VP_VALUE: wanted, collapsed if `collapse` */
	struct vpat	**sub;		/* VP_REF: [0] the define's pattern;
					   VP_CHOICE: the alternatives;
					   VP_LIST: [0] the item pattern, if any */
	int		 nsub;
	int		 need_one;	/* VP_LIST: oneOrMore items */
	struct memo	*memo;		/* VP_DATA: MEMO verdicts by value hash */
	struct vpat	*next_alloc;	/* all compiled patterns, for freeing */
};

/* An attribute an element may carry. */
struct sattr {
	const char	*name;
	xmlNodePtr	 pat;		/* value pattern (data, value, choice, list, ref, text) */
	struct vpat	*vp;		/* pat, compiled */
	int		 required;	/* must be present (outside any choice) */
	int		 group;		/* >0: one of a choice group (exactly one) */
};

/* A child element an element may contain. */
struct skid {
	const char	*name;
	struct sdef	*def;		/* its definition */
	int		 min, max;	/* occurrences; max MANY = unbounded */
	int		 seq;		/* position in a fixed order; -1: any */
	int		 block;		/* <p> or <list>: a prose block */
};

/* What one element of the plan format may hold. */
struct sdef {
	const char	*name;
	struct sattr	 attr[MAXATTR];
	int		 nattr;
	int		 grp_required[MAXGRP + 1];	/* choice group g needs one */
	int		 ngrp;
	struct skid	 kid[MAXKID];
	int		 nkid;
	int		 nseq;		/* next sequence position while building */
	int		 text;		/* text allowed */
	int		 text_seq;	/* its position in a fixed order, -1: any */
	int		 prose;		/* text or <p>/<list> blocks, not both */
	xmlNodePtr	 value;		/* content is a value (data, value, choice, ref) */
	struct vpat	*vvalue;	/* value, compiled */
	unsigned char	 kidx[MAXNAMES];	/* name id -> kid index + 1, 0: none */
	unsigned char	 aidx[MAXNAMES];	/* name id -> attr index + 1, 0: none */
};

static struct cache {
	int		 tried;		/* load() ran */
	int		 ok;
	xmlDocPtr	 rngdoc;	/* plan.rng, parsed (the table points into it) */
	struct sdef	*defs;
	int		 ndefs, capdefs;
	xmlNodePtr	*defines;	/* the grammar's <define>s, sorted by name */
	int		 ndefines;
	struct vpat	*vpats;		/* every compiled pattern (a list) */
	const char	*names[MAXNAMES];	/* element and attribute names */
	int		 nnames;
	short		 slot[HSIZE];	/* name hash: id + 1, 0: empty */
	short		 def_of[MAXNAMES];	/* element name id -> def index + 1 */
	char		 err[256];	/* why loading failed */
} cache;

/* ---- small helpers ------------------------------------------------------ */

static int
is_rng(const xmlNode *n, const char *name)
{
	return n != NULL && n->type == XML_ELEMENT_NODE && n->ns != NULL &&
	    xmlStrEqual(n->ns->href, (const xmlChar *)RNG_NS) &&
	    (name == NULL || xmlStrEqual(n->name, (const xmlChar *)name));
}

/* The attribute `name` of an RNG node, trimmed, or NULL (owned by the node). */
static const char *
rng_attr(const xmlNode *n, const char *name)
{
	const xmlAttr *a;

	for (a = n->properties; a != NULL; a = a->next)
		if (a->ns == NULL && xmlStrEqual(a->name, (const xmlChar *)name) &&
		    a->children != NULL && a->children->type == XML_TEXT_NODE)
			return (const char *)a->children->content;
	return NULL;
}

static int
is_space(int c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static int
blank(const char *s)
{
	for (; *s != '\0'; s++)
		if (!is_space((unsigned char)*s))
			return 0;
	return 1;
}

/*
 * Copy s into buf (size n) for quoting in a message: XML white space runs
 * collapsed to one space and trimmed if `collapse`, cut at a character
 * boundary with "..." when longer than 40 bytes.
 */
static const char *
quote(const char *s, int collapse, char *buf, size_t n)
{
	size_t	o = 0, max = n - 4 < 40 ? n - 4 : 40;
	int	sp = 0;

	if (collapse)
		while (is_space((unsigned char)*s))
			s++;
	for (; *s != '\0'; s++) {
		unsigned char c = (unsigned char)*s;
		if (collapse && is_space(c)) {
			sp = 1;
			continue;
		}
		if (sp && o < max) {
			buf[o++] = ' ';
			sp = 0;
		}
		if (o >= max && (c & 0xC0) != 0x80) {
			memcpy(buf + o, "...", 3);
			o += 3;
			break;
		}
		if (o >= max + 3)
			break;
		buf[o++] = (char)(c < 0x20 ? ' ' : c);
	}
	buf[o] = '\0';
	return buf;
}

/*
 * Collapse XML white space (for token-like datatypes) into buf (size n) if
 * it fits, else into a malloc'd copy.  Returns buf, the copy (the caller
 * frees it when it is not buf), or NULL if out of memory.
 */
static char *
collapse_to(const char *s, char *buf, size_t n)
{
	char	*r, *o;
	size_t	 len = strlen(s);
	int	 sp = 0;

	if (len < n)
		r = buf;
	else if ((r = malloc(len + 1)) == NULL)
		return NULL;
	while (is_space((unsigned char)*s))
		s++;
	for (o = r; *s != '\0'; s++) {
		if (is_space((unsigned char)*s)) {
			sp = 1;
			continue;
		}
		if (sp)
			*o++ = ' ';
		sp = 0;
		*o++ = *s;
	}
	*o = '\0';
	return r;
}

/* Like collapse_to() but always malloc'd (or NULL); for the table. */
static char *
collapse(const char *s)
{
	char *r = malloc(strlen(s) + 1);

	return r != NULL ? collapse_to(s, r, strlen(s) + 1) : NULL;
}

/* ---- the definition table ---------------------------------------------- */

static unsigned
hash(const char *s)
{
	unsigned h = 2166136261u;

	for (; *s != '\0'; s++)
		h = (h ^ (unsigned char)*s) * 16777619u;
	return h;
}

/* The id of an element or attribute name of the schema, or -1. */
static int
name_id(const char *s)
{
	unsigned	 h = hash(s) & (HSIZE - 1);
	int		 id;

	while ((id = cache.slot[h]) != 0) {
		if (strcmp(cache.names[id - 1], s) == 0)
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
	int		 id = name_id(s);

	if (id >= 0)
		return id;
	if (cache.nnames == MAXNAMES)
		return -1;
	for (h = hash(s) & (HSIZE - 1); cache.slot[h] != 0; h = (h + 1) & (HSIZE - 1))
		;
	cache.names[cache.nnames] = s;
	cache.slot[h] = (short)(cache.nnames + 1);
	return cache.nnames++;
}

/* The definition of the element named `name`, or NULL. */
static struct sdef *
find_def(const char *name)
{
	int i;

	if (cache.ok) {		/* the table is complete: use the index */
		i = name_id(name);
		return i >= 0 && cache.def_of[i] ? &cache.defs[cache.def_of[i] - 1] : NULL;
	}
	for (i = 0; i < cache.ndefs; i++)
		if (strcmp(cache.defs[i].name, name) == 0)
			return &cache.defs[i];
	return NULL;
}

static int
cmp_define(const void *a, const void *b)
{
	return strcmp(rng_attr(*(xmlNodePtr const *)a, "name"),
	    rng_attr(*(xmlNodePtr const *)b, "name"));
}

/* The grammar's <define name="name">, or NULL (binary search). */
static xmlNodePtr
find_define(const char *name)
{
	int lo = 0, hi = cache.ndefines - 1;

	while (lo <= hi) {
		int mid = (lo + hi) / 2;
		int c = strcmp(rng_attr(cache.defines[mid], "name"), name);
		if (c == 0)
			return cache.defines[mid];
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid - 1;
	}
	return NULL;
}

/* The first RNG child of n (skipping annotations), or NULL. */
static xmlNodePtr
first_rng(xmlNodePtr n)
{
	xmlNodePtr c;

	for (c = n->children; c != NULL; c = c->next)
		if (is_rng(c, NULL))
			return c;
	return NULL;
}

struct ctx {
	int	min, max;
	int	seq;		/* -2: take the next position; -1: any; >= 0: this one */
	int	group;		/* attribute choice group, 0: none */
	int	in_choice;	/* directly inside a choice */
};

static int build_def(xmlNodePtr elem);

static int
take_seq(struct sdef *d, struct ctx *c)
{
	return c->seq == -2 ? d->nseq++ : c->seq;
}

static int
fail(const char *what, const xmlNode *n)
{
	snprintf(cache.err, sizeof(cache.err),
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
		const char *en = rng_attr(n, "name");
		struct skid *k;
		int i;
		if (en == NULL)
			return fail("an element without a name", n);
		for (i = 0; i < d->nkid; i++)
			if (strcmp(d->kid[i].name, en) == 0)
				return fail("an element named twice in one content", n);
		if (d->nkid == MAXKID)
			return fail("an element with this many children", n);
		k = &d->kid[d->nkid++];
		k->name = en;
		k->min = c.min;
		k->max = c.max;
		k->seq = take_seq(d, &c);
		return build_def(n);
	}
	if (strcmp(name, "attribute") == 0) {
		struct sattr *a;
		if (d->nattr == MAXATTR)
			return fail("an element with this many attributes", n);
		a = &d->attr[d->nattr++];
		if ((a->name = rng_attr(n, "name")) == NULL)
			return fail("an attribute without a name", n);
		a->pat = first_rng(n);
		a->required = c.min > 0 && c.group == 0;
		a->group = c.group;
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
		xmlNodePtr def = find_define(rng_attr(n, "name") ? rng_attr(n, "name") : "");
		xmlNodePtr f;
		if (def == NULL)
			return fail("a ref to a missing define", n);
		f = first_rng(def);
		if (f != NULL && (is_rng(f, "data") || is_rng(f, "list") ||
		    (is_rng(f, "choice") && is_rng(first_rng(f), "value")))) {
			d->value = n;	/* a value type, e.g. date.type */
			return 0;
		}
		for (ch = def->children; ch != NULL; ch = ch->next)
			if (is_rng(ch, NULL) && walk(d, ch, c) != 0)
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
			if (is_rng(ch, NULL) && walk(d, ch, c) != 0)
				return -1;
		return 0;
	}
	if (strcmp(name, "choice") == 0) {
		xmlNodePtr f = first_rng(n);
		if (f == NULL)
			return fail("an empty choice", n);
		if (is_rng(f, "value")) {
			d->value = n;
			return 0;
		}
		if (is_rng(f, "attribute")) {
			if (d->ngrp == MAXGRP)
				return fail("this many attribute choices", n);
			c.group = ++d->ngrp;
			d->grp_required[c.group] = c.min > 0;
			c.min = 0;
			for (ch = n->children; ch != NULL; ch = ch->next) {
				if (!is_rng(ch, NULL))
					continue;
				if (!is_rng(ch, "attribute"))
					return fail("a choice of attributes and other things", ch);
				if (walk(d, ch, c) != 0)
					return -1;
			}
			return 0;
		}
		c.seq = take_seq(d, &c);
		c.min = 0;
		c.in_choice = 1;
		for (ch = n->children; ch != NULL; ch = ch->next)
			if (is_rng(ch, NULL) && walk(d, ch, c) != 0)
				return -1;
		return 0;
	}
	return fail(name, n);
}

/* Add the definition of the RNG <element> `elem` (once per name). */
static int
build_def(xmlNodePtr elem)
{
	const char	*name = rng_attr(elem, "name");
	struct sdef	*d;
	struct ctx	 c = { 1, 1, -2, 0, 0 };
	xmlNodePtr	 ch;

	if (name == NULL)
		return fail("an element without a name", elem);
	if (find_def(name) != NULL)
		return 0;	/* p, list, ... are referenced from many places */
	if (cache.ndefs == cache.capdefs)	/* defs never moves: pointers stay valid */
		return fail("this many elements", elem);
	d = &cache.defs[cache.ndefs++];
	memset(d, 0, sizeof(*d));
	d->name = name;
	d->text_seq = -1;
	for (ch = elem->children; ch != NULL; ch = ch->next)
		if (is_rng(ch, NULL) && walk(d, ch, c) != 0)
			return -1;
	return 0;
}

static void
on_load_error(void *ctx, xmlErrorPtr err)
{
	(void)ctx;
	if (err != NULL && cache.err[0] == '\0')
		snprintf(cache.err, sizeof(cache.err), "plan.rng line %d: %s",
		    err->line, err->message ? err->message : "error");
}

static int compile_all(void);

/* Parse and tabulate plan.rng once.  Returns 0 or -1 (cache.err). */
static int
load(void)
{
	const char	*text;
	size_t		 len;
	xmlNodePtr	 start, ch, g;
	int		 i, j, id;

	if (cache.tried)
		return cache.ok ? 0 : -1;
	cache.tried = 1;
	pg_xml_init();
	text = pg_schema_text(&len);
	if (len == 0 || len > INT_MAX) {
		snprintf(cache.err, sizeof(cache.err), "plan.rng is not built in");
		return -1;
	}
	xmlSetStructuredErrorFunc(NULL, on_load_error);
	cache.rngdoc = xmlReadMemory(text, (int)len, "plan.rng", "UTF-8",
	    XML_PARSE_NONET | XML_PARSE_NOCDATA | XML_PARSE_BIG_LINES);
	xmlSetStructuredErrorFunc(NULL, NULL);
	if (cache.rngdoc == NULL || (g = xmlDocGetRootElement(cache.rngdoc)) == NULL) {
		if (cache.err[0] == '\0')
			snprintf(cache.err, sizeof(cache.err), "out of memory");
		return -1;
	}
	if (!is_rng(g, "grammar"))
		return fail("a schema that is not a grammar", g);
	/* The defines, sorted by name: ref resolves with a binary search. */
	for (ch = g->children; ch != NULL; ch = ch->next)
		if (is_rng(ch, "define"))
			cache.ndefines++;
	if ((cache.defines = calloc((size_t)cache.ndefines + 1,
	    sizeof(*cache.defines))) == NULL) {
		snprintf(cache.err, sizeof(cache.err), "out of memory");
		return -1;
	}
	i = 0;
	for (ch = g->children; ch != NULL; ch = ch->next)
		if (is_rng(ch, "define")) {
			if (rng_attr(ch, "name") == NULL)
				return fail("a define without a name", ch);
			if (rng_attr(ch, "combine") != NULL)
				return fail("combine", ch);
			cache.defines[i++] = ch;
		}
	qsort(cache.defines, (size_t)cache.ndefines, sizeof(*cache.defines), cmp_define);
	for (i = 1; i < cache.ndefines; i++)
		if (strcmp(rng_attr(cache.defines[i - 1], "name"),
		    rng_attr(cache.defines[i], "name")) == 0)
			return fail("a name defined twice", cache.defines[i]);
	/* Tabulate: start's element and everything reachable from it. */
	cache.capdefs = 128;
	if ((cache.defs = calloc((size_t)cache.capdefs, sizeof(*cache.defs))) == NULL) {
		snprintf(cache.err, sizeof(cache.err), "out of memory");
		return -1;
	}
	start = NULL;
	for (ch = g->children; ch != NULL; ch = ch->next)
		if (is_rng(ch, "start"))
			start = first_rng(ch);
	if (start == NULL || !is_rng(start, "ref") ||
	    (start = find_define(rng_attr(start, "name") ? rng_attr(start, "name") : "")) == NULL ||
	    (start = first_rng(start)) == NULL || !is_rng(start, "element"))
		return fail("a start that is not one element", g);
	if (build_def(start) != 0)
		return -1;
	/* Resolve every name once: element -> definition, child, attribute. */
	for (i = 0; i < cache.ndefs; i++) {
		if ((id = intern(cache.defs[i].name)) < 0)
			return fail("this many names", g);
		cache.def_of[id] = (short)(i + 1);
	}
	for (i = 0; i < cache.ndefs; i++) {
		struct sdef *d = &cache.defs[i];
		for (j = 0; j < d->nkid; j++) {
			d->kid[j].def = find_def(d->kid[j].name);
			d->kid[j].block = strcmp(d->kid[j].name, "p") == 0 ||
			    strcmp(d->kid[j].name, "list") == 0;
			if ((id = intern(d->kid[j].name)) < 0)
				return fail("this many names", g);
			if (d->kidx[id] == 0)
				d->kidx[id] = (unsigned char)(j + 1);
		}
		for (j = 0; j < d->nattr; j++) {
			if ((id = intern(d->attr[j].name)) < 0)
				return fail("this many names", g);
			if (d->aidx[id] == 0)
				d->aidx[id] = (unsigned char)(j + 1);
		}
	}
	if (compile_all() != 0)
		return -1;
	cache.ok = 1;
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

	for (p = cache.vpats; p != NULL; p = nx) {
		nx = p->next_alloc;
		for (i = 0; i < p->nre; i++)
			xmlRegFreeRegexp(p->re[i]);
		free(p->value);
		free(p->sub);
		free(p->memo);
		free(p);
	}
	free(cache.defines);
	free(cache.defs);
	if (cache.rngdoc != NULL)
		xmlFreeDoc(cache.rngdoc);
	memset(&cache, 0, sizeof(cache));
}

/* ---- checking values ---------------------------------------------------- */

/*
 * What a value type is called in messages, and how to fix a bad value, in
 * English and in Chinese.
 */
static const struct vtype {
	const char	*define;
	const char	*what, *what_zh;
	const char	*advice, *advice_zh;
} vtypes[] = {
	{ "date.type", "a valid date (YYYY-MM-DD)", "有效日期（格式为 YYYY-MM-DD）",
	    NULL, NULL },
	{ "money.type", "a valid amount", "有效金额",
	    "use digits with at most two decimals, no separators",
	    "请只写数字，最多两位小数，不加分隔符" },
	{ "amount.type", "a valid amount", "有效金额",
	    "use digits with at most two decimals, no separators",
	    "请只写数字，最多两位小数，不加分隔符" },
	{ "decimal.type", "a valid number", "有效数字",
	    "use digits with an optional decimal point, no separators or exponent",
	    "请只写数字，可带小数点，不加分隔符，不用指数" },
	{ "percent.type", "a valid percentage", "有效百分比",
	    "use a number from 0 to 100, without a % sign",
	    "请写 0 到 100 之间的数，不带 % 号" },
	{ "id.type", "a valid id", "有效 id",
	    "an id starts with a letter or _ and holds only letters, digits, -, _ and .",
	    "id 以字母或 _ 开头，只能包含字母、数字、-、_ 和 ." },
	{ "idref.type", "a valid id", "有效 id",
	    "an id starts with a letter or _ and holds only letters, digits, -, _ and .",
	    "id 以字母或 _ 开头，只能包含字母、数字、-、_ 和 ." },
	{ "idrefs.type", "a valid list of ids", "有效 id 列表",
	    "separate ids with spaces, e.g. \"G1 G2\"",
	    "多个 id 之间用空格分隔，例如 \"G1 G2\"" },
	{ "currency.type", "a valid currency code", "有效货币代码",
	    "use a three-letter ISO 4217 code such as CNY, EUR or USD",
	    "请使用三个字母的 ISO 4217 代码，例如 CNY、EUR 或 USD" },
	{ NULL, "valid", "有效值", NULL, NULL },
};

static struct vpat vp_any = { VP_ANY, NULL, NULL, NULL, 0, { NULL }, 0, NULL,
    NULL, 0, 0, NULL, NULL };

/* A new compiled pattern for RNG node n, or NULL (out of memory). */
static struct vpat *
new_vpat(int kind, xmlNodePtr n, int nsub)
{
	struct vpat *p = calloc(1, sizeof(*p));

	if (p == NULL)
		return NULL;
	p->next_alloc = cache.vpats;
	cache.vpats = p;
	p->kind = kind;
	p->node = n;
	if (nsub > 0 && (p->sub = calloc((size_t)nsub, sizeof(*p->sub))) == NULL)
		return NULL;
	return p;
}

/*
 * Compile the value pattern n (data, value, choice, list, ref, text or
 * NULL) as pattern_ok() judges it.  Returns the pattern (&vp_any for one
 * that accepts everything) or NULL with cache.err set.  A node is compiled
 * once (a define used from many places shares its pattern).
 */
static struct vpat *
compile(xmlNodePtr n)
{
	struct vpat	*p;
	xmlNodePtr	 ch;
	const char	*type;
	int		 k;

	if (n == NULL || is_rng(n, "text"))
		return &vp_any;
	for (p = cache.vpats; p != NULL; p = p->next_alloc)
		if (p->node == n)
			return p;	/* a define used from many places */
	if (is_rng(n, "ref")) {
		xmlNodePtr def = find_define(rng_attr(n, "name") ? rng_attr(n, "name") : "");
		if (def == NULL || (ch = first_rng(def)) == NULL)
			return &vp_any;
		if ((p = new_vpat(VP_REF, n, 1)) == NULL)
			goto oom;
		p->nsub = 1;
		p->name = rng_attr(n, "name");
		return (p->sub[0] = compile(ch)) != NULL ? p : NULL;
	}
	if (is_rng(n, "data")) {
		if ((type = rng_attr(n, "type")) == NULL)
			return &vp_any;		/* like libxml2's unknown library */
		if ((p = new_vpat(VP_DATA, n, 0)) == NULL ||
		    (p->memo = calloc(MEMO, sizeof(*p->memo))) == NULL)
			goto oom;
		p->collapse = strcmp(type, "string") != 0;
		p->type = xmlSchemaGetPredefinedType((const xmlChar *)type,
		    (const xmlChar *)"http://www.w3.org/2001/XMLSchema");
		for (ch = n->children; ch != NULL; ch = ch->next) {
			const char *pn;
			xmlChar *re;
			if (!is_rng(ch, "param") || (pn = rng_attr(ch, "name")) == NULL ||
			    strcmp(pn, "pattern") != 0)
				continue;
			if (p->nre == MAXRE)
				return fail("this many pattern params", ch), NULL;
			if ((re = xmlNodeGetContent(ch)) == NULL)
				goto oom;
			p->re[p->nre] = xmlRegexpCompile(re);
			xmlFree(re);
			if (p->re[p->nre] == NULL)
				return fail("a pattern libxml2 cannot compile", ch), NULL;
			p->nre++;
		}
		return p;
	}
	if (is_rng(n, "value")) {
		xmlChar *want;
		type = rng_attr(n, "type");
		if ((p = new_vpat(VP_VALUE, n, 0)) == NULL ||
		    (want = xmlNodeGetContent(n)) == NULL)
			goto oom;
		p->collapse = type == NULL || strcmp(type, "string") != 0;
		p->value = p->collapse ? collapse((const char *)want) :
		    strdup((const char *)want);
		xmlFree(want);
		if (p->value == NULL)
			goto oom;
		return p;
	}
	if (is_rng(n, "choice")) {
		k = 0;
		for (ch = n->children; ch != NULL; ch = ch->next)
			k += is_rng(ch, NULL);
		if ((p = new_vpat(VP_CHOICE, n, k)) == NULL)
			goto oom;
		for (ch = n->children; ch != NULL; ch = ch->next)
			if (is_rng(ch, NULL) && (p->sub[p->nsub++] = compile(ch)) == NULL)
				return NULL;
		return p;
	}
	if (is_rng(n, "list")) {
		xmlNodePtr item = first_rng(n);
		while (item != NULL && !is_rng(item, "data") && !is_rng(item, "value") &&
		    !is_rng(item, "ref"))
			item = first_rng(item);		/* oneOrMore, zeroOrMore */
		if ((p = new_vpat(VP_LIST, n, 1)) == NULL)
			goto oom;
		p->need_one = is_rng(first_rng(n), "oneOrMore");
		if (item != NULL && (p->sub[p->nsub++] = compile(item)) == NULL)
			return NULL;
		return p;
	}
	return &vp_any;
oom:
	snprintf(cache.err, sizeof(cache.err), "out of memory");
	return NULL;
}

/* Compile the value pattern of every attribute and value content. */
static int
compile_all(void)
{
	int i, j;

	for (i = 0; i < cache.ndefs; i++) {
		struct sdef *d = &cache.defs[i];
		for (j = 0; j < d->nattr; j++)
			if ((d->attr[j].vp = compile(d->attr[j].pat)) == NULL)
				return -1;
		if (d->value != NULL && (d->vvalue = compile(d->value)) == NULL)
			return -1;
	}
	return 0;
}

/*
 * 1 if v matches the <data> pattern p (XSD type and pattern params).  Like
 * libxml2 (and unlike jing), the type sees the white-space-collapsed value
 * but a pattern sees the raw value: " 2027-01-01" is not a valid date.
 */
static int
data_ok(const struct vpat *p, const char *v)
{
	char		 buf[256], *norm = NULL;
	const char	*tv = v;
	int		 ok = 1, i;
	size_t		 len = strlen(v);
	struct memo	*m = NULL;

	if (p->memo != NULL && len < MEMOLEN) {
		m = &p->memo[hash(v) & (MEMO - 1)];
		if (m->len == len + 1 && memcmp(m->s, v, len) == 0)
			return m->ok;
	}

	if (p->collapse && strpbrk(v, " \t\n\r") != NULL) {
		if ((norm = collapse_to(v, buf, sizeof(buf))) == NULL)
			return 1;	/* out of memory: let it pass */
		tv = norm;
	}
	if (p->type != NULL &&
	    xmlSchemaValPredefTypeNode(p->type, (const xmlChar *)tv, NULL, NULL) != 0)
		ok = 0;
	for (i = 0; ok && i < p->nre; i++)
		if (xmlRegexpExec(p->re[i], (const xmlChar *)v) != 1)
			ok = 0;
	if (norm != buf)
		free(norm);
	if (m != NULL) {
		m->len = (unsigned char)(len + 1);
		m->ok = (unsigned char)ok;
		memcpy(m->s, v, len + 1);
	}
	return ok;
}

/* 1 if v equals the <value> p (compared as tokens unless type="string"). */
static int
value_ok(const struct vpat *p, const char *v)
{
	char	 buf[256], *b;
	int	 ok;

	if (!p->collapse || strpbrk(v, " \t\n\r") == NULL)
		return strcmp(p->value, v) == 0;	/* nothing to collapse */
	if ((b = collapse_to(v, buf, sizeof(buf))) == NULL)
		return 1;
	ok = strcmp(p->value, b) == 0;
	if (b != buf)
		free(b);
	return ok;
}

/*
 * Check v against value pattern p.  Returns 1 if it matches.  Otherwise 0,
 * with *type set to the define that failed (NULL for a plain enumeration)
 * and *values to the <choice> or <value> listing the allowed values.
 */
static int
pattern_ok(const struct vpat *p, const char *v, const char **type, xmlNodePtr *values)
{
	int i;

	switch (p->kind) {
	case VP_ANY:
		return 1;
	case VP_REF:
		if (!pattern_ok(p->sub[0], v, type, values)) {
			if (*values == NULL)
				*type = p->name;
			return 0;
		}
		return 1;
	case VP_DATA:
		return data_ok(p, v);
	case VP_VALUE:
		if (value_ok(p, v))
			return 1;
		*values = p->node;
		return 0;
	case VP_CHOICE:
		for (i = 0; i < p->nsub; i++)
			if (pattern_ok(p->sub[i], v, type, values))
				return 1;
		*type = NULL;
		*values = p->node;
		return 0;
	case VP_LIST: {
		/* A list of items, each matching the list's inner data. */
		char buf[256], *copy = collapse_to(v, buf, sizeof(buf)), *tok, *save = NULL;
		int ok = 1, count = 0;
		if (copy == NULL)
			return 1;
		for (tok = strtok_r(copy, " ", &save); tok != NULL;
		    tok = strtok_r(NULL, " ", &save)) {
			const char *t2 = NULL;
			xmlNodePtr v2 = NULL;
			count++;
			if (p->nsub > 0 && !pattern_ok(p->sub[0], tok, &t2, &v2))
				ok = 0;
		}
		if (copy != buf)
			free(copy);
		if (count == 0 && p->need_one)
			ok = 0;
		return ok;
	}
	}
	return 1;
}

/*
 * "a, b, c" of the values of a <choice> (or "\"a\"" of one <value>) into
 * buf, separated by sep.
 */
static const char *
value_list(xmlNodePtr n, const char *sep, char *buf, size_t len)
{
	xmlNodePtr	 ch;
	size_t		 o = 0;
	int		 i = 0;

	buf[0] = '\0';
	if (is_rng(n, "value")) {
		xmlChar *s = xmlNodeGetContent(n);
		snprintf(buf, len, "\"%s\"", s ? (const char *)s : "");
		xmlFree(s);
		return buf;
	}
	for (ch = n->children; ch != NULL; ch = ch->next) {
		xmlChar *s;
		if (!is_rng(ch, "value"))
			continue;
		s = xmlNodeGetContent(ch);
		if (o < len)
			o += (size_t)snprintf(buf + o, len - o, "%s%s",
			    i == 0 ? "" : sep, s ? (const char *)s : "");
		xmlFree(s);
		i++;
	}
	return buf;
}

/* ---- suggestions for misspelt names ------------------------------------ */

/* Edit distance (a swap of neighbours counts 1) of two short names,
 * ignoring case; 99 if either is too long. */
static int
distance(const char *a, const char *b)
{
	int	m[42][42], la = (int)strlen(a), lb = (int)strlen(b), i, j;

	if (la > 40 || lb > 40)
		return 99;
	for (i = 0; i <= la; i++)
		m[i][0] = i;
	for (j = 0; j <= lb; j++)
		m[0][j] = j;
	for (i = 1; i <= la; i++)
		for (j = 1; j <= lb; j++) {
			int ca = tolower((unsigned char)a[i - 1]);
			int cb = tolower((unsigned char)b[j - 1]);
			int best = m[i - 1][j - 1] + (ca != cb);
			if (m[i - 1][j] + 1 < best)
				best = m[i - 1][j] + 1;
			if (m[i][j - 1] + 1 < best)
				best = m[i][j - 1] + 1;
			if (i > 1 && j > 1 && ca == tolower((unsigned char)b[j - 2]) &&
			    cb == tolower((unsigned char)a[i - 2]) &&
			    m[i - 2][j - 2] + 1 < best)
				best = m[i - 2][j - 2] + 1;
			m[i][j] = best;
		}
	return m[la][lb];
}

/* 1 if `typo` is probably a misspelling of `name`. */
static int
looks_like(const char *typo, const char *name)
{
	int d = distance(typo, name);

	return d <= (strlen(name) >= 6 ? 2 : 1);
}

/* 1 if element n has an attribute (no namespace) or a child named `name`. */
static int
has_attr(const xmlNode *n, const char *name)
{
	const xmlAttr *a;

	for (a = n->properties; a != NULL; a = a->next)
		if (a->ns == NULL && strcmp((const char *)a->name, name) == 0)
			return 1;
	return 0;
}

/* present[k] = 1 for each child k of definition d that element n has. */
static void
present_children(const xmlNode *n, const struct sdef *d, int *present)
{
	const xmlNode	*c;
	int		 id;

	for (c = n->children; c != NULL; c = c->next)
		if (c->type == XML_ELEMENT_NODE && c->ns == NULL &&
		    (id = name_id((const char *)c->name)) >= 0 && d->kidx[id] != 0)
			present[d->kidx[id] - 1] = 1;
}

/* ---- walking the document ---------------------------------------------- */

struct vstate {
	const char	*file;
	struct pg_diags	*d;
	int		 found;		/* findings added by the walk */
	int		 dropped;	/* over MAXFIND */
	int		 zh;		/* messages in Chinese */
	struct {
		const xmlChar	*name;	/* a name string of the document */
		int		 id;	/* its name_id() */
	}		 nc[NCACHE];
};

/*
 * name_id() of a name of the document, remembered by address: libxml2
 * interns element and attribute names, and the document does not change
 * during the walk, so one address always holds the same name.
 */
static int
doc_name_id(struct vstate *vs, const xmlChar *name)
{
	size_t h = ((uintptr_t)name >> 3) & (NCACHE - 1);

	if (vs->nc[h].name != name) {
		vs->nc[h].name = name;
		vs->nc[h].id = name_id((const char *)name);
	}
	return vs->nc[h].id;
}

/*
 * L(english, chinese): the message in the walk's language.  Where the two
 * languages name things in a different order the code branches instead.
 * Element and attribute names and values are never translated.
 */
#define L(en, cn)	(vs->zh ? (cn) : (en))

static void
report(struct vstate *vs, const xmlNode *n, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void
report(struct vstate *vs, const xmlNode *n, const char *fmt, ...)
{
	va_list ap;

	if (vs->found >= MAXFIND) {
		vs->dropped++;
		return;
	}
	vs->found++;
	va_start(ap, fmt);
	pg_diag_vemit(vs->d, PG_F_SCHEMA, vs->file,
	    n != NULL ? pg_xml_line(n) : 0, fmt, ap);
	va_end(ap);
}

/*
 * The line of the first non-blank character of a text node.  libxml2
 * records a text node's line where its (first chunk of) text ends, so
 * count back from the end: the next sibling element starts exactly there.
 */
static unsigned long
text_line(const xmlNode *t)
{
	const xmlNode	*nx;
	unsigned long	 end = pg_xml_line(t), nl = 0, lead = 0;
	const char	*s = (const char *)t->content, *p;

	nx = t->next;
	if (nx != NULL && nx->type == XML_ELEMENT_NODE && pg_xml_line(nx) > 0)
		end = pg_xml_line(nx);
	if (s == NULL || end == 0)
		return end;
	for (p = s; *p != '\0'; p++)
		nl += *p == '\n';
	for (p = s; *p != '\0' && is_space((unsigned char)*p); p++)
		lead += *p == '\n';
	return end > nl ? end - nl + lead : 1 + lead;
}

static void
report_text(struct vstate *vs, const xmlNode *t, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void
report_text(struct vstate *vs, const xmlNode *t, const char *fmt, ...)
{
	va_list ap;

	if (vs->found >= MAXFIND) {
		vs->dropped++;
		return;
	}
	vs->found++;
	va_start(ap, fmt);
	pg_diag_vemit(vs->d, PG_F_SCHEMA, vs->file, text_line(t), fmt, ap);
	va_end(ap);
}

/* The element's name as written (prefix:name if it has a prefix). */
static const char *
ename(const xmlNode *n, char *buf, size_t len)
{
	if (n->ns != NULL && n->ns->prefix != NULL)
		snprintf(buf, len, "%s:%s", (const char *)n->ns->prefix,
		    (const char *)n->name);
	else
		snprintf(buf, len, "%s", (const char *)n->name);
	return buf;
}

/* "a bad value" message for value v of attribute attr (NULL: content) of n. */
static void
report_value(struct vstate *vs, const xmlNode *n, const char *attr, const char *v, const char *type, xmlNodePtr values)
{
	char		 q[64], list[512], where[160];
	const struct vtype *t;

	quote(v, 0, q, sizeof(q));
	if (values != NULL) {
		int one = is_rng(values, "value");
		value_list(values, L(", ", "、"), list, sizeof(list));
		if (vs->zh && attr != NULL)
			report(vs, n, "<%s> 的属性 \"%s\" 必须是 %s%s，不能是 \"%s\"",
			    (const char *)n->name, attr, list, one ? "" : " 之一", q);
		else if (vs->zh)
			report(vs, n, "<%s> 必须是 %s%s，不能是 \"%s\"",
			    (const char *)n->name, list, one ? "" : " 之一", q);
		else if (attr != NULL)
			report(vs, n, "attribute \"%s\" of <%s> must be %s%s: \"%s\" is not allowed",
			    attr, (const char *)n->name, one ? "" : "one of ", list, q);
		else
			report(vs, n, "<%s> must be %s%s: \"%s\" is not allowed",
			    (const char *)n->name, one ? "" : "one of ", list, q);
		return;
	}
	for (t = vtypes; t->define != NULL; t++)
		if (type != NULL && strcmp(type, t->define) == 0)
			break;
	if (attr != NULL && vs->zh)
		snprintf(where, sizeof(where), "<%s> 的属性 \"%s\"",
		    (const char *)n->name, attr);
	else if (attr != NULL)
		snprintf(where, sizeof(where), "attribute \"%s\" of <%s>", attr,
		    (const char *)n->name);
	else
		snprintf(where, sizeof(where), "<%s>", (const char *)n->name);
	if (vs->zh) {
		/* <goal> 的属性 "due" 的值 "x" 不是有效日期（格式为 YYYY-MM-DD） */
		if (type != NULL && strcmp(type, "amount.type") == 0 && v[0] == '-')
			report(vs, n, "%s 的值 \"%s\" 不是%s：不能为负数", where, q,
			    t->what_zh);
		else if (type != NULL && strcmp(type, "idrefs.type") == 0 && blank(v))
			report(vs, n, "%s 必须至少写一个 id", where);
		else if (*v != '\0' && (is_space((unsigned char)*v) ||
		    is_space((unsigned char)v[strlen(v) - 1])))
			report(vs, n, "%s 的值 \"%s\" 不是%s：请去掉前后的空格",
			    where, q, t->what_zh);
		else if (t->advice_zh != NULL)
			report(vs, n, "%s 的值 \"%s\" 不是%s：%s", where, q,
			    t->what_zh, t->advice_zh);
		else
			report(vs, n, "%s 的值 \"%s\" 不是%s", where, q, t->what_zh);
		return;
	}
	if (type != NULL && strcmp(type, "amount.type") == 0 && v[0] == '-')
		report(vs, n, "\"%s\" is not %s in %s: it must not be negative",
		    q, t->what, where);
	else if (type != NULL && strcmp(type, "idrefs.type") == 0 && blank(v))
		report(vs, n, "%s must name at least one id", where);
	else if (*v != '\0' && (is_space((unsigned char)*v) ||
	    is_space((unsigned char)v[strlen(v) - 1])))
		report(vs, n, "\"%s\" is not %s in %s: remove the spaces around it",
		    q, t->what, where);
	else if (t->advice != NULL)
		report(vs, n, "\"%s\" is not %s in %s: %s", q, t->what, where, t->advice);
	else
		report(vs, n, "\"%s\" is not %s in %s", q, t->what, where);
}

/*
 * Report attribute a (named `an` as written) of element n, which
 * definition d does not allow: "takes no attributes", "did you mean" a
 * near miss of an allowed attribute n does not have (then meant[j] = 1, so
 * it is not also reported missing), or the list of allowed attributes.
 */
static void
unknown_attr(struct vstate *vs, xmlNodePtr n, const struct sdef *d,
    xmlAttrPtr a, const char *an, int *meant)
{
	char	allowed[400];
	size_t	o = 0;
	int	j;

	if (d->nattr == 0) {
		report(vs, n, L("<%s> takes no attributes: remove \"%s\"",
		    "<%s> 不能有属性：请删除 \"%s\""),
		    (const char *)n->name, an);
		return;
	}
	for (j = 0; a->ns == NULL && j < d->nattr; j++)
		if (!meant[j] && !has_attr(n, d->attr[j].name) &&
		    looks_like(an, d->attr[j].name))
			break;
	if (a->ns == NULL && j < d->nattr) {
		meant[j] = 1;	/* not also "missing" */
		if (vs->zh)
			report(vs, n, "<%s> 上有未知属性 \"%s\"：是否想写 "
			    "\"%s\"？", (const char *)n->name, an,
			    d->attr[j].name);
		else
			report(vs, n, "unknown attribute \"%s\" on <%s>: "
			    "did you mean \"%s\"?", an,
			    (const char *)n->name, d->attr[j].name);
		return;
	}
	allowed[0] = '\0';
	for (j = 0; j < d->nattr && o < sizeof(allowed); j++)
		o += (size_t)snprintf(allowed + o, sizeof(allowed) - o,
		    "%s%s", j ? L(", ", "、") : "", d->attr[j].name);
	if (vs->zh)
		report(vs, n, "<%s> 上有未知属性 \"%s\"（可用的属性：%s）",
		    (const char *)n->name, an, allowed);
	else
		report(vs, n, "unknown attribute \"%s\" on <%s> (allowed: %s)",
		    an, (const char *)n->name, allowed);
}

static void
check_attrs(struct vstate *vs, xmlNodePtr n, const struct sdef *d)
{
	xmlAttrPtr	 a;
	int		 seen[MAXATTR] = { 0 }, meant[MAXATTR] = { 0 }, i, g;
	char		 buf[128];

	for (a = n->properties; a != NULL; a = a->next) {
		const char *an = (const char *)a->name, *cv;
		xmlChar *v;
		if (a->ns != NULL) {
			snprintf(buf, sizeof(buf), "%s:%s", a->ns->prefix ?
			    (const char *)a->ns->prefix : "", an);
			an = buf;
			i = d->nattr;
		} else {
			int id = doc_name_id(vs, a->name);
			i = id >= 0 && d->aidx[id] != 0 ? d->aidx[id] - 1 : d->nattr;
		}
		if (i == d->nattr) {
			unknown_attr(vs, n, d, a, an, meant);
			continue;
		}
		seen[i] = 1;
		if (d->attr[i].vp->kind == VP_ANY)
			continue;
		/* The value: its one text node, without a copy if it has one. */
		if (a->children == NULL)
			v = NULL, cv = "";
		else if (a->children->next == NULL &&
		    a->children->type == XML_TEXT_NODE && a->children->content != NULL)
			v = NULL, cv = (const char *)a->children->content;
		else
			cv = (v = xmlNodeListGetString(n->doc, a->children, 1)) != NULL ?
			    (const char *)v : "";
		{
			const char *type = NULL;
			xmlNodePtr values = NULL;
			if (!pattern_ok(d->attr[i].vp, cv, &type, &values))
				report_value(vs, n, an, cv, type, values);
		}
		xmlFree(v);
	}
	for (i = 0; i < d->nattr; i++)
		if (d->attr[i].required && !seen[i] && !meant[i])
			report(vs, n, L("<%s> is missing the required attribute \"%s\"",
			    "<%s> 缺少必需的属性 \"%s\""),
			    (const char *)n->name, d->attr[i].name);
	for (g = 1; g <= d->ngrp; g++) {
		const char *names[MAXATTR];
		int nn = 0, present = 0, guessed = 0;
		for (i = 0; i < d->nattr; i++)
			if (d->attr[i].group == g) {
				names[nn++] = d->attr[i].name;
				present += seen[i];
				guessed += meant[i];
			}
		if (nn < 2)
			continue;
		if (present == 0 && guessed == 0 && d->grp_required[g])
			report(vs, n, L("<%s> needs either the attribute \"%s\" or \"%s\"",
			    "<%s> 需要属性 \"%s\" 或 \"%s\" 二者之一"),
			    (const char *)n->name, names[0], names[1]);
		else if (present > 1)
			report(vs, n, L("<%s> may have only one of the attributes \"%s\" "
			    "and \"%s\": remove one", "<%s> 只能有属性 \"%s\" 和 \"%s\" "
			    "中的一个：请删除其中一个"), (const char *)n->name, names[0],
			    names[1]);
	}
}

/*
 * "<meta> or <action>": where an element named `name` may appear.  If zh,
 * "<meta> 或 <action> 中" (the place, ready to follow "放在").
 */
static const char *
parents_of(const char *name, int zh, char *buf, size_t len)
{
	int	 i, j, n = 0, total = 0;
	size_t	 o = 0;

	buf[0] = '\0';
	for (i = 0; i < cache.ndefs; i++)
		for (j = 0; j < cache.defs[i].nkid; j++)
			if (strcmp(cache.defs[i].kid[j].name, name) == 0)
				total++;
	for (i = 0; i < cache.ndefs && o < len; i++)
		for (j = 0; j < cache.defs[i].nkid && o < len; j++) {
			if (strcmp(cache.defs[i].kid[j].name, name) != 0)
				continue;
			if (total > 4 && n == 3) {
				snprintf(buf + o, len - o, zh ? " 以及另外 %d 个元素中" :
				    " and %d other elements", total - 3);
				return buf;
			}
			o += (size_t)snprintf(buf + o, len - o, "%s<%s>",
			    n == 0 ? "" : n == total - 1 ? (zh ? " 或 " : " or ") :
			    (zh ? "、" : ", "),
			    cache.defs[i].name);
			n++;
		}
	if (zh && o < len)
		snprintf(buf + o, len - o, " 中");
	return buf;
}

/*
 * Report child c of element n, which definition d does not allow there:
 * an element of the format that belongs elsewhere (saying where), one in
 * a namespace, a near miss of an allowed child that n lacks ("did you
 * mean"; then meant[j] = 1, so it is not also reported missing), or an
 * unknown element.  present[] (the allowed children n has) is filled on
 * first use, which *present_done records.
 */
static void
unknown_child(struct vstate *vs, xmlNodePtr n, const struct sdef *d,
    xmlNodePtr c, int *meant, int *present, int *present_done)
{
	char	nb[128], where[256];
	int	j;

	if (c->ns == NULL && find_def((const char *)c->name) != NULL && vs->zh)
		report(vs, c, "<%s> 中不能有 <%s>；它应放在 %s",
		    (const char *)n->name, (const char *)c->name,
		    parents_of((const char *)c->name, 1, where, sizeof(where)));
	else if (c->ns == NULL && find_def((const char *)c->name) != NULL)
		report(vs, c, "<%s> is not allowed in <%s>; it belongs in %s",
		    (const char *)c->name, (const char *)n->name,
		    parents_of((const char *)c->name, 0, where, sizeof(where)));
	else if (c->ns != NULL && vs->zh)
		report(vs, c, "<%s> 中不能有未知元素 <%s>（计划的元素没有"
		    "命名空间）", (const char *)n->name, ename(c, nb, sizeof(nb)));
	else if (c->ns != NULL)
		report(vs, c, "unknown element <%s> in <%s> (plan elements "
		    "have no namespace)", ename(c, nb, sizeof(nb)),
		    (const char *)n->name);
	else {
		if (!*present_done) {
			*present_done = 1;
			present_children(n, d, present);
		}
		for (j = 0; j < d->nkid; j++)
			if (!meant[j] && !present[j] &&
			    looks_like((const char *)c->name, d->kid[j].name))
				break;
		if (j < d->nkid) {
			meant[j] = 1;	/* not also "missing" */
			if (vs->zh)
				report(vs, c, "<%s> 中不能有未知元素 <%s>："
				    "是否想写 <%s>？", (const char *)n->name,
				    ename(c, nb, sizeof(nb)), d->kid[j].name);
			else
				report(vs, c, "unknown element <%s> in <%s>: "
				    "did you mean <%s>?", ename(c, nb, sizeof(nb)),
				    (const char *)n->name, d->kid[j].name);
		} else if (vs->zh)
			report(vs, c, "<%s> 中不能有未知元素 <%s>",
			    (const char *)n->name, ename(c, nb, sizeof(nb)));
		else
			report(vs, c, "unknown element <%s> in <%s>",
			    ename(c, nb, sizeof(nb)), (const char *)n->name);
	}
}

/*
 * If d's content is a value (data, value, choice, list), check the text
 * of n against it, unless n holds elements (reported as such already).
 */
static void
check_value(struct vstate *vs, xmlNodePtr n, const struct sdef *d)
{
	xmlChar		*v = NULL;
	const char	*cv, *type = NULL;
	xmlNodePtr	 values = NULL, c;

	if (d->vvalue == NULL || d->vvalue->kind == VP_ANY)
		return;
	for (c = n->children; c != NULL; c = c->next)
		if (c->type == XML_ELEMENT_NODE)
			return;
	/* The value: its one text node, without a copy if it has one. */
	c = n->children;
	if (c == NULL)
		cv = "";
	else if (c->next == NULL && c->type == XML_TEXT_NODE && c->content != NULL)
		cv = (const char *)c->content;
	else
		cv = (v = xmlNodeListGetString(n->doc, n->children, 1)) != NULL ?
		    (const char *)v : "";
	if (!pattern_ok(d->vvalue, cv, &type, &values))
		report_value(vs, n, NULL, cv, type, values);
	xmlFree(v);
}

static void check_elem(struct vstate *vs, xmlNodePtr n, const struct sdef *d);

static void
check_content(struct vstate *vs, xmlNodePtr n, const struct sdef *d)
{
	int		 count[MAXKID] = { 0 }, meant[MAXKID] = { 0 };
	int		 present[MAXKID] = { 0 }, present_done = 0;
	int		 i, maxseq = -1, blocks = 0;
	int		 text_reported = 0;
	const char	*maxname = NULL;
	xmlNodePtr	 c, text = NULL;
	char		 q[64];

	for (c = n->children; c != NULL; c = c->next) {
		if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
			if (c->content == NULL || blank((const char *)c->content))
				continue;
			if (text == NULL)
				text = c;
			if (!d->text && d->value == NULL) {
				if (text_reported++)
					continue;
				quote((const char *)c->content, 1, q, sizeof(q));
				if (d->nkid == 0)
					report_text(vs, c, L("<%s> must be empty: remove "
					    "the text \"%s\"", "<%s> 必须为空：请删除文字 "
					    "\"%s\""), (const char *)n->name, q);
				else if (vs->zh)
					report_text(vs, c, "<%s> 中不能直接写文字 \"%s\"",
					    (const char *)n->name, q);
				else
					report_text(vs, c, "text \"%s\" is not allowed "
					    "directly in <%s>", q, (const char *)n->name);
			} else if (d->text_seq >= 0 && d->text_seq < maxseq &&
			    !text_reported++)
				report_text(vs, c, L("in <%s>, the text must come before <%s>",
				    "<%s> 中的文字必须在 <%s> 之前"),
				    (const char *)n->name, maxname);
			continue;
		}
		if (c->type != XML_ELEMENT_NODE)
			continue;	/* comments, <?plangen accept?> */
		if (c->ns == NULL) {
			int id = doc_name_id(vs, c->name);
			i = id >= 0 && d->kidx[id] != 0 ? d->kidx[id] - 1 : d->nkid;
		} else
			i = d->nkid;
		if (i == d->nkid) {
			unknown_child(vs, n, d, c, meant, present, &present_done);
			continue;
		}
		count[i]++;
		if (count[i] == 2 && d->kid[i].max == 1)
			report(vs, c, L("<%s> may have only one <%s>",
			    "<%s> 中只能有一个 <%s>"),
			    (const char *)n->name, d->kid[i].name);
		if (d->kid[i].seq >= 0) {
			if (d->kid[i].seq < maxseq && vs->zh)
				report(vs, c, "<%s> 中 <%s> 必须在 <%s> 之前",
				    (const char *)n->name, d->kid[i].name, maxname);
			else if (d->kid[i].seq < maxseq)
				report(vs, c, "<%s> must come before <%s> in <%s>",
				    d->kid[i].name, maxname, (const char *)n->name);
			else if (d->kid[i].seq > maxseq) {
				maxseq = d->kid[i].seq;
				maxname = d->kid[i].name;
			}
		}
		if (d->prose && d->kid[i].block)
			blocks++;
		if (d->kid[i].def != NULL)
			check_elem(vs, c, d->kid[i].def);
	}
	if (d->prose && blocks > 0 && text != NULL && !text_reported)
		report_text(vs, text, L("<%s> mixes plain text with <p>/<list>: put "
		    "this text in a <p> too", "<%s> 中混用了纯文字和 <p>/<list>："
		    "请把这段文字也放进 <p>"), (const char *)n->name);
	for (i = 0; i < d->nkid; i++)
		if (count[i] < d->kid[i].min && !meant[i])
			report(vs, n, L("<%s> is missing its required <%s>",
			    "<%s> 缺少必需的 <%s>"),
			    (const char *)n->name, d->kid[i].name);
	check_value(vs, n, d);
}

static void
check_elem(struct vstate *vs, xmlNodePtr n, const struct sdef *d)
{
	check_attrs(vs, n, d);
	check_content(vs, n, d);
}

/* ---- the entry point ---------------------------------------------------- */

int
pg_schema_validate(xmlDocPtr doc, const char *file, struct pg_diags *d)
{
	return pg_schema_validate_lang(doc, file, NULL, d);
}

int
pg_schema_validate_lang(xmlDocPtr doc, const char *file, const char *lang,
    struct pg_diags *d)
{
	static struct vstate vs0;
	struct vstate	 vs_ = vs0, *vs = &vs_;
	xmlNodePtr	 root;

	vs->zh = pg_lang_is_zh(lang);
	if (load() != 0) {
		pg_diag_emit(d, PG_F_SCHEMA, file, 0,
		    L("internal error: the plan schema cannot be loaded (%s)",
		    "内部错误：无法加载计划的 schema（%s）"), cache.err);
		return -1;
	}
	vs->file = file;
	vs->d = d;
	root = xmlDocGetRootElement(doc);
	if (root == NULL)
		report(vs, NULL, L("the document has no root element",
		    "文档没有根元素"));
	else if (!xmlStrEqual(root->name, (const xmlChar *)"plan")) {
		char nb[128];
		report(vs, root, L("the root element must be <plan version=\"1\">, "
		    "not <%s>", "根元素必须是 <plan version=\"1\">，而不是 <%s>"),
		    ename(root, nb, sizeof(nb)));
	} else if (root->ns != NULL)
		report(vs, root, L("<plan> must not be in a namespace: remove "
		    "xmlns=\"%s\"", "<plan> 不能带命名空间：请删除 xmlns=\"%s\""),
		    root->ns->href ? (const char *)root->ns->href : "");
	else
		check_elem(vs, root, &cache.defs[0]);
	if (vs->dropped > 0)
		pg_diag_emit(d, PG_F_SCHEMA, file, 0, L("too many schema errors: "
		    "only the first %d are shown, %d more are not",
		    "schema 错误太多：只列出前 %d 个，另有 %d 个未列出"), MAXFIND,
		    vs->dropped);
	return vs->found > 0 ? 1 : 0;
}
