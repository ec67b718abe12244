# int() through __trunc__ (deprecated), __int__/__index__ returning an int
# subclass (deprecated), and an __index__ base; each warning is caught.
import warnings

def run(label, f):
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter("always")
        try:
            r = f()
            print(label, type(r).__name__, r)
        except Exception as e:
            print(label, type(e).__name__, e)
        for x in w:
            print("  warning:", x.category.__name__, x.message)

class JustTrunc:
    def __trunc__(self): return 42
class Index:
    def __index__(self): return 7
class TruncIndex:
    def __trunc__(self): return Index()
class NonIntegral:
    def __trunc__(self): return NonIntegral()
class TruncNonIntegral:
    def __trunc__(self): return NonIntegral()
class BadInt:
    def __int__(self): return 42.0
class TruncBadInt:
    def __trunc__(self): return BadInt()
class ExceptionalTrunc:
    def __trunc__(self): 1 / 0
class IntOverridesTrunc:
    def __int__(self): return 42
    def __trunc__(self): return -12
class BadIndex:
    def __index__(self): return True
class BadInt2:
    def __int__(self): return True
class BadIndex2(int):
    def __index__(self): return True
class TruncBool:
    def __trunc__(self): return True
class IntSub(int): pass
class MyIndexable:
    def __init__(self, v): self.v = v
    def __index__(self): return self.v

run("trunc", lambda: int(JustTrunc()))
run("trunc->index", lambda: int(TruncIndex()))
run("trunc->nonintegral", lambda: int(TruncNonIntegral()))
run("trunc->badint", lambda: int(TruncBadInt()))
run("trunc raises", lambda: int(ExceptionalTrunc()))
run("int over trunc", lambda: int(IntOverridesTrunc()))
run("index bool", lambda: int(BadIndex()))
run("int bool", lambda: int(BadInt2()))
run("int subclass index", lambda: int(BadIndex2()))
run("trunc bool", lambda: int(TruncBool()))
run("subclass trunc bool", lambda: IntSub(TruncBool()))
run("list index bool", lambda: [10, 20][BadIndex()])
for b in (2, 10, 36):
    run("base", lambda: int("101", base=MyIndexable(b)))
run("bad base", lambda: int("101", MyIndexable(37)))
run("huge base", lambda: int("101", 2**100))
run("base not index", lambda: int("101", 2.0))
