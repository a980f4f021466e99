/*
 * template_check.c — a template file's structure in a marketer's words:
 * misspelt element and attribute names ("did you mean"), values (colours
 * with the "#1F3A5F" form to write, lengths, sizes, choices), elements
 * given twice, and what a template without extends must give.  Checked
 * before the RELAX NG validation (template.c), which stays as a backstop,
 * so that a template author never sees libxml2's own English.
 * See template_int.h.
 */
#include "config.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/relaxng.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>

#include "base/embedded.h"
#include "read/lib_msg.h"

#include "base/lang.h"
#include "compose/template_int.h"
#include "read/xml_read.h"

#define RULE	PG_F_TEMPLATE
#define MAXERR	20

enum vt { V_TEXT, V_NONEMPTY, V_FAMILY, V_MM, V_PT, V_COLOR, V_NCNAME,
	V_KEY, V_CHOICE };

struct tattr {
	const char	*name;
	enum vt		 type;
	int		 required;	/* whenever the element is given */
	const char	*choices;	/* V_CHOICE: space separated */
};

struct telem {
	const char		*name;
	const char		*parent;	/* NULL: the root */
	const struct tattr	*attrs;
	int			 once;		/* at most one per parent */
	int			 full;		/* required (with every attr)
						   in a template without extends */
};

#define END	{ NULL, V_TEXT, 0, NULL }
static const struct tattr A_ROOT[] = { { "version", V_CHOICE, 1, "1" },
	{ "name", V_NCNAME, 0, NULL }, { "extends", V_NONEMPTY, 0, NULL },
	{ "kind", V_CHOICE, 0, "report brief deck" }, END };
static const struct tattr A_TEXTS[] = { { "en", V_TEXT, 1, NULL },
	{ "zh-CN", V_TEXT, 0, NULL }, END };
static const struct tattr A_PAGE[] = {
	{ "size", V_CHOICE, 0, "A4 A5 Letter Legal 16:9" },
	{ "orientation", V_CHOICE, 0, "portrait landscape" },
	{ "margin-top", V_MM, 0, NULL }, { "margin-bottom", V_MM, 0, NULL },
	{ "margin-left", V_MM, 0, NULL }, { "margin-right", V_MM, 0, NULL }, END };
static const struct tattr A_FONTS[] = { { "latin", V_FAMILY, 0, NULL },
	{ "cjk", V_FAMILY, 0, NULL }, END };
static const struct tattr A_SIZES[] = { { "body", V_PT, 0, NULL },
	{ "heading1", V_PT, 0, NULL }, { "heading2", V_PT, 0, NULL },
	{ "table", V_PT, 0, NULL }, { "cover-title", V_PT, 0, NULL },
	{ "header-footer", V_PT, 0, NULL }, END };
static const struct tattr A_COLORS[] = { { "text", V_COLOR, 0, NULL },
	{ "primary", V_COLOR, 0, NULL }, { "accent", V_COLOR, 0, NULL },
	{ "muted", V_COLOR, 0, NULL }, { "rule", V_COLOR, 0, NULL },
	{ "table-head", V_COLOR, 0, NULL }, { "table-head-text", V_COLOR, 0, NULL },
	{ "table-stripe", V_COLOR, 0, NULL }, { "draft", V_COLOR, 0, NULL }, END };
static const struct tattr A_NONE[] = { END };
static const struct tattr A_PCOLOR[] = { { "value", V_COLOR, 1, NULL }, END };
static const struct tattr A_LOGO[] = { { "src", V_NONEMPTY, 0, NULL },
	{ "width", V_MM, 0, NULL }, { "header", V_CHOICE, 0, "yes no" }, END };
static const struct tattr A_SECTIONS[] = {
	{ "new-page", V_CHOICE, 0, "yes no auto" }, END };
static const struct tattr A_SECTION[] = { { "name", V_CHOICE, 1,
	"summary situation swot goals strategy actions budget controls" },
	{ "figures", V_CHOICE, 0, "yes no" }, END };
