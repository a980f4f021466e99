#!/bin/sh
# watch.sh — `plangen watch PLAN.xml`: a first render, a new PDF after each
# save (written in place, or written elsewhere and renamed over the plan),
# an error keeps the last good PDF and says so, Ctrl-C ends it cleanly with
# nothing left behind.  Waits are bounded polls, never a fixed sleep.
. "$SRCDIR/tests/e2e/lib.sh"

need_tools pdftotext
cp "$SRCDIR/tests/data/full.xml" plan.xml
"$PLANGEN" watch plan.xml >watch.out 2>watch.err &
pid=$!
trap 'kill "$pid" 2>/dev/null; rm -rf "$T"' EXIT

# wait_for SHELL-CONDITION: poll every 0.05 s, at most 30 s; 1 if it never held
wait_for() {
	_i=0
	while ! eval "$1" >/dev/null 2>&1; do
		_i=$((_i + 1))
		[ "$_i" -ge 600 ] && return 1
		sleep 0.05
	done
	return 0
}
updates() { grep -c ' updated in ' watch.out; }
show() { sed 's/^/  out: /' watch.out; sed 's/^/  err: /' watch.err; }

if wait_for '[ "$(updates)" -ge 1 ]'; then pass "first render on start"
else fail "no first render"; show; finish; fi
if grep -q '^watching plan.xml: each save re-checks it and renders plan.pdf' watch.out
then pass "says what it watches and where the PDF goes"
else fail "start message"; show; fi
pdftotext plan.pdf first.txt && grep -q 'Marketing Plan 2027' first.txt &&
	pass "the PDF is the plan" || fail "first PDF"

# an editor that writes a new file and renames it over the plan (vim, …)
sed 's/Marketing Plan 2027/Marketing Plan 2028/' plan.xml >.plan.xml.swp
mv .plan.xml.swp plan.xml
if wait_for '[ "$(updates)" -ge 2 ] && pdftotext plan.pdf - | grep -q "Plan 2028"'
then pass "write-and-rename save: new PDF"
else fail "write-and-rename save"; show; fi

# an editor that truncates and writes in place (nano, VS Code, …)
sed 's/Marketing Plan 2028/Marketing Plan 2029/' plan.xml >edit.tmp
cat edit.tmp >plan.xml
if wait_for '[ "$(updates)" -ge 3 ] && pdftotext plan.pdf - | grep -q "Plan 2029"'
then pass "in-place save: new PDF"
else fail "in-place save"; show; fi
cp plan.pdf good.pdf

# a save that breaks the plan: findings shown, the last good PDF kept
sed 's|<statement>Sign 40|<statment>x</statment><statement>Sign 40|' edit.tmp >plan.xml
if wait_for 'grep -q "not rendered: the plan has errors" watch.out'
then pass "an error: says the PDF was not rendered"
else fail "an error"; show; fi
if grep -q '^plan.xml:[0-9]*: error: .*statment.*\[schema\]' watch.err
then pass "the error, with file and line, on stderr"
else fail "the schema error is not shown"; show; fi
grep -q 'plan.pdf is still the last good version' watch.out &&
	pass "says the last good PDF is kept" || fail "no word about the kept PDF"
cmp -s plan.pdf good.pdf && pass "the last good PDF is untouched" ||
	fail "the PDF changed after an error"

# fixed again: a new PDF
cp edit.tmp plan.xml
if wait_for '[ "$(updates)" -ge 4 ]'; then pass "fixed: a new PDF again"
else fail "no render after the fix"; show; fi

# a file beside the plan changing is not a save of the plan
n=$(updates)
echo x >notes.txt
sleep 0.5
[ "$(updates)" -eq "$n" ] && pass "other files in the folder are ignored" ||
	fail "a change to another file re-rendered"

# Ctrl-C: a clean exit, nothing left behind
kill -INT "$pid"
_i=0
while kill -0 "$pid" 2>/dev/null && [ "$_i" -lt 600 ]; do sleep 0.05; _i=$((_i + 1)); done
wait "$pid"
rc=$?
[ "$rc" -eq 0 ] && pass "Ctrl-C: exit 0" || { fail "Ctrl-C: exit $rc"; show; }
grep -q '^stopped watching plan.xml$' watch.out && pass "says it stopped" ||
	{ fail "no stop message"; show; }
