# Struct sequences have no __slots__ (pickle's copy check compares them)
# and round-trip with their attribute-only fields; exact deques take weak
# references; BytesIO reads take sizes beyond the small-int range.
import copy
import io
import os
import pickle
import struct
import sys
import time
import weakref
from collections import deque

t = time.localtime()
print(hasattr(t, "__slots__"), "__slots__" in type(t).__dict__)
for proto in range(pickle.HIGHEST_PROTOCOL + 1):
    u = pickle.loads(pickle.dumps(t, proto))
    s = os.stat(".")
    v = pickle.loads(pickle.dumps(s, proto))
    print(proto, u == t, u.tm_zone == t.tm_zone, u.tm_gmtoff == t.tm_gmtoff,
          v == s, v.st_mtime == s.st_mtime, v.st_atime_ns == s.st_atime_ns)
print(copy.copy(t) == t, hasattr(sys.flags, "__slots__"), hasattr(os.stat("."), "__slots__"))
print(time.struct_time((1, 2, 3, 4, 5, 6, 7, 8, 9), {"tm_zone": "X"}).tm_zone)

d = deque("gallahad")
p = weakref.proxy(d)
r = weakref.ref(d)
print(str(p) == str(d), r() is d, len(p))
del d
try:
    str(p)
except ReferenceError as e:
    print("ReferenceError", e)
print(r())


class Sub(deque):
    pass


s = Sub([1])
print(weakref.ref(s)() is s)

big = sys.maxsize // 3
f = io.BytesIO(b"abcdef")
print(f.read(big), f.read(big))
f = io.BytesIO(struct.pack("<Q", big) + b"abc")
n = struct.unpack("<Q", f.read(8))[0]
print(n == big, f.read(n))
try:
    io.BytesIO(b"x").read(2**63)
except OverflowError as e:
    print("OverflowError", e)
