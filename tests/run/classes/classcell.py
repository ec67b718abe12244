# The __class__ cell: type.__new__ fills it from __classcell__ (so it works
# inside a metaclass's __new__), __build_class__ checks that it was, and a
# class attribute or free variable named __class__ is not the cell.

class Meta(type):
    def __new__(cls, name, bases, ns):
        self = super().__new__(cls, name, bases, ns)
        print("in __new__:", self.f() is self)
        return self

class A(metaclass=Meta):
    @staticmethod
    def f():
        return __class__

saved = None
class Delay(type):
    def __new__(cls, name, bases, ns):
        global saved
        saved = ns
        return None

class B(metaclass=Delay):
    @staticmethod
    def f():
        return __class__
print(B)
C = type("C", (), saved)
print(C.f() is C, "__classcell__" in C.__dict__)

class Drop(type):
    def __new__(cls, name, bases, ns):
        ns.pop("__classcell__", None)
        return super().__new__(cls, name, bases, ns)

class NoRef(metaclass=Drop):
    pass
try:
    class WithRef(metaclass=Drop):
        def f(self):
            return __class__
except RuntimeError as e:
    print("RuntimeError", str(e).replace(__name__, "M"))

class Overwrite(type):
    def __new__(cls, name, bases, ns, cell):
        ns["__classcell__"] = cell
        return super().__new__(cls, name, bases, ns)

for bad in (None, 0, "", object()):
    try:
        class D(metaclass=Overwrite, cell=bad):
            pass
    except TypeError as e:
        print("TypeError", e)

class Wrong(type):
    def __new__(cls, name, bases, ns):
        cls = super().__new__(cls, name, bases, ns)
        type("Other", (), ns)
        return cls
try:
    class E(metaclass=Wrong):
        def f(self):
            return __class__
except TypeError as e:
    print("TypeError", str(e).replace(__name__, "M"))

class Base:
    def f(self):
        return "Base"

class X(Base):
    def f(self):
        return super().f()
    __class__ = 413
x = X()
print(x.f(), x.__class__, type(x).__name__)

class Outer:
    def method(self):
        class Inner:
            got = __class__
            def g():
                __class__
        return Inner.got
print(Outer().method() is Outer)

try:
    exec("class Y:\n    __class__\n    def f():\n        __class__", {}, {})
except NameError as e:
    print(type(e).__name__, e)

try:
    super(int, int, int)
except TypeError as e:
    print(e)
