/*
 * test_pdf_write.c — the font loader (real system fonts through fontconfig)
 * and the PDF writer's contract: success output, determinism, and every
 * failure path returning -1 with a message and nothing leaked (the suite
 * also runs under ASan/LSan).  What readers see in the PDF is checked by
 * tests/e2e/pdf.sh.
 */
#include "config.h"

#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "layout/font.h"
#include "layout/frame.h"
#include "pdf/pdf_write.h"

static const struct pg_color black = { 0, 0, 0 };

/* Free what pg_fontset_load allocated (faked styles share tables). */
static void
fonts_free(struct pg_fontset *fs)
{
	pg_fontset_free(fs);
}

static void
add_text(struct pg_frames *fr, int page, int face, const char *s, double size,
    unsigned flags)
{
	struct pg_box b;

	memset(&b, 0, sizeof(b));
	b.kind = PG_BOX_TEXT;
	b.x = 72;
	b.y = 100;
	b.text = s;
	b.len = strlen(s);
	b.face = face;
	b.size = size;
	b.color = black;
	b.flags = flags;
	assert_non_null(pg_frames_add(fr, page, &b));
}

static int
setup_fonts(void **state)
{
	static struct pg_fontset fs;
	char err[256];

	if (pg_fontset_load(&fs, NULL, NULL, err, sizeof(err)) != 0) {
		fprintf(stderr, "pg_fontset_load: %s\n", err);
		return -1;
	}
	*state = &fs;
	return 0;
}

static int
teardown_fonts(void **state)
{
	fonts_free(*state);
	return 0;
}

static void
load_defaults(void **state)
{
	const struct pg_fontset *fs = *state;
	const struct pg_face *cjk = &fs->face[fs->map[PG_SCRIPT_CJK][0]];
	const struct pg_face *lat = &fs->face[fs->map[PG_SCRIPT_LATIN][0]];
	const struct pg_face *cjkb =
	    &fs->face[fs->map[PG_SCRIPT_CJK][PG_FS_BOLD]];
	const struct pg_face *cjki =
	    &fs->face[fs->map[PG_SCRIPT_CJK][PG_FS_ITALIC]];
	int st;

	assert_true(fs->nfaces >= 4 && fs->nfaces <= PG_FACE_MAX);
	assert_string_equal(cjk->family, "WenQuanYi Micro Hei");
	assert_non_null(cjk->path);
	assert_true(pg_face_has(cjk, 0x4E2D));		/* 中 */
	assert_int_equal(pg_face_adv(cjk, 0x4E2D), 1000);
	assert_true(pg_face_has(cjk, 0x3002));		/* 。 */
	assert_false(pg_face_has(cjk, 0x1F600));	/* beyond the BMP */
	assert_int_equal(pg_face_adv(cjk, 0x20BB7), 0);
	assert_true(cjk->ascender > 0 && cjk->ascender < 1500);
	assert_true(cjk->descender < 0 && cjk->descender > -600);
	/* WenQuanYi has no bold or italic: faked */
	assert_false(cjk->fake_bold || cjk->fake_italic);
	assert_true(cjkb->fake_bold && !cjkb->fake_italic);
	/* Han is never slanted: italic is a Kai face (fonts-arphic-ukai) or
	 * the upright regular face */
	assert_false(cjki->fake_italic || cjki->fake_bold);
	assert_string_equal(cjkb->path, cjk->path);
	/* the Latin family is a real family with real styles */
	assert_true(strcmp(lat->family, "Liberation Sans") == 0 ||
	    strcmp(lat->family, "DejaVu Sans") == 0);
	assert_true(pg_face_has(lat, 'A'));
	assert_true(pg_face_adv(lat, 'A') > 500 && pg_face_adv(lat, 'A') < 800);
	if (strcmp(lat->family, "Liberation Sans") == 0)
		assert_int_equal(pg_face_adv(lat, ' '), 278);	/* as Arial */
	for (st = 0; st < 4; st++) {
		const struct pg_face *f =
		    &fs->face[fs->map[PG_SCRIPT_LATIN][st]];

		assert_string_equal(f->family, lat->family);
		assert_false(f->fake_bold || f->fake_italic);
		if (st != 0)
			assert_string_not_equal(f->path, lat->path);
	}
	/* bold is wider than regular in a real bold face */
	assert_true(pg_face_adv(&fs->face[fs->map[PG_SCRIPT_LATIN][PG_FS_BOLD]],
	    'A') > pg_face_adv(lat, 'A'));
}

