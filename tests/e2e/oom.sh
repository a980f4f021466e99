#!/bin/sh
# oom.sh — allocation failure in the real binary, through an LD_PRELOAD
# shim (tests/oomshim.c) that fails one allocation counted among those made
# by one library or by plangen itself: the output is the normal one, or
# there is no output, "out of memory" and exit 2 — never a report with
# parts silently missing, never a PDF written elsewhere.  (tests/unit/
# test_oom.c sweeps every allocation of plangen's own code in-process.)
. "$SRCDIR/tests/e2e/lib.sh"

if ldd "$PLANGEN" 2>/dev/null | grep -q 'libasan'; then
	# ASan's runtime must come first: a preloaded malloc cannot be
	pass "LD_PRELOAD allocation failure (skipped: built with AddressSanitizer)"
	finish
fi
if nm "$PLANGEN" 2>/dev/null | grep -q '__gcov_dump'; then
	# make coverage: gcov's runtime allocates too, at exit
	pass "LD_PRELOAD allocation failure (skipped: a coverage build)"
	finish
fi
need_tools cc
if ! ${CC:-cc} -shared -fPIC -O1 -o "$T/shim.so" "$SRCDIR/tests/oomshim.c" -ldl 2>"$T/err"; then
	fail "cannot build the shim"; cat "$T/err"; finish
fi
SHIM=$T/shim.so

# outcome K ARGS...: one run with allocation K failing; identical to the
# clean run (clean.out, clean.rc) or refused cleanly.  Sets bad=1 if not.
outcome() {
	k=$1; shift
	LD_PRELOAD=$SHIM OOMSHIM_AT=$k "$@" >"$T/k.out" 2>"$T/k.err"
	krc=$?
	if [ $krc -eq "$(cat "$T/clean.rc")" ] && cmp -s "$T/k.out" "$T/clean.out"; then
		return 0
	fi
	if [ $krc -eq 2 ] && ! [ -s "$T/k.out" ] && grep -Eq 'out of memory|内存不足' "$T/k.err"; then
		return 0
	fi
	echo "  allocation $k: exit $krc, $(wc -c < "$T/k.out") bytes of output, stderr: $(head -c 300 "$T/k.err")"
	bad=1
}

# sweep WHAT ARGS...: count the allocations of a clean run, then fail each
# of the first 60 and the last 80 (start-up, and serialisation, which
# comes last) and 40 spread over the rest
sweep() {
	what=$1; shift
	LD_PRELOAD=$SHIM OOMSHIM_COUNT="$T/count" "$@" >"$T/clean.out" 2>/dev/null
	echo $? > "$T/clean.rc"
	n=$(cat "$T/count")
	if [ "${n:-0}" -lt 10 ]; then fail "$what: only ${n:-0} allocations counted"; return; fi
	bad=0 k=0 step=$(( (n - 80) / 40 + 1 ))
	while [ $k -lt "$n" ]; do
		outcome $k "$@"
		if [ $k -ge $((n - 80)) ] || [ $k -lt 60 ]; then k=$((k + 1)); else k=$((k + step)); fi
	done
	if [ $bad -eq 0 ]; then pass "$what: $n allocations, each failure gives the same output or a clean refusal"
	else fail "$what: a failed allocation changed the output silently or crashed"; fi
}

cp "$SRCDIR/tests/data/full.xml" plan.xml
# json-c fails while building or serialising the report: never a document
# with a key or a string silently missing ("$schema": "", "": "2.1.0")
OOMSHIM_IN=libjson-c; export OOMSHIM_IN
sweep "check --format sarif (json-c)" "$PLANGEN" check --format sarif plan.xml
sweep "check --format json (json-c)" "$PLANGEN" check --format json plan.xml

# PCRE2 runs out of memory: "out of memory", never "invalid regular
# expression" or a finding against the plan
OOMSHIM_IN=libpcre2; export OOMSHIM_IN
sweep "check --rules (PCRE2)" "$PLANGEN" check --rules "$SRCDIR/samples/rules/house-style-en.xml" plan.xml
# plangen's own allocations (libxml2's through plangen's allocator among
# them): the schema table failing to load is "out of memory", never a
# [schema] finding against the plan
OOMSHIM_IN=plangen; export OOMSHIM_IN
sweep "check (plangen and libxml2)" "$PLANGEN" check plan.xml
sweep "explain" "$PLANGEN" explain --lang zh-CN
sweep "explain RULE" "$PLANGEN" explain goal-cycle
sweep "init" "$PLANGEN" init --lang en -o -
sweep "rules test" "$PLANGEN" rules test "$SRCDIR/samples/rules/ad-law-zh.xml"

# plangen's own first 40 allocations in render (libxml2's through
# plangen's allocator among them): strdup(optarg) of -o failing must not
# write PLAN.pdf beside the input instead
OOMSHIM_IN=plangen; export OOMSHIM_IN
SOURCE_DATE_EPOCH=1700000000; export SOURCE_DATE_EPOCH
"$PLANGEN" render plan.xml -o clean.pdf 2>/dev/null
bad=0
k=0
while [ $k -lt 40 ]; do
	rm -f out.pdf plan.pdf
	LD_PRELOAD=$SHIM OOMSHIM_AT=$k "$PLANGEN" render plan.xml -o out.pdf >"$T/k.out" 2>"$T/k.err"
	krc=$?
	if [ -e plan.pdf ]; then
		echo "  allocation $k: wrote plan.pdf beside the input"; bad=1
	elif [ $krc -eq 0 ] && cmp -s out.pdf clean.pdf; then :
	elif [ $krc -eq 2 ] && ! [ -e out.pdf ] && grep -Eq 'out of memory|内存不足' "$T/k.err"; then :
	else
		echo "  allocation $k: exit $krc, stderr: $(head -c 300 "$T/k.err")"; bad=1
	fi
	k=$((k + 1))
done
if [ $bad -eq 0 ]; then pass "render: the first allocations failing never write elsewhere or silently"
else fail "render: a failed allocation wrote the PDF elsewhere or went unreported"; fi

finish
