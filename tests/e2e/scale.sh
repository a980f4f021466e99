#!/bin/sh
# scale.sh — ../shared/notes/hostile-input.md, case 12 and the sizes around
# it: very long ids, 100,000 goals, a 4 MB paragraph, a 30 MB file.  Each is
# handled (or refused with a message) in bounded time: `timeout` turns a
# hang into a failure; there is no timing assertion.
. "$SRCDIR/tests/e2e/lib.sh"
need_pdf_tools

EN="$SRCDIR/samples/plan-en.xml"

# an id of 100,000 characters, used and referenced
awk 'BEGIN { for (i = 0; i < 100000; i++) id = id "g" }
{ gsub(/id="G6"/, "id=\"" id "\""); gsub(/goals="G6 G2"/, "goals=\"" id " G2\""); gsub(/goal="G6"/, "goal=\"" id "\""); gsub(/goals="G6"/, "goals=\"" id "\""); print }' "$EN" > longid.xml
if [ "$(grep -c gggggggggggggggggggg longid.xml)" -eq 4 ]; then pass "the long id is defined and referenced three times"; else fail "long id not substituted"; fi
run timeout 20 "$PLANGEN" check longid.xml
expect_rc 0 "an id of 100,000 characters"
expect_out '^longid.xml: 0 errors' "the long id resolves"

# 100,000 goals (each supported, measurable, owned, tracked)
awk -v n=100000 '
/<goals>/ { print; for (i = 1; i <= n; i++) printf "<goal id=\"X%d\" type=\"quantitative\" owner=\"O\" due=\"2027-06-30\"><statement>Grow %d</statement><metric name=\"m\" baseline=\"1\" target=\"2\"/></goal>\n", i, i; next }
/<\/controls>/ { for (i = 1; i <= n; i++) printf "<kpi goal=\"X%d\">k</kpi>\n", i }
{ print }' "$EN" | sed 's/<action id="A1" goals="G6 G2"/<action id="A1" goals="G6 G2 X1"/' > goals.xml
run timeout 60 "$PLANGEN" check goals.xml
expect_rc 1 "100,000 goals are checked"
expect_out "goal-unsupported" "unsupported goals found among 100,000"
n=$(grep -c 'goal-unsupported' "$T/out")
if [ "$n" -eq 99999 ]; then pass "each of the 99,999 unsupported goals reported once"; else fail "expected 99,999 goal-unsupported findings, got $n"; fi

# a 4 MB paragraph
awk '
/<performance>/ { printf "<performance><p>"; for (i = 0; i < 40000; i++) printf "Revenue grew faster than the market in every clinic and every quarter; "; print "</p></performance>"; skip = 1; next }
skip && /<\/performance>/ { skip = 0; next }
!skip { print }' "$EN" > para.xml
if [ "$(wc -c < para.xml)" -gt 2800000 ]; then pass "a 2.8 MB+ paragraph was generated"; else fail "paragraph too small"; fi
run timeout 30 "$PLANGEN" check para.xml
expect_rc 0 "a multi-megabyte paragraph is checked"

# a paragraph of 200 KB renders over many pages, lint-clean
awk '
/<performance>/ { printf "<performance><p>"; for (i = 0; i < 2500; i++) printf "Revenue grew faster than the market in every clinic and quarter; "; print "</p></performance>"; skip = 1; next }
skip && /<\/performance>/ { skip = 0; next }
!skip { print }' "$EN" > para200k.xml
run timeout 60 "$PLANGEN" render para200k.xml -o para.pdf
expect_rc 0 "a 160 KB paragraph renders"
if qpdf --check para.pdf >/dev/null 2>&1; then pass "the long paragraph's PDF is valid"; else fail "the long paragraph's PDF is invalid"; fi
pages=$(pdfinfo para.pdf 2>/dev/null | awk '/^Pages:/ { print $2 }')
if [ "${pages:-0}" -gt 20 ]; then pass "the paragraph spans pages ($pages)"; else fail "expected more than 20 pages, got $pages"; fi
pdf_check para.pdf "the long paragraph"

