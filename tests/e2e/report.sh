#!/bin/sh
# report.sh — the output formats of `plangen check` (text, JSON, SARIF,
# GitHub), --quiet, --format errors, `plangen explain` and the man page.
. "$SRCDIR/tests/e2e/lib.sh"

D="$SRCDIR/tests/data/team"
HS="$SRCDIR/samples/rules/house-style-en.xml"
cp "$D/plan-en-bad.xml" bad.xml
cp "$D/plan-en.xml" good.xml
# line numbers of the elements the house-style rules report at
L_GOAL=$(grep -n 'Try to raise' bad.xml | cut -d: -f1)
L_PROMO=$(grep -n '<promotion>The best' bad.xml | cut -d: -f1)
L_A2=$(grep -n '<action id="A2"' bad.xml | cut -d: -f1)

# py SCRIPT DESC: run python3 on $T/out (as variable `doc`, parsed JSON); it
# exits non-zero (with a message) when an assertion fails.
py() {
	if python3 - "$T/out" "$@" >"$T/py" 2>&1 <<PYEOF
import json, sys
doc = json.load(open(sys.argv[1], encoding="utf-8"))
$1
PYEOF
	then pass "$2"
	else fail "$2"; sed 's/^/  py: /' "$T/py"; fi
}

## ---- JSON ------------------------------------------------------------------

run "$PLANGEN" check --format json --rules "$HS" bad.xml
expect_rc 0 "json: warnings only, exit 0"
py "
assert doc['tool']['name'] == 'plangen', doc['tool']
assert doc['tool']['version'], doc['tool']
assert len(doc['files']) == 1
f = doc['files'][0]
assert f['file'] == 'bad.xml', f['file']
team = [x for x in f['findings'] if x['rule'] in ('goal-weak-verb', 'unproven-superlative', 'action-needs-measure')]
got = sorted((x['rule'], x['line']) for x in team)
want = sorted([('goal-weak-verb', $L_GOAL), ('unproven-superlative', $L_PROMO), ('action-needs-measure', $L_A2)])
assert got == want, got
for x in f['findings']:
    assert set(x) == {'rule', 'severity', 'line', 'message', 'accepted'}, x
    assert x['severity'] in ('error', 'warning')
    assert x['accepted'] is False
for x in team:
    assert x['severity'] == 'warning'
a2 = [x for x in team if x['rule'] == 'action-needs-measure'][0]
assert a2['message'] == 'action A2 has no <measure>: say how its result is counted', a2
c = f['counts']
assert c['errors'] == sum(1 for x in f['findings'] if x['severity'] == 'error' and not x['accepted'])
assert c['warnings'] == sum(1 for x in f['findings'] if x['severity'] == 'warning' and not x['accepted'])
assert c['warnings'] >= 3 and c['accepted'] == 0, c
assert 'completeness' in f
assert f['completeness'] is None or 0 <= f['completeness'] <= 100
assert doc['counts'] == c, doc['counts']
lines = [x['line'] for x in f['findings']]
assert lines == sorted(lines), lines
" "json: tool, file, findings (rule, severity, line, message, accepted), counts"

run "$PLANGEN" check --format json --strict --rules "$HS" bad.xml
expect_rc 1 "json --strict: warnings fail"

# several files: one document, a files array, totals
printf '<plan version="1">\n  <meta>\n</plan>\n' > broken.xml
run "$PLANGEN" check --format json --rules "$HS" good.xml bad.xml broken.xml
expect_rc 1 "json: a broken file makes the run fail"
py "
assert [f['file'] for f in doc['files']] == ['good.xml', 'bad.xml', 'broken.xml']
br = doc['files'][2]
assert [x['rule'] for x in br['findings']] == ['xml-syntax'], br['findings']
assert br['findings'][0]['line'] == 3, br['findings'][0]
assert br['counts']['errors'] == 1
assert br['completeness'] is None
for k in ('errors', 'warnings', 'accepted'):
    assert doc['counts'][k] == sum(f['counts'][k] for f in doc['files']), k
assert not [x for x in doc['files'][0]['findings'] if x['rule'] in ('goal-weak-verb', 'unproven-superlative', 'action-needs-measure')]
" "json: several files in one document, totals add up, xml-syntax with its line"

# accepted findings: listed with accepted=true, not counted
sed "s|^\( *\)<action id=\"A2\"|\1<?plangen accept action-needs-measure?>\n&|" bad.xml > accepted.xml
run "$PLANGEN" check --format json --rules "$HS" accepted.xml
if grep -q '"accepted": true' "$T/out"; then
	py "
f = doc['files'][0]
acc = [x for x in f['findings'] if x['accepted']]
assert [(x['rule'], x['line']) for x in acc] == [('action-needs-measure', $L_A2 + 1)], acc
assert f['counts']['accepted'] == 1, f['counts']
assert f['counts']['warnings'] == sum(1 for x in f['findings'] if x['severity'] == 'warning' and not x['accepted'])
" "json: an accepted team-rule finding is listed as accepted and not counted"
	run "$PLANGEN" check --rules "$HS" accepted.xml
	expect_no_out 'action-needs-measure' "text: the accepted finding is not printed"
