t = (1, "two", 3.0)
print(t, t[1], t[-1], t[:2], len(t), t.count(1), t.index("two"), 3.0 in t)
print((), (1,), tuple(), tuple([1, 2]), tuple("ab"), (1, 2) + (3,), (0,) * 3, type((1)).__name__)
a, b, c = t
print(a, b, c)
print((1, 2) < (1, 3), (1, 2) == (1, 2.0), (2,) > (1, 99), hash((1, 2)) == hash((1, 2)))
nested = ((1, 2), (3, (4, 5)))
print(nested[1][1][0], [x for pair in nested for x in (pair if isinstance(pair[1], int) else [pair[0]])])
try:
    t[0] = 5
except TypeError as e:
    print(type(e).__name__, e)
try:
    t.index(99)
except ValueError as e:
    print(type(e).__name__, e)
try:
    t[5]
except IndexError as e:
    print(type(e).__name__, e)
mutable_inside = ([1],)
mutable_inside[0].append(2)
print(mutable_inside)
try:
    mutable_inside[0] += [3]
except TypeError as e:
    print(type(e).__name__, e, mutable_inside)
from collections import namedtuple
P = namedtuple("P", "x y")
p = P(1, y=2)
print(p, p.x, p[1], p._asdict(), p._replace(x=9), P._fields, isinstance(p, tuple))
