/*
 * test_lib_msg.c — libxml2's RELAX NG validation and XPath errors, raised
 * by libxml2 itself on small schemas, documents and expressions, in the
 * words pg_lib_error_msg gives a rules file's or a template's author, in
 * English and Chinese: the element, attribute or value named, never the
 * library's own English ("Did not expect element z there", "Expecting an
 * element , got nothing").
 */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <libxml/parser.h>
#include <libxml/relaxng.h>
#include <libxml/xpath.h>

#include "read/lib_msg.h"

/* Every error libxml2 raised, in both languages, one per line. */
static char	en[8192], zh[8192];

static void
collect(void *data, xmlErrorPtr e)
{
	char	m[512];

	(void)data;
	pg_lib_error_msg(e, 0, m, sizeof(m));
	strncat(en, m, sizeof(en) - strlen(en) - 2);
	strcat(en, "\n");
	pg_lib_error_msg(e, 1, m, sizeof(m));
	strncat(zh, m, sizeof(zh) - strlen(zh) - 2);
	strcat(zh, "\n");
}

static const char schema[] =
    "<element name='r' xmlns='http://relaxng.org/ns/structure/1.0'"
    " datatypeLibrary='http://www.w3.org/2001/XMLSchema-datatypes'>"
    "<attribute name='n'><data type='integer'/></attribute>"
    "<element name='a'><empty/></element>"
    "<choice><element name='c'><choice><value>x</value><value>y</value>"
    "</choice></element><element name='f'><empty/></element></choice>"
    "<zeroOrMore><element name='d'><list><oneOrMore><data type='integer'/>"
    "</oneOrMore></list></element></zeroOrMore>"
    "<optional><element name='e'><data type='integer'/></element></optional>"
    "</element>";

/* Validate doc against the schema; the messages in en and zh. */
static void
validate(const char *doc)
{
	xmlRelaxNGParserCtxtPtr	 pc;
	xmlRelaxNGPtr		 rng;
	xmlRelaxNGValidCtxtPtr	 vc;
	xmlDocPtr		 d;

	en[0] = zh[0] = '\0';
	pc = xmlRelaxNGNewMemParserCtxt(schema, (int)strlen(schema));
	assert_non_null(rng = xmlRelaxNGParse(pc));
	assert_non_null(d = xmlReadMemory(doc, (int)strlen(doc), "x.xml", NULL,
	    XML_PARSE_NONET));
	vc = xmlRelaxNGNewValidCtxt(rng);
	xmlRelaxNGSetValidStructuredErrors(vc, collect, NULL);
	assert_int_not_equal(xmlRelaxNGValidateDoc(vc, d), 0);
	xmlRelaxNGFreeValidCtxt(vc);
	xmlFreeDoc(d);
	xmlRelaxNGFree(rng);
	xmlRelaxNGFreeParserCtxt(pc);
}

/* Evaluate an XPath expression on <r/>; the messages in en and zh. */
static void
xpath(const char *expr)
{
	xmlDocPtr		 d = xmlReadMemory("<r/>", 4, "x.xml", NULL, 0);
	xmlXPathContextPtr	 ctx = xmlXPathNewContext(d);

	en[0] = zh[0] = '\0';
	xmlSetStructuredErrorFunc(NULL, collect);
	assert_null(xmlXPathEval((const xmlChar *)expr, ctx));
	xmlSetStructuredErrorFunc(NULL, NULL);
	xmlXPathFreeContext(ctx);
	xmlFreeDoc(d);
}

#define HAS(buf, s)	do { if (strstr((buf), (s)) == NULL) \
	fail_msg("\"%s\" not in:\n%s", (s), (buf)); } while (0)

/* Nothing of libxml2's own English. */
static void
no_library_words(void)
{
	static const char *const lib[] = { "Did not expect", "Expecting",
	    "failed to validate", "Error validating", "Type integer",
	    "Invalid attribute", "Extra data", "Unfinished literal",
	    "Undefined", "Invalid expression", "Unregistered", "<>", NULL };
	size_t i;

	for (i = 0; lib[i] != NULL; i++) {
		if (strstr(en, lib[i]) != NULL || strstr(zh, lib[i]) != NULL)
			fail_msg("library words \"%s\" in:\n%s%s", lib[i], en, zh);
	}
}

