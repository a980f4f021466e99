#!/bin/sh
# template.sh — templates as a brand owner writes them: extends= (give only
# what differs), messages in the plan's language with file:line and "did
# you mean", `plangen templates` and `--show`, loops and depth of extends,
# the palette check.
. "$SRCDIR/tests/e2e/lib.sh"

need_pdf_tools
need_tools pdfimages pdftoppm

EN="$SRCDIR/samples/plan-en.xml"
ZH="$SRCDIR/samples/plan-zh-CN.xml"
export SOURCE_DATE_EPOCH=1790000000

# png FILE W H [COLOUR_TYPE] [BIT_DEPTH] — a small PNG written with zlib
png() {
	python3 - "$@" <<'PY'
import struct, sys, zlib
path, w, h = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
ct = int(sys.argv[4]) if len(sys.argv) > 4 else 2
bd = int(sys.argv[5]) if len(sys.argv) > 5 else 8
ch = {0: 1, 2: 3, 3: 1, 4: 2, 6: 4}[ct]
def px(x, y):
    v = [(x * 255) // max(w - 1, 1), (y * 255) // max(h - 1, 1), 128, 200][:ch]
    if ct == 3:
        v = [x % 4]
    if ct == 4:
        v = [(x * 255) // max(w - 1, 1), 255 if x % 2 else 90]
    if bd == 16:
        return b"".join(struct.pack(">H", c * 257) for c in v)
    return bytes(v)
raw = b"".join(b"\0" + b"".join(px(x, y) for x in range(w)) for y in range(h))
def chunk(t, d):
    return struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d) & 0xffffffff)
out = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, bd, ct, 0, 0, 0))
if ct == 3:
    out += chunk(b"PLTE", bytes([200, 16, 46, 31, 58, 95, 255, 255, 255, 0, 128, 0]))
    out += chunk(b"tRNS", bytes([255, 255, 0, 255]))
out += chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b"")
open(path, "wb").write(out)
PY
}

mkdir -p "$T/brand"
png "$T/brand/logo.png" 120 48

## ---- a 6-line brand template renders -----------------------------------

cat >"$T/brand/brand.xml" <<'X'
<?xml version="1.0" encoding="UTF-8"?>
<template version="1" extends="default">
  <description en="ACME brand"/>
  <colors primary="#7A1F5C" table-head="#7A1F5C" accent="#F2A900"/>
  <logo src="logo.png" width="30"/>
</template>
X
run "$PLANGEN" render -t "$T/brand/brand.xml" "$EN" -o "$T/brand-en.pdf"
expect_rc 0 "a 6-line brand template (extends default) renders"
[ -s "$T/brand-en.pdf" ] && pdf_check "$T/brand-en.pdf" "brand template, English"
n=$(pdfimages -list "$T/brand-en.pdf" 2>/dev/null | awk 'NR > 2 && $4 == 120 && $5 == 48' | wc -l)
[ "$n" -ge 1 ] && pass "the brand logo is in the PDF" || fail "the brand logo is not in the PDF"
pdftotext "$T/brand-en.pdf" - 2>/dev/null | grep -q 'Plan summary' &&
	pass "the brand template inherits the default's labels" ||
	fail "the brand template lost the default's labels"
# px PDF PAGE X Y — the colour (RRGGBB) at (X, Y) of a page drawn at 20 dpi
px() {
	pdftoppm -f "$2" -l "$2" -r 20 "$1" "$T/px" 2>/dev/null
	python3 - "$T"/px*.ppm "$3" "$4" <<'PY'
import sys
d = open(sys.argv[1], "rb").read()
parts = d.split(maxsplit=4)
w, h = int(parts[1]), int(parts[2])
raw = parts[4]
x, y = int(sys.argv[2]), int(sys.argv[3])
o = (y * w + x) * 3
print("%02X%02X%02X" % tuple(raw[o:o + 3]))
PY
	rm -f "$T"/px*.ppm
}
c=$(px "$T/brand-en.pdf" 1 5 5)
[ "$c" = 7A1F5C ] && pass "the cover band is the brand's colour" || fail "the cover band is $c, not 7A1F5C"
run "$PLANGEN" render -t "$T/brand/brand.xml" "$ZH" -o "$T/brand-zh.pdf"
expect_rc 0 "the brand template renders the Chinese sample"
[ -s "$T/brand-zh.pdf" ] && pdf_check "$T/brand-zh.pdf" "brand template, Chinese"

