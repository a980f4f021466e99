/*
 * xml_read.h — read a file and parse it safely with libxml2.
 *
 * Safety (../shared/notes/hostile-input.md): the file is read by us with a
 * size cap and parsed from memory (so gzip/xz are never unpacked); never
 * NOENT, DTDLOAD, DTDATTR, DTDVALID or HUGE; NONET; an entity loader that
 * refuses everything; any DOCTYPE is refused before libxml2 sees it; an
 * element with absurdly many attributes is refused before libxml2's
 * quadratic duplicate check runs; input must be UTF-8 without NUL bytes.
 *
 * Include: the reader stage (check.c, schema.c, plan_read.c, plan_values.c,
 * rules_custom.c, template.c).
 */
#ifndef PG_XML_READ_H
#define PG_XML_READ_H

#include <stddef.h>

#include <libxml/tree.h>
#include <libxml/xmlerror.h>

#include "base/diag.h"
#include "base/lang.h"

/* Largest input accepted, bytes (documented in README and plangen.1). */
#define PG_MAX_INPUT		(32UL * 1024 * 1024)
/* Most attributes accepted on one element. */
#define PG_MAX_ATTRS		256

/* Call once before any other function (idempotent). */
void	pg_xml_init(void);

/*
 * Route libxml2's allocations through plangen so that a failed one calls
 * fn (which must not return, e.g. print "out of memory" and exit) instead
 * of handing NULL to libxml2 2.9.14, which crashes on some failed
 * allocations.  Call before pg_xml_init(), at most once.
 */
void	pg_xml_set_oom_handler(void (*fn)(void));

/*
 * Watch libxml2's allocations: until the next call, every allocation
 * libxml2 makes calls fn(n, arg) first, n its size in bytes (a realloc:
 * the bytes it grows the block by).  fn only counts:
 * it must not call libxml2 and cannot refuse the allocation.  fn NULL ends
 * the watch.  (Team rules bound the text an XPath select builds with it:
 * libxml2's operation limit does not count string values.)  Routes
 * libxml2's allocations through plangen as pg_xml_set_oom_handler() does;
 * memory libxml2 allocated before stays valid.
 */
void	pg_xml_watch_alloc(void (*fn)(size_t, void *), void *arg);

/*
 * Read `path` into a malloc'd buffer (NUL-terminated; *len excludes it).
 * Returns the buffer, or NULL with a message in err ("cannot read x: ...",
 * "x is larger than 32 MiB") — an exit-2 condition.
 */
char	*pg_read_file(const char *path, size_t *len, char *err, size_t errlen);

/*
 * Parse buf[0..len) as a plan-family XML document.  `name` is the file
 * name used in findings.  On success returns the document (free with
 * xmlFreeDoc).  On failure returns NULL after adding one `xml-syntax`
 * error with a line to d.  Never reads any other file or the network.
 * The tree is built with XML_PARSE_COMPACT (short text lives inside its
 * node): read it through the normal API, never modify it.
 */
xmlDocPtr pg_xml_parse(const char *buf, size_t len, const char *name,
	    struct pg_diags *d);

/*
 * The same, with the xml-syntax message in the language of `lang` (a
 * --lang tag, lang.h), or, if lang is NULL, in the language of the @lang
 * of the first element as written in the raw bytes (pg_xml_raw_lang()):
 * a plan that cannot be parsed is still answered in its own language.
 * pg_xml_parse() is pg_xml_parse_lang() with lang NULL.
 */
xmlDocPtr pg_xml_parse_lang(const char *buf, size_t len, const char *name,
	    const char *lang, struct pg_diags *d);

/*
 * The language of the first element's lang= (or xml:lang=) attribute,
 * found in the raw bytes without parsing, so that it works in a file that
 * is not well-formed (also with full-width quotes or ＝); English if there
 * is none.  Only the first start tag is looked at.  (xml_msg.c)
 */
enum pg_lang pg_xml_raw_lang(const char *buf, size_t len);

/* The same attribute's value as written (ASCII, at most n-1 bytes), into
 * tag; "" if there is none.  Returns tag.  (xml_msg.c) */
char	*pg_xml_raw_tag(const char *buf, size_t len, char *tag, size_t n);

/*
 * The message of the libxml2 error err for a plan author, in language l,
 * into m (ml bytes): the cause and the fix, never libxml2's own words.
 * buf[0..len) is the document (NULL: none), read for the text around the
 * error ("write B2B&amp;团检", "write category=\"promotion\"").  (xml_msg.c)
 */
void	pg_xml_syntax_msg(const xmlError *err, const char *buf, size_t len,
	    enum pg_lang l, char *m, size_t ml);

/*
 * The node's 1-based source line (exact past line 65535 for elements,
 * comments, PIs and text; 0 if unknown).  For an element: the line where
 * its start tag ends.  Relies on node->_private, see xml_read.c.
 */
unsigned long pg_xml_line(const xmlNode *);

/* A malloc'd copy (free() it) of n's attribute name (no namespace), or NULL
 * if it has none.  The copy is libxml2's: if memory runs out, libxml2's
 * out-of-memory handler runs (pg_xml_set_oom_handler: a clean exit 2). */
char	*pg_xml_attr(const xmlNode *n, const char *name);

/*
 * Whether doc has processing instructions (anywhere), as recorded while
 * pg_xml_parse() built it: 1 yes, 0 none, -1 unknown (doc was not built
 * by pg_xml_parse(): look for yourself).  Lets a reader skip a walk of the
 * whole tree for <?plangen accept?> in the usual plan that has none.
 * Relies on doc->_private, see xml_read.c.
 */
int	pg_xml_has_pi(const xmlDoc *doc);

#endif
