# math's errors and conversion protocols: argument counts and keywords as
# each calling convention reports them, "must be real number", the
# __float__ / __index__ / __floor__ / __ceil__ / __trunc__ protocols,
# subclasses of float and int, and an uncaught math domain error.
import math

def show(label, f, *args, **kwargs):
    try:
        r = repr(f(*args, **kwargs))
    except Exception as e:
        r = "%s: %s" % (type(e).__name__, e)
    print(label, r)

names = sorted(n for n in dir(math) if callable(getattr(math, n)) and not n.startswith("_"))
for n in names:
    f = getattr(math, n)
    show(n + "()", f)
    show(n + "(*6)", f, 1, 1, 1, 1, 1, 1)
    show(n + "(kw)", f, 1, zz=1)
    show(n + "(str)", f, "1")
    show(n + "(None, 1)", f, None, 1)
    print(n, repr(f), type(f).__name__, f.__name__)

show("isclose kw", math.isclose, a=1, b=1.0)
show("isclose both", math.isclose, 1, 2, a=3)
show("isclose neg tol", math.isclose, 1, 2, rel_tol=-0.1)
show("isclose neg abs", math.isclose, 1, 2, abs_tol=-1)
show("isclose str tol", math.isclose, 1, 2, abs_tol="x")
show("isclose pos tol", math.isclose, 1, 2, 0.5)
show("prod kw only", math.prod, iterable=[1])
show("prod two", math.prod, [1], 2)
show("prod bad kw", math.prod, [1], begin=2)
show("log kw", math.log, 10, base=2)
show("log 3", math.log, 1, 2, 3)
show("log 1 1", math.log, 1, 1)
show("log base 0", math.log, 8, 0)
show("ldexp float exp", math.ldexp, 1.0, 2.0)
show("ldexp str", math.ldexp, "a", 1)
show("dist int", math.dist, 1, (1,))
show("dist dims", math.dist, (1, 2), (1,))
show("dist str items", math.dist, ("a",), (1,))
show("perm float", math.perm, 5, 2.0)
show("comb str", math.comb, "5", 2)
show("gcd float", math.gcd, 4, 2.0)
show("lcm str", math.lcm, 4, "x")
show("sqrt complex", math.sqrt, 1j)
show("sqrt list", math.sqrt, [4])
show("sqrt huge", math.sqrt, 10**400)
show("exp overflow", math.exp, 1000)
show("sqrt -1", math.sqrt, -1)
show("floor inf", math.floor, math.inf)
show("ceil nan", math.ceil, math.nan)
show("trunc -inf", math.trunc, -math.inf)
show("trunc str", math.trunc, "3")
show("floor str", math.floor, "3")

class F:
    def __float__(self):
        return 2.25
class I:
    def __index__(self):
        return 9
class FI:
    def __float__(self):
        return 0.5
    def __index__(self):
        return 1
class BadFloat:
    def __float__(self):
        return "x"
class IntFloat:
    def __float__(self):
        return 3
class Raising:
    def __float__(self):
        raise RuntimeError("no float")
class Rounds:
    def __floor__(self):
        return "floor!"
    def __ceil__(self):
        return "ceil!"
    def __trunc__(self):
        return "trunc!"
    def __float__(self):
        return 1.5
class MyFloat(float):
    def __float__(self):
        return 100.0
class MyInt(int):
    def __float__(self):
        return 0.25
class BigInt(int):
    pass
class FloorFloat(float):
    def __floor__(self):
        return "own floor"

for label, obj in [("F", F()), ("I", I()), ("FI", FI()), ("BadFloat", BadFloat()),
                   ("IntFloat", IntFloat()), ("Raising", Raising()), ("Rounds", Rounds()),
                   ("MyFloat", MyFloat(2.5)), ("MyInt", MyInt(7)), ("BigInt", BigInt(10**400)),
                   ("FloorFloat", FloorFloat(2.5)), ("True", True)]:
    for n in ["sqrt", "floor", "ceil", "trunc", "isnan", "frexp", "gamma", "log", "log2", "fabs"]:
        show("%s %s" % (n, label), getattr(math, n), obj)
    show("hypot " + label, math.hypot, obj, obj)
    show("fsum " + label, math.fsum, [obj, 1])
    show("pow " + label, math.pow, obj, 2)
    show("isqrt " + label, math.isqrt, obj)
    show("gcd " + label, math.gcd, obj, 6)
    show("factorial " + label, math.factorial, obj)

print(math.pi, math.e, math.tau, math.inf, -math.inf, math.nan)
print(math.__name__, math.__doc__)
print(type(math.pi), math.tau == 2 * math.pi, math.nan != math.nan)
from math import pi as PI, sqrt
print(PI, sqrt(16))

def area(r):
    return math.sqrt(r) * math.pi
print(area(4))
area(-4)
