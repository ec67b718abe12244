# printf-style % formatting over seeded generated conversion specs: flags
# (- + space # 0), width and precision (also '*'), every conversion
# (d i o u x X e E f F g G c r s a %), applied to ints, big ints, floats
# (nan, inf, -0.0) and strings, on str and bytes; errors and messages.
import random

rng = random.Random(421)
inf, nan = float("inf"), float("nan")

def attempt(fmt, args):
    try:
        r = fmt % args
    except Exception as e:
        return "%s:%s" % (type(e).__name__, e)
    return repr(r) if len(r) <= 60 else "%r..%r(%d)" % (r[:20], r[-20:], len(r))

def gen(convs):
    s = "%"
    for flag in "-+ #0":
        if rng.random() < 0.2:
            s += flag
    if rng.random() < 0.5:
        s += str(rng.choice([1, 4, 10, 25]))
    if rng.random() < 0.4:
        s += "." + str(rng.choice([0, 1, 3, 8, 20]))
    return s + rng.choice(convs)

ints = [0, 1, -1, 42, -255, 2**31, -2**63, 2**64 + 3, -(7**60), True, 65, 0x10FFFF]
floats = [0.0, -0.0, 1.5, -2.5, 1e16, 1.2345e-7, 123456.789, 1e300, 5e-324, inf, -inf, nan, 0.1, 2 / 3]
strs = ["", "a", "héllo", "日本"]
for k in range(1800):
    which = k % 3
    if which == 0:
        v = rng.choice(ints + [rng.getrandbits(rng.randrange(1, 100)) * rng.choice([1, -1])])
        spec = gen("diouxXeEfFgGcrsa")
    elif which == 1:
        v = rng.choice(floats + [rng.uniform(-1e5, 1e5), rng.choice([-1, 1]) * 10 ** rng.uniform(-20, 25)])
        spec = gen("diouxXeEfFgGrsa")
    else:
        v = rng.choice(strs)
        spec = gen("rsac")
    print(spec, repr(v)[:30], attempt(spec, (v,)), attempt(spec.encode(), (v.encode() if isinstance(v, str) and spec[-1] in "sc" and len(v) == 1 and v.isascii() else v,)) if spec[-1] not in "ra" else "")

cases = [("%d", 1.5), ("%x", 1.5), ("%c", "ab"), ("%c", -1), ("%c", 0x110000), ("%d", "1"), ("%s %s", (1,)), ("%s", (1, 2)),
         ("%(a)s %(b)d", {"a": 1, "b": 2}), ("%(a)s", (1,)), ("%*d", (5, 3)), ("%-*.*f", (10, 2, 3.14159)), ("%*d", ("x", 3)),
         ("%.*f", (-1, 2.0)), ("%", ()), ("%z", (1,)), ("%5", (1,)), ("100%%", ()), ("%%%d", (5,)), ("%(a", {"a": 1}),
         ("%i %u", (3, 4)), ("%o %#o %#x %#X", (8, 8, 255, 255)), ("%e", 10**400), ("%f", 2**1024), ("%.0f", 0.5),
         ("%.0f", 1.5), ("%#.0f", 1.0), ("%#g", 1.0), ("%g", 1e-5), ("%G", 1e20), ("%r", "é"), ("%a", "é\n"),
         ("%s", b"x"), ("%.1s", "abc"), ("%5.1s|", "abc"), ("%c", 65.0), ("%d", True), ("%x", -255), ("%05d", -42),
         ("%+05.1f", -0.0), ("% d", 5), ("%-05d|", 7), ("%.3d", 5), ("%.3x", -5), ("%#.3o", 0), ("%d %d", [1, 2])]
for fmt, args in cases:
    print(repr(fmt), repr(args)[:40] if "memory" not in repr(args) else "memoryview", attempt(fmt, args))
for fmt, args in [(b"%s", b"x"), (b"%s", "x"), (b"%c", 256), (b"%c", b"ab"), (b"%r", 1), (b"%a", "é"), (b"%b", b"y"),
                  (b"%d", 1.9), (b"%5.2f|", 3.14159), (b"%x", 255), (b"%s", bytearray(b"z")), (b"%s", (memoryview(b"m"),))]:
    print(repr(fmt), repr(args)[:40] if "memory" not in repr(args) else "memoryview", attempt(fmt, args))

# conversions of objects that are not numbers: PyFloat_AsDouble's errors
# for str, bytesobject.c's own for bytes (%i named %d there)
class Index:
    def __index__(self):
        return 5
class BadFloat:
    def __float__(self):
        return "x"
class GoodFloat:
    def __float__(self):
        return 2.5
for fmt in ["%f", b"%f", "%i", b"%i", b"%x", "%u", b"%u", "%e", b"%g", "%d", b"%d"]:
    for v in [10**400, Index(), "x", BadFloat(), GoodFloat(), float("nan"), None, [1]]:
        print(repr(fmt), type(v).__name__, attempt(fmt, (v,)) if not (isinstance(v, int) and v > 10**300) else attempt(fmt, (v,))[:40])

# generated conversions with argument lists of any length and type, on
# str, bytes and bytearray formats alike
vals = [0, -1, 255, 256, 2**70, 1.5, -0.0, nan, b"ab", bytearray(b"x"), "s", "é", b"", None, [1], (1,), {"k": 1}]
for _ in range(600):
    conv = rng.choice("diouxXeEfFgGcrsab%")
    spec = "%" + "".join(rng.choice(["", "-", "+", " ", "#", "0"]) for _ in range(2)) + rng.choice(["", "3", "*", "10"]) + \
        rng.choice(["", ".2", ".*", ".0"]) + conv
    args = tuple(rng.choice(vals) for _ in range(rng.randrange(0, 4)))
    one = len(args) == 1 and rng.random() < 0.5
    print(repr(spec), ascii(args)[:50], one, attempt(spec, args[0] if one else args), attempt(spec.encode(), args[0] if one else args),
          attempt(bytearray(spec.encode()), args[0] if one else args))
