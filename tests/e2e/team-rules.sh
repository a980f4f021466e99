#!/bin/sh
# team-rules.sh — team rules: `plangen check --rules FILE` with the sample
# rules files, `plangen rules test`, invalid rules files, and a pattern that
# backtracks catastrophically.
. "$SRCDIR/tests/e2e/lib.sh"

D="$SRCDIR/tests/data/team"
AD="$SRCDIR/samples/rules/ad-law-zh.xml"
HS="$SRCDIR/samples/rules/house-style-en.xml"
cp "$D"/plan-zh.xml "$D"/plan-zh-bad.xml "$D"/plan-en.xml "$D"/plan-en-bad.xml .

line_of() { grep -n -- "$1" "$2" | head -1 | cut -d: -f1; }

## ---- the Chinese advertising-law rules -----------------------------------------

run "$PLANGEN" check --rules "$AD" plan-zh.xml
expect_rc 0 "ad-law: a clean Chinese plan passes"
expect_no_out 'ad-law-' "ad-law: no finding on the clean plan"

run "$PLANGEN" check --rules "$AD" plan-zh-bad.xml
expect_rc 1 "ad-law: absolute claims are errors"
L=$(line_of '<promotion><p>全市' plan-zh-bad.xml)
expect_out "^plan-zh-bad\\.xml:$L: 错误: 促销内容使用了广告法禁止的绝对化用语“第一”：全市第一的健身房，国家级教练带课。 \\[ad-law-absolute-claim\\]\$" \
    "ad-law: the promotion mix, at its line, text normalised across <em> and a line break"
L=$(line_of '全城最低价' plan-zh-bad.xml)
expect_out "^plan-zh-bad\\.xml:$L: 错误: .*“最低价”.*\\[ad-law-absolute-claim\\]\$" \
    "ad-law: an advertising action's title"
L=$(line_of '行业第一梯队' plan-zh-bad.xml)
expect_no_out "^plan-zh-bad\\.xml:$L:" "ad-law: a training action is not promotion text"
n=$(grep -c 'ad-law-absolute-claim' "$T/out")
[ "$n" -eq 2 ] && pass "ad-law: exactly two findings" || fail "ad-law: exactly two findings (got $n)"

## ---- the English house-style rules -------------------------------------------------

run "$PLANGEN" check --rules "$HS" plan-en.xml
expect_rc 0 "house-style: a clean plan passes"
expect_no_out 'action-needs-measure|goal-weak-verb|unproven-superlative' "house-style: no finding on the clean plan"

run "$PLANGEN" check --rules "$HS" plan-en-bad.xml
expect_rc 0 "house-style: warnings only"
L=$(line_of '<action id="A2"' plan-en-bad.xml)
expect_out "^plan-en-bad\\.xml:$L: warning: action A2 has no <measure>: say how its result is counted \\[action-needs-measure\\]\$" \
    "house-style: the action without a measure, at its line"
L=$(line_of 'Try to raise' plan-en-bad.xml)
expect_out "^plan-en-bad\\.xml:$L: warning: goal G1 is hedged \\(\"Try to\"\\)" "house-style: hedged goal"
run "$PLANGEN" check --strict --rules "$HS" plan-en-bad.xml
expect_rc 1 "house-style: --strict makes warnings fail"

# both files at once, two plans
run "$PLANGEN" check --rules "$AD" --rules "$HS" plan-en.xml plan-zh-bad.xml
expect_rc 1 "two rules files, two plans"
expect_out '^plan-zh-bad\.xml:[0-9]+: 错误: .*\[ad-law-absolute-claim\]' "two rules files: ad-law finding"
expect_out '^plan-en\.xml: 0 errors, 0 warnings' "two rules files: the clean plan's summary"

# the same rules file twice: its ids are defined twice
run "$PLANGEN" check --rules "$HS" --rules "$HS" plan-en.xml
expect_rc 2 "a rule id defined twice"
expect_err 'rule action-needs-measure is defined twice' "duplicate rule id named"

## ---- plangen rules test ----------------------------------------------------------------

run "$PLANGEN" rules test "$AD"
expect_rc 0 "rules test: ad-law-zh.xml"
expect_out "^$AD:[0-9]+: example 1 of rule ad-law-absolute-claim: ok\$" "rules test: one line per example"
if grep -q FAILED "$T/out"; then fail "rules test: ad-law all ok"; else pass "rules test: ad-law all ok"; fi
run "$PLANGEN" rules test "$HS"
expect_rc 0 "rules test: house-style-en.xml"
n=$(grep -c ': ok$' "$T/out")
[ "$n" -eq 6 ] && pass "rules test: six examples ok" || fail "rules test: six examples ok (got $n)"

