/*
 * template.c — load, validate and query report templates.  See template.h.
 *
 * Invariants:
 *  1. A template file is read and parsed with the safe reader (xml_read.h)
 *     and validated against the embedded template.rng before any value is
 *     taken from it; every problem is a finding with file and line.
 *  2. Labels are resolved template first, then the embedded default
 *     template; a label key the default does not know is a finding.
 *  3. Everything a loaded template holds is malloc'd and owned by it.
 */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <strings.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <libxml/relaxng.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>

#include "base/embedded.h"
#include "base/image.h"
#include "compose/template.h"
#include "compose/template_int.h"
#include "base/lang.h"
#include "read/lib_msg.h"
#include "read/xml_read.h"


#ifndef PG_DATADIR
#define PG_DATADIR "/usr/share/plangen"
#endif

#define MM	(72.0 / 25.4)
/* Most labels a template may define (the default has about 160). */
#define PG_MAX_LABELS	1000
#define RULE	PG_F_TEMPLATE

const char *const pg_section_names[PG_SEC_N] = {
	"summary", "situation", "swot", "goals", "strategy", "actions",
	"budget", "controls",
};

static char *
xstrdup(const char *s)
{
	return s == NULL ? NULL : strdup(s);
}

/* ---- freeing ----------------------------------------------------------- */

static void
ltext_free(struct pg_ltext *t)
{
	free(t->en);
	free(t->zh);
	t->en = t->zh = NULL;
}

void
pg_template_free(struct pg_template *t)
{
	size_t	i;

	if (t == NULL)
		return;
	free(t->name);
	free(t->path);
	ltext_free(&t->description);
	free(t->font_latin);
	free(t->font_cjk);
	free(t->logo);
	free(t->extends);
	for (i = 0; i < PG_SLOT_N; i++) {
		ltext_free(&t->header[i]);
		ltext_free(&t->footer[i]);
	}
	for (i = 0; i < t->nlabels; i++) {
		free(t->labels[i].key);
		ltext_free(&t->labels[i].text);
	}
	free(t->labels);
	for (i = 0; i < t->nfiles; i++)
		free(t->files[i]);
	free(t->files);
	free(t);
}

/* ---- reading values ---------------------------------------------------- */


static double
attr_num(const xmlNode *n, const char *name, double dflt)
{
	char	*s = pg_xml_attr(n, name);
	double	 v = dflt;

	if (s != NULL) {
		v = strtod(s, NULL);
		free(s);
	}
	return v;
}

/* Set *v to attribute name times scale, if n has it. */
static void
set_num(const xmlNode *n, const char *name, double *v, double scale)
{
	if (xmlHasProp(n, (const xmlChar *)name) != NULL)
		*v = attr_num(n, name, 0) * scale;
}

/* Replace *s with attribute name, if n has it. */
static void
set_str(const xmlNode *n, const char *name, char **s)
{
	char	*v;

	if ((v = pg_xml_attr(n, name)) != NULL) {
		free(*s);
		*s = v;
	}
}

static struct pg_color attr_color(const xmlNode *, const char *);

static void
set_color(const xmlNode *n, const char *name, struct pg_color *c)
{
	if (xmlHasProp(n, (const xmlChar *)name) != NULL)
		*c = attr_color(n, name);
}

static struct pg_color
attr_color(const xmlNode *n, const char *name)
{
	struct pg_color	 c = { 0, 0, 0 };
	char		*s = pg_xml_attr(n, name);
	unsigned long	 v;

	if (s != NULL && s[0] == '#') {
		v = strtoul(s + 1, NULL, 16);
		c.r = (v >> 16) & 0xff;
		c.g = (v >> 8) & 0xff;
		c.b = v & 0xff;
	}
	free(s);
	return c;
}

static int
is(const xmlNode *n, const char *name)
{
	return n->type == XML_ELEMENT_NODE &&
	    strcmp((const char *)n->name, name) == 0;
}

static void
read_ltext(const xmlNode *n, struct pg_ltext *t)
{
	ltext_free(t);
	t->en = pg_xml_attr(n, "en");
	t->zh = pg_xml_attr(n, "zh-CN");
}

