"""Checks that each file named on the command line is a whole, decodable PNG.

Reads every chunk and verifies its CRC-32, requires IHDR first and IEND last, inflates the joined IDAT data and
checks it holds exactly one filter byte plus one row of pixels per scanline (8-bit RGB, RGBA or palette, no
interlace, which is what the Plotting module writes; a palette image needs a PLTE chunk of 1–256 entries before
its image data). Exits non-zero naming the first bad file.
"""
import struct
import sys
import zlib

CHANNELS = {2: 3, 3: 1, 6: 4}  # PNG colour type → samples per pixel (3: one palette index)


def check(path):
    data = open(path, "rb").read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        return "no PNG signature"
    offset, chunks, idat = 8, [], b""
    while offset < len(data):
        if offset + 12 > len(data):
            return "truncated chunk header at byte %d" % offset
        length, kind = struct.unpack(">I4s", data[offset:offset + 8])
        body = data[offset + 8:offset + 8 + length]
        stored_crc = data[offset + 8 + length:offset + 12 + length]
        if len(body) != length or len(stored_crc) != 4:
            return "chunk %r is truncated" % kind
        if zlib.crc32(kind + body) & 0xFFFFFFFF != struct.unpack(">I", stored_crc)[0]:
            return "chunk %r has a wrong CRC" % kind
        chunks.append(kind)
        if kind == b"PLTE":
            if length == 0 or length % 3 != 0 or length > 768 or b"IDAT" in chunks:
                return "PLTE chunk of %d bytes, or after the image data" % length
        if kind == b"IHDR":
            width, height, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", body)
        if kind == b"IDAT":
            idat += body
        offset += 12 + length
    if not chunks or chunks[0] != b"IHDR" or chunks[-1] != b"IEND":
        return "chunks must start with IHDR and end with IEND, found %r" % chunks[:3]
    if depth != 8 or colour not in CHANNELS or interlace != 0:
        return "unexpected format: depth %d, colour type %d, interlace %d" % (depth, colour, interlace)
    if colour == 3 and b"PLTE" not in chunks:
        return "a palette image without a PLTE chunk"
    pixels = zlib.decompress(idat)
    expected = height * (1 + width * CHANNELS[colour])
    if len(pixels) != expected:
        return "image data inflates to %d bytes, expected %d for %dx%d" % (len(pixels), expected, width, height)
    return None


if __name__ == "__main__":
    for path in sys.argv[1:]:
        problem = check(path)
        if problem:
            print("ci: %s is not a valid PNG: %s" % (path, problem), file=sys.stderr)
            sys.exit(1)
