# round(x), round(x, n) for n in range(-5, 20) and a few extreme n, over
# halfway points (0.5, 2.675, 1.0005, ...), seeded random floats of every
# magnitude and edge values; the errors (inf, nan) and their messages.
import random, struct

rng = random.Random(416)
inf, nan = float("inf"), float("nan")

def attempt(f, *args):
    try:
        return repr(f(*args))
    except Exception as e:
        return "%s:%s" % (type(e).__name__, e)

xs = [0.0, -0.0, 0.5, 1.5, 2.5, -0.5, -1.5, -2.5, 2.675, 1.0005, 0.125, 0.375, 1.45, 1.55, -1.45, 5e-324,
      1e-300, 1e22, 1e23, 4503599627370495.5, 4503599627370497.0, 1.7976931348623157e308, -1.7976931348623157e308,
      123456.785, 0.285, 1.015, 2**52 + 0.5, 0.1, 0.7, 1e15 + 0.3, 99999.99999, 5.55, 8.345, 2.5e-5]
xs += [rng.uniform(-1000, 1000) for _ in range(40)]
xs += [rng.choice([-1, 1]) * 10 ** rng.uniform(-25, 25) for _ in range(60)]
xs += [round(rng.uniform(-100, 100), rng.randrange(1, 6)) + rng.choice([0.5, 0.05, 0.005]) for _ in range(40)]
xs += [struct.unpack("<d", rng.randbytes(8))[0] for _ in range(30)]
for x in xs:
    print(repr(x), attempt(round, x) if x == x and abs(x) != inf else "-",
          " ".join(attempt(round, x, n) for n in range(-5, 20)))
    print("  ", " ".join(attempt(round, x, n) for n in [-400, -308, -30, 22, 30, 300, 308, 323, 324, 400, 2**63, -2**63]))
for x in [inf, -inf, nan]:
    print(repr(x), attempt(round, x), attempt(round, x, 0), attempt(round, x, 2), attempt(round, x, None))
print(attempt(round, 2.5, None), attempt(round, 2.5, 1.0), attempt(round, 1e300), type(round(2.5, 0)).__name__,
      attempt(round, 2.5, 10**30), attempt(round, 2.5, -10**30))
