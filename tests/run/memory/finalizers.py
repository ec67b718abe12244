# __del__ once per object (resurrection), assigned after the class exists,
# inherited; release order of list/tuple/dict items; generators closed when
# freed inside `with`; atexit and sys.unraisablehook; finalizers at exit
# still see the globals.
import atexit
import sys

class Tracked:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("del", self.name)

print("-- containers")
items = [Tracked("l1"), Tracked("l2"), Tracked("l3")]
del items
t = (Tracked("t1"), Tracked("t2"))
t = None
d = {"a": Tracked("d1"), "b": Tracked("d2")}
d = None
print("-- resurrection")
saved = []
class Phoenix:
    def __del__(self):
        print("phoenix __del__")
        saved.append(self)
p = Phoenix()
del p
print("saved", len(saved))
saved.clear()
print("cleared: no second __del__")

print("-- late and inherited __del__")
class Late:
    pass
x = Late()
Late.__del__ = lambda self: print("late del")
del x
class Child(Tracked):
    pass
c = Child("child")
c = 1
del Late.__del__
y = Late()
del y
print("after deleting __del__")

print("-- generators")
class Resource:
    def __enter__(self):
        print("enter")
        return self
    def __exit__(self, *exc):
        print("exit", exc[0].__name__ if exc[0] else None)
def using():
    with Resource():
        yield 1
        yield 2
g = using()
next(g)
g = None
def plain():
    yield 1
    yield 2
g = plain()
next(g)
g = None
print("plain dropped")

print("-- unraisable")
class Bad:
    def __del__(self):
        raise KeyError("in del")
b = Bad()
old = sys.unraisablehook
def hook(u):
    print("hook:", u.exc_type.__name__, u.exc_value, u.err_msg, type(u.object).__name__)
sys.unraisablehook = hook
del b
sys.unraisablehook = old
print(sys.unraisablehook is sys.__unraisablehook__)

print("-- atexit")
def goodbye(who, punct="!"):
    print("goodbye", who + punct)
def never():
    print("never printed")
atexit.register(goodbye, "world", punct="?")
atexit.register(never)
atexit.register(never)
atexit.unregister(never)
for args in [(), (1,)]:
    try:
        atexit.register(*args)
    except TypeError as e:
        print("TypeError", e)
try:
    atexit.unregister()
except TypeError as e:
    print("TypeError", e)

log = []
def pending_gen():
    try:
        yield
    finally:
        print("gen finally at exit; log is", type(log).__name__)
kept = pending_gen()
next(kept)
last = Tracked("global at exit")
print("end of program")
