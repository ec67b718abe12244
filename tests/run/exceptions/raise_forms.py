def attempt(f):
    try:
        f()
    except BaseException as e:
        print(type(e).__name__, repr(e), e.args)

def r1(): raise ValueError
def r2(): raise ValueError("msg")
def r3(): raise ValueError("a", 2)
def r4(): raise KeyError("key")
def r5(): raise 5
def r6(): raise int
def r7():
    class NotExc: pass
    raise NotExc()
def r8(): raise
def r9(): raise ValueError from 5
def r10(): raise Exception()

for f in (r1, r2, r3, r4, r5, r6, r7, r8, r9, r10):
    attempt(f)

print(str(KeyError("k")), str(KeyError("a", "b")), str(KeyError()), repr(KeyError()))
print(str(ValueError()), str(ValueError("")), str(ValueError(None)), str(ValueError(1, 2)))
e = ValueError("x")
e.args = ("changed",)
print(e, e.args)
print(repr(OSError(2, "No such file")), OSError(2, "No such file").errno, OSError(2, "x").strerror)
print(str(OSError(2, "No such file", "f.txt")), type(OSError(2, "x")).__name__)
print(str(UnicodeDecodeError("utf-8", b"\xff", 0, 1, "invalid start byte")))
print(StopIteration(5).value, SystemExit().code, SystemExit(1, 2).code)
