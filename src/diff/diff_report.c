/*
 * diff_report.c — the report of `plangen diff` as text, JSON or Markdown,
 * in the report's language.  See diff.h.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <json.h>

#include "diff/diff_int.h"
#include "review/report.h"
#include "base/fmt.h"
#include "base/lang.h"
#include "model/model.h"

/* ---- words ------------------------------------------------------------------ */

struct word {
	const char	*key, *en, *zh;
};

/* Sections and items as a reader names them; others keep their element name. */
static const struct word names[] = {
	{ "plan", "plan", "计划" },
	{ "meta", "meta", "基本信息" },
	{ "summary", "summary", "摘要" },
	{ "situation", "situation", "现状分析" },
	{ "swot", "SWOT", "SWOT" },
	{ "goals", "goals", "目标" },
	{ "strategy", "strategy", "策略" },
	{ "actions", "actions", "行动计划" },
	{ "budget", "budget", "预算" },
	{ "controls", "controls", "控制" },
	{ "appendix", "appendix", "附录" },
	{ "point", "key point", "要点" },
	{ "year", "sales year", "年度销售" },
	{ "fact", "fact", "市场数据" },
	{ "segment", "segment", "客户细分" },
	{ "competitor", "competitor", "竞争者" },
	{ "positioning-map", "positioning map", "定位图" },
	{ "position", "position", "定位点" },
	{ "strength", "strength", "优势" },
	{ "weakness", "weakness", "劣势" },
	{ "opportunity", "opportunity", "机会" },
	{ "threat", "threat", "威胁" },
	{ "goal", "goal", "目标" },
	{ "dimension", "service-quality dimension", "服务质量维度" },
	{ "blueprint", "blueprint", "服务蓝图" },
	{ "step", "blueprint step", "服务步骤" },
	{ "action", "action", "行动" },
	{ "line", "budget line", "预算项" },
	{ "contingency", "contingency", "应急预算" },
	{ "kpi", "KPI", "KPI" },
	{ "milestone", "milestone", "里程碑" },
	{ "review", "review", "评审" },
	{ "risk", "risk", "风险" },
	{ "journey", "customer journey", "客户旅程" },
	{ "stage", "journey stage", "旅程阶段" },
	{ "pain", "pain point", "痛点" },
	{ "row", "FAB row", "FAB 行" },
	{ "table-row", "table row", "表格行" },
	{ "section", "appendix section", "附录章节" },
	{ "image", "image", "图片" },
	{ "table", "table", "表格" },
	{ "text", "text", "文字" },
	{ "element", "element", "元素类型" },
};

static const char *
name_of(const char *key, int zh)
{
	size_t i;

	for (i = 0; i < sizeof(names) / sizeof(*names); i++)
		if (strcmp(names[i].key, key) == 0)
			return zh ? names[i].zh : names[i].en;
	return key;
}

static const char *const kinds[2][4] = {
	{ "added", "removed", "changed", "moved" },
	{ "新增", "删除", "修改", "移动" },
};

/* "@due" → "due", "metric[revenue]/@target" → "metric[revenue] target" */
static void
field_name(struct pg_sb *sb, const char *path, int zh)
{
	const char *p;

	if (strcmp(path, "text") == 0 || strcmp(path, "element") == 0) {
		pg_sb_add(sb, name_of(path, zh));
		return;
	}
	for (p = path; *p != '\0'; p++) {
		if (*p == '@' && (p == path || p[-1] == '/'))
			continue;
		if (*p == '/')
			pg_sb_add(sb, " ");
		else
			pg_sb_addn(sb, p, 1);
	}
}

/* ---- money and numbers --------------------------------------------------------- */

static void
money(struct pg_sb *sb, const struct pg_diff_side *s, int64_t v, const char *lang)
{
	char buf[PG_MONEY_BUFSZ];

	if (pg_fmt_money(v, s->currency, lang, buf, sizeof(buf)) != NULL)
		pg_sb_add(sb, buf);
}

