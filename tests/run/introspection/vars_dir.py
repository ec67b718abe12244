class P:
    cls_attr = 0
    def __init__(self):
        self.a = 1
        self.b = 2
p = P()
print(vars(p))
vars(p)["c"] = 3
print(p.c)
print([k for k in vars(P) if not k.startswith("__")])
print(vars(P)["cls_attr"], type(vars(P)).__name__)
try:
    vars(1)
except TypeError as e:
    print(type(e).__name__, e)
try:
    vars(p, p)
except TypeError as e:
    print(type(e).__name__, e)
class Slotted:
    __slots__ = ("x",)
try:
    vars(Slotted())
except TypeError as e:
    print(type(e).__name__, e)
print([n for n in dir(p) if not n.startswith("__")])
def scope():
    z = 1
    return dir()
print(scope())
import sys
print(vars(sys) is sys.__dict__, "argv" in dir(sys))
print(dir(5) == dir(int), "__add__" in dir(1), "mro" in dir(type), "mro" in dir(P))
