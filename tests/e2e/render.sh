#!/bin/sh
# render.sh — `plangen render` end to end, read back with real PDF readers:
# both samples in both templates, edge cases (a 60-row table, a long
# Chinese paragraph, a URL, a character no font has), drafts, failures
# that must leave no file behind, determinism, bookmarks, templates.
. "$SRCDIR/tests/e2e/lib.sh"

need_pdf_tools
need_tools xmllint pdfimages
# every PDF made here is checked by tests/pdfcheck.py (pdf_check in lib.sh),
# its contents links included
PDFCHECK_OPTS=--links

EN="$SRCDIR/samples/plan-en.xml"
ZH="$SRCDIR/samples/plan-zh-CN.xml"
export SOURCE_DATE_EPOCH=1790000000

# pdf_ok FILE DESC [--ignore-text TEXT]... — qpdf, fonts, pdfcheck (and
# pdf-lint if present), page count
pdf_ok() {
	f=$1; d=$2; shift 2
	if qpdf --check "$f" >"$T/q" 2>&1; then pass "$d: qpdf --check"
	else fail "$d: qpdf --check"; tail -5 "$T/q"; fi
	pdffonts "$f" >"$T/fonts" 2>&1
	nf=$(awk 'NR > 2' "$T/fonts" | wc -l)
	nok=$(awk 'NR > 2 && $(NF-4) == "yes" && $(NF-3) == "yes"' "$T/fonts" | wc -l)
	if [ "$nf" -ge 1 ] && [ "$nf" -eq "$nok" ]; then pass "$d: $nf fonts embedded and subset"
	else fail "$d: fonts not all embedded+subset"; cat "$T/fonts"; fi
	pdf_check "$f" "$d" "$@"
	pages=$(pdfinfo "$f" | awk '/^Pages:/ { print $2 }')
	if [ "${pages:-0}" -ge 4 ] && [ "$pages" -le "${MAXPAGES:-60}" ]; then pass "$d: $pages pages"
	else fail "$d: page count ${pages:-?}"; fi
}

# text_has PDF XML XPATH DESC — every node of XPATH in XML appears in the PDF
# text (white space removed on both sides; a hyphen at a line end may be
# the layout's own hyphenation)
text_has() {
	pdftotext -raw "$1" "$T/txt" 2>/dev/null
	n=$(xmllint --xpath "count($3)" "$2")
	missing=0
	i=1
	while [ "$i" -le "$n" ]; do
		want=$(xmllint --xpath "string(($3)[$i])" "$2")
		if ! python3 - "$T/txt" "$want" <<'EOF'
import re, sys
t = open(sys.argv[1], encoding="utf-8").read()
w = re.sub(r"\s+", "", sys.argv[2])
a = re.sub(r"\s+", "", t)
b = re.sub(r"\s+", "", re.sub(r"-\n", "", t))
sys.exit(0 if (w in a or w in b) else 1)
EOF
		then
			missing=$((missing + 1))
			echo "  missing: $want"
		fi
		i=$((i + 1))
	done
	if [ "$n" -gt 0 ] && [ "$missing" -eq 0 ]; then pass "$4: all $n in the PDF text"
	else fail "$4: $missing of $n missing"; fi
}

# no_temp DIR DESC
no_temp() {
	if ls -a "$1" | grep -q '^\.plangen-'; then fail "$2: temporary file left"; ls -a "$1"
	else pass "$2: no temporary file left"; fi
}

# ---- the samples -------------------------------------------------------

