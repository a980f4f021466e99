# track.sh — format version 2's goal metrics, budget phases and tracking
# through `plangen check`: the v2 constructs refused in a version 1 plan,
# --as-of (it replaces meta/as-of; without either the tracking rules do
# not run), the JSON "tracking" member, and `explain` saying so.
# (The rules' fixtures and near misses are in tests/data/rules.)

. "${SRCDIR:?}/tests/e2e/lib.sh"

D="$SRCDIR/tests/data/rules"

# Every v2 construct of this slice in a version 1 plan: "needs version 2".
sed 's/version="2"/version="1"/' "$D/kpi-off-track.xml" > v1.xml
run "$PLANGEN" check v1.xml
expect_rc 1 "v1 plan with actuals fails"
expect_out '^v1\.xml:[0-9]+: error: .*<actual>.* needs version 2 of the plan format' \
    "actual needs version 2"
expect_out '^v1\.xml:[0-9]+: error: a version 1 plan may have only 1 <metric> in <goal>' \
    "two metrics need version 2"
expect_out '^v1\.xml:[0-9]+: error: .*<as-of>.* needs version 2' "as-of needs version 2"
expect_out 'attribute "status" of <action> needs version 2' "action status needs version 2"
expect_out 'attribute "metric" of <kpi> needs version 2' "kpi metric needs version 2"
sed 's/version="2"/version="1"/' "$D/phase-mismatch.xml" > v1b.xml
run "$PLANGEN" check v1b.xml
expect_out '<phase>.* needs version 2' "phase needs version 2"
expect_out 'attribute "display" of <budget> needs version 2' "budget display needs version 2"
sed 's/version="2"/version="1"/' "$D/budget-overspent.xml" > v1c.xml
run "$PLANGEN" check v1c.xml
expect_out 'attribute "spent" of <line> needs version 2' "spent needs version 2"
sed 's/version="2"/version="1"/' "$D/goal-breakdown-mismatch.xml" > v1d.xml
run "$PLANGEN" check v1d.xml
expect_out 'attribute "rollup" of <metric> needs version 2' "rollup needs version 2"
run "$PLANGEN" check --lang zh-CN v1.xml
expect_out '需要' "needs version 2, in Chinese"

# --as-of: the tracking rules run only with an as-of date.
cp "$D/action-overdue-ok.xml" plan.xml
run "$PLANGEN" check plan.xml
expect_rc 0 "no as-of date: no tracking finding"
expect_no_out 'action-overdue' "no as-of: action-overdue does not run"
run "$PLANGEN" check --as-of 2027-06-30 plan.xml
expect_rc 0 "--as-of: warnings only"
expect_out '^plan\.xml:[0-9]+: warning: action A1 \(Launch online booking\) ended on 2027-03-31 but is not done as of 2027-06-30 \[action-overdue\]$' \
    "--as-of: action-overdue fires"
run "$PLANGEN" check --strict --as-of 2027-06-30 plan.xml
expect_rc 1 "--as-of --strict: the warnings fail"
run "$PLANGEN" check --as-of 2027-03-31 plan.xml
expect_no_out 'action-overdue' "an action ending on the as-of day is not late"
run "$PLANGEN" check --as-of 2027-02-30 plan.xml
expect_rc 2 "--as-of with an impossible date"
expect_err "invalid --as-of date '2027-02-30'" "the error names the date"
# --as-of overrides meta/as-of: an earlier date hides a later actual
run "$PLANGEN" check --as-of 2027-07-10 "$D/kpi-off-track.xml"
expect_no_out 'App users' "--as-of earlier than the actual: not judged on it"
expect_out 'KPI "Average wait"' "--as-of keeps what is on or before it"
# budget-overspent needs no as-of date
run "$PLANGEN" check "$D/budget-overspent.xml"
expect_out '\[budget-overspent\]$' "budget-overspent without as-of"

