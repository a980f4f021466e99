#!/usr/bin/env python3
"""pdfcraft - write small PDFs by hand, each with one known defect (or none),
to prove that tests/pdfcheck.py finds what it claims to find.

usage: pdfcraft.py CASE OUT.pdf      (pdfcraft.py --list names the cases)

The PDFs are raw PDF syntax written here, with no library.  Text is drawn
with a Type 3 font whose glyphs are filled boxes one em wide and whose
ToUnicode map gives each code the character it stands for, so any text,
Chinese included, extracts exactly (unless a case spoils the map on
purpose).  The font is named with a subset tag ("PGTEST+Boxes") as
plangen's fonts are; case "font-whole" drops the tag, case "font-external"
uses Helvetica without embedding it.  Coordinates below are in points from
the top-left corner of an A4 page, y growing downward, like pdfcheck's.
"""
import math
import os
import sys
import unicodedata
import zlib

W, H = 595.276, 841.89

# A page is a list of text items: (x, baseline y, size, text[, options])
# options: "font": "T3" | "CID" | "TTwhole" | "Helv"; "rot": degrees counter-
# clockwise; "kern": TJ adjustment between the first two glyphs.


def furniture(n, total):
    return [(60, 40, 8, "ACME Physio Ltd"), (460, 40, 8, "Marketing plan 2027"),
            (60, 810, 8, "Confidential"), (470, 810, 8, "Page %d of %d" % (n, total))]


def body_zh(y):
    return [(60, y, 10, "我们的目标，是在十二个月内把品牌知名度（本地）提高到百分之四十。"),
            (60, y + 15, 10, "同时把复购率从三成提高到四成；每月检视一次“关键指标”。")]


def body_en(y):
    return [(60, y, 10, "Brightwell grew 11% in 2026, mostly from self-pay clients (not insurers)."),
            (60, y + 13, 10, "The plan adds corporate referrals; see the table below.")]


def table(y):
    # three cells a row, one em apart at the closest: side by side, no overlap
    rows = []
    for k, (a, b, c) in enumerate([("Action", "Owner", "Cost"),
                                   ("Referral scheme", "H. Okafor", "12,000"),
                                   ("营销活动（线上）", "李思远", "8,500")]):
        rows += [(60, y + 12 * k, 9, a), (170, y + 12 * k, 9, b), (224, y + 12 * k, 9, c)]
    return rows


def clean_pages(total=3):
    pages = []
    for n in range(1, total + 1):
        p = furniture(n, total) + [(60, 80, 16, "%d  %s" % (n, HEADS[n - 1]))]
        p += body_zh(110) + body_en(150) + table(190)
        pages.append(p)
    # things that look odd but are not defects:
    pages[0] += [
        (60, 260, 10, "AV", {"kern": 150}),          # kerned pair: glyphs overlap
        (60, 280, 10, "Bold"), (60.2, 280, 10, "Bold"),  # drawn twice: fake bold
        (30, 700, 10, "Axis label", {"rot": 90}),    # rotated, inside the page
        (100, 300, 10, "“引号”在行首和行尾"),         # openers may start a line
        (100, 315, 10, "closing marks mid-line, (like this), are fine."),
    ]
    return pages


HEADS = ["Plan summary", "Situation", "SWOT", "Goals", "Strategy"]


def body_page(extra, n=1, total=1):
    return furniture(n, total) + [(60, 80, 16, "%d  %s" % (n, HEADS[n - 1]))] + \
        body_en(110 + 20 * n) + extra


CASES = {}


def case(name, expect, *pdfcheck_args):
    def reg(fn):
        CASES[name] = (fn, expect, pdfcheck_args)
        return fn
    return reg


@case("clean", "")
def _clean():
    return {"pages": clean_pages()}


@case("line-start-cjk", "line-start: line starts with '，'")
def _line_start_cjk():
    return {"pages": [body_page([(60, 200, 10, "我们的目标是在十二个月内把品牌知名度提高到四成"),
                                 (60, 215, 10, "，并把复购率提高到四成。")])]}


@case("line-start-ascii", "line-start: line starts with '%'")
def _line_start_ascii():
    return {"pages": [body_page([(60, 200, 10, "Self-pay revenue grew by 11"),
                                 (60, 213, 10, "% in 2026.")])]}


@case("line-end", "line-end: line ends with '（'")
def _line_end():
    return {"pages": [body_page([(60, 200, 10, "我们的目标是提高品牌知名度（"),
                                 (60, 215, 10, "本地）。")])]}


@case("off-page", "off-page: text at x")
def _off_page():
    return {"pages": [body_page([(520, 200, 10, "This line runs off the right edge")])]}


@case("off-page-bottom", "off-page: text at x")
def _off_page_bottom():
    return {"pages": [body_page([(60, 845, 10, "below the page")])]}


