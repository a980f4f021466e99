/*
 * subset.c — a HarfBuzz subset of one face, its cmap rewritten to codes of
 * its own, in a file libharu can load.  See subset.h.
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/mman.h>

#include <hb.h>
#include <hb-subset.h>

#include "pdf/subset.h"

/* The HarfBuzz objects of one pg_subset_write call. */
struct hbstate {
	hb_blob_t	*blob;
	hb_face_t	*face, *sub;
	hb_subset_input_t *input;
	hb_font_t	*font;
	hb_face_t	*builder, *subread;
	uint32_t	*pairs;		/* remap: gid << 16 | code point */
};

static void
hb_release(struct hbstate *h)
{
	hb_subset_input_destroy(h->input);
	hb_font_destroy(h->font);
	hb_face_destroy(h->builder);
	hb_face_destroy(h->subread);
	free(h->pairs);
	hb_face_destroy(h->sub);
	hb_face_destroy(h->face);
	hb_blob_destroy(h->blob);
	memset(h, 0, sizeof(*h));
}

static void
put16(unsigned char *p, unsigned v)
{
	p[0] = (unsigned char)(v >> 8);
	p[1] = (unsigned char)v;
}

static int
cmp_u32(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;

	return x < y ? -1 : x > y;
}

static void
free_blob_data(void *p)
{
	free(p);
}

/*
 * Give each code point of `used` a code base + k, in the order of its glyph
 * id in the subset h->sub (characters the face lacks last, with glyph 0),
 * and replace the subset's cmap by one format-4 segment mapping those codes
 * to the same glyphs.  Leaves the new font face in h->builder.  Glyphs,
 * widths and every other table are untouched; the ToUnicode map (cmap.c)
 * maps the codes back.  Does nothing (Unicode codes stay) if the face
 * draws more than PG_REMAP_MAX characters.  Returns 0, or -1 if memory ran
 * out.
 */
static int
remap_cmap(struct hbstate *h, const uint8_t *used, struct pg_remap *rm)
{
	hb_tag_t	 tags[64];
	unsigned	 ntags, start = 0, i, n = 0, len;
	hb_codepoint_t	 gid;
	unsigned char	*t;
	hb_blob_t	*blob;
	uint32_t	 cp;

	for (cp = pg_cpset_next(used, 0); cp < 65536;
	    cp = pg_cpset_next(used, cp + 1))
		n++;
	if (n == 0 || n > PG_REMAP_MAX)
		return 0;
	if ((h->pairs = malloc(n * sizeof(*h->pairs))) == NULL ||
	    (rm->code = calloc(65536, sizeof(*rm->code))) == NULL ||
	    (rm->uni = malloc(n * sizeof(*rm->uni))) == NULL)
		return -1;
	h->font = hb_font_create(h->sub);
	n = 0;
	for (cp = pg_cpset_next(used, 0); cp < 65536;
	    cp = pg_cpset_next(used, cp + 1)) {
		if (!hb_font_get_nominal_glyph(h->font, cp, &gid) || gid == 0)
			gid = 0xFFFF;	/* missing: last, drawn as glyph 0 */
		h->pairs[n++] = (uint32_t)gid << 16 | cp;
	}
	qsort(h->pairs, n, sizeof(*h->pairs), cmp_u32);
	/* cmap: header, one encoding record, format 4 with 2 segments */
	len = 4 + 8 + 14 + 2 * 4 + 2 + 2 * 4 + 2 * n;
	if ((t = calloc(1, len)) == NULL)
		return -1;
	put16(t + 2, 1);		/* numTables */
	put16(t + 4, 3);		/* Windows */
	put16(t + 6, 1);		/* Unicode BMP */
	t[11] = 12;			/* offset */
	put16(t + 12, 4);		/* format */
	put16(t + 14, len - 12);	/* length */
	put16(t + 18, 4);		/* segCountX2 */
	put16(t + 20, 4);		/* searchRange */
	put16(t + 22, 1);		/* entrySelector */
	put16(t + 24, 0);		/* rangeShift */
	rm->base = n <= 255 ? PG_REMAP_ONEBYTE_BASE : PG_REMAP_BASE;
	put16(t + 26, rm->base + n - 1);	/* endCode */
	put16(t + 28, 0xFFFF);
	put16(t + 32, rm->base);	/* startCode */
	put16(t + 34, 0xFFFF);
	put16(t + 36, 0);		/* idDelta */
	put16(t + 38, 1);
	put16(t + 40, 4);		/* idRangeOffset: glyphIdArray[0] */
	put16(t + 42, 0);
	for (i = 0; i < n; i++) {
		gid = h->pairs[i] >> 16;
		put16(t + 44 + 2 * i, gid == 0xFFFF ? 0 : gid);
		rm->uni[i] = (uint16_t)h->pairs[i];
		rm->code[(uint16_t)h->pairs[i]] = (uint16_t)(rm->base + i);
	}
	rm->ncodes = n;
	blob = hb_blob_create((const char *)t, len, HB_MEMORY_MODE_WRITABLE, t,
	    free_blob_data);
	h->builder = hb_face_builder_create();
	hb_face_builder_add_table(h->builder, HB_TAG('c','m','a','p'), blob);
	hb_blob_destroy(blob);
	/* a subset face lists no tables (HarfBuzz 6): read it back */
	blob = hb_face_reference_blob(h->sub);
	h->subread = hb_face_create(blob, 0);
	hb_blob_destroy(blob);
	do {
		ntags = sizeof(tags) / sizeof(tags[0]);
		hb_face_get_table_tags(h->subread, start, &ntags, tags);
		for (i = 0; i < ntags; i++) {
			if (tags[i] == HB_TAG('c','m','a','p'))
				continue;
			blob = hb_face_reference_table(h->subread, tags[i]);
			hb_face_builder_add_table(h->builder, tags[i], blob);
			hb_blob_destroy(blob);
		}
		start += ntags;
	} while (ntags == sizeof(tags) / sizeof(tags[0]));
	return 0;
}

