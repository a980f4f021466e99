/*
 * test_xml_msg.c — what a plan author reads for each libxml2 error a plan
 * can meet (pg_xml_syntax_msg), in English and Chinese, with the error as
 * libxml2 2.9.14 reports it (code, message, str1, str2, int1, line,
 * column) and the plan's text around it: the cause and the fix in the
 * plan's terms, the names from the error ("?" where libxml2 gives none),
 * never libxml2's own words; and the plan's language found in the raw
 * bytes of a file that cannot be parsed (pg_xml_raw_lang, pg_xml_raw_tag).
 * tests/e2e/syntax.sh shows the messages through the program; this test
 * reaches the error details a file rarely produces.
 */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>
#include <libxml/xmlerror.h>

#include "base/lang.h"
#include "read/xml_read.h"

static char	out[1024];

/* The message for one error, in language l, about document buf (or none). */
static const char *
say(enum pg_lang l, int code, const char *message, const char *str1,
    const char *str2, int int1, int line, int col, const char *buf)
{
	xmlError	err;

	memset(&err, 0, sizeof(err));
	err.domain = XML_FROM_PARSER;
	err.code = code;
	err.message = (char *)message;
	err.str1 = (char *)str1;
	err.str2 = (char *)str2;
	err.int1 = int1;
	err.int2 = col;
	err.line = line;
	pg_xml_syntax_msg(&err, buf, buf != NULL ? strlen(buf) : 0, l, out,
	    sizeof(out));
	return out;
}

#define EN	PG_LANG_EN
#define ZH	PG_LANG_ZH

/* Exactly this message. */
#define SAYS(want, ...)	assert_string_equal(say(__VA_ARGS__), want)

static void
test_limits(void **state)
{
	(void)state;
	SAYS("an element or attribute name is longer than 50,000 characters: "
	    "look for a \"<\" that should be &lt;",
	    EN, XML_ERR_NAME_TOO_LONG, "Name too long", NULL, NULL, 0, 1, 1, NULL);
	SAYS("元素名或属性名超过 5 万个字符：请检查是否有应写成 &lt; 的“<”",
	    ZH, XML_ERR_NAME_TOO_LONG, "Name too long", NULL, NULL, 0, 1, 1, NULL);
	SAYS("元素嵌套超过 256 层，计划书不需要这么深：请检查是否有开始标签没有对应的结束标签",
	    ZH, XML_ERR_INTERNAL_ERROR, "Excessive depth in document: 256 use "
	    "XML_PARSE_HUGE option\n", NULL, NULL, 256, 300, 1, NULL);
	/* each of libxml2's wordings of a value, text or comment too long */
	static const char *const huge[] = { "Huge input lookup\n",
	    "xmlSAX2Characters: huge text node\n", "AttValue length too long\n",
	    "comment too big found" };
	for (size_t i = 0; i < sizeof(huge) / sizeof(huge[0]); i++) {
		assert_non_null(strstr(say(EN, XML_ERR_INTERNAL_ERROR, huge[i],
		    NULL, NULL, 0, 3, 1, NULL), "longer than 10,000,000 "
		    "characters, which no plan needs"));
		assert_non_null(strstr(say(ZH, XML_ERR_INTERNAL_ERROR, huge[i],
		    NULL, NULL, 0, 3, 1, NULL), "超过 1000 万个字符"));
	}
	/* an internal error of another kind: the code, no libxml2 words */
	SAYS("the markup on this line is malformed (libxml2 error 1): check its "
	    "tags, quotes and & characters", EN, XML_ERR_INTERNAL_ERROR,
	    "something else\n", NULL, NULL, 0, 1, 1, NULL);
	SAYS("这一行的标记写得不对（libxml2 错误 1）：请检查标签、引号和 & 字符",
	    ZH, XML_ERR_INTERNAL_ERROR, NULL, NULL, NULL, 0, 1, 1, NULL);
	SAYS("out of memory", EN, XML_ERR_NO_MEMORY, "Memory allocation failed",
	    NULL, NULL, 0, 1, 1, NULL);
	SAYS("内存不足", ZH, XML_ERR_NO_MEMORY, NULL, NULL, NULL, 0, 1, 1, NULL);
	SAYS("这一行的标记写得不对（libxml2 错误 999）：请检查标签、引号和 & 字符",
	    ZH, 999, "whatever", NULL, NULL, 0, 0, 0, NULL);
}

