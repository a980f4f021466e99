/*
 * image.c — resolving, probing and decoding the pictures a plan or a
 * template names.  See image.h for the contracts.
 *
 * Design:
 *  1. Every failure is a value (enum pg_img_err), never a crash: libpng
 *     errors longjmp back to the one function that called it; JPEG data is
 *     walked with bounds checks on every byte read.
 *  2. Nothing is allocated from what the file claims before the claim is
 *     checked against the limits (side, pixels, file size).
 *  3. A file is opened without following it into a FIFO or device
 *     (O_NONBLOCK, then fstat: regular files only).
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <png.h>

#include "base/image.h"

/* ---- resolving ----------------------------------------------------------- */

/* 1 if s starts with "scheme:" (RFC 3986: a letter, then letters, digits, + - .). */
static int
is_url(const char *s)
{
	const char *p = s;

	if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z')))
		return 0;
	for (p++; (*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
	    (*p >= '0' && *p <= '9') || *p == '+' || *p == '-' || *p == '.'; p++)
		;
	return *p == ':';
}

/* 1 if the relative path s climbs above its start with "..", lexically. */
static int
climbs(const char *s)
{
	long depth = 0;

	while (*s != '\0') {
		const char *e = strchr(s, '/');
		size_t n = e ? (size_t)(e - s) : strlen(s);
		if (n == 2 && s[0] == '.' && s[1] == '.') {
			if (--depth < 0)
				return 1;
		} else if (n > 0 && !(n == 1 && s[0] == '.'))
			depth++;
		s += n;
		if (*s == '/')
			s++;
	}
	return 0;
}

enum pg_img_err
pg_image_resolve(const char *plan_file, const char *src, char *out, size_t n,
    int *sys_errno)
{
	char		 dir[PATH_MAX], base[PATH_MAX], joined[PATH_MAX * 2];
	char		 real[PATH_MAX];
	const char	*slash;
	size_t		 bl;

	*sys_errno = 0;
	if (n > 0)
		out[0] = '\0';
	if (src == NULL || *src == '\0') {
		*sys_errno = ENOENT;
		return PG_IMGE_OPEN;
	}
	if (is_url(src))	/* "C:" is a drive letter: absolute */
		return src[1] == ':' ? PG_IMGE_ABSOLUTE : PG_IMGE_URL;
	if (src[0] == '/' || src[0] == '\\')
		return PG_IMGE_ABSOLUTE;
	if (climbs(src))
		return PG_IMGE_OUTSIDE;
	slash = plan_file != NULL ? strrchr(plan_file, '/') : NULL;
	if (slash == NULL)
		snprintf(dir, sizeof(dir), ".");
	else if (slash == plan_file)
		snprintf(dir, sizeof(dir), "/");
	else
		snprintf(dir, sizeof(dir), "%.*s", (int)(slash - plan_file),
		    plan_file);
	if (realpath(dir, base) == NULL) {
		*sys_errno = errno;
		return PG_IMGE_OPEN;
	}
	if ((size_t)snprintf(joined, sizeof(joined), "%s/%s", base, src) >=
	    sizeof(joined)) {
		*sys_errno = ENAMETOOLONG;
		return PG_IMGE_OPEN;
	}
	if (realpath(joined, real) == NULL) {
		*sys_errno = errno;
		return PG_IMGE_OPEN;
	}
	bl = strlen(base);
	if (!(strcmp(base, "/") == 0 || (strncmp(real, base, bl) == 0 &&
	    real[bl] == '/')))
		return PG_IMGE_OUTSIDE;
	if (strlen(real) >= n) {
		*sys_errno = ENAMETOOLONG;
		return PG_IMGE_OPEN;
	}
	memcpy(out, real, strlen(real) + 1);
	return PG_IMGE_OK;
}

/* ---- opening --------------------------------------------------------------- */

/* Open a regular file for reading; NULL with info->err set otherwise. */
static FILE *
open_file(const char *path, struct pg_img_info *info)
{
	struct stat	 st;
	int		 fd;
	FILE		*fp;

	if ((fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)) < 0) {
		info->sys_errno = errno;
		info->err = PG_IMGE_OPEN;
		return NULL;
	}
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
		close(fd);
		info->err = PG_IMGE_NOT_FILE;
		return NULL;
	}
	info->bytes = st.st_size > LONG_MAX ? LONG_MAX : (long)st.st_size;
	if (st.st_size > PG_IMG_MAX_BYTES) {
		close(fd);
		info->err = PG_IMGE_TOO_BIG;
		return NULL;
	}
	(void)fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK);
	if ((fp = fdopen(fd, "rb")) == NULL) {
		info->sys_errno = errno;
		info->err = PG_IMGE_OPEN;
		close(fd);
	}
	return fp;
}

