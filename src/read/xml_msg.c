/*
 * xml_msg.c — what a plan author is told when a file is not well-formed
 * XML: every libxml2 error a plan can trigger (after xml_read.c's prescan)
 * and the prescan's own refusals, each naming the cause and the fix, in
 * English or Chinese.  See xml_read.h (pg_xml_syntax_msg, pg_xml_raw_lang).
 *
 * The libxml2 codes (2.9.14) a plan can meet, measured with one file each
 * (tests/e2e/syntax.sh shows every message in both languages):
 *   1 internal (depth > 256, a text or value over 10,000,000 characters),
 *   2 huge text node, 4 empty / no start tag, 5 content after the root,
 *   6 7 bad character reference, 9 a character XML forbids, 23 & without
 *   ;, 26 undefined entity, 34 unclosed string in the declaration,
 *   38 < in an attribute value, 39 value without quotes (IME quotes),
 *   40 unclosed or huge value, 41 attribute without value, 42 attribute
 *   twice, 45 comment not closed, 46 PI without target, 47 PI not closed,
 *   57 declaration not closed, 62 ]]> in text, 63 CDATA not closed,
 *   64 declaration not at the start, 65 missing space, 68 bare & or <,
 *   bad attribute name, 73 tag not closed with >, 76 end tag mismatch,
 *   77 the file ends inside an element, 78 standalone value, 80 -- in a
 *   comment, 96 declaration without version, 110 name too long,
 *   200 201 namespace prefixes.
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include <libxml/xmlerror.h>

#include "base/lang.h"
#include "base/utf8.h"
#include "read/xml_read.h"

/* English or Chinese: both literals, so printf checks both formats. */
#define T(en, zh)	(zh_ ? (zh) : (en))

/* The bytes of line `line` (1-based) of buf: *s and *e, or 0 if none. */
static int
line_of(const char *buf, size_t len, unsigned long line, const char **s,
    const char **e)
{
	const char	*p = buf, *end = buf + len, *q;
	unsigned long	 n = 1;

	if (buf == NULL)
		return 0;
	while (n < line) {
		if ((q = memchr(p, '\n', (size_t)(end - p))) == NULL)
			return 0;
		p = q + 1;
		n++;
	}
	*s = p;
	q = memchr(p, '\n', (size_t)(end - p));
	*e = q != NULL ? q : end;
	return 1;
}

/* The position of 1-based character column col in s..e (clamped). */
static const char *
col_ptr(const char *s, const char *e, int col)
{
	uint32_t	cp;
	size_t		n;

	while (col-- > 1 && s < e) {
		n = pg_utf8_decode(s, (size_t)(e - s), &cp);
		s += n > 0 ? n : 1;
	}
	return s;
}

/* Back over one UTF-8 character from p (not before s). */
static const char *
back1(const char *s, const char *p)
{
	if (p > s)
		p--;
	while (p > s && ((unsigned char)*p & 0xC0) == 0x80)
		p--;
	return p;
}

/*
 * Of the positions in s..e where match() holds, the one nearest to the
 * column, else NULL.
 */
static const char *
nearest(const char *s, const char *e, const char *at,
    int (*match)(const char *, const char *))
{
	const char	*p, *best = NULL;
	size_t		 d, bd = 0;

	for (p = s; p < e; p++) {
		if (!match(p, e))
			continue;
		d = p < at ? (size_t)(at - p) : (size_t)(p - at);
		if (best == NULL || d < bd) {
			best = p;
			bd = d;
		}
	}
	return best;
}

static int
is_name_start(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' ||
	    c == ':' || c >= 0x80;
}

/* '&' that does not start a reference &name; or &#...; */
static int
bare_amp(const char *p, const char *e)
{
	const char *q = p + 1;

	if (*p != '&')
		return 0;
	if (q < e && *q == '#')
		q++;
	while (q < e && (is_name_start((unsigned char)*q) ||
	    (*q >= '0' && *q <= '9') || *q == '-' || *q == '.'))
		q++;
	return !(q < e && *q == ';' && q > p + 1);
}