# a brand template may extend a template file, relative to itself
mkdir -p "$T/brand/sub"
cat >"$T/brand/sub/dept.xml" <<'X'
<template version="1" extends="../brand.xml">
  <fonts latin="DejaVu Sans"/>
  <labels><label key="summary.heading" en="At a glance" zh-CN="一览"/></labels>
</template>
X
run "$PLANGEN" render -t "$T/brand/sub/dept.xml" "$EN" -o "$T/dept.pdf"
expect_rc 0 "a template extending a template file (relative to itself)"
pdftotext "$T/dept.pdf" - 2>/dev/null | grep -q 'At a glance' && pass "its own label replaces the inherited one" ||
	fail "its own label did not replace the inherited one"
n=$(pdfimages -list "$T/dept.pdf" 2>/dev/null | awk 'NR > 2 && $4 == 120 && $5 == 48' | wc -l)
[ "$n" -ge 1 ] && pass "the grandparent's logo is inherited" || fail "the inherited logo is missing"

## ---- templates and --show ----------------------------------------------

run "$PLANGEN" templates
expect_rc 0 "plangen templates"
expect_out '^board .*extends default' "the list says board extends default"
run "$PLANGEN" templates --show default
expect_rc 0 "templates --show default"
expect_out '<template version="1" name="default">' "--show prints the template's XML"
cp "$T/out" "$T/shown.xml"
run "$PLANGEN" render -t "$T/shown.xml" "$EN" -o "$T/shown.pdf"
expect_rc 0 "the shown template renders as a template file"
run "$PLANGEN" templates --show nosuch
expect_rc 2 "--show an unknown template"
expect_err "no built-in template named 'nosuch'" "--show an unknown template: named"
LANG=zh_CN.UTF-8 run "$PLANGEN" templates --help
expect_out '\-\-show 名称' "templates --help in Chinese"

## ---- messages a marketer can act on ------------------------------------

cat >"$T/typo.xml" <<'X'
<?xml version="1.0" encoding="UTF-8"?>
<template version="1" extends="default">
  <colour primary="#112233"/>
  <colors primary="navy" acent="#FFFFFF" table-head="1f3a5f" muted="#abc"/>
  <page size="a4" margin-top="20mm"/>
  <sizes body="3"/>
  <logo src="logo.png" header="ja"/>
</template>
X
run "$PLANGEN" render -t "$T/typo.xml" "$EN" -o "$T/typo.pdf"
expect_rc 2 "a misspelt template"
expect_err 'typo\.xml:3: error: <colour> is not a template element here: did you mean <colors>\? \[template\]' "misspelt element: did you mean"
expect_err 'typo\.xml:4: error: <colors primary="navy">: a colour is written as # and six hexadecimal digits, like #1F3A5F: write primary="#000080"' "named colour: the #RRGGBB to write"
expect_err 'typo\.xml:4: error: <colors> has no attribute acent: did you mean accent\?' "misspelt attribute: did you mean"
expect_err 'write table-head="#1F3A5F"' "colour without #: the fix"
expect_err 'write muted="#AABBCC"' "three-digit colour: the six-digit form"
expect_err 'typo\.xml:5: error: <page size="a4">: did you mean "A4"\?' "page size in the wrong case"
expect_err 'margin-top="20mm">: write a length in millimetres from 0 to 100, a plain number without a unit' "a length with a unit"
expect_err '<sizes body="3">: write a font size in points from 4 to 72' "a font size out of range"
expect_err '<logo header="ja">: write one of yes, no' "a choice not allowed"
[ -e "$T/typo.pdf" ] && fail "a bad template wrote a PDF" || pass "a bad template writes no PDF"
run "$PLANGEN" render -t "$T/typo.xml" "$ZH" -o "$T/typo.pdf"
expect_rc 2 "a misspelt template, Chinese plan"
expect_err 'typo\.xml:3: 错误: <colour> 不是此处可用的模板元素：是不是要写 <colors>？ \[template\]' "did you mean, in Chinese"
expect_err 'typo\.xml:4: 错误: <colors primary="navy">：颜色要写成 # 加六位十六进制数字，例如 #1F3A5F：请写 primary="#000080"' "colour advice, in Chinese"
expect_err '：模板无效$' "the summary in Chinese"
expect_no_out 'Expecting|failed to validate|Invalid sequence|did you mean|invalid template|element' "no libxml2 or English words for a Chinese plan"
run "$PLANGEN" render -t "$T/typo.xml" --lang zh-CN "$EN" -o "$T/typo.pdf"
expect_err '是不是要写 <colors>' "--lang zh-CN: template messages in Chinese"

