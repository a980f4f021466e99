/*
 * tagged.c — tagged PDF: marked content on the pages and the structure
 * tree, from the structure elements of the frames (frame.h).  See
 * write_int.h.
 *
 * Every box drawn is either inside a marked-content sequence of its
 * structure element (/P <</MCID n>> BDC ... EMC), or inside /Artifact
 * BMC ... EMC: TEXT boxes of an element, and RECT, LINE and IMAGE boxes of
 * a FIGURE (or inside one) are content; everything else (rules, fills,
 * stripes, the running header and footer, page numbers, the DRAFT badge,
 * a logo) is an artifact.  Consecutive boxes of one element share one
 * sequence.  A link annotation becomes an OBJR of its LINK element.
 *
 * The structure tree is written once every page is drawn: one element
 * object a structure element that holds content (or a table part:
 * tables keep empty cells), its kids in reading order (its marked
 * content page by page, then its link annotations, then its child
 * elements in the order they were opened), the ParentTree (page MCIDs
 * and annotations back to elements), StructTreeRoot and MarkInfo.
 * Object bodies are written as text into libharu "raw" objects
 * (haru_shim.c).
 *
 * Text joined across Han-Latin gaps (PG_BOXF_JOIN) is wrapped in a /Span
 * with /ActualText holding the characters drawn, so that extraction does
 * not take the gap for a space.
 */
#include "config.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <hpdf.h>

#include "base/utf8.h"
#include "pdf/haru_shim.h"
#include "pdf/write_int.h"

/* Append a string literal to the scratch text. */
#define TB(c, lit)	pg_w_tb((c), (lit), sizeof(lit) - 1)

static const char *const role_name[PG_ROLE_COUNT] = {
	[PG_ROLE_NONE] = "Span",
	[PG_ROLE_DOCUMENT] = "Document",
	[PG_ROLE_SECT] = "Sect",
	[PG_ROLE_H1] = "H1", [PG_ROLE_H2] = "H2", [PG_ROLE_H3] = "H3",
	[PG_ROLE_P] = "P",
	[PG_ROLE_L] = "L", [PG_ROLE_LI] = "LI", [PG_ROLE_LBL] = "Lbl",
	[PG_ROLE_LBODY] = "LBody",
	[PG_ROLE_TABLE] = "Table", [PG_ROLE_TR] = "TR", [PG_ROLE_TH] = "TH",
	[PG_ROLE_TD] = "TD",
	[PG_ROLE_TOC] = "TOC", [PG_ROLE_TOCI] = "TOCI",
	[PG_ROLE_LINK] = "Link",
	[PG_ROLE_FIGURE] = "Figure",
	[PG_ROLE_CAPTION] = "Caption",
	[PG_ROLE_NOTE] = "Note",
	[PG_ROLE_SPAN] = "Span",
};

static const char *
rname(enum pg_role r)
{
	return (unsigned)r < PG_ROLE_COUNT && role_name[r] ? role_name[r] :
	    "Span";
}

static int
valid(const struct wctx *c, int e)
{
	return e > 1 && (size_t)e < c->fr->nelems;
}

/* The element whose content box b is; 0: an artifact. */
static int
content_elem(const struct wctx *c, const struct pg_box *b)
{
	int e = b->elem;

	if (!valid(c, e))
		return 0;
	if (b->kind == PG_BOX_TEXT)
		return e;
	for (; valid(c, e); e = c->fr->elems[e].parent)
		if (c->fr->elems[e].role == PG_ROLE_FIGURE)
			return e;
	return 0;
}

static void
add_mcr(struct wctx *c, int elem, int page, int mcid, HPDF_Annotation a)
{
	if (c->nmcr == c->capmcr) {
		size_t	 ncap = c->capmcr ? c->capmcr * 2 : 256;
		struct wmcr *n = realloc(c->mcr, ncap * sizeof(*n));

		if (n == NULL)
			pg_w_fail(c, "out of memory");
		c->mcr = n;
		c->capmcr = ncap;
	}
	c->mcr[c->nmcr].elem = elem;
	c->mcr[c->nmcr].page = page;
	c->mcr[c->nmcr].mcid = mcid;
	c->mcr[c->nmcr].annot = a;
	c->nmcr++;
}