else
	echo "# accept instructions are not applied in this build (rules branch); skipped"
fi

## ---- SARIF -------------------------------------------------------------------

"$PLANGEN" explain --lang en | awk '{print $1}' > ids
run "$PLANGEN" check --format sarif --rules "$HS" bad.xml broken.xml
expect_rc 1 "sarif: exit status as for text"
py "
def byname_ok(rules):
    for r in rules:
        assert r['name'] != r['id'] or '-' not in r['id'], r['id']
        assert r['name'][0].isupper(), r
    return True
ids = open('ids').read().split()
assert len(ids) == 40, ids
assert doc['version'] == '2.1.0'
assert doc['\$schema'].startswith('https://')
assert len(doc['runs']) == 1
run = doc['runs'][0]
drv = run['tool']['driver']
assert drv['name'] == 'plangen' and drv['version']
rids = [r['id'] for r in drv['rules']]
for i in ids + ['goal-weak-verb', 'unproven-superlative', 'action-needs-measure']:
    assert i in rids, i
assert len(set(rids)) == len(rids)
assert byname_ok(drv['rules'])
for r in drv['rules']:
    assert r['shortDescription']['text'] and r['fullDescription']['text'] and r['help']['text'], r['id']
    assert r['defaultConfiguration']['level'] in ('error', 'warning'), r['id']
byid = {r['id']: r for r in drv['rules']}
assert byid['goal-not-measurable']['defaultConfiguration']['level'] == 'error'
assert byid['action-no-owner']['defaultConfiguration']['level'] == 'warning'
assert byid['action-needs-measure']['defaultConfiguration']['level'] == 'warning'
res = run['results']
seen = set()
for r in res:
    assert rids[r['ruleIndex']] == r['ruleId'], r
    assert r['level'] in ('error', 'warning')
    assert r['message']['text']
    pl = r['locations'][0]['physicalLocation']
    assert pl['artifactLocation']['uri'] in ('bad.xml', 'broken.xml')
    if 'region' in pl:
        assert pl['region']['startLine'] >= 1
    seen.add((r['ruleId'], pl['artifactLocation']['uri'], pl.get('region', {}).get('startLine')))
assert ('action-needs-measure', 'bad.xml', $L_A2) in seen, seen
assert ('goal-weak-verb', 'bad.xml', $L_GOAL) in seen, seen
assert ('xml-syntax', 'broken.xml', 3) in seen, seen
assert [r['level'] for r in res if r['ruleId'] == 'xml-syntax'] == ['error']
assert not [r for r in res if 'suppressions' in r]
" "sarif: version, one run, driver rules with every id, results with ruleId/ruleIndex/level/message/location"

if [ -f accepted.xml ] && "$PLANGEN" check --format json --rules "$HS" accepted.xml | grep -q '"accepted": true'; then
	run "$PLANGEN" check --format sarif --omit-accepted --rules "$HS" accepted.xml
	py "
res = doc['runs'][0]['results']
assert 'action-needs-measure' not in [r['ruleId'] for r in res], res
assert not [r for r in res if 'suppressions' in r]
" "sarif --omit-accepted: accepted findings left out (code scanning would show them as open alerts)"
	run "$PLANGEN" check --format sarif --rules "$HS" accepted.xml
	py "
res = doc['runs'][0]['results']
sup = [r for r in res if r['suppressions']]
assert [r['ruleId'] for r in sup] == ['action-needs-measure'], sup
assert sup[0]['suppressions'] == [{'kind': 'inSource'}]
assert all('suppressions' in r for r in res), res
" "sarif: accepted findings listed, suppressions on every result, inSource on the accepted one"
fi

## ---- GitHub ------------------------------------------------------------------

run "$PLANGEN" check --format github --rules "$HS" bad.xml
expect_rc 0 "github: warnings only, exit 0"
expect_out "^::warning file=bad\\.xml,line=$L_A2,title=action-needs-measure::action A2 has no <measure>: say how its result is counted\$" \
    "github: a warning as a ::warning command"
expect_out "^::warning file=bad\\.xml,line=$L_GOAL,title=goal-weak-verb::goal G1 is hedged \\(\"Try to\"\\): state what will be achieved\$" \
    "github: message keeps : in data"
expect_out '^bad\.xml: [0-9]+ errors?, [0-9]+ warnings?' "github: then the summary line"
if grep -v '^::' "$T/out" | grep -qv '^bad\.xml: '; then fail "github: only commands and the summary"; else pass "github: only commands and the summary"; fi

cp broken.xml 'a,b:c%.xml'
run "$PLANGEN" check --format github 'a,b:c%.xml'
expect_rc 1 "github: errors exit 1"
expect_out '^::error file=a%2Cb%3Ac%25\.xml,line=3,title=xml-syntax::not well-formed XML' \
    "github: ::error, properties escape , : %"

cat > pct.xml <<'XEOF'
<?xml version="1.0" encoding="UTF-8"?>
<rules version="1">
  <rule id="pct" severity="error" select="//title">
    <message>100% sure, {text}</message>
    <require pattern="^$"/>
  </rule>
