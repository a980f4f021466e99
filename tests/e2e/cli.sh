#!/bin/sh
# cli.sh — the command line: usage errors, --help, --version, missing files.
. "$SRCDIR/tests/e2e/lib.sh"

run "$PLANGEN"
expect_rc 2 "no arguments is a usage error"
expect_err '^usage: plangen' "usage line printed"

run "$PLANGEN" --version
expect_rc 0 "--version"
expect_out '^plangen [0-9]+\.[0-9]+' "--version prints the version"

run "$PLANGEN" --help
expect_rc 0 "--help"
expect_out 'check' "--help lists check"

run "$PLANGEN" frobnicate
expect_rc 2 "unknown command"
expect_err "unknown command 'frobnicate'" "unknown command named"

run "$PLANGEN" check
expect_rc 2 "check without files"

run "$PLANGEN" check --no-such-option x.xml
expect_rc 2 "unknown option"

run "$PLANGEN" check missing.xml
expect_rc 2 "missing file"
expect_err 'cannot read missing.xml: No such file' "missing file named"

mkdir adir
run "$PLANGEN" check adir
expect_rc 2 "directory as input"
expect_err 'adir: it is a directory' "directory named"

finish
