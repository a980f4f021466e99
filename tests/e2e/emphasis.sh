#!/bin/sh
# emphasis.sh — Chinese emphasis (issue 9): <em> in Chinese text is drawn
# in the Kai face (AR PL UKai, layout/font.c), not in bold; bold stays
# inside <strong> (the full stop after "<strong>118元</strong>" is not
# bold); Chinese lists of ids take "、".  Bold CJK is drawn as filled and
# stroked text (fake bold): mutool trace tells which glyphs are stroked.
. "$SRCDIR/tests/e2e/lib.sh"

need_pdf_tools
need_tools python3 mutool pdffonts
export SOURCE_DATE_EPOCH=1790000000
ZH="$SRCDIR/samples/plan-zh-CN.xml"

# glyphs PDF TEXT... — each TEXT as drawn: "*" before a stroked (bold)
# glyph, and the font of each ("@Font" after the text)
glyphs() {
	python3 - "$@" <<'PY'
import html, re, subprocess, sys
pdf = sys.argv[1]
tr = subprocess.run(["mutool", "trace", pdf], capture_output=True,
                    text=True).stdout
stroked, fill, mode, font = set(), [], None, ""
for line in tr.splitlines():
    m = re.match(r'\s*<(fill_text|stroke_text|clip_text|clip_stroke_text|'
                 r'ignore_text)\b', line)
    if m:
        mode = m.group(1)
        continue
    f = re.search(r'<span font="([^"]*)"', line)
    if f:
        font = f.group(1)
    g = re.search(r'<g unicode="([^"]*)"[^>]* x="([\d.]+)" y="([\d.]+)"', line)
    if g and mode:
        k = (html.unescape(g.group(1)), round(float(g.group(2)), 1),
             round(float(g.group(3)), 1))
        if mode == "stroke_text":
            stroked.add(k)
        elif mode == "fill_text":
            fill.append((k, font))
txt = "".join(k[0] for k, f in fill)
for s in sys.argv[2:]:
    i = txt.find(s)
    if i < 0:
        print(s, "not-found")
        continue
    print(s, "".join(("*" if k in stroked else "") + k[0]
                     for k, f in fill[i:i + len(s)]),
          "@" + ",".join(sorted(set(f for k, f in fill[i:i + len(s)]))))
PY
}

for tpl in default board; do
	run "$PLANGEN" render --quiet -t $tpl "$ZH" -o "$T/zh-$tpl.pdf"
	expect_rc 0 "$tpl: render the Chinese sample"
	glyphs "$T/zh-$tpl.pdf" "天内" "118元。" "186万元，" >"$T/g"
	sed "s/^/  $tpl: /" "$T/g"
	grep '^天内 天内 @' "$T/g" | grep 'Kai' | grep -vq 'WenQuanYi' &&
	    pass "$tpl: <em>90天内</em> is in the Kai face, not bold" ||
	    fail "$tpl: <em> in Chinese is not drawn in Kai"
	grep -q '^118元。 \*1\*1\*8\*元。 ' "$T/g" &&
	    pass "$tpl: bold ends with </strong> (118元 bold, 。 not)" ||
	    fail "$tpl: bold spills onto the punctuation after <strong>"
	grep -q '^186万元， \*1\*8\*6\*万\*元， ' "$T/g" &&
	    pass "$tpl: 186万元 bold, its comma not" ||
	    fail "$tpl: bold spills onto the comma after <strong>"
	pdffonts "$T/zh-$tpl.pdf" | grep -q 'UKai' &&
	    pass "$tpl: pdffonts lists the Kai face" ||
	    fail "$tpl: no Kai face in the PDF"
	pdftotext "$T/zh-$tpl.pdf" - | grep -q 'G2、G3' &&
	    pass "$tpl: a Chinese list of goals reads G2、G3" ||
	    fail "$tpl: no \"G2、G3\" in the Chinese PDF"
	pdftotext "$T/zh-$tpl.pdf" - | grep -q 'G[0-9], G[0-9]' &&
	    fail "$tpl: a Chinese list still uses \", \"" ||
	    pass "$tpl: no \", \" between ids in Chinese"
done

# English keeps ", " and its emphasis in italic
run "$PLANGEN" render --quiet "$SRCDIR/samples/plan-en.xml" -o "$T/en.pdf"
expect_rc 0 "render the English sample"
pdftotext "$T/en.pdf" - | grep -q 'G[0-9], G[0-9]' &&
    pass "English lists of ids use \", \"" ||
    fail "English lists of ids lost \", \""

finish