</rules>
XEOF
run "$PLANGEN" check --format github --rules pct.xml good.xml
expect_out '^::error file=good\.xml,line=4,title=pct::100%25 sure, Harbour Hotel Marketing Plan 2026$' \
    "github: data escapes % but keeps ,"

## ---- --quiet and --format errors ------------------------------------------------

run "$PLANGEN" check --quiet --rules "$HS" bad.xml
expect_rc 0 "quiet: exit status unchanged"
if [ "$(wc -l < "$T/out")" -eq 1 ] && grep -Eq '^bad\.xml: [0-9]+ errors?, [3-9][0-9]* warnings?' "$T/out"; then
	pass "quiet: only the summary line"
else fail "quiet: only the summary line"; cat "$T/out"; fi
run "$PLANGEN" check --quiet --format github --rules "$HS" bad.xml good.xml
if [ "$(wc -l < "$T/out")" -eq 2 ] && ! grep -q '^::' "$T/out"; then pass "quiet github: summary lines only"
else fail "quiet github: summary lines only"; cat "$T/out"; fi

run "$PLANGEN" check --rules "$HS" bad.xml
expect_out "^bad\\.xml:$L_PROMO: warning: promotion claims \"best\": cite the evidence or drop the claim \\[unproven-superlative\\]\$" \
    "text: compiler-style line"

run "$PLANGEN" check --format xml good.xml
expect_rc 2 "bad --format is a usage error"
expect_err "unknown format 'xml'" "bad --format named"
run "$PLANGEN" check --format good.xml
expect_rc 2 "--format without a file"

## ---- explain ----------------------------------------------------------------------

run "$PLANGEN" explain --lang en
expect_rc 0 "explain lists the rules"
if [ "$(wc -l < "$T/out")" -eq 40 ]; then pass "explain lists 40 rules"; else fail "explain lists 40 rules"; fi
expect_out '^goal-not-measurable +error +A quantitative goal' "explain list: id, severity, description"

bad=0
for id in $(cat ids); do
	for l in en zh-CN; do
		"$PLANGEN" explain --lang $l "$id" > ex.txt 2>&1 || { bad=1; echo "# explain $id --lang $l failed"; }
		head -1 ex.txt | grep -q "^$id — " || { bad=1; echo "# explain $id $l: first line"; }
		if [ $l = en ]; then
			grep -q '^What it checks:' ex.txt && grep -q '^Why it matters:' ex.txt &&
			    grep -q '^How to fix it:' ex.txt || { bad=1; echo "# explain $id en: sections"; }
		else
			grep -q '^检查内容：' ex.txt && grep -q '^为什么重要：' ex.txt &&
			    grep -q '^如何修改：' ex.txt || { bad=1; echo "# explain $id zh: sections"; }
		fi
		[ "$(wc -l < ex.txt)" -ge 10 ] || { bad=1; echo "# explain $id $l: too short"; }
	done
done
[ $bad -eq 0 ] && pass "explain: every rule in English and Chinese" || fail "explain: every rule in English and Chinese"

run "$PLANGEN" explain --lang zh-CN mix-incomplete
expect_out '7P' "explain zh: Chinese text"
expect_out '人员、过程和有形展示' "explain zh: 7Ps of services"
run env LANG=zh_CN.UTF-8 LC_ALL= LC_MESSAGES= "$PLANGEN" explain mix-incomplete
expect_out '^如何修改：' "explain: language from LANG"
run "$PLANGEN" explain no-such-rule
expect_rc 2 "explain unknown rule"
expect_err "unknown rule 'no-such-rule'" "explain unknown rule named"
expect_err '^  fail-point-no-recovery$' "explain unknown rule lists the valid ids"
run "$PLANGEN" explain --lang fr schema
expect_rc 2 "explain unknown language"

## ---- the man page -------------------------------------------------------------------

MAN="$BUILDDIR/doc/plangen.1"
if [ -f "$MAN" ]; then
	pass "man page built"
	if grep -q '@[A-Za-z]*@' "$MAN"; then fail "man page: placeholders left"; else pass "man page: no placeholders left"; fi
	bad=0
	for id in $(cat ids); do
		grep -q "^\\.BR $(printf %s "$id" | sed 's/-/\\\\-/g') " "$MAN" || { bad=1; echo "# $id missing"; }
	done
	[ $bad -eq 0 ] && pass "man page: DIAGNOSTICS lists every rule" || fail "man page: DIAGNOSTICS lists every rule"
	if command -v man >/dev/null 2>&1; then
		run env MANWIDTH=80 man -l "$MAN"
		expect_rc 0 "man -l renders the page"
		expect_out '^DIAGNOSTICS' "man page has DIAGNOSTICS"
		expect_out 'fail-point-no-recovery \(warning\)' "man page renders a rule entry"
		expect_out '^EXIT STATUS' "man page has EXIT STATUS"
	else
		echo "# man not installed; rendering not checked"
	fi
else
	fail "man page built ($MAN)"
fi

finish