/* "+¥50,000", "-¥20,000"; 0 if the totals cannot be compared. */
static int
total_change(const struct pg_diff *d, int64_t *delta)
{
	if (!d->old.total_set || !d->new.total_set ||
	    strcmp(d->old.currency, d->new.currency) != 0)
		return 0;
	if ((d->new.total >= 0 && d->old.total < d->new.total - INT64_MAX) ||
	    (d->new.total < 0 && d->old.total > d->new.total + INT64_MAX))
		return 0;	/* does not fit */
	*delta = d->new.total - d->old.total;
	return 1;
}

static void
signed_money(struct pg_sb *sb, const struct pg_diff *d, int64_t delta)
{
	if (delta > 0)
		pg_sb_add(sb, "+");
	money(sb, &d->new, delta, d->lang);
}

/* ---- text ------------------------------------------------------------------------ */

static void
quoted(struct pg_sb *sb, const char *s, size_t max)
{
	char buf[512];

	if (s == NULL) {
		pg_sb_add(sb, "—");
		return;
	}
	pg_sb_add(sb, "“");
	pg_sb_add(sb, df_shorten(s, max, buf, sizeof(buf)));
	pg_sb_add(sb, "”");
}

/* "goal G1 “Raise revenue…”" */
static void
item_words(struct pg_sb *sb, const char *elem, const char *label,
    int label_is_text, const char *desc, int zh)
{
	pg_sb_add(sb, name_of(elem, zh));
	if (label != NULL) {
		pg_sb_add(sb, " ");
		if (label_is_text)
			quoted(sb, label, 40);
		else
			pg_sb_add(sb, label);
	}
	if (desc != NULL) {
		pg_sb_add(sb, " ");
		quoted(sb, desc, 40);
	}
}

/* 1 if path names money (an amount, total or spent attribute). */
static int
is_money(const char *path)
{
	static const char *const ends[] = { "@amount", "@total", "@spent" };
	size_t	 i, n = strlen(path), k;

	for (i = 0; i < 3; i++) {
		k = strlen(ends[i]);
		if (n >= k && strcmp(path + n - k, ends[i]) == 0)
			return 1;
	}
	return 0;
}

/*
 * A money field as money: "¥420,000 → ¥450,000 (+¥30,000)".  Returns 0
 * (nothing written) unless both values are money.
 */
static int
money_change(struct pg_sb *sb, const struct pg_diff *d,
    const struct pg_dfield *f, int zh)
{
	int64_t a, b;

	if (!is_money(f->path) || f->old == NULL || f->new == NULL ||
	    pg_money_parse(f->old, &a) != 0 || pg_money_parse(f->new, &b) != 0 ||
	    (b >= 0 && a < b - INT64_MAX) || (b < 0 && a > b + INT64_MAX))
		return 0;
	money(sb, &d->old, a, d->lang);
	pg_sb_add(sb, " → ");
	money(sb, &d->new, b, d->lang);
	pg_sb_add(sb, zh ? "（" : " (");
	signed_money(sb, d, b - a);
	pg_sb_add(sb, zh ? "）" : ")");
	return 1;
}

static void
fields_words(struct pg_sb *sb, const struct pg_diff *d,
    const struct pg_dchange *c, int zh, size_t max)
{
	size_t i;

	for (i = 0; i < c->nfields; i++) {
		if (i > 0)
			pg_sb_add(sb, zh ? "；" : "; ");
		field_name(sb, c->fields[i].path, zh);
		pg_sb_add(sb, " ");
		if (money_change(sb, d, &c->fields[i], zh))
			continue;
		quoted(sb, c->fields[i].old, max);
		pg_sb_add(sb, " → ");
		quoted(sb, c->fields[i].new, max);
	}
}

/* A change of a section's own field (diff.h). */
static int
is_section_field(const struct pg_dchange *c)
{
	return c->kind == PG_D_CHANGED && c->label == NULL &&
	    strcmp(c->elem, c->section) == 0;
}

/* "changed goal G2: metric target “40” → “45”" (what text_change says
 * after its "FILE:LINE: SECTION: "). */
