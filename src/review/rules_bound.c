/*
 * rules_bound.c — the bounds of the whole run of a team rules file on one
 * plan, the findings that say a rule hit one, and the expansion of a
 * rule's own message.  See rules_bound.h.
 *
 * Invariants:
 *  1. Counting never refuses an allocation: libxml2 2.9.14 does not
 *     survive every failed allocation.  A used-up bound instead sets the
 *     armed XPath context's opLimit to 1, and libxml2 stops the evaluation
 *     at its next operation as if its own limit had been reached.
 *  2. Once a whole-run bound is used up it stays used up for the run.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#include <libxml/tree.h>

#include "base/strbuf.h"
#include "base/text.h"
#include "read/xml_read.h"
#include "review/rules_bound.h"

#define L(en, cn)	(u->zh ? (cn) : (en))
#define TICK_EVERY	1024U	/* allocations between two reads of the clock */
#define QUOTE_MAX	60	/* characters of node text in a message */

static double
cpu_now(void)
{
	struct timespec ts;

	if (clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts) != 0)
		return 0;
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

void
rb_measure(xmlNodePtr n, size_t *nodes, size_t *bytes)
{
	xmlAttrPtr a;

	*nodes = *bytes = 0;
	while (n != NULL) {	/* document order, without recursion */
		++*nodes;
		if (n->type == XML_ELEMENT_NODE)
			for (a = n->properties; a != NULL; a = a->next) {
				++*nodes;
				if (a->children != NULL && a->children->content != NULL)
					*bytes += strlen((const char *)
					    a->children->content);
			}
		else if (n->content != NULL)
			*bytes += strlen((const char *)n->content);
		if (n->type == XML_ELEMENT_NODE && n->children != NULL) {
			n = n->children;
			continue;
		}
		while (n != NULL && n->next == NULL)
			n = n->parent != NULL && n->parent->type ==
			    XML_ELEMENT_NODE ? n->parent : NULL;
		if (n != NULL)
			n = n->next;
	}
}

void
rb_start(struct rb_run *u, const char *file, int zh, size_t nodes,
    size_t bytes)
{
	u->file = file;
	u->ops = u->ops0 = RB_OPS_BASE + RB_OPS_NODE * (unsigned long)nodes;
	u->text = u->text0 = RB_TEXT_BASE + RB_TEXT_BYTE * bytes;
	u->seconds = RB_SECONDS + (double)(bytes >> 20);
	u->deadline = cpu_now() + u->seconds;
	u->ticks = 0;
	u->over = RB_NONE;
	u->oplimit = NULL;
	u->zh = zh;
}

static void
use_up(struct rb_run *u, enum rb_bound b)
{
	if (u->over == RB_NONE)
		u->over = b;
	if (u->oplimit != NULL)
		*u->oplimit = 1;	/* the evaluation stops at its next step */
}

enum rb_bound
rb_check_time(struct rb_run *u)
{
	u->ticks = 0;
	if (u->over == RB_NONE && cpu_now() > u->deadline)
		use_up(u, RB_TIME_USED);
	return u->over;
}

static void
charge(size_t n, void *arg)
{
	struct rb_run *u = arg;

	if (n <= u->text)
		u->text -= n;
	else {
		u->text = 0;
		use_up(u, RB_TEXT_USED);
	}
	if (++u->ticks >= TICK_EVERY)
		(void)rb_check_time(u);
}

void
rb_arm(struct rb_run *u, unsigned long *oplimit)
{
	u->oplimit = oplimit;
	if (u->over != RB_NONE && oplimit != NULL)
		*oplimit = 1;
	pg_xml_watch_alloc(charge, u);
}

void
rb_disarm(struct rb_run *u)
{
	pg_xml_watch_alloc(NULL, NULL);
	u->oplimit = NULL;
}

/* What bound b is, as the end of a sentence, into buf. */
static const char *
bound_name(const struct rb_run *u, enum rb_bound b, char *buf, size_t n)
{
	switch (b) {
	case RB_OPS_USED:
		snprintf(buf, n, L("the limit of %lu XPath operations for one run "
		    "of its rules file on this plan",
		    "规则文件在本计划上每次运行 %lu 次 XPath 运算的上限"), u->ops0);
		return buf;
	case RB_TEXT_USED:
		snprintf(buf, n, L("the limit of %zu MiB of text and node sets for "
		    "one run of its rules file on this plan",
		    "规则文件在本计划上每次运行 %zu MiB 文本与节点集的上限"),
		    u->text0 >> 20);
		return buf;
	case RB_TIME_USED:
		snprintf(buf, n, L("the limit of %.0f seconds of CPU time for one "
		    "run of its rules file on this plan",
		    "规则文件在本计划上每次运行 %.0f 秒 CPU 时间的上限"), u->seconds);
		return buf;
	case RB_MATCH_LIMIT:
		return L("match limit exceeded (1,000,000 backtracking steps in "
		    "one match)", "超出匹配上限（单次匹配 1,000,000 步回溯）");
	case RB_DEPTH_LIMIT:
		return L("depth limit exceeded (100,000 levels of nested "
		    "backtracking in one match)",
		    "超出深度上限（单次匹配 100,000 层嵌套回溯）");
	case RB_HEAP_LIMIT:
		return L("heap limit exceeded (64 MiB of backtracking memory in "
		    "one match)", "超出内存上限（单次匹配 64 MiB 回溯内存）");
	case RB_NONE:
		break;
	}
	return "?";
}

