#!/bin/sh
# syntax.sh — every xml-syntax message a plan can meet, in the plan's
# language: Chinese for a lang="zh-CN" plan (found in the raw bytes, as the
# file cannot be parsed), English with --lang en (and for lang="en"), each
# naming the cause and the fix.  One case per libxml2 error code a plan
# can trigger (src/read/xml_msg.c lists them) and per refusal of the
# reader's own prescan; no case may show libxml2's own English.
. "$SRCDIR/tests/e2e/lib.sh"

ZH='<plan version="1" lang="zh-CN">'

# syn NAME ZH-REGEX EN-REGEX: NAME.xml exists; check it as written (the
# plan says zh-CN) and with --lang en.
syn() {
	run "$PLANGEN" check "$1.xml"
	expect_rc 1 "$1: exit 1"
	expect_out "^$1\\.xml:[0-9]+: 错误: XML 格式错误：$2.* \\[xml-syntax\\]$" "$1 in Chinese"
	run "$PLANGEN" check --lang en "$1.xml"
	expect_out "^$1\\.xml:[0-9]+: error: not well-formed XML: $3.* \\[xml-syntax\\]$" "$1 in English"
	# libxml2's own words never reach the user
	expect_no_out 'expecting|expected|invalid element name|AttValue|xmlParse|Premature|Couldn.t|mandates|construct error|Excessive|XML_PARSE_HUGE|Huge input|huge text' "$1: no libxml2 wording"
}

# pre NAME ZH-REGEX EN-REGEX: the same for a refusal of the reader's prescan,
# which says what is wrong with the file without "not well-formed XML"
pre() {
	run "$PLANGEN" check "$1.xml"
	expect_rc 1 "$1: exit 1"
	expect_out "^$1\\.xml:[0-9]+: 错误: $2.* \\[xml-syntax\\]$" "$1 in Chinese"
	run "$PLANGEN" check --lang en "$1.xml"
	expect_out "^$1\\.xml:[0-9]+: error: $3.* \\[xml-syntax\\]$" "$1 in English"
}

# the cases of the issue
printf '%s\n<promotion category=“promotion”/></plan>\n' "$ZH" > imequote.xml
syn imequote '属性 category 的值用了全角引号（中文输入法的“…”）：XML 只认半角引号，请改为 category="promotion"' \
    'the value of category is in full-width or curly quotes .*: XML needs straight quotes; write category="promotion"'
printf "%s\n<a x=‘1’/></plan>\n" "$ZH" > imesingle.xml
syn imesingle '属性 x 的值用了全角引号.*请改为 x="1"' 'the value of x is in full-width or curly quotes.*write x="1"'
printf '%s\n<p>B2B&团检</p></plan>\n' "$ZH" > amp.xml		# code 23
syn amp '文字中有单独的“&”.*请写成 &amp;（B2B&amp;团检）' 'a bare "&" in the text .*write it as &amp; \(B2B&amp;团检\)'
printf '%s\n<p>B2B & 团检</p></plan>\n' "$ZH" > ampspace.xml	# code 68
syn ampspace '文字中有单独的“&”.*（B2B &amp; 团检）' 'a bare "&" .*\(B2B &amp; 团检\)'
printf '%s\n<p>ARR < $30,000</p></plan>\n' "$ZH" > lt.xml	# code 68
syn lt '“<”后面不是元素名：文字中的小于号请写成 &lt;（ARR &lt; \$30,000）' \
    'a "<" that starts no tag: in text, write < as &lt; \(ARR &lt; \$30,000\)'
