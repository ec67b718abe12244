# Default values are evaluated once, at definition time.
def f(a, b=2, c=[]):
    c.append(a)
    return a, b, c

print(f(1))
print(f(2, 3))
print(f(3, c=[]))
print(f(4))

counter = 10
def g(x=counter):
    return x
counter = 20
print(g(), g(5))

print(f.__defaults__)
print(g.__defaults__)
g.__defaults__ = (99,)
print(g())
g.__defaults__ = None
try:
    g()
except TypeError as e:
    print(type(e).__name__, e)

def h(a, b=None, *, c=3, d):
    return a, b, c, d
print(h.__kwdefaults__)
print(h(1, d=4))
print(h(1, 2, c=5, d=6))
