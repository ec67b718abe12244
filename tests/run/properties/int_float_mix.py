# ints against floats: exact comparison of huge ints with floats, true
# division int/int (correctly rounded), int(float), float(int) rounding
# (halfway cases), hash of ints and floats; generated with a seeded
# random.Random plus edge values.
import random, struct

rng = random.Random(414)
inf, nan = float("inf"), float("nan")

def attempt(f, *args):
    try:
        return repr(f(*args))
    except Exception as e:
        return "%s:%s" % (type(e).__name__, e)

ints = [0, 1, -1, 2**53, 2**53 + 1, -2**53 - 1, 2**63, 2**64 - 1, 2**1023, 2**1024, -2**1024,
        2**1024 - 2**970, 2**1024 - 2**971, 2**1024 - 2**970 - 1, 10**308, 10**309, 3**700]
ints += [rng.getrandbits(rng.randrange(1, 1100)) * rng.choice([1, -1]) for _ in range(40)]
floats = [0.0, -0.0, 1.0, -1.0, 0.5, 2.0**53, 2.0**53 + 2, 2.0**63, 2.0**64, 1e308, -1e308, 1.7976931348623157e308,
          5e-324, inf, -inf, nan, 1e16, 9007199254740993.0, 123456789.0]
floats += [struct.unpack("<d", rng.randbytes(8))[0] for _ in range(20)]
for i, n in enumerate(ints):
    print("float", i, attempt(float, n), "hash", hash(n), "bl", n.bit_length())
    print("  cmp", "".join("<" if n < f else ">" if n > f else "=" if n == f else "?" for f in floats),
          "".join("1" if (n <= f, n >= f, n != f) == (not n > f, not n < f, not n == f) else "0" for f in floats))
for f in floats:
    print("int", repr(f), attempt(int, f), "hash", hash(f) if f == f else "nan", attempt(float.__trunc__, f))
for _ in range(300):
    f = struct.unpack("<d", rng.randbytes(8))[0]
    print("float", repr(f), attempt(int, f) if abs(f) < 1e30 else "big", hash(f) if f == f else "nan",
          f == int(f) if f == f and abs(f) != inf else "-", attempt(round, f) if abs(f) < 1e30 else "big")

# float(int) halfway cases: 2**53 + 1 .. and big odd neighbours
for k in [53, 54, 60, 64, 100, 500, 1000, 1023]:
    for d in [-3, -2, -1, 0, 1, 2, 3]:
        n = 2**k + d * 2**(k - 53) // 2 if k > 53 else 2**k + d
        print("halfway", k, d, repr(float(n)), repr(float(-n)), repr(float(n + 1)))

# true division int/int
pairs = [(1, 3), (-1, 3), (2, 3), (10**400, 10**399), (10**400, 3 * 10**399), (1, 10**400), (-1, 10**400),
         (2**1100, 2**76), (2**1100, 2**75), (1, 2**1074), (1, 2**1075), (3, 2**1076), (3, 2**1075), (0, 5),
         (0, -5), (1, 0), (2**53 + 1, 1), (2**54 + 3, 2), (6, -4), (-10**30, 7)]
for _ in range(400):
    a = rng.getrandbits(rng.randrange(1, 1200)) * rng.choice([1, -1])
    b = rng.getrandbits(rng.randrange(1, 1200)) * rng.choice([1, -1]) or 1
    pairs.append((a, b))
for a, b in pairs:
    print("div", len(str(a)), len(str(b)), a % 1000, b % 1000, attempt(lambda: a / b))

# mixed arithmetic int op float
for n in ints[:12]:
    print("mixed", attempt(lambda: n + 0.5), attempt(lambda: n * 1.5), attempt(lambda: n - 1e300),
          attempt(lambda: n // 3.0), attempt(lambda: n % -2.5), attempt(lambda: 2.5 ** (n % 7)))
print(hash(-1), hash(-2), hash(2**61 - 1), hash(2**61), hash(-(2**61)), hash(2**64), hash(-2**64 - 5),
      hash(0.5), hash(-0.5), hash(1e300), hash(inf), hash(-inf), hash(1.0) == hash(1), hash(2.0**70) == hash(2**70))
