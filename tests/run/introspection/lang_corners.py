# Corners from test_grammar, test_opcodes, test_funcattrs, test_decorators,
# test_scope, test_class and test_positional_only_arg.
import dis
import sys
import types

# A class's own __annotations__, made empty on first use, never inherited.
class A:
    attr: int
class B(A):
    pass
class C:
    pass
print(A.__annotations__, B.__annotations__, C.__annotations__, "__annotations__" in C.__dict__)
C.__annotations__ = {"x": str}
print(C.__annotations__)
del C.__annotations__
print(C.__annotations__)
try:
    int.__annotations__
except AttributeError as e:
    print(e)
m = types.ModuleType("m")
print(m.__annotations__, "__annotations__" in m.__dict__)

# Cells compare by content; an empty cell comes first.
def cell(v):
    def f():
        v
    return f.__closure__[0]
def empty_cell():
    if False:
        v = 1
    def f():
        v
    return f.__closure__[0]
print(cell(2) < cell(3), empty_cell() < cell("s"), empty_cell() == empty_cell(),
      cell(-36) == cell(-36.0), cell(True) > empty_cell())

# Functions: __builtins__, qualname of a global-declared nested def,
# dir() lists the __dict__ (through a bound method too).
def outer():
    def inner():
        global inner_global
        def inner_global():
            pass
        class InnerGlobalClass:
            pass
        global InnerGlobalClass2
        class InnerGlobalClass2:
            pass
        return InnerGlobalClass
    return inner()
print(outer().__qualname__, inner_global.__qualname__, InnerGlobalClass2.__qualname__)
def f():
    pass
print(type(f.__builtins__).__name__, f.__builtins__ is __builtins__.__dict__)
f.known = 1
class K:
    def m(self):
        pass
K.m.known2 = 2
print("known" in dir(f), "known2" in dir(K().m))
print(f.__name__ is f.__name__)

# classmethod/staticmethod read the callable's metadata through.
def func(x):
    "doc"
    return x
func.extra = 1
for w in (classmethod(func), staticmethod(func)):
    print([getattr(w, a) is getattr(func, a) for a in ("__module__", "__qualname__", "__name__", "__doc__", "__annotations__")])

class D:
    @classmethod
    @classmethod
    def f(cls):
        return cls
print(D.f() is D, D().f() is D)

# eval/exec of a code object with free variables.
def make(x):
    return lambda: x + 1
g = make(3)
for run in (lambda: eval(g.__code__), lambda: exec(g.__code__, {})):
    try:
        run()
    except TypeError as e:
        print("TypeError", e)

# A comparison dunder whose descriptor fails is no method at all.
def booh(self):
    raise AttributeError("booh")
class E:
    __eq__ = property(booh)
e = E()
print(e == e, E() == E())

# not (a is b) is folded into one comparison.
def h(a, b):
    x = not (a is b)
    y = not (a in b)
    if not (a is not b):
        return x, y
print([(i.opname, i.argval) for i in dis.get_instructions(h) if i.opname in ("IS_OP", "CONTAINS_OP", "UNARY_NOT")])
print(h(1, [1]), h(1, [2]))

# No trace function is ever installed.
print(sys.gettrace(), sys.getprofile(), sys.settrace(None), sys.setprofile(None))