for lang in en zh-CN; do
	src="$SRCDIR/samples/plan-$lang.xml"
	run "$PLANGEN" render "$src" -o "$T/$lang.pdf"
	expect_rc 0 "render $lang sample"
	[ -s "$T/$lang.pdf" ] || { fail "$lang: no PDF"; continue; }
	pdf_ok "$T/$lang.pdf" "$lang sample"
	text_has "$T/$lang.pdf" "$src" "//goal/statement" "$lang goal statements"
	text_has "$T/$lang.pdf" "$src" "//action/title" "$lang action titles"
	text_has "$T/$lang.pdf" "$src" "//key-points/point" "$lang key points"
	text_has "$T/$lang.pdf" "$src" "//blueprint/step/@name" "$lang blueprint steps"
	text_has "$T/$lang.pdf" "$src" "//swot/*" "$lang SWOT items"
	text_has "$T/$lang.pdf" "$src" "//budget/line/text()[1]" "$lang budget lines"
	# version 2 prose: notes, table cells, captions, the appendix
	text_has "$T/$lang.pdf" "$src" "//action/note | //kpi/note | //risk/note | //line/note" "$lang notes"
	text_has "$T/$lang.pdf" "$src" "//table//cell[not(fn)] | //caption | //fn" "$lang table cells, captions and footnotes"
	text_has "$T/$lang.pdf" "$src" "//appendix/section/@title" "$lang appendix sections"
	text_has "$T/$lang.pdf" "$src" "//controls/risk/mitigation" "$lang risk mitigations"
	text_has "$T/$lang.pdf" "$src" "//competitor/@name" "$lang competitors"
	# every text of the plan and every free-text attribute reaches the page
	if python3 - "$src" "$T/txt" >"$T/missing" <<'EOF'
import re, sys
import xml.etree.ElementTree as ET
t = open(sys.argv[2], encoding="utf-8").read()
a = re.sub(r"\s+", "", t)
b = re.sub(r"\s+", "", re.sub(r"-\n", "", t))
FREE = {"name", "label", "service", "unit", "cadence", "owner", "x-low",
        "x-high", "y-low", "y-high", "author"}
miss = 0
for el in ET.parse(sys.argv[1]).getroot().iter():
    # dates and enumerations are shown formatted or translated
    texts = [] if el.tag in ("date", "as-of", "confidentiality", "status") else [el.text]
    texts += [c.tail for c in el]
    texts += [v for k, v in el.attrib.items() if k in FREE and el.tag != "dimension"]
    if el.tag == "positioning-map":
        texts += [el.get("x"), el.get("y")]
    if el.tag in ("line", "kpi"):
        texts += [el.get("category"), el.get("target")]
    for s in texts:
        if s and s.strip():
            w = re.sub(r"\s+", "", s)
            if w not in a and w not in b:
                miss += 1
                print(el.tag, s.strip()[:60])
sys.exit(1 if miss else 0)
EOF
	then pass "$lang: every text of the plan is in the PDF"
	else fail "$lang: texts missing from the PDF"; head -10 "$T/missing"; fi
	# bookmarks: one per section heading at least
	mutool show "$T/$lang.pdf" outline >"$T/outline" 2>/dev/null
	nb=$(grep -c . "$T/outline")
	if [ "$nb" -ge 20 ]; then pass "$lang: $nb bookmarks"
	else fail "$lang: only $nb bookmarks"; cat "$T/outline"; fi
	# internal links on the contents page
	nl=$(qpdf --json --json-key=pages "$T/$lang.pdf" 2>/dev/null | grep -c '"/Subtype": "/Link"' || true)
	[ "$nl" -eq 0 ] && nl=$(qpdf --qdf --object-streams=disable "$T/$lang.pdf" - 2>/dev/null | grep -ac '/Subtype /Link')
	if [ "$nl" -ge 8 ]; then pass "$lang: $nl contents links"
	else fail "$lang: $nl contents links"; fi
done

# English specifics
pdftotext -raw "$T/en.pdf" "$T/en.txt"
grep -q 'Page 3 of' "$T/en.txt" && pass "en: 'Page N of M' footer" || fail "en: no 'Page N of M' footer"
grep -q '1 January 2027' "$T/en.txt" && pass "en: dates in English" || fail "en: dates not in English"
grep -q 'Contents' "$T/en.txt" && pass "en: contents page" || fail "en: no contents page"
grep -q 'Subtotal\|93,500.50' "$T/en.txt" && pass "en: budget total shown exactly" || fail "en: budget total 93,500.50 not shown"
pdfinfo "$T/en.pdf" >"$T/info"
grep -q '^Title: *Brightwell' "$T/info" && pass "en: PDF title" || { fail "en: PDF title"; cat "$T/info"; }
grep -q '^Creator: *plangen' "$T/info" && pass "en: PDF creator" || fail "en: PDF creator"
grep -q '^Author: *.' "$T/info" && pass "en: PDF author" || fail "en: PDF author"

