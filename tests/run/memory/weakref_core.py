import _weakref as w
class Obj:
    def __init__(self, name): self.name = name
    def __repr__(self): return f"Obj({self.name})"
o = Obj("t")
r = w.ref(o, lambda ref: print("callback, ref() is", ref()))
r2 = w.ref(o)
print(r() is o, w.ref(o) is r2, w.getweakrefcount(o), len(w.getweakrefs(o)), r.__callback__ is not None, r2.__callback__)
print(hash(r2) == hash(o), r2 == w.ref(o), r == r2)
del o
print("after del:", r(), r2(), repr(r2).endswith("; dead>"))
def f(): pass
fr = w.ref(f)
print(fr() is f)
del f
print(fr())
class C: pass
cr = w.ref(C)
print(cr() is C)
p = w.proxy(Obj("p"))
try:
    p.name
except ReferenceError as e:
    print("ReferenceError:", e)
keep = Obj("k")
p = w.proxy(keep)
print(p.name, str(p))
p.name = "changed"
print(keep.name)
class S:
    __slots__ = ("a",)
for bad in (S(), 1, "s", [1]):
    try:
        w.ref(bad)
    except TypeError as e:
        print("TypeError:", e)
class SW:
    __slots__ = ("a", "__weakref__")
print(w.ref(SW())())
class BadCb:
    def __repr__(self):
        return "<bad callback>"
    def __call__(self, ref):
        1 / 0
bad_cb = BadCb()
x = Obj("x")
rx = w.ref(x, bad_cb)
del x
print("still running")
d = {}
d["k"] = w.ref(Obj("gone"))
w._remove_dead_weakref(d, "k")
print(d)
