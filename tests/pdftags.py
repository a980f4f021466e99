#!/usr/bin/env python3
"""pdftags - read the tagged structure of a PDF back and report what is
wrong with it, one finding per line (exit 1 if any, 2 if it cannot be read).

usage: pdftags.py [--dump] [--headings] [--alt-has KIND=TEXT]... [--artifact-ok REGEX]...
                  [--artifact-text TEXT]... FILE.pdf

The PDF is read with qpdf (--json=2, streams decoded); content streams are
parsed here and their text decoded through each font's ToUnicode map, so
this checks the file the way an assistive technology reads it, not the way
plangen meant to write it.  Checks:

catalog     /MarkInfo /Marked true, /StructTreeRoot, /Lang,
            /ViewerPreferences /DisplayDocTitle true, and an XMP /Metadata
            stream whose dc:title and pdfuaid:part agree with the Info
untagged    a text-showing or painting operator outside both a marked-
            content sequence with an MCID and an /Artifact
mcid        an MCID drawn but not in the structure tree, or in the tree but
            not drawn, or claimed twice; the ParentTree not mapping a page's
            MCID to the element that holds it
annot       a link annotation without /StructParent, not in a Link element
            by an OBJR, or the ParentTree not mapping it back
heading     the headings (H1-H6, in structure order, cover title left out)
            differ from the bookmarks
table       a Table whose first row has no TH (a table without header
            cells is a layout grid; PDF/UA-1 7.5), a TH without /Scope, or rows
            of different numbers of columns (a cell counts its /ColSpan)
list        an L holding other than LI (L, Caption), an LI other than Lbl
            and LBody, or either empty
figure      a Figure without /Alt; with --alt-has KIND=TEXT, no Figure whose
            /Alt starts with KIND contains TEXT
artifact    (with --artifact-ok or --artifact-text) artifact text on a page
            other than the first that matches none of the regexes, is
            none of the texts (running heads, page numbers) and is not a
            table's header cell (the header row repeated on a later page)

--dump prints the structure tree with each element's text instead;
--headings prints the headings in structure order ("H2 text", white space
removed), to compare with other readers.
"""
import base64
import json
import re
import subprocess
import sys

findings = []


def find(check, msg):
    findings.append("%s: %s" % (check, msg))


def load(pdf):
    r = subprocess.run(["qpdf", "--json=2", "--json-stream-data=inline",
                        "--decode-level=generalized", pdf],
                       capture_output=True)
    if r.returncode not in (0, 3):
        sys.stderr.write("pdftags: qpdf cannot read %s\n" % pdf)
        sys.exit(2)
    return json.loads(r.stdout)["qpdf"][1]


class Doc:
    def __init__(self, objs):
        self.o = objs

    def get(self, ref):
        """The value of an object (following one reference)."""
        if isinstance(ref, str) and ref.endswith(" R"):
            e = self.o.get("obj:" + ref)
            if e is None:
                return None
            return e["value"] if "value" in e else e["stream"]["dict"]
        return ref

    def data(self, ref):
        e = self.o.get("obj:" + ref)
        if e is None or "stream" not in e or "data" not in e["stream"]:
            return b""
        return base64.b64decode(e["stream"]["data"])


def text_of(v):
    """A PDF string from qpdf's JSON ("u:..." or "b:hex")."""
    if not isinstance(v, str):
        return ""
    if v.startswith("u:"):
        return v[2:]
    if v.startswith("b:"):
        b = bytes.fromhex(v[2:])
        if b[:2] == b"\xfe\xff":
            return b[2:].decode("utf-16-be", "replace")
        return b.decode("latin-1")
    return v


# ---- content streams -----------------------------------------------------

TOK = re.compile(rb"""\s*(?:(%[^\r\n]*)|(\()|(<<|>>|\[|\])|(<[0-9A-Fa-f\s]*>)
                    |(/[^\s/\[\]()<>{}%]*)|([-+]?[0-9.]+)
                    |([A-Za-z'"*][A-Za-z0-9'"*]*))""", re.X)