void
pg_w_mark(struct wctx *c, int p, const struct pg_box *b)
{
	char	buf[64];
	int	want;

	if (!c->tagged || b->kind == PG_BOX_LINK)
		return;
	want = content_elem(c, b);
	if (want == c->mc)
		return;
	pg_w_mark_end(c);
	if (want == 0)
		pg_content_str(&c->cs, "/Artifact BMC\n");
	else {
		snprintf(buf, sizeof(buf), "/%s <</MCID %d>> BDC\n",
		    rname(c->fr->elems[want].role), c->nmcid);
		pg_content_str(&c->cs, buf);
		add_mcr(c, want, p, c->nmcid++, NULL);
	}
	c->mc = want;
}

void
pg_w_mark_end(struct wctx *c)
{
	if (c->mc < 0)
		return;
	pg_w_end_text(c);
	pg_content_str(&c->cs, "EMC\n");
	c->mc = -1;
}

void
pg_w_link(struct wctx *c, int p, const struct pg_box *b, HPDF_Annotation a)
{
	int	e = b->elem;

	if (!c->tagged)
		return;
	while (valid(c, e) && c->fr->elems[e].role != PG_ROLE_LINK)
		e = c->fr->elems[e].parent;
	if (!valid(c, e))
		e = b->elem;
	if (!valid(c, e))
		return;	/* an untagged link: compose tags every one */
	pg_w_check(c, pg_haru_add_int(c->pdf, a, "StructParent",
	    (int)c->fr->npages + c->nannots));
	c->nannots++;
	if (c->fr->elems[e].alt != NULL) {
		/* what the link is, for assistive technology (PDF/UA) */
		size_t		 n;
		unsigned char	*u = pg_w_utf16(c, c->fr->elems[e].alt, &n);
		HPDF_STATUS	 st = pg_haru_add_bytes(c->pdf, a, "Contents",
				    u, n);

		free(u);
		pg_w_check(c, st);
	}
	add_mcr(c, e, p, -1, a);
}

/* ---- /ActualText spans --------------------------------------------- */

static const char hexd[] = "0123456789ABCDEF";

/* Append code unit u as 4 hex digits to the page content. */
static void
cs_hex16(struct wctx *c, unsigned u)
{
	char	h[5];

	h[0] = hexd[(u >> 12) & 15];
	h[1] = hexd[(u >> 8) & 15];
	h[2] = hexd[(u >> 4) & 15];
	h[3] = hexd[u & 15];
	h[4] = '\0';
	pg_content_str(&c->cs, h);
}

size_t
pg_w_join_begin(struct wctx *c, int p, size_t i)
{
	const struct pg_page	*pg = &c->fr->pages[p];
	const struct pg_box	*b = &pg->boxes[i], *n;
	size_t			 k = i, j, at;
	uint32_t		 cp;

	if (b->kind != PG_BOX_TEXT || (b->flags & PG_BOXF_JOIN))
		return i;
	while (k + 1 < pg->n) {
		n = &pg->boxes[k + 1];
		if (n->kind != PG_BOX_TEXT || !(n->flags & PG_BOXF_JOIN) ||
		    n->elem != b->elem || n->y != b->y)
			break;
		k++;
	}
	if (k == i)
		return i;
	/* the span lies inside the text object, as the runs do */
	if (!c->in_text) {
		pg_content_str(&c->cs, "BT\n");
		c->in_text = 1;
	}
	pg_content_str(&c->cs, "/Span <</ActualText <FEFF");
	for (j = i; j <= k; j++) {
		const struct pg_box *t = &pg->boxes[j];

		for (at = 0; at < t->len; )
			if ((cp = pg_w_next_drawn(t, &at)) != 0xFFFFFFFF)
				cs_hex16(c, cp);
	}
	pg_content_str(&c->cs, ">>> BDC\n");
	return k;
}

void
pg_w_join_end(struct wctx *c)
{
	pg_content_str(&c->cs, "EMC\n");
}

/* ---- the structure tree -------------------------------------------- */