static void
change_words(struct pg_sb *sb, const struct pg_diff *d,
    const struct pg_dchange *c, int zh)
{
	pg_sb_printf(sb, "%s ", kinds[zh][c->kind]);
	if (is_section_field(c)) {
		fields_words(sb, d, c, zh, 60);
		return;
	}
	item_words(sb, c->elem, c->label, c->label_is_text,
	    c->kind == PG_D_CHANGED ? NULL : c->desc, zh);
	if (c->nfields > 0) {
		pg_sb_add(sb, zh ? "：" : ": ");
		fields_words(sb, d, c, zh, 60);
	}
}

static void
text_change(struct pg_sb *sb, const struct pg_diff *d, const struct pg_dchange *c,
    int zh)
{
	pg_sb_printf(sb, "%s:%lu: %s%s", d->new.file, c->line,
	    name_of(c->section, zh), zh ? "：" : ": ");
	change_words(sb, d, c, zh);
	if (c->kind == PG_D_REMOVED || c->kind == PG_D_MOVED)
		pg_sb_printf(sb, zh ? "（原 %s:%lu）" : " (was %s:%lu)",
		    d->old.file, c->old_line);
	pg_sb_add(sb, "\n");
}

/* Severity words, by language then error (1) or warning (0). */
static const char *const sev[2][2] = {
	{ "warning", "error" }, { "警告", "错误" } };

static void
text_finding(struct pg_sb *sb, const char *file, const struct pg_dfinding *f,
    int fixed, int zh)
{

	if (f->line > 0)
		pg_sb_printf(sb, "%s:%lu: ", file, f->line);
	else
		pg_sb_printf(sb, "%s: ", file);
	pg_sb_printf(sb, "%s%s%s%s [%s]\n",
	    zh ? (fixed ? "已修复的" : "新出现的") : (fixed ? "fixed " : "introduced "),
	    sev[zh][f->error], zh ? "：" : ": ", f->msg, f->rule);
}

/* "12 changes in 4 sections (3 added, ...)" */
static size_t
nsections(const struct pg_diff *d)
{
	size_t i, n = 0;

	for (i = 0; i < d->nchanges; i++)
		if (i == 0 || strcmp(d->changes[i].section,
		    d->changes[i - 1].section) != 0)
			n++;
	return n;
}

static void
summary_words(struct pg_sb *sb, const struct pg_diff *d, int zh)
{
	if (zh)
		pg_sb_printf(sb, "%zu 个部分共 %zu 处变更（新增 %zu，删除 %zu，"
		    "修改 %zu，移动 %zu）；问题：已修复 %zu 个，新出现 %zu 个",
		    nsections(d), d->nchanges, d->nadded, d->nremoved,
		    d->nchanged, d->nmoved, d->nfixed, d->nintroduced);
	else
		pg_sb_printf(sb, "%zu change%s in %zu section%s (%zu added, "
		    "%zu removed, %zu changed, %zu moved); findings: %zu fixed, "
		    "%zu introduced", d->nchanges, d->nchanges == 1 ? "" : "s",
		    nsections(d), nsections(d) == 1 ? "" : "s", d->nadded,
		    d->nremoved, d->nchanged, d->nmoved, d->nfixed,
		    d->nintroduced);
}

