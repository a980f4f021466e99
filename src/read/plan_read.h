/*
 * plan_read.h — build the plan model (model.h) from a parsed document.
 *
 * Include: the reader stage (check.c, render's --draft path, tests).
 */
#ifndef PG_PLAN_READ_H
#define PG_PLAN_READ_H

#include <libxml/tree.h>

#include "base/diag.h"
#include "model/model.h"

/*
 * Build a plan from `doc` (any well-formed document: missing elements
 * leave their fields absent — NULL, 0, empty arrays — and unknown elements
 * and attributes are ignored, so a draft can be rendered).  `file` names
 * the file in findings.  Values the element table cannot judge by itself
 * and the reader cannot parse — a date that is not a real calendar date,
 * malformed or too large money, a malformed decimal or one of more than
 * 30 digits, a share or a map position outside 0..100, a negative budget
 * line — become `schema` errors in d at the element's line, and the field
 * is left absent (date y 0, money set 0, number v 0 with its text kept;
 * a percentage or position outside 0..100 keeps its text and has v
 * clamped to the range, so a draft can still draw it).  Values the
 * element table decides (an unknown enumeration value, a missing
 * attribute) are not reported here: an unknown value reads as the enum's
 * NONE, and a <dimension> with an unknown name is left out.
 * d may be NULL: findings are then discarded (for a caller that already
 * reported the schema's findings).
 *
 * The result and all its strings live in one arena: free with
 * pg_plan_free().  The document is not modified and may be freed
 * afterwards.  Returns NULL only when memory ran out.  Linear time.
 */
struct pg_plan	*pg_plan_read(xmlDocPtr doc, const char *file,
		    struct pg_diags *d);

/*
 * Same, with the findings' messages in the language `lang`: Chinese when
 * pg_lang_is_zh(lang) (base/lang.h), English otherwise (NULL: English;
 * pg_plan_read() is this with NULL).  The plan read is the same.
 */
struct pg_plan	*pg_plan_read_lang(xmlDocPtr doc, const char *file,
		    const char *lang, struct pg_diags *d);

/* Most digits a decimal number may have (the reader's limit, documented). */
#define PG_MAX_DECIMAL_DIGITS	30

#endif
