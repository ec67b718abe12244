# The two-argument (and n-argument) float functions of math over
# deterministic generated pairs: atan2, copysign, fmod, remainder, pow,
# nextafter, ldexp, log with a base, isclose, hypot and dist (CPython's own
# vector_norm, not libm's hypot). Each result's repr, or the exception.
import math

state = 77

def bits53():
    global state
    state = (state * 6364136223846793005 + 1442695040888963407) % 2**64
    return state >> 11

def unit():
    return bits53() / 2**53

def wide():
    e = bits53() % 2098 - 1075
    sign = -1.0 if bits53() % 2 else 1.0
    return sign * (1.0 + unit()) * 2.0 ** e

def medium():
    return (unit() - 0.5) * 10.0 ** (bits53() % 7 - 2)

specials = [0.0, -0.0, 1.0, -1.0, 2.0, -2.0, 0.5, 3.0, -3.0, 1.5, -2.5,
            math.inf, -math.inf, math.nan, 5e-324, 1.7976931348623157e308,
            1e308, -1e-310, 7, -7, 10**20]

pairs = [(a, b) for a in specials for b in specials]
pairs += [(medium(), medium()) for _ in range(80)]
pairs += [(wide(), wide()) for _ in range(60)]
pairs += [(medium(), float(bits53() % 9 - 4)) for _ in range(40)]

def show(label, f, *args):
    try:
        r = repr(f(*args))
    except (ValueError, OverflowError, TypeError, ZeroDivisionError) as e:
        r = "%s: %s" % (type(e).__name__, e)
    print(label, *map(repr, args), r)

for name in ["atan2", "copysign", "fmod", "remainder", "pow", "nextafter"]:
    f = getattr(math, name)
    for a, b in pairs:
        show(name, f, a, b)

for a, b in pairs[::3]:
    show("log", math.log, a, b)
    show("isclose", math.isclose, a, b)
    show("hypot", math.hypot, a, b)

for x, i in [(1.0, 1024), (1.0, 1023), (0.75, 1024), (1.0, -1074), (1.0, -1075),
             (1.5, -1074), (3.0, -1075), (-0.0, 5), (math.inf, -10**30),
             (math.nan, 3), (2.5, 10**30), (2.5, -10**30), (1.0, 2**31),
             (1.0, -2**31 - 1), (7, 3), (0.1, True)]:
    show("ldexp", math.ldexp, x, i)
for _ in range(60):
    show("ldexp", math.ldexp, wide(), bits53() % 4300 - 2150)

for tol in [0.0, 1e-9, 1e-3, 0.5]:
    for a, b in [(1.0, 1.0 + 1e-10), (1e-10, 2e-10), (0.0, 1e-300), (math.inf, math.inf),
                 (math.inf, -math.inf), (1.0, math.nan), (100.0, 101.0)]:
        show("isclose rel", lambda a, b: math.isclose(a, b, rel_tol=tol), a, b)
        show("isclose abs", lambda a, b: math.isclose(a, b, abs_tol=tol), a, b)

# hypot and dist in many dimensions: scaling, subnormals, overflow-free
# sums, infinities beating NaN.
def vector(n, gen):
    return [gen() for _ in range(n)]

for n in [0, 1, 2, 3, 4, 5, 8, 17, 40]:
    for gen in [unit, medium, wide]:
        v = vector(n, gen)
        w = vector(n, gen)
        show("hypot%d" % n, lambda *v: math.hypot(*v), *v)
        show("dist%d" % n, math.dist, v, w)
        show("dist-tuple%d" % n, math.dist, tuple(v), tuple(w))
tiny = [5e-324, 1e-320, 3e-310, 2.2250738585072014e-308]
show("hypot tiny", math.hypot, *tiny)
show("hypot huge", math.hypot, 1e308, 1e308, 1e308)
show("hypot inf nan", math.hypot, math.nan, math.inf)
show("hypot nan", math.hypot, math.nan, 1.0)
show("hypot ints", math.hypot, 3, 4, 12, 84)
show("hypot big int", math.hypot, 10**300, 10**300)
show("dist inf", math.dist, (math.inf, 0.0), (0.0, math.nan))
show("dist gen", lambda: math.dist(iter([1.0, 2.0]), (x for x in [4.0, 6.0])))
