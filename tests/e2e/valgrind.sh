#!/bin/sh
# valgrind.sh — check and render under valgrind: no invalid access, no
# use of uninitialised memory, no leak; the PDFs it renders are checked.
# Skipped (exit 77) in a sanitizer build only (ASan and valgrind cannot run
# together); without valgrind it fails (scripts/install-deps installs it).
. "$SRCDIR/tests/e2e/lib.sh"

if ldd "$PLANGEN" 2>/dev/null | grep -q 'libasan'; then echo "sanitizer build"; exit 77; fi
need_tools valgrind
need_pdf_tools

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
pdf_check zh.pdf "Chinese sample rendered under valgrind"
pdf_check en.pdf "board template rendered under valgrind"
finish
