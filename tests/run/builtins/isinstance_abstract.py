# isinstance/issubclass beyond types (CPython's object_isinstance and
# abstract_issubclass): objects with a __bases__ tuple are classes, an
# instance's __class__ property is consulted, non-AttributeErrors are not
# masked, and cyclic __bases__ end in RecursionError.


def attempt(label, f):
    try:
        print(label, f())
    except Exception as e:
        print(label, type(e).__name__, e)


class AbstractClass:
    def __init__(self, bases):
        self.bases = bases

    @property
    def __bases__(self):
        return self.bases

    def __call__(self):
        return AbstractInstance(self)


class AbstractInstance:
    def __init__(self, klass):
        self.klass = klass

    @property
    def __class__(self):
        return self.klass


Super = AbstractClass(())
Child = AbstractClass((Super,))
Grand = AbstractClass((Child, AbstractClass(())))


class Real:
    pass


print(isinstance(Super(), Super), isinstance(Super(), Child), isinstance(Child(), Super), isinstance(Grand(), Super))
print(issubclass(Child, Super), issubclass(Super, Child), issubclass(Grand, Super), isinstance(Real(), Super), isinstance(Super(), Real))
print(type(Super()).__name__, Super().__class__ is Super)


class Liar:
    __class__ = int


print(isinstance(Liar(), int), isinstance(Liar(), Liar), isinstance(3, Liar), type(Liar()).__name__)


class Raising:
    @property
    def __class__(self):
        raise RuntimeError('class')


class RaisingBases:
    @property
    def __bases__(self):
        raise RuntimeError('bases')


class NoBases:
    @property
    def __bases__(self):
        raise AttributeError


class Cyclic:
    @property
    def __bases__(self):
        return (self, self, self)


attempt('raising __class__', lambda: isinstance(Raising(), bool))
attempt('raising __bases__', lambda: isinstance(Real(), RaisingBases()))
attempt('no bases arg 2', lambda: isinstance(Real(), NoBases()))
attempt('no bases arg 1', lambda: issubclass(NoBases(), Real))
attempt('issubclass arg 2', lambda: issubclass(Real, NoBases()))
attempt('not a class', lambda: issubclass(3, Super))
try:
    issubclass(Cyclic(), int)
except RecursionError:
    print('cyclic RecursionError')
attempt('isinstance int', lambda: isinstance(1, 3))
