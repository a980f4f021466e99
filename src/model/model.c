/*
 * model.c — the plan's arena and the exact scalar parsers (dates, money,
 * decimals).  See model.h.
 */
#include "config.h"

#include <float.h>
#include <stdlib.h>
#include <string.h>

#include "model/model.h"

/* A chain of chunks; allocation bumps a pointer, nothing is freed early. */
struct chunk {
	struct chunk	*next;
	size_t		 size, used;
	max_align_t	 data[];
};

struct pg_arena {
	struct chunk	*head;
};

#define CHUNK_MIN	(64 * 1024)

struct pg_plan *
pg_plan_new(void)
{
	struct pg_plan	*p;

	if ((p = calloc(1, sizeof(*p))) == NULL)
		return NULL;
	if ((p->arena = calloc(1, sizeof(*p->arena))) == NULL) {
		free(p);
		return NULL;
	}
	p->version = 1;
	p->lang = "en";
	p->currency = "CNY";
	return p;
}

void
pg_plan_free(struct pg_plan *p)
{
	struct chunk *c, *next;

	if (p == NULL)
		return;
	for (c = p->arena->head; c != NULL; c = next) {
		next = c->next;
		free(c);
	}
	free(p->arena);
	free(p);
}

void *
pg_alloc(struct pg_plan *p, size_t n, size_t size)
{
	struct chunk	*c = p->arena->head;
	size_t		 bytes, align = sizeof(max_align_t);
	void		*r;

	if (size != 0 && n > SIZE_MAX / size)
		return NULL;
	bytes = n * size;
	if (bytes == 0)
		bytes = 1;
	if (bytes > SIZE_MAX - align)
		return NULL;
	bytes = (bytes + align - 1) / align * align;
	if (c == NULL || c->size - c->used < bytes) {
		size_t csize = bytes > CHUNK_MIN ? bytes : CHUNK_MIN;
		if (csize > SIZE_MAX - sizeof(*c))
			return NULL;
		if ((c = malloc(sizeof(*c) + csize)) == NULL)
			return NULL;
		c->size = csize;
		c->used = 0;
		/* Keep the fuller chunk at the head only if it has room left. */
		if (p->arena->head != NULL && bytes == csize) {
			c->next = p->arena->head->next;
			p->arena->head->next = c;
		} else {
			c->next = p->arena->head;
			p->arena->head = c;
		}
	}
	r = (char *)c->data + c->used;
	c->used += bytes;
	memset(r, 0, bytes);
	return r;
}

char *
pg_strndup(struct pg_plan *p, const char *s, size_t n)
{
	char *r;

	if (n == SIZE_MAX || (r = pg_alloc(p, n + 1, 1)) == NULL)
		return NULL;
	memcpy(r, s, n);
	r[n] = '\0';
	return r;
}

char *
pg_strdup(struct pg_plan *p, const char *s)
{
	return pg_strndup(p, s, strlen(s));
}

static int
isdig(char c)
{
	return c >= '0' && c <= '9';
}

