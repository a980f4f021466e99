/*
 * rules_custom.c — team rules: load, compile, run, test.  See
 * rules_custom.h for the rules-file format.
 *
 * Invariants:
 *  1. Every XPath expression and PCRE2 pattern is compiled once, at load;
 *     a rule set that loaded runs without any compile step.
 *  2. Matching is bounded: one match context with a match limit, a depth
 *     limit and a heap limit is shared by all patterns (a rule whose
 *     pattern hits one stops there), and the whole run of a rules file on
 *     a plan has one budget of XPath operations, of text libxml2 builds
 *     and of CPU time (rules_bound.h).  Hitting a limit is reported as an
 *     error finding of the rule, never as a hang.
 *  3. The rule set is read-only after loading; running and testing do not
 *     change it (match data are per call).
 *  4. libxml2 and PCRE2 are used only here.
 */
#include "config.h"

#define PCRE2_CODE_UNIT_WIDTH 8

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/relaxng.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>
#include <pcre2.h>

#include "base/embedded.h"
#include "base/lang.h"
#include "model/model.h"
#include "read/lib_msg.h"
#include "review/rules_custom.h"
#include "base/strbuf.h"
#include "base/text.h"
#include "base/utf8.h"
#include "read/xml_read.h"
#include "review/rules_bound.h"

/* Limits of one pattern match, and of one XPath evaluation while a rules
 * file loads (documented in plangen.1; running: rules_bound.h). */
#define MATCH_LIMIT	1000000U	/* backtracking steps */
#define DEPTH_LIMIT	100000U		/* nested backtracking */
#define HEAP_LIMIT	65536U		/* KiB of backtracking memory */
#define XPATH_OP_LIMIT	50000000UL	/* XPath operations per evaluation at load */
/* How a rule looks, for messages about invalid rules files. */
#define RULE_SHAPE \
	"a <rule id=\"ID\" severity=\"error|warning\" select=\"XPATH\"> holds " \
	"<description>?, <message>, one of <forbid pattern>, <require pattern>, " \
	"<require-child name>, then <example pass=\"true|false\">* with one element each"
#define RULE_SHAPE_ZH \
	"<rule id=\"ID\" severity=\"error|warning\" select=\"XPATH\"> 中依次是：" \
	"可选的 <description>、<message>、<forbid pattern>/<require pattern>/" \
	"<require-child name> 三者之一，然后是任意个各含一个元素的 " \
	"<example pass=\"true|false\">"


enum check_kind {
	CK_FORBID,
	CK_REQUIRE,
	CK_REQUIRE_CHILD,
};

struct example {
	xmlDocPtr	 doc;		/* the example element as a document */
	unsigned long	 line;
	int		 pass;
};

struct rule {
	char			*id;
	enum pg_severity	 sev;
	char			*select;
	xmlXPathCompExprPtr	 xp;
	char			*description;	/* may be NULL */
	char			*message;
	enum check_kind		 kind;
	char			*pattern;	/* forbid/require */
	pcre2_code		*re;
	char			*child;		/* require-child */
	const char		*file;		/* owned by the set */
	unsigned long		 line;
	struct example		*ex;
	size_t			 nex;
};

struct pg_ruleset {
	struct rule		*v;
	size_t			 n, cap;
	char			**files;
	size_t			 nfiles;
	pcre2_match_context	*mctx;
};

struct pg_ruleset *
pg_ruleset_new(void)
{
	struct pg_ruleset *rs;

	if ((rs = calloc(1, sizeof(*rs))) == NULL)
		return NULL;
	if ((rs->mctx = pcre2_match_context_create(NULL)) == NULL) {
		free(rs);
		return NULL;
	}
	pcre2_set_match_limit(rs->mctx, MATCH_LIMIT);
	pcre2_set_depth_limit(rs->mctx, DEPTH_LIMIT);
	pcre2_set_heap_limit(rs->mctx, HEAP_LIMIT);
	return rs;
}

static void
rule_free(struct rule *r)
{
	size_t i;

	free(r->id);
	free(r->select);
	if (r->xp != NULL)
		xmlXPathFreeCompExpr(r->xp);
	free(r->description);
	free(r->message);
	free(r->pattern);
	pcre2_code_free(r->re);
	free(r->child);
	for (i = 0; i < r->nex; i++)
		xmlFreeDoc(r->ex[i].doc);
	free(r->ex);
	memset(r, 0, sizeof(*r));
}

