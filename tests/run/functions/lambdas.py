sq = lambda x: x * x
print(sq(7))
print((lambda: 42)())
print((lambda *a, **k: (a, k))(1, 2, z=3))
print((lambda a, b=10, *, c=20: a + b + c)(1, c=2))
print((lambda a, /, b: a - b)(10, b=3))

adders = [lambda x, i=i: x + i for i in range(4)]
print([f(10) for f in adders])
late = [lambda x: x + i for i in range(4)]
print([f(10) for f in late])

print(sorted(["bb", "a", "ccc"], key=lambda s: -len(s)))
print(sq.__name__, sq.__qualname__)
print((lambda: (yield 1)).__name__)

compose = lambda f, g: lambda x: f(g(x))
inc = lambda x: x + 1
print(compose(sq, inc)(3), compose(inc, sq)(3))

try:
    (lambda x: x)()
except TypeError as e:
    print(type(e).__name__, e)

y = (lambda: (yield 5))()
print(next(y))