/* ---- PNG ------------------------------------------------------------------- */

struct pngjob {
	jmp_buf		 jb;
	int		 huge;		/* a user limit was hit */
	int		 nomem;		/* memory ran out: not the file's fault */
};

static void
png_err(png_structp png, png_const_charp msg)
{
	struct pngjob *j = png_get_error_ptr(png);

	if (msg != NULL && strstr(msg, "limit") != NULL)
		j->huge = 1;
	if (msg != NULL && (strstr(msg, "memory") != NULL ||
	    strstr(msg, "Memory") != NULL))
		j->nomem = 1;
	longjmp(j->jb, 1);
}

/* libpng warns "... exceeds user limit ..." before it fails on IHDR */
static void
png_warn(png_structp png, png_const_charp msg)
{
	struct pngjob *j = png_get_error_ptr(png);

	if (msg != NULL && strstr(msg, "limit") != NULL)
		j->huge = 1;
}

/*
 * Read the PNG fp to its end.  px NULL: only check (one row buffer);
 * else decode into px.  Sets info (kind, w, h, err).  The caller closes fp.
 */
static void
png_run(FILE *fp, struct pg_img_info *info, struct pg_img_pixels *px)
{
	struct pngjob	  job;
	png_structp	  png;
	png_infop	  pi = NULL;
	/* volatile: changed between setjmp and longjmp */
	unsigned char	* volatile rows = NULL;
	unsigned char	* volatile pix = NULL;
	unsigned char	* volatile alpha = NULL;
	png_bytep	* volatile rp = NULL;	/* decode: the row pointers */
	png_uint_32	  w, h, y;
	int		  ch, passes, p;
	size_t		  rowbytes;

	info->kind = PG_IMG_PNG;
	memset(&job, 0, sizeof(job));
	png = png_create_read_struct(PNG_LIBPNG_VER_STRING, &job, png_err,
	    png_warn);
	if (png == NULL || (pi = png_create_info_struct(png)) == NULL) {
		png_destroy_read_struct(&png, NULL, NULL);
		info->err = PG_IMGE_OPEN;
		info->sys_errno = ENOMEM;
		return;
	}
	if (setjmp(job.jb)) {
		png_free(png, rp);	/* a damaged image data stream */
		free(rows);
		free(pix);
		free(alpha);
		png_destroy_read_struct(&png, &pi, NULL);
		info->err = job.huge ? PG_IMGE_HUGE : job.nomem ? PG_IMGE_OPEN :
		    PG_IMGE_CORRUPT;
		if (job.nomem)
			info->sys_errno = ENOMEM;
		return;
	}
	png_init_io(png, fp);
	png_set_user_limits(png, PG_IMG_MAX_SIDE, PG_IMG_MAX_SIDE);
	png_set_chunk_malloc_max(png, 8u * 1024 * 1024);
	png_read_info(png, pi);
	w = png_get_image_width(png, pi);
	h = png_get_image_height(png, pi);
	info->w = w;
	info->h = h;
	if (w == 0 || h == 0 || w > PG_IMG_MAX_SIDE || h > PG_IMG_MAX_SIDE ||
	    (uint64_t)w * h > PG_IMG_MAX_PIXELS) {
		job.huge = 1;
		png_error(png, "limit");
	}
	png_set_expand(png);		/* palette, low-bit grey, tRNS -> alpha */
	png_set_scale_16(png);		/* 16-bit samples -> 8 */
	passes = png_set_interlace_handling(png);
	png_read_update_info(png, pi);
	ch = png_get_channels(png, pi);
	rowbytes = png_get_rowbytes(png, pi);
	if (png_get_bit_depth(png, pi) != 8 || ch < 1 || ch > 4 ||
	    rowbytes != (size_t)w * (size_t)ch)
		png_error(png, "unexpected format");
	if (px == NULL) {
		if ((rows = malloc(rowbytes)) == NULL)
			png_error(png, "memory");
		for (p = 0; p < passes; p++)
			for (y = 0; y < h; y++)
				png_read_row(png, rows, NULL);
	} else {
		size_t i, n = (size_t)w * h;
		int color = ch >= 3 ? 3 : 1, hasa = ch == 2 || ch == 4, opaque = 1;
		if ((rows = malloc(rowbytes * h)) == NULL ||
		    (rp = png_malloc(png, h * sizeof(*rp))) == NULL)
			png_error(png, "memory");
		for (y = 0; y < h; y++)
			rp[y] = rows + (size_t)y * rowbytes;
		png_read_image(png, rp);
		png_free(png, rp);
		rp = NULL;
		if ((pix = malloc(n * (size_t)color)) == NULL ||
		    (hasa && (alpha = malloc(n)) == NULL))
			png_error(png, "memory");
		for (i = 0; i < n; i++) {
			const unsigned char *s = rows + i * (size_t)ch;
			memcpy(pix + i * (size_t)color, s, (size_t)color);
			if (hasa) {
				alpha[i] = s[color];
				opaque &= s[color] == 255;
			}
		}
		if (hasa && opaque) {
			free(alpha);
			alpha = NULL;
		}
		px->w = w;
		px->h = h;
		px->channels = color;
		px->pix = pix;
		px->alpha = alpha;
		pix = alpha = NULL;
	}
	png_read_end(png, NULL);
	free(rows);
	png_destroy_read_struct(&png, &pi, NULL);
	info->err = PG_IMGE_OK;
}

