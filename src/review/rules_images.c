/*
 * rules_images.c — the rule about the pictures of a version 2 plan:
 * image-unreadable (plan-format.md, "New review rules").
 *
 * Rule semantics decided here (the spec is silent on them):
 *  - one finding per <image>, at its line, naming its src and the one
 *    reason it cannot be drawn (the first found, in the order: a URL, an
 *    absolute path, outside the plan's folder, cannot be opened, not a
 *    file, over 20 MB, not PNG/JPEG, too many pixels, damaged, CMYK,
 *    a JPEG kind PDF readers cannot take);
 *  - the file is read whole (base/image.c), so a truncated PNG is found
 *    here and never reaches the PDF;
 *  - the rule counts in the completeness score only for a version 2
 *    plan that has an image (rules.c).
 */
#include "config.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>

#include "base/image.h"
#include "review/rules_int.h"

struct imgwalk {
	struct ctx		*c;
	const struct rule	*r;
};

/* Why a file could not be opened, in the message's language. */
static const char *
open_why(struct ctx *c, int e)
{
	switch (e) {
	case ENOENT: case ENOTDIR:
		return L("there is no such file", "文件不存在");
	case EACCES: case EPERM:
		return L("permission denied", "没有读取权限");
	case ELOOP:
		return L("too many symbolic links", "符号链接层数过多");
	case ENAMETOOLONG:
		return L("the path is too long", "路径过长");
	default:
		return L("it cannot be opened", "无法打开");
	}
}

static void
check_image(struct ctx *c, const struct rule *r, const struct pg_block *b)
{
	const struct pg_image	*im = b->image;
	char			 path[PATH_MAX], src[NAMESZ];
	struct pg_img_info	 info;
	enum pg_img_err		 e;
	int			 se = 0;

	if (im == NULL)
		return;
	pg_text_clip(im->src, 60, src, sizeof(src));
	e = pg_image_resolve(c->file, im->src, path, sizeof(path), &se);
	if (e == PG_IMGE_OK)
		e = pg_image_probe(path, &info);
	else
		info.sys_errno = se;
	if (e == PG_IMGE_OPEN && info.sys_errno == ENOMEM) {
		c->d->oom = 1;		/* memory, not the image */
		return;
	}
	switch (e) {
	case PG_IMGE_OK:
		return;
	case PG_IMGE_URL:
		rl_emit(c, r, b->line, L("image \"%s\" is a URL: plangen never "
		    "fetches images; save the file in the plan's folder and "
		    "write its relative path", "图片 \"%s\" 是网址：plangen 不会下载"
		    "图片；请把文件存到计划所在的文件夹，写它的相对路径"), src);
		break;
	case PG_IMGE_ABSOLUTE:
		rl_emit(c, r, b->line, L("image \"%s\" is an absolute path: "
		    "write a path relative to the plan's folder", "图片 \"%s\" "
		    "是绝对路径：请写相对于计划所在文件夹的路径"), src);
		break;
	case PG_IMGE_OUTSIDE:
		rl_emit(c, r, b->line, L("image \"%s\" lies outside the plan's "
		    "folder: copy it into the plan's folder or a folder below it",
		    "图片 \"%s\" 不在计划所在的文件夹内：请把它复制到计划所在的文件夹"
		    "或其子文件夹中"), src);
		break;
	case PG_IMGE_OPEN:
		rl_emit(c, r, b->line, L("image \"%s\" cannot be read: %s",
		    "无法读取图片 \"%s\"：%s"), src, open_why(c, info.sys_errno));
		break;
	case PG_IMGE_NOT_FILE:
		rl_emit(c, r, b->line, L("image \"%s\" is not a file",
		    "图片 \"%s\" 不是文件"), src);
		break;
	case PG_IMGE_TOO_BIG:
		rl_emit(c, r, b->line, L("image \"%s\" is %ld MB, over the 20 MB "
		    "limit: save it smaller", "图片 \"%s\" 有 %ld MB，超过 20 MB 的"
		    "上限：请存成更小的文件"), src, (info.bytes + 1048575) / 1048576);
		break;
	case PG_IMGE_FORMAT:
		rl_emit(c, r, b->line, L("image \"%s\" is neither PNG nor JPEG: "
		    "save it as PNG or JPEG", "图片 \"%s\" 既不是 PNG 也不是 JPEG："
		    "请存成 PNG 或 JPEG"), src);
		break;
	case PG_IMGE_HUGE:
		rl_emit(c, r, b->line, L("image \"%s\" is %u x %u pixels, over "
		    "the limit of 20000 a side and 40 million in all: scale it "
		    "down", "图片 \"%s\" 有 %u × %u 像素，超过上限（每边 20000，"
		    "总数 4000 万）：请缩小"), src, info.w, info.h);
		break;
	case PG_IMGE_CORRUPT:
		rl_emit(c, r, b->line, L("image \"%s\" is damaged or cut short: "
		    "save it again", "图片 \"%s\" 已损坏或不完整：请重新保存"), src);
		break;
	case PG_IMGE_CMYK:
		rl_emit(c, r, b->line, L("image \"%s\" is a CMYK JPEG, which would "
		    "print in wrong colours: save it as RGB", "图片 \"%s\" 是 "
		    "CMYK 模式的 JPEG，颜色会出错：请存成 RGB"), src);
		break;
	case PG_IMGE_UNSUPPORTED:
		rl_emit(c, r, b->line, L("image \"%s\" is a kind of JPEG that PDF "
		    "readers cannot show (12-bit, arithmetic-coded or lossless): "
		    "save it as an ordinary 8-bit JPEG", "图片 \"%s\" 是 PDF 阅读器"
		    "无法显示的 JPEG（12 位、算术编码或无损）：请存成普通的 8 位 JPEG"),
		    src);
		break;
	}
}

static void
walk_prose(void *arg, const struct pg_prose *pr, const char *what)
{
	struct imgwalk	*w = arg;
	size_t		 b;

	(void)what;
	for (b = 0; b < pr->nblocks; b++)
		if (pr->blocks[b].kind == PG_BLOCK_IMAGE)
			check_image(w->c, w->r, &pr->blocks[b]);
}

/* image-unreadable: every <image> of the plan's prose, one finding each. */
void
rl_image_unreadable(struct ctx *c, const struct rule *r)
{
	struct imgwalk w = { c, r };

	pg_plan_each_prose(c->p, walk_prose, &w);
}

static void
count_images(void *arg, const struct pg_prose *pr, const char *what)
{
	size_t b;

	(void)what;
	for (b = 0; b < pr->nblocks; b++)
		if (pr->blocks[b].kind == PG_BLOCK_IMAGE)
			(*(size_t *)arg)++;
}

size_t
rl_image_count(const struct pg_plan *p)
{
	size_t n = 0;

	pg_plan_each_prose(p, count_images, &n);
	return n;
}