void
pg_w_tb(struct wctx *c, const char *s, size_t n)
{
	if (c->tbn + n + 1 > c->tbcap) {
		size_t	 ncap = c->tbcap ? c->tbcap : 4096;
		char	*nb;

		while (ncap < c->tbn + n + 1)
			ncap *= 2;
		if ((nb = realloc(c->tb, ncap)) == NULL)
			pg_w_fail(c, "out of memory");
		c->tb = nb;
		c->tbcap = ncap;
	}
	memcpy(c->tb + c->tbn, s, n);
	c->tbn += n;
	c->tb[c->tbn] = '\0';
}

void
pg_w_tbf(struct wctx *c, const char *fmt, ...)
{
	char	buf[256];
	va_list	ap;
	int	n;

	va_start(ap, fmt);
	n = vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	if (n < 0 || (size_t)n >= sizeof(buf))
		pg_w_fail(c, "internal error: a PDF key is too long");
	pg_w_tb(c, buf, (size_t)n);
}

unsigned char *
pg_w_utf16(struct wctx *c, const char *s, size_t *n)
{
	size_t		 len = strlen(s), i = 0, k = 2;
	uint32_t	 cp;
	unsigned char	*u;

	if (len > (SIZE_MAX - 2) / 4 || (u = malloc(2 + 4 * len + 1)) == NULL)
		pg_w_fail(c, "out of memory");
	u[0] = 0xFE;
	u[1] = 0xFF;
	while (i < len) {
		cp = pg_utf8_next(s, len, &i);
		if (cp >= 0x10000 && cp <= 0x10FFFF) {
			unsigned hi = 0xD800 + ((cp - 0x10000) >> 10);
			unsigned lo = 0xDC00 + ((cp - 0x10000) & 0x3FF);

			u[k++] = (unsigned char)(hi >> 8);
			u[k++] = (unsigned char)hi;
			u[k++] = (unsigned char)(lo >> 8);
			u[k++] = (unsigned char)lo;
		} else {
			if (cp > 0xFFFF)
				cp = 0xFFFD;
			u[k++] = (unsigned char)(cp >> 8);
			u[k++] = (unsigned char)cp;
		}
	}
	*n = k;
	return u;
}

void
pg_w_tb_text(struct wctx *c, const char *s, size_t len)
{
	size_t		 i = 0;
	uint32_t	 cp;
	char		 h[9];
	unsigned	 u[2];
	int		 k, nu;

	TB(c, "<FEFF");
	while (i < len) {
		cp = pg_utf8_next(s, len, &i);
		if (cp >= 0x10000 && cp <= 0x10FFFF) {
			u[0] = 0xD800 + ((cp - 0x10000) >> 10);
			u[1] = 0xDC00 + ((cp - 0x10000) & 0x3FF);
			nu = 2;
		} else {
			u[0] = cp > 0xFFFF ? 0xFFFD : cp;
			nu = 1;
		}
		for (k = 0; k < nu; k++) {
			h[0] = hexd[(u[k] >> 12) & 15];
			h[1] = hexd[(u[k] >> 8) & 15];
			h[2] = hexd[(u[k] >> 4) & 15];
			h[3] = hexd[u[k] & 15];
			pg_w_tb(c, h, 4);
		}
	}
	TB(c, ">");
}

/* " N 0 R" of an object */
static void
tb_ref(struct wctx *c, const void *obj)
{
	pg_w_tbf(c, " %u 0 R", pg_haru_obj_num(obj));
}

/*
 * Which elements are written: those with content or a child that has
 * some, and every row and cell of a written table.  keep[1] (the root)
 * is always set.
 */
static void
mark_kept(struct wctx *c, unsigned char *keep)
{
	const struct pg_elem	*el = c->fr->elems;
	size_t			 n = c->fr->nelems, i;

	for (i = 0; i < c->nmcr; i++)
		if (valid(c, c->mcr[i].elem))
			keep[c->mcr[i].elem] = 1;
	for (i = n; i-- > 2; )
		if (keep[i] && el[i].parent > 1 && (size_t)el[i].parent < i)
			keep[el[i].parent] = 1;
	for (i = 2; i < n; i++)
		if ((el[i].role == PG_ROLE_TR || el[i].role == PG_ROLE_TH ||
		    el[i].role == PG_ROLE_TD) && el[i].parent > 1 &&
		    keep[el[i].parent])
			keep[i] = 1;
	keep[1] = 1;
}

