/*
 * diag.c — collect, sort and count findings: the one emitter of findings
 * (pg_diag_emit for built-in ids, pg_diag_emit_team for team rules).  See
 * diag.h.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/diag.h"

void
pg_diags_init(struct pg_diags *d)
{
	memset(d, 0, sizeof(*d));
}

/* Append a finding of rule id `rule` (copied) and severity sev. */
static int
vadd(struct pg_diags *d, const char *file, unsigned long line,
    enum pg_severity sev, const char *rule, const char *fmt, va_list ap)
    __attribute__((format(printf, 6, 0)));

static int
vadd(struct pg_diags *d, const char *file, unsigned long line,
    enum pg_severity sev, const char *rule, const char *fmt, va_list ap)
{
	struct pg_diag	*g;
	va_list		 aq;
	int		 len;

	if (d->n == d->cap) {
		size_t ncap = d->cap ? d->cap * 2 : 16;
		struct pg_diag *nv = realloc(d->v, ncap * sizeof(*nv));
		if (nv == NULL) {
			d->oom = 1;
			return -1;
		}
		d->v = nv;
		d->cap = ncap;
	}
	g = &d->v[d->n];
	memset(g, 0, sizeof(*g));
	va_copy(aq, ap);
	len = vsnprintf(NULL, 0, fmt, aq);
	va_end(aq);
	if (len < 0 || (g->msg = malloc((size_t)len + 1)) == NULL)
		goto fail;
	vsnprintf(g->msg, (size_t)len + 1, fmt, ap);
	if ((g->file = strdup(file ? file : "")) == NULL ||
	    (g->rule = strdup(rule)) == NULL)
		goto fail;
	g->line = line;
	g->sev = sev;
	g->seq = d->next_seq++;
	d->n++;
	return 0;
fail:
	free(g->msg);
	free(g->file);
	d->oom = 1;
	return -1;
}

int
pg_diag_vemit(struct pg_diags *d, enum pg_finding f, const char *file,
    unsigned long line, const char *fmt, va_list ap)
{
	const char *rule = pg_finding_id(f);

	if (rule == NULL)
		return -1;
	return vadd(d, file, line, pg_finding_severity(f), rule, fmt, ap);
}

int
pg_diag_emit(struct pg_diags *d, enum pg_finding f, const char *file,
    unsigned long line, const char *fmt, ...)
{
	va_list	ap;
	int	rc;

	va_start(ap, fmt);
	rc = pg_diag_vemit(d, f, file, line, fmt, ap);
	va_end(ap);
	return rc;
}

int
pg_diag_emit_team(struct pg_diags *d, const char *rule, enum pg_severity sev,
    const char *file, unsigned long line, const char *fmt, ...)
{
	va_list	ap;
	int	rc;

	va_start(ap, fmt);
	rc = vadd(d, file, line, sev, rule, fmt, ap);
	va_end(ap);
	return rc;
}

static int
cmp_diag(const void *a, const void *b)
{
	const struct pg_diag *x = a, *y = b;

	if (x->line != y->line)
		return x->line < y->line ? -1 : 1;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

void
pg_diags_sort(struct pg_diags *d)
{
	if (d->n > 1)
		qsort(d->v, d->n, sizeof(*d->v), cmp_diag);
}

size_t
pg_diags_count(const struct pg_diags *d, enum pg_severity sev)
{
	size_t i, n = 0;

	for (i = 0; i < d->n; i++)
		if (d->v[i].sev == sev && !d->v[i].accepted)
			n++;
	return n;
}

size_t
pg_diags_count_rule(const struct pg_diags *d, const char *rule)
{
	size_t i, n = 0;

	for (i = 0; i < d->n; i++)
		if (strcmp(d->v[i].rule, rule) == 0)
			n++;
	return n;
}

void
pg_diags_free(struct pg_diags *d)
{
	size_t i;

	for (i = 0; i < d->n; i++) {
		free(d->v[i].file);
		free(d->v[i].rule);
		free(d->v[i].msg);
	}
	free(d->v);
	pg_diags_init(d);
}

const char *
pg_severity_name(enum pg_severity s)
{
	return s == PG_ERROR ? "error" : "warning";
}
