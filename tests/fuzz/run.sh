#!/bin/sh
# run.sh SRCDIR BUILDDIR SECONDS HARNESS... — run each built harness for
# SECONDS on its seed corpus (the samples, test data and templates of the
# tree, see seeds() below, plus the regression inputs in
# tests/fuzz/regress/HARNESS) with the XML dictionary tests/fuzz/plan.dict.  New
# inputs go to BUILDDIR/tests/fuzz/work/HARNESS (kept between runs), a
# crash to BUILDDIR/tests/fuzz/crashes/.  Prints the executions of each
# harness; exits 1 if any crashed.
set -u
src=$1 build=$2 secs=$3
shift 3
out=$build/tests/fuzz
status=0
seeds() {	# the directories of the tree that seed harness $1
	case $1 in
	check) echo "$src/samples $src/tests/data/rules" ;;
	render) echo "$src/samples" ;;
	rules) echo "$src/samples/rules $src/tests/data/team" ;;
	template) echo "$src/templates" ;;
	diff) echo "$src/samples $src/tests/data/rules $src/tests/fuzz/seeds/diff" ;;
	image) echo "$src/samples/img $src/tests/data/rules/img" ;;
	esac
}
mkdir -p "$out/crashes"
for h in "$@"; do
	work=$out/work/$h
	mkdir -p "$work"
	dirs="$work $(seeds "$h")"
	[ -d "$src/tests/fuzz/regress/$h" ] && dirs="$dirs $src/tests/fuzz/regress/$h"
	# the regression inputs first, each alone: a fixed crash stays fixed
	if [ -d "$src/tests/fuzz/regress/$h" ] && ls "$src/tests/fuzz/regress/$h" | grep -q .; then
		if ! "$out/fuzz_$h" -runs=0 "$src/tests/fuzz/regress/$h" >"$out/$h.regress.log" 2>&1; then
			echo "fuzz $h: a regression input crashes"; tail -40 "$out/$h.regress.log"; status=1; continue
		fi
	fi
	# shellcheck disable=SC2086
	"$out/fuzz_$h" -max_total_time="$secs" -timeout="${FUZZ_TIMEOUT:-60}" -rss_limit_mb=2048 \
	    -max_len=65536 -dict="$src/tests/fuzz/plan.dict" \
	    -artifact_prefix="$out/crashes/$h-" -print_final_stats=1 \
	    $dirs >"$out/$h.log" 2>&1
	rc=$?
	execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$out/$h.log")
	cov=$(grep -Eo 'cov: [0-9]+' "$out/$h.log" | tail -1)
	if [ $rc -ne 0 ]; then
		echo "fuzz $h: CRASH after ${execs:-?} executions"; tail -60 "$out/$h.log"; status=1
	else
		echo "fuzz $h: ${execs:-?} executions in ${secs}s, $cov, no crash"
	fi
done
exit $status
