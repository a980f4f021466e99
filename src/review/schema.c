/*
 * schema.c — RELAX NG validation of a plan, with messages people can act
 * on: the validation driver, which walks the document against the table
 * of element definitions.  See schema.h; the table is built in
 * schema_table.c, values are judged in schema_value.c and the longer
 * messages are worded in schema_msg.c (schema_int.h).
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
 *     one definition per <element> pattern, reached from its parent's
 *     definition (so a name may mean different things under different
 *     parents: table/row holds cells, fab/row feature-advantage-benefit;
 *     the walk follows the parent's skid.def, never a lookup by name); choice
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
 * State: one lazily built cache (sch_cache in schema_table.c: the table,
 * the compiled patterns and their remembered verdicts), freed by
 * pg_schema_cleanup().  Not thread-safe.
 */
#include "config.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "base/lang.h"
#include "review/schema.h"
#include "review/schema_int.h"
#include "read/xml_read.h"

#define MAXFIND	1000		/* schema findings reported per file */

/* ---- walking the document ---------------------------------------------- */

/*
 * sch_name_id() of a name of the document, remembered by address: libxml2
 * interns element and attribute names, and the document does not change
 * during the walk, so one address always holds the same name.
 */
static int
doc_name_id(struct vstate *vs, const xmlChar *name)
{
	size_t h = ((uintptr_t)name >> 3) & (NCACHE - 1);

	if (vs->nc[h].name != name) {
		vs->nc[h].name = name;
		vs->nc[h].id = sch_name_id((const char *)name);
	}
	return vs->nc[h].id;
}

/* A schema finding at line, unless MAXFIND were reported already. */
static void
vreport(struct vstate *vs, unsigned long line, const char *fmt, va_list ap)
{
	if (vs->found >= MAXFIND) {
		vs->dropped++;
		return;
	}
	vs->found++;
	pg_diag_vemit(vs->d, PG_F_SCHEMA, vs->file, line, fmt, ap);
}

