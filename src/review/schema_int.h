/*
 * schema_int.h — what the files of the schema check share, and nothing
 * outside src/review/schema*.c may use (the interface is schema.h).
 *
 * The schema check is split along its seams:
 *   schema_table.c  plan.rng -> the table of element definitions (sdef),
 *                   built once and cached (sch_cache); the schema text
 *   schema_value.c  value patterns: compiling <data>/<value>/<choice>/
 *                   <list> and judging a value against one
 *   schema_msg.c    the words: what is said about a bad value, an
 *                   unknown attribute or element (with "did you mean"),
 *                   where an element belongs
 *   schema.c        the validation driver: walking the document against
 *                   the table, counting, order, required parts
 *
 * Include: src/review/schema*.c only.
 */
#ifndef PG_SCHEMA_INT_H
#define PG_SCHEMA_INT_H

#include <limits.h>
#include <stddef.h>

#include <libxml/tree.h>
#include <libxml/xmlregexp.h>
#include <libxml/xmlschemastypes.h>

#include "base/diag.h"

#define RNG_NS	"http://relaxng.org/ns/structure/1.0"
/*
 * plangen's own annotations in plan.rng (foreign attributes, which RELAX NG
 * validators ignore): pg:version="2" on an <element>, <attribute> or <value>
 * marks what only a version 2 plan may use; pg:v1-max="1" on an <element>
 * pattern says how many a version 1 plan may have where version 2 allows more.
 */
#define PG_NS	"urn:x-plangen:schema"
#define MANY	INT_MAX		/* unbounded repetition */
#define MAXATTR	24
#define MAXKID	24
#define MAXGRP	4
#define MAXRE	4		/* pattern params of one <data> */
#define MAXNAMES 256		/* distinct element and attribute names */
#define HSIZE	512		/* name hash slots (power of two > 2 * MAXNAMES) */
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
	int		 v2;		/* pg:version="2": not in a version 1 plan */
};

/* A child element an element may contain. */
struct skid {
	const char	*name;
	struct sdef	*def;		/* its definition */
	int		 min, max;	/* occurrences; max MANY = unbounded */
	int		 seq;		/* position in a fixed order; -1: any */
	int		 block;		/* <p> or <list>: a prose block */
	int		 v2;		/* pg:version="2": not in a version 1 plan */
	int		 v1max;		/* pg:v1-max: max in a version 1 plan, 0: max */
};