void
pg_ruleset_free(struct pg_ruleset *rs)
{
	size_t i;

	if (rs == NULL)
		return;
	for (i = 0; i < rs->n; i++)
		rule_free(&rs->v[i]);
	free(rs->v);
	for (i = 0; i < rs->nfiles; i++)
		free(rs->files[i]);
	free(rs->files);
	pcre2_match_context_free(rs->mctx);
	free(rs);
}

size_t
pg_ruleset_count(const struct pg_ruleset *rs)
{
	return rs == NULL ? 0 : rs->n;
}

void
pg_ruleset_info(const struct pg_ruleset *rs, size_t i, struct pg_rule_info *out)
{
	const struct rule *r = &rs->v[i];

	out->id = r->id;
	out->sev = r->sev;
	out->description = r->description != NULL ? r->description : r->message;
	out->message = r->message;
	out->file = r->file;
	out->line = r->line;
}

/* ---- loading ----------------------------------------------------------------- */

struct xerr {
	char		 msg[512];
	unsigned long	 line;
	int		 set;
};

static void
on_xml_error(void *ctx, xmlErrorPtr e)
{
	struct xerr	*x = ctx;
	size_t		 n;

	if (x->set || e == NULL || e->level < XML_ERR_ERROR)
		return;
	x->set = 1;
	x->line = e->line > 0 ? (unsigned long)e->line : 0;
	if (x->line == 0 && e->node != NULL)
		x->line = pg_xml_line((const xmlNode *)e->node);
	pg_lib_error_msg(e, pg_lang_ui() == PG_LANG_ZH, x->msg, sizeof(x->msg));
	n = strlen(x->msg);
	while (n > 0 && (x->msg[n - 1] == '\n' || x->msg[n - 1] == ' '))
		x->msg[--n] = '\0';
}

/* libxml2 prints some XPath errors through the generic handler: mute it. */
static void
mute(void *ctx, const char *fmt, ...)
{
	(void)ctx;
	(void)fmt;
}

static void
quiet_on(struct xerr *x)
{
	xmlSetStructuredErrorFunc(x, on_xml_error);
	xmlSetGenericErrorFunc(NULL, mute);
}

static void
quiet_off(void)
{
	xmlSetStructuredErrorFunc(NULL, NULL);
	xmlSetGenericErrorFunc(NULL, NULL);
}

static void
on_rng_error(void *ctx, xmlErrorPtr e)
{
	on_xml_error(ctx, e);
}

/* Validate doc against the embedded rules.rng.  0, or -1 with err set. */
static int
validate(xmlDocPtr doc, const char *path, char *err, size_t errlen)
{
	const char		*rng;
	size_t			 len;
	xmlRelaxNGParserCtxtPtr	 pc;
	xmlRelaxNGPtr		 schema;
	xmlRelaxNGValidCtxtPtr	 vc;
	struct xerr		 x;
	int			 rc;

	if ((rng = pg_embedded("rules.rng", &len)) == NULL) {
		snprintf(err, errlen, PG_UI("%s: the rules schema is not built in",
		    "%s：程序中没有规则文件的 schema"), path);
		return -1;
	}
	memset(&x, 0, sizeof(x));
	xmlSetStructuredErrorFunc(&x, on_xml_error);
	pc = xmlRelaxNGNewMemParserCtxt(rng, (int)len);
	schema = pc != NULL ? xmlRelaxNGParse(pc) : NULL;
	xmlRelaxNGFreeParserCtxt(pc);
	if (schema == NULL) {
		xmlSetStructuredErrorFunc(NULL, NULL);
		snprintf(err, errlen, PG_UI("%s: cannot load the rules schema: %s",
		    "%s：无法加载规则文件的 schema：%s"), path,
		    x.set ? x.msg : PG_UI("out of memory", "内存不足"));
		return -1;
	}
	memset(&x, 0, sizeof(x));
	if ((vc = xmlRelaxNGNewValidCtxt(schema)) == NULL) {
		xmlSetStructuredErrorFunc(NULL, NULL);
		xmlRelaxNGFree(schema);
		snprintf(err, errlen, PG_UI("%s: out of memory", "%s：内存不足"), path);
		return -1;
	}
	xmlRelaxNGSetValidStructuredErrors(vc, on_rng_error, &x);
	rc = xmlRelaxNGValidateDoc(vc, doc);
	xmlRelaxNGFreeValidCtxt(vc);
	xmlRelaxNGFree(schema);
	xmlSetStructuredErrorFunc(NULL, NULL);
	if (rc == 0)
		return 0;
	if (x.set && x.line > 0)
		snprintf(err, errlen, PG_UI("%s:%lu: not a valid rules file: %s (%s)",
		    "%s:%lu: 不是有效的规则文件：%s（%s）"),
		    path, x.line, x.msg, PG_UI(RULE_SHAPE, RULE_SHAPE_ZH));
	else
		snprintf(err, errlen, PG_UI("%s: not a valid rules file%s%s (%s)",
		    "%s：不是有效的规则文件%s%s（%s）"), path,
		    x.set ? PG_UI(": ", "：") : "", x.set ? x.msg : "",
		    PG_UI(RULE_SHAPE, RULE_SHAPE_ZH));
	return -1;
}

