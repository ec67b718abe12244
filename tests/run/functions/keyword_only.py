def f(a, *, b, c=3):
    return a + b + c

print(f(1, b=2))
print(f(1, c=10, b=2))
for call in (lambda: f(1, 2), lambda: f(1), lambda: f(b=1, c=2),
             lambda: f(1, b=2, d=4), lambda: f(1, 2, 3)):
    try:
        call()
    except TypeError as e:
        print(type(e).__name__, e)

def g(*, x, y):
    return x * y
print(g(y=3, x=4))
try:
    g(1, 2)
except TypeError as e:
    print(type(e).__name__, e)
try:
    g()
except TypeError as e:
    print(type(e).__name__, e)
try:
    g(x=1)
except TypeError as e:
    print(type(e).__name__, e)

print(f.__code__.co_kwonlyargcount, g.__code__.co_kwonlyargcount)
print(f.__code__.co_argcount, g.__code__.co_argcount)
