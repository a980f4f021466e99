# rules.sh — the built-in review rules through `plangen check`.
#
# Every tests/data/rules/NAME.xml is a schema-valid plan; NAME.expected
# holds exactly the finding lines `plangen check NAME.xml` must print (the
# summary line aside), in order: rule id, severity, line and message.
# Each rule has a fixture where it fires and near misses where it must not
# (in the same file, or in NAME-ok.xml with an empty .expected).
# Exit status: 1 when an error is expected, else 0; under --strict 1 when
# any finding is expected.

. "${SRCDIR:?}/tests/e2e/lib.sh"

D="$SRCDIR/tests/data/rules"

# check_in_data ARGS...: run plangen check from the fixtures' directory, so
# findings name the file as the .expected files do.
check_in_data() {
	(cd "$D" && "$PLANGEN" check "$@") >"$T/out" 2>"$T/err"
	rc=$?
}

for x in "$D"/*.xml; do
	name=$(basename "$x" .xml)
	exp="$D/$name.expected"
	if [ ! -f "$exp" ]; then
		fail "$name: no $name.expected"
		continue
	fi
	check_in_data "$name.xml"
	grep -v "^$name.xml: [0-9]* \(errors\{0,1\}, \|个错误\)" "$T/out" >"$T/findings"
	if cmp -s "$exp" "$T/findings"; then
		pass "$name: findings as expected"
	else
		fail "$name: findings differ from $name.expected"
		diff "$exp" "$T/findings" | sed 's/^/  /'
		sed 's/^/  err: /' "$T/err"
	fi
	ne=$(grep -c ': \(error\|错误\): ' "$exp")
	nw=$(grep -c ': \(warning\|警告\): ' "$exp")
	if [ "$ne" -gt 0 ]; then want=1; else want=0; fi
	expect_rc "$want" "$name: exit status"
	expect_out "^$name.xml: ($ne errors?, $nw warnings?; completeness|$ne 个错误，$nw 个警告；完整度) [0-9]+%$" \
	    "$name: summary counts"
	check_in_data --strict "$name.xml"
	if [ $((ne + nw)) -gt 0 ]; then want=1; else want=0; fi
	expect_rc "$want" "$name: exit status under --strict"
done

# Every built-in rule has a fixture where it fires.
for rule in duplicate-id dangling-ref goal-cycle period-invalid action-dates \
    goal-not-measurable goal-no-deadline budget-total-mismatch goal-unsupported \
    too-many-key-points swot-quadrant-empty outside-period goal-no-owner \
    action-no-owner goal-target-unchanged vague-goal action-unbudgeted \
    mix-incomplete kpi-missing no-controls fail-point-no-recovery \
    placeholder-text unused-accept image-unreadable opportunity-unaddressed threat-unaddressed \
    pain-unaddressed servqual-gap-unaddressed fab-no-benefit \
    promotion-qdq-incomplete kpi-kind-unbalanced \
    goal-breakdown-mismatch phase-mismatch action-overdue kpi-off-track \
    budget-overspent; do
	if grep -q "\[$rule\]\$" "$D"/*.expected; then pass "$rule is exercised"
	else fail "$rule fires in no fixture"; fi
done

# Default severities (spec table).
for rule in duplicate-id dangling-ref goal-cycle period-invalid action-dates \
    goal-not-measurable goal-no-deadline budget-total-mismatch goal-unsupported \
    goal-breakdown-mismatch phase-mismatch; do
	if grep -h "\[$rule\]\$" "$D"/*.expected | grep -qv ': \(error\|错误\): '; then
		fail "$rule is not always an error"
	else pass "$rule is an error"; fi
done

# The clean plan scores less than 100% (optional sections are missing);
# a plan with findings scores lower still.
check_in_data clean.xml
expect_out '^clean.xml: 0 errors, 0 warnings; completeness 75%$' "clean plan score"
check_in_data goal-cycle.xml
expect_out '; completeness 72%$' "a failing rule lowers the score"

# Messages follow --lang over the plan's own language; ids never change.
check_in_data --lang en zh-CN.xml
expect_out '^zh-CN.xml:28: error: goal G3 \(提升复购率\) has no measurable target \[goal-not-measurable\]$' \
    "--lang en gives English messages on a Chinese plan"
expect_no_out '没有可衡量' "--lang en: no Chinese message"
check_in_data --lang zh-CN mix-incomplete.xml
expect_out '^mix-incomplete.xml:33: 警告: 营销组合缺少：人员、过程、有形展示 \[mix-incomplete\]$' \
    "--lang zh-CN gives Chinese messages on an English plan"

# The seed rules of version 2 are warnings; they join the score of a v2
# plan only: the same plan as version 1 (before its v2 constructs) keeps
# the v1 score, and a v2 plan with a seed finding scores below 100%.
for rule in opportunity-unaddressed threat-unaddressed pain-unaddressed \
    servqual-gap-unaddressed fab-no-benefit promotion-qdq-incomplete \
    kpi-kind-unbalanced; do
	if grep -h "\[$rule\]\$" "$D"/*.expected | grep -qv ': \(warning\|警告\): '; then
		fail "$rule is not always a warning"
	else pass "$rule is a warning"; fi
done
check_in_data --lang zh-CN kpi-kind-unbalanced.xml
expect_out '^kpi-kind-unbalanced.xml:[0-9]+: 警告: 关键绩效指标只跟踪销售结果（2 个）；请补充销售活动指标（kind="activity"） \[kpi-kind-unbalanced\]$' \
    "a seed rule's message in Chinese"

# The samples review clean.
for s in plan-en plan-zh-CN; do
	run "$PLANGEN" check "$SRCDIR/samples/$s.xml"
	expect_rc 0 "sample $s"
	expect_out ': (0 errors, 0 warnings; completeness|0 个错误，0 个警告；完整度) 100%$' "sample $s has no finding"
done

finish