/* '<' that starts no tag, comment or instruction */
static int
bare_lt(const char *p, const char *e)
{
	if (*p != '<')
		return 0;
	if (p + 1 >= e)
		return 1;
	return !is_name_start((unsigned char)p[1]) && p[1] != '/' &&
	    p[1] != '!' && p[1] != '?';
}

/*
 * The text around the character at p, with that character (plen bytes)
 * replaced by `with`: "B2B&amp;团检".  Stops at tags and after 12
 * characters either side.  Returns 0 if there is no text around it.
 */
static int
excerpt(const char *s, const char *e, const char *p, size_t plen,
    const char *with, char *out, size_t outlen)
{
	const char	*a = p, *b = p + plen, *q;
	int		 k;

	for (k = 0; k < 12 && a > s; k++) {
		q = back1(s, a);
		if (*q == '>' || *q == '<' || *q == '"' || *q == '\t')
			break;
		a = q;
	}
	while (a < p && *a == ' ')
		a++;
	for (k = 0; k < 12 && b < e; k++) {
		uint32_t cp;
		size_t n;
		if (*b == '<' || *b == '>' || *b == '"' || *b == '\r' || *b == '\t')
			break;
		n = pg_utf8_decode(b, (size_t)(e - b), &cp);
		b += n > 0 ? n : 1;
	}
	while (b > p + plen && b[-1] == ' ')
		b--;
	if (a == p && b == p + plen)
		return 0;
	snprintf(out, outlen, "%.*s%s%.*s", (int)(p - a), a, with,
	    (int)(b - (p + plen)), p + plen);
	return 1;
}

/* Full-width or typographic quotes an input method types for " and '. */
static size_t
ime_quote(const char *p, const char *e)
{
	static const char *const q[] = { "\xE2\x80\x9C", "\xE2\x80\x9D",
	    "\xE2\x80\x98", "\xE2\x80\x99", "\xEF\xBC\x82", "\xEF\xBC\x87",
	    "\xE2\x80\xB3", "\xE3\x80\x9D", "\xE3\x80\x9E" };
	size_t i;

	for (i = 0; i < sizeof(q) / sizeof(q[0]); i++)
		if ((size_t)(e - p) >= 3 && memcmp(p, q[i], 3) == 0)
			return 3;
	return 0;
}

/*
 * An attribute whose value does not start with a straight quote, at or
 * before the column: name and value as written, into `name` and `val`.
 * *ime is set if the value is in input-method quotes.  0 if not found.
 */
static int
unquoted_attr(const char *s, const char *e, const char *at, char *name,
    size_t nlen, char *val, size_t vlen, int *ime)
{
	const char	*eq = NULL, *p, *n0, *v0, *v1;
	size_t		 qn;

	/* the last '=' before the column (the column is just after it) */
	for (p = s; p < e && p <= at; p++)
		if (*p == '=')
			eq = p;
	if (eq == NULL)
		for (p = s; p < e; p++)
			if (*p == '=') {
				eq = p;
				break;
			}
	if (eq == NULL)
		return 0;
	for (n0 = eq; n0 > s && n0[-1] == ' '; n0--)
		;
	p = n0;
	while (n0 > s && n0[-1] != ' ' && n0[-1] != '<' && n0[-1] != '\t' &&
	    n0[-1] != '"' && n0[-1] != '\'')
		n0--;
	if (p == n0)
		return 0;
	snprintf(name, nlen, "%.*s", (int)(p - n0), n0);
	for (v0 = eq + 1; v0 < e && *v0 == ' '; v0++)
		;
	*ime = (qn = ime_quote(v0, e)) > 0;
	v0 += qn;
	for (v1 = v0; v1 < e && *v1 != ' ' && *v1 != '>' && *v1 != '\t' &&
	    !(*v1 == '/' && v1 + 1 < e && v1[1] == '>') && !ime_quote(v1, e) &&
	    *v1 != '"'; v1++)
		;
	snprintf(val, vlen, "%.*s", (int)(v1 - v0), v0);
	return 1;
}

/* A character for a message: U+0001. */
static void
ucode(char *out, size_t n, unsigned long cp)
{
	snprintf(out, n, "U+%04lX", cp);
}