/* ---- JPEG ------------------------------------------------------------------ */

/* Walk the JPEG markers of fp to EOI.  Sets info. */
static void
jpeg_run(FILE *fp, struct pg_img_info *info)
{
	int	 c, m, sof = 0, adobe_ycck = 0;
	long	 len, i;
	unsigned char seg[16];

	info->kind = PG_IMG_JPEG;
	info->err = PG_IMGE_CORRUPT;
	if (getc(fp) != 0xFF || getc(fp) != 0xD8)
		return;
	for (;;) {
		/* a marker: 0xFF (fill bytes), then its code */
		if ((c = getc(fp)) != 0xFF)
			return;
		while ((m = getc(fp)) == 0xFF)
			;
		if (m == EOF || m == 0)
			return;
		if (m == 0xD9)			/* EOI */
			break;
		if ((m >= 0xD0 && m <= 0xD7) || m == 0x01)
			continue;		/* standalone */
		if ((c = getc(fp)) == EOF || (len = getc(fp)) == EOF)
			return;
		len |= (long)c << 8;
		if (len < 2)
			return;
		len -= 2;
		for (i = 0; i < len; i++) {
			if ((c = getc(fp)) == EOF)
				return;
			if (i < (long)sizeof(seg))
				seg[i] = (unsigned char)c;
		}
		if (m >= 0xC0 && m <= 0xCF && m != 0xC4 && m != 0xC8 &&
		    m != 0xCC) {			/* SOFn */
			if (len < 6)
				return;
			info->h = (unsigned)seg[1] << 8 | seg[2];
			info->w = (unsigned)seg[3] << 8 | seg[4];
			info->jpeg_comps = seg[5];
			sof = m;
			if (m != 0xC0 && m != 0xC1 && m != 0xC2) {
				info->err = PG_IMGE_UNSUPPORTED;
				return;
			}
			if (seg[0] != 8) {
				info->err = PG_IMGE_UNSUPPORTED;
				return;
			}
			if (info->w == 0 || info->h == 0)
				return;
			if (info->w > PG_IMG_MAX_SIDE || info->h > PG_IMG_MAX_SIDE ||
			    (uint64_t)info->w * info->h > PG_IMG_MAX_PIXELS) {
				info->err = PG_IMGE_HUGE;
				return;
			}
		} else if (m == 0xEE && len >= 12 && memcmp(seg, "Adobe", 5) == 0)
			adobe_ycck = seg[11] == 2;
		if (m == 0xDA) {			/* SOS: entropy-coded data */
			if (!sof)
				return;
			/* to the next marker that is not a stuffed 0 or an RST */
			for (;;) {
				if ((c = getc(fp)) == EOF)
					return;
				if (c != 0xFF)
					continue;
				while ((c = getc(fp)) == 0xFF)
					;
				if (c == EOF)
					return;
				if (c == 0 || (c >= 0xD0 && c <= 0xD7))
					continue;
				break;
			}
			if (c == 0xD9)
				break;
			/* put the marker back: 0xFF c */
			if (fseek(fp, -2, SEEK_CUR) != 0)
				return;
		}
	}
	if (!sof)
		return;
	if (info->jpeg_comps == 4 || adobe_ycck) {
		info->err = PG_IMGE_CMYK;
		return;
	}
	if (info->jpeg_comps != 1 && info->jpeg_comps != 3) {
		info->err = PG_IMGE_UNSUPPORTED;
		return;
	}
	info->err = PG_IMGE_OK;
}

