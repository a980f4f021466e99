#!/bin/sh
# limits.sh — what check passes, render draws: a title and an author of
# 65,536 bytes (libharu refuses a string over 65,535 bytes: "libharu error
# 0x105B", exit 2) render; the PDF's document information and bookmarks
# carry them cut at 4,000 bytes with "…", the XMP metadata the same, and
# render says so in a note (file:line); the cover (and a slide deck's title
# slide, a brief's title block) prints a start that fits, with "…" and a
# note, and the running heads and feet are fitted.
. "$SRCDIR/tests/e2e/lib.sh"
need_pdf_tools

python3 - "$SRCDIR/samples/plan-en.xml" long.xml <<'PY'
import re, sys
s = open(sys.argv[1], encoding="utf-8").read()
words = ("Clinic " * 9363)[:65536]          # 65,536 bytes of words
s = re.sub(r"<title>[^<]*</title>", "<title>" + words + "</title>", s, count=1)
s = re.sub(r"<author>[^<]*</author>", "<author>" + "é" * 32768 + "</author>", s, count=1)
open(sys.argv[2], "w", encoding="utf-8").write(s)
PY
run "$PLANGEN" check long.xml
expect_rc 0 "check passes a 65,536-byte title and author"
run "$PLANGEN" render long.xml -o long.pdf
expect_rc 0 "render draws what check passed"
expect_no_out 'libharu error' "no libharu error"
# what the PDF's labels keep only in part is said, with the line, once
tl=$(grep -n '<title>' long.xml | head -1 | cut -d: -f1)
al=$(grep -n '<author>' long.xml | head -1 | cut -d: -f1)
expect_err "^long.xml:$tl: note: the title is 65536 bytes: the PDF's document properties keep its first 4000 bytes" "render notes the title kept in part in the labels, with its line"
expect_err "^long.xml:$tl: note: the title is too long for the cover: the cover prints its first [0-9]+ of 65536 bytes, ending with \"…\"; shorten it" "and that the cover prints only its start"
expect_err "^long.xml:$al: note: the author is 65536 bytes" "and the author"
run "$PLANGEN" render -q long.xml -o long.pdf
expect_no_out "note:" "-q hides the notes"
run "$PLANGEN" render --lang zh-CN long.xml -o long.pdf
expect_err "^long.xml:$tl: 提示: 标题长 65536 字节：PDF 文档属性只保留前 4000 字节" "the note in Chinese"
expect_err "^long.xml:$tl: 提示: 标题太长，封面放不下：封面只印出它的前 [0-9]+ 字节（共 65536 字节）" "the cover's note in Chinese"
# every template keeps such a title on its pages: nothing off the page or
# over the running foot, and the brief stays two pages
for t in default board brief deck; do
	run "$PLANGEN" render -q -t $t long.xml -o long-$t.pdf
	expect_rc 0 "$t: a 65,536-byte title and author render"
	pdf_check long-$t.pdf "$t, a 65,536-byte title"
done
n=$(pdfinfo long-brief.pdf | awk '/^Pages:/ { print $2 }')
[ "$n" -le 2 ] && pass "the brief of it is $n pages" || fail "the brief of it is $n pages"
if [ -s long.pdf ] && qpdf --check long.pdf >/dev/null 2>&1; then pass "the PDF is valid"; else fail "no valid PDF"; fi
title=$(pdfinfo -enc UTF-8 long.pdf 2>/dev/null | sed -n 's/^Title: *//p')
case $title in
Clinic\ Clinic*…) pass "the document title is cut with …" ;;
*) fail "the document title: $(printf '%s' "$title" | head -c 80)" ;;
esac
n=$(printf '%s' "$title" | wc -c)
if [ "$n" -le 4003 ] && [ "$n" -ge 3990 ]; then pass "the document title is cut at 4,000 bytes ($n)"; else fail "the document title is $n bytes"; fi
author=$(pdfinfo -enc UTF-8 long.pdf 2>/dev/null | sed -n 's/^Author: *//p')
case $author in
éé*…) pass "the author is cut at a character boundary" ;;
*) fail "the author: $(printf '%s' "$author" | head -c 80)" ;;
esac
# the XMP metadata carries the same cut values as the document information
qpdf --qdf --object-streams=disable long.pdf q.pdf 2>/dev/null
xt=$(python3 -c 'import re, sys
s = open(sys.argv[1], "rb").read().decode("utf-8", "replace")
m = re.search(r"<dc:title><rdf:Alt><rdf:li[^>]*>(.*?)</rdf:li>", s, re.S)
print(m.group(1) if m else "")' q.pdf)
if [ -n "$xt" ] && [ "$xt" = "$title" ]; then pass "XMP dc:title is the Info title, cut the same"
else fail "XMP dc:title ($(printf '%s' "$xt" | wc -c) bytes) differs from the Info title"; fi
finish