static void
load_bogus_family_falls_back(void **state)
{
	struct pg_fontset fs;
	char err[256];

	(void)state;
	assert_int_equal(pg_fontset_load(&fs, "No Such Sans", "No Such Hei",
	    err, sizeof(err)), 0);
	assert_string_equal(fs.face[fs.map[PG_SCRIPT_CJK][0]].family,
	    "WenQuanYi Micro Hei");
	assert_string_not_equal(fs.face[fs.map[PG_SCRIPT_LATIN][0]].family,
	    "No Such Sans");
	fonts_free(&fs);
	/* names match without case or blanks; the font's spelling is kept */
	assert_int_equal(pg_fontset_load(&fs, "dejavusans", "wenquanyi micro hei",
	    err, sizeof(err)), 0);
	assert_string_equal(fs.face[fs.map[PG_SCRIPT_LATIN][0]].family,
	    "DejaVu Sans");
	assert_string_equal(fs.face[fs.map[PG_SCRIPT_CJK][0]].family,
	    "WenQuanYi Micro Hei");
	fonts_free(&fs);
	/* a Latin-only family is not accepted as the CJK face */
	assert_int_equal(pg_fontset_load(&fs, "DejaVu Sans", "Liberation Sans",
	    err, sizeof(err)), 0);
	assert_string_equal(fs.face[fs.map[PG_SCRIPT_CJK][0]].family,
	    "WenQuanYi Micro Hei");
	fonts_free(&fs);
}

static void
load_no_fonts(void **state)
{
	struct pg_fontset fs;
	char dir[] = "/tmp/pg-test-fc.XXXXXX", conf[64], err[256];
	FILE *fp;

	(void)state;
	assert_non_null(mkdtemp(dir));
	snprintf(conf, sizeof(conf), "%s/fonts.conf", dir);
	assert_non_null(fp = fopen(conf, "w"));
	fprintf(fp, "<?xml version=\"1.0\"?>\n<fontconfig><cachedir>%s"
	    "</cachedir></fontconfig>\n", dir);
	fclose(fp);
	setenv("FONTCONFIG_FILE", conf, 1);
	memset(err, 0, sizeof(err));
	assert_int_equal(pg_fontset_load(&fs, NULL, NULL, err, sizeof(err)), -1);
	unsetenv("FONTCONFIG_FILE");
	assert_non_null(strstr(err, "no CJK TrueType font"));
	assert_non_null(strstr(err, "fonts-wqy-microhei"));
	assert_int_equal(fs.nfaces, 0);
	assert_null(fs.face[0].adv);
	unlink(conf);
	/* fontconfig may have left cache files there */
	{
		char cmd[128];

		snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
		assert_int_equal(system(cmd), 0);
	}
}

/* A 1x1 red PNG. */
static const unsigned char png1[] = {
	0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d,
	0x49, 0x48, 0x44, 0x52, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01,
	0x08, 0x02, 0x00, 0x00, 0x00, 0x90, 0x77, 0x53, 0xde, 0x00, 0x00, 0x00,
	0x0c, 0x49, 0x44, 0x41, 0x54, 0x08, 0xd7, 0x63, 0xf8, 0xcf, 0xc0, 0x00,
	0x00, 0x03, 0x01, 0x01, 0x00, 0x18, 0xdd, 0x8d, 0xb0, 0x00, 0x00, 0x00,
	0x00, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82
};

