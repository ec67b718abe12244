# Every code point's properties in unicodedata.ucd_3_2_0 (the database IDNA uses), summarised:
# for each property, the number of runs of equal answers and a CRC of the
# runs (start, answer), per plane, so a mismatch names its plane.
import unicodedata
import zlib


def sweep(label, f):
    planes = []
    runs = []
    prev = object()
    for cp in range(0x110000):
        v = f(chr(cp))
        if v != prev:
            runs.append((cp, v))
            prev = v
        if cp & 0xFFFF == 0xFFFF:
            planes.append("%d:%08x" % (len(runs), zlib.crc32(repr(runs).encode())))
            runs = []
            prev = object()
    print(label, " ".join(p for p in planes if not p.startswith("1:")) or "-", sum(1 for p in planes if p.startswith("1:")))


for ucd, tag in ((unicodedata.ucd_3_2_0, "3.2"),):
    sweep(tag + " category", ucd.category)
    sweep(tag + " bidirectional", ucd.bidirectional)
    sweep(tag + " combining", ucd.combining)
    sweep(tag + " east_asian_width", ucd.east_asian_width)
    sweep(tag + " mirrored", ucd.mirrored)
    sweep(tag + " decomposition", ucd.decomposition)
    sweep(tag + " decimal", lambda c: ucd.decimal(c, None))
    sweep(tag + " digit", lambda c: ucd.digit(c, None))
    sweep(tag + " numeric", lambda c: ucd.numeric(c, None))
