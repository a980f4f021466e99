#!/bin/sh
# schema-equiv.sh — `plangen check` finds a schema error exactly when RELAX NG
# (xmllint --relaxng schema/plan.rng) rejects the file.
#
# plangen validates with its own table walk built from plan.rng (see the
# design comment of src/schema.c); this test is what keeps it equivalent to
# the schema.  tests/schema_mutate.py applies seeded random mutations to
# the full fixture and both samples and compares the two verdicts on each.
. "$SRCDIR/tests/e2e/lib.sh"

if ! command -v python3 >/dev/null 2>&1 || ! command -v xmllint >/dev/null 2>&1; then
	fail "python3 and xmllint are needed (scripts/install-deps installs them)"
	finish
fi

inputs="$SRCDIR/tests/data/full.xml $SRCDIR/tests/data/seed-v2.xml $SRCDIR/samples/plan-en.xml $SRCDIR/samples/plan-zh-CN.xml"

# The unmutated inputs: valid for both.
run xmllint --noout --relaxng "$SRCDIR/schema/plan.rng" $inputs
expect_rc 0 "xmllint --relaxng accepts the fixtures and both samples"
run "$PLANGEN" check --format json $inputs
expect_no_out '"rule": "schema"' "plangen finds no schema error in them"

# A few hundred mutants under two seeds, each compared.
for seed in 1 20261123; do
	mkdir -p "mut-$seed"
	run python3 "$SRCDIR/tests/schema_mutate.py" "$PLANGEN" \
	    "$SRCDIR/schema/plan.rng" "mut-$seed" "$seed" 60 $inputs
	if [ "$rc" -eq 0 ]; then pass "seed $seed: $(tail -1 "$T/out")"
	else fail "seed $seed: plangen and RELAX NG disagree"; sed 's/^/  /' "$T/out" "$T/err" | tail -40; fi
	expect_out '^240 mutants \([0-9]{2,} valid' "seed $seed: 240 mutants, both valid and invalid ones"
done

finish