static void
write_ok_and_deterministic(void **state)
{
	const struct pg_fontset *fs = *state;
	struct pg_frames fr;
	struct pg_box	 b;
	unsigned char	*a = NULL, *c = NULL;
	size_t		 alen = 0, clen = 0;
	char		 err[256], png[] = "/tmp/pg-test-png.XXXXXX";
	int		 fd;

	assert_true((fd = mkstemp(png)) != -1);
	assert_int_equal(write(fd, png1, sizeof(png1)), (int)sizeof(png1));
	close(fd);
	pg_frames_init(&fr, 595.28, 841.89);
	assert_int_equal(pg_frames_add_page(&fr), 0);
	add_text(&fr, 0, fs->map[PG_SCRIPT_CJK][0], "中文 text", 12, 0);
	add_text(&fr, 0, fs->map[PG_SCRIPT_CJK][PG_FS_BOLD], "粗体", 12,
	    PG_BOXF_FAKE_BOLD | PG_BOXF_ROTATE90 | PG_BOXF_FAKE_ITALIC);
	/* invalid UTF-8, controls, a character beyond the BMP, one the
	 * face lacks, an empty run: drawn as far as possible, no failure */
	add_text(&fr, 0, fs->map[PG_SCRIPT_LATIN][0],
	    "a\xff\xc3(b\x01\t\xf0\xa0\xae\xb7 \xed\xa0\x80 c\xe4\xb8", 10, 0);
	add_text(&fr, 0, fs->map[PG_SCRIPT_LATIN][0], "\xe4\xb8\xad", 10, 0);
	add_text(&fr, 0, fs->map[PG_SCRIPT_LATIN][0], "", 10, 0);
	add_text(&fr, 0, fs->map[PG_SCRIPT_LATIN][0], "nan", NAN, 0);
	memset(&b, 0, sizeof(b));
	b.kind = PG_BOX_IMAGE;
	b.x = b.y = 200;
	b.w = b.h = 50;
	b.path = png;
	assert_non_null(pg_frames_add(&fr, 0, &b));
	assert_non_null(pg_frames_add(&fr, 0, &b));	/* loaded once */
	fr.date = 0;
	fr.title = "t";
	fr.lang = "en";
	assert_int_equal(pg_pdf_write(&fr, fs, &a, &alen, err, sizeof(err)), 0);
	assert_int_equal(pg_pdf_write(&fr, fs, &c, &clen, err, sizeof(err)), 0);
	assert_true(alen > 1000);
	assert_memory_equal(a, "%PDF-", 5);
	assert_int_equal(alen, clen);
	assert_memory_equal(a, c, alen);
	assert_non_null(memmem(a, alen, "%%EOF", 5));
	/* an /ID from the content: the same here, another for other content */
	assert_non_null(memmem(a, alen, "/ID [ <", 7));
	free(c);
	fr.title = "u";
	assert_int_equal(pg_pdf_write(&fr, fs, &c, &clen, err, sizeof(err)), 0);
	assert_non_null(memmem(c, clen, "/ID [ <", 7));
	assert_memory_not_equal((char *)memmem(a, alen, "/ID [ <", 7),
	    (char *)memmem(c, clen, "/ID [ <", 7), 7 + 32);
	free(a);
	free(c);
	pg_frames_free(&fr);
	unlink(png);
}

/*
 * A face drawing more characters than the writer gives codes of its own
 * (all 20,992 ideographs U+4E00-U+9FFF and 11,172 Hangul syllables) keeps
 * Unicode codes: still written, deterministically.
 */
static void
write_many_characters(void **state)
{
	const struct pg_fontset *fs = *state;
	struct pg_frames fr;
	unsigned char	*a = NULL, *c = NULL;
	size_t		 alen = 0, clen = 0, n = 0;
	char		 err[256], *s;
	uint32_t	 cp;

	assert_non_null(s = malloc(3 * 40000 + 1));
	for (cp = 0x4E00; cp <= 0xD7A3; cp++) {
		if (cp > 0x9FFF && cp < 0xAC00)
			continue;
		s[n++] = (char)(0xE0 | cp >> 12);
		s[n++] = (char)(0x80 | (cp >> 6 & 0x3F));
		s[n++] = (char)(0x80 | (cp & 0x3F));
	}
	s[n] = '\0';
	pg_frames_init(&fr, 595.28, 841.89);
	assert_int_equal(pg_frames_add_page(&fr), 0);
	add_text(&fr, 0, fs->map[PG_SCRIPT_LATIN][0], "Latin (remapped)", 12, 0);
	add_text(&fr, 0, fs->map[PG_SCRIPT_CJK][0], s, 1, 0);
	if (pg_pdf_write(&fr, fs, &a, &alen, err, sizeof(err)) != 0)
		fail_msg("pg_pdf_write: %s", err);
	assert_int_equal(pg_pdf_write(&fr, fs, &c, &clen, err, sizeof(err)), 0);
	assert_int_equal(alen, clen);
	assert_memory_equal(a, c, alen);
	free(a);
	free(c);
	free(s);
	pg_frames_free(&fr);
}

/* Each failure: -1, a message containing `want`, *out NULL. */
static void
expect_fail(const struct pg_frames *fr, const struct pg_fontset *fs,
    const char *want)
{
	unsigned char	*out = (unsigned char *)"x";
	size_t		 len = 7;
	char		 err[512] = "";

	assert_int_equal(pg_pdf_write(fr, fs, &out, &len, err, sizeof(err)), -1);
	assert_null(out);
	assert_int_equal(len, 0);
	if (strstr(err, want) == NULL)
		fail_msg("message \"%s\" lacks \"%s\"", err, want);
}

