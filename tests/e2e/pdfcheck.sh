#!/bin/sh
# pdfcheck.sh — the PDF checker the render tests rely on (tests/pdfcheck.py)
# can fail: every check is shown a hand-made PDF with its defect
# (tests/pdfcraft.py) and must report it, a clean hand-made PDF and the
# rendered samples must pass, a rendered plan with a defect must fail, and a
# missing tool is an error, never a silent pass.
. "$SRCDIR/tests/e2e/lib.sh"

need_pdf_tools
CHECK="$SRCDIR/tests/pdfcheck.py"
CRAFT="$SRCDIR/tests/pdfcraft.py"
export SOURCE_DATE_EPOCH=1790000000

# every case: the checker's status and, for a defect, its finding
python3 "$CRAFT" --list >"$T/cases" || fail "pdfcraft.py --list"
seen=
while IFS='|' read -r name args expect; do
	if ! python3 "$CRAFT" "$name" "$T/$name.pdf" 2>"$T/craft.err"; then
		fail "$name: pdfcraft.py cannot write it"; cat "$T/craft.err"; continue
	fi
	# shellcheck disable=SC2086
	python3 "$CHECK" $args "$T/$name.pdf" >"$T/out" 2>"$T/err"; rc=$?
	if [ -z "$expect" ]; then
		if [ "$rc" -eq 0 ]; then pass "$name: no finding${args:+ ($args)}"
		else fail "$name: findings in a PDF without defects (exit $rc)"; cat "$T/out" "$T/err"; fi
	elif [ "$rc" -eq 1 ] && grep -qF -- "$expect" "$T/out"; then
		pass "$name: reported${args:+ ($args)}: $expect"
		# and nothing else: the defect is the only thing wrong in the file
		check=$(printf '%s\n' "$expect" | sed 's/^page [0-9]*: //; s/:.*//')
		sed -n 's/^[^:]*:page [0-9]*: \([a-z-]*\): .*/\1/p' "$T/out" | sort -u >"$T/kinds"
		if [ "$(cat "$T/kinds")" = "$check" ]; then pass "$name: only '$check' findings"
		else fail "$name: other findings than '$check'"; cat "$T/out"; fi
		seen="$seen $check"
	else
		fail "$name: expected exit 1 and '$expect', got exit $rc"; cat "$T/out" "$T/err"
	fi
done <"$T/cases"

# each check the checker documents was shown failing at least once
for c in line-start line-end off-page margin collision unmapped font blank-page link; do
	case " $seen " in
	*" $c "*) pass "check '$c' can fail" ;;
	*) fail "no case makes check '$c' fail" ;;
	esac
done

# findings name the file and the page, one a line, then a summary
python3 "$CHECK" "$T/line-start-cjk.pdf" "$T/clean.pdf" >"$T/out" 2>&1; rc=$?
[ "$rc" -eq 1 ] && pass "two files, one bad: exit 1" || fail "two files, one bad: exit $rc"
grep -q "^$T/line-start-cjk.pdf:page 1: line-start: line starts with '，'" "$T/out" &&
	pass "a finding gives file, page, check and text" || { fail "finding format"; cat "$T/out"; }
grep -q "^pdfcheck: $T/clean.pdf: 3 pages, [0-9]* lines, 0 findings$" "$T/out" &&
	pass "a summary line for each file" || { fail "summary line"; cat "$T/out"; }

# a file that is not a PDF, and no file at all: exit 2
echo "not a pdf" >"$T/bad.pdf"
run python3 "$CHECK" "$T/bad.pdf"
expect_rc 2 "not a PDF"
run python3 "$CHECK" "$T/none.pdf"
expect_rc 2 "no such file"
run python3 "$CHECK"
expect_rc 2 "no file named"

# a tool missing: exit 2 and a pointer to scripts/install-deps, not a pass
py=$(python3 -c 'import sys; print(sys.executable)')
run env PATH=/nonexistent "$py" "$CHECK" "$T/clean.pdf"
expect_rc 2 "without mutool and poppler on the PATH"
expect_err 'not found .*run scripts/install-deps' "the missing tool is named with the fix"

# the rendered samples: clean, their contents links land on their headings
for lang in en zh-CN; do
	"$PLANGEN" render "$SRCDIR/samples/plan-$lang.xml" -o "$T/$lang.pdf" 2>/dev/null
	run python3 "$CHECK" --links "$T/$lang.pdf"
	expect_rc 0 "$lang sample: no finding"
done

# a rendered plan with an unavoidable defect: 120 commas in a row must be
# broken somewhere, so some line starts with a comma
python3 - "$SRCDIR/samples/plan-zh-CN.xml" "$T/commas.xml" <<'EOF'
import sys
s = open(sys.argv[1], encoding="utf-8").read()
i = s.index("<p>", s.index("<market-definition>")) + len("<p>")
open(sys.argv[2], "w", encoding="utf-8").write(s[:i] + "，" * 120 + s[i:])
EOF
"$PLANGEN" render "$T/commas.xml" -o "$T/commas.pdf" 2>/dev/null
run python3 "$CHECK" "$T/commas.pdf"
expect_rc 1 "a rendered plan with 120 commas in a row"
expect_out ":page [0-9]+: line-start: line starts with '，'" "the comma at a line start is reported"

finish
