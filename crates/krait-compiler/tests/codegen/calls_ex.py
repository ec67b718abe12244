def f(a, b=1, *args, c, d=2, **kwargs):
    return a, b, args, c, d, kwargs


def g(*, key=None, reverse=False):
    return key


f(*[1, 2])
f(1, *(2, 3), 4, c=5)
f(**{'c': 1}, a=2)
f(1, c=2, **{'d': 3}, e=4, **{'g': 5})
f(x, *y, z)
obj.method(*args, **kwargs)
print(*[1, 2, 3], sep='')
x = [*a, 1, *b]
t = (*a, *b)
t2 = (1, 2, 3, *a)
lst = [1, 2, 3]
f(a0, a1, a2, a3, a4, a5, a6, a7, a8, a9, a10, a11, a12, a13, a14, a15, a16, a17, a18, a19, a20, a21, a22, a23, a24, a25, a26, a27, a28, a29, a30)
f(k0=0, k1=1, k2=2, k3=3, k4=4, k5=5, k6=6, k7=7, k8=8, k9=9, k10=10, k11=11, k12=12, k13=13, k14=14, k15=15, **kw)


class C(*bases, metaclass=M, **kw):
    pass


def h(a, /, b, *, c=f(1)):
    pass
merged = {**a, 'x': 1, **b}
merged2 = {'a': 1, 'b': 2, **c}
merged3 = {**a}
plain = {k: v, 'q': 2}
