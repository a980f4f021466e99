#!/bin/sh
# schema.sh — `plangen schema` and the `schema` findings of `plangen check`.
. "$SRCDIR/tests/e2e/lib.sh"

full=$SRCDIR/tests/data/full.xml

# line_of FILE TEXT: the number of the first line of FILE holding TEXT.
line_of() { grep -n -F -- "$2" "$1" | head -1 | cut -d: -f1; }
# line_re FILE REGEX: the number of the first line of FILE matching REGEX.
line_re() { grep -n -E -- "$2" "$1" | head -1 | cut -d: -f1; }

# expect_exact FILE: stdout is exactly FILE's content.
expect_exact() {
	if cmp -s "$1" "$T/out"; then pass "$2"
	else fail "$2"; diff "$1" "$T/out" | sed 's/^/  /'; fi
}

# ---- plangen schema -----------------------------------------------------

run "$PLANGEN" schema
expect_rc 0 "plangen schema"
cp "$T/out" plan.rng
expect_out '^<grammar ' "it prints the RELAX NG grammar"
if cmp -s plan.rng "$SRCDIR/schema/plan.rng"; then pass "it prints schema/plan.rng byte for byte"
else fail "schema output differs from schema/plan.rng"; fi

run "$PLANGEN" schema extra
expect_rc 2 "plangen schema with an argument is a usage error"

if command -v xmllint >/dev/null 2>&1; then
	run xmllint --noout --relaxng plan.rng "$full"
	expect_rc 0 "xmllint --relaxng accepts the full fixture"
	sed 's/amount="24000"/amount="320,000"/' "$full" > bad.xml
	run xmllint --noout --relaxng plan.rng bad.xml
	expect_rc 3 "xmllint --relaxng rejects a bad amount"
else
	fail "xmllint is not installed"
fi
if command -v jing >/dev/null 2>&1; then
	run jing plan.rng "$full"
	expect_rc 0 "jing accepts the full fixture"
	sed 's/amount="24000"/amount="320,000"/' "$full" > bad.xml
	run jing plan.rng bad.xml
	expect_rc 1 "jing rejects a bad amount"
	expect_out 'bad\.xml:[0-9]+:[0-9]+: error: value of attribute "amount"' "jing names the attribute"
else
	fail "jing is not installed"
fi

# ---- plangen check: a valid plan ------------------------------------------

run "$PLANGEN" check "$full"
expect_rc 0 "the full fixture checks clean"
expect_no_out '\[schema\]' "no schema finding on the full fixture"

# ---- plangen check: one problem at a time ---------------------------------

# bad FILE SED-EXPR: write $T/FILE, a copy of the fixture edited by SED-EXPR.
bad() { sed -e "$2" "$full" > "$1"; }

bad date.xml 's/due="2027-06-30"/due="2027-02-30"/'
l=$(line_of date.xml 'due="2027-02-30"')
run "$PLANGEN" check date.xml
expect_rc 1 "an impossible date fails the check"
printf '%s\n' \
    "date.xml:$l: error: \"2027-02-30\" is not a valid date in attribute \"due\" of <goal>: February 2027 has no day 30 [schema]" \
    "date.xml: note: the review rules did not run because of the errors above; fix them and check again, as more findings may follow" \
    "date.xml: 1 error, 0 warnings" > want
expect_exact want "bad date: exactly one finding at line $l and the summary"

bad elem.xml 's|<author>|<editor>Max</editor><author>|'
l=$(line_of elem.xml '<editor>')
run "$PLANGEN" check elem.xml
expect_rc 1 "an unknown element fails the check"
printf '%s\n' \
    "elem.xml:$l: error: unknown element <editor> in <meta> (<meta> may hold <title>, <subtitle>, <organization>, <author>, <date>, <period>, <confidentiality>, <status>) [schema]" \
    "elem.xml: note: the review rules did not run because of the errors above; fix them and check again, as more findings may follow" \
    "elem.xml: 1 error, 0 warnings" > want
expect_exact want "unknown element: exactly one finding at line $l and the summary"

bad money.xml 's/amount="12900"/amount="320,000"/'
l=$(line_of money.xml 'amount="320,000"')
run "$PLANGEN" check money.xml
expect_rc 1 "an amount with a separator fails the check"
printf '%s\n' \
    "money.xml:$l: error: \"320,000\" is not a valid amount in attribute \"amount\" of <line>: write digits only (no currency sign, unit or separators): \"320000\" [schema]" \
    "money.xml: note: the review rules did not run because of the errors above; fix them and check again, as more findings may follow" \
    "money.xml: 1 error, 0 warnings" > want
