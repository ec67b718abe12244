# cmath's constants, argument conversion and error messages.
import cmath

print(cmath.pi, cmath.e, cmath.tau, cmath.inf, cmath.nan)
print(repr(cmath.infj), repr(cmath.nanj))
print(cmath.__name__, cmath.__doc__)
print(sorted(n for n in dir(cmath) if not n.startswith("_")))


class HasComplex:
    def __complex__(self):
        return 3 + 4j


class HasFloat:
    def __float__(self):
        return 2.5


class HasIndex:
    def __index__(self):
        return 7


class BadComplex:
    def __complex__(self):
        return 1.5


class MyComplex(complex):
    def __complex__(self):
        return 99j


class MyFloat(float):
    pass


for arg in [HasComplex(), HasFloat(), HasIndex(), MyComplex(1, 1), MyFloat(4.0), True, 10**20, 4]:
    print(type(arg).__name__, cmath.sqrt(arg), cmath.phase(arg), cmath.polar(arg))

calls = [
    "cmath.sqrt()", "cmath.sqrt(1, 2)", "cmath.sqrt(z=1)", "cmath.sqrt('a')",
    "cmath.sqrt(None)", "cmath.sqrt(BadComplex())", "cmath.sqrt(10**400)",
    "cmath.log()", "cmath.log(1, 2, 3)", "cmath.log(z=1)", "cmath.log(2, 1)",
    "cmath.log(1, 'a')", "cmath.log(0)", "cmath.log10(0)", "cmath.log(0, 2)",
    "cmath.rect(1)", "cmath.rect('a', 1)", "cmath.rect(1, float('inf'))",
    "cmath.phase()", "cmath.polar(1, 2)", "cmath.polar(complex(1.7e308, 1.7e308))",
    "cmath.isclose(1)", "cmath.isclose(1, 2, 3)", "cmath.isclose(1, 2, rel_tol='a')",
    "cmath.isclose(1, 2, foo=1)", "cmath.isclose(a=1, b=2)", "cmath.isclose(1, 1+1e-10j)",
    "cmath.isclose(1, 2, rel_tol=-1)", "cmath.isclose(1, 2, abs_tol=-1)",
    "cmath.isclose(1, 1.5, rel_tol=0.5)", "cmath.isclose(1j, 1.5j, abs_tol=0.5)",
    "cmath.isclose(complex('inf'), complex('inf'))", "cmath.isclose(float('nan'), float('nan'))",
    "cmath.exp(1000)", "cmath.exp(complex(1, 1e308))", "cmath.cosh(1000)", "cmath.sinh(-1000j)",
    "cmath.atanh(1)", "cmath.atanh(-1)", "cmath.acos(2)", "cmath.asin(-2)", "cmath.atan(1j)",
    "cmath.isnan(HasComplex())", "cmath.isinf(cmath.infj)", "cmath.isfinite(1e308)",
]
for c in calls:
    try:
        print(c, "->", repr(eval(c)))
    except Exception as e:
        print(c, "->", type(e).__name__, e)
