#!/bin/sh
# pdf.sh — the PDF writer and font loader, checked with real PDF readers:
# tests/unit/pdf_demo draws a known two-page document (Chinese and English,
# real and fake bold/italic, shapes, a link, Chinese bookmarks) and qpdf,
# poppler (pdffonts, pdftotext, pdfinfo) and mupdf read it back.
. "$SRCDIR/tests/e2e/lib.sh"

DEMO="$BUILDDIR/tests/unit/pdf_demo"
need_pdf_tools
need_tools pdftohtml fc-list

run "$DEMO" "$T/a.pdf"
expect_rc 0 "pdf_demo writes a PDF"

run qpdf --check "$T/a.pdf"
expect_rc 0 "qpdf --check passes"

# every font embedded, subset and with a ToUnicode map
run pdffonts "$T/a.pdf"
nfonts=$(awk 'NR > 2' "$T/out" | wc -l)
nok=$(awk 'NR > 2 && $(NF-4) == "yes" && $(NF-3) == "yes" && $(NF-2) == "yes"' "$T/out" | wc -l)
if [ "$nfonts" -ge 2 ] && [ "$nfonts" -eq "$nok" ]; then pass "all $nfonts fonts embedded, subset, with ToUnicode"
else fail "fonts not all embedded+subset ($nok of $nfonts)"; cat "$T/out"; fi
expect_out 'WenQuanYiMicroHei' "the CJK face is WenQuanYi Micro Hei"
expect_out '[+]LiberationSans-Bold' "Latin bold is a real bold face"

# text extraction is exact and warning-free
run pdftotext "$T/a.pdf" -
expect_rc 0 "pdftotext reads it"
if [ -s "$T/err" ]; then fail "pdftotext warns"; sed 's/^/  err: /' "$T/err"; else pass "pdftotext prints no warning"; fi
for s in "市场营销计划" "Marketing Plan for Acme Services" "Bold Latin heading" \
    "Italic Latin emphasis" "Bold italic Latin" "我们的目标是提高品牌知名度。" \
    "粗体中文标题" "斜体中文强调" "鬱龘齉爨" "见第 2 页" "Axis label" \
    "第二章 目标" "Goals and KPIs"; do
	if tr -d '\014' <"$T/out" | grep -Fqx -- "$s"; then pass "text: $s"
	else fail "text not extracted exactly: $s"; fi
done
# each face's own codes map back exactly: all of printable ASCII (codes
# whose bytes a PDF string escapes), Latin-1, Latin through the CJK face,
# and 300 scattered ideographs (over 256 codes, over 100 map entries)
tr -d '\014' <"$T/out" >"$T/text"
for s in 'ASCII !"#$%&'"'"'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\]^_`abcdefghijklmnopqrstuvwxyz{|}~' \
    "àáâãäåæçèéêëìíîïðñòóôõöøùúûüýþÿ ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖØÙÚÛÜÝÞß" \
    "Q3 目标 2027 (mixed)"; do
	if grep -Fqx -- "$s" "$T/text"; then pass "text: $s"
	else fail "text not extracted exactly: $s"; fi
done
if command -v python3 >/dev/null 2>&1; then
	python3 -c '
for i in range(10):
    print("".join(chr(0x4E00 + 37 * (30 * i + k)) for k in range(30)))' >"$T/ideo"
	if grep -Fxf "$T/ideo" "$T/text" | cmp -s - "$T/ideo"; then
		pass "300 scattered ideographs extracted exactly, in order"
	else
		fail "scattered ideographs not extracted exactly"
		grep -Fxvf "$T/text" "$T/ideo" | head -3
	fi
fi
# after a run of zero width, the next run on the baseline is at its x
run pdftotext -f 2 -l 2 -bbox "$T/a.pdf" -
expect_out '<word xMin="72\.0+" [^>]*>Alpha</word>' "Alpha at x 72"
expect_out '<word xMin="200\.0+" [^>]*>Zeta</word>' "Zeta at x 200 after a zero-width run"
run pdftotext "$T/a.pdf" -
if grep -q "$(printf '\357\277\275')" "$T/out"; then fail "U+FFFD in extracted text"
else pass "no U+FFFD in extracted text"; fi

