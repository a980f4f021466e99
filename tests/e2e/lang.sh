#!/bin/sh
# lang.sh — one language choice for every command (src/base/lang.h):
# --lang accepts en/zh and their regional forms in any case, refuses
# anything else with a usage error naming the valid values, and means the
# same in check, render, explain and init.  Without --lang: the plan's
# @lang for a plan, the locale for explain and init.
. "$SRCDIR/tests/e2e/lib.sh"

EN="$SRCDIR/samples/plan-en.xml"
ZH="$SRCDIR/samples/plan-zh-CN.xml"

for bad in fr zha de-DE x ""; do
	for cmd in "check $EN" "render -o $T/bad.pdf $EN" "explain schema" "init -o $T/bad.xml"; do
		# shellcheck disable=SC2086
		run "$PLANGEN" ${cmd%% *} --lang "$bad" ${cmd#* }
		expect_rc 2 "${cmd%% *} --lang '$bad' is a usage error"
		expect_err "unknown language '$bad': use en or zh-CN" "${cmd%% *} names the valid languages"
	done
	if [ -e "$T/bad.pdf" ] || [ -e "$T/bad.xml" ]; then fail "--lang '$bad': no output file"
	else pass "--lang '$bad': no output file"; fi
done

# the same value means the same language everywhere
for good in zh ZH-CN zh-hans zh_CN.UTF-8 Zh-Hant; do
	run "$PLANGEN" explain --lang "$good" schema
	expect_rc 0 "explain --lang $good"
	expect_out '如何修改' "explain --lang $good speaks Chinese"
	run "$PLANGEN" render --lang "$good" -o "$T/zh.pdf" "$EN"
	expect_rc 0 "render --lang $good"
	pdftotext "$T/zh.pdf" "$T/zh.txt"
	if grep -q '目录' "$T/zh.txt"; then pass "render --lang $good labels the PDF in Chinese"
	else fail "render --lang $good labels the PDF in Chinese"; head -20 "$T/zh.txt"; fi
	run "$PLANGEN" init --lang "$good" -o -
	expect_out 'lang="zh-CN"' "init --lang $good writes the Chinese skeleton"
done
for good in en EN en-US en_GB.UTF-8; do
	run "$PLANGEN" explain --lang "$good" schema
	expect_out 'How to fix it' "explain --lang $good speaks English"
	run "$PLANGEN" render --lang "$good" -o "$T/en.pdf" "$ZH"
	expect_rc 0 "render --lang $good"
	pdftotext "$T/en.pdf" "$T/en.txt"
	if grep -q 'Contents' "$T/en.txt"; then pass "render --lang $good labels the PDF in English"
	else fail "render --lang $good labels the PDF in English"; fi
done

# findings follow --lang over the plan's @lang
printf '<plan version="1" lang="en"><meta/></plan>\n' > "$T/p.xml"
run "$PLANGEN" check --lang ZH-cn "$T/p.xml"
expect_rc 1 "check of an incomplete plan"
if grep -q '缺少' "$T/out"; then pass "check --lang ZH-cn: findings in Chinese"
else fail "check --lang ZH-cn: findings in Chinese"; cat "$T/out"; fi

# no --lang: explain and init follow the locale
run env LC_ALL= LC_MESSAGES= LANG=zh_CN.UTF-8 "$PLANGEN" explain schema
expect_out '如何修改' "explain under a Chinese locale speaks Chinese"
run env LC_ALL= LC_MESSAGES= LANG=zh_CN.UTF-8 "$PLANGEN" init -o -
expect_out 'lang="zh-CN"' "init under a Chinese locale writes the Chinese skeleton"
run env LC_ALL=C "$PLANGEN" init -o -
expect_out 'lang="en"' "init under the C locale writes the English skeleton"

# a Chinese plan without lang=: a note in both languages (not a finding)
sed 's/ lang="zh-CN"//' "$SRCDIR/samples/plan-zh-CN.xml" > "$T/nolang.xml"
run "$PLANGEN" check "$T/nolang.xml"
expect_rc 0 "a Chinese plan without lang still passes"
expect_out '^.*nolang\.xml: note: most of the text is Chinese but <plan> has no lang: add lang="zh-CN" \(or zh-TW\).* / 计划正文多为中文，但 <plan> 没有 lang 属性：请加上 lang="zh-CN"' \
    "check: the missing lang is noted, in English and Chinese"
expect_out 'nolang\.xml: 0 errors, 0 warnings' "the note is not a finding"
run "$PLANGEN" render "$T/nolang.xml" -o "$T/nolang.pdf"
expect_err 'nolang\.xml: note: most of the text is Chinese' "render notes it too"
run "$PLANGEN" check "$SRCDIR/samples/plan-en.xml"
expect_no_out 'has no lang' "an English plan without Chinese text: no note"

finish