/* The predefined entity p starts with, not followed by a letter, or NULL. */
static const char *
known_ref(const char *p, const char *e)
{
	static const char *const names[] = { "amp", "lt", "gt", "quot",
	    "apos", "nbsp" };
	size_t i, n;

	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		n = strlen(names[i]);
		if ((size_t)(e - p) >= n && memcmp(p, names[i], n) == 0 &&
		    (p + n == e || !is_name_start((unsigned char)p[n])))
			return names[i];
	}
	return NULL;
}

/* Messages for a bare & (23, 68) or < (68). */
static void
msg_bare(int zh_, int amp, const char *s, const char *e, const char *at,
    char *m, size_t ml)
{
	const char	*p = NULL;
	char		 ex[160];
	const char	*ref;
	int		 have = 0;

	if (s != NULL)
		p = nearest(s, e, at, amp ? bare_amp : bare_lt);
	if (amp && p != NULL && (ref = known_ref(p + 1, e)) != NULL) {
		snprintf(m, ml, T("the reference &%s has no \";\": write &%s;",
		    "引用 &%s 缺少“;”：请写成 &%s;"), ref, ref);
		return;
	}
	if (p != NULL)
		have = excerpt(s, e, p, 1, amp ? "&amp;" : "&lt;", ex, sizeof(ex));
	if (amp)
		snprintf(m, ml, T("a bare \"&\" in the text (XML reads & as the "
		    "start of a reference): write it as &amp;%s%s%s",
		    "文字中有单独的“&”（XML 把 & 当作引用的开头）：请写成 &amp;%s%s%s"),
		    have ? T(" (", "（") : "", have ? ex : "",
		    have ? T(")", "）") : "");
	else
		snprintf(m, ml, T("a \"<\" that starts no tag: in text, write < "
		    "as &lt;%s%s%s", "“<”后面不是元素名：文字中的小于号请写成 &lt;%s%s%s"),
		    have ? T(" (", "（") : "", have ? ex : "",
		    have ? T(")", "）") : "");
}

/* Messages for a value without straight quotes (39) or without a value (41). */
static void
msg_quotes(int zh_, const xmlError *err, const char *s, const char *e,
    const char *at, char *m, size_t ml)
{
	char	name[64], val[160];
	int	ime = 0;

	if (err->code == XML_ERR_ATTRIBUTE_WITHOUT_VALUE && err->str1 != NULL &&
	    strstr(err->str1, "\xEF\xBC\x9D") != NULL) {
		/* x＝"1": a full-width equals sign is read as part of the name */
		snprintf(m, ml, T("full-width equals sign \"＝\" after %.*s: write "
		    "a plain = (name=\"value\")", "属性 %.*s 后面是全角等号“＝”："
		    "请改为半角 =（写成 名称=\"值\"）"),
		    (int)(strstr(err->str1, "\xEF\xBC\x9D") - err->str1), err->str1);
		return;
	}
	if (err->code == XML_ERR_ATTRIBUTE_WITHOUT_VALUE) {
		snprintf(m, ml, T("attribute %s has no value: write %s=\"…\"",
		    "属性 %s 没有值：请写成 %s=\"…\""),
		    err->str1 ? err->str1 : "?", err->str1 ? err->str1 : "?");
		return;
	}
	if (s != NULL && unquoted_attr(s, e, at, name, sizeof(name), val,
	    sizeof(val), &ime) && ime)
		snprintf(m, ml, T("the value of %s is in full-width or curly "
		    "quotes (“…”, as an input method types them): XML needs "
		    "straight quotes; write %s=\"%s\"", "属性 %s 的值用了全角引号"
		    "（中文输入法的“…”）：XML 只认半角引号，请改为 %s=\"%s\""),
		    name, name, val);
	else if (s != NULL && unquoted_attr(s, e, at, name, sizeof(name), val,
	    sizeof(val), &ime))
		snprintf(m, ml, T("the value of %s is not in quotes: write %s=\"%s\"",
		    "属性 %s 的值没有加引号：请写成 %s=\"%s\""), name, name, val);
	else
		snprintf(m, ml, T("an attribute value is not in straight quotes: "
		    "write name=\"value\" with the \" of a Latin keyboard",
		    "属性值没有用半角引号：请写成 名称=\"值\"（半角引号 \"，不要用“”）"));
}

