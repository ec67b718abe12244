# int(str, base) for bases 0 and 2..36 over seeded generated strings:
# signs, underscores, surrounding whitespace, 0b/0o/0x prefixes (and the
# bases that accept them), leading zeros with base 0, non-ASCII digits,
# invalid strings and their ValueError messages; bad bases; bytes.
import random

rng = random.Random(419)

def attempt(f, *args):
    try:
        r = f(*args)
    except Exception as e:
        return "%s:%s" % (type(e).__name__, e)
    s = str(r) if r.bit_length() < 10000 else "bits %d" % r.bit_length()
    return s if len(s) <= 40 else "%s..%s(%d)" % (s[:12], s[-12:], len(s))

fixed = ["0", "-0", "+0", "00", "000", "0_0", "007", "0x", "0x_1", "0x1_", "0b102", "0o78", "0B1", "0O7", "0X1f",
         "1_000", "1__0", "_1", "1_", " 12 ", "\t-12\n", "\u2003 12\u3000", "١٢٣", "１２", "12\x00", "", " ", "-",
         "+", "+-1", "1.0", "1e5", "z", "Z", "zz", "0z", "٣_٤", "𝟏𝟐", "12 3", "\xa012\x85", "0x" + "f" * 70,
         "9" * 4301, "-" + "9" * 4300, "\ud800", "1\udcff", "z" * 300]
bases = [0, 2, 3, 8, 10, 16, 36]
for s in fixed:
    print(repr(s)[:40], " ".join(attempt(int, s, b) for b in bases))
for b in range(2, 37):
    print("base", b, " ".join(attempt(int, s, b) for s in ["z", "Z9", "10", "-11", "0x1", "0b1", "0o1", "1_0", "0_1"]))

alphabet = "0123456789abcdefghijklmnopqrstuvwxyzABCXYZ"
for k in range(1500):
    base = rng.choice([0] + list(range(2, 37)))
    kind = k % 4
    if kind == 0:  # a valid number in that base
        b = base or rng.choice([2, 8, 10, 16])
        n = rng.getrandbits(rng.randrange(1, 200))
        s = ""
        while True:
            s = alphabet[n % b] + s
            n //= b
            if not n:
                break
        if base == 0 and b != 10:
            s = {2: "0b", 8: "0o", 16: "0x"}[b] + s
        elif base in (2, 8, 16) and rng.random() < 0.3:
            s = {2: "0b", 8: "0o", 16: "0x"}[base] + s
        if rng.random() < 0.5:
            s = s.upper()
    elif kind == 1:  # underscores placed anywhere
        s = "".join(rng.choice(alphabet[:max(base, 10)] + "__") for _ in range(rng.randrange(1, 15)))
    elif kind == 2:  # signs and whitespace
        s = rng.choice(["", " ", "\t", "\n", "\u2028"]) + rng.choice(["", "-", "+", "--"]) + \
            rng.choice(["1", "0x1f", "0b101", "0o17", "z", "00", "0_7", "10"]) + rng.choice(["", " ", "\r", "_"])
    else:  # junk
        s = "".join(rng.choice("0123456789abxoXOBz_ +-.") for _ in range(rng.randrange(0, 10)))
    print(base, repr(s)[:60], attempt(int, s, base))
for b in [-1, 1, 37, 2**70, 0.5, None, "10"]:
    print("bad base", repr(b), attempt(int, "10", b))
print(attempt(int, 10, 10), attempt(int, b"12", 16), attempt(int, bytearray(b"0x1f"), 0), attempt(int, b"\xff", 10),
      attempt(lambda: int("12", base=3)), attempt(lambda: int(x="12")), attempt(int), attempt(int, "z" * 200, 36))