static void
test_relaxng(void **state)
{
	(void)state;
	validate("<r n='1'><a/><z/></r>");
	HAS(en, "<z> is not allowed here (or is repeated)");
	HAS(zh, "此处不能有 <z>（或它重复了）");
	no_library_words();

	validate("<r n='1'/>");	/* several elements could come: none named */
	HAS(en, "an element is missing in <r>\n");
	HAS(zh, "<r> 中缺少元素\n");
	no_library_words();

	validate("<r n='1'><a>t</a><c>x</c></r>");
	HAS(en, "text is not allowed directly in <a>");
	HAS(zh, "<a> 中不能直接写文字");
	no_library_words();

	validate("<r n='q'><a/><c>x</c></r>");
	HAS(en, "a value in <r> is not allowed: \"q\"");
	HAS(en, "<r> lacks a required attribute or has one with a wrong value");
	HAS(zh, "<r> 中的值 \"q\" 不允许");
	HAS(zh, "<r> 缺少必需的属性，或某个属性的值不对");
	no_library_words();

	validate("<r n='1' k='2'><a/><c>x</c></r>");
	HAS(en, "<r> may not have the attribute \"k\"");
	HAS(zh, "<r> 不能有属性 \"k\"");
	no_library_words();

	validate("<r n='1'><a/><c>w</c></r>");
	HAS(en, "a value in <c> is empty or not allowed");
	HAS(en, "the content of <c> is incomplete or in the wrong order");
	HAS(zh, "<c> 的内容不完整或顺序不对");
	no_library_words();

	validate("<r xmlns='urn:x' n='1'><a/><c>x</c></r>");
	HAS(en, "<r> is in the wrong namespace: remove the xmlns");
	HAS(zh, "<r> 的命名空间不对：请删除 xmlns");
	no_library_words();

	validate("<r n='1'><a/><c>x</c><d>1 z</d></r>");
	HAS(en, "a value in <d> is empty or not allowed");
	HAS(zh, "<d> 中有值为空或不允许");
	no_library_words();

	validate("<r n='1'><a/><c>x</c><e>q</e></r>");
	HAS(en, "a value in <e> is not allowed: \"q\"");
	no_library_words();

	validate("<x/>");
	HAS(en, "expected <r> here, not <x>");
	HAS(zh, "此处应为 <r>，而不是 <x>");
	no_library_words();

	validate("<r n='1'><a/><c><a/></c></r>");
	HAS(en, "the content of <c> is incomplete or in the wrong order");
	no_library_words();
}

static void
test_xpath(void **state)
{
	static const struct { const char *expr, *en, *zh; } t[] = {
		{ "'abc", "a quoted string is not closed", "引号中的字符串没有结束" },
		{ "$v", "it uses a $variable, which team rules do not have",
		  "用了 $变量，而团队规则中没有变量" },
		{ "//a[", "it is not a valid XPath 1.0 expression",
		  "不是有效的 XPath 1.0 表达式" },
		{ "nosuch(1)", "it calls a function XPath 1.0 does not have",
		  "调用了 XPath 1.0 中没有的函数" },
		{ "count()", "a function has the wrong number of arguments",
		  "某个函数的参数个数不对" },
		{ "p:a", "it uses a namespace prefix (plan elements have none)",
		  "用了命名空间前缀（计划书的元素没有命名空间）" },
		{ "//a | 'x'", "a function or operator gets the wrong kind of value",
		  "某个函数或运算符得到的值类型不对" },
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		xpath(t[i].expr);
		HAS(en, t[i].en);
		HAS(zh, t[i].zh);
		no_library_words();
	}
}

/* Other errors: the library's message trimmed in English, general in Chinese. */
static void
test_other(void **state)
{
	const xmlError	*e;
	char		 m[256];

	(void)state;
	xmlResetLastError();
	xmlSetStructuredErrorFunc(NULL, collect);	/* quiet */
	assert_null(xmlReadMemory("<r>", 3, "x.xml", NULL, 0));
	xmlSetStructuredErrorFunc(NULL, NULL);
	assert_non_null(e = xmlGetLastError());
	pg_lib_error_msg(e, 0, m, sizeof(m));
	assert_true(m[0] != '\0' && m[strlen(m) - 1] != '\n');
	assert_string_equal(pg_lib_error_msg(e, 1, m, sizeof(m)), "格式有误");
	assert_string_equal(pg_lib_error_msg(NULL, 0, m, sizeof(m)), "invalid");
	assert_string_equal(pg_lib_error_msg(NULL, 1, m, sizeof(m)), "格式有误");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_relaxng),
		cmocka_unit_test(test_xpath),
		cmocka_unit_test(test_other),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
