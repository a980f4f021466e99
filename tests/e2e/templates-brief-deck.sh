#!/bin/sh
# templates-brief-deck.sh — the brief (at most two A4 pages that choose
# what fits and name what they left out) and the deck (16:9 slides, large
# type, "(continued)" when a section runs onto another slide), with both
# samples and a generated 3,000-action plan.  The accounting of what the
# brief leaves out ("summarised by design", nothing lost) is
# tests/unit/test_render.c (account_every_plan, every built-in template).
. "$SRCDIR/tests/e2e/lib.sh"

need_pdf_tools
EN="$SRCDIR/samples/plan-en.xml"
ZH="$SRCDIR/samples/plan-zh-CN.xml"
export SOURCE_DATE_EPOCH=1790000000

pages() { pdfinfo "$1" | awk '/^Pages:/ { print $2 }'; }
# the page size of PDF $1 in mm, "W x H" rounded to 0.1
page_mm() { pdfinfo "$1" | awk '/^Page size:/ { printf "%.1f x %.1f\n", $3 * 25.4 / 72, $5 * 25.4 / 72 }'; }

# ---- the brief ------------------------------------------------------------

run "$PLANGEN" templates
expect_out '^brief' "templates lists the brief"

sh "$SRCDIR/scripts/gen-plan" 3000 >"$T/g3000.xml"
sh "$SRCDIR/scripts/gen-plan" 3000 zh-CN >"$T/g3000zh.xml"
for p in "$EN" "$ZH" "$T/g3000.xml" "$T/g3000zh.xml"; do
	b=$(basename "$p" .xml)
	run "$PLANGEN" render "$p" -t brief -o "$T/$b-brief.pdf"
	expect_rc 0 "$b: render the brief"
	n=$(pages "$T/$b-brief.pdf")
	if [ "${n:-0}" -ge 1 ] && [ "$n" -le 2 ]; then pass "$b: the brief is $n page(s), at most 2"
	else fail "$b: the brief is $n pages"; fi
	if [ "$(page_mm "$T/$b-brief.pdf")" = "210.0 x 297.0" ]; then pass "$b: the brief is A4"
	else fail "$b: the brief is $(page_mm "$T/$b-brief.pdf")"; fi
	if qpdf --check "$T/$b-brief.pdf" >/dev/null 2>&1; then pass "$b: qpdf --check"
	else fail "$b: qpdf --check"; fi
	pdf_check "$T/$b-brief.pdf" "$b brief"
	pdftotext "$T/$b-brief.pdf" "$T/$b-brief.txt"
done

# what a reader with five minutes needs, in the sample's own words
t="$T/plan-en-brief.txt"
for want in 'Brightwell Physiotherapy Marketing Plan 2027' \
    'Grow revenue 20% to £2.15 million' 'Open a corporate wellbeing channel' \
    'Fix our weakest moment' 'Key points' 'Goals and targets' \
    'Self-pay new patients: 3,100 →' '3,900 patients' 'Total £93.5k' \
    'Top risks' "The insurer's preferred provider list excludes us" \
    'Not in this brief — see the full plan: Situation analysis, SWOT analysis' \
    'Action plan (7 actions)'; do
	if tr '\n' ' ' <"$t" | sed 's/  */ /g' | grep -qF -- "$want"; then pass "brief (en) has: $want"
	else fail "brief (en) lacks: $want"; fi
done
t="$T/plan-zh-CN-brief.txt"
for want in '蜀香居火锅 2027 年度市场营销计划' '要点' '目标与指标' '总额 186.0万元' \
    '主要风险' '本简报未收录，详见完整计划' '形势分析'; do
	if tr -d '\n ' <"$t" | grep -qF -- "$(printf '%s' "$want" | tr -d ' ')"; then pass "brief (zh-CN) has: $want"
	else fail "brief (zh-CN) lacks: $want"; fi
done
# the 3,000-action plan: a choice of goals, and the count of the rest
if tr '\n' ' ' <"$T/g3000-brief.txt" | grep -Eq '[0-9]+ more goals'; then
	pass "3,000 actions: the brief names the goals it left out"
else fail "3,000 actions: the brief does not say how many goals it left out"; fi
if grep -q 'Action plan (3000 actions)' "$T/g3000-brief.txt" ||
    tr '\n' ' ' <"$T/g3000-brief.txt" | grep -q 'Action plan (3000 actions)'; then
	pass "3,000 actions: the brief names the action plan it left out"
else fail "3,000 actions: no 'Action plan (3000 actions)' in the brief"; fi

# a draft brief: the completeness score and the open findings
sed 's|<owner>[^<]*</owner>||; s|Grow revenue 20%|TODO grow revenue 20%|' "$EN" >"$T/draft.xml"
run "$PLANGEN" render "$T/draft.xml" -t brief --draft -o "$T/draft.pdf"
expect_rc 0 "render a draft brief"
pdftotext "$T/draft.pdf" "$T/draft.txt"
if grep -Eq 'Completeness [0-9]+%; [0-9]+ errors?, [1-9][0-9]* warnings?' "$T/draft.txt" &&
    grep -q 'placeholder-text' "$T/draft.txt"; then
	pass "draft brief: the score and the open findings"
else fail "draft brief: no score or findings"; grep -i -A3 'review' "$T/draft.txt" | head; fi
n=$(pages "$T/draft.pdf")
[ "$n" -le 2 ] && pass "draft brief: $n pages" || fail "draft brief: $n pages"

finish
