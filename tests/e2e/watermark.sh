#!/bin/sh
# watermark.sh — a draft's DRAFT / 草稿 watermark (issue 9): on every page
# of a draft (report, board, deck), the first thing drawn (under the
# text), light, on the diagonal, an artifact of the tagged PDF, drawn as
# glyph outlines: no text of it reaches pdftotext (no stray letters
# between the body's lines) and pdf-lint and pdfcheck find nothing,
# without being told to ignore it.  The small mark in the header stays
# the draft's text, and a long title no longer runs into it.  No
# watermark without --draft.
. "$SRCDIR/tests/e2e/lib.sh"

need_pdf_tools
export SOURCE_DATE_EPOCH=1790000000

cat >wm.py <<'PY'
import re, sys
# stdin: mutool trace of a PDF; prints one line a page: the page number,
# whether its first drawing is a light, large path in an Artifact layer,
# and its extent
page = None; first = None; layer = None; pts = []; col = None; out = []
def flush():
    if page is not None:
        out.append("%d %s" % (page, first or "none"))
for line in sys.stdin:
    m = re.match(r'<page number="(\d+)" mediabox="[\d. ]+ ([\d.]+) ([\d.]+)"', line)
    if m:
        flush(); page = int(m.group(1)); first = None; layer = None
        W, H = float(m.group(2)), float(m.group(3)); continue
    m = re.match(r'<layer name="([^"]+)"', line)
    if m:
        layer = m.group(1); continue
    if first is None and re.match(r'<(fill_text|stroke_path|fill_image)', line):
        first = "other"; continue
    m = re.match(r'<fill_path .*color="([\d. ]+)"', line)
    if m and first is None:
        col = [float(v) for v in m.group(1).split()]; pts = []; continue
    m = re.search(r'<(?:moveto|lineto|curveto) x3?="[-\d.]+"', line)
    if col is not None and first is None and line.strip().startswith(('<moveto', '<lineto', '<curveto')):
        for x, y in re.findall(r'x3?="([-\d.]+)" y3?="([-\d.]+)"', line)[-1:]:
            pts.append((float(x), float(y)))
        continue
    if line.strip() == '</fill_path>' and col is not None and first is None:
        xs = [p[0] for p in pts]; ys = [p[1] for p in pts]
        light = min(col) > 0.8
        big = (max(xs) - min(xs)) > W * 0.4 and (max(ys) - min(ys)) > H * 0.3
        first = "watermark" if light and big and layer == "Artifact" else \
            "path(light=%s big=%s layer=%s)" % (light, big, layer)
        col = None
flush()
print("\n".join(out))
PY

# marked PDF DESC — every page's first drawing is the watermark
marked() {
	mutool trace "$1" 2>/dev/null | python3 wm.py >wm.out
	n=$(pdfinfo "$1" | awk '/^Pages:/ { print $2 }')
	w=$(grep -c ' watermark$' wm.out)
	if [ "$w" -eq "$n" ]; then pass "$2: the watermark under every page ($n)"
	else fail "$2: watermark on $w of $n pages"; grep -v ' watermark$' wm.out | head -5; fi
}

# no_letters PDF DESC — pdftotext -layout has no line of stray capitals
# (D, R, A, F, T or 草, 稿 alone or spaced out) and the mark once a page
no_letters() {
	pdftotext -layout "$1" layout.txt
	if grep -qE '^ *([DRAFT草稿] +)*[DRAFT草稿] *$' layout.txt; then
		fail "$2: letters of the mark between the lines"
		grep -nE '^ *([DRAFT草稿] +)*[DRAFT草稿] *$' layout.txt | head -3
	else pass "$2: no letters of the mark in the text"; fi
	n=$(pdfinfo "$1" | awk '/^Pages:/ { print $2 }')
	k=$(grep -c "$3" layout.txt)
	if [ "$k" -eq "$n" ]; then pass "$2: the header's mark once a page"
	else fail "$2: the mark's text on $k lines, $n pages"; fi
}

EN="$SRCDIR/samples/plan-en.xml"
ZH="$SRCDIR/samples/plan-zh-CN.xml"
"$PLANGEN" render -q --draft -o d-en.pdf "$EN" >/dev/null 2>&1
"$PLANGEN" render -q --draft -t board -o d-zh-board.pdf "$ZH" >/dev/null 2>&1
"$PLANGEN" render -q --draft -t deck -o d-en-deck.pdf "$EN" >/dev/null 2>&1
"$PLANGEN" render -q -o final.pdf "$EN" >/dev/null 2>&1
marked d-en.pdf "en draft"
marked d-zh-board.pdf "zh board draft"
marked d-en-deck.pdf "en deck draft"
no_letters d-en.pdf "en draft" DRAFT
no_letters d-zh-board.pdf "zh board draft" 草稿
mutool trace final.pdf 2>/dev/null | python3 wm.py >wm.out
if grep -q ' watermark$' wm.out; then fail "a final PDF has a watermark"
else pass "no watermark without --draft"; fi
pdf_check d-en.pdf "en draft"
pdf_check d-zh-board.pdf "zh board draft"

# a long title runs into the header's mark no more
sed 's|<title>Brightwell Physiotherapy Marketing Plan 2027</title>|<title>Brightwell Physiotherapy Marketing Plan 2027 for self-pay, insured and corporate patients across Greater Manchester</title>|' \
    "$EN" >long.xml
"$PLANGEN" render -q --draft -o d-long.pdf long.xml >/dev/null 2>&1
pdf_check d-long.pdf "a long title in a draft"
# the header's words keep clear of the mark's badge (its padding is half
# the mark's size, 6 pt): at least 9 pt from the mark's text either side
gap=$(pdftotext -f 3 -l 3 -bbox d-long.pdf - | python3 -c '
import re, sys
ws = [(float(a), float(b), float(c), w) for a, b, c, w in re.findall(
    r"<word xMin=\"([\d.]+)\" yMin=\"([\d.]+)\" xMax=\"([\d.]+)\" yMax=\"[\d.]+\">([^<]*)</word>",
    sys.stdin.read())]
hd = [w for w in ws if w[1] < 60]
d = [w for w in hd if w[3] == "DRAFT"][0]
gaps = [w[0] - d[2] for w in hd if w[0] > d[2]] + [d[0] - w[2] for w in hd if w[2] < d[0]]
print("%.0f" % min(gaps))')
if [ "${gap:-0}" -ge 9 ]; then pass "a long title keeps clear of the header's mark ($gap pt)"
else fail "a long title runs into the header's mark (${gap:-?} pt)"; fi

finish
