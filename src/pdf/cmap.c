/*
 * cmap.c — ToUnicode and encoding CMap texts.  See cmap.h.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pdf/cmap.h"

const char pg_cmap_onebyte[] =
    "/CIDInit /ProcSet findresource begin\n"
    "12 dict begin\n"
    "begincmap\n"
    "/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) "
    "/Supplement 0 >> def\n"
    "/CMapName /" PG_CMAP_ONEBYTE_NAME " def\n"
    "/CMapType 1 def\n"
    "1 begincodespacerange\n<00> <FF>\nendcodespacerange\n"
    "1 begincidrange\n<00> <FF> 0\nendcidrange\n"
    "endcmap\n"
    "CMapName currentdict /CMap defineresource pop\n"
    "end\n"
    "end\n";

/* the head of a ToUnicode CMap, up to its code space */
static const char tu_head[] =
    "/CIDInit /ProcSet findresource begin\n"
    "12 dict begin\n"
    "begincmap\n"
    "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) "
    "/Supplement 0 >> def\n"
    "/CMapName /Adobe-Identity-UCS def\n"
    "/CMapType 2 def\n"
    "1 begincodespacerange\n";
static const char tu_tail[] =
    "endcmap\n"
    "CMapName currentdict /CMap defineresource pop\n"
    "end\n"
    "end\n";

/* *buf with room for n bytes, or NULL. */
static char *
room(char **buf, size_t *cap, size_t n)
{
	char *nb;

	if (n > *cap) {
		if ((nb = realloc(*buf, n)) == NULL)
			return NULL;
		*buf = nb;
		*cap = n;
	}
	return *buf;
}

/* Write the head and code space of a ToUnicode map at p; returns the end. */
static char *
head(char *p, int onebyte)
{
	p += sprintf(p, "%s%s\nendcodespacerange\n", tu_head,
	    onebyte ? "<00> <FF>" : "<0000> <FFFF>");
	return p;
}

size_t
pg_tounicode_codes(char **buf, size_t *cap, const uint16_t *uni, unsigned n,
    unsigned base, int onebyte)
{
	char		*p;
	unsigned	 i, j, k, nr = 0, nc = 0;
	unsigned	 ent[2][100][3];	/* ranges, chars: code, end, uni */

	/* at most 21 bytes per entry, 30 per block of 100, plus the rest */
	if (room(buf, cap, sizeof(tu_head) + 32 + sizeof(tu_tail) +
	    (size_t)n * 24 + (n / 100 + 2) * 2 * 40) == NULL)
		return 0;
	p = head(*buf, onebyte);
	for (i = 0; i < n; i = j) {
		unsigned code = base + i;

		for (j = i + 1; j < n && uni[j] == uni[j - 1] + 1 &&
		    ((base + j) & 0xFF) != 0 && (uni[j] & 0xFF) != 0; j++)
			;
		if (j - i >= 2) {
			ent[0][nr][0] = code;
			ent[0][nr][1] = code + (j - 1 - i);
			ent[0][nr][2] = uni[i];
			nr++;
		} else {
			ent[1][nc][0] = code;
			ent[1][nc][2] = uni[i];
			nc++;
		}
		if (nr == 100 || (j >= n && nr > 0)) {
			p += sprintf(p, "%u beginbfrange\n", nr);
			for (k = 0; k < nr; k++)
				p += sprintf(p, onebyte ?
				    "<%02X> <%02X> <%04X>\n" :
				    "<%04X> <%04X> <%04X>\n",
				    ent[0][k][0], ent[0][k][1], ent[0][k][2]);
			p += sprintf(p, "endbfrange\n");
			nr = 0;
		}
		if (nc == 100 || (j >= n && nc > 0)) {
			p += sprintf(p, "%u beginbfchar\n", nc);
			for (k = 0; k < nc; k++)
				p += sprintf(p, onebyte ? "<%02X> <%04X>\n" :
				    "<%04X> <%04X>\n", ent[1][k][0], ent[1][k][2]);
			p += sprintf(p, "endbfchar\n");
			nc = 0;
		}
	}
	p += sprintf(p, "%s", tu_tail);
	return (size_t)(p - *buf);
}

size_t
pg_tounicode_blocks(char **buf, size_t *cap, const uint8_t *used)
{
	char	*p;
	int	 hi, lo, nblk = 0, inblk = 0, blk[256];

	for (hi = 0; hi < 256; hi++) {
		blk[hi] = 0;
		if (hi >= 0xD8 && hi <= 0xDF)
			continue;
		for (lo = 0; lo < 32; lo++)
			if (used[hi * 32 + lo]) {
				blk[hi] = 1;
				nblk++;
				break;
			}
	}
	/* 22 bytes a block, 30 per 100 blocks */
	if (room(buf, cap, sizeof(tu_head) + 32 + sizeof(tu_tail) +
	    (size_t)nblk * 22 + (size_t)(nblk / 100 + 1) * 30) == NULL)
		return 0;
	p = head(*buf, 0);
	for (hi = 0; hi < 256; hi++) {
		if (!blk[hi])
			continue;
		if (inblk == 0)
			p += sprintf(p, "%d beginbfrange\n",
			    nblk < 100 ? nblk : 100);
		p += sprintf(p, "<%02X00> <%02XFF> <%02X00>\n", hi, hi, hi);
		nblk--;
		if (++inblk == 100 || nblk == 0) {
			p += sprintf(p, "endbfrange\n");
			inblk = 0;
		}
	}
	p += sprintf(p, "%s", tu_tail);
	return (size_t)(p - *buf);
}
