/*
 * xml_read.c — safe reading and parsing.  See xml_read.h.
 *
 * Invariant: libxml2 only ever sees a buffer that passed prescan(): valid
 * UTF-8, no NUL, no DOCTYPE, at most PG_MAX_ATTRS attributes per tag, and
 * no encoding declaration other than UTF-8.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <malloc.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include <libxml/SAX2.h>
#include <libxml/parser.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlmemory.h>

#include "base/utf8.h"
#include "read/xml_read.h"

static xmlParserInputPtr
refuse_entity(const char *url, const char *id, xmlParserCtxtPtr ctxt)
{
	(void)url;
	(void)id;
	(void)ctxt;
	return NULL;
}

/*
 * libxml2 2.9.14 does not survive every allocation failure (a failed
 * xmlBufGrow() inside xmlParseDocument() is dereferenced), so it never
 * gets a NULL from us: where an oom handler is set, a failed allocation
 * calls it instead (it must not return).  The x_ functions call libxml2's
 * own allocators as they were before route() (libc's), not plangen's
 * malloc: a test that wraps plangen's malloc does not wrap libxml2's.
 */
static void (*oom_handler)(void);
static void (*watch_fn)(size_t, void *);
static void *watch_arg;
static xmlFreeFunc o_free;
static xmlMallocFunc o_malloc;
static xmlReallocFunc o_realloc;
static xmlStrdupFunc o_strdup;

static void *
x_malloc(size_t n)
{
	void *p;

	if (watch_fn != NULL)
		watch_fn(n, watch_arg);
	p = o_malloc(n);
	if (p == NULL && oom_handler != NULL)
		oom_handler();
	return p;
}

static void *
x_realloc(void *q, size_t n)
{
	void *p;

	if (watch_fn != NULL) {	/* what it grows by */
		size_t had = q != NULL ? malloc_usable_size(q) : 0;
		watch_fn(n > had ? n - had : 0, watch_arg);
	}
	p = o_realloc(q, n);
	if (p == NULL && n != 0 && oom_handler != NULL)
		oom_handler();
	return p;
}

/* libxml2's strdup allocates through xmlMallocAtomic (x_malloc): counted there. */
static char *
x_strdup(const char *s)
{
	char *p = o_strdup(s);

	if (p == NULL && oom_handler != NULL)
		oom_handler();
	return p;
}

/* Route libxml2's allocations through the x_ functions (once). */
static void
route(void)
{
	static int routed;

	if (routed)
		return;
	routed = 1;
	xmlMemGet(&o_free, &o_malloc, &o_realloc, &o_strdup);
	xmlMemSetup(o_free, x_malloc, x_realloc, x_strdup);
}

void
pg_xml_set_oom_handler(void (*fn)(void))
{
	oom_handler = fn;
	route();
}

void
pg_xml_watch_alloc(void (*fn)(size_t, void *), void *arg)
{
	route();
	watch_fn = fn;
	watch_arg = arg;
}

void
pg_xml_init(void)
{
	static int done;

	if (done)
		return;
	done = 1;
	xmlInitParser();
	xmlSetExternalEntityLoader(refuse_entity);
}

char *
pg_read_file(const char *path, size_t *len, char *err, size_t errlen)
{
	struct stat	 st;
	char		*buf = NULL;
	size_t		 cap = 0, n = 0;
	int		 fd;

	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) == -1) {
		snprintf(err, errlen, "cannot read %s: %s", path, strerror(errno));
		return NULL;
	}
	if (fstat(fd, &st) == -1 || S_ISDIR(st.st_mode)) {
		snprintf(err, errlen, "cannot read %s: %s", path,
		    S_ISDIR(st.st_mode) ? "it is a directory" : strerror(errno));
		close(fd);
		return NULL;
	}
	for (;;) {
		ssize_t r;
		if (n + 1 >= cap) {
			size_t ncap = cap ? cap * 2 : 64 * 1024;
			char *nb;
			if (ncap > PG_MAX_INPUT + 2)
				ncap = PG_MAX_INPUT + 2;
			if (n + 1 >= ncap) {
				snprintf(err, errlen, "%s is larger than %lu MiB, the "
				    "largest plan plangen reads", path,
				    PG_MAX_INPUT / (1024 * 1024));
				goto fail;
			}
			if ((nb = realloc(buf, ncap)) == NULL) {
				snprintf(err, errlen, "cannot read %s: out of memory", path);
				goto fail;
			}
			buf = nb;
			cap = ncap;
		}
		r = read(fd, buf + n, cap - n - 1);
		if (r == -1 && errno == EINTR)
			continue;
		if (r == -1) {
			snprintf(err, errlen, "cannot read %s: %s", path, strerror(errno));
			goto fail;
		}
		if (r == 0)
			break;
		n += (size_t)r;
		if (n > PG_MAX_INPUT) {
			snprintf(err, errlen, "%s is larger than %lu MiB, the "
			    "largest plan plangen reads", path,
			    PG_MAX_INPUT / (1024 * 1024));
			goto fail;
		}
	}
	close(fd);
	if (buf == NULL && (buf = malloc(1)) == NULL) {
		snprintf(err, errlen, "cannot read %s: out of memory", path);
		return NULL;
	}
	buf[n] = '\0';
	*len = n;
	return buf;
