import weakref

class Obj:
    def __init__(self, name):
        self.name = name
    def __repr__(self):
        return f"Obj({self.name})"

o = Obj("target")
r = weakref.ref(o, lambda ref: print("callback: referent gone, ref() is", ref()))
print(r() is o, r())
del o
print("after del:", r())

cache = weakref.WeakValueDictionary()
k1, k2 = Obj("k1"), Obj("k2")
cache["a"], cache["b"] = k1, k2
print(sorted(cache.keys()))
del k1
print(sorted(cache.keys()))

class Slotted:
    __slots__ = ("v",)
try:
    weakref.ref(Slotted())
except TypeError as e:
    print(type(e).__name__, e)
try:
    weakref.ref(1)
except TypeError as e:
    print(type(e).__name__, e)
class WithWeak:
    __slots__ = ("v", "__weakref__")
w = WithWeak()
wr = weakref.ref(w)
print(wr() is w, weakref.getweakrefcount(w))
p = weakref.proxy(Obj("proxied"))
try:
    p.name
except ReferenceError as e:
    print(type(e).__name__, e)
ws = weakref.WeakSet()
keep = Obj("kept")
ws.add(keep); ws.add(Obj("dropped"))
print(len(ws), [x.name for x in ws])