static const struct tattr A_LABEL[] = { { "key", V_KEY, 1, NULL },
	{ "en", V_TEXT, 1, NULL }, { "zh-CN", V_TEXT, 0, NULL }, END };

static const struct telem elems[] = {
	{ "template", NULL, A_ROOT, 1, 0 },
	{ "description", "template", A_TEXTS, 1, 1 },
	{ "page", "template", A_PAGE, 1, 1 },
	{ "fonts", "template", A_FONTS, 1, 1 },
	{ "sizes", "template", A_SIZES, 1, 1 },
	{ "colors", "template", A_COLORS, 1, 1 },
	{ "palette", "template", A_NONE, 1, 0 },
	{ "logo", "template", A_LOGO, 1, 0 },
	{ "header", "template", A_NONE, 1, 0 },
	{ "footer", "template", A_NONE, 1, 0 },
	{ "sections", "template", A_SECTIONS, 1, 1 },
	{ "labels", "template", A_NONE, 1, 0 },
	{ "color", "palette", A_PCOLOR, 0, 0 },
	{ "left", "header", A_TEXTS, 1, 0 },
	{ "center", "header", A_TEXTS, 1, 0 },
	{ "right", "header", A_TEXTS, 1, 0 },
	{ "left", "footer", A_TEXTS, 1, 0 },
	{ "center", "footer", A_TEXTS, 1, 0 },
	{ "right", "footer", A_TEXTS, 1, 0 },
	{ "section", "sections", A_SECTION, 0, 0 },
	{ "label", "labels", A_LABEL, 0, 0 },
	{ NULL, NULL, NULL, 0, 0 },
};

/* Names people write for one we know (any case). */
static const struct { const char *typo, *name; } synonyms[] = {
	{ "colour", "colors" }, { "colours", "colors" }, { "color", "colors" },
	{ "font", "fonts" }, { "size", "sizes" }, { "margins", "page" },
	{ "paper", "page" }, { "image", "logo" }, { "desc", "description" },
	{ "title", "description" }, { "order", "sections" },
	{ "colour", "color" }, { "centre", "center" }, { "middle", "center" },
	{ "lang", "zh-CN" }, { "zh", "zh-CN" }, { "cn", "zh-CN" },
	{ "zh-cn", "zh-CN" }, { "href", "src" }, { "file", "src" },
	{ "path", "src" }, { "extend", "extends" }, { "base", "extends" },
	{ "inherit", "extends" }, { "inherits", "extends" },
	{ "h1", "heading1" }, { "h2", "heading2" }, { "cover", "cover-title" },
	{ "header", "header-footer" }, { "footer", "header-footer" },
	{ "font-size", "body" }, { "head", "table-head" },
	{ "stripe", "table-stripe" }, { NULL, NULL },
};

/* Named colours a marketer may write, and their #RRGGBB. */
static const struct { const char *name, *hex; } named[] = {
	{ "black", "#000000" }, { "white", "#FFFFFF" }, { "red", "#FF0000" },
	{ "green", "#008000" }, { "blue", "#0000FF" }, { "navy", "#000080" },
	{ "teal", "#008080" }, { "orange", "#FFA500" }, { "gray", "#808080" },
	{ "grey", "#808080" }, { "maroon", "#800000" }, { "purple", "#800080" },
	{ "yellow", "#FFFF00" }, { "silver", "#C0C0C0" }, { "olive", "#808000" },
	{ "lime", "#00FF00" }, { "aqua", "#00FFFF" }, { "cyan", "#00FFFF" },
	{ "fuchsia", "#FF00FF" }, { "magenta", "#FF00FF" }, { "gold", "#FFD700" },
	{ NULL, NULL },
};

/* Edit distance of two short ASCII names, case-insensitive; a swap of
 * neighbours counts 1.  Names over 40 bytes: a large number. */
