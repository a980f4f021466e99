#!/bin/sh
# cli-usage.sh — every command's usage: --help prints it on stdout (exit 0);
# an unknown option, a missing or an extra argument prints it on stderr with
# the hint to 'plangen --help' (exit 2), in English and, under a Chinese
# locale, in Chinese.  Every command whose output cannot be written (a full
# disk: /dev/full) says so once, in the user's language, and exits 2: check
# --format json, templates, --help and --version exited 0, and check, diff
# and explain exited 2 without a word.
. "$SRCDIR/tests/e2e/lib.sh"

cp "$SRCDIR/samples/plan-en.xml" plan.xml
usage() {	# DESC ARGS...: exit 2, "usage: plangen CMD" and the hint on stderr
	d=$1; shift
	run "$PLANGEN" "$@"
	expect_rc 2 "$d"
	expect_err "^usage: plangen $1( |\$)" "$d: the usage"
	expect_err "^Try 'plangen --help' for more information\.\$" "$d: the hint"
	if [ -s out ]; then fail "$d: nothing on stdout"; else pass "$d: nothing on stdout"; fi
}
for c in check render watch diff templates init explain schema; do
	usage "$c: an unknown option" "$c" --no-such-option
	run "$PLANGEN" "$c" --help
	expect_rc 0 "$c --help"
	expect_out "^usage: plangen $c( |\$)" "$c --help: the usage on stdout"
done
run "$PLANGEN" rules --help
expect_rc 0 "rules --help"
expect_out '^usage: plangen rules test FILE' "rules --help: the usage on stdout"

usage "schema: an argument" schema extra
usage "templates: two names" templates a b
usage "init: two files" init a b
usage "explain: two rules" explain a b
usage "rules: no subcommand" rules
usage "rules test: no file" rules test
usage "rules: an unknown subcommand" rules bogus x
usage "diff: one plan" diff plan.xml
usage "watch: no plan" watch
usage "check: no plan" check

# in Chinese (the locale)
run env LC_ALL= LC_MESSAGES= LANG=zh_CN.UTF-8 "$PLANGEN" schema extra
expect_rc 2 "zh: schema with an argument"
expect_err '^用法：plangen schema$' "zh: the usage in Chinese"
expect_err "^详见 'plangen --help'。\$" "zh: the hint in Chinese"

# output that cannot be written
if [ -w /dev/full ]; then
	for a in "schema" "templates --show default" "templates" "explain placeholder-text" \
	    "explain" "check plan.xml" "check --format json plan.xml" "diff plan.xml plan.xml" \
	    "--help" "--version" "init -o -" "render plan.xml -o -"; do
		# shellcheck disable=SC2086
		run sh -c "\"\$0\" $a >/dev/full" "$PLANGEN"
		expect_rc 2 "$a to a full disk"
		expect_err '^plangen: cannot write to standard output: No space left on device$' "$a to a full disk: said"
		[ "$(grep -c . err)" -eq 1 ] && pass "$a to a full disk: said once" || fail "$a to a full disk: $(cat err)"
		case $a in render*) continue ;; esac	# render speaks the plan's language
		# shellcheck disable=SC2086
		run env LC_ALL= LC_MESSAGES= LANG=zh_CN.UTF-8 sh -c "\"\$0\" $a >/dev/full" "$PLANGEN"
		expect_rc 2 "$a to a full disk (zh)"
		expect_err '^plangen: 无法写到标准输出：磁盘空间已满$' "$a to a full disk: said in Chinese"
	done
else
	pass "# SKIP no /dev/full"
fi
finish
