#!/bin/sh
# brief-lean.sh — the brief of a plan too long for its fuller levels (43
# key points, twelve budget categories): the budget as a table of the
# largest categories with their shares and "Other categories" for the
# rest, and the "not in this brief" line counting what it left out
# (singular and plural), in English and Chinese.  The check's warning
# about the key points does not stop the render.
. "$SRCDIR/tests/e2e/lib.sh"

need_tools pdftotext

# lean SAMPLE: the sample with 40 more key points and 4 more categories
lean() {
	python3 - "$SRCDIR/samples/$1" <<'PY'
import re, sys
s = open(sys.argv[1], encoding="utf-8").read()
pts = "".join("<point>Extra key point %d: a long sentence that takes most "
    "of a line in the brief.</point>\n" % i for i in range(40))
s = s.replace("</key-points>", pts + "</key-points>", 1)
extra = "".join('<line category="Extra %d" amount="%d" action="A1">Extra '
    'line %d</line>\n' % (i, 100 * (i + 1), i) for i in range(4))
i = s.index("<line ", s.index("<budget"))
s = s[:i] + extra + s[i:]
m = re.search(r'<budget total="([0-9.]+)"', s)
s = s.replace(m.group(0), '<budget total="%.2f"' % (float(m.group(1)) + 1000), 1)
sys.stdout.write(s)
PY
}

lean plan-en.xml > en.xml
run "$PLANGEN" render -t brief en.xml -o en.pdf
expect_rc 0 "en: the brief of a long plan"
pdftotext en.pdf - | tr -s ' \n' '  ' > en.txt
for want in \
    'Category GBP thousands Share Advertising 24.0 25.4% Digital 18.0 19.0% Sales 15.0 15.9% Partnerships 9.5 10.1% Other categories 23.0 24.3%' \
    'Not in this brief — see the full plan: 40 more key points, Situation analysis, SWOT analysis, 1 more goal, the goal tree,' \
    'the budget chart and lines, Management and control, 1 more risk,'
do
	if grep -qF -- "$want" en.txt; then pass "en: \"$want\""
	else fail "en: no \"$want\" in the brief"; fi
done

lean plan-zh-CN.xml > zh.xml
run "$PLANGEN" render -t brief zh.xml -o zh.pdf
expect_rc 0 "zh: the brief of a long plan"
pdftotext zh.pdf - | tr -d ' \n' > zh.txt
for want in '占比广告42.022.6%' '其他类别43.123.2%' \
    '另外40条要点、形势分析、SWOT分析、另外1个目标、目标树、' '预算图表与明细、管理与控制、'
do
	if grep -qF -- "$want" zh.txt; then pass "zh: \"$want\""
	else fail "zh: no \"$want\" in the brief"; fi
done

finish