int
pg_date_parse(const char *s, struct pg_date *out)
{
	static const int mdays[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	int	y, m, d, i, leap, max;

	for (i = 0; i < 10; i++) {
		if (i == 4 || i == 7) {
			if (s[i] != '-')
				return -1;
		} else if (!isdig(s[i]))
			return -1;
	}
	if (s[10] != '\0')
		return -1;
	y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
	m = (s[5] - '0') * 10 + (s[6] - '0');
	d = (s[8] - '0') * 10 + (s[9] - '0');
	if (y < 1 || m < 1 || m > 12 || d < 1)
		return -1;
	leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
	max = mdays[m - 1] + (m == 2 && leap);
	if (d > max)
		return -1;
	out->y = y;
	out->m = m;
	out->d = d;
	return 0;
}

int
pg_date_cmp(struct pg_date a, struct pg_date b)
{
	if (a.y != b.y)
		return a.y < b.y ? -1 : 1;
	if (a.m != b.m)
		return a.m < b.m ? -1 : 1;
	if (a.d != b.d)
		return a.d < b.d ? -1 : 1;
	return 0;
}

int
pg_money_parse(const char *s, int64_t *minor)
{
	int		 neg = 0, frac = 0, overflow = 0;
	int64_t		 v = 0;
	const char	*p = s;

	if (*p == '-') {
		neg = 1;
		p++;
	}
	if (!isdig(*p))
		return -1;
	/* Accumulate as a negative number: INT64_MIN has no positive twin. */
	for (; isdig(*p); p++) {
		int dg = *p - '0';
		if (v < (INT64_MIN + dg) / 10)
			overflow = 1;
		else
			v = v * 10 - dg;
	}
	if (*p == '.') {
		p++;
		if (!isdig(*p))
			return -1;
		for (; isdig(*p); p++)
			if (++frac > 2)
				return -1;
	}
	if (*p != '\0')
		return -1;
	if (overflow)
		return -2;
	/* scale to minor units, then add the fraction digits */
	{
		const char	*f = strchr(s, '.');
		int		 k;
		for (k = 0; k < 2; k++) {
			int dg = (f != NULL && isdig(f[1 + k]) && k < frac) ? f[1 + k] - '0' : 0;
			if (v < (INT64_MIN + dg) / 10)
				return -2;
			v = v * 10 - dg;
		}
	}
	if (!neg) {
		if (v == INT64_MIN)
			return -2;
		v = -v;
	}
	*minor = v;
	return 0;
}

int
pg_money_add(int64_t a, int64_t b, int64_t *out)
{
	if ((b > 0 && a > INT64_MAX - b) || (b < 0 && a < INT64_MIN - b))
		return -1;
	*out = a + b;
	return 0;
}

char *
pg_money_format(int64_t minor, char *buf, size_t n)
{
	uint64_t	u = minor < 0 ? (uint64_t)0 - (uint64_t)minor : (uint64_t)minor;
	char		tmp[32];
	size_t		i = sizeof(tmp);

	tmp[--i] = '\0';
	tmp[--i] = (char)('0' + u % 10); u /= 10;
	tmp[--i] = (char)('0' + u % 10); u /= 10;
	tmp[--i] = '.';
	do {
		tmp[--i] = (char)('0' + u % 10);
		u /= 10;
	} while (u != 0);
	if (minor < 0)
		tmp[--i] = '-';
	if (n > 0) {
		strncpy(buf, tmp + i, n - 1);
		buf[n - 1] = '\0';
	}
	return buf;
}

int
pg_decimal_parse(const char *s, double *v)
{
	const char	*p = s;
	char		*end;
	double		 d;

	if (*p == '-')
		p++;
	if (!isdig(*p))
		return -1;
	while (isdig(*p))
		p++;
	if (*p == '.') {
		p++;
		if (!isdig(*p))
			return -1;
		while (isdig(*p))
			p++;
	}
	if (*p != '\0')
		return -1;
	d = strtod(s, &end);	/* the syntax is already checked: no locale issue */
	if (d > DBL_MAX)
		d = DBL_MAX;
	else if (d < -DBL_MAX)
		d = -DBL_MAX;
	*v = d;
	return 0;
}

const char *const pg_mix_names[PG_MIX_N] = { "product", "price", "place",
	"promotion", "people", "process", "physical-evidence" };
const char *const pg_servqual_names[5] = { "reliability", "responsiveness",
	"assurance", "empathy", "tangibles" };
const char *const pg_category_names[PG_CAT_N] = { "", "sales", "promotion",
	"advertising", "pr", "training", "channel", "product", "research",
	"service", "digital", "other", "events", "partnership", "crm" };
const char *const pg_frequency_names[PG_FREQ_N] = { "", "weekly", "monthly",
	"quarterly", "yearly", "daily", "biweekly" };
const char *const pg_kpi_kind_names[3] = { "", "activity", "result" };
const char *const pg_level_names[4] = { "", "low", "medium", "high" };
const char *const pg_confidentiality_names[5] = { "", "public", "internal",
	"confidential", "secret" };
const char *const pg_status_names[4] = { "", "draft", "review", "approved" };
const char *const pg_swot_names[4] = { "strength", "weakness", "opportunity",
	"threat" };
