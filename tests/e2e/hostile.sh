#!/bin/sh
# hostile.sh — ../shared/notes/hostile-input.md, cases 1–10: each gets a clear
# xml-syntax message with file and line, exit 1, quickly, and never shows a
# local file's content.
. "$SRCDIR/tests/e2e/lib.sh"

secret=$(head -c 64 /etc/passwd | head -n 1)

hostile() {	# NAME DESC LINE-REGEX: the file NAME must fail with xml-syntax
	run timeout 5 "$PLANGEN" check "$1"
	expect_rc 1 "$2"
	expect_out "^$1:[0-9]+: error: .*\[xml-syntax\]\$" "$2: xml-syntax finding with a line"
	expect_no_out 'root:' "$2: no local file content"
}

cat > xxe-file.xml <<'X'
<?xml version="1.0"?>
<!DOCTYPE plan [ <!ENTITY x SYSTEM "file:///etc/passwd"> ]>
<plan version="1"><meta><title>&x;</title></meta></plan>
X
hostile xxe-file.xml "external file entity (1)"
expect_out '^xxe-file.xml:2: .*DOCTYPE' "DOCTYPE refused at its line"

sed 's#file:///etc/passwd#http://127.0.0.1:9/x#' xxe-file.xml > xxe-http.xml
hostile xxe-http.xml "external http entity (2)"
if command -v strace >/dev/null 2>&1 && strace -f -o /dev/null true 2>/dev/null; then
	strace -f -e trace=network -o trace.txt "$PLANGEN" check xxe-http.xml >/dev/null 2>&1
	if grep -Eq 'connect|socket\(AF_INET' trace.txt; then fail "no network system call (2)"
	else pass "no network system call (2)"; fi
fi

cat > ext-dtd.xml <<'X'
<?xml version="1.0"?>
<!DOCTYPE plan SYSTEM "file:///etc/passwd">
<plan version="1"/>
X
hostile ext-dtd.xml "external DTD (3)"

cat > ext-pe.xml <<'X'
<!DOCTYPE plan [ <!ENTITY % pe SYSTEM "file:///etc/passwd"> %pe; ]>
<plan version="1"/>
X
hostile ext-pe.xml "external parameter entity (3)"

{
	echo '<?xml version="1.0"?>'
	echo '<!DOCTYPE lolz ['
	echo '<!ENTITY lol "lol">'
	i=1; prev=lol
	while [ $i -le 9 ]; do
		echo "<!ENTITY lol$i \"&$prev;&$prev;&$prev;&$prev;&$prev;&$prev;&$prev;&$prev;&$prev;&$prev;\">"
		prev=lol$i; i=$((i + 1))
	done
	echo ']>'
	echo '<plan version="1"><meta><title>&lol9;</title></meta></plan>'
} > laughs.xml
hostile laughs.xml "billion laughs (4)"

printf '<plan version="1"><meta><title>&undefined;</title></meta></plan>\n' > undef-entity.xml
hostile undef-entity.xml "undeclared entity"

awk 'BEGIN { for (i = 0; i < 300; i++) printf "<a>"; for (i = 0; i < 300; i++) printf "</a>"; print "" }' > deep300.xml
hostile deep300.xml "nesting 300 deep (5)"
expect_out 'nested more than 256 deep' "nesting said in the plan's terms"
awk 'BEGIN { for (i = 0; i < 200000; i++) printf "<a>"; print "" }' > deep200k.xml
hostile deep200k.xml "nesting 200,000 deep (5)"

awk 'BEGIN { printf "<plan version=\"1\"><meta><title>"; s = "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"; for (i = 0; i < 120000; i++) printf "%s", s; print "</title></meta></plan>" }' > bigtext.xml
hostile bigtext.xml "12 MB text node (6)"
expect_out '^bigtext.xml:1: error: .*longer than 10,000,000 characters' "huge text node said in the plan's terms"

awk 'BEGIN { printf "<plan version=\"1\" lang=\""; s = "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"; for (i = 0; i < 120000; i++) printf "%s", s; print "\"/>" }' > bigattr.xml
hostile bigattr.xml "12 MB attribute (6)"

awk 'BEGIN { printf "<"; for (i = 0; i < 60000; i++) printf "n"; print "/>" }' > bigname.xml
hostile bigname.xml "60 KB element name (6)"

