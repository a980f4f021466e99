/*
 * report.c — the output formats of `plangen check`.  See report.h.
 *
 * JSON and SARIF are built as json-c objects and serialised by json-c, so
 * no string is ever escaped by hand.  Every json-c constructor can fail;
 * the builders below note a failure in a flag and the report is then
 * NULL (out of memory) rather than a silently incomplete document.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <json.h>

#include "review/report.h"
#include "review/rules_custom.h"
#include "review/ruledoc.h"
#include "base/glossary.h"
#include "base/lang.h"
#include "base/strbuf.h"

#define SARIF_SCHEMA \
	"https://json.schemastore.org/sarif-2.1.0.json"

int
pg_format_parse(const char *s, enum pg_format *out)
{
	static const struct { const char *name; enum pg_format f; } t[] = {
		{ "text", PG_FMT_TEXT }, { "json", PG_FMT_JSON },
		{ "sarif", PG_FMT_SARIF }, { "github", PG_FMT_GITHUB },
	};
	size_t i;

	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++)
		if (strcmp(s, t[i].name) == 0) {
			*out = t[i].f;
			return 0;
		}
	return -1;
}

/* Unaccepted errors, warnings, and accepted findings of one file. */
struct counts {
	size_t	errors, warnings, accepted;
};

static void
count(const struct pg_checked *c, struct counts *k)
{
	size_t i;

	for (i = 0; i < c->diags.n; i++) {
		const struct pg_diag *g = &c->diags.v[i];
		if (g->accepted)
			k->accepted++;
		else if (g->sev == PG_ERROR)
			k->errors++;
		else
			k->warnings++;
	}
}

/* Escape per GitHub's rules: data escapes % CR LF; properties also : and ,. */
static void
add_gh(struct pg_sb *b, const char *s, int property)
{
	for (; *s != '\0'; s++) {
		switch (*s) {
		case '%': pg_sb_add(b, "%25"); break;
		case '\r': pg_sb_add(b, "%0D"); break;
		case '\n': pg_sb_add(b, "%0A"); break;
		case ':':
			pg_sb_add(b, property ? "%3A" : ":");
			break;
		case ',':
			pg_sb_add(b, property ? "%2C" : ",");
			break;
		default:
			pg_sb_addn(b, s, 1);
		}
	}
}

/* Team-rule findings (ids not built in) that are not accepted. */
static size_t
team_failures(const struct pg_checked *c)
{
	enum pg_finding	f;
	size_t		i, n = 0;

	for (i = 0; i < c->diags.n; i++)
		if (!c->diags.v[i].accepted &&
		    pg_finding_lookup(c->diags.v[i].rule, &f) != 0)
			n++;
	return n;
}

/*
 * "plan.xml: 1 error, 1 warning; completeness 86%\n", in the file's
 * language; the score says when it leaves team rules out, and a file the
 * review rules did not run on says so on a line of its own first.
 */
static void
add_summary(struct pg_sb *b, const struct pg_report_file *f, int gh)
{
	const struct pg_checked *c = f->res;
	struct counts	k = { 0, 0, 0 };
	size_t		team = team_failures(c);
	int		zh = c->lang == PG_LANG_ZH;

	count(c, &k);
	if (!c->rules_ran && c->completeness < 0 && k.errors > 0) {
		/* a GitHub log line: the file name escaped, as in a command */
		if (gh)
			add_gh(b, f->file, 0);
		else
			pg_sb_add(b, f->file);
		pg_sb_add(b, zh ? ": 提示: 因为上面的错误，复核规则没有运行；"
		    "改正后请再检查一次，可能还有别的问题\n" : ": note: the review "
		    "rules did not run because of the errors above; fix them "
		    "and check again, as more findings may follow\n");
	}
	if (c->lang_hint) {
		if (gh)
			add_gh(b, f->file, 0);
		else
			pg_sb_add(b, f->file);
		pg_sb_add(b, zh ? ": 提示: " PG_LANG_HINT_NOTE "\n" :
		    ": note: " PG_LANG_HINT_NOTE "\n");
	}
	if (gh)
		add_gh(b, f->file, 0);
	else
		pg_sb_add(b, f->file);
	if (zh)
		pg_sb_printf(b, ": %zu 个错误，%zu 个警告", k.errors, k.warnings);
	else
		pg_sb_printf(b, ": %zu error%s, %zu warning%s", k.errors,
		    k.errors == 1 ? "" : "s", k.warnings, k.warnings == 1 ? "" : "s");
	if (c->completeness >= 0)
		pg_sb_printf(b, zh ? "；完整度 %d%%" : "; completeness %d%%",
		    c->completeness);
	if (c->completeness >= 0 && team > 0)
		pg_sb_printf(b, zh ? "（仅内置检查；另有 %zu 条团队规则的问题）" :
		    " (built-in checks only; %zu team-rule finding%s not "
		    "counted)", team, zh || team == 1 ? "" : "s");
	pg_sb_add(b, "\n");
}

