#!/bin/sh
# build.sh SRCDIR BUILDDIR — build the libFuzzer harnesses of tests/fuzz/
# with clang (-fsanitize=fuzzer,address,undefined) into BUILDDIR/tests/fuzz/.
# The library sources are compiled once into BUILDDIR/tests/fuzz/obj/ and
# recompiled only when newer than their object.  Environment: CLANG (clang),
# DEPS_CFLAGS and DEPS_LIBS (the libraries' flags, from make), FUZZ_JOBS.
set -eu
src=$1 build=$2
out=$build/tests/fuzz
cc=${CLANG:-clang}
san="-fsanitize=address,undefined -fno-sanitize-recover=undefined"
cflags="-std=c11 -g -O1 -fno-omit-frame-pointer $san -I$build -I$src/src -I$build/src -I$src/tests/fuzz \
-DPG_DATADIR=\"$src\" -DPG_FUZZ_SRCDIR=\"$src\" ${DEPS_CFLAGS:-}"
command -v "$cc" >/dev/null 2>&1 || { echo "fuzz: $cc not found (apt-get install clang)" >&2; exit 2; }
mkdir -p "$out/obj"
list=$out/obj/sources
: > "$list"
for f in "$src"/src/*/*.c "$build"/src/base/embedded.c; do
	case $f in */main.c|*/src/cli/*) continue ;; "$src"/src/base/embedded.c) [ "$src" = "$build" ] || continue ;; esac
	o=$out/obj/$(echo "${f#"$src"/}" | sed "s|^${build#"$src"/}/||; s|/|_|g; s|\.c$|.o|")
	if [ ! -f "$o" ] || [ "$f" -nt "$o" ] || [ -n "$(find "$src/src" -name '*.h' -newer "$o" 2>/dev/null | head -1)" ]; then
		printf '%s %s\n' "$f" "$o" >> "$list"
	fi
done
export cc cflags
# fuzzer-no-link: coverage instrumentation without libFuzzer's main
xargs -r -P "${FUZZ_JOBS:-2}" -L 1 sh -c '$cc $cflags -fsanitize=fuzzer-no-link -c "$0" -o "$1"' < "$list"
rm -f "$out/libplangen-fuzz.a"
ar rcs "$out/libplangen-fuzz.a" "$out"/obj/*.o
for h in ${FUZZ_HARNESSES:-check render rules template diff image}; do
	$cc $cflags -fsanitize=fuzzer "$src/tests/fuzz/fuzz_$h.c" "$out/libplangen-fuzz.a" \
	    ${DEPS_LIBS:-} -o "$out/fuzz_$h"
done
echo "fuzz: harnesses in $out"
