/*
 * figure.c — the figure table (kind -> name, layout function, whether it
 * splits over pages), pg_fig_layout, the one entry point every figure is
 * laid out through, and the built-in labels.  The figures themselves are
 * in swot.c, sales.c, budget.c, timeline.c, posmap.c and blueprint.c; what
 * they draw with is in draw.c.  See figure.h.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "base/lang.h"
#include "figures/figure.h"
#include "figures/figure_int.h"

/* ---- the figure table -------------------------------------------------- */

static const struct {
	const char	*name;
	fig_layout_fn	*layout;
	int		 splits;	/* may be split over pages (first > 0) */
} figs[PG_FIG_NKINDS] = {
	[PG_FIG_SWOT] =		{ "swot", fig_swot_layout, 0 },
	[PG_FIG_SALES] =	{ "sales", fig_sales_layout, 0 },
	[PG_FIG_BUDGET] =	{ "budget", fig_budget_layout, 0 },
	[PG_FIG_TIMELINE] =	{ "timeline", fig_timeline_layout, 1 },
	[PG_FIG_POSMAP] =	{ "posmap", fig_posmap_layout, 0 },
	[PG_FIG_BLUEPRINT] =	{ "blueprint", fig_blueprint_layout, 1 },
	[PG_FIG_JOURNEY] =	{ "journey", fig_journey_layout, 0 },
	[PG_FIG_SERVQUAL] =	{ "servqual", fig_servqual_layout, 0 },
	[PG_FIG_PHASING] =	{ "phasing", fig_phasing_layout, 0 },
	[PG_FIG_GOALTREE] =	{ "goaltree", fig_goaltree_layout, 0 },
	[PG_FIG_TIMELINE_CAT] =	{ "timeline-category", fig_timeline_cat_layout, 0 },
};

static int
known(enum pg_fig_kind kind)
{
	return (int)kind >= 0 && kind < PG_FIG_NKINDS;
}

const char *
pg_fig_name(enum pg_fig_kind kind)
{
	return known(kind) ? figs[kind].name : NULL;
}

int
pg_fig_splits(enum pg_fig_kind kind)
{
	return known(kind) ? figs[kind].splits : 0;
}

void
pg_fig_out_free(struct pg_fig_out *out)
{
	pg_group_free(&out->g);
	free(out->texts);
	memset(out, 0, sizeof(*out));
}

int
pg_fig_layout(enum pg_fig_kind kind, const struct pg_fig_in *in, double w,
    double maxh, struct pg_fig_out *out)
{
	struct fig f;
	int rc;

	memset(out, 0, sizeof(*out));
	if (!known(kind) || in == NULL || in->p == NULL || in->fs == NULL ||
	    in->lb == NULL)
		return -1;
	if (!(w > 0))
		w = 0;
	if (!(maxh > 0))
		maxh = 0;
	out->w = w;
	if (!figs[kind].splits && in->first > 0)
		return 0;	/* a whole figure: nothing is left */
	fig_init(&f, &out->g, in->fs, in->lang, w, maxh);
	fig_colors_init(&f, in->colors);
	rc = figs[kind].layout(&f, in, maxh, out);
	out->texts = f.src;
	out->ntexts = f.nsrc;
	f.src = NULL;
	if (fig_done(&f) != 0)
		rc = -1;
	out->clipped = f.clipped;
	if (rc != 0) {
		pg_fig_out_free(out);
		return -1;
	}
	if (out->placed == 0) {
		pg_group_free(&out->g);
		free(out->texts);
		out->texts = NULL;
		out->ntexts = 0;
		out->h = 0;
	}
	return 0;
}

/* ---- labels ------------------------------------------------------------ */

static const struct pg_fig_labels labels_en = {
	{ "Strengths", "Weaknesses", "Opportunities", "Threats" },
	"(none)", "Actual", "Plan", "Contingency", "Other", "Total",
	{ NULL },	/* months: pg_month_abbr() */
	"",
	{ "No category", "Sales", "Promotion", "Advertising", "PR", "Training",
	  "Channel", "Product", "Research", "Service", "Digital", "Other",
	  "Events", "Partnership", "CRM" },
	"Competitor", "Us (now)", "Us (target)",
	{ "Physical evidence", "Customer actions", "Line of interaction",
	  "Frontstage", "Line of visibility", "Backstage", "Support processes" },
	"Fail points", "Recovery:",
	{ "Touchpoints", "Feeling", "Pains", "Opportunities" },
	{ "Reliability", "Responsiveness", "Assurance", "Empathy", "Tangibles" },
	"Expected", "Perceived", "Gap",
	{ "Q1", "Q2", "Q3", "Q4" }, "Milestones",
};

static const struct pg_fig_labels labels_zh = {
	{ "优势", "劣势", "机会", "威胁" },
	"（无）", "实际", "计划", "不可预见费", "其他", "合计",
	{ NULL },	/* months: pg_month_abbr() */
	"年",
	{ "未分类", "销售", "促销", "广告", "公关", "培训", "渠道", "产品", "调研",
	  "服务", "数字化", "其他", "活动", "合作", "客户关系管理" },
	"竞争者", "本品牌（现在）", "本品牌（目标）",
	{ "有形展示", "顾客行为", "互动分界线", "前台员工行为", "可视分界线",
	  "后台员工行为", "支持过程" },
	"失误点", "补救：",
	{ "接触点", "感受", "痛点", "机会" },
	{ "可靠性", "响应性", "保证性", "移情性", "有形性" },
	"期望", "感知", "差距",
	{ "第一季度", "第二季度", "第三季度", "第四季度" }, "里程碑",
};

void
pg_fig_labels_default(struct pg_fig_labels *l, const char *lang)
{
	int	m;

	*l = pg_lang_is_zh(lang) ? labels_zh : labels_en;
	for (m = 0; m < 12; m++)
		l->months[m] = pg_month_abbr(m + 1, lang);
}