static int
distance(const char *a, const char *b)
{
	int	d[42][42], i, j, la = (int)strlen(a), lb = (int)strlen(b), c;

	if (la > 40 || lb > 40)
		return 99;
	for (i = 0; i <= la; i++)
		d[i][0] = i;
	for (j = 0; j <= lb; j++)
		d[0][j] = j;
	for (i = 1; i <= la; i++)
		for (j = 1; j <= lb; j++) {
			c = tolower((unsigned char)a[i - 1]) !=
			    tolower((unsigned char)b[j - 1]);
			d[i][j] = d[i - 1][j - 1] + c;
			if (d[i - 1][j] + 1 < d[i][j])
				d[i][j] = d[i - 1][j] + 1;
			if (d[i][j - 1] + 1 < d[i][j])
				d[i][j] = d[i][j - 1] + 1;
			if (i > 1 && j > 1 && a[i - 1] == b[j - 2] &&
			    a[i - 2] == b[j - 1] && d[i - 2][j - 2] + 1 < d[i][j])
				d[i][j] = d[i - 2][j - 2] + 1;
		}
	return d[la][lb];
}

const char *
pg_tpl_nearest(const char *typo, const char *const *names, size_t n)
{
	const char	*best = NULL;
	size_t		 i, k, lt = strlen(typo);
	int		 bd = 99, dd, lim = lt <= 4 ? 1 : lt <= 8 ? 2 : 3;

	for (k = 0; synonyms[k].typo != NULL; k++)
		if (strcasecmp(typo, synonyms[k].typo) == 0)
			for (i = 0; i < n; i++)
				if (strcmp(names[i], synonyms[k].name) == 0)
					return names[i];
	for (i = 0; i < n; i++) {
		dd = distance(typo, names[i]);
		/* "margin" for "margin-top": a known name that starts with it */
		if (dd > lim && lt >= 3 && strncasecmp(names[i], typo, lt) == 0)
			dd = lim;
		if (dd < bd) {
			bd = dd;
			best = names[i];
		}
	}
	return bd <= lim ? best : NULL;
}

struct cx {
	const char	*file;
	struct pg_diags	*d;
	int		 errors;
	int		 extends;	/* the root has extends= */
};