@case("margin", "margin: text at x", "--margin-mm", "10")
def _margin():
    return {"pages": [body_page([(60, 200, 10, "close to the edge"), (10, 400, 10, "edge")])]}


@case("margin-off", "", )
def _margin_off():
    return _margin()


@case("collision", "collision: ")
def _collision():
    return {"pages": [body_page([(60, 200, 10, "First line of a paragraph"),
                                 (60, 203, 10, "Second line drawn too close")])]}


@case("collision-baseline", "collision: ")
def _collision_baseline():
    # two strings on one baseline, the second starting inside the first
    return {"pages": [body_page([(60, 200, 10, "Quarterly review"), (100, 200, 10, "Owner")])]}


@case("collision-cell", "collision: ")
def _collision_cell():
    # a cell's text running into the next cell on the same row
    return {"pages": [body_page(table(200) + [(60, 250, 9, "A much longer action title that runs on"),
                                              (170, 250, 9, "H. Okafor")])]}


@case("unmapped-missing", "unmapped: U+FFFD")
def _unmapped_missing():
    return {"pages": [body_page([(60, 200, 10, "Text with a broken glyph: X", {"font": "CID"})])],
            "spoil": {"X": None}}


@case("unmapped-pua", "unmapped: private-use")
def _unmapped_pua():
    return {"pages": [body_page([(60, 200, 10, "Text with a private glyph: X")])],
            "spoil": {"X": "\ue000"}}


@case("unmapped-control", "unmapped: control")
def _unmapped_control():
    return {"pages": [body_page([(60, 200, 10, "Text with a control glyph: X")])],
            "spoil": {"X": "\x01"}}


@case("font-external", "font: font Helvetica (Type 1) is not embedded")
def _font_external():
    return {"pages": [body_page([(60, 200, 10, "Drawn with Helvetica", {"font": "Helv"})])]}


@case("font-whole", "font: font PGTestSans (TrueType) is embedded whole")
def _font_whole():
    return {"pages": [body_page([(60, 200, 10, "Drawn with a whole font", {"font": "TTwhole"})])]}


@case("font-whole-allowed", "", "--allow-full-fonts")
def _font_whole_allowed():
    return _font_whole()


@case("blank", "page 2: blank-page: no text on the page")
def _blank():
    return {"pages": [body_page([], 1, 3), [], body_page([], 3, 3)]}


@case("blank-furniture", "page 3: blank-page: only the running header and footer")
def _blank_furniture():
    return {"pages": [body_page([], 1, 4), body_page([], 2, 4), furniture(3, 4), body_page([], 4, 4)]}


@case("draft-over-text", "collision: ")
def _draft():
    return {"pages": [body_page([(200, 140, 40, "DRAFT", {"rot": 30})])]}


@case("draft-ignored", "", "--ignore-text", "DRAFT")
def _draft_ignored():
    return _draft()


def contents(links):
    """A cover, a contents page and three headed pages.  links: a list of
    (entry text, printed page, target page, target y) for the contents."""
    pages = [[(60, 100, 20, "Brightwell plan")],
             furniture(2, 5) + [(60, 80, 16, "Contents")]]
    for n, hd in enumerate(["1  Summary", "2  Situation", "3  Goals"], 3):
        pages.append(furniture(n, 5) + [(60, 100, 16, hd), (60, 200, 12, "%d.1  More" % (n - 2))] +
                     body_en(130))
    annots = []
    y = 110
    for text, shown, target, ty in links:
        pages[1] += [(60, y, 10, text), (520, y, 10, str(shown))]
        annots.append((2, (60, y - 10, 535, y + 4), target, ty))
        y += 20
    return {"pages": pages, "links": annots}


# heading "n  Name" of page p is drawn at baseline 100 (top 87.2); a link to
# y 75 opens the view just above it
GOOD = [("1  Summary", 3, 3, 75), ("2  Situation", 4, 4, 75), ("3  Goals", 5, 5, 75)]


@case("links", "", "--links")
def _links():
    return contents(GOOD)


@case("links-number", "link: the link '2 Situation 5' shows page 5 but goes to page 4", "--links")
def _links_number():
    return contents([GOOD[0], ("2  Situation", 5, 4, 75), GOOD[2]])


@case("links-page", "link: the link '2 Situation 4' goes to page 5, where no line reads", "--links")
def _links_page():
    # the printed number is right, the link goes one page too far
    return contents([GOOD[0], ("2  Situation", 4, 5, 75), GOOD[2]])


@case("links-y", "link: the link '3 Goals 5' goes to page 5 at y 400", "--links")
def _links_y():
    return contents([GOOD[0], GOOD[1], ("3  Goals", 5, 5, 400)])