fail:
	close(fd);
	free(buf);
	return NULL;
}

/*
 * Byte classes for prescan(): a state skips every byte whose class has no
 * bit of the state's mask, so the common bytes cost one table lookup.
 */
enum { B_ANY = 1, B_LT = 2, B_QUOTE = 4, B_GT = 8, B_DASH = 16, B_RSQB = 32,
	B_QMARK = 64 };
static const unsigned char bclass[256] = {
	[0] = B_ANY, ['<'] = B_LT, ['"'] = B_QUOTE,
	['\''] = B_QUOTE, ['>'] = B_GT, ['-'] = B_DASH, [']'] = B_RSQB,
	['?'] = B_QMARK,
#define HI16	B_ANY, B_ANY, B_ANY, B_ANY, B_ANY, B_ANY, B_ANY, B_ANY, \
		B_ANY, B_ANY, B_ANY, B_ANY, B_ANY, B_ANY, B_ANY, B_ANY
	[0x80] = HI16, HI16, HI16, HI16, HI16, HI16, HI16, HI16,
#undef HI16
};

/* The 1-based line of position p of buf: counted only for a finding. */
static unsigned long
line_at(const unsigned char *buf, const unsigned char *p)
{
	unsigned long	 line = 1;
	const unsigned char *q;

	while ((q = memchr(buf, '\n', (size_t)(p - buf))) != NULL) {
		line++;
		buf = q + 1;
	}
	return line;
}

/*
 * 0 if the text p..e starts with an XML declaration whose encoding is not
 * UTF-8, else 1 (no declaration, no encoding named, or UTF-8 in any case).
 */
static int
encoding_ok(const unsigned char *p, const unsigned char *e)
{
	const unsigned char *q, *v, *end = p;

	if (e - p < 5 || memcmp(p, "<?xml", 5) != 0)
		return 1;
	while (end < e && !(end[0] == '?' && end + 1 < e && end[1] == '>'))
		end++;
	for (q = p; q + 8 < end; q++) {
		if (memcmp(q, "encoding", 8) != 0)
			continue;
		v = q + 8;
		while (v < end && (*v == ' ' || *v == '=' || *v == '\t' ||
		    *v == '\n' || *v == '\r'))
			v++;
		if (v < end && (*v == '"' || *v == '\'')) {
			v++;
			if (end - v < 6 || (strncasecmp((const char *)v, "UTF-8",
			    5) != 0 || (v[5] != '"' && v[5] != '\'')))
				return 0;
		}
		return 1;
	}
	return 1;
}

/*
 * One linear pass over the raw bytes.  Returns 0 if libxml2 may see the
 * buffer, else -1 after adding an xml-syntax finding.
 */
/* English or Chinese: both literals, so printf checks both formats. */
#define T(en, zh)	(zh_ ? (zh) : (en))

static int
prescan(const char *buf, size_t len, const char *name, int zh_,
    struct pg_diags *d)
{
	const unsigned char *p = (const unsigned char *)buf, *e = p + len;
	const unsigned char *p0 = p, *tag = p;
	enum { TEXT, TAG, COMMENT, CDATA, PI } st = TEXT;
	unsigned	 quote = 0, attrs = 0;