# the old refusal: a template with only colours and no extends says what
# it lacks and how to inherit it, not "Expecting an element page"
cat >"$T/noext.xml" <<'X'
<template version="1">
  <colors primary="#7A1F5C"/>
</template>
X
run "$PLANGEN" render -t "$T/noext.xml" "$EN" -o "$T/x.pdf"
expect_rc 2 "a partial template without extends"
expect_err 'noext\.xml:1: error: the template has no <page>: give it, or write <template extends="default">' "it is told how to inherit"
expect_err 'noext\.xml:2: error: <colors> has no text: give it, or write <template extends="default">' "a missing colour: named"
expect_no_out 'Expecting|Invalid sequence|interleave' "no raw validator text"

# a namespace prefix where a template has none
printf '<template version="1" extends="default" xmlns:x="urn:x">\n  <colors x:primary="#112233"/>\n</template>\n' >"$T/ns.xml"
run "$PLANGEN" render -t "$T/ns.xml" "$EN" -o "$T/x.pdf"
expect_rc 2 "a namespaced attribute"
expect_err 'ns\.xml:2: error: <colors x:primary>: template attributes have no namespace prefix: remove x:primary' "the prefix is named"

# extends: a misspelt name, a loop, too deep
printf '<template version="1" extends="defualt"/>\n' >"$T/e1.xml"
run "$PLANGEN" render -t "$T/e1.xml" "$EN" -o "$T/x.pdf"
expect_rc 2 "extends a template that does not exist"
expect_err "e1\\.xml:1: error: extends=\"defualt\": no template named 'defualt': did you mean 'default'\\?" "extends: did you mean"
printf '<template version="1" extends="c2.xml"/>\n' >"$T/c1.xml"
printf '<template version="1" extends="c1.xml"/>\n' >"$T/c2.xml"
run "$PLANGEN" render -t "$T/c1.xml" "$EN" -o "$T/x.pdf"
expect_rc 2 "templates extending each other in a loop"
expect_err 'c2\.xml:1: error: extends="c1\.xml" goes round in a loop \(c1\.xml → c2\.xml → c1\.xml\)' "the loop is named"
printf '<template version="1" extends="self.xml"/>\n' >"$T/self.xml"
run "$PLANGEN" render -t "$T/self.xml" "$ZH" -o "$T/x.pdf"
expect_rc 2 "a template extending itself"
expect_err '形成了循环' "the loop, in Chinese"
i=1
while [ $i -le 10 ]; do printf '<template version="1" extends="d%d.xml"/>\n' $((i + 1)) >"$T/d$i.xml"; i=$((i + 1)); done
printf '<template version="1" extends="board"/>\n' >"$T/d11.xml"
run "$PLANGEN" render -t "$T/d1.xml" "$EN" -o "$T/x.pdf"
expect_rc 2 "extends too deep"
expect_err 'more than 8 deep' "the depth limit is named"
printf '<template version="1" extends="d5.xml"/>\n' >"$T/d4.xml"
printf '<template version="1" extends="board"/>\n' >"$T/d5.xml"
run "$PLANGEN" render -t "$T/d4.xml" "$EN" -o "$T/d4.pdf"
expect_rc 0 "a chain of three templates ending in board"

# a label key misspelt: did you mean
cat >"$T/lab.xml" <<'X'
<template version="1" extends="default">
  <labels><label key="goals.headng" en="Aims"/></labels>