/* The first child element of n, or NULL. */
static xmlNodePtr
first_elem(xmlNodePtr n)
{
	for (n = n != NULL ? n->children : NULL; n != NULL; n = n->next)
		if (n->type == XML_ELEMENT_NODE)
			return n;
	return NULL;
}

static xmlNodePtr
next_elem(xmlNodePtr n)
{
	for (n = n->next; n != NULL; n = n->next)
		if (n->type == XML_ELEMENT_NODE)
			return n;
	return NULL;
}

static int
is(xmlNodePtr n, const char *name)
{
	return n != NULL && strcmp((const char *)n->name, name) == 0;
}


/* malloc'd, normalised text content of n, or NULL if memory ran out. */
static char *
text_of(xmlNodePtr n)
{
	xmlChar	*v = xmlNodeGetContent(n);
	char	*s;

	if (v == NULL)
		return strdup("");
	s = strdup((const char *)v);
	xmlFree(v);
	if (s != NULL)
		pg_text_squeeze(s);
	return s;
}

/*
 * Evaluate the compiled select on doc as a check (an XPath that compiles
 * may still name an unknown function, found only when evaluated).  0, or
 * -1 with the reason in why.
 */
static int
try_xpath(const struct rule *r, xmlDocPtr doc, char *why, size_t whylen)
{
	xmlXPathContextPtr	 ctx;
	xmlXPathObjectPtr	 res;
	struct xerr		 x;

	memset(&x, 0, sizeof(x));
	if ((ctx = xmlXPathNewContext(doc)) == NULL) {
		snprintf(why, whylen, "%s", PG_UI("out of memory", "内存不足"));
		return -1;
	}
	ctx->opLimit = XPATH_OP_LIMIT;
	ctx->node = xmlDocGetRootElement(doc);
	quiet_on(&x);
	res = xmlXPathCompiledEval(r->xp, ctx);
	quiet_off();
	xmlXPathFreeContext(ctx);
	if (res == NULL) {
		snprintf(why, whylen, PG_UI("invalid XPath select \"%s\": %s",
		    "XPath 选择表达式 \"%s\" 无效：%s"), r->select,
		    x.set ? x.msg : PG_UI("it cannot be evaluated", "无法求值"));
		return -1;
	}
	if (res->type != XPATH_NODESET) {
		xmlXPathFreeObject(res);
		snprintf(why, whylen, PG_UI("XPath select \"%s\" must select nodes, not "
		    "compute a value", "XPath 选择表达式 \"%s\" 必须选出节点，"
		    "而不是计算出一个值"), r->select);
		return -1;
	}
	xmlXPathFreeObject(res);
	return 0;
}

/* Compile select and try it on doc.  0, or -1 with the reason in why. */
static int
compile_xpath(struct rule *r, xmlDocPtr doc, char *why, size_t whylen)
{
	struct xerr x;

	memset(&x, 0, sizeof(x));
	quiet_on(&x);
	r->xp = xmlXPathCompile((const xmlChar *)r->select);
	quiet_off();
	if (r->xp == NULL) {
		snprintf(why, whylen, PG_UI("invalid XPath select \"%s\": %s",
		    "XPath 选择表达式 \"%s\" 无效：%s"), r->select,
		    x.set ? x.msg : PG_UI("syntax error", "写法有误"));
		return -1;
	}
	return try_xpath(r, doc, why, whylen);
}

