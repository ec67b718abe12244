class Point:
    "A point."
    dims = 2

    def __init__(self, x, y):
        self.x = x
        self.y = y

    def norm2(self):
        return self.x ** 2 + self.y ** 2

    def __repr__(self):
        return f"Point({self.x}, {self.y})"

p = Point(3, 4)
print(p, p.norm2(), Point.norm2(p), p.dims, Point.dims)
print(Point.__name__, Point.__qualname__, Point.__module__, Point.__doc__)
print(type(p) is Point, isinstance(p, Point), isinstance(p, object))
print(vars(p))
p.z = 5
print(sorted(vars(p)))
p.dims = 3
print(p.dims, Point.dims)
del p.dims
print(p.dims)
try:
    del p.dims
except AttributeError as e:
    print(type(e).__name__, e)
try:
    p.nothing
except AttributeError as e:
    print(type(e).__name__, e)
print(Point.__bases__, Point.__mro__)
print(type(Point), type(type))
bound = p.norm2
print(bound(), bound.__self__ is p, bound.__func__ is Point.norm2)