</template>
X
run "$PLANGEN" render -t "$T/lab.xml" "$EN" -o "$T/x.pdf"
expect_rc 2 "an unknown label key"
expect_err "lab\\.xml:2: error: unknown label key 'goals.headng': did you mean 'goals.heading'\\?" "label key: did you mean"

## ---- the palette check -------------------------------------------------

cat >"$T/pal.xml" <<'X'
<template version="1" extends="default">
  <palette>
    <color value="#1F3A5F"/>
    <color value="#C8102E"/>
    <color value="#1F3B61"/>
  </palette>
</template>
X
run "$PLANGEN" render -t "$T/pal.xml" "$EN" -o "$T/x.pdf"
expect_rc 2 "a palette with two colours too close"
expect_err 'pal\.xml:2: error: <palette>: colours 1 \(#1F3A5F\) and 3 \(#1F3B61\) are too close to tell apart' "the two colours are named"
cat >"$T/grey.xml" <<'X'
<template version="1" extends="default">
  <palette><color value="#FF0000"/><color value="#008B00"/></palette>
</template>
X
run "$PLANGEN" render -t "$T/grey.xml" "$ZH" -o "$T/x.pdf"
expect_rc 2 "a palette whose colours are one grey"
expect_err '第 1 个颜色（#FF0000）和第 2 个颜色（#008B00）在黑白打印时看起来一样' "grey-scale clash, in Chinese"

## ---- logos: every kind a plan's image may be ----------------------------

# logo_case NAME FILE W H COLOUR SMASK — render with FILE as the logo; the
# PDF holds it at W x H in COLOUR (rgb/gray) with (yes) or without a soft mask
logo_case() {
	mkdir -p "$T/lg"
	cp "$2" "$T/lg/$1"
	printf '<template version="1" extends="default">\n  <logo src="%s" width="25"/>\n</template>\n' "$1" >"$T/lg/t.xml"
	run "$PLANGEN" render -t "$T/lg/t.xml" "$EN" -o "$T/lg.pdf"
	expect_rc 0 "logo $1 renders"
	pdfimages -list -f 1 -l 1 "$T/lg.pdf" >"$T/lg.list" 2>/dev/null
	if awk -v w="$3" -v h="$4" -v c="$5" 'NR > 2 && $3 == "image" && $4 == w && $5 == h && $6 == c && $8 == 8 { ok = 1 } END { exit !ok }' "$T/lg.list"
	then pass "logo $1: drawn at $3x$4, $5, 8 bits (pdfimages)"
	else fail "logo $1: not drawn at $3x$4 $5 8 bits"; cat "$T/lg.list"; fi
	if [ "$6" = yes ]; then
		awk -v w="$3" 'NR > 2 && $3 == "smask" && $4 == w { ok = 1 } END { exit !ok }' "$T/lg.list" &&
			pass "logo $1: its transparency is a soft mask" || { fail "logo $1: no soft mask"; cat "$T/lg.list"; }
	fi
}
png "$T/rgb16.png" 64 24 2 16
logo_case rgb16.png "$T/rgb16.png" 64 24 rgb no
png "$T/grey8.png" 40 20 0 8
logo_case grey8.png "$T/grey8.png" 40 20 gray no
png "$T/pal.png" 36 18 3 8
logo_case palette.png "$T/pal.png" 36 18 rgb yes
png "$T/rgba.png" 50 30 6 8
logo_case rgba.png "$T/rgba.png" 50 30 rgb yes
png "$T/ga16.png" 30 30 4 16
logo_case grey-alpha16.png "$T/ga16.png" 30 30 gray yes
# a progressive JPEG (made by tests/data/rules/img/make-jpeg.c): kept as JPEG
mkdir -p "$T/lg"
cp "$SRCDIR/tests/data/rules/img/progressive.jpg" "$T/lg/prog.jpg"
printf '<template version="1" extends="default">\n  <logo src="prog.jpg"/>\n</template>\n' >"$T/lg/t.xml"
run "$PLANGEN" render -t "$T/lg/t.xml" "$EN" -o "$T/lg.pdf"
expect_rc 0 "a progressive JPEG logo renders"
pdfimages -list -f 1 -l 1 "$T/lg.pdf" 2>/dev/null | awk 'NR > 2 && $4 == 48 && $5 == 32 && $6 == "rgb" && $9 == "jpeg" { ok = 1 } END { exit !ok }' &&
	pass "progressive JPEG logo: 48x32 rgb jpeg (pdfimages)" || fail "progressive JPEG logo not in the PDF as JPEG"
