# str.encode and bytes.decode for utf-8, ascii and latin-1 with their
# error handlers, the codec names, and the Unicode errors' fields.
def show(f):
    try:
        print(ascii(f()))
    except Exception as e:
        print(type(e).__name__, ascii(str(e)))

s = "caf\xe9 \u20ac \U0001f600"
print(ascii(s.encode()), ascii(s.encode("utf-8")), "abc".encode("ascii"), "\xe9\xff".encode("latin-1"))
for name in ("UTF-8", "utf8", "utf_8", "U8", "cp65001", "latin1", "L1", "iso-8859-1", "ISO8859-1", "us-ascii", "646", " ascii "):
    show(lambda: "e\xe9".encode(name, "replace"))
for errors in ("strict", "ignore", "replace", "backslashreplace", "xmlcharrefreplace", "surrogateescape", "bogus"):
    show(lambda: "a\xe9\u20ac\U0001f600b".encode("ascii", errors))
    show(lambda: "a\xe9\u20ac\U0001f600b".encode("latin-1", errors))
show(lambda: "\udc80\udcff".encode("ascii", "surrogateescape"))
show(lambda: "a\udc10".encode("ascii", "surrogateescape"))
show(lambda: "x\ud800y".encode())
show(lambda: "x\ud800\udc00y".encode())
show(lambda: "\ud800".encode("utf-8", "surrogatepass"))
show(lambda: "\ud800x".encode("utf-8", "ignore"))
show(lambda: "\ud800".encode("utf-8", "replace"))
show(lambda: "\ud800".encode("utf-8", "backslashreplace"))
show(lambda: "\udc80".encode("utf-8", "surrogateescape"))
show(lambda: "\ud800".encode("latin-1", "surrogatepass"))
show(lambda: "abc".encode("ascii", "bogus"))
show(lambda: "ab".encode(encoding="ascii", errors="strict"))
show(lambda: "ab".encode(1))
show(lambda: "ab".encode("ascii", 1))
show(lambda: "ab".encode("nope"))
show(lambda: "ab".encode("ascii", "strict", 1))
data = b"ab\xe2\x82\xacz\xff\xc3"
for errors in ("strict", "ignore", "replace", "backslashreplace", "surrogateescape", "xmlcharrefreplace", "bogus"):
    show(lambda: data.decode("utf-8", errors))
    show(lambda: data.decode("ascii", errors))
show(lambda: data.decode("latin-1"))
show(lambda: b"\x80".decode())
show(lambda: b"ab\xe2\x82".decode())
show(lambda: b"ab\xe2\x82z".decode())
show(lambda: b"\xed\xa0\x80".decode())
show(lambda: b"\xf0\x80\x80\x80".decode())
show(lambda: b"\xf4\x90\x80\x80".decode())
show(lambda: b"\xc0\xaf".decode())
show(lambda: b"\xe2".decode())
show(lambda: b"a\xed\xb2\x80b".decode("utf-8", "surrogatepass"))
show(lambda: b"a\xed\xb2".decode("utf-8", "surrogatepass"))
show(lambda: b"\x10\x80".decode("ascii", "surrogateescape"))
show(lambda: b"\xf0\x9f\x98".decode("utf-8", "replace"))
try:
    b"ab\xffcd".decode()
except UnicodeDecodeError as e:
    print(e.encoding, e.object, e.start, e.end, e.reason, e.args, isinstance(e, ValueError))
try:
    "ab\u20ac\u20accd".encode("latin-1")
except UnicodeEncodeError as e:
    print(e.encoding, ascii(e.object), e.start, e.end, e.reason, isinstance(e, UnicodeError))
print(str(UnicodeDecodeError("x", b"abc", 0, 1, "why")), str(UnicodeDecodeError("x", bytearray(b"abc"), 0, 3, "why")))
print(str(UnicodeEncodeError("x", "a\U00012345", 1, 2, "why")), str(UnicodeEncodeError("x", "a\u1234", 1, 2, "r")))
print(str(UnicodeEncodeError("x", "abc", 2, 1, "r")), str(UnicodeDecodeError("x", b"abc", 5, 9, "r")))
print(UnicodeDecodeError("x", bytearray(b"abc"), 0, 3, "why").object, repr(UnicodeEncodeError("ascii", "x", 0, 1, "r")))
for f in (lambda: UnicodeDecodeError("a"), lambda: UnicodeDecodeError("utf-8", "x", 0, 1, "r"),
          lambda: UnicodeEncodeError("ascii", b"x", 1, 3, "r"), lambda: UnicodeEncodeError("ascii", "x", "a", 3, "r"),
          lambda: UnicodeEncodeError(1, "x", 1, 3, "r"), lambda: UnicodeEncodeError("ascii", "x", 1, 3, "r", 5)):
    show(f)
