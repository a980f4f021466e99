#!/bin/sh
# images.sh — <image> (plan format version 2) against hostile files: every
# case is an image-unreadable finding at the image's line, never a crash,
# a hang or a file read outside the plan's folder.
. "$SRCDIR/tests/e2e/lib.sh"

IMG=$SRCDIR/tests/data/rules/img
mkdir -p plan/img outside
cp "$IMG"/*.png "$IMG"/*.jpg plan/img/
cp "$IMG/rgb8.png" outside/secret.png

# plan SRC: write plan/p.xml, a clean version 2 plan with one <image src=SRC>.
plan() {
	sed -e 's/<plan version="1"/<plan version="2"/' \
	    -e "s|<market>A market worth 38 million a year, growing 7%.</market>|<market><p>A market.</p><image src=\"$1\"/></market>|" \
	    "$SRCDIR/tests/data/rules/clean.xml" > plan/p.xml
}

# expect_image SRC REGEX DESC: one image-unreadable finding matching REGEX.
expect_image() {
	plan "$1"
	run timeout 10 "$PLANGEN" check plan/p.xml
	expect_rc 1 "$3: the check fails"
	expect_out "^plan/p\.xml:[0-9]+: error: image \".*\" $2.*\[image-unreadable\]\$" "$3"
}

expect_image ../outside/secret.png 'lies outside the plan.s folder' "a ../ path out of the plan's folder"
expect_image img/../../outside/secret.png 'lies outside the plan.s folder' "a path that climbs out through a subfolder"
ln -s ../../outside/secret.png plan/img/link.png
expect_image img/link.png 'lies outside the plan.s folder' "a symbolic link out of the plan's folder"
ln -s "$T/outside" plan/img/dir
expect_image img/dir/secret.png 'lies outside the plan.s folder' "a symbolic link to a folder outside"
expect_image "$T/outside/secret.png" 'is an absolute path' "an absolute path"
expect_image 'file:///etc/passwd' 'is a URL' "a file: URL"
expect_image 'http://127.0.0.1:9/x.png' 'is a URL' "an http URL (never fetched)"
expect_image img/truncated.png 'is damaged or cut short' "a truncated PNG"
expect_image img/truncated.jpg 'is damaged or cut short' "a truncated JPEG"
expect_image img/huge.png 'is 100000 x 100000 pixels, over the limit' "a PNG claiming huge dimensions"
expect_image img/cmyk.jpg 'is a CMYK JPEG' "a CMYK JPEG is refused"
expect_image img/not-an-image.png 'is neither PNG nor JPEG' "text named .png"
: > plan/img/empty.png
expect_image img/empty.png 'is neither PNG nor JPEG' "an empty file"
mkfifo plan/img/fifo.png
expect_image img/fifo.png 'is not a file' "a FIFO (never opened for a blocking read)"
expect_image img 'is not a file' "a folder"
expect_image img/nothing.png 'cannot be read: there is no such file' "a missing file"
head -c 21000000 /dev/zero > plan/img/big.png
expect_image img/big.png 'is 21 MB, over the 20 MB limit' "a file over 20 MB"
rm -f plan/img/big.png
# a PNG whose IDAT is garbage after a valid header
python3 - <<'PY'
import struct, zlib
def chunk(t, d): return struct.pack('>I', len(d)) + t + d + struct.pack('>I', zlib.crc32(t + d) & 0xffffffff)
open('plan/img/garbage.png', 'wb').write(b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', struct.pack('>IIBBBBB', 64, 64, 8, 2, 0, 0, 0)) + chunk(b'IDAT', b'\x78\x9c' + bytes(range(256)) * 4) + chunk(b'IEND', b''))
# a bad CRC
d = bytearray(open('plan/img/rgb8.png', 'rb').read()); d[40] ^= 0xff
open('plan/img/crc.png', 'wb').write(bytes(d))
PY
expect_image img/garbage.png 'is damaged or cut short' "a PNG with garbage data"
expect_image img/crc.png 'is damaged or cut short' "a PNG with a bad checksum"

# Every readable kind is not a finding.
for f in rgb8.png rgba8.png grey8.png grey16.png rgb16.png rgba16.png palette.png palette-trns.png baseline.jpg progressive.jpg grey.jpg; do
	plan "img/$f"
	run "$PLANGEN" check plan/p.xml
	expect_rc 0 "img/$f is readable"
done

# Relative to the plan file, wherever plangen runs from.
plan img/rgb8.png
(cd / && "$PLANGEN" check "$T/plan/p.xml") > out 2>&1
if grep -q 'image-unreadable' out; then fail "resolved against the plan's folder, not the working directory"; else pass "resolved against the plan's folder"; fi

finish