static void
text_report(struct pg_sb *sb, const struct pg_diff *d, int zh)
{
	size_t	 i;
	int64_t	 delta;

	for (i = 0; i < d->nchanges; i++)
		text_change(sb, d, &d->changes[i], zh);
	if (d->old.total_set || d->new.total_set) {
		pg_sb_printf(sb, "%s: %s ", d->new.file, zh ? "预算总额" :
		    "budget total");
		if (d->old.total_set)
			money(sb, &d->old, d->old.total, d->lang);
		else
			pg_sb_add(sb, "—");
		if (d->old.total_set && d->new.total_set &&
		    d->old.total == d->new.total &&
		    strcmp(d->old.currency, d->new.currency) == 0)
			pg_sb_add(sb, zh ? "（未变）" : " (unchanged)");
		else {
			pg_sb_add(sb, " → ");
			if (d->new.total_set)
				money(sb, &d->new, d->new.total, d->lang);
			else
				pg_sb_add(sb, "—");
			if (total_change(d, &delta)) {
				pg_sb_add(sb, zh ? "（" : " (");
				signed_money(sb, d, delta);
				pg_sb_add(sb, zh ? "）" : ")");
			}
		}
		pg_sb_add(sb, "\n");
	}
	if (d->old.completeness >= 0 || d->new.completeness >= 0) {
		pg_sb_printf(sb, "%s: %s ", d->new.file, zh ? "完整度" :
		    "completeness");
		if (d->old.completeness >= 0)
			pg_sb_printf(sb, "%d%%", d->old.completeness);
		else
			pg_sb_add(sb, "—");
		if (d->old.completeness == d->new.completeness) {
			pg_sb_add(sb, zh ? "（未变）\n" : " (unchanged)\n");
			goto findings;
		}
		pg_sb_add(sb, " → ");
		if (d->new.completeness >= 0)
			pg_sb_printf(sb, "%d%%", d->new.completeness);
		else
			pg_sb_add(sb, "—");
		if (d->old.completeness >= 0 && d->new.completeness >= 0)
			pg_sb_printf(sb, zh ? "（%+d）" : " (%+d)",
			    d->new.completeness - d->old.completeness);
		pg_sb_add(sb, "\n");
	}
findings:
	for (i = 0; i < d->nfixed; i++)
		text_finding(sb, d->old.file, &d->fixed[i], 1, zh);
	for (i = 0; i < d->nintroduced; i++)
		text_finding(sb, d->new.file, &d->introduced[i], 0, zh);
	if (pg_diff_same(d))
		pg_sb_printf(sb, zh ? "%s 与 %s 是同一份计划，没有变更\n" :
		    "%s and %s are the same plan: no changes\n",
		    d->old.file, d->new.file);
	else {
		pg_sb_printf(sb, "%s → %s%s", d->old.file, d->new.file,
		    zh ? "：" : ": ");
		summary_words(sb, d, zh);
		pg_sb_add(sb, "\n");
	}
}

/* ---- JSON ------------------------------------------------------------------------ */

struct jb {
	int	oom;
};

static json_object *
jstr(struct jb *j, const char *s)
{
	json_object *o;

	if (s == NULL)
		return NULL;	/* JSON null */
	if ((o = json_object_new_string(s)) == NULL)
		j->oom = 1;
	return o;
}

static json_object *
jint(struct jb *j, int64_t v)
{
	json_object *o = json_object_new_int64(v);

	if (o == NULL)
		j->oom = 1;
	return o;
}

static void
jset(struct jb *j, json_object *obj, const char *key, json_object *v)
{
	if (obj == NULL || json_object_object_add(obj, key, v) != 0) {
		json_object_put(v);
		j->oom = 1;
	}
}

static void
jpush(struct jb *j, json_object *arr, json_object *v)
{
	if (arr == NULL || v == NULL || json_object_array_add(arr, v) != 0) {
		json_object_put(v);
		j->oom = 1;
	}
}

static json_object *
jobj(struct jb *j)
{
	json_object *o = json_object_new_object();

	if (o == NULL)
		j->oom = 1;
	return o;
}

static json_object *
jarr(struct jb *j)
{
	json_object *o = json_object_new_array();

	if (o == NULL)
		j->oom = 1;
	return o;
}

static json_object *
j_side(struct jb *j, const struct pg_diff_side *s)
{
	json_object	*o = jobj(j);
	char		 buf[64];

	jset(j, o, "file", jstr(j, s->file));
	jset(j, o, "completeness", s->completeness >= 0 ?
	    jint(j, s->completeness) : NULL);
	jset(j, o, "budget_total", s->total_set ?
	    jstr(j, pg_money_format(s->total, buf, sizeof(buf))) : NULL);
	jset(j, o, "currency", jstr(j, s->currency));
	jset(j, o, "errors", jint(j, (int64_t)s->errors));
	jset(j, o, "warnings", jint(j, (int64_t)s->warnings));
	return o;
}

