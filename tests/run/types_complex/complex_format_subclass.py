# format() of complex numbers, and subclasses of complex.
def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

z = 1 + 2j
for spec in ("", ">20", "<12", "^14", "*^14", ".2f", ".3e", "g", "G", "+.1f", " .1f", "10.2f", ".0f", "#.0f", ",.2f",
             "_.1f", "n", ".2", ".10", "e", "E", "F", "z.1f", "-"):
    show(lambda: format(z, spec))
for v in (2j, -0j, complex(-1.5, 0), complex(0, -0.0), complex(1e20, -1e-20), complex(float("nan"), float("inf")), 1234567.5 + 1j):
    print(format(v, ""), format(v, ">12"), format(v, ".3g"), format(v, ","), f"{v:+}")
for spec in ("05", "010.2f", "0<5", "=10", "d", "x", "%", "s", "c", ".2z", "++"):
    show(lambda: format(z, spec))
print(f"{1j:>6}|{-1j:<6}|{(1+1j)!r:^10}|{z.real:.1f}", "{:.1f}".format(3 - 4j), complex.__format__(z, ".1f"))


class MyComplex(complex):
    def double(self):
        return self * 2

    def __repr__(self):
        return f"MyComplex({complex(self)!r})"


m = MyComplex(1, 2)
print(m, str(m), m.real, m.imag, m.double(), type(m.double()).__name__, m + 1, type(m + 1).__name__, m == 1 + 2j)
print(MyComplex("3+4j"), MyComplex(), abs(MyComplex(3, 4)), hash(m) == hash(1 + 2j), complex(m), type(complex(m)).__name__)
print(isinstance(m, complex), type(-m).__name__, m.conjugate(), type(m.conjugate()).__name__, MyComplex(m) == m)


class Flagged(complex):
    def __new__(cls, re, im, flag):
        self = super().__new__(cls, re, im)
        self.flag = flag
        return self


f = Flagged(1, 1, "on")
print(f, f.flag, f * 1j, vars(f))
