#!/bin/sh
# messages.sh — everything plangen says around the findings follows the one
# language choice (--lang, else the plan's lang=, else the locale for what
# is not about a plan): summary lines, severity words, "not rendered",
# cannot read/write, init's confirmation, --help and usage, render's
# success line; zh-TW/zh-Hant get Traditional characters; one word for
# one thing (失误点, 可靠性); English grammar and whole words in titles.
. "$SRCDIR/tests/e2e/lib.sh"

EN="$SRCDIR/samples/plan-en.xml"
ZH="$SRCDIR/samples/plan-zh-CN.xml"
unset LC_ALL LC_MESSAGES
LANG=C.UTF-8; export LANG

## ---- summary line and severity words -------------------------------------

run "$PLANGEN" check "$ZH"
expect_out '^.*plan-zh-CN\.xml: 0 个错误，0 个警告；完整度 100%$' "zh summary line"
run "$PLANGEN" check "$EN"
expect_out '^.*plan-en\.xml: 0 errors, 0 warnings; completeness 100%$' "en summary line"
"$PLANGEN" init --lang zh-CN -o zh.xml 2>/dev/null
"$PLANGEN" init --lang en -o en.xml 2>/dev/null
run "$PLANGEN" check zh.xml
expect_out '^zh\.xml:[0-9]+: 警告: ' "zh severity word 警告"
expect_no_out '^zh\.xml:[0-9]+: warning: ' "no English severity in a zh plan"
run "$PLANGEN" check --lang en zh.xml
expect_out '^zh\.xml:[0-9]+: warning: ' "--lang en: English severity"
expect_out '^zh\.xml: 0 errors, [0-9]+ warnings; completeness' "--lang en: English summary"

## ---- one word for one thing; no English enum names in Chinese -------------

run "$PLANGEN" check zh.xml
expect_out '服务蓝图步骤 B1 的失误点中仍有占位文字“待补充”' "placeholder: 失误点, as explain and the PDF say"
expect_out '服务质量维度 可靠性 中仍有占位文字' "servqual dimension by its Chinese name"
expect_no_out '失败点|reliability|responsiveness|tangibles' "no 失败点 and no English enum name in Chinese"
sed 's|<recovery>[^<]*</recovery>||' "$SRCDIR/tests/data/rules/fail-point-no-recovery.xml" > fp.xml
sed 's/<plan version="1"[^>]*>/<plan version="1" lang="zh-CN">/' fp.xml > fpzh.xml
run "$PLANGEN" check fpzh.xml
expect_out '的失误点没有补救措施（<recovery>） \[fail-point-no-recovery\]' "fail-point-no-recovery: 失误点"
run "$PLANGEN" explain --lang zh fail-point-no-recovery
expect_out '失误点' "explain says 失误点 too"
run "$PLANGEN" check zh.xml
expect_no_out '不用指数' "no programmer talk"

## ---- English grammar; whole words in titles ------------------------------

run "$PLANGEN" check en.xml
expect_out 'placeholder text "TODO" is still in the events \[placeholder-text\]' "grammar: plural section"
expect_out 'placeholder text "TODO" is still in the marketing mix \(people\)' "grammar: people"
expect_no_out 'still holds' "no 'the events still holds'"
sed 's|<statement>[^<]*</statement>|<statement>Raise trial-to-paid conversion to 30% by June</statement>|' "$SRCDIR/tests/data/rules/goal-unsupported.xml" > title.xml
run "$PLANGEN" check title.xml
expect_out '\(Raise trial-to-paid…\)' "a goal title is cut at a word"
expect_no_out 'conv…' "never mid-word"

## ---- Traditional Chinese (zh-TW, zh-Hant) --------------------------------

sed 's/lang="zh-CN"/lang="zh-TW"/' zh.xml > tw.xml
run "$PLANGEN" check tw.xml
expect_out '^tw\.xml: 0 個錯誤，[0-9]+ 個警告；完整度 [0-9]+%' "zh-TW: summary in Traditional"
expect_out '^tw\.xml:[0-9]+: 警告: 服務質量維度 保證性 中仍有佔位文字“待補充”' "zh-TW: findings in Traditional"
# no character of plangen's words stays Simplified
if grep -q '[个错误规则没这为说请划务检复证补]' "$T/out"; then
	fail "zh-TW: a Simplified character left"; grep '[个错误规则没这为说请划务检复证补]' "$T/out" | head -3
