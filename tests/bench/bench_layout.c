/*
 * bench_layout.c — times the layout of a large table (default 3,000 rows
 * of 6 columns of mixed Chinese/English text) with the fake fontset, or
 * with real fonts if pg_fontset_load is linked and PLANGEN_BENCH_REAL is
 * set.  Not a test: `make tests/bench/bench_layout` and run it by hand.
 *
 * Usage: bench_layout [rows]
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "layout/font.h"
#include "layout/frame.h"
#include "layout/layout.h"

static double
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

int
main(int argc, char **argv)
{
	static const char *words[] = { "线上推广", "渠道", "Q3 campaign",
	    "社交媒体“口碑”营销", "¥12,500.00", "11.6%", "2027年", "负责人",
	    "training for sales staff", "https://example.com/plan/a",
	    "进行中", "品牌——知名度", "review", "客户满意度调查……", NULL };
	size_t		 rows = argc > 1 ? strtoul(argv[1], NULL, 10) : 3000;
	size_t		 ncols = 6, r, c, nw, k, total;
	struct pg_fontset fs;
	struct pg_frames fr;
	struct pg_geom	 g = { 595.28, 841.89, 56, 56, 50, 50 };
	struct pg_tstyle body, head;
	struct pg_cell	*cells, hdr[6];
	struct pg_run	*runs, hruns[6];
	char		**texts;
	struct pg_table	 t;
	struct pg_layout *l;
	double		 t0, t1, w[6];
	size_t		 boxes = 0, p;
	int		 rep;

	for (nw = 0; words[nw] != NULL; nw++)
		;
	if (pg_fontset_fake(&fs, 550) == -1)
		return 1;
	cells = calloc(rows * ncols, sizeof(*cells));
	runs = calloc(rows * ncols, sizeof(*runs));
	texts = calloc(rows * ncols, sizeof(*texts));
	if (cells == NULL || runs == NULL || texts == NULL)
		return 1;
	srand(42);
	for (r = 0; r < rows; r++)
		for (c = 0; c < ncols; c++) {
			size_t i = r * ncols + c, n = c == 2 ? 6 : 1 + (size_t)rand() % 3;
			char buf[512] = "";

			for (k = 0; k < n; k++) {
				if (k > 0 && (rand() & 1))
					strcat(buf, " ");
				strcat(buf, words[(size_t)rand() % nw]);
			}
			texts[i] = strdup(buf);
			runs[i].text = texts[i];
			cells[i].runs = &runs[i];
			cells[i].nruns = 1;
		}
	for (c = 0; c < ncols; c++) {
		static const char *h[] = { "编号", "活动", "说明 Description",
		    "预算 Budget", "负责人", "状态" };
		hruns[c].text = h[c];
		hruns[c].style = 0;
		memset(&hdr[c], 0, sizeof(hdr[c]));
		hdr[c].runs = &hruns[c];
		hdr[c].nruns = 1;
	}
	memset(&body, 0, sizeof(body));
	body.size = 9;
	body.leading = 13;
	body.align = PG_ALIGN_LEFT;
	head = body;
	head.style = 2;
	memset(&t, 0, sizeof(t));
	t.ncols = ncols;
	t.header = hdr;
	t.cells = cells;
	t.nrows = rows;
	t.body = &body;
	t.head = &head;
	t.pad = 3;

	for (rep = 0; rep < 5; rep++) {
		pg_frames_init(&fr, g.width, g.height);
		t0 = now();
		if (pg_table_widths(&fs, &t, g.width - 100, "zh-CN", w) == -1)
			return 1;
		t1 = now();
		printf("widths only: %.2f ms\n", t1 - t0);
		t0 = now();
		l = pg_layout_new(&fr, &fs, &g, "zh-CN");
		if (l == NULL || pg_layout_table(l, &t) == -1)
			return 1;
		pg_layout_finish(l);
		t1 = now();
		for (p = 0, boxes = 0; p < fr.npages; p++)
			boxes += fr.pages[p].n;
		printf("table of %zu rows x %zu cols: %.2f ms, %zu pages, "
		    "%zu boxes\n", rows, ncols, t1 - t0, fr.npages, boxes);
		pg_layout_free(l);
		pg_frames_free(&fr);
	}
	/* prose: 2,000 justified paragraphs of mixed text */
	{
		static const char *para =
		    "在六家门店接入小程序排队和预点单，打通后厨备料系统；先在春熙路店"
		    "试点两周，再全面推广。2027年目标营业额¥1,234,500.00，同比增长"
		    "11.6%。We will reach office workers aged 25 to 35 through "
		    "“social” word of mouth——especially Xiaohongshu and Douyin……";
		struct pg_run	 pr = { para, 0 };
		struct pg_tstyle ps = body;

		ps.align = PG_ALIGN_JUSTIFY;
		ps.size = 10.5;
		ps.leading = 17;
		ps.space_after = 6;
		for (rep = 0; rep < 3; rep++) {
			pg_frames_init(&fr, g.width, g.height);
			t0 = now();
			l = pg_layout_new(&fr, &fs, &g, "zh-CN");
			for (k = 0; l != NULL && k < 2000; k++)
				if (pg_layout_para(l, &pr, 1, &ps) == -1)
					return 1;
			t1 = now();
			printf("2000 paragraphs: %.2f ms, %zu pages\n", t1 - t0,
			    fr.npages);
			pg_layout_free(l);
			pg_frames_free(&fr);
		}
	}
	for (total = 0; total < rows * ncols; total++)
		free(texts[total]);
	free(texts);
	free(runs);
	free(cells);
	pg_fontset_free(&fs);
	return 0;
}