/* Compile r->pattern.  0, or -1 with the reason in why. */
static int
compile_re(struct rule *r, char *why, size_t whylen)
{
	int		 code;
	PCRE2_SIZE	 off;
	PCRE2_UCHAR	 msg[256];

	r->re = pcre2_compile((PCRE2_SPTR)r->pattern, PCRE2_ZERO_TERMINATED,
	    PCRE2_UTF | PCRE2_UCP | PCRE2_NEVER_BACKSLASH_C, &code, &off, NULL);
	if (r->re != NULL)
		return 0;
	if (code == PCRE2_ERROR_HEAP_FAILED) {	/* not the pattern's fault */
		snprintf(why, whylen, "%s", PG_UI("out of memory", "内存不足"));
		return -1;
	}
	if (pg_lang_ui() == PG_LANG_ZH) {
		const char *w;
		switch (code) {
		case PCRE2_ERROR_END_BACKSLASH: w = "末尾多了一个 \\"; break;
		case PCRE2_ERROR_MISSING_SQUARE_BRACKET: w = "缺少右方括号 ]"; break;
		case PCRE2_ERROR_MISSING_CLOSING_PARENTHESIS: w = "缺少右括号 )"; break;
		case PCRE2_ERROR_UNMATCHED_CLOSING_PARENTHESIS: w = "多了一个右括号 )"; break;
		case PCRE2_ERROR_QUANTIFIER_INVALID: w = "*、+、? 或 {} 前面没有可重复的内容"; break;
		case PCRE2_ERROR_QUANTIFIER_OUT_OF_ORDER: w = "{} 中的数字顺序颠倒"; break;
		default: w = "写法有误"; break;
		}
		snprintf(why, whylen, "正则表达式 \"%s\" 在第 %zu 个字节处：%s",
		    r->pattern, (size_t)off, w);
		return -1;
	}
	if (pcre2_get_error_message(code, msg, sizeof(msg)) < 0)
		snprintf((char *)msg, sizeof(msg), "error %d", code);
	snprintf(why, whylen, "invalid regular expression \"%s\" at offset %zu: %s",
	    r->pattern, (size_t)off, (const char *)msg);
	return -1;
}

/* Read one <rule> element into r.  0, or -1 with err set. */
static int
load_rule(struct rule *r, xmlNodePtr rn, xmlDocPtr doc, const char *path,
    char *err, size_t errlen)
{
	xmlNodePtr	 c;
	char		*sev, *pass, why[768];
	unsigned long	 line = pg_xml_line(rn), cline;
	enum pg_finding	 builtin;

	r->line = line;
	r->id = pg_xml_attr(rn, "id");
	r->select = pg_xml_attr(rn, "select");
	sev = pg_xml_attr(rn, "severity");
	if (r->id == NULL || r->select == NULL || sev == NULL) {
		free(sev);
		snprintf(err, errlen, PG_UI("%s:%lu: out of memory", "%s:%lu: 内存不足"),
		    path, line);
		return -1;
	}
	r->sev = strcmp(sev, "error") == 0 ? PG_ERROR : PG_WARNING;
	free(sev);
	if (pg_finding_lookup(r->id, &builtin) == 0) {
		snprintf(err, errlen, PG_UI("%s:%lu: rule %s: the id is a built-in rule "
		    "id; give the team rule its own id", "%s:%lu: 规则 %s：这个 id "
		    "是内置规则的 id；请给团队规则起一个自己的 id"), path, line, r->id);
		return -1;
	}
	if (compile_xpath(r, doc, why, sizeof(why)) != 0) {
		snprintf(err, errlen, PG_UI("%s:%lu: rule %s: %s", "%s:%lu: 规则 %s：%s"),
		    path, line, r->id, why);
		return -1;
	}
	for (c = first_elem(rn); c != NULL; c = next_elem(c)) {
		cline = pg_xml_line(c);
		if (is(c, "description")) {
			if ((r->description = text_of(c)) == NULL)
				goto oom;
		} else if (is(c, "message")) {
			if ((r->message = text_of(c)) == NULL)
				goto oom;
		} else if (is(c, "forbid") || is(c, "require")) {
			r->kind = is(c, "forbid") ? CK_FORBID : CK_REQUIRE;
			if ((r->pattern = pg_xml_attr(c, "pattern")) == NULL)
				goto oom;
			if (compile_re(r, why, sizeof(why)) != 0) {
				snprintf(err, errlen, PG_UI("%s:%lu: rule %s: %s",
				    "%s:%lu: 规则 %s：%s"), path, cline, r->id, why);
				return -1;
			}
		} else if (is(c, "require-child")) {
			r->kind = CK_REQUIRE_CHILD;
			if ((r->child = pg_xml_attr(c, "name")) == NULL)
				goto oom;
		} else if (is(c, "example")) {
			struct example *ne;
			xmlNodePtr copy, body = first_elem(c);

			if ((ne = realloc(r->ex, (r->nex + 1) * sizeof(*ne))) == NULL)
				goto oom;
			r->ex = ne;
			ne = &r->ex[r->nex];
			memset(ne, 0, sizeof(*ne));
			ne->line = cline;
			if ((pass = pg_xml_attr(c, "pass")) == NULL)
				goto oom;
			ne->pass = strcmp(pass, "true") == 0;
			free(pass);
			if ((ne->doc = xmlNewDoc((const xmlChar *)"1.0")) == NULL)
				goto oom;
			r->nex++;
			if (body == NULL ||
			    (copy = xmlDocCopyNode(body, ne->doc, 1)) == NULL)
				goto oom;
			xmlDocSetRootElement(ne->doc, copy);
			if (try_xpath(r, ne->doc, why, sizeof(why)) != 0) {
				snprintf(err, errlen, PG_UI("%s:%lu: rule %s: %s",
				    "%s:%lu: 规则 %s：%s"), path, line, r->id, why);
				return -1;
			}
		}
	}
	return 0;
oom:
	snprintf(err, errlen, PG_UI("%s:%lu: out of memory", "%s:%lu: 内存不足"),
	    path, line);
	return -1;
}