static json_object *
j_change(struct jb *j, const struct pg_dchange *c)
{
	static const char *const k[] = { "added", "removed", "changed", "moved" };
	json_object	*o = jobj(j), *fs;
	size_t		 i;

	jset(j, o, "kind", jstr(j, k[c->kind]));
	jset(j, o, "element", jstr(j, c->elem));
	jset(j, o, "item", jstr(j, c->label));
	jset(j, o, "description", jstr(j, c->desc));
	jset(j, o, "line", jint(j, (int64_t)c->line));
	jset(j, o, "old_line", c->old_line > 0 ? jint(j, (int64_t)c->old_line) :
	    NULL);
	if (c->kind == PG_D_CHANGED || c->kind == PG_D_MOVED) {
		fs = jarr(j);
		for (i = 0; i < c->nfields; i++) {
			json_object *f = jobj(j);
			jset(j, f, "field", jstr(j, c->fields[i].path));
			jset(j, f, "old", jstr(j, c->fields[i].old));
			jset(j, f, "new", jstr(j, c->fields[i].new));
			jpush(j, fs, f);
		}
		jset(j, o, "fields", fs);
	}
	return o;
}

static json_object *
j_findings(struct jb *j, const struct pg_dfinding *v, size_t n)
{
	json_object	*a = jarr(j);
	size_t		 i;

	for (i = 0; i < n; i++) {
		json_object *o = jobj(j);
		jset(j, o, "rule", jstr(j, v[i].rule));
		jset(j, o, "severity", jstr(j, v[i].error ? "error" : "warning"));
		jset(j, o, "line", v[i].line > 0 ? jint(j, (int64_t)v[i].line) :
		    NULL);
		jset(j, o, "section", jstr(j, v[i].section));
		jset(j, o, "element", jstr(j, v[i].elem));
		jset(j, o, "item", jstr(j, v[i].label));
		jset(j, o, "message", jstr(j, v[i].msg));
		jpush(j, a, o);
	}
	return a;
}

static char *
json_report(const struct pg_diff *d)
{
	struct jb	 j = { 0 };
	json_object	*root = jobj(&j), *t, *secs, *sec = NULL, *chs = NULL, *f;
	size_t		 i;
	int64_t		 delta;
	char		 buf[64], *out = NULL;

	t = jobj(&j);
	jset(&j, t, "name", jstr(&j, "plangen"));
	jset(&j, t, "version", jstr(&j, PACKAGE_VERSION));
	jset(&j, root, "tool", t);
	jset(&j, root, "old", j_side(&j, &d->old));
	jset(&j, root, "new", j_side(&j, &d->new));
	jset(&j, root, "same", json_object_new_boolean(pg_diff_same(d)));
	jset(&j, root, "budget_total_change", total_change(d, &delta) ?
	    jstr(&j, pg_money_format(delta, buf, sizeof(buf))) : NULL);
	jset(&j, root, "completeness_change", d->old.completeness >= 0 &&
	    d->new.completeness >= 0 ? jint(&j, d->new.completeness -
	    d->old.completeness) : NULL);
	t = jobj(&j);
	jset(&j, t, "added", jint(&j, (int64_t)d->nadded));
	jset(&j, t, "removed", jint(&j, (int64_t)d->nremoved));
	jset(&j, t, "changed", jint(&j, (int64_t)d->nchanged));
	jset(&j, t, "moved", jint(&j, (int64_t)d->nmoved));
	jset(&j, t, "fixed", jint(&j, (int64_t)d->nfixed));
	jset(&j, t, "introduced", jint(&j, (int64_t)d->nintroduced));
	jset(&j, root, "counts", t);
	secs = jarr(&j);
	for (i = 0; i < d->nchanges; i++) {
		if (i == 0 || strcmp(d->changes[i].section,
		    d->changes[i - 1].section) != 0) {
			sec = jobj(&j);
			chs = jarr(&j);
			jset(&j, sec, "section", jstr(&j, d->changes[i].section));
			jset(&j, sec, "changes", chs);
			jpush(&j, secs, sec);
		}
		jpush(&j, chs, j_change(&j, &d->changes[i]));
	}
	jset(&j, root, "sections", secs);
	f = jobj(&j);
	jset(&j, f, "fixed", j_findings(&j, d->fixed, d->nfixed));
	jset(&j, f, "introduced", j_findings(&j, d->introduced, d->nintroduced));
	jset(&j, root, "findings", f);
	if (!j.oom)	/* not json-c's writer: see pg_json_text() */
		out = pg_json_text(root);
	json_object_put(root);
	return out;
}

