class OnlyEq:
    def __init__(self, v):
        self.v = v
    def __eq__(self, o):
        return isinstance(o, OnlyEq) and self.v == o.v
    __hash__ = None

print(OnlyEq(1) == OnlyEq(1), OnlyEq(1) != OnlyEq(1), OnlyEq(1) != OnlyEq(2))

class Num:
    def __init__(self, v):
        self.v = v
    def __add__(self, o):
        return Num(self.v + (o.v if isinstance(o, Num) else o))
    __radd__ = __add__
    def __repr__(self):
        return f"Num({self.v})"
print(sum([Num(1), Num(2)]), sum([Num(1)], Num(10)), 5 + Num(1), Num(1) + 5)
n = Num(1)
n += 2
print(n)
class Seq:
    def __init__(self, items):
        self.items = items
    def __len__(self):
        return len(self.items)
    def __getitem__(self, i):
        return self.items[i]
s = Seq([1, 2, 3])
print(list(s), 2 in s, list(reversed(s)), sorted(s, reverse=True))
try:
    s + s
except TypeError as e:
    print(type(e).__name__, e)
class Mul:
    def __mul__(self, o):
        return "Mul.__mul__"
    def __rmul__(self, o):
        return "Mul.__rmul__"
print([1] * 2, Mul() * [1], [1] * Mul(), 3 * Mul(), "s" * Mul())
class Int(int):
    def __add__(self, o):
        return "Int.__add__"
    def __radd__(self, o):
        return "Int.__radd__"
print(1 + Int(2), Int(2) + 1, Int(1) + Int(2), 1.5 + Int(1))
