/*
 * test_image.c — the image readers (base/image.c) on the fixtures of
 * tests/data/rules/img and samples/img: what the probe says of each file
 * (kind, size, the reason for a refusal), and that decoding agrees with
 * the probe: a PNG it accepts decodes to its size and channels, one it
 * refuses decodes to nothing (truncated.png once leaked libpng's row
 * pointers when its data stream broke off mid-image: the sanitizer run
 * of make distcheck catches that).  Also the resolution of src paths,
 * and the JPEG marker walk on crafted files: each kind PDF readers cannot
 * take, CMYK, too many pixels, and damage at each step.
 */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "base/image.h"

struct want {
	const char	*file;		/* under SRCDIR */
	enum pg_img_err	 err;
	enum pg_img_kind kind;
	unsigned	 w, h;		/* 0: not checked */
	int		 channels;	/* decoded PNG: 1 or 3; 0: no pixels */
	int		 alpha;		/* decoded PNG has an alpha plane */
};

static const struct want wants[] = {
	{ "tests/data/rules/img/rgb8.png", PG_IMGE_OK, PG_IMG_PNG, 0, 0, 3, 0 },
	{ "tests/data/rules/img/rgb16.png", PG_IMGE_OK, PG_IMG_PNG, 0, 0, 3, 0 },
	{ "tests/data/rules/img/rgba8.png", PG_IMGE_OK, PG_IMG_PNG, 0, 0, 3, 1 },
	{ "tests/data/rules/img/rgba16.png", PG_IMGE_OK, PG_IMG_PNG, 0, 0, 3, 1 },
	{ "tests/data/rules/img/grey8.png", PG_IMGE_OK, PG_IMG_PNG, 0, 0, 1, 0 },
	{ "tests/data/rules/img/grey16.png", PG_IMGE_OK, PG_IMG_PNG, 0, 0, 1, 0 },
	{ "tests/data/rules/img/palette.png", PG_IMGE_OK, PG_IMG_PNG, 0, 0, 3, 0 },
	{ "tests/data/rules/img/palette-trns.png", PG_IMGE_OK, PG_IMG_PNG, 0, 0, 3, 1 },
	{ "tests/data/rules/img/truncated.png", PG_IMGE_CORRUPT, PG_IMG_PNG, 0, 0, 0, 0 },
	{ "tests/data/rules/img/huge.png", PG_IMGE_HUGE, PG_IMG_PNG, 0, 0, 0, 0 },
	{ "tests/data/rules/img/not-an-image.png", PG_IMGE_FORMAT, PG_IMG_NONE, 0, 0, 0, 0 },
	{ "tests/data/rules/img/baseline.jpg", PG_IMGE_OK, PG_IMG_JPEG, 0, 0, 0, 0 },
	{ "tests/data/rules/img/progressive.jpg", PG_IMGE_OK, PG_IMG_JPEG, 0, 0, 0, 0 },
	{ "tests/data/rules/img/grey.jpg", PG_IMGE_OK, PG_IMG_JPEG, 0, 0, 0, 0 },
	{ "tests/data/rules/img/cmyk.jpg", PG_IMGE_CMYK, PG_IMG_JPEG, 0, 0, 0, 0 },
	{ "tests/data/rules/img/truncated.jpg", PG_IMGE_CORRUPT, PG_IMG_JPEG, 0, 0, 0, 0 },
	{ "tests/data/rules/img", PG_IMGE_NOT_FILE, PG_IMG_NONE, 0, 0, 0, 0 },
	{ "tests/data/rules/img/no-such.png", PG_IMGE_OPEN, PG_IMG_NONE, 0, 0, 0, 0 },
};

static void
path_of(const char *rel, char *buf, size_t n)
{
	const char *src = getenv("SRCDIR");

	snprintf(buf, n, "%s/%s", src != NULL ? src : ".", rel);
}

static void
test_probe_and_decode(void **state)
{
	struct pg_img_info	 info;
	struct pg_img_pixels	 px;
	char			 path[4096];
	size_t			 i;
	int			 rc;

	(void)state;
	for (i = 0; i < sizeof(wants) / sizeof(wants[0]); i++) {
		const struct want *w = &wants[i];

		path_of(w->file, path, sizeof(path));
		print_message("%s\n", w->file);
		assert_int_equal(pg_image_probe(path, &info), w->err);
		assert_int_equal(info.err, w->err);
		assert_int_equal(info.kind, w->kind);
		if (w->err == PG_IMGE_OK) {
			assert_true(info.w > 0 && info.h > 0);
			assert_true(info.bytes > 0);
		}
		if (w->kind == PG_IMG_JPEG && w->err == PG_IMGE_OK)
			assert_true(info.jpeg_comps == 1 || info.jpeg_comps == 3);
		rc = pg_image_decode_png(path, &px);
		if (w->channels == 0) {
			assert_int_equal(rc, -1);
			assert_null(px.pix);
			assert_null(px.alpha);
			continue;
		}
		assert_int_equal(rc, 0);
		assert_int_equal(px.w, info.w);
		assert_int_equal(px.h, info.h);
		assert_int_equal(px.channels, w->channels);
		assert_non_null(px.pix);
		if (w->alpha)
			assert_non_null(px.alpha);
		else
			assert_null(px.alpha);
		pg_image_pixels_free(&px);
		assert_null(px.pix);
	}
}

