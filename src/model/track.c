/*
 * track.c — exact decimals and the tracking judgements of format version
 * 2 (see track.h for the contract).
 *
 * Design:
 *  1. A decimal is an int64 mantissa and a power-of-ten scale; every
 *     operation brings both sides to one scale with overflow-checked
 *     multiplications (__builtin_*_overflow) and fails rather than round.
 *  2. The straight-line test is done without division: with D the days
 *     from the line's start to its end and e the days to the actual,
 *        expected * D = baseline * D + (target - baseline) * e
 *     and the actual is more than 10 % below when
 *        10 * dir * (expected * D - actual * D) > |target - baseline| * D
 *     (dir = the sign of target - baseline), all in integers at one
 *     scale.  Exactly 10 % is therefore not "more than 10 %".
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "model/track.h"

const char *const pg_action_status_names[4] = { "planned", "in-progress",
	"done", "cancelled" };
const char *const pg_display_names[4] = { "units", "thousands", "10k",
	"millions" };
const char *const pg_track_names[4] = { "", "on-track", "at-risk",
	"off-track" };
const char *const pg_act_track_names[5] = { "planned", "in-progress", "done",
	"cancelled", "late" };

/* ---- decimals ------------------------------------------------------------ */

int
pg_dec_parse(const char *s, struct pg_dec *out)
{
	int64_t	 m = 0;
	int	 neg = 0, scale = 0, digits = 0, frac = 0, any = 0;
	const char *p, *end;

	if (s == NULL)
		return -1;
	while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')
		s++;
	end = s + strlen(s);
	while (end > s && (end[-1] == ' ' || end[-1] == '\t' ||
	    end[-1] == '\n' || end[-1] == '\r'))
		end--;
	if (s < end && *s == '-') {
		neg = 1;
		s++;
	}
	/* drop trailing fraction zeros */
	if (memchr(s, '.', (size_t)(end - s)) != NULL)
		while (end > s && end[-1] == '0')
			end--;
	if (end > s && end[-1] == '.') {
		if (end - 1 == s)
			return -1;
		end--;
		if (memchr(s, '.', (size_t)(end - s)) != NULL)
			return -1;
	}
	for (p = s; p < end; p++) {
		if (*p == '.') {
			if (frac || !any)
				return -1;
			frac = 1;
			continue;
		}
		if (*p < '0' || *p > '9')
			return -1;
		any = 1;
		if (m == 0 && *p == '0' && !frac)
			continue;
		if (++digits > 18)
			return -1;
		m = m * 10 + (*p - '0');
		if (frac)
			scale++;
	}
	if (!any || (frac && p[-1] == '.'))
		return -1;
	/* leading zeros of a fraction ("0.05") count as scale, not digits */
	out->m = neg ? -m : m;
	out->scale = scale;
	return 0;
}

/* d brought to scale s (>= d.scale) in *v; -1 on overflow. */
static int
rescale(struct pg_dec d, int s, int64_t *v)
{
	int64_t m = d.m;
	int	k;

	if (s < d.scale || s > 18)
		return -1;
	for (k = d.scale; k < s; k++)
		if (__builtin_mul_overflow(m, (int64_t)10, &m))
			return -1;
	*v = m;
	return 0;
}

int
pg_dec_add(struct pg_dec a, struct pg_dec b, struct pg_dec *out)
{
	int	s = a.scale > b.scale ? a.scale : b.scale;
	int64_t	x, y, z;

	if (rescale(a, s, &x) != 0 || rescale(b, s, &y) != 0 ||
	    __builtin_add_overflow(x, y, &z))
		return -1;
	out->m = z;
	out->scale = s;
	return 0;
}

int
pg_dec_sub(struct pg_dec a, struct pg_dec b, struct pg_dec *out)
{
	int	s = a.scale > b.scale ? a.scale : b.scale;
	int64_t	x, y, z;

	if (rescale(a, s, &x) != 0 || rescale(b, s, &y) != 0 ||
	    __builtin_sub_overflow(x, y, &z))
		return -1;
	out->m = z;
	out->scale = s;
	return 0;
}

int
pg_dec_cmp(struct pg_dec a, struct pg_dec b, int *cmp)
{
	int	s = a.scale > b.scale ? a.scale : b.scale;
	int64_t	x, y;

	if (rescale(a, s, &x) != 0 || rescale(b, s, &y) != 0)
		return -1;
	*cmp = x < y ? -1 : x > y;
	return 0;
}

char *
pg_dec_format(struct pg_dec d, char *buf, size_t n)
{
	char	 dig[24];
	uint64_t u = d.m < 0 ? (uint64_t)0 - (uint64_t)d.m : (uint64_t)d.m;
	int	 len, sc = d.scale;

	/* drop trailing fraction zeros */
	while (sc > 0 && u % 10 == 0) {
		u /= 10;
		sc--;
	}
	len = snprintf(dig, sizeof(dig), "%0*llu", sc + 1, (unsigned long long)u);
	if (sc == 0)
		snprintf(buf, n, "%s%s", d.m < 0 && u != 0 ? "-" : "", dig);
	else
		snprintf(buf, n, "%s%.*s.%s", d.m < 0 && u != 0 ? "-" : "",
		    len - sc, dig, dig + len - sc);
	return buf;
}

