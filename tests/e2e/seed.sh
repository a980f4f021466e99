#!/bin/sh
# seed.sh — the seed models of plan format version 2 (journey, FAB, SERVQUAL
# scores, QDQ, KPI kinds, action/@addresses, risk owner/id, several
# positioning maps and blueprints): schema, version 1 refusal.
. "$SRCDIR/tests/e2e/lib.sh"

seed=$SRCDIR/tests/data/seed-v2.xml

# line_of FILE TEXT: the number of the first line of FILE holding TEXT.
line_of() { grep -n -F -- "$2" "$1" | head -1 | cut -d: -f1; }

# ---- schema ---------------------------------------------------------------

run "$PLANGEN" check "$seed"
expect_rc 0 "the v2 seed fixture checks"
expect_out '0 errors, 0 warnings; completeness 100%' "the v2 seed fixture is clean"
if command -v xmllint >/dev/null 2>&1; then
	run xmllint --noout --relaxng "$SRCDIR/schema/plan.rng" "$seed"
	expect_rc 0 "xmllint --relaxng accepts the v2 seed fixture"
fi

# Every seed construct in a version 1 plan: "needs version 2", at its line.
sed 's/<plan version="2"/<plan version="1"/' "$seed" > v1.xml
run "$PLANGEN" check v1.xml
expect_rc 1 "seed constructs in a version 1 plan fail"
for what in '<journey>' '<fab>' '<caption>' '<quality>' \
    'the attribute "expected" of <dimension>' 'the attribute "perceived" of <dimension>' \
    'the attribute "id" of <dimension>' 'the attribute "addresses" of <action>' \
    'the attribute "count" of <action>' 'the attribute "segments" of <action>' \
    'the attribute "kind" of <kpi>' 'frequency="biweekly" on <kpi>' \
    'the attribute "owner" of <risk>' 'the attribute "id" of <risk>' \
    'the attribute "id" of <blueprint>' 'the attribute "id" of <positioning-map>'; do
	if grep -F -q -- "$what needs version 2 of the plan format" "$T/out"; then
		pass "v1: $what needs version 2"
	else
		fail "v1: $what needs version 2"
	fi
done
l=$(line_of v1.xml '<positioning-map id="PM2"')
expect_out "^v1\.xml:$l: error: a version 1 plan may have only 1 <positioning-map> in <situation>" \
    "v1: a second positioning map"
l=$(line_of v1.xml '<blueprint id="BP2"')
expect_out "^v1\.xml:$l: error: a version 1 plan may have only 1 <blueprint> in <strategy>" \
    "v1: a second blueprint"
sed 's/<plan version="2"/<plan version="1"/; s/category="digital"/category="events"/; s/frequency="monthly"/frequency="daily"/' "$seed" > v1b.xml
run "$PLANGEN" check --lang zh-CN v1b.xml
expect_out 'category="events" 需要第 2 版计划格式' "v1 (zh): category=events needs version 2"
expect_out 'frequency="daily" 需要第 2 版计划格式' "v1 (zh): frequency=daily needs version 2"

# Two elements named row: the FAB row is not a table row and is judged as one.
sed 's|<feature>Grinder on loan</feature>|<cell>Grinder on loan</cell>|' "$seed" > fabcell.xml
l=$(line_of fabcell.xml '<cell>Grinder')
run "$PLANGEN" check fabcell.xml
expect_rc 1 "a <cell> in a FAB row fails"
expect_out "^fabcell\.xml:$l: error: .*<cell>.* \[schema\]\$" "the cell in a FAB row is named at its line"
sed 's|<advantage>No equipment to buy</advantage>||' "$seed" > fabmiss.xml
run "$PLANGEN" check fabmiss.xml
expect_out "error: <row> is missing its required <advantage> \[schema\]\$" "a FAB row without an advantage"
sed 's|<benefit>Start in a week without an investment</benefit>|<benefit/>|' "$seed" > fabempty.xml
run "$PLANGEN" check fabempty.xml
expect_no_out '\[schema\]' "an empty benefit is no schema error"

# Values.
sed 's/score="-1"/score="3"/' "$seed" > score.xml
l=$(line_of score.xml 'score="3"')
run "$PLANGEN" check score.xml
expect_out "^score\.xml:$l: error: .*\"score\".*\"3\".* \[schema\]\$" "a feeling score of 3 is a schema error"
sed 's/expected="6.5"/expected="7.5"/' "$seed" > sq.xml
l=$(line_of sq.xml 'expected="7.5"')
run "$PLANGEN" check sq.xml
expect_out "^sq\.xml:$l: error: .*\"expected\".* \[schema\]\$" "a SERVQUAL score over 7 is a schema error"
sed 's/count="4"/count="0"/' "$seed" > count.xml
run "$PLANGEN" check count.xml
expect_out 'error: .*"count".* \[schema\]$' "a count of 0 is a schema error"
sed 's/<pain id="P1">/<pain>/' "$seed" > painid.xml
run "$PLANGEN" check painid.xml
expect_out 'error: .*<pain>.*"id".* \[schema\]$' "a pain needs an id"

