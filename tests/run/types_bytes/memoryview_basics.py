# memoryview over bytes and bytearray: items, slices, writes through to a
# bytearray, release, exports blocking resizes, casts, comparisons, errors.


def show(m):
    text = repr(m)
    return text[: text.index("0x")] + "0x...>"


m = memoryview(b"hello world")
print(show(m), len(m), m[0], m[-1], m.tobytes(), m.tolist()[:3], bytes(m[6:]))
print(m.readonly, m.format, m.itemsize, m.ndim, m.shape, m.strides, m.nbytes, m.obj)
print(m.suboffsets, m.c_contiguous, m.f_contiguous, m.contiguous)
s = m[::-2]
print(s.tobytes(), s.strides, s.shape, s.contiguous, s.obj is m.obj, list(s))
print(m[2:2].tobytes(), m[100:].tobytes(), m[::3][1:].tobytes())
print(m == b"hello world", m != b"hello", m == bytearray(b"hello world"), m[:5] == memoryview(b"hello"))
print(m == "hello world", m == 5, hash(m) == hash(b"hello world"), hash(m[::2]) == hash(b"hlowrd"))
print(m.hex(), m[:4].hex(":"), m[:4].hex("-", 2), b"".join([m[:2], m[-2:]]))
print(bytes(m[:3]) + b"!", bytearray(m[::4]), b"ell" in bytes(m), m[1:4].tobytes() in b"xhelloy")

ba = bytearray(b"abcdef")
v = memoryview(ba)
v[0] = ord("A")
v[-1:] = b"F"
v[1:3] = memoryview(b"BC")
v[::2][1:] = b"ce"
print(ba, v.readonly, v.tolist())
for op in ("append", "extend", "clear", "pop", "insert", "iadd", "delitem", "slice_grow"):
    try:
        if op == "append":
            ba.append(1)
        elif op == "extend":
            ba.extend(b"xy")
        elif op == "clear":
            ba.clear()
        elif op == "pop":
            ba.pop()
        elif op == "insert":
            ba.insert(0, 1)
        elif op == "iadd":
            ba += b"z"
        elif op == "delitem":
            del ba[0]
        elif op == "slice_grow":
            ba[0:1] = b"xyz"
    except BufferError as e:
        print(op, "BufferError", e)
ba[0:1] = b"a"
ba += b""
print(ba)
v.release()
ba.append(ord("!"))
print(ba, show(v))
with memoryview(ba) as w:
    print(w[0], w.tobytes())
ba.extend(b"??")
print(ba)

for bad in (lambda: v[0], lambda: len(v), lambda: v.tobytes(), lambda: v.obj, lambda: bytes(v)):
    try:
        bad()
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
print(v == v, v == memoryview(b"x"))
v.release()

def setitem(m, k, v):
    m[k] = v


def delitem(m, k):
    del m[k]


r = memoryview(b"xyz")
for bad in (
    lambda: setitem(r, 0, 1),
    lambda: delitem(r, 0),
    lambda: r[...],
    lambda: r[3],
    lambda: r[-4],
    lambda: r["a"],
    lambda: r[1.5],
    lambda: memoryview("text"),
    lambda: memoryview(5),
    lambda: memoryview(),
    lambda: hash(memoryview(bytearray(b"a"))),
    lambda: r.tobytes(order="Z"),
):
    try:
        bad()
        print("no error")
    except (ValueError, TypeError, IndexError) as e:
        print(type(e).__name__, e)
try:
    del r[0]
except TypeError as e:
    print("TypeError", e)
try:
    r[0] = 1
except TypeError as e:
    print("TypeError", e)

w = memoryview(bytearray(b"\x00\x01\xff"))
for bad in (lambda: setitem(w, 0, 256), lambda: setitem(w, 0, -1), lambda: setitem(w, 0, b"a"),
            lambda: setitem(w, slice(0, 2), b"abc"), lambda: setitem(w, 0, 2.0), lambda: delitem(w, 0)):
    try:
        bad()
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
c = w.cast("c")
b = w.cast("b")
print(c.format, c[2], c.tolist(), b.tolist(), b[2], w.cast("B").tolist(), b == w, c == w, c == c.cast("c"))
b[0] = -5
c[1] = b"Z"
print(w.tolist(), w.toreadonly().readonly, memoryview(w).obj is w.obj)
try:
    w[::2].cast("B")
except TypeError as e:
    print("TypeError", e)
print(list(memoryview(b"ab")), [x for x in memoryview(bytearray(b"\x05\x06")).cast("b")])