/* ---- Markdown ---------------------------------------------------------------------- */

/* Text safe in a Markdown paragraph, list item or table cell. */
static void
md_text(struct pg_sb *sb, const char *s)
{
	for (; *s != '\0'; s++) {
		if (strchr("\\`*_[]<>|#~!", *s) != NULL)
			pg_sb_add(sb, "\\");
		if (*s == '\n' || *s == '\r')
			pg_sb_add(sb, " ");
		else
			pg_sb_addn(sb, s, 1);
	}
}

static void
md_quoted(struct pg_sb *sb, const char *s, size_t max)
{
	char buf[1024];

	if (s == NULL) {
		pg_sb_add(sb, "—");
		return;
	}
	pg_sb_add(sb, "“");
	md_text(sb, df_shorten(s, max, buf, sizeof(buf)));
	pg_sb_add(sb, "”");
}

static void
md_row(struct pg_sb *sb, const char *what, const char *o, const char *n,
    const char *chg)
{
	pg_sb_printf(sb, "| %s | %s | %s | %s |\n", what, o, n, chg);
}

static void
md_table(struct pg_sb *sb, const struct pg_diff *d, int zh)
{
	char	 o[PG_MONEY_BUFSZ], n[PG_MONEY_BUFSZ], c[PG_MONEY_BUFSZ + 1];
	int64_t	 delta;

	pg_sb_add(sb, zh ? "| | 旧版 | 新版 | 变化 |\n|---|---:|---:|---:|\n" :
	    "| | old | new | change |\n|---|---:|---:|---:|\n");
	snprintf(o, sizeof(o), d->old.completeness >= 0 ? "%d%%" : "—",
	    d->old.completeness);
	snprintf(n, sizeof(n), d->new.completeness >= 0 ? "%d%%" : "—",
	    d->new.completeness);
	if (d->old.completeness >= 0 && d->new.completeness >= 0)
		snprintf(c, sizeof(c), d->new.completeness == d->old.completeness ?
		    "0" : "%+d", d->new.completeness - d->old.completeness);
	else
		snprintf(c, sizeof(c), "—");
	md_row(sb, zh ? "完整度" : "Completeness", o, n, c);
	if (!d->old.total_set ||
	    pg_fmt_money(d->old.total, d->old.currency, d->lang, o, sizeof(o)) == NULL)
		snprintf(o, sizeof(o), "—");
	if (!d->new.total_set ||
	    pg_fmt_money(d->new.total, d->new.currency, d->lang, n, sizeof(n)) == NULL)
		snprintf(n, sizeof(n), "—");
	if (!total_change(d, &delta) || pg_fmt_money(delta, d->new.currency,
	    d->lang, c + 1, sizeof(c) - 1) == NULL)
		snprintf(c, sizeof(c), "—");
	else if (delta == 0)
		snprintf(c, sizeof(c), "0");
	else
		c[0] = delta > 0 ? '+' : ' ';
	md_row(sb, zh ? "预算总额" : "Budget total", o, n, c[0] == ' ' ? c + 1 : c);
	snprintf(o, sizeof(o), "%zu", d->old.errors);
	snprintf(n, sizeof(n), "%zu", d->new.errors);
	snprintf(c, sizeof(c), d->new.errors == d->old.errors ? "0" : "%+ld",
	    (long)d->new.errors - (long)d->old.errors);
	md_row(sb, zh ? "错误" : "Errors", o, n, c);
	snprintf(o, sizeof(o), "%zu", d->old.warnings);
	snprintf(n, sizeof(n), "%zu", d->new.warnings);
	snprintf(c, sizeof(c), d->new.warnings == d->old.warnings ? "0" : "%+ld",
	    (long)d->new.warnings - (long)d->old.warnings);
	md_row(sb, zh ? "警告" : "Warnings", o, n, c);
}

