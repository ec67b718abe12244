# groupby with its _grouper objects (groups end when the groupby moves on),
# and tee: shared buffering across links, copies, tee of tee, and errors.
import itertools as it
from itertools import groupby, tee

print([(k, list(g)) for k, g in groupby("aaabccdaa")], [k for k, _ in groupby([])])
print([(k, list(g)) for k, g in groupby([1, 2, 3, 4, 5, 7], key=lambda x: x // 2)])
print([(k, "".join(g)) for k, g in groupby("AaBbbC", str.upper)])
print([(k, list(g)) for k, g in groupby(iterable=[1, 1.0, True, 2], key=None)])
groups = list(groupby("aabbc"))
print([(k, list(g)) for k, g in groups])
g = groupby("aabbbc")
k1, g1 = next(g)
print(k1, next(g1))
k2, g2 = next(g)
print(k2, list(g1), next(g2), list(g2), list(g2))
print([k for k, _ in g], list(g))
g = groupby("aab")
k, g1 = next(g)
print(list(g1), next(g)[0], list(g1))
calls = []
def key(x):
    calls.append(x)
    return x % 2
print([(k, list(v)) for k, v in groupby([1, 3, 2, 4, 5], key)], calls)
calls.clear()
print([k for k, _ in groupby([1, 3, 2, 4, 5], key)], calls)
class Eq:
    def __init__(self, v):
        self.v = v
    def __eq__(self, other):
        print("eq", self.v, other.v)
        return self.v == other.v
    def __repr__(self):
        return f"Eq({self.v})"
print([(k, list(v)) for k, v in groupby([Eq(1), Eq(1), Eq(2)])])
g = groupby([1])
_, grp = next(g)
print(type(grp).__name__, type(grp).__module__, iter(grp) is grp, type(grp) is it._grouper)
gr = it._grouper(g, 1)
print(list(gr))
g = groupby([1, 1, 2])
print(list(it._grouper(g, 1)), [(k, list(v)) for k, v in g])

print(tee.__name__, tee.__qualname__, repr(tee), type(tee).__name__)
print([(k, bytes(g)) for k, g in groupby(b"aab")], [list(t) for t in tee(bytearray(b"xy"))])
a, b = tee(range(5))
print(list(a), list(b), list(a))
a, b, c = tee("abc", 3)
print(next(a), next(a), next(b), list(c), list(a), list(b))
print(tee([1], 0), len(tee([1], 1)), tee(1, 0), type(tee([])[0]).__name__)
big = list(range(200))
a, b = tee(big)
print(sum(a), sum(it.islice(b, 100)), sum(b))
a, b = tee(iter(big))
for _ in range(130):
    next(a)
print(next(a), next(b), sum(a), sum(b))
a, b = tee(range(3))
c = a.__copy__()
print(next(a), list(c), list(a), list(b))
t = tee(range(4))[0]
t2, t3 = tee(t)
print(t2 is t, list(t3), list(t2), list(t))
t = tee("xyz")[0]
next(t)
u = it._tee(t)
print(list(u), list(t), list(it._tee("pq")))
source = iter(range(10))
a, b = tee(source)
print(next(a), next(a), next(source), next(b), next(b), next(b), list(a))
class Copyable:
    def __init__(self, start):
        self.i = start
    def __iter__(self):
        return self
    def __next__(self):
        self.i += 1
        if self.i > 3:
            raise StopIteration
        return self.i
    def __copy__(self):
        print("copied at", self.i)
        return Copyable(self.i)
x = Copyable(0)
parts = tee(x, 3)
print(parts[0] is x, [list(p) for p in parts])
chain = it.chain([1, 2], [3])
a, b = tee(tee(tee(chain)[0])[1])
print(list(a), list(b))
nested = iter(range(3))
for _ in range(1000):
    nested = tee(nested)[1]
print(list(nested))

for bad in ["groupby()", "groupby(1)", "groupby([], None, 1)", "groupby([], x=1)", "groupby(key=len)",
            "list(groupby([1, 2], 5))", "list(groupby(['a', 1], len))",
            "it._grouper()", "it._grouper(1, 2)", "it._grouper(groupby([]), 1, x=2)",
            "tee()", "tee(1)", "tee([], -1)", "tee([], 'a')", "tee([], 2, 3)", "tee([], n=2)", "tee([], 2**70)",
            "it._tee()", "it._tee(1)", "it._tee([], [])", "tee([])[0].__copy__(1)",
            "it._tee_dataobject()", "it._tee_dataobject(1, 2, 3)", "it._tee_dataobject(iter([]), [], 3)",
            "it._tee_dataobject(iter([]), [1] * 58, None)", "it._tee_dataobject(iter([]), [1] * 57, 3)",
            "type(it._tee_dataobject(iter([]), [1] * 57, None)).__name__"]:
    try:
        r = eval(bad)
        print(bad, "ok", r if isinstance(r, str) else "")
    except Exception as e:
        print(bad, type(e).__name__, e)