	if (len >= 2 && ((p[0] == 0xFE && p[1] == 0xFF) ||
	    (p[0] == 0xFF && p[1] == 0xFE))) {
		pg_diag_emit(d, PG_F_XML_SYNTAX, name, 1,
		    T("the file is saved as UTF-16: a plan must be saved as "
		    "UTF-8 (in your editor: Save As, encoding UTF-8)",
		    "文件是 UTF-16 编码：计划书必须存为 UTF-8（在编辑器中“另存为”，编码选 UTF-8）"));
		return -1;
	}
	if (len >= 3 && p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF)
		p += 3;		/* a UTF-8 byte order mark is harmless */
	if (!encoding_ok(p, e)) {
		pg_diag_emit(d, PG_F_XML_SYNTAX, name, 1,
		    T("the XML declaration names an encoding other than UTF-8: "
		    "save the plan as UTF-8 and write encoding=\"UTF-8\" (or "
		    "leave encoding out)", "XML 声明的编码不是 UTF-8：请把计划书存为 "
		    "UTF-8，并写 encoding=\"UTF-8\"（或省略 encoding）"));
		return -1;
	}
	while (p < e) {
		unsigned c, mask;
		size_t n;
		uint32_t cp;

		/* Skip the bytes this state does not look at. */
		switch (st) {
		case TEXT:	mask = B_ANY | B_LT; break;
		case TAG:	mask = quote ? B_ANY | B_QUOTE : B_ANY | B_QUOTE | B_GT; break;
		case COMMENT:	mask = B_ANY | B_DASH; break;
		case CDATA:	mask = B_ANY | B_RSQB; break;
		default:	mask = B_ANY | B_QMARK; break;
		}
		while (e - p >= 8 && !((bclass[p[0]] | bclass[p[1]] | bclass[p[2]] |
		    bclass[p[3]] | bclass[p[4]] | bclass[p[5]] | bclass[p[6]] |
		    bclass[p[7]]) & mask))
			p += 8;
		while (p < e && !(bclass[*p] & mask))
			p++;
		if (p == e)
			break;
		c = *p;
		if (c == 0) {
			pg_diag_emit(d, PG_F_XML_SYNTAX, name, line_at(p0, p),
			    T("the file contains a NUL byte: it is not a text "
			    "file (or it is saved as UTF-16); save it as UTF-8 text",
			    "文件中有 NUL 字节：它不是文本文件（或是 UTF-16 编码）；请存为 UTF-8 文本"));
			return -1;
		}
		if (c >= 0x80) {
			if ((n = pg_utf8_decode((const char *)p, (size_t)(e - p),
			    &cp)) == 0) {
				pg_diag_emit(d, PG_F_XML_SYNTAX, name, line_at(p0, p),
				    T("byte 0x%02X is not UTF-8: the file is in another "
				    "encoding (GBK, Big5, Latin-1…); save it as UTF-8",
				    "字节 0x%02X 不是 UTF-8：文件是其他编码（GBK、Big5 等）；"
				    "请把文件另存为 UTF-8"), c);
				return -1;
			}
			p += n;
			continue;
		}
		switch (st) {
		case TEXT:
			if (c != '<')
				break;
			if (e - p >= 4 && memcmp(p, "<!--", 4) == 0) {
				st = COMMENT;
				p += 4;
				continue;
			}
			if (e - p >= 9 && memcmp(p, "<![CDATA[", 9) == 0) {
				st = CDATA;
				p += 9;
				continue;
			}
			if (e - p >= 9 && memcmp(p, "<!DOCTYPE", 9) == 0) {
				pg_diag_emit(d, PG_F_XML_SYNTAX, name, line_at(p0, p),
				    T("a DOCTYPE declaration is not allowed: the plan "
				    "format has no DTD and plangen never loads entities; "
				    "remove it", "不允许 DOCTYPE 声明：计划书格式没有 DTD，"
				    "plangen 也从不加载实体；请删掉它"));
				return -1;
			}
			if (e - p >= 2 && p[1] == '?') {
				st = PI;
				p += 2;
				continue;
			}
			st = TAG;
			tag = p;
			attrs = 0;
			quote = 0;
			break;
		case TAG:
			if (quote) {
				if (c == quote)
					quote = 0;
			} else if (c == '"' || c == '\'') {
				quote = c;
				if (++attrs > PG_MAX_ATTRS) {
					pg_diag_emit(d, PG_F_XML_SYNTAX, name, line_at(p0, tag),
					    T("an element has more than %d attributes, "
					    "which no plan has: is this file a plan?",
					    "一个元素有超过 %d 个属性，计划书不会这样：这个文件是计划书吗？"),
					    PG_MAX_ATTRS);
					return -1;
				}
			} else if (c == '>')
				st = TEXT;
			break;
		case COMMENT:
			if (c == '-' && e - p >= 3 && p[1] == '-' && p[2] == '>') {
				st = TEXT;
				p += 3;
				continue;
			}
			break;
		case CDATA:
			if (c == ']' && e - p >= 3 && p[1] == ']' && p[2] == '>') {
				st = TEXT;
				p += 3;
				continue;
			}
			break;
		case PI:
			if (c == '?' && e - p >= 2 && p[1] == '>') {
				st = TEXT;
				p += 2;
				continue;
			}
			break;
		}
		p++;
	}
	return 0;
}