/* A band given replaces the inherited one as a whole. */
static void
read_band(const xmlNode *n, struct pg_ltext *slots)
{
	const xmlNode *c;
	int i;

	for (i = 0; i < PG_SLOT_N; i++)
		ltext_free(&slots[i]);

	for (c = n->children; c != NULL; c = c->next) {
		if (is(c, "left"))
			read_ltext(c, &slots[PG_SLOT_LEFT]);
		else if (is(c, "center"))
			read_ltext(c, &slots[PG_SLOT_CENTER]);
		else if (is(c, "right"))
			read_ltext(c, &slots[PG_SLOT_RIGHT]);
	}
}

static int
label_known(const struct pg_template *base, const char *key)
{
	size_t	i;

	for (i = 0; i < base->nlabels; i++)
		if (strcmp(base->labels[i].key, key) == 0)
			return 1;
	return 0;
}

/* The known label key nearest to key, or NULL. */
static const char *
label_near(const struct pg_template *base, const char *key)
{
	const char	*v[PG_MAX_LABELS];
	size_t		 i, n = 0;

	for (i = 0; i < base->nlabels && n < PG_MAX_LABELS; i++)
		v[n++] = base->labels[i].key;
	return pg_tpl_nearest(key, v, n);
}

/* The size in pt of paper `size` (portrait); 0 if unknown. */
static int
paper_dims(const char *size, double *w, double *h)
{
	static const struct { const char *name; double w, h; } p[] = {
		{ "A4", 595.276, 841.89 }, { "A5", 419.528, 595.276 },
		{ "Letter", 612, 792 }, { "Legal", 612, 1008 },
		{ "16:9", 540, 960 },	/* a slide: 338.7 x 190.5 mm */
	};
	size_t	i;

	for (i = 0; i < sizeof(p) / sizeof(p[0]); i++)
		if (strcasecmp(size, p[i].name) == 0) {
			*w = p[i].w;
			*h = p[i].h;
			return 1;
		}
	return 0;
}

static void
page_dims(struct pg_template *t)
{
	double	w = 595.276, h = 841.89, tmp;

	paper_dims(t->page_size, &w, &h);
	if (t->landscape) {
		tmp = w; w = h; h = tmp;
	}
	t->page_w = w;
	t->page_h = h;
}

int
pg_template_set_paper(struct pg_template *t, const char *paper)
{
	double	w, h;

	if (paper == NULL || (strcasecmp(paper, "A4") != 0 &&
	    strcasecmp(paper, "Letter") != 0) || !paper_dims(paper, &w, &h))
		return -1;
	snprintf(t->page_size, sizeof(t->page_size), "%s",
	    strcasecmp(paper, "A4") == 0 ? "A4" : "Letter");
	page_dims(t);
	return 0;
}

/* <page>: size, orientation, margins (those given). */
static void
read_page(const xmlNode *n, struct pg_template *t)
{
	char	*size = pg_xml_attr(n, "size"), *orient = pg_xml_attr(n, "orientation");

	if (size != NULL)
		snprintf(t->page_size, sizeof(t->page_size), "%s", size);
	if (orient != NULL)
		t->landscape = strcmp(orient, "landscape") == 0;
	page_dims(t);
	free(size);
	free(orient);
	set_num(n, "margin-top", &t->margin_top, MM);
	set_num(n, "margin-bottom", &t->margin_bottom, MM);
	set_num(n, "margin-left", &t->margin_left, MM);
	set_num(n, "margin-right", &t->margin_right, MM);
}

/* The margins of the finished template leave room for text.  Returns the
 * errors added. */
static int
check_margins(const struct pg_template *t, const char *name,
    unsigned long line, struct pg_diags *d)
{
	if (t->margin_left + t->margin_right > t->page_w * 0.6 ||
	    t->margin_top + t->margin_bottom > t->page_h * 0.6) {
		pg_diag_emit(d, RULE, name, line,
		    "%s", PG_UI("the margins leave too little of the page for text",
		    "页边距太大，留给正文的版面太小"));
		return 1;
	}
	return 0;
}

/* <sections>: the order of the sections, each once, figures on or off. */
static int
read_sections(const xmlNode *n, const char *name, struct pg_template *t,
    struct pg_diags *d)
{
	const xmlNode	*c;
	char		*np = pg_xml_attr(n, "new-page");
	int		 errors = 0, seen[PG_SEC_N] = { 0 };

