# Subclasses of bytes and bytearray keep the built-in's payload; their
# methods return the base type; match statements see them as values.
class MB(bytes):
    def shout(self):
        return self.upper() + b"!"


class MBA(bytearray):
    def __init__(self, *args, tag="t"):
        super().__init__(*args)
        self.tag = tag


m = MB(b"hey")
print(m, repr(m), type(m).__name__, len(m), m[0], m[1:], type(m[1:]).__name__, m.shout(), type(m.upper()).__name__)
print(m == b"hey", hash(m) == hash(b"hey"), m + b"!", type(m + b"!").__name__, isinstance(m, bytes), MB(3), MB("é", "utf-8"))
print(MB.fromhex("00ff"), type(MB.fromhex("00")).__name__, bytes(m), type(bytes(m)).__name__, b"".join([m, m]))
a = MBA(b"abc", tag="x")
a.append(100)
a[0] = 65
a += b"e"
print(a, repr(a), a.tag, len(a), type(a).__name__, a.upper(), type(a.upper()).__name__, type(a[1:]).__name__)
print(MBA.fromhex("ff"), type(MBA.fromhex("ff")).__name__, a == b"Abcde", list(a), bytearray(a))
m.attr = 5
print(m.attr, vars(a))


class Clipped(bytes):
    def __new__(cls, data):
        return super().__new__(cls, data[:2])


print(Clipped(b"abcdef"), type(Clipped(b"xyz")).__name__)


def classify(v):
    match v:
        case b"exact":
            return "bytes literal"
        case bytes(x):
            return f"bytes {x!r}"
        case bytearray(x):
            return f"bytearray {x!r}"
        case [*_]:
            return "sequence"
        case _:
            return "other"


for v in (b"exact", b"abc", MB(b"q"), bytearray(b"z"), a, [1], "s"):
    print(classify(v))
