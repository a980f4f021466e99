#!/bin/sh
# budget-mismatch.sh — a budget whose stated total the lines and the
# contingency do not add up to (rule budget-total-mismatch) shows, in a
# draft, the stated total and the difference under the budget table's
# total, in the findings' (the draft's) colour (issue 9); a budget that
# adds up shows neither.
. "$SRCDIR/tests/e2e/lib.sh"

need_pdf_tools
export SOURCE_DATE_EPOCH=1790000000

# page_of PDF TEXT — the first page from 4 on whose text has TEXT
page_of() {
	_n=$(pdfinfo "$1" | awk '/^Pages:/ { print $2 }'); _p=4
	while [ "$_p" -le "$_n" ]; do
		pdftotext -layout -f "$_p" -l "$_p" "$1" - | grep -q "$2" && { echo "$_p"; return; }
		_p=$((_p + 1))
	done
	echo 0
}

# colour PDF PAGE WORD — the fill colour of the first glyph of WORD
colour() {
	mutool trace "$1" "$2" 2>/dev/null | python3 -c '
import re, sys
word = sys.argv[1]; col = None; got = ""
for line in sys.stdin:
    m = re.match(r"\s*<fill_text .*color=\"([\d. ]+)\"", line)
    if m:
        col = m.group(1); got = ""; continue
    g = re.search(r"<g unicode=\"([^\"]*)\"", line)
    if g and col:
        got += g.group(1)
        if got.endswith(word):
            print(col); break
' "$3"
}

sed 's|<budget total="93500.50"|<budget total="99999"|' "$SRCDIR/samples/plan-en.xml" >en.xml
sed 's|<budget total="1860000"|<budget total="1800000"|' "$SRCDIR/samples/plan-zh-CN.xml" >zh.xml
"$PLANGEN" render -q --draft -o en.pdf en.xml >/dev/null 2>&1
"$PLANGEN" render -q --draft -t board -o zh.pdf zh.xml >/dev/null 2>&1
"$PLANGEN" render -q -o ok.pdf "$SRCDIR/samples/plan-en.xml" >/dev/null 2>&1
draft=".81569 .00784 .10588"	# default's draft colour, #D0021B

p=$(page_of en.pdf "Stated total")
pdftotext -layout -f "$p" -l "$p" en.pdf page.txt 2>/dev/null
if [ "$p" -gt 0 ] && grep -q '^ *Total  .* 93\.5$' page.txt &&
    grep -q '^ *Stated total  .* 100\.0$' page.txt &&
    grep -q '^ *Difference  .* +6\.5$' page.txt &&
    ! grep -q 'Review findings' page.txt; then
	pass "en: the stated total and the difference (+6.5) under the budget's total"
else fail "en: no stated total and difference at the budget"; cat page.txt | head -60; fi
c=$(colour en.pdf "$p" Difference)
[ "$c" = "$draft" ] && pass "en: in the findings' colour" || fail "en: colour $c"

p=$(page_of zh.pdf "差额")
pdftotext -layout -f "$p" -l "$p" zh.pdf page.txt 2>/dev/null
if [ "$p" -gt 0 ] && grep -q '计划所列合计 .* 180\.0$' page.txt &&
    grep -q '差额 .* −6\.0$' page.txt; then
	pass "zh board: 计划所列合计 and 差额 (−6.0) at the budget"
else fail "zh board: no stated total and difference"; cat page.txt | head -60; fi
c=$(colour zh.pdf "$p" 差额)
[ -n "$c" ] && [ "$c" != ".13333 .13333 .13333" ] && [ "$c" != "0 0 0" ] &&
    pass "zh board: in the findings' colour ($c)" || fail "zh board: colour $c"

if pdftotext ok.pdf - | grep -q 'Stated total\|Difference'; then
	fail "a budget that adds up shows a difference"
else pass "a budget that adds up shows no difference"; fi

finish
