d = {"a": 1, "b": 2, "c": 3}
k, v, i = d.keys(), d.values(), d.items()
print(k, v, i, len(k), "a" in k, 2 in v, ("b", 2) in i, ("b", 3) in i)
print(sorted(k & {"a", "z"}), sorted(k | {"z"}), sorted(k - {"a"}), sorted(k ^ {"a", "q"}))
print(sorted(i & {("a", 1), ("b", 0)}), k == {"a", "b", "c"}, k <= {"a", "b", "c", "d"}, k.isdisjoint({"x"}))
d["d"] = 4
print(list(k), list(v), list(i)[-1])
print(list(reversed(k)), list(reversed(v)), list(reversed(i))[0])
try:
    k[0]
except TypeError as e:
    print(type(e).__name__, e)
try:
    {}.values() | set()
except TypeError as e:
    print(type(e).__name__, e)
print(v == v, d.values() == d.values(), type(k).__name__, type(v).__name__, type(i).__name__)
print(k.mapping is not None, dict(i) == d, sorted(map(str, v)))
it = iter(k)
next(it)
del d["c"]
try:
    next(it)
except RuntimeError as e:
    print(type(e).__name__, e)
