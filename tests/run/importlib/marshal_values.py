# marshal: byte-exact dumps for every version and value kind, round trips,
# shared references, and CPython's errors for bad data.
import io
import marshal

def values():
    yield from [None, True, False, Ellipsis, StopIteration]
    yield from [0, 1, -1, 255, 2**31 - 1, -2**31, 2**31, -2**31 - 1, 2**62, 2**63, -2**64, 2**100 + 7, -(3**90)]
    yield from [0.0, -0.0, 1.5, 0.1, 1e300, -2.5e-300, float("inf"), float("-inf"), 1e22, 123456789.0]
    yield from [1j, 2.5 - 0.5j, complex(-0.0, 1e10)]
    yield from [b"", b"abc", bytes(range(256)), "", "abc", "ab cd", "é", "snake 🐍", "x" * 300, "\udc80"]
    # (a tuple nested in a tuple constant is shared with CPython's constant
    # cache, so this one is built at run time)
    yield from [(), (1,), (1, "a", tuple([2.0, None])), [], [1, [2, [3]]], {}, {"k": [1, 2], "j": (3,)}]
    yield from [set(), {1, 2, 3}, frozenset(), frozenset({"b", "a"}), {(1, 2), 7, 3.5}]
    yield tuple(range(300))

for version in range(5):
    for v in values():
        data = marshal.dumps(v, version)
        back = marshal.loads(data)
        same = back == v or (v != v and back != back)
        shown = sorted(v, key=repr) if isinstance(v, (set, frozenset)) else v
        print(version, repr(shown)[:40], data.hex()[:120], same, type(back).__name__)

a = [1, 2]
shared = [a, a, "ab cd", "ab cd"]
print(marshal.dumps(shared).hex())
print(marshal.dumps(shared, 2).hex())
back = marshal.loads(marshal.dumps(shared))
print(back, back[0] is back[1])
nested = {"t": (a, a), "s": frozenset({"q"})}
print(marshal.dumps(nested).hex())

buf = io.BytesIO()
marshal.dump([1, "two", 3.0], buf)
marshal.dump({"second": None}, buf, 2)
buf.seek(0)
print(marshal.load(buf), marshal.load(buf), buf.read())
print(marshal.loads(marshal.dumps(7) + b"trailing"))
print(marshal.loads(bytearray(marshal.dumps("ba"))), marshal.dumps(bytearray(b"xy")), marshal.dumps(memoryview(b"mv")))
print(marshal.version)

for bad in [object(), [1, object()], int, print]:
    try:
        marshal.dumps(bad)
    except ValueError as e:
        print(type(e).__name__, e)
deep = []
for _ in range(3000):
    deep = [deep]
try:
    marshal.dumps(deep)
except ValueError as e:
    print(type(e).__name__, e)
for data in [b"", b"i\x01\x00", b"?", b"r\x05\x00\x00\x00", b"l\x01\x00\x00\x00\x00\x00", b"l\x01\x00\x00\x00\xff\xff",
             b"(\x02\x00\x00\x00N", b"0", b"[\x01\x00\x00\x000", b"s\xff\xff\xff\xff", b"z\x05ab"]:
    try:
        print(marshal.loads(data))
    except (ValueError, EOFError, TypeError) as e:
        print(type(e).__name__, e)
try:
    marshal.dumps(1, 2, 3)
except TypeError as e:
    print(e)
