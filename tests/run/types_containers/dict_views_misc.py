# reversed() of dicts and views, view.mapping, iterator length hints,
# changes during iteration, argument errors of dict methods.
d = {"a": 1, "b": 2, "c": 3}
k, v, i = d.keys(), d.values(), d.items()
print(list(reversed(d)), list(reversed(k)), list(reversed(v)), list(reversed(i)), list(reversed({})))
print(type(reversed(d)).__name__, type(reversed(v)).__name__, type(reversed(i)).__name__, type(iter(i)).__name__)
print(type(k.mapping).__name__, k.mapping, i.mapping["a"], v.mapping["c"], dict(k.mapping) == d)
try:
    k.mapping["q"] = 1
except TypeError as ex:
    print(type(ex).__name__, ex)
it = reversed(d)
next(it)
d["new"] = 1
for _ in range(2):
    try:
        next(it)
    except RuntimeError as ex:
        print(type(ex).__name__, ex)
    del d["new"]
    d["new"] = 1
del d["new"]
it = iter(d)
print(it.__length_hint__(), next(it), it.__length_hint__(), list(it), it.__length_hint__())
d["x"] = 0
print(list(it), it.__length_hint__())
del d["x"]
it = iter(d.items())
next(it)
d.clear()
print(it.__length_hint__())
d = {"a": 1}
for bad in (lambda: d.keys(1), lambda: d.clear(1), lambda: d.copy(x=1), lambda: d.get(x=1), lambda: d.get(),
            lambda: d.pop(1, 2, 3), lambda: d.popitem(1), lambda: d.__reversed__(1), lambda: d.__contains__(),
            lambda: k.__reversed__(1), lambda: iter(d).__length_hint__(1), lambda: dict.fromkeys(),
            lambda: dict.fromkeys(1), lambda: d.update(1, 2), lambda: d.setdefault()):
    try:
        bad()
    except TypeError as ex:
        print(type(ex).__name__, ex)


class D(dict):
    pass


class Loud(dict):
    def __setitem__(self, k, v):
        print("set", k, v)
        super().__setitem__(k, v * 2)


print(D.fromkeys("ab", 0), type(D.fromkeys("ab")).__name__, Loud.fromkeys([1, 2], 5))
print(dict.fromkeys(range(3)), dict.fromkeys({"x": 1}), {}.fromkeys("q"), sorted(dir(dict))[-11:])
