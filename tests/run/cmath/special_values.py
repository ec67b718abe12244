# Every cmath function over a grid of special and ordinary values: the
# repr of each result (signed zeros and infinities show), or the error.
import cmath
import math

inf = float("inf")
nan = float("nan")
parts = [0.0, -0.0, 1.0, -1.0, 0.5, -2.5, 1e-310, -1e-310, 1e300, -1e300,
         1.7e308, inf, -inf, nan, 2.0, 1e-20, 710.0, -710.0]

unary = ["acos", "acosh", "asin", "asinh", "atan", "atanh", "cos", "cosh",
         "exp", "log", "log10", "sin", "sinh", "sqrt", "tan", "tanh",
         "phase", "polar", "isfinite", "isinf", "isnan"]


def show(f, *args):
    try:
        r = f(*args)
    except (ValueError, OverflowError) as e:
        return f"{type(e).__name__}: {e}"
    return repr(r)


for name in unary:
    f = getattr(cmath, name)
    for re in parts:
        for im in parts:
            print(name, repr(complex(re, im)), show(f, complex(re, im)))

for r in parts:
    for phi in parts:
        print("rect", repr(r), repr(phi), show(cmath.rect, r, phi))

for z in [2, 0, 1, 1j, -1, complex(0, -0.0), complex(-0.0, 0.0), 1e300j, complex(inf, 1), nan]:
    for base in [2, 10, 1, 0, 1j, -1, math.e, complex(inf, nan)]:
        print("log", repr(z), repr(base), show(cmath.log, z, base))
