/*
 * lib_msg.h — libxml2's RELAX NG validation and XPath errors in words a
 * plan author (or the author of a rules file or a template) can act on,
 * in English or Chinese, instead of the library's own English ("Element
 * rule failed to validate attributes").  Used where plangen validates
 * rules files and templates with libxml2 and compiles team-rule XPath.
 *
 * Include: review/rules_custom.c, compose/template.c, tests.
 */
#ifndef PG_LIB_MSG_H
#define PG_LIB_MSG_H

#include <stddef.h>

#include <libxml/xmlerror.h>

/*
 * The words for error e into buf (n bytes), in Chinese if zh: what is
 * wrong, naming the element, attribute or value the error names.  Knows
 * the RELAX NG validation errors (domain XML_FROM_RELAXNGV) and the XPath
 * errors (XML_FROM_XPATH); for any other error, a general sentence in
 * Chinese, or the library's message (trimmed) in English.  Returns buf.
 */
const char	*pg_lib_error_msg(const xmlError *e, int zh, char *buf, size_t n);

#endif
