#!/bin/sh
# gantt.sh — the action timeline a designer signs off (issue 9): labels are
# wrapped, never cut with "…"; every action's id and title and every
# milestone is on the chart; actions are grouped by category (each group
# named once, its rows together) with the milestones as the last group;
# quarter labels over the axis; the bars of neighbouring groups differ in
# colour (CIEDE2000) and in lightness (a grey-scale print), every two
# categories' bars in colour; a template's <palette> (board) still gives
# the colours.  The Gantt page is found by its caption; its drawing is
# read with mutool trace.
. "$SRCDIR/tests/e2e/lib.sh"

need_pdf_tools
export SOURCE_DATE_EPOCH=1790000000

# gantt_page PDF CAPTION — the number of the page that carries the caption
gantt_page() {
	_n=$(pdfinfo "$1" | awk '/^Pages:/ { print $2 }')
	_p=4
	while [ "$_p" -le "$_n" ]; do
		if pdftotext -f "$_p" -l "$_p" "$1" - 2>/dev/null | grep -q "$2"; then
			echo "$_p"; return 0
		fi
		_p=$((_p + 1))
	done
	echo 0
}

# colours PDF PAGE SAMPLE PALETTE — the bars' fill colours down the chart,
# checked: neighbouring groups ΔE2000 >= MIN and ΔL* >= 10, every pair
# ΔE2000 >= MIN; PALETTE (comma-separated hex, or -) must hold them all
cat >colours.py <<'PY'
import math, re, sys
def lin(c): return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4
def f(t): return t ** (1 / 3) if t > 216 / 24389 else (24389 / 27 * t + 16) / 116
def lab(rgb):
    r, g, b = [lin(c) for c in rgb]
    x = (0.4124564 * r + 0.3575761 * g + 0.1804375 * b) / 0.95047
    y = 0.2126729 * r + 0.7151522 * g + 0.0721750 * b
    z = (0.0193339 * r + 0.1191920 * g + 0.9503041 * b) / 1.08883
    return 116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))
def de(c1, c2):
    L1, a1, b1 = lab(c1); L2, a2, b2 = lab(c2)
    C1 = math.hypot(a1, b1); C2 = math.hypot(a2, b2); Cm = (C1 + C2) / 2
    G = 0.5 * (1 - math.sqrt(Cm ** 7 / (Cm ** 7 + 25 ** 7)))
    a1p, a2p = (1 + G) * a1, (1 + G) * a2
    C1p, C2p = math.hypot(a1p, b1), math.hypot(a2p, b2)
    h1 = math.degrees(math.atan2(b1, a1p)) % 360 if C1p else 0
    h2 = math.degrees(math.atan2(b2, a2p)) % 360 if C2p else 0
    dL, dC = L2 - L1, C2p - C1p
    if C1p * C2p == 0: dh = 0
    elif abs(h2 - h1) <= 180: dh = h2 - h1
    else: dh = h2 - h1 - 360 if h2 - h1 > 180 else h2 - h1 + 360
    dH = 2 * math.sqrt(C1p * C2p) * math.sin(math.radians(dh / 2))
    Lm, Cmp = (L1 + L2) / 2, (C1p + C2p) / 2
    if C1p * C2p == 0: hm = h1 + h2
    elif abs(h1 - h2) <= 180: hm = (h1 + h2) / 2
    else: hm = (h1 + h2 + 360) / 2 if h1 + h2 < 360 else (h1 + h2 - 360) / 2
    T = (1 - 0.17 * math.cos(math.radians(hm - 30)) + 0.24 * math.cos(math.radians(2 * hm))
         + 0.32 * math.cos(math.radians(3 * hm + 6)) - 0.2 * math.cos(math.radians(4 * hm - 63)))
    dth = 30 * math.exp(-((hm - 275) / 25) ** 2)
    Rt = -2 * math.sqrt(Cmp ** 7 / (Cmp ** 7 + 25 ** 7)) * math.sin(math.radians(2 * dth))
    Sl = 1 + 0.015 * (Lm - 50) ** 2 / math.sqrt(20 + (Lm - 50) ** 2)
    Sc, Sh = 1 + 0.045 * Cmp, 1 + 0.015 * Cmp * T
    return math.sqrt((dL / Sl) ** 2 + (dC / Sc) ** 2 + (dH / Sh) ** 2 + Rt * (dC / Sc) * (dH / Sh))
sample, palette = sys.argv[1], sys.argv[2]
bars, cur, pts = [], None, []
for line in sys.stdin:
    m = re.match(r'\s*<fill_path .*color="([-\d. ]+)"', line)
    if m:
        cur, pts = tuple(float(v) for v in m.group(1).split()), []
        continue
    m = re.match(r'\s*<(?:moveto|lineto) x="([-\d.]+)" y="([-\d.]+)"', line)
    if m and cur is not None:
        pts.append((float(m.group(1)), float(m.group(2))))
        continue
    if line.strip() == '</fill_path>' and cur is not None and len(pts) == 4:
        xs, ys = [p[0] for p in pts], [p[1] for p in pts]
        w, h = max(xs) - min(xs), max(ys) - min(ys)
        # a bar: one row high, wider than a swatch, axis-aligned
        if 4 < h < 12 and w > 9 and len(set(round(x, 2) for x in xs)) == 2:
            bars.append((min(ys), cur))
        cur = None
