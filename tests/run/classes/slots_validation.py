# __slots__ names: identifiers only, no class-variable conflicts (__qualname__
# and __classcell__ excepted), one __dict__/__weakref__; members sorted, so
# the same names in another order make the same layout.
for sl in (['__slots__'], ['foo bar'], [''], ['1'], ['a\0b'], [None], ['__dict__', '__dict__']):
    try:
        class C: __slots__ = sl
        print("ok", sl)
    except Exception as e: print(type(e).__name__, e)
class D: __slots__=('__dict__',)
try:
    class E(D): __slots__=('__dict__',)
except Exception as e: print(type(e).__name__, e)
class W: __slots__=('__weakref__',)
try:
    class E(W): __slots__=('__weakref__',)
except Exception as e: print(type(e).__name__, e)
class P: pass
try:
    class E(P): __slots__=('__dict__',)
except Exception as e: print(type(e).__name__, e)
class H: __slots__=['b','a']
print(list(H.__dict__), H.__slots__)
class G: __slots__=['a','b']
g = G(); g.a = 1; g.b = 2
g.__class__ = H
print(g.a, g.b)
class C1:
    def __init__(self):
        self.b = 42
class C2(C1):
    __slots__ = ["__classcell__"]
    def __init__(self):
        super().__init__()
print(type(C2.__dict__["__classcell__"]).__name__, C2().b)
c = C2()
c.__classcell__ = 42
print(c.__classcell__)