	/* a <sections> given replaces the inherited order */
	if (np != NULL)
		t->new_page = strcmp(np, "yes") == 0 ? PG_NEWPAGE_YES :
		    strcmp(np, "auto") == 0 ? PG_NEWPAGE_AUTO : PG_NEWPAGE_NO;
	free(np);
	t->nsections = 0;
	memset(t->figures, 0, sizeof(t->figures));
	for (c = n->children; c != NULL; c = c->next) {
		char *sn, *fig;
		int i;
		if (!is(c, "section"))
			continue;
		sn = pg_xml_attr(c, "name");
		fig = pg_xml_attr(c, "figures");
		for (i = 0; i < PG_SEC_N; i++)
			if (strcmp(sn, pg_section_names[i]) == 0)
				break;
		if (i < PG_SEC_N && seen[i]) {
			pg_diag_emit(d, RULE, name, pg_xml_line(c),
			    PG_UI("section %s is listed twice", "章节 %s 列出了两次"), sn);
			errors++;
		} else if (i < PG_SEC_N) {
			seen[i] = 1;
			t->order[t->nsections++] = (enum pg_section)i;
			t->figures[i] = fig == NULL ||
			    strcmp(fig, "no") != 0;
		}
		free(sn);
		free(fig);
	}
	return errors;
}

/*
 * <labels>: label texts, each key once and known to base (if any).
 * errors: the template's errors so far (at 20 it stops looking).  Returns
 * the new count; sets *stop when reading must stop (too many labels, no
 * memory).
 */
static int
read_labels(const xmlNode *n, const char *name,
    const struct pg_template *base, struct pg_template *t, size_t *cap,
    int errors, int *stop, struct pg_diags *d)
{
	const xmlNode	*c;
	size_t		 inherited = t->nlabels;

	if (*cap < t->nlabels)
		*cap = t->nlabels;
	for (c = n->children; c != NULL && errors < 20;
	    c = c->next) {
		struct pg_tlabel *l;
		char *key;
		size_t i;
		if (!is(c, "label"))
			continue;
		key = pg_xml_attr(c, "key");
		if (t->nlabels >= PG_MAX_LABELS) {
			pg_diag_emit(d, RULE, name, pg_xml_line(c),
			    PG_UI("more than %d labels", "标签超过 %d 个"), PG_MAX_LABELS);
			free(key);
			*stop = 1;
			return errors + 1;
		}
		if (base != NULL && !label_known(base, key)) {
			const char *near = label_near(base, key);
			if (near != NULL)
				pg_diag_emit(d, RULE, name, pg_xml_line(c),
				    PG_UI("unknown label key '%s': did you mean '%s'?",
				    "不认识的标签键“%s”：是不是要写“%s”？"), key, near);
			else
				pg_diag_emit(d, RULE, name, pg_xml_line(c),
				    PG_UI("unknown label key '%s'", "不认识的标签键“%s”"),
				    key);
			errors++;
			free(key);
			continue;
		}
		for (i = 0; i < inherited; i++)
			if (strcmp(t->labels[i].key, key) == 0)
				break;
		if (i < inherited) {	/* the parent's label: replaced */
			read_ltext(c, &t->labels[i].text);
			free(key);
			continue;
		}
		for (i = inherited; i < t->nlabels; i++)
			if (strcmp(t->labels[i].key, key) == 0)
				break;
		if (i < t->nlabels) {
			pg_diag_emit(d, RULE, name, pg_xml_line(c),
			    PG_UI("label '%s' is defined twice", "标签“%s”定义了两次"), key);
			errors++;
			free(key);
			continue;
		}
		if (t->nlabels == (*cap)) {
			size_t nc = *cap ? *cap * 2 : 64;
			l = realloc(t->labels, nc * sizeof(*l));
			if (l == NULL) {
				free(key);
				pg_diag_emit(d, RULE, name, 0,
				    "out of memory");
				*stop = 1;
				return errors + 1;
			}
			t->labels = l;
			*cap = nc;
		}
		l = &t->labels[t->nlabels++];
		memset(l, 0, sizeof(*l));
		l->key = key;
		read_ltext(c, &l->text);
	}
	return errors;
}

/*
 * Fill t from a valid document.  base (the default template, or NULL when
 * loading the default itself) supplies the known label keys.  Findings go
 * to d; returns the number of errors added.
 */