/* The severity word of a text line: "error", "warning"; Chinese: 错误, 警告. */
static const char *
severity_word(enum pg_severity s, enum pg_lang l)
{
	return pg_term(s == PG_ERROR ? PG_TERM_ERROR : PG_TERM_WARNING, l);
}

/* Append the text t (consumed) to b, in Traditional characters if hant. */
static void
add_converted(struct pg_sb *b, char *t, int hant)
{
	char *h;

	if (t == NULL) {
		b->oom = 1;
		return;
	}
	if (hant && (h = pg_lang_to_hant(t)) != NULL) {
		pg_sb_add(b, h);
		free(h);
	} else if (hant)
		b->oom = 1;
	else
		pg_sb_add(b, t);
	free(t);
}

/* ---- text ---------------------------------------------------------------- */

/*
 * The one finding-line formatter: "FILE:LINE: SEVERITY: MESSAGE [RULE]\n",
 * or "FILE: SEVERITY: MESSAGE [RULE]\n" for a finding about the whole file;
 * SEVERITY in the language l.
 */
static void
add_finding_line(struct pg_sb *b, const char *file, const struct pg_diag *g,
    enum pg_lang l)
{
	if (g->line > 0)
		pg_sb_printf(b, "%s:%lu: %s: %s [%s]\n", file, g->line,
		    severity_word(g->sev, l), g->msg, g->rule);
	else
		pg_sb_printf(b, "%s: %s: %s [%s]\n", file,
		    severity_word(g->sev, l), g->msg, g->rule);
}

static char *
report_text(const struct pg_report_file *files, size_t n, int quiet)
{
	struct pg_sb	b;
	size_t		i, j;

	pg_sb_init(&b);
	for (i = 0; i < n; i++) {
		const struct pg_checked *c = files[i].res;
		struct pg_sb f;

		if (c == NULL)
			continue;
		pg_sb_init(&f);
		for (j = 0; !quiet && j < c->diags.n; j++)
			if (!c->diags.v[j].accepted)
				add_finding_line(&f, files[i].file,
				    &c->diags.v[j], c->lang);
		add_summary(&f, &files[i], 0);
		add_converted(&b, pg_sb_take(&f), c->hant);
	}
	return pg_sb_take(&b);
}

char *
pg_report_findings(const struct pg_diags *d, const char *file,
    const char *lang)
{
	struct pg_sb	b, d2;
	size_t		i;

	pg_sb_init(&b);
	for (i = 0; i < d->n; i++)
		if (!d->v[i].accepted)
			add_finding_line(&b, d->v[i].file != NULL ?
			    d->v[i].file : file, &d->v[i], pg_lang_of(lang));
	if (!pg_lang_hant(lang))
		return pg_sb_take(&b);
	pg_sb_init(&d2);
	add_converted(&d2, pg_sb_take(&b), 1);
	return pg_sb_take(&d2);
}

/* ---- GitHub workflow commands -------------------------------------------- */

static char *
report_github(const struct pg_report_file *files, size_t n, int quiet)
{
	struct pg_sb	b;
	size_t		i, j;

	pg_sb_init(&b);
	for (i = 0; i < n; i++) {
		const struct pg_diags *d;

		if (files[i].res == NULL)
			continue;
		d = &files[i].res->diags;
		for (j = 0; !quiet && j < d->n; j++) {
			const struct pg_diag *g = &d->v[j];
			if (g->accepted)
				continue;
			pg_sb_printf(&b, "::%s file=", pg_severity_name(g->sev));
			add_gh(&b, files[i].file, 1);
			if (g->line > 0)
				pg_sb_printf(&b, ",line=%lu", g->line);
			pg_sb_add(&b, ",title=");
			add_gh(&b, g->rule, 1);
			pg_sb_add(&b, "::");
			add_gh(&b, g->msg, 0);
			pg_sb_add(&b, "\n");
		}
		add_summary(&b, &files[i], 1);
	}
	return pg_sb_take(&b);
}

