#!/bin/sh
# rules-errors.sh — a team rules file that cannot be run is refused before
# any plan is checked (exit 2), naming the file, the line and the rule, and
# saying what is wrong in the user's language (--lang en / zh-CN): an
# XPath select that computes a value, calls an unknown function or does
# not parse; each kind of broken regular expression (PCRE2's codes, in
# Chinese words of our own); a file of the wrong shape.
. "$SRCDIR/tests/e2e/lib.sh"

cp "$SRCDIR/samples/plan-en.xml" plan.xml
mk() {	# NAME SELECT PATTERN: a rules file NAME.xml with one rule
	cat > "$1.xml" <<EOF
<rules version="1">
  <rule id="r-$1" severity="warning" select="$2">
    <description>d</description>
    <message>m {match}</message>
    <forbid pattern="$3"/>
  </rule>
</rules>
EOF
}
mk value 'count(//goal)' 'x'
mk func 'nosuch(1)' 'x'
mk syntax '//goal[' 'x'
mk bs '//goal' 'a\'
mk sq '//goal' '[a'
mk par '//goal' 'a)'
mk open '//goal' '(a'
mk quant '//goal' '*a'
mk order '//goal' 'a{3,1}'
mk other '//goal' '(?&lt;'
printf '<rules version="1"><rule id="x"/></rules>\n' > shape.xml

# refused NAME LANG LINE: check with NAME.xml; stderr is exactly LINE
refused() {
	run "$PLANGEN" check --lang "$2" --rules "$1.xml" plan.xml
	expect_rc 2 "$1 ($2): refused"
	if [ "$(cat err)" = "$3" ]; then pass "$1 ($2): the message"
	else fail "$1 ($2): got: $(cat err)"; fi
	if [ -s out ]; then fail "$1 ($2): a plan was checked"; else pass "$1 ($2): no plan checked"; fi
}

refused value en 'plangen: value.xml:2: rule r-value: XPath select "count(//goal)" must select nodes, not compute a value'
refused value zh-CN 'plangen: value.xml:2: 规则 r-value：XPath 选择表达式 "count(//goal)" 必须选出节点，而不是计算出一个值'
refused func en 'plangen: func.xml:2: rule r-func: invalid XPath select "nosuch(1)": it calls a function XPath 1.0 does not have'
refused func zh-CN 'plangen: func.xml:2: 规则 r-func：XPath 选择表达式 "nosuch(1)" 无效：调用了 XPath 1.0 中没有的函数'
refused syntax en 'plangen: syntax.xml:2: rule r-syntax: invalid XPath select "//goal[": it is not a valid XPath 1.0 expression'
refused syntax zh-CN 'plangen: syntax.xml:2: 规则 r-syntax：XPath 选择表达式 "//goal[" 无效：不是有效的 XPath 1.0 表达式'
refused bs en 'plangen: bs.xml:5: rule r-bs: invalid regular expression "a\" at offset 2: \ at end of pattern'
refused bs zh-CN 'plangen: bs.xml:5: 规则 r-bs：正则表达式 "a\" 在第 2 个字节处：末尾多了一个 \'
refused sq en 'plangen: sq.xml:5: rule r-sq: invalid regular expression "[a" at offset 2: missing terminating ] for character class'
refused sq zh-CN 'plangen: sq.xml:5: 规则 r-sq：正则表达式 "[a" 在第 2 个字节处：缺少右方括号 ]'
refused par en 'plangen: par.xml:5: rule r-par: invalid regular expression "a)" at offset 1: unmatched closing parenthesis'
refused par zh-CN 'plangen: par.xml:5: 规则 r-par：正则表达式 "a)" 在第 1 个字节处：多了一个右括号 )'
refused open en 'plangen: open.xml:5: rule r-open: invalid regular expression "(a" at offset 2: missing closing parenthesis'
refused open zh-CN 'plangen: open.xml:5: 规则 r-open：正则表达式 "(a" 在第 2 个字节处：缺少右括号 )'
refused quant en 'plangen: quant.xml:5: rule r-quant: invalid regular expression "*a" at offset 0: quantifier does not follow a repeatable item'
refused quant zh-CN 'plangen: quant.xml:5: 规则 r-quant：正则表达式 "*a" 在第 0 个字节处：*、+、? 或 {} 前面没有可重复的内容'
refused order en 'plangen: order.xml:5: rule r-order: invalid regular expression "a{3,1}" at offset 5: numbers out of order in {} quantifier'
refused order zh-CN 'plangen: order.xml:5: 规则 r-order：正则表达式 "a{3,1}" 在第 5 个字节处：{} 中的数字顺序颠倒'
refused other en 'plangen: other.xml:5: rule r-other: invalid regular expression "(?<" at offset 3: subpattern name expected'
refused other zh-CN 'plangen: other.xml:5: 规则 r-other：正则表达式 "(?<" 在第 3 个字节处：写法有误'
refused shape en 'plangen: shape.xml:1: not a valid rules file: <rule> lacks a required attribute or has one with a wrong value (a <rule id="ID" severity="error|warning" select="XPATH"> holds <description>?, <message>, one of <forbid pattern>, <require pattern>, <require-child name>, then <example pass="true|false">* with one element each)'
refused shape zh-CN 'plangen: shape.xml:1: 不是有效的规则文件：<rule> 缺少必需的属性，或某个属性的值不对（<rule id="ID" severity="error|warning" select="XPATH"> 中依次是：可选的 <description>、<message>、<forbid pattern>/<require pattern>/<require-child name> 三者之一，然后是任意个各含一个元素的 <example pass="true|false">）'
finish