static void
test_huge_size_from_ihdr(void **state)
{
	struct pg_img_info	 info;
	char			 path[4096];

	(void)state;
	path_of("tests/data/rules/img/huge.png", path, sizeof(path));
	assert_int_equal(pg_image_probe(path, &info), PG_IMGE_HUGE);
	/* the size a refusal names is the one IHDR declares */
	assert_true(info.w > PG_IMG_MAX_SIDE || info.h > PG_IMG_MAX_SIDE ||
	    (uint64_t)info.w * info.h > PG_IMG_MAX_PIXELS);
}

static void
test_resolve(void **state)
{
	char	 plan[4096], out[4096], want[4096];
	int	 e = 0;

	(void)state;
	path_of("tests/data/rules/plan.xml", plan, sizeof(plan));
	assert_int_equal(pg_image_resolve(plan, "https://example.com/a.png",
	    out, sizeof(out), &e), PG_IMGE_URL);
	assert_int_equal(pg_image_resolve(plan, "/etc/passwd", out,
	    sizeof(out), &e), PG_IMGE_ABSOLUTE);
	assert_int_equal(pg_image_resolve(plan, "../../../README.md", out,
	    sizeof(out), &e), PG_IMGE_OUTSIDE);
	assert_int_equal(pg_image_resolve(plan, "img/none.png", out,
	    sizeof(out), &e), PG_IMGE_OPEN);
	assert_int_not_equal(e, 0);
	assert_int_equal(pg_image_resolve(plan, "img/./grey8.png", out,
	    sizeof(out), &e), PG_IMGE_OK);
	path_of("tests/data/rules/img/grey8.png", want, sizeof(want));
	assert_non_null(realpath(want, plan));
	assert_string_equal(out, plan);
}

/* ---- JPEG marker walking on crafted files ---------------------------- */

struct jb {
	unsigned char	b[512];
	size_t		n;
};

static void
put(struct jb *j, const unsigned char *p, size_t n)
{
	assert_true(j->n + n <= sizeof(j->b));
	memcpy(j->b + j->n, p, n);
	j->n += n;
}

#define PUT(j, ...) do { static const unsigned char x_[] = { __VA_ARGS__ }; \
	put((j), x_, sizeof(x_)); } while (0)

/* A frame header: marker m, precision, height, width, ncomp components. */
static void
sof(struct jb *j, int m, int prec, unsigned h, unsigned w, int ncomp)
{
	unsigned char	hd[10] = { 0xFF, (unsigned char)m, 0,
	    (unsigned char)(8 + 3 * ncomp), (unsigned char)prec,
	    (unsigned char)(h >> 8), (unsigned char)h, (unsigned char)(w >> 8),
	    (unsigned char)w, (unsigned char)ncomp };
	int		i;

	put(j, hd, sizeof(hd));
	for (i = 0; i < ncomp; i++) {
		unsigned char c[3] = { (unsigned char)(i + 1), 0x11, 0 };
		put(j, c, 3);
	}
}

/* A scan with stuffed bytes and a restart marker in its data, then EOI. */
static void
scan_eoi(struct jb *j)
{
	PUT(j, 0xFF, 0xDA, 0x00, 0x08, 0x01, 0x01, 0x00, 0x00, 0x3F, 0x00,
	    0x12, 0x34, 0xFF, 0x00, 0x56, 0xFF, 0xD0, 0x78, 0xFF, 0xD9);
}

static enum pg_img_err
probe_bytes(const struct jb *j, struct pg_img_info *info)
{
	char	path[] = "/tmp/pg-test-image-XXXXXX";
	int	fd = mkstemp(path);
	enum pg_img_err e;

	assert_true(fd >= 0);
	assert_int_equal(write(fd, j->b, j->n), (ssize_t)j->n);
	close(fd);
	e = pg_image_probe(path, info);
	unlink(path);
	return e;
}

