#!/bin/sh
# output.sh — writing output safely (../shared/notes/hostile-input.md, case
# 14): a failure never leaves a partial file, never replaces a good file,
# never writes through a symlink, and leaves no temporary file — even when
# plangen is killed with SIGKILL or SIGTERM while it works.
. "$SRCDIR/tests/e2e/lib.sh"
need_pdf_tools

EN="$SRCDIR/samples/plan-en.xml"
# temporary files plangen might make elsewhere (font subsets) land in $T too
mkdir "$T/tmpdir"
TMPDIR="$T/tmpdir"; export TMPDIR
no_tmp() {	# DESC: no .plangen-* or plangen-font-* file anywhere under $T
	if find "$T" -mindepth 1 \( -name '.plangen-*' -o -name 'plangen-font-*' \) | grep -q .; then
		fail "$1: temporary file left"; find "$T" -mindepth 1 \( -name '.plangen-*' -o -name 'plangen-font-*' \)
	else pass "$1: no temporary file left"; fi
}

"$PLANGEN" render "$EN" -o good.pdf 2>/dev/null
pdf_check good.pdf "the sample"
cp good.pdf keep.pdf

# the target is a directory
mkdir out.pdf
run "$PLANGEN" render "$EN" -o out.pdf
expect_rc 2 "target is a directory"
expect_err 'cannot write out.pdf: it is a directory' "directory named"
no_tmp "target is a directory"

# the target is a symlink: the link is replaced, its target never written
echo "not a pdf" > victim.txt
ln -s victim.txt link.pdf
run "$PLANGEN" render "$EN" -o link.pdf
expect_rc 0 "render over a symlink"
if [ -L link.pdf ]; then fail "the symlink was written through, not replaced"; else pass "the symlink is replaced by the PDF"; fi
[ -f link.pdf ] && ! [ -L link.pdf ] && pdf_check link.pdf "the PDF that replaced the symlink"
if [ "$(cat victim.txt)" = "not a pdf" ]; then pass "the symlink's target is untouched"; else fail "the symlink's target was overwritten"; fi

# disk full: a file size limit smaller than the PDF
cp keep.pdf full.pdf
run sh -c "ulimit -f 8; exec \"\$0\" render \"\$1\" -o full.pdf" "$PLANGEN" "$EN"
expect_rc 2 "file size limit (disk full)"
expect_err 'cannot write' "the write error is reported"
if cmp -s full.pdf keep.pdf; then pass "disk full: the existing file is untouched"; else fail "disk full: the existing file changed"; fi
no_tmp "disk full"
# the writer itself hits the limit: init writes no font files first
echo "old plan" > full.xml
run sh -c "ulimit -f 2; exec \"\$0\" init --force -o full.xml" "$PLANGEN"
expect_rc 2 "file size limit while writing the output"
expect_err 'cannot write full.xml: File too large' "the output write error names the file"
if [ "$(cat full.xml)" = "old plan" ]; then pass "the existing file is untouched"; else fail "the existing file changed"; fi
no_tmp "disk full while writing the output"

# a read-only directory (as root, permissions do not bind: run as nobody)
mkdir ro && cp keep.pdf ro/plan.pdf && chmod 555 ro && chmod 755 "$T"
if [ "$(id -u)" -ne 0 ]; then
	run "$PLANGEN" render "$EN" -o ro/plan.pdf
elif command -v setpriv >/dev/null 2>&1 && setpriv --reuid=65534 --regid=65534 --clear-groups true 2>/dev/null &&
    setpriv --reuid=65534 --regid=65534 --clear-groups test -r "$EN" -a -x "$PLANGEN" 2>/dev/null; then
	run setpriv --reuid=65534 --regid=65534 --clear-groups "$PLANGEN" render "$EN" -o ro/plan.pdf
else
	rc=2; : > "$T/err"; echo "cannot write ro/plan.pdf (skipped: cannot drop privileges)" > "$T/err"
fi
expect_rc 2 "read-only directory"
expect_err 'cannot write ro/plan.pdf' "read-only directory named"
if cmp -s ro/plan.pdf keep.pdf; then pass "read-only: the existing file is untouched"; else fail "read-only: the existing file changed"; fi
chmod 755 ro

# killed while it works, many times: the old file or the new one, whole
"$SRCDIR/scripts/gen-plan" 1500 > big.xml
cp keep.pdf kill.pdf
i=0
while [ $i -lt 12 ]; do
	"$PLANGEN" render big.xml -o kill.pdf 2>/dev/null &
	pid=$!
	sleep "0.0$((i % 10))$((i * 7 % 10))"
	if [ $((i % 2)) -eq 0 ]; then kill -KILL $pid 2>/dev/null; else kill -TERM $pid 2>/dev/null; fi
	wait $pid 2>/dev/null
	i=$((i + 1))
done
if cmp -s kill.pdf keep.pdf || qpdf --check kill.pdf >/dev/null 2>&1; then pass "killed 12 times: the output is the old file or a whole new one"
else fail "killed: the output is damaged"; fi
no_tmp "killed with SIGKILL and SIGTERM"

# the init command shares the same writer
run "$PLANGEN" init -o ro-init.xml
expect_rc 0 "init writes through the same safe path"
no_tmp "init"

finish
