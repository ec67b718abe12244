# bytearray: __reduce__/__reduce_ex__ (latin-1 str below protocol 3,
# bytes from 3, the instance state), pickling and copying subclasses with
# attributes and slots, __alloc__, an __index__ raising TypeError falling
# back to the buffer, and assigning b"" to an extended slice (a deletion,
# refused while exported).
import copy, pickle

b = bytearray(b"ab\xff")
print(b.__reduce__())
for proto in range(6):
    print(proto, b.__reduce_ex__(proto), bytearray().__reduce_ex__(proto))

class Sub(bytearray): pass
class Slotted(bytearray):
    __slots__ = ("x", "y", "__dict__")

for cls in (Sub, Slotted):
    a = cls(b"abcd")
    a.x = 10
    a.z = cls(b"efgh")
    print(cls.__name__, a.__reduce_ex__(2)[0].__name__, a.__reduce_ex__(2)[1])
    for proto in range(pickle.HIGHEST_PROTOCOL + 1):
        c = pickle.loads(pickle.dumps(a, proto))
        print(proto, type(c).__name__, c, c.x, type(c.z).__name__, c.z, hasattr(c, "y"))
    for f in (copy.copy, copy.deepcopy):
        c = f(a)
        print(f.__name__, type(c).__name__, c == a, c is a, c.x, c.z)

e = bytearray()
print(e.__alloc__() >= 0)
for i in range(50):
    e += b"x"
    assert e.__alloc__() > len(e)
print("alloc grows past len")

class B(bytes):
    def __index__(self):
        raise TypeError
print(bytearray(B(b"foobar")), bytes(B(b"foobar")))
class C:
    def __index__(self):
        raise ValueError("no")
try:
    bytearray(C())
except ValueError as e:
    print("ValueError:", e)

b = bytearray(b"abcdefgh")
b[::2] = b""
print(b)
b = bytearray(b"abcdefgh")
b[5:1:-2] = []
print(b)
b = bytearray(b"abcdefgh")
b[1:1:3] = b""
print(b)
try:
    b[::2] = b"x"
except ValueError as e:
    print("ValueError:", e)
b = bytearray(b"abcdefgh")
m = memoryview(b)
for op in (lambda: b.__setitem__(slice(1, -1, 2), b""), lambda: b.__setitem__(slice(1, 1, 2), b"")):
    try:
        op()
    except BufferError as e:
        print("BufferError:", e)
m.release()
print(b)
