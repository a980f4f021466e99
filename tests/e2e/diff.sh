#!/bin/sh
# diff.sh — `plangen diff OLD NEW`: changes in every section and of every
# kind (added, removed, changed, moved) with NEW's line numbers, the budget
# total and completeness, findings fixed and introduced, the three formats,
# Chinese, exit status (0 same, 1 differ, 2 trouble).
. "$SRCDIR/tests/e2e/lib.sh"

need_tools python3
python3 "$SRCDIR/tests/data/diff/revise.py" "$SRCDIR/tests/data/full.xml" ||
	{ fail "revise.py wrote the two revisions"; finish; }

# line of the first line of new.xml (or old.xml) matching a fixed string
ln() { grep -nF -- "$1" "${2:-new.xml}" | head -1 | cut -d: -f1; }

## ---- text ---------------------------------------------------------------

run "$PLANGEN" diff old.xml new.xml
expect_rc 1 "text: the revisions differ"
expect_out "^new.xml:$(ln '<title>'): meta: changed title “Harbour Lane Coffee Roasters Marketing Plan 2027” → “Harbour Lane Coffee Roasters Marketing Plan 2027, revision 2”$" \
	"meta: changed field with old and new value, NEW's line"
expect_out "^new.xml:$(ln '<year label="2027"'): summary: changed sales year 2027: value “820” → “840”$" \
	"summary: an item without id matched by its label"
expect_out "^new.xml:$(ln 'Sign 45 office'): summary: changed key point: text “Sign 40 office subscription customers by the end of the…” → “Sign 45 office subscription customers by the end of the…”$" \
	"summary: an edited key point (text item) is changed, cut after a word"
expect_out "^new.xml:$(ln 'id="SEG-OFF"'): situation: changed segment SEG-OFF: share “45.5” → “45”$" \
	"situation: changed segment by id"
expect_out "^new.xml:[0-9]+: situation: removed competitor C2 “An independent roaster that sells…” \\(was old.xml:$(ln 'id="C2"' old.xml)\\)$" \
	"situation: removed competitor, with OLD's line"
expect_out "^new.xml:$(ln '<strength id="S2"'): SWOT: moved strength S2 “A loyal base of 1,900 stamp-card…” \\(was old.xml:$(ln '<strength id="S2"' old.xml)\\)$" \
	"swot: moved item"
expect_out "^new.xml:$(ln '<goal id="G2"'): goals: changed goal G2: metric target “40” → “45”$" \
	"goals: metric target"
expect_out "^new.xml:$(ln '<goal id="G3"'): goals: changed goal G3: due “2027-06-30” → “2027-07-31”$" \
	"goals: due date"
expect_out "^new.xml:$(ln '<positioning>'): strategy: changed positioning “For people who work in Altona, Harbour Lane is the roaster…” → “For people who work in Altona, Harbour Lane is the roastery…”$" \
	"strategy: a field of the section, at its own line"
expect_out "^new.xml:$(ln '<price>'): strategy: changed mix price “Subscriptions from EUR 89 a month; café prices unchanged.” → “Subscriptions from EUR 95 a month; café prices unchanged.”$" \
	"strategy: a nested field of the section (mix/price), at its own line"
expect_out "^new.xml:$(ln '<step name="Delivery">'): strategy: changed blueprint step Delivery: customer “Receives the beans at the office” → “Receives the beans at the office by 10am”$" \
	"strategy: blueprint step without id matched by name"
expect_out "^new.xml:$(ln '<action id="A1"'): actions: moved action A1 “Sell office subscriptions”: owner — → “Jonas Bauer” \\(was old.xml:$(ln '<action id="A1"' old.xml)\\)$" \
	"actions: moved and changed"
expect_out "^new.xml:$(ln '<action id="A4"'): actions: added action A4 “Open day at the roastery”$" \
	"actions: added"
expect_out "^new.xml:$(ln '<budget total'): budget: changed total €61,400.75 → €63,400.75 \\(\\+€2,000\\)$" \
	"budget: total as money with the difference"