/* ---- dates ------------------------------------------------------------------ */

long
pg_date_days(struct pg_date d)
{
	/* days from civil (Howard Hinnant's algorithm), shifted to year 1 */
	long	y = d.y - (d.m <= 2);
	long	era = y / 400;
	long	yoe = y - era * 400;
	long	doy = (153L * (d.m + (d.m > 2 ? -3 : 9)) + 2) / 5 + d.d - 1;
	long	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;

	return era * 146097 + doe;
}

struct pg_date
pg_track_as_of(const struct pg_plan *p, struct pg_date override)
{
	struct pg_date none = { 0, 0, 0 };

	if (override.y != 0)
		return override;
	return p != NULL ? p->meta.as_of : none;
}

/* ---- metrics --------------------------------------------------------------- */

/* The latest actual (by date; of equal dates the later in the document)
 * on or before as_of (absent: any), with a readable value; or NULL. */
static const struct pg_actual *
latest(const struct pg_actual *v, size_t n, struct pg_date as_of)
{
	const struct pg_actual *best = NULL;
	size_t i;

	for (i = 0; i < n; i++) {
		if (v[i].date.y == 0 || v[i].value.text == NULL)
			continue;
		if (as_of.y != 0 && pg_date_cmp(v[i].date, as_of) > 0)
			continue;
		if (best == NULL || pg_date_cmp(v[i].date, best->date) >= 0)
			best = &v[i];
	}
	return best;
}

/* a * b + c into *out, checked. */
static int
muladd(int64_t a, int64_t b, int64_t c, int64_t *out)
{
	int64_t t;

	if (__builtin_mul_overflow(a, b, &t) || __builtin_add_overflow(t, c, out))
		return -1;
	return 0;
}

struct pg_track_eval
pg_track_metric(const struct pg_plan *p, const struct pg_goal *g,
    const struct pg_metric *m, const struct pg_actual *acts, size_t n,
    struct pg_date as_of)
{
	struct pg_track_eval ev;
	struct pg_dec	 b, t, a;
	struct pg_date	 t0, t1;
	int64_t		 B, T, A, dist, D, e, expD, aD, dev, lhs, rhs, absd;
	int		 s;
	long		 d0, d1, da;

	memset(&ev, 0, sizeof(ev));
	if (p == NULL || g == NULL || m == NULL)
		return ev;
	ev.latest = latest(acts, n, as_of);
	if (ev.latest == NULL || m->baseline.text == NULL ||
	    m->target.text == NULL)
		return ev;
	t0 = p->meta.period_start;
	t1 = g->due.y != 0 ? g->due : p->meta.period_end;
	if (t0.y == 0 || t1.y == 0)
		return ev;
	d0 = pg_date_days(t0);
	d1 = pg_date_days(t1);
	da = pg_date_days(ev.latest->date);
	if (d1 <= d0)
		return ev;
	if (pg_dec_parse(m->baseline.text, &b) != 0 ||
	    pg_dec_parse(m->target.text, &t) != 0 ||
	    pg_dec_parse(ev.latest->value.text, &a) != 0)
		return ev;
	s = b.scale;
	if (t.scale > s)
		s = t.scale;
	if (a.scale > s)
		s = a.scale;
	if (rescale(b, s, &B) != 0 || rescale(t, s, &T) != 0 ||
	    rescale(a, s, &A) != 0 || __builtin_sub_overflow(T, B, &dist) ||
	    dist == 0)
		return ev;
	D = d1 - d0;
	e = da < d0 ? 0 : da > d1 ? D : da - d0;
	if (muladd(B, D, 0, &expD) != 0 || muladd(dist, e, expD, &expD) != 0 ||
	    muladd(A, D, 0, &aD) != 0 || __builtin_sub_overflow(expD, aD, &dev))
		return ev;
	if (dist < 0)
		dev = -dev;	/* dev > 0: on the wrong side of the line */
	absd = dist < 0 ? -dist : dist;
	if (muladd(dev, 10, 0, &lhs) != 0 || muladd(absd, D, 0, &rhs) != 0)
		return ev;
	ev.status = lhs > rhs ? PG_TRACK_OFF : dev > 0 ? PG_TRACK_AT_RISK :
	    PG_TRACK_ON;
	/* the line's value for display: expD / D, two more decimals, rounded */
	{
		int64_t num = expD, q;
		int	 sc = s, k;
		for (k = 0; k < 2 && sc < 18; k++, sc++)
			if (__builtin_mul_overflow(num, (int64_t)10, &num))
				break;
		if (k == 2) {
			q = num / D;
			if ((num % D) * 2 >= D)
				q++;
			else if ((num % D) * 2 <= -D)
				q--;
			ev.expected.m = q;
			ev.expected.scale = sc;
			ev.has_expected = 1;
		}
	}
	return ev;
}

