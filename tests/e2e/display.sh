#!/bin/sh
# display.sh — <budget display="…">: the PDF prints amounts in millions or
# in 10k as asked, the unit named in the table's heading and the chart's
# labels, in English and Chinese, for CNY and another currency (the file
# keeps exact amounts).  The samples use thousands and 10k (万元).
. "$SRCDIR/tests/e2e/lib.sh"

need_tools pdftotext

# render NAME SAMPLE SED: the sample changed by SED, rendered; its text in NAME.txt
render() {
	sed "$3" "$SRCDIR/samples/$2" > "$1.xml"
	run "$PLANGEN" render "$1.xml" -o "$1.pdf"
	expect_rc 0 "$1: rendered"
	pdftotext "$1.pdf" - 2>/dev/null | tr -s ' \n' '  ' > "$1.txt"
}
# has NAME TEXT: the PDF's text holds TEXT (spaces and line breaks as one space)
has() {
	if grep -qF -- "$2" "$1.txt"; then pass "$1: \"$2\""
	else fail "$1: no \"$2\" in the PDF's text"; fi
}

render en-m plan-en.xml 's/display="thousands"/display="millions"/'
has en-m 'Amount (GBP millions)'
has en-m 'Online booking system licence and set-up A1 0.02 '
has en-m '£0.02M 25.7%'
render en-10k plan-en.xml 's/display="thousands"/display="10k"/'
has en-10k 'Amount (GBP 10k)'
has en-10k '£2.4×10k 25.7%'
render zh-m plan-zh-CN.xml 's/display="10k"/display="millions"/'
has zh-m '金额（百万元）'
has zh-m '¥0.42百万 22.6%'
render zh-usd plan-zh-CN.xml 's/display="10k"/display="millions"/; s/currency="CNY"/currency="USD"/'
has zh-usd '金额（百万 USD）'
has zh-usd '$0.42百万 22.6%'

finish