/* Messages for the limits (1, 2, 40, 45, 110). */
static int
msg_limits(int zh_, const xmlError *err, char *m, size_t ml)
{
	const char *msg = err->message != NULL ? err->message : "";

	if (err->code == XML_ERR_NAME_TOO_LONG)
		snprintf(m, ml, T("an element or attribute name is longer than "
		    "50,000 characters: look for a \"<\" that should be &lt;",
		    "元素名或属性名超过 5 万个字符：请检查是否有应写成 &lt; 的“<”"));
	else if (strstr(msg, "Excessive depth") != NULL)
		snprintf(m, ml, T("elements are nested more than 256 deep, which "
		    "no plan needs: look for start tags that are never closed",
		    "元素嵌套超过 256 层，计划书不需要这么深：请检查是否有开始标签没有对应的结束标签"));
	else if (strstr(msg, "Huge input lookup") != NULL ||
	    strstr(msg, "huge text") != NULL || strstr(msg, "too long") != NULL ||
	    strstr(msg, "too big") != NULL)
		snprintf(m, ml, T("one text, attribute value or comment is longer "
		    "than 10,000,000 characters, which no plan needs: look for a "
		    "quote or tag that is never closed, or split the text",
		    "某段文字、属性值或注释超过 1000 万个字符，计划书不需要这么长："
		    "请检查是否有引号或标签没有闭合，或把文字拆开"));
	else
		return 0;
	return 1;
}

/* Messages about declarations, comments, instructions and CDATA. */
static int
msg_markup(int zh_, const xmlError *err, char *m, size_t ml)
{
	switch (err->code) {
	case XML_ERR_COMMENT_NOT_FINISHED:
		snprintf(m, ml, T("a comment <!-- is never closed: end it with -->",
		    "注释 <!-- 没有结束：请用 --> 结束它"));
		return 1;
	case XML_ERR_HYPHEN_IN_COMMENT:
		snprintf(m, ml, T("\"--\" inside a comment: XML forbids it; write "
		    "one hyphen or a dash (—)", "注释中出现了“--”：XML 不允许；请改用一个连字符或破折号（——）"));
		return 1;
	case XML_ERR_PI_NOT_STARTED:
		snprintf(m, ml, T("\"<?\" must be followed by a name, as in "
		    "<?plangen accept RULE?>", "“<?”后面必须紧跟名称，例如 <?plangen accept 规则?>"));
		return 1;
	case XML_ERR_PI_NOT_FINISHED:
		snprintf(m, ml, T("a processing instruction <?%s is never closed: "
		    "end it with ?>", "处理指令 <?%s 没有结束：请用 ?> 结束它"),
		    err->str1 ? err->str1 : "");
		return 1;
	case XML_ERR_RESERVED_XML_NAME:
		snprintf(m, ml, T("the XML declaration <?xml …?> may only be the "
		    "very first thing in the file (nothing before it, not even a "
		    "blank line), and only once", "XML 声明 <?xml …?> 只能出现一次，"
		    "且必须在文件最开头（前面不能有任何内容，包括空行）"));
		return 1;
	case XML_ERR_XMLDECL_NOT_FINISHED:
	case XML_ERR_VERSION_MISSING:
	case XML_ERR_STANDALONE_VALUE:
	case XML_ERR_STRING_NOT_CLOSED:
		snprintf(m, ml, T("the XML declaration is malformed: write "
		    "<?xml version=\"1.0\" encoding=\"UTF-8\"?> (or leave it out)",
		    "XML 声明写得不对：请写成 <?xml version=\"1.0\" encoding=\"UTF-8\"?>（也可以省略）"));
		return 1;
	case XML_ERR_CDATA_NOT_FINISHED:
		snprintf(m, ml, T("a CDATA section <![CDATA[ is never closed: end "
		    "it with ]]>", "CDATA 段 <![CDATA[ 没有结束：请用 ]]> 结束它"));
		return 1;
	case XML_ERR_MISPLACED_CDATA_END:
		snprintf(m, ml, T("\"]]>\" in text: XML forbids it; write ]]&gt;",
		    "文字中出现了“]]>”：XML 不允许；请写成 ]]&gt;"));
		return 1;
	}
	return 0;
}