# larger than the 32 MiB cap: refused with a message, exit 2
{ cat "$EN"; head -c 34000000 /dev/zero | tr '\0' ' '; } > huge.xml
run timeout 20 "$PLANGEN" check huge.xml
expect_rc 2 "a 34 MB file is refused"
expect_err 'huge.xml is larger than 32 MiB' "the size cap is named"

# a generated plan of 3,000 actions (issue 9): at most 200 pages, in
# English and Chinese, every action still there (the appendix of actions
# lists each one by category, with its details and budget lines)
for lang in en zh-CN; do
	sh "$SRCDIR/scripts/gen-plan" 3000 "$lang" >big-$lang.xml
	run timeout 120 "$PLANGEN" render --quiet big-$lang.xml -o big-$lang.pdf
	expect_rc 0 "$lang: a plan of 3,000 actions renders"
	pages=$(pdfinfo big-$lang.pdf 2>/dev/null | awk '/^Pages:/ { print $2 }')
	if [ "${pages:-999}" -le 200 ]; then pass "$lang: 3,000 actions in $pages pages (at most 200)"
	else fail "$lang: 3,000 actions take ${pages:-?} pages, more than 200"; fi
	pdftotext big-$lang.pdf - 2>/dev/null | tr -d ' \n' >big-$lang.txt
	if [ "$lang" = en ]; then
		set -- "Action3000:runthereferralprogrammewithlocalgyms" \
		    "Action2999:run" "Costofaction3000" "Costofaction2998" \
		    "Referrednewpatientsperpartner" "A2997"
	else
		set -- "第3000项行动" "第2999项行动" "行动费用3000" "行动费用2998" "体验券核销数量" "A2997"
	fi
	for s in "$@"; do
		if grep -qF -- "$s" big-$lang.txt; then pass "$lang: \"$s\" is in the PDF"
		else fail "$lang: \"$s\" is not in the PDF"; fi
	done
	n=$(mutool show big-$lang.pdf outline 2>/dev/null | grep -c '^|		"[0-9]*\.[0-9]*  .*[0-9] ')
	if [ "$n" -ge 11 ]; then pass "$lang: a bookmark per category ($n)"
	else fail "$lang: $n category bookmarks, expected 11"; fi
done

# a generated version 2 plan of 3,000 actions (issue 9): at most 200 pages
# too; its scorecard gives the counts by status first, and lists the
# indicators on track (and those not judged) several to a line, each with
# its latest actual and that actual's date
for lang in en zh-CN; do
	sh "$SRCDIR/scripts/gen-plan" 3000 "$lang" 2 >big2-$lang.xml
	run timeout 120 "$PLANGEN" render --quiet big2-$lang.xml -o big2-$lang.pdf
	expect_rc 0 "$lang: a version 2 plan of 3,000 actions renders"
	pages=$(pdfinfo big2-$lang.pdf 2>/dev/null | awk '/^Pages:/ { print $2 }')
	if [ "${pages:-999}" -le 200 ]; then pass "$lang v2: 3,000 actions in $pages pages (at most 200)"
	else fail "$lang v2: 3,000 actions take ${pages:-?} pages, more than 200"; fi
	pdftotext big2-$lang.pdf - 2>/dev/null | tr -d ' \n' >big2-$lang.txt
	if [ "$lang" = en ]; then
		set -- "Action3000:runthereferralprogrammewithlocalgyms" \
		    "Costofaction3000" "Noindicatorisofftrackoratrisk." \
		    "Ontrack(300)" "G300·Repeatrate35.5%·30Jun" \
		    "Notjudged(300)" "G300·KPIRepeatrate35.5·30Jun"
	else
		set -- "第3000项行动" "行动费用3000" "没有偏离或有风险的指标。" \
		    "正常的指标（300项）" "G300·复购率35.5%·6月30日" \
		    "未判断的指标（300项）" "G300·KPI会员复购率35.5·6月30日"
	fi
	for s in "$@"; do
		if grep -qF -- "$s" big2-$lang.txt; then pass "$lang v2: \"$s\" is in the PDF"
		else fail "$lang v2: \"$s\" is not in the PDF"; fi
	done
	[ -s big2-$lang.pdf ] && pdf_check big2-$lang.pdf "$lang v2, 3,000 actions"