/*
 * Subset face `index` of `font` to the code points of `used` into h->sub.
 * No hinting (glyph instructions, fpgm, prep, cvt: a third of a Latin
 * subset; PDF viewers scale outlines without them), and none of the
 * tables libharu never copies into the PDF (it writes only OS/2 cmap cvt
 * fpgm glyf head hhea hmtx loca maxp name post prep): subsetting those
 * only costs time.
 */
static int
subset(struct hbstate *h, const char *font, int index, const uint8_t *used,
    char *err, size_t errlen)
{
	static const char dropped[][5] = {
		"GSUB", "GPOS", "GDEF", "BASE", "JSTF", "MATH", "kern", "hdmx",
		"VDMX", "LTSH", "gasp", "DSIG", "vhea", "vmtx", "VORG", "morx",
		"mort", "kerx", "feat", "trak", "prop", "STAT", "fvar", "gvar",
		"avar", "HVAR", "VVAR", "MVAR", "cvar", "meta", "PCLT", "EBDT",
		"EBLC", "EBSC", "CBDT", "CBLC", "sbix", "COLR", "CPAL", "SVG ",
	};
	hb_set_t	*uni, *drop;
	size_t		 i;
	uint32_t	 cp;

	if ((h->blob = hb_blob_create_from_file_or_fail(font)) == NULL) {
		snprintf(err, errlen, "cannot read font file %s", font);
		return -1;
	}
	h->face = hb_face_create(h->blob, (unsigned)index);
	if ((h->input = hb_subset_input_create_or_fail()) == NULL) {
		snprintf(err, errlen, "out of memory");
		return -1;
	}
	uni = hb_subset_input_unicode_set(h->input);
	for (cp = pg_cpset_next(used, 0); cp < 65536;
	    cp = pg_cpset_next(used, cp + 1))
		hb_set_add(uni, cp);
	hb_subset_input_set_flags(h->input, HB_SUBSET_FLAGS_NO_HINTING);
	drop = hb_subset_input_set(h->input, HB_SUBSET_SETS_DROP_TABLE_TAG);
	for (i = 0; i < sizeof(dropped) / sizeof(dropped[0]); i++)
		hb_set_add(drop, HB_TAG(dropped[i][0], dropped[i][1],
		    dropped[i][2], dropped[i][3]));
	if ((h->sub = hb_subset_or_fail(h->face, h->input)) == NULL) {
		snprintf(err, errlen, "cannot subset font %s", font);
		return -1;
	}
	return 0;
}