@case("links-nowhere", "link: the link '3 Goals 9' goes to no page", "--links")
def _links_nowhere():
    return contents([GOOD[0], GOOD[1], ("3  Goals", 9, 9, 75)])


# ---- the writer ----------------------------------------------------------

def ttf_path():
    """A TrueType font of the system (fonts-dejavu-core or fonts-liberation2,
    which scripts/install-deps installs)."""
    for p in ("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
              "/usr/share/fonts/truetype/liberation2/LiberationSans-Regular.ttf",
              "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf"):
        if os.path.exists(p):
            return p
    for d, _, files in os.walk("/usr/share/fonts"):
        for f in sorted(files):
            if f.lower().endswith(".ttf"):
                return os.path.join(d, f)
    raise SystemExit("pdfcraft: no TrueType font found: run scripts/install-deps")


def pdfstr(s):
    return "(" + s.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)") + ")"


def build(spec):
    pages = spec["pages"]
    spoil = spec.get("spoil", {})
    links = spec.get("links", [])
    chars = []
    for p in pages:
        for it in p:
            for ch in it[3]:
                if ch not in chars:
                    chars.append(ch)
    if len(chars) > 250:
        raise SystemExit("pdfcraft: too many distinct characters")
    code = {ch: k + 1 for k, ch in enumerate(chars)}
    objs = []

    def obj(body):
        objs.append(body)
        return len(objs)

    def stream(data, extra=""):
        raw = zlib.compress(data.encode("latin-1"))
        return ("<< /Length %d /Filter /FlateDecode %s>>\nstream\n" % (len(raw), extra)).encode() + \
            raw + b"\nendstream"

    # the Type 3 font: every glyph a box, one em wide for Chinese characters
    # and marks, 0.55 em for the rest
    def width(ch):
        return 1000 if unicodedata.east_asian_width(ch) in "WF" else 550
    procs_by_w = {w: obj(stream("%d 0 0 -200 %d 800 d1\n%d 0 %d 700 re f\n"
                                % (w, w, w // 12, w - w // 6))) for w in (550, 1000)}
    def tounicode(nbytes, first):
        """A ToUnicode CMap: code first + k is chars[k] (or what the case
        spoils it to; None leaves the code out)."""
        hexw = 2 * nbytes
        cmap = ["/CIDInit /ProcSet findresource begin 12 dict begin begincmap",
                "/CMapName /PGTEST%d def /CMapType 2 def" % nbytes,
                "1 begincodespacerange <%s> <%s> endcodespacerange" % ("0" * hexw, "F" * hexw)]
        pairs = []
        for k, ch in enumerate(chars):
            u = spoil.get(ch, ch)
            if u is not None:
                pairs.append("<%0*X> <%s>" % (hexw, first + k, u.encode("utf-16-be").hex().upper()))
        for i in range(0, len(pairs), 100):
            part = pairs[i:i + 100]
            cmap += ["%d beginbfchar" % len(part)] + part + ["endbfchar"]
        cmap += ["endcmap CMapName currentdict /CMap defineresource pop end end"]
        return obj(stream("\n".join(cmap) + "\n"))

    names = " ".join("/box.%d" % code[ch] for ch in chars)
    procs = " ".join("/box.%d %d 0 R" % (code[ch], procs_by_w[width(ch)]) for ch in chars)
    widths = " ".join(str(width(ch)) for ch in chars)

    def t3(name):
        return obj(("<< /Type /Font /Subtype /Type3 /Name /%s /FontBBox [0 -200 1000 800] "
                    "/FontMatrix [0.001 0 0 0.001 0 0] /CharProcs << %s >> "
                    "/Encoding << /Type /Encoding /Differences [1 %s] >> "
                    "/FirstChar 1 /LastChar %d /Widths [%s] /ToUnicode %d 0 R "
                    "/Resources << >> >>" % (name, procs, names, len(chars), widths,
                                             tounicode(1, 1))).encode())
    used = {it[4].get("font", "T3") if len(it) > 4 else "T3" for p in pages for it in p}
    fonts = {"T3": t3("PGTEST+Boxes")}
    if "TTwhole" in used or "CID" in used:
        # a real TrueType font of the system, embedded whole
        with open(ttf_path(), "rb") as f:
            data = f.read()
        ff = obj(("<< /Length %d /Length1 %d >>\nstream\n" % (len(data), len(data))).encode() +
                 data + b"\nendstream")
        fd = obj(("<< /Type /FontDescriptor /FontName /PGTestSans /Flags 32 "
                  "/FontBBox [-200 -250 1200 950] /ItalicAngle 0 /Ascent 900 /Descent -210 "
                  "/CapHeight 700 /StemV 80 /FontFile2 %d 0 R >>" % ff).encode())
    if "CID" in used:
        # as plangen writes its fonts: Type 0, Identity-H, two-byte glyph
        # ids (here simply 3 + the character's index: the shapes are wrong,
        # the ToUnicode map says what each stands for), a subset tag
        cid = obj(("<< /Type /Font /Subtype /CIDFontType2 /BaseFont /PGTEST+PGTestSans "
                   "/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> "
                   "/FontDescriptor %d 0 R /DW 550 /CIDToGIDMap /Identity >>" % fd).encode())
        fonts["CID"] = obj(("<< /Type /Font /Subtype /Type0 /BaseFont /PGTEST+PGTestSans "
                            "/Encoding /Identity-H /DescendantFonts [%d 0 R] /ToUnicode %d 0 R >>"
                            % (cid, tounicode(2, 3))).encode())
    if "TTwhole" in used:
        # no subset tag on its name
        fonts["TTwhole"] = obj(("<< /Type /Font /Subtype /TrueType /BaseFont /PGTestSans "
                                "/FirstChar 32 /LastChar 126 /Widths [%s] /FontDescriptor %d 0 R "
                                "/Encoding /WinAnsiEncoding >>"
                                % (" ".join(["550"] * 95), fd)).encode())
    if "Helv" in used:
        fonts["Helv"] = obj(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica "
                            b"/Encoding /WinAnsiEncoding >>")
    fonts_dict = "<< %s >>" % " ".join("/%s %d 0 R" % kv for kv in sorted(fonts.items()))

    pages_id = len(objs) + 2 * len(pages) + 1       # numbered after the pages
    page_ids = [len(objs) + 2 * k + 2 for k in range(len(pages))]
    annots_of = {}
    annot_objs = []
    for (pg, (x0, y0, x1, y1), target, ty) in links:
        annot_objs.append((pg, "<< /Type /Annot /Subtype /Link /Border [0 0 0] "
                           "/Rect [%.2f %.2f %.2f %.2f] /Dest [%s /XYZ 0 %.2f 0] >>"
                           % (x0, H - y1, x1, H - y0,
                              "%d 0 R" % page_ids[target - 1] if target <= len(pages)
                              else str(target - 1), H - ty)))
    first_annot = pages_id + 2
    for k, (pg, _) in enumerate(annot_objs):
        annots_of.setdefault(pg, []).append(first_annot + k)
    for n, p in enumerate(pages, 1):
        ops = []
        for it in p:
            x, y, size, text = it[:4]
            opt = it[4] if len(it) > 4 else {}
            font = "/" + opt.get("font", "T3")
            a = math.radians(opt.get("rot", 0))
            c, s = math.cos(a), math.sin(a)
            ops.append("BT %s %.2f Tf %.4f %.4f %.4f %.4f %.2f %.2f Tm" % (font, size, c, s, -s, c, x, H - y))
            if font == "/CID":
                ops.append("<%s> Tj ET" % "".join("%04X" % (3 + chars.index(ch)) for ch in text))
            elif font != "/T3":
                ops.append(pdfstr(text) + " Tj ET")
            else:
                hexs = ["%02X" % code[ch] for ch in text]
                if "kern" in opt and len(hexs) > 1:
                    ops.append("[<%s> %d <%s>] TJ ET" % (hexs[0], opt["kern"], "".join(hexs[1:])))
                else:
                    ops.append("<%s> Tj ET" % "".join(hexs))
        content = obj(stream("\n".join(ops) + "\n"))
        annots = annots_of.get(n, [])
        obj(("<< /Type /Page /Parent %d 0 R /MediaBox [0 0 %.3f %.3f] /Contents %d 0 R "
             "/Resources << /Font %s >>%s >>" % (
                 pages_id, W, H, content, fonts_dict,
                 " /Annots [%s]" % " ".join("%d 0 R" % a for a in annots) if annots else "")).encode())
    assert len(objs) + 1 == pages_id
    obj(("<< /Type /Pages /Count %d /Kids [%s] >>"
         % (len(pages), " ".join("%d 0 R" % i for i in page_ids))).encode())
    catalog = obj(("<< /Type /Catalog /Pages %d 0 R >>" % pages_id).encode())
    assert catalog + 1 == first_annot
    for _, body in annot_objs:
        obj(body.encode())

    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for k, body in enumerate(objs, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % k + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    for o in offsets:
        out += b"%010d 00000 n \n" % o
    out += b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objs) + 1, catalog, xref)
    return bytes(out)


def main(argv):
    if argv == ["--list"]:
        for name, (_, expect, args) in CASES.items():
            print("%s|%s|%s" % (name, " ".join(args), expect))
        return 0
    if len(argv) != 2 or argv[0] not in CASES:
        print("usage: pdfcraft.py CASE OUT.pdf (cases: %s)" % " ".join(CASES), file=sys.stderr)
        return 2
    with open(argv[1], "wb") as f:
        f.write(build(CASES[argv[0]][0]()))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
