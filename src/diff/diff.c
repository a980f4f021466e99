/*
 * diff.c — what changed between two revisions of a plan.  See diff.h.
 *
 * Each document is flattened once into items (preorder, so a parent comes
 * before its children) holding sorted fields; the two item lists are then
 * matched (ids, then per group), compared field by field, and the matched
 * pairs of each group checked for order with a longest increasing
 * subsequence.  Everything the result points at lives in one arena.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <libxml/tree.h>

#include "diff/diff_int.h"
#include "base/text.h"
#include "base/utf8.h"
#include "model/model.h"
#include "read/xml_read.h"

/* ---- arena -------------------------------------------------------------- */

struct chunk {
	struct chunk	*next;
	size_t		 used, cap;
	char		 mem[];
};

void *
df_alloc(struct df_arena *a, size_t n)
{
	struct chunk	*c = a->head;
	void		*p;

	n = (n + 15) & ~(size_t)15;
	if (n == 0)
		n = 16;
	if (c == NULL || c->cap - c->used < n) {
		size_t cap = n > 65536 ? n : 65536;
		if ((c = malloc(sizeof(*c) + cap)) == NULL) {
			a->oom = 1;
			return NULL;
		}
		c->next = a->head;
		c->used = 0;
		c->cap = cap;
		a->head = c;
	}
	p = c->mem + c->used;
	c->used += n;
	return p;
}

char *
df_strndup(struct df_arena *a, const char *s, size_t n)
{
	char *p = df_alloc(a, n + 1);

	if (p != NULL) {
		memcpy(p, s, n);
		p[n] = '\0';
	}
	return p;
}

char *
df_strdup(struct df_arena *a, const char *s)
{
	return df_strndup(a, s, strlen(s));
}

void
df_arena_free(struct df_arena *a)
{
	struct chunk *c, *n;

	if (a == NULL)
		return;
	for (c = a->head; c != NULL; c = n) {
		n = c->next;
		free(c);
	}
	free(a);
}

/* ---- growable arrays (malloc'd, moved into the arena when done) ---------- */

static int
grow(void **v, size_t *cap, size_t n, size_t size)
{
	void	*p;
	size_t	 c;

	if (n < *cap)
		return 0;
	c = *cap ? *cap * 2 : 16;
	if (c > SIZE_MAX / size || (p = realloc(*v, c * size)) == NULL)
		return -1;
	*v = p;
	*cap = c;
	return 0;
}

/* ---- flattening ---------------------------------------------------------- */

/* List elements of the format that are items even without an id. */
static const char *const item_names[] = {
	"point", "year", "fact", "segment", "competitor", "positioning-map",
	"position", "strength", "weakness", "opportunity", "threat", "goal",
	"dimension", "blueprint", "step", "action", "line", "contingency",
	"kpi", "milestone", "review", "risk", "journey", "stage", "pain",
	"row", "section", "image", "table",
};

/* Prose markup: part of the text of the field that holds it. */
static const char *const prose_names[] = {
	"p", "list", "item", "em", "strong", "fn", "a", "br",
};

static int
in(const char *s, const char *const *t, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (strcmp(s, t[i]) == 0)
			return 1;
	return 0;
}

#define NAME(n)	((const char *)(n)->name)

static int
is_prose(const xmlNode *n)
{
	return in(NAME(n), prose_names, sizeof(prose_names) / sizeof(*prose_names));
}

static int
is_item(const xmlNode *n)
{
	if (n->parent != NULL && n->parent->type == XML_ELEMENT_NODE &&
	    n->parent->parent != NULL &&
	    n->parent->parent->type == XML_DOCUMENT_NODE)
		return 1;	/* a section */
	if (xmlHasProp((xmlNode *)n, (const xmlChar *)"id") != NULL)
		return 1;
	return in(NAME(n), item_names, sizeof(item_names) / sizeof(*item_names));
}

struct flat {
	struct df_side	*s;
	struct df_arena	*a;
	struct df_field	*fv;		/* the fields of the item being built */
	size_t		 nf, fcap;
	struct pg_sb	 text;		/* scratch */
	int		 oom;
};

/* Append the text of n's subtree (prose included, items and structure not)
 * to sb; blocks are separated by a space. */
