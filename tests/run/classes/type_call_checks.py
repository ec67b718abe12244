# type(name, bases, dict): the checks on the name, __doc__, __slots__ and
# the argument count, __base__ (the best base), type.__prepare__,
# __flags__ and __basicsize__.
import abc
import types


def attempt(f, *args, **kwargs):
    try:
        r = f(*args, **kwargs)
        print('ok', type(r).__name__)
    except Exception as e:
        print(type(e).__name__, e)


class B:
    def ham(self):
        return 'ham%d' % self


C = type('C', (B, int), {'spam': lambda self: 'spam%s' % self})
print(C.__base__, C.__bases__, C(42).ham(), C(42).spam())


class M(type):
    pass


attempt(M, 5)
attempt(M, 5, 6)
attempt(M)
attempt(type, 5, 6)
attempt(type)
attempt(type, 'A', (), {}, x=5)
attempt(type, 'A\x00B', (), {})
attempt(type, 'A\udcdcB', (), {})
attempt(type, b'A', (), {})
A = type('C', (), {})


def set_name(v):
    A.__name__ = v


for bad in ['A\x00B', 'A\udcdcB', b'A']:
    attempt(set_name, bad)
print(A.__name__)
attempt(type, 'A', (), {'__doc__': 'x\udcdcy'})
A.__doc__ = 'x\udcdcy'
print(ascii(A.__doc__))
for ns in [{'__slots__': b'x'}, {'__slots__': ''}, {'__slots__': '42'},
           {'__slots__': 'x\x00y'}, {'__slots__': 'x', 'x': 0},
           {'__slots__': ('__dict__', '__dict__')},
           {'__slots__': ('__weakref__', '__weakref__')},
           {'__slots__': ('a', 'b')}, {'__slots__': iter(['a'])}]:
    attempt(type, 'A', (), ns)
attempt(type, 'A', (int,), {'__slots__': 'x'})
attempt(type, 'A', (int,), {'__slots__': ()})
attempt(type, 'A', (B,), {'__slots__': '__dict__'})
attempt(type, 'A', (B,), {'__slots__': '__weakref__'})
attempt(type, 'A', (tuple,), {'__slots__': '__weakref__'})


class Meta(type):
    @classmethod
    def __prepare__(mcls, name, bases, **kwds):
        ns = super().__prepare__(name, bases, **kwds)
        ns['prepared'] = True
        return ns


class Base:
    def __init_subclass__(cls, **kw):
        print('init_subclass', kw)


class P(Base, metaclass=Meta, flag=1):
    pass


print(P.prepared, type.__prepare__('X', (), a=1), type.__prepare__.__name__)
print(types.new_class('N', (), {'metaclass': Meta}).prepared)


class Abstract(abc.ABC):
    @abc.abstractmethod
    def f(self):
        pass


class D:
    __slots__ = ()


class S:
    __slots__ = ('a', 'b')


HEAPTYPE, BASETYPE, ABSTRACT = 1 << 9, 1 << 10, 1 << 20
for t in (object, int, bool, dict, type, Exception, B, C, D, S, Abstract):
    f = t.__flags__
    print(t.__name__, t.__basicsize__, bool(f & HEAPTYPE), bool(f & BASETYPE), bool(f & ABSTRACT),
          bool(f & (1 << 24)), bool(f & (1 << 31)))
