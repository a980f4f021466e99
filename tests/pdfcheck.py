#!/usr/bin/env python3
"""pdfcheck - read a rendered PDF the way a careful reader would and report
what is wrong with it, one finding per line.

usage: pdfcheck.py [options] FILE.pdf...

options:
  --ignore-text TEXT  leave out every text line whose whole text (white space
                      removed) is TEXT, e.g. a DRAFT mark drawn over the page
                      on purpose; may be repeated
  --margin-mm MM      also report text closer than MM to the page edge
                      (check "margin"; default 0: only text off the page)
  --allow-full-fonts  do not report embedded fonts that are not subset
  --links             also check internal links as contents entries (needs
                      qpdf): see check "link" below
  --dump              print the text lines as the checker sees them
  -h, --help          this text

Each finding is printed as `FILE:page N: CHECK: detail` (page 0 for the
whole document), then one summary line `pdfcheck: FILE: ...`.  Exit status:
0 nothing found, 1 findings, 2 a file cannot be read or a tool is missing.

Tools: mutool (mupdf-tools) gives every glyph with its position and size;
pdftotext -bbox-layout and pdffonts (poppler-utils) are the second reader
and the font table.  All are installed by scripts/install-deps.

How the text is read
--------------------
mutool's structured text gives each glyph: its Unicode text, its origin on
the baseline, its advance and writing direction, and the font size.  A
glyph's *em box* runs along its advance, from 0.2 em below the baseline to
0.8 em above it (1 em = the font size): the body of the letter, whatever
the font's own ascent and descent say.  Glyphs are sorted into *text lines*
here, not by either tool: glyphs of one direction whose baselines lie within
0.25 em of each other, in order along the baseline, and a gap wider than
GAP_EM (0.8 em) between two glyphs starts a new line (as a reader sees a
new column or table cell).  White space is not a glyph.

Checks
------
line-start  a line's first glyph may not start a line (CJK closing and
            middle marks 、。，．：；？！）］｝〕〗】》〉」』”’·・～％‰℃ and the
            ASCII closers , . ; : ? ! ) ] } %)
line-end    a line's last glyph may not end a line (CJK openers
            （［｛〔〖【《〈「『“‘ and ASCII ( [ {)
off-page    a line's em boxes reach outside the page (the MediaBox, as
            mutool shows it) by more than 0.5 pt; also any word pdftotext
            places outside its page
margin      (with --margin-mm) a line's em boxes come closer than MM to the
            edge of the page
collision   two glyphs overlap: their em boxes share more than a tenth of
            the smaller em box (text over text; a tenth of an em is about
            where descenders meet the ascenders of the line below).  Not
            counted: two glyphs drawn one after the other on one baseline
            (kerning), and the same character drawn twice at the same spot.
            Table cells side by side never overlap this way (their text
            is apart by the cell padding), so a finding there is text
            running out of its cell.  One finding per pair of lines.
unmapped    a glyph whose text is U+FFFD, empty, a control character or a
            private-use code point: a glyph with no usable ToUnicode
            mapping, as pdf-lint reports U+FFFD and NUL.  Read by mutool
            (which gives U+FFFD for a code its CMap lacks) and by pdftotext
            (which drops such a glyph, but passes private-use and control
            characters through)
font        a font that is not embedded (pdffonts `emb`), or embedded
            whole rather than as a subset (`sub`; see --allow-full-fonts).
            A Type 3 font is in the file by construction: never "whole".
blank-page  a page with no text at all, or whose only text is its running
            header and footer: lines in the top or bottom BAND (15%) of the
            page found at the same place with the same text (its own page
            number aside) on at least half of the pages of a document of
            3 pages or more
link        (with --links) an internal link (/Link annotation, /Dest or
            /GoTo) that goes to no page of the document; whose text ends in
            a page number other than the page it goes to; whose text (that
            number aside) is not a line, or lines in a row, of the target
            page; or whose target (/XYZ, /FitH, ... top) is more than 1 pt
            below that line's top or more than LINK_SLACK (36 pt, half an
            inch) above it, so that the view opens away from the heading.
            Meant for contents entries ("2.1  Market .... 4"); a link
            reading "see page 4" is not one.
"""
import html
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

NO_START = set("、。，．：；？！）］｝〕〗】》〉」』”’·・～％‰℃" ",.;:?!)]}%")
NO_END = set("（［｛〔〖【《〈「『“‘" "([{")