void
sch_report(struct vstate *vs, const xmlNode *n, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vreport(vs, n != NULL ? pg_xml_line(n) : 0, fmt, ap);
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
	for (p = s; *p != '\0' && sch_is_space((unsigned char)*p); p++)
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

	va_start(ap, fmt);
	vreport(vs, text_line(t), fmt, ap);
	va_end(ap);
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
			sch_unknown_attr(vs, n, d, a, an, meant);
			continue;
		}
		seen[i] = 1;
		if (vs->v1 && d->attr[i].v2) {
			if (vs->zh)
				sch_report(vs, n, "<%s> 的属性 \"%s\" 需要第 2 版计划格式："
				    "请把根元素写成 <plan version=\"2\">", (const char *)n->name, an);
			else
				sch_report(vs, n, "the attribute \"%s\" of <%s> needs version 2 "
				    "of the plan format: write <plan version=\"2\">", an,
				    (const char *)n->name);
			continue;
		}
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
			if (!sch_pattern_ok(d->attr[i].vp, cv, &type, &values))
				sch_report_value(vs, n, an, cv, type, values);
			else if (vs->v1 && sch_value_v2(d->attr[i].vp, cv)) {
				char qv[64];
				sch_quote(cv, 1, qv, sizeof(qv));
				if (vs->zh)
					sch_report(vs, n, "<%s> 的 %s=\"%s\" 需要第 2 版计划"
					    "格式：请把根元素写成 <plan version=\"2\">",
					    (const char *)n->name, an, qv);
				else
					sch_report(vs, n, "%s=\"%s\" on <%s> needs version 2 "
					    "of the plan format: write <plan version=\"2\">",
					    an, qv, (const char *)n->name);
			}
		}
		xmlFree(v);
	}
	for (i = 0; i < d->nattr; i++)
		if (d->attr[i].required && !seen[i] && !meant[i])
			sch_report(vs, n, L("<%s> is missing the required attribute \"%s\"",
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
			sch_report(vs, n, L("<%s> needs either the attribute \"%s\" or \"%s\"",
			    "<%s> 需要属性 \"%s\" 或 \"%s\" 二者之一"),
			    (const char *)n->name, names[0], names[1]);
		else if (present > 1)
			sch_report(vs, n, L("<%s> may have only one of the attributes \"%s\" "
			    "and \"%s\": remove one", "<%s> 只能有属性 \"%s\" 和 \"%s\" "
			    "中的一个：请删除其中一个"), (const char *)n->name, names[0],
			    names[1]);
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
	if (!sch_pattern_ok(d->vvalue, cv, &type, &values))
		sch_report_value(vs, n, NULL, cv, type, values);
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
			if (c->content == NULL || sch_blank((const char *)c->content))
				continue;
			if (text == NULL)
				text = c;
			if (!d->text && d->value == NULL) {
				if (text_reported++)
					continue;
				sch_quote((const char *)c->content, 1, q, sizeof(q));
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
			sch_unknown_child(vs, n, d, c, meant, present, &present_done);
			continue;
		}
		count[i]++;
		if (vs->v1 && d->kid[i].v2) {
			if (count[i] == 1)
				sch_report(vs, c, L("<%s> needs version 2 of the plan format: "
				    "write <plan version=\"2\">", "<%s> 需要第 2 版计划格式："
				    "请把根元素写成 <plan version=\"2\">"), d->kid[i].name);
			continue;
		}
		if (vs->v1 && count[i] == d->kid[i].v1max + 1 && d->kid[i].v1max > 0)
			sch_report(vs, c, L("a version 1 plan may have only %d <%s> in <%s>: "
			    "for more, write <plan version=\"2\">", "第 1 版计划的 <%3$s> "
			    "中只能有 %1$d 个 <%2$s>：需要更多时请把根元素写成 <plan "
			    "version=\"2\">"), d->kid[i].v1max, d->kid[i].name,
			    (const char *)n->name);
		if (count[i] == 2 && d->kid[i].max == 1)
			sch_report(vs, c, L("<%s> may have only one <%s>",
			    "<%s> 中只能有一个 <%s>"),
			    (const char *)n->name, d->kid[i].name);
		if (d->kid[i].seq >= 0) {
			if (d->kid[i].seq < maxseq && vs->zh)
				sch_report(vs, c, "<%s> 中 <%s> 必须在 <%s> 之前",
				    (const char *)n->name, d->kid[i].name, maxname);
			else if (d->kid[i].seq < maxseq)
				sch_report(vs, c, "<%s> must come before <%s> in <%s>",
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
			sch_report(vs, n, L("<%s> is missing its required <%s>",
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
	if (sch_load() != 0) {
		if (strcmp(sch_cache.err, "out of memory") == 0) {
			d->oom = 1;	/* not a finding about the user's plan */
			return -1;
		}
		pg_diag_emit(d, PG_F_SCHEMA, file, 0,
		    L("internal error: the plan schema cannot be loaded (%s)",
		    "内部错误：无法加载计划的 schema（%s）"), sch_cache.err);
		return -1;
	}
	vs->file = file;
	vs->d = d;
	root = xmlDocGetRootElement(doc);
	if (root == NULL)
		sch_report(vs, NULL, L("the document has no root element",
		    "文档没有根元素"));
	else if (!xmlStrEqual(root->name, (const xmlChar *)"plan")) {
		char nb[128];
		sch_report(vs, root, L("the root element must be <plan version=\"1\">, "
		    "not <%s>", "根元素必须是 <plan version=\"1\">，而不是 <%s>"),
		    sch_ename(root, nb, sizeof(nb)));
	} else if (root->ns != NULL)
		sch_report(vs, root, L("<plan> must not be in a namespace: remove "
		    "xmlns=\"%s\"", "<plan> 不能带命名空间：请删除 xmlns=\"%s\""),
		    root->ns->href ? (const char *)root->ns->href : "");
	else {
		xmlChar *ver = xmlGetNoNsProp(root, (const xmlChar *)"version");
		vs->v1 = ver != NULL && xmlStrEqual(ver, (const xmlChar *)"1");
		xmlFree(ver);
		check_elem(vs, root, &sch_cache.defs[0]);
	}
	if (vs->dropped > 0)
		pg_diag_emit(d, PG_F_SCHEMA, file, 0, L("too many schema errors: "
		    "only the first %d are shown, %d more are not",
		    "schema 错误太多：只列出前 %d 个，另有 %d 个未列出"), MAXFIND,
		    vs->dropped);
	return vs->found > 0 ? 1 : 0;
}
