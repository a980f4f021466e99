/*
 * template.h — report templates: page geometry, fonts, sizes, colours,
 * running header and footer, section order, logo and every label of the
 * rendered report in English and Chinese (the XML files in templates/, validated
 * against schema/template.rng).
 *
 * A template is named ("default", "board": compiled into the binary, and
 * installed under $(pkgdatadir)/templates) or given by path.  Labels a
 * template does not define come from the built-in default template.
 * A template with extends="NAME" (a name, or a path relative to the
 * template) starts from that template and gives only what differs; one
 * without extends must give every element but the optional ones.
 *
 * Include: main.c, render, tests.
 */
#ifndef PG_TEMPLATE_H
#define PG_TEMPLATE_H

#include <stddef.h>

#include "base/diag.h"
#include "layout/frame.h"

/* The plan's sections, as a template orders them. */
enum pg_section { PG_SEC_SUMMARY, PG_SEC_SITUATION, PG_SEC_SWOT,
	PG_SEC_GOALS, PG_SEC_STRATEGY, PG_SEC_ACTIONS, PG_SEC_BUDGET,
	PG_SEC_CONTROLS, PG_SEC_N };

extern const char *const pg_section_names[PG_SEC_N];	/* "summary", ... */

/* Slots of the running header and footer. */
enum { PG_SLOT_LEFT, PG_SLOT_CENTER, PG_SLOT_RIGHT, PG_SLOT_N };

/* Most series colours a template's <palette> may give. */
#define PG_PALETTE_MAX	16

/* A text in English and (optionally) Chinese. */
struct pg_ltext {
	char	*en;		/* never NULL in a loaded template */
	char	*zh;		/* NULL: use en */
};

struct pg_tlabel {
	char		*key;		/* e.g. "goals.heading" */
	struct pg_ltext	 text;
};

/* What a template makes (template/@kind). */
enum pg_tkind { PG_TKIND_REPORT, PG_TKIND_BRIEF, PG_TKIND_DECK };

/* <sections new-page>: every chapter on a new page ("yes"), run on ("no"),
 * or a new page only when less than PG_NEWPAGE_AUTO_SHARE of the body is
 * left or the heading and the start of the chapter would not fit ("auto"). */
enum { PG_NEWPAGE_NO, PG_NEWPAGE_YES, PG_NEWPAGE_AUTO };
#define PG_NEWPAGE_AUTO_SHARE	0.25

struct pg_template {
	enum pg_tkind	 kind;		/* report (cover, contents, chapters),
					 * brief (compose/brief.c) or deck
					 * (compose/deck.c) */
	char		*name;		/* "default", or the file's base name */
	char		*path;		/* file it came from; NULL if built in */
	struct pg_ltext	 description;
	double		 page_w, page_h;	/* pt */
	double		 margin_top, margin_bottom, margin_left, margin_right; /* pt */
	char		*font_latin, *font_cjk;	/* fontconfig family names */
	double		 size_body, size_h1, size_h2, size_table, size_cover,
			 size_band;		/* pt */
	struct pg_color	 c_text, c_primary, c_accent, c_muted, c_rule,
			 c_head, c_head_text, c_stripe, c_draft;
	char		*logo;		/* absolute or relative-to-cwd path, or NULL */
	double		 logo_w;	/* pt */
	int		 logo_header;	/* 1: the logo stands in the running header too */
	unsigned	 logo_px_w, logo_px_h;	/* the logo's size in pixels */
	char		*extends;	/* extends= as written, or NULL */
	char		 page_size[8];	/* "A4", "A5", "Letter", "Legal" */
	int		 landscape;	/* 1: orientation="landscape" */
	struct pg_color	 palette[PG_PALETTE_MAX];	/* figures' series colours */
	int		 npalette;	/* 0: the figures' built-in colours */
	struct pg_ltext	 header[PG_SLOT_N], footer[PG_SLOT_N];	/* en NULL: empty */
	enum pg_section	 order[PG_SEC_N];
	int		 nsections;
	int		 figures[PG_SEC_N];	/* 1: draw that section's figures */
	int		 new_page;	/* PG_NEWPAGE_*: when a chapter starts a page */
	struct pg_tlabel *labels;
	size_t		 nlabels;
	char		**files;	/* the template files it was read from, the
					 * one extended first, itself last (none
					 * for a built-in template) */
	size_t		 nfiles;
};

/*
 * Load a template by name ("default", looked up in the binary, then in
 * PG_DATADIR/templates/NAME.xml) or by path (anything with a '/' or
 * ending in ".xml").  Returns:
 *    0  *out is a new template (free with pg_template_free);
 *   -1  no such template or unreadable file: message in err;
 *   -2  the template is invalid: findings (rule "template", with file and
 *       line) were added to d.
 * Exit status 2 in both failure cases.
 */
int	pg_template_load(const char *name_or_path, struct pg_template **out,
	    struct pg_diags *d, char *err, size_t errlen);

void	pg_template_free(struct pg_template *);

/*
 * Put t on paper "A4" or "Letter" (any case), keeping its orientation and
 * margins.  Returns 0, or -1 (t unchanged) for another name.
 */
int	pg_template_set_paper(struct pg_template *t, const char *paper);

/*
 * The XML text of a built-in template (name as `plangen templates` lists
 * it), for `plangen templates --show`; *len its length.  NULL if there is
 * no built-in template of that name.  Static; do not free.
 */
const char *pg_template_source(const char *name, size_t *len);

/*
 * The label `key` in language `lang` ("zh-CN", "zh*" -> Chinese, anything
 * else English).  Never NULL: an unknown key returns the key itself.
 */
const char *pg_tpl_label(const struct pg_template *, const char *key,
	    const char *lang);

/* The text of an ltext in a language (NULL if en is NULL). */
const char *pg_ltext_get(const struct pg_ltext *, const char *lang);

/* A template known by name, for `plangen templates`. */
struct pg_template_info {
	char	*name;
	char	*description;	/* one line, in pg_lang_ui()'s language */
	char	*where;		/* "built in" or the file */
	char	*extends;	/* the template it extends, or NULL */
};

/*
 * List the built-in templates, then those in PG_DATADIR/templates that
 * are not built in.  Fills *out (free with pg_template_list_free).
 * Returns the count, or -1 if memory ran out.
 */
int	pg_template_list(struct pg_template_info **out);
void	pg_template_list_free(struct pg_template_info *, int n);

#endif
