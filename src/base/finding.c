/*
 * finding.c — the id and severity of every built-in finding, generated
 * from the one list in finding.h.  See finding.h.
 */
#include "config.h"

#include <string.h>

#include "base/finding.h"

static const struct {
	const char		*id;
	enum pg_severity	 sev;
} findings[PG_F_COUNT] = {
#define PG_FINDING_ROW(e, id, sev)	[e] = { id, sev },
	PG_FINDINGS(PG_FINDING_ROW)
#undef PG_FINDING_ROW
};

const char *
pg_finding_id(enum pg_finding f)
{
	return (unsigned)f < PG_F_COUNT ? findings[f].id : NULL;
}

enum pg_severity
pg_finding_severity(enum pg_finding f)
{
	return (unsigned)f < PG_F_COUNT ? findings[f].sev : PG_WARNING;
}

int
pg_finding_lookup(const char *id, enum pg_finding *out)
{
	unsigned i;

	if (id == NULL)
		return -1;
	for (i = 0; i < PG_F_COUNT; i++)
		if (strcmp(findings[i].id, id) == 0) {
			*out = (enum pg_finding)i;
			return 0;
		}
	return -1;
}
