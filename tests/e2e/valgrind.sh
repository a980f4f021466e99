#!/bin/sh
# valgrind.sh — check and render under valgrind: no invalid access, no
# use of uninitialised memory, no leak.  Skipped (exit 77) without valgrind
# or in a sanitizer build (ASan and valgrind cannot run together).
. "$SRCDIR/tests/e2e/lib.sh"

command -v valgrind >/dev/null 2>&1 || { echo "valgrind not installed"; exit 77; }
if ldd "$PLANGEN" 2>/dev/null | grep -q 'libasan'; then echo "sanitizer build"; exit 77; fi

vg() {	# DESC CMD...: no valgrind error (status 9) and the command's own status
	desc=$1; shift
	run valgrind -q --leak-check=full --errors-for-leak-kinds=definite,indirect \
	    --error-exitcode=9 "$@"
	if [ "$rc" -eq 9 ] || grep -q '^==[0-9]*==' "$T/err"; then fail "$desc: valgrind reports errors"; sed 's/^/  /' "$T/err" | head -20
	else pass "$desc: valgrind clean (exit $rc)"; fi
}

vg "check, text" "$PLANGEN" check "$SRCDIR/samples/plan-en.xml"
vg "check, SARIF with team rules" "$PLANGEN" check --format sarif \
    --rules "$SRCDIR/samples/rules/ad-law-zh.xml" "$SRCDIR/samples/plan-zh-CN.xml"
vg "check, findings and accepts" "$PLANGEN" check "$SRCDIR/tests/data/reader-full.xml"
vg "check, hostile input" "$PLANGEN" check "$SRCDIR/tests/e2e/lib.sh"
vg "render, Chinese sample" "$PLANGEN" render "$SRCDIR/samples/plan-zh-CN.xml" -o zh.pdf
vg "render, board template" "$PLANGEN" render -t board "$SRCDIR/samples/plan-en.xml" -o en.pdf
vg "init" "$PLANGEN" init -o plan.xml
finish
