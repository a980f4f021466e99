/*
 * test_font.c — pg_fontset_load's tables against HarfBuzz asked code point
 * by code point (the loader reads the cmap subtable itself and measures in
 * batches; every entry must be what the slow, obvious way gives), and the
 * sharing of tables between a real face and its faked styles.
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
#include <hb.h>

#include "layout/font.h"

static struct pg_fontset fs;

static int
setup(void **state)
{
	char err[256];

	(void)state;
	if (pg_fontset_load(&fs, NULL, NULL, err, sizeof(err)) != 0) {
		fprintf(stderr, "%s\n", err);
		return -1;
	}
	return 0;
}

static int
teardown(void **state)
{
	(void)state;
	pg_fontset_free(&fs);
	return 0;
}

/* Every BMP code point of every real face: coverage and advance. */
static void
tables_match_harfbuzz(void **state)
{
	int		 i, checked = 0;
	uint32_t	 cp;

	(void)state;
	for (i = 0; i < fs.nfaces; i++) {
		const struct pg_face	*f = &fs.face[i];
		hb_blob_t		*blob;
		hb_face_t		*face;
		hb_font_t		*font;
		unsigned		 upem;
		size_t			 covered = 0;

		if (f->shared)
			continue;
		assert_non_null(f->path);
		blob = hb_blob_create_from_file_or_fail(f->path);
		assert_non_null(blob);
		face = hb_face_create(blob, (unsigned)f->index);
		font = hb_font_create(face);
		upem = hb_face_get_upem(face);
		hb_font_set_scale(font, (int)upem, (int)upem);
		for (cp = 0; cp < 65536; cp++) {
			hb_codepoint_t	 gid;
			int		 has;
			unsigned	 adv = 0;

			has = hb_font_get_nominal_glyph(font, cp, &gid) &&
			    gid != 0;
			if (has) {
				hb_position_t a = hb_font_get_glyph_h_advance(
				    font, gid);
				adv = a < 0 ? 0 : (unsigned)(((long long)a *
				    1000 + upem / 2) / upem);
				covered++;
			}
			if (pg_face_has(f, cp) != has ||
			    pg_face_adv(f, cp) != adv)
				fail_msg("%s #%d U+%04X: has %d/%d adv %u/%u",
				    f->path, f->index, (unsigned)cp,
				    pg_face_has(f, cp), has, pg_face_adv(f, cp),
				    adv);
		}
		assert_true(covered > 100);
		hb_font_destroy(font);
		hb_face_destroy(face);
		hb_blob_destroy(blob);
		checked++;
	}
	assert_true(checked >= 2);	/* at least a Latin and a CJK face */
}

/* A faked style borrows the tables of a real face of the same file. */
static void
fakes_share_tables(void **state)
{
	int i, j, owner;

	(void)state;
	for (i = 0; i < fs.nfaces; i++) {
		if (!fs.face[i].shared)
			continue;
		for (owner = -1, j = 0; j < fs.nfaces; j++)
			if (!fs.face[j].shared && fs.face[j].adv == fs.face[i].adv)
				owner = j;
		assert_true(owner >= 0);
		assert_ptr_equal(fs.face[owner].has, fs.face[i].has);
		assert_string_equal(fs.face[owner].path, fs.face[i].path);
		assert_true(fs.face[i].fake_bold || fs.face[i].fake_italic ||
		    fs.face[i].index == fs.face[owner].index);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(tables_match_harfbuzz),
		cmocka_unit_test(fakes_share_tables),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