/* What one element of the plan format may hold. */
struct sdef {
	const char	*name;
	xmlNodePtr	 node;		/* its RNG <element> (one definition each) */
	int		 in_v1;		/* reachable in a version 1 plan (no
					   pg:version="2" element on the way) */
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

/* The one piece of state: the table, built on first use (schema_table.c). */
struct sch_cache {
	int		 tried;		/* sch_load() ran */
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
	short		 def_of[MAXNAMES];	/* element name id -> its first def index + 1
					   (messages only: a name may have several) */
	char		 err[256];	/* why loading failed */
};

extern struct sch_cache sch_cache;

/* One walk over a document (schema.c). */
struct vstate {
	const char	*file;
	struct pg_diags	*d;
	int		 found;		/* findings added by the walk */
	int		 dropped;	/* over MAXFIND */
	int		 zh;		/* messages in Chinese */
	int		 v1;		/* the plan says version="1" */
	struct {
		const xmlChar	*name;	/* a name string of the document */
		int		 id;	/* its name_id() */
	}		 nc[NCACHE];
};

/*
 * L(english, chinese): the message in the walk's language.  Where the two
 * languages name things in a different order the code branches instead.
 * Element and attribute names and values are never translated.
 */
#define L(en, cn)	(vs->zh ? (cn) : (en))

/* ---- schema_table.c ---------------------------------------------------- */

/*
 * Parse and tabulate plan.rng, once per process.  Returns 0 when the table
 * is ready, or -1 (also on every later call) with the reason in
 * sch_cache.err.
 */
int		 sch_load(void);

/* 1 if n is a RELAX NG element named `name` (any name if NULL). */
int		 sch_is_rng(const xmlNode *n, const char *name);

/* The attribute `name` (no namespace) of an RNG node, or NULL; owned by the node. */
const char	*sch_rng_attr(const xmlNode *n, const char *name);

/*
 * plangen's annotation `name` (PG_NS) on an RNG node, or NULL (owned by the
 * node).
 */
const char	*sch_pg_attr(const xmlNode *n, const char *name);

/* The first RNG child of n (skipping annotations), or NULL. */
xmlNodePtr	 sch_first_rng(xmlNodePtr n);

/* The grammar's <define name="name">, or NULL. */
xmlNodePtr	 sch_find_define(const char *name);

/*
 * The first definition of an element named `name`, or NULL if the format
 * has none.  For messages: a name may have several definitions (one per
 * parent pattern); the walk follows skid.def instead.
 */
struct sdef	*sch_find_def(const char *name);

/* The id of an element or attribute name of the schema (indexes kidx, aidx), or -1. */
int		 sch_name_id(const char *s);

/* FNV-1a hash of s. */
unsigned	 sch_hash(const char *s);

/*
 * Record in sch_cache.err that plan.rng uses `what` (at RNG node n),
 * which the table cannot model.  Returns -1.
 */
int		 sch_fail(const char *what, const xmlNode *n);

/* ---- schema_value.c ---------------------------------------------------- */

/* Compile the value pattern of every attribute and value content.  0, or -1 (sch_cache.err). */
int		 sch_compile_all(void);

/*
 * Check v against value pattern p.  Returns 1 if it matches.  Otherwise 0,
 * with *type set to the define that failed (NULL for a plain enumeration)
 * and *values to the <choice> or <value> listing the allowed values.
 */
int		 sch_pattern_ok(const struct vpat *p, const char *v,
		    const char **type, xmlNodePtr *values);

/*
 * 1 if v, which matches p (sch_pattern_ok), does so only through a <value>
 * marked pg:version="2" (a value a version 1 plan may not use); else 0.
 */
int		 sch_value_v2(const struct vpat *p, const char *v);

/* 1 if c is XML white space; 1 if s holds nothing else. */
int		 sch_is_space(int c);
int		 sch_blank(const char *s);

/* ---- schema_msg.c ------------------------------------------------------ */

/*
 * s quoted for a message in buf (n bytes): white space runs collapsed and
 * trimmed if `collapse`, control characters as spaces, cut with "..." at
 * a character boundary after 40 bytes.  Returns buf.
 */
const char	*sch_quote(const char *s, int collapse, char *buf, size_t n);

/* Element n's name as written (prefix:name if it has a prefix), in buf. */
const char	*sch_ename(const xmlNode *n, char *buf, size_t len);

/*
 * Report the bad value v of attribute `attr` (NULL: the content) of n:
 * the allowed values when `values` lists them, else what the value type
 * `type` (a define of plan.rng, or NULL) expects and how to fix it.
 */
void		 sch_report_value(struct vstate *vs, const xmlNode *n,
		    const char *attr, const char *v, const char *type,
		    xmlNodePtr values);

/*
 * Report attribute a (named `an` as written) of element n, which
 * definition d does not allow: "takes no attributes", "did you mean" a
 * near miss of an allowed attribute that n does not have (then
 * meant[j] = 1, so it is not also reported missing), or the list of
 * allowed attributes.
 */
void		 sch_unknown_attr(struct vstate *vs, xmlNodePtr n,
		    const struct sdef *d, xmlAttrPtr a, const char *an, int *meant);

/*
 * Report child c of element n, which definition d does not allow there:
 * an element of the format that belongs elsewhere (saying where), one in
 * a namespace, a near miss of an allowed child that n lacks ("did you
 * mean"; then meant[j] = 1, so it is not also reported missing), or an
 * unknown element.  present[] (the allowed children n has) is filled on
 * first use, which *present_done records.
 */
void		 sch_unknown_child(struct vstate *vs, xmlNodePtr n,
		    const struct sdef *d, xmlNodePtr c, int *meant, int *present,
		    int *present_done);

/* ---- schema.c ---------------------------------------------------------- */

/*
 * Add one `schema` finding at n's line (0 if n is NULL), unless MAXFIND
 * were added by this walk already (then it is counted in vs->dropped).
 */
void		 sch_report(struct vstate *vs, const xmlNode *n,
		    const char *fmt, ...) __attribute__((format(printf, 3, 4)));

#endif