# JSON: tracking status per KPI, metric, action and budget line.
run "$PLANGEN" check --format json "$D/kpi-off-track.xml"
if python3 - "$T/out" <<'PY'
import json, sys
f = json.load(open(sys.argv[1]))["files"][0]["tracking"]
assert f["as_of"] == "2027-07-31", f["as_of"]
st = [k["status"] for k in f["kpis"]]
assert st == ["at-risk", "off-track", "not-judged", "off-track", "not-judged"], st
assert f["kpis"][1]["latest"] == {"date": "2027-07-02", "value": "32.01"}
assert f["kpis"][1]["expected"] == "30"
m = {(x["goal"], x["name"]): x["status"] for x in f["metrics"]}
assert m[("G1", "New patients a month")] == "off-track", m
assert m[("G2", "Wait")] == "at-risk", m
assert m[("G2", "Complaints a month")] == "not-judged", m
assert m[("G3", "App users")] == "at-risk", m
assert f["actions"][0]["status"] == "done"
PY
then pass "JSON tracking: KPI and metric statuses"; else fail "JSON tracking: KPI and metric statuses"; fi
run "$PLANGEN" check --format json --as-of 2027-06-30 "$D/action-overdue-ok.xml"
if python3 - "$T/out" <<'PY'
import json, sys
f = json.load(open(sys.argv[1]))["files"][0]["tracking"]
st = [(a["id"], a["status"], a["progress"]) for a in f["actions"]]
assert st == [("A1", "late", None), ("A2", "late", "80"), ("A3", "done", "100"),
    ("A4", "cancelled", None), ("A5", "in-progress", "95"), ("A6", "planned", None)], st
PY
then pass "JSON tracking: action statuses with --as-of"; else fail "JSON tracking: action statuses"; fi
run "$PLANGEN" check --format json "$D/budget-overspent.xml"
if python3 - "$T/out" <<'PY'
import json, sys
b = json.load(open(sys.argv[1]))["files"][0]["tracking"]["budget"]
assert [(x["spent"], x["overspent"]) for x in b] == [("1000.01", True), ("400.25", False), ("0.00", False)], b
PY
then pass "JSON tracking: budget spent"; else fail "JSON tracking: budget spent"; fi
# a version 1 plan has no tracking member
run "$PLANGEN" check --format json "$D/clean.xml"
expect_no_out '"tracking"' "v1 plan: no tracking member"

# explain says the tracking rules need an as-of date, in both languages.
for r in action-overdue kpi-off-track; do
	run "$PLANGEN" explain "$r"
	expect_out 'only with an as-of date' "explain $r: needs an as-of date"
	run "$PLANGEN" explain --lang zh-CN "$r"
	expect_out '截至日期' "explain $r in Chinese: needs an as-of date"
done
run "$PLANGEN" explain budget-overspent
expect_out 'Needs no as-of date' "explain budget-overspent: no as-of needed"

# scripts/gen-plan N LANG 2 (make bench's v2 rows) writes clean version 2
# plans that hold the tracking parts, and render draws their progress chapter.
for l in en zh-CN; do
	sh "$SRCDIR/scripts/gen-plan" 40 $l 2 > gen2.xml
	run "$PLANGEN" check gen2.xml
	expect_rc 0 "gen-plan 40 $l 2: a clean version 2 plan"
	grep -q '<plan version="2"' gen2.xml && grep -q '<actual ' gen2.xml &&
	    grep -q '<phase ' gen2.xml && grep -q 'status="in-progress"' gen2.xml &&
	    pass "gen-plan 40 $l 2 holds actuals, phases and statuses" ||
	    fail "gen-plan 40 $l 2 lacks the version 2 parts"
done

# v1 scores do not move: the new rules join the score only for v2 plans.
run "$PLANGEN" check "$D/clean.xml"
expect_out 'completeness 75%$' "v1 clean plan keeps its score"