expect_exact want "bad amount: exactly one finding at line $l and the summary"

bad stmt.xml '/<statement>Cut the average morning wait/d'
l=$(line_of stmt.xml '<goal id="G3"')
run "$PLANGEN" check stmt.xml
expect_rc 1 "a goal without a statement fails the check"
expect_out "^stmt\.xml:$l: error: <goal> is missing its required <statement> \[schema\]$" \
    "missing statement reported at the goal's line $l"

# Several problems: one line each, sorted by line.
sed -e 's/category="sales"/category="marketing"/' \
    -e 's/baseline="6"/baseline="1e5"/' \
    -e 's|<position own="current"|<position competitor="C1" own="current"|' \
    "$full" > many.xml
l1=$(line_of many.xml 'baseline="1e5"')
l2=$(line_of many.xml 'competitor="C1" own=')
l3=$(line_of many.xml 'category="marketing"')
run "$PLANGEN" check many.xml
expect_rc 1 "several problems fail the check"
printf '%s\n' \
    "many.xml:$l2: error: <position> may have only one of the attributes \"competitor\" and \"own\": remove one [schema]" \
    "many.xml:$l1: error: \"1e5\" is not a valid number in attribute \"baseline\" of <metric>: use digits with an optional decimal point, no separators or exponent [schema]" \
    "many.xml:$l3: error: attribute \"category\" of <action> must be one of sales, promotion, advertising, pr, training, channel, product, research, service, digital, other: \"marketing\" is not allowed [schema]" \
    "many.xml: note: the review rules did not run because of the errors above; fix them and check again, as more findings may follow" \
    "many.xml: 3 errors, 0 warnings" > want
expect_exact want "three problems: three findings sorted by line"

# Nothing goes to stderr (libxml2's own messages are never printed).
if [ -s "$T/err" ]; then fail "stderr is not empty"; sed 's/^/  err: /' "$T/err"
else pass "stderr is empty"; fi

# The schema error is not accepted by an accept instruction.
sed 's|<action id="A3"|<?plangen accept schema?><action id="A3" colour="red"|' "$full" > acc.xml
run "$PLANGEN" check acc.xml
expect_rc 1 "a schema error cannot be accepted"
expect_out 'unknown attribute "colour" on <action>' "the unknown attribute is named"

# ---- findings in the plan's language --------------------------------------

# A Chinese plan (lang="zh-CN") gets Chinese schema findings; names and
# values are quoted as written.  --lang overrides the plan's language.
zh=$SRCDIR/samples/plan-zh-CN.xml
sed 's|<author>|<editor>王五</editor><author>|' "$zh" > zh.xml
l=$(line_of zh.xml '<editor>')
run "$PLANGEN" check zh.xml
expect_rc 1 "an unknown element fails the Chinese plan's check"
expect_out "^zh\.xml:$l: 错误: <meta> 中不能有未知元素 <editor>（<meta> 中可以有：<title>、.*<status>） \[schema\]\$" \
    "Chinese plan: the finding is in Chinese at line $l"
expect_no_out 'unknown element' "Chinese plan: no English schema message"

run "$PLANGEN" check --lang en zh.xml
expect_rc 1 "--lang en: the check still fails"
expect_out "^zh\.xml:$l: error: unknown element <editor> in <meta> \(<meta> may hold <title>, .*<status>\) \[schema\]\$" \
    "--lang en on the Chinese plan: the finding is in English"

sed 's|<date>2026-11-20</date>|<date>2026-11-31</date>|; s|<author>\(.*\)</author>|<autor>\1</autor>|' "$zh" > zh2.xml
l1=$(line_of zh2.xml '<autor>')
l2=$(line_of zh2.xml '<date>2026-11-31')
run "$PLANGEN" check zh2.xml
expect_rc 1 "two problems in the Chinese plan"
printf '%s\n' \
    "zh2.xml:$l1: 错误: <meta> 中不能有未知元素 <autor>：是否想写 <author>？ [schema]" \
    "zh2.xml:$l2: 错误: <date> 的值 \"2026-11-31\" 不是有效日期：2026 年 11 月没有 31 日 [schema]" > want
sed '$d' "$T/out" | sed '$d' > got	# the summary and the note before it
if cmp -s want got; then pass "Chinese plan: a suggestion and a bad date, exactly"
else fail "Chinese plan: a suggestion and a bad date"; diff want got | sed 's/^/  /'; fi