/* Messages about characters and references (6, 7, 8, 9, 26). */
static int
msg_chars(int zh_, const xmlError *err, char *m, size_t ml)
{
	const char	*msg = err->message != NULL ? err->message : "";
	char		 u[16];

	switch (err->code) {
	case XML_ERR_INVALID_HEX_CHARREF:
	case XML_ERR_INVALID_DEC_CHARREF:
	case XML_ERR_INVALID_CHARREF:
		snprintf(m, ml, T("a malformed character reference: write &#160; "
		    "(decimal) or &#xA0; (hexadecimal), ending with \";\"",
		    "字符引用写得不对：请写成 &#160;（十进制）或 &#xA0;（十六进制），以“;”结尾"));
		return 1;
	case XML_ERR_INVALID_CHAR:
		if (strstr(msg, "xmlParseCharRef") != NULL) {
			ucode(u, sizeof(u), (unsigned long)err->int1);
			snprintf(m, ml, T("the character reference names %s, which "
			    "XML does not allow: delete it", "字符引用指向 %s，XML 不允许这个字符：请删除它"),
			    u);
		} else if (strstr(msg, "attribute") != NULL)
			snprintf(m, ml, T("an attribute value holds a control "
			    "character XML does not allow (often pasted from another "
			    "program): delete it", "属性值中有 XML 不允许的控制字符（常见于从其他程序粘贴）：请删除它"));
		else {
			ucode(u, sizeof(u), (unsigned long)err->int1);
			snprintf(m, ml, T("the control character %s is not allowed "
			    "in XML (often pasted from another program): delete it",
			    "文字中有 XML 不允许的控制字符 %s（常见于从其他程序粘贴）：请删除它"), u);
		}
		return 1;
	case XML_ERR_UNDECLARED_ENTITY:
	case XML_WAR_UNDECLARED_ENTITY:
		if (err->str1 != NULL && strcmp(err->str1, "nbsp") == 0)
			snprintf(m, ml, T("&nbsp; is HTML, not XML: write a plain "
			    "space, or the character itself (U+00A0, or &#160;)",
			    "&nbsp; 是 HTML 的写法，XML 不认识：请直接写空格，或写成 &#160;"));
		else
			snprintf(m, ml, T("&%s; is not defined in XML: write the "
			    "character itself; XML knows only &lt; &gt; &amp; "
			    "&quot; &apos; and character references (&#8212;); a "
			    "literal & is written &amp;", "XML 没有定义 &%s;：请直接写出这个字符；XML 只认 "
			    "&lt; &gt; &amp; &quot; &apos; 和字符引用（如 &#8212;），& 本身要写成 &amp;"),
			    err->str1 != NULL ? err->str1 : "");
		return 1;
	}
	return 0;
}