awk 'BEGIN { printf "<plan version=\"1\""; for (i = 0; i < 50000; i++) printf " a%d=\"x\"", i; print "/>" }' > attrs.xml
hostile attrs.xml "50,000 attributes (7)"
expect_out 'more than 256 attributes' "attribute cap named"

printf '<plan version="1" xmlns:xi="http://www.w3.org/2001/XInclude"><xi:include href="/etc/passwd" parse="text"/></plan>\n' > xinclude.xml
run "$PLANGEN" check xinclude.xml
expect_no_out 'root:' "xi:include never expanded (9)"

printf '<plan version="1"><meta><title>caf\351</title></meta></plan>\n' > latin1.xml
hostile latin1.xml "invalid UTF-8 (10)"
expect_out 'UTF-8' "UTF-8 named"

printf '<plan version="1">\n<meta>\000</meta></plan>\n' > nul.xml
hostile nul.xml "NUL byte (10)"
expect_out '^nul.xml:2:' "NUL byte at its line"

printf '\377\376<\000p\000/\000>\000' > utf16.xml
hostile utf16.xml "UTF-16 input (10)"

printf '<?xml version="1.0" encoding="ISO-8859-1"?>\n<plan version="1"/>\n' > enc.xml
hostile enc.xml "non-UTF-8 encoding declaration (10)"

printf '<plan version="1"><meta><title>&#1;</title></meta></plan>\n' > charref.xml
hostile charref.xml "&#1; (10)"

: > empty.xml
hostile empty.xml "empty file (10)"
expect_out '^empty.xml:1: error: .*empty' "empty file says so"

printf '<plan version="1">\n<meta>\n<title>Tru' > truncated.xml
hostile truncated.xml "truncated file (10)"
expect_out '^truncated.xml:3: error: .*ends before <title> \(opened on line 3\).*truncated' "truncated file at its last line, named"

printf '<plan version="1">\n<meta><title>x</titel></meta></plan>\n' > mismatch.xml
hostile mismatch.xml "mismatched tags"
expect_out '^mismatch.xml:2: error: .*</titel> does not close <title> \(opened on line 2\)' "mismatch names both tags"

head -c 4096 /bin/sh > garbage.xml
run timeout 5 "$PLANGEN" check garbage.xml
expect_rc 1 "binary garbage (10)"

# The pre-scan's findings name the right line wherever the problem is.
printf '\357\273\277<plan version="1">\n<!-- caf\351 -->\n</plan>\n' > bomcomment.xml
hostile bomcomment.xml "invalid UTF-8 in a comment after a BOM (10)"
expect_out '^bomcomment.xml:2: .*UTF-8' "invalid UTF-8 at its line"
printf '<?xml version="1.0"?>\n<!-- a\n comment -->\n<!DOCTYPE plan>\n<plan/>\n' > doctype4.xml
hostile doctype4.xml "DOCTYPE after a comment (1)"
expect_out '^doctype4.xml:4: .*DOCTYPE' "DOCTYPE at its line"
awk 'BEGIN { printf "<plan version=\"1\">\n<meta>\n<title"; for (i = 0; i < 300; i++) printf "\n a%d=\"x\"", i; print "/></meta></plan>" }' > attrlines.xml
hostile attrlines.xml "300 attributes on 300 lines (7)"
expect_out '^attrlines.xml:3: .*more than 256 attributes' "attribute cap at the line of the tag"

# libxml2's own words ("Excessive depth in document: 256 use
# XML_PARSE_HUGE option", "xmlSAX2Characters: huge text node") never reach
# the user, in either language
for f in deep300.xml bigtext.xml bigattr.xml; do
	run timeout 5 "$PLANGEN" check --lang zh-CN "$f"
	expect_rc 1 "$f in Chinese"
	expect_out "^$f:[0-9]+: 错误: XML 格式错误：.*(嵌套超过 256 层|超过 1000 万个字符)" "$f: said in Chinese"
	expect_no_out 'Excessive|XML_PARSE_HUGE|xmlSAX2|huge|Huge|too long|too big' "$f: no libxml2 English"
done
run timeout 5 "$PLANGEN" check bigattr.xml
expect_no_out 'Excessive|XML_PARSE_HUGE|xmlSAX2|huge|Huge|too long|too big' "bigattr.xml: no libxml2 English"

printf 'x' | gzip -c > gz.xml
run timeout 5 "$PLANGEN" check gz.xml
expect_rc 1 "gzip input is not unpacked"

finish
