# Classes derived from deque and defaultdict: their own attributes,
# overridden methods, __init__ signatures, copies, repr.
from collections import deque, defaultdict

class Stack(deque):
    def __init__(self, items=(), label="s"):
        super().__init__(items)
        self.label = label
    def push(self, x):
        self.append(x)
        return self

s = Stack([1, 2], label="mine")
s.push(3).push(4)
print(s, s.label, len(s), s[-1], s.maxlen, isinstance(s, deque), type(s).__mro__[1].__name__)
s.extra = "attr"
print(sorted(vars(s)), s.pop(), 2 in s, list(reversed(s)))
print(s == deque([1, 2, 3]), deque([1, 2, 3]) == s)

class Bounded(deque):
    pass
b = Bounded("abc", 2)
c = b.copy()
print(b, c, type(c).__name__, c.maxlen, type(b + deque("z")).__name__, type(b * 2).__name__)
print(b.__reduce__()[:3])
b.tag = 1
print(b.__reduce__()[2])

class Logged(deque):
    def append(self, x):
        print("append", x)
        super().append(x)
    def __getitem__(self, i):
        return ("item", super().__getitem__(i))
    def __setitem__(self, i, v):
        print("set", i, v)
        super().__setitem__(i, v)
    def __contains__(self, x):
        print("contains", x)
        return super().__contains__(x)
    def __iter__(self):
        print("iter")
        return super().__iter__()

lg = Logged([1, 2])
lg.append(3)
lg[0] = 10
print(lg[0], 10 in lg)
shown = repr(lg)
print(shown)
print(list(lg), lg == deque([10, 2, 3]))

class BadCopy(deque):
    def __init__(self, *args):
        pass
try:
    BadCopy([1]).copy()
except TypeError as e:
    print("TypeError", e)
class NotADeque(deque):
    def __new__(cls, *args):
        return [1]
print(NotADeque())

class Tree(defaultdict):
    def __init__(self):
        super().__init__(Tree)
    def __repr__(self):
        return "Tree(%s)" % dict.__repr__(self)
t = Tree()
t["a"]["b"]["c"] = 1
print(t, type(t["a"]).__name__)

class Counting(defaultdict):
    def __missing__(self, key):
        print("missing", key)
        return super().__missing__(key)
cd = Counting(int)
cd["x"] += 1
cd["x"] += 1
print(cd, cd.copy(), type(cd.copy()).__name__, cd.default_factory)
print(cd | {"y": 2}, type(cd | {"y": 2}).__name__)
cd.note = "n"
print(cd.note, sorted(vars(cd)))

class Setter(defaultdict):
    def __setitem__(self, k, v):
        print("setitem", k, v)
        super().__setitem__(k, v)
st = Setter(list)
st["k"].append(1)
print(st)

try:
    class Both(deque, dict):
        pass
except TypeError as e:
    print("TypeError", e)
try:
    import _collections
    class G(_collections._tuplegetter):
        pass
except TypeError as e:
    print("TypeError", e)

# defaultdict extends dict's layout: a class may derive from both.
class Plain(dict):
    pass
class Mixed(Plain, defaultdict):
    pass
m = Mixed(int)
m["k"] += 1
print(m, [c.__name__ for c in Mixed.__mro__])
