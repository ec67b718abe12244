def f(**kw):
    return kw

print(f())
print(f(a=1, b=2))
print(f(**{"x": 1}, y=2, **{"z": 3}))

def g(a, b=2, **kw):
    return a, b, kw
print(g(1, c=3))
print(g(b=5, a=4, z=0))
print(g(**{"a": 1, "b": 2, "c": 3}))

try:
    g(1, a=2)
except TypeError as e:
    print(type(e).__name__, e)
try:
    f(**{"a": 1}, **{"a": 2})
except TypeError as e:
    print(type(e).__name__, e)
try:
    f(**{1: 2})
except TypeError as e:
    print(type(e).__name__, e)
try:
    f(**[1, 2])
except TypeError as e:
    print(type(e).__name__, e)

def h(x):
    return x
try:
    h(y=1)
except TypeError as e:
    print(type(e).__name__, e)
try:
    h(1, x=1)
except TypeError as e:
    print(type(e).__name__, e)

class M:
    def keys(self):
        return ["k1", "k2"]
    def __getitem__(self, k):
        return k.upper()
print(f(**M()))
