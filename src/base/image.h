/*
 * image.h — the pictures a plan or a template names (PNG, JPEG): where
 * the file is (resolved inside the plan's folder tree), whether it can be
 * drawn exactly (probed: the whole file is read), and its pixels as 8-bit
 * grey or RGB plus an optional 8-bit alpha (decoded), so that nothing is
 * ever handed to the PDF writer that it could draw garbled (16-bit PNG,
 * palette with transparency, CMYK JPEG).
 *
 * Limits (plan-format.md, image-unreadable): a file over PG_IMG_MAX_BYTES
 * is refused unread; an image over PG_IMG_MAX_SIDE pixels a side or
 * PG_IMG_MAX_PIXELS pixels is refused before its pixels are read.
 *
 * No state; thread-safe.  Uses libpng; JPEG headers are parsed here (the
 * PDF embeds JPEG data as it is).
 *
 * Include: anyone.
 */
#ifndef PG_IMAGE_H
#define PG_IMAGE_H

#include <stddef.h>

#define PG_IMG_MAX_BYTES	(20L * 1024 * 1024)	/* 20 MB */
#define PG_IMG_MAX_SIDE		20000u
#define PG_IMG_MAX_PIXELS	(40u * 1000 * 1000)

enum pg_img_kind { PG_IMG_NONE, PG_IMG_PNG, PG_IMG_JPEG };

/* Why an image cannot be used (0: it can). */
enum pg_img_err {
	PG_IMGE_OK,
	PG_IMGE_URL,		/* src is a URL (never fetched) */
	PG_IMGE_ABSOLUTE,	/* src is an absolute path */
	PG_IMGE_OUTSIDE,	/* resolves outside the plan's folder tree */
	PG_IMGE_OPEN,		/* cannot be opened or read: see sys_errno */
	PG_IMGE_NOT_FILE,	/* a directory or a device */
	PG_IMGE_TOO_BIG,	/* over PG_IMG_MAX_BYTES */
	PG_IMGE_FORMAT,		/* neither PNG nor JPEG */
	PG_IMGE_HUGE,		/* too many pixels */
	PG_IMGE_CORRUPT,	/* truncated or damaged data */
	PG_IMGE_CMYK,		/* a CMYK (or YCCK) JPEG */
	PG_IMGE_UNSUPPORTED	/* a JPEG kind PDF readers cannot take
				   (12-bit, arithmetic, lossless) */
};

struct pg_img_info {
	enum pg_img_kind kind;
	unsigned	 w, h;		/* pixels */
	enum pg_img_err	 err;
	int		 sys_errno;	/* PG_IMGE_OPEN */
	long		 bytes;		/* file size */
	int		 jpeg_comps;	/* JPEG: 1 grey, 3 YCbCr/RGB */
};

/*
 * Resolve src (as written in the plan) against the folder of plan_file:
 * into out (n bytes) the real path of the file.  Refused: a URL (any
 * "scheme:" prefix), an absolute path, and anything whose real path
 * (symbolic links and "..", resolved) lies outside the real path of the
 * plan's folder.  Returns PG_IMGE_OK, or the reason (PG_IMGE_OPEN with
 * *sys_errno when the file does not exist).
 */
enum pg_img_err	 pg_image_resolve(const char *plan_file, const char *src,
		    char *out, size_t n, int *sys_errno);

/*
 * Read the whole file at path (already resolved) and fill *info: its
 * kind, size, and err = PG_IMGE_OK only if it can be drawn exactly.  A
 * PNG is decoded to the end (CRCs and all) into a one-row buffer; a JPEG's
 * markers are walked to its end.  Never crashes on hostile data.
 * Returns info->err.
 */
enum pg_img_err	 pg_image_probe(const char *path, struct pg_img_info *info);

/* Decoded pixels: 8 bits per sample, rows top to bottom, no padding. */
struct pg_img_pixels {
	unsigned	 w, h;
	int		 channels;	/* 1 grey, 3 RGB */
	unsigned char	*pix;		/* w * h * channels */
	unsigned char	*alpha;		/* w * h, or NULL: opaque */
};

/*
 * Decode the PNG at path into *px (grey or RGB, 8-bit; 16-bit samples
 * scaled down, palettes expanded, transparency as an alpha plane; an
 * alpha that is all 255 is dropped).  Returns 0, or -1 (px empty) if the
 * file is not a readable PNG within the limits or memory ran out.
 * Free with pg_image_pixels_free.
 */
int		 pg_image_decode_png(const char *path, struct pg_img_pixels *px);
void		 pg_image_pixels_free(struct pg_img_pixels *px);

#endif
