/*
 * plan_read.c — the plan model from a parsed document.  See plan_read.h.
 *
 * Design:
 *  1. One walk over the tree, section by section; every container counts
 *     its children first and allocates its array once (linear time even
 *     for 100,000 goals).  Recursion is bounded by libxml2's nesting limit.
 *  2. Nothing is trusted: any element may be missing, repeated (the first
 *     one counts for singular elements) or unknown (ignored), so a draft
 *     that fails the schema still reads.
 *  3. Text goes through one normaliser (struct norm): runs of XML white
 *     space (space, tab, CR, LF) collapse to one space, leading and
 *     trailing white space goes, and a white-space run that contains a
 *     line break vanishes when the characters on both sides are CJK (see
 *     pg_cjk_unspaced() in model.c), so Chinese text wrapped in the source does not gain
 *     spaces.  Prose feeds the same normaliser across run boundaries, so a
 *     space is never doubled where <em> meets surrounding spaces; the one
 *     space stays at the end of the run before the boundary.
 *  4. Temporary text is built in one growing scratch buffer and copied
 *     into the plan's arena when complete.
 */
#include "config.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/tree.h>

#include "read/plan_read.h"
#include "review/rules.h"		/* pg_lang_is_zh() */
#include "base/utf8.h"
#include "read/xml_read.h"

struct trun {			/* a run being built: scratch offset + style */
	size_t		 off;
	unsigned	 style;
};

struct rd {
	struct pg_plan	*p;
	const char	*file;
	struct pg_diags	*d;
	int		 zh;		/* findings in Chinese */
	int		 oom;
	char		*buf;		/* scratch text */
	size_t		 len, cap;
	struct trun	*runs;		/* scratch runs of the current paragraph */
	size_t		 nruns, runcap;
};

/* The normaliser's state between pieces of one string or paragraph. */
struct norm {
	unsigned long	 last;		/* last code point emitted, 0: none */
	int		 ws, ws_nl;	/* pending white space, and it holds a line break */
	int		 runs;		/* record runs (prose) */
};

/* ---- small helpers ------------------------------------------------------ */

