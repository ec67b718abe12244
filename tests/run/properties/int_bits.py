# int << >> & | ^ ~ over mixed-sign big ints, bit_length, bit_count,
# to_bytes/from_bytes (signed and unsigned, both orders, overflow errors)
# and round(n, negative ndigits); generated with a seeded random.Random.
import random

rng = random.Random(412)

def fmt(r):
    s = "%x" % r
    return s if len(s) <= 24 else "%s..%s(%d)" % (s[:10], s[-10:], len(s))

def attempt(f, *args):
    try:
        return fmt(f(*args))
    except Exception as e:
        return "%s:%s" % (type(e).__name__, e)

edges = [0, 1, -1, 2, -2, 255, -256, 2**63 - 1, -2**63, 2**63, 2**64 - 1, -2**64, 2**64 + 1,
         -2**64 - 1, 2**100, -2**100, -(2**100) + 1, -(3**100)]
vals = edges + [rng.getrandbits(rng.randrange(1, 260)) * rng.choice([1, -1]) for _ in range(22)]
for i, v in enumerate(vals):
    print("v%d" % i, fmt(v), v.bit_length(), v.bit_count(), attempt(lambda x: ~x, v))

for i, a in enumerate(vals):
    for j, b in enumerate(vals):
        print(i, j, attempt(lambda x, y: x & y, a, b), attempt(lambda x, y: x | y, a, b),
              attempt(lambda x, y: x ^ y, a, b))

shifts = [0, 1, 2, 7, 31, 32, 63, 64, 65, 100, 200, -1]
for i, a in enumerate(vals):
    print(i, "<<", " ".join(attempt(lambda x, y: x << y, a, s) for s in shifts))
    print(i, ">>", " ".join(attempt(lambda x, y: x >> y, a, s) for s in shifts))
print(attempt(lambda: 1 << 2**63), attempt(lambda: 0 << 2**70), attempt(lambda: -1 >> 2**70),
      attempt(lambda: 5 >> 2**70), attempt(lambda: 0 << -(2**70)))

# identities over more generated operands
bad = 0
for _ in range(3000):
    a = rng.getrandbits(rng.randrange(1, 300)) * rng.choice([1, -1])
    b = rng.getrandbits(rng.randrange(1, 300)) * rng.choice([1, -1])
    s = rng.randrange(0, 130)
    if (a & b) + (a | b) != a + b or (a ^ b) != (a | b) - (a & b) or ~a != -a - 1:
        bad += 1
        print("bitwise identity fails", a, b)
    if a << s != a * 2**s or a >> s != a // 2**s:
        bad += 1
        print("shift identity fails", a, s)
print("identities bad", bad)

for v in vals[:30]:
    row = []
    for n in [1, 2, 8, 9, 16, 17, 33]:
        for order in ["big", "little"]:
            for signed in [False, True]:
                row.append(attempt(lambda: v.to_bytes(n, order, signed=signed).hex()))
    print("to_bytes", fmt(v), " ".join(row))
for _ in range(200):
    b = rng.randbytes(rng.randrange(0, 20))
    print("from_bytes", b.hex(), fmt(int.from_bytes(b, "big")), fmt(int.from_bytes(b, "little", signed=True)),
          fmt(int.from_bytes(b, "big", signed=True)))
print(attempt(lambda: (0).to_bytes(0, "big")), attempt(lambda: (-1).to_bytes(0, "big", signed=True)),
      attempt(lambda: (1).to_bytes(-1, "big")), attempt(lambda: (1).to_bytes(1, "middle")),
      attempt(lambda: (-128).to_bytes(1, "big", signed=True).hex()), attempt(lambda: (128).to_bytes(1, "big", signed=True)),
      attempt(lambda: (-129).to_bytes(1, "little", signed=True)), attempt(lambda: (1).to_bytes().hex()))

for v in vals + [15, 25, 35, -25, -35, 150, 250, -250, 1250, 12345678, 2**63 + 2**62]:
    print("round", fmt(v), [attempt(round, v, n) for n in [0, 1, -1, -2, -3, -10, -20, -40, -100]])
print(round(5, -1), round(15, -1), round(-5, -1), round(-15, -1), round(25, -1))
