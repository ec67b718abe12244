# OrderedDict as CPython's C one: views and iterators, order-sensitive
# equality, move_to_end/popitem, errors, mutation during iteration.
from collections import OrderedDict
import copy

def attempt(label, f):
    try:
        print(label, "->", f())
    except Exception as e:
        print(label, type(e).__name__, e)

od = OrderedDict(a=1, b=2, c=3)
print(od.keys(), od.values(), od.items())
print(type(iter(od)).__name__, type(reversed(od.keys())).__name__, type(od.keys()).__name__)
print(list(reversed(od)), list(reversed(od.values())), list(reversed(od.items())))
print("b" in od.keys(), ("b", 2) in od.items(), 2 in od.values(), od.keys() & {"a", "z"}, od.keys() == {"a", "b", "c"})
print(OrderedDict.__module__, OrderedDict.__name__, isinstance(od, dict), repr(OrderedDict()))

# equality: order matters between OrderedDicts only.
x, y = OrderedDict([(1, 1), (2, 2)]), OrderedDict([(2, 2), (1, 1)])
print(x == y, x != y, x == dict(y), dict(y) == x, x == OrderedDict(x), x != {1: 1, 2: 2})
attempt("lt", lambda: x < y)

# move_to_end, popitem both ways, the LRU pattern.
od = OrderedDict.fromkeys("abcde", 0)
od.move_to_end("b")
od.move_to_end("d", last=False)
od.move_to_end("d", False)
od.move_to_end("b")
print(list(od), od.popitem(), od.popitem(last=False), od.popitem(False), list(od))
lru = OrderedDict()
for i in range(50):
    key = i % 7
    if key in lru:
        lru.move_to_end(key)
    lru[key] = i
    if len(lru) > 4:
        lru.popitem(last=False)
print(lru)
big = OrderedDict((i, i) for i in range(100))
for i in range(0, 100, 3):
    big.move_to_end(i, last=False)
for i in range(0, 100, 7):
    big.move_to_end(i)
print(all(big[k] == k for k in range(100)), len(big), list(big)[:5], list(big)[-5:])
for i in range(90):
    big.popitem(last=False)
print(list(big), all(big[k] == k for k in big), 3 in big)

# errors
for label, f in [
    ("popitem empty", lambda: OrderedDict().popitem()),
    ("pop missing", lambda: od.pop("zz")),
    ("move missing", lambda: od.move_to_end("zz")),
    ("move empty", lambda: OrderedDict().move_to_end(1)),
    ("init 2 args", lambda: OrderedDict(1, 2)),
    ("init bad pair", lambda: OrderedDict([1])),
    ("init short pair", lambda: OrderedDict([(1,)])),
    ("init long pair", lambda: OrderedDict([(1, 2, 3)])),
    ("update 2 args", lambda: od.update([(1, 2)], [3])),
    ("setdefault none", lambda: od.setdefault()),
    ("popitem 2 args", lambda: od.popitem(1, 2)),
    ("move none", lambda: od.move_to_end()),
    ("or int", lambda: od | 1),
    ("ior int", lambda: od.__ior__(1) if False else None),
    ("hash", lambda: hash(od)),
    ("keys arg", lambda: od.keys(1)),
]:
    attempt(label, f)

# pop, setdefault, update, |, copies.
od = OrderedDict(a=1)
print(od.pop("a"), od.pop("a", "dflt"), od.setdefault("s", 5), od.setdefault("s", 6), od)
od.update({"x": 1}, y=2)
od.update([("z", 3)])
od.update(OrderedDict(w=4))
class ItemsOnly:
    def items(self):
        return [("i", 9)]
od.update(ItemsOnly())
print(od)
print(od | {"q": 0}, {"q": 0} | od, type({"q": 0} | od).__name__)
od |= [("r", 1)]
print(od)
for dup in (od.copy(), copy.copy(od), copy.deepcopy(od)):
    print(type(dup).__name__, dup == od, list(dup) == list(od))
red = od.__reduce__()
print(red[0], red[1], red[2], red[3], list(red[4])[:2])

# changing keys while iterating; changing values is allowed.
od = OrderedDict(a=1, b=2)
for k in od:
    od[k] += 10
print(od)
it = iter(od)
next(it)
od["new"] = 1
attempt("added", lambda: next(it))
attempt("after error", lambda: next(it))
it = iter(od)
od.move_to_end("a")
attempt("moved", lambda: list(it))
it = iter(od)
od.move_to_end("a")
print("already last", list(it))
it = reversed(od.items())
del od["b"]
attempt("deleted", lambda: list(it))
r = OrderedDict()
r["self"] = r
print(r, repr(OrderedDict(k=[1])))

class Loud(OrderedDict):
    def __contains__(self, k):
        print("contains", k)
        return super().__contains__(k)
    def __setitem__(self, k, v):
        print("set", k, v)
        super().__setitem__(k, v)
    def __delitem__(self, k):
        print("del", k)
        super().__delitem__(k)
lo = Loud([("a", 1)], b=2)
lo.update(c=3)
print(lo.pop("a"), lo.popitem(), lo.pop("zz", 5), lo.setdefault("d", 4), lo.setdefault("d", 0), lo)
print(lo.copy(), type(lo.copy()).__name__, lo == OrderedDict(c=3, d=4))
lo.tag = 1
print(lo.__reduce__()[2])
