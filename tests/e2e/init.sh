#!/bin/sh
# init.sh — `plangen init` writes a complete skeleton, never overwrites a
# file unless --force, and speaks the requested language.
. "$SRCDIR/tests/e2e/lib.sh"

run env SOURCE_DATE_EPOCH=1795000000 "$PLANGEN" init
expect_rc 0 "init writes plan.xml"
if [ -s plan.xml ]; then pass "plan.xml exists"; else fail "plan.xml exists"; fi
expect_err 'wrote plan.xml' "init says what it wrote"
if xmllint --noout plan.xml 2>/dev/null; then pass "skeleton is well-formed"; else fail "skeleton is well-formed"; fi
# 1795000000 is 2026-11-18: a plan for the next year.
if grep -q 'period start="2027-01-01" end="2027-12-31"' plan.xml; then pass "period is the next year"
else fail "period is the next year"; fi
for el in meta summary situation swot goals strategy mix service-quality blueprint actions budget controls positioning-map; do
	if grep -q "<$el[ >]" plan.xml; then pass "skeleton has <$el>"; else fail "skeleton has <$el>"; fi
done
if grep -q 'TODO' plan.xml; then pass "skeleton is visibly unfinished"; else fail "skeleton has TODO placeholders"; fi

run "$PLANGEN" check plan.xml
expect_no_out 'xml-syntax|\[schema\]' "skeleton parses and matches the schema"

cp plan.xml before.xml
run "$PLANGEN" init
expect_rc 2 "init refuses to overwrite"
expect_err 'plan.xml exists; use --force' "refusal names the file and --force"
if cmp -s plan.xml before.xml; then pass "existing file untouched"; else fail "existing file untouched"; fi

run "$PLANGEN" init --force --lang zh-CN
expect_rc 0 "init --force overwrites"
if grep -q '待补充' plan.xml && grep -q 'lang="zh-CN"' plan.xml; then pass "zh-CN skeleton is Chinese"
else fail "zh-CN skeleton is Chinese"; fi
if grep -q '<!-- 一、计划概要' plan.xml; then pass "zh-CN comments are Chinese"; else fail "zh-CN comments are Chinese"; fi

run env LC_ALL=C "$PLANGEN" init -o -
expect_rc 0 "init -o - writes to stdout"
expect_out '<plan version="2" lang="en"' "stdout holds the English skeleton"

run "$PLANGEN" init --lang fr -o fr.xml
expect_rc 2 "unknown language is a usage error"
if [ -e fr.xml ]; then fail "no file for a usage error"; else pass "no file for a usage error"; fi

run "$PLANGEN" init -o no/such/dir/plan.xml
expect_rc 2 "missing directory"
expect_err 'cannot write no/such/dir/plan.xml' "missing directory named"

# the untouched skeleton is not a final PDF: render makes a marked draft and says why
run "$PLANGEN" init --lang zh-CN -o skel-zh.xml
run "$PLANGEN" render skel-zh.xml -o skel-zh.pdf
expect_rc 0 "the skeleton renders (warnings are not errors)"
expect_err '^plangen: skel-zh\.xml：计划中仍有 [0-9]+ 处占位文字（待补充、TODO 等）：已按草稿生成，带“草稿”标记；全部填写后才会生成正式版$' \
    "render says the skeleton became a draft, in Chinese"
if [ -s skel-zh.pdf ]; then
	n=$(pdftotext skel-zh.pdf - | grep -c '草稿')
	p=$(pdfinfo skel-zh.pdf | awk '/^Pages:/ { print $2 }')
	[ "$n" -ge "$p" ] && pass "every page of the skeleton's PDF is marked 草稿" ||
		fail "草稿 on $n of $p pages"
else
	fail "no PDF for the skeleton"
fi
run "$PLANGEN" init --lang en -o skel-en.xml
run "$PLANGEN" render skel-en.xml -o skel-en.pdf
expect_err '^plangen: skel-en\.xml: [0-9]+ placeholders \(TODO, TBD, 待补充 \.\.\.\) still in the plan: rendered as a draft, marked DRAFT; fill them in for the final PDF$' \
    "render says the skeleton became a draft, in English"
run "$PLANGEN" render "$SRCDIR/samples/plan-en.xml" -o sample.pdf
expect_no_out 'draft' "a finished plan is not a draft"

if ls -a | grep -q '^\.plangen-'; then fail "no temporary file left"; else pass "no temporary file left"; fi
finish
