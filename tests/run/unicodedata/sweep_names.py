# Every code point's name, both ways: name(c) for 0..0x10FFFF (summarised
# per plane as runs of "has a name" and a CRC of the names), lookup of every
# name as is, in lower case and title case, and \N{...} on a sample; then
# the 3.2.0 database's names. Aliases and named sequences by example.
import unicodedata
import zlib


def names_of(ucd, tag):
    out = []
    total = 0
    for plane in range(17):
        names = []
        for cp in range(plane << 16, (plane + 1) << 16):
            n = ucd.name(chr(cp), None)
            if n is not None:
                names.append((cp, n))
        total += len(names)
        if names:
            out.append("%d:%d:%08x" % (plane, len(names), zlib.crc32(repr(names).encode())))
        yield names
    print(tag, "names", total, " ".join(out))


def lookups(ucd, tag, names):
    bad = []
    count = 0
    for cp, n in names:
        for variant in (n, n.lower(), n.title()):
            count += 1
            try:
                got = ucd.lookup(variant)
            except KeyError:
                got = None
            if got != chr(cp):
                bad.append((cp, variant, got))
    print(tag, "lookups", count, "not found:", len(bad), "%08x" % zlib.crc32(repr(bad).encode()))
    return bad


for ucd, tag in ((unicodedata, "14"), (unicodedata.ucd_3_2_0, "3.2")):
    all_names = []
    for names in names_of(ucd, tag):
        all_names += names
    bad = lookups(ucd, tag, all_names)
    print(tag, "sample of lookups that fail:", bad[:3], bad[-3:])

# \N{...} in string literals: every 97th name, and upper/lower variants.
names = [(cp, unicodedata.name(chr(cp))) for cp in range(0, 0x110000, 97)
         if unicodedata.name(chr(cp), None)]
ok = 0
failed = []
for cp, n in names:
    for variant in (n, n.lower()):
        try:
            v = eval('"\\N{%s}"' % variant)
            ok += v == chr(cp)
        except SyntaxError as e:
            failed.append(variant)
print("\\N", len(names), ok, len(failed), failed[:4])

examples = [
    "LATIN CAPITAL LETTER GHA", "latin capital letter gha", "BYTE ORDER MARK", "NBSP", "ZWJ",
    "LINE FEED", "EOL", "KEYCAP NUMBER SIGN", "keycap digit zero", "LATIN CAPITAL LETTER A WITH MACRON AND GRAVE",
    "TAMIL SYLLABLE SHRII", "CJK UNIFIED IDEOGRAPH-4E00", "cjk unified ideograph-4e00", "CJK UNIFIED IDEOGRAPH-04E00",
    "CJK UNIFIED IDEOGRAPH-4E0", "CJK UNIFIED IDEOGRAPH-2A6DF", "CJK UNIFIED IDEOGRAPH-2A6E0", "CJK UNIFIED IDEOGRAPH-4e00",
    "CJK COMPATIBILITY IDEOGRAPH-F900", "cjk compatibility ideograph-f900", "CJK COMPATIBILITY IDEOGRAPH-0F900",
    "CJK COMPATIBILITY IDEOGRAPH-FAFF", "TANGUT IDEOGRAPH-17000", "NUSHU CHARACTER-1B170", "KHITAN SMALL SCRIPT CHARACTER-18B00",
    "HANGUL SYLLABLE GAG", "HANGUL SYLLABLE AE", "HANGUL SYLLABLE", "hangul syllable gag", "HANGUL SYLLABLE GAGX",
    "HANGUL SYLLABLE KKAK", "HANGUL SYLLABLE HIH", "LATIN  SMALL LETTER A", "LATIN_SMALL_LETTER_A", "", " ", "-A",
    "A" * 256, "A" * 257, "\xe9", b"LATIN SMALL LETTER B", b"\xff", "BOM", "VS1", "SPACE ", "EGYPTIAN HIEROGLYPH A001",
]
for ucd, tag in ((unicodedata, "14"), (unicodedata.ucd_3_2_0, "3.2")):
    for n in examples:
        try:
            r = ucd.lookup(n)
        except KeyError as e:
            r = "KeyError %s" % (str(e)[:60],)
        print(tag, repr(n)[:40], ascii(r))
for n in ["BYTE ORDER MARK", "KEYCAP NUMBER SIGN", "HANGUL SYLLABLE GAG", "cjk unified ideograph-4e00", "NUL"]:
    try:
        print(ascii(eval('"\\N{%s}"' % n)))
    except SyntaxError as e:
        print("SyntaxError", e.msg)
for cp in (0x0, 0x41, 0xAC00, 0xD7A3, 0xD7A4, 0x4DBF, 0x4DC0, 0x3400, 0x9FFF, 0xFA6E, 0x1F600, 0x17000, 0xE0001, 0xF0000):
    print(hex(cp), unicodedata.name(chr(cp), None), unicodedata.ucd_3_2_0.name(chr(cp), None))
for bad in ((), ("ab",), (1,), ("a", "b", "c")):
    try:
        unicodedata.name(*bad)
    except TypeError as e:
        print(e)
try:
    unicodedata.name("\u0378")
except ValueError as e:
    print(e)
