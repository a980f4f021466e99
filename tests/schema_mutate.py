#!/usr/bin/env python3
"""schema_mutate.py - does `plangen check` judge the schema as RELAX NG does?

Usage: schema_mutate.py PLANGEN PLAN_RNG OUTDIR SEED COUNT FILE...

Applies COUNT seeded random mutations to each FILE (deleted, duplicated,
renamed, swapped and moved elements; removed and renamed attributes; junk,
empty and near-miss values; stray text), writes each mutant to OUTDIR, and
checks that `plangen check` reports a `schema` finding for a mutant exactly
when `xmllint --noout --relaxng PLAN_RNG` rejects it.  Prints one line per
disagreement and a summary; exits 1 on any disagreement, 0 otherwise.
Deterministic for a given SEED.  Used by tests/e2e/schema-equiv.sh.
"""

import json
import os
import random
import subprocess
import sys
from xml.dom import minidom

ELEM = 1
TEXT = 3

# Near-miss values: the forms a plan author gets almost right.
NEAR_DATE = ["2027-02-30", "2027-2-3", "2027-13-01", "27-01-01", " 2027-01-01",
             "2027-01-01T00:00"]
NEAR_NUMBER = ["1.999", "-5", "1e5", "1,000", " 12 ", "12.5", "101", "-0.01",
               "0x10", "."]
JUNK = ["", "#?!", "x y", "  ", "\u00e9t\u00e9", "G 1"]


def elements(node):
    """Every element under node (document order), node included."""
    out = []
    stack = [node]
    while stack:
        n = stack.pop()
        if n.nodeType == ELEM:
            out.append(n)
        stack.extend(reversed(n.childNodes))
    return out


def typo(name, rnd):
    """A misspelling of name that is still an XML name."""
    for _ in range(20):
        t = typo1(name, rnd)
        if t and (t[0].isalpha() or t[0] == "_"):
            return t
    return name + "x"


def typo1(name, rnd):
    """A misspelling of name: swap two neighbours, drop or double a letter."""
    if len(name) < 2:
        return name + "x"
    i = rnd.randrange(len(name) - 1)
    how = rnd.randrange(3)
    if how == 0 and name[i] != name[i + 1]:
        return name[:i] + name[i + 1] + name[i] + name[i + 2:]
    if how == 1:
        return name[:i] + name[i + 1:]
    return name[:i] + name[i] + name[i:]


def near_miss(value, rnd):
    """A value close to `value` that may or may not be valid."""
    v = value.strip()
    if len(v) == 10 and v[4:5] == "-" and v[7:8] == "-":
        return rnd.choice(NEAR_DATE)
    if v.replace(".", "", 1).lstrip("-").isdigit():
        return rnd.choice(NEAR_NUMBER)
    if v and rnd.random() < 0.6:
        return typo(v, rnd)
    return rnd.choice(JUNK + NEAR_NUMBER)