static void
write_failures(void **state)
{
	const struct pg_fontset *fs = *state;
	struct pg_fontset fake;
	struct pg_frames fr;
	struct pg_box	 b;
	uint16_t	 adv[4];
	uint8_t		 has[4];
	char		 notimg[] = "/tmp/pg-test-img.XXXXXX";
	int		 fd;

	pg_frames_init(&fr, 595.28, 841.89);
	expect_fail(&fr, fs, "without pages");
	pg_frames_init(&fr, NAN, 841.89);
	assert_int_equal(pg_frames_add_page(&fr), 0);
	expect_fail(&fr, fs, "page size");
	pg_frames_free(&fr);
	pg_frames_init(&fr, 595.28, 841.89);

	/* a face the fontset does not have */
	assert_int_equal(pg_frames_add_page(&fr), 0);
	add_text(&fr, 0, PG_FACE_MAX + 3, "x", 10, 0);
	expect_fail(&fr, fs, "face 11");
	pg_frames_free(&fr);

	/* a fake face has no file */
	memset(&fake, 0, sizeof(fake));
	fake.nfaces = 1;
	fake.face[0].adv = adv;
	fake.face[0].has = has;
	assert_int_equal(pg_frames_add_page(&fr), 0);
	add_text(&fr, 0, 0, "x", 10, 0);
	expect_fail(&fr, &fake, "no font file");
	pg_frames_free(&fr);

	/* a link to a page that does not exist */
	assert_int_equal(pg_frames_add_page(&fr), 0);
	memset(&b, 0, sizeof(b));
	b.kind = PG_BOX_LINK;
	b.w = b.h = 10;
	b.dest_page = 5;
	assert_non_null(pg_frames_add(&fr, 0, &b));
	expect_fail(&fr, fs, "page 6");
	pg_frames_free(&fr);

	/* an image that cannot be read, and one that is no image */
	assert_int_equal(pg_frames_add_page(&fr), 0);
	add_text(&fr, 0, fs->map[PG_SCRIPT_LATIN][0], "before", 10, 0);
	memset(&b, 0, sizeof(b));
	b.kind = PG_BOX_IMAGE;
	b.w = b.h = 10;
	b.path = "/nonexistent/logo.png";
	assert_non_null(pg_frames_add(&fr, 0, &b));
	expect_fail(&fr, fs, "/nonexistent/logo.png");
	pg_frames_free(&fr);
	assert_true((fd = mkstemp(notimg)) != -1);
	assert_int_equal(write(fd, "not an image", 12), 12);
	close(fd);
	assert_int_equal(pg_frames_add_page(&fr), 0);
	b.path = notimg;
	assert_non_null(pg_frames_add(&fr, 0, &b));
	expect_fail(&fr, fs, "neither PNG nor JPEG");
	pg_frames_free(&fr);
	unlink(notimg);

	/* libharu rejects a font size beyond its limit: its error code */
	assert_int_equal(pg_frames_add_page(&fr), 0);
	add_text(&fr, 0, fs->map[PG_SCRIPT_CJK][0], "中", 5000, 0);
	expect_fail(&fr, fs, "libharu error 0x");

	/* two font files with one PostScript name (a symlink here) */
	{
		char	link[] = "/tmp/pg-test-ttf.XXXXXX";
		int	L = fs->map[PG_SCRIPT_LATIN][0];

		assert_true((fd = mkstemp(link)) != -1);
		close(fd);
		unlink(link);
		assert_int_equal(symlink(fs->face[L].path, link), 0);
		memset(&fake, 0, sizeof(fake));
		fake.nfaces = 2;
		fake.face[0] = fs->face[L];
		fake.face[1] = fs->face[L];
		fake.face[1].path = link;
		pg_frames_free(&fr);
		assert_int_equal(pg_frames_add_page(&fr), 0);
		add_text(&fr, 0, 0, "abc", 10, 0);
		add_text(&fr, 0, 1, "xyz", 10, 0);
		expect_fail(&fr, &fake, "same PostScript name");
		unlink(link);
	}

	/* a bookmark to a page that does not exist */
	pg_frames_free(&fr);
	assert_int_equal(pg_frames_add_page(&fr), 0);
	assert_int_equal(pg_frames_outline(&fr, "第九章", 0, 9, 0), 0);
	expect_fail(&fr, fs, "第九章");
	pg_frames_free(&fr);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(load_defaults),
		cmocka_unit_test(load_bogus_family_falls_back),
		cmocka_unit_test(load_no_fonts),
		cmocka_unit_test(write_ok_and_deterministic),
		cmocka_unit_test(write_many_characters),
		cmocka_unit_test(write_failures),
	};

	return cmocka_run_group_tests(tests, setup_fonts, teardown_fonts);
}
