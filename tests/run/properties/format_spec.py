# format(value, spec) / str.format over seeded generated format specs:
# fill, align, sign, '#', '0', width, grouping ',' '_', precision and every
# type (b c d e E f F g G n o s x X %) applied to ints, big ints, bools,
# floats (nan, inf, -0.0, subnormals) and strings; errors and messages.
import random

rng = random.Random(420)
inf, nan = float("inf"), float("nan")

def attempt(v, spec):
    try:
        r = format(v, spec)
    except Exception as e:
        return "%s:%s" % (type(e).__name__, e)
    return repr(r) if len(r) <= 60 else "%r..%r(%d)" % (r[:20], r[-20:], len(r))

def gen_spec(types):
    s = ""
    if rng.random() < 0.3:
        s += rng.choice(["", "*", "0", "x", " ", "é", "{"]) + rng.choice("<>=^")
    elif rng.random() < 0.3:
        s += rng.choice("<>=^")
    if rng.random() < 0.4:
        s += rng.choice("+- ")
    if rng.random() < 0.2:
        s += "#"
    if rng.random() < 0.2:
        s += "0"
    if rng.random() < 0.5:
        s += str(rng.choice([0, 1, 5, 12, 25]))
    if rng.random() < 0.25:
        s += rng.choice(",_")
    if rng.random() < 0.4:
        s += "." + str(rng.choice([0, 1, 3, 6, 10, 17, 30]))
    if rng.random() < 0.9:
        s += rng.choice(types)
    return s

ints = [0, 1, -1, 7, -42, 255, 1234567, -1234567, 2**31, 2**63 - 1, -2**63, 2**64, -(10**30), 3**100, True, False, 0x10FFFF, 0x110000]
floats = [0.0, -0.0, 1.0, -1.5, 0.5, 2.5, 1e16, 1.23456789e-7, 123456.789, -9.999999e22, 1e100, 5e-324, 1.7976931348623157e308,
          inf, -inf, nan, -nan, 0.1, 1 / 3, 1234.5, 999.9999, 9.5, 0.00012345]
strs = ["", "a", "hello", "héllo wörld", "日本語", "\U0001f600x"]
int_types = "bcdeEfFgGnosxX%"
float_types = "eEfFgGn%"

for v in ints:
    for spec in ["", "d", "x", "X", "#x", "#o", "#b", "c", ",", "_", "_x", "_b", ",d", "+d", " d", "08d", "<8", ">8", "^9", "=+9",
                 "*^12,", "e", ".3e", "g", ".0%", "n", "#010x", "#_X", "020_d", "s", ".2", ",x", "0=10"]:
        pass
    print("int", repr(v), [attempt(v, spec) for spec in ["", "d", "x", "#X", "#o", "#b", "c", ",", "_", "_x", "_b", "+d", " d",
          "08d", "^9", "=+9", "*^12,", "e", ".3e", "g", ".0%", "n", "#010x", "#_X", "020_d", "s", ".2", ",x", "0=10", "-#9o"]])
for v in floats:
    print("float", repr(v), [attempt(v, spec) for spec in ["", "f", ".0f", "#.0f", ".2f", "e", ".0e", "#.0e", "E", "g", "G", ".0g",
          "#g", "#.3g", ".17g", "%", ".1%", ",", ",.2f", "_.3f", "+", " ", "010.2f", "<10", "^12.3e", "=+12", "0=12.1f", "n", ".3n",
          "z.1f", "d", "x", "s", ".30f", "12", ".3"]])
for v in strs:
    print("str", repr(v), [attempt(v, spec) for spec in ["", "s", "10", "<10", ">10", "^10", "*^9", ".2", "10.3", "=10", "+",
          "d", "010", ",", "#", "c", "x"]])

for k in range(2000):
    which = k % 3
    if which == 0:
        v = rng.choice(ints + [rng.getrandbits(rng.randrange(1, 120)) * rng.choice([1, -1])])
        spec = gen_spec(int_types)
    elif which == 1:
        v = rng.choice(floats + [rng.uniform(-1e6, 1e6), rng.choice([-1, 1]) * 10 ** rng.uniform(-20, 30)])
        spec = gen_spec(float_types)
    else:
        v = rng.choice(strs)
        spec = gen_spec("s")
    print(repr(v)[:30], repr(spec), attempt(v, spec))

for fmt, args in [("{:d}", (1.5,)), ("{:f}", ("x",)), ("{:,c}", (65,)), ("{:.3d}", (5,)), ("{:=}", ("x",)),
                  ("{:,_}", (1,)), ("{:_,}", (1,)), ("{:c}", (-1,)), ("{:c}", (0x110000,)), ("{:.2c}", (65,)),
                  ("{:+c}", (65,)), ("{:#c}", (65,)), ("{0:{1}}", (3.5, "^+10.2f")), ("{:10000000000000000000}", (1,)),
                  ("{:.10000000000000000000f}", (1.0,)), ("{:%}", (7,)), ("{:z}", (1.0,)), ("{:zd}", (1,)), ("{:#s}", ("a",)),
                  ("{:,s}", ("a",)), ("{:=s}", ("a",)), ("{:x<0}", ("a",)), ("{:ñ>5}", (1,)), ("{:\x00^5}", (1,))]:
    try:
        print(repr(fmt), repr(fmt.format(*args)))
    except Exception as e:
        print(repr(fmt), "%s:%s" % (type(e).__name__, e))

# the int-to-str digit limit (4300 decimal digits) in formatting
big = 10**5000
for spec in ["d", "", ",", "x", "b", "o", "_x", "e", ".3g", "n", "s"]:
    print("big", repr(spec), attempt(big, spec), attempt(-big, spec))
for fmt in ["%d", "%x", "%s", "%r", "%o", "%e"]:
    try:
        r = fmt % big
        print(fmt, len(r), r[:12])
    except Exception as e:
        print(fmt, "%s:%s" % (type(e).__name__, e))
