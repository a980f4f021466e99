/*
 * lib_msg.c — libxml2's validation and XPath errors in plangen's words.
 * See lib_msg.h.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include <libxml/relaxng.h>
#include <libxml/tree.h>

#include "read/lib_msg.h"

#define L(en, cn)	(zh ? (cn) : (en))

/* The name of the element the error is about ("?" if none). */
static const char *
node_name(const xmlError *e)
{
	const xmlNode *n = e->node;

	return n != NULL && n->type == XML_ELEMENT_NODE && n->name != NULL ?
	    (const char *)n->name : "?";
}

static const char *
s1(const xmlError *e)
{
	return e->str1 != NULL ? e->str1 : node_name(e);
}

static const char *
rng_msg(const xmlError *e, int zh, char *buf, size_t n)
{
	switch (e->code) {
	case XML_RELAXNG_ERR_ELEMNAME:
		snprintf(buf, n, L("expected <%s> here, not <%s>",
		    "此处应为 <%s>，而不是 <%s>"), s1(e),
		    e->str2 != NULL ? e->str2 : "?");
		break;
	case XML_RELAXNG_ERR_ELEMWRONG:
	case XML_RELAXNG_ERR_INTEREXTRA:
		snprintf(buf, n, L("<%s> is not allowed here (or is repeated)",
		    "此处不能有 <%s>（或它重复了）"), s1(e));
		break;
	case XML_RELAXNG_ERR_NOELEM: {
		/* libxml2 gives "" when any of several elements may come */
		int named = e->str1 != NULL && e->str1[0] != '\0';
		snprintf(buf, n, L("an element is missing in <%s>%s%s%s",
		    "<%s> 中缺少元素%s%s%s"), node_name(e),
		    named ? L(": expected <", "：应有 <") : "",
		    named ? e->str1 : "", named ? ">" : "");
		break;
	}
	case XML_RELAXNG_ERR_NOTELEM:
	case XML_RELAXNG_ERR_TEXTWRONG:
		snprintf(buf, n, L("text is not allowed directly in <%s>",
		    "<%s> 中不能直接写文字"), s1(e));
		break;
	case XML_RELAXNG_ERR_ELEMNOTEMPTY:
		snprintf(buf, n, L("<%s> must be empty", "<%s> 必须为空"), s1(e));
		break;
	case XML_RELAXNG_ERR_ATTRVALID:
		snprintf(buf, n, L("<%s> lacks a required attribute or has one "
		    "with a wrong value", "<%s> 缺少必需的属性，或某个属性的值不对"),
		    s1(e));
		break;
	case XML_RELAXNG_ERR_CONTENTVALID:
	case XML_RELAXNG_ERR_INTERSEQ:
	case XML_RELAXNG_ERR_INTERNODATA:
		snprintf(buf, n, L("the content of <%s> is incomplete or in the "
		    "wrong order", "<%s> 的内容不完整或顺序不对"), s1(e));
		break;
	case XML_RELAXNG_ERR_EXTRACONTENT:
		snprintf(buf, n, L("<%s> holds something it may not: <%s>",
		    "<%s> 中有不允许的内容：<%s>"), s1(e),
		    e->str2 != NULL ? e->str2 : "?");
		break;
	case XML_RELAXNG_ERR_INVALIDATTR:
		snprintf(buf, n, L("<%s> may not have the attribute \"%s\"",
		    "<%s> 不能有属性 \"%s\""), e->str2 != NULL ? e->str2 :
		    node_name(e), e->str1 != NULL ? e->str1 : "?");
		break;
	case XML_RELAXNG_ERR_TYPE:
	case XML_RELAXNG_ERR_TYPEVAL:
	case XML_RELAXNG_ERR_DATATYPE:
	case XML_RELAXNG_ERR_VALUE:
	case XML_RELAXNG_ERR_LIST:
	case XML_RELAXNG_ERR_LISTEXTRA:
	case XML_RELAXNG_ERR_LISTEMPTY:
	case XML_RELAXNG_ERR_EXTRADATA:
	case XML_RELAXNG_ERR_LACKDATA:
	case XML_RELAXNG_ERR_DATAELEM:
	case XML_RELAXNG_ERR_VALELEM:
	case XML_RELAXNG_ERR_LISTELEM:
		if (e->str2 != NULL)
			snprintf(buf, n, L("a value in <%s> is not allowed: \"%s\"",
			    "<%s> 中的值 \"%s\" 不允许"), node_name(e), e->str2);
		else
			snprintf(buf, n, L("a value in <%s> is empty or not allowed",
			    "<%s> 中有值为空或不允许"), node_name(e));
		break;
	case XML_RELAXNG_ERR_ELEMEXTRANS:	/* "Expecting no namespace" */
	case XML_RELAXNG_ERR_ELEMNONS:
	case XML_RELAXNG_ERR_ATTRNONS:
	case XML_RELAXNG_ERR_ELEMWRONGNS:
	case XML_RELAXNG_ERR_ATTRWRONGNS:
		snprintf(buf, n, L("<%s> is in the wrong namespace: remove the "
		    "xmlns", "<%s> 的命名空间不对：请删除 xmlns"), s1(e));
		break;
	default:
		snprintf(buf, n, L("<%s> does not match the format",
		    "<%s> 不符合格式"), node_name(e));
		break;
	}
	return buf;
}

