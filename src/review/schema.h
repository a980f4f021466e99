/*
 * schema.h — validation of a parsed plan against the RELAX NG schema of the
 * plan format (schema/plan.rng, compiled into the binary as "plan.rng").
 *
 * The schema is turned once into a table of element definitions and the
 * document is walked against it in one linear pass (libxml2's RELAX NG
 * validator is superlinear on large plans and is not run); each problem is
 * reported in words a plan author can act on ("<goal> is missing its
 * required <statement>"), one `schema` error per problem, at the line of
 * the offending element.  tests/e2e/schema-equiv.sh checks on mutated
 * plans that this finds a problem exactly when RELAX NG rejects the file.
 *
 * Implemented by schema.c (the walk), schema_table.c, schema_value.c and
 * schema_msg.c, which share schema_int.h.
 *
 * Include: the reader stage (check.c), tests.
 */
#ifndef PG_SCHEMA_H
#define PG_SCHEMA_H

#include <libxml/tree.h>

#include "base/diag.h"

/*
 * Validate `doc` (from pg_xml_parse) against the plan schema.  `file` is
 * the name used in findings.  Adds one `schema` error to d per problem
 * found (unsorted; the caller sorts).  Returns 0 if the document is valid,
 * 1 if it is not (at least one finding was added), or -1 if the schema
 * could not be loaded (out of memory, or plan.rng uses a construct the
 * table does not model); then one `schema` error without a line was added,
 * so the check fails.
 *
 * The compiled schema is built on the first call and cached for the life
 * of the process (the module's only state; not thread-safe); see
 * pg_schema_cleanup().
 */
int	pg_schema_validate(xmlDocPtr doc, const char *file, struct pg_diags *d);

/*
 * Same, with the findings' messages in the language `lang`: Chinese when
 * pg_lang_is_zh(lang) (base/lang.h), English otherwise
 * (NULL: English; pg_schema_validate() is this with NULL).  The caller
 * decides the language (check.c: --lang, else the root's @lang).  Element
 * and attribute names and values are quoted as written in any language;
 * the verdicts and lines do not depend on the language.
 */
int	pg_schema_validate_lang(xmlDocPtr doc, const char *file,
	    const char *lang, struct pg_diags *d);

/*
 * The schema text (the embedded plan.rng, NUL-terminated) and its length
 * in *len (may be NULL).  Never NULL.
 */
const char *pg_schema_text(size_t *len);

/* Free the cached schema (optional; for leak checkers and tests). */
void	pg_schema_cleanup(void);

#endif
