#!/usr/bin/env node
/*
 * pdfjs-tags — read a tagged PDF back the way Firefox hands it to a screen
 * reader: with pdf.js (Debian's libjs-pdf), page by page, getStructTree()
 * for the structure and getTextContent({includeMarkedContent: true}) for
 * what is drawn.  One finding per line, exit 1 if any (2: cannot read).
 *
 * usage: node pdfjs-tags.js [--headings] [--counts] FILE.pdf
 *
 * orphan    text drawn outside both marked content with an MCID and an
 *           Artifact
 * mcid      marked content with an MCID that no structure element of its
 *           page holds (so the ParentTree does not lead to it), or a
 *           structure element holding an MCID that is not drawn
 * table     a Table whose rows are not all TR, a row with no cells, a
 *           Table on a page whose first row has no TH and that does not
 *           continue a table from the page before
 * figure    a Figure without alternate text
 * heading   a heading with no text
 *
 * --headings prints the headings in reading order ("H2 text", white space
 * removed); --counts prints "ROLE n" for H1 H2 H3 Table TH Figure TOCI
 * Link (a table counted once, on the page where its header row is).
 * PDFJS (environment) overrides the path of pdf.js.
 */
"use strict";
const fs = require("fs");

const PDFJS = process.env.PDFJS || "/usr/share/javascript/pdf/build/pdf.js";
const findings = [];
const find = (check, msg) => findings.push(check + ": " + msg);

function textOf(node, text) {
	if (node.type === "content")
		return text.get(node.id) || "";
	return (node.children || []).map((c) => textOf(c, text)).join("");
}

async function main(argv) {
	let file = null, headings = false, counts = false;
	for (const a of argv) {
		if (a === "--headings") headings = true;
		else if (a === "--counts") counts = true;
		else if (a.startsWith("-")) { usage(); return 2; }
		else file = a;
	}
	if (file === null) { usage(); return 2; }
	let pdfjs, doc;
	try {
		pdfjs = require(PDFJS);
	} catch (e) {
		process.stderr.write("pdfjs-tags: no pdf.js at " + PDFJS +
		    " (Debian package libjs-pdf)\n");
		return 2;
	}
	try {
		const data = new Uint8Array(fs.readFileSync(file));
		doc = await pdfjs.getDocument({ data, verbosity: 0 }).promise;
	} catch (e) {
		process.stderr.write("pdfjs-tags: cannot read " + file + ": " +
		    e.message + "\n");
		return 2;
	}
	const heads = [];
	const n = { H1: 0, H2: 0, H3: 0, Table: 0, TH: 0, Figure: 0, TOCI: 0,
	    Link: 0 };
	let tableOpen = false;	/* the last table of the page before ran on */
	for (let p = 1; p <= doc.numPages; p++) {
		const page = await doc.getPage(p);
		const tree = await page.getStructTree();
		const tc = await page.getTextContent({ includeMarkedContent: true });
		/* what is drawn, by marked-content id */
		const text = new Map(), drawn = new Set(), stack = [];
		const owner = () => {
			for (let i = stack.length - 1; i >= 0; i--) {
				if (stack[i].id) return stack[i].id;
				if (stack[i].tag === "Artifact") return "A";
			}
			return null;
		};
		for (const it of tc.items) {
			if (it.type === "beginMarkedContent" ||
			    it.type === "beginMarkedContentProps") {
				stack.push({ tag: it.tag, id: it.id || null });
				if (it.id) drawn.add(it.id);
			} else if (it.type === "endMarkedContent") {
				stack.pop();
			} else if (typeof it.str === "string") {
				const o = owner();
				if (o === null && it.str.trim() !== "")
					find("orphan", "page " + p + ": text " +
					    JSON.stringify(it.str.slice(0, 30)) +
					    " outside marked content");
				else if (o !== null && o !== "A")
					text.set(o, (text.get(o) || "") + it.str);
			}
		}
		/* the structure of this page */
		const held = new Set();
		let lastTable = null, lastTop = null;
		const prefix = "page" + page.ref.num + "R" +
		    (page.ref.gen ? page.ref.gen : "") + "_";
		const walk = (node, depth) => {
			if (node.type === "content") {
				if (node.id.startsWith(prefix)) held.add(node.id);
				return;
			}
			if (node.type === "object") return;
			const r = node.role;
			if (r in n) n[r]++;
			if (/^H[1-6]$/.test(r)) {
				const t = textOf(node, text).replace(/\s/g, "");
				if (t === "") find("heading", "page " + p + ": " + r +
				    " without text");
				heads.push(r + " " + t);
			} else if (r === "Figure" &&
			    !(typeof node.alt === "string" && node.alt.trim())) {
				find("figure", "page " + p + ": a Figure without alt text");
			} else if (r === "Table") {
				tableCheck(node, p, tableOpen && lastTop === null, n);
				lastTable = node;
			}
			for (const c of node.children || []) walk(c, depth + 1);
		};
		for (const top of tree ? tree.children : []) {
			/* Document, then the document's parts in reading order */
			for (const c of top.children || []) {
				walk(c, 1);
				/* footnotes sit at the page foot, outside the
				 * flow a table runs on in */
				if (c.type !== "content" && c.type !== "object" &&
				    c.role !== "Note")
					lastTop = c;
			}
			if (top.role !== "Document") walk(top, 0);
		}
		tableOpen = lastTop !== null && lastTop === lastTable &&
		    hasRows(lastTable);
		for (const id of drawn)
			if (!held.has(id))
				find("mcid", "page " + p + ": " + id + " (" +
				    JSON.stringify((text.get(id) || "").slice(0, 30)) +
				    ") is in no structure element of the page");
		for (const id of held)
			if (!drawn.has(id))
				find("mcid", "page " + p + ": " + id +
				    " is in the structure but not drawn");
	}
	if (headings) for (const h of heads) console.log(h);
	if (counts) for (const k of Object.keys(n)) console.log(k + " " + n[k]);
	for (const f of findings) console.log(f);
	return findings.length ? 1 : 0;
}

function hasRows(t) {
	return (t.children || []).some((c) => c.role === "TR");
}

/* a Table on one page: its rows and, unless it runs on from the page
 * before, a header row first; tables counted where they start */
function tableCheck(t, p, continued, n) {
	const rows = (t.children || []).filter((c) => c.role !== undefined);
	if (rows.some((r) => r.role !== "TR" && r.role !== "THead" &&
	    r.role !== "TBody"))
		find("table", "page " + p + ": a Table holds " +
		    rows.map((r) => r.role).join(" "));
	const trs = rows.filter((r) => r.role === "TR");
	for (const r of trs)
		if (!(r.children || []).some((c) => c.role === "TH" ||
		    c.role === "TD"))
			find("table", "page " + p + ": a row without cells");
	const first = trs.length ? trs[0] : null;
	const header = first !== null &&
	    (first.children || []).some((c) => c.role === "TH");
	if (!header && !continued)
		find("table", "page " + p + ": a Table starts without a header " +
		    "row (TH)");
	if (!header)
		n.Table--;	/* the rest of a table counted already */
}

function usage() {
	process.stderr.write("usage: node pdfjs-tags.js [--headings] " +
	    "[--counts] FILE.pdf\n");
}

main(process.argv.slice(2)).then((rc) => process.exit(rc), (e) => {
	process.stderr.write("pdfjs-tags: " + (e && e.stack || e) + "\n");
	process.exit(2);
});
