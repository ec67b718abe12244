# complex(): __complex__ returning a complex subclass warns
# (DeprecationWarning), and returning a non-complex is a TypeError.
import warnings

class C(complex): pass
class Conv:
    def __complex__(self): return C(1, 2)
class Bad:
    def __complex__(self): return 1.5
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    r = complex(Conv())
    print(type(r).__name__, r)
    for x in w:
        print("warning:", x.category.__name__, x.message)
try:
    complex(Bad())
except TypeError as e:
    print("TypeError:", e)
with warnings.catch_warnings():
    warnings.simplefilter("error")
    try:
        complex(Conv())
    except DeprecationWarning as e:
        print("DeprecationWarning:", e)