# Chinese specifics
pdftotext -raw "$T/zh-CN.pdf" "$T/zh.txt"
tr -d ' \n' <"$T/zh.txt" | grep -q '第3页，共'  && pass "zh: Chinese page footer" || fail "zh: no Chinese page footer"
tr -d ' \n' <"$T/zh.txt" | grep -q '2027年1月1日'  && pass "zh: dates in Chinese" || fail "zh: dates not in Chinese"
grep -q '目录' "$T/zh.txt" && pass "zh: contents page" || fail "zh: no contents page"
grep -q 'WenQuanYi' "$T/fonts" || pdffonts "$T/zh-CN.pdf" | grep -q 'WenQuanYi' &&
	pass "zh: CJK font embedded" || fail "zh: no CJK font"

# determinism
run "$PLANGEN" render "$EN" -o "$T/en2.pdf"
if cmp -s "$T/en.pdf" "$T/en2.pdf"; then pass "same input and SOURCE_DATE_EPOCH: byte-identical"
else fail "two renders differ"; fi

# shorthand: plangen FILE.xml -> FILE.pdf next to it
cp "$EN" "$T/short.xml"
run "$PLANGEN" "$T/short.xml"
expect_rc 0 "plangen FILE.xml"
[ -s "$T/short.pdf" ] && pass "shorthand wrote FILE.pdf" || fail "shorthand wrote no FILE.pdf"
[ -s "$T/short.pdf" ] && pdf_check "$T/short.pdf" "shorthand"

# ---- templates ---------------------------------------------------------

run "$PLANGEN" templates
expect_rc 0 "plangen templates"
expect_out '^default ' "templates lists default"
expect_out '^board ' "templates lists board"

run "$PLANGEN" render "$EN" -t board -o "$T/board.pdf"
expect_rc 0 "render with the board template"
if [ -s "$T/board.pdf" ]; then
	pdf_ok "$T/board.pdf" "board template"
	pdfinfo "$T/board.pdf" | grep -q 'Page size: *841' && pass "board is landscape" ||
		fail "board is not landscape"
	pdftotext -raw "$T/board.pdf" - | grep -q 'Executive summary' &&
		pass "board uses its own labels" || fail "board labels missing"
	cmp -s "$T/en.pdf" "$T/board.pdf" && fail "board identical to default" ||
		pass "board differs from default"
fi
run "$PLANGEN" render "$ZH" -t board -o "$T/board-zh.pdf"
expect_rc 0 "render Chinese with the board template"
[ -s "$T/board-zh.pdf" ] && pdf_ok "$T/board-zh.pdf" "board zh"

cp "$SRCDIR/templates/default.xml" "$T/tpl.xml"
run "$PLANGEN" render "$EN" -t "$T/tpl.xml" -o "$T/tpl.pdf"
expect_rc 0 "a template given by path"
[ -s "$T/tpl.pdf" ] && pdf_check "$T/tpl.pdf" "template by path"

# figures off: the SWOT and the blueprint come as tables, nothing is lost
sed 's|<section name="\([a-z]*\)"/>|<section name="\1" figures="no"/>|' \
    "$SRCDIR/templates/default.xml" >"$T/nofig.xml"