/* ---- json-c helpers -------------------------------------------------------- */

struct jb {
	int	oom;
};

/* Add v under key k to object o; a NULL v from a failed constructor marks oom. */
static void
put(struct jb *j, json_object *o, const char *k, json_object *v)
{
	if (o == NULL || v == NULL) {
		j->oom = 1;
		json_object_put(v);
		return;
	}
	if (json_object_object_add(o, k, v) != 0) {
		j->oom = 1;
		json_object_put(v);
	}
}

/* Add a JSON null under k. */
static void
put_null(struct jb *j, json_object *o, const char *k)
{
	if (o == NULL || json_object_object_add(o, k, NULL) != 0)
		j->oom = 1;
}

static void
append(struct jb *j, json_object *a, json_object *v)
{
	if (a == NULL || v == NULL || json_object_array_add(a, v) != 0) {
		j->oom = 1;
		json_object_put(v);
	}
}

static json_object *
str(const char *s)
{
	return json_object_new_string(s != NULL ? s : "");
}

static json_object *
jcounts(struct jb *j, const struct counts *k)
{
	json_object *o = json_object_new_object();

	put(j, o, "errors", json_object_new_int64((int64_t)k->errors));
	put(j, o, "warnings", json_object_new_int64((int64_t)k->warnings));
	put(j, o, "accepted", json_object_new_int64((int64_t)k->accepted));
	if (o == NULL)
		j->oom = 1;
	return o;
}

/* A JSON string's content, escaped as json-c escapes it. */
static void
json_esc(struct pg_sb *b, const char *s)
{
	static const char hex[] = "0123456789abcdef";
	const char	*run = s;
	char		 u[7];

	for (; *s != '\0'; s++) {
		unsigned char c = (unsigned char)*s;
		const char *e = c == '"' ? "\\\"" : c == '\\' ? "\\\\" :
		    c == '\b' ? "\\b" : c == '\f' ? "\\f" : c == '\n' ? "\\n" :
		    c == '\r' ? "\\r" : c == '\t' ? "\\t" : NULL;
		if (e == NULL && c >= 0x20)
			continue;
		pg_sb_addn(b, run, (size_t)(s - run));
		if (e == NULL) {
			snprintf(u, sizeof(u), "\\u00%c%c", hex[c >> 4],
			    hex[c & 0xf]);
			e = u;
		}
		pg_sb_add(b, e);
		run = s + 1;
	}
	pg_sb_addn(b, run, (size_t)(s - run));
}

/* v at nesting level (2 spaces a level), as json-c's pretty, spaced,
 * no-slash-escape printer writes it. */
static void
json_put(struct pg_sb *b, json_object *v, int level)
{
	struct json_object_iterator it, end;
	size_t	 i, n;
	int	 open = 0;

	switch (json_object_get_type(v)) {
	case json_type_null:
		pg_sb_add(b, "null");
		return;
	case json_type_boolean:
		pg_sb_add(b, json_object_get_boolean(v) ? "true" : "false");
		return;
	case json_type_int:
		pg_sb_printf(b, "%lld", (long long)json_object_get_int64(v));
		return;
	case json_type_double:
		pg_sb_printf(b, "%.17g", json_object_get_double(v));
		return;
	case json_type_string:
		pg_sb_add(b, "\"");
		json_esc(b, json_object_get_string(v));
		pg_sb_add(b, "\"");
		return;
	case json_type_object:
		pg_sb_add(b, "{\n");
		it = json_object_iter_begin(v);
		end = json_object_iter_end(v);
		for (; !json_object_iter_equal(&it, &end);
		    json_object_iter_next(&it), open = 1) {
			pg_sb_printf(b, "%s%*s\"", open ? ",\n" : "",
			    2 * (level + 1), "");
			json_esc(b, json_object_iter_peek_name(&it));
			pg_sb_add(b, "\": ");
			json_put(b, json_object_iter_peek_value(&it), level + 1);
		}
		pg_sb_printf(b, "%s%*s}", open ? "\n" : "", 2 * level, "");
		return;
	case json_type_array:
		pg_sb_add(b, "[\n");
		n = json_object_array_length(v);
		for (i = 0; i < n; i++) {
			pg_sb_printf(b, "%s%*s", i > 0 ? ",\n" : "",
			    2 * (level + 1), "");
			json_put(b, json_object_array_get_idx(v, i), level + 1);
		}
		pg_sb_printf(b, "%s%*s]", n > 0 ? "\n" : "", 2 * level, "");
		return;
	}
}

