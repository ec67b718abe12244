# Classes and slot wrappers: a class's own dunder comes first in the MRO,
# super() reaches the built-in's wrapper, and wrappers call the owner's
# slot, never the subclass's method again.
class MyInt(int):
    def __add__(self, other):
        return ("MyInt.__add__", int.__add__(self, other))
    def __radd__(self, other):
        return ("MyInt.__radd__", super().__radd__(other))
    def __neg__(self):
        return "neg of " + repr(super().__neg__())

a = MyInt(5)
print(a + 1, 1 + a, -a, a.__add__(2), int.__add__(a, 2), a - 1, type(a - 1).__name__)
print(MyInt.__add__ is not int.__add__, MyInt.__sub__ is int.__sub__, a.__sub__(1), (2).__radd__(a))

class Loud(list):
    def __len__(self):
        return 100 + super().__len__()
    def __getitem__(self, i):
        return ("item", super().__getitem__(i))
    def __contains__(self, x):
        print("contains", x)
        return super().__contains__(x)
    def __setitem__(self, k, v):
        super().__setitem__(k, v * 10)

l = Loud([1, 2, 3])
print(len(l), l[0], 2 in l, list.__len__(l), list.__getitem__(l, 1), l.__contains__(9))
l[0] = 5
print(list(l), list.__eq__(l, [50, 2, 3]))

class Point:
    def __init__(self, x):
        self.x = x
    def __eq__(self, other):
        if not isinstance(other, Point):
            return super().__eq__(other)
        return self.x == other.x
    def __lt__(self, other):
        if not isinstance(other, Point):
            return NotImplemented
        return self.x < other.x
    def __repr__(self):
        return f"Point({self.x}) via {super().__repr__()[:14]}"

p, q = Point(1), Point(2)
print(p == Point(1), p != Point(1), p == 3, p.__eq__(3), object.__ne__(p, Point(1)), object.__ne__(p, q))
print(p < q, p.__lt__(3), object.__lt__(p, q), Point.__hash__, repr(p))
try:
    p < 3
except TypeError as e:
    print(type(e).__name__, e)

# What functools.total_ordering asks: which comparisons a class defines
# itself rather than inheriting object's.
roots = {op for op in ("__lt__", "__le__", "__gt__", "__ge__") if getattr(Point, op, None) is not getattr(object, op, None)}
print(sorted(roots))

class NoHash(dict):
    pass
class NotContainer:
    __contains__ = None
    def __iter__(self):
        return iter([1])
class OnlySet:
    def __setitem__(self, k, v):
        print("set", k, v)
print(list.__hash__ is None, NoHash.__hash__ is None, dict.__hash__ is None, tuple.__hash__ is not None)
for f in (lambda: hash(NoHash()), lambda: 1 in NotContainer(), lambda: OnlySet().__setitem__(1, 2), lambda: OnlySet().__delitem__(1)):
    try:
        print(f())
    except (TypeError, AttributeError) as e:
        print(type(e).__name__, e)
o = OnlySet()
o["k"] = "v"
try:
    del o["k"]
except AttributeError as e:
    print(type(e).__name__, e)

class Reflected:
    def __radd__(self, other):
        return "Reflected.__radd__"
    def __rmul__(self, other):
        return "Reflected.__rmul__"
print(1 + Reflected(), (1).__add__(Reflected()), [1] * Reflected(), "s" * Reflected())

class Str(str):
    def __contains__(self, x):
        return "always"
print("z" in Str("abc"), str.__contains__(Str("abc"), "z"), Str("abc").__len__())

class Meta(type):
    def __call__(cls, *args):
        return ("Meta.__call__", super().__call__(*args))
class WithMeta(metaclass=Meta):
    def __init__(self, v):
        self.v = v
r = WithMeta(3)
print(r[0], r[1].v, type.__call__(WithMeta, 4).v)
