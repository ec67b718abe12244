# throw()/close() into a generator delegating with `yield from`.
import sys

# The delegating generators count as running while the subiterator runs.
class MyErr(Exception):
    pass

def one():
    try:
        yield 0
    except MyErr:
        pass
    yield from two()
    try:
        yield 3
    except MyErr:
        pass

def two():
    try:
        yield 1
    except MyErr:
        pass
    try:
        yield from g1
    except ValueError as e:
        print("ValueError:", e)
    try:
        yield 2
    except MyErr:
        pass

g1 = one()
res = [next(g1)]
try:
    while True:
        res.append(g1.throw(MyErr))
except StopIteration:
    pass
print(res)

class MyIt:
    def __iter__(self):
        return self
    def __next__(self):
        return 42
    def close(self):
        print("close: running", g2.gi_running, "suspended", g2.gi_suspended)
        try:
            next(g2)
        except ValueError as e:
            print("ValueError:", e)

def three():
    yield from MyIt()

g2 = three()
next(g2)
g2.close()
print(g2.gi_running, g2.gi_suspended)

# A broken __getattr__ in the subiterator.
class Broken:
    def __iter__(self):
        return self
    def __next__(self):
        return 1
    def __getattr__(self, attr):
        1/0

def g():
    yield from Broken()

for how in ("send", "throw"):
    gi = g()
    print(next(gi))
    try:
        if how == "send":
            gi.send(1)
        else:
            gi.throw(AttributeError)
    except ZeroDivisionError as e:
        print(how, "ZeroDivisionError", gi.gi_suspended)

def hook(u):
    print("unraisable:", u.exc_type.__name__)
sys.unraisablehook = hook
gi = g()
next(gi)
gi.close()
sys.unraisablehook = sys.__unraisablehook__

# An iterator class whose __next__ raises StopIteration(value).
class MyIter:
    def __iter__(self):
        return self
    def __next__(self):
        raise StopIteration(42)

def gen():
    ret = yield from MyIter()
    print("returned", ret)
list(gen())

# The subiterator's throw() ends with StopIteration: its value.
class Thrower:
    def __iter__(self):
        return self
    def __next__(self):
        return "item"
    def throw(self, *a):
        e = StopIteration("args")
        e.value = "value"
        raise e

def gen2():
    r = yield from Thrower()
    yield ("got", r)
t = gen2()
print(next(t), t.throw(KeyError))

# StopIteration.value is a member set by __init__.
e = StopIteration()
print(repr(e.value))
e = StopIteration("spam", "x")
print(e.value)
e.value = "eggs"
print(e.value, e.args)
e.args = ("other",)
print(e.value)
class S(StopIteration):
    def __init__(self):
        super().__init__("sub")
print(S().value)
def ret():
    return 5
    yield
try:
    next(ret())
except StopIteration as s:
    print(s.value, s.args)