printf '%s\n<p>&nbsp;</p></plan>\n' "$ZH" > nbsp.xml		# code 26
syn nbsp '&nbsp; 是 HTML 的写法，XML 不认识：请直接写空格，或写成 &#160;' '&nbsp; is HTML, not XML: write a plain space'
printf '%s\n<p>&mdash;</p></plan>\n' "$ZH" > entity.xml
syn entity 'XML 没有定义 &mdash;：请直接写出这个字符' '&mdash; is not defined in XML: write the character itself'
printf '%s\n<p>a &amp b</p></plan>\n' "$ZH" > nosemi.xml
syn nosemi '引用 &amp 缺少“;”：请写成 &amp;' 'the reference &amp has no ";": write &amp;'

# tags: mismatched (76), unclosed (77), start tag not ended (73)
printf '%s\n<meta><title>x</titel></meta></plan>\n' "$ZH" > mismatch.xml
syn mismatch '</titel> 与第 2 行的 <title> 不配对：请先关闭 <title>，或改正其中一个的拼写' \
    '</titel> does not close <title> \(opened on line 2\): close <title> first, or fix the spelling'
printf '%s\n<meta><title>x</title>\n' "$ZH" > unclosed.xml
syn unclosed '文件在 <meta>（第 2 行开始）结束之前就结束了：请补上 </meta>' \
    'the file ends before <meta> \(opened on line 2\) is closed: add </meta>, or is the file truncated\?'
printf '%s\n<meta\n' "$ZH" > tagopen.xml
syn tagopen '开始标签 <meta> 没有用“>”结束' 'the start tag <meta> is not closed with ">"'
printf '%s\n<meta></meta\n' "$ZH" > endopen.xml
syn endopen '结束标签没有用“>”结束：请写成 </名称>' 'an end tag is not closed with ">": write </name>'
printf '%s\n<meta></ meta></plan>\n' "$ZH" > endspace.xml
syn endspace '结束标签没有用“>”结束' 'an end tag is not closed with ">"'
printf '%s</plan>\n<plan/>\n' "$ZH" > tworoots.xml		# code 5
syn tworoots '</plan> 之后还有内容' 'content after </plan>: a plan is one <plan> element'
printf 'hello %s</plan>\n' "$ZH" > textfirst.xml		# code 4
syn textfirst '第一个标签之前有文字：计划书以 <plan version="1">' 'text before the first tag: a plan starts with <plan version="1">'

# attributes: no value (41), full-width = (41), no quotes (39), twice (42),
# no space (65), < in a value (38), a stray word (68), never closed (40)
printf '%s\n<meta x/></plan>\n' "$ZH" > noval.xml
syn noval '属性 x 没有值：请写成 x="…"' 'attribute x has no value: write x="…"'
printf '%s\n<meta x＝"1"/></plan>\n' "$ZH" > fwequal.xml
syn fwequal '属性 x 后面是全角等号“＝”：请改为半角 =' 'full-width equals sign "＝" after x: write a plain ='
printf '%s\n<meta x=1/></plan>\n' "$ZH" > noquote.xml
syn noquote '属性 x 的值没有加引号：请写成 x="1"' 'the value of x is not in quotes: write x="1"'
printf '%s\n<meta x="1" x="2"/></plan>\n' "$ZH" > dupattr.xml
syn dupattr '同一个标签中属性 x 出现了两次：请只保留一个' 'attribute x is given twice in one tag: keep one'
printf '%s\n<meta x="1"y="2"/></plan>\n' "$ZH" > nospace.xml
syn nospace '属性之间要有空格' 'attributes must be separated by a space'
printf '%s\n<meta x="a<b"/></plan>\n' "$ZH" > ltattr.xml
syn ltattr '属性值中出现了“<”：请写成 &lt;' '"<" inside an attribute value: write &lt;'
printf '%s\n<meta x="1" "2"/></plan>\n' "$ZH" > stray.xml
syn stray '标签里有不是属性的内容' 'a tag holds something that is not an attribute'
printf '%s\n<meta x="1/>\n' "$ZH" > valopen.xml
syn valopen '属性值没有结束：请用开头的同一种引号结束它' 'an attribute value is never closed'

