#!/bin/sh
# tagged.sh — the rendered PDF read back as assistive technology reads it:
# tests/pdftags.py (qpdf's objects, content streams parsed and decoded here)
# checks that every piece of page content is either in a structure element
# or an artifact, that MCIDs and link annotations map back through the
# ParentTree, headings follow the bookmarks, tables have header cells,
# figures have alternate text from the plan's data, XMP agrees with the
# document information; poppler's pdfinfo -struct-text is a second reader
# of the same tree.  Both samples, both templates, a draft.  Also: the
# Han-Latin gap extracts as no space, /ID and the header version.  pdf.js
# (tests/pdfjs-tags.js over Debian's libjs-pdf) is a third reader.
. "$SRCDIR/tests/e2e/lib.sh"

need_pdf_tools
need_tools node
EN="$SRCDIR/samples/plan-en.xml"
ZH="$SRCDIR/samples/plan-zh-CN.xml"
export SOURCE_DATE_EPOCH=1790000000

# tags FILE DESC [pdftags options] — pdftags finds nothing, and poppler
# reads as many headings, tables and figures from the same tree
tags() {
	f=$1; d=$2; shift 2
	python3 "$SRCDIR/tests/pdftags.py" --dump --headings "$@" "$f" >"$T/dump" 2>&1
	if [ $? -eq 0 ]; then
		pass "$d: structure tree and marked content check out"
	else fail "$d: pdftags"; grep -F "$f: " "$T/dump" | head -15 | sed 's/^/  /'; fi
	pdfinfo -struct-text "$f" >"$T/poppler" 2>&1
	for k in H1 H2 Table TH Figure TOCI Link; do
		a=$(grep -cE "^ +$k( |$)" "$T/dump")
		b=$(grep -cE "^ *$k( |:|$)" "$T/poppler")
		if [ "$a" -gt 0 ] && [ "$a" -eq "$b" ]; then pass "$d: $a $k, by both readers"
		else fail "$d: $k: pdftags reads $a, poppler $b"; fi
	done
}

# pdfjs FILE DESC — a third reader, pdf.js (what Firefox gives a screen
# reader), page by page: no orphan content, every MCID in the structure,
# tables with header cells, figures with alt text; and the headings, in
# reading order, are the same for pdftags, poppler and pdf.js
pdfjs() {
	f=$1; d=$2
	node "$SRCDIR/tests/pdfjs-tags.js" --headings --counts "$f" >"$T/pdfjs" 2>&1
	if [ $? -eq 0 ]; then
		pass "$d: pdf.js: no orphan content, tables with header cells, figures with alt text"
	else fail "$d: pdf.js"; grep -vE '^[A-Z][A-Za-z0-9]* ' "$T/pdfjs" | head -10 | sed 's/^/  /'; fi
	for k in H1 H2 Table TH Figure TOCI Link; do
		a=$(grep -cE "^ +$k( |$)" "$T/dump")
		c=$(sed -n "s/^$k \([0-9]*\)$/\1/p" "$T/pdfjs")
		if [ "$a" -eq "${c:--1}" ]; then pass "$d: $a $k, by pdf.js too"
		else fail "$d: $k: pdftags reads $a, pdf.js ${c:-none}"; fi
	done
	grep -E '^H[1-6] ' "$T/dump" >"$T/h-tags"
	grep -E '^H[1-6] ' "$T/pdfjs" | grep -v '^H[1-6] [0-9]*$' >"$T/h-pdfjs"
	python3 - "$T/poppler" >"$T/h-poppler" <<'PY'
import re, sys
out, cur = [], None
for line in open(sys.argv[1], encoding="utf-8", errors="replace"):
    line = line.rstrip("\n")
    ind = len(line) - len(line.lstrip(" "))
    if cur is not None and ind <= cur[0]:
        out.append(cur[1] + " " + re.sub(r"\s", "", cur[2]))
        cur = None
    m = re.match(r" *(H[1-6])( |$)", line)
    if m:
        cur = [ind, m.group(1), ""]
    elif cur is not None and line.strip().startswith('"'):
        cur[2] += line.strip()[1:-1]
if cur is not None:
    out.append(cur[1] + " " + re.sub(r"\s", "", cur[2]))
print("\n".join(out))
PY
	n=$(wc -l <"$T/h-tags")
	if [ "$n" -gt 2 ] && cmp -s "$T/h-tags" "$T/h-pdfjs" && cmp -s "$T/h-tags" "$T/h-poppler"
	then pass "$d: $n headings in the same order and words for pdftags, poppler and pdf.js"
	else fail "$d: the readers differ on the headings"
		diff "$T/h-tags" "$T/h-pdfjs" | head -5 | sed 's/^/  pdf.js /'
		diff "$T/h-tags" "$T/h-poppler" | head -5 | sed 's/^/  poppler /'; fi
}

