# 3.11's constructors refuse keywords for the type and for a subclass that
# keeps its __init__, but a subclass defining __init__ may take keywords
# (its __new__ ignores them); _tee objects are weakly referenceable.
import gc
import itertools as it
import operator
import weakref


def isodd(x):
    return x % 2 == 1


cases = [
    (it.repeat, (1, 2)),
    (zip, ([1, 2], "ab")),
    (filter, (None, [0, 1])),
    (it.filterfalse, (None, [0, 1])),
    (it.chain, ([1, 2], [3, 4])),
    (map, (str, [1, 2])),
    (it.starmap, (operator.pow, ((2, 3), (3, 2)))),
    (it.islice, ([1, 2, 3, 4], 1, 3)),
    (it.takewhile, (isodd, [1, 3, 2, 3])),
    (it.dropwhile, (isodd, [1, 3, 2, 3])),
    (it.cycle, ([1, 2],)),
    (it.pairwise, ("abc",)),
    (it.compress, ("abc", [1, 0, 1])),
]
for cls, args in cases:
    name = cls.__name__

    class Plain(cls):
        pass

    class WithInit(cls):
        def __init__(self, *args, newarg=None):
            self.newarg = newarg

    for label, f in ((name, cls), ("subclass", Plain)):
        try:
            f(*args, newarg=3)
            print(name, label, "accepted")
        except TypeError as e:
            print(name, label, "TypeError", e)
    try:
        u = WithInit(*args, newarg=3)
        print(name, "with __init__", type(u) is WithInit, list(it.islice(u, 3)), u.newarg)
    except TypeError as e:
        print(name, "with __init__", "TypeError", e)

a, b = it.tee("abc")
r = weakref.ref(a)
p = weakref.proxy(b)
print(r() is a, next(p), list(p))
del a
gc.collect()
print(r())