char *
pg_json_text(struct json_object *root)
{
	struct pg_sb b;

	pg_sb_init(&b);
	json_put(&b, root, 0);
	pg_sb_add(&b, "\n");
	return pg_sb_take(&b);
}

/*
 * Serialise root (consumed) to a malloc'd string, or NULL.  Not with
 * json-c's writer: it ignores a failed allocation of its buffer and
 * carries on (a key or a string silently left out).
 */
static char *
serialise(struct jb *j, json_object *root)
{
	char *out = NULL;

	if (root != NULL && !j->oom)
		out = pg_json_text(root);
	json_object_put(root);
	return out;
}

/* ---- JSON ------------------------------------------------------------------ */

static char *
report_json(const struct pg_report_file *files, size_t n)
{
	struct jb	 j = { 0 };
	struct counts	 total = { 0, 0, 0 };
	json_object	*root, *tool, *arr;
	size_t		 i, k;

	root = json_object_new_object();
	tool = json_object_new_object();
	put(&j, tool, "name", str(PACKAGE_NAME));
	put(&j, tool, "version", str(PACKAGE_VERSION));
	put(&j, root, "tool", tool);
	arr = json_object_new_array();
	for (i = 0; i < n; i++) {
		const struct pg_checked *c = files[i].res;
		struct counts cnt = { 0, 0, 0 };
		json_object *fo = json_object_new_object();
		json_object *fa = json_object_new_array();

		put(&j, fo, "file", str(files[i].file));
		if (c == NULL) {	/* not read: the file and why */
			put(&j, fo, "error", str(files[i].error));
			put(&j, fo, "findings", fa);
			put(&j, fo, "counts", jcounts(&j, &cnt));
			put_null(&j, fo, "completeness");
			append(&j, arr, fo);
			continue;
		}
		for (k = 0; k < c->diags.n; k++) {
			const struct pg_diag *g = &c->diags.v[k];
			json_object *d = json_object_new_object();
			put(&j, d, "rule", str(g->rule));
			put(&j, d, "severity", str(pg_severity_name(g->sev)));
			if (g->line > 0)
				put(&j, d, "line", json_object_new_int64((int64_t)g->line));
			else
				put_null(&j, d, "line");
			put(&j, d, "message", str(g->msg));
			put(&j, d, "accepted", json_object_new_boolean(g->accepted != 0));
			append(&j, fa, d);
		}
		put(&j, fo, "findings", fa);
		count(c, &cnt);
		put(&j, fo, "counts", jcounts(&j, &cnt));
		if (c->completeness >= 0)
			put(&j, fo, "completeness", json_object_new_int(c->completeness));
		else
			put_null(&j, fo, "completeness");
		if (c->plan != NULL && c->plan->version == 2)
			put(&j, fo, "tracking", pg_json_tracking(c->plan, &j.oom));
		append(&j, arr, fo);
		total.errors += cnt.errors;
		total.warnings += cnt.warnings;
		total.accepted += cnt.accepted;
	}
	put(&j, root, "files", arr);
	put(&j, root, "counts", jcounts(&j, &total));
	return serialise(&j, root);
}

/* ---- SARIF ----------------------------------------------------------------- */

/* The rules of the driver: built-in, then team, then any other id seen. */
struct rule_table {
	const char	**id;
	size_t		  n, cap;
};

static int
rt_index(const struct rule_table *t, const char *id)
{
	size_t i;

	for (i = 0; i < t->n; i++)
		if (strcmp(t->id[i], id) == 0)
			return (int)i;
	return -1;
}

static int
rt_add(struct rule_table *t, const char *id)
{
	if (t->n == t->cap) {
		size_t ncap = t->cap ? t->cap * 2 : 64;
		const char **nv = realloc(t->id, ncap * sizeof(*nv));
		if (nv == NULL)
			return -1;
		t->id = nv;
		t->cap = ncap;
	}
	t->id[t->n++] = id;
	return 0;
}

static json_object *
text_obj(struct jb *j, const char *text)
{
	json_object *o = json_object_new_object();

	put(j, o, "text", str(text));
	return o;
}

static const char *
sarif_level(enum pg_severity s)
{
	return s == PG_ERROR ? "error" : "warning";
}

