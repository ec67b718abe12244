# Three-argument pow goes through the power slots (CPython's ternary_op)
class I(int):
    def __repr__(self):
        return "I(%r)" % int(self)
    def __pow__(self, other, mod=None):
        return I(pow(int(self), int(other), None if mod is None else int(mod)))
    def __rpow__(self, other, mod=None):
        return ("rpow", int(other), int(self), mod)
print(repr(pow(I(2), I(3), I(5))))
print(repr(pow(I(2), 3, 5)))
print(repr(pow(2, I(3), 5)))
print(repr(pow(2, 3, I(5))))
print(int.__pow__(2, 3, 5), I.__pow__(I(2), 3, 5))
print((2).__pow__(3, 5), (2).__rpow__(3, 5))
for args in [(2.0, 3, 5), (2, 3.0, 5), (2, 3, 5.0), (1j, 2, 3), (2, 3, 1j), ("a", 2, 3), (2, 3, "m")]:
    try:
        print(pow(*args))
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
class M:
    def __pow__(self, o, m=None):
        return ("M", o, m)
print(pow(M(), 2, 3))
try:
    pow(2, M(), 3)
except TypeError as e:
    print(e)