expect_out "^new.xml:$(ln 'category="Sales"'): budget: changed budget line Sales: amount €24,000 → €26,000 \\(\\+€2,000\\)$" \
	"budget: line amount as money"
expect_out "^new.xml:$(ln 'Average morning wait, 8'): controls: changed KPI: text “Average morning wait” → “Average morning wait, 8 to 9am”$" \
	"controls: KPI text"
expect_out "^new.xml:[0-9]+: controls: removed risk “The cargo bike breaks down” \\(was old.xml:$(ln 'The cargo bike breaks down' old.xml)\\)$" \
	"controls: removed risk"
expect_out "^new.xml: budget total €61,400.75 → €63,400.75 \\(\\+€2,000\\)$" "budget total change"
expect_out "^new.xml: completeness 97% \\(unchanged\\)$" "completeness"
expect_out "^old.xml:$(ln '<action id="A1"' old.xml): fixed warning: action A1 .* has no owner \\[action-no-owner\\]$" \
	"finding fixed, at OLD's line"
expect_out "^new.xml:$(ln '<action id="A4"'): introduced warning: action A4 .* has no budget line \\[action-unbudgeted\\]$" \
	"finding introduced, at NEW's line"
expect_out "^old.xml → new.xml: 18 changes in 9 sections \\(1 added, 3 removed, 12 changed, 2 moved\\); findings: 1 fixed, 1 introduced$" \
	"summary line"
# nothing unchanged is reported
expect_no_out "goal G1|action A2|action A3|SEG-RES|strength S1" "unchanged items are not reported"

## ---- render --since: a "changes since" chapter and change bars ------------

need_tools pdftotext qpdf
run "$PLANGEN" render --since old.xml new.xml -o since.pdf
expect_rc 0 "render --since"
pdf_check since.pdf "render --since"
ch=$(pdftotext since.pdf - | tr -s ' \n' '  ')
case $ch in *"1 Changes since 20 November 2026 18 changes in 9 sections (1 added, 3 removed, 12 changed, 2 moved); findings: 1 fixed, 1 introduced. Budget total €61,400.75 → €63,400.75 (+€2,000)."*) pass "since: the chapter is first, named by OLD's date, with the summary";;
	*) fail "since: chapter: $(echo "$ch" | head -c 600)";; esac
case $ch in *"Goals • changed goal G2: metric target “40” → “45” • changed goal G3: due “2027-06-30” → “2027-07-31”"*) pass "since: changes grouped under the document's section names";;
	*) fail "since: goals group";; esac
case $ch in *"removed competitor C2 “An independent roaster that sells…” (line 57 of the old plan)"*) pass "since: removed items with their old line";;
	*) fail "since: removed";; esac
case $ch in *"Findings fixed • warning: action A1 "*"[action-no-owner] Findings introduced • warning: action A4 "*"[action-unbudgeted]"*) pass "since: findings fixed and introduced";;
	*) fail "since: findings";; esac
# the change bars: 2.5 pt lines in the left margin, one x for all
bars() {
	qpdf --qdf --object-streams=disable "$1" q.pdf >/dev/null 2>&1
	python3 -c '
import re
q = open("q.pdf", "rb").read().decode("latin-1")
print(len(re.findall(r"2\.5 w\n(\d+\.\d+) [0-9.]+ m\n\1 [0-9.]+ l", q)))'
}
# beside: key point 2, sales 2027, SEG-OFF, G2, G3, positioning, price,
# A1 row and its details, A4, budget Sales and Total rows, the KPI: 13
n=$(bars since.pdf)
[ "$n" = 13 ] && pass "since: a bar beside each changed row and paragraph (13)" ||
	fail "since: $n change bars, expected 13"
"$PLANGEN" render new.xml -o plain.pdf 2>/dev/null
n=$(bars plain.pdf)
[ "$n" = 0 ] && pass "without --since: no bars" || fail "bars without --since: $n"
pdftotext plain.pdf - | grep -q 'Changes since' && fail "a changes chapter without --since" ||
	pass "without --since: no changes chapter"