static void
test_markup(void **state)
{
	(void)state;
	SAYS("a comment <!-- is never closed: end it with -->", EN,
	    XML_ERR_COMMENT_NOT_FINISHED, "Comment not terminated", NULL, NULL,
	    0, 2, 1, NULL);
	SAYS("注释 <!-- 没有结束：请用 --> 结束它", ZH,
	    XML_ERR_COMMENT_NOT_FINISHED, NULL, NULL, NULL, 0, 2, 1, NULL);
	SAYS("\"--\" inside a comment: XML forbids it; write one hyphen or a "
	    "dash (—)", EN, XML_ERR_HYPHEN_IN_COMMENT, NULL, NULL, NULL, 0, 2,
	    1, NULL);
	SAYS("注释中出现了“--”：XML 不允许；请改用一个连字符或破折号（——）", ZH,
	    XML_ERR_HYPHEN_IN_COMMENT, NULL, NULL, NULL, 0, 2, 1, NULL);
	SAYS("\"<?\" must be followed by a name, as in <?plangen accept RULE?>",
	    EN, XML_ERR_PI_NOT_STARTED, NULL, NULL, NULL, 0, 2, 1, NULL);
	SAYS("“<?”后面必须紧跟名称，例如 <?plangen accept 规则?>", ZH,
	    XML_ERR_PI_NOT_STARTED, NULL, NULL, NULL, 0, 2, 1, NULL);
	SAYS("a processing instruction <?plangen is never closed: end it with ?>",
	    EN, XML_ERR_PI_NOT_FINISHED, NULL, "plangen", NULL, 0, 2, 1, NULL);
	SAYS("处理指令 <? 没有结束：请用 ?> 结束它", ZH,
	    XML_ERR_PI_NOT_FINISHED, NULL, NULL, NULL, 0, 2, 1, NULL);
	SAYS("XML 声明 <?xml …?> 只能出现一次，且必须在文件最开头（前面不能有任何内容，包括空行）",
	    ZH, XML_ERR_RESERVED_XML_NAME, NULL, NULL, NULL, 0, 2, 1, NULL);
	static const int decl[] = { XML_ERR_XMLDECL_NOT_FINISHED,
	    XML_ERR_VERSION_MISSING, XML_ERR_STANDALONE_VALUE,
	    XML_ERR_STRING_NOT_CLOSED };
	for (size_t i = 0; i < sizeof(decl) / sizeof(decl[0]); i++) {
		SAYS("the XML declaration is malformed: write <?xml version="
		    "\"1.0\" encoding=\"UTF-8\"?> (or leave it out)", EN,
		    decl[i], NULL, NULL, NULL, 0, 1, 1, NULL);
		SAYS("XML 声明写得不对：请写成 <?xml version=\"1.0\" encoding="
		    "\"UTF-8\"?>（也可以省略）", ZH, decl[i], NULL, NULL,
		    NULL, 0, 1, 1, NULL);
	}
	SAYS("CDATA 段 <![CDATA[ 没有结束：请用 ]]> 结束它", ZH,
	    XML_ERR_CDATA_NOT_FINISHED, NULL, NULL, NULL, 0, 2, 1, NULL);
	SAYS("\"]]>\" in text: XML forbids it; write ]]&gt;", EN,
	    XML_ERR_MISPLACED_CDATA_END, NULL, NULL, NULL, 0, 2, 1, NULL);
}

