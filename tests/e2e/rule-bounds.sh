#!/bin/sh
# rule-bounds.sh — the whole run of a team rules file on a plan is bounded
# (src/review/rules_bound.h): hostile rules on a 1,000-action plan finish
# in seconds, each with one error finding that names the rule, its file and
# line, and the bound it hit, in English or Chinese; the other rules of a
# used-up file are reported as not run, another file keeps its own budget,
# and a rule shows at most 100 findings, then one "N more" line.
. "$SRCDIR/tests/e2e/lib.sh"

B="$SRCDIR/tests/data/team/bounds"
"$SRCDIR/scripts/gen-plan" 1000 > plan.xml || { fail "gen-plan"; finish; }

# check with a time limit far above the bounds (the old code: minutes)
chk() { run timeout 60 "$PLANGEN" check "$@"; }

# string(/) at every element hits the text bound first on a plain build; a
# slow build (AddressSanitizer) may reach the CPU-time bound first. Either
# way the run is bounded and the bound is named.
TEXT_OR_CPU='([0-9]+ MiB of text and node sets|[0-9]+ seconds of CPU time)'
TEXT_OR_CPU_ZH='([0-9]+ MiB 文本与节点集|[0-9]+ 秒 CPU 时间)'

## ---- quadratic string values ------------------------------------------------------

chk --rules "$B/quadratic.xml" --rules "$B/title.xml" plan.xml
expect_rc 1 "string(/) at every element: finishes, as an error"
expect_out '^plan\.xml: error: team rule whole-plan-text \(.*quadratic\.xml:5\) stopped: it reached the limit of '"$TEXT_OR_CPU"' for one run of its rules file on this plan; simplify its select \[whole-plan-text\]$' \
    "string(/): the rule, its file and line, and the bound named"
expect_out '^plan\.xml: error: team rule after-it \(.*quadratic\.xml:9\) was not run: an earlier rule of the file reached the limit of '"$TEXT_OR_CPU" \
    "string(/): the next rule of the same file is reported as not run"
expect_out '^plan\.xml:4: warning: title Scale test plan with 1000 actions \[title-named\]$' \
    "string(/): a rule of another file still runs (its own budget)"

chk --lang zh-CN --rules "$B/quadratic.xml" plan.xml
expect_rc 1 "string(/), in Chinese"
expect_out '^plan\.xml: 错误: 团队规则 whole-plan-text（.*quadratic\.xml:5）已停止：达到了规则文件在本计划上每次运行 '"$TEXT_OR_CPU_ZH"'的上限；请简化其 select 表达式 \[whole-plan-text\]$' \
    "string(/), in Chinese: the rule and the bound named"
expect_out '团队规则 after-it（.*quadratic\.xml:9）未运行' "the rule not run, in Chinese"
expect_no_out 'team rule|stopped|limit of|not run' "no English under --lang zh-CN"

## ---- quadratic XPath operations -------------------------------------------------------

chk --rules "$B/count-all.xml" plan.xml
expect_rc 1 "count(//*) at every element: finishes, as an error"
expect_out '^plan\.xml: error: team rule count-all \(.*count-all\.xml:4\) stopped: it reached the limit of [0-9]+ XPath operations for one run of its rules file on this plan' \
    "count(//*): the rule and the bound named"

## ---- a backtracking pattern at every element ------------------------------------------

chk --rules "$B/backtrack-all.xml" plan.xml
expect_rc 1 "backtracking at every element: finishes, as an error"
expect_out '^plan\.xml:[0-9]+: error: team rule evil-everywhere \(.*backtrack-all\.xml:4\) could not be checked on this text: match limit exceeded \(1,000,000 backtracking steps in one match\); the rule stops here' \
    "backtracking: the rule and the limit named"
n=$(grep -c 'evil-everywhere' "$T/out")
[ "$n" -eq 1 ] && pass "backtracking: one finding, not one per element" || fail "backtracking: $n findings"

## ---- a finding at every node ----------------------------------------------------------

chk --rules "$B/every-node.xml" plan.xml
expect_rc 0 "a finding at every node: warnings"
n=$(grep -c '\[every-node\]$' "$T/out")
[ "$n" -eq 101 ] && pass "100 findings and one more line" || fail "every-node: $n lines, expected 101"
expect_out '^plan\.xml:[0-9]+: warning: team rule every-node: [0-9]+ more findings not shown \(at most 100 a rule\) \[every-node\]$' \
    "the more line counts what is not shown"

chk --lang zh-CN --rules "$B/every-node.xml" plan.xml
expect_out '^plan\.xml:[0-9]+: 警告: 团队规则 every-node：另有 [0-9]+ 条发现未显示（每条规则最多显示 100 条） \[every-node\]$' \
    "the more line, in Chinese"

finish