GAP_EM = 0.8            # a wider gap on one baseline starts a new line
BASELINE_EM = 0.25      # baselines closer than this are one baseline
EM_ABOVE, EM_BELOW = 0.8, 0.2
COLLIDE = 0.10          # share of the smaller em box two glyphs may not share
OFF_PAGE_TOL = 0.5      # pt
LINK_SLACK = 36         # pt: a link's heading is at most half an inch below its target
BAND = 0.15             # running headers and footers live in the top and
                        # bottom 15% of the page

TOOLS = {"mutool": "mupdf-tools", "pdftotext": "poppler-utils",
         "pdffonts": "poppler-utils"}


class Glyph:
    __slots__ = ("i", "c", "ox", "oy", "dx", "dy", "size", "adv", "box",
                 "base", "along")

    def __init__(self, i, c, ox, oy, dx, dy, size, adv):
        self.i, self.c, self.ox, self.oy = i, c, ox, oy
        self.dx, self.dy, self.size, self.adv = dx, dy, size, adv
        if dx == 1.0 and dy == 0.0:             # the usual case, quickly
            self.box = (ox, oy - EM_ABOVE * size, ox + adv, oy + EM_BELOW * size)
            self.base, self.along = oy, ox
            return
        # "up" is the baseline direction turned a quarter left (y grows down)
        ux, uy = dy, -dx
        xs, ys = [], []
        for t in (0.0, adv):
            for s in (-EM_BELOW * size, EM_ABOVE * size):
                xs.append(ox + t * dx + s * ux)
                ys.append(oy + t * dy + s * uy)
        self.box = (min(xs), min(ys), max(xs), max(ys))
        self.base = -ox * dy + oy * dx        # offset across the baseline
        self.along = ox * dx + oy * dy        # position along it


class Line:
    def __init__(self, glyphs):
        self.glyphs = glyphs
        self.box = (min(g.box[0] for g in glyphs), min(g.box[1] for g in glyphs),
                    max(g.box[2] for g in glyphs), max(g.box[3] for g in glyphs))
        self.text = text_of(glyphs)


def text_of(glyphs):
    """The text of glyphs in order along a line, with a space where the gap
    is a word space or more."""
    out, prev = [], None
    for g in glyphs:
        if prev is not None and g.along - (prev.along + prev.adv) > 0.15 * max(g.size, prev.size):
            out.append(" ")
        out.append(g.c)
        prev = g
    return "".join(out)


def die(msg):
    print("pdfcheck: " + msg, file=sys.stderr)
    sys.exit(2)


def run(cmd, **kw):
    return subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, check=False, **kw)


def short(s, n=40):
    s = " ".join(s.split())
    return s if len(s) <= n else s[:n - 1] + "…"


def bad_char(c):
    """Why extracted text c cannot be a mapped glyph, or None."""
    if c == "":
        return "empty"
    for ch in c:
        o = ord(ch)
        if ch == "\ufffd":
            return "U+FFFD"
        if o < 0x20 or 0x7f <= o < 0xa0:
            return "control U+%04X" % o
        if 0xe000 <= o <= 0xf8ff or o >= 0xf0000:
            return "private-use U+%04X" % o
    return None


# ---- mutool: glyphs and pages ----------------------------------------------

CHAR = re.compile(rb'<char quad="([^"]*)" x="([^"]*)" y="([^"]*)" color="[^"]*" c="([^"]*)"/>')
ATTR = re.compile(r'([a-z]+)="([^"]*)"')


def attrs(line):
    return {k: html.unescape(v) if "&" in v else v for k, v in ATTR.findall(line)}