int
pg_ruleset_load(struct pg_ruleset *rs, const char *path, char *err,
    size_t errlen)
{
	struct pg_diags	 d;
	xmlDocPtr	 doc;
	xmlNodePtr	 root, rn;
	char		*buf, *fname, **nf;
	size_t		 len, first = rs->n, i, j;
	int		 rc = -1;

	if ((buf = pg_read_file(path, &len, err, errlen)) == NULL) {
		pg_lang_io_ui(err, errlen);
		return -1;
	}
	pg_diags_init(&d);
	doc = pg_xml_parse_lang(buf, len, path, pg_lang_tag(pg_lang_ui()), &d);
	free(buf);
	if (doc == NULL) {
		if (d.n > 0)
			snprintf(err, errlen, "%s:%lu: %s", path, d.v[0].line, d.v[0].msg);
		else
			snprintf(err, errlen, PG_UI("%s: not well-formed XML",
			    "%s：不是格式正确的 XML"), path);
		pg_diags_free(&d);
		return -1;
	}
	pg_diags_free(&d);
	if (validate(doc, path, err, errlen) != 0)
		goto out;
	if ((fname = strdup(path)) == NULL ||
	    (nf = realloc(rs->files, (rs->nfiles + 1) * sizeof(*nf))) == NULL) {
		free(fname);
		snprintf(err, errlen, PG_UI("%s: out of memory", "%s：内存不足"), path);
		goto out;
	}
	rs->files = nf;
	rs->files[rs->nfiles++] = fname;
	root = xmlDocGetRootElement(doc);
	for (rn = first_elem(root); rn != NULL; rn = next_elem(rn)) {
		struct rule *r;
		if (rs->n == rs->cap) {
			size_t ncap = rs->cap ? rs->cap * 2 : 16;
			struct rule *nv = realloc(rs->v, ncap * sizeof(*nv));
			if (nv == NULL) {
				snprintf(err, errlen, PG_UI("%s: out of memory", "%s：内存不足"), path);
				goto undo;
			}
			rs->v = nv;
			rs->cap = ncap;
		}
		r = &rs->v[rs->n++];
		memset(r, 0, sizeof(*r));
		r->file = fname;
		if (load_rule(r, rn, doc, path, err, errlen) != 0)
			goto undo;
		for (j = 0; j + 1 < rs->n; j++)
			if (strcmp(rs->v[j].id, r->id) == 0) {
				snprintf(err, errlen, PG_UI("%s:%lu: rule %s is defined twice "
				    "(also %s:%lu)", "%s:%lu: 规则 %s 定义了两次（另一处在 "
				    "%s:%lu）"), path, r->line, r->id,
				    rs->v[j].file, rs->v[j].line);
				goto undo;
			}
	}
	rc = 0;
	goto out;
undo:
	for (i = first; i < rs->n; i++)
		rule_free(&rs->v[i]);
	rs->n = first;
	free(rs->files[--rs->nfiles]);
out:
	xmlFreeDoc(doc);
	return rc;
}

