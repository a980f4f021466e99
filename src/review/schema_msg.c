/*
 * schema_msg.c — the words of the schema check: what a plan author is
 * told about a bad value (what the type expects, how to fix it, the
 * allowed values), an unknown attribute or element ("did you mean",
 * the allowed attributes, where an element belongs), in English or
 * Chinese.  Element and attribute names and values are quoted as written.
 */
#include "config.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "review/schema_int.h"

/*
 * Copy s into buf (size n) for quoting in a message: XML white space runs
 * collapsed to one space and trimmed if `collapse`, cut at a character
 * boundary with "..." when longer than 40 bytes.
 */
const char *
sch_quote(const char *s, int collapse, char *buf, size_t n)
{
	size_t	o = 0, max = n - 4 < 40 ? n - 4 : 40;
	int	sp = 0;

	if (collapse)
		while (sch_is_space((unsigned char)*s))
			s++;
	for (; *s != '\0'; s++) {
		unsigned char c = (unsigned char)*s;
		if (collapse && sch_is_space(c)) {
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

/* The element's name as written (prefix:name if it has a prefix). */
const char *
sch_ename(const xmlNode *n, char *buf, size_t len)
{
	if (n->ns != NULL && n->ns->prefix != NULL)
		snprintf(buf, len, "%s:%s", (const char *)n->ns->prefix,
		    (const char *)n->name);
	else
		snprintf(buf, len, "%s", (const char *)n->name);
	return buf;
}

/* ---- bad values ---------------------------------------------------------- */

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
	    "请只写数字，可带小数点，不加千位分隔符，也不要写成 1e6 这样的科学计数法" },
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
	if (sch_is_rng(n, "value")) {
		xmlChar *s = xmlNodeGetContent(n);
		snprintf(buf, len, "\"%s\"", s ? (const char *)s : "");
		xmlFree(s);
		return buf;
	}
	for (ch = n->children; ch != NULL; ch = ch->next) {
		xmlChar *s;
		if (!sch_is_rng(ch, "value"))
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

/* "a bad value" message for value v of attribute attr (NULL: content) of n. */
void
sch_report_value(struct vstate *vs, const xmlNode *n, const char *attr, const char *v, const char *type, xmlNodePtr values)
{
	char		 q[64], list[512], where[160];
	const struct vtype *t;

	sch_quote(v, 0, q, sizeof(q));
	if (values != NULL) {
		int one = sch_is_rng(values, "value");
		value_list(values, L(", ", "、"), list, sizeof(list));
		if (vs->zh && attr != NULL)
			sch_report(vs, n, "<%s> 的属性 \"%s\" 必须是 %s%s，不能是 \"%s\"",
			    (const char *)n->name, attr, list, one ? "" : " 之一", q);
		else if (vs->zh)
			sch_report(vs, n, "<%s> 必须是 %s%s，不能是 \"%s\"",
			    (const char *)n->name, list, one ? "" : " 之一", q);
		else if (attr != NULL)
			sch_report(vs, n, "attribute \"%s\" of <%s> must be %s%s: \"%s\" is not allowed",
			    attr, (const char *)n->name, one ? "" : "one of ", list, q);
		else
			sch_report(vs, n, "<%s> must be %s%s: \"%s\" is not allowed",
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
			sch_report(vs, n, "%s 的值 \"%s\" 不是%s：不能为负数", where, q,
			    t->what_zh);
		else if (type != NULL && strcmp(type, "idrefs.type") == 0 && sch_blank(v))
			sch_report(vs, n, "%s 必须至少写一个 id", where);
		else if (*v != '\0' && (sch_is_space((unsigned char)*v) ||
		    sch_is_space((unsigned char)v[strlen(v) - 1])))
			sch_report(vs, n, "%s 的值 \"%s\" 不是%s：请去掉前后的空格",
			    where, q, t->what_zh);
		else if (t->advice_zh != NULL)
			sch_report(vs, n, "%s 的值 \"%s\" 不是%s：%s", where, q,
			    t->what_zh, t->advice_zh);
		else
			sch_report(vs, n, "%s 的值 \"%s\" 不是%s", where, q, t->what_zh);
		return;
	}
	if (type != NULL && strcmp(type, "amount.type") == 0 && v[0] == '-')
		sch_report(vs, n, "\"%s\" is not %s in %s: it must not be negative",
		    q, t->what, where);
	else if (type != NULL && strcmp(type, "idrefs.type") == 0 && sch_blank(v))
		sch_report(vs, n, "%s must name at least one id", where);
	else if (*v != '\0' && (sch_is_space((unsigned char)*v) ||
	    sch_is_space((unsigned char)v[strlen(v) - 1])))
		sch_report(vs, n, "\"%s\" is not %s in %s: remove the spaces around it",
		    q, t->what, where);
	else if (t->advice != NULL)
		sch_report(vs, n, "\"%s\" is not %s in %s: %s", q, t->what, where, t->advice);
	else
		sch_report(vs, n, "\"%s\" is not %s in %s", q, t->what, where);
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
		    (id = sch_name_id((const char *)c->name)) >= 0 && d->kidx[id] != 0)
			present[d->kidx[id] - 1] = 1;
}

/* ---- unknown attributes and elements ------------------------------------ */

/*
 * Report attribute a (named `an` as written) of element n, which
 * definition d does not allow: "takes no attributes", "did you mean" a
 * near miss of an allowed attribute n does not have (then meant[j] = 1, so
 * it is not also reported missing), or the list of allowed attributes.
 */
void
sch_unknown_attr(struct vstate *vs, xmlNodePtr n, const struct sdef *d,
    xmlAttrPtr a, const char *an, int *meant)
{
	char	allowed[400];
	size_t	o = 0;
	int	j;

	if (d->nattr == 0) {
		sch_report(vs, n, L("<%s> takes no attributes: remove \"%s\"",
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
			sch_report(vs, n, "<%s> 上有未知属性 \"%s\"：是否想写 "
			    "\"%s\"？", (const char *)n->name, an,
			    d->attr[j].name);
		else
			sch_report(vs, n, "unknown attribute \"%s\" on <%s>: "
			    "did you mean \"%s\"?", an,
			    (const char *)n->name, d->attr[j].name);
		return;
	}
	allowed[0] = '\0';
	for (j = 0; j < d->nattr && o < sizeof(allowed); j++)
		o += (size_t)snprintf(allowed + o, sizeof(allowed) - o,
		    "%s%s", j ? L(", ", "、") : "", d->attr[j].name);
	if (vs->zh)
		sch_report(vs, n, "<%s> 上有未知属性 \"%s\"（可用的属性：%s）",
		    (const char *)n->name, an, allowed);
	else
		sch_report(vs, n, "unknown attribute \"%s\" on <%s> (allowed: %s)",
		    an, (const char *)n->name, allowed);
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
	for (i = 0; i < sch_cache.ndefs; i++)
		for (j = 0; j < sch_cache.defs[i].nkid; j++)
			if (strcmp(sch_cache.defs[i].kid[j].name, name) == 0)
				total++;
	for (i = 0; i < sch_cache.ndefs && o < len; i++)
		for (j = 0; j < sch_cache.defs[i].nkid && o < len; j++) {
			if (strcmp(sch_cache.defs[i].kid[j].name, name) != 0)
				continue;
			if (total > 4 && n == 3) {
				snprintf(buf + o, len - o, zh ? " 以及另外 %d 个元素中" :
				    " and %d other elements", total - 3);
				return buf;
			}
			o += (size_t)snprintf(buf + o, len - o, "%s<%s>",
			    n == 0 ? "" : n == total - 1 ? (zh ? " 或 " : " or ") :
			    (zh ? "、" : ", "),
			    sch_cache.defs[i].name);
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
void
sch_unknown_child(struct vstate *vs, xmlNodePtr n, const struct sdef *d,
    xmlNodePtr c, int *meant, int *present, int *present_done)
{
	char	nb[128], where[256];
	int	j;

	if (c->ns == NULL && sch_find_def((const char *)c->name) != NULL && vs->zh)
		sch_report(vs, c, "<%s> 中不能有 <%s>；它应放在 %s",
		    (const char *)n->name, (const char *)c->name,
		    parents_of((const char *)c->name, 1, where, sizeof(where)));
	else if (c->ns == NULL && sch_find_def((const char *)c->name) != NULL)
		sch_report(vs, c, "<%s> is not allowed in <%s>; it belongs in %s",
		    (const char *)c->name, (const char *)n->name,
		    parents_of((const char *)c->name, 0, where, sizeof(where)));
	else if (c->ns != NULL && vs->zh)
		sch_report(vs, c, "<%s> 中不能有未知元素 <%s>（计划的元素没有"
		    "命名空间）", (const char *)n->name, sch_ename(c, nb, sizeof(nb)));
	else if (c->ns != NULL)
		sch_report(vs, c, "unknown element <%s> in <%s> (plan elements "
		    "have no namespace)", sch_ename(c, nb, sizeof(nb)),
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
				sch_report(vs, c, "<%s> 中不能有未知元素 <%s>："
				    "是否想写 <%s>？", (const char *)n->name,
				    sch_ename(c, nb, sizeof(nb)), d->kid[j].name);
			else
				sch_report(vs, c, "unknown element <%s> in <%s>: "
				    "did you mean <%s>?", sch_ename(c, nb, sizeof(nb)),
				    (const char *)n->name, d->kid[j].name);
		} else if (vs->zh)
			sch_report(vs, c, "<%s> 中不能有未知元素 <%s>",
			    (const char *)n->name, sch_ename(c, nb, sizeof(nb)));
		else
			sch_report(vs, c, "unknown element <%s> in <%s>",
			    sch_ename(c, nb, sizeof(nb)), (const char *)n->name);
	}
}
