# defaultdict: the factory, __missing__, repr, copy, |, the constructor.
from collections import defaultdict
import copy

dd = defaultdict(list)
dd["a"].append(1)
dd["a"].append(2)
dd["b"]
print(dd, len(dd), dd.default_factory, "c" in dd, dd.get("c"))
counts = defaultdict(int)
for w in "the cat and the hat and the bat".split():
    counts[w] += 1
print(sorted(counts.items()))
print(defaultdict(), defaultdict(None, {1: 2}), defaultdict(int, a=1), defaultdict(list, [(1, 2)], b=3))
nested = defaultdict(lambda: defaultdict(int))
nested["x"]["y"] += 3
print(dict(nested["x"]), type(nested["x"]).__name__)

# No factory: a KeyError, and get/setdefault/pop do not call the factory.
plain = defaultdict()
try:
    plain["missing"]
except KeyError as e:
    print("KeyError", e, e.args)
calls = []
def factory():
    calls.append(1)
    return "made"
f = defaultdict(factory)
print(f.get("k"), f.setdefault("s", 1), f.pop("p", None), "k" in f, calls)
print(f["k"], f.__missing__("m"), calls, sorted(f))
f.default_factory = None
try:
    f["z"]
except KeyError as e:
    print("KeyError", e)
f.default_factory = str
print(repr(f["z"]))
del f.default_factory
print(f.default_factory)

# repr, with a recursive value and a recursive factory.
r = defaultdict(list)
r["self"] = r
print(r)
class Factory:
    def __init__(self):
        self.dd = None
    def __call__(self):
        return 0
    def __repr__(self):
        return "Factory(%r)" % (self.dd,)
fac = Factory()
fac.dd = defaultdict(fac)
print(fac.dd)

# copies keep the class and factory.
src = defaultdict(list, {"a": [1]})
for dup in (src.copy(), copy.copy(src), copy.deepcopy(src)):
    print(type(dup).__name__, dup, dup.default_factory, dup == src, dup["a"] is src["a"])
print(src.__reduce__()[:4], list(src.__reduce__()[4]))

# | with dicts on either side; |= updates in place.
left = defaultdict(int, a=1)
print(left | {"b": 2}, {"b": 2, "a": 0} | left, left | left)
print(type({"x": 1} | left).__name__, (left | {}).default_factory)
left |= {"c": 3}
left |= [("d", 4)]
print(left)
try:
    left | [1]
except TypeError as e:
    print("TypeError", e)

# equality with dicts; dict methods.
print(defaultdict(int, a=1) == {"a": 1}, {"a": 1} == defaultdict(list, a=1))
g = defaultdict(int, a=1, b=2)
print(g.keys(), g.values(), g.items(), g.pop("a"), g.popitem(), g)
print(isinstance(g, dict), issubclass(defaultdict, dict), defaultdict.__module__, defaultdict.__name__)
print(defaultdict[str, int], type(defaultdict.default_factory).__name__)

# the constructor's checks.
for args in [(1,), ("x",), ([],), (None, 1), (list, 1, 2)]:
    try:
        print(defaultdict(*args))
    except TypeError as e:
        print("TypeError", e)
d2 = defaultdict(list, x=1)
d2.__init__(int, y=2)
print(d2, d2.default_factory)
d2.__init__()
print(d2, d2.default_factory)