run pdfinfo "$T/a.pdf"
expect_out '^Title: +市场营销计划 Marketing Plan 2027$' "pdfinfo shows the Chinese title"
expect_out '^Author: +张伟$' "pdfinfo shows the author"
expect_out '^Pages: +2$' "two pages"
expect_out '^CreationDate: +Thu Jan +1 00:00:00 2026 UTC$' "creation date from frames->date"
expect_out '^Producer: +plangen ' "producer is plangen"

run mutool show "$T/a.pdf" outline
expect_out '"第一章 概述"' "bookmark in Chinese"
expect_out '^\|[[:space:]]+"1.1 背景"' "level-1 bookmark nested under level 0"
expect_out '"第二章 目标".*page=2' "bookmark to page 2"

# the link on page 1 goes to page 2; the catalog says the language
run pdftohtml -xml -stdout -i -q "$T/a.pdf"
expect_out 'href="[^"]*#2">见第 2 页</a>' "the link over 见第 2 页 goes to page 2"
run qpdf --qdf --object-streams=disable "$T/a.pdf" "$T/q.pdf"
run grep -a -c '/Subtype /Link' "$T/q.pdf"
expect_out '^1$' "one link annotation"
run grep -a '/Lang' "$T/q.pdf"
expect_out '/Lang \(zh-CN\)' "catalog /Lang is zh-CN"

# determinism (the /ID comes from the content, not the time of writing)
run "$DEMO" "$T/b.pdf"
if cmp -s "$T/a.pdf" "$T/b.pdf"; then pass "two writes are byte-identical"
else fail "two writes differ"; fi
if grep -aq "^/ID \\[ <[0-9A-F]\\{32\\}> <[0-9A-F]\\{32\\}> \\]" "$T/a.pdf"; then
	pass "the trailer has an /ID"
else fail "the trailer has no /ID"; fi

pdf_check "$T/a.pdf" "pdf_demo"

# a preferred family that does not exist falls back to the defaults
run env PG_DEMO_LATIN="No Such Sans" PG_DEMO_CJK="No Such Hei" "$DEMO" "$T/c.pdf"
expect_rc 0 "bogus preferred families fall back"
run pdffonts "$T/c.pdf"
expect_out 'WenQuanYiMicroHei' "fallback CJK face found"
pdf_check "$T/c.pdf" "fallback faces"

# only the CJK font installed: it draws the Latin text too
wqy=$(fc-list -f '%{file}\n' 'WenQuanYi Micro Hei' | head -n 1)
printf '<?xml version="1.0"?>\n<fontconfig><dir>%s</dir><cachedir>%s</cachedir></fontconfig>\n' \
    "$(dirname "$wqy")" "$T/fccache" >"$T/wqy.conf"
run env FONTCONFIG_FILE="$T/wqy.conf" "$DEMO" "$T/d.pdf"
expect_rc 0 "without a Latin family the CJK face is used"
run pdffonts "$T/d.pdf"
expect_no_out 'Liberation|DejaVu' "no Latin font embedded"
run pdftotext "$T/d.pdf" -
expect_out '^Marketing Plan for Acme Services$' "Latin text drawn with the CJK face"
pdf_check "$T/d.pdf" "Latin text in the CJK face"

# no fonts at all: exit 2 naming the Debian package
printf '<?xml version="1.0"?>\n<fontconfig><cachedir>%s</cachedir></fontconfig>\n' "$T/fccache" >"$T/empty.conf"
run env FONTCONFIG_FILE="$T/empty.conf" "$DEMO" "$T/e.pdf"
expect_rc 2 "no CJK font is an error"
expect_err 'no CJK TrueType font found.*install fonts-wqy-microhei' "message names the package"
if [ -e "$T/e.pdf" ]; then fail "a PDF was written without fonts"; else pass "nothing written"; fi

finish