static json_object *
sarif_rule(struct jb *j, const char *id, const char *shortd, const char *full,
    const char *help, const char *helpmd, enum pg_severity sev)
{
	json_object *r = json_object_new_object(), *h, *cfg;

	put(j, r, "id", str(id));
	{
		/* a human name distinct from the id: budget-total-mismatch ->
		   BudgetTotalMismatch (SARIF 3.49.7) */
		char name[128];
		size_t o = 0;
		int up = 1;
		const char *s;
		for (s = id; *s != '\0' && o + 1 < sizeof(name); s++) {
			if (*s == '-' || *s == '_' || *s == '.' || *s == ' ') {
				up = 1;
				continue;
			}
			name[o++] = up && *s >= 'a' && *s <= 'z' ? (char)(*s - 32) : *s;
			up = 0;
		}
		name[o] = '\0';
		put(j, r, "name", str(o > 0 ? name : id));
	}
	put(j, r, "shortDescription", text_obj(j, shortd));
	put(j, r, "fullDescription", text_obj(j, full));
	h = text_obj(j, help);
	if (helpmd != NULL)
		put(j, h, "markdown", str(helpmd));
	put(j, r, "help", h);
	cfg = json_object_new_object();
	put(j, cfg, "level", str(sarif_level(sev)));
	put(j, r, "defaultConfiguration", cfg);
	return r;
}

/* Percent-encode a path as a relative URI reference (RFC 3986). */
static void
add_uri(struct pg_sb *b, const char *path)
{
	static const char hex[] = "0123456789ABCDEF";
	const unsigned char *p;

	for (p = (const unsigned char *)path; *p != '\0'; p++) {
		if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		    (*p >= '0' && *p <= '9') || strchr("-._~/", *p) != NULL)
			pg_sb_addn(b, (const char *)p, 1);
		else {
			char e[3] = { '%', hex[*p >> 4], hex[*p & 15] };
			pg_sb_addn(b, e, 3);
		}
	}
}

static json_object *
sarif_rules(struct jb *j, struct rule_table *t, const struct pg_report_file *files,
    size_t n, const struct pg_ruleset *rs)
{
	json_object	*arr = json_object_new_array();
	struct pg_sb	 b, m;
	size_t		 i, k;

	for (i = 0; i < pg_ruledoc_count(); i++) {
		const struct pg_ruledoc *r = &pg_ruledocs[i];
		const char *id = pg_finding_id(r->f);
		char *help, *md;

		pg_sb_init(&b);
		pg_sb_printf(&b, "%s\n\nWhy it matters: %s\n\nHow to fix it: %s",
		    r->checks[PG_LANG_EN], r->why[PG_LANG_EN], r->fix[PG_LANG_EN]);
		pg_sb_init(&m);
		pg_sb_printf(&m, "%s\n\n**Why it matters:** %s\n\n**How to fix "
		    "it:** %s\n\n---\n\n%s\n\n**为什么重要：** %s\n\n**如何修改：** %s",
		    r->checks[PG_LANG_EN], r->why[PG_LANG_EN], r->fix[PG_LANG_EN],
		    r->checks[PG_LANG_ZH], r->why[PG_LANG_ZH], r->fix[PG_LANG_ZH]);
		help = pg_sb_take(&b);
		md = pg_sb_take(&m);
		if (help == NULL || md == NULL || rt_add(t, id) != 0)
			j->oom = 1;
		else
			append(j, arr, sarif_rule(j, id, r->summary[PG_LANG_EN],
			    r->checks[PG_LANG_EN], help, md, pg_finding_severity(r->f)));
		free(help);
		free(md);
	}
	for (i = 0; i < pg_ruleset_count(rs); i++) {
		struct pg_rule_info ri;
		char *help;

		pg_ruleset_info(rs, i, &ri);
		if (rt_index(t, ri.id) >= 0)
			continue;
		pg_sb_init(&b);
		pg_sb_printf(&b, "Team rule from %s, line %lu.\n\n%s\n\nMessage: %s",
		    ri.file, ri.line, ri.description, ri.message);
		if ((help = pg_sb_take(&b)) == NULL || rt_add(t, ri.id) != 0)
			j->oom = 1;
		else
			append(j, arr, sarif_rule(j, ri.id, ri.description,
			    ri.description, help, NULL, ri.sev));
		free(help);
	}
	for (i = 0; i < n; i++)
		for (k = 0; files[i].res != NULL && k < files[i].res->diags.n; k++) {
			const struct pg_diag *g = &files[i].res->diags.v[k];
			if (rt_index(t, g->rule) >= 0)
				continue;
			if (rt_add(t, g->rule) != 0)
				j->oom = 1;
			else
				append(j, arr, sarif_rule(j, g->rule, g->rule,
				    g->rule, g->rule, NULL, g->sev));
		}
	return arr;
}