run "$PLANGEN" rules test "$D/wrong-example.xml"
expect_rc 1 "rules test: a wrong example fails"
L=$(line_of 'pass="false"' "$D/wrong-example.xml")
expect_out "^$D/wrong-example\\.xml:$L: example 2 of rule needs-owner: FAILED expected a finding, got none\$" \
    "rules test: the failing example named with its line"
expect_out "^$D/wrong-example\\.xml:[0-9]+: example 1 of rule needs-owner: ok\$" "rules test: the good example ok"

# an example that should pass but has findings (each named at its line),
# and one that should fail but has nothing the select can match; in
# English and (--lang has no place here: the locale) in Chinese
W2="$D/wrong-example2.xml"
L1=$(line_of 'pass="true"' "$W2")
L2=$(line_of 'pass="false"' "$W2")
A1=$(line_of '"A1"' "$W2")
A2=$(line_of '"A2"' "$W2")
run "$PLANGEN" rules test "$W2"
expect_rc 1 "rules test: two wrong examples fail"
expect_out "^$W2:$L1: example 1 of rule title-no-tbd: FAILED expected no finding, got 2: line $A1: title says TBD; line $A2: title says TBD\$" \
    "rules test: a passing example's findings, each at its line in the rules file"
expect_out "^$W2:$L2: example 2 of rule title-no-tbd: FAILED expected a finding, but the select \"//actions/action/title\" matches nothing in the example; give the example the ancestors the select names\$" \
    "rules test: a select that matches nothing in the example"
expect_out "^$W2: 2 examples, 2 failed\$" "rules test: the count"
run env LC_ALL= LC_MESSAGES= LANG=zh_CN.UTF-8 "$PLANGEN" rules test "$W2"
expect_rc 1 "rules test in Chinese: exit 1"
expect_out "^$W2:$L1: 第 1 个示例（规则 title-no-tbd）：失败：不应有审阅意见，却有 2 条：第 $A1 行：title says TBD；第 $A2 行：title says TBD\$" \
    "rules test in Chinese: the findings of a passing example"
expect_out "^$W2:$L2: 第 2 个示例（规则 title-no-tbd）：失败：应有一条审阅意见，但选择表达式 \"//actions/action/title\" 在示例中什么也没选中：请在示例中写出它所指的上级元素\$" \
    "rules test in Chinese: a select that matches nothing"
expect_out "^$W2：2 个示例，2 个失败\$" "rules test in Chinese: the count"
run env LC_ALL= LC_MESSAGES= LANG=zh_CN.UTF-8 "$PLANGEN" rules test "$D/wrong-example.xml"
expect_out "^$D/wrong-example\\.xml:[0-9]+: 第 2 个示例（规则 needs-owner）：失败：应有一条审阅意见，却没有\$" \
    "rules test in Chinese: an example that should fail"
expect_out "^$D/wrong-example\\.xml:[0-9]+: 第 1 个示例（规则 needs-owner）：通过\$" "rules test in Chinese: ok"

run "$PLANGEN" rules
expect_rc 2 "rules without a subcommand"

## ---- explain --rules ------------------------------------------------------------------

run "$PLANGEN" explain --lang en --rules "$HS" action-needs-measure
expect_rc 0 "explain a team rule"
expect_out '^action-needs-measure — Every action needs a measure' "explain team rule: id and description"
expect_out "^team rule: .*house-style-en\.xml, line [0-9]+\$" "explain team rule: where it is defined"
nb=$("$PLANGEN" explain | wc -l)	# the built-in rules
run "$PLANGEN" explain --rules "$AD"
n=$(wc -l < "$T/out")
[ "$n" -eq $((nb + 2)) ] && pass "explain --rules lists built-in and team rules" || fail "explain --rules lists built-in and team rules ($n lines)"
run "$PLANGEN" explain --rules "$AD" no-such-rule
expect_rc 2 "explain unknown rule with --rules"
expect_err '^  ad-law-no-guarantee$' "unknown rule: team ids listed too"

## ---- invalid rules files -----------------------------------------------------------------