def mutool_pages(pdf):
    """Yield (page number, width, height, [Glyph], [unmapped]) page by page.
    mutool writes its structured text one element a line; this reads that
    stream line by line (an XML parser is five times slower on a
    thousand-page document)."""
    errf = tempfile.TemporaryFile()
    p = subprocess.Popen(["mutool", "draw", "-q", "-F", "stext", pdf],
                         stdout=subprocess.PIPE, stderr=errf)
    n = 0
    page = None
    size = 0.0
    ldir = (1.0, 0.0)
    idx = 0
    try:
        for raw in p.stdout:
            m = CHAR.match(raw)
            if m is not None:           # the usual form of a glyph, quickly
                q = [float(v) for v in m.group(1).split()]
                ox, oy = float(m.group(2)), float(m.group(3))
                c = m.group(4).decode("utf-8", "replace")
                if "&" in c:
                    c = html.unescape(c)
            elif raw.lstrip().startswith(b"<char "):
                a = attrs(raw.decode("utf-8", "replace"))
                q = a.get("quad")
                if q is not None:
                    q = [float(v) for v in q.split()]
                else:
                    b = [float(v) for v in a.get("bbox", "0 0 0 0").split()]
                    q = [b[0], b[1], b[2], b[1], b[0], b[3], b[2], b[3]]
                ox, oy = float(a.get("x", q[4])), float(a.get("y", q[5]))
                c = a.get("c", "")
            else:
                q = None
            if q is not None:
                idx += 1
                why = bad_char(c)
                if why is not None:
                    page[4].append((why, ox, oy))
                elif c.isspace():
                    continue        # white space: not ink
                ax, ay = q[2] - q[0], q[3] - q[1]      # upper left -> upper right
                if ay == 0.0 and ax > 0:
                    dx, dy, adv = 1.0, 0.0, ax
                else:
                    adv = (ax * ax + ay * ay) ** 0.5
                    dx, dy = (round(ax / adv, 3) + 0.0, round(ay / adv, 3) + 0.0) \
                        if adv > 1e-6 else ldir
                page[3].append(Glyph(idx, c, ox, oy, dx, dy, size, adv))
                continue
            s = raw.decode("utf-8", "replace").lstrip()
            if s.startswith("<font "):
                size = float(attrs(s).get("size", 0))
            elif s.startswith("<line "):
                d = attrs(s).get("dir", "1 0").split()
                ldir = (float(d[0]), float(d[1]))
            elif s.startswith("<page "):
                a = attrs(s)
                n += 1
                page = (n, float(a["width"]), float(a["height"]), [], [])
                idx = 0
            elif s.startswith("</page>"):
                yield page
                page = None
    finally:
        p.stdout.close()
        rc = p.wait()
        errf.seek(0)
        err = errf.read().decode("utf-8", "replace")
        errf.close()
    if rc != 0 or n == 0:
        err = [e for e in err.splitlines() if "ICC support" not in e]
        raise OSError("mutool cannot read it: " + " / ".join(err)[-300:])


def make_lines(glyphs):
    """Sort the glyphs of one page into text lines (see the module text)."""
    lines = []
    bydir = {}
    for g in glyphs:
        bydir.setdefault((g.dx, g.dy), []).append(g)
    for gs in bydir.values():
        gs.sort(key=lambda g: (g.base, g.along))
        rows, row = [], []
        for g in gs:
            if row and g.base - row[0].base > BASELINE_EM * min(g.size, row[0].size):
                rows.append(row)
                row = []
            row.append(g)
        if row:
            rows.append(row)
        for row in rows:
            row.sort(key=lambda g: (g.along, g.i))
            cur, end = [], None
            for g in row:
                if cur and g.along - end > GAP_EM * max(g.size, cur[-1].size):
                    lines.append(Line(cur))
                    cur = []
                if not cur:
                    end = g.along + g.adv
                else:
                    end = max(end, g.along + g.adv)
                cur.append(g)
            if cur:
                lines.append(Line(cur))
    lines.sort(key=lambda ln: (round(ln.box[1], 1), ln.box[0]))
    return lines


def squash(s):
    return "".join(s.split())


# ---- the checks on one page ------------------------------------------------

def area(b):
    return max(0.0, b[2] - b[0]) * max(0.0, b[3] - b[1])


def inter(a, b):
    return max(0.0, min(a[2], b[2]) - max(a[0], b[0])) * max(0.0, min(a[3], b[3]) - max(a[1], b[1]))


def follows(g, h, back, ahead):
    """h is drawn right after g on g's baseline (white space between them
    aside), starting between `back` and `ahead` ems from where g ends."""
    return g.dx == h.dx and g.dy == h.dy and 1 <= h.i - g.i <= 2 and \
        abs(g.base - h.base) <= BASELINE_EM * min(g.size, h.size) and \
        -back * g.size <= h.along - (g.along + g.adv) <= ahead * g.size