static void
finding(struct rd *r, const xmlNode *n, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void
finding(struct rd *r, const xmlNode *n, const char *fmt, ...)
{
	va_list ap;

	if (r->d == NULL)
		return;
	va_start(ap, fmt);
	pg_diag_vemit(r->d, PG_F_SCHEMA, r->file, pg_xml_line(n), fmt, ap);
	va_end(ap);
}

/* Quote at most 40 bytes of s (cut at a UTF-8 boundary) for a message. */
static const char *
shorten(const char *s, char *buf, size_t n)
{
	size_t len = strlen(s), cut = 40;

	if (len <= cut || n < cut + 4)
		return s;
	while (cut > 0 && ((unsigned char)s[cut] & 0xC0) == 0x80)
		cut--;
	memcpy(buf, s, cut);
	memcpy(buf + cut, "...", 4);
	return buf;
}

static int
is_el(const xmlNode *n, const char *name)
{
	return n != NULL && n->type == XML_ELEMENT_NODE &&
	    n->name[0] == (unsigned char)name[0] &&	/* most differ here */
	    strcmp((const char *)n->name, name) == 0;
}

/* The first child element called name, or NULL. */
static xmlNode *
child(const xmlNode *n, const char *name)
{
	xmlNode *c;

	if (n == NULL)
		return NULL;
	for (c = n->children; c != NULL; c = c->next)
		if (is_el(c, name))
			return c;
	return NULL;
}

static size_t
count(const xmlNode *n, const char *name)
{
	const xmlNode	*c;
	size_t		 k = 0;

	if (n == NULL)
		return 0;
	for (c = n->children; c != NULL; c = c->next)
		if (is_el(c, name))
			k++;
	return k;
}

static void *
alloc(struct rd *r, size_t n, size_t size)
{
	void *v;

	if (n == 0 || r->oom)
		return NULL;
	if ((v = pg_alloc(r->p, n, size)) == NULL)
		r->oom = 1;
	return v;
}

static int
is_xml_space(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* ---- the normaliser ----------------------------------------------------- */

static int
grow(struct rd *r, size_t add)
{
	size_t	 ncap;
	char	*nb;

	if (r->len + add + 1 <= r->cap)
		return 0;
	ncap = r->cap ? r->cap : 256;
	while (ncap < r->len + add + 1) {
		if (ncap > SIZE_MAX / 2) {
			r->oom = 1;
			return -1;
		}
		ncap *= 2;
	}
	if ((nb = realloc(r->buf, ncap)) == NULL) {
		r->oom = 1;
		return -1;
	}
	r->buf = nb;
	r->cap = ncap;
	return 0;
}

static void
start(struct rd *r, struct norm *ns, int runs)
{
	r->len = 0;
	r->nruns = 0;
	memset(ns, 0, sizeof(*ns));
	ns->runs = runs;
}

/* Begin a run of `style` at the scratch buffer's end unless the last one has it. */
static void
mark_run(struct rd *r, unsigned style)
{
	if (r->nruns > 0 && r->runs[r->nruns - 1].style == style)
		return;
	if (r->nruns == r->runcap) {
		size_t nc = r->runcap ? r->runcap * 2 : 16;
		struct trun *nv = realloc(r->runs, nc * sizeof(*nv));
		if (nv == NULL) {
			r->oom = 1;
			return;
		}
		r->runs = nv;
		r->runcap = nc;
	}
	r->runs[r->nruns].off = r->len;
	r->runs[r->nruns].style = style;
	r->nruns++;
}

/* Feed text in `style` to the normaliser. */
static void
feed(struct rd *r, struct norm *ns, const char *text, unsigned style)
{
	const unsigned char *s = (const unsigned char *)text;

	if (s == NULL)
		return;
	while (*s != '\0') {
		const unsigned char *q, *p;
		size_t		 n;

		if (is_xml_space(*s)) {
			ns->ws = 1;
			if (*s == '\n' || *s == '\r')
				ns->ws_nl = 1;
			s++;
			continue;
		}
		/* a stretch of non-space characters: one grow, one copy */
		if (ns->ws && ns->last != 0 && !(ns->ws_nl &&
		    pg_cjk_unspaced(ns->last) && pg_cjk_unspaced(pg_utf8_nextz((const char *)s, &n)))) {
			if (grow(r, 1) != 0)
				return;
			r->buf[r->len++] = ' ';
		}
		ns->ws = ns->ws_nl = 0;
		if (ns->runs)
			mark_run(r, style);
		/* ... and the words after it that one plain space separates:
		 * the normalised form of "a b" is itself */
		for (q = s + 1; *q != '\0'; q++)
			if (is_xml_space(*q) && (*q != ' ' || q[1] == '\0' ||
			    is_xml_space(q[1])))
				break;
		if (grow(r, (size_t)(q - s)) != 0)
			return;
		memcpy(r->buf + r->len, s, (size_t)(q - s));
		r->len += (size_t)(q - s);
		for (p = q - 1; p > s && (*p & 0xC0) == 0x80; p--)
			;	/* the last character's first byte */
		ns->last = pg_utf8_nextz((const char *)p, &n);
		s = q;
	}
}

/*
 * Feed the text of n's subtree.  Element children named `skip` are left
 * out (<recovery> inside <fail-point>, ...); <em> and <strong> add their
 * style bits; other elements give their text in the style around them.
 */
static void
feed_tree(struct rd *r, struct norm *ns, const xmlNode *n, const char *skip,
    unsigned style)
{
	const xmlNode *c;

	for (c = n->children; c != NULL && !r->oom; c = c->next) {
		switch (c->type) {
		case XML_TEXT_NODE:
		case XML_CDATA_SECTION_NODE:
			feed(r, ns, (const char *)c->content, style);
			break;
		case XML_ELEMENT_NODE:
			if (skip != NULL && is_el(c, skip))
				break;
			feed_tree(r, ns, c, NULL, style |
			    (is_el(c, "em") ? PG_STYLE_EM : 0) |
			    (is_el(c, "strong") ? PG_STYLE_STRONG : 0));
			break;
		default:
			break;
		}
	}
}

/* The scratch buffer as an arena string. */
static const char *
finish(struct rd *r)
{
	char *s;

	if (r->oom)
		return NULL;
	if ((s = pg_strndup(r->p, r->buf ? r->buf : "", r->len)) == NULL)
		r->oom = 1;
	return s;
}

/* The normalised text of n (without `skip` children); NULL if n is NULL. */
static const char *
text_of(struct rd *r, const xmlNode *n, const char *skip)
{
	struct norm ns;

	if (n == NULL)
		return NULL;
	start(r, &ns, 0);
	feed_tree(r, &ns, n, skip, 0);
	return finish(r);
}

static struct pg_text
text_el(struct rd *r, const xmlNode *n, const char *skip)
{
	struct pg_text t = { NULL, 0 };

	if (n != NULL) {
		t.s = text_of(r, n, skip);
		t.line = pg_xml_line(n);
	}
	return t;
}

/* A normalised attribute value, NULL if absent. */
static const char *
attr(struct rd *r, const xmlNode *n, const char *name)
{
	const xmlAttr	*a;
	const xmlNode	*c;
	struct norm	 ns;

	if (n == NULL)
		return NULL;
	for (a = n->properties; a != NULL; a = a->next)
		if (a->type == XML_ATTRIBUTE_NODE &&
		    strcmp((const char *)a->name, name) == 0)
			break;
	if (a == NULL)
		return NULL;
	start(r, &ns, 0);
	for (c = a->children; c != NULL; c = c->next)
		if (c->type == XML_TEXT_NODE)
			feed(r, &ns, (const char *)c->content, 0);
	return finish(r);
}

/* ---- typed values ------------------------------------------------------- */

/*
 * What the Chinese findings call the value of attribute `name` of n ("<goal>
 * 的属性 \"due\""), or of n's content if name is NULL ("<date>"), in buf.
 */
static const char *
zh_where(const xmlNode *n, const char *name, char *buf, size_t len)
{
	if (name != NULL)
		snprintf(buf, len, "<%s> 的属性 \"%s\"", (const char *)n->name, name);
	else
		snprintf(buf, len, "<%s>", (const char *)n->name);
	return buf;
}

/* A date; `what` names it in English findings, `is_attr`: an attribute. */
static struct pg_date
date_val(struct rd *r, const xmlNode *n, const char *what, int is_attr,
    const char *s)
{
	struct pg_date	 dt = { 0, 0, 0 };
	char		 b[48], w[160];

	if (s != NULL && pg_date_parse(s, &dt) != 0) {
		if (r->zh)
			finding(r, n, "%s 的值 \"%s\" 不是真实存在的日期（格式为 "
			    "YYYY-MM-DD）", zh_where(n, is_attr ? what : NULL, w,
			    sizeof(w)), shorten(s, b, sizeof(b)));
		else
			finding(r, n, "%s \"%s\" is not a real calendar date in the "
			    "form YYYY-MM-DD", what, shorten(s, b, sizeof(b)));
	}
	return dt;
}

static struct pg_date
date_attr(struct rd *r, const xmlNode *n, const char *name)
{
	return date_val(r, n, name, 1, attr(r, n, name));
}

static struct pg_money
money_attr(struct rd *r, const xmlNode *n, const char *name, int nonneg)
{
	struct pg_money	 m = { 0, 0 };
	const char	*s = attr(r, n, name);
	char		 b[48], w[160];
	int		 rc;

	if (s == NULL)
		return m;
	rc = pg_money_parse(s, &m.minor);
	if (r->zh) {
		zh_where(n, name, w, sizeof(w));
		if (rc == -2)
			finding(r, n, "%s 的值 %s 太大（金额最大为 "
			    "92233720368547758.07）", w, shorten(s, b, sizeof(b)));
		else if (rc != 0)
			finding(r, n, "%s 的值 \"%s\" 不是金额：请只写数字，最多两位"
			    "小数，不加分隔符（如 1999.50）", w, shorten(s, b, sizeof(b)));
		else if (nonneg && m.minor < 0)
			finding(r, n, "%s 的值 %s 不能为负数", w,
			    shorten(s, b, sizeof(b)));
		else
			m.set = 1;
	} else if (rc == -2)
		finding(r, n, "%s %s is too large (the largest amount is "
		    "92233720368547758.07)", name, shorten(s, b, sizeof(b)));
	else if (rc != 0)
		finding(r, n, "%s \"%s\" is not an amount of money: write digits "
		    "with at most two decimals, no separators (1999.50)", name,
		    shorten(s, b, sizeof(b)));
	else if (nonneg && m.minor < 0)
		finding(r, n, "%s %s is negative", name, shorten(s, b, sizeof(b)));
	else
		m.set = 1;
	if (!m.set)
		m.minor = 0;
	return m;
}

/* A decimal attribute; if pct, it must lie in 0..100. */
static struct pg_num
num_attr(struct rd *r, const xmlNode *n, const char *name, int pct)
{
	struct pg_num	 v = { NULL, 0 };
	const char	*s = attr(r, n, name), *p;
	size_t		 digits = 0;
	char		 b[48], w[160];

	if (s == NULL)
		return v;
	v.text = s;
	for (p = s; *p != '\0'; p++)
		if (*p >= '0' && *p <= '9')
			digits++;
	if (pg_decimal_parse(s, &v.v) != 0) {
		v.v = 0;
		if (r->zh)
			finding(r, n, "%s 的值 \"%s\" 不是十进制数",
			    zh_where(n, name, w, sizeof(w)),
			    shorten(s, b, sizeof(b)));
		else
			finding(r, n, "%s \"%s\" is not a decimal number", name,
			    shorten(s, b, sizeof(b)));
	} else if (digits > PG_MAX_DECIMAL_DIGITS) {
		v.v = 0;
		if (r->zh)
			finding(r, n, "%s 的值 %s 超过 %d 位数字",
			    zh_where(n, name, w, sizeof(w)),
			    shorten(s, b, sizeof(b)), PG_MAX_DECIMAL_DIGITS);
		else
			finding(r, n, "%s %s has more than %d digits", name,
			    shorten(s, b, sizeof(b)), PG_MAX_DECIMAL_DIGITS);
	} else if (pct && (v.v < 0 || v.v > 100)) {
		if (r->zh)
			finding(r, n, "%s 的值 %s 超出 0..100 的范围",
			    zh_where(n, name, w, sizeof(w)), s);
		else
			finding(r, n, "%s %s is outside 0..100", name, s);
		v.v = v.v < 0 ? 0 : 100;
	}
	return v;
}

/* Index of s in names[0..n), or dflt. */
static int
lookup(const char *s, const char *const *names, int n, int dflt)
{
	int i;

	if (s == NULL)
		return dflt;
	for (i = 0; i < n; i++)
		if (names[i][0] != '\0' && strcmp(s, names[i]) == 0)
			return i;
	return dflt;
}

/* A space-separated id list. */
static struct pg_refs
refs_attr(struct rd *r, const xmlNode *n, const char *name)
{
	struct pg_refs	 v = { NULL, 0 };
	const char	*s = attr(r, n, name), *p;
	char		*copy, *q;
	size_t		 k = 0;

	if (s == NULL || *s == '\0')
		return v;
	for (p = s; *p != '\0'; p++)	/* normalised: single spaces */
		if (*p == ' ')
			k++;
	if ((v.id = alloc(r, k + 1, sizeof(*v.id))) == NULL)
		return v;
	copy = (char *)s;		/* our own arena copy */
	for (q = copy;;) {
		char *sp = strchr(q, ' ');
		v.id[v.n++] = q;
		if (sp == NULL)
			break;
		*sp = '\0';
		q = sp + 1;
	}
	return v;
}

/* ---- prose -------------------------------------------------------------- */

/* The scratch runs as a paragraph. */
static void
finish_para(struct rd *r, struct pg_para *para, unsigned long line)
{
	size_t i;

	para->line = line;
	if (r->oom || r->len == 0)
		return;
	if ((para->runs = alloc(r, r->nruns, sizeof(*para->runs))) == NULL)
		return;
	for (i = 0; i < r->nruns; i++) {
		size_t end = i + 1 < r->nruns ? r->runs[i + 1].off : r->len;
		para->runs[i].style = r->runs[i].style;
		if ((para->runs[i].text = pg_strndup(r->p,
		    r->buf + r->runs[i].off, end - r->runs[i].off)) == NULL) {
			r->oom = 1;
			return;
		}
	}
	para->nruns = r->nruns;
}

static void
para_el(struct rd *r, const xmlNode *n, struct pg_para *para)
{
	struct norm ns;

	start(r, &ns, 1);
	feed_tree(r, &ns, n, NULL, 0);
	finish_para(r, para, pg_xml_line(n));
}

/*
 * Prose: <p> and <list> blocks, or plain (inline) text.  Inline content
 * between blocks (not schema-valid) becomes a paragraph of its own.  An
 * empty element has no blocks.  `skip` names a child element that is not
 * part of the prose (<fact> in <market>).
 */
static struct pg_prose
prose(struct rd *r, const xmlNode *n, const char *skip)
{
	struct pg_prose	 pr = { 0, NULL, 0 };
	const xmlNode	*c;
	struct norm	 ns;
	size_t		 nb = 0, cap;
	int		 open = 0;
	unsigned long	 open_line = 0;

	if (n == NULL)
		return pr;
	pr.line = pg_xml_line(n);
	cap = count(n, "p") + count(n, "list");
	cap = cap * 2 + 1;	/* inline stretches sit between blocks */
	if ((pr.blocks = alloc(r, cap, sizeof(*pr.blocks))) == NULL)
		return pr;
	for (c = n->children; c != NULL && !r->oom; c = c->next) {
		if (is_el(c, "p") || is_el(c, "list")) {
			if (open) {
				pr.blocks[nb].kind = PG_BLOCK_P;
				pr.blocks[nb].line = open_line;
				finish_para(r, &pr.blocks[nb].para, open_line);
				if (pr.blocks[nb].para.nruns > 0)
					nb++;
				open = 0;
			}
			memset(&pr.blocks[nb], 0, sizeof(pr.blocks[nb]));
			if (is_el(c, "p")) {
				pr.blocks[nb].kind = PG_BLOCK_P;
				pr.blocks[nb].line = pg_xml_line(c);
				para_el(r, c, &pr.blocks[nb].para);
			} else {
				struct pg_block	*b = &pr.blocks[nb];
				const xmlNode	*it;
				b->kind = PG_BLOCK_LIST;
				b->line = pg_xml_line(c);
				b->items = alloc(r, count(c, "item"), sizeof(*b->items));
				for (it = c->children; it != NULL && b->items != NULL &&
				    !r->oom; it = it->next)
					if (is_el(it, "item"))
						para_el(r, it, &b->items[b->nitems++]);
			}
			nb++;
			continue;
		}
		if (c->type != XML_TEXT_NODE && c->type != XML_CDATA_SECTION_NODE &&
		    c->type != XML_ELEMENT_NODE)
			continue;
		if (skip != NULL && is_el(c, skip))
			continue;
		if (!open) {
			start(r, &ns, 1);
			open = 1;
			open_line = nb == 0 ? pr.line : pg_xml_line(c);
		}
		if (c->type == XML_ELEMENT_NODE)
			feed_tree(r, &ns, c, NULL,
			    (is_el(c, "em") ? PG_STYLE_EM : 0) |
			    (is_el(c, "strong") ? PG_STYLE_STRONG : 0));
		else
			feed(r, &ns, (const char *)c->content, 0);
	}
	if (open && !r->oom) {
		pr.blocks[nb].kind = PG_BLOCK_P;
		pr.blocks[nb].line = open_line;
		finish_para(r, &pr.blocks[nb].para, open_line);
		if (pr.blocks[nb].para.nruns > 0)
			nb++;
	}
	pr.nblocks = r->oom ? 0 : nb;
	return pr;
}

/* ---- sections ----------------------------------------------------------- */

static void
read_meta(struct rd *r, const xmlNode *n, struct pg_meta *m)
{
	const xmlNode *c;

	if (n == NULL)
		return;
	m->line = pg_xml_line(n);
	m->title = text_el(r, child(n, "title"), NULL);
	m->subtitle = text_el(r, child(n, "subtitle"), NULL);
	m->organization = text_el(r, child(n, "organization"), NULL);
	m->author = text_el(r, child(n, "author"), NULL);
	if ((c = child(n, "date")) != NULL) {
		m->date_line = pg_xml_line(c);
		m->date = date_val(r, c, "date", 0, text_of(r, c, NULL));
	}
	if ((c = child(n, "period")) != NULL) {
		m->period_line = pg_xml_line(c);
		m->period_start = date_attr(r, c, "start");
		m->period_end = date_attr(r, c, "end");
	}
	m->confidentiality = lookup(text_of(r, child(n, "confidentiality"), NULL),
	    pg_confidentiality_names, 5, PG_CONF_NONE);
	m->status = lookup(text_of(r, child(n, "status"), NULL),
	    pg_status_names, 4, PG_STATUS_NONE);
}

static void
read_summary(struct rd *r, const xmlNode *n, struct pg_summary *s)
{
	const xmlNode *c, *e;

	if (n == NULL)
		return;
	s->line = pg_xml_line(n);
	s->market_definition = prose(r, child(n, "market-definition"), NULL);
	if ((c = child(n, "sales")) != NULL) {
		s->sales_line = pg_xml_line(c);
		s->sales_unit = attr(r, c, "unit");
		s->years = alloc(r, count(c, "year"), sizeof(*s->years));
		for (e = c->children; e != NULL && s->years != NULL; e = e->next) {
			struct pg_sales_year *y;
			const char *plan;
			if (!is_el(e, "year"))
				continue;
			y = &s->years[s->nyears++];
			y->line = pg_xml_line(e);
			y->label = attr(r, e, "label");
			y->value = num_attr(r, e, "value", 0);
			plan = attr(r, e, "plan");
			y->plan = plan != NULL && (strcmp(plan, "true") == 0 ||
			    strcmp(plan, "1") == 0);
		}
	}
	if ((c = child(n, "key-points")) != NULL) {
		s->key_points_line = pg_xml_line(c);
		s->key_points = alloc(r, count(c, "point"), sizeof(*s->key_points));
		for (e = c->children; e != NULL && s->key_points != NULL; e = e->next)
			if (is_el(e, "point"))
				s->key_points[s->nkey_points++] = text_el(r, e, NULL);
	}
	s->overview = prose(r, child(n, "overview"), NULL);
}

static void
read_fact(struct rd *r, const xmlNode *e, struct pg_fact *f)
{
	f->line = pg_xml_line(e);
	f->label = attr(r, e, "label");
	f->value = attr(r, e, "value");
}

static void
read_situation(struct rd *r, const xmlNode *n, struct pg_situation *s)
{
	const xmlNode	*c, *e, *market;
	size_t		 k;

	if (n == NULL)
		return;
	s->line = pg_xml_line(n);
	market = child(n, "market");
	s->market = prose(r, market, "fact");
	/*
	 * fact* follows the market prose inside <market>; a <fact> placed
	 * directly in <situation> is read as well, in document order.
	 */
	k = count(market, "fact") + count(n, "fact");
	s->facts = alloc(r, k, sizeof(*s->facts));
	for (c = n->children; c != NULL && s->facts != NULL; c = c->next) {
		if (is_el(c, "fact"))
			read_fact(r, c, &s->facts[s->nfacts++]);
		else if (c == market)
			for (e = c->children; e != NULL; e = e->next)
				if (is_el(e, "fact"))
					read_fact(r, e, &s->facts[s->nfacts++]);
	}
	if ((c = child(n, "customers")) != NULL) {
		s->customers_line = pg_xml_line(c);
		s->segments = alloc(r, count(c, "segment"), sizeof(*s->segments));
		for (e = c->children; e != NULL && s->segments != NULL; e = e->next) {
			struct pg_segment *g;
			if (!is_el(e, "segment"))
				continue;
			g = &s->segments[s->nsegments++];
			g->line = pg_xml_line(e);
			g->id = attr(r, e, "id");
			g->name = attr(r, e, "name");
			g->share = num_attr(r, e, "share", 1);
			g->text = prose(r, e, NULL);
		}
	}
	if ((c = child(n, "competitors")) != NULL) {
		s->competitors_line = pg_xml_line(c);
		s->competitors = alloc(r, count(c, "competitor"),
		    sizeof(*s->competitors));
		for (e = c->children; e != NULL && s->competitors != NULL;
		    e = e->next) {
			struct pg_competitor *g;
			if (!is_el(e, "competitor"))
				continue;
			g = &s->competitors[s->ncompetitors++];
			g->line = pg_xml_line(e);
			g->id = attr(r, e, "id");
			g->name = attr(r, e, "name");
			g->share = num_attr(r, e, "share", 1);
			g->sales = num_attr(r, e, "sales", 0);
			g->text = prose(r, e, NULL);
		}
	}
	s->performance = prose(r, child(n, "performance"), NULL);
	s->events = prose(r, child(n, "events"), NULL);
	if ((c = child(n, "positioning-map")) != NULL) {
		struct pg_posmap *m = &s->posmap;
		m->line = pg_xml_line(c);
		m->x = attr(r, c, "x");
		m->y = attr(r, c, "y");
		m->x_low = attr(r, c, "x-low");
		m->x_high = attr(r, c, "x-high");
		m->y_low = attr(r, c, "y-low");
		m->y_high = attr(r, c, "y-high");
		m->positions = alloc(r, count(c, "position"), sizeof(*m->positions));
		for (e = c->children; e != NULL && m->positions != NULL; e = e->next) {
			struct pg_position *p;
			const char *own;
			if (!is_el(e, "position"))
				continue;
			p = &m->positions[m->npositions++];
			p->line = pg_xml_line(e);
			p->x = num_attr(r, e, "x", 1);
			p->y = num_attr(r, e, "y", 1);
			p->competitor = attr(r, e, "competitor");
			own = attr(r, e, "own");
			p->own = own == NULL ? PG_OWN_NONE :
			    strcmp(own, "current") == 0 ? PG_OWN_CURRENT :
			    strcmp(own, "target") == 0 ? PG_OWN_TARGET : PG_OWN_NONE;
			p->label = attr(r, e, "label");
		}
	}
}

static void
read_swot(struct rd *r, const xmlNode *n, struct pg_swot *s)
{
	const xmlNode	*c;
	size_t		 k = 0;
	int		 kind;

	if (n == NULL)
		return;
	s->line = pg_xml_line(n);
	for (c = n->children; c != NULL; c = c->next)
		if (c->type == XML_ELEMENT_NODE && lookup((const char *)c->name,
		    pg_swot_names, 4, -1) >= 0)
			k++;
	if ((s->items = alloc(r, k, sizeof(*s->items))) == NULL)
		return;
	for (c = n->children; c != NULL; c = c->next) {
		struct pg_swot_item *it;
		if (c->type != XML_ELEMENT_NODE || (kind = lookup(
		    (const char *)c->name, pg_swot_names, 4, -1)) < 0)
			continue;
		it = &s->items[s->nitems++];
		it->line = pg_xml_line(c);
		it->kind = (enum pg_swot_kind)kind;
		it->id = attr(r, c, "id");
		it->text = text_of(r, c, NULL);
	}
}

static void
read_goals(struct rd *r, const xmlNode *n, struct pg_goals *gs)
{
	static const char *const types[] = { "", "strategic", "quantitative" };
	const xmlNode *c, *m;

	if (n == NULL)
		return;
	gs->line = pg_xml_line(n);
	gs->v = alloc(r, count(n, "goal"), sizeof(*gs->v));
	for (c = n->children; c != NULL && gs->v != NULL && !r->oom; c = c->next) {
		struct pg_goal *g;
		if (!is_el(c, "goal"))
			continue;
		g = &gs->v[gs->n++];
		g->line = pg_xml_line(c);
		g->id = attr(r, c, "id");
		g->type = lookup(attr(r, c, "type"), types, 3, PG_GOAL_NONE);
		g->parent = attr(r, c, "parent");
		g->owner = attr(r, c, "owner");
		g->due = date_attr(r, c, "due");
		g->addresses = refs_attr(r, c, "addresses");
		g->statement = text_el(r, child(c, "statement"), NULL);
		if ((m = child(c, "metric")) != NULL) {
			g->metric.line = pg_xml_line(m);
			g->metric.name = attr(r, m, "name");
			g->metric.baseline = num_attr(r, m, "baseline", 0);
			g->metric.target = num_attr(r, m, "target", 0);
			g->metric.unit = attr(r, m, "unit");
		}
		g->note = prose(r, child(c, "note"), NULL);
	}
}

static void
read_step(struct rd *r, const xmlNode *e, struct pg_step *st)
{
	const xmlNode *f;

	st->line = pg_xml_line(e);
	st->id = attr(r, e, "id");
	st->name = attr(r, e, "name");
	st->evidence = text_el(r, child(e, "evidence"), NULL);
	st->customer = text_el(r, child(e, "customer"), NULL);
	st->frontstage = text_el(r, child(e, "frontstage"), NULL);
	st->backstage = text_el(r, child(e, "backstage"), NULL);
	st->support = text_el(r, child(e, "support"), NULL);
	if ((f = child(e, "fail-point")) != NULL) {
		st->fail_point.line = pg_xml_line(f);
		st->fail_point.text = text_of(r, f, "recovery");
		st->fail_point.recovery = text_el(r, child(f, "recovery"), NULL);
	}
}

static void
read_strategy(struct rd *r, const xmlNode *n, struct pg_strategy *s)
{
	const xmlNode	*c, *e;
	int		 i;

	if (n == NULL)
		return;
	s->line = pg_xml_line(n);
	s->positioning = prose(r, child(n, "positioning"), NULL);
	s->target_customers = prose(r, child(n, "target-customers"), NULL);
	s->target_competitors = prose(r, child(n, "target-competitors"), NULL);
	s->core = prose(r, child(n, "core"), NULL);
	if ((c = child(n, "mix")) != NULL) {
		s->mix_line = pg_xml_line(c);
		for (i = 0; i < PG_MIX_N; i++)
			s->mix[i] = prose(r, child(c, pg_mix_names[i]), NULL);
	}
	if ((c = child(n, "service-quality")) != NULL) {
		s->quality_line = pg_xml_line(c);
		s->dimensions = alloc(r, count(c, "dimension"),
		    sizeof(*s->dimensions));
		for (e = c->children; e != NULL && s->dimensions != NULL;
		    e = e->next) {
			struct pg_dimension *dm;
			int k;
			/* a dimension with an unknown name is left out */
			if (!is_el(e, "dimension") || (k = lookup(attr(r, e, "name"),
			    pg_servqual_names, 5, -1)) < 0)
				continue;
			dm = &s->dimensions[s->ndimensions++];
			dm->line = pg_xml_line(e);
			dm->name = (enum pg_servqual)k;
			dm->text = prose(r, e, NULL);
		}
	}
	if ((c = child(n, "blueprint")) != NULL) {
		struct pg_blueprint *b = &s->blueprint;
		b->line = pg_xml_line(c);
		b->service = attr(r, c, "service");
		b->steps = alloc(r, count(c, "step"), sizeof(*b->steps));
		for (e = c->children; e != NULL && b->steps != NULL && !r->oom;
		    e = e->next)
			if (is_el(e, "step"))
				read_step(r, e, &b->steps[b->nsteps++]);
	}
}

static void
read_actions(struct rd *r, const xmlNode *n, struct pg_actions *as)
{
	const xmlNode *c;

	if (n == NULL)
		return;
	as->line = pg_xml_line(n);
	as->v = alloc(r, count(n, "action"), sizeof(*as->v));
	for (c = n->children; c != NULL && as->v != NULL && !r->oom; c = c->next) {
		struct pg_action *a;
		if (!is_el(c, "action"))
			continue;
		a = &as->v[as->n++];
		a->line = pg_xml_line(c);
		a->id = attr(r, c, "id");
		a->goals = refs_attr(r, c, "goals");
		a->owner = attr(r, c, "owner");
		a->start = date_attr(r, c, "start");
		a->end = date_attr(r, c, "end");
		a->category = lookup(attr(r, c, "category"), pg_category_names, 12,
		    PG_CAT_NONE);
		a->title = text_el(r, child(c, "title"), NULL);
		a->description = prose(r, child(c, "description"), NULL);
		a->measure = text_el(r, child(c, "measure"), NULL);
	}
}

static void
read_budget(struct rd *r, const xmlNode *n, struct pg_budget *b)
{
	const xmlNode *c;

	if (n == NULL)
		return;
	b->line = pg_xml_line(n);
	b->total = money_attr(r, n, "total", 0);
	b->lines = alloc(r, count(n, "line"), sizeof(*b->lines));
	for (c = n->children; c != NULL && b->lines != NULL && !r->oom;
	    c = c->next) {
		struct pg_budget_line *l;
		if (!is_el(c, "line"))
			continue;
		l = &b->lines[b->nlines++];
		l->line = pg_xml_line(c);
		l->category = attr(r, c, "category");
		l->amount = money_attr(r, c, "amount", 1);
		l->action = attr(r, c, "action");
		l->text = text_of(r, c, NULL);
	}
	if ((c = child(n, "contingency")) != NULL) {
		b->contingency_line = pg_xml_line(c);
		b->contingency = money_attr(r, c, "amount", 0);
		b->contingency_text = text_of(r, c, NULL);
	}
}

static void
read_controls(struct rd *r, const xmlNode *n, struct pg_controls *k)
{
	const xmlNode *c;

	if (n == NULL)
		return;
	k->line = pg_xml_line(n);
	k->kpis = alloc(r, count(n, "kpi"), sizeof(*k->kpis));
	k->milestones = alloc(r, count(n, "milestone"), sizeof(*k->milestones));
	k->reviews = alloc(r, count(n, "review"), sizeof(*k->reviews));
	k->risks = alloc(r, count(n, "risk"), sizeof(*k->risks));
	if (r->oom)
		return;
	for (c = n->children; c != NULL && !r->oom; c = c->next) {
		if (is_el(c, "kpi")) {
			struct pg_kpi *x = &k->kpis[k->nkpis++];
			x->line = pg_xml_line(c);
			x->goal = attr(r, c, "goal");
			x->owner = attr(r, c, "owner");
			x->target = attr(r, c, "target");
			x->frequency = lookup(attr(r, c, "frequency"),
			    pg_frequency_names, 5, PG_FREQ_NONE);
			x->text = text_of(r, c, NULL);
		} else if (is_el(c, "milestone")) {
			struct pg_milestone *x = &k->milestones[k->nmilestones++];
			x->line = pg_xml_line(c);
			x->date = date_attr(r, c, "date");
			x->goals = refs_attr(r, c, "goals");
			x->text = text_of(r, c, NULL);
		} else if (is_el(c, "review")) {
			struct pg_review *x = &k->reviews[k->nreviews++];
			x->line = pg_xml_line(c);
			x->cadence = attr(r, c, "cadence");
			x->text = text_of(r, c, NULL);
		} else if (is_el(c, "risk")) {
			struct pg_risk *x = &k->risks[k->nrisks++];
			x->line = pg_xml_line(c);
			x->likelihood = lookup(attr(r, c, "likelihood"),
			    pg_level_names, 4, PG_LEVEL_NONE);
			x->impact = lookup(attr(r, c, "impact"), pg_level_names, 4,
			    PG_LEVEL_NONE);
			x->text = text_of(r, c, "mitigation");
			x->mitigation = text_el(r, child(c, "mitigation"), NULL);
		}
	}
}

/* ---- accept instructions ------------------------------------------------ */

/* "accept RULE..." data of a plangen PI, or NULL if it is another PI. */
static const char *
accept_data(const xmlNode *n)
{
	const char *s;

	if (n->type != XML_PI_NODE || strcmp((const char *)n->name, "plangen") != 0)
		return NULL;
	s = n->content != NULL ? (const char *)n->content : "";
	while (is_xml_space((unsigned char)*s))
		s++;
	if (strncmp(s, "accept", 6) != 0 ||
	    (s[6] != '\0' && !is_xml_space((unsigned char)s[6])))
		return NULL;
	return s + 6;
}

static int
blank(const xmlNode *n)
{
	const unsigned char *s = n->content;

	for (; s != NULL && *s != '\0'; s++)
		if (!is_xml_space(*s))
			return 0;
	return 1;
}

static unsigned long
max_line(const xmlNode *n)
{
	const xmlNode	*c;
	unsigned long	 m = pg_xml_line(n), l;

	if (n->type != XML_ELEMENT_NODE)
		return m;
	for (c = n->children; c != NULL; c = c->next)
		if ((l = max_line(c)) > m)
			m = l;
	return m;
}

/* The accept PIs of the document, in document order (one walk). */
struct pis {
	const xmlNode	**v;
	size_t		  n, cap;
};

static void
find_accepts(struct rd *r, const xmlNode *n, struct pis *pis)
{
	for (; n != NULL && !r->oom; n = n->next) {
		if (n->type == XML_PI_NODE && accept_data(n) != NULL) {
			if (pis->n == pis->cap) {
				size_t ncap = pis->cap ? pis->cap * 2 : 16;
				const xmlNode **nv = realloc(pis->v, ncap * sizeof(*nv));
				if (nv == NULL) {
					r->oom = 1;
					return;
				}
				pis->v = nv;
				pis->cap = ncap;
			}
			pis->v[pis->n++] = n;
		}
		if (n->type == XML_ELEMENT_NODE && n->children != NULL)
			find_accepts(r, n->children, pis);
	}
}

static void
read_accept(struct rd *r, const xmlNode *pi, const char *data,
    struct pg_accept *a)
{
	const xmlNode	*e;
	struct pg_refs	 ids = { NULL, 0 };
	struct norm	 ns;
	const char	*s;

	a->line = pg_xml_line(pi);
	/* the element it covers: skip blank text, comments and other PIs */
	for (e = pi->next; e != NULL; e = e->next)
		if (e->type == XML_ELEMENT_NODE ||
		    ((e->type == XML_TEXT_NODE || e->type == XML_CDATA_SECTION_NODE) &&
		    !blank(e)))
			break;
	if (e != NULL && e->type == XML_ELEMENT_NODE) {
		a->first = pg_xml_line(e);
		a->last = max_line(e);
	}
	start(r, &ns, 0);
	feed(r, &ns, data, 0);
	if ((s = finish(r)) == NULL || *s == '\0')
		return;
	{
		/* split like a reference list */
		const char	*p;
		size_t		 k = 1;
		char		*q;
		for (p = s; *p != '\0'; p++)
			if (*p == ' ')
				k++;
		if ((ids.id = alloc(r, k, sizeof(*ids.id))) == NULL)
			return;
		for (q = (char *)s;;) {
			char *sp = strchr(q, ' ');
			ids.id[ids.n++] = q;
			if (sp == NULL)
				break;
			*sp = '\0';
			q = sp + 1;
		}
	}
	a->rules = ids.id;
	a->nrules = ids.n;
}


/* ---- the plan ----------------------------------------------------------- */

struct pg_plan *
pg_plan_read(xmlDocPtr doc, const char *file, struct pg_diags *d)
{
	return pg_plan_read_lang(doc, file, NULL, d);
}

struct pg_plan *
pg_plan_read_lang(xmlDocPtr doc, const char *file, const char *lang,
    struct pg_diags *d)
{
	struct rd	 r;
	struct pg_plan	*p;
	const xmlNode	*root;
	const char	*s;
	size_t		 k;

	if ((p = pg_plan_new()) == NULL)
		return NULL;
	memset(&r, 0, sizeof(r));
	r.p = p;
	r.file = file != NULL ? file : "";
	r.d = d;
	r.zh = pg_lang_is_zh(lang);
	root = doc != NULL ? xmlDocGetRootElement(doc) : NULL;
	if (root != NULL && is_el(root, "plan")) {
		p->line = pg_xml_line(root);
		if ((s = attr(&r, root, "lang")) != NULL && *s != '\0')
			p->lang = s;
		if ((s = attr(&r, root, "currency")) != NULL && *s != '\0')
			p->currency = s;
		read_meta(&r, child(root, "meta"), &p->meta);
		read_summary(&r, child(root, "summary"), &p->summary);
		read_situation(&r, child(root, "situation"), &p->situation);
		read_swot(&r, child(root, "swot"), &p->swot);
		read_goals(&r, child(root, "goals"), &p->goals);
		read_strategy(&r, child(root, "strategy"), &p->strategy);
		read_actions(&r, child(root, "actions"), &p->actions);
		read_budget(&r, child(root, "budget"), &p->budget);
		read_controls(&r, child(root, "controls"), &p->controls);
	}
	if (doc != NULL && !r.oom && pg_xml_has_pi(doc) != 0) {
		struct pis pis = { NULL, 0, 0 };
		find_accepts(&r, doc->children, &pis);
		if (pis.n > 0 && (p->accepts = alloc(&r, pis.n, sizeof(*p->accepts))) != NULL)
			for (k = 0; k < pis.n && !r.oom; k++)
				read_accept(&r, pis.v[k], accept_data(pis.v[k]),
				    &p->accepts[p->naccepts++]);
		free(pis.v);
	}
	free(r.buf);
	free(r.runs);
	if (r.oom) {
		pg_plan_free(p);
		return NULL;
	}
	return p;
}