def mutate(doc, rnd, names, attr_names):
    """Apply one random mutation to doc; returns a short description."""
    root = doc.documentElement
    elems = elements(root)
    inner = [e for e in elems if e is not root]
    with_attrs = [e for e in elems if e.attributes.length > 0]
    kind = rnd.choice(["delete", "duplicate", "rename-elem", "rename-attr",
                       "remove-attr", "value", "value", "value", "text",
                       "elem-text", "swap", "move"])
    if kind == "delete":
        e = rnd.choice(inner)
        e.parentNode.removeChild(e)
        return "delete <%s>" % e.tagName
    if kind == "duplicate":
        e = rnd.choice(inner)
        e.parentNode.insertBefore(e.cloneNode(True), e.nextSibling)
        return "duplicate <%s>" % e.tagName
    if kind == "rename-elem":
        e = rnd.choice(elems)
        new = typo(e.tagName, rnd) if rnd.random() < 0.5 else rnd.choice(names)
        old = e.tagName
        e.tagName = e.nodeName = new
        return "rename <%s> to <%s>" % (old, new)
    if kind in ("rename-attr", "remove-attr", "value") and with_attrs:
        e = rnd.choice(with_attrs)
        a = rnd.choice(sorted(e.attributes.keys()))
        v = e.getAttribute(a)
        if kind == "remove-attr":
            e.removeAttribute(a)
            return "remove %s@%s" % (e.tagName, a)
        if kind == "rename-attr":
            new = typo(a, rnd) if rnd.random() < 0.5 else rnd.choice(attr_names)
            e.removeAttribute(a)
            e.setAttribute(new, v)
            return "rename %s@%s to %s" % (e.tagName, a, new)
        new = near_miss(v, rnd) if rnd.random() < 0.7 else rnd.choice(JUNK)
        e.setAttribute(a, new)
        return "%s@%s %r -> %r" % (e.tagName, a, v, new)
    if kind == "text":
        e = rnd.choice(elems)
        kids = e.childNodes
        at = kids[rnd.randrange(len(kids))] if kids.length else None
        e.insertBefore(doc.createTextNode("stray text"), at)
        return "text in <%s>" % e.tagName
    if kind == "elem-text":
        leaves = [e for e in inner if e.childNodes.length == 1 and
                  e.firstChild.nodeType == TEXT]
        if leaves:
            e = rnd.choice(leaves)
            v = e.firstChild.data
            new = near_miss(v, rnd) if rnd.random() < 0.7 else rnd.choice(JUNK)
            e.firstChild.data = new
            return "<%s> text %r -> %r" % (e.tagName, v[:20], new)
    if kind == "swap":
        parents = [e for e in elems
                   if len([c for c in e.childNodes if c.nodeType == ELEM]) >= 2]
        p = rnd.choice(parents)
        kids = [c for c in p.childNodes if c.nodeType == ELEM]
        a, b = rnd.sample(kids, 2)
        ma, mb = doc.createComment("a"), doc.createComment("b")
        p.replaceChild(ma, a)
        p.replaceChild(mb, b)
        p.replaceChild(b, ma)
        p.replaceChild(a, mb)
        return "swap <%s> and <%s> in <%s>" % (a.tagName, b.tagName, p.tagName)
    # move (also the fallback for kinds that found nothing to change)
    e = rnd.choice(inner)
    under = set(id(x) for x in elements(e))
    targets = [t for t in elems if id(t) not in under and t is not e.parentNode]
    t = rnd.choice(targets)
    e.parentNode.removeChild(e)
    kids = t.childNodes
    at = kids[rnd.randrange(len(kids))] if kids.length else None
    t.insertBefore(e, at)
    return "move <%s> into <%s>" % (e.tagName, t.tagName)


def main():
    if len(sys.argv) < 7:
        sys.stderr.write(__doc__)
        return 2
    plangen, rng, outdir, seed, count = sys.argv[1:6]
    files = sys.argv[6:]
    rnd = random.Random(int(seed))
    cases = []		# (path, description)
    for f in files:
        with open(f, "rb") as fh:
            text = fh.read()
        base = minidom.parseString(text)
        names = sorted(set(e.tagName for e in elements(base.documentElement)))
        attr_names = sorted(set(a for e in elements(base.documentElement)
                                for a in e.attributes.keys()))
        stem = os.path.splitext(os.path.basename(f))[0]
        for i in range(int(count)):
            doc = minidom.parseString(text)
            what = mutate(doc, rnd, names, attr_names)
            if rnd.random() < 0.25:		# some mutants get two changes
                what += "; " + mutate(doc, rnd, names, attr_names)
            path = os.path.join(outdir, "%s-%03d.xml" % (stem, i))
            with open(path, "wb") as fh:
                fh.write(doc.toxml(encoding="UTF-8"))
            cases.append((path, what))
    paths = [p for p, _ in cases]

    # RELAX NG's verdict: xmllint names each file that validates.
    lint = subprocess.run(["xmllint", "--noout", "--relaxng", rng] + paths,
                          stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    valid = set()
    for line in lint.stderr.decode("utf-8", "replace").splitlines():
        if line.endswith(" validates"):
            valid.add(line[:-len(" validates")])

    # plangen's verdict: a schema finding or not.
    out = subprocess.run([plangen, "check", "--format", "json"] + paths,
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        report = json.loads(out.stdout.decode("utf-8"))
    except ValueError:
        print("plangen check --format json printed no JSON (exit %d): %s" %
              (out.returncode, out.stderr.decode("utf-8", "replace")[:500]))
        return 1
    findings = {f["file"]: f["findings"] for f in report["files"]}

    bad = 0
    for path, what in cases:
        fs = findings.get(path)
        if fs is None:
            print("DISAGREE %s (%s): no result from plangen" % (path, what))
            bad += 1
            continue
        schema = [f for f in fs if f["rule"] == "schema"]
        syntax = [f for f in fs if f["rule"] == "xml-syntax"]
        if syntax:
            print("BROKEN %s (%s): %s" % (path, what, syntax[0]["message"]))
            bad += 1
        elif (path in valid) == bool(schema):
            print("DISAGREE %s (%s): xmllint %s, plangen %s" % (
                path, what, "accepts" if path in valid else "rejects",
                "says: " + schema[0]["message"] if schema else
                "finds no schema error"))
            bad += 1
    print("%d mutants (%d valid by RELAX NG), %d disagreements" % (
        len(cases), len(valid), bad))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