static int
read_template(xmlDocPtr doc, const char *name, const char *path,
    const struct pg_template *base, struct pg_template *t, struct pg_diags *d)
{
	const xmlNode	*root = xmlDocGetRootElement(doc), *n;
	int		 errors = 0, stop = 0;
	size_t		 cap = t->nlabels;
	unsigned long	 page_line = 0;
	char		*kind = pg_xml_attr(root, "kind");

	if (kind != NULL)	/* else inherited (a blank template: report) */
		t->kind = strcmp(kind, "brief") == 0 ? PG_TKIND_BRIEF :
		    strcmp(kind, "deck") == 0 ? PG_TKIND_DECK : PG_TKIND_REPORT;
	free(kind);
	for (n = root->children; n != NULL && !stop; n = n->next) {
		if (is(n, "description")) {
			read_ltext(n, &t->description);
		} else if (is(n, "page")) {
			read_page(n, t);
			page_line = pg_xml_line(n);
		} else if (is(n, "fonts")) {
			set_str(n, "latin", &t->font_latin);
			set_str(n, "cjk", &t->font_cjk);
		} else if (is(n, "sizes")) {
			set_num(n, "body", &t->size_body, 1);
			set_num(n, "heading1", &t->size_h1, 1);
			set_num(n, "heading2", &t->size_h2, 1);
			set_num(n, "table", &t->size_table, 1);
			set_num(n, "cover-title", &t->size_cover, 1);
			set_num(n, "header-footer", &t->size_band, 1);
		} else if (is(n, "colors")) {
			set_color(n, "text", &t->c_text);
			set_color(n, "primary", &t->c_primary);
			set_color(n, "accent", &t->c_accent);
			set_color(n, "muted", &t->c_muted);
			set_color(n, "rule", &t->c_rule);
			set_color(n, "table-head", &t->c_head);
			set_color(n, "table-head-text", &t->c_head_text);
			set_color(n, "table-stripe", &t->c_stripe);
			set_color(n, "draft", &t->c_draft);
		} else if (is(n, "palette")) {
			const xmlNode *c;
			t->npalette = 0;
			for (c = n->children; c != NULL; c = c->next)
				if (is(c, "color") && t->npalette < PG_PALETTE_MAX)
					t->palette[t->npalette++] = attr_color(c, "value");
			errors += pg_tpl_palette_check(t, name, pg_xml_line(n), d);
		} else if (is(n, "logo")) {
			errors += pg_tpl_read_logo(n, name, path, t, d);
		} else if (is(n, "header")) {
			read_band(n, t->header);
		} else if (is(n, "footer")) {
			read_band(n, t->footer);
		} else if (is(n, "sections")) {
			errors += read_sections(n, name, t, d);
		} else if (is(n, "labels")) {
			errors = read_labels(n, name, base, t, &cap, errors, &stop,
			    d);
		}
	}
	if (errors == 0)
		errors += check_margins(t, name, page_line ? page_line :
		    pg_xml_line(root), d);
	return errors;
}

/* Merge base's labels that t lacks into t.  0 or -1 (memory). */
static int
inherit_labels(struct pg_template *t, const struct pg_template *base)
{
	size_t	i, j, n = t->nlabels;
	struct pg_tlabel *v;

	v = realloc(t->labels, (n + base->nlabels + 1) * sizeof(*v));
	if (v == NULL)
		return -1;
	t->labels = v;
	for (i = 0; i < base->nlabels; i++) {
		for (j = 0; j < n; j++)
			if (strcmp(v[j].key, base->labels[i].key) == 0)
				break;
		if (j < n)
			continue;
		v[t->nlabels].key = xstrdup(base->labels[i].key);
		v[t->nlabels].text.en = xstrdup(base->labels[i].text.en);
		v[t->nlabels].text.zh = xstrdup(base->labels[i].text.zh);
		t->nlabels++;	/* freed with t, even half copied */
		if (v[t->nlabels - 1].key == NULL ||
		    (v[t->nlabels - 1].text.en == NULL) !=
		    (base->labels[i].text.en == NULL) ||
		    (v[t->nlabels - 1].text.zh == NULL) !=
		    (base->labels[i].text.zh == NULL))
			return -1;
	}
	return 0;
}