left=$(ls -A | grep -v -e '^plan.xml$' -e '^plan.pdf$' -e '^good.pdf$' \
	-e '^edit.tmp$' -e '^first.txt$' -e '^notes.txt$' -e '^watch.out$' \
	-e '^watch.err$' -e '^out$' -e '^err$' -e '^img$' || true)
[ -z "$left" ] && pass "no temporary file left behind" ||
	fail "left behind: $left"

# Chinese plan: the watch speaks Chinese
cp "$SRCDIR/tests/data/team/plan-zh.xml" zh.xml
"$PLANGEN" watch zh.xml >zh.out 2>zh.err &
pid=$!
if wait_for 'grep -q "已更新 zh.pdf" zh.out'; then pass "zh: updated, in Chinese"
else fail "zh"; sed 's/^/  out: /' zh.out; sed 's/^/  err: /' zh.err; fi
grep -q '^正在监视 zh.xml' zh.out && pass "zh: start message in Chinese" ||
	fail "zh: start message"
kill -TERM "$pid"
wait "$pid"
[ $? -eq 0 ] && pass "SIGTERM: exit 0" || fail "SIGTERM"

# the template a .plangen file names is watched too: saving it re-renders
mkdir -p proj
cp "$SRCDIR/tests/data/full.xml" proj/plan.xml
printf '<template version="1" extends="default">\n  <labels><label key="goals.heading" en="Aims one"/></labels>\n</template>\n' >proj/brand.xml
printf 'template = brand.xml\n' >proj/.plangen
# a team template that extends a house file beside it
printf '<template version="1" extends="default">\n  <labels><label key="swot.heading" en="House view one"/></labels>\n</template>\n' >proj/house.xml
printf '<template version="1" extends="house.xml">\n  <labels><label key="goals.heading" en="Team aims"/></labels>\n</template>\n' >proj/team.xml
"$PLANGEN" watch proj/plan.xml >proj.out 2>proj.err &
pid=$!
if wait_for 'grep -q " updated in " proj.out && pdftotext proj/plan.pdf - | grep -q "Aims one"'
then pass ".plangen: the project's template renders"
else fail ".plangen under watch"; sed 's/^/  out: /' proj.out; sed 's/^/  err: /' proj.err; fi
sed 's/Aims one/Aims two/' proj/brand.xml >proj/brand.tmp && mv proj/brand.tmp proj/brand.xml
if wait_for 'pdftotext proj/plan.pdf - | grep -q "Aims two"'
then pass "saving the .plangen template re-renders"
else fail "the .plangen template is not watched"; sed 's/^/  out: /' proj.out; fi
# .plangen saved with another template: re-rendered, and that template's
# chain is watched from then on
printf 'template = team.xml\n' >proj/.plangen
if wait_for 'pdftotext proj/plan.pdf - | grep -q "Team aims"'
then pass "saving .plangen re-renders with the template it now names"
else fail ".plangen itself is not watched"; sed 's/^/  out: /' proj.out; fi
sed 's/House view one/House view two/' proj/house.xml >proj/house.tmp && mv proj/house.tmp proj/house.xml
if wait_for 'pdftotext proj/plan.pdf - | grep -q "House view two"'
then pass "saving the template it extends re-renders"
else fail "the extended template is not watched"; sed 's/^/  out: /' proj.out; fi
kill -TERM "$pid"
wait "$pid"

# a plan in a folder that does not exist: the reason in the user's language
run "$PLANGEN" watch --lang zh-CN nowhere/plan.xml
expect_rc 2 "zh: a plan in a missing folder cannot be watched"
expect_err '^plangen: 无法监视 nowhere/plan.xml：没有这个文件或目录' "zh: the reason in Chinese, not the system's English"

run "$PLANGEN" watch
expect_rc 2 "no plan: usage error"
expect_err "^usage: plangen watch" "usage shown"

finish
