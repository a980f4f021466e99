/*
 * plan_values.c — how one element or attribute of a plan becomes a value
 * of the model: the text normaliser, attributes, typed values (dates,
 * money, decimals, enumerations, id lists) with the `schema` findings for
 * values that do not parse, and prose (paragraphs, lists, styled runs).
 * The interface and its contracts: plan_read_int.h.  What the plan is made
 * of, section by section, is plan_read.c.
 *
 * Design:
 *  1. Text goes through one normaliser (struct norm): runs of XML white
 *     space (space, tab, CR, LF) collapse to one space, leading and
 *     trailing white space goes, and a white-space run that contains a
 *     line break vanishes when the characters on both sides are CJK (see
 *     pg_cjk_unspaced() in base/text.c), so Chinese text wrapped in the source
 *     does not gain spaces.  Prose feeds the same normaliser across run
 *     boundaries, so a space is never doubled where <em> meets surrounding
 *     spaces; the one space stays at the end of the run before the
 *     boundary.
 *  2. Temporary text is built in one growing scratch buffer (r->buf) and
 *     copied into the plan's arena when complete.
 */
#include "config.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/tree.h>

#include "base/text.h"
#include "base/utf8.h"
#include "read/plan_read.h"		/* PG_MAX_DECIMAL_DIGITS */
#include "read/plan_read_int.h"
#include "read/xml_read.h"

struct trun {			/* a run being built: scratch offset + style */
	size_t		 off;
	unsigned	 style;
	const char	*href;		/* PG_STYLE_LINK: the target (arena) */
};

static void	feed_tree(struct rd *, struct norm *, const xmlNode *,
		    const char *, unsigned);

/* ---- findings and the tree --------------------------------------------- */

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

/* The first child element called name, or NULL. */
xmlNode *
pg_rd_child(const xmlNode *n, const char *name)
{
	xmlNode *c;

	if (n == NULL)
		return NULL;
	for (c = n->children; c != NULL; c = c->next)
		if (pg_rd_is_el(c, name))
			return c;
	return NULL;
}

size_t
pg_rd_count(const xmlNode *n, const char *name)
{
	const xmlNode	*c;
	size_t		 k = 0;

	if (n == NULL)
		return 0;
	for (c = n->children; c != NULL; c = c->next)
		if (pg_rd_is_el(c, name))
			k++;
	return k;
}

void *
pg_rd_alloc(struct rd *r, size_t n, size_t size)
{
	void *v;

	if (n == 0 || r->oom)
		return NULL;
	if ((v = pg_alloc(r->p, n, size)) == NULL)
		r->oom = 1;
	return v;
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

void
pg_rd_start(struct rd *r, struct norm *ns, int runs)
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
	if (r->nruns > 0 && r->runs[r->nruns - 1].style == style &&
	    r->runs[r->nruns - 1].href == r->href && !r->newrun)
		return;
	r->newrun = 0;
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
	r->runs[r->nruns].href = (style & PG_STYLE_LINK) ? r->href : NULL;
	r->nruns++;
}