static void
test_chars(void **state)
{
	static const int ref[] = { XML_ERR_INVALID_HEX_CHARREF,
	    XML_ERR_INVALID_DEC_CHARREF, XML_ERR_INVALID_CHARREF };

	(void)state;
	for (size_t i = 0; i < sizeof(ref) / sizeof(ref[0]); i++) {
		SAYS("a malformed character reference: write &#160; (decimal) "
		    "or &#xA0; (hexadecimal), ending with \";\"", EN, ref[i],
		    NULL, NULL, NULL, 0, 2, 1, NULL);
		SAYS("字符引用写得不对：请写成 &#160;（十进制）或 &#xA0;（十六进制），以“;”结尾",
		    ZH, ref[i], NULL, NULL, NULL, 0, 2, 1, NULL);
	}
	SAYS("字符引用指向 U+0001，XML 不允许这个字符：请删除它", ZH,
	    XML_ERR_INVALID_CHAR, "xmlParseCharRef: invalid xmlChar value 1\n",
	    NULL, NULL, 1, 2, 1, NULL);
	SAYS("the character reference names U+FFFE, which XML does not allow: "
	    "delete it", EN, XML_ERR_INVALID_CHAR, "xmlParseCharRef: invalid "
	    "xmlChar value 65534\n", NULL, NULL, 0xFFFE, 2, 1, NULL);
	SAYS("属性值中有 XML 不允许的控制字符（常见于从其他程序粘贴）：请删除它", ZH,
	    XML_ERR_INVALID_CHAR, "invalid character in attribute value\n",
	    NULL, NULL, 0, 2, 1, NULL);
	SAYS("the control character U+001B is not allowed in XML (often pasted "
	    "from another program): delete it", EN, XML_ERR_INVALID_CHAR,
	    "PCDATA invalid Char value 27\n", NULL, NULL, 27, 2, 1, NULL);
	SAYS("文字中有 XML 不允许的控制字符 U+000C（常见于从其他程序粘贴）：请删除它",
	    ZH, XML_ERR_INVALID_CHAR, NULL, NULL, NULL, 12, 2, 1, NULL);
	SAYS("&nbsp; 是 HTML 的写法，XML 不认识：请直接写空格，或写成 &#160;", ZH,
	    XML_ERR_UNDECLARED_ENTITY, NULL, "nbsp", NULL, 0, 2, 1, NULL);
	SAYS("&mdash; is not defined in XML: write the character itself; XML "
	    "knows only &lt; &gt; &amp; &quot; &apos; and character references "
	    "(&#8212;); a literal & is written &amp;", EN,
	    XML_WAR_UNDECLARED_ENTITY, NULL, "mdash", NULL, 0, 2, 1, NULL);
	assert_non_null(strstr(say(ZH, XML_ERR_UNDECLARED_ENTITY, NULL, NULL,
	    NULL, 0, 2, 1, NULL), "XML 没有定义 &;："));
}