run "$PLANGEN" render "$EN" -t "$T/nofig.xml" -o "$T/nofig.pdf"
expect_rc 0 "a template with figures off"
if [ -s "$T/nofig.pdf" ]; then
	pdf_ok "$T/nofig.pdf" "figures off"
	text_has "$T/nofig.pdf" "$EN" "//swot/*" "figures off: SWOT items"
	text_has "$T/nofig.pdf" "$EN" "//blueprint/step/@name" "figures off: blueprint steps"
	text_has "$T/nofig.pdf" "$EN" "//blueprint/step/customer" "figures off: customer actions"
fi

# a template font that is not installed: a warning naming it, then a fallback
sed 's|latin="Liberation Sans"|latin="No Such Font"|' "$SRCDIR/templates/default.xml" >"$T/nofont.xml"
run "$PLANGEN" render "$EN" -t "$T/nofont.xml" -o "$T/nofont.pdf"
expect_rc 0 "a template font that is not installed falls back"
expect_err "warning: font 'No Such Font' .* is not installed; using" "the missing template font is named"
[ -s "$T/nofont.pdf" ] && pdf_ok "$T/nofont.pdf" "fallback font"

cat >"$T/bad.xml" <<'EOF'
<?xml version="1.0" encoding="UTF-8"?>
<template version="1">
  <description en="broken"/>
  <page size="A4" margin-top="20" margin-bottom="20" margin-left="20" margin-right="20"/>
  <colour text="#000000"/>
</template>
EOF
run "$PLANGEN" render "$EN" -t "$T/bad.xml" -o "$T/bad.pdf"
expect_rc 2 "a bad template"
expect_err 'bad\.xml:5: error: <colour> is not a template element here: did you mean <colors>\? \[template\]' "bad template finding with file:line, in plain words"
expect_err 'bad\.xml:2: error: the template has no <fonts>: give it, or write <template extends="default">' "a template without extends: what it lacks, and how to inherit it"
[ -e "$T/bad.pdf" ] && fail "bad template wrote a PDF" || pass "bad template: no PDF"
run "$PLANGEN" render "$ZH" -t "$T/bad.xml" -o "$T/bad.pdf"
expect_err 'bad\.xml:2: 错误: 模板中没有 <fonts>：请补上，或写 <template extends="default">' "bad template, Chinese plan: the finding in Chinese"
expect_err '：模板无效$' "bad template, Chinese plan: the summary in Chinese"
expect_no_out 'Expecting|failed to validate|Invalid sequence|invalid template' "no libxml2 or plangen English"
run "$PLANGEN" render "$ZH" -t nosuch -o "$T/bad.pdf"
expect_err '没有名为“nosuch”的模板' "a missing template, in Chinese"

cat >"$T/badkey.xml" <<'EOF'
<?xml version="1.0" encoding="UTF-8"?>
<template version="1">
  <description en="x"/>
  <page size="A4" margin-top="20" margin-bottom="20" margin-left="20" margin-right="20"/>
  <fonts latin="Liberation Sans" cjk="WenQuanYi Micro Hei"/>
  <sizes body="10" heading1="16" heading2="12" table="9" cover-title="28" header-footer="8"/>
  <colors text="#000000" primary="#000000" accent="#000000" muted="#000000" rule="#000000" table-head="#000000" table-head-text="#ffffff" table-stripe="#eeeeee" draft="#ff0000"/>
  <sections><section name="summary"/></sections>
  <labels>
    <label key="goals.headline" en="Goals"/>
  </labels>
</template>
EOF
run "$PLANGEN" render "$EN" -t "$T/badkey.xml" -o "$T/bad.pdf"
expect_rc 2 "an unknown label key"
expect_err "badkey\.xml:10: error: unknown label key 'goals.headline'" "unknown label named with its line"

# a template with a logo (a PNG next to the template file)
mkdir -p "$T/tpl"
python3 - "$T/tpl/logo.png" <<'EOF'
import struct, sys, zlib
w, h = 40, 16
raw = b"".join(b"\0" + bytes([30, 60, 120] * w) for _ in range(h))
def chunk(t, d):
    return struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d) & 0xffffffff)
png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0)) + \
    chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b"")
