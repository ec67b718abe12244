d = {"b": 2, "a": 1}
d["c"] = 3
print(d, list(d), list(d.keys()), list(d.values()), list(d.items()))
print(d.get("a"), d.get("z"), d.get("z", 0), d.setdefault("a", 100), d.setdefault("e", 5), d)
print(d.pop("e"), d.pop("z", "default"), d.popitem(), d)
d.update({"x": 1}, y=2)
d.update([("z", 3)])
print(d)
print(dict(a=1), dict([("k", "v")]), dict({"m": 1}, n=2), dict.fromkeys("ab"), dict.fromkeys([1, 2], 0))
d["b"] = "updated keeps position"
print(d)
del d["b"]
d["b"] = "re-added at end"
print(list(d))
print(d | {"new": 0}, {"a": 1} | {"a": 2}, len(d), "x" in d, 1 in d)
for bad in (lambda: {}["k"], lambda: {}.pop("k"), lambda: {}.popitem(), lambda: dict([1]),
            lambda: dict([(1, 2, 3)]), lambda: {[]: 1}, lambda: {} | [], lambda: dict(1)):
    try:
        bad()
    except (KeyError, TypeError, ValueError) as e:
        print(type(e).__name__, e)
keys = d.keys()
d["late"] = 1
print(keys, type(keys).__name__, keys & {"x", "q"}, "late" in keys)
print(reversed(d) is not None, list(reversed({"p": 1, "q": 2})), {1: "a", True: "b", 1.0: "c"})
c = d.copy()
c.clear()
print(c, d == dict(d), {"a": 1} == {"a": 1.0}, {"a": 1, "b": 2} == {"b": 2, "a": 1})
