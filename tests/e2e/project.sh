#!/bin/sh
# project.sh — the project file .plangen beside a plan (src/cli/project.c):
# each mistake in it is named at its line, in English and in Chinese
# (--lang), and the render stops (exit 2, no PDF); comments and blank lines
# are skipped; an absolute or a relative template file is looked for where
# it says, and a missing one is named.
. "$SRCDIR/tests/e2e/lib.sh"

cp "$SRCDIR/samples/plan-en.xml" plan.xml
bad() {	# CONTENT EN-LINE ZH-LINE
	printf "$1\n" > .plangen
	rm -f x.pdf
	run "$PLANGEN" render --lang en plan.xml -o x.pdf
	expect_rc 2 "$2"
	if [ "$(cat err)" = "$2" ]; then pass "said: $2"; else fail "said: $(cat err)"; fi
	if [ -e x.pdf ]; then fail "$2: a PDF was written"; else pass "$2: no PDF"; fi
	run "$PLANGEN" render --lang zh-CN plan.xml -o x.pdf
	expect_rc 2 "$3"
	if [ "$(cat err)" = "$3" ]; then pass "said: $3"; else fail "said: $(cat err)"; fi
}
bad 'template' 'plangen: ./.plangen:1: write a setting as NAME = VALUE (template = brand.xml)' \
    'plangen: ./.plangen:1：设置要写成 名称 = 值（template = brand.xml）'
bad 'template =' 'plangen: ./.plangen:1: template = needs a template name or file' \
    'plangen: ./.plangen:1：template = 后面要写模板名称或文件'
bad 'template = board\ntemplate = default' 'plangen: ./.plangen:2: the template is named twice' \
    'plangen: ./.plangen:2：模板指定了两次'
bad '# the brand\n\n  template = /nonexistent/abs.xml' 'plangen: cannot read /nonexistent/abs.xml: No such file or directory' \
    'plangen: 无法读取 /nonexistent/abs.xml：没有这个文件或目录'
bad 'template = sub/none.xml' 'plangen: cannot read ./sub/none.xml: No such file or directory' \
    'plangen: 无法读取 ./sub/none.xml：没有这个文件或目录'

# comments, blank lines and spaces around a good setting
printf '# the brand of this folder\n\n   template   =   board   \n' > .plangen
run "$PLANGEN" render plan.xml -o ok.pdf
expect_rc 0 "a .plangen with comments and spaces"
finish
