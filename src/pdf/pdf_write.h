/*
 * pdf_write.h — draw pages of boxes (frame.h) into PDF bytes with libharu.
 *
 * The writer knows nothing of the plan: it walks the frames, embeds one
 * HarfBuzz subset of each font file face the text uses (exactly the code
 * points drawn), and saves to memory.  Frames with structure elements
 * give a tagged PDF (marked content, a structure tree: tagged.c); every
 * PDF has XMP metadata in step with its document information, a trailer
 * /ID derived from its content, and a PDF-1.7 header (meta.c).  The caller writes the bytes (with
 * outfile.h) and decides the date (SOURCE_DATE_EPOCH) in frames->date.
 *
 * Include: render, tests.
 */
#ifndef PG_PDF_WRITE_H
#define PG_PDF_WRITE_H

#include <stddef.h>

#include "layout/font.h"
#include "layout/frame.h"

/*
 * The most bytes of a text the PDF's labels keep (the document
 * information, the XMP metadata, a bookmark): a longer one is cut there,
 * at a character boundary, with "…" (libharu refuses a string over 65,535
 * bytes).  The pages draw it whole.
 */
#define PG_PDF_LABEL_MAX	4000

/*
 * Render `frames` (faces indexed into `fonts`, which must be loaded from
 * files: a fake fontset cannot be drawn) into a PDF held in memory.
 *
 * On success returns 0 and sets *out to a malloc'd buffer of *outlen bytes
 * that the caller frees.  The same frames and fonts give byte-identical
 * output (an /ID from the content, no current time; the dates come from
 * frames->date, -1 = none).  On failure returns -1 with a message in err (libharu's error
 * code, and the file for an unreadable image or font); *out is NULL and
 * nothing leaks.
 *
 * Characters a face lacks draw as that face's empty glyph; characters
 * beyond the BMP, control characters and invalid UTF-8 are not drawn.
 * Warning about them is the caller's job (pg_fontset_missing).
 */
int	pg_pdf_write(const struct pg_frames *, const struct pg_fontset *,
	    unsigned char **out, size_t *outlen, char *err, size_t errlen);

/* What else the PDF claims to be. */
struct pg_pdf_opts {
	int		 pdfa;	/* PDF/A-2B: an sRGB output intent from icc,
				   pdfaid in the XMP */
	const char	*icc;	/* an RGB ICC profile file (sRGB) */
};

/*
 * pg_pdf_write with options (NULL: none).  A profile that cannot be read
 * or is no RGB ICC profile is a failure naming the file.
 */
int	pg_pdf_write_opts(const struct pg_frames *, const struct pg_fontset *,
	    const struct pg_pdf_opts *, unsigned char **out, size_t *outlen,
	    char *err, size_t errlen);

/*
 * The sRGB ICC profile for pg_pdf_opts.icc: $PLANGEN_ICC if set, else the
 * first readable of Debian's icc-profiles-free (/usr/share/color/icc/
 * sRGB.icc) and colord (/usr/share/color/icc/colord/sRGB.icc) profiles;
 * NULL if there is none.  The profile is read when the PDF is written.
 */
const char	*pg_pdf_srgb_icc(void);

#endif
