/*
 * haru_shim.c — everything plangen does inside libharu (libhpdf).  This is
 * the only file that includes libharu's private headers or reads its
 * structures; pdf_write.c uses hpdf.h and haru_shim.h only.
 *
 * Written for libharu 2.3.0 exactly: the Debian/Ubuntu package
 * libhpdf-dev 2.3.0 (Debian 12: 2.3.0+dfsg-1+b1).  configure refuses any
 * other version (hpdf_version.h, HPDF_GetVersion), as this depends on 2.3.0's
 * struct layouts and on what 2.3.0 writes: 2.4.0 already prints numbers
 * differently (HPDF_FToA, which pdf_write.c's content writer reproduces),
 * adds /CapHeight to font descriptors and rewrites embedded fonts' hmtx and
 * post tables (read off the diff of libharu's RELEASE_2_3_0 and v2.4.0
 * tags).  Moving to another version means re-checking every function
 * below against its source and the byte-identical renders (see "How this
 * was measured").
 *
 * Why plangen reaches into libharu at all, measured with libharu 2.3.0,
 * HarfBuzz 6.0.0 and WenQuanYi Micro Hei on Debian 12 (2 cores):
 *
 *  - Font subsets are mandatory.  Embedding the whole WenQuanYi Micro Hei
 *    TTC leaves 19,174 of its 20,932 ideographs blank in the PDF: libharu
 *    2.3.0 reads a composite glyph's component index as a signed 16-bit
 *    number, so components above glyph 32767 are never copied (the text
 *    still extracts; only the rendered page shows it).  A HarfBuzz subset
 *    of the code points drawn renumbers glyphs below 32768 (230 code points
 *    → a 50 KB font in 1.2–2.6 ms; 3,500 ideographs → 757 KB in ~8 ms).
 *    libharu de-duplicates fonts by name, so each face gets exactly one
 *    subset, and each subset's cmap is rewritten to codes of its own
 *    (pdf/subset.c).  libharu then walks all 65,536 codes when it creates
 *    a font: pg_haru_get_font_codes() makes it walk only the codes used
 *    (8 M instructions less per font, a CIDToGIDMap of the codes used
 *    instead of 128 KB to compress).
 *  - libharu's own ToUnicode map is wrong.  With HPDF_UseUTFEncodings and
 *    the "UTF-8" encoder it writes its CID map (begincidrange <0000>
 *    <FFFF> 0) as /ToUnicode; poppler warns "Invalid 'begincidrange'
 *    operator in ToUnicode CMap" and extraction works only through readers'
 *    fallbacks.  pg_haru_set_tounicode() replaces that stream's data with a
 *    CMapType 2 map (pdf/cmap.c): warning-free, exact extraction.
 *  - libharu's text layout cannot do Chinese: HPDF_Font_MeasureText and
 *    HPDF_Page_TextRect return 0 for Chinese without spaces when wrapping,
 *    and otherwise a byte count that can cut a UTF-8 character in half.
 *    Line breaking is plangen's own (src/layout), so the writer only draws
 *    positioned runs, and writes that page content itself (pdf/content.c):
 *    libharu's text operators run every string through its linear
 *    character-map lookup, which was a quarter of all instructions of a
 *    150-page render (compression another quarter).  Hence pg_haru_use_code()
 *    (libharu embeds only the glyphs its own text operators marked), the
 *    resource names, and pg_haru_set_page_content() (content compressed by
 *    plangen).
 *  - Faces of at most 255 characters are drawn with 1-byte codes (half the
 *    string bytes): pg_haru_set_encoding_cmap() embeds the CMap.  libharu
 *    2.3.0 has no API for the catalog's /Lang either: pg_haru_set_lang().
 *
 * How this was measured: blank glyphs by looking at rendered pages as
 * images, not with pdftotext; extraction and warnings with poppler's
 * pdftotext, MuPDF and qpdf --check (tests/e2e/pdf.sh and render.sh still
 * check them); times with hyperfine (median of 15 runs) and instruction
 * counts of whole renders.  Every change here is checked by rendering the
 * samples before and after and comparing the PDFs byte for byte (cmp).
 */
#include "config.h"

#include <string.h>

#include <hpdf.h>
#include <hpdf_doc.h>
#include <hpdf_encrypt.h>
#include <hpdf_font.h>
#include <hpdf_fontdef.h>
#include <hpdf_objects.h>
#include <hpdf_pages.h>

#include "pdf/haru_shim.h"

/*
 * libharu builds a font's /W and CIDToGIDMap by looking up all 65,536
 * codes in the font's cmap, unless the encoder is a plain CMap encoder, in
 * which case it walks the encoder's code -> CID table.  The "UTF-8" encoder
 * is a CMap encoder underneath, with its own to-Unicode function and its
 * decoding state kept in row 0 of that table.  So for the call, the
 * encoder poses as a plain CMap encoder whose table holds exactly the codes
 * (CID = code), plus one code past the end because libharu stops one short
 * of the highest CID; afterwards it is restored.
 */
