/*
 * subset.h — the font file libharu embeds for one face: a HarfBuzz subset
 * of exactly the code points drawn, its cmap rewritten to codes of its own,
 * written to an anonymous memory file (or a temporary file) for
 * HPDF_LoadTTFontFromFile.  Why a subset is mandatory: haru_shim.c.
 *
 * Include: pdf_write.c.
 */
#ifndef PG_PDF_SUBSET_H
#define PG_PDF_SUBSET_H

#include <stddef.h>
#include <stdint.h>

/* A set of BMP code points: bit cp of PG_CPSET_BYTES bytes. */
#define PG_CPSET_BYTES	(65536 / 8)

/* The first code point >= cp in set, or 65536 if there is none. */
static inline uint32_t
pg_cpset_next(const uint8_t *set, uint32_t cp)
{
	while (cp < 65536) {
		if ((cp & 7) == 0 && set[cp >> 3] == 0)
			cp += 8;
		else if (set[cp >> 3] >> (cp & 7) & 1)
			return cp;
		else
			cp++;
	}
	return 65536;
}

/*
 * The codes a face is drawn with.  Its characters get codes base + k, in
 * the order of their glyphs in the subset (characters the face lacks
 * last, drawn as glyph 0), and the subset's cmap maps exactly those codes:
 * one format-4 segment, so libharu's linear cmap search stops at the
 * first segment.  base is PG_REMAP_ONEBYTE_BASE for a face of at most 255
 * characters (drawable with 1-byte codes), else PG_REMAP_BASE, above the C0
 * and C1 controls.  A face of more than PG_REMAP_MAX characters keeps
 * Unicode codes (code == NULL): format 4 is limited to 64 KB.
 */
#define PG_REMAP_BASE		0x0100
#define PG_REMAP_ONEBYTE_BASE	1
#define PG_REMAP_MAX		30000

struct pg_remap {
	uint16_t	*code;		/* code point -> code (65,536), or NULL */
	uint16_t	*uni;		/* uni[k]: the code point of code base + k */
	unsigned	 ncodes;
	unsigned	 base;
};

/* The subset font file, open until libharu has loaded it. */
struct pg_subset {
	char	 path[4096];	/* what to load, "" when there is none */
	int	 memfd;		/* path is /proc/self/fd/memfd, or -1 */
};

/* No file yet.  Never fails. */
void	pg_subset_init(struct pg_subset *);

/*
 * Subset face `index` of the font file `font` to the code points in `used`
 * (a PG_CPSET_BYTES set, at least one), without hinting and without the
 * tables libharu never embeds, rewrite its cmap (struct pg_remap, filled
 * in `rm`, which must be zeroed or freed before) and write it to a new
 * file named in s->path: an anonymous memory file where /proc/self/fd
 * exists, else a file in $TMPDIR (or /tmp if that is unset or not
 * writable).  Call pg_subset_drop() as soon as the file has been loaded.
 * Returns 0, or -1 with a message in err (unreadable or unsubsettable
 * font, no temporary file, out of memory); then no file is left and rm
 * holds nothing to free beyond what pg_remap_free() releases.
 */
int	pg_subset_write(struct pg_subset *s, const char *font, int index,
	    const uint8_t *used, struct pg_remap *rm, char *err,
	    size_t errlen);

/* Close or unlink the file, if any.  Idempotent. */
void	pg_subset_drop(struct pg_subset *);

/* Free the code tables and zero rm.  Idempotent. */
void	pg_remap_free(struct pg_remap *rm);

#endif
