import inspect

def gen():
    yield 1
    yield 2

g = gen()
print(inspect.getgeneratorstate(g))
next(g)
print(inspect.getgeneratorstate(g), g.gi_frame.f_lineno)
list(g)
print(inspect.getgeneratorstate(g), g.gi_frame)

def reentrant():
    yield next(me)
me = reentrant()
try:
    next(me)
except ValueError as e:
    print(type(e).__name__, e)

def running_check():
    yield g2.gi_running
g2 = running_check()
print(next(g2), g2.gi_running)
print(g2.gi_code.co_name, gen.__code__.co_flags & 0x20 != 0)
h = gen()
print(h.gi_yieldfrom)
def deleg():
    yield from gen()
d = deleg()
next(d)
print(type(d.gi_yieldfrom).__name__)