run "$PLANGEN" check --rules "$D/bad-xpath.xml" plan-en.xml
expect_rc 2 "bad XPath: exit 2"
L=$(line_of 'broken-select' "$D/bad-xpath.xml")
expect_err "bad-xpath\\.xml:$L: rule broken-select: invalid XPath" "bad XPath: file, line and rule named"
expect_no_out '^plan-en' "bad XPath: no report"

run "$PLANGEN" rules test "$D/bad-regex.xml"
expect_rc 2 "bad regex: exit 2"
L=$(line_of '<forbid' "$D/bad-regex.xml")
expect_err "bad-regex\\.xml:$L: rule broken-pattern: invalid regular expression .*missing closing parenthesis" \
    "bad regex: file, line and PCRE2's reason"
run "$PLANGEN" check --rules "$D/bad-regex.xml" plan-en.xml
expect_rc 2 "bad regex in check: exit 2"

run "$PLANGEN" check --rules "$D/invalid-rules.xml" plan-en.xml
expect_rc 2 "a rules file that breaks rules.rng: exit 2"
expect_err 'invalid-rules\.xml:3: not a valid rules file' "rules.rng error with its line"

# the same loading errors in Chinese (--lang before --rules): no library English
run "$PLANGEN" check --lang zh-CN --rules "$D/invalid-rules.xml" plan-en.xml
expect_rc 2 "an invalid rules file under --lang zh-CN: exit 2"
expect_err 'invalid-rules\.xml:3: 不是有效的规则文件：<rule> ' "rules.rng error in Chinese, with its line"
expect_no_out 'failed to validate|Element|Expecting' "no libxml2 English"
run "$PLANGEN" check --lang zh-CN --rules "$D/bad-regex.xml" plan-en.xml
expect_err 'bad-regex\.xml:[0-9]+: 规则 broken-pattern：正则表达式 .* 在第 [0-9]+ 个字节处：缺少右括号 \)' \
    "bad regex in Chinese: file, line, rule and the reason"
expect_no_out 'missing closing' "no PCRE2 English"
run "$PLANGEN" check --lang zh-CN --rules "$D/bad-xpath.xml" plan-en.xml
expect_err 'bad-xpath\.xml:[0-9]+: 规则 broken-select：XPath 选择表达式 .* 无效：' "bad XPath in Chinese"
expect_no_out 'Invalid expression|invalid XPath' "no XPath English"
run "$PLANGEN" check --lang zh-CN --rules "$D/clash.xml" plan-en.xml
expect_err 'clash\.xml:3: 规则 action-no-owner：这个 id 是内置规则的 id' "built-in id clash in Chinese"
run "$PLANGEN" check --lang zh-CN --rules "$D/no-such-file.xml" plan-en.xml
expect_err '无法读取 .*no-such-file\.xml：没有这个文件或目录' "a missing rules file in Chinese"

run "$PLANGEN" check --rules "$D/clash.xml" plan-en.xml
expect_rc 2 "a team rule may not reuse a built-in id"
expect_err 'clash\.xml:3: rule action-no-owner: the id is a built-in rule id' "built-in id clash named"

run "$PLANGEN" check --rules missing-rules.xml plan-en.xml
expect_rc 2 "missing rules file"
expect_err 'cannot read missing-rules\.xml' "missing rules file named"

printf '<rules version="1"><rule' > trunc.xml
run "$PLANGEN" check --rules trunc.xml plan-en.xml
expect_rc 2 "malformed rules file"
expect_err '^plangen: trunc\.xml:1: not well-formed XML' "malformed rules file: file and line"

## ---- catastrophic backtracking ------------------------------------------------------------

awk -v s="$(printf 'a%.0s' $(seq 1 5000))b" \
    '{ sub(/<market>[^<]*<\/market>/, "<market>" s "</market>"); print }' plan-en.xml > evil.xml
L=$(line_of '<market>' evil.xml)
run timeout 10 "$PLANGEN" check --rules "$D/backtrack.xml" evil.xml
expect_rc 1 "(a+)+\$ on aaaa…b: finishes, reported as an error"
expect_out "^evil\\.xml:$L: error: team rule evil-pattern \\(.*backtrack\\.xml:[0-9]+\\) could not be checked on this text: match limit exceeded" \
    "backtracking: the rule and the limit named"
expect_out '^evil\.xml:4: warning: title is Harbour Hotel Marketing Plan 2026 \[title-check\]$' \
    "backtracking: the other rules still run ({text})"

finish
