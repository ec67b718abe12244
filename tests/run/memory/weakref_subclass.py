# Classes derived from weakref.ref, as weakref.py's WeakMethod and KeyedRef.
import _weakref
from _weakref import ref


class C:
    def method(self):
        return "called"


class KeyedRef(ref):
    __slots__ = ("key",)

    def __new__(type, ob, callback, key):
        self = ref.__new__(type, ob, callback)
        self.key = key
        return self

    def __init__(self, ob, callback, key):
        super().__init__(ob, callback)


class Plain(ref):
    pass


died = []
c = C()
k = KeyedRef(c, lambda r: died.append(r.key), "the key")
p = Plain(c)
print(type(k).__name__, k.key, k() is c, p() is c, isinstance(k, ref), k is not ref(c), p is not ref(c))
print(_weakref.getweakrefcount(c), k == p, hash(k) == hash(c))
p.extra = 5
print(p.extra, k.__callback__ is not None, p.__callback__)
try:
    k.other = 1
except AttributeError as e:
    print("AttributeError", e)
del c
print(k(), p(), died)

for args in [(), (C(), None, 3)]:
    try:
        Plain(*args)
    except TypeError as e:
        print("TypeError", e)
try:
    Plain(5)
except TypeError as e:
    print("TypeError", e)
d = C()
r = ref(d)
for args in [(), (d, None, 4)]:
    try:
        r.__init__(*args)
    except TypeError as e:
        print("TypeError", e)
print(r.__init__(d), r.__init__(d, None))


class WeakMethodLike(ref):
    __slots__ = ("_func_ref", "_meth_type", "__weakref__")

    def __new__(cls, meth):
        obj = meth.__self__
        self = ref.__new__(cls, obj)
        self._func_ref = ref(meth.__func__)
        self._meth_type = type(meth)
        return self

    def __call__(self):
        obj = super().__call__()
        func = self._func_ref()
        if obj is None or func is None:
            return None
        return self._meth_type(func, obj)


e = C()
wm = WeakMethodLike(e.method)
print(wm()(), ref(wm)() is wm)
del e
print(wm())

import types
bound = types.MethodType(len, "abc")
print(bound(), types.MethodType(C.method, C())())
for args in [(len,), (len, None), (5, 1), (len, 1, 2)]:
    try:
        types.MethodType(*args)
    except TypeError as e:
        print("TypeError", e)
