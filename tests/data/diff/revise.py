"""revise.py FULL.xml — write old.xml and new.xml (in the current folder):
two revisions of tests/data/full.xml that differ in every section and by
every kind of change (added, removed, changed, moved), with one finding
fixed (action A1 gets an owner) and one introduced (action A4 has no
budget line).  Used by tests/e2e/diff.sh."""
import sys
src = open(sys.argv[1], encoding='utf-8').read()
def sub(s, a, b, count=1):
    assert s.count(a) >= 1, a
    return s.replace(a, b, count)
# OLD: full.xml with action A1's owner missing (an action-no-owner warning)
old = sub(src, '<action id="A1" goals="G2" owner="Jonas Bauer"', '<action id="A1" goals="G2"')
new = src
new = sub(new, 'Marketing Plan 2027</title>', 'Marketing Plan 2027, revision 2</title>')
new = sub(new, '<year label="2027" value="820" plan="true"/>', '<year label="2027" value="840" plan="true"/>')
new = sub(new, 'Sign 40 office subscription customers by the end of the year.', 'Sign 45 office subscription customers by the end of the year.')
new = sub(new, 'name="Offices" share="45.5"', 'name="Offices" share="45"')
new = sub(new, '      <competitor id="C2" name="Bohnenwerk" share="9.5" sales="310">An independent roaster that sells mostly online.</competitor>\n', '')
new = sub(new, '      <position competitor="C2" x="70" y="85" label="Bohnenwerk (online)"/>\n', '')
s2 = '    <strength id="S2">A loyal base of 1,900 stamp-card holders.</strength>\n'
new = sub(new, s2, '')
new = sub(new, '    <weakness id="W1">', s2 + '    <weakness id="W1">')
new = sub(new, 'baseline="6" target="40" unit="customers"', 'baseline="6" target="45" unit="customers"')
new = sub(new, 'owner="Mia Schulz" due="2027-06-30"', 'owner="Mia Schulz" due="2027-07-31"')
new = sub(new, 'is the roaster next door', 'is the roastery next door')
new = sub(new, '<price>Subscriptions from EUR 89 a month', '<price>Subscriptions from EUR 95 a month')
new = sub(new, '<customer>Receives the beans at the office</customer>', '<customer>Receives the beans at the office by 10am</customer>')
a1s = new.index('    <action id="A1"'); a1e = new.index('</action>', a1s) + len('</action>\n')
a1 = new[a1s:a1e]; new = new[:a1s] + new[a1e:]
new = sub(new, '  </actions>', a1 + '''    <action id="A4" goals="G2" owner="Jonas Bauer" start="2027-06-01" end="2027-06-30" category="pr">
      <title>Open day at the roastery</title>
    </action>
  </actions>''')
new = sub(new, '<budget total="61400.75">', '<budget total="63400.75">')
new = sub(new, '<line category="Sales" amount="24000"', '<line category="Sales" amount="26000"')
new = sub(new, 'frequency="weekly" target="under 4 minutes">Average morning wait</kpi>', 'frequency="weekly" target="under 4 minutes">Average morning wait, 8 to 9am</kpi>')
new = sub(new, '    <risk likelihood="low" impact="low">The cargo bike breaks down</risk>\n', '')
open('old.xml', 'w', encoding='utf-8').write(old)
open('new.xml', 'w', encoding='utf-8').write(new)