static void
say(struct cx *c, const xmlNode *n, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void
say(struct cx *c, const xmlNode *n, const char *fmt, ...)
{
	va_list	ap;

	if (c->errors++ >= MAXERR)
		return;
	va_start(ap, fmt);
	pg_diag_vemit(c->d, RULE, c->file, n != NULL ? pg_xml_line(n) : 0,
	    fmt, ap);
	va_end(ap);
}

static const struct telem *
find_elem(const char *name, const char *parent)
{
	const struct telem *e;

	for (e = elems; e->name != NULL; e++)
		if (strcmp(e->name, name) == 0 && (e->parent == NULL ?
		    parent == NULL : parent != NULL && strcmp(e->parent, parent) == 0))
			return e;
	return NULL;
}

/* The names of the children parent may have, into v (n slots). */
static size_t
child_names(const char *parent, const char **v, size_t n)
{
	const struct telem	*e;
	size_t			 k = 0;

	for (e = elems; e->name != NULL && k < n; e++)
		if (e->parent != NULL && strcmp(e->parent, parent) == 0)
			v[k++] = e->name;
	return k;
}

static int
is_hex6(const char *s)
{
	size_t	i;

	if (s[0] != '#' || strlen(s) != 7)
		return 0;
	for (i = 1; i < 7; i++)
		if (!isxdigit((unsigned char)s[i]))
			return 0;
	return 1;
}

/* The #RRGGBB a wrongly written colour most likely means, into buf; 0 if
 * nothing sensible. */
static int
color_fix(const char *s, char *buf, size_t n)
{
	size_t	i, len = strlen(s);
	int	r, g, b;

	while (*s == ' ')
		s++, len--;
	if (len == 4 && s[0] == '#' && isxdigit((unsigned char)s[1]) &&
	    isxdigit((unsigned char)s[2]) && isxdigit((unsigned char)s[3])) {
		snprintf(buf, n, "#%c%c%c%c%c%c", toupper((unsigned char)s[1]),
		    toupper((unsigned char)s[1]), toupper((unsigned char)s[2]),
		    toupper((unsigned char)s[2]), toupper((unsigned char)s[3]),
		    toupper((unsigned char)s[3]));
		return 1;
	}
	if (len == 6 || (len == 8 && (s[0] == '0' && (s[1] == 'x' || s[1] == 'X')))) {
		const char *h = len == 8 ? s + 2 : s;
		for (i = 0; i < 6; i++)
			if (!isxdigit((unsigned char)h[i]))
				break;
		if (i == 6) {
			snprintf(buf, n, "#%.6s", h);
			for (i = 1; i < 7; i++)
				buf[i] = (char)toupper((unsigned char)buf[i]);
			return 1;
		}
	}
	if (sscanf(s, "rgb(%d ,%d ,%d )", &r, &g, &b) == 3 ||
	    sscanf(s, "rgb(%d %d %d)", &r, &g, &b) == 3) {
		if (r < 0 || r > 255 || g < 0 || g > 255 || b < 0 || b > 255)
			return 0;
		snprintf(buf, n, "#%02X%02X%02X", r, g, b);
		return 1;
	}
	for (i = 0; named[i].name != NULL; i++)
		if (strcasecmp(s, named[i].name) == 0) {
			snprintf(buf, n, "%s", named[i].hex);
			return 1;
		}
	return 0;
}

/* A decimal as the schema takes it: digits, an optional point. */
static int
decimal(const char *s, double *v)
{
	const char	*p = s;
	int		 digits = 0;

	while (*p >= '0' && *p <= '9')
		p++, digits++;
	if (*p == '.')
		for (p++; *p >= '0' && *p <= '9'; p++)
			digits++;
	if (*p != '\0' || digits == 0)
		return 0;
	*v = strtod(s, NULL);
	return 1;
}

static void
check_value(struct cx *c, const xmlNode *n, const struct tattr *a,
    const char *v)
{
	const char	*en = (const char *)n->name;
	char		 fix[32], list[160];
	double		 x;
	size_t		 i;

	switch (a->type) {
	case V_TEXT:
		return;
	case V_NONEMPTY:
	case V_FAMILY:
		if (*v == '\0')
			say(c, n, PG_UI("<%s %s=\"\">: the value is empty: write "
			    "one, or leave the attribute out", "<%s %s=\"\">：值是空的："
			    "请填写，或删掉这个属性"), en, a->name);
		else if (a->type == V_FAMILY && strlen(v) > 100)
			say(c, n, PG_UI("<%s %s>: a font family name is at most "
			    "100 characters", "<%s %s>：字体名称最多 100 个字符"), en,
			    a->name);
		return;
	case V_COLOR:
		if (is_hex6(v))
			return;
		if (color_fix(v, fix, sizeof(fix)))
			say(c, n, PG_UI("<%s %s=\"%s\">: a colour is written as # "
			    "and six hexadecimal digits, like #1F3A5F: write "
			    "%s=\"%s\"", "<%s %s=\"%s\">：颜色要写成 # 加六位十六进制"
			    "数字，例如 #1F3A5F：请写 %s=\"%s\""), en, a->name, v,
			    a->name, fix);
		else
			say(c, n, PG_UI("<%s %s=\"%s\">: a colour is written as # "
			    "and six hexadecimal digits (0-9, A-F), like #1F3A5F",
			    "<%s %s=\"%s\">：颜色要写成 # 加六位十六进制数字（0-9、"
			    "A-F），例如 #1F3A5F"), en, a->name, v);
		return;
	case V_MM:
	case V_PT:
		if (decimal(v, &x) && x >= (a->type == V_MM ? 0 : 4) &&
		    x <= (a->type == V_MM ? 100 : 72))
			return;
		if (a->type == V_MM)
			say(c, n, PG_UI("<%s %s=\"%s\">: write a length in "
			    "millimetres from 0 to 100, a plain number without "
			    "a unit (e.g. %s=\"20\")", "<%s %s=\"%s\">：请写 0 到 "
			    "100 之间的毫米数，只写数字，不带单位（例如 %s=\"20\"）"),
			    en, a->name, v, a->name);
		else
			say(c, n, PG_UI("<%s %s=\"%s\">: write a font size in "
			    "points from 4 to 72, a plain number without a unit "
			    "(e.g. %s=\"10.5\")", "<%s %s=\"%s\">：请写 4 到 72 之间的"
			    "字号（磅），只写数字，不带单位（例如 %s=\"10.5\"）"), en,
			    a->name, v, a->name);
		return;
	case V_NCNAME:
		for (i = 0; v[i] != '\0'; i++)
			if (!(isalnum((unsigned char)v[i]) || v[i] == '-' ||
			    v[i] == '_' || v[i] == '.' || (v[i] & 0x80)))
				break;
		if (v[i] == '\0' && v[0] != '\0' && !isdigit((unsigned char)v[0]) &&
		    v[0] != '-' && v[0] != '.')
			return;
		say(c, n, PG_UI("<%s %s=\"%s\">: a name starts with a letter and "
		    "holds only letters, digits, - and _", "<%s %s=\"%s\">：名称以"
		    "字母开头，只能包含字母、数字、- 和 _"), en, a->name, v);
		return;
	case V_KEY:
		/* known keys are checked against the default's labels later */
		for (i = 0; v[i] != '\0'; i++)
			if (!(islower((unsigned char)v[i]) || isdigit((unsigned char)v[i]) ||
			    v[i] == '-' || v[i] == '.'))
				break;
		if (v[i] == '\0' && strchr(v, '.') != NULL && islower((unsigned char)v[0]))
			return;
		say(c, n, PG_UI("<label key=\"%s\">: a label key is written like "
		    "goals.heading (lower case, one dot)", "<label key=\"%s\">："
		    "标签键的写法如 goals.heading（小写字母，一个点）"), v);
		return;
	case V_CHOICE:
		{
			const char *p = a->choices, *q;
			const char *cand[16];
			char words[160];
			size_t nc = 0;
			snprintf(words, sizeof(words), "%s", a->choices);
			list[0] = '\0';
			for (p = words; *p != '\0' && nc < 16; p = q) {
				q = strchr(p, ' ');
				if (q == NULL)
					q = p + strlen(p);
				else
					*(char *)q++ = '\0';
				if (strcmp(p, v) == 0)
					return;
				cand[nc++] = p;
				snprintf(list + strlen(list), sizeof(list) -
				    strlen(list), "%s%s", list[0] ? ", " : "", p);
			}
			q = pg_tpl_nearest(v, cand, nc);
			if (q != NULL)
				say(c, n, PG_UI("<%s %s=\"%s\">: did you mean \"%s\"? "
				    "(one of %s)", "<%s %s=\"%s\">：是不是要写 \"%s\"？"
				    "（可选：%s）"), en, a->name, v, q, list);
			else
				say(c, n, PG_UI("<%s %s=\"%s\">: write one of %s",
				    "<%s %s=\"%s\">：只能写以下之一：%s"), en, a->name, v,
				    list);
		}
		return;
	}
}

static void
check_attrs(struct cx *c, const xmlNode *n, const struct telem *e)
{
	const xmlAttr		*at;
	const struct tattr	*a;
	const char		*names[16];
	size_t			 k;

	for (k = 0; e->attrs[k].name != NULL && k < 16; k++)
		names[k] = e->attrs[k].name;
	for (at = n->properties; at != NULL; at = at->next) {
		const char *an = (const char *)at->name, *near;
		char *v;
		if (at->ns != NULL) {
			say(c, n, PG_UI("<%s %s:%s>: template attributes have no "
			    "namespace prefix: remove %s:%s", "<%s %s:%s>：模板的属性"
			    "没有命名空间前缀：请删除 %s:%s"), e->name,
			    at->ns->prefix != NULL ? (const char *)at->ns->prefix : "",
			    an, at->ns->prefix != NULL ?
			    (const char *)at->ns->prefix : "", an);
			continue;
		}
		for (a = e->attrs; a->name != NULL; a++)
			if (strcmp(a->name, an) == 0)
				break;
		if (a->name == NULL) {
			near = pg_tpl_nearest(an, names, k);
			if (k == 0)
				say(c, n, PG_UI("<%s> takes no attributes: remove %s=",
				    "<%s> 不带属性：请删除 %s="), e->name, an);
			else if (near != NULL)
				say(c, n, PG_UI("<%s> has no attribute %s: did you "
				    "mean %s?", "<%s> 没有属性 %s：是不是要写 %s？"),
				    e->name, an, near);
			else
				say(c, n, PG_UI("<%s> has no attribute %s (it has: %s%s%s%s%s%s)",
				    "<%s> 没有属性 %s（它有：%s%s%s%s%s%s）"), e->name, an,
				    names[0], k > 1 ? ", " : "", k > 1 ? names[1] : "",
				    k > 2 ? ", " : "", k > 2 ? names[2] : "",
				    k > 3 ? ", ..." : "");
			continue;
		}
		if ((v = pg_xml_attr(n, an)) != NULL) {
			check_value(c, n, a, v);
			free(v);
		}
	}
	for (a = e->attrs; a->name != NULL; a++)
		if (a->required && xmlHasProp(n, (const xmlChar *)a->name) == NULL)
			say(c, n, PG_UI("<%s> needs the attribute %s", "<%s> 必须有属性 %s"),
			    e->name, a->name);
}

/* The elements a template without extends must give, and their values. */
static void
check_full(struct cx *c, const xmlNode *root)
{
	const struct telem	*e;
	const struct tattr	*a;
	const xmlNode		*n;

	for (e = elems; e->name != NULL; e++) {
		if (!e->full)
			continue;
		for (n = root->children; n != NULL; n = n->next)
			if (n->type == XML_ELEMENT_NODE &&
			    strcmp((const char *)n->name, e->name) == 0)
				break;
		if (n == NULL) {
			say(c, root, PG_UI("the template has no <%s>: give it, or "
			    "write <template extends=\"default\"> to take what it "
			    "does not give from the default template", "模板中没有 "
			    "<%s>：请补上，或写 <template extends=\"default\">，"
			    "没写的部分沿用默认模板"), e->name);
			continue;
		}
		if (strcmp(e->name, "description") == 0 ||
		    strcmp(e->name, "sections") == 0)
			continue;
		for (a = e->attrs; a->name != NULL; a++)
			if (strcmp(a->name, "orientation") != 0 &&
			    xmlHasProp(n, (const xmlChar *)a->name) == NULL)
				say(c, n, PG_UI("<%s> has no %s: give it, or write "
				    "<template extends=\"default\"> to take it from "
				    "the default template", "<%s> 缺少 %s：请补上，或写 "
				    "<template extends=\"default\"> 沿用默认模板的值"),
				    e->name, a->name);
	}
}

static void
walk(struct cx *c, const xmlNode *n, const char *parent)
{
	const struct telem	*e = find_elem((const char *)n->name, parent);
	const xmlNode		*ch, *prev;
	const char		*names[16], *near;
	size_t			 k;

	if (e == NULL) {
		k = child_names(parent, names, 16);
		near = pg_tpl_nearest((const char *)n->name, names, k);
		if (near != NULL)
			say(c, n, PG_UI("<%s> is not a template element here: did "
			    "you mean <%s>?", "<%s> 不是此处可用的模板元素：是不是要写 "
			    "<%s>？"), (const char *)n->name, near);
		else if (k == 0)
			say(c, n, PG_UI("<%s> may hold no elements: remove <%s>",
			    "<%s> 中不能有元素：请删除 <%s>"), parent,
			    (const char *)n->name);
		else
			say(c, n, PG_UI("<%s> is not a template element here (in "
			    "<%s>: %s%s%s%s%s%s)", "<%s> 不是此处可用的模板元素（<%s> "
			    "中可以有：%s%s%s%s%s%s）"), (const char *)n->name, parent,
			    names[0], k > 1 ? ", " : "", k > 1 ? names[1] : "",
			    k > 2 ? ", " : "", k > 2 ? names[2] : "",
			    k > 3 ? ", ..." : "");
		return;
	}
	check_attrs(c, n, e);
	for (ch = n->children; ch != NULL; ch = ch->next) {
		if (ch->type == XML_TEXT_NODE || ch->type == XML_CDATA_SECTION_NODE) {
			const xmlChar *s = ch->content;
			while (s != NULL && *s != '\0' && isspace(*s))
				s++;
			if (s != NULL && *s != '\0')
				say(c, ch, PG_UI("<%s> holds text: a template's values "
				    "go in attributes (<%s ...=\"...\"/>)", "<%s> 中有文字："
				    "模板的值要写在属性里（<%s ...=\"...\"/>）"), e->name,
				    e->name);
			continue;
		}
		if (ch->type != XML_ELEMENT_NODE)
			continue;
		if (ch->ns != NULL) {
			say(c, ch, PG_UI("<%s> is in a namespace: remove the xmlns",
			    "<%s> 带有命名空间：请删除 xmlns"), (const char *)ch->name);
			continue;
		}
		walk(c, ch, e->name);
		{
			const struct telem *ce = find_elem((const char *)ch->name, e->name);
			if (ce == NULL || !ce->once)
				continue;
		}
		for (prev = n->children; prev != ch; prev = prev->next)
			if (prev->type == XML_ELEMENT_NODE &&
			    strcmp((const char *)prev->name, (const char *)ch->name) == 0) {
				say(c, ch, PG_UI("<%s> is given twice (first at line %lu): "
				    "keep one", "<%s> 出现了两次（第一次在第 %lu 行）：请只保留"
				    "一个"), (const char *)ch->name, pg_xml_line(prev));
				break;
			}
	}
	if (e->attrs == A_NONE && (strcmp(e->name, "palette") == 0 ||
	    strcmp(e->name, "sections") == 0)) {
		for (ch = n->children; ch != NULL; ch = ch->next)
			if (ch->type == XML_ELEMENT_NODE)
				break;
		if (ch == NULL)
			say(c, n, PG_UI("<%s> is empty: give at least one <color "
			    "value=\"#1F3A5F\"/>, or leave <%s> out", "<%s> 是空的："
			    "至少写一个 <color value=\"#1F3A5F\"/>，或删掉 <%s>"),
			    e->name, e->name);
	} else if (strcmp(e->name, "sections") == 0) {
		for (ch = n->children; ch != NULL; ch = ch->next)
			if (ch->type == XML_ELEMENT_NODE)
				break;
		if (ch == NULL)
			say(c, n, "%s", PG_UI("<sections> is empty: list at least one "
			    "<section name=\"summary\"/>", "<sections> 是空的：至少列出"
			    "一个 <section name=\"summary\"/>"));
	}
}

int
pg_tpl_precheck(const xmlDoc *doc, const char *file, struct pg_diags *d)
{
	const xmlNode	*root = xmlDocGetRootElement((xmlDoc *)doc);
	struct cx	 c = { file, d, 0, 0 };

	if (root == NULL)
		return 0;
	if (strcmp((const char *)root->name, "template") != 0) {
		say(&c, root, PG_UI("<%s>: a template file starts with <template "
		    "version=\"1\">", "<%s>：模板文件要以 <template version=\"1\"> "
		    "开头"), (const char *)root->name);
		return c.errors;
	}
	c.extends = xmlHasProp(root, (const xmlChar *)"extends") != NULL;
	walk(&c, root, NULL);
	if (!c.extends)
		check_full(&c, root);
	return c.errors;
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

int
pg_tpl_validate_rng(xmlDocPtr doc, const char *name, struct pg_diags *d)
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

