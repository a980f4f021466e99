/*
 * fuzz_image.c — libFuzzer harness: bytes -> the image readers of
 * src/base/image.c (pg_image_probe, then pg_image_decode_png), as a plan's
 * or a template's PNG or JPEG file.  Must never crash, leak or trip a
 * sanitizer; and the two readers must agree: a PNG the probe accepts
 * decodes, to the size the probe saw, and one it refuses does not.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>

#include "memfile.h"
#include "base/image.h"

int	LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct pg_img_info	 info;
	struct pg_img_pixels	 px;
	char			 path[64];
	int			 fd, rc;
	enum pg_img_err		 e;

	fd = memfile(data, size, path, sizeof(path));
	e = pg_image_probe(path, &info);
	if (e != info.err || (e == PG_IMGE_OK && (info.w == 0 || info.h == 0 ||
	    info.kind == PG_IMG_NONE)))
		abort();
	rc = pg_image_decode_png(path, &px);
	if (rc == 0) {
		if (info.kind != PG_IMG_PNG || e != PG_IMGE_OK ||
		    px.w != info.w || px.h != info.h || px.pix == NULL ||
		    (px.channels != 1 && px.channels != 3))
			abort();	/* decoded what the probe refused */
		pg_image_pixels_free(&px);
	} else if (info.kind == PG_IMG_PNG && e == PG_IMGE_OK)
		abort();		/* refused what the probe accepted */
	else if (px.pix != NULL || px.alpha != NULL)
		abort();		/* a refusal leaves px empty */
	close(fd);
	return 0;
}
