# functools.partial: construction, calls, flattening, attributes, repr.
from functools import partial


def show(*args, **kwargs):
    return args, kwargs


p = partial(show, 1, 2, x=3)
print(p.args, p.keywords, p.func is show)
print(p(4, y=5))
print(p(x=9))
print(p())

# Flattening a partial of a partial (no __dict__, partial's own __call__).
q = partial(p, 7, x=1, z=2)
print(q.func is show, q.args, q.keywords, q(8))

# A partial with attributes (or whose __dict__ was asked for) is kept whole.
r = partial(show)
r.attr = 1
print(partial(r, 2).func is r)
s = partial(show)
s.__dict__
print(partial(s, 2).func is s)


class P(partial):
    pass


class Q(partial):
    def __call__(self, *args):
        return "Q called", args


print(partial(P(show, 1), 2).func is show, partial(Q(show, 1), 2).func is show)
print(partial(Q(show, 1), 2)(3))

# The keywords dict is the partial's own and mutable.
k = partial(show, a=1)
k.keywords["b"] = 2
print(k(), k(a=3))
k.keywords[1] = 2
try:
    k()
except TypeError as e:
    print("TypeError", e)

print(repr(partial(len, "abc")), repr(partial(max, 1, key=abs)))
print(repr(P(len, [1])))
print(repr(partial(len, **{"a b": 1})))
loop = partial(len)
loop.__setstate__((len, (loop,), {}, None))
print(repr(loop))

for bad in (lambda: partial(), lambda: partial(1), lambda: partial(func=len)):
    try:
        bad()
    except TypeError as e:
        print("TypeError", e)
for name in ("func", "args", "keywords"):
    try:
        setattr(p, name, None)
    except AttributeError as e:
        print("AttributeError", name, e)
try:
    del p.__dict__
except TypeError as e:
    print("TypeError", e)
try:
    p.__dict__ = 5
except TypeError as e:
    print("TypeError", e)
p.__dict__ = {"w": 1}
print(p.w, partial[int], type(partial.__dict__["__dict__"]).__name__)
print(type(p).__module__, type(p).__qualname__, sorted(P.__dict__))
print(partial(show, 1) == partial(show, 1), hash(p) == hash(p))
print(partial.__class_getitem__(str))
