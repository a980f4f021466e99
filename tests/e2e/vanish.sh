#!/bin/sh
# vanish.sh — content that must never vanish from a rendered plan (exit 0
# with something missing): the budget chart's last bars and total line,
# a service blueprint whose later part is taller than a page, the names
# of the positioning map's markers, and characters no font has inside a
# figure (a missing-glyph finding, as outside one), in the report
# templates and the deck.  The accounting of every text of every test
# plan, in every built-in template (what the brief and the deck leave out
# is summarised by design, never lost), is tests/unit/test_render.c
# (account_every_plan).
. "$SRCDIR/tests/e2e/lib.sh"

need_tools pdftotext python3
EN="$SRCDIR/samples/plan-en.xml"
ZH="$SRCDIR/samples/plan-zh-CN.xml"
export SOURCE_DATE_EPOCH=1790000000

# squashed text of PDF $1 (pages $2..$3 if given), no white space
text_of() {
	if [ $# -ge 3 ]; then pdftotext -f "$2" -l "$3" -layout "$1" - 2>/dev/null
	else pdftotext -layout "$1" - 2>/dev/null; fi
}

# the first page of PDF $1 whose text has $2
page_first() {
	n=$(pdfinfo "$1" | awk '/^Pages:/ { print $2 }')
	i=1
	while [ "$i" -le "$n" ]; do
		pdftotext -f $i -l $i "$1" - 2>/dev/null | grep -qF -- "$2" &&
		    { echo "$i"; return; }
		i=$((i + 1))
	done
}

# the page of PDF $1 whose text has heading $2 last
page_with() {
	n=$(pdfinfo "$1" | awk '/^Pages:/ { print $2 }')
	found=
	i=1
	while [ "$i" -le "$n" ]; do
		pdftotext -f $i -l $i "$1" - 2>/dev/null | grep -qF -- "$2" && found=$i
		i=$((i + 1))
	done
	echo "$found"
}

# ---- 1. the budget chart keeps every bar and its total line ------------

run "$PLANGEN" render "$EN" -t board -o "$T/en-board.pdf"
expect_rc 0 "render the English sample in board"
# (the sample prints amounts in thousands: budget display="thousands")
if text_of "$T/en-board.pdf" | grep -q 'Total £93\.5k'; then
	pass "board: the budget chart keeps its total line"
else fail "board: the budget chart lost its total line"; fi

# the Chinese sample with four more budget categories
sed 's|    <line category="品牌" amount="0.00"|    <line category="调研" amount="50000">顾客满意度调研</line>\
    <line category="外卖" amount="40000">外卖平台包装</line>\
    <line category="安全" amount="30000">食品安全检测</line>\
    <line category="设计" amount="20000">菜单设计</line>\
&|; s|budget total="1860000"|budget total="2000000"|' "$ZH" >"$T/zh4.xml"
for tpl in default board deck; do
	run "$PLANGEN" render "$T/zh4.xml" -t $tpl -o "$T/zh4-$tpl.pdf"
	expect_rc 0 "render the Chinese sample with 13 budget lines ($tpl)"
	text_of "$T/zh4-$tpl.pdf" >"$T/zh4.txt"
	# (the Chinese sample prints amounts in 万元: budget display="10k")
	if grep -q '合计 200\.0万元' "$T/zh4.txt" && grep -q '10\.0万元 *5\.0%' "$T/zh4.txt" &&
	    grep -q '2\.0万元 *1\.0%' "$T/zh4.txt"; then
		pass "$tpl: the budget chart keeps its smallest bar, the contingency and the total"
	else fail "$tpl: the budget chart lost bars or its total"; grep -n '¥' "$T/zh4.txt" | head; fi
done

# ---- 2. a blueprint whose later part is taller than a page ---------------

python3 - "$EN" "$T/bp.xml" <<'EOF'
import sys
src = open(sys.argv[1], encoding="utf-8").read()
long = " ".join(["Clinic lead reviews the held slots, the waiting list and "
                 "the triage notes with the physiotherapists"] * 30)
steps = ""
for i in range(6, 13):
    back = long if i == 9 else "Back office step %d" % i
    steps += ('      <step id="B%d" name="Step %d"><evidence>Evidence %d'
              '</evidence><customer>Customer does %d</customer><frontstage>'
              'Frontstage %d</frontstage><backstage>%s</backstage><support>'
              'Support system %d</support></step>\n' % (i, i, i, i, i, back, i))
i = src.index("    </blueprint>")
open(sys.argv[2], "w", encoding="utf-8").write(src[:i] + steps + src[i:])
EOF
for tpl in default board deck; do
	run "$PLANGEN" render "$T/bp.xml" -t $tpl -o "$T/bp-$tpl.pdf"
	expect_rc 0 "render a blueprint with a step taller than a page ($tpl)"
	pdftotext "$T/bp-$tpl.pdf" - | tr -d ' \n' >"$T/bp.txt"
	miss=0
	for s in Evidence6 Customerdoes9 Backofficestep12 Supportsystem12 Step12 \
	    triagenoteswiththephysiotherapistsClinic; do
		grep -qF "$s" "$T/bp.txt" || { miss=$((miss + 1)); echo "  missing: $s"; }
	done
	[ $miss -eq 0 ] && pass "$tpl: every step of the blueprint is in the PDF" ||
	    fail "$tpl: $miss blueprint texts missing"
done

# ---- 4. every marker of the positioning map has its name ----------------

for tpl in default board deck; do
	run "$PLANGEN" render "$EN" -t $tpl -o "$T/map-$tpl.pdf"
	p=$(page_first "$T/map-$tpl.pdf" "Speed of access")	# the first map
	# the table under the map may start the next page
	text_of "$T/map-$tpl.pdf" "$p" $((p + 1)) >"$T/map.txt"
	miss=
	for name in "CityPhysio Group" "Sole practitioners" "MoveWell Online" \
	    "Brightwell 2026" "Brightwell 2027"; do
		# once in the map, once in the table under it
		n=$(grep -oF "$name" "$T/map.txt" | wc -l)
		[ "$n" -ge 2 ] || miss="$miss '$name'"
	done
	[ -z "$miss" ] && pass "$tpl: every marker of the map is named" ||
	    fail "$tpl: markers without a name:$miss"
done
run "$PLANGEN" render "$ZH" -t board -o "$T/map-zh.pdf"
p=$(page_with "$T/map-zh.pdf" "品牌形象")	# the first map
text_of "$T/map-zh.pdf" "$p" "$p" >"$T/map.txt"
miss=
for name in 大龙燚 小龙坎 社区老火锅; do
	grep -qF "$name" "$T/map.txt" || miss="$miss $name"
done
[ -z "$miss" ] && pass "zh board: every competitor of the map is named" ||
    fail "zh board: markers without a name:$miss"

# ---- 5. a character no font has, inside a figure ------------------------

# an emoji in a SWOT item (the grid) and in a blueprint step (the swimlane)
sed 's|Three clinics with parking|Three clinics 🚗 with parking|;
     s|<customer>Checks in on a tablet</customer>|<customer>Checks in on a tablet 🧾</customer>|' \
    "$EN" >"$T/emoji.xml"
sl=$(grep -n 'Three clinics 🚗' "$T/emoji.xml" | cut -d: -f1)
bl=$(grep -n 'Checks in on a tablet' "$T/emoji.xml" | cut -d: -f1)
for tpl in default board deck; do
	run "$PLANGEN" render "$T/emoji.xml" -t $tpl -o "$T/emoji.pdf"
	expect_rc 0 "render a plan with emoji in figures ($tpl)"
	expect_err "emoji\.xml:$sl: warning: .*U\+1F697.*\[missing-glyph\]" \
	    "$tpl: missing-glyph for the SWOT grid's emoji, with its line"
	expect_err "emoji\.xml:$bl: warning: .*U\+1F9FE.*\[missing-glyph\]" \
	    "$tpl: missing-glyph for the blueprint's emoji, with its line"
done

finish