static void
test_tags(void **state)
{
	(void)state;
	SAYS("the file ends before <?> (opened on line 0) is closed: add </?>, "
	    "or is the file truncated?", EN, XML_ERR_TAG_NOT_FINISHED, NULL,
	    NULL, NULL, 0, 9, 1, NULL);
	SAYS("文件在 <?>（第 0 行开始）结束之前就结束了：请补上 </?>，或检查文件是否不完整",
	    ZH, XML_ERR_TAG_NOT_FINISHED, NULL, NULL, NULL, 0, 9, 1, NULL);
	/* </ plan>: libxml2 cannot read the end tag's name */
	SAYS("an end tag is malformed: close <plan> (opened on line 1) with "
	    "</plan>, no space after </", EN, XML_ERR_TAG_NAME_MISMATCH, NULL,
	    "plan", "unparsable", 1, 5, 3, "<plan version=\"2\">\n\n\n\n</ plan>");
	SAYS("结束标签写得不对：请用 </?> 关闭第 1 行的 <?>（</ 后面不能有空格）",
	    ZH, XML_ERR_TAG_NAME_MISMATCH, NULL, NULL, "unparsable", 1, 5, 3,
	    NULL);
	SAYS("</?> 与第 4 行的 <?> 不配对：请先关闭 <?>，或改正其中一个的拼写", ZH,
	    XML_ERR_TAG_NAME_MISMATCH, NULL, NULL, NULL, 4, 6, 1, NULL);
	SAYS("</?> does not close <?> (opened on line 4): close <?> first, or "
	    "fix the spelling of one of them", EN, XML_ERR_TAG_NAME_MISMATCH,
	    NULL, NULL, NULL, 4, 6, 1, NULL);
	SAYS("the start tag <?> is not closed with \">\": check its quotes and "
	    "end it with > (or /> if empty)", EN, XML_ERR_GT_REQUIRED,
	    "Couldn't find end of Start Tag\n", NULL, NULL, 0, 2, 1, NULL);
	SAYS("结束标签没有用“>”结束：请写成 </名称>", ZH, XML_ERR_GT_REQUIRED,
	    "expected '>'\n", NULL, NULL, 0, 2, 1, NULL);
	SAYS("属性之间要有空格：a=\"1\" b=\"2\"", ZH, XML_ERR_SPACE_REQUIRED,
	    NULL, NULL, NULL, 0, 2, 1, NULL);
	SAYS("attribute xml:lang is given twice in one tag: keep one", EN,
	    XML_ERR_ATTRIBUTE_REDEFINED, NULL, "xml", "lang", 0, 1, 1, NULL);
	SAYS("同一个标签中属性 ? 出现了两次：请只保留一个", ZH,
	    XML_ERR_ATTRIBUTE_REDEFINED, NULL, NULL, NULL, 0, 1, 1, NULL);
	SAYS("the file is empty: a plan starts with <plan version=\"1\">", EN,
	    XML_ERR_DOCUMENT_EMPTY, NULL, NULL, NULL, 0, 1, 1, NULL);
	SAYS("文件是空的：计划书以 <plan version=\"1\"> 开头", ZH,
	    XML_ERR_DOCUMENT_EMPTY, NULL, NULL, NULL, 0, 1, 1, "");
	SAYS("text before the first tag: a plan starts with <plan version=\"1\"> "
	    "(or <?xml …?>)", EN, XML_ERR_DOCUMENT_EMPTY, NULL, NULL, NULL, 0,
	    1, 1, "plan version 2");
	SAYS("</plan> 之后还有内容：计划书只有一个 <plan> 元素；请把内容移进去，或删掉多余的结束标签",
	    ZH, XML_ERR_DOCUMENT_END, NULL, NULL, NULL, 0, 3, 1, NULL);
	SAYS("前缀“?:”（在 ? 上）没有定义：计划书的元素和属性不带前缀；请删掉“?:”", ZH,
	    XML_NS_ERR_UNDEFINED_NAMESPACE, NULL, NULL, NULL, 0, 1, 1, NULL);
	SAYS("the prefix \"pg:\" (on title) is not defined: plan elements and "
	    "attributes have no prefix; remove \"pg:\"", EN,
	    XML_NS_ERR_UNDEFINED_NAMESPACE, NULL, "pg", "title", 0, 1, 1, NULL);
	static const int ns[] = { XML_NS_ERR_XML_NAMESPACE, XML_NS_ERR_EMPTY,
	    XML_NS_ERR_QNAME };
	for (size_t i = 0; i < sizeof(ns) / sizeof(ns[0]); i++) {
		SAYS("a malformed namespace declaration: plan elements need "
		    "none; remove the xmlns attribute", EN, ns[i], NULL, NULL,
		    NULL, 0, 1, 1, NULL);
		SAYS("命名空间声明写得不对：计划书不需要命名空间；请删掉 xmlns 属性", ZH,
		    ns[i], NULL, NULL, NULL, 0, 1, 1, NULL);
	}
}

