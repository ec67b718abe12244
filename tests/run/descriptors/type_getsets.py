# type's own attributes are getset/member descriptors in type.__dict__,
# usable directly; descriptor objects name their class and themselves.
import builtins

for name in ['__name__', '__qualname__', '__bases__', '__module__', '__dict__', '__doc__',
             '__text_signature__', '__annotations__', '__mro__', '__base__', '__flags__',
             '__basicsize__', '__itemsize__']:
    d = type.__dict__[name]
    print(name, type(d).__name__, repr(d))

print(type.__dict__['__name__'].__get__(int), type.__dict__['__mro__'].__get__(bool))
print(type.__dict__['__qualname__'].__get__(dict), type.__dict__['__module__'].__get__(int))
for tp in [t for t in vars(builtins).values() if isinstance(t, type)]:
    object.__getattribute__(tp, '__bases__')
print(object.__getattribute__(bool, '__bases__'), object.__getattribute__(int, '__mro__'))

class X:
    "elephant"
X.__doc__ = "banana"
print(X.__doc__)
type.__dict__['__name__'].__set__(X, 'Y')
print(X.__name__, X.__qualname__)
tests = [
    lambda: type.__dict__['__doc__'].__set__(list, 'blah'),
    lambda: type.__dict__['__doc__'].__delete__(X),
    lambda: type.__dict__['__name__'].__delete__(X),
    lambda: type.__dict__['__mro__'].__set__(X, ()),
    lambda: type.__dict__['__dict__'].__set__(X, {}),
    lambda: type.__dict__['__name__'].__get__(42),
    lambda: type.__dict__['__annotations__'].__get__(int),
]
for t in tests:
    try:
        t()
        print('no error')
    except (TypeError, AttributeError) as e:
        print(type(e).__name__, e)
print(X.__doc__)

# Descriptor objects: __objclass__, __name__, __qualname__.
for d in [str.lower, complex.real, float.real, int.__add__, type.__dict__['__name__'], int.__dict__['numerator']]:
    print(type(d).__name__, d.__objclass__, d.__name__, d.__qualname__)
class S:
    __slots__ = ('a',)
print(S.a.__objclass__ is S, S.a.__name__, S.a.__qualname__)