def collide(g, h):
    if g.i > h.i:
        g, h = h, g
    if h.i - g.i == 1 and follows(g, h, 0.5, 0.5):
        return False        # one after the other in the text: kerning
    if g.c == h.c and abs(g.ox - h.ox) < 0.5 and abs(g.oy - h.oy) < 0.5:
        return False        # the same glyph drawn twice in the same place
    return inter(g.box, h.box) > COLLIDE * min(area(g.box), area(h.box))


def collisions(lines):
    """Pairs of lines (a line may pair with itself) with colliding glyphs."""
    found = []
    srt = sorted(lines, key=lambda ln: ln.box[1])
    for k, a in enumerate(srt):
        # glyphs of one line over each other: drawn over on the same baseline
        gs = a.glyphs
        hit = False
        for i in range(len(gs)):
            for j in range(i + 1, len(gs)):
                if gs[j].along >= gs[i].along + gs[i].adv:
                    break       # sorted along the line: nothing further back
                if collide(gs[i], gs[j]):
                    found.append((a, a, gs[i], gs[j]))
                    hit = True
                    break
            if hit:
                break
        for b in srt[k + 1:]:
            if b.box[1] >= a.box[3]:
                break
            if inter(a.box, b.box) <= 0:
                continue
            pair = None
            for g in a.glyphs:
                if g.box[2] <= b.box[0] or g.box[0] >= b.box[2]:
                    continue
                for h in b.glyphs:
                    if collide(g, h):
                        pair = (g, h)
                        break
                if pair:
                    break
            if pair:
                found.append((a, b, pair[0], pair[1]))
    return found


def run_of(glyphs, g):
    """The glyphs around g drawn one after the other as one piece of text."""
    byi = {x.i: x for x in glyphs}
    run = [g]
    while True:
        nxt = [byi[i] for i in (run[-1].i + 1, run[-1].i + 2) if i in byi]
        if not nxt or not follows(run[-1], nxt[0], 0.3, 1.5):
            break
        run.append(nxt[0])
    while True:
        prv = [byi[i] for i in (run[0].i - 1, run[0].i - 2) if i in byi]
        if not prv or not follows(prv[0], run[0], 0.3, 1.5):
            break
        run.insert(0, prv[0])
    return run


def check_page(pno, w, h, glyphs, unmapped, ignore, margin_pt):
    f = []
    for why, ox, oy in unmapped:
        f.append((pno, "unmapped", "%s glyph at x %.0f, y %.0f (mutool)" % (why, ox, oy)))
    lines = make_lines(glyphs)
    lines = [ln for ln in lines if squash(ln.text) not in ignore]
    for ln in lines:
        t = ln.text.strip()
        if not t:
            continue        # only glyphs with no text: reported as unmapped
        if t[0] in NO_START:
            f.append((pno, "line-start", "line starts with %r: %r" % (t[0], short(t))))
        if t[-1] in NO_END:
            f.append((pno, "line-end", "line ends with %r: %r" % (t[-1], short(t[-40:]))))
        x0, y0, x1, y1 = ln.box
        if x0 < -OFF_PAGE_TOL or y0 < -OFF_PAGE_TOL or x1 > w + OFF_PAGE_TOL or y1 > h + OFF_PAGE_TOL:
            f.append((pno, "off-page", "text at x %.1f-%.1f, y %.1f-%.1f on a %.0fx%.0f page: %r"
                      % (x0, x1, y0, y1, w, h, short(t))))
        elif margin_pt > 0 and (x0 < margin_pt or y0 < margin_pt or
                                x1 > w - margin_pt or y1 > h - margin_pt):
            f.append((pno, "margin", "text at x %.1f-%.1f, y %.1f-%.1f is within %.1f pt of the "
                      "edge of a %.0fx%.0f page: %r" % (x0, x1, y0, y1, margin_pt, w, h, short(t))))
    for a, b, g, hh in collisions(lines):
        if a is b:
            # one baseline: name the two runs of text as they were drawn
            ra, rb = run_of(a.glyphs, g), run_of(a.glyphs, hh)
            f.append((pno, "collision", "%r overlaps %r on one baseline"
                      % (short(text_of(ra)), short(text_of(rb)))))
        else:
            f.append((pno, "collision", "%r overlaps %r" % (short(a.text), short(b.text))))
    if not lines:
        f.append((pno, "blank-page", "no text on the page"))
    return f, lines


