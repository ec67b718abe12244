# bytes() and bytearray() constructors, constants and conversions.
def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

empty = b""
print(b"", b"abc", b"\x00\xff", bytes(), bytearray(), empty is bytes(), type(b"x"), type(bytearray()))
print(bytes(3), bytearray(2), bytes([65, 66, 67]), bytes((1, 2)), bytes(range(250, 256)), bytes(iter([104, 105])))
print(bytes(b"abc"), bytes(bytearray(b"abc")), bytearray(b"abc"), bytearray([1, 2]), bytearray(range(3)))
print(bytes("é", "utf-8"), bytes("é", "latin-1"), bytes("abc", "ascii"), bytes(source="x", encoding="utf8"))
print(bytearray("é", "utf-8"), bytearray("abc", encoding="ascii", errors="strict"), bytes("é", "ascii", "ignore"))
print(bytes(True), bytes([True, False]), bytearray(0), bytes({1: 2}))


class Idx:
    def __index__(self):
        return 2


class HasBytes:
    def __bytes__(self):
        return b"from __bytes__"


class BadBytes:
    def __bytes__(self):
        return "not bytes"


print(bytes(Idx()), bytearray(Idx()), bytes([Idx(), 65]), bytes(HasBytes()))
for f in (lambda: bytes(1.5), lambda: bytearray(1.5), lambda: bytes(None), lambda: bytes(-1),
          lambda: bytearray(-1), lambda: bytes("x"), lambda: bytearray("x"), lambda: bytes(b"x", "utf-8"),
          lambda: bytes(1, errors="strict"), lambda: bytes([1, "a"]), lambda: bytes([1, 300]),
          lambda: bytes([-1]), lambda: bytearray([256]), lambda: bytes(x=1), lambda: bytes(1, 2, 3, 4),
          lambda: bytes(1, source=2), lambda: bytes("a", 1), lambda: bytes("a", "utf-8", 1),
          lambda: bytearray(encoding="utf-8"), lambda: bytearray(errors="x"), lambda: bytearray(x=1),
          lambda: bytes(2 ** 70), lambda: bytearray(2 ** 70), lambda: bytes(BadBytes()),
          lambda: bytearray(HasBytes()), lambda: bytes("é", "foo"), lambda: bytes("é", "ascii"),
          lambda: bytes([2 ** 70])):
    show(f)
# int(), float() and str() of bytes
print(int(b"12"), int(b" -7 "), int(b"ff", 16), int(bytearray(b"10"), 2), float(b"1.5"), float(bytearray(b" 2e3 ")))
print(str(b"ab", "ascii"), str(b"ab", encoding="utf-8"), str(bytearray(b"x"), "latin-1"), str(b"a\xffb", "ascii", "replace"))
print(str(b"ab"), str(bytearray(b"ab")), str(object=b"q"), str(encoding="utf-8"), repr(str(b"", "ascii")))
for f in (lambda: int(b"1x"), lambda: int(b"\xff"), lambda: float(b"x"), lambda: str("ab", "ascii"),
          lambda: str(1, "ascii"), lambda: str(b"x", 1), lambda: str(b"x", "utf-8", "strict", 1),
          lambda: str(b"x", foo=1)):
    show(f)