/* Messages about tags and the document's shape. */
static int
msg_tags(int zh_, const xmlError *err, const char *s, const char *e,
    char *m, size_t ml)
{
	const char *msg = err->message != NULL ? err->message : "";

	switch (err->code) {
	case XML_ERR_TAG_NOT_FINISHED:
		snprintf(m, ml, T("the file ends before <%s> (opened on line %d) "
		    "is closed: add </%s>, or is the file truncated?",
		    "文件在 <%s>（第 %d 行开始）结束之前就结束了：请补上 </%s>，或检查文件是否不完整"),
		    err->str1 ? err->str1 : "?", err->int1, err->str1 ? err->str1 : "?");
		return 1;
	case XML_ERR_TAG_NAME_MISMATCH:
		if (err->str2 != NULL && strcmp(err->str2, "unparsable") == 0)
			snprintf(m, ml, T("an end tag is malformed: close <%s> "
			    "(opened on line %d) with </%s>, no space after </",
			    "结束标签写得不对：请用 </%s> 关闭第 %d 行的 <%s>（</ 后面不能有空格）"),
			    err->str1 ? err->str1 : "?", err->int1,
			    err->str1 ? err->str1 : "?");
		else if (zh_)
			snprintf(m, ml, "</%s> 与第 %d 行的 <%s> 不配对：请先关闭 <%s>，"
			    "或改正其中一个的拼写", err->str2 ? err->str2 : "?",
			    err->int1, err->str1 ? err->str1 : "?",
			    err->str1 ? err->str1 : "?");
		else
			snprintf(m, ml, "</%s> does not close <%s> (opened on line "
			    "%d): close <%s> first, or fix the spelling of one of "
			    "them", err->str2 ? err->str2 : "?",
			    err->str1 ? err->str1 : "?", err->int1,
			    err->str1 ? err->str1 : "?");
		return 1;
	case XML_ERR_GT_REQUIRED:
		if (strncmp(msg, "expected '>'", 12) == 0)
			snprintf(m, ml, T("an end tag is not closed with \">\": write "
			    "</name>", "结束标签没有用“>”结束：请写成 </名称>"));
		else
			snprintf(m, ml, T("the start tag <%s> is not closed with \">\": "
			    "check its quotes and end it with > (or /> if empty)",
			    "开始标签 <%s> 没有用“>”结束：请检查引号，并以 >（空元素用 />）结束"),
			    err->str1 ? err->str1 : "?");
		return 1;
	case XML_ERR_SPACE_REQUIRED:
		snprintf(m, ml, T("attributes must be separated by a space: "
		    "a=\"1\" b=\"2\"", "属性之间要有空格：a=\"1\" b=\"2\""));
		return 1;
	case XML_ERR_ATTRIBUTE_REDEFINED:
		snprintf(m, ml, T("attribute %s%s%s is given twice in one tag: "
		    "keep one", "同一个标签中属性 %s%s%s 出现了两次：请只保留一个"),
		    err->str1 ? err->str1 : "?", err->str2 ? ":" : "",
		    err->str2 ? err->str2 : "");
		return 1;
	case XML_ERR_DOCUMENT_EMPTY:
		if (s == NULL || s == e)
			snprintf(m, ml, T("the file is empty: a plan starts with "
			    "<plan version=\"1\">", "文件是空的：计划书以 <plan version=\"1\"> 开头"));
		else
			snprintf(m, ml, T("text before the first tag: a plan starts "
			    "with <plan version=\"1\"> (or <?xml …?>)",
			    "第一个标签之前有文字：计划书以 <plan version=\"1\">（或 <?xml …?>）开头"));
		return 1;
	case XML_ERR_DOCUMENT_END:
		snprintf(m, ml, T("content after </plan>: a plan is one <plan> "
		    "element; move it inside, or remove a stray end tag",
		    "</plan> 之后还有内容：计划书只有一个 <plan> 元素；请把内容移进去，或删掉多余的结束标签"));
		return 1;
	case XML_NS_ERR_UNDEFINED_NAMESPACE:
		snprintf(m, ml, T("the prefix \"%s:\" (on %s) is not defined: plan "
		    "elements and attributes have no prefix; remove \"%s:\"",
		    "前缀“%s:”（在 %s 上）没有定义：计划书的元素和属性不带前缀；请删掉“%s:”"),
		    err->str1 ? err->str1 : "?", err->str2 ? err->str2 : "?",
		    err->str1 ? err->str1 : "?");
		return 1;
	case XML_NS_ERR_XML_NAMESPACE:
	case XML_NS_ERR_EMPTY:
	case XML_NS_ERR_QNAME:
		snprintf(m, ml, T("a malformed namespace declaration: plan "
		    "elements need none; remove the xmlns attribute",
		    "命名空间声明写得不对：计划书不需要命名空间；请删掉 xmlns 属性"));
		return 1;
	}
	return 0;
}

void
pg_xml_syntax_msg(const xmlError *err, const char *buf, size_t len,
    enum pg_lang l, char *m, size_t ml)
{
	const char	*s = NULL, *e = NULL, *at = NULL;
	const char	*msg = err->message != NULL ? err->message : "";
	int		 zh_ = l == PG_LANG_ZH;

