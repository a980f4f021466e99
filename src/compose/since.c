/*
 * since.c — `plangen render --since OLD.xml`: a "Changes since …" chapter
 * right after the contents (what changed, section by section, and the
 * findings fixed and introduced, as `plangen diff` says it), and a change
 * bar in the left margin beside every changed item: the paragraphs and
 * table rows whose source line lies in an item that was added, changed or
 * moved (diff.h's first..last, in the new plan's lines).
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "compose/compose_int.h"

/* Build the set of changed source lines; 0, or -1 (r->oom) on OOM. */
int
cp_since_init(struct rs *r)
{
	const struct pg_diff	*d = r->o->since;
	unsigned long		 max = 0, l;
	size_t			 i;

	if (d == NULL)
		return 0;
	for (i = 0; i < d->nchanges; i++)
		if (d->changes[i].kind != PG_D_REMOVED && d->changes[i].last > max)
			max = d->changes[i].last;
	if ((r->chg = calloc(max / 8 + 1, 1)) == NULL) {
		r->oom = 1;
		return -1;
	}
	r->nchg = max + 1;
	for (i = 0; i < d->nchanges; i++) {
		const struct pg_dchange *c = &d->changes[i];
		if (c->kind == PG_D_REMOVED || c->first == 0)
			continue;
		for (l = c->first; l <= c->last; l++)
			r->chg[l / 8] |= (unsigned char)(1u << (l % 8));
	}
	return 0;
}

void
cp_since_free(struct rs *r)
{
	free(r->chg);
	r->chg = NULL;
	r->nchg = 0;
}

int
cp_changed(const struct rs *r, unsigned long line)
{
	return r->chg != NULL && line > 0 && line < r->nchg &&
	    (r->chg[line / 8] & (1u << (line % 8))) != 0;
}

/* The bar: in the left margin, beside [y, y+h] of page. */
static void
bar(struct rs *r, int page, double y, double h)
{
	if (h > 0.5)
		cp_add_line(r, page, r->t->margin_left - 10, y, 0, h,
		    r->t->c_accent, 2.5, 0);
}

void
cp_bar_span(struct rs *r, int p0, double y0, int p1, double y1)
{
	int	p;
	double	top = r->t->margin_top, bottom = r->t->page_h - r->t->margin_bottom;

	if (p0 == p1) {
		bar(r, p0, y0, y1 - y0);
		return;
	}
	bar(r, p0, y0, bottom - y0);
	for (p = p0 + 1; p < p1; p++)
		bar(r, p, top, bottom - top);
	bar(r, p1, top, y1 - top);
}

void
cp_since_row(struct rs *r, const struct tb *t, size_t row, int page,
    double y, double h)
{
	if (row < t->nrowline && cp_changed(r, t->rowline[row]))
		bar(r, page, y, h);
}

/* One list item of plain text. */
static void
item(struct rs *r, char *s)
{
	if (s == NULL) {
		r->oom = 1;
		return;
	}
	cp_lcheck(r, pg_layout_item(r->l, cp_run1(r, cp_sfmt(r, "%s", s), 0), 1,
	    &r->item));
	free(s);
}

/* A section's name as this document's headings say it. */
static const char *
section_title(struct rs *r, const char *sec)
{
	size_t i;

	for (i = 0; i < PG_SEC_N; i++)
		if (strcmp(sec, pg_section_names[i]) == 0)
			return cp_label(r, cp_sfmt(r, "%s.heading", sec));
	if (strcmp(sec, "meta") == 0)
		return r->zh ? "封面信息" : "Title page";
	return pg_diff_section_name(sec, r->lang);
}

/* A group's title: bold, not numbered, not in the contents. */
static void
group(struct rs *r, const char *title)
{
	cp_lcheck(r, pg_layout_space(r->l, r->t->size_body * 0.4));
	cp_lead_para(r, title, NULL, 0, &r->body);
}

void
cp_sec_since(struct rs *r)
{
	const struct pg_diff	*d = r->o->since;
	struct pg_date		 when;
	const char		*name, *slash;
	char			*s;
	size_t			 i;

	if (d == NULL)
		return;
	name = (slash = strrchr(d->old.file, '/')) != NULL ? slash + 1 : d->old.file;
	if (d->old.date != NULL && pg_date_parse(d->old.date, &when) == 0)
		name = cp_fmt_date(r, when);
	r->fig = 0;
	cp_heading1_text(r, cp_sfmt(r, r->zh ? "自%s以来的变更" :
	    "Changes since %s", name));
	if ((s = pg_diff_summary_words(d)) == NULL) {
		r->oom = 1;
		return;
	}
	cp_text_para(r, cp_sfmt(r, "%s", s), 0, &r->body);
	free(s);
	if (d->nchanges > 0)
		cp_text_para(r, r->zh ? "正文中有变更的内容在左侧页边以竖线标出。" :
		    "A bar in the left margin marks what changed in the pages "
		    "that follow.", 0, &r->body);
	for (i = 0; i < d->nchanges && !r->oom; i++) {
		if (i == 0 || strcmp(d->changes[i].section,
		    d->changes[i - 1].section) != 0)
			group(r, section_title(r, d->changes[i].section));
		item(r, pg_diff_change_words(d, &d->changes[i]));
	}
	if (d->nfixed > 0)
		group(r, r->zh ? "已修复的问题" : "Findings fixed");
	for (i = 0; i < d->nfixed && !r->oom; i++)
		item(r, pg_diff_finding_words(d, &d->fixed[i]));
	if (d->nintroduced > 0)
		group(r, r->zh ? "新出现的问题" : "Findings introduced");
	for (i = 0; i < d->nintroduced && !r->oom; i++)
		item(r, pg_diff_finding_words(d, &d->introduced[i]));
}
