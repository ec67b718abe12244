# BufferedReader/Writer/Random/RWPair over files, BytesIO and a raw
# stream written in Python.
import io, os

class Raw(io.RawIOBase):
    """A raw stream over bytes that records its calls."""
    def __init__(self, data=b""):
        self.data = bytearray(data)
        self.pos = 0
        self.calls = []
    def readable(self):
        return True
    def writable(self):
        return True
    def seekable(self):
        return True
    def readinto(self, b):
        n = min(len(b), len(self.data) - self.pos)
        b[:n] = self.data[self.pos:self.pos + n]
        self.pos += n
        self.calls.append(("readinto", len(b), n))
        return n
    def write(self, b):
        b = bytes(b)
        self.data[self.pos:self.pos + len(b)] = b
        self.pos += len(b)
        self.calls.append(("write", len(b)))
        return len(b)
    def seek(self, pos, whence=0):
        self.pos = [pos, self.pos + pos, len(self.data) + pos][whence]
        return self.pos
    def tell(self):
        return self.pos

r = Raw(b"hello\nworld\nlast")
br = io.BufferedReader(r, buffer_size=4)
print(br.read(2), br.peek()[:2], br.read1(10), br.readline(), br.tell())
print(br.read(), br.read(), r.calls[:3])
br.seek(0)
print(list(br), br.raw is r, br.closed)
print(repr(br).startswith("<_io.BufferedReader"), br.readable(), br.writable(), br.seekable())
ba = bytearray(5)
br.seek(6)
print(br.readinto(ba), ba, br.readinto1(ba))

w = Raw()
bw = io.BufferedWriter(w, buffer_size=8)
print(bw.write(b"abc"), w.calls, bw.tell())
bw.write(b"defghij")
print(w.calls, bytes(w.data))
bw.flush()
print(bytes(w.data), bw.tell())
bw.close()
print(bw.closed, w.closed)
for bad in [lambda: bw.write(b"x"), lambda: bw.flush(), lambda: io.BufferedReader(w), lambda: io.BufferedWriter(Raw(), 0),
            lambda: io.BufferedReader(io.BufferedWriter(Raw()))]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)

rnd = io.BufferedRandom(Raw(b"0123456789"), 4)
print(rnd.read(3), rnd.tell())
rnd.write(b"AB")
print(rnd.tell())
rnd.seek(0)
print(rnd.read())
rnd.seek(-3, 2)
print(rnd.read(), rnd.seek(2, 1), rnd.tell())

pair = io.BufferedRWPair(io.BytesIO(b"in data"), Raw())
print(pair.read(2), pair.peek()[:3], pair.write(b"out"), pair.readable(), pair.writable())
pair.close()
print(pair.closed)

d = "io_buf_%d" % os.getpid()
os.mkdir(d)
try:
    p = os.path.join(d, "b.bin")
    with open(p, "wb") as f:
        f.write(b"x" * 10000)
        f.write(b"\nend\n")
        print(f.tell(), f.raw.tell())
    with open(p, "rb") as f:
        print(len(f.readline()), f.readline(), f.readline())
        f.seek(9998)
        print(f.read(4), f.tell(), f.seek(-2, 1), f.read())
    with open(p, "r+b") as f:
        f.seek(3)
        f.write(b"YY")
        f.seek(0)
        print(f.read(6))
        print(f.truncate(7), f.seek(0, 2))
    with open(p, "rb") as f:
        print(f.read(), f.fileno() > 2, f.isatty())
        try:
            f.write(b"x")
        except io.UnsupportedOperation as e:
            print("UnsupportedOperation", e)
        try:
            f.truncate()
        except io.UnsupportedOperation as e:
            print("UnsupportedOperation", e)
    f = open(p, "rb")
    raw = f.detach()
    print(type(raw).__name__, raw.closed)
    try:
        f.read()
    except ValueError as e:
        print("ValueError", e)
    raw.close()
finally:
    for n in os.listdir(d):
        os.remove(os.path.join(d, n))
    os.rmdir(d)
