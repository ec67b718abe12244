# Classes derived from the _io types, io.py's ABCs, TextIOWrapper over
# in-memory buffers, and IncrementalNewlineDecoder.
import io, _io

print(io.FileIO is _io.FileIO, io.IOBase.__mro__)
print([issubclass(c, io.IOBase) for c in (io.FileIO, io.BytesIO, io.StringIO, io.TextIOWrapper, io.BufferedReader)])
print(issubclass(io.FileIO, io.RawIOBase), issubclass(io.StringIO, io.TextIOBase), issubclass(io.BytesIO, io.RawIOBase))
print(isinstance(io.UnsupportedOperation(), OSError), isinstance(io.UnsupportedOperation(), ValueError))
print(io.BlockingIOError is BlockingIOError, io.SEEK_END)

class Upper(io.StringIO):
    def write(self, s):
        return super().write(s.upper())

u = Upper("start ")
u.seek(0, 2)
u.write("shout")
print(u.getvalue(), type(u).__name__, isinstance(u, io.TextIOBase))
u.extra = 1
print(u.extra, vars(u))

class Counting(io.BytesIO):
    def __init__(self, data):
        super().__init__(data)
        self.reads = 0
    def read(self, n=-1):
        self.reads += 1
        return super().read(n)

c = Counting(b"abc")
print(c.read(1), c.read(), c.reads)

class Lines(io.TextIOBase):
    def __init__(self, lines):
        self.lines = list(lines)
    def readable(self):
        return True
    def readline(self, size=-1):
        return self.lines.pop(0) if self.lines else ""

lines = Lines(["a\n", "b\n"])
print(list(lines), lines.closed)
lines.close()
print(lines.closed)
try:
    iter(lines)
except ValueError as e:
    print("ValueError", e)

class Src(io.RawIOBase):
    def __init__(self):
        self.left = [b"ab", b"cd\n", b"ef"]
    def readable(self):
        return True
    def readinto(self, b):
        if not self.left:
            return 0
        chunk = self.left.pop(0)
        b[:len(chunk)] = chunk
        return len(chunk)

print(Src().read(), Src().readall(), Src().read(10))
print(Src().readline(), Src().readlines())
print(io.BufferedReader(Src()).read())
t = io.TextIOWrapper(io.BufferedReader(Src()), encoding="ascii")
print(t.read(), t.encoding)

for base in (io.IOBase, io.RawIOBase, io.BufferedIOBase, io.TextIOBase):
    obj = base()
    print(base.__name__, obj.readable(), obj.writable(), obj.seekable(), obj.closed)
    for name in ("fileno", "read", "write", "seek", "truncate", "detach"):
        if hasattr(obj, name):
            try:
                getattr(obj, name)(*([b""] if name == "write" else []))
            except (io.UnsupportedOperation, NotImplementedError, TypeError) as e:
                print("  ", name, type(e).__name__, e)

b = io.BytesIO()
w = io.TextIOWrapper(b, encoding="utf-8", newline="\r\n")
w.write("x\ny\n")
print(b.getvalue())
w.flush()
print(b.getvalue(), w.tell())
w.seek(0)
print(repr(w.read()), w.newlines)
print(repr(w).startswith("<_io.TextIOWrapper"), w.name if hasattr(w, "name") else "no name")
w2 = io.TextIOWrapper(io.BytesIO(b"l1\rl2\r\nl3\n"), encoding="utf-8")
print(w2.readlines(), w2.newlines, w2.line_buffering, w2.write_through, w2.errors)
w3 = io.TextIOWrapper(io.BytesIO(), encoding="utf-8", line_buffering=True)
w3.write("no newline")
print(w3.buffer.getvalue())
w3.write("!\n")
print(w3.buffer.getvalue())
w3.reconfigure(line_buffering=False, write_through=True)
w3.write("more")
print(w3.buffer.getvalue(), w3.line_buffering, w3.write_through)
raw = w3.detach()
print(type(raw).__name__)
try:
    w3.write("x")
except ValueError as e:
    print("ValueError", e)
for bad in [lambda: io.TextIOWrapper(io.BytesIO(), encoding=3), lambda: io.TextIOWrapper(io.BytesIO(), newline="z"),
            lambda: io.TextIOWrapper(io.BytesIO(), encoding="no-such"), lambda: io.TextIOWrapper(io.BytesIO(b"x"), encoding="utf-8").write(1)]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)

dec = io.IncrementalNewlineDecoder(None, translate=True)
print(repr(dec.decode("a\r")), repr(dec.decode("\nb\r")), repr(dec.decode("", final=True)), dec.newlines)
print(dec.getstate())
dec.reset()
print(dec.newlines, repr(dec.decode("x\r\n")))
dec2 = io.IncrementalNewlineDecoder(None, translate=False)
print(repr(dec2.decode("p\r\nq\r", final=True)), dec2.newlines)
