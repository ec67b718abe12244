# Weak reference proxies forward the number, sequence, iterator and
# conversion protocols to their referent (CPython's proxy slots), are
# unhashable, are shared when made without a callback; bound methods can
# be weakly referenced; getweakrefs lists the basic ref and proxy first,
# then the others newest first; a dead ref's __callback__ is None.
import operator
import weakref


def attempt(label, f):
    try:
        print(label, f())
    except Exception as e:
        print(label, type(e).__name__, e)


class Num:
    def __init__(self, v):
        self.v = v

    def __add__(self, o):
        return ('add', o)

    def __radd__(self, o):
        return ('radd', o)

    def __floordiv__(self, o):
        return 42

    def __ifloordiv__(self, o):
        return 21

    def __matmul__(self, o):
        return 1729

    def __rmatmul__(self, o):
        return -163

    def __neg__(self):
        return 'neg'

    def __abs__(self):
        return 'abs'

    def __index__(self):
        return 10

    def __float__(self):
        return 2.5

    def __bytes__(self):
        return b'num'

    def __divmod__(self, o):
        return 'divmod'


n = Num(1)
p = weakref.proxy(n)
print(p + 1, 1 + p, p + 2.5, p // 5, p @ 3, 3 @ p, -p, abs(p), operator.index(p), float(p), int(p), bytes(p), divmod(p, 2))
q = p
q //= 5
print(q, p is weakref.proxy(n), weakref.proxy(n, None) is p, type(p).__name__)
attempt('hash', lambda: hash(p))
print(weakref.proxy(n, lambda r: None) is p)

items = [3, 1, 2]


class Box(list):
    pass


b = Box(items)
pb = weakref.proxy(b)
pb[0] = 9
del pb[1]
print(b, 2 in pb, list(reversed(pb)), len(pb))


def gen():
    yield from [4, 5, 6]


g = gen()


class Iterates:
    def __iter__(self):
        return weakref.proxy(g)


print(list(Iterates()))


class BadIter:
    def __iter__(self):
        return weakref.proxy(lambda: 0)


attempt('bad next', lambda: list(BadIter()))


class Obj:
    def m(self):
        return 'm'


o = Obj()
bm = o.m
r = weakref.ref(bm)
print(r() is bm, r()())
del bm
print(r())


class MyRef(weakref.ref):
    def __init__(self, ob, callback=None, value=42):
        self.value = value
        super().__init__(ob, callback)


x = Obj()
r1 = MyRef(x, None, value=7)
r2 = weakref.ref(x)
pr = weakref.proxy(x)
r3 = MyRef(x)
refs = weakref.getweakrefs(x)
print(r1.value, refs[0] is r2, refs[1] is pr, refs[2] is r3, refs[3] is r1, weakref.getweakrefcount(x))

order = []
y = Obj()
keep = [weakref.ref(y, lambda r, i=i: order.append(i)) for i in range(3)]
cb = weakref.ref(y, lambda r: None)
print(cb.__callback__ is not None)
del y
print(order, cb.__callback__)
