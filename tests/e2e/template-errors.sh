#!/bin/sh
# template-errors.sh — a template file's mistakes that its own checker
# (src/compose/template_check.c) reports before libxml2's validation: each
# named at its line, in English and in Chinese (--lang zh-CN), with what to
# write instead; exit 2 and no PDF.  The whole of stderr is compared, so a
# message lost, added or in the wrong language fails.
. "$SRCDIR/tests/e2e/lib.sh"

cp "$SRCDIR/samples/plan-en.xml" plan.xml
long=$(printf '%0101d' 0 | tr 0 F)
cat > t1.xml <<EOF
<template version="1" extends="default" name="9bad">
  <fonts latin="" cjk="$long"/>
  <colors primary="#GG0000" accent="rgb(300,0,0)"/>
  <labels>
    <label key="Goals_Heading" en="x"/>
    <label en="y"/>
  </labels>
  <description en="d" bogus="1"/>
</template>
EOF
cat > t2.xml <<'EOF'
<template version="1" extends="default">
  <page size="A4">text here</page>
  <x:colors xmlns:x="urn:x" primary="#000000"/>
  <sizes body="10"/>
  <sizes body="11"/>
  <palette/>
  <sections/>
  <fonts><latin/></fonts>
</template>
EOF
printf '<tmpl version="1"/>\n' > t3.xml

# same NAME LANG: render with template NAME.xml in LANG; stderr must be NAME.LANG
same() {
	rm -f x.pdf
	run "$PLANGEN" render --lang "$2" -t "$1.xml" plan.xml -o x.pdf
	expect_rc 2 "$1 ($2): an invalid template"
	if diff "$1.$2" err >d.txt; then pass "$1 ($2): every mistake, at its line"
	else fail "$1 ($2): stderr differs"; sed 's/^/  /' d.txt; fi
	if [ -e x.pdf ]; then fail "$1 ($2): a PDF was written"; else pass "$1 ($2): no PDF"; fi
}