# artifacts allowed on body pages: running heads and page numbers
for tpl in default board; do
	run "$PLANGEN" render -t $tpl "$EN" -o "$T/en-$tpl.pdf"
	expect_rc 0 "en $tpl renders"
	tags "$T/en-$tpl.pdf" "en $tpl" \
	    --artifact-ok 'Page [0-9]+ of [0-9]+' --artifact-ok '[0-9]+/[0-9]+' \
	    --artifact-text "Brightwell Physiotherapy Ltd" \
	    --artifact-text "Brightwell Physiotherapy Marketing Plan 2027 · Brightwell Physiotherapy Ltd" \
	    --artifact-text "Board pack · Internal" \
	    --artifact-text "Brightwell Physiotherapy Marketing Plan 2027" \
	    --artifact-text "Internal" --artifact-text "16 November 2026" \
	    --alt-has "Budget by category=Advertising £24,000 (25.7%)" \
	    --alt-has "Budget by category=Brand £3,500.50 (3.7%)" \
	    --alt-has "Budget by category=Contingency £5,000 (5.3%)" \
	    --alt-has "Positioning map=CityPhysio Group at 72, 60" \
	    --alt-has "Positioning map=Independent sole practitioners (Sole practitioners) at 48, 35" \
	    --alt-has "Positioning map=MoveWell Online at 20, 85" \
	    --alt-has "Positioning map=Us (target) (Brightwell 2027) at 64, 80"
	pdfjs "$T/en-$tpl.pdf" "en $tpl"
	run "$PLANGEN" render -t $tpl "$ZH" -o "$T/zh-$tpl.pdf"
	expect_rc 0 "zh $tpl renders"
	tags "$T/zh-$tpl.pdf" "zh $tpl" \
	    --artifact-ok '第 [0-9]+ 页，共 [0-9]+ 页' --artifact-ok '[0-9]+/[0-9]+' \
	    --artifact-text "成都蜀香居餐饮管理有限公司" \
	    --artifact-text "蜀香居火锅2027年度市场营销计划 · 成都蜀香居餐饮管理有限公司" \
	    --artifact-text "董事会材料 · 机密" \
	    --artifact-text "蜀香居火锅2027年度市场营销计划" \
	    --artifact-text "机密" --artifact-text "2026年11月20日" \
	    --alt-has "预算分类=广告 ¥420,000（22.6%）" \
	    --alt-has "预算分类=不可预见费 ¥100,000（5.4%）" \
	    --alt-has "定位图=大龙燚 位于 65，70" \
	    --alt-has "定位图=本企业（目标）（蜀香居（目标）） 位于 62，75"
	pdfjs "$T/zh-$tpl.pdf" "zh $tpl"
done

# the skeletons plangen init writes (templates/init), in both languages
for l in en zh-CN; do
	"$PLANGEN" init --lang $l -o "$T/init-$l.xml" >/dev/null 2>&1
	run "$PLANGEN" render --quiet "$T/init-$l.xml" -o "$T/init-$l.pdf"
	expect_rc 0 "the $l skeleton renders"
	tags "$T/init-$l.pdf" "$l skeleton"
	pdfjs "$T/init-$l.pdf" "$l skeleton"
done

# the action table of a long plan runs over pages: one Table, and its
# header row repeated on later pages is an artifact
python3 - "$EN" >"$T/long.xml" <<'PY'
import re, sys
s = open(sys.argv[1], encoding="utf-8").read()
m = re.search(r'(    <action id="A1".*?</action>\n)', s, re.S)
extra = "".join(m.group(1).replace('id="A1"', 'id="X%d"' % i)
                for i in range(60))
s = s.replace(m.group(1), m.group(1) + extra)
print(s, end="")
PY
run "$PLANGEN" render "$T/long.xml" -o "$T/long.pdf"
tags "$T/long.pdf" "a 60-action plan" --artifact-ok '.*'
if grep -Eq '[1-9][0-9]* tables \([1-9][0-9]* over several pages\)' "$T/dump"
then pass "a table over several pages is one Table"
else fail "no Table spans pages"; grep "^pdftags: " "$T/dump"; fi

# a draft: the DRAFT badge is an artifact, the findings appendix is content
run "$PLANGEN" render --draft "$EN" -o "$T/draft.pdf"
expect_rc 0 "a draft renders"
tags "$T/draft.pdf" "a draft" --artifact-ok 'DRAFT|Page [0-9]+ of [0-9]+' \
    --artifact-text "Brightwell Physiotherapy Ltd" \
    --artifact-text "Brightwell Physiotherapy Marketing Plan 2027" \
    --artifact-text "Internal" --artifact-text "16 November 2026"

