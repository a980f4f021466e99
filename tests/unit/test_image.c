/*
 * test_image.c — the image readers (base/image.c) on the fixtures of
 * tests/data/rules/img and samples/img: what the probe says of each file
 * (kind, size, the reason for a refusal), and that decoding agrees with
 * the probe: a PNG it accepts decodes to its size and channels, one it
 * refuses decodes to nothing (truncated.png once leaked libpng's row
 * pointers when its data stream broke off mid-image: the sanitizer run
 * of make distcheck catches that).  Also the resolution of src paths.
 */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_probe_and_decode),
		cmocka_unit_test(test_huge_size_from_ihdr),
		cmocka_unit_test(test_resolve),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