else pass "zh-TW: no Simplified character left"; fi
sed 's/lang="zh-CN"/lang="zh-Hant"/' zh.xml > hant.xml
run "$PLANGEN" check hant.xml
expect_out '個錯誤' "zh-Hant: Traditional"
run "$PLANGEN" check --lang zh-TW "$EN"
expect_out '0 個錯誤，0 個警告；完整度 100%' "--lang zh-TW: Traditional"
run "$PLANGEN" explain --lang zh-Hant goal-unsupported
expect_out '為什麼重要' "explain --lang zh-Hant: Traditional"
expect_no_out '为什么' "explain zh-Hant: no Simplified"
LANG=zh_TW.UTF-8 run "$PLANGEN" explain goal-unsupported
expect_out '為什麼重要' "explain with a zh_TW locale: Traditional"
run "$PLANGEN" explain --lang zh-CN goal-unsupported
expect_out '为什么重要' "explain zh-CN stays Simplified"
printf '<plan version="1" lang="zh-TW">\n<p>B2B&团检</p></plan>\n' > twsyn.xml
run "$PLANGEN" check twsyn.xml
expect_out '^twsyn\.xml:2: 錯誤: XML 格式錯誤：文字中有單獨的“&”' "zh-TW: xml-syntax in Traditional"

## ---- the review rules did not run ----------------------------------------

sed '0,/<title>/s|<title>[^<]*</title>|<titel>x</titel>|' "$ZH" > schema.xml
run "$PLANGEN" check schema.xml
expect_out '^schema\.xml: 提示: 因为上面的错误，复核规则没有运行' "zh: says the review rules did not run"
sed '0,/<title>/s|<title>[^<]*</title>|<titel>x</titel>|' "$EN" > schema-en.xml
run "$PLANGEN" check schema-en.xml
expect_out '^schema-en\.xml: note: the review rules did not run because of the errors above' "en: says the review rules did not run"
run "$PLANGEN" check "$EN"
expect_no_out 'did not run' "no note when they ran"

## ---- cannot read / cannot write ------------------------------------------

run "$PLANGEN" check missing.xml
expect_rc 2 "unreadable: exit 2"
expect_err "^plangen: cannot read missing\\.xml: No such file or directory$" "en: cannot read"
LANG=zh_CN.UTF-8 run "$PLANGEN" check missing.xml
expect_err '^plangen: 无法读取 missing\.xml：没有这个文件或目录$' "zh locale: 无法读取"
run "$PLANGEN" check --lang zh-CN missing.xml
expect_err '^plangen: 无法读取 missing\.xml：没有这个文件或目录$' "--lang zh-CN: 无法读取"
run "$PLANGEN" render -o nodir/x.pdf "$ZH"
expect_rc 2 "unwritable: exit 2"
expect_err '^plangen: 无法写入 nodir/x\.pdf：没有这个文件或目录$' "zh plan: 无法写入"
run "$PLANGEN" render -o nodir/x.pdf "$EN"
expect_err '^plangen: cannot write nodir/x\.pdf: No such file or directory$' "en plan: cannot write"
LANG=zh_CN.UTF-8 run "$PLANGEN" init -o zh.xml
expect_err '^plangen: zh\.xml 已存在；要替换它请加 --force$' "zh: exists, use --force"

## ---- init, help and usage --------------------------------------------------

LANG=zh_CN.UTF-8 run "$PLANGEN" init -o new-zh.xml
expect_err '^plangen: 已写入 new-zh\.xml；请填写其中的内容（每个“待补充”），然后运行：plangen check new-zh\.xml$' "init: zh confirmation"
run "$PLANGEN" init -o new-en.xml
expect_err '^plangen: wrote new-en\.xml; fill it in \(every 待补充/TODO\), then run: plangen check new-en\.xml$' "init: en confirmation"
LANG=zh_CN.UTF-8 run "$PLANGEN" --help
expect_out '^用法：plangen 命令 \[选项\] \[文件\.\.\.\]' "--help in Chinese"
expect_out '^  check +按格式和复核规则检查计划书' "--help: commands in Chinese"
LANG=zh_TW.UTF-8 run "$PLANGEN" --help
expect_out '^用法：plangen 命令 \[選項\]' "--help in Traditional"
run "$PLANGEN" --help
expect_out '^usage: plangen COMMAND' "--help in English"
LANG=zh_CN.UTF-8 run "$PLANGEN" check
expect_rc 2 "usage error"
expect_err '^用法：plangen check' "usage in Chinese"
expect_err "^详见 'plangen --help'。" "usage: where to read more, in Chinese"
LANG=zh_CN.UTF-8 run "$PLANGEN" check --lang fr x.xml
expect_err '^plangen: 不认识的语言“fr”：请用 en or zh-CN' "unknown --lang, in the locale's language"

