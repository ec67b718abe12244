# fsum is exact (Shewchuk's partials with a correctly rounded final
# step): sums with massive cancellation, subnormals, huge magnitudes,
# orderings, ints mixed in, specials and their errors; prod with start=,
# mixed types, and objects defining __mul__/__rmul__.
import math

state = 99

def bits53():
    global state
    state = (state * 6364136223846793005 + 1442695040888963407) % 2**64
    return state >> 11

def unit():
    return bits53() / 2**53

def wide(lo, hi):
    e = bits53() % (hi - lo) + lo
    sign = -1.0 if bits53() % 2 else 1.0
    return sign * (1.0 + unit()) * 2.0 ** e

def show(label, f, *args):
    try:
        r = repr(f(*args))
    except (ValueError, OverflowError, TypeError, ZeroDivisionError) as e:
        r = "%s: %s" % (type(e).__name__, e)
    print(label, r)

cases = [
    [], [0.0], [-0.0], [-0.0, -0.0], [0.0, -0.0], [1e100, 1.0, -1e100, 1e-100, 1e50, -1.0, -1e50],
    [0.1] * 10, [1e-16, 1, 1e16], [1, 1e16, 1e-16], [2.0**53, -0.5, -2.0**-54],
    [2.0**53, 1.0, 2.0**-100], [1e308, 1e308, -1e308], [1.7976931348623157e308, 9.9792015476736e291],
    [5e-324] * 10, [5e-324, -5e-324], [1.0, 2.0**-53, 2.0**-106], [3, 0.1, 2**60, -2**60],
    [math.inf, 1.0], [-math.inf, -1e308], [math.inf, -math.inf], [math.nan, 1.0],
    [math.inf, math.nan], [math.inf, math.inf], [1e308, 1e308], [True, 0.5],
    range(1, 1001), [x * 0.1 for x in range(100)],
]
for i, c in enumerate(cases):
    show("fsum %d" % i, math.fsum, c)

for n in [10, 100, 1000]:
    for lo, hi in [(-10, 10), (-1074, -1000), (900, 1000), (-300, 300)]:
        xs = [wide(lo, hi) for _ in range(n)]
        ys = xs + [-x for x in xs[: n // 2]]
        show("fsum gen %d %d" % (n, lo), math.fsum, xs)
        show("fsum cancel %d %d" % (n, lo), math.fsum, ys)
        show("fsum order %d %d" % (n, lo), lambda: math.fsum(sorted(ys)) == math.fsum(ys[::-1]))
        show("sum %d %d" % (n, lo), sum, xs)

show("fsum str", math.fsum, ["1"])
show("fsum not iterable", math.fsum, 3)
show("fsum generator", math.fsum, (x / 7 for x in range(70)))

def failing():
    yield 1.0
    raise KeyError("stop")
try:
    math.fsum(failing())
except KeyError as e:
    print("fsum propagates", repr(e))

show("prod ints", math.prod, range(1, 26))
show("prod floats", math.prod, [0.1] * 30)
show("prod mixed", math.prod, [2, 0.5, 3, 1.5])
show("prod start", lambda: math.prod([2, 3], start=10))
show("prod start float", lambda: math.prod([2, 3], start=0.5))
show("prod empty", math.prod, [])
show("prod empty start", lambda: math.prod([], start="s"))
show("prod str", math.prod, [2, "ab"])
show("prod strs", math.prod, ["a", "b"])
show("prod big", math.prod, [2**62, 2**62, -3])
show("prod bool", math.prod, [True, True])
show("prod list", lambda: math.prod([3], start=[1, 2]))

class Vec:
    def __init__(self, v):
        self.v = v
    def __mul__(self, k):
        return Vec([x * k for x in self.v])
    def __rmul__(self, k):
        return Vec([k * x for x in self.v])
    def __repr__(self):
        return "Vec(%r)" % self.v
show("prod rmul", math.prod, [2, Vec([1, 2]), 3])
show("prod bad", math.prod, [1, None])
