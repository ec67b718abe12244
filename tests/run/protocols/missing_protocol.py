class Defaulting(dict):
    def __missing__(self, key):
        print("__missing__", key)
        return f"<{key}>"

d = Defaulting(a=1)
print(d["a"], d["b"], "b" in d, d.get("b"), len(d))

class Counting(dict):
    def __missing__(self, key):
        self[key] = 0
        return 0
c = Counting()
for ch in "abracadabra":
    c[ch] += 1
print(sorted(c.items()))

class Raising(dict):
    def __missing__(self, key):
        raise KeyError(f"custom {key}")
try:
    Raising()["x"]
except KeyError as e:
    print(type(e).__name__, e)

class NotADict:
    def __missing__(self, key):
        return "never"
try:
    NotADict()["x"]
except TypeError as e:
    print(type(e).__name__, e)

from collections import defaultdict
dd = defaultdict(list)
dd["x"].append(1)
dd["y"]
print(sorted(dd.items()), dd.default_factory.__name__)
nd = defaultdict()
try:
    nd["k"]
except KeyError as e:
    print(type(e).__name__, e)