static const char *
xpath_msg(const xmlError *e, int zh, char *buf, size_t n)
{
	const char *what;

	switch (e->code) {
	case XML_XPATH_UNFINISHED_LITERAL_ERROR:
	case XML_XPATH_START_LITERAL_ERROR:
		what = L("a quoted string is not closed", "引号中的字符串没有结束");
		break;
	case XML_XPATH_UNDEF_VARIABLE_ERROR:
	case XML_XPATH_VARIABLE_REF_ERROR:
		what = L("it uses a $variable, which team rules do not have",
		    "用了 $变量，而团队规则中没有变量");
		break;
	case XML_XPATH_INVALID_PREDICATE_ERROR:
		what = L("a condition in [ ] is wrong", "方括号 [ ] 中的条件写错了");
		break;
	case XML_XPATH_UNCLOSED_ERROR:
		what = L("a bracket is not closed", "括号没有闭合");
		break;
	case XML_XPATH_UNKNOWN_FUNC_ERROR:
		what = L("it calls a function XPath 1.0 does not have",
		    "调用了 XPath 1.0 中没有的函数");
		break;
	case XML_XPATH_INVALID_ARITY:
		what = L("a function has the wrong number of arguments",
		    "某个函数的参数个数不对");
		break;
	case XML_XPATH_INVALID_TYPE:
	case XML_XPATH_INVALID_OPERAND:
		what = L("a function or operator gets the wrong kind of value",
		    "某个函数或运算符得到的值类型不对");
		break;
	case XML_XPATH_UNDEF_PREFIX_ERROR:
		what = L("it uses a namespace prefix (plan elements have none)",
		    "用了命名空间前缀（计划书的元素没有命名空间）");
		break;
	case XML_XPATH_NUMBER_ERROR:
		what = L("a number is written wrongly", "数字写法有误");
		break;
	case XML_XPATH_INVALID_CHAR_ERROR:
		what = L("it holds a character XPath does not allow",
		    "含有 XPath 不允许的字符");
		break;
	default:
		what = L("it is not a valid XPath 1.0 expression",
		    "不是有效的 XPath 1.0 表达式");
		break;
	}
	snprintf(buf, n, "%s", what);
	return buf;
}

const char *
pg_lib_error_msg(const xmlError *e, int zh, char *buf, size_t n)
{
	size_t len;

	if (e == NULL) {
		snprintf(buf, n, "%s", L("invalid", "格式有误"));
		return buf;
	}
	if (e->domain == XML_FROM_RELAXNGV)
		return rng_msg(e, zh, buf, n);
	if (e->domain == XML_FROM_XPATH)
		return xpath_msg(e, zh, buf, n);
	if (zh) {
		snprintf(buf, n, "格式有误");
		return buf;
	}
	snprintf(buf, n, "%s", e->message != NULL ? e->message : "invalid");
	len = strlen(buf);
	while (len > 0 && (buf[len - 1] == '\n' || buf[len - 1] == ' '))
		buf[--len] = '\0';
	return buf;
}
