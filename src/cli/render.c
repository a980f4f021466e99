/*
 * render.c — `plangen render`: check the plan, then compose, lay out and
 * write the PDF (atomically), saying where it went.  See cli.h.
 */
#include "config.h"

#include <sys/stat.h>

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>
#ifdef HAVE_MALLOC_H
#include <malloc.h>
#endif

#include "cli/cli.h"
#include "base/diag.h"
#include "base/lang.h"
#include "base/outfile.h"
#include "base/outname.h"
#include "base/strbuf.h"
#include "compose/render.h"
#include "compose/template.h"
#include "layout/font.h"
#include "model/model.h"
#include "pdf/pdf_write.h"
#include "read/xml_read.h"
#include "review/check.h"
#include "review/report.h"
#include "review/rules_custom.h"

/* ---- render ------------------------------------------------------------ */

/* Findings of a render go to stderr: stdout may carry the PDF (-o -). */
void
print_diags_stderr(const struct pg_diags *d, const char *file)
{
	char	*s;

	if ((s = pg_report_findings(d, file, ui_tag())) == NULL) {
		errorf(T("%s: out of memory; findings not shown",
		    "%s：内存不足，问题没有列出"), file);
		return;
	}
	fputs(s, stderr);
	free(s);
}

/* SOURCE_DATE_EPOCH as seconds, or -1 if unset or malformed. */
static long long
source_date(void)
{
	const char	*s = getenv("SOURCE_DATE_EPOCH");
	char		*end;
	long long	 v;

	if (s == NULL || *s == '\0')
		return -1;
	errno = 0;
	v = strtoll(s, &end, 10);
	if (errno != 0 || *end != '\0' || v < 0 || *s < '0' || *s > '9') {
		errorf(T("ignoring SOURCE_DATE_EPOCH=%s: not a number of seconds",
		    "忽略 SOURCE_DATE_EPOCH=%s：它不是秒数"), s);
		return -1;
	}
	return v;
}

/* PLAN.xml -> PLAN.pdf (PLAN -> PLAN.pdf); cli.h. */
char *
default_output(const char *in)
{
	char	*r;

	return pg_output_name(NULL, in, &r) == 0 ? r : NULL;
}

/*
 * The output name for -o o (NULL: none), or NULL after an error message
 * (outname.h decides).
 */
static char *
output_name(const char *o, const char *in)
{
	char	*r;

	switch (pg_output_name(o, in, &r)) {
	case 0:
		return r;
	case -1:
		errorf(T("-o %s: plangen writes PDF only; name the output "
		    "*.pdf (or give a directory)", "-o %s：plangen 只输出 PDF；"
		    "请把输出文件命名为 *.pdf（或给出一个目录）"), o);
		return NULL;
	default:
		errorf(T("out of memory", "内存不足"));
		return NULL;
	}
}

/* Say so when the template's font families are not installed. */
static void
font_substitutes(const struct pg_fontset *fs, const struct pg_template *t)
{
	const char	*want[2] = { t->font_latin, t->font_cjk };
	int		 s, f;

	for (s = 0; s < 2; s++) {
		f = fs->map[s][0];
		if (want[s] == NULL || f < 0 || f >= fs->nfaces ||
		    fs->face[f].family == NULL)
			continue;
		if (strcasecmp(want[s], fs->face[f].family) != 0)
			errorf(T("warning: font '%s' (template %s) is not installed; "
			    "using '%s'", "警告: 没有安装字体“%s”（模板 %s）；改用“%s”"),
			    want[s], t->name, fs->face[f].family);
	}
}

/*
 * A note for each text of the cover that the PDF's labels (document
 * properties, XMP) keep only in part: a reader searching the file by its
 * title finds the first PG_PDF_LABEL_MAX bytes.  (What the cover itself
 * cannot hold, the composer notes: cp_cut_note.)
 */
