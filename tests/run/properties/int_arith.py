# int + - * // % divmod over pairs of generated ints (seeded random.Random,
# mixed signs, 0..300 bits) and edge values; one line per pair, big results
# shown as their length, leading and trailing digits.
import random

rng = random.Random(411)

def fmt(r):
    s = str(r)
    return s if len(s) <= 24 else "%s..%s(%d)" % (s[:10], s[-10:], len(s))

def attempt(f, a, b):
    try:
        r = f(a, b)
    except Exception as e:
        return "%s:%s" % (type(e).__name__, e)
    return "(%s)" % ",".join(map(fmt, r)) if isinstance(r, tuple) else fmt(r)

edges = [0, 1, -1, 2, -2, 3, -7, 2**31 - 1, -2**31, 2**62, 2**63 - 1, 2**63, -2**63, -2**63 - 1,
         2**64 - 1, 2**64, 2**64 + 1, -2**64 - 1, -2**64 + 1, 10**18, -10**19, 2**128, -2**128 + 1,
         -(3**200)]
vals = edges + [rng.getrandbits(rng.randrange(1, 300)) * rng.choice([1, -1]) for _ in range(22)]
for i, v in enumerate(vals):
    print("v%d" % i, fmt(v))

ops = [("+", lambda a, b: a + b), ("-", lambda a, b: a - b), ("*", lambda a, b: a * b),
       ("//", lambda a, b: a // b), ("%", lambda a, b: a % b), ("divmod", divmod)]
for i, a in enumerate(vals):
    for j, b in enumerate(vals):
        print(i, j, " ".join(attempt(f, a, b) for _, f in ops))

# identities checked over many more pairs
bad = 0
for _ in range(3000):
    a = rng.getrandbits(rng.randrange(1, 400)) * rng.choice([1, -1])
    b = rng.getrandbits(rng.randrange(1, 200)) * rng.choice([1, -1]) or 1
    q, r = divmod(a, b)
    if q * b + r != a or not (0 <= r < b or b < r <= 0) or q != a // b or r != a % b:
        bad += 1
        print("divmod identity fails", a, b)
    if (a + b) - b != a or (a * b) // b != a or -(-a) != a or abs(a) != (a if a >= 0 else -a):
        bad += 1
        print("ring identity fails", a, b)
print("identities bad", bad)
print(-7 // 2, -7 % 2, 7 // -2, 7 % -2, -7 // -2, -7 % -2, divmod(-2**64, 3), divmod(2**64, -3))
print(True + True, True * -3, False // 1, 5 % True, divmod(True, 2))