def furniture(lines, h, pno):
    """Lines in the top or bottom BAND of the page, as (position, text with
    the page number as #): the page's candidates for running header and
    footer; and whether those are all the page's lines."""
    keys, alone = set(), True
    for ln in lines:
        if ln.box[3] > BAND * h and ln.box[1] < (1 - BAND) * h:
            alone = False
        else:
            text = re.sub(r"(?<!\d)%d(?!\d)" % pno, "#", squash(ln.text))
            keys.add((round(ln.box[1] / 2), text))
    return keys, alone


# ---- poppler: the second reader -------------------------------------------

WORD = re.compile(r'<word xMin="([-\d.]+)" yMin="([-\d.]+)" xMax="([-\d.]+)" yMax="([-\d.]+)">(.*)</word>')


def poppler_check(pdf, ignore):
    """Findings from pdftotext -bbox-layout (one element a line, read as
    such): unmapped text, words off the page.  Returns (findings, npages)."""
    p = subprocess.Popen(["pdftotext", "-q", "-bbox-layout", pdf, "-"],
                         stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    f = []
    npages = 0
    w = h = 0.0
    words = []

    def line_done():
        text = " ".join(t for t, _ in words)
        if squash(text) in ignore:
            return
        for t, (x0, y0, x1, y1) in words:
            why = bad_char(t)
            if why is not None:
                f.append((npages, "unmapped", "%s in %r (pdftotext)" % (why, short(text))))
            if x1 < -OFF_PAGE_TOL or y1 < -OFF_PAGE_TOL or x0 > w + OFF_PAGE_TOL or \
                    y0 > h + OFF_PAGE_TOL:
                f.append((npages, "off-page", "word %r at x %.0f, y %.0f on a %.0fx%.0f "
                          "page (pdftotext)" % (short(t), x0, y0, w, h)))

    try:
        for raw in p.stdout:
            s = raw.decode("utf-8", "replace").strip()
            if s.startswith("<word "):
                m = WORD.match(s)
                if m is None:
                    raise OSError("pdftotext: unexpected output: " + s[:80])
                words.append((html.unescape(m.group(5)),
                              tuple(float(m.group(k)) for k in range(1, 5))))
            elif s.startswith("</line>"):
                line_done()
                words = []
            elif s.startswith("<page "):
                a = attrs(s)
                npages += 1
                w, h = float(a["width"]), float(a["height"])
    finally:
        p.stdout.close()
        rc = p.wait()
    if rc != 0:
        raise OSError("pdftotext cannot read it")
    return f, npages


def font_check(pdf, allow_full):
    r = run(["pdffonts", pdf])
    if r.returncode != 0:
        raise OSError("pdffonts cannot read it")
    rows = r.stdout.decode("utf-8", "replace").splitlines()
    f = []
    if len(rows) < 2:
        return f
    # cut the columns where the dashes under the header say
    cols = [(m.start(), m.end()) for m in re.finditer(r"-+", rows[1])]
    names = [rows[0][a:b + 1].strip() for a, b in cols]
    if "emb" not in names or "sub" not in names:
        raise OSError("pdffonts: unexpected table header: " + rows[0])
    for row in rows[2:]:
        v = {n: row[a:b + 1].strip() for n, (a, b) in zip(names, cols)}
        name = v.get("name") or "[none]"
        if v["emb"] != "yes":
            f.append((0, "font", "font %s (%s) is not embedded" % (name, v.get("type", "?"))))
        elif v["sub"] != "yes" and not allow_full and v.get("type") != "Type 3":
            f.append((0, "font", "font %s (%s) is embedded whole, not as a subset"
                      % (name, v.get("type", "?"))))
    return f


# ---- internal links (--links) ------------------------------------------

REF = re.compile(r"^\d+ \d+ R$")


def link_check(pdf, pages_lines):
    """Internal links (qpdf reads them): each goes to a page of the
    document; a page number at the end of the link's text is the page it
    goes to; the rest of its text is drawn on that page, at or below the
    top of the view the link opens and less than LINK_SLACK below it.
    Returns (findings, number of internal links)."""
    if shutil.which("qpdf") is None:
        raise OSError("--links needs qpdf (Debian package qpdf): run scripts/install-deps")
    r = run(["qpdf", "--json=2", "--json-key=qpdf", "--json-key=pages", pdf])
    if r.returncode not in (0, 3):          # 3: warnings only
        raise OSError("qpdf cannot read it")
    j = json.loads(r.stdout)
    objs = j["qpdf"][1]

    def val(x):
        for _ in range(32):
            if not (isinstance(x, str) and REF.match(x)):
                break
            x = objs.get("obj:" + x, {}).get("value")
        return x

    def pdfstr(x):
        x = val(x)
        if isinstance(x, str) and x.startswith("u:"):
            return x[2:]
        if isinstance(x, str) and x.startswith("b:"):
            return bytes.fromhex(x[2:]).decode("latin-1")
        return x

    root = val(val(objs["trailer"]["value"])["/Root"])

    def named(name):
        dests = val(root.get("/Dests"))
        if name.startswith("/") and isinstance(dests, dict):
            return val(dests.get(name))
        key = pdfstr(name)
        stack = [val(val(root.get("/Names") or {}).get("/Dests"))]
        while stack:
            node = val(stack.pop())
            if not isinstance(node, dict):
                continue
            kv = val(node.get("/Names")) or []
            for k in range(0, len(kv) - 1, 2):
                if pdfstr(kv[k]) == key:
                    return val(kv[k + 1])
            stack.extend(val(node.get("/Kids")) or [])
        return None

    page_ids = [p["object"] for p in j["pages"]]
    pageno = {oid: n for n, oid in enumerate(page_ids, 1)}
    f = []
    nlinks = 0
    for n, oid in enumerate(page_ids, 1):
        page = val(oid)
        mb = [float(val(v)) for v in val(page.get("/MediaBox")) or [0, 0, 0, 0]]
        for a in val(page.get("/Annots")) or []:
            a = val(a)
            if not isinstance(a, dict) or a.get("/Subtype") != "/Link":
                continue
            dest, act = val(a.get("/Dest")), val(a.get("/A"))
            if dest is None:
                if not isinstance(act, dict) or act.get("/S") != "/GoTo":
                    continue        # a web address or another action
                dest = val(act.get("/D"))
            if isinstance(dest, str):
                dest = named(dest)
            if isinstance(dest, dict):
                dest = val(dest.get("/D"))
            nlinks += 1
            # the link's text: the glyphs whose centre is in its rectangle
            rect = [float(val(v)) for v in val(a.get("/Rect"))]
            x0, x1 = min(rect[0], rect[2]) - mb[0], max(rect[0], rect[2]) - mb[0]
            y0, y1 = mb[3] - max(rect[1], rect[3]), mb[3] - min(rect[1], rect[3])
            parts = []
            for ln in pages_lines[n - 1]:
                gs = [g for g in ln.glyphs if x0 <= (g.box[0] + g.box[2]) / 2 <= x1 and
                      y0 <= (g.box[1] + g.box[3]) / 2 <= y1]
                if gs:
                    parts.append(text_of(gs))
            text = " ".join(parts)
            if not isinstance(dest, list) or not dest:
                f.append((n, "link", "the link %r has no destination" % short(text)))
                continue
            target = val(dest[0]) if not isinstance(dest[0], str) else dest[0]
            tp = pageno.get(target) if isinstance(target, str) else \
                int(target) + 1 if isinstance(target, (int, float)) else None
            if tp is None or not 1 <= tp <= len(page_ids):
                f.append((n, "link", "the link %r goes to no page of this document" % short(text)))
                continue
            label = text
            m = re.match(r"^(.*\S)\s+(\d+)$", text)
            if m:
                label = m.group(1)
                if int(m.group(2)) != tp:
                    f.append((n, "link", "the link %r shows page %s but goes to page %d"
                              % (short(text), m.group(2), tp)))
            want = squash(label)
            if not want:
                f.append((n, "link", "a link with no text goes to page %d" % tp))
                continue
            kind = val(dest[1]) if len(dest) > 1 else None
            at = {"/XYZ": 3, "/FitH": 2, "/FitBH": 2, "/FitR": 5}.get(kind)
            tv = val(dest[at]) if at is not None and len(dest) > at else None
            tmb = [float(val(v)) for v in val(val(page_ids[tp - 1]).get("/MediaBox"))]
            top = tmb[3] - float(tv) if isinstance(tv, (int, float)) else None
            lines = pages_lines[tp - 1]
            # the line that starts the label (a heading may wrap onto more)
            found = []
            for k, ln in enumerate(lines):
                acc = squash(ln.text)
                kk = k
                while want.startswith(acc) and len(acc) < len(want) and kk + 1 < len(lines):
                    kk += 1
                    acc += squash(lines[kk].text)
                if acc.startswith(want):
                    found.append(ln)
            if not found:
                f.append((n, "link", "the link %r goes to page %d, where no line reads %r"
                          % (short(text), tp, short(label))))
                continue
            if top is None:
                continue
            dist = [ln.box[1] - top for ln in found]
            if not any(-1 <= d <= LINK_SLACK for d in dist):
                d = min(dist, key=abs)
                f.append((n, "link", "the link %r goes to page %d at y %.0f, but %r is %.0f pt %s"
                          % (short(text), tp, top, short(label), abs(d),
                             "above it" if d < 0 else "below it")))
    return f, nlinks


# ---- main ----------------------------------------------------------------

def check(pdf, ignore, margin_pt, allow_full, links, dump):
    findings, all_lines = [], []
    nlines = npages = 0
    count, only_furniture = {}, []
    for pno, w, h, glyphs, unmapped in mutool_pages(pdf):
        f, lines = check_page(pno, w, h, glyphs, unmapped, ignore, margin_pt)
        findings += f
        npages += 1
        nlines += len(lines)
        if links:
            all_lines.append(lines)
        # every line of a page repeated on half of the pages or more: the
        # page holds nothing but its running header and footer
        keys, alone = furniture(lines, h, pno)
        for k in keys:
            count[k] = count.get(k, 0) + 1
        if keys and alone:
            only_furniture.append((pno, keys, " / ".join(ln.text for ln in lines)))
        if dump:
            for ln in lines:
                print("%s:page %d: %7.2f %7.2f %7.2f %7.2f %s"
                      % (pdf, pno, ln.box[0], ln.box[1], ln.box[2], ln.box[3], ln.text))
    if npages >= 3:
        for pno, keys, text in only_furniture:
            if all(2 * count.get(k, 0) >= npages for k in keys):
                findings.append((pno, "blank-page", "only the running header and footer: %r"
                                 % short(text, 60)))
    pf, npop = poppler_check(pdf, ignore)
    findings += pf
    if npop != npages:
        findings.append((0, "pages", "mutool reads %d pages, pdftotext %d" % (npages, npop)))
    findings += font_check(pdf, allow_full)
    nl = 0
    if links:
        lf, nl = link_check(pdf, all_lines)
        findings += lf
    findings.sort(key=lambda x: x[0])
    return npages, nlines, nl, findings


def main(argv):
    ignore, files = set(), []
    margin_mm, allow_full, links, dump = 0.0, False, False, False
    it = iter(argv)
    for a in it:
        try:
            if a == "--ignore-text":
                ignore.add(squash(next(it)))
            elif a == "--margin-mm":
                margin_mm = float(next(it))
            elif a == "--allow-full-fonts":
                allow_full = True
            elif a == "--links":
                links = True
            elif a == "--dump":
                dump = True
            elif a in ("-h", "--help"):
                print(__doc__)
                return 0
            elif a.startswith("-") and a != "-":
                die("unknown option %s (see --help)" % a)
            else:
                files.append(a)
        except (StopIteration, ValueError):
            die("option %s needs a value" % a)
    if not files:
        die("usage: pdfcheck.py [--ignore-text TEXT]... [--margin-mm MM] "
            "[--allow-full-fonts] [--links] FILE.pdf...")
    for tool, pkg in sorted(TOOLS.items()):
        if shutil.which(tool) is None:
            die("%s not found (Debian package %s): run scripts/install-deps" % (tool, pkg))
    status = 0
    for pdf in files:
        try:
            npages, nlines, nl, findings = check(pdf, ignore, margin_mm * 72 / 25.4,
                                                allow_full, links, dump)
        except (OSError, ValueError, KeyError) as e:
            print("pdfcheck: %s: %s" % (pdf, e), file=sys.stderr)
            status = 2
            continue
        for page, chk, detail in findings:
            print("%s:page %d: %s: %s" % (pdf, page, chk, detail))
        print("pdfcheck: %s: %d pages, %d lines%s, %d findings"
              % (pdf, npages, nlines, ", %d links" % nl if links else "", len(findings)))
        if findings and status == 0:
            status = 1
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
