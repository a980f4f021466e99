/*
 * make-jpeg.c — write the JPEG test images of tests/data/img and the
 * sample's samples/img/photo.jpg with libjpeg (Debian libjpeg-dev).  Not
 * built by make: the files are committed; this says how they were made.
 *   cc -o /tmp/make-jpeg make-jpeg.c -ljpeg && /tmp/make-jpeg
 *   (in this folder; "/tmp/make-jpeg photo PATH" writes the sample photo)
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <jpeglib.h>

static void
write_jpeg(const char *path, int w, int h, int comps, J_COLOR_SPACE cs,
    int progressive, int photo)
{
	struct jpeg_compress_struct c;
	struct jpeg_error_mgr e;
	FILE *fp = fopen(path, "wb");
	unsigned char *row = malloc((size_t)w * comps);
	int x, y, k;

	c.err = jpeg_std_error(&e);
	jpeg_create_compress(&c);
	jpeg_stdio_dest(&c, fp);
	c.image_width = w;
	c.image_height = h;
	c.input_components = comps;
	c.in_color_space = cs;
	jpeg_set_defaults(&c);
	jpeg_set_quality(&c, 85, TRUE);
	if (progressive)
		jpeg_simple_progression(&c);
	jpeg_start_compress(&c, TRUE);
	for (y = 0; y < h; y++) {
		for (x = 0; x < w; x++)
			for (k = 0; k < comps; k++) {
				int v;
				if (photo)	/* sky, sea, sand */
					v = y < h / 3 ? (k == 2 ? 235 : 150 + k * 30) :
					    y < 2 * h / 3 ? (k == 0 ? 30 : k == 1 ? 90 + x % 7 : 160) :
					    (k == 0 ? 225 : k == 1 ? 200 : 150);
				else if (abs(x - y * w / h) < 2)
					v = 20;
				else
					v = k == 0 ? x * 255 / w : k == 1 ? y * 255 / h : 160;
				row[x * comps + k] = (unsigned char)v;
			}
		jpeg_write_scanlines(&c, &row, 1);
	}
	jpeg_finish_compress(&c);
	jpeg_destroy_compress(&c);
	fclose(fp);
	free(row);
}

int
main(int argc, char **argv)
{
	if (argc == 3 && strcmp(argv[1], "photo") == 0) {
		write_jpeg(argv[2], 320, 180, 3, JCS_RGB, 0, 1);
		return 0;
	}
	write_jpeg("baseline.jpg", 48, 32, 3, JCS_RGB, 0, 0);
	write_jpeg("progressive.jpg", 48, 32, 3, JCS_RGB, 1, 0);
	write_jpeg("grey.jpg", 48, 32, 1, JCS_GRAYSCALE, 0, 0);
	write_jpeg("cmyk.jpg", 48, 32, 4, JCS_CMYK, 0, 0);
	return 0;
}
