/*
 * haru_shim.h — the few things plangen does to libharu 2.3.0 that its
 * public API (hpdf.h) cannot do.  haru_shim.c is the only file that
 * includes libharu's private headers or touches its structures; why, and
 * for which versions, is at the top of that file.  configure refuses any
 * libharu but 2.3.0.
 *
 * Errors: these functions do not call the document's error handler
 * themselves.  Each returns libharu's status (HPDF_OK, or the error code
 * libharu recorded, which HPDF_GetErrorDetail then details); the caller
 * turns it into a failure.  Only where a function calls a public libharu
 * function (noted below) can the error handler run, and so longjmp, inside
 * it.  Nothing here allocates memory that libharu does not own: after an
 * error the document is still freed whole by HPDF_Free.
 *
 * Include: pdf_write.c.
 */
#ifndef PG_HARU_SHIM_H
#define PG_HARU_SHIM_H

#include <stddef.h>

#include <hpdf.h>

/* ---- fonts (a TrueType font loaded with HPDF_LoadTTFontFromFile and used
 *      with libharu's "UTF-8" encoder after HPDF_UseUTFEncodings) ---- */

/*
 * HPDF_GetFont(pdf, name, "UTF-8") for a font whose cmap maps exactly the
 * codes first .. first + n - 1 (n >= 1, first + n <= 0xFFFF) and no
 * other: libharu builds the font's widths (/W) and CIDToGIDMap from just
 * those codes (CID = code) instead of looking up all 65,536 in the cmap.
 * Returns the font, or NULL when libharu failed (its error handler has
 * been called by then).  The "UTF-8" encoder is restored before
 * returning; if the error handler longjmps out of HPDF_GetFont it is not,
 * and the document must then only be freed.
 */
HPDF_Font	pg_haru_get_font_codes(HPDF_Doc pdf, const char *name,
		    unsigned first, unsigned n);

/*
 * The advance width of `code` in `font` (1/1000 em, as libharu writes it
 * in /W) and mark its glyph used: libharu embeds the outlines of used
 * glyphs only, and the page content written by plangen does not go through
 * libharu's text operators, which would mark them.  A code the font's cmap
 * lacks gives glyph 0's width and marks glyph 0.  Never fails.
 */
int		pg_haru_use_code(HPDF_Font font, unsigned code);

/*
 * Replace the data of the font's /ToUnicode stream (which libharu 2.3.0
 * fills with an invalid map, see haru_shim.c) by cmap[0 .. len).  The
 * stream is compressed on saving like any other.  Returns HPDF_OK;
 * HPDF_INVALID_OBJECT, changing nothing, if the font has no /ToUnicode
 * stream; or libharu's error code if memory ran out.
 */
HPDF_STATUS	pg_haru_set_tounicode(HPDF_Font font, const char *cmap,
		    size_t len);

/*
 * Replace the font's /Encoding (Identity-H) by an embedded CMap stream
 * named `cmapname` (a PDF name without the slash) with the text `cmap`
 * and /CIDSystemInfo (Adobe) (Identity) 0.  The stream is compressed on
 * saving.  Returns HPDF_OK or libharu's error code.
 */
HPDF_STATUS	pg_haru_set_encoding_cmap(HPDF_Doc pdf, HPDF_Font font,
		    const char *cmapname, const char *cmap);

/* ---- pages ---- */

/*
 * The page's resource name of a font / image ("F1", "X2", ...), adding it
 * to the page's resources the first time (what HPDF_Page_SetFontAndSize
 * and HPDF_Page_DrawImage do before writing their operators).  Returns
 * NULL if memory ran out.  The name is owned by the page.
 */
const char	*pg_haru_font_resource(HPDF_Page page, HPDF_Font font);
const char	*pg_haru_image_resource(HPDF_Page page, HPDF_Image image);