/* Where each element's kids start in v (by counting sort on key). */
static size_t *
bucket(struct wctx *c, size_t n, size_t m, const int *key, size_t *v)
{
	size_t	*off = calloc(n + 1, sizeof(*off)), i, *at;

	if (off == NULL)
		pg_w_fail(c, "out of memory");
	for (i = 0; i < m; i++)
		off[key[i] + 1]++;
	for (i = 0; i < n; i++)
		off[i + 1] += off[i];
	if ((at = malloc((n + 1) * sizeof(*at))) == NULL) {
		free(off);
		pg_w_fail(c, "out of memory");
	}
	memcpy(at, off, (n + 1) * sizeof(*at));
	for (i = 0; i < m; i++)
		v[at[key[i]]++] = i;
	free(at);
	return off;
}

/* The body of element e's object into c->tb. */
static void
elem_body(struct wctx *c, size_t e, HPDF_Dict *obj, HPDF_Dict root,
    const size_t *moff, const size_t *mv, const size_t *coff,
    const size_t *cv)
{
	const struct pg_elem	*el = &c->fr->elems[e];
	size_t			 i, nk;
	int			 pg0 = -1;

	/* compact: /Type is optional, and a lone kid needs no array */
	c->tbn = 0;
	pg_w_tbf(c, "/S /%s /P", rname(el->role));
	tb_ref(c, e == 1 ? (void *)root : (void *)obj[el->parent > 1 ?
	    el->parent : 1]);
	for (i = moff[e]; i < moff[e + 1]; i++)
		if (c->mcr[mv[i]].mcid >= 0) {
			pg0 = c->mcr[mv[i]].page;
			TB(c, " /Pg");
			tb_ref(c, c->pages[pg0]);
			break;
		}
	nk = (moff[e + 1] - moff[e]) + (coff[e + 1] - coff[e]);
	pg_w_tbf(c, "%s", nk == 1 ? " /K" : " /K [");
	for (i = moff[e]; i < moff[e + 1]; i++) {
		const struct wmcr *m = &c->mcr[mv[i]];

		if (m->mcid >= 0 && m->page == pg0)
			pg_w_tbf(c, " %d", m->mcid);
		else if (m->mcid >= 0) {
			TB(c, " <</Type /MCR /Pg");
			tb_ref(c, c->pages[m->page]);
			pg_w_tbf(c, " /MCID %d>>", m->mcid);
		}
	}
	for (i = moff[e]; i < moff[e + 1]; i++) {
		const struct wmcr *m = &c->mcr[mv[i]];

		if (m->mcid < 0) {
			TB(c, " <</Type /OBJR /Pg");
			tb_ref(c, c->pages[m->page]);
			TB(c, " /Obj");
			tb_ref(c, m->annot);
			TB(c, ">>");
		}
	}
	for (i = coff[e]; i < coff[e + 1]; i++)
		if (obj[cv[i]] != NULL)
			tb_ref(c, obj[cv[i]]);
	if (nk != 1)
		TB(c, " ]");
	if (el->role == PG_ROLE_TH || (el->role == PG_ROLE_TD &&
	    el->colspan > 1)) {
		TB(c, " /A <</O /Table");
		if (el->role == PG_ROLE_TH)
			pg_w_tbf(c, " /Scope /%s",
			    el->scope == PG_SCOPE_ROW ? "Row" : "Column");
		if (el->colspan > 1)	/* a cell spanning columns */
			pg_w_tbf(c, " /ColSpan %u", el->colspan);
		TB(c, ">>");
	}
	if (el->alt != NULL) {
		TB(c, " /Alt ");
		pg_w_tb_text(c, el->alt, strlen(el->alt));
	}
	if (el->lang != NULL) {
		TB(c, " /Lang ");
		pg_w_tb_text(c, el->lang, strlen(el->lang));
	}
	TB(c, "\n");
}

/*
 * The ParentTree's body: page MCIDs, then annotations, to elements.
 * Returns the next free key.
 */
