#!/bin/sh
# format-doc.sh — doc/plan-format.md, the format reference, is what
# scripts/format-doc makes of schema/plan.rng: the reference cannot drift
# from what `plangen check` enforces.
. "$SRCDIR/tests/e2e/lib.sh"
need_tools python3

python3 "$SRCDIR/scripts/format-doc" "$SRCDIR/schema/plan.rng" > fresh.md
if cmp -s fresh.md "$SRCDIR/doc/plan-format.md"; then
	pass "doc/plan-format.md matches schema/plan.rng"
else
	fail "doc/plan-format.md is out of date: run python3 scripts/format-doc schema/plan.rng > doc/plan-format.md"
	diff "$SRCDIR/doc/plan-format.md" fresh.md | head -20 | sed 's/^/  /'
fi
# every element of the schema is in the reference
for e in $(grep -o '<element name="[a-z-]*"' "$SRCDIR/schema/plan.rng" | sed 's/.*name="//; s/"//' | sort -u); do
	grep -q "\`[a-z/-]*$e\`" "$SRCDIR/doc/plan-format.md" || { fail "<$e> is not in doc/plan-format.md"; missing=1; }
done
[ -z "$missing" ] && pass "every element of plan.rng is described"
grep -q 'version 2' "$SRCDIR/doc/plan-format.md" && pass "version 2 parts are marked" ||
	fail "no version 2 mark"
finish