HPDF_Font
pg_haru_get_font_codes(HPDF_Doc pdf, const char *name, unsigned first,
    unsigned n)
{
	HPDF_Encoder		 enc = HPDF_GetEncoder(pdf, "UTF-8");
	HPDF_CMapEncoderAttr	 ea;
	HPDF_Encoder_ToUnicode_Func fn;
	HPDF_UINT16		 row0[256];
	HPDF_Font		 f;
	unsigned		 k, code;

	if (enc == NULL)
		return NULL;
	ea = (HPDF_CMapEncoderAttr)enc->attr;
	fn = enc->to_unicode_fn;
	memcpy(row0, ea->cid_map[0], sizeof(row0));
	memset(ea->cid_map[0], 0, sizeof(row0));
	for (k = 0; k <= n; k++) {
		code = first + k;
		ea->cid_map[code >> 8][code & 0xFF] = (HPDF_UINT16)code;
		ea->unicode_map[code >> 8][code & 0xFF] = (HPDF_UNICODE)code;
	}
	enc->to_unicode_fn = HPDF_CMapEncoder_ToUnicode;
	f = HPDF_GetFont(pdf, name, "UTF-8");
	enc->to_unicode_fn = fn;
	for (k = 0; k <= n; k++) {
		code = first + k;
		ea->cid_map[code >> 8][code & 0xFF] = 0;
		ea->unicode_map[code >> 8][code & 0xFF] = 0;
	}
	memcpy(ea->cid_map[0], row0, sizeof(row0));
	return f;
}

int
pg_haru_use_code(HPDF_Font font, unsigned code)
{
	HPDF_FontDef def = ((HPDF_FontAttr)font->attr)->fontdef;

	return HPDF_TTFontDef_GetCharWidth(def, (HPDF_UINT16)code);
}

HPDF_STATUS
pg_haru_set_tounicode(HPDF_Font font, const char *cmap, size_t len)
{
	HPDF_Dict tu;

	tu = HPDF_Dict_GetItem(font, "ToUnicode", HPDF_OCLASS_DICT);
	if (tu == NULL || tu->stream == NULL)
		return HPDF_INVALID_OBJECT;
	HPDF_MemStream_FreeData(tu->stream);
	return HPDF_Stream_Write(tu->stream, (const HPDF_BYTE *)cmap,
	    (HPDF_UINT)len);
}

HPDF_STATUS
pg_haru_set_encoding_cmap(HPDF_Doc pdf, HPDF_Font font, const char *cmapname,
    const char *cmap)
{
	HPDF_MMgr	 mm = pdf->mmgr;
	HPDF_Dict	 enc, info;
	HPDF_STATUS	 st = HPDF_OK;

	enc = HPDF_DictStream_New(mm, pdf->xref);
	info = HPDF_Dict_New(mm);
	if (enc == NULL || info == NULL)
		return HPDF_Error_GetCode(&pdf->error);
	enc->filter = HPDF_STREAM_FILTER_FLATE_DECODE;
	st |= HPDF_Dict_AddName(enc, "Type", "CMap");
	st |= HPDF_Dict_AddName(enc, "CMapName", cmapname);
	st |= HPDF_Dict_Add(info, "Registry", HPDF_String_New(mm, "Adobe",
	    NULL));
	st |= HPDF_Dict_Add(info, "Ordering", HPDF_String_New(mm, "Identity",
	    NULL));
	st |= HPDF_Dict_AddNumber(info, "Supplement", 0);
	st |= HPDF_Dict_Add(enc, "CIDSystemInfo", info);
	st |= HPDF_Stream_WriteStr(enc->stream, cmap);
	st |= HPDF_Dict_Add(font, "Encoding", enc);
	/*
	 * libharu gives the CIDFont /CIDSystemInfo (Adobe) (Identity-H): any
	 * ordering goes with Identity-H, but with an embedded CMap the two
	 * must agree (PDF/A-2, 6.2.11.3.1), so the CIDFont's becomes the
	 * CMap's (Adobe) (Identity).
	 */
	if (st == HPDF_OK) {
		HPDF_Array	 df = HPDF_Dict_GetItem(font, "DescendantFonts",
				    HPDF_OCLASS_ARRAY);
		HPDF_Dict	 cid = df != NULL ? HPDF_Array_GetItem(df, 0,
				    HPDF_OCLASS_DICT) : NULL;
		HPDF_Dict	 csi = cid != NULL ? HPDF_Dict_GetItem(cid,
				    "CIDSystemInfo", HPDF_OCLASS_DICT) : NULL;

		if (csi != NULL)
			st |= HPDF_Dict_Add(csi, "Ordering", HPDF_String_New(mm,
			    "Identity", NULL));
	}
	return st == HPDF_OK ? HPDF_OK : HPDF_Error_GetCode(&pdf->error);
}

