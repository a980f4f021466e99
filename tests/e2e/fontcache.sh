#!/bin/sh
# fontcache.sh — fontconfig's answers kept in $XDG_CACHE_HOME/plangen/fonts
# (src/layout/fontcache.c): the same PDF with the cache, without it and
# with a damaged one; a run with a valid cache never starts fontconfig (it
# reads no fontconfig configuration); a corrupt, cut or stale cache (a font
# file's recorded time no longer matches) is asked of fontconfig again and
# rewritten as it was; a changed FONTCONFIG_FILE is never answered from the
# cache; an unwritable cache folder never fails a render.
. "$SRCDIR/tests/e2e/lib.sh"
need_pdf_tools

cp "$SRCDIR/samples/plan-en.xml" plan.xml
export SOURCE_DATE_EPOCH=1700000000
unset FONTCONFIG_FILE FONTCONFIG_PATH FONTCONFIG_SYSROOT
C=$T/cache
cache=$C/plangen/fonts

render() {	# CACHE-HOME OUT: render plan.xml with that cache folder
	run env XDG_CACHE_HOME="$1" "$PLANGEN" render plan.xml -o "$2"
}
# opened CACHE-HOME: 1 if a render with that cache opens fontconfig's
# configuration (fonts.conf), 0 if not, "" without a usable strace
opened() {
	command -v strace >/dev/null 2>&1 && strace -o /dev/null true 2>/dev/null || { echo ""; return; }
	env XDG_CACHE_HOME="$1" strace -f -e trace=open,openat -o "$T/trace" \
	    "$PLANGEN" render plan.xml -o "$T/traced.pdf" >/dev/null 2>&1
	if grep -q 'fonts\.conf' "$T/trace"; then echo 1; else echo 0; fi
}

render "$C" first.pdf
expect_rc 0 "render with an empty cache folder"
if [ -s "$cache" ] && [ "$(head -n 1 "$cache")" = "plangen-fonts 1" ] &&
    [ "$(tail -n 1 "$cache")" = "end" ]; then pass "the cache is written"
else fail "no complete cache file"; fi
if grep -q "^face	.*	$(fc-match -f '%{file}' 'WenQuanYi Micro Hei')	" "$cache"; then
	pass "the cache names the CJK face fontconfig gives"
else fail "the CJK face is not in the cache"; fi
cp "$cache" good

render "$C" cached.pdf
expect_rc 0 "render with the cache"
if cmp -s first.pdf cached.pdf; then pass "the same PDF with the cache"; else fail "the cached run's PDF differs"; fi
if cmp -s "$cache" good; then pass "a valid cache is left as it is"; else fail "a valid cache was rewritten"; fi
case $(opened "$C") in
0) pass "with a valid cache fontconfig is not started" ;;
1) fail "fontconfig read its configuration although the cache is valid" ;;
*) pass "# SKIP no strace" ;;
esac

# no usable cache folder (a file is in the way): the render does not fail
: > notadir
render "$T/notadir" nocache.pdf
expect_rc 0 "render with an unwritable cache folder"
if cmp -s first.pdf nocache.pdf; then pass "the same PDF without a cache"; else fail "the PDF without a cache differs"; fi
case $(opened "$T/notadir") in
0) fail "no cache, yet fontconfig was not started" ;;
*) pass "without a cache fontconfig answers" ;;
esac

# damaged caches: asked again, rewritten as before, same PDF
damaged() {	# DESC: the cache has been damaged
	case $(opened "$C") in
	0) fail "$1: fontconfig not asked" ;;
	*) pass "$1: fontconfig asked again" ;;
	esac
	render "$C" damaged.pdf
	expect_rc 0 "$1: render"
	if cmp -s first.pdf damaged.pdf; then pass "$1: the same PDF"; else fail "$1: the PDF differs"; fi
	if cmp -s "$cache" good; then pass "$1: the cache is repaired"
	else fail "$1: the cache is not repaired"; diff good "$cache" | head -5; fi
}
printf 'garbage\0\377\n' > "$cache"
damaged "a corrupt cache"
head -n 5 good > "$cache"
damaged "a cut cache (no end line)"
awk -F '\t' 'BEGIN { OFS = "\t" } $1 == "face" && !done { $7 = 1; done = 1 } { print }' good > "$cache"
damaged "a font file's time changed"
awk -F '\t' 'BEGIN { OFS = "\t" } $1 == "stamp" && $4 == "/etc/fonts/conf.d" { $2 = 1 } { print }' good > "$cache"
damaged "fontconfig's configuration changed"
sed '1s/.*/plangen-fonts 2/' good > "$cache"
damaged "another cache version"
sed 's#^env\t\t\t$#env\t\t/elsewhere\t#' good > "$cache"
damaged "another FONTCONFIG_PATH recorded"
sed '0,/^family\t\(.*\)\t[0-9]*$/s//family\t\1\t5000/' good > "$cache"
damaged "a family with too many faces"
sed '0,/^family\t\(.*\)\t[0-9]*$/s//family\t\1\t9/' good > "$cache"
damaged "a family with fewer faces than it says"
awk -F '\t' 'BEGIN { OFS = "\t" } $1 == "face" && !done { NF = 6; done = 1 } { print }' good > "$cache"
damaged "a face line cut short"
awk -F '\t' 'BEGIN { OFS = "\t" } $1 == "face" && !done { $9 = "/nonexistent/font.ttf"; done = 1 } { print }' good > "$cache"
damaged "a font file that is gone"
sed '2i\
what\tis this' good > "$cache"
damaged "an unknown record"
{ cat good; head -c 1100000 /dev/zero | tr '\0' x; } > "$cache"
damaged "a file too big to be a cache"
# the cache is what answers: one that (validly) says WenQuanYi Micro Hei
# has no face gives the next CJK family, without asking fontconfig
sed 's#^family	WenQuanYi Micro Hei	1$#family	WenQuanYi Micro Hei	0#' good |
    grep -v '^face	.*wqy-microhei' > lying
cp lying "$cache"
render "$C" lying.pdf
expect_rc 0 "render with a cache that lacks the first CJK family"
run pdffonts lying.pdf
expect_no_out 'WenQuanYiMicroHei' "the PDF is drawn with what the cache says"
cp good "$cache"

# another fontconfig configuration: never answered from the cache
printf '<?xml version="1.0"?>\n<fontconfig><cachedir>%s</cachedir></fontconfig>\n' "$T/fccache" > empty.conf
run env XDG_CACHE_HOME="$C" FONTCONFIG_FILE="$T/empty.conf" "$PLANGEN" render plan.xml -o none.pdf
expect_rc 2 "FONTCONFIG_FILE without fonts: the cache does not hide it"
expect_err 'no CJK TrueType font found' "the missing font is named"
render "$C" after.pdf
expect_rc 0 "render after another configuration"
if cmp -s first.pdf after.pdf; then pass "the same PDF after another configuration"; else fail "the PDF differs after another configuration"; fi
finish