open(sys.argv[1], "wb").write(png)
EOF
sed 's|<sections|<logo src="logo.png" width="30"/>\n  <sections|' "$SRCDIR/templates/default.xml" >"$T/tpl/logo.xml"
run "$PLANGEN" render "$EN" -t "$T/tpl/logo.xml" -o "$T/logo.pdf"
expect_rc 0 "a template with a logo"
if [ -s "$T/logo.pdf" ]; then
	ni=$(pdfimages -list "$T/logo.pdf" 2>/dev/null | awk 'NR > 2' | wc -l)
	[ "$ni" -ge 1 ] && pass "the logo is in the PDF" || fail "no logo image in the PDF"
	pdf_check "$T/logo.pdf" "template with a logo"
fi
sed 's|<sections|<logo src="missing.png"/>\n  <sections|' "$SRCDIR/templates/default.xml" >"$T/tpl/nologo.xml"
run "$PLANGEN" render "$EN" -t "$T/tpl/nologo.xml" -o "$T/nologo.pdf"
expect_rc 2 "a template whose logo is missing"
expect_err 'nologo\.xml:[0-9]+: error: logo .*missing\.png is not a readable PNG or JPEG' "missing logo named with its line"

# --lang switches the report's labels and dates
run "$PLANGEN" render "$ZH" --lang en -o "$T/zh-en.pdf"
expect_rc 0 "render the Chinese plan with --lang en"
pdftotext -raw "$T/zh-en.pdf" - 2>/dev/null | grep -q 'Plan summary' && pass "--lang en: English labels" ||
	fail "--lang en: no English labels"
# (not pdf-lint: it splits a line where the font changes and then takes
# the "，" after "15.4%" for a line start; pdfcheck reads whole lines)
PDF_LINT_OFF="false line starts where Latin and CJK fonts meet"
[ -s "$T/zh-en.pdf" ] && pdf_ok "$T/zh-en.pdf" "Chinese plan, English labels"
PDF_LINT_OFF=

run "$PLANGEN" render "$EN" -t nosuch -o "$T/bad.pdf"
expect_rc 2 "a missing template"
expect_err "no template named 'nosuch'" "missing template named"

# ---- edge cases --------------------------------------------------------

# a 60-row actions table spans pages and repeats its header row
"$SRCDIR/scripts/gen-plan" 60 >"$T/big.xml"
run "$PLANGEN" render "$T/big.xml" -o "$T/big.pdf"
expect_rc 0 "render a plan with 60 actions"
if [ -s "$T/big.pdf" ]; then
	pdf_ok "$T/big.pdf" "60 actions"
	text_has "$T/big.pdf" "$T/big.xml" "//action/title" "60 actions: titles"
	np=0
	pages=$(pdfinfo "$T/big.pdf" | awk '/^Pages:/ { print $2 }')
	p=1
	while [ "$p" -le "$pages" ]; do
		pdftotext -raw -f "$p" -l "$p" "$T/big.pdf" - | grep -q 'Dates Goals Category' && np=$((np + 1))
		p=$((p + 1))
	done
	if [ "$np" -ge 2 ]; then pass "60 actions: header row on $np pages"
	else fail "60 actions: header row on $np pages"; fi
fi

# a long Chinese paragraph and an English URL
python3 - "$ZH" "$T/long-zh.xml" <<'EOF'
import sys
s = open(sys.argv[1], encoding="utf-8").read()
para = "我们在成都开设的第一家门店以“社区火锅”为定位，服务周边三公里的家庭和年轻上班族；" * 40 + "这是一段很长的段落。"
i = s.index("<market-definition>") + len("<market-definition>")
s = s[:i] + "<p>" + para + "</p>" + s[i:] if "<p>" in s[i:i + 40] else s[:i] + para + s[i:]
open(sys.argv[2], "w", encoding="utf-8").write(s)
EOF
run "$PLANGEN" render "$T/long-zh.xml" -o "$T/long-zh.pdf"
expect_rc 0 "render a long Chinese paragraph"
[ -s "$T/long-zh.pdf" ] && pdf_ok "$T/long-zh.pdf" "long Chinese paragraph"

