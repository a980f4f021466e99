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
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <libxml/relaxng.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>

#include "base/embedded.h"
#include "compose/template.h"
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
	for (i = 0; i < PG_SLOT_N; i++) {
		ltext_free(&t->header[i]);
		ltext_free(&t->footer[i]);
	}
	for (i = 0; i < t->nlabels; i++) {
		free(t->labels[i].key);
		ltext_free(&t->labels[i].text);
	}
	free(t->labels);
	free(t);
}

/* ---- validation -------------------------------------------------------- */

struct vstate {
	const char		*name;
	struct pg_diags		*d;
	int			 n;
};

static void
on_rng_error(void *ctx, xmlErrorPtr err)
{
	struct vstate	*vs = ctx;
	unsigned long	 line = 0;
	char		 msg[512];
	size_t		 n;

	if (err == NULL || err->level < XML_ERR_ERROR)
		return;
	if (err->node != NULL)
		line = pg_xml_line((const xmlNode *)err->node);
	if (line == 0 && err->line > 0)
		line = (unsigned long)err->line;
	/* libxml2 follows a problem with its consequences for the enclosing
	   elements ("failed to validate content"): say the first only */
	if (vs->n > 0 && (err->code == XML_RELAXNG_ERR_CONTENTVALID ||
	    err->code == XML_RELAXNG_ERR_INTERSEQ ||
	    err->code == XML_RELAXNG_ERR_INTERNODATA))
		return;
	pg_lib_error_msg(err, pg_lang_ui() == PG_LANG_ZH, msg, sizeof(msg));
	n = strlen(msg);
	(void)n;
	if (vs->n++ < 20)
		pg_diag_emit(vs->d, RULE, vs->name, line,
		    PG_UI("invalid template: %s", "模板无效：%s"), msg);
}