static void
label_notes(const struct pg_plan *p, const char *in, struct pg_diags *notes)
{
	const struct { const struct pg_text *t; const char *en, *zh; } v[] = {
		{ &p->meta.title, "title", "标题" },
		{ &p->meta.subtitle, "subtitle", "副标题" },
		{ &p->meta.author, "author", "作者" },
		{ &p->meta.organization, "organization", "机构" },
	};
	size_t	i, n;

	for (i = 0; i < sizeof(v) / sizeof(v[0]); i++) {
		if (v[i].t->s == NULL ||
		    (n = strlen(v[i].t->s)) <= PG_PDF_LABEL_MAX)
			continue;
		if (pg_diag_emit_team(notes, "", PG_WARNING, in, v[i].t->line,
		    T("the %s is %zu bytes: the PDF's document properties keep "
		    "its first %d bytes (what a viewer shows as the title and a "
		    "search finds); shorten it to keep it whole there",
		    "%s长 %zu 字节：PDF 文档属性只保留前 %d 字节（阅读器显示的标题、"
		    "检索所用的内容）；缩短后可完整保留"),
		    T(v[i].en, v[i].zh), n, PG_PDF_LABEL_MAX) != 0)
			return;
	}
}

static const char render_usage[] =
    "render [-o OUT.pdf|DIR/] [-t TEMPLATE] [--paper A4|Letter] [--draft]\n"
    "       [--pdfa] [--quiet]\n"
    "       [--lang LANG] [--since OLD.xml] [--as-of YYYY-MM-DD] FILE";

