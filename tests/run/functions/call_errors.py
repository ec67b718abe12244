def f(a, b):
    return a + b

cases = [
    lambda: f(1),
    lambda: f(1, 2, 3),
    lambda: f(1, 2, c=3),
    lambda: f(),
    lambda: f(1, a=1),
    lambda: (1)(),
    lambda: "str"(),
    lambda: None(),
    lambda: [].append(),
    lambda: len(),
    lambda: len(1, 2),
    lambda: len(x=1),
    lambda: int(1, 2, 3),
    lambda: dict(1, 2),
]
for c in cases:
    try:
        c()
    except TypeError as e:
        print(type(e).__name__, e)

class K:
    def m(self, x):
        return x
    def n():
        return 0
try:
    K().m()
except TypeError as e:
    print(type(e).__name__, e)
try:
    K().n()
except TypeError as e:
    print(type(e).__name__, e)
try:
    K.m(1, 2, 3)
except TypeError as e:
    print(type(e).__name__, e)
