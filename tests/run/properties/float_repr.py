# repr(float) over seeded random bit patterns and edge values, the
# float(repr(x)) round trip, float.hex / float.fromhex, as_integer_ratio,
# is_integer, str, and the conversions between them.
import random, struct

rng = random.Random(417)

def attempt(f, *args):
    try:
        return repr(f(*args))
    except Exception as e:
        return "%s:%s" % (type(e).__name__, e)

def rnd():
    return struct.unpack("<d", rng.randbytes(8))[0]

edges = [0.0, -0.0, 5e-324, -5e-324, 1e-323, 2.225073858507201e-308, 2.2250738585072014e-308,
         1.7976931348623157e308, 1e16, 1e17, 9999999999999998.0, 1e15, 123456789012345678.0, 0.1, 0.3, 1 / 3,
         1e-5, 1e-4, 0.0001, 1e-7, 1e22, 1e23, 2.0**63, float("inf"), -float("inf"), float("nan")]
for x in edges + [rnd() for _ in range(1500)]:
    r = repr(x)
    back = float(r)
    ok = back == x or (x != x and back != back)
    if x == x and ok and str(back) != r:
        ok = False
    ir = attempt(x.as_integer_ratio) if x == x and abs(x) != float("inf") else attempt(x.as_integer_ratio)
    print(r, x.hex(), "ok" if ok else "ROUNDTRIP", x.is_integer(), ir if len(ir) < 80 else "%d/%d" % tuple(map(lambda n: n.bit_length(), x.as_integer_ratio())))
# every power of two and ten near the ends of the range
for e in range(-1075, 1025, 7):
    x = 2.0**e if e > -1075 else 0.0
    print("2**%d" % e, repr(x), repr(x * 3), x.hex())
for e in range(-330, 310, 3):
    print("1e%d" % e, repr(float("1e%d" % e)), repr(float("9.999999999999999e%d" % e)))

hexes = ["0x1p0", "0X1.8P+1", "-0x1.fffffffffffffp1023", "0x1p1024", "0x1.fffffffffffff8p1023",
         "0x1p-1074", "0x1p-1075", "0x1.0000000000001p-1075", "0x0.0000000000001p-1022", "0x1.00000000000008p0",
         "0x1.00000000000018p0", "  0x1p3  ", "1p3", "0x.8", "0x1.", "inf", "-Infinity", "nan", "0x", "0xg",
         "0x1p", "0x1p+", "0x1_0p0", "", "-", "0x1.8p-1074", "0x3p-1076", "+0x0p99999999999999", "0x1p-99999999999",
         "0x1p99999999999", "0x10000000000000000000p-80", "\t0XaBcDeFp-3\n"]
for h in hexes:
    print("fromhex", repr(h), attempt(float.fromhex, h))
for _ in range(300):
    x = rnd()
    back = float.fromhex(x.hex())
    if not (back == x or x != x):
        print("hex roundtrip fails", repr(x))
    m = "".join(rng.choice("0123456789abcdef") for _ in range(rng.randrange(1, 20)))
    h = "%s0x%s.%sp%d" % (rng.choice(["", "-", "+"]), m[:rng.randrange(0, len(m))], m, rng.randrange(-1100, 1030))
    print("fromhex", h, attempt(float.fromhex, h))
print(attempt(float.fromhex, 5), attempt(float.hex, 1), attempt(float("inf").as_integer_ratio),
      attempt(float("nan").as_integer_ratio))