run "$PLANGEN" check --lang zh-CN money.xml
expect_rc 1 "--lang zh-CN on an English plan: the check fails"
l=$(line_of money.xml 'amount="320,000"')
expect_out "^money\.xml:$l: 错误: <line> 的属性 \"amount\" 的值 \"320,000\" 不是有效金额：请只写数字（不带货币符号、单位和分隔符），写成 \"320000\" \[schema\]\$" \
    "--lang zh-CN on an English plan: the finding is in Chinese"

# A Chinese plan with a value only the reader can judge (too large an amount).
sed 's|amount="380000"|amount="99999999999999999999"|' "$zh" > zh3.xml
l=$(line_of zh3.xml 'amount="99999999999999999999"')
run "$PLANGEN" check zh3.xml
expect_rc 1 "an amount too large fails the Chinese plan's check"
expect_out "^zh3\.xml:$l: 错误: <[a-z-]+> 的属性 \"amount\" 的值 99999999999999999999 太大（金额最大为 92233720368547758\.07） \[schema\]\$" \
    "Chinese plan: the reader's finding is in Chinese too"


# ---- version 2, prose: tables, images, footnotes, links, notes, appendix --

v2=$SRCDIR/tests/data/prose-v2.xml
run "$PLANGEN" check "$v2"
expect_rc 0 "the version 2 prose fixture checks clean"
run xmllint --noout --relaxng "$SRCDIR/schema/plan.rng" "$v2"
expect_rc 0 "xmllint --relaxng accepts the version 2 prose fixture"
sed 's/<plan version="2"/<plan version="1"/' "$v2" > v1.xml
run "$PLANGEN" check v1.xml
expect_rc 1 "version 2 prose in a version 1 plan fails the check"
for el in fn a table image appendix; do
	l=$(line_re v1.xml "<$el[ >]")
	expect_out "^v1\.xml:$l: error: <$el> needs version 2 of the plan format: write <plan version=\"2\"> \[schema\]\$" \
	    "<$el> in a version 1 plan needs version 2"
done
for el in action kpi risk line; do
	l=$(awk -v e="<$el" 'index($0, e) { f = 1 } f && /<note>/ { print NR; exit }' v1.xml)
	expect_out "^v1\.xml:$l: error: <note> needs version 2" "<$el><note> in a version 1 plan needs version 2"
done
sed 's/<plan version="2" lang="en"/<plan version="1" lang="zh-CN"/' "$v2" > v1zh.xml
run "$PLANGEN" check v1zh.xml
l=$(line_of v1zh.xml "<table")
expect_out "^v1zh\.xml:$l: 错误: <table> 需要第 2 版计划格式：请把根元素写成 <plan version=\"2\"> \[schema\]\$" \
    "Chinese: <table> needs version 2"
sed 's|href="https://example.com/altona"|href="javascript:alert(1)"|' "$v2" > href.xml
l=$(line_of href.xml 'javascript:')
run "$PLANGEN" check href.xml
expect_rc 1 "a javascript: link fails the check"
expect_out "^href\.xml:$l: error: \"javascript:alert\(1\)\" is not a link in attribute \"href\" of <a>: a link starts with http://, https:// or mailto: \(nothing else is allowed\) \[schema\]\$" \
    "only http, https and mailto links"
for bad in 'ftp://example.com/x' 'file:///etc/passwd' 'https://' '/relative'; do
	sed "s|href=\"https://example.com/altona\"|href=\"$bad\"|" "$v2" > href2.xml
	run "$PLANGEN" check href2.xml
	expect_out '"href" of <a>.*\[schema\]$' "href=\"$bad\" is refused"
done
sed 's/span="3"/span="0"/' "$v2" > span.xml
run "$PLANGEN" check span.xml
expect_out 'is not a column count in attribute "span" of <cell>' "span=0 is refused"
sed 's|<caption>Coffee spend by segment</caption>||; s|<row><cell>Residents</cell>|<caption>late</caption><row><cell>Residents</cell>|' "$v2" > cap.xml
run "$PLANGEN" check cap.xml
expect_rc 1 "a caption after the rows fails the check"
sed 's|<cell>Residents</cell>|<cell><p>Residents</p></cell>|' "$v2" > cellp.xml
run "$PLANGEN" check cellp.xml
expect_rc 1 "a <p> in a table cell fails the check (cells hold inline text)"

finish
