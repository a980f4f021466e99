#!/bin/sh
# hant.sh — the Simplified -> Traditional table (src/base/lang_hant.c) is
# complete for every Han character in the sources: regenerating it with
# scripts/hant-table (ICU's Hans-Hant transform) gives the same file.  Add
# Chinese text to src/, and this fails until the table is regenerated.
. "$SRCDIR/tests/e2e/lib.sh"
need_tools uconv python3

(cd "$SRCDIR" && sh scripts/hant-table) > table.c
if cmp -s table.c "$SRCDIR/src/base/lang_hant.c"; then
	pass "lang_hant.c covers every Han character in src/"
else
	fail "lang_hant.c is out of date: run scripts/hant-table > src/base/lang_hant.c"
	diff "$SRCDIR/src/base/lang_hant.c" table.c | head -10
fi
# the table converts what it says: a few words of plangen's
run "$PLANGEN" explain --lang zh-TW goal-unsupported
expect_out '為什麼重要' "為什麼"
expect_no_out '[为么关没这]' "no Simplified character in explain"
finish
