def method(self):
    return "value " + str(self.v)

Dyn = type("Dyn", (), {"v": 7, "method": method})
d = Dyn()
print(Dyn.__name__, d.method(), Dyn.__bases__)

Child = type("Child", (Dyn,), {"v": 8})
print(Child().method(), [c.__name__ for c in Child.__mro__])

print(type(5).__name__, type("s") is str)
try:
    type("X", (5,), {})
except TypeError as e:
    print(type(e).__name__, e)
try:
    type("X", (), [])
except TypeError as e:
    print(type(e).__name__, e)
try:
    type(1, 2)
except TypeError as e:
    print(type(e).__name__, e)

Dyn.__name__ = "Renamed"
print(Dyn.__name__, Dyn.__qualname__)
try:
    Dyn.__name__ = 3
except TypeError as e:
    print(type(e).__name__, e)

class A: pass
class B: pass
a = A()
a.__class__ = B
print(type(a).__name__)
try:
    a.__class__ = int
except TypeError as e:
    print(type(e).__name__, e)