static char *
report_sarif(const struct pg_report_file *files, size_t n,
    const struct pg_ruleset *rs, int omit_accepted)
{
	struct jb		 j = { 0 };
	struct rule_table	 t = { NULL, 0, 0 };
	json_object		*root, *runs, *run, *tool, *driver, *results;
	size_t			 i, k;
	int			 any_accepted = 0;

	/* suppressions go on every result or on none (SARIF 3.27.23) */
	for (i = 0; !omit_accepted && i < n; i++)
		for (k = 0; files[i].res != NULL && k < files[i].res->diags.n; k++)
			any_accepted |= files[i].res->diags.v[k].accepted;

	root = json_object_new_object();
	put(&j, root, "$schema", str(SARIF_SCHEMA));
	put(&j, root, "version", str("2.1.0"));
	runs = json_object_new_array();
	run = json_object_new_object();
	tool = json_object_new_object();
	driver = json_object_new_object();
	put(&j, driver, "name", str(PACKAGE_NAME));
	put(&j, driver, "version", str(PACKAGE_VERSION));
	put(&j, driver, "semanticVersion", str(PACKAGE_VERSION));
	put(&j, driver, "rules", sarif_rules(&j, &t, files, n, rs));
	put(&j, tool, "driver", driver);
	put(&j, run, "tool", tool);
	results = json_object_new_array();
	for (i = 0; i < n; i++) {
		const struct pg_diags *d;

		if (files[i].res == NULL)
			continue;
		d = &files[i].res->diags;
		for (k = 0; k < d->n; k++) {
			const struct pg_diag *g = &d->v[k];
			json_object *r, *locs, *loc, *phys, *art;
			struct pg_sb u;
			char *uri;

			if (g->accepted && omit_accepted)
				continue;
			r = json_object_new_object();

			put(&j, r, "ruleId", str(g->rule));
			put(&j, r, "ruleIndex", json_object_new_int(rt_index(&t, g->rule)));
			put(&j, r, "level", str(sarif_level(g->sev)));
			put(&j, r, "message", text_obj(&j, g->msg));
			locs = json_object_new_array();
			loc = json_object_new_object();
			phys = json_object_new_object();
			art = json_object_new_object();
			pg_sb_init(&u);
			if (files[i].file[0] == '/')
				pg_sb_add(&u, "file://");
			add_uri(&u, files[i].file);
			if ((uri = pg_sb_take(&u)) == NULL)
				j.oom = 1;
			put(&j, art, "uri", str(uri));
			if (files[i].file[0] != '/')
				put(&j, art, "uriBaseId", str("%SRCROOT%"));
			free(uri);
			put(&j, phys, "artifactLocation", art);
			if (g->line > 0) {
				json_object *reg = json_object_new_object();
				put(&j, reg, "startLine", json_object_new_int64((int64_t)g->line));
				put(&j, phys, "region", reg);
			}
			put(&j, loc, "physicalLocation", phys);
			append(&j, locs, loc);
			put(&j, r, "locations", locs);
			if (any_accepted) {
				json_object *sup = json_object_new_array();
				if (g->accepted) {
					json_object *s1 = json_object_new_object();
					put(&j, s1, "kind", str("inSource"));
					append(&j, sup, s1);
				}
				put(&j, r, "suppressions", sup);
			}
			append(&j, results, r);
		}
	}
	put(&j, run, "results", results);
	put(&j, run, "columnKind", str("unicodeCodePoints"));
	append(&j, runs, run);
	put(&j, root, "runs", runs);
	free(t.id);
	return serialise(&j, root);
}

char *
pg_report(const struct pg_report_file *files, size_t n,
    const struct pg_report_opts *o)
{
	switch (o->fmt) {
	case PG_FMT_JSON:
		return report_json(files, n);
	case PG_FMT_SARIF:
		return report_sarif(files, n, o->rules, o->omit_accepted);
	case PG_FMT_GITHUB:
		return report_github(files, n, o->quiet);
	case PG_FMT_TEXT:
	default:
		return report_text(files, n, o->quiet);
	}
}
