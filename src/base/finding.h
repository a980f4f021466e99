/*
 * finding.h — the one list of built-in finding ids.
 *
 * Every finding plangen itself reports has a value of enum pg_finding, and
 * PG_FINDINGS below is the only place where a built-in id is spelt: it
 * gives, in one row per id, the enum value, the id string (stable, never
 * translated; ../shared/spec/plan-format.md, "Review rules") and the
 * severity.  Stages report a finding with pg_diag_emit() (diag.h), passing
 * the enum; nothing passes an id as a string literal.  Team rules
 * (review/rules_custom.c) have ids chosen by their authors and report with
 * pg_diag_emit_team() instead.
 *
 * The documentation of every id (title, what fires it, why it matters, how
 * to fix it, in English and Chinese) is the table in review/ruledoc.c,
 * indexed by this enum; test_report fails if an id has none.
 *
 * Order: the ids `plangen check` reports, in the spec's order (errors
 * first), then the ids only `plangen render` reports.  `plangen explain`,
 * SARIF's rule list and plangen(1) list the ids in this order, so add new
 * ids at the end of their group (SARIF ruleIndex values then stay put).
 *
 * Include: anyone (no other header).
 */
#ifndef PG_FINDING_H
#define PG_FINDING_H

enum pg_severity {
	PG_ERROR = 0,
	PG_WARNING = 1,
};

/* X(enum value, id, severity) */
#define PG_FINDINGS(X) \
	/* reading and validating the plan (read/, review/schema*.c) */ \
	X(PG_F_XML_SYNTAX,		"xml-syntax",		PG_ERROR) \
	X(PG_F_SCHEMA,			"schema",		PG_ERROR) \
	/* the review rules (review/rules*.c) */ \
	X(PG_F_DUPLICATE_ID,		"duplicate-id",		PG_ERROR) \
	X(PG_F_DANGLING_REF,		"dangling-ref",		PG_ERROR) \
	X(PG_F_GOAL_CYCLE,		"goal-cycle",		PG_ERROR) \
	X(PG_F_PERIOD_INVALID,		"period-invalid",	PG_ERROR) \
	X(PG_F_ACTION_DATES,		"action-dates",		PG_ERROR) \
	X(PG_F_GOAL_NOT_MEASURABLE,	"goal-not-measurable",	PG_ERROR) \
	X(PG_F_GOAL_NO_DEADLINE,	"goal-no-deadline",	PG_ERROR) \
	X(PG_F_BUDGET_TOTAL_MISMATCH,	"budget-total-mismatch", PG_ERROR) \
	X(PG_F_GOAL_UNSUPPORTED,	"goal-unsupported",	PG_ERROR) \
	/* version 2: goals and budget (review/rules_track.c) */ \
	X(PG_F_GOAL_BREAKDOWN_MISMATCH,	"goal-breakdown-mismatch", PG_ERROR) \
	X(PG_F_PHASE_MISMATCH,		"phase-mismatch",	PG_ERROR) \
	X(PG_F_TOO_MANY_KEY_POINTS,	"too-many-key-points",	PG_WARNING) \
	X(PG_F_SWOT_QUADRANT_EMPTY,	"swot-quadrant-empty",	PG_WARNING) \
	X(PG_F_OUTSIDE_PERIOD,		"outside-period",	PG_WARNING) \
	X(PG_F_GOAL_NO_OWNER,		"goal-no-owner",	PG_WARNING) \
	X(PG_F_ACTION_NO_OWNER,		"action-no-owner",	PG_WARNING) \
	X(PG_F_GOAL_TARGET_UNCHANGED,	"goal-target-unchanged", PG_WARNING) \
	X(PG_F_VAGUE_GOAL,		"vague-goal",		PG_WARNING) \
	X(PG_F_ACTION_UNBUDGETED,	"action-unbudgeted",	PG_WARNING) \
	X(PG_F_MIX_INCOMPLETE,		"mix-incomplete",	PG_WARNING) \
	X(PG_F_KPI_MISSING,		"kpi-missing",		PG_WARNING) \
	X(PG_F_NO_CONTROLS,		"no-controls",		PG_WARNING) \
	X(PG_F_FAIL_POINT_NO_RECOVERY,	"fail-point-no-recovery", PG_WARNING) \
	X(PG_F_UNUSED_ACCEPT,		"unused-accept",	PG_WARNING) \
	X(PG_F_PLACEHOLDER_TEXT,	"placeholder-text",	PG_WARNING) \
	/* version 2: prose (review/rules_images.c) */ \
	X(PG_F_IMAGE_UNREADABLE,	"image-unreadable",	PG_ERROR) \
	/* version 2: the seed models (review/rules_seed.c) */ \
	X(PG_F_OPPORTUNITY_UNADDRESSED,	"opportunity-unaddressed", PG_WARNING) \
	X(PG_F_THREAT_UNADDRESSED,	"threat-unaddressed",	PG_WARNING) \
	X(PG_F_PAIN_UNADDRESSED,	"pain-unaddressed",	PG_WARNING) \
	X(PG_F_SERVQUAL_GAP_UNADDRESSED, "servqual-gap-unaddressed", PG_WARNING) \
	X(PG_F_FAB_NO_BENEFIT,		"fab-no-benefit",	PG_WARNING) \
	X(PG_F_PROMOTION_QDQ_INCOMPLETE, "promotion-qdq-incomplete", PG_WARNING) \
	X(PG_F_KPI_KIND_UNBALANCED,	"kpi-kind-unbalanced",	PG_WARNING) \
	/* version 2: tracking (review/rules_track.c) */ \
	X(PG_F_ACTION_OVERDUE,		"action-overdue",	PG_WARNING) \
	X(PG_F_KPI_OFF_TRACK,		"kpi-off-track",	PG_WARNING) \
	X(PG_F_BUDGET_OVERSPENT,	"budget-overspent",	PG_WARNING) \
	/* rendering only (compose/) */ \
	X(PG_F_TEMPLATE,		"template",		PG_ERROR) \
	X(PG_F_MISSING_GLYPH,		"missing-glyph",	PG_WARNING)

enum pg_finding {
#define PG_FINDING_ENUM(e, id, sev)	e,
	PG_FINDINGS(PG_FINDING_ENUM)
#undef PG_FINDING_ENUM
	PG_F_COUNT			/* not an id: the number of ids */
};

/* The id string of f ("goal-cycle"), or NULL if f is not an id. */
const char	*pg_finding_id(enum pg_finding f);

/*
 * The message of a missing-glyph finding, a printf format (a literal, so
 * the compiler checks it) taking the code
 * point (unsigned long, printed as U+XXXX) and the character (a string):
 * in Chinese if zh, else English.  check and render say the same words.
 */
#define pg_glyph_message(zh) ((zh) ? \
	"没有字体能显示 U+%04lX“%s”，PDF 中会缺这个字：请换成别的字或删除它" : \
	"no font can draw U+%04lX '%s'; it will be missing from the PDF: " \
	"replace it or remove it")

/* The severity of f (PG_WARNING if f is not an id). */
enum pg_severity pg_finding_severity(enum pg_finding f);

/*
 * The built-in finding whose id is the string `id`: returns 0 and sets
 * *out, or -1 (out untouched) if `id` is NULL or not a built-in id (e.g. a
 * team rule's).
 */
int		 pg_finding_lookup(const char *id, enum pg_finding *out);

#endif