# copy-paste fidelity: the Han-Latin gap is spacing, not a space
pdftotext "$T/zh-default.pdf" "$T/zh.txt"
if grep -qF '2027年营业额增长15.4%，达到6900万元，重点赢回周末家庭客群。' "$T/zh.txt"
then pass "pdftotext gives 2027年营业额增长15.4% as written"
else fail "Han-Latin gap extracts as a space"; grep -F '营业额增长' "$T/zh.txt" | head -2; fi
# no space between Han and Latin text that the plan writes without one
if python3 - "$T/zh.txt" "$ZH" "$SRCDIR/templates/default.xml" >"$T/sp" <<'PY'
import re, sys
text = open(sys.argv[1], encoding="utf-8").read()
src = "".join(open(f, encoding="utf-8").read() for f in sys.argv[2:])
bad = [m.group(0) for m in re.finditer(
    r"[\u4e00-\u9fff]{2} [0-9A-Za-z]+|(?<![0-9A-Za-z])[0-9A-Za-z]+ "
    r"[\u4e00-\u9fff]{2}", text)
    if m.group(0).replace(" ", "") in src and m.group(0) not in src]
print("\n".join(bad[:5]))
sys.exit(1 if bad else 0)
PY
then pass "no space inserted between Han and Latin text"
else fail "spaces between Han and Latin text not in the plan"; cat "$T/sp"; fi
pdftotext "$T/en-default.pdf" "$T/en.txt"
if grep -qF "Growing self-pay and corporate referrals" "$T/en.txt"
then pass "English text extracts as before"
else fail "English text changed"; fi

# metadata: a PDF-1.7 header, XMP dates from SOURCE_DATE_EPOCH, an /ID
# derived from the content (same input: same bytes; other date: other /ID)
if head -c 9 "$T/en-default.pdf" | grep -q '^%PDF-1.7'; then pass "header %PDF-1.7"
else fail "header: $(head -c 9 "$T/en-default.pdf")"; fi
qpdf --qdf --object-streams=disable "$T/en-default.pdf" "$T/q.pdf" 2>/dev/null
d=$(date -u -d @$SOURCE_DATE_EPOCH +%Y-%m-%dT%H:%M:%SZ)
i=$(date -u -d @$SOURCE_DATE_EPOCH +D:%Y%m%d%H%M%SZ)
if grep -aq "<xmp:CreateDate>$d</xmp:CreateDate>" "$T/q.pdf" &&
    grep -aq "<xmp:ModifyDate>$d</xmp:ModifyDate>" "$T/q.pdf" &&
    grep -aq "/CreationDate ($i" "$T/q.pdf"
then pass "XMP and Info carry the same date"
else fail "XMP and Info dates"; grep -a 'Date' "$T/q.pdf" | head -5; fi
run "$PLANGEN" render "$EN" -o "$T/again.pdf"
if cmp -s "$T/en-default.pdf" "$T/again.pdf"; then pass "same input, byte-identical PDF"
else fail "two renders differ"; fi
SOURCE_DATE_EPOCH=1790000100 "$PLANGEN" render "$EN" -o "$T/later.pdf" 2>/dev/null
id1=$(grep -a '^/ID' "$T/en-default.pdf")
id2=$(grep -a '^/ID' "$T/later.pdf")
if [ -n "$id1" ] && [ -n "$id2" ] && [ "$id1" != "$id2" ]; then pass "another date, another /ID"
else fail "/ID: '$id1' vs '$id2'"; fi

# --pdfa: the sRGB output intent and the PDF/A-2B claim in the XMP, with
# everything above still true; without a profile, a clear refusal
run env PLANGEN_ICC=/nonexistent/sRGB.icc "$PLANGEN" render --pdfa "$EN" -o "$T/noicc.pdf"
expect_rc 2 "--pdfa with an unreadable profile"
expect_err 'ICC profile /nonexistent/sRGB.icc' "the message names the profile"
if [ -r /usr/share/color/icc/sRGB.icc ]; then
	run "$PLANGEN" render --pdfa "$ZH" -o "$T/a.pdf"
	expect_rc 0 "--pdfa renders"
	qpdf --qdf --object-streams=disable "$T/a.pdf" "$T/aq.pdf" 2>/dev/null
	if grep -aq '/S /GTS_PDFA1' "$T/aq.pdf" && grep -aq '/DestOutputProfile [0-9]* 0 R' "$T/aq.pdf" &&
	    grep -aq '<pdfaid:part>2</pdfaid:part>' "$T/aq.pdf" &&
	    grep -aq '<pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>' "$T/aq.pdf"
	then pass "--pdfa: output intent, pdfaid and the pdfuaid extension schema"
	else fail "--pdfa: output intent or XMP claim missing"; fi
	tags "$T/a.pdf" "--pdfa zh"
else fail "no sRGB profile: run scripts/install-deps (icc-profiles-free)"; fi

finish