python3 - "$EN" "$T/url.xml" <<'EOF'
import sys
s = open(sys.argv[1], encoding="utf-8").read()
url = "https://www.brightwell-physio.example.co.uk/clinics/didsbury/booking?slot=same-day&amp;source=gp-referral"
i = s.index("<p>", s.index("<market-definition>")) + len("<p>")
s = s[:i] + "Book at " + url + " today. " + s[i:]
# an address without a scheme and an e-mail address, each at 14 places
# along a line: a hyphen once went into "rehabili-tation" and "book-ings"
addr = "brightwell-physio.example.co.uk/clinics/didsbury/physiotherapy/sports-injuries/rehabilitation/booking"
j = s.index("</p>", i) + len("</p>")
s = s[:j] + "".join("<p>Book%s at %s today, or write to bookings@brightwell-physio.example.co.uk.</p>"
    % (" x" * k, addr) for k in range(0, 42, 3)) + s[j:]
open(sys.argv[2], "w", encoding="utf-8").write(s)
EOF
run "$PLANGEN" render "$T/url.xml" -o "$T/url.pdf"
expect_rc 0 "render a long English URL"
if [ -s "$T/url.pdf" ]; then
	pdf_ok "$T/url.pdf" "English URL"
	# URLs and addresses are never hyphenated: without white space and
	# line ends the text holds each one exactly as written, every time
	pdftotext -raw "$T/url.pdf" "$T/url.txt"
	tr -d ' \n' <"$T/url.txt" >"$T/url.flat"
	for u in 'https://www.brightwell-physio.example.co.uk/clinics/didsbury/booking?slot=same-day&source=gp-referral' \
	    'brightwell-physio.example.co.uk/clinics/didsbury/physiotherapy/sports-injuries/rehabilitation/booking' \
	    'bookings@brightwell-physio.example.co.uk'; do
		case $u in https:*) want=1 ;; *) want=14 ;; esac
		got=$(grep -oF "$u" "$T/url.flat" | wc -l)
		if [ "$got" -eq "$want" ]; then pass "URL text intact ($want): $u"
		else fail "URL text broken or hyphenated: $got of $want intact: $u"; fi
	done
fi

# a very long title: the cover band grows, the running header is cut with "…"
python3 - "$EN" "$T/longtitle.xml" <<'EOF'
import re, sys
s = open(sys.argv[1], encoding="utf-8").read()
s = re.sub(r"<title>([^<]*)</title>", r"<title>\1 for the Greater Manchester Region, including Stockport, Trafford and the new Altrincham clinic opening in spring</title>", s, count=1)
open(sys.argv[2], "w", encoding="utf-8").write(s)
EOF
run "$PLANGEN" render "$T/longtitle.xml" -o "$T/longtitle.pdf"
expect_rc 0 "render a plan with a very long title"
if [ -s "$T/longtitle.pdf" ]; then
	pdf_ok "$T/longtitle.pdf" "long title"
	pdftotext -raw -f 3 -l 3 "$T/longtitle.pdf" - | grep -q '…' && pass "long header cut with an ellipsis" ||
		fail "long header not cut"
fi

# a plan without the optional controls section: no empty page for it
python3 - "$EN" "$T/noctl.xml" <<'EOF'
import re, sys
s = open(sys.argv[1], encoding="utf-8").read()
open(sys.argv[2], "w", encoding="utf-8").write(re.sub(r"<controls>.*</controls>", "", s, flags=re.S))
EOF
run "$PLANGEN" render "$T/noctl.xml" -o "$T/noctl.pdf"
expect_rc 0 "render a plan without controls"
if [ -s "$T/noctl.pdf" ]; then
	pages=$(pdfinfo "$T/noctl.pdf" | awk '/^Pages:/ { print $2 }')
	empty=0
	p=2
	while [ "$p" -le "$pages" ]; do
		n=$(pdftotext -raw -f "$p" -l "$p" "$T/noctl.pdf" - | grep -c .)
		[ "$n" -le 6 ] && empty=$((empty + 1))
		p=$((p + 1))
	done
	[ "$empty" -eq 0 ] && pass "no page holds only the header and footer" ||
		fail "$empty pages hold only the header and footer"
	pdf_ok "$T/noctl.pdf" "no controls"
