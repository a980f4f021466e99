#!/bin/sh
# diff-rules.sh — `plangen diff --rules FILE`: the team rules' findings
# join the comparison (introduced going one way, fixed going back), in
# English and Chinese; and diff's refusals in Chinese: a side that is not
# well-formed (its error first), an unknown --format.
. "$SRCDIR/tests/e2e/lib.sh"

D="$SRCDIR/tests/data/team"
HS="$SRCDIR/samples/rules/house-style-en.xml"
AD="$SRCDIR/samples/rules/ad-law-zh.xml"
cp "$D"/plan-en.xml "$D"/plan-en-bad.xml "$D"/plan-zh.xml "$D"/plan-zh-bad.xml .
line_of() { grep -n -- "$1" "$2" | head -1 | cut -d: -f1; }
L=$(line_of '<action id="A2"' plan-en-bad.xml)

run "$PLANGEN" diff --rules "$HS" plan-en.xml plan-en-bad.xml
expect_rc 1 "diff --rules: the plans differ"
expect_out "^plan-en-bad\\.xml:$L: introduced warning: action A2 has no <measure>: say how its result is counted \\[action-needs-measure\\]\$" \
    "diff --rules: a team rule's new finding, at its line"
expect_out '^plan-en\.xml → plan-en-bad\.xml: .*; findings: 0 fixed, 3 introduced$' \
    "diff --rules: the team rules' findings counted"
run "$PLANGEN" diff plan-en.xml plan-en-bad.xml
expect_out '; findings: 0 fixed, 0 introduced$' "diff without --rules: no team rule findings"
expect_no_out 'action-needs-measure' "diff without --rules: no team rule named"

run "$PLANGEN" diff --rules "$HS" plan-en-bad.xml plan-en.xml
expect_out "^plan-en-bad\\.xml:$L: fixed warning: action A2 has no <measure>: say how its result is counted \\[action-needs-measure\\]\$" \
    "diff --rules the other way: the finding fixed"
expect_out '; findings: 3 fixed, 0 introduced$' "diff --rules the other way: counted as fixed"

L=$(line_of '全城最低价' plan-zh-bad.xml)
run "$PLANGEN" diff --lang zh-CN --rules "$AD" plan-zh.xml plan-zh-bad.xml
expect_out "^plan-zh-bad\\.xml:$L: 新出现的错误：促销内容使用了广告法禁止的绝对化用语“最低价”：.*\\[ad-law-absolute-claim\\]\$" \
    "diff --rules in Chinese: a new team rule error"
expect_out '^plan-zh\.xml → plan-zh-bad\.xml：.*；问题：已修复 0 个，新出现 2 个$' "diff --rules in Chinese: counted"

# refusals in Chinese
printf '<plan version="2" lang="zh-CN"' > broken.xml
run "$PLANGEN" diff --lang zh-CN plan-zh.xml broken.xml
expect_rc 2 "diff with a broken side: exit 2"
expect_err '^broken\.xml:1: 错误: XML 格式错误：.*\[xml-syntax\]$' "diff: the broken side's error first"
expect_err '^plangen: broken\.xml 不是格式正确的 XML，无法比较：先修正上面的错误$' "diff: why it cannot compare, in Chinese"
run "$PLANGEN" diff --lang zh-CN --format yaml plan-zh.xml plan-zh.xml
expect_rc 2 "diff --format yaml: exit 2"
expect_err '^plangen: 不认识的格式“yaml”（请用 text、json 或 markdown）$' "diff: an unknown format, in Chinese"
expect_err '^用法：plangen diff ' "diff: the usage, in Chinese"

finish
