# Pickling built-in descriptors, bound slots, singletons and generic
# aliases (descr_reduce, wrapper_reduce, ga_reduce), and type.__flags__.
import copy
import pickle
import types
import weakref


class Slotted:
    __slots__ = ("a",)


samples = [
    str.upper, list.append, dict.__dict__["fromkeys"], object.__init__, int.__add__,
    (1).__add__, [].__len__, ..., NotImplemented, list[int], dict[str, list[int]],
    tuple[int, ...], types.FunctionType.__code__, Slotted.a, len,
]
for proto in range(pickle.HIGHEST_PROTOCOL + 1):
    for obj in samples:
        try:
            back = pickle.loads(pickle.dumps(obj, proto))
            print(proto, type(obj).__name__, back == obj or back is obj)
        except Exception as e:
            print(proto, type(obj).__name__, type(e).__name__, e)

for obj in samples:
    try:
        r = obj.__reduce__()
        print(type(obj).__name__, r if isinstance(r, str) else (r[0].__name__, r[1]))
    except TypeError as e:
        print(type(obj).__name__, "TypeError", e)

starred = next(iter(tuple[int, str]))
print(repr(starred), copy.copy(starred) == starred, pickle.loads(pickle.dumps(starred)) == starred)
print(starred.__reduce__()[0].__name__)

# Generic aliases are weakly referenceable.
a = list[int]
r = weakref.ref(a)
print(r() is a)
del a
print(r())

# The flag bits Krait defines, against CPython's.
import abc
class A: pass
class B(list): pass
class E(ValueError): pass
class M(type): pass
class Ab(abc.ABC):
    @abc.abstractmethod
    def f(self): pass

DEFINED = (1 << 5) | (1 << 6) | (1 << 8) | (1 << 9) | (1 << 10) | (1 << 12) | (1 << 17) | (1 << 20) | (1 << 22) | (0xff << 24)
for t in [object, int, bool, float, complex, str, bytes, bytearray, list, tuple, dict, set, frozenset, type,
          range, slice, memoryview, types.FunctionType, type(len), type(str.upper), type(...), type(None),
          Exception, ValueError, A, B, E, M, Ab, property, enumerate, zip]:
    print(t.__name__, hex(t.__flags__ & DEFINED))
import inspect
print(inspect.isabstract(Ab), inspect.isabstract(A))

# Bound methods of Python functions pickle as getattr(receiver, name).
class K:
    def m(self): return 'm'
    @classmethod
    def c(cls): return 'c'
    class Nested:
        def n(self): return 'n'

for proto in range(pickle.HIGHEST_PROTOCOL + 1):
    for bound in [K().m, K.c, K.Nested().n]:
        back = pickle.loads(pickle.dumps(bound, proto))
        print(proto, back(), type(back).__name__, back.__func__ is bound.__func__)
print(K().m.__reduce__()[1][1], K.c.__reduce__()[1][0] is K)
