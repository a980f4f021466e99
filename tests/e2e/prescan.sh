#!/bin/sh
# prescan.sh — the reader's pass over a plan's raw bytes before libxml2
# sees them (src/read/xml_read.c, prescan): what it lets through (a UTF-8
# byte order mark, encoding="utf-8" in any case, a CDATA section, a
# comment or processing instruction holding "<!DOCTYPE", "-", "]]" or ">",
# a quoted ">" in an attribute) and what it refuses, in English and
# Chinese, at its line, with exit 1 and nothing else checked.
. "$SRCDIR/tests/e2e/lib.sh"

need_tools pdftotext

# the sample with its <title> replaced by $1 and its XML declaration by $2
sample() {
	python3 - "$SRCDIR/samples/plan-en.xml" "$1" "$2" <<'PY'
import sys
s = open(sys.argv[1], encoding="utf-8").read()
s = s.replace("Brightwell Physiotherapy Marketing Plan 2027", sys.argv[2], 1)
s = s.replace('<?xml version="1.0" encoding="UTF-8"?>', sys.argv[3], 1)
sys.stdout.write(s)
PY
}

## ---- what passes ------------------------------------------------------------

# a CDATA section: its "<", "&", "]]" and "<!DOCTYPE" are text
sample 'Plan <![CDATA[for <AT&T> ]] and <!DOCTYPE x> ]x]>]]> 2027' \
    '<?xml version="1.0" encoding="utf-8"?>' > cdata.xml
run "$PLANGEN" check cdata.xml
expect_rc 0 "a CDATA section in the title"
expect_no_out 'xml-syntax|DOCTYPE' "CDATA: no syntax finding"
run "$PLANGEN" render cdata.xml -o cdata.pdf
expect_rc 0 "CDATA: rendered"
pdftotext -l 1 cdata.pdf cdata.txt 2>/dev/null
if tr -d '\n ' < cdata.txt | grep -qF 'Planfor<AT&T>]]and<!DOCTYPEx>]x]>2027'; then
	pass "CDATA: the title's text as written, on the cover"
else fail "CDATA: the cover lacks the title's text"; head -20 cdata.txt | sed 's/^/  /'; fi

# a UTF-8 byte order mark; encoding='Utf-8' in single quotes, spaces around =;
# comments and instructions holding what would otherwise be refused
{ printf '\357\273\277'
  sample 'Plan 2027 <!-- a - b - no <!DOCTYPE here ->-->' \
    "<?xml version='1.0' encoding = 'Utf-8'?>"; } > bom.xml
sed -i 's|<plan version="2"|<?note a ? b > c <!DOCTYPE d ?>\n&|' bom.xml
run "$PLANGEN" check bom.xml
expect_rc 0 "a BOM, encoding='Utf-8', a comment and an instruction holding <!DOCTYPE"
expect_out '^bom\.xml: 0 errors, 0 warnings' "BOM: the plan checks clean"

## ---- what is refused --------------------------------------------------------

# refused NAME LINE ZH-REGEX EN-REGEX: NAME.xml is refused at LINE, in
# Chinese (--lang zh-CN: the file cannot tell) and English, and nothing else
refused() {
	run "$PLANGEN" check --lang zh-CN "$1.xml"
	expect_rc 1 "$1: exit 1"
	expect_out "^$1\\.xml:$2: 错误: $3 \\[xml-syntax\\]\$" "$1 in Chinese, at line $2"
	run "$PLANGEN" check --lang en "$1.xml"
	expect_rc 1 "$1 (en): exit 1"
	expect_out "^$1\\.xml:$2: error: $4 \\[xml-syntax\\]\$" "$1 in English, at line $2"
	n=$(grep -c '\[' "$T/out")
	[ "$n" -eq 1 ] && pass "$1: one finding only" || fail "$1: $n findings"
}

printf '\376\377\000<\000p\000/\000>' > utf16be.xml
refused utf16be 1 '文件是 UTF-16 编码：计划书必须存为 UTF-8（在编辑器中“另存为”，编码选 UTF-8）' \
    'the file is saved as UTF-16: a plan must be saved as UTF-8 \(in your editor: Save As, encoding UTF-8\)'
printf '\377\376<\000p\000/\000>\000' > utf16le.xml
refused utf16le 1 '文件是 UTF-16 编码.*' 'the file is saved as UTF-16.*'

sample 'Plan 2027' '<?xml version="1.0" encoding="GB2312"?>' > gb.xml
refused gb 1 'XML 声明的编码不是 UTF-8：请把计划书存为 UTF-8，并写 encoding="UTF-8"（或省略 encoding）' \
    'the XML declaration names an encoding other than UTF-8: save the plan as UTF-8 and write encoding="UTF-8" \(or leave encoding out\)'
# UTF-8 followed by more letters is another encoding; a BOM changes nothing
{ printf '\357\273\277'; sample 'Plan 2027' "<?xml version='1.0' encoding='UTF-8X'?>"; } > utf8x.xml
refused utf8x 1 'XML 声明的编码不是 UTF-8.*' 'the XML declaration names an encoding other than UTF-8.*'
sample 'Plan 2027' '<?xml version="1.0" encoding="UTF"?>' > utf.xml
refused utf 1 'XML 声明的编码不是 UTF-8.*' 'the XML declaration names an encoding other than UTF-8.*'

# a DOCTYPE after a CDATA section is still refused, at its line
sample 'Plan <![CDATA[<x>]]> 2027' '<?xml version="1.0"?>' > dt.xml
sed -i 's|<plan version="2"|<!DOCTYPE plan>\n&|' dt.xml
L=$(grep -n '<!DOCTYPE plan>' dt.xml | cut -d: -f1)
refused dt "$L" '不允许 DOCTYPE 声明：计划书格式没有 DTD，plangen 也从不加载实体；请删掉它' \
    'a DOCTYPE declaration is not allowed: the plan format has no DTD and plangen never loads entities; remove it'

# a byte that is not UTF-8 after a CDATA section, at its line
sample 'Plan <![CDATA[ok]]> 2027' '<?xml version="1.0"?>' > gbk.xml
printf '<!-- \262\342 -->\n' >> gbk.xml
L=$(wc -l < gbk.xml)
refused gbk "$L" '字节 0xB2 不是 UTF-8：文件是其他编码（GBK、Big5 等）；请把文件另存为 UTF-8' \
    'byte 0xB2 is not UTF-8: the file is in another encoding \(GBK, Big5, Latin-1…\); save it as UTF-8'

finish
