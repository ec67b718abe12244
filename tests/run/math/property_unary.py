# Every one-argument function of math over deterministic generated inputs
# (floats of every magnitude, subnormals, signed zeros, infinities, NaN,
# ints small and huge, bools): the repr of each result, or the exception's
# type and message. CPython's results come from the platform libm or from
# its own algorithms (gamma, lgamma, the logs of big ints); Krait's must be
# the same bits.
import math

state = 20240611

def bits53():
    global state
    state = (state * 6364136223846793005 + 1442695040888963407) % 2**64
    return state >> 11

def unit():
    return bits53() / 2**53

def wide():
    # A float with a random mantissa and exponent, anywhere in the range.
    e = bits53() % 2098 - 1075
    sign = -1.0 if bits53() % 2 else 1.0
    return sign * (1.0 + unit()) * 2.0 ** e

inputs = [0.0, -0.0, 1.0, -1.0, 0.5, -0.5, 2.0, 3.0, 10.0, 0.1, 1e-300, 5e-324,
          -5e-324, 2.2250738585072014e-308, 1.7976931348623157e308,
          -1.7976931348623157e308, math.inf, -math.inf, math.nan, math.pi,
          math.e, 1e-8, 1e-20, 1e-21, 0.999999999999, 1.000000000001, 20.5,
          -20.5, 170.5, 171.7, 171.0, 200.5, -200.5, 140.5, -140.5, -0.5,
          -1.5, -2.5, 23.0, 24.0, 30.0, 1e15, 1e16, 1e17, 709.78, 710.0,
          -745.2, -746.0, 1023.0, 1024.0, -1074.0, -1075.0, 7.0, 27.0, 64.0]
inputs += [unit() * 4 - 2 for _ in range(15)]
inputs += [(unit() - 0.5) * 10.0 ** (k % 6) for k in range(15)]
inputs += [wide() for _ in range(30)]
inputs += [0, 1, -1, 2, 7, -7, 10**15, 2**53 + 1, 10**22, -10**22, 10**300,
           2**1023, True, False]

names = ["acos", "acosh", "asin", "asinh", "atan", "atanh", "cbrt", "ceil",
         "cos", "cosh", "degrees", "erf", "erfc", "exp", "exp2", "expm1",
         "fabs", "floor", "frexp", "gamma", "isfinite", "isinf", "isnan",
         "lgamma", "log", "log10", "log1p", "log2", "modf", "radians", "sin",
         "sinh", "sqrt", "tan", "tanh", "trunc", "ulp"]

for name in names:
    f = getattr(math, name)
    for x in inputs:
        try:
            r = repr(f(x))
        except (ValueError, OverflowError, TypeError) as e:
            r = "%s: %s" % (type(e).__name__, e)
        print(name, repr(x), r)
