# The module type: __new__ without __init__, __init__ again, repr from the
# spec / loader / file, __dir__, attribute errors, subclasses with slots.
import sys
from types import ModuleType

u = ModuleType.__new__(ModuleType)
print(u.__dict__, dir(u), repr(u), u.__doc__ == ModuleType.__doc__)
for get in (lambda: u.__name__, lambda: u.missing):
    try:
        get()
    except AttributeError as e:
        print('AttributeError', e)
u.__init__('late')
print(u, sorted(u.__dict__))

m = ModuleType('foo', 'foodoc\u1234')
m.bar = 42
d = m.__dict__
m.__init__('foo', 'foodoc')
print(m.__doc__, m.bar, m.__dict__ is d, sorted(m.__dict__.items(), key=lambda kv: kv[0]))
for bad in [lambda: ModuleType(), lambda: ModuleType(1), lambda: ModuleType('a', 'b', 'c')]:
    try:
        bad()
    except TypeError as e:
        print('TypeError')
try:
    m.nope
except AttributeError as e:
    print(e)
try:
    del m.nope
except AttributeError as e:
    print(e)

# repr, as importlib's _module_repr.
class BareLoader:
    pass
class FullLoader:
    def module_repr(self, m):
        return '<module {!r} (crafted)>'.format(m.__name__)
class BadLoader:
    def module_repr(self, m):
        raise ValueError
r = ModuleType('foo')
print(repr(r))
del r.__name__
print(repr(r))
r.__file__ = '/tmp/foo.py'
print(repr(r))
r.__loader__ = BareLoader()
r.__name__ = 'foo'
print(repr(r).split(' at ')[0].replace('__main__.', ''))
del r.__file__
print(repr(r).split(' at ')[0].replace('__main__.', ''))
r.__loader__ = BareLoader
print(repr(r).replace('__main__.', ''))
r.__loader__ = FullLoader()
print(repr(r))
r.__loader__ = BadLoader()
print(repr(r).split(' at ')[0].replace('__main__.', ''))
class Spec:
    name = 'spec_name'
    origin = None
    loader = None
    has_location = False
r.__spec__ = Spec()
print(repr(r))
Spec.origin = 'somewhere'
print(repr(r))
Spec.has_location = True
print(repr(r))
print(repr(sys), repr(ModuleType('x', 'doc')))

# __dir__: the namespace's own __dir__, else its keys.
g = ModuleType('g')
g.__dir__ = lambda: ['c', 'b', 'a']
print(dir(g))
g.__dir__ = 42
try:
    dir(g)
except TypeError as e:
    print('TypeError', e)

# A subclass with __slots__ keeps them apart from the namespace.
class WithSlots(ModuleType):
    __slots__ = ('a', 'b')
    def __init__(self, name):
        super().__init__(name)
w = WithSlots('name')
try:
    w.a
except AttributeError:
    print('no a yet')
w.a, w.b, w.c = 1, 2, 3
print(w.a, w.b, w.c, 'a' in w.__dict__, 'c' in w.__dict__, w.__name__)
