#!/usr/bin/env python3
"""make-png.py — write the PNG test images of tests/data/img (and the
sample's samples/img/chart.png) with zlib and struct only.  Run from this
folder: python3 make-png.py.  The files are committed; this says how."""
import struct, zlib, sys, os

def chunk(t, d):
    c = struct.pack('>I', len(d)) + t + d
    return c + struct.pack('>I', zlib.crc32(t + d) & 0xffffffff)

def png(path, w, h, depth, ctype, rows, plte=None, trns=None, interlace=0):
    raw = b''.join(b'\0' + r for r in rows)
    data = b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', struct.pack('>IIBBBBB', w, h, depth, ctype, 0, 0, interlace))
    if plte: data += chunk(b'PLTE', plte)
    if trns: data += chunk(b'tRNS', trns)
    data += chunk(b'IDAT', zlib.compress(raw, 9)) + chunk(b'IEND', b'')
    open(path, 'wb').write(data)
    return data

W, H = 48, 32
def rgb(x, y):  # a gradient with a dark diagonal: garbling shows
    if abs(x - y * W // H) < 2: return (20, 20, 20)
    return (x * 255 // W, y * 255 // H, 160)

png('rgb8.png', W, H, 8, 2, [bytes(c for x in range(W) for c in rgb(x, y)) for y in range(H)])
png('rgba8.png', W, H, 8, 6, [bytes(c for x in range(W) for c in rgb(x, y) + (x * 255 // W,)) for y in range(H)])
png('grey8.png', W, H, 8, 0, [bytes(rgb(x, y)[0] for x in range(W)) for y in range(H)])
png('grey16.png', W, H, 16, 0, [b''.join(struct.pack('>H', rgb(x, y)[0] * 257) for x in range(W)) for y in range(H)])
png('rgb16.png', W, H, 16, 2, [b''.join(struct.pack('>HHH', *(v * 257 for v in rgb(x, y))) for x in range(W)) for y in range(H)])
png('rgba16.png', W, H, 16, 6, [b''.join(struct.pack('>HHHH', *(v * 257 for v in rgb(x, y) + (x * 255 // W,))) for x in range(W)) for y in range(H)])
pal = b''.join(bytes((i * 16, 255 - i * 16, 128)) for i in range(16))
png('palette.png', W, H, 4, 3, [bytes(((x * 16 // W) << 4) | (y * 16 // H) for x in range(0, W, 2)) for y in range(H)], plte=pal)
png('palette-trns.png', W, H, 8, 3, [bytes((x * 16 // W) for x in range(W)) for y in range(H)], plte=pal, trns=bytes([0] + [255] * 15))
d = open('rgb8.png', 'rb').read()
open('truncated.png', 'wb').write(d[:len(d) * 2 // 3])
# a header that claims 100000 x 100000 pixels
open('huge.png', 'wb').write(b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', struct.pack('>IIBBBBB', 100000, 100000, 8, 2, 0, 0, 0)) + chunk(b'IDAT', zlib.compress(b'\0' * 64)) + chunk(b'IEND', b''))
open('not-an-image.png', 'w').write('This is text, not a picture.\n')
if len(sys.argv) > 1:  # the sample's chart: python3 make-png.py ../../../samples/img/chart.png
    CW, CH = 360, 200
    bars = [(40, 120), (110, 150), (180, 95), (250, 170)]
    def px(x, y):
        for bx, bh in bars:
            if bx <= x < bx + 50 and y >= CH - 20 - bh and y < CH - 20: return (52, 101, 164)
        if y == CH - 20 and 20 <= x < CW - 20: return (60, 60, 60)
        return (255, 255, 255)
    png(sys.argv[1], CW, CH, 8, 2, [bytes(c for x in range(CW) for c in px(x, y)) for y in range(CH)])