static void
own_text(const xmlNode *n, struct pg_sb *sb, int top)
{
	const xmlNode *c;

	for (c = n->children; c != NULL; c = c->next) {
		if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
			if (c->content != NULL)
				pg_sb_add(sb, (const char *)c->content);
		} else if (c->type == XML_ELEMENT_NODE && is_prose(c)) {
			if (strcmp(NAME(c), "p") == 0 || strcmp(NAME(c), "item") == 0)
				pg_sb_add(sb, " ");
			if (strcmp(NAME(c), "fn") == 0) {	/* a footnote */
				pg_sb_add(sb, " [");
				own_text(c, sb, 0);
				pg_sb_add(sb, "] ");
				continue;
			}
			own_text(c, sb, 0);
		}
	}
	(void)top;
}

static void
add_field(struct flat *f, const char *path, size_t plen, const char *val,
    unsigned long line)
{
	struct df_field	*d;
	char		*v;

	if (grow((void **)&f->fv, &f->fcap, f->nf, sizeof(*f->fv)) != 0) {
		f->oom = 1;
		return;
	}
	d = &f->fv[f->nf];
	if ((d->path = df_strndup(f->a, path, plen)) == NULL ||
	    (v = df_strdup(f->a, val)) == NULL) {
		f->oom = 1;
		return;
	}
	pg_text_squeeze(v);
	d->val = v;
	d->line = line;
	f->nf++;
}

/* The key of a repeated non-item child: its @name, else @period, else
 * @date, else its place among the siblings of its name; "" if it is not
 * repeated (actual and phase: always keyed). */
static void
child_key(const xmlNode *c, char *buf, size_t n)
{
	const xmlNode	*s;
	size_t		 k = 0, place = 0;
	xmlChar		*v;

	buf[0] = '\0';
	for (s = c->parent->children; s != NULL; s = s->next)
		if (s->type == XML_ELEMENT_NODE && strcmp(NAME(s), NAME(c)) == 0) {
			k++;
			if (s == c)
				place = k;
		}
	/* v2 tracking: actuals (by @date) and phases (by @period) are keyed
	 * even when alone, so adding a second one changes nothing else */
	if (k < 2 && strcmp(NAME(c), "actual") != 0 &&
	    strcmp(NAME(c), "phase") != 0)
		return;
	if ((v = xmlGetNoNsProp(c, (const xmlChar *)"name")) != NULL ||
	    (v = xmlGetNoNsProp(c, (const xmlChar *)"period")) != NULL ||
	    (v = xmlGetNoNsProp(c, (const xmlChar *)"date")) != NULL) {
		snprintf(buf, n, "[%s]", (const char *)v);
		xmlFree(v);
	} else
		snprintf(buf, n, "[%zu]", place);
}

static void flat_children(struct flat *, const xmlNode *, int item,
    char *path, size_t plen);
static void flat_item(struct flat *, const xmlNode *, int parent);

/* The fields of element c (not an item) under path[0..plen), "c[key]". */
static void
flat_field(struct flat *f, const xmlNode *c, int item, char *path, size_t plen)
{
	const xmlAttr	*a;
	char		 key[96];
	size_t		 n, cap = DF_PATH_MAX;
	int		 any = 0;

	child_key(c, key, sizeof(key));
	n = (size_t)snprintf(path + plen, cap - plen, "%s%s", NAME(c), key);
	if (plen + n >= cap)
		return;	/* deeper than any plan: compared no further */
	plen += n;
	for (a = c->properties; a != NULL; a = a->next) {
		xmlChar *v = xmlNodeGetContent((const xmlNode *)a);
		int m = snprintf(path + plen, cap - plen, "/@%s", NAME(a));
		if (v == NULL) {
			f->oom = 1;
			return;
		}
		if (m > 0 && plen + (size_t)m < cap)
			add_field(f, path, plen + (size_t)m, (const char *)v,
			    pg_xml_line(c));
		xmlFree(v);
		any = 1;
	}
	f->text.len = 0;
	own_text(c, &f->text, 1);
	pg_sb_add(&f->text, "");
	if (f->text.oom) {
		f->oom = 1;
		return;
	}
	if ((f->text.s != NULL && f->text.s[strspn(f->text.s, " \t\r\n")] != '\0') ||
	    !any)
		add_field(f, path, plen, f->text.s != NULL ? f->text.s : "",
		    pg_xml_line(c));
	if (plen + 1 < cap) {
		path[plen] = '/';
		flat_children(f, c, item, path, plen + 1);
	}
}

