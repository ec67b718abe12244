class Vec:
    def __init__(self, *c):
        self.c = c
    def __matmul__(self, o):
        return sum(a * b for a, b in zip(self.c, o.c))
    def __rmatmul__(self, o):
        return f"rmatmul with {o!r}"
    def __imatmul__(self, o):
        self.c = tuple(a * b for a, b in zip(self.c, o.c))
        return self
    def __divmod__(self, n):
        return tuple(divmod(a, n) for a in self.c)
    def __rdivmod__(self, n):
        return "rdivmod"
    def __repr__(self):
        return f"Vec{self.c}"

v, w = Vec(1, 2, 3), Vec(4, 5, 6)
print(v @ w, [1] @ v, divmod(v, 2), divmod(7, v))
v @= w
print(v)
try:
    [1] @ [2]
except TypeError as e:
    print(type(e).__name__, e)
try:
    1 @ 2
except TypeError as e:
    print(type(e).__name__, e)
try:
    divmod("a", 2)
except TypeError as e:
    print(type(e).__name__, e)
x = 3
try:
    x @= 2
except TypeError as e:
    print(type(e).__name__, e)
print(divmod(-7, 2), divmod(7, -2), divmod(-7.5, 2), divmod(10 ** 20, 7), divmod(True, 2))
