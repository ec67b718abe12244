def f(a, b=1, *args, c, d=2, **kw): return (a, b, args, c, d, kw)
def g(a, /, b): pass
def h(a, b, *, c): pass
class C:
  def m(self, a): pass
print(f(1, c=3), f(1, 2, 3, 4, c=5, z=6), f(*[1, 2], **{'c': 0}))
print(f(**{'a': 1, 'c': 2}), f(1, *(2, 3), c=1, **{'q': 1}))
def k(*args, **kwargs): return args, kwargs
print(k(), k(1, x=2), k(*range(3)))
print(*[1, 2, 3], sep='-')
x = [*range(3), 5, *"ab"]
print(x, (*x,))
try:
    f(**{"c":1}, **{"c":2})
except Exception as e:
    print('f(**{"c":1}, **{"c":2})', '|', type(e).__name__, e)
try:
    f(**1)
except Exception as e:
    print('f(**1)', '|', type(e).__name__, e)
try:
    print(**1)
except Exception as e:
    print('print(**1)', '|', type(e).__name__, e)
try:
    f(*1)
except Exception as e:
    print('f(*1)', '|', type(e).__name__, e)
try:
    f(1)
except Exception as e:
    print('f(1)', '|', type(e).__name__, e)
try:
    f(c=1)
except Exception as e:
    print('f(c=1)', '|', type(e).__name__, e)
try:
    g(a=1, b=2)
except Exception as e:
    print('g(a=1, b=2)', '|', type(e).__name__, e)
try:
    g(1, 2, 3)
except Exception as e:
    print('g(1, 2, 3)', '|', type(e).__name__, e)
try:
    h(1, 2, 3)
except Exception as e:
    print('h(1, 2, 3)', '|', type(e).__name__, e)
try:
    h(1,2,3,c=1)
except Exception as e:
    print('h(1,2,3,c=1)', '|', type(e).__name__, e)
try:
    h(1, c=2)
except Exception as e:
    print('h(1, c=2)', '|', type(e).__name__, e)
try:
    h(1,2)
except Exception as e:
    print('h(1,2)', '|', type(e).__name__, e)
try:
    f(1,c=1,a=2)
except Exception as e:
    print('f(1,c=1,a=2)', '|', type(e).__name__, e)
try:
    C().m()
except Exception as e:
    print('C().m()', '|', type(e).__name__, e)
try:
    C().m(1,2)
except Exception as e:
    print('C().m(1,2)', '|', type(e).__name__, e)
try:
    C.m()
except Exception as e:
    print('C.m()', '|', type(e).__name__, e)
try:
    g()
except Exception as e:
    print('g()', '|', type(e).__name__, e)
try:
    h()
except Exception as e:
    print('h()', '|', type(e).__name__, e)
try:
    g(1, a=2, b=3)
except Exception as e:
    print('g(1, a=2, b=3)', '|', type(e).__name__, e)
try:
    len(*[1,2])
except Exception as e:
    print('len(*[1,2])', '|', type(e).__name__, e)
try:
    f(1, *None)
except Exception as e:
    print('f(1, *None)', '|', type(e).__name__, e)
try:
    (lambda *, k: 0)()
except Exception as e:
    print('(lambda *, k: 0)()', '|', type(e).__name__, e)
try:
    (lambda a=1, *, k: 0)(1, 2)
except Exception as e:
    print('(lambda a=1, *, k: 0)(1, 2)', '|', type(e).__name__, e)