static int
parent_tree(struct wctx *c, HPDF_Dict *obj)
{
	size_t	i, j;
	int	page = -1, key = 0;

	c->tbn = 0;
	TB(c, "/Nums [");
	for (i = 0; i < c->nmcr; i++) {
		const struct wmcr *m = &c->mcr[i];

		if (m->mcid < 0)
			continue;
		if (m->page != page) {
			if (page >= 0)
				TB(c, " ]");
			page = m->page;
			pg_w_check(c, pg_haru_add_int(c->pdf, c->pages[page],
			    "StructParents", page));
			pg_w_tbf(c, "\n%d [", page);
		}
		tb_ref(c, obj[m->elem]);
	}
	if (page >= 0)
		TB(c, " ]");
	key = (int)c->fr->npages;
	for (j = 0; j < c->nmcr; j++)
		if (c->mcr[j].mcid < 0) {
			pg_w_tbf(c, "\n%d", key++);
			tb_ref(c, obj[c->mcr[j].elem]);
		}
	pg_w_tbf(c, " ]\n");
	return key;
}

void
pg_w_struct_tree(struct wctx *c)
{
	size_t		 n = c->fr->nelems, i, e, *mv = NULL, *cv = NULL;
	size_t		*moff = NULL, *coff = NULL;
	int		*key, next;
	unsigned char	*keep;
	HPDF_Dict	 root, ptree, *obj;

	if (!c->tagged)
		return;
	snprintf(c->what, sizeof(c->what), "writing the structure tree");
	keep = c->tkeep = calloc(n, 1);
	obj = c->tobj = calloc(n, sizeof(*obj));
	key = c->tkey = malloc((n + c->nmcr + 1) * sizeof(*key));
	mv = c->tmv = malloc((c->nmcr + 1) * sizeof(*mv));
	cv = c->tcv = malloc((n + 1) * sizeof(*cv));
	if (keep == NULL || obj == NULL || key == NULL || mv == NULL ||
	    cv == NULL)
		pg_w_fail(c, "out of memory");
	mark_kept(c, keep);
	/* objects first: bodies refer to each other by number */
	root = pg_haru_raw_new(c->pdf);
	ptree = pg_haru_raw_new(c->pdf);
	for (e = 1; e < n; e++)
		if (keep[e])
			obj[e] = pg_haru_raw_new(c->pdf);
	/* each element's marked content, and its children, in order */
	for (i = 0; i < c->nmcr; i++)
		key[i] = valid(c, c->mcr[i].elem) ? c->mcr[i].elem : 0;
	moff = c->tmoff = bucket(c, n, c->nmcr, key, mv);
	for (e = 0; e < n; e++)
		key[e] = e > 1 && keep[e] ? c->fr->elems[e].parent > 1 ?
		    c->fr->elems[e].parent : 1 : 0;
	coff = c->tcoff = bucket(c, n, n, key, cv);
	for (e = 1; e < n; e++) {
		if (!keep[e])
			continue;
		elem_body(c, e, obj, root, moff, mv, coff, cv);
		pg_w_check(c, pg_haru_raw_set(c->pdf, obj[e], c->tb, c->tbn));
	}
	next = parent_tree(c, obj);
	pg_w_check(c, pg_haru_raw_set(c->pdf, ptree, c->tb, c->tbn));
	c->tbn = 0;
	TB(c, "/Type /StructTreeRoot\n/K");
	tb_ref(c, obj[1]);
	TB(c, "\n/ParentTree");
	tb_ref(c, ptree);
	pg_w_tbf(c, "\n/ParentTreeNextKey %d\n", next);
	pg_w_check(c, pg_haru_raw_set(c->pdf, root, c->tb, c->tbn));
	pg_w_check(c, pg_haru_catalog_ref(c->pdf, "StructTreeRoot", root));
}

void
pg_w_tagged_free(struct wctx *c)
{
	free(c->mcr);
	free(c->tb);
	free(c->tkeep);
	free(c->tobj);
	free(c->tkey);
	free(c->tmv);
	free(c->tcv);
	free(c->tmoff);
	free(c->tcoff);
}
