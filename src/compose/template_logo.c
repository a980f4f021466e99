/*
 * template_logo.c — a template's <logo>: resolved beside the template
 * file and probed by the same code as a plan's images (base/image.h), so
 * a logo the PDF writer could not draw exactly (damaged, CMYK, 12-bit
 * JPEG, too large) is refused when the template is loaded, with the file
 * named, instead of failing or drawing garbled later.  See template_int.h.
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/tree.h>

#include "base/outname.h"
#include "base/image.h"
#include "base/lang.h"
#include "compose/template_int.h"
#include "read/xml_read.h"

#define RULE	PG_F_TEMPLATE
#define MM	(72.0 / 25.4)

char *
pg_tpl_relative(const char *path, const char *src)
{
	char	*dir, *full;
	size_t	 len;

	if (src[0] == '/' || path == NULL)
		return strdup(src);
	if ((dir = pg_path_dir(path)) == NULL)
		return NULL;
	len = strlen(dir) + strlen(src) + 2;
	if ((full = malloc(len)) != NULL)
		snprintf(full, len, "%s/%s", dir, src);
	free(dir);
	return full;
}

/* Why the logo at full cannot be used, in words; NULL if it can. */
static const char *
why(enum pg_img_err e, const struct pg_img_info *in, char *buf, size_t n)
{
	switch (e) {
	case PG_IMGE_OK:
		return NULL;
	case PG_IMGE_OPEN:
		snprintf(buf, n, PG_UI("it cannot be read (%s)", "无法读取（%s）"),
		    in->sys_errno == ENOENT ? PG_UI("no such file", "文件不存在") :
		    in->sys_errno == EACCES ? PG_UI("permission denied", "没有权限") :
		    PG_UI("cannot open it", "无法打开"));
		break;
	case PG_IMGE_NOT_FILE:
		snprintf(buf, n, "%s", PG_UI("it is not a file", "它不是文件"));
		break;
	case PG_IMGE_TOO_BIG:
		snprintf(buf, n, PG_UI("it is %ld MB, over the 20 MB limit: save it "
		    "smaller", "它有 %ld MB，超过 20 MB 的上限：请存成更小的文件"),
		    (in->bytes + 1048575) / 1048576);
		break;
	case PG_IMGE_HUGE:
		snprintf(buf, n, PG_UI("it is %u x %u pixels, over the limit of "
		    "20000 a side and 40 million in all: scale it down", "它有 %u × "
		    "%u 像素，超过上限（每边 20000，总数 4000 万）：请缩小"), in->w,
		    in->h);
		break;
	case PG_IMGE_CORRUPT:
		snprintf(buf, n, "%s", PG_UI("it is damaged or cut short: save it "
		    "again", "它已损坏或不完整：请重新保存"));
		break;
	case PG_IMGE_CMYK:
		snprintf(buf, n, "%s", PG_UI("it is a CMYK JPEG, which would print "
		    "in wrong colours: save it as RGB", "它是 CMYK 模式的 JPEG，颜色"
		    "会出错：请存成 RGB"));
		break;
	case PG_IMGE_UNSUPPORTED:
		snprintf(buf, n, "%s", PG_UI("it is a kind of JPEG that PDF readers "
		    "cannot show (12-bit, arithmetic-coded or lossless): save it as "
		    "an ordinary 8-bit JPEG", "它是 PDF 阅读器无法显示的 JPEG（12 位、"
		    "算术编码或无损）：请存成普通的 8 位 JPEG"));
		break;
	default:
		snprintf(buf, n, "%s", PG_UI("it is not a PNG or JPEG file: save "
		    "it as PNG or JPEG", "它不是 PNG 或 JPEG 文件：请存成 PNG 或 JPEG"));
		break;
	}
	return buf;
}

int
pg_tpl_read_logo(const xmlNode *n, const char *name, const char *path,
    struct pg_template *t, struct pg_diags *d)
{
	struct pg_img_info	 info;
	char			*src = pg_xml_attr(n, "src"), *full, *hv, buf[256];
	const char		*w;
	enum pg_img_err		 e;

	if (xmlHasProp(n, (const xmlChar *)"width") != NULL) {
		full = pg_xml_attr(n, "width");
		t->logo_w = (full != NULL ? strtod(full, NULL) : 30) * MM;
		free(full);
	} else if (t->logo_w <= 0)
		t->logo_w = 30 * MM;
	if ((hv = pg_xml_attr(n, "header")) != NULL) {
		t->logo_header = strcmp(hv, "yes") == 0;
		free(hv);
	}
	if (src == NULL) {
		if (t->logo != NULL)
			return 0;	/* inherited: only its size or place changes */
		pg_diag_emit(d, RULE, name, pg_xml_line(n), "%s", PG_UI("<logo> "
		    "needs src=\"FILE\": a PNG or JPEG file beside the template",
		    "<logo> 需要 src=\"文件\"：模板旁边的 PNG 或 JPEG 文件"));
		return 1;
	}
	if (strstr(src, "://") != NULL) {
		pg_diag_emit(d, RULE, name, pg_xml_line(n), PG_UI("logo \"%s\" is "
		    "a URL: plangen never fetches images; save the file beside the "
		    "template and write its name", "标志图片 \"%s\" 是网址：plangen "
		    "不会下载图片；请把文件存到模板旁边，写它的文件名"), src);
		free(src);
		return 1;
	}
	full = pg_tpl_relative(path, src);
	free(src);
	if (full == NULL) {
		pg_diag_emit(d, RULE, name, 0, "%s", PG_UI("out of memory", "内存不足"));
		return 1;
	}
	memset(&info, 0, sizeof(info));
	e = pg_image_probe(full, &info);
	if ((w = why(e, &info, buf, sizeof(buf))) != NULL) {
		pg_diag_emit(d, RULE, name, pg_xml_line(n), PG_UI("logo %s is not "
		    "a readable PNG or JPEG file: %s", "标志图片 %s 不是可读取的 PNG "
		    "或 JPEG 文件：%s"), full, w);
		free(full);
		return 1;
	}
	free(t->logo);
	t->logo = full;
	t->logo_px_w = info.w;
	t->logo_px_h = info.h;
	return 0;
}
