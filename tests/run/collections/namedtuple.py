# collections.namedtuple, whose fields are _collections._tuplegetter
# descriptors.
from collections import namedtuple
import _collections

Point = namedtuple("Point", ["x", "y"], defaults=[0])
p = Point(1, 2)
print(p, p.x, p.y, p[0], p[-1], Point(5), len(p), p == (1, 2), hash(p) == hash((1, 2)))
print(Point._fields, Point._field_defaults, p._asdict(), p._replace(y=9), Point._make([3, 4]))
x, y = p
print(x + y, list(p), tuple(p), p.count(1), p.index(2))
print(type(Point.x).__name__, Point.x, Point.x.__doc__, Point.y.__doc__)
Point.x.__doc__ = "the x coordinate"
print(Point.x.__doc__, Point.x.__reduce__())
try:
    p.x = 5
except AttributeError as e:
    print("AttributeError", e)
try:
    del p.y
except AttributeError as e:
    print("AttributeError", e)
try:
    Point()
except TypeError as e:
    print("TypeError", e)
for bad in (lambda: namedtuple("Bad", ["def"]), lambda: namedtuple("Bad", ["a", "a"]), lambda: namedtuple("Bad", ["_x"])):
    try:
        bad()
    except ValueError as e:
        print("ValueError", e)
R = namedtuple("R", "a def a", rename=True)
print(R._fields, R(1, 2, 3))

class P3(namedtuple("P3", "x y z")):
    __slots__ = ()
    def norm1(self):
        return abs(self.x) + abs(self.y) + abs(self.z)
q = P3(1, -2, 3)
print(q, q.norm1(), q.z, P3.__mro__[1].__name__)

# The descriptor itself.
g = _collections._tuplegetter(1, "doc")
print(g, g.__doc__, g.__get__((7, 8)), g.__get__(None, tuple) is g, g.__get__((7, 8), tuple))
for bad in (lambda: g.__get__([7, 8]), lambda: g.__get__((7,)), lambda: g.__set__((1, 2), 3),
            lambda: g.__delete__((1, 2)), lambda: _collections._tuplegetter(1),
            lambda: _collections._tuplegetter("a", 1), lambda: _collections._tuplegetter(0, None, x=1)):
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
print(_collections._tuplegetter(-1, None), _collections._tuplegetter(2 ** 3, [1]))
try:
    _collections._tuplegetter(-1, None).__get__((1, 2, 3))
except IndexError as e:
    print("IndexError", e)
