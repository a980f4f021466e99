# lib.sh — helpers for end-to-end tests of the built plangen binary.
# Sourced by tests/e2e/*.sh.  Each test runs in its own temporary directory,
# counts checks and exits 1 if any failed (automake's test driver reads that).

set -u
: "${PLANGEN:?PLANGEN must name the built binary}"
: "${SRCDIR:?SRCDIR must name the source tree}"
T=$(mktemp -d "${TMPDIR:-/tmp}/plangen-test.XXXXXX")
trap 'rm -rf "$T"' EXIT
cd "$T" || exit 99
# the samples' images (version 2 <image>): a copy of a sample written here
# finds them where the sample does
cp -R "$SRCDIR/samples/img" "$T/img" 2>/dev/null
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

# need_tools TOOL... — every tool is on the PATH, or the test fails (a
# missing tool is not a reason to pass: scripts/install-deps installs them)
need_tools() {
	missing=
	for t in "$@"; do
		command -v "$t" >/dev/null 2>&1 || missing="$missing $t"
	done
	if [ -n "$missing" ]; then
		fail "not installed:$missing — run scripts/install-deps (as root)"
		finish
	fi
}

# need_pdf_tools — what tests/pdfcheck.py and the PDF checks need
need_pdf_tools() {
	need_tools python3 mutool pdftotext pdffonts pdfinfo qpdf
}

# pdf_check FILE DESC [--ignore-text TEXT]... — tests/pdfcheck.py reads the
# PDF like a careful reader (CJK punctuation at line edges, text off the
# page or over other text, unmapped glyphs, fonts not embedded or not
# subset, blank pages; with PDFCHECK_OPTS=--links, contents links that miss
# their heading) and must find nothing.  Always runs.  The shared pdf-lint,
# if there is one ($PDF_LINT), runs as well, as an extra, unless
# PDF_LINT_OFF says why not.
pdf_check() {
	_f=$1; _d=$2; shift 2
	# shellcheck disable=SC2086
	if python3 "$SRCDIR/tests/pdfcheck.py" ${PDFCHECK_OPTS:-} "$@" "$_f" >"$T/pdfcheck.out" 2>&1
	then pass "$_d: pdfcheck finds nothing"
	else fail "$_d: pdfcheck"; grep -v '^pdfcheck: .* findings$' "$T/pdfcheck.out" | head -20 | sed 's/^/  /'; fi
	_lint=$(pdf_lint_path)
	if [ -n "$_lint" ] && [ -n "${PDF_LINT_OFF:-}" ]; then
		echo "# pdf-lint not run on $_f: $PDF_LINT_OFF"
	elif [ -n "$_lint" ]; then
		if "$_lint" "$@" "$_f" >"$T/pdflint.out" 2>&1; then pass "$_d: pdf-lint finds nothing"
		else fail "$_d: pdf-lint"; head -20 "$T/pdflint.out" | sed 's/^/  /'; fi
	fi
}

# pdf_lint_path — the shared pdf-lint tool: $PDF_LINT, or ../shared beside
# the source tree (or beside the tree distcheck unpacks into it).  Prints
# nothing if there is none.  Optional: no check depends on it.
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