/* The children of n: items become items, the rest fields of `item`. */
static void
flat_children(struct flat *f, const xmlNode *n, int item, char *path,
    size_t plen)
{
	const xmlNode *c;

	for (c = n->children; c != NULL && !f->oom; c = c->next) {
		if (c->type != XML_ELEMENT_NODE || is_prose(c))
			continue;
		if (is_item(c))
			flat_item(f, c, item);
		else
			flat_field(f, c, item, path, plen);
	}
}

static int
cmp_field(const void *a, const void *b)
{
	return strcmp(((const struct df_field *)a)->path,
	    ((const struct df_field *)b)->path);
}

/* FNV-1a over the item's fields: equal fields, equal signature. */
static uint64_t
signature(const struct df_field *v, size_t n)
{
	uint64_t	 h = 1469598103934665603ULL;
	size_t		 i;
	const char	*p;

	for (i = 0; i < n; i++) {
		for (p = v[i].path; ; p++) {
			h = (h ^ (unsigned char)*p) * 1099511628211ULL;
			if (*p == '\0')
				break;
		}
		for (p = v[i].val; ; p++) {
			h = (h ^ (unsigned char)*p) * 1099511628211ULL;
			if (*p == '\0')
				break;
		}
	}
	return h;
}

/* The label of an item without an id (diff.h). */
static const char *const label_attrs[][2] = {
	{ "year", "label" }, { "fact", "label" }, { "segment", "name" },
	{ "competitor", "name" }, { "dimension", "name" }, { "stage", "name" },
	{ "line", "category" }, { "section", "title" }, { "journey", "persona" },
	{ "blueprint", "service" }, { "review", "cadence" }, { "step", "name" },
	{ "position", "competitor" }, { "position", "own" },
	{ "position", "label" }, { "image", "src" },
};

static const char *
item_label(struct flat *f, const xmlNode *n, const char *text)
{
	size_t	 i;
	xmlChar	*v;
	char	*s;
	char	 buf[200];

	if ((v = xmlGetNoNsProp(n, (const xmlChar *)"id")) == NULL)
		for (i = 0; i < sizeof(label_attrs) / sizeof(*label_attrs); i++)
			if (strcmp(NAME(n), label_attrs[i][0]) == 0 &&
			    (v = xmlGetNoNsProp(n,
			    (const xmlChar *)label_attrs[i][1])) != NULL)
				break;
	if (v != NULL) {
		if ((s = df_strdup(f->a, (const char *)v)) != NULL)
			pg_text_squeeze(s);
		xmlFree(v);
		return s;
	}
	if (text == NULL || *text == '\0')
		return NULL;
	f->s->items[f->s->n - 1].text_label = 1;
	return df_strdup(f->a, df_shorten(text, 40, buf, sizeof(buf)));
}

/* What an item is, for a reader: its title, statement or text, short. */
static const char *
item_desc(struct flat *f, const xmlNode *n, const char *text,
    const char *label)
{
	static const char *const names[] = { "title", "statement" };
	const xmlNode	*c;
	size_t		 i;
	char		 buf[200];

	for (i = 0; i < 2 && text == NULL; i++)
		for (c = n->children; c != NULL; c = c->next)
			if (c->type == XML_ELEMENT_NODE &&
			    strcmp(NAME(c), names[i]) == 0) {
				f->text.len = 0;
				own_text(c, &f->text, 1);
				pg_sb_add(&f->text, "");
				if (f->text.oom || f->text.s == NULL)
					return NULL;
				pg_text_squeeze(f->text.s);
				text = f->text.s;
				break;
			}
	if (text == NULL || *text == '\0')
		return NULL;
	text = df_shorten(text, 40, buf, sizeof(buf));
	if (label != NULL && strcmp(label, text) == 0)
		return NULL;
	return df_strdup(f->a, text);
}

static unsigned long
last_line(const xmlNode *n)
{
	unsigned long	 l = pg_xml_line(n), m;
	const xmlNode	*c;

	/* The last line of the subtree: its last node's, recursively. */
	for (c = n->last; c != NULL; c = c->prev) {
		m = c->type == XML_ELEMENT_NODE ? last_line(c) : pg_xml_line(c);
		if (m > l)
			l = m;
		if (c->type == XML_ELEMENT_NODE)
			break;
	}
	return l;
}