## ---- render: not rendered, success line, --quiet ---------------------------

run "$PLANGEN" render -o ok.pdf "$ZH"
expect_rc 0 "render zh"
expect_err '^plangen: 已写入 ok\.pdf（共 [0-9]+ 页）$' "render: zh success line with the page count"
n=$(pdfinfo ok.pdf 2>/dev/null | awk '/^Pages:/ { print $2 }')
expect_err "（共 $n 页）" "the page count is the PDF's"
run "$PLANGEN" render -o ok-en.pdf "$EN"
expect_err '^plangen: wrote ok-en\.pdf \([0-9]+ pages\)$' "render: en success line"
run "$PLANGEN" render --quiet -o q.pdf "$EN"
expect_rc 0 "render --quiet"
if [ -s "$T/err" ]; then fail "render --quiet prints nothing"; cat "$T/err"; else pass "render --quiet prints nothing"; fi
sed '0,/goals="/s|goals="[^"]*"|goals="G404"|' "$ZH" > err-zh.xml
run "$PLANGEN" render -o e.pdf err-zh.xml
expect_rc 1 "render with errors"
expect_err '^plangen: err-zh\.xml：没有生成 PDF：有 [0-9]+ 个错误（请改正，或用 --draft 生成带“草稿”标记的版本）$' "zh: not rendered"
sed '0,/goals="/s|goals="[^"]*"|goals="G404"|' "$EN" > err-en.xml
run "$PLANGEN" render -o e.pdf err-en.xml
expect_err '^plangen: err-en\.xml: not rendered: [0-9]+ errors? \(fix them, or use --draft for a marked draft\)$' "en: not rendered"
run "$PLANGEN" render --draft -o d.pdf schema.xml
expect_rc 1 "--draft on a schema error"
expect_err '^plangen: schema\.xml：没有生成 PDF：它不符合计划书格式（上面 1 个 schema 错误）；请先改正：--draft 只能生成符合格式的计划书$' "--draft on a schema error: zh wording"
run "$PLANGEN" render --draft -o d.pdf schema-en.xml
expect_err '^plangen: schema-en\.xml: not rendered: it does not match the plan format \(1 schema error above\)' "--draft on a schema error: en wording"
expect_no_out 'cannot be read' "not 'the plan cannot be read'"

## ---- -o: only PDF; a directory gets PLAN.pdf --------------------------------

cp "$EN" plan.xml
run "$PLANGEN" render -o plan.docx plan.xml
expect_rc 2 "-o plan.docx refused"
expect_err "plangen writes PDF only; name the output \\*\\.pdf" "-o plan.docx: says why"
if [ -e plan.docx ]; then fail "-o plan.docx: nothing written"; else pass "-o plan.docx: nothing written"; fi
mkdir outdir
run "$PLANGEN" render -o outdir/ plan.xml
expect_rc 0 "-o outdir/"
if [ -s outdir/plan.pdf ]; then pass "-o outdir/ writes outdir/plan.pdf"; else fail "-o outdir/ writes outdir/plan.pdf"; ls -R; fi
run "$PLANGEN" render -o outdir "$EN"
if [ -s outdir/plan-en.pdf ]; then pass "-o DIR (existing) writes DIR/PLAN.pdf"; else fail "-o DIR writes DIR/PLAN.pdf"; fi
run "$PLANGEN" render -o OUT.PDF plan.xml
expect_rc 0 "-o OUT.PDF (any case) accepted"

## ---- command-line surprises ----------------------------------------------

run "$PLANGEN" templates --help
expect_rc 0 "templates --help"
expect_out '^usage: plangen templates' "templates --help: its usage"
run "$PLANGEN" explain --help
expect_no_out '\-\-man' "explain's usage does not offer the build option --man"

## ---- JSON lists an unreadable file with its error ---------------------------

run "$PLANGEN" check --format json missing.xml "$EN"
expect_rc 2 "json with an unreadable file"
python3 - "$T/out" <<'PY' && pass "json: the unreadable file is listed with its error" || fail "json: the unreadable file is listed with its error"
import json, sys
d = json.load(open(sys.argv[1]))
f = d["files"][0]
assert f["file"] == "missing.xml", f
assert f["error"] == "cannot read missing.xml: No such file or directory", f
assert f["findings"] == [] and f["completeness"] is None, f
assert len(d["files"]) == 2 and "error" not in d["files"][1]
PY

## ---- GitHub: the summary line cannot forge an annotation --------------------

