class P:
    __slots__ = ("x", "y")
    def __init__(self, x):
        self.x = x

p = P(1)
print(p.x)
try:
    p.y
except AttributeError as e:
    print(type(e).__name__, e)
try:
    p.z = 3
except AttributeError as e:
    print(type(e).__name__, e)
print(hasattr(p, "__dict__"))
p.y = 2
del p.y
try:
    del p.y
except AttributeError as e:
    print(type(e).__name__, e)
print(type(P.__dict__["x"]).__name__)

class Q(P):
    pass
q = Q(5)
q.anything = "ok"
print(q.anything, q.__dict__)

class R(P):
    __slots__ = ("z", "__dict__")
r = R(1)
r.z = 2
r.w = 3
print(r.x, r.z, r.__dict__)

try:
    class Conflict:
        __slots__ = ("a",)
        a = 5
except ValueError as e:
    print(type(e).__name__, e)

class S:
    __slots__ = "single"
s = S()
s.single = 1
print(s.single, S.__slots__)
