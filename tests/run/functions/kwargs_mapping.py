# f(**mapping) with mappings that are not dicts: keys() then __getitem__.
class M:
    def __init__(self, d):
        self.d = d
        self.calls = []

    def keys(self):
        self.calls.append("keys")
        return list(self.d)

    def __getitem__(self, k):
        self.calls.append(k)
        return self.d[k]


def f(*args, **kwargs):
    return args, kwargs


m = M({"a": 1, "b": 2})
print(f(**m), m.calls)
print(f(0, **M({"x": 9}), y=3), f(**M({})))
for bad in [lambda: f(**M({"a": 1}), a=2), lambda: f(**M({1: 2})), lambda: f(**[("a", 1)]), lambda: f(**5),
            lambda: print(**{1: 2}), lambda: f(**M({"a": 1}), **{"a": 3})]:
    try:
        bad()
    except TypeError as e:
        print("TypeError", e)


class KeysRaise:
    def keys(self):
        raise KeyError("no keys")


class GetItemRaise:
    def keys(self):
        return ["k"]

    def __getitem__(self, k):
        raise LookupError(k)


for bad in [KeysRaise(), GetItemRaise()]:
    try:
        f(**bad)
    except LookupError as e:
        print(type(e).__name__, e)