# characters and references (6, 7, 9)
printf '%s\n<p>a\001b</p></plan>\n' "$ZH" > ctrl.xml
syn ctrl '文字中有 XML 不允许的控制字符 U\+0001' 'the control character U\+0001 is not allowed in XML'
printf '%s\n<p x="a\001b"/></plan>\n' "$ZH" > ctrlattr.xml
syn ctrlattr '属性值中有 XML 不允许的控制字符' 'an attribute value holds a control character'
printf '%s\n<p>&#xD800;</p></plan>\n' "$ZH" > charref.xml
syn charref '字符引用指向 U\+D800，XML 不允许这个字符' 'the character reference names U\+D800, which XML does not allow'
printf '%s\n<p>&#12a;</p></plan>\n' "$ZH" > badref.xml
syn badref '字符引用写得不对：请写成 &#160;' 'a malformed character reference: write &#160;'

# comments, instructions, declarations, CDATA (45, 80, 46, 47, 64, 57, 96, 63, 62)
printf '%s\n<!-- note\n</plan>\n' "$ZH" > comment.xml
syn comment '注释 <!-- 没有结束：请用 --> 结束它' 'a comment <!-- is never closed: end it with -->'
printf '%s\n<!-- a -- b --></plan>\n' "$ZH" > dashes.xml
syn dashes '注释中出现了“--”' '"--" inside a comment'
printf '%s\n<? x?></plan>\n' "$ZH" > pitarget.xml
syn pitarget '“<\?”后面必须紧跟名称' '"<\?" must be followed by a name'
printf '%s\n<?plangen accept x\n</plan>\n' "$ZH" > piopen.xml
syn piopen '处理指令 <\?plangen 没有结束' 'a processing instruction <\?plangen is never closed'
printf '\n<?xml version="1.0"?>%s</plan>\n' "$ZH" > decllate.xml
syn decllate 'XML 声明 <\?xml …\?> 只能出现一次，且必须在文件最开头' 'the XML declaration <\?xml …\?> may only be the very first thing'
printf '<?xml encoding="UTF-8"?>\n%s</plan>\n' "$ZH" > declver.xml
syn declver 'XML 声明写得不对' 'the XML declaration is malformed'
printf '%s\n<![CDATA[ x\n</plan>\n' "$ZH" > cdata.xml
syn cdata 'CDATA 段 <!\[CDATA\[ 没有结束' 'a CDATA section <!\[CDATA\[ is never closed'
printf '%s\n<p>a ]]> b</p></plan>\n' "$ZH" > cdataend.xml
syn cdataend '文字中出现了“]]>”' '"]]>" in text'

# namespaces (200, 201)
printf '%s\n<x:meta/></plan>\n' "$ZH" > prefix.xml
syn prefix '前缀“x:”（在 meta 上）没有定义' 'the prefix "x:" \(on meta\) is not defined'
printf '%s\n<meta xmlns:x=""/></plan>\n' "$ZH" > nsempty.xml
syn nsempty '命名空间声明写得不对' 'a malformed namespace declaration'

