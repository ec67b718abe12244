# float's plain methods: hex and fromhex (round trip over generated floats,
# CPython's half-even rounding, subnormals, overflow, malformed strings),
# as_integer_ratio, is_integer, __trunc__/__floor__/__ceil__/__round__,
# __getnewargs__, __getformat__, and their argument errors.
state = 31337

def bits53():
    global state
    state = (state * 6364136223846793005 + 1442695040888963407) % 2**64
    return state >> 11

def wide():
    e = bits53() % 2098 - 1075
    sign = -1.0 if bits53() % 2 else 1.0
    return sign * (1.0 + bits53() / 2**53) * 2.0 ** e

def t(label, f, *a):
    try:
        r = repr(f(*a))
    except Exception as e:
        r = "%s: %s" % (type(e).__name__, e)
    print(label, r)

values = [0.0, -0.0, 1.0, -1.5, 0.1, 255.5, 5e-324, 2.2250738585072014e-308,
          1.7976931348623157e308, 1e16, 2.5, 3.5, -2.5, 1e300, float("inf"),
          float("-inf"), float("nan")] + [wide() for _ in range(60)]
for x in values:
    h = x.hex()
    back = float.fromhex(h)
    same = back == x or (back != back and x != x)
    print(repr(x), h, same, x.is_integer())
    t("ratio", x.as_integer_ratio)
    t("trunc floor ceil round", lambda: (x.__trunc__(), x.__floor__(), x.__ceil__(), x.__round__()))
    t("round 2", x.__round__, 2)
    t("round -3", x.__round__, -3)
    t("getnewargs", x.__getnewargs__)

for s in ["0x1.8p1", " -0X1P-1074 ", "0x1p-1075", "0x1.8p-1075", "0x3p-1076",
          "0x1.fffffffffffff8p1023", "0x1.fffffffffffff7ffp1023", "0x1p1024",
          "inf", "-Infinity", "nan", "+NaN", "1", "1.", ".8", "0x.8", "0x", "0x.",
          "0xp1", "0x1p", "0x1p+", "1p10", "ff", "0x1.0p-0", "0x1p99999999999999999999",
          "0x1p-99999999999999999999", "0x0p99999999999999999", "0x" + "0" * 100 + "1p0",
          "0x1" + "0" * 300 + "p0", "0x1_0p0", "", "  ", "0x1 p1", "1e5", "-0x0p0",
          "0x1.000000000000081p0", "0x1.00000000000008p0", "0x1.00000000000018p0",
          "0x0.0000000000001p-1022", "0x0.00000000000008p-1022", "0x1.ffffffffffffffffp-1023",
          "\t0x10p-4\n", "0x1.p1", "-.1p4", "0x1P+3", "0x1.8p1x"]:
    t("fromhex %r" % s, float.fromhex, s)

class F(float):
    pass
print(type(F.fromhex("0x1p1")).__name__, F.fromhex("0x1p1"), F(2.5).as_integer_ratio(),
      type(F(2.5).__trunc__()).__name__, F(2.5).__round__(), F(2.5).hex(), F(-3.5).is_integer())
t("fromhex int", float.fromhex, 5)
t("getformat double", float.__getformat__, "double")
t("getformat float", float.__getformat__, "float")
t("getformat x", float.__getformat__, "x")
t("getformat int", float.__getformat__, 1)
t("hex of int", float.hex, 1)
t("hex unbound", float.hex)
t("hex arg", (1.5).hex, 2)
t("is_integer arg", (1.5).is_integer, 1)
t("ratio arg", (1.5).as_integer_ratio, 1)
t("round 2 args", (1.5).__round__, 1, 2)
t("round str", (1.5).__round__, "x")
t("round kw", lambda: (1.5).__round__(ndigits=1))
t("trunc arg", (1.5).__trunc__, 1)
t("conjugate", (2.5).conjugate)
