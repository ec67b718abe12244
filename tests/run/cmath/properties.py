# cmath over seeded random inputs: moderate, huge, tiny and mixed
# magnitudes, printing the repr of every result.
import cmath
import random

rng = random.Random(20261122)


def sample():
    kind = rng.randrange(5)
    if kind == 0:
        return rng.uniform(-10, 10)
    if kind == 1:
        return rng.uniform(-1, 1) * 10.0 ** rng.randrange(-320, 309)
    if kind == 2:
        return rng.choice([0.0, -0.0, 1.0, -1.0])
    if kind == 3:
        return rng.uniform(-1.5, 1.5)
    return rng.uniform(-800, 800)


names = ["acos", "acosh", "asin", "asinh", "atan", "atanh", "cos", "cosh",
         "exp", "log", "log10", "sin", "sinh", "sqrt", "tan", "tanh",
         "phase", "polar"]

for i in range(200):
    z = complex(sample(), sample())
    out = []
    for name in names:
        try:
            out.append(repr(getattr(cmath, name)(z)))
        except (ValueError, OverflowError) as e:
            out.append(type(e).__name__)
    print(repr(z), " ".join(out))
    w = complex(sample(), sample())
    try:
        print(" log base", repr(w), repr(cmath.log(z, w)))
    except (ValueError, OverflowError) as e:
        print(" log base", repr(w), type(e).__name__)
    try:
        print(" rect", repr(cmath.rect(z.real, z.imag)))
    except (ValueError, OverflowError) as e:
        print(" rect", type(e).__name__)
    print(" isclose", cmath.isclose(z, w), cmath.isclose(z, z * (1 + 1e-10)),
          cmath.isclose(z, w, abs_tol=abs(w) + abs(z) + 1))
