/*
 * glyphs.c — characters no font can draw, found at check time.  See
 * glyphs.h.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "base/finding.h"
#include "base/utf8.h"
#include "read/xml_read.h"
#include "review/glyphs.h"

#define ASTRAL_MAX	256	/* distinct code points beyond the BMP remembered */

struct scan {
	const char	*file;
	int		 zh;
	pg_can_draw_fn	 can_draw;
	void		*ctx;
	struct pg_diags	*d;
	uint8_t		*asked;		/* BMP: 1 bit per code point asked */
	uint32_t	 astral[ASTRAL_MAX];	/* beyond the BMP: asked already */
	size_t		 nastral;
	int		 found;
};

/*
 * 1 for the characters every font plangen can use has (Latin-1, the
 * typographic quotes and dashes, the ellipsis, the euro sign): an English
 * plan with "£" or "’" does not load fonts to learn that.
 */
static int
every_font_has(uint32_t cp)
{
	return (cp >= 0xA0 && cp <= 0xFF) || cp == 0x2013 || cp == 0x2014 ||
	    cp == 0x2018 || cp == 0x2019 || cp == 0x201C || cp == 0x201D ||
	    cp == 0x2022 || cp == 0x2026 || cp == 0x20AC;
}

/* 1 if cp was asked about before (and now remember it). */
static int
seen(struct scan *s, uint32_t cp)
{
	size_t i;

	if (cp < 0x10000) {
		if (s->asked[cp >> 3] & (1u << (cp & 7)))
			return 1;
		s->asked[cp >> 3] |= (uint8_t)(1u << (cp & 7));
		return 0;
	}
	for (i = 0; i < s->nastral; i++)
		if (s->astral[i] == cp)
			return 1;
	if (s->nastral == ASTRAL_MAX)
		return 1;	/* that many rare characters: the first are reported */
	s->astral[s->nastral++] = cp;
	return 0;
}

static void
scan_text(struct scan *s, const char *t, const xmlNode *at)
{
	size_t	len, i = 0;

	if (t == NULL)
		return;
	len = strlen(t);
	while (i < len) {
		size_t	 start = i;
		uint32_t cp = pg_utf8_next(t, len, &i);
		char	 u[8];

		if (cp < 0x80 || every_font_has(cp) || seen(s, cp) ||
		    s->can_draw(s->ctx, cp))
			continue;
		memcpy(u, t + start, i - start < 7 ? i - start : 7);
		u[i - start < 7 ? i - start : 7] = '\0';
		pg_diag_emit(s->d, PG_F_MISSING_GLYPH, s->file, pg_xml_line(at),
		    pg_glyph_message(s->zh), (unsigned long)cp, u);
		s->found++;
	}
}

/* Every element below n, iteratively (plans nest deep only when hostile). */
static void
walk(struct scan *s, xmlNodePtr root)
{
	xmlNodePtr n = root;

	while (n != NULL) {
		if (n->type == XML_ELEMENT_NODE) {
			xmlAttrPtr a;
			for (a = n->properties; a != NULL; a = a->next)
				if (a->children != NULL)
					scan_text(s, (const char *)a->children->content, n);
		} else if ((n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) &&
		    n->parent != NULL)
			scan_text(s, (const char *)n->content, n->parent);
		if (n->type == XML_ELEMENT_NODE && n->children != NULL) {
			n = n->children;
			continue;
		}
		while (n != NULL && n != root && n->next == NULL)
			n = n->parent;
		if (n == NULL || n == root)
			break;
		n = n->next;
	}
}

int
pg_glyph_scan(xmlDocPtr doc, const char *file, int zh, pg_can_draw_fn can_draw,
    void *ctx, struct pg_diags *d)
{
	struct scan	s;
	xmlNodePtr	root;

	if (doc == NULL || (root = xmlDocGetRootElement(doc)) == NULL)
		return 0;
	memset(&s, 0, sizeof(s));
	s.file = file;
	s.zh = zh;
	s.can_draw = can_draw;
	s.ctx = ctx;
	s.d = d;
	if ((s.asked = calloc(0x10000 / 8, 1)) == NULL) {
		d->oom = 1;
		return -1;
	}
	walk(&s, root);
	free(s.asked);
	return s.found;
}