/*
 * Open a new file for the subset in s: an anonymous in-memory file
 * (memfd) that libharu opens through /proc/self/fd, so a render killed at
 * any moment leaves no font file behind; else a file in $TMPDIR or /tmp,
 * unlinked as soon as libharu has opened it.  Returns the descriptor, or
 * -1 with a message in err.
 */
static int
open_file(struct pg_subset *s, char *err, size_t errlen)
{
	const char	*dir = getenv("TMPDIR");
	int		 fd = -1;

#ifdef MFD_CLOEXEC
	if (access("/proc/self/fd", X_OK) == 0 &&
	    (fd = memfd_create("plangen-font", MFD_CLOEXEC)) != -1) {
		s->memfd = fd;
		snprintf(s->path, sizeof(s->path), "/proc/self/fd/%d", fd);
		return fd;
	}
#endif
	if (dir == NULL || *dir == '\0' || strlen(dir) > sizeof(s->path) - 32)
		dir = "/tmp";
	/* $TMPDIR, then /tmp if $TMPDIR is not writable */
	snprintf(s->path, sizeof(s->path), "%s/plangen-font-XXXXXX", dir);
	if ((fd = mkstemp(s->path)) == -1 && strcmp(dir, "/tmp") != 0) {
		snprintf(s->path, sizeof(s->path), "/tmp/plangen-font-XXXXXX");
		fd = mkstemp(s->path);
	}
	if (fd == -1) {
		s->path[0] = '\0';
		snprintf(err, errlen, "cannot create a temporary font file in "
		    "%s: %s", dir, strerror(errno));
	}
	return fd;
}

void
pg_subset_init(struct pg_subset *s)
{
	s->path[0] = '\0';
	s->memfd = -1;
}

int
pg_subset_write(struct pg_subset *s, const char *font, int index,
    const uint8_t *used, struct pg_remap *rm, char *err, size_t errlen)
{
	struct hbstate	 h;
	hb_blob_t	*res;
	const char	*data;
	unsigned	 len;
	ssize_t		 n;
	size_t		 off = 0;
	int		 fd;

	memset(&h, 0, sizeof(h));
	if (subset(&h, font, index, used, err, errlen) == -1)
		goto fail;
	if (remap_cmap(&h, used, rm) == -1) {
		snprintf(err, errlen, "out of memory");
		goto fail;
	}
	if ((fd = open_file(s, err, errlen)) == -1)
		goto fail;
	res = hb_face_reference_blob(h.builder != NULL ? h.builder : h.sub);
	data = hb_blob_get_data(res, &len);
	while (off < len) {
		n = write(fd, data + off, len - off);
		if (n <= 0 && errno != EINTR)
			break;
		if (n > 0)
			off += (size_t)n;
	}
	hb_blob_destroy(res);
	if ((s->memfd == -1 && close(fd) == -1) || off < len) {
		snprintf(err, errlen, "cannot write temporary font file %s",
		    s->path);
		pg_subset_drop(s);
		goto fail;
	}
	hb_release(&h);
	return 0;
fail:
	hb_release(&h);
	return -1;
}

void
pg_subset_drop(struct pg_subset *s)
{
	if (s->memfd != -1) {
		close(s->memfd);
		s->memfd = -1;
	} else if (s->path[0] != '\0')
		unlink(s->path);
	s->path[0] = '\0';
}

void
pg_remap_free(struct pg_remap *rm)
{
	free(rm->code);
	free(rm->uni);
	memset(rm, 0, sizeof(*rm));
}