struct errstate {
	const char	*name;
	struct pg_diags	*d;
	int		 reported;
	const char	*buf;		/* the document, for the text around an error */
	size_t		 len;
	enum pg_lang	 lang;
};

/* The first error, in words a plan author can act on (xml_msg.c). */
static void
add_parse_error(struct errstate *es, const xmlError *err)
{
	char		 msg[768];
	unsigned long	 line = err->line > 0 ? (unsigned long)err->line : 1;

	pg_xml_syntax_msg(err, es->buf, es->len, es->lang, msg, sizeof(msg));
	pg_diag_emit(es->d, PG_F_XML_SYNTAX, es->name, line, "%s%s",
	    es->lang == PG_LANG_ZH ? "XML 格式错误：" : "not well-formed XML: ",
	    msg);
}

static void
on_error(void *ctx, xmlErrorPtr err)
{
	struct errstate *es = ctx;

	if (err == NULL || err->level < XML_ERR_ERROR || es->reported)
		return;
	es->reported = 1;	/* the first error is the one that matters */
	add_parse_error(es, err);
}

/*
 * Exact line numbers past 65535.  libxml2 2.9.14 stores a node's line in
 * an unsigned short; with XML_PARSE_BIG_LINES it keeps the real line of a
 * *text* node in node->psvi, but for elements, comments and processing
 * instructions xmlGetLineNo() guesses from a neighbouring node and is off
 * (measured: the line of the next text node).  These SAX wrappers record
 * the real line in node->_private when it does not fit; pg_xml_line()
 * reads it back.  The document's own _private says whether it has
 * processing instructions (PI_SOME, PI_NONE; see pg_xml_has_pi()).
 * Nothing else in plangen may use node->_private.
 */
static char pi_some, pi_none;	/* addresses only: markers for doc->_private */
#define PI_SOME	((void *)&pi_some)
#define PI_NONE	((void *)&pi_none)

static void
mark_big_line(xmlParserCtxtPtr ctxt, xmlNodePtr n)
{
	if (n != NULL && ctxt->input != NULL && ctxt->input->line >= 65535 &&
	    n->_private == NULL)
		n->_private = (void *)(uintptr_t)ctxt->input->line;
}

static void
start_element_ns(void *ctx, const xmlChar *localname, const xmlChar *prefix,
    const xmlChar *uri, int nb_namespaces, const xmlChar **namespaces,
    int nb_attributes, int nb_defaulted, const xmlChar **attributes)
{
	xmlParserCtxtPtr ctxt = ctx;
	xmlNodePtr	 before = ctxt->node;

	xmlSAX2StartElementNs(ctx, localname, prefix, uri, nb_namespaces,
	    namespaces, nb_attributes, nb_defaulted, attributes);
	if (ctxt->node != before)
		mark_big_line(ctxt, ctxt->node);
}

/* The node a PI or comment callback just appended, or NULL. */
static xmlNodePtr
last_child(xmlParserCtxtPtr ctxt)
{
	if (ctxt->node != NULL)
		return ctxt->node->last;
	return ctxt->myDoc != NULL ? ctxt->myDoc->last : NULL;
}

static void
processing_instruction(void *ctx, const xmlChar *target, const xmlChar *data)
{
	xmlParserCtxtPtr ctxt = ctx;
	xmlNodePtr	 before = last_child(ctxt), after;

	xmlSAX2ProcessingInstruction(ctx, target, data);
	if ((after = last_child(ctxt)) != before && after != NULL &&
	    after->type == XML_PI_NODE) {
		mark_big_line(ctxt, after);
		if (after->doc != NULL)
			after->doc->_private = PI_SOME;
	}
}