const char *
pg_haru_font_resource(HPDF_Page page, HPDF_Font font)
{
	return HPDF_Page_GetLocalFontName(page, font);
}

const char *
pg_haru_image_resource(HPDF_Page page, HPDF_Image image)
{
	return HPDF_Page_GetXObjectName(page, image);
}

/* Written into the dictionary of a content stream plangen compressed. */
static HPDF_STATUS
flate_key(HPDF_Dict d, HPDF_Stream s)
{
	(void)d;
	return HPDF_Stream_WriteStr(s, "/Filter /FlateDecode\012");
}

HPDF_STATUS
pg_haru_set_page_content(HPDF_Page page, const void *deflated, size_t len)
{
	HPDF_PageAttr	attr = (HPDF_PageAttr)page->attr;
	HPDF_STATUS	st;

	st = HPDF_Stream_Write(attr->stream, (const HPDF_BYTE *)deflated,
	    (HPDF_UINT)len);
	if (st != HPDF_OK)
		return st;
	attr->contents->filter = HPDF_STREAM_FILTER_NONE;
	attr->contents->write_fn = flate_key;
	return HPDF_OK;
}

HPDF_STATUS
pg_haru_set_lang(HPDF_Doc pdf, const char *lang)
{
	return HPDF_Dict_Add(pdf->catalog, "Lang",
	    HPDF_String_New(pdf->mmgr, lang, NULL));
}

/* ---- objects plangen writes itself (tagged PDF, metadata) ----
 *
 * libharu 2.3.0 has no structure tree, no XMP stream, no trailer /ID but
 * for encryption, and its PDF/A output intent writes the key
 * "/DestOutputProfile " with a trailing blank (hpdf_pdfa.c), so readers
 * never find the profile.  plangen writes those objects itself.  A "raw"
 * object is an indirect dictionary of libharu (so the xref and the object
 * number are libharu's) whose keys plangen writes as text: HPDF_Dict_Write
 * calls the dictionary's write_fn between "<<" and ">>", after the keys
 * libharu holds (none here).  The text lives in memory from libharu's
 * memory manager, released with the dictionary (free_fn).
 */

static HPDF_STATUS
raw_write(HPDF_Dict d, HPDF_Stream s)
{
	const char *body = d->attr;

	return body != NULL ? HPDF_Stream_WriteStr(s, body) : HPDF_OK;
}

static void
raw_free(HPDF_Dict d)
{
	if (d->attr != NULL)
		HPDF_FreeMem(d->mmgr, d->attr);
	d->attr = NULL;
}

HPDF_Dict
pg_haru_raw_new(HPDF_Doc pdf)
{
	HPDF_Dict d = HPDF_Dict_New(pdf->mmgr);

	if (d == NULL)
		return NULL;
	if (HPDF_Xref_Add(pdf->xref, d) != HPDF_OK)
		return NULL;	/* HPDF_Xref_Add freed it */
	d->write_fn = raw_write;
	d->free_fn = raw_free;
	return d;
}

HPDF_STATUS
pg_haru_raw_set(HPDF_Doc pdf, HPDF_Dict raw, const char *body, size_t len)
{
	HPDF_Dict	 d = raw;
	char		*p;

	if (len >= 0xFFFFFFF0u)
		return HPDF_SetError(&pdf->error, HPDF_FAILD_TO_ALLOC_MEM, 0);
	if ((p = HPDF_GetMem(pdf->mmgr, (HPDF_UINT)len + 1)) == NULL)
		return HPDF_Error_GetCode(&pdf->error);
	memcpy(p, body, len);
	p[len] = '\0';
	raw_free(d);
	d->attr = p;
	return HPDF_OK;
}

unsigned
pg_haru_obj_num(const void *obj)
{
	return ((const HPDF_Obj_Header *)obj)->obj_id & 0x00FFFFFF;
}

HPDF_STATUS
pg_haru_add_int(HPDF_Doc pdf, void *dict, const char *key, int v)
{
	HPDF_STATUS st = HPDF_Dict_AddNumber(dict, key, v);

	return st == HPDF_OK ? HPDF_OK : HPDF_Error_GetCode(&pdf->error);
}

HPDF_STATUS
pg_haru_add_name(HPDF_Doc pdf, void *dict, const char *key, const char *name)
{
	HPDF_STATUS st = HPDF_Dict_AddName(dict, key, name);

	return st == HPDF_OK ? HPDF_OK : HPDF_Error_GetCode(&pdf->error);
}