/*
 * Append len bytes of page content that the caller has already compressed
 * with zlib (deflate, zlib format) to the page's content stream, and make
 * libharu write that stream as it is, with /Filter /FlateDecode, instead
 * of compressing it again.  Call at most once per page, with everything
 * the page draws, after any libharu call that draws on the page.  Returns
 * HPDF_OK or libharu's error code (memory ran out).
 */
HPDF_STATUS	pg_haru_set_page_content(HPDF_Page page, const void *deflated,
		    size_t len);

/* ---- the document ---- */

/*
 * Set the catalog's /Lang (a BCP 47 tag such as "zh-CN", written as a PDF
 * string).  Returns HPDF_OK or libharu's error code.
 */
HPDF_STATUS	pg_haru_set_lang(HPDF_Doc pdf, const char *lang);

/* ---- objects plangen writes itself: tagged PDF, metadata, /ID ---- */

/*
 * A new indirect object (in libharu's xref, numbered by it) whose body,
 * the text between "<<" and ">>", plangen sets later with
 * pg_haru_raw_set (it may refer to other objects by their numbers).
 * Returns NULL if memory ran out (libharu's error handler ran).
 */
HPDF_Dict	pg_haru_raw_new(HPDF_Doc pdf);

/*
 * Set the body of a raw object to body[0 .. len) (copied; written as it
 * is, so it must be valid PDF dictionary entries).  HPDF_OK or libharu's
 * error code.
 */
HPDF_STATUS	pg_haru_raw_set(HPDF_Doc pdf, HPDF_Dict raw, const char *body,
		    size_t len);

/* The object number of an indirect object (page, annotation, raw). */
unsigned	pg_haru_obj_num(const void *obj);

/*
 * Add (or replace) key in a dictionary libharu made (a page, an
 * annotation, a stream from pg_haru_stream_new): an integer, a name (no
 * slash), or a string of len bytes (written in hex).  HPDF_OK or
 * libharu's error code.
 */
HPDF_STATUS	pg_haru_add_int(HPDF_Doc pdf, void *dict, const char *key, int v);
HPDF_STATUS	pg_haru_add_name(HPDF_Doc pdf, void *dict, const char *key,
		    const char *name);
HPDF_STATUS	pg_haru_add_bytes(HPDF_Doc pdf, void *dict, const char *key,
		    const unsigned char *b, size_t len);

/* The catalog's key refers to obj (an indirect object).  HPDF_OK or code. */
HPDF_STATUS	pg_haru_catalog_ref(HPDF_Doc pdf, const char *key, HPDF_Dict obj);

/* The catalog's key is an array of one reference, to obj.  HPDF_OK or code. */
HPDF_STATUS	pg_haru_catalog_array(HPDF_Doc pdf, const char *key, HPDF_Dict obj);

/*
 * The catalog's /ViewerPreferences << /DisplayDocTitle true >> and, if
 * marked, /MarkInfo << /Marked true >>.  HPDF_OK or libharu's error code.
 */
HPDF_STATUS	pg_haru_catalog_flags(HPDF_Doc pdf, int marked);

/*
 * A new indirect stream holding data[0 .. len), flate-compressed on
 * saving if compress.  Add its other keys with pg_haru_add_*.  NULL if
 * memory ran out.
 */
HPDF_Dict	pg_haru_stream_new(HPDF_Doc pdf, const void *data, size_t len,
		    int compress);

/* The trailer's /ID [<id> <id>].  HPDF_OK or libharu's error code. */
HPDF_STATUS	pg_haru_set_id(HPDF_Doc pdf, const unsigned char id[16]);

/* The header's version, PDF-1.minor (2..7).  Never fails. */
void		pg_haru_set_version(HPDF_Doc pdf, int minor);

/* The MD5 digest of the n byte strings part[i][0 .. len[i]) in a row. */
void		pg_haru_md5(const void *const *part, const size_t *len,
		    size_t n, unsigned char out[16]);

#endif
