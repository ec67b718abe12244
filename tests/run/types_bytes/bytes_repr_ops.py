# repr, comparison, hashing, indexing, slicing, iteration, `in`, + and *.
def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

print(repr(b"\x00\t\n\r'\"\\\x7f\x80\xff"), repr(b"'"), repr(b'"'), repr(b"'\""), repr(b"a b~"))
print(str(b"x"), repr(bytearray(b"a'b")), str(bytearray()), bytearray(b"\x00\x01"), f"{b'ab'}", "%s|%r" % (b"q", b"r"))
print(b"abc" == b"abc", b"abc" != b"abd", b"abc" < b"abd", b"ab" < b"abc", b"b" > b"abc", b"" <= b"", b"x" >= b"y")
print(b"a" == bytearray(b"a"), bytearray(b"a") == b"a", bytearray(b"a") < b"b", b"a" < bytearray(b"b"))
print(b"a" == "a", "a" == b"a", bytearray(b"a") != "a", b"1" == 1)
print(hash(b"abc") == hash("abc"), hash(b"\xe9") == hash("\xe9"), hash(b""), hash(b"x") == hash(b"x"))
print({b"a": 1, b"b": 2}[b"b"], len({b"a", b"a", bytes([97])}))
b = b"hello world"
print(b[0], b[-1], b[1:3], b[::-1], b[::2], b[100:], b[-3:], b[:0], b[1:9:3], b[5:1:-1])
ba = bytearray(b"hello")
print(ba[0], ba[-1], ba[1:3], ba[::-1], type(ba[1:2]).__name__, type(b[1:2]).__name__)
print(list(b"abc"), list(bytearray(b"xy")), [x for x in b"\x00\xff"], len(b), len(ba), len(b""))
print(type(iter(b"")).__name__, type(iter(bytearray())).__name__, next(iter(b"z")), sorted(b"cab"))
print(b"l" in b, b"lo w" in b, 108 in b, 0 in b, b"" in b, bytearray(b"ell") in b, b"h" in ba, 104 in ba)
print(b"a" + b"b", b"a" + bytearray(b"b"), bytearray(b"a") + b"b", b"ab" * 3, 3 * b"ab", b"ab" * 0, b"x" * -2)
print(bytearray(b"ab") * 2, 2 * bytearray(b"c"), bytes(b"ab" * 1), b"".join([b"a"] * 3))
print(ord(b"a"), ord(bytearray(b"z")), [chr(c) for c in b"hi"])
print(bool(b""), bool(b"\x00"), bool(bytearray()), bool(bytearray(1)), not b"")
print(b"abc".__getitem__(0), bytes.__getitem__(b"abc", slice(1, None)), bytearray.__len__(ba), b"ab".__bytes__())
one_point_zero = 1.0
for f in (lambda: b"a" + "b", lambda: bytearray(b"a") + 1, lambda: "b" + b"a", lambda: b"ab"[5],
          lambda: bytearray(b"ab")[-3], lambda: b"ab"[one_point_zero], lambda: bytearray(b"ab")["x"], lambda: "x" in b"ab",
          lambda: 300 in b"ab", lambda: -1 in b"ab", lambda: None in b"ab", lambda: b"a" < "b",
          lambda: bytearray(b"a") <= 1, lambda: hash(bytearray()), lambda: b"a" * "b", lambda: b"a" * 1.5,
          lambda: b"a" - b"b", lambda: b"ab"[::0], lambda: -b"a", lambda: ord(b"ab"), lambda: ord(bytearray())):
    show(f)
