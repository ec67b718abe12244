# io.StringIO: reading, writing, positions, newline modes and errors.
import io

s = io.StringIO("alpha\nbeta\r\ngamma\rdelta")
print(s.readline(), s.tell())
print(s.readlines())
print(repr(s.read()), s.tell())
s.seek(0)
print([line for line in s])
print(s.getvalue() == "alpha\nbeta\r\ngamma\rdelta")

for nl in [None, "", "\n", "\r", "\r\n"]:
    t = io.StringIO(newline=nl)
    t.write("a\nb\r\nc\rd")
    t.seek(0)
    print(repr(nl), repr(t.getvalue()), t.readlines(), t.newlines)

w = io.StringIO()
print(w.write("héllo"), w.tell())
w.seek(10)
w.write("!")
print(repr(w.getvalue()))
w.seek(2)
w.write("LL")
print(repr(w.getvalue()))
print(w.truncate(4), repr(w.getvalue()), w.tell())
print(w.seek(0, 2), w.seek(0, 1))
print(w.read(), repr(w.read(0)))
print(w.readable(), w.writable(), w.seekable(), w.isatty(), w.line_buffering)
print(w.encoding, w.errors, w.closed)

for bad in [lambda: io.StringIO(b"x"), lambda: io.StringIO(newline=3), lambda: io.StringIO(newline="x"),
            lambda: w.write(b"x"), lambda: w.seek(-1), lambda: w.seek(3, 1), lambda: w.seek(1, 2),
            lambda: w.seek(0, 5), lambda: w.truncate(-1), lambda: w.fileno(), lambda: w.detach()]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)

w.close()
print(w.closed)
for op in [w.getvalue, w.read, w.readline, lambda: w.write("x"), w.tell, w.readable, lambda: w.seek(0)]:
    try:
        op()
    except ValueError as e:
        print("ValueError", e)
with io.StringIO("ctx") as c:
    print(c.read())
print(c.closed)
try:
    iter(c)
except ValueError as e:
    print("ValueError", e)
r = io.StringIO("one\ntwo\nthree")
print(r.readline(2), r.readline(-1), r.readline(None), r.readlines(1), r.read(-1))