done

# the same plan with goal G7's metric off track and G11's at risk: those two
# come in the full scorecard (baseline, target, the line, the actuals), the
# counts say so, and the dense list of those on track no longer holds them
for lang in en zh-CN; do
	sed -e '/<goal id="G7"/,/<\/goal>/s/value="35.5"/value="31"/' \
	    -e '/<goal id="G11"/,/<\/goal>/s/value="35.5"/value="35"/' \
	    big2-$lang.xml >off-$lang.xml
	run timeout 120 "$PLANGEN" render --quiet off-$lang.xml -o off-$lang.pdf
	expect_rc 0 "$lang: a version 2 plan with indicators off track renders"
	pages=$(pdfinfo off-$lang.pdf 2>/dev/null | awk '/^Pages:/ { print $2 }')
	if [ "${pages:-999}" -le 200 ]; then pass "$lang v2 off track: $pages pages (at most 200)"
	else fail "$lang v2 off track: ${pages:-?} pages, more than 200"; fi
	pdftotext off-$lang.pdf - 2>/dev/null | tr -d ' \n' >off-$lang.txt
	if [ "$lang" = en ]; then
		set -- "298300600Offtrackandatrisk" \
		    "G7·Repeatrate31%40%31%·30Jun202735.45%Offtrack33→31" \
		    "G11·Repeatrate31%40%35%·30Jun202735.45%Atrisk33→35" \
		    "Ontrack(298)"
		absent="G7·Repeatrate31%·30Jun"
	else
		set -- "298300600偏离和有风险的指标" \
		    "G7·复购率31%40%31%·2027年6月30日35.45%偏离33→31" \
		    "G11·复购率31%40%35%·2027年6月30日35.45%有风险33→35" \
		    "正常的指标（298项）"
		absent="G7·复购率31%·6月30日"
	fi
	for s in "$@"; do
		if grep -qF -- "$s" off-$lang.txt; then pass "$lang v2 off track: \"$s\" is in the PDF"
		else fail "$lang v2 off track: \"$s\" is not in the PDF"; fi
	done
	if grep -qF -- "$absent" off-$lang.txt; then fail "$lang v2 off track: G7 is still listed among those on track"
	else pass "$lang v2 off track: G7 is not listed among those on track"; fi
done

# a large plan's layout is checked like any other (pdfcheck on 120 actions)
sh "$SRCDIR/scripts/gen-plan" 120 >mid.xml
run timeout 60 "$PLANGEN" render --quiet mid.xml -o mid.pdf
expect_rc 0 "a plan of 120 actions renders"
[ -s mid.pdf ] && pdf_check mid.pdf "120 actions"

# a budget category over several pages says "(continued)" on each later one
sh "$SRCDIR/scripts/gen-plan" 50 | sed 's/<line category="[a-z]*"/<line category="sales"/' >onecat.xml
run timeout 60 "$PLANGEN" render --quiet onecat.xml -o onecat.pdf
expect_rc 0 "a budget of one category over pages renders"
n=$(pdftotext onecat.pdf - 2>/dev/null | grep -c '^sales (continued)$')
if [ "$n" -ge 1 ]; then pass "the budget's later pages say \"sales (continued)\" ($n)"
else fail "no \"sales (continued)\" on the budget's later pages"; fi

finish
