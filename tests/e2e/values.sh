#!/bin/sh
# values.sh — a value of the wrong form in a version 2 plan, told with the
# value to write instead, at its line, in the plan's language (and in
# Chinese for an English plan checked with --lang zh-CN): a percentage
# with its % sign, two ids where one is taken, a number with a thousands
# separator or 万, a month that does not exist.  Exit 1.
. "$SRCDIR/tests/e2e/lib.sh"

# mutate SAMPLE FROM TO...: the sample with each FROM replaced once by TO
mutate() {
	python3 - "$@" <<'PY'
import sys
s = open(sys.argv[1], encoding="utf-8").read()
for i in range(2, len(sys.argv), 2):
    assert sys.argv[i] in s, sys.argv[i]
    s = s.replace(sys.argv[i], sys.argv[i + 1], 1)
sys.stdout.write(s)
PY
}
line_of() { grep -n -- "$1" "$2" | head -1 | cut -d: -f1; }

# same DESC: the [schema] findings of the last run are exactly those in want
same() {
	grep '\[schema\]$' "$T/out" > got
	if diff want got >d.txt; then pass "$1"
	else fail "$1: the schema findings differ"; sed 's/^/  /' d.txt; fi
}

mutate "$SRCDIR/samples/plan-en.xml" 'share="38"' 'share="38%"' \
    'parent="G1" owner="Hannah' 'parent="G1 G0" owner="Hannah' \
    'baseline="3100"' 'baseline="3,100"' > en.xml
l1=$(line_of 'share="38%"' en.xml)
l2=$(line_of 'parent="G1 G0"' en.xml)
l3=$(line_of 'baseline="3,100"' en.xml)

run "$PLANGEN" check en.xml
expect_rc 1 "en: wrong values are errors"
cat > want <<EOF
en.xml:$l1: error: "38%" is not a valid percentage in attribute "share" of <segment>: write the number without the % sign, "38" [schema]
en.xml:$l2: error: attribute "parent" of <goal> takes one id, not "G1 G0": keep one, e.g. "G1" [schema]
en.xml:$l3: error: "3,100" is not a valid number in attribute "baseline" of <metric>: write digits only (no currency sign, unit or separators): "3100" [schema]
EOF
same "en: each value, its line and what to write"

run "$PLANGEN" check --lang zh-CN en.xml
expect_rc 1 "en with --lang zh-CN"
cat > want <<EOF
en.xml:$l1: 错误: <segment> 的属性 "share" 的值 "38%" 不是有效百分比：请去掉 % 号，写成 "38" [schema]
en.xml:$l2: 错误: <goal> 的属性 "parent" 只能写一个 id，不能是 "G1 G0"：请只保留一个，例如 "G1" [schema]
en.xml:$l3: 错误: <metric> 的属性 "baseline" 的值 "3,100" 不是有效数字：请只写数字（不带货币符号、单位和分隔符），写成 "3100" [schema]
EOF
same "en with --lang zh-CN: the same findings in Chinese"

mutate "$SRCDIR/samples/plan-zh-CN.xml" 'share="42"' 'share="42%"' \
    'sales="25600"' 'sales="2.56万"' 'due="2027-06-30"' 'due="2027-13-30"' > zh.xml
l1=$(line_of 'share="42%"' zh.xml)
l2=$(line_of 'sales="2.56万"' zh.xml)
l3=$(line_of 'due="2027-13-30"' zh.xml)
run "$PLANGEN" check zh.xml
expect_rc 1 "zh: wrong values are errors"
cat > want <<EOF
zh.xml:$l1: 错误: <segment> 的属性 "share" 的值 "42%" 不是有效百分比：请去掉 % 号，写成 "42" [schema]
zh.xml:$l2: 错误: <competitor> 的属性 "sales" 的值 "2.56万" 不是有效数字：请只写数字（不带货币符号、单位和分隔符），写成 "25600" [schema]
zh.xml:$l3: 错误: <goal> 的属性 "due" 的值 "2027-13-30" 不是有效日期：没有 13 月 [schema]
EOF
same "zh: each value, its line and what to write, in Chinese"

finish