/* The templates being loaded, the first asked for first: extends= may
 * not come back to one of them, nor go deeper than PG_TPL_MAX_DEPTH. */
struct chain {
	int	 depth;
	char	*id[PG_TPL_MAX_DEPTH + 1];	/* "builtin:NAME" or a real path */
};

static int load_spec(const char *spec, const char *from_path,
    const char *from_name, unsigned long from_line, struct chain *ch,
    const struct pg_template *base, struct pg_template **out,
    struct pg_diags *d, char *err, size_t errlen);

/*
 * The template t starts from: the one root's extends= names (loaded, so
 * that t overrides it), or a blank one.  Returns 0, or 1 after adding a
 * finding (the parent is missing, invalid, in a loop or too deep).
 */
static int
parent_of(xmlDocPtr doc, const char *name, const char *path, struct chain *ch,
    const struct pg_template *base, struct pg_template **t, struct pg_diags *d)
{
	const xmlNode	*root = xmlDocGetRootElement(doc);
	char		*ext = pg_xml_attr(root, "extends"), err[1024];
	int		 r;

	*t = NULL;
	if (ext == NULL) {
		if ((*t = calloc(1, sizeof(**t))) == NULL) {
			pg_diag_emit(d, RULE, name, 0, "%s", PG_UI("out of memory",
			    "内存不足"));
			return 1;
		}
		(*t)->new_page = PG_NEWPAGE_YES;
		return 0;
	}
	if (ch->depth > PG_TPL_MAX_DEPTH - 1) {
		pg_diag_emit(d, RULE, name, pg_xml_line(root), PG_UI("extends=\"%s\": "
		    "templates extend each other more than %d deep: extend a "
		    "built-in template (default, board) more directly",
		    "extends=\"%s\"：模板层层继承超过 %d 层：请更直接地继承内置模板"
		    "（default、board）"), ext, PG_TPL_MAX_DEPTH);
		free(ext);
		return 1;
	}
	err[0] = '\0';
	r = load_spec(ext, path, name, pg_xml_line(root), ch, base, t, d, err,
	    sizeof(err));
	if (r == 0) {
		free((*t)->extends);
		(*t)->extends = ext;
		return 0;
	}
	if (r == -1)
		pg_diag_emit(d, RULE, name, pg_xml_line(root), "extends=\"%s\": %s",
		    ext, err);
	else if (r == -2)
		pg_diag_emit(d, RULE, name, pg_xml_line(root), PG_UI("extends=\"%s\": "
		    "the template it extends is invalid (see above)",
		    "extends=\"%s\"：它继承的模板无效（见上文）"), ext);
	free(ext);
	return 1;
}

/* Parse, validate and read a template from memory. */
static int
load_buffer(const char *buf, size_t len, const char *name, const char *path,
    const struct pg_template *base, struct chain *ch, struct pg_template **out,
    struct pg_diags *d)
{
	struct pg_template	*t;
	xmlDocPtr		 doc;
	int			 errors;

	*out = NULL;
	if ((doc = pg_xml_parse_lang(buf, len, name, pg_lang_tag(pg_lang_ui()),
	    d)) == NULL) {
		/* The reader calls it xml-syntax; for a template say so. */
		return -2;
	}
	/* plain words first; the RELAX NG validation is the backstop */
	if (pg_tpl_precheck(doc, name, d) > 0 || pg_tpl_validate_rng(doc, name, d) != 0) {
		xmlFreeDoc(doc);
		return -2;
	}
	if (parent_of(doc, name, path, ch, base, &t, d) != 0) {
		xmlFreeDoc(doc);
		return -2;
	}
	errors = read_template(doc, name, path, base, t, d);
	xmlFreeDoc(doc);
	if (errors == 0 && base != NULL && inherit_labels(t, base) != 0) {
		pg_diag_emit(d, RULE, name, 0, "%s", PG_UI("out of memory", "内存不足"));
		errors++;
	}
	if (errors > 0) {
		pg_template_free(t);
		return -2;
	}
	*out = t;
	return 0;
}

static int
load_embedded(const char *name, const struct pg_template *base,
    struct chain *ch, struct pg_template **out, struct pg_diags *d)
{
	char		 key[128];
	const char	*buf;
	size_t		 len;
	int		 r;

