# normalize and is_normalized in the four forms, for both databases, over
# generated strings: every character with a decomposition, a combining class
# or a composition role, alone and in random runs mixed with marks, jamo and
# Hangul syllables (a fixed-seed generator written here, so CPython and
# Krait see the same strings). Results are summarised by CRC.
import unicodedata
import zlib

interesting = []
marks = []
for cp in range(0x110000):
    c = chr(cp)
    if unicodedata.decomposition(c) or unicodedata.combining(c):
        interesting.append(cp)
    if unicodedata.combining(c):
        marks.append(cp)
jamo = list(range(0x1100, 0x1113)) + list(range(0x1161, 0x1176)) + list(range(0x11A7, 0x11C4))
hangul = [0xAC00, 0xAC01, 0xAC1C, 0xB098, 0xD7A3, 0xD7A4, 0x3131]
starters = [0x41, 0x61, 0x45, 0x4F, 0x55, 0x3B1, 0x3C9, 0x928, 0x9C7, 0xB47, 0xBC6, 0xCC6, 0xD46, 0xDD9, 0x1025, 0x1B05,
            0x110B1, 0x11131, 0x11347, 0x114B9, 0x115B8, 0x11935, 0x0B92, 0x0BD7, 0x09BE, 0x0CD5, 0x0D3E]
print(len(interesting), len(marks))

state = 12345


def rand(n):
    global state
    state = (state * 1103515245 + 12345) & 0x7FFFFFFF
    return state % n


def pick(pool):
    return pool[rand(len(pool))]


cases = [chr(cp) for cp in interesting]
pools = [interesting, marks, jamo, hangul, starters, interesting + marks + starters]
for _ in range(20000):
    s = []
    for _ in range(1 + rand(6)):
        s.append(chr(pick(pick(pools))))
    cases.append("".join(s))
cases += ["", "abc", "\ud800\u0301", "a\udc00\u0301", "\U0002F868", "\uf951", "\u1100\u1161\u11a7", "\u1100\u1161\u11c3"]

for ucd, tag in ((unicodedata, "14"), (unicodedata.ucd_3_2_0, "3.2")):
    for form in ("NFC", "NFD", "NFKC", "NFKD"):
        out = []
        flags = []
        for s in cases:
            n = ucd.normalize(form, s)
            out.append(n)
            flags.append("1" if ucd.is_normalized(form, s) else "0")
            if ucd.is_normalized(form, n) is not True:
                print("not normal:", tag, form, ascii(s))
        print(tag, form, "%08x" % zlib.crc32(repr(out).encode()), "%08x" % zlib.crc32("".join(flags).encode()),
              flags.count("1"))

for s in ["\u1e9b\u0323", "\u00c5", "\u212b", "\ufb01", "\u0344", "\u0f73", "q\u0307\u0323", "\uac00\u11a8", "\u0958"]:
    print(ascii([unicodedata.normalize(f, s) for f in ("NFC", "NFD", "NFKC", "NFKD")]))
for bad in [(1, "a"), ("NFC", 1), ("nfc", "a"), ("NFC",), ("NFC\x00", "a")]:
    for f in (unicodedata.normalize, unicodedata.is_normalized):
        try:
            f(*bad)
        except (TypeError, ValueError) as e:
            print(type(e).__name__, e)
s = "abc\u00e9"
print(unicodedata.normalize("NFC", s) is s, unicodedata.normalize("NFD", "abc") == "abc")