static void
md_change(struct pg_sb *sb, const struct pg_diff *d, const struct pg_dchange *c,
    int zh)
{
	size_t i;

	pg_sb_printf(sb, "- **%s** ", kinds[zh][c->kind]);
	if (is_section_field(c)) {	/* "title “…” → “…” (line 10)" */
		field_name(sb, c->fields[0].path, zh);
		pg_sb_add(sb, " ");
		if (!money_change(sb, d, &c->fields[0], zh)) {
			md_quoted(sb, c->fields[0].old, 120);
			pg_sb_add(sb, " → ");
			md_quoted(sb, c->fields[0].new, 120);
		}
		pg_sb_printf(sb, zh ? "（第 %lu 行）\n" : " (line %lu)\n", c->line);
		return;
	}
	pg_sb_add(sb, name_of(c->elem, zh));
	if (c->label != NULL && c->label_is_text) {
		pg_sb_add(sb, " ");
		md_quoted(sb, c->label, 60);
	} else if (c->label != NULL) {
		pg_sb_add(sb, " ");
		md_text(sb, c->label);
	}
	if (c->desc != NULL && c->kind != PG_D_CHANGED) {
		pg_sb_add(sb, " ");
		md_quoted(sb, c->desc, 60);
	}
	if (c->kind == PG_D_REMOVED)
		pg_sb_printf(sb, zh ? "（旧版第 %lu 行）" : " (old line %lu)",
		    c->old_line);
	else
		pg_sb_printf(sb, zh ? "（第 %lu 行）" : " (line %lu)", c->line);
	for (i = 0; i < c->nfields; i++) {
		pg_sb_add(sb, i == 0 ? (zh ? "：" : ": ") : (zh ? "；" : "; "));
		field_name(sb, c->fields[i].path, zh);
		pg_sb_add(sb, " ");
		if (money_change(sb, d, &c->fields[i], zh))
			continue;
		md_quoted(sb, c->fields[i].old, 120);
		pg_sb_add(sb, " → ");
		md_quoted(sb, c->fields[i].new, 120);
	}
	pg_sb_add(sb, "\n");
}

static void
md_findings(struct pg_sb *sb, const struct pg_dfinding *v, size_t n, int fixed,
    int zh)
{
	size_t i;

	if (n == 0)
		return;
	pg_sb_printf(sb, "\n### %s\n\n", zh ? (fixed ? "已修复的问题" :
	    "新出现的问题") : (fixed ? "Findings fixed" : "Findings introduced"));
	for (i = 0; i < n; i++) {
		pg_sb_printf(sb, "- `%s` ", v[i].rule);
		if (v[i].elem != NULL) {
			pg_sb_add(sb, name_of(v[i].elem, zh));
			if (v[i].label != NULL) {
				pg_sb_add(sb, " ");
				md_text(sb, v[i].label);
			}
			if (!zh)
				pg_sb_add(sb, " ");
		}
		if (v[i].line > 0)
			pg_sb_printf(sb, zh ? (fixed ? "（旧版第 %lu 行）" :
			    "（第 %lu 行）") : (fixed ? "(old line %lu)" :
			    "(line %lu)"), v[i].line);
		pg_sb_add(sb, zh ? "：" : ": ");
		md_text(sb, v[i].msg);
		pg_sb_add(sb, "\n");
	}
}