# The progress chapter, the phasing chart and budget/@display in the PDF.
if command -v pdftotext >/dev/null 2>&1; then
	for tpl in default board; do
		run "$PLANGEN" render -t $tpl "$SRCDIR/samples/plan-en.xml" -o en-$tpl.pdf
		expect_rc 0 "render the English sample ($tpl)"
		pdftotext -layout en-$tpl.pdf en.txt
		for want in '[0-9]+ +Progress' 'Where the plan stands as of 30 June 2027' \
		    'How the status is judged' 'On track' 'At risk' '64 → 67' \
		    'Spending by period' 'Total £93\.5k' 'GBP thousands' \
		    'Budget: spent against plan'; do
			if grep -Eq -- "$want" en.txt; then pass "en $tpl: $want"
			else fail "en $tpl: no '$want' in the PDF"; fi
		done
		run "$PLANGEN" render -t $tpl "$SRCDIR/samples/plan-zh-CN.xml" -o zh-$tpl.pdf
		expect_rc 0 "render the Chinese sample ($tpl)"
		pdftotext zh-$tpl.pdf zh.txt
		for want in '进度' '正常' '有风险' '52分钟' '分期支出' '万元' '截至2027年6月30日'; do
			if grep -q -- "$want" zh.txt; then pass "zh $tpl: $want"
			else fail "zh $tpl: no '$want' in the PDF"; fi
		done
	done
	# the scorecard's trend column holds a drawn line: ink in the first
	# row's Trend cell (pdftotext -bbox finds the header; 1 px = 1 pt)
	pdftotext -bbox en-default.pdf en.html
	pdftoppm -gray -r 72 en-default.pdf sc
	ink=$(python3 - en.html <<'PY'
import re, sys
pages = open(sys.argv[1], encoding='utf-8').read().split('<page ')[1:]
word = re.compile(r'xMin="([0-9.]+)" yMin="([0-9.]+)" xMax="([0-9.]+)" yMax="([0-9.]+)">([^<]*)<')
for i, pg in enumerate(pages, 1):
    ws = [(float(a), float(b), float(c), float(d), t) for a, b, c, d, t in word.findall(pg)]
    trend = [w for w in ws if w[4] == 'Trend']
    if not trend or not any(w[4] == 'Actuals' for w in ws):
        continue
    x0, hy = trend[0][0], trend[0][3]
    # the first body row: the first "KPI" below the header
    y0 = min(w[1] for w in ws if w[4] == 'KPI' and w[1] > hy)
    name = 'sc-%0*d.pgm' % (len(str(len(pages))), i)
    d = open(name, 'rb').read()
    parts = d.split(maxsplit=4)
    w, h = int(parts[1]), int(parts[2])
    px = parts[4][-w * h:]
    print(sum(1 for y in range(int(y0), int(y0) + 24)
              for x in range(int(x0) + 2, int(x0) + 40) if px[y * w + x] < 160))
    break
PY
)
	if [ "${ink:-0}" -gt 20 ]; then pass "scorecard: a trend line is drawn ($ink dark px)"
	else fail "scorecard: no trend line drawn in the Trend column ($ink dark px)"; fi
	# off track and late, with a remark recorded with an actual
	run "$PLANGEN" render "$D/kpi-off-track.xml" -o off.pdf
	pdftotext off.pdf off.txt
	grep -q 'Off track' off.txt && pass "off-track KPI shown as Off track" ||
		fail "no 'Off track' in the PDF"
	grep -q 'Half-year count' off.txt && pass "remark of an actual in the PDF" ||
		fail "the remark of an actual is missing"
	# a goal metric's actual may have a remark too: drawn with the KPIs',
	# under the metric's name, in both templates and both languages
	for tpl in default board; do
		run "$PLANGEN" render -t $tpl "$D/kpi-off-track.xml" -o mrem.pdf
		pdftotext -layout mrem.pdf mrem.txt
		if grep -Eq 'G1 · New patients a month +2 Aug(ust)? 2027 +100 +Clinic closed for two weeks' mrem.txt &&
		    grep -Eq 'Indicator +Date +Value +Remark' mrem.txt; then
			pass "$tpl: a metric actual's remark is in the PDF, under the metric"
		else fail "$tpl: a metric actual's remark is missing"; grep -E 'Clinic|Remark' mrem.txt; fi
	done
	rm -rf zs && cp -R "$SRCDIR/samples" zs && chmod -R u+w zs
	sed 's|<actual date="2027-06-26" value="24"/>|<actual date="2027-06-26" value="24">新叫号系统上线</actual>|' \
	    "$SRCDIR/samples/plan-zh-CN.xml" > zs/rem.xml
	run "$PLANGEN" check zs/rem.xml
	expect_out '0 个错误，0 个警告' "zh: a metric actual with a remark is clean"
	for tpl in default board; do
		run "$PLANGEN" render -t $tpl zs/rem.xml -o zrem.pdf
		expect_rc 0 "zh $tpl: renders"
		pdftotext -layout zrem.pdf zrem.txt
		if grep -Eq 'G2 · 周末高峰平均等位时间 +2027年6月26日 +24 +新叫号系统上线' zrem.txt &&
		    grep -Eq '指标 +日期 +数值 +说明' zrem.txt; then
			pass "zh $tpl: a metric actual's remark is in the PDF, under the metric"
		else fail "zh $tpl: a metric actual's remark is missing"; grep -E '新叫号|说明' zrem.txt; fi
	done
	run "$PLANGEN" render --as-of 2027-12-31 "$SRCDIR/samples/plan-en.xml" -o late.pdf
	pdftotext -layout late.pdf late.txt
	grep -q 'Late actions' late.txt && pass "render --as-of: late actions listed" ||
		fail "render --as-of: no late actions"
