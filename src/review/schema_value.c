/*
 * schema_value.c — value patterns: the <data>, <value>, <choice> and
 * <list> of plan.rng compiled once, and a value judged against one.
 *
 * Values are checked with libxml2's own XSD datatypes and regular
 * expressions (compiled once per pattern when the table is built), with
 * libxml2's white-space rules, so the walk judges values as
 * `xmllint --relaxng plan.rng` does.  Each <data> pattern remembers its
 * last verdicts on short values (plans repeat dates, amounts and ids);
 * values are normalised without allocating in the common case.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "review/schema_int.h"

int
sch_is_space(int c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

int
sch_blank(const char *s)
{
	for (; *s != '\0'; s++)
		if (!sch_is_space((unsigned char)*s))
			return 0;
	return 1;
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
	while (sch_is_space((unsigned char)*s))
		s++;
	for (o = r; *s != '\0'; s++) {
		if (sch_is_space((unsigned char)*s)) {
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

/* ---- checking values ---------------------------------------------------- */

static struct vpat vp_any = { VP_ANY, NULL, NULL, NULL, 0, { NULL }, 0, NULL,
    NULL, 0, 0, NULL, NULL };

/* A new compiled pattern for RNG node n, or NULL (out of memory). */
static struct vpat *
new_vpat(int kind, xmlNodePtr n, int nsub)
{
	struct vpat *p = calloc(1, sizeof(*p));

	if (p == NULL)
		return NULL;
	p->next_alloc = sch_cache.vpats;
	sch_cache.vpats = p;
	p->kind = kind;
	p->node = n;
	if (nsub > 0 && (p->sub = calloc((size_t)nsub, sizeof(*p->sub))) == NULL)
		return NULL;
	return p;
}

/*
 * Compile the value pattern n (data, value, choice, list, ref, text or
 * NULL) as sch_pattern_ok() judges it.  Returns the pattern (&vp_any for one
 * that accepts everything) or NULL with sch_cache.err set.  A node is compiled
 * once (a define used from many places shares its pattern).
 */
static struct vpat *
compile(xmlNodePtr n)
{
	struct vpat	*p;
	xmlNodePtr	 ch;
	const char	*type;
	int		 k;

	if (n == NULL || sch_is_rng(n, "text"))
		return &vp_any;
	for (p = sch_cache.vpats; p != NULL; p = p->next_alloc)
		if (p->node == n)
			return p;	/* a define used from many places */
	if (sch_is_rng(n, "ref")) {
		xmlNodePtr def = sch_find_define(sch_rng_attr(n, "name") ? sch_rng_attr(n, "name") : "");
		if (def == NULL || (ch = sch_first_rng(def)) == NULL)
			return &vp_any;
		if ((p = new_vpat(VP_REF, n, 1)) == NULL)
			goto oom;
		p->nsub = 1;
		p->name = sch_rng_attr(n, "name");
		return (p->sub[0] = compile(ch)) != NULL ? p : NULL;
	}
	if (sch_is_rng(n, "data")) {
		if ((type = sch_rng_attr(n, "type")) == NULL)
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
			if (!sch_is_rng(ch, "param") || (pn = sch_rng_attr(ch, "name")) == NULL ||
			    strcmp(pn, "pattern") != 0)
				continue;
			if (p->nre == MAXRE)
				return sch_fail("this many pattern params", ch), NULL;
			if ((re = xmlNodeGetContent(ch)) == NULL)
				goto oom;
			p->re[p->nre] = xmlRegexpCompile(re);
			xmlFree(re);
			if (p->re[p->nre] == NULL)
				return sch_fail("a pattern libxml2 cannot compile", ch), NULL;
			p->nre++;
		}
		return p;
	}
	if (sch_is_rng(n, "value")) {
		xmlChar *want;
		type = sch_rng_attr(n, "type");
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
	if (sch_is_rng(n, "choice")) {
		k = 0;
		for (ch = n->children; ch != NULL; ch = ch->next)
			k += sch_is_rng(ch, NULL);
		if ((p = new_vpat(VP_CHOICE, n, k)) == NULL)
			goto oom;
		for (ch = n->children; ch != NULL; ch = ch->next)
			if (sch_is_rng(ch, NULL) && (p->sub[p->nsub++] = compile(ch)) == NULL)
				return NULL;
		return p;
	}
	if (sch_is_rng(n, "list")) {
		xmlNodePtr item = sch_first_rng(n);
		while (item != NULL && !sch_is_rng(item, "data") && !sch_is_rng(item, "value") &&
		    !sch_is_rng(item, "ref"))
			item = sch_first_rng(item);		/* oneOrMore, zeroOrMore */
		if ((p = new_vpat(VP_LIST, n, 1)) == NULL)
			goto oom;
		p->need_one = sch_is_rng(sch_first_rng(n), "oneOrMore");
		if (item != NULL && (p->sub[p->nsub++] = compile(item)) == NULL)
			return NULL;
		return p;
	}
	return &vp_any;
oom:
	snprintf(sch_cache.err, sizeof(sch_cache.err), "out of memory");
	return NULL;
}

/* Compile the value pattern of every attribute and value content. */
int
sch_compile_all(void)
{
	int i, j;

	for (i = 0; i < sch_cache.ndefs; i++) {
		struct sdef *d = &sch_cache.defs[i];
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
		m = &p->memo[sch_hash(v) & (MEMO - 1)];
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
int
sch_pattern_ok(const struct vpat *p, const char *v, const char **type, xmlNodePtr *values)
{
	int i;

	switch (p->kind) {
	case VP_ANY:
		return 1;
	case VP_REF:
		if (!sch_pattern_ok(p->sub[0], v, type, values)) {
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
			if (sch_pattern_ok(p->sub[i], v, type, values))
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
			if (p->nsub > 0 && !sch_pattern_ok(p->sub[0], tok, &t2, &v2))
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

int
sch_value_v2(const struct vpat *p, const char *v)
{
	const char	*a;
	int		 i;

	switch (p->kind) {
	case VP_REF:
		return p->nsub > 0 && sch_value_v2(p->sub[0], v);
	case VP_VALUE:
		return value_ok(p, v) && (a = sch_pg_attr(p->node, "version")) != NULL &&
		    strcmp(a, "2") == 0;
	case VP_CHOICE:
		for (i = 0; i < p->nsub; i++)
			if (sch_value_v2(p->sub[i], v))
				return 1;
		return 0;
	default:
		return 0;
	}
}
