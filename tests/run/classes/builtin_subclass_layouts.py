class D(dict):
    pass
d = D(a=1, b=2)
print(d, type(d).__name__, isinstance(d, dict), len(d), d['a'])
d.x = 5
print(d.x, d.__dict__)
class L(list):
    def total(self):
        return sum(self)
l = L([1, 2, 3])
l.append(4)
print(l, l.total(), len(l), l[1:])
class I(int):
    def double(self):
        return self * 2
i = I(21)
print(i, i.double(), i + 1, type(i + 1).__name__, repr(i), hash(i) == hash(21), i == 21)
class S(str):
    def shout(self):
        return self.upper() + "!"
s = S("hi")
print(s, s.shout(), len(s), s + "x", repr(s), isinstance(s, str))
class T(tuple):
    __slots__ = ()
    @property
    def first(self):
        return self[0]
t = T((1, 2))
print(t, t.first, len(t))
class M(dict):
    def __missing__(self, k):
        return k * 2
m = M()
print(m[3])
class LL(list):
    def __init__(self, n):
        super().__init__(range(n))
print(LL(4))
class P(int):
    def __new__(cls, v):
        return super().__new__(cls, v * 10)
print(P(3), type(P(3)).__name__)
class FS(frozenset): pass
print(FS([1,2]), sorted(FS([3,1])))
class St(set): pass
print(St([1,2]))
try:
    class X(dict, list): pass
except TypeError as e:
    print(e)
