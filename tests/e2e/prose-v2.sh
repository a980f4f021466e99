#!/bin/sh
# prose-v2.sh — version 2 prose in the PDF (tests/data/prose-v2.xml): tables
# with a repeated header and spans, images of every PNG/JPEG kind drawn
# exactly, footnotes, links, notes, the appendix, figure captions and the
# list of figures, in both templates.
. "$SRCDIR/tests/e2e/lib.sh"
need_tools pdftotext pdfimages qpdf

D=$SRCDIR/tests/data
mkdir -p plan/rules
cp -R "$D/rules/img" plan/rules/img
cp "$D/prose-v2.xml" plan/p.xml

for tpl in default board; do
	run "$PLANGEN" render plan/p.xml -t $tpl -o "$tpl.pdf"
	expect_rc 0 "$tpl: the version 2 prose fixture renders"
	pdftotext -layout "$tpl.pdf" "$tpl.txt"
	tr -d ' \n' < "$tpl.txt" > "$tpl.flat"
	for s in 'Coffeespendbysegment' 'Source:ourresearchdesk.' 'Note:Twentyhoursaweek' \
	    'Note:Countedonthefirst' 'Note:Thebikeisserviced' 'Note:Startwiththeoffices' \
	    'Surveymethod' 'Pricelist' 'Weasked412passers-by' '.Footfallbyhour' \
	    'Listoffigures' '1Districtofficecensus,2026.' '2Officesof10to200staff.'; do
		grep -qF -- "$s" "$tpl.flat" && pass "$tpl: '$s' is in the PDF" ||
		    fail "$tpl: '$s' is not in the PDF"
	done
	# the footnote number follows its word; each note is at the foot of
	# the page that cites it (from a paragraph and from a table cell)
	grep -qE 'walk ?1 and' "$tpl.txt" && pass "$tpl: the footnote number is in the text" ||
	    fail "$tpl: no footnote number after 'walk'"
	for pair in 'walk ?1 and|^ *1 +District office census' 'Offices ?2|^ *2 +Offices of 10 to 200'; do
		cite=${pair%%|*}; note=${pair#*|}
		if awk -v c="$cite" -v n="$note" 'BEGIN { RS = "\f" }
		    $0 ~ c { pc = NR } { k = split($0, ln, "\n");
		    for (i = 1; i <= k; i++) if (ln[i] ~ n) pn = NR }
		    END { exit !(pc && pc == pn) }' "$tpl.txt"; then
			pass "$tpl: note '$note' is on the page that cites it"
		else fail "$tpl: note '$note' is not on the page of '$cite'"; fi
	done
	# at the foot: below every line of body text of its page
	awk 'BEGIN { RS = "\f" } /District office census/ { print; exit }' "$tpl.txt" |
	    awk 'NF { last = $0 } END { print last }' > lastline
	grep -qE 'Page|[0-9]+ ?/ ?[0-9]+|Internal|Confidential' lastline &&
	    awk 'BEGIN { RS = "\f" } /District office census/ { print; exit }' "$tpl.txt" |
	    awk 'NF { l[++n] = $0 } END { for (i = n - 3; i < n; i++) if (l[i] ~ /Offices of 10|District office/) f = 1; exit !f }' &&
	    pass "$tpl: the notes are the last lines above the footer" ||
	    fail "$tpl: the notes are not at the page foot"
	# links: URI annotations, only http, https, mailto
	qpdf --qdf --object-streams=disable "$tpl.pdf" "$tpl.qdf" 2>/dev/null
	grep -a '/URI (' "$tpl.qdf" | sed 's/.*\/URI (\([^)]*\)).*/\1/' | sort -u > uris
	grep -qx 'https://example.com/altona' uris && grep -qx 'mailto:research@example.com' uris &&
	    pass "$tpl: the links are URI annotations" || { fail "$tpl: links missing"; cat uris; }
	# the appendix is a bookmark and a contents entry
	grep -qE '(^| )9 +Appendix +[0-9]+( |$)' "$tpl.txt" && pass "$tpl: the appendix is in the contents" ||
	    fail "$tpl: the appendix is not in the contents"
	grep -qE 'Figure 1\. Sales trajectory +[0-9]+' "$tpl.txt" && pass "$tpl: the list of figures has page numbers" ||
	    fail "$tpl: no list of figures entry"
	# the list of figures is a bookmark under the contents', on the page
	# of its heading and at it (within a line), and that heading is an
	# H2 right after the contents' H1, so a screen reader finds it too
	qpdf --json --json-key=outlines "$tpl.pdf" > ol.json 2>/dev/null
	pdftotext -bbox "$tpl.pdf" bbox.html
	python3 - ol.json bbox.html <<'PY' >lof.out && pass "$tpl: 'List of figures' is a bookmark under the contents', at its heading" ||
import json, re, sys
o = json.load(open(sys.argv[1]))['outlines']
# the first bookmark is the contents' (its heading: Contents, In this pack)
k = [k for k in (o[0].get('kids', []) if o else []) if k['title'] == 'List of figures']
if len(k) != 1:
    print("no 'List of figures' bookmark under %r" % (o[0]['title'] if o else None))
    sys.exit(1)
k = k[0]
page, top = k['destpageposfrom1'], k['dest'][3]
# where the words List of figures are: (page, yMin from the top, page height)
pages = open(sys.argv[2], encoding='utf-8').read().split('<page ')[1:]
at = []
for n, pg in enumerate(pages, 1):
    h = float(re.search(r'height="([0-9.]+)"', pg).group(1))
    w = re.findall(r'yMin="([0-9.]+)"[^>]*>([^<]*)</word>', pg)
    for i in range(len(w) - 2):
        if [t for _, t in w[i:i + 3]] == ['List', 'of', 'figures']:
            at.append((n, float(w[i][0]), h))
if len(at) != 1:
    print("the heading is drawn %d times" % len(at)); sys.exit(1)
n, ymin, h = at[0]
print("bookmark: page %d, %.1f pt from the top; heading: page %d, %.1f" % (page, h - top, n, ymin))
sys.exit(0 if page == n and 0 <= ymin - (h - top) <= 14 else 1)
PY
	    { fail "$tpl: no 'List of figures' bookmark at its heading"; cat lof.out; }
	python3 "$SRCDIR/tests/pdftags.py" --dump "$tpl.pdf" 2>&1 |
	    grep -E "^ *(H[1-6]|TOC) " | sed -n 2,5p | sed 's/^ *//' > lof.tags
	# the contents' own heading: Contents (default), In this pack (board)
	sed 1d lof.tags > lof.h2
	printf '%s\n' "TOC ''" "H2 'List of figures'" "TOC ''" | cmp -s - lof.h2 &&
	    pass "$tpl: the list of figures is an H2 after the contents, with its own TOC" ||
	    { fail "$tpl: the list of figures' heading is not tagged H2"; cat lof.tags; }
	grep -qE "^H1 '(Contents|In this pack)'$" lof.tags && pass "$tpl: after the contents' H1" ||
	    fail "$tpl: the contents' H1 is not before the list of figures"
	# a cell spanning columns is one TD with /ColSpan (PDF/UA: a screen
	# reader counts the row's columns), not a TD and two empty ones; a
	# header cell likewise; every row of a table adds up to its columns
	sed 's|<row header="true"><cell>Segment</cell><cell align="right">Spend a year</cell>|<row header="true"><cell span="2">Segment and spend a year</cell>|' \
	    plan/p.xml > plan/span.xml
	run "$PLANGEN" render plan/span.xml -t $tpl -o span.pdf
	expect_rc 0 "$tpl: a table with spans renders"
	python3 "$SRCDIR/tests/pdftags.py" --dump span.pdf > span.dump 2>&1 &&
	    pass "$tpl: pdftags: every table's rows add up to its columns" ||
	    { fail "$tpl: pdftags"; grep -E '^span.pdf: ' span.dump | head -5; }
	# (the dump gives an element's own text: the link is a child)
	awk '/TD ColSpan=3 .Source: \.. *$/ { n = 1; next }
	    n && /^ +(TR|TD|TH) / { exit } n && /Link .*our research desk/ { ok = 1 }
	    END { exit !ok }' span.dump &&
	    [ "$(grep -A3 "TD ColSpan=3 'Source" span.dump | sed 1d | grep -cE '^ +TD ')" -eq 0 ] &&
	    pass "$tpl: the spanning cell is one TD with /ColSpan 3" ||
	    { fail "$tpl: no TD ColSpan=3"; grep -B2 -A3 'Source: our' span.dump; }
	grep -qE "^ +TH Scope=/Column ColSpan=2 'Segment and spend a year'$" span.dump &&
	    pass "$tpl: a spanning header cell: TH with /Scope and /ColSpan 2" ||
	    { fail "$tpl: no TH ColSpan=2"; grep -A3 'Segment and' span.dump; }
	qpdf --qdf --object-streams=disable span.pdf span.qdf 2>/dev/null
	# (qpdf sorts the keys)
	tr -s ' \n' ' ' < span.qdf | grep -aqE '/A << ?/ColSpan 3 /O /Table ?>>' &&
	    pass "$tpl: written as /A <</O /Table /ColSpan 3>>" ||
	    fail "$tpl: no /A <</O /Table /ColSpan 3>> in the file"
done

# Images of every kind: 8-bit samples, RGB or grey, with a soft mask for
# alpha (never 16-bit, which libharu draws garbled).
sed 's|<image src="rules/img/rgb8.png" width="30">|<image src="rules/img/grey16.png" width="30"/><image src="rules/img/rgba16.png" width="30"/><image src="rules/img/palette-trns.png" width="30"/><image src="rules/img/palette.png" width="30"/><image src="rules/img/grey.jpg" width="30"/><image src="rules/img/rgb8.png" width="30">|' \
    "$D/prose-v2.xml" > plan/imgs.xml
run "$PLANGEN" render plan/imgs.xml -o imgs.pdf
expect_rc 0 "every kind of image renders"
pdfimages -list imgs.pdf > list 2>&1
awk 'NR > 2 && $8 != 8 { bad = 1 } END { exit bad }' list &&
    pass "every image is embedded with 8 bits a sample" || { fail "an image is not 8-bit"; cat list; }
awk 'NR > 2 && $3 == "smask" { n++ } END { exit !(n >= 2) }' list &&
    pass "alpha and palette transparency become soft masks" || { fail "no soft masks"; cat list; }
# the 16-bit grey image keeps its values: its top-left pixel is as in 8-bit
pdfimages -png imgs.pdf img >/dev/null 2>&1
python3 - img-000.png "$D/rules/img/grey8.png" <<'PY' && pass "a 16-bit PNG draws the same as its 8-bit twin" || fail "the 16-bit PNG is drawn differently"
import sys, zlib, struct
def px(p):
    d = open(p, 'rb').read(); pos = 8; idat = b''
    while pos < len(d):
        n = struct.unpack('>I', d[pos:pos+4])[0]; t = d[pos+4:pos+8]
        if t == b'IHDR': w, h, bd, ct = struct.unpack('>IIBB', d[pos+8:pos+18])
        if t == b'IDAT': idat += d[pos+8:pos+8+n]
        pos += 12 + n
    raw = zlib.decompress(idat)
    return w, h, bd, ct, raw[1:5]
a, b = px(sys.argv[1]), px(sys.argv[2])
sys.exit(0 if a[:2] == b[:2] and a[2] == 8 and a[4][:1] == b[4][:1] else 1)
PY

# A long table repeats its header row on every page it spans.
python3 - "$D/prose-v2.xml" plan/long.xml <<'PY'
import sys
s = open(sys.argv[1], encoding='utf-8').read()
rows = ''.join('<row><cell>Item %d</cell><cell align="right">%d</cell></row>' % (i, i * 7) for i in range(120))
s = s.replace('<row><cell>Small office</cell><cell align="right">89</cell></row>', rows)
open(sys.argv[2], 'w', encoding='utf-8').write(s)
PY
run "$PLANGEN" render plan/long.xml -o long.pdf
expect_rc 0 "a 120-row prose table renders"
n=$(pdftotext -layout long.pdf - | grep -cE '^ *Plan +EUR a month *$')
[ "$n" -ge 3 ] && pass "its header row repeats on each of its $n pages" ||
    fail "the header row appears $n times"

# Footnotes are numbered through the document.
python3 - "$D/prose-v2.xml" plan/fn.xml <<'PY'
import sys
s = open(sys.argv[1], encoding='utf-8').read()
s = s.replace('<p>We asked 412 passers-by', '<p>We asked<fn>Third note.</fn> 412 passers-by')
open(sys.argv[2], 'w', encoding='utf-8').write(s)
PY
run "$PLANGEN" render plan/fn.xml -o fn.pdf
pdftotext -layout fn.pdf - | grep -qE '^ *3 +Third note\.' && pass "the third footnote is number 3, in the appendix" ||
    fail "footnote numbering"

# An image asked wider than its pixels cover at 150 dpi is drawn at that
# width, and render says so (a note, not a finding: exit 0).
sed 's|<image src="rules/img/rgb8.png" width="30">|<image src="rules/img/rgb8.png" width="100">|' \
    plan/p.xml > plan/wide.xml
run "$PLANGEN" render plan/wide.xml -o wide.pdf
expect_rc 0 "an image too small for its @width still renders"
expect_err "^plan/wide\.xml:$(grep -n 'rgb8.png' plan/wide.xml | cut -d: -f1): note: image rules/img/rgb8\.png drawn at 5% of the text width, 8 mm wide instead of 166 mm: .*at least 980 pixels wide" \
    "render notes the image drawn narrower than its @width, with the line"
run "$PLANGEN" render --lang zh-CN plan/wide.xml -o wide.pdf
expect_err '提示: 图片 rules/img/rgb8\.png 按 5% 文字宽度只画了 8 毫米宽（要求 166 毫米）' \
    "the note in Chinese"
run "$PLANGEN" render -q plan/wide.xml -o wide.pdf
expect_no_out "note: image" "-q: no note"

# The samples' images cover their @width at 150 dpi in every template.
for f in plan-en plan-zh-CN; do
	for tpl in default board; do
		run "$PLANGEN" render -t $tpl "$SRCDIR/samples/$f.xml" -o s.pdf
		expect_no_out 'note: image|提示: 图片' "$f ($tpl): no image drawn narrower than asked"
	done
done

# No Han-Latin gap before a raised footnote number (路过与推荐²).
run "$PLANGEN" render "$SRCDIR/samples/plan-zh-CN.xml" -o zh.pdf
pdftotext -bbox zh.pdf zh.html
python3 - zh.html <<'PY' && pass "no gap between a Han character and its footnote number" ||
import re, sys
w = re.findall(r'xMin="([0-9.]+)"[^>]*xMax="([0-9.]+)"[^>]*>([^<]*)<', open(sys.argv[1], encoding='utf-8').read())
for i, (a, b, t) in enumerate(w):
    if t == '路过与推荐' and i + 1 < len(w):
        sys.exit(0 if abs(float(w[i + 1][0]) - float(b)) < 0.5 else 1)
sys.exit(1)
PY
    fail "a gap (or no number) after 路过与推荐"

# A note too tall for a page foot (over a third of the body) ends its
# chapter instead: never cut, never lost.
python3 - "$D/prose-v2.xml" plan/long.xml <<'PY'
import sys
s = open(sys.argv[1], encoding='utf-8').read()
long = ' '.join('Sentence %d of a very long footnote that goes on.' % i for i in range(1, 120))
s = s.replace('District office census, 2026.', long + ' The end of the long note.')
open(sys.argv[2], 'w', encoding='utf-8').write(s)
PY
run "$PLANGEN" render plan/long.xml -o long.pdf
expect_rc 0 "a plan with a very long footnote renders"
pdftotext long.pdf - | tr -d '\n' | grep -q 'The end of the long note\.' &&
    pass "the very long footnote is drawn whole" || fail "the very long footnote is cut or lost"

# an image followed by a short table (which never splits) gives up to a
# third of its height to keep the table on its page: the Chinese sample's
# appendix ended with its 3-row table alone on a last page
run "$PLANGEN" render "$SRCDIR/samples/plan-zh-CN.xml" -o keep.pdf
n=$(pdfinfo keep.pdf | awk '/^Pages:/ { print $2 }')
pdftotext -f "$n" -l "$n" keep.pdf keep-last.txt
if grep -q '春熙路店用餐区' keep-last.txt && grep -q '玉林' keep-last.txt; then
	pass "the image and the short table after it share the last page"
else fail "the short table after the image is alone on page $n"; fi

finish