/* Feed text in `style` to the normaliser. */
void
pg_rd_feed(struct rd *r, struct norm *ns, const char *text, unsigned style)
{
	const unsigned char *s = (const unsigned char *)text;

	if (s == NULL)
		return;
	while (*s != '\0') {
		const unsigned char *q, *p;
		size_t		 n;

		if (pg_rd_is_space(*s)) {
			ns->ws = 1;
			if (*s == '\n' || *s == '\r')
				ns->ws_nl = 1;
			s++;
			continue;
		}
		/* a stretch of non-space characters: one grow, one copy;
		 * after a footnote or link, the space starts the new run */
		if (ns->runs && r->newrun && r->nruns > 0 &&
		    (r->runs[r->nruns - 1].style & (PG_STYLE_FN |
		    PG_STYLE_LINK)) && !(style & (PG_STYLE_FN | PG_STYLE_LINK)))
			mark_run(r, style);
		if (ns->ws && pg_text_space_between(ns->last, ns->ws_nl,
		    pg_utf8_nextz((const char *)s, &n))) {
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
			if (pg_rd_is_space(*q) && (*q != ' ' || q[1] == '\0' ||
			    pg_rd_is_space(q[1])))
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
void
pg_rd_feed_tree(struct rd *r, struct norm *ns, const xmlNode *n,
    unsigned style)
{
	feed_tree(r, ns, n, NULL, style);
}

static void
feed_tree(struct rd *r, struct norm *ns, const xmlNode *n, const char *skip,
    unsigned style)
{
	const xmlNode *c;

	for (c = n->children; c != NULL && !r->oom; c = c->next) {
		switch (c->type) {
		case XML_TEXT_NODE:
		case XML_CDATA_SECTION_NODE:
			pg_rd_feed(r, ns, (const char *)c->content, style);
			break;
		case XML_ELEMENT_NODE:
			if (skip != NULL && pg_rd_is_el(c, skip))
				break;
			if (r->skip2 != NULL && pg_rd_is_el(c, r->skip2))
				break;
			if (ns->runs && (pg_rd_is_el(c, "fn") ||
			    pg_rd_is_el(c, "a"))) {
				pg_rd_feed_v2(r, ns, c, style);
				break;
			}
			feed_tree(r, ns, c, NULL, style |
			    (pg_rd_is_el(c, "em") ? PG_STYLE_EM : 0) |
			    (pg_rd_is_el(c, "strong") ? PG_STYLE_STRONG : 0));
			break;
		default:
			break;
		}
	}
}

/* The scratch buffer as an arena string. */
const char *
pg_rd_finish(struct rd *r)
{
	char *s;

	if (r->oom)
		return NULL;
	if ((s = pg_strndup(r->p, r->buf ? r->buf : "", r->len)) == NULL)
		r->oom = 1;
	return s;
}

/* The normalised text of n (without `skip` children); NULL if n is NULL. */
const char *
pg_rd_text(struct rd *r, const xmlNode *n, const char *skip)
{
	struct norm ns;

	if (n == NULL)
		return NULL;
	pg_rd_start(r, &ns, 0);
	feed_tree(r, &ns, n, skip, 0);
	return pg_rd_finish(r);
}

const char *
pg_rd_text2(struct rd *r, const xmlNode *n, const char *skip,
    const char *skip2)
{
	const char *s;

	r->skip2 = skip2;
	s = pg_rd_text(r, n, skip);
	r->skip2 = NULL;
	return s;
}

struct pg_text
pg_rd_text_el(struct rd *r, const xmlNode *n, const char *skip)
{
	struct pg_text t = { NULL, 0 };

	if (n != NULL) {
		t.s = pg_rd_text(r, n, skip);
		t.line = pg_xml_line(n);
	}
	return t;
}

/* A normalised attribute value, NULL if absent. */
const char *
pg_rd_attr(struct rd *r, const xmlNode *n, const char *name)
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
	pg_rd_start(r, &ns, 0);
	for (c = a->children; c != NULL; c = c->next)
		if (c->type == XML_TEXT_NODE)
			pg_rd_feed(r, &ns, (const char *)c->content, 0);
	return pg_rd_finish(r);
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
struct pg_date
pg_rd_date(struct rd *r, const xmlNode *n, const char *what, int is_attr,
    const char *s)
{
	struct pg_date	 dt = { 0, 0, 0 };
	char		 b[48], w[160];

	if (s != NULL && pg_date_parse(s, &dt) != 0) {
		if (r->zh)
			finding(r, n, "%s 的值 \"%s\" 不是真实存在的日期（格式为 "
			    "YYYY-MM-DD）", zh_where(n, is_attr ? what : NULL, w,
			    sizeof(w)), pg_text_clip(s, 40, b, sizeof(b)));
		else
			finding(r, n, "%s \"%s\" is not a real calendar date in the "
			    "form YYYY-MM-DD", what, pg_text_clip(s, 40, b, sizeof(b)));
	}
	return dt;
}

struct pg_date
pg_rd_date_attr(struct rd *r, const xmlNode *n, const char *name)
{
	return pg_rd_date(r, n, name, 1, pg_rd_attr(r, n, name));
}

struct pg_money
pg_rd_money_attr(struct rd *r, const xmlNode *n, const char *name, int nonneg)
{
	struct pg_money	 m = { 0, 0 };
	const char	*s = pg_rd_attr(r, n, name);
	char		 b[48], w[160];
	int		 rc;

	if (s == NULL)
		return m;
	rc = pg_money_parse(s, &m.minor);
	if (r->zh) {
		zh_where(n, name, w, sizeof(w));
		if (rc == -2)
			finding(r, n, "%s 的值 %s 太大（金额最大为 "
			    "92233720368547758.07）", w, pg_text_clip(s, 40, b, sizeof(b)));
		else if (rc != 0)
			finding(r, n, "%s 的值 \"%s\" 不是金额：请只写数字，最多两位"
			    "小数，不加分隔符（如 1999.50）", w, pg_text_clip(s, 40, b, sizeof(b)));
		else if (nonneg && m.minor < 0)
			finding(r, n, "%s 的值 %s 不能为负数", w,
			    pg_text_clip(s, 40, b, sizeof(b)));
		else
			m.set = 1;
	} else if (rc == -2)
		finding(r, n, "%s %s is too large (the largest amount is "
		    "92233720368547758.07)", name, pg_text_clip(s, 40, b, sizeof(b)));
	else if (rc != 0)
		finding(r, n, "%s \"%s\" is not an amount of money: write digits "
		    "with at most two decimals, no separators (1999.50)", name,
		    pg_text_clip(s, 40, b, sizeof(b)));
	else if (nonneg && m.minor < 0)
		finding(r, n, "%s %s is negative", name, pg_text_clip(s, 40, b, sizeof(b)));
	else
		m.set = 1;
	if (!m.set)
		m.minor = 0;
	return m;
}

/* A decimal attribute; if pct, it must lie in 0..100. */
struct pg_num
pg_rd_num_attr(struct rd *r, const xmlNode *n, const char *name, int pct)
{
	struct pg_num	 v = { NULL, 0 };
	const char	*s = pg_rd_attr(r, n, name), *p;
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
			    pg_text_clip(s, 40, b, sizeof(b)));
		else
			finding(r, n, "%s \"%s\" is not a decimal number", name,
			    pg_text_clip(s, 40, b, sizeof(b)));
	} else if (digits > PG_MAX_DECIMAL_DIGITS) {
		v.v = 0;
		if (r->zh)
			finding(r, n, "%s 的值 %s 超过 %d 位数字",
			    zh_where(n, name, w, sizeof(w)),
			    pg_text_clip(s, 40, b, sizeof(b)), PG_MAX_DECIMAL_DIGITS);
		else
			finding(r, n, "%s %s has more than %d digits", name,
			    pg_text_clip(s, 40, b, sizeof(b)), PG_MAX_DECIMAL_DIGITS);
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
int
pg_rd_lookup(const char *s, const char *const *names, int n, int dflt)
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
struct pg_refs
pg_rd_refs_attr(struct rd *r, const xmlNode *n, const char *name)
{
	struct pg_refs	 v = { NULL, 0 };
	const char	*s = pg_rd_attr(r, n, name), *p;
	char		*copy, *q;
	size_t		 k = 0;

	if (s == NULL || *s == '\0')
		return v;
	for (p = s; *p != '\0'; p++)	/* normalised: single spaces */
		if (*p == ' ')
			k++;
	if ((v.id = pg_rd_alloc(r, k + 1, sizeof(*v.id))) == NULL)
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
	if ((para->runs = pg_rd_alloc(r, r->nruns, sizeof(*para->runs))) == NULL)
		return;
	for (i = 0; i < r->nruns; i++) {
		size_t end = i + 1 < r->nruns ? r->runs[i + 1].off : r->len;
		para->runs[i].style = r->runs[i].style;
		if (r->runs[i].style & PG_STYLE_LINK) {
			/* "text\0href\0": see pg_run_href() */
			const char *h = r->runs[i].href ? r->runs[i].href : "";
			size_t	 tl = end - r->runs[i].off, hl = strlen(h);
			char	*t = pg_alloc(r->p, tl + hl + 2, 1);
			if (t == NULL) {
				r->oom = 1;
				return;
			}
			memcpy(t, r->buf + r->runs[i].off, tl);
			memcpy(t + tl + 1, h, hl);
			para->runs[i].text = t;
		} else if ((para->runs[i].text = pg_strndup(r->p,
		    r->buf + r->runs[i].off, end - r->runs[i].off)) == NULL) {
			r->oom = 1;
			return;
		}
	}
	para->nruns = r->nruns;
}

void
pg_rd_para(struct rd *r, const xmlNode *n, struct pg_para *para)
{
	struct norm ns;

	pg_rd_start(r, &ns, 1);
	feed_tree(r, &ns, n, NULL, 0);
	finish_para(r, para, pg_xml_line(n));
}

/*
 * Prose: <p> and <list> blocks, or plain (inline) text.  Inline content
 * between blocks (not schema-valid) becomes a paragraph of its own.  An
 * empty element has no blocks.  `skip` names a child element that is not
 * part of the prose (<fact> in <market>).
 */
struct pg_prose
pg_rd_prose(struct rd *r, const xmlNode *n, const char *skip)
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
	cap = pg_rd_count(n, "p") + pg_rd_count(n, "list") +
	    pg_rd_count(n, "table") + pg_rd_count(n, "image");
	cap = cap * 2 + 1;	/* inline stretches sit between blocks */
	if ((pr.blocks = pg_rd_alloc(r, cap, sizeof(*pr.blocks))) == NULL)
		return pr;
	for (c = n->children; c != NULL && !r->oom; c = c->next) {
		if (pg_rd_is_el(c, "p") || pg_rd_is_el(c, "list") ||
		    pg_rd_is_el(c, "table") || pg_rd_is_el(c, "image")) {
			if (open) {
				pr.blocks[nb].kind = PG_BLOCK_P;
				pr.blocks[nb].line = open_line;
				finish_para(r, &pr.blocks[nb].para, open_line);
				if (pr.blocks[nb].para.nruns > 0)
					nb++;
				open = 0;
			}
			memset(&pr.blocks[nb], 0, sizeof(pr.blocks[nb]));
			if (pg_rd_is_el(c, "table"))
				pg_rd_table(r, c, &pr.blocks[nb]);
			else if (pg_rd_is_el(c, "image"))
				pg_rd_image(r, c, &pr.blocks[nb]);
			else if (pg_rd_is_el(c, "p")) {
				pr.blocks[nb].kind = PG_BLOCK_P;
				pr.blocks[nb].line = pg_xml_line(c);
				pg_rd_para(r, c, &pr.blocks[nb].para);
			} else {
				struct pg_block	*b = &pr.blocks[nb];
				const xmlNode	*it;
				b->kind = PG_BLOCK_LIST;
				b->line = pg_xml_line(c);
				b->items = pg_rd_alloc(r, pg_rd_count(c, "item"),
				    sizeof(*b->items));
				for (it = c->children; it != NULL && b->items != NULL &&
				    !r->oom; it = it->next)
					if (pg_rd_is_el(it, "item"))
						pg_rd_para(r, it, &b->items[b->nitems++]);
			}
			nb++;
			continue;
		}
		if (c->type != XML_TEXT_NODE && c->type != XML_CDATA_SECTION_NODE &&
		    c->type != XML_ELEMENT_NODE)
			continue;
		if (skip != NULL && pg_rd_is_el(c, skip))
			continue;
		if (!open) {
			pg_rd_start(r, &ns, 1);
			open = 1;
			open_line = nb == 0 ? pr.line : pg_xml_line(c);
		}
		if (c->type == XML_ELEMENT_NODE)
			feed_tree(r, &ns, c, NULL,
			    (pg_rd_is_el(c, "em") ? PG_STYLE_EM : 0) |
			    (pg_rd_is_el(c, "strong") ? PG_STYLE_STRONG : 0));
		else
			pg_rd_feed(r, &ns, (const char *)c->content, 0);
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