static void
test_jpeg_markers(void **state)
{
	struct pg_img_info	 info;
	struct jb		 j;

	(void)state;
#define START()	do { j.n = 0; PUT(&j, 0xFF, 0xD8); } while (0)
	/* baseline, with fill bytes before a marker and a comment: drawable */
	START(); PUT(&j, 0xFF, 0xFF, 0xFE, 0x00, 0x04, 'h', 'i');
	sof(&j, 0xC0, 8, 20, 30, 3); scan_eoi(&j);
	assert_int_equal(probe_bytes(&j, &info), PG_IMGE_OK);
	assert_int_equal(info.w, 30);
	assert_int_equal(info.h, 20);
	assert_int_equal(info.jpeg_comps, 3);
	/* extended sequential (SOF1), grey, a TEM marker: drawable */
	START(); PUT(&j, 0xFF, 0x01); sof(&j, 0xC1, 8, 5, 5, 1); scan_eoi(&j);
	assert_int_equal(probe_bytes(&j, &info), PG_IMGE_OK);
	/* what PDF readers cannot take */
	START(); sof(&j, 0xC0, 12, 5, 5, 3); scan_eoi(&j);	/* 12-bit */
	assert_int_equal(probe_bytes(&j, &info), PG_IMGE_UNSUPPORTED);
	START(); sof(&j, 0xC3, 8, 5, 5, 3); scan_eoi(&j);	/* lossless */
	assert_int_equal(probe_bytes(&j, &info), PG_IMGE_UNSUPPORTED);
	START(); sof(&j, 0xC9, 8, 5, 5, 3); scan_eoi(&j);	/* arithmetic */
	assert_int_equal(probe_bytes(&j, &info), PG_IMGE_UNSUPPORTED);
	START(); sof(&j, 0xC0, 8, 5, 5, 2); scan_eoi(&j);	/* 2 components */
	assert_int_equal(probe_bytes(&j, &info), PG_IMGE_UNSUPPORTED);
	/* CMYK: four components, or Adobe's YCCK transform */
	START(); sof(&j, 0xC0, 8, 5, 5, 4); scan_eoi(&j);
	assert_int_equal(probe_bytes(&j, &info), PG_IMGE_CMYK);
	START(); PUT(&j, 0xFF, 0xEE, 0x00, 0x0E, 'A', 'd', 'o', 'b', 'e', 0, 100,
	    0, 0, 0, 0, 2);
	sof(&j, 0xC0, 8, 5, 5, 3); scan_eoi(&j);
	assert_int_equal(probe_bytes(&j, &info), PG_IMGE_CMYK);
	/* too many pixels, no pixels */
	START(); sof(&j, 0xC0, 8, 10, 30000, 3); scan_eoi(&j);
	assert_int_equal(probe_bytes(&j, &info), PG_IMGE_HUGE);
	assert_int_equal(info.w, 30000);
	START(); sof(&j, 0xC0, 8, 0, 5, 3); scan_eoi(&j);
	assert_int_equal(probe_bytes(&j, &info), PG_IMGE_CORRUPT);
	/* damaged: a scan before any frame, a segment length under 2, a
	 * frame header too short, no marker where one must be, a 0 marker,
	 * the file ending inside a segment, in the scan, or with no frame */
	START(); scan_eoi(&j);
	assert_int_equal(probe_bytes(&j, &info), PG_IMGE_CORRUPT);
	START(); PUT(&j, 0xFF, 0xE0, 0x00, 0x01);
	assert_int_equal(probe_bytes(&j, &info), PG_IMGE_CORRUPT);
	START(); PUT(&j, 0xFF, 0xC0, 0x00, 0x05, 8, 0, 5);
	assert_int_equal(probe_bytes(&j, &info), PG_IMGE_CORRUPT);
	START(); PUT(&j, 0x00, 0xE0);	/* not even JPEG's magic FF D8 FF */
	assert_int_equal(probe_bytes(&j, &info), PG_IMGE_FORMAT);
	START(); PUT(&j, 0xFF, 0xE0, 0x00, 0x02, 0x00);	/* no FF after a segment */
	assert_int_equal(probe_bytes(&j, &info), PG_IMGE_CORRUPT);
	START(); PUT(&j, 0xFF, 0x00);
	assert_int_equal(probe_bytes(&j, &info), PG_IMGE_CORRUPT);
	START(); PUT(&j, 0xFF, 0xE0, 0x00, 0x10, 'J', 'F');
	assert_int_equal(probe_bytes(&j, &info), PG_IMGE_CORRUPT);
	START(); sof(&j, 0xC0, 8, 5, 5, 3);
	PUT(&j, 0xFF, 0xDA, 0x00, 0x08, 0x01, 0x01, 0x00, 0x00, 0x3F, 0x00, 0x12);
	assert_int_equal(probe_bytes(&j, &info), PG_IMGE_CORRUPT);
	START(); PUT(&j, 0xFF, 0xD9);
	assert_int_equal(probe_bytes(&j, &info), PG_IMGE_CORRUPT);
	START(); PUT(&j, 0xFF);
	assert_int_equal(probe_bytes(&j, &info), PG_IMGE_CORRUPT);
#undef START
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_probe_and_decode),
		cmocka_unit_test(test_huge_size_from_ihdr),
		cmocka_unit_test(test_resolve),
		cmocka_unit_test(test_jpeg_markers),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
