#!/bin/sh
# configure.sh — configure refuses a libharu other than 2.3.0, naming what
# it found and what to install: src/pdf/haru_shim.c works through 2.3.0's
# internals, and another version would build and write broken PDFs.
# Runs a copy of the generated configure against headers that say 2.4.0.
. "$SRCDIR/tests/e2e/lib.sh"

mkdir -p "$T/src/src" "$T/fake"
cp "$SRCDIR/configure" "$SRCDIR/config.h.in" "$T/src/" &&
	cp "$SRCDIR/src/main.c" "$T/src/src/" &&
	cp -R "$SRCDIR/build-aux" "$T/src/" || { fail "copy configure"; finish; }
cat > "$T/fake/hpdf_version.h" <<'H'
#define HPDF_MAJOR_VERSION 2
#define HPDF_MINOR_VERSION 4
#define HPDF_BUGFIX_VERSION 0
#define HPDF_EXTRA_VERSION ""
#define HPDF_VERSION_TEXT "2.4.0"
#define HPDF_VERSION_ID 20400
H
cd "$T/src" || exit 99
run env CPPFLAGS="-I$T/fake" ./configure --quiet
if [ "$rc" -ne 0 ]; then pass "configure stops on libharu 2.4.0 (exit $rc)"
else fail "configure accepted libharu 2.4.0"; fi
expect_err 'needs libharu \(libhpdf\) 2\.3\.0 exactly' "the message names the version needed"
expect_err 'found headers of version 2\.4\.0' "the message names the version found"
expect_err "Install Debian's libhpdf-dev 2\.3\.0" "the message says what to install"
if [ -e "$T/src/Makefile" ]; then fail "no Makefile written"; else pass "no Makefile written"; fi

finish
