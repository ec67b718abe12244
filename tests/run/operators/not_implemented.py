class A:
    def __add__(self, other):
        print("A.__add__")
        return NotImplemented
    def __radd__(self, other):
        print("A.__radd__")
        return NotImplemented

class B:
    def __radd__(self, other):
        print("B.__radd__")
        return "B handled"

print(A() + B())
try:
    A() + A()
except TypeError as e:
    print(type(e).__name__, e)

class Base:
    def __add__(self, other):
        return "Base.__add__"
    def __radd__(self, other):
        return "Base.__radd__"
class Derived(Base):
    def __radd__(self, other):
        return "Derived.__radd__ (subclass first)"
print(Base() + Derived())
print(Derived() + Base())

class SameRadd(Base):
    pass
print(Base() + SameRadd())

print(NotImplemented, type(NotImplemented).__name__, repr(NotImplemented))
print((1).__add__("x"), (1).__radd__(2.5))
print(3 .__truediv__(0.5), (3).__rsub__(10), 2.0.__rpow__(3))
try:
    "a" - "b"
except TypeError as e:
    print(type(e).__name__, e)
try:
    [1] * 2.0
except TypeError as e:
    print(type(e).__name__, e)
try:
    None | 1
except TypeError as e:
    print(type(e).__name__, e)
