# abc.ABCMeta on the native _abc: registration, the caches, the subclass
# hook, abstract methods, and their errors.
import abc
import _abc
from collections.abc import Sequence, Mapping, Iterable


class Base(abc.ABC):
    @abc.abstractmethod
    def run(self):
        ...

    @property
    @abc.abstractmethod
    def name(self):
        ...


class Half(Base):
    def run(self):
        return 1


class Whole(Half):
    name = "whole"


print(sorted(Base.__abstractmethods__), sorted(Half.__abstractmethods__), sorted(Whole.__abstractmethods__))
try:
    Half()
except TypeError as e:
    print("TypeError", e)
print(Whole().run(), type(Base._abc_impl).__name__, type(Base._abc_impl).__module__)


class Plain:
    pass


token = abc.get_cache_token()
print(Base.register(Plain) is Plain, abc.get_cache_token() - token)
print(issubclass(Plain, Base), isinstance(Plain(), Base), Base.register(Whole) is Whole, abc.get_cache_token() - token)
registry, cache, negative, version = _abc._get_dump(Base)
print(sorted(r().__name__ for r in registry), sorted(r().__name__ for r in cache), version == abc.get_cache_token())
print(issubclass(int, Base), sorted(r().__name__ for r in _abc._get_dump(Base)[2]))
Base._abc_caches_clear()
print([len(s) for s in _abc._get_dump(Base)[:3]])
Base._abc_registry_clear()
print(issubclass(Plain, Base))

try:
    Base.register(5)
except TypeError as e:
    print("TypeError", e)
try:
    Plain.register
except AttributeError as e:
    print("AttributeError", e)
try:
    Whole.register(Base)
except RuntimeError as e:
    print("RuntimeError", e)
print(Base.register(Base) is Base)


class Hooked(abc.ABC):
    @classmethod
    def __subclasshook__(cls, C):
        if cls is Hooked:
            return hasattr(C, "quack") or NotImplemented
        return NotImplemented


class Duck:
    quack = 1


print(issubclass(Duck, Hooked), isinstance(Duck(), Hooked), issubclass(int, Hooked))


class Bad(abc.ABC):
    @classmethod
    def __subclasshook__(cls, C):
        return 1


try:
    issubclass(int, Bad)
except AssertionError as e:
    print("AssertionError", e)
try:
    issubclass(1, Base)
except TypeError as e:
    print("TypeError", e)


class Fake:
    __class__ = Whole


print(isinstance(Fake(), Base), isinstance(Fake(), Whole))


# Registering with Sequence or Mapping makes a class match those patterns.
class MySeq:
    def __len__(self):
        return 2

    def __getitem__(self, i):
        return [10, 20][i]


class SubSeq(MySeq):
    pass


Sequence.register(MySeq)


class MyMap(dict):
    pass


def kind(x):
    match x:
        case [a, b]:
            return ("sequence", a, b)
        case {}:
            return ("mapping",)
        case _:
            return ("other",)


print(kind(MySeq()), kind(SubSeq()), kind(MyMap()), isinstance(SubSeq(), Iterable), issubclass(MySeq, Mapping))
for bad in [lambda: _abc._abc_instancecheck(Plain, 1), lambda: _abc._abc_init(), lambda: _abc._get_dump(int)]:
    try:
        bad()
    except (TypeError, AttributeError) as e:
        print(type(e).__name__, e)