/* A bare & or < named with the text around it, on the error's line. */
static void
test_bare(void **state)
{
	static const char plan[] =
	    "<plan version=\"2\">\n"
	    "<title>B2B&团检 &amp; x</title>\n"
	    "<p>a &lt b</p>\n"
	    "<p>x < y</p>\n"
	    "<p>&</p>\n"
	    "<p>tail <";

	(void)state;
	SAYS("a bare \"&\" in the text (XML reads & as the start of a "
	    "reference): write it as &amp; (B2B&amp;团检 &amp; x)", EN,
	    XML_ERR_ENTITYREF_SEMICOL_MISSING, NULL, NULL, NULL, 0, 2, 12, plan);
	SAYS("文字中有单独的“&”（XML 把 & 当作引用的开头）：请写成 &amp;（B2B&amp;团检 &amp; x）",
	    ZH, XML_ERR_NAME_REQUIRED, "xmlParseEntityRef: no name\n", NULL,
	    NULL, 0, 2, 12, plan);
	SAYS("引用 &lt 缺少“;”：请写成 &lt;", ZH,
	    XML_ERR_ENTITYREF_SEMICOL_MISSING, NULL, NULL, NULL, 0, 3, 8, plan);
	SAYS("the reference &lt has no \";\": write &lt;", EN,
	    XML_ERR_ENTITYREF_SEMICOL_MISSING, NULL, NULL, NULL, 0, 3, 8, plan);
	SAYS("a \"<\" that starts no tag: in text, write < as &lt; (x &lt; y)",
	    EN, XML_ERR_NAME_REQUIRED, "StartTag: invalid element name\n",
	    NULL, NULL, 0, 4, 7, plan);
	SAYS("“<”后面不是元素名：文字中的小于号请写成 &lt;（x &lt; y）", ZH,
	    XML_ERR_NAME_REQUIRED, "StartTag: invalid element name\n", NULL,
	    NULL, 0, 4, 7, plan);
	/* alone between tags: no text to show */
	SAYS("a bare \"&\" in the text (XML reads & as the start of a "
	    "reference): write it as &amp;", EN,
	    XML_ERR_ENTITYREF_SEMICOL_MISSING, NULL, NULL, NULL, 0, 5, 5, plan);
	SAYS("文字中有单独的“&”（XML 把 & 当作引用的开头）：请写成 &amp;", ZH,
	    XML_ERR_ENTITYREF_SEMICOL_MISSING, NULL, NULL, NULL, 0, 5, 5, plan);
	/* < at the very end of the file */
	SAYS("“<”后面不是元素名：文字中的小于号请写成 &lt;（tail &lt;）", ZH,
	    XML_ERR_NAME_REQUIRED, "StartTag: invalid element name\n", NULL,
	    NULL, 0, 6, 10, plan);
	/* a line the file does not have, or no file: the advice alone */
	SAYS("a \"<\" that starts no tag: in text, write < as &lt;", EN,
	    XML_ERR_NAME_REQUIRED, NULL, NULL, NULL, 0, 40, 1, plan);
	SAYS("a bare \"&\" in the text (XML reads & as the start of a "
	    "reference): write it as &amp;", EN,
	    XML_ERR_ENTITYREF_SEMICOL_MISSING, NULL, NULL, NULL, 0, 0, 1, NULL);
	SAYS("标签里有不是属性的内容（多余的引号、“/”或文字）：属性写成 名称=\"值\"，用空格分隔",
	    ZH, XML_ERR_NAME_REQUIRED, "error parsing attribute name\n", NULL,
	    NULL, 0, 1, 1, plan);
}

/* Values without straight quotes, attributes without a value. */
static void
test_quotes(void **state)
{
	static const char plan[] =
	    "<plan version=\"2\">\n"
	    "<goal id=g1 weight=\"2\"/>\n"
	    "<goal id=\xE2\x80\x9Cg2\xE2\x80\x9D/>\n"
	    "<goal id = \xEF\xBC\x82g3\xEF\xBC\x82>\n"
	    "<goal checked>\n"
	    "<goal>\n";

	(void)state;
	SAYS("the value of id is not in quotes: write id=\"g1\"", EN,
	    XML_ERR_ATTRIBUTE_NOT_STARTED, NULL, NULL, NULL, 0, 2, 10, plan);
	SAYS("属性 id 的值没有加引号：请写成 id=\"g1\"", ZH,
	    XML_ERR_ATTRIBUTE_NOT_STARTED, NULL, NULL, NULL, 0, 2, 10, plan);
	SAYS("the value of id is in full-width or curly quotes (“…”, as an "
	    "input method types them): XML needs straight quotes; write "
	    "id=\"g2\"", EN, XML_ERR_ATTRIBUTE_NOT_STARTED, NULL, NULL, NULL,
	    0, 3, 10, plan);
	SAYS("属性 id 的值用了全角引号（中文输入法的“…”）：XML 只认半角引号，请改为 id=\"g3\"",
	    ZH, XML_ERR_ATTRIBUTE_NOT_STARTED, NULL, NULL, NULL, 0, 4, 12,
	    plan);
	/* no = on the line: the general advice */
	SAYS("an attribute value is not in straight quotes: write name=\"value\" "
	    "with the \" of a Latin keyboard", EN,
	    XML_ERR_ATTRIBUTE_NOT_STARTED, NULL, NULL, NULL, 0, 5, 8, plan);
	SAYS("属性值没有用半角引号：请写成 名称=\"值\"（半角引号 \"，不要用“”）", ZH,
	    XML_ERR_ATTRIBUTE_NOT_STARTED, NULL, NULL, NULL, 0, 6, 6, plan);
	SAYS("an attribute value is not in straight quotes: write name=\"value\" "
	    "with the \" of a Latin keyboard", EN,
	    XML_ERR_ATTRIBUTE_NOT_STARTED, NULL, NULL, NULL, 0, 1, 1, NULL);
	SAYS("attribute checked has no value: write checked=\"…\"", EN,
	    XML_ERR_ATTRIBUTE_WITHOUT_VALUE, NULL, "checked", NULL, 0, 5, 15,
	    plan);
	SAYS("属性 ? 没有值：请写成 ?=\"…\"", ZH, XML_ERR_ATTRIBUTE_WITHOUT_VALUE,
	    NULL, NULL, NULL, 0, 5, 15, plan);
	SAYS("full-width equals sign \"＝\" after id: write a plain = "
	    "(name=\"value\")", EN, XML_ERR_ATTRIBUTE_WITHOUT_VALUE, NULL,
	    "id\xEF\xBC\x9D\"g4\"", NULL, 0, 1, 1, NULL);
	SAYS("属性值中出现了“<”：请写成 &lt;，或检查属性值的引号是否闭合", ZH,
	    XML_ERR_LT_IN_ATTRIBUTE, NULL, NULL, NULL, 0, 1, 1, NULL);
	SAYS("属性值没有结束：请用开头的同一种引号结束它", ZH,
	    XML_ERR_ATTRIBUTE_NOT_FINISHED, NULL, NULL, NULL, 0, 1, 1, NULL);
}