run "$PLANGEN" render --since missing-old.xml new.xml -o x.pdf
expect_rc 2 "--since with a missing file: exit 2"
[ ! -e x.pdf ] && pass "no PDF when --since cannot be read" || fail "a PDF was written"

## ---- the same plan -------------------------------------------------------

run "$PLANGEN" diff new.xml new.xml
expect_rc 0 "same file: exit 0"
expect_out "^new.xml and new.xml are the same plan: no changes$" "same file: says so"
# white space, comments and attribute order are not changes
python3 - <<'EOF'
s = open('new.xml', encoding='utf-8').read()
s = s.replace('<goals>', '<goals>\n    <!-- reviewed -->\n\n')
s = s.replace('<action id="A4" goals="G2" owner="Jonas Bauer"', '<action owner="Jonas Bauer"  goals="G2" id="A4"')
s = s.replace('Cut the average morning wait', 'Cut the average\n        morning wait')
open('reflowed.xml', 'w', encoding='utf-8').write(s)
EOF
run "$PLANGEN" diff new.xml reflowed.xml
expect_rc 0 "comments, white space and attribute order are not changes"

## ---- JSON -----------------------------------------------------------------

run "$PLANGEN" diff --format json old.xml new.xml
expect_rc 1 "json: exit 1"
if python3 - "$T/out" <<'EOF' >"$T/py" 2>&1
import json, sys
d = json.load(open(sys.argv[1], encoding='utf-8'))
assert d['tool']['name'] == 'plangen'
assert d['same'] is False
assert d['old']['file'] == 'old.xml' and d['new']['file'] == 'new.xml'
assert d['old']['budget_total'] == '61400.75' and d['new']['budget_total'] == '63400.75', d['new']
assert d['budget_total_change'] == '2000.00', d['budget_total_change']
assert d['old']['currency'] == 'EUR'
assert d['completeness_change'] == 0
assert d['counts'] == {'added': 1, 'removed': 3, 'changed': 12, 'moved': 2, 'fixed': 1, 'introduced': 1}, d['counts']
secs = [s['section'] for s in d['sections']]
assert secs == ['meta', 'summary', 'situation', 'swot', 'goals', 'strategy', 'actions', 'budget', 'controls'], secs
ch = {(c['element'], c['item']): c for s in d['sections'] for c in s['changes']}
g2 = ch[('goal', 'G2')]
assert g2['kind'] == 'changed' and g2['fields'] == [{'field': 'metric/@target', 'old': '40', 'new': '45'}], g2
a1 = ch[('action', 'A1')]
assert a1['kind'] == 'moved' and a1['old_line'] < a1['line'], a1
assert ch[('action', 'A4')]['kind'] == 'added' and 'fields' not in ch[('action', 'A4')]
assert ch[('competitor', 'C2')]['kind'] == 'removed'
price = [c for s in d['sections'] for c in s['changes'] if c['element'] == 'strategy' and c['fields'][0]['field'] == 'mix/price'][0]['fields'][0]
assert price['new'] == 'Subscriptions from EUR 95 a month; café prices unchanged.', price
fx = d['findings']['fixed']; it = d['findings']['introduced']
assert [(f['rule'], f['item']) for f in fx] == [('action-no-owner', 'A1')], fx
assert [(f['rule'], f['item'], f['severity']) for f in it] == [('action-unbudgeted', 'A4', 'warning')], it
EOF
then pass "json: counts, sections in order, full old/new values, findings by rule and item"
else fail "json"; sed 's/^/  py: /' "$T/py"; fi

run "$PLANGEN" diff --format json new.xml new.xml
expect_rc 0 "json: same plan"
expect_out '"same": true' "json: same is true"

## ---- Markdown -------------------------------------------------------------