/* ---- probing and decoding -------------------------------------------------- */

enum pg_img_err
pg_image_probe(const char *path, struct pg_img_info *info)
{
	unsigned char	 magic[24];
	FILE		*fp;
	size_t		 n;

	memset(info, 0, sizeof(*info));
	if ((fp = open_file(path, info)) == NULL)
		return info->err;
	n = fread(magic, 1, sizeof(magic), fp);
	rewind(fp);
	if (n >= 8 && memcmp(magic, "\x89PNG\r\n\x1a\n", 8) == 0) {
		png_run(fp, info, NULL);
		if (info->err == PG_IMGE_HUGE && n == 24) {	/* as IHDR says */
			info->w = (unsigned)magic[16] << 24 | (unsigned)magic[17] << 16 |
			    (unsigned)magic[18] << 8 | magic[19];
			info->h = (unsigned)magic[20] << 24 | (unsigned)magic[21] << 16 |
			    (unsigned)magic[22] << 8 | magic[23];
		}
	}
	else if (n >= 3 && memcmp(magic, "\xff\xd8\xff", 3) == 0)
		jpeg_run(fp, info);
	else
		info->err = PG_IMGE_FORMAT;
	if (ferror(fp) && info->err == PG_IMGE_OK) {
		info->err = PG_IMGE_OPEN;
		info->sys_errno = EIO;
	}
	fclose(fp);
	return info->err;
}

int
pg_image_decode_png(const char *path, struct pg_img_pixels *px)
{
	struct pg_img_info	 info;
	FILE			*fp;

	memset(px, 0, sizeof(*px));
	memset(&info, 0, sizeof(info));
	if ((fp = open_file(path, &info)) == NULL)
		return -1;
	png_run(fp, &info, px);
	fclose(fp);
	if (info.err != PG_IMGE_OK) {
		pg_image_pixels_free(px);
		return -1;
	}
	return 0;
}

void
pg_image_pixels_free(struct pg_img_pixels *px)
{
	free(px->pix);
	free(px->alpha);
	memset(px, 0, sizeof(*px));
}
