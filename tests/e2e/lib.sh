# lib.sh — helpers for end-to-end tests of the built plangen binary.
# Sourced by tests/e2e/*.sh.  Each test runs in its own temporary directory,
# counts checks and exits 1 if any failed (automake's test driver reads that).

set -u
: "${PLANGEN:?PLANGEN must name the built binary}"
: "${SRCDIR:?SRCDIR must name the source tree}"
T=$(mktemp -d "${TMPDIR:-/tmp}/plangen-test.XXXXXX")
trap 'rm -rf "$T"' EXIT
cd "$T" || exit 99
fails=0
checks=0

pass() { checks=$((checks + 1)); echo "ok $checks - $1"; }
fail() { checks=$((checks + 1)); fails=$((fails + 1)); echo "not ok $checks - $1"; }

# run CMD...: runs it with stdout in $T/out, stderr in $T/err, status in $rc.
run() {
	"$@" >"$T/out" 2>"$T/err"
	rc=$?
}

# expect_rc N DESC
expect_rc() {
	if [ "$rc" -eq "$1" ]; then pass "$2 (exit $1)"
	else fail "$2: exit $rc, expected $1"; sed 's/^/  out: /' "$T/out"; sed 's/^/  err: /' "$T/err"; fi
}

# expect_out REGEX DESC — some line of stdout matches the extended regex
expect_out() {
	if grep -Eq -- "$1" "$T/out"; then pass "$2"
	else fail "$2: no stdout line matches /$1/"; sed 's/^/  out: /' "$T/out"; sed 's/^/  err: /' "$T/err"; fi
}

# expect_err REGEX DESC — some line of stderr matches
expect_err() {
	if grep -Eq -- "$1" "$T/err"; then pass "$2"
	else fail "$2: no stderr line matches /$1/"; sed 's/^/  err: /' "$T/err"; fi
}

# expect_no_out REGEX DESC — no line of stdout or stderr matches
expect_no_out() {
	if grep -Eq -- "$1" "$T/out" "$T/err"; then fail "$2: output matches /$1/"; grep -E -- "$1" "$T/out" "$T/err" | head -3
	else pass "$2"; fi
}

# pdf_lint_path — the shared pdf-lint tool: $PDF_LINT, or ../shared beside
# the source tree (or beside the tree distcheck unpacks into it).  Prints
# nothing if there is none; callers say so in the log.
pdf_lint_path() {
	for c in "${PDF_LINT:-}" "$SRCDIR/../shared/tools/pdf-lint" \
	    "$SRCDIR/../../shared/tools/pdf-lint" "$SRCDIR/../../../shared/tools/pdf-lint"; do
		if [ -n "$c" ] && [ -x "$c" ]; then echo "$c"; return 0; fi
	done
	return 0
}

finish() {
	echo "1..$checks"
	echo "$((checks - fails)) passed, $fails failed"
	[ "$fails" -eq 0 ]
	exit $?
}