fi

# a character no font can draw: a warning with its line, still rendered
sed 's|<title>\([^<]*\)</title>|<title>\1 😀</title>|' "$EN" >"$T/emoji.xml"
run "$PLANGEN" render "$T/emoji.xml" -o "$T/emoji.pdf"
expect_rc 0 "a character no font has still renders"
expect_err 'emoji\.xml:[0-9]+: warning: .*U\+1F600.*\[missing-glyph\]' "missing glyph warned with its line"
[ -s "$T/emoji.pdf" ] && pdf_ok "$T/emoji.pdf" "a character no font has"
# check finds it too (CI catches it before anyone renders), at the same line
el=$(grep -n '😀' "$T/emoji.xml" | head -1 | cut -d: -f1)
run "$PLANGEN" check "$T/emoji.xml"
expect_rc 0 "check: a character no font has is a warning"
expect_out "^.*emoji\.xml:$el: warning: no font can draw U\+1F600 '😀'; it will be missing from the PDF: replace it or remove it \[missing-glyph\]\$" \
    "check: missing-glyph with the line and what to do"
run "$PLANGEN" check --strict "$T/emoji.xml"
expect_rc 1 "check --strict: the missing glyph fails"
run "$PLANGEN" check --lang zh-CN "$T/emoji.xml"
expect_out "^.*emoji\.xml:$el: 警告: 没有字体能显示 U\+1F600“😀”，PDF 中会缺这个字：请换成别的字或删除它 \[missing-glyph\]\$" \
    "check: missing-glyph in Chinese"
run "$PLANGEN" render --lang zh-CN "$T/emoji.xml" -o "$T/emoji-zh.pdf"
expect_err '没有字体能显示 U\+1F600' "render: missing-glyph in Chinese too"
run "$PLANGEN" check "$EN"
expect_no_out 'missing-glyph' "check: the sample's £ and quotes are drawable"

# ---- errors and drafts -------------------------------------------------

sed 's|<budget total="93500.50"|<budget total="99999"|' "$EN" >"$T/err.xml"
sed 's|<plan version="\([12]\)"|<plan version="\1" colour="red"|' "$EN" >"$T/schema.xml"
# render refuses exactly what check refuses (both must fail the check)
"$PLANGEN" check "$T/err.xml" >/dev/null 2>&1; check_err=$?
"$PLANGEN" check "$T/schema.xml" >/dev/null 2>&1; check_schema=$?
[ "$check_schema" -eq 1 ] && pass "the schema-invalid plan fails check" ||
	fail "the schema-invalid plan passes check (exit $check_schema): the test plan is wrong"
[ "$check_err" -eq 1 ] && pass "the plan with a rule error fails check" ||
	fail "the plan with a rule error passes check (exit $check_err): the test plan is wrong"
run "$PLANGEN" render --draft "$T/schema.xml" -o "$T/schema.pdf"
expect_rc 1 "a plan with schema errors is not rendered even as a draft"
expect_err 'schema\.xml:[0-9]+: error: .*\[schema\]' "the schema error is printed"
[ -e "$T/schema.pdf" ] && fail "schema-invalid draft wrote a PDF" || pass "no PDF for a schema-invalid plan"
no_temp "$T" "after refusing a schema-invalid plan"
echo keep >"$T/err.pdf"
run "$PLANGEN" render "$T/err.xml"
expect_rc 1 "a plan with errors is not rendered"
expect_err 'err\.xml:[0-9]+: error: .*\[budget-total-mismatch\]' "the error is printed"
[ "$(cat "$T/err.pdf")" = keep ] && pass "existing output untouched after a failure" ||
	fail "existing output changed"