	snprintf(key, sizeof(key), "template-%s.xml", name);
	if ((buf = pg_embedded(key, &len)) == NULL)
		return 1;
	r = load_buffer(buf, len, key, NULL, base, ch, out, d);
	if (r != 0)
		return r;
	free((*out)->name);
	free((*out)->path);
	(*out)->path = NULL;
	if (((*out)->name = strdup(name)) == NULL) {
		pg_template_free(*out);
		*out = NULL;
		pg_diag_emit(d, RULE, key, 0, "%s", PG_UI("out of memory", "内存不足"));
		return -2;
	}
	return r;
}

/* Add path to t's files.  Returns 0, or -1 out of memory. */
static int
add_file(struct pg_template *t, const char *path)
{
	char	**v;

	if ((v = realloc(t->files, (t->nfiles + 1) * sizeof(*v))) == NULL)
		return -1;
	t->files = v;
	if ((v[t->nfiles] = strdup(path)) == NULL)
		return -1;
	t->nfiles++;
	return 0;
}

static int
load_path(const char *path, const char *name, const struct pg_template *base,
    struct chain *ch, struct pg_template **out, struct pg_diags *d, char *err,
    size_t errlen)
{
	char		*buf;
	const char	*slash, *dot;
	size_t		 len;
	int		 r;

	if ((buf = pg_read_file(path, &len, err, errlen)) == NULL) {
		pg_lang_io_ui(err, errlen);
		return -1;
	}
	r = load_buffer(buf, len, path, path, base, ch, out, d);
	free(buf);
	if (r != 0)
		return r;
	free((*out)->path);
	free((*out)->name);
	(*out)->path = strdup(path);
	if (name == NULL) {
		slash = strrchr(path, '/');
		name = slash ? slash + 1 : path;
	}
	(*out)->name = strdup(name);
	if ((*out)->path == NULL || (*out)->name == NULL ||
	    add_file(*out, path) != 0) {
		pg_template_free(*out);
		*out = NULL;
		snprintf(err, errlen, "%s", PG_UI("out of memory", "内存不足"));
		return -1;
	}
	if ((dot = strrchr((*out)->name ? (*out)->name : "", '.')) != NULL &&
	    strcmp(dot, ".xml") == 0)
		(*out)->name[dot - (*out)->name] = '\0';
	return 0;
}

static int
valid_name(const char *s)
{
	if (*s == '\0' || strlen(s) > 64)
		return 0;
	for (; *s; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') ||
		    (*s >= '0' && *s <= '9') || *s == '-' || *s == '_'))
			return 0;
	return 1;
}

/* "no template named X", with the built-in name X most likely means. */
static void
no_such(const char *spec, char *err, size_t errlen)
{
	const struct pg_embed	*e;
	const char		*v[32], *near;
	static char		 names[32][64];
	size_t			 n = 0, len;

	for (e = pg_embeds; e->name != NULL && n < 32; e++) {
		len = strlen(e->name);
		if (strncmp(e->name, "template-", 9) != 0 || len < 14 ||
		    len - 13 >= sizeof(names[0]))
			continue;
		memcpy(names[n], e->name + 9, len - 13);
		names[n][len - 13] = '\0';
		v[n] = names[n];
		n++;
	}
	if ((near = pg_tpl_nearest(spec, v, n)) != NULL)
		snprintf(err, errlen, PG_UI("no template named '%s': did you mean "
		    "'%s'? (see 'plangen templates')", "没有名为“%s”的模板：是不是"
		    "要写“%s”？（可用的模板见 plangen templates）"), spec, near);
	else
		snprintf(err, errlen, PG_UI("no template named '%s' "
		    "(see 'plangen templates')", "没有名为“%s”的模板"
		    "（可用的模板见 plangen templates）"), spec);
}

/* 1 if spec names a file rather than a template name. */
static int
is_path(const char *spec)
{
	size_t	n = strlen(spec);

	return strchr(spec, '/') != NULL || (n > 4 && strcmp(spec + n - 4,
	    ".xml") == 0);
}

/*
 * Load the template spec names (a name, or a path relative to from_path's
 * folder), as asked for by from_name's line from_line (NULL: the command
 * line).  Returns 0, -1 (err says why), -2 (findings in d) or -3 (a loop
 * of extends=, a finding in d).
 */