# the limits, said in the plan's terms (1, 2, 40, 110)
awk 'BEGIN { printf "<plan version=\"1\" lang=\"zh-CN\">"; for (i = 0; i < 300; i++) printf "<a>"; for (i = 0; i < 300; i++) printf "</a>"; print "</plan>" }' > deep.xml
syn deep '元素嵌套超过 256 层，计划书不需要这么深' 'elements are nested more than 256 deep, which no plan needs'
awk 'BEGIN { printf "<plan version=\"1\" lang=\"zh-CN\"><p>"; s = "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"; for (i = 0; i < 110000; i++) printf "%s", s; print "</p></plan>" }' > hugetext.xml
syn hugetext '某段文字、属性值或注释超过 1000 万个字符' 'one text, attribute value or comment is longer than 10,000,000 characters'
awk 'BEGIN { printf "<plan version=\"1\" lang=\"zh-CN\"><p>"; s = "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"; for (i = 0; i < 60000; i++) printf "%s", s; printf "&amp;"; for (i = 0; i < 60000; i++) printf "%s", s; print "</p></plan>" }' > hugenode.xml
syn hugenode '某段文字、属性值或注释超过 1000 万个字符' 'one text, attribute value or comment is longer than 10,000,000 characters'
awk 'BEGIN { printf "<plan version=\"1\" lang=\"zh-CN\"><p x=\""; s = "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"; for (i = 0; i < 110000; i++) printf "%s", s; print "\"/></plan>" }' > hugeattr.xml
syn hugeattr '某段文字、属性值或注释超过 1000 万个字符' 'one text, attribute value or comment is longer than 10,000,000 characters'
awk 'BEGIN { printf "<plan version=\"1\" lang=\"zh-CN\"><"; for (i = 0; i < 60000; i++) printf "n"; print "/></plan>" }' > longname.xml
syn longname '元素名或属性名超过 5 万个字符' 'an element or attribute name is longer than 50,000 characters'

# the reader's own refusals: bad encodings, DOCTYPE, NUL, attributes
printf '%s\n<p>caf\351</p></plan>\n' "$ZH" > latin1.xml
pre latin1 '字节 0xE9 不是 UTF-8：文件是其他编码（GBK、Big5 等）；请把文件另存为 UTF-8' \
    'byte 0xE9 is not UTF-8: the file is in another encoding .*; save it as UTF-8'
printf '<?xml version="1.0" encoding="GBK"?>\n%s</plan>\n' "$ZH" > gbk.xml
pre gbk 'XML 声明的编码不是 UTF-8' 'the XML declaration names an encoding other than UTF-8'
printf '%s\n<p>\000</p></plan>\n' "$ZH" > nul.xml
pre nul '文件中有 NUL 字节' 'the file contains a NUL byte'
printf '<!DOCTYPE plan>\n%s</plan>\n' "$ZH" > doctype.xml
pre doctype '不允许 DOCTYPE 声明' 'a DOCTYPE declaration is not allowed'
awk 'BEGIN { printf "<plan version=\"1\" lang=\"zh-CN\""; for (i = 0; i < 300; i++) printf " a%d=\"x\"", i; print "/>" }' > attrs.xml
pre attrs '一个元素有超过 256 个属性' 'an element has more than 256 attributes'

# the language comes from the plan as written, also in a broken file, and
# --lang overrides it; an English plan is answered in English
printf '<plan version="1" lang="en">\n<p>B2B&C</p></plan>\n' > en.xml
run "$PLANGEN" check en.xml
expect_out '^en\.xml:2: error: not well-formed XML: a bare "&" .*\(B2B&amp;C\)' "lang=en plan: English"
run "$PLANGEN" check --lang zh-CN en.xml
expect_out '^en\.xml:2: 错误: XML 格式错误：文字中有单独的“&”' "--lang zh-CN overrides the plan's lang"
printf '<plan version="1" lang=“zh-TW”>\n</plan>\n' > imelang.xml
run "$PLANGEN" check imelang.xml
expect_out '^imelang\.xml:1: 錯誤: XML 格式錯誤：屬性 lang 的值用了全角引號.*lang="zh-TW"' "lang in IME quotes still gives Chinese"
printf '\357\273\277<?xml version="1.0"?>\n<!-- c -->\n<plan\n  version="1"\n  lang = '"'"'zh'"'"'>\n<p>a&b</p></plan>\n' > bom.xml
run "$PLANGEN" check bom.xml
expect_out '^bom\.xml:6: 错误: XML 格式错误：' "lang after a BOM, declaration, comment and line breaks"
# render says the same before refusing
run "$PLANGEN" render -o out.pdf amp.xml
expect_rc 1 "render of a broken plan"
expect_err '^amp\.xml:2: 错误: XML 格式错误：文字中有单独的“&”' "render: the same Chinese message"

finish