static void
comment(void *ctx, const xmlChar *value)
{
	xmlParserCtxtPtr ctxt = ctx;
	xmlNodePtr	 before = last_child(ctxt), after;

	xmlSAX2Comment(ctx, value);
	if ((after = last_child(ctxt)) != before && after != NULL &&
	    after->type == XML_COMMENT_NODE)
		mark_big_line(ctxt, after);
}

xmlDocPtr
pg_xml_parse(const char *buf, size_t len, const char *name, struct pg_diags *d)
{
	return pg_xml_parse_lang(buf, len, name, NULL, d);
}

xmlDocPtr
pg_xml_parse_lang(const char *buf, size_t len, const char *name,
    const char *lang, struct pg_diags *d)
{
	struct errstate		 es = { name, d, 0, buf, len, PG_LANG_EN };
	xmlParserCtxtPtr	 ctxt;
	xmlDocPtr		 doc;
	int			 opts, zh_;

	pg_xml_init();
	es.lang = lang != NULL ? pg_lang_of(lang) : pg_xml_raw_lang(buf, len);
	zh_ = es.lang == PG_LANG_ZH;
	if (prescan(buf, len, name, zh_, d) != 0)
		return NULL;
	if (len > (size_t)INT32_MAX) {
		pg_diag_emit(d, PG_F_XML_SYNTAX, name, 0, T("the file is too large",
		    "文件太大"));
		return NULL;
	}
	if ((ctxt = xmlNewParserCtxt()) == NULL) {
		pg_diag_emit(d, PG_F_XML_SYNTAX, name, 0, T("out of memory", "内存不足"));
		return NULL;
	}
	ctxt->sax->startElementNs = start_element_ns;
	ctxt->sax->processingInstruction = processing_instruction;
	ctxt->sax->comment = comment;
	xmlSetStructuredErrorFunc(&es, on_error);
	/*
	 * COMPACT keeps short text inside the node (one malloc fewer per
	 * node): the tree must not be modified afterwards, and nothing in
	 * plangen does; text stays readable through node->content.
	 */
	opts = XML_PARSE_NONET | XML_PARSE_NOCDATA | XML_PARSE_BIG_LINES |
	    XML_PARSE_NOWARNING | XML_PARSE_COMPACT;
	doc = xmlCtxtReadMemory(ctxt, buf, (int)len, name, "UTF-8", opts);
	xmlSetStructuredErrorFunc(NULL, NULL);
	if (doc != NULL && !ctxt->wellFormed) {
		xmlFreeDoc(doc);
		doc = NULL;
	}
	xmlFreeParserCtxt(ctxt);
	if (doc != NULL && (doc->intSubset != NULL || doc->extSubset != NULL)) {
		/* Unreachable after prescan(); a second wall all the same. */
		xmlFreeDoc(doc);
		doc = NULL;
		pg_diag_emit(d, PG_F_XML_SYNTAX, name, 1, T("a DOCTYPE "
		    "declaration is not allowed: remove it", "不允许 DOCTYPE 声明：请删掉它"));
		return NULL;
	}
	if (doc == NULL && !es.reported)
		pg_diag_emit(d, PG_F_XML_SYNTAX, name, 1, T("not well-formed XML",
		    "XML 格式错误"));
	if (doc != NULL && doc->_private != PI_SOME)
		doc->_private = PI_NONE;
	return doc;
}

int
pg_xml_has_pi(const xmlDoc *doc)
{
	if (doc == NULL)
		return -1;
	return doc->_private == PI_SOME ? 1 : doc->_private == PI_NONE ? 0 : -1;
}

unsigned long
pg_xml_line(const xmlNode *n)
{
	long l;

	if (n == NULL)
		return 0;
	if (n->line == 65535 && n->_private != NULL &&
	    (n->type == XML_ELEMENT_NODE || n->type == XML_PI_NODE ||
	    n->type == XML_COMMENT_NODE))
		return (unsigned long)(uintptr_t)n->_private;
	l = xmlGetLineNo(n);

	return l > 0 ? (unsigned long)l : 0;
}

char *
pg_xml_attr(const xmlNode *n, const char *name)
{
	/*
	 * libxml2's own copy: its allocator is malloc/free (the default, or
	 * pg_xml_set_oom_handler's), so the caller may free() it, and its
	 * allocation is libxml2's — never a NULL that reads as "absent".
	 */
	return (char *)xmlGetNoNsProp(n, (const xmlChar *)name);
}
