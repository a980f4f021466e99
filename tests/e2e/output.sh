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

# the target is a symlink: written through to the file it points to, which
# is replaced atomically in its own directory; the link stays a link
echo "not a pdf" > victim.txt
ln -s victim.txt link.pdf
run "$PLANGEN" render "$EN" -o link.pdf
expect_rc 0 "render over a symlink"
if [ -L link.pdf ]; then pass "the symlink stays a symlink"; else fail "the symlink was replaced by a regular file"; fi
pdf_check victim.txt "the file the symlink points to holds the PDF"
# a dangling symlink: the file it names is created
ln -s sub-new.pdf dangling.pdf
run "$PLANGEN" render "$EN" -o dangling.pdf
expect_rc 0 "render over a dangling symlink"
if [ -L dangling.pdf ] && [ -f sub-new.pdf ]; then pass "a dangling symlink's target is created"; else fail "dangling symlink: link replaced or target missing"; fi
# a symlink planted by another user in a sticky shared directory (/tmp): refused
if [ "$(id -u)" -eq 0 ]; then
	mkdir shared && chmod 1777 shared && echo "precious" > precious.txt
	ln -s "$T/precious.txt" shared/out.pdf && chown -h 65534:65534 shared/out.pdf
	run "$PLANGEN" render "$EN" -o shared/out.pdf
	expect_rc 2 "a symlink planted by another user in a sticky directory"
	expect_err 'cannot write shared/out.pdf: a symlink in a shared directory' "the refusal names the file"
	if [ "$(cat precious.txt)" = "precious" ] && [ -L shared/out.pdf ]; then pass "the planted symlink and its target are untouched"; else fail "the planted symlink was followed or replaced"; fi
else
	pass "planted symlink (skipped: needs root to plant it as another user)"
fi

# a replaced file keeps its mode, and its group where permitted
cp keep.pdf private.pdf && chmod 640 private.pdf
if [ "$(id -u)" -eq 0 ]; then chgrp 65534 private.pdf; fi
grp=$(stat -c %g private.pdf)
run "$PLANGEN" render "$EN" -o private.pdf
expect_rc 0 "render over a 0640 file"
if [ "$(stat -c %a private.pdf)" = 640 ]; then pass "the replaced file keeps mode 640"; else fail "mode became $(stat -c %a private.pdf), expected 640"; fi
if [ "$(stat -c %g private.pdf)" = "$grp" ]; then pass "the replaced file keeps its group"; else fail "group became $(stat -c %g private.pdf), expected $grp"; fi
# hard links (documented): the name gets the new file, other links keep the old one
cp keep.pdf hard1.pdf && ln hard1.pdf hard2.pdf && echo "stale" >> hard1.pdf
run "$PLANGEN" render "$EN" -o hard1.pdf
expect_rc 0 "render over a file with two hard links"
if cmp -s hard1.pdf hard2.pdf; then fail "both hard links changed"; else pass "the other hard link keeps the old content (as documented)"; fi

# targets that are not regular files are written through, never renamed over
# (as root a rename over /dev/null replaces the device node; the test makes
# its own nodes so that a broken plangen cannot break the machine's)
if [ "$(id -u)" -eq 0 ] && mknod null c 1 3 2>/dev/null; then
	run "$PLANGEN" render "$EN" -o null
	expect_rc 0 "render to a character device (a /dev/null made with mknod)"
	if [ -c null ]; then pass "the character device is still a device"; else fail "the character device was replaced by a regular file"; fi
	run "$PLANGEN" init -o null
	expect_rc 0 "init to a character device needs no --force (nothing is replaced)"
else
	pass "character device (skipped: mknod needs root)"
fi
mkfifo fifo.pdf
timeout 60 cat fifo.pdf > from-fifo.pdf &	# bounded: a broken plangen never opens the FIFO
cat_pid=$!
run "$PLANGEN" render "$EN" -o fifo.pdf
expect_rc 0 "render to a FIFO"
wait $cat_pid
if [ -p fifo.pdf ]; then pass "the FIFO is still a FIFO"; else fail "the FIFO was replaced by a regular file"; fi
pdf_check from-fifo.pdf "the PDF read from the FIFO"
# /dev/stdout is a symlink to /proc/self/fd/1: the same through a link of our own
ln -s /proc/self/fd/1 my-stdout
"$PLANGEN" render "$EN" -o my-stdout 2>"$T/err" | cat > from-pipe.pdf
if [ -L my-stdout ]; then pass "a link to standard output stays a link"; else fail "the link to standard output was replaced"; fi
pdf_check from-pipe.pdf "the PDF written through the link to a pipe"
"$PLANGEN" render "$EN" -o my-stdout > redirected.pdf 2>"$T/err"
pdf_check redirected.pdf "the PDF written through the link to a redirected standard output"
run "$PLANGEN" render "$EN" -o -
expect_rc 0 "render -o - writes standard output"
cp "$T/out" dash.pdf; pdf_check dash.pdf "the PDF on standard output"
if command -v python3 >/dev/null 2>&1; then
	python3 -c 'import socket,sys; socket.socket(socket.AF_UNIX).bind(sys.argv[1])' sock.pdf
	run "$PLANGEN" render "$EN" -o sock.pdf
	expect_rc 2 "render to a socket is refused"
	expect_err 'cannot write sock.pdf: it is a socket' "the refusal names the socket"
	if [ -S sock.pdf ]; then pass "the socket is still a socket"; else fail "the socket was replaced"; fi
fi

# SIGKILL in the instant between naming the finished file and renaming it
# over the target leaves a complete hidden file; the next run removes it
if command -v strace >/dev/null 2>&1; then
	cp keep.pdf window.pdf
	strace -f -o /dev/null -e trace=rename -e inject=rename:signal=KILL \
	    "$PLANGEN" render "$EN" -o window.pdf 2>/dev/null
	if cmp -s window.pdf keep.pdf; then pass "killed at rename: the old file is intact"; else fail "killed at rename: the old file changed"; fi
	if find "$T" -maxdepth 1 -name '.plangen-*' | grep -q .; then pass "killed at rename: the window was hit (a hidden file is left)"
	else fail "killed at rename: nothing left — was rename() reached?"; fi
	run "$PLANGEN" render "$EN" -o window.pdf
	expect_rc 0 "the next run"
	no_tmp "the next run removes what a run killed at rename left"
	pdf_check window.pdf "the next run's PDF"
else
	fail "strace is not installed — run scripts/install-deps (as root)"
fi

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
