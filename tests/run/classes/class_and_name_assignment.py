# obj.__class__ = cls between compatible classes, and cls.__name__ = ...:
# CPython's checks and messages, attributes kept across the change.
class A:
    def who(self):
        return 'A'
class B:
    def who(self):
        return 'B'
class S:
    __slots__ = ('x',)
class T:
    __slots__ = ('x',)
class U:
    __slots__ = ('y',)
class S2(S):
    pass

a = A()
a.p, a.q = 1, 2
a.__class__ = B
print(type(a).__name__, a.who(), a.p, a.q, vars(a), isinstance(a, B), isinstance(a, A))
a.r = 3
print(sorted(vars(a)))
for target in (1, int, S, A):
    try:
        a.__class__ = target
        print('ok', type(a).__name__, a.who())
    except TypeError as e:
        print('TypeError', e)
s = S()
s.x = 5
for target in (T, U, A, S2, S):
    try:
        s.__class__ = target
        print('ok', type(s).__name__, s.x)
    except TypeError as e:
        print('TypeError', e)
for base in (int, str, tuple, bytes, list, dict, set, frozenset, float, complex, Exception, property, bytearray):
    I = type('I', (base,), {})
    J = type('J', (base,), {})
    i = I()
    try:
        i.__class__ = J
        print(base.__name__, 'ok', type(i).__name__)
    except TypeError as e:
        print(base.__name__, 'TypeError', e)
for obj in (3, 'x', None):
    try:
        obj.__class__ = A
    except TypeError as e:
        print('TypeError', e)
try:
    del a.__class__
except TypeError as e:
    print('TypeError', e)

class C:
    pass
C.__name__ = 'Renamed'
print(C.__name__, C.__qualname__, C, repr(C())[:24])
for v in (1, 'a\x00b'):
    try:
        C.__name__ = v
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
for attr in ('__name__', '__qualname__'):
    try:
        delattr(C, attr)
    except TypeError as e:
        print('TypeError', e)
try:
    int.__name__ = 'integer'
except TypeError as e:
    print('TypeError', e)
C.__qualname__ = 'Q.R'
print(C, C.__name__, C.__qualname__)
class D(C):
    pass
print([k.__name__ for k in D.__mro__])
