/*
 * cmap.h — the CMap texts plangen embeds in its fonts: the /ToUnicode maps
 * that replace libharu's invalid one (see haru_shim.c), and the encoding
 * of faces drawn with 1-byte codes.  Plain text building, no libharu.
 *
 * Include: pdf_write.c.
 */
#ifndef PG_PDF_CMAP_H
#define PG_PDF_CMAP_H

#include <stddef.h>
#include <stdint.h>

/*
 * The ToUnicode CMap (CMapType 2) of a face drawn with codes of its own:
 * code base + k is the character uni[k], for k < n (n >= 1; codes and
 * characters below 0x10000).  Each run of codes whose characters are
 * consecutive too is one bfrange (never crossing a low byte of FF), every
 * other code one bfchar, at most 100 entries per block.  With `onebyte`
 * the codes are 1 byte (base + n <= 256).
 *
 * The text goes to *buf, which is grown with realloc to *cap bytes as
 * needed (both may start as NULL / 0; the caller frees *buf).  Returns its
 * length, or 0 if memory ran out.
 */
size_t	pg_tounicode_codes(char **buf, size_t *cap, const uint16_t *uni,
	    unsigned n, unsigned base, int onebyte);

/*
 * The ToUnicode CMap of a face drawn with Unicode codes (libharu's "UTF-8"
 * encoder, whose codes are the UTF-16 values): an identity bfrange
 * <XX00> <XXFF> <XX00> for each block of 256 characters with a character
 * in `used` (a set of 65,536 bits), skipping the surrogate blocks D8-DF.
 * Buffer and result as for pg_tounicode_codes.
 */
size_t	pg_tounicode_blocks(char **buf, size_t *cap, const uint8_t *used);

/*
 * The encoding CMap of a face drawn with 1-byte codes: byte b is CID b
 * (CMapType 1, /CIDSystemInfo Adobe-Identity-0), so the CIDs, widths and
 * CIDToGIDMap of libharu's Identity-H font stay as they are.
 */
#define PG_CMAP_ONEBYTE_NAME	"PlangenOneByte"
extern const char pg_cmap_onebyte[];

#endif