bars.sort()
seq = []
for y, c in bars:
    if not seq or seq[-1] != c:
        seq.append(c)
uniq = list(dict.fromkeys(seq))
bad = 0
if len(uniq) != len(seq):
    print("# a colour comes back further down (groups not together):", seq); bad = 1
MIN = 14 if palette == '-' else 10
for i in range(len(uniq) - 1):
    a, b = uniq[i], uniq[i + 1]
    if de(a, b) < MIN or abs(lab(a)[0] - lab(b)[0]) < (10 if palette == '-' else 0):
        print("# neighbouring groups too close: %s %s dE %.1f dL %.1f" % (a, b, de(a, b), abs(lab(a)[0] - lab(b)[0]))); bad = 1
for i in range(len(uniq)):
    for j in range(i + 1, len(uniq)):
        if de(uniq[i], uniq[j]) < MIN:
            print("# categories %d and %d too close: dE %.1f" % (i, j, de(uniq[i], uniq[j]))); bad = 1
if palette != '-':
    pal = [tuple(round(int(h[k:k + 2], 16) / 255, 3) for k in (0, 2, 4)) for h in palette.split(',')]
    for c in uniq:
        if tuple(round(v, 3) for v in c) not in pal:
            print("# colour not from the template's palette:", c); bad = 1
print("# %s: %d groups, colours %s" % (sample, len(uniq), " ".join("%02X%02X%02X" % tuple(round(v * 255) for v in c) for c in uniq)))
print(len(uniq) if not bad else 0)
PY
colours() {
	mutool trace "$1" "$2" 2>/dev/null | python3 colours.py "$3" "$4"
}

BOARD_PAL=$(sed -n '/<palette>/,/<\/palette>/p' "$SRCDIR/templates/board.xml" |
    grep -o '#[0-9A-Fa-f]\{6\}' | tr -d '#' | paste -sd, -)

for s in en zh-CN; do
	plan="$SRCDIR/samples/plan-$s.xml"
	if [ "$s" = en ]; then cap="Action timeline"; ms=Milestones; q=Q1
	else cap="行动时间表"; ms=里程碑; q=第一季度; fi
	ncat=$(grep -o 'category="[a-z]*"' "$plan" | sort -u | wc -l)
	for t in default board; do
		d="$s $t"
		"$PLANGEN" render -q -t "$t" -o "g-$s-$t.pdf" "$plan" >/dev/null 2>&1
		p=$(gantt_page "g-$s-$t.pdf" "$cap")
		if [ "$p" -eq 0 ]; then fail "$d: no Gantt page"; continue; fi
		pdftotext -f "$p" -l "$p" "g-$s-$t.pdf" page.txt
		pdftotext -layout -f "$p" -l "$p" "g-$s-$t.pdf" layout.txt
		tr -d ' \n' <page.txt >flat.txt
		if grep -q '…' page.txt; then fail "$d: a label is cut with …"
		else pass "$d: no label cut with …"; fi
		miss=
		for id in $(grep -o '<action id="[^"]*"' "$plan" | cut -d'"' -f2); do
			title=$(awk -v id="$id" '$0 ~ "<action id=\"" id "\"" { f = 1 }
			    f && /<title>/ { sub(/.*<title>/, ""); sub(/<\/title>.*/, "");
			    print; exit }' "$plan" | sed 's/&quot;/"/g; s/&amp;/\&/g' | tr -d ' ')
			grep -qF -- "$id$title" flat.txt || miss="$miss $id"
		done
		if [ -z "$miss" ]; then pass "$d: every action's id and whole title on the chart"
		else fail "$d: actions not whole on the chart:$miss"; fi
		miss=
		for m in $(grep -o '<milestone [^>]*>[^<]*' "$plan" | sed 's/.*>//' | tr -d ' '); do
			grep -qF -- "$m" flat.txt || miss="$miss $m"
		done
		if [ -z "$miss" ] && grep -q "$ms" page.txt; then pass "$d: the milestones are a group of the chart"
		else fail "$d: milestones missing:$miss"; fi
		if grep -q "$q" page.txt; then pass "$d: quarter labels on the axis"
		else fail "$d: no quarter labels"; fi
		if [ "$t" = board ]; then pal=$BOARD_PAL; else pal=-; fi
		n=$(colours "g-$s-$t.pdf" "$p" "$d" "$pal" | tee colours.out | tail -1)
		grep '^#' colours.out
		if [ "$n" -eq "$ncat" ]; then
			pass "$d: $ncat categories, grouped, bars told apart (colour and grey)"
		else fail "$d: bar colours ($n groups told apart, $ncat categories)"; fi
		pdf_check "g-$s-$t.pdf" "$d"
	done
done

finish