int
rb_emit_stopped(const struct rb_run *u, struct pg_diags *d, const char *file,
    unsigned long line, const char *id, const char *rfile,
    unsigned long rline, enum rb_bound b)
{
	char buf[256];

	if (b >= RB_MATCH_LIMIT)
		return pg_diag_emit_team(d, id, PG_ERROR, file, line,
		    L("team rule %s (%s:%lu) could not be checked on this text: "
		    "%s; the rule stops here: simplify its pattern",
		    "团队规则 %s（%s:%lu）无法检查此文本：%s；该规则就此停止，"
		    "请简化其模式"), id, rfile, rline,
		    bound_name(u, b, buf, sizeof(buf)));
	return pg_diag_emit_team(d, id, PG_ERROR, file, line,
	    L("team rule %s (%s:%lu) stopped: it reached %s; simplify its "
	    "select", "团队规则 %s（%s:%lu）已停止：达到了%s；请简化其 select "
	    "表达式"), id, rfile, rline, bound_name(u, b, buf, sizeof(buf)));
}

int
rb_emit_skipped(const struct rb_run *u, struct pg_diags *d, const char *file,
    const char *id, const char *rfile, unsigned long rline)
{
	char buf[256];

	return pg_diag_emit_team(d, id, PG_ERROR, file, 0,
	    L("team rule %s (%s:%lu) was not run: an earlier rule of the file "
	    "reached %s", "团队规则 %s（%s:%lu）未运行：同一文件中前面的规则已"
	    "达到%s"), id, rfile, rline, bound_name(u, u->over, buf,
	    sizeof(buf)));
}

int
rb_emit_more(const struct rb_run *u, struct pg_diags *d, const char *file,
    unsigned long line, const char *id, enum pg_severity sev, size_t more)
{
	return pg_diag_emit_team(d, id, sev, file, line,
	    L("team rule %s: %zu more finding%s not shown (at most %d a rule)",
	    "团队规则 %s：另有 %zu 条发现未显示%s（每条规则最多显示 %d 条）"),
	    id, more, u->zh || more == 1 ? "" : "s", RB_FINDINGS);
}

int
rb_emit_select_failed(const struct rb_run *u, struct pg_diags *d,
    const char *file, const char *id, const char *rfile, unsigned long rline,
    const char *why)
{
	if (u->zh)
		return pg_diag_emit_team(d, id, PG_ERROR, file, 0,
		    "团队规则 %s（%s:%lu）无法检查：其 select 表达式无法求值",
		    id, rfile, rline);
	return pg_diag_emit_team(d, id, PG_ERROR, file, 0, "team rule %s "
	    "(%s:%lu) could not be checked: its select failed: %s", id, rfile,
	    rline, why);
}

int
rb_emit_match_failed(const struct rb_run *u, struct pg_diags *d,
    const char *file, unsigned long line, const char *id, const char *rfile,
    unsigned long rline, int rc, const char *emsg)
{
	if (u->zh)
		return pg_diag_emit_team(d, id, PG_ERROR, file, line,
		    "团队规则 %s（%s:%lu）无法检查此文本：模式匹配出错（PCRE2 错误 "
		    "%d）；请简化其模式", id, rfile, rline, rc);
	return pg_diag_emit_team(d, id, PG_ERROR, file, line, "team rule %s "
	    "(%s:%lu) could not be checked on this text: %s; simplify its "
	    "pattern", id, rfile, rline, emsg);
}

/* ---- the words of a rule's own finding ---------------------------------------- */

/* Append at most max characters of s, with "…" if shortened. */
static void
add_quote(struct pg_sb *b, const char *s, size_t len, size_t max)
{
	size_t i = pg_text_prefix(s, len, max);

	pg_sb_addn(b, s, i);
	if (i < len)
		pg_sb_add(b, "…");
}

/* Append the id attribute of n or of its nearest ancestor that has one. */
static void
add_near_id(struct pg_sb *b, xmlNodePtr n)
{
	xmlChar *v;

	for (; n != NULL; n = n->parent)
		if (n->type == XML_ELEMENT_NODE &&
		    (v = xmlGetNoNsProp(n, (const xmlChar *)"id")) != NULL) {
			pg_sb_add(b, (const char *)v);
			xmlFree(v);
			return;
		}
}

char *
rb_expand(const char *tmpl, struct _xmlNode *node, const char *text,
    const char *match, size_t matchlen)
{
	struct pg_sb	 b;
	const char	*p = tmpl;

	pg_sb_init(&b);
	while (*p != '\0') {
		if (strncmp(p, "{text}", 6) == 0) {
			add_quote(&b, text, strlen(text), QUOTE_MAX);
			p += 6;
		} else if (strncmp(p, "{match}", 7) == 0) {
			if (match != NULL)
				add_quote(&b, match, matchlen, QUOTE_MAX);
			p += 7;
		} else if (strncmp(p, "{id}", 4) == 0) {
			add_near_id(&b, node);
			p += 4;
		} else if (strncmp(p, "{name}", 6) == 0) {
			pg_sb_add(&b, node->name != NULL ? (const char *)node->name : "");
			p += 6;
		} else {
			pg_sb_addn(&b, p, 1);
			p++;
		}
	}
	return pg_sb_take(&b);
}