HPDF_STATUS
pg_haru_add_bytes(HPDF_Doc pdf, void *dict, const char *key,
    const unsigned char *b, size_t len)
{
	HPDF_STATUS st = HPDF_Dict_Add(dict, key, HPDF_Binary_New(pdf->mmgr,
	    (HPDF_BYTE *)b, (HPDF_UINT)len));

	return st == HPDF_OK ? HPDF_OK : HPDF_Error_GetCode(&pdf->error);
}

HPDF_STATUS
pg_haru_catalog_ref(HPDF_Doc pdf, const char *key, HPDF_Dict obj)
{
	HPDF_STATUS st = HPDF_Dict_Add(pdf->catalog, key, obj);

	return st == HPDF_OK ? HPDF_OK : HPDF_Error_GetCode(&pdf->error);
}

HPDF_STATUS
pg_haru_catalog_array(HPDF_Doc pdf, const char *key, HPDF_Dict obj)
{
	HPDF_Array	a = HPDF_Array_New(pdf->mmgr);
	HPDF_STATUS	st = HPDF_OK;

	if (a == NULL)
		return HPDF_Error_GetCode(&pdf->error);
	st |= HPDF_Array_Add(a, obj);
	st |= HPDF_Dict_Add(pdf->catalog, key, a);
	return st == HPDF_OK ? HPDF_OK : HPDF_Error_GetCode(&pdf->error);
}

HPDF_STATUS
pg_haru_catalog_flags(HPDF_Doc pdf, int marked)
{
	HPDF_Dict	 mi = HPDF_Dict_New(pdf->mmgr);
	HPDF_Dict	 vp = HPDF_Dict_New(pdf->mmgr);
	HPDF_STATUS	 st = HPDF_OK;

	if (mi == NULL || vp == NULL) {
		HPDF_Dict_Free(mi);
		HPDF_Dict_Free(vp);
		return HPDF_Error_GetCode(&pdf->error);
	}
	st |= HPDF_Dict_AddBoolean(mi, "Marked", HPDF_TRUE);
	st |= HPDF_Dict_AddBoolean(vp, "DisplayDocTitle", HPDF_TRUE);
	if (marked)
		st |= HPDF_Dict_Add(pdf->catalog, "MarkInfo", mi);
	else
		HPDF_Dict_Free(mi);
	st |= HPDF_Dict_Add(pdf->catalog, "ViewerPreferences", vp);
	return st == HPDF_OK ? HPDF_OK : HPDF_Error_GetCode(&pdf->error);
}

HPDF_Dict
pg_haru_stream_new(HPDF_Doc pdf, const void *data, size_t len, int compress)
{
	HPDF_Dict d = HPDF_DictStream_New(pdf->mmgr, pdf->xref);

	if (d == NULL)
		return NULL;
	d->filter = compress ? HPDF_STREAM_FILTER_FLATE_DECODE :
	    HPDF_STREAM_FILTER_NONE;
	if (HPDF_Stream_Write(d->stream, (const HPDF_BYTE *)data,
	    (HPDF_UINT)len) != HPDF_OK)
		return NULL;
	return d;
}

HPDF_STATUS
pg_haru_set_id(HPDF_Doc pdf, const unsigned char id[16])
{
	HPDF_Array	a = HPDF_Array_New(pdf->mmgr);
	HPDF_STATUS	st = HPDF_OK;

	if (a == NULL)
		return HPDF_Error_GetCode(&pdf->error);
	st |= HPDF_Array_Add(a, HPDF_Binary_New(pdf->mmgr, (HPDF_BYTE *)id, 16));
	st |= HPDF_Array_Add(a, HPDF_Binary_New(pdf->mmgr, (HPDF_BYTE *)id, 16));
	st |= HPDF_Dict_Add(pdf->trailer, "ID", a);
	return st == HPDF_OK ? HPDF_OK : HPDF_Error_GetCode(&pdf->error);
}

void
pg_haru_set_version(HPDF_Doc pdf, int minor)
{
	static const HPDF_PDFVer v[] = { HPDF_VER_12, HPDF_VER_13, HPDF_VER_14,
	    HPDF_VER_15, HPDF_VER_16, HPDF_VER_17 };

	if (minor >= 2 && minor <= 7)
		pdf->pdf_version = v[minor - 2];
}

void
pg_haru_md5(const void *const *part, const size_t *len, size_t n,
    unsigned char out[16])
{
	HPDF_MD5_CTX	ctx;
	size_t		i, k, step;

	HPDF_MD5Init(&ctx);
	for (i = 0; i < n; i++)
		for (k = 0; k < len[i]; k += step) {
			step = len[i] - k > 0x40000000 ? 0x40000000 : len[i] - k;
			HPDF_MD5Update(&ctx, (const HPDF_BYTE *)part[i] + k,
			    (HPDF_UINT32)step);
		}
	HPDF_MD5Final(out, &ctx);
}