def lit_string(s, i):
    """A literal string starting after '(' at s[i]; (bytes, next index)."""
    out = bytearray()
    depth = 1
    esc = {ord("n"): 10, ord("r"): 13, ord("t"): 9, ord("b"): 8, ord("f"): 12}
    while i < len(s):
        c = s[i]
        if c == 0x5C:
            i += 1
            d = s[i]
            if d in esc:
                out.append(esc[d])
            elif 0x30 <= d <= 0x37:
                j = i
                while j < i + 3 and j < len(s) and 0x30 <= s[j] <= 0x37:
                    j += 1
                out.append(int(s[i:j], 8) & 255)
                i = j - 1
            elif d in (10, 13):
                pass
            else:
                out.append(d)
        elif c == 0x28:
            depth += 1
            out.append(c)
        elif c == 0x29:
            depth -= 1
            if depth == 0:
                return bytes(out), i + 1
            out.append(c)
        else:
            out.append(c)
        i += 1
    return bytes(out), i


def tokens(s):
    """Operands and operators: ('op', name) or a value."""
    i = 0
    stack = [[]]
    while i < len(s):
        m = TOK.match(s, i)
        if not m or m.end() == i:
            i += 1
            continue
        i = m.end()
        com, lp, delim, hexs, name, num, op = m.groups()
        if com:
            continue
        if lp:
            v, i = lit_string(s, i)
            stack[-1].append(v)
        elif hexs:
            h = re.sub(rb"\s", b"", hexs[1:-1])
            if len(h) % 2:
                h += b"0"
            stack[-1].append(bytes.fromhex(h.decode()))
        elif name:
            stack[-1].append(("name", name[1:].decode("latin-1")))
        elif num:
            stack[-1].append(float(num))
        elif delim in (b"[", b"<<"):
            stack.append([])
        elif delim == b"]":
            v = stack.pop()
            stack[-1].append(v)
        elif delim == b">>":
            v = stack.pop()
            stack[-1].append(dict((v[k][1], v[k + 1])
                                  for k in range(0, len(v) - 1, 2)))
        elif op:
            if op == b"BI":
                j = s.find(b"EI", i)
                i = j + 2 if j >= 0 else len(s)
                stack[-1] = []
                continue
            yield op.decode(), stack[-1]
            stack[-1] = []


