# io.BytesIO: reading, writing, positions, readinto and errors.
import io

b = io.BytesIO(b"line1\nline2\nline3")
print(b.read(3), b.tell(), b.read1(2), b.readline(), b.readlines())
b.seek(0)
print(list(b), b.read())
print(b.seek(2), b.seek(3, 1), b.seek(-2, 2), b.read())
b.seek(30)
print(b.read(), b.tell())
b.write(b"end")
v = b.getvalue()
print(len(v), v[-6:])
print(b.truncate(4), b.getvalue(), b.tell())
ba = bytearray(3)
b.seek(1)
print(b.readinto(ba), ba)
print(b.readinto(bytearray(10)))
w = io.BytesIO()
print(w.write(b"ab"), w.write(bytearray(b"cd")), w.write(memoryview(b"ef")))
w.writelines([b"g", b"h"])
print(w.getvalue(), w.tell())
print(w.readable(), w.writable(), w.seekable(), w.isatty(), w.flush())
print(io.BytesIO(initial_bytes=b"kw").read(), io.BytesIO(None).read())
for bad in [lambda: io.BytesIO("s"), lambda: w.write("s"), lambda: w.seek(-1), lambda: w.seek(0, 3),
            lambda: w.truncate(-2), lambda: w.read("x"), lambda: w.fileno(), lambda: w.readinto(b"ro")]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
w.close()
print(w.closed)
for op in [w.getvalue, w.read, lambda: w.write(b"x"), w.tell, w.readable, w.flush]:
    try:
        op()
    except ValueError as e:
        print("ValueError", e)
print(isinstance(w, io.BufferedIOBase), isinstance(w, io.IOBase), isinstance(w, io.RawIOBase))