# ImageMagick's own 16-bit PNG, when it is installed (not needed: the
# python-written 16-bit PNG above is the test)
if command -v convert >/dev/null 2>&1; then
	convert -size 80x40 gradient:'#7A1F5C-#F2A900' -depth 16 "png48:$T/im16.png" 2>/dev/null &&
		logo_case im16.png "$T/im16.png" 80 40 rgb no
fi
# unreadable logos: a clear error naming the file
printf 'not a picture' >"$T/lg/bad.png"
printf '<template version="1" extends="default">\n  <logo src="bad.png"/>\n</template>\n' >"$T/lg/bad.xml"
run "$PLANGEN" render -t "$T/lg/bad.xml" "$EN" -o "$T/x.pdf"
expect_rc 2 "a logo that is not an image"
expect_err 'bad\.xml:2: error: logo .*lg/bad\.png is not a readable PNG or JPEG file: it is not a PNG or JPEG file' "the bad logo is named, with why"
head -c 300 "$T/rgba.png" >"$T/lg/cut.png"
printf '<template version="1" extends="default">\n  <logo src="cut.png"/>\n</template>\n' >"$T/lg/cut.xml"
run "$PLANGEN" render -t "$T/lg/cut.xml" "$ZH" -o "$T/x.pdf"
expect_rc 2 "a logo cut short"
expect_err 'cut\.png 不是可读取的 PNG 或 JPEG 文件：它已损坏或不完整' "a damaged logo, in Chinese"
cp "$SRCDIR/tests/data/rules/img/cmyk.jpg" "$T/lg/cmyk.jpg"
printf '<template version="1" extends="default">\n  <logo src="cmyk.jpg"/>\n</template>\n' >"$T/lg/cmyk.xml"
run "$PLANGEN" render -t "$T/lg/cmyk.xml" "$EN" -o "$T/x.pdf"
expect_rc 2 "a CMYK logo"
expect_err 'it is a CMYK JPEG' "a CMYK logo is refused with why"

## ---- the logo in the running header ------------------------------------

printf '<template version="1" extends="brand.xml">\n  <logo header="yes"/>\n</template>\n' >"$T/brand/head.xml"
run "$PLANGEN" render -t "$T/brand/head.xml" "$EN" -o "$T/head.pdf"
expect_rc 0 "a template with the logo in the header"
n=$(pdfimages -list "$T/head.pdf" 2>/dev/null | awk 'NR > 2 && $1 >= 2 && $4 == 120 && $5 == 48' | wc -l)
[ "$n" -ge 3 ] && pass "the logo stands in the running header of later pages ($n)" || fail "the logo is not in the header ($n)"
[ -s "$T/head.pdf" ] && pdf_check "$T/head.pdf" "logo in the header"

## ---- one brand for a project: .plangen beside the plans -----------------

mkdir -p "$T/proj"
cp "$EN" "$T/proj/plan.xml"
cp -R "$SRCDIR/samples/img" "$T/proj/img" 2>/dev/null
printf '# the brand of this folder'"'"'s plans\ntemplate = ../brand/brand.xml\n' >"$T/proj/.plangen"
run "$PLANGEN" render "$T/proj/plan.xml" -o "$T/proj.pdf"
expect_rc 0 "render with a .plangen file beside the plan"
n=$(pdfimages -list "$T/proj.pdf" 2>/dev/null | awk 'NR > 2 && $4 == 120 && $5 == 48' | wc -l)
[ "$n" -ge 1 ] && pass ".plangen names the brand template (its logo is drawn)" || fail ".plangen was not used"
run "$PLANGEN" render -t default "$T/proj/plan.xml" -o "$T/proj2.pdf"
expect_rc 0 "-t with a .plangen file"
n=$(pdfimages -list "$T/proj2.pdf" 2>/dev/null | awk 'NR > 2 && $4 == 120 && $5 == 48' | wc -l)
[ "$n" -eq 0 ] && pass "-t wins over .plangen" || fail "-t did not win over .plangen"
printf 'template = board\n' >"$T/proj/.plangen"
run "$PLANGEN" render "$T/proj/plan.xml" -o "$T/proj3.pdf"
expect_rc 0 ".plangen naming a built-in template"
w=$(pdfinfo "$T/proj3.pdf" 2>/dev/null | awk '/^Page size:/ { print int($3) }')
[ "$w" = 841 ] && pass ".plangen: template = board gives landscape pages" || fail ".plangen board: page width $w"
printf 'templte = board\n' >"$T/proj/.plangen"
run "$PLANGEN" render "$T/proj/plan.xml" -o "$T/proj4.pdf"
expect_rc 2 "a .plangen file with an unknown setting"
expect_err "proj/\\.plangen:1: unknown setting 'templte'" "the bad setting is named with file:line"
rm -f "$T/proj/.plangen"