run "$PLANGEN" diff --format markdown old.xml new.xml
expect_rc 1 "markdown: exit 1"
if [ "$(sed -n 3,8p "$T/out")" = "| | old | new | change |
|---|---:|---:|---:|
| Completeness | 97% | 97% | 0 |
| Budget total | €61,400.75 | €63,400.75 | +€2,000 |
| Errors | 0 | 0 | 0 |
| Warnings | 1 | 1 | 0 |" ]
then pass "markdown: the summary table comes first"
else fail "markdown: summary table"; sed 's/^/  out: /' "$T/out" | head -12; fi
expect_out '^### actions$' "markdown: a heading per section"
expect_out '^- \*\*added\*\* action A4 “Open day at the roastery” \(line [0-9]+\)$' "markdown: list item per change"
expect_out '^### Findings fixed$' "markdown: findings fixed"
expect_out '^- `action-unbudgeted` action A4 \(line [0-9]+\): ' "markdown: finding introduced"
# Markdown in a plan's text cannot break the comment
sed 's|<title>Open day at the roastery</title>|<title>Open day \| *free* \&lt;b\&gt;</title>|' new.xml >md.xml
run "$PLANGEN" diff --format markdown old.xml md.xml
expect_out '“Open day \\\| \\\*free\\\* \\<b\\>”' "markdown: the plan's text is escaped"

## ---- Chinese ----------------------------------------------------------------

cp "$SRCDIR/tests/data/team/plan-zh.xml" zh-old.xml
sed -e 's|baseline="55" target="70"|baseline="55" target="75"|' \
    -e 's|<point>以私教体验课带动新会员</point>|<point>以私教体验课和团课带动新会员</point>|' zh-old.xml >zh-new.xml
run "$PLANGEN" diff zh-old.xml zh-new.xml
expect_rc 1 "zh: differ"
expect_out "^zh-new.xml:$(ln '<goal id="G1"' zh-new.xml): 目标：修改 目标 G1：metric target “70” → “75”$" "zh: a change in Chinese"
expect_out "^zh-new.xml:[0-9]+: 摘要：修改 要点：文字 “以私教体验课带动新会员” → “以私教体验课和团课带动新会员”$" "zh: text field named in Chinese"
expect_out "^zh-old.xml → zh-new.xml：2 个部分共 2 处变更（新增 0，删除 0，修改 2，移动 0）；问题：已修复 0 个，新出现 0 个$" "zh: summary"
expect_no_out "changed|removed|added|moved|completeness|budget total" "zh: no English words"
run "$PLANGEN" diff --lang en zh-old.xml zh-new.xml
expect_out "goals: changed goal G1" "--lang en: the report in English"

## ---- plans that fail the schema still compare; trouble is exit 2 ---------------

sed 's|<statement>Sign 40 office|<statment>x</statment><statement>Sign 40 office|' new.xml >bad-schema.xml
run "$PLANGEN" diff new.xml bad-schema.xml
expect_rc 1 "a plan with schema errors still compares"
expect_out "introduced error: .*\\[schema\\]$" "its schema error is an introduced finding"
expect_out "completeness 97% → —" "its completeness is not computed"
printf '<plan version="1"><meta>\n<title>x</titel></meta></plan>\n' >broken.xml
run "$PLANGEN" diff new.xml broken.xml
expect_rc 2 "a file that is not well-formed: exit 2"
expect_err "^broken.xml:2: error: .*\\[xml-syntax\\]" "its syntax error is shown with its line"
expect_err "broken.xml is not well-formed XML and cannot be compared" "and why nothing was compared"
if [ ! -s "$T/out" ]; then pass "nothing on stdout"; else fail "stdout not empty"; fi
run "$PLANGEN" diff new.xml missing.xml
expect_rc 2 "a missing file: exit 2"
expect_err "missing.xml" "the missing file is named"
run "$PLANGEN" diff new.xml
expect_rc 2 "one file: usage error"
expect_err "^usage: plangen diff" "usage shown"
run "$PLANGEN" diff --format yaml new.xml new.xml
expect_rc 2 "unknown format: usage error"

finish
