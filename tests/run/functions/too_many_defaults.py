# A function given more defaults than it has parameters: the extra ones are
# skipped from the front, and the error messages count them as CPython does.
def f(x):
    return x

f.__defaults__ = ("first", "second")
for _ in range(3):
    print(f(), f(1))

def g():
    return "g"

g.__defaults__ = (None,)
print(g())

def h(x, y, *, z):
    return x, y, z

h.__defaults__ = (1, 2, 3)
print(h(z=0), h(10, z=0), h(10, 20, z=0))
for call in (lambda: h(1, 2, 3, z=0), lambda: f(1, 2), lambda: g(1), lambda: h()):
    try:
        call()
    except TypeError as e:
        print("TypeError:", e)