# ---- render ---------------------------------------------------------------

need_pdf_tools
for tpl in default board; do
	run "$PLANGEN" render "$seed" -t $tpl -o "seed-$tpl.pdf"
	expect_rc 0 "render the v2 seed fixture ($tpl)"
	# white space removed: texts wrap in the figures' columns
	pdftotext "seed-$tpl.pdf" - | tr -d ' \n' > "seed-$tpl.txt"
	for want in 'Customer journey' 'Persona: Office manager ordering coffee for 40 staff' \
	    'Notice' 'Compare' 'Delivery' 'Prices per cup are hard to compare' \
	    'Relieved it took five minutes' 'Delivery time windows by text message' \
	    'Features, advantages, benefits' 'Staff drink better coffee and stay in the office' \
	    'TOWS matrix' 'SO: use strengths to seize opportunities' \
	    'Expected' 'Perceived' '-1.3' 'Office coffee: speed of delivery against price' \
	    'Café pre-order' 'Quantity: 4' 'Direction (segments): Offices (SEG-OFF)' \
	    'Every tasting served by a certified barista' 'Addresses: T1' \
	    'Every two weeks' 'Activity' 'Result'; do
		if grep -qF -- "$(printf '%s' "$want" | tr -d ' ')" "seed-$tpl.txt"; then
			pass "$tpl: \"$want\" is in the PDF"
		else fail "$tpl: \"$want\" is not in the PDF"; fi
	done
done
# the journey map is a figure: every stage name once in the map, the pain
# with its id; with the situation's figures off it is a table instead
sed 's|<section name="situation"/>|<section name="situation" figures="no"/>|' \
    "$SRCDIR/templates/default.xml" > nofig.xml
run "$PLANGEN" render "$seed" -t nofig.xml -o nofig.pdf
expect_rc 0 "render with the situation's figures off"
pdftotext -layout nofig.pdf - | tr -s ' ' > nofig.txt
if grep -q 'Stage *Touchpoints *Feeling *Pains *Opportunities' nofig.txt; then
	pass "figures off: the journey is a table"
else fail "figures off: no journey table"; fi
if pdftotext nofig.pdf - | tr -d ' \n' | grep -qF 'P1Pricespercuparehardtocompare'; then
	pass "figures off: the pain with its id in the table"
else fail "figures off: the pain is not in the table"; fi
# ten stages do not fit across the page: a table, nothing cut
python3 - "$seed" ten.xml <<'PY'
import sys
s = open(sys.argv[1], encoding="utf-8").read()
extra = "".join('      <stage name="Extra stage %d"><touchpoint>Touchpoint %d</touchpoint></stage>\n' % (i, i) for i in range(6))
s = s.replace('    </journey>', extra + '    </journey>', 1)
open(sys.argv[2], "w", encoding="utf-8").write(s)
PY
run "$PLANGEN" render ten.xml -o ten.pdf
expect_rc 0 "render a journey of ten stages"
pdftotext -layout ten.pdf - | tr -s ' ' > ten.txt
if grep -q 'Stage *Touchpoints' ten.txt && grep -qF 'Extra stage 5' ten.txt &&
    grep -qF 'Touchpoint 5' ten.txt; then
	pass "ten stages: a table with every stage"
else fail "ten stages: stages lost"; fi
# pdf-lint on the sample PDFs (the samples use every seed element)
for s in plan-en plan-zh-CN; do
	run "$PLANGEN" render "$SRCDIR/samples/$s.xml" -o "$s.pdf"
	expect_rc 0 "render $s"
	pdf_check "$s.pdf" "$s"
done


# A positioning map's own <caption> is its numbered figure caption (and
# its list-of-figures entry), not a second line under a generic one.
for tpl in default board; do
	run "$PLANGEN" render -t $tpl "$SRCDIR/samples/plan-en.xml" -o pm-$tpl.pdf
	pdftotext -layout pm-$tpl.pdf pm.txt
	n=$(grep -c 'Where patients who compare clinics online see us' pm.txt)
	grep -qE 'Figure [0-9]+\. Where patients who compare clinics online see us' pm.txt &&
	    [ "$n" -eq 2 ] && pass "$tpl: the map's caption is its figure caption (list + caption)" ||
	    fail "$tpl: the second map's caption: $n lines, or no 'Figure N. <caption>'"
done

finish
