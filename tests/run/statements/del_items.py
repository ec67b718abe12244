# del of dict and list items and slices, with CPython's errors.
d = {"a": 1, "b": 2, 3: "c"}
del d["a"], d[3]
print(d)
l = list(range(10))
del l[0]
print(l)
del l[-1]
print(l)
del l[1:3]
print(l)
del l[::2]
print(l)
l = list(range(10))
del l[::-3]
print(l)
del l[5:1]
print(l)
m = list(range(10))
del m[1::3]
print(m)
m = list(range(10))
del m[::-2]
print(m)
m = list(range(10))
del m[8:1:-3]
print(m)
m = list(range(10))
del m[-3:], m[::4]
print(m)
del l[:]
print(l)
for container, key in [(d, "missing"), ([1], 5), ([1], "x"), ((1, 2), 0), ("ab", 0)]:
    try:
        del container[key]
    except (KeyError, IndexError, TypeError, ValueError) as e:
        print(type(e).__name__, e)
try:
    del l[::0]
except ValueError as e:
    print(e)
del d["zzz"]