const struct pg_metric *
pg_kpi_metric(const struct pg_plan *p, const struct pg_kpi *k,
    const struct pg_goal **gp)
{
	size_t i, j;

	if (p == NULL || k == NULL || k->goal == NULL)
		return NULL;
	for (i = 0; i < p->goals.n; i++) {
		const struct pg_goal *g = &p->goals.v[i];
		if (g->id == NULL || strcmp(g->id, k->goal) != 0)
			continue;
		if (k->metric == NULL) {
			if (g->nmetrics != 1)
				return NULL;
			*gp = g;
			return &g->metrics[0];
		}
		for (j = 0; j < g->nmetrics; j++)
			if (g->metrics[j].name != NULL &&
			    strcmp(g->metrics[j].name, k->metric) == 0) {
				*gp = g;
				return &g->metrics[j];
			}
		return NULL;
	}
	return NULL;
}

/* ---- actions --------------------------------------------------------------- */

enum pg_act_track
pg_track_action(const struct pg_action *a, struct pg_date as_of)
{
	switch (a->status) {
	case PG_ACT_DONE:
		return PG_AT_DONE;
	case PG_ACT_CANCELLED:
		return PG_AT_CANCELLED;
	default:
		break;
	}
	if (as_of.y != 0 && a->end.y != 0 && pg_date_cmp(a->end, as_of) < 0)
		return PG_AT_LATE;
	return a->status == PG_ACT_IN_PROGRESS ? PG_AT_IN_PROGRESS :
	    PG_AT_PLANNED;
}

int
pg_track_has_actuals(const struct pg_plan *p)
{
	size_t i, j;

	for (i = 0; i < p->controls.nkpis; i++)
		if (p->controls.kpis[i].nactuals > 0)
			return 1;
	for (i = 0; i < p->goals.n; i++)
		for (j = 0; j < p->goals.v[i].nmetrics; j++)
			if (p->goals.v[i].metrics[j].nactuals > 0)
				return 1;
	return 0;
}

int
pg_period_parse(const char *s, int *y, int *q, int *m)
{
	int i, v = 0;

	if (s == NULL || strlen(s) != 7 || s[4] != '-')
		return -1;
	for (i = 0; i < 4; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	if (v < 1)
		return -1;
	if (s[5] == 'Q' && s[6] >= '1' && s[6] <= '4') {
		*y = v;
		*q = s[6] - '0';
		*m = 0;
		return 0;
	}
	if (s[5] >= '0' && s[5] <= '1' && s[6] >= '0' && s[6] <= '9') {
		int mm = (s[5] - '0') * 10 + (s[6] - '0');
		if (mm < 1 || mm > 12)
			return -1;
		*y = v;
		*q = 0;
		*m = mm;
		return 0;
	}
	return -1;
}

/* ---- budget phasing -------------------------------------------------------- */

size_t
pg_budget_nphases(const struct pg_plan *p)
{
	size_t i, n = 0;

	for (i = 0; i < p->budget.nlines; i++)
		n += p->budget.lines[i].nphases;
	return n;
}

size_t
pg_budget_phasing(const struct pg_plan *p, struct pg_period_sum *out,
    int *months)
{
	size_t	 i, j, k, n = 0;
	int	 allm = 1;

	for (i = 0; i < p->budget.nlines; i++)
		for (j = 0; j < p->budget.lines[i].nphases; j++)
			if (p->budget.lines[i].phases[j].y != 0 &&
			    p->budget.lines[i].phases[j].m == 0)
				allm = 0;
	*months = allm;
	for (i = 0; i < p->budget.nlines; i++)
		for (j = 0; j < p->budget.lines[i].nphases; j++) {
			const struct pg_phase *ph = &p->budget.lines[i].phases[j];
			struct pg_period_sum s;
			if (ph->y == 0 || !ph->amount.set)
				continue;
			s.y = ph->y;
			s.m = allm ? ph->m : 0;
			s.q = allm ? 0 : ph->q != 0 ? ph->q : (ph->m - 1) / 3 + 1;
			s.minor = ph->amount.minor;
			/* insert in period order, summing equal periods */
			for (k = 0; k < n; k++)
				if (out[k].y > s.y || (out[k].y == s.y &&
				    out[k].q * 100 + out[k].m >= s.q * 100 + s.m))
					break;
			if (k < n && out[k].y == s.y && out[k].q == s.q &&
			    out[k].m == s.m) {
				if (pg_money_add(out[k].minor, s.minor,
				    &out[k].minor) != 0)
					out[k].minor = INT64_MAX;
				continue;
			}
			memmove(&out[k + 1], &out[k], (n - k) * sizeof(*out));
			out[k] = s;
			n++;
		}
	return n;
}