	if (line_of(buf, len, err->line > 0 ? (unsigned long)err->line : 1,
	    &s, &e))
		at = col_ptr(s, e, err->int2);
	else
		s = e = NULL;
	m[0] = '\0';
	if (msg_limits(zh_, err, m, ml) || msg_markup(zh_, err, m, ml) ||
	    msg_chars(zh_, err, m, ml) || msg_tags(zh_, err, s, e, m, ml))
		return;
	switch (err->code) {
	case XML_ERR_ENTITYREF_SEMICOL_MISSING:
		msg_bare(zh_, 1, s, e, at, m, ml);
		return;
	case XML_ERR_NAME_REQUIRED:
		if (strstr(msg, "EntityRef") != NULL)
			msg_bare(zh_, 1, s, e, at, m, ml);
		else if (strstr(msg, "attribute name") != NULL)
			snprintf(m, ml, T("a tag holds something that is not an "
			    "attribute (a stray quote, \"/\" or word): attributes are "
			    "written name=\"value\", separated by spaces",
			    "标签里有不是属性的内容（多余的引号、“/”或文字）：属性写成 名称=\"值\"，用空格分隔"));
		else
			msg_bare(zh_, 0, s, e, at, m, ml);
		return;
	case XML_ERR_LT_IN_ATTRIBUTE:
		snprintf(m, ml, T("\"<\" inside an attribute value: write &lt;, "
		    "or close the value with its quote", "属性值中出现了“<”：请写成 &lt;，或检查属性值的引号是否闭合"));
		return;
	case XML_ERR_ATTRIBUTE_NOT_STARTED:
	case XML_ERR_ATTRIBUTE_WITHOUT_VALUE:
		msg_quotes(zh_, err, s, e, at, m, ml);
		return;
	case XML_ERR_ATTRIBUTE_NOT_FINISHED:
		snprintf(m, ml, T("an attribute value is never closed: end it "
		    "with the quote it starts with", "属性值没有结束：请用开头的同一种引号结束它"));
		return;
	case XML_ERR_NO_MEMORY:
		snprintf(m, ml, T("out of memory", "内存不足"));
		return;
	}
	snprintf(m, ml, T("the markup on this line is malformed (libxml2 error "
	    "%d): check its tags, quotes and & characters", "这一行的标记写得不对"
	    "（libxml2 错误 %d）：请检查标签、引号和 & 字符"), err->code);
}

/*
 * If p starts an attribute named lang (or xml:lang) and its = (also a
 * full-width ＝), where its value starts (after any quote); else NULL.
 */
static const char *
lang_value(const char *p, const char *e)
{
	if (e - p < 5 || memcmp(p, "lang", 4) != 0)
		return NULL;
	if (p[-1] != ' ' && p[-1] != '\t' && p[-1] != '\n' && p[-1] != '\r' &&
	    p[-1] != ':')
		return NULL;
	p += 4;
	while (p < e && (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r'))
		p++;
	if (p >= e || (*p != '=' && (e - p < 3 ||
	    memcmp(p, "\xEF\xBC\x9D", 3) != 0)))
		return NULL;
	p += *p == '=' ? 1 : 3;
	while (p < e && (*p == ' ' || *p == '\t'))
		p++;
	if (p < e && (*p == '"' || *p == '\''))
		p++;
	else
		p += ime_quote(p, e);
	return p;
}

char *
pg_xml_raw_tag(const char *buf, size_t len, char *tag, size_t tn)
{
	const char	*p = buf, *e = buf + len, *v;
	size_t		 n;

	tag[0] = '\0';
	/* the first start tag that is not <?...?> or <!...> */
	while (p < e) {
		const char *lt = memchr(p, '<', (size_t)(e - p));
		if (lt == NULL || lt + 1 >= e)
			return tag;
		p = lt + 1;
		if (*p != '?' && *p != '!')
			break;
	}
	for (; p < e && *p != '>'; p++) {
		if ((v = lang_value(p, e)) == NULL)
			continue;
		for (n = 0; n + 1 < tn && v + n < e && v[n] != '"' &&
		    v[n] != '\'' && v[n] != ' ' && v[n] != '>' &&
		    (unsigned char)v[n] < 0x80; n++)
			tag[n] = v[n];
		tag[n] = '\0';
		break;
	}
	return tag;
}

enum pg_lang
pg_xml_raw_lang(const char *buf, size_t len)
{
	char tag[36];

	return pg_lang_of(pg_xml_raw_tag(buf, len, tag, sizeof(tag)));
}
