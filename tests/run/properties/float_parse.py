# float(str) over seeded generated decimal strings: many digits, long
# exponents, underscores in valid and invalid places, surrounding
# whitespace, signs, the inf/nan spellings, non-ASCII digits and spaces,
# invalid strings and their ValueError messages; also float(bytes).
import random

rng = random.Random(418)

def attempt(f, *args):
    try:
        return repr(f(*args))
    except Exception as e:
        return "%s:%s" % (type(e).__name__, e)

fixed = ["0", "-0", "+0.0", "1", "1.", ".1", ".", "1e", "1e+", "e5", "1e5", "1E-5", "1.5e+300", "1e309", "-1e309",
         "1e-324", "2e-324", "3e-324", "2.4703282292062328e-324", "2.4703282292062327e-324", "4.9406564584124654e-324",
         "2.2250738585072011e-308", "2.2250738585072012e-308", "1.7976931348623157e308", "1.7976931348623158e308",
         "1.7976931348623159e308", "9007199254740993", "9007199254740993.0000000000000000001", "0.1", "0.30000000000000004",
         "inf", "-inf", "+INF", "Infinity", "-iNfInItY", "infinit", "infinityy", "nan", "-NaN", "+nan", "nan(1)", "snan",
         "  1.5  ", "\t\n1\x0b\x0c\r", "\u20001\u3000", "\xa01\x85", "1_000", "1__000", "_1", "1_", "1_.5", "1._5", "1.5_",
         "1e1_0", "1e_10", "0x10", "0b1", "1,5", "1 5", "", " ", "--1", "+-1", "١٢٣.٤", "１２.５", "1\x00",
         "0" * 400 + "1", "1" + "0" * 400, "0." + "0" * 400 + "1e400", "1" * 800 + "e-800", "1e-99999999999999999999",
         "1e99999999999999999999", "-0e999999", "0e-999999", "123456789012345678901234567890e-30", "\ud800", "1e\u0661",
         "nan\x00", "i", "-", "+", "e", "in", "na"]
for s in fixed:
    print(repr(s)[:60], attempt(float, s))

digits = "0123456789"
for k in range(1500):
    kind = k % 5
    if kind == 0:  # many digits, a decimal point somewhere, an exponent
        m = "".join(rng.choice(digits) for _ in range(rng.randrange(1, 40)))
        p = rng.randrange(0, len(m) + 1)
        s = m[:p] + "." + m[p:] + "e%d" % rng.randrange(-350, 330)
    elif kind == 1:  # 17 significant digits near halfway points
        x = rng.uniform(0, 1) * 10 ** rng.randrange(-320, 309)
        s = "%.17e" % x
        s = s[:-5] + rng.choice("0123456789") + "5" + s[-4:] if len(s) > 6 else s
    elif kind == 2:  # underscores, valid or not
        parts = [str(rng.randrange(0, 1000)) for _ in range(rng.randrange(1, 4))]
        s = rng.choice(["_", "__", ""]).join(parts) + rng.choice(["", ".", ".5", "._5", ".5_5", "e1_0", "_e1", "e-_1"])
    elif kind == 3:  # whitespace and signs around a number
        s = rng.choice(["", " ", "\t", "\n ", "\x1f", "\u2003"]) + rng.choice(["", "+", "-", "+-"]) + \
            rng.choice(["1.25", "inf", "nan", "1e5", ".5", "5.", "infinity", "1e", "0"]) + rng.choice(["", " ", "\r\n", "x", "\x00"])
    else:  # random junk of number characters
        s = "".join(rng.choice("0123456789.eE+-_ infatyINFATY") for _ in range(rng.randrange(1, 12)))
    print(repr(s)[:70], attempt(float, s))
for b in [b"1.5", b" -2e3 ", b"inf", b"1_0", b"\xff", bytearray(b"7.25"), memoryview(b"3.5")]:
    print(type(b).__name__, bytes(b), attempt(float, b))
print(attempt(float, "x" * 300), attempt(float, None), attempt(float, []), attempt(float, "1" * 5000))