fi

# version 2: a goal with several metrics: in the goals table each metric's
# name and its baseline -> target start on the same line, and a thin rule
# across both columns separates the metrics (ink between them)
if command -v pdftoppm >/dev/null 2>&1; then
	for l in en zh-CN; do
		for tpl in default board; do
			run "$PLANGEN" render -t $tpl "$SRCDIR/samples/plan-$l.xml" -o gs.pdf
			pdftotext -bbox gs.pdf gs.html
			pdftoppm -gray -r 72 gs.pdf gs
			if [ $l = en ]; then a='Active|4'; b='Employees|900'
			else a='家庭客年到店|186,000'; b='家庭客人均消费|98'; fi
			out=$(python3 - gs.html "$a" "$b" <<'PY'
import glob, re, sys
pages = open(sys.argv[1], encoding='utf-8').read().split('<page ')[1:]
word = re.compile(r'xMin="([0-9.]+)" yMin="([0-9.]+)" xMax="([0-9.]+)" yMax="([0-9.]+)">([^<]*)<')
(n1, v1), (n2, v2) = (s.split('|') for s in sys.argv[2:4])
pgm = sorted(glob.glob('gs-*.pgm'))
for i, pg in enumerate(pages):
    ws = [(float(a), float(b), float(c), float(d), t) for a, b, c, d, t in word.findall(pg)]
    def first(t, after=None):
        for w in ws:
            if w[4].startswith(t) and (after is None or (w[1] >= after[1] - 1 and w[0] > after[2])):
                return w
    hdr = next((w for w in ws if w[4] in ('Baseline', '基线')), None)
    m2 = first(n2)
    if hdr is None or m2 is None:
        continue
    v2w = first(v2, m2)
    m1 = [w for w in ws if w[4].startswith(n1) and w[1] < m2[1] and w[1] > hdr[1]]
    if not m1 or v2w is None:
        print("words not found"); sys.exit(1)
    m1 = m1[-1]
    v1w = first(v1, m1)
    if v1w is None or abs(v1w[1] - m1[1]) > 0.5 or abs(v2w[1] - m2[1]) > 0.5:
        print("not aligned: %r %r / %r %r" % (m1, v1w, m2, v2w)); sys.exit(1)
    # the rule: a row of ink across both columns between the metrics,
    # darker than the cell's own fill
    d = open(pgm[i], 'rb').read()
    parts = d.split(maxsplit=4)
    W, H = int(parts[1]), int(parts[2])
    px = parts[4][-W * H:]
    x0, x1 = int(m2[0]) + 1, int(v2w[2]) - 1
    prev = [w for w in ws if m1[1] <= w[1] < m2[1] - 1 and m2[0] - 1 <= w[0] < x1]
    top = int(max(w[3] for w in prev)) + 1
    fill = px[(int(m2[1]) - 2) * W + x0 - 2]
    best = 0
    for y in range(top, int(m2[1])):
        row = px[y * W + x0:y * W + x1]
        best = max(best, sum(1 for p in row if p < fill - 8) / len(row))
    print("aligned; rule %.0f%% of the width" % (best * 100))
    sys.exit(0 if best > 0.9 else 1)
print("no goals table with %s" % n2); sys.exit(1)
PY
)
			if [ $? -eq 0 ]; then pass "$l $tpl: stacked metrics aligned, rule between ($out)"
			else fail "$l $tpl: stacked metrics: $out"; fi
			rm -f gs-*.pgm
		done
	done
fi

# diff: actuals keyed by date, phases by period, statuses and spent
sed -e 's|<actual date="2027-06-30" value="67"/>||' -e 's|spent="15500"|spent="12000"|' \
    -e 's|progress="55"|progress="40"|' "$SRCDIR/samples/plan-en.xml" > old.xml
run "$PLANGEN" diff old.xml "$SRCDIR/samples/plan-en.xml"
expect_rc 1 "diff: the plans differ"
expect_out 'actual\[2027-06-30\] value — → “67”' "diff: an added actual, keyed by its date"
expect_out 'spent £12,000 → £15,500' "diff: spent"
expect_out 'progress “40” → “55”' "diff: progress"

finish
