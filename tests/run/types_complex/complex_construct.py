# complex constants, the constructor (numbers, strings, __complex__,
# __float__, __index__), repr and str, real/imag/conjugate.
def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

print(2j, 1 + 2j, -0j, 0j, -(0j), 1j * 1j, 3.5j, 1e300j * 10, 1e-7j, 1_000j, 0x10 + 1j, 1.5e16 + 2.5j)
print(complex(), complex(1), complex(1, 2), complex(1.5, -2.5), complex(True, False), complex(real=1, imag=2), complex(imag=2))
print(complex(-0.0, -0.0), complex(0.0, -0.0), complex(-0.0, 0.0), complex(float("nan"), float("inf")), complex(float("-nan"), float("-inf")))
print(complex(1e20, 1e-20), complex(1e16, 2.5), complex(1j, 1j), complex(1 + 1j, 2), complex(2, 1 + 1j), complex(1j))
for s in ("1+2j", " ( 1+2j ) ", "j", "-j", "+J", "1e3j", "inf", "-infj", "nan+nanj", "1_000+2_0j", " 3 ", "3.5e-2-4.5e+3j",
          "1.", ".5j", "-.5-.5j", "1+j", "1-j", "1e500", "(1)", "Infinity-INFINITYj", "\u0661+\u0662j", "\u20031j\u2003"):
    show(lambda: complex(s))
for s in ("1 + 2j", "", "abc", "(1+2j", "1+2jj", "1+", "1e", "1__0", "_1", "1_", "1_j", "j1", "()", "1+2i", "1+2j)", "\x1c1"):
    show(lambda: complex(s))


class HasComplex:
    def __complex__(self):
        return 3 + 4j


class BadComplex:
    def __complex__(self):
        return 5


class HasFloat:
    def __float__(self):
        return 2.5


class HasIndex:
    def __index__(self):
        return 7


print(complex(HasComplex()), complex(HasFloat()), complex(HasIndex()), complex(HasFloat(), HasIndex()), complex(2, HasFloat()))
for f in (lambda: complex("1+2j", 1), lambda: complex(1, "2"), lambda: complex(None), lambda: complex([]),
          lambda: complex(1, None), lambda: complex(1, 2, 3), lambda: complex(x=1), lambda: complex(1, real=2),
          lambda: complex(BadComplex()), lambda: complex(2 ** 2000), lambda: complex(1, 2 ** 2000), lambda: complex(object())):
    show(f)
z = 1 + 2j
print(z.real, z.imag, z.conjugate(), (-0j).imag, type(z.real).__name__, z.__getnewargs__(), z.__complex__() is z)
print((1).real, (1).imag, (1.5).real, (1.5).imag, (1.5).conjugate(), True.real, (7).numerator, (7).denominator, (-3).conjugate())
print(str(z), repr(-z), f"{z}", "%s %r" % (z, z), [1j, -1j], (1j,), {1j: "x"})
print(type(z), type(z).__name__, isinstance(z, complex), isinstance(1, complex), complex.__name__, type(1j) is complex)
for f in (lambda: z.conjugate(1), lambda: setattr(z, "real", 1), lambda: int(z), lambda: float(z), lambda: round(z)):
    show(f)
