class Base:
    def hello(self):
        return "Base.hello"
    @classmethod
    def make(cls):
        return f"Base.make({cls.__name__})"

class Mid(Base):
    def hello(self):
        return "Mid>" + super().hello()
    @classmethod
    def make(cls):
        return "Mid>" + super().make()

class Leaf(Mid):
    def hello(self):
        return "Leaf>" + super(Leaf, self).hello()
    def skip(self):
        return super(Mid, self).hello()

print(Leaf().hello())
print(Leaf().skip())
print(Leaf.make())
print(super(Leaf, Leaf()).hello())
s = super(Mid, Leaf)
print(s.make())

class A:
    def f(self): return ["A"]
class B(A):
    def f(self): return ["B"] + super().f()
class C(A):
    def f(self): return ["C"] + super().f()
class D(B, C):
    def f(self): return ["D"] + super().f()
print(D().f())

def no_class():
    return super()
try:
    no_class()
except RuntimeError as e:
    print(type(e).__name__, e)
try:
    super(int, "x")
except TypeError as e:
    print(type(e).__name__, e)

class WithClassCell:
    def m(self):
        return __class__
print(WithClassCell().m().__name__)
try:
    super(Leaf, Leaf()).nothing
except AttributeError as e:
    print(type(e).__name__, e)