int
cmd_render(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "output", required_argument, NULL, 'o' },
		{ "template", required_argument, NULL, 't' },
		{ "draft", no_argument, NULL, 'd' },
		{ "pdfa", no_argument, NULL, 'A' },
		{ "lang", required_argument, NULL, 'L' },
		{ "since", required_argument, NULL, 'S' },
		{ "quiet", no_argument, NULL, 'q' },
		{ "as-of", required_argument, NULL, 'a' },
		{ "paper", required_argument, NULL, 'P' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct pg_check_opts	 co = { NULL, 0, NULL, 0, { 0, 0, 0 } };
	struct pg_render_opts	 ro;
	struct pg_checked	 res;
	struct pg_template	*tpl = NULL;
	struct pg_fontset	 fonts;
	struct pg_frames	 frames;
	struct pg_diags		 tdiags, warn, notes;
	const char		*in, *tname = NULL, *since = NULL, *oarg = NULL,
				*paper = NULL;
	char			*ptname = NULL;
	struct pg_checked	 old;
	struct pg_diff		 d;
	char			*out = NULL, err[1024];
	unsigned char		*pdf = NULL;
	size_t			 pdflen = 0, ne, npages = 0, i;
	int			 c, draft = 0, quiet = 0, status = EXIT_USAGE;
	struct pg_pdf_opts	 po = { 0, NULL };

	optind = 1;
	while ((c = getopt_long(argc, argv, "o:t:dqL:S:a:h", opts, NULL)) != -1) {
		switch (c) {
		case 'o': oarg = optarg; break;
		case 'a':
			if (as_of_option(optarg, &co.as_of) != 0) {
				free(out);
				return usage_error(render_usage);
			}
			break;
		case 't': tname = optarg; break;
		case 'P':
			if (strcasecmp(optarg, "A4") != 0 &&
			    strcasecmp(optarg, "Letter") != 0) {
				errorf(T("--paper %s: write A4 or Letter",
				    "--paper %s：请写 A4 或 Letter"), optarg);
				free(out);
				return usage_error(render_usage);
			}
			paper = optarg;
			break;
		case 'd': draft = 1; break;
		case 'q': quiet = 1; break;
		case 'S': since = optarg; break;
		case 'A': po.pdfa = 1; break;
		case 'L':
			if (lang_option(optarg, &co.lang) != 0) {
				free(out);
				return usage_error(render_usage);
			}
			break;
		case 'h':
			free(out);
			return usage_help(render_usage);
		default:
			free(out);
			return usage_error(render_usage);
		}
	}
	if (optind != argc - 1) {
		free(out);
		return usage_error(render_usage);
	}
	in = argv[optind];
	if (po.pdfa && (po.icc = pg_pdf_srgb_icc()) == NULL) {
		errorf(T("--pdfa needs an sRGB ICC profile: install the Debian "
		    "package icc-profiles-free, or set PLANGEN_ICC to one",
		    "--pdfa 需要 sRGB ICC 色彩配置文件：请安装 Debian 软件包 "
		    "icc-profiles-free，或用 PLANGEN_ICC 指定一个"));
		free(out);
		return EXIT_USAGE;
	}
	if ((out = output_name(oarg, in)) == NULL)
		return EXIT_USAGE;
	if (strcmp(out, in) == 0 || pg_same_file(in, out)) {
		errorf(T("%s: the output would overwrite the input plan",
		    "%s：输出会覆盖输入的计划书"), out);
		free(out);
		return EXIT_USAGE;
	}
	memset(&fonts, 0, sizeof(fonts));
	memset(&old, 0, sizeof(old));
	memset(&d, 0, sizeof(d));
	co.keep_doc = since != NULL;	/* --since compares the documents */
	pg_frames_init(&frames, 0, 0);
	pg_diags_init(&tdiags);
	pg_diags_init(&warn);
	pg_diags_init(&notes);
	if (pg_check_file(in, &co, &res, err, sizeof(err)) != 0) {
		error_io(err);
		goto done;
	}
	/* from here on, about the plan: its language (--lang, else lang=) */
	speak(res.lang == PG_LANG_ZH ? (res.hant ? "zh-TW" : "zh-CN") : "en");
	print_diags_stderr(&res.diags, in);
	if (res.lang_hint && !quiet)
		fprintf(stderr, T("%s: note: %s\n", "%s: 提示: %s\n"), in,
		    PG_LANG_HINT_NOTE);
	if (res.diags.oom) {
		errorf(T("%s: out of memory; some findings were lost",
		    "%s：内存不足，部分问题没有列出"), in);
		goto done;
	}
	ne = pg_diags_count(&res.diags, PG_ERROR);
	if (res.plan == NULL) {
		/* --draft cannot help: there is no plan model to draw */
		if (pg_diags_count_rule(&res.diags, "xml-syntax") > 0)
			errorf(T("%s: not rendered: it is not well-formed XML "
			    "(%zu error%s above); --draft cannot draw it", "%s：没有生成 "
			    "PDF：文件不是格式正确的 XML（上面 %zu 个错误%.0s）；--draft "
			    "也无法生成"), in, ne, ne == 1 ? "" : "s");
		else
			errorf(T("%s: not rendered: it does not match the plan "
			    "format (%zu schema error%s above); fix them: --draft "
			    "draws only a plan that matches the format", "%s：没有生成 "
			    "PDF：它不符合计划书格式（上面 %zu 个 schema 错误%.0s）；"
			    "请先改正：--draft 只能生成符合格式的计划书"), in, ne,
			    ne == 1 ? "" : "s");
		status = EXIT_FINDINGS;
		goto done;
	}
	if (ne > 0 && !draft) {
		errorf(T("%s: not rendered: %zu error%s (fix them, or use "
		    "--draft for a marked draft)", "%s：没有生成 PDF：有 %zu 个错误"
		    "%.0s（请改正，或用 --draft 生成带“草稿”标记的版本）"), in, ne,
		    ne == 1 ? "" : "s");
		status = EXIT_FINDINGS;
		goto done;
	}
	if (!draft) {
		/* placeholder text left: not a final PDF (README: Rendering) */
		size_t nph = 0;
		for (i = 0; i < res.diags.n; i++)
			if (!res.diags.v[i].accepted && strcmp(res.diags.v[i].rule,
			    "placeholder-text") == 0)
				nph++;
		if (nph > 0) {
			draft = 1;
			errorf(T("%s: %zu placeholder%s (TODO, TBD, 待补充 ...) still "
			    "in the plan: rendered as a draft, marked DRAFT; fill "
			    "them in for the final PDF", "%s：计划中仍有 %zu 处占位"
			    "文字%.0s（待补充、TODO 等）：已按草稿生成，带“草稿”标记；"
			    "全部填写后才会生成正式版"), in, nph, nph == 1 ? "" : "s");
		}
	}
	if (since != NULL) {
		if (pg_check_file(since, &co, &old, err, sizeof(err)) != 0) {
			pg_lang_io_ui(err, sizeof(err));
			errorf("--since: %s", err);
			goto done;
		}
		if (old.doc == NULL) {
			print_diags_stderr(&old.diags, since);
			errorf(T("--since: %s is not well-formed XML and cannot be "
			    "compared: fix the error above first", "--since：%s 不是"
			    "格式正确的 XML，无法比较：请先改正上面的错误"), since);
			goto done;
		}
		if (pg_diff(&old, since, &res, in, co.lang, &d) != 0) {
			errorf("%s", T("out of memory", "内存不足"));
			goto done;
		}
		pg_checked_free(&old);
	}
	/* -t, else the .plangen file beside the plan, else default */
	if (tname == NULL) {
		if (project_template(in, &ptname) != 0)
			goto done;
		tname = ptname != NULL ? ptname : "default";
	}
	switch (pg_template_load(tname, &tpl, &tdiags, err, sizeof(err))) {
	case 0:
		break;
	case -1:
		errorf("%s", err);
		goto done;
	default:
		print_diags_stderr(&tdiags, tname);
		errorf(T("%s: invalid template", "%s：模板无效"), tname);
		goto done;
	}
	if (paper != NULL)
		pg_template_set_paper(tpl, paper);
	if (pg_fontset_load(&fonts, tpl->font_latin, tpl->font_cjk, err,
	    sizeof(err)) != 0) {
		errorf("%s", err);
		goto done;
	}
	font_substitutes(&fonts, tpl);
	memset(&ro, 0, sizeof(ro));
	ro.file = in;
	ro.lang = co.lang;
	ro.draft = draft;
	ro.findings = &res.diags;
	ro.date = source_date();
	ro.since = since != NULL ? &d : NULL;
	ro.completeness = &res.completeness;
	ro.notes = &notes;
	if (pg_render(res.plan, tpl, &fonts, &ro, &frames, &warn, err,
	    sizeof(err)) != 0) {
		errorf("%s: %s", in, err);
		goto done;
	}
	npages = frames.npages;
	label_notes(res.plan, in, &notes);
	/* the frames hold copies: drop the plan before the writer's peak */
	pg_checked_free(&res);
	pg_diags_sort(&warn);
	print_diags_stderr(&warn, in);
	for (i = 0; i < notes.n && !quiet; i++)
		fprintf(stderr, T("%s:%lu: note: %s\n", "%s:%lu: 提示: %s\n"),
		    in, notes.v[i].line, notes.v[i].msg);
	if (pg_pdf_write_opts(&frames, &fonts, &po, &pdf, &pdflen, err,
	    sizeof(err)) != 0) {
		errorf("%s: %s", in, err);
		goto done;
	}
	if (pg_write_atomic(out, pdf, pdflen, 0, err, sizeof(err)) != 0) {
		error_io(err);
		goto done;
	}
	if (!quiet && strcmp(out, "-") != 0)
		errorf(T("wrote %s (%zu page%s%s)", "已写入 %s（共 %zu 页%.0s%s）"),
		    out, npages, npages == 1 ? "" : "s", draft ? T(", draft",
		    "，草稿") : "");
	status = 0;
done:
	free(pdf);
	pg_frames_free(&frames);
	pg_fontset_free(&fonts);
	pg_template_free(tpl);
	pg_diags_free(&tdiags);
	pg_diags_free(&warn);
	pg_diags_free(&notes);
	pg_checked_free(&res);
	pg_checked_free(&old);
	pg_diff_free(&d);
	free(out);
	free(ptname);
	return status;
}