static void
flat_item(struct flat *f, const xmlNode *n, int parent)
{
	struct df_side	*s = f->s;
	struct df_item	*it;
	const xmlAttr	*a;
	int		 me;
	size_t		 f0 = f->nf, k;
	char		 path[DF_PATH_MAX];
	xmlChar		*v;
	const char	*text = NULL;

	if (grow((void **)&s->items, &s->cap, s->n, sizeof(*s->items)) != 0) {
		f->oom = 1;
		return;
	}
	me = (int)s->n++;
	it = &s->items[me];
	memset(it, 0, sizeof(*it));
	it->parent = parent;
	it->match = -1;
	/* a prose table's row is not a FAB row (version 2: both <row>) */
	if ((it->elem = df_strdup(f->a, strcmp(NAME(n), "row") == 0 &&
	    n->parent != NULL && n->parent->type == XML_ELEMENT_NODE &&
	    strcmp(NAME(n->parent), "table") == 0 ? "table-row" :
	    NAME(n))) == NULL) {
		f->oom = 1;
		return;
	}
	it->section = parent < 0 ? "plan" : s->items[parent].parent < 0 ?
	    it->elem : s->items[parent].section;
	it->first = pg_xml_line(n);
	it->last = last_line(n);
	if ((v = xmlGetNoNsProp(n, (const xmlChar *)"id")) != NULL) {
		it->id = df_strdup(f->a, (const char *)v);
		xmlFree(v);
		if (it->id == NULL) {
			f->oom = 1;
			return;
		}
	}
	for (a = n->properties; a != NULL; a = a->next) {
		if (strcmp(NAME(a), "id") == 0)
			continue;
		if ((v = xmlNodeGetContent((const xmlNode *)a)) == NULL) {
			f->oom = 1;
			return;
		}
		path[0] = '@';
		snprintf(path + 1, sizeof(path) - 1, "%s", NAME(a));
		add_field(f, path, strlen(path), (const char *)v, it->first);
		xmlFree(v);
	}
	f->text.len = 0;
	own_text(n, &f->text, 1);
	pg_sb_add(&f->text, "");
	if (f->text.oom) {
		f->oom = 1;
		return;
	}
	if (f->text.s != NULL && f->text.s[strspn(f->text.s, " \t\r\n")] != '\0') {
		add_field(f, "text", 4, f->text.s, s->items[me].first);
		if (!f->oom)
			text = f->fv[f->nf - 1].val;
	}
	if (f->oom)
		return;
	s->items[me].label = item_label(f, n, text);
	s->items[me].desc = item_desc(f, n, text, s->items[me].label);
	/* this item's own fields are fv[f0..nf); its fields' children next */
	flat_children(f, n, me, path, 0);
	if (f->oom)
		return;
	/*
	 * flat_children() appended the fields of this item after f0, but the
	 * fields of nested items were taken out as each nested item finished
	 * (below), so fv[f0..nf) is exactly this item's.
	 */
	it = &s->items[me];
	k = f->nf - f0;
	if (k > 0) {
		struct df_field *v2 = df_alloc(f->a, k * sizeof(*v2));
		if (v2 == NULL) {
			f->oom = 1;
			return;
		}
		memcpy(v2, f->fv + f0, k * sizeof(*v2));
		qsort(v2, k, sizeof(*v2), cmp_field);
		it->fields = v2;
		it->nfields = k;
	}
	it->sig = signature(it->fields, it->nfields) ^ (uint64_t)strlen(it->elem);
	f->nf = f0;
}

int
df_flatten(const xmlDoc *doc, struct df_arena *a, struct df_side *s)
{
	struct flat	 f;
	const xmlNode	*root = xmlDocGetRootElement((xmlDoc *)doc);

	memset(&f, 0, sizeof(f));
	f.s = s;
	f.a = a;
	pg_sb_init(&f.text);
	if (root != NULL)
		flat_item(&f, root, -1);
	free(f.fv);
	pg_sb_free(&f.text);
	return f.oom || a->oom ? -1 : 0;
}

/* ---- shortening ---------------------------------------------------------- */

const char *
df_shorten(const char *s, size_t max, char *buf, size_t n)
{
	size_t	 len = strlen(s), cut, i;

	if (pg_utf8_count(s, len) <= max && len < n)
		return s;
	cut = pg_text_prefix(s, len, max);
	/* English: end at a word, not in one (Chinese has no spaces). */
	for (i = cut; i > cut / 2; i--)
		if (s[i] == ' ') {
			cut = i;
			break;
		}
	while (cut > 0 && s[cut - 1] == ' ')
		cut--;
	if (cut + 4 > n)
		cut = n > 4 ? pg_text_prefix(s, n - 4, n - 4) : 0;
	memcpy(buf, s, cut);
	memcpy(buf + cut, "\xe2\x80\xa6", 4);	/* … */
	return buf;
}
