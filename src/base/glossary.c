/*
 * glossary.c — one word for one thing.  See glossary.h.
 */
#include "config.h"

#include <stddef.h>

#include "base/glossary.h"

static const struct {
	const char *word[PG_LANG_N];
	const char *label;
} terms[PG_TERM_N] = {
	[PG_TERM_FAIL_POINT] = { { "fail point", "失误点" }, "blueprint.fail-point" },
	[PG_TERM_RECOVERY] = { { "recovery", "补救" }, "blueprint.recovery" },
	[PG_TERM_SQ_DIMENSION] = { { "service-quality dimension", "服务质量维度" }, NULL },
	[PG_TERM_MIX_PRODUCT] = { { "product", "产品" }, "mix.product" },
	[PG_TERM_MIX_PRICE] = { { "price", "价格" }, "mix.price" },
	[PG_TERM_MIX_PLACE] = { { "place", "渠道" }, "mix.place" },
	[PG_TERM_MIX_PROMOTION] = { { "promotion", "促销" }, "mix.promotion" },
	[PG_TERM_MIX_PEOPLE] = { { "people", "人员" }, "mix.people" },
	[PG_TERM_MIX_PROCESS] = { { "process", "过程" }, "mix.process" },
	[PG_TERM_MIX_EVIDENCE] = { { "physical evidence", "有形展示" },
	    "mix.physical-evidence" },
	[PG_TERM_SQ_RELIABILITY] = { { "reliability", "可靠性" }, "servqual.reliability" },
	[PG_TERM_SQ_RESPONSIVENESS] = { { "responsiveness", "响应性" },
	    "servqual.responsiveness" },
	[PG_TERM_SQ_ASSURANCE] = { { "assurance", "保证性" }, "servqual.assurance" },
	[PG_TERM_SQ_EMPATHY] = { { "empathy", "移情性" }, "servqual.empathy" },
	[PG_TERM_SQ_TANGIBLES] = { { "tangibles", "有形性" }, "servqual.tangibles" },
	[PG_TERM_STRENGTH] = { { "strength", "优势" }, "swot.strength" },
	[PG_TERM_WEAKNESS] = { { "weakness", "劣势" }, "swot.weakness" },
	[PG_TERM_OPPORTUNITY] = { { "opportunity", "机会" }, "swot.opportunity" },
	[PG_TERM_THREAT] = { { "threat", "威胁" }, "swot.threat" },
	[PG_TERM_ERROR] = { { "error", "错误" }, NULL },
	[PG_TERM_WARNING] = { { "warning", "警告" }, NULL },
};

const char *
pg_term(enum pg_term t, enum pg_lang l)
{
	if ((int)t < 0 || t >= PG_TERM_N || (int)l < 0 || l >= PG_LANG_N)
		return "";
	return terms[t].word[l];
}

const char *
pg_term_label_key(enum pg_term t)
{
	if ((int)t < 0 || t >= PG_TERM_N)
		return NULL;
	return terms[t].label;
}