/* ---- running ------------------------------------------------------------------ */

static int
has_child(xmlNodePtr n, const char *name)
{
	xmlNodePtr c;

	for (c = first_elem(n); c != NULL; c = next_elem(c))
		if (is(c, name))
			return 1;
	return 0;
}

/* What one rule's run has shown and why it stopped. */
struct rule_run {
	size_t		 shown;		/* findings emitted */
	size_t		 more;		/* findings not shown (RB_FINDINGS) */
	unsigned long	 more_line;	/* the first of them */
	size_t		 nsel;		/* nodes selected */
};

/* The run of a rule set on one document (rules_bound.h). */
struct run {
	struct rb_run		 u;
	const struct pg_ruleset	*rs;
	const char		*name;	/* the plan, as findings name it */
	struct pg_diags		*d;
};

/* Emit r's finding at line with message msg, or count it past the cap. */
static int
show(struct run *c, const struct rule *r, struct rule_run *rr,
    unsigned long line, const char *msg)
{
	if (rr->shown >= RB_FINDINGS) {
		if (rr->more++ == 0)
			rr->more_line = line;
		return 0;
	}
	rr->shown++;
	return pg_diag_emit_team(c->d, r->id, r->sev, c->name, line, "%s", msg);
}

/* The bound of a PCRE2 match error, or RB_NONE. */
static enum rb_bound
match_bound(int rc)
{
	switch (rc) {
	case PCRE2_ERROR_MATCHLIMIT:
		return RB_MATCH_LIMIT;
	case PCRE2_ERROR_DEPTHLIMIT:
		return RB_DEPTH_LIMIT;
	case PCRE2_ERROR_HEAPLIMIT:
		return RB_HEAP_LIMIT;
	default:
		return RB_NONE;
	}
}

/*
 * Check one selected node.  Returns 0, 1 if the rule stops here (a
 * finding says why), or -1 if memory ran out.
 */
static int
check_node(struct run *c, const struct rule *r, struct rule_run *rr,
    xmlNodePtr node, pcre2_match_data *md)
{
	xmlNodePtr	 elem = node;
	unsigned long	 line;
	char		*text, *msg;
	const char	*match = NULL;
	size_t		 matchlen = 0;
	int		 fail = 0, rc;
	enum rb_bound	 b;

	if (node->type == XML_ATTRIBUTE_NODE || node->type == XML_TEXT_NODE ||
	    node->type == XML_CDATA_SECTION_NODE)
		elem = node->parent;
	if (elem == NULL || (node->type != XML_ELEMENT_NODE && elem == node))
		return 0;
	line = pg_xml_line(node->type == XML_ATTRIBUTE_NODE ? elem : node);
	if (line == 0)
		line = pg_xml_line(elem);
	if (r->kind == CK_REQUIRE_CHILD) {
		if (node->type != XML_ELEMENT_NODE || has_child(node, r->child))
			return 0;
		fail = 1;
	}
	rb_arm(&c->u, NULL);
	text = text_of(node);	/* libxml2 builds it: counted */
	rb_disarm(&c->u);
	if (text == NULL)
		return -1;
	if (c->u.over != RB_NONE) {
		free(text);
		return rb_emit_stopped(&c->u, c->d, c->name, line, r->id, r->file,
		    r->line, c->u.over) == 0 ? 1 : -1;
	}
	if (r->kind != CK_REQUIRE_CHILD) {
		rc = pcre2_match(r->re, (PCRE2_SPTR)text, strlen(text), 0, 0, md,
		    c->rs->mctx);
		if (rc >= 0 && r->kind == CK_FORBID) {
			PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);
			fail = 1;
			match = text + ov[0];
			matchlen = ov[1] >= ov[0] ? ov[1] - ov[0] : 0;
		} else if (rc == PCRE2_ERROR_NOMATCH && r->kind == CK_REQUIRE) {
			fail = 1;
		} else if (rc == PCRE2_ERROR_NOMEMORY) {
			free(text);
			return -1;	/* memory, not a pattern too costly */
		} else if ((b = match_bound(rc)) != RB_NONE) {
			free(text);
			return rb_emit_stopped(&c->u, c->d, c->name, line, r->id,
			    r->file, r->line, b) == 0 ? 1 : -1;
		} else if (rc < 0 && rc != PCRE2_ERROR_NOMATCH) {
			PCRE2_UCHAR emsg[256];
			if (pcre2_get_error_message(rc, emsg, sizeof(emsg)) < 0)
				snprintf((char *)emsg, sizeof(emsg), "error %d", rc);
			free(text);
			return rb_emit_match_failed(&c->u, c->d, c->name, line, r->id,
			    r->file, r->line, rc, (const char *)emsg) == 0 ? 0 : -1;
		}
	}
	rc = 0;
	if (fail) {
		if ((msg = rb_expand(r->message, elem, text, match, matchlen)) == NULL)
			rc = -1;
		else if (show(c, r, rr, line, msg) != 0)
			rc = -1;
		free(msg);
	}
	free(text);
	return rc;
}