no_temp "$T" "after refusing a plan with errors"

run "$PLANGEN" render --draft "$T/err.xml" -o "$T/draft.pdf"
expect_rc 0 "--draft renders a plan with errors"
if [ -s "$T/draft.pdf" ]; then
	pdf_ok "$T/draft.pdf" "draft"
	pdftotext -raw "$T/draft.pdf" "$T/draft.txt"
	nd=$(grep -c '^DRAFT$\|DRAFT' "$T/draft.txt")
	pages=$(pdfinfo "$T/draft.pdf" | awk '/^Pages:/ { print $2 }')
	[ "$nd" -ge "$pages" ] && pass "DRAFT mark on every page" || fail "DRAFT on $nd of $pages pages"
	# the findings close the document: after the last section, with the rule ids
	tr -d '\n' <"$T/draft.txt" | sed 's/-$//' | grep -q 'Review findings.*budget-total-mismatch' &&
		pass "the findings page lists the findings" || fail "no findings page"
	pdftotext -raw -f "$pages" -l "$pages" "$T/draft.pdf" - | grep -q 'Review findings\|error\|warning' &&
		pass "findings on the last page" || fail "findings not on the last page"
fi

run "$PLANGEN" render "$ZH" --draft -o "$T/draft-zh.pdf"
expect_rc 0 "--draft on a clean Chinese plan"
pdftotext -raw "$T/draft-zh.pdf" - 2>/dev/null | grep -q '草稿' && pass "Chinese draft mark" ||
	fail "no Chinese draft mark"
[ -s "$T/draft-zh.pdf" ] && pdf_ok "$T/draft-zh.pdf" "Chinese draft"

# ---- output safety -----------------------------------------------------

run "$PLANGEN" render "$EN" -o "$T/no/such/dir/x.pdf"
expect_rc 2 "missing output directory"
echo file >"$T/notadir"
run "$PLANGEN" render "$EN" -o "$T/notadir/x.pdf"
expect_rc 2 "output under a file"

cp "$EN" "$T/self.xml"
run "$PLANGEN" render "$T/self.xml" -o "$T/self.xml"
expect_rc 2 "output equal to the input"
cmp -s "$EN" "$T/self.xml" && pass "input intact" || fail "input changed"
ln -s self.xml "$T/link.xml"
run "$PLANGEN" render "$T/self.xml" -o "$T/link.xml"
expect_rc 2 "output naming the input through a symlink"
cmp -s "$EN" "$T/self.xml" && pass "input intact (symlink)" || fail "input changed (symlink)"
no_temp "$T" "after the failures"

run "$PLANGEN" render "$T/missing.xml"
expect_rc 2 "missing input"

# generated plans of 3,000 actions, English and Chinese: valid, clean under
# pdf-lint, every action title on some page
for lang in en zh-CN; do
	"$SRCDIR/scripts/gen-plan" 3000 $lang > "$T/g3k-$lang.xml"
	run "$PLANGEN" render "$T/g3k-$lang.xml" -o "$T/g3k-$lang.pdf"
	expect_rc 0 "3,000 actions ($lang) render"
	MAXPAGES=1500 pdf_ok "$T/g3k-$lang.pdf" "3,000 actions ($lang)"
	pdftotext "$T/g3k-$lang.pdf" - 2>/dev/null | tr -d ' \n' > "$T/g3k.txt"
	missing=0
	for i in 1 2 999 1500 2999 3000; do
		if [ $lang = en ]; then t="Action$i:runthereferralprogrammewithlocalgyms"
		else t="第${i}项行动："; fi
		grep -qF "$t" "$T/g3k.txt" || { missing=$((missing + 1)); echo "  missing: $t"; }
	done
	if [ $missing -eq 0 ]; then pass "3,000 actions ($lang): sampled action titles present"
	else fail "3,000 actions ($lang): $missing sampled titles missing"; fi
done

finish
