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
sh "$SRCDIR/scripts/gen-plan" 3000 en 2 >"$T/g3000v2.xml"	# goal tree, actuals
for p in "$EN" "$ZH" "$T/g3000.xml" "$T/g3000zh.xml" "$T/g3000v2.xml"; do
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

# every figure has a title in its caption, in the brief as in the report:
# "Figure 1" alone (the goal tree under a brief's heading) says nothing
for b in plan-en plan-zh-CN g3000v2; do
	n=$(pdftotext -layout "$T/$b-brief.pdf" - | grep -cE '^ *(Figure [0-9]+|图 ?[0-9]+) *$')
	[ "$n" -eq 0 ] && pass "$b: every figure of the brief has a title" ||
		fail "$b: $n figure caption(s) of the brief without a title"
done
grep -q 'Figure 1\. Goal tree' "$T/plan-en-brief.txt" && pass "plan-en: the brief's goal tree is 'Figure 1. Goal tree'" ||
	fail "plan-en: the brief's goal tree caption: $(grep 'Figure 1' "$T/plan-en-brief.txt")"

# the brief's headings are the template's labels: a brand template renames them
cat >"$T/brief-brand.xml" <<'X'
<template version="1" extends="brief">
  <labels><label key="brief.goals" en="What we will achieve" zh-CN="我们要达成的"/></labels>
</template>
X
run "$PLANGEN" render "$EN" -t "$T/brief-brand.xml" -o "$T/brief-brand.pdf"
expect_rc 0 "a template extending the brief renders"
pdftotext "$T/brief-brand.pdf" - | grep -q 'What we will achieve' &&
	pass "its label renames the brief's goals heading" ||
	fail "the brief's goals heading is not the template's label"

# ---- the deck -------------------------------------------------------------

run "$PLANGEN" templates
expect_out '^deck' "templates lists the deck"

# the sizes of the characters of PDF $1, "SIZE COUNT" a line (mutool stext)
sizes() {
	mutool draw -F stext -o - "$1" 2>/dev/null | python3 -c '
import sys, re, collections
c = collections.Counter(); size = None
for l in sys.stdin:
    m = re.search(r"<font name=\"[^\"]*\" size=\"([0-9.]+)\"", l)
    if m: size = float(m.group(1)); continue
    if "<char" in l: c[size] += 1
for k, v in sorted(c.items()): print(k, v)'
}

for p in "$EN" "$ZH"; do
	b=$(basename "$p" .xml)
	run "$PLANGEN" render "$p" -t deck -o "$T/$b-deck.pdf"
	expect_rc 0 "$b: render the deck"
	if [ "$(page_mm "$T/$b-deck.pdf")" = "338.7 x 190.5" ]; then pass "$b: the deck is 16:9, 338.7 x 190.5 mm"
	else fail "$b: the deck is $(page_mm "$T/$b-deck.pdf")"; fi
	n=$(pages "$T/$b-deck.pdf")
	[ "${n:-0}" -ge 20 ] && pass "$b: $n slides" || fail "$b: only $n slides"
	if qpdf --check "$T/$b-deck.pdf" >/dev/null 2>&1; then pass "$b: qpdf --check"
	else fail "$b: qpdf --check"; fi
	pdf_check "$T/$b-deck.pdf" "$b deck"
	sizes "$T/$b-deck.pdf" >"$T/$b-sizes.txt"
	# most of the text is body or table type, 18 pt or more; nothing is
	# smaller than the running foot (11 pt)
	mode=$(sort -k2,2n "$T/$b-sizes.txt" | tail -1 | cut -d' ' -f1)
	small=$(awk '$1 < 11 { n += $2 } END { print n + 0 }' "$T/$b-sizes.txt")
	if awk -v m="$mode" 'BEGIN { exit !(m >= 18) }' && [ "$small" -eq 0 ]; then
		pass "$b: deck type is large (most text ${mode} pt, nothing under 11 pt)"
	else fail "$b: deck type: most text ${mode} pt, $small characters under 11 pt"; cat "$T/$b-sizes.txt"; fi
	pdftotext "$T/$b-deck.pdf" "$T/$b-deck.txt"
done
# the prose of a slide is body type, 20 pt
mutool draw -F stext -o - "$T/plan-en-deck.pdf" 3 2>/dev/null >"$T/p3.stext"
if python3 - "$T/p3.stext" <<'PY'
import re, sys
t = open(sys.argv[1], encoding="utf-8").read()
# the line that starts "Private physiotherapy": the font size of its characters
for line in re.findall(r"<line .*?</line>", t, re.S):
    text = "".join(re.findall(r'<char [^>]*c="([^"]*)"', line))
    if text.startswith("Private physiotherapy"):
        sizes = [float(x) for x in re.findall(r'size="([0-9.]+)"', line)]
        print("# Market slide body:", sizes[0], "pt")
        sys.exit(0 if min(sizes) >= 18 else 1)
sys.exit(1)
PY
then pass "deck: the body text of the Market slide is 18 pt or more"
else fail "deck: body text under 18 pt on the Market slide"; grep -o 'size="[0-9.]*"' "$T/p3.stext" | sort | uniq -c; fi

t="$T/plan-en-deck.txt"
for want in 'Key points' 'Grow revenue 20% to £2.15 million' '(continued)' \
    'SWOT analysis' 'Service blueprint' 'Positioning map' 'Q1 2027' \
    'Total £93.5k' 'Progress' '3,900'; do
	if tr '\n' ' ' <"$t" | grep -qF -- "$want"; then pass "deck (en) has: $want"
	else fail "deck (en) lacks: $want"; fi
done
t="$T/plan-zh-CN-deck.txt"
for want in '要点' '（续）' 'SWOT 分析' '服务蓝图' '品牌定位图' '2027 年第 1 季度' '合计 186.0万元' '进度'; do
	if tr -d '\n ' <"$t" | grep -qF -- "$(printf '%s' "$want" | tr -d ' ')"; then pass "deck (zh-CN) has: $want"
	else fail "deck (zh-CN) lacks: $want"; fi
done
# a slide that continues a heading says so, and only such a slide: every
# "(continued)" names a heading of an earlier slide
python3 - "$T/plan-en-deck.pdf" <<'PY' && pass "deck: every (continued) slide names a heading begun before" || fail "deck: a (continued) title names no earlier heading"
import subprocess, sys
f = sys.argv[1]
n = int([l.split()[1] for l in subprocess.run(["pdfinfo", f], capture_output=True, text=True).stdout.splitlines() if l.startswith("Pages:")][0])
seen = set()
for i in range(1, n + 1):
    t = subprocess.run(["pdftotext", "-f", str(i), "-l", str(i), "-layout", f, "-"], capture_output=True, text=True).stdout
    lines = [l.strip() for l in t.splitlines() if l.strip()]
    for l in lines:
        if l.endswith("(continued)"):
            h = l[:-len("(continued)")].strip()
            if h not in seen:
                print("page", i, "continues", h, "not seen before"); sys.exit(1)
        else:
            seen.add(l)
sys.exit(0)
PY

# a long section runs onto more slides: 3,000 actions
run "$PLANGEN" render "$T/g3000.xml" -t deck -o "$T/g-deck.pdf"
expect_rc 0 "3,000 actions: render the deck"
if pdftotext -f 40 -l 40 "$T/g-deck.pdf" - | grep -q '(continued)'; then
	pass "3,000 actions: slide 40 continues a section"
else fail "3,000 actions: slide 40 has no (continued)"; fi

finish
