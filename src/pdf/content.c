/*
 * content.c — a page's content stream, written as libharu would write it.
 * See content.h.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <hpdf.h>
#include <zlib.h>

#include "pdf/content.h"

void
pg_content_init(struct pg_content *pc)
{
	memset(pc, 0, sizeof(*pc));
}

int
pg_content_reserve(struct pg_content *pc, size_t extra)
{
	char	*np;
	size_t	 ncap;

	if (pc->n + extra <= pc->cap)
		return 0;
	if (pc->oom)
		return -1;
	ncap = pc->cap ? pc->cap : 16384;
	while (ncap < pc->n + extra)
		ncap *= 2;
	if ((np = realloc(pc->s, ncap)) == NULL) {
		pc->oom = 1;
		return -1;
	}
	pc->s = np;
	pc->cap = ncap;
	return 0;
}

void
pg_content_str(struct pg_content *pc, const char *s)
{
	size_t n = strlen(s);

	if (pg_content_reserve(pc, n) == -1)
		return;
	memcpy(pc->s + pc->n, s, n);
	pc->n += n;
}

/*
 * A number as libharu 2.3.0's HPDF_FToA prints an HPDF_REAL: clamped to
 * +-32767, rounded to 5 decimals.  Returned in units of 1e-5.
 */
static long long
fix5(double d)
{
	HPDF_REAL	 val = (HPDF_REAL)d;
	HPDF_INT32	 int_val, fpart_val;
	int		 neg = 0;

	if (val > HPDF_LIMIT_MAX_REAL)
		val = HPDF_LIMIT_MAX_REAL;
	else if (val < HPDF_LIMIT_MIN_REAL)
		val = HPDF_LIMIT_MIN_REAL;
	if (val < 0) {
		neg = 1;
		val = -val;
	}
	int_val = (HPDF_INT32)(val + 0.000005);
	fpart_val = (HPDF_INT32)((HPDF_REAL)(val - int_val + 0.000005) * 100000);
	fpart_val %= 100000;
	return (neg ? -1 : 1) * ((long long)int_val * 100000 + fpart_val);
}

void
pg_content_num(struct pg_content *pc, double d, char sep)
{
	char		 tmp[32], *e = tmp + sizeof(tmp), *p = e;
	long long	 v = fix5(d), ip, fp;
	int		 i, trim = 1;

	if (pg_content_reserve(pc, 32) == -1)
		return;
	*--p = sep;
	if (v < 0) {
		ip = -v / 100000;
		fp = -v % 100000;
	} else {
		ip = v / 100000;
		fp = v % 100000;
	}
	if (fp != 0) {
		for (i = 0; i < 5; i++, fp /= 10) {
			if (trim && fp % 10 == 0)
				continue;
			trim = 0;
			*--p = (char)('0' + fp % 10);
		}
		*--p = '.';
	}
	do {
		*--p = (char)('0' + ip % 10);
		ip /= 10;
	} while (ip > 0);
	if (v < 0)
		*--p = '-';
	memcpy(pc->s + pc->n, p, (size_t)(e - p));
	pc->n += (size_t)(e - p);
}

int
pg_content_deflate(struct pg_content *pc, const unsigned char **out,
    size_t *outlen)
{
	uLongf	zn = compressBound((uLong)pc->n);

	if (pc->oom)
		return -1;
	if (zn > pc->zcap) {
		free(pc->z);
		if ((pc->z = malloc(zn)) == NULL) {
			pc->zcap = 0;
			return -1;
		}
		pc->zcap = zn;
	}
	/* setting a deflate state up costs more than compressing a small
	 * page: one for all pages */
	if (!pc->zinit) {
		if (deflateInit(&pc->zs, Z_DEFAULT_COMPRESSION) != Z_OK)
			return -1;
		pc->zinit = 1;
	} else if (deflateReset(&pc->zs) != Z_OK)
		return -2;
	pc->zs.next_in = (Bytef *)pc->s;
	pc->zs.avail_in = (uInt)pc->n;
	pc->zs.next_out = pc->z;
	pc->zs.avail_out = (uInt)pc->zcap;
	if (deflate(&pc->zs, Z_FINISH) != Z_STREAM_END)
		return -2;
	*out = pc->z;
	*outlen = pc->zs.total_out;
	pc->n = 0;
	return 0;
}

void
pg_content_free(struct pg_content *pc)
{
	free(pc->s);
	free(pc->z);
	if (pc->zinit)
		deflateEnd(&pc->zs);
	memset(pc, 0, sizeof(*pc));
}
