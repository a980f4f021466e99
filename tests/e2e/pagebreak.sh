#!/bin/sh
# pagebreak.sh — when chapters start a page (<sections new-page>): the
# default template's "auto" lets a chapter run on after a short one, so
# both samples take fewer pages than with "yes"; no page of them ends with
# a heading (the heading goes with what follows).
. "$SRCDIR/tests/e2e/lib.sh"

need_pdf_tools
need_tools python3
export SOURCE_DATE_EPOCH=1790000000

pages() { pdfinfo "$1" | awk '/^Pages:/ { print $2 }'; }

# foot_heading PDF — the pages (after the cover) whose lowest line of body
# text is set larger than the body: a heading at the page foot.  The
# default template: bottom margin 22 mm, body 10.5 pt, headings 12.5 pt+.
foot_heading() {
	python3 - "$1" <<'PY'
import re, subprocess, sys
x = subprocess.run(["pdftotext", "-bbox", sys.argv[1], "-"],
                   capture_output=True, text=True).stdout
for n, pg in enumerate(x.split("<page ")[1:], 1):
    if n == 1:
        continue
    lim = float(re.search(r'height="([\d.]+)"', pg).group(1)) - 22 * 72 / 25.4
    w = [(float(a), float(b), t) for a, b, t in re.findall(
        r'<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" '
        r'yMax="([\d.]+)">([^<]*)</word>', pg) if float(b) < lim]
    if not w:
        continue
    low = max(b for a, b, t in w)
    line = [(a, b, t) for a, b, t in w if abs(b - low) < 2]
    if max(b - a for a, b, t in line) > 13.6:
        print(n, " ".join(t for a, b, t in line))
PY
}

for s in en zh-CN; do
	plan="$SRCDIR/samples/plan-$s.xml"
	cp "$plan" "$T/p-$s.xml"
	run "$PLANGEN" render --quiet "$T/p-$s.xml" -o "$T/auto-$s.pdf"
	expect_rc 0 "$s: render with the default template"
	sed 's|<sections new-page="auto">|<sections new-page="yes">|' \
	    "$SRCDIR/templates/default.xml" >"$T/yes.xml"
	grep -q 'new-page="yes"' "$T/yes.xml" ||
	    fail "the default template no longer says new-page=\"auto\""
	run "$PLANGEN" render --quiet -t "$T/yes.xml" "$T/p-$s.xml" \
	    -o "$T/yes-$s.pdf"
	expect_rc 0 "$s: render with new-page=\"yes\""
	a=$(pages "$T/auto-$s.pdf"); y=$(pages "$T/yes-$s.pdf")
	if [ "${a:-99}" -lt "${y:-0}" ]; then
		pass "$s: chapters run on: $a pages (a page each: $y)"
	else
		fail "$s: new-page=\"auto\" gives $a pages, \"yes\" $y"
	fi
	foot_heading "$T/auto-$s.pdf" >"$T/foot"
	if [ -s "$T/foot" ]; then
		fail "$s: a heading ends a page"; sed 's/^/  page /' "$T/foot"
	else
		pass "$s: no page ends with a heading"
	fi
	pdf_check "$T/auto-$s.pdf" "$s: auto"
done

# the template schema knows the three values; anything else is refused
sed 's|<sections new-page="auto">|<sections new-page="maybe">|' \
    "$SRCDIR/templates/default.xml" >"$T/bad.xml"
run "$PLANGEN" render --quiet -t "$T/bad.xml" "$T/p-en.xml" -o "$T/bad.pdf"
expect_rc 2 "new-page=\"maybe\" is refused"
[ -e "$T/bad.pdf" ] && fail "a refused template left a PDF" ||
    pass "a refused template leaves no PDF"

finish