cat > t1.en <<'EOF'
t1.xml:1: error: <template name="9bad">: a name starts with a letter and holds only letters, digits, - and _ [template]
t1.xml:2: error: <fonts latin="">: the value is empty: write one, or leave the attribute out [template]
t1.xml:2: error: <fonts cjk>: a font family name is at most 100 characters [template]
t1.xml:3: error: <colors primary="#GG0000">: a colour is written as # and six hexadecimal digits (0-9, A-F), like #1F3A5F [template]
t1.xml:3: error: <colors accent="rgb(300,0,0)">: a colour is written as # and six hexadecimal digits (0-9, A-F), like #1F3A5F [template]
t1.xml:5: error: <label key="Goals_Heading">: a label key is written like goals.heading (lower case, one dot) [template]
t1.xml:6: error: <label> needs the attribute key [template]
t1.xml:8: error: <description> has no attribute bogus (it has: en, zh-CN) [template]
plangen: t1.xml: invalid template
EOF
same t1 en
cat > t1.zh-CN <<'EOF'
t1.xml:1: 错误: <template name="9bad">：名称以字母开头，只能包含字母、数字、- 和 _ [template]
t1.xml:2: 错误: <fonts latin="">：值是空的：请填写，或删掉这个属性 [template]
t1.xml:2: 错误: <fonts cjk>：字体名称最多 100 个字符 [template]
t1.xml:3: 错误: <colors primary="#GG0000">：颜色要写成 # 加六位十六进制数字（0-9、A-F），例如 #1F3A5F [template]
t1.xml:3: 错误: <colors accent="rgb(300,0,0)">：颜色要写成 # 加六位十六进制数字（0-9、A-F），例如 #1F3A5F [template]
t1.xml:5: 错误: <label key="Goals_Heading">：标签键的写法如 goals.heading（小写字母，一个点） [template]
t1.xml:6: 错误: <label> 必须有属性 key [template]
t1.xml:8: 错误: <description> 没有属性 bogus（它有：en, zh-CN） [template]
plangen: t1.xml：模板无效
EOF
same t1 zh-CN
cat > t2.en <<'EOF'
t2.xml:2: error: <page> holds text: a template's values go in attributes (<page ...="..."/>) [template]
t2.xml:3: error: <colors> is in a namespace: remove the xmlns [template]
t2.xml:5: error: <sizes> is given twice (first at line 4): keep one [template]
t2.xml:6: error: <palette> is empty: give at least one <color value="#1F3A5F"/>, or leave <palette> out [template]
t2.xml:7: error: <sections> is empty: list at least one <section name="summary"/> [template]
t2.xml:8: error: <fonts> may hold no elements: remove <latin> [template]
plangen: t2.xml: invalid template
EOF
same t2 en
cat > t2.zh-CN <<'EOF'
t2.xml:2: 错误: <page> 中有文字：模板的值要写在属性里（<page ...="..."/>） [template]
t2.xml:3: 错误: <colors> 带有命名空间：请删除 xmlns [template]
t2.xml:5: 错误: <sizes> 出现了两次（第一次在第 4 行）：请只保留一个 [template]
t2.xml:6: 错误: <palette> 是空的：至少写一个 <color value="#1F3A5F"/>，或删掉 <palette> [template]
t2.xml:7: 错误: <sections> 是空的：至少列出一个 <section name="summary"/> [template]
t2.xml:8: 错误: <fonts> 中不能有元素：请删除 <latin> [template]
plangen: t2.xml：模板无效
EOF
same t2 zh-CN
cat > t3.en <<'EOF'
t3.xml:1: error: <tmpl>: a template file starts with <template version="1"> [template]
plangen: t3.xml: invalid template
EOF
same t3 en
cat > t3.zh-CN <<'EOF'
t3.xml:1: 错误: <tmpl>：模板文件要以 <template version="1"> 开头 [template]
plangen: t3.xml：模板无效
EOF
same t3 zh-CN
# colours written another way (the #RRGGBB they mean is suggested, or not
# when nothing sensible), attributes and elements a parent does not have
cat > t4.xml <<'EOF'
<template version="1" extends="default">
  <colors text=" #1a3" primary="0x1f3a5f" accent="1F3A5F" muted="rgb(10, 20, 30)" rule="rgb(1 2 3)" table-head="Navy" table-head-text="rgb(1 2 256)" table-stripe="0x12345G" draft="#12"/>
  <header zz="1"><left en="x" zqzq="1"/></header>
  <sections><section name="goals" qqqq="x"/></sections>
  <palette><color value="teal"/><qqqqqq/></palette>
  <sizes qqqqqqqq="1" x:body="10" xmlns:x="urn:x"/>
  <wibblewobble/>
