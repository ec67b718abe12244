for a, (b, c) in [(1, (2, 3)), (4, (5, 6))]:
    print(a, b, c)
for a, *rest in [(1, 2, 3), (4,)]:
    print(a, rest)
class Holder:
    pass
h = Holder()
for h.attr in range(3):
    pass
print(h.attr)
d = {}
for d["key"] in "xyz":
    pass
print(d)
lst = [0, 0, 0]
for i, lst[i] in enumerate("abc"):
    pass
print(lst)
for [x, y] in ["ab", "cd"]:
    print(x + y)
try:
    for a, b in [(1, 2), (3,)]:
        print(a, b)
except ValueError as e:
    print(type(e).__name__, e)
pairs = {"one": 1, "two": 2}
for k, v in pairs.items():
    print(k, v)
for i, (k, v) in enumerate(sorted(pairs.items(), key=lambda kv: -kv[1])):
    print(i, k, v)
for _ in []:
    pass
print("_" in dir())
for (a), [b] in [(1, [2])]:
    print(a, b)
