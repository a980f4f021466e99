/*
 * glossary.h — one word for one thing.  The marketing terms plangen's
 * messages, `explain` and the PDF share, in English and Chinese, so that
 * a fail point is 失误点 in `check`, in `explain` and on the blueprint
 * alike, and no English enumeration name ("reliability") appears in
 * Chinese text.  The default template's labels (templates/default.xml)
 * use the same words; test_report checks that they agree.
 *
 * Include: anyone.
 */
#ifndef PG_GLOSSARY_H
#define PG_GLOSSARY_H

#include "base/lang.h"

enum pg_term {
	PG_TERM_FAIL_POINT,		/* fail point, 失误点 */
	PG_TERM_RECOVERY,		/* recovery, 补救 */
	PG_TERM_SQ_DIMENSION,		/* service-quality dimension, 服务质量维度 */
	/* the 7 Ps, in the order of enum pg_mix_p (model.h) */
	PG_TERM_MIX_PRODUCT, PG_TERM_MIX_PRICE, PG_TERM_MIX_PLACE,
	PG_TERM_MIX_PROMOTION, PG_TERM_MIX_PEOPLE, PG_TERM_MIX_PROCESS,
	PG_TERM_MIX_EVIDENCE,
	/* the SERVQUAL dimensions, in the order of enum pg_servqual */
	PG_TERM_SQ_RELIABILITY, PG_TERM_SQ_RESPONSIVENESS, PG_TERM_SQ_ASSURANCE,
	PG_TERM_SQ_EMPATHY, PG_TERM_SQ_TANGIBLES,
	/* the SWOT quadrants, singular */
	PG_TERM_STRENGTH, PG_TERM_WEAKNESS, PG_TERM_OPPORTUNITY, PG_TERM_THREAT,
	/* severities, as the text output writes them */
	PG_TERM_ERROR, PG_TERM_WARNING,
	PG_TERM_N
};

/*
 * The word for t in language l (lower case in English: "fail point",
 * "reliability"); "" if t is out of range.  Never NULL.
 */
const char	*pg_term(enum pg_term t, enum pg_lang l);

/* The template label key of t ("blueprint.fail-point", "mix.product"), or
 * NULL if no label names it. */
const char	*pg_term_label_key(enum pg_term t);

#endif
