b = b"hello"
print(b, b[0], b[1:3], list(b[:2]), b + b"!", b * 2, b.upper(), len(b), b"l" in b, 108 in b)
print(bytes(3), bytes([65, 66]), bytes("é", "utf-8"), bytes(range(3)), b"\x00\xff".hex(), bytes.fromhex("de ad"))
print(bytearray(b"abc"), bytearray(2), bytearray([1, 2]).hex(), b"a,b".split(b","), b" x ".strip())
ba = bytearray(b"hello")
ba[0] = 74
ba.append(33)
ba.extend(b"??")
del ba[-1]
print(ba, ba.pop(), ba, bytes(ba), ba.decode())
print(repr(b"\x00\t\n'\"\\\x7f\x80"), b"abc" < b"abd", b"a" == bytearray(b"a"), hash(b"a") == hash(b"a"))
print(b"%d %s %r" % (1, b"x", "y"), b"{}".decode(), memoryview(b"abc")[1], bytes(memoryview(b"xyz")[::2]))
for bad in (lambda: b"a" + "b", lambda: bytes([256]), lambda: bytes("x"), lambda: ba.__setitem__(0, 300),
            lambda: b"x"[5], lambda: bytes.fromhex("zz"), lambda: b"\xff".decode("ascii")):
    try:
        bad()
    except (TypeError, ValueError, IndexError, UnicodeError) as e:
        print(type(e).__name__, e)
print(b"abc".find(b"c"), b"abc".replace(b"b", b"B"), b"a b".title(), b"123".isdigit(), b"AbC".swapcase())
print(int.from_bytes(b"\xff\xfe", "little", signed=True), b"\x01\x02".decode("utf-16-le"))
