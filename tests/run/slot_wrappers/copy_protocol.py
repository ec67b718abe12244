# copy.copy and copy.deepcopy of instances go through object.__reduce_ex__
# (copyreg.__newobj__, the instance's state) when a class defines no
# __copy__: its __dict__, its __slots__, or what __getstate__ and
# __getnewargs__ say.
import copy

class Plain:
    def __init__(self):
        self.items = [1, [2]]

class Slotted:
    __slots__ = ("a", "b")

class Args:
    def __new__(cls, n):
        self = super().__new__(cls)
        self.n = n
        return self
    def __getnewargs__(self):
        return (self.n * 10,)

class State:
    def __init__(self):
        self.secret, self.kept = "s", "k"
    def __getstate__(self):
        return {"kept": self.kept}

class Listy(list):
    pass

p = Plain()
shallow, deep = copy.copy(p), copy.deepcopy(p)
print(type(shallow).__name__, shallow.items is p.items, deep.items == p.items, deep.items[1] is p.items[1])
s = Slotted()
s.a = 1
t = copy.copy(s)
print(t.a, hasattr(t, "b"))
a = copy.copy(Args(4))
print(a.n)
c = copy.copy(State())
print(c.kept, hasattr(c, "secret"))
l = Listy([1, 2])
l.tag = "t"
m = copy.copy(l)
print(type(m).__name__, m, m.tag, m is not l)
