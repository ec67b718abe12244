class Acc:
    def __init__(self, items):
        self.items = list(items)
    def __repr__(self):
        return f"Acc({self.items})"
    def __iadd__(self, other):
        print("__iadd__")
        self.items += other
        return self
    def __add__(self, other):
        print("__add__")
        return Acc(self.items + list(other))
    def __isub__(self, other):
        print("__isub__ returns NotImplemented")
        return NotImplemented
    def __sub__(self, other):
        print("__sub__")
        return Acc([x for x in self.items if x not in other])
    def __imul__(self, n):
        return "imul result replaces the name"

a = Acc([1, 2])
alias = a
a += [3]
print(a, alias, a is alias)
a -= [1]
print(a, alias, a is alias)
a *= 2
print(a)

class Only:
    pass
o = Only()
try:
    o += 1
except TypeError as e:
    print(type(e).__name__, e)
try:
    o **= 2
except TypeError as e:
    print(type(e).__name__, e)

x = [1]
y = x
x += [2]
print(x is y, y)
t = (1,)
u = t
t += (2,)
print(t is u, u, t)
for op in ("ipow", "imatmul", "ifloordiv", "itruediv", "imod", "ilshift", "irshift", "iand", "ior", "ixor"):
    setattr(Only, f"__{op}__", lambda self, other, op=op: op)
o = Only(); o **= 1; print(o)
o = Only(); o @= 1; print(o)
o = Only(); o //= 1; print(o)
o = Only(); o /= 1; print(o)
o = Only(); o %= 1; print(o)
o = Only(); o <<= 1; print(o)
o = Only(); o >>= 1; print(o)
o = Only(); o &= 1; print(o)
o = Only(); o |= 1; print(o)
o = Only(); o ^= 1; print(o)