def cmap(data):
    """A ToUnicode CMap: (code width in bytes, {code: text})."""
    t = data.decode("latin-1")
    width = 2
    m = re.search(r"begincodespacerange\s*<([0-9A-Fa-f]+)>", t)
    if m:
        width = len(m.group(1)) // 2
    mp = {}

    def u(h):
        return bytes.fromhex(h).decode("utf-16-be", "replace")
    for blk in re.findall(r"beginbfchar(.*?)endbfchar", t, re.S):
        for a, b in re.findall(r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", blk):
            mp[int(a, 16)] = u(b)
    for blk in re.findall(r"beginbfrange(.*?)endbfrange", t, re.S):
        for a, b, c in re.findall(
                r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>",
                blk):
            lo, hi, d = int(a, 16), int(b, 16), int(c, 16)
            for k in range(lo, hi + 1):
                mp[k] = chr(d + k - lo) if d + k - lo < 0x110000 else ""
    return width, mp


PAINT = {"f", "F", "f*", "B", "B*", "b", "b*", "S", "s", "Do", "sh"}
SHOW = {"Tj", "TJ", "'", '"'}


def page_content(doc, page, fonts_cache):
    """Per page: [(mcid or 'A' or None, text)], MCIDs seen, problems."""
    res = doc.get(page.get("/Resources", {})) or {}
    fdict = doc.get(res.get("/Font", {})) or {}
    fonts = {}
    for k, ref in fdict.items():
        if ref not in fonts_cache:
            f = doc.get(ref) or {}
            tu = f.get("/ToUnicode")
            fonts_cache[ref] = cmap(doc.data(tu)) if tu else (2, {})
        fonts[k[1:]] = fonts_cache[ref]
    contents = page.get("/Contents")
    refs = contents if isinstance(contents, list) else [contents]
    data = b"\n".join(doc.data(r) for r in refs if r)
    marks = []      # stack: [tag, mcid, actualtext, collected text]
    font = (2, {})
    out = []
    bad = []

    def owner():
        for m in reversed(marks):
            if m[1] is not None:
                return m[1]
            if m[0] == "Artifact":
                return "A"
        return None

    def emit(text):
        for m in reversed(marks):
            if m[2] is not None:
                m[3].append(text)   # replaced by the span's ActualText
                return
        out.append((owner(), text))

    def decode(b):
        w, mp = font
        return "".join(mp.get(int.from_bytes(b[i:i + w], "big"), "\ufffd")
                       for i in range(0, len(b) - w + 1, w))
    for op, args in tokens(data):
        if op == "BDC" or op == "BMC":
            tag = args[0][1] if args and isinstance(args[0], tuple) else "?"
            props = args[1] if len(args) > 1 and isinstance(args[1], dict) \
                else {}
            mcid = props.get("MCID")
            at = props.get("ActualText")
            if mcid is not None:
                mcid = int(mcid)
                if owner() not in (None,):
                    bad.append("MCID %d nested in other marked content"
                               % mcid)
            if isinstance(at, bytes):
                at = at[2:].decode("utf-16-be", "replace") \
                    if at[:2] == b"\xfe\xff" else at.decode("latin-1")
            marks.append([tag, mcid, at, []])
        elif op == "EMC":
            if not marks:
                bad.append("EMC without BDC/BMC")
                continue
            m = marks.pop()
            if m[2] is not None:
                emit(m[2])
        elif op == "Tf" and args and isinstance(args[0], tuple):
            font = fonts.get(args[0][1], (2, {}))
        elif op in SHOW:
            s = [a for a in args if isinstance(a, bytes)]
            for a in args:
                if isinstance(a, list):
                    s += [x for x in a if isinstance(x, bytes)]
            if owner() is None:
                bad.append("text %r outside marked content"
                           % decode(b"".join(s))[:30])
            emit("".join(decode(x) for x in s))
        elif op in PAINT:
            if owner() is None:
                bad.append("%s outside marked content" % op)
            elif op == "Do":
                emit("")    # an image draws its marked content (a Figure)
    if marks:
        bad.append("%d marked-content sequences left open" % len(marks))
    return out, bad


# ---- the structure tree ----------------------------------------------------

def main(argv):
    dump = False
    headings = False
    alt_has = []
    art_ok = []
    args = argv[1:]
    pdf = None
    while args:
        a = args.pop(0)
        if a == "--dump":
            dump = True
        elif a == "--headings":
            headings = True
        elif a == "--alt-has":
            k, _, v = args.pop(0).partition("=")
            alt_has.append((k, v))
        elif a == "--artifact-ok":
            art_ok.append(re.compile(args.pop(0)))
        elif a == "--artifact-text":
            art_ok.append(re.compile(re.escape(args.pop(0))))
        elif a.startswith("-"):
            sys.stderr.write(__doc__)
            return 2
        else:
            pdf = a
    if pdf is None:
        sys.stderr.write(__doc__)
        return 2
    doc = Doc(load(pdf))
    trailer = doc.o["trailer"]["value"]
    cat = doc.get(trailer["/Root"])
    info = doc.get(trailer.get("/Info")) or {}
    # catalog and metadata
    if (doc.get(cat.get("/MarkInfo")) or {}).get("/Marked") is not True:
        find("catalog", "no /MarkInfo /Marked true")
    if not text_of(cat.get("/Lang")):
        find("catalog", "no /Lang")
    if (doc.get(cat.get("/ViewerPreferences")) or {}).get(
            "/DisplayDocTitle") is not True:
        find("catalog", "no /ViewerPreferences /DisplayDocTitle true")
    xmp = doc.data(cat["/Metadata"]).decode("utf-8", "replace") \
        if "/Metadata" in cat else ""
    if not xmp:
        find("catalog", "no XMP /Metadata stream")
    else:
        m = re.search(r"<dc:title><rdf:Alt><rdf:li[^>]*>(.*?)</rdf:li>",
                      xmp, re.S)
        t = text_of(info.get("/Title"))
        xt = (m.group(1) if m else "").replace("&lt;", "<") \
            .replace("&gt;", ">").replace("&amp;", "&")
        if xt != t:
            find("catalog", "XMP dc:title %r differs from Info /Title %r"
                 % (xt, t))
        if "<pdfuaid:part>1</pdfuaid:part>" not in xmp:
            find("catalog", "XMP has no pdfuaid:part 1")
        m = re.search(r"<pdf:Producer>(.*?)</pdf:Producer>", xmp)
        if not m or m.group(1) != text_of(info.get("/Producer")):
            find("catalog", "XMP pdf:Producer differs from Info /Producer")
    if "/ID" not in trailer:
        find("catalog", "no trailer /ID")
    # pages
    pages_root = doc.get(cat["/Pages"])
    pages = []

    def collect_pages(node_ref):
        node = doc.get(node_ref)
        if node.get("/Type") == "/Pages":
            for k in node["/Kids"]:
                collect_pages(k)
        else:
            pages.append(node_ref)
    for k in pages_root["/Kids"]:
        collect_pages(k)
    pageno = dict((r, i) for i, r in enumerate(pages))
    fonts_cache = {}
    drawn = {}          # (page, mcid) -> text
    artifacts = []      # (page, text)
    for i, pr in enumerate(pages):
        runs, bad = page_content(doc, doc.get(pr), fonts_cache)
        for b in bad:
            find("untagged", "page %d: %s" % (i + 1, b))
        for own, text in runs:
            if own == "A":
                artifacts.append((i, text))
            elif own is not None:
                drawn[(i, own)] = drawn.get((i, own), "") + text
    # the structure tree
    if "/StructTreeRoot" not in cat:
        find("catalog", "no /StructTreeRoot")
        return report(pdf)
    str_root = doc.get(cat["/StructTreeRoot"])
    claimed = {}        # (page, mcid) -> element ref
    annots = {}         # annotation ref -> element ref
    elems = []          # (depth, type, ref, dict)

    def visit(ref, depth):
        e = doc.get(ref)
        if not isinstance(e, dict):
            return
        t = e.get("/S", "?")[1:]
        elems.append((depth, t, ref, e))
        pg = e.get("/Pg")
        kids = e.get("/K", [])
        if not isinstance(kids, list):
            kids = [kids]
        for k in kids:
            if isinstance(k, (int, float)):
                key = (pageno.get(pg, -1), int(k))
                if key in claimed:
                    find("mcid", "page %d MCID %d claimed twice"
                         % (key[0] + 1, key[1]))
                claimed[key] = ref
            elif isinstance(k, dict) and k.get("/Type") == "/MCR":
                key = (pageno.get(k.get("/Pg", pg), -1), int(k["/MCID"]))
                if key in claimed:
                    find("mcid", "page %d MCID %d claimed twice"
                         % (key[0] + 1, key[1]))
                claimed[key] = ref
            elif isinstance(k, dict) and k.get("/Type") == "/OBJR":
                annots[k["/Obj"]] = ref
            elif isinstance(k, str) and k.endswith(" R"):
                visit(k, depth + 1)
    k = str_root.get("/K")
    for r in (k if isinstance(k, list) else [k]):
        visit(r, 0)
    for key in drawn:
        if key not in claimed:
            find("mcid", "page %d MCID %d (%r) is in no structure element"
                 % (key[0] + 1, key[1], drawn[key][:30]))
    for key in claimed:
        if key not in drawn:
            find("mcid", "page %d MCID %d is in the tree but not drawn"
                 % (key[0] + 1, key[1]))
    # ParentTree
    nums = {}
    pt = doc.get(str_root.get("/ParentTree")) or {}
    stack = [pt]
    while stack:
        n = stack.pop()
        v = n.get("/Nums", [])
        for j in range(0, len(v) - 1, 2):
            nums[int(v[j])] = v[j + 1]
        stack += [doc.get(x) for x in n.get("/Kids", [])]
    for i, pr in enumerate(pages):
        p = doc.get(pr)
        sp = p.get("/StructParents")
        mine = sorted(m for (pg, m) in drawn if pg == i)
        if mine and sp is None:
            find("mcid", "page %d has MCIDs but no /StructParents" % (i + 1))
            continue
        if sp is not None:
            arr = doc.get(nums.get(int(sp))) or []
            for m in mine:
                if m >= len(arr) or arr[m] != claimed.get((i, m)):
                    find("mcid", "page %d: ParentTree does not map MCID %d"
                         " to its element" % (i + 1, m))
        for a in p.get("/Annots", []):
            ad = doc.get(a)
            if ad.get("/Subtype") != "/Link":
                continue
            if a not in annots:
                find("annot", "page %d: link %s is in no Link element"
                     % (i + 1, a))
            elif doc.get(annots[a]).get("/S") != "/Link":
                find("annot", "page %d: link %s is in a %s"
                     % (i + 1, a, doc.get(annots[a]).get("/S")))
            sp2 = ad.get("/StructParent")
            if sp2 is None or nums.get(int(sp2)) != annots.get(a):
                find("annot", "page %d: ParentTree does not map link %s"
                     % (i + 1, a))
            if not text_of(ad.get("/Contents")):
                find("annot", "page %d: link %s has no /Contents"
                     % (i + 1, a))
    # text of each element, in structure order
    mcids_of = {}
    for key, ref in claimed.items():
        mcids_of.setdefault(ref, []).append(key)

    def etext(ref):
        return "".join(drawn.get(k, "") for k in sorted(mcids_of.get(ref, [])))

    def deep_text(i):
        d = elems[i][0]
        s = etext(elems[i][2])
        for j in range(i + 1, len(elems)):
            if elems[j][0] <= d:
                break
            s += etext(elems[j][2])
        return s
    if dump:
        for i, (d, t, ref, e) in enumerate(elems):
            extra = ""
            if "/Alt" in e:
                extra = " Alt=%r" % text_of(e["/Alt"])
            if t == "TH":
                extra = " Scope=%s" % (doc.get(e.get("/A")) or {}).get(
                    "/Scope")
            if t in ("TH", "TD") and "/ColSpan" in (doc.get(e.get("/A"))
                                                    or {}):
                extra += " ColSpan=%s" % doc.get(e.get("/A"))["/ColSpan"]
            print("%s%s%s %r" % ("  " * d, t, extra, etext(ref)[:70]))
        for pg, t in artifacts:
            print("artifact page %d: %r" % (pg + 1, t))
    # headings against the bookmarks
    heads = [re.sub(r"\s", "", deep_text(i)) for i, el in enumerate(elems)
             if re.fullmatch(r"H[1-6]", el[1])]
    if headings:
        for i, el in enumerate(elems):
            if re.fullmatch(r"H[1-6]", el[1]):
                print("%s %s" % (el[1], re.sub(r"\s", "", deep_text(i))))
    marks = []
    ol = doc.get(cat.get("/Outlines")) or {}
    stack = [ol.get("/First")]
    while stack:
        r = stack.pop()
        if not r:
            continue
        o = doc.get(r)
        marks.append(re.sub(r"\s", "", text_of(o.get("/Title"))))
        stack.append(o.get("/Next"))
        stack.append(o.get("/First"))
    if heads[1:] != marks:
        n = next((j for j in range(min(len(heads) - 1, len(marks)))
                  if heads[j + 1] != marks[j]), min(len(heads) - 1,
                                                    len(marks)))
        find("heading", "headings %d of %d differ from the bookmarks "
             "(%d): %r vs %r" % (n + 2, len(heads), len(marks),
                                 heads[n + 1] if n + 1 < len(heads) else None,
                                 marks[n] if n < len(marks) else None))
    # tables
    ntables = 0
    multipage = 0
    for i, (d, t, ref, e) in enumerate(elems):
        if t != "Table":
            continue
        ntables += 1
        rows = [j for j in range(i + 1, len(elems)) if elems[j][0] == d + 1
                and elems[j][1] == "TR" and all(elems[x][0] > d for x in
                                                range(i + 1, j + 1))]
        cells = []
        pgs = set()
        for r in rows:
            cs = [j for j in range(r + 1, len(elems))
                  if all(elems[x][0] > d + 1 for x in range(r + 1, j + 1))
                  and elems[j][0] == d + 2]
            cells.append([elems[j] for j in cs])
            for j in cs:
                pgs |= set(pg for (pg, _) in mcids_of.get(elems[j][2], []))
        if len(pgs) > 1:
            multipage += 1
        # a row's width: its cells, each as many columns as its /ColSpan
        def span(c):
            n = (doc.get(c[3].get("/A")) or {}).get("/ColSpan", 1)
            return n if isinstance(n, int) and n >= 1 else 1
        widths = set(sum(span(c) for c in r) for r in cells)
        if rows and len(widths) > 1:
            find("table", "table %d has rows of %s columns" % (
                ntables, sorted(widths)))
        if not (cells and cells[0] and cells[0][0][1] == "TH"):
            find("table", "table %d has no header row (TH)" % ntables)
        else:
            for c in cells[0]:
                sc = (doc.get(c[3].get("/A")) or {}).get("/Scope")
                if sc not in ("/Column", "/Row", "/Both"):
                    find("table", "table %d: a TH has no /Scope" % ntables)
    # lists: L holds LI (or L, Caption), LI holds Lbl and LBody
    for i, (d, t, ref, e) in enumerate(elems):
        if t not in ("L", "LI"):
            continue
        kids = [elems[j][1] for j in range(i + 1, len(elems))
                if elems[j][0] == d + 1 and all(elems[x][0] > d for x in
                                                range(i + 1, j + 1))]
        ok = ("LI", "L", "Caption") if t == "L" else ("Lbl", "LBody")
        if not kids or any(k not in ok for k in kids):
            find("list", "%s holds %s" % (t, " ".join(kids) or "nothing"))
    # figures
    alts = []
    for d, t, ref, e in elems:
        if t == "Figure":
            a = text_of(e.get("/Alt"))
            if not a:
                find("figure", "a Figure has no /Alt")
            alts.append(a)
    for kind, want in alt_has:
        if not any(a.startswith(kind) and want in a for a in alts):
            find("figure", "no Figure alt text starting %r names %r"
                 % (kind, want))
    # artifacts
    if art_ok:
        # a table's header row repeated on a later page is an artifact too
        heads = set(re.sub(r"\s", "", etext(el[2])) for el in elems
                    if el[1] == "TH")
        for pg, t in artifacts:
            if pg > 0 and t.strip() and not any(r.fullmatch(t.strip())
                                                for r in art_ok) \
                    and re.sub(r"\s", "", t) not in heads:
                find("artifact", "page %d: artifact text %r" % (pg + 1, t))
    print("pdftags: %s: %d elements, %d headings, %d tables (%d over "
          "several pages), %d figures, %d MCIDs, %d links" % (
              pdf, len(elems), len(heads), ntables, multipage, len(alts),
              len(drawn), len(annots)))
    return report(pdf)


def report(pdf):
    for f in findings:
        print("%s: %s" % (pdf, f))
    return 1 if findings else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