static int
load_spec(const char *spec, const char *from_path, const char *from_name,
    unsigned long from_line, struct chain *ch, const struct pg_template *base,
    struct pg_template **out, struct pg_diags *d, char *err, size_t errlen)
{
	char	 id[PATH_MAX + 16], *full = NULL, loop[1024];
	int	 r, i;

	*out = NULL;
	if (is_path(spec)) {
		if ((full = pg_tpl_relative(from_path, spec)) == NULL) {
			snprintf(err, errlen, "%s", PG_UI("out of memory", "内存不足"));
			return -1;
		}
		if (realpath(full, id) == NULL)
			snprintf(id, sizeof(id), "%s", full);
	} else if (!valid_name(spec)) {
		no_such(spec, err, errlen);
		return -1;
	} else
		snprintf(id, sizeof(id), "builtin:%s", spec);
	for (i = 0; i < ch->depth; i++)
		if (strcmp(ch->id[i], id) == 0)
			break;
	if (i < ch->depth) {
		loop[0] = '\0';
		for (; i < ch->depth; i++) {
			const char *s = strrchr(ch->id[i], '/'), *c = strchr(ch->id[i], ':');
			snprintf(loop + strlen(loop), sizeof(loop) - strlen(loop),
			    "%s → ", s ? s + 1 : c && strncmp(ch->id[i], "builtin:", 8)
			    == 0 ? c + 1 : ch->id[i]);
		}
		snprintf(loop + strlen(loop), sizeof(loop) - strlen(loop), "%s", spec);
		pg_diag_emit(d, RULE, from_name ? from_name : spec, from_line,
		    PG_UI("extends=\"%s\" goes round in a loop (%s): a template "
		    "may not extend itself, directly or through others",
		    "extends=\"%s\" 形成了循环（%s）：模板不能直接或间接地继承自己"),
		    spec, loop);
		free(full);
		return -3;
	}
	if ((ch->id[ch->depth] = strdup(id)) == NULL) {
		free(full);
		snprintf(err, errlen, "%s", PG_UI("out of memory", "内存不足"));
		return -1;
	}
	ch->depth++;
	if (full != NULL)
		r = load_path(full, NULL, base, ch, out, d, err, errlen);
	else if (strcmp(spec, "default") == 0)
		r = load_embedded("default", NULL, ch, out, d) == 0 ? 0 : -2;
	else if ((r = load_embedded(spec, base, ch, out, d)) == 1) {
		char path[4096];
		snprintf(path, sizeof(path), "%s/templates/%s.xml", PG_DATADIR, spec);
		if (access(path, F_OK) == 0)
			r = load_path(path, spec, base, ch, out, d, err, errlen);
		else {
			no_such(spec, err, errlen);
			r = -1;
		}
	}
	ch->depth--;
	free(ch->id[ch->depth]);
	free(full);
	return r;
}

int
pg_template_load(const char *spec, struct pg_template **out,
    struct pg_diags *d, char *err, size_t errlen)
{
	struct pg_template	*base = NULL;
	struct chain		 ch;
	int			 r;

	*out = NULL;
	memset(&ch, 0, sizeof(ch));
	pg_xml_init();
	if (strcmp(spec, "default") == 0)
		return load_embedded("default", NULL, &ch, out, d) == 0 ? 0 : -2;
	if (load_embedded("default", NULL, &ch, &base, d) != 0)
		return -2;
	r = load_spec(spec, NULL, NULL, 0, &ch, base, out, d, err, errlen);
	pg_template_free(base);
	return r == -3 ? -2 : r;
}

const char *
pg_template_source(const char *name, size_t *len)
{
	char	key[128];

	if (!valid_name(name))
		return NULL;
	snprintf(key, sizeof(key), "template-%s.xml", name);
	return pg_embedded(key, len);
}

/* ---- queries ----------------------------------------------------------- */

const char *
pg_ltext_get(const struct pg_ltext *t, const char *lang)
{
	if (pg_lang_is_zh(lang) && t->zh != NULL)
		return t->zh;
	return t->en;
}

const char *
pg_tpl_label(const struct pg_template *t, const char *key, const char *lang)
{
	size_t	i;

	for (i = 0; i < t->nlabels; i++)
		if (strcmp(t->labels[i].key, key) == 0)
			return pg_ltext_get(&t->labels[i].text, lang);
	return key;
}

