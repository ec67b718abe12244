# BytesIO.getbuffer (a live view that pins the size), __getstate__ /
# __setstate__ and pickling of BytesIO and StringIO, weak references.
import io, pickle, weakref

m = io.BytesIO(b"1234567890")
buf = m.getbuffer()
print(bytes(buf), len(buf), buf.readonly)
for op in [lambda: m.write(b"x"), m.truncate, m.close, lambda: m.__setstate__((b"", 0, None))]:
    try:
        op()
    except BufferError as e:
        print("BufferError", e)
buf[0:3] = b"abc"
print(m.getvalue(), m.closed)
buf.release()
m.write(b"WXYZ")
print(m.getvalue())

b = io.BytesIO(b"state")
b.seek(2)
b.extra = "attr"
print(b.__getstate__())
c = io.BytesIO()
c.__setstate__((b"restored", 3, {"k": 1}))
print(c.read(), c.k)
for bad in [(b"", -1, None), ("text", 0, None), (b"", 0.0, None), (b"", 0, 0), (b"short", 0), 0]:
    try:
        io.BytesIO().__setstate__(bad)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
s = io.StringIO("line\r\n", newline="")
s.seek(3)
print(s.__getstate__())
t = io.StringIO()
t.__setstate__(("abc", "\r", 1, None))
print(repr(t.read()), repr(t.getvalue()))
for bad in [("", "f", 0, None), ("", "", -1, None), (b"", "", 0, None), ("", "", 0, 0), ("x", 0)]:
    try:
        io.StringIO().__setstate__(bad)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
closed = io.StringIO()
closed.close()
try:
    closed.__getstate__()
except ValueError as e:
    print("ValueError", e)

for obj in (io.BytesIO(b"pickled bytes"), io.StringIO("pickled text")):
    obj.seek(3)
    for proto in (4, 5):
        copy = pickle.loads(pickle.dumps(obj, proto))
        print(type(copy).__name__, repr(copy.getvalue()), copy.tell())

r = weakref.ref(io.StringIO())
print(r())
f = io.BytesIO()
r = weakref.ref(f)
print(r() is f)
del f
print(r())
