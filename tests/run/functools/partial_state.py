# partial's pickling protocol: __reduce__, __setstate__ and its checks,
# copies, weak references, subclasses.
import copy
import pickle
import weakref
from functools import partial


def show(*args, **kwargs):
    return args, kwargs


class MyTuple(tuple):
    pass


class MyDict(dict):
    pass


class P(partial):
    pass


p = partial(show, 1, a=2)
cls, (func,), (func2, args, kw, d) = p.__reduce__()
print(cls is partial, func is show, func2 is show, args, kw, d)
p.attr = [3]
print(p.__reduce__()[2][3])

f = partial(show)
f.__setstate__((show, (1,), dict(a=10), dict(attr=[])))
print(f.args, f.keywords, f.attr, f(2, b=20))
f.__setstate__((show, (1,), None, None))
print(f.keywords, f.__dict__, f(2))
f.__setstate__((show, MyTuple((1,)), MyDict(a=10), None))
print(type(f.args).__name__, type(f.keywords).__name__, f())

for state in [(show, (), {}), (show, (), {}, {}, None), [show, (), {}, None], (None, (), {}, None),
              (show, None, {}, None), (show, [], {}, None), (show, (), [], None), 5]:
    try:
        f.__setstate__(state)
    except TypeError as e:
        print("TypeError", e)

for proto in range(pickle.HIGHEST_PROTOCOL + 1):
    g = pickle.loads(pickle.dumps(partial(max, 1, key=abs), proto))
    print(proto, repr(g), g(-3))

c = copy.copy(p)
d = copy.deepcopy(p)
print(c(5), d(6), c.attr is p.attr, d.attr is p.attr, d.attr == p.attr)

sub = P(show, 1)
sub.__setstate__((show, (2,), {"k": 1}, {"z": 9}))
print(sub.args, sub.keywords, sub.z, sub.__reduce__()[0] is P, sub.__reduce__()[2][3])
print(type(copy.copy(sub)).__name__, copy.copy(sub)(3))

r = weakref.ref(p)
print(r() is p)
del p
print(r())
rs = weakref.ref(sub)
del sub
print(rs())
