d = {}
for k in [5, 3, 9, 1]:
    d[k] = str(k)
print(list(d), sorted(d))
for k in list(d):
    if k > 3:
        del d[k]
print(d)
d = dict.fromkeys(range(10))
for k in range(0, 10, 2):
    del d[k]
for k in range(20, 15, -1):
    d[k] = None
print(list(d))
try:
    for k in d:
        del d[k]
except RuntimeError as e:
    print(type(e).__name__, e)
d = {"a": 1}
it = iter(d)
d["b"] = 2
try:
    next(it)
except RuntimeError as e:
    print(type(e).__name__, e)
d = {"k": 1}
for k in d:
    d[k] = 2
print(d)
big = {i: i * i for i in range(1000)}
for i in range(0, 1000, 3):
    del big[i]
print(len(big), list(big)[:5], sum(big.values()))
e = {}
e[1] = "one"
e[1.0] = "one float"
e[True] = "true"
print(e, list(e.keys())[0].__class__.__name__)
