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