/* Validate doc against the embedded template.rng.  0 valid, -1 not. */
static int
validate(xmlDocPtr doc, const char *name, struct pg_diags *d)
{
	struct vstate		 vs = { name, d, 0 };
	xmlRelaxNGParserCtxtPtr	 pc;
	xmlRelaxNGPtr		 rng = NULL;
	xmlRelaxNGValidCtxtPtr	 vc = NULL;
	const char		*src;
	size_t			 len;
	int			 r = -1;

	if ((src = pg_embedded("template.rng", &len)) == NULL) {
		pg_diag_emit(d, RULE, name, 0, "%s", PG_UI("template.rng is not built in",
		    "程序中没有模板的 schema（template.rng）"));
		return -1;
	}
	if ((pc = xmlRelaxNGNewMemParserCtxt(src, (int)len)) == NULL)
		goto oom;
	rng = xmlRelaxNGParse(pc);
	xmlRelaxNGFreeParserCtxt(pc);
	if (rng == NULL || (vc = xmlRelaxNGNewValidCtxt(rng)) == NULL)
		goto oom;
	xmlRelaxNGSetValidStructuredErrors(vc, on_rng_error, &vs);
	r = xmlRelaxNGValidateDoc(vc, doc);
	if (r != 0 && vs.n == 0)
		pg_diag_emit(d, RULE, name, 1, "%s",
		    PG_UI("invalid template: does not match template.rng",
		    "模板无效：不符合模板格式（template.rng）"));
	xmlRelaxNGFreeValidCtxt(vc);
	xmlRelaxNGFree(rng);
	return r == 0 ? 0 : -1;
oom:
	xmlRelaxNGFree(rng);
	pg_diag_emit(d, RULE, name, 0, "%s", PG_UI("cannot load template.rng",
	    "无法加载模板的 schema（template.rng）"));
	return -1;
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

static void
read_band(const xmlNode *n, struct pg_ltext *slots)
{
	const xmlNode *c;

	for (c = n->children; c != NULL; c = c->next) {
		if (is(c, "left"))
			read_ltext(c, &slots[PG_SLOT_LEFT]);
		else if (is(c, "center"))
			read_ltext(c, &slots[PG_SLOT_CENTER]);
		else if (is(c, "right"))
			read_ltext(c, &slots[PG_SLOT_RIGHT]);
	}
}

static char *
dir_of(const char *path)
{
	const char	*slash = strrchr(path, '/');

	if (slash == NULL)
		return strdup(".");
	if (slash == path)
		return strdup("/");
	return strndup(path, (size_t)(slash - path));
}

/* 1 if the file starts like a PNG or a JPEG. */
static int
is_image(const char *path)
{
	unsigned char	 b[8];
	FILE		*f = fopen(path, "rb");
	size_t		 n;

	if (f == NULL)
		return 0;
	n = fread(b, 1, sizeof(b), f);
	fclose(f);
	if (n >= 8 && memcmp(b, "\x89PNG\r\n\x1a\n", 8) == 0)
		return 1;
	return n >= 3 && b[0] == 0xff && b[1] == 0xd8 && b[2] == 0xff;
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

/* <page>: size, orientation, margins.  Returns the errors added. */
static int
read_page(const xmlNode *n, const char *name, struct pg_template *t,
    struct pg_diags *d)
{
	char	*size = pg_xml_attr(n, "size"), *orient = pg_xml_attr(n, "orientation");
	double	 w = 595.276, h = 841.89, tmp;
	int	 errors = 0;

	if (strcmp(size, "A5") == 0) {
		w = 419.528; h = 595.276;
	} else if (strcmp(size, "Letter") == 0) {
		w = 612; h = 792;
	} else if (strcmp(size, "Legal") == 0) {
		w = 612; h = 1008;
	} else if (strcmp(size, "16:9") == 0) {	/* a slide: 338.7 x 190.5 mm */
		w = 540; h = 960;
	}
	if (orient != NULL && strcmp(orient, "landscape") == 0) {
		tmp = w; w = h; h = tmp;
	}
	t->page_w = w;
	t->page_h = h;
	free(size);
	free(orient);
	t->margin_top = attr_num(n, "margin-top", 25) * MM;
	t->margin_bottom = attr_num(n, "margin-bottom", 25) * MM;
	t->margin_left = attr_num(n, "margin-left", 22) * MM;
	t->margin_right = attr_num(n, "margin-right", 22) * MM;
	if (t->margin_left + t->margin_right > w * 0.6 ||
	    t->margin_top + t->margin_bottom > h * 0.6) {
		pg_diag_emit(d, RULE, name, pg_xml_line(n),
		    "%s", PG_UI("the margins leave too little of the page for text",
		    "页边距太大，留给正文的版面太小"));
		errors++;
	}
	return errors;
}

/* <logo>: a PNG or JPEG beside the template (path) or absolute. */
static int
read_logo(const xmlNode *n, const char *name, const char *path,
    struct pg_template *t, struct pg_diags *d)
{
	char	*src = pg_xml_attr(n, "src"), *dir, *full;
	size_t	 len;
	int	 errors = 0;

	t->logo_w = attr_num(n, "width", 30) * MM;
	if (src[0] == '/' || path == NULL) {
		full = src;
	} else {
		full = NULL;
		if ((dir = dir_of(path)) != NULL) {
			len = strlen(dir) + strlen(src) + 2;
			if ((full = malloc(len)) != NULL)
				snprintf(full, len, "%s/%s", dir, src);
		}
		free(dir);
		free(src);
		if (full == NULL) {
			pg_diag_emit(d, RULE, name, 0, "%s", PG_UI("out of memory", "内存不足"));
			return errors + 1;
		}
	}
	if (full == NULL || !is_image(full)) {
		pg_diag_emit(d, RULE, name, pg_xml_line(n),
		    PG_UI("logo %s is not a readable PNG or JPEG file",
		    "标志图片 %s 不是可读取的 PNG 或 JPEG 文件"),
		    full ? full : "?");
		errors++;
		free(full);
	} else
		t->logo = full;
	return errors;
}

/* <sections>: the order of the sections, each once, figures on or off. */
static int
read_sections(const xmlNode *n, const char *name, struct pg_template *t,
    struct pg_diags *d)
{
	const xmlNode	*c;
	char		*np = pg_xml_attr(n, "new-page");
	int		 errors = 0, seen[PG_SEC_N] = { 0 };

	t->new_page = np == NULL || strcmp(np, "no") != 0;
	free(np);
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
			pg_diag_emit(d, RULE, name, pg_xml_line(c),
			    PG_UI("unknown label key '%s'", "不认识的标签键“%s”"), key);
			errors++;
			free(key);
			continue;
		}
		for (i = 0; i < t->nlabels; i++)
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
	size_t		 cap = 0;
	char		*kind = pg_xml_attr(root, "kind");

	t->kind = kind == NULL ? PG_TKIND_REPORT : strcmp(kind, "brief") == 0 ?
	    PG_TKIND_BRIEF : strcmp(kind, "deck") == 0 ? PG_TKIND_DECK :
	    PG_TKIND_REPORT;
	free(kind);
	for (n = root->children; n != NULL && !stop; n = n->next) {
		if (is(n, "description")) {
			read_ltext(n, &t->description);
		} else if (is(n, "page")) {
			errors += read_page(n, name, t, d);
		} else if (is(n, "fonts")) {
			t->font_latin = pg_xml_attr(n, "latin");
			t->font_cjk = pg_xml_attr(n, "cjk");
		} else if (is(n, "sizes")) {
			t->size_body = attr_num(n, "body", 10.5);
			t->size_h1 = attr_num(n, "heading1", 18);
			t->size_h2 = attr_num(n, "heading2", 12.5);
			t->size_table = attr_num(n, "table", 9);
			t->size_cover = attr_num(n, "cover-title", 30);
			t->size_band = attr_num(n, "header-footer", 8);
		} else if (is(n, "colors")) {
			t->c_text = attr_color(n, "text");
			t->c_primary = attr_color(n, "primary");
			t->c_accent = attr_color(n, "accent");
			t->c_muted = attr_color(n, "muted");
			t->c_rule = attr_color(n, "rule");
			t->c_head = attr_color(n, "table-head");
			t->c_head_text = attr_color(n, "table-head-text");
			t->c_stripe = attr_color(n, "table-stripe");
			t->c_draft = attr_color(n, "draft");
		} else if (is(n, "logo")) {
			errors += read_logo(n, name, path, t, d);
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

/* Parse, validate and read a template from memory. */
static int
load_buffer(const char *buf, size_t len, const char *name, const char *path,
    const struct pg_template *base, struct pg_template **out,
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
	if (validate(doc, name, d) != 0) {
		xmlFreeDoc(doc);
		return -2;
	}
	if ((t = calloc(1, sizeof(*t))) == NULL) {
		xmlFreeDoc(doc);
		pg_diag_emit(d, RULE, name, 0, "%s", PG_UI("out of memory", "内存不足"));
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
    struct pg_template **out, struct pg_diags *d)
{
	char		 key[128];
	const char	*buf;
	size_t		 len;
	int		 r;

	snprintf(key, sizeof(key), "template-%s.xml", name);
	if ((buf = pg_embedded(key, &len)) == NULL)
		return 1;
	r = load_buffer(buf, len, key, NULL, base, out, d);
	if (r == 0 && ((*out)->name = strdup(name)) == NULL) {
		pg_template_free(*out);
		*out = NULL;
		pg_diag_emit(d, RULE, key, 0, "%s", PG_UI("out of memory", "内存不足"));
		return -2;
	}
	return r;
}

static int
load_path(const char *path, const char *name, const struct pg_template *base,
    struct pg_template **out, struct pg_diags *d, char *err, size_t errlen)
{
	char		*buf;
	const char	*slash, *dot;
	size_t		 len;
	int		 r;

	if ((buf = pg_read_file(path, &len, err, errlen)) == NULL) {
		pg_lang_io_ui(err, errlen);
		return -1;
	}
	r = load_buffer(buf, len, path, path, base, out, d);
	free(buf);
	if (r != 0)
		return r;
	(*out)->path = strdup(path);
	if (name == NULL) {
		slash = strrchr(path, '/');
		name = slash ? slash + 1 : path;
	}
	(*out)->name = strdup(name);
	if ((*out)->path == NULL || (*out)->name == NULL) {
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

int
pg_template_load(const char *spec, struct pg_template **out,
    struct pg_diags *d, char *err, size_t errlen)
{
	struct pg_template	*base = NULL;
	size_t			 n = strlen(spec);
	int			 r;

	*out = NULL;
	pg_xml_init();
	if (strcmp(spec, "default") == 0)
		return load_embedded("default", NULL, out, d) == 0 ? 0 : -2;
	if (load_embedded("default", NULL, &base, d) != 0)
		return -2;
	if (strchr(spec, '/') != NULL || (n > 4 && strcmp(spec + n - 4, ".xml") == 0)) {
		r = load_path(spec, NULL, base, out, d, err, errlen);
	} else if (!valid_name(spec)) {
		snprintf(err, errlen, PG_UI("no template named '%s' "
		    "(see 'plangen templates')", "没有名为“%s”的模板"
		    "（可用的模板见 plangen templates）"), spec);
		r = -1;
	} else if ((r = load_embedded(spec, base, out, d)) == 1) {
		char path[4096];
		snprintf(path, sizeof(path), "%s/templates/%s.xml", PG_DATADIR, spec);
		if (access(path, F_OK) == 0)
			r = load_path(path, spec, base, out, d, err, errlen);
		else {
			snprintf(err, errlen, PG_UI("no template named '%s' "
			    "(see 'plangen templates')", "没有名为“%s”的模板"
			    "（可用的模板见 plangen templates）"), spec);
			r = -1;
		}
	}
	pg_template_free(base);
	return r;
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

/* ---- listing ----------------------------------------------------------- */

static int
list_add(struct pg_template_info **v, int *n, int *cap, const char *name,
    const char *desc, const char *where)
{
	struct pg_template_info *nv;
	int	i;

	for (i = 0; i < *n; i++)
		if (strcmp((*v)[i].name, name) == 0)
			return 0;
	if (*n == *cap) {
		int nc = *cap ? *cap * 2 : 8;
		if ((nv = realloc(*v, (size_t)nc * sizeof(*nv))) == NULL)
			return -1;
		*v = nv;
		*cap = nc;
	}
	(*v)[*n].name = strdup(name);
	(*v)[*n].description = strdup(desc ? desc : "");
	(*v)[*n].where = strdup(where);
	(*n)++;		/* freed with the list, even half copied */
	if ((*v)[*n - 1].name == NULL || (*v)[*n - 1].description == NULL ||
	    (*v)[*n - 1].where == NULL)
		return -1;
	return 0;
}

int
pg_template_list(struct pg_template_info **out)
{
	const struct pg_embed	*e;
	struct pg_template_info	*v = NULL;
	struct pg_diags		 d;
	struct pg_template	*t;
	int			 n = 0, cap = 0, nbad = 0;
	char			 dir[4096], err[256];
	DIR			*dp;
	struct dirent		*de;

	pg_diags_init(&d);
	pg_xml_init();
	for (e = pg_embeds; e->name != NULL; e++) {
		char name[128];
		size_t len = strlen(e->name);
		if (strncmp(e->name, "template-", 9) != 0 || len < 14 ||
		    strcmp(e->name + len - 4, ".xml") != 0 || len - 13 >= sizeof(name))
			continue;
		memcpy(name, e->name + 9, len - 13);
		name[len - 13] = '\0';
		/* a built-in template is valid: failing, memory ran out */
		if (pg_template_load(name, &t, &d, err, sizeof(err)) != 0) {
			nbad = n;
			n = -1;
		} else {
			if (list_add(&v, &n, &cap, name, t->description.en,
			    "built in") != 0) {
				nbad = n;
				n = -1;
			}
			pg_template_free(t);
		}
		if (n < 0)
			break;
	}
	snprintf(dir, sizeof(dir), "%s/templates", PG_DATADIR);
	if (n >= 0 && (dp = opendir(dir)) != NULL) {
		while ((de = readdir(dp)) != NULL && n >= 0) {
			char name[128], path[4096 + 256];
			size_t len = strlen(de->d_name);
			if (len < 5 || len - 4 >= sizeof(name) ||
			    strcmp(de->d_name + len - 4, ".xml") != 0)
				continue;
			memcpy(name, de->d_name, len - 4);
			name[len - 4] = '\0';
			snprintf(path, sizeof(path), "%s/%s", dir, de->d_name);
			if (pg_template_load(path, &t, &d, err, sizeof(err)) == 0) {
				if (list_add(&v, &n, &cap, name,
				    t->description.en, path) != 0) {
					nbad = n;
					n = -1;
				}
				pg_template_free(t);
			}
		}
		closedir(dp);
	}
	pg_diags_free(&d);
	if (n < 0) {
		pg_template_list_free(v, nbad);
		return -1;
	}
	*out = v;
	return n;
}

void
pg_template_list_free(struct pg_template_info *v, int n)
{
	int	i;

	for (i = 0; i < n; i++) {
		free(v[i].name);
		free(v[i].description);
		free(v[i].where);
	}
	free(v);
}
