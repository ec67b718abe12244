# complex + * / ** abs hash format str over seeded random complex numbers
# (random bit patterns and edge parts: ±0.0, ±inf, nan, subnormals,
# huge); ** by small integers (repeated squaring) and by anything else
# (polar form), with CPython's errors: ZeroDivisionError where C's cos or
# sin saw an infinity, OverflowError for an infinite result; complex(str).
import random, struct

rng = random.Random(424)
parts = [0.0, -0.0, 1.0, -1.0, 0.5, 2.0, 1e300, -1e-300, 5e-324, float("inf"), float("-inf"), float("nan"), 3.25, -7.5]

def part():
    return rng.choice(parts) if rng.random() < 0.5 else struct.unpack("<d", rng.randbytes(8))[0]

def attempt(f):
    try:
        return repr(f())
    except Exception as e:
        return "%s:%s" % (type(e).__name__, e)

for k in range(1000):
    a = complex(part(), part())
    b = complex(part(), part()) if k % 4 else rng.choice([0, 1, 2, -1, 3, -2, 0.5, 10, 100, 101, -100, 1e-300j])
    spec = rng.choice(["", ".3f", "g", "^30.2e", "+", "010.2", ".0f", "#g", "-<40", ".17g"])
    print(repr(a), repr(b), attempt(lambda: a + b), attempt(lambda: a * b), attempt(lambda: a / b),
          attempt(lambda: a ** b), attempt(lambda: abs(a)), hash(a) if a == a else "nan", repr(spec), attempt(lambda: format(a, spec)))
for z in [0j, 1e-200j, 1e-200 + 0j, complex(1e200, 1e200), 1j, -1j]:
    print(repr(z), [attempt(lambda: z ** n) for n in [-3, -2, -1, 0, 1, 2, 3, 0.5, -0.5, 2j, 1e10]])
for s in ["1+2j", " (1+2j) ", "j", "-j", "1e3j", "(1)", "1+", "inf-infj", "nanj", "1_0j", "( 1j )", "1 + 2j",
          "+1.5e-3-2.5E+3J", "(j", "2j)", "0x1j", "1__0j", "\u0661+\u0662j", "\u20031j\u3000", "", "()", "1jj", "-nan+infj"]:
    print(repr(s), attempt(lambda: complex(s)))
