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
#include <stdlib.h>
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
	{ "href.type", "a link", "有效链接",
	    "a link starts with http://, https:// or mailto: (nothing else is allowed)",
	    "链接必须以 http://、https:// 或 mailto: 开头（不允许其他形式）" },
	{ "span.type", "a column count", "有效列数",
	    "write how many columns the cell spans, a whole number from 1",
	    "请写单元格跨越的列数，从 1 开始的整数" },
	{ NULL, "valid", "有效值", NULL, NULL },
};

/*
 * "a, b, c" of the values of a <choice> (or "\"a\"" of one <value>) into
 * buf, separated by sep; if v1, without the values marked pg:version="2"
 * (a version 1 plan is told what it may write: its message stays as it was).
 */
static const char *
value_list(xmlNodePtr n, const char *sep, int v1, char *buf, size_t len)
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
		if (v1 && sch_pg_attr(ch, "version") != NULL &&
		    strcmp(sch_pg_attr(ch, "version"), "2") == 0)
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

/* ---- the corrected value, where one can be guessed ------------------------ */

enum fix { FIX_NONE, FIX_FULLWIDTH, FIX_PERCENT, FIX_NODAY, FIX_MONEY, FIX_ONEID };

/* 1 if type is one of the number-like value types. */
static int
numeric_type(const char *type)
{
	return type != NULL && (strcmp(type, "money.type") == 0 ||
	    strcmp(type, "amount.type") == 0 || strcmp(type, "decimal.type") == 0 ||
	    strcmp(type, "percent.type") == 0);
}

/*
 * Full-width forms (U+FF01..U+FF5E) and the ideographic space (U+3000) of
 * v turned into ASCII, into buf.  Returns 1 if v held any.
 */
static int
halfwidth(const char *v, char *buf, size_t len)
{
	const unsigned char *s = (const unsigned char *)v;
	size_t	o = 0;
	int	any = 0;

	while (*s != '\0' && o + 1 < len) {
		if (s[0] == 0xE3 && s[1] == 0x80 && s[2] == 0x80) {
			buf[o++] = ' ', s += 3, any = 1;	/* U+3000 */
		} else if (s[0] == 0xEF && (s[1] == 0xBC || s[1] == 0xBD) && s[2] >= 0x80 &&
		    s[2] <= 0xBF) {
			unsigned cp = ((s[1] & 0x3Fu) << 6 | (s[2] & 0x3Fu)) | 0xF000u;
			if (cp >= 0xFF01 && cp <= 0xFF5E) {
				buf[o++] = (char)(cp - 0xFEE0), s += 3, any = 1;
				continue;
			}
			buf[o++] = (char)*s++;
		} else
			buf[o++] = (char)*s++;
	}
	buf[o] = '\0';
	return any;
}

/*
 * "36万", "¥360,000", "3.6 万元", "RMB 1,200.50" -> the plain amount, exact
 * (a decimal string, never floating point), into buf.  Returns 1 if v is
 * such an amount with something to remove, 0 otherwise.
 */
static int
plain_amount(const char *v, char *buf, size_t len)
{
	static const char *const drop[] = { "\xC2\xA5", "\xEF\xBF\xA5", "$", "\xE2\x82\xAC",
	    "\xC2\xA3", "RMB", "CNY", "USD", "EUR", "GBP", "\xE5\x85\x83", ",",
	    "\xEF\xBC\x8C", " ", NULL };	/* ¥ ￥ $ € £ ... 元 , ， */
	char	 digits[64], frac[64];
	size_t	 nd = 0, nf = 0, i;
	int	 shift = 0, dot = 0, changed = 0;
	const char *s = v;

	while (*s != '\0') {
		int k, hit = 0;
		if (*s == ',' && (strspn(s + 1, "0123456789") != 3 ||
		    (s[4] != '\0' && s[4] != ',' && s[4] != '.')))
			return 0;	/* not a thousands separator: "1,5" */
		for (k = 0; drop[k] != NULL; k++)
			if (strncmp(s, drop[k], strlen(drop[k])) == 0) {
				s += strlen(drop[k]), hit = changed = 1;
				break;
			}
		if (hit)
			continue;
		if (strncmp(s, "\xE4\xB8\x87", 3) == 0 && shift == 0)	/* 万 */
			s += 3, shift = 4, changed = 1;
		else if (strncmp(s, "\xE4\xBA\xBF", 3) == 0 && shift == 0)	/* 亿 */
			s += 3, shift = 8, changed = 1;
		else if (*s >= '0' && *s <= '9' && shift == 0) {
			if (dot && nf + 1 < sizeof(frac))
				frac[nf++] = *s;
			else if (!dot && nd + 1 < sizeof(digits))
				digits[nd++] = *s;
			else
				return 0;
			s++;
		} else if (*s == '.' && !dot && shift == 0)
			dot = 1, s++;
		else
			return 0;
	}
	if (!changed || nd + nf == 0)
		return 0;
	/* move the decimal point `shift` places right */
	for (; shift > 0; shift--) {
		if (nd + 1 >= sizeof(digits))
			return 0;
		digits[nd++] = nf > 0 ? frac[0] : '0';
		if (nf > 0) {
			memmove(frac, frac + 1, nf - 1);
			nf--;
		}
	}
	for (i = 0; i + 1 < nd && digits[i] == '0'; i++)
		;
	while (nf > 0 && frac[nf - 1] == '0')
		nf--;
	snprintf(buf, len, "%.*s%s%.*s", (int)(nd - i), digits + i, nf ? "." : "",
	    (int)nf, frac);
	return 1;
}