/*
 * r's select evaluated on doc within the run's budget: the result, or
 * NULL with a finding that says why (0), or if memory ran out (*oom).
 */
static xmlXPathObjectPtr
select_nodes(struct run *c, const struct rule *r, xmlDocPtr doc, int *oom)
{
	xmlXPathContextPtr	 ctx;
	xmlXPathObjectPtr	 res;
	struct xerr		 x;
	unsigned long		 used;
	int			 ops_out;

	if ((ctx = xmlXPathNewContext(doc)) == NULL) {
		*oom = 1;
		return NULL;
	}
	ctx->opLimit = c->u.ops;
	ctx->opCount = 0;
	ctx->node = xmlDocGetRootElement(doc);
	memset(&x, 0, sizeof(x));
	quiet_on(&x);
	rb_arm(&c->u, &ctx->opLimit);
	res = xmlXPathCompiledEval(r->xp, ctx);
	rb_disarm(&c->u);
	quiet_off();
	used = ctx->opCount;
	ops_out = ctx->opLimit != 0 && used >= ctx->opLimit;
	xmlXPathFreeContext(ctx);
	c->u.ops -= used < c->u.ops ? used : c->u.ops;
	if (c->u.over == RB_NONE && ops_out && c->u.ops == 0)
		c->u.over = RB_OPS_USED;
	if (c->u.over != RB_NONE) {
		xmlXPathFreeObject(res);
		if (rb_emit_stopped(&c->u, c->d, c->name, 0, r->id, r->file,
		    r->line, c->u.over) != 0)
			*oom = 1;
		return NULL;
	}
	if (res == NULL && rb_emit_select_failed(&c->u, c->d, c->name, r->id,
	    r->file, r->line, x.set ? x.msg : "out of memory or too complex") != 0)
		*oom = 1;
	return res;
}

/* Run one rule on doc.  0, or -1 if memory ran out. */
static int
run_rule(struct run *c, const struct rule *r, xmlDocPtr doc,
    struct rule_run *rr)
{
	xmlXPathObjectPtr	 res;
	pcre2_match_data	*md = NULL;
	int			 i, rc = 0, oom = 0;

	memset(rr, 0, sizeof(*rr));
	if (c->u.over != RB_NONE)
		return rb_emit_skipped(&c->u, c->d, c->name, r->id, r->file,
		    r->line) == 0 ? 0 : -1;
	if ((res = select_nodes(c, r, doc, &oom)) == NULL)
		return oom ? -1 : 0;
	if (res->type == XPATH_NODESET && res->nodesetval != NULL) {
		rr->nsel = (size_t)res->nodesetval->nodeNr;
		if (r->re != NULL &&
		    (md = pcre2_match_data_create_from_pattern(r->re, NULL)) == NULL)
			rc = -1;
		for (i = 0; rc == 0 && i < res->nodesetval->nodeNr; i++) {
			if (rb_check_time(&c->u) != RB_NONE) {
				rc = rb_emit_stopped(&c->u, c->d, c->name,
				    pg_xml_line(res->nodesetval->nodeTab[i]), r->id,
				    r->file, r->line, c->u.over) == 0 ? 1 : -1;
				break;
			}
			rc = check_node(c, r, rr, res->nodesetval->nodeTab[i], md);
		}
		if (rc == 1)
			rc = 0;		/* the rule stopped; a finding says why */
	}
	pcre2_match_data_free(md);
	xmlXPathFreeObject(res);
	if (rc == 0 && rr->more > 0 && rb_emit_more(&c->u, c->d, c->name,
	    rr->more_line, r->id, r->sev, rr->more) != 0)
		rc = -1;
	return rc;
}

