# float(): __float__ returning a float subclass (deprecated), keywords
# passed through to a subclass's __init__, fromhex's whitespace (vertical
# tab included), and a NaN's hash, which is its identity's.
import warnings

class F(float): pass
class Conv:
    def __float__(self): return F(4.5)
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    r = float(Conv())
    print(type(r).__name__, r)
    r = F(Conv())
    print(type(r).__name__, r)
    for x in w:
        print("warning:", x.category.__name__, x.message)

class WithInit(float):
    def __init__(self, arg, newarg=None):
        self.newarg = newarg
u = WithInit(2.5, newarg=3)
print(type(u).__name__, u, u.newarg)
for bad in (lambda: F(x=0), lambda: float(x=1.0)):
    try:
        bad()
    except TypeError as e:
        print("TypeError:", e)

for text in ["\v1.0", "0x1p3\v", "\f -0x.2 \r", "\vinf\n", "\x1c1.0"]:
    try:
        print(repr(text), float.fromhex(text))
    except ValueError as e:
        print(repr(text), "ValueError:", e)

nan = float("nan")
print(hash(nan) == object.__hash__(nan))
class H:
    def __hash__(self): return 42
class G(float, H): pass
g = G("nan")
print(hash(g) == object.__hash__(g))
print(hash(float("inf")), hash(-float("inf")), hash(1.5))
