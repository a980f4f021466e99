#!/bin/sh
# diff-zh.sh — `plangen diff` and `render --since` of two revisions that
# differ by every kind of change (tests/data/diff/revise.py), reported in
# Chinese (--lang zh-CN) in each format: section names, change kinds,
# lines, the budget total and findings fixed/introduced in Chinese, and no
# English words of the report's own; a side that cannot be compared.
. "$SRCDIR/tests/e2e/lib.sh"
need_pdf_tools

python3 "$SRCDIR/tests/data/diff/revise.py" "$SRCDIR/tests/data/full.xml"

run "$PLANGEN" diff --lang zh-CN old.xml new.xml
expect_rc 1 "zh text: the plans differ"
expect_out '^new\.xml:10: 基本信息：修改 title “Harbour Lane Coffee Roasters Marketing Plan 2027” → “Harbour Lane Coffee Roasters Marketing Plan 2027, revision 2”$' "zh text: a changed meta field"
expect_out '^new\.xml:[0-9]+: 现状分析：删除 竞争者 C2 “An independent roaster that sells…”（原 old\.xml:57）$' "zh text: a removed item with its old line"
expect_out '^new\.xml:[0-9]+: SWOT：移动 优势 S2 “A loyal base of 1,900 stamp-card…”（原 old\.xml:76）$' "zh text: a moved item"
expect_out '^new\.xml:[0-9]+: 行动计划：新增 行动 A4 “Open day at the roastery”$' "zh text: an added action"
expect_out '^new\.xml:[0-9]+: 行动计划：移动 行动 A1 “Sell office subscriptions”：owner — → “Jonas Bauer”' "zh text: an empty old value is a dash"
expect_out '^new\.xml:[0-9]+: 预算：修改 total €61,400\.75 → €63,400\.75（\+€2,000）$' "zh text: the budget total"
expect_out '^new\.xml: 完整度 97%（未变）$' "zh text: completeness unchanged"
expect_out '^old\.xml:[0-9]+: 已修复的警告：行动 A1.*\[action-no-owner\]$' "zh text: a fixed finding"
expect_out '^new\.xml:[0-9]+: 新出现的警告：行动 A4.*\[action-unbudgeted\]$' "zh text: an introduced finding"
expect_out '^old\.xml → new\.xml：9 个部分共 18 处变更（新增 1，删除 3，修改 12，移动 2）；问题：已修复 1 个，新出现 1 个$' "zh text: the summary"
expect_no_out ' (changed|removed|added|moved) |Completeness|Budget total|fixed:|introduced:' "zh text: no English of the report's own"

run "$PLANGEN" diff --lang zh-CN --format markdown old.xml new.xml
expect_rc 1 "zh markdown: the plans differ"
expect_out '^## plangen diff：old\.xml → new\.xml$' "zh markdown: the heading"
expect_out '^\| 预算总额 \| €61,400\.75 \| €63,400\.75 \| \+€2,000 \|$' "zh markdown: the budget total row"
expect_out '^### 现状分析$' "zh markdown: a section heading"
expect_out '^- \*\*删除\*\* 竞争者 C2 .*（旧版第 57 行）$' "zh markdown: a removed item with its old line"
expect_out '^- \*\*新增\*\* 行动 A4 .*（第 [0-9]+ 行）$' "zh markdown: an added item with its line"
expect_no_out '^### (Goals|Budget|Strategy)' "zh markdown: no English section names"

run "$PLANGEN" diff --lang zh-CN --format json old.xml new.xml
expect_rc 1 "zh json: the plans differ"
if python3 -c '
import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
assert d["counts"]["added"] == 1 and d["counts"]["removed"] == 3, d["counts"]
assert d["counts"]["changed"] == 12 and d["counts"]["moved"] == 2, d["counts"]
assert d["budget_total_change"] == "2000.00", d["budget_total_change"]
assert d["same"] is False
' out; then pass "zh json: counts and the budget change"; else fail "zh json: $(head -c 300 out)"; fi

# the same plan twice: nothing changed, in Chinese
run "$PLANGEN" diff --lang zh-CN --format markdown new.xml new.xml
expect_rc 0 "zh markdown: the same plan"
expect_out '没有变更：两份是同一份计划。' "zh markdown: says there is no change"

# a side that cannot be compared: exit 2, why, in the user's language
printf '<plan version="1"><meta>\n' > bad.xml
run "$PLANGEN" diff --lang zh-CN old.xml bad.xml
expect_rc 2 "zh: a malformed side"
expect_err '^bad\.xml:2: 错误: XML 格式错误：文件在 <meta>（第 1 行开始）结束之前就结束了' "zh: the syntax error, at its line"
expect_err '^plangen: bad\.xml 不是格式正确的 XML，无法比较：先修正上面的错误$' "zh: cannot be compared"
run "$PLANGEN" diff old.xml bad.xml
expect_rc 2 "en: a malformed side"
expect_err '^plangen: bad\.xml is not well-formed XML and cannot be compared: fix the error above first$' "en: cannot be compared"
run "$PLANGEN" diff --lang zh-CN nosuch.xml old.xml
expect_rc 2 "zh: a missing side"
expect_err '^plangen: 无法读取 nosuch\.xml：没有这个文件或目录$' "zh: the missing file named"
if [ -s out ]; then fail "zh: a missing side: nothing on stdout"; else pass "zh: a missing side: nothing on stdout"; fi

# render --since in Chinese: the chapter and its words
run "$PLANGEN" render --lang zh-CN --since old.xml new.xml -o since.pdf
expect_rc 0 "render --since in Chinese"
pdf_check since.pdf "render --since in Chinese"
ch=$(pdftotext since.pdf - | tr -s ' \n' '  ')
case $ch in *"自2026年11月20日以来的变更"*) pass "since zh: the chapter named by OLD's date" ;;
*) fail "since zh: no chapter heading" ;; esac
case $ch in *"9 个部分共 18 处变更（新增 1，删除 3，修改 12，移动 2）；问题：已修复 1 个，新出现 1 个。"*) pass "since zh: the summary" ;;
*) fail "since zh: the summary: $(echo "$ch" | grep -o '个部分.\{0,80\}' | head -1)" ;; esac
case $ch in *"修改 目标 G2：metric target “40” → “45”"*) pass "since zh: a change in Chinese" ;;
*) fail "since zh: the goal change" ;; esac
finish
