# float + - * / // % divmod ** over pairs of floats (edge values and
# seeded random ones): signs of zero, inf, nan, zero divisors and their
# messages, 0.0 ** negative, negative base with a fractional exponent
# (a complex result), overflow.
import random, struct

rng = random.Random(415)
inf, nan = float("inf"), float("nan")

def attempt(f, a, b):
    try:
        r = f(a, b)
    except Exception as e:
        return "%s:%s" % (type(e).__name__, e)
    return "(%r,%r)" % r if isinstance(r, tuple) else repr(r)

edges = [0.0, -0.0, 1.0, -1.0, 0.5, -2.5, 3.0, -7.0, 1e-300, 5e-324, -5e-324, 2.2250738585072014e-308,
         1.7976931348623157e308, -1.7976931348623157e308, 1e16, 2.0**53, inf, -inf, nan, 0.1, 1 / 3]
vals = edges + [rng.uniform(-100, 100) for _ in range(6)] + [rng.choice([-1, 1]) * 10 ** rng.uniform(-30, 30) for _ in range(6)]
ops = [("+", lambda a, b: a + b), ("-", lambda a, b: a - b), ("*", lambda a, b: a * b), ("/", lambda a, b: a / b),
       ("//", lambda a, b: a // b), ("%", lambda a, b: a % b), ("divmod", divmod)]
for i, v in enumerate(vals):
    print("v%d" % i, repr(v))
for i, a in enumerate(vals):
    for j, b in enumerate(vals):
        print(i, j, " ".join(attempt(f, a, b) for _, f in ops))

exps = [0.0, -0.0, 1.0, -1.0, 2.0, 0.5, -0.5, 3.0, -3.0, 1e10, -1e10, 2.5, 1e300, inf, -inf, nan, 1.5e308]
bases = [0.0, -0.0, 1.0, -1.0, 2.0, -2.0, 0.5, -0.5, 10.0, 1e-300, 1e300, inf, -inf, nan, -8.0, 1.0000001]
for b in bases:
    print("pow", repr(b), " ".join(attempt(pow, b, e) for e in exps))
    print("  int exps", " ".join(attempt(pow, b, e) for e in [0, 1, -1, 2, -2, 3, 1025, -1025, 2**70, -(2**70)]))
print(attempt(pow, 2.0, 1.0), attempt(lambda a, b: a ** b, 0, -1.0), attempt(lambda a, b: a ** b, -8, 1 / 3),
      attempt(pow, 10, 400.0), attempt(pow, 2, 3.0), attempt(lambda a, b: pow(a, b, 3), 2.0, 3))

# float arithmetic on random bit patterns (hex, so every bit shows)
bad = 0
for k in range(700):
    a = struct.unpack("<d", rng.randbytes(8))[0]
    b = struct.unpack("<d", rng.randbytes(8))[0] if k % 3 else a * rng.uniform(0.5, 2)
    if a != a or b != b or abs(a) == inf or abs(b) == inf or b == 0:
        continue
    m = a % b
    if m != 0 and (m < 0) != (b < 0):
        bad += 1
        print("mod sign", a, b, m)
    print("rand", a.hex(), b.hex(), (a + b).hex(), (a - b).hex(), (a * b).hex(), attempt(lambda x, y: (x / y).hex(), a, b),
          attempt(lambda x, y: (x % y).hex(), a, b), attempt(lambda x, y: (x // y).hex(), a, b))
print("bad", bad)
