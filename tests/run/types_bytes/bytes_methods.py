# The methods bytes and bytearray share: searching, splitting, joining,
# stripping, padding, case, predicates, hex/fromhex, translate.
def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

b = b"hello world"
ba = bytearray(b)
print(b.find(b"o"), b.find(b"o", 5), b.rfind(b"o"), b.find(111), b.find(b"z"), b.index(b"w"), b.rindex(108))
print(b.count(b"o"), b.count(108), b.count(b""), b.count(b"l", None, -2), b.find(b"l", None, None), b.find(b"", 20))
print(ba.find(bytearray(b"l")), ba.count(b"l", 0, 3), ba.rfind(108), b.find(bytearray(b"wor")))
print(b.startswith(b"he"), b.startswith((b"x", b"h")), b.endswith(b"ld", 0, 5), b.endswith((b"x", bytearray(b"ld"))))
print(b.startswith(b""), b.startswith(b"", 20), b.endswith(b"", 11), ba.startswith(b"hell"), ba.endswith(bytearray(b"d")))
print(b.split(), b.split(b"o"), b.split(b"o", 1), b.rsplit(b"o", 1), b" a  b ".split(), b" a  b ".rsplit(None, 1))
print(b"a,b,,c".split(b","), b"a,b".split(sep=b","), b"a b".split(b" ", -1), b"".split(), b"".split(b","))
print(b"\x1ca b\x0bc\x0c".split(), b"  x  ".split(maxsplit=0), b" a b c ".rsplit(maxsplit=1), ba.split(b" "))
print(b"-".join([b"a", bytearray(b"b"), b"c"]), b"".join([]), bytearray(b", ").join([b"x", b"y"]), b"".join(iter([b"q"])))
print(b.partition(b" "), b.rpartition(b"o"), b.partition(b"z"), b.rpartition(b"z"), ba.partition(b"l"))
print(b"ab\r\ncd\re\n\nf\x0bg".splitlines(), b"a\nb\n".splitlines(True), b"x".splitlines(keepends=1), b"".splitlines())
print(b"  pad  ".strip(), b"xxhixx".strip(b"x"), b"  a ".lstrip(), b" a  ".rstrip(), b"abcba".strip(b"ab"), b"q".strip(None))
print(bytearray(b"  z  ").strip(), b.strip(bytearray(b"hd")), b.replace(b"o", b"0"), b.replace(b"o", b"0", 1))
print(b.replace(b"", b"-"), b"aaa".replace(b"a", b"bb", 2), b"abc".replace(b"x", b"y"), ba.replace(b"l", b""))
print(b.removeprefix(b"hello "), b.removesuffix(b" world"), b.removeprefix(b"x"), ba.removesuffix(b"d"))
print(b"abc".center(9), b"abc".center(8, b"*"), b"ab".center(5), b"ab".center(6, b"*"), b"abc".center(2))
print(b"ab".ljust(5, b"."), b"ab".rjust(5), bytearray(b"ab").ljust(4), b"ab".center(5, bytearray(b"#")))
print(b"42".zfill(5), b"-42".zfill(5), b"+4".zfill(1), bytearray(b"7").zfill(3), b"".zfill(2))
print(b"a\tbc\td".expandtabs(), b"a\tb".expandtabs(4), b"x\ny\tz".expandtabs(2), b"\t".expandtabs(0))
print(b"Hello World".lower(), b.upper(), b"aBc".swapcase(), b"hELLO wORLD 3abc".title(), b"hELLO".capitalize())
print(b"\xe9a".upper(), bytearray(b"MiXeD").lower(), b"they're".title(), b"".title())
print(b"abc".isalpha(), b"ab1".isalnum(), b"123".isdigit(), b" \t\n\r\x0b\x0c".isspace(), b"\x1c".isspace())
print(b"abc".islower(), b"aBc".islower(), b"ABC1".isupper(), b"1".isupper(), b"Ab Cd".istitle(), b"AB".istitle())
print(b"".isalpha(), b"".isspace(), b"".isascii(), b"\x80".isascii(), bytearray(b"ok").isascii())
print(b"\x00\xff\x10".hex(), b.hex(":"), b.hex(":", 2), b.hex(":", -2), b"".hex(":"), b.hex(b"-", 4), ba.hex(sep="_"))
print(bytes.fromhex("de ad  BE ef"), bytearray.fromhex("ff00"), bytes.fromhex(""), bytes.fromhex("\t01\n02\x0b03\x0c04\r05"))
table = bytes.maketrans(b"lo", b"01")
print(len(table), table[108], b.translate(table), b.translate(None, b"lo"), b.translate(table, delete=b"h"))
print(ba.translate(None), b"".maketrans(b"", b"") == bytes(range(256)), bytearray.maketrans(b"a", b"b")[97])
print(b.decode(), b"caf\xc3\xa9".decode("utf-8"), bytearray(b"x").decode("ascii"), b"\xe9".decode("latin-1"))
print(b.decode(encoding="ascii"), b.decode(errors="strict", encoding="latin1"), b"abc".decode("ascii", "bogus"))
print(b.__getnewargs__(), bytes.__bytes__(b"q"), b"ab".__bytes__() is b"ab".__bytes__(), hasattr(ba, "__bytes__"))
for f in (lambda: b.find(), lambda: b.find(1, 2, 3, 4), lambda: b.find("a"), lambda: b.find(300),
          lambda: b.index(b"z"), lambda: b.rindex(b"z"), lambda: b.startswith("h"), lambda: b.startswith((b"x", "h")),
          lambda: b.endswith(1), lambda: b.split(b""), lambda: b.split("o"), lambda: b.split(1),
          lambda: b.split(x=1), lambda: b.split(b"l", 1, 2), lambda: b.split(None, 2 ** 70), lambda: b"-".join([b"a", "b"]),
          lambda: b"-".join([b"a", 1]), lambda: b"-".join(5), lambda: b.join(), lambda: b.strip("h"),
          lambda: b.strip(1, 2), lambda: b.replace("o", b"0"), lambda: b.replace(b"l"), lambda: b.upper(1),
          lambda: ba.upper(x=1), lambda: b.center(20, "*"), lambda: b.center(20, b"**"), lambda: b.center(),
          lambda: b.center(width=3), lambda: b.zfill(), lambda: b.zfill("a"), lambda: b.partition(b""),
          lambda: b.partition("l"), lambda: b.removeprefix("h"), lambda: b.expandtabs(4, 5), lambda: b.hex("::"),
          lambda: b.hex(1), lambda: b.hex("é"), lambda: b.hex([1]), lambda: b.hex(":", "a"), lambda: b.hex(":", 2 ** 40),
          lambda: bytes.fromhex("zz"), lambda: bytes.fromhex("a"), lambda: bytes.fromhex("01 0"),
          lambda: bytes.fromhex("0 1"), lambda: bytes.fromhex(b"01"), lambda: bytes.fromhex("ab\u20ac"),
          lambda: bytes.fromhex(), lambda: b.translate(), lambda: b.translate(b"x"), lambda: b.translate("x" * 256),
          lambda: b.translate(None, b"l", b"x"), lambda: bytes.maketrans(b"ab", b"x"), lambda: bytes.maketrans("a", "b"),
          lambda: bytes.maketrans(), lambda: b.decode(1), lambda: b.decode("ascii", "strict", 1),
          lambda: b.decode("ascii", errors=1), lambda: b.isalpha(1), lambda: b.splitlines(x=1)):
    show(f)