/*
 * What is wrong with v, when it can be said more exactly than "not a valid
 * ...", with the corrected value in fix (or, for FIX_NODAY, y/m/d).
 */
static enum fix
guess_fix(const char *type, const char *v, char *fix, size_t len, int ymd[3])
{
	size_t	n = strlen(v);

	if (halfwidth(v, fix, len))
		return FIX_FULLWIDTH;
	if (numeric_type(type) && n > 1 && v[n - 1] == '%' &&
	    strspn(v, "0123456789.") == n - 1) {
		snprintf(fix, len, "%.*s", (int)(n - 1), v);
		return FIX_PERCENT;
	}
	if (type != NULL && strcmp(type, "date.type") == 0 && n == 10 &&
	    strspn(v, "0123456789") == 4 && v[4] == '-' && v[7] == '-' &&
	    strspn(v + 5, "0123456789") == 2 && strspn(v + 8, "0123456789") == 2) {
		ymd[0] = atoi(v), ymd[1] = atoi(v + 5), ymd[2] = atoi(v + 8);
		return FIX_NODAY;	/* the right form, so the day or month is not */
	}
	if (numeric_type(type) && plain_amount(v, fix, len))
		return FIX_MONEY;
	if (type != NULL && strcmp(type, "idref.type") == 0 && strchr(v, ' ') != NULL &&
	    !sch_blank(v)) {
		const char *b = v + strspn(v, " ");
		snprintf(fix, len, "%.*s", (int)strcspn(b, " "), b);
		return FIX_ONEID;
	}
	return FIX_NONE;
}

/*
 * Report v with its likely correction; returns 1 if it did (f != FIX_NONE).
 * where: "attribute \"x\" of <y>" (or the Chinese form); q: v quoted.
 */
