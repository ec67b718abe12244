# collections.Counter, on _collections._count_elements.
from collections import Counter

c = Counter("abracadabra")
print(sorted(c.items()), c["a"], c["z"], len(c))
print(c.most_common(), c.most_common(2), sorted(c.elements()))
c.update("aaz")
c.update({"q": 5})
c.subtract("ab")
print(c.most_common(3), c.total())
d = Counter(a=3, b=1, c=-2)
e = Counter(a=1, b=2, d=4)
print(d + e, d - e, d & e, d | e, +d, -d)
print(Counter(a=1) == Counter(a=1, b=0), Counter(a=1) <= Counter(a=2), Counter(a=3) > Counter(a=1))
print(Counter(["x", ("t", 1), 3, 3.0, True, 1]))
print(repr(Counter()), Counter("ab") + Counter())
words = "the quick brown the lazy the end".split()
print(Counter(words).most_common(1), Counter(map(len, words)))
del c["a"]
print("a" in c, c.pop("b"), sorted(c))
print(Counter(iter([1, 1, 2])), Counter(range(3)) == Counter({0: 1, 1: 1, 2: 1}))

# _count_elements directly: the fast path for dicts, the general one
# for other mappings (get and __setitem__ are called).
from _collections import _count_elements
m = {}
_count_elements(m, "hello")
print(m)
class Loud(dict):
    def get(self, k, default=None):
        print("get", k)
        return dict.get(self, k, default)
    def __setitem__(self, k, v):
        print("set", k, v)
        dict.__setitem__(self, k, v)
lm = Loud()
_count_elements(lm, "aba")
print(lm)
class Acc:
    def __init__(self):
        self.d = {}
    def get(self, k, default):
        return self.d.get(k, default)
    def __setitem__(self, k, v):
        self.d[k] = v
acc = Acc()
_count_elements(acc, [1, 2, 1])
print(acc.d)
f = {"x": 1.5}
_count_elements(f, "xx")
print(f)
for bad in [lambda: _count_elements({}, 1), lambda: _count_elements({}), lambda: _count_elements([], "a"), lambda: _count_elements({}, [[1]])]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
