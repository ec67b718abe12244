# pow(a, b) and a ** b for ints (negative exponents give floats), and
# pow(a, b, m) with every sign of a, b and m, negative exponents (the
# modular inverse, and its ValueError), zero modulus; generated with a
# seeded random.Random plus edge values.
import random

rng = random.Random(413)

def fmt(r):
    s = repr(r)
    return s if len(s) <= 24 else "%s..%s(%d)" % (s[:10], s[-10:], len(s))

def attempt(f, *args):
    try:
        return fmt(f(*args))
    except Exception as e:
        return "%s:%s" % (type(e).__name__, e)

bases = [0, 1, -1, 2, -2, 3, 10, -10, 7, 2**32 + 1, -(2**61 - 1), 2**64, 3**50, -(5**40)]
bases += [rng.getrandbits(rng.randrange(1, 120)) * rng.choice([1, -1]) for _ in range(10)]
exps = [0, 1, 2, 3, 5, 10, 31, 63, 64, 100, -1, -2, -3, -10]
for a in bases:
    print("pow", fmt(a), " ".join(attempt(pow, a, e) for e in exps))
print(attempt(pow, 0, -1), attempt(pow, 0, -2**70), attempt(lambda: 0 ** -1), attempt(pow, 2, -1100),
      attempt(pow, -2, -1075), attempt(pow, 10, -400), attempt(pow, 1, 2**100), attempt(pow, -1, 2**100 + 1))

mods = [1, -1, 2, -2, 3, 7, -7, 10, 2**31 - 1, 2**61 - 1, 2**64, -(2**64) - 13, 10**30 + 7, 0]
mods += [rng.getrandbits(rng.randrange(2, 200)) * rng.choice([1, -1]) or 5 for _ in range(8)]
exps3 = [0, 1, 2, 5, 65537, 2**64 + 3, 3**90, -1, -2, -3, -(2**64 + 1)]
for a in bases:
    for m in mods:
        print("pow3", fmt(a), fmt(m), " ".join(attempt(pow, a, e, m) for e in exps3))

bad = 0
for _ in range(1500):
    a = rng.getrandbits(rng.randrange(1, 300)) * rng.choice([1, -1])
    e = rng.getrandbits(rng.randrange(1, 100))
    m = rng.getrandbits(rng.randrange(2, 300)) * rng.choice([1, -1]) or 3
    r = pow(a, e, m)
    if not (0 <= r < m or m < r <= 0) or r != pow(a % m, e, m):
        bad += 1
        print("pow3 range fails", a, e, m)
    try:
        inv = pow(a, -1, m)
        if (inv * a - 1) % m != 0:
            bad += 1
            print("inverse fails", a, m)
    except ValueError as e:
        if abs(m) != 1 and __import__("math").gcd(a, m) == 1:
            bad += 1
            print("inverse missing", a, m)
print("identities bad", bad)
print(attempt(pow, 2, 3, 1.0), attempt(pow, 2.0, 3, 5), attempt(pow, 2, 3, None), attempt(pow, 2, -1, 4),
      attempt(pow, 0, -1, 5), attempt(pow, 3, -1, 1), attempt(pow, 3, -1, -1), attempt(pow, True, -1, 7))