## ---- --paper A4|Letter for every template --------------------------------

for tp in default board; do
	for pl in "$EN" "$ZH"; do
		b=$(basename "$pl" .xml)
		run "$PLANGEN" render -t $tp --paper Letter "$pl" -o "$T/$tp-$b-letter.pdf"
		expect_rc 0 "$tp, $b on Letter"
		sz=$(pdfinfo "$T/$tp-$b-letter.pdf" 2>/dev/null | awk '/^Page size:/ { print $3 "x" $5 }')
		case $tp in
		default) want=612x792 ;;
		*) want=792x612 ;;
		esac
		[ "$sz" = "$want" ] && pass "$tp, $b: Letter pages ($sz)" || fail "$tp, $b: page size $sz, not $want"
		[ -s "$T/$tp-$b-letter.pdf" ] && pdf_check "$T/$tp-$b-letter.pdf" "$tp, $b on Letter"
	done
done
run "$PLANGEN" render --paper A3 "$EN" -o "$T/x.pdf"
expect_rc 2 "--paper A3 is a usage error"
expect_err '\-\-paper A3: write A4 or Letter' "--paper names what it takes"
printf '<template version="1" extends="default"><page size="Letter"/></template>\n' >"$T/letter.xml"
run "$PLANGEN" render -t "$T/letter.xml" --paper a4 "$EN" -o "$T/a4.pdf"
sz=$(pdfinfo "$T/a4.pdf" 2>/dev/null | awk '/^Page size:/ { print int($3) "x" int($5) }')
[ "$sz" = 595x841 ] && pass "--paper A4 wins over the template's Letter" || fail "--paper a4: $sz"

## ---- figures in the template's colours ----------------------------------

# count PDF HEX — pixels (all pages at 30 dpi) within 6 of the colour HEX
count() {
	pdftoppm -r 30 "$1" "$T/cnt" 2>/dev/null
	python3 - "$2" "$T"/cnt*.ppm <<'PY'
import sys
want = bytes.fromhex(sys.argv[1])
n = 0
for p in sys.argv[2:]:
    d = open(p, "rb").read()
    parts = d.split(maxsplit=4)
    raw = parts[4]
    for i in range(0, len(raw) - 2, 3):
        if abs(raw[i] - want[0]) <= 6 and abs(raw[i + 1] - want[1]) <= 6 and abs(raw[i + 2] - want[2]) <= 6:
            n += 1
print(n)
PY
	rm -f "$T"/cnt*.ppm
}
run "$PLANGEN" render -t board "$EN" -o "$T/board.pdf"
expect_rc 0 "board renders"
navy=$(count "$T/board.pdf" 2F5D8A)
[ "$navy" -eq 0 ] && pass "board: no built-in navy left in the figures" || fail "board: $navy pixels of the built-in navy #2F5D8A"
teal=$(count "$T/board.pdf" 0F4C5C)
[ "$teal" -gt 0 ] && pass "board: its teal is drawn" || fail "board: no teal"
run "$PLANGEN" render -t "$T/brand/brand.xml" "$EN" -o "$T/brand-fig.pdf"
plum=$(count "$T/brand-fig.pdf" 7A1F5C)
base=$(count "$T/brand-en.pdf" 7A1F5C)
[ "$plum" -gt 0 ] && pass "a brand's primary colour reaches the figures" || fail "no brand colour in the figures"

finish
