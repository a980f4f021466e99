#!/bin/sh
# reader.sh — values the reader cannot parse are schema errors at the right
# line, through the whole check pipeline, also past line 65,535.
. "$SRCDIR/tests/e2e/lib.sh"

run "$PLANGEN" check "$SRCDIR/samples/plan-en.xml"
expect_no_out '\[schema\]' "the English sample reads without schema findings"
run "$PLANGEN" check "$SRCDIR/samples/plan-zh-CN.xml"
expect_no_out '\[schema\]' "the Chinese sample reads without schema findings"

# The first budget line's amount overflows int64 minor units.
line=$(grep -n '<line .*amount="' "$SRCDIR/samples/plan-en.xml" | head -1 | cut -d: -f1)
sed "${line}s/amount=\"[^\"]*\"/amount=\"99999999999999999999\"/" \
    "$SRCDIR/samples/plan-en.xml" >big-money.xml
run "$PLANGEN" check big-money.xml
expect_rc 1 "money beyond int64 minor units fails the check"
expect_out "^big-money.xml:$line: error: .*99999999999999999999.* too large.*\[schema\]" \
    "overflow reported at the budget line's line"

# 70,000 blank lines before the plan's first goal; its due date is not a date.
awk '/<goal /&&!done{for(i=0;i<70000;i++)print "";sub(/<goal /,"<goal due=\"2027-02-30\" ");done=1}{print}' \
    "$SRCDIR/samples/plan-en.xml" | sed 's/<goal due="2027-02-30" \(.*\) due="[^"]*"/<goal due="2027-02-30" \1/' >late.xml
gline=$(grep -n 'due="2027-02-30"' late.xml | cut -d: -f1)
if [ "$gline" -gt 70000 ]; then pass "fixture has the goal past line 70,000"
else fail "fixture: goal at line $gline"; fi
run "$PLANGEN" check late.xml
expect_rc 1 "an impossible date fails the check"
# (the schema stage or the reader may word it; the line is what matters)
expect_out "^late.xml:$gline: error: .*2027-02-30.*\[schema\]" \
    "impossible date reported at its exact line past 65,535"

finish