int
pg_ruleset_run(const struct pg_ruleset *rs, struct _xmlDoc *doc,
    const char *name, enum pg_lang lang, struct pg_diags *d)
{
	struct run	 c;
	struct rule_run	 rr;
	size_t		 i, nodes, bytes;
	int		 rc = 0;

	if (rs == NULL || doc == NULL || rs->n == 0)
		return 0;
	memset(&c, 0, sizeof(c));
	c.rs = rs;
	c.name = name;
	c.d = d;
	rb_measure(xmlDocGetRootElement(doc), &nodes, &bytes);
	for (i = 0; i < rs->n; i++) {
		if (i == 0 || rs->v[i].file != c.u.file)	/* a budget a file */
			rb_start(&c.u, rs->v[i].file, lang == PG_LANG_ZH, nodes,
			    bytes);
		if (run_rule(&c, &rs->v[i], doc, &rr) != 0)
			rc = -1;
	}
	return rc;
}

/* ---- testing ------------------------------------------------------------------ */

long
pg_ruleset_test(const struct pg_ruleset *rs, struct pg_rule_test **out,
    size_t *n)
{
	struct pg_rule_test	*v = NULL;
	size_t			 nv = 0, total = 0, i, k, j, nodes, bytes;
	long			 failed = 0;
	struct run		 c;
	struct rule_run		 rr;

	*out = NULL;
	*n = 0;
	for (i = 0; i < pg_ruleset_count(rs); i++)
		total += rs->v[i].nex;
	if (total > 0 && (v = calloc(total, sizeof(*v))) == NULL)
		return -1;
	for (i = 0; i < pg_ruleset_count(rs); i++) {
		const struct rule *r = &rs->v[i];
		for (k = 0; k < r->nex; k++) {
			const struct example *e = &r->ex[k];
			struct pg_rule_test *t = &v[nv++];
			struct pg_diags d;
			struct pg_sb b;

			t->file = r->file;
			t->line = e->line;
			t->example = k + 1;
			t->rule = r->id;
			pg_diags_init(&d);
			memset(&c, 0, sizeof(c));
			c.rs = rs;
			c.name = r->file;
			c.d = &d;
			rb_measure(xmlDocGetRootElement(e->doc), &nodes, &bytes);
			rb_start(&c.u, r->file, 0, nodes, bytes);
			if (run_rule(&c, r, e->doc, &rr) != 0 || d.oom) {
				pg_diags_free(&d);
				pg_rule_tests_free(v, nv);
				return -1;
			}
			t->ok = e->pass ? d.n == 0 : d.n > 0;
			if (!t->ok) {
				failed++;
				pg_sb_init(&b);
				if (rr.nsel == 0)
					pg_sb_printf(&b, PG_UI("expected a finding, but the select "
					    "\"%s\" matches nothing in the example; give the "
					    "example the ancestors the select names",
					    "应有一条审阅意见，但选择表达式 \"%s\" 在示例中什么也没"
					    "选中：请在示例中写出它所指的上级元素"), r->select);
				else if (e->pass) {
					pg_sb_printf(&b, PG_UI("expected no finding, got %zu:",
					    "不应有审阅意见，却有 %zu 条："), d.n);
					for (j = 0; j < d.n; j++)
						pg_sb_printf(&b, PG_UI(" line %lu: %s%s",
						    "第 %lu 行：%s%s"), d.v[j].line, d.v[j].msg,
						    j + 1 < d.n ? PG_UI(";", "；") : "");
				} else
					pg_sb_add(&b, PG_UI("expected a finding, got none",
					    "应有一条审阅意见，却没有"));
				t->detail = pg_sb_take(&b);
				if (t->detail == NULL) {
					pg_diags_free(&d);
					pg_rule_tests_free(v, nv);
					return -1;
				}
			}
			pg_diags_free(&d);
		}
	}
	*out = v;
	*n = nv;
	return failed;
}

void
pg_rule_tests_free(struct pg_rule_test *v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(v[i].detail);
	free(v);
}