static int
report_fix(struct vstate *vs, const xmlNode *n, const char *where, const char *q,
    const char *type, const char *v)
{
	static const char *const month[] = { "January", "February", "March", "April",
	    "May", "June", "July", "August", "September", "October", "November",
	    "December" };
	char	fix[128], fq[160];
	int	ymd[3] = { 0, 0, 0 };
	enum fix f = guess_fix(type, v, fix, sizeof(fix), ymd);

	sch_quote(fix, 0, fq, sizeof(fq));
	switch (f) {
	case FIX_NONE:
		return 0;
	case FIX_FULLWIDTH:
		if (vs->zh)
			sch_report(vs, n, "%s 的值 \"%s\" 中有全角字符（全角数字、字母或"
			    "全角空格），请改为半角：写成 \"%s\"", where, q, fq);
		else
			sch_report(vs, n, "\"%s\" in %s holds full-width characters "
			    "(digits, letters or spaces from a Chinese input method): "
			    "write \"%s\"", q, where, fq);
		return 1;
	case FIX_PERCENT:
		if (type != NULL && strcmp(type, "percent.type") == 0)
			sch_report(vs, n, L("\"%s\" is not a valid percentage in %s: "
			    "write the number without the %% sign, \"%s\"", "%s 的值 "
			    "\"%s\" 不是有效百分比：请去掉 %% 号，写成 \"%s\""),
			    vs->zh ? where : q, vs->zh ? q : where, fq);
		else if (vs->zh)
			sch_report(vs, n, "%s 的值 \"%s\" 不是有效数字：%% 号应写在 "
			    "unit=\"%%\" 中，这里写成 \"%s\"", where, q, fq);
		else
			sch_report(vs, n, "\"%s\" is not a valid number in %s: the %% "
			    "sign belongs in unit=\"%%\"; write \"%s\" here", q, where, fq);
		return 1;
	case FIX_NODAY:
		if (ymd[0] < 1)
			return 0;	/* year 0: the generic message */
		if (ymd[1] < 1 || ymd[1] > 12) {
			if (vs->zh)
				sch_report(vs, n, "%s 的值 \"%s\" 不是有效日期：没有 %d 月",
				    where, q, ymd[1]);
			else
				sch_report(vs, n, "\"%s\" is not a valid date in %s: there "
				    "is no month %d", q, where, ymd[1]);
		} else if (vs->zh)
			sch_report(vs, n, "%s 的值 \"%s\" 不是有效日期：%d 年 %d 月没有 "
			    "%d 日", where, q, ymd[0], ymd[1], ymd[2]);
		else
			sch_report(vs, n, "\"%s\" is not a valid date in %s: %s %d has "
			    "no day %d", q, where, month[ymd[1] - 1], ymd[0], ymd[2]);
		return 1;
	case FIX_MONEY:
		if (vs->zh)
			sch_report(vs, n, "%s 的值 \"%s\" 不是有效%s：请只写数字（不带"
			    "货币符号、单位和分隔符），写成 \"%s\"", where, q,
			    strcmp(type, "decimal.type") == 0 ? "数字" : "金额", fq);
		else
			sch_report(vs, n, "\"%s\" is not a valid %s in %s: write digits "
			    "only (no currency sign, unit or separators): \"%s\"", q,
			    strcmp(type, "decimal.type") == 0 ? "number" : "amount",
			    where, fq);
		return 1;
	case FIX_ONEID:
		if (vs->zh)
			sch_report(vs, n, "%s 只能写一个 id，不能是 \"%s\"：请只保留一个，"
			    "例如 \"%s\"", where, q, fq);
		else
			sch_report(vs, n, "%s takes one id, not \"%s\": keep one, e.g. "
			    "\"%s\"", where, q, fq);
		return 1;
	}
	return 0;
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
		value_list(values, L(", ", "、"), vs->v1, list, sizeof(list));
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
	if (report_fix(vs, n, where, q, type, v))
		return;
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
parents_of(const char *name, int zh, int v1, char *buf, size_t len)
{
	int	 i, j, n = 0, total = 0;
	size_t	 o = 0;

	buf[0] = '\0';
	/* in a version 1 plan, only the places version 1 has */
#define V1SKIP(i, j) (v1 && (!sch_cache.defs[i].in_v1 || \
	    sch_cache.defs[i].kid[j].v2))
	for (i = 0; i < sch_cache.ndefs; i++)
		for (j = 0; j < sch_cache.defs[i].nkid; j++)
			if (strcmp(sch_cache.defs[i].kid[j].name, name) == 0 &&
			    !V1SKIP(i, j))
				total++;
	for (i = 0; i < sch_cache.ndefs && o < len; i++)
		for (j = 0; j < sch_cache.defs[i].nkid && o < len; j++) {
			if (strcmp(sch_cache.defs[i].kid[j].name, name) != 0 ||
			    V1SKIP(i, j))
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

	if (c->ns == NULL && d->nkid == 0 && d->text &&
	    (xmlStrEqual(c->name, (const xmlChar *)"em") ||
	    xmlStrEqual(c->name, (const xmlChar *)"strong"))) {
		/* markup in a plain-text field: "put it in a <p>" would go in a circle */
		if (vs->zh)
			sch_report(vs, c, "<%s> 只能写纯文字，不能有 <%s> 等标记："
			    "请删除 <%s> 标签，保留其中的文字",
			    (const char *)n->name, (const char *)c->name,
			    (const char *)c->name);
		else
			sch_report(vs, c, "<%s> holds plain text only, without markup "
			    "such as <%s>: remove the <%s> tags and keep the text",
			    (const char *)n->name, (const char *)c->name,
			    (const char *)c->name);
	} else if (c->ns == NULL && sch_find_def((const char *)c->name) != NULL && vs->zh)
		sch_report(vs, c, "<%s> 中不能有 <%s>；它应放在 %s",
		    (const char *)n->name, (const char *)c->name,
		    parents_of((const char *)c->name, 1, vs->v1, where,
		    sizeof(where)));
	else if (c->ns == NULL && sch_find_def((const char *)c->name) != NULL)
		sch_report(vs, c, "<%s> is not allowed in <%s>; it belongs in %s",
		    (const char *)c->name, (const char *)n->name,
		    parents_of((const char *)c->name, 0, vs->v1, where,
		    sizeof(where)));
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
		/* a near miss of a child n lacks, or of one it may have many of */
		for (j = 0; j < d->nkid; j++)
			if (!meant[j] && (!present[j] || d->kid[j].max > 1) &&
			    !(vs->v1 && d->kid[j].v2) &&
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
		} else {
			char allowed[400];
			size_t o = 0;
			allowed[0] = '\0';
			for (j = 0; j < d->nkid && o < sizeof(allowed); j++)
				if (!(vs->v1 && d->kid[j].v2))
					o += (size_t)snprintf(allowed + o,
					    sizeof(allowed) - o, "%s<%s>", o ?
					    L(", ", "、") : "", d->kid[j].name);
			if (d->nkid == 0 && vs->zh)
				sch_report(vs, c, "<%s> 中不能有未知元素 <%s>（<%s> "
				    "不能包含任何元素）", (const char *)n->name,
				    sch_ename(c, nb, sizeof(nb)), (const char *)n->name);
			else if (d->nkid == 0)
				sch_report(vs, c, "unknown element <%s> in <%s> (<%s> "
				    "holds no elements)", sch_ename(c, nb, sizeof(nb)),
				    (const char *)n->name, (const char *)n->name);
			else if (vs->zh)
				sch_report(vs, c, "<%s> 中不能有未知元素 <%s>（<%s> "
				    "中可以有：%s）", (const char *)n->name,
				    sch_ename(c, nb, sizeof(nb)), (const char *)n->name,
				    allowed);
			else
				sch_report(vs, c, "unknown element <%s> in <%s> (<%s> "
				    "may hold %s)", sch_ename(c, nb, sizeof(nb)),
				    (const char *)n->name, (const char *)n->name, allowed);
		}
	}
}
