/*
 * write_int.h — private to the PDF writer: the state of one pg_pdf_write
 * call (struct wctx) and what its files share.
 *
 *   pdf_write.c  the driver and the page content (drawing boxes)
 *   fonts.c      the embedded fonts: code points used, subsets, loading
 *   tagged.c     marked content and the structure tree (tagged PDF)
 *   meta.c       document information, XMP metadata, /ID, output intent
 *
 * Errors: every function here that can fail longjmps to pg_pdf_write
 * (through pg_w_fail and friends); whatever must be released lives in
 * struct wctx.
 *
 * Include: the writer's files in src/pdf.
 */
#ifndef PG_PDF_WRITE_INT_H
#define PG_PDF_WRITE_INT_H

#include <setjmp.h>
#include <stddef.h>
#include <stdint.h>

#include <hpdf.h>

#include "layout/font.h"
#include "layout/frame.h"
#include "pdf/content.h"
#include "pdf/pdf_write.h"
#include "pdf/subset.h"

/* One embedded font: a font file face and the code points drawn with it. */
struct wfont {
	const char	*path;
	int		 index;
	uint8_t		*used;		/* PG_CPSET_BYTES */
	int		 any;		/* some code point is used */
	const char	*name;		/* libharu's font name (owned by it) */
	HPDF_Font	 font;
	struct pg_remap	 rm;		/* its codes; rm.code NULL: Unicode */
	int16_t		*wid;		/* code -> libharu's width, 1/1000 em */
	int		 onebyte;	/* drawn as 1-byte codes (set_onebyte) */
};

struct wimage {
	const char	*path;
	HPDF_Image	 img;
};

/* A marked-content sequence of a structure element (tagged.c). */
struct wmcr {
	int		 elem;
	int		 page;
	int		 mcid;		/* -1: a link annotation (OBJR) */
	HPDF_Annotation	 annot;		/* mcid -1 */
};

struct wctx {
	jmp_buf		 jb;
	HPDF_Doc	 pdf;
	HPDF_STATUS	 code, detail;
	char		 what[512];	/* what was being done, for messages */
	const struct pg_frames *fr;
	const struct pg_fontset *fs;
	const struct pg_pdf_opts *opts;
	struct wfont	 fonts[PG_FACE_MAX];
	int		 nfonts;
	int		 fontof[PG_FACE_MAX];	/* face -> fonts[] */
	struct wimage	*images;
	size_t		 nimages, capimages;
	HPDF_Page	*pages;
	char		*buf;		/* a ToUnicode map (cmap.h) */
	size_t		 bufcap;
	struct pg_subset sub;		/* a subset font file not yet dropped */
	unsigned char	*out;
	struct pg_content cs;		/* the current page's content */
	/* drawing state of the current page, to skip redundant operators */
	int		 in_text;
	HPDF_Font	 cur_font;
	double		 cur_size, cur_lw;
	long		 cur_fill, cur_stroke;	/* 0xRRGGBB, -1 unknown */
	int		 cur_mode, cur_dash;
	/* tagged PDF (tagged.c) */
	int		 tagged;	/* the frames have a structure tree */
	int		 mc;		/* open marked content: -1 none, 0 artifact, > 0 element */
	int		 nmcid;		/* MCIDs of the current page */
	struct wmcr	*mcr;
	size_t		 nmcr, capmcr;
	int		 nannots;	/* link annotations tagged so far */
	char		*tb;		/* scratch text (object bodies) */
	size_t		 tbn, tbcap;
	unsigned char	*tkeep;		/* pg_w_struct_tree's scratch */
	HPDF_Dict	*tobj;
	int		*tkey;
	size_t		*tmv, *tcv, *tmoff, *tcoff;
	/* the document's digest so far (meta.c: /ID) */
	unsigned char	 digest[16];
};

/* Fail with the message in c->what / a message of our own. */
void	pg_w_failed(struct wctx *) __attribute__((noreturn));
void	pg_w_fail(struct wctx *, const char *, ...)
	    __attribute__((format(printf, 2, 3), noreturn));

/* Fail with libharu's error st, unless it is HPDF_OK (haru_shim.h). */
void	pg_w_check(struct wctx *, HPDF_STATUS st);

/* End the text object (ET) if one is open. */
void	pg_w_end_text(struct wctx *);

/*
 * The character of a text box at b->text[*i], advancing *i past it, or
 * 0xFFFFFFFF if it is not drawn (see fonts.c).
 */
uint32_t pg_w_next_drawn(const struct pg_box *b, size_t *i);

/* ---- fonts.c */
/* Group faces by font file and collect the code points each one draws. */
void	pg_w_collect(struct wctx *);
/* Subset, load and measure every font that draws something. */
void	pg_w_load_fonts(struct wctx *);

/* ---- tagged.c */
/*
 * Before box b is drawn on the current page p: close and open marked
 * content so that b is inside its structure element's sequence (with an
 * MCID) or inside an artifact.  A no-op for untagged frames.
 */
void	pg_w_mark(struct wctx *, int p, const struct pg_box *b);
/* Close the page's open marked content (before its content is flushed). */
void	pg_w_mark_end(struct wctx *);
/* The link annotation a of box b on page p belongs to b's element. */
void	pg_w_link(struct wctx *, int p, const struct pg_box *b,
	    HPDF_Annotation a);
/*
 * Open / close an /ActualText span around the text boxes of page p from
 * box i on that follow each other across Han-Latin gaps (PG_BOXF_JOIN):
 * pg_w_join_begin returns the index of the group's last box (i if box i
 * starts no group: then nothing is written).
 */
size_t	pg_w_join_begin(struct wctx *, int p, size_t i);
void	pg_w_join_end(struct wctx *);
/* Write the structure tree and the catalog's tagging keys. */
void	pg_w_struct_tree(struct wctx *);
/* Free what tagged.c allocated in c (also after a failure). */
void	pg_w_tagged_free(struct wctx *);

/* ---- meta.c */
/* Document information, XMP metadata, viewer preferences, output intent,
 * /ID and the header version.  Call last, before saving. */
void	pg_w_meta(struct wctx *);
/* Add bytes to the document's digest (the /ID). */
void	pg_w_digest(struct wctx *, const void *, size_t);
/*
 * s cut at a UTF-8 character boundary to at most PG_W_CLIP_MAX bytes with
 * "…" added (written into buf), or s itself if it is short enough.
 * libharu refuses a string over 65,535 bytes (error 0x105B); the document
 * information and the bookmarks are labels, so a title of any length is
 * kept whole on the cover and cut there.
 */
#define PG_W_CLIP_MAX	PG_PDF_LABEL_MAX
const char *pg_w_clip(const char *s, char buf[PG_W_CLIP_MAX + 4]);

/* Append to c->tb (the scratch text). */
void	pg_w_tb(struct wctx *, const char *, size_t);
void	pg_w_tbf(struct wctx *, const char *, ...)
	    __attribute__((format(printf, 2, 3)));
/* s (UTF-8) as UTF-16BE with a byte-order mark, malloc'd; *n bytes. */
unsigned char *pg_w_utf16(struct wctx *, const char *s, size_t *n);
/* Append s (UTF-8) as a PDF text string in hex: <FEFF...> (UTF-16BE). */
void	pg_w_tb_text(struct wctx *, const char *s, size_t len);

#endif