</template>
EOF
cat > t4.en <<'EOF'
t4.xml:2: error: <colors text=" #1a3">: a colour is written as # and six hexadecimal digits, like #1F3A5F: write text="#11AA33" [template]
t4.xml:2: error: <colors primary="0x1f3a5f">: a colour is written as # and six hexadecimal digits, like #1F3A5F: write primary="#1F3A5F" [template]
t4.xml:2: error: <colors accent="1F3A5F">: a colour is written as # and six hexadecimal digits, like #1F3A5F: write accent="#1F3A5F" [template]
t4.xml:2: error: <colors muted="rgb(10, 20, 30)">: a colour is written as # and six hexadecimal digits, like #1F3A5F: write muted="#0A141E" [template]
t4.xml:2: error: <colors rule="rgb(1 2 3)">: a colour is written as # and six hexadecimal digits, like #1F3A5F: write rule="#010203" [template]
t4.xml:2: error: <colors table-head="Navy">: a colour is written as # and six hexadecimal digits, like #1F3A5F: write table-head="#000080" [template]
t4.xml:2: error: <colors table-head-text="rgb(1 2 256)">: a colour is written as # and six hexadecimal digits (0-9, A-F), like #1F3A5F [template]
t4.xml:2: error: <colors table-stripe="0x12345G">: a colour is written as # and six hexadecimal digits (0-9, A-F), like #1F3A5F [template]
t4.xml:2: error: <colors draft="#12">: a colour is written as # and six hexadecimal digits (0-9, A-F), like #1F3A5F [template]
t4.xml:3: error: <header> takes no attributes: remove zz= [template]
t4.xml:3: error: <left> has no attribute zqzq (it has: en, zh-CN) [template]
t4.xml:4: error: <section> has no attribute qqqq (it has: name, figures) [template]
t4.xml:5: error: <color value="teal">: a colour is written as # and six hexadecimal digits, like #1F3A5F: write value="#008080" [template]
t4.xml:5: error: <qqqqqq> is not a template element here (in <palette>: color) [template]
t4.xml:6: error: <sizes> has no attribute qqqqqqqq (it has: body, heading1, heading2, ...) [template]
t4.xml:6: error: <sizes x:body>: template attributes have no namespace prefix: remove x:body [template]
t4.xml:7: error: <wibblewobble> is not a template element here (in <template>: description, page, fonts, ...) [template]
plangen: t4.xml: invalid template
EOF
same t4 en
cat > t4.zh-CN <<'EOF'
t4.xml:2: 错误: <colors text=" #1a3">：颜色要写成 # 加六位十六进制数字，例如 #1F3A5F：请写 text="#11AA33" [template]
t4.xml:2: 错误: <colors primary="0x1f3a5f">：颜色要写成 # 加六位十六进制数字，例如 #1F3A5F：请写 primary="#1F3A5F" [template]
t4.xml:2: 错误: <colors accent="1F3A5F">：颜色要写成 # 加六位十六进制数字，例如 #1F3A5F：请写 accent="#1F3A5F" [template]
t4.xml:2: 错误: <colors muted="rgb(10, 20, 30)">：颜色要写成 # 加六位十六进制数字，例如 #1F3A5F：请写 muted="#0A141E" [template]
t4.xml:2: 错误: <colors rule="rgb(1 2 3)">：颜色要写成 # 加六位十六进制数字，例如 #1F3A5F：请写 rule="#010203" [template]
t4.xml:2: 错误: <colors table-head="Navy">：颜色要写成 # 加六位十六进制数字，例如 #1F3A5F：请写 table-head="#000080" [template]
t4.xml:2: 错误: <colors table-head-text="rgb(1 2 256)">：颜色要写成 # 加六位十六进制数字（0-9、A-F），例如 #1F3A5F [template]
t4.xml:2: 错误: <colors table-stripe="0x12345G">：颜色要写成 # 加六位十六进制数字（0-9、A-F），例如 #1F3A5F [template]
t4.xml:2: 错误: <colors draft="#12">：颜色要写成 # 加六位十六进制数字（0-9、A-F），例如 #1F3A5F [template]
t4.xml:3: 错误: <header> 不带属性：请删除 zz= [template]
t4.xml:3: 错误: <left> 没有属性 zqzq（它有：en, zh-CN） [template]
t4.xml:4: 错误: <section> 没有属性 qqqq（它有：name, figures） [template]
t4.xml:5: 错误: <color value="teal">：颜色要写成 # 加六位十六进制数字，例如 #1F3A5F：请写 value="#008080" [template]
t4.xml:5: 错误: <qqqqqq> 不是此处可用的模板元素（<palette> 中可以有：color） [template]
t4.xml:6: 错误: <sizes> 没有属性 qqqqqqqq（它有：body, heading1, heading2, ...） [template]
t4.xml:6: 错误: <sizes x:body>：模板的属性没有命名空间前缀：请删除 x:body [template]
t4.xml:7: 错误: <wibblewobble> 不是此处可用的模板元素（<template> 中可以有：description, page, fonts, ...） [template]
plangen: t4.xml：模板无效
EOF
same t4 zh-CN
finish