static void
md_report(struct pg_sb *sb, const struct pg_diff *d, int zh)
{
	size_t i;

	pg_sb_add(sb, zh ? "## plangen diff：" : "## plangen diff: ");
	md_text(sb, d->old.file);
	pg_sb_add(sb, " → ");
	md_text(sb, d->new.file);
	pg_sb_add(sb, "\n\n");
	md_table(sb, d, zh);
	pg_sb_add(sb, "\n");
	if (pg_diff_same(d)) {
		pg_sb_add(sb, zh ? "没有变更：两份是同一份计划。\n" :
		    "No changes: the two files are the same plan.\n");
		return;
	}
	summary_words(sb, d, zh);
	pg_sb_add(sb, zh ? "。\n" : ".\n");
	for (i = 0; i < d->nchanges; i++) {
		if (i == 0 || strcmp(d->changes[i].section,
		    d->changes[i - 1].section) != 0)
			pg_sb_printf(sb, "\n### %s\n\n",
			    name_of(d->changes[i].section, zh));
		md_change(sb, d, &d->changes[i], zh);
	}
	md_findings(sb, d->fixed, d->nfixed, 1, zh);
	md_findings(sb, d->introduced, d->nintroduced, 0, zh);
}

/* ---- entry ------------------------------------------------------------------------ */

int
pg_diff_format_parse(const char *s, enum pg_diff_format *out)
{
	if (strcmp(s, "text") == 0)
		*out = PG_DIFF_TEXT;
	else if (strcmp(s, "json") == 0)
		*out = PG_DIFF_JSON;
	else if (strcmp(s, "markdown") == 0 || strcmp(s, "md") == 0)
		*out = PG_DIFF_MARKDOWN;
	else
		return -1;
	return 0;
}

char *
pg_diff_report(const struct pg_diff *d, enum pg_diff_format f)
{
	struct pg_sb	 sb;
	int		 zh = pg_lang_is_zh(d->lang);

	if (f == PG_DIFF_JSON)
		return json_report(d);
	pg_sb_init(&sb);
	if (f == PG_DIFF_MARKDOWN)
		md_report(&sb, d, zh);
	else
		text_report(&sb, d, zh);
	return pg_sb_take(&sb);
}

/* ---- words for a document (render --since) ---------------------------------------- */

char *
pg_diff_change_words(const struct pg_diff *d, const struct pg_dchange *c)
{
	struct pg_sb sb;

	pg_sb_init(&sb);
	change_words(&sb, d, c, pg_lang_is_zh(d->lang));
	if (c->kind == PG_D_REMOVED || c->kind == PG_D_MOVED)
		pg_sb_printf(&sb, pg_lang_is_zh(d->lang) ? "（旧版第 %lu 行）" :
		    " (line %lu of the old plan)", c->old_line);
	return pg_sb_take(&sb);
}

char *
pg_diff_finding_words(const struct pg_diff *d, const struct pg_dfinding *f)
{
	struct pg_sb	sb;
	int		zh = pg_lang_is_zh(d->lang);

	pg_sb_init(&sb);
	pg_sb_printf(&sb, "%s%s%s [%s]", sev[zh][f->error], zh ? "：" : ": ",
	    f->msg, f->rule);
	return pg_sb_take(&sb);
}

char *
pg_diff_summary_words(const struct pg_diff *d)
{
	struct pg_sb	 sb;
	int		 zh = pg_lang_is_zh(d->lang);
	int64_t		 delta;

	pg_sb_init(&sb);
	summary_words(&sb, d, zh);
	pg_sb_add(&sb, zh ? "。" : ".");
	if (total_change(d, &delta) && delta != 0) {
		pg_sb_add(&sb, zh ? "预算总额 " : " Budget total ");
		money(&sb, &d->old, d->old.total, d->lang);
		pg_sb_add(&sb, " → ");
		money(&sb, &d->new, d->new.total, d->lang);
		pg_sb_add(&sb, zh ? "（" : " (");
		signed_money(&sb, d, delta);
		pg_sb_add(&sb, zh ? "）。" : ").");
	}
	if (d->old.completeness >= 0 && d->new.completeness >= 0 &&
	    d->old.completeness != d->new.completeness)
		pg_sb_printf(&sb, zh ? "完整度 %d%% → %d%%。" :
		    " Completeness %d%% → %d%%.", d->old.completeness,
		    d->new.completeness);
	return pg_sb_take(&sb);
}

const char *
pg_diff_section_name(const char *section, const char *lang)
{
	return name_of(section, pg_lang_is_zh(lang));
}