evil="$(printf 'x\n::error file=evil.xml,line=1::injected')"
printf '<plan version="1">\n' > "$evil"
run "$PLANGEN" check --format github "$evil"
expect_no_out '^::error file=evil' "github: a file name cannot inject a workflow command"
expect_out '^x%0A::error file=evil.xml,line=1::injected: ' "github: the summary's file name is escaped"

## ---- the score means what it says ------------------------------------------

# the untouched skeleton: every section holds 待补充/TODO, so none passes,
# and no check that read only placeholder text passes either
for l in zh-CN en; do
	"$PLANGEN" init --lang $l -o sk-$l.xml 2>/dev/null
	run "$PLANGEN" check sk-$l.xml
	p=$(sed -n 's/.*\(completeness\|完整度\) \([0-9]*\)%.*/\2/p' "$T/out")
	if [ -n "$p" ] && [ "$p" -lt 40 ]; then pass "untouched $l skeleton scores $p% (< 40%)"
	else fail "untouched $l skeleton scores '$p', not under 40%"; tail -1 "$T/out"; fi
done
# empty text is unfinished text: it fires and moves the score
sed '0,/<title>/s|<title>[^<]*</title>|<title></title>|' "$EN" > empty1.xml
sed '0,/owner="[^"]*"/s//owner=" "/' "$EN" > empty2.xml
sed '0,/<statement>/s|<statement>[^<]*</statement>|<statement/>|' "$EN" > empty3.xml
run "$PLANGEN" check empty1.xml
expect_out '^empty1\.xml:[0-9]+: warning: the title is empty: fill it in \[placeholder-text\]$' "<title></title> fires"
expect_no_out 'completeness 100%' "<title></title> moves the score"
run "$PLANGEN" check empty2.xml
expect_out 'warning: the owner of goal G[0-9]+ is empty: fill it in \[placeholder-text\]$' "owner=\" \" fires"
expect_no_out 'completeness 100%' "owner=\" \" moves the score"
run "$PLANGEN" check empty3.xml
expect_out 'warning: the statement of goal G[0-9]+ is empty: fill it in \[placeholder-text\]$' "<statement/> fires"
expect_no_out 'completeness 100%' "<statement/> moves the score"
sed '0,/<title>/s|<title>[^<]*</title>|<title> </title>|' "$ZH" > empty-zh.xml
run "$PLANGEN" check empty-zh.xml
expect_out '^empty-zh\.xml:[0-9]+: 警告: 标题是空的：请填写 \[placeholder-text\]$' "zh: 标题是空的"
expect_no_out '完整度 100%' "zh: the score moves"
# a failing team rule is shown beside the score
run "$PLANGEN" check --rules "$SRCDIR/samples/rules/ad-law-zh.xml" "$SRCDIR/tests/data/team/plan-zh-bad.xml"
expect_out '完整度 [0-9]+%（仅内置检查；另有 2 条团队规则的问题）$' "team-rule failures beside the score (zh)"
run "$PLANGEN" check --rules "$SRCDIR/samples/rules/house-style-en.xml" "$SRCDIR/tests/data/team/plan-en-bad.xml"
expect_out 'completeness [0-9]+% \(built-in checks only; [0-9]+ team-rule findings? not counted\)$' "team-rule failures beside the score (en)"

# the first built-in rule that fires points to explain, once, on stderr, in the plan's language
run "$PLANGEN" check "$SRCDIR/tests/data/rules/action-no-owner.xml"
expect_err '^plangen: what a rule checks, why it matters and how to fix it: plangen explain action-no-owner$' \
    "a finding points to plangen explain"
n=$(grep -c 'plangen explain' "$T/err"); [ "$n" -eq 1 ] && pass "the pointer is said once" || fail "pointer said $n times"
grep -q 'explain' "$T/out" && fail "the pointer reached stdout" || pass "the pointer is not on stdout"
run "$PLANGEN" check --lang zh-CN "$SRCDIR/tests/data/rules/action-no-owner.xml"
expect_err '^plangen：想知道一条规则查什么、为什么重要、怎么改，请运行 plangen explain action-no-owner$' \
    "the pointer in Chinese"
run "$PLANGEN" check --quiet "$SRCDIR/tests/data/rules/action-no-owner.xml"
grep -q 'explain' "$T/err" && fail "--quiet still points to explain" || pass "--quiet: no pointer"
run "$PLANGEN" check "$SRCDIR/samples/plan-en.xml"
grep -q 'explain' "$T/err" && fail "a clean plan gets a pointer" || pass "a clean plan: no pointer"

finish