/* The plan's language from the raw bytes of its first start tag. */
static void
test_raw_lang(void **state)
{
	char	tag[8];

#define RAW(s)	pg_xml_raw_tag(s, sizeof(s) - 1, tag, sizeof(tag))
	(void)state;
	assert_string_equal(RAW("<?xml version=\"1.0\"?>\n<!-- lang=\"fr\" -->\n"
	    "<plan version=\"2\" lang=\"zh-CN\">"), "zh-CN");
	assert_string_equal(RAW("<plan xml:lang='zh-TW'>"), "zh-TW");
	assert_string_equal(RAW("<plan\n\tlang \r\n= \t\"zh\">"), "zh");
	/* full-width ＝ and input-method quotes */
	assert_string_equal(RAW("<plan lang\xEF\xBC\x9D\xE2\x80\x9Czh-CN"
	    "\xE2\x80\x9D>"), "zh-CN");
	assert_string_equal(RAW("<plan lang=zh>"), "zh");
	/* cut at the buffer, at a space, at the end of the file */
	assert_string_equal(RAW("<plan lang=\"zh-Hans-CN\">"), "zh-Hans");
	assert_string_equal(RAW("<plan lang=en us>"), "en");
	assert_string_equal(RAW("<plan lang=\"zh"), "zh");
	/* not the attribute lang: no language */
	assert_string_equal(RAW("<plan mylang=\"zh\" langs=\"zh\">"), "");
	assert_string_equal(RAW("<plan lang>"), "");
	assert_string_equal(RAW("<plan lang"), "");
	assert_string_equal(RAW("<plan version=\"2\"><meta lang=\"zh\"/>"), "");
	assert_string_equal(RAW("<?xml version=\"1.0\"?><"), "");
	assert_string_equal(RAW("no tag at all"), "");
	assert_string_equal(RAW(""), "");
#undef RAW
	assert_int_equal(pg_xml_raw_lang("<plan lang=\"zh-CN\">", 19),
	    PG_LANG_ZH);
	assert_int_equal(pg_xml_raw_lang("<plan lang=\"en\">", 16), PG_LANG_EN);
	assert_int_equal(pg_xml_raw_lang("<plan>", 6), PG_LANG_EN);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_limits),
		cmocka_unit_test(test_markup),
		cmocka_unit_test(test_chars),
		cmocka_unit_test(test_tags),
		cmocka_unit_test(test_bare),
		cmocka_unit_test(test_quotes),
		cmocka_unit_test(test_raw_lang),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
